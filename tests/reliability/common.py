"""What the reliability tests share: running the ``kg`` command, fixture files, servers.

The servers are the real ones the store tests start (Oxigraph, Virtuoso), through those
tests' own helpers, so there is one way of starting each.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

KG = str(Path(sys.executable).with_name("kg"))
EX = "https://example.org/"


def kg(*args: str | os.PathLike[str], timeout: float = 120, **options) -> subprocess.CompletedProcess[str]:
    """Run the installed ``kg`` command; its exit status, stdout and stderr as text."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env,
                          **options)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The error a failed command printed, which must be one line with no traceback."""
    assert result.returncode != 0, result
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def store_tests() -> ModuleType:
    """tests/store/test_virtuoso.py (with test_remote.py's helpers as its ``shared``)."""
    return _load("kg_virtuoso_test_helpers", Path(__file__).parents[1] / "store" / "test_virtuoso.py")
