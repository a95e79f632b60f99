"""Shortcut triples: facts a document's graph already states by a longer path, written once more
as one triple so the shipped questions read them with one index look-up.

- ``kg:documentId``: an event's or role holding's ``kg:source/dcterms:identifier``, the
  identifier of the one document it was extracted or imported from;
- ``kg:holdingOf``: a role holding's ``kg:ofCountry``, ``kg:inOrganization`` or
  ``kg:ofPerson``, whichever it has.

Both are stated in the same graph as what they shorten, and only from that graph's own triples,
so they stay true whatever else the store holds: replacing a document's graph replaces them,
and ``kg merge`` (which leaves documents' graphs as they are and maps their nodes to canonical
ones by ``kg:canonical``) changes nothing they say.  The mapping (:mod:`kg.rdf.mapping`) and the
GDELT import (:mod:`kg.sources.gdelt`) write them as they write the graph; :func:`add_shortcuts`
derives them with SPARQL for graphs written without them (an older kg, another tool), which
``kg load``, ``kg store upgrade`` and ``kg query`` over files do.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.vocab import KG

SHORTCUT_PROPERTIES = (str(KG.documentId), str(KG.holdingOf))
"""The shortcut properties' IRIs."""

FACT_CLASSES = (KG.Meeting, KG.Talks, KG.PhoneCall, KG.Visit, KG.Statement, KG.Mediation, KG.Event,
                KG.RoleHolding)
"""The classes whose nodes carry kg:documentId: the facts questions list by document."""

_PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

# Each graph on its own (GRAPH ?g): a shortcut says only what its own graph says.
_DERIVE = """
INSERT {{ GRAPH ?g {{ ?fact kg:documentId ?id }} }}
WHERE {{
  {values}
  GRAPH ?g {{ ?fact a ?class ; kg:source ?document . ?document dcterms:identifier ?id }}
  VALUES ?class {{ {classes} }}
}} ;
INSERT {{ GRAPH ?g {{ ?holding kg:holdingOf ?of }} }}
WHERE {{
  {values}
  GRAPH ?g {{ ?holding a kg:RoleHolding ; kg:ofCountry|kg:inOrganization|kg:ofPerson ?of }}
}}
"""

# A graph whose facts carry no kg:documentId: each document's identifier looked up among the
# objects of kg:documentId in its own graph (an index look-up per document), and only where it
# is missing, whether the graph holds a fact from that document.
_WITHOUT = """{prefixes}SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?document dcterms:identifier ?id }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?any kg:documentId ?id }} }}
  FILTER EXISTS {{ GRAPH ?g {{ ?fact kg:source ?document ; a ?class }} VALUES ?class {{ {classes} }} }}
}}"""

HAS_DOCUMENTS = f"{_PREFIXES}ASK {{ GRAPH ?g {{ ?fact kg:source ?document . ?document dcterms:identifier ?id }} }}"
HAS_SHORTCUTS = f"{_PREFIXES}ASK {{ GRAPH ?g {{ ?fact kg:documentId ?id }} }}"


def shortcuts_update(graphs: Iterable[str] | None = None) -> str:
    """SPARQL Update text adding the shortcuts of ``graphs`` (graph IRIs), or of every named
    graph; adding what is there already changes nothing."""
    values = ""
    if graphs is not None:
        names = " ".join(f"<{ox.NamedNode(name).value}>" for name in graphs)
        values = f"VALUES ?g {{ {names} }}"
    classes = " ".join(f"<{cls}>" for cls in FACT_CLASSES)
    return _PREFIXES + _DERIVE.format(values=values, classes=classes)


def add_shortcuts(store: ox.Store, graphs: Iterable[str | ox.NamedNode] | None = None) -> None:
    """Write the shortcuts of ``graphs`` (default: every named graph) into ``store``, each in
    the graph it is derived from."""
    names = None if graphs is None else sorted({g.value if isinstance(g, ox.NamedNode) else g for g in graphs})
    if names == []:
        return
    store.update(shortcuts_update(names))


def lacks_shortcuts(store: ox.Store) -> bool:
    """Whether the store holds documents' facts but no shortcut at all: written by a kg from
    before the shortcuts (two index look-ups)."""
    return bool(store.query(HAS_DOCUMENTS)) and not bool(store.query(HAS_SHORTCUTS))


def graphs_without_shortcuts(store: ox.Store) -> list[str]:
    """The named graphs whose document's facts carry no kg:documentId (written without the
    shortcuts), sorted."""
    text = _WITHOUT.format(prefixes=_PREFIXES, classes=" ".join(f"<{cls}>" for cls in FACT_CLASSES))
    return sorted(row["g"].value for row in store.query(text))  # type: ignore[index, union-attr]


def complete_shortcuts(store: ox.Store) -> int:
    """Add the shortcuts to every graph written without them; the number of such graphs."""
    graphs = graphs_without_shortcuts(store)
    add_shortcuts(store, graphs)
    return len(graphs)


SHORTCUTS_MISSING = ("the store was written before kg wrote shortcut triples (kg:documentId, "
                     "kg:holdingOf), which this question reads: add them once with "
                     "`kg upgrade --store DIR` (or `kg upgrade --endpoint URL` for a server)")
"""What a question that reads shortcuts says when the store has none."""


def uses_shortcuts(query_text: str) -> bool:
    """Whether a query reads a shortcut property (by ``kg:`` name or full IRI)."""
    return any(name in query_text for name in ("kg:documentId", "kg:holdingOf", *SHORTCUT_PROPERTIES))
