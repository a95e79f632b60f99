"""Merging kg's graphs with each other and with other event data: one person, one country, one
meeting across documents, runs and sources.  Works on RDF (rdflib, pyoxigraph) and
kg.reference's tables; never imports spaCy.

>>> import pyoxigraph as ox
>>> store = merge_datasets([])          # an empty merge is an empty store
>>> len(store)
0

Each document keeps its own named graph, unchanged.  What the merge concludes goes into one
separate graph, ``{base}graph/links`` (:func:`links_graph_iri`), which can be dropped and
recomputed:

- **canonical nodes**: a person reported by several documents gets one node (type, preferred
  label, the other names as skos:altLabel, the countries and organisations they act for, every
  document as kg:source); an event reported several times gets one event node with every
  participant (as canonical nodes), every evidence span and every document; organisations get
  one node, or the table's shared IRI; countries are kg's ``country/XXX`` node, with their ISO
  3166 codes and Wikidata ID, which other graphs' Wikidata or ISO-coded nodes are linked to;
- ``kg:canonical`` from each node to its canonical node (a minted canonical node is its own),
  which the shipped queries use to answer over canonical entities, with ``owl:sameAs`` beside
  it: kg is sure;
- ``skos:closeMatch`` between nodes kg thinks may be one but is not sure of (below
  ``MergeOptions.sure``);
- for each of these, a ``kg:IdentityLink`` node (rdf:subject, rdf:predicate, rdf:object) with the
  rule (``kg:matchRule``), the evidence (``kg:matchEvidence``) and ``kg:confidence``.

kg never mints IRIs outside its own base: Wikidata entities are only pointed to.

Rules (``kg:matchRule``): ``person-same-name``, ``person-name-variant``, ``person-name-initial``,
``person-surname-role``, ``person-surname-country``, ``person-surname`` (candidate),
``wikidata-id``, ``org-table-entry``, ``org-government-of-country``, ``org-same-name``,
``org-abbreviation``, ``country-iso-code``, ``event-same-participants``,
``event-same-mediation``, ``event-same-mediator-place``, ``event-same-mediator``,
``event-same-countries``, ``event-undated-candidate``; ``-conflict`` and ``-ambiguous`` mark
candidates kg could not merge (a constraint, or several people fitting).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.io import check_output
from kg.merge.engine import Merger, MergeReport, Source
from kg.merge.options import MergeOptions
from kg.rdf.iris import links_graph_iri
from kg.rdf.serialize import rdf_bytes
from kg.rdf.shortcuts import complete_shortcuts
from kg.settings import Settings

__all__ = [
    "MergeOptions", "MergeReport", "Merger", "canonical_nquads", "links_graph_iri",
    "merge_datasets", "merge_to", "write_store",
]


def merge_datasets(
    inputs: Iterable[Source],
    *,
    settings: Settings | None = None,
    options: MergeOptions | None = None,
    store: ox.Store | None = None,
) -> ox.Store:
    """Merge documents' graphs (files, pyoxigraph stores or datasets, rdflib graphs) into
    ``store`` (a new in-memory store by default) and bring its links graph up to date.

    Merging into a store that already holds merged documents touches only the blocks the new
    documents bring; merging the same input twice changes nothing.
    """
    target = store if store is not None else ox.Store()
    merger = Merger(target, settings=settings, options=options)
    for source in inputs:
        merger.add(source)
    merger.commit()
    return target


def canonical_nquads(store: ox.Store | ox.Dataset) -> bytes:
    """The dataset as RDFC-1.0 canonical N-Quads: blank nodes canonically labelled, one quad a
    line in canonical N-Quads form, lines sorted by code point.  Byte-identical for equal
    datasets, whatever order they were built in."""
    return b"".join(canonical_lines(store))


def canonical_lines(store: ox.Store | ox.Dataset) -> list[bytes]:
    """The lines of :func:`canonical_nquads`, each ending in a newline."""
    source: ox.Store | ox.Dataset = store
    if _has_blank_nodes(store):
        source = ox.Dataset(store)
        source.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    # Without blank nodes RDFC-1.0 relabels nothing: the canonical form is then the quads in
    # canonical N-Quads form (which is how pyoxigraph writes N-Quads), sorted by code point
    # (UTF-8 bytes sort in code point order).
    lines = rdf_bytes(source, ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    lines.sort()
    return lines


_BLANK_QUERY = """ASK {
  { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER(isBlank(?s) || isBlank(?o) || isBlank(?g)) }
}"""


def _has_blank_nodes(data: ox.Store | ox.Dataset) -> bool:
    if isinstance(data, ox.Store):
        return bool(data.query(_BLANK_QUERY))
    return any(isinstance(t, ox.BlankNode) for q in data for t in (q.subject, q.object, q.graph_name))


def write_store(store: ox.Store, path: str, *, fmt: str | None = None, canonical: bool = False) -> int:
    """Write the whole store to ``path`` atomically (temporary file, then rename); ``canonical``
    writes RDFC-1.0 canonical N-Quads.  Returns the number of quads."""
    from kg.rdf.iris import prefixes as iri_prefixes
    from kg.rdf.jsonld import compact_jsonld
    from kg.rdf.mapping import PREFIXES
    from kg.rdf.serialize import STDOUT, format_for, is_dataset_format, write_atomically

    if canonical:
        if (fmt is not None or path != STDOUT) and format_for(path, fmt) != ox.RdfFormat.N_QUADS:
            raise KgError("--canonical output is N-Quads: use a .nq output or --format nquads")
        chunks: list[bytes] = canonical_lines(store)
    else:
        rdf_format = format_for(path, fmt)
        if not is_dataset_format(rdf_format):
            raise KgError(f"{path}: a merged graph keeps one named graph per document and a links "
                          "graph; write it as TriG (.trig), N-Quads (.nq) or JSON-LD (.jsonld)")
        # A store's own order depends on its history; sorted output is the same for equal data.
        quads = sorted(store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        if rdf_format in (ox.RdfFormat.TRIG,):
            chunks = [rdf_bytes(quads, rdf_format, PREFIXES | iri_prefixes())]
        elif rdf_format == ox.RdfFormat.JSON_LD:
            chunks = [compact_jsonld(quads)]
        else:
            chunks = [rdf_bytes(quads, rdf_format)]
    if path == STDOUT:
        import sys

        sys.stdout.buffer.writelines(chunks)
        sys.stdout.buffer.flush()
        return len(store)
    write_atomically(path, chunks)
    return len(store)


def _merge_into(store: ox.Store, inputs: list[str], settings: Settings | None,
                options: MergeOptions | None, *, with_store: bool = False) -> MergeReport:
    merger = Merger(store, settings=settings, options=options)
    if with_store:
        complete_shortcuts(store)  # graphs an older kg wrote: the shortcuts the questions read
        merger.add_store()  # what `kg extract --store` or `kg load` put there since the last merge
    for path in inputs:
        merger.add(path)
    return merger.commit()


@dataclass(frozen=True, slots=True)
class MergeSummary:
    report: MergeReport
    quads: int
    output: str | None
    store: str | None


def merge_to(
    inputs: list[str],
    *,
    output: str | None = None,
    store_dir: str | None = None,
    canonical: bool = False,
    fmt: str | None = None,
    settings: Settings | None = None,
    options: MergeOptions | None = None,
) -> MergeSummary:
    """What ``kg merge`` does: merge files into a new dataset written to ``output``, or into the
    embedded store at ``store_dir`` in place (in one transaction), or both.  A store's own
    documents not merged yet (from ``kg extract --store`` or ``kg load``) are merged too, so
    ``kg merge --store DIR`` with no file brings the store's links up to date."""
    if output is None and store_dir is None:
        raise KgError("say where the merge goes: -o FILE and/or --store DIR")
    if not inputs and store_dir is None:
        raise KgError("name the RDF files to merge")
    if output is not None:
        check_output(output)  # merging into one of its inputs is fine: all is read before writing
    if store_dir is None:
        store = ox.Store()
        report = _merge_into(store, inputs, settings, options)
        if output and len(store) == 0:
            raise KgError(f"nothing to write: the inputs hold no quads; {output} is left as it was")
        quads = write_store(store, output, fmt=fmt, canonical=canonical) if output else len(store)
        return MergeSummary(report, quads, output, None)
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(store_dir) as embedded:
        # (compacted after when the files bring a quarter of the store or more: see kg.store.embedded)
        added = sum(os.path.getsize(path) for path in inputs if os.path.isfile(path))
        with embedded.transaction(compact=embedded.worth_compacting(added)):
            # In a function of its own: the merger must not outlive the transaction, which
            # swaps in the staging copy it holds.
            report = _merge_into(embedded.store, inputs, settings, options, with_store=True)
        quads = len(embedded.store)
        if output and quads == 0:
            raise KgError(f"nothing to write: the store is empty; {output} is left as it was")
        if output:
            write_store(embedded.store, output, fmt=fmt, canonical=canonical)
    return MergeSummary(report, quads, output, store_dir)
