"""Which dispute a mediation's parties come from, in articles of several paragraphs that
tell more than one dispute: the mediator appears paragraphs after the lead, and a side
dispute (a third party's own quarrel, an earlier war of other countries) is told on the way.

The articles are invented (people and wording); real countries are used as sides.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import mediations

PUBLISHED = date(2025, 1, 1)
pytestmark = pytest.mark.model


def country(code: str) -> EntityRef:
    return EntityRef("country", code)


def rows_of(nlp: Language, text: str) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    return mediations(extract_article(Article("document", text, PUBLISHED), nlp))


def parties_of(nlp: Language, text: str, mediator: str) -> set[frozenset[EntityRef]]:
    return {parties for m, parties, _ in rows_of(nlp, text) if m == country(mediator)}


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    # a third party's own quarrel told in a relative clause on it, just before "the two sides"
    ("Ethiopia and Eritrea have been locked in a bitter dispute over a border town since March.\n\n"
     "The neighbours recalled their envoys last month. Sudan, which has its own quarrel with Ethiopia "
     "over farmland, warned that the fighting could spread.\n\n"
     "On Tuesday Qatar offered to mediate between the two sides, its foreign ministry said.",
     "QAT", {"ETH", "ERI"}),
    ("Mali and Niger have been locked in a dispute over a border post since June.\n\n"
     "Chad, which is itself at odds with Niger over grazing land, called for calm.\n\n"
     "Algeria has offered to mediate between the two sides, officials in Algiers said.",
     "DZA", {"MLI", "NER"}),
])
def test_a_third_partys_own_dispute_is_background(nlp: Language, text: str, mediator: str,
                                                  sides: set[str]) -> None:
    assert parties_of(nlp, text, mediator) == {frozenset(country(c) for c in sides)}


def test_a_dispute_told_as_the_story_is_no_background(nlp: Language) -> None:
    # near miss: the same quarrel told in the main clause is the dispute the story is about
    text = ("Sudan has a bitter quarrel with Ethiopia over farmland.\n\n"
            "On Tuesday Qatar offered to mediate between the two sides, its foreign ministry said.")
    assert parties_of(nlp, text, "QAT") == {frozenset({country("SDN"), country("ETH")})}


@pytest.mark.parametrize("text", [
    # the mediated talks told back with "the talks", an earlier war of one side told later
    "Ethiopian and Eritrean officials met in Oslo on Friday for a first round of talks on their border.\n\n"
    "The talks were mediated by Norway, a Norwegian envoy said.\n\n"
    "Eritrea fought a short war with Djibouti in 2008, and relations remain frozen.",
    "Ethiopian and Eritrean negotiators met in Oslo on Friday.\n\n"
    "Norway hosted the meeting, its foreign ministry said.\n\n"
    "Eritrea fought a short war with Djibouti in 2008.",
])
def test_the_meeting_its_sentence_refers_back_to(nlp: Language, text: str) -> None:
    assert frozenset({country("ETH"), country("ERI")}) in parties_of(nlp, text, "NOR")
    assert frozenset({country("ERI"), country("DJI")}) not in parties_of(nlp, text, "NOR")


def test_the_meeting_referred_back_to_is_about_the_dispute_told_before_it(nlp: Language) -> None:
    # near miss: a dispute told before the meeting is what the meeting is about
    text = ("Eritrea and Djibouti are locked in a dispute over a border island.\n\n"
            "Eritrean and Djiboutian officials met in Oslo on Friday.\n\n"
            "The talks were mediated by Norway, a Norwegian envoy said.")
    assert parties_of(nlp, text, "NOR") == {frozenset({country("ERI"), country("DJI")})}


def test_the_mediators_own_relations_told_in_passing_leave_it_a_third_party(nlp: Language) -> None:
    text = ("Turkey, which has its own tense relations with Greece, has long sought a role in ending the war.\n\n"
            "Ukraine and Russia signed a grain deal in Istanbul in 2022. Turkish President Kemal Oruc "
            "helped broker the agreement.")
    rows = rows_of(nlp, text)
    assert any(parties == {country("UKR"), country("RUS")} for _, parties, _ in rows)


def test_the_mediators_own_dispute_told_as_the_story_makes_it_a_side(nlp: Language) -> None:
    # near miss: told in its own clause, the dispute makes the country a side
    text = ("Turkey is locked in a bitter dispute with Greece over the islands.\n\n"
            "Turkish President Kemal Oruc helped broker an agreement on the islands.")
    assert not parties_of(nlp, text, "TUR")


@pytest.mark.parametrize(("text", "side"), [
    ("The United States and the Taliban resumed talks in Doha on Monday over a prisoner release.\n\n"
     "Pakistan and Afghanistan have clashed repeatedly along their border this year.\n\n"
     "Qatar has facilitated the negotiations, a Qatari official said.", "USA"),
    ("Israeli and Hamas negotiators arrived in Cairo on Sunday for indirect talks on a ceasefire.\n\n"
     "Egypt has been mediating between the two sides. An Egyptian official met separately with both "
     "delegations.\n\nIsrael and Hezbollah exchanged fire on the border overnight.", "hamas"),
])
def test_a_side_of_the_mediated_talks_goes_between_no_one_else(nlp: Language, text: str, side: str) -> None:
    rows = rows_of(nlp, text)
    assert rows
    assert not any(m.key == side for m, _, _ in rows)


def test_leaders_met_for_their_countries_take_the_countries_frame(nlp: Language) -> None:
    text = ("Ethiopian Prime Minister Lemma Tesfaye and Somali President Hassan Warsame met in Nairobi on Sunday.\n\n"
            "Addis Ababa and Mogadishu have been at odds since January over a port deal. Kenya, which has "
            "troops in Somalia, brokered the meeting.")
    assert parties_of(nlp, text, "KEN") == {frozenset({country("ETH"), country("SOM")})}


def test_a_government_and_its_rebels_met_are_the_sides_of_the_talks_told_back(nlp: Language) -> None:
    # the rebels stand apart from their country's government; a quarrel with a neighbour told after
    text = ("Colombian and ELN negotiators met in Caracas on Monday.\n\n"
            "Colombia has also quarrelled with Venezuela over migrants, and the two countries recalled "
            "envoys last year.\n\nThe talks are mediated by Norway.")
    assert parties_of(nlp, text, "NOR") == {frozenset({country("COL"), EntityRef("organization", "eln")})}


@pytest.mark.parametrize("text", [
    "The Norwegian envoy Kari Halvorsen opened a fresh round of talks between Eritrea and Djibouti this week.",
    "The UN envoy Omar Diallo launched a fresh round of talks between Eritrea and Djibouti this week.",
])
def test_a_third_party_opening_talks_between_two_sides(nlp: Language, text: str) -> None:
    rows = rows_of(nlp, text)
    assert any(parties == {country("ERI"), country("DJI")} for _, parties, _ in rows)


@pytest.mark.parametrize("text", [
    # a side opening its own talks; an offensive launched in a war; a plan launched
    "Sudan and South Sudan have quarrelled over oil. Sudan opened a new round of talks with South Sudan on Tuesday.",
    "Sudan and South Sudan are at war. Sudan launched a new offensive on Tuesday.",
    "Sudan and South Sudan are at war. Norway launched a new aid plan on Tuesday.",
])
def test_opening_talks_near_miss(nlp: Language, text: str) -> None:
    assert not rows_of(nlp, text)


def test_the_two_men_at_odds_within_one_country_are_the_sides(nlp: Language) -> None:
    # a president and an opposition leader named together, then "the two men" in a dispute
    text = ("Talks to end Kenya's political crisis resumed on Monday.\n\n"
            "Former UN chief Kofi Mensah, who is mediating, met President Mwai Oduya and opposition leader "
            "Raila Kibet separately. The two men have been locked in a dispute over the election since December.")
    rows = rows_of(nlp, text)
    sides = {EntityRef("person", "mwai-oduya"), EntityRef("person", "raila-kibet")}
    assert any(parties == sides for _, parties, _ in rows)


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    # a second dispute told in the mediation's paragraph, just before it
    ("African leaders met in Addis Ababa on Sunday for a summit dominated by the war between Congo and "
     "Rwanda.\n\nQatar has been mediating that conflict since March.\n\n"
     "Separately, Somalia and Ethiopia remain at odds over a port deal. Turkey has offered to mediate, "
     "Turkish officials said.", "TUR", {"SOM", "ETH"}),
    ("Colombia's government and the ELN rebels resumed peace talks in Havana on Monday, with Norway "
     "acting as mediator.\n\nMeanwhile, Venezuela and the United States held a rare meeting in Doha. "
     "Qatar facilitated the talks, a diplomat said.", "QAT", {"VEN", "USA"}),
])
def test_the_dispute_told_just_before_in_the_paragraph(nlp: Language, text: str, mediator: str,
                                                        sides: set[str]) -> None:
    assert parties_of(nlp, text, mediator) == {frozenset(country(c) for c in sides)}


def test_the_dispute_told_just_before_in_another_paragraph_is_no_nearer(nlp: Language) -> None:
    # near miss: the lead's war stays the frame when the other dispute closes the paragraph before
    text = ("Congo and Rwanda have been at war in the east since January, killing thousands.\n\n"
            "Ethiopia and Somalia also remain locked in a dispute over a port deal.\n\n"
            "Turkey has offered to mediate, Turkish officials said on Monday.")
    assert parties_of(nlp, text, "TUR") == {frozenset({country("COD"), country("RWA")})}


def test_two_people_of_no_known_country_told_just_before_leave_the_salient_frame(nlp: Language) -> None:
    # near miss: "the meeting between President X and Premier Y" names the salient frame's sides as people
    text = ("Armenia and Azerbaijan signed a peace agreement in Oslo last week.\n\n"
            "The meeting between President Kerimov and Prime Minister Sarkisyan marked a milestone. "
            "We are grateful to Norway for its help in reaching this step forward.")
    rows = rows_of(nlp, text)
    assert all(parties == {country("ARM"), country("AZE")} for m, parties, _ in rows if m == country("NOR"))


def test_talks_between_the_two_leaders_named_before(nlp: Language) -> None:
    # the third party named with the two leaders is no side; the mediator's own talks told after
    text = ("Turkish President Kemal Oruc spoke with Russian President Ivan Sokolov and Ukrainian President "
            "Taras Bondar on Sunday.\n\nOruc offered to host a new round of talks between the two leaders. "
            "Turkey and Greece, meanwhile, have agreed to resume talks on maritime borders.")
    rows = rows_of(nlp, text)
    assert any(parties == {country("RUS"), country("UKR")} for _, parties, _ in rows)


def test_a_dispute_told_at_length_after_the_mediation_is_another_matter(nlp: Language) -> None:
    # the later dispute is told more often (more salient), but only after the mediation
    text = ("Congo and Rwanda agreed on Saturday to a ceasefire in the east.\n\n"
            "Qatar brokered the agreement after weeks of talks, a Qatari official said.\n\n"
            "Separately, Burundi and Rwanda have been locked in a dispute over the border. The two countries "
            "closed crossings in January. Burundi accuses Rwanda of backing rebels, and the two neighbours "
            "have traded accusations for months.")
    assert parties_of(nlp, text, "QAT") == {frozenset({country("COD"), country("RWA")})}


def test_a_dispute_told_only_after_the_mediation_is_its_frame_where_none_is_before(nlp: Language) -> None:
    # near miss: the mediation opens the story, its dispute told after it
    text = ("Qatar has offered to mediate, a Qatari official said on Monday.\n\n"
            "Burundi and Rwanda have been locked in a dispute over the border since January.")
    assert parties_of(nlp, text, "QAT") == {frozenset({country("BDI"), country("RWA")})}


@pytest.mark.model
def test_talks_told_by_a_participle_take_the_sides_meeting_in_the_next_sentence(nlp: Language) -> None:
    # "the talks, mediated by C, ..." with no sides before: the two told meeting again just after
    text = ("The talks, mediated by Norway and attended by an envoy from Cuba, ended on Friday. The government "
            "of Colombia and the ELN agreed to meet again in Havana.")
    assert (country("NOR"), frozenset({country("COL"), EntityRef("organization", "eln")}), True) in rows_of(nlp, text)
