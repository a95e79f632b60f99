"""Queries with a deadline and a row cap, run in worker threads the caller can walk away from.

pyoxigraph releases the GIL while it evaluates, so a query runs beside the server; a query
past its deadline is abandoned: the caller gets :class:`QueryTimeout` at once, and the worker
stops at its next check (between result rows; a query that computes everything before its
first row, such as a big GROUP BY, finishes that work first).  While the workers are all
busy with abandoned queries, new ones are refused with :class:`ServerBusy` rather than queued.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox

from kg.errors import KgError

T = TypeVar("T")

DEFAULT_QUERY_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_WORKERS = 4


class QueryTimeout(KgError):
    """A query ran past its deadline and was stopped."""


class ServerBusy(KgError):
    """Every worker is still busy (with queries that ran past their deadline)."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """When a running query must stop; :meth:`check` raises once it has passed."""

    at: float
    seconds: float

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise QueryTimeout(f"the query ran past the {self.seconds:g} s limit and was stopped")


class QueryRunner:
    """Runs functions of ``(store, deadline)`` over one pyoxigraph store, each within ``timeout``.

    Each query runs in a daemon thread of its own (at most ``workers`` at once): an abandoned
    query never holds up the server's exit, as a thread pool's workers would.
    """

    def __init__(self, store: ox.Store, *, timeout: float = DEFAULT_QUERY_TIMEOUT,
                 max_rows: int = DEFAULT_MAX_ROWS, workers: int = DEFAULT_WORKERS) -> None:
        if timeout <= 0:
            raise KgError("the query timeout must be more than 0 seconds")
        if max_rows < 1:
            raise KgError("the row cap must be at least 1")
        self.store = store
        self.timeout = timeout
        self.max_rows = max_rows
        self._slots = threading.BoundedSemaphore(workers)

    def run(self, work: Callable[[ox.Store, Deadline], T]) -> T:
        """``work(store, deadline)`` in a worker; raises QueryTimeout after ``timeout`` seconds."""
        if not self._slots.acquire(timeout=1.0):
            raise ServerBusy("every query worker is busy with queries that ran too long; try again shortly")
        deadline = Deadline(time.monotonic() + self.timeout, self.timeout)
        outcome: dict[str, object] = {}
        finished = threading.Event()

        def job() -> None:
            try:
                outcome["value"] = work(self.store, deadline)
            except BaseException as error:  # noqa: BLE001 - handed to the caller below, whatever it is
                # The traceback's frames hold this thread's pyoxigraph results, which must not be
                # dropped on another thread: keep the trace as text, hand over the error alone.
                error.add_note("".join(traceback.format_tb(error.__traceback__)).rstrip())
                outcome["error"] = error.with_traceback(None)
            finally:
                self._slots.release()
                finished.set()

        threading.Thread(target=job, name="kg-query", daemon=True).start()
        if not finished.wait(self.timeout):
            raise QueryTimeout(
                f"the query ran past the {self.timeout:g} s limit (--query-timeout) and was stopped"
            )
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["value"]  # type: ignore[return-value]

    def close(self) -> None:
        """Nothing to release: abandoned queries end with their thread or the process."""
