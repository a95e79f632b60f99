"""Score :func:`kg.nlp.actors.resolve_actor` on NGEC's actor-resolution test cases.

Usage: ``python bench/ngec_actor_resolution.py [PATH] [--show-errors]``; PATH defaults to
``../shared/eval/ngec_actor_resolution.jsonl`` relative to the repository root.

Figures printed:
- country accuracy: cases whose expected country is an ISO 3166 alpha-3 code;
- no-country precision: cases expecting no country, where kg must return none;
- international: cases NGEC codes as UNO, EUR or IGO, where kg must name a body of no country;
- sector accuracy: cases with an expected first sector other than UNK/JNK (unknown, junk).
Under each accuracy, how many misses are proper names in which kg recognised nothing
(people such as "Angela Merkel", towns): they need biographies or a place table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from shared_data import SHARED_EVAL, missing_suite  # noqa: E402

from kg.nlp.actors import ActorResolution, resolve_actor  # noqa: E402

DEFAULT_PATH = SHARED_EVAL / "ngec_actor_resolution.jsonl"
PSEUDO_COUNTRIES = frozenset({"UNO", "EUR", "IGO"})
NO_SECTOR = frozenset({"", "UNK", "JNK", "????"})


def _when(raw: str | None) -> date | None:
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d %B %Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _unknown_name(text: str, got: ActorResolution) -> bool:
    """A proper name (capitalised words only) in which kg recognised nothing at all.

    Mostly people ("Angela Merkel"), whose country and sector come from biographies, and
    towns; no table of kg's is meant to hold them.
    """
    words = text.split()
    capitalised = all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words)
    return capitalised and got.country is None and got.sector is None and got.org is None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(missing_suite(path, "the NGEC actor cases ngec_actor_resolution.jsonl"), file=sys.stderr)
        return 2

    counts: Counter[str] = Counter()
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        counts["cases"] += 1
        expected = case.get("expected")
        if not isinstance(expected, dict):
            counts["no expectation"] += 1
            continue
        got = resolve_actor(case["text"], _when(case.get("query_date")))
        want = expected.get("cc", expected.get("country"))
        label = f"{case['text']!r} ({case.get('query_date') or '-'})"
        if isinstance(want, str) and re.fullmatch(r"[A-Z]{3}", want) and want not in PSEUDO_COUNTRIES:
            counts["country cases"] += 1
            if got.country == want:
                counts["country right"] += 1
            else:
                if _unknown_name(case["text"], got):
                    counts["country misses on unknown names"] += 1
                misses.append(f"country {label}: want {want}, got {got.country}")
        elif isinstance(want, str) and want in PSEUDO_COUNTRIES:
            counts["international cases"] += 1
            if got.country is None and got.org is not None:
                counts["international right"] += 1
            else:
                misses.append(f"international {label}: want {want}, got {got}")
        elif want == "":
            counts["no-country cases"] += 1
            if got.country is None:
                counts["no-country right"] += 1
            else:
                misses.append(f"no-country {label}: got {got.country}")
        elif isinstance(want, dict) and "not" in want:
            counts["negative cases"] += 1
            if got.country != want["not"]:
                counts["negative right"] += 1

        sector = expected.get("code_1")
        if isinstance(sector, str) and sector not in NO_SECTOR:
            counts["sector cases"] += 1
            if got.sector == sector:
                counts["sector right"] += 1
            else:
                if _unknown_name(case["text"], got):
                    counts["sector misses on unknown names"] += 1
                misses.append(f"sector {label}: want {sector}, got {got.sector}/{got.sector2}")

    def pct(right: str, total: str) -> str:
        n = counts[total]
        return f"{counts[right]}/{n} = {counts[right] / n:.1%}" if n else "n/a"

    print(f"cases: {counts['cases']} ({counts['no expectation']} without expectations)")
    print(f"country accuracy (ISO3 expected): {pct('country right', 'country cases')}")
    print(f"  misses on unknown proper names: {counts['country misses on unknown names']}")
    print(f"no-country precision:             {pct('no-country right', 'no-country cases')}")
    print(f"international bodies (UNO/EUR/IGO): {pct('international right', 'international cases')}")
    print(f"negative country checks:          {pct('negative right', 'negative cases')}")
    print(f"sector accuracy (code_1):         {pct('sector right', 'sector cases')}")
    print(f"  misses on unknown proper names: {counts['sector misses on unknown names']}")
    if args.show_errors:
        print("\n".join(["", *misses]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
