"""JSON-LD in compact form: a ``@context`` made from the ontology, applied by pyld.

Every kg class and property is a term (``"Person"``, ``"mediator"``); object properties are
typed ``@id`` so their values are plain IRIs, data properties carry their ``rdfs:range`` so
their values are plain strings and numbers; the ontology's prefixes and those of kg's own
IRIs make the remaining IRIs short (``"person:…"``).  Expanding the output with any JSON-LD
processor (pyld, rdflib, pyoxigraph) gives back exactly the triples written.  pyld's
``from_rdf`` sorts graphs and subjects, so equal data gives equal bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import OWL, RDFS, XSD, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import KgError
from kg.rdf.iris import prefixes as iri_prefixes
from kg.rdf.mapping import PREFIXES, SCHEMA
from kg.settings import DEFAULT_BASE_IRI

# Terms from other vocabularies that kg writes, by the name they take in the context.
_OTHER_TERMS: dict[str, tuple[URIRef, str | None]] = {
    "label": (RDFS.label, None),
    "altLabel": (SKOS.altLabel, None),
    "prefLabel": (SKOS.prefLabel, None),
    "notation": (SKOS.notation, None),
    "identifier": (DCTERMS.identifier, None),
    "title": (DCTERMS.title, None),
    "issued": (DCTERMS.issued, "xsd:date"),
    "url": (SCHEMA.url, "@id"),
    "wasGeneratedBy": (PROV.wasGeneratedBy, "@id"),
    "wasDerivedFrom": (PROV.wasDerivedFrom, "@id"),
    "wasAssociatedWith": (PROV.wasAssociatedWith, "@id"),
    "used": (PROV.used, "@id"),
    "startedAtTime": (PROV.startedAtTime, "xsd:dateTime"),
    "endedAtTime": (PROV.endedAtTime, "xsd:dateTime"),
    "inScheme": (SKOS.inScheme, "@id"),
    "sameAs": (OWL.sameAs, "@id"),
    "closeMatch": (SKOS.closeMatch, "@id"),
}


def _short(iri: URIRef) -> str:
    """``iri`` as prefix:name under one of kg's prefixes (unchanged if none fits)."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return str(iri)


@lru_cache(maxsize=8)
def _context_json(base_iri: str) -> str:
    from kg.rdf.ontology import declared_terms, load_ontology_graph

    ontology = load_ontology_graph(include_alignments=False)
    namespace = str(next(iter(PREFIXES.values())))
    context: dict[str, Any] = {"id": "@id", "type": "@type"}
    context.update(PREFIXES)
    context.update(iri_prefixes(base_iri))
    for name, kind in sorted(declared_terms(ontology).items()):
        term = URIRef(namespace + name)
        if kind == OWL.ObjectProperty:
            context[name] = {"@id": f"kg:{name}", "@type": "@id"}
        elif kind == OWL.DatatypeProperty:
            # kg:date has no OWL range (HermiT rejects xsd:date); shapes.ttl makes it xsd:date.
            datatype = XSD.date if name == "date" else ontology.value(term, RDFS.range)
            context[name] = {"@id": f"kg:{name}"}
            if isinstance(datatype, URIRef) and datatype != XSD.string:
                context[name]["@type"] = _short(datatype)
        else:
            context[name] = f"kg:{name}"
    for name, (iri, coerce) in _OTHER_TERMS.items():
        context[name] = {"@id": _short(iri)} | ({"@type": coerce} if coerce else {})
    # A prefix that is also a term stops compacting IRIs (pyld prefers the term).
    clashes = sorted(n for n in iri_prefixes(base_iri) if not isinstance(context[n], str))
    if clashes:
        raise KgError(f"JSON-LD context: prefix(es) {', '.join(clashes)} also name(s) a term")
    return json.dumps(context)


def jsonld_context(base_iri: str = DEFAULT_BASE_IRI) -> dict[str, Any]:
    """The ``@context`` of kg's JSON-LD output (a fresh copy each call).

    >>> context = jsonld_context()
    >>> context["mediator"], context["confidence"]["@type"], context["person"]
    ({'@id': 'kg:mediator', '@type': '@id'}, 'xsd:decimal', 'https://w3id.org/kg-news/id/person/')
    """
    result: dict[str, Any] = json.loads(_context_json(base_iri))
    return result


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, str]:
    """A pyoxigraph term in pyld's RDF dataset form (what pyld's own N-Quads parser gives)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "IRI", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "blank node", "value": f"_:{term.value}"}
    if isinstance(term, ox.Triple):
        raise KgError("JSON-LD 1.1 has no RDF 1.2 triple terms")
    node = {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    if term.language:
        node["language"] = term.language
    return node


def compact_jsonld(quads: Iterable[ox.Quad], *, base_iri: str = DEFAULT_BASE_IRI) -> bytes:
    """Quads as compact JSON-LD under kg's context (named graphs stay named graphs)."""
    from pyld import jsonld

    # Handed to pyld as an RDF dataset: pyld's N-Quads parser drops \uXXXX escapes.
    dataset: dict[str, list[dict[str, dict[str, str]]]] = {"@default": []}
    for quad in quads:
        name = quad.graph_name
        key = "@default" if isinstance(name, ox.DefaultGraph) else _term(name)["value"]
        dataset.setdefault(key, []).append(
            {"subject": _term(quad.subject), "predicate": _term(quad.predicate), "object": _term(quad.object)})
    expanded = jsonld.from_rdf(dataset, {})
    compacted = jsonld.compact(expanded, jsonld_context(base_iri))
    return (json.dumps(compacted, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
