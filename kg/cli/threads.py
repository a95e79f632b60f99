"""One BLAS thread per process unless the user's environment says otherwise.

Imported by ``kg.cli`` before any module loads numpy, whose OpenBLAS starts its threads as it
loads.  kg parses one text at a time in a process and adds processes for more (``--workers``,
Dask), and OpenBLAS's own threads only competed with them: ``kg extract`` of 150 articles took
about a sixth more CPU time with them (2026-12-07).
"""

from __future__ import annotations

import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
