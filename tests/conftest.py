"""Shared pytest options and fixtures (the only conftest)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.records import DocumentRecords

GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*/expected.ttl from the current output (review the diff)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden tests should rewrite their expected files instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


def load_golden_records(case: str) -> DocumentRecords:
    """``RECORDS`` from tests/golden/<case>/records.py."""
    path = GOLDEN_DIR / case / "records.py"
    spec = importlib.util.spec_from_file_location(f"golden_{case.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RECORDS


@pytest.fixture(scope="session")
def golden_records() -> dict[str, DocumentRecords]:
    """Every golden case's hand-built records, by case name."""
    return {
        path.name: load_golden_records(path.name)
        for path in sorted(GOLDEN_DIR.iterdir())
        if (path / "records.py").is_file()
    }
