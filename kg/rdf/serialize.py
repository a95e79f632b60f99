"""Writing documents' graphs to RDF files, and reading RDF files back, through pyoxigraph.

kg's mapping gives each document's quads as pyoxigraph terms (``DocumentTriples``), which
pyoxigraph serialises as they are; rdflib graphs (the Python API, GDELT) are converted and
sorted first.  Dataset formats (TriG, N-Quads, JSON-LD) keep one named graph per document;
triple formats (Turtle, N-Triples) hold the union of the documents.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, cast

import pyoxigraph as ox
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import InputError, KgError
from kg.io import open_part, remove_stale_parts
from kg.rdf.iris import prefixes as iri_prefixes
from kg.rdf.mapping import PREFIXES, DocumentTriples
from kg.rdf.terms import OxTerm, to_oxigraph
from kg.settings import DEFAULT_BASE_IRI

STDOUT = "-"

FORMAT_NAMES: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
}
"""Format names accepted by ``format_for`` (lower case)."""

EXTENSIONS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
"""File extensions ``format_for`` recognises (lower case)."""

_PREFIXED_FORMATS = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
_PARSER_ERROR = re.compile(r"^Parser error [^:]*: (?P<reason>.*)$", re.DOTALL)

def format_for(
    path: str | os.PathLike[str], explicit: str | ox.RdfFormat | None = None
) -> ox.RdfFormat:
    """The RDF format named by ``explicit`` or, when it is None, by the file's extension.

    >>> format_for("out/news.trig")
    <RdfFormat TriG>
    >>> format_for("-", "nquads")
    <RdfFormat N-Quads>
    >>> format_for("news.rdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.KgError: cannot tell the RDF format of 'news.rdf': use one of the extensions ...
    """
    if isinstance(explicit, ox.RdfFormat):
        return explicit
    if explicit is not None:
        fmt = FORMAT_NAMES.get(explicit.strip().lower())
        if fmt is None:
            raise KgError(f"unknown RDF format {explicit!r}: use one of {_names()}")
        return fmt
    fmt = EXTENSIONS.get(Path(path).suffix.lower()) if str(path) != STDOUT else None
    if fmt is None:
        raise KgError(
            f"cannot tell the RDF format of {str(path)!r}: use one of the extensions "
            f"{', '.join(sorted(EXTENSIONS))} or a format name ({_names()})"
        )
    return fmt


def _names() -> str:
    return ", ".join(sorted(FORMAT_NAMES))


def is_dataset_format(fmt: ox.RdfFormat) -> bool:
    """Whether the format keeps named graphs (TriG, N-Quads, JSON-LD).

    >>> is_dataset_format(ox.RdfFormat.TRIG), is_dataset_format(ox.RdfFormat.TURTLE)
    (True, False)
    """
    return bool(fmt.supports_datasets)


# -- rdflib -> pyoxigraph ----------------------------------------------------------------


def graph_name(graph: Graph | DocumentTriples) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    """The pyoxigraph name of an rdflib graph (rdflib's default-graph IRI maps to DefaultGraph)."""
    if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    name = to_oxigraph(graph.identifier)
    if isinstance(name, ox.Literal):
        raise TypeError(f"a graph cannot be named by a literal: {graph.identifier!r}")
    return name


def _sorted(graph: Graph) -> list[tuple[Node, Node, Node]]:
    # Sorting makes the output deterministic and lets the Turtle writer group by subject.
    return sorted(graph, key=lambda t: (str(t[0]), str(t[1]), t[2].n3()))


def oxigraph_terms(s: Node, p: Node, o: Node) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, OxTerm]:
    """An rdflib triple's terms in pyoxigraph (its subject an IRI or blank node, its predicate an IRI)."""
    return cast(ox.NamedNode | ox.BlankNode, to_oxigraph(s)), cast(ox.NamedNode, to_oxigraph(p)), to_oxigraph(o)


def _quads(graph: Graph | DocumentTriples) -> list[ox.Quad]:
    """The graph's quads in the graph's own name: kg's own in the order they were made (already
    deterministic, each subject's together), an rdflib graph's sorted."""
    if isinstance(graph, DocumentTriples):
        return list(graph.quads)
    name = graph_name(graph)
    return [ox.Quad(*oxigraph_terms(s, p, o), name) for s, p, o in _sorted(graph)]


def _by_subject(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads with each subject's together (subjects in order of first appearance, each
    subject's quads in their order), so Turtle writes each subject once."""
    groups: dict[ox.NamedNode | ox.BlankNode, list[ox.Quad]] = {}
    for quad in quads:
        groups.setdefault(quad.subject, []).append(quad)  # type: ignore[arg-type]
    return [quad for group in groups.values() for quad in group]


def to_triples(graph: Graph | DocumentTriples, *, grouped: bool = False) -> list[ox.Triple]:
    """The graph's triples as pyoxigraph triples, sorted (each subject's together if ``grouped``)."""
    quads = _quads(graph)
    return [quad.triple for quad in (_by_subject(quads) if grouped else quads)]


def to_quads(graph: Graph | DocumentTriples, *, grouped: bool = False) -> list[ox.Quad]:
    """The graph's triples as pyoxigraph quads in the graph's own name, sorted (each subject's
    together if ``grouped``)."""
    quads = _quads(graph)
    return _by_subject(quads) if grouped else quads


def rdf_bytes(items: Iterable[ox.Triple] | Iterable[ox.Quad] | ox.Store, fmt: ox.RdfFormat,
              prefixes: dict[str, str] | None = None) -> bytes:
    """pyoxigraph's serialisation of ``items`` as bytes (``ox.serialize`` with no output)."""
    data = ox.serialize(items, format=fmt, prefixes=prefixes)
    assert data is not None  # ox.serialize returns the bytes when given no output
    return data


# -- writing -----------------------------------------------------------------------------


class DatasetWriter:
    """Writes documents' graphs to one RDF file, atomically, as they arrive.

    Output goes to a temporary file beside the target, renamed over it only when the
    ``with`` block ends without an exception; on an exception the temporary file is
    deleted, so a half-written file never appears.  ``"-"`` writes to standard output
    (as it goes; there is nothing to roll back).  JSON-LD is compact, under the context of
    :mod:`kg.rdf.jsonld`.  Turtle and TriG use the ontology's prefixes
    and those of kg's own IRIs under ``base_iri``, and write each subject once.
    JSON-LD is buffered and written at the end.

    >>> from rdflib import Graph, Literal, URIRef
    >>> import io, contextlib
    >>> g = Graph(identifier=URIRef("https://example.org/doc/1"))
    >>> _ = g.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal(1)))
    >>> buffer = io.BytesIO()
    >>> with DatasetWriter("-", "nquads", stream=buffer) as writer:
    ...     writer.add(g)
    >>> print(buffer.getvalue().decode(), end="")  # doctest: +NORMALIZE_WHITESPACE
    <https://example.org/a> <https://example.org/p>
      "1"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/doc/1> .
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        fmt: str | ox.RdfFormat | None = None,
        *,
        stream: BinaryIO | None = None,
        base_iri: str = DEFAULT_BASE_IRI,
    ) -> None:
        self.path = str(path)
        self.format = format_for(self.path, fmt)
        self.base_iri = base_iri
        self.prefixes = PREFIXES | iri_prefixes(base_iri)
        self.graphs = 0
        self.triples = 0
        self._stream = stream
        self._out: BinaryIO | None = None
        self._temp: str | None = None
        self._buffer: list[ox.Quad] = []
        self._header_written = False

    @property
    def dataset(self) -> bool:
        return is_dataset_format(self.format)

    def __enter__(self) -> DatasetWriter:
        if self.path == STDOUT:
            self._out = self._stream if self._stream is not None else sys.stdout.buffer
            return self
        target = Path(self.path)
        directory = target.parent if str(target.parent) else Path(".")
        if not directory.is_dir():
            raise KgError(f"{self.path}: directory {str(directory)!r} does not exist")
        remove_stale_parts(self.path)
        fd, self._temp = open_part(self.path)
        self._out = os.fdopen(fd, "wb")
        return self

    def add(self, graph: Graph | DocumentTriples) -> None:
        """Write one document's graph (into its named graph, for dataset formats)."""
        if self._out is None:
            raise RuntimeError("DatasetWriter.add() outside its `with` block")
        self.graphs += 1
        self.triples += len(graph)
        if self.format == ox.RdfFormat.JSON_LD:
            self._buffer.extend(to_quads(graph))
            return
        prefixed = self.format in _PREFIXED_FORMATS
        items: Iterable[ox.Triple] | Iterable[ox.Quad] = (
            to_quads(graph, grouped=prefixed) if self.dataset else to_triples(graph, grouped=prefixed)
        )
        self._write(items)

    def add_triples(self, triples: list[ox.Triple]) -> None:
        """Write pyoxigraph triples (a CONSTRUCT's answer) into the default graph, each subject's
        together."""
        if self._out is None:
            raise RuntimeError("DatasetWriter.add_triples() outside its `with` block")
        self.triples += len(triples)
        ordered = sorted(triples, key=lambda t: str(t.subject))  # stable: each subject's keep their order
        if self.dataset or self.format == ox.RdfFormat.JSON_LD:
            self._write([ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in ordered])
        else:
            self._write(ordered)

    def _write(self, items: Iterable[ox.Triple] | Iterable[ox.Quad]) -> None:
        assert self._out is not None
        if self.format == ox.RdfFormat.JSON_LD:
            self._buffer.extend(items)  # type: ignore[arg-type]  # JSON-LD is always given quads
            return
        if self.format in _PREFIXED_FORMATS:
            chunk = rdf_bytes(items, self.format, self.prefixes)
            self._write_prefixed(chunk)
        else:
            self._out.write(rdf_bytes(items, self.format))

    def add_nquads(self, data: bytes, triples: int) -> None:
        """Write one document's graph given as N-Quads (how workers return it); same bytes as ``add``."""
        if self._out is None:
            raise RuntimeError("DatasetWriter.add_nquads() outside its `with` block")
        self.graphs += 1
        self.triples += triples
        if self.format == ox.RdfFormat.N_QUADS:
            self._out.write(data)
            return
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        self._write(quads if self.dataset or self.format == ox.RdfFormat.JSON_LD else [q.triple for q in quads])

    def add_all(self, graphs: Iterable[Graph]) -> None:
        for graph in graphs:
            self.add(graph)

    def _write_prefixed(self, chunk: bytes) -> None:
        """Write a Turtle/TriG chunk under one shared prefix header, written once."""
        assert self._out is not None
        if not chunk:
            return
        lines = chunk.splitlines(keepends=True)
        start = 0
        while start < len(lines) and lines[start].startswith(b"@prefix "):
            start += 1
        if not self._header_written:
            header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items())
            self._out.write(header.encode("utf-8"))
            self._header_written = True
        self._out.write(b"\n")
        self._out.writelines(lines[start:])

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        out, self._out = self._out, None
        if out is None:
            return
        if self._temp is None:  # standard output
            if exc_type is None:
                self._finish(out)
            out.flush()
            return
        try:
            if exc_type is None:
                self._finish(out)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            out.close()
            os.unlink(self._temp)
            raise
        out.close()
        if exc_type is not None:
            os.unlink(self._temp)
            return
        _set_default_mode(self._temp)
        os.replace(self._temp, self.path)

    def _finish(self, out: BinaryIO) -> None:
        if self.format == ox.RdfFormat.JSON_LD:
            from kg.rdf.jsonld import compact_jsonld

            out.write(compact_jsonld(self._buffer, base_iri=self.base_iri))
            self._buffer = []


def _set_default_mode(path: str) -> None:
    """Give the finished file the mode a plain ``open()`` would (mkstemp makes it 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def write_atomically(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or chunks of them) to ``path`` through a temporary file renamed
    over it: whole or not at all.  Stale temporary files of earlier runs go first."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise KgError(f"{path}: directory {str(directory)!r} does not exist")
    remove_stale_parts(target)
    fd, temp = open_part(target)
    try:
        with os.fdopen(fd, "wb") as out:
            out.writelines([data] if isinstance(data, bytes) else data)
            out.flush()
            os.fsync(out.fileno())
        _set_default_mode(temp)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_graphs(
    graphs: Iterable[Graph], path: str | os.PathLike[str], fmt: str | ox.RdfFormat | None = None
) -> DatasetWriter:
    """Write all graphs to ``path`` in one atomic step; returns the finished writer (counts)."""
    with DatasetWriter(path, fmt) as writer:
        writer.add_all(graphs)
    return writer


# -- reading -----------------------------------------------------------------------------


def input_format(path: str | os.PathLike[str]) -> ox.RdfFormat:
    """The format of an input file by its extension, or InputError naming the file."""
    try:
        return format_for(path)
    except KgError:
        raise InputError(
            str(path),
            f"unknown RDF file extension; use one of {', '.join(sorted(EXTENSIONS))}",
        ) from None


def syntax_error(path: str | os.PathLike[str], error: SyntaxError) -> InputError:
    """An InputError naming the file and, where the parser gives one, the line."""
    message = error.msg or str(error)
    match = _PARSER_ERROR.match(message)
    reason = match.group("reason") if match else message
    if error.offset:
        reason = f"{reason} (column {error.offset})"
    return InputError(str(path), f"RDF syntax error: {reason}", line=error.lineno or None)


def load_rdf_file(path: str | os.PathLike[str]) -> ox.Store:
    """An in-memory pyoxigraph store holding the file (format by extension).

    Triple formats land in the default graph, dataset formats keep their named graphs.
    Raises InputError naming the file (and line) on a missing file or a syntax error.
    """
    fmt = input_format(path)
    if not Path(path).is_file():
        raise InputError(str(path), "no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as error:
        raise syntax_error(path, error) from None
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    return store
