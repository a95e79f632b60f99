"""``kg query``: a shipped question or a .rq file over files, the embedded store or a server."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from kg.cli.app import (
    DigestOption,
    EndpointOption,
    PasswordOption,
    RecursiveOption,
    ResultFormat,
    TimeoutOption,
    TokenOption,
    UserOption,
    _expand,
    _fail,
    _open_store,
    _write_output,
    app,
)
from kg.settings import DEFAULT_STORE_DIR, DEFAULT_TIMEOUT


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="A shipped query's name, or a path to an .rq file.")] = None,
    sources: Annotated[list[str] | None, typer.Argument(help="RDF files to query (.ttl .nt .trig .nq .jsonld), or "
                                                           "glob patterns.")]
    = None,
    store: Annotated[str | None, typer.Option("--store", help="Query this embedded store.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="table (in a terminal), csv, tsv or json "
                                            "(csv when piped); for CONSTRUCT and DESCRIBE an RDF format: turtle "
                                            "(default), ntriples, trig, nquads or jsonld.")] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", help="A parameter as NAME=VALUE.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                         help="Only facts at least this sure.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the shipped questions.")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Let a query over files or a store "
                                                "call other endpoints (SERVICE).")] = False,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    recursive: RecursiveOption = False,
) -> None:
    """Answer a question over kg's graphs with SPARQL (files, an embedded store or a SPARQL server)."""
    from kg.api import open_sources
    from kg.store.queries import format_rows, list_queries, load_query, run_query

    if list_:
        for info in list_queries():
            typer.echo(f"{info.name:<22} {info.question}")
        return
    if name is None:
        raise _fail("name a query (kg query --list shows them), or give --list", 2)
    info = load_query(name)
    bindings = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        bindings[key] = value
    if min_confidence is not None:
        if "minConfidence" in bindings:
            raise _fail("give --min-confidence or --param minConfidence=..., not both", 2)
        if "minConfidence" not in {p.name for p in info.parameters}:
            raise _fail(f"query {info.name!r} has no confidence to filter on")
        bindings["minConfidence"] = str(min_confidence)
    if endpoint is not None:
        if sources or store is not None:
            raise _fail("query either an --endpoint, RDF files or a --store", 2)
        with _open_store(None, endpoint, None, None, user, password, token, digest,
                         timeout=timeout) as remote:
            result = remote.query(info, bindings)
            if not result.rows:  # an empty answer: make sure it is not the server's default graph
                remote.check_union_default_graph()
            _check_shortcuts(remote, info.text)
    else:
        if not sources and store is None and os.path.isdir(DEFAULT_STORE_DIR):
            store = DEFAULT_STORE_DIR
        files = _expand(list(sources or []), rdf_folders=True, recursive=recursive)
        result = run_query(info, open_sources(files, store), bindings, allow_service=allow_service)
    if result.graph:
        _write_graph(result, output, fmt)
        return
    try:
        chosen = ResultFormat(fmt.lower()) if fmt is not None else (
            ResultFormat.table if sys.stdout.isatty() and output in (None, "-") else ResultFormat.csv)
    except ValueError:
        raise typer.BadParameter(f"{fmt!r}: use table, csv, tsv or json", param_hint="--format") from None
    if chosen is ResultFormat.table and output in (None, "-"):
        _print_table(info.name, result)
    elif chosen is ResultFormat.table:
        raise typer.BadParameter("a table is for the terminal: use csv, tsv or json with -o", param_hint="--format")
    else:
        _write_output(output, format_rows(result, chosen.value))


def _check_shortcuts(remote, text: str) -> None:  # noqa: ANN001 - RemoteStore
    """Fail if a question reading kg's shortcut triples ran on a server whose data has what
    they stand for but no shortcut (written by an older kg): its answer would be wrong."""
    from kg.rdf.shortcuts import SHORTCUTS_MISSING, shortcuts_missing, uses_shortcuts

    if uses_shortcuts(text) and shortcuts_missing(lambda ask: remote.query(ask).rows[0]["boolean"] == "true"):
        raise _fail(SHORTCUTS_MISSING)


def _write_graph(result, output: str | None, fmt: str | None) -> None:  # noqa: ANN001 - QueryResult
    """A CONSTRUCT's or DESCRIBE's triples as RDF (Turtle unless told), with kg's prefixes."""
    import pyoxigraph as ox

    from kg.rdf.serialize import DatasetWriter

    triples = [ox.Triple(t["subject"], t["predicate"], t["object"]) for t in result.terms]
    with DatasetWriter(output or "-", fmt or ("turtle" if output in (None, "-") else None)) as writer:
        writer.add_triples(triples)


def _print_table(title: str, result) -> None:  # noqa: ANN001
    from rich.console import Console
    from rich.table import Table

    # A terminal is narrow: show labels, not the IRIs they label (csv/json keep both).
    columns = [c for c in result.columns if f"{c}Label" not in result.columns]
    table = Table(title=f"{title} ({len(result.rows)} rows)", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*[_short(row.get(c)) for c in columns])
    # Written to a file or a pipe, a table needs no wrapping at 80 columns.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _short(value: str | None) -> str:
    """A cell for people: kg's own IRIs by their last segment ('talks-55'), long text cut."""
    if value is None:
        return ""
    if value.startswith(("http://", "https://")) and "/id/" in value:
        value = value.rsplit("/", 1)[-1]
    return value if len(value) <= 120 else value[:117] + "..."

