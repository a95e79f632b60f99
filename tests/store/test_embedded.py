"""The embedded pyoxigraph store: one named graph per document, replaced atomically."""

from __future__ import annotations

import doctest

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError, KgError
from kg.rdf.iris import document_iri
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from kg.store import embedded
from kg.store.base import TripleStore
from kg.store.embedded import EmbeddedStore

SETTINGS = Settings()
EX = "https://example.org/"


@pytest.fixture(scope="module")
def graphs(golden_records) -> dict[str, Graph]:
    return {case: records_to_graph(r, SETTINGS) for case, r in golden_records.items()}


@pytest.fixture
def store(tmp_path):
    with EmbeddedStore(tmp_path / "store") as opened:
        yield opened


def _snapshot(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in store.store}


def test_embedded_doctests_pass():
    result = doctest.testmod(embedded)
    assert result.attempted > 0 and result.failed == 0


def test_embedded_is_a_triple_store(store):
    assert isinstance(store, TripleStore)


def test_embedded_replace_is_idempotent(store, graphs):
    graph = graphs["oslo-talks"]
    store.replace_graph(str(graph.identifier), graph)
    first = len(store)
    assert first == len(graph)
    store.replace_graph(str(graph.identifier), graph)
    assert len(store) == first
    assert store.graph_names() == [str(graph.identifier)]


def test_embedded_replace_drops_stale_triples(store, graphs):
    graph = graphs["oslo-talks"]
    name = str(graph.identifier)
    store.replace_graph(name, graph)
    smaller = Graph(identifier=graph.identifier)
    smaller.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("only")))
    store.replace_graph(name, smaller)
    assert len(store) == 1
    store.replace_graph(name, Graph(identifier=graph.identifier))
    assert len(store) == 0


def test_embedded_keeps_documents_apart(store, graphs):
    for graph in graphs.values():
        store.replace_graph(str(graph.identifier), graph)
    assert len(store) == sum(len(g) for g in graphs.values())
    store.drop_document("wire 0007/b")
    assert store.graph_names() == [str(graphs["oslo-talks"].identifier)]
    assert len(store) == len(graphs["oslo-talks"])
    store.drop_graph(str(document_iri("never loaded")))  # absent: no error
    store.drop_graph(str(graphs["oslo-talks"].identifier))
    assert len(store) == 0


def test_embedded_round_trips_awkward_literals(store):
    text = 'quote " backslash \\ braces {} } newline\n tab\t \u00e9 \x01 GRAPH <x> { }'
    graph = Graph(identifier=URIRef(EX + "doc/odd"))
    graph.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal(text)))
    graph.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("Oslo", lang="nb")))
    store.replace_graph(str(graph.identifier), graph)
    rows = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").rows
    assert sorted(r["o"] for r in rows) == sorted([text, "Oslo"])


def test_embedded_failed_replace_leaves_store_as_it_was(store, graphs):
    graph = graphs["oslo-talks"]
    store.replace_graph(str(graph.identifier), graph)
    before = _snapshot(store)
    broken = Graph(identifier=graph.identifier)
    broken.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("fine")))
    broken.add((URIRef(EX + "not an iri"), URIRef(EX + "p"), Literal("bad")))
    with pytest.raises(ValueError):
        store.replace_graph(str(graph.identifier), broken)
    assert _snapshot(store) == before
    with pytest.raises(KgError, match="not a graph name"):
        store.replace_graph("no graph name", graph)
    assert _snapshot(store) == before


def test_embedded_batch_cut_short_leaves_store_as_it_was(store, graphs):
    # kg extract --store writes batches through replace_graphs: the old graphs are dropped
    # and the new ones bulk-loaded; a batch that fails half-way (here its N-Quads break off
    # in their last line) must leave the store exactly as before the batch.
    import pyoxigraph as ox

    from kg.rdf.serialize import rdf_bytes, to_quads

    graph = graphs["oslo-talks"]
    store.replace_graph(str(graph.identifier), graph)
    before = _snapshot(store)
    nquads = rdf_bytes(to_quads(graph), ox.RdfFormat.N_QUADS)
    with pytest.raises(SyntaxError):
        store.replace_graphs([str(graph.identifier)], nquads + b"<https://example.org/a> <broken")
    assert _snapshot(store) == before
    store.replace_graphs([str(graph.identifier)], nquads)
    assert _snapshot(store) == before


def test_embedded_load_file_replaces_graphs(store, graphs, tmp_path):
    path = tmp_path / "all.trig"
    write_graphs(graphs.values(), path)
    assert store.load_file(path) == len(graphs)
    first = len(store)
    assert first == sum(len(g) for g in graphs.values())
    # A stale triple in a document's graph is gone after the file is loaded again.
    name = str(graphs["oslo-talks"].identifier)
    stale = Graph(identifier=graphs["oslo-talks"].identifier)
    stale.add((URIRef(EX + "stale"), URIRef(EX + "p"), Literal("x")))
    store.replace_graph(name, stale)
    store.load_file(path)
    assert len(store) == first


def test_embedded_failing_load_leaves_store_as_it_was(store, graphs, tmp_path):
    graph = graphs["oslo-talks"]
    store.replace_graph(str(graph.identifier), graph)
    before = _snapshot(store)
    good = tmp_path / "good.nq"
    write_graphs([graphs["doha-unnamed"], graph], good)
    bad = tmp_path / "bad.nq"
    bad.write_text(good.read_text() + "<https://example.org/a> <https://example.org/p> .\n")
    with pytest.raises(InputError) as error:
        store.load_file(bad)
    assert error.value.line == len(good.read_text().splitlines()) + 1
    assert _snapshot(store) == before


@pytest.mark.parametrize(("name", "message"), [("x.ttl", "no named graphs"), ("x.nq", "no such")])
def test_embedded_load_file_refusals(store, tmp_path, name, message):
    path = tmp_path / name
    if name.endswith(".ttl"):
        path.write_text("")
    with pytest.raises(InputError, match=message):
        store.load_file(path)


def test_embedded_persists_and_locks(tmp_path, graphs):
    folder = tmp_path / "store"
    graph = graphs["doha-unnamed"]
    first = EmbeddedStore(folder)
    first.replace_graph(str(graph.identifier), graph)
    with pytest.raises(KgError, match="cannot open"):
        EmbeddedStore(folder)
    first.close()
    first.close()  # closing twice is harmless
    with pytest.raises(KgError, match="closed"):
        len(first)
    with EmbeddedStore(folder) as reopened:
        assert len(reopened) == len(graph)


def test_embedded_query_sees_the_union_of_graphs(store, graphs):
    for graph in graphs.values():
        store.replace_graph(str(graph.identifier), graph)
    result = store.query(
        "PREFIX kg: <https://w3id.org/kg-news/ontology/kg#> "
        "SELECT ?doc WHERE { ?doc a kg:Document } ORDER BY ?doc"
    )
    assert [r["doc"] for r in result.rows] == sorted(str(g.identifier) for g in graphs.values())


def test_embedded_a_table_file_removed_after_the_listing_counts_as_empty(tmp_path) -> None:  # noqa: ANN001
    """RocksDB's background compaction may remove a table file between the listing of the store's
    folder and the reading of its size: a run into the store ended with FileNotFoundError."""
    import os

    for name, size in (("000001.sst", 10), ("000002.sst", 7)):
        (tmp_path / name).write_bytes(b"x" * size)
    entries = sorted(os.scandir(tmp_path), key=lambda e: e.name)
    (tmp_path / "000001.sst").unlink()
    assert [embedded._size(e) for e in entries] == [0, 7]
