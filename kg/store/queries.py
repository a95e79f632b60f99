"""The shipped SPARQL questions (``queries/*.rq``): list them, load them, run them.

Each ``.rq`` file opens with a comment block::

    # Question: Who mediated between whom?
    # Columns: mediation, mediator, ...
    # Parameters: minConfidence (decimal from 0 to 1, optional: keep rows at least this confident)

``Parameters`` lists ``name (type[ from LOW to HIGH][, optional][: description])`` entries
separated by ``;``.  Types are ``string``, ``name``, ``decimal``, ``integer``, ``date`` and
``iri``; a value is checked against its type (and range, for numbers), turned into an RDF
term of that type and bound through pyoxigraph's ``substitutions``, never pasted into the
query text.  A ``name`` is bound as its key (``kg.rdf.iris.name_key``: case-folded, spaces
collapsed), which queries match against the ``kg:nameKey`` every graph carries beside its
names: an exact look-up in the store's indexes, not a comparison with every label.
pyoxigraph substitutes only variables the query projects (SPARQL-dev SEP-0007), so a query
projects its parameters after its columns; ``run_query`` leaves those parameter columns out
of the result.  The default graph is the union of all documents' graphs.  Only reads run:
updates are refused before anything is sent, and SERVICE unless asked for.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KgError
from kg.rdf.iris import name_key
from kg.rdf.shortcuts import SHORTCUTS_MISSING, lacks_shortcuts, uses_shortcuts

QUERY_PACKAGE = "kg.query_files"
QUERY_SUFFIX = ".rq"
PARAMETER_TYPES = ("string", "name", "decimal", "integer", "date", "iri")
XSD = "http://www.w3.org/2001/XMLSchema#"
# What stores compute with: Oxigraph's xsd:decimal has 18 digits after the point and stays
# below about 1.7e20; larger values make comparisons fail, which FILTERs read as "no filter".
DECIMAL_PLACES = 18
DECIMAL_LIMIT = Decimal("1e20")
INTEGER_MIN, INTEGER_MAX = -(2**63), 2**63 - 1
_XSD_STRING = XSD + "string"

_HEADER = re.compile(r"^#\s*(?P<key>Question|Columns|Parameters)\s*:\s*(?P<value>.*)$")
_PARAMETER = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\((?P<type>[a-z]+)(?:\s+from\s+(?P<low>[-+0-9.]+)\s+to\s+(?P<high>[-+0-9.]+))?"
    r"\s*(?P<optional>,\s*optional)?\s*(?::\s*(?P<description>.*))?\))?$",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class QueryParameter:
    """A value the caller may (or must) give a query, bound to the variable ``?name``."""

    name: str
    type: str = "string"
    optional: bool = False
    description: str = ""
    low: Decimal | None = None
    high: Decimal | None = None


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A SPARQL query with the question it answers and the columns it returns."""

    name: str
    question: str
    columns: tuple[str, ...]
    parameters: tuple[QueryParameter, ...]
    text: str = field(repr=False)
    source: str = ""


ResultTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
"""A term of a query's answer (a triple term only from an RDF 1.2 store)."""


@dataclass(slots=True)
class QueryResult:
    """Rows of plain strings: IRIs as themselves, literals as their lexical form.

    ``terms`` holds the same rows as pyoxigraph terms (for typed output such as JSON).
    """

    columns: list[str]
    rows: list[dict[str, str | None]]
    terms: list[dict[str, ResultTerm | None]] = field(
        default_factory=list, repr=False
    )
    graph: bool = False  # the rows are the triples of a CONSTRUCT or DESCRIBE


# -- finding and parsing query files -----------------------------------------------------


def shipped_queries_dir() -> Traversable:
    """The folder of shipped ``.rq`` files: the top-level ``queries/``, packaged as
    ``kg.query_files``.
    """
    try:
        return resources.files(QUERY_PACKAGE)
    except ModuleNotFoundError:
        # A source checkout that is not installed: queries/ sits beside the kg package.
        return Path(__file__).resolve().parent.parent / "queries"


def parse_header(
    text: str, *, source: str = "query"
) -> tuple[str, tuple[str, ...], tuple[QueryParameter, ...]]:
    """The question, columns and parameters from a query's leading ``#`` comment block."""
    question = ""
    columns: tuple[str, ...] = ()
    parameters: tuple[QueryParameter, ...] = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match is None:
            continue
        key, value = match["key"], match["value"].strip()
        if key == "Question":
            question = value
        elif key == "Columns":
            columns = tuple(c.strip().lstrip("?") for c in value.split(",") if c.strip())
        else:
            parameters = _parse_parameters(value, source=source, line=number)
    return question, columns, parameters


def _parse_parameters(value: str, *, source: str, line: int) -> tuple[QueryParameter, ...]:
    if value.lower() in ("", "none", "-"):
        return ()
    parameters = []
    for entry in _split_outside_parentheses(value, ";"):
        match = _PARAMETER.match(entry)
        if (match is None or (match["type"] and match["type"] not in PARAMETER_TYPES)
                or (match["low"] and match["type"] not in ("decimal", "integer"))):
            raise InputError(
                source,
                f"bad parameter {entry!r}: write name (type[ from LOW to HIGH][, optional]"
                f"[: description]) with type one of {', '.join(PARAMETER_TYPES)} (a range for numbers)",
                line=line,
            )
        try:
            low, high = (Decimal(match["low"]), Decimal(match["high"])) if match["low"] else (None, None)
        except InvalidOperation:
            raise InputError(source, f"bad range in parameter {entry!r}", line=line) from None
        parameters.append(
            QueryParameter(
                name=match["name"],
                type=match["type"] or "string",
                optional=bool(match["optional"]),
                description=(match["description"] or "").strip(),
                low=low,
                high=high,
            )
        )
    return tuple(parameters)


def _split_outside_parentheses(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is not inside parentheses; parts stripped."""
    parts, depth, current = list[str](), 0, list[str]()
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if char == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _info_from_text(name: str, text: str, source: str) -> QueryInfo:
    question, columns, parameters = parse_header(text, source=source)
    return QueryInfo(name, question, columns, parameters, text=text, source=source)


def list_queries() -> list[QueryInfo]:
    """Every shipped query, by name."""
    folder = shipped_queries_dir()
    infos = [
        _info_from_text(entry.name[: -len(QUERY_SUFFIX)], entry.read_text("utf-8"), entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith(QUERY_SUFFIX) and entry.is_file()
    ]
    return sorted(infos, key=lambda info: info.name)


def load_query(name_or_path: str | Path) -> QueryInfo:
    """A shipped query by name (``mediations`` or ``mediations.rq``) or any ``.rq`` file."""
    text_name = str(name_or_path)
    path = Path(text_name)
    if path.is_file():
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(text_name, f"cannot read the query: {error}") from None
        stem = path.name[: -len(QUERY_SUFFIX)] if path.name.endswith(QUERY_SUFFIX) else path.name
        return _info_from_text(stem, text, text_name)
    shipped = {info.name: info for info in list_queries()}
    name = text_name[: -len(QUERY_SUFFIX)] if text_name.endswith(QUERY_SUFFIX) else text_name
    if name in shipped and "/" not in text_name:
        return shipped[name]
    if "/" in text_name or text_name.endswith(QUERY_SUFFIX):
        raise InputError(text_name, "no such query file")
    raise KgError(f"unknown query {text_name!r}; shipped queries: {', '.join(sorted(shipped))}")


# -- checking ------------------------------------------------------------------------------

READ_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
              "DescribeQuery": "DESCRIBE"}
"""The query forms kg runs; anything else (an update above all) is refused before it is sent."""


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What parsing a query told: its form and whether it calls other endpoints."""

    form: str
    service: bool


# rdflib's SPARQL grammar is one pyparsing object per process, and pyparsing keeps parse
# state in it: two threads parsing at once (kg serve's warm-up and a visitor's page) corrupt
# each other's parse ("Param.postParse2() missing 1 required positional argument").
_PARSER_LOCK = threading.Lock()


@lru_cache(maxsize=512)
def query_shape(text: str) -> QueryShape:
    """Parse SPARQL text with rdflib's parser, without running it; KgError unless it is a
    SELECT, ASK, CONSTRUCT or DESCRIBE query.

    >>> query_shape("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    QueryShape(form='SELECT', service=True)
    >>> query_shape("DROP SILENT GRAPH <http://example.org/g>")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: this is a SPARQL update, not a query: updates are refused (kg only reads)
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        with _PARSER_LOCK:
            parsed = parseQuery(text)
    except ParseBaseException as error:
        if is_update(text):
            raise KgError("this is a SPARQL update, not a query: updates are refused (kg only reads)") from None
        raise KgError(f"SPARQL syntax error at line {error.lineno}, column {error.col}: "
                      f"{error.msg}") from None
    except RecursionError:
        raise KgError("the query is nested too deeply to be read") from None
    form = READ_FORMS.get(getattr(parsed[1], "name", ""))
    if form is None:  # the grammar admits nothing else; a guard should it ever change
        raise KgError("not a SELECT, ASK, CONSTRUCT or DESCRIBE query: refused")
    return QueryShape(form, _mentions(parsed, "ServiceGraphPattern"))


def is_update(text: str) -> bool:
    """Whether SPARQL text parses as an update (INSERT, DELETE, DROP, LOAD, ...)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        with _PARSER_LOCK:
            parseUpdate(text)
    except (ParseBaseException, RecursionError):
        return False
    return True


def _mentions(node: object, name: str) -> bool:
    """Whether rdflib's parse tree holds a part called ``name``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                return True
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)  # type: ignore[arg-type]  # a ParseResults is iterable
    return False


def check_read_query(text: str, *, where: str = "query", allow_service: bool = True) -> QueryShape:
    """``query_shape`` with ``where`` (the query's name) in its error, and SERVICE refused
    unless ``allow_service``: a local query must not make requests to other servers unasked."""
    try:
        shape = query_shape(text)
    except KgError as error:
        raise KgError(f"{where}: {error}") from None
    if shape.service and not allow_service:
        raise KgError(f"{where}: the query calls another endpoint (SERVICE); run it with "
                      "--allow-service to let it")
    return shape


# -- running -------------------------------------------------------------------------------


def _term(parameter: QueryParameter, value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a parameter's text stands for, checked against its declared type."""
    kind = parameter.type

    def bad(expected: str) -> KgError:
        return KgError(f"parameter {parameter.name}: {value!r} is not {expected}")

    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line, or a lone surrogate
        raise bad("Unicode text") from None
    if kind == "string":
        return ox.Literal(value)
    if kind == "name":
        return ox.Literal(name_key(value))
    if kind in ("decimal", "integer"):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise bad(f"a{'n integer' if kind == 'integer' else ' decimal number'}") from None
        if not number.is_finite():
            raise bad("a finite number")
        if parameter.low is not None and parameter.high is not None and not (
                parameter.low <= number <= parameter.high):
            raise bad(f"between {parameter.low} and {parameter.high}")
        if abs(number) >= DECIMAL_LIMIT:
            raise bad(f"a number SPARQL stores compute with (less than {DECIMAL_LIMIT:.0e} in size)")
        if kind == "integer":
            if number != number.to_integral_value() or not INTEGER_MIN <= number <= INTEGER_MAX:
                raise bad("an integer (64 bits)")
            return ox.Literal(str(int(number)), datatype=ox.NamedNode(XSD + "integer"))
        if number.as_tuple().exponent < -DECIMAL_PLACES:  # type: ignore[operator]
            raise bad(f"a decimal with at most {DECIMAL_PLACES} digits after the point")
        return ox.Literal(format(number, "f"), datatype=ox.NamedNode(XSD + "decimal"))
    if kind == "date":
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise bad("a date (YYYY-MM-DD)") from None
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):  # as pasted from Turtle or a result table
        text = text[1:-1].strip()
    try:
        return ox.NamedNode(text)
    except ValueError:
        raise bad("an IRI") from None


def bind_parameters(
    info: QueryInfo | None, bindings: dict[str, str] | None
) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """Typed substitutions for the given values; checks names and required parameters."""
    bindings = dict(bindings or {})
    if info is None or not info.parameters:
        if info is not None and bindings:
            raise KgError(f"query {info.name!r} takes no parameters; got {', '.join(bindings)}")
        return {ox.Variable(name): ox.Literal(value) for name, value in bindings.items()}
    declared = {p.name: p for p in info.parameters}
    unknown = sorted(set(bindings) - set(declared))
    if unknown:
        raise KgError(
            f"query {info.name!r} has no parameter {', '.join(unknown)}; "
            f"its parameters: {', '.join(declared)}"
        )
    missing = [p.name for p in info.parameters if not p.optional and p.name not in bindings]
    if missing:
        raise KgError(f"query {info.name!r} needs a value for {', '.join(missing)}")
    return {ox.Variable(name): _term(declared[name], value) for name, value in bindings.items()}


_VALUED = (ox.NamedNode, ox.BlankNode, ox.Literal)  # the terms whose text is their .value


def plain_value(term: object) -> str | None:
    """A result term as a plain string: an IRI as itself, a literal as its lexical form."""
    if term is None:
        return None
    if type(term) in _VALUED:
        return term.value  # type: ignore[attr-defined]  # one of _VALUED
    return str(term)


def run_query(
    query: QueryInfo | str,
    store: ox.Store,
    bindings: dict[str, str] | None = None,
    *,
    allow_service: bool = False,
) -> QueryResult:
    """Run a query (a QueryInfo or SPARQL text) over the union of the store's graphs.

    Values in ``bindings`` are bound through pyoxigraph's ``substitutions``: for a
    QueryInfo they are typed as its header declares, for plain text they are strings.
    ASK gives one column ``boolean``; CONSTRUCT/DESCRIBE give ``subject, predicate, object``
    (and ``graph`` set).
    Updates are refused, and so is SERVICE unless ``allow_service``.  A query reading kg's
    shortcut triples (kg.rdf.shortcuts) run on a store holding what they stand for but no
    shortcut raises KgError saying how to add them, instead of answering wrong.
    """
    info = query if isinstance(query, QueryInfo) else None
    text = info.text if info is not None else str(query)
    where = f"query {info.name!r}" if info is not None else "query"
    check_read_query(text, where=where, allow_service=allow_service)
    substitutions: dict[ox.Variable, ResultTerm] = dict(bind_parameters(info, bindings))
    if uses_shortcuts(text) and lacks_shortcuts(store):
        # An answer from a store written before the shortcuts would be wrong (two look-ups to tell).
        raise KgError(f"{where}: {SHORTCUTS_MISSING}")
    try:
        results = store.query(
            text, use_default_graph_as_union=True, substitutions=substitutions or None
        )
    except SyntaxError as error:
        raise KgError(f"{where}: SPARQL syntax error: {error}") from None
    except (RuntimeError, ValueError) as error:
        raise KgError(f"{where}: {error}") from None

    if isinstance(results, ox.QueryBoolean):
        value = ox.Literal("true" if bool(results) else "false",
                           datatype=ox.NamedNode(XSD + "boolean"))
        return QueryResult(["boolean"], [{"boolean": value.value}], [{"boolean": value}])
    if isinstance(results, ox.QueryTriples):
        columns = ["subject", "predicate", "object"]
        terms = [dict(zip(columns, (t.subject, t.predicate, t.object), strict=True))
                 for t in results]
        return QueryResult(columns, [_plain_row(r) for r in terms], terms, graph=True)

    hidden = {p.name for p in info.parameters} if info is not None else set()
    variables = [v.value for v in results.variables]
    kept = [i for i, name in enumerate(variables) if name not in hidden]
    columns = [variables[i] for i in kept]
    every = len(kept) == len(variables)
    # A solution read whole and by position, each term's text read inline (plain_value's test
    # by exact type): by column name it took 3-5 ms more on an answer of a thousand rows, by
    # calling plain_value for each term 1.3 ms more (bench/results/load.md).
    solution_terms: list[dict[str, ResultTerm | None]] = []
    rows: list[dict[str, str | None]] = []
    for solution in results:
        values = tuple(solution)
        picked = values if every else tuple(values[i] for i in kept)
        solution_terms.append(dict(zip(columns, picked, strict=True)))
        rows.append(dict(zip(columns, [None if term is None else term.value if type(term) in _VALUED else str(term)
                                       for term in picked], strict=True)))
    return QueryResult(columns, rows, solution_terms)


def _plain_row(row: dict[str, object]) -> dict[str, str | None]:
    return {column: plain_value(term) for column, term in row.items()}


# -- output --------------------------------------------------------------------------------


def _json_term(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def _tsv_cell(value: str | None) -> str:
    if value is None:
        return ""
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace(
        "\r", "\\r"
    )


def format_rows(result: QueryResult, fmt: str) -> str:
    """The result as text: ``csv`` (SPARQL 1.1 CSV: plain values), ``tsv`` (plain values,
    tab/newline/backslash escaped as ``\\t``, ``\\n``, ``\\\\``) or ``json`` (SPARQL 1.1
    query results JSON, with term types).  Unbound cells are empty.
    """
    fmt = fmt.lower()
    if fmt == "json":
        rows = result.terms or [
            {c: (None if v is None else ox.Literal(v)) for c, v in row.items()}
            for row in result.rows
        ]
        document = {
            "head": {"vars": list(result.columns)},
            "results": {
                "bindings": [
                    {c: _json_term(t) for c, t in row.items() if t is not None} for row in rows
                ]
            },
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in result.columns])
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(result.columns)]
        lines += ["\t".join(_tsv_cell(row.get(c)) for c in result.columns) for row in result.rows]
        return "\n".join(lines) + "\n"
    raise KgError(f"unknown result format {fmt!r}: use csv, tsv or json")
