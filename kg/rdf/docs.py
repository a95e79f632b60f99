"""The ontology as one file with its alignments, and its HTML documentation (by pyLODE).

``kg ontology docs -o DIR`` writes ``DIR/index.html`` (pyLODE's OntPub profile) and
``DIR/kg.ttl``: kg's terms with their alignments to SEM, W3C ORG, schema.org, FOAF, PROV-O
and Dublin Core as one ontology, the same axioms ``kg ontology check`` reasons over.  Loaded
beside kg's graphs, it lets a query climb ``rdfs:subClassOf*`` from kg's classes to theirs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.errors import KgError
from kg.rdf.ontology import ALIGNMENTS_FILE, load_ontology_graph
from kg.rdf.serialize import write_atomically
from kg.vocab import ONTOLOGY_IRI

log = logging.getLogger(__name__)

ALIGNMENTS_IRI = "https://w3id.org/kg-news/ontology/alignments"
DOCS_PAGE = "index.html"
ONTOLOGY_OUT = "kg.ttl"


def merged_ontology() -> Graph:
    """kg.ttl and alignments.ttl as one ontology: the alignments' own header is dropped, and
    kg's ontology says where its alignments came from (``rdfs:seeAlso``)."""
    graph = load_ontology_graph(include_alignments=True)
    alignments = URIRef(ALIGNMENTS_IRI)
    if (alignments, RDF.type, OWL.Ontology) not in graph:
        raise KgError(f"{ALIGNMENTS_FILE}: no owl:Ontology {ALIGNMENTS_IRI}")
    graph.remove((alignments, None, None))
    graph.add((URIRef(ONTOLOGY_IRI), RDFS.seeAlso, alignments))
    return graph


def write_ontology_docs(directory: str | os.PathLike[str]) -> list[Path]:
    """Write the HTML documentation and the merged ontology into ``directory`` (made if
    missing); returns the files written."""
    try:
        from pylode import OntPub
    except ImportError:
        raise KgError("the ontology's documentation is made by pyLODE: pip install 'kg-news[docs]'") from None

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    graph = merged_ontology()
    turtle = graph.serialize(format="longturtle")
    # pyLODE reads every skos:ConceptScheme as an ontology header (its title, its metadata):
    # the page is made without the value lists' scheme typing, which kg.ttl keeps.
    page = Graph() + graph
    page.remove((None, RDF.type, SKOS.ConceptScheme))
    html = OntPub(ontology=page).make_html()
    written = []
    for name, data in ((ONTOLOGY_OUT, turtle), (DOCS_PAGE, html)):
        path = folder / name
        write_atomically(path, data.encode("utf-8"))
        written.append(path)
    log.info("ontology documentation written to %s", folder)
    return written
