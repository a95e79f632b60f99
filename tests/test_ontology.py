"""ontology/kg.ttl and alignments.ttl parse, are well-formed, and HermiT finds them consistent."""

from __future__ import annotations

import shutil

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.rdf import ontology as ontology_tools
from kg.vocab import ONTOLOGY_IRI

KGNS = Namespace(ONTOLOGY_IRI + "#")
OWN_PREFIX = "https://w3id.org/kg-news/"
DCTERMS_DESCRIPTION = URIRef("http://purl.org/dc/terms/description")
NO_JAVA = shutil.which("java") is None
needs_java = pytest.mark.skipif(NO_JAVA, reason="HermiT needs Java and `java` is not on the PATH")


@pytest.fixture(scope="module")
def kg_graph() -> Graph:
    return ontology_tools.load_ontology_graph(include_alignments=False)


@pytest.fixture(scope="module")
def alignments_graph() -> Graph:
    return Graph().parse(
        data=ontology_tools.ontology_path("alignments.ttl").read_text(), format="turtle"
    )


@pytest.fixture(scope="module")
def hermit_report() -> ontology_tools.OntologyReport:
    """One HermiT run over kg.ttl + alignments.ttl for the whole module."""
    if NO_JAVA:
        pytest.skip("HermiT needs Java and `java` is not on the PATH")
    return ontology_tools.check_ontology()


def own_iris(graph: Graph) -> set[URIRef]:
    nodes = {n for triple in graph for n in triple if isinstance(n, URIRef)}
    return {n for n in nodes if str(n).startswith(OWN_PREFIX)}


def test_ontology_header(kg_graph):
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in kg_graph
    assert kg_graph.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    assert kg_graph.value(ontology, RDFS.label) is not None
    assert kg_graph.value(ontology, DCTERMS_DESCRIPTION) is not None


def test_ontology_iri_prefixes_every_term(kg_graph):
    for rdf_type in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in kg_graph.subjects(RDF.type, rdf_type):
            if isinstance(term, URIRef):
                assert str(term).startswith(ONTOLOGY_IRI + "#"), term


def test_ontology_uses_only_declared_kg_terms(kg_graph):
    declared = {KGNS[name] for name in ontology_tools.declared_terms(kg_graph)}
    undeclared = own_iris(kg_graph) - declared - {URIRef(ONTOLOGY_IRI)}
    assert not undeclared, f"kg.ttl uses undeclared kg IRIs: {sorted(undeclared)}"


def test_ontology_terms_have_english_label_and_comment(kg_graph):
    for name in ontology_tools.declared_terms(kg_graph):
        term = KGNS[name]
        for annotation in (RDFS.label, RDFS.comment):
            values = [v for v in kg_graph.objects(term, annotation) if isinstance(v, Literal)]
            assert any(v.language == "en" for v in values), f"{name} lacks an English {annotation}"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Agent", OWL.Class),
        ("Mediation", OWL.Class),
        ("participant", OWL.ObjectProperty),
        ("wikidata", OWL.ObjectProperty),
        ("date", OWL.DatatypeProperty),
        ("confidence", OWL.DatatypeProperty),
    ],
)
def test_ontology_term_kinds(kg_graph, term, expected):
    assert ontology_tools.declared_terms(kg_graph)[term] == expected


def test_ontology_participant_subproperties(kg_graph):
    for name in ("mediator", "party", "host", "visitor", "speaker"):
        assert (KGNS[name], RDFS.subPropertyOf, KGNS.participant) in kg_graph


def test_ontology_has_no_ranges_hermit_rejects(kg_graph):
    accepted = {
        URIRef("http://www.w3.org/2001/XMLSchema#" + t)
        for t in ("string", "integer", "decimal", "boolean")
    }
    for prop in kg_graph.subjects(RDF.type, OWL.DatatypeProperty):
        for rng in kg_graph.objects(prop, RDFS.range):
            assert rng in accepted, f"{prop} has range {rng}"


def test_ontology_alignments_only_relate_declared_kg_terms(kg_graph, alignments_graph):
    declared = {KGNS[name] for name in ontology_tools.declared_terms(kg_graph)}
    used = own_iris(alignments_graph) - {URIRef(OWN_PREFIX + "ontology/alignments")}
    assert used <= declared, f"alignments.ttl uses undeclared kg IRIs: {sorted(used - declared)}"
    axioms = {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty}
    for s, p, _ in alignments_graph:
        if s in declared:
            assert p in axioms, f"alignments.ttl says more than an alignment about {s}: {p}"


def test_ontology_alignments_declare_the_external_terms_they_use(alignments_graph):
    for _, p, o in alignments_graph:
        if p in (RDFS.subClassOf, RDFS.subPropertyOf):
            assert (o, RDF.type, None) in alignments_graph, f"{o} is not declared"


def test_ontology_graph_with_alignments_is_larger(kg_graph):
    merged = ontology_tools.load_ontology_graph(include_alignments=True)
    assert len(merged) > len(kg_graph)
    assert (
        KGNS.RoleHolding,
        RDFS.subClassOf,
        URIRef("http://www.w3.org/ns/org#Membership"),
    ) in merged


def test_ontology_shapes_use_only_declared_kg_terms(kg_graph):
    shapes = Graph().parse(
        data=ontology_tools.ontology_path("shapes.ttl").read_text(), format="turtle"
    )
    declared = {KGNS[name] for name in ontology_tools.declared_terms(kg_graph)}
    used = {iri for iri in own_iris(shapes) if str(iri).startswith(str(KGNS))}
    assert used <= declared, f"shapes.ttl uses undeclared kg IRIs: {sorted(used - declared)}"


def test_ontology_path_names_a_missing_file():
    with pytest.raises(KgError, match="nope.ttl"):
        ontology_tools.ontology_path("nope.ttl")


def test_ontology_names_classes_upper_and_properties_lower_camel_case(kg_graph):
    for name, kind in ontology_tools.declared_terms(kg_graph).items():
        assert name[0].isupper() == (kind in (OWL.Class, SKOS.Concept, SKOS.ConceptScheme)), name


def test_ontology_loads_without_reasoner(kg_graph):
    report = ontology_tools.check_ontology(reasoner=False)
    kinds = list(ontology_tools.declared_terms(kg_graph).values())
    assert not report.reasoner_ran
    assert report.classes == kinds.count(OWL.Class) == 28
    assert report.properties == len(kinds) - report.classes - kinds.count(SKOS.Concept) \
        - kinds.count(SKOS.ConceptScheme) == 57


def test_ontology_check_without_java_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(ontology_tools.shutil, "which", lambda name: None)
    with pytest.raises(KgError, match="Java"):
        ontology_tools.check_ontology()


@needs_java
def test_ontology_is_consistent(hermit_report):
    assert hermit_report.reasoner_ran
    assert hermit_report.consistent, hermit_report.message
    assert hermit_report.unsatisfiable == ()
    assert "HermiT took" in hermit_report.message


@needs_java
def test_ontology_disjoint_person_and_country_is_inconsistent(capfd):
    broken = ontology_tools.load_ontology_graph()
    someone = URIRef("https://w3id.org/kg-news/id/person/x/someone")
    broken.add((someone, RDF.type, OWL.NamedIndividual))
    broken.add((someone, RDF.type, KGNS.Person))
    broken.add((someone, RDF.type, KGNS.Country))
    report = ontology_tools.check_ontology(graph=broken)
    assert report.reasoner_ran
    assert not report.consistent
    assert "inconsistent" in report.message
    assert capfd.readouterr().out == ""  # owlready2's and HermiT's chatter stays off stdout


@needs_java
def test_ontology_unsatisfiable_class_is_listed():
    broken = ontology_tools.load_ontology_graph()
    impossible = KGNS.PersonOrganization
    broken.add((impossible, RDF.type, OWL.Class))
    broken.add((impossible, RDFS.subClassOf, KGNS.Person))
    broken.add((impossible, RDFS.subClassOf, KGNS.Organization))
    report = ontology_tools.check_ontology(graph=broken)
    assert report.consistent
    assert report.unsatisfiable == (str(impossible),)


def test_concept_iris_name_their_notation(kg_graph):
    """The shipped questions read a status, mediation kind or qualifier from its concept's IRI
    (kg:StatusHeld: "held"), not through skos:notation, which every document's graph repeats
    and the union default graph returns once per graph; each concept's IRI must therefore
    name its notation, as the questions' expression reads it."""
    import pyoxigraph as ox

    from kg.rdf.mapping import VALUE_SCHEMES

    store = ox.Store()
    store.load(kg_graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    checked = 0
    for scheme in VALUE_SCHEMES.values():
        rows = store.query(f"""
            PREFIX kg: <{KGNS}>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?concept ?notation ?read WHERE {{
              ?concept skos:notation ?notation .
              FILTER(STRSTARTS(STR(?concept), STR(kg:{scheme})))
              BIND(IF(STRSTARTS(STR(?concept), STR(kg:{scheme})),
                      LCASE(STRAFTER(STR(?concept), STR(kg:{scheme}))), ?none) AS ?read)
            }}""")
        for row in rows:
            assert row["read"] is not None and row["read"].value == row["notation"].value, row
            checked += 1
    assert checked == len(set(kg_graph.subjects(SKOS.notation, None)))


def test_shipped_questions_do_not_read_notations():
    """A notation path (kg:status/skos:notation) reads the concept's notation once per
    document graph through the union default graph: at a million triples that ran out of
    memory (mediations, meetings-of, events-by-country ...)."""
    from importlib import resources

    from kg.store.queries import list_queries

    texts = {info.name: info.text for info in list_queries()}
    texts |= {entry.name: entry.read_text("utf-8") for entry in resources.files("kg.web").joinpath("queries").iterdir()
              if entry.name.endswith(".rq")}
    for name, text in texts.items():
        code = "\n".join(line.split("#", 1)[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert "/skos:notation" not in code, name


@pytest.mark.parametrize(("scheme", "variable", "least"), [("Status", "status", 8), ("Qualifier", "qualifier", 3)])
def test_concept_tables_in_questions_list_the_ontology_concepts(kg_graph, scheme, variable, least):
    """A question that matches a status or qualifier against a table of concepts and plain
    values (instead of reading the value from the IRI's text) must list every concept of the
    scheme with its notation: one missing from the table would leave the value empty."""
    import re

    from kg.store.queries import list_queries

    expected = {str(concept).removeprefix(str(KGNS)): str(notation)
                for concept, notation in kg_graph.subject_objects(SKOS.notation)
                if str(concept).startswith(str(KGNS) + scheme)}
    assert len(expected) >= least
    tables = 0
    for info in list_queries():
        pattern = rf"VALUES \(\?{variable}Key \?{variable}\) \{{(.*?)\}}"
        for table in re.findall(pattern, info.text, re.S):
            listed = dict(re.findall(rf'\(kg:({scheme}\w+) "([^"]*)"\)', table))
            assert listed == expected, info.name
            tables += 1
    assert tables >= 1
