"""``kg viz``: the mediation network and its rows as one self-contained HTML file.

The page carries its own script (Cytoscape.js and kg's network script inlined) and data, so
it opens from a file:// URL, or a mail attachment, with no network at all.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.web import pages
from kg.web.render import VENDOR_SCRIPT, environment, inline_script, static_text


def render_viz(store: ox.Store, *, source: str, filters: pages.MediationFilters | None = None,
               node_cap: int = pages.DEFAULT_NODE_CAP, table_cap: int = pages.DEFAULT_TABLE_CAP) -> str:
    """The page's HTML: the network of ``kg query mediations``'s rows (filtered) and the rows."""
    data = pages.mediation_rows(store)
    filters = filters or pages.MediationFilters()
    rows = [row for row in data.rows if filters.keeps(row)]
    network = pages.mediation_network(rows, node_cap=node_cap)
    inline = {"css": static_text("kg.css"), "cytoscape": inline_script("vendor/" + VENDOR_SCRIPT),
              "network": inline_script("network.js")}
    return environment().get_template("mediations.html").render(
        inline=inline, error=None, form={}, statuses=data.statuses, rows=rows, network=network,
        columns=data.columns, table_rows=network.shown_rows, table_cap=table_cap, csv_url="", source=source)


def write_viz(html: str, output: str | os.PathLike[str]) -> Path:
    """Write the page atomically: a temporary file beside ``output``, renamed over it when whole."""
    target = Path(output)
    folder = target.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise KgError(f"{output}: cannot write there: {error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(html)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
