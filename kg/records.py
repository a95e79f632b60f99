"""Typed records passed between the language layer and the RDF layer.

The records hold strings, dates and character offsets only: never spaCy tokens and
never rdflib terms, so either layer can be tested with plain values.  Keys are
normalised and document-local (``person`` keys) or global (``country`` keys are ISO
3166 alpha-3 codes); ``kg.rdf.iris`` turns them into IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

EntityKind = Literal["person", "country", "organization", "place"]
EventKind = Literal["meeting", "talks", "phone_call", "visit", "statement", "mediation"]
ParticipantRole = Literal["participant", "mediator", "party", "host", "visitor", "speaker"]
Status = Literal[
    "planned", "held", "ongoing", "postponed", "cancelled", "rejected", "proposed", "denied"
]
MediationKind = Literal["mediator", "facilitator", "host", "broker", "convener", "intermediary"]
Qualifier = Literal["current", "former", "acting"]
FrameKind = Literal["talks", "truce", "deal", "war", "dispute", "relations"]
OrgKind = Literal[
    "delegation", "government", "ministry", "armed_group", "media", "international",
    "political", "other",
]

EVENT_KINDS: tuple[EventKind, ...] = (
    "meeting", "talks", "phone_call", "visit", "statement", "mediation",
)
STATUSES: tuple[Status, ...] = (
    "planned", "held", "ongoing", "postponed", "cancelled", "rejected", "proposed", "denied",
)
MEDIATION_KINDS: tuple[MediationKind, ...] = (
    "mediator", "facilitator", "host", "broker", "convener", "intermediary",
)


@dataclass(frozen=True, slots=True)
class Article:
    """One input document: the unit of extraction and of the named graph."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article's text: ``text == article.text[begin:end]``.

    ``sentence`` is the whole sentence around the span, starting at ``sentence_begin``.
    """

    begin: int
    end: int
    text: str
    sentence: str
    sentence_begin: int


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A pointer to an entity record of the same document (or a global country)."""

    kind: EntityKind
    key: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person, merged over all their mentions in one document.

    ``name`` is None for an unnamed office-holder ("the Prime Minister"); ``label`` is
    then a description such as "Prime Minister of the United Kingdom".
    """

    key: str
    label: str
    name: str | None
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-3 of the country they act for
    organization: str | None = None  # key of the organisation they act for
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    """A country, keyed by its ISO 3166 alpha-3 code."""

    code: str
    alpha2: str
    name: str
    wikidata: str | None = None  # a Q-identifier such as "Q212"
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Organization:
    """An organisation: delegation, government, armed group, outlet, international body."""

    key: str
    name: str
    kind: OrgKind = "other"
    country: str | None = None  # ISO alpha-3 of the country it belongs to
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A location that is not a country: a city, region, building or border area."""

    key: str
    name: str
    country: str | None = None
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleHolding:
    """Who holds which role, of which country, organisation or person ("aide to X")."""

    person: str  # Person.key
    title: str  # normalised title, e.g. "Foreign Minister"
    evidence: Evidence
    of_country: str | None = None
    of_organization: str | None = None
    of_person: str | None = None
    qualifier: Qualifier = "current"
    confidence: float = 0.9
    # The reference table's name of the title where the text words it otherwise ("Trade
    # Minister" for "Commerce Minister", "Deputy Foreign Minister" for "Vice Foreign Minister").
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class Participant:
    entity: EntityRef
    role: ParticipantRole = "participant"


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting, talks, phone call, visit, statement or mediation.

    Mediation fields (``mediation_kind``, ``stated``, ``reason``, ``parties_unnamed``)
    are set on mediations only; ``content`` and ``reported_by`` on statements only.
    """

    key: str
    kind: EventKind
    participants: tuple[Participant, ...]
    evidence: tuple[Evidence, ...]
    confidence: float
    status: Status | None = None
    location: EntityRef | None = None
    date: date | None = None
    date_text: str | None = None
    cameo: str | None = None
    mediation_kind: MediationKind | None = None
    stated: bool | None = None
    reason: str | None = None
    parties_unnamed: str | None = None
    content: str | None = None
    reported_by: EntityRef | None = None
    concerns: tuple[str, ...] = ()  # keys of events this one is about (a mediation's talks)
    frame: str | None = None  # key of the Frame a mediation's parties were taken from


@dataclass(frozen=True, slots=True)
class Frame:
    """A document-level dispute or negotiation frame: the sides of a talks, truce, deal, war
    or dispute the document tells of, however it names them ("talks between A and B", "the
    A-B war", "A and B signed a truce"), with its salience (headline, lede, repetition)."""

    key: str
    kind: FrameKind
    sides: tuple[EntityRef, ...]
    salience: float
    via: str  # the construction it was first found from (between, hyphenated, ...)
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentRecords:
    """Everything extracted from one article."""

    article: Article
    persons: tuple[Person, ...] = ()
    countries: tuple[Country, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    roles: tuple[RoleHolding, ...] = ()
    events: tuple[Event, ...] = ()
    model: str = ""  # e.g. "en_core_web_sm 3.8.0"
    started: datetime | None = field(default=None, compare=False)  # when kg began on it (UTC), for PROV
    ended: datetime | None = field(default=None, compare=False)  # when its records were complete
    warnings: tuple[str, ...] = field(default=())
    frames: tuple[Frame, ...] = ()  # most salient first
