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


FIXTURES = Path(__file__).parent / "fixtures" / "cli"
TRIG = FIXTURES / "broken-mediation.trig"
CONSTRUCT = """PREFIX kg: <https://w3id.org/kg-news/ontology/kg#>
CONSTRUCT { ?event kg:mediator ?who } WHERE { ?event kg:mediator ?who }
"""


def test_cli_query_construct_writes_turtle_or_the_format_asked(tmp_path: Path):
    import pyoxigraph as ox

    rq = tmp_path / "mediators.rq"
    rq.write_text(CONSTRUCT)
    result = invoke("query", rq, TRIG)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("@prefix kg: <https://w3id.org/kg-news/ontology/kg#> .")
    turtle = ox.Store()
    turtle.load(result.stdout.encode(), format=ox.RdfFormat.TURTLE)
    assert len(turtle) > 0
    assert {str(t.predicate) for t in turtle} == {"<https://w3id.org/kg-news/ontology/kg#mediator>"}
    out = tmp_path / "m.nt"
    assert invoke("query", rq, TRIG, "-o", out).exit_code == 0
    ntriples = ox.Store()
    ntriples.load(path=str(out), format=ox.RdfFormat.N_TRIPLES)
    assert {str(q) for q in ntriples} == {str(q) for q in turtle}
    jsonld = invoke("query", rq, TRIG, "--format", "jsonld")
    assert json.loads(jsonld.stdout)["@context"]["mediator"] == {"@id": "kg:mediator", "@type": "@id"}


def test_cli_query_reads_globs_and_writes_rows_to_a_file(tmp_path: Path):
    for name in ("a.trig", "b.trig"):
        (tmp_path / name).write_bytes(TRIG.read_bytes())
    out = tmp_path / "rows.json"
    result = invoke("query", "mediations", str(tmp_path / "*.trig"), "--format", "json", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text())["head"]["vars"][0] == "mediation"
    missing = invoke("query", "mediations", str(tmp_path / "*.nq"))
    assert missing.exit_code == 2 and "no file matches" in missing.stderr


def test_cli_stats_format_json_and_the_old_json_flag(tmp_path: Path):
    store = tmp_path / "store"
    assert invoke("load", TRIG, "--store", store).exit_code == 0
    new = invoke("stats", "--store", store, "--format", "json")
    old = invoke("stats", "--store", store, "--json")
    assert new.exit_code == old.exit_code == 0
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert json.loads(new.stdout)["documents"] >= 1
    out = tmp_path / "stats.json"
    assert invoke("stats", "--store", store, "--format", "json", "-o", out).exit_code == 0
    assert json.loads(out.read_text()) == json.loads(new.stdout)


def test_cli_validate_takes_several_files(tmp_path: Path):
    result = invoke("validate", TRIG, TRIG)
    assert result.exit_code == 1
    assert result.stderr.count("violation(s) of kg's shapes") == 2
    out = tmp_path / "report.txt"
    assert invoke("validate", TRIG, "-o", out).exit_code == 1
    assert out.read_text().startswith("Validation Report")


def test_cli_merge_writes_compact_jsonld(tmp_path: Path):
    out = tmp_path / "merged.jsonld"
    assert invoke("merge", TRIG, "-o", out).exit_code == 0
    assert json.loads(out.read_text())["@context"]["kg"] == "https://w3id.org/kg-news/ontology/kg#"


def test_io_folders_name_skipped_sub_folders_or_read_them_recursively(tmp_path: Path, caplog):
    from kg.io import read_articles

    (tmp_path / "top.txt").write_text("Ana Lind met Bo Kask in Tartu.")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "deep.txt").write_text("Cai Moor spoke to Dan Rook.")
    with caplog.at_level(logging.WARNING):
        flat = [a.text for a in read_articles(str(tmp_path))]
    assert flat == ["Ana Lind met Bo Kask in Tartu."]
    assert "skipped 1 sub-folder(s) (more); --recursive reads them" in caplog.text
    deep = [a.text for a in read_articles([str(tmp_path)], recursive=True)]
    assert sorted(deep) == ["Ana Lind met Bo Kask in Tartu.", "Cai Moor spoke to Dan Rook."]


@pytest.mark.model
def test_cli_extract_takes_several_inputs_and_globs(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Ghanaian President Kwame Mensah met Togolese President Koffi Adjovi in Accra.")
    (tmp_path / "b.txt").write_text("Peruvian President Rosa Quispe met Chilean President Tomas Vidal in Lima.")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(json.dumps({"id": "c", "text": "Oman mediated talks between Iran and Qatar in Muscat."}) + "\n")
    out = tmp_path / "out.nq"
    result = invoke("extract", str(tmp_path / "*.txt"), jsonl, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "3 document(s)" in result.stderr


def test_cli_rdf_folders_name_skipped_sub_folders_or_read_them_recursively(tmp_path: Path):
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "a.trig").write_bytes(TRIG.read_bytes())
    (data / "sub" / "b.trig").write_bytes(TRIG.read_bytes().replace(b"bern-note", b"bern-other"))
    flat = invoke("load", data, "--store", tmp_path / "s1")
    assert flat.exit_code == 0, flat.stderr
    assert "skipped 1 sub-folder(s) (sub); --recursive reads them" in flat.stderr
    assert "1 file(s)" in flat.stderr
    deep = invoke("load", data, "-r", "--store", tmp_path / "s2")
    assert deep.exit_code == 0 and "2 file(s)" in deep.stderr and "skipped" not in deep.stderr
    assert invoke("validate", data, "-r").stderr.count("violation(s)") == 2
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    missing = invoke("merge", nothing, "-o", tmp_path / "m.trig")
    assert missing.exit_code == 2 and "no RDF files" in missing.stderr
