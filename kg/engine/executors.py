"""Where partitions run: in this process, in local worker processes, or on a Dask cluster.

Every executor takes ``submit(items)`` and returns something with ``result()``; the run loop
keeps a bounded number in flight and reads them in order.  Local worker processes load the
model once each and exit when the process that started them dies (Linux: the kernel's
parent-death signal; elsewhere a watchdog thread that sees the parent change).

On Linux a worker process keeps to one thread.  spaCy's compiled parser and NER take the GIL
back millions of times a batch, and glibc locks a mutex without an atomic instruction only
while a process has never had a second thread: 200 documents' NER took 1.02 s in a process
with one thread and 1.34 s once any other thread had started (2026-12-07), even one that had
ended.  Dask workers are threaded, so kg runs their partitions in such processes too
(:mod:`kg.engine.cluster`).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from kg.engine.environ import for_new_processes, one_blas_thread
from kg.engine.work import DocResult, Item, extract_partition
from kg.errors import KgError
from kg.settings import Settings

_PR_SET_PDEATHSIG = 1
_WATCH_SECONDS = 1.0
LOCAL = "local"  # the scheduler that means a LocalCluster started for the run
# A LocalCluster's workers are forked from a fork server that has imported this module (and Dask).
FORK_SERVER = sys.platform.startswith("linux")
CLUSTER_MODULE = "kg.engine.cluster"


class PartitionFuture(Protocol):
    def result(self) -> list[DocResult]: ...


class Executor(Protocol):
    workers: int
    in_flight: int  # partitions submitted and not yet written, at most

    def submit(self, items: list[Item]) -> PartitionFuture: ...

    def close(self) -> None: ...


class InProcess:
    """Runs each partition at once, in this process (``--workers 1``)."""

    workers = 1
    in_flight = 0  # each partition is done when submitted: write it at once

    def __init__(self, settings: Settings, doc_timeout: float | None = None) -> None:
        self.settings = settings
        self.doc_timeout = doc_timeout

    def submit(self, items: list[Item]) -> PartitionFuture:
        future: Future[list[DocResult]] = Future()
        future.set_result(extract_partition(items, self.settings, self.doc_timeout))
        return future

    def close(self) -> None:
        return None


class LocalProcesses:
    """``workers`` processes on this machine (``--workers N``), each with its own pipeline."""

    def __init__(self, settings: Settings, workers: int, doc_timeout: float | None = None) -> None:
        self.settings = settings
        self.workers = workers
        self.in_flight = 2 * workers + 1  # every worker busy, and its next partition queued
        self.doc_timeout = doc_timeout
        self._pool = model_processes(workers, settings.model)

    def submit(self, items: list[Item]) -> PartitionFuture:
        return self._pool.submit(extract_partition, items, self.settings, self.doc_timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def model_processes(count: int, model: str | None) -> ProcessPoolExecutor:
    """``count`` new processes, each loading the model once and ending when this process does."""
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(os.getpid(), model))


def _start_worker(parent: int, model: str | None) -> None:
    """In a new worker process: die with the parent, then load the model once (one BLAS thread)."""
    exit_with_parent(parent)
    one_blas_thread()  # numpy is not loaded yet: the model's loading imports it
    from kg.api import _nlp

    atexit.register(_end_at_once)
    try:
        _nlp(model)
    except KgError:
        # An initializer's error breaks the pool and its message is lost: the first partition
        # loads the model again and raises the error, for the client to print.
        pass


def _end_at_once() -> None:
    """A worker process's last step: it ends without taking its modules apart (the model's objects
    took about 0.1 s, which the run's close waited for); its results have all been sent, and its
    log handlers are flushed here (logging's own exit handler, registered before, would run after)."""
    logging.shutdown()
    os._exit(0)


def exit_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` does (kill -9 included).

    Linux sends the signal when the parent thread that started this process ends; kg starts
    workers from a thread that lives as long as its process (the main thread, or a Dask
    worker's event loop).
    """
    linux = sys.platform.startswith("linux")
    if linux:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    if linux:
        return  # no watchdog thread: see the module's docstring

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def make_executor(settings: Settings, *, scheduler: str | None = None, doc_timeout: float | None = None,
                  threaded: bool = False, scratch: str | None = None) -> Executor:
    """The executor for a run: a Dask cluster when ``scheduler`` is given, else local processes.

    ``threaded`` says this process runs threads of its own during the run (the store's: RocksDB
    starts its background threads when it opens); one worker then parses in a process of its
    own, at full speed (see the module's docstring), while this one writes.  ``scratch`` is a
    folder of this run where a LocalCluster's workers may leave their results (the run's journal).
    """
    if scheduler is not None:
        if scheduler == LOCAL and FORK_SERVER:
            start_fork_server()  # it imports Dask while this process does
        from kg.engine.cluster import DaskExecutor

        return DaskExecutor(settings, scheduler, doc_timeout=doc_timeout, scratch=scratch)
    if settings.workers > 1 or threaded:
        return LocalProcesses(settings, settings.workers, doc_timeout)
    return InProcess(settings, doc_timeout)


def start_fork_server() -> None:
    """Start, in the background, the process a LocalCluster's workers are forked from (Linux).

    It imports Dask and kg's task once, while this process imports Dask and starts the scheduler.
    A worker forked from it is ready at once, where a new interpreter spent some 0.45 s importing
    them, and it ends without taking its modules apart (multiprocessing ends a forked child with
    ``os._exit``).  A LocalCluster of two came up about 0.3 s sooner and closed 0.2 s sooner
    (2026-12-07).  The server keeps to one thread (one BLAS thread, unless the user set more), so
    forking it is safe, and it ends with this process.
    """
    import multiprocessing.forkserver

    with for_new_processes():
        multiprocessing.get_context("forkserver").set_forkserver_preload([CLUSTER_MODULE])
        multiprocessing.forkserver.ensure_running()
