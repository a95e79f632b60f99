"""The Jinja2 environment of kg's pages (templates shipped in kg/web/templates), and kg viz's page."""

from __future__ import annotations

from functools import cache
from importlib import resources
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from kg.web.pages import short_name

VENDOR_SCRIPT = "cytoscape.min.js"
Cell = tuple[str, str | None, str | None]
"""A table cell: its text, the page it links to and its title."""


@cache
def environment() -> Environment:
    """The one template environment: HTML autoescaped, undefined names an error."""
    env = Environment(loader=PackageLoader("kg.web", "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = short_name
    env.globals["table_cells"] = table_cells
    return env


def table_cells(columns: list[str], rows: list[dict[str, str | None]], *, link: bool = True
                ) -> list[list[Cell]]:
    """Each row's cells as (text, link, title): a kg node links to its entity page (shown by its
    last segment, the IRI as title), a documentId to its document page.  Prepared here rather
    than in a template macro, which costs a call per cell (a thousand rows render 3x faster)."""
    prepared: list[list[Cell]] = []
    for row in rows:
        cells: list[Cell] = []
        for column in columns:
            value = row.get(column)
            if value is None:
                cells.append(("", None, None))
            elif link and column == "documentId":
                cells.append((value, "/document?" + urlencode({"id": value}), None))
            elif link and value.startswith("http") and "/id/" in value:
                cells.append((short_name(value), "/entity?" + urlencode({"iri": value}), value))
            else:
                cells.append((value, None, None))
        prepared.append(cells)
    return prepared


def static_text(name: str) -> str:
    """A shipped static file's text (``vendor/cytoscape.min.js``, ``network.js``, ...)."""
    return (resources.files("kg.web") / "static" / name).read_text("utf-8")


def inline_script(name: str) -> str:
    """A static script's text made safe to put between <script> tags."""
    return static_text(name).replace("</script", "<\\/script")
