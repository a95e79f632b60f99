"""Load and query speed on a generated graph of about a million triples shaped like kg's output.

    python bench/load_bench.py [--triples 1000000] [--runs 3] [--rdflib-cap 60] [--keep DIR]

The graph is built by kg's own mapping (``records_to_graph``) from generated, deterministic
records: many documents, each a named graph with people, countries, organisations, a place,
roles, meetings, talks, a phone call, a visit, a statement, stated and inferred mediations
and their evidence mentions.  It is written once as N-Quads into a temporary folder.

Measured:
1. ``kg load`` into a new embedded store (``kg.store.load.load_files``: checkpointed,
   transactional) against pyoxigraph's own ``Store(path).bulk_load`` of the same file,
   alternating runs, medians and their ratio; kg's load with compaction (``kg load --compact``);
   also kg's load of the same file again into the full store (every graph replaced).
2. Every shipped query's median latency on the embedded store, with rdflib's in-memory
   evaluation of the same query beside it (rdflib runs in a child process that is stopped
   when a query exceeds the cap; the table says where).
3. Loading the same file into an Oxigraph server through kg (Graph Store Protocol PUTs,
   and SPARQL updates), with the server's own bulk POST of the file as reference.

Prints a markdown table and writes it to bench/results/load.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.rdf.iris import event_iri, slug  # noqa: E402
from kg.rdf.mapping import records_to_graph  # noqa: E402
from kg.rdf.serialize import DatasetWriter  # noqa: E402
from kg.records import (  # noqa: E402
    Article,
    Country,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Organization,
    Participant,
    Person,
    Place,
    RoleHolding,
)
from kg.settings import Settings  # noqa: E402
from kg.store.embedded import EmbeddedStore  # noqa: E402
from kg.store.load import load_files  # noqa: E402
from kg.store.queries import QueryInfo, list_queries, run_query  # noqa: E402
from kg.store.remote import RemoteStore  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "load.md"
SEED = 20240312

# (alpha-3, alpha-2, name, Wikidata, capital, demonym)
COUNTRIES = [
    ("NOR", "NO", "Norway", "Q20", "Oslo", "Norwegian"),
    ("COL", "CO", "Colombia", "Q739", "Bogotá", "Colombian"),
    ("QAT", "QA", "Qatar", "Q846", "Doha", "Qatari"),
    ("EGY", "EG", "Egypt", "Q79", "Cairo", "Egyptian"),
    ("TUR", "TR", "Turkey", "Q43", "Ankara", "Turkish"),
    ("KEN", "KE", "Kenya", "Q114", "Nairobi", "Kenyan"),
    ("ETH", "ET", "Ethiopia", "Q115", "Addis Ababa", "Ethiopian"),
    ("SDN", "SD", "Sudan", "Q1049", "Khartoum", "Sudanese"),
    ("UKR", "UA", "Ukraine", "Q212", "Kyiv", "Ukrainian"),
    ("RUS", "RU", "Russia", "Q159", "Moscow", "Russian"),
    ("CHN", "CN", "China", "Q148", "Beijing", "Chinese"),
    ("USA", "US", "United States", "Q30", "Washington", "American"),
    ("FRA", "FR", "France", "Q142", "Paris", "French"),
    ("DEU", "DE", "Germany", "Q183", "Berlin", "German"),
    ("BRA", "BR", "Brazil", "Q155", "Brasília", "Brazilian"),
    ("IND", "IN", "India", "Q668", "New Delhi", "Indian"),
    ("ZAF", "ZA", "South Africa", "Q258", "Pretoria", "South African"),
    ("NGA", "NG", "Nigeria", "Q1033", "Abuja", "Nigerian"),
    ("SAU", "SA", "Saudi Arabia", "Q851", "Riyadh", "Saudi"),
    ("IRN", "IR", "Iran", "Q794", "Tehran", "Iranian"),
    ("ISR", "IL", "Israel", "Q801", "Jerusalem", "Israeli"),
    ("JOR", "JO", "Jordan", "Q810", "Amman", "Jordanian"),
    ("CHE", "CH", "Switzerland", "Q39", "Bern", "Swiss"),
    ("OMN", "OM", "Oman", "Q842", "Muscat", "Omani"),
    ("VEN", "VE", "Venezuela", "Q717", "Caracas", "Venezuelan"),
    ("MEX", "MX", "Mexico", "Q96", "Mexico City", "Mexican"),
    ("JPN", "JP", "Japan", "Q17", "Tokyo", "Japanese"),
    ("KOR", "KR", "South Korea", "Q884", "Seoul", "South Korean"),
    ("IDN", "ID", "Indonesia", "Q252", "Jakarta", "Indonesian"),
    ("ARM", "AM", "Armenia", "Q399", "Yerevan", "Armenian"),
    ("AZE", "AZ", "Azerbaijan", "Q227", "Baku", "Azerbaijani"),
    ("SRB", "RS", "Serbia", "Q403", "Belgrade", "Serbian"),
]
FIRST = ["Ana", "Tomás", "Miriam", "Amani", "Sam", "Olga", "Hassan", "Leila", "Pedro", "Ingrid",
         "Kwame", "Yuki", "Ravi", "Fatima", "Jonas", "Elena", "Omar", "Chen", "Aisha", "Marco",
         "Nadia", "Viktor", "Grace", "Tariq", "Sofia", "Ibrahim", "Lucia", "Dmitri", "Amara", "Karim"]
LAST = ["Castillo", "Ibarra", "Okafor", "Odhiambo", "Otim", "Petrenko", "Haddad", "Nasser",
        "Moreno", "Larsen", "Mensah", "Tanaka", "Sharma", "Bello", "Berg", "Popescu", "Farouk",
        "Wei", "Diallo", "Rossi", "Karimi", "Novak", "Achieng", "Aziz", "Lindqvist", "Suleiman",
        "Herrera", "Volkov", "Nwosu", "Mansour", "Kowalski", "Eriksen", "Abebe", "Demir"]
TITLES = ["Foreign Minister", "President", "Prime Minister", "Defence Minister", "Ambassador",
          "National Security Adviser", "Deputy Foreign Minister", "Chief Negotiator"]
INTERNATIONAL = [("united nations", "United Nations", "UN", "Q1065"),
                 ("african union", "African Union", "AU", "Q7159"),
                 ("european union", "European Union", "EU", "Q458"),
                 ("arab league", "Arab League", "", "Q7172")]
MEDIA = ["Radio Meridiano", "Daily Courier", "Evening Dispatch", "Wire Service", "Morning Star"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
STATUSES = ["held", "held", "held", "ongoing", "planned", "postponed", "cancelled"]


class _Text:
    """Builds an article sentence by sentence and hands out evidence spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.sentence_begin = 0
        self.sentence: list[tuple[int, int, str]] = []
        self.spans: list[Evidence] = []

    def add(self, text: str) -> tuple[int, int, str]:
        begin = self.size
        self.parts.append(text)
        self.size += len(text)
        return (begin, self.size, text)

    def mark(self, text: str) -> int:
        span = self.add(text)
        self.sentence.append(span)
        return len(self.spans) + len(self.sentence) - 1

    def end_sentence(self) -> None:
        self.add(" ")
        sentence = "".join(self.parts)[self.sentence_begin:self.size - 1]
        for begin, end, text in self.sentence:
            self.spans.append(Evidence(begin, end, text, sentence, self.sentence_begin))
        self.sentence = []
        self.sentence_begin = self.size

    @property
    def text(self) -> str:
        return "".join(self.parts).rstrip()


def generate_records(count: int, seed: int = SEED) -> Iterator[DocumentRecords]:
    """``count`` documents' records, the same for the same seed."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    for number in range(count):
        yield _document(rng, number, start + timedelta(days=number % 700))


def _document(rng: random.Random, number: int, published: date) -> DocumentRecords:
    a, b, c = rng.sample(COUNTRIES, 3)
    names = [f"{f} {last}" for f, last in zip(rng.sample(FIRST, 5), rng.sample(LAST, 5), strict=True)]
    p1, p2, p3, p4, p5 = names
    title1, title2, title4 = rng.sample(TITLES, 3)
    intl_key, intl_name, intl_short, intl_qid = rng.choice(INTERNATIONAL)
    media = rng.choice(MEDIA)
    # The envoy speaks in odd documents, a country's official in even ones.
    speaker, speaker_name = (2, p3) if number % 2 else (0, p1)
    weekday = rng.choice(WEEKDAYS)
    status = rng.choice(STATUSES)
    t = _Text()
    m: dict[str, list[int]] = {}

    def mention(key: str, text: str) -> None:
        m.setdefault(key, []).append(t.mark(text))

    # 1: a meeting
    mention("A", a[2])
    t.add("'s ")
    mention("role1", title1)
    t.add(" ")
    mention("p1", p1)
    mention("meeting", " met ")
    mention("p2", p2)
    t.add(", the ")
    mention("role2", f"{title2} of {b[2]}")
    t.add(", in ")
    mention("place", a[4])
    t.add(f" on {weekday}.")
    t.end_sentence()
    # 2: talks hosted by a mediator
    mention("p3", p3)
    t.add(" of the ")
    mention("intl", intl_name)
    mention("mediation", " hosted talks between ")
    mention("A", f"the {a[5]} government")
    t.add(" and ")
    mention("B", b[2])
    t.add(".")
    t.end_sentence()
    # 3: a phone call
    mention("p1", p1.split()[1])
    mention("call", " later spoke by phone with ")
    mention("role4", f"{c[5]} {title4}")
    t.add(" ")
    mention("p4", p4)
    t.add(".")
    t.end_sentence()
    # 4: a planned visit
    mention("p2", p2.split()[1])
    mention("visit", " will visit ")
    mention("C", c[2])
    t.add(" next month.")
    t.end_sentence()
    # 5: a statement
    t.add('"')
    mention("quote", f"The talks in {a[4]} were constructive")
    t.add(',"')
    mention(f"p{speaker + 1}", f" {speaker_name.split()[1]}")
    t.add(" told ")
    mention("media", media)
    t.add(".")
    t.end_sentence()
    # 6: an inferred mediation with unnamed parties
    t.add("Analysts said ")
    mention("p5", p5)
    mention("inferred", " may be passing messages between the two sides")
    t.add(".")
    t.end_sentence()

    text = t.text
    spans = t.spans

    def ev(key: str) -> tuple[Evidence, ...]:
        return tuple(spans[i] for i in m[key])

    doc_id = f"bench-{number:06d}"
    key = [slug(n).replace("-", " ") for n in names]
    gov = f"{a[2].lower()} government"
    day = published - timedelta(days=rng.randint(0, 3))
    confidence = [round(rng.uniform(0.5, 0.99), 2) for _ in range(10)]
    return DocumentRecords(
        article=Article(id=doc_id, text=text, published=published,
                        url=f"https://example.org/news/{doc_id}", title=f"Talks in {a[4]}"),
        persons=(
            Person(key[0], p1, p1, aliases=(p1.split()[1],), country=a[0], mentions=ev("p1")),
            Person(key[1], p2, p2, aliases=(p2.split()[1],), country=b[0], mentions=ev("p2")),
            Person(key[2], p3, p3, aliases=(p3.split()[1],), organization=intl_key,
                   mentions=ev("p3")),
            Person(key[3], p4, p4, country=c[0], mentions=ev("p4")),
            Person(key[4], p5, p5, mentions=ev("p5")),
        ),
        countries=(
            Country(a[0], a[1], a[2], a[3], ev("A")),
            Country(b[0], b[1], b[2], b[3], ev("B")),
            Country(c[0], c[1], c[2], c[3], ev("C")),
        ),
        organizations=(
            Organization(intl_key, intl_name, "international",
                         aliases=(intl_short,) if intl_short else (), wikidata=intl_qid,
                         mentions=ev("intl")),
            Organization(slug(media).replace("-", " "), media, "media", mentions=ev("media")),
            Organization(gov, f"Government of {a[2]}", "government", country=a[0]),
        ),
        places=(Place(slug(a[4]).replace("-", " "), a[4], a[0], ev("place")),),
        roles=(
            RoleHolding(key[0], title1, ev("role1")[0], of_country=a[0], confidence=confidence[0]),
            RoleHolding(key[1], title2, ev("role2")[0], of_country=b[0], confidence=confidence[1],
                        qualifier=rng.choice(["current", "current", "former", "acting"])),
            RoleHolding(key[2], "Special Envoy", ev("p3")[0], of_organization=intl_key,
                        confidence=confidence[2]),
            RoleHolding(key[3], title4, ev("role4")[0], of_country=c[0], confidence=confidence[3]),
        ),
        events=(
            Event("meeting", "meeting",
                  (Participant(EntityRef("person", key[0])), Participant(EntityRef("person", key[1]))),
                  ev("meeting"), confidence[4], status=status,
                  location=EntityRef("place", slug(a[4]).replace("-", " ")), date=day,
                  date_text=f"on {weekday}", cameo="040"),
            Event("talks", "talks",
                  (Participant(EntityRef("organization", gov)), Participant(EntityRef("country", b[0]))),
                  ev("mediation"), confidence[5], status="held",
                  location=EntityRef("place", slug(a[4]).replace("-", " ")), date=day, cameo="046"),
            Event("mediation", "mediation",
                  (Participant(EntityRef("person", key[2]), "mediator"),
                   Participant(EntityRef("organization", gov), "party"),
                   Participant(EntityRef("country", b[0]), "party")),
                  ev("mediation"), confidence[6], status="held", date=day,
                  mediation_kind="host", stated=True, concerns=("talks",)),
            Event("call", "phone_call",
                  (Participant(EntityRef("person", key[0])), Participant(EntityRef("person", key[3]))),
                  ev("call"), confidence[7], status="held", cameo="040"),
            Event("visit", "visit",
                  (Participant(EntityRef("person", key[1]), "visitor"),
                   Participant(EntityRef("country", c[0]), "host")),
                  ev("visit"), confidence[8], status="planned", date_text="next month"),
            Event("statement", "statement",
                  (Participant(EntityRef("person", key[speaker]), "speaker"),),
                  ev("quote"), 0.8, content=spans[m["quote"][0]].text,
                  reported_by=EntityRef("organization", slug(media).replace("-", " "))),
            Event("inferred", "mediation",
                  (Participant(EntityRef("person", key[4]), "mediator"),),
                  ev("inferred"), confidence[9], status="ongoing", mediation_kind="intermediary",
                  stated=False, reason="passing messages between the sides",
                  parties_unnamed="the two sides"),
        ),
        model="en_core_web_sm 3.8.0",
    )


def write_dataset(path: Path, triples: int, seed: int = SEED) -> tuple[int, int]:
    """Write documents as N-Quads until about ``triples`` quads; (documents, quads)."""
    settings = Settings()
    with DatasetWriter(path, "nquads") as writer:
        for records in generate_records(10**9, seed):
            writer.add(records_to_graph(records, settings))
            if writer.triples >= triples:
                break
    return writer.graphs, writer.triples


# -- measurements --------------------------------------------------------------------------


def _timed(action) -> float:  # noqa: ANN001
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _pyoxigraph_load(data: Path, folder: Path) -> None:
    store = ox.Store(str(folder))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


def _kg_load(data: Path, folder: Path) -> None:
    with EmbeddedStore(folder) as store:
        load_files(store, [data])


def _kg_load_compact(data: Path, folder: Path) -> None:
    with EmbeddedStore(folder) as store:
        load_files(store, [data], compact=True)


def measure_loads(data: Path, work: Path, runs: int) -> dict[str, float]:
    """Alternating runs (which goes first rotates too), the file already in the page cache."""
    ox_times, kg_times, compact_times = [], [], []
    with open(data, "rb") as warm:
        while warm.read(1 << 24):
            pass
    for run in range(runs):
        order = [("ox", _pyoxigraph_load, ox_times), ("kg", _kg_load, kg_times),
                 ("kg-compact", _kg_load_compact, compact_times)]
        order = order[run % 3:] + order[:run % 3]
        for name, loader, times in order:
            folder = work / f"{name}-{run}"
            times.append(_timed(lambda: loader(data, folder)))  # noqa: B023
            if not (name == "kg" and run == runs - 1):
                shutil.rmtree(folder)
            print(f"  load run {run + 1}: {name} {times[-1]:.2f} s", file=sys.stderr)
    store_dir = work / f"kg-{runs - 1}"
    with EmbeddedStore(store_dir) as store:
        reload = _timed(lambda: load_files(store, [data]))
        quads = len(store)
    return {"ox": statistics.median(ox_times), "kg": statistics.median(kg_times),
            "compact": statistics.median(compact_times), "compact_all": compact_times,
            "ox_all": ox_times, "kg_all": kg_times, "reload": reload, "quads": quads,
            "store": store_dir}


def bindings_for(info: QueryInfo) -> dict[str, str]:
    """Values for a query's required parameters that the generated data holds (the first
    document's, so they are in the data whatever its size)."""
    first = next(generate_records(1))
    someone = first.persons[0].label
    mediation = str(event_iri(first.article.id, "mediation"))
    country = first.countries[0]  # the first person (the speaker) acts for it; talks with the second
    known = {"person": someone, "country": country.code, "a": country.name, "b": first.countries[1].name,
             "role": "Foreign Minister", "fact": mediation}
    by_type = {"string": "Norway", "name": "Norway", "decimal": "0.5", "integer": "1", "date": "2023-06-01",
               "iri": "https://w3id.org/kg-news/id/country/NOR"}
    return {p.name: known.get(p.name, by_type[p.type]) for p in info.parameters if not p.optional}


def _kg_query_child(store_dir: str, name: str, runs: int, budget: float, out: mp.Queue) -> None:
    info = {i.name: i for i in list_queries()}[name]
    bindings = bindings_for(info)
    spent = 0.0
    with EmbeddedStore(store_dir, read_only=True) as store:
        for _ in range(runs):
            started = time.perf_counter()
            count = len(run_query(info, store.store, bindings).rows)
            seconds = time.perf_counter() - started
            out.put((seconds, count))
            spent += seconds
            if spent > budget:
                break
    out.put(None)


def measure_queries(store_dir: Path, runs: int, cap: float, budget: float = 30.0) -> list[dict]:
    """Each shipped query's median over ``runs`` runs (fewer once ``budget`` s are spent),
    in a child process that is stopped if one run takes longer than ``cap`` s."""
    context = mp.get_context("spawn")
    rows = []
    for info in list_queries():
        results: queue.Queue = context.Queue()
        child = context.Process(target=_kg_query_child,
                                args=(str(store_dir), info.name, runs, budget, results), daemon=True)
        child.start()
        times, count, stopped = [], 0, False
        try:
            while True:
                try:
                    message = results.get(timeout=cap + 30)  # + the child's start
                except queue.Empty:
                    stopped = True
                    break
                if message is None:
                    break
                times.append(message[0])
                count = message[1]
        finally:
            if child.is_alive():
                child.kill()
            child.join()
        row = {"name": info.name, "bindings": bindings_for(info), "rows": count,
               "median": statistics.median(times) if times else None, "runs": len(times),
               "stopped": stopped and not times}
        rows.append(row)
        shown = f"{row['median'] * 1000:.1f} ms" if times else f"stopped after {cap:.0f} s"
        print(f"  {info.name}: {shown}, {count} rows, {len(times)} runs", file=sys.stderr)
    return rows


def _rdflib_child(data: str, names: list[str], out: mp.Queue) -> None:
    from rdflib import Dataset, Literal, URIRef, Variable
    from rdflib.namespace import XSD

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    out.put(("loaded", time.perf_counter() - started))
    infos = {info.name: info for info in list_queries()}
    for name in names:
        info = infos[name]
        bindings = {}
        for parameter in info.parameters:
            value = bindings_for(info).get(parameter.name)
            if value is None:
                continue
            datatype = {"decimal": XSD.decimal, "integer": XSD.integer, "date": XSD.date}.get(parameter.type)
            term = URIRef(value) if parameter.type == "iri" else Literal(value, datatype=datatype)
            bindings[Variable(parameter.name)] = term
        started = time.perf_counter()
        count = len(list(dataset.query(info.text, initBindings=bindings)))
        out.put(("query", name, time.perf_counter() - started, count))
    out.put(("done",))


def measure_rdflib(data: Path, names: list[str], cap: float) -> dict:
    """rdflib timings by query name, each query given ``cap`` seconds (parsing not counted).

    One child process parses the file and runs the queries in turn; when a query runs past
    the cap the child is stopped, the query recorded as stopped, and a new child parses the
    file again for the queries after it.
    """
    context = mp.get_context("spawn")
    outcome: dict = {"queries": {}, "stopped": [], "parses": []}
    remaining = list(names)
    while remaining:
        results: queue.Queue = context.Queue()
        child = context.Process(target=_rdflib_child, args=(str(data), remaining, results), daemon=True)
        child.start()
        try:
            _, parse = results.get(timeout=1800)
            outcome["parses"].append(parse)
            print(f"  rdflib parsed the file in {parse:.1f} s", file=sys.stderr)
            while remaining:
                name = remaining.pop(0)
                try:
                    _, got, seconds, count = results.get(timeout=cap)
                except queue.Empty:
                    outcome["stopped"].append(name)
                    print(f"  rdflib: {name} stopped after {cap:.0f} s", file=sys.stderr)
                    break
                outcome["queries"][got] = {"seconds": seconds, "rows": count}
                print(f"  rdflib: {got} {seconds:.2f} s, {count} rows", file=sys.stderr)
        finally:
            if child.is_alive():
                child.kill()
            child.join()
    outcome["parse"] = statistics.median(outcome["parses"]) if outcome["parses"] else float("nan")
    return outcome


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


class OxigraphServer:
    def __init__(self, binary: str, folder: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the Oxigraph server did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def measure_server(data: Path, work: Path) -> dict | None:
    binary = _oxigraph_binary()
    if binary is None:
        return None
    out: dict = {}
    for label in ("gsp", "update", "post"):
        folder = work / f"server-{label}"
        server = OxigraphServer(binary, folder)
        try:
            base = server.base
            if label == "post":
                request = urllib.request.Request(f"{base}/store", data=data.read_bytes(), method="POST",
                                                 headers={"Content-Type": "application/n-quads"})
                out[label] = _timed(lambda: urllib.request.urlopen(request, timeout=3600).read())  # noqa: B023
            else:
                if label == "gsp":  # no update endpoint: one PUT per graph
                    remote = RemoteStore(f"{base}/query", graph_store_url=f"{base}/store")
                else:
                    remote = RemoteStore(f"{base}/query", update_url=f"{base}/update")
                out[label] = _timed(lambda: load_files(remote, [data]))  # noqa: B023
                count = remote.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
                out[f"{label}_quads"] = int(count.rows[0]["n"])
        finally:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        print(f"  server load ({label}): {out[label]:.2f} s", file=sys.stderr)
    return out


# -- report --------------------------------------------------------------------------------


def report(args: argparse.Namespace, generated: dict, loads: dict, queries: list[dict],
           rdflib_out: dict, server: dict | None) -> str:
    lines = [
        "# kg load and query benchmark",
        "",
        f"Generated by `python bench/load_bench.py --triples {args.triples} --runs {args.runs} "
        f"--rdflib-cap {args.rdflib_cap:g} --query-cap {args.query_cap:g}`; "
        f"{platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}.",
        "",
        f"Data: {generated['documents']} documents (named graphs), {generated['quads']} quads "
        f"({generated['bytes'] / 1e6:.0f} MB of N-Quads), generated through kg's mapping in "
        f"{generated['seconds']:.1f} s.",
        "",
        "## Loading into the embedded store (on disk)",
        "",
        "| load | median (s) | runs (s) |",
        "|---|---:|---|",
        f"| pyoxigraph `Store(path).bulk_load` | {loads['ox']:.2f} | "
        f"{', '.join(f'{t:.2f}' for t in loads['ox_all'])} |",
        f"| kg `load_files` (transactional) | {loads['kg']:.2f} | "
        f"{', '.join(f'{t:.2f}' for t in loads['kg_all'])} |",
        f"| kg `load_files` again into the full store (replaces every graph) | {loads['reload']:.2f} | |",
        f"| kg `load_files(compact=True)` (`kg load --compact`: the store compacted too) | {loads['compact']:.2f} | "
        f"{', '.join(f'{t:.2f}' for t in loads['compact_all'])} |",
        "",
        f"**Ratio kg / pyoxigraph: {loads['kg'] / loads['ox']:.2f}** (target ≤ 1.2); with compaction "
        f"{loads['compact'] / loads['ox']:.2f}.",
        "",
        "## Shipped queries: embedded store vs rdflib in memory",
        "",
        f"rdflib parsed the N-Quads into a `Dataset(default_union=True)` in "
        f"{rdflib_out['parse']:.1f} s (median of {len(rdflib_out['parses'])} parses; not counted "
        f"below); each query ran once, with its parameters bound by `initBindings`, and was "
        f"stopped after {args.rdflib_cap:g} s.",
        "",
        "| query | parameters | kg median (ms) | rows | rdflib (s) | rdflib rows |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in queries:
        name = row["name"]
        done = rdflib_out["queries"].get(name)
        if done is not None:
            rdflib_cell, rdflib_rows = f"{done['seconds']:.2f}", str(done["rows"])
        elif name in rdflib_out["stopped"]:
            rdflib_cell, rdflib_rows = f"stopped after {args.rdflib_cap:g} s", "–"
        else:
            rdflib_cell, rdflib_rows = "not run", "–"
        params = ", ".join(f"{k}={v}" for k, v in row["bindings"].items()) or "–"
        if row["median"] is None:
            kg_cell, kg_rows = f"stopped after {args.query_cap:g} s", "–"
        else:
            kg_cell, kg_rows = f"{row['median'] * 1000:.1f} ({row['runs']} runs)", str(row["rows"])
        lines.append(f"| {name} | {params} | {kg_cell} | {kg_rows} | {rdflib_cell} | {rdflib_rows} |")
    lines += ["", "## Loading into an Oxigraph server through kg", ""]
    if server is None:
        lines.append("Skipped: no `oxigraph` binary (pip install oxigraph).")
    else:
        lines += [
            "| path | seconds |",
            "|---|---:|",
            f"| kg `load_files`, Graph Store Protocol only (one PUT per graph) | {server['gsp']:.2f} |",
            f"| kg `load_files`, SPARQL updates (≤ 16 MiB each; kg's choice when it has an "
            f"update endpoint) | {server['update']:.2f} |",
            f"| reference: the whole file in one POST to `/store` (not replacing graphs) | "
            f"{server['post']:.2f} |",
            "",
            f"Quads in the server afterwards: {server['gsp_quads']} (GSP), {server['update_quads']} "
            "(updates).",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="load runs and query runs (medians)")
    parser.add_argument("--rdflib-cap", type=float, default=60.0,
                        help="seconds one rdflib query may take before it is stopped")
    parser.add_argument("--query-cap", type=float, default=180.0,
                        help="seconds one run of a query may take on the embedded store")
    parser.add_argument("--keep", type=Path, help="keep the generated file and stores here")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/results/load.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-load-bench-", dir=args.keep))
    try:
        data = work / "bench.nq"
        print(f"generating about {args.triples} triples into {data}", file=sys.stderr)
        started = time.perf_counter()
        documents, quads = write_dataset(data, args.triples)
        generated = {"documents": documents, "quads": quads, "bytes": data.stat().st_size,
                     "seconds": time.perf_counter() - started}
        print("loading", file=sys.stderr)
        loads = measure_loads(data, work, args.runs)
        print("querying", file=sys.stderr)
        queries = measure_queries(loads["store"], max(args.runs, 5), args.query_cap)
        print("rdflib", file=sys.stderr)
        rdflib_out = measure_rdflib(data, [q["name"] for q in queries], args.rdflib_cap)
        print("server", file=sys.stderr)
        server = measure_server(data, work)
        text = report(args, generated, loads, queries, rdflib_out, server)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
