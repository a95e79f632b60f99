"""The ``kg_triggers`` component: words that name events, from ``patterns/triggers.jsonl``.

The patterns are spaCy token patterns (as for the span ruler).  Most are one token
("met", "mediation", "talks"); checking dozens of one-token patterns at every token is
what makes a Matcher slow, so those go into lookup tables keyed by lemma or lower-case
form and the rest through a Matcher.  A longer pattern of bounded length whose first token
is keyed by lemma or form is matched only in the few words from a token that can begin it
(a Matcher's cost grows with the tokens it is run on); one with a ``*`` or ``+`` and such a
first token, in the rest of that token's sentence (a trigger does not run on into the next
sentence); any other on the whole document.  The result is the span ruler's within those
bounds: every match, as a span under ``doc.spans["kg_triggers"]`` with the pattern's label and id.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

TRIGGERS_KEY = "kg_triggers"
DEFAULT_PATTERNS = "triggers.jsonl"
# Token attributes a one-token pattern may test besides its lemma or form.
CONSTRAINT_ATTRS = {"POS": "pos_", "TAG": "tag_", "DEP": "dep_"}


# The columns of a row of ``doc.to_array(["LEMMA", "LOWER", "ORTH"])``, by the attribute a
# pattern keys on.
ROW_COLUMNS = (("lemma_", 0), ("lower_", 1), ("text", 2))


@dataclass(slots=True)
class _Window:
    """The patterns that can begin with one word, run from it: as far as the longest of them
    (``longest``), or to the end of its sentence for patterns of unbounded length (None).
    ``needs`` holds, for each pattern, the words it cannot match without (a set of allowed
    hashes per attribute and token); a document lacking any of them is not searched for it."""

    matcher: Matcher
    longest: int | None
    needs: list[tuple[tuple[str, frozenset[int]], ...]]

    def may_match(self, present: dict[str, set[int]]) -> bool:
        return any(all(not allowed.isdisjoint(present[attr]) for attr, allowed in need) for need in self.needs)


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    id: str
    constraints: tuple[tuple[str, frozenset[str]], ...]

    def fits(self, token: Token) -> bool:
        return all(getattr(token, attr) in allowed for attr, allowed in self.constraints)


def _values(spec: Any) -> list[str] | None:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


def read_patterns(name: str = DEFAULT_PATTERNS) -> list[dict[str, Any]]:
    """The trigger patterns shipped in ``kg/nlp/patterns/``."""
    source = resources.files("kg.nlp") / "patterns" / name
    with source.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Triggers:
    """Marks trigger words; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "kg_triggers", *, patterns: Iterable[dict[str, Any]] = ()):
        self.name = name
        self.by_lemma: dict[str, list[_Entry]] = {}
        self.by_lower: dict[str, list[_Entry]] = {}
        self.open_matcher = Matcher(nlp.vocab, validate=True)  # unkeyed, run on the whole document
        # The one-word tables again, keyed by the strings' hashes as Doc.to_array gives them, and
        # the first words of the bounded patterns by hash: a document is scanned without making a
        # Token object per word.
        self._entries_by_id: dict[str, dict[int, list[_Entry]]] = {"lemma_": {}, "lower_": {}}
        self._start_ids: dict[str, set[int]] = {"lemma_": set(), "lower_": set(), "text": set()}
        # For each first word (attribute, hash): the windows of patterns that can begin with it,
        # bounded ones and those of unbounded length apart.
        self._starting: dict[tuple[str, int], list[_Window]] = {}
        self._vocab = nlp.vocab
        self._ids: dict[str, tuple[str, str]] = {}
        # One-word noun entries by the hashes of their lemma's lower-case forms, singular and
        # plural: a capitalised proper noun keeps its text as its lemma ("the Jeddah Talks", "the
        # Strategic Dialogue", a headline's "Hold Talks"), which the lemma tables miss.
        self._capitalised: dict[int, list[_Entry]] = {}
        for number, pattern in enumerate(patterns):
            self.add(pattern, number)

    def add(self, pattern: dict[str, Any], number: int) -> None:
        label, id_, tokens = pattern["label"], pattern.get("id", ""), pattern["pattern"]
        if len(tokens) == 1 and self._add_single(label, id_, tokens[0]):
            return
        key = f"{label}|{id_}|{number}"
        self._ids[key] = (label, id_)
        first = _first_keys(tokens)
        bounded = first is not None
        if first is None:
            first = _first_keys(tokens, bounded=False)
            if first is None:
                self.open_matcher.add(key, [tokens])
                return
        self._start_ids[first[0]].update(get_string_id(value) for value in first[1])
        need = _needed_words(tokens[1:])
        for value in first[1]:
            windows = self._starting.setdefault((first[0], get_string_id(value)), [])
            window = next((w for w in windows if (w.longest is not None) == bounded), None)
            if window is None:
                window = _Window(Matcher(self._vocab, validate=True), 0 if bounded else None, [])
                windows.append(window)
            window.matcher.add(key, [tokens])
            window.needs.append(need)
            if bounded:
                window.longest = max(window.longest or 0, len(tokens))

    def _add_single(self, label: str, id_: str, token: dict[str, Any]) -> bool:
        keyed = [attr for attr in ("LEMMA", "LOWER") if attr in token]
        if len(keyed) != 1 or set(token) - {keyed[0], *CONSTRAINT_ATTRS}:
            return False
        values = _values(token[keyed[0]])
        constraints = []
        for attr, spec in token.items():
            if attr == keyed[0]:
                continue
            allowed = _values(spec)
            if allowed is None:
                return False
            constraints.append((CONSTRAINT_ATTRS[attr], frozenset(allowed)))
        if values is None:
            return False
        table = self.by_lemma if keyed[0] == "LEMMA" else self.by_lower
        by_id = self._entries_by_id["lemma_" if keyed[0] == "LEMMA" else "lower_"]
        entry = _Entry(label, id_, tuple(constraints))
        for value in values:
            key = value if keyed[0] == "LEMMA" else value.lower()
            table.setdefault(key, []).append(entry)
            by_id.setdefault(get_string_id(key), []).append(entry)
            if keyed[0] == "LEMMA" and any(attr == "pos_" and "PROPN" in allowed for attr, allowed in constraints):
                for form in _noun_forms(value):
                    self._capitalised.setdefault(get_string_id(form), []).append(entry)
        return True

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        starts: list[tuple[int, tuple[str, int]]] = []
        start_lemmas, start_lowers, start_texts = (self._start_ids[k] for k in ("lemma_", "lower_", "text"))
        by_lemma, by_lower = self._entries_by_id["lemma_"], self._entries_by_id["lower_"]
        rows = doc.to_array(["LEMMA", "LOWER", "ORTH"]).tolist()
        capitalised = self._capitalised
        for i, (lemma, lower, orth) in enumerate(rows):
            if lemma in by_lemma or lower in by_lower:
                token = doc[i]
                for entry in (*by_lemma.get(lemma, ()), *by_lower.get(lower, ())):
                    if entry.fits(token):
                        spans.append(Span(doc, i, i + 1, label=entry.label, span_id=entry.id))
            elif lower in capitalised and lemma != lower and doc[i].pos_ == "PROPN" and not title_cased(doc[i].sent) \
                    and not _in_a_name(doc[i]):
                token = doc[i]
                spans += [Span(doc, i, i + 1, label=entry.label, span_id=entry.id)
                          for entry in capitalised[lower] if entry.fits(token)]
            if lemma in start_lemmas or lower in start_lowers or orth in start_texts:
                starts += [(i, k) for k in (("lemma_", lemma), ("lower_", lower), ("text", orth))
                           if k in self._starting]
        matches = list(self.open_matcher(doc)) if len(self.open_matcher) else []
        present: dict[str, set[int]] = {}
        runnable: dict[tuple[str, int], list[_Window]] = {}
        sentence_starts: list[int] | None = None
        for i, first in starts:
            windows = runnable.get(first)
            if windows is None:
                if not present:  # the words the document has, for the windows' needs
                    present.update(zip(("lemma_", "lower_", "text"), map(set, zip(*rows, strict=True)), strict=True))
                windows = runnable[first] = [w for w in self._starting[first] if w.may_match(present)]
            for window in windows:
                if window.longest is not None:
                    end_of_window = min(i + window.longest, len(doc))
                else:
                    if sentence_starts is None:
                        sentence_starts = [t for t, value in enumerate(doc.to_array("SENT_START").tolist())
                                           if value == 1]
                    n = bisect_right(sentence_starts, i)
                    end_of_window = sentence_starts[n] if n < len(sentence_starts) else len(doc)
                # A window lacking a word its patterns need is not searched: "with" begins a
                # window at every use, "with the help of" needs "help" after it.
                inside = rows[i:end_of_window]
                if not window.may_match({attr: {row[k] for row in inside} for attr, k in ROW_COLUMNS}):
                    continue
                # Offsets are the window's: keep the matches that begin at its first token.
                matches += [(match_id, i, i + end) for match_id, start, end in window.matcher(doc[i:end_of_window])
                            if start == 0]
        for match_id, start, end in matches:
            label, id_ = self._ids[doc.vocab.strings[match_id]]
            spans.append(Span(doc, start, end, label=label, span_id=id_))
        unique = {(s.start, s.end, s.label_, s.id_): s for s in spans}
        doc.spans[TRIGGERS_KEY] = sorted(unique.values(), key=lambda s: (s.start, s.end, s.label_, s.id_))
        return doc


# Entities whose names hold an event noun without telling an event: "the Centre for Humanitarian
# Dialogue", "the Summit Bank".
NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "LAW"})


def _in_a_name(token: Token) -> bool:
    """Whether a word is part of a name the model or the tables read as a body, person or place."""
    from kg.nlp.gazetteer import ORGS_KEY

    return token.ent_type_ in NAME_ENTS or any(
        span.start <= token.i < span.end for span in token.doc.spans.get(ORGS_KEY, []))


def title_cased(sentence: Span) -> bool:
    """A headline's words are capitalised ("New Talks Aim to ..."): its parse names no event
    reliably; running text has lower-case words besides its small ones ("resumed")."""
    return not any(t.is_alpha and t.is_lower and not t.is_stop for t in sentence)


def _noun_forms(lemma: str) -> set[str]:
    """A noun lemma's lower-case forms: itself and its plural ("talk", "talks"; "summit",
    "summits"; "consultation", "consultations")."""
    lemma = lemma.lower()
    forms = {lemma, lemma + "s"}
    if lemma.endswith(("s", "x", "ch", "sh")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms.add(lemma[:-1] + "ies")
    return forms


def _needed_words(tokens: list[dict[str, Any]]) -> tuple[tuple[str, frozenset[int]], ...]:
    """The words a pattern's tokens cannot match without: for each token that must be there
    (no ``OP``, or ``+``) and is keyed by lemma, form or text, its attribute and allowed hashes.

    >>> [(attr, len(allowed)) for attr, allowed in _needed_words([{"LOWER": "the"}, {"POS": "ADJ", "OP": "*"},
    ...                                                            {"LEMMA": {"IN": ["table", "desk"]}}])]
    [('lower_', 1), ('lemma_', 2)]
    """
    needed = []
    for token in tokens:
        if token.get("OP", "+") != "+":
            continue
        for attr, name in (("LEMMA", "lemma_"), ("LOWER", "lower_"), ("ORTH", "text")):
            values = _values(token.get(attr))
            if values is not None:
                allowed = [value.lower() for value in values] if attr == "LOWER" else values
                needed.append((name, frozenset(get_string_id(value) for value in allowed)))
    return tuple(needed)


def _first_keys(tokens: list[dict[str, Any]], *, bounded: bool = True) -> tuple[str, list[str]] | None:
    """For a pattern of bounded length (any length where not ``bounded``): the Token attribute its
    first token is keyed by and the values it allows (``("lemma_", ["meet"])``); None for a
    pattern of unbounded length, or one whose first token may be left out or is keyed otherwise.

    >>> _first_keys([{"LOWER": {"IN": ["Peace", "truce"]}}, {"LEMMA": "process"}])
    ('lower_', ['peace', 'truce'])
    >>> _first_keys([{"LEMMA": "speak"}, {"OP": "*"}, {"LOWER": "to"}]) is None
    True
    >>> _first_keys([{"LEMMA": "speak"}, {"OP": "*"}, {"LOWER": "to"}], bounded=False)
    ('lemma_', ['speak'])
    """
    if bounded and any(token.get("OP") in {"*", "+"} for token in tokens) or "OP" in tokens[0]:
        return None
    for attr, name in (("LEMMA", "lemma_"), ("LOWER", "lower_"), ("ORTH", "text")):
        if attr in tokens[0]:
            values = _values(tokens[0][attr])
            if values is None:
                return None
            return name, [value.lower() for value in values] if attr == "LOWER" else values
    return None


@Language.factory("kg_triggers", default_config={"patterns_file": DEFAULT_PATTERNS}, assigns=["doc.spans"],
                  requires=["token.lemma", "token.pos", "token.dep"])
def make_triggers(nlp: Language, name: str, *, patterns_file: str) -> Triggers:
    return Triggers(nlp, name, patterns=read_patterns(patterns_file))
