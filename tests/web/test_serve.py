"""kg serve and kg viz in a real browser (Debian's chromium, driven by Playwright), and the
SPARQL endpoint through a standard client (SPARQLWrapper), against the golden fixture documents.

The servers are real ``kg serve`` processes on free loopback ports; nothing is mocked.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from email.message import Message
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.rdf.mapping import records_to_dataset
from kg.settings import Settings
from kg.store.embedded import EmbeddedStore
from kg.store.load import load_files
from tests.conftest import load_golden_records

KG = str(Path(sys.executable).with_name("kg"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HAS_CHROMIUM = Path(CHROMIUM).exists()
needs_browser = pytest.mark.skipif(not HAS_CHROMIUM, reason="Debian's chromium is not installed (.ci/run installs it)")

OSLO = "meridiano-2024-0312"
PERSON = "https://w3id.org/kg-news/id/person/f9cfa4b0/"
ORG = "https://w3id.org/kg-news/id/org/f9cfa4b0/"
QATAR_PM = "https://w3id.org/kg-news/id/person/b7a93db6/office-prime-minister-of-qatar"


class Server:
    """A ``kg serve`` process; its URL is the one it prints."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen([KG, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        assert " at http://127.0.0.1:" in line, line + self.process.stderr.read()
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
        self.sparql = self.url + "/sparql"

    def get(self, path: str, **headers: str) -> tuple[int, Message, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers)
        return _send(request)

    def post(self, path: str, data: bytes, content_type: str, **headers: str) -> tuple[int, Message, bytes]:
        request = urllib.request.Request(self.url + path, data=data, method="POST",
                                         headers={"Content-Type": content_type, **headers})
        return _send(request)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _send(request: urllib.request.Request) -> tuple[int, Message, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden documents (invented people) as one TriG file: a stated mediation in Oslo with
    two named parties, and one in Doha with unnamed parties."""
    folder = tmp_path_factory.mktemp("web")
    dataset = records_to_dataset([load_golden_records("oslo-talks"), load_golden_records("doha-unnamed")],
                                 Settings())
    path = folder / "corpus.trig"
    dataset.serialize(str(path), format="trig")
    return path


@pytest.fixture(scope="module")
def store_dir(corpus: Path) -> Path:
    folder = corpus.parent / "store"
    with EmbeddedStore(folder) as store:
        load_files(store, [corpus])
    return folder


@pytest.fixture(scope="module")
def server(store_dir: Path):
    running = Server("--store", str(store_dir), "--max-rows", "5")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    if not HAS_CHROMIUM:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


def _kg_query_rows(store_dir: Path, name: str, *params: str) -> list[dict[str, str]]:
    args = [KG, "query", name, "--store", str(store_dir), "--format", "csv"]
    for param in params:
        args += ["--param", param]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def _node_position(page, iri: str) -> tuple[float, float]:  # noqa: ANN001 - a Playwright page
    """Where a network node is drawn on the page (for a real mouse click)."""
    box = page.locator("#network").bounding_box()
    x, y = page.evaluate(f"(() => {{ const p = kgNetwork.getElementById({json.dumps(iri)}).renderedPosition(); "
                         "return [p.x, p.y]; })()")
    return box["x"] + x, box["y"] + y


# -- pages in the browser ------------------------------------------------------------------------


@needs_browser
def test_serve_network_nodes_edges_and_click_opens_entity(server, browser, store_dir, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url + "/mediations")
    page.wait_for_function("window.kgNetwork && window.kgNetwork.nodes().length > 0")
    nodes = page.evaluate("kgNetwork.nodes().map(n => [n.id(), n.data('label'), n.data('role')])")
    edges = page.evaluate("kgNetwork.edges().map(e => [e.source().data('label'), e.target().data('label'), "
                          "e.data('stated'), e.data('documents')])")
    assert sorted(nodes) == sorted([[PERSON + "ana-castillo", "Ana Castillo", "mediator"],
                                    [QATAR_PM, "Prime Minister of Qatar", "mediator"],  # parties unnamed
                                    [ORG + "colombian-government", "Government of Colombia", "party"],
                                    [ORG + "southern-andean-front", "Southern Andean Front", "party"]])
    assert sorted(edges) == [["Ana Castillo", "Government of Colombia", True, 1],
                             ["Ana Castillo", "Southern Andean Front", True, 1]]
    # The table beside it holds the same rows as `kg query mediations` (all three, Doha's too).
    table = page.locator("#mediation-rows tbody tr")
    assert table.count() == len(_kg_query_rows(store_dir, "mediations")) == 3
    page.screenshot(path=str(tmp_path / "mediations.png"), full_page=True)

    # A real click on the mediator's node opens its entity page.
    with page.expect_navigation():
        page.mouse.click(*_node_position(page, PERSON + "ana-castillo"))
    assert "/entity?iri=" in page.url
    assert page.inner_text("h1") == "Ana Castillo"
    assert "mediation" in page.inner_text("#events")
    assert "Special Envoy" in page.inner_text("#roles")
    assert "Government of Colombia" in page.inner_text("#coparticipants")
    page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
    page.close()


@needs_browser
def test_serve_network_filters_apply_to_picture_and_table(server, browser):
    page = browser.new_page()
    page.goto(server.url + "/mediations?minConfidence=0.9")  # Oslo's is 0.85, Doha's 0.6
    page.wait_for_function("window.kgNetwork !== undefined")
    assert page.evaluate("kgNetwork.nodes().length") == 0
    assert page.locator("#mediation-rows tbody tr").count() == 0
    page.goto(server.url + "/mediations?status=ongoing")
    page.wait_for_function("window.kgNetwork !== undefined")
    assert page.locator("#mediation-rows tbody tr").count() == 1  # Doha's, with no parties
    assert page.evaluate("kgNetwork.nodes().map(n => n.id())") == [QATAR_PM]
    page.goto(server.url + "/mediations?from=2024-03-01&to=2024-03-31")
    page.wait_for_function("window.kgNetwork !== undefined")
    assert page.evaluate("kgNetwork.edges().length") == 2
    page.close()


@needs_browser
def test_serve_document_highlights_spans_and_shows_triples(server, browser, tmp_path):
    text = load_golden_records("oslo-talks").article.text
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server.url + f"/document?id={OSLO}")
    marks = page.evaluate("Array.from(document.querySelectorAll('#text mark')).map("
                          "m => [+m.dataset.begin, +m.dataset.end, m.textContent, m.className])")
    assert len(marks) > 10
    for begin, end, shown, _kind in marks:
        assert text[begin:end] == shown  # every highlight sits at its recorded character span
    highlighted = {shown for *_, shown, _kind in marks}
    assert {"Ana Castillo", "Miriam Okafor", "spoke by phone with"} <= highlighted
    kinds = {shown: kind for *_, shown, kind in marks}
    assert kinds["Miriam Okafor"] == "entity" and kinds["spoke by phone with"] == "fact"
    # Clicking a fact's span opens what it supports, with its triples.
    page.locator("#text mark", has_text="spoke by phone with").click()
    opened = page.locator("#facts details[open]")
    assert opened.count() >= 1
    assert "PhoneCall" in opened.first.inner_text()
    assert "participant" in opened.first.locator("table").inner_text()
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
    page.close()


@needs_browser
def test_serve_timeline_and_question_form(server, browser, store_dir, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server.url + "/timeline")
    page.fill("input[name=a]", "Norway")
    page.fill("input[name=b]", "Colombia")
    page.click("button[type=submit]")
    expected = _kg_query_rows(store_dir, "timeline-between", "a=Norway", "b=Colombia")
    assert expected
    assert page.locator("#timeline-rows tbody tr").count() == len(expected)
    dated = {row["event"] for row in expected if row["date"]}
    assert page.locator("svg.timeline circle").count() == len(dated)
    page.screenshot(path=str(tmp_path / "timeline.png"), full_page=True)

    # A hostile value in a question's form is a value: the query stays the same and finds no one.
    page.goto(server.url + "/questions/meetings-of")
    page.fill("input[name=person]", 'x") } } UNION { ?s ?p ?o } #')
    page.click("button[type=submit]")
    assert "0 rows" in page.inner_text("main")
    page.goto(server.url + "/questions/meetings-of")
    page.fill("input[name=person]", "tomás ibarra")
    page.click("button[type=submit]")
    rows = page.locator("#question-rows tbody tr")
    assert rows.count() == len(_kg_query_rows(store_dir, "meetings-of", "person=tomás ibarra")) > 0
    page.close()


@needs_browser
def test_viz_file_opens_with_no_network(corpus, browser, tmp_path):
    output = tmp_path / "mediations.html"
    done = subprocess.run([KG, "viz", str(corpus), "-o", str(output)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    context = browser.new_context()
    attempted = []

    def refuse(route):
        if not route.request.url.startswith("file://"):
            attempted.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", refuse)
    page = context.new_page()
    page.goto(output.as_uri())
    page.wait_for_function("window.kgNetwork && window.kgNetwork.nodes().length > 0")
    assert page.evaluate("kgNetwork.nodes().length") == 4
    assert page.evaluate("kgNetwork.edges().length") == 2
    assert page.locator("#mediation-rows tbody tr").count() == 3
    page.mouse.click(*_node_position(page, PERSON + "ana-castillo"))
    assert "Ana Castillo" in page.inner_text("#details")
    assert page.locator("#mediation-rows tr.selected").count() == 2
    page.screenshot(path=str(tmp_path / "viz.png"), full_page=True)
    assert attempted == []
    context.close()


# -- the SPARQL endpoint through a standard client ------------------------------------------------


def test_serve_sparql_client_gets_kg_query_rows(server, store_dir):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from kg.store.queries import load_query

    info = load_query("mediations")
    client = SPARQLWrapper(server.sparql)
    client.setQuery(info.text)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    got = [{c: b[c]["value"] if c in b else "" for c in info.columns} for b in answer["results"]["bindings"]]
    assert got == _kg_query_rows(store_dir, "mediations")
    assert len(got) == 3


def test_serve_sparql_formats(server):
    select = urllib.parse.quote("SELECT ?m WHERE { ?m a <https://w3id.org/kg-news/ontology/kg#Mediation> } ORDER BY ?m")
    status, headers, body = server.get(f"/sparql?query={select}", Accept="text/csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode().splitlines()[0] == "m" and len(body.decode().splitlines()) == 3
    status, headers, body = server.get(f"/sparql?query={select}", Accept="text/tab-separated-values")
    assert body.decode().splitlines()[1].startswith("<https://w3id.org/kg-news/id/event/")
    status, headers, body = server.get(f"/sparql?query={select}", Accept="application/sparql-results+xml")
    assert headers["content-type"].startswith("application/sparql-results+xml") and b"<uri>" in body
    status, _, body = server.get(f"/sparql?query={select}", Accept="image/png")
    assert status == 406
    describe = f"DESCRIBE <{PERSON}ana-castillo>".encode()
    for media, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")]:
        status, headers, body = server.post("/sparql", describe, "application/sparql-query", Accept=media)
        assert status == 200 and headers["content-type"].startswith(media)
        graph = Graph().parse(data=body.decode(), format=fmt)
        assert len(graph) > 3
    # The row cap (--max-rows 5 here) cuts the answer and says so.
    everything = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}).encode()
    status, headers, body = server.post("/sparql", everything, "application/x-www-form-urlencoded")
    assert status == 200 and headers["KG-Results-Capped"] == "5"
    assert len(json.loads(body)["results"]["bindings"]) == 5


def test_serve_sparql_refuses_updates_and_leaves_store_unchanged(server, store_dir):
    from SPARQLWrapper import POST, SPARQLWrapper

    count = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    before = json.loads(server.get(f"/sparql?query={count}")[2])
    client = SPARQLWrapper(server.sparql, updateEndpoint=server.sparql)
    client.setMethod(POST)
    client.setQuery("DROP ALL")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    update = b"INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 } }"
    assert server.post("/sparql", update, "application/sparql-update")[0] == 403
    assert server.post("/sparql", update, "application/sparql-query")[0] == 403
    assert server.post("/sparql", b"update=CLEAR+ALL", "application/x-www-form-urlencoded")[0] == 403
    assert json.loads(server.get(f"/sparql?query={count}")[2]) == before


def test_serve_sparql_timeout_stops_long_query(corpus):
    slow = Server(str(corpus), "--query-timeout", "0.5")
    try:
        # Seconds of work before its first row (a count over a three-way join).
        query = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?o2 . ?c ?r ?o3 "
                 "FILTER(STR(?o) < STR(?o2)) }")
        started = time.monotonic()
        status, _, body = slow.get("/sparql?" + urllib.parse.urlencode({"query": query}))
        assert status == 503
        assert time.monotonic() - started < 5
        assert b"0.5 s" in body and b"stopped" in body
        # The server still answers, and the abandoned query does not hold up its exit.
        assert slow.get("/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))[0] == 200
        started = time.monotonic()
    finally:
        slow.stop()
    assert time.monotonic() - started < 5


def test_serve_exposed_host_warns(corpus):
    process = subprocess.Popen([KG, "serve", str(corpus), "--host", "0.0.0.0", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "http://0.0.0.0:" in process.stdout.readline()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "warning: listening on 0.0.0.0" in err


@needs_browser
def test_serve_entity_page_shows_identity_links_after_merge(corpus, browser, tmp_path):
    from tests.merge.docs import Doc

    later = Doc("wire-2024-0320", "Norway's special envoy Ana Castillo met the Southern Andean Front in Havana.",
                date(2024, 3, 20))
    castillo = later.person("ana castillo", "Ana Castillo", country="NOR", title="Special Envoy")
    front = later.org("southern andean front", "Southern Andean Front", "the Southern Andean Front",
                      kind="armed_group", country="COL")
    later.event("meeting-havana", "meeting", "met the Southern Andean Front", castillo, front,
                when=date(2024, 3, 19))
    both = tmp_path / "both.trig"
    dataset = Dataset()
    dataset.parse(str(corpus), format="trig")
    graph = later.graph()
    dataset.graph(graph.identifier).__iadd__(graph)
    dataset.serialize(str(both), format="trig")
    merged = tmp_path / "merged.trig"
    done = subprocess.run([KG, "merge", str(both), "-o", str(merged)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    running = Server(str(merged))
    try:
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.goto(running.url + "/entity?" + urllib.parse.urlencode({"iri": PERSON + "ana-castillo"}))
        links = page.locator("#links")
        assert links.count() == 1, page.content()[:3000]
        text = links.inner_text()
        assert "sameAs" in text or "closeMatch" in text
        # The reasons kg merge gave: the rule and its evidence.
        columns = page.evaluate("Array.from(document.querySelectorAll('#links th')).map(th => th.textContent)")
        assert {"rule", "evidence", "confidence"} <= set(columns)
        rule = columns.index("rule")
        rule_cells = page.evaluate(f"Array.from(document.querySelectorAll('#links tbody tr')).map("
                                   f"tr => tr.children[{rule}].textContent)")
        assert all(rule_cells)
        # Both documents' events are on the page of either reported node.
        assert "wire-2024-0320" in page.inner_text("#events") and OSLO in page.inner_text("#events")
        page.screenshot(path=str(tmp_path / "entity-merged.png"), full_page=True)
        page.close()
    finally:
        running.stop()


@pytest.mark.issue(14)
def test_serve_in_memory_answers_from_its_copy(store_dir, tmp_path):
    """`kg serve --store DIR --in-memory` answers the questions behind the pages as `kg query`
    does on the store, and keeps answering with the store's folder gone: it reads its copy."""
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    running = Server("--store", str(copy), "--in-memory")
    try:
        shutil.rmtree(copy)
        for name, params in (("role-holders", {"role": "Special Envoy"}), ("events-by-country", {"country": "NOR"}),
                             ("timeline-between", {"a": "Norway", "b": "Colombia"})):
            status, _, body = running.get(f"/questions/{name}?" + urllib.parse.urlencode({**params, "run": "1",
                                                                                          "format": "csv"}))
            assert status == 200, body[:500]
            got = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
            assert got == _kg_query_rows(store_dir, name, *(f"{k}={v}" for k, v in params.items())), name
            assert got, name
        status, _, body = running.get("/entity?" + urllib.parse.urlencode({"iri": PERSON + "ana-castillo"}))
        assert status == 200 and b"Ana Castillo" in body
    finally:
        running.stop()


def test_serve_in_memory_refuses_files(corpus):
    done = subprocess.run([KG, "serve", str(corpus), "--in-memory", "--port", "0"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "--in-memory copies a --store" in done.stderr
