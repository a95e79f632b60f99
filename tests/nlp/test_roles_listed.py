"""A plural title set off after (or before) a list of names: each name's (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article

PUBLISHED = date(2025, 5, 10)


def _roles(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    records = extract_article(Article("listed", text, PUBLISHED), nlp)
    return {(r.person, r.title, r.of_country) for r in records.roles}


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # each of the country in the same place of its list
    ("Grace Njeri, Peter Mugisha and Amina Said, the foreign ministers of Kenya, Uganda and Tanzania, met in "
     "Arusha.", {("grace-njeri", "Foreign Minister", "KEN"), ("peter-mugisha", "Foreign Minister", "UGA"),
                 ("amina-said", "Foreign Minister", "TZA")}),
    # of the demonyms before the title, in order
    ("Grace Njeri and Peter Mugisha, the Kenyan and Ugandan foreign ministers, met in Arusha.",
     {("grace-njeri", "Foreign Minister", "KEN"), ("peter-mugisha", "Foreign Minister", "UGA")}),
    # the plural title set off before the names, its demonyms in the names' order
    ("Tanzania hosted the Kenyan and Ugandan foreign ministers, Grace Njeri and Peter Mugisha, in Arusha.",
     {("grace-njeri", "Foreign Minister", "KEN"), ("peter-mugisha", "Foreign Minister", "UGA")}),
    # the plural title and its "of" list set off before the names, each of the country in its place
    ("The foreign ministers of Kenya and Uganda, Grace Njeri and Peter Mugisha, met in Arusha.",
     {("grace-njeri", "Foreign Minister", "KEN"), ("peter-mugisha", "Foreign Minister", "UGA")}),
    ("Tanzania hosted the defence ministers of Kenya, Uganda and Rwanda, Grace Njeri, Peter Mugisha and Eric "
     "Habimana, in Arusha.",
     {("grace-njeri", "Defence Minister", "KEN"), ("peter-mugisha", "Defence Minister", "UGA"),
      ("eric-habimana", "Defence Minister", "RWA")}),
    # no country said
    ("Grace Njeri and Peter Mugisha, the two foreign ministers, met in Arusha.",
     {("grace-njeri", "Foreign Minister", None), ("peter-mugisha", "Foreign Minister", None)}),
])
def test_a_plural_title_after_names_is_each_ones(nlp: Language, text: str,
                                                 expected: set[tuple[str, str, str | None]]) -> None:
    assert _roles(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the plural noun is not apposed to the names
    "Grace Njeri and Peter Mugisha, whose foreign ministers met last week, spoke in Arusha.",
    # a plural that is no title
    "The talks between Grace Njeri and Peter Mugisha, two veterans, were held in Arusha.",
])
def test_no_title_for_names_without_one(nlp: Language, text: str) -> None:
    assert _roles(nlp, text) == set()


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The head of Malta's intelligence service, Marco Vella, met the envoy.",
    "Marco Vella, head of Malta's intelligence service, met the envoy.",
])
def test_a_title_of_a_body_a_country_owns(nlp: Language, text: str) -> None:
    """"head of Malta's intelligence service": the whole post, of Malta (a bare "head" is too generic)."""
    assert ("marco-vella", "Head of Malta's intelligence service", "MLT") in _roles(nlp, text)


@pytest.mark.model
def test_a_qualifier_before_a_plural_title_is_each_ones(nlp: Language) -> None:
    records = extract_article(Article("former", "Former prime ministers Grace Njeri and Peter Mugisha will co-chair "
                                                "the panel.", PUBLISHED), nlp)
    assert {(r.person, r.title, r.qualifier) for r in records.roles} == {
        ("grace-njeri", "Prime Minister", "former"), ("peter-mugisha", "Prime Minister", "former")}


@pytest.mark.model
def test_a_plural_title_set_off_before_names_with_titles_of_their_own(nlp: Language) -> None:
    text = "The panel members, former presidents Ana Ruiz and Luis Tapia, arrived in Addis Ababa."
    records = extract_article(Article("panel", text, PUBLISHED), nlp)
    assert {(r.person, r.title) for r in records.roles} >= {
        ("ana-ruiz", "Panel Member"), ("luis-tapia", "Panel Member"),
        ("ana-ruiz", "President"), ("luis-tapia", "President")}


@pytest.mark.model
def test_a_plural_title_of_listed_countries_stands_for_its_holders(nlp: Language) -> None:
    """The title phrase is the meeting's subject: the people who hold it meet, not one of them."""
    text = "The foreign ministers of Kenya and Uganda, Grace Njeri and Peter Mugisha, met in Arusha."
    records = extract_article(Article("listed", text, PUBLISHED), nlp)
    (meeting,) = [e for e in records.events if e.kind == "meeting"]
    assert {p.entity.key for p in meeting.participants} == {"grace-njeri", "peter-mugisha"}
