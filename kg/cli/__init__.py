"""The ``kg`` command: thin typer wrappers around kg's library functions, one module per command group.

This package is the only part of kg that reads the environment or writes to the terminal.
Errors kg expects (bad input, unknown query) print one line and exit non-zero, no traceback.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import logging
import os
import signal
import sys

# isort: off
# First, before any module loads numpy: one BLAS thread per process (kg.cli.threads).
from kg.cli import threads  # noqa: F401
# Each module registers its commands on the app; the order here is the order of `kg --help`.
from kg.cli import extract, query, store, check, evaluate, serve  # noqa: F401
# isort: on
from kg.cli.app import _err, app, ask_to_stop
from kg.cli.merge import register as register_merge
from kg.errors import InputError, KgError

register_merge(app)


def main() -> None:
    """Entry point: run the app, turning kg's own errors into one line on stderr."""
    _fewer_malloc_arenas()
    level = os.environ.get("KG_LOG_LEVEL", "WARNING").strip().upper()
    if level not in logging.getLevelNamesMapping():
        _err(f"kg: KG_LOG_LEVEL={level.lower()!r} is not a log level (debug, info, warning, error or critical)")
        sys.exit(2)
    logging.basicConfig(level=level, format="%(levelname)s %(message)s")
    atexit.unregister(_no_collection_at_exit)  # once, however often main() runs in one process
    atexit.register(_no_collection_at_exit)
    # SIGTERM (kill, a scheduler stopping a job) ends a run as Ctrl-C does: temporary files
    # removed, a load into a store dropped, the store as it was.
    previous = signal.signal(signal.SIGTERM, _interrupt) if _main_thread() else None
    try:
        app()
    except KgError as error:
        _err(str(error) if isinstance(error, InputError) else f"kg: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("kg: interrupted")
        sys.exit(130)
    except SystemExit as exiting:
        # typer turns Ctrl-C into exit status 130 before we see the KeyboardInterrupt.
        if exiting.code == 130:
            _err("kg: interrupted; no output was written")
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


# glibc's mallopt parameter for the number of malloc arenas (malloc.h), and kg's limit.
M_ARENA_MAX = -8
MALLOC_ARENAS = 2


def _fewer_malloc_arenas() -> bool:
    """Let this process's threads share at most two malloc arenas (glibc's ``M_ARENA_MAX``).

    By default glibc gives each thread that allocates an arena of its own, up to eight a core,
    and memory freed in one arena is not reused by another.  The client of a Dask run (its event
    loop, comm and offload threads) grew with the corpus: peak RSS 211-217 MB at 10,000
    documents written into a store against 190-191 MB at 1,000; with two arenas set when kg
    starts, 195-197 MB against 184-186 MB (bench/results/scale-memory.md).  Set later, when the
    Dask client is made, the limit did not lower the peak.  False where the C library has no
    such setting.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(M_ARENA_MAX, MALLOC_ARENAS))


def _no_collection_at_exit() -> None:
    """Spare the interpreter's shutdown the collector's full passes over every object still alive.

    With the spaCy pipeline and kg's tables loaded they cost about 0.5 CPU s at the end of a
    ``kg extract`` (a tenth of a resumed run of 100 documents).  Objects are still freed by
    their reference counts as modules are cleared; only cycles left over at exit are not
    collected, and the operating system takes the memory back.
    """
    gc.freeze()


def _interrupt(signum: int, frame: object) -> None:
    ask_to_stop()


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    main()
