"""What a store holds, in counts: documents, people, countries, events by type, mediations...

Every count is a SPARQL query over the union default graph, so it works the same on the
embedded store and on any SPARQL 1.1 server; a server's own graphs (Virtuoso keeps some)
are left out of the graph and triple counts, which cover only graphs holding a
``kg:Document``.  Counts only, in a fixed order: the same store always prints the same.
"""

from __future__ import annotations

from typing import Protocol

from kg.store.queries import QueryResult

KG = "https://w3id.org/kg-news/ontology/kg#"
_PREFIX = f"PREFIX kg: <{KG}>\n"

CLASSES: dict[str, str] = {
    "documents": "Document",
    "people": "Person",
    "countries": "Country",
    "organisations": "Organization",
    "places": "Place",
    "roles": "Role",
    "role_holdings": "RoleHolding",
}
"""Top-level counts: distinct nodes of each kg class."""

EVENT_TYPES: dict[str, str] = {
    "meeting": "Meeting",
    "talks": "Talks",
    "phone_call": "PhoneCall",
    "visit": "Visit",
    "statement": "Statement",
    "mediation": "Mediation",
}
"""Event counts by type (the names ``kg query`` uses for ``eventType``)."""


class _Queryable(Protocol):
    def query(self, text: str) -> QueryResult: ...


def _counts_by(store: _Queryable, names: dict[str, str]) -> dict[str, int]:
    values = " ".join(f"kg:{local}" for local in names.values())
    result = store.query(
        _PREFIX + "SELECT ?class (COUNT(DISTINCT ?node) AS ?n) WHERE {\n"
        f"  VALUES ?class {{ {values} }}\n  ?node a ?class .\n}} GROUP BY ?class"
    )
    found = {row["class"]: _int(row["n"]) for row in result.rows}
    return {key: found.get(KG + local, 0) for key, local in names.items()}


def _int(value: str | None) -> int:
    return int(float(value)) if value else 0


def store_stats(store: _Queryable) -> dict[str, object]:
    """Counts of what the store holds (an EmbeddedStore, a RemoteStore or anything with
    ``query(text) -> QueryResult`` over the union of graphs).

    ``mediations`` splits mediations into ``stated`` (said in the text) and ``inferred``;
    ``graphs`` and ``triples`` count the graphs holding kg documents and their triples.
    """
    classes = _counts_by(store, CLASSES)
    events = _counts_by(store, EVENT_TYPES)
    stated = store.query(
        _PREFIX + "SELECT ?stated (COUNT(DISTINCT ?m) AS ?n) WHERE {\n"
        "  ?m a kg:Mediation ; kg:stated ?stated .\n} GROUP BY ?stated"
    )
    mediations = {"stated": 0, "inferred": 0}
    for row in stated.rows:
        # Some servers (Virtuoso) hand booleans back as 1 and 0.
        key = "stated" if str(row["stated"]).lower() in ("true", "1") else "inferred"
        mediations[key] += _int(row["n"])
    sizes = store.query(
        _PREFIX + "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?triples) WHERE {\n"
        "  { SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } } }\n"
        "  GRAPH ?g { ?s ?p ?o }\n}"
    ).rows[0]
    return {
        "documents": classes["documents"],
        "graphs": _int(sizes["graphs"]),
        "triples": _int(sizes["triples"]),
        "people": classes["people"],
        "countries": classes["countries"],
        "organisations": classes["organisations"],
        "places": classes["places"],
        "roles": classes["roles"],
        "role_holdings": classes["role_holdings"],
        "events": events,
        "mediations": mediations,
    }


def format_stats(stats: dict[str, object]) -> str:
    """The counts as aligned ``name: value`` lines, nested counts indented.

    >>> print(format_stats({"documents": 2, "events": {"meeting": 1, "talks": 0}}), end="")
    documents 2
    events
      meeting 1
      talks   0
    """
    lines: list[str] = []
    width = max(
        [len(k) for k in stats] + [len(k) + 2 for v in stats.values() if isinstance(v, dict) for k in v]
    )
    for key, value in stats.items():
        if isinstance(value, dict):
            lines.append(key)
            lines += [f"  {k:<{width - 2}} {v}" for k, v in value.items()]
        else:
            lines.append(f"{key:<{width}} {value}")
    return "\n".join(lines) + "\n"
