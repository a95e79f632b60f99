"""One transliteration for IRIs, keys and matching: every folding routine agrees with kg.text.fold."""

from __future__ import annotations

import pytest
from rdflib import RDF

from kg.eval.score import fold_name
from kg.merge.names import norm
from kg.nlp.entities import fold as entity_fold
from kg.rdf.iris import slug
from kg.reference.gazetteer import normalize
from kg.text.fold import fold, to_ascii

NAMES = ["Torbjørn Løkke", "Ægir Þórsson", "Grzegorz Łężak", "Straße", "Đorđe Kılıç", "Œdipe", "Олег Гуров"]


@pytest.mark.parametrize("name", NAMES)
def test_every_folding_routine_uses_one_transliteration(name: str) -> None:
    plain = fold(name)
    assert plain.isascii() and plain == to_ascii(name).casefold()
    assert entity_fold(name) == plain
    assert slug(name) == "-".join(plain.split())
    assert normalize(name) == plain
    assert fold_name(name) == plain
    assert norm(name) == norm(plain)


def test_no_letter_is_lost() -> None:
    assert slug("Torbjørn Løkke") == "torbjorn-lokke"
    assert slug("Børge Brendel") == "borge-brendel"


@pytest.mark.model
def test_a_person_iri_keeps_every_letter() -> None:
    import kg
    from kg.vocab import KG

    dataset = kg.extract("Norwegian Foreign Minister Torbjørn Løkke met Swedish Foreign Minister Elin Dahl "
                         "in Oslo on Monday.", "2025-03-12", doc_id="fold")
    people = {str(p) for p in dataset.subjects(RDF.type, KG.Person)}
    assert any(p.endswith("/torbjorn-lokke") for p in people), people
