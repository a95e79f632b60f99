"""Shared pytest options and fixtures (the only conftest)."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kg.records import DocumentRecords

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*/expected.ttl from the current output (review the diff)",
    )


@pytest.fixture(autouse=True)
def _root_log_level() -> Iterator[None]:
    """The root logger's level as each test found it: the CLI sets it (-q, -v), and a command a test
    runs in this process left it for the tests after (a warning then reached no caplog)."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden tests should rewrite their expected files instead of comparing."""
    return bool(request.config.getoption("--update-golden"))


def load_golden_records(case: str) -> DocumentRecords:
    """``RECORDS`` from tests/golden/<case>/records.py."""
    path = GOLDEN_DIR / case / "records.py"
    spec = importlib.util.spec_from_file_location(f"golden_{case.replace('-', '_')}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RECORDS


@pytest.fixture(scope="session")
def golden_records() -> dict[str, DocumentRecords]:
    """Every golden case's hand-built records, by case name."""
    return {
        path.name: load_golden_records(path.name)
        for path in sorted(GOLDEN_DIR.iterdir())
        if (path / "records.py").is_file()
    }


# --- the language layer: blank pipelines, hand-built Docs, the trained model ----------

PARSES_FILE = Path(__file__).parent / "nlp" / "parses.txt"


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """spaCy's blank English with kg's table-driven components, as ``kg.pipeline`` adds them.

    ``kg_gazetteer`` and ``kg_triggers`` need no trained model, so rule
    tests run them on Docs whose parse is given by hand.
    """
    import spacy

    import kg.nlp  # noqa: F401  (registers kg's factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_triggers")
    return nlp


@pytest.fixture(scope="session")
def make_doc(blank_nlp: Language) -> Callable[..., Doc]:
    """Build a Doc by hand: ``make_doc(words, heads=, deps=, pos=, tags=, lemmas=, ents=, ...)``.

    Heads are absolute token indices; ents are IOB strings ("B-PERSON", "O").  Unless
    ``annotate=False``, the Doc then goes through ``kg_gazetteer`` and ``kg_triggers``.
    """
    from spacy.tokens import Doc

    def make(words: list[str], *, spaces: list[bool] | None = None, heads: list[int] | None = None,
             deps: list[str] | None = None, pos: list[str] | None = None, tags: list[str] | None = None,
             lemmas: list[str] | None = None, ents: list[str] | None = None,
             sent_starts: list[bool] | None = None, annotate: bool = True) -> Doc:
        doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags,
                  lemmas=lemmas, ents=ents, sent_starts=sent_starts)
        if annotate:
            for _, component in blank_nlp.pipeline:
                doc = component(doc)
        return doc

    return make


def _token_spaces(text: str, words: list[str]) -> list[bool]:
    """Whether each word is followed by a space, from the words' alignment with ``text``."""
    spaces, at = [], 0
    for word in words:
        if not text.startswith(word, at):
            raise ValueError(f"word {word!r} does not continue the text at {at}: {text[at:at + 20]!r}")
        at += len(word)
        follows = at < len(text) and text[at] == " "
        spaces.append(follows)
        at += follows
    if at != len(text):
        raise ValueError(f"words end at {at}, the text at {len(text)}")
    return spaces


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n")


def load_parses(path: Path = PARSES_FILE) -> dict[str, dict[str, Any]]:
    """The blocks of tests/nlp/parses.txt by name: text plus the ``Doc`` keyword arguments."""
    parses: dict[str, dict[str, Any]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        meta: dict[str, str] = {}
        rows = []
        for line in block.strip("\n").splitlines():
            if line.startswith("# ") and ": " in line:
                key, value = line[2:].split(": ", 1)
                meta[key] = value
            elif line and not line.startswith("#"):
                rows.append(line.split())
        if "name" not in meta:
            continue
        assert all(len(row) == 8 and int(row[0]) == n for n, row in enumerate(rows)), meta["name"]
        words = [_unescape(row[1]) for row in rows]
        text = _unescape(meta["text"])
        parses[meta["name"]] = {
            "text": text,
            "words": words,
            "spaces": _token_spaces(text, words),
            "lemmas": [_unescape(row[2]) for row in rows],
            "pos": [row[3] for row in rows],
            "tags": [row[4] for row in rows],
            "heads": [int(row[5]) for row in rows],
            "deps": [row[6] for row in rows],
            "ents": [row[7] for row in rows],
        }
    return parses


@pytest.fixture(scope="session")
def parses() -> dict[str, dict[str, Any]]:
    """tests/nlp/parses.txt: hand-checked parses of the test sentences, by name."""
    return load_parses()


@pytest.fixture(scope="session")
def parsed(parses: dict[str, dict[str, Any]], make_doc: Callable[..., Doc]) -> Callable[[str], Doc]:
    """``parsed(name)``: a fresh Doc of a parse-bank sentence, through kg's blank components."""

    def build(name: str) -> Doc:
        fields = {k: v for k, v in parses[name].items() if k != "text"}
        doc = make_doc(fields.pop("words"), **fields)
        assert doc.text == parses[name]["text"]
        return doc

    return build


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained pipeline with kg's components, loaded once per session."""
    from kg.pipeline import load_nlp

    return load_nlp()
