"""The library functions behind kg's commands (the CLI only parses options and prints)."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError, KgError
from kg.rdf.mapping import DocumentTriples
from kg.records import Article, DocumentRecords
from kg.settings import Settings

RecordHook = Callable[[DocumentRecords], None]


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    documents: int
    triples: int
    output: str | None
    store: str | None
    copies: int = 0


def extract_records(text: str, published: date | str | None = None, *, doc_id: str = "text",
                    settings: Settings | None = None) -> DocumentRecords:
    """The typed records kg extracts from one text (loads the model on first use)."""
    from kg.pipeline import extract_article

    settings = settings or Settings()
    return extract_article(Article(id=doc_id, text=text, published=_as_date(published)), _nlp(settings.model))


def _as_date(published: date | str | None) -> date | None:
    """A publication date given as a date or an ISO string ("2024-03-16")."""
    if isinstance(published, datetime):
        return published.date()
    if published is None or isinstance(published, date):
        return published
    if isinstance(published, str):
        try:
            return date.fromisoformat(published.strip())
        except ValueError:
            raise KgError(f"published: {published!r} is not a date (YYYY-MM-DD)") from None
    raise KgError(f"published must be a date or a YYYY-MM-DD string, not {type(published).__name__}")


def extract(text: str, published: date | str | None = None, *, doc_id: str = "text",
            settings: Settings | None = None) -> Dataset:
    """The RDF dataset (one named graph) kg builds from one text."""
    from kg.rdf.mapping import records_to_dataset

    settings = settings or Settings()
    return records_to_dataset([extract_records(text, published, doc_id=doc_id, settings=settings)], settings)


_NLP_CACHE: dict[str | None, object] = {}


def _nlp(model: str | None):  # noqa: ANN202 - spaCy Language, imported lazily
    """One pipeline per process and model: loading costs far more than a document."""
    if model not in _NLP_CACHE:
        from kg.pipeline import load_nlp

        _NLP_CACHE[model] = load_nlp(model)
    return _NLP_CACHE[model]


def with_published(articles: Iterable[Article], published: date | None) -> Iterator[Article]:
    """Give articles without a publication date the one the user stated."""
    for article in articles:
        if published is not None and article.published is None:
            article = dataclasses.replace(article, published=published)
        yield article


def extract_to(articles: Iterable[Article], *, settings: Settings, output: str | None = None,
               fmt: str | None = None, store: str | None = None,
               on_record: RecordHook | None = None, detect_copies: bool = True) -> ExtractSummary:
    """Extract every article and write the graphs to a file, a store, or both.

    The file is written atomically (nothing appears unless every document succeeded);
    the store replaces each document's named graph in its own transaction.  A document
    whose text repeats (or nearly repeats) an earlier one — a wire copy under another
    URL — is not extracted again: its graph holds the document and ``kg:copyOf`` the
    original, so its facts are not counted twice.
    """
    from kg.pipeline import extract_stream
    from kg.rdf.mapping import records_to_triples
    from kg.rdf.serialize import DatasetWriter
    from kg.store.embedded import EmbeddedStore

    if output is None and store is None:
        raise KgError("say where the graph goes: -o FILE (or -o - for standard output) and/or --store DIR")
    if output not in (None, "-"):
        Path(output).resolve().parent.mkdir(parents=True, exist_ok=True)
    nlp = _nlp(settings.model)
    copies: deque[tuple[Article, str]] = deque()
    originals = _originals(articles, copies) if detect_copies else articles
    records = extract_stream(originals, nlp=nlp, workers=settings.workers, batch_size=settings.batch_size)
    documents = triples = copied = 0
    with ExitStack() as stack:
        # On an exception the writer deletes its temporary file: no half-written output.
        writer = (stack.enter_context(DatasetWriter(output, fmt, base_iri=settings.base_iri))
                  if output is not None else None)
        opened = stack.enter_context(EmbeddedStore(store)) if store is not None else None
        def emit(graph: Graph | DocumentTriples) -> None:
            nonlocal documents, triples
            if writer is not None:
                writer.add(graph)
            if opened is not None:
                opened.replace_graph(str(graph.identifier), graph)
            documents += 1
            triples += len(graph)

        def emit_copies() -> None:
            nonlocal copied
            while copies:
                article, original = copies.popleft()
                emit(copy_graph(article, original, settings))
                copied += 1

        for record in records:
            emit(records_to_triples(record, settings))
            if on_record is not None:
                on_record(record)
            emit_copies()
        emit_copies()
        if documents == 0:
            raise KgError("no document was extracted: every input record was skipped")
    return ExtractSummary(documents, triples, output, store, copied)


def _originals(articles: Iterable[Article], copies: deque[tuple[Article, str]]) -> Iterator[Article]:
    """The articles that are not copies of an earlier one; copies go to ``copies``."""
    from kg.text.copies import CopyDetector

    detector = CopyDetector()
    for article in articles:
        original = detector.add(article.id, article.text)
        if original is None:
            yield article
        else:
            copies.append((article, original))


def copy_graph(article: Article, original_id: str, settings: Settings) -> Graph:
    """The graph of a copy: its document node, and ``kg:copyOf`` the original's."""
    from kg.rdf.iris import document_iri
    from kg.rdf.mapping import records_to_graph
    from kg.vocab import KG

    graph = records_to_graph(DocumentRecords(article=article), settings)
    graph.add((document_iri(article.id, settings.base_iri), KG.copyOf,
               document_iri(original_id, settings.base_iri)))
    return graph


def open_sources(paths: list[str], store: str | None):  # noqa: ANN201 - pyoxigraph.Store
    """A pyoxigraph store to query: RDF files loaded in memory, or the store on disk."""
    from kg.rdf.serialize import load_rdf_file
    from kg.store.embedded import EmbeddedStore

    if paths and store:
        raise KgError("query either RDF files or a --store, not both")
    if store is not None:
        if not Path(store).is_dir():
            raise KgError(f"{store}: no such store (create one with `kg extract ... --store {store}`)")
        return EmbeddedStore(store, read_only=True).store
    if not paths:
        raise KgError("name the RDF files to query, or a --store DIR")
    combined = None
    for path in paths:
        loaded = load_rdf_file(path)
        if combined is None:
            combined = loaded
        else:
            combined.extend(loaded)
    return combined


def load_graph_file(path: str) -> Dataset:
    """Parse an RDF file with rdflib (for SHACL validation), with a one-line error."""
    import pyoxigraph as ox

    from kg.rdf.serialize import load_rdf_file, rdf_bytes

    if not Path(path).is_file():
        raise InputError(path, "no such file")
    store = load_rdf_file(path)  # a fast syntax check with a good error message
    data = rdf_bytes(store, ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    return dataset
