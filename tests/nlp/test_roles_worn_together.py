"""Titles worn together before a name: an office and a military rank (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article

PUBLISHED = date(2025, 5, 10)


def _roles(nlp: Language, text: str) -> dict[str, set[tuple[str, str | None]]]:
    records = extract_article(Article("ranks", text, PUBLISHED), nlp)
    out: dict[str, set[tuple[str, str | None]]] = {}
    for r in records.roles:
        out.setdefault(r.person, set()).add((r.title, r.of_country))
    return out


@pytest.mark.model
@pytest.mark.parametrize(("text", "rank"), [
    ("Chadian army chief General Idriss Mahamat met the envoy in N'Djamena.", "General"),
    ("Chadian army chief Lt. Gen. Idriss Mahamat met the envoy in N'Djamena.", "Lieutenant General"),
])
def test_an_office_worn_with_a_rank_is_its_own_title(nlp: Language, text: str, rank: str) -> None:
    roles = _roles(nlp, text)
    assert ("Army Chief", "TCD") in roles["idriss-mahamat"]
    assert (rank, "TCD") in roles["idriss-mahamat"]
    assert not any(title.startswith("Chief ") for title, _ in roles["idriss-mahamat"])


@pytest.mark.model
def test_an_abbreviated_rank_is_no_person(nlp: Language) -> None:
    roles = _roles(nlp, "Chadian army chief Lt. Gen. Idriss Mahamat met the envoy in N'Djamena.")
    assert set(roles) == {"idriss-mahamat"}


@pytest.mark.model
def test_a_rank_alone_stays_the_rank(nlp: Language) -> None:
    roles = _roles(nlp, "General Idriss Mahamat met the envoy in N'Djamena.")
    assert {title for title, _ in roles["idriss-mahamat"]} == {"General"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "person", "qualifier"), [
    ("Ousted President Idriss Mahamat met the envoy in N'Djamena.", "idriss-mahamat", "former"),
    ("The envoy met caretaker Prime Minister Idriss Mahamat in N'Djamena.", "idriss-mahamat", "acting"),
])
def test_how_a_title_is_held(nlp: Language, text: str, person: str, qualifier: str) -> None:
    records = extract_article(Article("held", text, PUBLISHED), nlp)
    assert {r.qualifier for r in records.roles if r.person == person} == {qualifier}


@pytest.mark.model
def test_a_chain_of_titles_whose_first_says_what_it_is_for(nlp: Language) -> None:
    """'Deputy Coordinator for X and Humanitarian Coordinator Y': both titles are Y's, the first
    with what it is for, and neither is an unnamed person."""
    text = ("Deputy Special Coordinator for the Horn of Africa Peace Process and Humanitarian Coordinator Tor Wenn "
            "visited the crossing.")
    records = extract_article(Article("chain", text, PUBLISHED), nlp)
    assert {r.title for r in records.roles if r.person == "tor-wenn"} == {
        "Deputy Special Coordinator for the Horn of Africa Peace Process", "Humanitarian Coordinator"}
    assert {p.key for p in records.persons} == {"tor-wenn"}


@pytest.mark.model
def test_an_office_worn_with_a_royal_rank_is_its_own_title(nlp: Language) -> None:
    roles = _roles(nlp, "Saudi Foreign Minister Prince Faisal bin Khalid met the envoy in Jeddah.")
    assert ("Foreign Minister", "SAU") in roles["faisal-bin-khalid"]


@pytest.mark.model
def test_an_office_worn_with_a_senior_general_rank(nlp: Language) -> None:
    """'junta chief Senior General X': both titles are X's, and "Senior" is no one's name."""
    roles = _roles(nlp, "Myanmar junta chief Senior General Tin Aung met the regional envoy.")
    assert set(roles) == {"tin-aung"}
    assert {title for title, _ in roles["tin-aung"]} == {"Junta Chief", "Senior General"}
