"""``kg validate`` (SHACL shapes) and ``kg ontology check`` (owlready2 + HermiT)."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import _err, _expand, _say, app, ontology_app


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="RDF files written by kg (glob patterns too).")],
) -> None:
    """Check graphs against kg's SHACL shapes, each file on its own.

    Exits 1 on a violation, 2 if a file cannot be read, 3 if a file holds nothing of kg's to
    check (with several files, the first of 2, 1, 3 that any file gave).
    """
    codes = {_validate_file(file) for file in _expand(files)}
    for code in (2, 1, 3):
        if code in codes:
            raise typer.Exit(code)


def _validate_file(file: str) -> int:
    from kg.api import load_graph_file
    from kg.errors import KgError
    from kg.rdf.ontology import validate as run_validation

    try:
        dataset = load_graph_file(file)
    except KgError as error:  # a syntax error or a missing file: not a verdict on the data
        _err(str(error))
        return 2
    report = run_validation(dataset)
    if report.checked == 0:
        _err(f"{file}: nothing was checked: no node of kg's vocabulary in the file")
        return 3
    if report.conforms:
        typer.echo(f"{file}: conforms to kg's shapes")
        return 0
    typer.echo(report.text)
    _err(f"{file}: {report.violations} violation(s) of kg's shapes")
    return 1


@ontology_app.command("check")
def ontology_check(
    reasoner: Annotated[bool, typer.Option(help="Run HermiT (needs Java).")] = True,
) -> None:
    """Load the ontology with owlready2 and run HermiT: consistent, classes satisfiable."""
    from kg.rdf.ontology import check_ontology

    report = check_ontology(reasoner=reasoner)
    typer.echo(report.message)
    if not report.consistent or report.unsatisfiable:
        raise typer.Exit(1)


@ontology_app.command("docs")
def ontology_docs(
    output: Annotated[str, typer.Option("-o", "--output", help="The folder to write index.html and kg.ttl into.")],
) -> None:
    """Write the ontology's HTML documentation (pyLODE) and the ontology with its alignments as one file."""
    from kg.rdf.docs import write_ontology_docs

    written = write_ontology_docs(output)
    _say(f"{', '.join(str(p) for p in written)} written")
