"""One transliteration of any text to ASCII, for IRIs, keys and name matching.

Every part of kg that folds a name (IRI slugs, the language layer's keys, the tables'
look-up keys, the merge's name norms, the evaluation's name matching) calls :func:`to_ascii`,
so "Børge Brende" is "Borge Brende" everywhere.  The transliteration is anyascii's, a
well-kept table for all of Unicode: accents dropped ("Erdoğan" -> "Erdogan"), letters NFKD
does not split folded too ("ø" -> "o", "ß" -> "ss", "ł" -> "l"), other scripts romanised
("Владимир" -> "Vladimir"), curly quotes and dashes made plain.

>>> to_ascii("Børge Brende"), to_ascii("Łódź"), to_ascii("Владимир Путин")
('Borge Brende', 'Lodz', 'Vladimir Putin')
>>> fold("Erdoğan’s")
"erdogan's"
"""

from __future__ import annotations

from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=1 << 12)  # bounded small: memory must not grow with the corpus
def to_ascii(text: str) -> str:
    """``text`` transliterated to ASCII, case kept."""
    return anyascii(text)


@lru_cache(maxsize=1 << 12)  # bounded small: memory must not grow with the corpus
def fold(text: str) -> str:
    """``text`` transliterated to ASCII and case-folded: the form names are compared in."""
    return to_ascii(text).casefold()
