"""Fuzzing ``kg.extract`` with hypothesis: whatever the text, the result is a dataset or a
KgError, never another exception; whatever the bytes of an input file, the reader gives
articles or InputErrors (issue 12).

500 examples a run, derandomised (the same examples every run, so a failure reproduces).
Texts mix words that set off kg's rules (titles, meeting verbs, invented names, dates) with
arbitrary characters: control characters, lone surrogates, combining marks, emoji.  The
model is loaded once (``kg.api`` keeps it for the process).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.errors import KgError

pytestmark = pytest.mark.issue(12)

# Words of our own that reach kg's rules: roles, meetings, mediation, places, dates.
WORDS = ["Foreign", "Minister", "President", "Anna", "Berg", "Tomas", "Varga", "of", "Norway",
         "Qatar", "met", "talks", "with", "mediated", "between", "and", "in", "Vienna", "on",
         "Monday", "said", "envoy", "the", "2024-03-16", "March", "16", ",", ".", "\n\n", '"']
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates (Cs) and controls (Cc) included
ODD = st.sampled_from(["\ud800", "\udfff", "\x00", "\x0b", "\x1b[31m", "\u202e", "\ufeff", "\u0301",
                       "\U0001f600", "\r", "\t", "\x85", "\u2028"])
PIECES = st.one_of(st.sampled_from(WORDS), st.text(ANY_CHARACTER, max_size=8), ODD)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map(" ".join),
    st.text(ANY_CHARACTER, max_size=200),
)
PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from(["2024-03-16", "16/03/2024", ""]),
                      st.text(ANY_CHARACTER, max_size=12))
DOC_IDS = st.one_of(st.just("doc"), st.text(ANY_CHARACTER, max_size=12))


@pytest.fixture(scope="module")
def warm() -> None:
    kg.extract("Anna Berg met Tomas Varga.")  # load the model once, outside the examples' clock


@pytest.mark.model
@settings(max_examples=500, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=TEXTS, published=PUBLISHED, doc_id=DOC_IDS)
def test_extract_gives_a_dataset_or_a_kg_error(warm, text, published, doc_id):
    try:
        dataset = kg.extract(text, published, doc_id=doc_id)
    except KgError:
        return
    assert len(dataset) >= 1  # at least the document's own node


JSON_ISH = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from([b'{"id": "a", "text": "', b'"}', b"\\ud800", b"\\u0000", b"[" * 50, b"]",
                              b"\n", b"\xff", b"\xef\xbb\xbf", b'"published": "2024-02-30"', b",", b"{", b"}"]),
             max_size=30).map(b"".join),
)


@pytest.mark.parametrize("suffix", [".jsonl", ".txt", ".data"])
def test_reader_reports_any_bytes_as_input_errors(tmp_path, suffix):
    from kg.errors import InputError
    from kg.io import read_articles

    @settings(max_examples=200, derandomize=True, deadline=None, database=None)
    @given(content=JSON_ISH)
    def read(content: bytes) -> None:
        path = tmp_path / f"input{suffix}"
        path.write_bytes(content)
        errors: list[InputError] = []
        try:
            articles = list(read_articles(str(path), on_error="skip", report=errors.append))
        except InputError:
            return
        for article in articles:
            article.text.encode("utf-8")  # whatever is read is text kg can write
            article.id.encode("utf-8")

    read()
