"""Canonical events: the same meeting, call, talks, visit or mediation reported by several
documents becomes one event, with every document as a source and every evidence kept.

Events are blocked by kind and date.  Within a day, two reports are one event when their
participants (after entity canonicalisation) overlap and their places agree; a meeting of the
same people on another day is another meeting.  A report without a date is blocked under its
publication date and only becomes a *candidate* (skos:closeMatch) for dated events within a
few days.  What the reports disagree on (status, mediation kind) stays on each report's own
node, with its source; the canonical event carries only what they agree on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pyoxigraph as ox
from rdflib import URIRef

from kg.merge.cluster import Clusters
from kg.merge.entities import Context, Rep
from kg.merge.links import BlockWriter, Edge, decimal_literal
from kg.merge.read import LABEL, TYPE, EventInfo, P, Reader
from kg.rdf.iris import canonical_event_iri
from kg.rdf.mapping import concept_iri
from kg.vocab import KG

XSD = "http://www.w3.org/2001/XMLSchema#"
ROLE_NODES = {
    "mediator": ox.NamedNode(str(KG.mediator)), "party": ox.NamedNode(str(KG.party)),
    "host": ox.NamedNode(str(KG.host)), "visitor": ox.NamedNode(str(KG.visitor)),
    "speaker": ox.NamedNode(str(KG.speaker)),
}
KIND_TEXT = {"phone_call": "phone call"}


@dataclass(frozen=True, slots=True)
class EventState:
    """What a group of reports says about one event, with participants as canonical nodes."""

    reps: frozenset[str]
    mediators: frozenset[str]
    parties: frozenset[str]
    visitors: frozenset[str]
    hosts: frozenset[str]
    countries: frozenset[str]  # countries of the participants (and the participants that are countries)
    locations: frozenset[str]
    docs: frozenset[str]


class EventSide:
    """Builds EventStates, knowing where places lie and which country each participant is of."""

    def __init__(self, reader: Reader, rep_of: Callable[[str], Rep]) -> None:
        self.reader = reader
        self.rep_of = rep_of
        self._located: dict[str, frozenset[str]] = {}

    def state(self, info: EventInfo) -> EventState:
        by_role: dict[str, set[str]] = {"mediator": set(), "party": set(), "visitor": set(), "host": set()}
        reps: set[str] = set()
        countries: set[str] = set()
        for role, node in info.roles:
            rep = self.rep_of(node)[0]
            reps.add(rep)
            if role in by_role:
                by_role[role].add(rep)
            code = self.reader.country_code(node)
            if code is not None:
                countries.add(code)
            else:
                for target in self.reader.values(node, P["actsFor"]):
                    target_code = self.reader.country_code(target)
                    if target_code is not None:
                        countries.add(target_code)
        return EventState(
            frozenset(reps), frozenset(by_role["mediator"]), frozenset(by_role["party"]),
            frozenset(by_role["visitor"]), frozenset(by_role["host"]), frozenset(countries),
            frozenset({info.location} if info.location else ()), frozenset({info.doc}),
        )

    def where(self, place: str) -> frozenset[str]:
        """The country codes a location is, or lies in."""
        if place not in self._located:
            code = self.reader.country_code(place)
            if code is not None:
                found = {code}
            else:
                found = {c for c in map(self.reader.country_code, self.reader.values(place, P["locatedIn"])) if c}
            self._located[place] = frozenset(found)
        return self._located[place]

    def places_agree(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Whether the places can be one event's: all in one country (a place whose country is
        unknown agrees only with itself).  Two names of places in one country may be one city
        ("Kyiv", "Kiev"): that lowers the score, it does not forbid the match."""
        codes: set[str] = set()
        for place in sorted(a | b):
            codes |= self.where(place) or {place}
        return len(codes) <= 1

    def combine(self, a: EventState, b: EventState) -> EventState | None:
        if (a.mediators | b.mediators) & (a.parties | b.parties):
            return None  # a mediator in one report is a party in the other: not one mediation
        if (a.visitors | b.visitors) & (a.hosts | b.hosts):
            return None  # the visit the other way round
        if not self.places_agree(a.locations, b.locations):
            return None
        return EventState(a.reps | b.reps, a.mediators | b.mediators, a.parties | b.parties,
                          a.visitors | b.visitors, a.hosts | b.hosts, a.countries | b.countries,
                          a.locations | b.locations, a.docs | b.docs)

    def score(self, kind: str, a: EventState, b: EventState, labels: Callable[[str], str]) -> Edge | None:
        """How sure kg is that two reports of the same kind on the same day are one event."""
        if self.combine(a, b) is None:
            return None
        direct = a.reps & b.reps
        names = ", ".join(sorted(labels(r) for r in direct))
        if kind == "mediation":
            mediators = a.mediators & b.mediators
            if not mediators:
                return None
            parties = a.parties & b.parties
            same_place = bool(a.locations) and a.locations == b.locations
            if parties or len(a.parties) < 2 or len(b.parties) < 2:
                score, rule = 0.9, "event-same-mediation"
                evidence = [f"mediator {', '.join(sorted(labels(m) for m in mediators))}"]
                if parties:
                    evidence.append(f"parties {', '.join(sorted(labels(p) for p in parties))}")
            elif same_place:
                score, rule = 0.8, "event-same-mediator-place"
                evidence = [f"mediator {', '.join(sorted(labels(m) for m in mediators))} on the same day and place"]
            else:
                score, rule = 0.6, "event-same-mediator"
                evidence = [f"mediator {', '.join(sorted(labels(m) for m in mediators))} on the same day"]
        elif len(direct) >= 2 or (direct and min(len(a.reps), len(b.reps)) == 1):
            score, rule, evidence = 0.9, "event-same-participants", [f"participants {names}"]
        elif len((a.countries | a.reps) & (b.countries | b.reps)) >= 2:
            shared = sorted((a.countries | a.reps) & (b.countries | b.reps))
            score, rule = 0.7, "event-same-countries"
            evidence = [f"participants of {', '.join(labels(s) if '/' in s else s for s in shared)}"]
        else:
            return None
        if a.locations and b.locations:
            if a.locations == b.locations:
                score += 0.05
                evidence.append(f"both in {labels(next(iter(a.locations)))}")
            else:
                cities = {p for p in a.locations | b.locations if self.reader.country_code(p) is None}
                if len(cities) > 1:
                    score -= 0.1
                evidence.append("places " + " / ".join(sorted(labels(p) for p in a.locations | b.locations)))
        if a.reps != b.reps:
            score -= 0.05
            evidence.append("not all participants in both")
        return Edge(min(round(score, 4), 0.99), rule, tuple(evidence))


def _unanimous(values: list) -> object | None:
    present = {v for v in values if v is not None}
    return next(iter(present)) if len(present) == 1 else None


class EventBlocks:
    """Computes event blocks against the current entity canonicals of the store."""

    def __init__(self, reader: Reader, ctx: Context, rep_of: Callable[[str], Rep]) -> None:
        self.reader = reader
        self.ctx = ctx
        self.rep_of = rep_of
        self.side = EventSide(reader, rep_of)

    def label(self, node: str) -> str:
        rep, label = self.rep_of(node)
        if label is not None:
            return label
        return (self.reader.label_in_links(rep) or self.reader.any_label(rep) or self.reader.any_label(node)
                or node.rsplit("/", 1)[-1])

    def _cluster(self, infos: list[EventInfo]) -> tuple[list[list[EventInfo]], dict[str, Edge], list]:
        options = self.ctx.options
        by_node = {i.node: i for i in infos}
        states = {i.node: self.side.state(i) for i in infos}
        index: dict[str, set[str]] = {}
        for node, state in states.items():
            for rep in state.reps | state.countries:
                index.setdefault(rep, set()).add(node)
        pairs = sorted({(min(a, b), max(a, b)) for nodes in index.values() for a in nodes for b in nodes if a != b})
        edges = []
        for a, b in pairs:
            edge = self.side.score(by_node[a].kind, states[a], states[b], self.label)
            if edge is not None and edge.score >= options.candidate:
                edges.append((a, b, edge))
        clusters = Clusters(states, self.side.combine)
        joined = clusters.run(edges, options.sure)
        member_edge: dict[str, Edge] = {}
        for a, b, edge in joined:
            for n in (a, b):
                if n not in member_edge or edge.score > member_edge[n].score:
                    member_edge[n] = edge
        groups = [[by_node[n] for n in g] for g in clusters.groups()]
        return groups, member_edge, edges

    def block(self, key: str, infos: list[EventInfo], writer: BlockWriter) -> dict[str, str]:
        """Cluster one block's reports and write the canonical events; returns each one's rep."""
        groups, member_edge, edges = self._cluster(infos)
        rep_of: dict[str, str] = {}
        for group in groups:
            if len(group) == 1:
                rep_of[group[0].node] = group[0].node
                writer.own(group[0].node)
                continue
            rep = self._write_event(group, writer)
            for info in group:
                rep_of[info.node] = rep
                edge = member_edge[info.node]
                statuses = sorted({(i.status, i.doc) for i in group if i.status})
                if len({s for s, _ in statuses}) > 1:
                    edge = Edge(edge.score, edge.rule, edge.evidence + (
                        "statuses differ: " + "; ".join(f"{s} ({self._doc_id(d)})" for s, d in statuses),))
                writer.identity(info.node, rep, edge, sure=True)
        seen = set()
        for a, b, edge in sorted(edges, key=lambda e: (-e[2].score, e[0], e[1])):
            ra, rb = rep_of[a], rep_of[b]
            pair = (min(ra, rb), max(ra, rb))
            if ra == rb or pair in seen:
                continue
            seen.add(pair)
            if edge.score >= self.ctx.options.sure:
                edge = Edge(self.ctx.options.sure - 0.01, edge.rule + "-conflict", edge.evidence)
            writer.identity(pair[0], pair[1], edge, sure=False)
        return rep_of

    def undated_candidates(self, key: str, rep_of: dict[str, str], infos: list[EventInfo],
                           writer: BlockWriter) -> None:
        """Link undated reports (one block) to dated events of the same kind a few days around."""
        options = self.ctx.options
        kind, anchor = key.split("|")[1], key.split("|")[-1]
        day0 = date.fromisoformat(anchor)
        groups: dict[str, list[EventInfo]] = {}
        for info in infos:
            groups.setdefault(rep_of[info.node], []).append(info)
        dated: dict[str, list[EventInfo]] = {}
        for offset in range(-options.undated_window_days, options.undated_window_days + 1):
            day = (day0 + timedelta(days=offset)).isoformat()
            for node in self.reader.members_of(f"event|{kind}|{day}"):
                found = self.reader.event_info(node)
                if found is not None and found.key == f"event|{kind}|{day}":
                    dated.setdefault(self.reader.canonical_of(node), []).append(found)
        if not dated:
            return
        dated_states = {rep: self._group_state(g) for rep, g in dated.items()}
        for rep, group in sorted(groups.items()):
            state = self._group_state(group)
            for other, other_state in sorted(dated_states.items()):
                edge = self.side.score(kind, state, other_state, self.label)
                if edge is None or edge.score < options.candidate:
                    continue
                when = dated[other][0].date
                edge = Edge(min(edge.score, options.sure - 0.05), "event-undated-candidate",
                            edge.evidence + (f"no date in the undated report; the other is on {when}",))
                writer.identity(rep, other, edge, sure=False)

    def _group_state(self, group: list[EventInfo]) -> EventState:
        state = self.side.state(group[0])
        for info in group[1:]:
            merged = self.side.combine(state, self.side.state(info))
            state = merged if merged is not None else state
        return state

    def _doc_id(self, doc: str) -> str:
        ids = self.reader.values(doc, ox.NamedNode("http://purl.org/dc/terms/identifier"))
        return ids[0] if ids else doc

    def _write_event(self, group: list[EventInfo], writer: BlockWriter) -> str:
        group = sorted(group, key=lambda i: i.node)
        first = group[0]
        day = first.date.isoformat() if first.date else None
        rep = canonical_event_iri(self.ctx.base, first.kind, day, first.node)
        writer.add(rep, TYPE, first.cls)
        participants: dict[str, set[str]] = {}
        for info in group:
            for role, node in info.roles:
                participants.setdefault(self.rep_of(node)[0], set()).add(role)
        names = ", ".join(sorted(self.label(p) for p in participants))
        kind_text = KIND_TEXT.get(first.kind, first.kind.replace("event-", "event "))
        writer.add(rep, LABEL, ox.Literal(f"{kind_text}: {names}" if names else kind_text,
                                          language=self.ctx.language))
        for node, roles in sorted(participants.items()):
            writer.add(rep, P["participant"], node)
            for role in sorted(roles - {"participant"}):
                writer.add(rep, ROLE_NODES[role], node)
        if day is not None:
            writer.add(rep, P["date"], ox.Literal(day, datatype=ox.NamedNode(XSD + "date")))
        places = Counter(i.location for i in group if i.location)
        if places:
            # The most specific place: a city over its country, the most reported city first.
            best = min(places, key=lambda p: (self.reader.country_code(p) is not None, -places[p], p))
            writer.add(rep, P["location"], best)
        for predicate, value in (
            (P["status"], _unanimous([i.status for i in group])),
            (P["cameoCode"], _unanimous([i.cameo for i in group])),
            (P["mediationKind"], _unanimous([i.mediation_kind for i in group])),
        ):
            if value is None:
                continue
            if predicate == P["cameoCode"]:
                writer.add(rep, predicate, ox.Literal(str(value)))
            else:  # a status or mediation kind: the ontology's SKOS concept for it
                writer.add(rep, predicate, ox.NamedNode(str(concept_iri(URIRef(predicate.value), str(value)))))
        stated = [i.stated for i in group if i.stated is not None]
        if stated:
            writer.add(rep, P["stated"], ox.Literal("true" if any(stated) else "false",
                                                    datatype=ox.NamedNode(XSD + "boolean")))
            if not any(stated):
                reason = _unanimous([i.reason for i in group])
                if reason is not None:
                    writer.add(rep, P["inferenceReason"], ox.Literal(str(reason)))
        parties = {n for n, roles in participants.items() if "party" in roles}
        if first.kind == "mediation" and len(parties) < 2:
            unnamed = sorted({i.parties_unnamed for i in group if i.parties_unnamed})
            if unnamed:
                writer.add(rep, P["partiesUnnamed"], ox.Literal(unnamed[0]))
        confidences = [i.confidence for i in group if i.confidence is not None]
        if confidences:
            writer.add(rep, P["confidence"], decimal_literal(float(max(confidences))))
        for target in sorted({c for i in group for c in i.concerns}):
            writer.add(rep, P["concerns"], target)
        for mention in sorted({m for i in group for m in i.evidence}):
            writer.add(rep, P["evidence"], mention)
        for doc in sorted({d for i in group for d in i.sources}):
            writer.add(rep, P["source"], doc)
        writer.add(rep, P["canonical"], rep)
        counts = Counter(i.kind for i in group)
        assert len(counts) == 1, counts
        return rep
