"""kg ontology docs: pyLODE's HTML, and the ontology with its alignments as one file a reasoner
or a query can use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF
from typer.testing import CliRunner

from kg.cli import app
from kg.rdf.docs import merged_ontology
from kg.rdf.mapping import records_to_graph
from kg.rdf.ontology import check_ontology
from kg.rdf.serialize import to_quads
from kg.settings import Settings

pytestmark = pytest.mark.issue(11)

EVENTS_AS_SEM = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?entity) AS ?entities) WHERE {
  { ?event a/rdfs:subClassOf* sem:Event } UNION { ?entity a/rdfs:subClassOf* prov:Entity }
}"""


def test_docs_cli_writes_html_and_the_merged_ontology(tmp_path: Path):
    result = CliRunner().invoke(app, ["ontology", "docs", "-o", str(tmp_path / "docs")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "docs" / "index.html").read_text("utf-8")
    assert "<title>kg ontology</title>" in html
    assert "pyLODE" in html
    # The alignments are part of what is documented: kg:Event is a sem:Event.
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/Event" in html
    store = ox.Store()
    store.load(path=str(tmp_path / "docs" / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    ontologies = list(store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(OWL.Ontology))))
    assert [q.subject.value for q in ontologies] == ["https://w3id.org/kg-news/ontology/kg"]


def test_docs_merged_ontology_answers_queries_in_the_aligned_vocabularies(golden_records):
    graph = records_to_graph(golden_records["oslo-talks"], Settings())
    store = ox.Store()
    store.extend(to_quads(graph))
    plain = next(iter(store.query(EVENTS_AS_SEM, use_default_graph_as_union=True)))
    assert int(plain["events"].value) == 0  # kg's data alone says nothing of SEM or PROV classes
    store.load(merged_ontology().serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    row = next(iter(store.query(EVENTS_AS_SEM, use_default_graph_as_union=True)))
    events = {t for t in graph.subjects(RDF.type, None) if "/event/" in str(t)}
    assert int(row["events"].value) == len(events) > 0
    assert int(row["entities"].value) > 0  # documents, mentions, source documents


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_docs_merged_ontology_is_consistent_for_hermit():
    report = check_ontology(graph=merged_ontology())
    assert report.consistent and not report.unsatisfiable
