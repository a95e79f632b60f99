"""Readers never see a failed or unfinished write to the embedded store (issue 12).

Each test runs the ``kg`` command as a user would: a writer fails or is killed with
SIGKILL, and ``kg stats`` / ``kg query --store`` must report the store as it was before,
never empty or half-merged.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from kg.store.embedded import STAGING_SUFFIX
from tests.reliability.common import EX, KG, kg, one_line

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def documents(golden_records, tmp_path_factory) -> dict[str, Path]:
    """a.trig (one document), b.trig (the other), bad.nq (b's quads, then a broken last line)."""
    folder = tmp_path_factory.mktemp("docs")
    graphs = [records_to_graph(golden_records[name], Settings()) for name in sorted(golden_records)]
    files = {"a": folder / "a.trig", "b": folder / "b.trig", "bad": folder / "bad.nq"}
    write_graphs(graphs[:1], files["a"])
    write_graphs(graphs[1:], files["b"])
    write_graphs(graphs[1:], folder / "b.nq")
    files["bad"].write_text((folder / "b.nq").read_text() + f"<{EX}a> <{EX}p> .\n")
    return files


def _stats(store: Path) -> dict[str, int]:
    """What ``kg stats --store`` reports (through the library, in this process: faster)."""
    from kg.store.embedded import EmbeddedStore
    from kg.store.stats import store_stats

    with EmbeddedStore(store, read_only=True) as reader:
        return store_stats(reader)


def _rows(store: Path) -> list[dict[str, str | None]]:
    """What ``kg query who-met-whom --store`` answers."""
    from kg.store.embedded import EmbeddedStore
    from kg.store.queries import load_query

    with EmbeddedStore(store, read_only=True) as reader:
        return reader.query(load_query("who-met-whom")).rows


def _leftovers(store: Path) -> list[str]:
    return sorted(p.name for p in store.parent.iterdir() if p.name.startswith(f".{store.name}."))


def test_failed_merge_into_a_store_is_invisible_to_readers(documents, tmp_path):
    store = tmp_path / "S"
    assert kg("merge", documents["a"], "--store", store).returncode == 0
    before, rows = _stats(store), _rows(store)
    assert before["documents"] == 1
    failed = kg("merge", documents["b"], documents["bad"], "--store", store)
    line = one_line(failed)
    assert str(documents["bad"]) in line and "line" in line
    assert _stats(store) == before
    assert _rows(store) == rows
    assert _leftovers(store) == []


def _big_file(path: Path, graphs: int = 200, per_graph: int = 1000) -> Path:
    with open(path, "w") as out:
        for g in range(graphs):
            out.writelines(f'<{EX}s{i}> <{EX}p> "value {g} {i}" <{EX}doc/{g}> .\n' for i in range(per_graph))
    return path


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_load_killed_midway_leaves_readers_the_old_state(documents, tmp_path, signum):
    store = tmp_path / "S"
    assert kg("load", documents["a"], "--store", store).returncode == 0
    before, rows = _stats(store), _rows(store)
    big = _big_file(tmp_path / "big.nq")
    loader = subprocess.Popen([KG, "load", str(big), str(documents["b"]), "--store", str(store)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    staging = store.parent / f".{store.name}{STAGING_SUFFIX}"
    deadline = time.monotonic() + 60
    while not staging.exists() and loader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert loader.poll() is None, "the load finished before it could be killed: make the file bigger"
    during = _stats(store)  # a reader while the load runs
    loader.send_signal(signum)
    loader.wait(timeout=30)
    assert during == before
    if signum == signal.SIGTERM:  # handled as Ctrl-C: the load is dropped at once
        assert loader.returncode == 130
        assert _leftovers(store) == []
    assert _stats(store) == before
    assert _rows(store) == rows
    assert kg("stats", "--store", store).returncode == 0
    # The next writer clears what the killed one left, and its own load is whole.
    assert kg("load", documents["b"], "--store", store).returncode == 0
    assert _stats(store)["documents"] == 2
    assert _leftovers(store) == []


def test_second_writer_is_refused_and_changes_nothing(documents, tmp_path):
    store = tmp_path / "S"
    assert kg("load", documents["a"], "--store", store).returncode == 0
    before = _stats(store)
    holder = subprocess.Popen([str(Path(KG).with_name("python")), "-c",
                               "import sys, time; from kg.store.embedded import EmbeddedStore; "
                               "s = EmbeddedStore(sys.argv[1]); print('open', flush=True); time.sleep(60)",
                               str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        line = one_line(kg("load", documents["b"], "--store", store))
        assert "cannot open the store" in line
        assert _stats(store) == before  # readers are not kept out by a writer
    finally:
        holder.kill()
        holder.wait()
    assert _stats(store) == before
