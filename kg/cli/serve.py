"""``kg serve`` (a local web view and SPARQL endpoint) and ``kg viz`` (the network as one HTML file)."""

from __future__ import annotations

import ipaddress
import os
import socket
from typing import Annotated

import typer

from kg.cli.app import _err, _fail, app
from kg.settings import DEFAULT_STORE_DIR

SERVE_EXTRA_HINT = "the web view needs the web extra: pip install 'kg-news[web]'"


def _open_for_reading(sources: list[str], store: str | None, *,  # noqa: ANN202 - (pyoxigraph.Store, name)
                      in_memory: bool = False):
    from kg.api import open_sources

    if not sources and store is None:
        if not os.path.isdir(DEFAULT_STORE_DIR):
            raise _fail(f"name RDF files or a --store (no ./{DEFAULT_STORE_DIR} here)", 2)
        store = DEFAULT_STORE_DIR
    name = store if store is not None else ", ".join(sources)
    return open_sources(list(sources), store, in_memory=in_memory), name


@app.command()
def serve(
    sources: Annotated[list[str] | None, typer.Argument(help="RDF files to serve (.trig .nq ...), held in memory.")]
    = None,
    store: Annotated[str | None, typer.Option("--store", help=f"Serve this embedded store, read-only "
                                              f"(default ./{DEFAULT_STORE_DIR}).")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but loopback exposes "
                                      "the graph to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free one).")] = 8000,
    query_timeout: Annotated[float, typer.Option("--query-timeout", min=0.1, help="Stop a query after this "
                                                 "many seconds.")] = 30.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Return at most this many rows or triples "
                                          "from the SPARQL endpoint.")] = 10_000,
    node_cap: Annotated[int, typer.Option("--max-nodes", min=1, help="Show at most this many actors in the "
                                          "network.")] = 150,
    in_memory: Annotated[bool, typer.Option("--in-memory", help="Copy the --store into memory when starting "
                                            "(about 10 s and 650 MB a million triples): the questions behind "
                                            "the pages answer two to three times faster.")] = False,
) -> None:
    """Serve a local web view of the graph and a read-only SPARQL endpoint (opens no browser)."""
    try:
        import uvicorn

        from kg.web.app import create_app
    except ImportError:
        raise _fail(SERVE_EXTRA_HINT) from None

    if in_memory and sources:
        raise _fail("--in-memory copies a --store; RDF files are held in memory already", 2)
    opened, name = _open_for_reading(list(sources or []), store, in_memory=in_memory)
    if not _is_loopback(host):
        _err(f"warning: listening on {host}: anyone who can reach this machine can read the whole graph "
             "(there is no authentication)")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
        listener.listen(128)  # connections wait in the backlog until the server takes them
    except OSError as error:
        raise _fail(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    url = f"http://{shown}:{bound}/"
    typer.echo(f"kg: serving {name} at {url} (SPARQL endpoint {url}sparql); Ctrl-C stops", err=False)
    application = create_app(opened, source=name, query_timeout=query_timeout, max_rows=max_rows,
                             node_cap=node_cap)
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning", access_log=False))
    server.run(sockets=[listener])


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def viz(
    sources: Annotated[list[str] | None, typer.Argument(help="RDF files to draw (.trig .nq ...).")] = None,
    output: Annotated[str, typer.Option("-o", "--output", help="The HTML file to write.")] = "mediations.html",
    store: Annotated[str | None, typer.Option("--store", help="Draw this embedded store instead.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                         help="Only mediations at least this sure.")] = None,
    node_cap: Annotated[int, typer.Option("--max-nodes", min=1, help="Draw at most this many actors.")] = 150,
) -> None:
    """Write the mediation network and its rows as one self-contained HTML file (no network needed)."""
    try:
        from kg.web.pages import MediationFilters
        from kg.web.viz import render_viz, write_viz
    except ImportError:
        raise _fail(SERVE_EXTRA_HINT) from None

    opened, name = _open_for_reading(list(sources or []), store)
    filters = MediationFilters.parse(None if min_confidence is None else str(min_confidence), None, None, None)
    written = write_viz(render_viz(opened, source=name, filters=filters, node_cap=node_cap), output)
    typer.echo(f"kg: wrote {written} ({os.path.getsize(written) // 1024} KiB); open it in any browser")
