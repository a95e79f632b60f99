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
    """This process's environment without what kg's new processes must not inherit, inside the block."""
    saved = {name: os.environ.pop(name) for name in NOT_INHERITED if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
