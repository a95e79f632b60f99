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
from kg.pipeline import add_components, extract_article, extract_stream, load_nlp, model_name
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
def test_pipeline_components_in_order(nlp: Language) -> None:
    names = nlp.pipe_names
    kg_names = [n for n in names if n.startswith("kg_")]
    assert kg_names == ["kg_paragraphs", "kg_gazetteer", "kg_triggers"]
    # Paragraphs before the parser sets sentences; the tables correct the NER; triggers see it all.
    assert names.index("kg_paragraphs") < names.index("parser")
    assert names.index("kg_gazetteer") == names.index("ner") + 1
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
