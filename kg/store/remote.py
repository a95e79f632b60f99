"""Any SPARQL 1.1 server as a kg store, over HTTP with the standard library (urllib).

Queries go through the SPARQL 1.1 Protocol (POST, SPARQL JSON results, parsed by
pyoxigraph); updates through the same protocol's update operation; whole graphs, where the
server has one, through the SPARQL 1.1 Graph Store HTTP Protocol (``PUT`` replaces a graph
in one request: the fast path).  The server must answer queries with the union of its named
graphs as the default graph (Oxigraph: ``serve --union-default-graph``; Virtuoso does so by
default), as kg's shipped queries are written against that union.

Parameter values are never pasted into query text as text: each becomes a pyoxigraph term
(which checks IRIs, language tags and variable names, and escapes literals), and the
serialised terms are bound by a one-row ``VALUES`` block put at the head of every group
graph pattern of the query (see :func:`bind_values`).

Credentials (:class:`BasicAuth`, :class:`DigestAuth`, :class:`BearerToken`) are sent only
in the ``Authorization`` header; they never appear in a repr, an error message or a log
line, and redirects are refused so that they are never replayed to another server.
"""

from __future__ import annotations

import base64
import http.client
import logging
import os
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import cast

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError
from kg.rdf.iris import document_iri
from kg.rdf.mapping import DocumentTriples
from kg.rdf.serialize import rdf_bytes, to_triples
from kg.settings import DEFAULT_BASE_IRI, DEFAULT_TIMEOUT
from kg.store.queries import (
    XSD,
    QueryInfo,
    QueryResult,
    ResultTerm,
    bind_parameters,
    check_read_query,
    plain_value,
)

log = logging.getLogger(__name__)

DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024
"""The largest SPARQL update kg sends in one request when loading many graphs."""

DEFAULT_MAX_REQUEST_TRIPLES = 10_000
"""The most triples kg sends in one update request at first (fewer if the server refuses)."""

RESULTS_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.7"
)
N_TRIPLES_MEDIA_TYPE = "application/n-triples"
_SECRET_MASK = "***"
_ERROR_MESSAGE_CHARS = 300
_USER_AGENT = "kg (SPARQL 1.1 client)"
_ASK_VARIABLE = "__ASK_RETVAL"  # Virtuoso answers ASK as a one-cell SELECT in JSON


# -- credentials ---------------------------------------------------------------------------


def _check_secret(kind: str, value: str) -> None:
    # A control character would end up in an HTTP header; http.client's own complaint
    # about it quotes the header, secret and all, so refuse it here without the value.
    if not isinstance(value, str) or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise KgError(f"{kind} must be text without control characters")


@dataclass(frozen=True, slots=True)
class BasicAuth:
    """HTTP basic authentication, sent with every request.

    >>> BasicAuth("dba", "s3cret")
    BasicAuth(user=***, password=***)
    """

    user: str = field(repr=False)
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        _check_secret("the user name", self.user)
        _check_secret("the password", self.password)
        if ":" in self.user:
            raise KgError("a basic-auth user name cannot contain ':'")

    def __repr__(self) -> str:
        return f"BasicAuth(user={_SECRET_MASK}, password={_SECRET_MASK})"

    def secrets(self) -> tuple[str, ...]:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return (self.password, token)


@dataclass(frozen=True, slots=True)
class DigestAuth:
    """HTTP digest authentication (Virtuoso's ``/sparql-auth`` and
    ``/sparql-graph-crud-auth``): the password itself never crosses the wire.

    >>> DigestAuth("dba", "dba")
    DigestAuth(user=***, password=***)
    """

    user: str = field(repr=False)
    password: str = field(repr=False)

    def __post_init__(self) -> None:
        _check_secret("the user name", self.user)
        _check_secret("the password", self.password)

    def __repr__(self) -> str:
        return f"DigestAuth(user={_SECRET_MASK}, password={_SECRET_MASK})"

    def secrets(self) -> tuple[str, ...]:
        return (self.password,)


@dataclass(frozen=True, slots=True)
class BearerToken:
    """An OAuth-style bearer token, sent with every request.

    >>> BearerToken("eyJhbGciOi")
    BearerToken(token=***)
    """

    token: str = field(repr=False)

    def __post_init__(self) -> None:
        _check_secret("the token", self.token)
        if not self.token:
            raise KgError("the bearer token is empty")

    def __repr__(self) -> str:
        return f"BearerToken(token={_SECRET_MASK})"

    def secrets(self) -> tuple[str, ...]:
        return (self.token,)


Auth = BasicAuth | DigestAuth | BearerToken


# -- binding parameters --------------------------------------------------------------------

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_NAME = re.compile(r"[?$]?[\w\u00b7][\w\u00b7.\-:%]*")
_LANG_TAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _skip_string(text: str, start: int) -> int:
    """The index just past the string literal that opens at ``start``."""
    quote = text[start]
    long_quote = quote * 3
    if text.startswith(long_quote, start):
        index = start + 3
        while index < len(text):
            if text[index] == "\\":
                index += 2
            elif text.startswith(long_quote, index):
                return index + 3
            else:
                index += 1
        raise KgError("SPARQL syntax error: unterminated long string")
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
        elif char == quote:
            return index + 1
        elif char in "\r\n":
            break
        else:
            index += 1
    raise KgError("SPARQL syntax error: unterminated string")


class _Brace:
    """An open ``{`` while lexing: a group, a sub-query's wrapper or a data block."""

    __slots__ = ("offset", "kind", "used", "where")

    def __init__(self, offset: int, kind: str) -> None:
        self.offset = offset
        self.kind = kind  # "group", "wrap" (holds only a sub-query) or "data"
        self.used: set[str] = set()
        self.where: _Brace | None = None  # for a query level: its WHERE group


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    """The significant tokens of SPARQL text as ``(offset, token)``.

    Strings, IRIs, language tags, names (keywords, prefixed names, variables, numbers)
    come whole; comments and white space are skipped; anything else is one character.
    """
    index, size = 0, len(text)
    while index < size:
        char = text[index]
        if char.isspace():
            index += 1
            continue
        if char == "#":
            newline = text.find("\n", index)
            index = size if newline < 0 else newline + 1
            continue
        if char in "\"'":
            end = _skip_string(text, index)
        elif char == "<":
            match = _IRI_REF.match(text, index)
            end = match.end() if match else index + 1
        elif char == "@":
            match = _LANG_TAG.match(text, index)
            end = match.end() if match else index + 1
        else:
            match = _NAME.match(text, index)
            end = match.end() if match else index + 1
        yield index, text[index:end]
        index = end


def group_pattern_openings(text: str, names: Iterable[str] = ()) -> list[tuple[int, list[str]]]:
    """Where each group graph pattern of a query opens, and which of ``names`` it needs.

    Returns ``(offset just after the "{", [names])`` for each group, in text order.  A
    group needs a name it uses as ``?name`` or ``$name``, inside itself or a nested group;
    the WHERE group of a query or sub-query also needs the names its SELECT expressions,
    GROUP BY, HAVING or ORDER BY use.  Braces inside strings, IRIs and comments do not
    count; those of ``VALUES`` data blocks, of ``CONSTRUCT`` templates and those that
    only wrap a sub-query (``{ SELECT ... }``) are not groups one can add to.

    >>> q = 'SELECT * { VALUES ?x { "{" } ?s <urn:p> "}" OPTIONAL { ?s ?p $x } { SELECT ?y {} } }'
    >>> [(q[:i][-10:], used) for i, used in group_pattern_openings(q, ["x", "y"])]
    [('SELECT * {', ['x', 'y']), ('OPTIONAL {', ['x']), ('ELECT ?y {', ['y'])]
    """
    wanted = set(names)
    top = _Brace(0, "wrap")  # the query itself, outside every brace
    stack: list[_Brace] = [top]
    groups: list[_Brace] = []
    levels: list[_Brace] = [top]
    pending: str | None = None  # "values", "construct" or "construct-where"
    just_opened = False
    for offset, token in _tokens(text):
        opened, just_opened = just_opened, False
        if token == "{":
            if pending == "construct-where":
                raise KgError(
                    "parameters cannot be bound in the short form CONSTRUCT WHERE { ... }; "
                    "write CONSTRUCT { ... } WHERE { ... }"
                )
            brace = _Brace(offset + 1, "group" if pending is None else "data")
            parent = stack[-1]
            if brace.kind == "group":
                groups.append(brace)
                if parent.kind == "wrap" and parent.where is None:
                    parent.where = brace
            stack.append(brace)
            just_opened = brace.kind == "group"
            pending = None
        elif token == "}":
            if len(stack) == 1:
                raise KgError("SPARQL syntax error: unbalanced '}'")
            closed = stack.pop()
            if closed.kind != "data":
                stack[-1].used |= closed.used
        elif token[0] in "?$":
            if token[1:] in wanted:
                stack[-1].used.add(token[1:])
        else:
            upper = token.upper()
            if upper == "SELECT" and opened:
                stack[-1].kind = "wrap"
                groups.remove(stack[-1])
                levels.append(stack[-1])
                if stack[-2].where is stack[-1]:
                    stack[-2].where = None
            elif upper == "VALUES":
                pending = "values"
            elif upper == "CONSTRUCT":
                pending = "construct"
            elif upper == "WHERE" and pending == "construct":
                pending = "construct-where"
    if len(stack) > 1:
        raise KgError("SPARQL syntax error: unbalanced '{'")
    for level in levels:
        if level.where is not None:
            level.where.used |= level.used
    return [(group.offset, sorted(group.used)) for group in groups]


def unproject(text: str, names: Iterable[str]) -> str:
    """``text`` with the variables ``names`` taken out of the outermost SELECT clause.

    kg's queries project their parameters only because pyoxigraph substitutes projected
    variables alone; bound by VALUES they need not come back (kg hides them anyway), and
    Virtuoso 7.2 fails on some queries projecting a VALUES-bound decimal.  A clause left
    with no variable at all is left as it was.

    >>> unproject("SELECT ?a (MIN(?b) AS ?c) ?name WHERE { ?a ?p ?name }", ["name"])
    'SELECT ?a (MIN(?b) AS ?c) WHERE { ?a ?p ?name }'
    """
    drop = set(names)
    spans: list[tuple[int, int]] = []
    kept = 0
    inside, depth = False, 0
    for offset, token in _tokens(text):
        upper = token.upper()
        if not inside:
            if upper == "SELECT":
                inside = True
            elif token == "{":
                break
            continue
        if token == "(":
            kept += depth == 0  # an (expression AS ?v)
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0 and (token == "{" or upper in ("WHERE", "FROM")):
            break
        elif depth == 0 and token == "*":
            return text
        elif depth == 0 and token[0] in "?$":
            if token[1:] in drop:
                spans.append((offset, offset + len(token)))
            else:
                kept += 1
    if not spans or not kept:
        return text
    parts, previous = [], 0
    for begin, end in spans:
        parts.append(text[previous:begin].rstrip(" \t"))
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def bind_values(text: str, values: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``text`` with each variable bound to its value in every group that uses it.

    Every group graph pattern (the WHERE clause of the query and of each sub-query,
    OPTIONAL, UNION branches, GRAPH, MINUS, EXISTS...) that uses a parameter, directly or
    in a group nested in it, gets a one-row ``VALUES`` block at its head.  Joining a
    one-row table into those groups gives the solutions substituting the value for the
    variable would (pyoxigraph's ``substitutions``, SPARQL-dev SEP-0007): patterns can only
    match the value, FILTERs and BINDs see it, and a projected parameter comes back
    holding it.  Binding only the outermost WHERE clause would not do: sub-queries and
    FILTERs in nested groups are evaluated before that join.

    The values are pyoxigraph terms, serialised by pyoxigraph: IRIs and language tags are
    checked when the term is made and literals escaped, so no value can end its term.

    >>> bind_values('SELECT ?s WHERE { ?s ?p ?name }', {"name": ox.Literal('a" } #')})
    'SELECT ?s WHERE { VALUES (?name) { ("a\\\\" } #") } ?s ?p ?name }'
    """
    if not values:
        return text
    for name in values:
        if not _VARIABLE_NAME.fullmatch(name):
            raise KgError(f"not a SPARQL variable name: {name!r}")
    terms = {name: _term_text(term) for name, term in values.items()}
    parts, previous = [], 0
    for offset, used in group_pattern_openings(text, terms):
        if not used:
            continue
        parts.append(text[previous:offset])
        parts.append(f" VALUES ({' '.join('?' + n for n in used)}) "
                     f"{{ ({' '.join(terms[n] for n in used)}) }}")
        previous = offset
    parts.append(text[previous:])
    return "".join(parts)


def bound_query(query: QueryInfo | str, bindings: Mapping[str, str] | None) -> tuple[str, set[str]]:
    """The text to send for a query with its parameter values bound, and the parameter
    columns to leave out of its result (as ``kg.store.queries.run_query`` does).

    Values are typed as a QueryInfo's header declares (strings for plain text), bound by
    :func:`bind_values`; a QueryInfo's parameters are taken out of the projection.
    """
    info = query if isinstance(query, QueryInfo) else None
    text = info.text if info is not None else str(query)
    substitutions = bind_parameters(info, dict(bindings) if bindings else None)
    text = bind_values(text, {variable.value: term for variable, term in substitutions.items()})
    hidden = {p.name for p in info.parameters} if info is not None else set()
    return (unproject(text, hidden) if hidden else text), hidden


def _term_text(term: object) -> str:
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise KgError(f"a parameter value must be an IRI or a literal, not {type(term).__name__}")
    return str(term)


# -- HTTP ----------------------------------------------------------------------------------


class RemoteError(KgError):
    """The server answered with an HTTP error status (``status``)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class _Response:
    status: int
    content_type: str
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: credentials must not follow a request to another address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None


def _redact_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urllib.parse.urlunsplit(parts)


def _check_url(url: str, what: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"the {what} must be an http(s) URL, not {_redact_url(url)!r}")
    if "@" in parts.netloc:
        raise KgError(f"the {what} carries credentials: give them as auth, not in the URL")
    return url


def _transport_problem(error: BaseException) -> str:
    """One line for what went wrong below HTTP's status codes."""
    if isinstance(error, http.client.IncompleteRead):
        return f"the answer was cut off after {len(error.partial):,} bytes (the connection dropped)"
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(error, http.client.BadStatusLine | http.client.LineTooLong):
        return "the answer is not HTTP (is this a SPARQL endpoint's address?)"
    if isinstance(error, http.client.HTTPException):
        return f"a broken HTTP answer ({type(error).__name__})"
    if isinstance(error, urllib.error.URLError):
        return f"cannot reach the server: {error.reason}"
    return f"{type(error).__name__}: {error}"


def _root(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


class _Deadline:
    """The end of one request's time: when it comes, the request's sockets are shut down.

    A socket timeout bounds each read, not the whole answer: a server trickling a byte
    every few seconds would hold kg for ever.  A timer per connection closes it instead.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._timers: list[threading.Timer] = []

    def left(self) -> float:
        return max(0.001, self.at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        timer = threading.Timer(self.left(), self._expire, (sock,))
        timer.daemon = True
        timer.start()
        self._timers.append(timer)

    def _expire(self, sock: socket.socket) -> None:
        self.expired = True
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()

    def connection(self, base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        deadline = self

        class Connection(base):  # type: ignore[valid-type, misc]
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)

        return Connection


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):  # noqa: ANN001, ANN201 - urllib's signature
        return self.do_open(self.deadline.connection(http.client.HTTPConnection), req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):  # noqa: ANN001, ANN201 - urllib's signature
        return self.do_open(self.deadline.connection(http.client.HTTPSConnection), req,
                            context=self._context)


class _Http:
    """One opener per request: authentication, no redirects, a total deadline, errors as KgError."""

    def __init__(self, auth: Auth | None, urls: Iterable[str], timeout: float) -> None:
        if not timeout > 0:
            raise KgError(f"the timeout must be a positive number of seconds, not {timeout}")
        self.timeout = timeout
        self._secrets = tuple(s for s in (auth.secrets() if auth else ()) if s)
        self._headers = {"User-Agent": _USER_AGENT}
        self._handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if isinstance(auth, BasicAuth):
            self._headers["Authorization"] = "Basic " + auth.secrets()[1]
        elif isinstance(auth, BearerToken):
            self._headers["Authorization"] = "Bearer " + auth.token
        elif isinstance(auth, DigestAuth):
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, sorted({_root(u) for u in urls}), auth.user, auth.password)
            self._handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
        elif auth is not None:
            raise KgError(f"unknown authentication {type(auth).__name__}: use BasicAuth, "
                          "DigestAuth or BearerToken")

    def scrub(self, text: str) -> str:
        """``text`` with every credential replaced by ``***``."""
        for secret in self._secrets:
            text = text.replace(secret, _SECRET_MASK)
        return text

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: Mapping[str, str] | None = None, *, ok_missing: bool = False) -> _Response:
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={**self._headers, **(headers or {})})
        where = f"{method} {_redact_url(url)}"
        started = time.perf_counter()
        deadline = _Deadline(self.timeout)
        opener = urllib.request.build_opener(*self._handlers, _DeadlineHTTPHandler(deadline),
                                             _DeadlineHTTPSHandler(deadline))
        late = f"{where}: no complete answer within {self.timeout:g} s (the request's time limit, --timeout)"
        try:
            with opener.open(request, timeout=min(self.timeout, deadline.left())) as answer:
                response = _Response(answer.status, answer.headers.get("Content-Type", ""),
                                     answer.read())
        except urllib.error.HTTPError as error:
            if ok_missing and error.code == 404:
                return _Response(404, "", b"")
            raise RemoteError(self._http_error(where, error), error.code) from None
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            if deadline.expired or isinstance(getattr(error, "reason", error), TimeoutError):
                raise KgError(self.scrub(late)) from None
            raise KgError(self.scrub(f"{where}: {_transport_problem(error)}")) from None
        finally:
            deadline.cancel()
        if deadline.expired:
            raise KgError(self.scrub(late))
        log.debug("%s: HTTP %d, %d bytes sent, %d received, %.3f s", where, response.status,
                  len(body or b""), len(response.body), time.perf_counter() - started)
        return response

    def _http_error(self, where: str, error: urllib.error.HTTPError) -> str:
        try:
            raw = error.read(64 * 1024)
        except OSError:
            raw = b""
        text = raw.decode("utf-8", "replace")
        text = re.sub(r"<[^>]*>", " ", text) if "html" in (error.headers.get("Content-Type") or "") else text
        text = self.scrub(" ".join(text.split()))  # before cutting, or half a secret shows
        if len(text) > _ERROR_MESSAGE_CHARS:
            text = text[: _ERROR_MESSAGE_CHARS - 3] + "..."
        message = f"{where}: HTTP {error.code} {error.reason or ''}".rstrip()
        if 300 <= error.code < 400:
            location = error.headers.get("Location")
            message += f" (redirected{' to ' + _redact_url(location) if location else ''}; use that URL)"
        if text:
            message += f": {text}"
        return self.scrub(message)


# -- results -------------------------------------------------------------------------------


def _boolean_result(value: bool) -> QueryResult:
    term = ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    return QueryResult(["boolean"], [{"boolean": term.value}], [{"boolean": term}])


_XSD_BOOLEAN = XSD + "boolean"
_BOOLEAN_FORMS = {"1": "true", "0": "false"}


def _canonical(term: ResultTerm | None) -> ResultTerm | None:
    """A result term in the form the embedded store gives: Virtuoso writes xsd:boolean
    values as 1 and 0 (lexical forms the standard allows), kg shows true and false."""
    if isinstance(term, ox.Literal) and term.value in _BOOLEAN_FORMS and term.datatype.value == _XSD_BOOLEAN:
        return ox.Literal(_BOOLEAN_FORMS[term.value], datatype=term.datatype)
    return term


def _result_from_response(response: _Response, hidden: set[str]) -> QueryResult:
    media_type = response.content_type.split(";")[0].strip().lower()
    results_format = ox.QueryResultsFormat.from_media_type(media_type) if media_type else None
    if media_type == "application/json":
        results_format = ox.QueryResultsFormat.JSON
    if results_format is not None:
        try:
            if results_format == ox.QueryResultsFormat.XML:
                _check_whole_xml(response.body)
            results = ox.parse_query_results(response.body, format=results_format)
            if isinstance(results, ox.QueryBoolean):
                return _boolean_result(bool(results))
            variables = [v.value for v in results.variables]
            solutions = list(results)  # parsed as they are read: errors come here too
        except SyntaxError as error:
            raise KgError(f"the server's {media_type} results cannot be read: {error}") from None
        if variables == [_ASK_VARIABLE] and len(solutions) == 1:
            cell = solutions[0][_ASK_VARIABLE]
            return _boolean_result(cell is not None and cell.value in ("1", "true"))
        columns = [v for v in variables if v not in hidden]
        terms = [{c: _canonical(solution[c]) for c in columns} for solution in solutions]
        return QueryResult(columns, [{c: plain_value(t) for c, t in row.items()} for row in terms], terms)
    rdf_format = ox.RdfFormat.from_media_type(media_type) if media_type else None
    if rdf_format is None:
        raise KgError(f"the server answered with {media_type or 'no content type'}, "
                      "not SPARQL results or RDF")
    try:
        triples = list(ox.parse(response.body, format=rdf_format))
    except SyntaxError as error:
        raise KgError(f"the server's {media_type} answer cannot be read: {error}") from None
    columns = ["subject", "predicate", "object"]
    terms = [dict(zip(columns, (t.subject, t.predicate, t.object), strict=True)) for t in triples]
    return QueryResult(columns, [{c: plain_value(t) for c, t in row.items()} for row in terms], terms, graph=True)


def _check_whole_xml(body: bytes) -> None:
    """SyntaxError unless the XML is complete: pyoxigraph reads results cut off after a
    ``</result>`` as fewer rows, without complaint."""
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError as error:
        raise SyntaxError(f"incomplete or broken XML ({error}): the answer was cut off?") from None


def _check_write_answer(response: _Response, where: str, what: str) -> None:
    """KgError for a success status carrying a web page: a web server's page, not the
    answer of a SPARQL endpoint (the protocols promise a 2xx status, and no page)."""
    if _looks_like_html(response):
        raise KgError(f"{where}: the server answered HTTP {response.status} with an HTML page, not as a SPARQL "
                      f"{what} does; nothing may have been stored (is this the right address?)")


def _looks_like_html(response: _Response) -> bool:
    media_type = response.content_type.split(";")[0].strip().lower()
    head = response.body[:512].lstrip().lower()
    return bool(response.body.strip()) and (
        media_type in ("text/html", "application/xhtml+xml") or head.startswith((b"<!doctype html", b"<html")))


# -- the store -----------------------------------------------------------------------------


def _graph_node(name: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(name)
    except ValueError as error:
        raise KgError(f"not a graph name (an absolute IRI): {name!r}: {error}") from None


class RemoteStore:
    """A SPARQL 1.1 server holding one named graph per document.

    ``query_url`` answers queries; ``update_url`` (defaulting to ``query_url``) takes
    updates; ``graph_store_url``, when given, is a Graph Store HTTP Protocol endpoint
    (``?graph=IRI`` is appended) through which whole graphs are replaced by ``PUT``.

    >>> RemoteStore("http://127.0.0.1:7878/query", update_url="http://127.0.0.1:7878/update",
    ...             auth=BasicAuth("me", "pw"))
    RemoteStore('http://127.0.0.1:7878/query', update_url='http://127.0.0.1:7878/update', \
graph_store_url=None, auth=BasicAuth(user=***, password=***))
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        graph_store_url: str | None = None,
        auth: Auth | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
        max_request_triples: int = DEFAULT_MAX_REQUEST_TRIPLES,
    ) -> None:
        self.query_url = _check_url(query_url, "query endpoint")
        self.update_url = _check_url(update_url, "update endpoint") if update_url else query_url
        self.graph_store_url = (
            _check_url(graph_store_url, "graph store endpoint") if graph_store_url else None
        )
        self.auth = auth
        self._update_given = update_url is not None
        self.max_request_bytes = max_request_bytes
        self.max_request_triples = max_request_triples
        urls = [u for u in (self.query_url, self.update_url, self.graph_store_url) if u]
        self._http: _Http | None = _Http(auth, urls, timeout)

    def __repr__(self) -> str:
        return (f"RemoteStore({self.query_url!r}, update_url={self.update_url!r}, "
                f"graph_store_url={self.graph_store_url!r}, auth={self.auth!r})")

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def http(self) -> _Http:
        if self._http is None:
            raise KgError(f"the store at {self.query_url} is closed")
        return self._http

    def close(self) -> None:
        """Forget the connection settings; the store is unusable afterwards."""
        self._http = None

    # -- queries -------------------------------------------------------------------------

    def query(
        self, text: str | QueryInfo, bindings: Mapping[str, str] | None = None
    ) -> QueryResult:
        """Run a SELECT/ASK/CONSTRUCT/DESCRIBE on the server, parameters bound as values.

        A QueryInfo's parameters are typed as its header declares and left out of the
        columns, exactly as ``kg.store.queries.run_query`` does on the embedded store.
        """
        info = text if isinstance(text, QueryInfo) else None
        where = f"query {info.name!r}" if info is not None else "query"
        # The server does what the text says, updates too: only reads are sent.
        check_read_query(info.text if info is not None else str(text), where=where)
        query, hidden = bound_query(text, bindings)
        response = self.http.request(
            "POST", self.query_url, urllib.parse.urlencode({"query": query}).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
             "Accept": RESULTS_ACCEPT},
        )
        try:
            return _result_from_response(response, hidden)
        except KgError as error:
            raise KgError(f"{where}: {error}") from None

    def default_graph_is_union(self) -> bool | None:
        """Whether the server's default graph holds its named graphs' triples, as kg's
        questions expect (they query the default graph; kg keeps a graph per document).

        A cheap probe: one triple of some named graph, then an ASK for it in the default
        graph.  None when the server holds no named graph (nothing to tell).
        """
        found = self.query("SELECT ?s ?p WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) } LIMIT 1")
        if not found.terms:
            return None
        row = found.terms[0]
        answer = self.query(f"ASK {{ {row['s']} {row['p']} ?o }}")
        return answer.rows[0]["boolean"] == "true"

    def check_union_default_graph(self) -> None:
        """Raise a one-line KgError if the default graph is not the union of named graphs."""
        if self.default_graph_is_union() is False:
            raise KgError(
                f"{_redact_url(self.query_url)}: the server's default graph is not the union of its named "
                "graphs, where kg keeps each document, so kg's questions find nothing: start Oxigraph with "
                "`oxigraph serve --union-default-graph` (other servers: make the default graph the union "
                "of all graphs)")

    def update(self, text: str) -> None:
        """Send one SPARQL update request (the server applies it as one transaction,
        where it has transactions).

        Sent as an ``application/sparql-update`` body: URL-encoding megabytes of data in
        Python would cost more than the server takes to apply them.
        """
        response = self.http.request("POST", self.update_url, text.encode("utf-8"),
                                     {"Content-Type": "application/sparql-update; charset=utf-8"})
        _check_write_answer(response, f"POST {_redact_url(self.update_url)}", "update endpoint")

    # -- graphs --------------------------------------------------------------------------

    def _graph_url(self, node: ox.NamedNode) -> str:
        assert self.graph_store_url is not None
        separator = "&" if "?" in self.graph_store_url else "?"
        return f"{self.graph_store_url}{separator}{urllib.parse.urlencode({'graph': node.value})}"

    def replace_graph(self, name: str, graph: Graph | DocumentTriples) -> None:
        """Make the named graph hold exactly ``graph``'s triples.

        With a graph store endpoint: one ``PUT`` (the server replaces the graph in one
        step).  Otherwise one update ``DROP SILENT GRAPH <g> ; INSERT DATA {...}``, or, for
        a graph bigger than ``max_request_bytes``, that update followed by further
        ``INSERT DATA`` requests: then readers may see the graph part-loaded until the
        last request, and a failure leaves it part-loaded (KgError says so; loading it
        again replaces it whole).
        """
        node = _graph_node(name)
        body = rdf_bytes(to_triples(graph), ox.RdfFormat.N_TRIPLES)
        self._replace_serialised(node, body)

    def _replace_serialised(self, node: ox.NamedNode, ntriples: bytes) -> None:
        if not ntriples:
            self.drop_graph(node.value)
        elif self.graph_store_url is not None:
            response = self.http.request("PUT", self._graph_url(node), ntriples,
                                         {"Content-Type": N_TRIPLES_MEDIA_TYPE})
            _check_write_answer(response, f"PUT {_redact_url(self.graph_store_url)}", "graph store endpoint")
        else:
            self._update_graphs([(node, ntriples)])

    def drop_graph(self, name: str) -> None:
        """Remove the named graph and its triples (no error if it is absent)."""
        node = _graph_node(name)
        if self.graph_store_url is not None and not self._update_given:
            # No update endpoint named: the graph store's DELETE does it.
            self.http.request("DELETE", self._graph_url(node), ok_missing=True)
        else:
            self.update(f"DROP SILENT GRAPH {node}")

    def drop_document(self, doc_id: str, *, base_iri: str = DEFAULT_BASE_IRI) -> None:
        """Remove one document's graph, by the article id it was built from."""
        self.drop_graph(str(document_iri(doc_id, base_iri)))

    def graph_names(self) -> list[str]:
        """The names of the server's named graphs, sorted (a server may add its own)."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"] for row in result.rows if row["g"] is not None)

    # -- loading -------------------------------------------------------------------------

    def load_file(self, path: str | os.PathLike[str], *, graph: str | None = None) -> int:
        """Load one RDF file, replacing each named graph it holds; returns how many.

        Triples outside any named graph (a Turtle or N-Triples file) go into ``graph``
        (``kg.store.load.load_files`` names it after the file).  The whole file is parsed
        before anything is sent.
        """
        from kg.store.load import load_files

        return load_files(self, [path], graph=graph).graphs

    def replace_graphs(self, dataset: ox.Store, names: list[ox.NamedNode]) -> None:
        """Replace each named graph with its triples from ``dataset`` (an in-memory store).

        With an update endpoint (or no graph store), graphs travel batched in SPARQL
        updates of up to ``max_request_bytes`` and ``max_request_triples`` (``DROP SILENT
        GRAPH`` for each graph, then one ``INSERT DATA``): per request the server does one
        transaction, so thousands of small document graphs load far faster than by one
        ``PUT`` each.  A request the server refuses (HTTP 400, 413 or 500: Virtuoso turns
        each update into SQL of at most 10,000 lines) is sent again in halves, and later
        batches keep the smaller size.  A graph is never split between requests unless it
        alone exceeds a limit (with a graph store it then goes by ``PUT``), so each
        document is always either old or new, and a file that fits in one request is
        replaced in one transaction; a failure part-way leaves the earlier requests
        applied (load again to finish: loading is idempotent).  Given only a graph store
        endpoint, every graph is one ``PUT``.  Afterwards the graphs are counted on the
        server: a success status from something that is not a SPARQL endpoint proves nothing.
        """
        serialised = (
            (name, cast(bytes, dataset.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name))) for name in names
        )
        if self._update_given or self.graph_store_url is None:
            small = []
            for node, ntriples in serialised:
                if self.graph_store_url is not None and len(ntriples) > self.max_request_bytes:
                    self._replace_serialised(node, ntriples)
                else:
                    small.append((node, ntriples))
            self._update_graphs(small)
        else:
            for node, ntriples in serialised:
                self._replace_serialised(node, ntriples)
        self._check_graphs_arrived([n for n in names if next(dataset.quads_for_pattern(None, None, None, n), None)])

    def _update_graphs(self, graphs: Iterable[tuple[ox.NamedNode, bytes]]) -> None:
        for batch in _batches(_parts(graphs, self.max_request_bytes), self.max_request_bytes,
                              self.max_request_triples):
            self._send(batch)

    def _send(self, batch: list[_Part]) -> None:
        """Send one batch; if the server refuses it (as Virtuoso does updates whose SQL
        would be too long), send it again in halves, and keep the smaller size."""
        try:
            self.update(_update_text(batch))
        except RemoteError as error:
            triples = sum(part.triples for part in batch)
            if error.status not in _REFUSED_FOR_SIZE or triples <= 1:
                raise
            self.max_request_triples = max(1, triples // 2)
            log.info("the server refused %d triples in one request; sending at most %d", triples,
                     self.max_request_triples)
            for half in _halves(batch):
                self._send(half)

    def _check_graphs_arrived(self, names: list[ox.NamedNode]) -> None:
        """Count the graphs just loaded on the server: a success status alone proves little."""
        for start in range(0, len(names), _CHECK_BATCH):
            chunk = names[start:start + _CHECK_BATCH]
            values = " ".join(str(node) for node in chunk)
            rows = self.query(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                              "GRAPH ?g { ?s ?p ?o } }").rows
            found = int(rows[0].get("n") or 0) if rows else 0
            if found != len(chunk):
                raise KgError(f"the server answered every update with success, yet holds only {found} of "
                              f"{len(chunk)} graphs just loaded: is {_redact_url(self.update_url)} its update "
                              "endpoint, and is its default graph the union of its graphs?")


_REFUSED_FOR_SIZE = (400, 413, 500)
_CHECK_BATCH = 200


@dataclass(slots=True)
class _Part:
    """Some of one graph's N-Triples; the first part of a graph replaces it (drops it first)."""

    node: ox.NamedNode
    ntriples: bytes
    replace: bool

    @property
    def triples(self) -> int:
        return self.ntriples.count(b"\n")


def _parts(graphs: Iterable[tuple[ox.NamedNode, bytes]], limit: int) -> Iterator[_Part]:
    """Each graph as one part, or as parts of at most about ``limit`` bytes if it is bigger."""
    for node, ntriples in graphs:
        if len(ntriples) <= limit:
            yield _Part(node, ntriples, True)
            continue
        for number, piece in enumerate(_split_lines(ntriples.decode("utf-8"), limit)):
            yield _Part(node, piece.encode("utf-8"), number == 0)


def _batches(parts: Iterable[_Part], byte_limit: int, triple_limit: int | None) -> Iterator[list[_Part]]:
    """Parts grouped into requests of at most ``byte_limit`` bytes and ``triple_limit``
    triples; a graph that fits one request is never split between two."""
    batch: list[_Part] = []
    size = count = 0
    for part in parts:
        triples = part.triples
        if batch and (size + len(part.ntriples) > byte_limit or not part.replace
                      or (triple_limit is not None and count + triples > triple_limit)):
            yield batch
            batch, size, count = [], 0, 0
        batch.append(part)
        size += len(part.ntriples) + 64
        count += triples
        if not part.replace or size > byte_limit:  # a piece of a big graph travels alone
            yield batch
            batch, size, count = [], 0, 0
    if batch:
        yield batch


def _halves(batch: list[_Part]) -> list[list[_Part]]:
    if len(batch) > 1:
        return [batch[: len(batch) // 2], batch[len(batch) // 2:]]
    part = batch[0]
    lines = part.ntriples.splitlines(keepends=True)
    middle = len(lines) // 2
    return [[_Part(part.node, b"".join(lines[:middle]), part.replace)],
            [_Part(part.node, b"".join(lines[middle:]), False)]]


def _update_text(batch: list[_Part]) -> str:
    """``DROP SILENT GRAPH`` for each graph a batch replaces, then one ``INSERT DATA``."""
    text = " ;\n".join(f"DROP SILENT GRAPH {part.node}" for part in batch if part.replace)
    blocks = "".join(f"GRAPH {part.node} {{\n{part.ntriples.decode('utf-8')}}}\n" for part in batch)
    return text + (" ;\n" if text else "") + "INSERT DATA {\n" + blocks + "}"


def _chunked_updates(graphs: Iterable[tuple[ox.NamedNode, bytes]], limit: int) -> Iterator[str]:
    """SPARQL updates replacing the graphs, each at most about ``limit`` bytes."""
    for batch in _batches(_parts(graphs, limit), limit, None):
        yield _update_text(batch)


def _split_lines(text: str, limit: int) -> Iterator[str]:
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            newline = text.rfind("\n", start, end)
            end = newline + 1 if newline > start else text.find("\n", end) + 1 or len(text)
        yield text[start:end]
        start = end

