"""``kg validate`` (SHACL shapes) and ``kg ontology check`` (owlready2 + HermiT)."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import RecursiveOption, _err, _expand, _say, _write_output, app, ontology_app


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="RDF files written by kg (glob patterns too).")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write the report here (default: stdout).")]
    = None,
    recursive: RecursiveOption = False,
) -> None:
    """Check graphs against kg's SHACL shapes, each file on its own.

    Exits 1 on a violation, 2 if a file cannot be read, 3 if a file holds nothing of kg's to
    check (with several files, the first of 2, 1, 3 that any file gave).
    """
    reports = [_validate_file(file) for file in _expand(files, rdf_folders=True, recursive=recursive)]
    _write_output(output, "".join(text for text, _ in reports))
    codes = {code for _, code in reports}
    for code in (2, 1, 3):
        if code in codes:
            raise typer.Exit(code)


def _validate_file(file: str) -> tuple[str, int]:
    """The file's report (text) and its exit code (0 conforms, 1 violation, 2 unreadable, 3 nothing
    checked); what is wrong is also said on stderr."""
    from kg.api import load_graph_file
    from kg.errors import KgError
    from kg.rdf.ontology import validate as run_validation

    try:
        dataset = load_graph_file(file)
    except KgError as error:  # a syntax error or a missing file: not a verdict on the data
        _err(str(error))
        return "", 2
    report = run_validation(dataset)
    if report.checked == 0:
        _err(f"{file}: nothing was checked: no node of kg's vocabulary in the file")
        return "", 3
    if report.conforms:
        return f"{file}: conforms to kg's shapes\n", 0
    _err(f"{file}: {report.violations} violation(s) of kg's shapes")
    return report.text.rstrip("\n") + "\n", 1


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
