"""The ``kg`` application object and what its commands share: options, errors, store opening.

Only kg.cli prints or reads the environment; everything here is a thin layer over kg's library.
"""

from __future__ import annotations

import glob
import logging
import os
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from kg.settings import DEFAULT_STORE_DIR

_QUIET = "kg_quiet"
_quiet = False  # -q given (for _say); set from the root context's meta at the start of each run


def _set_verbosity(ctx: typer.Context, param: typer.CallbackParam, value: int | bool) -> None:
    """-v: INFO, -vv: DEBUG; -q: errors only, and no summary line (stdlib logging's root level)."""
    if not value:
        return
    root = ctx.find_root()
    if param.name == "quiet":
        global _quiet
        root.meta[_QUIET] = _quiet = True
        logging.getLogger().setLevel(logging.ERROR)
    elif not root.meta.get(_QUIET):
        logging.getLogger().setLevel(logging.DEBUG if int(value) > 1 else logging.INFO)


def _verbosity(
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, expose_value=False, show_default=False,
                                         callback=_set_verbosity, help="Say more (-v: info, -vv: debug).")] = 0,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", expose_value=False, callback=_set_verbosity,
                                        help="Print errors only.")] = False,
) -> None:
    """Only its options are used: every kg command gets them."""


def _verbosity_options() -> list[Any]:
    holder = typer.Typer(add_completion=False)
    holder.command()(_verbosity)
    return [p for p in typer.main.get_command(holder).params if p.name in ("verbose", "quiet")]


def _add_verbosity(command: Any) -> None:
    for sub in getattr(command, "commands", {}).values():
        _add_verbosity(sub)
    if not any(p.name == "verbose" for p in command.params):
        command.params.extend(_verbosity_options())


class _KgGroup(TyperGroup):
    """The ``kg`` group: gives every command (and sub-group's command) -v/--verbose and -q/--quiet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_verbosity(self)


app = typer.Typer(
    name="kg",
    cls=_KgGroup,
    help="Knowledge graphs of political and diplomatic news: who met, talked to, or mediated between whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
ontology_app = typer.Typer(help="Check kg's OWL ontology and write its documentation.", no_args_is_help=True)
app.add_typer(ontology_app, name="ontology")


def _show_version(value: bool) -> None:
    if value:
        from kg import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _kg(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print kg's version and exit.")] = False,
) -> None:
    """Knowledge graphs of political and diplomatic news: who met, talked to, or mediated between whom."""
    global _quiet
    _quiet = bool(ctx.meta.get(_QUIET))


class OnError(StrEnum):
    raise_ = "raise"
    skip = "skip"


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


# SIGTERM came (kg.cli.main's handler).  Its KeyboardInterrupt is raised wherever the main thread
# is, and one raised inside a finaliser is printed and lost; long commands check this between
# units of work (_stop_if_asked), so that the run stops all the same.
_stop_asked = False


def ask_to_stop() -> None:
    """What SIGTERM does: note it, and interrupt the main thread as Ctrl-C does."""
    global _stop_asked
    _stop_asked = True
    raise KeyboardInterrupt


def _stop_if_asked() -> None:
    """Interrupt again at a safe point if SIGTERM came (its first interrupt may have been lost)."""
    if _stop_asked:
        raise KeyboardInterrupt


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _say(message: str) -> None:
    """A command's summary line on stderr, unless -q."""
    if not _quiet:
        _err(message)


def _write_output(output: str | None, text: str) -> None:
    """``text`` to standard output (no -o, or -o -) or to the file, whole or not at all."""
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    from kg.rdf.serialize import write_atomically

    write_atomically(output, text.encode("utf-8"))


RecursiveOption = Annotated[bool, typer.Option("--recursive", "-r", help="Read folders' sub-folders too.")]


def _expand(patterns: list[str], *, rdf_folders: bool = False, recursive: bool = False) -> list[str]:
    """Paths as given, with glob patterns (``*``, ``?``, ``[...]``, ``**``) expanded in sorted order;
    a pattern that matches nothing is an error, as a missing file is.  With ``rdf_folders`` a
    folder stands for the RDF files in it (and in its sub-folders if ``recursive``; otherwise
    the sub-folders skipped are named)."""
    paths: list[str] = []
    for pattern in patterns:
        if pattern != "-" and glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise _fail(f"{pattern}: no file matches", 2)
            paths.extend(matches)
        elif rdf_folders and os.path.isdir(pattern):
            paths.extend(_rdf_files(pattern, recursive))
        else:
            paths.append(pattern)
    return paths


def _rdf_files(folder: str, recursive: bool) -> list[str]:
    from kg.rdf.serialize import EXTENSIONS

    found: list[str] = []
    skipped: list[str] = []
    for where, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        if not recursive:
            skipped.extend(subfolders)
            subfolders.clear()
        found.extend(os.path.join(where, f) for f in files
                     if os.path.splitext(f)[1].lower() in EXTENSIONS and not f.startswith("."))
    if skipped:
        _say(f"{folder}: skipped {len(skipped)} sub-folder(s) ({', '.join(skipped)}); --recursive reads them")
    if not found:
        raise _fail(f"{folder}: no RDF files ({', '.join(sorted(EXTENSIONS))}) in the folder"
                    + ("" if recursive or not skipped else "; its sub-folders are read with --recursive"), 2)
    return sorted(found)


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
    """Documents done of the total, documents/s, words/s (the task's ``words`` field), elapsed and ETA.

    Drawn when a partition is done (``refresh=True`` in the update), not by rich's refresh
    thread: a process that has had a second thread runs spaCy's parser 15-20% slower
    (kg.engine.executors), and ``--workers 1`` parses in this process.
    """
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
                    console=Console(stderr=True), transient=True, auto_refresh=False)


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
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=0.001, help="Seconds a server may take for one request, answer included.")]


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
                digest: bool, *, read_only: bool = False,
                timeout: float | None = None):  # noqa: ANN202 - EmbeddedStore | RemoteStore
    from kg.store import open_store

    if endpoint is None and store is not None and read_only and not os.path.isdir(store):
        raise _fail(f"{store}: no such store")
    return open_store(store_dir=store, endpoint=endpoint, update_endpoint=update_endpoint,
                      graph_store=graph_store, auth=_auth(user, password, token, digest),
                      read_only=read_only, timeout=timeout)


def _where(store: str | None, endpoint: str | None) -> str:
    return endpoint if endpoint is not None else f"store {store or DEFAULT_STORE_DIR}"

