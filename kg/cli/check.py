"""``kg validate`` (SHACL shapes) and ``kg ontology check`` (owlready2 + HermiT)."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import _fail, app, ontology_app


@app.command()
def validate(
    file: Annotated[str, typer.Argument(help="An RDF file written by kg.")],
) -> None:
    """Check a graph against kg's SHACL shapes.

    Exits 1 on a violation, 2 if the file cannot be read, 3 if it holds nothing of kg's to check.
    """
    from kg.api import load_graph_file
    from kg.errors import KgError
    from kg.rdf.ontology import validate as run_validation

    try:
        dataset = load_graph_file(file)
    except KgError as error:  # a syntax error or a missing file: not a verdict on the data
        raise _fail(str(error), 2) from None
    report = run_validation(dataset)
    if report.checked == 0:
        raise _fail(f"{file}: nothing was checked: no node of kg's vocabulary in the file", 3)
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
    from kg.rdf.ontology import check_ontology

    report = check_ontology(reasoner=reasoner)
    typer.echo(report.message)
    if not report.consistent or report.unsatisfiable:
        raise typer.Exit(1)

