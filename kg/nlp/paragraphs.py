"""The ``kg_paragraphs`` component: a line break ends a sentence.

News text arrives with headlines, datelines and bylines on lines of their own
("ADVERTISEMENT", "NAIROBI --"); the parser would run them into the next sentence.
Runs before the parser, which keeps sentence starts that are already set.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE, SENT_START  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    # All starts at once: setting ``Token.is_sent_start`` checks the whole Doc at each call.
    # A line break is a space token of its own (a token's trailing whitespace is one space at
    # most), so only the space tokens are read.
    starts = doc.to_array([SENT_START])
    spaces = doc.to_array(IS_SPACE).tolist()
    marked = False
    for i in [i for i, space in enumerate(spaces[:-1]) if space]:
        if not spaces[i + 1] and "\n" in doc[i].text:
            starts[i + 1] = 1
            marked = True
    if marked:
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # an int array, typed as floats
    return doc
