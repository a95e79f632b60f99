"""One meeting, call, talks or mediation across documents; different days stay different."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.merge import links_graph_iri, merge_datasets
from kg.rdf.iris import event_iri
from kg.settings import Settings
from kg.store.queries import load_query, run_query
from kg.vocab import KG
from tests.merge.docs import Doc

BASE = Settings().base_iri
LINKS = ox.NamedNode(links_graph_iri(BASE))
KGO = "https://w3id.org/kg-news/ontology/kg#"
CLOSE_MATCH = "http://www.w3.org/2004/02/skos/core#closeMatch"


def canonical(store: ox.Store, node: str) -> str:
    for quad in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(KGO + "canonical"), None, LINKS):
        return quad.object.value
    return node


def objects(store: ox.Store, node: str, prop: str) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(KGO + prop), None, LINKS)}


def meeting(doc_id: str, published: date, day: date | None, *, status: str = "held", text: str | None = None,
            place: bool = True, second: tuple[str, str, str] = ("Emmanuel Macron", "macron", "FRA")) -> Doc:
    """A report of Zelensky meeting someone (Macron by default) in Kyiv."""
    name, key, country = second
    text = text or f"Volodymyr Zelensky met {name} in Kyiv."
    d = Doc(doc_id, text, published)
    kyiv = d.place("kyiv", "Kyiv", "Kyiv", "UKR") if place else None
    d.event("meeting", "meeting", text[:-1], d.person("zelensky", "Volodymyr Zelensky", country="UKR"),
            d.person(key, name, country=country), when=day, status=status, location=kyiv)
    return d


def test_events_same_meeting_in_two_documents_is_one_event():
    # "on Monday" in a story published on Monday, and "yesterday" in one published on Tuesday:
    # both resolved to 4 March by the language layer.
    a = meeting("mon-1", date(2024, 3, 4), date(2024, 3, 4))
    b = meeting("tue-2", date(2024, 3, 5), date(2024, 3, 4))
    store = merge_datasets([a.graph(), b.graph()])
    first, second = str(event_iri("mon-1", "meeting")), str(event_iri("tue-2", "meeting"))
    rep = canonical(store, first)
    assert rep == canonical(store, second) != first
    assert objects(store, rep, "source") == {str(a.graph().identifier), str(b.graph().identifier)}
    evidence = objects(store, rep, "evidence")
    assert len(evidence) == 2 and all("/mention/" in m for m in evidence)
    assert objects(store, rep, "date") == {"2024-03-04"}
    assert objects(store, rep, "status") == {str(KG.StatusHeld)}  # a SKOS concept (issue 11)


def test_events_meetings_on_different_days_stay_two():
    a = meeting("mon-1", date(2024, 3, 4), date(2024, 3, 4))
    b = meeting("fri-2", date(2024, 3, 8), date(2024, 3, 8))
    store = merge_datasets([a.graph(), b.graph()])
    first, second = str(event_iri("mon-1", "meeting")), str(event_iri("fri-2", "meeting"))
    assert canonical(store, first) == first and canonical(store, second) == second
    rows = run_query(load_query("meetings"), store).rows
    assert len({r["event"] for r in rows}) == 2
    assert len({r["participant"] for r in rows}) == 2  # the people are still one each


def test_events_conflicting_status_is_kept_with_each_source():
    a = meeting("a-1", date(2024, 3, 4), date(2024, 3, 4), status="held")
    b = meeting("b-2", date(2024, 3, 4), date(2024, 3, 4), status="postponed")
    store = merge_datasets([a.graph(), b.graph()])
    rep = canonical(store, str(event_iri("a-1", "meeting")))
    assert objects(store, rep, "status") == set()  # the canonical event takes no side
    rows = run_query(load_query("meetings"), store).rows
    assert {(r["event"], r["status"], r["documentId"]) for r in rows} == {
        (rep, "held", "a-1"), (rep, "postponed", "b-2")}
    link = store.query(f"""PREFIX kg: <{KGO}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?e WHERE {{ GRAPH <{LINKS.value}> {{ ?l rdf:subject <{event_iri('b-2', 'meeting')}> ;
        kg:matchEvidence ?e FILTER(STRSTARTS(?e, "statuses differ")) }} }}""")
    assert [row["e"].value for row in link] == ["statuses differ: held (a-1); postponed (b-2)"]


def test_events_different_places_in_different_countries_stay_two():
    a = meeting("a-1", date(2024, 3, 4), date(2024, 3, 4))
    b = Doc("b-2", "Volodymyr Zelensky met Emmanuel Macron in Paris.", date(2024, 3, 4))
    paris = b.place("paris", "Paris", "Paris", "FRA")
    b.event("meeting", "meeting", "met Emmanuel Macron in Paris",
            b.person("zelensky", "Volodymyr Zelensky", country="UKR"),
            b.person("macron", "Emmanuel Macron", country="FRA"), when=date(2024, 3, 4), location=paris)
    store = merge_datasets([a.graph(), b.graph()])
    first = str(event_iri("a-1", "meeting"))
    assert canonical(store, first) == first


def test_events_different_people_on_the_same_day_stay_two():
    a = meeting("a-1", date(2024, 3, 4), date(2024, 3, 4))
    b = meeting("b-2", date(2024, 3, 4), date(2024, 3, 4), second=("Olaf Scholz", "scholz", "DEU"),
                text="Volodymyr Zelensky met Olaf Scholz in Kyiv.")
    store = merge_datasets([a.graph(), b.graph()])
    assert canonical(store, str(event_iri("a-1", "meeting"))) == str(event_iri("a-1", "meeting"))


def test_events_undated_report_is_only_a_candidate():
    a = meeting("a-1", date(2024, 3, 4), date(2024, 3, 4))
    b = meeting("b-2", date(2024, 3, 5), None, text="Volodymyr Zelensky met Emmanuel Macron in Kyiv recently.")
    store = merge_datasets([a.graph(), b.graph()])
    undated, dated = str(event_iri("b-2", "meeting")), str(event_iri("a-1", "meeting"))
    assert canonical(store, undated) == undated
    assert objects(store, undated, "canonical") == set()
    close = {q.object.value
             for q in store.quads_for_pattern(ox.NamedNode(undated), ox.NamedNode(CLOSE_MATCH), None, LINKS)}
    assert close == {dated}


def test_events_mediation_from_two_reports_and_the_reverse_roles():
    def mediation(doc_id: str, mediator: str, parties: tuple[str, str]) -> Doc:
        d = Doc(doc_id, f"{mediator} mediated between {parties[0]} and {parties[1]}.", date(2024, 6, 2))
        codes = {"Qatar": "QAT", "Israel": "ISR", "Egypt": "EGY"}
        d.event("mediation", "mediation", f"{mediator} mediated", (d.country(codes[mediator]), "mediator"),
                (d.country(codes[parties[0]]), "party"), (d.country(codes[parties[1]]), "party"),
                when=date(2024, 6, 1), mediation_kind="mediator", stated=True)
        return d

    a = mediation("a-1", "Qatar", ("Israel", "Egypt"))
    b = mediation("b-2", "Qatar", ("Egypt", "Israel"))
    c = mediation("c-3", "Egypt", ("Qatar", "Israel"))  # Egypt mediating, Qatar a party: another one
    store = merge_datasets([a.graph(), b.graph(), c.graph()])
    ra, rb, rc = (canonical(store, str(event_iri(d, "mediation"))) for d in ("a-1", "b-2", "c-3"))
    assert ra == rb != rc
    rows = run_query(load_query("mediations"), store).rows
    assert {r["mediation"] for r in rows} == {ra, rc}
    assert {(r["mediatorLabel"], r["partyLabel"], r["documentId"]) for r in rows if r["mediation"] == ra} == {
        ("Qatar", "Israel", "a-1"), ("Qatar", "Egypt", "a-1"), ("Qatar", "Israel", "b-2"), ("Qatar", "Egypt", "b-2")}


def test_events_visit_the_other_way_round_is_another_visit():
    def visit(doc_id: str, visitor: str, host: str) -> Doc:
        d = Doc(doc_id, f"{visitor} visited {host}.", date(2024, 6, 2))
        d.event("visit", "visit", f"{visitor} visited {host}", (d.country(visitor), "visitor"),
                (d.country(host), "host"), when=date(2024, 6, 1))
        return d

    store = merge_datasets([visit("a-1", "POL", "UKR").graph(), visit("b-2", "UKR", "POL").graph(),
                            visit("c-3", "POL", "UKR").graph()])
    ra, rb, rc = (canonical(store, str(event_iri(d, "visit"))) for d in ("a-1", "b-2", "c-3"))
    assert ra == rc != rb
