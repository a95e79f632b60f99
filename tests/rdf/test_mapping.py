"""Records -> graph: golden graphs per case, plus the mapping's invariants."""

from __future__ import annotations

import dataclasses
import doctest
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import graph_diff, to_isomorphic

from kg.errors import KgError
from kg.rdf import iris, mapping
from kg.rdf.mapping import records_to_dataset, records_to_graph
from kg.rdf.ontology import validate
from kg.records import EntityRef, Event, Frame, Participant
from kg.settings import Settings
from kg.vocab import KG

GOLDEN_DIR = Path(__file__).parent.parent / "golden"
CASES = sorted(p.name for p in GOLDEN_DIR.iterdir() if (p / "records.py").is_file())
SETTINGS = Settings()
SPECIFIC = (KG.mediator, KG.party, KG.host, KG.visitor, KG.speaker)


def _nt_lines(graph: Graph) -> str:
    return "\n".join(sorted(line for line in graph.serialize(format="nt").splitlines() if line))


def test_mapping_doctests_pass():
    result = doctest.testmod(mapping)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("case", CASES)
def test_mapping_matches_golden_graph(case, golden_records, update_golden):
    actual = records_to_graph(golden_records[case], SETTINGS)
    expected_path = GOLDEN_DIR / case / "expected.ttl"
    if update_golden:
        expected_path.write_text(actual.serialize(format="longturtle", canon=True), "utf-8")
        pytest.skip(f"rewrote {expected_path}")
    expected = Graph().parse(expected_path, format="turtle")
    iso_actual, iso_expected = to_isomorphic(actual), to_isomorphic(expected)
    if iso_actual != iso_expected:
        _, only_actual, only_expected = graph_diff(iso_actual, iso_expected)
        pytest.fail(
            f"{case}: graph differs from {expected_path.name} "
            f"(rerun with --update-golden if the change is intended)\n"
            f"--- only in expected ({len(only_expected)})\n{_nt_lines(only_expected)}\n"
            f"+++ only in actual ({len(only_actual)})\n{_nt_lines(only_actual)}"
        )


@pytest.mark.parametrize("case", CASES)
def test_mapping_golden_graph_conforms_to_shapes(case, golden_records):
    report = validate(records_to_graph(golden_records[case], SETTINGS))
    assert report.conforms, report.text


@pytest.mark.parametrize("case", CASES)
def test_mapping_invariants(case, golden_records):
    records = golden_records[case]
    graph = records_to_graph(records, SETTINGS)
    doc = iris.document_iri(records.article.id, SETTINGS.base_iri)

    assert graph.identifier == doc
    assert (doc, RDF.type, KG.Document) in graph
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    # Every specific participant is also a plain participant.
    for prop in SPECIFIC:
        for event, agent in graph.subject_objects(prop):
            assert (event, KG.participant, agent) in graph
    # Labels carry the language; dates and confidences their datatypes.
    for label in graph.objects(None, RDFS.label):
        assert isinstance(label, Literal) and label.language == "en"
    for value in graph.objects(None, KG.date):
        assert value.datatype == ns.XSD.date
    for value in graph.objects(None, KG.confidence):
        assert value.datatype == ns.XSD.decimal
        assert len(str(value).split(".")[1]) == 2
    # One mention node per distinct span, each quoting the article's text.
    spans = list(graph.subjects(RDF.type, KG.Mention))
    text = records.article.text
    for mention in spans:
        begin = int(graph.value(mention, KG.begin))
        end = int(graph.value(mention, KG.end))
        assert str(graph.value(mention, KG.quote)) == text[begin:end]
        assert (mention, KG.source, doc) in graph
    assert len(spans) == len({(int(graph.value(m, KG.begin)), int(graph.value(m, KG.end)))
                              for m in spans})


def test_mapping_shares_one_mention_per_span(golden_records):
    records = golden_records["oslo-talks"]
    graph = records_to_graph(records, SETTINGS)
    talks = iris.event_iri(records.article.id, "talks oslo")
    mediation = iris.event_iri(records.article.id, "mediation oslo")
    shared = set(graph.objects(talks, KG.evidence)) & set(graph.objects(mediation, KG.evidence))
    assert len(shared) == 1


def test_mapping_rounds_confidence_half_up(golden_records):
    records = golden_records["oslo-talks"]
    graph = records_to_graph(records, SETTINGS)
    values = {str(v) for v in graph.objects(None, KG.confidence)}
    assert "0.88" in values  # 0.876
    assert mapping.confidence_literal(0.125) == Literal("0.13", datatype=ns.XSD.decimal)
    assert mapping.confidence_literal(1) == Literal("1.00", datatype=ns.XSD.decimal)


def test_mapping_acts_for_country_and_organisation(golden_records):
    records = golden_records["oslo-talks"]
    graph = records_to_graph(records, SETTINGS)
    ibarra = iris.person_iri(records.article.id, "tomas ibarra")
    assert set(graph.objects(ibarra, KG.actsFor)) == {
        iris.country_iri("COL"),
        iris.org_iri(records.article.id, "colombian government", False),
    }
    un = iris.org_iri(records.article.id, "united nations", True)
    assert (un, RDF.type, KG.InternationalOrganization) in graph
    assert str(un).endswith("/org/united-nations")


def test_mapping_types_countries_known_only_by_code(golden_records):
    graph = records_to_graph(golden_records["doha-unnamed"], SETTINGS)
    qatar = iris.country_iri("QAT")
    assert (qatar, RDF.type, KG.Country) in graph
    assert (qatar, KG.iso3166Alpha3, Literal("QAT")) in graph


def test_mapping_uses_the_settings_base_and_language(golden_records):
    settings = Settings(base_iri="https://example.org/x/", language="en-GB")
    graph = records_to_graph(golden_records["oslo-talks"], settings)
    # (The value concepts, e.g. kg:StatusHeld with its notation, are the ontology's.)
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef) and not s.startswith(str(KG))}
    assert all(str(s).startswith("https://example.org/x/") for s in subjects)
    assert {label.language.lower() for label in graph.objects(None, RDFS.label)} == {"en-gb"}


def test_mapping_binds_only_kg_prefixes(golden_records):
    graph = records_to_graph(golden_records["oslo-talks"], SETTINGS)
    bound = dict(graph.namespaces())
    for prefix, namespace in mapping.PREFIXES.items():
        assert str(bound[prefix]) == namespace
    assert "schema" in bound and str(bound["schema"]) == "https://schema.org/"
    assert "foaf" not in bound


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        (EntityRef("person", "nobody"), "no person record"),
        (EntityRef("organization", "nothing"), "no organization record"),
        (EntityRef("place", "nowhere"), "no place record"),
        (EntityRef("country", "Norway"), "alpha-3"),
    ],
)
def test_mapping_refuses_dangling_references(golden_records, ref, message):
    records = golden_records["doha-unnamed"]
    bad = Event(key="bad", kind="meeting", participants=(Participant(ref),),
                evidence=records.events[0].evidence, confidence=0.5)
    with pytest.raises(KgError, match=message):
        records_to_graph(dataclasses.replace(records, events=(*records.events, bad)), SETTINGS)


def test_mapping_refuses_unknown_concerned_event(golden_records):
    records = golden_records["doha-unnamed"]
    bad = dataclasses.replace(records.events[-1], concerns=("no such talks",))
    with pytest.raises(KgError, match="concerns unknown"):
        records_to_graph(dataclasses.replace(records, events=(bad,)), SETTINGS)


def _with_frame(records):
    """The Oslo records with the talks' sides as a frame the mediation takes its parties from."""
    talks = records.events[0]
    frame = Frame(key="frame-0-1", kind="talks", sides=tuple(p.entity for p in talks.participants),
                  salience=3.0, via="between", evidence=talks.evidence)
    mediation = dataclasses.replace(records.events[1], frame=frame.key,
                                    reason="parties from the frame its sentence names")
    return dataclasses.replace(records, frames=(frame,), events=(talks, mediation, *records.events[2:]))


def test_mapping_frames_and_the_mediation_that_uses_one(golden_records):
    records = _with_frame(golden_records["oslo-talks"])
    graph = records_to_graph(records, SETTINGS)
    doc_id = records.article.id
    frame = iris.frame_iri(doc_id, "frame-0-1", SETTINGS.base_iri)
    mediation = iris.event_iri(doc_id, "mediation oslo", SETTINGS.base_iri)
    assert (frame, RDF.type, KG.DisputeFrame) in graph
    assert len(set(graph.objects(frame, KG.side))) == 2
    assert graph.value(frame, KG.frameKind) == Literal("talks")
    assert graph.value(frame, KG.salience).toPython() == 3
    assert (mediation, KG.partiesFrom, frame) in graph
    report = validate(graph)
    assert report.conforms, report.text


def test_mapping_refuses_unknown_frame(golden_records):
    records = _with_frame(golden_records["oslo-talks"])
    with pytest.raises(KgError, match="unknown frame"):
        records_to_graph(dataclasses.replace(records, frames=()), SETTINGS)


def test_mapping_dataset_has_one_graph_per_document(golden_records):
    oslo, doha = golden_records["oslo-talks"], golden_records["doha-unnamed"]
    dataset = records_to_dataset([oslo, doha, oslo], SETTINGS)
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {iris.document_iri(r.article.id) for r in (oslo, doha)}
    for records in (oslo, doha):
        expected = records_to_graph(records, SETTINGS)
        stored = dataset.graph(iris.document_iri(records.article.id))
        assert to_isomorphic(stored) == to_isomorphic(expected)


def test_mapping_leaves_out_a_relative_url(golden_records, caplog):
    records = golden_records["doha-unnamed"]
    article = dataclasses.replace(records.article, url="news/item.html")
    graph = records_to_graph(dataclasses.replace(records, article=article), SETTINGS)
    assert not list(graph.objects(None, mapping.SCHEMA.url))
    assert "not absolute" in caplog.text
