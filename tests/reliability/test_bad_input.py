"""One bad record never costs a run; outputs are checked before any work (issue 12).

A record holding a lone surrogate or JSON nested 1,000 deep is one ``FILE, line N: reason``
line: skipped under ``--on-error skip`` (the run goes on), a one-line error without it,
KgError from the Python API.  Output paths that cannot be written are refused before the
model is loaded (a model that does not exist proves it: its error would come first).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import kg
from kg.errors import InputError, KgError
from kg.io import read_articles
from tests.reliability.common import KG, kg_here, one_line
from tests.reliability.common import kg as run_kg

pytestmark = pytest.mark.issue(12)

GOOD = "Foreign Minister Anna Berg of Norway met President Tomas Varga in Vienna on Monday."
SURROGATE = '{"id": "s1", "text": "Anna Berg met \\ud800 Tomas Varga."}'
DEEP = '{"id": "d1", "text": "Anna Berg.", "meta": ' + "[" * 1000 + "]" * 1000 + "}"
LONE_SURROGATE_IN_ID = '{"id": "\\udfff", "text": "Anna Berg met Tomas Varga."}'


@pytest.fixture
def records(tmp_path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join([json.dumps({"id": "g1", "text": GOOD}), SURROGATE, DEEP, LONE_SURROGATE_IN_ID,
                               json.dumps({"id": "g2", "text": "Tomas Varga visited Oslo on Tuesday."})]) + "\n")
    return path


def test_reader_reports_each_bad_record_and_goes_on(records):
    skipped: list[InputError] = []
    articles = list(read_articles(str(records), on_error="skip", report=skipped.append))
    assert [a.id for a in articles] == ["g1", "g2"]
    assert [(e.line, e.reason.split(":")[0]) for e in skipped] == [
        (2, '"text" holds a lone surrogate (U+D800) at character 15'),
        (3, "JSON nested too deeply to be read"),
        (4, '"id" holds a lone surrogate (U+DFFF) at character 1'),
    ]


@pytest.mark.model
def test_extract_skips_bad_records_and_writes_the_good(records, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.trig"
    result = kg_here(monkeypatch, capsys, "extract", records, "-o", out, "--on-error", "skip")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[0] for line in lines[:3]] == [f"{records}, line {n}" for n in (2, 3, 4)]
    assert lines[-1].startswith("2 document(s)") and "3 record(s) skipped" in lines[-1]
    assert "Traceback" not in result.stderr
    result = kg_here(monkeypatch, capsys, "extract", records, "-o", tmp_path / "strict.trig")
    assert one_line(result).startswith(f"{records}, line 2: ")
    assert not (tmp_path / "strict.trig").exists()


@pytest.mark.model
@pytest.mark.parametrize("text", ["Anna Berg met \ud800 Tomas Varga.", "\udfff", "Anna\x00Berg", b"bytes"])
def test_api_raises_kg_error_for_what_is_not_text(text):
    with pytest.raises(KgError):
        kg.extract(text)  # type: ignore[arg-type]


# -- outputs --------------------------------------------------------------------------------

NO_MODEL = ("--model", "no-such-model-installed")


def test_output_that_is_a_folder_is_refused_first(records, tmp_path, monkeypatch, capsys):
    line = one_line(kg_here(monkeypatch, capsys, "extract", records, "-o", tmp_path, *NO_MODEL))
    assert line == f"{tmp_path}: is a folder, not a file: name the output file"


def test_output_under_a_file_is_refused_first(records, tmp_path, monkeypatch, capsys):
    line = one_line(kg_here(monkeypatch, capsys, "extract", records, "-o", records / "out.trig", *NO_MODEL))
    assert "is a file, not a folder" in line


def test_output_that_is_the_input_is_refused(tmp_path, monkeypatch, capsys):
    same = tmp_path / "same.nq"
    same.write_text(f"{GOOD}\n")
    line = one_line(kg_here(monkeypatch, capsys, "extract", same, "-o", same, *NO_MODEL))
    assert "is also an input" in line
    assert same.read_text() == f"{GOOD}\n"


def test_output_in_a_read_only_folder_is_refused_first(records):
    # As root every folder is writable: run kg as an unprivileged user there.
    as_user: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv to drop privileges")
        as_user = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = Path(tempfile.mkdtemp(prefix="kg-read-only-"))
    try:
        folder.chmod(0o755)
        source = folder / "records.jsonl"
        shutil.copy(records, source)
        source.chmod(0o644)
        (folder / "out").mkdir()
        (folder / "out").chmod(0o555)
        result = subprocess.run([*as_user, KG, "extract", str(source), "-o", str(folder / "out" / "x.trig"),
                                 *NO_MODEL], capture_output=True, text=True, timeout=120)
        assert one_line(result) == f"{folder / 'out' / 'x.trig'}: cannot be written: Permission denied"
    finally:
        (folder / "out").chmod(0o755)
        shutil.rmtree(folder)


def test_merge_refuses_an_empty_result_and_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.trig"
    good.write_text("<https://example.org/g> { <https://example.org/a> <https://example.org/p> 1 . }\n")
    before = good.read_bytes()
    empty = tmp_path / "empty.trig"
    empty.write_text("")
    line = one_line(kg_here(monkeypatch, capsys, "merge", empty, "-o", good))
    assert "nothing to write" in line
    assert good.read_bytes() == before
    assert run_kg("merge", good, "-o", good).returncode == 0  # merging in place is fine
