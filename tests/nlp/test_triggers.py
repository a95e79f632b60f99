"""kg_triggers gives exactly the spans spaCy's span ruler gives for the same patterns."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    windows = [window for windows in triggers._starting.values() for window in windows]
    assert 0 < len(triggers._ids) < len(read_patterns())  # only multi-token patterns go to the Matchers
    # those of unbounded length run from the words that can begin them, not on the whole document
    assert len(triggers.open_matcher) == 0
    assert any(window.longest is None for window in windows)
    assert max(window.longest or 0 for window in windows) >= 2


@pytest.mark.parametrize("second_sentence", [False, True])
def test_triggers_unbounded_pattern_stays_in_its_sentence(blank_nlp: Language, second_sentence: bool) -> None:
    """'represent ... interests' is found within a sentence, never running on into the next one."""
    words = ["Envoys", "represent", "their", "interests", "abroad"]
    doc = Doc(blank_nlp.vocab, words=words, lemmas=["envoy", "represent", "their", "interest", "abroad"],
              pos=["NOUN", "VERB", "PRON", "NOUN", "ADV"], sent_starts=[True, False, second_sentence, False, False])
    found = {s.text for s in blank_nlp.get_pipe("kg_triggers")(doc).spans[TRIGGERS_KEY]}
    assert ("represent their interests" in found) is not second_sentence
