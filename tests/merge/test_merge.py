"""merge_datasets as a whole: documents unchanged, canonical output byte-stable across runs and
input orders, incremental and idempotent merging, the shipped questions over canonical entities,
the shapes, and writing the result."""

from __future__ import annotations

import itertools
from datetime import date

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.errors import KgError
from kg.merge import Merger, canonical_nquads, links_graph_iri, merge_datasets, merge_to, write_store
from kg.rdf.ontology import validate
from kg.rdf.serialize import to_quads, write_graphs
from kg.settings import Settings
from kg.store.queries import list_queries, load_query, run_query
from tests.merge.docs import Doc

BASE = Settings().base_iri
LINKS = ox.NamedNode(links_graph_iri(BASE))


def corpus() -> list[Doc]:
    """Five short reports: name variants, shared and unshared people, a repeated and a distinct
    meeting, a mediation told twice, a namesake in another country."""
    docs = []
    d = Doc("kyiv-1", "President Zelensky met Emmanuel Macron in Kyiv. Qatar mediated between Israel and Egypt.",
            date(2024, 3, 4))
    kyiv = d.place("kyiv", "Kyiv", "Kyiv", "UKR")
    d.event("meeting", "meeting", "met Emmanuel Macron in Kyiv",
            d.person("zelensky", "President Zelensky", country="UKR", title="President"),
            d.person("macron", "Emmanuel Macron", country="FRA"), when=date(2024, 3, 4), location=kyiv)
    d.event("mediation", "mediation", "Qatar mediated between Israel and Egypt", (d.country("QAT"), "mediator"),
            (d.country("ISR"), "party"), (d.country("EGY"), "party"), when=date(2024, 3, 3),
            mediation_kind="mediator", stated=True)
    docs.append(d)
    d = Doc("wire-2", "Volodymyr Zelenskyy and French President Macron met in Kyiv on Monday.", date(2024, 3, 5))
    kyiv = d.place("kyiv", "Kyiv", "Kyiv", "UKR")
    d.event("meeting", "meeting", "met in Kyiv on Monday", d.person("zelenskyy", "Volodymyr Zelenskyy", country="UKR"),
            d.person("macron", "Macron", country="FRA", title="President"), when=date(2024, 3, 4), location=kyiv)
    docs.append(d)
    d = Doc("wire-3", "Zelenskiy and Macron met again in Paris on Friday.", date(2024, 3, 9))
    paris = d.place("paris", "Paris", "Paris", "FRA")
    d.event("meeting", "meeting", "met again in Paris on Friday", d.person("zelenskiy", "Zelenskiy", country="UKR"),
            d.person("macron", "Macron", country="FRA"), when=date(2024, 3, 8), location=paris)
    docs.append(d)
    d = Doc("gulf-4", "Qatar brokered talks between Israel and Egypt, said Foreign Minister Ahmed Ali.",
            date(2024, 3, 3))
    d.event("mediation", "mediation", "Qatar brokered talks between Israel and Egypt", (d.country("QAT"), "mediator"),
            (d.country("ISR"), "party"), (d.country("EGY"), "party"), when=date(2024, 3, 3),
            mediation_kind="broker", stated=True)
    d.person("ali", "Ahmed Ali", country="QAT", title="Foreign Minister")
    docs.append(d)
    d = Doc("horn-5", "Ahmed Ali of Somalia spoke.", date(2024, 3, 3))
    d.person("ali", "Ahmed Ali", country="SOM")
    docs.append(d)
    return docs


def graphs() -> list:
    return [d.graph() for d in corpus()]


def documents_of(store: ox.Store) -> dict[str, set[ox.Quad]]:
    return {g.value: set(store.quads_for_pattern(None, None, None, g))
            for g in store.named_graphs() if g != LINKS}


def test_merge_keeps_each_document_graph_unchanged():
    inputs = graphs()
    store = merge_datasets(inputs)
    alone = ox.Store()  # (a pyoxigraph store writes "0.80"^^xsd:decimal as "0.8")
    for graph in inputs:
        alone.extend(to_quads(graph))
    assert documents_of(store) == documents_of(alone)
    assert any(True for _ in store.quads_for_pattern(None, None, None, LINKS))


def test_merge_canonical_output_is_byte_identical_across_orders_and_runs():
    inputs = graphs()
    outputs = {canonical_nquads(merge_datasets(list(order))) for order in itertools.permutations(inputs)}
    assert len(outputs) == 1
    data = outputs.pop()
    assert data == canonical_nquads(merge_datasets(graphs()))
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines) and all(line.endswith(" .") for line in lines)
    assert b"_:" not in data


def test_merge_incremental_equals_merging_everything_at_once():
    inputs = graphs()
    expected = canonical_nquads(merge_datasets(inputs))
    for order in ([4, 2, 0, 3, 1], [1, 0, 2, 4, 3]):
        store = ox.Store()
        for i in order:
            merge_datasets([inputs[i]], store=store)
        assert canonical_nquads(store) == expected


def test_merge_same_input_twice_changes_nothing():
    inputs = graphs()
    store = merge_datasets(inputs)
    before = canonical_nquads(store)
    merger = Merger(store)
    for graph in inputs:
        merger.add(graph)
    report = merger.commit()
    assert not report.changed
    assert report.documents_unchanged == len(inputs)
    assert report.entity_blocks == report.event_blocks == 0
    assert canonical_nquads(store) == before


def test_merge_one_new_document_touches_only_what_it_mentions():
    inputs = graphs()
    store = merge_datasets(inputs[:4])
    links_before = set(store.quads_for_pattern(None, None, None, LINKS))
    merger = Merger(store)
    merger.add(inputs[4])  # Ahmed Ali of Somalia: the Ali block and Somalia
    report = merger.commit()
    links_after = set(store.quads_for_pattern(None, None, None, LINKS))
    keys = {q.object.value for q in links_after - links_before if q.predicate.value.endswith("#mergeKey")}
    versions = {k for k in keys if k.startswith("document|")}
    assert len(versions) == 1  # the new document's version, filed under its node
    assert keys - versions <= {"person:al", "country:SOM"}
    assert report.entity_blocks == 2 and report.event_blocks == 0
    assert links_before - links_after == set()  # nothing else rewritten


def test_merge_a_replaced_document_replaces_its_links():
    inputs = graphs()
    store = merge_datasets(inputs)
    changed = Doc("wire-3", "Zelenskiy spoke in Paris on Friday.", date(2024, 3, 9))
    changed.person("zelenskiy", "Zelenskiy", country="UKR")
    report = Merger(store)
    report.add(changed.graph())
    result = report.commit()
    assert result.documents_replaced == 1
    fresh = [*inputs[:2], changed.graph(), *inputs[3:]]
    assert canonical_nquads(store) == canonical_nquads(merge_datasets(fresh))


def test_merge_ignores_and_recomputes_a_links_graph_in_its_input(tmp_path):
    store = merge_datasets(graphs())
    path = tmp_path / "merged.nq"
    write_store(store, str(path))
    again = merge_datasets([str(path)])
    assert canonical_nquads(again) == canonical_nquads(store)
    stale = ox.Store()
    stale.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    stale.add(ox.Quad(ox.NamedNode(BASE + "stale"), ox.NamedNode(BASE + "p"), ox.Literal("x"), LINKS))
    merger = Merger(ox.Store())
    merger.add(stale)
    report = merger.commit()
    assert report.links_graphs_ignored == 1
    assert canonical_nquads(merger.store) == canonical_nquads(store)


def test_merge_output_conforms_to_the_shapes():
    report = validate(_as_dataset(merge_datasets(graphs())))
    assert report.conforms, report.text


RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
KG_NS = "https://w3id.org/kg-news/ontology/kg#"


def _as_dataset(store: ox.Store) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    return dataset


def _identity_links(store: ox.Store) -> list[ox.NamedNode]:
    kind = ox.NamedNode(KG_NS + "IdentityLink")
    return sorted({q.subject for q in store.quads_for_pattern(None, ox.NamedNode(RDF_NS + "type"), kind)},
                  key=lambda n: n.value)


def _findings_after(change) -> set[tuple[str, str | None, str]]:  # noqa: ANN001
    store = merge_datasets(graphs())
    link = _identity_links(store)[0]
    change(store, link)
    report = validate(_as_dataset(store))
    return {(f.focus, f.path, f.component) for f in report.findings if f.focus == link.value}


def _remove(predicate: str):  # noqa: ANN202
    def change(store: ox.Store, link: ox.NamedNode) -> None:
        for quad in list(store.quads_for_pattern(link, ox.NamedNode(predicate), None)):
            store.remove(quad)
    return change


def _unassert(store: ox.Store, link: ox.NamedNode) -> None:
    def one(predicate: str) -> ox.Term:
        (quad,) = store.quads_for_pattern(link, ox.NamedNode(RDF_NS + predicate), None)
        return quad.object
    subject, predicate, target = one("subject"), one("predicate"), one("object")
    for quad in list(store.quads_for_pattern(subject, predicate, target)):
        store.remove(quad)


def test_merge_writes_identity_links_the_shapes_check():
    assert len(_identity_links(merge_datasets(graphs()))) >= 2
    assert _findings_after(lambda store, link: None) == set()


@pytest.mark.parametrize(("change", "path", "component"), [
    (_remove(KG_NS + "matchRule"), KG_NS + "matchRule", "MinCountConstraintComponent"),
    (_remove(KG_NS + "confidence"), KG_NS + "confidence", "MinCountConstraintComponent"),
    (_remove(RDF_NS + "subject"), RDF_NS + "subject", "MinCountConstraintComponent"),
    (_unassert, RDF_NS + "object", "SPARQLConstraintComponent"),
], ids=["no-rule", "no-confidence", "no-subject", "statement-not-asserted"])
def test_shapes_reject_a_broken_identity_link(change, path, component):
    store_link_findings = _findings_after(change)
    assert {(p, c) for _, p, c in store_link_findings} == {(path, component)}


# -- the shipped questions over canonical entities ------------------------------------------


@pytest.fixture(scope="module")
def merged() -> ox.Store:
    return merge_datasets(graphs())


def _ids(rows: list[dict], column: str, label: str, value: str) -> set[str]:
    return {r[column] for r in rows if r[label] == value}


def test_merge_roles_give_one_person_per_name(merged):
    rows = run_query(load_query("roles"), merged).rows
    zelensky = {r["person"] for r in rows if "elensk" in (r["personLabel"] or "")}
    assert len(zelensky) == 1
    assert {r["documentId"] for r in rows if r["person"] in zelensky} == {"kyiv-1", "wire-2", "wire-3"}
    macron = {r["person"] for r in rows if "Macron" in (r["personLabel"] or "")}
    assert len(macron) == 1
    ali = {r["person"] for r in rows if r["personLabel"] == "Ahmed Ali"}
    assert len(ali) == 2  # Qatar's and Somalia's stay two


def test_merge_meetings_give_one_iri_per_person_and_one_per_meeting(merged):
    rows = run_query(load_query("meetings"), merged).rows
    people = {r["participant"] for r in rows}
    assert len(people) == 2
    events = {r["event"]: {x["documentId"] for x in rows if x["event"] == r["event"]} for r in rows}
    assert sorted(events.values(), key=len) == [{"wire-3"}, {"kyiv-1", "wire-2"}]


def test_merge_mediations_give_one_mediation_with_both_sources(merged):
    rows = run_query(load_query("mediations"), merged).rows
    assert len({r["mediation"] for r in rows}) == 1
    assert {(r["partyLabel"], r["kind"], r["documentId"]) for r in rows} == {
        ("Israel", "mediator", "kyiv-1"), ("Egypt", "mediator", "kyiv-1"),
        ("Israel", "broker", "gulf-4"), ("Egypt", "broker", "gulf-4")}


@pytest.mark.parametrize("name", ["Zelenskiy", "Volodymyr Zelenskyy", "President Zelensky"])
def test_merge_meetings_of_finds_the_person_under_any_name(merged, name):
    rows = run_query(load_query("meetings-of"), merged, {"person": name}).rows
    assert len({r["participant"] for r in rows}) == 1
    assert {r["documentId"] for r in rows} == {"kyiv-1", "wire-2", "wire-3"}


def test_merge_who_met_whom_and_events_by_country(merged):
    pairs = run_query(load_query("who-met-whom"), merged).rows
    assert len({(r["a"], r["b"]) for r in pairs}) == 1
    rows = run_query(load_query("events-by-country"), merged, {"country": "UKR"}).rows
    assert len({r["participant"] for r in rows}) == 1
    assert len({r["event"] for r in rows}) == 2


def test_merge_every_shipped_query_runs_on_merged_data(merged):
    for info in list_queries():
        bindings = {p.name: "UKR" if p.name == "country" else "Zelenskiy" for p in info.parameters if not p.optional}
        if info.name == "supporting-documents":
            bindings = {"fact": BASE + "no-such-fact"}
        run_query(info, merged, bindings)


def test_merge_supporting_documents_of_a_merged_meeting(merged):
    """Asked for any one report of the Kyiv meeting, or for its canonical node, the question
    finds the evidence of both documents that report it, and nothing of the Paris meeting."""
    meetings = [q.subject for q in merged.quads_for_pattern(None, ox.NamedNode(RDF_NS + "type"),
                                                            ox.NamedNode(KG_NS + "Meeting"))]
    canonical = ox.NamedNode(KG_NS + "canonical")
    canonical_of = {q.subject: q.object for q in merged.quads_for_pattern(None, canonical, None)}
    kyiv = sorted({m for m in meetings if canonical_of.get(m, m) != m}, key=lambda n: n.value)
    assert len(kyiv) == 2 and canonical_of[kyiv[0]] == canonical_of[kyiv[1]]
    assert canonical_of[canonical_of[kyiv[0]]] == canonical_of[kyiv[0]]  # its own canonical
    for fact in (*kyiv, canonical_of[kyiv[0]]):
        rows = run_query(load_query("supporting-documents"), merged, {"fact": fact.value}).rows
        assert sorted({r["documentId"] for r in rows}) == ["kyiv-1", "wire-2"], fact
        assert {r["sentence"] for r in rows} == {
            "President Zelensky met Emmanuel Macron in Kyiv.",
            "Volodymyr Zelenskyy and French President Macron met in Kyiv on Monday.",
        }


# -- files and stores -------------------------------------------------------------------------


def test_merge_to_files_and_a_store(tmp_path):
    inputs = graphs()
    day1, day2 = tmp_path / "day1.trig", tmp_path / "day2.nq"
    write_graphs(inputs[:3], day1)
    write_graphs(inputs[3:], day2)
    one = merge_to([str(day1), str(day2)], output=str(tmp_path / "a.nq"), canonical=True)
    two = merge_to([str(day2), str(day1)], output=str(tmp_path / "b.nq"), canonical=True)
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()
    assert one.report.documents_added == two.report.documents_added == 5
    merge_to([str(day1)], store_dir=str(tmp_path / "store"))
    merge_to([str(day2)], store_dir=str(tmp_path / "store"), output=str(tmp_path / "c.nq"), canonical=True)
    assert (tmp_path / "c.nq").read_bytes() == (tmp_path / "a.nq").read_bytes()
    again = merge_to([str(day1), str(day2)], store_dir=str(tmp_path / "store"))
    assert not again.report.changed
    merge_to([str(day1), str(day2)], output=str(tmp_path / "out.trig"))
    assert canonical_nquads(merge_datasets([str(tmp_path / "out.trig")])) == (tmp_path / "a.nq").read_bytes()


def test_merge_store_takes_in_what_the_store_already_holds(tmp_path):
    """`kg extract --store S` twice, then `kg merge --store S`: the store's own documents are
    merged (one IRI per person), a second merge changes nothing, and after a document is added,
    another dropped and a third re-extracted, each next merge gives what a fresh merge of the
    store's documents gives."""
    from kg.store.embedded import EmbeddedStore

    inputs = graphs()
    store_dir = str(tmp_path / "store")
    with EmbeddedStore(store_dir) as store:  # what `kg extract --store` does, graph by graph
        for graph in inputs:
            store.replace_graph(str(graph.identifier), graph)
    first = merge_to([], store_dir=store_dir)
    assert first.report.documents_in_store == len(inputs)
    assert first.report.quads_added > 0
    expected = canonical_nquads(merge_datasets(inputs))
    with EmbeddedStore(store_dir, read_only=True) as store:
        assert canonical_nquads(store.store) == expected

    again = merge_to([], store_dir=store_dir)
    assert not again.report.changed and again.report.documents_in_store == 0
    assert again.report.entity_blocks == again.report.event_blocks == 0

    late = Doc("late-6", "Zelenskiy met Macron in Paris on Friday.", date(2024, 3, 9))
    late.event("meeting", "meeting", "met Macron in Paris on Friday",
               late.person("zelenskiy", "Zelenskiy", country="UKR"),
               late.person("macron", "Macron", country="FRA"), when=date(2024, 3, 8))
    with EmbeddedStore(store_dir) as store:  # extracted since the last merge; one document dropped
        store.replace_graph(str(late.graph().identifier), late.graph())
        store.drop_graph(str(inputs[4].identifier))
    later = merge_to([], store_dir=store_dir)
    assert later.report.documents_in_store == 1
    fresh = canonical_nquads(merge_datasets([*inputs[:4], late.graph()]))
    with EmbeddedStore(store_dir, read_only=True) as store:
        assert canonical_nquads(store.store) == fresh

    # Re-extracted under the same id (same node IRIs, other facts): the next merge sees it.
    changed = Doc("wire-3", "Zelenskiy spoke in Paris on Friday.", date(2024, 3, 10))
    changed.person("zelenskiy", "Zelenskiy", country="UKR")
    with EmbeddedStore(store_dir) as store:
        store.replace_graph(str(changed.graph().identifier), changed.graph())
    again = merge_to([], store_dir=store_dir)
    assert again.report.documents_in_store == 1
    fresh = canonical_nquads(merge_datasets([*inputs[:2], changed.graph(), inputs[3], late.graph()]))
    with EmbeddedStore(store_dir, read_only=True) as store:
        assert canonical_nquads(store.store) == fresh
    assert not merge_to([], store_dir=store_dir).report.changed


def test_merge_writes_nothing_on_failure(tmp_path):
    broken = tmp_path / "broken.nq"
    broken.write_text("<a> <b> .\n")
    with pytest.raises(KgError):
        merge_to([str(broken)], output=str(tmp_path / "out.nq"))
    assert not (tmp_path / "out.nq").exists()
    with pytest.raises(KgError, match="N-Quads"):
        write_store(merge_datasets(graphs()), str(tmp_path / "x.trig"), canonical=True)
    with pytest.raises(KgError, match="named graph"):
        write_store(merge_datasets(graphs()), str(tmp_path / "x.ttl"))
    assert list(tmp_path.iterdir()) == [broken]
