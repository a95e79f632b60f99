"""Merging documents' graphs into a store and keeping its links graph up to date, block by block.

A merge has two steps.  ``add`` puts each document's graph into the store unchanged: a graph
already there with the same triples is left alone (merging the same input twice changes
nothing), a graph that differs replaces it.  ``commit`` then recomputes only the blocks
(merge keys) those documents bring or used to bring: people by surname, organisations,
countries, events by kind and day, and the blocks that depend on them (the events of a person
whose canonical node changed; undated reports within a few days of a changed day).  Each
block's links are replaced by a difference of quads, so an unchanged block is not written.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.graph import Dataset as RdflibDataset

from kg.errors import InputError, KgError
from kg.merge.entities import Context, Rep, country_block, org_block, person_block
from kg.merge.events import EventBlocks
from kg.merge.links import BlockWriter
from kg.merge.options import MergeOptions
from kg.merge.read import COUNTRY, EVENT_TYPE_NODES, ORGANIZATION, PERSON, TYPE, P, Reader, event_key_date
from kg.rdf.iris import WIKIDATA_ENTITY, links_graph_iri
from kg.rdf.serialize import input_format, load_rdf_file, syntax_error, to_quads
from kg.rdf.shortcuts import add_shortcuts, complete_shortcuts, graphs_without_shortcuts
from kg.settings import Settings

log = logging.getLogger(__name__)

DOCUMENT_KEY = "document|"
"""The merge key of a document node: the version of the document the last merge took in."""

Source = str | os.PathLike[str] | ox.Store | ox.Dataset | Graph | RdflibDataset
GraphName = ox.NamedNode | ox.DefaultGraph


@dataclass(slots=True)
class MergeReport:
    """What one merge did."""

    documents_added: int = 0
    documents_replaced: int = 0
    documents_unchanged: int = 0
    documents_in_store: int = 0  # graphs the store held but the links graph did not cover yet
    links_graphs_ignored: int = 0
    entity_blocks: int = 0
    event_blocks: int = 0
    quads_added: int = 0
    quads_removed: int = 0
    sources: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.quads_added or self.quads_removed or self.documents_added or self.documents_replaced)

    def summary(self) -> str:
        held = f"{self.documents_in_store} in the store newly merged, " if self.documents_in_store else ""
        return (f"{self.documents_added} document(s) added, {self.documents_replaced} replaced, {held}"
                f"{self.documents_unchanged} unchanged; {self.entity_blocks} entity and "
                f"{self.event_blocks} event block(s) recomputed; links graph +{self.quads_added} "
                f"-{self.quads_removed} quads")


class Merger:
    """Adds documents' graphs to ``store`` and recomputes the links of what they touch."""

    def __init__(self, store: ox.Store, *, settings: Settings | None = None,
                 options: MergeOptions | None = None) -> None:
        self.settings = settings or Settings()
        self.options = options or MergeOptions()
        self.store = store
        self.base = self.settings.base_iri
        self.links = ox.NamedNode(links_graph_iri(self.base))
        self.reader = Reader(store, self.base, self.links)
        self.ctx = Context(self.base, self.settings.language, self.options)
        self.changed: set[str] = set()  # names of added or replaced graphs ("" is the default graph)
        self.old_keys: set[str] = set()
        self.report = MergeReport()
        self._kept = 0

    # -- step 1: documents' graphs ---------------------------------------------------------

    def add(self, source: Source) -> None:
        """Put every graph of ``source`` into the store (the links graph of a source is ignored:
        the store's own is recomputed)."""
        self.report.sources.append(str(source) if isinstance(source, (str, os.PathLike)) else type(source).__name__)
        if isinstance(source, (str, os.PathLike)) and next(iter(self.store), None) is None:
            self._load_into_empty(Path(source))
            return
        for name, quads in _graphs_of(source):
            self._put(name, quads)

    def add_store(self) -> int:
        """Take in what the store already holds (graphs put there by ``kg extract --store`` or
        ``kg load``) that the last merge did not see: a document graph whose document node
        differs from the version the links graph records (new, or re-extracted since), any
        other graph with a node no block files yet, and the blocks of nodes the links graph
        files but no graph holds any more (a document dropped or re-extracted).  Returns the
        number of graphs taken in; after a merge, a second call finds nothing to do."""
        keyed: set[str] = set()
        recorded: dict[str, str] = {}  # document graph -> the version the links graph records
        for q in self.store.quads_for_pattern(None, P["mergeKey"], None, self.links):
            if isinstance(q.subject, ox.NamedNode):
                keyed.add(q.subject.value)
                if isinstance(q.object, ox.Literal) and q.object.value.startswith(DOCUMENT_KEY):
                    recorded[q.subject.value] = q.object.value
        unmerged: set[str] = set()
        versioned: set[str] = set()
        names = {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode) and g != self.links}
        for name in sorted(names):
            version = self._document_version(name)
            if version is None:
                continue
            versioned.add(name)
            if recorded.get(name) != version:
                unmerged.add(name)
                if name in recorded:  # re-extracted since the last merge: the blocks its nodes were in
                    for subject in {q.subject.value for q in self.store.quads_for_pattern(
                            None, None, None, ox.NamedNode(name)) if isinstance(q.subject, ox.NamedNode)}:
                        self.old_keys.update(k for k in self.reader.keys_of(subject)
                                             if not k.startswith(DOCUMENT_KEY))
        for name in sorted(set(recorded) - names):  # dropped since the last merge
            self.store.remove(ox.Quad(ox.NamedNode(name), P["mergeKey"], ox.Literal(recorded[name]), self.links))
            self.report.quads_removed += 1
        held: set[str] = set()
        for cls in (PERSON, ORGANIZATION, COUNTRY, *EVENT_TYPE_NODES):
            for q in self.store.quads_for_pattern(None, TYPE, cls, None):
                if q.graph_name == self.links or not isinstance(q.subject, ox.NamedNode):
                    continue
                held.add(q.subject.value)
                graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                if graph not in versioned and q.subject.value not in keyed and self._has_key(q.subject.value, cls):
                    unmerged.add(graph)
        minted = (self.base + "canonical/", self.base + "link/", WIKIDATA_ENTITY)
        for node in sorted(keyed - held - set(recorded)):
            if not node.startswith(minted):
                self.old_keys.update(self.reader.keys_of(node))
        new = unmerged - self.changed
        self.changed |= new
        self.report.documents_in_store += len(new - {""})
        return len(new)

    def _document_version(self, name: str) -> str | None:
        """``document|{h16}`` of the document node's own triples in its graph (its text hash,
        date, source and the extraction run that made the graph): a re-extraction that may
        change the graph changes it.  None for a graph not named by a node it describes."""
        node = ox.NamedNode(name)
        lines = sorted(f"{q.subject} {q.predicate} {q.object}"
                       for q in self.store.quads_for_pattern(node, None, None, node))
        if not lines:
            return None
        return DOCUMENT_KEY + hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]

    def _record_versions(self) -> None:
        """File each changed document graph's version under its document node in the links graph."""
        for name in sorted(self.changed - {""}):
            node = ox.NamedNode(name)
            version = self._document_version(name)
            wanted = ox.Quad(node, P["mergeKey"], ox.Literal(version), self.links) if version else None
            old = [q for q in self.store.quads_for_pattern(node, P["mergeKey"], None, self.links)
                   if isinstance(q.object, ox.Literal) and q.object.value.startswith(DOCUMENT_KEY)]
            for quad in old:
                if quad != wanted:
                    self.store.remove(quad)
                    self.report.quads_removed += 1
            if wanted is not None and wanted not in old:
                self.store.add(wanted)
                self.report.quads_added += 1

    def _has_key(self, node: str, cls: ox.NamedNode) -> bool:
        """Whether the merge files ``node`` under a block (some nodes have none: no name to key)."""
        if cls == PERSON:
            info = self.reader.person_info(node)
            return info is not None and info.key is not None
        if cls == ORGANIZATION:
            return self.reader.org_info(node) is not None
        if cls == COUNTRY:
            return self.reader.country_code(node) is not None
        event = self.reader.event_info(node)
        return event is not None and event.key is not None

    def _load_into_empty(self, path: Path) -> None:
        """An empty store takes a whole file at once (pyoxigraph's bulk loader): every graph is new."""
        fmt = input_format(path)
        if not path.is_file():
            raise InputError(str(path), "no such file")
        try:
            self.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as error:
            self.store.clear()
            raise syntax_error(path, error) from None
        if self.links in set(self.store.named_graphs()):
            self.store.remove_graph(self.links)
            self.report.links_graphs_ignored += 1
        complete_shortcuts(self.store)  # a file written without them (an older kg, another tool)
        for name in self.store.named_graphs():
            if isinstance(name, ox.NamedNode):
                self.changed.add(name.value)
                self.report.documents_added += 1
        if next(iter(self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
            self.changed.add("")

    def _put(self, name: GraphName, quads: list[ox.Quad]) -> None:
        if name == self.links:
            self.report.links_graphs_ignored += 1
            return
        if isinstance(name, ox.DefaultGraph):
            missing = [q for q in quads if q not in self.store]
            if missing:
                self.store.extend(missing)
                self.changed.add("")
            return
        new = {ox.Quad(q.subject, q.predicate, q.object, name) for q in quads}
        old = set(self.store.quads_for_pattern(None, None, None, name))
        if old == new:
            self.report.documents_unchanged += 1
            return
        if old:
            for subject in {q.subject.value for q in old if isinstance(q.subject, ox.NamedNode)}:
                self.old_keys.update(self.reader.keys_of(subject))
            self.store.remove_graph(name)
            self.report.documents_replaced += 1
        else:
            self.report.documents_added += 1
        self.store.extend(new)
        self.changed.add(name.value)

    # -- step 2: links ----------------------------------------------------------------------

    def commit(self) -> MergeReport:
        """Recompute the blocks the added documents touch; returns the report."""
        self.reader.forget()
        self._typed = self._typed_nodes()
        self.old_keys = {k for k in self.old_keys if not k.startswith(DOCUMENT_KEY)}
        entity_keys = {k for k in self.old_keys if not k.startswith("event|")}
        event_keys = {k for k in self.old_keys if k.startswith("event|")}
        self._new_entities = self._entity_keys_of_new()
        entity_keys |= set(self._new_entities.values())
        changed_members = self._entity_phase(sorted(entity_keys))
        self.reader.forget()  # what the entity phase read is not needed again
        new_events = self._new_event_nodes()
        event_keys |= set(new_events)
        for member in sorted(changed_members):
            for event, _ in self.reader.referrers(P["participant"], member):
                event_keys.update(k for k in self.reader.keys_of(event) if k.startswith("event|"))
                info = self.reader.event_info(event)
                if info is not None and info.key is not None:
                    event_keys.add(info.key)
        self._event_phase(event_keys, new_events)
        self._record_versions()
        self.changed.clear()
        self.old_keys.clear()
        return self.report

    def _typed_nodes(self) -> dict[str, set[str]]:
        """The nodes of each merged class (and Wikidata participants) in the changed graphs."""
        classes = [PERSON, ORGANIZATION, COUNTRY, *EVENT_TYPE_NODES]
        found: dict[str, set[str]] = {c.value: set() for c in classes}
        found["wikidata"] = set()
        if not self.changed:
            return found
        many = len(self.changed) > 64
        graphs = [ox.DefaultGraph() if g == "" else ox.NamedNode(g) for g in sorted(self.changed)]
        for cls in classes:
            if many:  # one scan of the class beats a lookup per graph
                for q in self.store.quads_for_pattern(None, TYPE, cls, None):
                    name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                    if name in self.changed and isinstance(q.subject, ox.NamedNode):
                        found[cls.value].add(q.subject.value)
            else:
                for graph in graphs:
                    found[cls.value].update(self.reader.nodes_of_type(graph, cls))
        for within in graphs if not many else [None]:
            for q in self.store.quads_for_pattern(None, P["participant"], None, within):
                target = q.object
                if isinstance(target, ox.NamedNode) and target.value.startswith(WIKIDATA_ENTITY):
                    name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                    if name in self.changed:
                        found["wikidata"].add(target.value)
        return found

    def _entity_keys_of_new(self) -> dict[str, str]:
        """Entity node -> merge key, for the entities of the changed graphs."""
        reader = self.reader
        keys: dict[str, str] = {}
        for node in sorted(self._typed[PERSON.value]):
            info = reader.person_info(node)
            if info is not None and info.key is not None:
                keys[node] = info.key
        for node in sorted(self._typed[ORGANIZATION.value]):
            org = reader.org_info(node)
            if org is not None:
                keys[node] = org.key
        for node in sorted(self._typed[COUNTRY.value] | self._typed["wikidata"]):
            code = reader.country_code(node)
            if code is not None:
                keys[node] = "country:" + code
        return keys

    def _take_out(self, keys: Iterable[str]) -> tuple[dict[str, set[str]], set[ox.Quad]]:
        """Each key's members (as the links graph files them), and all the blocks' links,
        removed from the store: the blocks are then written afresh."""
        members: dict[str, set[str]] = {}
        old: set[ox.Quad] = set()
        for key in keys:
            members[key] = set(self.reader.members_of(key))
            for subject in members[key]:
                old.update(self.reader.link_quads(subject))
        for quad in old:
            self.store.remove(quad)
        return members, old

    def _put_back(self, old: set[ox.Quad], quads: set[ox.Quad], pending: list[ox.Quad], *, flush: bool = False) -> None:
        """Queue a block's quads for the store, counting what is new against the old links."""
        kept = len(quads & old) if old else 0
        self._kept += kept
        self.report.quads_added += len(quads) - kept
        pending.extend(quads)
        if flush or len(pending) > 200_000:
            self.store.extend(pending)
            pending.clear()

    def _rep_in_links(self, node: str) -> Rep:
        rep = self.reader.canonical_of(node)
        return (rep, self.reader.label_in_links(rep) if rep != node else None)

    def _entity_phase(self, keys: list[str]) -> set[str]:
        """Recompute entity blocks; returns the members whose canonical node (or its label) changed."""
        reader = self.reader
        before: dict[str, Rep] = {}
        after: dict[str, Rep] = {}
        # Candidates: what the links graph files under the key, and what the new documents bring.
        candidates = {k: set(reader.members_of(k)) for k in keys}
        for node, key in self._new_entities.items():
            if key in candidates:
                candidates[key].add(node)
        for members in candidates.values():
            for member in members:
                before[member] = self._rep_in_links(member)
        _, old = self._take_out(keys)
        self._kept = 0
        pending: list[ox.Quad] = []
        for key in keys:
            members = candidates[key]
            writer = BlockWriter(self.base, self.links, key)
            if key.startswith("person:"):
                infos = [i for i in map(reader.person_info, sorted(members)) if i is not None and i.key == key]
                after.update(person_block(infos, writer, self.ctx) if infos else {})
            elif key.startswith("org:"):
                orgs = [i for i in map(reader.org_info, sorted(members)) if i is not None and i.key == key]
                after.update(org_block(orgs, key, writer, self.ctx) if orgs else {})
            elif key.startswith("country:"):
                code = key.split(":", 1)[1]
                countries = [i for i in map(reader.country_info, sorted(members)) if i is not None and i.code == code]
                if countries:
                    after.update(country_block(countries, code, writer, self.ctx))
            self._put_back(old, writer.quads, pending)
            self.report.entity_blocks += 1
        self._put_back(old, set(), pending, flush=True)
        self.report.quads_removed += len(old) - self._kept
        changed = set()
        for member in set(before) | set(after):
            if before.get(member, (member, None)) != after.get(member, (member, None)):
                changed.add(member)
        return changed

    def _event_phase(self, keys: set[str], new_nodes: dict[str, set[str]]) -> None:
        window = self.options.undated_window_days
        dated = sorted(k for k in keys if not event_key_date(k)[1])
        undated = {k for k in keys if event_key_date(k)[1]}
        for key in dated:
            kind, _, day = event_key_date(key)
            for offset in range(-window, window + 1):
                other = f"event|{kind}|undated|{(day + timedelta(days=offset)).isoformat()}"
                if other not in undated and self.reader.members_of(other):
                    undated.add(other)
        rep_cache: dict[str, Rep] = {}

        def rep_of(node: str) -> Rep:
            if node not in rep_cache:
                rep_cache[node] = self._rep_in_links(node)
            return rep_cache[node]

        blocks = EventBlocks(self.reader, self.ctx, rep_of)
        members, old = self._take_out([*dated, *sorted(undated)])
        self._kept = 0
        pending: list[ox.Quad] = []
        # Dated blocks first, written before the undated ones read them.
        for group in (dated, sorted(undated)):
            for key in group:
                nodes = members[key] | new_nodes.get(key, set())
                infos = [i for i in map(self.reader.event_info, sorted(nodes)) if i is not None and i.key == key]
                writer = BlockWriter(self.base, self.links, key)
                if infos:
                    reps = blocks.block(key, infos, writer)
                    if group is not dated:
                        blocks.undated_candidates(key, reps, infos, writer)
                self._put_back(old, writer.quads, pending)
                self.report.event_blocks += 1
            self._put_back(old, set(), pending, flush=True)
        self.report.quads_removed += len(old) - self._kept

    def _new_event_nodes(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for cls in EVENT_TYPE_NODES:
            for node in sorted(self._typed[cls.value]):
                info = self.reader.event_info(node)
                if info is not None and info.key is not None:
                    found.setdefault(info.key, set()).add(node)
        return found


def _graphs_of(source: Source) -> Iterator[tuple[GraphName, list[ox.Quad]]]:
    """The graphs of a source, by name (sorted), each with its quads as a pyoxigraph store holds
    them (a store keeps literals in canonical form: "0.80"^^xsd:decimal is stored as "0.8"), so
    a graph compares equal to the same graph already merged."""
    if isinstance(source, (str, os.PathLike)):
        source = load_rdf_file(Path(source))
    elif isinstance(source, (Graph, ox.Dataset)):
        store = ox.Store()
        if isinstance(source, RdflibDataset):
            for graph in source.graphs():
                store.extend(to_quads(graph))
        elif isinstance(source, Graph):
            store.extend(to_quads(source))
        else:
            store.extend(source)
        source = store
    if not isinstance(source, ox.Store):
        raise KgError(f"cannot merge a {type(source).__name__}: give a file path, a pyoxigraph Store or "
                      "Dataset, or an rdflib Graph or Dataset")
    lacking = graphs_without_shortcuts(source)
    if lacking:  # written without the shortcuts: a copy with them (the caller's store is left alone)
        copy = ox.Store()
        copy.extend(source)
        add_shortcuts(copy, lacking)
        source = copy
    names = sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    default = list(source.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default:
        yield ox.DefaultGraph(), default
    for name in names:
        yield name, list(source.quads_for_pattern(None, None, None, name))
