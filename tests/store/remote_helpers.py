"""The helpers of tests/store/test_remote.py (starting an Oxigraph server, free ports, ...) for
the other server tests, loaded from that file whatever pytest's import mode."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType


@cache
def remote_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_remote_test_helpers",
                                                  Path(__file__).with_name("test_remote.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
