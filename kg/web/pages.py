"""What each page shows, as plain values: rows from the shipped questions and kg's page queries.

Nothing here knows about HTTP or HTML: the routes (kg.web.app) and ``kg viz`` render these.
Shipped questions run through kg.store.queries, so a page and ``kg query`` give the same rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import NotRequired, TypedDict

import pyoxigraph as ox

from kg.errors import KgError
from kg.store.queries import QueryInfo, QueryResult, load_query, run_query

PAGE_QUERY_PACKAGE = "kg.web"
DEFAULT_NODE_CAP = 150
"""The network shows at most this many actors (the busiest), and says when it left some out."""
DEFAULT_TABLE_CAP = 1000
"""Tables beside the pictures show at most this many rows (all of them download as CSV)."""

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG_NS = "https://w3id.org/kg-news/ontology/kg#"
FACT_TYPES = {KG_NS + name: name for name in (
    "Meeting", "Talks", "PhoneCall", "Visit", "Statement", "Mediation", "RoleHolding")}
"""Things extracted from a text that are facts (events and role holdings); the rest are entities."""
ENTITY_TYPES = {KG_NS + name: name.lower() for name in ("Person", "Country", "Organization", "Place")}


def page_query(name: str) -> QueryInfo:
    """One of the web pages' own queries (kg/web/queries/NAME.rq)."""
    entry = resources.files(PAGE_QUERY_PACKAGE) / "queries" / f"{name}.rq"
    return load_query(Path(str(entry)))


def short_name(iri: str | None) -> str:
    """A readable last segment of an IRI (what a person sees when a node has no label)."""
    if not iri:
        return ""
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


# -- the mediation network --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediationFilters:
    """The filters of the network and its table (None: no filter)."""

    min_confidence: Decimal | None = None
    date_from: date | None = None
    date_to: date | None = None
    statuses: frozenset[str] | None = None

    @classmethod
    def parse(cls, min_confidence: str | None, date_from: str | None, date_to: str | None,
              statuses: list[str] | None) -> MediationFilters:
        """Filters from form values; raises KgError naming a bad one."""
        def day(value: str | None, name: str) -> date | None:
            if not value:
                return None
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise KgError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None

        confidence = None
        if min_confidence:
            try:
                confidence = Decimal(min_confidence.strip())
            except InvalidOperation:
                raise KgError(f"minimum confidence: {min_confidence!r} is not a number") from None
            if not confidence.is_finite() or not 0 <= confidence <= 1:
                raise KgError(f"minimum confidence: {min_confidence!r} is not between 0 and 1")
        wanted = frozenset(s for s in statuses or [] if s) or None
        return cls(confidence, day(date_from, "from"), day(date_to, "to"), wanted)

    def keeps(self, row: dict[str, str | None]) -> bool:
        """Whether a mediation row (with its ``date``) passes; rows lacking a value pass that filter
        only when it is off (a row with no confidence passes, as in the query's own filter)."""
        confidence = row.get("confidence")
        if self.min_confidence is not None and confidence is not None:
            if Decimal(confidence) < self.min_confidence:
                return False
        if self.statuses is not None and (row.get("status") or "") not in self.statuses:
            return False
        if self.date_from is not None or self.date_to is not None:
            when = row.get("date")
            if not when:
                return False
            day = date.fromisoformat(when[:10])
            if (self.date_from and day < self.date_from) or (self.date_to and day > self.date_to):
                return False
        return True


@dataclass(slots=True)
class MediationRows:
    """The rows of the shipped ``mediations`` question, each with the date of its mediation."""

    columns: list[str]
    rows: list[dict[str, str | None]]
    statuses: list[str]


def mediation_rows(store: ox.Store) -> MediationRows:
    """``kg query mediations``'s rows, each given a ``date``: the mediation's own date in that
    document, else the document's publication date (``dateKind`` says which)."""
    result = run_query(load_query("mediations"), store)
    dates: dict[tuple[str | None, str | None], tuple[str | None, str]] = {}
    for row in run_query(page_query("mediation-dates"), store).rows:
        key = (row["mediation"], row["documentId"])
        if row["date"]:
            dates[key] = (row["date"], "event")
        elif key not in dates:
            dates[key] = (row["issued"], "reported")
    rows = []
    for row in result.rows:
        when, kind = dates.get((row["mediation"], row["documentId"]), (None, ""))
        rows.append({**row, "date": when, "dateKind": kind if when else ""})
    statuses = sorted({status for row in rows if (status := row.get("status"))})
    return MediationRows(result.columns + ["date"], rows, statuses)


class _Edge(TypedDict):
    """A network edge as it is gathered (``documents`` is taken out, as a count, when it is drawn)."""

    id: str
    source: str
    target: str
    mediation: str | None
    documents: NotRequired[set[str | None]]
    stated: bool
    kind: str
    status: str


@dataclass(slots=True)
class Network:
    """Nodes and edges ready for Cytoscape (``data`` dicts), and what the cap left out."""

    nodes: list[dict[str, object]]
    edges: list[dict[str, object]]
    actors: int
    shown_rows: list[dict[str, str | None]] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return self.actors > len(self.nodes)


def mediation_network(rows: list[dict[str, str | None]], *, node_cap: int = DEFAULT_NODE_CAP) -> Network:
    """Mediators -> parties: one edge per mediation, mediator and party, as wide as the number of
    documents supporting it, stated when any of them states it.  At most ``node_cap`` actors
    (those in most mediations); when some are left out, so are their rows from ``shown_rows``."""
    edges: dict[tuple[str, str, str], _Edge] = {}
    labels: dict[str, str] = {}
    roles: dict[str, set[str]] = defaultdict(set)
    mediations: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        mediator, party = row.get("mediator"), row.get("party")
        if not mediator:
            continue
        # A mediator whose parties are not named is drawn alone: it mediated all the same.
        labels.setdefault(mediator, row.get("mediatorLabel") or short_name(mediator))
        roles[mediator].add("mediator")
        mediations[mediator].add(row["mediation"] or "")
        if not party:
            continue
        labels.setdefault(party, row.get("partyLabel") or short_name(party))
        roles[party].add("party")
        mediations[party].add(row["mediation"] or "")
        key = (row["mediation"] or "", mediator, party)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = {"id": f"e{len(edges)}", "source": mediator, "target": party,
                                 "mediation": row["mediation"], "documents": set(), "stated": False,
                                 "kind": row.get("kind") or "", "status": row.get("status") or ""}
        edge["documents"].add(row.get("documentId"))
        edge["stated"] = edge["stated"] or row.get("stated") == "true"
    ranked = sorted(mediations, key=lambda node: (-len(mediations[node]), labels[node], node))
    kept = set(ranked[:node_cap])
    nodes: list[dict[str, object]] = [
        {"id": node, "label": labels[node], "role": "mediator" if "mediator" in roles[node] else "party",
         "both": len(roles[node]) > 1, "mediations": len(mediations[node])}
        for node in sorted(kept, key=lambda n: (labels[n], n))]
    shown: list[dict[str, object]] = []
    for edge in edges.values():
        if edge["source"] in kept and edge["target"] in kept:
            documents = edge.pop("documents")
            shown.append({**edge, "documents": len(documents), "documentIds": sorted(d for d in documents if d)})
    shown_rows = rows if len(kept) == len(mediations) else [
        r for r in rows if r.get("mediator") in kept and (not r.get("party") or r.get("party") in kept)]
    return Network(nodes, shown, len(mediations), shown_rows)


# -- timelines ---------------------------------------------------------------------------------

TIMELINE_QUESTIONS = {"person": ("meetings-of", "person"), "country": ("events-by-country", "country")}


class TimelinePoint(TypedDict):
    """An event on the date axis: ``x`` in 0..1, ``row`` its place among the same day's events."""

    event: str
    date: str
    type: str
    label: str
    x: NotRequired[float]
    row: NotRequired[int]


@dataclass(slots=True)
class Timeline:
    """A question's rows and the same rows placed on a date axis (``x`` in 0..1)."""

    question: str
    result: QueryResult
    points: list[TimelinePoint]
    first: str | None
    last: str | None
    undated: int


def timeline(store: ox.Store, *, person: str | None = None, country: str | None = None,
             a: str | None = None, b: str | None = None) -> Timeline:
    """The events of a person (meetings-of), a country (events-by-country) or a pair
    (timeline-between), by the shipped question that answers it."""
    if a or b:
        if not (a and b):
            raise KgError("a pair needs both actors")
        name, bindings = "timeline-between", {"a": a, "b": b}
    elif person:
        name, bindings = "meetings-of", {"person": person}
    elif country:
        name, bindings = "events-by-country", {"country": country}
    else:
        raise KgError("name a person, a country or a pair of actors")
    result = run_query(load_query(name), store, bindings)
    return place_on_axis(name, result)


def place_on_axis(name: str, result: QueryResult) -> Timeline:
    """One point per event (several rows of an event share its point)."""
    seen: dict[str, TimelinePoint] = {}
    undated = set()
    for row in result.rows:
        event = row.get("event") or ""
        when = row.get("date")
        if not when:
            undated.add(event)
            continue
        point = seen.setdefault(event, {"event": event, "date": when[:10],
                                        "type": row.get("eventType") or "",
                                        "label": row.get("eventLabel") or row.get("sentence") or short_name(event)})
    days = sorted(date.fromisoformat(p["date"]) for p in seen.values())
    first, last = (days[0], days[-1]) if days else (None, None)
    span = (last - first).days if first and last else 0
    points = sorted(seen.values(), key=lambda p: (p["date"], p["event"]))
    stack: Counter[str] = Counter()
    for point in points:
        offset = (date.fromisoformat(point["date"]) - first).days if first else 0
        point["x"] = offset / span if span else 0.5
        point["row"] = stack[point["date"]]  # events on one day stack up
        stack[point["date"]] += 1
    return Timeline(name, result, points, first.isoformat() if first else None,
                    last.isoformat() if last else None, len(undated - set(seen)))


def labels_of(store: ox.Store, iris: set[str]) -> dict[str, str]:
    """The first label of each node (one look-up each: a global node's label is repeated in
    every document's graph, and joining those copies into a page's rows multiplies them)."""
    info = page_query("label")
    found = {}
    for iri in sorted(iris):
        rows = run_query(info, store, {"node": iri}).rows
        if rows and rows[0].get("label"):
            found[iri] = rows[0]["label"] or ""
    return found


# -- an entity ---------------------------------------------------------------------------------


class EntityEvent(TypedDict):
    """An event the entity took part in, as one document reports it, with the others named in it."""

    event: str | None
    eventType: str | None
    eventLabel: str | None
    date: str | None
    status: str | None
    documentId: str | None
    others: list[tuple[str, str]]  # (IRI, label)


class Coparticipant(TypedDict):
    """Another actor of the entity's events, and in how many of them."""

    iri: str
    label: str
    events: int


@dataclass(slots=True)
class Entity:
    """One node with its merged nodes, roles over time, events, co-participants and identity links."""

    iri: str
    label: str
    types: list[str]
    labels: list[str]
    aliases: list[str]
    members: list[str]
    roles: QueryResult
    events: list[EntityEvent]
    coparticipants: list[Coparticipant]
    links: QueryResult


def entity(store: ox.Store, iri: str) -> Entity:
    """Everything the entity page shows about ``iri``; KgError when the store does not hold it.

    The nodes merged with it are found first, then each question is asked of each of them
    (a look-up by IRI that the store's indexes answer), and the rows put together.
    """
    members = [iri] + [member for row in run_query(page_query("entity-members"), store, {"node": iri}).rows
                       if (member := row.get("member")) and member != iri]

    def rows(name: str) -> list[dict[str, str | None]]:
        found: list[dict[str, str | None]] = []
        for member in members:
            found += [{**row, "member": member} for row in run_query(page_query(name), store, {"member": member}).rows]
        return found

    about = rows("entity")
    if not any(row.get("type") or row.get("label") for row in about):
        raise KgError(f"the store holds nothing about {iri}")
    types = sorted({short_name(r["type"]) for r in about if r.get("type")})
    labels = sorted({label for r in about if (label := r.get("label"))})
    own = sorted({label for r in about if (label := r.get("label")) and r["member"] == iri})
    aliases = sorted({alias for r in about if (alias := r.get("alias"))} - set(labels))
    holdings = rows("entity-roles")
    events_rows = rows("entity-events")
    named = labels_of(store, {node for r in holdings for k in ("role", "of") if (node := r.get(k))}
                      | {other for r in events_rows if (other := r.get("other"))})
    role_rows = sorted(({"role": named.get(r["role"] or "", short_name(r["role"])),
                         "of": named.get(r["of"] or "", short_name(r["of"])) if r.get("of") else None,
                         **{k: r[k] for k in ("qualifier", "confidence", "date", "documentId", "holding")}}
                        for r in holdings),
                       key=lambda r: (r["date"] is None, r["date"] or "", r["documentId"] or "", r["role"] or ""))
    roles = QueryResult(["role", "of", "qualifier", "confidence", "date", "documentId", "holding"], role_rows)
    member_set = set(members)
    events: dict[tuple[str | None, str | None], EntityEvent] = {}
    partners: dict[str, tuple[str, set[str | None]]] = {}  # IRI: (label, events)
    for row in events_rows:
        key = (row["event"], row["documentId"])
        event = events.setdefault(key, {"event": row["event"], "eventType": row["eventType"],
                                        "eventLabel": row["eventLabel"], "date": row["date"],
                                        "status": row["status"], "documentId": row["documentId"], "others": []})
        other = row.get("other")
        if other and other not in member_set:
            label = named.get(other) or short_name(other)
            if (other, label) not in event["others"]:
                event["others"].append((other, label))
            partners.setdefault(other, (label, set()))[1].add(row["event"])
    coparticipants = sorted((Coparticipant(iri=other, label=label, events=len(found))
                             for other, (label, found) in partners.items()), key=lambda p: (-p["events"], p["label"]))
    ordered_events = sorted(events.values(), key=lambda e: (e["date"] is None, e["date"] or "", e["documentId"] or ""))
    link_info = page_query("entity-links")
    seen_links: dict[str | None, dict[str, str | None]] = {}
    for row in rows("entity-links"):
        seen_links.setdefault(row["link"], row)
    links = QueryResult(list(link_info.columns), list(seen_links.values()))
    return Entity(iri, own[0] if own else (labels[0] if labels else short_name(iri)), types, labels, aliases,
                  members[1:], roles, ordered_events, coparticipants, links)


# -- a document --------------------------------------------------------------------------------


@dataclass(slots=True)
class Fact:
    """A thing extracted from the text (an entity or a fact) and its triples in the document's graph."""

    iri: str
    label: str
    kind: str  # "fact" or "entity"
    type: str
    triples: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Passage:
    """A sentence of the text at its offset, cut into segments at the mentions' boundaries."""

    begin: int
    gap_before: bool
    segments: list[dict[str, object]]


class Mention(TypedDict):
    """A mention's span in the document and the things it names; ``id`` and ``kind`` are given
    once every mention is known, in the order of the text."""

    iri: str | None
    begin: int
    end: int
    quote: str
    sentence: str
    things: list[str]
    id: NotRequired[str]
    kind: NotRequired[str]


@dataclass(slots=True)
class Document:
    iri: str
    document_id: str
    title: str | None
    issued: str | None
    url: str | None
    passages: list[Passage]
    facts: list[Fact]
    mentions: list[Mention]


def document(store: ox.Store, document_id: str) -> Document:
    """The document page: its text, as far as kg recorded it, with every mention at its span.

    kg keeps each mention's span (begin, end: character offsets in the document), its quote
    and its sentence, not the whole text; the sentences are put back at their offsets (a
    sentence starts at its mention's begin less the quote's place in it), so the page shows
    every sentence kg took something from, in order, with gaps marked.
    """
    found = run_query(page_query("document"), store, {"documentId": document_id}).rows
    if not found:
        raise KgError(f"no document {document_id!r} in the store")
    head = found[0]
    iri = head["document"] or ""
    bindings = {"document": iri}
    facts: dict[str, Fact] = {}
    mentions: dict[str, Mention] = {}
    for row in run_query(page_query("document-mentions"), store, bindings).rows:
        mention = mentions.setdefault(row["mention"] or "", {
            "iri": row["mention"], "begin": int(row["begin"] or 0), "end": int(row["end"] or 0),
            "quote": row.get("quote") or "", "sentence": row.get("sentence") or "", "things": []})
        thing = row.get("thing")
        if not thing:
            continue
        fact = facts.get(thing)
        if fact is None:
            fact = facts[thing] = Fact(thing, row.get("thingLabel") or short_name(thing), "entity", "")
        kind = row.get("type") or ""
        if kind in FACT_TYPES:
            fact.kind, fact.type = "fact", FACT_TYPES[kind]
        elif kind in ENTITY_TYPES and not fact.type:
            fact.type = ENTITY_TYPES[kind]
        if thing not in mention["things"]:
            mention["things"].append(thing)
    for row in run_query(page_query("document-facts"), store, bindings).rows:
        fact = facts.get(row["thing"] or "")
        if fact is not None:
            fact.triples.append((row["predicate"] or "", row["object"] or ""))
    ordered = sorted(mentions.values(), key=lambda m: (m["begin"], -m["end"]))
    for number, mention in enumerate(ordered):
        mention["id"] = f"m{number}"
        things = [facts[t] for t in mention["things"]]
        mention["kind"] = "fact" if any(f.kind == "fact" for f in things) else "entity"
    return Document(iri, document_id, head.get("title"), head.get("issued"), head.get("url"),
                    passages(ordered), sorted(facts.values(), key=lambda f: (f.kind, f.label)), ordered)


def passages(mentions: list[Mention]) -> list[Passage]:
    """The sentences of the mentions at their offsets, each cut where a mention starts or ends."""
    # Where a sentence starts: its mention's begin less the quote's place in it.  A quote can
    # occur more than once in its sentence ("the Armenian delegation ... the Azerbaijani
    # delegation"), so each mention offers every such start, and the start most mentions of
    # that sentence agree on wins.
    offers: list[tuple[str, list[int]]] = []
    votes: Counter[tuple[str, int]] = Counter()
    for mention in mentions:
        sentence, quote = str(mention["sentence"]), str(mention["quote"])
        begin = mention["begin"]
        places = [i for i in range(len(sentence)) if quote and sentence.startswith(quote, i)]
        if not places:
            sentence, places = quote, [0]  # no sentence recorded: the quote alone
        starts = [begin - place for place in places]
        offers.append((sentence, starts))
        votes.update((sentence, start) for start in starts)
    sentences: dict[int, str] = {}
    for sentence, starts in offers:
        start = max(starts, key=lambda s: (votes[sentence, s], -s))
        if len(sentences.get(start, "")) < len(sentence):
            sentences[start] = sentence
    result: list[Passage] = []
    covered = 0
    for start in sorted(sentences):
        text = sentences[start]
        end = start + len(text)
        if end <= covered:
            continue  # inside a longer sentence already shown
        if start < covered:
            text, start = text[covered - start:], covered
        inside = [m for m in mentions if m["begin"] < end and m["end"] > start]
        cuts = sorted({start, end} | {min(max(m[k], start), end) for m in inside for k in ("begin", "end")})
        segments = []
        for left, right in zip(cuts, cuts[1:], strict=False):
            if right <= left:
                continue
            covering = [m for m in inside if m["begin"] <= left and m["end"] >= right]
            segments.append({"text": text[left - start:right - start], "begin": left, "end": right,
                             "mentions": [m["id"] for m in covering],
                             # coloured as the innermost mention: a name inside an event's span is an entity
                             "kind": min(covering, key=lambda m: m["end"] - m["begin"])["kind"]
                             if covering else ""})
        result.append(Passage(start, start > covered, segments))
        covered = end
    return result


# -- the shipped questions ---------------------------------------------------------------------


def documents(store: ox.Store) -> QueryResult:
    """The store's documents by id (at most 1001: the page says when there are more)."""
    return run_query(page_query("documents"), store)
