"""kg: knowledge graphs of political and diplomatic news.

>>> import kg
>>> dataset = kg.extract("Oman mediated talks between Iran and the United States.")  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from rdflib import Dataset

    from kg.records import DocumentRecords
    from kg.settings import Settings


def extract(text: str, published: date | str | None = None, *, doc_id: str | None = None,
            settings: Settings | None = None) -> Dataset:
    """The RDF kg builds from one text; the model loads on first use.

    An rdflib Dataset with the document's facts in one named graph, whose default graph is the
    union of its graphs: ``.serialize(format="turtle")`` and ``.triples(...)`` give the facts,
    TriG, N-Quads and JSON-LD keep the named graph.  ``doc_id`` defaults to a hash of the text.
    """
    from kg.api import extract as _extract

    return _extract(text, published, doc_id=doc_id, settings=settings)


def extract_records(text: str, published: date | str | None = None, *, doc_id: str | None = None,
                    settings: Settings | None = None) -> DocumentRecords:
    """The typed records beneath :func:`extract`."""
    from kg.api import extract_records as _extract_records

    return _extract_records(text, published, doc_id=doc_id, settings=settings)


__all__ = ["__version__", "extract", "extract_records"]
