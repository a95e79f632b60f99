"""Document-level dispute and negotiation frames, and the mediations that take their parties
from them (invented sentences, the trained model end to end)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.nlp.coref import person_index
from kg.nlp.events import EventExtractor
from kg.nlp.frames import FrameFinding, find_frames
from kg.pipeline import extract_article
from kg.records import Article, DocumentRecords, EntityRef

PUBLISHED = date(2031, 5, 4)
pytestmark = pytest.mark.model


def C(code: str) -> EntityRef:
    return EntityRef("country", code)


def Org(key: str) -> EntityRef:
    return EntityRef("organization", key)


def frames_of(nlp: Language, text: str) -> list[FrameFinding]:
    doc = nlp(text)
    index, _ = person_index(doc)
    extractor = EventExtractor(index, PUBLISHED)
    events = extractor.run()
    return find_frames(index, extractor, [e for e in events if e.kind == "talks"])


def records_of(nlp: Language, text: str) -> DocumentRecords:
    return extract_article(Article("t", text, PUBLISHED), nlp)


def mediations(records: DocumentRecords) -> list[tuple[set[EntityRef], set[EntityRef]]]:
    return [({p.entity for p in e.participants if p.role == "mediator"},
             {p.entity for p in e.participants if p.role == "party"})
            for e in records.events if e.kind == "mediation"]


@pytest.mark.parametrize(("text", "sides", "kind", "via"), [
    ("The war between Ethiopia and Eritrea entered its third year.", {C("ETH"), C("ERI")}, "war", "between"),
    ("The Armenia-Azerbaijan talks ended without a statement.", {C("ARM"), C("AZE")}, "talks", "hyphenated"),
    ("The Ethiopian-Eritrean border dispute has lasted a decade.", {C("ETH"), C("ERI")}, "dispute",
     "hyphenated"),
    ("Colombia and the ELN signed a truce on Friday.", {C("COL"), Org("eln")}, "truce", "joint_subject"),
    ("Talks between Kabul and Islamabad resumed on Monday.", {C("AFG"), C("PAK")}, "talks", "between"),
    ("Serbia's talks with Kosovo stalled in March.", {C("SRB"), C("XKX")}, "talks", "with"),
    ("Chile, Peru and Bolivia cut ties with Ecuador last month.", {C("CHL"), C("PER"), C("BOL"), C("ECU")},
     "relations", "with"),
    ("Norway invited Colombia and the ELN to ceasefire talks in Oslo.", {C("COL"), Org("eln")}, "talks",
     "joint_object"),
    # a party said to be its leader's: the leader is of the party's side
    ("Talks between the ruling Unity Party of President Tomas Varga and the Liberty Front resumed in Accra.",
     {Org("unity-party"), Org("liberty-front")}, "talks", "between"),
    # those a third party goes between
    ("Ghana has been mediating between Mali and Niger since the spring.", {C("MLI"), C("NER")}, "dispute",
     "between"),
    ("Mali's reconciliation talks stalled again.", {C("MLI")}, "talks", "internal"),
    ("Chile and Bolivia announced a border agreement on Friday.", {C("CHL"), C("BOL")}, "deal", "joint_subject"),
    ("The Governments of Chile and Bolivia today announced consensus on a border agreement.",
     {C("CHL"), C("BOL")}, "deal", "joint_subject"),
    ("Chile welcomed the decision by the Governments of Peru and Bolivia to begin discussions.",
     {C("PER"), C("BOL")}, "talks", "joint_subject"),
    ("Chile and Peru have imposed trade and diplomatic embargoes on Bolivia.", {C("CHL"), C("PER"), C("BOL")},
     "dispute", "with"),
    # a conflict that pits one against the other; one side accusing the other
    ("The conflict pitting Sudan against South Sudan displaced thousands.", {C("SDN"), C("SSD")}, "war",
     "hostile"),
    ("Rwanda accuses Congo of backing the rebels in the east.", {C("RWA"), C("COD")}, "dispute", "hostile"),
    # frames of ending a war or a dispute told by the sides
    ("Chile and Bolivia ended their border dispute last year.", {C("CHL"), C("BOL")}, "dispute", "joint_subject"),
    # verbs of quarrelling name the dispute by themselves
    ("Guyana and Suriname have quarrelled over the river border for years.", {C("GUY"), C("SUR")}, "dispute",
     "joint_subject"),
    ("Guyana and Suriname have long disputed the river border.", {C("GUY"), C("SUR")}, "dispute",
     "joint_subject"),
    # a pair the parser runs into one noun phrase ("A's [government and ELN] rebels")
    ("Guyana's government and ELN rebels signed a truce on Friday.", {C("GUY"), Org("eln")}, "truce",
     "joint_subject"),
    # hostile objects of a joint verb name the frame by themselves
    ("Guyana and Suriname exchanged fire along the river on Sunday.", {C("GUY"), C("SUR")}, "war",
     "joint_subject"),
    ("Guyana and Suriname traded accusations over the river border.", {C("GUY"), C("SUR")}, "dispute",
     "joint_subject"),
    # people exchanged between sides make them sides of a deal
    ("Guyana and Suriname exchanged prisoners on Friday.", {C("GUY"), C("SUR")}, "deal", "joint_subject"),
    ("Guyana and Suriname swapped detainees at the border.", {C("GUY"), C("SUR")}, "deal", "joint_subject"),
    # the sides of a fight told by the border it is fought along
    ("Heavy fighting broke out along the border between Guyana and Suriname overnight.", {C("GUY"), C("SUR")},
     "war", "between"),
    ("Clashes on the frontier between Chile and Bolivia left two soldiers dead.", {C("CHL"), C("BOL")}, "war",
     "between"),
    # two sides' teams sent to talk
    ("Delegations from Guyana and Suriname arrived in Bridgetown on Monday.", {C("GUY"), C("SUR")}, "talks",
     "joint_subject"),
    # the doers of a joint verb's passive
    ("The truce agreed by Guyana and Suriname held through the weekend.", {C("GUY"), C("SUR")}, "truce",
     "joint_subject"),
    ("The border accord was signed by Chile and Bolivia in La Paz.", {C("CHL"), C("BOL")}, "deal",
     "joint_subject"),
    # "the government of A and rebels of B": the parse may join B's phrase to A's
    ("The government of Chad and separatist rebels of the FACT signed a peace deal on Monday.", {C("TCD"), Org("fact")},
     "deal", "joint_subject"),
    # the frame word whose place is a hyphenated border
    ("Two soldiers died in clashes on the Chile-Bolivia border on Sunday.", {C("CHL"), C("BOL")}, "war",
     "hyphenated"),
    # a joint subject in (or locked in) a dispute, a conflict or talks
    ("Chile and Bolivia are in a dispute over a river.", {C("CHL"), C("BOL")}, "dispute", "joint_subject"),
    ("Chile and Bolivia have been in conflict since the spring.", {C("CHL"), C("BOL")}, "war", "joint_subject"),
    ("Chile and Bolivia remain locked in a standoff over a river.", {C("CHL"), C("BOL")}, "dispute",
     "joint_subject"),
    # quarrelling or clashing "with" the other side
    ("Chile has been feuding with Bolivia over a river.", {C("CHL"), C("BOL")}, "dispute", "with"),
    ("Chilean troops clashed with Bolivian forces overnight.", {C("CHL"), C("BOL")}, "war", "with"),
    # a hostile act on what the other side's adjective marks as its own
    ("Chilean troops shelled Bolivian positions overnight.", {C("CHL"), C("BOL")}, "war", "hostile"),
])
def test_frame_constructions(nlp: Language, text: str, sides: set[EntityRef], kind: str, via: str) -> None:
    found = [(set(f.sides), f.kind, f.via) for f in frames_of(nlp, text)]
    assert (sides, kind, via) in found


@pytest.mark.parametrize("text", [
    "Chile and Peru agreed to impose new tariffs on steel.",
    "Chile and Peru discussed the talks between Kenya and Ethiopia.",  # the talks' sides only
    # two people's quarrel is no dispute of their countries
    "Chilean President Rosa Campos accused Peruvian President Luis Tapia of lying about the vote.",
    # a hand in another's deal is no side of it
    "Chile helped bring about the agreement with Peru, Bolivian officials said.",
    # in the talks of others, in agreement, fighting beside one another
    "Chile and Peru are involved in the talks between Kenya and Ethiopia.",
    "Chile and Peru are in agreement on the new tariffs.",
    "Chile fought with Peru against the rebels in the north.",
    # one who mediates a crisis on behalf of another
    "Chilean officials are mediating the crisis on behalf of Peru.",
])
def test_frames_allies_are_no_sides(nlp: Language, text: str) -> None:
    assert all({C("CHL"), C("PER")} - set(f.sides) for f in frames_of(nlp, text))


def test_frames_one_sides_delegation_is_one_side(nlp: Language) -> None:
    """"A sent a delegation headed by her deputy X to the talks with B": A's team, not a second side."""
    text = ("President Ana Ruiz of Bolivia sent a delegation headed by her deputy, Marco Salas, to the talks in Lima "
            "with Chile.")
    assert all(EntityRef("person", "marco-salas") not in f.sides for f in records_of(nlp, text).frames)


def test_frames_the_host_who_joins_talks_is_no_side(nlp: Language) -> None:
    """"A and B were joined for part of the talks by C's minister, whose government hosted the
    talks": C hosts them, no side of their talks."""
    text = ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou were joined for part of the talks "
            "by Italian Foreign Minister Marco Vella, whose government hosted the talks.")
    assert all(C("ITA") not in f.sides for f in frames_of(nlp, text))


def test_frames_talks_in_a_country_are_not_its_own(nlp: Language) -> None:
    frames = frames_of(nlp, "UN-sponsored talks in Djibouti ended. The conflict in Somalia goes on.")
    assert [set(f.sides) for f in frames if f.via == "internal"] == [{C("SOM")}]


def test_frames_two_sides_outrank_one(nlp: Language) -> None:
    frames = frames_of(nlp, "Mali's reconciliation talks resumed.\n\nLater, talks between Kenya and Ethiopia began.")
    assert [len(f.sides) for f in frames] == [2, 1]


def test_frames_ranked_by_headline_and_references_back(nlp: Language) -> None:
    text = ("Talks between Ethiopia and Eritrea resume in Nairobi.\n\n"
            "Diplomats arrived on Sunday. Security was tight. The Armenia-Azerbaijan talks ended last week.\n"
            "The two sides have met four times this year.")
    frames = frames_of(nlp, text)
    assert set(frames[0].sides) == {C("ETH"), C("ERI")}  # the headline outranks the rest
    assert frames[0].salience == 3.0
    armenia = next(f for f in frames if set(f.sides) == {C("ARM"), C("AZE")})
    # "the two sides" refers back to the latest frame: told twice, neither in the lede
    assert armenia.salience == 1.0 + 1.0 and len(frames) == 2


def test_mediation_without_parties_takes_the_salient_frame_with_reason(nlp: Language) -> None:
    text = ("Sudan and Chad signed a ceasefire on Sunday.\n\n"
            "Kenya has tried to mediate a resolution for months.")
    records = records_of(nlp, text)
    (mediation,) = [e for e in records.events if e.kind == "mediation"]
    assert mediations(records) == [({C("KEN")}, {C("SDN"), C("TCD")})]
    assert mediation.reason is not None and mediation.reason.startswith("parties from the document's most salient")
    assert mediation.confidence == 0.6
    (frame,) = records.frames
    assert mediation.frame == frame.key and frame.kind == "truce"


def test_mediation_takes_the_frame_its_sentence_names(nlp: Language) -> None:
    text = ("The war between Ethiopia and Eritrea dominated the summit.\n\n"
            "The Armenia-Azerbaijan talks, which Kenya mediated, ended on Friday.")
    records = records_of(nlp, text)
    (mediation,) = [e for e in records.events if e.kind == "mediation"]
    assert mediations(records) == [({C("KEN")}, {C("ARM"), C("AZE")})]
    assert mediation.confidence == 0.75 and "the frame its sentence names" in (mediation.reason or "")


def test_mediation_frame_never_holds_the_mediator(nlp: Language) -> None:
    text = ("Egypt and Israel discussed the truce between Hamas and Israel.\n\n"
            "The Egypt-Israel talks went on. Egypt has tried to mediate.")
    for mediators, parties in mediations(records_of(nlp, text)):
        assert not mediators & parties
        assert C("EGY") not in parties


# --- how mediators are named ----------------------------------------------------------------

HEADLINE = "Colombia and the ELN resumed peace talks on Monday in Havana. "
SIDES = {C("COL"), Org("eln")}


@pytest.mark.parametrize(("sentence", "mediators"), [
    # credit and gratitude
    ("We are grateful to Oman for its role in brokering the deal.", {C("OMN")}),
    ("We thank the staff of the OSCE for their decades of dedicated mediation.", {Org("osce")}),
    ("The President thanked King Tomas of Andoria for convening this historic gathering.", None),
    # lists: one mediator each, all parties
    ("The bloc would now include Norway, China and the United States as new mediators.",
     {C("NOR"), C("CHN"), C("USA")}),
    ("The meeting was held under the auspices of the United Nations, the European Union and the African Union.",
     {Org("united-nations"), Org("european-union"), Org("african-union")}),
    # role nouns and titles
    ("We welcome Saudi Arabia as a co-host of the talks.", {C("SAU")}),
    ("Switzerland, the host of the negotiations, called for calm.", {C("CHE")}),
    # leading or chairing
    ("The talks were chaired by Kenya.", {C("KEN")}),
    ("Peru is one of the countries that facilitated the talks.", {C("PER")}),
    ("Mexico will join Chile in the mediation of the talks.", {C("MEX"), C("CHL")}),
    # working with both sides
    ("Special envoy Pablo Ortiz of Spain shuttled between Bogota and the rebel camp.", None),
    ("UN envoy Lena Okafor held separate meetings with each delegation.", None),
    ("The President extends his personal thanks to Oman for convening this historic gathering.", {C("OMN")}),
    ("We thank the staff in the OSCE structures for their decades of dedicated mediation.", {Org("osce")}),
    ("Following years of mediation by the United States, the sides met again.", {C("USA")}),
    ("Egypt, which along with Qatar has mediated the talks, said little.", {C("EGY"), C("QAT")}),
    ("The Qatari-Egyptian mediation produced a truce.", {C("EGY"), C("QAT")}),
    ("Egypt is among the mediators.", {C("EGY")}),
    ("Lena Okafor, the UN special envoy, is mediating between the parties.", None),
    ("I thank Special Coordinator Tomas Rivero and his team for their tireless diplomatic work in bringing "
     "the parties together to accomplish this deal.", None),
    # a hand in the settlement
    ("The deal was reached with the help of Turkey.", {C("TUR")}),
    ("Turkey helped negotiate the grain deal.", {C("TUR")}),
    ("Qatar helped secure the release of the hostages.", {C("QAT")}),
    ("Saudi Arabia played host to the talks.", {C("SAU")}),
    ("The talks were co-hosted by Mexico.", {C("MEX")}),
    ("Brazil takes part in the talks between Colombia and the ELN.", {C("BRA")}),
    ("The talks were held in Jeddah at the invitation of Saudi Arabia.", {C("SAU")}),
    ("The meeting took place under the aegis of the African Union.", {Org("african-union")}),
    # asked to mediate
    ("The rebels appealed to the African Union and the United Nations to provide mediation.",
     {Org("african-union"), Org("united-nations")}),
])
def test_mediator_naming_kinds(nlp: Language, sentence: str, mediators: set[EntityRef] | None) -> None:
    records = records_of(nlp, HEADLINE + sentence)
    found = mediations(records)
    assert found, sentence
    # one mediation per mediator, each with all the parties
    assert all(len(m) == 1 for m, _ in found), found
    if mediators is None:  # a person: their key is the document's own
        assert all(next(iter(m)).kind == "person" for m, _ in found)
    else:
        assert {next(iter(m)) for m, _ in found} == mediators, found
    assert all(parties == SIDES for _, parties in found), found


def test_mediator_named_in_apposition_not_the_bare_title(nlp: Language) -> None:
    records = records_of(nlp, HEADLINE + "The chief mediator, Ambassador Tomas Rivero, met both delegations.")
    ((mediators, _),) = mediations(records)
    (person,) = [p for p in records.persons if EntityRef("person", p.key) in mediators]
    assert person.name == "Tomas Rivero"


def test_mediator_title_before_a_name_is_that_person(nlp: Language) -> None:
    records = records_of(nlp, HEADLINE + "Qatari mediator Karim Haddad said the truce would hold.")
    ((mediators, parties),) = mediations(records)
    assert [p.name for p in records.persons if EntityRef("person", p.key) in mediators] == ["Karim Haddad"]
    assert parties == SIDES


def test_frames_announcers_of_talks_between_others_are_no_sides(nlp: Language) -> None:
    frames = frames_of(nlp, "Chile and Peru announced talks between Colombia and the ELN.")
    assert all(C("CHL") not in f.sides for f in frames)


def test_mediator_protecting_power(nlp: Language) -> None:
    records = records_of(nlp, "Brazil represents Colombian interests in Venezuela.")
    assert mediations(records) == [({C("BRA")}, {C("COL"), C("VEN")})]


def test_mediator_offer_is_proposed(nlp: Language) -> None:
    records = records_of(nlp, HEADLINE + "Qatar stands ready to mediate if asked.")
    (mediation,) = [e for e in records.events if e.kind == "mediation"]
    assert mediation.status == "proposed"


@pytest.mark.parametrize("text", [
    # a side's own negotiator leading its talks is no third party
    HEADLINE + "Colombia's chief negotiator Ana Ruiz led the negotiations.",
    HEADLINE + "Colombia has led the negotiations since March.",
    # a chair with no dispute in view
    "Kenya chaired the regional summit on trade in Nairobi.",
    # a bare title of no known country or body names nobody
    "The chief mediator brokered a truce between Colombia and the ELN.",
    # an invitation to a visit is no hosting of talks
    "President Rosa Vidal visited Lima at the invitation of Peru.",
])
def test_leading_talks_near_misses(nlp: Language, text: str) -> None:
    assert mediations(records_of(nlp, text)) == []


def test_mediator_of_talks_takes_part_in_them(nlp: Language) -> None:
    records = records_of(nlp, "Talks between Ethiopia and Eritrea, mediated by Kenya, opened in Nairobi.")
    (talks,) = [e for e in records.events if e.kind == "talks"]
    assert {(p.entity, p.role) for p in talks.participants} >= {(C("ETH"), "participant"),
                                                               (C("ERI"), "participant"),
                                                               (C("KEN"), "mediator")}


def test_frames_one_sided_headline_lends_salience_to_its_two_sided_frame(nlp: Language) -> None:
    text = ("Yemen peace talks open.\n\nDiplomats arrived. Security was tight. Egypt's talks with Jordan went well. "
            "Later, a deal between Yemen and the Houthis was signed.")
    frames = frames_of(nlp, text)
    assert set(frames[0].sides) == {C("YEM"), Org("houthis")}
    assert frames[0].salience == 1.0 + 3.0  # its own telling and the headline's one-sided frame


def test_mediation_with_frames_prefers_them_to_the_nearest_talks(nlp: Language) -> None:
    text = ("Talks between Sudan and Chad resume in Doha.\n\nDiplomats arrived. Security was tight. "
            "Egypt and Jordan held talks on trade. Qatar has tried to mediate a resolution.")
    records = records_of(nlp, text)
    assert mediations(records) == [({C("QAT")}, {C("SDN"), C("TCD")})]


def test_mediator_by_bare_title_is_the_person_apposed_with_it(nlp: Language) -> None:
    text = ("The chief mediator, Ambassador Tomas Rivero of Spain, arrived on Monday. "
            "The chief mediator later brokered a truce between Colombia and the ELN.")
    records = records_of(nlp, text)
    names = {p.key: p.name for p in records.persons}
    found = mediations(records)
    assert found and all({names.get(m.key) for m in mediators} == {"Tomas Rivero"} for mediators, _ in found)


def test_mediation_naming_one_country_s_talks_takes_its_two_sided_frame(nlp: Language) -> None:
    text = ("Talks between the Sudanese government and the Rapid Support Forces resumed.\n\n"
            "Kenya will facilitate the Sudan peace talks.")
    records = records_of(nlp, text)
    ((mediators, parties),) = mediations(records)
    assert mediators == {C("KEN")} and C("SDN") in parties and len(parties) == 2


def test_mediation_from_a_frame_leaves_out_an_envoy_of_unknown_allegiance(nlp: Language) -> None:
    text = ("Envoy Mark Dalton conducted talks with Iran in Muscat.\n\n"
            "The talks were hosted by Oman.")
    records = records_of(nlp, text)
    parties = {p for _, ps in mediations(records) for p in ps}
    assert C("IRN") in parties and all(p.kind != "person" for p in parties)


@pytest.mark.model
def test_frames_model_signing_with_the_help_of_a_third_party_makes_it_no_side(nlp: Language) -> None:
    """"A and B signed the deal with the support of C": C helped; "A signed a deal with B": B is a side."""
    helped = extract_article(Article("helped", "Ethiopia and Eritrea signed a peace agreement on Sunday with "
                                     "the support of Kenya.", date(2024, 3, 16)), nlp)
    assert all(EntityRef("country", "KEN") not in f.sides for f in helped.frames)
    signed = extract_article(Article("signed", "Ethiopia signed a peace agreement with Eritrea on Sunday.",
                                     date(2024, 3, 16)), nlp)
    assert any({EntityRef("country", "ETH"), EntityRef("country", "ERI")} <= set(f.sides) for f in signed.frames)


def test_mediation_with_assistance_fronted_takes_the_quarrel_told_before(nlp: Language) -> None:
    """"A and B have quarrelled ... With assistance from C, the two parties signed an accord": C
    helped, between A and B."""
    text = ("Guyana and Suriname have quarrelled over the river border for years. With assistance from "
            "Brazil, the two parties signed a framework accord on Tuesday.")
    assert mediations(records_of(nlp, text)) == [({C("BRA")}, {C("GUY"), C("SUR")})]


def test_frames_arguing_is_no_dispute_frame(nlp: Language) -> None:
    """Near miss: "argue" (as in "argued that ...") names no frame by itself, unlike "quarrel"."""
    text = "Guyana and Suriname have argued over the river border for years."
    assert frames_of(nlp, text) == []


@pytest.mark.parametrize(("text", "sides", "kind"), [
    ("Guyana, Suriname Resume River Border Talks\n\nThe negotiations will last three days.",
     {C("GUY"), C("SUR")}, "talks"),
    ("Guyana And Suriname Agree To Truce\n\nThe truce takes effect on Monday.", {C("GUY"), C("SUR")}, "truce"),
    ("Brazil Mediates As Guyana, Suriname Talks Resume\n\nOfficials met in Brasilia.",
     {C("GUY"), C("SUR")}, "talks"),
    ("Guyanese, Surinamese Negotiators Meet In Brasilia\n\nThe talks will last two days.",
     {C("GUY"), C("SUR")}, "talks"),
])
def test_frames_a_title_case_headline_s_list_of_two_names(nlp: Language, text: str, sides: set[EntityRef],
                                                          kind: str) -> None:
    """A headline on a line of its own, in title case (every word tagged a proper noun): two
    names joined by a comma or "and" before a frame word are the sides."""
    found = [(set(f.sides), f.kind) for f in frames_of(nlp, text) if f.via == "headline_list"]
    assert found == [(sides, kind)]


@pytest.mark.parametrize("text", [
    # the names are the third parties, not the sides
    "Brazil, Argentina To Mediate Border Talks\n\nOfficials met in Brasilia.",
    # a sentence of the body, not a headline; no frame word after the names
    "Guyana, Suriname and Brazil signed the border talks' minutes. They met again.",
    "Guyana, Suriname Leaders Meet Students\n\nThe visit lasted a day.",
])
def test_frames_no_headline_list_near_misses(nlp: Language, text: str) -> None:
    assert [f for f in frames_of(nlp, text) if f.via == "headline_list"] == []


def test_mediation_takes_the_sides_of_a_title_case_headline(nlp: Language) -> None:
    """"A, B Agree To Truce" as the headline, then "C brokered the deal": C between A and B."""
    text = "Guyana, Suriname Agree To Truce\n\nBrazil brokered the deal, officials said on Monday."
    assert mediations(records_of(nlp, text)) == [({C("BRA")}, {C("GUY"), C("SUR")})]


@pytest.mark.parametrize("text", [
    "Guyana and Suriname trade rice and timber.",
    "Guyana and Suriname exchanged ambassadors last year.",
])
def test_frames_trading_goods_or_envoys_is_no_frame(nlp: Language, text: str) -> None:
    """Near misses: only hostile objects ("fire", "accusations") make traders sides."""
    assert frames_of(nlp, text) == []


def test_frames_a_sponsor_named_in_the_subject_is_no_side(nlp: Language) -> None:
    """Near miss: "Brazilian-sponsored talks between A and B ended": the names of a frame noun's
    own phrase are not read as a pair the parser ran together."""
    text = ("Brazilian-sponsored talks between the military council and the rebels in Guyana, known as the ELN, "
            "ended the fighting on Monday.")
    assert all(C("BRA") not in f.sides for f in frames_of(nlp, text))


def test_mediation_takes_the_sides_of_an_exchange_of_fire(nlp: Language) -> None:
    text = "Guyana and Suriname exchanged fire again. Brazilian mediation helped restore calm on Sunday."
    assert mediations(records_of(nlp, text)) == [({C("BRA")}, {C("GUY"), C("SUR")})]


def test_frames_a_city_before_talks_names_their_venue(nlp: Language) -> None:
    """"the Georgetown talks" are held in Georgetown, not Guyana's own; "the Guyana peace talks"
    (the country's name) and "Guyana's reconciliation talks" stay Guyana's."""
    assert [f for f in frames_of(nlp, "The Georgetown talks ended on Monday.") if f.via == "internal"] == []
    for text in ("The Guyana peace talks ended on Monday.", "Guyana's reconciliation talks ended on Monday."):
        assert [set(f.sides) for f in frames_of(nlp, text) if f.via == "internal"] == [{C("GUY")}]


def test_mediation_of_talks_named_after_the_mediator_s_capital(nlp: Language) -> None:
    """"The Brasilia talks, led by Brazil": the host's capital names the venue, so Brazil is no side."""
    text = ("Guyana and Suriname have quarrelled over the river border for years. The Brasilia talks, led by "
            "Brazil, ended on Monday.")
    assert mediations(records_of(nlp, text)) == [({C("BRA")}, {C("GUY"), C("SUR")})]


@pytest.mark.parametrize(("text", "sides"), [
    # "the two leaders" of two countries named in the sentence before, agreeing to a truce
    ("Congolese President Felix Mbeki and Rwandan President Paul Gasana met in Doha on Tuesday.\n\n"
     "The two leaders had agreed to seek a ceasefire in the east.", {C("COD"), C("RWA")}),
    # "the two countries", the pair named just before
    ("Chad and Niger closed their border in May. The two countries agreed to a truce on Friday.",
     {C("TCD"), C("NER")}),
])
def test_the_two_leaders_agreeing_make_a_frame(nlp: Language, text: str, sides: set[EntityRef]) -> None:
    assert any(set(f.sides) == sides for f in frames_of(nlp, text))


def test_the_two_leaders_of_one_country_make_no_frame(nlp: Language) -> None:
    # near miss: two leaders of one country (a president and his premier) are no two sides
    text = ("Congolese President Felix Mbeki and Prime Minister Jean Kasongo met in Kinshasa on Tuesday.\n\n"
            "The two leaders had agreed to seek a ceasefire in the east.")
    assert not any(len(f.sides) >= 2 for f in frames_of(nlp, text))


def test_the_two_countries_after_a_quarrel_told_in_their_sentence(nlp: Language) -> None:
    # "the two countries" refers to the quarrel just told, not to a pair named together before
    text = ("Chadian and Libyan officials met in Rome on Monday.\n\n"
            "Chad has also quarrelled with Sudan over refugees, and the two countries recalled envoys last year.")
    frames = frames_of(nlp, text)
    assert not any(set(f.sides) == {C("TCD"), C("LBY")} and f.via == "back_reference" for f in frames)
    assert any(set(f.sides) == {C("TCD"), C("SDN")} for f in frames)


@pytest.mark.parametrize(("text", "sides"), [
    ("Israel and Hamas are close to a deal on the release of hostages.", {C("ISR"), Org("hamas")}),
    ("Sudan and South Sudan are closer to a truce than ever, officials said.", {C("SDN"), C("SSD")}),
])
def test_sides_close_to_a_deal(nlp: Language, text: str, sides: set[EntityRef]) -> None:
    assert any(set(f.sides) == sides for f in frames_of(nlp, text))


def test_close_to_no_frame_noun(nlp: Language) -> None:
    # near miss: close to a place, or to each other
    assert not frames_of(nlp, "Sudan and South Sudan are close to the river, officials said.")
