"""The small interface every triple store backend offers kg."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from rdflib import Graph

from kg.rdf.mapping import DocumentTriples
from kg.store.queries import QueryResult


@runtime_checkable
class TripleStore(Protocol):
    """A store of documents' named graphs that answers SPARQL over their union."""

    def replace_graph(self, name: str, graph: Graph | DocumentTriples) -> None:
        """Make the named graph hold exactly ``graph``'s triples, in one transaction."""
        ...

    def drop_graph(self, name: str) -> None:
        """Remove the named graph and its triples (no error if it is absent)."""
        ...

    def query(self, text: str, bindings: Mapping[str, str] | None = None) -> QueryResult:
        """Run a SPARQL SELECT/ASK/CONSTRUCT with the default graph as the union of graphs."""
        ...

    def close(self) -> None:
        """Flush and release the store; it is unusable afterwards."""
        ...


def holds_graph(store: TripleStore, name: str) -> bool:
    """Whether the store has a named graph ``name`` with at least one triple (an ASK, so
    any backend answers it)."""
    import pyoxigraph as ox

    from kg.errors import KgError

    try:
        node = ox.NamedNode(name)
    except ValueError as error:
        raise KgError(f"not a graph name (an absolute IRI): {name!r}: {error}") from None
    answer = store.query(f"ASK {{ GRAPH {node} {{ ?s ?p ?o }} }}").rows[0]["boolean"]
    return answer in (True, "true", "1")
