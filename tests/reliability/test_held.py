"""Cases of the fault audit that held before issue 12, kept holding (cheap ones).

A hostile ``--param`` value is bound as a value, never as query text; credentials never
appear in any output, even from a server that echoes them back; a reader facing what an
older kg's interrupted in-place load left rolls it back when no one writes, and otherwise
refuses with one line.
"""

from __future__ import annotations

import base64
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from kg.store.embedded import ROLLBACK_MARKER, ROLLBACK_SUFFIX, EmbeddedStore
from tests.reliability.common import http_server, kg_here, one_line

pytestmark = pytest.mark.issue(12)

HOSTILE = ['x" ) } } UNION { ?s ?p ?o } #', "x' } ; DROP ALL ; SELECT * { '", "}}}} ?event ?p ?o {{{{"]


@pytest.fixture(scope="module")
def data(golden_records, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "docs.trig"
    write_graphs([records_to_graph(golden_records[n], Settings()) for n in sorted(golden_records)], path)
    return path


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_match_nothing_and_change_nothing(data, tmp_path, value, monkeypatch, capsys):
    store = tmp_path / "S"
    assert kg_here(monkeypatch, capsys, "load", data, "--store", store).returncode == 0
    before = kg_here(monkeypatch, capsys, "stats", "--store", store, "--json").stdout
    result = kg_here(monkeypatch, capsys, "query", "meetings-of", "--store", store, "--param",
                     f"person={value}", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1  # the header: no row matches such a name
    assert kg_here(monkeypatch, capsys, "stats", "--store", store, "--json").stdout == before


SECRET = "pa55-w0rd-7731"
TOKEN = "tok-3x9-secret"


class _Echo(BaseHTTPRequestHandler):
    """Answers 500 with every request header in the body, credentials included."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = str(self.headers).encode()
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("auth", [("--user", "me", "--password", SECRET), ("--token", TOKEN)],
                         ids=["basic", "bearer"])
def test_credentials_never_appear_in_output(auth, monkeypatch, capsys):
    with http_server(_Echo) as base:
        result = kg_here(monkeypatch, capsys, "query", "roles", "--endpoint", f"{base}/query", *auth)
    line = one_line(result)
    assert "HTTP 500" in line and "***" in line  # the echo came back, scrubbed
    basic = base64.b64encode(f"me:{SECRET}".encode()).decode()
    for secret in (SECRET, TOKEN, basic):
        assert secret not in result.stdout + result.stderr


def _legacy_unfinished_load(folder: Path, data: Path) -> int:
    """What a kg that loaded in place left when killed: a marked checkpoint of the old
    store beside a half-changed store.  Returns the old store's size."""
    with EmbeddedStore(folder) as store:
        store.load_file(data)
        size = len(store)
        checkpoint = folder.parent / f".{folder.name}{ROLLBACK_SUFFIX}"
        store.store.backup(str(checkpoint))
        (checkpoint / ROLLBACK_MARKER).write_text("uncommitted")
        store.store.clear()  # the half-done load
    return size


def test_reader_rolls_back_an_older_kgs_unfinished_load(data, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "S"
    size = _legacy_unfinished_load(folder, data)
    result = kg_here(monkeypatch, capsys, "stats", "--store", folder, "--json")
    assert result.returncode == 0, result.stderr
    assert f'"triples": {size}' in result.stdout


def test_reader_refuses_an_unfinished_load_while_a_writer_holds_the_store(data, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "S"
    _legacy_unfinished_load(folder, data)
    holder = subprocess.Popen([sys.executable, "-c",
                               "import fcntl, os, sys, time; d = os.open(sys.argv[1], os.O_RDONLY); "
                               "fcntl.flock(d, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
                               str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        line = one_line(kg_here(monkeypatch, capsys, "stats", "--store", folder))
        assert "cannot be read now" in line and "not rolled back" in line
    finally:
        holder.kill()
        holder.wait()
