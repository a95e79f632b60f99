"""The CLI's shared conventions (issue 11): --version, -v/-q on every command, -o and --format,
several inputs and globs, folders read recursively or their skipped sub-folders named."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import kg
from kg.cli import app

runner = CliRunner()
pytestmark = pytest.mark.issue(11)


def invoke(*args: object, input: str | None = None):  # noqa: ANN201 - click Result
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


def _leaf_commands(command, path=()):  # noqa: ANN001, ANN202
    subs = getattr(command, "commands", None)
    if subs:
        for name, sub in subs.items():
            yield from _leaf_commands(sub, (*path, name))
    else:
        yield path, command


def test_cli_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kg {kg.__version__}"


def test_cli_every_command_takes_verbose_and_quiet():
    commands = list(_leaf_commands(typer.main.get_command(app)))
    assert len(commands) >= 10
    for path, command in commands:
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        assert {"-v", "--verbose", "-q", "--quiet"} <= options, path


@pytest.fixture
def root_level():
    root = logging.getLogger()
    level = root.level
    yield root
    root.setLevel(level)


def test_cli_verbose_and_quiet_set_the_logging_level(root_level):
    assert invoke("query", "--list", "-vv").exit_code == 0
    assert root_level.level == logging.DEBUG
    assert invoke("query", "-v", "--list").exit_code == 0
    assert root_level.level == logging.INFO
    assert invoke("-q", "query", "--list").exit_code == 0
    assert root_level.level == logging.ERROR


def test_cli_quiet_drops_the_summary_line(tmp_path: Path, root_level):
    trig = Path(__file__).parent / "fixtures" / "cli" / "broken-mediation.trig"
    loud = invoke("load", trig, "--store", tmp_path / "a")
    assert loud.exit_code == 0 and "loaded" in loud.stderr
    quiet = invoke("load", trig, "--store", tmp_path / "b", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
