"""Virtuoso 7: loading many documents through its update endpoint, and updates refused (issue 12).

Virtuoso compiles each SPARQL update to SQL of at most 10,000 lines (about a thousand
triples): kg used to send five or more documents in one request and got HTTP 400.  Batches
are now sized by triples and halved when the server refuses one.  One private server for
the module, started as tests/store/test_virtuoso.py starts it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kg.api import open_sources
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from kg.store.queries import load_query, run_query
from kg.store.remote import DigestAuth, RemoteStore
from tests.reliability.common import count_quads, kg, one_line, remote_helpers, virtuoso_server

pytestmark = [pytest.mark.server, pytest.mark.issue(12)]

DBA = ("--user", "dba", "--password", "dba", "--digest")
QUERIES = ["who-met-whom", "meetings", "roles", "mediations", "statements", "co-participation"]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base


@pytest.fixture(scope="module")
def twenty(golden_records, tmp_path_factory) -> Path:
    """Twenty documents (the golden ones under new ids): some thousands of triples."""
    graphs = []
    for number in range(10):
        for name in sorted(golden_records):
            records = golden_records[name]
            article = dataclasses.replace(records.article, id=f"{records.article.id}-{number}")
            graphs.append(records_to_graph(dataclasses.replace(records, article=article), Settings()))
    path = tmp_path_factory.mktemp("data") / "twenty.trig"
    write_graphs(graphs, path)
    return path


@pytest.fixture(scope="module")
def loaded(virtuoso, twenty) -> str:
    """What ``kg load`` of the twenty documents through the update endpoint said."""
    result = kg("load", twenty, "--endpoint", f"{virtuoso}/sparql", "--update-endpoint",
                f"{virtuoso}/sparql-auth", *DBA)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_loading_twenty_documents_through_the_update_endpoint(virtuoso, twenty, loaded):
    assert loaded.startswith("1 file(s), 20 graph(s) loaded")
    helpers = remote_helpers()
    expected_store = open_sources([str(twenty)], None)
    with RemoteStore(f"{virtuoso}/sparql") as server:
        for name in QUERIES:
            info = load_query(name)
            assert helpers.normalised_rows(server.query(info)) == helpers.normalised_rows(
                run_query(info, expected_store)), name
    assert count_quads(f"{virtuoso}/sparql", prefix="https://w3id.org/kg-news/") == len(expected_store)


@pytest.mark.parametrize("update", [
    "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/p> 1 } }",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "DROP ALL",
])
def test_update_in_a_query_file_changes_nothing_on_virtuoso(virtuoso, loaded, tmp_path, update):
    before = count_quads(f"{virtuoso}/sparql")
    query = tmp_path / "sneaky.rq"
    query.write_text(f"# Question: what is there?\n{update}\n")
    line = one_line(kg("query", query, "--endpoint", f"{virtuoso}/sparql-auth", *DBA))
    assert "updates are refused" in line
    assert count_quads(f"{virtuoso}/sparql", DigestAuth("dba", "dba")) == before
