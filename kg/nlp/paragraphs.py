"""The ``kg_paragraphs`` component: a line break ends a sentence.

News text arrives with headlines, datelines and bylines on lines of their own
("ADVERTISEMENT", "NAIROBI --"); the parser would run them into the next sentence.
Runs before the parser, which keeps sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
