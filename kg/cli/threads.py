"""One BLAS thread per process unless the user's environment says otherwise (kg.engine.environ).

Imported by ``kg.cli`` before any module loads numpy, whose OpenBLAS starts its threads as it
loads.  kg parses one text at a time in a process and adds processes for more (``--workers``,
Dask).
"""

from __future__ import annotations

from kg.engine.environ import one_blas_thread

one_blas_thread()
