"""'co-hosted', 'co-chaired', 'co-mediators': one token, read as the word they are made from."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.nlp.cowords import co_words
from kg.pipeline import extract_article
from kg.records import Article, EntityRef

PUBLISHED = date(2024, 3, 16)


def C(code: str) -> EntityRef:
    return EntityRef("country", code)


def P(key: str) -> EntityRef:
    return EntityRef("person", key)


def test_co_words_table_names_each_word_s_lemma() -> None:
    words = co_words()
    assert words["co-hosted"] == "host"
    assert words["co-chairing"] == "chair"
    assert words["co-mediators"] == "mediator"
    assert all(form.startswith("co-") and lemma and not lemma.startswith("co-") for form, lemma in words.items())


@pytest.mark.model
def test_co_words_stay_one_token_with_the_lemma_they_are_made_from(nlp: Language) -> None:
    doc = nlp("Norway and Kenya co-hosted the talks, and the Co-chairs met.")
    assert [(t.text, t.lemma_) for t in doc if t.lower_.startswith("co-")] == [("co-hosted", "host"),
                                                                             ("Co-chairs", "chair")]
    assert [t.text for t in nlp("Their co-operation grew.")] == ["Their", "co", "-", "operation", "grew", "."]


@pytest.mark.model
def test_co_chairs_of_a_meeting_take_part_as_hosts(nlp: Language) -> None:
    text = "Foreign Minister Grace Achieng and Foreign Minister Jonas Berg co-chaired the meeting in Oslo."
    records = extract_article(Article("co-chaired", text, PUBLISHED), nlp)
    (meeting,) = [e for e in records.events if e.kind == "meeting"]
    assert {(p.entity, p.role) for p in meeting.participants} == {(P("grace-achieng"), "host"),
                                                                 (P("jonas-berg"), "host")}

