"""The kg_coref component: one id per person across names, titles, counterparts and pronouns."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.nlp.coref import COREF_KEY, coref_spans
from kg.pipeline import load_nlp

TEXT = (
    "Kenyan President Amani Odhiambo met Ugandan President Joseph Okello in Kampala on Monday. "
    "Odhiambo's spokeswoman, Ruth Wanjiru, said the talks went well. "
    "She said the Kenyan leader would return next month."
)


def _clusters(spans) -> dict[str, list[str]]:  # noqa: ANN001
    clusters: dict[str, list[str]] = {}
    for span in spans:
        clusters.setdefault(span.id_, []).append(span.text)
    return clusters


@pytest.mark.model
def test_coref_clusters_names_titles_and_pronouns(nlp: Language) -> None:
    clusters = _clusters(coref_spans(nlp(TEXT)))
    assert clusters["amani-odhiambo"] == ["Amani Odhiambo", "Odhiambo", "the Kenyan leader"]
    # "spokeswoman, Ruth Wanjiru": the apposed title names her too.
    assert clusters["ruth-wanjiru"] == ["spokeswoman", "Ruth Wanjiru", "She"]
    assert clusters["joseph-okello"] == ["Joseph Okello"]


@pytest.mark.model
def test_coref_component_writes_its_span_group() -> None:
    nlp = load_nlp()
    nlp.add_pipe("kg_coref")
    doc = nlp(TEXT)
    spans = doc.spans[COREF_KEY]
    assert {s.id_ for s in spans} == {"amani-odhiambo", "joseph-okello", "ruth-wanjiru"}
    assert {s.label_ for s in spans} >= {"name", "title", "pronoun"}
