"""Statements: who said what ("X said ...", "according to X", "X told reporters ..."), and the
outlet that reported a claim ("..., RT reported").

Read by :class:`kg.nlp.events.EventExtractor` for its "statement" triggers; the findings are
events of kind "statement" with speakers, content and the reporting outlet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.nlp.events import EventFinding, clause_verb, subjects_of

if TYPE_CHECKING:
    from kg.nlp.events import EventExtractor


def statement(extractor: EventExtractor, span: Span, token: Token) -> EventFinding | None:
    """A statement at trigger ``span``: its speakers (subjects, or "according to X") and what was said."""
    if span.id_ == "according":
        speakers = [c for t in span for c in t.children if c.dep_ == "pobj"] or \
                   [c for c in span[-1].children if c.dep_ == "pobj"]
        content_root = clause_verb(span[0].head) if span[0].head != span[0] else None
    else:
        speakers = subjects_of(token)
        content_root = next((c for c in token.children if c.dep_ in {"ccomp", "dobj", "xcomp"}), None)
        if token.dep_ in {"ccomp", "parataxis"} and content_root is None:
            content_root = token.head
    refs = extractor.refs(speakers)
    refs = [r for r in refs if r.kind in {"person", "country", "organization"}]
    if not refs:
        return None
    content = None
    if content_root is not None:
        sub = list(content_root.subtree)
        content = extractor.doc[sub[0].i:sub[-1].i + 1].text if sub else None
    finding = EventFinding(key=f"statement-{span.start_char}", kind="statement", trigger=span,
                           participants=[(r, "speaker") for r in refs], evidence=[extractor.sent(span.start)],
                           subject_refs=refs, content=content, sentence_index=extractor.sentence_index(token))
    finding.status = "denied" if token.lemma_ == "deny" else "held"
    finding.date, finding.date_text = extractor.date_of(token, "held")
    return finding


def attach_outlets(extractor: EventExtractor, findings: list[EventFinding]) -> None:
    """'Minsk denied ..., RT reported': the claim is attributed to the outlet."""
    outlets = [f for f in findings if f.kind == "statement" and f.trigger.root.lemma_ == "report"
               and all(extractor.index.orgs.get(r.key) is not None and extractor.index.orgs[r.key].kind == "media"
                       for r in f.refs() if r.kind == "organization") and
               any(r.kind == "organization" for r in f.refs())]
    for outlet in outlets:
        for other in findings:
            if other is outlet or other.kind != "statement":
                continue
            if extractor.sentence_index(other.trigger.start) == extractor.sentence_index(outlet.trigger.start):
                other.reported_by = outlet.refs()[0]
    for outlet in outlets:
        if any(f.reported_by == outlet.refs()[0] and f.sentence_index == outlet.sentence_index for f in findings):
            findings.remove(outlet)
