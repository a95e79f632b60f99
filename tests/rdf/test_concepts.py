"""Statuses, mediation kinds and role qualifiers are SKOS concepts of the ontology (issue 11)."""

from __future__ import annotations

import typing

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg import records
from kg.rdf.mapping import concept_value, records_to_graph
from kg.rdf.ontology import load_ontology_graph
from kg.settings import Settings
from kg.vocab import KG

pytestmark = pytest.mark.issue(11)

VALUES = [
    (KG.status, KG.StatusScheme, records.STATUSES),
    (KG.mediationKind, KG.MediationKindScheme, records.MEDIATION_KINDS),
    (KG.qualifier, KG.QualifierScheme, typing.get_args(records.Qualifier)),
]


@pytest.mark.parametrize(("predicate", "scheme", "values"), VALUES)
def test_concepts_every_value_is_a_labelled_concept_of_its_scheme(predicate, scheme, values):
    ontology = load_ontology_graph(include_alignments=False)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert {str(ontology.value(c, SKOS.notation)) for c in concepts} == set(values)
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert ontology.value(concept, SKOS.prefLabel).language == "en"
        assert concept_value(str(concept)) == str(ontology.value(concept, SKOS.notation))


def test_concepts_are_written_as_iris_with_their_notation(golden_records):
    graph = records_to_graph(golden_records["oslo-talks"], Settings())
    for predicate, _, _ in VALUES:
        objects = set(graph.objects(None, predicate))
        assert objects and all(isinstance(o, URIRef) for o in objects), predicate
        for concept in objects:
            assert isinstance(graph.value(concept, SKOS.notation), Literal)
    assert KG.StatusHeld in set(graph.objects(None, KG.status))
