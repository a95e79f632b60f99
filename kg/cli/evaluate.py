"""``kg eval``: kg's answers scored against gold annotations."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.app import _fail, _write_output, app
from kg.settings import Settings


def _missing_gold(gold: str) -> str:
    folder = os.path.dirname(gold) or "."
    why = (f"folder {folder} does not exist: the project's evaluation sets (dev.jsonl, seed.jsonl) are kept "
           "outside the repository, in ../shared/eval beside the checkout" if not os.path.isdir(folder)
           else f"there is no such file in {folder}")
    return (f"{gold}: no such file ({why}). kg eval needs gold annotations: JSONL, one passage per line with its "
            "id, text and the expected mediations, people, roles and meetings (the format of ../shared/eval/README.md)")


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold annotations (JSONL, as ../shared/eval/README.md).")],
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", help="table or json.")] = EvalFormat.table,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help="Same as --format json.")] = False,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    details: Annotated[bool, typer.Option("--details", help="List misses and false hits per document.")] = False,
) -> None:
    """Score kg's answers against gold annotations (precision, recall, F1)."""
    from kg.eval.run import run_evaluation

    if not os.path.isfile(gold):
        raise _fail(_missing_gold(gold), 2)
    report = run_evaluation(gold, settings=Settings(model=model))
    if as_json or fmt is EvalFormat.json:
        _write_output(output, report.to_json() + "\n")
        return
    if output in (None, "-"):
        _print_eval(report, details)
        return
    with open(output, "w", encoding="utf-8") as stream:  # rich renders the table for a file, no colour
        _print_eval(report, details, file=stream)


def _print_eval(report, details: bool, file=None) -> None:  # noqa: ANN001
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file)
    table = Table(title="kg eval")
    for column in ("figure", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for row in report.to_table_rows():
        table.add_row(*[str(x) for x in row])
    console.print(table)
    if details:
        for doc_id, detail in sorted(report.details.items()):
            console.print(f"[bold]{doc_id}[/bold] {detail}")

