"""Writing graphs in every format (atomically) and reading RDF files back."""

from __future__ import annotations

import doctest
import os
import stat

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError, KgError
from kg.rdf import serialize
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import (
    DatasetWriter,
    format_for,
    is_dataset_format,
    load_rdf_file,
    rdf_bytes,
    to_quads,
    write_graphs,
)
from kg.settings import Settings

SETTINGS = Settings()
EXTENSIONS = [".ttl", ".nt", ".trig", ".nq", ".jsonld"]


@pytest.fixture(scope="module")
def graphs(golden_records) -> list[Graph]:
    return [records_to_graph(r, SETTINGS) for _, r in sorted(golden_records.items())]


def _stored(graphs: list[Graph], *, union: bool) -> set[str]:
    """The quads the graphs make once in a pyoxigraph store (which canonicalises literals)."""
    store = ox.Store()
    for graph in graphs:
        store.extend(to_quads(graph))
    if union:
        return {str(q.triple) for q in store}
    return {str(q) for q in store}


def test_serialize_doctests_pass():
    result = doctest.testmod(serialize)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("path", "explicit", "expected"),
    [
        ("out.ttl", None, ox.RdfFormat.TURTLE),
        ("dir/OUT.NT", None, ox.RdfFormat.N_TRIPLES),
        ("out.trig", None, ox.RdfFormat.TRIG),
        ("out.nq", None, ox.RdfFormat.N_QUADS),
        ("out.jsonld", None, ox.RdfFormat.JSON_LD),
        ("-", "turtle", ox.RdfFormat.TURTLE),
        ("-", "NTriples", ox.RdfFormat.N_TRIPLES),
        ("out.ttl", "trig", ox.RdfFormat.TRIG),
        ("x", "nquads", ox.RdfFormat.N_QUADS),
        ("x", "json-ld", ox.RdfFormat.JSON_LD),
        ("x", ox.RdfFormat.TRIG, ox.RdfFormat.TRIG),
    ],
)
def test_serialize_format_for(path, explicit, expected):
    assert format_for(path, explicit) == expected


@pytest.mark.parametrize(("path", "explicit"), [("out.rdf", None), ("-", None), ("x.ttl", "n3")])
def test_serialize_format_for_rejects_unknown(path, explicit):
    with pytest.raises(KgError, match="format"):
        format_for(path, explicit)


def test_serialize_dataset_formats():
    assert [is_dataset_format(format_for(f"x{e}")) for e in EXTENSIONS] == [
        False, False, True, True, True,
    ]


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_serialize_round_trips_every_format(tmp_path, graphs, extension):
    path = tmp_path / f"out{extension}"
    writer = write_graphs(graphs, path)
    assert writer.graphs == len(graphs) and writer.triples == sum(len(g) for g in graphs)
    store = load_rdf_file(path)
    if is_dataset_format(format_for(path)):
        assert {str(q) for q in store} == _stored(graphs, union=False)
        assert {n.value for n in store.named_graphs()} == {str(g.identifier) for g in graphs}
    else:
        assert {str(q.triple) for q in store} == _stored(graphs, union=True)
        assert list(store.named_graphs()) == []


@pytest.mark.parametrize("extension", [".trig", ".nq", ".jsonld"])
def test_serialize_dataset_formats_name_the_graph_of_a_single_document(
    tmp_path, graphs, extension
):
    path = tmp_path / f"one{extension}"
    write_graphs(graphs[:1], path)
    store = load_rdf_file(path)
    assert [n.value for n in store.named_graphs()] == [str(graphs[0].identifier)]
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 0


@pytest.mark.parametrize("extension", [".ttl", ".trig"])
def test_serialize_turtle_uses_one_prefix_header(tmp_path, graphs, extension):
    path = tmp_path / f"out{extension}"
    write_graphs(graphs, path)
    text = path.read_text("utf-8")
    assert text.startswith("@prefix kg: <https://w3id.org/kg-news/ontology/kg#> .\n")
    assert text.count("@prefix kg:") == 1
    assert "a kg:Person" in text


@pytest.mark.issue(11)
@pytest.mark.parametrize("extension", [".ttl", ".trig"])
def test_serialize_turtle_writes_each_subject_once_with_prefixed_names(tmp_path, graphs, extension):
    path = tmp_path / f"out{extension}"
    write_graphs(graphs[:1], path)
    text = path.read_text("utf-8")
    assert "@prefix person: <https://w3id.org/kg-news/id/person/> ." in text
    # kg's own IRIs are written as prefixed names, never in full, in the body.
    body = text.split("\n\n", 1)[1]
    assert "<https://w3id.org/kg-news/id/" not in body
    # Grouped by subject: one statement (ending " .") per distinct subject, before: one per triple.
    statements = [line for line in body.splitlines() if line.endswith(" .")]
    assert len(statements) == len(set(graphs[0].subjects()))
    parsed = Graph()
    for s, p, o, _ in Dataset().parse(data=text, format="trig").quads():
        parsed.add((s, p, o))
    assert isomorphic(parsed, graphs[0])


def test_serialize_is_deterministic(tmp_path, graphs):
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    write_graphs(graphs, first)
    write_graphs(list(reversed(graphs)), second)
    def blocks(text: str) -> list[str]:
        return sorted(block.strip() for block in text.split("\n\n"))

    assert blocks(first.read_text()) == blocks(second.read_text())
    write_graphs(graphs, second)
    assert first.read_bytes() == second.read_bytes()


def test_serialize_survives_awkward_literals(tmp_path):
    g = Graph(identifier=URIRef("https://example.org/doc/x"))
    text = 'He said "no" \\ then {left}\n\ttab \u00e9\u4e2d \x01 end'
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(text)))
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/q"), Literal("x", lang="es")))
    for extension in EXTENSIONS:
        path = tmp_path / f"odd{extension}"
        write_graphs([g], path)
        values = {q.object.value for q in load_rdf_file(path)}
        assert values == {text, "x"}, extension


class Boom(Exception):
    pass


@pytest.mark.parametrize("extension", EXTENSIONS)
def test_serialize_writes_nothing_when_the_block_raises(tmp_path, graphs, extension):
    path = tmp_path / f"out{extension}"
    with pytest.raises(Boom), DatasetWriter(path) as writer:
        writer.add(graphs[0])
        raise Boom
    assert list(tmp_path.iterdir()) == []


def test_serialize_keeps_the_old_file_when_the_block_raises(tmp_path, graphs):
    path = tmp_path / "out.nq"
    path.write_text("old\n")
    with pytest.raises(Boom), DatasetWriter(path) as writer:
        writer.add(graphs[0])
        raise Boom
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nq"]


def test_serialize_cleans_up_when_a_graph_cannot_be_converted(tmp_path):
    bad = Graph(identifier=URIRef("https://example.org/doc/bad"))
    bad.add((URIRef("https://example.org/a b"), URIRef("https://example.org/p"), Literal(1)))
    with pytest.raises(ValueError), DatasetWriter(tmp_path / "out.trig") as writer:
        writer.add(bad)
    assert list(tmp_path.iterdir()) == []


def test_serialize_output_file_gets_normal_permissions(tmp_path, graphs):
    path = tmp_path / "out.nt"
    old = os.umask(0o022)
    try:
        write_graphs(graphs, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_serialize_dash_writes_to_stdout(capsysbinary, graphs):
    with DatasetWriter("-", "nquads") as writer:
        writer.add(graphs[0])
    store = ox.Store()
    store.load(capsysbinary.readouterr().out, format=ox.RdfFormat.N_QUADS)
    assert {str(q) for q in store} == _stored(graphs[:1], union=False)


def test_serialize_missing_directory_is_reported(tmp_path, graphs):
    with pytest.raises(KgError, match="does not exist"):
        write_graphs(graphs, tmp_path / "nope" / "out.ttl")


def test_serialize_load_reports_missing_file(tmp_path):
    path = tmp_path / "missing.ttl"
    with pytest.raises(InputError) as error:
        load_rdf_file(path)
    assert str(error.value) == f"{path}: no such file"


def test_serialize_load_reports_unknown_extension(tmp_path):
    path = tmp_path / "data.rdf"
    path.write_text("")
    with pytest.raises(InputError, match="extension"):
        load_rdf_file(path)


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", '<https://a> <https://b> <https://c> .\n<https://a> <https://b> "x .\n', 2),
        ("bad.nq", "<https://a> <https://b> <https://c> <https://g> .\n\n<https://a> <https://b> .\n", 3),
        ("bad.trig", "<https://g> {\n <https://a> <https://b> <https://c> .\n", 3),
    ],
)
def test_serialize_load_reports_syntax_errors_with_line(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError) as error:
        load_rdf_file(path)
    assert error.value.source == str(path)
    assert error.value.line == line
    assert str(error.value).startswith(f"{path}, line {line}: RDF syntax error")


@pytest.mark.issue(11)
def test_serialize_jsonld_is_compact_and_round_trips_through_rdflib_and_pyld(tmp_path, graphs):
    import json

    from pyld import jsonld

    path = tmp_path / "out.jsonld"
    write_graphs(graphs, path)
    data = json.loads(path.read_text("utf-8"))
    context = data["@context"]
    assert context["kg"] == "https://w3id.org/kg-news/ontology/kg#"
    assert context["mediator"] == {"@id": "kg:mediator", "@type": "@id"}
    # Compact: every property a term of the context, every kg IRI a prefixed name.
    nodes = [node for graph in data["@graph"] for node in graph["@graph"]]
    assert {"Person", "Mediation"} <= {t for node in nodes for t in _as_list(node.get("type"))}
    assert not [key for node in nodes for key in node if ":" in key]
    values = [v for node in nodes for key, value in node.items() if key != "parameter" for v in _as_list(value)]
    assert not [v for v in values if isinstance(v, str) and v.startswith("https://w3id.org/kg-news/")]

    expected = _stored(graphs, union=False)
    with_pyld = ox.Store()
    with_pyld.load(jsonld.to_rdf(data, {"format": "application/n-quads"}).encode(), format=ox.RdfFormat.N_QUADS)
    assert {str(q) for q in with_pyld} == expected
    with_rdflib = ox.Store()
    parsed = Dataset().parse(path, format="json-ld")
    for graph in parsed.graphs():
        with_rdflib.extend(to_quads(graph))
    assert {str(q) for q in with_rdflib} == expected


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def test_serialize_jsonld_doctests_pass():
    from kg.rdf import jsonld

    result = doctest.testmod(jsonld)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nt", ".nq", ".jsonld"])
def test_add_nquads_writes_the_same_bytes_as_add(golden_records, tmp_path, suffix):
    # The engine hands the writer N-Quads from its workers; the file must be the one the
    # writer makes from the graphs themselves (kg's own prefixes in Turtle and TriG too).
    graphs = [records_to_graph(r, Settings()) for r in golden_records.values()]
    by_graph, by_nquads = tmp_path / f"graph{suffix}", tmp_path / f"nquads{suffix}"
    with DatasetWriter(by_graph) as writer:
        writer.add_all(graphs)
    with DatasetWriter(by_nquads) as writer:
        for graph in graphs:
            writer.add_nquads(rdf_bytes(to_quads(graph), ox.RdfFormat.N_QUADS), len(graph))
    assert by_nquads.read_bytes() == by_graph.read_bytes()
