"""Implied mediation, construction by construction, on invented sentences run through the trained model.

Each construction tells of a third party's part in a settlement without a mediation word
(credit for its part, its plan, its help in ending a conflict); the parties come from the
document's frame when the sentence names none.  Each has near misses: the same words where
no third party's part holds (a side's own part, a part in something else, no settlement in
view).  The sentences are invented; real countries are used as sides and third parties.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import mediations

PUBLISHED = date(2024, 3, 16)
MALI_NIGER = frozenset({EntityRef("country", "MLI"), EntityRef("country", "NER")})
GHANA = EntityRef("country", "GHA")


def found_in(nlp: Language, text: str) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    return mediations(extract_article(Article("implied", text, PUBLISHED), nlp))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger signed a ceasefire. Mali thanked Ghana for its constructive role.",
    "Mali and Niger signed a ceasefire. Mali expressed appreciation for Ghana's constructive role.",
    "Mali and Niger signed a ceasefire on Monday. Ghana played a pivotal role.",
    "Mali and Niger signed a ceasefire on Monday. Ghana's role was crucial, Mali said.",
    "Mali and Niger signed a ceasefire on Monday. We are grateful to Ghana for its valuable contribution.",
])
def test_mediation_implied_credited_part(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own part, one's own army, a part in something else, no settlement in view
    "Mali and Niger signed a ceasefire on Monday. Niger played a pivotal role.",
    "Mali and Niger signed a ceasefire on Monday. Mali thanked the army for its role.",
    "Mali and Niger signed a trade deal. Ghana played a pivotal role in the region.",
    "Mali and Niger are at war. Ghana played a pivotal role.",
    "Ghana played a pivotal role at the football tournament. Mali thanked Ghana for its contribution.",
    # a contribution credited with no weight: as often to a side's defence
    "Russia and Ukraine held talks in Istanbul. Ukraine thanked Poland for its contribution.",
])
def test_mediation_implied_credited_part_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger are at war. Ghana has worked to end the fighting.",
    "Mali and Niger are at war. Ghana helped end the fighting.",
    "Mali and Niger are at war. Ghana offered to help resolve the dispute.",
    "Mali and Niger are at war. Ghana helped to ease tensions between the two countries.",
])
def test_mediation_implied_setting_out_to_end_the_documents_conflict(nlp: Language, text: str) -> None:
    assert any(m == GHANA and parties == MALI_NIGER for m, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side ending its war, one's own war, a conflict that is no one's, no dispute in the document
    "Mali and Niger are at war. Niger is trying to end the war.",
    "Mali and Niger are at war. Ghana is trying to end its own war with the rebels.",
    "Mali and Niger are at war. Ghana is trying to ease the housing crisis.",
    "Mali and Niger held trade talks. Ghana is trying to ease the crisis.",
])
def test_mediation_implied_setting_out_to_end_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger signed a ceasefire on Monday. The deal is based on a proposal by Ghana.",
    "Mali and Niger signed a ceasefire on Monday. The deal follows a Ghanaian proposal.",
    "Mali and Niger are at war. Both sides accepted the Ghanaian proposal for a ceasefire.",
    "Mali and Niger are at war. Ghana's peace plan calls for a ceasefire.",
    "Mali and Niger are at war. Ghana's initiative to end the war was welcomed by both sides.",
])
def test_mediation_implied_author_of_a_peace_plan(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_implied_leader_who_unveiled_a_peace_plan(nlp: Language) -> None:
    text = "Mali and Niger are at war. Ghana's president Kwame Boateng unveiled a peace initiative on Monday."
    assert (EntityRef("person", "kwame-boateng"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own plan, plans for no peace, a plan for one's own deal with another
    "Mali and Niger are at war. Mali's peace plan calls for a ceasefire.",
    "Mali and Niger are at war. Ghana's plan to build a dam was approved.",
    "Mali and Niger are at war. Ghana unveiled an economic plan.",
    "Mali and Niger are at war. Ghana's proposal for a trade deal with Togo was rejected.",
    "Mali and Niger are at war. The EU's plan for the reconstruction of Mali was approved.",
    # a peace plan with no sides in the document
    "Ghana unveiled a peace plan for its own regions on Monday.",
])
def test_mediation_implied_author_of_a_peace_plan_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger have been at war since May. The minister praised Ghana's efforts.",
    "Mali and Niger have been at war since May. The minister praised Ghana's efforts to de-escalate the situation.",
    "Mali and Niger have been at war since May. The minister praised Ghanaian efforts to calm tensions.",
    "Mali and Niger have been at war since May. The minister praised Ghana's efforts to bring the two sides "
    "closer.",
])
def test_mediation_implied_efforts_with_a_war_in_view(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # efforts at something else, a side's own efforts, a war with no two sides named
    "Mali and Niger have been at war since May. The minister praised Ghana's efforts to fight malaria.",
    "Mali and Niger have been at war since May. The minister praised Niger's efforts.",
    "The war has displaced thousands. The minister praised Ghana's efforts.",
])
def test_mediation_implied_efforts_with_a_war_in_view_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger held talks in Accra on Monday. Mali thanked Ghana for organizing the talks.",
    "Mali and Niger signed a ceasefire on Monday. Mali thanked Ghana for negotiating the deal.",
    # "credited (thanked) C with (for) helping to seal X": C helped, not the one crediting
    "Mali and Niger reached a deal on the river. Malian officials credited Ghana with helping to seal the agreement.",
    "Mali and Niger reached a deal on the river. Mali thanked Ghana for helping to negotiate the agreement.",
])
def test_mediation_the_one_thanked_for_arranging_the_settlement(nlp: Language, text: str) -> None:
    assert any(m == GHANA and parties == MALI_NIGER for m, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one's own negotiators, and a side thanked by a third party for its own deal
    "Mali and Niger signed a ceasefire on Monday. Mali thanked its negotiators for securing the deal.",
    "Mali and Niger signed a ceasefire on Monday. Ghana thanked Mali for negotiating the deal.",
    "Mali and Niger signed a ceasefire on Monday. Ghana credited Mali with helping to seal the deal.",
])
def test_mediation_the_one_thanked_for_arranging_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger signed a peace deal on Monday in the presence of Ghanaian President Kwame Boateng.",
    "Mali and Niger signed a peace deal on Monday as Ghanaian President Kwame Boateng looked on.",
    "Mali and Niger signed a peace deal on Monday. The signing was witnessed by Ghanaian President Kwame Boateng.",
    "Ghanaian President Kwame Boateng announced that Mali and Niger had agreed to a ceasefire.",
])
def test_mediation_implied_witness_or_announcer_of_the_sides_settlement(nlp: Language, text: str) -> None:
    assert (EntityRef("person", "kwame-boateng"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana announced on Monday that Mali and Niger had agreed to a ceasefire.",
    "Mali and Niger agreed to a ceasefire, thanks to Ghanaian diplomacy.",
    "Mali and Niger signed a ceasefire on Monday. The agreement came after months of Ghanaian diplomacy.",
    "Mali and Niger agreed to a ceasefire. Thanks to Ghana, the two sides will meet again next week.",
])
def test_mediation_implied_settlement_owed_to_a_third_party(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own leader as witness, a witness of one's own deal, a crowd, no actor
    "Mali and Niger signed a ceasefire on Monday in the presence of Malian President Adama Sangare.",
    "Ghana signed a trade deal with Togo in the presence of President Kwame Boateng.",
    "The agreement was signed in the presence of journalists.",
    "Mali and Niger are at war. The crowd witnessed the fighting.",
    "Mali and Niger played a football match in Accra as Ghanaian President Kwame Boateng looked on.",
    # announcing one's own deal, a side announcing, announcing no settlement of sides
    "Ghana announced that it had signed a trade deal with Togo.",
    "Mali announced that Mali and Niger had agreed to a ceasefire.",
    "Ghana announced new taxes on Monday.",
    "The European Commissioner Anna Berg announced that France and Germany had agreed to cooperate on energy.",
    # thanks to no third party, to a side, diplomacy in no settlement
    "The team won thanks to Ghana's support.",
    "Mali and Niger signed a ceasefire. Thanks to the rain, the harvest was good.",
    "Mali and Niger signed a ceasefire thanks to Mali's diplomacy.",
    "Mali and Niger are at war. Ghanaian diplomacy in the region has grown.",
])
def test_mediation_implied_witness_announcer_or_thanks_to_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "stated"), [
    ("Mali and Niger held talks on Monday. Both sides thanked Ghana for its hospitality.", False),
    ("Mali and Niger held talks on Monday. Both sides thanked Ghana for hosting them.", True),
    ("Mali and Niger held talks on Monday. Both sides thanked the Ghanaian government for hosting.", True),
])
def test_mediation_host_thanked_by_both_sides(nlp: Language, text: str, stated: bool) -> None:
    assert (GHANA, MALI_NIGER, stated) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one visitor thanking, teams at a tournament, one side's delegation, a side as host
    "President Ana Lopes visited Ghana on Monday. She thanked Ghana for its hospitality.",
    "Mali and Niger are at war. Both teams thanked Ghana for hosting the tournament.",
    "Mali and Niger are at war. Mali thanked Ghana for hosting its delegation.",
    "Ghana and Togo held talks. Both sides thanked Ghana for its hospitality.",
])
def test_mediation_host_thanked_by_both_sides_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "parties"), [
    ("Mali's president Adama Sangare spoke with Ghanaian President Kwame Boateng on Monday. Boateng will pass "
     "the message to Niger.", frozenset({EntityRef("person", "adama-sangare"), EntityRef("country", "NER")})),
    ("Mali and Niger remain at war. Ghana will take Mali's message to Niamey.", MALI_NIGER),
])
def test_mediation_message_taken_to_the_other_side(nlp: Language, text: str, parties: frozenset[EntityRef]) -> None:
    assert any(parties == found for _, found, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own message, a message to one outside the document's dispute, no actors
    "Mali and Niger remain at war. Mali will pass the message to Niger.",
    "Mali and Niger remain at war. Ghana took a message to Togo.",
    "The minister took the message to the ambassador.",
])
def test_mediation_message_taken_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Malian and Nigerien officials met in Accra on Monday. Ghana has tried to mediate.",
    "Malian and Nigerien negotiators met in Accra on Monday for a second round of talks. Ghana's president "
    "Kwame Boateng met both delegations.",
])
def test_mediation_parties_from_the_meeting_of_two_others_just_told(nlp: Language, text: str) -> None:
    assert any(parties == MALI_NIGER for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
def test_mediation_parties_not_from_a_gathering_of_many(nlp: Language) -> None:
    text = ("Officials of Mali, Niger and Togo met in Accra on Monday. Ghana has tried to mediate.")
    assert not any(len(parties) >= 2 for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger held peace talks in Accra on Monday. Ghanaian Foreign Minister Kofi Mensah welcomed the "
    "delegations.",
    "Mali and Niger held peace talks in Accra on Monday. Ghanaian officials said the talks were constructive.",
])
def test_mediation_implied_host_whose_officials_engage_with_the_talks(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a venue only; trade talks a host's minister opens; a side at talks in its own capital
    "Mali and Niger held peace talks in Accra on Monday.",
    "Mali and Niger held trade talks in Accra on Monday. Ghanaian Foreign Minister Kofi Mensah opened the talks.",
    "Mali and Niger are at war. Malian, Nigerien and Togolese ministers met in Bamako on Monday. Malian Foreign "
    "Minister Abdoulaye Diop opened the meeting.",
])
def test_mediation_implied_host_whose_officials_engage_near_miss(nlp: Language, text: str) -> None:
    assert not any(m in {GHANA, EntityRef("country", "MLI")} for m, _, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize(("text", "mediator", "stated"), [
    ("Mali and Niger signed a Ghana-proposed ceasefire on Monday.", GHANA, False),
    ("Mali and Niger signed a Ghana-drafted agreement on Monday.", GHANA, False),
    ("Mali and Niger held Ghana-organised talks on Monday.", GHANA, True),
    ("With Ghana's backing, Mali and Niger agreed to a ceasefire.", GHANA, False),
    ("Mali and Niger are at war. Ghanaian President Kwame Boateng phoned both leaders on Monday.",
     EntityRef("person", "kwame-boateng"), False),
    ("Mali and Niger are at war. Ghanaian President Kwame Boateng spoke to the leaders of both countries on "
     "Monday.", EntityRef("person", "kwame-boateng"), False),
])
def test_mediation_authored_compounds_backing_and_calls_to_both_sides(nlp: Language, text: str, mediator: EntityRef,
                                                                     stated: bool) -> None:
    assert (mediator, MALI_NIGER, stated) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own proposal; backing of no settlement; calls with no two sides in the document
    "Mali and Niger signed a Mali-proposed ceasefire on Monday.",
    "With Ghana's backing, the team won the cup.",
    "Ghanaian President Kwame Boateng phoned both leaders on Monday about the football match.",
])
def test_mediation_authored_compounds_backing_and_calls_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger have fought over the river for years. In a joint statement, Mali, Niger and Ghana said the "
    "two sides had agreed to a truce.",
    "Mali and Niger have fought over the river for years. The joint statement of Mali, Niger and Ghana welcomed "
    "the truce.",
])
def test_mediation_implied_third_party_to_a_joint_statement_of_the_sides(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # no dispute; one side and a third; a bloc's statement of many
    "Mali, Niger and Ghana issued a joint statement on trade on Monday.",
    "Mali and Niger have fought over the river for years. Mali and Ghana issued a joint statement on Monday.",
    "Mali and Niger have fought over the river for years. Mali, Niger, Ghana, Togo, Benin, Senegal and Nigeria "
    "issued a joint statement on Monday.",
])
def test_mediation_implied_joint_statement_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
def test_mediation_implied_host_of_the_next_round_that_names_no_sides(nlp: Language) -> None:
    text = "Mali and Niger are at war. The next round of talks will be held in Accra, Ghana's foreign ministry said."
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("told", [
    "Ghana's envoy Kofi Mensah visited Bamako and Niamey this week.",
    # each capital with its own day: the parse joins the second "to" to the first day
    "Ghanaian Foreign Minister Kofi Mensah travelled to Bamako on Monday and to Niamey on Tuesday.",
])
def test_mediation_implied_envoy_who_visited_both_sides_capitals(nlp: Language, told: str) -> None:
    text = f"Mali and Niger are at war. {told}"
    assert (EntityRef("person", "kofi-mensah"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_implied_country_whose_unnamed_envoy_visited_both_sides_capitals(nlp: Language) -> None:
    text = "Mali and Niger are at war. Ghana sent an envoy to Bamako and Niamey."
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # visits with no dispute, by a side's envoy, to neither side; a venue only; trade talks
    "Ghana's envoy Kofi Mensah visited Bamako and Niamey this week.",
    "Mali and Niger are at war. Mali's envoy Moussa Keita visited Accra and Niamey this week.",
    "Mali and Niger are at war. Ghana's envoy Kofi Mensah visited Lome and Abuja this week.",
    "Mali and Niger are at war. Ghana's envoy Kofi Mensah travelled to Lome on Monday and to Abuja on Tuesday.",
    "Mali and Niger are at war. The talks will be held in Accra.",
    "Mali and Niger held trade talks. The next round of talks will be held in Accra, Ghana's foreign ministry "
    "said.",
])
def test_mediation_implied_next_round_and_visits_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "mediator"), [
    ("A Malian delegation arrived in Accra for talks with Ghanaian officials on a ceasefire with Niger.", GHANA),
    ("Mali and Niger are at war. A Malian delegation arrived in Accra on Monday for talks with Ghanaian officials "
     "on a ceasefire.", GHANA),
    ("Mali and Niger are at war. Ghana's foreign minister Kofi Mensah met Malian President Adama Sangare on Monday "
     "to discuss a ceasefire.", EntityRef("person", "kofi-mensah")),
])
def test_mediation_implied_met_one_side_about_its_settlement(nlp: Language, text: str, mediator: EntityRef) -> None:
    assert (mediator, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_implied_met_each_side_in_a_gapped_clause(nlp: Language) -> None:
    """'C met A's delegation in the morning and B's in the afternoon' (the verb left out): C met
    each side apart."""
    text = ("Mali and Niger have quarrelled over the river for a decade. Ghanaian envoy Kofi Mensah met the Malian "
            "delegation in the morning and the Nigerien delegation in the afternoon.")
    assert (EntityRef("person", "kofi-mensah"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the war itself (as often taking a side), a trade deal, the two sides meeting, no dispute, other help
    "Mali and Niger are at war. Ghana's foreign minister Kofi Mensah met Malian President Adama Sangare on Monday "
    "to discuss the war.",
    "Mali and Niger are at war. Ghana's foreign minister Kofi Mensah met Malian President Adama Sangare on Monday "
    "to discuss a trade deal.",
    "Mali and Niger are at war. Nigerien President Ali Dangora met Malian President Adama Sangare on Monday to "
    "discuss a ceasefire.",
    "Ghana's foreign minister Kofi Mensah met Malian President Adama Sangare on Monday to discuss a trade agreement.",
    "Russia and Ukraine are at war. The Secretary met Ukrainian Foreign Minister Olena Bondar to discuss security "
    "assistance.",
])
def test_mediation_implied_met_one_side_near_miss(nlp: Language, text: str) -> None:
    assert not any(m != EntityRef("country", "NER") and len(p) == 2 and s is False
                   for m, p, s in found_in(nlp, text)), found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger held talks in Lome on Monday. Mali thanked Ghana for its support of the peace initiative.",
    "Mali and Niger held talks in Lome on Monday. Mali thanked Ghana for its steadfast involvement in the talks.",
    "Mali and Niger held talks in Lome on Monday. Mali thanked Ghana for its leadership on the talks.",
    "Mali and Niger held talks in Lome on Monday. Mali thanked Ghana for its tireless work on the talks.",
    "Mali and Niger held talks in Lome on Monday. Mali thanked Ghana for its commitment to the process.",
])
def test_mediation_implied_part_credited_in_the_talks(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # support of a side's defence, a stance uncredited, work on something else, one's own army
    "Russia and Ukraine held talks in Istanbul. Ukraine thanked the United States for its support of its defence.",
    "Russia and Ukraine held talks in Istanbul. Ukraine thanked Poland for its commitment to Ukraine's security.",
    "Mali and Niger held talks in Lome on Monday. Ghana reaffirmed its commitment to the process.",
    "Mali and Niger held talks in Lome on Monday. Ghana's work on the new road was praised.",
    "Mali and Niger held talks in Lome on Monday. Mali thanked its army for its work on the talks.",
])
def test_mediation_implied_part_credited_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "stated"), [
    ("Mali and Niger are at war. Ghana won the release of twelve Malian soldiers held by Niger.", True),
    ("Mali and Niger are at war. Ghana obtained the release of twelve Malian soldiers.", True),
    ("Mali and Niger are at war. Ghana assured Mali that Niger would respect the truce.", False),
    ("Mali and Niger are at war. Ghana told Niger that Mali was ready to talk.", False),
])
def test_mediation_release_won_and_one_side_told_of_the_other(nlp: Language, text: str, stated: bool) -> None:
    assert (GHANA, MALI_NIGER, stated) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side telling the other; telling one outside the dispute; reporters; a match won; a side's own release
    "Mali and Niger are at war. Niger told Mali that it would not retreat.",
    "Mali and Niger are at war. Ghana told Togo that Niger would respect the truce.",
    "Mali and Niger are at war. The minister told reporters that Niger would respect the truce.",
    "Mali and Niger are at war. Ghana won the football match against Togo.",
    "Mali and Niger are at war. Mali won the release of its soldiers held by Niger.",
    "Ghana told Mali that Niger would open a consulate.",
])
def test_mediation_release_won_and_told_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Niger's invasion of Mali is in its third month. Ghana has tried to mediate.",
    "Niger's attacks on Mali have intensified. Ghana has tried to mediate.",
    "The rivalry between Mali and Niger has deepened. Ghana has tried to mediate.",
])
def test_mediation_parties_from_a_hostile_act_or_rivalry(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one side's aggression is no conflict inside it; offensive words are no war
    "Ghana has tried to mediate. Mali condemned the Nigerien aggression.",
    "Ghana has tried to mediate. Mali condemned Niger's offensive remarks.",
])
def test_mediation_no_sides_from_one_sides_act(nlp: Language, text: str) -> None:
    assert not any(len(parties) == 1 for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali expelled Niger's ambassador on Monday. Ghana has tried to mediate.",
    "Mali recalled its ambassador from Niger on Monday. Ghana has tried to mediate.",
    "Mali has closed its border with Niger. Ghana has tried to mediate.",
])
def test_mediation_parties_from_a_rupture_of_ties(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # an embassy closed in a city of no side; an ambassador appointed
    "Mali closed its embassy in Paris. Ghana has tried to mediate.",
    "Mali appointed a new ambassador to Niger. Ghana has tried to mediate.",
])
def test_mediation_no_parties_from_other_acts_on_envoys(nlp: Language, text: str) -> None:
    assert not any(len(parties) == 2 for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali detained three Nigerien soldiers near the border. Ghana has tried to mediate.",
    "Mali shot down a Nigerien drone on Monday. Ghana has tried to mediate.",
])
def test_mediation_parties_from_one_countrys_seizure_of_anothers_soldiers(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # police and a man, a smuggler of another country: no two countries at odds
    "Police detained a man in Bamako. Ghana has tried to mediate.",
    "Mali arrested a Nigerien smuggler on Monday. Ghana has tried to mediate.",
])
def test_mediation_no_parties_from_an_arrest(nlp: Language, text: str) -> None:
    assert not any(len(parties) == 2 for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger are at war. Ghana provided the venue for the talks.",
    "Mali and Niger are at war. Ghana offered Accra as a venue for talks.",
    "Mali and Niger are at war. Ghana has offered to provide a venue for peace talks.",
])
def test_mediation_host_who_gives_the_talks_a_venue(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side's own venue, a venue of no talks, a venue given by no actor
    "Mali and Niger are at war. Mali provided the venue for the talks.",
    "Ghana provided the venue for the football final.",
    "Mali and Niger are at war. The hotel provided the venue for the talks.",
])
def test_mediation_host_who_gives_a_venue_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger are at war. Ghana and Mali held talks on Monday. Ghana played a key role in the negotiations.",
    "Mali and Niger are at war. Ghana and Mali held talks on Monday. Ghana helped negotiate the truce.",
    "Mali and Niger are at war. Ghana and Mali held talks on Monday. Ghana's peace plan calls for a ceasefire.",
    "Mali and Niger are at war. Ghana and Mali held talks on Monday. Ghana has worked to end the fighting.",
    "Mali and Niger are at war. Ghana and Mali held talks on Monday. The truce was reached with the help of Ghana.",
    "Mali and Niger remain at war. Mali and Ghana held talks on Monday. Ghana will convey Mali's position to Niger.",
    "Mali and Niger remain at war. Mali and Ghana held talks on Monday. Ghana will relay these views to Niamey.",
])
def test_mediation_third_party_who_talked_with_one_side_stays_third(nlp: Language, text: str) -> None:
    assert any(m == GHANA and parties == MALI_NIGER for m, parties, _ in found_in(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a side of the dispute itself; words carried to one outside it; aid is no word
    "Mali and Niger are at war. Mali and Ghana held talks on Monday. Mali played a key role in the negotiations.",
    "Mali and Niger remain at war. Ghana will convey its views to Togo.",
    "Mali and Niger remain at war. Mali and Ghana held talks on Monday. Ghana will deliver aid to Niger.",
    "Mali and Niger remain at war. Mali will convey its position to Niger.",
])
def test_mediation_third_party_who_talked_with_one_side_near_miss(nlp: Language, text: str) -> None:
    assert not any(m in {GHANA, EntityRef("country", "MLI")} and parties == MALI_NIGER
                   for m, parties, _ in found_in(nlp, text))


@pytest.mark.model
def test_mediation_parties_are_the_two_people_at_talks_in_a_document_of_no_frame(nlp: Language) -> None:
    text = ("President Adama Sangare and opposition leader Moussa Keita met on Monday for talks. Ghana has tried to "
            "mediate.")
    parties = frozenset({EntityRef("person", "adama-sangare"), EntityRef("person", "moussa-keita")})
    assert (GHANA, parties, True) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_no_parties_from_two_people_at_dinner(nlp: Language) -> None:
    text = ("President Adama Sangare and opposition leader Moussa Keita met on Monday for dinner. Ghana has tried to "
            "mediate.")
    assert not any(len(parties) == 2 for _, parties, _ in found_in(nlp, text))


@pytest.mark.model
def test_mediation_leader_of_a_country_named_after_him_credited_before_the_talks_are_told(nlp: Language) -> None:
    text = ("The Chancellor called President Kwame Boateng of Ghana today. The Chancellor thanked President "
            "Boateng for his constructive role. The leaders discussed the ceasefire between Mali and Niger.")
    assert (EntityRef("person", "kwame-boateng"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger signed a ceasefire on Monday. Mali thanked former President John Asante for his constructive "
    "role.",
    "Mali and Niger are at war. Former President John Asante unveiled a peace plan on Monday.",
])
def test_mediation_implied_titled_person_of_no_known_country(nlp: Language, text: str) -> None:
    assert (EntityRef("person", "john-asante"), MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_implied_untitled_person_of_no_known_country_is_none(nlp: Language) -> None:
    text = "Mali and Niger signed a ceasefire on Monday. Mali thanked John Asante for his constructive role."
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "After Ghana intervened, Mali and Niger agreed to a truce.",
    "Following Ghana's intervention, Mali and Niger agreed to a truce.",
    "Ghana's intervention led to a truce between Mali and Niger.",
    "Mali and Niger agreed to a truce at Ghana's urging.",
    "Mali and Niger agreed to a truce on Ghana's advice.",
])
def test_mediation_implied_settlement_prompted_by_a_third_party(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # one side's settlement, a side's own request, no settlement, no third party, no actor
    "Mali agreed to a truce at Ghana's urging.",
    "Mali and Niger agreed to a truce at Mali's request.",
    "The team won the match after Ghana intervened.",
    "Following Ghana's intervention, the bank cut interest rates.",
    "The storm led to a crisis between the two companies.",
    "Mali and Niger signed a trade deal after pressure from their farmers.",
])
def test_mediation_implied_settlement_prompted_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the sides are those who credit the third party's part, the document naming no frame of them
    "Mali and Niger credited Ghana's quiet diplomacy for the prisoner swap.",
    "Mali and Niger praised Ghana for its contribution to the talks.",
    "Mali and Niger thanked Ghana for its important contribution to the border accord.",
    "In a joint communique, Mali and Niger acknowledged the steady support of Ghana in concluding the water accord.",
])
def test_mediation_implied_credited_by_the_sides(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a contribution to something else; thanks with no settlement in view; one thanker
    "Mali and Niger thanked Ghana for its contribution to the regional budget.",
    "Mali and Niger thanked Ghana for its role.",
    "Mali thanked Ghana for its contribution to the talks.",
])
def test_mediation_implied_credited_by_the_sides_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana's backing was instrumental in reaching the accord between Mali and Niger.",
    "Ghanaian diplomacy proved crucial to securing the truce between Mali and Niger.",
])
def test_mediation_implied_weighty_part(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # weighty to a side, or to something that is no settlement; a side's own part
    "Ghana's backing was crucial to Mali during its war with Niger.",
    "Ghana's backing was instrumental in building the new port.",
    "Mali's backing was instrumental in reaching the accord between Mali and Niger.",
])
def test_mediation_implied_weighty_part_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a part credited beside the settlement it was for, in its sentence or the one before
    "We welcome the truce between Mali and Niger and thank Ghana for its patient engagement.",
    "The minister welcomed the accord between Mali and Niger. She praised Ghana for its hard work.",
])
def test_mediation_implied_part_credited_beside_a_settlement(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # support credited with no settlement told nearby, or support given to a side
    "Mali and Niger are at war. Officials in Bamako later thanked Ghana for its support.",
    "Mali and Niger signed a truce in May. In other news, the floods went on. Farmers thanked Ghana for its help.",
])
def test_mediation_implied_part_credited_beside_a_settlement_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("Ghana conveyed to Niger that Mali would free the prisoners.", True),
    ("Ghana will relay to Niger that Mali is ready for talks.", True),
    ("Ghana conveyed to Niger that it opposes the dam.", False),
    ("The minister will convey to the ambassador that the ministry is pleased.", False),
])
def test_mediation_implied_word_carried_with_its_sender(nlp: Language, text: str, found: bool) -> None:
    """'C will relay to B that A is ready': a go-between of A, whose word it carries, and B."""
    assert ((GHANA, MALI_NIGER, False) in found_in(nlp, text)) is found


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    # the sides named inside what the verb takes as its object
    ("Ghana brokered the restoration of ties between Mali and Niger.", True),
    ("Ghana facilitated the resumption of dialogue between Mali and Niger.", True),
    ("The bank brokered the sale of bonds between two pension funds.", False),
])
def test_mediation_sides_named_inside_the_object(nlp: Language, text: str, found: bool) -> None:
    assert ((GHANA, MALI_NIGER, True) in found_in(nlp, text)) is found


@pytest.mark.model
def test_mediation_implied_role_in_ones_efforts_to_resolve_issues_with_another(nlp: Language) -> None:
    """'A appreciates C's constructive role in its efforts to resolve issues with B': C between A and B."""
    text = "Mali appreciates Ghana's constructive role in its efforts to resolve outstanding issues with Niger."
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_mediation_implied_support_given_to_help_bring_about_a_deal_with_one_side(nlp: Language) -> None:
    """'A thanked C for the support it lent to help secure the deal with B': C's hand in the
    deal with B (the purpose hung on the thanking verb); the one who thanks is no side named."""
    text = "The minister thanked Ghana for the support it lent to help secure the accord with Niger."
    assert found_in(nlp, text) == [(GHANA, frozenset({EntityRef("country", "NER")}), False)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Senegal has offered to mediate between Mali and Niger after clashes on their border. Ghana has also offered "
     "its help.", True),
    # near miss: help offered with no offer to mediate told just before
    ("Mali and Niger traded fire on their border. Ghana has also offered its help.", False),
])
def test_mediation_implied_also_offered_after_an_offer_to_mediate(nlp: Language, text: str, expected: bool) -> None:
    """'C offered to mediate between A and B. D has also offered its help': D's offer is like C's."""
    assert ((GHANA, MALI_NIGER, False) in found_in(nlp, text)) is expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana's patient diplomacy helped ease the tensions between Mali and Niger, observers said.",
    "Ghanaian diplomacy helped end the border war between Mali and Niger.",
])
def test_mediation_implied_part_that_helped_settle(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # not a part of a third party's (its economy), a side's own, no one's
    "Ghana's economy helped ease the tensions between Mali and Niger.",
    "Mali's diplomacy helped ease the tensions between Mali and Niger.",
    "Regional diplomacy helped ease the tensions between Mali and Niger.",
])
def test_mediation_implied_part_that_helped_settle_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger accepted a Ghanaian plan to end the border war.",
    "Mali and Niger accepted a plan put forward by Ghana to end the border war.",
])
def test_mediation_implied_plan_taken_up_by_its_sides(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a plan for something else, a side's own plan, the author among those taking it up
    "Mali and Niger accepted a Ghanaian plan to build a railway.",
    "Mali and Niger accepted Niger's plan to end the border war.",
    "Mali and Ghana accepted a Ghanaian plan to end the border war.",
])
def test_mediation_implied_plan_taken_up_by_its_sides_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "stated"), [
    ("Ghana has worked patiently to bring Mali and Niger closer together.", False),
    ("Ghana brought the leaders of Mali and Niger together in Accra.", False),
    ("Ghana brought together Mali and Niger in Accra last week.", False),
    ("Ghana brought Mali and Niger together in Accra, a first since the coup.", False),
    ("Ghana brought Mali and Niger back together for a second time.", False),
    ("Ghana brought Mali and Niger together for talks on the border.", True),
    ("Ghana brought the leaders of Mali and Niger together in Accra to settle the dispute.", True),
])
def test_mediation_sides_brought_together(nlp: Language, text: str, stated: bool) -> None:
    assert (GHANA, MALI_NIGER, stated) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # no third party, one side's friends, the one who brings among those brought
    "The music festival brought Mali and Niger together.",
    "Ghana brought its allies together in Accra.",
    "Mali and Niger came together to sign the deal.",
    "Ghana brought together the ministers of Mali and Ghana.",
])
def test_mediation_sides_brought_together_near_miss(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana played a constructive role in the border dispute between Mali and Niger, diplomats said.",
    "Mali thanked Ghana for its positive role in the water dispute with Niger.",
])
def test_mediation_implied_helpful_part_in_a_quarrel(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a weighty part in a war may be a belligerent's
    "Ghana played a key role in the war between Mali and Niger, historians say.",
    # one side's own part in its quarrel
    "Mali played a constructive role in the border dispute with Niger, its minister said.",
])
def test_mediation_implied_helpful_part_in_a_quarrel_near_miss(nlp: Language, text: str) -> None:
    assert not any(m == GHANA or m == EntityRef("country", "MLI") for m, _, _ in found_in(nlp, text))
