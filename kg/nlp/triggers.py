"""The ``kg_triggers`` component: words that name events, from ``patterns/triggers.jsonl``.

The patterns are spaCy token patterns (as for the span ruler).  Most are one token
("met", "mediation", "talks"); checking dozens of one-token patterns at every token is
what makes a Matcher slow, so those go into lookup tables keyed by lemma or lower-case
form and the rest through a Matcher.  The result is the span ruler's: every match, as a
span under ``doc.spans["kg_triggers"]`` with the pattern's label and id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

TRIGGERS_KEY = "kg_triggers"
DEFAULT_PATTERNS = "triggers.jsonl"
# Token attributes a one-token pattern may test besides its lemma or form.
CONSTRAINT_ATTRS = {"POS": "pos_", "TAG": "tag_", "DEP": "dep_"}


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
        self.matcher = Matcher(nlp.vocab, validate=True)
        self._ids: dict[str, tuple[str, str]] = {}
        for number, pattern in enumerate(patterns):
            self.add(pattern, number)

    def add(self, pattern: dict[str, Any], number: int) -> None:
        label, id_, tokens = pattern["label"], pattern.get("id", ""), pattern["pattern"]
        if len(tokens) == 1 and self._add_single(label, id_, tokens[0]):
            return
        key = f"{label}|{id_}|{number}"
        self._ids[key] = (label, id_)
        self.matcher.add(key, [tokens])

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
        entry = _Entry(label, id_, tuple(constraints))
        for value in values:
            table.setdefault(value if keyed[0] == "LEMMA" else value.lower(), []).append(entry)
        return True

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for token in doc:
            for entry in (*self.by_lemma.get(token.lemma_, ()), *self.by_lower.get(token.lower_, ())):
                if entry.fits(token):
                    spans.append(Span(doc, token.i, token.i + 1, label=entry.label, span_id=entry.id))
        for match_id, start, end in self.matcher(doc):
            label, id_ = self._ids[doc.vocab.strings[match_id]]
            spans.append(Span(doc, start, end, label=label, span_id=id_))
        unique = {(s.start, s.end, s.label_, s.id_): s for s in spans}
        doc.spans[TRIGGERS_KEY] = sorted(unique.values(), key=lambda s: (s.start, s.end, s.label_, s.id_))
        return doc


@Language.factory("kg_triggers", default_config={"patterns_file": DEFAULT_PATTERNS}, assigns=["doc.spans"],
                  requires=["token.lemma", "token.pos", "token.dep"])
def make_triggers(nlp: Language, name: str, *, patterns_file: str) -> Triggers:
    return Triggers(nlp, name, patterns=read_patterns(patterns_file))
