"""store_stats: what a store holds, in counts, the same every time."""

from __future__ import annotations

import doctest

import pytest

from kg.rdf.mapping import records_to_graph
from kg.settings import Settings
from kg.store import stats
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_files
from kg.store.stats import format_stats, store_stats

EMPTY_EVENTS = {"meeting": 0, "talks": 0, "phone_call": 0, "visit": 0, "statement": 0, "mediation": 0}


@pytest.fixture
def store(tmp_path, golden_records):
    with EmbeddedStore(tmp_path / "store") as opened:
        for records in golden_records.values():
            graph = records_to_graph(records, Settings())
            opened.replace_graph(str(graph.identifier), graph)
        yield opened


def test_stats_doctests_pass():
    result = doctest.testmod(stats)
    assert result.attempted > 0 and result.failed == 0


def test_stats_count_the_golden_documents(store):
    # Oslo report: 3 people, Norway, Colombia, Spain, 4 organisations, Oslo, 4 roles held,
    # talks, a stated mediation, a statement, a phone call, a planned visit, the PROV of its
    # extraction, the notations of the value concepts it uses, 25 name keys and 4 kg:holdingOf
    # shortcuts (359 triples).
    # Doha wire: an unnamed Prime Minister of Qatar (a country known by code; typed
    # kg:UnnamedOfficeHolder too), Doha, an acting role, a meeting, talks and an inferred
    # mediation, with PROV, notations, 4 name keys and 1 kg:holdingOf shortcut (99 triples).
    assert store_stats(store) == {
        "documents": 2,
        "graphs": 2,
        "triples": 359 + 99,
        "people": 4,
        "countries": 4,
        "organisations": 4,
        "places": 2,
        "roles": 5,
        "role_holdings": 5,
        "events": {"meeting": 1, "talks": 2, "phone_call": 1, "visit": 1, "statement": 1,
                   "mediation": 2},
        "mediations": {"stated": 1, "inferred": 1},
    }


def test_stats_are_deterministic_and_ordered(store):
    first = store_stats(store)
    assert list(first) == ["documents", "graphs", "triples", "people", "countries",
                           "organisations", "places", "roles", "role_holdings", "events",
                           "mediations"]
    assert list(first["events"]) == list(EMPTY_EVENTS)
    assert format_stats(store_stats(store)) == format_stats(first)


def test_stats_of_an_empty_store_are_zeros(tmp_path):
    with EmbeddedStore(tmp_path / "empty") as empty:
        counts = store_stats(empty)
    assert counts["events"] == EMPTY_EVENTS
    assert counts["mediations"] == {"stated": 0, "inferred": 0}
    assert all(v == 0 for k, v in counts.items() if k not in ("events", "mediations"))


def test_stats_count_graphs_of_documents_only(store, tmp_path):
    # A triples file lands in one graph named after it: one graph, both documents.
    other = tmp_path / "foreign.nt"
    other.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n")
    before = store_stats(store)
    load_files(store, [other])
    after = store_stats(store)
    assert after == before  # a graph without kg documents is not counted


def test_stats_format_lines(store):
    text = format_stats(store_stats(store))
    lines = text.splitlines()
    assert lines[0].split() == ["documents", "2"]
    assert "events" in lines and "  mediation   2" in lines
    assert text.endswith("\n")
