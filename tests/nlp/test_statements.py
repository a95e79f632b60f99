"""Statements: the speaker and what was said, not whom it was said to, and no journalist
relaying others as a speaker of their own."""

from __future__ import annotations

import pytest

import kg
from kg.reference.statements import statement_words

pytestmark = pytest.mark.model


def statements(text: str) -> list[tuple[tuple[str, ...], str | None]]:
    records = kg.extract_records(text, "2025-03-12")
    return [(tuple(p.entity.key for p in e.participants), e.content) for e in records.events
            if e.kind == "statement"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian Foreign Minister Kofi Mensah told reporters that the talks would resume in Accra.",
     [(("kofi-mensah",), "that the talks would resume in Accra")]),
    ("Kofi Mensah told the delegates that a deal was close.",
     [(("kofi-mensah",), "that a deal was close")]),
    ("Kofi Mensah urged Togo and Benin to return to the negotiating table.",
     [(("kofi-mensah",), "to return to the negotiating table")]),
    ("President Ama Owusu accused Benin of arming the rebels.",
     [(("ama-owusu",), "arming the rebels")]),
    ("Kofi Mensah reiterated his concerns about the border.",
     [(("kofi-mensah",), "his concerns about the border")]),
])
def test_what_was_said_not_whom_it_was_said_to(text: str, expected: list) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize("text", [
    "Yaw Boateng reports from Accra, where the talks are taking place.",
    "Radio Accra's Yaw Boateng reports the talks will last four days.",
])
def test_a_journalist_reporting_is_no_speaker(text: str) -> None:
    assert statements(text) == []


def test_a_correspondent_relaying_a_leader_leaves_the_leader_as_speaker() -> None:
    found = statements("Radio Accra correspondent Yaw Boateng reported that Kofi Mensah said the talks had stalled.")
    assert found == [(("kofi-mensah",), "the talks had stalled")]


def test_a_deed_is_no_statement() -> None:
    assert statements("Ghana declared a state of emergency in the north last year.") == []
    found = statements("Kofi Mensah declared that the talks were over.")
    assert found == [(("kofi-mensah",), "that the talks were over")]


def test_an_outlet_relaying_a_leader_is_no_speaker() -> None:
    """An outlet kg's tables do not know ("Radio Accra") is not taken for a speaker (nor for the
    country its name contains): the leader it quotes is."""
    found = statements("Kofi Mensah said the talks would resume, Radio Accra reported.")
    assert found == [(("kofi-mensah",), "the talks would resume")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesman for President Ama Owusu of Ghana said the talks would resume.", ("ama-owusu",)),
    ("A spokeswoman for the Ghanaian foreign ministry told reporters that the talks would resume.", ("GHA",)),
    # near misses: a named spokesman speaks as himself; an unnamed one for no one named
    ("Foreign ministry spokesman Yaw Boateng of Ghana said the talks would resume.", ("yaw-boateng",)),
    ("The spokesman said the talks would resume.", None),
])
def test_an_unnamed_spokesperson_speaks_for_whom_the_text_says(text: str, speaker: tuple[str, ...] | None) -> None:
    """"A spokesman for President X said ...": the statement is X's, made through the spokesman."""
    assert [who for who, _ in statements(text)] == ([speaker] if speaker else [])


def test_the_word_lists_are_data() -> None:
    assert "spokeswoman" in statement_words("spokes_noun")
    assert {"tell", "urge", "accuse"} <= statement_words("addressee_verb")
    assert "correspondent" in statement_words("reporter_noun")
    with pytest.raises(ValueError, match="no words of kind"):
        statement_words("nothing")
