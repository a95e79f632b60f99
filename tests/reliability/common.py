"""What the reliability tests share: running the ``kg`` command, fixture files, servers.

The servers are the real ones the store tests start (Oxigraph, Virtuoso), through those
tests' own helpers, so there is one way of starting each.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

KG = str(Path(sys.executable).with_name("kg"))
EX = "https://example.org/"


def kg(*args: str | os.PathLike[str], timeout: float = 120, **options) -> subprocess.CompletedProcess[str]:
    """Run the installed ``kg`` command; its exit status, stdout and stderr as text."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=env,
                          **options)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The error a failed command printed, which must be one line with no traceback."""
    assert result.returncode != 0, result
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def store_tests() -> ModuleType:
    """tests/store/test_virtuoso.py (with test_remote.py's helpers as its ``shared``)."""
    return _load("kg_virtuoso_test_helpers", Path(__file__).parents[1] / "store" / "test_virtuoso.py")


def remote_helpers() -> ModuleType:
    """tests/store/test_remote.py: free_port, wait_until_answering, stop, oxigraph_binary."""
    return store_tests().shared


@contextlib.contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """A real Oxigraph server (union default graph) on loopback; its base URL."""
    helpers = remote_helpers()
    binary = helpers.oxigraph_binary()
    if binary is None:
        pytest.skip("no oxigraph server binary: pip install oxigraph (kg's test extra)")
    port = helpers.free_port()
    command = [binary, "serve", "--location", str(folder / "oxigraph-db"), "--bind", f"127.0.0.1:{port}",
               "--union-default-graph"]
    with helpers.serving(command, f"http://127.0.0.1:{port}", "/query?query=ASK%7B%7D", 30,
                         folder / "oxigraph.log") as base:
        yield base


@contextlib.contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """A private Virtuoso 7 on loopback, started as tests/store/test_virtuoso.py does."""
    module = store_tests()
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource)")
    helpers = module.shared
    (folder / "db").mkdir()
    (folder / "www").mkdir()
    http_port, sql_port = helpers.free_port(), helpers.free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(module.VIRTUOSO_INI.format(db=folder / "db", www=folder / "www", root=folder,
                                              sql_port=sql_port, http_port=http_port))
    with helpers.serving([binary, "+foreground", "+configfile", str(ini)], f"http://127.0.0.1:{http_port}",
                         "/sparql?query=ASK%7B%7D", 90, folder / "server.log", cwd=folder) as base:
        yield base


def count_quads(endpoint: str, auth: object = None, *, prefix: str = "") -> int:
    """The number of quads in named graphs (whose names start with ``prefix``) on a server."""
    from kg.store.remote import RemoteStore

    where = f'FILTER(STRSTARTS(STR(?g), "{prefix}"))' if prefix else ""
    with RemoteStore(endpoint, auth=auth) as server:  # type: ignore[arg-type]
        rows = server.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {where} }}").rows
    return int(rows[0]["n"] or 0)


def kg_here(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            *args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` through the console script's entry point, in this process (faster)."""
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *map(str, args)])
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exiting:
        code = exiting.code if isinstance(exiting.code, int) else 1
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(["kg", *map(str, args)], code, captured.out, captured.err)


@contextlib.contextmanager
def serving(server: socketserver.BaseServer) -> Iterator[str]:
    """Serve in a thread while the block runs; the server's base URL."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def http_server(handler: type[BaseHTTPRequestHandler]) -> contextlib.AbstractContextManager[str]:
    """A small HTTP server on 127.0.0.1 answering with ``handler``, for the block's length."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    return serving(server)
