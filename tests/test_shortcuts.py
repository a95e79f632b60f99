"""Shortcut triples (kg:holdingOf): wherever a store's data comes from, the questions that read
them give exactly the rows of their long-path text, which reads kg:ofCountry|kg:inOrganization|
kg:ofPerson instead.

The long-path texts are tests/fixtures/long-path/*.rq: the shipped questions as they were
before the shortcuts (role-holders) or before they were rewritten for speed at 1M triples
(events-by-country, timeline-between: the rewrite must give the same rows).  Every question
is asked with every country, role and a set of name pairs the store holds, so the comparison
covers all the data, not one hand-picked row.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KgError
from kg.merge import merge_datasets
from kg.rdf.mapping import records_to_triples
from kg.rdf.serialize import rdf_bytes, to_quads
from kg.rdf.shortcuts import SHORTCUT_PROPERTIES, add_shortcuts, graphs_without_shortcuts, lacks_shortcuts
from kg.records import (
    Article,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Organization,
    Participant,
    Person,
    RoleHolding,
)
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_files, upgrade_store
from kg.store.queries import QueryInfo, load_query, run_query
from tests.test_queries_more import FOLLOW_UP

LONG_PATH = Path(__file__).parent / "fixtures" / "long-path"
QUESTIONS = tuple(sorted(path.stem for path in LONG_PATH.glob("*.rq")))
PREFIXES = """PREFIX kg: <https://w3id.org/kg-news/ontology/kg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Two invented reports about one organisation known by its Wikidata id (so one global node): the
# first names no country for it, the second does.  Through the union the first report's envoy
# acts for that country; the shortcuts, written per document, must not change that.
ASIDE_TEXT = ("Envoy Ivo Marsh of the Lakeshore Compact met Pavel Runde, the Compact's treasurer, "
              "and Councillor Dana Vell, an aide to Runde.")
LATER_TEXT = "The Lakeshore Compact, a Norwegian body, said Ivo Marsh would travel again."
COMPACT = Organization("lakeshore compact", "Lakeshore Compact", "international", wikidata="Q4115189",
                       aliases=("the Compact",))


def _ev(text: str, phrase: str) -> Evidence:
    begin = text.index(phrase)
    return Evidence(begin, begin + len(phrase), phrase, text, 0)


ASIDE = DocumentRecords(
    article=Article(id="aside-1", text=ASIDE_TEXT, published=date(2024, 6, 1)),
    persons=(
        Person("ivo marsh", "Ivo Marsh", "Ivo Marsh", organization="lakeshore compact",
               mentions=(_ev(ASIDE_TEXT, "Ivo Marsh"),)),
        Person("pavel runde", "Pavel Runde", "Pavel Runde", mentions=(_ev(ASIDE_TEXT, "Pavel Runde"),)),
        Person("dana vell", "Dana Vell", "Dana Vell", country="COL", mentions=(_ev(ASIDE_TEXT, "Dana Vell"),)),
    ),
    organizations=(replace(COMPACT, mentions=(_ev(ASIDE_TEXT, "Lakeshore Compact"),)),),
    roles=(
        RoleHolding("ivo marsh", "Envoy", _ev(ASIDE_TEXT, "Envoy"), of_organization="lakeshore compact",
                    confidence=0.8),
        RoleHolding("pavel runde", "Treasurer", _ev(ASIDE_TEXT, "treasurer"),
                    of_organization="lakeshore compact", confidence=0.7),
        RoleHolding("dana vell", "Aide", _ev(ASIDE_TEXT, "an aide to Runde"), of_person="pavel runde",
                    confidence=0.6, qualifier="acting"),
        RoleHolding("dana vell", "Councillor", _ev(ASIDE_TEXT, "Councillor"), confidence=0.6),
    ),
    events=(
        Event("meeting", "meeting",
              (Participant(EntityRef("person", "ivo marsh")), Participant(EntityRef("person", "pavel runde")),
               Participant(EntityRef("person", "dana vell"))),
              (_ev(ASIDE_TEXT, " met "),), 0.8, status="held", date=date(2024, 5, 30)),
    ),
)
LATER = DocumentRecords(
    article=Article(id="later-1", text=LATER_TEXT, published=date(2024, 6, 3)),
    persons=(Person("ivo marsh", "Ivo Marsh", "Ivo Marsh", organization="lakeshore compact",
                    mentions=(_ev(LATER_TEXT, "Ivo Marsh"),)),),
    organizations=(replace(COMPACT, country="NOR", mentions=(_ev(LATER_TEXT, "Lakeshore Compact"),)),),
    events=(
        Event("visit", "visit", (Participant(EntityRef("person", "ivo marsh"), "visitor"),),
              (_ev(LATER_TEXT, "would travel again"),), 0.7, status="planned"),
    ),
)


def long_path(name: str) -> QueryInfo:
    """The question with its long-path text (the reference)."""
    info = load_query(name)
    return replace(info, text=(LONG_PATH / f"{name}.rq").read_text(encoding="utf-8"))


def _values(store: ox.Store, text: str) -> list[str]:
    return sorted({row["v"].value for row in store.query(PREFIXES + text, use_default_graph_as_union=True)})


def parameter_sets(store: ox.Store) -> dict[str, list[dict[str, str]]]:
    """Every country code and role title the store holds, and pairs of countries and people."""
    countries = _values(store, "SELECT ?v WHERE { ?c a kg:Country ; kg:iso3166Alpha3 ?v }")
    roles = _values(store, "SELECT ?v WHERE { ?r a kg:Role ; rdfs:label ?v }")
    people = _values(store, "SELECT ?v WHERE { ?p a kg:Person ; rdfs:label ?v }")[:6]
    names = countries + people
    pairs = [{"a": a, "b": b} for a, b in combinations(names, 2)]
    every = {
        "events-by-country": [{"country": c} for c in countries],
        "speakers-for-country": [{"country": c} for c in countries],
        "role-holders": [{"role": r} for r in roles],
        "timeline-between": pairs,
    }
    assert set(QUESTIONS) <= set(every)
    return {name: every[name] for name in QUESTIONS}


def assert_same_rows(store: ox.Store) -> int:
    """Each question's rows, with every parameter set, equal its long path's (columns and order);
    the number of rows compared, so a test can check it compared something."""
    compared = 0
    for name, bindings_list in parameter_sets(store).items():
        fast, reference = load_query(name), long_path(name)
        for bindings in bindings_list:
            expected = run_query(reference, store, bindings)
            try:
                got = run_query(fast, store, bindings)
            except KgError as error:
                raise AssertionError(f"{name} {bindings}: {error}") from None
            assert (got.columns, got.rows) == (expected.columns, expected.rows), (name, bindings)
            compared += len(got.rows)
    return compared


def _without_shortcuts(quads) -> list[ox.Quad]:  # noqa: ANN001 - quads of a store or dataset
    return [q for q in quads if q.predicate.value not in SHORTCUT_PROPERTIES]


def _shortcut_count(store: ox.Store) -> int:
    return sum(1 for q in store if q.predicate.value in SHORTCUT_PROPERTIES)


@pytest.fixture(scope="module")
def documents(golden_records) -> list[DocumentRecords]:
    return [*golden_records.values(), FOLLOW_UP, ASIDE, LATER]


def _mapped(documents: list[DocumentRecords]) -> ox.Store:
    store = ox.Store()
    for records in documents:
        store.extend(records_to_triples(records, Settings()).quads)
    return store


def test_shortcuts_mapping_gives_the_long_path_rows(documents):
    store = _mapped(documents)
    assert graphs_without_shortcuts(store) == []
    assert assert_same_rows(store) >= 10
    # The envoy acts for Norway only through the later report's word on the Compact.
    rows = run_query(load_query("events-by-country"), store, {"country": "NOR"}).rows
    assert ("meeting", "aside-1") in {(r["eventType"], r["documentId"]) for r in rows}


def test_shortcuts_mapping_writes_what_the_sparql_derivation_writes(documents):
    """The mapping's own shortcuts are exactly those kg.rdf.shortcuts derives from its graph."""
    mapped = _mapped(documents)
    derived = ox.Store()
    derived.extend(_without_shortcuts(mapped))
    assert len(derived) < len(mapped)
    add_shortcuts(derived)
    assert set(derived) == set(mapped)


def test_shortcuts_holding_of_each_kind(documents):
    rows = run_query(load_query("role-holders"), _mapped(documents), {"role": "aide"}).rows
    assert [(r["personLabel"], r["ofLabel"], r["qualifier"]) for r in rows] == [("Dana Vell", "Pavel Runde", "acting")]


def test_shortcuts_after_merge_point_to_canonical_nodes(documents):
    """Two runs over the same documents merged: rows are canonical nodes, as by the long path."""
    first = [records_to_triples(r, Settings()).to_graph() for r in documents]
    second = [records_to_triples(replace(r, article=replace(r.article, id=r.article.id + "-again")),
                                 Settings()).to_graph() for r in documents]
    merged = merge_datasets([*first, *second])
    assert assert_same_rows(merged) >= 20
    rows = run_query(load_query("role-holders"), merged, {"role": "envoy"}).rows
    people = {r["person"] for r in rows}
    assert len(rows) == 2 and len(people) == 1 and "/canonical/" in people.pop()


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", ["events-by-country", "role-holders"])
def test_shortcuts_canonical_look_ups_are_on_in_a_merged_store(documents, name):
    """The questions look canonical nodes up only where ?merged (some kg:canonical triple in the
    store) is true.  Held shut, the gate gives a merged store's rows without their canonical
    nodes, unlike the long path; open, the rows are the long path's.  Unmerged, the gate
    changes nothing."""
    first = [records_to_triples(r, Settings()).to_graph() for r in documents]
    second = [records_to_triples(replace(r, article=replace(r.article, id=r.article.id + "-again")),
                                 Settings()).to_graph() for r in documents]
    merged, unmerged = merge_datasets([*first, *second]), _mapped(documents)
    info = load_query(name)
    assert info.text.count("VALUES ?merged { true }") >= 2
    shut = replace(info, text=info.text.replace("VALUES ?merged { true }", "VALUES ?merged { false }"))
    differs = 0
    for store in (merged, unmerged):
        for bindings in parameter_sets(store)[name]:
            expected = run_query(long_path(name), store, bindings).rows
            assert run_query(info, store, bindings).rows == expected, bindings
            if store is unmerged:
                assert run_query(shut, store, bindings).rows == expected, bindings
            elif run_query(shut, store, bindings).rows != expected:
                differs += 1
    assert differs > 0


def test_shortcuts_merge_of_files_written_without_them(documents, tmp_path):
    old = tmp_path / "old.nq"
    old.write_bytes(rdf_bytes(_without_shortcuts(_mapped(documents)), ox.RdfFormat.N_QUADS))
    for merged in (merge_datasets([str(old)]), merge_datasets([_mapped(documents[:2]), str(old)])):
        assert graphs_without_shortcuts(merged) == []
        assert assert_same_rows(merged) >= 10


def test_shortcuts_merge_into_an_old_store(documents, tmp_path):
    from kg.merge import merge_to

    new = tmp_path / "new.trig"
    new.write_bytes(rdf_bytes(_mapped(documents[-2:]), ox.RdfFormat.TRIG))
    with EmbeddedStore(tmp_path / "store") as store:
        store.store.extend(_without_shortcuts(_mapped(documents[:-2])))
    merge_to([str(new)], store_dir=str(tmp_path / "store"))
    with EmbeddedStore(tmp_path / "store", read_only=True) as store:
        assert graphs_without_shortcuts(store.store) == []
        assert assert_same_rows(store.store) >= 10


def test_shortcuts_load_adds_them_to_old_files(documents, tmp_path):
    old = tmp_path / "old.trig"
    old.write_bytes(rdf_bytes(_without_shortcuts(_mapped(documents)), ox.RdfFormat.TRIG))
    with EmbeddedStore(tmp_path / "store") as store:
        load_files(store, [old])
        assert graphs_without_shortcuts(store.store) == []
        assert _shortcut_count(store.store) == _shortcut_count(_mapped(documents))
        assert assert_same_rows(store.store) >= 10


def test_shortcuts_old_store_is_refused_then_upgraded(documents, tmp_path):
    """A store written before the shortcuts: no silently empty answer, then `kg upgrade`."""
    with EmbeddedStore(tmp_path / "store") as store:
        store.store.extend(_without_shortcuts(_mapped(documents)))
        assert lacks_shortcuts(store.store)
        with pytest.raises(KgError, match="kg upgrade --store"):
            run_query(load_query("role-holders"), store.store, {"role": "envoy"})
        # A question that reads no shortcut is not refused.
        assert run_query(load_query("meetings-of"), store.store, {"person": "Ivo Marsh"}).rows
        holding_of = [r for r in documents if any(h.of_country or h.of_organization or h.of_person for h in r.roles)]
        assert upgrade_store(store) == len(holding_of) == len(documents) - 1
        assert not lacks_shortcuts(store.store)
        assert assert_same_rows(store.store) >= 10
        assert upgrade_store(store) == 0


def test_shortcuts_re_extraction_replaces_them(documents, tmp_path):
    """A document extracted again (its graph replaced) keeps no shortcut of its old graph."""
    changed = replace(ASIDE, roles=tuple(replace(r, of_organization=None, of_country="COL") if r.title == "Envoy"
                                         else r for r in ASIDE.roles))
    with EmbeddedStore(tmp_path / "store") as store:
        for records in documents:
            store.replace_graph(*_named(records))
        store.replace_graph(*_named(changed))
        assert assert_same_rows(store.store) >= 10
        rows = run_query(load_query("role-holders"), store.store, {"role": "envoy"}).rows
        assert [r["ofLabel"] for r in rows] == ["Colombia"]
        holdings = PREFIXES + "SELECT ?h ?of WHERE { ?h kg:holdingOf ?of ; kg:role/rdfs:label 'Envoy'@en }"
        assert len(list(store.store.query(holdings, use_default_graph_as_union=True))) == 1


def _named(records: DocumentRecords) -> tuple[str, object]:
    triples = records_to_triples(records, Settings())
    return str(triples.identifier), triples.to_graph()


def test_shortcuts_gdelt_import_gives_the_long_path_rows():
    from kg.sources.gdelt import import_gdelt

    store = ox.Store()
    for graph in import_gdelt(Path(__file__).parent / "fixtures" / "gdelt" / "clean.export.CSV"):
        store.extend(to_quads(graph))
    assert graphs_without_shortcuts(store) == []
    assert assert_same_rows(store) >= 1


def test_shortcuts_query_over_old_files_adds_them_in_memory(documents, tmp_path):
    from kg.api import open_sources

    old = tmp_path / "old.trig"
    old.write_bytes(rdf_bytes(_without_shortcuts(_mapped(documents)), ox.RdfFormat.TRIG))
    store = open_sources([str(old)], None)
    assert assert_same_rows(store) >= 10


def test_shortcuts_shapes_check_them(documents):
    from kg.rdf.mapping import records_to_dataset
    from kg.rdf.ontology import validate
    from kg.vocab import KG

    dataset = records_to_dataset(documents, Settings(), default_union=True)
    assert validate(dataset).conforms
    holding = next(dataset.subjects(KG.ofPerson, None))
    graph = next(g for g in dataset.graphs() if (holding, KG.ofPerson, None) in g)
    graph.set((holding, KG.holdingOf, next(dataset.objects(holding, KG.heldBy))))
    report = validate(dataset)
    assert not report.conforms
    assert any("kg:holdingOf" in f.message for f in report.findings), report.text


@pytest.mark.model
def test_shortcuts_real_extraction_engine_and_merge(tmp_path):
    """`kg extract --workers 2 --store` (the engine, two worker processes) into a store an older
    kg wrote, then `kg merge --store`: every graph has its shortcuts, and the store's questions
    give the long path's rows before and after the merge."""
    from typer.testing import CliRunner

    from kg.cli import app

    corpus = Path(__file__).parent / "fixtures" / "cli" / "corpus.jsonl"
    store_dir = tmp_path / "store"
    with EmbeddedStore(store_dir) as old:  # documents an older kg wrote, without shortcuts
        old.store.extend(_without_shortcuts(records_to_triples(ASIDE, Settings()).quads))
    runner = CliRunner()
    for args in (["extract", str(corpus), "--store", str(store_dir), "--workers", "2", "--no-timestamps"],
                 ["merge", "--store", str(store_dir)]):
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        with EmbeddedStore(store_dir, read_only=True) as store:
            assert graphs_without_shortcuts(store.store) == []
            assert assert_same_rows(store.store) > 5
