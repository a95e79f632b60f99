"""Canonical people, organisations and countries across documents, with the reasons recorded."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.merge import links_graph_iri, merge_datasets
from kg.settings import Settings
from kg.vocab import KG
from tests.merge.docs import Doc

BASE = Settings().base_iri
LINKS = ox.NamedNode(links_graph_iri(BASE))
KGO = "https://w3id.org/kg-news/ontology/kg#"
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
CLOSE_MATCH = "http://www.w3.org/2004/02/skos/core#closeMatch"
WD = Namespace("http://www.wikidata.org/entity/")


def canonical(store: ox.Store, node: str) -> str:
    for quad in store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(KGO + "canonical"), None, LINKS):
        return quad.object.value
    return node


def person(doc_id: str, key: str) -> str:
    from kg.rdf.iris import person_iri

    return str(person_iri(doc_id, key))


def links_of(store: ox.Store, node: str, relation: str) -> list[dict[str, object]]:
    """The identity links between ``node`` and another under ``relation`` (skos:closeMatch is
    symmetric: either side may be the subject), as plain dicts naming the other side."""
    found = []
    query = f"""
        PREFIX kg: <{KGO}>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?link ?object ?rule ?confidence (GROUP_CONCAT(?evidence; separator=" | ") AS ?evidences)
        WHERE {{ GRAPH <{LINKS.value}> {{
            {{ ?link rdf:subject <{node}> ; rdf:object ?object }}
            UNION {{ ?link rdf:object <{node}> ; rdf:subject ?object FILTER(<{relation}> != <{SAME_AS}>) }}
            ?link a kg:IdentityLink ; rdf:predicate <{relation}> ;
                  kg:matchRule ?rule ; kg:confidence ?confidence ; kg:matchEvidence ?evidence .
        }} }} GROUP BY ?link ?object ?rule ?confidence ORDER BY ?object"""
    for row in store.query(query):
        found.append({"object": row["object"].value, "rule": row["rule"].value,
                      "confidence": float(row["confidence"].value), "evidence": row["evidences"].value})
    return found


# -- people ------------------------------------------------------------------------------------


def zelensky_documents() -> list[Doc]:
    docs = []
    d = Doc("kyiv-1", "President Zelensky met Emmanuel Macron in Kyiv.", date(2024, 3, 4))
    d.event("m", "meeting", "met Emmanuel Macron in Kyiv",
            d.person("zelensky", "President Zelensky", country="UKR", title="President"),
            d.person("macron", "Emmanuel Macron", country="FRA"), when=date(2024, 3, 4))
    docs.append(d)
    d = Doc("wire-2", "Volodymyr Zelenskyy spoke in Brussels.", date(2024, 3, 5))
    d.person("zelenskyy", "Volodymyr Zelenskyy", country="UKR")
    docs.append(d)
    d = Doc("wire-3", "Zelenskiy thanked Macron.", date(2024, 3, 6))
    d.event("call", "phone_call", "Zelenskiy thanked Macron", d.person("zelenskiy", "Zelenskiy", country="UKR"),
            d.person("macron", "Macron", country="FRA"), when=date(2024, 3, 6))
    docs.append(d)
    d = Doc("wire-4", "Volodymyr Zelensky arrived.", date(2024, 3, 7))
    d.person("vz", "Volodymyr Zelensky", country="UKR")
    docs.append(d)
    d = Doc("wire-5", "Zelensky said so.", date(2024, 3, 8))
    d.person("z", "Zelensky")  # no country given by this report
    docs.append(d)
    return docs


def test_entities_name_variants_are_one_person():
    docs = zelensky_documents()
    store = merge_datasets([d.graph() for d in docs])
    nodes = [person("kyiv-1", "zelensky"), person("wire-2", "zelenskyy"), person("wire-3", "zelenskiy"),
             person("wire-4", "vz"), person("wire-5", "z")]
    reps = {canonical(store, n) for n in nodes}
    assert len(reps) == 1
    rep = reps.pop()
    assert rep.startswith(BASE + "canonical/person/")
    sources = {q.object.value
               for q in store.quads_for_pattern(ox.NamedNode(rep), ox.NamedNode(KGO + "source"), None, LINKS)}
    assert sources == {str(d.graph().identifier) for d in docs}
    names = {q.object.value for q in store.quads_for_pattern(ox.NamedNode(rep), None, None, LINKS)
             if q.predicate.value.endswith(("#label", "#altLabel"))}
    assert {"President Zelensky", "Volodymyr Zelenskyy", "Zelenskiy", "Volodymyr Zelensky", "Zelensky"} <= names


def test_entities_every_member_link_has_rule_evidence_and_confidence():
    store = merge_datasets([d.graph() for d in zelensky_documents()])
    rep = canonical(store, person("wire-3", "zelenskiy"))
    link = links_of(store, person("wire-3", "zelenskiy"), SAME_AS)
    assert [entry["object"] for entry in link] == [rep]
    assert link[0]["rule"].startswith("person-")
    assert link[0]["confidence"] >= 0.8
    assert "zelenski" in link[0]["evidence"].lower()
    # The triple the link node describes is asserted as well.
    member = ox.NamedNode(person("wire-3", "zelenskiy"))
    assert ox.Quad(member, ox.NamedNode(SAME_AS), ox.NamedNode(rep), LINKS) in store


def test_entities_shared_surname_in_other_countries_and_roles_stays_apart():
    a = Doc("pk-1", "Prime Minister Khan met the press.", date(2024, 5, 1))
    a.person("khan", "Prime Minister Khan", country="PAK", title="Prime Minister")
    b = Doc("uk-2", "Sadiq Khan, the Mayor of London, spoke.", date(2024, 5, 1))
    b.person("sadiq", "Sadiq Khan", country="GBR", title="Mayor")
    c = Doc("pk-3", "Imran Khan addressed parliament.", date(2024, 5, 2))
    c.person("imran", "Imran Khan", country="PAK")
    store = merge_datasets([a.graph(), b.graph(), c.graph()])
    pakistan = canonical(store, person("pk-1", "khan"))
    assert pakistan == canonical(store, person("pk-3", "imran"))  # the only Khan acting for Pakistan
    assert canonical(store, person("uk-2", "sadiq")) == person("uk-2", "sadiq")  # alone
    link = links_of(store, person("pk-1", "khan"), SAME_AS)[0]
    assert "the only person named" in link["evidence"] and "PAK" in link["evidence"]


def test_entities_ambiguous_surname_gets_candidates_not_identity():
    a = Doc("pk-1", "Imran Khan spoke.", date(2024, 5, 1))
    a.person("imran", "Imran Khan", country="PAK")
    b = Doc("pk-2", "Shahid Khan spoke.", date(2024, 5, 1))
    b.person("shahid", "Shahid Khan", country="PAK")
    c = Doc("pk-3", "Khan spoke.", date(2024, 5, 1))
    c.person("khan", "Khan", country="PAK")
    store = merge_datasets([a.graph(), b.graph(), c.graph()])
    khan = person("pk-3", "khan")
    assert canonical(store, khan) == khan
    assert links_of(store, khan, SAME_AS) == []
    candidates = links_of(store, khan, CLOSE_MATCH)
    assert {c["object"] for c in candidates} == {person("pk-1", "imran"), person("pk-2", "shahid")}
    assert all(0.5 <= c["confidence"] < 0.8 for c in candidates)
    assert canonical(store, person("pk-1", "imran")) != canonical(store, person("pk-2", "shahid"))


def test_entities_same_full_name_in_different_countries_stays_apart():
    a = Doc("eg-1", "Ahmed Ali spoke.", date(2024, 5, 1))
    a.person("ali", "Ahmed Ali", country="EGY")
    b = Doc("so-2", "Ahmed Ali spoke.", date(2024, 5, 1))
    b.person("ali", "Ahmed Ali", country="SOM")
    store = merge_datasets([a.graph(), b.graph()])
    assert canonical(store, person("eg-1", "ali")) == person("eg-1", "ali")
    assert canonical(store, person("so-2", "ali")) == person("so-2", "ali")
    assert links_of(store, person("eg-1", "ali"), CLOSE_MATCH) == []


def test_entities_co_occurrence_decides_between_namesakes():
    # Two Norwegians named Lunde; "Lunde" alone met Chile's envoy, as Sigrid Lunde did.
    a = Doc("no-1", "Sigrid Lunde met Chile's envoy.", date(2024, 5, 1))
    a.event("m", "meeting", "met Chile's envoy", a.person("lunde", "Sigrid Lunde", country="NOR"),
            a.country("CHL"), when=date(2024, 5, 1))
    b = Doc("no-2", "Eirik Lunde spoke.", date(2024, 5, 2))
    b.person("lunde", "Eirik Lunde", country="NOR")
    c = Doc("no-3", "Lunde met Chile's envoy again.", date(2024, 5, 3))
    c.event("m", "meeting", "Lunde met Chile's envoy again", c.person("lunde", "Lunde", country="NOR"),
            c.country("CHL"), when=date(2024, 5, 3))
    store = merge_datasets([a.graph(), b.graph(), c.graph()])
    sigrid, eirik, lunde = person("no-1", "lunde"), person("no-2", "lunde"), person("no-3", "lunde")
    assert canonical(store, lunde) == canonical(store, sigrid) != sigrid
    assert canonical(store, eirik) == eirik
    assert "both take part in events with CHL" in links_of(store, lunde, SAME_AS)[0]["evidence"]
    # Without the shared meeting, "Lunde" could be either: candidates only.
    c2 = Doc("no-3", "Lunde spoke.", date(2024, 5, 3))
    c2.person("lunde", "Lunde", country="NOR")
    store = merge_datasets([a.graph(), b.graph(), c2.graph()])
    assert canonical(store, lunde) == lunde
    assert {link["object"] for link in links_of(store, lunde, CLOSE_MATCH)} == {sigrid, eirik}


# -- organisations and countries -----------------------------------------------------------------


def test_entities_organisation_name_and_abbreviation():
    from kg.rdf.iris import org_iri

    a = Doc("a-1", "The Southern Front said.", date(2024, 5, 1))
    a.org("sf", "Southern Front", "Southern Front", kind="armed_group", country="SDN")
    b = Doc("b-2", "The SF said.", date(2024, 5, 2))
    b.org("sf", "SF", "SF", kind="armed_group", country="SDN")
    front, sf = str(org_iri("a-1", "sf", False)), str(org_iri("b-2", "sf", False))
    store = merge_datasets([a.graph(), b.graph()])
    assert canonical(store, front) == canonical(store, sf) != front
    assert links_of(store, sf, SAME_AS)[0]["rule"] == "org-abbreviation"
    # A second organisation SF could stand for: the abbreviation is only a candidate for each.
    c = Doc("c-3", "Southern Forces said.", date(2024, 5, 2))
    c.org("forces", "Southern Forces", "Southern Forces", country="SDN")
    forces = str(org_iri("c-3", "forces", False))
    store = merge_datasets([a.graph(), b.graph(), c.graph()])
    assert len({canonical(store, n) for n in (front, sf, forces)}) == 3
    candidates = links_of(store, sf, CLOSE_MATCH)
    assert {c["object"] for c in candidates} == {front, forces}
    assert all(c["rule"] == "org-abbreviation-ambiguous" for c in candidates)


def test_entities_organisation_from_the_table_is_its_shared_node():
    # kg's table has the African Union with a Wikidata ID: its IRI is already shared; a table
    # entry without one is local per document, and the merge joins those.
    a = Doc("a-1", "The UN Secretariat said.", date(2024, 5, 1))
    a.org("un-secretariat", "UN Secretariat", "UN Secretariat", kind="international")
    b = Doc("b-2", "The United Nations Secretariat said.", date(2024, 5, 2))
    b.org("un-secretariat", "United Nations Secretariat", "United Nations Secretariat", kind="international")
    store = merge_datasets([a.graph(), b.graph()])
    from kg.rdf.iris import org_iri

    first, second = str(org_iri("a-1", "un-secretariat", False)), str(org_iri("b-2", "un-secretariat", False))
    assert canonical(store, first) == canonical(store, second) != first
    assert links_of(store, first, SAME_AS)[0]["rule"] == "org-table-entry"


def test_entities_external_graph_joins_through_wikidata_and_iso_codes():
    ex = Namespace("https://example.org/other/")
    external = Graph(identifier=URIRef("https://example.org/other/graph"))
    external.add((ex.ukraine, RDF.type, KG.Country))
    external.add((ex.ukraine, KG.iso3166Alpha3, Literal("UKR")))
    external.add((ex.event, RDF.type, KG.Meeting))
    external.add((ex.event, KG.participant, WD.Q212))
    external.add((ex.event, KG.participant, ex.ukraine))
    external.add((WD.Q3874799, RDF.type, KG.Person))
    external.add((WD.Q3874799, RDFS.label, Literal("Volodymyr Zelenskyy", lang="en")))
    store = merge_datasets([*(d.graph() for d in zelensky_documents()), external])
    ukraine = BASE + "country/UKR"
    assert canonical(store, str(ex.ukraine)) == ukraine
    assert canonical(store, str(WD.Q212)) == ukraine
    assert links_of(store, str(WD.Q212), SAME_AS)[0]["rule"] == "wikidata-id"
    assert links_of(store, str(ex.ukraine), SAME_AS)[0]["rule"] == "country-iso-code"
    rep = canonical(store, person("wire-2", "zelenskyy"))
    assert canonical(store, str(WD.Q3874799)) == rep
    # The canonical person points to Wikidata; kg mints nothing in Wikidata's namespace.
    assert ox.Quad(ox.NamedNode(rep), ox.NamedNode(KGO + "wikidata"), ox.NamedNode(str(WD.Q3874799)), LINKS) in store


def test_entities_countries_carry_iso_codes_and_wikidata_in_the_links_graph():
    store = merge_datasets([d.graph() for d in zelensky_documents()])
    ukraine = ox.NamedNode(BASE + "country/UKR")
    values = {(q.predicate.value.rsplit("#", 1)[-1], q.object.value)
              for q in store.quads_for_pattern(ukraine, None, None, LINKS)}
    assert {("iso3166Alpha3", "UKR"), ("iso3166Alpha2", "UA"), ("wikidata", str(WD.Q212))} <= values


def test_entities_never_mint_outside_kg_namespace():
    store = merge_datasets([d.graph() for d in zelensky_documents()])
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, LINKS)}
    minted = {s for s in subjects if "/canonical/" in s or "/link/" in s}
    assert minted and all(s.startswith(BASE) for s in minted)
    assert all(s.startswith(BASE) for s in subjects)


@pytest.mark.parametrize("threshold", [0.96, 0.99])
def test_entities_threshold_turns_identity_into_candidates(threshold):
    from kg.merge import MergeOptions

    store = merge_datasets([d.graph() for d in zelensky_documents()], options=MergeOptions(sure=threshold))
    node = person("wire-3", "zelenskiy")
    assert links_of(store, node, SAME_AS) == []
