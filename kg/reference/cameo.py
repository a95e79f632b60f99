"""kg's event kinds as CAMEO codes, and the directed CAMEO dyads an event implies.

The table is ``kg/reference/data/cameo.tsv`` (columns ``kind, role, code, label``): the code each
participant role of each event kind stands for.  Event coders such as PETRARCH reduce an
event to directed (source, target, code) pairs; :func:`dyads` gives the pairs a kg event
implies, so kg's graph can be joined with, or scored against, CAMEO-coded data:

- meeting: 040 both ways between every two participants (044 at a third location);
- phone call: 041 both ways; talks: 046 both ways;
- visit: visitor -> host 042 and host -> visitor 043 (the host is the host participant's
  country, else the country of the place visited);
- mediation: mediator -> each party 045 (parties are not coded against each other);
- statement: none (a statement has a speaker and no target).

Standard library only: the language layer and the RDF layer may both use it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from kg.records import DocumentRecords, EntityRef, Event
from kg.reference import read_table

TABLE = "cameo.tsv"
COLUMNS = ("kind", "role", "code", "label")
THIRD_LOCATION = "third_location"
CONSULT_PREFIX = "04"
"""CAMEO's consult family (040-046): PLOVER's CONSULT."""

# The role a source's counterpart plays: a visitor visits the host, a mediator mediates
# between the parties; in meetings, calls and talks every participant meets every other.
COUNTERPART = {"participant": "participant", "visitor": "host", "host": "visitor", "mediator": "party"}
# A visit reported as a noun ("during a visit to Beirut") lists its visitors as participants.
VISITOR_ROLES = frozenset({"visitor", "participant"})

CountryOf = Callable[[EntityRef], str | None]
Dyad = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class CameoRow:
    """One row of the table; ``qualifier`` is the part of ``kind`` after '@' ("" if none)."""

    kind: str
    qualifier: str
    role: str
    code: str
    label: str


@cache
def cameo_table() -> tuple[CameoRow, ...]:
    """All rows of ``cameo.tsv``, in file order (read once)."""
    text = read_table(TABLE)
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(next(reader))
    if header != COLUMNS:
        raise ValueError(f"{TABLE}: expected columns {COLUMNS}, found {header}")
    rows = []
    for line_no, row in enumerate(reader, start=2):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != len(COLUMNS):
            raise ValueError(f"{TABLE}:{line_no}: expected {len(COLUMNS)} columns, got {len(row)}")
        kind, role, code, label = row
        base, _, qualifier = kind.partition("@")
        if not (len(code) == 3 and code.isdigit()):
            raise ValueError(f"{TABLE}:{line_no}: {code!r} is not a three-digit CAMEO code")
        rows.append(CameoRow(kind=base, qualifier=qualifier, role=role, code=code, label=label))
    return tuple(rows)


def _code_for(kind: str, role: str | None, *, third_location: bool) -> str | None:
    """The code of ``role`` in an event of ``kind`` (the event's own code when role is None)."""
    rows = [r for r in cameo_table() if r.kind == kind and (role is None or r.role == role)]
    if third_location:
        qualified = [r for r in rows if r.qualifier == THIRD_LOCATION]
        if qualified:
            return qualified[0].code
    plain = [r for r in rows if not r.qualifier]
    return plain[0].code if plain else None


def cameo_code(kind: str, *, third_location: bool = False) -> str:
    """The CAMEO code an event of ``kind`` carries (``kg:cameoCode``).

    ``third_location``: the event takes place in a country none of its participants
    stands for (a meeting there is 044; kinds without such a row keep their code).

    >>> cameo_code("visit"), cameo_code("meeting", third_location=True)
    ('042', '044')
    """
    code = _code_for(kind, None, third_location=third_location)
    if code is None:
        raise KeyError(f"no CAMEO code for event kind {kind!r} in {TABLE}")
    return code


def cameo_label(code: str) -> str:
    """CAMEO's name for ``code``: ``cameo_label("045") == "Mediate"``."""
    for row in cameo_table():
        if row.code == code:
            return row.label
    raise KeyError(f"CAMEO code {code!r} is not in {TABLE}")


def is_consult(code: str) -> bool:
    """Whether ``code`` is in CAMEO's consult family (04x)."""
    return code.startswith(CONSULT_PREFIX)


class _CodesByKind(Mapping[str, str]):
    """``{kind: code}`` read from the table on first use, not at import."""

    def _codes(self) -> dict[str, str]:
        kinds = dict.fromkeys(r.kind for r in cameo_table())
        return {kind: cameo_code(kind) for kind in kinds}

    def __getitem__(self, kind: str) -> str:
        return self._codes()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())

    def __len__(self) -> int:
        return len(self._codes())

    def __repr__(self) -> str:
        return f"CAMEO_BY_KIND({self._codes()!r})"


CAMEO_BY_KIND: Mapping[str, str] = _CodesByKind()
"""Each event kind's own code, as a read-only mapping (drop-in for a ``{kind: code}`` dict)."""


def third_location(event: Event, country_of: CountryOf) -> bool:
    """Whether ``event`` takes place in a country that none of its participants stands for."""
    if event.location is None:
        return False
    venue = country_of(event.location)
    if venue is None:
        return False
    countries = {country_of(p.entity) for p in event.participants}
    countries.discard(None)
    return bool(countries) and venue not in countries


def dyads(event: Event, country_of: CountryOf) -> list[Dyad]:
    """The directed (source, target, code) pairs ``event`` implies, sources and targets as countries.

    ``country_of`` gives the country (ISO 3166 alpha-3) an actor stands for, or None:
    actors without a country are left out.  Two actors of one country give a domestic
    pair (an opposition meeting its government); one actor never pairs with itself.
    Pairs come in participant order, each once.
    """
    if event.kind == "visit":
        return _visit_dyads(event, country_of)
    out: list[Dyad] = []
    at_third = third_location(event, country_of)
    for source in event.participants:
        target_role = COUNTERPART.get(source.role)
        code = _code_for(event.kind, source.role, third_location=at_third)
        if target_role is None or code is None:
            continue
        for target in event.participants:
            if target.role != target_role or target.entity == source.entity:
                continue
            _append(out, country_of(source.entity), country_of(target.entity), code)
    return out


def _visit_dyads(event: Event, country_of: CountryOf) -> list[Dyad]:
    visit, host = _code_for("visit", "visitor", third_location=False), _code_for("visit", "host", third_location=False)
    if visit is None or host is None:
        return []
    visitors = [p.entity for p in event.participants if p.role in VISITOR_ROLES]
    hosts = [country_of(p.entity) for p in event.participants if p.role == "host"]
    named_host = any(h is not None for h in hosts)
    if not named_host and event.location is not None:
        # "arrived in Amman": the country visited hosts; a trip at home is no visit between two.
        hosts = [country_of(event.location)]
    out: list[Dyad] = []
    for visitor in visitors:
        source = country_of(visitor)
        for target in hosts:
            if source is None or target is None or (not named_host and source == target):
                continue
            _append(out, source, target, visit)
            _append(out, target, source, host)
    return out


def _append(out: list[Dyad], source: str | None, target: str | None, code: str) -> None:
    if source is not None and target is not None and (source, target, code) not in out:
        out.append((source, target, code))


def country_lookup(records: DocumentRecords) -> CountryOf:
    """``country_of`` for one document's records: a country itself; a person's country, else
    their organisation's, else that of the first role they hold of a country or organisation
    ("Arab League Secretary General X"); an organisation's country; a place's country."""
    orgs = {o.key: o.country for o in records.organizations}
    person_country: dict[str, str | None] = {}
    for person in records.persons:
        person_country[person.key] = person.country or (orgs.get(person.organization)
                                                         if person.organization else None)
    for role in records.roles:
        if person_country.get(role.person) is None and role.person in person_country:
            person_country[role.person] = role.of_country or (orgs.get(role.of_organization)
                                                              if role.of_organization else None)
    places = {p.key: p.country for p in records.places}

    def country_of(ref: EntityRef) -> str | None:
        if ref.kind == "country":
            return ref.key
        if ref.kind == "person":
            return person_country.get(ref.key)
        if ref.kind == "organization":
            return orgs.get(ref.key)
        if ref.kind == "place":
            return places.get(ref.key)
        return None

    return country_of


def document_dyads(records: DocumentRecords) -> list[Dyad]:
    """The dyads of every event of one document, in event order, each once."""
    country_of = country_lookup(records)
    out: list[Dyad] = []
    for event in records.events:
        for dyad in dyads(event, country_of):
            if dyad not in out:
                out.append(dyad)
    return out
