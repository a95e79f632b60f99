"""Kinds of reasoning that can attach a wrong party to a mediation, each with a passage where it
would, and a passage beside it where the party taken the same way is right.

The passages are invented (people and wording); real countries and bodies are used as sides.
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
    rows = mediations(extract_article(Article("wrong-parties", text, PUBLISHED), nlp))
    return {parties for m, parties, _ in rows if m == mediator}


def all_parties(nlp: Language, text: str) -> set[EntityRef]:
    return {p for _, parties, _ in mediations(extract_article(Article("wrong-parties", text, PUBLISHED), nlp))
            for p in parties}


# --- the mediator's own meetings: consulting many is no going between two --------------------

def test_three_countries_a_mediator_consults_are_no_sides(nlp: Language) -> None:
    text = ("The UN envoy Hans Kessler met Egyptian, Turkish and Emirati officials in Cairo on Monday. "
            "Kessler has been trying to broker a deal between the rival governments.")
    assert not all_parties(nlp, text) & {country("EGY"), country("TUR"), country("ARE")}


def test_two_countries_a_mediator_meets_are_its_sides(nlp: Language) -> None:
    text = ("The Swiss envoy Pia Roth met Armenian and Azerbaijani officials in Geneva on Monday. "
            "Switzerland has been trying to broker peace.")
    assert parties_of(nlp, text, country("CHE")) == {frozenset({country("ARM"), country("AZE")})}


def test_an_envoy_in_talks_with_three_countries_goes_between_none_of_them(nlp: Language) -> None:
    text = ("US envoy Carl Brenner held talks with Israeli, Egyptian and Qatari officials in Doha on Wednesday "
            "about the war.")
    assert not all_parties(nlp, text)


def test_an_envoy_in_talks_with_two_sides_goes_between_them(nlp: Language) -> None:
    text = "UN envoy Hans Kessler held talks with Sudanese and Rapid Support Forces officials in Geneva about the war."
    assert parties_of(nlp, text, person("hans-kessler")) == {frozenset({country("SDN"), org("rsf")})}


# --- who watch the talks: observers and international bodies ----------------------------------

def test_observers_who_attended_are_no_sides(nlp: Language) -> None:
    text = ("The Jeddah talks, facilitated by Saudi Arabia, brought together delegations of the Rapid Support "
            "Forces and the Sudanese army. Observers from IGAD also attended.")
    assert parties_of(nlp, text, country("SAU")) == {frozenset({country("SDN"), org("rsf")})}


def test_an_international_body_that_attends_others_talks_is_no_side(nlp: Language) -> None:
    text = ("Delegations of the Rapid Support Forces and of Sudan met in Jeddah for talks facilitated by "
            "Saudi Arabia. The African Union also attended.")
    assert org("african-union") not in all_parties(nlp, text)


def test_an_international_body_named_between_is_a_side(nlp: Language) -> None:
    text = "Togo has offered to mediate between ECOWAS and Niger's military rulers after the coup."
    assert parties_of(nlp, text, country("TGO")) == {frozenset({org("ecowas"), country("NER")})}


# --- the mediator's own consultations after it is told mediating in a country -----------------

@pytest.mark.parametrize("text", [
    "The United States brokered a ceasefire in Sudan. US envoy Mark Ebbing met Egyptian and Emirati officials "
    "in Cairo on Wednesday to discuss the war.",
    "The United States and Saudi Arabia have brokered a ceasefire in Sudan. US envoy Mark Ebbing met Saudi and "
    "Emirati officials in Jeddah on Wednesday.",
])
def test_a_truce_in_a_country_is_its_and_the_mediators_consultations_add_no_sides(nlp: Language, text: str) -> None:
    assert all_parties(nlp, text) == {country("SDN")}


def test_a_truce_in_a_country_yields_to_the_dispute_told_before(nlp: Language) -> None:
    text = ("Israel and Hezbollah have exchanged fire for months. The United States brokered a ceasefire in "
            "Lebanon on Tuesday.")
    assert parties_of(nlp, text, country("USA")) == {frozenset({country("ISR"), org("hezbollah")})}


def test_talks_in_a_country_are_held_there(nlp: Language) -> None:
    assert not all_parties(nlp, "Qatar has offered to host peace talks in Afghanistan.")


def test_a_mediators_envoy_meeting_two_sides_is_its_mediation(nlp: Language) -> None:
    text = ("US envoy Mark Ebbing met Armenian and Azerbaijani officials in Geneva on Monday. The United States "
            "has been trying to broker a peace deal.")
    assert parties_of(nlp, text, country("USA")) == {frozenset({country("ARM"), country("AZE")})}


# --- attendees, delegations and a settlement that is the other's ------------------------------

def test_a_summit_hosts_attendees_are_no_sides_of_the_dispute_it_mediates(nlp: Language) -> None:
    text = ("Angolan President Jose Tavares hosted a summit in Luanda on Tuesday attended by the presidents of "
            "Rwanda, Congo, Burundi and Uganda. Tavares has been mediating between Rwanda and Congo.")
    assert all_parties(nlp, text) == {country("RWA"), country("COD")}


@pytest.mark.parametrize("text", [
    "Qatar hosted talks on Sunday between the Taliban and a US delegation led by special envoy Glen Porter.",
    "Qatar hosted talks on Sunday between Taliban envoy Sher Wardak and US envoy Glen Porter.",
])
def test_a_delegations_leader_is_of_its_side(nlp: Language, text: str) -> None:
    assert parties_of(nlp, text, country("QAT")) == {frozenset({org("taliban"), country("USA")})}


def test_a_settlement_with_another_in_a_story_of_other_disputes_is_the_met_ones(nlp: Language) -> None:
    text = ("Israel and Hamas have fought since October. Qatar has been mediating. Secretary of State Linda "
            "Moore held talks with Saudi Crown Prince Rakan in Riyadh about normalization with Israel.")
    assert [m for m, _, _ in mediations(extract_article(Article("other", text, PUBLISHED), nlp))] == [country("QAT")]


def test_one_side_met_on_its_truce_with_the_other_is_gone_between(nlp: Language) -> None:
    text = "An Israeli delegation held talks with Egyptian officials in Cairo on Monday on a truce with Hamas."
    assert parties_of(nlp, text, country("EGY")) == {frozenset({country("ISR"), org("hamas")})}


# --- a dispute told just before, when the mediation's own sentence names another side ---------

@pytest.mark.parametrize(("text", "sides"), [
    ("Secretary Linda Moore met Qatari Prime Minister Fahad Al Mansouri in Washington on Monday. They discussed "
     "Russia's war against Ukraine. The Secretary also thanked Qatar for its mediation to free the hostages "
     "held by Hamas in Gaza.", {org("hamas")}),
    ("Israel and Hamas have fought since October. The Secretary thanked Qatar for its mediation to free the "
     "hostages held by Hamas.", {country("ISR"), org("hamas")}),
])
def test_the_captor_a_release_names_holds_its_frame(nlp: Language, text: str, sides: set[EntityRef]) -> None:
    assert parties_of(nlp, text, country("QAT")) == {frozenset(sides)}


@pytest.mark.parametrize("text", [
    "Secretary Linda Moore spoke with Turkish Foreign Minister Emre Aydin on Tuesday. They discussed the "
    "war in Ukraine and the conflict between Armenia and Azerbaijan. The Secretary thanked Turkey for its role "
    "in facilitating the grain deal.",
    "Secretary Linda Moore spoke with Turkish Foreign Minister Emre Aydin on Tuesday. They discussed the "
    "war in Ukraine and the conflict between Armenia and Azerbaijan.\n\nThe Secretary also thanked Turkey for "
    "its role in facilitating the grain deal.",
])
def test_one_of_two_matters_a_readout_lists_is_no_mediations_frame(nlp: Language, text: str) -> None:
    assert parties_of(nlp, text, country("TUR")) == {frozenset()}


def test_the_one_matter_a_readout_lists_is_the_mediations_frame(nlp: Language) -> None:
    text = ("Secretary Linda Moore spoke with Turkish Foreign Minister Emre Aydin on Tuesday. They discussed the "
            "conflict between Armenia and Azerbaijan. The Secretary thanked Turkey for its role in facilitating "
            "the talks.")
    assert parties_of(nlp, text, country("TUR")) == {frozenset({country("ARM"), country("AZE")})}


# --- a dispute told only after the mediation, over the one-country crisis told before ---------

def test_a_quarrel_told_later_gives_way_to_the_crisis_told_before(nlp: Language) -> None:
    text = ("Mediators Push for Deal in Burundi Crisis\n\n"
            "Ugandan President Samuel Okello, the chief mediator, met opposition leaders in Kampala on Tuesday. "
            "Burundi's president has refused to meet them.\n\n"
            "Burundi accuses Rwanda of training rebels, a charge Kigali denies.")
    assert parties_of(nlp, text, person("samuel-okello")) == {frozenset({country("BDI")})}


def test_a_quarrel_told_before_is_the_mediations_frame(nlp: Language) -> None:
    text = ("Burundi accuses Rwanda of training rebels, a charge Kigali denies.\n\n"
            "Ugandan President Samuel Okello, the chief mediator, met Burundian officials in Kampala on Tuesday.")
    assert parties_of(nlp, text, person("samuel-okello")) == {frozenset({country("BDI"), country("RWA")})}


# --- armed groups of other fronts ---------------------------------------------------------------

def test_armed_groups_fighting_a_party_on_other_fronts_are_no_sides(nlp: Language) -> None:
    text = ("Jordan is mediating between Israel and Syria over the border. Lebanon's Hezbollah has clashed with "
            "Israel since October, and the Houthis in Yemen have attacked Israel.")
    assert parties_of(nlp, text, country("JOR")) == {frozenset({country("ISR"), country("SYR")})}


def test_armed_groups_a_mediation_tells_of_unnamed_are_its_sides(nlp: Language) -> None:
    text = ("China's special envoy Wang Lin met Myanmar's military leader Than Htike in Naypyidaw on Thursday. China "
            "has brokered several truces between the military and ethnic armed groups in northern Myanmar, "
            "including the Arakan Army.")
    assert parties_of(nlp, text, country("CHN")) == {frozenset({country("MMR"), org("aa-myanmar")})}


# --- in a document of no frame: who send negotiators, not the host named most -------------------

def test_those_who_send_negotiators_are_the_sides_not_the_host(nlp: Language) -> None:
    text = ("Qatar Says Truce Talks Enter Critical Phase\n\n"
            "Qatar's foreign ministry spokesman said Tuesday that negotiations on a truce had entered a critical "
            "phase, with Egyptian mediators also in Doha. Qatar said it was hopeful.\n\n"
            "Israeli negotiators arrived in Doha on Monday. A Hamas delegation met Qatari and Egyptian officials.")
    assert parties_of(nlp, text, country("EGY")) == {frozenset({country("ISR"), org("hamas")})}


def test_with_no_negotiators_named_the_two_named_most_are_the_sides(nlp: Language) -> None:
    text = ("Rwanda accused Congo of backing militias on Monday. Congo denied the charge and said Rwanda had "
            "troops on its soil. Qatar, which has mediated for months, urged calm.")
    assert parties_of(nlp, text, country("QAT")) == {frozenset({country("RWA"), country("COD")})}


# --- each side once ---------------------------------------------------------------------------

def test_a_leader_of_a_side_that_is_a_party_is_no_side_apart(nlp: Language) -> None:
    text = ("Thailand and Cambodia agreed to a ceasefire on Monday after talks in Kuala Lumpur hosted by "
            "Malaysian Prime Minister Idris Halim. Cambodian Prime Minister Sok Vannak and Thai acting Prime "
            "Minister Kittisak Boonma attended the talks.")
    assert parties_of(nlp, text, person("idris-halim")) == {frozenset({country("THA"), country("KHM")})}


def test_two_rivals_of_one_country_stay_its_sides_in_person(nlp: Language) -> None:
    text = ("Former Botswana president Kgosi Molefe is mediating between President Jonas Banda and opposition "
            "leader Peter Mwale.")
    assert parties_of(nlp, text, person("kgosi-molefe")) == {frozenset({person("jonas-banda"), person("peter-mwale")})}


# --- a host of a three-way summit is one of three, not a go-between -----------------------------

def test_the_host_of_a_three_way_summit_mediates_nothing(nlp: Language) -> None:
    text = ("Japanese Prime Minister Kenji Sato hosted South Korean President Seo Jun-ho and Chinese Premier Zhou Ming "
            "in Tokyo for a trilateral summit on trade.")
    assert not mediations(extract_article(Article("three-way", text, PUBLISHED), nlp))


def test_the_host_of_a_three_way_meeting_of_two_at_odds_hosts_them(nlp: Language) -> None:
    text = ("Armenia and Azerbaijan have been at odds for decades. German Chancellor Anna Vogel hosted the leaders "
            "of Armenia and Azerbaijan in Berlin for a trilateral meeting.")
    assert parties_of(nlp, text, person("anna-vogel")) == {frozenset({country("ARM"), country("AZE")})}


def test_a_leaders_separate_meetings_at_home_go_between_no_one(nlp: Language) -> None:
    # no quarrel told and no two other countries met: a president seeing his own officials apart
    text = ("President Tomas Ruiz held separate meetings with Prime Minister Hugo Salas and with the speaker of "
            "Congress, Marta Rojas.")
    assert parties_of(nlp, text, person("tomas-ruiz")) == set()


def test_a_leaders_separate_meetings_with_quarrelling_rivals_go_between_them(nlp: Language) -> None:
    # the same meetings with a quarrel between the two told: a go-between
    text = ("A bitter dispute between Prime Minister Hugo Salas and Marta Rojas, the speaker of Congress, has "
            "stalled the budget. President Tomas Ruiz held separate meetings with Salas and with Rojas.")
    assert parties_of(nlp, text, person("tomas-ruiz"))


def test_those_urged_to_talk_are_not_who_offers_good_offices(nlp: Language) -> None:
    # the finite verb joined to the infinitive is done by the one who urges
    text = "Ghana urged Mali and Niger to return to the negotiating table and offered its good offices."
    rows = mediations(extract_article(Article("wrong-parties", text, PUBLISHED), nlp))
    assert {m for m, _, _ in rows} == {country("GHA")}
    assert parties_of(nlp, text, country("GHA")) == {frozenset({country("MLI"), country("NER")})}


def test_a_new_clause_after_the_closed_pair_adds_no_side(nlp: Language) -> None:
    # ", and X welcomed ..." after "between A and B": the parse runs the next clause's subject on
    text = ("The European Union has also mediated between Addis Ababa and Asmara, and EU Council President Ana "
            "Ferreira welcomed the deal.")
    assert parties_of(nlp, text, org("european-union")) == {frozenset({country("ETH"), country("ERI")})}


def test_a_list_of_three_with_a_final_comma_keeps_its_last(nlp: Language) -> None:
    text = "Norway mediated between Ethiopia, Eritrea, and Djibouti."
    assert parties_of(nlp, text, country("NOR")) == {frozenset({country("ETH"), country("ERI"), country("DJI")})}


def test_a_process_led_by_the_sides_own_country_has_no_third_party(nlp: Language) -> None:
    # "a Libyan-led process" between Libya's own factions is theirs; "a Qatari-led process" is Qatar's mediation
    text = ("Fighting between the Libyan National Army and the government in Tripoli resumed. The envoy urged "
            "support for a Libyan-led political process.")
    assert country("LBY") not in {m for m, _, _ in mediations(extract_article(Article("led", text, PUBLISHED), nlp))}


def test_a_process_led_by_a_third_country_is_its_mediation(nlp: Language) -> None:
    text = ("Fighting between the Libyan National Army and the government in Tripoli resumed. The envoy urged "
            "support for the Egyptian-led peace talks.")
    assert country("EGY") in {m for m, _, _ in mediations(extract_article(Article("led", text, PUBLISHED), nlp))}


@pytest.mark.parametrize(("text", "sides"), [
    # a gathering of others than the war's sides: not between them
    ("The war between Congo's army and the M23 entered its third year. Angola hosted a meeting of Congolese "
     "civilian groups last month.", set()),
    # a gathering of the sides themselves
    ("The war between Congo's army and the M23 entered its third year. Angola hosted a meeting of the warring "
     "parties last month.", {frozenset({country("COD"), org("m23")})}),
])
def test_a_gathering_of_others_than_the_sides(nlp: Language, text: str, sides: set[frozenset[EntityRef]]) -> None:
    assert parties_of(nlp, text, country("AGO")) == sides
