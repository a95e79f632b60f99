"""The words statement extraction reads, from ``data/statement_words.tsv``."""

from __future__ import annotations

from functools import cache

from kg.reference.gazetteer import _read

STATEMENT_WORD_COLUMNS = ("word", "kind")


@cache
def statement_words(kind: str) -> frozenset[str]:
    """The lower-case words of one kind: ``addressee_verb``, ``reporter_noun``, ``act_verb`` or
    ``spokes_noun``."""
    words = frozenset(row["word"] for row in _read("statement_words.tsv", STATEMENT_WORD_COLUMNS)
                      if row["kind"] == kind)
    if not words:
        raise ValueError(f"statement_words.tsv has no words of kind {kind!r}")
    return words
