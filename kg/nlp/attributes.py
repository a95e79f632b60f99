"""The model's ``attribute_ruler`` and ``lemmatizer``, through an index: the same annotations, a
fraction of the time.

spaCy's AttributeRuler tries every one of its patterns at every token through the Matcher
(179 patterns in en_core_web_sm: about 16 µs a token, a tenth of the whole parse).  Nearly all
of them are one-token patterns whose outcome depends only on the token's tag, lower-case form,
text, dependency label and whether it is space.  ``IndexedAttributeRuler`` works out once per
combination of those values which of the patterns match (the Matcher's own predicates: a value,
``IN``, ``NOT_IN``, ``REGEX``) and what they set, merged in their order (later patterns win, as
they do there), and sets it for a whole Doc at once.  The other patterns (longer ones, operators,
other attributes) run through spaCy's Matcher, and each token they set gets all its matches
again, in the AttributeRuler's order, through the ruler's own ``set_annotations``.

The Lemmatizer reads each token from Python (about 3 µs a token); its rules, tables and
cache turn a token's form, part of speech and morphology into its lemma, so
``IndexedLemmatizer`` asks the model's Lemmatizer once per such combination and sets all the
lemmas of a Doc at once.

``index_rule_components`` swaps a pipeline's ruler and lemmatizer for these under the same names;
the annotations are the same token for token (tests compare every attribute on texts that exercise
every pattern).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG  # type: ignore[import-not-found]  # compiled, no stubs
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

NAME = "attribute_ruler"
LEMMATIZER = "lemmatizer"
# The Lemmatizer's modes whose lemma depends on the token's form, part of speech and morphology only.
LEMMATIZER_MODES = frozenset({"rule", "lookup", "pos_lookup"})
# The attributes a one-token pattern may test and stay in the index, with the column each is
# read from (Doc.to_array) and how a column's value becomes what the pattern compares.
_ATTRS = ("TAG", "LOWER", "ORTH", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, ORTH, DEP, IS_SPACE]
_FLAGS = frozenset({"IS_SPACE"})

Predicate = Callable[[Any], bool]
# The attributes set through Doc.from_array, all tokens at once.
_SET = [TAG, POS, MORPH, LEMMA]
# What the one-token patterns do to a token (IndexedAttributeRuler._matching).
Matching = tuple[tuple[int, ...], bool, tuple[tuple[int, int], ...], tuple[tuple[int, Any], ...]]
# Combinations of values whose matching patterns are remembered (about 250 bytes each; the
# outcomes themselves are shared): a long run meets ever new words, and memory stays flat.
MEMO_LIMIT = 10_000


def _predicate(value: Any) -> Predicate | None:
    """The Matcher's test of one attribute against ``value``, or None where the index cannot
    take it (another operator)."""
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (op, arg), = value.items()
        if op == "IN":
            members = frozenset(arg)
            return lambda v: v in members
        if op == "NOT_IN":
            excluded = frozenset(arg)
            return lambda v: v not in excluded
        if op == "REGEX":
            regex = re.compile(arg)
            return lambda v: isinstance(v, str) and regex.search(v) is not None
        return None
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    return None


def _allowed(value: Any) -> frozenset[Any] | None:
    """The values a test of one attribute against ``value`` lets through, where it names them
    (a value or ``IN``), else None."""
    if isinstance(value, dict):
        return frozenset(value["IN"]) if len(value) == 1 and "IN" in value else None
    return frozenset([value]) if isinstance(value, (str, bool)) else None


def _keyed_column(token_pattern: dict[str, Any]) -> tuple[int, frozenset[Any]] | None:
    """The column of a one-token pattern whose test names the fewest values it lets through, and
    those values: a token can match only with one of them there (None: no such test)."""
    named = [(_ATTRS.index(str(key).upper()), allowed) for key, value in token_pattern.items()
             if (allowed := _allowed(value)) is not None]
    return min(named, key=lambda pair: len(pair[1])) if named else None


def _token_test(token_pattern: dict[str, Any]) -> list[tuple[int, Predicate]] | None:
    """(column, test) pairs of a one-token pattern, or None where the index cannot take it."""
    tests = []
    for key, value in token_pattern.items():
        name = str(key).upper()
        if name not in _ATTRS:
            return None
        test = _predicate(value)
        if test is None:
            return None
        tests.append((_ATTRS.index(name), test))
    return tests


class IndexedAttributeRuler:
    """Has the effect of the AttributeRuler it ``takes`` (none: no effect)."""

    def __init__(self, vocab: Vocab) -> None:
        self._strings = vocab.strings
        self.ruler = AttributeRuler(vocab)
        self._one_token: list[tuple[int, list[tuple[int, Predicate]]]] = []
        self._others = Matcher(vocab)
        self._match_ids: list[int] = []
        # The first tokens of the other patterns, so that the Matcher runs only on a Doc where one
        # of them can start (unless one of them can start anywhere: an operator on its first token).
        self._other_starts: list[list[tuple[int, Predicate]]] = []
        self._others_anywhere = False
        self._used: list[int] = []  # the columns of _ATTRS some pattern tests: a token's key
        # The one-token patterns (positions in _one_token) by a value one of their columns must
        # have, and those with no such column: a new key is tested against these alone.
        self._by_value: dict[tuple[int, Any], list[int]] = {}
        self._unkeyed: list[int] = []
        self._memo: dict[tuple[int, ...], Matching] = {}
        self._outcomes: dict[Matching, Matching] = {}  # each outcome once

    def take(self, ruler: AttributeRuler) -> None:
        """Index ``ruler``'s patterns and apply its attributes."""
        vocab = ruler.vocab
        self.ruler = ruler
        self._one_token = []
        self._others = Matcher(vocab)
        self._match_ids = []
        self._memo = {}
        self._outcomes = {}
        self._other_starts = []
        self._others_anywhere = False
        self._by_value = {}
        self._unkeyed = []
        for attr_id, pattern in enumerate(ruler.patterns):
            self._match_ids.append(vocab.strings.add(str(attr_id)))
            rest: list[list[dict[str, Any]]] = []
            for alternative in cast(list[list[dict[str, Any]]], pattern["patterns"]):
                tests = _token_test(alternative[0]) if len(alternative) == 1 else None
                if tests is None:
                    rest.append(alternative)
                else:
                    keyed = _keyed_column(alternative[0])
                    if keyed is None:
                        self._unkeyed.append(len(self._one_token))
                    else:
                        for value in keyed[1]:
                            self._by_value.setdefault((keyed[0], value), []).append(len(self._one_token))
                    self._one_token.append((attr_id, tests))
            if rest:
                self._others.add(str(attr_id), rest)
                for alternative in rest:
                    first = _token_test(alternative[0])  # None with an operator: it may be skipped
                    if first is None:
                        self._others_anywhere = True
                    else:
                        self._other_starts.append(first)
        self._used = sorted({column for _, tests in self._one_token for column, _ in tests}
                            | {column for tests in self._other_starts for column, _ in tests})

    def keys(self, doc: Doc) -> list[tuple[int, ...]]:
        """Each token's key: its values of the columns the patterns test."""
        if not self._used:
            return [()] * len(doc)
        columns = doc.to_array([_COLUMNS[column] for column in self._used])
        rows = cast(list[list[int]], columns.reshape(len(doc), len(self._used)).tolist())
        return list(map(tuple, rows))

    def _matching(self, key: tuple[int, ...]) -> Matching:
        """The one-token patterns that match a token with the column values ``key``, whether one
        of the other patterns can start at it, and what those patterns set: as (column of _SET,
        value) pairs, and the other attributes."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            strings = self._strings
            values: list[Any] = [None] * len(_ATTRS)
            for column, value in zip(self._used, key, strict=True):
                values[column] = bool(value) if _ATTRS[column] in _FLAGS else strings[value] if value else ""

            def passes(tests: list[tuple[int, Predicate]]) -> bool:
                return all(test(values[column]) for column, test in tests)

            by_value, one_token = self._by_value, self._one_token
            candidates = [*self._unkeyed, *(n for column in self._used
                                            for n in by_value.get((column, values[column]), ()))]
            attr_ids = tuple(sorted({one_token[n][0] for n in candidates if passes(one_token[n][1])}))
            merged: dict[int, Any] = {}  # what they set, in their order: later patterns win
            for attr_id in attr_ids:
                merged.update(self.ruler.attrs[attr_id])
            outcome = (attr_ids, any(passes(tests) for tests in self._other_starts),
                       tuple((_SET.index(attr), value) for attr, value in merged.items() if attr in _SET),
                       tuple((attr, value) for attr, value in merged.items() if attr not in _SET))
            found = self._memo[key] = self._outcomes.setdefault(outcome, outcome)
        return found

    def __call__(self, doc: Doc) -> Doc:
        """What the AttributeRuler's ``set_annotations(doc, match(doc))`` does: every pattern matched
        before any attribute is set; the one-token patterns' attributes set for all tokens at once
        (the columns of _SET by ``Doc.from_array``, others token by token); then each token a longer
        pattern sets gets all its matches again, in order."""
        if not len(doc):
            return doc
        matchings = [self._matching(key) for key in self.keys(doc)]
        others: list[tuple[int, int, int, int]] = []
        if len(self._others) and (self._others_anywhere or any(starts for _, starts, _, _ in matchings)):
            strings = self._strings
            others = [(int(strings[match_id]), match_id, start, end)
                      for match_id, start, end in self._others(doc, allow_missing=True)]
        rows = doc.to_array(_SET).tolist()
        for i, (_, _, values, rest) in enumerate(matchings):
            if values:
                row = rows[i]
                for column, value in values:
                    row[column] = value
            if rest:
                set_token_attrs(doc[i], dict(rest))
        doc.from_array(_SET, numpy.array(rows, dtype="uint64"))  # type: ignore[arg-type]  # an int array
        if others:
            match_ids = self._match_ids
            targets = {at for attr_id, _, start, end in others
                       if (at := _target(Span(doc, start, end), self.ruler.indices[attr_id])) is not None}
            again = [(attr_id, match_ids[attr_id], i, i + 1) for i in sorted(targets)
                     for attr_id in matchings[i][0]]
            self.ruler.set_annotations(doc, sorted(others + again))
        return doc


def _target(span: Span, index: int) -> int | None:
    """The token a match sets (``index`` in its span), None where there is none (the ruler's own
    ``set_annotations`` says so)."""
    try:
        return span[index].i
    except IndexError:
        return None


@Language.factory("kg_indexed_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph", "token.lemma"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab)


class IndexedLemmatizer:
    """Sets the lemmas the Lemmatizer it ``takes`` sets (none: no effect)."""

    def __init__(self, vocab: Vocab) -> None:
        self._strings = vocab.strings
        self.lemmatizer: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], int] = {}

    def take(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._memo = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return doc
        if not lemmatizer._validated:  # the Lemmatizer's own check that its tables are there
            lemmatizer._validate_tables(Errors.E1004)
        memo, overwrite = self._memo, lemmatizer.overwrite
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma and not overwrite:
                continue  # set before (by the attribute ruler's exceptions)
            value = memo.get((orth, pos, morph))
            if value is None:
                if len(memo) >= MEMO_LIMIT:
                    memo.clear()
                value = memo[orth, pos, morph] = self._strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # an int array, typed as floats
        return doc


@Language.factory("kg_indexed_lemmatizer", assigns=["token.lemma"])
def make_indexed_lemmatizer(nlp: Language, name: str) -> IndexedLemmatizer:
    return IndexedLemmatizer(nlp.vocab)


def index_rule_components(nlp: Language) -> Language:
    """``nlp`` with its AttributeRuler and Lemmatizer (those it has) working through the index,
    under the same names."""
    if NAME in nlp.pipe_names:
        ruler = nlp.get_pipe(NAME)
        if isinstance(ruler, AttributeRuler):
            indexed = cast(IndexedAttributeRuler, nlp.replace_pipe(NAME, "kg_indexed_attribute_ruler"))
            indexed.take(ruler)
    if LEMMATIZER in nlp.pipe_names:
        lemmatizer = nlp.get_pipe(LEMMATIZER)
        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in LEMMATIZER_MODES:
            lemmas = cast(IndexedLemmatizer, nlp.replace_pipe(LEMMATIZER, "kg_indexed_lemmatizer"))
            lemmas.take(lemmatizer)
    return nlp
