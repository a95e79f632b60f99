"""A read command never writes, binds only well-typed values, and asks no other server (issue 12).

``kg query`` parses every query before running or sending it: an update (INSERT, DELETE,
DROP, ...) is refused with one line, locally and against a real Oxigraph server (Virtuoso:
test_virtuoso_faults.py), and the store is unchanged.  Typed parameters are checked; a
local SERVICE call needs ``--allow-service``.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from tests.reliability.common import EX, count_quads, kg, kg_here, one_line, oxigraph_server

pytestmark = pytest.mark.issue(12)

UPDATES = {
    "insert": f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> <{EX}o> }} }}",
    "drop": "DROP SILENT GRAPH <https://w3id.org/kg-news/id/doc/wire-0007-b-b7a93db6>",
    "clear": "CLEAR ALL",
    "delete-where": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "two-in-one": f"SELECT * WHERE {{ ?s ?p ?o }} ;\nINSERT DATA {{ <{EX}a> <{EX}p> <{EX}o> }}",
}

# A query followed by an update is neither a query nor an update: a syntax error, refused too.
_REFUSAL = {name: "syntax error" if name == "two-in-one" else "updates are refused" for name in UPDATES}


@pytest.fixture(scope="module")
def data(golden_records, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "docs.trig"
    write_graphs([records_to_graph(golden_records[n], Settings()) for n in sorted(golden_records)], path)
    return path


@pytest.fixture(scope="module")
def update_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rq")
    files = {}
    for name, text in UPDATES.items():
        files[name] = folder / f"{name}.rq"
        files[name].write_text(f"# Question: not a question\n{text}\n")
    return files


@pytest.fixture(scope="module")
def server(data, tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as base:
        loaded = kg("load", data, "--endpoint", f"{base}/query", "--update-endpoint", f"{base}/update")
        assert loaded.returncode == 0, loaded.stderr
        yield base


@pytest.mark.server
@pytest.mark.parametrize("name", sorted(UPDATES))
def test_update_in_a_query_file_is_refused_by_a_server(server, update_files, name):
    before = count_quads(f"{server}/query")
    assert before > 0
    line = one_line(kg("query", update_files[name], "--endpoint", f"{server}/query"))
    assert _REFUSAL[name] in line, line
    assert count_quads(f"{server}/query") == before


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_update_in_a_query_file_is_refused_on_a_store(data, update_files, tmp_path, name, monkeypatch, capsys):
    store = tmp_path / "S"
    assert kg_here(monkeypatch, capsys, "load", data, "--store", store).returncode == 0
    before = kg_here(monkeypatch, capsys, "stats", "--store", store, "--json").stdout
    line = one_line(kg_here(monkeypatch, capsys, "query", update_files[name], "--store", store))
    assert _REFUSAL[name] in line, line
    assert kg_here(monkeypatch, capsys, "stats", "--store", store, "--json").stdout == before


def test_a_plain_update_says_updates_are_refused(data, update_files, monkeypatch, capsys):
    assert "updates are refused" in one_line(kg_here(monkeypatch, capsys, "query", update_files["insert"], data))


@pytest.mark.parametrize("value", ["1e40", "1e999", "-0.5", "2", "nan", "Infinity", "0.5x",
                                   "0.0000000000000000000001"])
def test_out_of_range_confidence_is_refused(data, value, monkeypatch, capsys):
    line = one_line(kg_here(monkeypatch, capsys, "query", "mediations", data, "--param", f"minConfidence={value}"))
    assert line.startswith("kg: parameter minConfidence:"), line


def test_a_confidence_in_range_filters(data, monkeypatch, capsys):
    every = kg_here(monkeypatch, capsys, "query", "mediations", data, "--format", "csv")
    none = kg_here(monkeypatch, capsys, "query", "mediations", data, "--format", "csv", "--param", "minConfidence=1")
    assert every.returncode == none.returncode == 0
    assert len(every.stdout.splitlines()) > len(none.stdout.splitlines())


def test_min_confidence_and_the_same_param_are_refused_together(data, monkeypatch, capsys):
    result = kg_here(monkeypatch, capsys, "query", "mediations", data, "--min-confidence", "0.5",
                     "--param", "minConfidence=0.9")
    assert result.returncode == 2
    assert "not both" in result.stderr


@pytest.mark.parametrize(("header", "value", "expected"), [
    ("since (date)", "2024-02-30", "a date"),
    ("since (date)", "yesterday", "a date"),
    ("fact (iri)", "no scheme", "an IRI"),
    ("fact (iri)", "http://a b", "an IRI"),
    ("n (integer)", "1.5", "an integer"),
    ("n (integer)", "99999999999999999999", "an integer"),
    ("n (integer from 1 to 10)", "11", "between 1 and 10"),
    ("who (string)", "\udcff", "Unicode text"),  # a byte that is not UTF-8 in argv
])
def test_typed_parameters_are_checked(data, tmp_path, header, value, expected, monkeypatch, capsys):
    name = header.split()[0]
    query = tmp_path / "q.rq"
    query.write_text(f"# Parameters: {header}\nSELECT ?{name} WHERE {{ }}\n")
    line = one_line(kg_here(monkeypatch, capsys, "query", query, data, "--param", f"{name}={value}"))
    assert expected in line, line


class _Counter(BaseHTTPRequestHandler):
    requests = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).requests += 1
        self.send_error(400)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


def test_local_service_makes_no_request_unless_allowed(data, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        query = tmp_path / "service.rq"
        query.write_text(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{server.server_port}/sparql> "
                         "{ ?s ?p ?o } }\n")
        line = one_line(kg("query", query, data))
        assert "--allow-service" in line
        assert _Counter.requests == 0
        kg("query", query, data, "--allow-service")  # the server answers 400: kg fails, but asked
        assert _Counter.requests >= 1
    finally:
        server.shutdown()
        server.server_close()
