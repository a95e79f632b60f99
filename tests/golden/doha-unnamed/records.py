"""Invented wire item: an inferred mediation whose parties the text leaves unnamed.

Exercises an unnamed office-holder, a country referred to only by code (no Country
record), an article with no title, date or URL, no model name, an acting role, a
mediation with two evidence spans in different sentences and talks with no named side.
"""

import re
from datetime import date

from kg.records import (
    Article,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Participant,
    Person,
    Place,
    RoleHolding,
)

TEXT = (
    "The Prime Minister of Qatar met separately with both sides on Sunday, officials said. "
    "The two delegations later resumed indirect talks in Doha."
)


def span(phrase: str, occurrence: int = 1) -> Evidence:
    """The evidence for the n-th occurrence of ``phrase``, with its sentence."""
    begin = -1
    for _ in range(occurrence):
        begin = TEXT.index(phrase, begin + 1)
    end = begin + len(phrase)
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", TEXT)]
    sentence_begin = max(s for s in starts if s <= begin)
    sentence_end = min([s for s in starts if s > begin] + [len(TEXT)])
    sentence = TEXT[sentence_begin:sentence_end].rstrip()
    return Evidence(begin, end, phrase, sentence, sentence_begin)


PM = span("The Prime Minister of Qatar")

RECORDS = DocumentRecords(
    article=Article(id="wire 0007/b", text=TEXT),
    persons=(
        Person(
            key="office prime minister of qatar",
            label="Prime Minister of Qatar",
            name=None,
            country="QAT",
            mentions=(PM,),
        ),
    ),
    places=(Place("doha", "Doha", "QAT", (span("Doha"),)),),
    roles=(
        RoleHolding("office prime minister of qatar", "Prime Minister", PM,
                    of_country="qat", qualifier="acting", confidence=0.666),
    ),
    events=(
        Event(
            key="meeting pm sides",
            kind="meeting",
            participants=(Participant(EntityRef("person", "office prime minister of qatar")),),
            evidence=(span("met separately with both sides on Sunday"),),
            confidence=0.7,
            status="held",
            date=date(2025, 1, 12),
            date_text="on Sunday",
        ),
        Event(
            key="talks doha",
            kind="talks",
            participants=(),
            evidence=(span("resumed indirect talks in Doha"),),
            confidence=0.7,
            status="ongoing",
            location=EntityRef("place", "Doha".lower()),
        ),
        Event(
            key="mediation doha",
            kind="mediation",
            participants=(
                Participant(EntityRef("person", "office prime minister of qatar"), "mediator"),
            ),
            evidence=(span("resumed indirect talks in Doha"), PM),
            confidence=0.6,
            status="ongoing",
            mediation_kind="intermediary",
            stated=False,
            reason="met each side separately before indirect talks resumed",
            parties_unnamed="both sides",
            concerns=("talks doha",),
        ),
    ),
)
