"""kg's Python API as a notebook uses it: ``kg.api.extract`` and ``kg.api.extract_records``."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, PROV

import kg
from kg import api
from kg.records import Country, DocumentRecords, Event, Person, RoleHolding
from kg.vocab import KG

pytestmark = pytest.mark.model

TEXT = (
    "Norwegian Foreign Minister Ingrid Halvorsen mediated talks between Colombia and Venezuela "
    "in Oslo on Monday.\n\nThe two delegations agreed to meet again next month, Halvorsen told reporters."
)
PUBLISHED = date(2025, 3, 12)  # a Wednesday: "on Monday" is 2025-03-10


def named_graphs(dataset: Dataset) -> list[Graph]:
    return [g for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]


def assert_same(first: Graph, second: Graph) -> None:
    if isomorphic(first, second):
        return
    _, only_first, only_second = graph_diff(to_isomorphic(first), to_isomorphic(second))
    pytest.fail("graphs differ\nonly in the first:\n" + "\n".join(sorted(t.n3() for t in only_first))
                + "\nonly in the second:\n" + "\n".join(sorted(t.n3() for t in only_second)))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return api.extract(TEXT, PUBLISHED, doc_id="oslo-talks")


def test_api_extract_returns_one_named_graph_with_the_mediation(dataset: Dataset) -> None:
    assert isinstance(dataset, Dataset)
    graphs = named_graphs(dataset)
    assert len(graphs) == 1
    graph = graphs[0]
    assert len(dataset.default_graph) == 0
    # The graph is named by its document, which carries the caller's id.
    assert (graph.identifier, RDF.type, KG.Document) in graph
    assert (graph.identifier, DCTERMS.identifier, Literal("oslo-talks")) in graph

    mediations = list(graph.subjects(RDF.type, KG.Mediation))
    assert len(mediations) == 1
    mediation = mediations[0]
    mediator = graph.value(mediation, KG.mediator)
    assert graph.value(mediator, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == Literal(
        "Ingrid Halvorsen", lang="en")
    parties = {str(p).rsplit("/", 1)[-1] for p in graph.objects(mediation, KG.party)}
    assert parties == {"COL", "VEN"}
    assert (mediation, KG.source, graph.identifier) in graph
    assert graph.value(mediation, KG.evidence) is not None


def test_api_extract_records_returns_typed_records() -> None:
    records = api.extract_records(TEXT, PUBLISHED, doc_id="oslo-talks")

    assert isinstance(records, DocumentRecords)
    assert records.article.id == "oslo-talks" and records.article.published == PUBLISHED
    assert records.model  # the model that produced them, for provenance
    assert all(isinstance(p, Person) for p in records.persons)
    assert all(isinstance(c, Country) for c in records.countries)
    assert all(isinstance(r, RoleHolding) for r in records.roles)
    assert all(isinstance(e, Event) for e in records.events)

    halvorsen = next(p for p in records.persons if p.name == "Ingrid Halvorsen")
    assert halvorsen.country == "NOR"
    assert "Halvorsen" in halvorsen.aliases or len(halvorsen.mentions) >= 2
    for mention in halvorsen.mentions:
        assert TEXT[mention.begin:mention.end] == mention.text
    assert {(r.person, r.title, r.of_country) for r in records.roles} >= {
        (halvorsen.key, "Foreign Minister", "NOR")}

    mediation = next(e for e in records.events if e.kind == "mediation")
    roles = {(p.entity.kind, p.entity.key, p.role) for p in mediation.participants}
    assert roles == {("person", halvorsen.key, "mediator"), ("country", "COL", "party"),
                     ("country", "VEN", "party")}
    assert mediation.stated is True and 0 < mediation.confidence <= 1
    talks = [e for e in records.events if e.kind == "talks"]
    assert talks and any(e.date == date(2025, 3, 10) for e in talks + [mediation])


def test_api_extract_is_deterministic(dataset: Dataset) -> None:
    again = api.extract(TEXT, PUBLISHED, doc_id="oslo-talks")

    # Only the extraction's PROV start and end times differ between runs.
    first, second = ([_without_times(g) for g in named_graphs(d)] for d in (dataset, again))
    assert [g.identifier for g in first] == [g.identifier for g in second]
    assert_same(first[0], second[0])
    # Without blank nodes, isomorphic means equal: the same triples, IRI for IRI.
    assert set(first[0]) == set(second[0])


def _without_times(graph: Graph) -> Graph:
    kept = Graph(identifier=graph.identifier)
    for triple in graph:
        if triple[1] not in (PROV.startedAtTime, PROV.endedAtTime):
            kept.add(triple)
    return kept


def test_api_extract_iris_depend_on_the_document_id(dataset: Dataset) -> None:
    other = named_graphs(api.extract(TEXT, PUBLISHED, doc_id="another-id"))[0]
    ours = named_graphs(dataset)[0]
    assert other.identifier != ours.identifier
    # Countries and roles are global; people and events belong to their document.
    countries = set(ours.subjects(RDF.type, KG.Country))
    assert countries and countries == set(other.subjects(RDF.type, KG.Country))
    assert set(ours.subjects(RDF.type, KG.Person)).isdisjoint(other.subjects(RDF.type, KG.Person))


def test_api_extract_has_no_blank_nodes(dataset: Dataset) -> None:
    quads = list(dataset.quads((None, None, None, None)))
    assert quads
    blank = [q for q in quads if any(isinstance(term, BNode) for term in q)]
    assert not blank, f"blank nodes in the output: {blank[:3]}"


def test_api_extract_without_a_date() -> None:
    graph = named_graphs(api.extract("Ghanaian President Kwame Mensah met Togolese President Koffi Adjovi."))[0]
    assert str(graph.value(graph.identifier, DCTERMS.identifier)).startswith("text-")
    assert (None, RDF.type, KG.Meeting) in graph
    assert graph.value(graph.identifier, DCTERMS.issued) is None


def test_api_top_level_extract() -> None:
    """Issue 2 names ``kg.extract(text, published=None)`` for notebooks."""
    dataset = kg.extract(TEXT, PUBLISHED)
    assert len(named_graphs(dataset)) == 1


def test_api_published_may_be_an_iso_string_or_a_datetime() -> None:
    from datetime import datetime

    from kg.errors import KgError

    expected = kg.extract_records(TEXT, PUBLISHED)
    assert kg.extract_records(TEXT, "2025-03-12") == expected
    assert kg.extract_records(TEXT, datetime(2025, 3, 12, 9, 30)) == expected
    mediation = next(e for e in expected.events if e.kind == "talks")
    assert mediation.date == date(2025, 3, 10)
    with pytest.raises(KgError, match="'12/03/2025' is not a date"):
        kg.extract_records(TEXT, "12/03/2025")


def test_api_extract_serialises_as_a_graph_and_keeps_the_named_graph(dataset: Dataset) -> None:
    """An rdflib user serialises the result as Turtle and iterates its triples; TriG keeps the graph."""
    graph = named_graphs(dataset)[0]
    triples = set(dataset.triples((None, None, None)))
    assert triples == set(graph)
    assert len(dataset) == len(graph) > 0
    assert set(dataset.subjects(RDF.type, KG.Mediation)) == set(graph.subjects(RDF.type, KG.Mediation))

    turtle = Graph().parse(data=dataset.serialize(format="turtle"), format="turtle")
    assert set(turtle) == set(graph)
    trig = Dataset().parse(data=dataset.serialize(format="trig"), format="trig")
    assert [g.identifier for g in named_graphs(trig)] == [graph.identifier]
    nquads = dataset.serialize(format="nquads")
    assert all(line.rstrip(" .").endswith(f"<{graph.identifier}>") for line in nquads.splitlines() if line)
    rows = list(dataset.query("SELECT ?m WHERE { ?m a kg:Mediation }", initNs={"kg": KG}))
    assert len(rows) == 1


def test_api_default_document_id_is_a_hash_of_the_text() -> None:
    first = named_graphs(kg.extract(TEXT, PUBLISHED))[0].identifier
    assert named_graphs(kg.extract(TEXT, PUBLISHED))[0].identifier == first
    other_text = TEXT.replace("Monday", "Tuesday")
    assert named_graphs(kg.extract(other_text, PUBLISHED))[0].identifier != first
    records = kg.extract_records(TEXT, PUBLISHED)
    assert records.article.id.startswith("text-") and len(records.article.id) == len("text-") + 16


@pytest.mark.parametrize(("arguments", "message"), [
    ((TEXT.encode("utf-8"),), "text is bytes, not a string"),
    ((None,), "text must be a string, not NoneType"),
    (("Talks. " * 1_500_000,), "text is too long: 10,500,000 characters"),
    (("   \n",), "text is empty"),
    (("Talks\x00 resumed.",), "NUL character"),
    ((TEXT, PUBLISHED, 42), "doc_id must be a string, not int"),
    ((TEXT, PUBLISHED, ""), "doc_id is empty"),
    ((TEXT, 20250312), "published must be a date"),
])
def test_api_user_errors_are_one_line_kg_errors(arguments: tuple, message: str) -> None:
    from kg.errors import KgError

    text, *rest = arguments
    published = rest[0] if rest else None
    keywords = {"doc_id": rest[1]} if len(rest) > 1 else {}
    for function in (kg.extract, kg.extract_records):
        with pytest.raises(KgError, match=message) as raised:
            function(text, published, **keywords)
        assert "\n" not in str(raised.value)


def test_api_settings_of_the_wrong_type_is_a_kg_error() -> None:
    from kg.errors import KgError

    with pytest.raises(KgError, match="settings must be a kg.settings.Settings, not dict"):
        kg.extract(TEXT, settings={"model": "en_core_web_sm"})


@pytest.mark.parametrize(("settings", "message"), [
    ({"base_iri": "not an iri"}, "base IRI 'not an iri' is not an absolute IRI"),
    ({"workers": 0}, "workers must be a whole number of at least 1"),
])
def test_api_bad_settings_are_kg_errors(settings: dict, message: str) -> None:
    from kg.errors import KgError
    from kg.settings import Settings

    with pytest.raises(KgError, match=message):
        kg.extract(TEXT, settings=Settings(**settings))


def test_api_merging_something_that_is_no_graph_is_a_kg_error() -> None:
    from kg.errors import KgError
    from kg.merge import merge_datasets

    with pytest.raises(KgError, match="cannot merge a int"):
        merge_datasets([42])
