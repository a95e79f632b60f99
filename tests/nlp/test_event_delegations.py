"""Who takes part through a delegation, and who speaks at a gathering (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article, EntityRef

PUBLISHED = date(2025, 5, 10)


def _events(nlp: Language, text: str, kind: str) -> list:
    records = extract_article(Article("delegations", text, PUBLISHED), nlp)
    return [e for e in records.events if e.kind == kind]


def _keys(event: object) -> dict[str, str]:
    return {p.entity.key: p.role for p in event.participants}  # type: ignore[attr-defined]


# --- a delegation's people take part in the talks told before -------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "members"), [
    # its leader in a participle, its members after "included"
    ("Talks between Kazakhstan and Uzbekistan on the shared canal resumed in Tashkent on Monday. The Kazakh "
     "delegation, headed by Foreign Minister Aigul Serikova, included Defence Minister Berik Omarov.",
     {"aigul-serikova", "berik-omarov"}),
    ("Talks between Kazakhstan and Uzbekistan on the shared canal resumed in Tashkent on Monday. The Uzbek team "
     "included Deputy Prime Minister Jamshid Khodjaev and Water Minister Shavkat Ergashev.",
     {"jamshid-khodjaev", "shavkat-ergashev"}),
    # "X was part of the delegation", "X, the head of the delegation, said"
    ("Talks between Kazakhstan and Uzbekistan on the shared canal resumed in Tashkent on Monday. Defence "
     "Minister Berik Omarov was part of the Kazakh delegation.", {"berik-omarov"}),
    ("Talks between the Sahel Liberation Movement and Nigerien officials went on for a third day. Khalil Nasser, "
     "the head of the rebel delegation, said some progress had been made.", {"khalil-nasser"}),
])
def test_delegation_members_take_part_in_the_talks(nlp: Language, text: str, members: set[str]) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert members <= set(_keys(talks))


@pytest.mark.model
def test_delegation_including_members_in_its_own_meeting(nlp: Language) -> None:
    """"The delegation, which included X, met B": X takes part in the delegation's meeting."""
    text = "The Sahel Liberation Movement delegation, which included Khalil Nasser, met Nigerien officials in Niamey."
    (meeting,) = _events(nlp, text, "meeting")
    assert {"khalil-nasser", "NER"} <= set(_keys(meeting))


# --- a host receives a party's delegation ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "guest"), [
    ("President Karim Haddad received a Jordanian delegation in Damascus on Sunday.", "JOR"),
    ("President Karim Haddad received a delegation from Lebanon on Sunday.", "LBN"),
])
def test_a_received_delegation_is_a_visit_of_its_party(nlp: Language, text: str, guest: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert _keys(visit) == {"karim-haddad": "host", guest: "visitor"}


@pytest.mark.model
def test_a_received_crowd_is_no_visit(nlp: Language) -> None:
    """Near miss: what a host receives that is no party's delegation makes no visit."""
    assert _events(nlp, "President Karim Haddad received a letter from his brother on Sunday.", "visit") == []


# --- leading or sending a delegation somewhere -----------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "visitors", "place"), [
    # who leads it goes
    ("Foreign Minister Aigul Serikova led a delegation to Tashkent on Monday.", {"aigul-serikova"}, "tashkent"),
    # who sends it stays: the visit is its country's
    ("Prime Minister Ivo Sandor of Hungary agreed to send a delegation to Vienna next week.", {"HUN"}, "vienna"),
    ("Kazakhstan sent a delegation to Tashkent on Monday.", {"KAZ"}, "tashkent"),
])
def test_a_delegation_led_or_sent_somewhere_is_a_visit(nlp: Language, text: str, visitors: set[str],
                                                      place: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert set(_keys(visit)) == visitors
    assert visit.location is not None and visit.location.key == place


@pytest.mark.model
def test_a_coach_leading_a_team_is_no_visit(nlp: Language) -> None:
    """Near miss: a team that is no party's is a team."""
    assert _events(nlp, "Rosa Diaz led the team to Madrid for the final.", "visit") == []


# --- who speaks at a gathering takes part in it ----------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "status"), [
    ("Kenyan President Daniel Mwangi told the summit that the war must end.", "meeting", "held"),
    ("Kenyan President Daniel Mwangi addressed the summit on Friday.", "meeting", "held"),
    ("Kenyan President Daniel Mwangi said at the summit that the war must end.", "meeting", "held"),
    ("Speaking at the summit, Kenyan President Daniel Mwangi said the war must end.", "meeting", "held"),
    ("At the talks in Addis Ababa, Kenyan President Daniel Mwangi urged a ceasefire.", "talks", "held"),
    ("Kenyan President Daniel Mwangi will speak at the summit next week.", "meeting", "planned"),
])
def test_who_speaks_at_a_gathering_takes_part(nlp: Language, text: str, kind: str, status: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert EntityRef("person", "daniel-mwangi") in {p.entity for p in event.participants}
    assert event.status == status


@pytest.mark.model
def test_a_proposal_presented_at_talks_names_no_one(nlp: Language) -> None:
    """Near miss: "the proposal presented at the talks": the proposal is no participant."""
    assert _events(nlp, "The rebels rejected the proposal presented at the talks in Cairo.", "talks") == []


@pytest.mark.model
def test_who_heads_a_delegation_told_nowhere_visits(nlp: Language) -> None:
    """'X headed his country's delegation': X went somewhere with it, the place untold."""
    (visit,) = _events(nlp, "Foreign Minister Abdoulaye Keita headed his country's delegation.", "visit")
    assert _keys(visit) == {"abdoulaye-keita": "visitor"}
    assert visit.location is None


@pytest.mark.model
def test_a_delegation_led_to_talks_is_told_by_the_talks(nlp: Language) -> None:
    """Near miss: "led the delegation to the talks" is the talks, not a visit besides."""
    text = "Foreign Minister Abdoulaye Keita led the Malian delegation to the talks in Algiers."
    assert _events(nlp, text, "visit") == []
    (talks,) = _events(nlp, text, "talks")
    assert {"abdoulaye-keita", "MLI"} <= set(_keys(talks))


@pytest.mark.model
@pytest.mark.parametrize(("text", "sides", "stays"), [
    ("Mali sent a delegation to the talks with Niger in Algiers.", {"MLI", "NER"}, None),
    # who sends it stays: its leader takes part (for Mali)
    ("President Ousmane Diarra of Mali sent a delegation headed by his deputy, Seydou Konate, to the talks with "
     "Niger in Algiers.", {"NER", "seydou-konate"}, "ousmane-diarra"),
])
def test_a_delegation_sent_to_talks_takes_part_for_its_sender(nlp: Language, text: str, sides: set[str],
                                                              stays: str | None) -> None:
    """"A sent a delegation (headed by X) to the talks with B": A's delegation is at the talks."""
    (talks,) = _events(nlp, text, "talks")
    assert sides <= set(_keys(talks))
    assert stays not in _keys(talks)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kazakhstan dispatched its foreign minister, Aigul Serikova, to Tashkent on Monday.",
    "Kazakhstan sent Foreign Minister Aigul Serikova to Tashkent on Monday to discuss the canal.",
])
def test_an_envoy_sent_somewhere_visits_it(nlp: Language, text: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert _keys(visit) == {"aigul-serikova": "visitor"}
    assert visit.location is not None and visit.location.key == "tashkent"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kazakhstan sent an envoy to Tashkent on Monday.",
    "Kazakhstan dispatched an emissary to Tashkent on Monday.",
])
def test_an_envoy_no_one_names_visits_for_the_sender(nlp: Language, text: str) -> None:
    """'A sent an envoy to Z': the envoy, unnamed, visits for A (as A's delegation does)."""
    (visit,) = _events(nlp, text, "visit")
    assert _keys(visit) == {"KAZ": "visitor"}
    assert visit.location is not None and visit.location.key == "tashkent"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kazakhstan sent a letter to Tashkent on Monday.",
    "Foreign Minister Aigul Serikova sent her regards to the Uzbek people.",
    # an envoy sent nowhere told
    "Kazakhstan sent an envoy on Monday.",
])
def test_a_thing_sent_is_no_visit(nlp: Language, text: str) -> None:
    assert not _events(nlp, text, "visit")


@pytest.mark.model
@pytest.mark.parametrize("told", [
    "Kazakhstan's delegation, which is headed by Aigul Serikova, arrived on Sunday.",
    "Representing Kazakhstan was Foreign Minister Aigul Serikova.",
])
def test_who_heads_or_represents_a_side_takes_part(nlp: Language, told: str) -> None:
    (talks,) = _events(nlp, "Talks between Kazakhstan and Uzbekistan on the shared canal resumed in Tashkent on "
                            "Monday. " + told, "talks")
    assert "aigul-serikova" in _keys(talks)


@pytest.mark.model
@pytest.mark.parametrize(("told", "leaders"), [
    # a party's "side" or "panel" led by someone, as its delegation
    ("The Kazakh side was headed by Deputy Prime Minister Aigul Serikova.", {"aigul-serikova"}),
    ("The government panel is led by Senator Aigul Serikova, while the Uzbek team is headed by Jamshid Khodjaev.",
     {"aigul-serikova", "jamshid-khodjaev"}),
    # the second clause without its verb
    ("The Kazakh delegation was headed by Aigul Serikova, and the Uzbek one by Jamshid Khodjaev.",
     {"aigul-serikova", "jamshid-khodjaev"}),
    # near misses: a side or panel of no party
    ("The eastern side of the canal was guarded by Aigul Serikova.", set()),
    ("A panel of engineers led by Aigul Serikova will inspect the dam.", set()),
])
def test_who_leads_a_side_or_panel_takes_part(nlp: Language, told: str, leaders: set[str]) -> None:
    (talks,) = _events(nlp, "Talks between Kazakhstan and Uzbekistan on the shared canal resumed in Tashkent on "
                            "Monday. " + told, "talks")
    assert set(_keys(talks)) & {"aigul-serikova", "jamshid-khodjaev"} == leaders


@pytest.mark.model
@pytest.mark.parametrize(("text", "leader"), [
    # the participle hung on the body of the delegation's of-phrase, or on the verb after the delegation
    ("President Tomas Ruiz met a delegation of the Liberation Front led by commander Ana Gil in Lima on Monday.",
     "ana-gil"),
    ("President Tomas Ruiz met a visiting delegation from the Andean Bank, led by its president, Luis Tapia, on "
     "Monday.", "luis-tapia"),
    # near miss: the of-phrase names no body, and whoever led its people did not lead the delegation
    ("President Tomas Ruiz met a delegation of widows of soldiers led by Colonel Luis Tapia in the war.", None),
])
def test_who_leads_a_received_delegation_takes_part(nlp: Language, text: str, leader: str | None) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert set(_keys(meeting)) & {"ana-gil", "luis-tapia"} == ({leader} if leader else set())


@pytest.mark.model
def test_both_bracketed_representatives_take_part(nlp: Language) -> None:
    """An editor's brackets hold each side's representative: the parse may hang the second title on
    the first name."""
    text = ("Chile and Peru resume their border talks in Lima today. The two sides shall be represented by the "
            "Foreign Minister of Chile [Rosa Vidal] and the Trade Minister of Peru [Luis Tapia].")
    (talks,) = _events(nlp, text, "talks")
    assert {"rosa-vidal", "luis-tapia"} <= set(_keys(talks))


@pytest.mark.model
def test_a_team_sent_nowhere_is_no_visit(nlp: Language) -> None:
    assert _events(nlp, "The agency sent a team of investigators.", "visit") == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the talks told after the delegation's leader
    "Foreign Minister Abdoulaye Keita led the Malian delegation. Talks between Mali and the rebel coalition "
    "opened in Algiers on Monday.",
    # "the delegation" told again, and the one whose relative clause tells the talks
    "A Malian government delegation led by Foreign Minister Abdoulaye Keita arrived in Algiers on Sunday. The "
    "delegation will hold talks with the rebel coalition on Monday.",
    "Foreign Minister Abdoulaye Keita headed a Malian delegation that held talks with Algerian officials.",
])
def test_the_delegation_s_leader_takes_part_in_its_talks(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert {"abdoulaye-keita", "MLI"} <= set(_keys(talks))


# --- sittings of a council or assembly --------------------------------------------------------


def _sitting(nlp: Language, text: str) -> dict[str, str]:
    meetings = [e for e in _events(nlp, text, "meeting")
                if EntityRef("organization", "un-security-council") in {p.entity for p in e.participants}]
    assert len(meetings) == 1, meetings
    return _keys(meetings[0])


@pytest.mark.model
@pytest.mark.parametrize(("text", "who"), [
    ("Foreign Minister Kenji Sato and Foreign Minister Mark Dunn attended the Security Council session on "
     "Tuesday.", {"kenji-sato", "mark-dunn"}),
    ("The Security Council debate on Tuesday was addressed by Foreign Minister Kenji Sato.", {"kenji-sato"}),
    ("Foreign Minister Kenji Sato spoke at the Security Council on Tuesday.", {"kenji-sato"}),
    # a statement's title line, and who is thanked for a briefing in the same document
    ("Statement by Ambassador Helen Carr at the UN Security Council debate on piracy.\nThank you, Madam "
     "President, and thank you to Under-Secretary-General Anita Kovac for her briefing.",
     {"helen-carr", "anita-kovac"}),
])
def test_who_speaks_at_a_council_sitting_takes_part(nlp: Language, text: str, who: set[str]) -> None:
    assert set(_sitting(nlp, text)) == {"un-security-council", *who}


@pytest.mark.model
def test_a_council_as_a_venue_is_no_sitting(nlp: Language) -> None:
    """Near miss: talks begun at the General Assembly were held there, not by it."""
    text = "The talks that Chile and Peru began at the UN General Assembly continued in Lima."
    records = extract_article(Article("venue", text, PUBLISHED), nlp)
    assert all(EntityRef("organization", "un-general-assembly") not in {p.entity for p in e.participants}
               for e in records.events)


@pytest.mark.model
def test_thanks_for_a_briefing_without_a_sitting_is_nothing(nlp: Language) -> None:
    """Near miss: thanks for a briefing in a document that tells of no sitting add no one."""
    text = "Thank you to Anita Kovac for her briefing on the harvest."
    records = extract_article(Article("no-sitting", text, PUBLISHED), nlp)
    assert [e for e in records.events if e.kind in {"meeting", "talks"}] == []


@pytest.mark.model
def test_the_two_delegations_are_the_last_two_told_of_different_sides(nlp: Language) -> None:
    """"A's delegation was led by X. B sent a team headed by Y. The two delegations met": both
    sides and those who lead them."""
    text = ("Chile's delegation was led by Foreign Minister Rosa Campos. Peru sent a team headed by Luis Tapia. "
            "The two delegations met in Quito for two hours.")
    (meeting,) = _events(nlp, text, "meeting")
    assert set(_keys(meeting)) == {"CHL", "PER", "rosa-campos", "luis-tapia"}


@pytest.mark.model
def test_a_delegation_gathered_beside_another_takes_part_for_its_country(nlp: Language) -> None:
    """"The talks brought together an A delegation headed by X and a B team led by Y": B's team
    takes part for B, as A's delegation does for A."""
    text = ("The talks in Quito brought together a Chilean delegation headed by Foreign Minister Rosa Campos and a "
            "Peruvian team led by presidential aide Luis Tapia.")
    (talks,) = _events(nlp, text, "talks")
    assert set(_keys(talks)) == {"CHL", "PER", "rosa-campos", "luis-tapia"}
