"""Who takes part in a meeting or talks where the text names them apart from the event word, in
lists the parse breaks, or not at all (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import index_entities
from kg.pipeline import extract_article
from kg.records import Article

PUBLISHED = date(2025, 9, 12)


def _participants(nlp: Language, text: str, kinds: frozenset[str] = frozenset({"talks", "meeting"})) -> set[str]:
    """Who takes part in any event of ``kinds`` kg finds in ``text`` (entity keys)."""
    records = extract_article(Article("sides", text, PUBLISHED), nlp)
    return {p.entity.key for e in records.events if e.kind in kinds for p in e.participants}


# --- talks that name no one take their sides from who represents them ---------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The talks will open in Vienna on Monday. Both parties will be represented by Moldovan President Pavel "
     "Kostic and Romanian Prime Minister Arben Lika.", {"pavel-kostic", "arben-lika"}),
    # (the parse may hang the names on "both sides")
    ("The negotiations resume in Oslo next week. Both sides will be represented by their foreign ministers, "
     "Marta Lindqvist and Jonas Berg.", {"marta-lindqvist", "jonas-berg"}),
])
def test_sides_represented_after_talks_that_name_no_one(nlp: Language, text: str, expected: set[str]) -> None:
    assert expected <= _participants(nlp, text)


@pytest.mark.model
def test_talks_that_name_no_one_and_no_representatives_stay_dropped(nlp: Language) -> None:
    """Without a frame or representatives, "the talks" still name no event."""
    assert _participants(nlp, "The talks will open in Vienna on Monday. Lunch will be served at noon.") == set()


# --- lists the parse breaks -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # the second name hung on the group noun, or the first made a modifier inside the second's phrase
    ("Before a session on Monday, the lead negotiators, Chilean Foreign Minister Ana Gil and FPR spokesman "
     "Luis Tapia, stood outside the hall and had a conversation lasting ten minutes.", {"ana-gil", "luis-tapia"}),
    ("On Friday the chief negotiators, Peruvian Interior Minister Rosa Campos and ELN commander Tomas Varga, "
     "had a brief meeting in Lima.", {"rosa-campos", "tomas-varga"}),
])
def test_every_name_apposed_to_a_group_takes_part(nlp: Language, text: str, expected: set[str]) -> None:
    assert expected <= _participants(nlp, text)


@pytest.mark.model
def test_a_government_listed_after_a_person_is_the_lists_next_side(nlp: Language) -> None:
    """'between A, the Zambian government, the FNL and ...': no person is a government, so the
    government the parse apposes to the person is one more side."""
    text = ("After several meetings between Ortega, the Zambian government, the FNL and the Malawian "
            "government, the FNL agreed to resume the talks.")
    assert {"ortega", "ZMB", "MWI"} <= _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "He met Luis Tapia, the Chilean president, and Ana Gil on Monday.",
    "He met Luis Tapia, the ELN commander, and Ana Gil on Monday.",
])
def test_a_persons_title_in_a_list_is_no_side_of_its_own(nlp: Language, text: str) -> None:
    """An apposed title only says who the person is: the country or body it names takes no part."""
    assert _participants(nlp, text) & {"CHL", "eln"} == set()


# --- a capital before an event word is where it is held -----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "venue_country"), [
    ("Officials said the Lima meeting between Chile and Bolivia went well.", "PER"),
    ("Wekesa was part of a government delegation in Kampala meeting with Mr. Museveni.", "UGA"),
])
def test_a_capital_naming_the_event_is_its_venue(nlp: Language, text: str, venue_country: str) -> None:
    assert venue_country not in _participants(nlp, text)


@pytest.mark.model
def test_two_capitals_naming_talks_are_their_governments(nlp: Language) -> None:
    assert {"RUS", "UKR"} <= _participants(nlp, "The Moscow and Kyiv talks resumed on Monday.")


# --- a statement at a council, its at-phrase hung inside the speaker's title -------------------


@pytest.mark.model
def test_statement_at_a_council_after_a_long_title(nlp: Language) -> None:
    """'Statement by X, Minister for A, B and C at the Council': the parse hangs "at the Council" on
    the title's last place; X still speaks there, and the title's places and bodies take no part."""
    text = ("Statement by Lady Marlow of Fenwick, Minister of State for Asia, the Pacific and the Commonwealth at "
            "the United Nations Security Council.\nI thank Madam President, and I thank as well "
            "Under-Secretary-General Okonjo for her update to this Council.")
    records = extract_article(Article("sitting", text, PUBLISHED), nlp)
    (sitting,) = [e for e in records.events if e.kind == "meeting"]
    labels = {p.entity.key: p.entity.kind for p in sitting.participants}
    names = {o.key: o.name for o in records.organizations}
    assert any("Security Council" in names.get(k, "") for k in labels)
    assert {k for k, kind in labels.items() if kind == "person"} == {"marlow-of-fenwick", "okonjo"}
    assert not any("Commonwealth" in names.get(k, "") for k in labels)


# --- a list of persons the parse splits into a conjunct and its apposition ---------------------


def test_a_persons_apposition_after_a_groups_conjunct_is_listed(parsed: Callable[[str], Doc]) -> None:
    """'the foreign ministers – Minister A, Minister B –': with A parsed as the group's conjunct and B
    as A's apposition, the group still names both."""
    index = index_entities(parsed("ministers_dash_list"))
    ministers = next(t for t in index.doc if t.lower_ == "ministers")
    assert {r.key for r in index.actors_of_np(ministers) if r.kind == "person"} == {"wekesa", "okello"}


# --- a state body's name after a title is no person's name -----------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A spokesman for the Chilean Foreign Ministry said the talks would resume.",
    "Luis Tapia, the spokesperson for the Peruvian Interior Ministry, said the talks would resume.",
])
def test_a_ministrys_name_after_a_title_is_no_person(nlp: Language, text: str) -> None:
    records = extract_article(Article("ministry", text, PUBLISHED), nlp)
    assert not [p for p in records.persons if p.name in {"Foreign", "Interior"}]


# --- who one discusses something with ----------------------------------------------------------


@pytest.mark.model
def test_discussed_a_topic_with_a_person(nlp: Language) -> None:
    """'A discussed the border with Foreign Minister B': the parse hangs "with B" on the topic."""
    text = "Maria Hernandez discussed the border with Peruvian Foreign Minister Luis Tapia on Monday."
    assert {"maria-hernandez", "luis-tapia"} <= _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maria Hernandez discussed relations with Peru on Monday.",
    "Maria Hernandez discussed cooperation with Peru and Bolivia.",
])
def test_a_topic_with_a_country_is_no_meeting(nlp: Language, text: str) -> None:
    """'relations with Peru' is what is discussed, not with whom."""
    assert _participants(nlp, text) == set()


# --- who takes part, told after the event with nothing after the verb -------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Talks between Peru and Bolivia resumed in Quito on Monday. Chilean envoy Maria Hernandez also took part.",
    "Peru and Bolivia held a first round of talks in Quito. Chilean envoy Maria Hernandez attended.",
])
def test_who_also_took_part_joins_the_talks_before(nlp: Language, text: str) -> None:
    assert {"PER", "BOL", "maria-hernandez"} <= _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peru and Bolivia held a first round of talks in Quito. Chile did not attend.",
    "Peru and Bolivia held a first round of talks in Quito. Chile refused to take part.",
    "Peru and Bolivia held a first round of talks in Quito. Maria Hernandez took part in the war.",
])
def test_who_did_not_take_part_or_took_part_in_something_else_joins_nothing(nlp: Language, text: str) -> None:
    assert _participants(nlp, text) & {"CHL", "maria-hernandez"} == set()


# --- a visit's talks: the visitor takes part ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Luis Tapia will visit Bolivia next week for talks with President Rosa Campos.",
    "Luis Tapia's visit to Bolivia included a meeting with President Rosa Campos.",
    "Luis Tapia's trip will include talks with President Rosa Campos and Foreign Minister Pedro Ortiz.",
])
def test_the_visitor_takes_part_in_the_visits_talks(nlp: Language, text: str) -> None:
    assert {"luis-tapia", "rosa-campos"} <= _participants(nlp, text)


@pytest.mark.model
def test_a_plural_names_singular_before_its_members_is_the_group(nlp: Language) -> None:
    assert "ltte" in _participants(nlp, "Tamil Tiger rebels resumed their talks with the government in Oslo.")


# --- "the U.S. envoy": the one named person of that country in a post of diplomacy -------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Assistant Secretary of State Maria Hernandez, the lead U.S. negotiator, arrived in Lima on Monday. The U.S. "
    "envoy then met Peruvian Foreign Minister Luis Tapia.",
    "Chilean mediator Maria Hernandez arrived in Lima on Monday. The Chilean diplomat then met Peruvian Foreign "
    "Minister Luis Tapia.",
])
def test_a_countrys_envoy_is_its_one_named_diplomat(nlp: Language, text: str) -> None:
    assert {"maria-hernandez", "luis-tapia"} <= _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # two named diplomats of Chile: which one is meant is not said
    "Chilean mediator Maria Hernandez and Chilean ambassador Pedro Ortiz arrived in Lima on Monday. The Chilean "
    "diplomat then met Peruvian Foreign Minister Luis Tapia.",
    # a foreign minister holds no post of diplomacy's category: "the Chilean envoy" may be another
    "Maria Hernandez, Chile's foreign minister, arrived in Lima on Monday. The Chilean envoy then met Peruvian "
    "Foreign Minister Luis Tapia.",
])
def test_a_countrys_envoy_stays_unnamed_when_no_one_named_fits(nlp: Language, text: str) -> None:
    assert not {"maria-hernandez", "pedro-ortiz"} & _participants(nlp, text, frozenset({"meeting"}))


@pytest.mark.model
def test_coordinated_demonyms_before_presidents_are_both_sides(nlp: Language) -> None:
    assert {"PER", "BOL"} <= _participants(nlp, "The Peruvian and Bolivian presidents met in Santiago on Monday.")


# --- "the ministers met": the two office-holders named before ------------------------------


@pytest.mark.model
def test_the_ministers_are_the_two_named_before(nlp: Language) -> None:
    text = ("Peruvian Foreign Minister Luis Tapia and Bolivian Foreign Minister Rosa Campos were in Santiago on "
            "Monday. The ministers met for two hours.")
    assert {"luis-tapia", "rosa-campos"} <= _participants(nlp, text)


@pytest.mark.model
def test_the_ministers_are_no_one_when_three_were_named(nlp: Language) -> None:
    """With no number, "the ministers" of three named before says not which met."""
    text = ("Peruvian Foreign Minister Luis Tapia, Bolivian Foreign Minister Rosa Campos and Chilean Foreign "
            "Minister Pedro Ortiz were in Santiago on Monday. The ministers met for two hours.")
    assert _participants(nlp, text) == set()


# --- "C convened (brought together) A and B", "envoys of A, B and C gathered" -----------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Maria Hernandez convened Luis Tapia and Rosa Campos in Lima.", {"maria-hernandez", "luis-tapia", "rosa-campos"}),
    ("Maria Hernandez brought together Luis Tapia and Rosa Campos in Lima.",
     {"maria-hernandez", "luis-tapia", "rosa-campos"}),
    ("Maria Hernandez brought Luis Tapia and Rosa Campos together in Lima on Monday.",
     {"maria-hernandez", "luis-tapia", "rosa-campos"}),
    ("Representatives of Chile, Peru and Bolivia gathered in Quito on Monday.", {"CHL", "PER", "BOL"}),
])
def test_who_is_gathered_meets(nlp: Language, text: str, expected: set[str]) -> None:
    assert expected <= _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chile gathered support from Peru and Bolivia for its plan.",
    "The police gathered evidence in Lima.",
    "Thousands gathered in Lima to protest against Luis Tapia and Rosa Campos.",
])
def test_what_else_is_gathered_is_no_meeting(nlp: Language, text: str) -> None:
    assert _participants(nlp, text) == set()


# --- talks only needed or called for name no one ------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chad and the FPR fought a long war. The minister stressed the need for a broad dialogue to settle "
    "the country's other conflicts.",
    "Chad and the FPR fought a long war. There were calls for negotiations.",
])
def test_talks_only_called_for_take_no_sides(nlp: Language, text: str) -> None:
    assert _participants(nlp, text) == set()


@pytest.mark.model
def test_talks_that_resume_still_take_the_frames_sides(nlp: Language) -> None:
    assert {"TCD", "fpr"} <= _participants(nlp, "Chad and the FPR fought a long war. The talks resumed on Monday.")


@pytest.mark.model
def test_a_body_of_a_named_person_brings_the_person(nlp: Language) -> None:
    """'the opposition MDC of Rosa Campos', as 'the FPR party of President Luis Tapia' already did."""
    text = "Talks between the ruling FPR of President Luis Tapia and the opposition MDC of Rosa Campos resumed."
    assert {"luis-tapia", "rosa-campos"} <= _participants(nlp, text)


# --- a host's meal --------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maria Hernandez hosted Luis Tapia for dinner on Monday.",
    "Maria Hernandez invited Luis Tapia and Rosa Campos for dinner at the residence.",
])
def test_who_is_hosted_for_a_meal_meets_the_host(nlp: Language, text: str) -> None:
    assert {"maria-hernandez", "luis-tapia"} <= _participants(nlp, text, frozenset({"meeting", "visit"}))


@pytest.mark.model
def test_staying_for_dinner_is_no_meeting(nlp: Language) -> None:
    assert _participants(nlp, "Maria Hernandez stayed for dinner.", frozenset({"meeting", "visit"})) == set()


# --- a welcome given ------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "President Luis Tapia gave a warm welcome on Thursday to Bolivian leader Rosa Campos.",
    "President Luis Tapia accorded Rosa Campos a warm welcome.",
])
def test_who_gives_a_welcome_hosts_whom_it_welcomes(nlp: Language, text: str) -> None:
    records = extract_article(Article("welcome", text, PUBLISHED), nlp)
    (visit,) = [e for e in records.events if e.kind == "visit"]
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luis-tapia", "host"), ("rosa-campos", "visitor")}


@pytest.mark.model
def test_a_welcome_given_to_a_plan_is_no_visit(nlp: Language) -> None:
    assert _participants(nlp, "President Luis Tapia gave a warm welcome to the plan.", frozenset({"visit"})) == set()


# --- a table's name at the end of a longer name is not that organisation ----------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "absent", "present"), [
    ("Government negotiators held talks with the Kachin National Liberation Army on Monday.", "eln",
     "Kachin National Liberation Army"),
    ("Government negotiators held talks with the Ta'ang National Liberation Army on Monday.", "eln",
     "Ta'ang National Liberation Army"),
])
def test_a_longer_name_is_its_own_organisation(nlp: Language, text: str, absent: str, present: str) -> None:
    records = extract_article(Article("longer", text, PUBLISHED), nlp)
    names = {o.key: o.name for o in records.organizations}
    keys = _participants(nlp, text)
    assert absent not in keys
    assert present in {names.get(k) for k in keys}


@pytest.mark.model
@pytest.mark.parametrize(("text", "key"), [
    ("Government negotiators held talks with the National Liberation Army.", "eln"),
    # a demonym before the table's name only says whose it is
    ("Government negotiators held talks with the Sudanese Rapid Support Forces.", "rsf"),
])
def test_the_tables_name_alone_or_after_a_demonym_is_the_organisation(nlp: Language, text: str, key: str) -> None:
    assert key in _participants(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("Government negotiators held talks with the Chadian National Liberation Front on Monday.",
     "Chadian National Liberation Front"),
    ("Government negotiators held talks with the Chad National Democratic Alliance Army on Monday.",
     "Chad National Democratic Alliance Army"),
])
def test_a_body_named_after_its_country_is_the_body(nlp: Language, text: str, name: str) -> None:
    records = extract_article(Article("country-led", text, PUBLISHED), nlp)
    names = {o.key: o.name for o in records.organizations}
    keys = _participants(nlp, text)
    assert name in {names.get(k) for k in keys} and "TCD" not in keys


@pytest.mark.model
def test_a_countrys_ministry_or_government_stays_the_country(nlp: Language) -> None:
    assert {"TCD", "NER"} <= _participants(nlp, "The Chadian Foreign Ministry met the Nigerien Government.")


# --- "the alliance" told elsewhere by its members -----------------------------------------------


@pytest.mark.model
def test_the_alliance_is_the_members_the_document_names_for_it(nlp: Language) -> None:
    text = ("Thai-sponsored talks between the junta and three ethnic armies ended on Friday. The alliance of the Karen "
            "National Union, the Kachin Independence Army, and the Shan State Army has been training anti-junta "
            "forces. The junta's negotiations with the alliance, assisted by Thailand, were the first since "
            "the coup.")
    records = extract_article(Article("alliance", text, PUBLISHED), nlp)
    names = {o.key: o.name for o in records.organizations}
    found = {names.get(k, k) for k in _participants(nlp, text)}
    assert {"Karen National Union", "Kachin Independence Army", "Shan State Army"} <= found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the group defined where it is told: "made up of", "comprising"; "known as" after the members
    "The so-called troika, made up of Norway, Britain and the United States, brokered the talks between Chad "
    "and Niger.",
    "Norway, Britain and the United States, known as the troika, have mediated between Chad and Niger. The troika "
    "met Chad's foreign minister in Addis Ababa.",
])
def test_a_group_defined_by_its_members_is_them(nlp: Language, text: str) -> None:
    records = extract_article(Article("troika", text, PUBLISHED), nlp)
    held = {p.entity.key for e in records.events if e.kind in {"talks", "meeting"} for p in e.participants}
    assert {"NOR", "GBR", "USA"} <= held


@pytest.mark.model
def test_an_alliance_not_the_one_told_names_no_one(nlp: Language) -> None:
    """Only the plain "the alliance" stands for the members named for it: not "a new alliance"."""
    text = ("The alliance of the Karen National Union and the Kachin Independence Army is strong. A new alliance met "
            "the junta on Monday.")
    records = extract_article(Article("alliance", text, PUBLISHED), nlp)
    names = {o.key: o.name for o in records.organizations}
    found = {names.get(k, k) for k in _participants(nlp, text)}
    assert not {"Karen National Union", "Kachin Independence Army"} & found


# --- an office named by the title it serves is a body ------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("Peru and Bolivia will begin talks soon, hosted by staff of the Office of the UN Special Representative "
     "for Bolivia (UNSRB).", "Office of the UN Special Representative for Bolivia"),
    ("The talks were hosted by the Office of the UN Special Envoy for the Andes.",
     "Office of the UN Special Envoy for the Andes"),
])
def test_an_office_named_by_a_title_is_a_body(nlp: Language, text: str, name: str) -> None:
    records = extract_article(Article("office", text, PUBLISHED), nlp)
    names = {o.key: o.name for o in records.organizations}
    assert name in {names.get(k) for k in _participants(nlp, text)}
    assert not [p for p in records.persons if p.name and p.name.isupper()]  # the acronym is no person


# --- a transcript's speaker label states no role -------------------------------------------------


@pytest.mark.model
def test_a_speaker_label_states_no_role_but_names_the_speaker(nlp: Language) -> None:
    text = "SECRETARY ORTIZ: Welcome the foreign ministers from Chile and Peru to Madrid."
    records = extract_article(Article("label", text, PUBLISHED), nlp)
    assert not [r for r in records.roles if r.person == "ortiz"]
    assert "ortiz" in {p.key for p in records.persons}
    # the same title stated in a sentence is a role
    records = extract_article(Article("stated", "Secretary of State Ana Ortiz met Luis Tapia.", PUBLISHED), nlp)
    assert ("ana-ortiz", "Secretary of State") in {(r.person, r.title) for r in records.roles}


# --- making contact with someone ------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The chief mediator, Vice President Pedro Ortiz, is still in the region hoping to make contact with rebel leader "
    "Luis Tapia.",
    "Chilean envoy Pedro Ortiz made contact with Luis Tapia on Monday.",
])
def test_who_makes_contact_with_someone_meets_them(nlp: Language, text: str) -> None:
    assert {"pedro-ortiz", "luis-tapia"} <= _participants(nlp, text)


@pytest.mark.model
def test_contact_with_no_actor_is_no_meeting(nlp: Language) -> None:
    assert _participants(nlp, "The rebels made contact with the enemy near the border.") == set()


# --- "meet" as satisfying something ----------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peru and Bolivia signed a truce. Both sides must meet their commitments under the deal.",
    "Peru and Bolivia signed a truce. The deal requires both sides to meet the needs of civilians.",
    "Peru failed to meet the deadline set by Bolivia.",
    "Peru and Bolivia signed a truce. Bolivian troops met little resistance.",
])
def test_meeting_needs_or_deadlines_is_no_meeting(nlp: Language, text: str) -> None:
    assert _participants(nlp, text) == set()


@pytest.mark.model
def test_the_sides_that_meet_again_meet(nlp: Language) -> None:
    text = "Peru and Bolivia signed a truce. The two sides will meet again in May."
    assert {"PER", "BOL"} <= _participants(nlp, text)


# --- a person whose surname is a table's name ------------------------------------------------------


@pytest.mark.model
def test_a_person_whose_surname_is_a_tables_name_stays_the_person(nlp: Language) -> None:
    """'Tomas Wagner ... Wagner then called B': neither the full name nor the bare surname is the
    Wagner Group."""
    text = ("Chilean envoy Tomas Wagner arrived in Lima on Monday. Later, President Rosa Campos spoke to Tomas "
            "Wagner over the phone. Wagner then called Peruvian President Luis Tapia.")
    records = extract_article(Article("surname", text, PUBLISHED), nlp)
    keys = {p.entity.key for e in records.events for p in e.participants}
    assert "tomas-wagner" in keys and "wagner" not in keys


@pytest.mark.model
def test_the_groups_own_name_stays_the_group(nlp: Language) -> None:
    records = extract_article(Article("group", "The Wagner Group sent fighters to Mali. Wagner commanders met "
                                               "Malian officials.", PUBLISHED), nlp)
    assert "wagner" in {o.key for o in records.organizations}


@pytest.mark.model
def test_who_is_joined_in_talks_takes_part_too(nlp: Language) -> None:
    text = "Maria Hernandez joined Luis Tapia in talks with Rosa Campos."
    assert {"maria-hernandez", "luis-tapia", "rosa-campos"} <= _participants(nlp, text)
