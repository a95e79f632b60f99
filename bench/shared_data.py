"""Where the benches find the evaluation suites, and what they say when the suites are absent."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_EVAL = REPO.parent / "shared" / "eval"
"""The evaluation suites: ``../shared/eval`` beside the checkout, not part of the repository."""


def missing_suite(path: Path, what: str) -> str:
    """One clear message for a bench whose input file is not there."""
    where = (f"{SHARED_EVAL} does not exist: the evaluation suites are kept outside the repository, "
             "in ../shared/eval beside the checkout" if not SHARED_EVAL.is_dir()
             else f"it is not in {SHARED_EVAL}")
    return f"{path}: no such file; this bench needs {what} ({where}); pass the file's path as the first argument"
