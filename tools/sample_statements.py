"""Print kg's statement rows for a JSON Lines corpus, to judge their precision by hand.

The gold sets have no statements, so statement precision is measured by reading kg's rows:
each printed row is the speaker, what kg says was said, and the sentence it came from.

    .venv/bin/python tools/sample_statements.py ../shared/eval/dev.jsonl [--sample N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from kg.api import extract_to, open_sources
from kg.io import read_articles
from kg.settings import Settings
from kg.store.queries import load_query, run_query


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSON Lines file of articles")
    parser.add_argument("--sample", type=int, default=0, help="print N random rows (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        output = str(Path(folder) / "statements.nq")
        extract_to(read_articles(args.corpus), settings=Settings(), output=output)
        rows = run_query(load_query("statements"), open_sources([output], None)).rows
    if args.sample and args.sample < len(rows):
        rows = random.Random(args.seed).sample(rows, args.sample)
    for number, row in enumerate(rows):
        print(f"{number}\t{row.get('speakerLabel') or ''}\t{row.get('content') or ''}\t{row.get('sentence') or ''}")
    print(f"{len(rows)} statement row(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
