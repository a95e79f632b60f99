"""The default store: pyoxigraph (RocksDB) in a folder on disk, one named graph per document."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, KgError
from kg.queries import QueryInfo, QueryResult, run_query
from kg.rdf.iris import document_iri
from kg.rdf.serialize import input_format, is_dataset_format, syntax_error, to_triples
from kg.settings import DEFAULT_BASE_IRI


def _graph_node(name: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(name)
    except ValueError as error:
        raise KgError(f"not a graph name (an absolute IRI): {name!r}: {error}") from None


class EmbeddedStore:
    """A pyoxigraph store on disk; reprocessing a document replaces its one named graph.

    >>> import tempfile
    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph(identifier=URIRef("https://example.org/doc/1"))
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    >>> with tempfile.TemporaryDirectory() as folder, EmbeddedStore(folder) as store:
    ...     store.replace_graph(str(g.identifier), g)
    ...     store.replace_graph(str(g.identifier), g)
    ...     len(store), store.query("SELECT ?o WHERE { ?s ?p ?o }").rows
    (1, [{'o': 'x'}])
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only:
                self._store: ox.Store | None = ox.Store.read_only(str(self.path))
            else:
                self._store = ox.Store(str(self.path))
        except OSError as error:
            raise KgError(f"cannot open the store at {self.path}: {error}") from None

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store (for ``kg.queries.run_query`` and bulk reads)."""
        if self._store is None:
            raise KgError(f"the store at {self.path} is closed")
        return self._store

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __len__(self) -> int:
        """The number of quads in the store."""
        return len(self.store)

    def graph_names(self) -> list[str]:
        """The names of the store's named graphs, sorted."""
        return sorted(str(g.value) for g in self.store.named_graphs())

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Make the named graph hold exactly ``graph``'s triples, in one transaction.

        The old triples are dropped and the new ones inserted by a single SPARQL update,
        which pyoxigraph applies atomically; if the graph cannot be converted, nothing
        is written.
        """
        node = _graph_node(name)
        triples = ox.serialize(to_triples(graph), format=ox.RdfFormat.N_TRIPLES)
        update = f"DROP SILENT GRAPH {node} ;\n"
        if triples:
            update += f"INSERT DATA {{ GRAPH {node} {{\n{triples.decode('utf-8')}}} }}"
        self.store.update(update)

    def drop_graph(self, name: str) -> None:
        """Remove the named graph and its triples (no error if it is absent)."""
        self.store.update(f"DROP SILENT GRAPH {_graph_node(name)}")

    def drop_document(self, doc_id: str, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
        """Remove one document's graph, by the article id it was built from."""
        self.drop_graph(str(document_iri(doc_id, base_iri)))

    def load_file(self, path: str | os.PathLike[str]) -> int:
        """Bulk-load a dataset file (.trig, .nq, .jsonld); returns how many named graphs it held.

        Each named graph in the file replaces the store's graph of that name.  The file is
        parsed once before anything is written, so a syntax error leaves the store as it
        was; the bulk load itself is not one transaction (that is what makes it fast).
        """
        fmt = input_format(path)
        if not is_dataset_format(fmt):
            raise InputError(
                str(path),
                "holds no named graphs; load a dataset file (.trig, .nq or .jsonld) "
                "with one graph per document",
            )
        if not Path(path).is_file():
            raise InputError(str(path), "no such file")
        names: set[ox.NamedNode | ox.BlankNode] = set()
        try:
            for quad in ox.parse(path=str(path), format=fmt):
                if not isinstance(quad.graph_name, ox.DefaultGraph):
                    names.add(quad.graph_name)
        except SyntaxError as error:
            raise syntax_error(path, error) from None
        except OSError as error:
            raise InputError(str(path), error.strerror or str(error)) from None
        named = sorted((n for n in names if isinstance(n, ox.NamedNode)), key=str)
        if named:
            self.store.update(" ;\n".join(f"DROP SILENT GRAPH {n}" for n in named))
        try:
            self.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as error:
            raise syntax_error(path, error) from None
        return len(names)

    def query(
        self, text: str | QueryInfo, bindings: Mapping[str, str] | None = None
    ) -> QueryResult:
        """Run a query with the union of all graphs as the default graph."""
        return run_query(text, self.store, dict(bindings) if bindings else None)

    def close(self) -> None:
        """Flush to disk and release the store (and its lock on the folder)."""
        if self._store is None:
            return
        store, self._store = self._store, None
        try:
            store.flush()
        except OSError:
            pass  # a read-only store has nothing to flush
        del store
