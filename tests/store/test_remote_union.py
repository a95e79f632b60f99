"""`kg query --endpoint` against a real Oxigraph server whose default graph is NOT the union of
its named graphs: kg probes it when an answer is empty and says, in one line, how to fix it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from kg.errors import KgError
from kg.store.remote import RemoteStore
from tests.store.remote_helpers import remote_helpers

shared = remote_helpers()
pytestmark = pytest.mark.server

GRAPH_DATA = """\
<https://example.org/doc/a> {
  <https://example.org/m1> a <https://w3id.org/kg-news/ontology/kg#Mediation> ;
      <https://w3id.org/kg-news/ontology/kg#mediator> <https://example.org/p1> ;
      <https://w3id.org/kg-news/ontology/kg#source> <https://example.org/doc/a> .
  <https://example.org/doc/a> <http://purl.org/dc/terms/identifier> "a" .
}
"""


def _serve(tmp_path_factory, *options: str) -> Iterator[str]:  # noqa: ANN001
    """An Oxigraph server on loopback (started with ``options``) holding one named graph."""
    binary = shared.oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary: pip install oxigraph (kg's test extra)")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = shared.free_port()
    command = [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}", *options]
    with shared.serving(command, f"http://127.0.0.1:{port}", "/query?query=ASK%7B%7D", 30,
                        folder / "server.log") as base:
        yield base


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory) -> Iterator[str]:  # noqa: ANN001
    """Started without --union-default-graph: the default graph is a graph of its own."""
    yield from _serve(tmp_path_factory)


@pytest.fixture(scope="module")
def union_server(tmp_path_factory) -> Iterator[str]:  # noqa: ANN001
    yield from _serve(tmp_path_factory, "--union-default-graph")


def _fill(base: str) -> RemoteStore:
    store = RemoteStore(f"{base}/query", update_url=f"{base}/update")
    store.update("DROP SILENT ALL")
    store.update(f"INSERT DATA {{ GRAPH {GRAPH_DATA.strip()} }}")
    return store


def test_probe_tells_a_plain_default_graph_from_a_union(plain_server: str, union_server: str) -> None:
    plain = _fill(plain_server)
    assert plain.default_graph_is_union() is False
    with pytest.raises(KgError, match="--union-default-graph") as raised:
        plain.check_union_default_graph()
    assert "\n" not in str(raised.value)

    union = RemoteStore(f"{union_server}/query", update_url=f"{union_server}/update")
    union.update("DROP SILENT ALL")
    assert union.default_graph_is_union() is None  # no named graph: nothing to tell
    union = _fill(union_server)
    assert union.default_graph_is_union() is True
    union.check_union_default_graph()


def test_cli_query_on_a_union_default_graph_answers(union_server: str) -> None:
    _fill(union_server)
    done = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "query", "mediations",
         "--endpoint", f"{union_server}/query", "--format", "csv"],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "https://example.org/m1" in done.stdout


def test_cli_query_on_a_plain_default_graph_fails_in_one_line(plain_server: str) -> None:
    _fill(plain_server)
    done = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "query", "mediations",
         "--endpoint", f"{plain_server}/query", "--format", "csv"],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "default graph is not the union" in lines[0] and "--union-default-graph" in lines[0]
    assert done.stdout == ""


OLD_DATA = """\
<https://example.org/doc/b> {
  <https://example.org/h1> a <https://w3id.org/kg-news/ontology/kg#RoleHolding> ;
      <https://w3id.org/kg-news/ontology/kg#role> <https://example.org/envoy> ;
      <https://w3id.org/kg-news/ontology/kg#heldBy> <https://example.org/p1> ;
      <https://w3id.org/kg-news/ontology/kg#ofCountry> <https://w3id.org/kg-news/id/country/NOR> ;
      <https://w3id.org/kg-news/ontology/kg#source> <https://example.org/doc/b> .
  <https://example.org/envoy> a <https://w3id.org/kg-news/ontology/kg#Role> ;
      <https://w3id.org/kg-news/ontology/kg#nameKey> "envoy" .
  <https://example.org/doc/b> <http://purl.org/dc/terms/identifier> "b" .
}
"""


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=120)


def test_cli_server_written_without_shortcuts_is_refused_then_upgraded(union_server: str) -> None:
    """Data an older kg put on a server (no kg:holdingOf): the question says how to add the
    shortcuts instead of answering nothing; `kg upgrade --endpoint` adds them."""
    store = RemoteStore(f"{union_server}/query", update_url=f"{union_server}/update")
    store.update("DROP SILENT ALL")
    store.update(f"INSERT DATA {{ GRAPH {OLD_DATA.strip()} }}")
    ask = ["query", "role-holders", "--param", "role=Envoy", "--endpoint", f"{union_server}/query",
           "--format", "csv"]
    refused = _kg(*ask)
    assert refused.returncode == 1 and "kg upgrade" in refused.stderr, refused.stdout + refused.stderr
    upgraded = _kg("upgrade", "--endpoint", f"{union_server}/query", "--update-endpoint", f"{union_server}/update")
    assert upgraded.returncode == 0, upgraded.stderr
    answered = _kg(*ask)
    assert answered.returncode == 0, answered.stderr
    row = answered.stdout.splitlines()[1]
    assert row.startswith("https://example.org/p1,") and row.endswith(",b")


def test_load_gives_a_server_the_shortcuts_of_old_files(union_server: str, tmp_path) -> None:  # noqa: ANN001
    from kg.store.load import load_files

    store = RemoteStore(f"{union_server}/query", update_url=f"{union_server}/update")
    store.update("DROP SILENT ALL")
    old = tmp_path / "old.trig"
    old.write_text(OLD_DATA, encoding="utf-8")
    load_files(store, [old])
    rows = store.query("SELECT ?of WHERE { <https://example.org/h1> "
                       "<https://w3id.org/kg-news/ontology/kg#holdingOf> ?of }").rows
    assert rows == [{"of": "https://w3id.org/kg-news/id/country/NOR"}]
