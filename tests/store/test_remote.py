"""The remote store against a real Oxigraph server on loopback, and its safe parameter binding.

The server tests start ``oxigraph serve --union-default-graph`` (the ``oxigraph`` package's
binary) in a temporary folder; they are skipped, with the reason, when it is not installed.
The helpers at the top are shared with test_virtuoso.py.
"""

from __future__ import annotations

import base64
import contextlib
import doctest
import json
import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

import kg.store as store_package
from kg.api import open_sources
from kg.errors import InputError, KgError
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import to_quads, write_graphs
from kg.records import (
    Article,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Participant,
    Person,
    Place,
)
from kg.settings import Settings
from kg.store import load as load_module
from kg.store import open_store
from kg.store import remote as remote_module
from kg.store.base import TripleStore
from kg.store.embedded import EmbeddedStore
from kg.store.load import file_graph, load_files
from kg.store.queries import QueryInfo, list_queries, load_query, run_query
from kg.store.remote import (
    BasicAuth,
    BearerToken,
    DigestAuth,
    RemoteStore,
    _chunked_updates,
    bind_values,
    bound_query,
    group_pattern_openings,
)
from kg.store.stats import store_stats

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "https://example.org/"
SETTINGS = Settings()

# -- a fixture document with awkward literals ----------------------------------------------

ODD_TEXT = (
    'Zoë "the Fox" Ångström {aka \\Z} met Tomás Ibarra in Oslo on Friday.\n'
    "They talked about a 'ceasefire'."
)


def _odd_span(phrase: str) -> Evidence:
    begin = ODD_TEXT.index(phrase)
    return Evidence(begin, begin + len(phrase), phrase, ODD_TEXT.split("\n")[0], 0)


ODD = DocumentRecords(
    article=Article(id='odd "doc" {1}', text=ODD_TEXT, published=date(2024, 3, 16),
                    title='Quotes " and braces } in a title'),
    persons=(
        Person("zoe angstrom", "Zoë Ångström", "Zoë Ångström",
               aliases=('"the Fox" {aka \\Z}', "Ångström"), country="SWE",
               mentions=(_odd_span('Zoë "the Fox" Ångström {aka \\Z}'),)),
        Person("tomas ibarra", "Tomás Ibarra", "Tomás Ibarra", country="COL",
               mentions=(_odd_span("Tomás Ibarra"),)),
    ),
    # The shared place IRI of Oslo, labelled differently from the Oslo report.
    places=(Place("oslo", "Oslo (Norway)", "NOR", (_odd_span("Oslo"),)),),
    events=(
        Event("meeting zoe tomas", "meeting",
              (Participant(EntityRef("person", "zoe angstrom")),
               Participant(EntityRef("person", "tomas ibarra"))),
              (_odd_span("met Tomás Ibarra in Oslo on Friday"),), 0.9, status="held",
              location=EntityRef("place", "oslo"), date=date(2024, 3, 15)),
    ),
)

# Values for each parameter name: ones the fixture holds, and hostile ones.
HOSTILE = [
    'x" ) } } UNION { ?person ?p ?name } #',
    "x' } ; DROP ALL ; SELECT * { '",
    "}}}} ?event ?p ?o . FILTER(true) {{{{",
    "\\u0022 ) || true || ( \\u0022",
]
PARAMETER_VALUES: dict[str, list[str | None]] = {
    "person": ["Tomás Ibarra", "ibarra", "ZOË ÅNGSTRÖM", '"the Fox" {aka \\Z}', "ana castillo", *HOSTILE],
    "country": ["NOR", "colombia", "qat", "SE", HOSTILE[0]],
    "minConfidence": [None, "0.6", "0.85", "0.9"],
    "fact": ["https://w3id.org/kg-news/id/event/f9cfa4b0/mediation-oslo",
             " <https://w3id.org/kg-news/id/person/f9cfa4b0/ana-castillo> ",
             "https://w3id.org/kg-news/id/country/NOR"],
}
TYPE_VALUES: dict[str, list[str | None]] = {
    "string": ["Norway", "Ana Castillo", HOSTILE[0]],
    "name": ["Norway", "ana castillo", HOSTILE[0]],
    "decimal": ["0.7"],
    "integer": ["2"],
    "date": ["2024-03-12"],
    "iri": ["https://w3id.org/kg-news/id/country/NOR"],
}


def fixture_graphs(golden_records: dict[str, DocumentRecords]) -> list[Graph]:
    """The golden documents' graphs plus the awkward one, in a fixed order."""
    records = [golden_records[name] for name in sorted(golden_records)] + [ODD]
    return [records_to_graph(r, SETTINGS) for r in records]


def binding_sets(info: QueryInfo) -> list[dict[str, str]]:
    """Parameter values to try a query with: every listed value of each parameter."""
    sets: list[dict[str, str]] = [{}]
    for parameter in info.parameters:
        values = PARAMETER_VALUES.get(parameter.name, TYPE_VALUES[parameter.type])
        if parameter.optional and None not in values:
            values = [None, *values]
        sets = [
            {**chosen, parameter.name: value} if value is not None else dict(chosen)
            for chosen in sets
            for value in values
        ]
    return sets


def query_cases() -> list[tuple[str, dict[str, str]]]:
    return [(info.name, b) for info in list_queries() for b in binding_sets(info)]


def case_id(case: tuple[str, dict[str, str]]) -> str:
    name, bindings = case
    shown = ",".join(f"{k}={v[:12]}" for k, v in bindings.items())
    return f"{name}[{shown}]" if shown else name


def normalise(term: object) -> str | None:
    """A term's value in a form every store agrees on: numbers and booleans canonical,
    dates without a time zone marker, language tags lower case."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return "_:"
    assert isinstance(term, ox.Literal), term
    datatype = term.datatype.value
    value = term.value
    if term.language:
        return f"{value!r}@{term.language.lower()}"
    if datatype == XSD + "boolean":
        return "true" if value.strip() in ("true", "1") else "false"
    if datatype in (XSD + "decimal", XSD + "integer", XSD + "int", XSD + "long",
                    XSD + "double", XSD + "float"):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return value
        return "0" if number == 0 else format(number.normalize(), "f")
    if datatype == XSD + "date" and value.endswith("Z"):
        value = value[:-1]
    return repr(value)


def normalised_rows(result) -> list[tuple[str | None, ...]]:  # noqa: ANN001
    """The rows' cells normalised, in the result's columns, sorted."""
    rows = [tuple(normalise(row.get(c)) for c in result.columns) for row in result.terms]
    return sorted(rows, key=lambda row: tuple("" if v is None else v for v in row))


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server binary beside this Python, or on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    prefixed = Path(sys.prefix) / "bin" / "oxigraph"
    return str(prefixed) if prefixed.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, seconds: float, log: Path) -> None:
    """Poll ``url`` until it answers (any HTTP status), or fail with the server's log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    stop(process)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    pytest.fail(f"the server at {url} did not answer within {seconds:.0f} s:\n{tail}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def serving(command: list[str], base: str, ready: str, seconds: float, log: Path,
            *, cwd: Path | None = None) -> Iterator[str]:
    """Run a server's ``command`` (its output in ``log``) for the block; gives ``base`` once
    ``base + ready`` answers, and stops the server at the end."""
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_answering(base + ready, process, seconds, log)
        yield base
    finally:
        stop(process)



# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graphs(golden_records) -> list[Graph]:
    return fixture_graphs(golden_records)


@pytest.fixture(scope="module")
def dataset_file(graphs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "fixture.trig"
    write_graphs(graphs, path)
    return path


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory) -> Iterator[str]:
    """The base URL of an Oxigraph server serving the union of graphs as default graph."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary: it comes with kg (pip install oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    command = [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    with serving(command, f"http://127.0.0.1:{port}", "/query?query=ASK%7B%7D", 30, folder / "server.log") as base:
        yield base


def _remote(base: str, *, gsp: bool = True, **options) -> RemoteStore:
    return RemoteStore(f"{base}/query", update_url=f"{base}/update",
                       graph_store_url=f"{base}/store" if gsp else None, **options)


@pytest.fixture
def server(oxigraph_server) -> Iterator[RemoteStore]:
    """The server, emptied before the test."""
    store = _remote(oxigraph_server)
    store.update("DROP SILENT ALL")
    yield store
    store.close()


def _quads(store: RemoteStore) -> set[tuple[str, ...]]:
    result = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {tuple(str(t) for t in row.values()) for row in result.terms}


def _graph_size(store: RemoteStore, name: str) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return int(result.rows[0]["n"])


# -- binding values (no server) ------------------------------------------------------------


@pytest.mark.parametrize("module", [remote_module, load_module, store_package], ids=lambda m: m.__name__)
def test_remote_doctests_pass(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.fixture(scope="module")
def memory_store(graphs) -> ox.Store:
    store = ox.Store()
    for graph in graphs:
        store.extend(to_quads(graph))
    return store


@pytest.mark.parametrize(("name", "bindings"), query_cases(), ids=[case_id(c) for c in query_cases()])
def test_remote_values_binding_equals_substitution(memory_store, name, bindings):
    """VALUES blocks give exactly the rows pyoxigraph's substitutions give, on every query."""
    info = load_query(name)
    expected = run_query(info, memory_store, bindings)
    text, hidden = bound_query(info, bindings)
    results = memory_store.query(text, use_default_graph_as_union=True)
    columns = [v.value for v in results.variables if v.value not in hidden]
    assert columns == expected.columns
    got = [{c: s[c] for c in columns} for s in results]
    assert got == expected.terms


def test_remote_bind_values_ignores_braces_in_strings_iris_and_comments():
    text = (
        'SELECT ?s WHERE { # a { comment\n'
        '  ?s <urn:x#y> "}{" , \'\'\'}\n{\'\'\' , """ "{" """ ; <urn:p> ?o .\n'
        '  ?s <urn:lang> "x"@de-values .\n'
        '  FILTER(?o < ?max && ?o > 0)\n'
        '  VALUES ?k { "{" }\n'
        '  OPTIONAL { ?s <urn:q> ?max }\n'
        '}'
    )
    openings = group_pattern_openings(text, ["max"])
    assert [(text[:i].rsplit("\n", 1)[-1], used) for i, used in openings] == [
        ("SELECT ?s WHERE {", ["max"]),
        ("  OPTIONAL {", ["max"]),
    ]
    bound = bind_values(text, {"max": ox.Literal("5", datatype=ox.NamedNode(XSD + "integer"))})
    assert bound.count("VALUES (?max)") == 2
    ox.Store().query(bound)  # still parses


def test_remote_bind_values_reaches_sub_queries_and_their_modifiers():
    text = ("SELECT ?a WHERE { { SELECT ?a ?min WHERE { ?a ?p ?o } GROUP BY ?a ?min "
            "HAVING (COUNT(*) >= ?min) } }")
    bound = bind_values(text, {"min": ox.Literal("2", datatype=ox.NamedNode(XSD + "integer"))})
    store = ox.Store()
    for i, count in enumerate([1, 2, 3]):
        for j in range(count):
            store.add(ox.Quad(ox.NamedNode(f"{EX}a{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(j))))
    assert sorted(s["a"].value for s in store.query(bound)) == [f"{EX}a1", f"{EX}a2"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"x y": ox.Literal("1")}, "not a SPARQL variable name"),
        ({"x": ox.BlankNode("b")}, "IRI or a literal"),
    ],
)
def test_remote_bind_values_refuses_bad_names_and_terms(values, message):
    with pytest.raises(KgError, match=message):
        bind_values("SELECT * WHERE { ?s ?p ?x }", values)


def test_remote_bind_values_refuses_the_construct_short_form():
    with pytest.raises(KgError, match="CONSTRUCT WHERE"):
        bind_values("CONSTRUCT WHERE { ?s ?p ?x }", {"x": ox.Literal("1")})
    bound = bind_values("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?x }", {"x": ox.Literal("1")})
    assert bound.count("VALUES") == 1


def test_remote_chunked_updates_never_split_a_small_graph():
    graphs = [(ox.NamedNode(f"{EX}g{i}"), f"<{EX}s> <{EX}p> \"{i}\" .\n".encode() * 10)
              for i in range(20)]
    updates = list(_chunked_updates(graphs, 1000))
    assert len(updates) > 1
    for update in updates:
        for node, _ in graphs:
            if f"GRAPH {node} {{" in update:
                assert f"DROP SILENT GRAPH {node}" in update
    store = ox.Store()
    for update in updates:
        store.update(update)
    assert len(store) == 20 * 1  # ten identical triples per graph are one


def test_remote_chunked_updates_split_a_huge_graph_after_dropping_it():
    node = ox.NamedNode(f"{EX}big")
    body = b"".join(f'<{EX}s> <{EX}p> "{i}" .\n'.encode() for i in range(100))
    updates = list(_chunked_updates([(node, body)], 500))
    assert len(updates) > 2
    assert updates[0].startswith(f"DROP SILENT GRAPH {node}")
    assert all("DROP" not in u for u in updates[1:])
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(f"{EX}old"), ox.NamedNode(f"{EX}p"), ox.Literal("x"), node))
    for update in updates:
        store.update(update)
    assert len(store) == 100


# -- credentials ---------------------------------------------------------------------------

SECRETS = ("hunter2-pässword", "tok-3c7e-secret", "dba-user-name")


class _EchoHandler(BaseHTTPRequestHandler):
    """A hostile server: answers with an error that repeats the request's headers."""

    requests: list[dict[str, str]] = []

    def _answer(self) -> None:
        type(self).requests.append(dict(self.headers))
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/elsewhere")
            self.end_headers()
            return
        # The secret straddles the 300 characters an error message keeps.
        body = "bad request; " + "x" * 240 + "; you sent: " + "; ".join(
            f"{k}: {v}" for k, v in sorted(self.headers.items(), key=lambda kv: kv[0] != "Authorization"))
        data = body.encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture
def echo_server() -> Iterator[str]:
    _EchoHandler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _assert_no_secret(text: str) -> None:
    encoded = base64.b64encode(f"{SECRETS[2]}:{SECRETS[0]}".encode()).decode()
    for secret in (*SECRETS, encoded):
        for start in range(len(secret) - 7):  # not even a piece of one
            assert secret[start:start + 8] not in text


@pytest.mark.parametrize(
    "auth",
    [BasicAuth(SECRETS[2], SECRETS[0]), BearerToken(SECRETS[1]), DigestAuth(SECRETS[2], SECRETS[0])],
    ids=["basic", "bearer", "digest"],
)
def test_remote_credentials_never_echoed(echo_server, auth, caplog, graphs):
    caplog.set_level(logging.DEBUG)
    store = RemoteStore(f"{echo_server}/query", update_url=f"{echo_server}/update",
                        graph_store_url=f"{echo_server}/store", auth=auth)
    messages = [repr(auth), str(auth), repr(store)]
    for action in (lambda: store.query("ASK {}"), lambda: store.update("CLEAR ALL"),
                   lambda: store.replace_graph(str(graphs[0].identifier), graphs[0])):
        with pytest.raises(KgError) as error:
            action()
        assert "HTTP 500" in str(error.value)
        if not isinstance(auth, DigestAuth):  # digest answers a challenge this server never sends
            assert "***" in str(error.value)
        messages.append(str(error.value))
    messages += [record.getMessage() for record in caplog.records]
    for message in messages:
        _assert_no_secret(message)
    if not isinstance(auth, DigestAuth):  # digest answers a challenge this server never sends
        assert all("Authorization" in r for r in _EchoHandler.requests)


def test_remote_refuses_redirects_so_credentials_stay_put(echo_server):
    store = RemoteStore(f"{echo_server}/redirect", auth=BearerToken(SECRETS[1]))
    with pytest.raises(KgError, match="HTTP 302.*redirected to .*/elsewhere") as error:
        store.query("ASK {}")
    _assert_no_secret(str(error.value))
    assert len(_EchoHandler.requests) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: RemoteStore(f"http://me:{SECRETS[0]}@127.0.0.1:1/q"), "credentials"),
        (lambda: RemoteStore("ftp://127.0.0.1/q"), "http"),
        (lambda: BearerToken(SECRETS[1] + "\r\nX: y"), "control characters"),
        (lambda: BasicAuth("a:b", SECRETS[0]), "':'"),
    ],
)
def test_remote_refuses_bad_settings_without_echoing_secrets(make, message):
    with pytest.raises(KgError, match=message) as error:
        make()
    _assert_no_secret(str(error.value))


def test_remote_unreachable_server_is_a_kg_error():
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/query", auth=BasicAuth("u", SECRETS[0]))
    with pytest.raises(KgError, match="cannot reach the server"):
        store.query("ASK {}")


def test_open_store_picks_the_backend(tmp_path):
    with open_store(store_dir=tmp_path / "s") as store:
        assert isinstance(store, EmbeddedStore)
    remote = open_store(endpoint="http://127.0.0.1:7878/query",
                        update_endpoint="http://127.0.0.1:7878/update")
    assert isinstance(remote, RemoteStore) and isinstance(remote, TripleStore)
    with pytest.raises(KgError, match="not both"):
        open_store(store_dir=tmp_path, endpoint="http://127.0.0.1:7878/query")
    with pytest.raises(KgError, match="update_endpoint given without"):
        open_store(update_endpoint="http://127.0.0.1:7878/update")


# -- against the Oxigraph server -----------------------------------------------------------


@pytest.mark.server
@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store", "update"])
def test_remote_replace_graph_is_idempotent(oxigraph_server, graphs, gsp):
    store = _remote(oxigraph_server, gsp=gsp)
    store.update("DROP SILENT ALL")
    graph = graphs[0]
    name = str(graph.identifier)
    store.replace_graph(name, graph)
    first = _quads(store)
    assert len(first) == len(graph)
    store.replace_graph(name, graph)
    assert _quads(store) == first
    smaller = Graph(identifier=graph.identifier)
    smaller.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal('only " {one}')))
    store.replace_graph(name, smaller)
    assert _graph_size(store, name) == 1
    store.replace_graph(name, Graph(identifier=graph.identifier))
    assert _quads(store) == set()


@pytest.mark.server
def test_remote_drop_graph_and_document(server, graphs):
    for graph in graphs:
        server.replace_graph(str(graph.identifier), graph)
    assert server.graph_names() == sorted(str(g.identifier) for g in graphs)
    server.drop_document("wire 0007/b")
    assert len(server.graph_names()) == len(graphs) - 1
    server.drop_graph("https://example.org/never-loaded")  # absent: no error
    gsp_only = RemoteStore(server.query_url, graph_store_url=server.graph_store_url)
    gsp_only.drop_graph(str(graphs[1].identifier))
    gsp_only.drop_graph(str(graphs[1].identifier))  # 404 from the graph store: no error
    assert len(server.graph_names()) == len(graphs) - 2


@pytest.mark.server
@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store", "update"])
def test_remote_load_file_replaces_graphs(oxigraph_server, graphs, dataset_file, gsp):
    store = _remote(oxigraph_server, gsp=gsp, max_request_bytes=4000)  # several requests
    store.update("DROP SILENT ALL")
    assert store.load_file(dataset_file) == len(graphs)
    first = _quads(store)
    assert len(first) == sum(len(g) for g in graphs)
    stale = Graph(identifier=graphs[1].identifier)
    stale.add((URIRef(EX + "stale"), URIRef(EX + "p"), Literal("x")))
    store.replace_graph(str(stale.identifier), stale)
    assert load_files(store, [dataset_file]).graphs == len(graphs)
    assert _quads(store) == first


@pytest.mark.server
def test_remote_load_triples_file_into_its_own_graph(server, graphs, tmp_path):
    path = tmp_path / "union.ttl"
    write_graphs(graphs, path)
    with pytest.raises(InputError, match="no such file"):
        server.load_file(tmp_path / "missing.nq")
    summary = load_files(server, [path])
    assert summary.graphs == 1
    assert server.graph_names() == [file_graph(path)]
    load_files(server, [path])
    assert _graph_size(server, file_graph(path)) == len({t for g in graphs for t in g})
    server.load_file(path, graph=EX + "named")
    assert server.graph_names() == sorted([file_graph(path), EX + "named"])


@pytest.mark.server
def test_remote_broken_file_sends_nothing(server, graphs, dataset_file, tmp_path):
    server.replace_graph(str(graphs[0].identifier), graphs[0])
    before = _quads(server)
    bad = tmp_path / "bad.trig"
    bad.write_text(dataset_file.read_text() + "\n<https://example.org/a> <https://example.org/p> .\n")
    with pytest.raises(InputError, match="bad.trig, line"):
        load_files(server, [dataset_file, bad])
    assert _quads(server) == before


@pytest.mark.server
def test_remote_server_errors_are_short_kg_errors(server):
    with pytest.raises(KgError, match=r"POST http://127\.0\.0\.1:\d+/query: HTTP 400") as error:
        server.query("SELECT * WHERE { ?s undeclared:p ?o }")  # parses; the server refuses it
    assert len(str(error.value)) < 600
    with pytest.raises(KgError, match="SPARQL syntax error at line 1"):  # caught before sending
        server.query("SELECT WHERE {")


@pytest.mark.server
def test_remote_query_forms(server, graphs):
    server.replace_graph(str(graphs[0].identifier), graphs[0])
    assert server.query("ASK { ?s ?p ?o }").rows == [{"boolean": "true"}]
    assert server.query("ASK { ?s ?p <urn:nothing> }").rows == [{"boolean": "false"}]
    constructed = server.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
    assert constructed.columns == ["subject", "predicate", "object"] and len(constructed.rows) == 3
    plain = server.query("SELECT ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }",
                         {"id": "wire 0007/b"})
    assert plain.rows == [{"id": "wire 0007/b"}]


@pytest.mark.server
def test_remote_hostile_values_change_nothing(server, dataset_file):
    load_files(server, [dataset_file])
    before = _quads(server)
    info = load_query("meetings-of")
    for value in HOSTILE:
        assert server.query(info, {"person": value}).rows == []
    assert _quads(server) == before


@pytest.fixture(scope="module")
def three_sources(oxigraph_server, dataset_file, tmp_path_factory):
    """The fixture dataset as a file, in an embedded store and in the Oxigraph server."""
    file_store = open_sources([str(dataset_file)], None)
    embedded = EmbeddedStore(tmp_path_factory.mktemp("embedded") / "store")
    load_files(embedded, [dataset_file])
    remote = _remote(oxigraph_server)
    remote.update("DROP SILENT ALL")
    load_files(remote, [dataset_file])
    yield file_store, embedded, remote
    embedded.close()


@pytest.mark.server
@pytest.mark.parametrize(("name", "bindings"), query_cases(), ids=[case_id(c) for c in query_cases()])
def test_remote_shipped_queries_agree_everywhere(three_sources, name, bindings):
    file_store, embedded, remote = three_sources
    info = load_query(name)
    from_file = run_query(info, file_store, bindings)
    from_embedded = embedded.query(info, bindings)
    from_server = remote.query(info, bindings)
    assert from_file.columns == from_embedded.columns == from_server.columns == list(info.columns)
    expected = normalised_rows(from_file)
    assert normalised_rows(from_embedded) == expected
    assert normalised_rows(from_server) == expected


@pytest.mark.server
def test_remote_fixture_queries_are_not_all_empty(three_sources):
    """Guard against comparing empty answers (a server without the union default graph)."""
    _, _, remote = three_sources
    for name in ("mediations", "meetings", "roles"):
        assert remote.query(load_query(name)).rows


@pytest.mark.server
def test_remote_stats_agree(three_sources):
    _, embedded, remote = three_sources
    assert store_stats(remote) == store_stats(embedded)


def test_remote_results_show_booleans_as_true_and_false() -> None:
    """Virtuoso writes xsd:boolean as 1 and 0; kg shows what the embedded store shows."""
    body = json.dumps({"head": {"vars": ["stated", "n"]}, "results": {"bindings": [
        {"stated": {"type": "typed-literal", "datatype": XSD + "boolean", "value": "0"},
         "n": {"type": "typed-literal", "datatype": XSD + "integer", "value": "1"}},
        {"stated": {"type": "typed-literal", "datatype": XSD + "boolean", "value": "1"},
         "n": {"type": "typed-literal", "datatype": XSD + "integer", "value": "0"}},
    ]}}).encode()
    result = remote_module._result_from_response(
        remote_module._Response(200, "application/sparql-results+json", body), set())
    assert result.rows == [{"stated": "false", "n": "1"}, {"stated": "true", "n": "0"}]
