"""The indexed attribute ruler and lemmatizer give exactly the annotations of spaCy's
AttributeRuler and Lemmatizer."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from kg.nlp.attributes import IndexedAttributeRuler, IndexedLemmatizer, index_rule_components
from kg.pipeline import DEFAULT_MODELS

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

# Invented sentences with the forms the English models' rules single out: contractions
# ("gonna", "gotta", "let's", "ain't", "y'all", "c'mon"), "there is", object pronouns, auxiliaries
# used as main verbs, negation, conjunctions tagged as prepositions, runs of spaces and breaks, a
# form whose lemma depends on its part of speech.
TEXTS = [
    "We're gonna meet the envoy, and you gotta listen, because it ain't over.",
    "Let's talk, y'all, c'mon: there is nothing left and there are no guarantees.",
    "She did it; he does not know whether they have done it or had it done.",
    "The minister gets the file and got the answer  while   I watched.\n\nThey gave it to me and to you.",
    "Nothin' changed since Monday, though the council's members say it isn't so.",
    "Ana Ruiz, who has been the mediator since 2021, said that talks will resume in Lima on Friday.",
    "Which of those plans would you have chosen if the other side had refused it?",
    # one form, two lemmas by part of speech
    "The meeting was short, and the ministers are meeting again; the building was building work.",
]


def _annotations(doc: Doc) -> tuple[numpy.ndarray, list[str], list[str]]:
    return doc.to_array(COLUMNS), [t.lemma_ for t in doc], [str(t.morph) for t in doc]


def _same(a: Doc, b: Doc) -> bool:
    (arr_a, lemmas_a, morphs_a), (arr_b, lemmas_b, morphs_b) = _annotations(a), _annotations(b)
    return numpy.array_equal(arr_a, arr_b) and lemmas_a == lemmas_b and morphs_a == morphs_b


@pytest.fixture(scope="module")
def model_pair() -> tuple[Language, Language]:
    for name in DEFAULT_MODELS:
        try:
            plain, indexed = spacy.load(name), spacy.load(name)
        except OSError:
            continue
        return plain, index_rule_components(indexed)
    pytest.skip(f"none of the models {DEFAULT_MODELS} is installed")


def test_attributes_indexed_ruler_replaces_the_models_under_its_name(model_pair: tuple[Language, Language]) -> None:
    plain, indexed = model_pair
    assert indexed.pipe_names == plain.pipe_names
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(plain.get_pipe("attribute_ruler"), AttributeRuler)
    assert isinstance(indexed.get_pipe("lemmatizer"), IndexedLemmatizer)
    assert isinstance(plain.get_pipe("lemmatizer"), Lemmatizer)


def test_attributes_same_annotations_as_the_models_ruler(model_pair: tuple[Language, Language]) -> None:
    plain, indexed = model_pair
    ruler = plain.get_pipe("attribute_ruler")
    lengths = set()
    for text in TEXTS:
        expected, got = plain(text), indexed(text)
        assert _same(expected, got), text
        with plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
            lengths.update(end - start for _, _, start, end in ruler.match(plain(text)))
    # The texts reach both ways of matching: one-token patterns and longer ones.
    assert {1, 2} <= lengths


def _ruler_pair(patterns: list[dict]) -> tuple[Language, Language]:
    """Two blank English pipelines with one hand-written AttributeRuler each, the second indexed."""
    pipelines = []
    for _ in range(2):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add_patterns(patterns)
        pipelines.append(nlp)
    return pipelines[0], index_rule_components(pipelines[1])


# Every kind of pattern the Matcher takes, in an order where later patterns overwrite earlier ones.
PATTERNS = [
    {"patterns": [[{"LOWER": {"IN": ["envoy", "envoys"]}}]], "attrs": {"POS": "NOUN", "LEMMA": "envoy"}},
    {"patterns": [[{"ORTH": "Envoy"}]], "attrs": {"POS": "PROPN"}},  # overwrites POS only
    {"patterns": [[{"LOWER": {"NOT_IN": ["envoy", "the", "."]}, "IS_SPACE": False}]], "attrs": {"TAG": "XX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^talk(s|ed)?$"}}]], "attrs": {"LEMMA": "talk", "MORPH": "Number=Plur"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": "envoy"}]], "attrs": {"LEMMA": "THE"}, "index": 0},
    {"patterns": [[{"LOWER": "the"}, {"LOWER": "envoy"}]], "attrs": {"TAG": "NNX"}, "index": -1},
    {"patterns": [[{"LOWER": "talks", "OP": "+"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LENGTH": 3}]], "attrs": {"MORPH": "Abbr=Yes"}},  # another attribute: the Matcher's
    {"patterns": [[{"LOWER": "the"}]], "attrs": {"LEMMA": "the-one"}},  # a later one-token pattern wins
    {"patterns": [[{"LOWER": "envoy"}]], "attrs": {"NORM": "delegate"}},  # an attribute set token by token
    # a longer pattern on a tag the patterns above set: matched on the Doc as it came (no tags yet)
    {"patterns": [[{"TAG": "XX"}, {"LOWER": "talks"}]], "attrs": {"LEMMA": "tagged-talks"}, "index": 1},
]


@pytest.mark.parametrize("text", [
    "The envoy talks.  Envoy Ana Gil talked with the envoys.\n\nTalks talks talks, the END.",
    "No envoy came; the talk was short.",
    "",
])
def test_attributes_every_kind_of_pattern_as_the_ruler_applies_it(text: str) -> None:
    plain, indexed = _ruler_pair(PATTERNS)
    expected, got = plain(text), indexed(text)
    assert [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.norm_) for t in got] == \
        [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.norm_) for t in expected]


def test_attributes_without_longer_patterns_the_matcher_never_runs() -> None:
    """A Doc where no longer pattern can start is matched by the index alone (same result)."""
    plain, indexed = _ruler_pair(PATTERNS[:5] + PATTERNS[5:7])
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    doc = indexed.make_doc("Envoy Ana Gil talked.")
    assert not ruler._others_anywhere and not any(ruler._matching(key)[1] for key in ruler.keys(doc))
    assert _same(plain("Envoy Ana Gil talked."), indexed("Envoy Ana Gil talked."))



@pytest.mark.parametrize("overwrite", [False, True])
def test_attributes_lemmas_as_the_lemmatizer_sets_them(overwrite: bool) -> None:
    """A lookup Lemmatizer after a ruler that sets one lemma itself: kept unless it overwrites."""
    pipelines = []
    for _ in range(2):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add_patterns([{"patterns": [[{"LOWER": "envoys"}]], "attrs": {"LEMMA": "ENVOY"}}])
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": overwrite})
        lookups = Lookups()
        lookups.add_table("lemma_lookup", {"talks": "talk", "envoys": "envoy", "met": "meet"})
        lemmatizer.initialize(lookups=lookups)
        pipelines.append(nlp)
    plain, indexed = pipelines[0], index_rule_components(pipelines[1])
    assert isinstance(indexed.get_pipe("lemmatizer"), IndexedLemmatizer)
    text = "The envoys met; talks met talks.  Envoys"
    expected = [t.lemma_ for t in plain(text)]
    assert [t.lemma_ for t in indexed(text)] == expected
    assert expected[1] == ("envoy" if overwrite else "ENVOY") and expected[2] == "meet"


def test_attributes_a_lemmatizer_without_its_tables_fails_as_spacys_does() -> None:
    """A Lemmatizer never given its tables refuses the first Doc (spaCy's E1004), indexed or not."""
    for index in (False, True):
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        if index:
            index_rule_components(nlp)
        with pytest.raises(ValueError, match="E1004"):
            nlp("The envoys met.")
