"""kg_paragraphs: a line break ends a sentence, before the parser sees the text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.nlp.paragraphs import mark_paragraphs


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("ADVERTISEMENT\n\nKenya met Uganda.", ["Kenya"]),
        ("NAIROBI --\nKenya met Uganda.", ["Kenya"]),
        ("Kenya met Uganda.\nTalks went well.\n\nUganda agreed.", ["Talks", "Uganda"]),
    ],
)
def test_paragraphs_line_break_starts_a_sentence(blank_nlp: Language, text: str, starts: list[str]) -> None:
    doc = mark_paragraphs(blank_nlp.make_doc(text))
    marked = [t.text for t in doc[1:] if t.is_sent_start]
    assert marked == starts
    # Nothing else is decided: the parser sets the other boundaries.
    assert all(t.is_sent_start is None for t in doc[1:] if t.text not in starts)


def test_paragraphs_leave_a_single_line_alone(blank_nlp: Language) -> None:
    doc = mark_paragraphs(blank_nlp.make_doc("Kenya met Uganda in Kampala. Talks went well."))
    assert all(t.is_sent_start is None for t in doc[1:])


@pytest.mark.model
def test_paragraphs_headline_stays_out_of_the_first_sentence(nlp: Language) -> None:
    doc = nlp("ADVERTISEMENT\nKenyan President Amani Odhiambo met Ugandan President Joseph Okello in Kampala.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "ADVERTISEMENT"
    assert sentences[1].startswith("Kenyan President")
