"""Span texts and evidence read from token positions agree with spaCy's Span objects."""

from __future__ import annotations

import spacy

from kg.nlp.entities import DocIndex
from kg.nlp.extraction import SentenceIndex, _trimmed, evidence_at

TEXT = "Envoy Ana Ruiz met Mr. Tapia.\n\nThey spoke  again on Friday; talks resume soon.\n"


def _doc():  # noqa: ANN202 - a spaCy Doc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(TEXT)


def test_text_of_is_the_span_text_for_every_range() -> None:
    doc = _doc()
    index = DocIndex(doc)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert index.text_of(start, end) == doc[start:end].text, (start, end)


def test_evidence_at_token_positions_is_the_trimmed_span_and_its_sentence() -> None:
    doc = _doc()
    assert any(t.is_space for t in doc)  # the paragraph break and the double space are tokens
    sentences = SentenceIndex(doc)
    tokens = list(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):  # empty ranges too: a span of no tokens
            span = _trimmed(doc[start:end])
            evidence = evidence_at(tokens, start, end, sentences)
            assert (evidence.begin, evidence.end, evidence.text) == (span.start_char, span.end_char, span.text)
            assert evidence == evidence_at(doc, start, end, sentences)
            if start < len(doc):
                sentence = sentences.sentence_of(doc[start:start + 1])
                assert (evidence.sentence, evidence.sentence_begin) == (sentence.text, sentence.start_char)
            if end > start:
                sentence = _trimmed(doc[span.start:span.end].sent)
                assert (evidence.sentence, evidence.sentence_begin) == (sentence.text, sentence.start_char)
