"""``kg extract``: articles in, RDF (files and/or a store) out."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated

import typer

from kg.cli.app import OnError, RecursiveOption, _err, _expand, _parse_date, _progress_bar, _say, app
from kg.errors import InputError
from kg.settings import DEFAULT_BASE_IRI, DEFAULT_BATCH_SIZE, Settings


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help=".txt or .jsonl files, folders of them, glob patterns "
                                                "('docs/*.txt'), or - for stdin.")],
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
    timestamps: Annotated[bool, typer.Option(help="Record when each document was extracted (PROV start and "
                                             "end times); without them a rerun gives the same bytes.")] = True,
    recursive: RecursiveOption = False,
    detect_copies: Annotated[bool, typer.Option(help="Link wire copies (same or nearly the same text) to the "
                                                "first document instead of extracting them again.")] = True,
) -> None:
    """Extract people, roles, meetings and mediations from articles into RDF."""
    from kg.api import extract_to, with_published
    from kg.io import count_records, read_articles

    settings = Settings(base_iri=base_iri, model=model, workers=workers, batch_size=batch_size,
                        timestamps=timestamps)
    when = _parse_date(published, "--published")
    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        _err(str(error))

    paths = _expand(inputs)
    articles = with_published(read_articles(paths, on_error=on_error.value, report=report, recursive=recursive),
                              when)
    bar = _progress_bar()
    with bar or nullcontext():
        task = bar.add_task("extracting", total=count_records(paths, recursive=recursive)) if bar is not None else None

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
    _say(message)

