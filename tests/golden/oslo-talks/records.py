"""Invented report: a Norwegian envoy hosts talks between Colombia's government and a rebel group.

Real countries, invented officials, organisation and outlet.  Exercises every record kind:
aliases, actsFor through a country and through an organisation, a shared (Wikidata) and a
document-local organisation, roles of a country / an organisation / a former role, talks,
a stated mediation concerning them, a reported statement, a phone call and a planned visit.
"""

import re
from datetime import date

from kg.records import (
    Article,
    Country,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Organization,
    Participant,
    Person,
    Place,
    RoleHolding,
)

TEXT = (
    "Norway's special envoy Ana Castillo hosted talks in Oslo on Tuesday between the "
    "Colombian government and the Southern Andean Front. "
    '"Both sides have agreed to meet again in April," Castillo told reporters, '
    "Radio Meridiano reported. "
    "Colombia's Foreign Minister Tomás Ibarra later spoke by phone with UN "
    "Secretary-General Miriam Okafor. "
    "Ibarra, a former ambassador to Spain, will visit Oslo next month."
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


S1 = span("Norway's special envoy Ana Castillo hosted talks in Oslo")
S2 = span("Castillo told reporters")
S3 = span("spoke by phone with")
S4 = span("will visit Oslo")

RECORDS = DocumentRecords(
    article=Article(
        id="meridiano-2024-0312",
        text=TEXT,
        published=date(2024, 3, 13),
        url="https://example.org/news/oslo-talks",
        title="Talks resume in Oslo",
    ),
    persons=(
        Person(
            key="ana castillo",
            label="Ana Castillo",
            name="Ana Castillo",
            aliases=("Ana Castillo", "Castillo"),
            country="NOR",
            mentions=(span("Ana Castillo"), span("Castillo", 2)),
        ),
        Person(
            key="tomas ibarra",
            label="Tomás Ibarra",
            name="Tomás Ibarra",
            aliases=("Ibarra",),
            country="COL",
            organization="colombian government",
            mentions=(span("Tomás Ibarra"), span("Ibarra", 2)),
        ),
        Person(
            key="miriam okafor",
            label="Miriam Okafor",
            name="Miriam Okafor",
            organization="united nations",
            mentions=(span("Miriam Okafor"),),
        ),
    ),
    countries=(
        Country("NOR", "NO", "Norway", "Q20", (span("Norway"),)),
        Country("COL", "CO", "Colombia", "Q739", (span("Colombian"), span("Colombia", 2))),
        Country("ESP", "ES", "Spain", "Q29", (span("Spain"),)),
    ),
    organizations=(
        Organization(
            key="colombian government",
            name="Government of Colombia",
            kind="government",
            country="COL",
            aliases=("the Colombian government",),
            mentions=(span("the Colombian government"),),
        ),
        Organization(
            key="southern andean front",
            name="Southern Andean Front",
            kind="armed_group",
            country="COL",
            mentions=(span("the Southern Andean Front"),),
        ),
        Organization(
            key="united nations",
            name="United Nations",
            kind="international",
            aliases=("UN",),
            wikidata="Q1065",
            mentions=(span("UN"),),
        ),
        Organization(
            key="radio meridiano",
            name="Radio Meridiano",
            kind="media",
            mentions=(span("Radio Meridiano"),),
        ),
    ),
    places=(Place("oslo", "Oslo", "NOR", (span("Oslo"), span("Oslo", 2))),),
    roles=(
        RoleHolding("ana castillo", "Special Envoy", span("Norway's special envoy"),
                    of_country="NOR", confidence=0.9),
        RoleHolding("tomas ibarra", "Foreign Minister", span("Colombia's Foreign Minister"),
                    of_country="COL", confidence=0.95),
        RoleHolding("miriam okafor", "Secretary-General", span("UN Secretary-General"),
                    of_organization="united nations", confidence=0.876),
        RoleHolding("tomas ibarra", "Ambassador", span("a former ambassador to Spain"),
                    of_country="ESP", qualifier="former", confidence=0.7),
    ),
    events=(
        Event(
            key="talks oslo",
            kind="talks",
            participants=(
                Participant(EntityRef("organization", "colombian government")),
                Participant(EntityRef("organization", "southern andean front")),
            ),
            evidence=(S1,),
            confidence=0.9,
            status="held",
            location=EntityRef("place", "oslo"),
            date=date(2024, 3, 12),
            date_text="on Tuesday",
            cameo="046",
        ),
        Event(
            key="mediation oslo",
            kind="mediation",
            participants=(
                Participant(EntityRef("person", "ana castillo"), "mediator"),
                Participant(EntityRef("organization", "colombian government"), "party"),
                Participant(EntityRef("organization", "southern andean front"), "party"),
            ),
            evidence=(S2, S1),
            confidence=0.85,
            status="held",
            location=EntityRef("place", "oslo"),
            date=date(2024, 3, 12),
            mediation_kind="host",
            stated=True,
            concerns=("talks oslo",),
        ),
        Event(
            key="statement castillo",
            kind="statement",
            participants=(Participant(EntityRef("person", "ana castillo"), "speaker"),),
            evidence=(S2,),
            confidence=0.8,
            content="Both sides have agreed to meet again in April",
            reported_by=EntityRef("organization", "radio meridiano"),
        ),
        Event(
            key="call ibarra okafor",
            kind="phone_call",
            participants=(
                Participant(EntityRef("person", "tomas ibarra")),
                Participant(EntityRef("person", "miriam okafor")),
            ),
            evidence=(S3,),
            confidence=0.9,
            status="held",
            cameo="040",
        ),
        Event(
            key="visit ibarra oslo",
            kind="visit",
            participants=(
                Participant(EntityRef("person", "tomas ibarra"), "visitor"),
                Participant(EntityRef("country", "NOR"), "host"),
            ),
            evidence=(S4,),
            confidence=0.75,
            status="planned",
            location=EntityRef("place", "oslo"),
            date_text="next month",
        ),
    ),
    model="en_core_web_sm 3.8.0",
)
