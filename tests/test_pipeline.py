"""kg.pipeline: loading the model (never downloading it), component order, streaming."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
import spacy
from spacy.language import Language

import kg.pipeline
from kg.errors import KgError
from kg.nlp.events import TRIGGERS_KEY
from kg.nlp.extraction import extract_records
from kg.pipeline import add_components, extract_article, extract_stream, load_nlp, model_name, parse, text_pieces
from kg.records import Article

PUBLISHED = date(2024, 3, 16)
ARTICLES = [
    Article("a", "Kenyan President Amani Odhiambo met Ugandan President Joseph Okello.", PUBLISHED),
    Article("b", "Norway mediated talks between Colombia and Venezuela.", PUBLISHED),
    Article("c", "Serbia rejected the offer of talks with Kosovo.", PUBLISHED),
    Article("d", "", PUBLISHED),
    Article("e", "Polish President Marek Nowak arrived in the Belarusian city of Gomel on Tuesday.", PUBLISHED),
]


@pytest.fixture
def no_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to download a model or to run pip fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"kg tried to run or download something: {args!r}")

    monkeypatch.setattr(spacy.cli, "download", refuse)
    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(subprocess, "check_call", refuse)


@pytest.mark.usefixtures("no_downloads")
def test_pipeline_missing_model_raises_kg_error() -> None:
    with pytest.raises(KgError) as caught:
        load_nlp("kg_no_such_model")
    message = str(caught.value)
    assert "'kg_no_such_model'" in message
    assert "not installed" in message and "pip" in message


@pytest.mark.usefixtures("no_downloads")
def test_pipeline_missing_default_models_names_them_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.pipeline, "DEFAULT_MODELS", ("kg_missing_one", "kg_missing_two"))
    with pytest.raises(KgError, match=r"'kg_missing_one' or 'kg_missing_two' is not installed"):
        load_nlp()


def test_pipeline_needs_a_parser_and_ner() -> None:
    with pytest.raises(KgError, match=r"lacks ner, parser"):
        add_components(spacy.blank("en"))


@pytest.mark.model
def test_pipeline_model_multiplies_through_numpy_with_the_same_annotations(nlp: Language) -> None:
    """load_nlp builds the model with numpy's matrix products (not BLIS), and the parse is the
    one thinc's default ops give: the same tags, arcs and entities."""
    from thinc.api import NumpyOps

    trained = [(name, pipe) for name, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None]
    assert {name for name, _ in trained} >= {"tok2vec", "parser", "ner"}
    for name, pipe in trained:
        blis = [node.name for node in pipe.model.walk() if getattr(node.ops, "use_blis", False)]
        # spaCy builds the parser's and NER's small output layer with its own CPU ops on purpose.
        assert blis == ([] if name not in ("parser", "ner") else ["linear"]), name
    stock = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    assert isinstance(stock.get_pipe("ner").model.ops, NumpyOps) and stock.get_pipe("ner").model.ops.use_blis
    texts = [
        "Foreign Minister Lena Varga of Hungary met her Austrian counterpart in Vienna on Monday.",
        "The talks between the two delegations, hosted by Oman, ended without a statement.",
        "Qatari mediators shuttled between the rooms; neither side spoke to reporters afterwards.",
    ]
    for ours, theirs in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == \
            [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]


def test_cli_runs_one_blas_thread_unless_told(tmp_path) -> None:
    """The command sets one BLAS thread before numpy loads; a user's own setting wins."""
    import os
    import sys

    code = "import kg.cli, os; print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['OMP_NUM_THREADS'])"
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert plain.stdout.split() == ["1", "1"]
    told = subprocess.run([sys.executable, "-c", code], env={**env, "OPENBLAS_NUM_THREADS": "3"},
                          capture_output=True, text=True, check=True)
    assert told.stdout.split() == ["3", "1"]


@pytest.mark.model
def test_pipeline_components_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    kg_names = [n for n in names if n.startswith("kg_")]
    assert kg_names == ["kg_paragraphs", "kg_co_words", "kg_gazetteer", "kg_triggers"]
    # Paragraphs before the parser sets sentences; "co-" words take their lemmas after the
    # lemmatizer; the tables correct the NER; triggers see it all.
    assert names.index("kg_paragraphs") < names.index("parser")
    assert names.index("lemmatizer") < names.index("kg_co_words")
    assert names.index("kg_gazetteer") == names.index("ner") + 2
    assert names[-1] == "kg_triggers"
    assert nlp.get_pipe_config("kg_triggers")["factory"] == "kg_triggers"
    doc = nlp("Oman mediated talks between Iran and the United States.")
    assert {s.label_ for s in doc.spans[TRIGGERS_KEY]} >= {"mediation", "talks"}


@pytest.mark.model
def test_pipeline_model_name(nlp: Language) -> None:
    assert re.fullmatch(r"en_core_web_sm\S* \d+\.\d+\.\d+", model_name(nlp))


@pytest.mark.model
def test_pipeline_extract_article_records_the_model(nlp: Language) -> None:
    records = extract_article(ARTICLES[0], nlp)
    assert records.article == ARTICLES[0]
    assert records.model == model_name(nlp)


@pytest.mark.model
def test_pipeline_extraction_is_deterministic(nlp: Language) -> None:
    first = [extract_article(a, nlp) for a in ARTICLES]
    assert [extract_article(a, nlp) for a in ARTICLES] == first
    assert list(extract_stream(ARTICLES, nlp=nlp)) == first


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_extract_stream_keeps_input_order(nlp: Language, workers: int) -> None:
    expected = [extract_article(a, nlp) for a in ARTICLES]
    streamed = list(extract_stream(iter(ARTICLES), nlp=nlp, workers=workers, batch_size=2))
    assert [r.article.id for r in streamed] == [a.id for a in ARTICLES]
    assert streamed == expected


# Paragraphs of a long report, with the kinds of line ends pieces are cut at (invented people).
LONG_REPORT = "\n\n".join([
    "Kenyan President Amani Odhiambo met Ugandan President Joseph Okello in Nairobi on Monday.",
    "Norway mediated talks between Colombia and Venezuela, said envoy Liv Skarsten.  \nThe talks resume in Oslo.",
    "\"We will not sign,\" said Foreign Minister Ilse Varga of Hungary.\n \nShe left for Vienna.",
    "Serbia rejected the offer of talks with Kosovo.\nPrime Minister Darko Ilic spoke to reporters.",
    "Polish President Marek Nowak arrived in Brest on Tuesday for talks with Lithuanian officials.",
    "The United Nations envoy Tomas Reyes urged the two delegations to resume negotiations in Oslo.",
]) + "\n"


def test_pipeline_text_pieces_cut_long_texts_at_line_starts() -> None:
    assert text_pieces(LONG_REPORT) == [LONG_REPORT]  # short: whole
    assert text_pieces("one line " * 40, long_text=10, piece=20) == ["one line " * 40]  # no line break: whole
    pieces = text_pieces(LONG_REPORT, long_text=100, piece=150)
    assert "".join(pieces) == LONG_REPORT and len(pieces) > 3
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert not any(p[0].isspace() for p in pieces[1:])
    # At most ``piece`` characters unless one line alone is longer.
    assert all(len(p) <= 150 or "\n" not in p.rstrip() for p in pieces)


@pytest.mark.model
def test_pipeline_long_text_parsed_in_pieces_is_one_doc_of_the_same_text(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = nlp(LONG_REPORT)
    monkeypatch.setattr(kg.pipeline, "LONG_TEXT", 100)
    monkeypatch.setattr(kg.pipeline, "PIECE", 150)
    assert len(text_pieces(LONG_REPORT)) > 3
    doc = parse(nlp, LONG_REPORT, batch_size=2)
    assert doc.text == LONG_REPORT
    assert [(t.idx, t.text, t.whitespace_) for t in doc] == [(t.idx, t.text, t.whitespace_) for t in whole]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    assert set(doc.spans) == set(whole.spans)
    for key in whole.spans:
        assert [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]] == \
            [(s.start, s.end, s.label_, s.id_) for s in whole.spans[key]], key
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]
    # Tags and arcs next to a cut may differ from the whole text's (the parser sees less context),
    # never what was found in it or where: the same people, countries and places, every
    # evidence at its place in the text, and a stream gives the same records.
    report = Article("long", LONG_REPORT, PUBLISHED)
    records = extract_records(doc, report, model=model_name(nlp))
    from_whole = extract_records(whole, report, model=model_name(nlp))
    for kind in ("persons", "countries", "places"):
        assert getattr(records, kind) == getattr(from_whole, kind), kind
    assert records.events and all(LONG_REPORT[e.begin:e.end] == e.text for event in records.events
                                  for e in event.evidence)
    streamed = list(extract_stream([ARTICLES[0], report, ARTICLES[1]], nlp=nlp, batch_size=2))
    assert [r.article.id for r in streamed] == ["a", "long", "b"]
    assert streamed[1] == records


@pytest.mark.model
def test_pipeline_doc_timeout_cuts_a_long_text_between_pieces(nlp: Language) -> None:
    from kg.engine.work import Item, extract_partition
    from kg.settings import Settings

    long_text = LONG_REPORT * (kg.pipeline.LONG_TEXT // len(LONG_REPORT) + 1)
    assert len(text_pieces(long_text)) > 5
    items = [Item(Article("long", long_text, PUBLISHED), "corpus.jsonl", 1), Item(ARTICLES[0], "corpus.jsonl", 2)]
    results = extract_partition(items, Settings(model=None), doc_timeout=0.5)
    assert [r.doc_id for r in results] == ["long", "a"]
    assert "--doc-timeout" in (results[0].error or "") and results[0].nquads == b""
    assert results[1].error is None and results[1].triples > 10
