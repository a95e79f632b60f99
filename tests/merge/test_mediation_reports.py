"""One mediation told by several reports becomes one canonical mediation with every report as
support: two texts naming the mediator differently, and GDELT 045 rows from different articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF

from kg.merge import merge_datasets
from kg.sources.gdelt import import_gdelt
from kg.store.queries import load_query, run_query
from kg.vocab import KG

GDELT = Path(__file__).parent.parent / "fixtures" / "gdelt" / "clean.export.CSV"
FIRST = ("Ghanaian Prime Minister Ama Owusu mediated talks between Togo and Benin in Accra on Monday. "
         "The talks ended without an agreement.")
SECOND = ("Ghana's Prime Minister Ama Owusu mediated talks between Togo and Benin in Accra on Monday, "
          "officials said.")


def _mediation_rows(store) -> list[dict[str, str]]:  # noqa: ANN001 - a pyoxigraph Store
    return [{k: str(v) for k, v in row.items()} for row in run_query(load_query("mediations"), store).rows]


@pytest.mark.model
def test_a_mediation_takes_the_day_and_place_of_the_talks_it_mediates() -> None:
    import kg

    records = kg.extract_records(FIRST, date(2025, 3, 12), doc_id="first")
    mediation = next(e for e in records.events if e.kind == "mediation")
    assert mediation.date == date(2025, 3, 10)
    assert mediation.location is not None and mediation.location.key == "accra"


@pytest.mark.model
def test_two_reports_of_one_mediation_are_one_canonical_mediation() -> None:
    import kg

    reports = [kg.extract(FIRST, date(2025, 3, 12), doc_id="first"),
               kg.extract(SECOND, date(2025, 3, 13), doc_id="second")]
    store = merge_datasets(reports)
    rows = _mediation_rows(store)
    assert {r["mediation"] for r in rows} and len({r["mediation"] for r in rows}) == 1
    assert "/canonical/event/mediation-2025-03-10-" in rows[0]["mediation"]
    assert len({r["mediator"] for r in rows}) == 1
    assert {(r["partyLabel"], r["documentId"]) for r in rows} == {
        ("Togo", "first"), ("Benin", "first"), ("Togo", "second"), ("Benin", "second")}


def test_gdelt_mediation_rows_from_two_articles_are_one_mediation(tmp_path: Path) -> None:
    """The same day, place and mediator in two articles: one mediation with both as sources."""
    rows = [line for line in GDELT.read_text().splitlines() if line.endswith("/istanbul-mediation")]
    assert len(rows) == 3
    moved = rows[2].replace("/istanbul-mediation", "/istanbul-mediation-follow-up")
    export = tmp_path / "two-articles.export.CSV"
    export.write_text("\n".join([*rows[:2], moved]) + "\n")
    graphs = list(import_gdelt(export))
    assert len(graphs) == 2
    store = merge_datasets(graphs)
    rows_out = _mediation_rows(store)
    assert len({r["mediation"] for r in rows_out}) == 1
    assert {(r["partyLabel"], r["documentId"]) for r in rows_out} == {
        ("Ukraine", "gdelt:https://news.example/istanbul-mediation"),
        ("Russia", "gdelt:https://news.example/istanbul-mediation"),
        ("Belarus", "gdelt:https://news.example/istanbul-mediation-follow-up")}
    mediations = {s for g in graphs for s in g.subjects(RDF.type, KG.Mediation)}
    assert len(mediations) == 2  # two reports, one canonical mediation
