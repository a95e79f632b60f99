"""``kg load``, ``kg drop`` and ``kg stats``: what goes into a store, what leaves it, what it holds."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.app import (
    DigestOption,
    EndpointOption,
    GraphStoreOption,
    PasswordOption,
    RecursiveOption,
    StoreOption,
    TimeoutOption,
    TokenOption,
    UpdateEndpointOption,
    UserOption,
    _expand,
    _fail,
    _open_store,
    _say,
    _where,
    _write_output,
    app,
)
from kg.settings import DEFAULT_BASE_IRI, DEFAULT_STORE_DIR, DEFAULT_TIMEOUT


@app.command()
def load(
    files: Annotated[list[str], typer.Argument(help="RDF files: .trig .nq .jsonld (a graph per document), "
                                               ".ttl .nt (one graph per file).")],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    graph_store: GraphStoreOption = None,
    graph: Annotated[str | None, typer.Option("--graph", help="The graph a .ttl/.nt file's triples go "
                                              "into (default: the file's file: URI).")] = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    recursive: RecursiveOption = False,
    compact: Annotated[bool, typer.Option("--compact", help="Compact the embedded store as part of the load: "
                                          "about a tenth more load time, questions 10-17% faster.")] = False,
) -> None:
    """Load RDF files (or folders of them) into a store; each named graph replaces the store's graph of that name."""
    from kg.store.load import load_files

    if compact and endpoint is not None:
        raise _fail("--compact compacts the embedded store; a server keeps its own files")
    with _open_store(store, endpoint, update_endpoint, graph_store, user, password, token, digest,
                     timeout=timeout) as opened:
        summary = load_files(opened, _expand(files, rdf_folders=True, recursive=recursive), graph=graph,
                             compact=compact)
    compacted = ", store compacted" if compact else ""
    _say(f"{summary.files} file(s), {summary.graphs} graph(s) loaded{compacted} -> {_where(store, endpoint)}")


@app.command()
def drop(
    documents: Annotated[list[str] | None, typer.Argument(help="Ids of the documents whose graphs go.")] = None,
    graph: Annotated[list[str] | None, typer.Option("--graph", help="Drop this graph (by IRI) too.")] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    graph_store: GraphStoreOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    base_iri: Annotated[str, typer.Option(help="Base of the IRIs kg minted.")] = DEFAULT_BASE_IRI,
) -> None:
    """Remove documents' graphs from a store (one that is not there is named, not an error)."""
    from kg.rdf.iris import document_iri
    from kg.store.base import holds_graph

    if not documents and not graph:
        raise _fail("name the document ids to drop (or --graph IRI)", 2)
    targets = [(doc_id, str(document_iri(doc_id, base_iri))) for doc_id in documents or []]
    targets += [(name, name) for name in graph or []]
    absent = []
    with _open_store(store, endpoint, update_endpoint, graph_store, user, password, token, digest,
                     timeout=timeout) as opened:
        for shown, name in targets:
            if not holds_graph(opened, name):
                absent.append(shown)
                continue
            opened.drop_graph(name)
    dropped = len(targets) - len(absent)
    missing = f"; not in the store: {', '.join(absent)}" if absent else ""
    _say(f"{dropped} graph(s) dropped{missing} -> {_where(store, endpoint)}")


@app.command()
def upgrade(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    update_endpoint: UpdateEndpointOption = None,
    graph_store: GraphStoreOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Bring a store an older kg wrote up to date: add the shortcut triples (kg:holdingOf) the
    questions read, and compact an embedded store."""
    from kg.store.load import upgrade_store

    if endpoint is None and not os.path.isdir(store or DEFAULT_STORE_DIR):
        raise _fail(f"{store or DEFAULT_STORE_DIR}: no such store")
    with _open_store(store, endpoint, update_endpoint, graph_store, user, password, token, digest,
                     timeout=timeout) as opened:
        graphs = upgrade_store(opened)
    done = (f"{graphs} graph(s) given shortcut triples, store compacted" if endpoint is None
            else "shortcut triples added")
    _say(f"{done} -> {_where(store, endpoint)}")


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def stats(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    fmt: Annotated[StatsFormat, typer.Option("--format", help="text or json.")] = StatsFormat.text,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help="Same as --format json.")] = False,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
) -> None:
    """Count what a store holds: documents, people, countries, events by type, mediations, triples."""
    import json

    from kg.store.stats import format_stats, store_stats

    if endpoint is None and store is None:
        store = DEFAULT_STORE_DIR
    with _open_store(store, endpoint, None, None, user, password, token, digest, read_only=True,
                     timeout=timeout) as opened:
        counts = store_stats(opened)
    if as_json or fmt is StatsFormat.json:
        _write_output(output, json.dumps(counts, indent=1) + "\n")
    else:
        _write_output(output, format_stats(counts))
