"""The run loop: partitions in flight on an executor, finished ones written in input order.

At most ``in_flight`` partitions are submitted and not yet written, so memory does not grow
with the corpus.  A finished partition is written to the output file (the writer's temporary
file, renamed when all is done) and, with a store, gathered until about ``STORE_BATCH_BYTES``
of N-Quads wait, then loaded in one transaction; its journal file is written once its
documents are stored: whatever point a run is killed at, the journal names only documents
that are stored.
"""

from __future__ import annotations

import ctypes
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from kg.engine.executors import Executor, PartitionFuture
from kg.engine.journal import COPY_INDEX as RUN_COPY_INDEX
from kg.engine.journal import Finished, Journal
from kg.engine.plan import Partition, partitions
from kg.engine.work import DocResult, graph_nquads
from kg.errors import InputError, KgError
from kg.records import Article
from kg.settings import Settings
from kg.text.copies import CopyDetector

ProgressHook = Callable[[int, int], None]  # (documents, words) just finished
Reporter = Callable[[InputError], None]
COPY_INDEX = "kg-copies.sqlite"  # the store's persistent wire-copy index, kept beside it
# N-Quads gathered before one transaction into the store.  Smaller batches cost more transactions;
# larger ones more memory: the bulk loader and RocksDB took about 30 MB more at 8 MiB than at 4, and
# kept more of it as the store grew (10,000 documents: +24 MB over the run at 8 MiB, +15 MB at 4).
STORE_BATCH_BYTES = 4 * 2**20


@dataclass(frozen=True, slots=True)
class RunSummary:
    documents: int
    triples: int
    copies: int
    resumed: int  # documents an earlier, killed run had finished


def copy_index_path(store: str) -> Path:
    path = Path(store).resolve()
    return path.parent / f".{path.name}.{COPY_INDEX}"


def run(located: Iterable[tuple[Article, str, int | None]], *, settings: Settings, start: Callable[[], Executor],
        output: str | None, fmt: str | None, store: str | None, journal: Journal | None,
        detect_copies: bool = True, on_error: str = "raise", report: Reporter | None = None,
        on_progress: ProgressHook | None = None, partition_docs: int | None = None,
        total: int | None = None) -> RunSummary:
    """Extract every article and write the graphs to ``output`` and/or ``store``.

    ``start`` makes the executor the partitions run on; it is called when the first partition
    with work comes (a resumed run with nothing left starts no worker and loads no model) and
    the executor is closed at the end.  ``total`` is how many documents ``located`` holds, where
    known: with kg's partition size (no ``partition_docs``), the last partitions are then shorter.
    """
    from kg.rdf.serialize import DatasetWriter
    from kg.store.embedded import EmbeddedStore

    counts = {"documents": 0, "triples": 0, "copies": 0, "resumed": 0}
    with ExitStack() as stack:
        detector = None
        if detect_copies:
            # On disk, so memory does not grow with the corpus: beside the store (kept between runs),
            # else in the journal (a resumed run finds the killed run's index), else a temporary folder.
            if store is not None:
                index = copy_index_path(store)
            elif journal is not None:
                index = journal.folder / RUN_COPY_INDEX
            else:
                index = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kg-copies-"))) / "copies.sqlite"
            detector = stack.enter_context(CopyDetector(path=index))
        writer = stack.enter_context(DatasetWriter(output, fmt)) if output is not None else None
        opened = stack.enter_context(EmbeddedStore(store)) if store is not None else None
        window: deque[tuple[Partition, PartitionFuture | None]] = deque()
        executor: Executor | None = None

        pending: list[list[Finished]] = []  # finished partitions not yet in the store

        def record(finished: list[list[Finished]]) -> None:
            if journal is None or not any(finished):
                return
            if detector is not None:
                # The copy index first: a resumed run then finds every journalled document
                # in it and computes no signature again.
                detector.commit()
            for new in finished:
                journal.record(new)

        stored = [0]  # bytes of N-Quads this run has put into the store

        def store_pending(*, last: bool = False) -> None:
            finished = [e for new in pending for e in new]
            stored[0] += sum(len(e.nquads) for e in finished)
            # (the last batch compacts the store, which the questions then read faster, when the
            # run added enough to it to be worth it)
            compact = last and opened.worth_compacting(stored[0])  # type: ignore[union-attr]
            if finished or compact:
                opened.replace_graphs([_graph_name(e.doc_id, settings) for e in finished],  # type: ignore[union-attr]
                                      b"".join(e.nquads for e in finished), compact=compact)
                release_free_memory()
            record(pending)
            pending.clear()

        def finish(partition: Partition, future: PartitionFuture | None) -> None:
            results = {r.doc_id: r for r in future.result()} if future is not None else {}
            new: list[Finished] = []
            chunks: list[tuple[bytes, int]] = []
            words = 0
            for slot in partition.slots:
                article = slot.item.article
                words += slot.words
                if slot.done is not None:
                    chunks.append((journal.read(slot.done) if writer is not None else b"",  # type: ignore[union-attr]
                                   slot.done.triples))
                    counts["resumed"] += 1
                    counts["copies"] += slot.done.copy_of is not None
                    continue
                if slot.copy_of is not None:
                    result = _copy_result(article, slot.copy_of, settings)
                    counts["copies"] += 1
                else:
                    result = results[article.id]
                if result.error is not None:
                    error = InputError(slot.item.source, result.error, slot.item.line)
                    if on_error == "raise":
                        raise error
                    if report is not None:
                        report(error)
                    continue
                chunks.append((result.nquads, result.triples))
                new.append(Finished(article.id, slot.digest, result.triples, result.nquads, slot.copy_of))
            if opened is not None:
                # Into the store in batches of many partitions: each batch is one transaction
                # (a staging copy swapped in), whose fixed cost grows with the store.  The
                # journal names a partition's documents only once they are stored.
                pending.append(new)
                if sum(len(e.nquads) for done in pending for e in done) >= STORE_BATCH_BYTES:
                    store_pending()
            else:
                record([new])
            for data, triples in chunks:
                if writer is not None:
                    writer.add_nquads(data, triples)
                counts["documents"] += 1
                counts["triples"] += triples
            if on_progress is not None:
                on_progress(len(partition.slots), words)

        options = {"total": total} if partition_docs is None else {"docs": partition_docs}
        for partition in partitions(located, journal=journal, detector=detector, **options):
            work = partition.work()
            if work and executor is None:
                executor = start()
                stack.callback(executor.close)
            window.append((partition, executor.submit(work) if work else None))  # type: ignore[union-attr]
            while len(window) > (0 if executor is None else executor.in_flight):
                finish(*window.popleft())
        while window:
            finish(*window.popleft())
        if opened is not None:
            store_pending(last=True)
        if counts["documents"] == 0:
            raise KgError("no document was extracted: every input record was skipped")
    # The output is complete (renamed into place), the copy index committed: the journal has served.
    if journal is not None:
        journal.remove()
    return RunSummary(counts["documents"], counts["triples"], counts["copies"], counts["resumed"])


def release_free_memory() -> None:
    """Give the memory the C allocator holds free back to the system (glibc's ``malloc_trim``).

    A store batch (the bulk loader's and RocksDB's threads) and, on Dask, the results that
    arrive on the client's comm thread allocate in several of glibc's per-thread arenas; what
    they free stays mapped and fragmented, so the process grew with the corpus.  Elsewhere
    (no glibc) nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl)
        return
    trim(0)


def _graph_name(doc_id: str, settings: Settings) -> str:
    from kg.rdf.iris import document_iri

    return str(document_iri(doc_id, settings.base_iri))


def _copy_result(article: Article, original: str, settings: Settings) -> DocResult:
    from kg.api import copy_graph

    graph = copy_graph(article, original, settings)
    return DocResult(article.id, graph_nquads(graph), len(graph))
