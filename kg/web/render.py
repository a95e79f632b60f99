"""The Jinja2 environment of kg's pages (templates shipped in kg/web/templates), and kg viz's page."""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from kg.web.pages import short_name

VENDOR_SCRIPT = "cytoscape.min.js"


@cache
def environment() -> Environment:
    """The one template environment: HTML autoescaped, undefined names an error."""
    env = Environment(loader=PackageLoader("kg.web", "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = short_name
    return env


def static_text(name: str) -> str:
    """A shipped static file's text (``vendor/cytoscape.min.js``, ``network.js``, ...)."""
    return (resources.files("kg.web") / "static" / name).read_text("utf-8")


def inline_script(name: str) -> str:
    """A static script's text made safe to put between <script> tags."""
    return static_text(name).replace("</script", "<\\/script")
