"""Records of one document -> its quads, in one graph named by the document IRI.

The mapping is the one in ``docs/ARCHITECTURE.md``: no blank nodes, labels in the run's
language, dates as ``xsd:date``, confidences as ``xsd:decimal`` with two places, and every
participant linked by its specific property *and* by ``kg:participant`` so queries need
no reasoner.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import cast

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

import kg
from kg.errors import KgError
from kg.rdf import iris
from kg.rdf.provenance import provenance_triples
from kg.rdf.terms import OxTerm, OxVocabulary, to_oxigraph, to_rdflib
from kg.records import (
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Frame,
    Organization,
    RoleHolding,
)
from kg.settings import Settings
from kg.vocab import KG

log = logging.getLogger(__name__)

SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}
"""The prefixes bound on every graph and used by the Turtle and TriG writers."""

EVENT_CLASSES: dict[str, URIRef] = {
    "meeting": KG.Meeting,
    "talks": KG.Talks,
    "phone_call": KG.PhoneCall,
    "visit": KG.Visit,
    "statement": KG.Statement,
    "mediation": KG.Mediation,
}

ORG_CLASSES: dict[str, URIRef] = {
    "delegation": KG.Delegation,
    "government": KG.Government,
    "ministry": KG.Ministry,
    "armed_group": KG.ArmedGroup,
    "media": KG.MediaOutlet,
    "international": KG.InternationalOrganization,
    "political": KG.PoliticalParty,
}

PARTICIPANT_PROPERTIES: dict[str, URIRef] = {
    "participant": KG.participant,
    "mediator": KG.mediator,
    "party": KG.party,
    "host": KG.host,
    "visitor": KG.visitor,
    "speaker": KG.speaker,
}

VALUE_SCHEMES: dict[URIRef, str] = {
    KG.status: "Status",
    KG.mediationKind: "MediationKind",
    KG.qualifier: "Qualifier",
}
"""Properties whose values are SKOS concepts of the ontology, and their concepts' name prefix."""

_TWO_PLACES = Decimal("0.01")


def value_triples(node: URIRef, predicate: URIRef, value: str) -> tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]:
    """``node predicate concept`` for a listed value, and the concept's ``skos:notation`` (the
    plain value, which queries read), e.g. ``kg:status kg:StatusPlanned`` for "planned".

    >>> [t[2] for t in value_triples(URIRef("https://example.org/e"), KG.status, "held")]
    [rdflib.term.URIRef('https://w3id.org/kg-news/ontology/kg#StatusHeld'), rdflib.term.Literal('held')]
    """
    concept = concept_iri(predicate, value)
    return (node, predicate, concept), (concept, SKOS.notation, Literal(value))


def concept_iri(predicate: URIRef, value: str) -> URIRef:
    """The ontology's concept for ``value`` of ``predicate`` ("held" of kg:status: kg:StatusHeld)."""
    try:
        return KG[VALUE_SCHEMES[predicate] + value.capitalize()]
    except (KeyError, AttributeError):
        raise KgError(f"{value!r} is not a value kg's ontology lists for {predicate}") from None


def concept_value(term: str) -> str:
    """The plain value a concept IRI stands for (kg:StatusHeld: "held"); other text unchanged,
    so graphs written before the values were concepts read the same.

    >>> concept_value(str(KG.MediationKindHost)), concept_value("held")
    ('host', 'held')
    """
    if term.startswith(str(KG)):
        name = term[len(str(KG)):]
        for prefix in VALUE_SCHEMES.values():
            if name.startswith(prefix) and name[len(prefix):].isalpha():
                return name[len(prefix):].lower()
    return term


def confidence_literal(value: float) -> Literal:
    """A confidence as ``xsd:decimal`` rounded half-up to two places.

    >>> confidence_literal(0.875)
    rdflib.term.Literal('0.88', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    rounded = Decimal(repr(float(value))).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)
    return Literal(str(rounded), datatype=XSD.decimal)


def new_graph(identifier: URIRef) -> Graph:
    """An empty graph with kg's prefixes bound (and none of rdflib's many defaults)."""
    graph = Graph(identifier=identifier, bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


# The vocabularies as pyoxigraph terms, which the mapping makes (see kg.rdf.terms).
_KG, _RDF, _RDFS, _XSD, _SKOS, _DCT, _SCHEMA = (
    OxVocabulary(namespace) for namespace in (KG, RDF, RDFS, XSD, SKOS, DCTERMS, SCHEMA)
)
_OX_EVENT_CLASSES = {kind: ox.NamedNode(iri) for kind, iri in EVENT_CLASSES.items()}
_OX_ORG_CLASSES = {kind: ox.NamedNode(iri) for kind, iri in ORG_CLASSES.items()}
_OX_PARTICIPANT_PROPERTIES = {role: ox.NamedNode(iri) for role, iri in PARTICIPANT_PROPERTIES.items()}
_BOOLEAN_TEXT = {True: "true", False: "false"}

OxTriple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


@lru_cache(maxsize=4096)
def _ox_values(predicate: URIRef, value: str) -> tuple[OxTriple, OxTriple]:
    """:func:`value_triples` as pyoxigraph terms, their subject left as the concept's
    placeholder ``urn:kg:node`` (made once per value)."""
    return cast(tuple[OxTriple, OxTriple], tuple(
        (ox.NamedNode(s), ox.NamedNode(p), to_oxigraph(o))
        for s, p, o in value_triples(URIRef("urn:kg:node"), predicate, value)))


@lru_cache(maxsize=1 << 16)  # offsets into a text: a news article's are far fewer
def _ox_integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD.integer)


@lru_cache(maxsize=4096)
def _ox_confidence(value: float) -> ox.Literal:
    return to_oxigraph(confidence_literal(value))  # type: ignore[return-value]


class _DocumentMapper:
    """Holds one document's lookups while its quads are written.

    Terms are pyoxigraph's (made once per document where they repeat); quads go into a dict,
    which keeps one of each in the order they are made.
    """

    def __init__(self, records: DocumentRecords, settings: Settings) -> None:
        self.records = records
        self.settings = settings
        self.base = settings.base_iri
        self.lang = settings.language
        self.doc_id = records.article.id
        self.doc_iri = iris.document_iri(self.doc_id, self.base)
        self.doc = ox.NamedNode(self.doc_iri)
        self.orgs: dict[str, Organization] = {o.key: o for o in records.organizations}
        self.person_keys = {p.key for p in records.persons}
        self.place_keys = {p.key: p for p in records.places}
        self.labels: dict[tuple[str, str], str] = {}
        for person in records.persons:
            self.labels["person", person.key] = person.label
        for country in records.countries:
            self.labels["country", country.code.upper()] = country.name
        for org in records.organizations:
            self.labels["organization", org.key] = org.name
        for place in records.places:
            self.labels["place", place.key] = place.name
        self.mentions: dict[tuple[int, int], ox.NamedNode] = {}
        self.mention_prefix = iris.mention_prefix(self.doc_id, self.base)
        self.sentences: dict[str, ox.Literal] = {}
        self.nodes: dict[tuple[str, str], ox.NamedNode] = {}  # (kind, key) -> node, made once
        self.countries_used: set[str] = set()
        self.quads: dict[ox.Quad, None] = {}

    # -- small helpers -------------------------------------------------------------------

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads[ox.Quad(s, p, o, self.doc)] = None

    def add_rdflib(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.add(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]

    def text(self, value: str) -> ox.Literal:
        return ox.Literal(value)

    def values(self, node: ox.NamedNode, predicate: URIRef, value: str) -> None:
        try:
            triples = _ox_values(predicate, value)
        except KgError as error:
            raise KgError(f"{self.where()}: {error}") from None
        (_, p, concept), (_, notation, literal) = triples
        self.add(node, p, cast(ox.NamedNode, concept))
        self.add(cast(ox.NamedNode, concept), notation, literal)

    def label(self, node: ox.NamedNode, predicate: ox.NamedNode, text: str) -> None:
        """A name of an actor, place or role, with its key for look-ups by name."""
        self.add(node, predicate, ox.Literal(text, language=self.lang))
        self.name_key(node, text)

    def name_key(self, node: ox.NamedNode, text: str) -> None:
        self.add(node, _KG.nameKey, ox.Literal(iris.name_key(text)))

    def where(self) -> str:
        return f"document {self.doc_id!r}"

    def country(self, code: str) -> ox.NamedNode:
        node = self.nodes.get(("country", code))
        if node is None:
            try:
                node = ox.NamedNode(iris.country_iri(code, self.base))
            except ValueError as error:
                raise KgError(f"{self.where()}: {error}") from None
            self.nodes["country", code] = node
        self.countries_used.add(code.upper())
        return node

    def org(self, key: str) -> ox.NamedNode:
        node = self.nodes.get(("organization", key))
        if node is None:
            org = self.orgs.get(key)
            if org is None:
                raise KgError(f"{self.where()}: no organization record with key {key!r}")
            node = self.nodes["organization", key] = ox.NamedNode(
                iris.org_iri(self.doc_id, key, org.wikidata is not None, self.base))
        return node

    def person(self, key: str) -> ox.NamedNode:
        node = self.nodes.get(("person", key))
        if node is None:
            if key not in self.person_keys:
                raise KgError(f"{self.where()}: no person record with key {key!r}")
            node = self.nodes["person", key] = ox.NamedNode(iris.person_iri(self.doc_id, key, self.base))
        return node

    def place(self, key: str) -> ox.NamedNode:
        node = self.nodes.get(("place", key))
        if node is None:
            if key not in self.place_keys:
                raise KgError(f"{self.where()}: no place record with key {key!r}")
            place = self.place_keys[key]
            node = self.nodes["place", key] = ox.NamedNode(
                iris.place_iri(place.key, self.base, name=place.name, country=place.country))
        return node

    def event_node(self, key: str) -> ox.NamedNode:
        return self._local_node("event", key, iris.event_iri)

    def frame_node(self, key: str) -> ox.NamedNode:
        return self._local_node("frame", key, iris.frame_iri)

    def _local_node(self, kind: str, key: str, mint: Callable[[str, str, str], URIRef]) -> ox.NamedNode:
        """The node of one of the document's own events or frames, minted once."""
        node = self.nodes.get((kind, key))
        if node is None:
            node = self.nodes[kind, key] = ox.NamedNode(mint(self.doc_id, key, self.base))
        return node

    def entity(self, ref: EntityRef) -> ox.NamedNode:
        if ref.kind == "person":
            return self.person(ref.key)
        if ref.kind == "country":
            return self.country(ref.key)
        if ref.kind == "organization":
            return self.org(ref.key)
        if ref.kind == "place":
            return self.place(ref.key)
        raise KgError(f"{self.where()}: unknown entity kind {ref.kind!r}")

    def entity_label(self, ref: EntityRef) -> str:
        key = ref.key.upper() if ref.kind == "country" else ref.key
        return self.labels.get((ref.kind, key), ref.key)

    def wikidata(self, node: ox.NamedNode, qid: str | None) -> None:
        if qid is None:
            return
        try:
            self.add(node, _KG.wikidata, ox.NamedNode(iris.wikidata_iri(qid)))
        except ValueError as error:
            raise KgError(f"{self.where()}: {error}") from None

    def mention(self, evidence: Evidence) -> ox.NamedNode:
        """The mention node of a span, written once per distinct (begin, end)."""
        span = (evidence.begin, evidence.end)
        node = self.mentions.get(span)
        if node is not None:
            return node
        node = self.mentions[span] = ox.NamedNode(self.mention_prefix + iris.span_path(*span))
        sentence = self.sentences.get(evidence.sentence)  # one sentence holds many mentions
        if sentence is None:
            sentence = self.sentences[evidence.sentence] = ox.Literal(evidence.sentence)
        add = self.add
        add(node, _RDF.type, _KG.Mention)
        add(node, _KG.source, self.doc)
        add(node, _KG.begin, _ox_integer(evidence.begin))
        add(node, _KG.end, _ox_integer(evidence.end))
        add(node, _KG.quote, ox.Literal(evidence.text))
        add(node, _KG.sentence, sentence)
        return node

    def evidence(self, node: ox.NamedNode, spans: Iterable[Evidence]) -> None:
        for span in spans:
            self.add(node, _KG.evidence, self.mention(span))

    # -- one method per record kind ------------------------------------------------------

    def map_document(self) -> None:
        article = self.records.article
        self.add(self.doc, _RDF.type, _KG.Document)
        self.add(self.doc, _DCT.identifier, ox.Literal(article.id))
        if article.title:
            self.add(self.doc, _DCT.title, ox.Literal(article.title))
        if article.published is not None:
            self.add(self.doc, _DCT.issued, ox.Literal(article.published.isoformat(), datatype=_XSD.date))
        if article.url:
            url = iris.url_iri(article.url)
            if url is None:
                log.warning("%s: url %r is not absolute; left out", self.where(), article.url)
            else:
                self.add(self.doc, _SCHEMA.url, ox.NamedNode(url))
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        timed = self.settings.timestamps
        for triple in provenance_triples(
            self.doc_id, base=self.base, software=kg.__version__, model=self.records.model or None,
            text_hash=digest, url=iris.url_iri(article.url) if article.url else None,
            started=self.records.started if timed else None, ended=self.records.ended if timed else None,
            parameters={"baseIri": self.base, "language": self.lang}, lang=self.lang,
        ):
            self.add_rdflib(*triple)

    def map_persons(self) -> None:
        for person in self.records.persons:
            node = self.person(person.key)
            self.add(node, _RDF.type, _KG.Person)
            if person.name is None:  # "the Prime Minister": known by the office alone
                self.add(node, _RDF.type, _KG.UnnamedOfficeHolder)
            self.label(node, _RDFS.label, person.label)
            for alias in person.aliases:
                if alias != person.label:
                    self.label(node, _SKOS.altLabel, alias)
            if person.country:
                self.add(node, _KG.actsFor, self.country(person.country))
            if person.organization:
                self.add(node, _KG.actsFor, self.org(person.organization))
            self.evidence(node, person.mentions)
            self.add(node, _KG.source, self.doc)

    def map_countries(self) -> None:
        for country in self.records.countries:
            node = self.country(country.code)
            self.add(node, _RDF.type, _KG.Country)
            self.label(node, _RDFS.label, country.name)
            self.add(node, _KG.iso3166Alpha2, ox.Literal(country.alpha2.upper()))
            self.add(node, _KG.iso3166Alpha3, ox.Literal(country.code.upper()))
            self.name_key(node, country.alpha2)
            self.name_key(node, country.code)
            self.wikidata(node, country.wikidata)
            self.evidence(node, country.mentions)

    def map_organizations(self) -> None:
        for org in self.records.organizations:
            node = self.org(org.key)
            self.add(node, _RDF.type, _KG.Organization)
            subclass = _OX_ORG_CLASSES.get(org.kind)
            if subclass is not None:
                self.add(node, _RDF.type, subclass)
            self.label(node, _RDFS.label, org.name)
            for alias in org.aliases:
                if alias != org.name:
                    self.label(node, _SKOS.altLabel, alias)
            if org.country:
                self.add(node, _KG.ofCountry, self.country(org.country))
            self.wikidata(node, org.wikidata)
            self.evidence(node, org.mentions)

    def map_places(self) -> None:
        for place in self.records.places:
            node = ox.NamedNode(iris.place_iri(place.key, self.base, name=place.name, country=place.country))
            self.add(node, _RDF.type, _KG.Place)
            self.label(node, _RDFS.label, place.name)
            if place.country:
                self.add(node, _KG.locatedIn, self.country(place.country))
            self.evidence(node, place.mentions)

    def map_role(self, holding: RoleHolding) -> None:
        role = ox.NamedNode(iris.role_iri(holding.title, self.base))
        self.add(role, _RDF.type, _KG.Role)
        self.label(role, _RDFS.label, holding.title)
        if holding.canonical and holding.canonical != holding.title:
            # the title as the text words it is the label; the table's name is found by it too
            self.label(role, _SKOS.altLabel, holding.canonical)

        if holding.of_country:
            of_key, of_node, of_property = (
                f"country:{holding.of_country.upper()}",
                self.country(holding.of_country),
                _KG.ofCountry,
            )
        elif holding.of_organization:
            of_key, of_node, of_property = (
                f"organization:{holding.of_organization}",
                self.org(holding.of_organization),
                _KG.inOrganization,
            )
        elif holding.of_person:
            of_key, of_node, of_property = (
                f"person:{holding.of_person}",
                self.person(holding.of_person),
                _KG.ofPerson,
            )
        else:
            of_key, of_node, of_property = None, None, None

        node = ox.NamedNode(iris.role_holding_iri(
            self.doc_id, holding.person, holding.title, of_key, holding.qualifier, self.base
        ))
        self.add(node, _RDF.type, _KG.RoleHolding)
        self.add(node, _KG.heldBy, self.person(holding.person))
        self.add(node, _KG.role, role)
        if of_node is not None and of_property is not None:
            self.add(node, of_property, of_node)
            self.add(node, _KG.holdingOf, of_node)  # its shortcut (kg.rdf.shortcuts)
        self.values(node, KG.qualifier, holding.qualifier)
        self.add(node, _KG.confidence, _ox_confidence(holding.confidence))
        self.evidence(node, (holding.evidence,))
        self.add(node, _KG.source, self.doc)

    def map_event(self, event: Event) -> None:
        node = self.event_node(event.key)
        event_class = _OX_EVENT_CLASSES.get(event.kind)
        if event_class is None:
            raise KgError(f"{self.where()}: event {event.key!r} has unknown kind {event.kind!r}")
        self.add(node, _RDF.type, event_class)

        names = ", ".join(self.entity_label(p.entity) for p in event.participants)
        kind_text = event.kind.replace("_", " ")
        # An event's label describes it; it is no name to look it up by (no kg:nameKey).
        self.add(node, _RDFS.label, ox.Literal(f"{kind_text}: {names}" if names else kind_text, language=self.lang))

        for participant in event.participants:
            entity = self.entity(participant.entity)
            specific = _OX_PARTICIPANT_PROPERTIES.get(participant.role)
            if specific is None:
                raise KgError(
                    f"{self.where()}: event {event.key!r} has unknown participant role "
                    f"{participant.role!r}"
                )
            self.add(node, specific, entity)
            self.add(node, _KG.participant, entity)

        if event.location is not None:
            self.add(node, _KG.location, self.entity(event.location))
        if event.date is not None:
            self.add(node, _KG.date, ox.Literal(event.date.isoformat(), datatype=_XSD.date))
        if event.date_text:
            self.add(node, _KG.dateText, ox.Literal(event.date_text))
        if event.status:
            self.values(node, KG.status, event.status)
        if event.cameo:
            self.add(node, _KG.cameoCode, ox.Literal(event.cameo))
        self.add(node, _KG.confidence, _ox_confidence(event.confidence))

        if event.mediation_kind:
            self.values(node, KG.mediationKind, event.mediation_kind)
        if event.stated is not None:
            self.add(node, _KG.stated, ox.Literal(_BOOLEAN_TEXT[bool(event.stated)], datatype=_XSD.boolean))
        if event.reason:
            self.add(node, _KG.inferenceReason, ox.Literal(event.reason))
        if event.parties_unnamed:
            self.add(node, _KG.partiesUnnamed, ox.Literal(event.parties_unnamed))
        for key in event.concerns:
            self.add(node, _KG.concerns, self.event_node(key))
        if event.frame is not None:
            self.add(node, _KG.partiesFrom, self.frame_node(event.frame))
        if event.content:
            self.add(node, _KG.content, ox.Literal(event.content))
        if event.reported_by is not None:
            self.add(node, _KG.reportedBy, self.entity(event.reported_by))

        self.evidence(node, event.evidence)
        self.add(node, _KG.source, self.doc)

    def map_frame(self, frame: Frame) -> None:
        node = self.frame_node(frame.key)
        self.add(node, _RDF.type, _KG.DisputeFrame)
        names = ", ".join(self.entity_label(side) for side in frame.sides)
        self.label(node, _RDFS.label, f"{frame.kind}: {names}")
        for side in frame.sides:
            self.add(node, _KG.side, self.entity(side))
        self.add(node, _KG.frameKind, ox.Literal(frame.kind))
        self.add(node, _KG.frameConstruction, ox.Literal(frame.via))
        self.add(node, _KG.salience, _ox_confidence(frame.salience))  # a decimal of two places
        self.evidence(node, frame.evidence)
        self.add(node, _KG.source, self.doc)

    def map_all(self) -> DocumentTriples:
        self.map_document()
        self.map_countries()
        self.map_organizations()
        self.map_places()
        self.map_persons()
        for holding in self.records.roles:
            self.map_role(holding)
        event_keys = {e.key for e in self.records.events}
        frame_keys = {f.key for f in self.records.frames}
        for frame in self.records.frames:
            self.map_frame(frame)
        for event in self.records.events:
            missing = [k for k in event.concerns if k not in event_keys]
            if missing:
                raise KgError(f"{self.where()}: event {event.key!r} concerns unknown {missing}")
            if event.frame is not None and event.frame not in frame_keys:
                raise KgError(f"{self.where()}: event {event.key!r} takes its parties from unknown frame "
                              f"{event.frame!r}")
            self.map_event(event)
        self.map_unrecorded_countries()
        return DocumentTriples(self.doc_iri, tuple(self.quads))

    def map_unrecorded_countries(self) -> None:
        """Type countries that are referred to but have no record, so the graph stays whole.

        Country IRIs are global, so one referred to by code alone is still a known country;
        the document's graph must say so for the shapes' ``sh:class`` checks to hold.
        """
        recorded = {c.code.upper() for c in self.records.countries}
        for code in sorted(self.countries_used - recorded):
            node = ox.NamedNode(iris.country_iri(code, self.base))
            self.add(node, _RDF.type, _KG.Country)
            self.add(node, _KG.iso3166Alpha3, ox.Literal(code))
            self.name_key(node, code)


class DocumentTriples:
    """One document's quads (pyoxigraph's, in its graph), in the order they were made, named
    by the document IRI.

    Counts like an rdflib Graph and iterates its triples as pyoxigraph terms, which is all the
    writers and stores need; :meth:`to_graph` (and :func:`records_to_graph`) gives a real
    rdflib Graph for the Python API.
    """

    __slots__ = ("identifier", "quads")

    def __init__(self, identifier: URIRef, quads: tuple[ox.Quad, ...]):
        self.identifier = identifier
        self.quads = quads

    def __iter__(self) -> Iterator[tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, OxTerm]]:
        return ((q.subject, q.predicate, q.object) for q in self.quads)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.quads)

    def to_graph(self) -> Graph:
        graph = new_graph(self.identifier)
        graph.addN((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object), graph)
                   for quad in self.quads)
        return graph


def records_to_triples(records: DocumentRecords, settings: Settings) -> DocumentTriples:
    """The document's triples (the fast path for writing files and stores).

    Raises KgError when a record points at an entity the document does not hold (a
    person, organisation or place key with no record), since that triple would dangle.
    """
    return _DocumentMapper(records, settings).map_all()


def records_to_graph(records: DocumentRecords, settings: Settings) -> Graph:
    """The document's triples, in a graph whose identifier is the document IRI.

    Raises KgError when a record points at an entity the document does not hold (a
    person, organisation or place key with no record), since that triple would dangle.
    """
    return records_to_triples(records, settings).to_graph()


def records_to_dataset(records_iter: Iterable[DocumentRecords], settings: Settings, *,
                       default_union: bool = False) -> Dataset:
    """All documents in one rdflib Dataset, one named graph per document.

    A document seen twice keeps only its last graph, as in a store.  With ``default_union``
    the Dataset's default graph is the union of its graphs (triples, Turtle, SPARQL see all).
    """
    dataset = Dataset(default_union=default_union)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    for records in records_iter:
        graph = records_to_graph(records, settings)
        dataset.remove_graph(graph.identifier)
        target = dataset.graph(graph.identifier)
        target += graph
    return dataset
