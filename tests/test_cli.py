"""The ``kg`` command as a user runs it: small inputs under tmp_path, outputs read back.

Happy paths go through typer's CliRunner; error paths go through ``kg.cli.main`` (which
turns kg's errors into one stderr line) with ``sys.argv`` patched, in this process, so the
spaCy model is loaded once for the whole file (``kg.api`` caches it).  One test runs the
installed ``kg`` script in a subprocess to check the real entry point.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import kg.nlp.extraction
from kg.cli import app, main

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
CORPUS = FIXTURES / "corpus.jsonl"
CORPUS_IDS = ("oslo-talks", "arica-talks", "accra-meeting")
BROKEN_TRIG = FIXTURES / "broken-mediation.trig"
GOLD = FIXTURES / "gold.jsonl"

DCTERMS_IDENTIFIER = "http://purl.org/dc/terms/identifier"
KG = "https://w3id.org/kg-news/ontology/kg#"
DOCUMENT = KG + "Document"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

OSLO_TEXT = (
    "Norwegian Foreign Minister Ingrid Halvorsen mediated talks between Colombia and Venezuela "
    "in Oslo on Monday.\n\nThe two delegations agreed to meet again next month, Halvorsen told reporters."
)
ACCRA_TEXT = "Ghanaian President Kwame Mensah met Togolese President Koffi Adjovi in Accra on Wednesday."

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

runner = CliRunner()


# -- helpers -----------------------------------------------------------------------------


def invoke(*args: object, input: str | bytes | None = None):  # noqa: ANN201 - click Result
    """Run ``kg ARGS`` through CliRunner; kg's own errors propagate (they are test failures)."""
    return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: object) -> Run:
    """Run ``kg ARGS`` through ``kg.cli.main``, the console script's entry point, in-process."""
    monkeypatch.setattr(sys, "argv", ["kg", *[str(a) for a in args]])
    with pytest.raises(SystemExit) as exit_info:
        main()
    captured = capsys.readouterr()
    code = exit_info.value.code
    return Run(code if isinstance(code, int) else 1, captured.out, captured.err)


def assert_one_line_error(err: str, source: str | Path, line: int | None = None) -> str:
    """stderr is exactly one line, ``SOURCE[, line N]: reason``, and no traceback."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one stderr line, got:\n{err}"
    where = re.escape(str(source)) + (rf", line {line}" if line is not None else "")
    assert re.fullmatch(rf"{where}: \S.*", lines[0]), lines[0]
    return lines[0]


def assert_no_output(path: Path) -> None:
    """Neither the output file nor a temporary file beside it is left behind."""
    assert not path.exists(), f"{path} was left behind"
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(f".{path.name}.")]
    assert not leftovers, f"temporary files left behind: {leftovers}"


def load(path: Path, fmt: ox.RdfFormat | None = None) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=fmt or RDF_FORMATS[path.suffix])
    return store


def named_graphs(store: ox.Store) -> set[str]:
    return {g.value for g in store.named_graphs()}


def document_ids(store: ox.Store) -> dict[str, str]:
    """Document identifier -> the name of the graph holding its Document node ("" for default)."""
    query = f"""
        SELECT ?id ?g WHERE {{
          {{ GRAPH ?g {{ ?doc a <{DOCUMENT}> ; <{DCTERMS_IDENTIFIER}> ?id }} }}
          UNION {{ ?doc a <{DOCUMENT}> ; <{DCTERMS_IDENTIFIER}> ?id }}
        }}"""
    found: dict[str, str] = {}
    for row in store.query(query):
        graph = row["g"]
        found.setdefault(row["id"].value, graph.value if graph is not None else "")
        if graph is not None:
            found[row["id"].value] = graph.value
    return found


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def record(doc_id: str, text: str, **extra: str) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra})


# -- shared outputs ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus_trig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three-document fixture corpus extracted once to TriG."""
    out = tmp_path_factory.mktemp("corpus") / "corpus.trig"
    result = invoke("extract", CORPUS, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out


# -- extract -----------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("suffix", list(RDF_FORMATS))
def test_cli_extract_format_follows_extension(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "oslo.txt"
    source.write_text(OSLO_TEXT, encoding="utf-8")
    out = tmp_path / f"oslo{suffix}"

    result = invoke("extract", source, "-o", out, "--published", "2025-03-10")

    assert result.exit_code == 0, result.stderr
    assert "1 document(s)" in result.stderr
    store = load(out)
    assert len(store) > 20
    graphs = named_graphs(store)
    if RDF_FORMATS[suffix].supports_datasets:
        # One named graph even for a single document, and nothing in the default graph.
        assert len(graphs) == 1
        assert document_ids(store) == {"oslo.txt": graphs.pop()}
        assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    else:
        assert not graphs
        assert document_ids(store) == {"oslo.txt": ""}


@pytest.mark.model
@pytest.mark.parametrize(("name", "fmt", "ox_format"), [
    ("out.data", "nquads", ox.RdfFormat.N_QUADS),
    ("out.txt", "turtle", ox.RdfFormat.TURTLE),
    ("out.ttl", "trig", ox.RdfFormat.TRIG),  # --format wins over the extension
    ("out.rdf", "jsonld", ox.RdfFormat.JSON_LD),
])
def test_cli_extract_format_option(tmp_path: Path, name: str, fmt: str, ox_format: ox.RdfFormat) -> None:
    source = tmp_path / "accra.txt"
    source.write_text(ACCRA_TEXT, encoding="utf-8")
    out = tmp_path / name

    result = invoke("extract", source, "-o", out, "--format", fmt)

    assert result.exit_code == 0, result.stderr
    assert "accra.txt" in document_ids(load(out, ox_format))


@pytest.mark.model
def test_cli_extract_jsonl_one_named_graph_per_document(corpus_trig: Path) -> None:
    store = load(corpus_trig)
    graphs = named_graphs(store)
    ids = document_ids(store)
    assert set(ids) == set(CORPUS_IDS)
    assert len(graphs) == len(CORPUS_IDS)
    assert set(ids.values()) == graphs  # each Document node sits in its own graph
    # The record's metadata is kept on its Document.
    rows = list(store.query("""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX schema: <https://schema.org/>
        SELECT ?title ?issued ?url WHERE {
          ?doc dcterms:identifier "oslo-talks" ; dcterms:title ?title ; dcterms:issued ?issued ;
               schema:url ?url }""", use_default_graph_as_union=True))
    assert len(rows) == 1
    assert rows[0]["title"].value == "Norway mediates between Colombia and Venezuela"
    assert rows[0]["issued"].value == "2025-03-10"
    assert rows[0]["url"].value == "https://news.example/oslo-talks"


@pytest.mark.model
def test_cli_extract_single_jsonl_record_still_gets_a_named_graph(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "one.jsonl", [record("only-one", ACCRA_TEXT, published="2025-05-21")])
    out = tmp_path / "one.nq"

    assert invoke("extract", source, "-o", out).exit_code == 0

    store = load(out)
    graphs = named_graphs(store)
    assert len(graphs) == 1
    assert document_ids(store) == {"only-one": graphs.pop()}


@pytest.mark.model
def test_cli_extract_folder_of_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "accra.txt").write_text(ACCRA_TEXT, encoding="utf-8")
    (folder / "oslo.txt").write_text(OSLO_TEXT, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    out = tmp_path / "out.nq"

    result = invoke("extract", folder, "-o", out)

    assert result.exit_code == 0, result.stderr
    store = load(out)
    assert set(document_ids(store)) == {"accra.txt", "oslo.txt"}
    assert len(named_graphs(store)) == 2


@pytest.mark.model
def test_cli_extract_reads_stdin_text_and_writes_stdout(tmp_path: Path) -> None:
    out = tmp_path / "stdin.ttl"
    result = invoke("extract", "-", "-o", out, input=ACCRA_TEXT)
    assert result.exit_code == 0, result.stderr
    assert document_ids(load(out)) == {"stdin": ""}

    # '-' as output: N-Quads on standard output, the summary on stderr.
    result = invoke("extract", "-", "-o", "-", "--format", "nquads", input=ACCRA_TEXT)
    assert result.exit_code == 0, result.stderr
    store = ox.Store()
    store.load(result.stdout_bytes, format=ox.RdfFormat.N_QUADS)
    assert set(document_ids(store)) == {"stdin"}
    assert "document(s)" not in result.stdout


@pytest.mark.model
def test_cli_extract_reads_stdin_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "stdin.trig"
    result = invoke("extract", "-", "-o", out, input=CORPUS.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert set(document_ids(load(out))) == set(CORPUS_IDS)


@pytest.mark.model
def test_cli_extract_two_workers_gives_the_same_output(tmp_path: Path) -> None:
    one, two = tmp_path / "one.nq", tmp_path / "two.nq"
    assert invoke("extract", CORPUS, "-o", one, "--workers", "1", "--batch-size", "2", "--no-timestamps").exit_code == 0
    result = invoke("extract", CORPUS, "-o", two, "--workers", "2", "--batch-size", "2", "--no-timestamps")
    assert result.exit_code == 0, result.stderr
    assert f"{len(CORPUS_IDS)} document(s)" in result.stderr
    # Deterministic IRIs and sorted output: the same bytes whatever the process count.
    assert two.read_bytes() == one.read_bytes()


@pytest.mark.model
def test_cli_extract_records_when_each_document_was_extracted_unless_told_not_to(tmp_path: Path) -> None:
    timed, untimed = tmp_path / "timed.nq", tmp_path / "untimed.nq"
    assert invoke("extract", CORPUS, "-o", timed).exit_code == 0
    assert invoke("extract", CORPUS, "-o", untimed, "--no-timestamps").exit_code == 0
    started = [line for line in timed.read_text(encoding="utf-8").splitlines() if "prov#startedAtTime>" in line]
    ended = [line for line in timed.read_text(encoding="utf-8").splitlines() if "prov#endedAtTime>" in line]
    assert len(started) == len(ended) == len(CORPUS_IDS)
    assert all("XMLSchema#dateTime>" in line for line in started + ended)
    assert "prov#startedAtTime>" not in untimed.read_text(encoding="utf-8")


@pytest.mark.model
def test_cli_extract_to_store_then_query_it(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    result = invoke("extract", CORPUS, "--store", store_dir)
    assert result.exit_code == 0, result.stderr
    assert f"store {store_dir}" in result.stderr

    result = invoke("query", "mediations", "--store", store_dir, "--format", "csv")

    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    halvorsen = [r for r in rows if r["mediatorLabel"] == "Ingrid Halvorsen"]
    assert {r["partyLabel"] for r in halvorsen} == {"Colombia", "Venezuela"}
    assert {r["documentId"] for r in halvorsen} == {"oslo-talks"}

    # Extracting again replaces each document's graph: the rows do not double.
    assert invoke("extract", CORPUS, "--store", store_dir).exit_code == 0
    again = csv_rows(invoke("query", "mediations", "--store", store_dir, "--format", "csv").stdout)
    assert len(again) == len(rows)


@pytest.mark.model
def test_cli_load_stats_and_drop(corpus_trig: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"

    def documents() -> int:
        result = invoke("stats", "--store", store_dir, "--json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)["documents"]

    result = invoke("load", corpus_trig, "--store", store_dir)
    assert result.exit_code == 0, result.stderr
    assert "3 graph(s) loaded" in result.stderr
    assert documents() == 3
    assert invoke("load", corpus_trig, "--store", store_dir).exit_code == 0  # replaces, no doubles
    assert documents() == 3

    result = invoke("drop", "oslo-talks", "no-such-doc", "--store", store_dir)
    assert result.exit_code == 0, result.stderr
    assert "1 graph(s) dropped; not in the store: no-such-doc" in result.stderr
    assert documents() == 2
    result = invoke("drop", "oslo-talks", "--store", store_dir)
    assert result.exit_code == 0 and "0 graph(s) dropped; not in the store: oslo-talks" in result.stderr

    result = invoke("upgrade", "--store", store_dir)  # kg's own graphs have their shortcuts
    assert result.exit_code == 0 and "0 graph(s) given shortcut triples, store compacted" in result.stderr
    assert documents() == 2
    result = invoke("load", corpus_trig, "--store", store_dir, "--compact")
    assert result.exit_code == 0 and "3 graph(s) loaded, store compacted" in result.stderr
    assert documents() == 3


def test_cli_load_compact_is_for_the_embedded_store(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str], corpus_trig: Path) -> None:
    run = run_main(monkeypatch, capsys, "load", corpus_trig, "--endpoint", "http://127.0.0.1:9/query", "--compact")
    assert run.code == 1 and run.err.strip() == "--compact compacts the embedded store; a server keeps its own files"


@pytest.mark.model
def test_cli_failed_load_is_one_line_and_leaves_the_store_as_it_was(corpus_trig: Path, tmp_path: Path) -> None:
    """The installed script, end to end: a syntax error on line 3 of a Turtle file."""
    kg_script = Path(sys.executable).with_name("kg")
    if not kg_script.exists():
        pytest.skip("the kg script is not installed beside this Python")
    store_dir = tmp_path / "store"
    assert invoke("load", corpus_trig, "--store", store_dir).exit_code == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "never closed .\n')
    done = subprocess.run([str(kg_script), "load", str(bad), "--store", str(store_dir)], capture_output=True,
                          timeout=120, env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode != 0
    assert_one_line_error(done.stderr.decode(), bad, 3)
    result = invoke("stats", "--store", store_dir, "--json")
    assert json.loads(result.stdout)["documents"] == 3


# -- query -------------------------------------------------------------------------------


def test_cli_query_list_shows_each_shipped_question_on_one_line() -> None:
    result = invoke("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    names = [line.split()[0] for line in lines]
    assert {"mediations", "roles", "meetings", "who-met-whom", "events-by-country", "statements"} <= set(names)
    assert len(names) == len(set(names))
    assert all(line.rstrip().endswith("?") for line in lines)


ROLES_COLUMNS = ["person", "personLabel", "roleLabel", "qualifier", "ofLabel", "documentId"]


@pytest.mark.model
def test_cli_query_roles_csv(corpus_trig: Path) -> None:
    result = invoke("query", "roles", corpus_trig, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split(",") == ROLES_COLUMNS
    rows = csv_rows(result.stdout)
    halvorsen = next(r for r in rows if r["personLabel"] == "Ingrid Halvorsen")
    expected = {"roleLabel": "Foreign Minister", "qualifier": "current", "ofLabel": "Norway",
                "documentId": "oslo-talks"}
    assert expected.items() <= halvorsen.items()
    assert {r["documentId"] for r in rows} == set(CORPUS_IDS)


@pytest.mark.model
def test_cli_query_roles_tsv(corpus_trig: Path) -> None:
    result = invoke("query", "roles", corpus_trig, "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    header, *lines = result.stdout.rstrip("\n").split("\n")
    assert header.split("\t") == ROLES_COLUMNS
    cells = [line.split("\t") for line in lines]
    assert all(len(row) == len(ROLES_COLUMNS) for row in cells)
    assert ["Kwame Mensah", "President", "current", "Ghana", "accra-meeting"] in [row[1:] for row in cells]


@pytest.mark.model
def test_cli_query_roles_json_is_sparql_results_json(corpus_trig: Path) -> None:
    result = invoke("query", "roles", corpus_trig, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == ROLES_COLUMNS
    bindings = document["results"]["bindings"]
    assert bindings
    for binding in bindings:
        assert set(binding) <= set(ROLES_COLUMNS)
        assert binding["person"]["type"] == "uri"
        assert all(cell["type"] in {"uri", "literal", "bnode"} and "value" in cell for cell in binding.values())
    labels = {b["personLabel"]["value"] for b in bindings}
    assert {"Ingrid Halvorsen", "Rosa Quispe", "Tomas Vergara", "Kwame Mensah", "Koffi Adjovi"} <= labels


@pytest.mark.model
def test_cli_query_param_is_bound_not_pasted(corpus_trig: Path, tmp_path: Path) -> None:
    found = csv_rows(invoke("query", "meetings-of", corpus_trig, "--param", "person=kwame mensah",
                            "--format", "csv").stdout)
    assert found and {r["participantLabel"] for r in found} == {"Kwame Mensah"}

    hostile = 'Kwame Mensah" ) } } UNION { ?person ?p ?o } # {'
    result = invoke("query", "meetings-of", corpus_trig, "--param", f"person={hostile}", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert csv_rows(result.stdout) == []

    # A query file of the user's own, with a declared string parameter.
    rq = tmp_path / "doc.rq"
    rq.write_text(
        "# Question: Which document has this id?\n# Columns: documentId\n"
        "# Parameters: wanted (string: a document id)\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?documentId ?wanted WHERE { ?doc dcterms:identifier ?documentId . "
        "FILTER(?documentId = ?wanted) }\n", encoding="utf-8")
    good = csv_rows(invoke("query", rq, corpus_trig, "--param", "wanted=oslo-talks", "--format", "csv").stdout)
    assert good == [{"documentId": "oslo-talks"}]
    for value in ['oslo-talks" || true || "', "x' } { ?a ?b ?c", "{{}}"]:
        result = invoke("query", rq, corpus_trig, "--param", f"wanted={value}", "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert csv_rows(result.stdout) == []


@pytest.mark.model
def test_cli_query_min_confidence_drops_inferred_mediations(corpus_trig: Path) -> None:
    every = csv_rows(invoke("query", "mediations", corpus_trig, "--format", "csv").stdout)
    inferred = [r for r in every if r["stated"] == "false"]
    assert inferred, "the fixture's Arica talks should give an inferred host mediation"
    assert all(0.5 <= float(r["confidence"]) <= 0.6 for r in inferred)
    assert {r["mediatorLabel"] for r in inferred} == {"Chile"}

    result = invoke("query", "mediations", corpus_trig, "--format", "csv", "--min-confidence", "0.7")

    assert result.exit_code == 0, result.stderr
    sure = csv_rows(result.stdout)
    assert sure and all(float(r["confidence"]) >= 0.7 for r in sure)
    assert {r["mediation"] for r in inferred}.isdisjoint({r["mediation"] for r in sure})
    assert {r["mediatorLabel"] for r in sure} == {"Ingrid Halvorsen"}


@pytest.mark.model
def test_cli_query_errors_are_one_line(
    corpus_trig: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_main(monkeypatch, capsys, "query", "no-such-question", corpus_trig)
    assert run.code != 0
    assert len(run.err.strip().splitlines()) == 1 and "unknown query" in run.err

    run = run_main(monkeypatch, capsys, "query", "roles", corpus_trig, "--min-confidence", "0.5")
    assert run.code != 0
    assert len(run.err.strip().splitlines()) == 1 and "confidence" in run.err

    run = run_main(monkeypatch, capsys, "query", "roles", corpus_trig, "--param", "nope=1")
    assert run.code != 0
    assert len(run.err.strip().splitlines()) == 1 and "nope" in run.err

    missing = corpus_trig.parent / "missing.trig"
    run = run_main(monkeypatch, capsys, "query", "roles", missing)
    assert run.code != 0
    assert_one_line_error(run.err, missing)


# -- validate, ontology, eval ------------------------------------------------------------


@pytest.mark.model
def test_cli_validate_accepts_kg_output(corpus_trig: Path) -> None:
    result = runner.invoke(app, ["validate", str(corpus_trig)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "conforms" in result.stdout


def test_cli_validate_reports_a_broken_mediation() -> None:
    result = runner.invoke(app, ["validate", str(BROKEN_TRIG)])
    assert result.exit_code != 0
    assert "mediation-0" in result.stdout  # the offending node is named...
    assert "kg:partiesUnnamed" in result.stdout  # ...with the shape's own message
    assert result.stderr.strip() == f"{BROKEN_TRIG}: 1 violation(s) of kg's shapes"


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java, which is not installed")
def test_cli_ontology_check_is_consistent() -> None:
    result = invoke("ontology", "check")
    assert result.exit_code == 0, result.stdout
    assert "consistent" in result.stdout.lower()


@pytest.mark.model
def test_cli_eval_prints_the_figures() -> None:
    result = invoke("eval", GOLD)
    assert result.exit_code == 0, result.stderr
    for figure in ("mediator (stated)", "person (named)", "role (stated title)", "meeting participant",
                   "false alarms", "precision", "recall", "F1"):
        assert figure in result.stdout

    figures = json.loads(invoke("eval", GOLD, "--json").stdout)
    assert figures["documents"] == 2
    assert figures["false_alarms"]["passages"] == 1
    assert figures["scores"]["mediator"]["tp"] == 1  # Keller, stated in the Geneva passage


# -- bad input ---------------------------------------------------------------------------

TOO_LONG = "talks " * 170_000  # 1,020,000 characters: over spaCy's and kg's limit


def _missing(tmp: Path) -> tuple[Path, int | None]:
    return tmp / "nowhere.txt", None


def _binary(tmp: Path) -> tuple[Path, int | None]:
    path = tmp / "image.txt"
    path.write_bytes(b"\x89PNG\r\x1a\x00\x00\x00\rIHDR\x00\x01")
    return path, 1


def _latin1(tmp: Path) -> tuple[Path, int | None]:
    path = tmp / "latin1.txt"
    path.write_bytes("First line.\nThe minister met her Peruvian counterpart in Bogot\u00e1.\n".encode("latin-1"))
    return path, 2


def _empty(tmp: Path) -> tuple[Path, int | None]:
    path = tmp / "empty.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    return path, None


def _malformed_jsonl(tmp: Path) -> tuple[Path, int | None]:
    return write_jsonl(tmp / "bad.jsonl", [record("a", ACCRA_TEXT), '{"id": "b", "text": "unfinished']), 2


def _no_text(tmp: Path) -> tuple[Path, int | None]:
    return write_jsonl(tmp / "notext.jsonl", [record("a", ACCRA_TEXT), '{"id": "b", "title": "no body"}']), 2


def _jsonl_too_long(tmp: Path) -> tuple[Path, int | None]:
    return write_jsonl(tmp / "long.jsonl", [record("a", ACCRA_TEXT), record("b", TOO_LONG)]), 2


def _text_too_long(tmp: Path) -> tuple[Path, int | None]:
    path = tmp / "long.txt"
    path.write_text(TOO_LONG, encoding="utf-8")
    return path, None


def _jsonl_empty_text(tmp: Path) -> tuple[Path, int | None]:
    return write_jsonl(tmp / "blank.jsonl", [record("a", "   ")]), 1


def _jsonl_latin1(tmp: Path) -> tuple[Path, int | None]:
    path = tmp / "latin1.jsonl"
    latin1 = json.dumps({"id": "b", "text": "Bogot\u00e1"}, ensure_ascii=False).encode("latin-1")
    path.write_bytes(record("a", ACCRA_TEXT).encode() + b"\n" + latin1 + b"\n")
    return path, 2


BAD_INPUTS = {
    "missing file": _missing,
    "binary file": _binary,
    "non-UTF-8 text": _latin1,
    "empty text": _empty,
    "malformed JSONL line": _malformed_jsonl,
    "record without text": _no_text,
    "JSONL text over the limit": _jsonl_too_long,
    "text file over the limit": _text_too_long,
    "JSONL record with empty text": _jsonl_empty_text,
    "non-UTF-8 JSONL line": _jsonl_latin1,
}


@pytest.mark.model
@pytest.mark.parametrize("make_input", list(BAD_INPUTS.values()), ids=list(BAD_INPUTS))
def test_cli_extract_bad_input_is_one_line_and_leaves_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], make_input
) -> None:
    source, line = make_input(tmp_path)
    out = tmp_path / "out" / "result.trig"
    out.parent.mkdir()

    run = run_main(monkeypatch, capsys, "extract", source, "-o", out)

    assert run.code != 0
    assert_one_line_error(run.err, source, line)
    assert_no_output(out)


@pytest.mark.model
def test_cli_extract_unknown_output_format_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "accra.txt"
    source.write_text(ACCRA_TEXT, encoding="utf-8")
    out = tmp_path / "out.rdf"
    run = run_main(monkeypatch, capsys, "extract", source, "-o", out)
    assert run.code != 0
    assert "Traceback" not in run.err and len(run.err.strip().splitlines()) == 1
    assert "out.rdf" in run.err
    assert_no_output(out)


@pytest.mark.model
def test_cli_extract_on_error_skip_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "mixed.jsonl", [
        record("good-1", ACCRA_TEXT),
        '{"id": "broken", "text": ',
        '{"id": "no-text"}',
        record("good-2", OSLO_TEXT),
        record("huge", TOO_LONG),
        record("good-1", OSLO_TEXT),  # a duplicate id
    ])
    out = tmp_path / "mixed.trig"

    run = run_main(monkeypatch, capsys, "extract", source, "-o", out, "--on-error", "skip")

    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    *skipped, summary = run.err.strip().splitlines()
    assert [int(re.match(rf"{re.escape(str(source))}, line (\d+): \S", s).group(1)) for s in skipped] == [2, 3, 5, 6]
    assert "2 document(s)" in summary and "4 record(s) skipped" in summary
    assert set(document_ids(load(out))) == {"good-1", "good-2"}


@pytest.mark.model
def test_cli_extract_on_error_skip_fails_when_nothing_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "allbad.jsonl", ['{"id": "x"}', "not json"])
    out = tmp_path / "allbad.trig"
    run = run_main(monkeypatch, capsys, "extract", source, "-o", out, "--on-error", "skip")
    assert run.code != 0
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert lines[0].startswith(f"{source}, line 1: ") and lines[1].startswith(f"{source}, line 2: ")
    assert_no_output(out)


@pytest.mark.model
def test_cli_extract_skips_a_bad_file_in_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ACCRA_TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe binary \x00")
    out = tmp_path / "folder.nq"

    run = run_main(monkeypatch, capsys, "extract", folder, "-o", out)
    assert run.code != 0
    assert_one_line_error(run.err, folder / "b.txt", 1)
    assert_no_output(out)

    run = run_main(monkeypatch, capsys, "extract", folder, "-o", out, "--on-error", "skip")
    assert run.code == 0, run.err
    assert run.err.splitlines()[0].startswith(f"{folder / 'b.txt'}, line 1: ")
    assert set(document_ids(load(out))) == {"a.txt"}


def _failing_on(doc_id: str, error: BaseException) -> Callable[..., object]:
    real = kg.nlp.extraction.extract_records

    def extract_records(doc, article, **kwargs):  # noqa: ANN001, ANN202 - spaCy Doc, Article
        if article.id == doc_id:
            raise error
        return real(doc, article, **kwargs)

    return extract_records


@pytest.mark.model
@pytest.mark.parametrize("error", [KeyboardInterrupt(), RuntimeError("a bug inside extraction")],
                         ids=["interrupt", "crash"])
def test_cli_extract_interrupted_leaves_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], error: BaseException
) -> None:
    """A run stopped after some documents were written leaves neither output nor temp file."""
    monkeypatch.setattr(kg.nlp.extraction, "extract_records", _failing_on("accra-meeting", error))
    out = tmp_path / "partial.nq"
    monkeypatch.setattr(sys, "argv", ["kg", "extract", str(CORPUS), "-o", str(out), "--batch-size", "1"])

    if isinstance(error, KeyboardInterrupt):
        with pytest.raises(SystemExit) as exit_info:
            main()
        assert exit_info.value.code == 130
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) <= 1
    else:
        with pytest.raises(RuntimeError):
            main()
    assert_no_output(out)


@pytest.mark.model
def test_cli_entry_point_reports_bad_stdin_in_one_line(tmp_path: Path) -> None:
    """The installed script, end to end: non-UTF-8 on stdin."""
    kg_script = Path(sys.executable).with_name("kg")
    if not kg_script.exists():
        pytest.skip("the kg script is not installed beside this Python")
    out = tmp_path / "stdin.ttl"
    done = subprocess.run([str(kg_script), "extract", "-", "-o", str(out)], input=b"Minist\xe8re des Affaires",
                          capture_output=True, timeout=120, env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode != 0
    assert_one_line_error(done.stderr.decode(), "<stdin>", 1)
    assert_no_output(out)


# Counts glibc's malloc arenas (heaps in malloc_info's XML) after six threads each allocate through
# malloc itself, all alive at once (a barrier: a thread that exits gives its arena to the next thread
# made, so on a busy machine threads run one after another would share one); with argv[1] "kg", after
# kg's entry point has run (`kg --help`).
ARENAS_SCRIPT = r"""
import ctypes, os, re, sys, tempfile, threading
if sys.argv[1] == "kg":
    from kg.cli import main
    sys.argv = ["kg", "--help"]
    try:
        main()
    except SystemExit:
        pass
libc = ctypes.CDLL(None)
libc.fdopen.restype = libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = libc.fclose.argtypes = [ctypes.c_void_p]
together = threading.Barrier(6)
def work():
    kept = [libc.malloc(2000) for _ in range(200)]
    together.wait()
    for block in kept:
        libc.free(block)
threads = [threading.Thread(target=work) for _ in range(6)]
for t in threads: t.start()
for t in threads: t.join()
with tempfile.TemporaryFile() as f:
    fp = libc.fdopen(os.dup(f.fileno()), b"w")
    libc.malloc_info(0, ctypes.c_void_p(fp))
    libc.fclose(fp)
    f.seek(0)
    print("heaps", len(re.findall(rb"<heap nr=", f.read())))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc arenas are glibc's (Linux)")
def test_cli_threads_share_two_malloc_arenas() -> None:
    """kg's threads (a Dask client's event loop and comms) share two malloc arenas: with one each,
    memory freed in one is not reused by another, and a Dask client's peak grew with the corpus."""
    def arenas(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", ARENAS_SCRIPT, mode], capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return int(done.stdout.split()[-1])

    assert arenas("plain") > 2  # glibc's default: one arena per thread, up to eight a core
    assert arenas("kg") <= 2
