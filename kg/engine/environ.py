"""The environment kg's parsing processes start with: below the CLI, the one module that touches
``os.environ``, and only for the processes kg itself starts (and the CLI's own, before numpy).

- **One BLAS thread.**  numpy's OpenBLAS starts its threads as it loads, and they only
  competed with kg's processes: ``kg extract`` of 150 articles took about a sixth more CPU time
  with them (2026-12-07).  A setting the user made is kept.
- **No MALLOC_TRIM_THRESHOLD_ from a Dask nanny.**  The nanny sets it to 65536 in its workers,
  which costs spaCy 15-19%; kg's processes beside a worker start without it (glibc reads it
  when a process starts, so it is left out while they are started).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

# What sets the threads of numpy's BLAS; read when numpy loads.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
NOT_INHERITED = ("MALLOC_TRIM_THRESHOLD_",)


def one_blas_thread() -> None:
    """One BLAS thread in this process, unless the environment says otherwise; before numpy loads."""
    for variable in BLAS_THREADS:
        os.environ.setdefault(variable, "1")


@contextmanager
def for_new_processes() -> Iterator[None]:
    """This process's environment as kg's new processes must inherit it, inside the block: without
    what they must not inherit, with one BLAS thread unless a setting says otherwise."""
    saved = {name: os.environ.get(name) for name in (*NOT_INHERITED, *BLAS_THREADS)}
    for name in NOT_INHERITED:
        os.environ.pop(name, None)
    one_blas_thread()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
