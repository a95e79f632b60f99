"""rdflib terms and pyoxigraph terms: each to the other, and vocabularies as pyoxigraph terms.

kg's mapping makes pyoxigraph terms (they are several times cheaper to make and serialise
than rdflib's); rdflib graphs are made from them only where a caller wants rdflib.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

_XSD_STRING = str(XSD.string)


@lru_cache(maxsize=1 << 12)  # bounded small: memory must not grow with the corpus
def to_oxigraph(term: Node) -> OxTerm:
    """The pyoxigraph term equal to an rdflib term (IRI, blank node or literal).

    >>> to_oxigraph(Literal("Oslo", lang="en"))
    <Literal value=Oslo language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"no pyoxigraph equivalent of {term!r}")


@lru_cache(maxsize=1 << 12)
def to_rdflib(term: OxTerm) -> URIRef | BNode | Literal:
    """The rdflib term equal to a pyoxigraph term (a plain string literal has no datatype in
    rdflib, as rdflib makes it).

    >>> to_rdflib(ox.Literal("3", datatype=ox.NamedNode(str(XSD.integer)))) == Literal(3)
    True
    >>> to_rdflib(ox.Literal("Oslo")) == Literal("Oslo")
    True
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"no rdflib equivalent of {term!r}")


class OxVocabulary:
    """A namespace's terms as pyoxigraph NamedNodes, each made on first use and then kept
    (as an attribute, so later uses cost an attribute look-up).  A name the namespace does
    not define fails as it does on the namespace (kg's vocabulary raises AttributeError).

    >>> from rdflib import RDFS
    >>> OxVocabulary(RDFS).label
    <NamedNode value=http://www.w3.org/2000/01/rdf-schema#label>
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, term)
        return term
