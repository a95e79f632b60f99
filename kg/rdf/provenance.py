"""PROV-O for one document's graph: which extraction made it, when, with what, from what.

The document's graph (named by the document IRI, a ``kg:Document``) ``prov:wasGeneratedBy``
one extraction (a ``kg:ExtractionRun``, a ``prov:Activity``), which ``prov:used`` the source
document (a ``kg:SourceDocument``: the text kg read, with its hash and URL; the identifier
stays on the document, where queries read it), ran from
``prov:startedAtTime`` to ``prov:endedAtTime``, ``prov:wasAssociatedWith`` kg and the
language model (``prov:SoftwareAgent``), and lists its parameters (``kg:parameter``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.rdf import iris
from kg.vocab import KG

Triple = tuple[URIRef, URIRef, URIRef | Literal]

SCHEMA = Namespace("https://schema.org/")


def provenance_triples(
    doc_id: str,
    *,
    base: str,
    software: str,
    model: str | None,
    text_hash: str | None = None,
    url: URIRef | None = None,
    started: datetime | None = None,
    ended: datetime | None = None,
    parameters: Mapping[str, str] | None = None,
    lang: str = "en",
) -> Iterator[Triple]:
    """The triples that say how the graph of document ``doc_id`` was made.

    ``software`` is kg's version, ``model`` the language model's name and version (None when
    no model was used, as for GDELT rows).  Times are written only when given.
    """
    doc = iris.document_iri(doc_id, base)
    source = iris.source_iri(doc_id, base)
    activity = iris.extraction_iri(doc_id, base)

    yield doc, PROV.wasGeneratedBy, activity
    yield doc, PROV.wasDerivedFrom, source

    yield source, RDF.type, KG.SourceDocument
    if text_hash is not None:
        yield source, KG.textHash, Literal(text_hash)
    if url is not None:
        yield source, SCHEMA.url, url

    yield activity, RDF.type, KG.ExtractionRun
    yield activity, PROV.used, source
    if started is not None:
        yield activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)
    if ended is not None:
        yield activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)
    for name, value in sorted((parameters or {}).items()):
        yield activity, KG.parameter, Literal(f"{name}={value}")

    kg_agent = iris.agent_iri(f"kg {software}", base)
    yield activity, PROV.wasAssociatedWith, kg_agent
    yield kg_agent, RDF.type, PROV.SoftwareAgent
    yield kg_agent, RDFS.label, Literal(f"kg {software}", lang=lang)
    yield kg_agent, KG.softwareVersion, Literal(software)
    if model:
        model_agent = iris.agent_iri(model, base)
        yield activity, PROV.wasAssociatedWith, model_agent
        yield model_agent, RDF.type, PROV.SoftwareAgent
        yield model_agent, RDFS.label, Literal(model, lang=lang)
        yield model_agent, KG.modelName, Literal(model)
