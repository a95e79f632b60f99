"""Latency of the shipped questions that take a name, at about a million triples, with CPU time and
the machine's load beside the wall-clock figures.

    python bench/question_bench.py [--triples 1000000] [--runs 15] [--keep DIR] [--memory]

The data is load_bench's (kg's own mapping over generated documents, so it carries the shortcut
triples), loaded with kg's ``load_files`` (compacted, as ``kg load --compact`` does; ``--no-compact``
for the bulk loader's files as they are) into an embedded store opened read-only.  Each question
runs once to warm up, then ``--runs`` times in one process with load_bench's parameters; the table gives the median
wall-clock and CPU (process) time, every run, the rows, and the 1-minute load average before
and after.  Each question's rows are checked against its long-path text
(tests/fixtures/long-path/, the question before the shortcuts or a rewrite for speed), run and timed the same way,
alternating with it.  With ``--memory`` each question is also run on a copy of the same data held in
pyoxigraph's in-memory store (CPU median of ``--runs``), to tell the on-disk store's share of the time.
Prints a markdown section for bench/results/load.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from load_bench import bindings_for, write_dataset  # noqa: E402

from kg.rdf.shortcuts import complete_shortcuts  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402
from kg.store.load import load_files  # noqa: E402
from kg.store.queries import load_query, run_query  # noqa: E402

QUESTIONS = ("meetings-of", "events-by-country", "role-holders", "timeline-between", "speakers-for-country")
LONG_PATH = ROOT / "tests" / "fixtures" / "long-path"


def _timed(action):  # noqa: ANN001, ANN202 - a callable, its result
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(store: ox.Store, runs: int) -> list[dict]:
    """Each question's runs, and its long-path text's runs alternating with them (which goes
    first alternates too), so both see the same machine."""
    rows = []
    for name in QUESTIONS:
        info = load_query(name)
        bindings = bindings_for(info)
        reference_file = LONG_PATH / f"{name}.rq"
        texts = {"fast": info}
        if reference_file.is_file():
            texts["long"] = replace(info, text=reference_file.read_text(encoding="utf-8"))
        load_before = os.getloadavg()[0]
        times: dict[str, tuple[list[float], list[float]]] = {kind: ([], []) for kind in texts}
        results = {kind: run_query(text, store, bindings) for kind, text in texts.items()}  # warm-up, not counted
        for run in range(runs):
            order = list(texts) if run % 2 == 0 else list(texts)[::-1]
            for kind in order:
                results[kind], wall, cpu = _timed(lambda: run_query(texts[kind], store, bindings))  # noqa: B023
                times[kind][0].append(wall)
                times[kind][1].append(cpu)
        fast = results["fast"]
        same = None
        if "long" in results:
            same = (results["long"].columns, results["long"].rows) == (fast.columns, fast.rows)
        rows.append({"name": name, "bindings": bindings, "walls": times["fast"][0], "cpus": times["fast"][1],
                     "rows": len(fast.rows), "load": (load_before, os.getloadavg()[0]), "same": same,
                     "long": times.get("long")})
        print(f"  {name}: {statistics.median(times['fast'][0]):.1f} ms wall, "
              f"{statistics.median(times['fast'][1]):.1f} ms CPU", file=sys.stderr)
    return rows


def measure_in_memory(data: Path, rows: list[dict], runs: int) -> None:
    """Each question's CPU median on the same data loaded into an in-memory store (``memory``
    in each row), with its rows checked equal to the on-disk store's."""
    store = ox.Store()
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    complete_shortcuts(store)  # the file is kg's own, so this adds nothing; as `kg load` does
    for row in rows:
        info = load_query(row["name"])
        result = run_query(info, store, row["bindings"])  # warm-up, not counted
        cpus = []
        for _ in range(runs):
            result, _wall, cpu = _timed(lambda: run_query(info, store, row["bindings"]))  # noqa: B023
            cpus.append(cpu)
        row["memory"] = (statistics.median(cpus), len(result.rows) == row["rows"])
        print(f"  {row['name']} in memory: {row['memory'][0]:.1f} ms CPU", file=sys.stderr)


def report(quads: int, documents: int, rows: list[dict], runs: int, compact: bool) -> str:
    memory = all("memory" in row for row in rows)
    how = "`load_files(compact=True)` (`kg load --compact`)" if compact else "`load_files` (not compacted)"
    lines = [
        f"Store: load_bench's generated documents, {documents} documents, {quads} quads, loaded with kg's "
        f"{how} into an embedded store opened read-only; {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}. Median of {runs} runs in one "
        "process after one warm-up run; CPU is the process's time; load is the 1-minute load average "
        "before and after.",
        "",
        "| question | parameters | wall median (ms) | CPU median (ms) | runs (ms) | rows | load | "
        "long path: wall / CPU median (ms) | same rows |" + (" in memory: CPU median (ms) |" if memory else ""),
        "|---|---|---:|---:|---|---:|---|---:|---|" + ("---:|" if memory else ""),
    ]
    for row in rows:
        params = ", ".join(f"{k}={v}" for k, v in row["bindings"].items())
        runs_text = ", ".join(f"{w:.0f}" for w in row["walls"])
        long_ms = "–" if row["long"] is None else \
            f"{statistics.median(row['long'][0]):.1f} / {statistics.median(row['long'][1]):.1f}"
        same = "–" if row["same"] is None else ("yes" if row["same"] else "**NO**")
        lines.append(f"| {row['name']} | {params} | {statistics.median(row['walls']):.1f} | "
                     f"{statistics.median(row['cpus']):.1f} | {runs_text} | {row['rows']} | "
                     f"{row['load'][0]:.1f} → {row['load'][1]:.1f} | {long_ms} | {same} |"
                     + (f" {row['memory'][0]:.1f}{'' if row['memory'][1] else ' (**rows differ**)'} |"
                        if memory else ""))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep (or reuse) the generated file and store here")
    parser.add_argument("--memory", action="store_true", help="also run each question on an in-memory copy")
    parser.add_argument("--no-compact", action="store_true", help="load without compacting the store")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-question-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data, folder = work / "data.nq", work / ("store-plain" if args.no_compact else "store")
    if not data.exists():
        write_dataset(data, args.triples)
    if not folder.is_dir():
        with EmbeddedStore(folder) as store:
            load_files(store, [data], compact=not args.no_compact)
    with EmbeddedStore(folder, read_only=True) as store:
        documents = sum(1 for _ in store.store.named_graphs())
        quads = len(store.store)
        rows = measure(store.store, args.runs)
    if args.memory:
        measure_in_memory(data, rows, args.runs)
    sys.stdout.write(report(quads, documents, rows, args.runs, not args.no_compact))


if __name__ == "__main__":
    main()
