"""Does extraction cost grow linearly with a document's length?  One long text of 50k characters
against one of 1M (the input limit), in one process, model loaded and warmed up first.

Usage: ``python bench/long_text.py [--sizes 50000 200000 1000000] [--repeat N] [--no-profile]
[--out bench/results/long_text.md]``

The long texts are generated articles (bench/corpus.py) joined into one document, like a long
transcript or report.  For each size: spaCy's parse as ``kg extract`` parses (``kg.pipeline.parse``:
one ``nlp(text)``, or pieces for a text longer than ``LONG_TEXT``), then kg's own work on the
Doc (records, triples, N-Quads: ``kg.engine.work.document_result``), timed separately (elapsed),
with the process's CPU time for both (the machine is shared) and its peak RSS.  A cProfile of
kg's part for the largest size, in a run of its own, lists its costliest functions.  Target:
the 1M text within 20x the time of the 50k one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

# One BLAS thread, as the kg command runs (kg.cli.threads), set before numpy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.corpus import generate  # noqa: E402
from kg.api import _nlp  # noqa: E402
from kg.engine.work import document_result  # noqa: E402
from kg.pipeline import model_name, parse  # noqa: E402
from kg.records import Article  # noqa: E402
from kg.settings import Settings  # noqa: E402

TARGET = 20.0


def long_text(chars: int, seed: int = 5) -> str:
    """Generated articles joined by blank lines, cut to ``chars`` characters."""
    parts, size = [], 0
    for record in generate(10**6, words=300, seed=seed):
        parts.append(record["text"])
        size += len(record["text"]) + 2
        if size >= chars:
            break
    return "\n\n".join(parts)[:chars]


def measure(nlp, chars: int, repeat: int) -> tuple[float, float, float, int]:  # noqa: ANN001
    """(parse s, kg s, CPU s of both, triples) of the fastest of ``repeat`` runs on one text."""
    text = long_text(chars)
    best: tuple[float, float, float, int] | None = None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        doc = parse(nlp, text)
        parsed = time.perf_counter()
        result = document_result(doc, Article(id=f"long-{chars}", text=text), Settings(), model_name(nlp))
        run = (parsed - start, time.perf_counter() - parsed, time.process_time() - cpu, result.triples)
        if best is None or run[0] + run[1] < best[0] + best[1]:
            best = run
        del doc, result
    assert best is not None
    return best


def profile_kg(nlp, chars: int) -> str:  # noqa: ANN001
    """kg's part on one text under cProfile (a run of its own: the profiler slows what it
    watches, unevenly, so the timed runs go without it)."""
    text = long_text(chars)
    doc = parse(nlp, text)
    profiler = cProfile.Profile()
    profiler.enable()
    document_result(doc, Article(id=f"long-{chars}", text=text), Settings(), model_name(nlp))
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(12)
    return stream.getvalue()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile of the largest size")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "long_text.md"))
    args = parser.parse_args(argv)
    nlp = _nlp(None)
    # Warmed up on a piece of the same generated text, so that the tables kg loads on first use
    # are loaded before any size is timed.
    warm_up = long_text(5_000)
    document_result(nlp(warm_up), Article(id="w", text=warm_up), Settings(), model_name(nlp))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    rows = []
    for chars in sorted(args.sizes):
        parse_s, kg_s, cpu_s, triples = measure(nlp, chars, args.repeat)
        rows.append((chars, parse_s, kg_s, cpu_s, triples, peak_rss_mb()))
        print(f"{chars:,} chars: parse {parse_s:.1f} s, kg {kg_s:.1f} s, CPU {cpu_s:.1f} s, {triples:,} triples, "
              f"peak RSS {rows[-1][5]:,.0f} MB", file=sys.stderr)
    load_after = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    hotspots = None if args.no_profile else profile_kg(nlp, max(args.sizes))
    base = rows[0]
    lines = [
        "# Cost against document length",
        "",
        f"Generated by `bench/long_text.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC ({os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, model {model_name(nlp)}); one process, OMP_NUM_THREADS="
        f"{os.environ.get('OMP_NUM_THREADS', 'unset')}, fastest of {args.repeat} run(s) a size. Load average "
        f"before: {load}; after: {load_after} (the machine is shared: the CPU time of the process is "
        "given beside the elapsed time).",
        "",
        "| characters | spaCy parse s | kg after the parse s | total s | total ÷ smallest | CPU s | CPU ÷ smallest "
        "| size ÷ smallest | triples | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for chars, parse_s, kg_s, cpu_s, triples, rss in rows:
        lines.append(f"| {chars:,} | {parse_s:.1f} | {kg_s:.1f} | {parse_s + kg_s:.1f} | "
                     f"{(parse_s + kg_s) / (base[1] + base[2]):.1f}× | {cpu_s:.1f} | {cpu_s / base[3]:.1f}× | "
                     f"{chars / base[0]:.0f}× | {triples:,} | {rss:,.0f} |")
    last = rows[-1]
    ratio = (last[1] + last[2]) / (base[1] + base[2])
    verdict = "meets" if ratio <= TARGET else "misses"
    lines += ["", f"The {last[0]:,}-character text takes **{ratio:.1f}×** the time of the {base[0]:,}-character one "
              f"({last[3] / base[3]:.1f}× the CPU time), which {verdict} the target of {TARGET:.0f}×.", ""]
    if hotspots:
        lines += [f"## kg's part on the {last[0]:,}-character text (cProfile, a run of its own, top 12 by own time)",
                  "", "```", hotspots.strip(), "```", ""]
    report = "\n".join(lines)
    print(report)
    Path(args.out).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
