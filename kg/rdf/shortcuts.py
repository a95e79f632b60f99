"""Shortcut triples: facts a document's graph already states by a longer path, written once more
as one triple so the shipped questions read them with one index look-up.

- ``kg:holdingOf``: a role holding's ``kg:ofCountry``, ``kg:inOrganization`` or
  ``kg:ofPerson``, whichever it has (``role-holders`` reads it: one look-up a holding where the
  alternative path takes three).

A shortcut is stated in the same graph as what it shortens, and only from that graph's own
triples, so it stays true whatever else the store holds: replacing a document's graph replaces
it, and ``kg merge`` (which leaves documents' graphs as they are and maps their nodes to
canonical ones by ``kg:canonical``) changes nothing it says.  The mapping (:mod:`kg.rdf.mapping`)
and the GDELT import (:mod:`kg.sources.gdelt`) write it as they write the graph;
:func:`add_shortcuts` derives it with SPARQL for graphs written without it (an older kg, another
tool), which ``kg load``, ``kg merge``, ``kg extract --store`` (for the store's older graphs),
``kg upgrade`` and ``kg query`` over files do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox

from kg.vocab import KG

SHORTCUT_PROPERTIES = (str(KG.holdingOf),)
"""The shortcut properties' IRIs."""

_PREFIXES = f"PREFIX kg: <{KG}>\n"

# Each graph on its own (GRAPH ?g): a shortcut says only what its own graph says.
_DERIVE = """
INSERT {{ GRAPH ?g {{ ?holding kg:holdingOf ?of }} }}
WHERE {{
  {values}
  GRAPH ?g {{ ?holding kg:role ?role ; kg:ofCountry|kg:inOrganization|kg:ofPerson ?of }}
}}
"""

# A graph with a holding whose role is of something but has no kg:holdingOf beside it (a
# look-up per holding).
_WITHOUT = f"""{_PREFIXES}SELECT DISTINCT ?g WHERE {{
  GRAPH ?g {{ ?holding kg:role ?role ; kg:ofCountry|kg:inOrganization|kg:ofPerson ?of }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?holding kg:holdingOf ?of }} }}
}}"""

HAS_LONG_PATHS = f"{_PREFIXES}ASK {{ ?holding kg:role ?role ; kg:ofCountry|kg:inOrganization|kg:ofPerson ?of }}"
"""Whether a store holds what a shortcut stands for (a role holding of something)."""
HAS_SHORTCUTS = f"{_PREFIXES}ASK {{ ?holding kg:holdingOf ?of }}"
"""Whether a store holds any shortcut."""

SHORTCUTS_MISSING = ("the store was written before kg wrote the shortcut triple kg:holdingOf, which "
                     "this question reads: add it once with `kg upgrade --store DIR` (or `kg upgrade "
                     "--endpoint URL` for a server)")
"""What a question that reads shortcuts says when the store has none."""


def shortcuts_update(graphs: Iterable[str] | None = None) -> str:
    """SPARQL Update text adding the shortcuts of ``graphs`` (graph IRIs), or of every named
    graph; adding what is there already changes nothing."""
    values = ""
    if graphs is not None:
        names = " ".join(f"<{ox.NamedNode(name).value}>" for name in graphs)
        values = f"VALUES ?g {{ {names} }}"
    return _PREFIXES + _DERIVE.format(values=values)


def add_shortcuts(store: ox.Store, graphs: Iterable[str | ox.NamedNode] | None = None) -> None:
    """Write the shortcuts of ``graphs`` (default: every named graph) into ``store``, each in
    the graph it is derived from."""
    names = None if graphs is None else sorted({g.value if isinstance(g, ox.NamedNode) else g for g in graphs})
    if names == []:
        return
    store.update(shortcuts_update(names))


def shortcuts_missing(ask: Callable[[str], bool]) -> bool:
    """Whether data holds what a shortcut stands for but no shortcut at all (written by a kg
    from before the shortcuts), by two ASK queries through ``ask`` (a store's or a server's)."""
    return ask(HAS_LONG_PATHS) and not ask(HAS_SHORTCUTS)


def lacks_shortcuts(store: ox.Store) -> bool:
    """:func:`shortcuts_missing` for a pyoxigraph store (two index look-ups)."""
    return shortcuts_missing(lambda text: bool(store.query(text, use_default_graph_as_union=True)))


def graphs_without_shortcuts(store: ox.Store) -> list[str]:
    """The named graphs missing a shortcut (written without them), sorted."""
    return sorted(row["g"].value for row in store.query(_WITHOUT))  # type: ignore[union-attr]


def complete_shortcuts(store: ox.Store) -> int:
    """Add the shortcuts to every graph written without them; the number of such graphs."""
    graphs = graphs_without_shortcuts(store)
    add_shortcuts(store, graphs)
    return len(graphs)


def uses_shortcuts(query_text: str) -> bool:
    """Whether a query reads a shortcut property (by ``kg:`` name or full IRI)."""
    return any(name in query_text for name in ("kg:holdingOf", *SHORTCUT_PROPERTIES))
