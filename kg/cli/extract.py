"""``kg extract``: articles in, RDF (files and/or a store) out."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Annotated

import typer

from kg.cli.app import (
    OnError,
    RecursiveOption,
    _err,
    _expand,
    _extract_progress,
    _parse_date,
    _say,
    _stop_if_asked,
    app,
)
from kg.errors import InputError
from kg.settings import DEFAULT_BASE_IRI, DEFAULT_BATCH_SIZE, Settings


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt, .jsonl, .jsonl.gz), folders of them, glob "
                                                "patterns ('docs/*.txt'), or - for stdin.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (- for stdout).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="turtle, ntriples, trig, nquads or jsonld "
                                            "(default: from the output's extension).")] = None,
    store: Annotated[str | None, typer.Option("--store", help="Also write into this embedded store.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="spaCy processes (with --scheduler local: Dask "
                                         "workers).")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Run on Dask: tcp://HOST:PORT of a running scheduler, "
                                                  "or 'local' for a cluster of --workers processes.")] = None,
    resume: Annotated[bool, typer.Option(help="Finish a run that was killed: extract only what its "
                                         "journal does not hold.")] = False,
    restart: Annotated[bool, typer.Option(help="Discard the journal of an unfinished run and start "
                                          "again.")] = False,
    doc_timeout: Annotated[float | None, typer.Option(min=0.001, help="Seconds a document may take; "
                                                      "a slower one is a bad record.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")] = DEFAULT_BATCH_SIZE,
    partition_size: Annotated[int | None, typer.Option(min=1, help="Documents per partition (the unit of "
                                                       "work, journal and retry); by default 64, fewer in the "
                                                       "last ones of a parallel run.")] = None,
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
    from kg.io import check_output, count_records, read_located

    if resume and restart:
        raise typer.BadParameter("--resume and --restart exclude each other", param_hint="--resume")
    paths = _expand(inputs)
    if output is not None:
        check_output(output, paths)
    settings = Settings(base_iri=base_iri, model=model, workers=workers, batch_size=batch_size,
                        timestamps=timestamps)
    when = _parse_date(published, "--published")
    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        _err(str(error))

    located = with_published(read_located(paths, on_error=on_error.value, report=report, recursive=recursive),
                             when)
    bar = _extract_progress()
    # The count (one cheap pass over the input) is the bar's total, and in a parallel run it makes
    # the last partitions shorter, so that the workers finish together.
    total = (count_records(paths, recursive=recursive)
             if bar is not None or workers > 1 or scheduler is not None else None)
    with bar or nullcontext():
        task = bar.add_task("extracting", total=total, words=0) if bar is not None else None

        def advance(documents: int, words: int) -> None:
            _stop_if_asked()  # a partition is done: a safe point
            if bar is not None and task is not None:
                bar.update(task, advance=documents, words=bar.tasks[task].fields["words"] + words, refresh=True)

        summary = extract_to(located, settings=settings, output=output, fmt=fmt, store=store,
                             detect_copies=detect_copies, scheduler=scheduler, resume=resume, restart=restart,
                             doc_timeout=doc_timeout, on_error=on_error.value, report=report,
                             on_progress=advance, partition_docs=partition_size, total=total)
    where = " and ".join(x for x in (summary.output if summary.output != "-" else None,
                                     summary.store and f"store {summary.store}") if x)
    message = f"{summary.documents} document(s), {summary.triples} triples"
    if where:
        message += f" -> {where}"
    if summary.resumed:
        message += f"; {summary.resumed} taken from the unfinished run's journal"
    if summary.copies:
        message += f"; {summary.copies} copy(ies) of earlier documents linked, not re-extracted"
    if skipped:
        message += f"; {len(skipped)} record(s) skipped"
    _say(message)
