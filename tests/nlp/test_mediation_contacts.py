"""Parties found beside the mediation rather than in its own words, and two more kinds of party.

- the mediator's call or meeting with two sides told in the next sentence;
- a meeting of two other countries' negotiators told in the next sentence;
- "At the invitation of C's president X, the leaders of A and B held talks": the plural
  title after X's name is no title of X (the parse makes it X's apposition);
- two people who would both stand for one country are its rival sides, in person;
- "C secured (won, negotiated) the release of A's nationals held by B";
- "C helped free hostages held by A in exchange for prisoners held by B": A and B, whatever
  the people freed are called;
- "A appealed to C to mediate": C mediates, not A;
- "the AU sent an envoy to mediate": an unnamed envoy acts for its sender;
- "A welcomed the mediation by (of) C between ...": C, where the parse hangs "by C" on the verb;
- "a deal reached after C's mediation frees five Malians held in B": Mali and B;
- "C's foreign minister carried a message from A's president to B's leaders" ("to" hung on "from");
- "the opposition PXRD": an acronym the model leaves unlabelled, after a word of a body's kind;
- "met A in Bamako and B in Niamey": B, whom the parse joins to A's place, is met too;
- "talks held in Accra with C and D as guarantors": C and D mediate, and are no sides of the talks;
- "held talks at the palace with B": B, whom the parse hangs on the place, takes part;
- "C convened (hosted) a meeting of the rival factions": C mediates, the sides unnamed;
- "the C-brokered deal allowed four Malian children to return home from B": Mali and B;
- "C's officials have been relaying messages between the two governments": C mediates, the sides unnamed;
- "Both A and B acknowledged (praised) C's mediation": those who credit it are its sides.

Each has a near miss where the same words hold no such mediation or party.  The people are
invented; real countries are used as sides and third parties.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.pipeline import extract_article
from kg.records import Article, EntityRef
from tests.nlp.mediation_rows import country, mediations, org, person
from tests.nlp.test_mediation import mediations_of

PUBLISHED = date(2024, 3, 16)
GHANA, SENEGAL = country("GHA"), country("SEN")
MALI_NIGER = frozenset({country("MLI"), country("NER")})


def found_in(nlp: Language, text: str) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    return mediations(extract_article(Article("contacts", text, PUBLISHED), nlp))


@pytest.mark.model
def test_the_mediators_call_with_two_leaders_just_after_gives_the_parties(nlp: Language) -> None:
    text = ("Ghana is mediating in the dispute. Ghana's president, Kofi Boateng, spoke by phone with Malian "
            "President Amadou Keita and Nigerien President Issa Harouna on Sunday.")
    assert (GHANA, frozenset({person("amadou-keita"), person("issa-harouna")}), True) in found_in(nlp, text)


@pytest.mark.model
def test_the_mediators_call_with_one_leader_gives_no_pair(nlp: Language) -> None:
    text = ("Ghana is mediating in the dispute. Ghana's president, Kofi Boateng, spoke by phone with Malian "
            "President Amadou Keita on Sunday.")
    assert [parties for mediator, parties, _ in found_in(nlp, text) if mediator == GHANA] == [frozenset()]


@pytest.mark.model
def test_two_countries_negotiators_meeting_just_after_are_the_parties(nlp: Language) -> None:
    text = ("Mediators from Ghana and Senegal have worked for weeks to secure a deal. Malian and Nigerien "
            "negotiators will meet in Accra on Monday.")
    rows = found_in(nlp, text)
    assert (GHANA, MALI_NIGER, True) in rows and (SENEGAL, MALI_NIGER, True) in rows


@pytest.mark.model
def test_a_plural_title_after_a_fronted_invitation_is_the_sides_not_the_inviter(nlp: Language) -> None:
    text = "At the invitation of Ghanaian President Kofi Boateng, the leaders of Mali and Niger held talks in Accra."
    records = extract_article(Article("invited", text, PUBLISHED), nlp)
    assert [(h.person, h.title, h.of_country) for h in records.roles] == [("kofi-boateng", "President", "GHA")]
    assert (person("kofi-boateng"), MALI_NIGER, True) in mediations(records)


@pytest.mark.model
def test_a_singular_title_after_a_name_is_still_its_own(nlp: Language) -> None:
    records = extract_article(Article("own", "Kofi Boateng, the president of Ghana, met envoys in Accra.", PUBLISHED),
                              nlp)
    assert [(h.person, h.title, h.of_country) for h in records.roles] == [("kofi-boateng", "President", "GHA")]


@pytest.mark.model
@pytest.mark.parametrize(("text", "parties"), [
    ("Senegal hosted negotiations between the warring Malian generals, Amadou Keita and Oumar Traore.",
     frozenset({person("amadou-keita"), person("oumar-traore")})),
    # two officials of one country with another country's envoys: the two countries
    ("Senegal hosted talks between Malian Foreign Minister Amadou Keita, Malian Defence Minister Oumar Traore "
     "and Nigerien envoys.", MALI_NIGER),
], ids=["rivals-of-one-country", "officials-of-one-side"])
def test_two_people_of_one_country_are_its_rival_sides(nlp: Language, text: str,
                                                        parties: frozenset[EntityRef]) -> None:
    assert (SENEGAL, parties, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana secured the release of two Malian soldiers held by Niger.",
    "Ghana won the release of two Malian soldiers held by Niger, officials in Bamako said.",
    "Ghana negotiated the release of two Malian soldiers held by Niger.",
])
def test_a_third_country_securing_a_release(nlp: Language, text: str) -> None:
    assert (GHANA, MALI_NIGER, True) in found_in(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana's good offices helped free four soldiers held by Mali in exchange for Burkinabe detainees held by Niger.",
    "Ghana secured the release of three Nigerien soldiers held by Mali in exchange for two Malian officers "
    "held by Niger.",
])
def test_an_exchange_of_captives_is_between_their_holders(nlp: Language, text: str) -> None:
    assert [parties for mediator, parties, _ in found_in(nlp, text) if mediator == GHANA] == [MALI_NIGER]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Mali secured the release of its soldiers held by Niger.",  # a side's own release
    "The army secured the release of twelve hostages held by bandits.",  # no two sides named
])
def test_a_release_secured_by_no_third_party(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
def test_who_is_appealed_to_mediates(nlp: Language) -> None:
    rows = found_in(nlp, "Malian President Amadou Keita appealed to Ghana to mediate his row with Niger.")
    assert [(mediator, parties) for mediator, parties, _ in rows] == [
        (GHANA, frozenset({person("amadou-keita"), country("NER")}))]


@pytest.mark.model
def test_an_appeal_for_calm_is_no_mediation(nlp: Language) -> None:
    assert found_in(nlp, "Malian President Amadou Keita appealed to Ghana for calm.") == []


@pytest.mark.model
def test_an_unnamed_envoy_mediates_for_its_sender(nlp: Language) -> None:
    rows = found_in(nlp, "The African Union sent an envoy to mediate between Mali and Niger.")
    assert rows == [(org("african-union"), MALI_NIGER, True)]


@pytest.mark.model
def test_troops_sent_to_a_border_mediate_nothing(nlp: Language) -> None:
    assert found_in(nlp, "Ghana sent troops to the border between Mali and Niger.") == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana welcomed the mediation by Senegal between Mali and Niger.",
    "Ghana welcomed the mediation of Senegal between Mali and Niger.",
])
def test_a_welcomed_mediation_is_its_agents(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == [(SENEGAL, MALI_NIGER, True)]


@pytest.mark.model
def test_a_welcomed_mediation_of_a_dispute_names_no_mediator(nlp: Language) -> None:
    rows = found_in(nlp, "Ghana welcomed the mediation of the dispute between Mali and Niger.")
    assert not [m for m, _, _ in rows if m in {GHANA, country("MLI"), country("NER")}]


@pytest.mark.model
@pytest.mark.parametrize(("text", "parties"), [
    ("The deal, reached after months of Ghanaian mediation, frees five Malians held in Burkina Faso.",
     frozenset({country("MLI"), country("BFA")})),
    ("The Ghanaian-brokered deal allowed four Malian children to return home from Burkina Faso.",
     frozenset({country("MLI"), country("BFA")})),
    ("Under a deal brokered by Ghana, four Malian children returned home from Burkina Faso.",
     frozenset({country("MLI"), country("BFA")})),
    # near misses: no country they were held in or came back from
    ("The deal, reached after months of Ghanaian mediation, frees five Malians.", frozenset()),
    ("Ghana brokered a deal on trade. Four Malian diplomats returned home from Vienna.", frozenset()),
], ids=["freed-held-in-b", "allowed-to-return-from-b", "returned-from-b", "freed-held-nowhere", "returned-from-a-city"])
def test_people_freed_or_returning_after_a_mediation(nlp: Language, text: str,
                                                      parties: frozenset[EntityRef]) -> None:
    """Nationals freed and held in B, or returning from B: their country and B are the parties."""
    assert found_in(nlp, text) == [(GHANA, parties, True)]


@pytest.mark.model
def test_a_message_carried_from_one_side_to_the_other(nlp: Language) -> None:
    text = ("The Ghanaian foreign minister carried a message from Malian President Amadou Keita to Nigerien "
            "army leaders in Niamey.")
    rows = found_in(nlp, text)
    assert [(parties, stated) for _, parties, stated in rows] == [
        (frozenset({person("amadou-keita"), country("NER")}), True)]


def test_a_message_carried_from_one_side_to_the_other_with_to_hung_on_from(parsed: Callable[[str], Doc]) -> None:
    found, _ = mediations_of(parsed("message_to_on_from"))
    assert [set(f.parties) for f in found] == [{person("amadou-keita"), country("NER")}]


@pytest.mark.model
def test_a_message_from_one_side_with_no_receiver_gives_no_pair(nlp: Language) -> None:
    text = "The Ghanaian foreign minister carried a message from Malian President Amadou Keita."
    assert not [parties for _, parties, _ in found_in(nlp, text) if len(parties) == 2]


@pytest.mark.model
def test_an_unlabelled_acronym_after_a_word_of_its_kind_is_a_party(nlp: Language) -> None:
    rows = found_in(nlp, "Senegal is mediating between the government of Guinea-Bissau and the opposition PXRD.")
    assert [(m, {p.kind for p in parties}) for m, parties, _ in rows] == [(SENEGAL, {"country", "organization"})]


@pytest.mark.model
def test_an_acronym_of_a_person_after_such_a_word_is_no_body(nlp: Language) -> None:
    doc = nlp("An opposition MP said the talks in Dakar had failed.")
    assert [t.ent_type_ for t in doc if t.text == "MP"] != ["ORG"]


def _participants(nlp: Language, text: str, kind: str) -> list[set[EntityRef]]:
    """Who takes part in each event of ``kind`` the text tells."""
    records = extract_article(Article(kind, text, PUBLISHED), nlp)
    return [{p.entity for p in e.participants} for e in records.events if e.kind == kind]


@pytest.mark.model
def test_a_second_person_met_elsewhere_hung_on_the_first_ones_place(nlp: Language) -> None:
    # "met A in Bamako and B in Niamey": the parse joins B to A's place
    assert _participants(nlp, "The envoy met Amadou Keita in Bamako and Issa Harouna in Niamey.", "meeting") == [
        {person("amadou-keita"), person("issa-harouna")}]


@pytest.mark.model
def test_a_second_place_met_in_adds_no_one(nlp: Language) -> None:
    assert _participants(nlp, "The envoy met Amadou Keita in Bamako and Timbuktu.", "meeting") == [
        {person("amadou-keita")}]


@pytest.mark.model
@pytest.mark.parametrize("role", ["guarantors", "mediators"])
def test_several_named_with_a_third_partys_role_are_its_mediators_not_sides(nlp: Language, role: str) -> None:
    text = f"Mali and Niger agreed to extend their truce in talks held in Accra with Ghana and Senegal as {role}."
    rows = found_in(nlp, text)
    assert {(m, parties) for m, parties, _ in rows} == {(GHANA, MALI_NIGER), (SENEGAL, MALI_NIGER)}
    records = extract_article(Article("with-as", text, PUBLISHED), nlp)
    talks = [{p.entity: p.role for p in e.participants} for e in records.events if e.kind == "talks"]
    assert all(t.get(GHANA) in {None, "mediator"} for t in talks), talks


@pytest.mark.model
def test_talks_with_a_country_and_no_role_after_keep_it_a_side(nlp: Language) -> None:
    records = extract_article(Article("with", "Mali held talks in Accra with Niger and Senegal.", PUBLISHED), nlp)
    assert not mediations(records)
    assert [{p.entity for p in e.participants} for e in records.events if e.kind == "talks"] == [
        {country("MLI"), country("NER"), SENEGAL}]


@pytest.mark.model
def test_talks_at_a_place_with_someone_the_parse_hangs_on_the_place(nlp: Language) -> None:
    text = "Malian President Amadou Keita held talks at the presidential palace with Nigerien President Ali Mahamane."
    assert _participants(nlp, text, "talks") == [{person("amadou-keita"), person("ali-mahamane")}]


@pytest.mark.model
def test_talks_at_a_place_with_a_view_add_no_one(nlp: Language) -> None:
    text = "Malian President Amadou Keita held talks at a hotel with a view of the river."
    assert _participants(nlp, text, "talks") == [{person("amadou-keita")}]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana convened a meeting of the rival factions in Accra.",
    "Ghana hosted a meeting of the two sides in Accra.",
    "Ghana convened a meeting of the warring parties in Accra.",
])
def test_a_meeting_of_the_sides_convened_or_hosted(nlp: Language, text: str) -> None:
    # the sides unnamed: a mediator with no parties
    assert found_in(nlp, text) == [(GHANA, frozenset(), True)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ghana hosted a meeting of the donor countries in Accra.",
    "The minister convened a meeting of the cabinet on Monday.",
])
def test_a_meeting_of_a_group_not_at_odds_is_no_mediation(nlp: Language, text: str) -> None:
    assert found_in(nlp, text) == []


@pytest.mark.model
def test_messages_relayed_between_a_pair_told_as_a_group(nlp: Language) -> None:
    assert found_in(nlp, "Ghanaian officials have been relaying messages between the two governments.") == [
        (GHANA, frozenset(), True)]


@pytest.mark.model
def test_messages_relayed_between_two_offices_are_no_mediation(nlp: Language) -> None:
    assert found_in(nlp, "The Ghanaian minister relayed messages between the two offices.") == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "parties"), [
    ("Both Mali and Niger acknowledged Ghana's patient mediation over the border.", MALI_NIGER),
    ("Mali and Niger praised Ghana's mediation in a joint statement.", MALI_NIGER),
    # one side's praise names no pair
    ("Mali praised Ghana's mediation in a statement.", frozenset()),
])
def test_the_sides_who_credit_a_mediation(nlp: Language, text: str, parties: frozenset[EntityRef]) -> None:
    assert [p for mediator, p, _ in found_in(nlp, text) if mediator == GHANA] == [parties]
