"""The remote store against a real Virtuoso 7 (Debian's ``virtuoso-opensource``) on loopback.

A private server: its own database folder in a temporary directory, loopback ports, its
own ``DirsAllowed`` and ``ResultSetMaxRows`` raised from the default 10000 (which silently
cuts results short).  Queries go to ``/sparql`` (Virtuoso's default graph is the union of
all graphs), updates to ``/sparql-auth`` and whole graphs to ``/sparql-graph-crud-auth``,
both with HTTP digest authentication as the ``dba`` user.  Skipped, with the reason, when
``virtuoso-t`` is not installed.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.api import open_sources
from kg.errors import KgError
from kg.rdf.serialize import write_graphs
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_files
from kg.store.queries import load_query, run_query
from kg.store.remote import DigestAuth, RemoteStore
from kg.store.stats import store_stats
from tests.store.remote_helpers import remote_helpers

shared = remote_helpers()
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
    with shared.serving([binary, "+foreground", "+configfile", str(ini)], f"http://127.0.0.1:{http_port}",
                        "/sparql?query=ASK%7B%7D", 90, root / "server.log", cwd=root) as base:
        yield base


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


@pytest.mark.parametrize(("name", "bindings"), shared.query_cases(),
                         ids=[shared.case_id(c) for c in shared.query_cases()])
def test_virtuoso_shipped_queries_agree(sources, name, bindings):
    file_store, embedded, remote = sources
    info = load_query(name)
    from_file = run_query(info, file_store, bindings)
    expected = shared.normalised_rows(from_file)
    assert shared.normalised_rows(embedded.query(info, bindings)) == expected
    from_server = remote.query(info, bindings)
    assert from_server.columns == list(info.columns)
    # No allowance for Virtuoso: the shipped queries avoid its known faults (see
    # docs/ARCHITECTURE.md, "Portable queries"), so any difference is a failure.
    assert shared.normalised_rows(from_server) == expected
    # And as a user reads them (csv, table): the same text in every cell.
    assert _as_text(from_server) == _as_text(from_file)


def _as_text(result) -> list[tuple[str, ...]]:  # noqa: ANN001 - a kg.store.queries.QueryResult
    return sorted(tuple("" if v is None else v for v in row.values()) for row in result.rows)


def test_virtuoso_stats_agree(sources):
    _, embedded, remote = sources
    assert store_stats(remote) == store_stats(embedded)


def test_virtuoso_hostile_values_change_nothing(sources, graphs):
    _, _, remote = sources
    sizes = {str(g.identifier): _size(remote, str(g.identifier)) for g in graphs}
    for value in shared.HOSTILE:
        assert remote.query(load_query("meetings-of"), {"person": value}).rows == []
    assert {n: _size(remote, n) for n in sizes} == sizes


def test_virtuoso_default_graph_is_the_union(sources):
    """Virtuoso's default graph is the union of its graphs: kg's probe says so, and raises nothing."""
    _, _, remote = sources
    assert remote.default_graph_is_union() is True
    remote.check_union_default_graph()
