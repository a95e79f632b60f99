"""ontology/shapes.ttl accepts a well-formed document graph and rejects each kind of breakage.

The broken graphs are copies of tests/fixtures/shapes/mediation.ttl with one change each;
every test names the constraint (path and component) that must report it.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF, SH

from kg import records
from kg.rdf import ontology as ontology_tools
from kg.rdf.mapping import value_triples
from kg.vocab import KG

FIXTURE = Path(__file__).parent / "fixtures" / "shapes" / "mediation.ttl"
ID = Namespace("https://w3id.org/kg-news/id/")
# A plain Namespace: rdflib's XSD DefinedNamespace warns when pytest probes module attributes.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DOC = ID["doc/doc-1-0a1b2c3d"]
MEDIATION = ID["event/0a1b2c3d/mediation-qat"]
ROLE_HOLDING = ID["roleholding/0a1b2c3d/9f8e7d6c"]
MENTION = ID["mention/0a1b2c3d/0-45"]
QATAR = ID["country/QAT"]
HAMAS = ID["org/hamas"]
ROW_MENTION = ID["mention/0a1b2c3d/gdelt-1234"]


@pytest.fixture(scope="module")
def base() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def changed(base: Graph, change: Callable[[Graph], object]) -> Graph:
    graph = Graph()
    for triple in base:
        graph.add(triple)
    change(graph)
    return graph


def test_shapes_accept_conforming_mediation(base):
    report = ontology_tools.validate(base)
    assert report.conforms, report.text
    assert report.violations == 0
    assert report.findings == ()


def test_shapes_accept_one_named_party_with_unnamed_parties_note(base):
    graph = changed(
        base,
        lambda g: (
            g.remove((MEDIATION, KG.party, HAMAS)),
            g.add((MEDIATION, KG.partiesUnnamed, Literal("the militant group"))),
        ),
    )
    assert ontology_tools.validate(graph).conforms


def test_shapes_accept_non_text_mention(base):
    # A source-row mention (a future GDELT import) has no span: only its kg:source is required.
    def add_row_mention(g: Graph) -> None:
        g.add((ROW_MENTION, RDF.type, KG.Mention))
        g.add((ROW_MENTION, KG.source, DOC))
        g.add((MEDIATION, KG.evidence, ROW_MENTION))

    assert ontology_tools.validate(changed(base, add_row_mention)).conforms


def test_shapes_accept_dataset_as_union_of_graphs(base):
    dataset = Dataset()
    graph = dataset.graph(DOC)
    for triple in base:
        graph.add(triple)
    assert ontology_tools.validate(dataset).conforms


def test_shapes_check_dataset_across_graphs(base):
    dataset = Dataset()
    graph = dataset.graph(DOC)
    for triple in base:
        graph.add(triple)
    # A second status for the same event, in another graph: the union has two.
    dataset.graph(ID["doc/other"]).add((MEDIATION, KG.status, KG.StatusPlanned))
    report = ontology_tools.validate(dataset)
    assert not report.conforms
    assert {(f.path, f.component) for f in report.findings} == {
        (str(KG.status), "MaxCountConstraintComponent")
    }


def set_value(subject: URIRef, predicate: URIRef, value) -> Callable[[Graph], object]:
    return lambda g: g.set((subject, predicate, value))


BREAKAGES = {
    "mediation with one party and no note": (
        lambda g: g.remove((MEDIATION, KG.party, HAMAS)),
        MEDIATION,
        None,
        "OrConstraintComponent",
    ),
    "mediation without mediator": (
        lambda g: g.remove((MEDIATION, KG.mediator, None)),
        MEDIATION,
        KG.mediator,
        "MinCountConstraintComponent",
    ),
    "mediator is also a party": (
        lambda g: g.add((MEDIATION, KG.party, QATAR)),
        MEDIATION,
        KG.mediator,
        "DisjointConstraintComponent",
    ),
    "quote length disagrees with offsets": (
        set_value(MENTION, KG.quote, Literal("Qatar mediated talks")),
        MENTION,
        KG.quote,
        "SPARQLConstraintComponent",
    ),
    "confidence above 1": (
        set_value(MEDIATION, KG.confidence, Literal("1.5", datatype=XSD.decimal)),
        MEDIATION,
        KG.confidence,
        "MaxInclusiveConstraintComponent",
    ),
    "confidence not a decimal": (
        set_value(ROLE_HOLDING, KG.confidence, Literal(0.5)),  # xsd:double
        ROLE_HOLDING,
        KG.confidence,
        "DatatypeConstraintComponent",
    ),
    "unknown status": (
        set_value(MEDIATION, KG.status, Literal("happened")),
        MEDIATION,
        KG.status,
        "InConstraintComponent",
    ),
    "invalid date literal": (
        set_value(MEDIATION, KG.date, Literal("2024-13-45", datatype=XSD.date)),
        MEDIATION,
        KG.date,
        "DatatypeConstraintComponent",
    ),
    "date as a plain string": (
        set_value(MEDIATION, KG.date, Literal("2024-05-06")),
        MEDIATION,
        KG.date,
        "DatatypeConstraintComponent",
    ),
    "unknown mediation kind": (
        set_value(MEDIATION, KG.mediationKind, Literal("arbiter")),
        MEDIATION,
        KG.mediationKind,
        "InConstraintComponent",
    ),
    "stated not a boolean": (
        set_value(MEDIATION, KG.stated, Literal("yes")),
        MEDIATION,
        KG.stated,
        "DatatypeConstraintComponent",
    ),
    "event without evidence": (
        lambda g: g.remove((MEDIATION, KG.evidence, None)),
        MEDIATION,
        KG.evidence,
        "MinCountConstraintComponent",
    ),
    "evidence from another document": (
        set_value(MENTION, KG.source, ID["doc/other"]),
        MEDIATION,
        KG.evidence,
        "SPARQLConstraintComponent",
    ),
    "participant not materialised": (
        lambda g: g.remove((MEDIATION, KG.participant, QATAR)),
        MEDIATION,
        KG.mediator,
        "SPARQLConstraintComponent",
    ),
    "negative begin": (
        lambda g: (g.set((MENTION, KG.begin, Literal(-1))), g.set((MENTION, KG.end, Literal(44)))),
        MENTION,
        KG.begin,
        "MinInclusiveConstraintComponent",
    ),
    "begin after end": (
        lambda g: (g.set((MENTION, KG.begin, Literal(50))), g.set((MENTION, KG.end, Literal(5)))),
        MENTION,
        KG.begin,
        "LessThanOrEqualsConstraintComponent",
    ),
    "span without sentence": (
        lambda g: g.remove((MENTION, KG.sentence, None)),
        MENTION,
        KG.sentence,
        "MinCountConstraintComponent",
    ),
    "mention with two sources": (
        lambda g: g.add((MENTION, KG.source, ID["doc/other"])),
        MENTION,
        KG.source,
        "MaxCountConstraintComponent",
    ),
    "role holding without role": (
        lambda g: g.remove((ROLE_HOLDING, KG.role, None)),
        ROLE_HOLDING,
        KG.role,
        "MinCountConstraintComponent",
    ),
    "role held by a country": (
        set_value(ROLE_HOLDING, KG.heldBy, QATAR),
        ROLE_HOLDING,
        KG.heldBy,
        "ClassConstraintComponent",
    ),
    "unknown qualifier": (
        set_value(ROLE_HOLDING, KG.qualifier, Literal("ex")),
        ROLE_HOLDING,
        KG.qualifier,
        "InConstraintComponent",
    ),
    "document with two identifiers": (
        lambda g: g.add((DOC, DCTERMS.identifier, Literal("doc-1-bis"))),
        DOC,
        DCTERMS.identifier,
        "MaxCountConstraintComponent",
    ),
    "lower-case alpha-3 code": (
        set_value(QATAR, KG.iso3166Alpha3, Literal("qat")),
        QATAR,
        KG.iso3166Alpha3,
        "PatternConstraintComponent",
    ),
    "wikidata link outside Wikidata": (
        set_value(QATAR, KG.wikidata, ID["wikidata/Q846"]),
        QATAR,
        KG.wikidata,
        "PatternConstraintComponent",
    ),
}


@pytest.mark.parametrize("case", list(BREAKAGES))
def test_shapes_reject(base, case):
    change, focus, path, component = BREAKAGES[case]
    report = ontology_tools.validate(changed(base, change))
    assert not report.conforms
    assert report.violations == len(report.findings) >= 1
    found = {(f.focus, f.path, f.component) for f in report.findings}
    expected = (str(focus), None if path is None else str(path), component)
    assert expected in found, report.text


def test_shapes_report_text_explains_mediation_parties(base):
    report = ontology_tools.validate(
        changed(base, lambda g: g.remove((MEDIATION, KG.party, HAMAS)))
    )
    assert "kg:partiesUnnamed" in report.text
    assert str(MEDIATION) in report.text


def test_shapes_quote_message_gives_both_lengths(base):
    graph = changed(base, set_value(MENTION, KG.quote, Literal("Qatar mediated talks")))
    (finding,) = ontology_tools.validate(graph).findings
    assert finding.message == "kg:quote has 20 characters but kg:end - kg:begin is 45."


def allowed_values(path: URIRef) -> list[str]:
    shapes = Graph().parse(
        data=ontology_tools.ontology_path("shapes.ttl").read_text(), format="turtle"
    )
    (shape,) = [s for s in shapes.subjects(SH.path, path) if shapes.value(s, SH["in"])]
    return [str(v) for v in Collection(shapes, shapes.value(shape, SH["in"]))]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (KG.status, records.STATUSES),
        (KG.mediationKind, records.MEDIATION_KINDS),
        (KG.qualifier, typing.get_args(records.Qualifier)),
    ],
)
def test_shapes_value_lists_match_records(path, expected):
    # The values are the ontology's SKOS concepts, one per value the records use (issue 11).
    assert allowed_values(path) == [str(value_triples(URIRef("x:e"), path, v)[0][2]) for v in expected]


def test_shapes_are_valid_shacl():
    import pyshacl

    shapes = Graph().parse(
        data=ontology_tools.ontology_path("shapes.ttl").read_text(), format="turtle"
    )
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text
