"""``kg eval``: kg's answers scored against gold annotations."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.app import app
from kg.settings import Settings


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold annotations (JSONL, as ../shared/eval/README.md).")],
    model: Annotated[str | None, typer.Option(help="spaCy model package or path.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and false hits per document.")] = False,
) -> None:
    """Score kg's answers against gold annotations (precision, recall, F1)."""
    from kg.eval.run import run_evaluation

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

