"""The SPARQL 1.1 Protocol over kg's store: read-only, with a deadline and a row cap.

The default graph is the union of the documents' graphs (as in ``kg query``), unless the
request names ``default-graph-uri``/``named-graph-uri``.  Updates are refused: the store is
opened read-only, and a request that is (or parses as) an update is answered 403 before
anything runs.  Results are serialised by pyoxigraph in the format the client accepts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import pyoxigraph as ox

from kg.errors import KgError
from kg.store.queries import QueryResult, ResultTerm, format_rows, is_update
from kg.web.runner import Deadline

T = TypeVar("T")

RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
"""Media types for SELECT and ASK answers, the first the default."""

GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
"""Media types for CONSTRUCT and DESCRIBE answers, the first the default."""

FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml",
}
"""Short names for the ``format`` request parameter (a convenience for browsers and curl)."""

_CHECK_EVERY = 1000


class ProtocolError(KgError):
    """A request the endpoint refuses, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Answer:
    """What a query gave: solutions, a boolean or triples; ``capped`` when rows were cut."""

    kind: str  # "solutions", "boolean" or "triples"
    variables: list[str] = field(default_factory=list)
    solutions: list[dict[str, ResultTerm | None]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)
    capped: bool = False


def refuse_updates(text: str) -> None:
    """Raise 403 when ``text`` is a SPARQL update (it is then not run at all)."""
    if is_update(text):  # otherwise the query's own syntax error, if any, stands
        raise ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")


def graph_nodes(iris: list[str], parameter: str) -> list[ox.NamedNode]:
    """The named nodes of a protocol graph parameter, each an absolute IRI."""
    nodes = []
    for iri in iris:
        try:
            nodes.append(ox.NamedNode(iri))
        except ValueError:
            raise ProtocolError(400, f"{parameter}: {iri!r} is not an IRI") from None
    return nodes


def execute(store: ox.Store, deadline: Deadline, text: str, *, max_rows: int,
            default_graphs: list[ox.NamedNode] | None = None,
            named_graphs: list[ox.NamedNode] | None = None) -> Answer:
    """Run a query, keeping at most ``max_rows`` rows (or triples)."""
    try:  # [*graphs]: the stubs want lists of wider element types (lists are invariant)
        results = store.query(text, use_default_graph_as_union=not default_graphs,
                              default_graph=[*default_graphs] if default_graphs else None,
                              named_graphs=[*named_graphs] if named_graphs else None)
    except SyntaxError as error:
        refuse_updates(text)
        raise ProtocolError(400, f"SPARQL syntax error: {error}") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise ProtocolError(400, f"the query failed: {error}") from None
    if isinstance(results, ox.QueryBoolean):
        return Answer("boolean", boolean=bool(results))
    if isinstance(results, ox.QueryTriples):
        answer = Answer("triples")
        answer.capped = _take(results, answer.triples.append, deadline, max_rows)
        return answer
    answer = Answer("solutions", variables=[v.value for v in results.variables])
    answer.capped = _take(results, lambda solution: answer.solutions.append(
        {name: solution[name] for name in answer.variables}), deadline, max_rows)
    return answer


def _take(results: Iterable[T], keep: Callable[[T], object], deadline: Deadline, max_rows: int) -> bool:
    """``keep`` each result up to ``max_rows``, checking the deadline as it goes; whether capped."""
    for count, result in enumerate(results):
        if count % _CHECK_EVERY == 0:
            deadline.check()
        if count == max_rows:
            return True
        keep(result)
    return False


def choose_media_type(answer_kind: str, accept: str | None, fmt: str | None) -> str:
    """The media type to answer in: ``format`` if given, else the best the client accepts."""
    offers = list(GRAPH_TYPES if answer_kind == "triples" else RESULT_TYPES)
    if fmt:
        wanted = FORMAT_NAMES.get(fmt.lower(), fmt.lower())
        if wanted not in offers:
            raise ProtocolError(406, f"format {fmt!r} is not offered for this query; offered: {', '.join(offers)}")
        return wanted
    chosen = negotiate(accept or "*/*", offers)
    if chosen is None:
        raise ProtocolError(406, f"no acceptable format for this query; offered: {', '.join(offers)}")
    return chosen


def negotiate(accept: str, offers: list[str]) -> str | None:
    """The offer the ``Accept`` header prefers (highest q, then the header's order, then ours)."""
    best: tuple[float, int, int] | None = None
    chosen = None
    for position, item in enumerate(accept.split(",")):
        media, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        for rank, offer in enumerate(offers):
            kind, _, sub = media.lower().partition("/")
            if media.lower() == offer or (sub == "*" and offer.startswith(kind + "/")) or media == "*/*" \
                    or (kind == "*" and sub in ("", "*")):
                preference = (-quality, position, rank)
                if best is None or preference < best:
                    best, chosen = preference, offer
    return chosen


def serialize(answer: Answer, media_type: str) -> bytes:
    """The answer in ``media_type`` (one of RESULT_TYPES or GRAPH_TYPES), by pyoxigraph."""
    if answer.kind == "triples":
        return ox.serialize(answer.triples, format=GRAPH_TYPES[media_type]) or b""
    if answer.kind == "boolean":
        document = json.dumps({"head": {}, "boolean": answer.boolean}).encode()
    else:
        result = QueryResult(answer.variables, [], answer.solutions)
        document = format_rows(result, "json").encode("utf-8")
    target = RESULT_TYPES[media_type]
    if target == ox.QueryResultsFormat.JSON:
        return document
    # Rows kept are re-read as pyoxigraph results, so its own writers give XML, CSV and TSV.
    parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
    data = parsed.serialize(format=target)
    assert data is not None  # serialize returns the bytes when given no output
    return data
