"""The ``kg merge`` and ``kg import gdelt`` commands, registered on ``kg.cli.app``.

Thin wrappers, like the rest of the CLI: parse options, call :func:`kg.merge.merge_to` or
:func:`kg.sources.gdelt.import_gdelt`, print one summary line (and each skipped row) on stderr.
Errors are kg's own (``KgError``), which ``kg.cli.main`` prints as one line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.app import RecursiveOption, _err, _expand, _say
from kg.errors import InputError, KgError
from kg.settings import DEFAULT_BASE_IRI, Settings


class OnRowError(StrEnum):
    raise_ = "raise"
    skip = "skip"


def merge(
    inputs: Annotated[list[str] | None, typer.Argument(help="RDF files written by kg (.trig .nq .jsonld; "
                                                       ".ttl .nt land in the default graph).")] = None,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (- for stdout).")] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="RDFC-1.0 canonical N-Quads: byte-identical "
                                            "across runs and input orders.")] = False,
    store: Annotated[str | None, typer.Option("--store", help="Merge into this embedded store, in place.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="trig, nquads or jsonld (default: from the "
                                            "output's extension).")] = None,
    base_iri: Annotated[str, typer.Option(help="Base of the IRIs kg mints.")] = DEFAULT_BASE_IRI,
    recursive: RecursiveOption = False,
) -> None:
    """Merge graphs: one person, country, organisation and event across documents and sources."""
    from kg.merge import merge_to

    files = _expand(list(inputs or []), rdf_folders=True, recursive=recursive)
    summary = merge_to(files, output=output, store_dir=store, canonical=canonical, fmt=fmt,
                       settings=Settings(base_iri=base_iri))
    where = " and ".join(x for x in (summary.output if summary.output not in (None, "-") else None,
                                     summary.store and f"store {summary.store}") if x)
    _say(f"{summary.report.summary()}; {summary.quads} quads" + (f" -> {where}" if where else ""))


def import_gdelt(
    files: Annotated[list[str], typer.Argument(help="GDELT 2.0 event exports (tab-separated, 61 columns), "
                                               "or glob patterns.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file (- for stdout).")],
    fmt: Annotated[str | None, typer.Option("--format", help="trig, nquads, jsonld, turtle or ntriples "
                                            "(default: from the output's extension).")] = None,
    on_error: Annotated[OnRowError, typer.Option("--on-error", help="raise: stop at the first malformed row; "
                                                 "skip: report it and go on.")] = OnRowError.raise_,
    base_iri: Annotated[str, typer.Option(help="Base of the IRIs kg mints.")] = DEFAULT_BASE_IRI,
) -> None:
    """Import GDELT events: actors, CAMEO codes, dates, places, and each row as evidence."""
    from kg.io import check_output
    from kg.rdf.serialize import DatasetWriter
    from kg.sources.gdelt import import_gdelt as run_import

    paths = _expand(files)
    check_output(output, paths)

    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        _err(str(error))

    with DatasetWriter(output, fmt, base_iri=base_iri) as writer:
        for file in paths:
            writer.add_all(run_import(file, on_error=on_error.value, report=report,
                                      settings=Settings(base_iri=base_iri)))
        if writer.graphs == 0:
            raise KgError(f"{', '.join(paths)}: no GDELT event imported"
                          + (": every row was malformed" if skipped else ""))
    message = f"{writer.graphs} document(s), {writer.triples} triples"
    if output != "-":
        message += f" -> {output}"
    if skipped:
        message += f"; {len(skipped)} row(s) skipped"
    _say(message)


def register(app: typer.Typer) -> None:
    """Add ``merge`` and ``import gdelt`` to the ``kg`` command."""
    app.command("merge")(merge)
    import_app = typer.Typer(help="Import other event data into kg's graphs.", no_args_is_help=True)
    import_app.command("gdelt")(import_gdelt)
    app.add_typer(import_app, name="import")
