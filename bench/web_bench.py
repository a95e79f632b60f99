"""Page and endpoint latency of ``kg serve`` on a generated store of about a million triples.

    python bench/web_bench.py [--triples 1000000] [--runs 5] [--keep DIR] [--in-memory] [--output FILE]

The data is load_bench's (kg's own mapping over generated documents), bulk-loaded into an
embedded store; a real ``kg serve --store`` process answers real HTTP requests.  The server
computes the mediation network's rows once, in the background, when it starts: the first
measurement waits for that (the time is reported), then each page is fetched ``--runs``
times and the median kept.  With ``--in-memory`` the server is ``kg serve --store DIR --in-memory`` (the
store copied into memory at start-up; the time until it answers is reported).  Writes bench/results/web.md
(or ``--output``).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_bench import bindings_for, generate_records, write_dataset  # noqa: E402

from kg.rdf.iris import document_iri, person_iri  # noqa: E402
from kg.store.queries import load_query  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "web.md"


def fetch(url: str) -> tuple[float, int, int]:
    """Seconds, HTTP status and body size of one GET (an error status is a result too)."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return time.perf_counter() - start, status, len(body)


def pages() -> list[tuple[str, str]]:
    first = next(generate_records(1))
    person = first.persons[0]
    timeline = bindings_for(load_query("timeline-between"))
    meetings = bindings_for(load_query("meetings-of"))
    country = bindings_for(load_query("events-by-country"))
    entity = str(person_iri(first.article.id, person.key))
    sparql = "SELECT ?m ?p WHERE { ?m a <https://w3id.org/kg-news/ontology/kg#Mediation> ; " \
             "<https://w3id.org/kg-news/ontology/kg#mediator> ?p } LIMIT 100"
    return [
        ("home", "/"),
        ("mediation network", "/mediations"),
        ("mediation network, filtered", "/mediations?minConfidence=0.8&status=held"),
        ("timeline of a person (meetings-of)", "/timeline?" + urllib.parse.urlencode({"person": meetings["person"]})),
        ("timeline of a country (events-by-country)",
         "/timeline?" + urllib.parse.urlencode({"country": country["country"]})),
        ("entity page of a country", "/entity?" + urllib.parse.urlencode(
            {"iri": f"https://w3id.org/kg-news/id/country/{country['country']}"})),
        ("timeline of a pair (timeline-between)",
         "/timeline?" + urllib.parse.urlencode({"a": timeline["a"], "b": timeline["b"]})),
        ("entity page", "/entity?" + urllib.parse.urlencode({"iri": entity})),
        ("document page", "/document?" + urllib.parse.urlencode({"id": first.article.id})),
        ("documents", "/documents"),
        ("questions", "/questions"),
        ("question form run (role-holders)", "/questions/role-holders?run=1&role=Foreign+Minister"),
        ("SPARQL endpoint (100 mediations)", "/sparql?" + urllib.parse.urlencode({"query": sparql})),
        ("SPARQL endpoint (document IRI look-up)", "/sparql?" + urllib.parse.urlencode(
            {"query": f"ASK {{ <{document_iri(first.article.id)}> ?p ?o }}"})),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse (or keep) the store in this folder")
    parser.add_argument("--in-memory", action="store_true", help="serve a copy of the store held in memory")
    parser.add_argument("--output", type=Path, default=RESULTS, help="the markdown file to write")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-web-bench-"))
    store_dir = args.keep or work / "store"
    if not store_dir.exists():
        data = work / "data.nq"
        write_dataset(data, args.triples)
        ox.Store(str(store_dir)).bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    quads = len(ox.Store.read_only(str(store_dir)))
    kg = str(Path(sys.executable).with_name("kg"))
    launched = time.perf_counter()
    server = subprocess.Popen([kg, "serve", "--store", str(store_dir), "--port", "0",
                               *(["--in-memory"] if args.in_memory else [])], stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
        listening = time.perf_counter() - launched
        started = time.perf_counter()
        fetch(base + "/mediations")  # waits for the rows computed at start-up
        warm = time.perf_counter() - started
        rows = []
        for name, path in pages():
            times, status, size = [], 0, 0
            for _ in range(args.runs):
                took, status, size = fetch(base + path)
                times.append(took)
            rows.append((name, path, statistics.median(times) * 1000, max(times) * 1000, status, size))
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [
        "# kg serve: page latency at a million triples", "",
        f"Generated by `python bench/web_bench.py --triples {args.triples} --runs {args.runs}"
        f"{' --in-memory' if args.in_memory else ''}`; "
        f"{platform.platform()}, Python {platform.python_version()}, pyoxigraph {ox.__version__}.", "",
        f"Store: {quads} quads (load_bench's generated documents), embedded, "
        + ("copied into memory by `kg serve --in-memory`" if args.in_memory else "opened read-only by `kg serve`")
        + f"; the server listened {listening:.1f} s after it was started.",
        f"The mediation network's rows are computed once when the server starts: the first `/mediations` "
        f"answered {warm:.1f} s after start-up; later requests filter those rows.", "",
        "| page | median (ms) | slowest (ms) | status | bytes |", "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {name} | {median:.0f} | {slowest:.0f} | {status} | {size} |"
              for name, _path, median, slowest, status, size in rows]
    args.output.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
