"""``kg eval``: kg's answers scored against gold annotations."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from kg.cli.app import _write_output, app
from kg.settings import Settings


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

