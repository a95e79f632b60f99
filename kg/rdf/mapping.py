"""Records of one document -> one rdflib graph named by the document IRI.

The mapping is the one in ``docs/ARCHITECTURE.md``: no blank nodes, labels in the run's
language, dates as ``xsd:date``, confidences as ``xsd:decimal`` with two places, and every
participant linked by its specific property *and* by ``kg:participant`` so queries need
no reasoner.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

import kg
from kg.errors import KgError
from kg.rdf import iris
from kg.rdf.provenance import provenance_triples
from kg.records import (
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Frame,
    Organization,
    Place,
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


class _DocumentMapper:
    """Holds one document's lookups while its triples are written."""

    def __init__(self, records: DocumentRecords, settings: Settings) -> None:
        self.records = records
        self.settings = settings
        self.base = settings.base_iri
        self.lang = settings.language
        self.doc_id = records.article.id
        self.doc = iris.document_iri(self.doc_id, self.base)
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
        self.mentions: dict[tuple[int, int], URIRef] = {}
        self.countries_used: set[str] = set()
        # Triples in the order they are made (a dict keeps one of each): a plain list is
        # far cheaper to build than an rdflib Graph, and the writer needs nothing more.
        self.triples: dict[tuple[URIRef, URIRef, URIRef | Literal], None] = {}

    # -- small helpers -------------------------------------------------------------------

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples[s, p, o] = None

    def values(self, node: URIRef, predicate: URIRef, value: str) -> None:
        try:
            for triple in value_triples(node, predicate, value):
                self.add(*triple)
        except KgError as error:
            raise KgError(f"{self.where()}: {error}") from None

    def label(self, node: URIRef, predicate: URIRef, text: str) -> None:
        """A name of an actor, place or role, with its key for look-ups by name."""
        self.add(node, predicate, Literal(text, lang=self.lang))
        self.name_key(node, text)

    def name_key(self, node: URIRef, text: str) -> None:
        self.add(node, KG.nameKey, Literal(iris.name_key(text)))

    def where(self) -> str:
        return f"document {self.doc_id!r}"

    def country(self, code: str) -> URIRef:
        try:
            node = iris.country_iri(code, self.base)
        except ValueError as error:
            raise KgError(f"{self.where()}: {error}") from None
        self.countries_used.add(code.upper())
        return node

    def org(self, key: str) -> URIRef:
        org = self.orgs.get(key)
        if org is None:
            raise KgError(f"{self.where()}: no organization record with key {key!r}")
        return iris.org_iri(self.doc_id, key, org.wikidata is not None, self.base)

    def person(self, key: str) -> URIRef:
        if key not in self.person_keys:
            raise KgError(f"{self.where()}: no person record with key {key!r}")
        return iris.person_iri(self.doc_id, key, self.base)

    def place(self, key: str) -> URIRef:
        if key not in self.place_keys:
            raise KgError(f"{self.where()}: no place record with key {key!r}")
        return self.place_node(self.place_keys[key])

    def place_node(self, place: Place) -> URIRef:
        return iris.place_iri(place.key, self.base, name=place.name, country=place.country)

    def entity(self, ref: EntityRef) -> URIRef:
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

    def wikidata(self, node: URIRef, qid: str | None) -> None:
        if qid is None:
            return
        try:
            self.add(node, KG.wikidata, iris.wikidata_iri(qid))
        except ValueError as error:
            raise KgError(f"{self.where()}: {error}") from None

    def mention(self, evidence: Evidence) -> URIRef:
        """The mention node of a span, written once per distinct (begin, end)."""
        span = (evidence.begin, evidence.end)
        node = self.mentions.get(span)
        if node is not None:
            return node
        node = iris.mention_iri(self.doc_id, evidence.begin, evidence.end, self.base)
        self.mentions[span] = node
        self.add(node, RDF.type, KG.Mention)
        self.add(node, KG.source, self.doc)
        self.add(node, KG.begin, Literal(evidence.begin, datatype=XSD.integer))
        self.add(node, KG.end, Literal(evidence.end, datatype=XSD.integer))
        self.add(node, KG.quote, Literal(evidence.text))
        self.add(node, KG.sentence, Literal(evidence.sentence))
        return node

    def evidence(self, node: URIRef, spans: Iterable[Evidence]) -> None:
        for span in spans:
            self.add(node, KG.evidence, self.mention(span))

    # -- one method per record kind ------------------------------------------------------

    def map_document(self) -> None:
        article = self.records.article
        self.add(self.doc, RDF.type, KG.Document)
        self.add(self.doc, DCTERMS.identifier, Literal(article.id))
        if article.title:
            self.add(self.doc, DCTERMS.title, Literal(article.title))
        if article.published is not None:
            self.add(self.doc, DCTERMS.issued, Literal(article.published, datatype=XSD.date))
        if article.url:
            url = iris.url_iri(article.url)
            if url is None:
                log.warning("%s: url %r is not absolute; left out", self.where(), article.url)
            else:
                self.add(self.doc, SCHEMA.url, url)
        digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        timed = self.settings.timestamps
        for triple in provenance_triples(
            self.doc_id, base=self.base, software=kg.__version__, model=self.records.model or None,
            text_hash=digest, url=iris.url_iri(article.url) if article.url else None,
            started=self.records.started if timed else None, ended=self.records.ended if timed else None,
            parameters={"baseIri": self.base, "language": self.lang}, lang=self.lang,
        ):
            self.add(*triple)

    def map_persons(self) -> None:
        for person in self.records.persons:
            node = iris.person_iri(self.doc_id, person.key, self.base)
            self.add(node, RDF.type, KG.Person)
            self.label(node, RDFS.label, person.label)
            for alias in person.aliases:
                if alias != person.label:
                    self.label(node, SKOS.altLabel, alias)
            if person.country:
                self.add(node, KG.actsFor, self.country(person.country))
            if person.organization:
                self.add(node, KG.actsFor, self.org(person.organization))
            self.evidence(node, person.mentions)
            self.add(node, KG.source, self.doc)

    def map_countries(self) -> None:
        for country in self.records.countries:
            node = self.country(country.code)
            self.add(node, RDF.type, KG.Country)
            self.label(node, RDFS.label, country.name)
            self.add(node, KG.iso3166Alpha2, Literal(country.alpha2.upper()))
            self.add(node, KG.iso3166Alpha3, Literal(country.code.upper()))
            self.name_key(node, country.alpha2)
            self.name_key(node, country.code)
            self.wikidata(node, country.wikidata)
            self.evidence(node, country.mentions)

    def map_organizations(self) -> None:
        for org in self.records.organizations:
            node = self.org(org.key)
            self.add(node, RDF.type, KG.Organization)
            subclass = ORG_CLASSES.get(org.kind)
            if subclass is not None:
                self.add(node, RDF.type, subclass)
            self.label(node, RDFS.label, org.name)
            for alias in org.aliases:
                if alias != org.name:
                    self.label(node, SKOS.altLabel, alias)
            if org.country:
                self.add(node, KG.ofCountry, self.country(org.country))
            self.wikidata(node, org.wikidata)
            self.evidence(node, org.mentions)

    def map_places(self) -> None:
        for place in self.records.places:
            node = self.place_node(place)
            self.add(node, RDF.type, KG.Place)
            self.label(node, RDFS.label, place.name)
            if place.country:
                self.add(node, KG.locatedIn, self.country(place.country))
            self.evidence(node, place.mentions)

    def map_role(self, holding: RoleHolding) -> None:
        role = iris.role_iri(holding.title, self.base)
        self.add(role, RDF.type, KG.Role)
        self.label(role, RDFS.label, holding.title)

        if holding.of_country:
            of_key, of_node, of_property = (
                f"country:{holding.of_country.upper()}",
                self.country(holding.of_country),
                KG.ofCountry,
            )
        elif holding.of_organization:
            of_key, of_node, of_property = (
                f"organization:{holding.of_organization}",
                self.org(holding.of_organization),
                KG.inOrganization,
            )
        elif holding.of_person:
            of_key, of_node, of_property = (
                f"person:{holding.of_person}",
                self.person(holding.of_person),
                KG.ofPerson,
            )
        else:
            of_key, of_node, of_property = None, None, None

        node = iris.role_holding_iri(
            self.doc_id, holding.person, holding.title, of_key, holding.qualifier, self.base
        )
        self.add(node, RDF.type, KG.RoleHolding)
        self.add(node, KG.heldBy, self.person(holding.person))
        self.add(node, KG.role, role)
        if of_node is not None and of_property is not None:
            self.add(node, of_property, of_node)
        self.values(node, KG.qualifier, holding.qualifier)
        self.add(node, KG.confidence, confidence_literal(holding.confidence))
        self.evidence(node, (holding.evidence,))
        self.add(node, KG.source, self.doc)

    def map_event(self, event: Event) -> None:
        node = iris.event_iri(self.doc_id, event.key, self.base)
        event_class = EVENT_CLASSES.get(event.kind)
        if event_class is None:
            raise KgError(f"{self.where()}: event {event.key!r} has unknown kind {event.kind!r}")
        self.add(node, RDF.type, event_class)

        names = ", ".join(self.entity_label(p.entity) for p in event.participants)
        kind_text = event.kind.replace("_", " ")
        # An event's label describes it; it is no name to look it up by (no kg:nameKey).
        self.add(node, RDFS.label, Literal(f"{kind_text}: {names}" if names else kind_text, lang=self.lang))

        for participant in event.participants:
            entity = self.entity(participant.entity)
            specific = PARTICIPANT_PROPERTIES.get(participant.role)
            if specific is None:
                raise KgError(
                    f"{self.where()}: event {event.key!r} has unknown participant role "
                    f"{participant.role!r}"
                )
            self.add(node, specific, entity)
            self.add(node, KG.participant, entity)

        if event.location is not None:
            self.add(node, KG.location, self.entity(event.location))
        if event.date is not None:
            self.add(node, KG.date, Literal(event.date, datatype=XSD.date))
        if event.date_text:
            self.add(node, KG.dateText, Literal(event.date_text))
        if event.status:
            self.values(node, KG.status, event.status)
        if event.cameo:
            self.add(node, KG.cameoCode, Literal(event.cameo))
        self.add(node, KG.confidence, confidence_literal(event.confidence))

        if event.mediation_kind:
            self.values(node, KG.mediationKind, event.mediation_kind)
        if event.stated is not None:
            self.add(node, KG.stated, Literal(event.stated))
        if event.reason:
            self.add(node, KG.inferenceReason, Literal(event.reason))
        if event.parties_unnamed:
            self.add(node, KG.partiesUnnamed, Literal(event.parties_unnamed))
        for key in event.concerns:
            self.add(node, KG.concerns, iris.event_iri(self.doc_id, key, self.base))
        if event.frame is not None:
            self.add(node, KG.partiesFrom, iris.frame_iri(self.doc_id, event.frame, self.base))
        if event.content:
            self.add(node, KG.content, Literal(event.content))
        if event.reported_by is not None:
            self.add(node, KG.reportedBy, self.entity(event.reported_by))

        self.evidence(node, event.evidence)
        self.add(node, KG.source, self.doc)

    def map_frame(self, frame: Frame) -> None:
        node = iris.frame_iri(self.doc_id, frame.key, self.base)
        self.add(node, RDF.type, KG.DisputeFrame)
        names = ", ".join(self.entity_label(side) for side in frame.sides)
        self.label(node, RDFS.label, f"{frame.kind}: {names}")
        for side in frame.sides:
            self.add(node, KG.side, self.entity(side))
        self.add(node, KG.frameKind, Literal(frame.kind))
        self.add(node, KG.frameConstruction, Literal(frame.via))
        self.add(node, KG.salience, confidence_literal(frame.salience))  # a decimal of two places
        self.evidence(node, frame.evidence)
        self.add(node, KG.source, self.doc)

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
        return DocumentTriples(self.doc, tuple(self.triples))

    def map_unrecorded_countries(self) -> None:
        """Type countries that are referred to but have no record, so the graph stays whole.

        Country IRIs are global, so one referred to by code alone is still a known country;
        the document's graph must say so for the shapes' ``sh:class`` checks to hold.
        """
        recorded = {c.code.upper() for c in self.records.countries}
        for code in sorted(self.countries_used - recorded):
            node = iris.country_iri(code, self.base)
            self.add(node, RDF.type, KG.Country)
            self.add(node, KG.iso3166Alpha3, Literal(code))
            self.name_key(node, code)


class DocumentTriples:
    """One document's triples, in the order they were made, named by the document IRI.

    Iterates and counts like an rdflib Graph, which is all the writers and stores need;
    :func:`records_to_graph` gives a real Graph for the Python API.
    """

    __slots__ = ("identifier", "triples")

    def __init__(self, identifier: URIRef, triples: tuple[tuple[URIRef, URIRef, URIRef | Literal], ...]):
        self.identifier = identifier
        self.triples = triples

    def __iter__(self) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def to_graph(self) -> Graph:
        graph = new_graph(self.identifier)
        for triple in self.triples:
            graph.add(triple)
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
