"""Reference data and its look-ups: countries, organisations, titles, places, CAMEO codes.

The tables live in ``kg/reference/data``; the language layer (kg.nlp), the merge and the
importers of other event data read them through this package. It imports neither spaCy nor
an RDF library, so any layer may use it.
"""

from importlib.resources import files


def read_table(name: str) -> str:
    """The text of one table shipped in ``kg/reference/data``."""
    return (files("kg.reference") / "data" / name).read_text(encoding="utf-8")
