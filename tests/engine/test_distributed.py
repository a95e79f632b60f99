"""kg extract on real Dask clusters and real worker processes: the same bytes as one process,
after kill -9 of the client (then --resume), of a worker, and of the parent of local workers.

One generated corpus of invented articles, kept short so the whole module stays within a
minute or two on two cores; the reference is ``kg extract --workers 1`` on it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from bench.corpus import write_corpus

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install -e '.[dask]')")

pytestmark = pytest.mark.model

BIN = Path(sys.executable).parent
KG = str(BIN / "kg")
DASK = str(BIN / "dask")
DOCUMENTS = 200
WORDS = 60
PARTITION = "12"
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


# Without PROV times, so runs can be compared byte for byte.
def kg(*args: object, check: bool = True, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([KG, "extract", "--no-timestamps", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=ENV)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def start_kg(*args: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen([KG, "extract", "--no-timestamps", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=ENV)


def wait_for(condition, what: str, timeout: float = 120) -> None:  # noqa: ANN001 - a callable
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def partitions_done(output: Path) -> int:
    folder = output.parent / f".{output.name}.kg-journal"
    return len(list(folder.glob("*.jsonl"))) if folder.exists() else 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    write_corpus(path, DOCUMENTS, words=WORDS, seed=7)
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path) -> bytes:
    out = corpus.parent / "reference.nq"
    kg(corpus, "-o", out, "--workers", "1")
    data = out.read_bytes()
    assert data.count(b"\n") > DOCUMENTS * 20
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """A scheduler and two one-thread workers started with the ``dask`` command on 127.0.0.1."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("dask")
    started = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--dashboard-address", ":0"],
                                stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler.log", "wb"), env=ENV)]
    workers = [subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--no-nanny",
                                 "--host", "127.0.0.1", "--no-dashboard"],
                                stdout=subprocess.DEVNULL, stderr=open(logs / f"worker{n}.log", "wb"), env=ENV)
               for n in range(2)]
    started += workers
    from distributed import Client

    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address, workers
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_distributed_local_cluster_gives_the_same_bytes(corpus: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "local.nq"
    kg(corpus, "-o", out, "--scheduler", "local", "--workers", "2", "--partition-size", PARTITION)
    assert out.read_bytes() == reference
    assert not list(tmp_path.glob(".*"))  # no journal, no temporary file left


def test_distributed_dask_commands_give_the_same_bytes_even_when_a_worker_dies(
        corpus: Path, reference: bytes, tmp_path: Path, scheduler: tuple[str, list[subprocess.Popen[bytes]]]) -> None:
    address, workers = scheduler
    out = tmp_path / "killed.nq"
    run = start_kg(corpus, "-o", out, "--scheduler", address, "--partition-size", "6")
    wait_for(lambda: partitions_done(out) >= 2 or run.poll() is not None, "two finished partitions")
    assert run.poll() is None, "the run ended before a worker could be killed"
    workers[0].send_signal(signal.SIGKILL)  # midway: the other worker takes its partitions over
    _, err = run.communicate(timeout=240)
    assert run.returncode == 0, err.decode()
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    assert out.read_bytes() == reference


def test_distributed_bad_records_are_reported_from_workers(
        tmp_path: Path, scheduler: tuple[str, list[subprocess.Popen[bytes]]]) -> None:
    address, _ = scheduler
    corpus = tmp_path / "slow.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"s{n}", "text": f"Minister Ada Brenn number {n} met envoys in "
                                          "Selm on Monday to talk about the border."}) + "\n" for n in range(3)))
    done = kg(corpus, "-o", tmp_path / "slow.nq", "--scheduler", address, "--doc-timeout", "0.001",
              "--on-error", "skip", check=False)
    assert done.returncode != 0 and not (tmp_path / "slow.nq").exists()
    lines = done.stderr.strip().splitlines()
    assert [line.split(": ")[0] for line in lines[:3]] == [f"{corpus}, line {n}" for n in (1, 2, 3)]
    assert all("--doc-timeout" in line for line in lines[:3])
    assert "no document was extracted" in lines[-1]


@pytest.mark.parametrize("how", [["--workers", "2"], ["--scheduler", "local", "--workers", "2"], ["--scheduler"]])
def test_a_model_that_is_not_installed_is_one_line_on_every_way_to_run(
        how: list[str], tmp_path: Path, scheduler: tuple[str, list[subprocess.Popen[bytes]]]) -> None:
    """The worker processes load the model; their error reaches the command as kg's one line (it
    once broke the process pool and printed a traceback), and Dask neither logs nor retries it."""
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "m1", "text": "Minister Ada Brenn met envoys in Selm."}) + "\n")
    if how == ["--scheduler"]:
        how = ["--scheduler", scheduler[0]]
    done = kg(corpus, "-o", tmp_path / "none.nq", *how, "--model", "kg_no_such_model", check=False)
    assert done.returncode == 1 and not (tmp_path / "none.nq").exists()
    assert done.stderr.strip().splitlines() == [
        "kg: spaCy model 'kg_no_such_model' is not installed; install it with pip "
        "(kg never downloads a model at run time)"], done.stderr


def test_distributed_local_cluster_stopped_early_says_only_kgs_line(corpus: Path, tmp_path: Path) -> None:
    """A bad record, or Ctrl-C (which the terminal sends every process of the run), stops a run
    with partitions still on the LocalCluster's workers: the user sees kg's one line, not the
    workers' tracebacks and Dask's warnings of tasks cancelled as they closed."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("".join(lines[:100]) + '{"id": "cut", "text": \n' + "".join(lines[100:]), encoding="utf-8")
    done = kg(broken, "-o", tmp_path / "broken.nq", "--scheduler", "local", "--workers", "2",
              "--partition-size", "6", check=False)
    assert done.returncode == 1 and not (tmp_path / "broken.nq").exists()
    assert [line.split(": ")[0] for line in done.stderr.splitlines()] == [f"{broken}, line 101"], done.stderr

    out = tmp_path / "interrupted.nq"
    run = subprocess.Popen([KG, "extract", corpus, "-o", out, "--scheduler", "local", "--workers", "2",
                            "--partition-size", "6"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV,
                           start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for(lambda: partitions_done(out) >= 2 or run.poll() is not None, "two finished partitions")
    assert run.poll() is None, "the run ended before it could be interrupted"
    descendants = psutil.Process(run.pid).children(recursive=True)
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C at a terminal
    _, err = run.communicate(timeout=60)
    assert (run.returncode, err.decode().splitlines()) == (130, ["kg: interrupted; no output was written"])
    _, alive = psutil.wait_procs(descendants, timeout=15)
    assert not alive and not out.exists()


def test_distributed_resume_after_kill_of_the_client(corpus: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "resumed.nq"
    run = start_kg(corpus, "-o", out, "--partition-size", PARTITION)
    wait_for(lambda: partitions_done(out) >= 4, "four finished partitions")
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert not out.exists()
    assert list(tmp_path.glob(".resumed.nq.*.part"))  # the killed run's temporary output

    again = kg(corpus, "-o", out, check=False)
    assert again.returncode != 0 and "--resume" in again.stderr and "--restart" in again.stderr

    # The first document (finished by the killed run) changes before the resume: it is extracted
    # again; every other document comes from the journal or is extracted now, as partitions of
    # another size.
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    old_title = json.dumps(records[0]["title"]).encode()
    records[0]["title"] = "An invented headline about Selm"
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    resumed = kg(changed, "-o", out, "--resume", "--partition-size", "7")
    assert "taken from the unfinished run's journal" in resumed.stderr
    assert out.read_bytes() == reference.replace(old_title, json.dumps(records[0]["title"]).encode())
    assert not list(tmp_path.glob(".resumed.nq*"))  # journal and stale temporary file gone


def test_distributed_local_workers_exit_when_their_parent_is_killed(corpus: Path, tmp_path: Path) -> None:
    run = start_kg(corpus, "-o", tmp_path / "orphans.nq", "--workers", "2")
    parent = psutil.Process(run.pid)
    wait_for(lambda: len(parent.children()) >= 2, "two worker processes")
    children = parent.children(recursive=True)
    # Each worker keeps to one thread: spaCy's parser runs 15-20% slower in a process that has
    # had a second one (kg.engine.executors).
    assert [p.num_threads() for p in children] == [1] * len(children)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    gone, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, f"worker processes outlived their parent: {[p.pid for p in alive]}"


def _command(process: psutil.Process) -> str:
    """The command line of ``process``, empty once it has ended (a zombie has none)."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def _spawned(processes: list[psutil.Process]) -> list[psutil.Process]:
    """Those of ``processes`` that multiprocessing started (workers, not its resource tracker)."""
    return [p for p in processes if "spawn_main" in _command(p)]


def test_a_run_into_the_store_parses_in_a_worker_process_of_one_thread(
        corpus: Path, reference: bytes, tmp_path: Path) -> None:
    """The store's RocksDB runs threads in kg's process, where spaCy would run slower: one
    worker process parses beside it, and the store holds what the reference file holds."""
    import pyoxigraph as ox

    store = tmp_path / "store"
    run = start_kg(corpus, "--store", store, "--partition-size", PARTITION)
    parent = psutil.Process(run.pid)

    def workers() -> list[psutil.Process]:
        return _spawned(parent.children())

    wait_for(lambda: bool(workers()) or run.poll() is not None, "a worker process")
    threads = [p.num_threads() for p in workers()]
    _, err = run.communicate(timeout=240)
    assert run.returncode == 0, err.decode()
    assert threads == [1]
    expected = ox.Store()
    expected.load(reference, ox.RdfFormat.N_QUADS)
    assert set(ox.Store.read_only(str(store))) == set(expected)


def test_distributed_tasks_run_in_a_process_of_one_thread_beside_each_worker() -> None:
    from kg.engine.cluster import DaskExecutor, in_kg_process
    from kg.settings import Settings

    executor = DaskExecutor(Settings(workers=2), "local")
    try:
        client = executor._client

        def each(fn, *args):  # noqa: ANN001, ANN202 - a callable and its arguments; their results
            return client.gather([client.submit(in_kg_process, fn, *args, pure=False, workers=[w],
                                                allow_other_workers=False)
                                  for w in client.scheduler_info()["workers"]])

        workers = set(client.run(os.getpid).values())
        pids = each(os.getpid)
        threads = each(os.listdir, "/proc/self/task") + each(os.listdir, "/proc/self/task")
        trim = each(os.getenv, "MALLOC_TRIM_THRESHOLD_")
        dask_loaded = each(eval, "'distributed' in __import__('sys').modules")
        workers_trim = set(client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_").values())
    finally:
        executor.close()
    assert len(set(pids)) == 2 and not set(pids) & workers, (pids, workers)
    assert [len(t) for t in threads] == [1, 1, 1, 1]
    # Dask's nanny gives its workers malloc's trim threshold (it costs spaCy 15-19%); kg's do not take it
    assert workers_trim == {"65536"} and trim == [None, None]
    assert dask_loaded == [False, False]  # the task is handed over, not Dask's own task runner


def _kg_processes(client: psutil.Process) -> list[psutil.Process]:
    """The processes kg starts beside the Dask workers of a LocalCluster (the client's grandchildren)."""
    def beside_a_worker(process: psutil.Process) -> bool:
        try:
            return process.ppid() != client.pid
        except psutil.Error:  # it ended meanwhile
            return False

    return [p for p in _spawned(client.children(recursive=True)) if beside_a_worker(p)]


def test_distributed_a_dead_kg_process_is_started_anew_and_its_partition_run_again(
        corpus: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "restarted.nq"
    run = start_kg(corpus, "-o", out, "--scheduler", "local", "--workers", "2", "--partition-size", "6")
    client = psutil.Process(run.pid)
    wait_for(lambda: partitions_done(out) >= 2 or run.poll() is not None, "two finished partitions")
    assert run.poll() is None, "the run ended before a kg process could be killed"
    victims = _kg_processes(client)
    assert len(victims) == 2, victims
    victims[0].kill()
    _, err = run.communicate(timeout=240)
    assert run.returncode == 0, err.decode()
    assert out.read_bytes() == reference


def _forked_workers(client: psutil.Process) -> list[psutil.Process]:
    """A LocalCluster's workers: the children of kg's fork server, the client's child."""
    servers = [p for p in client.children() if "multiprocessing.forkserver" in _command(p)]
    assert len(servers) == 1, client.children()
    return servers[0].children()


def test_distributed_a_killed_client_leaves_no_process_of_its_local_cluster(corpus: Path, tmp_path: Path) -> None:
    """The LocalCluster's workers are forked from kg's fork server, not new interpreters; kill -9
    of the client ends the server, the workers and kg's processes beside them."""
    run = start_kg(corpus, "-o", tmp_path / "orphans.nq", "--scheduler", "local", "--workers", "2",
                   "--partition-size", PARTITION)
    client = psutil.Process(run.pid)
    wait_for(lambda: len(_kg_processes(client)) >= 2 or run.poll() is not None, "kg's processes beside two workers")
    assert run.poll() is None, "the run ended before its client could be killed"
    assert len(_forked_workers(client)) == 2
    descendants = client.children(recursive=True)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    _, alive = psutil.wait_procs(descendants, timeout=15)
    assert not alive, f"processes outlived the client: {[' '.join(p.cmdline())[:80] for p in alive]}"


def test_distributed_a_local_worker_that_dies_is_forked_anew_and_the_bytes_are_the_same(
        corpus: Path, reference: bytes, tmp_path: Path) -> None:
    """The nanny starts a worker anew as it started the first: forked, with kg's processes beside it
    (the LocalCluster's settings once held only while the cluster started)."""
    out = tmp_path / "worker-killed.nq"
    run = start_kg(corpus, "-o", out, "--scheduler", "local", "--workers", "2", "--partition-size", "6")
    client = psutil.Process(run.pid)
    wait_for(lambda: partitions_done(out) >= 2 or run.poll() is not None, "two finished partitions")
    assert run.poll() is None, "the run ended before a worker could be killed"
    victim = _forked_workers(client)[0]
    victim.kill()

    def restarted() -> bool:
        try:
            workers = _forked_workers(client)
            return len(workers) == 2 and victim not in workers and all(w.children() for w in workers)
        except psutil.Error:  # a process ended meanwhile: look again
            return False

    wait_for(lambda: restarted() or run.poll() is not None, "a worker forked anew")
    assert restarted(), "no worker was forked anew with kg's process beside it before the run ended"
    _, err = run.communicate(timeout=240)
    assert run.returncode == 0, err.decode()
    assert out.read_bytes() == reference


def test_distributed_workers_under_a_nanny_run_kg_in_their_own_threads(
        corpus: Path, reference: bytes, tmp_path: Path) -> None:
    """``dask worker`` with its nanny makes a daemon process, which may not start processes:
    kg's tasks then run in the worker's threads, with the same bytes."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    started = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--dashboard-address", ":0"], stdout=subprocess.DEVNULL,
                                stderr=open(tmp_path / "scheduler.log", "wb"), env=ENV)]
    started.append(subprocess.Popen([DASK, "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                     "--no-dashboard"], stdout=subprocess.DEVNULL,
                                    stderr=open(tmp_path / "worker.log", "wb"), env=ENV))
    try:
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(1, timeout=120)
        kg(corpus, "-o", tmp_path / "nanny.nq", "--scheduler", address, "--partition-size", PARTITION)
        assert (tmp_path / "nanny.nq").read_bytes() == reference
        nanny = psutil.Process(started[1].pid)
        assert not [p for p in nanny.children(recursive=True) if p.ppid() != nanny.pid]  # no kg process
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_distributed_client_keeps_no_articles_of_finished_partitions() -> None:
    """Dask's developer logs kept each comm's last 1,000 messages, each holding the task's
    arguments: a client (and the LocalCluster scheduler in its process) held every partition's
    articles until 1,000 partitions had passed, so its memory grew with the corpus."""
    import gc

    from kg.engine.cluster import DaskExecutor
    from kg.engine.work import Item
    from kg.records import Article
    from kg.settings import Settings

    partitions = 40
    executor = DaskExecutor(Settings(workers=1), "local")
    try:
        for n in range(partitions):
            items = [Item(Article(f"memo-{n}", f"Minister Tove Arnesdatter met envoy number {n} in Bergen."),
                          "<memo>", n)]
            assert executor.submit(items).result()[0].doc_id == f"memo-{n}"
        del items
        gc.collect()
        alive = sum(isinstance(o, Item) for o in gc.get_objects())
    finally:
        executor.close()
    assert alive <= partitions // 2, f"{alive} of {partitions} partitions' articles still held by the client"


def test_distributed_local_workers_leave_results_in_the_scratch_folder_for_the_client(tmp_path: Path) -> None:
    """A LocalCluster's task writes its partition's N-Quads to a file in the run's folder and
    returns where they are; the client reads them (the same results as from this process) and
    removes the file."""
    from kg.engine.cluster import DaskExecutor
    from kg.engine.work import Item, Spilled, extract_partition
    from kg.errors import KgError
    from kg.records import Article
    from kg.settings import Settings

    settings = Settings(workers=1, timestamps=False)
    items = [Item(Article(f"memo-{n}", f"Minister Tove Arnesdatter met envoy Arvo Kask in Bergen on day {n}."),
                  "<memo>", n) for n in range(3)]
    executor = DaskExecutor(settings, "local", scratch=str(tmp_path))
    try:
        submitted = executor.submit(items)
        returned = submitted.future.result()  # what the worker sent back
        left = sorted(p.name for p in tmp_path.iterdir())
        results = submitted.result()
        lost = executor.submit(items[:1])
        os.unlink(lost.future.result().path)
        with pytest.raises(KgError, match=r"results of a partition \(<memo>, line 0 to <memo>, line 0\) could not"):
            lost.result()
    finally:
        executor.close()
    assert isinstance(returned, Spilled) and all(r.nquads == b"" for r, _length in returned.results)
    assert len(left) == 1 and left[0].startswith(".spill-")
    assert results == extract_partition(items, settings)
    assert results[0].nquads and not list(tmp_path.iterdir())


def test_distributed_local_cluster_killed_then_resumed_gives_the_same_bytes(
        corpus: Path, reference: bytes, tmp_path: Path) -> None:
    out = tmp_path / "killed.nq"
    run = start_kg(corpus, "-o", out, "--scheduler", "local", "--workers", "2", "--partition-size", PARTITION)
    wait_for(lambda: partitions_done(out) >= 3, "three finished partitions")
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    resumed = kg(corpus, "-o", out, "--resume", "--scheduler", "local", "--workers", "2",
                 "--partition-size", PARTITION)
    assert "taken from the unfinished run's journal" in resumed.stderr
    assert out.read_bytes() == reference
    assert not list(tmp_path.glob(".*"))  # journal (and any partition the killed run's workers left) gone


def test_distributed_an_interrupted_wait_logs_none_of_dasks_slip(caplog: pytest.LogCaptureFixture) -> None:
    """Ctrl-C during the client's wait could make Dask's cancel callback raise a NameError,
    which tornado logged before kg's line (the test above failed now and then on it).  That one
    record is dropped; any other error of a callback is still logged."""
    import logging

    from kg.engine.cluster import SYNC_FILE

    def raised_in(name: str, filename: str) -> BaseException:
        space: dict[str, object] = {}
        exec(compile(f"def {name}():\n    raise NameError('cannot access free variable')\n", filename, "exec"), space)
        try:
            space[name]()  # type: ignore[operator]
        except NameError as error:
            return error
        raise AssertionError("no error")

    log = logging.getLogger("tornado.application")
    with caplog.at_level(logging.ERROR):
        for error in (raised_in("cancel", SYNC_FILE), raised_in("other", SYNC_FILE),
                      raised_in("cancel", "elsewhere.py"), ValueError("a callback's own error")):
            log.error("Exception in callback", exc_info=(type(error), error, error.__traceback__))
    assert [str(r.exc_info[1]) for r in caplog.records if r.exc_info] == [
        "cannot access free variable", "cannot access free variable", "a callback's own error"]
    assert [r.exc_info[1].__traceback__.tb_next.tb_frame.f_code.co_name  # type: ignore[union-attr]
            for r in caplog.records[:2] if r.exc_info] == ["other", "cancel"]
