"""Which parties a mediation is between when its sides are named as people, as officials of a
country, or as delegations: the sides of the dispute, each once, never the third party.

The sentences and articles are invented (people and wording); real countries are used as sides.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import country, mediations, org, person

PUBLISHED = date(2025, 1, 1)
pytestmark = pytest.mark.model


def parties_of(nlp: Language, text: str, mediator: EntityRef) -> set[frozenset[EntityRef]]:
    rows = mediations(extract_article(Article("parties", text, PUBLISHED), nlp))
    return {parties for m, parties, _ in rows if m == mediator}


def test_a_side_named_without_title_is_still_a_side(nlp: Language) -> None:
    # the talks told back from the sentence before; the second side has no title or country
    text = ("President Jonas Banda and Peter Mwale began talks in Lusaka on Monday.\n\n"
            "Former Botswana president Kgosi Molefe is mediating the talks.")
    assert parties_of(nlp, text, person("kgosi-molefe")) == {
        frozenset({person("jonas-banda"), person("peter-mwale")})}


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    # two rivals of one country: the two people
    ("President Jonas Banda has refused to share power with Peter Mwale since the disputed election.\n\n"
     "The African Union has offered to mediate between the two men.",
     org("african-union"), {person("jonas-banda"), person("peter-mwale")}),
    # two leaders of two countries: their countries
    ("Russian President Ivan Volkov refused to meet Ukrainian President Taras Bondar last month.\n\n"
     "Turkey has offered to mediate between the two men.",
     country("TUR"), {country("RUS"), country("UKR")}),
])
def test_the_two_men_told_before(nlp: Language, text: str, mediator: EntityRef, sides: set[EntityRef]) -> None:
    assert parties_of(nlp, text, mediator) == {frozenset(sides)}


def test_a_mediating_bodys_own_chief_is_no_side(nlp: Language) -> None:
    # the chief met the leaders of one side; the other side is unnamed
    text = ("The Secretary General of the Arab League, Karim Zaydani, arrived in Beirut on Monday for talks with "
            "Lebanese leaders on the political crisis. Zaydani met Parliament Speaker Nabil Haddad and Prime "
            "Minister Samir Aoudi. He is expected to meet Hezbollah officials on Tuesday. The Arab League has been "
            "trying to broker a compromise between the governing coalition and the Hezbollah-led opposition.")
    assert parties_of(nlp, text, org("arab-league")) == {frozenset({org("hezbollah")})}


@pytest.mark.parametrize("text", [
    "Turkish mediators relayed messages between the Russian and Ukrainian delegations.",
    "Turkish mediators carried proposals between the Russian delegation and the Ukrainian delegation.",
])
def test_a_delegation_is_its_country_once(nlp: Language, text: str) -> None:
    assert parties_of(nlp, text, country("TUR")) == {frozenset({country("RUS"), country("UKR")})}


@pytest.mark.parametrize("text", [
    "China hosted talks in Beijing between North Korean envoy Ri Song Chol and Assistant Secretary "
    "of State Tom Reedy.",
    "North Korea agreed on Saturday to return to the disarmament talks. The deal was reached at a "
    "dinner hosted by China, where Assistant Secretary of State Tom Reedy met North Korean envoy "
    "Ri Song Chol.",
])
def test_an_american_official_named_by_title_alone_stands_for_his_country(nlp: Language, text: str) -> None:
    # "Assistant Secretary of State" names no country: only the United States has the office
    assert parties_of(nlp, text, country("CHN")) == {frozenset({country("PRK"), country("USA")})}


@pytest.mark.parametrize(("text", "sides"), [
    # a portfolio after "for" is Britain's; the Holy See's secretary is named with it
    ("Secretary of State for Defence Jo Platt met Kenyan Defence Minister Amos Njoroge.", None),
    ("Vatican Secretary of State Pietro Galli met Kenyan President Amos Njoroge.", "VAT"),
    ("Deputy Secretary of State Ann Kerr met Kenyan President Amos Njoroge.", "USA"),
])
def test_the_country_of_a_secretary_of_state(nlp: Language, text: str, sides: str | None) -> None:
    from kg.nlp.extraction import person_index

    index, _ = person_index(nlp(text))
    holder = next(p for p in index.persons.values() if p.name in {"Jo Platt", "Pietro Galli", "Ann Kerr"})
    assert holder.country == sides or (sides is None and holder.country != "USA")


@pytest.mark.parametrize("text", [
    # "their" row is the two joined by "and", not the counterpart they talk with
    "Mali and Niger are in talks with the European Union over migration, while Algeria has offered "
    "to mediate their border row.",
    "Mali and Niger held talks with the European Union on Monday, and Algeria said it would mediate "
    "in their border dispute.",
])
def test_their_dispute_is_the_pair_not_their_counterpart(nlp: Language, text: str) -> None:
    assert parties_of(nlp, text, country("DZA")) == {frozenset({country("MLI"), country("NER")})}


def test_their_dispute_of_the_mediators_is_no_side(nlp: Language) -> None:
    # near miss: the two joined by "and" are the mediators themselves
    text = "Ghana and Togo held talks with Benin on trade, and Ghana and Togo offered to mediate their dispute."
    assert frozenset({country("GHA"), country("TGO")}) not in parties_of(nlp, text, country("GHA"))


def test_a_leader_of_an_armed_group_is_that_group_not_its_country(nlp: Language) -> None:
    text = ("The African Union has appointed former Kenyan president Samuel Mwangi as its envoy to Sudan, "
            "where government troops have battled the Rapid Support Forces militia since spring.\n\n"
            "Mwangi will try to bring army chief Hamid Osman and RSF leader Yusuf Daglo to the "
            "negotiating table, the AU said.")
    (parties,) = parties_of(nlp, text, person("samuel-mwangi"))
    assert org("rsf") in parties and country("SDN") not in parties


def test_the_two_ministers_named_apart_before(nlp: Language) -> None:
    text = ("Armenian Foreign Minister Davit Arakelyan arrived in Almaty on Thursday. His Azerbaijani "
            "counterpart Elnur Guliyev landed hours later.\n\n"
            "Kazakhstan is hosting the talks between the two ministers.")
    assert parties_of(nlp, text, country("KAZ")) == {frozenset({country("ARM"), country("AZE")})}


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    # "its" stands for the one who asks, not the mediator ("with B" hung on the verb)
    ("Kenya has asked Uganda to mediate its border row with Somalia.",
     country("UGA"), {country("KEN"), country("SOM")}),
    ("Somalia welcomed Turkey's offer to mediate in its quarrel with Ethiopia.",
     country("TUR"), {country("SOM"), country("ETH")}),
    # "his" dispute: the one who asks (tells of) the mediation, a person
    ("Opposition leader Peter Mwale asked the African Union to mediate in his dispute with President Jonas Banda.",
     org("african-union"), {person("peter-mwale"), person("jonas-banda")}),
    ("Peter Mwale said the African Union would mediate his dispute with President Jonas Banda.",
     org("african-union"), {person("peter-mwale"), person("jonas-banda")}),
])
def test_the_owner_of_the_quarrel_with_another(nlp: Language, text: str, mediator: EntityRef,
                                               sides: set[EntityRef]) -> None:
    assert parties_of(nlp, text, mediator) == {frozenset(sides)}


def test_one_who_speaks_for_the_mediator_owns_no_quarrel_it_mediates(nlp: Language) -> None:
    # near miss: the mediator's own president tells of it; he is no party
    text = "Kenyan President Daniel Otieno said on Friday that Kenya would mediate in its row with Somalia."
    for parties in parties_of(nlp, text, country("KEN")):
        assert person("daniel-otieno") not in parties and country("KEN") not in parties


def test_a_crisis_of_one_country_is_between_its_rivals_named_later(nlp: Language) -> None:
    text = ("Former UN chief Jonas Lindqvist arrived in Lusaka on Tuesday to mediate in Zambia's "
            "post-election crisis.\n\n"
            "President Jonas Banda and opposition leader Peter Mwale have traded accusations of vote "
            "rigging since the December poll, and more than 300 people have died in clashes.")
    assert parties_of(nlp, text, person("jonas-lindqvist")) == {
        frozenset({person("jonas-banda"), person("peter-mwale")})}


def test_a_crisis_of_one_country_stays_its_own_beside_other_countries(nlp: Language) -> None:
    # near miss: the two people of the other frame act for two other countries
    text = ("Former UN chief Jonas Lindqvist arrived in Lusaka on Tuesday to mediate in Zambia's "
            "post-election crisis.\n\n"
            "Separately, Kenyan Foreign Minister Amos Njoroge and Ugandan Foreign Minister Ruth Akello "
            "signed a trade deal in Nairobi.")
    parties = parties_of(nlp, text, person("jonas-lindqvist"))
    assert frozenset({country("KEN"), country("UGA")}) not in parties


@pytest.mark.parametrize("text", [
    "Zambia's power-sharing talks have stalled, Zambian opposition leader Peter Mwale said on Thursday, "
    "though he was still willing to work with President Jonas Banda.\n\n"
    "Mwale said he had asked the African Union to mediate.",
    # a leader of another country is none of its rivals
    "Zambia's power-sharing talks have stalled, Zambian opposition leader Peter Mwale said on Thursday, "
    "after meeting Kenyan President Daniel Otieno and President Jonas Banda.\n\n"
    "Mwale said he had asked the African Union to mediate.",
])
def test_talks_within_one_country_are_between_the_two_who_lead_its_sides(nlp: Language, text: str) -> None:
    assert parties_of(nlp, text, org("african-union")) == {
        frozenset({person("jonas-banda"), person("peter-mwale")})}


def test_talks_within_one_country_with_one_leader_named_stay_the_countrys(nlp: Language) -> None:
    # near miss: one side's leader alone is named
    text = ("Zambia's power-sharing talks have stalled, Zambian opposition leader Peter Mwale said on Thursday.\n\n"
            "Mwale said he had asked the African Union to mediate.")
    assert parties_of(nlp, text, org("african-union")) == {frozenset({country("ZMB")})}


def test_an_armed_group_of_another_mediation_is_none_of_this_ones_sides(nlp: Language) -> None:
    text = ("Israel and Hamas resumed indirect talks in Doha on Sunday.\n\n"
            "Separately, Israel and Lebanon agreed to a truce the United States had brokered.\n\n"
            "Qatar and Egypt are mediating the Gaza talks.")
    assert parties_of(nlp, text, country("USA")) == {frozenset({country("ISR"), country("LBN")})}
    assert parties_of(nlp, text, country("QAT")) == {frozenset({country("ISR"), org("hamas")})}


def talks_of(nlp: Language, text: str) -> list[set[EntityRef]]:
    records = extract_article(Article("attempt", text, PUBLISHED), nlp)
    return [{p.entity for p in e.participants} for e in records.events if e.kind in {"talks", "meeting"}]


@pytest.mark.parametrize("text", [
    "For months Turkey has tried to mediate between Armenia and Azerbaijan.",
    "Egypt is trying to mediate between Israel and Hamas.",
    "Saudi Arabia has sought to broker an accord between Qatar and Bahrain.",
    # asked for by a side: only proposed
    "Kenya asked Uganda to mediate in its dispute with Somalia.",
    "Both governments asked the African Union for mediation between Kenya and Somalia.",
])
def test_an_attempted_mediation_tells_of_no_talks(nlp: Language, text: str) -> None:
    assert talks_of(nlp, text) == []


def test_a_mediation_to_come_tells_of_talks(nlp: Language) -> None:
    # near miss: a mediation planned, not only attempted
    assert {country("ARM"), country("AZE"), country("TUR")} in talks_of(
        nlp, "Turkey will mediate between Armenia and Azerbaijan in Istanbul next week.")


def test_a_mediation_held_after_a_request_tells_of_talks(nlp: Language) -> None:
    # near miss: the request is told in a relative clause; the mediation was held
    assert {country("KEN"), country("SOM"), country("UGA")} in talks_of(
        nlp, "Uganda mediated talks between Kenya and Somalia, which had asked for its help.")


@pytest.mark.parametrize("text", [
    # "the army" beside an armed group of one country is that country's side
    "Egypt offered on Friday to mediate between the military and the M23 in the east of Congo.",
    "Clashes between the army and the M23 have forced thousands from Goma. Angola is mediating between the "
    "army and the M23.",
    # a civil war's two sides hosted by a third party: sides of one country, a mediation all the same
    "The war in Congo between the army and the M23 has emptied whole villages. Angola hosted the two sides in "
    "Luanda.",
])
def test_the_army_beside_a_group_of_its_country(nlp: Language, text: str) -> None:
    mediator = country("EGY") if text.startswith("Egypt") else country("AGO")
    assert parties_of(nlp, text, mediator) == {frozenset({country("COD"), org("m23")})}


def test_the_army_alone_is_no_country(nlp: Language) -> None:
    # told alone, "the army" may be anyone's: no side taken from it
    text = "The army said it had repelled an attack near Goma. Angola is mediating between the army and the rebels."
    assert country("COD") not in set().union(*parties_of(nlp, text, country("AGO")))


@pytest.mark.parametrize(("text", "sides"), [
    # "is mediating" tagged a noun, with one side named and the other unnamed
    ("Norway is mediating between President Hamir Dostal and the opposition.", {person("hamir-dostal")}),
    # a person's own party after a comma is the person's, not a side of the talks
    ("Norway hosted talks on Tuesday between President Hamir Dostal, of the ruling National Unity Party, and "
     "the opposition.", {person("hamir-dostal")}),
    # the parse may make the second side a second object of the first side's "of"
    ("Norway is mediating between President Hamir Dostal of the ruling National Unity Party and opposition "
     "leader Okka Brandt.", {person("hamir-dostal"), person("okka-brandt")}),
])
def test_a_persons_own_party_is_no_side(nlp: Language, text: str, sides: set[EntityRef]) -> None:
    assert parties_of(nlp, text, country("NOR")) == {frozenset(sides)}


@pytest.mark.parametrize("text", [
    "Senegal is leading mediation between the government of Gambia and opposition parties, its ministry said.",
    "Senegal leads the mediation between the government of Gambia and opposition parties.",
])
def test_the_government_of_a_beside_unnamed_parties(nlp: Language, text: str) -> None:
    # the parse may make the country a modifier of the unnamed parties after it
    assert parties_of(nlp, text, country("SEN")) == {frozenset({country("GMB")})}


def test_forces_named_by_their_region_are_an_armed_side(nlp: Language) -> None:
    # "Tigrayan forces" (the model's organisation "Tigrayan"): the armed side, of the region's country,
    # which "the army" beside it stands for
    text = ("Fighting between the army and Tigrayan forces has displaced thousands. Kenya hosted the two sides "
            "in Nairobi.")
    assert parties_of(nlp, text, country("KEN")) == {frozenset({country("ETH"), org("tigrayan-forces")})}


def test_sides_told_on_one_side_and_on_the_other(nlp: Language) -> None:
    # the parse joins the last side to the word "side"
    text = ("Oman mediated the quarrel between Kenya, Uganda and Rwanda on one side and Tanzania on the other, "
            "diplomats said.")
    assert parties_of(nlp, text, country("OMN")) == {
        frozenset({country("KEN"), country("UGA"), country("RWA"), country("TZA")})}


def test_a_states_army_beside_a_group_in_an_of_phrase(nlp: Language) -> None:
    # "representatives of the Congolese army and the M23": the army's country is a side, not a demonym of the group
    text = "Representatives of the Congolese army and the M23 met in Luanda under Angolan auspices."
    assert parties_of(nlp, text, country("AGO")) == {frozenset({country("COD"), org("m23")})}
