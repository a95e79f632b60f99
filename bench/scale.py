"""Scaling figures of ``kg extract`` as a user runs it (the real command, one run after the other):
Dask with 2 workers against 1 worker and against ``--workers 2`` (medians of three rounds), with
documents of about 100, 200 and 400 words (400: a short news article); peak memory at 10,000
documents against 1,000 with ``--store`` (one process, and the client of a Dask run); ``--resume``
after kill -9 at 90% against a full run (medians of three of each).

Usage: ``python bench/scale.py [--docs 2000] [--words 100] [--speed-words 100 200 400] [--speed-repeat 3]
[--memory-words 40] [--resume-docs 2000] [--resume-repeat 3] [--only speed memory resume]
[--out bench/results/scale.md]``

Times are wall-clock seconds of the whole command, start-up included (for Dask: starting the
LocalCluster and loading the model in each worker).  Memory is the peak resident set of the kg
process itself (the kernel's high-water mark, VmHWM, read every 0.1 s), and separately the peak of
the whole process tree (the sum of the current sizes, sampled every 0.1 s).
The corpus is bench/corpus.py's.  The machine is shared: the load average is recorded per run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
ENV = {**os.environ, "OMP_NUM_THREADS": "1"}


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def run_kg(args: list[str], *, kill_when=None) -> dict[str, float]:  # noqa: ANN001 - a callable or None
    """Run ``kg extract ARGS``; wall seconds, peak RSS (MB) of kg and of its process tree."""
    before = load()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen([KG, "extract", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    me = psutil.Process(process.pid)
    peak = tree = 0.0
    marks: dict[int, float] = {}  # each process's high-water mark, the last read before it ended
    # The CPU time of the processes whose end kg's own process does not wait for (its fork server, the
    # LocalCluster's workers forked from it and kg's processes beside them), each read last 0.1 s or
    # less before it ended; the others' comes whole from getrusage.
    unwaited: dict[int, float] = {}
    forked: dict[int, bool] = {}
    killed = False
    while process.poll() is None:
        try:
            children = me.children(recursive=True)
            rss = me.memory_info().rss
            total = rss + sum(c.memory_info().rss for c in children)
        except psutil.Error:
            children, rss = [], 0
            total = 0
        # kg's own peak: the kernel's high-water mark of its resident set, which a sample every
        # 0.1 s of the current size can miss (a short run's peak between two samples)
        peak, tree = max(peak, rss, high_water_mark(process.pid)), max(tree, total)
        for child in children:
            marks[child.pid] = max(marks.get(child.pid, 0.0), high_water_mark(child.pid))
            try:
                if child.pid not in forked:
                    forked[child.pid] = (forked.get(child.ppid(), False)
                                         or "multiprocessing.forkserver" in " ".join(child.cmdline()))
                if forked[child.pid]:
                    times = child.cpu_times()
                    unwaited[child.pid] = times.user + times.system
            except psutil.Error:
                pass
        if kill_when is not None and not killed and kill_when():
            process.send_signal(signal.SIGKILL)
            killed = True
        try:  # the next sample in 0.1 s, or the end of the run the moment it comes
            process.wait(timeout=0.1)
        except subprocess.TimeoutExpired:
            pass
    err = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0 and not killed:
        raise SystemExit(f"kg extract {' '.join(args)} failed: {err}")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (usage.ru_utime + usage.ru_stime) + sum(unwaited.values())
    return {"seconds": seconds, "cpu": cpu, "rss": peak / 2**20, "tree": tree / 2**20, "load": before,
            "killed": killed, "marks": (peak + sum(marks.values())) / 2**20}


def high_water_mark(pid: int) -> float:
    """The peak resident set of process ``pid`` so far (bytes; Linux's VmHWM), 0 if unknown."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1]) * 1024
    except OSError:
        pass
    return 0.0


def folder_size(folder: Path) -> int:
    """Bytes of the files in ``folder``; a file that goes between the listing and its size is
    named on standard error (it happened once, 2026-12-07, after the run had ended)."""
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                total += path.stat().st_size
        except FileNotFoundError:
            print(f"{path} went while the store was measured", file=sys.stderr)
    return total


def journal_docs(output: Path) -> int:
    folder = output.parent / f".{output.name}.kg-journal"
    total = 0
    for part in folder.glob("*.jsonl") if folder.exists() else ():
        with open(part, "rb") as stream:
            total += sum(1 for _ in stream)
    return total


def speed(tmp: Path, docs: int, words: int, repeat: int = 3) -> list[str]:
    """The four ways to run, in turns, ``repeat`` rounds; the ratios of the medians.  The host's
    speed drifts by a tenth or more from one minute to the next, so a ratio of two single runs
    taken a minute apart measures the drift as much as the runs."""
    corpus = tmp / f"speed-{words}.jsonl"
    total = write_corpus(corpus, docs, words=words, seed=11)
    ways = (("Dask, 1 worker", ["--scheduler", "local", "--workers", "1"]),
            ("Dask, 2 workers", ["--scheduler", "local", "--workers", "2"]),
            ("--workers 2 (local processes)", ["--workers", "2"]),
            ("--workers 1 (this process)", ["--workers", "1"]))
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in ways}
    for _ in range(repeat):
        for name, extra in ways:
            runs[name].append(run_kg([str(corpus), "-o", str(tmp / "speed.nq"), "--no-detect-copies", *extra]))
            print(f"{name}: {runs[name][-1]['seconds']:.1f} s", file=sys.stderr)
    median = {name: statistics.median(r["seconds"] for r in done) for name, done in runs.items()}
    d1, d2 = median["Dask, 1 worker"], median["Dask, 2 workers"]
    mp = median["--workers 2 (local processes)"]
    lines = [f"## Throughput: {docs:,} documents of about {words} words ({total:,} words), copy detection off; "
             f"{repeat} rounds", "",
             "| run | seconds, round by round | median | words/s (median) | CPU s (all processes) | load before |",
             "|---|---|---:|---:|---|---|"]
    def each(done: list[dict[str, float]], key: str) -> str:
        return ", ".join(f"{r[key]:.1f}" for r in done)

    lines += [f"| {name} | {each(done, 'seconds')} | {median[name]:.1f} | {total / median[name]:,.0f} | "
              f"{each(done, 'cpu')} | {'; '.join(str(r['load']) for r in done)} |" for name, done in runs.items()]
    by_round = [(a["seconds"] / b["seconds"], m["seconds"] / b["seconds"])
                for a, b, m in zip(runs["Dask, 1 worker"], runs["Dask, 2 workers"],
                                   runs["--workers 2 (local processes)"], strict=True)]
    lines += ["", f"- Dask 2 workers ÷ Dask 1 worker: **{d1 / d2:.2f}×** (target ≥ 1.7×); round by round "
              f"{', '.join(f'{x:.2f}' for x, _ in by_round)}",
              f"- Dask 2 workers ÷ `--workers 2`: **{mp / d2:.2f}×** (target ≥ 0.95×); round by round "
              f"{', '.join(f'{y:.2f}' for _, y in by_round)}", ""]
    return lines


def memory(tmp: Path, words: int, runs: int, extra: list[str]) -> list[str]:
    """Peak memory with ``--store`` at 10,000 documents against 1,000.  With one worker kg parses in
    a process of its own beside the store's writer (RocksDB's threads would slow spaCy in kg's
    process): its figure is kg's high-water mark and its worker's, added.  A Dask run's figure
    is the client's own."""
    lines = [f"## Memory with `--store` {' '.join(extra)}: 1,000 against 10,000 documents (about {words} words "
             "each)", "",
             "| run | documents | seconds | peak RSS of kg, MB | kg and its processes' peaks added, MB "
             "| peak RSS of all processes at once (0.1 s samples), MB | store on disk, MB | load before |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    ratios = []
    setups = [("one worker (`--workers 1`)", ["--workers", "1"], "marks"),
              ("Dask client (LocalCluster, 2 workers)", ["--scheduler", "local", "--workers", "2"], "rss")]
    for name, setup, figure in setups[:runs] if runs > 0 else setups[runs:]:
        peaks = []
        for docs in (1_000, 10_000):
            corpus = tmp / f"memory-{docs}.jsonl"
            if not corpus.exists():
                write_corpus(corpus, docs, words=words, seed=13)
            store = tmp / f"store-{docs}-{len(ratios)}"
            r = run_kg([str(corpus), "--store", str(store), *setup, *extra])
            size = folder_size(store) / 2**20
            peaks.append(r[figure])
            lines.append(f"| {name} | {docs:,} | {r['seconds']:.1f} | {r['rss']:.0f} | {r['marks']:.0f} | "
                         f"{r['tree']:.0f} | {size:.0f} | {r['load']} |")
            print(f"memory {name} {docs}: {r[figure]:.0f} MB, store {size:.0f} MB", file=sys.stderr)
        what = "kg and its worker, peaks added" if figure == "marks" else "the client's peak"
        ratios.append((name, what, peaks[1] / peaks[0]))
    lines.append("")
    lines += [f"- {name}: RSS at 10k ÷ RSS at 1k ({what}) = **{ratio:.2f}** (target ≤ 1.1)"
              for name, what, ratio in ratios]
    return lines + [""]


def resume(tmp: Path, docs: int, words: int, repeat: int = 3) -> list[str]:
    """The full run and the resumed run ``repeat`` times each (the resumed run from the same killed
    run's state, copied back before each), and the ratio of their medians: one run of a few seconds
    on a shared machine varies by about a tenth."""
    corpus = tmp / "resume.jsonl"
    write_corpus(corpus, docs, words=words, seed=17)
    # Without PROV times, so the resumed output can be compared byte for byte with the full run's.
    same_bytes = ["--partition-size", "10", "--no-timestamps"]
    fulls = [run_kg([str(corpus), "-o", str(tmp / "full.nq"), *same_bytes]) for _ in range(repeat)]
    out = tmp / "resumed.nq"
    killed = run_kg([str(corpus), "-o", str(out), *same_bytes],
                    kill_when=lambda: journal_docs(out) >= 0.9 * docs)
    done = journal_docs(out)
    left = tmp / "killed"  # what the killed run left beside its output: the journal and the temporary file
    left.mkdir()
    for path in tmp.glob(f".{out.name}*"):
        shutil.move(path, left / path.name)
    resumes, same = [], []
    for _ in range(repeat):
        for path in tmp.glob(f".{out.name}*"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        out.unlink(missing_ok=True)
        for path in left.iterdir():
            (shutil.copytree if path.is_dir() else shutil.copy2)(path, tmp / path.name)
        resumes.append(run_kg([str(corpus), "-o", str(out), "--resume", *same_bytes]))
        same.append((tmp / "full.nq").read_bytes() == out.read_bytes())
    full, resumed = (statistics.median(r["seconds"] for r in runs) for runs in (fulls, resumes))
    full_cpu, resumed_cpu = (statistics.median(r["cpu"] for r in runs) for runs in (fulls, resumes))
    rows = [f"| full run {n} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['load']} |" for n, r in enumerate(fulls, 1)]
    rows.append(f"| run killed (kill -9) with {done} of {docs} documents in the journal | {killed['seconds']:.1f} | "
                f"{killed['cpu']:.1f} | {killed['load']} |")
    rows += [f"| `--resume` {n} | {r['seconds']:.2f} | {r['cpu']:.2f} | {r['load']} |"
             for n, r in enumerate(resumes, 1)]
    each = ", ".join(f"{r['seconds'] / f['seconds']:.3f}" for f, r in zip(fulls, resumes, strict=True))
    return [f"## `--resume` after kill -9 at 90%: {docs} documents of about {words} words", "",
            "| run | seconds | CPU s | load before |", "|---|---:|---:|---|", *rows, "",
            f"- resume ÷ full, medians of {repeat} runs each: **{resumed / full:.3f}×** by wall clock, "
            f"**{resumed_cpu / full_cpu:.3f}×** by CPU (target ≤ 0.15×); run by run (n-th resume ÷ n-th full): "
            f"{each}; output identical to the full run's: **{all(same)}**", ""]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=100, help="words a document in the resume runs")
    # A Dask run's start-up (the cluster, then each worker's model) and its cost per partition are
    # about the same whatever the documents' length: with 100 words a document they are a larger
    # share of the run than with articles of news length.
    parser.add_argument("--speed-words", type=int, nargs="+", default=[100, 200, 400],
                        help="words a document in the speed runs, one section each")
    parser.add_argument("--memory-words", type=int, default=40)
    # 2,000: the scale issue 13 measured the rerun at ("100 s for 2,000 documents"); with about 2 s
    # of fixed start-up (spaCy and its model, kg's tables), a smaller corpus measures start-up.
    parser.add_argument("--resume-docs", type=int, default=2000)
    parser.add_argument("--resume-repeat", type=int, default=3, help="full and resumed runs, each (medians)")
    parser.add_argument("--speed-repeat", type=int, default=3, help="rounds of the four ways to run (medians)")
    parser.add_argument("--memory-runs", type=int, default=2,
                        help="1: one process only; 2: also the Dask client; -1: the Dask client only")
    parser.add_argument("--memory-extra", nargs="*", default=[], help="more kg extract options for the memory runs")
    parser.add_argument("--only", nargs="+", default=["speed", "memory", "resume"])
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "scale.md"))
    args = parser.parse_args(argv)
    # kg's modules compiled to bytecode, as an installed kg has them (pip compiles a package when
    # it installs it; Python writes the files on a first import): where PYTHONDONTWRITEBYTECODE is
    # set, as on this project's machines, an editable install would compile kg at every start.
    compileall.compile_dir(REPO / "kg", quiet=1)
    lines = ["# kg extract at scale", "",
             f"Generated by `bench/scale.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC ({os.cpu_count()} CPUs "
             f"shared with other work, {platform.system()}, Python {platform.python_version()}); "
             "OMP_NUM_THREADS=1; wall-clock seconds of the whole command, start-up included.", ""]
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as folder:
        tmp = Path(folder)
        if "speed" in args.only:
            for words in args.speed_words:
                lines += speed(tmp, args.docs, words, args.speed_repeat)
        if "resume" in args.only:
            lines += resume(tmp, args.resume_docs, args.words, args.resume_repeat)
        if "memory" in args.only:
            lines += memory(tmp, args.memory_words, args.memory_runs, args.memory_extra)
    report = "\n".join(lines)
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")
    print(json.dumps({"written": args.out}), file=sys.stderr)


if __name__ == "__main__":
    main()
