"""What the merge compares, read from a pyoxigraph store: people, organisations, countries and
events with the features their blocks need.

Features come from the documents' graphs (and the default graph, where external data may sit),
never from the links graph, so a block's result depends only on the documents.  Reads go
through ``quads_for_pattern`` on pyoxigraph's indexes, a few per node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.merge.names import (
    PersonName,
    acronym,
    as_acronym,
    org_norm,
    parse_person_name,
    skeleton,
    table_org_key,
)
from kg.rdf.iris import WIKIDATA_ENTITY
from kg.rdf.mapping import concept_value
from kg.reference import gazetteer
from kg.vocab import KG

Day = date  # a field named date hides the type inside EventInfo


def _node(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


TYPE = _node(RDF.type)
LABEL = _node(RDFS.label)
ALT_LABEL = _node(SKOS.altLabel)
ISSUED = _node(DCTERMS.issued)

PERSON = _node(KG.Person)
COUNTRY = _node(KG.Country)
ORGANIZATION = _node(KG.Organization)
EVENT_CLASSES: dict[str, str] = {
    str(KG.Meeting): "meeting",
    str(KG.Talks): "talks",
    str(KG.PhoneCall): "phone_call",
    str(KG.Visit): "visit",
    str(KG.Mediation): "mediation",
    str(KG.Event): "event",
}
"""Event classes the merge compares (statements are not merged: each is one report's words)."""
EVENT_TYPE_NODES = [_node(c) for c in EVENT_CLASSES]
ORG_SUBCLASSES = frozenset(str(c) for c in (
    KG.Delegation, KG.Government, KG.Ministry, KG.ArmedGroup, KG.MediaOutlet,
    KG.InternationalOrganization, KG.PoliticalParty,
))
ROLE_PROPERTIES = {
    str(KG.mediator): "mediator", str(KG.party): "party", str(KG.host): "host",
    str(KG.visitor): "visitor", str(KG.speaker): "speaker", str(KG.participant): "participant",
}
def _plain(value: str | None) -> str | None:
    """A status's or mediation kind's plain value ("held"), from its SKOS concept."""
    return None if value is None else concept_value(value)


P = {name: _node(KG[name]) for name in (
    "actsFor", "ofCountry", "wikidata", "iso3166Alpha3", "heldBy", "role", "participant",
    "location", "date", "status", "cameoCode", "confidence", "mediationKind", "stated",
    "inferenceReason", "partiesUnnamed", "concerns", "evidence", "source", "locatedIn",
    "canonical", "mergeKey",
)}


@cache
def _wikidata_countries() -> dict[str, str]:
    return {WIKIDATA_ENTITY + c.wikidata: c.alpha3 for c in gazetteer.countries() if c.wikidata}


@dataclass(frozen=True, slots=True)
class PersonInfo:
    node: str
    docs: frozenset[str]
    labels: tuple[str, ...]
    alt_labels: tuple[str, ...]
    acts_for: tuple[str, ...]
    countries: frozenset[str]
    titles: frozenset[tuple[str, str | None]]  # (title, of-country code)
    wikidata: frozenset[str]
    co: frozenset[str]  # keys of the other participants of this person's events
    name: PersonName | None

    @property
    def key(self) -> str | None:
        return self.name.key if self.name is not None else None


@dataclass(frozen=True, slots=True)
class OrgInfo:
    node: str
    names: tuple[str, ...]  # rdfs:label values first, then altLabels
    labels: tuple[str, ...]
    classes: frozenset[str]
    countries: frozenset[str]
    wikidata: frozenset[str]
    table_key: str | None
    is_global: bool
    key: str


@dataclass(frozen=True, slots=True)
class CountryInfo:
    node: str
    code: str
    wikidata: frozenset[str]

    @property
    def key(self) -> str:
        return "country:" + self.code


@dataclass(slots=True)
class EventInfo:
    node: str
    kind: str
    cls: str
    doc: str
    date: Day | None
    anchor: Day | None
    roles: tuple[tuple[str, str], ...]  # (role, participant node), sorted
    location: str | None
    status: str | None = None
    cameo: str | None = None
    mediation_kind: str | None = None
    stated: bool | None = None
    reason: str | None = None
    parties_unnamed: str | None = None
    confidence: Decimal | None = None
    concerns: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    labels: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str | None:
        if self.date is not None:
            return f"event|{self.kind}|{self.date.isoformat()}"
        if self.anchor is not None:
            return f"event|{self.kind}|undated|{self.anchor.isoformat()}"
        return None


def event_key_date(key: str) -> tuple[str, bool, date]:
    """(kind, undated?, date) of an event merge key."""
    parts = key.split("|")
    return parts[1], parts[2] == "undated", date.fromisoformat(parts[-1])


def _value(term: object) -> str:
    return term.value  # type: ignore[attr-defined]


class Reader:
    """Reads nodes' features from the documents' graphs of a store (cached per node).

    Each node's quads are read once and indexed by predicate, as ``(object value, graph
    name)`` pairs; the features built from them are cached too, until :meth:`forget` (the
    merge forgets between its phases, so the caches hold one phase's nodes).
    """

    def __init__(self, store: ox.Store, base: str, links: ox.NamedNode) -> None:
        self.store = store
        self.base = base
        self.links = links
        self.country_prefix = base + "country/"
        self.org_prefix = base + "org/"
        self._props: dict[str, dict[str, list[tuple[str, str]]]] = {}
        self._codes: dict[str, str | None] = {}
        self._co_keys: dict[tuple[str, str], str] = {}
        self._published: dict[str, date | None] = {}
        self._infos: dict[tuple[str, str], object] = {}
        self._values: dict[tuple[str, str, str | None], list[str]] = {}

    # -- raw access ---------------------------------------------------------------------

    def props(self, node: str) -> dict[str, list[tuple[str, str]]]:
        """``node``'s quads outside the links graph: predicate -> [(object, graph)]."""
        found = self._props.get(node)
        if found is None:
            found = {}
            for q in self.store.quads_for_pattern(ox.NamedNode(node), None, None, None):
                graph = q.graph_name
                if graph == self.links:
                    continue
                found.setdefault(q.predicate.value, []).append(
                    (q.object.value,  # type: ignore[union-attr]  # kg writes no RDF 1.2 triple terms
                     graph.value if isinstance(graph, ox.NamedNode) else ""))
            self._props[node] = found
        return found

    def _held(self, node: str) -> bool:
        """Whether a graph other than the links graph names ``node`` (as subject or object)."""
        term = ox.NamedNode(node)
        return bool(self.props(node)) or any(
            q.graph_name != self.links for q in self.store.quads_for_pattern(None, None, term, None))

    def forget(self) -> None:
        """Drop every cache (the store changed)."""
        self._props.clear()
        self._codes.clear()
        self._co_keys.clear()
        self._published.clear()
        self._infos.clear()
        self._values.clear()

    def referrers(self, predicate: ox.NamedNode, node: str) -> list[tuple[str, str]]:
        """(subject, graph) of the quads ``?s predicate node`` outside the links graph."""
        return [(q.subject.value,  # type: ignore[union-attr]  # kg writes no RDF 1.2 triple terms
                 q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else "")
                for q in self.store.quads_for_pattern(None, predicate, ox.NamedNode(node), None)
                if q.graph_name != self.links]

    def types(self, node: str) -> set[str]:
        return {o for o, _ in self.props(node).get(TYPE.value, ())}

    def values(self, node: str, predicate: ox.NamedNode, graph: str | None = None) -> list[str]:
        """The distinct objects of ``node predicate ?o`` (in ``graph`` only, if given), sorted.

        Cached: a shared node (a country, a role) has a quad per document that mentions it.
        """
        key = (node, predicate.value, graph)
        found = self._values.get(key)
        if found is None:
            pairs = self.props(node).get(predicate.value, ())
            found = sorted({o for o, g in pairs if graph is None or g == graph})
            self._values[key] = found
        return found

    def nodes_of_type(self, graph: ox.NamedNode | ox.DefaultGraph, cls: ox.NamedNode) -> list[str]:
        return sorted({q.subject.value for q in self.store.quads_for_pattern(None, TYPE, cls, graph)
                       if isinstance(q.subject, ox.NamedNode)})

    def published(self, doc: str) -> date | None:
        if doc not in self._published:
            issued = self.values(doc, ISSUED)
            try:
                self._published[doc] = date.fromisoformat(issued[0]) if issued else None
            except ValueError:
                self._published[doc] = None
        return self._published[doc]

    def _cached(self, kind: str, node: str, build):  # noqa: ANN001, ANN202
        key = (kind, node)
        if key not in self._infos:
            self._infos[key] = build(node)
        return self._infos[key]

    # -- countries ------------------------------------------------------------------------

    def country_code(self, node: str) -> str | None:
        """The ISO alpha-3 code of a country node (kg's IRI, kg:iso3166Alpha3, or its Wikidata IRI)."""
        if node in self._codes:
            return self._codes[node]
        code: str | None = None
        if node.startswith(self.country_prefix):
            tail = node[len(self.country_prefix):]
            code = tail.upper() if len(tail) == 3 and tail.isalpha() else None
        if code is None and node.startswith(WIKIDATA_ENTITY):
            code = _wikidata_countries().get(node)
        if code is None:
            codes = self.values(node, P["iso3166Alpha3"])
            code = codes[0].upper() if codes and COUNTRY.value in self.types(node) else None
        self._codes[node] = code
        return code

    def country_info(self, node: str) -> CountryInfo | None:
        code = self.country_code(node)
        if code is None or not self._held(node):
            return None  # a country no document names any more has no block
        wikidata = set(self.values(node, P["wikidata"]))
        if node.startswith(WIKIDATA_ENTITY):
            wikidata.add(node)
        return CountryInfo(node, code, frozenset(wikidata))

    # -- people ---------------------------------------------------------------------------

    def person_info(self, node: str) -> PersonInfo | None:
        return self._cached("person", node, self._person_info)

    def _person_info(self, node: str) -> PersonInfo | None:
        props = self.props(node)
        types = props.get(TYPE.value, ())
        if not any(o == PERSON.value for o, _ in types):
            return None
        docs = frozenset(g for o, g in types if o == PERSON.value and g)
        labels = tuple(sorted({o for o, _ in props.get(LABEL.value, ())}))
        alts = tuple(sorted({o for o, _ in props.get(ALT_LABEL.value, ())}))
        acts = sorted(set(props.get(P["actsFor"].value, ())))
        countries: set[str] = set()
        for target, graph in acts:
            code = self.country_code(target)
            if code is None:
                own = self.values(target, P["ofCountry"], graph)
                code = self.country_code(own[0]) if own else None
            if code is not None:
                countries.add(code)
        wikidata = {o for o, _ in props.get(P["wikidata"].value, ())}
        if node.startswith(WIKIDATA_ENTITY):
            wikidata.add(node)

        name = None
        for text in (*labels, *alts):
            name = parse_person_name(text)
            if name is not None:
                break
        titles: set[tuple[str, str | None]] = set()
        if name is not None:
            titles.update((t.lower(), None) for t in name.titles)
        for holding, graph in self.referrers(P["heldBy"], node):
            of = self.values(holding, P["ofCountry"], graph)
            code = self.country_code(of[0]) if of else None
            for role in self.values(holding, P["role"], graph):
                for title in self.values(role, LABEL):
                    titles.add((title.lower(), code))
        co: set[str] = set()
        for event, graph in self.referrers(P["participant"], node):
            for other in self.values(event, P["participant"], graph):
                if other != node:
                    co.add(self.co_key(other, graph))
        return PersonInfo(node, docs, labels, alts, tuple(sorted({a for a, _ in acts})), frozenset(countries),
                          frozenset(titles), frozenset(wikidata), frozenset(co), name)

    def co_key(self, node: str, graph: str) -> str:
        """A document-independent key for a co-participant: a country code, a surname, an IRI."""
        cache_key = (node, graph)
        key = self._co_keys.get(cache_key)
        if key is None:
            code = self.country_code(node)
            if code is not None:
                key = code
            else:
                key = node
                if PERSON.value in self.types(node):
                    for label in self.values(node, LABEL, graph):
                        name = parse_person_name(label)
                        if name is not None:
                            key = "person " + skeleton(name.surname)
                            break
            self._co_keys[cache_key] = key
        return key

    # -- organisations --------------------------------------------------------------------

    def org_info(self, node: str) -> OrgInfo | None:
        return self._cached("org", node, self._org_info)

    def _org_info(self, node: str) -> OrgInfo | None:
        props = self.props(node)
        types = {o for o, _ in props.get(TYPE.value, ())}
        if ORGANIZATION.value not in types:
            return None
        labels = tuple(sorted({o for o, _ in props.get(LABEL.value, ())}))
        alts = tuple(sorted({o for o, _ in props.get(ALT_LABEL.value, ())} - set(labels)))
        names = labels + alts
        countries = frozenset(c for c in (self.country_code(o) for o, _ in props.get(P["ofCountry"].value, ())) if c)
        wikidata = frozenset(o for o, _ in props.get(P["wikidata"].value, ()))
        classes = frozenset(types & ORG_SUBCLASSES)
        table_key = table_org_key(names)
        tail = node[len(self.org_prefix):] if node.startswith(self.org_prefix) else None
        is_global = tail is not None and "/" not in tail
        if table_key is not None:
            key = "org:table:" + table_key
        elif wikidata:
            key = "org:wikidata:" + min(wikidata).rsplit("/", 1)[-1]
        elif str(KG.Government) in classes and len(countries) == 1:
            key = "org:government:" + next(iter(countries))
        else:
            key = org_block_key(names)
        return OrgInfo(node, names, labels, classes, countries, wikidata, table_key, is_global, key)

    # -- events ---------------------------------------------------------------------------

    def event_info(self, node: str) -> EventInfo | None:
        return self._cached("event", node, self._event_info)

    def _event_info(self, node: str) -> EventInfo | None:
        props = self.props(node)
        kinds = sorted({EVENT_CLASSES[o] for o, _ in props.get(TYPE.value, ()) if o in EVENT_CLASSES})
        if not kinds:
            return None
        specific = [k for k in kinds if k != "event"]
        docs = sorted({o for o, _ in props.get(P["source"].value, ())})
        graphs = sorted({g for _, g in props.get(TYPE.value, ()) if g})
        doc = graphs[0] if graphs else (docs[0] if docs else "")

        def one(predicate: ox.NamedNode) -> str | None:
            values = sorted({o for o, _ in props.get(predicate.value, ())})
            return values[0] if values else None

        cameo = one(P["cameoCode"])
        if specific:
            kind, cls = specific[0], next(c for c, k in EVENT_CLASSES.items() if k == specific[0])
        elif cameo:
            kind, cls = f"event-{cameo}", str(KG.Event)
        else:
            return None
        when = one(P["date"])
        try:
            day = date.fromisoformat(when) if when else None
        except ValueError:
            day = None
        roles = tuple(sorted({(role, o) for p, role in ROLE_PROPERTIES.items()
                              for o, _ in props.get(p, ())}))
        anchor = self.published(docs[0]) if docs else None
        stated = one(P["stated"])
        confidence = one(P["confidence"])
        try:
            conf = Decimal(confidence) if confidence is not None else None
        except InvalidOperation:
            conf = None
        return EventInfo(
            node=node, kind=kind, cls=cls, doc=doc, date=day, anchor=anchor, roles=roles,
            location=one(P["location"]), status=_plain(one(P["status"])), cameo=cameo,
            mediation_kind=_plain(one(P["mediationKind"])),
            stated=None if stated is None else stated == "true",
            reason=one(P["inferenceReason"]), parties_unnamed=one(P["partiesUnnamed"]),
            confidence=conf, concerns=tuple(sorted({o for o, _ in props.get(P["concerns"].value, ())})),
            evidence=tuple(sorted({o for o, _ in props.get(P["evidence"].value, ())})), sources=tuple(docs),
            labels=tuple(sorted({o for o, _ in props.get(LABEL.value, ())})),
        )

    # -- the links graph --------------------------------------------------------------------

    def members_of(self, key: str) -> list[str]:
        """The nodes the links graph files under merge key ``key``."""
        return sorted(_value(q.subject) for q in self.store.quads_for_pattern(
            None, P["mergeKey"], ox.Literal(key), self.links))

    def link_quads(self, subject: str) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(ox.NamedNode(subject), None, None, self.links))

    def keys_of(self, node: str) -> list[str]:
        return [_value(q.object) for q in self.store.quads_for_pattern(
            ox.NamedNode(node), P["mergeKey"], None, self.links)]

    def canonical_of(self, node: str) -> str:
        for q in self.store.quads_for_pattern(ox.NamedNode(node), P["canonical"], None, self.links):
            return _value(q.object)
        return node

    def label_in_links(self, node: str) -> str | None:
        for q in self.store.quads_for_pattern(ox.NamedNode(node), LABEL, None, self.links):
            return _value(q.object)
        return None

    def any_label(self, node: str) -> str | None:
        labels = self.values(node, LABEL)
        return labels[0] if labels else None


def org_block_key(names: tuple[str, ...]) -> str:
    """One blocking key for an organisation outside kg's table: its abbreviation, spelt out or
    written as such ("African Union" and "AU" both give ``org:abbr:AU``), else its name."""
    first = names[0] if names else ""
    abbreviation = as_acronym(first) or acronym(first)
    if abbreviation:
        return "org:abbr:" + abbreviation
    return "org:name:" + org_norm(first)


