"""Loading files into the embedded store: graphs replaced, and all or nothing.

A load that fails, is interrupted, or whose process dies leaves the store as it was, and
readers see the store as it was before a load or after it, never part-way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError, KgError
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from kg.store import load as load_module
from kg.store.embedded import (
    ROLLBACK_MARKER,
    ROLLBACK_SUFFIX,
    STAGED_MARKER,
    STAGING_SUFFIX,
    EmbeddedStore,
)
from kg.store.load import file_graph, load_files

EX = "https://example.org/"


@pytest.fixture(scope="module")
def graphs(golden_records) -> list[Graph]:
    return [records_to_graph(golden_records[n], Settings()) for n in sorted(golden_records)]


@pytest.fixture
def files(graphs, tmp_path) -> dict[str, Path]:
    """The golden graphs as TriG (both), N-Quads (the second) and Turtle (both, a union)."""
    out = {"trig": tmp_path / "all.trig", "nq": tmp_path / "second.nq", "ttl": tmp_path / "all.ttl"}
    write_graphs(graphs, out["trig"])
    write_graphs(graphs[1:], out["nq"])
    write_graphs(graphs, out["ttl"])
    return out


@pytest.fixture
def store(tmp_path):
    with EmbeddedStore(tmp_path / "store") as opened:
        yield opened


def _snapshot(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in store.store}


def _leftovers(store: EmbeddedStore) -> list[str]:
    parent = Path(store.path).resolve().parent
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".store."))


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_load_into_an_empty_store(store, graphs, tmp_path, suffix):
    path = tmp_path / f"all{suffix}"
    write_graphs(graphs, path)
    summary = load_files(store, [path])
    assert (summary.files, summary.graphs) == (1, len(graphs))
    assert len(store) == sum(len(g) for g in graphs)
    assert store.graph_names() == sorted(str(g.identifier) for g in graphs)
    assert _leftovers(store) == []


def test_load_again_replaces_and_keeps_other_graphs(store, graphs, files):
    load_files(store, [files["trig"]])
    full = _snapshot(store)
    other = Graph(identifier=URIRef(EX + "doc/other"))
    other.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("kept")))
    store.replace_graph(str(other.identifier), other)
    stale = Graph(identifier=graphs[1].identifier)
    stale.add((URIRef(EX + "stale"), URIRef(EX + "p"), Literal("gone")))
    store.replace_graph(str(stale.identifier), stale)
    assert load_files(store, [files["nq"]]).graphs == 1
    assert _snapshot(store) == full | {str(q) for q in store.store.quads_for_pattern(
        None, None, None, ox.NamedNode(EX + "doc/other"))}
    assert len(store.graph_names()) == len(graphs) + 1
    load_files(store, [files["trig"], files["nq"]])  # twice in one load: still no duplicates
    assert len(store) == len(full) + 1


def test_load_replacing_every_graph_clears_the_store(store, files):
    load_files(store, [files["trig"]])
    before = _snapshot(store)
    assert load_files(store, [files["trig"]]).graphs == 2
    assert _snapshot(store) == before


def test_load_triples_file_goes_into_its_own_graph(store, graphs, files):
    summary = load_files(store, [files["ttl"]])
    assert summary.graphs == 1
    assert store.graph_names() == [file_graph(files["ttl"])]
    union = {t for g in graphs for t in g}
    assert len(store) == len(union)
    load_files(store, [files["ttl"]])
    assert len(store) == len(union)
    assert store.load_file(files["ttl"], graph=EX + "named") == 1
    assert store.graph_names() == sorted([file_graph(files["ttl"]), EX + "named"])
    with pytest.raises(InputError, match="no named graphs"):
        store.load_file(files["ttl"])


def test_load_moves_a_dataset_files_default_graph_into_the_file_graph(store, tmp_path):
    path = tmp_path / "mixed.trig"
    path.write_text(f'<{EX}a> <{EX}p> "default" .\n<{EX}g> {{ <{EX}a> <{EX}p> "named" . }}\n')
    for _ in range(2):
        assert load_files(store, [path]).graphs == 2
        assert store.graph_names() == sorted([EX + "g", file_graph(path)])
        assert len(store) == 2


@pytest.mark.parametrize("start_empty", [True, False], ids=["empty", "filled"])
def test_load_syntax_error_leaves_the_store_as_it_was(store, graphs, files, tmp_path, start_empty):
    if not start_empty:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
    before = _snapshot(store)
    bad = tmp_path / "bad.nq"
    bad.write_text(files["nq"].read_text() + f"<{EX}a> <{EX}p> .\n")
    with pytest.raises(InputError) as error:
        load_files(store, [files["trig"], bad])
    assert error.value.source == str(bad)
    assert error.value.line == len(files["nq"].read_text().splitlines()) + 1
    assert _snapshot(store) == before
    assert _leftovers(store) == []
    store.replace_graph(str(graphs[1].identifier), graphs[1])  # still usable


def test_load_interrupted_leaves_the_store_as_it_was(store, graphs, files, monkeypatch):
    store.replace_graph(str(graphs[0].identifier), graphs[0])
    before = _snapshot(store)
    real = load_module._bulk_load
    calls = []

    def interrupted(target, file):  # noqa: ANN001
        real(target, file)
        calls.append(file.path)
        if len(calls) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(load_module, "_bulk_load", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_files(store, [files["nq"], files["trig"]])
    assert _snapshot(store) == before
    assert _leftovers(store) == []


def test_load_refuses_bad_arguments_before_touching_anything(store, files, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_files(store, [files["trig"], tmp_path / "missing.nq"])
    with pytest.raises(InputError, match="unknown RDF file extension"):
        load_files(store, [tmp_path / "x.rdf"])
    with pytest.raises(KgError, match="at least one"):
        load_files(store, [])
    with pytest.raises(KgError, match="not a graph name"):
        load_files(store, [files["ttl"]], graph="not an iri")
    assert len(store) == 0


_CRASHING_LOADER = textwrap.dedent(
    """
    import os, sys
    from kg.store.embedded import EmbeddedStore
    from kg.store import load
    store = EmbeddedStore(sys.argv[1])
    files = load._files([sys.argv[2]], None)
    with store.transaction():
        store.store.clear()
        load._bulk_load(store.store, files[0])
        store.store.flush()
        os._exit(3)  # killed before the commit
    """
)


def test_load_killed_is_invisible_to_readers_and_removed_by_the_next_writer(graphs, files, tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
        before = _snapshot(store)
    crashed = subprocess.run([sys.executable, "-c", _CRASHING_LOADER, str(folder), str(files["nq"])],
                             capture_output=True, text=True, timeout=120)
    assert crashed.returncode == 3, crashed.stderr
    staging = tmp_path / f".store{STAGING_SUFFIX}"
    assert staging.is_dir() and not (staging / STAGED_MARKER).exists()
    with EmbeddedStore(folder, read_only=True) as reader:  # the store itself was never touched
        assert _snapshot(reader) == before
    with EmbeddedStore(folder) as store:
        assert _snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store")) == []


def test_load_killed_after_its_copy_was_complete_rolls_forward(graphs, files, tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
    staging = tmp_path / f".store{STAGING_SUFFIX}"
    with EmbeddedStore(folder) as store:  # what a load does up to the swap
        store.store.backup(str(staging))
    with EmbeddedStore(staging) as copy:
        copy.replace_graph(str(graphs[1].identifier), graphs[1])
        after = _snapshot(copy)
    (staging / STAGED_MARKER).write_text("complete")
    with EmbeddedStore(folder, read_only=True) as reader:  # the old state, whole
        assert len(reader.graph_names()) == 1
    with EmbeddedStore(folder) as store:
        assert _snapshot(store) == after
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store")) == []


def test_load_rollback_cut_off_mid_swap_is_finished_on_open(graphs, tmp_path):
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
        before = _snapshot(store)
        store.store.backup(str(tmp_path / f".store{ROLLBACK_SUFFIX}"))
    (tmp_path / f".store{ROLLBACK_SUFFIX}" / ROLLBACK_MARKER).write_text("uncommitted")
    os.rename(folder, tmp_path / ".store.kg-discard")  # the first rename happened, not the second
    with EmbeddedStore(folder) as store:
        assert _snapshot(store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_load_needs_a_writable_store(tmp_path, files):
    EmbeddedStore(tmp_path / "store").close()
    with EmbeddedStore(tmp_path / "store", read_only=True) as reader:
        with pytest.raises(KgError, match="read-only"):
            load_files(reader, [files["trig"]])


def test_load_failure_while_the_store_is_held_leaves_it_as_it_was(store, graphs, files, monkeypatch):
    store.replace_graph(str(graphs[0].identifier), graphs[0])
    before = _snapshot(store)
    held = store.store  # someone keeps the pyoxigraph store
    real = load_module._bulk_load

    def failing(target, file):  # noqa: ANN001
        real(target, file)
        raise OSError("disk full")

    monkeypatch.setattr(load_module, "_bulk_load", failing)
    with pytest.raises(OSError, match="disk full"):
        load_files(store, [files["nq"]])
    assert _snapshot(store) == before
    del held
    assert _leftovers(store) == []


def test_load_refuses_to_commit_a_copy_still_held(store, graphs):
    store.replace_graph(str(graphs[0].identifier), graphs[0])
    before = _snapshot(store)
    kept = []
    with pytest.raises(KgError, match="still in use"):
        with store.transaction():
            kept.append(store.store)
            store.store.clear()
    assert _snapshot(store) == before
    kept.clear()
    assert _leftovers(store) == []


def test_load_killed_after_the_swap_is_tidied_on_open(graphs, tmp_path):
    folder = tmp_path / "store"
    staging = tmp_path / f".store{STAGING_SUFFIX}"
    with EmbeddedStore(folder) as store:
        store.replace_graph(str(graphs[0].identifier), graphs[0])
        store.store.backup(str(staging))  # plays the old store, left where the copy was
        store.replace_graph(str(graphs[1].identifier), graphs[1])
        after = _snapshot(store)
    (folder / STAGED_MARKER).write_text("complete")  # the swap happened, the tidying did not
    with EmbeddedStore(folder) as store:
        assert _snapshot(store) == after
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store")) == []
    assert not (folder / STAGED_MARKER).exists()


def test_load_compacts_what_the_bulk_loader_writes(graphs, tmp_path):
    """The bulk loader writes sorted table files side by side, which every look-up must merge;
    a load with ``compact`` leaves the store compacted (one table file per index where plain bulk
    loads of the same files leave one per load), holding the same quads."""
    paths = []
    for n, graph in enumerate(graphs):
        paths.append(tmp_path / f"g{n}.nq")
        write_graphs([graph], paths[-1])
    plain = ox.Store(str(tmp_path / "plain"))
    for path in paths:
        plain.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    plain.flush()
    with EmbeddedStore(tmp_path / "kg") as store:
        for path in paths:
            load_files(store, [path], compact=True)
        assert {str(q) for q in store.store} == {str(q) for q in plain}
    del plain
    tables = {name: len(list((tmp_path / name).glob("*.sst"))) for name in ("plain", "kg")}
    assert len(paths) >= 2 and tables["kg"] < tables["plain"]


def test_store_is_worth_compacting_after_a_quarter_of_it(graphs, tmp_path):
    """Compaction rewrites the whole store: after a run of kg extract or a merge it is worth it
    for a new store or a write of a quarter or more of the store's table files, not for a little
    added to a large store."""
    everything = tmp_path / "all.nq"
    write_graphs(graphs, everything)
    with EmbeddedStore(tmp_path / "store") as store:
        assert store.worth_compacting(4096)  # a new store (RocksDB writes a table file of a few hundred bytes)
        load_files(store, [everything])
        held = sum(p.stat().st_size for p in Path(store.path).glob("*.sst"))
        assert held > 0
        assert not store.worth_compacting(held // 5)
        assert store.worth_compacting(held // 4 + 1)
