"""The engine's parts without a model: partitions, copies across partitions, the journal, the time budget."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.engine.journal import Finished, Journal, journal_path
from kg.engine.plan import content_digest, partitions
from kg.engine.work import DocTimeout, collector_paused, time_budget
from kg.errors import KgError
from kg.io import count_records, read_located
from kg.records import Article
from kg.text.copies import CopyDetector

# Invented stories.
STORY = ("Foreign ministers of Estmark and Porvania met in the lakeside town of Selm on Monday for their first "
         "direct talks since the border closure, officials from both governments said on Tuesday evening.")
OTHER = "The Valdorian parliament voted on Thursday to raise the fishing quota in the northern bay by a tenth."


def _located(texts: list[str]) -> list[tuple[Article, str, int]]:
    return [(Article(id=f"d{n}", text=text), "corpus.jsonl", n) for n, text in enumerate(texts, 1)]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_engine_copies_do_not_depend_on_partitions(size: int) -> None:
    texts = [STORY, OTHER, STORY.upper(), OTHER + " ", "An unrelated note on the weather in the hills today."]
    found = {slot.item.article.id: slot.copy_of
             for part in partitions(_located(texts), detector=CopyDetector(), docs=size) for slot in part.slots}
    assert found == {"d1": None, "d2": None, "d3": "d1", "d4": "d2", "d5": None}


def test_engine_partitions_are_consecutive_and_bounded() -> None:
    parts = list(partitions(_located([STORY, OTHER] * 5), docs=3))
    assert [len(p.slots) for p in parts] == [3, 3, 3, 1]
    assert [s.item.line for p in parts for s in p.slots] == list(range(1, 11))
    assert [p.index for p in parts] == [0, 1, 2, 3]


def test_engine_last_partitions_are_shorter_when_the_total_is_known() -> None:
    located = _located([STORY, OTHER] * 150)
    sizes = [len(p.slots) for p in partitions(located, total=len(located))]
    assert sizes[0] == 64 and sum(sizes) == 300
    assert sizes == sorted(sizes, reverse=True) and max(sizes[-4:]) <= 8
    assert [s.item.line for p in partitions(located, total=300) for s in p.slots] == list(range(1, 301))
    assert {len(p.slots) for p in partitions(located)} == {64, 300 - 4 * 64}  # size unknown: all alike


def test_engine_spilled_results_are_read_back_in_order_and_their_file_removed(tmp_path: Path) -> None:
    from kg.engine.work import DocResult, Spilled

    graphs = [b"<x:a> <x:p> <x:o> <x:a> .\n", b"", b"<x:c> <x:p> <x:o> <x:c> .\n<x:c> <x:q> <x:o> <x:c> .\n"]
    path = tmp_path / ".spill-1.nq"
    path.write_bytes(b"".join(graphs))
    spilled = Spilled(str(path), [(DocResult("a", b"", 1), len(graphs[0])),
                                  (DocResult("b", b"", 0, "took too long"), 0),
                                  (DocResult("c", b"", 2), len(graphs[2]))])
    assert spilled.load() == [DocResult("a", graphs[0], 1), DocResult("b", b"", 0, "took too long"),
                              DocResult("c", graphs[2], 2)]
    assert not path.exists()


def test_engine_copy_index_is_kept_between_runs(tmp_path: Path) -> None:
    path = tmp_path / "copies.sqlite"
    with CopyDetector(path=path) as first:
        assert first.update("wire-1", STORY) is None
    with CopyDetector(path=path) as again:
        assert again.update("site-2", STORY.replace("Monday", "Monday,")) == "wire-1"
        assert again.update("wire-1", STORY) is None  # the same document read again keeps its answer
        assert again.update("site-2", OTHER) is None  # a changed document is indexed anew
        assert len(again) == 2
    with CopyDetector(threshold=0.8, path=path) as other:  # made with other parameters: emptied
        assert len(other) == 0
    with CopyDetector(path=tmp_path / "none.sqlite") as empty:
        assert len(empty) == 0


def test_engine_copy_index_keeps_what_was_committed_before_a_kill(tmp_path: Path) -> None:
    import subprocess
    import sys

    # A process that indexes more documents than one commit holds and dies without closing.
    path = tmp_path / "copies.sqlite"
    code = ("import os, sys; from kg.text.copies import CopyDetector, COMMIT_EVERY; "
            "d = CopyDetector(path=sys.argv[1]); "
            "[d.add(f'n{i}', f'note {i} on the harbour dues of the northern bay, year {i}') "
            "for i in range(COMMIT_EVERY + 5)]; os._exit(9)")
    done = subprocess.run([sys.executable, "-c", code, str(path)], timeout=120)
    assert done.returncode == 9
    with CopyDetector(path=path) as again:
        from kg.text.copies import COMMIT_EVERY

        assert len(again) == COMMIT_EVERY and "n0" in again and f"n{COMMIT_EVERY}" not in again
        assert again.update("n0", "note 0 on the harbour dues of the northern bay, year 0") is None
        assert again.update("copy", "Note 0 on the harbour dues of the northern bay, year 0!") == "n0"


def test_engine_journal_records_and_reads_back(tmp_path: Path) -> None:
    folder = journal_path(str(tmp_path / "out.nq"), None)
    assert folder == tmp_path / ".out.nq.kg-journal"
    options = {"format": None, "model": None}
    journal = Journal.open(folder, options, resume=False, restart=False, keep_graphs=True)
    assert journal.is_empty()
    article = Article(id="a", text=STORY)
    journal.record([Finished("a", content_digest(article), 1, b"<x:a> <x:b> <x:c> .\n", None),
                    Finished("b", "0" * 32, 2, b"<x:b> <x:b> <x:c> .\n<x:b> <x:b> <x:d> .\n", "a")])
    with pytest.raises(KgError, match="--resume"):
        Journal.open(folder, options, resume=False, restart=False, keep_graphs=True)
    with pytest.raises(KgError, match="other options"):
        Journal.open(folder, {**options, "model": "other"}, resume=True, restart=False, keep_graphs=True)
    (folder / ".00000001.jsonl.x.part").write_text("half a partition")
    (folder / "00000001.nq").write_text("graphs written, index not: the partition is not finished")
    (folder / ".spill-x1.nq").write_text("a partition a worker left, never read by the killed client")
    resumed = Journal.open(folder, options, resume=True, restart=False, keep_graphs=True)
    assert not (folder / ".00000001.jsonl.x.part").exists() and not (folder / "00000001.nq").exists()
    assert not (folder / ".spill-x1.nq").exists()
    assert len(resumed) == 2
    found = resumed.lookup("a", content_digest(article))
    assert found is not None and (found.triples, found.copy_of) == (1, None)
    assert resumed.read(found) == b"<x:a> <x:b> <x:c> .\n"
    second = resumed.lookup("b", "0" * 32)
    assert second is not None and (second.triples, second.copy_of) == (2, "a")
    assert resumed.read(second) == b"<x:b> <x:b> <x:c> .\n<x:b> <x:b> <x:d> .\n"
    changed = Article(id="a", text=STORY + " More.")
    assert resumed.lookup("a", content_digest(changed)) is None  # a changed document is extracted again
    fresh = Journal.open(folder, options, resume=False, restart=True, keep_graphs=True)
    assert fresh.is_empty() and len(fresh) == 0


def _time_budget_stops_a_long_step() -> None:
    start = time.perf_counter()
    with pytest.raises(DocTimeout), time_budget(0.05):
        while True:
            sum(range(1000))
    assert time.perf_counter() - start < 2
    with time_budget(0.2):  # a quick step is not disturbed, and nothing fires later
        sum(range(1000))
    time.sleep(0.3)


def test_engine_time_budget_stops_a_long_step_with_no_thread_in_the_main_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_thread(*args: object, **kwargs: object) -> None:
        raise AssertionError("a timer thread was started in the main thread")

    monkeypatch.setattr(threading, "Timer", no_thread)
    _time_budget_stops_a_long_step()


def test_engine_time_budget_stops_a_long_step_in_another_thread() -> None:
    failures: list[BaseException] = []

    def run() -> None:
        try:
            _time_budget_stops_a_long_step()
        except BaseException as error:  # noqa: BLE001 - reported to the test's thread
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive() and not failures, failures


def test_engine_collector_paused_for_a_document_then_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(DocTimeout), collector_paused():
        raise DocTimeout  # a document cut by its time budget
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_engine_reads_globs_gzip_and_several_inputs(tmp_path: Path) -> None:
    records = [json.dumps({"id": f"g{n}", "text": STORY}) for n in range(3)]
    with gzip.open(tmp_path / "2024-01.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("\n".join(records[:2]) + "\n")
    (tmp_path / "2024-02.jsonl").write_text(records[2] + "\n{bad\n", encoding="utf-8")
    (tmp_path / "note.txt").write_text(OTHER, encoding="utf-8")
    errors: list[KgError] = []
    found = list(read_located([str(tmp_path / "2024-*"), str(tmp_path / "note.txt")], on_error="skip",
                              report=errors.append))
    assert [(a.id, Path(source).name, line) for a, source, line in found] == [
        ("g0", "2024-01.jsonl.gz", 1), ("g1", "2024-01.jsonl.gz", 2), ("g2", "2024-02.jsonl", 1),
        ("note.txt", "note.txt", None)]
    assert [str(e) for e in errors] == [f"{tmp_path / '2024-02.jsonl'}, line 2: malformed JSON: Expecting "
                                        "property name enclosed in double quotes (column 2)"]
    assert count_records(str(tmp_path)) == 5
    with pytest.raises(KgError, match="no file matches"):
        list(read_located(str(tmp_path / "1999-*.jsonl")))


def test_engine_single_machine_path_does_not_import_dask() -> None:
    import subprocess
    import sys

    code = ("import sys; import kg.cli, kg.api, kg.engine.run, kg.engine.executors, kg.engine.plan; "
            "from kg.engine.executors import make_executor; from kg.settings import Settings; "
            "make_executor(Settings()); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_engine_resume_with_nothing_left_starts_no_executor(tmp_path: Path) -> None:
    from kg.engine.run import run
    from kg.settings import Settings

    located = _located([f"{STORY} Item {n}." for n in range(5)])
    articles = [article for article, _source, _line in located]
    output = tmp_path / "out.nq"
    folder = journal_path(str(output), None)
    options = {"format": None}
    journal = Journal.open(folder, options, resume=False, restart=False, keep_graphs=True)
    graphs = [f"<x:d{n}> <x:p> <x:o> <x:g{n}> .\n".encode() for n in range(5)]
    journal.record([Finished(a.id, content_digest(a), 1, g, None) for a, g in zip(articles[:3], graphs[:3],
                                                                                    strict=True)])
    journal.record([Finished(a.id, content_digest(a), 1, g, None) for a, g in zip(articles[3:], graphs[3:],
                                                                                    strict=True)])

    def start():  # noqa: ANN202 - never called
        raise AssertionError("an executor was started with nothing left to extract")

    resumed = Journal.open(folder, options, resume=True, restart=False, keep_graphs=True)
    summary = run(located, settings=Settings(), start=start, output=str(output),
                  fmt=None, store=None, journal=resumed, partition_docs=2)
    assert (summary.documents, summary.resumed, summary.triples) == (5, 5, 5)
    assert output.read_bytes() == b"".join(graphs)
    assert not folder.exists()  # the journal is removed once the output is complete


@pytest.mark.model
@pytest.mark.parametrize("batch_bytes", [1, 1 << 30])
def test_engine_store_batches_journal_only_stored_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            batch_bytes: int) -> None:
    """Partitions go into the store in batches of several (one transaction each); a run cut
    off midway leaves a journal that names only documents the store holds, and the resumed
    run completes the store."""
    import kg.engine.run as engine_run
    from kg.engine.executors import make_executor
    from kg.engine.run import run
    from kg.settings import Settings
    from kg.store.embedded import EmbeddedStore

    monkeypatch.setattr(engine_run, "STORE_BATCH_BYTES", batch_bytes)
    located = _located([f"{STORY} Talks went on for {n + 2} hours." for n in range(6)])
    store = tmp_path / "store"
    folder = journal_path(None, str(store))
    options = {"format": None}
    settings = Settings()

    def cut_off(items: list[tuple[Article, str, int]]):  # noqa: ANN202 - the reader, stopped after four
        yield from items[:4]
        raise KeyboardInterrupt

    journal = Journal.open(folder, options, resume=False, restart=False, keep_graphs=False)
    with pytest.raises(KeyboardInterrupt):
        run(cut_off(located), settings=settings, start=lambda: make_executor(settings), output=None, fmt=None,
            store=str(store), journal=journal, partition_docs=2)
    journaled = {json.loads(line)["id"] for part in folder.glob("*.jsonl")
                 for line in part.read_text(encoding="utf-8").splitlines()}
    with EmbeddedStore(str(store)) as opened:
        stored = {row["id"] for row in opened.query(
            "SELECT ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }").rows}
    assert journaled <= stored
    assert len(journaled) == (4 if batch_bytes == 1 else 0)  # one transaction per partition, or none yet

    resumed = Journal.open(folder, options, resume=True, restart=False, keep_graphs=False)
    summary = run(located, settings=settings, start=lambda: make_executor(settings), output=None, fmt=None,
                  store=str(store), journal=resumed, partition_docs=2)
    assert (summary.documents, summary.resumed) == (6, len(journaled))
    with EmbeddedStore(str(store)) as opened:
        stored = {row["id"] for row in opened.query(
            "SELECT ?id WHERE { ?d <http://purl.org/dc/terms/identifier> ?id }").rows}
    assert stored == {f"d{n}" for n in range(1, 7)}


@pytest.mark.model
def test_engine_store_is_compacted_by_the_last_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each batch bulk-loads its own table files; the run's last batch compacts the store, so
    the questions read one sorted file per index: compacting the store once more merges
    nothing."""
    import shutil

    import pyoxigraph as ox

    import kg.engine.run as engine_run
    from kg.engine.executors import make_executor
    from kg.engine.run import run
    from kg.settings import Settings

    monkeypatch.setattr(engine_run, "STORE_BATCH_BYTES", 1)  # a batch a partition
    # (countries every document names: the batches' table files overlap)
    located = _located([f"Kenya and Uganda held talks in Nairobi on Monday, mediated by Tanzania. Talks went on "
                        f"for {n + 2} hours." for n in range(6)])
    settings = Settings()
    store = tmp_path / "store"
    run(located, settings=settings, start=lambda: make_executor(settings), output=None, fmt=None,
        store=str(store), journal=None, partition_docs=2)
    again = tmp_path / "again"
    shutil.copytree(store, again)
    compacted = ox.Store(str(again))
    compacted.optimize()
    compacted.flush()
    del compacted
    assert sorted(p.name for p in again.glob("*.sst")) == sorted(p.name for p in store.glob("*.sst"))


def test_new_processes_start_without_the_nannys_trim_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.engine.environ import for_new_processes

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    show = [sys.executable, "-c", "import os; print(os.environ.get('MALLOC_TRIM_THRESHOLD_'))"]
    with for_new_processes():
        inside = subprocess.run(show, capture_output=True, text=True, check=True).stdout.strip()
    after = subprocess.run(show, capture_output=True, text=True, check=True).stdout.strip()
    assert (inside, after) == ("None", "65536")


def test_new_processes_start_with_one_blas_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """(kg's fork server imports numpy, for an API user too, who may not have set it.)"""
    from kg.engine.environ import for_new_processes

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with for_new_processes():
        inside = (os.environ.get("OPENBLAS_NUM_THREADS"), os.environ["OMP_NUM_THREADS"])
    assert inside == ("1", "3")
    assert "OPENBLAS_NUM_THREADS" not in os.environ and os.environ["OMP_NUM_THREADS"] == "3"


class _NotesItsEnd:
    """Writes a file when taken apart: at the latest when its process takes its modules apart."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __del__(self) -> None:
        Path(self.path).write_text("taken apart")


_KEPT: list[_NotesItsEnd] = []


def _keep_until_the_end(path: str) -> int:
    _KEPT.append(_NotesItsEnd(path))
    return len(_KEPT)


@pytest.mark.model
def test_worker_processes_end_without_taking_their_modules_apart(tmp_path: Path) -> None:
    """A worker process's results are all sent when it ends: it skips the teardown of its modules
    (the model's objects took about 0.1 s, which closing the pool waited for)."""
    from kg.engine.executors import model_processes

    pool = model_processes(1, None)
    try:
        assert pool.submit(_keep_until_the_end, str(tmp_path / "end")).result(timeout=120) == 1
        process = next(iter(pool._processes.values()))
    finally:
        pool.shutdown(wait=True)
    assert process.exitcode == 0
    assert not (tmp_path / "end").exists()
