"""Who takes part in a meeting, told by constructions of news English (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article

PUBLISHED = date(2025, 5, 10)


def _events(nlp: Language, text: str, kind: str) -> list:
    records = extract_article(Article("told", text, PUBLISHED), nlp)
    return [e for e in records.events if e.kind == kind]


def _keys(event: object) -> set[str]:
    return {p.entity.key for p in event.participants}  # type: ignore[attr-defined]


# --- "A told B during the talks": the one told is at the talks --------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg told Cypriot President Eleni Kyprianou during talks in Valletta that "
    "Malta would back the plan.",
    "During talks in Valletta, Maltese President Luca Borg told Cypriot President Eleni Kyprianou that "
    "Malta would back the plan.",
])
def test_the_one_told_during_talks_takes_part(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"luca-borg", "eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # told the press, not a side
    "Maltese President Luca Borg told reporters during talks in Valletta that Malta would back the plan.",
    # told after the talks: the talks were the speaker's
    "Maltese President Luca Borg told Cypriot President Eleni Kyprianou after the talks that Malta would "
    "back the plan.",
])
def test_the_one_told_outside_talks_does_not_take_part(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert "eleni-kyprianou" not in _keys(talks)
    assert "luca-borg" in _keys(talks)
