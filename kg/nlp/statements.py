"""Statements: who said what ("X said ...", "according to X", "X told reporters ..."), and the
outlet that reported a claim ("..., RT reported").

Read by :class:`kg.nlp.events.EventExtractor` for its "statement" triggers; the findings are
events of kind "statement" with speakers, content and the reporting outlet.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.nlp.events import EventFinding, clause_verb, subjects_of
from kg.reference.statements import statement_words

if TYPE_CHECKING:
    from kg.nlp.events import EventExtractor

CLAUSE_DEPS = ("ccomp", "xcomp")
ABOUT_PREPS = frozenset({"of", "about", "on", "over", "against"})


def content_of(verb: Token) -> Token | None:
    """The root of what was said: the clause ("said [that the talks failed]"), else the object
    ("reiterated [his concerns]") unless the verb's object is who was spoken to ("told
    [reporters]", "urged [Togo] to ..."), in which case "accused X [of arming ...]"."""
    children = list(verb.children)
    for dep in CLAUSE_DEPS:
        found = next((c for c in children if c.dep_ == dep), None)
        if found is not None:
            return found
    if verb.lemma_.lower() not in statement_words("addressee_verb"):
        return next((c for c in children if c.dep_ == "dobj"), None)
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in ABOUT_PREPS:
            return next((c for c in prep.children if c.dep_ in {"pcomp", "pobj"}), None)
    return None


def _relays(speakers: list[Token], content: Token | None) -> bool:
    """A journalist relaying others, not a statement of their own: "X reports from Geneva",
    "correspondent X reported that Y said ...", "Radio Accra's X reports ..." (an outlet's
    "..., RT reported" is kept: it names who reported the claim)."""
    if content is None or content.dep_ != "ccomp":
        return True
    if any(t.lemma_ in {"say", "tell", "state", "announce", "add"} and t.pos_ == "VERB" for t in content.subtree):
        return True
    reporters = statement_words("reporter_noun")
    for speaker in speakers:
        if any(t.lemma_.lower() in reporters for t in speaker.subtree):
            return True
        if any(c.dep_ == "poss" for c in speaker.children):
            return True
    return False


def statement(extractor: EventExtractor, span: Span, token: Token) -> EventFinding | None:
    """A statement at trigger ``span``: its speakers (subjects, or "according to X") and what was said."""
    if span.id_ == "according":
        speakers = [c for t in span for c in t.children if c.dep_ == "pobj"] or \
                   [c for c in span[-1].children if c.dep_ == "pobj"]
        content_root = clause_verb(span[0].head) if span[0].head != span[0] else None
    else:
        speakers = [who for subject in subjects_of(token) for who in _spoken_for(extractor, subject)]
        content_root = content_of(token)
        if token.dep_ in {"ccomp", "parataxis"} and content_root is None:
            content_root = token.head
    refs = extractor.refs(speakers)
    refs = [r for r in refs if r.kind in {"person", "country", "organization"}]
    if token.lemma_ == "report" and any(r.kind == "person" for r in refs) and _relays(speakers, content_root):
        return None
    if token.lemma_.lower() in statement_words("act_verb") and (content_root is None or content_root.dep_ == "dobj"):
        return None  # "declared independence" is a deed; "declared that ..." is a statement
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


def _spoken_for(extractor: EventExtractor, speaker: Token) -> list[Token]:
    """Who an unnamed spokesperson speaks for: "a spokesman for President X", "a spokeswoman
    of the ministry" say what X or the ministry says; a named one speaks as herself."""
    if speaker.lower_ not in statement_words("spokes_noun") or extractor.index.ref_at(speaker) is not None:
        return [speaker]
    return [c for p in speaker.children if p.dep_ == "prep" and p.lower_ in {"for", "of"}
            for c in p.children if c.dep_ == "pobj"] or [speaker]


def attach_outlets(extractor: EventExtractor, findings: list[EventFinding]) -> None:
    """'Minsk denied ..., RT reported': the claim is attributed to the outlet."""
    outlets = [f for f in findings if f.kind == "statement" and f.trigger.root.lemma_ == "report"
               and all(extractor.index.orgs.get(r.key) is not None and extractor.index.orgs[r.key].kind == "media"
                       for r in f.refs() if r.kind == "organization") and
               any(r.kind == "organization" for r in f.refs())]
    if outlets:
        # Grouped by sentence once (comparing every outlet with every finding is quadratic).
        statements: dict[int, list[EventFinding]] = {}
        in_sentence: dict[int, list[EventFinding]] = {}
        for f in findings:
            if f.kind == "statement":
                statements.setdefault(extractor.sentence_index(f.trigger.start), []).append(f)
            in_sentence.setdefault(f.sentence_index, []).append(f)
        for outlet in outlets:
            for other in statements.get(extractor.sentence_index(outlet.trigger.start), ()):
                if other is not outlet:
                    other.reported_by = outlet.refs()[0]
        told = {id(outlet) for outlet in outlets
                if any(f.reported_by == outlet.refs()[0] for f in in_sentence.get(outlet.sentence_index, ()))}
        if told:  # by identity: list.remove compares the findings field by field
            findings[:] = [f for f in findings if id(f) not in told]
    # "X said ..., Radio Accra reported" with an outlet kg does not know: the outlet relays X's
    # statement and is no speaker of its own (nor is the country its name happens to contain).
    # The statements' words, counted once: comparing each report with every statement and
    # walking its clause for each was quadratic in a long text.
    said = Counter(f.trigger.root.i for f in findings if f.kind == "statement")
    relays: set[int] = set()
    for relay in [f for f in findings if f.kind == "statement" and f.trigger.root.lemma_ == "report"]:
        verb = relay.trigger.root
        said[verb.i] -= 1  # the report itself is no other statement
        if _relays_statement(verb, said):
            relays.add(id(relay))
        else:
            said[verb.i] += 1
    if relays:  # by identity: list.remove compares the findings field by field
        findings[:] = [f for f in findings if id(f) not in relays]


def _relays_statement(report: Token, said: Counter[int]) -> bool:
    """Whether ``report`` passes on a statement whose word is counted in ``said``: "Y said ...,
    X reported" (the report hangs on the saying) or "X reported that Y said ..." (the saying
    is its clause)."""
    if said[report.head.i] > 0 and report.dep_ in {"ccomp", "parataxis", "advcl"}:
        return True
    return any(said[t.i] > 0 for c in report.children if c.dep_ == "ccomp" for t in c.subtree)
