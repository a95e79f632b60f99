"""Row helpers shared by the query tests: results with kg's IRIs shortened for reading."""

from __future__ import annotations

from kg.store.queries import load_query, run_query

ID_BASE = "https://w3id.org/kg-news/id/"


def short_iri(value: str | None) -> str | None:
    """The last path segment of a kg IRI, so assertions stay readable."""
    if value is not None and value.startswith(ID_BASE):
        return value.rsplit("/", 1)[1]
    return value


def rows(store, name, bindings=None, columns=None):  # noqa: ANN001, ANN201
    """A shipped query's rows as tuples of (shortened) values, in ``columns`` order."""
    result = run_query(load_query(name), store, bindings)
    columns = columns or result.columns
    return [tuple(short_iri(row[c]) for c in columns) for row in result.rows]
