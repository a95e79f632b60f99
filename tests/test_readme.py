"""What the README promises a new user: the demo's table, and the example files its commands name."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.issue(11)

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COLUMNS = ["mediation", "mediatorLabel", "partyLabel", "kind", "stated", "status", "confidence"]


def _demo_table() -> list[list[str]]:
    header = "| " + " | ".join(COLUMNS) + " |"
    lines = README[README.index(header):].splitlines()[2:]
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _run(*args: object) -> str:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.model
def test_readme_demo_table_is_what_the_demo_prints(tmp_path: Path):
    # The demo's own commands (Makefile), with the rows as CSV instead of a terminal table.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    example = re.search(r"^EXAMPLE := (\S+)$", makefile, re.M).group(1)
    published = re.search(r"^EXAMPLE_DATE := (\S+)$", makefile, re.M).group(1)
    store = tmp_path / "store"
    _run("extract", ROOT / example, "--published", published, "--store", store, "-q")
    rows = list(csv.DictReader(io.StringIO(_run("query", "mediations", "--store", store, "--format", "csv"))))
    printed = [[r[c].rsplit("/", 1)[-1] if c == "mediation" else r[c] for c in COLUMNS] for r in rows]
    assert printed == _demo_table()


def test_readme_gdelt_command_names_a_shipped_sample(tmp_path: Path):
    (command,) = re.findall(r"^kg import gdelt (\S+) ", README, re.M)
    out = tmp_path / "gdelt.trig"
    result = CliRunner().invoke(app, ["import", "gdelt", str(ROOT / command), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "2 document(s)" in result.stderr
    assert _run("validate", out).strip().endswith("conforms to kg's shapes")


def test_readme_eval_says_what_it_needs_without_the_gold_file(tmp_path: Path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "shared" / "eval" / "dev.jsonl")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr and "../shared/eval" in result.stderr
    assert "kg eval needs gold annotations" in result.stderr


@pytest.mark.parametrize("bench", ["cameo_consult.py", "ngec_actor_resolution.py"])
def test_readme_bench_scripts_say_what_they_need(tmp_path: Path, bench: str):
    import subprocess
    import sys

    missing = tmp_path / "suite.jsonl"
    run = subprocess.run([sys.executable, str(ROOT / "bench" / bench), str(missing)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith(f"{missing}: no such file; this bench needs ")
    assert "pass the file's path as the first argument" in run.stderr


def test_readme_oxigraph_serve_read_only_over_kgs_store_answers_as_the_store(tmp_path: Path):
    import subprocess

    from tests.store.test_remote import free_port, oxigraph_binary, stop, wait_until_answering

    line = "oxigraph serve-read-only --location kg-store --union-default-graph"
    assert line in README
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("oxigraph") for d in project["dependencies"])  # installed with kg itself
    binary = oxigraph_binary()
    assert binary is not None, "the oxigraph server binary is one of kg's dependencies"
    store = tmp_path / "kg-store"
    fixture = ROOT / "tests" / "fixtures" / "cli" / "broken-mediation.trig"
    _run("load", fixture, "--store", store, "-q")
    expected = _run("query", "mediations", "--store", store, "--format", "csv")
    port = free_port()
    log = tmp_path / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([binary, *line.split()[1:]] + ["--bind", f"127.0.0.1:{port}"],
                                   cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{base}/query?query=ASK%7B%7D", process, 30, log)
        served = _run("query", "mediations", "--endpoint", f"{base}/query", "--format", "csv")
    finally:
        stop(process)
    assert served == expected and expected.count("\n") > 1
