"""The links graph: canonical nodes, identity statements and the reasons for them, as quads.

Everything the merge writes goes into one named graph, ``{base}graph/links``, which can be
dropped and recomputed from the documents' graphs at any time.  Every subject written there
carries a ``kg:mergeKey``: the block that owns it, so recomputing a block replaces exactly
its own triples.

The nodes' IRIs (links graph, canonical nodes, identity links) come from kg.rdf.iris,
like every IRI kg writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF, SKOS, XSD

from kg.rdf.iris import link_iri
from kg.vocab import KG

SAME_AS = ox.NamedNode(str(OWL.sameAs))
CLOSE_MATCH = ox.NamedNode(str(SKOS.closeMatch))
RDF_SUBJECT = ox.NamedNode(str(RDF.subject))
RDF_PREDICATE = ox.NamedNode(str(RDF.predicate))
RDF_OBJECT = ox.NamedNode(str(RDF.object))
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
MERGE_KEY = ox.NamedNode(str(KG.mergeKey))
CANONICAL = ox.NamedNode(str(KG.canonical))
TYPE = ox.NamedNode(str(RDF.type))
IDENTITY_LINK = ox.NamedNode(str(KG.IdentityLink))
MATCH_RULE = ox.NamedNode(str(KG.matchRule))
MATCH_EVIDENCE = ox.NamedNode(str(KG.matchEvidence))
CONFIDENCE = ox.NamedNode(str(KG.confidence))
_TWO_PLACES = Decimal("0.01")


def decimal_literal(value: float) -> ox.Literal:
    """A confidence as an xsd:decimal with two places (kg's convention)."""
    rounded = Decimal(repr(float(value))).quantize(_TWO_PLACES, rounding=ROUND_HALF_UP)
    rounded = min(max(rounded, Decimal("0.00")), Decimal("1.00"))
    return ox.Literal(str(rounded), datatype=XSD_DECIMAL)


@dataclass(frozen=True, slots=True)
class Edge:
    """Why two nodes (or groups of nodes) may be one: a score, the rule, the evidence."""

    score: float
    rule: str
    evidence: tuple[str, ...]


@dataclass(slots=True)
class BlockWriter:
    """Collects the links-graph quads of one block."""

    base: str
    graph: ox.NamedNode
    key: str
    quads: set[ox.Quad] = field(default_factory=set)
    keyed: set[str] = field(default_factory=set)
    _nodes: dict[str, ox.NamedNode] = field(default_factory=dict)
    _key: ox.Literal | None = None

    def node(self, iri: str) -> ox.NamedNode:
        found = self._nodes.get(iri)
        if found is None:
            found = self._nodes[iri] = ox.NamedNode(iri)
        return found

    def add(self, s: str, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | str) -> None:
        subject = self.node(s)
        obj = self.node(o) if isinstance(o, str) else o
        self.quads.add(ox.Quad(subject, p, obj, self.graph))
        if s not in self.keyed:
            self.own(s)

    def own(self, node: str) -> None:
        """File ``node`` under this block (its merge key), with nothing else."""
        if node not in self.keyed:
            self.keyed.add(node)
            if self._key is None:
                self._key = ox.Literal(self.key)
            self.quads.add(ox.Quad(self.node(node), MERGE_KEY, self._key, self.graph))

    def identity(self, member: str, target: str, edge: Edge, *, sure: bool) -> None:
        """Assert ``member owl:sameAs target`` (sure) or ``skos:closeMatch`` and its reasons."""
        relation = SAME_AS if sure else CLOSE_MATCH
        self.add(member, relation, target)
        if sure:
            self.add(member, CANONICAL, target)
        node = link_iri(self.base, relation.value, member, target)
        self.add(node, TYPE, IDENTITY_LINK)
        self.add(node, RDF_SUBJECT, member)
        self.add(node, RDF_PREDICATE, relation)
        self.add(node, RDF_OBJECT, target)
        self.add(node, MATCH_RULE, ox.Literal(edge.rule))
        for text in edge.evidence:
            self.add(node, MATCH_EVIDENCE, ox.Literal(text))
        self.add(node, CONFIDENCE, decimal_literal(edge.score))
