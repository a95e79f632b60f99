"""Partitions on a Dask cluster: an existing one (``tcp://HOST:PORT``) or a LocalCluster for the run.

A worker plugin gives each Dask worker kg's processes: one for each of the worker's threads,
started beside it, which loads the spaCy pipeline once and ends with the worker.  kg's task
runs in the worker's thread and hands its partition to one of them, so a task pays only for
its documents and runs them in a process with one thread, where spaCy runs 15-20% faster than
in a Dask worker's thread pool (see :mod:`kg.engine.executors`); that process imports kg and
spaCy, not Dask.  The processes stay while the worker lives, so a later run with the same
model finds them ready.  A LocalCluster's task leaves its N-Quads in a file of the run's journal,
on the client's disk, and returns where they are (:class:`kg.engine.work.Spilled`).

A task whose worker (or kg process) dies is run again by Dask; kg allows it one more failure:
a partition that fails twice raises, naming it, and the run stops with its finished
partitions in the journal.  The workers need kg installed (``pip install kg-news[dask]``) and
run best with one thread each.  Dask's memory limits see the worker's process, not kg's.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

from kg.engine.environ import for_new_processes
from kg.engine.executors import FORK_SERVER, LOCAL, model_processes, start_fork_server
from kg.engine.work import Item, Spilled, extract_partition, spill_partition
from kg.errors import KgError
from kg.settings import Settings

try:
    import dask
    from distributed import Client, LocalCluster
    from distributed import utils as distributed_utils
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError as error:  # pragma: no cover - the optional extra is missing
    raise KgError("--scheduler needs Dask: pip install 'kg-news[dask]'") from error

# Dask sets its own loggers to INFO when imported; kg's log level (the root logger's) decides.
logging.getLogger("distributed").setLevel(max(logging.getLogger().getEffectiveLevel(), logging.WARNING))

SYNC_FILE = distributed_utils.__file__  # where distributed.utils.sync is


class _InterruptedWaitNoise(logging.Filter):
    """Drops the traceback of Dask's own slip when Ctrl-C interrupts the client's wait.

    The wait is ``distributed.utils.sync``.  If it is interrupted before the coroutine it waits
    for has started, its ``cancel`` callback reads a variable not yet set, and the NameError
    is logged by tornado (distributed 2026.8).  It came now and then before kg's "interrupted"
    line.  The filter keeps every other record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, NameError) or error.__traceback__ is None:
            return True
        last = error.__traceback__
        while last.tb_next is not None:
            last = last.tb_next
        code = last.tb_frame.f_code
        return not (code.co_name == "cancel" and code.co_filename == SYNC_FILE)


logging.getLogger("tornado.application").addFilter(_InterruptedWaitNoise())

T = TypeVar("T")
# kg's processes are kept among each worker's executors under this name: the worker shuts them
# down when it closes, and they outlive the plugin (a later run registers it anew).
EXECUTOR = "kg"
RETRIES = 1  # a partition is tried twice before the run stops
CONNECT_TIMEOUT = "30s"
# Dask's developer logs (each comm's recent messages, the scheduler's and workers' transitions and
# stimuli) keep the last 1,000 entries by default, and a kept message holds what it carried: a
# task's arguments, that is a partition's articles (messages under 1 MB).  In the client (and in
# a LocalCluster's scheduler, which runs in the client's process) that memory grew with the
# corpus until 1,000 partitions had passed; a few entries are enough to read a failure.
LOG_CONFIG = {"distributed.admin.low-level-log-length": 10}
# A LocalCluster's workers share the machine with the client: no statistical profiler sampling the
# worker's threads 100 times a second, event-loop health checks once a second instead of 50 times,
# the dashboard's system figures (there is no dashboard) every 2 s instead of 0.5 s and without the
# disks', and memory limits checked once a second instead of 10 times (they see Dask's processes, not
# kg's): the client and the workers spent about 0.4 CPU s less in a 2,000-document run (2026-12-07).
# They are forked from kg's fork server where there is one (kg.engine.executors.start_fork_server).
# Set for the executor's life: a worker that dies is started anew the same way.
LOCAL_CONFIG = {"distributed.worker.daemon": False,  # so that a worker may start kg's processes
                "distributed.worker.multiprocessing-method": "forkserver" if FORK_SERVER else "spawn",
                "distributed.scheduler.allowed-failures": RETRIES,
                "distributed.worker.profile.enabled": False,
                "distributed.admin.tick.interval": "1s",
                "distributed.admin.system-monitor.interval": "2s",
                "distributed.admin.system-monitor.disk": False,
                "distributed.worker.memory.monitor-interval": "1s",
                **LOG_CONFIG}


class LoadModel(WorkerPlugin):
    """Starts kg's processes (:class:`ModelProcesses`) beside each worker.

    It does not wait for their model: the client then sends the first partitions at once, and
    they wait in the processes' queue (a model that does not load is reported by the first).
    """

    name = "kg-load-model"

    def __init__(self, model: str | None, *, local: bool = False) -> None:
        self.model = model
        self.local = local  # a LocalCluster's worker

    async def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        if self.local:
            self._quiet_when_stopped()
        executors = worker.executors
        if multiprocessing.current_process().daemon:
            # A nanny's worker is a daemon process unless distributed.worker.daemon is False, and
            # a daemon may not start processes: kg's tasks run in the worker's own threads.
            from kg.api import _nlp

            await asyncio.to_thread(_nlp, self.model)
            return
        current = executors.get(EXECUTOR)
        if not (isinstance(current, ModelProcesses) and current.model == self.model):
            if current is not None:
                current.shutdown(wait=False)
            executors[EXECUTOR] = ModelProcesses(self.model, worker.state.nthreads)
            executors[EXECUTOR].start()

    @staticmethod
    def _quiet_when_stopped() -> None:
        """A LocalCluster's worker is the client's to stop: the client closes the cluster when the
        run stops early (Ctrl-C, a bad record), and the user sees kg's one line, not Dask's."""
        if threading.current_thread() is threading.main_thread():
            # Ctrl-C at a terminal reaches every process of the run: a worker that took it printed
            # Dask's tracebacks.  kg's processes, started after this, inherit it.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        # Its one warning: a task still running when the worker closes ("ended with CancelledError").
        logging.getLogger("distributed.worker.state_machine").setLevel(logging.ERROR)


class ModelProcesses(Executor):
    """``count`` processes with the model loaded, started anew when one of them has died."""

    def __init__(self, model: str | None, count: int) -> None:
        self.model, self.count = model, max(1, count)
        self._pool = model_processes(self.count, model)

    def start(self) -> None:
        """Start every process now (they start on demand), each loading its model."""
        for _ in range(self.count):
            self.submit(os.getpid)

    def submit(self, fn: Callable, /, *args: object, **kwargs: object) -> Future:
        with for_new_processes():  # the pool starts its processes inside submit (kg.engine.environ)
            try:
                return self._pool.submit(fn, *args, **kwargs)
            except BrokenProcessPool:  # a process died (killed, out of memory): its task failed; start anew
                self._pool.shutdown(wait=False)
                self._pool = model_processes(self.count, self.model)
                return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


@dataclass(frozen=True, slots=True)
class Raised:
    """kg's own error in a task (a model that is not installed), returned as the task's value: a
    task that fails is logged by its worker and run again, for the same error."""

    error: KgError


def in_kg_process(fn: Callable[..., T], /, *args: object) -> T | Raised:
    """A task's body on a worker: ``fn(*args)`` in one of the worker's kg processes (in the
    worker's thread where it has none: a daemon worker).  The processes are given the call on
    the worker's event loop, so that any process the pool starts anew has the loop's thread,
    which lives as long as the worker, as its parent (kg.engine.executors.exit_with_parent)."""
    from distributed import get_worker

    worker = get_worker()
    processes = worker.executors.get(EXECUTOR)
    try:
        if not isinstance(processes, ModelProcesses):
            return fn(*args)

        async def submit() -> Future:
            return processes.submit(fn, *args)

        loop = worker.loop.asyncio_loop  # type: ignore[attr-defined]  # (tornado's AsyncIOLoop)
        return asyncio.run_coroutine_threadsafe(submit(), loop).result().result()
    except KgError as error:
        return Raised(error)


class DaskExecutor:
    """Submits partitions to a Dask cluster; ``workers`` is how many it has."""

    def __init__(self, settings: Settings, scheduler: str, *, doc_timeout: float | None = None,
                 scratch: str | None = None) -> None:
        self.settings = settings
        self.doc_timeout = doc_timeout
        # A LocalCluster's workers share this machine's disk: they leave each partition's N-Quads
        # in a file there (kg.engine.work.Spilled) instead of sending them back.
        self._scratch = scratch if scheduler == LOCAL else None
        self._cluster: LocalCluster | None = None
        self._run = uuid.uuid4().hex[:8]
        # For the executor's life: the scheduler makes a comm (and its log) for each worker that
        # joins, and a LocalCluster's nanny starts a worker that died anew, with the settings.
        self._config = dask.config.set(LOCAL_CONFIG if scheduler == LOCAL else LOG_CONFIG)
        try:
            self._connect(scheduler)
        except BaseException:
            self._config.__exit__(None, None, None)
            raise

    def _connect(self, scheduler: str) -> None:
        plugin = LoadModel(self.settings.model, local=scheduler == LOCAL)
        if scheduler == LOCAL:
            if FORK_SERVER:
                start_fork_server()  # (started already by kg.engine.executors.make_executor)
            # Each worker starts kg's processes as it starts, before it joins the scheduler (and
            # so does a worker started anew).
            self._cluster = LocalCluster(n_workers=self.settings.workers, threads_per_worker=1,
                                         processes=True, dashboard_address=None, silence_logs=logging.WARNING,
                                         plugins=(plugin,))
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except OSError as error:
                raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
            self._client.register_plugin(plugin)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self.in_flight = 2 * self.workers + 1

    def submit(self, items: list[Item]):  # noqa: ANN201 - a distributed.Future
        if self._scratch is None:
            task: tuple = (extract_partition, items, self.settings, self.doc_timeout)
        else:
            task = (spill_partition, items, self.settings, self.doc_timeout, self._scratch)
        future = self._client.submit(in_kg_process, *task, pure=False, retries=RETRIES,
                                     key=f"kg-{self._run}-{uuid.uuid4().hex}")
        return _Result(future, items)

    def close(self) -> None:
        try:
            self._client.close()
            if self._cluster is not None:
                self._cluster.close()
        finally:
            self._config.__exit__(None, None, None)


class _Result:
    """A partition's Dask future; its failure names the partition's first and last records."""

    def __init__(self, future: object, items: list[Item]) -> None:
        self.future = future
        self.first, self.last = items[0], items[-1]

    def result(self) -> list:
        try:
            result = self.future.result()  # type: ignore[attr-defined]
        except KgError:
            raise
        except Exception as error:  # a remote failure of any kind: name the partition, keep the reason
            raise KgError(f"a partition ({self._where()}) failed twice on the cluster: "
                          f"{type(error).__name__}: {error}") from error
        if isinstance(result, Raised):
            raise result.error
        if not isinstance(result, Spilled):
            return result
        try:
            return result.load()
        except OSError as error:  # its file was removed, or the disk failed
            raise KgError(f"the results of a partition ({self._where()}) could not be read back: {error}") from None

    def _where(self) -> str:
        def at(item: Item) -> str:
            return item.source if item.line is None else f"{item.source}, line {item.line}"

        return f"{at(self.first)} to {at(self.last)}"
