"""MediationExtractor: stated, implied and inferred third parties, and the near misses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import index_entities
from kg.nlp.events import EventExtractor, EventFinding
from kg.nlp.mediation import MediationExtractor, MediationFinding
from kg.nlp.references import resolve_references
from kg.nlp.roles import apply_roles, find_roles
from kg.pipeline import extract_article
from kg.records import Article, EntityRef

PUBLISHED = date(2024, 3, 16)


def mediations_of(doc: Doc) -> tuple[list[MediationFinding], list[EventFinding]]:
    index = index_entities(doc)
    findings = find_roles(index)
    apply_roles(index, findings)
    resolve_references(index, findings)
    extractor = EventExtractor(index, PUBLISHED)
    events = extractor.run()
    return MediationExtractor(index, extractor, events).run(), events


def P(key: str) -> EntityRef:
    return EntityRef("person", key)


def C(code: str) -> EntityRef:
    return EntityRef("country", code)


def Org(key: str) -> EntityRef:
    return EntityRef("organization", key)


# (parse, mediators, parties, kind, stated)
MEDIATION_CASES = [
    # "Norway mediated talks between Colombia and Venezuela."
    pytest.param("mediated", {C("NOR")}, {C("COL"), C("VEN")}, "mediator", True, id="mediated-talks-between"),
    # "The ceasefire between Sudan and Chad was brokered by Qatar."
    pytest.param("brokered_by", {C("QAT")}, {C("SDN"), C("TCD")}, "broker", True, id="passive-brokered-by"),
    # "Qatar-mediated negotiations between Sudan and Chad resumed on Monday."
    pytest.param("compound", {C("QAT")}, {C("SDN"), C("TCD")}, "mediator", True, id="x-mediated-negotiations"),
    # "Sudan and Chad met under the auspices of the African Union."
    pytest.param("auspices", {Org("african-union")}, {C("SDN"), C("TCD")}, "mediator", True,
                 id="met-under-the-auspices"),
    # "Sudan and Chad held talks under the auspices of the African Union."
    pytest.param("auspices_talks", {Org("african-union")}, {C("SDN"), C("TCD")}, "mediator", True,
                 id="held-talks-under-the-auspices"),
    # "Talks between Sudan and Chad were held under the auspices of the African Union."
    pytest.param("auspices_passive", {Org("african-union")}, {C("SDN"), C("TCD")}, "mediator", True,
                 id="talks-between-held-under-the-auspices"),
    # "Colombia held talks with the ELN in Havana. Cuba is acting as facilitator in the talks with the ELN.":
    # the other side comes from the document's talks.
    pytest.param("facilitator", {C("CUB")}, {C("COL"), Org("eln")}, "facilitator", True,
                 id="acting-as-facilitator-completed"),
    pytest.param("facilitator_talks", {C("NOR")}, {C("COL"), Org("eln")}, "facilitator", True,
                 id="acting-as-facilitator-in-talks-with"),
    # "Kenya hosted Ethiopian Prime Minister Abiy Tesfaye and Eritrean President Yonas Haile for talks."
    pytest.param("hosted_guests", {C("KEN")}, {P("abiy-tesfaye"), P("yonas-haile")}, "host", True,
                 id="hosted-a-and-b-for-talks"),
    # "Quispe spoke to Costa, asking him to delay the talks. Costa then spoke to Chilean President Rosa Vidal."
    pytest.param("relay", {P("paulo-costa")}, {P("lucia-quispe"), P("rosa-vidal")}, "intermediary", False,
                 id="relay"),
    # "Serbia and Kosovo will hold talks in the Hungarian city of Szeged. Serbian President Dragan Ilic spoke to
    #  Hungarian Prime Minister Laszlo Varga by phone about the talks."
    pytest.param("hosting_inferred", {C("HUN")}, {C("SRB"), C("XKX")}, "host", False, id="hosting-inferred"),
    # "The ceasefire agreement between Ethiopia and Eritrea took effect on Sunday. Under the agreement, ...
    #  We salute the patient efforts of Kenya and Norway.": efforts towards the lede's agreement.
    pytest.param("efforts_lede", {C("KEN"), C("NOR")}, {C("ETH"), C("ERI")}, "broker", False,
                 id="efforts-towards-the-lede-agreement"),
]

# Sentences with talks, meetings or deals but no third party that mediates.
NEAR_MISSES = [
    pytest.param("third_country", id="talks-in-a-third-country"),  # "... held talks in Switzerland."
    pytest.param("talks_between", id="talks-between-in-a-city"),  # "... took place in Brussels."
    pytest.param("negotiating_table", id="return-to-the-negotiating-table"),
    pytest.param("bilateral", id="bilateral-meeting-in-a-party"),  # "... met ... in Kampala."
    pytest.param("met_demonym", id="meeting-in-a-party-capital"),
    pytest.param("deal", id="deal-announced"),  # "Armenia and Azerbaijan announced a peace deal on Friday."
    pytest.param("delegations", id="delegations-held-talks"),
    pytest.param("title_of_phone", id="phone-call"),
    pytest.param("counterpart", id="visit-then-meeting"),  # a visitor meets the host: no third party
]


@pytest.mark.parametrize(("name", "mediators", "parties", "kind", "stated"), MEDIATION_CASES)
def test_mediation_construction(parsed: Callable[[str], Doc], name: str, mediators: set[EntityRef],
                                parties: set[EntityRef], kind: str, stated: bool) -> None:
    found, _ = mediations_of(parsed(name))
    summary = [(set(m.mediators), set(m.parties), m.kind, m.stated) for m in found]
    assert (mediators, parties, kind, stated) in summary


@pytest.mark.parametrize("name", NEAR_MISSES)
def test_mediation_near_miss(parsed: Callable[[str], Doc], name: str) -> None:
    found, _ = mediations_of(parsed(name))
    assert found == []


def test_mediation_facilitator_is_found(parsed: Callable[[str], Doc]) -> None:
    # Whatever its parties, "Cuba is acting as facilitator" names Cuba as the facilitator.
    found, _ = mediations_of(parsed("facilitator"))
    assert [(m.mediators, m.kind, m.stated) for m in found] == [([C("CUB")], "facilitator", True)]


def test_mediation_mediator_is_never_its_own_party(parses: dict, parsed: Callable[[str], Doc]) -> None:
    for name in parses:
        found, _ = mediations_of(parsed(name))
        for mediation in found:
            assert not set(mediation.mediators) & set(mediation.parties), name


def test_mediation_stated_has_no_reason_and_full_confidence(parsed: Callable[[str], Doc]) -> None:
    (mediation,) = mediations_of(parsed("mediated"))[0]
    assert (mediation.stated, mediation.confidence, mediation.reason, mediation.parties_unnamed) == (
        True, 0.9, None, None)
    assert mediation.status == "held"


def test_mediation_relay_is_inferred_with_its_reason(parsed: Callable[[str], Doc]) -> None:
    found, events = mediations_of(parsed("relay"))
    (relay,) = [m for m in found if m.kind == "intermediary"]
    assert relay.stated is False
    assert relay.confidence < 0.9
    assert relay.reason == "relay: Lucia Quispe spoke to Paulo Costa, who then spoke to Rosa Vidal"
    calls = {e.key for e in events if e.kind == "phone_call"}
    assert set(relay.concerns) == calls and len(calls) == 2
    # Both sentences are its evidence.
    assert len(relay.evidence) == 2


def test_mediation_relay_needs_three_countries(parsed: Callable[[str], Doc]) -> None:
    # "Kenyan spokeswoman Ruth Wanjiru met Tanzanian spokesman Peter Otieno. She said ...": no third person.
    found, _ = mediations_of(parsed("gender"))
    assert found == []


def test_mediation_hosting_inferred_is_planned_with_reason(parsed: Callable[[str], Doc]) -> None:
    found, events = mediations_of(parsed("hosting_inferred"))
    (host,) = found
    (talks,) = [e for e in events if e.kind == "talks"]
    assert (host.kind, host.stated, host.status, host.concerns) == ("host", False, "planned", [talks.key])
    assert host.reason is not None and "Hungary" in host.reason


def test_mediation_host_of_guests_excludes_the_host_country(parsed: Callable[[str], Doc]) -> None:
    # "Kenyan President Amani Odhiambo met Ugandan President Joseph Okello in Kampala": Uganda is a party.
    found, _ = mediations_of(parsed("bilateral"))
    assert not any(m.kind == "host" for m in found)


# --- the trained model, end to end --------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("name", "mediators", "parties", "kind", "stated"), MEDIATION_CASES)
def test_mediation_model_end_to_end(nlp: Language, parses: dict, name: str, mediators: set[EntityRef],
                                    parties: set[EntityRef], kind: str, stated: bool) -> None:
    records = extract_article(Article(name, parses[name]["text"], PUBLISHED), nlp)
    summary = [
        ({p.entity for p in e.participants if p.role == "mediator"},
         {p.entity for p in e.participants if p.role == "party"}, e.mediation_kind, e.stated)
        for e in records.events if e.kind == "mediation"
    ]
    # one mediation per mediator, each with all the parties
    for mediator in mediators:
        assert ({mediator}, parties, kind, stated) in summary


@pytest.mark.model
@pytest.mark.parametrize("name", NEAR_MISSES)
def test_mediation_model_near_miss(nlp: Language, parses: dict, name: str) -> None:
    records = extract_article(Article(name, parses[name]["text"], PUBLISHED), nlp)
    assert [e for e in records.events if e.kind == "mediation"] == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "mediator", "parties"), [
    ("Norway conveyed a message from Colombia to the ELN.", C("NOR"), {C("COL"), Org("eln")}),
    ("Egypt relayed a message from Hamas to Israel on Monday.", C("EGY"), {Org("hamas"), C("ISR")}),
    ("Qatar will convey the Israeli proposal to Hamas.", C("QAT"), {C("ISR"), Org("hamas")}),
    ("Oman passed messages between Iran and the United States.", C("OMN"), {C("IRN"), C("USA")}),
])
def test_mediation_model_message_carried_between_sides(nlp: Language, text: str, mediator: EntityRef,
                                                       parties: set[EntityRef]) -> None:
    records = extract_article(Article("carried", text, PUBLISHED), nlp)
    found = [({p.entity for p in e.participants if p.role == "mediator"},
              {p.entity for p in e.participants if p.role == "party"}) for e in records.events
             if e.kind == "mediation"]
    assert found == [({mediator}, parties)]


@pytest.mark.model
def test_mediation_model_a_message_to_one_side_is_no_mediation(nlp: Language) -> None:
    text = "The minister conveyed a message to the ambassador."
    records = extract_article(Article("one-side", text, PUBLISHED), nlp)
    assert [e for e in records.events if e.kind == "mediation"] == []
