"""The Starlette application behind ``kg serve``: the pages and the SPARQL endpoint.

Every store read goes through one QueryRunner (worker threads, a deadline, a row cap).
Endpoints are plain functions, which Starlette runs in its thread pool, so a slow query
holds no other request up.  The store is read-only here: nothing the app does writes to it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypedDict
from urllib.parse import parse_qs, urlencode

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.errors import KgError
from kg.store.queries import QueryResult, format_rows, list_queries, load_query, run_query
from kg.web import pages, sparql
from kg.web.render import environment
from kg.web.runner import QueryRunner, QueryTimeout, ServerBusy

log = logging.getLogger(__name__)

MAX_QUERY_BYTES = 1_000_000
"""A SPARQL request larger than this is refused (413): no honest query is that long."""

MediationForm = TypedDict("MediationForm", {"minConfidence": str, "from": str, "to": str, "status": list[str]})
"""The mediations page's filter form as submitted (shown again above the network)."""


@dataclass(slots=True)
class Site:
    """What the endpoints share: the runner, the source's name and the cached mediation rows."""

    runner: QueryRunner
    source: str
    node_cap: int = pages.DEFAULT_NODE_CAP
    table_cap: int = pages.DEFAULT_TABLE_CAP
    _mediations: pages.MediationRows | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def mediations(self) -> pages.MediationRows:
        """The mediations question's rows, computed once: the store is read-only while served."""
        with self._lock:
            if self._mediations is None:
                self._mediations = self.runner.run(lambda store, _deadline: pages.mediation_rows(store))
            return self._mediations


def create_app(store: ox.Store, *, source: str, query_timeout: float, max_rows: int,
               node_cap: int = pages.DEFAULT_NODE_CAP, warm: bool = True) -> Starlette:
    """The web app over ``store`` (opened read-only, or in memory from files)."""
    site = Site(QueryRunner(store, timeout=query_timeout, max_rows=max_rows), source, node_cap=node_cap)
    env = environment()

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("error", None)
        context.setdefault("inline", None)
        return HTMLResponse(env.get_template(template).render(request=request, **context), status_code=status)

    def guarded(render):  # noqa: ANN001, ANN202 - wraps an endpoint: kg's errors become pages
        def endpoint(request: Request) -> Response:
            try:
                return render(request)
            except (QueryTimeout, ServerBusy) as error:
                return page(request, "error.html", 503, heading="The query took too long", error=str(error))
            except KgError as error:
                return page(request, "error.html", 400, heading="Cannot show this page", error=str(error))
        return endpoint

    def run(work):  # noqa: ANN001, ANN202
        return site.runner.run(lambda store, _deadline: work(store))

    @guarded
    def home(request: Request) -> Response:
        count = run(lambda store: run_query(pages.page_query("document-count"), store)).rows[0]["documents"]
        return page(request, "index.html", source=source, documents=count,
                    endpoint=str(request.url_for("sparql")))

    @guarded
    def documents_page(request: Request) -> Response:
        docs = run(pages.documents)
        return page(request, "documents.html", columns=["documentId", "title", "issued", "url"],
                    rows=docs.rows[:1000], more=len(docs.rows) > 1000)

    @guarded
    def mediations(request: Request) -> Response:
        params = request.query_params
        form: MediationForm = {"minConfidence": params.get("minConfidence", ""), "from": params.get("from", ""),
                               "to": params.get("to", ""), "status": params.getlist("status")}
        data = site.mediations()
        error = None
        try:
            filters = pages.MediationFilters.parse(form["minConfidence"], form["from"], form["to"], form["status"])
        except KgError as bad:
            filters, error = pages.MediationFilters(), str(bad)
        rows = [row for row in data.rows if filters.keeps(row)]
        if params.get("format") == "csv":
            return Response(format_rows(QueryResult(data.columns, rows), "csv"), media_type="text/csv",
                            headers={"Content-Disposition": 'attachment; filename="mediations.csv"'})
        network = pages.mediation_network(rows, node_cap=site.node_cap)
        csv_query = [(k, v) for k, v in params.multi_items() if k != "format"] + [("format", "csv")]
        return page(request, "mediations.html", error=error, form=form, statuses=data.statuses, rows=rows,
                    network=network, columns=data.columns, table_rows=network.shown_rows,
                    table_cap=site.table_cap, csv_url="/mediations?" + urlencode(csv_query))

    @guarded
    def timeline(request: Request) -> Response:
        params = request.query_params
        form = {key: params.get(key, "").strip() for key in ("person", "country", "a", "b")}
        if not any(form.values()):
            return page(request, "timeline.html", form=form, timeline=None, subject=None)
        found = run(lambda store: pages.timeline(store, **{k: v or None for k, v in form.items()}))
        subject = (f"{form['a']} and {form['b']}" if form["a"] or form["b"]
                   else form["person"] or form["country"])
        return page(request, "timeline.html", form=form, timeline=found, subject=subject)

    @guarded
    def entity(request: Request) -> Response:
        iri = request.query_params.get("iri", "").strip()
        if not iri:
            raise KgError("name a node: /entity?iri=...")
        return page(request, "entity.html", entity=run(lambda store: pages.entity(store, iri)))

    @guarded
    def document(request: Request) -> Response:
        doc_id = request.query_params.get("id", "")
        if not doc_id:
            return RedirectResponse("/documents")
        doc = run(lambda store: pages.document(store, doc_id))
        fact_ids = {fact.iri: f"fact-{number}" for number, fact in enumerate(doc.facts)}
        return page(request, "document.html", doc=doc, fact_ids=fact_ids,
                    mention_things={m["id"]: m["things"] for m in doc.mentions},
                    labels={fact.iri: fact.label for fact in doc.facts})

    @guarded
    def questions(request: Request) -> Response:
        return page(request, "questions.html", questions=list_queries())

    @guarded
    def question(request: Request) -> Response:
        info = load_query(request.path_params["name"])
        declared = {p.name for p in info.parameters}
        values = {k: v for k, v in request.query_params.items() if k in declared and v != ""}
        if not request.query_params.get("run"):
            return page(request, "question.html", info=info, values=values, result=None)
        # Bound as typed RDF terms by kg.store.queries (pyoxigraph substitutions), as `kg query --param`.
        result = run(lambda store: run_query(info, store, values))
        fmt = request.query_params.get("format")
        if fmt in ("csv", "json", "tsv"):
            media = {"csv": "text/csv", "json": "application/sparql-results+json",
                     "tsv": "text/tab-separated-values"}[fmt]
            return Response(format_rows(result, fmt), media_type=media)
        download = f"/questions/{info.name}?" + urlencode({**values, "run": "1"})
        shown = result.rows[:site.table_cap]
        return page(request, "question.html", info=info, values=values, result=result, shown=shown,
                    capped=len(shown) < len(result.rows), download=download)

    async def sparql_endpoint(request: Request) -> Response:
        try:
            text, default_graphs, named_graphs, fmt = await _protocol_request(request)
        except sparql.ProtocolError as error:
            return _plain(error.status, str(error))
        if text is None:
            return page(request, "sparql.html", endpoint=str(request.url), timeout=f"{query_timeout:g}",
                        max_rows=max_rows)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_answer, request, text, default_graphs, named_graphs, fmt)

    def _answer(request: Request, text: str, default_graphs: list[str], named_graphs: list[str],
                fmt: str | None) -> Response:
        try:
            defaults = sparql.graph_nodes(default_graphs, "default-graph-uri")
            named = sparql.graph_nodes(named_graphs, "named-graph-uri")
            answer = site.runner.run(lambda store, deadline: sparql.execute(
                store, deadline, text, max_rows=site.runner.max_rows, default_graphs=defaults,
                named_graphs=named))
            media = sparql.choose_media_type(answer.kind, request.headers.get("accept"), fmt)
            body = sparql.serialize(answer, media)
        except sparql.ProtocolError as error:
            return _plain(error.status, str(error))
        except (QueryTimeout, ServerBusy) as error:
            return _plain(503, str(error))
        headers = {"Vary": "Accept"}
        if answer.capped:
            headers["KG-Results-Capped"] = str(site.runner.max_rows)
            headers["Warning"] = f'199 kg "results capped at {site.runner.max_rows} rows (--max-rows)"'
        charset = "; charset=utf-8" if media.startswith(("text/", "application/sparql-results+json")) else ""
        return Response(body, media_type=media + charset, headers=headers)

    def warm_up() -> None:
        try:
            site.mediations()
        except KgError as error:
            log.warning("could not compute the mediation network in advance: %s", error)

    routes = [
        Route("/", guarded(home), name="home"),
        Route("/documents", documents_page),
        Route("/mediations", mediations),
        Route("/timeline", timeline),
        Route("/entity", entity),
        Route("/document", document),
        Route("/questions", questions),
        Route("/questions/{name}", question),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"], name="sparql"),
        Mount("/static", StaticFiles(packages=[("kg.web", "static")]), name="static"),
    ]
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if warm:  # the network page's rows, computed while the first visitor finds their way
            threading.Thread(target=warm_up, name="kg-warm-up", daemon=True).start()
        yield
        site.runner.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.site = site
    return app


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8")


async def _protocol_request(request: Request) -> tuple[str | None, list[str], list[str], str | None]:
    """The query text, graph parameters and ``format`` of a SPARQL 1.1 Protocol request.

    A request that carries an update (``update=`` or an ``application/sparql-update`` body)
    is refused with 403 before anything is read further.
    """
    params: dict[str, list[str]] = {k: request.query_params.getlist(k) for k in request.query_params.keys()}
    if request.method == "POST":
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if len(body) > MAX_QUERY_BYTES:
            raise sparql.ProtocolError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
        if kind == "application/sparql-update":
            raise sparql.ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
        if kind == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", errors="replace"))
        elif kind == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            raise sparql.ProtocolError(415, "POST a query as application/sparql-query or as a form "
                                            "(application/x-www-form-urlencoded, query=...)")
    if "update" in params:
        raise sparql.ProtocolError(403, "this endpoint is read-only: SPARQL updates are refused")
    queries = params.get("query", [])
    if len(queries) > 1:
        raise sparql.ProtocolError(400, "give one query")
    formats = params.get("format")
    return (queries[0] if queries else None, params.get("default-graph-uri", []),
            params.get("named-graph-uri", []), formats[0] if formats else None)
