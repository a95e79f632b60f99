"""How many of a peer suite's expected CAMEO consult-family dyads kg's graph covers.

Usage: ``python bench/cameo_consult.py [PATH] [--out FILE] [--show-misses]``; PATH defaults
to ``../shared/eval/cameo_consult.jsonl`` relative to the repository root (the bench says
so and exits 0 when it is absent), FILE to ``bench/results/cameo.md``.

Each sentence goes through kg (``load_nlp`` + ``extract_article``); each event becomes
directed (source, target, code) pairs through :mod:`kg.reference.cameo`, actors standing for the
country of the person or organisation (an international organisation of no country as
CAMEO's ``IGO``).  The suite codes actors CAMEO-style ("MARGOV", "IGOMEAARL"), so an
expected pair is compared on the first three letters of each actor:

- **exact**: kg gives the pair with the same code;
- **consult**: kg gives the pair with any 04x code (the expected code being 04x): the
  right actors in the right direction, but e.g. a meeting where CAMEO codes a hosted visit.

Sentences whose actors are invented (``synthetic_actors``: Gondor, Arnor...) cannot map to
ISO codes; they are scored apart.  Codes outside the consult family (a speech, 060) are
listed but counted in neither figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from shared_data import SHARED_EVAL, missing_suite  # noqa: E402

from kg.records import Article, DocumentRecords, EntityRef  # noqa: E402
from kg.reference.cameo import cameo_label, country_lookup, dyads, is_consult  # noqa: E402

DEFAULT_PATH = SHARED_EVAL / "cameo_consult.jsonl"
DEFAULT_OUT = REPO / "bench" / "results" / "cameo.md"
IGO = "IGO"  # CAMEO's actor code for intergovernmental organisations


@dataclass
class Case:
    id: str
    text: str
    synthetic: bool
    expected: list[tuple[str, str, str]]
    got: list[tuple[str, str, str]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def actor_key(code: str) -> str:
    """'MARGOV' -> 'MAR': the country (or IGO) part of a CAMEO actor code."""
    return code.strip().upper()[:3]


def graph_dyads(records: DocumentRecords) -> list[tuple[str, str, str]]:
    """The dyads of every event kg found, actors as ISO alpha-3 codes, or IGO for an
    international organisation of no country and the people who act for it."""
    base = country_lookup(records)
    igo = {o.key for o in records.organizations if o.kind == "international" and not o.country}
    igo_people = {p.key for p in records.persons if p.organization in igo and not p.country}
    igo_people |= {r.person for r in records.roles if r.of_organization in igo}

    def country_of(ref: EntityRef) -> str | None:
        country = base(ref)
        if country is None and ((ref.kind == "organization" and ref.key in igo)
                                or (ref.kind == "person" and ref.key in igo_people)):
            return IGO
        return country

    out: list[tuple[str, str, str]] = []
    for event in records.events:
        out.extend(d for d in dyads(event, country_of) if d not in out)
    return out


def score(cases: list[Case]) -> dict[str, Counter]:
    """Counts per code: expected, exact and consult-family hits, and kg's pairs the suite lacks."""
    counts: dict[str, Counter] = {}
    for case in cases:
        got_exact = set(case.got)
        got_pairs = {(s, t) for s, t, c in case.got if is_consult(c)}
        expected_keys = {(actor_key(s), actor_key(t), c) for s, t, c in case.expected}
        for source, target, code in case.expected:
            key = (actor_key(source), actor_key(target), code)
            row = counts.setdefault(code, Counter())
            row["expected"] += 1
            row["exact"] += key in got_exact
            row["consult"] += is_consult(code) and key[:2] in got_pairs
        for dyad in case.got:
            if dyad not in expected_keys:
                counts.setdefault(dyad[2], Counter())["extra"] += 1
    return counts


def run(path: Path) -> list[Case]:
    from kg.pipeline import extract_article, load_nlp

    nlp = load_nlp()
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        expected = [(e["source"], e["target"], e["code"]) for e in item.get("expected", [])]
        case = Case(id=item["id"], text=item["text"], synthetic=bool(item.get("synthetic_actors")),
                    expected=expected)
        records = extract_article(Article(id=case.id, text=case.text), nlp)
        case.got = graph_dyads(records)
        case.events = [f"{e.kind}({', '.join(f'{p.role}:{p.entity.key}' for p in e.participants)})"
                       for e in records.events]
        cases.append(case)
    return cases


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.1%}" if total else "0/0"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def report(cases: list[Case], *, source: str) -> str:
    """The Markdown table written to bench/results/cameo.md."""
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--", "kg"):
        commit += " plus uncommitted changes under kg/"
    lines = [
        "# CAMEO consult-family dyads: kg's coverage of a peer suite",
        "",
        f"`python bench/cameo_consult.py` on `{source}`, {date.today().isoformat()}, commit {commit}.",
        "An expected (source, target, code) pair is covered when kg's events give the same pair (actors",
        "compared on their first three letters); *consult* also accepts any other 04x code.",
        "",
    ]
    for title, subset in (("sentences with real actors", [c for c in cases if not c.synthetic]),
                          ("sentences with invented actors (no ISO codes exist)", [c for c in cases if c.synthetic]),
                          ("all sentences", cases)):
        counts = score(subset)
        lines += [f"## {title} ({len(subset)})", "",
                  "| code | label | expected | exact | consult (04x) | kg pairs not expected |",
                  "|---|---|---|---|---|---|"]
        total = Counter()
        for code in sorted(counts):
            row = counts[code]
            try:
                label = cameo_label(code)
            except KeyError:
                label = "(not a kg event kind)"
            consult = _ratio(row["consult"], row["expected"]) if is_consult(code) else "-"
            lines.append(f"| {code} | {label} | {row['expected']} | {_ratio(row['exact'], row['expected'])} "
                         f"| {consult} | {row['extra']} |")
            if is_consult(code):
                total.update(row)
            else:
                total["extra"] += row["extra"]
        lines.append(f"| **04x** | consult family | {total['expected']} | "
                     f"**{_ratio(total['exact'], total['expected'])}** | "
                     f"**{_ratio(total['consult'], total['expected'])}** | {total['extra']} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="the Markdown report ('-': print only)")
    parser.add_argument("--show-misses", action="store_true", help="list each sentence's expected and kg pairs")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(missing_suite(path, "the CAMEO consult suite cameo_consult.jsonl"), file=sys.stderr)
        return 2
    cases = run(path)
    text = report(cases, source=f"../shared/eval/{path.name}" if path == DEFAULT_PATH else str(path))
    print(text)
    if args.show_misses:
        for case in cases:
            missing = [e for e in case.expected
                       if (actor_key(e[0]), actor_key(e[1]), e[2]) not in set(case.got)]
            if missing or case.got:
                print(f"{case.id}: expected {case.expected}\n    kg {case.got}\n    events {case.events}")
    if args.out != "-":
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
