"""GDELT 2.0 event exports -> kg graphs: actors, CAMEO codes, places, row evidence, rows put
together, malformed rows named by line; then merged with kg's own documents.

The rows in tests/fixtures/gdelt/ are written for these tests in GDELT 2.0's 61-column layout.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
import typer
from rdflib import RDF, Dataset, Literal, URIRef
from typer.testing import CliRunner

from kg.cli.merge import register
from kg.errors import InputError
from kg.merge import canonical_nquads, merge_datasets
from kg.rdf.ontology import validate
from kg.rdf.serialize import to_quads
from kg.settings import Settings
from kg.sources.gdelt import (
    COLUMNS,
    cameo_country,
    fips_country,
    import_gdelt,
    parse_row,
    read_rows,
)
from kg.store.queries import load_query, run_query
from kg.vocab import KG

FIXTURES = Path(__file__).parent / "fixtures" / "gdelt"
EXPORT = FIXTURES / "20220227.export.CSV"  # with two malformed rows (lines 7 and 12)
CLEAN = FIXTURES / "clean.export.CSV"
BASE = Settings().base_iri
U = "https://news.example/"


@pytest.fixture(scope="module")
def graphs() -> dict[str, object]:
    return {str(g.identifier): g for g in import_gdelt(CLEAN)}


def graph_for(graphs: dict, slug: str):  # noqa: ANN201
    found = [g for name, g in graphs.items() if f"/gdelt-https-news-example-{slug}-" in name]
    assert len(found) == 1, (slug, list(graphs))
    return found[0]


def events_in(graph) -> list[URIRef]:  # noqa: ANN001
    classes = (KG.Meeting, KG.Talks, KG.PhoneCall, KG.Visit, KG.Mediation, KG.Event)
    return sorted({s for c in classes for s in graph.subjects(RDF.type, c)})


def test_gdelt_layout_has_61_columns():
    assert len(COLUMNS) == 61
    assert COLUMNS[0] == "GlobalEventID" and COLUMNS[26] == "EventCode" and COLUMNS[-1] == "SOURCEURL"
    for path in (EXPORT, CLEAN):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert len(line.split("\t")) in (61, 58)  # the fixture's short row has 58


def test_gdelt_code_tables():
    assert fips_country("RS") == "RUS" and fips_country("RI") == "SRB"  # FIPS, not ISO
    assert fips_country("UP") == "UKR" and fips_country("GM") == "DEU" and fips_country("UK") == "GBR"
    assert fips_country("OS") is None and fips_country("XX") is None
    assert cameo_country("UKR") == "UKR" and cameo_country("ROM") == "ROU"
    assert cameo_country("AFR") is None and cameo_country("WSB") == "PSE" and cameo_country("") is None


# -- malformed rows ------------------------------------------------------------------------


def test_gdelt_malformed_row_raises_with_file_and_line():
    with pytest.raises(InputError) as caught:
        list(import_gdelt(EXPORT))
    assert str(caught.value) == f"{EXPORT}, line 7: SQLDATE '2022022X' is not a date (YYYYMMDD)"


def test_gdelt_skip_reports_every_malformed_row_and_keeps_the_rest():
    errors: list[InputError] = []
    graphs = list(import_gdelt(EXPORT, on_error="skip", report=errors.append))
    assert [(e.line, e.reason) for e in errors] == [
        (7, "SQLDATE '2022022X' is not a date (YYYYMMDD)"),
        (12, "expected 61 tab-separated columns (a GDELT 2.0 event export), found 58"),
    ]
    clean = list(import_gdelt(CLEAN))
    assert len(graphs) == len(clean) == 7
    # 13 good rows in the file, 13 row mentions in the graphs: none dropped silently.
    assert sum(len(set(g.subjects(KG.recordId, None))) for g in graphs) == 13


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({0: "x12"}, "GlobalEventID 'x12' is not a number"),
        ({26: "04x"}, "EventCode '04x' is not a CAMEO event code (two to four digits)"),
        ({59: "2022"}, "DATEADDED '2022' is not a timestamp (YYYYMMDDHHMMSS)"),
        ({60: ""}, "no SOURCEURL: the row names no source article"),
        ({51: "9"}, "ActionGeo_Type '9' is not a GDELT geography type (0-5)"),
        ({5: "", 6: "", 15: "", 16: ""}, "neither Actor1 nor Actor2 is coded"),
    ],
)
def test_gdelt_row_checks(change, reason):
    fields = CLEAN.read_text(encoding="utf-8").splitlines()[0].split("\t")
    for index, value in change.items():
        fields[index] = value
    with pytest.raises(InputError) as caught:
        parse_row(fields, "f.CSV", 3)
    assert str(caught.value) == f"f.CSV, line 3: {reason}"


def test_gdelt_repeated_event_id_is_an_error(tmp_path):
    line = CLEAN.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "dup.export.CSV"
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    errors: list[InputError] = []
    assert len(read_rows(path, on_error="skip", report=errors.append)) == 1
    assert [str(e) for e in errors] == [f"{path}, line 2: GlobalEventID 1037201001 repeats line 1"]


# -- rows put together ----------------------------------------------------------------------


def test_gdelt_reciprocal_rows_are_one_meeting(graphs):
    graph = graph_for(graphs, "talks-gomel")
    [event] = events_in(graph)
    assert (event, RDF.type, KG.Meeting) in graph
    assert set(graph.objects(event, KG.participant)) == {URIRef(BASE + "country/UKR"), URIRef(BASE + "country/RUS")}
    assert {str(graph.value(m, KG.recordId)) for m in graph.objects(event, KG.evidence)} == {"1037201001", "1037201002"}
    assert graph.value(event, KG.cameoCode) == Literal("044")
    assert graph.value(event, KG.date) == Literal(date(2022, 2, 27))
    place = graph.value(event, KG.location)
    assert graph.value(place, KG.locatedIn) == URIRef(BASE + "country/BLR")  # FIPS BO is Belarus


def test_gdelt_visit_and_hosting_are_one_visit(graphs):
    graph = graph_for(graphs, "warsaw-visit")
    [event] = events_in(graph)
    assert (event, RDF.type, KG.Visit) in graph
    visitor, host = graph.value(event, KG.visitor), graph.value(event, KG.host)
    label = graph.value(visitor, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    assert label == Literal("Volodymyr Zelensky", lang="en")
    assert host == URIRef(BASE + "country/POL")
    assert graph.value(event, KG.cameoCode) == Literal("042")
    assert len(set(graph.objects(event, KG.evidence))) == 2
    assert set(graph.objects(visitor, KG.cameoActorCode)) == {Literal("UKRGOV")}
    assert set(graph.objects(visitor, KG.cameoActorType)) == {Literal("GOV")}
    assert graph.value(visitor, KG.actsFor) == URIRef(BASE + "country/UKR")


def test_gdelt_three_mediate_rows_are_one_mediation_with_all_parties(graphs):
    graph = graph_for(graphs, "istanbul-mediation")
    [event] = events_in(graph)
    assert (event, RDF.type, KG.Mediation) in graph
    assert set(graph.objects(event, KG.mediator)) == {URIRef(BASE + "country/TUR")}
    parties = {URIRef(BASE + c) for c in ("country/UKR", "country/RUS", "country/BLR")}
    assert set(graph.objects(event, KG.party)) == parties
    assert len(set(graph.objects(event, KG.evidence))) == 3
    assert graph.value(event, KG.partiesUnnamed) is None


def test_gdelt_title_actor_is_an_office_holder_with_a_role(graphs):
    graph = graph_for(graphs, "phone-call")
    [event] = events_in(graph)
    assert (event, RDF.type, KG.PhoneCall) in graph
    labels = {str(graph.value(p, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
              for p in graph.objects(event, KG.participant)}
    assert labels == {"President of Ukraine", "Emmanuel Macron"}
    assert len(set(graph.subjects(RDF.type, KG.RoleHolding))) == 1


def test_gdelt_other_codes_are_generic_events_with_their_code(graphs):
    graph = graph_for(graphs, "fighting")
    events = events_in(graph)
    assert {str(graph.value(e, KG.cameoCode)) for e in events} == {"190", "036"}
    assert all((e, RDF.type, KG.Event) in graph for e in events)
    moscow = next(graph.value(e, KG.location) for e in events if str(graph.value(e, KG.cameoCode)) == "036")
    assert graph.value(moscow, KG.locatedIn) == URIRef(BASE + "country/RUS")  # FIPS RS is Russia
    romania = next(o for e in events for o in graph.objects(e, KG.participant) if "rou" in str(o))
    assert graph.value(romania, KG.ofCountry) == URIRef(BASE + "country/ROU")  # CAMEO ROM is Romania
    assert (romania, RDF.type, KG.Government) in graph


def test_gdelt_known_organisation_uses_kg_table(graphs):
    graph = graph_for(graphs, "un-hosts")
    [event] = events_in(graph)
    assert set(graph.objects(event, KG.host)) == {URIRef(BASE + "org/united-nations")}
    types = set(graph.objects(URIRef(BASE + "org/united-nations"), KG.cameoActorType))
    assert types == {Literal("IGO"), Literal("UNO")}


def test_gdelt_row_evidence_has_no_text_span(graphs):
    graph = graph_for(graphs, "talks-gomel")
    mention = next(iter(graph.subjects(KG.recordId, Literal("1037201001"))))
    assert str(mention).endswith("/gdelt-1037201001")
    assert graph.value(mention, KG.sourceFile) == Literal("clean.export.CSV")
    assert graph.value(mention, KG.sourceLine).toPython() == 1
    assert graph.value(mention, KG.begin) is None and graph.value(mention, KG.quote) is None
    doc = graph.value(mention, KG.source)
    assert str(graph.value(doc, URIRef("https://schema.org/url"))) == U + "talks-gomel"
    assert str(graph.value(doc, URIRef("http://purl.org/dc/terms/identifier"))) == "gdelt:" + U + "talks-gomel"


def test_gdelt_graphs_conform_to_the_shapes(graphs):
    dataset = Dataset()
    for graph in graphs.values():
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    report = validate(dataset)
    assert report.conforms, report.text


def test_gdelt_import_is_deterministic():
    first = [sorted(to_quads(g), key=str) for g in import_gdelt(CLEAN)]
    second = [sorted(to_quads(g), key=str) for g in import_gdelt(CLEAN)]
    assert first == second


# -- merged with other sources ------------------------------------------------------------------


def test_gdelt_merge_with_text(graphs, text_doc):
    store = merge_datasets([*graphs.values(), text_doc.graph()])
    rows = run_query(load_query("meetings"), store).rows
    gomel = {r["event"] for r in rows if r["placeLabel"] == "Gomel"}
    assert len(gomel) == 1  # two articles' rows, one meeting
    assert {r["documentId"] for r in rows if r["event"] in gomel} == {
        "gdelt:" + U + "talks-gomel", "gdelt:" + U + "gomel-second-report"}
    zelensky = {r["participant"] for r in rows if "Zelensk" in (r["participantLabel"] or "")}
    assert len(zelensky) == 1  # GDELT's actor and the text's person are one
    mediations = run_query(load_query("mediations"), store).rows
    assert {r["partyLabel"] for r in mediations} == {"Ukraine", "Russia", "Belarus"}


@pytest.fixture()
def text_doc():  # noqa: ANN201
    import importlib.util
    import sys

    name = "kg_merge_test_docs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / "merge" / "docs.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    doc = sys.modules[name].Doc("text-1", "President Zelensky arrived in Warsaw.", date(2022, 2, 27))
    doc.person("zelensky", "President Zelensky", country="UKR", title="President")
    return doc


# -- the commands ---------------------------------------------------------------------------


@pytest.fixture()
def runner_app():  # noqa: ANN201
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """kg."""

    register(app)
    return app


def test_gdelt_cli_import_and_merge(tmp_path, runner_app):
    runner = CliRunner()
    out = tmp_path / "gdelt.trig"
    result = runner.invoke(runner_app, ["import", "gdelt", str(EXPORT), "-o", str(out)])
    assert result.exit_code != 0 and not out.exists()
    result = runner.invoke(runner_app, ["import", "gdelt", str(EXPORT), "-o", str(out), "--on-error", "skip"])
    assert result.exit_code == 0, result.output
    assert f"{EXPORT}, line 7:" in result.output and "2 row(s) skipped" in result.output
    canonical = tmp_path / "all.nq"
    result = runner.invoke(runner_app, ["merge", str(out), "-o", str(canonical), "--canonical"])
    assert result.exit_code == 0, result.output
    store = merge_datasets(list(import_gdelt(EXPORT, on_error="skip", report=lambda e: None)))
    assert canonical.read_bytes() == canonical_nquads(store)
    store_dir = tmp_path / "store"
    result = runner.invoke(runner_app, ["merge", str(out), "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(runner_app, ["merge", str(out), "--store", str(store_dir)])
    assert "0 document(s) added, 0 replaced, 7 unchanged" in result.output
    loaded = ox.Store(str(tmp_path / "store"))
    assert canonical_nquads(loaded) == canonical.read_bytes()
