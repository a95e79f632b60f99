"""Reference data and its look-ups: countries, organisations, titles, places, CAMEO codes.

The tables live in ``kg/reference/data``; the language layer (kg.nlp), the merge and the
importers of other event data read them through this package. It imports neither spaCy nor
an RDF library, so any layer may use it.
"""

from importlib.resources import files


def read_table(name: str) -> str:
    """The text of one table shipped in ``kg/reference/data``."""
    return (files("kg.reference") / "data" / name).read_text(encoding="utf-8")


def words_of(name: str, use: str) -> frozenset[str]:
    """The words of one use in a word table of ``kg/reference/data`` (columns ``word`` and ``use``,
    "#" comment lines first)."""
    rows = (line.split("\t") for line in read_table(name).splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("word\t"))
    return frozenset(word for word, kind in rows if kind == use)
