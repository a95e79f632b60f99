"""kg.eval.score: scoring predicted query rows against invented gold passages."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.eval.score import (
    TABLE_HEADER,
    EvalReport,
    GoldDoc,
    PredictedRows,
    builtin_country_of,
    canonical_title,
    default_country_of,
    fold_name,
    group_rows,
    load_gold,
    normalize_name,
    parse_gold,
    score,
)

# --- invented gold passages ---------------------------------------------------------------

TALKS = {
    "id": "t1",
    "published": "2031-04-02",
    "text": "(invented) Norway hosted talks between the government and the Rebel Front.",
    "persons": [
        {"name": "Jonas Lindqvist", "aliases": ["Lindqvist", "he"],
         "roles": [{"title": "Minister for Foreign Affairs", "of": "Norway"}]},
        {"name": "Maria Kovač", "aliases": ["President Kovač"],
         "roles": [{"title": "President", "of": "Colombia", "inferred": True}]},
        {"name": "Pedro Ruiz", "roles": [{"title": "spokeswoman", "of": "Rebel Front"}]},
        {"name": None, "mention": "the Prime Minister",
         "roles": [{"title": "Prime Minister", "of": "United Kingdom", "inferred": True}]},
    ],
    "countries": ["Norway", "Colombia", "Qatar", "United Kingdom"],
    "organizations": [{"name": "Rebel Front", "aliases": ["the Front"]},
                      {"name": "Colombian Government"}],
    "meetings": [
        {"kind": "talks", "participants": ["Colombia", "Rebel Front"], "status": "held"},
        {"kind": "phone_call", "participants": ["Prime Minister of the United Kingdom",
                                                "Jonas Lindqvist"], "status": "held"},
    ],
    "mediations": [
        {"mediator": "Norway", "parties": ["Colombia", "Rebel Front"], "explicit": True,
         "role": "host"},
        {"mediator": "Jonas Lindqvist", "parties": ["Colombia"], "role": "facilitator"},
        {"mediator": "Qatar", "parties": ["Rebel Front"], "explicit": False},
    ],
}
QUIET = {
    "id": "q1",
    "text": "(invented) Two ministers met for lunch.",
    "persons": [{"name": "Ana Silva", "roles": [{"title": "Trade Minister", "of": "Brazil"}]}],
    "countries": ["Brazil"],
    "meetings": [{"kind": "meeting", "participants": ["Ana Silva", "Kenya"]}],
    "mediations": [],
}
IMPLIED_ONLY = {
    "id": "i1",
    "text": "(invented) Thanks to the tireless efforts of Oman, the exchange went ahead.",
    "countries": ["Oman", "Iran"],
    "mediations": [{"mediator": "Oman", "parties": ["Iran"], "explicit": False}],
}
COUSINS = {
    "id": "c1",
    "text": "(invented) Two cousins of one family, both ministers, spoke.",
    "persons": [
        {"name": "Ahmed bin Khalid Al Saadi", "roles": [{"title": "Emir", "of": "Qatar"}]},
        {"name": "Omar bin Khalid Al Saadi",
         "roles": [{"title": "Deputy Foreign Minister", "of": "Qatar"}]},
    ],
    "countries": ["Qatar"],
    "mediations": [],
}


def gold(*records: dict[str, Any]) -> list[GoldDoc]:
    return [parse_gold(r) for r in records]


def rows(
    mediations: list[tuple[str | None, str | None]] = (),  # type: ignore[assignment]
    roles: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
    participants: list[str] = (),  # type: ignore[assignment]
) -> PredictedRows:
    return PredictedRows(
        mediations=[{"mediatorLabel": m, "partyLabel": p, "stated": True} for m, p in mediations],
        roles=[{"personLabel": person, "roleLabel": title} for person, title in roles],
        meetings=[{"participantLabel": p, "eventType": "Meeting"} for p in participants],
    )


def counts(report: EvalReport, metric: str) -> tuple[int, int, int]:
    found = report.scores[metric]
    return found.tp, found.fp, found.fn


def evaluate(docs: list[GoldDoc], predictions: dict[str, PredictedRows]) -> EvalReport:
    return score(docs, predictions, country_of=builtin_country_of)


# --- mediators and pairs ------------------------------------------------------------------


def test_evaluate_mediators_implied_neither_count() -> None:
    predicted = rows(mediations=[
        ("Norwegian", None),  # demonym for the stated mediator Norway: hit
        ("Lindqvist", None),  # surname of the stated mediator Jonas Lindqvist: hit
        ("Qatar", None),  # matches only an implied mediator: ignored
        ("Egypt", None),  # not in the gold: false positive
    ])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "mediator") == (2, 1, 0)
    assert counts(report, "mediator_with_implied") == (3, 1, 0)
    detail = report.details["t1"].metrics["mediator"]
    assert detail.ignored == ["Qatar"]
    assert detail.spurious == ["Egypt"]
    assert detail.matched == ["Jonas Lindqvist (as Lindqvist)", "Norway (as Norwegian)"]


def test_evaluate_missed_implied_mediator_is_no_false_negative() -> None:
    report = evaluate(gold(TALKS), {"t1": rows(mediations=[("Norway", None)])})
    assert counts(report, "mediator") == (1, 0, 1)  # Lindqvist missed; Qatar not required
    assert counts(report, "mediator_with_implied") == (1, 0, 2)
    assert report.details["t1"].metrics["mediator"].missed == ["Jonas Lindqvist"]


def test_evaluate_pairs() -> None:
    predicted = rows(mediations=[
        ("Norway", "Colombian Government"),  # a government is its country: hit
        ("Norway", "the Front"),  # organisation alias: hit
        ("Norway", "Rebel Fronts"),  # same pair again, plural form: counted once
        ("Mr Lindqvist", "Government of Colombia"),  # hit
        ("Qatar", "Rebel Front"),  # implied pair: ignored
        ("Qatar", "Colombia"),  # Qatar is implied, but not this pair: false positive
        ("Norway", None),  # unnamed parties give no pair
    ])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "pair") == (3, 1, 0)
    assert counts(report, "pair_with_implied") == (4, 1, 0)
    detail = report.details["t1"].metrics["pair"]
    assert detail.ignored == ["Qatar -> Rebel Front"]
    assert detail.spurious == ["Qatar -> Colombia"]


def test_evaluate_pair_direction_matters() -> None:
    report = evaluate(gold(TALKS), {"t1": rows(mediations=[("Colombia", "Norway")])})
    assert counts(report, "pair") == (0, 1, 3)


def test_evaluate_office_holder_counts_for_their_country_as_mediator_and_party() -> None:
    doc = {
        "id": "h1",
        "text": "(invented) The emir of Qatar brokered a truce between Colombia and the Front.",
        "persons": [{"name": "Karim Haddad", "roles": [{"title": "Emir", "of": "Qatar"}]}],
        "countries": ["Qatar", "Colombia"],
        "organizations": [{"name": "Rebel Front"}],
        "mediations": [{"mediator": "Qatar", "parties": ["Colombia", "Rebel Front"]}],
    }
    predicted = PredictedRows(
        mediations=[
            {"mediatorLabel": "Karim Haddad", "partyLabel": "Ilse Varga"},
            {"mediatorLabel": "Karim Haddad", "partyLabel": "Rebel Front"},
        ],
        roles=[
            {"personLabel": "Karim Haddad", "roleLabel": "Emir", "ofLabel": "Qatar"},
            {"personLabel": "Ilse Varga", "roleLabel": "President", "ofLabel": "Colombia"},
        ],
    )
    report = evaluate(gold(doc), {"h1": predicted})
    assert counts(report, "mediator") == (1, 0, 0)
    assert counts(report, "pair") == (2, 0, 0)
    # without the roles rows the same labels are persons the gold does not name
    bare = PredictedRows(mediations=predicted.mediations)
    report = evaluate(gold(doc), {"h1": bare})
    assert counts(report, "mediator") == (0, 1, 1)
    assert counts(report, "pair") == (0, 2, 2)


def test_evaluate_unnamed_office_holder_counts_for_the_country_of_its_label() -> None:
    doc = {
        "id": "h3",
        "text": "(invented) The Sultan of Oman relayed messages between Colombia and the Front.",
        "countries": ["Oman", "Colombia"],
        "organizations": [{"name": "Rebel Front"}],
        "mediations": [{"mediator": "Oman", "parties": ["Colombia", "Rebel Front"]}],
    }
    # (the roles question leaves an unnamed office-holder out: its label says whose office it is)
    predicted = PredictedRows(mediations=[{"mediatorLabel": "Sultan of Oman", "partyLabel": "Colombia"},
                                          {"mediatorLabel": "Sultan of Oman", "partyLabel": "Rebel Front"}])
    report = evaluate(gold(doc), {"h3": predicted})
    assert counts(report, "mediator") == (1, 0, 0)
    assert counts(report, "pair") == (2, 0, 0)
    # an office of another country is no match
    other = PredictedRows(mediations=[{"mediatorLabel": "Sultan of Brunei", "partyLabel": "Colombia"}])
    assert counts(evaluate(gold(doc), {"h3": other}), "mediator") == (0, 1, 1)


def test_evaluate_office_holder_named_as_mediator_keeps_their_own_key() -> None:
    doc = {
        "id": "h2",
        "text": "(invented) The emir of Qatar, Karim Haddad, mediated between two rivals.",
        "persons": [{"name": "Karim Haddad", "roles": [{"title": "Emir", "of": "Qatar"}]}],
        "countries": ["Qatar"],
        "mediations": [{"mediator": "Karim Haddad"}],
    }
    predicted = PredictedRows(
        mediations=[{"mediatorLabel": "Karim Haddad"}],
        roles=[{"personLabel": "Karim Haddad", "roleLabel": "Emir", "ofLabel": "Qatar"}],
    )
    report = evaluate(gold(doc), {"h2": predicted})
    assert report.details["h2"].metrics["mediator"].matched == ["Karim Haddad"]


# --- persons and roles --------------------------------------------------------------------


def test_evaluate_persons_lenient_names_and_office_holders() -> None:
    predicted = rows(roles=[
        ("Maria Kovac", "President"),  # without the diacritic
        ("Lindqvist", None),  # surname only, no role
        ("Jonas Lindqvist", "Foreign Minister"),  # a second form of the same person: once
        ("Prime Minister of the United Kingdom", "Prime Minister"),  # unnamed: ignored
        ("The Prime Minister", "Prime Minister"),  # ignored too
        ("Henrik Dahl", "Ambassador"),  # not in the gold: false positive
    ])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "person") == (2, 1, 1)
    detail = report.details["t1"].metrics["person"]
    assert detail.missed == ["Pedro Ruiz"]
    assert detail.spurious == ["Henrik Dahl"]
    assert detail.ignored == ["Prime Minister of the United Kingdom", "The Prime Minister"]


def test_evaluate_roles_title_synonyms_and_inferred() -> None:
    predicted = rows(roles=[
        ("Jonas Lindqvist", "Foreign Minister"),  # = "Minister for Foreign Affairs": hit
        ("Pedro Ruiz", "Spokesperson"),  # = "spokeswoman": hit
        ("Maria Kovač", "President"),  # an inferred gold role: ignored
        ("Maria Kovač", "Vice President"),  # wrong title: false positive
        ("Prime Minister of the United Kingdom", "Prime Minister"),  # office-holder: ignored
    ])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "role") == (2, 1, 0)
    detail = report.details["t1"].metrics["role"]
    assert detail.ignored == ["Maria Kovač: President"]
    assert detail.spurious == ["Maria Kovač: Vice President"]


def test_evaluate_role_missed_inferred_is_not_required() -> None:
    report = evaluate(gold(TALKS), {"t1": rows(roles=[("Lindqvist", "foreign minister")])})
    assert counts(report, "role") == (1, 0, 1)  # Ruiz's spokeswoman role missed
    assert report.details["t1"].metrics["role"].missed == ["Pedro Ruiz: spokeswoman"]


def test_evaluate_ambiguous_surname_goes_to_an_unmatched_person() -> None:
    predicted = rows(roles=[("Ahmed bin Khalid Al Saadi", "Emir"), ("Al Saadi", None)])
    report = evaluate(gold(COUSINS), {"c1": predicted})
    assert counts(report, "person") == (2, 0, 0)


def test_evaluate_longer_and_shorter_name_forms() -> None:
    predicted = rows(roles=[("Sheikh Omar Al Saadi", None), ("Ahmed K. bin Khalid Al Saadi", None)])
    report = evaluate(gold(COUSINS), {"c1": predicted})
    assert counts(report, "person") == (2, 0, 0)


def test_evaluate_first_name_alone_does_not_match() -> None:
    report = evaluate(gold(COUSINS), {"c1": rows(roles=[("Omar", None)])})
    assert counts(report, "person") == (0, 1, 2)


# --- participants ---------------------------------------------------------------------------


def test_evaluate_participants_union_over_meetings() -> None:
    predicted = rows(participants=[
        "Colombian Government",  # Colombia
        "Rebel Front",
        "British Prime Minister",  # the unnamed office-holder of the phone call
        "Lindqvist",
        "Lindqvist",  # repeated over several meetings: once
        "Norway",  # the host took no part in a gold meeting: false positive
    ])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "participant") == (4, 1, 0)


def test_evaluate_participant_office_of_another_country_does_not_match() -> None:
    predicted = rows(participants=["Prime Minister of Norway", "Jonas Lindqvist"])
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "participant") == (1, 1, 3)


# --- false alarms, averaging, bookkeeping ------------------------------------------------------


def test_evaluate_false_alarms() -> None:
    predictions = {
        "q1": rows(mediations=[("Kenya", None)]),  # no gold mediation: a false alarm
        "c1": rows(roles=[("Al Saadi", None)]),  # no gold mediation, no mediator: fine
        "i1": rows(mediations=[("Oman", "Iran")]),  # an implied mediation is a mediation
    }
    report = evaluate(gold(QUIET, COUSINS, IMPLIED_ONLY), predictions)
    assert (report.false_alarms.passages, report.false_alarms.alarms) == (2, 1)
    assert report.false_alarms.documents == ["q1"]
    assert report.false_alarms.rate == 0.5
    assert report.details["q1"].false_alarm
    assert counts(report, "mediator") == (0, 1, 0)  # the alarm is also a false positive
    assert counts(report, "mediator_with_implied") == (1, 1, 0)


def test_evaluate_micro_average_over_documents() -> None:
    predictions = {
        "t1": rows(roles=[("Lindqvist", None), ("Kovač", None), ("Pedro Ruiz", None)]),
        "q1": rows(roles=[("A. Silva", None), ("Someone Else", None)]),
    }
    report = evaluate(gold(TALKS, QUIET), predictions)
    assert counts(report, "person") == (4, 1, 0)
    assert report.scores["person"].precision == pytest.approx(0.8)
    assert report.scores["person"].recall == 1.0
    assert report.scores["person"].f1 == pytest.approx(8 / 9)


def test_evaluate_missing_and_unscored_documents() -> None:
    report = evaluate(gold(TALKS, QUIET), {"q1": rows(), "zz": rows()})
    assert report.documents == 2
    assert report.missing_predictions == ["t1"]
    assert report.unscored == ["zz"]
    assert counts(report, "mediator") == (0, 0, 2)
    assert report.scores["mediator"].precision is None


def test_evaluate_labels_fall_back_to_iris() -> None:
    predicted = PredictedRows(
        roles=[{"person": "https://w3id.org/kg-news/id/person/ab12cd34/pedro-ruiz",
                "personLabel": "", "roleLabel": None}],
    )
    report = evaluate(gold(TALKS), {"t1": predicted})
    assert counts(report, "person") == (1, 0, 2)


def test_evaluate_report_table_and_json() -> None:
    report = evaluate(gold(TALKS, QUIET), {"t1": rows(mediations=[("Norway", None)])})
    table = report.to_table_rows()
    assert all(len(row) == len(TABLE_HEADER) for row in table)
    assert table[0][1:] == ("1.000", "0.500", "0.667", "1", "0", "1")
    assert table[0][0].startswith("mediator (")
    assert table[-1] == (
        "false alarms (0 of 1 passages without mediation)", "", "", "", "", "0", ""
    )
    assert str(report.details["t1"]).splitlines()[0] == "mediator: missed Jonas Lindqvist"
    assert str(report.details["q1"]) == (
        "person: missed Ana Silva\nrole: missed Ana Silva: Trade Minister\n"
        "participant: missed Ana Silva, Kenya"
    )
    data = json.loads(report.to_json())
    assert data["scores"]["mediator"] == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667,
    }
    assert data["details"]["t1"]["metrics"]["mediator"]["missed"] == ["Jonas Lindqvist"]
    assert data["false_alarms"] == {"passages": 1, "alarms": 0, "rate": 0.0, "documents": []}


def test_evaluate_group_rows_by_document() -> None:
    grouped = group_rows(
        mediations=[{"mediatorLabel": "Norway", "documentId": "t1"}],
        roles=[{"personLabel": "Ana Silva", "documentId": "q1"},
               {"personLabel": "Lindqvist", "documentId": "t1"},
               {"personLabel": "Nobody", "documentId": None}],
    )
    assert sorted(grouped) == ["q1", "t1"]
    assert [r["personLabel"] for r in grouped["t1"].roles] == ["Lindqvist"]
    assert grouped["q1"].mediations == []


# --- countries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    alpha3: str


@dataclass(frozen=True)
class _Match:
    entry: _Entry
    via: str


def test_evaluate_accepts_a_gazetteer_style_country_lookup() -> None:
    table = {"norway": "NOR", "norwegian": "NOR", "colombia": "COL", "qatar": "QAT",
             "united kingdom": "GBR", "british": "GBR"}

    def lookup(text: str) -> _Match | None:
        code = table.get(text.lower())
        return _Match(_Entry(code), "name") if code else None

    predicted = rows(mediations=[("Norwegian", None), ("Qatar", None)])
    report = score(gold(TALKS), {"t1": predicted}, country_of=lookup)
    assert counts(report, "mediator") == (1, 0, 1)
    assert report.details["t1"].metrics["mediator"].ignored == ["Qatar"]


def test_evaluate_default_country_lookup_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kg.reference.gazetteer", None)  # import raises ImportError
    assert default_country_of() is builtin_country_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway", "Norway"),
        ("the United Kingdom", "United Kingdom"),
        ("U.S.", "United States"),
        ("Americans", "United States"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Emiratis", "United Arab Emirates"),
        ("Palestinian", "Palestine"),
        ("Rebel Front", None),
    ],
)
def test_evaluate_builtin_country_of(text: str, expected: str | None) -> None:
    assert builtin_country_of(text) == expected


# --- names and titles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Kovač", "maria kovac"),
        ("President Maria Kovač", "maria kovac"),
        ("H.E. Sheikh Ahmed bin Khalid Al-Saadi", "ahmed bin khalid al saadi"),
        ("Foreign Minister Jonas Lindqvist", "jonas lindqvist"),
        ("Minister for Foreign Affairs Jonas Lindqvist", "jonas lindqvist"),
        ("UN Special Envoy Pedro Ruiz", "pedro ruiz"),
        ("Kovač's", "kovac"),
        ("Børge Ødegård", "borge odegard"),
        ("the Prime Minister", "prime minister"),
        ("Prime Minister of the United Kingdom", "prime minister of the united kingdom"),
        ("Sultan of Oman", "sultan of oman"),
        ("", ""),
    ],
)
def test_evaluate_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


def test_evaluate_normalize_name_drops_a_leading_demonym_before_a_title() -> None:
    assert normalize_name("Norwegian Foreign Minister Jonas Lindqvist",
                          country_of=builtin_country_of) == "jonas lindqvist"
    assert normalize_name("Norwegian Foreign Minister Jonas Lindqvist") == (
        "norwegian foreign minister jonas lindqvist"
    )


def test_evaluate_fold_name() -> None:
    assert fold_name("  Al-Saadi’s   U.N. ") == "al saadi un"


@pytest.mark.parametrize(
    ("title", "same_as"),
    [
        ("Minister for Foreign Affairs", "Foreign Minister"),
        ("Minister of Foreign Affairs", "foreign minister"),
        ("Foreign Affairs Minister", "Foreign Minister"),
        ("Deputy Minister of Foreign Affairs", "Deputy Foreign Minister"),
        ("spokesman", "Spokesperson"),
        ("Spokeswoman", "spokesperson"),
        ("former President", "President"),
        ("acting Prime Minister", "Prime Minister"),
        ("Amir", "Emir"),
        ("Minister of Defense", "Defence Minister"),
        ("Secretary-General", "Secretary General"),
        ("head of the panel", "Head of Panel"),
    ],
)
def test_evaluate_canonical_title_synonyms(title: str, same_as: str) -> None:
    assert canonical_title(title) == canonical_title(same_as)


@pytest.mark.parametrize(
    ("title", "other"),
    [("Foreign Minister", "Prime Minister"), ("President", "Vice President"),
     ("Foreign Secretary", "Secretary of State")],
)
def test_evaluate_canonical_title_keeps_different_titles_apart(title: str, other: str) -> None:
    assert canonical_title(title) != canonical_title(other)


def test_evaluate_canonical_title_drops_country_words() -> None:
    assert canonical_title("Norwegian Foreign Minister", country_of=builtin_country_of) == (
        "foreign minister"
    )
    assert canonical_title("President of Colombia", country_of=builtin_country_of) == "president"


# --- the gold file ------------------------------------------------------------------------------


def test_evaluate_load_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(TALKS) + "\n\n" + json.dumps(QUIET) + "\n", encoding="utf-8")
    docs = load_gold(str(path))
    assert [d.id for d in docs] == ["t1", "q1"]
    talks = docs[0]
    assert str(talks.published) == "2031-04-02"
    assert [m.explicit for m in talks.mediations] == [True, True, False]
    assert talks.persons[1].roles[0].inferred
    assert talks.persons[3].name is None
    assert talks.meetings[1].participants[0] == "Prime Minister of the United Kingdom"
    article = talks.to_article()
    assert (article.id, article.text, str(article.published)) == ("t1", TALKS["text"], "2031-04-02")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"id": "a"}', "{oops"], "line 2: malformed JSON"),
        (['{"text": "x"}'], 'line 1: bad gold record: a gold record needs a string "id"'),
        (['{"id": "a"}', '{"id": "a"}'], 'line 2: duplicate id "a"'),
        (['{"id": "a", "mediations": [{"parties": []}]}'], "line 1: bad gold record"),
        (['{"id": "a", "published": "someday"}'], "line 1: bad gold record"),
        (["[1, 2]"], "line 1: bad gold record: a gold record must be a JSON object"),
    ],
)
def test_evaluate_load_gold_errors(tmp_path: Path, lines: list[str], message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(str(path))
    assert str(caught.value).startswith(f"{path}, {message}")


def test_evaluate_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_gold(str(tmp_path / "none.jsonl"))
