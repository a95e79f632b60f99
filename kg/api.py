"""The library functions behind kg's commands (the CLI only parses options and prints)."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError, KgError
from kg.records import Article, DocumentRecords
from kg.settings import Settings


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    documents: int
    triples: int
    output: str | None
    store: str | None
    copies: int = 0
    resumed: int = 0  # documents a killed run had finished, taken from its journal


def extract_records(text: str, published: date | str | None = None, *, doc_id: str | None = None,
                    settings: Settings | None = None) -> DocumentRecords:
    """The typed records kg extracts from one text (loads the model on first use).

    Without ``doc_id`` the document is named by a hash of its text (``text-<16 hex digits>``),
    so two texts never share a graph and the same text always gets the same one.
    Bad arguments raise :class:`KgError` with a one-line message: not a string, bytes, empty,
    too long, a NUL character or a lone surrogate (as ``kg extract`` refuses such records).
    """
    from kg.pipeline import extract_article

    article = Article(id=_checked_id(doc_id, _checked_text(text)), text=text, published=_as_date(published))
    settings = _checked_settings(settings)
    return extract_article(article, _nlp(settings.model))


def _checked_text(text: object) -> str:
    """``text`` if kg can extract from it, else a KgError saying what is wrong in one line."""
    from kg.io import DEFAULT_MAX_CHARS, text_problem

    if isinstance(text, bytes | bytearray):
        raise KgError("text is bytes, not a string: decode it first (for example text.decode('utf-8'))")
    if not isinstance(text, str):
        raise KgError(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise KgError("text is empty")
    if len(text) > DEFAULT_MAX_CHARS:
        raise KgError(f"text is too long: {len(text):,} characters, more than the limit of {DEFAULT_MAX_CHARS:,}; "
                      "split it into articles")
    if "\x00" in text:
        raise KgError("text holds a NUL character (binary data?)")
    problem = text_problem(text)
    if problem:
        raise KgError(f"text {problem}")
    return text


def _checked_id(doc_id: object, text: str) -> str:
    """The caller's document id, or one derived from the text's content."""
    if doc_id is None:
        return "text-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if not isinstance(doc_id, str):
        raise KgError(f"doc_id must be a string, not {type(doc_id).__name__}")
    if not doc_id.strip():
        raise KgError("doc_id is empty")
    from kg.io import text_problem

    problem = text_problem(doc_id)
    if problem:
        raise KgError(f"doc_id {problem}")
    return doc_id


def _checked_settings(settings: object) -> Settings:
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise KgError(f"settings must be a kg.settings.Settings, not {type(settings).__name__}")
    return settings


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


def extract(text: str, published: date | str | None = None, *, doc_id: str | None = None,
            settings: Settings | None = None) -> Dataset:
    """The RDF kg builds from one text: an rdflib Dataset whose default graph is the union of its graphs.

    The document's facts sit in one named graph (named by the document's IRI), so TriG,
    N-Quads and JSON-LD keep it; and because the Dataset is made with ``default_union=True``,
    ``.triples(...)``, ``len()``, SPARQL queries and Turtle or N-Triples serialisation see those
    facts as a plain graph would.
    """
    from kg.rdf.mapping import records_to_dataset

    settings = _checked_settings(settings)
    records = extract_records(text, published, doc_id=doc_id, settings=settings)
    return records_to_dataset([records], settings, default_union=True)


_NLP_CACHE: dict[str | None, object] = {}


def _nlp(model: str | None):  # noqa: ANN202 - spaCy Language, imported lazily
    """One pipeline per process and model: loading costs far more than a document."""
    if model not in _NLP_CACHE:
        # Loading (spaCy's import included) makes objects that live as long as the process: the
        # collector's full passes while they are made, and over them later, find nothing to
        # free.  So no automatic collection while loading (a zero threshold: srsly turns the
        # collector's on/off flag back on), and what was made is frozen (left out of later
        # collections).  No collection first: over the loaded model it found no garbage and
        # cost 0.05 s of every run's start-up.
        thresholds = gc.get_threshold()
        gc.set_threshold(0)
        try:
            from kg.pipeline import load_nlp

            _NLP_CACHE[model] = load_nlp(model)
        finally:
            gc.set_threshold(*thresholds)
        gc.freeze()
    return _NLP_CACHE[model]


def with_published(articles: Iterable[Article] | Iterable[tuple[Article, str, int | None]],
                   published: date | None) -> Iterator:
    """Give articles (or located articles) without a publication date the one the user stated."""
    for item in articles:
        article = item[0] if isinstance(item, tuple) else item
        if published is not None and article.published is None:
            article = dataclasses.replace(article, published=published)
            item = (article, *item[1:]) if isinstance(item, tuple) else article
        yield item


def extract_to(articles: Iterable[Article] | Iterable[tuple[Article, str, int | None]], *, settings: Settings,
               output: str | None = None, fmt: str | None = None, store: str | None = None,
               detect_copies: bool = True, scheduler: str | None = None, resume: bool = False,
               restart: bool = False, doc_timeout: float | None = None, on_error: str = "raise",
               report: Callable[[InputError], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None,
               partition_docs: int | None = None, total: int | None = None) -> ExtractSummary:
    """Extract every article and write the graphs to a file, a store, or both.

    ``articles`` are Articles, or (article, file, line) triples from :func:`kg.io.read_located`
    so that a bad record is reported where it was read.  The corpus is cut into partitions
    that run in this process, in ``settings.workers`` local processes, or on a Dask cluster
    (``scheduler``: ``tcp://HOST:PORT`` or ``local``); the output has the same bytes whichever.
    A run into a ``store`` parses in a worker process even with one worker (the store's threads
    would slow spaCy in this one): a script that calls this needs Python's
    ``if __name__ == "__main__":`` guard, as with several workers.
    The file is written atomically (nothing appears unless every document succeeded); the
    store replaces each document's named graph.  A run journal beside the output (or the
    store) records finished documents: after a crash, ``resume=True`` extracts only the rest
    and gives the output an uninterrupted run gives; ``restart=True`` discards the journal.
    A document whose text repeats (or nearly repeats) an earlier one — a wire copy under
    another URL, in this run or, with a store, in an earlier one — is not extracted again:
    its graph holds the document and ``kg:copyOf`` the original.  ``total`` is how many articles
    there are, where known without reading them (a list's length is taken): the last partitions
    are then shorter, so that the workers finish together.
    """
    from kg.engine.executors import make_executor
    from kg.engine.journal import Journal, journal_path
    from kg.engine.run import run
    from kg.io import check_output, remove_stale_parts
    from kg.rdf.serialize import format_for

    if output is None and store is None:
        raise KgError("say where the graph goes: -o FILE (or -o - for standard output) and/or --store DIR")
    if output not in (None, "-"):
        check_output(output)
        Path(output).resolve().parent.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(output)
    if output is not None:
        format_for(output, fmt)  # an unknown format fails before any work
    folder = journal_path(output, store)
    journal = None
    if folder is not None:
        options: dict[str, object] = {"output": None if output is None else str(Path(output).resolve()),
                   "store": None if store is None else str(Path(store).resolve()),
                   "format": fmt, "base_iri": settings.base_iri, "model": settings.model,
                   "detect_copies": detect_copies}
        journal = Journal.open(folder, options, resume=resume, restart=restart,
                               keep_graphs=output not in (None, "-"))
    if total is None and isinstance(articles, Sized):
        total = len(articles)
    located = (item if isinstance(item, tuple) else (item, "<articles>", n) for n, item in enumerate(articles, 1))
    try:
        summary = run(located, settings=settings,
                      start=lambda: make_executor(settings, scheduler=scheduler, doc_timeout=doc_timeout,
                                                  threaded=store is not None,
                                                  scratch=None if journal is None else str(journal.folder)),
                      output=output, fmt=fmt, store=store, journal=journal, detect_copies=detect_copies,
                      on_error=on_error, report=report, on_progress=on_progress, partition_docs=partition_docs,
                      total=total)
    except BaseException:
        if journal is not None and journal.is_empty():
            journal.remove()
        raise
    if store is not None:
        _complete_shortcuts(store)
    return ExtractSummary(summary.documents, summary.triples, output, store, summary.copies, summary.resumed)


def _complete_shortcuts(store_dir: str) -> None:
    """Give the shortcut triples to the graphs of a store an older kg wrote, which this run's
    graphs now sit beside: otherwise the questions reading them would leave those documents out."""
    from kg.store.embedded import EmbeddedStore
    from kg.store.load import upgrade_store

    with EmbeddedStore(store_dir) as opened:
        upgrade_store(opened)


def copy_graph(article: Article, original_id: str, settings: Settings) -> Graph:
    """The graph of a copy: its document node, and ``kg:copyOf`` the original's."""
    from kg.rdf.iris import document_iri
    from kg.rdf.mapping import records_to_graph
    from kg.vocab import KG

    graph = records_to_graph(DocumentRecords(article=article), settings)
    graph.add((document_iri(article.id, settings.base_iri), KG.copyOf,
               document_iri(original_id, settings.base_iri)))
    return graph


def open_sources(paths: list[str], store: str | None, *, in_memory: bool = False):  # noqa: ANN201 - pyoxigraph.Store
    """A pyoxigraph store to query: RDF files loaded in memory, or the store on disk (read
    where it is, or with ``in_memory`` copied into memory: each look-up a question makes costs
    several times less there, for the memory the whole store takes)."""
    import pyoxigraph as ox

    from kg.rdf.serialize import load_rdf_file
    from kg.rdf.shortcuts import complete_shortcuts
    from kg.store.embedded import EmbeddedStore

    if paths and store:
        raise KgError("query either RDF files or a --store, not both")
    if store is not None:
        if not Path(store).is_dir():
            raise KgError(f"{store}: no such store (create one with `kg extract ... --store {store}`)")
        if not in_memory:
            return EmbeddedStore(store, read_only=True).store
        copy = ox.Store()
        with EmbeddedStore(store, read_only=True) as disk:
            copy.bulk_extend(disk.store.quads_for_pattern(None, None, None, None))
        return copy
    if not paths:
        raise KgError("name the RDF files to query, or a --store DIR")
    combined = None
    for path in paths:
        loaded = load_rdf_file(path)
        if combined is None:
            combined = loaded
        else:
            combined.extend(loaded)
    assert combined is not None  # paths is not empty
    complete_shortcuts(combined)  # files written without them (an older kg, another tool)
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
