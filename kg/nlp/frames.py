"""Document-level dispute and negotiation frames: who the sides of a document's talks, truce,
war, deal or dispute are, ranked by how much the document is about them.

A frame is found from any of these constructions (examples invented):

- a frame noun with "between" or "among": "talks between Aland and Borduria", "the war
  between the government and the Front";
- hyphenated and adjectival pairs before a frame noun: "the Aland-Borduria talks", "the
  Alandic-Endurian border dispute" (capitals stand for their governments: "Aville-Btown");
- a joint subject of a verb of agreeing, signing or fighting whose clause names a frame
  noun: "Aland and the Front signed a truce", "the two governments resumed talks";
- a possessive frame noun with "with": "Aland's talks with the Front";
- the document's talks (events with two or more sides);
- "the two sides", "both parties", "the warring factions", "the rivals": a reference back
  to the latest frame, which adds to its salience.

Salience adds up every place a frame is told: the headline (first sentence) counts most,
then the lede, then each further mention or reference back; a frame of one named side
("the Aland peace talks") adds its salience to the frames of two sides that hold it.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.nlp.entities import DocIndex, Mention
from kg.nlp.events import (
    DELEGATION_NOUNS,
    EventExtractor,
    EventFinding,
    absolute_with,
    agents_of,
    companion_with,
    other_side_names,
    subjects_of,
)
from kg.records import EntityRef
from kg.reference import read_table

FRAME_TABLE = "frames.tsv"
HYPHENS = frozenset({"-", "‐", "–", "/"})
SIDE_KINDS = frozenset({"person", "country", "organization"})
HEADLINE_WEIGHT = 3.0
LEDE_WEIGHT = 2.0
MENTION_WEIGHT = 1.0
BACK_REFERENCE_WEIGHT = 1.0
# How a frame read from a headline's list of names is found (FrameFinding.via).
HEADLINE_LIST = "headline_list"
# What ends a sentence, never a headline.
HEADLINE_STOPS = frozenset({".", "!", "?", ":", ";", ","})
LEDE_SENTENCES = 3  # the headline and the two sentences after it
NEGOTIATED_KINDS = frozenset({"talks", "truce", "deal"})
# "fighting along (on, across) the border between A and B": where a frame's sides meet.
BORDER_PREPS = frozenset({"along", "on", "across", "at", "near"})
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Where a gerund stands as a noun ("Fighting between A and B continued").
NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Verbs of hostile acts whose subject and object are the sides of a war ("A attacked B").
HOSTILE_VERBS = frozenset({"attack", "invade", "fight", "bomb", "shell", "strike", "battle", "combat", "raid",
                           "occupy", "besiege", "target"})
# Verbs of one side's hostility short of war: "A accuses B of backing the rebels".
DISPUTE_VERBS = frozenset({"accuse", "blame", "threaten"})
# Verbs of going between two sides at odds: "C mediated between A and B".
MEDIATING_VERBS = frozenset({"mediate", "arbitrate", "intercede", "shuttle"})
# Verbs of fighting that make their joint subject sides with no frame noun beside them.
FIGHT_VERBS = frozenset({"fight", "clash"})
# States one can be "in" a war, dispute or talks with another: "A and B remain locked in a standoff".
STATE_WORDS = frozenset({"locked", "embroiled", "mired", "entangled", "engaged", "caught", "involved"})
IN_STATE_KINDS = frozenset({"war", "dispute", "talks"})
NEAR_WORDS = frozenset({"close", "closer", "near", "nearer"})
PLURAL_SIDE_NOUNS = frozenset({"governments", "leaders", "delegations", "representatives", "presidents",
                               "negotiators"})
# Teams two sides send to talk: "delegations from A and B arrived in C" tells of their talks.
TEAM_NOUNS = frozenset({"delegations", "negotiators"})
# A headline's people of two sides who meet: "Alandic, Bordurian Negotiators Meet".
HEADLINE_PEOPLE = PLURAL_SIDE_NOUNS | {"officials", "ministers", "envoys"}
MEETING_VERBS = frozenset({"meet", "talk", "confer"})
# Bodies that are sides apart from their country's government.
NON_STATE_SIDES = frozenset({"armed_group", "political"})
# Plural nouns of two people that refer back to two named just before: "the two men".
PAIRED_PEOPLE = frozenset({"men", "women", "rivals", "leaders"})
AFTER_MEET = frozenset({"in", "at", "on", "for", "over", "amid", "after", "ahead", "again"})  # not "Meet Students"


def _lexicon() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str], frozenset[str],
                        dict[str, str]]:
    nouns: dict[str, str] = {}
    objects: dict[str, str] = {}
    joint: dict[str, str] = {}
    alone: set[str] = set()
    groups: set[str] = set()
    cues: set[str] = set()
    for line in read_table(FRAME_TABLE).splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, use, *rest = line.split("\t")
        kind = rest[0] if rest else ""
        if use in {"noun", "hostile"}:
            nouns[word] = kind
        elif use in {"joint", "joint_alone"}:
            joint[word] = kind
            if use == "joint_alone":
                alone.add(word)
        elif use == "group":
            groups.add(word)
        elif use == "group_cue":
            cues.add(word)
        elif use == "joint_object":
            objects[word] = kind
    return nouns, joint, frozenset(alone), frozenset(groups), frozenset(cues), objects


FRAME_NOUNS, JOINT_VERBS, ALONE_VERBS, GROUP_NOUNS, GROUP_CUES, JOINT_OBJECTS = _lexicon()
# Verbs of quarrelling or clashing "with" the other side ("A has been feuding with B").
QUARREL_VERBS = ALONE_VERBS | {"clash"}


def _words_of_use(use: str) -> frozenset[str]:
    """The words of one use in the frame table."""
    return frozenset(line.split("\t")[0] for line in read_table(FRAME_TABLE).splitlines()
                     if line.split("\t")[1:2] == [use])


# Frame nouns of one side's hostile act ("the Alandic offensive" is Aland's act, no conflict inside Aland).
HOSTILE_NOUNS = _words_of_use("hostile")
SEIZING_VERBS = _words_of_use("seizing")
SEIZED_OBJECTS = _words_of_use("seized_object")
RUPTURE_VERBS = _words_of_use("rupture_verb")
# Verbs whose subject and object are sides: of war, of dispute, of seizing the other's people.
ACTING_ON_VERBS = HOSTILE_VERBS | DISPUTE_VERBS | SEIZING_VERBS
RUPTURE_OBJECTS = _words_of_use("rupture_object")


# Nouns of a third party's hand in what sides do: "with the help (support) of C"; and of whom one
# acts for ("mediating the crisis on behalf of C": C sends the mediator, no side).
HELP_NOUNS = frozenset({"help", "support", "assistance", "facilitation", "mediation", "backing", "aid",
                        "auspices", "involvement", "behalf"})


@dataclass
class FrameFinding:
    """The sides of one talks, truce, war, deal or dispute of a document."""

    key: str
    kind: str  # talks, truce, deal, war, dispute, relations
    sides: list[EntityRef]
    via: str  # the construction first found: between, hyphenated, joint_subject, with, talks
    evidence: list[Span] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # token indices of the frame's words
    salience: float = 0.0
    # Every place it is told describes one of its sides in passing ("C, which has its own
    # quarrel with A, warned ..."): background to the story, not the dispute it is about.
    aside: bool = True

    @property
    def first_sentence(self) -> int:
        return min(self.sentences) if self.sentences else 0

    def describe(self, index: DocIndex) -> str:
        names = [index.label(s) for s in self.sides]
        if len(names) == 1:
            return f"{self.kind} in {names[0]}"
        return f"{self.kind} between {', '.join(names[:-1])} and {names[-1]}"


# Words of a third party's part in talks: "invited C to be a guarantor of the talks".
THIRD_PARTY_WORDS = frozenset({"guarantor", "mediator", "facilitator", "observer", "host", "witness", "sponsor",
                               "mediate", "facilitate", "broker", "co-chair", "chair", "moderate", "moderator",
                               "co-host", "convener", "arbiter", "go-between", "intermediary"})
# What the thanked are thanked for: "commended C and D for their support to the talks" makes no sides.
CREDITED_PART_WORDS = frozenset({"support", "role", "effort", "help", "assistance", "contribution", "leadership",
                                 "work", "commitment", "engagement", "hospitality"})


def frame_kind(token: Token) -> str | None:
    """The kind of frame a word names ("truce" for "ceasefire"), None if it names none."""
    # The tables first: most words are in neither, and then the part of speech need not be read.
    kind = FRAME_NOUNS.get(token.lower_)
    if kind is None:
        kind = FRAME_NOUNS.get(token.lemma_)
        return kind if kind is not None and token.pos_ == "NOUN" else None
    if token.pos_ in {"VERB", "AUX"} and not (token.tag_ == "VBG" and token.dep_ in NOUN_DEPS):
        return None  # a verb, unless a gerund used as a noun ("Fighting between A and B continued")
    if token.pos_ != "NOUN" and token.lower_ in HOSTILE_NOUNS:
        return None  # ("offensive remarks")
    return kind


class FrameFinder:
    """Finds the frames of one document (see the module's docstring)."""

    def __init__(self, index: DocIndex, events: EventExtractor, meetings: list[EventFinding]):
        self.index = index
        self.doc = index.doc
        self.events = events
        self.meetings = meetings
        self.frames: list[FrameFinding] = []
        # The frames looked up, not scanned (a long text tells hundreds): by their sides, and
        # (anchor, position in self.frames) in order, with every anchor of any frame.
        self._by_sides: dict[frozenset[EntityRef], FrameFinding] = {}
        self._anchors: list[tuple[int, int]] = []
        self._anchored: set[int] = set()
        self._positions: dict[int, int] = {}  # id(frame) -> its position in self.frames
        # Each token's kind, found once (None unless its form or lemma is in the table).
        self.kinds: list[str | None] = [None] * len(self.doc)
        for token in {*index.tokens_in(FRAME_NOUNS), *index.tokens_in(FRAME_NOUNS, lemma=True)}:
            self.kinds[token.i] = frame_kind(token)
        self._armed_groups: dict[str, list[EntityRef]] | None = None

    def kind(self, token: Token) -> str | None:
        """:func:`frame_kind` of a token of this document."""
        return self.kinds[token.i]

    def run(self) -> list[FrameFinding]:
        # The tokens any of the checks below can take, in order (not every token of the document).
        index = self.index
        tokens = index.tokens
        read = {i for i, kind in enumerate(self.kinds) if kind is not None}
        read.update(t.i for t in index.tokens_in(HYPHENS, PLURAL_SIDE_NOUNS))
        read.update(index.positions_of_pos("VERB", "AUX"))
        # A verb can bring actors to talks or set them at odds with another only over a word
        # of a frame below it: the heads above every such word, found once.
        above_kinds: set[int] = set()
        for i, kind in enumerate(self.kinds):
            if kind is not None:
                token = tokens[i]
                while token.head.i != token.i and token.head.i not in above_kinds:
                    token = token.head
                    above_kinds.add(token.i)
        for token in (tokens[i] for i in sorted(read)):
            kind = self.kind(token)
            if kind is not None:
                self._between(token, kind)
                self._with(token, kind)
            if token.text in HYPHENS:
                self._hyphenated(token)
            if token.lower_ in PLURAL_SIDE_NOUNS:
                self._plural_of(token)
            if token.pos_ in {"VERB", "AUX"}:
                if token.lemma_ in MEDIATING_VERBS:
                    self._mediated_between(token)
                self._joint_subject(token)
                self._at_war(token)
                if token.lemma_ in QUARREL_VERBS:
                    self._at_odds_with(token)
                self._hostile_act(token)
                if token.lemma_ in RUPTURE_VERBS:
                    self._rupture(token)
                if token.i in above_kinds:
                    self._joint_object(token)
                    self._relations_with(token)
        for i, kind in enumerate(self.kinds):
            if kind is not None and kind != "relations" and tokens[i].lower_ not in HOSTILE_NOUNS:
                self._internal(self.doc[i], kind)
        # (who hosts or mediates talks of the document is no side of them: "A and B were joined by
        # C's minister, whose government hosted the talks")
        thirds = {self.index.country_of(r) or r.key for m in self.meetings for r, _ in m.third_parties}
        for meeting in self.meetings:
            if meeting.kind == "talks":
                sides = [s for s in self._sides(meeting.refs()) if (self.index.country_of(s) or s.key) not in thirds]
                if len(sides) >= 2:
                    trigger = meeting.trigger
                    self._add("talks", sides, "talks", trigger.root, trigger)
        self._back_references()
        self._headline_list()  # (after the references back, which go to frames the parse found)
        # "the Aland peace talks" told in the headline are the talks between Aland and the
        # Front told later: a one-sided frame lends its salience to the two-sided frames
        # that hold its side.
        for single in [f for f in self.frames if len(f.sides) == 1]:
            holders = [f for f in self.frames if len(f.sides) > 1 and single.sides[0] in f.sides]
            for frame in holders:
                frame.salience += single.salience
        # Frames of two or more sides first: a frame of one named side is the last resort;
        # a frame told only in passing comes after those the story tells.
        return sorted(self.frames, key=lambda f: (len(f.sides) < 2, f.aside, -f.salience, f.first_sentence))

    # --- constructions -----------------------------------------------------------------

    def _between(self, noun: Token, kind: str) -> None:
        # "the agreement reached (signed) between A and B": the phrase may hang on the participle.
        participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        # "Tensions have been rising between A and B": the phrase may hang on the subject's verb.
        verbs = [noun.head] if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"} else []
        # "Clashes erupted along the border between A and B": the phrase may hang on the border.
        borders = [o for a in [noun, *verbs] for p in a.children if p.dep_ == "prep" and p.lower_ in BORDER_PREPS
                   for o in p.children if o.dep_ == "pobj" and o.lemma_ in BORDER_NOUNS]
        for child in [*noun.children, *(p for a in participles + verbs + borders for p in a.children)]:
            if child.dep_ == "prep" and child.lower_ in {"between", "among"}:
                sides = self._sides(self.events.refs(_between_objects(child)))
                if len(sides) < 2:
                    # A headline the parser misreads ("Talks between A and B resume"): the
                    # names of the phrase, leaving out any phrase of its own ("in C").
                    sides = self._sides(self.events.refs(_names_under(child)))
                if len(sides) >= 2:
                    self._add(kind, sides, "between", noun, self._span(noun, child))

    def _mediated_between(self, verb: Token) -> None:
        """"C has been mediating between A and B": those a third party goes between are at odds."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                sides = self._sides(self.events.refs(_between_objects(child)))
                if len(sides) >= 2:
                    self._add("dispute", sides, "between", verb, self._span(verb, child))

    def _with(self, noun: Token, kind: str) -> None:
        """"Aland's talks with the Front", "Aland's war against the Front", "Aland's invasion
        of Borduria", "Aland's attacks on Borduria"."""
        owners = self.events.refs([c for c in noun.children if c.dep_ == "poss"])
        if not owners:
            return
        preps = {"with", "against"} if kind in {"war", "dispute"} else {"with"}
        if kind == "war":
            preps = preps | {"of", "on", "into"}  # (not "in": "A's war in C" may be on C's side)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                others = self.events.refs([c for c in child.children if c.dep_ == "pobj"])
                sides = self._sides([*owners, *others])
                if len(sides) >= 2:
                    self._add(kind, sides, "with", noun, self._span(noun, child))

    def _hyphenated(self, hyphen: Token) -> None:
        """"the Aland-Borduria talks", "the Alandic-Endurian border dispute": two names
        joined by a hyphen (or slash), a frame noun within the next few words."""
        i = hyphen.i
        if i == 0 or i + 1 >= len(self.doc):
            return
        left, right = self.index.mention_at(i - 1), self.index.mention_at(i + 1)
        if left is None or right is None or left is right:
            return
        sides = self._sides([self._as_side(left.ref), self._as_side(right.ref)])
        if len(sides) < 2:
            return
        for token in self.doc[right.end:min(right.end + 4, len(self.doc))]:
            if token.is_punct and token.text not in HYPHENS:
                return
            kind = self.kind(token)
            if kind is not None:
                self._add(kind, sides, "hyphenated", token, self.doc[left.start:token.i + 1])
                return
            if token.lemma_ in BORDER_NOUNS and token.dep_ == "pobj" and token.head.lower_ in BORDER_PREPS:
                # "clashes on the Aland-Borduria border": the frame word the border is the place of
                event = token.head.head
                kind = self.kind(event)
                if kind is not None:
                    self._add(kind, sides, "hyphenated", event, self.doc[min(event.i, left.start):token.i + 1])
                return

    def _joint_agents(self, verb: Token) -> None:
        """"a truce agreed by Aland and the Front", "the deal was signed by A and B": the doers of
        a joint verb's passive are the sides of what it names."""
        agents = agents_of(verb)
        sides = self._sides(self.events.refs(agents))
        # (the parse may make "the truce agreed by A and B held" the participle's active subject)
        nouns = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}]
        nouns = [n for n in nouns if self.kind(n) is not None]
        if len(sides) >= 2 and nouns:
            kind = self.kind(nouns[0])
            assert kind is not None
            ends = [nouns[0].i, *(a.i for a in agents)]
            self._add(kind, sides, "joint_subject", nouns[0], self.doc[min(ends):max(ends) + 1])

    def _joint_subject(self, verb: Token) -> None:
        """"Aland and the Front signed a truce", "the two neighbours resumed talks": a verb
        of agreeing, negotiating or fighting ("A and B discussed the war in C" makes A and B
        no sides)."""
        if verb.lemma_ not in JOINT_VERBS:
            return
        if verb.tag_ == "VBN" and agents_of(verb):
            self._joint_agents(verb)
            return
        subjects = subjects_of(verb)
        if not subjects:
            return
        subject_tokens = {t.i for s in subjects for t in s.subtree}
        nouns = [t for t in verb.subtree if t.i not in subject_tokens and self.kind(t) is not None]
        if not nouns and (verb.lemma_ in FIGHT_VERBS or verb.lemma_ in ALONE_VERBS):
            nouns = [verb]  # "A and B clashed", "A and B have been fighting since May", "A and B quarrelled"
        hostile = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in JOINT_OBJECTS]
        if not nouns and hostile:
            nouns = hostile  # "A and B exchanged fire", "A and B traded accusations"
        if not nouns or any(c.dep_ == "prep" and c.lower_ in {"between", "among", "with"}
                            and self.events.refs([g for g in c.children if g.dep_ == "pobj"
                                                  and g.lemma_ not in HELP_NOUNS])
                            for n in nouns for c in n.children):
            # "A and B announced talks between C and D": C and D are the sides (but "A and B
            # agreed to a truce with the help of C": C is a third party)
            return
        sides = self._sides(self.events.refs(subjects))
        if len(sides) < 2:
            # A headline's "A, B agree to ...": the parser hangs the first name on the verb
            # (or on the subject) beside the comma.
            first = min(s.i for s in subjects)
            listed = [c for c in [*verb.children, *(a for s in subjects for a in s.children)]
                      if c.dep_ in {"npadvmod", "appos", "dep"} and c.i < first + 3 and c.i != first
                      and self.index.ref_at(c) is not None]
            if listed:
                sides = self._sides(self.events.refs([*listed, *subjects]))
        if len(sides) < 2:
            # "the Governments of A and B": the names after "of".
            sides = self._sides(self.events.refs([c for s in subjects for p in s.children
                                                  if p.dep_ == "prep" and p.lower_ == "of"
                                                  for c in p.children if c.dep_ == "pobj"]))
        # (and "the government of A and rebels of B": the parse may join B's phrase to A)
        own = [t for s in subjects if self.kind(s) is None for t in (s, *_names_under(s, through={"of"}))]
        if len(sides) < 2 and any(t.dep_ == "cc" and t.lower_ == "and" for t in own):
            # "A's government and ELN rebels signed ...": the parser may make the first of the
            # pair a modifier of the second's noun; the names of the subject's own phrase, told
            # apart by "and" (none inside a phrase of a preposition, "talks between ...").
            sides = self._sides(self.events.refs([t for t in own if self.index.ref_at(t) is not None
                                                  and t.text[:1].isupper()]))  # (names, not "navy")
        nouns = _phrase_heads(nouns)
        kind = self.kind(nouns[0]) or JOINT_OBJECTS.get(nouns[0].lower_) or JOINT_VERBS[verb.lemma_]
        if len(sides) < 2:
            sides = self._pair_referred(subjects, within=kind in {"war", "dispute"})
        if len(sides) < 2:
            return
        first = min(subject_tokens)
        self._add(kind, sides, "joint_subject", nouns[0], self.doc[first:nouns[0].i + 1])

    def _headline_list(self) -> None:
        """A headline on a line of its own whose two names are joined by a comma or "and", a
        frame word later in it: "Aland, Borduria Resume Border Talks", "Aland And The Front
        Agree To Truce".  Title case makes the small model tag every word a proper noun, so
        neither the verb nor the joint subject is read from the parse; a name right before a
        third party's word ("Aland, Borduria To Mediate") is no side."""
        if not self.events.sentences:
            return
        head = self.events.sentences[0]
        end = head.end
        while end > head.start and self.doc[end - 1].is_space:
            end -= 1
        # (a line break is a space token of its own: a token's trailing whitespace is one space at most)
        if end - head.start < 3 or self.doc[end - 1].text in HEADLINE_STOPS or not (
                end < head.end or end == len(self.doc)):
            return  # (a headline is a line of its own, with no full stop)
        head = self.doc[head.start:end]
        mentions: list[Mention] = []
        for token in head:
            mention = self.index.mention_at(token)
            if mention is not None and (not mentions or mentions[-1] is not mention):
                mentions.append(mention)
        for left, right in zip(mentions, mentions[1:], strict=False):
            joints = self.doc[left.end:right.start]
            if not len(joints) or any(t.lower_ not in {",", "and", "&", "the"} for t in joints) \
                    or joints[0].lower_ == "the":
                continue
            rest = self.doc[right.end:head.end]
            if any(_stem_in(t.lower_, THIRD_PARTY_WORDS) for t in rest[:2]):
                return
            # (a frame noun names the kind better than the verb before it: "Agree To Truce")
            word = next((t for t in rest if self.kind(t) is not None), None) \
                or next((t for t in rest if _stem_in(t.lower_, JOINT_VERBS)), None)
            if word is None and len(rest) > 1 and rest[0].lower_ in HEADLINE_PEOPLE \
                    and _stem_in(rest[1].lower_, MEETING_VERBS) and (len(rest) == 2 or rest[2].lower_ in AFTER_MEET):
                word = rest[1]  # "Alandic, Bordurian Negotiators Meet In Geneva": their talks
            sides = self._sides([self._as_side(left.ref), self._as_side(right.ref)])
            if word is not None and len(sides) == 2:
                kind = self.kind(word) or JOINT_VERBS.get(_stem_in(word.lower_, JOINT_VERBS) or "", "talks")
                self._add(kind, sides, HEADLINE_LIST, word, self.doc[left.start:word.i + 1])
            return

    def _hostile_act(self, verb: Token) -> None:
        """"A attacked B", "A has been fighting B since May", "A invaded B": the one who acts
        and the one acted on are the sides of a war (both named, for two different actors)."""
        pitting = verb.lemma_ == "pit"
        if verb.lemma_ not in ACTING_ON_VERBS and not pitting \
                or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            return  # ("B, attacked by A": a passive, left alone)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"against", "on"}
                    for c in p.children if c.dep_ == "pobj"]
        if verb.lemma_ in HOSTILE_VERBS:
            # "A shelled Bordurian positions (B's villages)": whose, for what names no actor itself
            objects += [m for o in objects if not self.events.refs([o]) for m in o.children
                        if m.dep_ in {"amod", "compound", "poss", "nmod"}]
        if verb.lemma_ in SEIZING_VERBS:
            # "A detained three B soldiers", "A shot down a B drone": whose soldiers or drone
            objects = [m for o in objects if o.lemma_ in SEIZED_OBJECTS for m in o.children
                       if m.dep_ in {"amod", "compound", "poss", "nmod"}]
        # "the conflict pitting A against B": the two the verb sets against each other
        subjects = [] if pitting else subjects_of(verb)
        if pitting:
            first = [c for c in verb.children if c.dep_ == "dobj"]
            subjects, objects = first, [o for o in objects if o not in first]
        owners = self._sides(self.events.refs(subjects))
        others = self._sides([self._as_side(r) for r in self.events.refs(objects)])
        sides = [*owners, *(o for o in others if o not in owners)]
        if verb.lemma_ in SEIZING_VERBS and not (all(r.kind == "country" for r in owners)
                                                 and all(r.kind == "country" for r in others)):
            return  # ("the police detained a man": only one country's act on another's)
        kind = "dispute" if verb.lemma_ in DISPUTE_VERBS | SEIZING_VERBS else (
            self.kind(verb.head) or "war") if pitting else "war"
        if kind == "dispute" and any(r.kind == "person" for r in [*owners, *others]):
            return  # "A accused B of lying": a quarrel of people, not their countries' dispute
        if owners and others and len(sides) >= 2 and len(sides) == len(owners) + len(others):
            self._add(kind, sides, "hostile", verb, self.doc[min(t.i for t in [*subjects, *objects, verb]):
                                                             max(t.i for t in [*subjects, *objects, verb]) + 1])

    def _rupture(self, verb: Token) -> None:
        """"A expelled B's ambassador", "A recalled its envoy from B", "A closed its border with
        B": one side breaking its ties with another makes them sides of a dispute."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_ in RUPTURE_OBJECTS]
        if not objects:
            return
        others = [c for o in objects for c in o.children if c.dep_ in {"poss", "compound", "amod"}
                  and c.tag_ != "PRP$"]
        others += [c for n in (verb, *objects) for p in n.children if p.dep_ == "prep"
                   and p.lower_ in {"from", "with", "to", "of"} for c in p.children if c.dep_ == "pobj"]
        owners = self._sides(self.events.refs([s for s in subjects_of(verb) if s.dep_ == "nsubj"]))
        rest = [r for r in self._sides([self._as_side(r) for r in self.events.refs(others)]) if r not in owners]
        if len(owners) == 1 and len(rest) == 1 and owners[0].kind == "country" and rest[0].kind == "country":
            self._add("dispute", [owners[0], rest[0]], "hostile", verb,
                      self.doc[verb.i:max(t.i for t in [*objects, *others]) + 1])

    def _at_war(self, verb: Token) -> None:
        """"A and B have been at war since May", "A and B remain at odds over the dam": a
        joint subject of being at war (or at odds); "A and B are in a dispute over the port",
        "A and B remain locked in a standoff": of being in a war, dispute or talks; "A and B
        are close to a deal": near a deal, truce or talks (the frame noun with no sides of its
        own: "in a dispute with C" leaves them alone)."""
        if verb.lemma_ not in {"be", "remain", "stay"}:
            return
        states = [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                  for c in p.children if c.dep_ == "pobj" and c.lower_ in {"war", "odds", "loggerheads"}]
        # (the parse hangs "in" on the verb or on the state between: "locked", "embroiled")
        holders = [verb, *(c for c in verb.children if c.dep_ == "acomp" and c.lower_ in STATE_WORDS)]
        states += [c for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                   for c in p.children if c.dep_ == "pobj" and self.kind(c) in IN_STATE_KINDS
                   and not any(g.dep_ == "prep" and g.lower_ in {"with", "between", "among"} for g in c.children)]
        # "A and B are close to a deal (truce)": near what they negotiate
        states += [c for a in verb.children if a.dep_ == "acomp" and a.lower_ in NEAR_WORDS
                   for p in a.children if p.dep_ == "prep" and p.lower_ == "to"
                   for c in p.children if c.dep_ == "pobj" and self.kind(c) in NEGOTIATED_KINDS
                   and not any(g.dep_ == "prep" and g.lower_ in {"with", "between", "among"} for g in c.children)]
        subjects = subjects_of(verb)
        if not states or not subjects:
            return
        sides = self._sides(self.events.refs(subjects)) or self._pair_referred(subjects, within=True)
        if len(sides) >= 2:
            kind = self.kind(states[0]) or ("war" if states[0].lower_ == "war" else "dispute")
            self._add(kind, sides, "joint_subject", states[0], self.doc[min(s.i for s in subjects):states[0].i + 1])

    def _at_odds_with(self, verb: Token) -> None:
        """"A has been feuding with B over the port", "A's troops clashed with B's": a verb of
        quarrelling or clashing whose subject is one side and whose "with" is the other ("A
        fought with B against C" makes allies: "fight" is no such verb)."""
        withs = [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and absolute_with(p) is None
                 for c in p.children if c.dep_ == "pobj" and c.lemma_ not in HELP_NOUNS]
        subjects = subjects_of(verb)
        owners = self._sides(self.events.refs(subjects))
        others = [o for o in self._sides(self.events.refs(withs)) if o not in owners]
        if owners and others:
            ends = [verb.i, *(t.i for t in [*subjects, *withs])]
            self._add(JOINT_VERBS[verb.lemma_], [*owners, *others], "with", verb,
                      self.doc[min(ends):max(ends) + 1])

    def _plural_of(self, noun: Token) -> None:
        """"the decision by the Governments of A and B to begin discussions", "the leaders
        of A and B welcomed the truce": the two named after "of" in a sentence about talks,
        a truce or a deal (and no "between" naming other sides)."""
        teams = noun.lower_ in TEAM_NOUNS
        named = [c for p in noun.children if p.dep_ == "prep" and (p.lower_ == "of" or teams and p.lower_ == "from")
                 for c in p.children if c.dep_ == "pobj"]
        if not named:
            return
        # the parser may hang the second name on the plural noun itself
        sides = self._sides(self.events.refs([*named, *(c for c in noun.conjuncts if self.index.ref_at(c))]))
        if len(sides) < 2:
            return
        sent = self.events.sent(noun)
        nouns = [t for t in sent if self.kind(t) in NEGOTIATED_KINDS]
        if not nouns and teams and len(sides) == 2:
            nouns = [noun]  # "delegations from A and B arrived in C": the two sides' teams, sent to talk
        if not nouns or any(t.lower_ in {"between", "among"} for t in sent):
            return
        self._add(self.kind(nouns[0]) or "talks", sides, "joint_subject", nouns[0],
                  self.doc[noun.i:max(t.i for t in noun.subtree) + 1])

    def _joint_object(self, verb: Token) -> None:
        """"invited Aland and the Front to ceasefire talks", "urged A and B to make peace":
        two or more actors the verb brings to talks."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or not any(c.dep_ in {"xcomp", "prep"} for c in verb.children):
            return
        if len(objects) == 1 and objects[0].lemma_ in DELEGATION_NOUNS and not objects[0].conjuncts:
            return  # "A sent a delegation headed by his deputy X to the talks": one side's team
        object_tokens = {t.i for o in objects for t in o.subtree}
        nouns = [t for c in verb.children if c.dep_ in {"xcomp", "prep"} for t in c.subtree
                 if t.i not in object_tokens and self.kind(t) in NEGOTIATED_KINDS]
        if not nouns:
            return
        if any(t.lemma_ in THIRD_PARTY_WORDS or t.lemma_ in CREDITED_PART_WORDS and t.head.lower_ == "for"
               for c in verb.children if c.dep_ in {"xcomp", "prep"} for t in c.subtree if t.i < nouns[0].i):
            # "invited C and D to be guarantors of the talks", "commended C and D for their
            # support to the talks": third parties, no sides
            return
        nouns = _phrase_heads(nouns)
        sides = self._sides(self.events.refs(objects))
        if len(sides) >= 2:
            self._add(self.kind(nouns[0]) or "talks", sides, "joint_object", nouns[0],
                      self.doc[min(object_tokens):nouns[0].i + 1])

    def _relations_with(self, verb: Token) -> None:
        """"A, B and C cut ties with D", "A broke off relations with B", "A is at war with B",
        "A and B imposed an embargo on C": the subjects on one side, the one they are at odds
        (or in talks) with on the other."""
        nouns = [n for c in verb.children if c.dep_ in {"dobj", "attr"} for n in (c, *c.conjuncts)
                 if self.kind(n) is not None]
        nouns += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"at", "in", "into"}
                  for c in p.children if c.dep_ == "pobj" and self.kind(c) is not None]
        if not nouns:
            return
        if verb.dep_ == "xcomp" and verb.head.lemma_ == "help" or any(
                c.dep_ == "prt" and c.lower_ == "about" for c in verb.children):
            return  # "C helped reach (bring about) the deal with B": C's hand, not C's deal
        noun = nouns[0]
        if any(c.lower_ == "separate" for c in noun.children):
            return  # "C held separate meetings with A and B": C goes between them, no side
        preps = {"with", "on", "against"} if self.kind(noun) == "dispute" else {"with"}
        # ("signed the deal with the help of C": C helped, no side)
        # ("resumed talks, with C overseeing them": C oversees, no side)
        # ("chair the talks together with C": C chairs too, no side)
        withs = [c for p in [*verb.children, *noun.children] if p.dep_ == "prep" and p.lower_ in preps
                 and absolute_with(p) is None and not companion_with(p)
                 for c in p.children if c.dep_ == "pobj" and c.lemma_ not in HELP_NOUNS]
        owners = self.events.refs(subjects_of(verb))
        others = self.events.refs(withs)
        sides = self._sides([*owners, *others])
        if owners and others and len(sides) >= 2:
            self._add(self.kind(noun) or "relations", sides, "with", noun, self.doc[verb.i:noun.i + 1]
                      if noun.i > verb.i else self.doc[noun.i:verb.i + 1])

    def _internal(self, noun: Token, kind: str) -> None:
        """"Somalia's reconciliation talks", "the conflict in Aland", "the Aland peace talks":
        a frame with one named side (an internal conflict), when no frame with two sides
        uses this word."""
        if noun.i in self._anchored:
            return
        if any(c.dep_ == "prep" and c.lower_ in {"between", "among", "with"} for c in noun.children):
            return
        holders = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        # "the conflict in X" is X's; "talks in X" are only held there.
        preps = {"of"} if kind in NEGOTIATED_KINDS else {"in", "of"}
        holders += [c for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
                    for c in p.children if c.dep_ == "pobj"]
        for child in [c for c in noun.children if c.dep_ == "compound"]:
            holders += [c for c in child.children if c.dep_ in {"poss", "compound"}]
        if kind in NEGOTIATED_KINDS:
            # "the Doha talks", "the Geneva accord": a city (a capital too) before the word names
            # where they are held, not whose they are ("the Aland peace talks" stay Aland's)
            holders = [h for h in holders if not (h.dep_ == "compound" and (m := self.index.mention_at(h)) is not None
                                                  and (m.via == "capital" or m.ref.kind == "place"))]
        sides = [r for r in self._sides([self._as_side(r) for r in self.events.refs(holders)])
                 if r.kind == "country"]
        if len(sides) == 1:
            # "the Colombian peace talks" in a document that names the ELN: the country's
            # government and its armed groups the document names are the sides.
            sides += self._armed_groups_of(sides[0].key)
            self._add(kind, sides, "internal", noun, self.doc[min(t.i for t in holders):noun.i + 1])

    def _armed_groups_of(self, country: str) -> list[EntityRef]:
        """The armed groups of a country (by the organisations table) the document names."""
        if self._armed_groups is None:  # every country's, in one pass over the mentions
            self._armed_groups = {}
            for mention in self.index.mentions:
                org = self.index.orgs.get(mention.ref.key) if mention.ref.kind == "organization" else None
                if org is not None and org.kind == "armed_group" and org.country:
                    found = self._armed_groups.setdefault(org.country, [])
                    if mention.ref not in found:
                        found.append(mention.ref)
        return list(self._armed_groups.get(country, []))

    def _back_references(self) -> None:
        """'the two sides', 'both parties', 'the warring factions', 'between them': the two
        actors named together just before (for 'the two sides' and 'them'), else the frame
        told last before those words (else the first one told after them), is told again."""
        for token in self.index.tokens_in({"them"}, GROUP_NOUNS):
            if token.lower_ == "them" and token.dep_ == "pobj" and token.head.lower_ in {"between", "among"}:
                pass  # "C has mediated between them": the sides told last
            elif token.lower_ not in GROUP_NOUNS or token.pos_ != "NOUN":
                continue
            elif not any(c.lower_ in GROUP_CUES or (c.dep_ == "det" and c.lower_ == "the" and token.lower_ in
                                                   {"rivals", "belligerents", "factions"})
                       for c in token.children):
                continue
            here = self.events.sentence_index(token)
            if token.lower_ == "them" or (self.frames and any(c.lower_ in {"two", "both"} for c in token.children)):
                pair = self._latest_pair(token, after=self._latest_anchor(token))
                if pair and frozenset(pair) not in self._by_sides:
                    # "pledges by A and B to calm tensions. The two sides also promised ...":
                    # the two named just before are the sides referred to.
                    self._add("dispute", pair, "back_reference", token, self.doc[token.i:token.i + 1])
                    continue
            if not self.frames:
                continue
            frame = self._told_before(token)
            frame.salience += BACK_REFERENCE_WEIGHT
            if here not in frame.sentences:
                frame.sentences.append(here)
            self._anchor(frame, token.i)

    def _told_before(self, token: Token) -> FrameFinding:
        """The frame told last before ``token`` (the first frame of those with the latest
        anchor before it), else the first one told after it; a frame told only in passing
        about one of its sides is passed over for one the story tells."""
        at = bisect_left(self._anchors, (token.i,))
        while at:
            first = bisect_left(self._anchors, (self._anchors[at - 1][0],))
            frame = self.frames[self._anchors[first][1]]
            if not frame.aside:
                return frame
            at = first
        told = [f for f in self.frames if not f.aside] or self.frames
        return min(told, key=lambda f: min(f.anchors))

    def _in_passing(self, anchor: Token, sides: list[EntityRef]) -> bool:
        """Whether ``anchor`` is told in a relative clause on one of ``sides`` ("Sudan, which
        has its own quarrel with Ethiopia, warned ..."): a side described in passing."""
        token = anchor
        while token.head.i != token.i:
            if token.dep_ == "relcl":
                ref = self.index.ref_at(token.head)
                country = self.index.country_of(ref) if ref is not None else None
                return ref is not None and any(s == ref or country is not None and self.index.country_of(s) == country
                                               for s in sides)
            token = token.head
        return False

    def _pair_referred(self, subjects: list[Token], *, within: bool = False) -> list[EntityRef]:
        """'The two leaders (sides, men) agreed to a truce', 'the two men remain at odds': the
        pair told just before, else two people named together just before: the countries
        they stand for where those differ, else (``within``: at odds, not agreeing, as a
        president and his premier agree) the two people, rivals within one country."""
        group = next((s for s in subjects if s.lower_ in GROUP_NOUNS | PLURAL_SIDE_NOUNS | PAIRED_PEOPLE
                      and any(c.lower_ in {"two", "both"} for c in s.children)), None)
        if group is None:
            return []
        return self._sides(self._latest_pair(group)) or self._people_pair(group, within=within)

    def _people_pair(self, token: Token, *, within: bool) -> list[EntityRef]:
        """Two people named together in the sentence before ``token`` or its own ("A's
        president X and B's president Y met ...", "X met President Y and opposition leader
        Z"): the countries of two, or the two people of one country."""
        here = self.events.sentence_index(token)
        for t in reversed([t for s in self.events.sentences[max(0, here - 1):here + 1] for t in s if t.i < token.i]):
            if t.dep_ != "conj":
                continue
            refs = [r for g in (t.head, t) for r in [self.index.ref_at(g)] if r is not None and r.kind == "person"]
            if len(refs) != 2 or refs[0] == refs[1]:
                continue
            countries = [self.index.country_of(r) for r in refs]
            if None not in countries and countries[0] != countries[1]:
                return [EntityRef("country", c) for c in countries if c is not None]
            return refs if within else []
        return []

    def _latest_anchor(self, token: Token) -> int:
        """The last word of a frame told in ``token``'s sentence before it (-1 if none):
        "A has quarrelled with B, and the two countries ..." refers to that frame, not to a
        pair named together earlier."""
        at = bisect_left(self._anchors, (token.i,))
        if at and self.events.sentence_index(self.doc[self._anchors[at - 1][0]]) == self.events.sentence_index(token):
            return self._anchors[at - 1][0]
        return -1

    def _latest_pair(self, token: Token, *, after: int = -1) -> list[EntityRef]:
        return latest_pair(self.index, self.events, token, after=after)

    # --- helpers -------------------------------------------------------------------------

    def _as_side(self, ref: EntityRef) -> EntityRef:
        if ref.kind == "place":
            country = self.index.country_of(ref)
            return EntityRef("country", country) if country else ref
        return ref

    def _sides(self, refs: list[EntityRef]) -> list[EntityRef]:
        return sides_of(self.index, [r for r in refs if r.kind in SIDE_KINDS])

    def _span(self, noun: Token, prep: Token) -> Span:
        tokens = [noun, *prep.subtree]
        return self.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]

    def _anchor(self, frame: FrameFinding, i: int) -> None:
        """Token ``i`` is a word of ``frame``."""
        frame.anchors.append(i)
        self._anchored.add(i)
        insort(self._anchors, (i, self._positions[id(frame)]))

    def _add(self, kind: str, sides: list[EntityRef], via: str, anchor: Token, evidence: Span) -> None:
        here = self.events.sentence_index(anchor)
        weight = HEADLINE_WEIGHT if here == 0 else LEDE_WEIGHT if here < LEDE_SENTENCES else MENTION_WEIGHT
        # A headline's list read from word shapes is a frame of its own, never merged into one
        # the parse found (the sides' talks take their participants from those alone).
        same = None if via == HEADLINE_LIST else self._by_sides.get(frozenset(sides))
        if same is None:
            same = FrameFinding(key=f"frame-{evidence.start_char}-{len(self.frames) + 1}", kind=kind,
                                sides=list(sides), via=via)
            self._positions[id(same)] = len(self.frames)
            self.frames.append(same)
            if via != HEADLINE_LIST:
                self._by_sides[frozenset(sides)] = same
        elif anchor.i in same.anchors:
            return
        if same.kind == "relations" and kind != "relations":
            same.kind = kind
        same.salience += weight
        same.aside = same.aside and self._in_passing(anchor, sides)
        self._anchor(same, anchor.i)
        if here not in same.sentences:
            same.sentences.append(here)
        if evidence not in same.evidence:
            same.evidence.append(evidence)


def _stem_in(word: str, words: Collection[str]) -> str | None:
    """The form of ``word`` in ``words`` with an inflection taken off ("agrees", "agreed",
    "resumed", "signs" for "agree", "resume", "sign"), or None: a headline's capitals leave no
    lemma to read."""
    for form in (word, word[:-1], word[:-2], word[:-3]):
        if form in words and (form == word or word[len(form):] in {"s", "es", "d", "ed", "ing"}):
            return form
    return None


def _phrase_heads(nouns: list[Token]) -> list[Token]:
    """Frame words that head their phrase ("talks" of "ceasefire talks"), else all."""
    heads = [n for n in nouns if n.head not in nouns or n.head == n]
    return heads or nouns


def latest_pair(index: DocIndex, events: EventExtractor, token: Token, *, back: int = 1,
                holding: Collection[EntityRef] = (), after: int = -1) -> list[EntityRef]:
    """Two actors coordinated with each other ("A and B") in the sentence of ``token``
    before it (and after token ``after``), or in the ``back`` sentences before, the nearest
    first (one of ``holding`` among them, when given)."""
    here = events.sentence_index(token)
    tokens = [t for s in events.sentences[max(0, here - back):here + 1] for t in s if after < t.i < token.i]
    def named(noun: Token) -> EntityRef | None:
        # "the rebel group FACT": the name apposed to the common noun
        return index.ref_at(noun) or next((r for c in noun.children if c.dep_ == "appos"
                                           for r in [index.ref_at(c)] if r is not None), None)

    for t in reversed(tokens):
        if t.dep_ != "conj" or named(t) is None:
            continue
        group = [t.head, *t.head.conjuncts]
        if t.head.dep_ in {"nsubj", "nsubjpass"} and token in t.head.head.subtree:
            continue  # "C and D worked to bridge the gaps between the two sides": not C and D
        refs = sides_of(index, [r for g in group for r in [named(g)] if r is not None and r.kind in SIDE_KINDS])
        if _listed_before(group[0], named):
            continue  # "met Egyptian, Turkish and Emirati officials": the last two of three are no pair
        if len(group) == 2 and len(refs) == 2 and all(r.kind in {"country", "organization"} for r in refs) \
                and (not holding or any(r in holding for r in refs)):
            return refs
    return []


def _listed_before(first: Token, named: Callable[[Token], EntityRef | None]) -> bool:
    """Whether a name stands just before ``first``, set off by a comma: the parse may join only
    the last two of a list ("Egyptian, Turkish and Emirati officials")."""
    doc = first.doc
    return first.i >= 2 and doc[first.i - 1].text == "," and named(doc[first.i - 2]) is not None


def sides_of(index: DocIndex, refs: list[EntityRef]) -> list[EntityRef]:
    """Actors as the sides of talks: a minister or envoy acts for their government (the
    country), a leader of an armed group or a party for that body ("RSF leader X" is the RSF,
    not the country it fights in); heads of state and government stay sides in person, as do
    people with no known country, unless their body is a side too."""
    sides: list[EntityRef] = []
    bodies = {r.key for r in refs if r.kind == "organization"}
    for ref in refs:
        person = index.persons.get(ref.key) if ref.kind == "person" else None
        if person is not None and person.organization in bodies:
            continue  # ("the Unity Party of President X": X is of the side his party is)
        body = index.orgs.get(person.organization) if person is not None and person.organization else None
        if person is not None and not person.leader and body is not None and body.kind in NON_STATE_SIDES:
            ref = EntityRef("organization", body.key)
        elif person is not None and person.country and not person.leader:
            ref = EntityRef("country", person.country)
        if ref not in sides:
            sides.append(ref)
    people = list(dict.fromkeys(refs))
    if len(sides) < 2 and len(people) >= 2 and all(r.kind == "person" for r in people):
        # "talks between the warring Sudanese generals, A and B": two people who would both stand
        # for one country are its rival sides, in person
        return people
    return sides


def _between_objects(prep: Token) -> list[Token]:
    """The objects of a "between" phrase, with any the parse joins to its "on one side" phrase."""
    return [c for c in prep.children if c.dep_ == "pobj"] + other_side_names(prep)


def _names_under(prep: Token, *, through: Collection[str] = ()) -> list[Token]:
    """The words under a preposition that are not inside a further prepositional phrase (but
    for one of ``through``)."""
    out: list[Token] = []
    stack = [c for c in prep.children]
    while stack:
        token = stack.pop(0)
        if token.dep_ == "prep" and token.lower_ not in through:
            continue
        out.append(token)
        stack.extend(token.children)
    return sorted(out, key=lambda t: t.i)


def find_frames(index: DocIndex, events: EventExtractor, meetings: list[EventFinding]) -> list[FrameFinding]:
    """The document's frames, most salient first."""
    return FrameFinder(index, events, meetings).run()
