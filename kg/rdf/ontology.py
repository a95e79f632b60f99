"""Load, reason over and apply the kg ontology shipped in ``ontology/`` (package ``kg.ontology``).

- :func:`check_ontology` runs HermiT (owlready2, needs ``java``) over kg.ttl and alignments.ttl.
- :func:`validate` checks a graph or dataset against shapes.ttl with pyshacl.
- :func:`generate_vocab_source` writes the text of ``kg/vocab.py`` from kg.ttl;
  ``python tools/generate_vocab.py vocab`` prints it.
"""

from __future__ import annotations

import contextlib
import io
import keyword
import logging
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import cast

from rdflib import Graph, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg.errors import KgError

logger = logging.getLogger(__name__)

ONTOLOGY_PACKAGE = "kg.ontology"
ONTOLOGY_FILE = "kg.ttl"
ALIGNMENTS_FILE = "alignments.ttl"
SHAPES_FILE = "shapes.ttl"

#: The kinds of term kg.ttl declares, in the order vocab.py lists them.
TERM_KINDS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "classes"),
    (OWL.ObjectProperty, "object properties"),
    (OWL.DatatypeProperty, "datatype properties"),
    (OWL.AnnotationProperty, "annotation properties"),
    (SKOS.ConceptScheme, "concept schemes"),
    (SKOS.Concept, "concepts"),
)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@dataclass(frozen=True, slots=True)
class OntologyReport:
    """The outcome of :func:`check_ontology`.

    ``consistent`` is only meaningful when ``reasoner_ran``; ``classes`` and ``properties``
    count the terms declared in the ontology's own namespace.
    """

    consistent: bool
    unsatisfiable: tuple[str, ...]
    classes: int
    properties: int
    reasoner_ran: bool
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One SHACL validation result, as plain strings (``path``/``value`` may be None)."""

    focus: str
    path: str | None
    value: str | None
    component: str  # local name of the constraint component, e.g. "MinCountConstraintComponent"
    message: str


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`: pyshacl's verdict, text report and parsed results."""

    conforms: bool
    text: str
    violations: int
    findings: tuple[Finding, ...] = ()
    checked: int = 0  # nodes typed with a kg class or described with a kg property


# --- files -----------------------------------------------------------------------------------


def _ontology_dir() -> Traversable:
    try:
        return resources.files(ONTOLOGY_PACKAGE)
    except ModuleNotFoundError as exc:
        # setuptools' editable install cannot resolve kg.ontology (mapped from ontology/) while
        # that directory has no __init__.py; a source checkout has it beside kg/.
        checkout = Path(__file__).resolve().parent.parent / "ontology"
        if checkout.is_dir():
            return checkout
        raise KgError(
            f"cannot find the ontology files: package {ONTOLOGY_PACKAGE} is missing"
        ) from exc


def ontology_path(name: str = ONTOLOGY_FILE) -> Traversable:
    """The shipped ontology file ``name`` (kg.ttl, alignments.ttl or shapes.ttl)."""
    path = _ontology_dir() / name
    if not path.is_file():
        raise KgError(f"{name}: no such file in {ONTOLOGY_PACKAGE}")
    return path


def _parse(name: str, graph: Graph | None = None) -> Graph:
    graph = Graph() if graph is None else graph
    text = ontology_path(name).read_text(encoding="utf-8")
    try:
        graph.parse(data=text, format="turtle")
    except SyntaxError as exc:  # rdflib's Turtle parser raises BadSyntax, a SyntaxError
        raise KgError(f"{name}: not valid Turtle: {exc}") from exc
    return graph


def load_ontology_graph(include_alignments: bool = True) -> Graph:
    """A new graph holding kg.ttl and, unless told otherwise, alignments.ttl."""
    graph = _parse(ONTOLOGY_FILE)
    if include_alignments:
        _parse(ALIGNMENTS_FILE, graph)
    return graph


def _namespace_of(graph: Graph) -> str:
    """The term namespace of the ontology in ``graph``: its owl:Ontology IRI plus ``#``."""
    ontologies = sorted(str(s) for s in graph.subjects(RDF.type, OWL.Ontology))
    for iri in ontologies:
        if iri.rstrip("/").endswith("/kg"):
            return iri + "#"
    if not ontologies:
        raise KgError("the ontology graph declares no owl:Ontology")
    return ontologies[0] + "#"


def declared_terms(graph: Graph) -> dict[str, URIRef]:
    """Local name → type (owl:Class, owl:ObjectProperty…) of every term in kg's namespace."""
    namespace = _namespace_of(graph)
    terms: dict[str, URIRef] = {}
    for rdf_type, _ in TERM_KINDS:
        for subject in graph.subjects(RDF.type, rdf_type):
            if isinstance(subject, URIRef) and str(subject).startswith(namespace):
                terms.setdefault(str(subject)[len(namespace) :], rdf_type)
    return terms


# --- reasoning -------------------------------------------------------------------------------


def check_ontology(*, reasoner: bool = True, graph: Graph | None = None) -> OntologyReport:
    """Load the ontology into a fresh owlready2 World and, if ``reasoner``, classify it with HermiT.

    ``graph`` replaces the shipped kg.ttl + alignments.ttl (for checking an edited copy).
    Raises KgError when ``reasoner`` is set and no ``java`` is on the PATH, or when Java fails.
    Nothing is printed: owlready2's and HermiT's output goes to the debug log.
    """
    graph = load_ontology_graph(include_alignments=True) if graph is None else graph
    terms = declared_terms(graph)
    classes = sum(1 for kind in terms.values() if kind == OWL.Class)
    properties = sum(1 for kind in terms.values() if kind in PROPERTY_TYPES)
    java = shutil.which("java") if reasoner else None
    if reasoner and java is None:
        raise KgError(
            "checking the ontology runs the HermiT reasoner, which needs Java: "
            "install a Java runtime (11 or newer) so that `java` is on the PATH"
        )

    import owlready2  # heavy; only needed here

    chatter = io.StringIO()
    world = owlready2.World()
    try:
        with tempfile.TemporaryDirectory(prefix="kg-ontology-") as tmp:
            path = Path(tmp) / "kg.nt"
            graph.serialize(destination=str(path), format="nt", encoding="utf-8")
            with (
                contextlib.redirect_stdout(chatter),
                contextlib.redirect_stderr(chatter),
                warnings.catch_warnings(),
            ):
                warnings.simplefilter("ignore", owlready2.OwlReadyWarning)
                try:
                    world.get_ontology(path.as_uri()).load(format="ntriples")
                except owlready2.OwlReadyOntologyParsingError as exc:
                    raise KgError(f"owlready2 cannot load the ontology: {exc}") from exc
                if not reasoner:
                    return OntologyReport(
                        consistent=True,
                        unsatisfiable=(),
                        classes=classes,
                        properties=properties,
                        reasoner_ran=False,
                        message=(
                            f"loaded {classes} classes and {properties} properties; "
                            "reasoner not run, consistency unknown"
                        ),
                    )
                owlready2.JAVA_EXE = java
                started = time.perf_counter()
                try:
                    with _temporary_files_in(tmp):
                        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
                    consistent = True
                except owlready2.OwlReadyInconsistentOntologyError:
                    consistent = False
                except owlready2.OwlReadyJavaError as exc:
                    raise KgError(f"the HermiT reasoner failed: {exc}") from exc
                seconds = time.perf_counter() - started
                unsatisfiable = _unsatisfiable_classes(world) if consistent else ()
    finally:
        world.close()
    if chatter.getvalue():
        logger.debug("owlready2 output:\n%s", chatter.getvalue())
    if not consistent:
        verdict = "inconsistent"
    elif unsatisfiable:
        verdict = f"consistent, but {len(unsatisfiable)} unsatisfiable: " + ", ".join(unsatisfiable)
    else:
        verdict = "consistent, no unsatisfiable classes"
    return OntologyReport(
        consistent=consistent,
        unsatisfiable=unsatisfiable,
        classes=classes,
        properties=properties,
        reasoner_ran=True,
        message=(
            f"{verdict} ({classes} classes, {properties} properties; HermiT took {seconds:.2f} s)"
        ),
    )


@contextlib.contextmanager
def _temporary_files_in(directory: str) -> Iterator[None]:
    # owlready2 writes HermiT's input to a NamedTemporaryFile and leaves it behind when the
    # ontology is inconsistent: have it written where our TemporaryDirectory cleans up.
    saved = tempfile.tempdir
    tempfile.tempdir = directory
    try:
        yield
    finally:
        tempfile.tempdir = saved


def _unsatisfiable_classes(world) -> tuple[str, ...]:
    # owlready2 lists owl:Nothing itself among the classes equivalent to owl:Nothing.
    nothing = str(OWL.Nothing)
    return tuple(sorted(c.iri for c in world.inconsistent_classes() if c.iri != nothing))


# --- SHACL -----------------------------------------------------------------------------------


@cache
def _shapes_graph() -> Graph:
    return _parse(SHAPES_FILE)


@cache
def _class_tree() -> Graph:
    # Mixed into the data graph so sh:class and sh:targetClass follow rdfs:subClassOf; the
    # alignments are left out because no shape mentions an external class.
    return load_ontology_graph(include_alignments=False)


def _union_of(data: ConjunctiveGraph) -> Graph:
    union = Graph()
    for prefix, namespace in data.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _local_name(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _findings(results: Graph) -> tuple[Finding, ...]:
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        findings.append(
            Finding(
                focus=str(results.value(result, SH.focusNode)),
                path=str(path) if isinstance(path, URIRef) else None,
                value=None if value is None else str(value),
                component=_local_name(results.value(result, SH.sourceConstraintComponent)),
                message=" ".join(str(m) for m in results.objects(result, SH.resultMessage)),
            )
        )
    return tuple(sorted(findings, key=lambda f: (f.focus, f.path or "", f.component, f.message)))


@dataclass(frozen=True, slots=True)
class _SparqlCheck:
    """A shape's SPARQL constraint, run once over the whole graph instead of per node."""

    shape: URIRef
    query: str
    message: str


@cache
def _split_shapes() -> tuple[Graph, tuple[_SparqlCheck, ...]]:
    """shapes.ttl without its SPARQL constraints, and those constraints as whole-graph queries.

    pyshacl parses a SPARQL constraint's text again for every focus node (about 80 ms each:
    minutes for a corpus); one query per constraint with ``$this`` free, restricted to the
    shape's target class, finds the same violations in milliseconds.
    """
    shapes = _shapes_graph()
    core = Graph()
    for prefix, namespace in shapes.namespaces():
        core.bind(prefix, namespace)
    checks = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for source in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(source, SH.declare)
        )
        select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
        targets = [f"{{ ?this a/<{RDFS.subClassOf}>* <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
        targets += [f"{{ ?this <{p}> [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
        targets += [f"{{ [] <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
        targets += [f"{{ VALUES ?this {{ <{n}> }} }}" for n in shapes.objects(shape, SH.targetNode)]
        if not targets:
            continue
        focus = f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(targets)} }} }}"
        restricted = select.replace("WHERE {", f"WHERE {{ {focus}", 1)
        message = str(shapes.value(constraint, SH.message))
        checks.append(_SparqlCheck(cast(URIRef, shape), prefixes + restricted, message))
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core, tuple(checks)


def _sparql_findings(graph: Graph) -> list[Finding]:
    import pyoxigraph as ox

    from kg.rdf.serialize import oxigraph_terms

    store = ox.Store()
    store.extend(ox.Quad(*oxigraph_terms(s, p, o)) for s, p, o in graph)
    store.extend(ox.Quad(*oxigraph_terms(s, p, o)) for s, p, o in _class_tree())
    findings = []
    for check in _split_shapes()[1]:
        for row in cast(ox.QuerySolutions, store.query(check.query)):
            values = {name: row[name].value for name in ("this", "value", "path", "length", "span")
                      if _bound(row, name)}
            message = re.sub(r"\{\?(\w+)\}", partial(_fill, values), check.message)
            findings.append(Finding(focus=values["this"], path=values.get("path"), value=values.get("value"),
                                    component="SPARQLConstraintComponent", message=message))
    return findings


def _fill(values: dict[str, str], match: re.Match[str]) -> str:
    return values.get(match.group(1), match.group(0))


def _bound(row, name: str) -> bool:  # noqa: ANN001 - a pyoxigraph QuerySolution
    try:
        return row[name] is not None
    except (KeyError, IndexError):
        return False


def validate(data: Graph | ConjunctiveGraph) -> ValidationReport:
    """Check ``data`` against shapes.ttl; a Dataset is checked as the union of all its graphs.

    kg.ttl's class tree is mixed into (a copy of) the data; no RDFS or OWL inference is done,
    so a missing ``rdf:type`` is reported rather than guessed.
    """
    import pyshacl

    if isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        graph, inplace = _union_of(data), True
    else:
        graph, inplace = data, False
    checked = _kg_nodes(graph)
    sparql = _sparql_findings(graph)
    conforms, results, text = pyshacl.validate(
        graph,
        shacl_graph=_split_shapes()[0],
        ont_graph=_class_tree(),
        inference="none",
        inplace=inplace,
        allow_warnings=False,
    )
    if not isinstance(results, Graph):  # pyshacl reports broken shapes as a ValidationFailure
        raise KgError(f"{SHAPES_FILE}: pyshacl cannot use the shapes: {text}")
    findings = tuple(sorted((*_findings(results), *sparql),
                            key=lambda f: (f.focus, f.path or "", f.component, f.message)))
    text = str(text)
    if sparql:
        conforms = False
        text = text.replace("Conforms: True", "Conforms: False") + "".join(
            f"\nConstraint Violation in SPARQLConstraintComponent:\n\tFocus Node: {f.focus}\n"
            f"\tValue Node: {f.value}\n\tResult Path: {f.path}\n\tMessage: {f.message}\n" for f in sparql)
    return ValidationReport(
        conforms=bool(conforms), text=text, violations=len(findings), findings=findings, checked=checked
    )


def _kg_nodes(graph: Graph) -> int:
    """How many subjects the shapes can speak of: typed with a kg class or using a kg property."""
    from kg.vocab import KG

    namespace = str(KG)
    return len({s for s, p, o in graph if str(p).startswith(namespace)
                or (p == RDF.type and str(o).startswith(namespace))})


# --- vocab.py ----------------------------------------------------------------------------------

_VOCAB_HEADER = '''\
"""The kg vocabulary as a DefinedNamespace: a misspelt term raises AttributeError.

Generated from ontology/kg.ttl by ``tools/generate_vocab.py``; edit the ontology,
not this file.  tests/test_vocab.py keeps the two in step.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

ONTOLOGY_IRI = "{iri}"


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True
'''


def generate_vocab_source() -> str:
    """The text of ``kg/vocab.py``: class KG with every kg.ttl term, grouped by kind, sorted."""
    graph = load_ontology_graph(include_alignments=False)
    namespace = _namespace_of(graph)
    terms = declared_terms(graph)
    for name in terms:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise KgError(f"kg.ttl: term {namespace}{name} is not a Python identifier")
    lines = [_VOCAB_HEADER.format(iri=namespace[:-1])]
    for rdf_type, heading in TERM_KINDS:
        names = sorted((n for n, t in terms.items() if t == rdf_type), key=str.casefold)
        if not names:
            continue
        lines.append(f"\n    # {heading}\n")
        lines.extend(f"    {name}: URIRef\n" for name in names)
    return "".join(lines)
