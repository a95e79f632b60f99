"""The ``kg`` command: thin typer wrappers around kg's library functions.

This is the only module that reads the environment or writes to the terminal.  Errors
kg expects (bad input, unknown query) print one line and exit non-zero, no traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import nullcontext
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from kg.cli_merge import register as register_merge
from kg.errors import InputError, KgError
from kg.settings import DEFAULT_BASE_IRI, DEFAULT_BATCH_SIZE, DEFAULT_STORE_DIR, Settings

app = typer.Typer(
    name="kg",
    help="Knowledge graphs of political and diplomatic news: who met, talked to, or mediated between whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
ontology_app = typer.Typer(help="Check kg's OWL ontology.", no_args_is_help=True)
app.add_typer(ontology_app, name="ontology")


class OnError(StrEnum):
    raise_ = "raise"
    skip = "skip"


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _fail(message: str, code: int = 1) -> typer.Exit:
    _err(message)
    return typer.Exit(code)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option) from None


@app.command()
def extract(
    input: Annotated[str, typer.Argument(help="A .txt or .jsonl file, a folder of them, or - for stdin.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (- for stdout).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="turtle, ntriples, trig, nquads or jsonld "
                                            "(default: from the output's extension).")] = None,
    store: Annotated[str | None, typer.Option("--store", help="Also write into this embedded store.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="spaCy processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")] = DEFAULT_BATCH_SIZE,
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    on_error: Annotated[OnError, typer.Option("--on-error", help="raise: stop at the first bad record; "
                                              "skip: report it and go on.")] = OnError.raise_,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for texts that "
                                                  "carry none.")] = None,
    base_iri: Annotated[str, typer.Option(help="Base of the IRIs kg mints.")] = DEFAULT_BASE_IRI,
    detect_copies: Annotated[bool, typer.Option(help="Link wire copies (same or nearly the same text) to the "
                                                "first document instead of extracting them again.")] = True,
) -> None:
    """Extract people, roles, meetings and mediations from articles into RDF."""
    from kg.api import extract_to, with_published
    from kg.io import count_records, read_articles

    settings = Settings(base_iri=base_iri, model=model, workers=workers, batch_size=batch_size)
    when = _parse_date(published, "--published")
    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        _err(str(error))

    articles = with_published(read_articles(input, on_error=on_error.value, report=report), when)
    bar = _progress_bar()
    with bar or nullcontext():
        task = bar.add_task("extracting", total=count_records(input)) if bar is not None else None

        def advance(_record: object) -> None:
            if bar is not None and task is not None:
                bar.advance(task)

        summary = extract_to(articles, settings=settings, output=output, fmt=fmt, store=store,
                             on_record=advance, detect_copies=detect_copies)
    where = " and ".join(x for x in (summary.output if summary.output != "-" else None,
                                     summary.store and f"store {summary.store}") if x)
    message = f"{summary.documents} document(s), {summary.triples} triples"
    if where:
        message += f" -> {where}"
    if summary.copies:
        message += f"; {summary.copies} copy(ies) of earlier documents linked, not re-extracted"
    if skipped:
        message += f"; {len(skipped)} record(s) skipped"
    _err(message)


def _progress_bar():  # noqa: ANN202 - a rich Progress on a terminal, else None
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="A shipped query's name, or a path to an .rq file.")] = None,
    sources: Annotated[list[str] | None, typer.Argument(help="RDF files to query (.ttl .nt .trig .nq .jsonld).")]
    = None,
    store: Annotated[str | None, typer.Option("--store", help="Query this embedded store.")] = None,
    fmt: Annotated[ResultFormat | None, typer.Option("--format", help="table (in a terminal), csv, tsv or json "
                                                     "(csv when piped).")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", help="A parameter as NAME=VALUE.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                         help="Only facts at least this sure.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the shipped questions.")] = False,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
) -> None:
    """Answer a question over kg's graphs with SPARQL (files, an embedded store or a SPARQL server)."""
    from kg.api import open_sources
    from kg.queries import format_rows, list_queries, load_query, run_query

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
        if "minConfidence" not in {p.name for p in info.parameters}:
            raise _fail(f"query {info.name!r} has no confidence to filter on")
        bindings["minConfidence"] = str(min_confidence)
    if endpoint is not None:
        if sources or store is not None:
            raise _fail("query either an --endpoint, RDF files or a --store", 2)
        with _open_store(None, endpoint, None, None, user, password, token, digest) as remote:
            result = remote.query(info, bindings)
    else:
        if not sources and store is None and os.path.isdir(DEFAULT_STORE_DIR):
            store = DEFAULT_STORE_DIR
        result = run_query(info, open_sources(list(sources or []), store), bindings)
    chosen = fmt or (ResultFormat.table if sys.stdout.isatty() else ResultFormat.csv)
    if chosen is ResultFormat.table:
        _print_table(info.name, result)
    else:
        sys.stdout.write(format_rows(result, chosen.value))


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


# -- stores: load, drop, stats -------------------------------------------------------------

StoreOption = Annotated[str | None, typer.Option(
    "--store", help=f"The embedded store's folder (default ./{DEFAULT_STORE_DIR}).")]
EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint", help="A SPARQL 1.1 query endpoint (its default graph the union of graphs).")]
UpdateEndpointOption = Annotated[str | None, typer.Option(
    "--update-endpoint", help="The server's SPARQL update endpoint (default: --endpoint).")]
GraphStoreOption = Annotated[str | None, typer.Option(
    "--graph-store", help="The server's Graph Store Protocol endpoint (graphs replaced by PUT).")]
UserOption = Annotated[str | None, typer.Option(
    "--user", envvar="KG_USER", show_default=False, help="User for HTTP basic (or --digest) auth.")]
PasswordOption = Annotated[str | None, typer.Option(
    "--password", envvar="KG_PASSWORD", show_default=False,
    help="Password for --user; better from the environment (KG_PASSWORD) than the command line.")]
TokenOption = Annotated[str | None, typer.Option(
    "--token", envvar="KG_TOKEN", show_default=False, help="A bearer token (better: KG_TOKEN).")]
DigestOption = Annotated[bool, typer.Option(
    "--digest", help="Answer HTTP digest challenges with --user/--password (Virtuoso's *-auth endpoints).")]


def _auth(user: str | None, password: str | None, token: str | None, digest: bool):  # noqa: ANN202
    from kg.store.remote import BasicAuth, BearerToken, DigestAuth

    if token and (user or password):
        raise _fail("give a --token or a --user and --password, not both", 2)
    if token:
        return BearerToken(token)
    if user is None and password is None:
        return None
    if user is None or password is None:
        raise _fail("--user and --password (or KG_USER and KG_PASSWORD) go together", 2)
    return DigestAuth(user, password) if digest else BasicAuth(user, password)


def _open_store(store: str | None, endpoint: str | None, update_endpoint: str | None,
                graph_store: str | None, user: str | None, password: str | None, token: str | None,
                digest: bool, *, read_only: bool = False):  # noqa: ANN202 - EmbeddedStore | RemoteStore
    from kg.store import open_store

    if endpoint is None and store is not None and read_only and not os.path.isdir(store):
        raise _fail(f"{store}: no such store")
    return open_store(store_dir=store, endpoint=endpoint, update_endpoint=update_endpoint,
                      graph_store=graph_store, auth=_auth(user, password, token, digest),
                      read_only=read_only)


def _where(store: str | None, endpoint: str | None) -> str:
    return endpoint if endpoint is not None else f"store {store or DEFAULT_STORE_DIR}"


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
) -> None:
    """Load RDF files into a store; each named graph replaces the store's graph of that name."""
    from kg.store.load import load_files

    with _open_store(store, endpoint, update_endpoint, graph_store, user, password, token, digest) as opened:
        summary = load_files(opened, files, graph=graph)
    _err(f"{summary.files} file(s), {summary.graphs} graph(s) loaded -> {_where(store, endpoint)}")


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
    with _open_store(store, endpoint, update_endpoint, graph_store, user, password, token, digest) as opened:
        for shown, name in targets:
            if not holds_graph(opened, name):
                absent.append(shown)
                continue
            opened.drop_graph(name)
    dropped = len(targets) - len(absent)
    missing = f"; not in the store: {', '.join(absent)}" if absent else ""
    _err(f"{dropped} graph(s) dropped{missing} -> {_where(store, endpoint)}")


@app.command()
def stats(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    token: TokenOption = None,
    digest: DigestOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Count what a store holds: documents, people, countries, events by type, mediations, triples."""
    import json

    from kg.stats import format_stats, store_stats

    if endpoint is None and store is None:
        store = DEFAULT_STORE_DIR
    with _open_store(store, endpoint, None, None, user, password, token, digest, read_only=True) as opened:
        counts = store_stats(opened)
    typer.echo(json.dumps(counts, indent=1) if as_json else format_stats(counts), nl=as_json)


@app.command()
def validate(
    file: Annotated[str, typer.Argument(help="An RDF file written by kg.")],
) -> None:
    """Check a graph against kg's SHACL shapes; exits 1 on a violation."""
    from kg.api import load_graph_file
    from kg.ontology_tools import validate as run_validation

    report = run_validation(load_graph_file(file))
    if report.conforms:
        typer.echo(f"{file}: conforms to kg's shapes")
        return
    typer.echo(report.text)
    raise _fail(f"{file}: {report.violations} violation(s) of kg's shapes")


@ontology_app.command("check")
def ontology_check(
    reasoner: Annotated[bool, typer.Option(help="Run HermiT (needs Java).")] = True,
) -> None:
    """Load the ontology with owlready2 and run HermiT: consistent, classes satisfiable."""
    from kg.ontology_tools import check_ontology

    report = check_ontology(reasoner=reasoner)
    typer.echo(report.message)
    if not report.consistent or report.unsatisfiable:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold annotations (JSONL, as ../shared/eval/README.md).")],
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and false hits per document.")] = False,
) -> None:
    """Score kg's answers against gold annotations (precision, recall, F1)."""
    from kg.evaluation_run import run_evaluation

    report = run_evaluation(gold, settings=Settings(model=model))
    if as_json:
        typer.echo(report.to_json())
        return
    _print_eval(report, details)


def _print_eval(report, details: bool) -> None:  # noqa: ANN001
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title="kg eval")
    for column in ("figure", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for row in report.to_table_rows():
        table.add_row(*[str(x) for x in row])
    console.print(table)
    if details:
        for doc_id, detail in sorted(report.details.items()):
            console.print(f"[bold]{doc_id}[/bold] {detail}")


register_merge(app)


def main() -> None:
    """Entry point: run the app, turning kg's own errors into one line on stderr."""
    logging.basicConfig(level=os.environ.get("KG_LOG_LEVEL", "WARNING"), format="%(levelname)s %(message)s")
    try:
        app()
    except KgError as error:
        _err(str(error) if isinstance(error, InputError) else f"kg: {error}")
        sys.exit(1)
    except KeyboardInterrupt:
        _err("kg: interrupted")
        sys.exit(130)
    except SystemExit as exiting:
        # typer turns Ctrl-C into exit status 130 before we see the KeyboardInterrupt.
        if exiting.code == 130:
            _err("kg: interrupted; no output was written")
        raise


if __name__ == "__main__":
    main()
