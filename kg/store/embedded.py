"""The default store: pyoxigraph (RocksDB) in a folder on disk, one named graph per document."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, KgError
from kg.rdf.iris import document_iri
from kg.rdf.serialize import to_triples
from kg.settings import DEFAULT_BASE_IRI
from kg.store.queries import QueryInfo, QueryResult, run_query

log = logging.getLogger(__name__)

ROLLBACK_SUFFIX = ".kg-rollback"
"""A load's checkpoint lives beside the store, in ``.<store name>.kg-rollback``."""
DISCARD_SUFFIX = ".kg-discard"
ROLLBACK_MARKER = "KG_LOAD_UNCOMMITTED"


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
        self.read_only = read_only
        self._real = self.path.resolve()  # rollbacks rename the real folder, not a link
        self._store: ox.Store | None = None
        if (
            not read_only
            and not self._real.exists()
            and (self._sibling(ROLLBACK_SUFFIX) / ROLLBACK_MARKER).exists()
        ):
            self._recover()  # a rollback was cut off between its two renames
        self._open()
        if not read_only and (
            self._sibling(ROLLBACK_SUFFIX).exists() or (self._real / ROLLBACK_MARKER).exists()
        ):
            # Holding the store's lock proves the loader that left these is gone.
            self._close_store()
            self._recover()
            self._open()

    @property
    def store(self) -> ox.Store:
        """The underlying pyoxigraph store (for ``kg.store.queries.run_query`` and bulk reads)."""
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

    def replace_graphs(self, names: list[str], nquads: bytes) -> None:
        """Replace many documents' graphs at once: drop each named graph, then bulk-load their N-Quads.

        The bulk loader writes sorted files straight to disk: memory stays flat over a long run
        (a transaction per batch grew RocksDB's memtables to 2 GB over 3 M quads) and the store
        is half the size.  It is not one transaction: a run killed inside a batch leaves part of
        it, which the run journal's ``--resume`` (or ``--restart``) replaces graph by graph.
        """
        for name in names:
            self.store.remove_graph(_graph_node(name))
        if nquads:
            self.store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)

    def drop_graph(self, name: str) -> None:
        """Remove the named graph and its triples (no error if it is absent)."""
        self.store.update(f"DROP SILENT GRAPH {_graph_node(name)}")

    def drop_document(self, doc_id: str, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
        """Remove one document's graph, by the article id it was built from."""
        self.drop_graph(str(document_iri(doc_id, base_iri)))

    def load_file(self, path: str | os.PathLike[str], *, graph: str | None = None) -> int:
        """Load one RDF file in one transaction; returns how many named graphs it replaced.

        Each named graph in the file replaces the store's graph of that name.  A triples
        file (.ttl, .nt) holds no named graphs and is refused unless ``graph`` names the
        graph its triples replace (``kg.store.load.load_files`` names it after the file).
        See ``kg.store.load`` for how the load stays transactional and fast.
        """
        from kg.rdf.serialize import input_format, is_dataset_format
        from kg.store.load import load_files

        if graph is None and not is_dataset_format(input_format(path)):
            raise InputError(
                str(path),
                "holds no named graphs; load a dataset file (.trig, .nq or .jsonld) "
                "with one graph per document, or name the graph its triples go into",
            )
        return load_files(self, [path], graph=graph).graphs

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Changes made inside are all kept, or all undone on an exception or a crash.

        pyoxigraph's bulk loader is fast because it is not transactional; this makes it so.
        On entry the store is checkpointed into a sibling folder (RocksDB hard-links its
        immutable files, so this takes milliseconds whatever the store's size) and the
        checkpoint marked ready; on success the marker and checkpoint are removed (that is
        the commit).  On an exception, KeyboardInterrupt included, the store folder is
        swapped back for the checkpoint; after a crash or a kill, the next writer to open
        the store does the same (see ``__init__``).  Readers that open the store while a
        load runs may see it part-loaded.  Code inside must reach the pyoxigraph store
        through ``self.store`` and keep no reference to it (a rollback reopens it).
        """
        if self.read_only:
            raise KgError(f"the store at {self.path} is open read-only")
        checkpoint = self._sibling(ROLLBACK_SUFFIX)
        if checkpoint.exists():
            shutil.rmtree(checkpoint)
        try:
            self.store.backup(str(checkpoint))
            _write_marker(checkpoint / ROLLBACK_MARKER)
        except OSError as error:
            shutil.rmtree(checkpoint, ignore_errors=True)
            raise KgError(f"cannot checkpoint the store at {self.path} before loading: {error}") from None
        try:
            yield
            self.store.flush()
        except BaseException as error:
            # The traceback's finished frames may still hold the pyoxigraph store (as an
            # argument); it must go for the RocksDB lock to be released.
            traceback.clear_frames(error.__traceback__)
            self._close_store()
            try:
                self._open()  # taking the lock again proves no one else holds the store
            except KgError:
                log.error("the load into %s failed and the store is still in use elsewhere in "
                          "this process: it will be rolled back when next opened", self.path)
                raise error from None
            self._close_store()
            self._recover(interrupted_earlier=False)
            self._open()
            # The error itself is the one line the user sees; this is for the log.
            log.info("the load into %s failed or was interrupted; the store is as it was", self.path)
            raise
        (checkpoint / ROLLBACK_MARKER).unlink()
        _sync_directory(checkpoint)
        shutil.rmtree(checkpoint, ignore_errors=True)

    def _sibling(self, suffix: str) -> Path:
        return self._real.parent / f".{self._real.name}{suffix}"

    def _recover(self, *, interrupted_earlier: bool = True) -> None:
        """Finish or undo what an interrupted load left behind (the store must be closed).

        A ready checkpoint means a load began and never committed: it becomes the store.
        A checkpoint without the marker was never used; a marker inside the store itself
        is the trace of a rollback that got as far as the swap.  A rollback of a load
        killed earlier (``interrupted_earlier``) is worth a warning; that of the failing
        load in hand is not (its error says what happened).
        """
        checkpoint = self._sibling(ROLLBACK_SUFFIX)
        discard = self._sibling(DISCARD_SUFFIX)
        if (checkpoint / ROLLBACK_MARKER).exists():
            if discard.exists():
                shutil.rmtree(discard)
            if self._real.exists():
                os.rename(self._real, discard)
            os.rename(checkpoint, self._real)
            if interrupted_earlier:
                log.warning("rolled back an unfinished load into %s (a load was interrupted "
                            "before it finished)", self.path)
        elif checkpoint.exists():
            shutil.rmtree(checkpoint)
        marker = self._real / ROLLBACK_MARKER
        if marker.exists():
            marker.unlink()
        if discard.exists():
            shutil.rmtree(discard)

    def _open(self) -> None:
        try:
            if self.read_only:
                self._store = ox.Store.read_only(str(self._real))
            else:
                self._store = ox.Store(str(self._real))
        except OSError as error:
            raise KgError(f"cannot open the store at {self.path}: {error}") from None

    def _close_store(self) -> None:
        store, self._store = self._store, None
        if store is None:
            return
        if not self.read_only:
            store.flush()
        del store
        gc.collect()  # the RocksDB lock goes with the last reference

    def query(
        self, text: str | QueryInfo, bindings: Mapping[str, str] | None = None
    ) -> QueryResult:
        """Run a query with the union of all graphs as the default graph."""
        return run_query(text, self.store, dict(bindings) if bindings else None)

    def close(self) -> None:
        """Flush to disk and release the store (and its lock on the folder)."""
        self._close_store()


def _write_marker(path: Path) -> None:
    with open(path, "wb") as marker:
        marker.write(b"kg: a load into the store beside this checkpoint has not committed\n")
        marker.flush()
        os.fsync(marker.fileno())
    _sync_directory(path.parent)


def _sync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
