"""kg_gazetteer: countries, organisations and titles from kg's tables, and NER corrections."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.gazetteer import COUNTRIES_KEY, ORGS_KEY, TITLES_KEY


@pytest.fixture
def gazetteer_doc(make_doc: Callable[..., Doc], blank_nlp: Language) -> Callable[..., Doc]:
    """A tokenised Doc with the given NER labels, through kg_gazetteer only (no parse needed)."""

    def build(words: list[str], ents: list[str] | None = None) -> Doc:
        doc = make_doc(words, ents=ents or ["O"] * len(words), annotate=False)
        return blank_nlp.get_pipe("kg_gazetteer")(doc)

    return build


@pytest.mark.parametrize(
    ("words", "surface", "via", "alpha3"),
    [
        (["Kenyan", "officials", "arrived", "."], "Kenyan", "demonym", "KEN"),
        (["Kyiv", "said", "no", "."], "Kyiv", "capital", "UKR"),
        (["the", "Kremlin", "said", "no", "."], "the Kremlin", "seat", "RUS"),
        (["the", "US", "said", "no", "."], "US", "alias", "USA"),
        (["Georgia", "said", "no", "."], "Georgia", "name", "GEO"),
    ],
)
def test_gazetteer_marks_countries_with_how_they_are_named(
    gazetteer_doc: Callable[..., Doc], words: list[str], surface: str, via: str, alpha3: str
) -> None:
    doc = gazetteer_doc(words)
    assert [(s.text, s.label_, s.id_) for s in doc.spans[COUNTRIES_KEY]] == [(surface, via, alpha3)]


@pytest.mark.parametrize(
    "words",
    [
        ["tell", "us", "more", "."],  # the pronoun, not the United States
        ["the", "georgia", "peach", "."],  # a lower-case name is not a proper noun
        ["we", "ate", "turkey", "."],
    ],
)
def test_gazetteer_ignores_common_words(gazetteer_doc: Callable[..., Doc], words: list[str]) -> None:
    assert list(gazetteer_doc(words).spans[COUNTRIES_KEY]) == []


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # The small model calls a capital a PERSON: the table knows it is a place.
        (["Kyiv", "said", "no", "."], ["B-PERSON", "O", "O", "O"], [("Kyiv", "GPE")]),
        # A demonym is a nationality.
        (["Kenyan", "troops", "left", "."], ["B-ORG", "O", "O", "O"], [("Kenyan", "NORP")]),
        # A seat of power stands for the government: an organisation.
        (["Kremlin", "officials", "said", "no", "."], ["B-GPE", "O", "O", "O", "O"], [("Kremlin", "ORG")]),
        # Table entries the model missed are added.
        (["the", "African", "Union", "met", "."], ["O"] * 5, [("African Union", "ORG")]),
        # Entities the tables do not know are kept.
        (["Amani", "Odhiambo", "met", "Kenya", "'s", "envoy"],
         ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O"], [("Amani Odhiambo", "PERSON"), ("Kenya", "GPE")]),
    ],
)
def test_gazetteer_corrects_ner_labels(
    gazetteer_doc: Callable[..., Doc], words: list[str], ents: list[str], expected: list[tuple[str, str]]
) -> None:
    doc = gazetteer_doc(words, ents)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_gazetteer_marks_organisations_by_table_key(gazetteer_doc: Callable[..., Doc]) -> None:
    doc = gazetteer_doc(["NATO", "and", "the", "African", "Union", "met", "Reuters", "."])
    assert [(s.text, s.label_, s.id_) for s in doc.spans[ORGS_KEY]] == [
        ("NATO", "international", "nato"),
        ("African Union", "international", "african-union"),
        ("Reuters", "media", "reuters"),
    ]


def test_gazetteer_marks_a_long_name_with_a_lower_case_part_after_a_hyphen(make_doc: Callable[..., Doc],
                                                                            blank_nlp: Language) -> None:
    """"Co-operation" in the OSCE's long name is a word of the name, not a lower-case word."""
    words = ["Envoys", "from", "Organization", "for", "Security", "and", "Co", "-", "operation", "in", "Europe",
             "met", "."]
    spaces = [True, True, True, True, True, True, False, False, True, True, True, False, False]
    doc = make_doc(words, spaces=spaces, ents=["O"] * len(words), annotate=False)
    doc = blank_nlp.get_pipe("kg_gazetteer")(doc)
    assert [s.id_ for s in doc.spans[ORGS_KEY]] == ["osce"]


@pytest.mark.parametrize(
    ("words", "surface", "canonical", "category"),
    [
        (["the", "Minister", "of", "Foreign", "Affairs", "said"], "Minister of Foreign Affairs", "Foreign Minister",
         "minister"),
        (["his", "spokeswoman", "said"], "spokeswoman", "Spokesperson", "spokesperson"),
        (["Prime", "Minister", "Ruiz"], "Prime Minister", "Prime Minister", "head_of_government"),
        (["the", "chief", "negotiator", "said"], "chief negotiator", "Chief Negotiator", "negotiator"),
    ],
)
def test_gazetteer_marks_titles_with_canonical_form(
    gazetteer_doc: Callable[..., Doc], words: list[str], surface: str, canonical: str, category: str
) -> None:
    doc = gazetteer_doc(words)
    assert [(s.text, s.id_, s.label_) for s in doc.spans[TITLES_KEY]] == [(surface, canonical, category)]


def test_gazetteer_prefers_the_longest_title(gazetteer_doc: Callable[..., Doc]) -> None:
    doc = gazetteer_doc(["Deputy", "Prime", "Minister", "Amina", "Said"])
    assert [s.text for s in doc.spans[TITLES_KEY]] == ["Deputy Prime Minister"]


@pytest.mark.model
def test_gazetteer_corrects_the_trained_model(nlp: Language) -> None:
    doc = nlp("Polish President Marek Nowak arrived in Kyiv on Tuesday.")
    countries = {(s.text, s.id_) for s in doc.spans[COUNTRIES_KEY]}
    assert {("Polish", "POL"), ("Kyiv", "UKR")} <= countries
    assert all(e.label_ != "PERSON" for e in doc.ents if e.text == "Kyiv")
