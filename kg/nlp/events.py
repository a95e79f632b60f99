"""Meetings, talks, phone calls, visits and statements, with participants, place, date, status.

Triggers come from the ``kg_triggers`` component (``patterns/triggers.jsonl``); this
module reads the parse around each trigger:

- verbs: subject and objects ("Ortiz met Haddad", "Ortiz spoke to Haddad by phone");
- nouns: "talks between A and B", "a call with A", "A's meeting", "Chile-Peru talks",
  and the subject of a light verb ("A held talks with B") or of the clause a noun phrase
  is attached to ("During a call with A, B agreed ...");
- "they", "the two leaders" continue the event before them;
- status from tense, modality and cue words ("will meet", "planned talks", "rejected the
  offer of talks", "postponed"); date from the sentence's date expressions resolved
  against the publication date; place from "in/at X".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING, Literal, Protocol

from spacy.tokens import Span, Token

from kg.nlp.entities import DATELINE_DASHES, DocIndex, PersonInfo, affiliation_after_name, dateline_end
from kg.nlp.triggers import TRIGGERS_KEY, title_cased
from kg.records import EntityRef, EventKind, ParticipantRole, Status
from kg.reference import words_of

if TYPE_CHECKING:
    from kg.nlp.frames import FrameFinding

MEETING_KINDS: frozenset[str] = frozenset({"meeting", "talks", "phone_call", "visit"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_PREPS = frozenset({"with", "to", "between", "among", "and"})
# "a call from A": the caller of a call the subject received.
CALL_WORDS = frozenset({"call", "calls", "phone", "telephone", "conversation"})
# Verbs whose subject takes part in the talks they govern, even beside "talks between A and B".
HOLD_VERBS = frozenset({"hold", "have", "conduct", "begin", "resume", "start", "open", "continue", "enter",
                        "renew", "restart", "reopen", "break", "suspend", "wrap",
                        "launch", "conclude", "finish", "end", "complete", "chair"})
LIGHT_VERBS = HOLD_VERBS | frozenset({"accept", "boycott", "skip", "attend", "join", "participate", "take",
                                      "engage", "pursue", "seek", "want", "prepare",
    "plan", "schedule", "confirm", "agree", "arrange", "offer", "propose", "reject", "refuse", "postpone",
    "delay", "cancel", "convene", "receive", "make", "place", "get", "pay"})
# Verbs with a particle whose subject takes part in the talks they govern: "A called off talks with B".
PHRASAL_LIGHT_VERBS = frozenset({"call off", "break off", "push back", "put off"})
MOTION_VERBS = frozenset({"return", "travel", "come", "go", "head", "arrive", "fly", "land", "gather", "meet", "sit",
                          "leave", "depart", "assemble", "convene"})
# Verbs of sending one's people somewhere: "A sent a delegation to Doha for talks".
SEND_VERBS = frozenset({"send", "dispatch"})
# Verbs whose "to" phrase names who is to act: "A appealed to C to mediate", "A turned to C to ...".
APPEAL_VERBS = frozenset({"appeal", "turn", "look", "plead"})
# Who may be sent unnamed, and then acts for the sender ("C sent an envoy to mediate").
SENT_NOUNS = frozenset({"envoy", "emissary", "mediator"})  # (not negotiators: the sides send theirs)
# Who goes somewhere, or sends others, for talks takes part in them.
TRAVEL_VERBS = MOTION_VERBS | SEND_VERBS
GATHER_VERBS = frozenset({"host", "invite", "welcome", "receive", "bring", "gather", "convene", "summon"})
# Nouns of a journey: what is done "during her visit to Lima" is done in Lima.
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "stay", "stopover"})
# "During a call with A, B agreed ...": the clause's subject takes part in the event.
CONTEXT_PREPS = frozenset({"during", "after", "following", "before", "ahead", "since", "throughout", "amid"})
# Verbs, adjectives and nouns that credit someone for what they did: "thanked C for hosting
# the talks", "grateful to C for ...", "paid tribute to C for ...".
CREDIT_VERBS = frozenset({"thank", "praise", "commend", "credit", "applaud", "hail", "salute", "congratulate",
                          "recognize", "recognise", "acknowledge"})
CREDIT_ADJECTIVES = words_of("mediation_words.tsv", "credit_adjective")
CREDIT_NOUNS = words_of("mediation_words.tsv", "credit_noun")
# What the sides do in talks ("A and B made progress in talks", "A said in talks with B"): its
# subject took part.
DONE_IN_TALKS_VERBS = frozenset({"say", "agree", "make", "reach", "achieve", "decide", "pledge", "commit", "promise",
                                 "sign", "announce", "settle", "resolve", "clinch", "strike", "seal", "accept"})
# Prepositions of an event before the clause's own ("after talks in C, A and B agreed").
EARLIER_PREPS = frozenset({"after", "following", "since"})
# "A said at the summit", "At the talks, A urged ...": who speaks or acts at an event takes
# part in it (beside the time prepositions of CONTEXT_PREPS).
AT_EVENT_PREPS = frozenset({"at"})
# Verbs of being in a state: "A is (remains) in talks with B".
STATE_VERBS = frozenset({"be", "remain", "stay"})
# Verbs of time passed in an event, whose subject is in it: "A and B spent four hours in talks",
# "A and B were locked in talks (with C)".
SPENT_IN_VERBS = STATE_VERBS | frozenset({"spend", "lock"})
# Prepositions of what happens while an event goes on ("told B during the talks"), not before
# or after it.
CONCURRENT_PREPS = frozenset({"during", "in", "at", "throughout"})
# Verbs of giving a welcome: "A gave (extended, accorded) a warm welcome to B".
WELCOME_VERBS = frozenset({"give", "extend", "accord", "offer"})
# What one meets when meeting is satisfying it: "meet the needs (deadline, commitments)".
SATISFIED_WORDS = words_of("satisfied_words.tsv", "satisfied")
# Words of a visit: "A will visit Peru for talks with B", "A's trip included a meeting with B".
VISIT_WORDS = frozenset({"visit", "trip", "tour"})
# Words for who takes which part in a visit told before: "The visitor met B", "her guest".
VISIT_ROLE_WORDS: dict[str, ParticipantRole] = {"visitor": "visitor", "visitors": "visitor", "guest": "visitor",
                                                "guests": "visitor", "host": "host", "hosts": "host"}
# Verbs of staying away from an event others hold: "C skipped the meeting".
STAYED_AWAY_VERBS = frozenset({"skip", "boycott"})
# Verbs of arriving somewhere: "A flew to Kampala. The talks with B ...": A's talks.
ARRIVAL_VERBS = frozenset({"arrive", "fly", "travel", "land", "visit"})
# Verbs of taking part with nothing after them: "C also took part", "C attended" (the event told
# before), and the verbs of not doing so they may follow ("refused to take part").
TAKE_PART_VERBS = frozenset({"attend", "participate", "take"})
# Words of taking part from afar: "C joined by video link", "C joined virtually".
REMOTE_WORDS = frozenset({"video", "videolink", "videoconference", "phone", "telephone", "virtually", "remotely",
                          "online"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "boycott", "fail", "reject"})
# "A addressed (told) the summit": who speaks to a gathering takes part in it.
ADDRESS_VERBS = frozenset({"address", "tell"})
# Verbs of telling someone something: "A told (assured, informed) B in a phone call".
TELLING_VERBS = frozenset({"tell", "assure", "inform", "urge", "warn", "ask", "brief"})
GROUP_WORDS = frozenset({"they", "leaders", "ministers", "sides", "presidents", "both", "two", "parties",
                         "delegations", "counterparts", "pair", "duo", "men", "women"})
EVENT_NOUNS = frozenset({"meeting", "meetings", "talks", "summit", "negotiations", "discussions", "lunch", "dinner",
                         "consultations", "visit"})
# "the delegations met": the sides of the document's frame (with GROUP_NOUNS of kg.nlp.frames)
SIDE_GROUPS = frozenset({"delegations", "negotiators"})
# Holders of one office on each side: "both foreign ministers", "the two leaders".
OFFICE_GROUPS = frozenset({"leaders", "ministers", "presidents", "counterparts", "heads", "envoys", "premiers",
                           "representatives", "delegates", "chiefs"})
# Two people told again whatever they hold: "the two men", "both women", "the pair", "the two".
PERSON_GROUPS = frozenset({"men", "women", "pair", "duo"})
# A headline's event words, and the kind of event each names ("A-B Talks Resume").
HEADLINE_EVENTS: dict[str, EventKind] = {"talks": "talks", "negotiations": "talks", "meeting": "meeting",
                                         "meetings": "meeting", "summit": "meeting"}
HYPHENS = frozenset({"-", "‐", "–"})
# "on the sidelines (margins) of a summit": the summit is the venue of another meeting.
VENUE_WORDS = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})
SIDE_WORDS = frozenset({"sides", "parties", "countries", "nations", "neighbours", "neighbors", "rivals"})
REPORTER_WORDS = frozenset({"reporters", "journalists", "media", "press", "reporter", "audience",
                            "students", "crowd", "supporters", "lawmakers", "parliament", "nation"})
LOCATION_PREPS = frozenset({"in", "at", "near", "on"})

PLANNED_AMODS = {"planned": "planned", "upcoming": "planned", "scheduled": "planned", "next": "planned",
                 "future": "planned", "forthcoming": "planned", "expected": "planned",
                 "proposed": "proposed", "possible": "proposed", "potential": "proposed",
                 "postponed": "postponed", "delayed": "postponed", "cancelled": "cancelled",
                 "canceled": "cancelled", "ongoing": "ongoing", "continuing": "ongoing"}
VERB_STATUS: dict[str, Status] = {
    "offer": "proposed", "propose": "proposed", "suggest": "proposed", "invite": "proposed",
    "urge": "proposed", "call": "proposed", "encourage": "proposed", "push": "proposed",
    "want": "proposed", "seek": "proposed", "ask": "proposed", "consider": "proposed",
    "reject": "rejected", "refuse": "rejected", "decline": "rejected", "rebuff": "rejected",
    "deny": "denied",
    "postpone": "postponed", "delay": "postponed", "defer": "postponed", "reschedule": "postponed",
    "move": "postponed", "push back": "postponed", "put off": "postponed",
    "call off": "cancelled", "break off": "cancelled", "fail": "cancelled",
    "cancel": "cancelled", "scrap": "cancelled", "abandon": "cancelled", "suspend": "cancelled",
    "plan": "planned", "schedule": "planned", "prepare": "planned", "expect": "planned",
    "agree": "planned", "arrange": "planned", "set": "planned", "intend": "planned",
}
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "going", "wo"})
# "are due (set, slated) to open": a timetable's words after "be".
DUE_WORDS = frozenset({"due", "set", "slated", "scheduled", "poised"})
# "scheduled (set, planned, slated, due) for Friday": the time a timetable gave an event.
SCHEDULE_WORDS = frozenset({"due", "set", "slated", "scheduled", "planned", "pencilled", "penciled"})
# Statuses of an event that has not taken place: the time it was given is read forwards.
NOT_HELD = frozenset({"planned", "proposed", "postponed", "cancelled"})
# "managed to meet" happened.
IMPLICATIVE_VERBS = frozenset({"manage", "succeed", "get", "happen", "go", "continue", "begin", "start"})
# Links along which a status cue reaches the event word: "offer [of talks]", "agreed [to meet]".
COMPLEMENT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "ccomp", "nsubjpass", "attr", "acl", "pcomp",
                             "conj", "nsubj"})
def _misparsed_complement(verb: Token) -> bool:
    """'C offered on Monday to mediate': the parse makes an infinitive adverbial when a phrase
    stands between it and the verb of offering (refusing, postponing) whose complement it is."""
    return verb.dep_ == "advcl" and verb.head.lemma_ in VERB_STATUS and verb.head.i < verb.i \
        and any(a.tag_ == "TO" for a in verb.children if a.dep_ == "aux") \
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.head.children)


STATUS_PRIORITY: tuple[Status, ...] = ("cancelled", "postponed", "rejected", "denied", "proposed", "planned",
                                       "ongoing")



@dataclass
class EventFinding:
    """An event found in one place of the text; merged with its repeats later."""

    key: str
    kind: EventKind
    trigger: Span
    participants: list[tuple[EntityRef, ParticipantRole]] = field(default_factory=list)
    status: Status = "held"
    location: EntityRef | None = None
    date: date | None = None
    date_text: str | None = None
    content: str | None = None
    reported_by: EntityRef | None = None
    evidence: list[Span] = field(default_factory=list)
    subject_refs: list[EntityRef] = field(default_factory=list)
    sentence_index: int = 0
    # Every place the event is told: (sentence number, who is the subject there).
    tellings: list[tuple[int, tuple[EntityRef, ...]]] = field(default_factory=list)
    # Who takes part as a third party: the host, mediator or sponsor of talks ("talks hosted
    # by C", "C-brokered talks").  Kept apart from the sides (``refs``), which mediation reads.
    third_parties: list[tuple[EntityRef, ParticipantRole]] = field(default_factory=list)
    wants_sides: bool = False  # "the two sides" named no one yet
    sides_word: int | None = None  # where those words are ("sides", "parties")
    told_again: bool = False  # "the meeting" that names only who joined it: one told before
    # Whom those who join came with ("B was accompanied by C"): they join the meeting told
    # before only if it holds one of these.
    accompanied: list[EntityRef] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.tellings:
            self.tellings.append((self.sentence_index, tuple(self.subject_refs)))

    def refs(self) -> list[EntityRef]:
        return [r for r, _ in self.participants]

    def all_participants(self) -> list[tuple[EntityRef, ParticipantRole]]:
        """The sides, then the third parties who are not also sides."""
        sides = self.refs()
        return self.participants + [(r, role) for r, role in self.third_parties if r not in sides]

    def add_third_parties(self, found: list[tuple[EntityRef, ParticipantRole]]) -> None:
        for ref, role in found:
            if ref not in [r for r, _ in self.third_parties]:
                self.third_parties.append((ref, role))


def trigger_token(span: Span) -> Token:
    """The word that names the event: the verb, or the last noun of a noun trigger."""
    if span.id_ in {"noun", "hosted_meal"}:
        nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"}]
        return nouns[-1] if nouns else span.root
    if span.id_ == "compound":
        return span[-1]
    return span[0]


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word belongs to."""
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"amod"}:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


# Settlements a participle can tell as made ("a deal brokered by C").
DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "truce", "ceasefire", "cease-fire", "pact", "settlement",
                        "swap", "exchange"})


def _brokered_deal(token: Token) -> bool:
    """A bare past participle after a settlement noun: "a deal brokered by C", "the truce
    mediated by C" (not "a deal to be brokered")."""
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.head.lemma_ in DEAL_NOUNS \
        and not any(c.dep_ in {"aux", "auxpass"} for c in token.children)


def _phrasal(verb: Token) -> str:
    """A verb with its particle, "call off" for "called off"; the lemma where it has none."""
    # (the parser may take the particle for an adverb: "pushed back" as "pushed" + advmod)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod"
                     and c.i == verb.i + 1 and c.lower_ in {"back", "off"}), None)
    return f"{verb.lemma_} {particle}" if particle else verb.lemma_


def _past_a_dateline(subject: Token) -> list[Token]:
    """A dateline is no subject: in "LIMA, May 2 (Reuters) - President A met B" the parser
    may make the city or the wire service the subject and A its apposition."""
    doc = subject.doc
    j = subject.i
    if subject.is_sent_start:  # (a dateline opens a line, and kg_paragraphs a sentence at each line)
        end: int | None = dateline_end(doc[j:j + 1])
    elif doc[j - 1].text == "(":
        credit = j + 2 < len(doc) and doc[j + 1].text == ")" and doc[j + 2].text in DATELINE_DASHES
        end = j + 2 if credit else None  # the wire service's credit
    elif (line := dateline_end(doc[subject.sent.start:subject.sent.start + 1])) is not None and j < line:
        end = line  # "BOGOTA, Colombia — A ...": the parse may make the dateline's country the subject
    else:
        return [subject]
    if end is None:
        return [subject]
    # ("DOHA, Qatar — A met B": the parse may hang A on the dateline's country, the city's conjunct)
    named = [c for h in (subject, *(t for t in subject.conjuncts if t.i < end)) for c in h.children
             if c.dep_ == "appos" and c.i > end]
    # ("LIMA — A met B": or make both the city and A subjects of the verb; A stays)
    beside = [c for c in subject.head.children if c.dep_ in SUBJECT_DEPS and c.i > end]
    return named or ([] if beside else [subject])


def _named_before_and(verb: Token, subjects: list[Token]) -> list[Token]:
    """"Kenyan President A and Somali President B spoke by phone": the small model may hang the
    first of two titled names, with its "and" (and nothing joined to it), on the verb or on the
    second name as a modifier."""
    first = min(s.i for s in subjects)
    return [c for h in (verb, *subjects) for c in h.children if c.dep_ in {"advmod", "nmod", "npadvmod"}
            and c.i < first and c.ent_type_ == "PERSON"
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
            and not any(g.dep_ == "conj" for g in c.children)]


def run_on_sides(noun: Token) -> list[Token]:
    """The conjuncts of a noun in a fronted phrase that are the clause's subject run into it: A
    and B of "After talks hosted by C, A and B agreed" (the parse makes them C's conjuncts, the
    verb having no subject of its own, see _after_a_fronted_phrase); else none."""
    for verb in noun.ancestors:
        if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        subjects = _after_a_fronted_phrase(verb)
        if subjects and all(s in noun.conjuncts for s in subjects):
            first = min(s.i for s in subjects)
            return [c for c in noun.conjuncts if c.i >= first]
    return []


# Offices a text may name a country's holder by, the name told elsewhere: "the presidents of A
# and B met", "A's foreign minister said", "the Somali and Kenyan leaders".
COUNTRY_OFFICE_WORDS = frozenset({"president", "minister", "leader", "premier", "chancellor", "king", "emir"})


def _office_of_a_country(noun: Token) -> str | None:
    """The office a common noun names ("president", "foreign minister" of "the foreign ministers
    of A and B"), else None."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in COUNTRY_OFFICE_WORDS:
        return None
    words = [c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i
             and c.is_lower and c.ent_type_ not in {"NORP", "GPE"}]
    return " ".join([*words, noun.lemma_])


def _run_on_from(token: Token) -> list[Token]:
    """The sides run into a fronted phrase (see run_on_sides) that ``token`` is the first of,
    the conjunct the parse takes for the clause's subject; else none."""
    if token.dep_ != "conj":
        return []
    first = token
    while first.dep_ == "conj":
        first = first.head
    ran = run_on_sides(first)
    return ran if ran and ran[0] == token else []


def _after_a_fronted_phrase(verb: Token) -> list[Token]:
    """The subject the parser hung on a fronted phrase's last noun, after the phrase's comma:
    as its conjunct ("At a summit in Geneva, A and B held talks") or as its apposition, a noun
    phrase ending right before the verb ("At the invitation of C's president, the leaders of A
    and B met ...")."""
    doc = verb.doc
    for phrase in verb.children:
        if phrase.dep_ != "prep" or phrase.i > verb.i:
            continue
        for token in phrase.subtree:
            if token.dep_ not in {"appos", "conj"} or token.left_edge.i == 0 or doc[token.left_edge.i - 1].text != ",":
                continue
            if token.dep_ == "conj" and token.pos_ == "PROPN" or token.dep_ == "appos" \
                    and token.pos_ in {"NOUN", "PROPN"} and token.right_edge.i == verb.i - 1:
                return [token]
    return []


def _absolute_doer(verb: Token) -> list[Token]:
    """The noun of the absolute "with" phrase a participle completes (see absolute_with)."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "pcomp", "acl"}:
        return []
    if verb.dep_ == "acl":  # (hung on the phrase's last noun: the whole coordination does it)
        first = verb.head.head if verb.head.dep_ == "conj" else verb.head
        return [first] if first.dep_ == "pobj" and absolute_with(first.head) == verb else []
    preps = [verb.head] if verb.dep_ == "pcomp" else [p for p in verb.head.children if p.dep_ == "prep"]
    return [c for p in preps if absolute_with(p) == verb for c in p.children if c.dep_ == "pobj"]


def credited_tokens(prep_for: Token) -> list[Token]:
    """Who a "for" phrase credits: "thank C for ...", "C was praised for ...", "grateful to C
    for ...", "our thanks to C for ...", "paid tribute to A, and to C for ...": C (of several
    "to" phrases, the last before it: the "for" phrase goes with the nearest)."""
    head = prep_for.head
    # "thank C and his team for ...": the parser may hang "for" on the thanked (a verb joined to
    # another, "welcomed the truce and paid tribute to C for ...", keeps its own phrase).
    for _ in range(3):
        if head.lemma_ in CREDIT_VERBS or head.dep_ not in {"dobj", "conj"} or head.head == head \
                or head.pos_ in {"VERB", "AUX"}:
            break
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "to" and (
            head.head.head.lower_ in CREDIT_ADJECTIVES or head.head.head.lower_ in CREDIT_NOUNS):
        # "grateful to X and the Government of C for ...": the parse hangs "for" on C.
        return [head, *head.conjuncts]
    if head.lemma_ in CREDIT_VERBS:
        # "thanked C for ...", and the passive "C was praised for ...".
        return [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "we are grateful to C for ...": the parser hangs "for" on the copula.
    credit = head.lower_ in CREDIT_ADJECTIVES or head.lower_ in CREDIT_NOUNS or any(
        c.dep_ in {"dobj", "acomp"} and c.lower_ in CREDIT_NOUNS | CREDIT_ADJECTIVES for c in head.children)
    if not credit:
        return []
    # "pay tribute to C for ...": the parser may make "to" a dative; "to C and to D": the second
    # "to" is the first's conjunct, or the verb's.
    tos = [p for n in [head, *head.children] for p in n.children if p.dep_ in {"prep", "dative", "conj"}
           and p.lower_ == "to" and p.i < prep_for.i]
    tos += [x for p in tos for x in p.children if x.dep_ == "conj" and x.lower_ == "to" and x.i < prep_for.i]
    tos.sort(key=lambda p: p.i)
    doc = prep_for.doc
    # the last, with those joined to it by a bare "and" ("to A and to B for their efforts"), not
    # one set off by a comma ("tribute to A's leadership, and to C for hosting the talks")
    kept = tos[-1:]
    for earlier in reversed(tos[:-1]):
        joined = kept[0].i >= 2 and doc[kept[0].i - 1].lower_ == "and" and doc[kept[0].i - 2].text != ","
        if not joined:
            break
        kept.insert(0, earlier)
    return [c for p in kept for c in p.children if c.dep_ == "pobj"]


def subjects_of(verb: Token) -> list[Token]:
    """Subjects of a verb, inherited through xcomp, conj, relative clauses and participles."""
    current = verb
    for _ in range(6):
        subj = [c for c in current.children if c.dep_ in SUBJECT_DEPS] or _after_a_fronted_phrase(current) \
            or _absolute_doer(current)
        if subj:
            if current.dep_ == "relcl" and (subj[0].tag_ in {"WP", "WDT"} or any(
                    c.tag_ == "WP$" for c in subj[0].children)):
                # "C, which hosted ...", and "C, whose envoy hosted ...": the envoy acts for C.
                return _among(current.head) or [current.head]
            subj = [w for s in subj for w in _past_a_dateline(s)]
            # "The African Union and the bloc IGAD have offered ...": the small model may hang
            # the first of two coordinated subjects on the second as its own "subject".
            return [*subj, *(c for s in subj for c in s.children if c.dep_ == "nsubj" and c.i < s.i
                             and c.pos_ in {"PROPN", "NOUN"}), *_named_before_and(current, subj)]
        if current.dep_ == "conj" and current.tag_ in {"VBD", "VBZ"} and current.head.dep_ == "xcomp" \
                and current.head.tag_ == "VB" and current.head.head != current.head:
            # "C urged A and B to return to talks and offered its good offices": a finite verb the
            # parse joins to the infinitive is the clause's own, done by the subject of "urged"
            current = current.head.head
            continue
        if current.dep_ == "xcomp" and current.head != current:
            # Object control: "called on Kyiv to hold talks", "urged both sides to meet".
            # "On Monday, C offered to mediate": a fronted date is no controller.
            controller = [c for c in current.head.children if c.dep_ in {"dobj"}] or [
                c for p in current.head.children if p.dep_ == "prep" and (
                    p.lower_ in {"on", "upon"} or p.lower_ == "to" and current.head.lemma_ in APPEAL_VERBS)
                and p.i > current.head.i
                for c in p.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
            if controller:
                return controller
        if current.dep_ == "advcl" and current.head.lemma_ in APPEAL_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # "A appealed to C to mediate": the parse may hang the purpose on the verb of appeal
            appealed = [c for p in current.head.children if p.dep_ == "prep" and p.lower_ == "to"
                        and p.i < current.i for c in p.children if c.dep_ == "pobj"]
            if appealed:
                return appealed
        if current.dep_ == "advcl" and current.head.lemma_ in SEND_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # "A sent his foreign minister, B, to Kampala to meet C": who is sent meets C (a
            # delegation sent stands for the sender's country, see EventExtractor.refs).
            sent = [c for c in current.head.children if c.dep_ == "dobj"]
            if sent:
                return sent
        if current.dep_ == "pcomp" and current.head.lower_ == "for" and (credited := credited_tokens(current.head)):
            # "A thanked C for hosting the talks": who is thanked hosted them, not who thanks
            return credited
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and (
                current.head.head.pos_ in {"VERB", "AUX"} or current.head.head.dep_ == "acomp"):
            # "A told reporters after meeting B": who does the clause's verb meets; "A is
            # open to playing a role": who is open.
            current = current.head.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.dep_ == "npadvmod" \
                and current.head.head.head.pos_ in {"VERB", "AUX"}:
            # "A met B on Tuesday, a day after meeting C": the measure hangs on the clause's verb
            current = current.head.head.head
            continue
        if current.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp"} and current.head != current:
            current = current.head
            continue
        participle = current.tag_ == "VBG" or current.tag_ == "JJ" and current.lower_.endswith("ing")
        if current.dep_ == "attr" and participle and current.head.lemma_ == "be":
            # "Qatar is mediating between A and B": the parse may make the participle the
            # object (or an adjective) of "is"; its subject is the subject of "is".
            current = current.head
            continue
        if current.dep_ == "amod" and participle and current.head.dep_ == "attr" and current.head.head.lemma_ == "be" \
                and any(c.dep_ == "aux" for c in current.head.head.children):
            # "C has been brokering talks between A and B": the parse may make the participle an
            # adjective of its object, and that the object of "been"; its subject is the doer
            current = current.head.head
            continue
        if current.dep_ == "acl" and current.head.lower_ in {"attempt", "effort", "efforts", "bid"} \
                and current.head.dep_ == "pobj" and current.head.head.lower_ == "in" \
                and current.head.head.head.pos_ in {"VERB", "AUX"}:
            # "C visited A and B in an attempt to broker a truce": C tries
            current = current.head.head.head
            continue
        if current.dep_ in {"relcl", "acl"}:
            return [current.head]
        break
    return []


# Words of a date put between a subject and its verb: "Kenya on Tuesday hosted ...".
DATE_LEAD_WORDS = frozenset({"on", "last", "this", "late", "early", "earlier", "in"})


def subject_before_date(verb: Token) -> Token | None:
    """The subject of "Kenya on Tuesday hosted talks" when the small parser, misled by the date
    between them, hangs the verb on the noun after it ("hosted" an adjective of "talks") and
    makes the subject the sentence's root: the name right before the date."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ not in {"amod", "compound"} or \
            any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    dated = False
    while i >= 0 and (doc[i].ent_type_ in {"DATE", "TIME"} or doc[i].lower_ in DATE_LEAD_WORDS):
        dated = dated or doc[i].ent_type_ in {"DATE", "TIME"}
        i -= 1
    if not dated or i < 0 or doc[i].pos_ not in {"PROPN", "NOUN"}:
        return None
    subject = doc[i]
    # the subject heads what the date hangs on: the sentence's root, or the date's preposition's head
    return subject if subject.dep_ in {"ROOT", "nsubj"} or subject.head.i > verb.i else None


def _among(group: Token) -> list[Token]:
    """'A and B were among the leaders who attended', 'the leaders who attended included A and
    B': who is said to be of the group."""
    if group.dep_ == "nsubj" and group.head.lemma_ in INCLUDE_VERBS:
        return [c for c in group.head.children if c.dep_ == "dobj"]
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    return [c for c in prep.head.children if c.dep_ in SUBJECT_DEPS]


def _own_phrase(noun: Token) -> list[Token]:
    """A noun with the words of its phrase ("the Ugandan town of Gulu", "a mission to
    Kampala"), not of the clauses hung on it ("a mission to Kampala that later took him to
    Gulu")."""
    out = [noun]
    for child in noun.children:
        if child.dep_ not in {"relcl", "acl", "advcl"}:
            out += _own_phrase(child)
    return out


# Verbs of going or carrying between sides: "with C shuttling between the delegations".
GO_BETWEEN_VERBS = frozenset({"shuttle", "relay", "carry", "pass", "mediate", "facilitate"})


# Third parties' roles a "with C as ..." phrase names ("talks in Caracas with C and D as guarantors").
THIRD_PARTY_ROLES = frozenset({"host", "co-host", "guarantor", "mediator", "co-mediator", "facilitator",
                               "co-facilitator", "chair", "co-chair", "broker", "intermediary", "convener"})


def with_as_third_party(prep: Token) -> bool:
    """A "with" phrase whose names an "as" phrase right after gives a third party's role: "talks
    held in Caracas with C and D as guarantors" are not talks with C and D."""
    if prep.lower_ != "with":
        return False
    after = prep.right_edge.i + 1
    if after >= len(prep.doc) or prep.doc[after].lower_ != "as" or prep.doc[after].head not in {prep.head, prep}:
        return False
    return any(c.dep_ == "pobj" and c.lemma_.lower() in THIRD_PARTY_ROLES for c in prep.doc[after].children)


# Verbs of a third party's running talks, which a companion ("together with C") runs too.
CHAIRING_VERBS = frozenset({"chair", "co-chair", "lead", "host", "moderate", "facilitate", "convene", "mediate"})


def companion_with(prep: Token) -> bool:
    """Whether a "with" phrase names a companion in the act, "together with C", "along with C"
    ("D will chair the talks between A and B together with C": C chairs too, no one D talks
    with); the parse hangs "together" on "with", or "with" on "along"."""
    return prep.lower_ == "with" and (any(c.lower_ == "together" for c in prep.children)
                                      or prep.head.lower_ in {"together", "along"})


def absolute_with(prep: Token) -> Token | None:
    """The participle of an absolute "with" phrase ("resumed talks, with C overseeing them"):
    its noun is the participle's doer, not someone the verb is done with.  The small parser
    makes the participle the phrase's own complement, or the verb's adverbial clause right
    after the phrase (an apposition between: "with the AU chair, Felix Mbala, overseeing")."""
    if prep.lower_ != "with":
        return None
    inner = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    if inner is not None:
        return inner
    nouns = [c for c in prep.children if c.dep_ == "pobj"]
    # "with Qatari, Egyptian and American mediators shuttling between them": the parse may hang
    # the participle on the last of the coordinated nouns, as its clause
    hung = next((c for n in nouns for t in (n, *n.conjuncts) for c in t.children
                 if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == c.head.i + 1
                 and (c.lemma_ in THIRD_PARTY_VERBS or c.lemma_ in GO_BETWEEN_VERBS)), None)
    if hung is not None:
        return hung
    if not nouns or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    end = max(n.right_edge.i for n in nouns)
    # (only a third party's participle: "met with B, saying ..." and "met with the chair, X,
    # saying ..." are the subject's own saying)
    participle = next((c for c in prep.head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > end
                       and c.lemma_ in THIRD_PARTY_VERBS), None)
    if participle is None or participle.left_edge.i <= end:
        return None
    between = prep.doc[end + 1:participle.left_edge.i]
    # nothing between, or an apposition set off by commas ("with the AU chair, President X,
    # overseeing"), which the parse may leave between or hang on the noun
    apposed = any(t.pos_ == "PROPN" for t in between) and all(
        t.is_punct or t.pos_ in {"PROPN", "ADJ", "NOUN"} for t in between) or all(t.is_punct for t in between) \
        and any(c.dep_ == "appos" for n in nouns for c in n.children)
    return participle if not between or apposed else None


# What two sides exchange when they talk: "exchanged views (ideas) with B".
EXCHANGED_WORDS = frozenset({"views", "opinions", "ideas", "thoughts", "notes"})


def objects_of(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr"}]
    # "B, whom A met on Tuesday": the relative pronoun stands for the noun the clause is on
    out = [verb.head if c.tag_ == "WP" and c.lower_ in {"whom", "who"} and verb.dep_ == "relcl" else c for c in out]
    out += visiting_guests(verb)
    # "A, alongside B, met President C": the small model may make the named object an adverb
    out += [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i and c.ent_type_ == "PERSON"]
    for prep in verb.children:
        if prep.dep_ in {"prep", "conj"} and prep.lower_ in OBJECT_PREPS and absolute_with(prep) is None \
                and not with_as_third_party(prep):
            # "met with A and (then) with B": the second "with" is the first's conjunct, or the verb's.
            for each in (prep, *(c for c in prep.children if c.dep_ == "conj" and c.lower_ == prep.lower_)):
                # ("with the support of C": C is a third party, see EventExtractor.third_parties)
                out.extend(c for c in each.children if c.dep_ == "pobj" and c.lower_ not in AUSPICES_WORDS)
        out.extend(_along_with(prep))
    for prt in verb.children:
        if prt.dep_ == "prt" and prt.lower_ in {"to", "with"}:
            out.extend(c for c in verb.children if c.dep_ == "dobj")
    # "met A in Lima on Sunday and B in Cusco on Monday": the parse may join B to the place or day,
    # on the verb or on A ("met A in Lima and B in Cusco")
    out += [c for h in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for p in h.children
            if p.dep_ == "prep" and p.lower_ in LOCATION_PREPS
            for o in p.children if o.dep_ == "pobj" for c in o.conjuncts if c.ent_type_ == "PERSON"]
    # "spoke by phone with B": the parse may hang the with-phrase on the means
    out += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"by", "over", "via"}
            for m in p.children if m.lower_ in REMOTE_WORDS for w in m.children
            if w.dep_ == "prep" and w.lower_ == "with" for c in w.children if c.dep_ == "pobj"]
    # "exchanged views with B": the parse may hang the with-phrase on what is exchanged
    out += [c for o in verb.children if o.dep_ == "dobj" and o.lower_ in EXCHANGED_WORDS
            for p in o.children if p.dep_ == "prep" and p.lower_ == "with" for c in p.children if c.dep_ == "pobj"]
    # "met officials of B, including Foreign Minister X": those named of the group too
    out += [c for o in out for p in o.children if p.dep_ == "prep" and p.lower_ == "including"
            for c in p.children if c.dep_ == "pobj"]
    return out


# Heads of a visiting party told without a name: "received visiting ministers from B".
VISITOR_NOUNS = frozenset({"delegation", "delegations", "minister", "ministers", "president", "leader", "leaders",
                           "counterpart", "envoy", "officials", "premier", "king", "emir", "chancellor"})


def visiting_guests(verb: Token) -> list[Token]:
    """Who "visiting" describes right after a verb: "met (received, told) visiting Foreign
    Minister B", which the parse reads as a second verb "visiting" with B its object; not the
    place of "met B while visiting Cairo" (see _adjectival_visiting)."""
    return [g for c in verb.children if _adjectival_visiting(c) for g in c.children if g.dep_ == "dobj"]


def _adjectival_visiting(token: Token) -> bool:
    """Whether a "visiting" the parse hangs on the verb before it describes its own object, a
    person ("told visiting President B"), rather than telling a visit of the verb's subject
    ("met B while visiting Cairo", "A, visiting Lima, met B")."""
    if token.lower_ != "visiting" or token.dep_ not in {"xcomp", "advcl", "ccomp"} or token.i != token.head.i + 1:
        return False
    if any(c.dep_ in SUBJECT_DEPS | {"mark"} for c in token.children):
        return False
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lower_ in VISITOR_NOUNS) for c in token.children)


def _courtesy_call(noun: Token) -> bool:
    return noun.lower_ in {"call", "calls"} and any(c.lower_ == "courtesy" for c in noun.children)


def other_side_names(between: Token) -> list[Token]:
    """'between A, B and C on one side and D on the other': the parse joins D to the word "side"
    of an "on one side" ("on the one hand") phrase, which it hangs on a name of the "between"
    phrase, on the word the phrase is on, or on that word's verb; the names so joined."""
    objects = [o for o in between.children if o.dep_ == "pobj"]
    holders = [*objects, *(c for o in objects for c in o.conjuncts), between.head, between.head.head]
    return [c for holder in dict.fromkeys(holders) for p in holder.children if p.dep_ == "prep" and p.lower_ == "on"
            for side in p.children if side.dep_ == "pobj" and side.lower_ in {"side", "hand"}
            for c in side.conjuncts if c.pos_ == "PROPN" or c.ent_type_]


def noun_participants(noun: Token) -> list[Token]:
    """'talks between A and B', 'a call with A', 'A's meeting', 'Chile-Peru talks'."""
    out: list[Token] = []
    if _courtesy_call(noun):
        out += [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "on" for c in p.children
                if c.dep_ == "pobj"]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS | {"of", "from"}:
            if with_as_third_party(child) or companion_with(child) and noun.head.lemma_ in CHAIRING_VERBS:
                continue  # ("will chair the talks between A and B together with C": C chairs too)
            if child.lower_ == "of" and (noun.lower_ not in OF_SIDES_NOUNS or affiliation_after_name(child)):
                continue
            if child.lower_ == "from" and noun.lower_ not in CALL_WORDS:
                continue
            out.extend(c for c in child.children if c.dep_ == "pobj")
            if child.lower_ == "of":
                # "meetings of the joint commission with B": the body meets with B
                out.extend(g for c in child.children if c.dep_ == "pobj" for p in c.children
                           if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            # "talks in Quito between A and B", "talks at the palace with B": the parse hangs the
            # sides on the place (not on the topic of "talks on a truce with B").
            out.extend(c for place in child.children if place.dep_ == "pobj"
                       for p in place.children if p.dep_ == "prep" and (p.lower_ in {"between", "among"} or p.lower_
                                                                        == "with" and child.lower_ in {"in", "at"})
                       and not with_as_third_party(p) for c in p.children if c.dep_ == "pobj")
            # ... and "the summit in Quito, which gathered A and B" its relative clause
            out.extend(c for place in child.children if place.dep_ == "pobj"
                       for r in place.children if r.dep_ == "relcl" and (
                           r.lemma_ in INCLUDE_VERBS or brings_together(r))
                       for c in r.children if c.dep_ == "dobj")
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in THIRD_PARTY_VERBS:
            # "the talks convened (hosted) by C between A and B": the parse may hang the sides on
            # the participle or on its agent
            out.extend(c for a in [child, *agents_of(child)] for p in a.children
                       if p.dep_ == "prep" and p.lower_ in {"between", "among"} for c in p.children if c.dep_ == "pobj")
        elif child.dep_ in {"relcl", "acl"} and child.lemma_ in {"hold", "have", "conduct"} and (
                child.dep_ == "relcl" or child.tag_ == "VBN"):
            # "the talks A held with B", "the meeting he had with B", "talks held by A with B"
            out.extend(c for c in child.children if c.dep_ in SUBJECT_DEPS and c.tag_ not in {"WP", "WDT"})
            out.extend(agents_of(child))
            out.extend(c for p in child.children if p.dep_ == "prep" and p.lower_ in {"with", "between"}
                       and not with_as_third_party(p) for c in p.children if c.dep_ == "pobj")
        elif child.dep_ == "relcl" and (child.lemma_ in INCLUDE_VERBS or brings_together(child)):
            # "talks in Nairobi that included Chad's intelligence chief", "the summit, which
            # brought together A and B"
            out.extend(c for c in child.children if c.dep_ == "dobj")
        elif child.dep_ in {"prep", "acl"} and child.lower_ in {"including", "involving"}:
            # "talks including the foreign ministers of A and B"
            out.extend(c for c in child.children if c.dep_ in {"pobj", "dobj"})
        elif child.dep_ in {"poss", "compound", "amod", "nmod"}:
            # "the Japan-China-ROK Trilateral Meeting": every name in the modifier's subtree,
            # but not the third party of "AU-mediated negotiations", nor a named person's own
            # country ("Kenyan President A's meeting with B" is A's, not Kenya's).
            person = child.dep_ == "poss" and child.ent_type_ == "PERSON"
            out.extend(t for t in child.subtree if t.i < noun.i and (t == child or t.pos_ == "PROPN"
                                                                     or t.ent_type_ in {"NORP", "GPE"})
                       and not _names_a_third_party(t) and not (person and t.ent_type_ in {"NORP", "GPE"}))
            if child.dep_ == "poss":
                out += _first_of_joint_possessor(noun, child)
    # "meetings with A and rebel leader B": the parse may join B to the event noun, not to A
    sides_at = min((c.i for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}), default=None)
    if sides_at is not None:
        out += [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > sides_at]
    return out


# Event nouns whose "of" phrase names who holds them: "the talks of A and B", "a meeting of the
# ministers" (not "a round of talks", where the event is the "of" phrase's own noun).
OF_SIDES_NOUNS = frozenset({"meeting", "meetings", "summit", "talks", "negotiations", "discussions"})


def _visit_before(findings: list[EventFinding], starts: list[int], at: int, low: int) -> EventFinding | None:
    """The latest visit of ``findings`` (in the order of the text, beginning at ``starts``) told
    before token ``at`` and not before sentence ``low``."""
    for n in range(bisect_left(starts, at) - 1, -1, -1):
        if findings[n].sentence_index < low:
            return None
        if findings[n].kind == "visit":
            return findings[n]
    return None


def _first_of_joint_possessor(noun: Token, possessor: Token) -> list[Token]:
    """'A and B's meeting': the small parser may make only B the possessor and the event noun
    A's conjunct ("A ... and B's meeting"); A is the first of the joint possessor."""
    if noun.dep_ != "conj" or noun.head.pos_ not in {"PROPN", "NOUN"}:
        return []
    before = possessor.left_edge.i - 1
    if before <= noun.head.i or noun.doc[before].lower_ != "and" or noun.doc[before].head != noun.head:
        return []
    return [noun.head]


INCLUDE_VERBS = frozenset({"include", "involve", "comprise"})
# Nouns of offering talks, and the verbs of answering an offer: "A rejected B's offer of talks".
OFFER_NOUNS = frozenset({"offer", "proposal", "invitation"})
ANSWER_VERBS = frozenset({"reject", "accept", "decline", "refuse", "welcome", "spurn", "rebuff", "dismiss"})
# "A is ready (open) for talks with B": the talks A offers to hold.
READY_WORDS = frozenset({"ready", "open", "prepared", "available"})
# "A hosted a dinner for B": a meal given for a guest is a meeting with them.
MEAL_NOUNS = frozenset({"dinner", "lunch", "luncheon", "breakfast", "banquet", "reception", "iftar"})


def meal_guests(verb: Token, objects: list[Token]) -> list[Token]:
    """Whom a meal ``verb`` hosts is given for: "hosted a dinner for B", "a lunch in honour of B",
    and "a dinner for visiting President B" (the parse makes B the object of "visiting")."""
    guests: list[Token] = []
    for meal in (o for o in objects if o.lemma_ in MEAL_NOUNS):
        for prep in (c for c in [*meal.children, *verb.children] if c.dep_ in {"prep", "dative"}):
            if prep.lower_ == "for":
                guests += [g for c in prep.children if c.dep_ in {"pobj", "pcomp"}
                           for g in ([c] if c.dep_ == "pobj" else [d for d in c.children if d.dep_ == "dobj"])]
                # ("a dinner for EU leaders, including Chancellor B": those named of the group)
                guests += [n for g in guests for p in g.children if p.lower_ == "including"
                           for n in p.children if n.dep_ == "pobj"]
            elif prep.lower_ == "in":
                guests += [g for c in prep.children if c.dep_ == "pobj" and c.lemma_ in {"honour", "honor"}
                           for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                           for g in o.children if g.dep_ == "pobj"]
    return guests
# "The summit drew (attracted) the leaders of A and B": who an event draws takes part in it.
DRAWING_VERBS = frozenset({"draw", "attract"})
# "The talks brought together A and B": the verb (with its particle) whose objects an event's
# participants are when the event is its subject.
GATHERING_VERBS = frozenset({"bring", "gather", "draw"})
THIRD_PARTY_PARTICIPLES = frozenset({"mediated", "brokered", "led", "hosted", "sponsored", "facilitated",
                                     "backed", "convened", "supported"})
# Verbs whose doer takes part in the talks they govern as a third party: "C hosted the talks",
# "talks brokered by C", "C-sponsored talks".  The value is the participant role.
THIRD_PARTY_VERBS: dict[str, ParticipantRole] = {
    "host": "host", "co-host": "host", "cohost": "host", "mediate": "mediator", "broker": "mediator",
    "facilitate": "mediator", "co-facilitate": "mediator", "sponsor": "mediator", "co-sponsor": "mediator",
    "convene": "host", "chair": "host", "co-chair": "host", "lead": "mediator", "moderate": "mediator",
    "organise": "host", "organize": "host", "assist": "mediator", "oversee": "mediator",
}
PARTICIPLE_ROLES: dict[str, ParticipantRole] = {"hosted": "host", "convened": "host"}
# "met to hear from A": who briefs the meeting takes part.
BRIEFING_VERBS = frozenset({"hear", "receive", "get"})
# Verbs whose passive agent takes part as a side: "the talks were attended by A".
ATTEND_VERBS = frozenset({"attend", "join"})
# "A, accompanied by B, met C": B takes part in what A does.
ACCOMPANY_VERBS = frozenset({"accompany", "join", "flank"})
# A visitor "greeted by B" is B's guest.
GREET_VERBS = frozenset({"greet", "welcome", "receive", "meet", "host"})
# Verbs whose subject joins the talks an in/into/to phrase names: "take part in the talks".
JOIN_VERBS = frozenset({"participate", "take", "engage", "enter", "join", "return", "sit", "come", "go",
                        "partake", "agree", "commit", "consent"})
# Nouns of taking part: "the participation of A in the talks".
PRESENCE_NOUNS = frozenset({"participation", "presence", "attendance", "involvement"})
# "talks aimed at ending the war between A and B": the sides of what the talks are about.
PURPOSE_VERBS = frozenset({"aim", "intend", "design", "seek", "mean"})
AUSPICES_WORDS = frozenset({"auspices", "aegis", "chairmanship", "mediation", "facilitation", "sponsorship",
                            "support", "help", "assistance"})


def verb_tagged_noun(token: Token) -> bool:
    """A word the tagger made a noun that the parse uses as a verb: "offered to host talks"
    (an infinitive's "to" and an object)."""
    children = {c.dep_ for c in token.children}
    return token.dep_ in {"xcomp", "ccomp", "advcl"} and "aux" in children and "dobj" in children


def brings_together(verb: Token) -> bool:
    """'brought together', 'gathered', 'drew together' (not 'brought A and B closer together':
    a rapprochement, no meeting)."""
    return verb.lemma_ in GATHERING_VERBS and (verb.lemma_ == "gather" or any(
        c.dep_ in {"prt", "advmod"} and _together(c) for c in verb.children))


def _together(token: Token) -> bool:
    """'together' as a gathering says it, not compared ('closer together')."""
    return token.lower_ == "together" and not any(c.tag_ in {"RBR", "JJR"} for c in token.children)


def _presence(prep: Token) -> Token | None:
    """The noun of taking part an in/at phrase belongs to, on it or (as parsed) beside it on
    its verb: "(welcome) the participation of A in the talks"."""
    head = prep.head
    if head.lemma_ in PRESENCE_NOUNS:
        return head
    if head.pos_ in {"VERB", "AUX"}:
        return next((c for c in head.children if c.dep_ == "dobj" and c.lemma_ in PRESENCE_NOUNS), None)
    return None


# Nouns that measure an event: "three hours of talks", "a day of meetings".
MEASURE_NOUNS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
                           "minutes", "session", "sessions",
                           "series", "couple"})


def _measured(noun: Token) -> Token:
    """The measure an event noun is told by ("three hours" of "three hours of talks"), or the noun."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in MEASURE_NOUNS:
        return prep.head
    return noun


def _counted(noun: Token, measure: Token) -> Token:
    """The measure an event noun is told by when it counts the event's own length ("two days"
    of "for two days of talks"), else the noun: "for the last day of talks" is a share of
    talks others hold (see _part_of)."""
    return measure if any(c.dep_ == "nummod" for c in measure.children) else noun


def _round_of(noun: Token) -> Token:
    """The round an event noun is told by ("round" of "a new round of talks"), or the noun.
    (A round of talks between two others that a third party opens is its mediation: see
    kg.nlp.mediation.)"""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in {"round", "rounds"}:
        return prep.head
    return noun


# Nouns of a share of an event: "for part (the rest) of the talks".
PART_NOUNS = frozenset({"part", "parts", "portion", "rest", "remainder", "end", "start", "beginning", "some"})


def _part_of(noun: Token) -> Token:
    """The share an event noun is told by ("part" of "part of the talks"), or the noun."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in PART_NOUNS:
        return prep.head
    return noun


def _along_with(prep: Token) -> list[Token]:
    """'(met A,) along with B', 'together with B', 'alongside B'."""
    if prep.dep_ == "prep" and prep.lower_ == "alongside":
        return [c for c in prep.children if c.dep_ == "pobj"]
    if prep.dep_ == "prep" and prep.lower_ == "with" and any(
            c.lower_ in {"along", "together"} for c in prep.children):  # parsed "together <- with"
        return [c for c in prep.children if c.dep_ == "pobj"]
    if prep.dep_ != "prep" or prep.lower_ not in {"along", "together"}:
        return []
    return [c for w in prep.children if w.dep_ == "prep" and w.lower_ == "with" for c in w.children
            if c.dep_ == "pobj"]


# Words that put a companion beside the doer: "alongside B", "along with B", "together with B".
BESIDE_WORDS = frozenset({"alongside", "along", "together"})


# Determiners of an event told before: "the meeting", "this meeting".
BACK_DETERMINERS = frozenset({"the", "this", "that"})


def _told_before(noun: Token) -> bool:
    """Whether an event noun names one told before: "(A also attended) the meeting", "(A
    joined) the talks", with no name, place or clause of its own."""
    return any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in noun.children) and not any(
        c.dep_ in {"prep", "compound", "poss", "nmod", "amod", "relcl", "acl", "appos"} for c in noun.children)


def _there(verb: Token) -> bool:
    """Whether a verb tells someone is (or is awaited) somewhere: "A was in Nairobi (for
    talks)", "A is expected (due) in Nairobi"."""
    if verb.lemma_ == "be":
        # (the place may hang on "due": "is due in Nairobi")
        holders = [verb, *(c for c in verb.children if c.dep_ == "acomp" and c.lower_ in DUE_WORDS)]
    elif verb.lemma_ == "expect" and any(c.dep_ == "auxpass" for c in verb.children):
        holders = [verb]
    else:
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"in", "at"} and any(
        p.dep_ == "pobj" and p.ent_type_ in {"GPE", "LOC", "FAC"} for p in c.children)
        for holder in holders for c in holder.children)


# "A described the talks with B as frank": verbs by which one judges what one took part in.
DESCRIBING_VERBS = frozenset({"describe", "call", "characterise", "characterize", "term"})


def _told_by_a_side(noun: Token) -> list[Token]:
    """'A said the talks with B were frank', 'A described the talks with B as useful', 'A said
    talks with B would resume': who tells of "the talks with B" is their other side."""
    if any(c.dep_ == "det" and c.lower_ != "the" for c in noun.children) or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return []
    clause = noun.head
    teller = clause.head if noun.dep_ in SUBJECT_DEPS and clause.dep_ == "ccomp" \
        and clause.head.lemma_ in REPORTING_VERBS else clause if noun.dep_ == "dobj" \
        and clause.lemma_ in DESCRIBING_VERBS else None
    # (not "reporters said the talks with B were frank")
    return [s for s in subjects_of(teller) if s.lower_ not in REPORTER_WORDS] if teller is not None else []


# What one travels to do that is a meeting: "flew to Geneva to meet (to hold talks with) B".
MEETING_PURPOSE_VERBS = frozenset({"meet", "attend", "hold", "discuss", "negotiate", "confer", "join"})


def _for_a_meeting(verb: Token) -> bool:
    """Whether a journey's verb says it is made for a meeting: "returned to Geneva for talks",
    "flew to Lima to meet B"."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(o.lower_ in EVENT_NOUNS or o.lemma_ == "talk"
                                                              for o in c.children)
               or c.dep_ in {"advcl", "xcomp"} and c.lemma_ in MEETING_PURPOSE_VERBS for c in verb.children)


def _summoned(called: Token) -> bool:
    """Whether the one called is summoned or brought back, not phoned: "call B in", "call B back
    in (to Harare)"; but "called B back" returns a call."""
    doc, after = called.doc, called.right_edge.i + 1
    tokens = list(doc[after:after + 2])
    if tokens and tokens[0].lower_ == "back":
        tokens = tokens[1:]
        if tokens and tokens[0].lower_ in {"to", "into"}:
            return True  # "called B back to Harare"
    # (not "called B in Lusaka": where the caller was)
    return bool(tokens) and tokens[0].lower_ == "in" and not any(c.dep_ == "pobj" for c in tokens[0].children)


def _seen_on_a_journey(verb: Token) -> list[Token]:
    """Whom a journey is made to see: "flew to Riga to see B" gives B (the caller keeps persons:
    not "went to Riga to see the damage")."""
    return [o for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_ == "see" and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for o in c.children if o.dep_ == "dobj"]


def _attended_too(participle: Token) -> list[Token]:
    """Who attended, told by a second participle sharing the first's subject: "(the summit was,
    which was) chaired by C and attended by A and B" gives A and B."""
    return [a for v in participle.children if v.dep_ == "conj" and v.tag_ == "VBN"
            and v.lemma_ in ATTEND_VERBS and not any(c.dep_ in SUBJECT_DEPS for c in v.children)
            for a in agents_of(v)]


def _leads_a_delegation(verb: Token) -> bool:
    """'led the delegation', 'headed his country's team'."""
    return any(c.dep_ == "dobj" and c.lemma_ in DELEGATION_NOUNS for c in verb.children)


# Who attend talks to watch them, not to take part: "as observers", "Observers from C attended".
OBSERVER_NOUNS = frozenset({"observer", "monitor"})


def _as_observers(token: Token) -> bool:
    """'(include A) as observers': attending without taking part."""
    return any(p.dep_ == "prep" and p.lower_ == "as" and any(c.lemma_ in OBSERVER_NOUNS for c in p.children)
               for p in token.children)


def agents_of(verb: Token) -> list[Token]:
    """The doers of a passive verb: 'hosted by C and D'."""
    return [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]


# Who extends (issues, renews) an invitation invites; who accepts (declines) one is invited.
EXTEND_VERBS = frozenset({"extend", "issue", "renew", "send", "give"})


def _inviters(invitation: Token) -> list[Token]:
    """'the invitation of (from) B', 'B's invitation'."""
    return [c for p in invitation.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
            for c in p.children if c.dep_ == "pobj"] + [c for c in invitation.children if c.dep_ == "poss"]


def _invitation(visit: Token) -> tuple[list[Token], list[Token]]:
    """Who invites to a visit (its hosts) and, where the invitation tells it, who is invited:
    "visiting Kampala at (on) the invitation of B", "paid a visit to Kampala at B's invitation",
    "B invited A to visit", "A was invited by B to visit", "A accepted B's invitation to visit",
    "B extended an invitation to A to visit"."""
    # (the phrase may hang on the visit word, on the verb it is the object of, or on the verb
    # of "arrived on a visit")
    carriers = [visit, visit.head] if visit.dep_ in {"dobj", "pobj"} else [visit]
    if visit.dep_ == "pobj":
        carriers.append(visit.head.head)
    hosts = [h for c in carriers for p in c.children if p.dep_ == "prep" and p.lower_ in {"at", "on", "upon"}
             for i in p.children if i.dep_ == "pobj" and i.lemma_ == "invitation" for h in _inviters(i)]
    head = visit.head
    # "B welcomed (hosted, received) A in Lima for a working visit": B hosts, A visits
    if visit.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in GATHER_VERBS:
        guests = [c for c in head.head.children if c.dep_ == "dobj"]
        if guests:
            return hosts + subjects_of(head.head), guests
    if visit.dep_ == "xcomp" and head.lemma_ == "invite":
        hosts += agents_of(head) or [c for c in head.children if c.dep_ == "nsubj"]
        return hosts, []
    if visit.dep_ == "advcl" and head.lemma_ in EXTEND_VERBS:
        # ("extended an invitation to A to visit": the parse may hang the visit on the verb)
        invitation = next((c for c in head.children if c.dep_ == "dobj" and c.lemma_ == "invitation"), None)
    else:
        invitation = head if visit.dep_ == "acl" and head.lemma_ == "invitation" else None
    if invitation is None:
        return hosts, []
    hosts += _inviters(invitation)
    verb = invitation.head
    if invitation.dep_ != "dobj":
        return hosts, []
    if verb.lemma_ in EXTEND_VERBS:
        hosts += [c for c in verb.children if c.dep_ == "nsubj"]
        return hosts, [c for d in [*verb.children, *invitation.children] if d.dep_ in {"dative", "prep"}
                       and d.lower_ == "to" for c in d.children if c.dep_ == "pobj"]
    return hosts, subjects_of(verb)


def _names_a_third_party(token: Token) -> bool:
    return _third_party_participle(token) is not None


def _third_party_participle(token: Token) -> str | None:
    """The participle of "C-brokered" when ``token`` is its C, in two tokens or one ("U.S.-brokered")."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text in {"-", "‐"} and \
            doc[token.i + 2].lower_ in THIRD_PARTY_PARTICIPLES:
        return doc[token.i + 2].lower_
    rest = token.lower_.rpartition("-")[2]
    return rest if "-" in token.text and rest in THIRD_PARTY_PARTICIPLES else None


class EventExtractor:
    """Turns triggers into :class:`EventFinding`s for one document."""

    def __init__(self, index: DocIndex, published: date | None):
        self.index = index
        self.doc = index.doc
        self.published = published
        self.sentences = index.sents
        self._findings: list[EventFinding] = []
        self.unresolved: list[EventFinding] = []  # events whose sides no sentence names
        self._dates: dict[int, list[Span]] | None = None
        self._dateline: tuple[int, int, date, str] | tuple[()] | None = None
        self._date_verbs: dict[int, Token | None] = {}  # a date's clause verb, by where the date starts
        self._journeys: list[Token] | None = None  # the words of journeys ("visit", "trip"), and where
        self._journey_at: list[int] = []
        self._surnames: dict[str, str] | None = None  # a person of the text by a surname its own
        self._arrivals: dict[int, list[Token]] | None = None  # the verbs of arriving, by sentence, once looked up
        self._sent_of = {}
        for n, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self._sent_of[i] = n

    def speaking(self, verb: Token) -> list[EntityRef]:
        """The speaker as the doer of a verb a speaker opens a sentence with, no subject
        said: "Welcome the ministers of A and B to Washington" in a transcript's turn."""
        if verb.tag_ not in {"VB", "VBP"} or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return []
        sent = verb.sent
        # (a turn may begin inside the parser's sentence: "MINISTER X: Welcome ...")
        begin = max([sent.start, *(start for start, _ in self.index.turns if sent.start <= start <= verb.i)])
        first = next((t for t in self.doc[begin:sent.end] if not (t.is_punct or t.is_space or t.pos_ == "INTJ")),
                     None)
        speaker = self.index.speaker_at(verb.i) if first is not None and first.i == verb.i else None
        return [speaker] if speaker is not None else []

    def sent(self, token: Token | int) -> Span:
        """The sentence of a token, from the index built once (``Token.sent`` scans)."""
        return self.sentences[self.sentence_index(token)]

    def sentence_index(self, token: Token | int) -> int:
        return self._sent_of.get(token if isinstance(token, int) else token.i, 0)

    def refs(self, tokens: list[Token]) -> list[EntityRef]:
        """The actors named by noun phrases; a delegation takes part for its country."""
        refs: list[EntityRef] = []
        for token in tokens:
            # ("After talks hosted by C, A and B agreed": the subject A, with B, not with C)
            ran = _run_on_from(token)
            # ("During talks mediated by C, A and B agreed": C's conjuncts from A on are the
            # clause's subject, none of C's)
            cut = run_on_sides(token) if not ran and any(c.dep_ == "conj" for c in token.children) else []
            named = [r for c in ran for r in self.index.actors_of_np(c, expand_conj=False)] if ran \
                else [r for c in [token, *(t for t in token.conjuncts if t.i < cut[0].i)]
                      for r in self.index.actors_of_np(c, expand_conj=False)] if cut \
                else self.index.actors_of_np(token)
            office = _office_of_a_country(token)
            for ref in named:
                ref = for_its_country(self.index, ref)
                if office is not None and ref.kind == "country":
                    ref = self._holder_named(ref, office) or ref
                if ref not in refs:
                    refs.append(ref)
            if not refs and token.lower_ in VISIT_ROLE_WORDS:
                refs += self._of_the_visit_before(token)
            # "A delegation of A arrived ... The delegation met B": the delegation told again
            if not refs and token.lemma_ == "delegation" and not self._a_delegation(token):
                refs += [r for r in self._delegation_told_before(token) if r not in refs]
            if not refs and token.lemma_ in DELEGATION_NOUNS | SENT_NOUNS and token.dep_ == "dobj" \
                    and token.head.lemma_ in SEND_VERBS:
                # "A sent a delegation to Kampala to meet B", "the AU sent an envoy to mediate":
                # the sender's delegation or envoy, for its country (or for the body itself)
                for sender in [r for s in subjects_of(token.head) for r in self.index.actors_of_np(s)]:
                    country = self.index.country_of(sender)
                    ref = EntityRef("country", country) if country else sender
                    if ref not in refs:
                        refs.append(ref)
            # "a delegation led by X": X takes part with it; and "X was part of the delegation".
            for head in [token, *token.conjuncts]:
                if head.lemma_ == "delegation" or head.lemma_ in DELEGATION_NOUNS and _a_partys(head, self.index):
                    refs += [r for m in _team_members(head) for r in self.index.actors_of_np(m)
                             if r.kind == "person" and r not in refs]
                for leader in _led_by(head, self.index):
                    for ref in self.index.actors_of_np(leader):
                        if ref.kind == "person" and ref not in refs:
                            refs.append(ref)
        return refs

    def _holder_named(self, country: EntityRef, office: str) -> EntityRef | None:
        """The one person the document names as holding ``office`` ("president", "foreign
        minister", "leader") of ``country``, else None."""
        holders = [p for p in self.index.persons.values() if p.name and (
            p.leader and p.country == country.key if office == "leader"
            else any(title.lower() == office and of == country.key for title, of in p.titles))]
        if not holders:
            # "X ... while his Azerbaijani counterpart, Y, ...": Y holds for the country the office
            # of the one whose counterpart Y is
            holders = [p for p in self.index.persons.values() if p.name and p.country == country.key
                       and not p.titles and p.key in self._counterparts_named()]
        return EntityRef("person", holders[0].key) if len(holders) == 1 else None

    def _counterparts_named(self) -> set[str]:
        """The people named in apposition to "counterpart" ("his Kenyan counterpart, X")."""
        return {r.key for t in self.index.tokens_in({"counterpart"}) for c in t.children
                if c.dep_ == "appos" and (r := self.index.ref_at(c)) is not None and r.kind == "person"}

    def _official_telling(self, noun: Token) -> list[Token]:
        """'A and B held talks. A's foreign minister X said the talks were useful': who tells of
        the talks told before, an official of one of their two or more sides, took part."""
        if not _told_before(noun) or noun.dep_ not in SUBJECT_DEPS or noun.head.dep_ != "ccomp" \
                or noun.head.head.lemma_ not in REPORTING_VERBS:
            return []
        speakers = subjects_of(noun.head.head)
        refs = self.refs(speakers)
        keys = {side.key for side in self.sides_before(self.sentence_index(noun))}
        return speakers if len(keys) >= 2 and refs and all(
            r.kind == "person" and self.index.country_of(r) in keys for r in refs) else []

    def _onlooker(self, verb: Token, speakers: list[Token]) -> bool:
        """'A and B held talks. C told reporters after the talks that ...': who speaks after talks
        told before of two or more other sides is an official of none of them, not a side."""
        if verb.lemma_ not in REPORTING_VERBS | TELLING_VERBS | CREDIT_VERBS | {"welcome"}:
            return False  # (nor "C welcomed (praised) the accord after the talks")
        sides = self.sides_before(self.sentence_index(verb))
        refs = self.refs(speakers)
        keys = {side.key for side in sides}
        return len(sides) >= 2 and bool(refs) and all(
            r.kind == "person" and (country := self.index.country_of(r)) is not None and country not in keys
            for r in refs)

    def _of_the_visit_before(self, word: Token) -> list[EntityRef]:
        """'A arrived in Kampala ... The visitor (The host, her guest) met B': the visitors (or
        hosts) of the latest visit told up to the word's sentence, in it or the two before."""
        if not any(c.dep_ in {"det", "poss"} for c in word.children):
            return []
        here = self.sentence_index(word)
        role = VISIT_ROLE_WORDS[word.lower_]
        # (the findings so far are in the order of the text: those of this sentence and the two before)
        for finding in reversed(self._findings):
            if finding.sentence_index < here - 2:
                break
            if finding.kind == "visit" and finding.sentence_index <= here and finding.trigger.start < word.i:
                return [r for r, r_role in finding.participants if r_role == role]
        return []

    def run(self) -> list[EventFinding]:
        findings: list[EventFinding] = []
        seen: set[int] = set()
        spans = sorted(self.doc.spans.get(TRIGGERS_KEY, []), key=lambda s: (s.start, -len(s)))
        for span in spans:
            if span.label_ not in MEETING_KINDS and span.label_ != "statement":
                continue
            token = trigger_token(span)
            if token.i in seen:
                continue
            seen.add(token.i)
            self._findings = findings
            finding = self._event(span, token)
            if finding is not None:
                findings.append(finding)
                findings += self._gapped(finding, token)
        self._sides_told_later(findings)
        self._traveller_takes_part(findings)
        self._talks_of_the_visit(findings)
        self._named_host_or_guest(findings)
        findings += self._headline_meetings()
        findings += self._sittings(findings)
        self._attach_outlets(findings)
        merged = merge_repeats(findings, self.index)
        # Events that name no one yet wait for the document's frames (sides_from_frames).
        self.unresolved = [m for m in merged if m.kind != "statement" and not m.all_participants()]
        return [m for m in merged if m.kind == "statement" or m.all_participants()]

    def _gapped(self, finding: EventFinding, verb: Token) -> list[EventFinding]:
        """'A met B on Monday and C on Tuesday', 'A met B in Lima and C in Quito': the verb left
        out after "and" (gapping) tells a second meeting of the subject, with the one named
        between "and" and a time or place of its own.  Only where the first object has a time or
        place too and no verb stands in the gap (not "A met B on Monday and C said ...")."""
        if finding.kind not in GAPPED_KINDS or verb.pos_ != "VERB" or verb.lemma_ not in GAPPED_VERBS:
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        subjects = self.refs(subjects_of(verb))
        if len(objects) != 1 or not subjects:
            return []
        sentence = verb.sent
        # (after the object's phrase; or right after its noun, where the parse runs the gapped
        # clause into the object's place: "met A's officials in X and B's officials in Y")
        ends = [_adjunct_end(sentence, at) for at in dict.fromkeys((max(t.i for t in objects[0].subtree) + 1,
                                                                    objects[0].i + 1))]
        adjunct = next((end for end in ends if end < sentence.end and self.doc[end].lower_ == "and"
                        and self.doc[end - 1].lower_ not in GAP_PREPS), None)
        if adjunct is None:
            return []
        start = adjunct + 1
        end = _gap_end(sentence, start)
        if end is None:
            return []
        gap = [t for t in self.doc[start:end] if not start <= t.head.i < end]
        # (only those the gap's own words name: the parse may hang the first object's words below)
        named = {k for t in self.doc[start:end] if (r := self.index.ref_at(t)) is not None
                 for k in (r.key, self.index.country_of(r))}
        others = [r for r in self.refs(gap)
                  if r not in subjects and (r.key in named or self.index.country_of(r) in named)]
        if not others:
            return []
        if finding.location is not None and self.index.country_of(finding.location) in {
                self.index.country_of(r) for r in others}:
            finding.location = None  # ("on Monday and Bolivian President X": the parse's place is the gap's actor)
        return [replace(finding, key=f"{finding.key}-gapped", participants=[(r, "participant") for r in
                                                                            [*subjects, *others]],
                        subject_refs=list(subjects), tellings=[], third_parties=[], location=None, date=None,
                        date_text=None, evidence=list(finding.evidence))]

    def _headline_meetings(self) -> list[EventFinding]:
        """A meeting a title-cased headline tells by a noun phrase: "A-B Meeting To Open ...",
        "A-B Talks Resume", "Talks Between A and B Resume".  A headline's capitalised words
        parse poorly (see kg.nlp.triggers), so its sides are read from the words around the
        event word: two or more actors joined by hyphens before it, or "between A and B" after."""
        if not self.sentences or not title_cased(self.sentences[0]):
            return []
        line = self.sentences[0]
        found: list[EventFinding] = []
        for token in line:
            kind = HEADLINE_EVENTS.get(token.lower_)
            if kind is None:
                continue
            sides = self._hyphened_before(token, line.start) or self._between_after(token, line.end) \
                or self._owner_with(token, line)
            if len(sides) < 2:
                continue
            trigger = self.doc[token.i:token.i + 1]
            finding = EventFinding(key=f"{kind}-{token.idx}", kind=kind, trigger=trigger,
                                   participants=[(r, "participant") for r in sides], evidence=[line],
                                   subject_refs=sides, sentence_index=0, status=self.status(token))
            found.append(finding)
        return found

    def _named_or_surnamed(self, token: Token) -> tuple[EntityRef | None, int]:
        """The actor a word names, and where its name begins: a person of the text by the
        surname alone ("Okello-Mwangi Meeting", names the model may not see as names)."""
        mention = self.index.mention_at(token)
        if mention is not None:
            return (mention.ref if mention.ref.kind != "place" else None), mention.start
        if self._surnames is None:
            counts: dict[str, list[str]] = {}
            for person in self.index.persons.values():
                for name in {person.tokens[-1], *(a for a in person.aliases if " " not in a)} if person.tokens else ():
                    counts.setdefault(name, []).append(person.key)
            self._surnames = {name: keys[0] for name, keys in counts.items() if len(set(keys)) == 1}
        key = self._surnames.get(token.text)
        return (EntityRef("person", key) if key is not None else None), token.i

    def _hyphened_before(self, token: Token, start: int) -> list[EntityRef]:
        """'A-B(-C) Talks': the actors joined by hyphens right before the event word."""
        sides: list[EntityRef] = []
        i = token.i - 1
        while i >= start:
            ref, begin = self._named_or_surnamed(self.doc[i])
            if ref is None:
                break
            if ref not in sides:
                sides.insert(0, ref)
            i = begin - 1
            if i < start or self.doc[i].text not in HYPHENS:
                break
            i -= 1
        return sides

    def _owner_with(self, token: Token, line: Span) -> list[EntityRef]:
        """'A's Meeting (Talks) with B': the actor whose possessive is right before the event
        word, and those listed right after "with" (a readout's headline)."""
        i = token.i
        if i - 2 < line.start or self.doc[i - 1].lower_ not in {"'s", "’s"}:
            return []
        owner, _ = self._named_or_surnamed(self.doc[i - 2])
        others = self._between_after(token, line.end, word="with")
        return [owner, *(r for r in others if r != owner)] if owner is not None and others else []

    def _between_after(self, token: Token, end: int, *, word: str = "between") -> list[EntityRef]:
        """'Talks Between A and B': the actors listed right after "between" (or ``word``); the
        title of a person named after it ("with Peruvian Foreign Minister X") is X's."""
        if token.i + 1 >= end or self.doc[token.i + 1].lower_ != word:
            return []
        sides: list[EntityRef] = []
        i = token.i + 2
        while i < end:
            ref, _ = self._named_or_surnamed(self.doc[i])
            mention = self.index.mention_at(self.doc[i])
            if i in self.index.title_owner or ref is not None and ref.kind == "country" and mention is not None \
                    and mention.end in self.index.title_owner:
                i = mention.end if mention is not None and i not in self.index.title_owner else i + 1
            elif ref is not None:
                if ref not in sides:
                    sides.append(ref)
                i = mention.end if mention is not None else i + 1
            elif self.doc[i].lower_ in {"and", ",", "the"}:
                i += 1
            else:
                break
        return sides

    def _sides_told_later(self, findings: list[EventFinding]) -> None:
        """'The envoy held a meeting with the two sides after talks between A and B stalled':
        "the sides" told before the talks that name them take their sides from the nearest;
        but 'A and B announced ... The two parties have held talks' refers back to the two
        named together just before."""
        from kg.nlp.frames import latest_pair

        for finding in findings:
            if not finding.wants_sides:
                continue
            sides = latest_pair(self.index, self, self.doc[finding.sides_word]) \
                if finding.sides_word is not None else []
            self._findings = [f for f in findings if f is not finding
                              and f.sentence_index <= finding.sentence_index + 2]
            sides = sides or self.sides_before(finding.sentence_index + 2)
            for ref in sides:
                if ref not in finding.refs():
                    finding.participants.append((ref, "participant"))

    def _traveller_takes_part(self, findings: list[EventFinding]) -> None:
        """'A flew to Kampala on Sunday. The talks with B focused on trade': talks or a meeting told
        only by whom they are "with", in a sentence with no actor as its subject, are those of the
        one actor who travelled (arrived, flew, visited) in the two sentences before."""
        for finding in findings:
            token = trigger_token(finding.trigger)
            if finding.kind not in {"talks", "meeting"} or finding.subject_refs or not finding.participants \
                    or token.pos_ != "NOUN" or not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
                continue
            clause = clause_verb(token)
            if clause is not None and self.refs(subjects_of(clause)):
                continue
            travellers = self._travellers(finding.sentence_index)
            if len(travellers) == 1 and travellers[0] not in finding.refs():
                finding.participants.insert(0, (travellers[0], "participant"))

    def _named_host_or_guest(self, findings: list[EventFinding]) -> None:
        """'A will visit Kampala. His Ugandan host, President B, said ...': the one apposed to "his
        host" ("her guest") takes that part in the visit told in that sentence or the two before."""
        starts = [f.trigger.start for f in findings]
        for word in self.index.tokens_in(VISIT_ROLE_WORDS):
            if not any(c.dep_ == "poss" for c in word.children):
                continue
            named = [r for c in word.children if c.dep_ == "appos" for r in self.refs([c])
                     if r.kind in {"person", "country"}]
            visit = _visit_before(findings, starts, word.i, self.sentence_index(word) - 2) if named else None
            if visit is not None:
                role = VISIT_ROLE_WORDS[word.lower_]
                visit.participants += [(r, role) for r in named if r not in visit.refs()]

    def _talks_of_the_visit(self, findings: list[EventFinding]) -> None:
        """'A hosted B on Tuesday. During the talks, B stressed trade': "the talks" (the meeting)
        told again with fewer than two sides are those of the visit told in the two sentences
        before, its host and visitors."""
        starts = [f.trigger.start for f in findings]
        for finding in findings:
            token = trigger_token(finding.trigger)
            if finding.kind not in {"talks", "meeting"} or len(finding.refs()) >= 2 or not _told_before(token):
                continue
            visit = _visit_before(findings, starts, token.i, finding.sentence_index - 2)
            if visit is not None and len(visit.refs()) >= 2:
                finding.participants += [(r, "participant") for r in visit.refs() if r not in finding.refs()]

    def _travellers(self, sentence: int) -> list[EntityRef]:
        """The actors who travel in the latest of the two sentences before ``sentence`` that tells
        of travel: the subjects of "arrive", "fly", "travel", "land", "visit"."""
        if self._arrivals is None:
            self._arrivals = {}
            for verb in self.index.tokens_in(ARRIVAL_VERBS, lemma=True):
                if verb.pos_ == "VERB":
                    self._arrivals.setdefault(self.sentence_index(verb), []).append(verb)
        for k in (sentence - 1, sentence - 2):
            refs = [r for v in self._arrivals.get(k, ()) for r in self.refs(subjects_of(v))
                    if r.kind in {"person", "country"}]
            if refs:
                return list(dict.fromkeys(refs))
        return []

    def sides_before(self, sentence: int) -> list[EntityRef]:
        """The two or more sides of the latest talks or meeting told up to ``sentence``:
        countries and organisations, with officials standing for their countries."""
        for finding in reversed(self._findings):
            if finding.sentence_index > sentence or finding.kind not in {"talks", "meeting"}:
                continue
            sides: list[EntityRef] = []
            for ref in finding.refs():
                person = self.index.persons.get(ref.key) if ref.kind == "person" else None
                if person is not None and not person.leader and person.country:
                    ref = EntityRef("country", person.country)
                elif ref.kind == "person":
                    continue
                if ref not in sides:
                    sides.append(ref)
            if len(sides) >= 2:
                return sides
        return []

    # --- one trigger -----------------------------------------------------------------

    def _joined(self, span: Span, verb: Token) -> EventFinding | None:
        """'They were joined by X', 'X joined them (the two leaders)', 'X was also present':
        X joins the meeting or talks told just before (see :func:`merge_events`); with none
        told, nothing."""
        if verb.lower_ == "present" and verb.dep_ == "acomp":
            # ("X was present" alone may be at a ceremony: "also", or "at the meeting")
            if not any(c.lower_ == "also" for c in (*verb.children, *verb.head.children)) and not any(
                    p.lower_ == "at" and any(o.lower_ in EVENT_NOUNS for o in p.children) for p in verb.children):
                return None
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        if verb.lemma_ in TAKE_PART_VERBS:
            # "Talks resumed on Monday. C also took part (attended).": C joins the event told just
            # before; not "took part in the war", "attended the summit" (told by its own word),
            # "did not attend", "refused to take part"
            if verb.lemma_ == "take" and not any(c.lower_ == "part" for c in verb.children) or any(
                    c.dep_ in {"dobj", "neg", "nsubjpass"} and c.lower_ != "part"
                    or c.dep_ == "prep" and c.lower_ in {"in", "at", "on"} for c in (*verb.children, *(
                        p for c in verb.children if c.lower_ == "part" for p in c.children))) \
                    or verb.head.lemma_ in REFUSAL_VERBS and verb.dep_ == "xcomp":
                return None
            # ("A also attended, along with B": B too; not "Observers from C also attended": they
            # watch, see _as_observers)
            if any(s.lemma_ in OBSERVER_NOUNS for s in subjects_of(verb)):
                return None
            return self._joining(span, verb, subjects_of(verb) + [c for p in verb.children for c in _along_with(p)])
        if verb.lemma_ == "join" and not any(c.dep_ in {"dobj", "neg", "nsubjpass", "auxpass", "xcomp"}
                                             for c in verb.children) and any(
                p.lower_ == "by" and any(m.lower_ in REMOTE_WORDS for m in p.subtree)
                or p.lower_ in REMOTE_WORDS for p in verb.children):
            # "C joined by video link (virtually)": C takes part in the meeting told before
            return self._joining(span, verb, subjects_of(verb))
        agent = [c for p in verb.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]
        if verb.lemma_ == "accompany":
            return self._accompanying(span, verb, agent)
        present = verb.lemma_ == "be"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if agent and subjects_of(verb) and all(s.lower_ in GROUP_WORDS | {"he", "she"} for s in subjects_of(verb)):
            who = agent  # "They (She) were joined by X"
        elif agent and verb.lemma_ == "join" and self.refs(subjects_of(verb)):
            return self._joined_named(span, verb, agent)
        elif present or objects and all(o.lower_ in GROUP_WORDS | {"them"} for o in objects):
            who = subjects_of(verb)
        else:
            return None
        return self._joining(span, verb, who)

    def _joined_named(self, span: Span, verb: Token, agent: list[Token]) -> EventFinding | None:
        """'A and B were joined by C at the talks': all three meet; 'A was joined by C' alone: C
        joins the meeting or talks told just before if A takes part in it (as one accompanying
        A, see _accompanying)."""
        at_event = any(p.dep_ == "prep" and p.lower_ == "at" and any(o.lower_ in EVENT_NOUNS for o in p.children)
                       for t in (verb, *agent) for p in t.children)
        if not at_event:
            return self._accompanying(span, verb, agent)
        if not self.refs(agent):
            return None  # ("The minister was joined by her husband at the dinner": no actor joins)
        finding = self._joining(span, verb, subjects_of(verb) + agent)
        if finding is not None:
            finding.told_again = False  # (the talks named in the sentence are these)
        return finding

    def _accompanying(self, span: Span, verb: Token, agent: list[Token]) -> EventFinding | None:
        """'B was accompanied by C', 'C, who accompanied B': C joins the meeting or talks told
        just before if B takes part in it (see merge_repeats)."""
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        who, whom = (agent, subjects_of(verb)) if agent else (subjects_of(verb), objects)
        accompanied = self.refs(whom)
        finding = self._joining(span, verb, who) if accompanied else None
        if finding is not None:
            finding.participants = [(r, role) for r, role in finding.participants if r not in accompanied]
            finding.accompanied = accompanied
        return finding if finding is not None and finding.participants else None

    def _joining(self, span: Span, verb: Token, who: list[Token]) -> EventFinding | None:
        """Those ``who`` name, as joining the meeting or talks told before (see merge_repeats);
        not those said to be away ("B was not present", "No officials of B attended")."""
        if any(c.dep_ == "neg" for c in verb.children) or any(
                c.dep_ == "det" and c.lower_ == "no" for w in who for c in w.children):
            return None
        refs = self.refs(who)
        if not refs:
            return None
        finding = EventFinding(key=f"meeting-{span.start_char}", kind="meeting", trigger=span,
                               participants=[(r, "participant") for r in refs], evidence=[self.sent(span.start)],
                               subject_refs=refs, sentence_index=self.sentence_index(verb), status=self.status(verb))
        finding.told_again = True
        return finding

    def _attendance(self, span: Span, token: Token) -> EventFinding | None:
        """Who was there, told with the list last: "Among those present were A and B",
        "Present at the talks were A and B", "Also attending were A and B", "Participants
        (those attending) included A and B", "Representing C was A": they join the meeting or
        talks told just before (see merge_repeats); "A was also present" is told as joining
        (see _joined)."""
        head = token.head
        # (the parse may make "were" after "Attending the talks" its auxiliary, the names its own)
        after = next((c for c in token.children if c.dep_ == "aux" and c.lemma_ == "be" and c.i > token.i), None)
        if after is not None:
            verb = after
        elif token.dep_ in {"acomp", "csubj"}:
            verb = head
        elif token.dep_ in {"amod", "acl"} and head.lower_ == "those" and head.dep_ == "pobj" \
                and head.head.lower_ == "among":
            verb = head.head.head
        elif token.dep_ == "acl" and (head.lower_ == "those" or head.lower_ in OFFICE_GROUPS) and head.dep_ == "nsubj":
            verb = head.head  # "Those attending included A", "Leaders attending the summit included A"
        elif token.dep_ == "nsubj":
            verb = head  # "Participants included A"
        else:
            return None
        if verb.lemma_ == "be" and verb.i > token.i:
            who = [c for c in verb.children if c.dep_ in {"nsubj", "attr"} and c.i > verb.i]
        elif verb.lemma_ in INCLUDE_VERBS and verb.i > token.i:
            who = [c for c in verb.children if c.dep_ == "dobj"]
        else:
            return self._joined(span, token) if token.lower_ == "present" else None
        return self._joining(span, verb, who)

    def _event(self, span: Span, token: Token) -> EventFinding | None:
        kind: EventKind = span.label_  # type: ignore[assignment]
        if kind == "statement":
            return self._statement(span, token)
        if span.id_ == "joined":
            return self._joined(span, token)
        if span.id_ == "attendance":
            return self._attendance(span, token)
        if span.id_ in {"sent_team", "sent_envoy"}:
            return self._sent_team(span, token)
        if span.id_ == "gathered":
            return self._gathered(span, token)
        if span.id_ == "welcome_noun":
            return self._welcome_given(span, token)
        if span.id_ == "hosted_meal" and not (token.dep_ == "pobj" and token.head.head.lemma_ in GATHER_VERBS):
            return None  # "A hosted B for dinner" is a meeting; "A stayed for dinner" tells of none
        is_verb = token.pos_ in {"VERB", "AUX"}
        if kind == "talks" and token.lower_ in {"round", "rounds"} and not any(
            c.lower_ in {"talks", "negotiations"} for c in token.subtree
        ):
            return None
        if not is_verb and token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.lower_ in VENUE_WORDS:
            return None  # "on the sidelines of the G20 summit": where others met, not who
        subj_tokens: list[Token] = []
        obj_tokens: list[Token] = []
        if is_verb and token.lemma_ == "meet" and any(
                c.dep_ == "dobj" and c.lower_ in SATISFIED_WORDS for c in token.children):
            return None  # "meet the needs of civilians", "meet the deadline": satisfying, not seeing
        if is_verb:
            subj_tokens = subjects_of(token)
            obj_tokens = objects_of(token)
            if token.lemma_ == "meet" and token.tag_ == "VBN":
                obj_tokens += agents_of(token)  # "A was met at the airport by B"

            # "The Council met to hear (a briefing) from A and B"
            obj_tokens += [c for x in token.children if x.dep_ in {"xcomp", "advcl"} and x.lemma_ in BRIEFING_VERBS
                           for p in x.subtree if p.dep_ == "prep" and p.lower_ == "from"
                           for c in p.children if c.dep_ == "pobj"]
            if span.id_ == "discuss":  # what is discussed is the topic; "with B" is who
                obj_tokens = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                              for c in p.children if c.dep_ == "pobj"]
                # "A discussed the border with Foreign Minister B": the parse may hang "with B" on
                # the topic; a person there is who A talks with ("relations with B" stay a topic)
                obj_tokens += [c for o in token.children if o.dep_ == "dobj" for p in o.children
                               if p.dep_ == "prep" and p.lower_ == "with" for c in p.children
                               if c.dep_ == "pobj" and (refs := self.refs([c]))
                               and all(r.kind == "person" for r in refs)]
        else:
            obj_tokens = [t for t in noun_participants(token) if not self._venue_name(t, token)]
            carrier = _measured(token)  # "held three hours of talks": the hours are what is held
            has_between = any(c.dep_ == "prep" and c.lower_ in {"between", "among"} for c in token.children)
            if carrier is token and not has_between:
                carrier = _round_of(token)  # "held a new round of talks with B": the round is held
            governor = carrier.head
            light = carrier.dep_ in {"dobj", "nsubjpass", "attr", "nsubj"} and (
                governor.lemma_ in LIGHT_VERBS or _phrasal(governor) in PHRASAL_LIGHT_VERBS)
            addressed = carrier.dep_ == "dobj" and governor.lemma_ in ADDRESS_VERBS and kind in {"meeting", "talks"}
            # (who holds, attends or joins "talks between A and B" takes part in them too; not who
            # "did not attend" them)
            if (light or addressed) and (not has_between or governor.lemma_ in HOLD_VERBS or (
                    governor.lemma_ in ATTEND_VERBS and not any(c.dep_ == "neg" for c in governor.children))):
                # (not who "did not attend (join)" them, nor who "skipped (boycotted) the meeting" others held)
                # (nor who "joined (attended) the talks as observers": they watch, see _as_observers)
                skipped = governor.lemma_ in ATTEND_VERBS and any(c.dep_ == "neg" for c in governor.children) \
                    or governor.lemma_ in STAYED_AWAY_VERBS and _told_before(token) \
                    or governor.lemma_ in ATTEND_VERBS and (_as_observers(governor) or _as_observers(token))
                subj_tokens = [] if skipped else subjects_of(governor)
                # "paid a courtesy call on B": whom one calls on; "received a call on Monday from B":
                # the caller, where a date puts "from" on the verb
                preps = {"with", "between", "on"} if _courtesy_call(token) else {"with", "between"}
                if token.lower_ in CALL_WORDS and governor.lemma_ == "receive":
                    preps = preps | {"from"}
                # (an absolute "with" phrase names no one the verb is done with: see absolute_with)
                absolute = {p.i: participle.i for p in governor.children if p.dep_ == "prep"
                            and (participle := absolute_with(p)) is not None}
                obj_tokens += [c for p in governor.children if p.dep_ == "prep" and p.lower_ in preps
                               and p.i not in absolute for c in p.children if c.dep_ == "pobj"]
                # "held talks with his counterpart, President B": the small model may make the
                # named apposition an adverb of the verb (as objects_of reads it for "met"); not
                # one inside an absolute "with" phrase ("with the chair, President B, overseeing")
                obj_tokens += [c for c in governor.children if c.dep_ == "npadvmod" and c.i > token.i
                               and c.ent_type_ == "PERSON" and not any(a < c.i < b for a, b in absolute.items())]
                # "A attended the summit alongside (along with, together with) B" (on the verb or on
                # the event word): a person beside A, not "(held) alongside the UN General Assembly";
                # not beside its chair ("chaired by C, along with D": D chairs too)
                obj_tokens += [c for p in [*governor.children, *token.children] if p.lower_ in BESIDE_WORDS
                               and governor.lemma_ not in CHAIRING_VERBS
                               for c in _along_with(p) if all(r.kind == "person" for r in self.refs([c]))]
            elif carrier.dep_ == "dobj" and governor.lemma_ in THIRD_PARTY_VERBS and governor.dep_ == "pcomp" \
                    and governor.head.lower_ == "for" and governor.head.head.lemma_ in CREDIT_VERBS:
                # "A and B thanked C for hosting the talks": those who thank the host for the
                # talks held them (C, the host, is their third party); not when the talks name
                # their own sides ("D praised C for hosting talks between A and B": D looks on)
                subj_tokens = [] if has_between else subjects_of(governor.head.head)
            elif (held := _counted(token, carrier)).dep_ == "pobj" and held.head.lower_ == "for" \
                    and held.head.head.lemma_ in GATHER_VERBS:
                # "X hosted A and B for talks (for two days of talks)": host and guests take part.
                verb = held.head.head
                subj_tokens = subjects_of(verb)
                obj_tokens += [c for c in verb.children if c.dep_ == "dobj"]
            elif (placed := _part_of(carrier)).dep_ == "pobj" and placed.head.lower_ in {"for", "at", "during"} \
                    and placed.head.head.lemma_ in {"join", "accompany"}:
                # "A joined B for talks", "A was joined by B at the meeting", "A, accompanied by
                # B during the talks", "A was joined for part of the talks by B": both take part.
                verb = placed.head.head
                subj_tokens = subjects_of(verb)
                obj_tokens += [c for c in verb.children if c.dep_ == "dobj"] + agents_of(verb)
                if any(c.dep_ == "auxpass" for c in verb.children):
                    # ("A was joined at the talks by B": the parse may hang "by B" on the talks)
                    obj_tokens += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "by"
                                   for c in p.children if c.dep_ == "pobj"]
            elif token.dep_ == "pobj" and token.head.lower_ in {"of", "for"} and token.head.head.lemma_ in OFFER_NOUNS \
                    and kind in {"meeting", "talks"}:
                # "A rejected (accepted) B's offer of talks", "an offer of talks from B": who offers
                # the talks and who answers the offer are their sides
                offer = token.head.head
                subj_tokens = [c for c in offer.children if c.dep_ == "poss"]
                # (the parse may hang "from B" on the talks)
                subj_tokens += [c for p in [*offer.children, *token.children] if p.dep_ == "prep"
                                and p.lower_ == "from" for c in p.children if c.dep_ == "pobj"]
                if offer.dep_ == "dobj" and offer.head.lemma_ in ANSWER_VERBS:
                    subj_tokens += subjects_of(offer.head)
            elif token.dep_ == "dobj" and token.head.lemma_ in INCLUDE_VERBS and kind in {"meeting", "talks"} and any(
                    s.lemma_ in VISIT_WORDS for s in subjects_of(token.head)):
                # "A's visit included a meeting with B": the visitor takes part
                subj_tokens = [c for s in subjects_of(token.head) if s.lemma_ in VISIT_WORDS
                               for c in s.children if c.dep_ == "poss"]
            elif kind == "visit" and token.dep_ == "pobj" and token.head.lower_ == "on" \
                    and token.head.head.pos_ in {"VERB", "AUX"}:
                # "A is on a three-day visit to B", "A arrived on an official visit"
                subj_tokens = subjects_of(token.head.head)
            elif (held := _counted(token, carrier)).dep_ == "pobj" and held.head.lower_ == "for" and (
                    held.head.head.lemma_ in TRAVEL_VERBS | VISIT_WORDS or _there(held.head.head)):
                # "negotiators return to Geneva for talks (for two days of talks)", "A was in
                # Nairobi for talks with B": who travels (is somewhere) for talks takes part; "A
                # and B sent delegations to Pretoria for talks": who sends them.
                subj_tokens = subjects_of(held.head.head)
            elif token.dep_ == "pobj" and token.head.lower_ in {"at", "to", "in", "for"} \
                    and token.head.head.lemma_ in LEAD_VERBS | SEND_VERBS and _leads_a_delegation(token.head.head):
                # "A led (headed) the Norwegian delegation at (to) the talks with B": A and the
                # delegation take part; "A sent a delegation to the talks with B": the delegation,
                # for A (who sends it stays)
                verb = token.head.head
                subj_tokens = [c for c in verb.children if c.dep_ == "dobj"]
                if verb.lemma_ in LEAD_VERBS:
                    subj_tokens = subjects_of(verb) + subj_tokens
            elif token.dep_ == "pobj" and token.head.lower_ in {"for", "to"} and kind in {"talks", "meeting"} \
                    and token.head.head.lower_ in READY_WORDS and token.head.head.dep_ == "acomp":
                # "A said it was ready (open) for talks with B": A is a side of the talks offered
                subj_tokens = subjects_of(token.head.head.head)
            elif token.dep_ == "pobj" and token.head.lower_ in {"in", "during"} and kind in {"talks", "meeting"} \
                    and token.head.head.dep_ in {"nsubj", "nsubjpass"} and token.head.head.pos_ == "PROPN" \
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
                # "Prime Minister A, in talks with B on Friday, raised ...": the phrase set off on
                # the subject tells what the subject does
                subj_tokens = [token.head.head]
            elif token.dep_ == "pobj" and token.head.lower_ in {"in", "at"} and _presence(token.head):
                # "the participation by A and B in today's discussion", "A's presence at the talks"
                presence = _presence(token.head)
                assert presence is not None
                obj_tokens += [c for p in presence.children if p.dep_ == "prep" and p.lower_ in {"by", "of"}
                               for c in p.children if c.dep_ == "pobj"]
                obj_tokens += [c for c in presence.children if c.dep_ == "poss"]
            elif token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lemma_ in SPENT_IN_VERBS \
                    and token.head.i > token.head.head.i and kind in {"talks", "meeting"}:
                # "A has been in negotiations with B since 2018", "A remains in talks with B", "A
                # and B spent hours in talks": A takes part (as "A was in a meeting with B").
                subj_tokens = subjects_of(token.head.head)
            elif token.dep_ == "pobj" and token.head.lower_ in {"in", "into", "to"} \
                    and token.head.head.lemma_ in JOIN_VERBS:
                # "invited A and B to participate in talks", "A and B decided to enter into
                # negotiations", "A returned to the negotiating table"; "A joined B in talks with C":
                # B too.
                subj_tokens = subjects_of(token.head.head)
                if token.head.head.lemma_ == "join":
                    subj_tokens += [c for c in token.head.head.children if c.dep_ == "dobj"]
                if any(c.dep_ == "neg" for c in token.head.head.children):
                    subj_tokens = []  # "C welcomed them but did not take part in the talks"
            elif carrier is not token and carrier.dep_ == "pobj" and carrier.head.lower_ in CONTEXT_PREPS \
                    and (clause := clause_verb(carrier.head.head)) is not None \
                    and (not obj_tokens or any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)):
                # "A and B agreed to reopen the border after three hours of talks": as "after talks"
                # (who brokers or hosts after the talks is their third party: see kg.nlp.mediation)
                if clause.lemma_ not in THIRD_PARTY_VERBS:
                    subj_tokens = subjects_of(clause)
            elif token.dep_ == "pobj" and (token.head.lower_ in CONTEXT_PREPS or token.head.lower_ == "in"
                                           and token.head.head.pos_ in {"VERB", "AUX"}
                                           and (token.head.i < token.head.head.i
                                                or token.head.head.lemma_ in DONE_IN_TALKS_VERBS)
                                           or token.head.lower_ == "in" and token.head.head.dep_ == "dobj"
                                           and token.head.head.head.lemma_ in DONE_IN_TALKS_VERBS
                                           or token.head.lower_ in AT_EVENT_PREPS and kind in {"meeting", "talks"}
                                           and token.head.head.pos_ in {"VERB", "AUX"}):
                # "During a call with A, B agreed", "In a meeting with A, B said"; but "B spoke
                # after talks that included A and C": talks with their own sides are not B's.
                clause = clause_verb(token.head.head)
                with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)
                if kind == "phone_call" and not self.refs(obj_tokens):
                    obj_tokens = []  # ("In a phone call, A told B": "phone" names no one)
                # ("At the meeting, each side is represented by X": the passive's agents tell who
                # takes part, see _represented_later)
                passive_at = token.head.lower_ in AT_EVENT_PREPS and clause is not None and any(
                    c.dep_ in {"nsubjpass", "auxpass"} for c in clause.children)
                # ("X, who was not at the meeting, said": X is away)
                away = clause is not None and clause.lemma_ in STATE_VERBS and any(
                    c.dep_ == "neg" for c in clause.children)
                # (words before the noun that name no one, "a two-hour meeting", are no sides of its
                # own; "their meeting" is others' unless told so, see above)
                named = bool(self.refs(obj_tokens)) or any(t.tag_ in {"PRP", "PRP$"} for t in obj_tokens)
                if clause is not None and (with_someone or not named) and not passive_at and not away \
                        and not (token.head.lower_ in CONTEXT_PREPS and clause.lemma_ in THIRD_PARTY_VERBS):
                    subj_tokens = subjects_of(clause)
                    if token.head.lower_ in EARLIER_PREPS and not named and self._onlooker(clause, subj_tokens):
                        subj_tokens = []
                if clause is not None and not obj_tokens and token.head.lower_ in CONCURRENT_PREPS \
                        and clause.lemma_ in TELLING_VERBS and token.head.head == clause:
                    # "A told (assured) B during talks in C that ...": the one told, an actor,
                    # is at the talks; not "told B after the talks", nor "told reporters".
                    obj_tokens += [c for c in clause.children if c.dep_ in {"dobj", "dative"}
                                   and c.lower_ not in REPORTER_WORDS]
            elif token.dep_ == "pobj" and token.head.lower_ in {"in", "during"} and kind in {"phone_call", "meeting"} \
                    and token.head.head.lemma_ in TELLING_VERBS and not self.refs(obj_tokens) \
                    and self.refs([c for c in token.head.head.children if c.dep_ in {"dobj", "dative"}]):
                # "A told B in a phone call that ...": A and B (not "told reporters in a call")
                verb = token.head.head
                subj_tokens = subjects_of(verb)
                obj_tokens += [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if not is_verb and (not subj_tokens or subj_tokens == [token]):
            # (and "A said talks with B would resume": the talks the subject of their own verb)
            subj_tokens = _told_by_a_side(token) or self._official_telling(token) or subj_tokens
        if not is_verb:
            # "talks with officials of B, including Foreign Minister X": those named of the group too
            obj_tokens += [c for o in obj_tokens for p in o.children if p.dep_ == "prep" and p.lower_ == "including"
                           for c in p.children if c.dep_ == "pobj"]
        if span.id_ == "brief" and (not obj_tokens or any(t.lower_ in REPORTER_WORDS for t in obj_tokens)):
            return None  # "A briefed reporters" is no meeting; "A briefed the Council" is
        if span.id_ == "brief" and token.dep_ in {"relcl", "conj"} and any(
                t.lower_ in CALL_WORDS and t.pos_ == "NOUN" or t.lemma_ in {"phone", "telephone"} and t.pos_ == "VERB"
                for t in token.sent):
            return None  # "B received a call from A, who briefed him on ...": the briefing is the call
        if kind == "meeting" and obj_tokens and all(t.lower_ in REPORTER_WORDS for t in obj_tokens):
            return None  # "In a conversation with reporters, A said": a press encounter
        called_on = self._called_on(token) if span.id_ == "call_verb" else []
        if called_on:
            # "A called on President B in Hanoi": a courtesy call, a meeting in person
            kind, obj_tokens = "meeting", called_on
        elif span.id_ == "call_verb":
            # "A called B on Sunday": a call when B is an actor, not "called B a traitor",
            # "called for calm", "called on B to ...", "called elections".
            called = [c for c in token.children if c.dep_ == "dobj"]
            both = any(c.lower_ in OFFICE_GROUPS and any(g.lower_ in {"both", "two"} for g in c.children)
                       for c in called)  # "phoned both foreign ministers"
            if any(c.dep_ in {"oprd", "prt", "ccomp"} for c in token.children) or not both and not any(
                    r.kind in {"person", "country", "organization"} for r in self.refs(called)) \
                    or any(_summoned(c) for c in called):
                return None
        if kind == "phone_call" and span.id_ == "speak":
            if not obj_tokens or any(t.lower_ in REPORTER_WORDS for t in obj_tokens):
                return None
        if kind == "visit" and is_verb:
            return self._visit(span, token, subj_tokens)
        if kind == "visit":
            # "his visit to Cairo", "Odhiambo's trip to Egypt", "During a visit to Oman, A met B",
            # "the visit by A to Egypt"
            visitors = [c for c in token.children if c.dep_ == "poss"] or [
                c for p in token.children if p.dep_ == "prep" and p.lower_ == "by"
                for c in p.children if c.dep_ == "pobj"] or subj_tokens
            return self._visit(span, token, visitors)
        if span.id_ == "receive":
            # "President A received Foreign Minister B": a hosted visit, when a person is received
            # ("A hosted B for a meeting" is told by the meeting word itself).
            # (and "received his Ivorian counterpart": the office-holder of a country, unnamed)
            obj_tokens += meal_guests(token, obj_tokens)
            counterpart = any(o.lemma_ == "counterpart" for o in obj_tokens)
            guests = [r for r in self.refs(obj_tokens) if r.kind == "person" or counterpart and r.kind == "country"]
            hosts = self.refs(subj_tokens) or self.speaking(token)
            if token.tag_ == "VBN" and agents_of(token):
                # "B was received by A": the passive's subject is the guest.
                guests = [r for r in hosts if r.kind == "person"]
                hosts = self.refs(agents_of(token))
            for_event = any(p.lower_ == "for" and any(g.lower_ in EVENT_NOUNS for g in p.subtree)
                            for p in token.children if p.dep_ == "prep")
            if hosts and not guests and not for_event and self._delegates_of_two(obj_tokens, hosts):
                # "A hosted the foreign ministers of B and C": a meeting A holds with both.
                return self._hosted_visit(span, token, hosts, self.refs(obj_tokens), kind="meeting")
            if hosts and not for_event:
                # "A received a delegation from B (led by X)": B's people visit A (with X).
                guests += [r for o in obj_tokens if o.lemma_ in DELEGATION_NOUNS and self._a_delegation(o)
                           for r in self.refs([o]) if r not in hosts and r not in guests]
            if not guests or not hosts or for_event:
                return None
            return self._hosted_visit(span, token, hosts, guests)
        if kind in {"meeting", "talks"} and token.dep_ == "pobj" and token.head.lower_ == "for" \
                and token.head.head.lemma_ in GATHER_VERBS:
            # "A hosted B for an informal meeting": a visit; with guests of two other countries
            # it is talks the host brings together (and a mediation, see kg.nlp.mediation).
            verb = token.head.head
            hosts = self.refs(subjects_of(verb))
            guests = self.refs([c for c in verb.children if c.dep_ == "dobj"])
            countries = {self.index.country_of(g) or g.key for g in guests}
            if hosts and guests and len(countries) == 1:
                return self._hosted_visit(span, token, hosts, guests)
        if not is_verb and any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children):
            # "A and B spoke to reporters after their meeting": "their" is the clause's joint subject
            clause = clause_verb(token)
            joint = subjects_of(clause) if clause is not None else []
            if token in joint and clause is not None and clause.dep_ == "ccomp":
                joint = subjects_of(clause.head)  # "A and B said their meeting was useful"
            if clause is not None and clause.lemma_ in TELLING_VERBS:
                # "A told B during their talks that ...": the one told is the other of "their"
                joint = joint + [c for c in clause.children if c.dep_ in {"dobj", "dative"}]
            if len(self.refs(joint)) < 2:
                joint = self._joint_subject_before(token)
            if len(self.refs(joint)) >= 2:
                subj_tokens = subj_tokens + [t for t in joint if t not in subj_tokens]
        elif not is_verb and kind in {"meeting", "talks"} and not subj_tokens and any(
                c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in token.children):
            subj_tokens = self._own_holder(token)
        if not is_verb:
            obj_tokens += self._participle_sides(token)
            # "a delegation meeting with B" (as the parse may make it a noun): the delegation's members
            subj_tokens = subj_tokens + _delegation_at(token)
        if subj_tokens and all(s.lower_ == "they" for s in subj_tokens) and not self.refs(subj_tokens):
            # "A and B will sign the deal when they meet next week", "A and B said they would hold
            # talks": "they" of a clause under another is that clause's joint subject.
            # ("A and B toured the dam. They later met": the joint subject of the sentence before)
            subj_tokens = self._joint_subject_above(subj_tokens[0].head) \
                or self._joint_subject_before(subj_tokens[0]) or subj_tokens
        subj_tokens = subj_tokens + self._companions(subj_tokens)
        subjects = self.refs(subj_tokens)
        objects = self.refs(obj_tokens)
        if not is_verb and token.i > 0 and self.doc[token.i - 1].pos_ == "PROPN":
            # "the Mwangi-Opio talks": surnames the model may not see as names
            hyphened = self._hyphened_before(token, self.sent(token).start)
            objects += [r for r in hyphened if r not in objects] if len(hyphened) >= 2 else []
        participants: list[tuple[EntityRef, ParticipantRole]] = []
        for ref in subjects + objects:
            if ref not in [r for r, _ in participants]:
                participants.append((ref, "participant"))
        group = any(t.lower_ in GROUP_WORDS for t in subj_tokens + obj_tokens)
        if span.id_ == "discuss" and len(participants) < 2 and not group:
            # "A and B discussed the ceasefire", "A discussed it with B": two who talk; one
            # actor discussing a subject is no meeting.
            return None
        wants_sides = False
        sides_word = None
        if not objects and not subjects[1:] and any(t.lower_ in SIDE_WORDS for t in subj_tokens + obj_tokens) or \
                not participants and any(t.lower_ in SIDE_WORDS for s in subj_tokens + obj_tokens for t in s.subtree):
            # "encouraged the sides to meet again": the sides of the talks told just before;
            # "the envoy met the two sides": the envoy and the sides.
            sides = self.sides_before(self.sentence_index(token))
            # (who encourages (urges) the sides to meet is none of them: "C encouraged the sides
            # to meet again", C's host or envoy among the talks' people)
            addressers = {k for t in subj_tokens + obj_tokens if t.lower_ in SIDE_WORDS and t.dep_ == "dobj"
                          for r in self.refs(subjects_of(t.head)) for k in (r.key, self.index.country_of(r))}
            sides = [r for r in sides if r.key not in addressers]
            if sides:
                participants = [(r, "participant") for r in subjects if r not in sides]
                participants += [(r, "participant") for r in sides]
            wants_sides = not sides
            sides_word = next((t.i for t in subj_tokens + obj_tokens if t.lower_ in SIDE_WORDS), None)
        if group and (not participants or not subjects):
            # "The two leaders met on Monday": the two office-holders named last before (beside
            # anyone else named: "Both met C in Lima")
            participants += [(r, "participant") for r in self._two_named_before(subj_tokens + obj_tokens)
                             if r not in [p for p, _ in participants]]
        if not participants and not group:
            if kind in {"phone_call"}:
                return None
        finding = EventFinding(key=f"{kind}-{span.start_char}", kind=kind, trigger=span,
                               participants=participants, evidence=[self.sent(span.start)],
                               subject_refs=subjects, sentence_index=self.sentence_index(token))
        finding.wants_sides = wants_sides
        finding.sides_word = sides_word
        finding.told_again = not is_verb and _told_before(token) and not noun_participants(token)
        if kind in {"talks", "meeting"}:
            finding.add_third_parties(self.third_parties(token, is_verb))
            # A third party is no side, whatever the parse hung it on.
            third = [r for r, _ in finding.third_parties]
            finding.participants = [(r, role) for r, role in finding.participants if r not in third]
        finding.status = self.status(token)
        finding.date, finding.date_text = self.date_of(token, finding.status)
        finding.location = self.location_of(token)
        if group and not participants:
            finding.subject_refs = []
        return finding

    def _called_on(self, verb: Token) -> list[Token]:
        """'A called on President B in Hanoi': the person called on, when the verb asks nothing
        of them ("called on B to lift the sanctions" is a demand) and has no object of its own."""
        if any(c.dep_ in {"xcomp", "advcl", "ccomp", "dobj", "oprd"} for c in verb.children):
            return []
        on = [c for p in verb.children if p.dep_ in {"prep", "prt"} and p.lower_ == "on" and p.i == verb.i + 1
              for c in p.children if c.dep_ == "pobj"]
        return on if on and all(r.kind == "person" for r in self.refs(on)) and self.refs(on) else []

    def _venue_name(self, token: Token, noun: Token) -> bool:
        """Whether a capital before an event word names where it is held, not its country: "the
        Nairobi talks", "(a delegation in) Kampala meeting with B"; but "Moscow-Kyiv talks", "the
        Washington and Beijing talks" name two capitals' governments."""
        mention = self.index.mention_at(token)
        if mention is None or mention.via != "capital" or token.head != noun or token.conjuncts:
            return False
        doc = self.doc
        hyphens = {"-", "‐", "–"}
        if mention.start > 0 and doc[mention.start - 1].text in hyphens or \
                mention.end < len(doc) and doc[mention.end].text in hyphens:
            return False
        # (another actor named before the same word: "the Nairobi-Kampala talks", "US-Nairobi talks")
        return not any(self.index.ref_at(c) not in {None, mention.ref} for c in noun.children
                       if c.i < noun.i and c.dep_ in {"compound", "nmod", "amod", "poss"})

    def third_parties(self, token: Token, is_verb: bool) -> list[tuple[EntityRef, ParticipantRole]]:
        """Hosts, mediators and sponsors of the talks or meeting ``token`` names.

        "talks hosted/brokered by C", "C-mediated talks", "C hosted/led the negotiations",
        "C was to facilitate the talks", "talks under the auspices of C and D".
        """
        found: list[tuple[EntityRef, ParticipantRole]] = []

        def add(tokens: list[Token], role: ParticipantRole) -> None:
            # ("After talks hosted by C, A and B agreed": A and B are no hosts)
            sides = [r for t in tokens for c in run_on_sides(t) for r in self.index.actors_of_np(c, expand_conj=False)]
            for ref in self.refs(tokens):
                if ref.kind != "place" and ref not in sides and ref not in [r for r, _ in found]:
                    found.append((ref, role))

        if not is_verb:
            for child in token.children:
                # "Chilean-brokered talks": C - brokered before the noun.
                if child.i < token.i and child.dep_ in {"amod", "compound", "nmod", "npadvmod", "poss"}:
                    for t in child.subtree:
                        participle = _third_party_participle(t) if t.i < token.i else None
                        if participle is not None:
                            add([t], PARTICIPLE_ROLES.get(participle, "mediator"))
                # "talks hosted by C", "the meeting, chaired by C"
                if child.dep_ in {"acl", "relcl"} and child.lemma_ in THIRD_PARTY_VERBS:
                    add(agents_of(child), THIRD_PARTY_VERBS[child.lemma_])
                # "C on Tuesday hosted talks ...", misparsed with "hosted" an adjective of "talks"
                if child.lemma_ in THIRD_PARTY_VERBS and (doer := subject_before_date(child)) is not None:
                    add([doer], THIRD_PARTY_VERBS[child.lemma_])
            # ("ten days of talks led by C", "talks in Lima hosted by C", "the summit in Lima,
            # which was chaired by C": the parse may hang the participle on the measure or on the place)
            measure = _measured(token)
            carriers = [measure] if measure is not token else []
            carriers += [c for p in token.children if p.dep_ == "prep" and p.lower_ in {"in", "at"}
                         for c in p.children if c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC", "FAC"}]
            for child in (c for carrier in carriers for c in carrier.children):
                if child.dep_ in {"acl", "relcl"} and child.lemma_ in THIRD_PARTY_VERBS and child.tag_ == "VBN":
                    add(agents_of(child), THIRD_PARTY_VERBS[child.lemma_])
            # "C hosted the talks", "C was to facilitate the talks", "the talks are brokered by C"
            governor = token.head
            if governor.lemma_ in THIRD_PARTY_VERBS and (governor.pos_ in {"VERB", "AUX"}
                                                         or verb_tagged_noun(governor)):
                # "C chaired the meeting together with D", "the talks were chaired by C, along
                # with D": D too
                companions = [c for p in governor.children for c in _along_with(p)]
                if token.dep_ == "dobj" and not (governor.dep_ == "pcomp" and governor.tag_ == "VBG"):
                    # (not the subject of a clause a gerund's phrase hangs on: "A paid tribute to
                    # C's role in hosting the meeting")
                    add(subjects_of(governor) + companions, THIRD_PARTY_VERBS[governor.lemma_])
                elif token.dep_ == "nsubjpass":
                    add(agents_of(governor) + companions, THIRD_PARTY_VERBS[governor.lemma_])
        # "under the auspices of C, D and E" on the event word or its verb
        anchors = [token] + ([token.head] if token.head != token else [])
        for anchor in anchors:
            for prep in anchor.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"under", "with", "through"}:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in AUSPICES_WORDS:
                        add([c for p in pobj.children if p.dep_ == "prep" and p.lower_ == "of"
                             for c in p.children if c.dep_ == "pobj"], "mediator")
                        add(self._listed_after(pobj), "mediator")
        return found

    def _listed_after(self, noun: Token) -> list[Token]:
        """The actors listed right after "NOUN of": "the auspices of A, the B and C" read
        off the surface, as parsers often break such lists."""
        doc = self.doc
        i = noun.i + 1
        if i >= len(doc) or doc[i].lower_ != "of":
            return []
        out: list[Token] = []
        i += 1
        while i < len(doc):
            mention = self.index.mention_at(i)
            if mention is not None and mention.ref.kind in {"country", "organization"}:
                out.append(doc[mention.end - 1])
                i = mention.end
            elif doc[i].lower_ in {",", "and", "the"}:
                i += 1
            else:
                break
        return out

    def _participle_sides(self, token: Token) -> list[Token]:
        """'the meeting held in Aqaba between A, B and C', 'talks attended by A and B', 'the
        talks will include A and B', 'talks aimed at ending the war between A and B'."""
        out: list[Token] = []
        has_sides = any(c.dep_ == "prep" and c.lower_ in {"between", "among", "with"} for c in token.children)
        for child in token.children:
            if child.dep_ not in {"acl", "relcl"}:
                continue
            if child.lemma_ in {"hold", "take"} or child.lemma_ in ATTEND_VERBS:
                # (the parser may make "between" the participle's agent)
                out += [c for p in child.children if p.dep_ in {"prep", "agent"} and p.lower_ in {"between", "among"}
                        for c in p.children if c.dep_ == "pobj"]
            if child.lemma_ in ATTEND_VERBS:
                out += agents_of(child)
            out += _attended_too(child)  # "the summit, which was chaired by C and attended by A"
            if child.lemma_ in PURPOSE_VERBS and not has_sides:
                between = [t for t in child.subtree if t.dep_ == "prep" and t.lower_ == "between"]
                out += [c for p in between[:1] for c in p.children if c.dep_ == "pobj"]
        # "the summit in Arusha, which was attended by A": the parse may hang the clause on the
        # place (a place is not attended)
        out += [a for p in token.children if p.dep_ == "prep" and p.lower_ in {"in", "at"}
                for place in p.children if place.dep_ == "pobj"
                for v in place.children if v.dep_ == "relcl"
                for a in (agents_of(v) if v.lemma_ in ATTEND_VERBS else []) + _attended_too(v)]
        # "the meetings were attended by A", "talks undertaken by diplomats from A and B"
        if token.dep_ == "nsubjpass" and token.head.lemma_ in ATTEND_VERBS | {"undertake", "conduct", "hold"}:
            out += agents_of(token.head)
        # "the summit was chaired by C and attended by A and B": a second participle sharing the subject
        if token.dep_ == "nsubjpass":
            out += _attended_too(token.head)
        # "the talks will include A, B and C" (observers, "as observers", watch without taking part)
        # ("with C and D as observers": the observers are the with-phrase's)
        verb_observers = _as_observers(token.head) and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in token.head.children)
        if token.dep_ == "nsubj" and not verb_observers and (
                token.head.lemma_ in INCLUDE_VERBS | DRAWING_VERBS or brings_together(token.head)):
            out += [c for c in token.head.children if c.dep_ == "dobj" and not _as_observers(c)]
        # "A and B were represented at the summit" (by no one named: see _represented_later)
        verb = token.head.head
        if token.dep_ == "pobj" and token.head.lower_ == "at" and verb.lemma_ == "represent" \
                and not agents_of(verb):
            out += [c for c in verb.children if c.dep_ == "nsubjpass"]
            # "A was represented at the talks by X": the parse may hang "by X" on the talks
            out += [c for p in token.children if p.dep_ == "prep" and p.lower_ == "by"
                    for c in p.children if c.dep_ == "pobj"]
        return out

    def _companions(self, subjects: list[Token]) -> list[Token]:
        """'A, accompanied by B, held talks with C': B is with A; 'the two sides, represented by A
        and B, met': A and B speak for the sides."""
        out: list[Token] = []
        for subject in subjects:
            for child in subject.children:
                if child.dep_ in {"acl", "relcl"} and child.tag_ == "VBN" and (
                        child.lemma_ in ACCOMPANY_VERBS or child.lemma_ == "represent"):
                    out += agents_of(child)
                out += _along_with(child)  # "A, together with B, met C"
                if subject.lower_ in OFFICE_GROUPS and child.lower_ == "including":
                    # "Leaders including A and B gathered for the summit": those named of the group
                    out += [c for c in child.children if c.dep_ == "pobj"]
        return out

    def _delegates_of_two(self, objects: list[Token], hosts: list[EntityRef]) -> bool:
        """Whether the objects are office-holders or delegations ("the foreign ministers of B
        and C", "the Ugandan and Tanzanian delegations") of two or more countries or bodies
        other than the hosts'."""
        if not objects or not all(o.lower_ in OFFICE_GROUPS | {"delegations"} for o in objects):
            return False
        host_countries = {self.index.country_of(h) for h in hosts} - {None}
        guests = [r for r in self.refs(objects) if r.kind in {"country", "organization"} and r not in hosts
                  and self.index.country_of(r) not in host_countries]
        return len(guests) >= 2

    def _a_delegation(self, team: Token) -> bool:
        """Whether a delegation noun is a party's ("the Jordanian delegation", "a delegation from
        Hamas", "a team led by X"): one whose people are named."""
        return _a_partys(team, self.index) or any(
            p.dep_ == "prep" and p.lower_ in {"from", "of"} and self.refs([c for c in p.children if c.dep_ == "pobj"])
            for p in team.children) or bool(_team_members(team, leader=False))

    def _sittings(self, findings: list[EventFinding]) -> list[EventFinding]:
        """Sittings of a council or assembly, and who takes part: "X spoke at the Security
        Council", "Statement by X at the UN Security Council debate", "X attended (addressed)
        the Council's session"; and in a document that tells of one, "thank you to Y for her
        briefing": Y gave it there."""
        made: list[EventFinding] = []
        seen: set[int] = set()
        for word in self.index.tokens_in(BODY_WORDS):
            mention = self.index.mention_at(word)
            if mention is None or mention.ref.kind != "organization" or mention.start in seen:
                continue
            seen.add(mention.start)
            body, root = mention.ref, self.doc[mention.end - 1]
            if not self._is_body(body) or mention.end - mention.start < 2:
                continue  # ("this Council": the body named before)
            at = root.head if root.dep_ in {"compound", "poss", "nmod"} and root.head.lemma_ in SESSION_NOUNS else root
            if at.lemma_ in SESSION_NOUNS and at.lemma_ in TRIGGER_NOUNS:
                continue  # ("the Council meeting": the meeting word tells it)
            who: list[Token] = []
            single = False
            if at.dep_ == "pobj" and at.head.lower_ in {"at", "to", "before"}:
                governor = at.head.head
                travel = at.head.lower_ == "to" and governor.lemma_ in TRAVEL_VERBS
                if governor.lemma_ not in SPEECH_WORDS and not travel:
                    # "Statement by X, Minister for A, B and C at the Council": the parse may hang
                    # the phrase inside the speaker's title, below the speech noun (and the
                    # title's places on the speaker, as conjuncts: the speaker alone speaks)
                    above = _speech_noun_above(governor)
                    single = above is not None
                    governor = above or governor
                if governor.lemma_ not in SPEECH_WORDS and not travel:
                    continue  # ("talks we began at the General Assembly": a venue)
                if governor.pos_ in {"NOUN", "PROPN"}:
                    # "Statement by X at the Council", "her address to the Assembly"
                    who = [c for p in governor.children if p.dep_ == "agent" or p.lower_ == "by"
                           for c in p.children if c.dep_ == "pobj"]
                    who += [c for c in governor.children if c.dep_ == "poss"]
                elif not any(c.dep_ in {"nsubjpass", "auxpass"} for c in governor.children):
                    who = subjects_of(governor)
            elif at is not root and at.dep_ in {"dobj", "nsubjpass"}:
                # "X attended (addressed) the Council's session", "the debate was addressed by X"
                who = subjects_of(at.head) if at.dep_ == "dobj" else agents_of(at.head)
            elif (hearer := at if at.dep_ == "nsubj" else at.head if at.dep_ in {"compound", "poss"}
                  and at.head.dep_ == "nsubj" and at.head.lemma_ == "member" else None) is not None \
                    and hearer.head.lemma_ in BRIEFING_VERBS:
                # "The Council heard briefings from X and Y", "Council members heard from X": who
                # briefs the sitting takes part in it
                # (not "received a letter from C": only what is told at a sitting)
                verb = hearer.head
                papers = [o for o in verb.children if o.dep_ == "dobj"]
                if any(o.lemma_ not in PAPER_NOUNS for o in papers) or not papers and verb.lemma_ != "hear":
                    continue
                who = [c for p in [*verb.children, *(g for o in papers for g in o.children)]
                       if p.dep_ == "prep" and p.lower_ == "from" for c in p.children if c.dep_ == "pobj"]
                if not who:
                    continue
            else:
                continue
            refs = [r for r in (self.refs(who) if not single else
                                [r for t in who for r in self.index.actors_of_np(t, expand_conj=False)]) if r != body]
            here = self.sentence_index(at)
            finding = EventFinding(key=f"meeting-{self.doc[at.i].idx}", kind="meeting",
                                   trigger=self.doc[at.i:at.i + 1], evidence=[self.sent(at.i)],
                                   participants=[(body, "participant"), *((r, "participant") for r in refs)],
                                   subject_refs=refs, sentence_index=here, status=self.status(at))
            finding.date, finding.date_text = self.date_of(at, finding.status)
            made.append(finding)
        sitting = made[0] if made else next(
            (f for f in findings if f.kind == "meeting" and any(self._is_body(r) for r in f.refs())), None)
        if sitting is not None:
            for ref in self._thanked_for_papers():
                if ref not in sitting.refs():
                    sitting.participants.append((ref, "participant"))
        return made

    def _is_body(self, ref: EntityRef) -> bool:
        org = self.index.orgs.get(ref.key) if ref.kind == "organization" else None
        return org is not None and any(w in BODY_WORDS for w in org.name.lower().split())

    def _thanked_for_papers(self) -> list[EntityRef]:
        """'Thank you to X for her briefing', 'I thank X for his update': who gave a paper."""
        found: list[EntityRef] = []
        for paper in self.index.tokens_in(PAPER_NOUNS):
            if paper.dep_ != "pobj" or paper.head.lower_ != "for" or not any(
                    c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in paper.children):
                continue
            sent = self.sent(paper.i)
            thanks = [t for t in sent if t.i < paper.i and t.lemma_ in {"thank", "thanks"}]
            if not thanks:
                continue
            for i in range(thanks[-1].i + 1, paper.head.i):
                ref = self.index.ref_at(i)
                if ref is not None and ref.kind == "person" and ref not in found:
                    found.append(ref)
        return found

    def _joint_subject_above(self, verb: Token) -> list[Token]:
        """The subject of the clause a subordinate clause hangs on ("when they meet", "after they
        talked"), when it names two or more actors."""
        current = verb
        for _ in range(3):
            if current.dep_ not in {"advcl", "ccomp", "conj", "xcomp"} or current.head == current:
                return []
            current = current.head
            subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                return subjects if len(self.refs(subjects)) >= 2 else []
        return []

    def _joint_subject_before(self, token: Token) -> list[Token]:
        """'A and B signed a deal on Monday. Their meeting ...': the joint subject of the sentence
        just before, when it names two or more actors."""
        here = self.sentence_index(token)
        if here == 0:
            return []
        root = self.sentences[here - 1].root
        subjects = subjects_of(root) if root.pos_ in {"VERB", "AUX"} else []
        return subjects if len(self.refs(subjects)) >= 2 else []

    def _own_holder(self, noun: Token) -> list[Token]:
        """'A spoke (said) of his talks with B', 'A said her meeting with B was useful': "his" or
        "her" is the clause's subject, one person, when no one else is told there (not "A told
        B about her talks with C")."""
        clause = clause_verb(noun)
        if clause is None:
            return []
        holders = subjects_of(clause)
        if noun in holders and clause.dep_ == "ccomp":
            clause = clause.head
            holders = subjects_of(clause)
        refs = self.refs(holders)
        told = self.refs([c for c in clause.children if c.dep_ in {"dobj", "dative"}])
        if len(refs) != 1 or refs[0].kind != "person" or told:
            return []
        # (not a man's "her talks")
        person = self.index.persons.get(refs[0].key)
        female = any(c.dep_ == "poss" and c.lower_ == "her" for c in noun.children)
        return holders if person is None or person.female in {None, female} else []

    def _two_named_before(self, tokens: list[Token]) -> list[EntityRef]:
        """'the two leaders' ('both ministers', 'the two presidents'): the last two named persons
        holding such an office before the words, in their sentence or the four before, of two
        different countries; nobody when the words are no such group, or when a meeting told in
        those sentences is what the group continues."""
        group = next((t for t in tokens if t.lower_ in OFFICE_GROUPS | PERSON_GROUPS and any(
            c.lower_ in {"two", "both"} for c in t.children) or t.lower_ in {"pair", "duo"}
            or t.lower_ in {"two", "both"} and t.dep_ in SUBJECT_DEPS and all(c.dep_ == "det" for c in t.children)),
            None)
        # "the ministers met": with no number, only when exactly two such holders were named
        plain = next((t for t in tokens if t.lower_ in OFFICE_GROUPS and [c.lower_ for c in t.children] == ["the"]),
                     None) if group is None else None
        group = group or plain
        if group is None:
            return []
        here = self.sentence_index(group)
        if any(f.kind in {"meeting", "talks", "phone_call"} and here - 4 <= f.sentence_index <= here
               for f in self._findings):
            return []  # (the group continues the meeting told just before: see merge_repeats)
        first = self.sentences[max(0, here - 4)].start
        found = self._two_holders(group, range(group.i - 1, first - 1, -1), stop=plain is None)
        if len(found) == 2:
            return found[::-1]
        if plain is None and here + 1 < len(self.sentences):
            # "The two presidents spoke by telephone, the Kremlin said. X told Y ...": named
            # only after, in the next sentence (none before)
            found = self._two_holders(group, range(group.i + 1, self.sentences[here + 1].end), stop=True)
        return found if len(found) == 2 else []

    def _two_holders(self, group: Token, positions: range, *, stop: bool) -> list[EntityRef]:
        """The named persons holding the group's office whose names end at ``positions`` (in
        that order), of different countries; the first two when ``stop``, else all."""
        found: list[EntityRef] = []
        countries: set[str] = set()
        for i in positions:
            mention = self.index.by_token.get(i)
            if mention is None or mention.end - 1 != i:
                continue
            ref = mention.ref
            person = self.index.persons.get(ref.key) if ref.kind == "person" else None
            if person is None or not person.name or ref in found or not _holds(person, group.lower_):
                continue
            country = self.index.country_of(ref)
            if country is not None and country in countries:
                continue
            found.append(ref)
            countries.add(country or ref.key)
            if len(found) == 2 and stop:
                break
        return found

    def _delegation_told_before(self, team: Token) -> list[EntityRef]:
        """'The delegation' told again: the actors of the party's delegation named last before it,
        in its sentence or the two before."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in team.children):
            return []
        here = self.sentence_index(team)
        # "the two (both) delegations": the last two of different sides ("Ukraine's delegation
        # ... Russia sent a team ... The two delegations met")
        two = team.tag_ == "NNS" and any(c.lower_ in {"two", "both"} for c in team.children)
        found: list[list[EntityRef]] = []  # each delegation's side, then the people who lead it
        for before in reversed(self.index.tokens_in({"delegation", "team"} if two else {"delegation"}, lemma=True)):
            if before.i >= team.i:
                continue
            if self.sentence_index(before) < here - 2:
                break
            if not two and self._a_delegation(before):
                return self.refs([before])
            refs = self.refs([before]) if two else []
            sides = [r for r in refs if r.kind != "person"]
            if sides and self.index.country_of(sides[0]) not in {self.index.country_of(f[0]) for f in found}:
                found.append([sides[0], *(r for r in refs if r.kind == "person")])
                if len(found) == 2:
                    return [r for delegation in found[::-1] for r in delegation]
        return []

    def _gathered(self, span: Span, verb: Token) -> EventFinding | None:
        """'C convened (brought together, gathered) A and B': a meeting C holds with A and B;
        'Envoys of A, B and C gathered (assembled, convened) in Quito': a meeting of them.  Two
        or more actors are named; what is gathered otherwise ("gathered support", "convened a
        meeting", told by its own word) is no meeting."""
        # ("brought A and B together in Lima": the parse may hang "together" on the verb's phrase)
        together = brings_together(verb) or any(_together(g) for c in verb.children for g in c.children)
        if verb.lemma_ == "bring" and not together or verb.tag_ == "VBN" and verb.dep_ in {"amod", "acl"}:
            return None
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        if any(o.lemma_ in EVENT_NOUNS for o in objects):
            return None
        if objects and together:
            # "brought A together with B": B is brought together with A
            objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj"]
        hosts: list[EntityRef] = []
        if objects:
            guests = self.refs(objects)
            hosts = [r for r in self.refs(subjects_of(verb)) if r not in guests]
        else:
            guests = self.refs(subjects_of(verb))
        actors = [r for r in guests if r.kind in {"person", "country", "organization"}]
        if len(actors) < 2:
            return None
        participants: list[tuple[EntityRef, ParticipantRole]] = [(r, "host") for r in hosts]
        participants += [(r, "participant") for r in actors]
        finding = EventFinding(key=f"meeting-{span.start_char}", kind="meeting", trigger=span,
                               participants=participants, evidence=[self.sent(span.start)],
                               subject_refs=hosts or actors, sentence_index=self.sentence_index(verb),
                               status=self.status(verb))
        finding.date, finding.date_text = self.date_of(verb, finding.status)
        finding.location = self.location_of(verb)
        return finding

    def _welcome_given(self, span: Span, noun: Token) -> EventFinding | None:
        """'A gave (extended) a warm welcome to B', 'A accorded B a warm welcome': A hosts B."""
        verb = noun.head
        if verb.lemma_ not in WELCOME_VERBS:
            return None
        guests = [c for p in [*noun.children, *verb.children] if p.dep_ == "prep" and p.lower_ == "to"
                  for c in p.children if c.dep_ == "pobj"]
        guests += [c for c in verb.children if c.dep_ == "dative"]
        hosts = self.refs(subjects_of(verb))
        if agents_of(verb):
            # "B was given (accorded) a warm welcome by A"
            guests, hosts = subjects_of(verb), self.refs(agents_of(verb))
        visitors = [r for r in self.refs(guests) if r not in hosts]
        if not hosts or not visitors:
            return None
        return self._hosted_visit(span, noun, hosts, visitors)

    def _sent_team(self, span: Span, verb: Token) -> EventFinding | None:
        """'X led a delegation to Z', 'A sent a team to Z': a visit to Z by the one who leads
        or sends the party's delegation, and by the delegation's own people; 'X headed his
        country's delegation' (told nowhere): a visit of X's, whose place is not told; 'A sent
        (dispatched) its envoy, X, to Z': a visit of X's alone."""
        envoy = span.id_ == "sent_envoy"
        if envoy:
            teams = [c for c in verb.children if c.dep_ == "dobj" and any(r.kind == "person" for r in self.refs([c]))]
            if not teams and any(c.dep_ == "dobj" and c.lemma_ in SENT_NOUNS for c in verb.children):
                # "A sent an envoy to Z": an envoy no one names visits for A (as A's delegation does)
                envoy, teams = False, [c for c in verb.children if c.dep_ == "dobj"]
        else:
            # (a "team" only when a party's: not a coach leading a team to a final)
            teams = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DELEGATION_NOUNS
                     and (c.lemma_ == "delegation" or verb.lemma_ in SEND_VERBS or self._a_delegation(c))]
        to = [c for p in [*verb.children, *(x for t in teams for x in t.children)]
              if p.dep_ in {"prep", "dative"} and p.lower_ == "to" for c in p.children if c.dep_ == "pobj"]
        places = [r for r in (self.index.ref_at(t) for t in to) if r is not None and r.kind in {"place", "country"}]
        # ("led the delegation to the talks": the talks tell it; a team sent nowhere told is no visit)
        if not teams or not places and (envoy or to or not any(t.lemma_ == "delegation" for t in teams)):
            return None
        visitors = [] if envoy else self.refs(subjects_of(verb))
        if verb.lemma_ in SEND_VERBS:
            # (who sends a delegation stays: the visit is its country's or body's)
            senders: list[EntityRef] = []
            for ref in visitors:
                country = self.index.country_of(ref) if ref.kind == "person" else None
                if ref.kind != "person" or country is not None:
                    senders.append(EntityRef("country", country) if country is not None else ref)
            visitors = senders
        visitors += [r for r in self.refs(teams) if r not in visitors and r not in places
                     and (r.kind == "person" or not envoy)]
        if not visitors:
            return None
        status = self.status(verb)
        finding = EventFinding(key=f"visit-{span.start_char}", kind="visit", trigger=span,
                               participants=[(r, "visitor") for r in visitors], evidence=[self.sent(span.start)],
                               subject_refs=visitors, status=status, location=places[0] if places else None,
                               sentence_index=self.sentence_index(verb))
        finding.date, finding.date_text = self.date_of(verb, status)
        return finding

    def _hosted_visit(self, span: Span, token: Token, hosts: list[EntityRef], guests: list[EntityRef],
                      kind: EventKind = "visit") -> EventFinding:
        """A host's visit by its guests; or (``kind`` "meeting") a meeting it holds with them."""
        participants: list[tuple[EntityRef, ParticipantRole]] = [(h, "host") for h in hosts]
        participants += [(g, "visitor" if kind == "visit" else "participant") for g in guests if g not in hosts]
        status = self.status(token)
        finding = EventFinding(key=f"{kind}-{span.start_char}", kind=kind, trigger=span,
                               participants=participants, evidence=[self.sent(span.start)], subject_refs=hosts,
                               status=status, location=self.location_of(token),
                               sentence_index=self.sentence_index(token))
        finding.date, finding.date_text = self.date_of(token, status)
        return finding

    def _visit(self, span: Span, token: Token, subj_tokens: list[Token]) -> EventFinding | None:
        hosts, invited = _invitation(token)
        visited = []
        if token.tag_ == "VBN" and agents_of(token):
            # "A will be visited by B": B visits, A is visited
            visited, subj_tokens = subj_tokens, agents_of(token)
        elif _adjectival_visiting(token):
            # "A received (met) visiting Foreign Minister B": B visits, A hosts
            visited, subj_tokens = subj_tokens, visiting_guests(token.head)
        visitors = self.refs(invited or subj_tokens)
        if not visitors:
            return None
        participants: list[tuple[EntityRef, ParticipantRole]] = [(r, "visitor") for r in visitors]
        location = self.location_of(token)
        for obj in [*(o for o in objects_of(token) if o not in subj_tokens), *visited]:
            ref = self.index.ref_at(obj)
            if ref is not None and ref.kind == "person":
                participants.append((ref, "host"))
            elif location is None:
                place = self.index.ref_at(obj)
                if place is not None and place.kind in {"place", "country"}:
                    location = place
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"to", "in", "of"} and location is None:
                for pobj in prep.children:
                    ref = self.index.ref_at(pobj)
                    if ref is not None and ref.kind in {"place", "country"}:
                        location = ref
        # "A flew into Cairo and was greeted by B": B hosts the visit.
        for verb in [token, *token.conjuncts]:
            if verb.lemma_ in GREET_VERBS and verb.tag_ == "VBN" and verb is not token or \
                    verb is not token and verb.lemma_ in GREET_VERBS and any(c.dep_ == "agent" for c in verb.children):
                for ref in self.refs(agents_of(verb)):
                    if ref.kind == "person" and ref not in [r for r, _ in participants]:
                        participants.append((ref, "host"))
        # "A travelled to Riga to see B": B, whom the journey is made to see, hosts it
        seen = [r for r in self.refs(_seen_on_a_journey(token)) if r.kind == "person"]
        for ref in self.refs(hosts) + seen:
            if ref.kind in {"person", "country", "organization"} and ref not in [r for r, _ in participants]:
                participants.append((ref, "host"))
        if span.id_ == "landing" and location is None:
            return None  # "A landed in Kampala", not "landed in trouble"
        if span.id_ == "journey" and (location is None or not (seen or _for_a_meeting(token))):
            return None  # "A flew to Geneva for talks (to meet B)", not "prices went to records"
        status = self.status(token)
        finding = EventFinding(key=f"visit-{span.start_char}", kind="visit", trigger=span,
                               participants=participants, evidence=[self.sent(span.start)], subject_refs=visitors,
                               status=status, location=location, sentence_index=self.sentence_index(token))
        finding.date, finding.date_text = self.date_of(token, status)
        return finding

    def _statement(self, span: Span, token: Token) -> EventFinding | None:
        from kg.nlp.statements import statement

        return statement(self, span, token)

    def _attach_outlets(self, findings: list[EventFinding]) -> None:
        from kg.nlp.statements import attach_outlets

        attach_outlets(self, findings)

    # --- status, date, place ---------------------------------------------------------

    def status(self, token: Token) -> Status:
        """Planned, held, proposed, rejected, postponed or cancelled, from the clause.

        Cue words count on the path from the event word up through the words it
        complements ("rejected the offer of talks", "agreed to move the planned
        negotiations"); the strongest cue wins.  A circumstance ("During a call with A,
        B agreed ...") takes only the tense of its clause.  Otherwise tense and modality
        decide: "will meet" is planned, "are meeting" ongoing, "met" held.
        """
        cues: list[Status] = []
        for child in token.children:
            if child.dep_ in {"amod", "compound"} and child.lower_ in PLANNED_AMODS:
                cues.append(PLANNED_AMODS[child.lower_])  # type: ignore[arg-type]
        tense: Status | None = None
        if _brokered_deal(token) and not any(c.lower_ in PLANNED_AMODS for c in token.head.children):
            return "held"  # "agreed to a truce in a deal brokered by C": the brokering is done
        current = token
        for _ in range(6):
            if current.pos_ in {"VERB", "AUX"} or current.tag_.startswith("VB"):
                cue = self._verb_cue(current, is_trigger=current == token)
                if cue is not None:
                    cues.append(cue)
                if tense is None:
                    tense = self._tense(current)
            elif current != token and current.pos_ == "NOUN" \
                    and current.lemma_ in {"offer", "proposal", "invitation", "plan", "call"}:
                cues.append("proposed" if current.lemma_ != "plan" else "planned")
            elif current != token and current.lower_ in READY_WORDS and current.dep_ == "acomp":
                cues.append("proposed")  # "A is ready for talks with B": offered, not held
            head = current.head
            if head == current:
                break
            if current.dep_ == "pobj" and (head.lower_ in CONTEXT_PREPS or head.lower_ in AT_EVENT_PREPS
                                           and head.head.pos_ in {"VERB", "AUX"}
                                           or head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"}
                                           and (head.i < head.head.i or not any(
                                               a.tag_ == "TO" for a in head.head.children))):
                # ("In a call with A, B urged restraint": a circumstance put before its clause;
                # "agreed in talks facilitated by C": the talks are where a finite verb's doing
                # was, so they take its tense, not its cue)
                verb = clause_verb(head.head)
                while verb is not None and head.lower_ in EARLIER_PREPS and verb.dep_ == "xcomp" \
                        and verb.head.pos_ in {"VERB", "AUX"}:
                    # "A and B agreed to restore ties after talks in C": the talks came before
                    # the agreeing, whatever the infinitive agreed to is yet to do
                    verb = verb.head
                if verb is not None and tense is None:
                    tense = self._tense(verb)
                break
            if current.dep_ not in COMPLEMENT_DEPS and not _misparsed_complement(current):
                break
            current = head
        for status in STATUS_PRIORITY:
            if status in cues:
                return status
        if tense is None and self._dated_ahead(token):
            return "planned"  # no verb to tell ("Talks in Lima next week"), but a time to come
        return tense or "held"

    def _verb_cue(self, verb: Token, *, is_trigger: bool) -> Status | None:
        if any(c.dep_ == "neg" for c in verb.children) and verb.lemma_ in {"meet", "hold", "talk", "take"}:
            return "cancelled"
        if is_trigger:
            return None
        phrasal = _phrasal(verb)
        if phrasal in VERB_STATUS:  # "called off the talks", "pushed back the meeting"
            return VERB_STATUS[phrasal]
        if verb.lemma_ not in VERB_STATUS:
            return None
        if verb.lemma_ == "call" and not any(c.lower_ in {"for", "on"} for c in verb.children):
            return None
        if verb.lemma_ == "move" and not any(c.lower_ in {"later", "postpone"} for c in verb.subtree):
            return None
        return VERB_STATUS[verb.lemma_]

    def _tense(self, verb: Token) -> Status | None:
        aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in FUTURE_AUX for a in aux):
            return "planned"
        # "agreed to meet", "confirmed to hold talks": an infinitive complement is not yet done
        # (a purpose clause, "was in Geneva to attend the talks", takes its clause's tense).
        if any(a.tag_ == "TO" for a in aux) and verb.dep_ == "xcomp" and verb.head.lemma_ not in IMPLICATIVE_VERBS:
            return "planned"
        if any(a.tag_ == "TO" for a in aux) and verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            return "planned"  # "talks to be held in Doha", "a deal to be brokered by C": to come
        if any(a.tag_ == "TO" for a in aux) and verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"}:
            # a purpose clause takes its clause's tense: "will travel to Kampala to meet B" is to
            # come, "was in Geneva to attend the talks" was
            return self._tense(verb.head)
        if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in {"VBP", "VBZ"} for a in aux):
            return "ongoing"
        if verb.tag_ == "VBG" and verb.dep_ == "attr" and verb.head.tag_ in {"VBP", "VBZ"} \
                and verb.head.lemma_ == "be":
            return "ongoing"  # "Qatar is mediating", parsed as the object of "is"
        if verb.tag_ in {"VBD", "VBN"} or any(a.tag_ in {"VBD"} for a in aux):
            return "held"
        if verb.tag_ in {"VBZ", "VBP"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            if verb.lemma_ == "be" and any(c.dep_ in {"acomp", "attr"} and c.lower_ in DUE_WORDS
                                           and (c.lower_ == "due" or any(x.dep_ == "xcomp"
                                                                         for x in (*c.children, *verb.children)))
                                           for c in verb.children):
                return "planned"  # "the talks are due (set) to open on Friday", "A is due in Lima"
            # The present of a headline tells what happened ("A meets B"), but of a timetable
            # when its time lies ahead: "Negotiations open next week", "A meets B tomorrow".
            return "planned" if self._dated_ahead(verb) else "held"
        return None

    def _dated_ahead(self, verb: Token) -> bool:
        """Whether the date expression nearest ``verb`` in its sentence can only name a time
        after publication ("next week", "tomorrow", "in the coming days")."""
        from kg.nlp.temporal import points_ahead

        dates = self.dates_in(self.sentence_index(verb))
        return bool(dates) and points_ahead(min(dates, key=lambda e: abs(e.start - verb.i)).text)

    def dates_in(self, sentence: int) -> list[Span]:
        """The DATE and TIME entities inside a sentence, found for all sentences at once
        (``Span.ents`` reads every entity of the document at each call)."""
        if self._dates is None:
            self._dates = {}
            for ent in self.index.ents:
                n = self.sentence_index(ent.start)
                if ent.label_ in {"DATE", "TIME"} and ent.end <= self.sentences[n].end:
                    self._dates.setdefault(n, []).append(ent)
        return self._dates.get(sentence, [])

    def _dated_by_dateline(self, token: Token, status: Status) -> tuple[date | None, str | None]:
        """A readout's dateline, a line of its own near the top that holds only a date and
        where ("May 25, 2025 / Government Palace, Santiago"), dates the events the paragraph
        after it tells as done and dates no other way."""
        if status != "held":
            return None, None
        if self._dateline is None:
            self._dateline = self._find_dateline()
        found = self._dateline
        if not found:
            return None, None
        first, last, day, text = found
        return (day, text) if first <= self.sentence_index(token) <= last else (None, None)

    def _find_dateline(self) -> tuple[int, int, date, str] | tuple[()]:
        """(first and last sentence of the paragraph after the dateline, its day, its words),
        or () for a text with none.  The dateline names its year or its month and day."""
        from kg.nlp.temporal import resolve_date

        if self.published is None:
            return ()
        for n, sent in enumerate(self.sentences[:DATELINE_LINES]):
            words = [t for t in sent if not (t.is_punct or t.is_space)]
            when = [e for e in self.dates_in(n) if e.label_ == "DATE"]
            # (a line of a date alone heads a newspaper's page: the day it came out, not the
            # day of what it tells; a readout's dateline says where as well)
            where = [t for t in words if t.ent_type_ in DATELINE_PLACES or t.pos_ == "PROPN" and not t.ent_type_]
            if len(when) != 1 or not where or not all(
                    t.ent_type_ in DATELINE_ENTITIES or t.pos_ == "PROPN" or t.lower_ == "the" for t in words):
                continue
            text = when[0].text.strip()
            day = resolve_date(text, self.published, tense="past")
            if day is None or not any(t.like_num for t in when[0]):
                continue
            last = n + 1
            while last + 1 < len(self.sentences) and not _ends_a_paragraph(self.sentences[last]):
                last += 1
            return (n + 1, last, day, text)
        return ()

    def date_of(self, token: Token, status: Status) -> tuple[date | None, str | None]:
        verbs = self._date_verbs
        in_sentence = self.dates_in(self.sentence_index(token))
        for when in in_sentence:
            if when.start not in verbs:
                verbs[when.start] = _clause_verb(when)
        dates = [d for d in in_sentence if not _time_of_telling(verbs[d.start], token)]
        if not dates:
            return self._dated_by_dateline(token, status)
        from kg.nlp.temporal import resolve_date

        # The nearest date that names a day: "a two-day visit to B on Monday" is Monday's.
        dates.sort(key=lambda e: abs(e.start - token.i))
        for when in dates:
            if status in NOT_HELD and _scheduled_time(when):
                tense: Literal["past", "future"] = "future"
            else:
                tense = _clause_tense(verbs[when.start]) or ("future" if status in {"planned", "proposed"} else "past")
            day = resolve_date(when.text, self.published, tense=tense)
            if day is not None:
                return day, when.text
        return None, dates[0].text

    @staticmethod
    def _objects_around(token: Token) -> list[Token]:
        objects = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                    for g in c.children if g.dep_ == "pobj"]
        return objects

    def location_of(self, token: Token) -> EntityRef | None:
        """'talks in Doha', 'met at the Foreign Office in London', 'in the city of Batumi'."""
        # The phrase may hang on the event word, its object ("met Okello in Kampala" parses
        # "in Kampala" under "Okello"), or the verb governing a noun ("held talks in Doha").
        candidates = [token, *self._objects_around(token)]
        if token.head != token:
            candidates.append(token.head)
            candidates.extend(c for c in token.head.children if c.dep_ in {"dobj", "prep"} and c != token)
        for node in candidates:
            preps = [node] if node.dep_ == "prep" and node.lower_ in LOCATION_PREPS else [
                p for p in node.children if p.dep_ == "prep" and p.lower_ in LOCATION_PREPS]
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj" or pobj == token:
                        continue  # (the event word in a phrase of its own is not where it is held)
                    found = self._place_at(pobj)
                    if found is not None:
                        return found
        return self._destination_of(token) or self._where_clause_place(token)

    def _place_at(self, token: Token) -> EntityRef | None:
        """The place or country a phrase names; a place before a country: "in the Belarusian
        city of Gomel" is Gomel, not Belarus."""
        refs = [self.index.ref_at(part) for part in _own_phrase(token)]
        places = [r for r in refs if r is not None and r.kind == "place"]
        countries = [r for r in refs if r is not None and r.kind == "country"]
        found = places or countries
        return found[0] if found else None

    def _destination_of(self, token: Token) -> EntityRef | None:
        """Where a journey goes, for what happens on it: talks that are what it is for ("arrived
        in Lima for talks", "travelled to Lima for talks with", "visited Lima for talks"); what
        is done during it ("during her visit to Lima, A met B"); whom one welcomes somewhere
        ("welcomed B to Lima")."""
        if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_ in TRAVEL_VERBS | {"visit"}:
            verb = token.head.head
            for child in verb.children:
                if child.dep_ == "dobj" and verb.lemma_ == "visit" or child.dep_ == "prep" and child.lower_ in {
                        "in", "to", "at"}:
                    found = self._place_at(child)
                    if found is not None:
                        return found
        verb = token if token.pos_ in {"VERB", "AUX"} else token.head
        if verb.lemma_ in GATHER_VERBS:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "to" and (found := self._place_at(prep)) is not None:
                    return found
        # (the journeys of the verb's sentence, from the document's journey words found once)
        if self._journeys is None:
            self._journeys = self.index.tokens_in(JOURNEY_NOUNS, lemma=True)
            self._journey_at = [t.i for t in self._journeys]
        sentence = self.sent(verb)
        first, last = bisect_left(self._journey_at, sentence.start), bisect_left(self._journey_at, sentence.end)
        for journey in self._journeys[first:last]:
            prep = journey.head
            if journey.dep_ == "pobj" and prep.head == verb and prep.lower_ in {"during", "on"}:
                found = next((p for to in journey.children if to.dep_ == "prep" and to.lower_ == "to"
                              and (p := self._place_at(to)) is not None), None)
                if found is not None:
                    return found
        return None

    def _where_clause_place(self, token: Token) -> EntityRef | None:
        """An event told in a "where" clause is held at the place the clause follows: "visited
        Warsaw on Monday, where she held talks with ...", "met in Lima, where talks resumed"."""
        clause = token if token.pos_ in {"VERB", "AUX"} else token.head
        where = next((c for c in clause.children if c.dep_ == "advmod" and c.lower_ == "where"), None)
        if where is None:
            return None
        # The place is the phrase right before the clause, a time after it aside ("Warsaw on
        # Monday, where"); a place named earlier in the sentence is no venue of the clause.
        start = self.sentences[self.sentence_index(where)].start
        i = where.i - 1
        while i > start and (self.doc[i].is_punct or self.doc[i].ent_type_ in {"DATE", "TIME"} or (
                self.doc[i].dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in self.doc[i].children))):
            i -= 1
        ref = self.index.ref_at(self.doc[i])
        return ref if ref is not None and ref.kind in {"place", "country"} else None


# Events and verbs whose object a gapped clause repeats: "A met B on Monday and C on Tuesday".
GAPPED_KINDS = frozenset({"meeting", "talks", "phone_call"})
GAPPED_VERBS = frozenset({"meet", "call", "phone", "receive"})
GAP_PREPS = frozenset({"on", "in", "at", "during"})
TIME_PLACE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
TIME_WORDS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend"})
GAP_WORDS = 8  # how far the actor of a gapped clause may run


def _adjunct_end(sentence: Span, at: int) -> int:
    """Where the time and place phrases that start at ``at`` end ("on Monday", "in Lima on
    Monday", "in the morning"), read from the words' shapes (the parse often runs a gapped
    clause into them): ``at`` itself if none starts there."""
    doc = sentence.doc
    i = at
    while i < sentence.end and doc[i].lower_ in GAP_PREPS:
        j = i + 1
        while j < sentence.end and (doc[j].ent_type_ in TIME_PLACE_ENTS or doc[j].lower_ in TIME_WORDS
                                    or doc[j].tag_ == "DT"):
            j += 1
        if j == i + 1 or doc[j - 1].tag_ == "DT":
            break
        i = j
    return i


def _gap_end(sentence: Span, start: int) -> int | None:
    """Where the actor of a gapped clause, from ``start`` (after "and"), ends: at its own time
    or place phrase, which ends the sentence (or its clause, or comes before a phrase of the
    whole: "as part of ..."), with no verb before it; None if there is no such phrase."""
    doc = sentence.doc
    for i in range(start, min(sentence.end, start + GAP_WORDS)):
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"} or token.lower_ in {",", ";", "and", "but"}:
            return None
        if token.lower_ in GAP_PREPS and i > start:
            end = _adjunct_end(sentence, i)
            return i if end > i and (end == sentence.end or doc[end].is_punct or doc[end].pos_ in {"ADP", "SCONJ"}) \
                else None
    return None


# How many sentences back "the talks convened by C" may be the talks told with C as their third party.
THIRD_PARTY_SENTENCES = 8


def _with_third_party(merged: list[EventFinding], finding: EventFinding,
                      previous: EventFinding | None) -> EventFinding | None:
    """'C convened talks between A and B. Separately, A's minister met D. The talks convened by C
    ended ...': talks that name only their third party are the talks told a few sentences
    before with that third party, not the latest meeting (unless it has it too)."""
    thirds = {r for r, _ in finding.third_parties}
    if not thirds or previous is not None and thirds & {r for r, _ in previous.third_parties}:
        return None
    for event in reversed(merged):
        if event.sentence_index < finding.sentence_index - THIRD_PARTY_SENTENCES:
            break
        if event.kind in {"talks", "meeting"} and thirds & {r for r, _ in event.third_parties}:
            return event
    return None


def merge_repeats(findings: list[EventFinding], index: DocIndex) -> list[EventFinding]:
    """One event per real-world event: a repeat (same kind, same people) joins the first.

    Group references ("They discussed ...", "Both leaders agreed ...") continue the latest
    meeting-like event within two sentences and add their evidence to it.
    """
    merged: list[EventFinding] = []
    # Only events of kinds that can be one, of the same status, whose actors' keys (or their
    # countries') hold the finding's or are held by them can be the same as a finding (see
    # _same_event); they are looked up, not scanned (a country named throughout a long text
    # names thousands of events).  By (kinds, status, key), the merged events with that key;
    # by (kinds, status, set of keys), those with exactly those keys; each one's keys.
    by_key: dict[tuple[str, str, str], list[int]] = {}
    by_keys: dict[tuple[str, str, frozenset[str]], list[int]] = {}
    keys_of: dict[int, set[str]] = {}
    # The meeting-like events merged so far that no later one is told after (their sentence
    # indices fall from the first to the last): the latest merged one told at or after a
    # sentence is the last of them told there (scanning every event back is quadratic).
    meetings: list[EventFinding] = []
    meetings_from: list[int] = []  # their sentence indices, negated (rising)
    evidence = NewEvidence()
    findings = _rounds_into_their_talks(findings)

    def append(finding: EventFinding) -> None:
        merged.append(finding)
        if finding.kind in MEETING_KINDS:
            while meetings_from and -meetings_from[-1] <= finding.sentence_index:
                meetings.pop()
                meetings_from.pop()
            meetings.append(finding)
            meetings_from.append(-finding.sentence_index)

    for finding in findings:
        if finding.kind in MEETING_KINDS and not finding.participants:
            told = bisect_right(meetings_from, 2 - finding.sentence_index)  # those told at index - 2 or later
            previous = meetings[told - 1] if told else None
            previous = _with_third_party(merged, finding, previous) or previous
            if previous is None and (finding.third_parties or finding.wants_sides
                                     or finding.kind in {"talks", "meeting"}):
                # "C has led the negotiations": talks whose sides the sentence does not name;
                # "the two sides met", "the talks resumed": sides the document's frame may give
                # (see sides_from_frames; what still names no one is dropped there).
                append(finding)
                continue
            if previous is not None:
                evidence.append(previous, finding.evidence[0])
                if previous.kind in {"talks", "meeting"}:
                    previous.add_third_parties(finding.third_parties)
                previous.location = previous.location or finding.location
                previous.date = previous.date or finding.date
                previous.date_text = previous.date_text or finding.date_text
            continue
        if finding.told_again and finding.kind in {"talks", "meeting"}:
            # "A met B. C also attended the meeting.": C joins the meeting told just before
            told = bisect_right(meetings_from, 2 - finding.sentence_index)
            previous = meetings[told - 1] if told else None
            # (who comes with a visitor visits too: "B arrived in Lima, accompanied by C")
            kinds = {"talks", "meeting", "visit"} if finding.accompanied else {"talks", "meeting"}
            if previous is not None and previous.kind in kinds and previous.status == finding.status \
                    and (not finding.accompanied or set(finding.accompanied) & set(previous.refs())):
                # (the host's own official is there for the host: "C hosted talks between A and
                # B. C's president opened the talks")
                thirds = {index.country_of(r) or r.key: r_role for r, r_role in previous.third_parties}
                for ref, role in finding.participants:
                    if (own := index.country_of(ref)) is not None and own in thirds:
                        previous.add_third_parties([(ref, thirds[own])])
                    elif ref not in previous.refs():
                        previous.participants.append((ref, "visitor" if previous.kind == "visit" else role))
                previous.add_third_parties(finding.third_parties)
                evidence.extend(previous, finding.evidence)
                continue
            if finding.trigger.id_ in {"joined", "attendance"} and not any(
                    c.dep_ == "dobj" and c.lower_ in EVENT_NOUNS for c in trigger_token(finding.trigger).children):
                # "they were joined by X" with no meeting told before it (but "Leaders attending
                # the summit included A": the summit it names)
                continue
        # Only events that share an actor or its country can be the same: look at those alone
        # (comparing with every earlier event is quadratic in a long transcript).
        keys = _actor_keys(finding, index) if finding.kind != "statement" else set()
        kind = _kinds_of_one_event(finding.kind)
        near = sorted(_may_be_same(keys, (kind, finding.status), by_key, by_keys, keys_of))
        hit = next((n for n in near if _same_event(merged[n], finding, index)), None)
        if hit is not None:
            same = merged[hit]
            before = frozenset(keys_of[hit])
            for ref, role in finding.participants:
                if ref not in same.refs():
                    same.participants.append((ref, role))
                    key = index.country_of(ref) or ref.key
                    by_key.setdefault((kind, same.status, key), []).append(hit)
                    keys_of[hit].add(key)
            if keys_of[hit] != before:
                by_keys[(kind, same.status, before)].remove(hit)
                insort(by_keys.setdefault((kind, same.status, frozenset(keys_of[hit])), []), hit)
            same.add_third_parties(finding.third_parties)
            evidence.extend(same, finding.evidence)
            same.tellings.extend(finding.tellings)
            same.date = same.date or finding.date
            same.date_text = same.date_text or finding.date_text
            same.location = same.location or finding.location
            continue
        for key in keys:
            by_key.setdefault((kind, finding.status, key), []).append(len(merged))
        if keys:
            keys_of[len(merged)] = set(keys)
            by_keys.setdefault((kind, finding.status, frozenset(keys)), []).append(len(merged))
        append(finding)
    return merged


def _rounds_into_their_talks(findings: list[EventFinding]) -> list[EventFinding]:
    """"C hosted a round of talks between A and B": the round and the talks it is a round of
    are one event.  A round that names no side itself (only its host) gives its host, place
    and date to the talks it is of, which name the sides, instead of standing as talks of
    its own; a round that names the sides takes in the talks after it as before."""
    inner_of = {trigger_token(f.trigger).i: f for f in findings if f.kind == "talks"}
    dropped: set[int] = set()
    for finding in findings:
        word = trigger_token(finding.trigger)
        if finding.kind != "talks" or finding.participants or word.lower_ not in {"round", "rounds"}:
            continue
        inner = next((inner_of[c.i] for of in word.children if of.dep_ == "prep" and of.lower_ == "of"
                      for c in of.children if c.dep_ == "pobj" and c.i in inner_of), None)
        if inner is None or inner is finding or not inner.participants or inner.status != finding.status:
            continue  # (talks of no sides either join the round after it, as any repeat)
        inner.add_third_parties(finding.third_parties)
        inner.location = inner.location or finding.location
        inner.date = inner.date or finding.date
        inner.date_text = inner.date_text or finding.date_text
        dropped.add(id(finding))
    return [f for f in findings if id(f) not in dropped] if dropped else findings


MAX_SUBSETS_OF = 6  # keys of a finding up to which the events with fewer keys are looked up by set


def _may_be_same(keys: set[str], kind_status: tuple[str, str], by_key: dict[tuple[str, str, str], list[int]],
                 by_keys: dict[tuple[str, str, frozenset[str]], list[int]], keys_of: dict[int, set[str]]) -> set[int]:
    """The merged events (positions) that may be the same as a finding with actors' ``keys``:
    of the same kinds and status (``kind_status``), with keys that hold ``keys`` or that
    ``keys`` hold (see merge_repeats)."""
    if not keys:
        return set()
    lists = [by_key.get((*kind_status, key), []) for key in keys]
    if len(keys) > MAX_SUBSETS_OF:
        return {n for found in lists for n in found}
    wider = {n for n in min(lists, key=len) if keys <= keys_of[n]}
    parts = sorted(keys)
    narrower = {n for size in range(1, len(parts) + 1) for subset in combinations(parts, size)
                for n in by_keys.get((*kind_status, frozenset(subset)), ())}
    return wider | narrower


class _Told(Protocol):
    evidence: list[Span]


class NewEvidence:
    """Adds to findings' evidence lists what a list lacks, with a set beside each list (a repeat
    told hundreds of times in a long text would compare each span with the whole list).  Only
    for lists changed through it while it is in use."""

    def __init__(self) -> None:
        self._known: dict[int, set[Span]] = {}

    def _of(self, finding: _Told) -> set[Span]:
        known = self._known.get(id(finding))
        if known is None:
            known = self._known[id(finding)] = set(finding.evidence)
        return known

    def extend(self, finding: _Told, spans: Sequence[Span]) -> None:
        """``finding.evidence.extend(s for s in spans if s not in finding.evidence)``."""
        known = self._of(finding)
        for span in spans:
            if span not in known:
                known.add(span)
                finding.evidence.append(span)

    def append(self, finding: _Told, span: Span) -> None:
        """``finding.evidence.append(span)``, held or not."""
        self._of(finding).add(span)
        finding.evidence.append(span)


def _kinds_of_one_event(kind: str) -> str:
    """Events of these kinds can be one (see _same_event): a meeting and talks can."""
    return "meeting" if kind in {"meeting", "talks"} else kind


def _actor_keys(finding: EventFinding, index: DocIndex) -> set[str]:
    return {index.country_of(r) or r.key for r in finding.refs()}


def _same_event(a: EventFinding, b: EventFinding, index: DocIndex) -> bool:
    if a.kind == "statement" or b.kind == "statement":
        return False
    kinds_compatible = _kinds_of_one_event(a.kind) == _kinds_of_one_event(b.kind)
    if not kinds_compatible or a.status != b.status:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    ra, rb = set(a.refs()), set(b.refs())
    if not ra or not rb:
        return False
    if ra == rb:
        return True
    # Compare through countries: "talks with Russia" and "talks with the Russian delegation".
    ca = {index.country_of(r) or r.key for r in ra}
    cb = {index.country_of(r) or r.key for r in rb}
    if ca == cb and len(ca) >= 2:
        return True
    # "Kyiv confirmed the planned talks": a later telling that names fewer of the same sides.
    return a.kind == b.kind and (ra < rb or rb < ra) and (a.date is None or b.date is None or a.date == b.date)


def _side_group(token: Token) -> bool:
    """Whether a noun names the sides as a group: "the parties", "both delegations"."""
    from kg.nlp.frames import GROUP_CUES, GROUP_NOUNS

    return token.lower_ in GROUP_NOUNS | SIDE_GROUPS and token.pos_ == "NOUN" and any(
        c.lower_ in GROUP_CUES or c.dep_ == "det" and c.lower_ == "the" for c in token.children)


# Nouns of a party's team at talks, and the verbs of leading one.
DELEGATION_NOUNS = frozenset({"delegation", "team"})
# Nouns of a party's team only where they are led: "the Peruvian side was headed by X", "the
# government panel is led by X" (not "a side meeting", "a panel of experts").
LED_TEAM_NOUNS = frozenset({"side", "panel"})
LEAD_VERBS = frozenset({"lead", "head"})


# Words of a party whose team a delegation may be: "the army's delegation".
PARTY_BODY_WORDS = frozenset({"army", "government", "rebels", "rebel", "opposition", "military", "negotiating",
                              "country"})


# "X was part (a member, the head) of the delegation": nouns of belonging to a team (entities.MEMBER_NOUNS
# are another thing: the nouns of a group's people).
BELONGING_NOUNS = frozenset({"part", "member", "head", "leader", "chief"})


def _members_of(team: Token) -> list[Token]:
    """Who is said to be in a delegation: "X was part (a member) of the delegation", "X was
    among the members of the delegation", "X, a member of the delegation"."""
    phrase = team.head if team.dep_ == "compound" else team  # "(part of) a delegation meeting"
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "of" or phrase.head.head.lemma_ not in BELONGING_NOUNS:
        return []
    member = phrase.head.head
    if member.dep_ == "attr":
        return subjects_of(member.head)
    if member.dep_ == "pobj" and member.head.lower_ == "among":
        return subjects_of(member.head.head)
    if member.dep_ == "appos":
        return [member.head]
    return []


# A council's or assembly's sittings (see EventExtractor._sittings and the table's header):
# what names the body, its sittings, and what is given there; and what is said or done at a
# sitting by who takes part ("spoke at the Council", "her statement to the Assembly"; with travel
# verbs, "the delegation flew to the General Assembly").
BODY_WORDS, SESSION_NOUNS, PAPER_NOUNS, SPEECH_WORDS = (
    words_of("session_words.tsv", use) for use in ("body", "session", "paper", "speech"))
# Session nouns that are event words of their own (the trigger lexicon's).
TRIGGER_NOUNS = frozenset({"meeting"})


# What the holders of an office group hold: "the two leaders" are heads of state or government.
GROUP_TITLE_WORDS = {"ministers": "minister", "presidents": "president", "premiers": "minister",
                     "envoys": "envoy", "chiefs": "chief"}


def _holds(person: PersonInfo, group: str) -> bool:
    """Whether a person holds an office of those a group noun names ("leaders", "ministers")."""
    if group in {"leaders", "heads"}:
        return person.leader
    if group in PERSON_GROUPS or group in {"two", "both"}:
        return True
    word = GROUP_TITLE_WORDS.get(group)
    return word is not None and any(word in title.lower() for title, _ in person.titles)


def _team_members(team: Token, *, leader: bool = True) -> list[Token]:
    """Who a party's delegation is said to hold, in the delegation's own phrase or clause: "the
    delegation, headed by X" (its leader), "the delegation included X and Y", "X was part of
    the delegation"; with ``leader``, also who leads it as the subject of "lead" ("X headed a
    delegation that ...": not what makes a team a party's, "X led the team to the final")."""
    # (and "the delegation, which is headed by X")
    found = [c for v in team.children if v.dep_ in {"acl", "relcl"} and v.lemma_ in LEAD_VERBS and v.tag_ == "VBN"
             for a in agents_of(v) for c in (a, *a.conjuncts)]
    if leader and team.dep_ == "dobj" and team.head.lemma_ in LEAD_VERBS:
        found += subjects_of(team.head)  # "X headed a delegation that held talks"
    if team.dep_ == "nsubj" and team.head.lemma_ in INCLUDE_VERBS:
        found += [c for o in team.head.children if o.dep_ == "dobj" for c in (o, *o.conjuncts)]
    # "the delegation, which included X", "a team including X and Y"
    found += [c for v in team.children if v.dep_ == "relcl" and v.lemma_ in INCLUDE_VERBS
              for o in v.children if o.dep_ == "dobj" for c in (o, *o.conjuncts)]
    found += [c for v in team.children if v.lower_ == "including"
              for o in v.children if o.dep_ in {"pobj", "dobj"} for c in (o, *o.conjuncts)]
    return found + _members_of(team)


def _speech_noun_above(token: Token) -> Token | None:
    """The noun of a speech ("statement", "remarks") a noun phrase hangs below, with no verb
    between: "Statement by X, Minister for A and B"."""
    for above in token.ancestors:
        if above.pos_ in {"VERB", "AUX"}:
            return None
        if above.lemma_ in SPEECH_WORDS and above.pos_ in {"NOUN", "PROPN"}:
            return above
    return None


def _delegation_at(noun: Token) -> list[Token]:
    """The delegation an event noun is told of: "a delegation meeting with B" (the parse may
    make "delegation" the noun's compound, or hang "in Geneva meeting" on it)."""
    teams = [c for c in noun.children if c.dep_ == "compound" and c.lemma_ in DELEGATION_NOUNS]
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_ in DELEGATION_NOUNS:
        teams.append(noun.head.head)
    return teams


def _a_partys(team: Token, index: DocIndex) -> bool:
    """Whether a team noun is a party's ("Sudan's delegation", "the RSF team", "the army's
    delegation", "the negotiating team"), not a football team."""
    # (the body's own mention may be inside a title phrase: "X, the head of the RSF delegation")
    return any(c.dep_ in {"poss", "amod", "compound", "nmod"} and (
        c.lower_ in PARTY_BODY_WORDS or (r := index.ref_at(c)) is not None and r.kind in {"country", "organization"}
        or c.ent_type_ in {"ORG", "GPE", "NORP"} and (r is None or r.kind != "place"))
        for c in team.children)


def _represented_later(findings: list[EventFinding], index: DocIndex) -> None:
    """"Today I host the meeting between A and B. The two sides will be represented by X
    and Y.": X and Y take part in the meeting told last in the two sentences before, when their
    own sentence tells of no meeting.  "A's delegation is led by X", "X, who heads the rebels'
    team": X takes part in the latest talks or meeting told up to their sentence, however far
    before."""
    sentences = index.sents
    starts = [sentence.start for sentence in sentences]

    def by_sentence(tokens: Iterable[Token]) -> dict[int, list[Token]]:
        found: dict[int, list[Token]] = {}
        for token in sorted(tokens, key=lambda t: t.i):
            found.setdefault(bisect_right(starts, token.i) - 1, []).append(token)
        return found

    # "The two sides will be represented by X"
    groups_in = by_sentence(g for verb in index.tokens_in({"represent"}, lemma=True) for g in verb.children
                            if g.dep_ == "nsubjpass" and _side_group(g))
    # "The army's delegation is led by X", "X heads the rebels' team": who leads a delegation;
    # "the Chilean delegation, headed by X, included Y", "Y was part of Peru's team": who is in one
    # ("The delegation was led by X": a delegation told again, whosever it is)
    teams = [g for g in index.tokens_in(DELEGATION_NOUNS, lemma=True) if _a_partys(g, index) or (
        g.lemma_ == "delegation" and g.dep_ == "nsubjpass" and g.head.lemma_ in LEAD_VERBS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in g.children))]
    # ("the A side was led by X", "Y led the B side")
    sides = [g for g in index.tokens_in(LED_TEAM_NOUNS, lemma=True) if (
        g.dep_ == "nsubjpass" or g.dep_ == "dobj" and g.head.lemma_ in LEAD_VERBS) and _a_partys(g, index)]
    led_in = by_sentence(g for g in teams + sides if g.head.lemma_ in LEAD_VERBS and g.dep_ in {"nsubjpass", "dobj"})
    members: dict[Token, list[Token]] = {g: m for g in teams if (m := _team_members(g))}
    for k, found in by_sentence(members).items():
        led_in.setdefault(k, []).extend(g for g in found if g not in led_in.get(k, []))
    for k in sorted({*groups_in, *led_in}):
        groups, led = groups_in.get(k, []), led_in.get(k, [])
        if k == 0 and not led:
            continue
        if not led and any(f.sentence_index == k and f.kind in MEETING_KINDS for f in findings):
            continue  # (told in its own sentence: sides_from_frames reads it there)
        # (who leads a party's delegation takes part in the latest talks told, however far before)
        first = max(0, k - 2) if not led else 0
        last = k - 1 if not led else k
        # (and a visit just before: "A received a delegation from B. The delegation was led by X")
        before = [f for f in findings if first <= f.sentence_index <= last and (
            f.kind in {"talks", "meeting"} or f.kind == "visit" and led and k - 2 <= f.sentence_index < k)]
        # (a delegation told before its talks, "X led the A delegation. Talks opened ...": the talks after)
        after = [f for f in findings if f.kind in {"talks", "meeting"} and f.sentence_index > k] if led else []
        if not before and not after:
            continue
        finding = max(before, key=lambda f: f.trigger.start) if before else min(after, key=lambda f: f.trigger.start)
        # (the parse may join the second of them to the verb)
        agents = [c for g in groups + led if g.dep_ == "nsubjpass" for a in agents_of(g.head)
                  for c in (a, *a.conjuncts)]
        agents += [c for g in groups for c in g.head.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
        # ("by the T of A [X] and the T2 of B [Y]": the parse may hang the first
        # bracketed name on the verb, and the second title on that name)
        agents += [c for g in groups for n in g.head.children if n.dep_ == "npadvmod" and n.pos_ == "PROPN"
                   for c in n.conjuncts]
        # ("by their foreign ministers, X and Y": the parse may hang the names on "the sides")
        agents += [c for g in groups for a in g.children if a.dep_ == "appos" for c in (a, *a.conjuncts)]
        agents += [s for g in led if g.dep_ == "dobj" and g.head.lemma_ in LEAD_VERBS for s in subjects_of(g.head)]
        # "X led A's team, while Y headed B's": the second clause's team left unsaid
        agents += [s for g in led if g.dep_ == "dobj" and g.head.lemma_ in LEAD_VERBS for v in g.head.children
                   if v.dep_ in {"advcl", "conj"} and v.lemma_ in LEAD_VERBS and any(
                       o.dep_ == "dobj" and any(c.dep_ == "case" for c in o.children) for o in v.children)
                   for s in subjects_of(v)]
        agents += [m for g in led for m in members.get(g, ())]
        # "A's delegation is led by X, while B's team is headed by Y": the second clause's too
        agents += [c for g in led for v in g.head.children if v.dep_ in {"advcl", "conj"}
                   for a in agents_of(v) for c in (a, *a.conjuncts)]
        # "A's delegation is led by X, and B's by Y": the second clause without its verb
        agents += [c for g in led if g.dep_ == "nsubjpass" for n in g.head.children
                   if n.dep_ == "conj" and n.pos_ in {"NOUN", "PROPN"} for p in n.children
                   if p.dep_ == "prep" and p.lower_ == "by" for c in p.children if c.dep_ == "pobj"]
        for agent in (t for a in agents for t in _with_leader(a)):
            for ref in map(partial(for_its_country, index), index.actors_of_np(agent)):
                if ref not in finding.refs():
                    finding.participants.append((ref, "participant"))
    _party_represented(findings, index, by_sentence)


def for_its_country(index: DocIndex, ref: EntityRef) -> EntityRef:
    """A delegation takes part for its country; any other actor for itself."""
    org = index.orgs.get(ref.key) if ref.kind == "organization" else None
    return EntityRef("country", org.country) if org is not None and org.kind == "delegation" and org.country else ref


def _led_by(noun: Token, index: DocIndex) -> list[Token]:
    """Who a noun is said to be led by, "a delegation led by X"; for a delegation also where the
    parse hangs the participle elsewhere: on the body of its of- or from-phrase ("a delegation of
    the army led by X", not "of widows of soldiers led by X") or, after it, on the verb it is the
    object of ("met a delegation from the Bank, led by X")."""
    carriers = [noun]
    verb = None
    if noun.lemma_ in DELEGATION_NOUNS:
        carriers += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}
                     for o in p.children if o.dep_ == "pobj"
                     and (r := index.ref_at(o)) is not None and r.kind in {"country", "organization"}]
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    participles = [v for c in carriers for v in c.children if v.dep_ == "acl"]
    if verb is not None:
        participles += [v for v in verb.children if v.dep_ == "advcl" and v.i > noun.i
                        and not any(c.dep_ in SUBJECT_DEPS for c in v.children)]
    return [a for v in participles if v.lemma_ in LEAD_VERBS and v.tag_ == "VBN" for a in agents_of(v)[:1]]


def _with_leader(token: Token) -> list[Token]:
    """A noun and who it is said to be led by: "(represented by) a committee headed by X"."""
    return [token, *(a for c in token.children if c.dep_ == "acl" and c.lemma_ in LEAD_VERBS and c.tag_ == "VBN"
                     for a in agents_of(c))]


def _party_represented(findings: list[EventFinding], index: DocIndex,
                       by_sentence: Callable[[Iterable[Token]], dict[int, list[Token]]]) -> None:
    """"Talks between A and B opened ... B was represented by its adviser, X" ("X represented B",
    "B sent its foreign minister, X"): X takes part in the latest talks or meeting told up to that
    sentence that A or B takes part in, and which their own sentence does not tell."""
    agents_for: dict[Token, list[Token]] = {}
    for verb in index.tokens_in({"represent"}, lemma=True):
        if verb.tag_ == "VBN":
            agents_for.update({g: [c for a in agents_of(verb) for c in (a, *a.conjuncts)] for g in verb.children
                               if g.dep_ == "nsubjpass" and not _side_group(g)})
            agents_for.update(_gapped_by(verb, index))
        else:
            agents_for.update({g: [s for s in verb.children if s.dep_ == "nsubj"] for g in verb.children
                               if g.dep_ == "dobj" and not _side_group(g)})
    for verb in index.tokens_in(SEND_VERBS, lemma=True):
        # ("B sent its foreign minister, X": the one sent, named in apposition, represents B; not
        # one sent somewhere or for something else, "to Paris", "to attend the summit")
        if any(c.dep_ in {"advcl", "xcomp"} or c.dep_ == "prep" and c.lower_ in {"to", "for"} for c in verb.children):
            continue
        sent = [a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "appos"]
        agents_for.update({g: sent for g in verb.children if g.dep_ == "nsubj" and sent})
    represented = by_sentence(agents_for)
    for k, parties in represented.items():
        if any(f.sentence_index == k and f.kind in MEETING_KINDS for f in findings):
            continue  # ("A was represented at the talks by X": told there)
        before = [f for f in findings if f.kind in {"talks", "meeting"} and f.sentence_index < k]
        for party in parties:
            refs = index.actors_of_np(party)
            finding = max((f for f in before if any(r in f.refs() for r in refs)),
                          key=lambda f: f.trigger.start, default=None)
            if finding is None:
                continue
            for agent in (t for a in agents_for[party] for t in _with_leader(a)):
                for ref in index.actors_of_np(agent):
                    if ref.kind == "person" and ref not in finding.refs():
                        finding.participants.append((ref, "participant"))


def _gapped_by(verb: Token, index: DocIndex) -> dict[Token, list[Token]]:
    """"A was represented by X, and B by Y": the passive verb left out after "and" (gapping);
    B's words run from "and" to a second "by", Y's from it.  Read from the words' shapes, as the
    parse hangs the pieces anywhere; nothing when a verb stands between."""
    sentence = verb.sent
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return {}
    found: dict[Token, list[Token]] = {}
    start = None
    for token in index.doc[agent.i + 1:sentence.end]:
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.lower_ == "and":
            start = token.i + 1
        elif token.lower_ == "by" and start is not None and start < token.i:
            party = next((t for t in reversed(index.doc[start:token.i]) if index.ref_at(t) is not None), None)
            named = next((t for t in index.doc[token.i + 1:sentence.end]
                          if (ref := index.ref_at(t)) is not None and ref.kind == "person"), None)
            if party is not None and named is not None:
                found[party] = [named]
            start = None
    return found


# Nouns of a need or call: "the need for dialogue" names no talks of anyone's.
NEED_WORDS = words_of("need_words.tsv", "need")


def _called_for(trigger: Span) -> bool:
    """Whether talks are named only as what is needed or called for: "the need for (political)
    dialogue", "calls for negotiations"."""
    start = trigger_token(trigger).left_edge.i
    doc = trigger.doc
    return start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in NEED_WORDS


def sides_from_frames(findings: list[EventFinding], frames: Sequence[FrameFinding], index: DocIndex,
                      unresolved: Sequence[EventFinding] = ()) -> list[EventFinding]:
    """Talks and meetings that name fewer than two sides take the sides of the document's
    frame when the text points to them: "the two sides will be represented by their chief
    negotiators" or "both countries asked C to take part in the talks" in the event's
    sentence, talks told only through their third parties ("C and D led the negotiations"),
    and talks that name no one ("the talks resumed on Monday"): a document about one dispute
    tells of its talks without repeating their sides.  ``unresolved`` are the events the
    extractor found naming no one (EventExtractor.unresolved); those given sides here are
    returned with ``findings``, the rest are dropped.

    ``frames`` are the document's frames, most salient first (kg.nlp.frames); the frame
    taken is the first of two or more sides that holds none of the event's third parties,
    preferring one that holds the side the event names.
    """
    from kg.nlp.frames import GROUP_CUES, sides_of

    # (an event that names no one yet, "The talks open on Monday.", takes its sides from
    # who is said to represent them: "Each side is to be represented by X and Y.")
    _represented_later([*findings, *unresolved], index)
    two_sided = [f for f in frames if len(f.sides) >= 2]
    holding_side: dict[EntityRef, list[FrameFinding]] = {}  # each side's frames, in order
    for two in two_sided:
        for side in dict.fromkeys(two.sides):
            holding_side.setdefault(side, []).append(two)
    for finding in [*findings, *unresolved] if two_sided else []:
        if finding.kind not in {"talks", "meeting", "phone_call"}:
            continue
        own = [r for r in sides_of(index, finding.refs()) if r.kind != "person"]
        if len(own) >= 2:
            continue
        third = {r for r, _ in finding.third_parties}
        sentence = finding.trigger.sent
        groups = [t for t in sentence if _side_group(t)]
        # "spoke to both foreign ministers", "the two leaders met", "invited both men": their
        # offices, or the two people, counted
        groups += [t for t in sentence if t.lower_ in OFFICE_GROUPS | PERSON_GROUPS and t.pos_ == "NOUN"
                   and any(c.lower_ in GROUP_CUES for c in t.children)]
        grouped = bool(groups)
        if finding.kind == "phone_call" and not grouped:
            continue  # a call takes the frame's sides only when it says it is with both
        # "the parties will be represented by A and B": A and B take part for them.
        for group in groups:
            if group.dep_ == "nsubjpass" and group.head.lemma_ == "represent":
                for agent in agents_of(group.head):
                    for ref in index.actors_of_np(agent):
                        if ref not in finding.refs():
                            finding.participants.append((ref, "participant"))
        only_third = bool(third) and not finding.participants
        nobody = finding.kind == "talks" and not finding.participants and not third \
            and not _called_for(finding.trigger)
        if not (grouped or only_third or nobody):
            continue
        # The first frame without the third parties that holds the event's side, else the first
        # without them (looked up by side: scanning every frame for every event is quadratic).
        free = (f for frames_of in [*(holding_side.get(r, []) for r in own), two_sided] for f in frames_of
                if not third & set(f.sides))
        frame = next(free, None)
        if frame is None:
            continue
        present = finding.refs()
        finding.participants += [(r, "participant") for r in frame.sides if r not in present]
    out = list(findings)
    for finding in unresolved:
        if not finding.all_participants():
            continue
        # the same talks told before with the same sides: one event, told once more
        same = next((f for f in out if f.kind == finding.kind and set(finding.refs()) <= set(f.refs())), None)
        if same is None:
            out.append(finding)
        else:
            same.evidence.extend(e for e in finding.evidence if e not in same.evidence)
            same.add_third_parties(finding.third_parties)
    return out


def _scheduled_time(when: Span) -> bool:
    """Whether a date is the time a timetable gave: "scheduled for Friday", "set for Monday",
    "due on Thursday".  An event postponed or cancelled from such a time had it ahead of it:
    "Talks scheduled for Friday were postponed" tells of the coming Friday."""
    root = when.root
    scheduled = root.head.head
    # ("failed to meet as planned on Monday": the plan's time is when it failed)
    return root.dep_ == "pobj" and root.head.lower_ in {"for", "on"} and scheduled.lower_ in SCHEDULE_WORDS \
        and not any(c.lower_ == "as" for c in scheduled.children)


# A dateline of its own is among a text's first lines; the words it may hold besides its date.
DATELINE_LINES = 4
DATELINE_PLACES = frozenset({"GPE", "LOC", "FAC", "ORG"})
DATELINE_ENTITIES = DATELINE_PLACES | {"DATE", "TIME"}


def _ends_a_paragraph(sent: Span) -> bool:
    """Whether a blank line (two line breaks) follows a sentence."""
    doc = sent.doc
    return sent.end >= len(doc) or doc[sent.end - 1].text.count("\n") >= 2 or (
        sent.end < len(doc) and doc[sent.end].text.count("\n") >= 2) or (
        sent.end + 1 < len(doc) and doc[sent.end - 1].is_space and doc[sent.end].is_space)


# Auxiliaries of a clause that is past whatever the event's status: "had hoped", "did meet".
PAST_AUX = frozenset({"had", "did", "was", "were"})
# Verbs that report: a date of theirs is when the report was made ("said on Monday").
REPORTING_VERBS = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm", "disclose"})


def _clause_verb(when: Span) -> Token | None:
    """The verb of the clause a date sits in ("opened" for "which opened on 14 May")."""
    verb = when.root.head
    for _ in range(4):  # up through "on", "for" and the like to the verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head == verb:
            break
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else None


def _clause_tense(verb: Token | None) -> Literal["past", "future"] | None:
    """The tense of the clause a date sits in (``verb``, its :func:`_clause_verb`), where the
    verb shows one: "which opened on 14 May" is past even inside talk of talks to come; None for
    a verb without tense ("agreed to meet on Friday": the infinitive), so the event's status
    decides."""
    if verb is None:
        return None
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a in FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a in PAST_AUX for a in auxes):
        return "past"
    return None


def _time_of_telling(verb: Token | None, token: Token) -> bool:
    """Whether a date whose clause's verb is ``verb`` is when something was told, not when the
    event is: "will hold talks, the ministry said on Monday".  For a statement it is the other
    way round: a date inside what was said ("said the truce takes effect on Thursday") is not
    when it was said, though one of how it was said is ("speaking to reporters today, she said")."""
    if verb is None or verb == token:
        return False
    if token.lemma_ in REPORTING_VERBS:
        below = verb
        while below.head != below and below.head != token:
            below = below.head
        return below.head == token and below.dep_ in {"ccomp", "xcomp", "dobj"}
    return verb.lemma_ in REPORTING_VERBS
