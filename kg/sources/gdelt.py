"""GDELT 2.0 event exports -> kg's graphs: one named graph per source article (SOURCEURL).

A GDELT 2.0 event export (``YYYYMMDDHHMMSS.export.CSV``) is tab-separated, one event a line,
61 columns (:data:`COLUMNS`), no header.  Each row becomes kg terms:

- **actors** (Actor1*, Actor2*): a country when the actor is the country itself; an
  organisation kg's table knows by name (the UN, NATO...); the government, military, police
  (...) of a country when the actor is a country with CAMEO type codes (``UKRGOV``); an
  unnamed office-holder ("President of Ukraine", with a role holding) when the name is a title;
  a person when the name looks like one; any other group as an organisation.  Every actor
  node keeps its whole CAMEO code (``kg:cameoActorCode``) and type and known-group codes
  (``kg:cameoActorType``).  Actor country codes are CAMEO codes, mapped to ISO 3166 alpha-3
  through ``kg/reference/data/cameo_actor_countries.tsv`` (regions map to no country);
- **events**: the consult family 040-046 becomes kg's event kinds (040 and 046 talks, 041 a
  phone call, 042 and 043 a visit, 044 a meeting, 045 a mediation), any other code a generic
  ``kg:Event``; the CAMEO code is kept (``kg:cameoCode``), the date is SQLDATE, the place is
  ActionGeo (a country, or a place in a country: FIPS 10-4 codes, mapped to ISO through
  ``kg/reference/data/fips_countries.tsv``, so ``RS`` is Russia);
- **evidence** of its own kind: a ``kg:Mention`` per row with ``kg:source`` (the article's
  document), ``kg:sourceFile``, ``kg:sourceLine`` and ``kg:recordId`` (GlobalEventID); no text
  span.  The document has the article URL (``schema:url``) and DATEADDED as its date.

Rows GDELT splits apart become one event within an article: reciprocal rows (A meets B, B
meets A), a visit and its hosting (042 + 043), and 045 rows with one mediator, day and place
(one Mediation with all their parties).  The same event from several articles is joined by
``kg merge``.

Malformed rows are reported as ``FILE, line N: reason``: ``on_error="raise"`` stops at the
first, ``"skip"`` passes each to ``report`` and goes on; none is dropped silently.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Literal

from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import DCTERMS

import kg
from kg.errors import InputError
from kg.rdf import iris
from kg.rdf.mapping import ORG_CLASSES, SCHEMA, confidence_literal, new_graph, value_triples
from kg.rdf.provenance import provenance_triples
from kg.reference import gazetteer, read_table
from kg.settings import Settings
from kg.vocab import KG

COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event export, in order (SQLDATE is the column ``Day``)."""
_COL = {name: i for i, name in enumerate(COLUMNS)}
assert len(COLUMNS) == 61

CONSULT_KINDS: dict[str, str] = {
    "040": "talks", "041": "phone_call", "042": "visit", "043": "visit", "044": "meeting",
    "045": "mediation", "046": "talks",
}
"""The CAMEO consult family and kg's event kinds (the code itself stays on the event)."""
SYMMETRIC = frozenset({"040", "041", "044", "046"})
EVENT_CLASSES = {
    "meeting": KG.Meeting, "talks": KG.Talks, "phone_call": KG.PhoneCall, "visit": KG.Visit,
    "mediation": KG.Mediation, "event": KG.Event,
}
KIND_TEXT = {"phone_call": "phone call"}
CONFIDENCE = 0.5
"""kg's confidence in a machine-coded GDELT row: no text span to check it against."""
MODEL = "GDELT 2.0 event export"
DOCUMENT_PREFIX = "gdelt:"
"""Document ids are ``gdelt:`` + SOURCEURL: GDELT's coding of an article is not kg's."""
PARTIES_UNNAMED = "parties not coded in GDELT's rows"

# CAMEO actor types: the words for a country's body of that type, and kg's organisation kind.
ACTOR_TYPES: dict[str, tuple[str, str]] = {
    "GOV": ("government", "government"), "MIL": ("military", "other"), "COP": ("police", "other"),
    "JUD": ("judiciary", "other"), "LEG": ("legislature", "other"), "SPY": ("intelligence services", "other"),
    "OPP": ("opposition", "political"), "PTY": ("political party", "political"),
    "REB": ("rebels", "armed_group"), "INS": ("insurgents", "armed_group"), "SEP": ("separatists", "armed_group"),
    "UAF": ("armed group", "armed_group"), "MED": ("media", "media"),
    "IGO": ("international organisation", "international"),
    "NGO": ("non-governmental organisation", "other"), "BUS": ("business", "other"), "CVL": ("civilians", "other"),
    "ELI": ("elites", "other"), "EDU": ("education", "other"), "HLH": ("health", "other"), "LAB": ("labour", "other"),
    "REF": ("refugees", "other"), "CRM": ("criminals", "other"), "HRI": ("human rights groups", "other"),
    "REL": ("religious groups", "other"), "AGR": ("agriculture", "other"), "ENV": ("environmental groups", "other"),
    "DEV": ("development", "other"), "MOD": ("moderates", "other"), "RAD": ("radicals", "other"),
    "SET": ("settlers", "other"), "IMG": ("migrants", "other"),
}
# Words that make an actor name a group, not a person.
GROUP_WORDS = frozenset("""
POLICE ARMY MILITARY GOVERNMENT MINISTRY MINISTER PARTY COMPANY COURT UNION COUNCIL BANK FORCE FORCES
REBEL REBELS STUDENT STUDENTS PROTESTER PROTESTERS MILITANT MILITANTS CITIZEN CITIZENS COMMUNITY AUTHORITY
AUTHORITIES OFFICIAL OFFICIALS LEADER LEADERS PEOPLE GROUP AGENCY UNIVERSITY SCHOOL HOSPITAL MEDIA NEWS PRESS
ORGANIZATION ORGANISATION ASSOCIATION COMMISSION COMMITTEE FRONT MOVEMENT BRIGADE TROOP TROOPS SOLDIER SOLDIERS
CONGRESS PARLIAMENT SENATE CABINET EMBASSY DEPARTMENT OFFICE STATE STATES REPUBLIC KINGDOM NATIONS INSURGENT
INSURGENTS TERRORIST TERRORISTS GANG CARTEL CHURCH COALITION ALLIANCE NAVY GUARD PRESIDENCY DELEGATION
""".split())

OnError = Literal["raise", "skip"]
Reporter = Callable[[InputError], None]


# ------------------------------------------------------------------------------ tables


def _table(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = read_table(name)
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = tuple(next(reader))
    if header != columns:
        raise ValueError(f"{name}: expected columns {columns}, found {header}")
    return [dict(zip(columns, row, strict=True)) for row in reader if row and not row[0].startswith("#")]


@cache
def fips_countries() -> dict[str, str | None]:
    """FIPS 10-4 country code -> ISO 3166-1 alpha-3 (None where ISO has no country)."""
    return {r["fips"]: r["alpha3"] or None for r in _table("fips_countries.tsv", ("fips", "alpha3", "name"))}


@cache
def cameo_countries() -> dict[str, str | None]:
    """CAMEO actor country codes that are not ISO alpha-3 -> alpha-3 (None for regions)."""
    return {r["code"]: r["alpha3"] or None
            for r in _table("cameo_actor_countries.tsv", ("code", "alpha3", "kind", "name"))}


def cameo_country(code: str) -> str | None:
    """The ISO alpha-3 code of a CAMEO actor country code: the table's mapping, else the code
    itself when kg's country table has it.

    >>> cameo_country("ROM"), cameo_country("UKR"), cameo_country("AFR"), cameo_country("WSB")
    ('ROU', 'UKR', None, 'PSE')
    """
    code = code.strip().upper()
    if not code:
        return None
    table = cameo_countries()
    if code in table:
        return table[code]
    entry = gazetteer.country_by_code(code)
    return entry.alpha3 if entry is not None and len(code) == 3 else None


def fips_country(code: str) -> str | None:
    """The ISO alpha-3 code of a FIPS 10-4 country code.

    >>> fips_country("RS"), fips_country("RI"), fips_country("UP"), fips_country("OS")
    ('RUS', 'SRB', 'UKR', None)
    """
    return fips_countries().get(code.strip().upper())


# -------------------------------------------------------------------------------- rows


@dataclass(frozen=True, slots=True)
class Actor:
    code: str
    name: str
    country: str
    known_group: str
    types: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.code and not self.name


@dataclass(frozen=True, slots=True)
class Geo:
    type: int
    full_name: str
    country: str  # FIPS 10-4
    feature_id: str

    @property
    def empty(self) -> bool:
        return not self.full_name and not self.country


@dataclass(frozen=True, slots=True)
class Row:
    """One event row of an export: the columns kg maps, parsed and checked."""

    file: str
    line: int
    event_id: str
    day: date
    actor1: Actor
    actor2: Actor
    event_code: str
    geo: Geo
    added: date
    url: str


_DIGITS = re.compile(r"^[0-9]+$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")


def _actor(fields: list[str], n: int) -> Actor:
    def f(name: str) -> str:
        return fields[_COL[f"Actor{n}{name}"]].strip()

    types = tuple(t for t in (f("Type1Code"), f("Type2Code"), f("Type3Code")) if t)
    return Actor(f("Code"), f("Name"), f("CountryCode"), f("KnownGroupCode"), types)


def parse_row(fields: list[str], file: str, line: int) -> Row:
    """Check and parse one row's fields; raises InputError ``FILE, line N: reason``."""

    def bad(reason: str) -> InputError:
        return InputError(file, reason, line=line)

    if len(fields) != len(COLUMNS):
        raise bad(f"expected {len(COLUMNS)} tab-separated columns (a GDELT 2.0 event export), found {len(fields)}")
    event_id = fields[_COL["GlobalEventID"]].strip()
    if not _DIGITS.match(event_id):
        raise bad(f"GlobalEventID {event_id!r} is not a number")
    raw_day = fields[_COL["Day"]].strip()
    try:
        day = datetime.strptime(raw_day, "%Y%m%d").date()
    except ValueError:
        raise bad(f"SQLDATE {raw_day!r} is not a date (YYYYMMDD)") from None
    code = fields[_COL["EventCode"]].strip()
    if not _CAMEO.match(code):
        raise bad(f"EventCode {code!r} is not a CAMEO event code (two to four digits)")
    raw_added = fields[_COL["DATEADDED"]].strip()
    try:
        added = datetime.strptime(raw_added[:8], "%Y%m%d").date()
        if not _DIGITS.match(raw_added) or len(raw_added) not in (8, 14):
            raise ValueError(raw_added)
    except ValueError:
        raise bad(f"DATEADDED {raw_added!r} is not a timestamp (YYYYMMDDHHMMSS)") from None
    url = fields[_COL["SOURCEURL"]].strip()
    if not url:
        raise bad("no SOURCEURL: the row names no source article")
    geo_type = fields[_COL["ActionGeo_Type"]].strip()
    if geo_type and geo_type not in {"0", "1", "2", "3", "4", "5"}:
        raise bad(f"ActionGeo_Type {geo_type!r} is not a GDELT geography type (0-5)")
    actor1, actor2 = _actor(fields, 1), _actor(fields, 2)
    if actor1.empty and actor2.empty:
        raise bad("neither Actor1 nor Actor2 is coded")
    geo = Geo(int(geo_type or 0), fields[_COL["ActionGeo_FullName"]].strip(),
              fields[_COL["ActionGeo_CountryCode"]].strip().upper(), fields[_COL["ActionGeo_FeatureID"]].strip())
    return Row(file, line, event_id, day, actor1, actor2, code, geo, added, url)


def read_rows(path: str | os.PathLike[str], *, on_error: OnError = "raise",
              report: Reporter | None = None) -> list[Row]:
    """Every good row of an export, in file order; bad rows raise or go to ``report``."""
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    source = str(path)
    file_name = Path(source).name
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from None
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.rstrip(b"\r")
        if not raw.strip():
            continue
        try:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise InputError(source, f"not UTF-8 (byte {error.start + 1})", line=number) from None
            fields = text.split("\t")
            if number == 1 and fields[0].strip().lower() in ("globaleventid", "globaleventid,"):
                continue  # a header some tools add; GDELT's own files have none
            row = parse_row(fields, source, number)
            if row.event_id in seen:
                raise InputError(source, f"GlobalEventID {row.event_id} repeats line {seen[row.event_id]}",
                                 line=number)
            seen[row.event_id] = number
            rows.append(replace(row, file=file_name))
        except InputError as error:
            if on_error == "raise":
                raise
            (report or _ignore)(error)
    return rows


def _ignore(error: InputError) -> None:
    import logging

    logging.getLogger(__name__).warning("%s", error)


# ---------------------------------------------------------------------------- mapping


@dataclass(slots=True, eq=False)
class _Entity:
    node: URIRef
    kind: str
    label: str
    rows: list[Row] = field(default_factory=list)
    country: str | None = None
    actor_codes: set[str] = field(default_factory=set)
    actor_types: set[str] = field(default_factory=set)
    org_kind: str | None = None
    wikidata: str | None = None
    title: str | None = None
    key: str = ""


@dataclass(slots=True, eq=False)
class _Event:
    kind: str
    code: str
    day: date
    rows: list[Row]
    roles: dict[str, list[_Entity]]  # role -> entities, in first-seen order
    location: _Entity | None


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in name.split())


class _DocumentBuilder:
    """Builds one article's graph from its rows."""

    def __init__(self, url: str, rows: list[Row], settings: Settings) -> None:
        self.url = url
        self.rows = rows
        self.base = settings.base_iri
        self.lang = settings.language
        self.doc_id = DOCUMENT_PREFIX + url
        self.doc = iris.document_iri(self.doc_id, self.base)
        self.graph = new_graph(self.doc)
        self.entities: dict[str, _Entity] = {}
        self.countries: dict[str, _Entity] = {}

    # -- entities --------------------------------------------------------------------------

    def country(self, code: str, row: Row | None) -> _Entity:
        entity = self.countries.get(code)
        if entity is None:
            entry = gazetteer.country_by_code(code)
            entity = _Entity(iris.country_iri(code, self.base), "country", entry.name if entry else code)
            self.countries[code] = entity
        if row is not None and row not in entity.rows:
            entity.rows.append(row)
        return entity

    def _entity(self, key: str, make: Callable[[], _Entity], row: Row) -> _Entity:
        entity = self.entities.get(key)
        if entity is None:
            entity = make()
            entity.key = key
            self.entities[key] = entity
        if row not in entity.rows:
            entity.rows.append(row)
        return entity

    def actor(self, actor: Actor, row: Row) -> _Entity | None:
        if actor.empty:
            return None
        iso = cameo_country(actor.country)
        display = _title_case(actor.name) if actor.name else ""
        codes = {actor.code} if actor.code else set()
        types = set(actor.types) | ({actor.known_group} if actor.known_group else set())
        entity = self._resolve(actor, iso, display, row)
        entity.actor_codes |= codes
        entity.actor_types |= types
        return entity

    def _resolve(self, actor: Actor, iso: str | None, display: str, row: Row) -> _Entity:
        org = gazetteer.lookup_org(display) if display else None
        if org is not None:
            node = iris.org_iri(self.doc_id, org.key, org.wikidata is not None, self.base)
            return self._entity("org:" + org.key, lambda: _Entity(
                node, "organization", org.name, country=org.country, org_kind=org.kind,
                wikidata=org.wikidata), row)
        match = gazetteer.lookup_country(display) if display else None
        named_country = match.entry.alpha3 if match is not None else None
        if named_country is None and not display and actor.code and cameo_country(actor.code) == iso:
            named_country = iso
        body_types = [t for t in actor.types if t in ACTOR_TYPES]
        if named_country is not None and not body_types and not actor.known_group:
            return self.country(named_country, row)
        country = named_country or iso
        if named_country is not None and body_types:
            words, kind = ACTOR_TYPES[body_types[0]]
            name = f"{self.country(named_country, None).label} ({words})"
            key = f"{named_country}-{'-'.join(t.lower() for t in body_types)}"
            node = iris.org_iri(self.doc_id, key, False, self.base)
            return self._entity("org:" + key, lambda: _Entity(
                node, "organization", name, country=named_country, org_kind=kind), row)
        title = gazetteer.lookup_title(display) if display else None
        if title is not None:
            of = f" of {self.country(country, None).label}" if country else ""
            label = f"{title.canonical}{of}"
            key = iris.slug(f"{title.canonical} {country or ''}")
            node = iris.person_iri(self.doc_id, key, self.base)
            return self._entity("person:" + key, lambda: _Entity(
                node, "person", label, country=country, title=title.canonical), row)
        parts = display.split()
        if (len(parts) >= 2 and all(w.isalpha() for w in parts)
                and not {w.upper().strip(".") for w in parts} & GROUP_WORDS):
            key = iris.slug(display)
            node = iris.person_iri(self.doc_id, key, self.base)
            return self._entity("person:" + key, lambda: _Entity(node, "person", display, country=country), row)
        first_type = next((t for t in actor.types if t in ACTOR_TYPES), None)
        kind = ACTOR_TYPES[first_type][1] if first_type else ("international" if actor.known_group else "other")
        name = display or actor.code
        key = iris.slug(f"{name} {country or ''}")
        node = iris.org_iri(self.doc_id, key, False, self.base)
        return self._entity("org:" + key, lambda: _Entity(node, "organization", name, country=country,
                                                           org_kind=kind), row)

    def location(self, row: Row) -> _Entity | None:
        geo = row.geo
        if geo.empty:
            return None
        iso = fips_country(geo.country) if geo.country else None
        if geo.type == 1 and iso is not None:
            return self.country(iso, row)
        name = geo.full_name.split(",")[0].strip() if geo.full_name else ""
        if not name:
            return self.country(iso, row) if iso is not None else None
        # GDELT's "Kiev" is "Kyiv"; the node is the one documents give the place in that country.
        node = iris.place_iri(gazetteer.canonical_place_name(name), self.base, name=name, country=iso)
        return self._entity("place:" + str(node), lambda: _Entity(node, "place", name, country=iso), row)

    # -- events ------------------------------------------------------------------------------

    def events(self) -> list[_Event]:
        """The article's events, with the rows GDELT splits apart put together."""
        grouped: dict[tuple, _Event] = {}
        for row in sorted(self.rows, key=lambda r: (r.line, int(r.event_id))):
            a1, a2 = self.actor(row.actor1, row), self.actor(row.actor2, row)
            where = self.location(row)
            place = str(where.node) if where is not None else ""
            code = row.event_code
            kind = CONSULT_KINDS.get(code, "event")
            ids = (a1.key if a1 else "", a2.key if a2 else "")
            roles: list[tuple[str, _Entity | None]]
            if code in SYMMETRIC:
                key: tuple = (code, row.day, place, frozenset(ids))
                roles = [("participant", a1), ("participant", a2)]
            elif code in ("042", "043"):
                visitor, host = (a1, a2) if code == "042" else (a2, a1)
                key = ("visit", row.day, place, visitor.key if visitor else "", host.key if host else "")
                roles = [("visitor", visitor), ("host", host)]
            elif code == "045" and a1 is not None:
                key = ("045", row.day, place, a1.key)
                roles = [("mediator", a1), ("party", a2)]
            else:
                kind = "event"
                key = (code, row.day, place, ids)
                roles = [("participant", a1), ("participant", a2)]
            event = grouped.get(key)
            if event is None:
                event = grouped[key] = _Event(kind, code, row.day, [], {}, where)
            event.rows.append(row)
            if code == "042":
                event.code = "042"  # a visit and its hosting keep the visit's code
            for role, entity in roles:
                if entity is not None and entity not in event.roles.setdefault(role, []):
                    event.roles[role].append(entity)
        for event in grouped.values():
            if event.kind == "mediation":
                event.roles["party"] = [p for p in event.roles.get("party", []) if p not in event.roles["mediator"]]
        return sorted(grouped.values(), key=lambda e: min(int(r.event_id) for r in e.rows))

    # -- triples -----------------------------------------------------------------------------

    def add(self, s: URIRef, p: URIRef, o: URIRef | RdfLiteral) -> None:
        self.graph.add((s, p, o))

    def mention(self, row: Row) -> URIRef:
        node = iris.row_mention_iri(self.doc_id, row.event_id, self.base)
        self.add(node, RDF.type, KG.Mention)
        self.add(node, KG.source, self.doc)
        self.add(node, KG.sourceFile, RdfLiteral(row.file))
        self.add(node, KG.sourceLine, RdfLiteral(row.line, datatype=XSD.integer))
        self.add(node, KG.recordId, RdfLiteral(row.event_id))
        return node

    def build(self) -> Graph:
        events = self.events()
        self.add(self.doc, RDF.type, KG.Document)
        self.add(self.doc, DCTERMS.identifier, RdfLiteral(self.doc_id))
        self.add(self.doc, DCTERMS.issued, RdfLiteral(min(r.added for r in self.rows), datatype=XSD.date))
        url = iris.url_iri(self.url)
        if url is not None:
            self.add(self.doc, SCHEMA.url, url)
        for triple in provenance_triples(self.doc_id, base=self.base, software=kg.__version__, model=None,
                                         url=url, parameters={"baseIri": self.base, "input": MODEL}, lang=self.lang):
            self.add(*triple)
        for event in events:
            self.map_event(event)
        for entity in self.entities.values():
            self.map_entity(entity)
        for code in sorted(self.countries):
            self.map_country(code, self.countries[code])
        return self.graph

    def label(self, node: URIRef, text: str) -> None:
        """A name, with its key for look-ups by name (kg:nameKey, as kg.rdf.mapping writes it)."""
        self.add(node, RDFS.label, RdfLiteral(text, lang=self.lang))
        self.add(node, KG.nameKey, RdfLiteral(iris.name_key(text)))

    def evidence(self, node: URIRef, rows: list[Row]) -> None:
        for row in rows:
            self.add(node, KG.evidence, self.mention(row))

    def map_event(self, event: _Event) -> None:
        first = min(int(r.event_id) for r in event.rows)
        node = iris.event_iri(self.doc_id, f"gdelt-{first}", self.base)
        kind = event.kind
        if kind == "mediation" and not event.roles.get("mediator"):
            kind = "event"
        self.add(node, RDF.type, EVENT_CLASSES[kind])
        names = ", ".join(e.label for role in ("mediator", "visitor", "host", "participant", "party")
                          for e in event.roles.get(role, []))
        text = KIND_TEXT.get(kind, kind) if kind != "event" else f"event {event.code}"
        self.add(node, RDFS.label, RdfLiteral(f"{text}: {names}" if names else text, lang=self.lang))
        for role, entities in event.roles.items():
            for entity in entities:
                if role != "participant":
                    self.add(node, KG[role], entity.node)
                self.add(node, KG.participant, entity.node)
        if kind == "mediation" and len(event.roles.get("party", [])) < 2:
            self.add(node, KG.partiesUnnamed, RdfLiteral(PARTIES_UNNAMED))
        if kind == "mediation":
            for triple in value_triples(node, KG.mediationKind, "mediator"):
                self.add(*triple)
            self.add(node, KG.stated, RdfLiteral(True))
        self.add(node, KG.date, RdfLiteral(event.day, datatype=XSD.date))
        if event.location is not None:
            self.add(node, KG.location, event.location.node)
        self.add(node, KG.cameoCode, RdfLiteral(event.code))
        self.add(node, KG.confidence, confidence_literal(CONFIDENCE))
        self.evidence(node, event.rows)
        self.add(node, KG.source, self.doc)

    def map_entity(self, entity: _Entity) -> None:
        node = entity.node
        if entity.kind == "place":
            self.add(node, RDF.type, KG.Place)
            self.label(node, entity.label)
            if entity.country:
                self.add(node, KG.locatedIn, self.country(entity.country, None).node)
            self.evidence(node, entity.rows)
            return
        for code in sorted(entity.actor_codes):
            self.add(node, KG.cameoActorCode, RdfLiteral(code))
        for code in sorted(entity.actor_types):
            self.add(node, KG.cameoActorType, RdfLiteral(code))
        if entity.kind == "person":
            self.add(node, RDF.type, KG.Person)
            self.label(node, entity.label)
            if entity.country:
                self.add(node, KG.actsFor, self.country(entity.country, None).node)
            self.evidence(node, entity.rows)
            self.add(node, KG.source, self.doc)
            if entity.title:
                self.map_role(entity)
            return
        self.add(node, RDF.type, KG.Organization)
        subclass = ORG_CLASSES.get(entity.org_kind or "")
        if subclass is not None:
            self.add(node, RDF.type, subclass)
        self.label(node, entity.label)
        if entity.country:
            self.add(node, KG.ofCountry, self.country(entity.country, None).node)
        if entity.wikidata:
            self.add(node, KG.wikidata, iris.wikidata_iri(entity.wikidata))
        self.evidence(node, entity.rows)

    def map_role(self, entity: _Entity) -> None:
        assert entity.title is not None
        role = iris.role_iri(entity.title, self.base)
        self.add(role, RDF.type, KG.Role)
        self.label(role, entity.title)
        of = f"country:{entity.country}" if entity.country else None
        node = iris.role_holding_iri(self.doc_id, entity.key.split(":", 1)[1], entity.title, of, "current", self.base)
        self.add(node, RDF.type, KG.RoleHolding)
        self.add(node, KG.heldBy, entity.node)
        self.add(node, KG.role, role)
        if entity.country:
            country = self.country(entity.country, None).node
            self.add(node, KG.ofCountry, country)
            self.add(node, KG.holdingOf, country)  # its shortcut (kg.rdf.shortcuts)
        for triple in value_triples(node, KG.qualifier, "current"):
            self.add(*triple)
        self.add(node, KG.confidence, confidence_literal(CONFIDENCE))
        self.evidence(node, entity.rows)
        self.add(node, KG.source, self.doc)

    def map_country(self, code: str, entity: _Entity) -> None:
        node = entity.node
        entry = gazetteer.country_by_code(code)
        self.add(node, RDF.type, KG.Country)
        self.add(node, KG.iso3166Alpha3, RdfLiteral(code))
        self.add(node, KG.nameKey, RdfLiteral(iris.name_key(code)))
        if entry is not None:
            self.label(node, entry.name)
            self.add(node, KG.iso3166Alpha2, RdfLiteral(entry.alpha2))
            self.add(node, KG.nameKey, RdfLiteral(iris.name_key(entry.alpha2)))
            if entry.wikidata:
                self.add(node, KG.wikidata, iris.wikidata_iri(entry.wikidata))
        self.evidence(node, entity.rows)


def import_gdelt(
    path: str | os.PathLike[str],
    *,
    on_error: OnError = "raise",
    report: Reporter | None = None,
    settings: Settings | None = None,
) -> Iterator[Graph]:
    """One graph per source article of a GDELT 2.0 event export, in document-IRI order.

    The whole file is read first (an article's rows are not adjacent).  Bad rows raise
    :class:`InputError` (``on_error="raise"``) or go to ``report`` (``"skip"``).
    """
    settings = settings or Settings()
    rows = read_rows(path, on_error=on_error, report=report)
    by_url: dict[str, list[Row]] = {}
    for row in rows:
        by_url.setdefault(row.url, []).append(row)
    builders = sorted((_DocumentBuilder(url, group, settings) for url, group in by_url.items()),
                      key=lambda b: str(b.doc))
    for builder in builders:
        yield builder.build()
