"""The default store: pyoxigraph (RocksDB) in a folder on disk, one named graph per document."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import gc
import logging
import os
import shutil
import sys
import traceback
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, KgError
from kg.rdf.iris import document_iri
from kg.rdf.mapping import DocumentTriples
from kg.rdf.serialize import rdf_bytes, to_triples
from kg.settings import DEFAULT_BASE_IRI
from kg.store.queries import QueryInfo, QueryResult, run_query

log = logging.getLogger(__name__)

STAGING_SUFFIX = ".kg-staging"
"""A load is made in a copy beside the store, ``.<store name>.kg-staging``, then swapped in."""
STAGED_MARKER = "KG_STAGED_COMPLETE"
"""Written into the staging copy once it is complete: from then on the load rolls forward."""
ROLLBACK_SUFFIX = ".kg-rollback"
"""Left by kg versions that loaded in place: a checkpoint to swap back (still recovered)."""
DISCARD_SUFFIX = ".kg-discard"
ROLLBACK_MARKER = "KG_LOAD_UNCOMMITTED"
# A write is compacted after when it adds at least 1/COMPACT_SHARE of the store's size on disk.
COMPACT_SHARE = 4


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
        self._real = self.path.resolve()  # swaps rename the real folder, not a link
        self._store: ox.Store | None = None
        self._lock: int | None = None
        if read_only:
            self._check_for_unfinished_write()
        else:
            self._lock = self._take_lock()
            try:
                self._recover()  # holding the lock proves whoever left anything behind is gone
            except BaseException:
                self._release_lock()
                raise
        try:
            self._open()
        except BaseException:
            self._release_lock()
            raise

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

    def worth_compacting(self, added_bytes: int) -> bool:
        """Whether a write of ``added_bytes`` of RDF is worth compacting the store after (see
        :meth:`transaction`): compaction rewrites the whole store, so it is done where the write
        is at least a quarter of what the store holds on disk (a new store, a large load), which
        keeps its cost over many small writes in proportion to what they add."""
        # (the table files: RocksDB's logs and options beside them are not rewritten)
        held = sum(_size(entry) for entry in os.scandir(self.path) if entry.name.endswith(".sst"))
        return added_bytes * COMPACT_SHARE >= held

    def graph_names(self) -> list[str]:
        """The names of the store's named graphs, sorted."""
        return sorted(str(g.value) for g in self.store.named_graphs())

    def replace_graph(self, name: str, graph: Graph | DocumentTriples) -> None:
        """Make the named graph hold exactly ``graph``'s triples, in one transaction.

        The old triples are dropped and the new ones inserted by a single SPARQL update,
        which pyoxigraph applies atomically; if the graph cannot be converted, nothing
        is written.
        """
        node = _graph_node(name)
        triples = rdf_bytes(to_triples(graph), ox.RdfFormat.N_TRIPLES)
        update = f"DROP SILENT GRAPH {node} ;\n"
        if triples:
            update += f"INSERT DATA {{ GRAPH {node} {{\n{triples.decode('utf-8')}}} }}"
        self.store.update(update)

    def replace_graphs(self, names: list[str], nquads: bytes, *, compact: bool = False) -> None:
        """Replace many documents' graphs at once: drop each named graph, then bulk-load their N-Quads.

        The bulk loader writes sorted files straight to disk: memory stays flat over a long run
        (a pyoxigraph transaction per batch grew RocksDB's memtables to 2 GB over 3 M quads) and
        the store is half the size.  Each batch goes in through :meth:`transaction` (a staging
        copy swapped in whole), so readers see the batch entirely or not at all, and a run killed
        inside a batch leaves the store as it was before that batch.  With ``compact`` the store is
        compacted before the swap (see :meth:`transaction`): for the last batch of a run.
        """
        with self.transaction(compact=compact):
            for name in names:
                node = _graph_node(name)
                # A new document's graph is not there: asking is a look-up in the small table of
                # graph names, where removing scans the quad indexes (and their blocks stay in memory).
                if self.store.contains_named_graph(node):
                    self.store.remove_graph(node)
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
    def transaction(self, *, compact: bool = False) -> Iterator[None]:
        """Changes made inside are all kept or all dropped, and readers never see them half made.

        pyoxigraph's bulk loader is fast because it is not transactional; this makes it so.
        On entry the store is checkpointed into a staging folder beside it (RocksDB
        hard-links its immutable files: milliseconds whatever the store's size) and
        ``self.store`` becomes the staging copy; the store itself is not touched, so
        readers go on seeing it as it was.  On success the copy is marked complete and
        swapped with the store in one atomic rename (Linux ``renameat2`` with
        ``RENAME_EXCHANGE``); on an exception, KeyboardInterrupt included, the copy is
        thrown away.  After a kill, the next writer throws away an incomplete copy or
        finishes the swap of a complete one.  Code inside must reach the pyoxigraph
        store through ``self.store`` and keep no reference to it beyond the block.

        With ``compact`` the copy is compacted before it is swapped in (pyoxigraph's
        ``optimize``, RocksDB's compaction): the bulk loader leaves its sorted files side by side,
        and every look-up must then merge them; compacted, a store of a million triples answers
        the selective questions 10-17% faster, for about 0.8 s at load time on a quiet machine
        (bench/results/load.md).
        """
        if self.read_only:
            raise KgError(f"the store at {self.path} is open read-only")
        staging = self._sibling(STAGING_SUFFIX)
        shutil.rmtree(staging, ignore_errors=True)
        live = self.store
        self._store = None
        kept = True  # whether ``live`` is still open (and named)
        try:
            try:
                live.backup(str(staging))
                if sys.getrefcount(live) <= 2:  # no one else holds it (this name and the call's argument)
                    # Closed while its copy is open: one RocksDB instance (its table readers and
                    # caches) at a time, so memory does not hold two of them for a store that grows.
                    live.flush()
                    del live
                    kept = False
                    gc.collect()
                self._store = ox.Store(str(staging))
            except OSError as error:
                raise KgError(f"cannot make a copy of the store at {self.path} to load into: "
                              f"{error}") from None
            yield
            if compact:
                self._store.optimize()
            self._store.flush()
            self._close_store()
            if not _released(staging):
                raise KgError(f"the staging copy of {self.path} is still in use in this process; "
                              "the store is as it was")
            # From here on the load is complete: if cut off, the next open finishes the swap.
            _write_marker(staging / STAGED_MARKER, b"kg: this copy is complete; it replaces the store\n")
        except BaseException as error:
            # The traceback's finished frames may still hold the staging store (as an
            # argument); it must go for its files to be released.
            traceback.clear_frames(error.__traceback__)
            self._close_store()
            shutil.rmtree(staging, ignore_errors=True)
            if kept:
                self._store = live
            else:
                self._open()
            log.info("the load into %s failed or was interrupted; the store is as it was", self.path)
            raise
        if kept:
            self._store = live
            del live
            self._close_store()  # the lock on the folder keeps other kg writers out meanwhile
        self._swap_in(staging)
        self._open()

    def _swap_in(self, staging: Path) -> None:
        """Make the complete staging copy the store (the old store is removed)."""
        self._move_lock(staging)
        if _exchange(staging, self._real):
            marker = self._real / STAGED_MARKER
            if marker.exists():
                marker.unlink()
            _sync_directory(self._real.parent)
            shutil.rmtree(staging, ignore_errors=True)
            return
        # No atomic exchange here: two renames, finished by the next open if cut off.
        discard = self._sibling(DISCARD_SUFFIX)
        shutil.rmtree(discard, ignore_errors=True)
        if self._real.exists():
            os.rename(self._real, discard)
        os.rename(staging, self._real)
        (self._real / STAGED_MARKER).unlink()
        _sync_directory(self._real.parent)
        shutil.rmtree(discard, ignore_errors=True)

    def _sibling(self, suffix: str) -> Path:
        return self._real.parent / f".{self._real.name}{suffix}"

    # -- locking and recovery ----------------------------------------------------------------

    def _take_lock(self) -> int | None:
        """Lock the store's folder for this writer (``flock`` on the folder itself).

        RocksDB's own lock is let go while a load swaps folders; this one is held until
        ``close``, and moves to the new folder before a swap.  Returns the descriptor;
        for a reader, None when a writer holds it (a writer gets KgError instead).
        """
        try:
            self._real.mkdir(parents=True, exist_ok=True)
            descriptor = _lock_folder(self._real)
        except OSError as error:
            if self.read_only:
                return None
            raise KgError(f"cannot open the store at {self.path}: {error}") from None
        if descriptor is None:
            if self.read_only:
                return None
            raise KgError(f"cannot open the store at {self.path}: another kg process is writing "
                          "to it (wait for it to finish)")
        return descriptor

    def _move_lock(self, folder: Path) -> None:
        """Hold the lock on ``folder``, about to become the store, instead of the old one."""
        descriptor = _lock_folder(folder)
        if descriptor is None:
            raise KgError(f"cannot finish the load into {self.path}: {folder} is in use")
        self._release_lock()
        self._lock = descriptor

    def _release_lock(self) -> None:
        descriptor, self._lock = self._lock, None
        if descriptor is not None:
            os.close(descriptor)  # closing the descriptor releases the flock

    def _unfinished_write(self) -> str | None:
        """What an unfinished write left that a reader must not read past, if anything."""
        if (self._sibling(ROLLBACK_SUFFIX) / ROLLBACK_MARKER).exists():
            return "a load into it was interrupted and its changes are not rolled back yet"
        if (self._real / ROLLBACK_MARKER).exists():
            return "a rollback of an interrupted load was itself interrupted"
        if not self._real.exists() and (self._sibling(STAGING_SUFFIX) / STAGED_MARKER).exists():
            return "a load was interrupted while swapping in its result"
        return None

    def _check_for_unfinished_write(self) -> None:
        """For a reader: repair what an interrupted write left, when no one is writing; else
        refuse.  A load in progress in its staging copy is no concern: the store is whole."""
        problem = self._unfinished_write()
        if problem is None:
            return
        self._lock = self._take_lock() if self._real.exists() else None
        if self._lock is None:
            raise KgError(f"the store at {self.path} cannot be read now: {problem}, and a kg "
                          "process is writing to it; try again when it has finished")
        try:
            self._recover()
        finally:
            self._release_lock()

    def _recover(self) -> None:
        """Finish or undo what an interrupted write left behind (the caller holds the lock).

        A staging copy marked complete is swapped in (the load rolls forward); one not
        marked is thrown away.  A checkpoint left by an older kg that loaded in place is
        swapped back (that load rolls back).
        """
        staging = self._sibling(STAGING_SUFFIX)
        discard = self._sibling(DISCARD_SUFFIX)
        if (self._real / STAGED_MARKER).exists():  # swapped in; the copy left is the old store
            shutil.rmtree(staging, ignore_errors=True)
        elif (staging / STAGED_MARKER).exists():
            self._swap_in(staging)
            log.warning("finished an interrupted load into %s (its result was complete)", self.path)
        elif staging.exists():
            shutil.rmtree(staging)
            log.warning("removed the unfinished copy an interrupted load into %s left; the store "
                        "is as it was before that load", self.path)
        marker = self._real / STAGED_MARKER
        if marker.exists():
            marker.unlink()
        checkpoint = self._sibling(ROLLBACK_SUFFIX)
        if (checkpoint / ROLLBACK_MARKER).exists():
            shutil.rmtree(discard, ignore_errors=True)
            self._move_lock(checkpoint)
            if self._real.exists():
                os.rename(self._real, discard)
            os.rename(checkpoint, self._real)
            log.warning("rolled back an unfinished load into %s (a load was interrupted "
                        "before it finished)", self.path)
        elif checkpoint.exists():
            shutil.rmtree(checkpoint)
        marker = self._real / ROLLBACK_MARKER
        if marker.exists():
            marker.unlink()
        shutil.rmtree(discard, ignore_errors=True)

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
        """Flush to disk and release the store (and its locks on the folder)."""
        self._close_store()
        self._release_lock()


def _write_marker(path: Path, text: bytes) -> None:
    with open(path, "wb") as marker:
        marker.write(text)
        marker.flush()
        os.fsync(marker.fileno())
    _sync_directory(path.parent)


def _sync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _released(path: Path) -> bool:
    """Whether no pyoxigraph store in this process holds the folder any more."""
    try:
        probe = ox.Store(str(path))
    except OSError:
        return False
    del probe
    gc.collect()
    return True


def _lock_folder(folder: Path) -> int | None:
    """An exclusive ``flock`` on the folder, or None if another process holds one."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return None
        raise
    return descriptor


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2``); False where it cannot be done.

    The standard library has no binding for it; glibc has had one since 2.28.
    """
    if not sys.platform.startswith("linux") or not second.exists():
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _size(entry: os.DirEntry[str]) -> int:
    """A file's size; 0 for one RocksDB's background compaction removed after the folder was
    listed (it happened at the end of a 10,000-document run into the store, 2026-12-07)."""
    try:
        return entry.stat().st_size
    except FileNotFoundError:
        return 0
