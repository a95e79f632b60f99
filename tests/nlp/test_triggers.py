"""kg_triggers gives exactly the spans spaCy's span ruler gives for the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.nlp.triggers import TRIGGERS_KEY, read_patterns

TEXTS = [
    "Oman mediated talks between Iran and the United States in Muscat on Monday.",
    "The Kenyan president spoke today with his Ugandan counterpart by phone, his office said.",
    "A truce brokered by Egypt held, and AU-mediated negotiations resumed under the auspices of the UN.",
    "Brazil is acting as facilitator in the peace process with the rebels; proximity talks follow.",
    "Qatar will convey messages to both sides, according to the spokeswoman.",
    "President Diallo received the minister and welcomed the diplomatic efforts of Norway.",
    # Longer patterns are matched from the words that can begin them: at the very end of the
    # text, with optional words, and one of unbounded length ("represent ... interests").
    "Minister Varga met separately with both delegations, held a phone call and represented their interests",
    "After a video-call the co-hosts brought the two warring sides together at the negotiating table",
]


@pytest.fixture(scope="module")
def span_ruler(nlp: Language) -> Language:
    reference = spacy.blank("en")
    ruler = reference.add_pipe("span_ruler", config={"spans_key": "reference", "validate": True})
    ruler.add_patterns(read_patterns())
    return reference


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_triggers_match_the_span_ruler(nlp: Language, span_ruler: Language, text: str) -> None:
    doc = nlp(text)
    ours = {(s.start, s.end, s.label_, s.id_) for s in doc.spans[TRIGGERS_KEY]}
    theirs = {(s.start, s.end, s.label_, s.id_) for s in span_ruler(doc).spans["reference"]}
    assert ours == theirs
    assert ours  # every text names at least one event


def test_triggers_one_token_patterns_are_looked_up(blank_nlp: Language) -> None:
    triggers = blank_nlp.get_pipe("kg_triggers")
    assert "mediate" in triggers.by_lemma
    assert len(triggers.matcher) < len(read_patterns())  # only multi-token patterns go to the Matcher
    assert len(triggers.open_matcher) >= 1  # those of unbounded length run on the whole document
    assert triggers.longest >= 2
