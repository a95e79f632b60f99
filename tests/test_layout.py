"""The import rules of kg's layout, checked by walking every module's syntax tree.

text -> Doc -> records -> RDF -> store: the language layer (kg.nlp) imports no RDF library,
the RDF, store, merge and source layers import no spaCy, the reference data and the records
import neither, and only kg.cli prints, reads the environment or touches the terminal.
Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"

RDF_LIBRARIES = ("rdflib", "pyoxigraph", "oxrdflib", "pyshacl", "owlready2", "pyld")
LANGUAGE_LIBRARIES = ("spacy", "thinc", "kg.nlp")
TERMINAL_LIBRARIES = ("typer", "rich", "click", "os.environ", "os.getenv")  # "from os import environ" too
PIPELINE_OUTSIDERS = ("kg.cli", "kg.eval")

# What each part may not import (prefixes of module names).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "kg/nlp": RDF_LIBRARIES + ("kg.rdf", "kg.store", "kg.merge", "kg.sources"),
    "kg/rdf": LANGUAGE_LIBRARIES,
    "kg/store": LANGUAGE_LIBRARIES,
    "kg/merge": LANGUAGE_LIBRARIES,
    "kg/sources": LANGUAGE_LIBRARIES,
    "kg/web": LANGUAGE_LIBRARIES,
    "kg/reference": RDF_LIBRARIES + LANGUAGE_LIBRARIES + ("kg.rdf", "kg.store", "kg.merge"),
    "kg/text": RDF_LIBRARIES + LANGUAGE_LIBRARIES,
    "kg/records.py": RDF_LIBRARIES + LANGUAGE_LIBRARIES,
    "kg/errors.py": RDF_LIBRARIES + LANGUAGE_LIBRARIES,
    "kg/settings.py": RDF_LIBRARIES + LANGUAGE_LIBRARIES,
}

# Library code that reads an input or writes an output the caller named as "-" uses the
# standard stream for it: data, not terminal chatter; the engine sets the environment of the
# processes it starts.  Each entry says why.
ALLOWED_BELOW_THE_CLI = {
    "kg/rdf/serialize.py": ("sys.stdout", "DatasetWriter writes a '-' output to standard output"),
    "kg/merge/__init__.py": ("sys.stdout", "merge_to writes a '-' output to standard output"),
    "kg/io.py": ("sys.stdin", "read_articles reads the input '-' from standard input"),
    "kg/engine/environ.py": ("os.environ", "the environment of the processes kg starts to parse in"),
}


@dataclass(frozen=True)
class Use:
    module: str  # kg/nlp/roles.py
    line: int
    what: str


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] != "__init__" else parts[:-1])


def imports_of(path: Path, text: str | None = None) -> list[Use]:
    """Every module a file imports (or ``text`` placed at its path), relative imports resolved."""
    source = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(source, filename=str(path))
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            uses += [Use(_relative(path), node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(path).split(".")
                anchor = ".".join(package[: len(package) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            uses.append(Use(_relative(path), node.lineno, base))
            # "from kg import nlp" imports kg.nlp.
            uses += [Use(_relative(path), node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return uses


def terminal_uses(path: Path) -> list[Use]:
    """print(), the environment, and sys.stdout/sys.stderr."""
    return terminal_uses_of(path.read_text(encoding="utf-8"), path)


def terminal_uses_of(text: str, path: Path = PACKAGE / "sample.py") -> list[Use]:
    tree = ast.parse(text, filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("print", "input"):
            found.append(Use(_relative(path), node.lineno, f"{node.func.id}()"))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            name = f"{node.value.id}.{node.attr}"
            if name in ("os.environ", "os.getenv", "os.putenv", "os.environb"):
                found.append(Use(_relative(path), node.lineno, name))
            elif name in ("sys.stdout", "sys.stderr", "sys.stdin"):
                found.append(Use(_relative(path), node.lineno, name))
    return found


def _matches(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _part(path: Path) -> str | None:
    relative = _relative(path)
    for part in FORBIDDEN:
        if relative == part or relative.startswith(part + "/"):
            return part
    return None


def test_the_walk_sees_every_part_of_the_package():
    assert set(ALLOWED_BELOW_THE_CLI) <= {_relative(p) for p in _modules()}
    relatives = {_relative(p) for p in _modules()}
    for part in FORBIDDEN:
        assert any(r == part or r.startswith(part + "/") for r in relatives), f"{part} has no module"


@pytest.mark.parametrize("path", [p for p in _modules() if _part(p)], ids=_relative)
def test_layers_import_only_what_they_may(path):
    part = _part(path)
    broken = [u for u in imports_of(path) if _matches(u.module, FORBIDDEN[part])]
    assert not broken, "\n".join(f"{u.module}:{u.line} imports {u.what} ({part} may not)" for u in broken)


@pytest.mark.parametrize("path", [p for p in _modules() if not _relative(p).startswith("kg/cli/")], ids=_relative)
def test_only_the_cli_prints_or_reads_the_environment(path):
    relative = _relative(path)
    allowed = ALLOWED_BELOW_THE_CLI.get(relative, ("", ""))[0]
    uses = [u for u in terminal_uses(path) if not (allowed and u.what == allowed)]
    uses += [u for u in imports_of(path) if _matches(u.what, TERMINAL_LIBRARIES)]
    assert not uses, "\n".join(f"{u.module}:{u.line} uses {u.what}" for u in uses)


# The CLI and the evaluation sit on top of the pipeline; nothing below imports them.
@pytest.mark.parametrize("path", [p for p in _modules() if not _relative(p).startswith(("kg/cli/", "kg/eval/"))],
                         ids=_relative)
def test_the_pipeline_never_imports_the_cli_or_the_evaluation(path):
    broken = [u for u in imports_of(path) if _matches(u.what, PIPELINE_OUTSIDERS)]
    assert not broken, "\n".join(f"{u.module}:{u.line} imports {u.what}" for u in broken)


def test_the_rules_catch_a_forbidden_import():
    # The walk must see imports inside functions and relative imports.
    text = "def f():\n    import rdflib\n    from ..rdf import iris\n"
    seen = [u.what for u in imports_of(PACKAGE / "nlp" / "roles.py", text)]
    assert "rdflib" in seen
    assert "kg.rdf.iris" in seen
    assert _matches("kg.rdf.iris", FORBIDDEN["kg/nlp"])
    assert [u.what for u in terminal_uses_of("import os\nprint(os.environ['X'])\n")] == ["print()", "os.environ"]
