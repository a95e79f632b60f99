"""The CLI never answers wrongly with exit 0: validate's verdicts, and the log level from the environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def kg(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a subprocess (exit codes and stderr as a user sees them)."""
    import os

    environment = {**os.environ, **(env or {})}
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, env=environment, timeout=120)


def test_validate_says_nothing_was_checked_on_a_file_without_kg_nodes(tmp_path: Path) -> None:
    other = tmp_path / "other.ttl"
    other.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    done = kg("validate", other)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "conforms" not in done.stdout + done.stderr
    assert done.stderr.strip() == f"{other}: nothing was checked: no node of kg's vocabulary in the file"


def test_validate_exits_2_on_a_syntax_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n")
    done = kg("validate", bad)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith(f"{bad}, line 1: ")
    assert len(done.stderr.strip().splitlines()) == 1


def test_validate_exits_1_on_a_violation() -> None:
    broken = FIXTURES / "broken-mediation.trig"
    done = kg("validate", broken)
    assert done.returncode == 1, done.stdout + done.stderr


@pytest.mark.parametrize("level", ["debug", "Info", "WARNING"])
def test_log_level_from_the_environment_in_any_case(level: str) -> None:
    done = kg("query", "--list", env={"KG_LOG_LEVEL": level})
    assert done.returncode == 0, done.stderr
    assert "mediations" in done.stdout


def test_an_unknown_log_level_is_one_line() -> None:
    done = kg("query", "--list", env={"KG_LOG_LEVEL": "chatty"})
    assert done.returncode == 2
    assert done.stderr.strip() == ("kg: KG_LOG_LEVEL='chatty' is not a log level "
                                   "(debug, info, warning, error or critical)")
