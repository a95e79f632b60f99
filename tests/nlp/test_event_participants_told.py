"""Who takes part in a meeting, told by constructions of news English (the trained model, end to end).

Sentences written for these tests, with invented people.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.pipeline import extract_article
from kg.records import Article

PUBLISHED = date(2025, 5, 10)


def _events(nlp: Language, text: str, kind: str) -> list:
    records = extract_article(Article("told", text, PUBLISHED), nlp)
    return [e for e in records.events if e.kind == kind]


def _keys(event: object) -> set[str]:
    return {p.entity.key for p in event.participants}  # type: ignore[attr-defined]


# --- "A told B during the talks": the one told is at the talks --------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg told Cypriot President Eleni Kyprianou during talks in Valletta that "
    "Malta would back the plan.",
    "During talks in Valletta, Maltese President Luca Borg told Cypriot President Eleni Kyprianou that "
    "Malta would back the plan.",
])
def test_the_one_told_during_talks_takes_part(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"luca-borg", "eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # told the press, not a side
    "Maltese President Luca Borg told reporters during talks in Valletta that Malta would back the plan.",
    # told after the talks: the talks were the speaker's
    "Maltese President Luca Borg told Cypriot President Eleni Kyprianou after the talks that Malta would "
    "back the plan.",
])
def test_the_one_told_outside_talks_does_not_take_part(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert "eleni-kyprianou" not in _keys(talks)
    assert "luca-borg" in _keys(talks)


# --- a bare title word refers back to the named holder of a title it heads -----------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "holder"), [
    ("Maltese Foreign Minister Luca Borg arrived in Nicosia on Monday. The minister met Cypriot President "
     "Eleni Kyprianou on Tuesday.", "luca-borg"),
    ("UN Special Envoy Pavel Novak arrived in Nicosia on Monday. The envoy met Cypriot President Eleni "
     "Kyprianou on Tuesday.", "pavel-novak"),
])
def test_a_bare_title_is_the_holder_named_before(nlp: Language, text: str, holder: str) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {holder, "eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "holder"), [
    # a Prime Minister is not "the minister", a Vice President not "the president"
    ("Maltese Prime Minister Luca Borg arrived in Nicosia on Monday. The minister met Cypriot Foreign Minister "
     "Eleni Kyprianou on Tuesday.", "luca-borg"),
    ("Maltese Vice President Luca Borg arrived in Nicosia on Monday. The president met Cypriot Foreign Minister "
     "Eleni Kyprianou on Tuesday.", "luca-borg"),
])
def test_a_bare_title_is_not_a_different_office(nlp: Language, text: str, holder: str) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    # (nor the one named after it)
    assert holder not in _keys(meeting) and "eleni-kyprianou" in _keys(meeting) and len(_keys(meeting)) == 2


# --- "Foreign Minister A and his B counterpart C met" ----------------------------------------------


@pytest.mark.model
def test_a_counterpart_named_in_apposition_after_a_possessed_title(nlp: Language) -> None:
    text = "Malta's Foreign Minister Luca Borg and his Cypriot counterpart Eleni Kyprianou met in Valletta."
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {"luca-borg", "eleni-kyprianou"}


# --- "A sent B to meet C": who is sent meets C -------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Maltese President Luca Borg sent his foreign minister, Marco Vella, to Nicosia to meet Cypriot President "
     "Eleni Kyprianou.", "meeting", {"marco-vella", "eleni-kyprianou"}),
    ("Maltese President Luca Borg dispatched Foreign Minister Marco Vella to Nicosia to hold talks with Cypriot "
     "President Eleni Kyprianou.", "talks", {"marco-vella", "eleni-kyprianou"}),
    # a delegation sent stands for the sender's country
    ("Maltese President Luca Borg sent a delegation to Nicosia to meet Cypriot President Eleni Kyprianou.",
     "meeting", {"MLT", "eleni-kyprianou"}),
])
def test_who_is_sent_takes_part_not_the_sender(nlp: Language, text: str, kind: str, expected: set[str]) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == expected
    assert "luca-borg" not in _keys(event)


@pytest.mark.model
def test_a_thing_sent_makes_no_meeting(nlp: Language) -> None:
    text = "Maltese President Luca Borg sent troops to the island to protect civilians."
    assert _events(nlp, text, "meeting") == []


# --- "B was greeted by A": a hosted visit ----------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Cypriot leader, Eleni Kyprianou, was greeted at the airport by Maltese President Luca Borg.",
    "Maltese President Luca Borg greeted Cypriot President Eleni Kyprianou at the palace on Monday.",
])
def test_a_greeted_guest_visits_the_host(nlp: Language, text: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luca-borg", "host"),
                                                                     ("eleni-kyprianou", "visitor")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg greeted the decision with caution.",
    "Crowds greeted Cypriot President Eleni Kyprianou on her return to Nicosia.",
    "Maltese President Luca Borg was greeted by cheering crowds in Valletta.",
])
def test_greeting_no_actor_is_no_visit(nlp: Language, text: str) -> None:
    assert _events(nlp, text, "visit") == [] and _events(nlp, text, "meeting") == []


# --- "A of X and B of Y met": the parse joins B to X ---------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("The two presidents, Luca Borg of Malta and Nikos Petrides of Cyprus, met in Rome on Friday.", "meeting"),
    ("The foreign ministers, Marco Vella of Malta and Nikos Charalambous of Cyprus, held talks in Rome.", "talks"),
])
def test_persons_each_of_their_country_listed(nlp: Language, text: str, kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert len(_keys(event)) == 2 and all("-" in k for k in _keys(event))


@pytest.mark.model
def test_countries_joined_after_of_are_no_persons(nlp: Language) -> None:
    """"A of Malta met the envoys of Cyprus and Greece": no person is joined to A's country."""
    text = "Marco Vella of Malta met the envoys of Cyprus and Greece in Rome."
    (meeting,) = _events(nlp, text, "meeting")
    assert {k for k in _keys(meeting) if "-" in k and not k.startswith("office-")} == {"marco-vella"}


@pytest.mark.model
def test_a_name_read_with_its_country_is_the_person(nlp: Language) -> None:
    """The model may read "Nikos Charalambous of Cyprus" as one name: the person, then the country."""
    records = extract_article(Article("of", "The foreign ministers, Marco Vella of Malta and Nikos Charalambous "
                                            "of Cyprus, held talks in Rome.", PUBLISHED), nlp)
    assert {"marco-vella", "nikos-charalambous"} <= {p.key for p in records.persons}


# --- "A is (has been, remains) in talks with B", "A and B spent hours (were locked) in talks" -------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Malta has been in negotiations with Cyprus since 2021.", {"MLT", "CYP"}),
    ("Malta remains in talks with Cyprus over the fishing zone.", {"MLT", "CYP"}),
    # who passes time in them
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou spent four hours in talks on Friday.",
     {"luca-borg", "eleni-kyprianou"}),
    ("Maltese President Luca Borg spent three days in talks with Cypriot President Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
])
def test_who_is_in_talks_takes_part(nlp: Language, text: str, expected: set[str]) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The fishing dispute is in talks stage, Maltese President Luca Borg said.",
    "Maltese President Luca Borg spent two years in prison.",
])
def test_a_thing_in_a_talks_stage_is_no_side(nlp: Language, text: str) -> None:
    """Near misses: a stage of a dispute, time spent with no talks."""
    assert _events(nlp, text, "talks") == []


# --- "negotiators for A and B" speak for A and B ---------------------------------------------------


@pytest.mark.model
def test_negotiators_for_sides_stand_for_them(nlp: Language) -> None:
    text = "Negotiators for Valletta and Nicosia met in Rome for the first direct talks in three years."
    events = _events(nlp, text, "meeting") + _events(nlp, text, "talks")
    assert events and all(_keys(e) == {"MLT", "CYP"} for e in events)


@pytest.mark.model
def test_an_envoy_for_a_country_is_sent_there_not_its_own(nlp: Language) -> None:
    """"The Maltese envoy for Cyprus": Malta's envoy, sent to Cyprus; Cyprus takes no part."""
    (meeting,) = _events(nlp, "The Maltese envoy for Cyprus met Greek President Petros Dimas.", "meeting")
    assert "CYP" not in _keys(meeting) and "petros-dimas" in _keys(meeting)


# --- "C on Tuesday hosted talks between A and B" (the date misleads the parser) ---------------------


@pytest.mark.model
def test_a_host_named_before_a_date_hosts(nlp: Language) -> None:
    (talks,) = _events(nlp, "Malta on Tuesday hosted talks between Cyprus and Greece.", "talks")
    assert {(p.entity.key, p.role) for p in talks.participants} >= {("MLT", "host"), ("CYP", "participant"),
                                                                    ("GRC", "participant")}


@pytest.mark.model
def test_hosted_talks_named_by_an_adjective_have_no_host_before_a_date(nlp: Language) -> None:
    """"On Tuesday, hosted talks between A and B resumed": no name before the date, no host."""
    (talks,) = _events(nlp, "Hosted talks between Cyprus and Greece resumed in Rome on Tuesday.", "talks")
    assert not [p for p in talks.participants if p.role == "host"]


# --- "B was represented by X": X takes part for B in B's talks told before --------------------------


@pytest.mark.model
@pytest.mark.parametrize("told", [
    "Cyprus was represented by its foreign minister, Nikos Petrides.",
    # the active voice, and the side sending the one named
    "Foreign Minister Nikos Petrides represented Cyprus.",
    "Cyprus sent its foreign minister, Nikos Petrides.",
])
def test_who_represents_a_side_takes_part(nlp: Language, told: str) -> None:
    (talks,) = _events(nlp, f"Malta hosted talks between Cyprus and Greece on Tuesday. {told}", "talks")
    assert "nikos-petrides" in _keys(talks)


@pytest.mark.model
def test_who_represents_the_second_side_in_a_gapped_clause_takes_part(nlp: Language) -> None:
    """"A was represented by X, and B by Y": the verb left out, Y takes part for B."""
    told = "Cyprus was represented by its foreign minister, Nikos Petrides, and Greece by its envoy, Eleni Vlachou."
    (talks,) = _events(nlp, f"Malta hosted talks between Cyprus and Greece on Tuesday. {told}", "talks")
    assert {"nikos-petrides", "eleni-vlachou"} <= set(_keys(talks))


@pytest.mark.model
@pytest.mark.parametrize("told", [
    "Italy was represented by its ambassador, Paolo Ricci.",
    # one sent elsewhere
    "Cyprus sent its foreign minister, Paolo Ricci, to Paris for a conference on trade.",
])
def test_who_represents_no_side_of_the_talks_takes_no_part(nlp: Language, told: str) -> None:
    (talks,) = _events(nlp, f"Malta hosted talks between Cyprus and Greece on Tuesday. {told}", "talks")
    assert "paolo-ricci" not in _keys(talks)


# --- a given name used alone, read by the model as a place ------------------------------------------


@pytest.mark.model
def test_given_names_used_alone_are_the_persons_named_before(nlp: Language) -> None:
    text = ("Chadian President Idriss Mahamat hosted Nigerien President Moussa Garba in N'Djamena on Friday. On "
            "Saturday, Malian President Bakary Keita flew in for three-way talks with Idriss and Moussa.")
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"bakary-keita", "idriss-mahamat", "moussa-garba"}


@pytest.mark.model
def test_a_given_name_two_persons_share_is_no_one(nlp: Language) -> None:
    text = ("Chadian President Idriss Mahamat met Chadian army chief Idriss Oumar in N'Djamena on Friday. On "
            "Saturday, Malian President Bakary Keita held talks with Idriss in Bamako.")
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"bakary-keita"}


# --- event nouns capitalised in a name ("the Valletta Talks", "the Strategic Dialogue") ----------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("The Valletta Talks between Cyprus and Greece resumed on Monday.", "talks", {"CYP", "GRC"}),
    ("Malta and Cyprus held the third Malta-Cyprus Strategic Dialogue in Valletta on Monday.", "talks",
     {"MLT", "CYP"}),
    ("The Trilateral Meeting of Malta, Cyprus and Greece took place in Athens.", "meeting", {"MLT", "CYP", "GRC"}),
])
def test_a_named_event_is_an_event(nlp: Language, text: str, kind: str, expected: set[str]) -> None:
    events = _events(nlp, text, kind)
    assert events and expected <= set().union(*(_keys(e) for e in events))


@pytest.mark.model
def test_a_headline_in_capitals_names_no_event_by_its_nouns(nlp: Language) -> None:
    """A headline's capitalised words parse poorly: its nouns are not read as events."""
    from kg.nlp.triggers import TRIGGERS_KEY

    doc = nlp("Island Rivals Hold Fresh Talks Over Fishing Border\n\nOfficials said little.")
    assert not [s for s in doc.spans[TRIGGERS_KEY] if s.text == "Talks"]


# --- "A and B said they would hold talks": "they" under another clause is its joint subject ---------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Malta and Cyprus said they would hold talks next month.", "talks", {"MLT", "CYP"}),
    ("Grace Njeri and Peter Mugisha are expected to sign the deal when they meet in Arusha next week.", "meeting",
     {"grace-njeri", "peter-mugisha"}),
])
def test_they_under_a_clause_of_two_is_the_two(nlp: Language, text: str, kind: str, expected: set[str]) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == expected


@pytest.mark.model
def test_they_under_a_clause_of_one_is_no_one_named(nlp: Language) -> None:
    """"A said they would meet": "they" is not A alone."""
    assert _events(nlp, "Grace Njeri said they would meet again soon.", "meeting") == []


@pytest.mark.model
def test_who_heads_the_body_representing_a_side_takes_part(nlp: Language) -> None:
    text = ("Talks between Malta and the Island Liberation Front began in Rome on Sunday. Malta's delegation is led "
            "by Foreign Minister Marco Vella, while the Island Liberation Front is represented by a committee headed "
            "by Grace Njeri.")
    (talks,) = _events(nlp, text, "talks")
    assert {"marco-vella", "grace-njeri"} <= _keys(talks)


# --- "A and B agreed ... after two days of talks": as "after talks" ----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Malta and Cyprus agreed to share the fishing zone after two days of talks in Rome.", {"MLT", "CYP"}),
    ("Malta criticised Cyprus after months of talks with Greece.", {"MLT", "GRC"}),
    # talks with their own sides are not the clause's subject's
    ("Malta and Cyprus agreed to share the fishing zone after three weeks of talks between Greece and Italy.",
     {"GRC", "ITA"}),
])
def test_measured_talks_in_a_time_phrase(nlp: Language, text: str, expected: set[str]) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == expected


# --- "at the invitation of B": B hosts the visit ------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg is visiting Nicosia at the invitation of Cypriot President Eleni Kyprianou.",
    "Maltese President Luca Borg arrived in Nicosia on Monday at the invitation of Cypriot President Eleni "
    "Kyprianou.",
])
def test_who_invites_hosts_the_visit(nlp: Language, text: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luca-borg", "visitor"),
                                                                     ("eleni-kyprianou", "host")}


@pytest.mark.model
def test_an_invitation_declined_hosts_nothing(nlp: Language) -> None:
    (visit,) = _events(nlp, "Maltese President Luca Borg travelled to Nicosia despite an invitation from Greece.",
                       "visit")
    assert "GRC" not in _keys(visit)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg accepted an invitation from Cypriot President Eleni Kyprianou to visit Nicosia.",
    "Maltese President Luca Borg accepted Eleni Kyprianou's invitation to visit Cyprus in June.",
    "Cypriot President Eleni Kyprianou invited Maltese President Luca Borg to visit Cyprus.",
    "Maltese President Luca Borg was invited by Cypriot President Eleni Kyprianou to visit Nicosia.",
    "Cypriot President Eleni Kyprianou extended an invitation to Maltese President Luca Borg to visit Cyprus.",
    "At the invitation of Cypriot President Eleni Kyprianou, Maltese President Luca Borg will pay a state visit "
    "to Cyprus.",
])
def test_who_invites_to_a_visit_hosts_it(nlp: Language, text: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luca-borg", "visitor"),
                                                                     ("eleni-kyprianou", "host")}
    assert visit.status in {"proposed", "planned"}


@pytest.mark.model
def test_an_invitation_to_visit_elsewhere_hosts_nothing(nlp: Language) -> None:
    visits = _events(nlp, "Maltese President Luca Borg visited Cyprus despite an invitation from Greece to visit "
                          "Athens.", "visit")
    (to_cyprus,) = [v for v in visits if v.location is not None and v.location.key == "CYP"]
    assert {(p.entity.key, p.role) for p in to_cyprus.participants} == {("luca-borg", "visitor")}


# --- "A will be visited by B", "the visit by A", "C played host to A": who visits whom ---------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "visitor", "host"), [
    ("Maltese President Luca Borg will be visited by Cypriot President Eleni Kyprianou in June.",
     "eleni-kyprianou", "luca-borg"),
    ("The visit by Maltese President Luca Borg to Cyprus was the first in a decade.", "luca-borg", None),
    ("Cyprus played host to Maltese President Luca Borg on Monday.", "luca-borg", "CYP"),
])
def test_who_visits_and_who_is_visited(nlp: Language, text: str, visitor: str, host: str | None) -> None:
    (visit,) = _events(nlp, text, "visit")
    roles = {(p.entity.key, p.role) for p in visit.participants}
    assert (visitor, "visitor") in roles
    assert {k for k, role in roles if role == "host"} == ({host} if host else set())


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The museum was visited by Maltese President Luca Borg on Monday.",
    "Cyprus played host to the football final on Monday.",
])
def test_a_place_visited_or_an_event_hosted_has_no_host(nlp: Language, text: str) -> None:
    for visit in _events(nlp, text, "visit"):
        assert all(p.role != "host" for p in visit.participants)


# --- "A is expected in C for talks with B", "A was met by B", "talks with his counterpart, B" --------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("Maltese President Luca Borg is expected in Nicosia on Friday for talks with Cypriot President Eleni "
     "Kyprianou.", "talks"),
    ("Maltese President Luca Borg is due in Nicosia on Friday for talks with Cypriot President Eleni Kyprianou.",
     "talks"),
    ("Maltese President Luca Borg was met at the airport by Cypriot Foreign Minister Eleni Kyprianou.", "meeting"),
    ("Maltese President Luca Borg held talks with his counterpart, President Eleni Kyprianou, on Friday.", "talks"),
    ("Maltese President Luca Borg held talks with his Cypriot host, President Eleni Kyprianou, on Friday.",
     "talks"),
])
def test_the_awaited_the_met_and_the_apposed_take_part(nlp: Language, text: str, kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert {"luca-borg", "eleni-kyprianou"} <= _keys(event)


@pytest.mark.model
def test_an_awaited_visitor_is_planned(nlp: Language) -> None:
    (talks,) = _events(nlp, "Maltese President Luca Borg is due in Nicosia on Friday for talks with Cypriot "
                            "President Eleni Kyprianou.", "talks")
    assert talks.status == "planned"


@pytest.mark.model
def test_a_welcome_given_by_the_host_in_the_passive(nlp: Language) -> None:
    (visit,) = _events(nlp, "Maltese President Luca Borg was given a red-carpet welcome by Eleni Kyprianou at the "
                            "airport.", "visit")
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luca-borg", "visitor"),
                                                                     ("eleni-kyprianou", "host")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg held talks with his Cypriot host, President Eleni Kyprianou, on Friday.",
    "Maltese President Luca Borg and his host, Eleni Kyprianou, discussed fisheries on Friday.",
])
def test_a_visitors_host_mediates_nothing(nlp: Language, text: str) -> None:
    assert not _events(nlp, text, "mediation")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg is expected in Nicosia on Friday.",
    "Maltese President Luca Borg was met with protests in Nicosia.",
])
def test_awaited_or_met_with_no_one_names_no_other(nlp: Language, text: str) -> None:
    for event in _events(nlp, text, "talks") + _events(nlp, text, "meeting"):
        assert _keys(event) <= {"luca-borg"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Maltese President Luca Borg was joined at the meeting by Cypriot President Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
    ("Maltese President Luca Borg met with the Greek and Cypriot ambassadors on Friday.", {"luca-borg", "GRC", "CYP"}),
])
def test_who_joins_in_the_passive_and_ambassadors_of_two_countries(nlp: Language, text: str,
                                                                    expected: set[str]) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == expected


@pytest.mark.model
def test_a_joint_bodys_meetings_with_another_side(nlp: Language) -> None:
    (meeting,) = _events(nlp, "Maltese Minister Luca Borg flew to Nicosia on Friday to attend meetings of the joint "
                              "fisheries commission with Cyprus.", "meeting")
    assert {"luca-borg", "CYP"} <= _keys(meeting)


@pytest.mark.model
def test_a_body_met_with_a_purpose_names_no_side(nlp: Language) -> None:
    (meeting,) = _events(nlp, "Maltese Minister Luca Borg attended a meeting of the fisheries commission with "
                              "great interest.", "meeting")
    assert _keys(meeting) <= {"luca-borg"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("Maltese President Luca Borg said the talks with Cypriot President Eleni Kyprianou had been frank.", "talks"),
    ("Maltese President Luca Borg described the talks with Eleni Kyprianou as frank and useful.", "talks"),
    ("Maltese President Luca Borg had lunch with Cypriot President Eleni Kyprianou on Friday.", "meeting"),
])
def test_who_tells_of_the_talks_with_another_and_who_lunches_with_another(nlp: Language, text: str,
                                                                          kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == {"luca-borg", "eleni-kyprianou"}


@pytest.mark.model
def test_reporters_telling_of_talks_take_no_part(nlp: Language) -> None:
    (talks,) = _events(nlp, "Reporters said the talks with Cypriot President Eleni Kyprianou had been frank.",
                       "talks")
    assert _keys(talks) == {"eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "visits"), [
    ("Maltese President Luca Borg touched down in Nicosia on Friday.", 1),
    ("Maltese President Luca Borg landed in Nicosia on Friday for a two-day visit.", 1),
    # near misses: landing in no place, a journey for no meeting
    ("The rebels landed in trouble on Friday.", 0),
    ("Maltese President Luca Borg flew to Nicosia on Friday.", 0),
    ("Fish prices went to record highs on Friday.", 0),
])
def test_landing_somewhere_is_a_visit(nlp: Language, text: str, visits: int) -> None:
    assert len(_events(nlp, text, "visit")) == visits


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou spoke on the phone on Friday.", "held"),
    # a call put before its clause takes only the clause's tense, not its verb's cue ("urged")
    ("In a phone call with Cypriot President Eleni Kyprianou, Maltese President Luca Borg urged restraint.", "held"),
])
def test_a_call_on_the_phone_and_a_call_before_its_clause(nlp: Language, text: str, status: str) -> None:
    (call,) = _events(nlp, text, "phone_call")
    assert _keys(call) == {"luca-borg", "eleni-kyprianou"}
    assert call.status == status


@pytest.mark.model
def test_an_offer_of_a_call_is_still_proposed(nlp: Language) -> None:
    (call,) = _events(nlp, "Maltese President Luca Borg urged Cypriot President Eleni Kyprianou to hold a phone "
                           "call on Friday.", "phone_call")
    assert call.status == "proposed"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "At a summit in Geneva, Luca Borg and Eleni Kyprianou held their first talks in a year.",
    "In Geneva, Luca Borg and Eleni Kyprianou held their first talks in a year.",
])
def test_the_subject_after_a_fronted_place(nlp: Language, text: str) -> None:
    records = extract_article(Article("fronted", text, PUBLISHED), nlp)
    assert any(_keys(e) == {"luca-borg", "eleni-kyprianou"} for e in records.events if e.kind in {"talks", "meeting"})


@pytest.mark.model
def test_places_listed_in_a_fronted_phrase_are_no_subject(nlp: Language) -> None:
    records = extract_article(Article("fronted-places", "In Geneva, Rome and Vienna, talks on the border were "
                                                        "held on Friday.", PUBLISHED), nlp)
    assert not any(e.participants for e in records.events if e.kind in {"talks", "meeting"})


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("The summit in Rome drew the presidents of Malta, Cyprus and Greece.", {"MLT", "CYP", "GRC"}),
    ("Malta, Cyprus and Greece were represented at the summit in Rome.", {"MLT", "CYP", "GRC"}),
    # a named person's meeting is the person's, not also their country's
    ("Maltese President Luca Borg's meeting with Cypriot President Eleni Kyprianou lasted two hours.",
     {"luca-borg", "eleni-kyprianou"}),
])
def test_who_a_summit_draws_is_represented_at_it_or_holds_it(nlp: Language, text: str, expected: set[str]) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == expected


@pytest.mark.model
def test_criticism_a_summit_draws_names_no_one(nlp: Language) -> None:
    assert not [e for e in _events(nlp, "The summit in Rome drew sharp criticism.", "meeting") if e.participants]


@pytest.mark.model
def test_who_did_not_take_part_takes_no_part(nlp: Language) -> None:
    text = ("Maltese and Cypriot envoys met in Rome on Friday. Italian Foreign Minister Marco Ricci welcomed them but "
            "did not take part in the negotiations.")
    records = extract_article(Article("no-part", text, PUBLISHED), nlp)
    assert not any(p.entity.key == "marco-ricci" and p.role == "participant"
                   for e in records.events if e.kind in {"talks", "meeting"} for p in e.participants)


@pytest.mark.model
def test_those_named_among_the_met_group_take_part(nlp: Language) -> None:
    (meeting,) = _events(nlp, "Maltese President Luca Borg met Cypriot officials, including Foreign Minister Eleni "
                              "Kyprianou.", "meeting")
    assert {"luca-borg", "eleni-kyprianou"} <= _keys(meeting)


# --- who was there, the list told last: "Among those present were A and B" ----------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Among those present were Maltese President Luca Borg and Cypriot envoy Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
    ("Participants included Malta, Cyprus and the European Union.", {"MLT", "CYP", "european-union"}),
    ("Present at the talks were envoys of Malta and Cyprus.", {"MLT", "CYP"}),
    ("Also attending were Maltese President Luca Borg and Cypriot envoy Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
    ("Attending the talks were Maltese President Luca Borg and Cypriot envoy Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
    ("Those attending included Maltese President Luca Borg and Cypriot envoy Eleni Kyprianou.",
     {"luca-borg", "eleni-kyprianou"}),
])
def test_who_was_there_told_last_joins_the_talks_told_before(nlp: Language, text: str, expected: set[str]) -> None:
    (talks,) = _events(nlp, "Fisheries talks opened in Rome on Friday. " + text, "talks")
    assert _keys(talks) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The museum opened in Rome on Friday. Among those present were Maltese President Luca Borg and Cypriot envoy "
    "Eleni Kyprianou.",
    "Fisheries talks opened in Rome on Friday. Participants included students and teachers.",
])
def test_who_was_there_at_no_meeting_told_joins_none(nlp: Language, text: str) -> None:
    records = extract_article(Article("there", text, PUBLISHED), nlp)
    assert not [e for e in records.events if e.kind in {"meeting", "talks"} and e.participants]


@pytest.mark.model
@pytest.mark.parametrize(("text", "visitors", "place"), [
    ("Maltese and Cypriot negotiators return to Rome this week for talks on fishing.", {"MLT", "CYP"}, "rome"),
    ("Maltese President Luca Borg flew to Nicosia on Friday to meet Eleni Kyprianou.", {"luca-borg"}, "nicosia"),
    ("Maltese President Luca Borg went to Nicosia on Friday for a meeting with Eleni Kyprianou.", {"luca-borg"},
     "nicosia"),
])
def test_a_journey_made_for_a_meeting_is_a_visit(nlp: Language, text: str, visitors: set[str], place: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    assert {k for k, role in ((p.entity.key, p.role) for p in visit.participants) if role == "visitor"} == visitors
    assert visit.location is not None and visit.location.key == place


# --- a headline's noun phrase: "A-B Meeting Set for Friday", "Talks Between A and B Resume" ----------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Borg-Kyprianou Meeting Set to Settle Fishing Row\n\nMaltese President Luca Borg and Cypriot President "
     "Eleni Kyprianou will discuss the catch quotas, officials said.", "meeting", {"luca-borg", "eleni-kyprianou"}),
    ("Malta-Cyprus Talks Open in Rome\n\nNegotiators began a new round on Friday, officials said.", "talks",
     {"MLT", "CYP"}),
    ("Fishing Talks Between Malta and Cyprus Resume\n\nOfficials said the process resumed on Friday.", "talks",
     {"MLT", "CYP"}),
    # a readout's headline: "A's Meeting with B", B's title before the name
    ("Minister Borg's Meeting with Cypriot Foreign Minister Eleni Kyprianou\n\nThe Minister stressed the catch "
     "quotas.", "meeting", {"borg", "eleni-kyprianou"}),
])
def test_a_headline_names_the_sides_of_its_meeting(nlp: Language, text: str, kind: str,
                                                   expected: set[str]) -> None:
    assert any(expected <= _keys(e) for e in _events(nlp, text, kind))


@pytest.mark.model
def test_surnames_joined_before_talks_in_running_text(nlp: Language) -> None:
    text = ("Maltese President Luca Borg and rebel leader Eleni Kyprianou were in Rome on Friday. Officials said the "
            "Borg-Kyprianou talks would resume next week.")
    assert any(_keys(e) == {"luca-borg", "eleni-kyprianou"} for e in _events(nlp, text, "talks"))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Malta Fishing Talks Stall\n\nOfficials said the process stalled on Friday.",
    "Malta-Cyprus Fishing Row Flares\n\nOfficials said the quarrel grew on Friday.",
    "Malta-Cyprus Trade Grows\n\nOfficials said exports rose in May.",
    "Borg's Meeting Ends Early\n\nOfficials said the minister left at noon.",
])
def test_a_headline_with_no_two_sides_joined_names_no_meeting(nlp: Language, text: str) -> None:
    assert not [e for kind in ("talks", "meeting") for e in _events(nlp, text, kind) if len(_keys(e)) >= 2]


# --- "A and B were among the leaders who attended"; "those who attended included A" ------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Maltese President Luca Borg and Greek President Petros Dimas were among the leaders who attended the summit.",
     {"luca-borg", "petros-dimas"}),
    ("The leaders who attended the summit included Maltese President Luca Borg.", {"luca-borg"}),
])
def test_who_is_among_those_who_attended(nlp: Language, text: str, expected: set[str]) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == expected


@pytest.mark.model
def test_a_critic_of_those_who_attended_did_not(nlp: Language) -> None:
    text = "Maltese President Luca Borg was among the critics of the leaders who attended the summit."
    assert all("luca-borg" not in _keys(m) for m in _events(nlp, text, "meeting"))


@pytest.mark.model
def test_who_brokers_after_talks_is_their_third_party_not_a_side(nlp: Language) -> None:
    """"C brokered the deal between A and B after talks": one talks, with C as mediator."""
    (talks,) = _events(nlp, "Malta brokered the ceasefire between Cyprus and Greece after talks in Valletta.",
                       "talks")
    assert {(p.entity.key, p.role) for p in talks.participants} == {
        ("MLT", "mediator"), ("CYP", "participant"), ("GRC", "participant")}


# --- "officials of the UN-led mission": a body an organisation leads -----------------------------------


@pytest.mark.model
def test_a_body_an_organisation_leads_stands_for_it(nlp: Language) -> None:
    (meeting,) = _events(nlp, "The envoys met officials of the UN-led mission in Valletta.", "meeting")
    assert _keys(meeting) == {"united-nations"}


@pytest.mark.model
def test_a_group_a_country_leads_is_more_than_that_country(nlp: Language) -> None:
    """"The Maltese-led group" of states is not Malta alone."""
    events = _events(nlp, "The envoys met officials of the Maltese-led group in Valletta.", "meeting")
    assert all("MLT" not in _keys(e) for e in events)


@pytest.mark.model
def test_the_heads_of_two_delegations_stand_for_both(nlp: Language) -> None:
    text = "Maltese President Luca Borg met the leaders of the Cypriot and Greek delegations."
    (meeting,) = _events(nlp, text, "meeting")
    assert {"CYP", "GRC", "luca-borg"} <= _keys(meeting)


# --- "The Council heard briefings from X and Y": who briefs a sitting takes part ----------------------


@pytest.mark.model
def test_who_briefs_the_council_takes_part_in_its_sitting(nlp: Language) -> None:
    text = ("The Security Council heard briefings from Special Envoy Pierre Lambert and Under-Secretary-General "
            "Maria Costa.")
    meetings = _events(nlp, text, "meeting")
    assert any({"un-security-council", "pierre-lambert", "maria-costa"} <= _keys(m) for m in meetings)


@pytest.mark.model
def test_a_letter_the_council_received_is_no_sitting(nlp: Language) -> None:
    assert _events(nlp, "The Security Council received a letter from Malta.", "meeting") == []


@pytest.mark.model
def test_a_name_after_a_title_is_a_person_not_a_place(nlp: Language) -> None:
    """"briefings from Special Envoy Pierre Lambert": after "from", but a person, by the title."""
    records = extract_article(Article("name", "The Council heard briefings from Special Envoy Pierre Lambert.",
                                      PUBLISHED), nlp)
    assert "pierre-lambert" in {p.key for p in records.persons}


@pytest.mark.model
def test_an_event_noun_in_a_bodys_name_is_no_event(nlp: Language) -> None:
    """"the Centre for Humanitarian Dialogue" is a body, not talks."""
    text = "Officials from the Centre for Humanitarian Dialogue met Maltese President Luca Borg."
    assert _events(nlp, text, "talks") == []


@pytest.mark.model
def test_a_side_is_not_where_misparsed_talks_are_held(nlp: Language) -> None:
    """"Malta on Tuesday hosted talks between Cyprus and Greece": the parse puts the talks in an
    "on" phrase; Cyprus, a side, is not where they are."""
    (talks,) = _events(nlp, "Malta on Tuesday hosted talks between Cyprus and Greece.", "talks")
    assert talks.location is None or talks.location.key != "CYP"


# --- "the talks A held with B", "talks held by A with B", "the call between A and B" --------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("The talks Maltese President Luca Borg held with Greek President Petros Dimas were constructive.", "talks"),
    ("Talks held by Maltese President Luca Borg with Greek President Petros Dimas focused on migration.", "talks"),
    ("The call between Maltese President Luca Borg and Greek President Petros Dimas lasted an hour.", "phone_call"),
])
def test_who_held_the_event_a_clause_tells(nlp: Language, text: str, kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == {"luca-borg", "petros-dimas"}


@pytest.mark.model
def test_talks_held_in_a_place_name_no_place_as_a_side(nlp: Language) -> None:
    (talks,) = _events(nlp, "Talks held in Valletta between Cyprus and Greece focused on migration.", "talks")
    assert _keys(talks) == {"CYP", "GRC"}


# --- "the two", "both men", "the pair": the two people named just before --------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou have quarrelled over fishing rights. "
     "The two met in Valletta on Monday.", {"luca-borg", "eleni-kyprianou"}),
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou have quarrelled over fishing rights. "
     "Both men met in Valletta on Monday.", {"luca-borg", "eleni-kyprianou"}),
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou have quarrelled over fishing rights. "
     "The pair met in Valletta on Monday.", {"luca-borg", "eleni-kyprianou"}),
    # the two beside another named in the clause
    ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou have quarrelled over fishing rights. "
     "Both met Greek Prime Minister Nikos Stavrou in Athens on Monday.",
     {"luca-borg", "eleni-kyprianou", "nikos-stavrou"}),
])
def test_two_told_again_take_part(nlp: Language, text: str, expected: set[str]) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == expected


@pytest.mark.model
def test_two_of_a_group_are_not_the_two_named_before(nlp: Language) -> None:
    text = ("Maltese President Luca Borg and Cypriot President Eleni Kyprianou have quarrelled over fishing rights. "
            "Two of their aides met in Valletta on Monday.")
    assert all(not _keys(m) & {"luca-borg", "eleni-kyprianou"} for m in _events(nlp, text, "meeting"))


# --- "B was accompanied by C": who comes with one who takes part takes part too -------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Nicosia. Borg was accompanied by "
     "Foreign Minister Carmen Abela.", "meeting", {"luca-borg", "eleni-kyprianou", "carmen-abela"}),
    ("Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Nicosia. Foreign Minister Carmen "
     "Abela, who accompanied Borg, called the talks frank.", "meeting",
     {"luca-borg", "eleni-kyprianou", "carmen-abela"}),
    ("Maltese President Luca Borg landed in Nicosia on Monday, accompanied by Foreign Minister Carmen Abela.",
     "visit", {"luca-borg", "carmen-abela"}),
])
def test_who_accompanies_one_who_takes_part_takes_part(nlp: Language, text: str, kind: str,
                                                      expected: set[str]) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the one accompanied is no side of the meeting told before
    "Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Nicosia. Greek Prime Minister Nikos "
    "Stavrou, accompanied by Carmen Abela, criticised the meeting.",
    # not accompanied
    "Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Nicosia. Borg was not accompanied by "
    "Foreign Minister Carmen Abela.",
])
def test_who_accompanies_no_side_takes_no_part(nlp: Language, text: str) -> None:
    assert all("carmen-abela" not in _keys(m) for m in _events(nlp, text, "meeting"))


# --- a country and a person acting for it in one meeting: the person, for the country ---------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Talks between Malta and Cyprus opened in Valletta on Monday. Maltese President Luca Borg and Cypriot "
     "President Eleni Kyprianou held the talks behind closed doors.", "talks", {"luca-borg", "eleni-kyprianou"}),
    # a country with no person of its own there stays
    ("Maltese President Luca Borg held talks with Cyprus in Valletta on Monday.", "talks", {"luca-borg", "CYP"}),
])
def test_a_country_its_own_person_acts_for_is_not_told_twice(nlp: Language, text: str, kind: str,
                                                            expected: set[str]) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == expected


# --- "C joined (attended) the talks between A and B": C takes part beside the two ----------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("Greek Prime Minister Nikos Stavrou joined the talks between Maltese President Luca Borg and Cypriot "
     "President Eleni Kyprianou on Tuesday.", "talks"),
    ("Greek Prime Minister Nikos Stavrou attended the meeting between Maltese President Luca Borg and Cypriot "
     "President Eleni Kyprianou on Tuesday.", "meeting"),
])
def test_who_joins_talks_between_two_takes_part(nlp: Language, text: str, kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == {"nikos-stavrou", "luca-borg", "eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Greek Prime Minister Nikos Stavrou welcomed the talks between Maltese President Luca Borg and Cypriot "
    "President Eleni Kyprianou on Tuesday.",
    "Greek Prime Minister Nikos Stavrou did not attend the talks between Maltese President Luca Borg and Cypriot "
    "President Eleni Kyprianou on Tuesday.",
])
def test_who_welcomes_or_stays_away_from_talks_between_two_takes_no_part(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"luca-borg", "eleni-kyprianou"}


# --- "A attended the summit along with (together with) B": B takes part too ------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("Maltese President Luca Borg attended the summit, along with Cypriot President Eleni Kyprianou.", "meeting",
     {"luca-borg", "eleni-kyprianou"}),
    # attending the event told before
    ("Leaders gathered in Rome on Saturday for a summit. Maltese President Luca Borg attended, along with Cypriot "
     "President Eleni Kyprianou.", "meeting", {"luca-borg", "eleni-kyprianou"}),
    ("Talks between Malta and Cyprus opened in Rome on Monday. Greek Prime Minister Nikos Stavrou also took part, "
     "together with Italian President Marco Vella.", "talks", {"MLT", "CYP", "nikos-stavrou", "marco-vella"}),
])
def test_who_attends_along_with_another_brings_them_along(nlp: Language, text: str, kind: str,
                                                          expected: set[str]) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == expected


@pytest.mark.model
def test_a_country_along_with_no_person_is_not_brought_along(nlp: Language) -> None:
    """Near miss: "along with other members of the bloc" names no one beside the person."""
    text = "Maltese President Luca Borg attended the summit in Rome, along with leaders of other countries."
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {"luca-borg"}


# --- "A met (received, told) visiting B": B is the visitor, A the host ---------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg received visiting Cypriot Foreign Minister Eleni Kyprianou in Valletta.",
    "Maltese President Luca Borg met visiting Cypriot Foreign Minister Eleni Kyprianou on Monday.",
    "Maltese President Luca Borg told visiting Cypriot Foreign Minister Eleni Kyprianou that Malta would back "
    "the plan.",
])
def test_the_one_called_visiting_is_the_visitor(nlp: Language, text: str) -> None:
    (visit,) = _events(nlp, text, "visit")
    roles = {(p.entity.key, p.role) for p in visit.participants}
    assert roles == {("eleni-kyprianou", "visitor"), ("luca-borg", "host")}


@pytest.mark.model
def test_who_met_someone_while_visiting_a_place_is_the_visitor(nlp: Language) -> None:
    """Near miss: "visiting Nicosia" tells the subject's own visit."""
    text = "Maltese President Luca Borg, visiting Nicosia, met Cypriot President Eleni Kyprianou."
    (visit,) = _events(nlp, text, "visit")
    assert {(p.entity.key, p.role) for p in visit.participants} == {("luca-borg", "visitor")}


# --- "A was joined for part of the talks by B": a share of the event is still the event -------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "kind"), [
    ("Maltese President Luca Borg was joined for the last part of the meeting by Cypriot President Eleni "
     "Kyprianou.", "meeting"),
    ("Maltese President Luca Borg joined Cypriot President Eleni Kyprianou for the rest of the talks.", "talks"),
])
def test_who_joins_for_part_of_talks_takes_part(nlp: Language, text: str, kind: str) -> None:
    (event,) = _events(nlp, text, kind)
    assert _keys(event) == {"luca-borg", "eleni-kyprianou"}


# --- "After a meeting hosted by C, A and B agreed": the parse runs the sides into C's conjuncts ------


@pytest.mark.model
def test_sides_run_into_a_fronted_hosts_phrase_are_no_hosts(nlp: Language) -> None:
    text = "After a meeting hosted by Ghana, Mali and Niger agreed to reopen the border."
    (meeting,) = _events(nlp, text, "meeting")
    assert {(p.entity.key, p.role) for p in meeting.participants} == {
        ("GHA", "host"), ("MLI", "participant"), ("NER", "participant")}


# --- "A held a new round of talks with B": the round is what is held, the talks' with-phrase whom -----


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese envoy Luca Borg held a new round of talks with Cypriot President Eleni Kyprianou on Saturday.",
    "Maltese envoy Luca Borg began a second round of negotiations with Cypriot President Eleni Kyprianou.",
])
def test_who_holds_a_round_of_talks_with_another_meets_them(nlp: Language, text: str) -> None:
    (talks,) = _events(nlp, text, "talks")
    assert _keys(talks) == {"luca-borg", "eleni-kyprianou"}


# --- "The presidents of A and B met": the holders of the office the document names --------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg and Cypriot President Eleni Kyprianou arrived in Rome on Saturday. The "
    "presidents of Malta and Cyprus met on Sunday.",
    "Maltese President Luca Borg and Cypriot President Eleni Kyprianou arrived in Rome on Saturday. The Maltese "
    "and Cypriot presidents met on Sunday.",
    "Cypriot President Eleni Kyprianou arrived in Rome on Saturday. Maltese President Luca Borg met Cyprus's "
    "president on Sunday.",
    # the other holder named as the counterpart of the first
    "The foreign ministers of Malta and Cyprus met in Rome on Sunday. Maltese Foreign Minister Luca Borg said the "
    "talks went well, while his Cypriot counterpart, Eleni Kyprianou, was more cautious.",
])
def test_an_office_of_a_country_is_the_holder_named_in_the_document(nlp: Language, text: str) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {"luca-borg", "eleni-kyprianou"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the office's holder is not named; another office of the country is
    "Maltese Foreign Minister Luca Borg arrived in Rome on Saturday. The presidents of Malta and Cyprus met on "
    "Sunday.",
    # two holders of the office named: neither is sure
    "Maltese President Luca Borg and former Maltese president Marco Vella arrived in Rome. The presidents of "
    "Malta and Cyprus met on Sunday.",
])
def test_an_office_of_a_country_with_no_one_holder_named_stays_the_country(nlp: Language, text: str) -> None:
    (meeting,) = [e for e in _events(nlp, text, "meeting") if "CYP" in _keys(e)]
    assert _keys(meeting) == {"MLT", "CYP"}


# --- "B was not present at the meeting", "No officials of B attended": B stays away ----------------------


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Rome on Monday. Greek officials were "
    "not present at the meeting.",
    "Maltese President Luca Borg met Cypriot President Eleni Kyprianou in Rome on Monday. No Greek officials "
    "attended.",
])
def test_who_is_said_to_be_away_takes_no_part(nlp: Language, text: str) -> None:
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {"luca-borg", "eleni-kyprianou"}


# --- "the summit in C, which was attended by A": the clause the parse hangs on the place ---------


@pytest.mark.model
def test_who_attended_a_summit_told_after_its_place_takes_part(nlp: Language) -> None:
    text = ("Kenyan President Daniel Kiprono and Tanzanian President Amina Salim co-chaired the summit in "
            "Arusha, which was attended by Ugandan President Samuel Okello.")
    (meeting,) = _events(nlp, text, "meeting")
    assert _keys(meeting) == {"daniel-kiprono", "amina-salim", "samuel-okello"}


@pytest.mark.model
def test_a_place_told_after_a_meeting_is_attended_by_no_one(nlp: Language) -> None:
    text = ("Kenyan President Daniel Kiprono met Tanzanian President Amina Salim in Arusha, which was visited by "
            "Ugandan President Samuel Okello last year.")
    (meeting,) = _events(nlp, text, "meeting")
    assert "samuel-okello" not in _keys(meeting)


# --- "Y led the B side": a side led, as a delegation is ------------------------------------------


@pytest.mark.model
def test_who_led_a_side_takes_part_in_the_talks_told_before(nlp: Language) -> None:
    text = ("Armenian and Azerbaijani officials met in Geneva on Monday. Deputy Foreign Minister Vahan Melkonyan led "
            "the Armenian delegation, and Deputy Foreign Minister Elnur Huseynli led the Azerbaijani side.")
    (meeting,) = _events(nlp, text, "meeting")
    assert {"vahan-melkonyan", "elnur-huseynli"} <= _keys(meeting)


# --- "The two presidents spoke ...", named only in the next sentence -------------------------------


@pytest.mark.model
def test_the_two_presidents_named_only_after_take_part(nlp: Language) -> None:
    text = ("The two presidents spoke by telephone on Saturday, the Kremlin said. Russian President Ivan Volkov "
            "told Ukrainian President Taras Bondar that Moscow wanted a truce.")
    (call,) = _events(nlp, text, "phone_call")
    assert _keys(call) == {"ivan-volkov", "taras-bondar"}


@pytest.mark.model
def test_the_two_presidents_named_before_are_not_those_named_after(nlp: Language) -> None:
    text = ("Russian President Ivan Volkov and Ukrainian President Taras Bondar traded accusations. The two "
            "presidents spoke by telephone on Saturday. Belarusian President Pavel Lukin told Polish President "
            "Jan Nowak that he welcomed the call.")
    (call,) = [e for e in _events(nlp, text, "phone_call") if "ivan-volkov" in _keys(e)]
    assert _keys(call) == {"ivan-volkov", "taras-bondar"}
