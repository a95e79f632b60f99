"""Remote servers that misbehave: one line and a non-zero exit, never a hang or a false success
(issue 12).

Each test starts a small, deliberately broken server on 127.0.0.1 (the standard library's
http.server and socketserver: every loop is bounded and the server stops with the test).
"""

from __future__ import annotations

import socketserver
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import write_graphs
from kg.settings import Settings
from tests.reliability.common import http_server, kg_here, one_line, serving

pytestmark = pytest.mark.issue(12)

XML_RESULTS = (b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
               b'<head><variable name="s"/></head><results>'
               + b"".join(b'<result><binding name="s"><uri>https://example.org/%d</uri></binding></result>' % i
                          for i in range(5))
               + b"</results></sparql>")
JSON_RESULTS = (b'{"head":{"vars":["s"]},"results":{"bindings":['
                + b",".join(b'{"s":{"type":"uri","value":"https://example.org/%d"}}' % i for i in range(5))
                + b"]}}")


def _answer(content_type: str, body: bytes, *, length: int | None = None, status: int = 200,
            trickle: float = 0.0) -> type[BaseHTTPRequestHandler]:
    """A handler answering every request with ``body`` (announcing ``length`` bytes, if
    given), closing the connection after it; ``trickle`` sends it a byte at a time."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def _reply(self) -> None:
            size = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(size)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if length is not None:
                self.send_header("Content-Length", str(length))
            self.end_headers()
            try:
                if trickle:
                    for byte in body[:40]:  # bounded: 40 bytes at most
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(trickle)
                else:
                    self.wfile.write(body)
            except OSError:
                pass  # kg hung up, as it should

        do_GET = do_POST = do_PUT = _reply  # noqa: N815 - http.server's names

        def log_message(self, *args: object) -> None:
            pass

    return Handler


class _NotHttp(socketserver.StreamRequestHandler):
    """Reads the request, then answers as a mail server would."""

    def handle(self) -> None:
        length = 0
        for _ in range(100):  # bounded: the request line and headers
            line = self.rfile.readline(65536)
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
            if line in (b"\r\n", b"\n", b""):
                break
        self.rfile.read(length)
        self.wfile.write(b"220 a mail server says hello\r\n")


@pytest.fixture(scope="module")
def query_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rq") / "all.rq"
    path.write_text("SELECT ?s WHERE { ?s ?p ?o }\n")
    return path


BROKEN: dict[str, tuple[Callable[[], type[socketserver.BaseRequestHandler]], str]] = {
    "xml-cut-after-a-result": (lambda: _answer("application/sparql-results+xml",
                                               XML_RESULTS[: XML_RESULTS.index(b"</result>") + 9]),
                               "cannot be read"),
    "json-cut": (lambda: _answer("application/sparql-results+json", JSON_RESULTS[:90]), "cannot be read"),
    "dropped-connection": (lambda: _answer("application/sparql-results+json", JSON_RESULTS[:60],
                                           length=len(JSON_RESULTS)), "cut off after 60 bytes"),
    "html-page": (lambda: _answer("text/html", b"<!doctype html><html><body>Welcome</body></html>"),
                  "not SPARQL results"),
    "error-status": (lambda: _answer("text/plain", b"out of memory", status=500), "HTTP 500"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_answers_are_one_line(query_file, case, monkeypatch, capsys):
    make, expected = BROKEN[case]
    with http_server(make()) as base:  # type: ignore[arg-type]
        result = kg_here(monkeypatch, capsys, "query", query_file, "--endpoint", f"{base}/query")
    assert result.returncode == 1
    assert expected in one_line(result), result.stderr
    assert result.stdout == ""


def test_non_http_reply_is_one_line(query_file, monkeypatch, capsys):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _NotHttp)
    server.daemon_threads = True
    with serving(server) as base:
        result = kg_here(monkeypatch, capsys, "query", query_file, "--endpoint", f"{base}/query")
    assert "not HTTP" in one_line(result)


def test_a_trickling_server_meets_the_deadline(query_file, monkeypatch, capsys):
    # A byte every 0.3 s: every read succeeds, so only a total deadline ends the wait.
    with http_server(_answer("application/sparql-results+json", JSON_RESULTS, length=len(JSON_RESULTS),
                       trickle=0.3)) as base:
        started = time.monotonic()
        result = kg_here(monkeypatch, capsys, "query", query_file, "--endpoint", f"{base}/query",
                         "--timeout", "1.5")
        took = time.monotonic() - started
    assert "no complete answer within 1.5 s" in one_line(result)
    assert took < 5


def test_load_into_a_web_page_is_refused(golden_records, tmp_path, monkeypatch, capsys):
    data = tmp_path / "docs.trig"
    write_graphs([records_to_graph(golden_records[n], Settings()) for n in sorted(golden_records)], data)
    page = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>It works!</body></html>"
    with http_server(_answer("text/html; charset=utf-8", page)) as base:
        result = kg_here(monkeypatch, capsys, "load", data, "--endpoint", f"{base}/")
    line = one_line(result)
    assert "HTML page" in line and "loaded" not in line


def test_load_that_a_server_acknowledges_but_does_not_keep_is_refused(golden_records, tmp_path,
                                                                        monkeypatch, capsys):
    """A server answering 204 to every update yet holding nothing (the wrong endpoint of a
    proxy, say): the count of graphs after the load tells."""
    data = tmp_path / "docs.trig"
    write_graphs([records_to_graph(golden_records[n], Settings()) for n in sorted(golden_records)], data)
    empty = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"0"}}]}}'

    class Forgetful(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.headers.get("Content-Type", "").startswith("application/sparql-update"):
                self.send_response(204)
                self.end_headers()
                return
            assert b"query=" in body
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(empty)))
            self.end_headers()
            self.wfile.write(empty)

        def log_message(self, *args: object) -> None:
            pass

    with http_server(Forgetful) as base:
        result = kg_here(monkeypatch, capsys, "load", data, "--endpoint", f"{base}/query",
                         "--update-endpoint", f"{base}/update")
    assert "holds only 0 of 2 graphs" in one_line(result)
