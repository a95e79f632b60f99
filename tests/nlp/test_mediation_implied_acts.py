"""Third parties told by what they do between two sides rather than by a mediation word.

Each construction below credits a third party with an act between two sides (pressing both to
talk, pushing them to a truce, hosting their negotiators, carrying one side's word to the other,
taking part in their talks) and has near misses where the same words hold no third party (a
side's own act, one side only, bystanders' appeals, talks of another matter).  The sentences
are invented; real countries are used as sides and third parties.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import mediations

PUBLISHED = date(2024, 3, 16)
GHANA, MALI, NIGER = EntityRef("country", "GHA"), EntityRef("country", "MLI"), EntityRef("country", "NER")
MALI_NIGER = frozenset({MALI, NIGER})


def found_in(nlp: Language, text: str) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    return mediations(extract_article(Article("acts", text, PUBLISHED), nlp))


def country(code: str) -> EntityRef:
    return EntityRef("country", code)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana persuaded Mali and Niger to return to talks.",
    "Mali and Niger are at war. Ghana persuaded both sides to come back to talks.",
    "Ghana pressed Mali and Niger to resume negotiations.",
    "Ghana convinced Mali and Niger to accept a ceasefire.",
])
def test_pressing_both_sides_to_talk(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger resumed talks on Monday after a push by Ghana.",
    "After a push by Ghana, Mali and Niger agreed to a ceasefire.",
    "At the insistence of Ghana, Mali and Niger agreed to a ceasefire.",
    "At the urging of Ghana, Mali and Niger agreed to a ceasefire.",
])
def test_settlement_after_a_third_partys_push(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali and Niger have quarrelled over their border for a year. Ghana played host to Malian and Nigerien "
    "negotiators last week.",
    "Mali and Niger have quarrelled over their border for a year. Ghana played host to negotiators from Mali "
    "and Niger last week.",
    "Ghana hosted Malian and Nigerien negotiators last week.",
])
def test_hosting_the_two_sides_negotiators(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
def test_hospitality_of_a_named_host_during_the_sides_talks(nlp: Language) -> None:
    text = "He voiced appreciation for Oman's hospitality during the talks between Iran and the United States."
    assert (country("OMN"), frozenset({country("IRN"), country("USA")}), False) in found_in(nlp, text)


@pytest.mark.model
def test_tribute_paid_in_a_clause_joined_to_another(nlp: Language) -> None:
    text = ("The minister welcomed the ceasefire between Armenia and Azerbaijan and paid tribute to the United "
            "States for its mediation efforts.")
    assert (country("USA"), frozenset({country("ARM"), country("AZE")}), True) in found_in(nlp, text)


@pytest.mark.model
def test_credited_role_in_resolving_a_dispute_with_one_side(nlp: Language) -> None:
    text = ("Prime Minister Jonas Berg met President Omar Haddad of Tunisia on Tuesday. The Prime Minister "
            "thanked the President for Tunisia's constructive role in resolving the dispute with Libya.")
    rows = found_in(nlp, text)
    assert any(m == country("TUN") and country("LBY") in parties and not stated for m, parties, stated in rows)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana will pass on Mali's proposal to Niger.",
    "Mali and Niger are at war. Ghana's foreign minister said he would convey Mali's concerns to Niger.",
])
def test_carrying_one_sides_word_to_the_other(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, False) in found_in(nlp, text)


@pytest.mark.model
def test_carrying_a_named_sides_word_to_a_capital(nlp: Language) -> None:
    text = ("President Lena Kovac of Austria met President Dmytro Shevchuk of Ukraine in Kyiv. Kovac said she "
            "would convey Ukraine's concerns to Moscow.")
    assert (EntityRef("person", "lena-kovac"), frozenset({country("RUS"), country("UKR")}), False) \
        in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Mali and Niger are at war. Ghanaian and Togolese officials have been involved in the negotiations.",
     {GHANA, country("TGO")}),
    ("Mali and Niger are at war. Ghana is engaged in efforts to secure the release of the hostages.", {GHANA}),
    ("Mali and Niger are at war. Officials from Ghana involved in the talks said a deal was close.", {GHANA}),
])
def test_taking_part_in_the_talks_of_sides_at_war(nlp: Language, text: str, expected: set[EntityRef]) -> None:
    rows = found_in(nlp, text)
    assert {m for m, parties, stated in rows if parties == MALI_NIGER and not stated} == expected


@pytest.mark.model
def test_lending_good_offices(nlp: Language) -> None:
    text = "Kenya lent its good offices to the talks between Eritrea and Djibouti."
    assert any(m == country("KEN") and parties == frozenset({country("ERI"), country("DJI")})
               for m, parties, _ in found_in(nlp, text))


SPONSORED = ("Ghanaian-sponsored talks in Mali between the junta and two rebel groups, the Azawad Front and the "
             "Sahel Patriotic Movement, closed on Friday. The rebels have fought the army since 2022. The talks "
             "took place in a desert town near the Algerian frontier. ")


@pytest.mark.model
@pytest.mark.parametrize("last", [
    "A witness said the meetings were also attended by Kofi Mensah, Ghana's special envoy.",
    "A witness said Kofi Mensah, Ghana's special envoy, attended the meetings.",
])
def test_mediating_countrys_envoy_at_the_talks_told_again(nlp: Language, last: str) -> None:
    rows = found_in(nlp, SPONSORED + last)
    assert any(m == EntityRef("person", "kofi-mensah") and not stated for m, _, stated in rows)


@pytest.mark.model
def test_sides_spokesman_at_the_talks_told_again_is_no_mediator(nlp: Language) -> None:
    rows = found_in(nlp, SPONSORED + "A witness said the meetings were also attended by Seydou Keita, the Azawad "
                    "Front's spokesman.")
    assert {m for m, _, _ in rows} == {GHANA}


HOST_SPEAKS = ("Mali and Niger have fought over their border since May. Ghana's foreign ministry said on Monday that "
               "Mali and Niger could agree a truce within weeks.")


@pytest.mark.model
def test_host_whose_ministry_tells_of_the_sides_truce_after_talks_with_one_side(nlp: Language) -> None:
    text = HOST_SPEAKS + " The spokesman spoke after talks in Accra that included Niger's army chief, Issa Kane."
    records = extract_article(Article("acts", text, PUBLISHED), nlp)
    assert (GHANA, MALI_NIGER, False) in mediations(records)
    # the talks in Accra held one side's envoy: no talks of both sides are made up from the host's part
    assert not any(e.kind == "talks" and {MALI, NIGER} <= {p.entity for p in e.participants}
                   for e in records.events)


# Near misses of every kind above: none is a mediation.
NEAR_MISSES = [
    # pressing both sides
    # two sides pressed to do something else, one side pressed, a side pressing, appeals of bystanders
    "Ghana pressed Mali and Niger to respect human rights.",
    "Mali pressed Niger to return to talks.",
    "Mali and Niger are at war. Mali persuaded both sides to come back to talks.",
    "The United States pressed Mali to accept a ceasefire with Niger.",
    "Mali and Niger are at war. Ghana urged the pair to get back to the bargaining table.",
    # settlement after a push
    "After a push by Mali, Niger agreed to talks.",
    "After a push by the army, the rebels retreated.",
    "Mali and Niger agreed to a ceasefire after a push by their own leaders.",
    # hosting guests of two countries
    "Ghana hosted Malian and Nigerien students last week.",
    "Ghana played host to Malian and Nigerien tourists last week.",
    # hospitality
    # a host thanked for a summit, for one side's talks, for a visit
    "The minister thanked Kenya for its hospitality during the summit.",
    "He expressed appreciation for Oman's hospitality during the trade talks with India.",
    "The Foreign Secretary visited Muscat. He expressed appreciation for Oman's hospitality.",
    # credited role in resolving
    "Sweden thanked Tunisia for its role in resolving the housing crisis.",
    "Tunisia praised its own role in resolving the dispute with Libya.",
    # carrying
    # things carried, not words; condolences to no side; a country's own envoy carrying its word
    "Ghana will pass on the documents to Niger.",
    "President Lena Kovac of Austria met President Dmytro Shevchuk of Ukraine in Kyiv. Kovac said she would "
    "convey her condolences to the families.",
    "Britain's ambassador conveyed London's concerns to Beijing.",
    # taking part
    # a side's own officials, a negotiation of no conflict, one's own talks, efforts on another matter
    "Mali and Niger are at war. Malian officials involved in the negotiations said little.",
    "Britain and the EU are negotiating a trade deal. French officials have been involved in the negotiations.",
    "Mali and Niger are at war. Ghana is engaged in talks with the IMF.",
    "Mali and Niger are at war. Ghana is engaged in efforts to fight malaria.",
    # lending support
    "Kenya lent its support to Sudan.",
    # host telling of a settlement
    HOST_SPEAKS,  # no talks in the host's country
    "Mali and Niger signed a trade deal in May. Ghana's foreign ministry said on Monday that Mali and Niger could "
    "agree a new deal within weeks. The spokesman spoke after talks in Accra that included Niger's trade minister, "
    "Issa Kane.",  # no conflict told
]


@pytest.mark.model
@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_find_no_mediation(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []
