"""Short invented documents for the merge tests, built as kg records (no spaCy).

Loaded by the merge test modules with :func:`load` (tests share no package).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kg.rdf.mapping import records_to_graph
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
from kg.reference import gazetteer
from kg.settings import Settings


@dataclass
class Doc:
    """One document: its text, and records whose evidence spans are found in the text."""

    id: str
    text: str
    published: date | None = None
    persons: list[Person] = field(default_factory=list)
    countries: dict[str, Country] = field(default_factory=dict)
    orgs: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    roles: list[RoleHolding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def ev(self, phrase: str) -> Evidence:
        begin = self.text.index(phrase)
        start = self.text.rfind(". ", 0, begin)
        start = 0 if start < 0 else start + 2
        stop = self.text.find(".", begin + len(phrase))
        stop = len(self.text) if stop < 0 else stop + 1
        return Evidence(begin, begin + len(phrase), phrase, self.text[start:stop], start)

    def country(self, code: str, phrase: str | None = None) -> EntityRef:
        entry = gazetteer.country_by_code(code)
        assert entry is not None
        if code not in self.countries:
            mentions = (self.ev(phrase),) if phrase else ()
            self.countries[code] = Country(code, entry.alpha2, entry.name, entry.wikidata, mentions)
        return EntityRef("country", code)

    def person(self, key: str, phrase: str, *, label: str | None = None, country: str | None = None,
               aliases: tuple[str, ...] = (), org: str | None = None, title: str | None = None) -> EntityRef:
        if country:
            self.country(country)
        self.persons.append(Person(key, label or phrase, label or phrase, aliases, country, org, (self.ev(phrase),)))
        if title:
            self.roles.append(RoleHolding(key, title, self.ev(phrase), of_country=country))
        return EntityRef("person", key)

    def org(self, key: str, name: str, phrase: str, *, kind: str = "other", country: str | None = None,
            aliases: tuple[str, ...] = (), wikidata: str | None = None) -> EntityRef:
        if country:
            self.country(country)
        self.orgs.append(Organization(key, name, kind, country, aliases, wikidata, (self.ev(phrase),)))  # type: ignore[arg-type]
        return EntityRef("organization", key)

    def place(self, key: str, name: str, phrase: str, country: str | None = None) -> EntityRef:
        if country:
            self.country(country)
        self.places.append(Place(key, name, country, (self.ev(phrase),)))
        return EntityRef("place", key)

    def event(self, key: str, kind: str, phrase: str, *participants: EntityRef | tuple[EntityRef, str],
              when: date | None = None, status: str | None = "held", location: EntityRef | None = None,
              confidence: float = 0.8, **extra) -> None:
        parts = tuple(Participant(p[0], p[1]) if isinstance(p, tuple) else Participant(p) for p in participants)
        self.events.append(Event(key, kind, parts, (self.ev(phrase),), confidence, status=status,  # type: ignore[arg-type]
                                 location=location, date=when, **extra))

    def records(self) -> DocumentRecords:
        return DocumentRecords(
            Article(self.id, self.text, self.published), tuple(self.persons), tuple(self.countries.values()),
            tuple(self.orgs), tuple(self.places), tuple(self.roles), tuple(self.events), model="test 1.0",
        )

    def graph(self, settings: Settings | None = None):
        return records_to_graph(self.records(), settings or Settings())
