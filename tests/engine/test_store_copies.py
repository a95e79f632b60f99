"""Wire copies across runs: a store remembers its articles, so a later near-copy is linked, not extracted."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.api import extract_to
from kg.rdf.iris import document_iri
from kg.records import Article
from kg.settings import Settings
from kg.vocab import KG

pytestmark = pytest.mark.model

# An invented story, and the same story as another outlet runs it.
STORY = """By Lena Marsh

Foreign ministers of Estmark and Porvania met in the lakeside town of Selm on Monday for their first
direct talks since the border closure last autumn, officials from both governments said.

Estmark's foreign minister, Oskar Brandt, told reporters that the two sides had agreed to reopen two
crossings for freight traffic within a month and to set up a joint commission on water rights.
"""
COPY = STORY.replace("By Lena Marsh", "BY PAUL OKAFOR, Associated Wire").replace("Estmark's", "Estmark’s")


def copy_links(store: Path) -> set[tuple[str, str]]:
    opened = ox.Store(str(store))
    try:
        return {(q.subject.value, q.object.value)
                for q in opened.quads_for_pattern(None, ox.NamedNode(str(KG.copyOf)), None)}
    finally:
        del opened


def test_store_copies_are_found_across_runs(tmp_path: Path) -> None:
    store = tmp_path / "kg-store"
    settings = Settings()
    first = extract_to([Article("wire-1", STORY)], settings=settings, store=str(store))
    assert first.copies == 0 and first.triples > 5
    assert (tmp_path / ".kg-store.kg-copies.sqlite").is_file()

    second = extract_to([Article("site-2", COPY)], settings=settings, store=str(store))
    assert second.copies == 1
    assert copy_links(store) == {(str(document_iri("site-2")), str(document_iri("wire-1")))}

    # The original read again is not a copy of itself; nothing is doubled.
    again = extract_to([Article("wire-1", STORY)], settings=settings, store=str(store))
    assert again.copies == 0 and again.triples == first.triples
