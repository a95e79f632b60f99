"""SIGTERM ends a run as Ctrl-C does, and temporary files of killed runs do not pile up (issue 12).

``kg extract`` writes its output through a hidden ``.NAME.<pid>-XXXX.part`` beside it.
SIGTERM removes it and leaves the old output as it was; SIGKILL cannot be handled, so the
next run writing the same output removes what the dead one left (and never a live
writer's file).  Neither ever leaves a partial output file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.io import open_part, remove_stale_parts
from tests.reliability.common import KG

pytestmark = pytest.mark.issue(12)

TEXT = ("Foreign Minister Anna Berg of Norway met President Tomas Varga in Vienna on Monday "
        "to discuss a ceasefire along the border. ") * 6


def _parts(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir()
                  if p.name.startswith(f".{output.name}.") and p.name.endswith(".part"))


def _start_extract(source: Path, output: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen([KG, "extract", str(source), "-o", str(output), "--no-detect-copies"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "OMP_NUM_THREADS": "1"})
    # Midway: once a partition is in the journal (the output's temporary file is open by then;
    # the empty one kg makes and removes at once to check that the folder is writable is not it).
    journal = output.parent / f".{output.name}.kg-journal"
    deadline = time.monotonic() + 120
    while not list(journal.glob("*.jsonl")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None and _parts(output), "the run ended before it could be stopped"
    return process


@pytest.fixture
def corpus(tmp_path) -> Path:
    path = tmp_path / "many.jsonl"
    with open(path, "w") as out:
        for number in range(3000):
            out.write(json.dumps({"id": f"doc-{number}", "text": f"{TEXT} ({number})"}) + "\n")
    return path


@pytest.mark.model
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_stopped_extract_keeps_the_old_output_and_leaves_no_temporary_file(corpus, tmp_path, signum):
    output = tmp_path / "out.trig"
    output.write_text("# the previous run's output\n")
    process = _start_extract(corpus, output)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert output.read_text() == "# the previous run's output\n"  # never partial
    if signum == signal.SIGTERM:
        assert process.returncode == 130
        assert err.strip().splitlines() == ["kg: interrupted; no output was written"]
        assert _parts(output) == []
    else:
        assert len(_parts(output)) == 1  # nothing can clean up after SIGKILL ...
        small = tmp_path / "small.jsonl"
        small.write_text(json.dumps({"id": "one", "text": TEXT}) + "\n")
        # The killed run left its journal: the next run says so, and --restart starts again.
        refused = subprocess.run([KG, "extract", str(small), "-o", str(output)], capture_output=True, text=True,
                                 timeout=120)
        assert refused.returncode != 0 and "--resume" in refused.stderr
        done = subprocess.run([KG, "extract", str(small), "-o", str(output), "--restart"], capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert _parts(output) == []  # ... but the next run writing the same output does


def test_only_temporary_files_of_dead_writers_are_removed(tmp_path):
    output = tmp_path / "out.nq"
    mine, live = open_part(output)  # this process is alive
    os.close(mine)
    sleeper = subprocess.Popen(["sleep", "0"])  # a process that has exited: its id names no one
    sleeper.wait()
    stale = tmp_path / f".out.nq.{sleeper.pid}-abcd1234.part"
    stale.write_text("left by a killed run")
    old = tmp_path / ".out.nq.zz9xk2lq.part"  # an older kg's name, without a process id
    old.write_text("older")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    recent = tmp_path / ".out.nq.ab3kq9zz.part"
    recent.write_text("maybe being written")
    other = tmp_path / f".other.nq.{sleeper.pid}-abcd1234.part"
    other.write_text("another output's")
    assert sorted(remove_stale_parts(output)) == sorted([stale.name, old.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([Path(live).name, recent.name, other.name])


@pytest.mark.model
def test_a_lost_sigterm_interrupt_still_stops_the_run_at_the_next_partition(tmp_path, monkeypatch, capsys):
    """SIGTERM's KeyboardInterrupt can be raised inside a finaliser, which prints and drops it;
    the run then stops at the end of the partition it is in, as after Ctrl-C."""
    import importlib
    import sys

    from kg.cli import main

    cli_app = importlib.import_module("kg.cli.app")  # the module (kg.cli.app is also the Typer app's name)

    source = tmp_path / "three.jsonl"
    source.write_text("".join(json.dumps({"id": f"doc-{n}", "text": f"{TEXT} ({n})"}) + "\n" for n in range(3)))
    output = tmp_path / "out.nq"
    monkeypatch.setattr(cli_app, "_stop_asked", True)  # SIGTERM came; its interrupt was lost
    monkeypatch.setattr(sys, "argv", ["kg", "extract", str(source), "-o", str(output), "--partition-size", "1",
                                      "--no-detect-copies"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "kg: interrupted; no output was written"
    assert not output.exists() and _parts(output) == []
    # What was done is in the journal: --resume finishes the run.
    monkeypatch.setattr(cli_app, "_stop_asked", False)
    monkeypatch.setattr(sys, "argv", ["kg", "extract", str(source), "-o", str(output), "--partition-size", "1",
                                      "--no-detect-copies", "--resume"])
    with pytest.raises(SystemExit) as finished:
        main()
    assert finished.value.code in (0, None)
    assert "1 taken from the unfinished run's journal" in capsys.readouterr().err
    assert output.exists()
