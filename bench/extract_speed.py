"""How much does kg cost beyond spaCy's own parse?  Words per second of ``kg extract`` against
bare ``nlp.pipe`` with the same model, one process, the same batch size.

Usage: ``python bench/extract_speed.py [-n 300] [--words 300] [--batch-size 32] [--repeat 3]
[--slices 5] [--workers 2] [--profile 25] [--out bench/results/extract.md]``

What is timed (the model is loaded and warmed up first; process start is not counted):

- **bare spaCy**: ``spacy.load`` of the package ``kg.pipeline.load_nlp`` picks, without kg's
  components, ``for doc in nlp.pipe(texts, batch_size=B)``;
- **bare spaCy, kg's ops**: the same, the model loaded as ``load_nlp`` loads it (its matrix
  products through numpy's BLAS, not thinc's default BLIS; the same annotations), so that
  ``kg ÷ this`` is what kg's own work costs beyond the parse;
- **kg extract**: ``kg.api.extract_to`` on the JSONL file: reading the records, spaCy with kg's
  components, ``extract_records``, ``records_to_triples`` (the document's quads) and writing
  N-Quads to a temporary file (with the run journal), which is everything
  ``kg extract corpus.jsonl -o out.nq`` does after start-up;
- **stages**: one more kg pass that runs each pipeline component on a whole batch in turn
  and times it, then ``extract_records``, ``records_to_triples`` and the N-Quads writer (as
  ``extract_to`` runs them), so the table shows where the time goes;
- **--workers N**: both of the above with ``n_process=N``.

The corpus comes from ``bench/corpus.py`` (deterministic).  Runs go in threes, and each is
timed slice by slice (``--slices``: the corpus in contiguous JSONL files; all sides on a slice,
in an order that turns from slice to slice, then the next slice), so a shared host's drifts in
speed fall on every side.  ``extract_to`` starts once per slice, so its start-up per call is counted that many
times against kg.  The table reports the medians of each side and the median of each pair's
ratio.  The table is printed and written to ``--out``.
"""

from __future__ import annotations

import os

# Before numpy/spaCy are imported: OpenBLAS threads otherwise compete for the cores.
os.environ["OMP_NUM_THREADS"] = "1"

import argparse  # noqa: E402
import cProfile  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import pstats  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

import spacy  # noqa: E402
from corpus import write_corpus  # noqa: E402
from thinc.api import use_ops  # noqa: E402

import kg  # noqa: E402
from kg import api  # noqa: E402
from kg.engine.work import graph_nquads  # noqa: E402
from kg.io import read_articles  # noqa: E402
from kg.pipeline import DEFAULT_MODELS, extract_records, model_name  # noqa: E402
from kg.rdf.mapping import records_to_triples  # noqa: E402
from kg.rdf.serialize import DatasetWriter  # noqa: E402
from kg.settings import Settings  # noqa: E402

TARGET_RATIO = 0.9  # issue 13 (issue 10 asks at least 0.75)
DEFAULT_OUT = BENCH / "results" / "extract.md"
WARMUP_DOCS = 16


def load_base_model(kg_ops: bool = False) -> spacy.Language:
    """The same package load_nlp picks, without kg's components; with ``kg_ops``, its matrix
    products through numpy as ``load_nlp`` has them."""
    for name in DEFAULT_MODELS:
        try:
            if kg_ops:
                with use_ops("numpy", use_blis=False):
                    return spacy.load(name)
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of the models {DEFAULT_MODELS} is installed")


def split_corpus(corpus: Path, parts: int) -> list[tuple[Path, list[str]]]:
    """The corpus's lines in ``parts`` contiguous slices, each written beside it: (file, texts)."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // max(1, parts))
    slices = []
    for number, first in enumerate(range(0, len(lines), size)):
        path = corpus.with_name(f"slice-{number}.jsonl")
        path.write_text("".join(lines[first:first + size]), encoding="utf-8")
        slices.append((path, [json.loads(line)["text"] for line in lines[first:first + size]]))
    return slices


def time_bare(nlp: spacy.Language, texts: list[str], batch_size: int, workers: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process only) of bare ``nlp.pipe``."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def time_kg(corpus: Path, out: Path, batch_size: int, workers: int) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds (this process only) of ``extract_to``, and the triples written."""
    settings = Settings(batch_size=batch_size, workers=workers)
    wall, cpu = time.perf_counter(), time.process_time()
    summary = api.extract_to(read_articles(str(corpus)), settings=settings, output=str(out), detect_copies=False)
    return time.perf_counter() - wall, time.process_time() - cpu, summary.triples


def time_stages(nlp: spacy.Language, corpus: Path, out: Path, batch_size: int) -> dict[str, float]:
    """Seconds per stage: each pipeline component on whole batches, then kg's own steps."""
    stages: dict[str, float] = defaultdict(float)
    settings = Settings(batch_size=batch_size)
    name = model_name(nlp)
    clock = time.perf_counter

    def run_batch(batch: list, writer: DatasetWriter) -> None:
        start = clock()
        docs = [nlp.make_doc(article.text) for article in batch]
        stages["tokenizer"] += clock() - start
        for component_name, component in nlp.pipeline:
            start = clock()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=batch_size))
            else:
                docs = [component(doc) for doc in docs]
            stages[component_name] += clock() - start
        for doc, article in zip(docs, batch, strict=True):
            start = clock()
            records = extract_records(doc, article, model=name)
            middle = clock()
            triples = records_to_triples(records, settings)
            end = clock()
            writer.add_nquads(graph_nquads(triples), len(triples))
            stages["extract_records"] += middle - start
            stages["records_to_triples"] += end - middle
            stages["serialise (N-Quads)"] += clock() - end

    start_all = clock()
    start = clock()
    articles = list(read_articles(str(corpus)))
    stages["read JSONL"] += clock() - start
    with DatasetWriter(str(out), "nquads") as writer:
        for first in range(0, len(articles), batch_size):
            run_batch(articles[first:first + batch_size], writer)
        start = clock()
    stages["serialise (N-Quads)"] += clock() - start  # the final flush, fsync and rename
    stages["(total)"] = clock() - start_all
    return dict(stages)


def profile_kg(corpus: Path, out: Path, batch_size: int, top: int) -> str:
    """cProfile of one kg run: the functions in kg's own code with the most time of their own."""
    profiler = cProfile.Profile()
    profiler.enable()
    time_kg(corpus, out, batch_size, 1)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    kg_root = str(Path(kg.__file__).resolve().parent)
    rows = []
    for (filename, line, function), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        if filename.startswith(kg_root):
            rows.append((tottime, cumtime, calls, f"{os.path.relpath(filename, REPO)}:{line} {function}"))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    lines = [f"kg's own code: {total:.2f} s of self time in the profiled run\n",
             "| self s | cumulative s | calls | function |", "|---:|---:|---:|---|"]
    lines += [f"| {t:.2f} | {c:.2f} | {n:,} | `{where}` |" for t, c, n, where in rows[:top]]
    return "\n".join(lines)


def median(values: list[float]) -> float:
    return statistics.median(values)


def build_report(args: argparse.Namespace, info: dict, wall: dict[str, list[float]],
                 cpu: dict[str, list[float]], stages: dict[str, float], kg_nlp: spacy.Language,
                 parallel: dict[str, float] | None, hotspots: str | None) -> str:
    words = info["words"]
    bare, full, same = wall["bare"], wall["kg"], wall["same ops"]
    bare_wps, kg_wps, same_wps = words / median(bare), words / median(full), words / median(same)
    ratio = kg_wps / bare_wps
    cpu_ratio = median(cpu["bare"]) / median(cpu["kg"])
    own, own_cpu = kg_wps / same_wps, median(cpu["same ops"]) / median(cpu["kg"])
    # Each kg run against the bare runs beside it: slow drifts of a shared host cancel in a run.
    paired = sorted(b / k for b, k in zip(bare, full, strict=True))
    paired_cpu = sorted(b / k for b, k in zip(cpu["bare"], cpu["kg"], strict=True))
    paired_own = sorted(b / k for b, k in zip(same, full, strict=True))
    verdict = "meets" if ratio >= TARGET_RATIO else "is below"
    lines = [
        "# kg extract speed",
        "",
        f"Generated by `bench/extract_speed.py` on {info['when']} "
        f"({info['machine']}; Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"model {info['model']}, kg {kg.__version__}, OMP_NUM_THREADS=1).",
        f"Corpus: `bench/corpus.py` with {args.articles} articles, seed {args.seed}: {words:,} words "
        f"(whitespace-separated), {info['triples']:,} triples out. Batch size {args.batch_size}; "
        f"medians of {args.repeat} runs of each side, each timed in {args.slices} slices of the corpus "
        "(every side on one slice, then the next); model load and warm-up not counted.",
        "",
        "## Throughput",
        "",
        "| run | processes | seconds | words/s | vs bare spaCy | CPU s | words/CPU s | vs bare (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        f"| bare `nlp.pipe` (no kg components) | 1 | {median(bare):.2f} | {bare_wps:,.0f} | 1.00 "
        f"| {median(cpu['bare']):.2f} | {words / median(cpu['bare']):,.0f} | 1.00 |",
        f"| bare `nlp.pipe`, the model loaded with kg's ops (numpy's BLAS) | 1 | {median(same):.2f} "
        f"| {same_wps:,.0f} | {same_wps / bare_wps:.2f} | {median(cpu['same ops']):.2f} "
        f"| {words / median(cpu['same ops']):,.0f} | {median(cpu['bare']) / median(cpu['same ops']):.2f} |",
        f"| `kg extract` → N-Quads (`extract_to`) | 1 | {median(full):.2f} | {kg_wps:,.0f} | **{ratio:.2f}** "
        f"| {median(cpu['kg']):.2f} | {words / median(cpu['kg']):,.0f} | **{cpu_ratio:.2f}** |",
    ]
    if parallel:
        n = args.workers
        lines += [
            f"| bare `nlp.pipe(n_process={n})` | {n} | {parallel['bare']:.2f} | "
            f"{words / parallel['bare']:,.0f} | {(words / parallel['bare']) / bare_wps:.2f} | | | |",
            f"| `kg extract --workers {n}` | {n} | {parallel['kg']:.2f} | {words / parallel['kg']:,.0f} | "
            f"{(words / parallel['kg']) / bare_wps:.2f} | | | |",
        ]
    lines += [
        "",
        f"Ratio kg / bare spaCy on one process: **{ratio:.3f}** by wall clock, which {verdict} the "
        f"target of {TARGET_RATIO} (1.0 is the physical limit); {cpu_ratio:.3f} by CPU time, which "
        "other programs on the machine disturb less.",
        f"Ratio of each kg run to the bare run beside it: median "
        f"**{median(paired):.3f}** by wall clock ({paired[0]:.3f}-{paired[-1]:.3f}), "
        f"**{median(paired_cpu):.3f}** by CPU ({paired_cpu[0]:.3f}-{paired_cpu[-1]:.3f}).",
        f"What kg's own work costs beyond the parse, both sides with the same ops (kg / bare with "
        f"kg's ops): **{own:.3f}** by wall clock, {own_cpu:.3f} by CPU; run by run "
        f"{paired_own[0]:.3f}-{paired_own[-1]:.3f}.",
        f"Load average before the runs: {info['load']}.",
        f"Single runs, wall seconds: bare {', '.join(f'{x:.2f}' for x in bare)}; bare with kg's ops "
        f"{', '.join(f'{x:.2f}' for x in same)}; kg {', '.join(f'{x:.2f}' for x in full)}.",
        "",
        "## Where the time goes (one staged kg pass, one process)",
        "",
        "Each component runs on a whole batch in turn; the kg steps run per document.",
        "",
        "| stage | seconds | share | words/s if alone |",
        "|---|---:|---:|---:|",
    ]
    total = stages["(total)"]
    groups = {
        "parse": ["tokenizer"] + [n for n in kg_nlp.pipe_names if not n.startswith("kg_")],
        "kg components": [n for n in kg_nlp.pipe_names if n.startswith("kg_")],
        "kg after the parse": ["extract_records", "records_to_triples", "serialise (N-Quads)", "read JSONL"],
    }
    for group, names in groups.items():
        subtotal = sum(stages.get(n, 0.0) for n in names)
        lines.append(f"| **{group}** | **{subtotal:.2f}** | **{subtotal / total:.0%}** | |")
        for n in names:
            seconds = stages.get(n, 0.0)
            alone = f"{words / seconds:,.0f}" if seconds > 0 else "-"
            lines.append(f"| &nbsp;&nbsp;{n} | {seconds:.2f} | {seconds / total:.1%} | {alone} |")
    lines.append(f"| total | {total:.2f} | 100% | {words / total:,.0f} |")
    if hotspots:
        lines += ["", "## Hotspots in kg's code (cProfile, one kg run)", "", hotspots]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=300, help="words per article (about)")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slices", type=int, default=5,
                        help="time both sides slice by slice, in this many slices of the corpus (1: whole)")
    parser.add_argument("--workers", type=int, default=2, help="also time this many processes (1: skip)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile one kg run and list kg's N costliest functions")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="markdown file to write ('-': none)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        out = Path(tmp) / "out.nq"
        words = write_corpus(corpus, args.articles, words=args.words, seed=args.seed)
        texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]

        base = load_base_model()
        same_ops = load_base_model(kg_ops=True)
        kg_nlp = api._nlp(None)  # kg's cached pipeline, the one extract_to uses
        if base.meta.get("name") != kg_nlp.meta.get("name"):
            raise SystemExit(f"baseline model {base.meta.get('name')} is not kg's {kg_nlp.meta.get('name')}")
        for nlp in (base, same_ops, kg_nlp):
            for _ in nlp.pipe(texts[:WARMUP_DOCS]):
                pass
        print(f"{args.articles} articles, {words:,} words; model {model_name(kg_nlp)}; "
              f"kg pipeline: {', '.join(kg_nlp.pipe_names)}", file=sys.stderr)

        # The corpus in contiguous slices, each its own JSONL file: a run times both sides slice by
        # slice, so a shared host's drifts in speed (seconds long) fall on both sides of a pair.
        slices = split_corpus(corpus, args.slices)
        sides = ("bare", "same ops", "kg")
        wall: dict[str, list[float]] = {side: [] for side in sides}
        cpu: dict[str, list[float]] = {side: [] for side in sides}
        triples = 0
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        for run in range(args.repeat):
            sums = {side: [0.0, 0.0] for side in sides}
            triples = 0
            for number, (path, slice_texts) in enumerate(slices):
                # The order turns from slice to slice: a host that drifts in speed favours no side.
                turn = (run + number) % len(sides)
                for side in sides[turn:] + sides[:turn]:
                    if side == "kg":
                        seconds, cpu_seconds, written = time_kg(path, out, args.batch_size, 1)
                        triples += written
                    else:
                        nlp = base if side == "bare" else same_ops
                        seconds, cpu_seconds = time_bare(nlp, slice_texts, args.batch_size, 1)
                    sums[side][0] += seconds
                    sums[side][1] += cpu_seconds
            for side in sides:
                wall[side].append(sums[side][0])
                cpu[side].append(sums[side][1])
            print(f"run {run + 1}: " + ", ".join(f"{side} {words / wall[side][-1]:,.0f} words/s" for side in sides),
                  file=sys.stderr)
        stages = time_stages(kg_nlp, corpus, out, args.batch_size)

        parallel = None
        if args.workers > 1:
            parallel = {"bare": time_bare(base, texts, args.batch_size, args.workers)[0],
                        "kg": time_kg(corpus, out, args.batch_size, args.workers)[0]}
            print(f"{args.workers} processes: bare {words / parallel['bare']:,.0f} words/s, "
                  f"kg {words / parallel['kg']:,.0f} words/s", file=sys.stderr)

        hotspots = profile_kg(corpus, out, args.batch_size, args.profile) if args.profile else None

    info = {"words": words, "triples": triples, "model": model_name(kg_nlp), "load": load,
            "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}"}
    report = build_report(args, info, wall, cpu, stages, kg_nlp, parallel, hotspots)
    print(report)
    if args.out != "-":
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
