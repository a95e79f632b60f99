"""Places: the country written beside a place wins, and place IRIs are keyed by the GeoNames id
of the places table, so two places with one name never share a node."""

from __future__ import annotations

import pytest
from rdflib import RDF

from kg.rdf.iris import place_iri
from kg.reference import gazetteer
from kg.vocab import KG

BASE = "https://w3id.org/kg-news/id/"


def test_a_table_place_is_keyed_by_its_geonames_id() -> None:
    hyderabad = gazetteer.lookup_place("Hyderabad")
    assert hyderabad is not None and hyderabad.geonameid
    assert str(place_iri("Hyderabad")) == f"{BASE}place/hyderabad-{hyderabad.geonameid}"
    assert place_iri("Hyderabad", country=hyderabad.alpha3) == place_iri("Hyderabad")
    # The namesake in another country is another node.
    other = place_iri("Hyderabad", country="PAK")
    assert str(other) == f"{BASE}place/hyderabad-pak" and other != place_iri("Hyderabad")


def test_a_capital_elsewhere_is_another_place() -> None:
    assert str(place_iri("Tripoli", country="LBY")) == f"{BASE}place/tripoli"
    assert str(place_iri("Tripoli")) == f"{BASE}place/tripoli"
    assert str(place_iri("Tripoli", country="LBN")) == f"{BASE}place/tripoli-lbn"


@pytest.mark.model
def test_tripoli_lebanon_takes_lebanon_and_its_own_node() -> None:
    import kg

    written = kg.extract_records("The envoy Omar Nasri met Karim Haddad in Tripoli, Lebanon on Monday.", "2025-03-12")
    assert [(p.name, p.country) for p in written.places] == [("Tripoli", "LBN")]
    plain = kg.extract_records("The envoy Omar Nasri met Karim Haddad in Tripoli on Monday.", "2025-03-12")
    assert [(p.name, p.country) for p in plain.places] == [("Tripoli", "LBY")]

    lebanon = kg.extract("The envoy Omar Nasri met Karim Haddad in Tripoli, Lebanon on Monday.", "2025-03-12")
    libya = kg.extract("The envoy Omar Nasri met Karim Haddad in Tripoli on Monday.", "2025-03-12")
    first = set(lebanon.subjects(RDF.type, KG.Place))
    second = set(libya.subjects(RDF.type, KG.Place))
    assert first and second and first.isdisjoint(second)
    [node] = first
    assert str(lebanon.value(node, KG.locatedIn)).endswith("/country/LBN")
