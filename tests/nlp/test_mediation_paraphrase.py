"""Mediation told in other words: families of paraphrases of one mediation each, on invented
sentences run through the trained model.

Each family keeps one mediator and one pair of sides and varies the wording (active and
passive, a noun for the act, a fronted phrase, the sides named in the sentence before, a
group noun for them); each has near misses with the same words where no third party stands
between two sides.  The people are invented; real countries are used as sides and mediators.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import mediations

PUBLISHED = date(2025, 1, 1)
KENYA = EntityRef("country", "KEN")
TURKEY = EntityRef("country", "TUR")
SIDES = frozenset({EntityRef("country", "ETH"), EntityRef("country", "SOM")})
pytestmark = pytest.mark.model


def found_in(nlp: Language, text: str) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    return mediations(extract_article(Article("paraphrase", text, PUBLISHED), nlp))


@pytest.mark.parametrize("text", [
    # the sides' dispute told as a state they are in, then the host of their delegations
    "Ethiopia and Somalia are in a dispute over a port.\n\nKenya hosted the two delegations on Sunday.",
    "Ethiopia and Somalia have been in conflict since January.\n\nKenya hosted the two delegations on Sunday.",
    "Ethiopia and Somalia remain locked in a standoff over a port.\n\nKenya hosted the two delegations on Sunday.",
    "Ethiopia has been feuding with Somalia over a port.\n\nKenya hosted the two delegations on Sunday.",
    "Ethiopian troops shelled Somali positions overnight.\n\nKenya hosted the two delegations on Sunday.",
    "Ethiopian forces clashed with Somali troops overnight.\n\nKenya hosted the two delegations on Sunday.",
    # welcomed both delegations, with a conflict just told
    "Ethiopia and Somalia are in a dispute over a port.\n\nKenya welcomed both delegations to Nairobi on Sunday.",
    # a message sent through C, an offer of mediation taken up, sides brought to the table
    # by C (passive), help from C fronted before the sides
    "Ethiopia sent a message to Somalia through Kenya.",
    "Ethiopia and Somalia accepted Kenya's offer of mediation.",
    "Ethiopia and Somalia accepted an offer of mediation from Kenya.",
    "Ethiopia and Somalia were brought to the table by Kenya.",
    "Ethiopia and Somalia were brought back to the negotiating table by Kenyan diplomats.",
    "With help from Kenya, Ethiopia and Somalia reached a deal.",
    # a journey to both capitals whose purpose is to calm "the two neighbours"
    "Kenya's foreign minister travelled to Addis Ababa and Mogadishu in a bid to calm tensions between the two "
    "neighbours.",
    "Kenya's foreign minister visited Addis Ababa and Mogadishu this week to ease tensions between the two "
    "countries.",
])
def test_mediation_worded_otherwise(nlp: Language, text: str) -> None:
    assert any(m == KENYA and parties == SIDES for m, parties, _ in found_in(nlp, text))


@pytest.mark.parametrize("text", [
    # the delegations of a trade deal; fighting beside one another; in agreement; a brawl of players
    "Kenya and Uganda signed a trade deal.\n\nTanzania welcomed both delegations to the summit.",
    "Ethiopia fought with Kenya against the rebels.\n\nUganda hosted the two delegations on Sunday.",
    "Ethiopia and Somalia are in agreement on trade.\n\nKenya hosted the two delegations.",
    "Ethiopian and Somali players clashed with fans after the match.",
])
def test_host_of_both_delegations_near_miss(nlp: Language, text: str) -> None:
    assert not any(parties == SIDES for _, parties, _ in found_in(nlp, text))
    assert not any(m == KENYA for m, _, _ in found_in(nlp, text))


@pytest.mark.parametrize("text", [
    # the chair of the meeting of two sides told just before
    "The foreign ministers of Ethiopia and Somalia will meet in Ankara next week.\n\nTurkey will chair the meeting.",
])
def test_chair_of_the_meeting_just_told(nlp: Language, text: str) -> None:
    assert (TURKEY, SIDES, True) in found_in(nlp, text)



@pytest.mark.parametrize("text", [
    # troops, not a message, sent through C; an offer of aid; one side brought by its own;
    # a road built with help from others; a subject of its own before help from three
    "Ethiopia sent troops to Somalia through Kenya.",
    "Ethiopia and Somalia accepted Kenya's offer of aid.",
    "Ethiopia was brought to the table by its own army chiefs.",
    "With help from Kenya, Uganda and Chad, Ethiopia built a new road.",
    "Ethiopia, with help from Kenya, Uganda and Chad, built a new road.",
    # a side chairing the meeting just told
    "The foreign ministers of Ethiopia and Somalia will meet in Ankara next week.\n\nEthiopia will chair the meeting.",
    # in contact with one government; a side's own proposal; a budget; months of other work;
    # the delegations of sides hosted by their own ministers
    "Kenya is in contact with the government of Somalia about trade.",
    "Ethiopia and Somalia agreed to a ceasefire proposed by Ethiopia.",
    "The budget proposed by Kenya was passed on Monday.",
    "Kenya led months of work on a new constitution.",
    "Kenya and Uganda held talks on trade.\n\nThe two countries' delegations were hosted by their own ministers.",
    # a side's part; a part in a football match, in an economy, of a deal; a song contest in a war
    "Ethiopia and Somalia signed a border accord on Monday.\n\nEthiopia played a central part.",
    "Ethiopia and Somalia signed a border accord on Monday.\n\nKenya took part in a football match.",
    "Kenya played a central part in the region's economy.",
    "Ethiopia and Somalia signed a border accord on Monday.\n\nKenya said the port was part of the deal.",
    "Ethiopia and Somalia are at war.\n\nKenya played a key part in the song contest.",
    # channels of rivers and ports; a side's own channel
    "Ethiopia opened a channel between its two main rivers.",
    "Kenya opened a new shipping channel between the two ports.",
    "Ethiopia and Somalia signed a border accord on Monday.\n\nEthiopia opened a channel between the two governments.",
    # a side proposing its own talks; talks with one other
    "Ethiopia has proposed talks between Ethiopia and Somalia in Nairobi.",
    "Kenya has proposed talks with Somalia on trade.",
    # a journey to one side's capital: the traveller's own quarrel
    "Kenya's foreign minister travelled to Mogadishu to ease tensions between the two countries.",
])
def test_mediation_worded_otherwise_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


QATAR = EntityRef("country", "QAT")
CONGO_M23 = frozenset({EntityRef("country", "COD"), EntityRef("organization", "m23")})


@pytest.mark.parametrize(("text", "mediator", "sides"), [
    # contacts between the sides as their talks, led by a third party (over months of them)
    ("Qatar has led contacts between Congo and the M23 rebels.", QATAR, CONGO_M23),
    ("Congo and the M23 rebels signed a declaration in Doha on Saturday.\n\nQatar has led months of contacts "
     "between the two sides.", QATAR, CONGO_M23),
    # "the delegations" of the sides whose talks were told just before
    ("Ethiopia and Somalia held talks in Nairobi on Sunday.\n\nKenya hosted the delegations.", KENYA, SIDES),
    # in touch with both capitals (governments) of a dispute told before
    ("Ethiopia and Somalia are in a dispute over a port.\n\nKenya has been in touch with both capitals.",
     KENYA, SIDES),
    ("Ethiopia and Somalia are in a dispute over a port.\n\nKenya said it was in contact with the two governments.",
     KENYA, SIDES),
])
def test_mediation_worded_otherwise_with_the_sides_told_before(nlp: Language, text: str, mediator: EntityRef,
                                                              sides: frozenset[EntityRef]) -> None:
    assert any(m == mediator and parties == sides for m, parties, _ in found_in(nlp, text))


def test_author_of_a_ceasefire_proposed_by_it_is_implied(nlp: Language) -> None:
    text = "Ethiopia and Somalia agreed to a ceasefire proposed by Kenya."
    assert (KENYA, SIDES, False) in found_in(nlp, text)


@pytest.mark.parametrize(("text", "stated"), [
    # a weighty part, as a weighty role
    ("Ethiopia and Somalia signed a border accord on Monday.\n\nKenya played a central part.", False),
    # a channel the third party opens between the sides, named or "the two" of the frame
    ("Ethiopia and Somalia signed a border accord on Monday.\n\nKenya opened a channel between the two "
     "governments last year.", True),
    ("Ethiopia and Somalia signed a border accord on Monday.\n\nKenya opened a back channel between the two sides "
     "last year.", True),
    # talks between named sides proposed by a third party
    ("Kenya has proposed talks between Ethiopia and Somalia in Nairobi.", False),
])
def test_part_channel_and_talks_proposed(nlp: Language, text: str, stated: bool) -> None:
    assert (KENYA, SIDES, stated) in found_in(nlp, text)
