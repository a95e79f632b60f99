"""The per-document work, the same on every path: one article in, its graph as N-Quads bytes out.

:func:`extract_partition` is what a worker runs (this process, a local worker process or a Dask
worker): it parses the partition's articles with the per-process pipeline (loaded once) and
returns plain values, never Docs.  A document that outruns its time budget (``doc_timeout``) is
returned as a failure with the reason, for the client to report as a bad record.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pyoxigraph as ox

from kg.records import Article
from kg.settings import Settings

SPILL_PREFIX = ".spill-"  # a partition's N-Quads left by a worker (kg.engine.journal removes those a killed run left)


@dataclass(frozen=True, slots=True)
class Item:
    """An article to extract and where it was read (for error messages)."""

    article: Article
    source: str
    line: int | None


@dataclass(frozen=True, slots=True)
class DocResult:
    """One document's outcome: its graph as N-Quads, or why it has none."""

    doc_id: str
    nquads: bytes
    triples: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Spilled:
    """A partition's results whose N-Quads a worker left in a file on the client's disk.

    A LocalCluster's worker returns this instead of the bytes (about 80 KB a document), which
    would otherwise be sent from kg's process to the Dask worker and from there to the client:
    in a 2,000-document run the client and the workers spent about 0.4 CPU s on that, beside
    the parsing (2026-12-07).
    """

    path: str
    results: list[tuple[DocResult, int]]  # each result without its N-Quads, and their length in the file

    def load(self) -> list[DocResult]:
        """The results with their N-Quads, in order; the file is removed."""
        with open(self.path, "rb") as stream:
            data = stream.read()
        os.unlink(self.path)
        loaded, at = [], 0
        for result, length in self.results:
            loaded.append(replace(result, nquads=data[at:at + length]))
            at += length
        return loaded


class DocTimeout(Exception):
    """A document took longer than its time budget."""


def graph_nquads(graph) -> bytes:  # noqa: ANN001 - rdflib Graph or kg's DocumentTriples
    """A document's graph as N-Quads bytes (its triples in the graph's own name, in a fixed order)."""
    from kg.rdf.serialize import rdf_bytes, to_quads

    return rdf_bytes(to_quads(graph), ox.RdfFormat.N_QUADS)


def document_result(doc, article: Article, settings: Settings, model: str) -> DocResult:  # noqa: ANN001 - Doc
    """The pure function from a parsed article to its N-Quads."""
    from kg.nlp.extraction import extract_records
    from kg.rdf.mapping import records_to_triples

    started = datetime.now(UTC)
    with collector_paused():
        records = extract_records(doc, article, model=model)
        # The times are always kept; the mapping writes them only where settings.timestamps says so.
        triples = records_to_triples(replace(records, started=started, ended=datetime.now(UTC)), settings)
        return DocResult(article.id, graph_nquads(triples), len(triples))


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection inside the block (if it was on): a document's records
    hold no cycles worth collecting, and the collector's full passes over everything they hold
    grow with the document (1M characters: 10 passes, 0.8 of 6 s of kg's work; paused, one
    pass of about 0.4 s after the block, and the same peak RSS)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def extract_partition(items: list[Item], settings: Settings, doc_timeout: float | None = None) -> list[DocResult]:
    """Extract a partition's articles, in order, with this process's pipeline (loaded on first use)."""
    from kg.api import _nlp

    nlp = _nlp(settings.model)  # first: it imports spaCy (kg.pipeline) as it loads, collector paused
    from kg.pipeline import model_name, parse, parse_stream

    model = model_name(nlp)
    if doc_timeout is None:
        pairs = ((item.article.text, item.article) for item in items)
        return [document_result(doc, article, settings, model)
                for doc, article in parse_stream(nlp, pairs, batch_size=settings.batch_size)]
    results = []
    for item in items:
        try:
            with time_budget(doc_timeout):
                result = document_result(parse(nlp, item.article.text, settings.batch_size), item.article, settings,
                                         model)
        except DocTimeout:
            result = DocResult(item.article.id, b"", 0,
                               f"extraction took longer than the budget of {doc_timeout:g} s a document "
                               "(--doc-timeout)")
        results.append(result)
    return results


def spill_partition(items: list[Item], settings: Settings, doc_timeout: float | None, folder: str) -> Spilled:
    """:func:`extract_partition`, with the N-Quads written to a new file in ``folder`` (see :class:`Spilled`)."""
    results = extract_partition(items, settings, doc_timeout)
    fd, path = tempfile.mkstemp(dir=folder, prefix=SPILL_PREFIX, suffix=".nq")
    with os.fdopen(fd, "wb") as out:
        out.writelines(result.nquads for result in results)
    return Spilled(path, [(replace(result, nquads=b""), len(result.nquads)) for result in results])


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`DocTimeout` in this thread once ``seconds`` have passed inside the block.

    In the main thread (one process, kg's worker processes and those beside Dask's workers) an
    interval timer's SIGALRM raises it, and no thread is started: a process that has had a
    second thread runs spaCy's parser about a third slower for good (kg.engine.executors).  In
    any other thread (a Dask worker's own, under a nanny), where signals cannot be used, a timer
    thread sets an asynchronous exception.  Either is raised at the next bytecode of this thread:
    code running in C (one long call of spaCy's tokenizer) is cut when it returns.
    """
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _timer_thread(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    state = {"done": False}

    def fire(signum: int, frame: object) -> None:
        if not state["done"]:  # a signal that comes as the block ends is ignored
            raise DocTimeout

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        state["done"] = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _timer_thread(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(DocTimeout))
                state["fired"] = True

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                # Clear an exception set but not yet raised, so it cannot escape the block late.
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
        timer.cancel()
