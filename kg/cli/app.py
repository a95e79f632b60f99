"""The ``kg`` application object and what its commands share: options, errors, store opening.

Only kg.cli prints or reads the environment; everything here is a thin layer over kg's library.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from kg.settings import DEFAULT_STORE_DIR

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


def _extract_progress():  # noqa: ANN202 - a rich Progress on a terminal, else None
    """Documents done of the total, documents/s, words/s (the task's ``words`` field), elapsed and ETA."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def __init__(self, field: str | None, unit: str) -> None:
            super().__init__()
            self.field, self.unit = field, unit

        def render(self, task) -> Text:  # noqa: ANN001 - rich's Task
            elapsed = task.elapsed or 0.0
            done = task.completed if self.field is None else task.fields.get(self.field, 0)
            rate = done / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:,.1f} {self.unit}/s" if rate < 100 else f"{rate:,.0f} {self.unit}/s")

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(None, "docs"),
                    Rate("words", "words"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


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

