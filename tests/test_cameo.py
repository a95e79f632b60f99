"""The CAMEO table and the directed dyads kg's events imply (hand-built records; one model test)."""

from __future__ import annotations

import doctest

import pytest

import kg.reference.cameo
from kg.records import (
    EVENT_KINDS,
    Article,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Organization,
    Participant,
    Person,
    Place,
    RoleHolding,
)
from kg.reference.cameo import (
    CAMEO_BY_KIND,
    cameo_code,
    cameo_label,
    cameo_table,
    country_lookup,
    document_dyads,
    dyads,
    is_consult,
)

COUNTRY = {"ana": "KEN", "ben": "UGA", "cai": "TZA", "dia": "KEN", "eze": None, "nairobi": "KEN", "geneva": "CHE",
           "au": None, "gov-ken": "KEN"}


def country_of(ref: EntityRef) -> str | None:
    return ref.key if ref.kind == "country" else COUNTRY.get(ref.key)


def person(key: str, role: str = "participant") -> Participant:
    return Participant(EntityRef("person", key), role)  # type: ignore[arg-type]


def event(kind: str, *participants: Participant, location: EntityRef | None = None) -> Event:
    return Event(key=f"{kind}-0", kind=kind, participants=participants, evidence=(), confidence=0.8,  # type: ignore[arg-type]
                 location=location)


def test_cameo_table_gives_every_event_kind_a_code() -> None:
    rows = cameo_table()
    assert all(len(r.code) == 3 and r.code.isdigit() and r.label for r in rows)
    assert {kind: cameo_code(kind) for kind in EVENT_KINDS} == {
        "meeting": "040", "talks": "046", "phone_call": "041", "visit": "042", "statement": "010",
        "mediation": "045"}
    assert dict(CAMEO_BY_KIND) == {kind: cameo_code(kind) for kind in EVENT_KINDS}
    assert CAMEO_BY_KIND.get("no-such-kind") is None


def test_cameo_code_third_location_and_labels() -> None:
    assert cameo_code("meeting", third_location=True) == "044"
    assert cameo_code("talks", third_location=True) == "046"  # negotiation stays negotiation
    assert cameo_label("043") == "Host a visit"
    assert is_consult("045") and not is_consult("010")
    with pytest.raises(KeyError):
        cameo_code("picnic")


def test_cameo_meeting_is_coded_both_ways_between_every_two() -> None:
    got = dyads(event("meeting", person("ana"), person("ben"), person("cai")), country_of)
    assert sorted(got) == sorted((s, t, "040") for s in ("KEN", "UGA", "TZA") for t in ("KEN", "UGA", "TZA")
                                 if s != t)


@pytest.mark.parametrize(("kind", "code"), [("phone_call", "041"), ("talks", "046"), ("meeting", "040")])
def test_cameo_two_sided_kinds(kind: str, code: str) -> None:
    assert dyads(event(kind, person("ana"), person("ben")), country_of) == [("KEN", "UGA", code),
                                                                            ("UGA", "KEN", code)]


def test_cameo_meeting_at_a_third_location() -> None:
    geneva = EntityRef("place", "geneva")
    got = dyads(event("meeting", person("ana"), person("ben"), location=geneva), country_of)
    assert got == [("KEN", "UGA", "044"), ("UGA", "KEN", "044")]
    # In one side's country it is an ordinary meeting.
    nairobi = EntityRef("place", "nairobi")
    got = dyads(event("meeting", person("ana"), person("ben"), location=nairobi), country_of)
    assert got == [("KEN", "UGA", "040"), ("UGA", "KEN", "040")]


def test_cameo_visit_to_a_place_is_visitor_to_host_and_back() -> None:
    got = dyads(event("visit", person("ben", "visitor"), location=EntityRef("place", "nairobi")), country_of)
    assert got == [("UGA", "KEN", "042"), ("KEN", "UGA", "043")]
    # A visit reported as a noun lists its visitors as participants.
    got = dyads(event("visit", person("ben"), location=EntityRef("country", "TZA")), country_of)
    assert got == [("UGA", "TZA", "042"), ("TZA", "UGA", "043")]


def test_cameo_visit_with_a_named_host() -> None:
    got = dyads(event("visit", person("ben", "visitor"), person("ana", "host"),
                      location=EntityRef("place", "geneva")), country_of)
    assert got == [("UGA", "KEN", "042"), ("KEN", "UGA", "043")]


def test_cameo_trip_at_home_is_no_visit_between_two() -> None:
    assert dyads(event("visit", person("ana", "visitor"), location=EntityRef("place", "nairobi")), country_of) == []


def test_cameo_mediation_goes_from_mediator_to_each_party() -> None:
    got = dyads(event("mediation", person("cai", "mediator"), person("ana", "party"), person("ben", "party")),
                country_of)
    assert got == [("TZA", "KEN", "045"), ("TZA", "UGA", "045")]


def test_cameo_actors_without_a_country_and_statements_give_nothing() -> None:
    assert dyads(event("meeting", person("ana"), person("eze")), country_of) == []
    assert dyads(event("statement", person("ana", "speaker")), country_of) == []
    assert dyads(event("meeting", person("ana")), country_of) == []


def test_cameo_two_actors_of_one_country_make_a_domestic_pair() -> None:
    got = dyads(event("meeting", person("ana"), Participant(EntityRef("organization", "gov-ken"))), country_of)
    assert got == [("KEN", "KEN", "040")]


def test_cameo_country_lookup_reads_the_records() -> None:
    records = DocumentRecords(
        article=Article(id="t", text="..."),
        persons=(Person(key="ana", label="Ana", name="Ana", country="KEN"),
                 Person(key="eze", label="Eze", name="Eze", organization="au"),
                 Person(key="fay", label="Fay", name="Fay", organization="ugov")),
        organizations=(Organization(key="au", name="African Union", kind="international"),
                       Organization(key="ugov", name="Government of Uganda", kind="government", country="UGA")),
        places=(Place(key="geneva", name="Geneva", country="CHE"),),
        events=(event("phone_call", person("ana"), person("fay")),
                event("phone_call", person("fay"), person("ana")),
                event("meeting", person("ana"), person("eze"))),
    )
    lookup = country_lookup(records)
    assert lookup(EntityRef("person", "fay")) == "UGA"  # through the organisation
    assert lookup(EntityRef("person", "eze")) is None
    assert lookup(EntityRef("place", "geneva")) == "CHE"
    assert lookup(EntityRef("country", "TZA")) == "TZA"
    assert lookup(EntityRef("person", "nobody")) is None
    assert document_dyads(records) == [("KEN", "UGA", "041"), ("UGA", "KEN", "041")]


def test_cameo_country_lookup_falls_back_on_roles() -> None:
    evidence = Evidence(begin=0, end=3, text="...", sentence="...", sentence_begin=0)
    records = DocumentRecords(
        article=Article(id="t", text="..."),
        persons=(Person(key="gil", label="Gil", name="Gil"), Person(key="hal", label="Hal", name="Hal")),
        organizations=(Organization(key="tmin", name="Tanzanian Foreign Ministry", kind="ministry",
                                    country="TZA"),),
        roles=(RoleHolding(person="gil", title="Envoy", evidence=evidence, of_country="KEN"),
               RoleHolding(person="hal", title="Spokesman", evidence=evidence, of_organization="tmin")),
    )
    lookup = country_lookup(records)
    assert lookup(EntityRef("person", "gil")) == "KEN"
    assert lookup(EntityRef("person", "hal")) == "TZA"


def test_cameo_docstring_examples() -> None:
    failures, _ = doctest.testmod(kg.reference.cameo)
    assert failures == 0


@pytest.mark.model
def test_cameo_dyads_of_an_extracted_phone_call(nlp) -> None:  # noqa: ANN001 - spaCy Language
    from kg.pipeline import extract_article

    text = "Kenyan President Amani Odhiambo telephoned Ugandan President Sam Otim on Friday."
    records = extract_article(Article(id="call", text=text), nlp)
    assert ("KEN", "UGA", "041") in document_dyads(records)
    assert ("UGA", "KEN", "041") in document_dyads(records)
