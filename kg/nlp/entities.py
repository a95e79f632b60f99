"""Who and what a document talks about: countries, organisations, places and people.

``index_entities(doc)`` builds a :class:`DocIndex`: every mention of an actor (a token
range) with the entity it refers to.  People are merged within the document:

- full names with their variants ("Volodymyr Zelensky" / "Volodymyr Zelenskiy",
  "Antony J. Blinken" / "Antony Blinken");
- surnames ("Zelensky") and other single name parts ("Minister Wang" for "Wang Yi");
- honorifics are dropped ("Sheikh", "H.E. Mr.").

Titles used as references ("the Belarusian leader", "the Prime Minister") and pronouns
are resolved later, once roles are known (``kg.nlp.references``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, POS  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.parts_of_speech import IDS  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.tokens import Doc, Span, Token

from kg.nlp.gazetteer import BODY_WORDS, COUNTRIES_KEY, ORGS_KEY, TITLES_KEY, is_plural_title
from kg.nlp.triggers import TRIGGERS_KEY
from kg.records import EntityRef
from kg.reference import read_table, words_of
from kg.text.fold import fold

# Name particles that are not surnames on their own ("bin", "al", "von").
NAME_PARTICLES = frozenset({
    "bin", "ibn", "bint", "al", "el", "ul", "ud", "von", "van", "der", "de", "da", "del", "di",
    "la", "le", "du", "dos", "das", "abu", "abd", "ben", "mc", "of",
})
# "his country", "her government": the country a person referred to acts for.
OWN_COUNTRY_NOUNS = frozenset({"country", "government", "nation"})
# Nouns that stand for the government or the delegation of the country that modifies them.
GOVERNMENT_NOUNS = frozenset({
    "government", "governments", "administration", "administrations", "authorities", "regime", "cabinet",
    "leadership", "state", "junta", "juntas", "rulers",
})
# Governments told by their seat: "the government in Kabul", "the authorities in Tripoli".
# Armed men said to be loyal to a leader: "forces loyal to X".
LOYAL_NOUNS = frozenset({"forces", "troops", "fighters", "militias", "militiamen", "soldiers", "units", "loyalists"})
SEATED_GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "regime", "leadership", "junta"})
DELEGATION_NOUNS = frozenset({
    "delegation", "delegations", "team", "negotiators", "envoys", "representatives", "officials",
    "side", "camp", "diplomats", "ministry",
})
# Nouns for a state's own bodies: "Russian troops", "the Egyptian army", "Syrian authorities";
# and for talks and deals, whose country modifiers are their sides ("Israel-Hamas talks").
STATE_NOUNS = frozenset({
    "army", "military", "police", "navy", "authorities", "regime", "ministry", "forces", "troops", "president",
    "minister", "talks", "negotiations", "meeting", "summit", "deal", "agreement", "ceasefire", "truce", "accord",
    "relations", "dialogue", "call", "conversation", "visit", "process", "border", "conflict", "war", "dispute",
    "row", "crisis", "tensions", "rapprochement", "reconciliation", "discussions", "consultations",
})
# A state's own forces, which stand for it beside an armed group: "the Sudanese army and the RSF".
ARMED_STATE_NOUNS = frozenset({"army", "military", "forces", "troops", "government"})
# Group nouns whose members act for the organisation or country that modifies them
# ("leaders of Fatah and Hamas", "representatives of the RSF").
# Who speak for a side named after "for" ("negotiators for Kyiv"); not an envoy, whose "for" is
# where they are sent ("the U.S. envoy for Sudan").
SPEAKING_FOR_NOUNS = frozenset({"negotiator", "negotiators", "representative", "representatives", "delegate",
                                "delegates", "spokesman", "spokeswoman", "spokesperson"})
MEMBER_NOUNS = frozenset({
    "leader", "leaders", "official", "officials", "member", "members", "representative",
    "representatives", "delegate", "delegates", "faction", "factions", "forces", "troops",
    "militants", "fighters", "negotiators", "envoy", "envoys", "counterpart", "counterparts", "ministers",
    "minister", "diplomat", "diplomats", "negotiator", "mediator", "mediators", "facilitator", "facilitators",
    "presidents", "premiers", "staff", "ambassadors", "heads", "partner", "partners", "ally", "allies",
}) | DELEGATION_NOUNS
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words of address that are never part of a name ("His Majesty", "Her Royal Highness").
HONORIFIC_WORDS = frozenset({"the", "his", "her", "majesty", "highness", "excellency", "royal", "eminence",
                             "holiness", "honourable", "honorable"})
# "Gomel Region" lies where "Gomel" does.
PLACE_SUFFIXES = frozenset({"region", "province", "oblast", "district", "governorate", "city", "county",
                            "state", "prefecture", "municipality", "area"})
# Dependency labels of a noun phrase's modifiers that may name the actor behind it.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
CONJ_DEPS = frozenset({"conj", "appos"})
# "A and B said they would ...", "A and B met and agreed that they ...": the clauses a subject
# "they" may be in, under the clause whose subject it stands for.
THEY_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})


@dataclass
class Mention:
    """A token range referring to one entity; ``via`` says how it was recognised."""

    start: int
    end: int
    ref: EntityRef
    via: str


@dataclass
class PersonInfo:
    key: str
    name: str | None
    label: str
    tokens: tuple[str, ...]  # folded name parts, for matching surnames
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    organization: str | None = None
    titles: list[tuple[str, str | None]] = field(default_factory=list)  # (title, country)
    female: bool | None = None
    leader: bool = False  # holds a head-of-state, head-of-government or royal title


@dataclass
class OrgInfo:
    key: str
    name: str
    kind: str
    country: str | None = None
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None


@dataclass
class PlaceInfo:
    key: str
    name: str
    country: str | None = None


def _closed_list(head: Token) -> list[Token]:
    """The conjuncts of ``head`` up to the one "and" (or "or") closes the list with: in "between
    A and B, C's chancellor noted" (or "between A and B, and C's president welcomed ...") the
    parse may run the next clause's subject on as a further conjunct after the comma."""
    conjuncts = head.conjuncts
    if len(conjuncts) < 2:  # (most phrases: no list to run on)
        return list(conjuncts)
    listed: list[Token] = []
    closed = False
    doc = head.doc
    for conjunct in sorted(conjuncts, key=lambda t: t.i):
        before = doc[conjunct.left_edge.i - 1] if conjunct.left_edge.i > 0 else None
        if closed and conjunct.i > head.i and before is not None and (
                before.text == "," or before.dep_ == "cc" and before.i > 0 and doc[before.i - 1].text == ","):
            break
        listed.append(conjunct)
        closed = closed or conjunct.i > head.i and before is not None and before.dep_ == "cc" \
            and before.lower_ in {"and", "or"}
    return listed


@dataclass
class DocIndex:
    """Mentions of actors in one Doc, and the entities they refer to."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    persons: dict[str, PersonInfo] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    places: dict[str, PlaceInfo] = field(default_factory=dict)
    by_token: dict[int, Mention] = field(default_factory=dict)
    # Tokens of a title phrase that belongs to a named person ("Qatari Deputy Prime Minister
    # and Minister of Foreign Affairs" before the name): the phrase stands for the person.
    title_owner: dict[int, str] = field(default_factory=dict)
    # Tokens of a plural title phrase several named people hold: "the foreign ministers of A and
    # B, X and Y" stands for X and Y.
    title_holders: dict[int, list[str]] = field(default_factory=dict)
    # Who speaks where (kg.nlp.references): a transcript's turns as (first token, speaker),
    # and the speaker a heading names for the whole document.
    turns: list[tuple[int, EntityRef | None]] = field(default_factory=list)
    heading_speaker: EntityRef | None = None
    _title_ends: set[int] | None = field(default=None, repr=False)
    _title_tokens: set[int] | None = field(default=None, repr=False)
    _coalitions: dict[str, list[EntityRef]] | None = field(default=None, repr=False)
    _sorted_upto: int = field(default=0, repr=False)  # mentions[:_sorted_upto] are in order of start
    # The document's tokens and where each lower-case form and lemma occurs, made once
    # (iterating a Doc, or ``doc[i]``, makes a new Token object every time).
    _tokens: list[Token] | None = field(default=None, repr=False)
    _forms: dict[int, dict[str, list[int]]] = field(default_factory=dict, repr=False)

    _sents: list[Span] | None = field(default=None, repr=False)
    # actors_of_np's answers, by (head, expand_conj, _changes): rules ask about the same phrase
    # several times, and an answer stands until a mention is added or replaced.
    _actors: dict[tuple[int, bool, int], tuple[EntityRef, ...]] = field(default_factory=dict, repr=False)
    _changes: int = field(default=0, repr=False)
    _ents: Sequence[Span] | None = field(default=None, repr=False)

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text``, from the tokens, without making a Span (for a few words)."""
        tokens = self.tokens[start:end]
        return "".join([t.text_with_ws for t in tokens[:-1]]) + tokens[-1].text if tokens else ""

    @property
    def sents(self) -> list[Span]:
        """The document's sentences, made once (``Doc.sents`` makes them anew at each call)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    @property
    def ents(self) -> Sequence[Span]:
        """The document's entities as they were when first read (``Doc.ents`` makes a Span for each
        at each call): read them only after the pipeline has set them."""
        if self._ents is None:
            self._ents = self.doc.ents
        return self._ents

    @property
    def tokens(self) -> list[Token]:
        """The document's tokens (``tokens[i]`` is ``doc[i]``)."""
        if self._tokens is None:
            self._tokens = list(self.doc)
        return self._tokens

    def _forms_of(self, attr: int) -> dict[str, list[int]]:
        """Where each lower-case form (LOWER) or lemma (LEMMA) occurs."""
        forms = self._forms.get(attr)
        if forms is None:
            by_hash: dict[int, list[int]] = {}
            for i, value in enumerate(self.doc.to_array(attr).tolist()):
                by_hash.setdefault(value, []).append(i)
            strings = self.doc.vocab.strings
            forms = self._forms[attr] = {strings[value]: positions for value, positions in by_hash.items()}
        return forms

    def tokens_where(self, test: Callable[[str], bool]) -> list[Token]:
        """The tokens whose lower-case form passes ``test``, in document order (each form tested once)."""
        tokens = self.tokens
        return [tokens[i] for i in sorted(i for form, positions in self._forms_of(LOWER).items() if test(form)
                                          for i in positions)]

    def positions_of_pos(self, *tags: str) -> list[int]:
        """The positions of the tokens whose part of speech (``Token.pos_``) is one of ``tags``."""
        wanted = {IDS[tag] for tag in tags}
        return [i for i, pos in enumerate(self.doc.to_array(POS).tolist()) if pos in wanted]

    def tokens_in(self, *words: Collection[str], lemma: bool = False) -> list[Token]:
        """The tokens whose lower-case form (``lemma``: whose lemma) is in any of ``words``, in
        document order: found in a per-document index of forms instead of by reading every token."""
        forms = self._forms_of(LEMMA if lemma else LOWER)
        found: set[int] = set()
        for some in words:
            if len(some) < len(forms):
                for word in some:
                    if (positions := forms.get(word)) is not None:
                        found.update(positions)
            else:
                for form, positions in forms.items():
                    if form in some:
                        found.update(positions)
        tokens = self.tokens
        return [tokens[i] for i in sorted(found)]

    def sort_mentions(self) -> None:
        """The mentions in order of where they start."""
        self.mentions.sort(key=_start)
        self._sorted_upto = len(self.mentions)

    def _position(self, mention: Mention) -> int:
        """Where ``mention`` (this very object) is in ``mentions``: looked up by its start in the
        sorted part, else searched (by identity: comparing dataclasses field by field is slow)."""
        mentions, upto = self.mentions, min(self._sorted_upto, len(self.mentions))
        at = bisect_left(mentions, mention.start, 0, upto, key=_start)
        while at < upto and mentions[at].start == mention.start:
            if mentions[at] is mention:
                return at
            at += 1
        return next(n for n, m in enumerate(mentions) if m is mention)

    def add(self, mention: Mention) -> None:
        by_token, start, end = self.by_token, mention.start, mention.end
        for i in range(start, end):  # (a loop, not any(): this runs for every mention tried)
            if i in by_token:
                return
        self.mentions.append(mention)
        self._changes += 1
        for i in range(start, end):
            by_token[i] = mention

    def replace(self, mention: Mention) -> None:
        """Add a mention over the ones it covers ('the Belarusian leader' over 'Belarusian')."""
        # The covered mentions, through the token index (scanning every mention is quadratic).
        inside = list({id(m): m for i in range(mention.start, mention.end)
                       if (m := self.by_token.get(i)) is not None
                       and mention.start <= m.start and m.end <= mention.end}.values())
        if any(i in self.by_token and self.by_token[i] not in inside for i in range(mention.start, mention.end)):
            return
        for old in inside:
            at = self._position(old)
            del self.mentions[at]
            self._changes += 1
            if at < self._sorted_upto:
                self._sorted_upto -= 1
            for i in range(old.start, old.end):
                del self.by_token[i]
        self.add(mention)

    def title_tokens(self) -> set[int]:
        """The tokens of title phrases, found once per document."""
        if self._title_tokens is None:
            self._title_tokens = {i for t in doc_titles(self.doc) for i in range(t.start, t.end)}
        return self._title_tokens

    def coalition_members(self, noun: Token) -> list[EntityRef]:
        """'The coalition of A, B and C ... the regime's negotiations with the coalition': the
        members a document names for a group noun ("the alliance", "the bloc"), at its first
        "the <noun> of A, B and C" (two or more countries or organisations), for the plain "the
        <noun>" told elsewhere."""
        if self._coalitions is None:  # found once per document
            self._coalitions = {}
            for group in self.tokens_in(COALITION_WORDS, lemma=True):
                if group.lemma_ in self._coalitions:
                    continue
                listed = [t for p in group.children if p.dep_ == "prep" and p.lower_ == "of"
                          for c in p.children if c.dep_ == "pobj" for t in (c, *c.conjuncts)]
                if listed:  # (the parse may hang the list's rest on the group noun, as an apposition)
                    listed += [t for a in group.children if a.dep_ == "appos" for t in (a, *a.conjuncts)]
                listed = listed or _members_defined(group)
                members = [r for t in listed if (r := self.ref_at(t)) is not None
                           and r.kind in {"country", "organization"}]
                if len(dict.fromkeys(members)) >= 2:
                    self._coalitions[group.lemma_] = list(dict.fromkeys(members))
        if noun.lemma_ not in self._coalitions or self.ref_at(noun) is not None:
            return []
        if _members_defined(noun) and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return self._coalitions[noun.lemma_]  # ("the troika, made up of A, B and C, brokered ...")
        # (only the plain noun: "the alliance", not "an alliance", "the alliance of ...", "NATO's alliance")
        if [c.lower_ for c in noun.children if c.i < noun.i] != ["the"] or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return []
        return self._coalitions[noun.lemma_]

    def ends_title(self, token: Token) -> bool:
        """'Chad's national security adviser': the last word of an office acts for the
        country that holds the office, like 'minister' does."""
        if self._title_ends is None:  # found once per document, not per token
            self._title_ends = {span.end - 1 for span in self.doc.spans.get(TITLES_KEY, [])}
        return token.i in self._title_ends

    def mention_at(self, token: Token | int) -> Mention | None:
        return self.by_token.get(token if isinstance(token, int) else token.i)

    def speaker_at(self, i: int) -> EntityRef | None:
        """The speaker of token ``i``: its transcript turn's, else the heading's."""
        at = bisect_right(self.turns, (i + 1,)) - 1
        return self.turns[at][1] if at >= 0 and self.turns[at][0] <= i else self.heading_speaker

    def ref_at(self, token: Token | int) -> EntityRef | None:
        mention = self.mention_at(token)
        return mention.ref if mention else None

    def country_of(self, ref: EntityRef) -> str | None:
        """The country an actor stands for: itself, its organisation's, a person's."""
        if ref.kind == "country":
            return ref.key
        if ref.kind == "person" and ref.key in self.persons:
            person = self.persons[ref.key]
            if person.country:
                return person.country
            if person.organization and person.organization in self.orgs:
                return self.orgs[person.organization].country
        if ref.kind == "organization" and ref.key in self.orgs:
            return self.orgs[ref.key].country
        if ref.kind == "place" and ref.key in self.places:
            return self.places[ref.key].country
        return None

    def label(self, ref: EntityRef) -> str:
        if ref.kind == "person" and ref.key in self.persons:
            return self.persons[ref.key].label
        if ref.kind == "organization" and ref.key in self.orgs:
            return self.orgs[ref.key].name
        if ref.kind == "place" and ref.key in self.places:
            return self.places[ref.key].name
        if ref.kind == "country":
            return _country_name(ref.key)
        return ref.key

    def actors_of_np(self, head: Token, *, expand_conj: bool = True) -> list[EntityRef]:
        """The actors a noun phrase headed by ``head`` refers to, conjuncts included.

        "Russian President Vladimir Putin" is Putin alone; "the Ukrainian delegation" and
        "the Ethiopian Government" stand for their countries; "leaders of Fatah and Hamas"
        for Fatah and Hamas.
        """
        key = (head.i, expand_conj, self._changes)
        found = self._actors.get(key)
        if found is None:
            found = self._actors[key] = tuple(self._actors_of_np(head, expand_conj))
        return list(found)

    def _actors_of_np(self, head: Token, expand_conj: bool) -> list[EntityRef]:
        if head.lower_ == "they" and head.i not in self.by_token:
            return self._they(head)
        heads = [head]
        if expand_conj:
            heads += _closed_list(head)
            mention = self.mention_at(head)
            if mention is not None:
                # The parser may hang the coordination on another word of the name.
                for token in self.doc[mention.start:mention.end]:
                    heads += [c for c in _closed_list(token) if c not in heads]
            # "A, B, and C met": a list parsed as appositions; "between A, the B government, C
            # and D": a list of actors of every kind, the apposition going on with "and".
            # "between envoy A, the B government, C and D": no person is a government or a body, so
            # in a list going on with "and" one apposed to a person is the list's next actor.
            own = self.ref_at(head)
            if own is not None:
                for child in head.children:
                    apposed = self.ref_at(child) if child.dep_ == "appos" else None
                    if apposed is not None and (
                            apposed.kind == own.kind or any(self.ref_at(c) is not None for c in child.conjuncts)
                            or own.kind == "person" and apposed.kind in {"country", "organization"}
                            and any(self.ref_at(c) is not None for c in head.conjuncts)):
                        heads += [child, *[c for c in child.conjuncts if c not in heads]]
            # "the ministers – Minister A, Minister B –": the parse may make A the group's
            # conjunct and B the apposition of A: a list of persons.
            heads += [child for c in head.conjuncts if (r := self.ref_at(c)) is not None and r.kind == "person"
                      for child in c.children if child.dep_ == "appos" and child not in heads
                      and (a := self.ref_at(child)) is not None and a.kind == "person"]
            # (of each person listed: "A of Kenya, B of Rwanda and C of Congo" may hang C on Rwanda)
            for listed in list(heads):
                heads += [c for c in self._persons_after_of(listed) if c not in heads]
        # "the guerrilla group FNL": a common noun with no entity of its own is its apposed name.
        heads += [c for h in heads if h.pos_ == "NOUN" and self.ref_at(h) is None
                  for c in h.children if c.dep_ == "appos" and c.i == h.i + 1
                  and (r := self.ref_at(c)) is not None and r.kind == "organization" and c not in heads]
        refs: list[EntityRef] = []
        for token in heads:
            for ref in self._actors_of_single(token):
                if ref not in refs:
                    refs.append(ref)
        if expand_conj:
            refs += [r for r in self._titled_list_before(head) if r not in refs]
        return refs

    def _they(self, pronoun: Token) -> list[EntityRef]:
        """'A and B said they would mediate': a subject "they" stands for the two or more actors
        named as the subject of a clause it is said or done in ("A and B said", "A and B met and
        said they"), else as the previous sentence's subject ("A and B met. They agreed ...")."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return []
        current = pronoun.head
        for _ in range(3):
            if current.dep_ not in THEY_CLAUSE_DEPS or current.head == current:
                break
            current = current.head
            listed = self._listed_subject(current, before=pronoun.i)
            if listed:
                return listed
        sent = pronoun.sent
        if sent.start == 0 or any(t.dep_ in {"nsubj", "nsubjpass"} for t in self.doc[sent.start:pronoun.i]):
            return []
        return self._listed_subject(self.doc[sent.start - 1].sent.root, before=pronoun.i)

    def _listed_subject(self, verb: Token, *, before: int) -> list[EntityRef]:
        """The actors of a verb's subject when it lists two or more of them, is a body named in
        the plural or an armed group ("the Houthis (the Taliban) said they"), or a team of
        theirs ("A European Union team arrived. They met ..."), else none."""
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i < before:
                refs = self.actors_of_np(child)
                if child.conjuncts:
                    return refs if len(refs) >= 2 else []
                if child.lower_ in DELEGATION_NOUNS and child.lower_ not in {"side", "camp", "ministry"} \
                        and all(r.kind in {"country", "organization"} for r in refs):
                    return refs
                org = self.orgs.get(refs[0].key) if len(refs) == 1 and refs[0].kind == "organization" else None
                plural_body = org is not None and (child.tag_ in {"NNS", "NNPS"} or child.lower_.endswith("s")
                                                   or org.kind == "armed_group")
                return refs if plural_body else []
        return []

    def _titled_list_before(self, head: Token) -> list[EntityRef]:
        """'President A and Foreign Minister B': the parser may make A a modifier of B's name;
        the persons named before the head's name in its own phrase, joined to it by "and"."""
        mention = self.mention_at(head)
        if mention is None or mention.ref.kind != "person":
            return []
        by_token = self.by_token
        if not any((other := by_token.get(i)) is not None and other.ref.kind == "person" and other.ref != mention.ref
                   for i in range(head.left_edge.i, mention.start)):
            return []  # no other person named in the phrase before the head's name (most heads)
        found: list[EntityRef] = []
        for token in head.subtree:
            if token.i >= mention.start:
                break
            other = self.mention_at(token)
            if other is None or other.ref.kind != "person" or other.ref == mention.ref or other.ref in found:
                continue
            between = self.doc[other.end:mention.start]
            if any(t.lower_ == "and" for t in between) and not any(t.pos_ in {"VERB", "AUX"} for t in between):
                found.append(other.ref)
        return found

    def owner(self, token: Token) -> EntityRef | None:
        """Who a possessive names: its own entity, for "his" or "her" the person named last
        before it in its sentence, for "its" the country or organisation named last there."""
        ref = self.ref_at(token)
        if ref is not None or token.lower_ not in {"his", "her", "its"}:
            return ref
        kinds = {"country", "organization"} if token.lower_ == "its" else {"person"}
        owners = [r for t in self.doc[token.sent.start:token.i] for r in [self.ref_at(t)]
                  if r is not None and r.kind in kinds]
        return owners[-1] if owners else None

    def _actors_of_single(self, head: Token) -> list[EntityRef]:
        # "his Belarusian counterpart, Alexander Lukashenko": the apposition names the person.
        for child in head.children:
            if child.dep_ == "appos" and self.ref_at(head) is None:
                # "the country's largest rebel group, FARC-EP": the apposition names it;
                # "the foreign ministers, Ana Gil, Luis Tapia": a list of them (also by the
                # title phrases that stand for them: "members, former President of Chile Ana Gil").
                ref = self._named_or_titled(child)
                if ref is not None and ref.kind in {"person", "organization", "country"}:
                    listed = [ref]
                    for other in [*child.conjuncts, *(a for a in child.children if a.dep_ == "appos")]:
                        more = self._named_or_titled(other)
                        if more is not None and more.kind == ref.kind and more not in listed:
                            listed.append(more)
                    if head.tag_ in {"NNS", "NNPS"}:
                        # "the lead negotiators, A and B": the parse may hang B on the group noun
                        # as a second apposition, or make A a modifier inside B's phrase.
                        others = [self._named_or_titled(a) for a in head.children if a.dep_ == "appos" and a != child]
                        others += self._titled_list_before(child)
                        others += [self.ref_at(c) for c in self._persons_after_of(child)]
                        listed += [r for r in dict.fromkeys(others) if r is not None and r.kind == ref.kind
                                   and r not in listed]
                        return listed
                    # "Sudan's army chief X and RSF leader Y": the name's conjuncts are listed too,
                    # and a name the parse makes a modifier of the other name ("army chief [X and
                    # RSF commander] Y").
                    # ("Foreign Minister A and his B counterpart C": the conjunct is a noun whose
                    # own apposition names the person)
                    named = [c for c in child.children if c.dep_ == "nmod" and c.i < child.i]
                    named += self._persons_after_of(child)
                    return [ref, *(r for c in [*child.conjuncts, *named] for r in [self._named_or_apposed(c)]
                                   if r is not None and r.kind == "person" and r != ref)]
        ref = self.ref_at(head)
        if ref is not None and ref.kind == "organization":
            # "the MDC of Rosa Campos": the body and the person it is said to be of, as with
            # "the FPR party of President X" (its leader)
            mention = self.mention_at(head)
            words = self.doc[mention.start:mention.end] if mention is not None else [head]
            leaders = [r for t in words for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                       for c in p.children
                       if c.dep_ == "pobj" and (r := self.ref_at(c)) is not None and r.kind == "person"]
            return [ref, *self._coordinated_groups(head, ref), *leaders]
        if ref is not None and ref.kind != "place":
            return [ref, *self._coordinated_groups(head, ref)]
        after = self.mention_at(head.i + 1) if head.i + 1 < len(self.doc) else None
        if ref is None and head.tag_ == "NN" and after is not None and after.start == head.i + 1 \
                and after.ref.kind == "person":
            # "met his Kenyan counterpart Alice Otieno": a title right before a name is the
            # named person, however the parser hangs the name.
            return [after.ref]
        if ref is None and head.i in self.title_owner:
            return [EntityRef("person", self.title_owner[head.i])]
        if ref is None and head.i in self.title_holders:
            return [EntityRef("person", key) for key in self.title_holders[head.i]]
        if ref is not None and ref.kind == "place":
            return []
        if head.lower_ == "capital" and ref is None:
            # "Doha, the Qatari capital, which hosted the talks": a capital stands for its country.
            owners = [r for c in head.children if c.dep_ in {"amod", "poss", "compound"}
                      for r in [self.ref_at(c)] if r is not None and r.kind == "country"]
            if owners:
                return owners[:1]
        if head.lower_ in OWN_COUNTRY_NOUNS:
            # "his country's mediation", "her government": the country of the person referred to.
            owners = [r for c in head.children if c.dep_ == "poss" for r in [self.owner(c)]
                      if r is not None and r.kind == "person"]
            country = self.country_of(owners[0]) if owners else None
            if country is None and any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in head.children):
                # "Iran's foreign minister said his country ...": the office-holder's country.
                holders = [r for t in self.doc[head.sent.start:head.i] if t.dep_ == "poss"
                           for r in [self.ref_at(t)] if r is not None and r.kind == "country"]
                country = holders[-1].key if holders else None
            if country:
                return [EntityRef("country", country)]
        lower = head.lower_
        found: list[EntityRef] = []
        if lower in GOVERNMENT_NOUNS or lower in MEMBER_NOUNS or head.pos_ in {"NOUN", "PROPN"}:
            via_of: list[EntityRef] = []
            for child in head.children:
                # "diplomats from Chile and Peru" are theirs, as "officials of Chile" are.
                of_words = {"of", "from"} if lower in MEMBER_NOUNS | GOVERNMENT_NOUNS else {"of"}
                if lower in SEATED_GOVERNMENT_NOUNS and child.dep_ == "prep" and child.lower_ == "in" and any(
                        (r := self.ref_at(c)) is not None and r.kind == "country" for c in child.children):
                    of_words = of_words | {"in"}  # "the government in Kabul" is Afghanistan's
                if lower in SPEAKING_FOR_NOUNS:  # "negotiators for Kyiv and Moscow" speak for them
                    of_words = of_words | {"for"}
                if child.dep_ == "prep" and head.ent_type_ != "PERSON" and affiliation_after_name(child):
                    continue  # ("talks between A, of the ruling party, and B": A's party, not the talks')
                if child.dep_ in MODIFIER_DEPS or (child.dep_ == "prep" and child.lower_ in of_words):
                    targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                    for target in targets:
                        coordination = [(t, self.ref_at(t)) for t in [target, *target.conjuncts]]
                        if child.dep_ == "nmod" and any(r is not None and r.kind == "organization"
                                                        for _, r in coordination):
                            # "U.S. and EU observers": a country named (no demonym) beside a body is an actor too
                            via_of += [r for t, r in coordination if r is not None and r.kind == "country"
                                       and (m := self.mention_at(t)) is not None and m.via != "demonym"]
                        for t in [target, *target.conjuncts]:
                            sub = self.ref_at(t)
                            if sub is None and t.dep_ == "pobj" or (sub is None and t.pos_ in {"NOUN", "PROPN"}):
                                own = [r for r in self._actors_of_single(t) if r not in found]
                                found.extend(own)
                                if t.lower_ in ARMED_STATE_NOUNS:
                                    # "representatives of the Sudanese army and the RSF": a state's
                                    # forces are a side beside the group, not a demonym of it
                                    via_of += [r for r in own if r.kind == "country"]
                            elif sub is not None and sub.kind != "place" and sub not in found:
                                found.append(sub)
                                # "the heads of the Ugandan and Rwandan delegations": both groups
                                coordinated = [r for r in self._coordinated_groups(t, sub) if r not in found]
                                found += coordinated
                                via_of += coordinated
                                mention = self.mention_at(t)
                                # (and "between the Congolese government and M23 rebels", parsed
                                # with the government a modifier of "rebels": a government named)
                                if child.dep_ == "prep" or mention is not None and mention.via in GROUP_VIAS:
                                    via_of.append(sub)
            # A common noun modified by a person ("Putin's team", "his counterparts") is not
            # that person.
            if head.pos_ == "NOUN":
                found = [r for r in found if r.kind != "person" or r in via_of]
            # "the Palestinian Fatah and Hamas factions": the demonym only says whose they are
            # ("negotiators from Israel and Hamas" name both).
            if any(r.kind == "organization" for r in found):
                found = [r for r in found if r.kind != "country" or r in via_of]
            # "Sudanese civilians", "Ukrainian children" are not the state ("a group of
            # Moroccan diplomats" is: the diplomats are).
            if head.pos_ == "NOUN" and lower not in GOVERNMENT_NOUNS | MEMBER_NOUNS | STATE_NOUNS \
                    and not self.ends_title(head):
                found = [r for r in found if r.kind != "country" or r in via_of]
        if not found and lower in COALITION_WORDS:
            found = self.coalition_members(head)
        if not found and lower in LOYAL_NOUNS:
            # "forces loyal to General X": those X commands stand for X
            found = [r for c in head.children if c.dep_ == "amod" and c.lower_ == "loyal"
                     for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                     for o in p.children if o.dep_ == "pobj" for r in self.actors_of_np(o)]
        if not found and head.pos_ == "NOUN" and lower not in COALITION_WORDS:
            # "officials of the UN-led mission": a body an organisation leads is the
            # organisation's (a "Saudi-led group" of states is more than the one that leads it)
            doc = head.doc
            found = [r for c in head.children if c.dep_ in {"amod", "compound"} and c.lower_ == "led" and c.i >= 2
                     and doc[c.i - 1].text in {"-", "‐"} and (r := self.ref_at(c.i - 2)) is not None
                     and r.kind == "organization"]
        return found


    def _named_or_titled(self, token: Token) -> EntityRef | None:
        ref = self.ref_at(token)
        if ref is None and token.i in self.title_owner:
            return EntityRef("person", self.title_owner[token.i])
        return ref

    def _persons_after_of(self, token: Token) -> list[Token]:
        """'A of Kenya and B of Uganda': the parse may join B to A's country, not to A; the
        persons so joined to the object of a person's of-phrase, or made a second object of it
        ("A of the ruling party and opposition leader B")."""
        own = self.ref_at(token)
        if own is None or own.kind != "person":
            return []
        found = []
        for prep in (p for p in token.children if p.dep_ == "prep" and p.lower_ in {"of", "from"}):
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            for o in objects[:1] if (r := self.ref_at(objects[0]) if objects else None) is not None \
                    and r.kind in {"country", "organization"} else []:
                found += [c for c in (*o.conjuncts, *objects[1:])
                          if (cr := self.ref_at(c)) is not None and cr.kind == "person"]
        return found

    def _named_or_apposed(self, token: Token) -> EntityRef | None:
        """A name or title phrase's person, or a common noun's whose apposition names it ("his
        counterpart, C")."""
        ref = self._named_or_titled(token)
        if ref is None and token.pos_ == "NOUN":
            ref = next((r for c in token.children if c.dep_ == "appos"
                        for r in [self._named_or_titled(c)] if r is not None and r.kind == "person"), None)
        return ref

    def _coordinated_groups(self, head: Token, ref: EntityRef) -> list[EntityRef]:
        """'senior Chilean and Peruvian officials': a group named by its first country is
        also the group of the countries coordinated with it."""
        mention = self.mention_at(head)
        if mention is None or mention.via not in GROUP_VIAS:
            return []
        found: list[EntityRef] = []
        # "officials of Chile, Peru and Bolivia": the of-object's conjuncts and appositions.
        objects = [c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                   if c.dep_ == "pobj"]
        for child in [*head.children, *objects]:
            if child.dep_ in MODIFIER_DEPS or child in objects:
                listed = [*child.conjuncts, *(a for a in child.children if a.dep_ == "appos")]
                listed += [c for a in listed for c in a.conjuncts if c not in listed]
                for conjunct in listed:
                    other = self.ref_at(conjunct) or self._body_modifying(conjunct)
                    # "officials of A, the B Authority and C": bodies too.
                    if other is not None and other.kind == "organization" and other != ref \
                            and other not in found:
                        found.append(other)
                    if other is not None and other.kind == "country":
                        if ref.kind == "organization":  # a delegation stands for its country
                            other_org = EntityRef("organization", f"delegation-{other.key.lower()}")
                            other = other_org if other_org.key in self.orgs else other
                        if other != ref and other not in found:
                            found.append(other)
        return found

    def _body_modifying(self, noun: Token) -> EntityRef | None:
        """'(representatives of A and) the M23 movement': a common noun named by the body that
        modifies it stands for that body."""
        if noun.pos_ != "NOUN":
            return None
        return next((r for c in noun.children if c.dep_ in {"compound", "nmod"}
                     for r in [self.ref_at(c)] if r is not None and r.kind == "organization"), None)

# How a group named by its country was recognised ("the Chilean government", "Peruvian officials").
GROUP_VIAS = frozenset({"government", "officials", "delegation"})


@lru_cache(maxsize=1 << 15)
def variant_key(part: str) -> str:
    """One key for transliteration variants: Zelensky, Zelenskiy, Zelenskyy, Zelenskyi."""
    part = fold(part)
    part = re.sub(r"^(al|el|ul|ad|ar|as|at|az)[-‐]", "", part)
    part = re.sub(r"[^a-z]", "", part)
    part = re.sub(r"(iy|yy|yi|ii|ij|y|i)$", "y", part)
    part = part.replace("kh", "h").replace("dh", "d").replace("ou", "u").replace("ph", "f")
    return part


def _slug_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


# Participles that define a group by its members: "the troika, made up of (comprising,
# consisting of) A, B and C".
MEMBERS_VERBS = frozenset({"make", "comprise", "compose", "consist", "form"})


def _members_defined(group: Token) -> list[Token]:
    """The words of the members a group noun is defined by: "the troika, made up of A, B and
    C", "the quartet comprising A, B, C and D"; or "A, B and C, known as the troika"."""
    listed = [t for v in group.children if v.dep_ in {"acl", "relcl"} and v.lemma_ in MEMBERS_VERBS
              for c in [*v.children, *(g for p in v.children if p.dep_ in {"prep", "prt"} for g in p.children),
                        *(g for p in v.children if p.dep_ == "prt" for q in p.children for g in q.children)]
              if c.dep_ in {"dobj", "pobj"} for t in (c, *c.conjuncts)]
    if not listed and group.dep_ == "pobj" and group.head.lower_ == "as" and group.head.head.lemma_ == "know" \
            and group.head.head.dep_ == "acl":
        named = group.head.head.head
        listed = [named, *named.conjuncts]
    return listed


def index_entities(doc: Doc) -> DocIndex:
    """Index countries, organisations, places and named people of a Doc."""
    from kg.reference import gazetteer

    index = DocIndex(doc)
    taken_titles = {i for span in doc.spans.get(TITLES_KEY, []) for i in range(span.start, span.end)}
    # Countries first: tables beat the statistical model.
    for span in doc.spans.get(COUNTRIES_KEY, []):
        alpha3 = span.id_
        if span.label_ == "capital" and _is_location_use(span):
            _add_place(index, span, alpha3)
            continue
        if span.label_ == "demonym" and span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
            continue  # "ethnic Albanian leaders" are of a people, not of the state
        index.countries.add(alpha3)
        index.add(Mention(span.start, span.end, EntityRef("country", alpha3), span.label_))
    for span in doc.spans.get(ORGS_KEY, []):
        entry = gazetteer.lookup_org(span.text)
        if entry is None:
            continue
        if _anothers_institution(index, span, entry.country):
            _add_local_org(index, span)
            continue
        info = index.orgs.setdefault(entry.key, OrgInfo(entry.key, entry.name, entry.kind, entry.country,
                                                        wikidata=entry.wikidata))
        if fold(span.text) != fold(entry.name):
            info.aliases.add(span.text)
        index.add(Mention(span.start, span.end, EntityRef("organization", entry.key), "table"))
    _index_fused_modifiers(index)
    _index_groups(index)
    _index_people(index, taken_titles)
    _reconcile_names(index)
    _surnames_over_tables(index)
    _bare_name_parts(index)
    for ent in index.ents:
        if ent.label_ in PLACE_LABELS and index.mention_at(ent.start) is None:
            _add_place(index, ent, None)
        elif ent.label_ == "ORG" and (index.mention_at(ent.start) is None or _country_led_name(index, ent)):
            _add_ner_org(index, ent)
    _locate_places(index)
    _locate_places(index)
    index.sort_mentions()
    _leaders_of_bodies(index)
    return index


def _leaders_of_bodies(index: DocIndex) -> None:
    """'the Unity Party of President X', 'the Front of X': a body said to be a person's is the
    body that person leads (their organisation, unless the roles gave one)."""
    for mention in index.mentions:
        body = index.orgs.get(mention.ref.key) if mention.ref.kind == "organization" else None
        if body is None or body.kind in {"international", "media"}:
            continue
        for prep in index.doc[mention.end - 1].children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for name in prep.children:
                ref = index.ref_at(name) if name.dep_ == "pobj" else None
                person = index.persons.get(ref.key) if ref is not None and ref.kind == "person" else None
                if person is not None and person.organization is None:
                    person.organization = body.key


INSTITUTION_WORDS = frozenset(line.strip() for line in read_table("institution_words.tsv").splitlines()
                              if line.strip() and not line.startswith("#") and line.strip() != "word")


def _anothers_institution(index: DocIndex, span: Span, country: str | None) -> bool:
    """"the House of Representatives", "Congress" in a document naming Libya and not the United
    States: a one-country body's alias that names no country of its own, in a document that never
    names that country, is another country's body of the same name (kept as the text's own)."""
    from kg.reference import gazetteer

    if country is None or country in index.countries:
        return False
    words = [t.lower_ for t in span if not t.is_punct]
    return bool(words) and all(w in INSTITUTION_WORDS for w in words) and not any(
        gazetteer.lookup_country(t.text, allow_codes=False) for t in span)


def _index_fused_modifiers(index: DocIndex) -> None:
    """'U.S.-brokered', 'U.N.-backed': a dotted abbreviation the tokenizer keeps in one token
    with the participle after its hyphen names the country or organisation before it."""
    from kg.reference import gazetteer

    for token in index.tokens_where(lambda form: "-" in form and "." in form):
        name, hyphen, rest = token.text.rpartition("-")
        if not hyphen or "." not in name or not rest.isalpha() or not rest.islower() or token.i in index.by_token:
            continue
        country = gazetteer.lookup_country(name, allow_codes=False)
        if country is not None:
            index.countries.add(country.entry.alpha3)
            index.add(Mention(token.i, token.i + 1, EntityRef("country", country.entry.alpha3), "fused"))
            continue
        entry = gazetteer.lookup_org(name)
        if entry is not None:
            info = index.orgs.setdefault(entry.key, OrgInfo(entry.key, entry.name, entry.kind, entry.country,
                                                            wikidata=entry.wikidata))
            info.aliases.add(name)
            index.add(Mention(token.i, token.i + 1, EntityRef("organization", entry.key), "fused"))


DATELINE_DASHES = frozenset({"--", "—", "–", "-"})


# The most words a headline line has (what comes before the first line break, with no full stop).
MAX_HEADLINE_TOKENS = 20


def headline_end(doc: Doc) -> int:
    """Where a headline line ends (the first line break within its first words, after no full
    stop): 0 when the text opens with no headline.  Its titles and names may be told below it."""
    end = next((t.i for t in doc[:MAX_HEADLINE_TOKENS] if t.is_space and "\n" in t.text), 0)
    return 0 if end and doc[end - 1].text in {".", "!", "?"} else end


def dateline_end(span: Span) -> int | None:
    """Where the dateline a span opens ends (the dash after it), else None: "NAIROBI --",
    "Geneva (Reuters) -", "LIMA, May 2 (AFP) —" say where (and when) the story was filed."""
    doc = span.doc
    if not doc[span.start].is_sent_start:  # (kg_paragraphs starts a sentence at every line)
        return None
    after = span.end
    if after < len(doc) and doc[after].text == ",":  # ", May 2": the filing date; ", Kenya": the country
        after += 1
        kind = doc[after].ent_type_ if after < len(doc) and doc[after].ent_type_ in {"DATE", "GPE"} else "DATE"
        while after < len(doc) and doc[after].ent_type_ == kind:
            after += 1
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":  # "(Reuters)"
        after += 3
    return after if after < len(doc) and doc[after].text in DATELINE_DASHES else None


def _is_location_use(span: Span) -> bool:
    """'talks in Minsk' names a place; 'Minsk denied' names the government."""
    root = span.root
    if dateline_end(span) is not None:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"from", "to"} and _carries_a_message(root.head.head):
        return False  # "a message from Washington to Tehran": the governments write and read it
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in SEATED_GOVERNMENT_NOUNS:
        return False  # "the government in Kabul": the government the capital stands for
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "to", "from", "near", "into", "via", "outside",
                                                    "inside", "toward", "towards", "around"}:
        return True
    return root.dep_ in {"appos"} and root.head.ent_type_ in PLACE_LABELS


# What one government sends another: "a message from Washington to Tehran".
MESSAGE_WORDS = frozenset({"message", "messages", "proposal", "proposals", "offer", "response", "reply", "letter",
                           "demands", "warning", "note", "invitation"})


def _carries_a_message(head: Token) -> bool:
    """Whether a from/to phrase on ``head`` tells where a message goes: on the message noun,
    or on a verb whose object it is ("passed a message from A to B")."""
    if head.lemma_ in MESSAGE_WORDS or head.lower_ in MESSAGE_WORDS:
        return True
    return head.pos_ in {"VERB", "AUX"} and any(c.dep_ == "dobj" and c.lower_ in MESSAGE_WORDS for c in head.children)


def _add_place(index: DocIndex, span: Span, country: str | None) -> None:
    from kg.reference import gazetteer

    name = _strip_determiner(span).text
    if not name:
        return
    # "Kiev" and "Kyiv", "Gomel" and "Homyel'" are one place, in this document and across
    # sources: the key is the table's name, the label the document's.
    key = _slug_key(gazetteer.canonical_place_name(name))
    info = index.places.setdefault(key, PlaceInfo(key, name, country))
    if info.name.isupper() and not name.isupper():
        info.name = name  # "ISLAMABAD, June 9 -": a dateline's capitals give way to the name as written
    if country and not info.country:
        info.country = country
    index.add(Mention(span.start, span.end, EntityRef("place", key), "place"))


def _strip_determiner(span: Span) -> Span:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    end = span.end
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _add_ner_org(index: DocIndex, ent: Span) -> None:
    span = _strip_determiner(ent)
    if not span.text or span.text.lower() in {"parliament", "government"}:
        return
    # An ORG that is a title run-on ("Foreign Ministry spokesperson") is not an organisation,
    # nor a headline's capitals ("Ortiz Says Trade Talks").
    if all(t.i in index.by_token or t.is_punct for t in span) or any(t.lower_ in HEADLINE_VERBS - {"to"}
                                                                   for t in span):
        return
    titles = index.title_tokens()
    # ("the Office of the UN Special Envoy": an office named by its title is a body, with the
    # place the title is for: "... for Yemen")
    office = span[0].lower_ in OFFICE_NOUNS and len(span) > 3 and span[1].lower_ == "of"
    if any(t.i in titles for t in span) and not office:
        return
    if office:
        named = _with_the_place_it_is_for(index, span)
        if named.end > span.end or any(t.i in index.by_token for t in named):
            _add_own_org_over(index, named, None)
            return
    from kg.reference import gazetteer

    if _country_led_name(index, span):
        # "the Chadian National Liberation Front": a body of its own, named after its country
        _add_own_org_over(index, span, index.ref_at(span.start).key)  # type: ignore[union-attr]
        return
    if len(span) == 1 and span.end < len(index.doc) and index.doc[span.end].lower_ in ARMED_MEMBER_NOUNS \
            and span.end not in index.by_token and _people_word(span[0].text):
        _add_named_forces(index, index.doc[span.start:span.end + 1])
        return
    entry = gazetteer.lookup_org(span.text)
    if entry is not None and not _anothers_institution(index, span, entry.country):
        # A table's organisation the rules missed for its spelling ("Lord’s" with a curly
        # apostrophe, split by the tokenizer): the table's, not a second one of its own.
        info = index.orgs.setdefault(entry.key, OrgInfo(entry.key, entry.name, entry.kind, entry.country,
                                                        wikidata=entry.wikidata))
        if fold(span.text) != fold(entry.name):
            info.aliases.add(span.text)
        index.add(Mention(span.start, span.end, EntityRef("organization", entry.key), "table"))
        return
    longer = _named_in_full_before(index, span)
    if longer is not None:
        index.add(Mention(span.start, span.end, EntityRef("organization", longer), "ner"))
        return
    _add_local_org(index, span)


def _named_in_full_before(index: DocIndex, span: Span) -> str | None:
    """'the Eastern Liberation Front ... Front spokesman X': the one word of a kind of body
    ("Front", "Movement", "Party") that ends the name of one organisation of the document is
    that organisation, told short (a longer short form, "National Democratic Alliance Army"
    beside "Myanmar National ...", may be another body)."""
    words = fold(span.text).split()
    if len(words) != 1 or words[0] not in ORG_HEAD_WORDS:
        return None
    found = {key for key, org in index.orgs.items() if len(name := fold(org.name).split()) > 1 and name[-1] == words[0]}
    return found.pop() if len(found) == 1 else None


# Nouns of a group a document names by its members: "the alliance", "the bloc".
COALITION_WORDS = words_of("coalition_words.tsv", "coalition")
# Nouns of a body named after the office it serves: "the Office of the UN Special Envoy".
OFFICE_NOUNS = frozenset({"office", "mission", "secretariat", "bureau"})
# Lower-case words inside a body's name: "National Union for the Liberation of ...".
NAME_JOINING_WORDS = frozenset({"of", "and", "the", "for"})


def _country_led_name(index: DocIndex, ent: Span) -> bool:
    """Whether a name the model reads as one organisation opens with a country or demonym and
    goes on with a body's own name, not a state body's words: "the Chadian National Liberation
    Front", "the Chad National Democratic Alliance Army" (not "the Chadian Foreign Ministry",
    "the Chadian Government")."""
    span = _strip_determiner(ent)
    first = index.mention_at(span.start) if len(span) else None
    if first is None or first.ref.kind != "country" or first.end >= span.end:
        return False
    rest = [t for t in index.doc[first.end:span.end] if not t.is_punct]
    if len(rest) < 2 or not all(t.text[:1].isupper() or t.lower_ in NAME_JOINING_WORDS for t in rest):
        return False
    if any(t.i in index.by_token and index.by_token[t.i].ref.kind != "organization" for t in rest):
        return False
    plain = INSTITUTION_WORDS | GOVERNMENT_NOUNS | MEMBER_NOUNS | STATE_NOUNS
    return any(t.text[:1].isupper() and t.lower_ not in plain for t in rest)


def _with_the_place_it_is_for(index: DocIndex, span: Span) -> Span:
    """An office's name with the "for <place>" that ends it, where the model's name stops before."""
    doc = index.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "for":
        j = end + 1 + (doc[end + 1].lower_ == "the")
        place = index.mention_at(j) if j < len(doc) else None
        if place is not None and place.ref.kind in {"country", "place"}:
            return doc[span.start:place.end]
        if place is None and j < len(doc) and doc[j].ent_type_ in PLACE_ENTS:  # (places are indexed later)
            k = j + 1
            while k < len(doc) and doc[k].ent_iob_ == "I":
                k += 1
            return doc[span.start:k]
    return span


# Plural nouns of armed men a people's or region's name before them makes an armed side: "Tigrayan forces".
ARMED_MEMBER_NOUNS = frozenset({"forces", "fighters", "rebels", "militias", "militia", "militants", "insurgents"})
PEOPLE_WORD_ENDINGS = ("an", "ese", "ish", "i")


def _people_word(word: str) -> bool:
    """A word shaped like a people's or region's adjective ("Tigrayan", "Kurdish"), not a
    group's own name or acronym ("the FLA rebels" are the FLA)."""
    return not word.isupper() and word.lower().endswith(PEOPLE_WORD_ENDINGS)


def _add_named_forces(index: DocIndex, span: Span) -> None:
    """'Tigrayan forces' (the model's organisation "Tigrayan"): an armed side named by its people
    or region, the noun of armed men included in its name; its country is the region's, when
    the places table knows the word or its stem ("Tigrayan" for Tigray)."""
    from kg.reference import gazetteer

    word = span[0].text
    place = next((p for stem in (word, word[:-2], word[:-1]) if len(stem) > 3
                  and (p := gazetteer.lookup_place(stem)) is not None), None)
    key = _slug_key(span.text)
    index.orgs.setdefault(key, OrgInfo(key, span.text, "armed_group", place.alpha3 if place else None))
    index.add(Mention(span.start, span.end, EntityRef("organization", key), "ner"))


def _add_own_org_over(index: DocIndex, span: Span, country: str | None) -> None:
    """A body of the text's own named by ``span``, over the mentions inside its name (an office
    "for Yemen", the country that opens "the Chadian National Liberation Front")."""
    key = _slug_key(span.text)
    index.orgs.setdefault(key, OrgInfo(key, span.text, "other", country))
    index.replace(Mention(span.start, span.end, EntityRef("organization", key), "ner"))


def _add_local_org(index: DocIndex, span: Span) -> None:
    """An organisation of the text's own, not in the tables, keyed by its name."""
    key = _slug_key(span.text)
    country = _country_modifier(index, span) or _country_before(index, span.start)
    kind = "ministry" if "ministry" in span.text.lower() else "other"
    index.orgs.setdefault(key, OrgInfo(key, span.text, kind, country))
    index.add(Mention(span.start, span.end, EntityRef("organization", key), "ner"))


def _country_before(index: DocIndex, start: int) -> str | None:
    """The country right before a name, as a possessive or an adjective: "Libya's (the
    Libyan) House of Representatives"."""
    doc = index.doc
    at = start - 2 if start >= 2 and doc[start - 1].lower_ in {"'s", "’s"} else start - 1
    ref = index.ref_at(doc[at]) if at >= 0 else None
    return ref.key if ref is not None and ref.kind == "country" else None


def _country_modifier(index: DocIndex, span: Span) -> str | None:
    for token in span:
        ref = index.ref_at(token)
        if ref is not None and ref.kind == "country":
            return ref.key
    return None


def _index_groups(index: DocIndex) -> None:
    """Delegations and governments named by their country: 'the Ukrainian delegation'.

    The group is recorded as an organisation (a delegation) or, for a government, as a
    mention of the country itself: analysts write a government as its country.
    """
    doc = index.doc
    for token in index.tokens_in(GOVERNMENT_NOUNS, DELEGATION_NOUNS):
        lower = token.lower_
        if token.i in index.by_token:
            continue
        country: str | None = None
        named: Token | None = None  # the word of the country's name
        modifiers = [(ref.key, child) for child in token.children if child.dep_ in MODIFIER_DEPS
                     and (ref := index.ref_at(child)) is not None and ref.kind == "country"]
        if len({key for key, _ in modifiers}) > 1:
            continue  # ("Qatari and Egyptian officials": two countries' people, read from the phrase)
        if modifiers:
            country, named = modifiers[-1]
        if country is None:
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            for prep in of:
                for pobj in prep.children:
                    ref = index.ref_at(pobj)
                    if pobj.dep_ == "pobj" and ref is not None and ref.kind == "country":
                        country, named = ref.key, pobj
                # "the government of A and opposition parties": the parse may make A a modifier
                # of the phrase after it; the country named right after "of" is still the owner
                after = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
                ref = index.ref_at(after) if country is None and after is not None else None
                if ref is not None and ref.kind == "country" and after is not None and after.dep_ in MODIFIER_DEPS:
                    country, named = ref.key, after
        if country is None or named is None:
            continue
        left = min([token.i] + [c.i for c in token.children if c.dep_ in MODIFIER_DEPS | {"det"}])
        if lower in REGION_GOVERNMENT_NOUNS and _regional_government(index, token, named):
            continue
        if lower in GOVERNMENT_NOUNS:
            index.add(Mention(token.i, token.i + 1, EntityRef("country", country), "government"))
        elif lower in {"delegation", "delegations", "team", "negotiators", "side", "camp"}:
            key = f"delegation-{country.lower()}"
            index.orgs.setdefault(key, OrgInfo(key, f"{_country_name(country)} delegation", "delegation",
                                               country))
            index.orgs[key].aliases.add(doc[left:token.i + 1].text)
            index.add(Mention(token.i, token.i + 1, EntityRef("organization", key), "delegation"))
        else:
            index.add(Mention(token.i, token.i + 1, EntityRef("country", country), "officials"))


# A region's own government, not its country's: "the Southern Sudan regional government",
# "the Government of Northern Kivu", "the provincial government of Aceh".
REGION_GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities"})
REGIONAL_WORDS = frozenset({"regional", "provincial", "autonomous"})
# Capitalised words that make a part of a country a region's name: "Southern Sudan".
REGION_COMPASS_WORDS = frozenset({"Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"})


def _regional_government(index: DocIndex, government: Token, named: Token) -> bool:
    """Record "the Southern Sudan regional government" (the Government of Southern Sudan) as
    an organisation of its own, named by its phrase, when the government is called regional or
    the country's name is a region's ("Southern" before it); whether it was one."""
    doc = index.doc
    mention = index.mention_at(named)
    start = mention.start if mention is not None else named.i
    end = mention.end if mention is not None else named.i + 1
    compass = start > 0 and doc[start - 1].text in REGION_COMPASS_WORDS
    if not compass and not any(c.dep_ == "amod" and c.lower_ in REGIONAL_WORDS for c in government.children):
        return False
    start -= int(compass)
    # "the Southern Sudan regional government" or "the Government of Southern Sudan"
    span = doc[min(start, government.i):max(end, government.i + 1)]
    span = _strip_determiner(span)
    key = _slug_key(span.text)
    index.orgs.setdefault(key, OrgInfo(key, span.text, "other", None))
    index.add(Mention(government.i, government.i + 1, EntityRef("organization", key), "government"))
    return True


def affiliation_after_name(prep: Token) -> bool:
    """'talks between President A, of the ruling party, and B': an "of" phrase right after a
    person's name (or the comma after it) is the person's own party or country, whatever word
    the parse hangs it on."""
    before = prep.i - 1
    if before > 0 and prep.doc[before].text == ",":
        before -= 1
    return before >= 0 and prep.doc[before].ent_type_ == "PERSON"


def _country_name(alpha3: str) -> str:
    from kg.reference import gazetteer

    entry = gazetteer.country_by_code(alpha3)
    return entry.name if entry else alpha3


def _locate_places(index: DocIndex) -> None:
    """Learn a place's country from the tables and from the text itself.

    'the Belarusian city of Gomel', 'Jeddah, Saudi Arabia', 'Busan in South Korea'.
    """
    from kg.reference import gazetteer

    doc = index.doc
    for mention in index.mentions:
        if mention.ref.kind != "place":
            continue
        info = index.places[mention.ref.key]
        stated = _stated_country(index, mention.end)
        if stated is not None:  # what the text says outranks the tables ('Tripoli, Lebanon')
            info.country = stated
            continue
        if info.country:
            continue
        match = gazetteer.lookup_country(info.name)
        if match is not None:
            info.country = match.entry.alpha3
            continue
        words = info.name.split()
        if len(words) > 1 and words[-1].lower() in PLACE_SUFFIXES:
            core = index.places.get(_slug_key(" ".join(words[:-1])))
            if core is not None and core.country:
                info.country = core.country
                continue
        root = doc[mention.start:mention.end].root
        # 'the Belarusian city of Gomel': of -> city <- amod Belarusian
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in {
            "city", "town", "region", "province", "village", "capital", "port", "district", "resort",
        }:
            for child in root.head.head.children:
                ref = index.ref_at(child)
                if ref is not None and ref.kind == "country":
                    info.country = ref.key
        # Last, the place table: what the text says ('Hyderabad, Pakistan') outranks it.
        if not info.country:
            place = gazetteer.lookup_place(info.name)
            if place is None and len(words) > 1 and words[-1].lower() in PLACE_SUFFIXES:
                place = gazetteer.lookup_place(" ".join(words[:-1]))  # 'Donetsk region'
            if place is not None:
                info.country = place.alpha3


def _stated_country(index: DocIndex, end: int) -> str | None:
    """The country written right after a place: 'Jeddah, Saudi Arabia', 'Busan in South Korea'."""
    doc = index.doc
    if end + 1 < len(doc) and doc[end].text in {",", "in"}:
        ref = index.ref_at(end + 1)
        if ref is None and end + 2 < len(doc) and doc[end + 1].lower_ == "the":
            ref = index.ref_at(end + 2)
        if ref is not None and ref.kind == "country":
            return ref.key
    return None


# --- people -------------------------------------------------------------------------


def _person_spans(index: DocIndex, taken_titles: set[int]) -> Iterator[Span]:
    """Names of people: the model's PERSON entities, and capitalised names right after a title.

    The small model misses or mislabels many names in diplomatic prose ("President of
    Turkey Recep Tayyip Erdogan" untagged, "President Thabo Mbeki" as a place); a run of
    capitalised words after a title is a name whatever the model said.
    """
    from kg.reference import gazetteer

    doc, tokens = index.doc, index.tokens
    candidates: list[tuple[int, int]] = []
    for ent in index.ents:
        if ent.label_ != "PERSON" and not (ent.label_ in {"ORG", "GPE", "NORP", "LOC", "FAC"}
                                           and _named_beside_title(ent, taken_titles)):
            continue
        # ("briefings from Special Envoy Pierre Lambert": a name right after a title is a person's)
        if ent.label_ == "PERSON" and _used_as_place(ent) \
                and not (ent.start > 0 and index.ends_title(tokens[ent.start - 1])):
            _add_place(index, ent, None)
            continue
        if ent.label_ == "PERSON" and _no_person(ent):
            continue
        candidates.append((ent.start, ent.end))
    # "Baroness Ortiz of Kingsbridge": a name after a title of the peerage.
    for token in index.tokens_in(PEERAGE_WORDS):
        if token.text[:1].isupper() and token.i + 1 < len(doc) \
                and _is_name_token(tokens[token.i + 1]) and tokens[token.i + 1].i not in index.by_token:
            end = token.i + 1
            while end < len(doc) and end - token.i <= MAX_NAME_TOKENS and _is_name_token(tokens[end]) \
                    and end not in index.by_token:
                end += 1
            if not any(s <= token.i + 1 < e for s, e in candidates):
                candidates.append((token.i + 1, end))
    # "Ana Ruiz, the UN's human rights chief, said": a name the model left untagged before an
    # apposition that gives it a title.
    for start, end in _untagged_names_before_titles(index, taken_titles):
        if not any(s < end and start < e for s, e in candidates):
            candidates.append((start, end))
    # "his Ugandan counterpart, Moses Okello": a name the model left untagged after "counterpart";
    # "A met Tshering Dorji": a name the model missed as the one met
    for start, end in [*_untagged_names_after_counterparts(index, taken_titles),
                       *_untagged_names_at_meetings(index, taken_titles)]:
        if not any(s < end and start < e for s, e in candidates):
            candidates.append((start, end))
    # The candidates do not overlap: each token's candidate, to find the overlapping ones at once.
    covering = {i: (s, e) for s, e in candidates for i in range(s, e)}
    chosen = dict.fromkeys(candidates)
    for start, end in _names_after_titles(index, taken_titles):
        overlapping = list(dict.fromkeys(covering[i] for i in range(start, end) if i in covering))
        # The run after the title wins unless a PERSON entity reaches beyond it.
        if all(start <= s and e <= end for s, e in overlapping):
            for s, e in overlapping:
                del chosen[(s, e)]
                for i in range(s, e):
                    del covering[i]
            chosen[(start, end)] = None
            covering.update((i, (start, end)) for i in range(start, end))
    reached = 0
    for start, end in sorted(chosen):
        while start < end and (gazetteer.is_honorific(tokens[start].text) or start in taken_titles
                               or tokens[start].lower_ in HONORIFIC_WORDS or tokens[start].is_punct
                               or start in index.by_token):
            start += 1
        while end > start and (tokens[end - 1].tag_ == "POS" or tokens[end - 1].is_punct
                               or tokens[end - 1].lower_ in {"'s", "’s"}):
            end -= 1
        # A headline's capitals run on past a name: "Ortiz Says ...", "Ortiz's Visit".
        for i in range(start, end):
            if tokens[i].tag_ == "POS" or tokens[i].lower_ in {"'s", "’s"} or tokens[i].lower_ in HEADLINE_VERBS:
                end = i
                break
        if end <= start or any(tokens[i].lower_ in EVENT_WORDS for i in range(start, end)):
            continue
        # "Lord Ortiz of Kingsbridge": a peer's name runs on through "of" and the place.
        if start > 0 and tokens[start - 1].lower_ in PEERAGE_WORDS:
            if tokens[end - 1].lower_ == "of":
                end -= 1
            if end + 1 < len(doc) and tokens[end].lower_ == "of" and tokens[end + 1].text[:1].isupper():
                end += 1
                while end < len(doc) and end - start < MAX_NAME_TOKENS and tokens[end].text[:1].isupper() \
                        and tokens[end].is_alpha:
                    end += 1
        elif tokens[end - 1].lower_ == "of":
            end -= 1
        # "Joseph R. Ortiz, Jr.": a generational suffix is part of the name.
        if end + 1 < len(doc) and tokens[end].text == "," and tokens[end + 1].text in NAME_SUFFIXES:
            end += 2
        elif end < len(doc) and tokens[end].text in NAME_SUFFIXES:
            end += 1
        end = _name_particles_end(doc, start, end, index)
        if start < reached:
            continue  # inside the name before it, run on through its particles
        reached = end
        if any(i in index.by_token for i in range(start, end)):
            # A country or organisation inside a PERSON is a model error ("Kyiv").
            continue
        span = doc[start:end]
        if not any(t.text[:1].isupper() for t in span):
            continue
        if fold(span[0].text) in ORG_HEAD_WORDS:  # "Ejército del Sur" is no one's name
            continue
        # "chairman of the African Union Mediation Committee": a body's name, not a person's;
        # "the President Hotel", "the Sultan Qaboos Grand Mosque": a place's or a firm's.
        if any((t.lower_ in BODY_WORDS or t.lower_ in NAMED_THING_WORDS) and t.text[:1].isupper() for t in span):
            continue
        yield span


def _name_particles_end(doc: Doc, start: int, end: int, index: DocIndex) -> int:
    """The end of a name that runs on through its lineage and family particles, which the
    model often cuts off: "Khalid bin Saeed | Al Marri", "Omar | bin Rashid", "Hamad
    | Al-Nuaimi"."""
    while end + 1 < len(doc) and end - start < MAX_NAME_TOKENS + 4:
        word, nxt = doc[end], doc[end + 1]
        if word.lower_ not in NAME_PARTICLES or end in index.by_token:
            break
        step = 1
        if nxt.text in NAME_JOINERS and end + 2 < len(doc):  # "Al-Thani" split in three
            step, nxt = 2, doc[end + 2]
        if not (nxt.text[:1].isupper() and nxt.is_alpha) or nxt.i in index.by_token:
            break
        end += step + 1
    return end


# Lineage and family particles of Arabic names: "bin", "ibn", "Al", "Abu".
NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "abu", "ben"})
NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
# Titles of the peerage, whose holders are named "Lord Ortiz of Kingsbridge".
PEERAGE_WORDS = frozenset({"lord", "baroness", "baron", "lady", "viscount", "viscountess", "earl", "countess"})
# Words a headline writes in capitals after a name: never part of it.
HEADLINE_VERBS = frozenset({"says", "tells", "urges", "warns", "meets", "visits", "calls", "vows", "asks", "seeks",
                            "rejects", "accepts", "welcomes", "denies", "to", "hails", "backs", "slams", "condemns",
                            "praises", "pledges", "offers", "signs", "announces", "blames", "demands", "arrives",
                            "quits", "resigns", "returns", "hosts", "proposes", "expects", "thanks", "discusses",
                            "agrees", "insists", "plans", "receives", "holds", "heads", "joins", "criticises",
                            "criticizes", "defends", "appeals", "mediates", "brokers", "shuttles", "travels",
                            "flies", "tours", "leaves", "lands", "presses", "invites", "convenes", "sends",
                            "courts", "woos", "greets",
                            # (after "to" in a headline: "Ortiz to Meet Vidal")
                            "meet", "visit", "hold", "host", "attend", "join", "resume", "discuss", "sign"})
# A capitalised run that holds an event word names the event ("Ortiz-Vidal Meeting").
EVENT_WORDS = frozenset({"meeting", "meetings", "talks", "summit", "visit", "call", "deal", "truce", "ceasefire",
                         "cease-fire", "agreement", "accord", "negotiations", "dialogue", "conference"})
# First words of organisations' names, in the languages of the names news keeps untranslated.
ORG_HEAD_WORDS = frozenset({
    "ejercito", "fuerzas", "frente", "partido", "movimiento", "consejo", "comite", "junta", "alianza",
    "armee", "front", "forces", "parti", "mouvement", "conseil", "comissao", "exercito", "forcas",
    "army", "council", "committee", "movement", "party", "alliance", "brigade", "brigades", "militia",
})
PLACE_PREPS = frozenset({"in", "to", "into", "at", "from", "near", "on", "of", "outside", "toward", "towards"})
PLACE_VERBS = frozenset({"visit", "tour", "attack", "invade", "bomb", "shell", "capture", "enter", "leave"})


def _used_as_place(ent: Span) -> bool:
    """A one-word 'PERSON' that is where something happens: 'visiting Busan', 'an attack on
    Rafah', 'here to Blair House'.  People are rarely the object of these words."""
    root = ent.root
    if len(ent) <= 2 and _names_a_place_noun(root):
        return True  # "the Sorek road", "the Sorek and Tamir roads", "the Kerem crossing"
    if len(ent) > 2 or root.dep_ == "compound":
        return False
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and root.head.lower_ != "of":
        return root.head.head.lemma_ not in {"speak", "talk", "say", "write", "tell", "meet", "call", "thank"} \
            and root.head.head.pos_ in {"VERB", "NOUN", "ADV"} and root.head.lower_ != "to" or \
            root.head.head.lower_ in {"here", "there", "back"}
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in {
            "incursion", "invasion", "attack", "siege", "city", "town", "outskirts", "capture", "bombing"}:
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in PLACE_VERBS


# Nouns of places and ways a name before them names: "the Sorek road".
PLACE_NOUNS = frozenset({"road", "corridor", "crossing", "highway", "bridge", "airport", "valley", "river",
                         "checkpoint", "dam", "pass", "route", "border", "camp", "gorge", "strait", "canal"})


def _names_a_place_noun(token: Token) -> bool:
    """A name that modifies a noun of a place or way, or is joined to one that does."""
    for node in (token, token.head if token.dep_ == "conj" else None):
        if node is not None and node.dep_ in {"compound", "nmod"} and node.head.lemma_ in PLACE_NOUNS:
            return True
    return False


# Words the model tags as people that name none: transcripts' speaker labels ("QUESTION:"),
# a statement's defined terms ("the Sides").
NOT_PEOPLE = frozenset({"question", "questions", "answer", "moderator", "operator", "participant", "interpreter",
                        "sides", "parties", "side", "party"})
# Groups a name before them names (not a person): "the Karen rebels".
GROUP_HEADS = frozenset({"rebels", "rebel", "forces", "fighters", "militants", "guerrillas", "militia", "militias",
                         "troops", "army", "movement", "insurgents", "region", "province", "district",
                         "extremist", "extremists", "separatist", "separatists", "gunman", "gunmen", "militiaman",
                         "militiamen", "jihadist", "jihadists"})


def _no_person(ent: Span) -> bool:
    """A PERSON entity that names no one: a speaker label or defined term, the name of a
    group or region before its noun ("the Karen rebels", "the Sorek region"), or
    two countries joined by a hyphen ("Chile-Peru")."""
    from kg.reference import gazetteer

    if len(ent) == 1 and ent.root.lower_ in NOT_PEOPLE:
        return True
    # "the Sahel", "the Middle East": a region's name after "the"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" and all(t.lower_ in REGION_WORDS for t in ent):
        return True
    last = ent[-1]
    if last.dep_ in {"compound", "nmod", "amod"} and last.head.lemma_ in GROUP_HEADS and last.head.i == ent.end:
        return True
    parts = [p for p in ent.text.replace("‐", "-").split("-") if p.strip()]
    return len(parts) >= 2 and all(gazetteer.lookup_country(p.strip()) is not None for p in parts)


NAME_JOINERS = frozenset({"-", "‐"})
MAX_NAME_TOKENS = 6


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _is_name_token(token: Token) -> bool:
    text = token.text
    # "President Rosa Vidal Tuesday": the day is the date of what follows, not a name.
    if token.ent_type_ in {"DATE", "TIME"} or token.lower_ in WEEKDAYS:
        return False
    if fold(text) in NAME_PARTICLES and token.i + 1 < len(token.doc) and token.nbor().text[:1].isupper():
        return True
    if re.fullmatch(r"[A-Z]\.", text):  # an initial: "Antony J. Blinken"
        return True
    return (text[:1].isupper() and text.isalpha() or "-" in text and text[:1].isupper()) and token.pos_ in {
        "PROPN", "NOUN", "ADJ", "X"} or text.isupper() and len(text) > 2 and text.isalpha()


# The model's labels of places: "(Special Envoy for) the Middle East".
PLACE_ENTS = frozenset({"GPE", "LOC"})


def _names_after_titles(index: DocIndex, taken_titles: set[int]) -> Iterator[tuple[int, int]]:
    """'President Thabo Mbeki', 'President of Turkey Recep Tayyip Erdogan', 'Sheikh Tamim ...'."""
    from kg.reference import gazetteer

    doc, tokens = index.doc, index.tokens
    for title in doc.spans.get(TITLES_KEY, []):
        i = title.end
        # (two such phrases at most: "Ambassador of Chad to the State of Qatar X")
        for _ in range(2):
            if i >= len(doc) or tokens[i].lower_ not in {"of", "for", "to"}:
                break
            # (a place the model names, "Envoy for the Middle East X", is not indexed yet)
            j = i + 1
            # (nor is a region the model calls an organisation: "Minister for the Middle East X";
            # two places or regions may be joined: "Minister for the Middle East and North Africa X")
            while j < len(doc) and j - i <= 8 and (tokens[j].lower_ == "the" or j in index.by_token
                                                   or tokens[j].ent_type_ in PLACE_ENTS
                                                   or _region_word(tokens[j]) or _joins_places(index, j)):
                j += 1
            if not (j > i + 1 and ((j - 1) in index.by_token or tokens[j - 1].ent_type_ in PLACE_ENTS
                                   or _region_word(tokens[j - 1]))):
                break
            i = j
            # "Coordinator for the Horn of Africa | Peace Process X": the field's words go on
            while i < len(doc) and tokens[i].lower_ in FIELD_NAME_WORDS and tokens[i].text[:1].isupper():
                i += 1
        # "The chief mediator, Mr Ali Omar": a title opening a noun phrase, set off by a comma.
        comma = i + 1 < len(doc) and tokens[i].text == "," and (_opens_phrase(title) or is_plural_title(title))
        if comma:
            i += 1
        # "the EU Special Representative [for the Dialogue] Ana Ruiz": an editor's bracket says
        # what the post is for, the name follows it.
        elif i + 1 < len(doc) and tokens[i].text == "[" and tokens[i + 1].lower_ in {"of", "for", "to"}:
            close = next((k for k in range(i + 2, min(len(doc), i + 12)) if tokens[k].text == "]"), None)
            if close is None:
                continue
            i = close + 1
        # "the President of Chile [Rosa Vidal]": an editor's bracket holds the name.
        elif i + 1 < len(doc) and tokens[i].text in {"[", "("}:
            # (not an acronym: "the Office of the Special Coordinator for X (UNSCX)")
            if tokens[i + 1].text.isupper() and tokens[i + 1].is_alpha:
                continue
            i += 1
        honorifics = i
        while i < len(doc) and (gazetteer.is_honorific(tokens[i].text) or tokens[i].text == "."
                                or tokens[i].lower_ in HONORIFIC_WORDS - {"the"}):
            i += 1
        start = i
        while i < len(doc) and i - start < MAX_NAME_TOKENS and i not in taken_titles and i not in index.by_token \
                and (_is_name_token(tokens[i]) or tokens[i].text in NAME_JOINERS and i > start):
            i += 1
        while i > start and (tokens[i - 1].text in NAME_JOINERS or fold(tokens[i - 1].text) in NAME_PARTICLES):
            i -= 1
        if i == start:
            continue
        span = doc[start:i]
        # After a comma, a name of two words or one given a title of address.
        if comma and len(span) < 2 and start == honorifics:
            continue
        # One capitalised word is a name only where nothing else could be meant ("President Trump said").
        if len(span) == 1 and (span[0].pos_ != "PROPN" or gazetteer.lookup_country(span.text) or
                               gazetteer.lookup_org(span.text) or gazetteer.lookup_title(span.text)):
            continue
        if gazetteer.lookup_org(span.text) or gazetteer.lookup_country(span.text):
            continue
        # "the King Fahd Cultural Center", "General Motors": a title opening a place's or a firm's name
        if i < len(doc) and tokens[i].lower_ in NAMED_THING_WORDS and tokens[i].text[:1].isupper():
            continue
        # "a spokesman for the Chilean Foreign Ministry": the words of a state body's name, no name
        if all(t.lower_ in INSTITUTION_WORDS for t in span) or i < len(doc) and tokens[i].lower_ in INSTITUTION_WORDS \
                and tokens[i].text[:1].isupper() and start > title.end:
            continue
        yield start, i
        if is_plural_title(title):
            yield from _listed_names(index, i, taken_titles)




# Words that end the names of places, buildings and firms, never a person's: "the President Hotel",
# "the Sultan Qaboos Grand Mosque", "General Motors".
NAMED_THING_WORDS = frozenset({
    "hotel", "center", "centre", "mosque", "church", "cathedral", "airport", "university", "hospital", "stadium",
    "palace", "street", "avenue", "road", "square", "museum", "school", "college", "foundation", "prize",
    "award", "motors", "airlines", "airways", "corporation", "company", "mall", "tower", "towers", "plaza",
    "resort", "boulevard", "highway", "dam", "port", "base", "camp", "barracks", "academy", "library", "league",
})
# Capitalised words of a post's field after a place, never a name's: "for the Sahel Peace Process".
FIELD_NAME_WORDS = frozenset({"peace", "process", "affairs", "security", "development", "cooperation",
                              "humanitarian", "rights", "relations", "dialogue", "reconciliation", "integration",
                              "policy", "trade", "negotiations", "talks", "region", "crisis", "conflict"})
# Words of a region's name, which the model may call an organisation: "the Middle East", "the Sahel".
REGION_WORDS = frozenset({"middle", "east", "west", "north", "south", "central", "africa", "asia", "europe",
                          "americas", "pacific", "gulf", "horn", "of", "sahel", "caribbean", "balkans"})


def _joins_places(index: DocIndex, j: int) -> bool:
    """Whether "and" at ``j`` joins two places or regions of a post's field."""
    tokens = index.tokens
    return tokens[j].lower_ == "and" and 0 < j < len(tokens) - 1 and all(
        k in index.by_token or tokens[k].ent_type_ in PLACE_ENTS or _region_word(tokens[k]) for k in (j - 1, j + 1))


def _region_word(token: Token) -> bool:
    # (or one the model left untagged: "Envoy for the Sahel, X")
    return token.ent_type_ in {"ORG", ""} and token.lower_ in REGION_WORDS and token.text[:1].isupper()


def _listed_names(index: DocIndex, i: int, taken_titles: set[int]) -> Iterator[tuple[int, int]]:
    """'Foreign Ministers Ana Ruiz (of Chile) and Luis Tapia': the further names of a list
    after a plural title."""
    doc, tokens = index.doc, index.tokens
    while i < len(doc):
        if tokens[i].lower_ == "of" and i + 1 < len(doc) and (i + 1) in index.by_token:
            i = index.by_token[i + 1].end  # "Ana Ruiz of Chile and ..."
        if i + 1 >= len(doc) or tokens[i].lower_ not in {"and", ","}:
            return
        i += 1
        if tokens[i].lower_ == "and":
            i += 1
        start = i
        while i < len(doc) and i - start < MAX_NAME_TOKENS and i not in taken_titles and i not in index.by_token \
                and (_is_name_token(tokens[i]) or tokens[i].text in NAME_JOINERS and i > start):
            i += 1
        if i - start < 2:
            return
        yield start, i


def _untagged_names_before_titles(index: DocIndex, taken_titles: set[int]) -> Iterator[tuple[int, int]]:
    """Two or three capitalised words that no table knows, opening a sentence and set off by a
    comma from a phrase whose head is a title: "Ana Ruiz, the Kenyan envoy, said"."""
    doc, tokens = index.doc, index.tokens
    for title in doc.spans.get(TITLES_KEY, []):
        i = title.start
        while i > 0 and i - title.start > -8 and tokens[i - 1].text != "," and not tokens[i - 1].is_sent_start \
                and tokens[i - 1].pos_ not in {"VERB", "AUX"}:
            i -= 1
        comma = i - 1
        if comma < 2 or tokens[comma].text != ",":
            continue
        start = comma
        # (a word of the name the model took for a place or a body of no table: "Petrova" GPE)
        while start > 0 and comma - start < 3 and _is_name_token(tokens[start - 1]) \
                and tokens[start - 1].ent_type_ in {"", "GPE", "ORG", "NORP"} and start - 1 not in index.by_token \
                and start - 1 not in taken_titles:
            start -= 1
        # (after a dateline, "SOFIA --", the story's first sentence begins)
        if comma - start < 2 or not (tokens[start].is_sent_start or tokens[start - 1].text in DATELINE_DASHES):
            continue
        if any(tokens[k].pos_ != "PROPN" for k in range(start, comma)):
            continue
        yield start, comma


def _untagged_names_after_counterparts(index: DocIndex, taken_titles: set[int]) -> Iterator[tuple[int, int]]:
    """Two or more proper nouns that no table knows right after "counterpart" (or its comma):
    "met his Ugandan counterpart, Moses Okello," names the counterpart."""
    from kg.reference import gazetteer

    doc, tokens = index.doc, index.tokens
    for word in index.tokens_in({"counterpart"}):
        start = word.i + 1 + (word.i + 1 < len(doc) and tokens[word.i + 1].text == ",")
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS and end not in taken_titles \
                and end not in index.by_token and tokens[end].pos_ == "PROPN" and _is_name_token(tokens[end]):
            end += 1
        text = doc[start:end].text
        if end - start >= 2 and not gazetteer.lookup_org(text) and not gazetteer.lookup_country(text):
            yield start, end


# Meeting words whose subject or "with" object is someone met ("A met B", "talks with B").
MET_LABELS = frozenset({"meeting", "talks", "phone_call"})
# Dependencies of the one met on a verb of meeting: "A met B", "B met A".
MET_DEPS = frozenset({"nsubj", "dobj"})


def _untagged_names_at_meetings(index: DocIndex, taken_titles: set[int]) -> Iterator[tuple[int, int]]:
    """Two or three proper nouns no table knows, with no determiner, heading the subject or the
    object of a meeting word ("Tshering Dorji met B", "A held talks with Tshering Dorji"): a name
    the model missed or took for a place; not a body's name ("the Tigray Defence Forces",
    "Ansar Council", "talks with Sinn Fein")."""
    from kg.reference import gazetteer

    doc = index.doc
    heads: list[Token] = []
    for span in doc.spans.get(TRIGGERS_KEY, []):
        if span.label_ not in MET_LABELS:
            continue
        word = span.root
        carriers = [word, word.head] if word.pos_ in {"NOUN", "PROPN"} and word.dep_ == "dobj" else [word]
        heads += [c for w in carriers for c in w.children if c.dep_ in MET_DEPS and w.pos_ in {"VERB", "AUX"}]
        heads += [o for w in carriers for p in w.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in p.children if o.dep_ == "pobj"]
    for head in heads:
        start = head.i
        while start > 0 and head.i - start < 2 and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i in range(start, head.i + 1):
            start -= 1
        run = doc[start:head.i + 1]
        if not 2 <= len(run) <= 3 or any(c.dep_ == "det" for c in head.children) or any(
                t.pos_ != "PROPN" and t.ent_type_ == "" or not _is_name_token(t) or t.i in index.by_token
                or t.i in taken_titles or t.text.isupper() or t.lower_ in BODY_WORDS or fold(t.text) in ORG_HEAD_WORDS
                or t.lower_ in INSTITUTION_WORDS or t.lower_ in NAMED_THING_WORDS for t in run):
            continue
        # (the model's organisation is kept, "talks with Sinn Fein", but at a sentence's start,
        # where it often takes a name for one)
        if any(t.ent_type_ == "ORG" for t in run) and not run[0].is_sent_start:
            continue
        if not gazetteer.lookup_org(run.text) and not gazetteer.lookup_country(run.text):
            yield start, head.i + 1


def _opens_phrase(title: Span) -> bool:
    """A title at the start of a sentence or after a determiner ("the envoy, ...")."""
    doc = title.doc
    before = title.start - 1
    while before >= 0 and doc[before].lower_ in {"chief", "lead", "former", "top", "senior", "new", "acting",
                                                 "interim", "outgoing", "incoming"}:
        before -= 1
    return before < 0 or doc[before].is_sent_end or doc[before + 1].is_sent_start or \
        doc[before].lower_ in {"the", "a", "an", "his", "her", "its", "their"} or doc[before].is_space or \
        doc[before].tag_ == "POS" or doc[before].lower_ in {"'s", "’s"}


def _named_beside_title(ent: Span, titles: set[int]) -> bool:
    """'spokeswoman, Natalia Eismont', 'Natalia Eismont, the spokeswoman', 'Natalia Eismont,
    Chile's spokeswoman', 'the head of the panel, Natalia Eismont', 'Natalia Eismont, who heads
    the panel' and 'Natalia Eismont is the spokeswoman': a person the small model took for an
    organisation or a place (two or three capitalised words beside a title, or before "who")."""
    doc = ent.doc
    if not 2 <= len(ent) <= 4 or not all(t.is_title for t in ent):
        return False
    before = ent.start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before >= 0 and before in titles:
        return True
    after = ent.end
    if after + 1 < len(doc) and doc[after].text == ",":
        nxt = after + 1
        while nxt < len(doc) and doc[nxt].lower_ in {"the", "a", "an", "his", "her"}:
            nxt += 1
        # "Marek Halloway, Slovakia's (the country's) deputy foreign minister": an owner before the title
        owner = next((k for k in range(nxt + 1, min(nxt + 4, len(doc))) if doc[k].tag_ == "POS"), None)
        if owner is not None and all(t.text[:1].isupper() or t.lower_ in OWN_COUNTRY_NOUNS for t in doc[nxt:owner]):
            nxt = owner + 1
        if nxt in titles:
            return True
        if doc[after + 1].lower_ == "who":
            return True  # "Amara Diallo, who heads the mediation team": "who" is said of people
    if ent.root.dep_ == "appos":
        # "the head of the bloc's panel, Idrissa Toure, said": the title's of-phrase between (the
        # parse may set the name beside the phrase's last noun)
        head = ent.root.head
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            head = head.head.head
        if head.i in titles:
            return True
    return _given_a_title(ent, titles) or _owned_beside_title(ent, titles)


# Words for office-holders that a name may stand beside, as a title does: "his counterpart, X".
PEER_NOUNS = frozenset({"counterpart", "counterparts", "ministers", "leaders", "presidents", "premiers", "envoys",
                        "negotiators"})


def _owned_beside_title(ent: Span, titles: set[int]) -> bool:
    """'the two ministers, Latvia's Inese Ozola and Lithuania's Tomas Jonaitis', 'his counterpart,
    Latvia's Inese Ozola': a name after a country's possessive, set beside a title or an
    office-holder's word (in apposition, or listed after it), is a person's."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].tag_ != "POS" or doc[ent.start - 2].ent_type_ != "GPE":
        return False

    def titled(token: Token) -> bool:
        return token.i in titles or token.lower_ in PEER_NOUNS

    head = ent.root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
        if titled(head):
            return True
    return head.dep_ == "appos" and titled(head.head)


# Verbs of appointment whose passive gives the subject a post: "was named special envoy".
APPOINTING_VERBS = frozenset({"appoint", "name", "elect", "nominate", "designate", "reappoint", "re-elect"})


def _given_a_title(ent: Span, titles: set[int]) -> bool:
    """'Marta Quispe is the foreign minister', 'Alain Mbeki was named special envoy': the subject
    of a verb that states a post is a person's name, whatever the model called it."""
    root = ent.root
    if root.i != ent.end - 1 or root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    if not (verb.lemma_ in {"be", "become"} or verb.lemma_ in APPOINTING_VERBS
            and any(c.dep_ == "auxpass" for c in verb.children)):
        return False
    return any(c.dep_ in {"attr", "oprd"} and c.i in titles for c in verb.children)


def _name_parts(span: Span) -> tuple[str, ...]:
    """The words of a name as written: 'Al-Thani' stays one part, a lone '.' goes."""
    parts: list[str] = []
    glued = False
    for token in span:
        text = token.text
        if text in {".", ","}:
            glued = False
            continue
        if glued and parts:
            parts[-1] += text
        else:
            parts.append(text)
        glued = not token.whitespace_ and token.i + 1 < span.end
    return tuple(p for p in parts if p.strip("-‐"))


def _display_name(parts: tuple[str, ...]) -> str:
    """'KAMIKAWA Yoko' -> 'Kamikawa Yoko'; keeps 'al-Thani', 'J.' as written."""
    shown = []
    for part in parts:
        if part.isupper() and len(part) > 2 and part.isalpha():
            part = part.capitalize()
        shown.append(part)
    text = " ".join(shown)
    return re.sub(r"\s+([-‐])\s+", r"\1", text)


@lru_cache(maxsize=1 << 15)
def _core(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Name parts that identify: no particles, no initials (cached: names are compared often)."""
    return tuple(variant_key(p) for p in parts
                 if fold(p) not in NAME_PARTICLES and not re.fullmatch(r"[A-Z]\.?", p) and variant_key(p))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-part names of one person: the shorter's core parts appear in order in the longer."""
    ca, cb = _core(a), _core(b)
    if not ca or not cb:
        return False
    short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if short[0] != long_[0]:
        return False
    it = iter(long_)
    return all(any(p == q for q in it) for p in short)


def _family_name_of(core: tuple[str, ...], by_last: dict[str, list[PersonInfo]]) -> PersonInfo | None:
    """The one person named before whose longer name ends with these name parts, a surname of
    two words without the given name: "Aboul Gheitan" for "Samir Aboul Gheitan", "Diaz Ortega" for
    "Ana Lucia Diaz Ortega" (two such people: neither)."""
    holders = [info for info in by_last.get(core[-1], ())
               if len(held := _core(info.tokens)) > len(core) and held[-len(core):] == core]
    return holders[0] if len(holders) == 1 else None


def _latest_before(start: int, matches: list[PersonInfo],
                   assigned_to: dict[int, list[tuple[int, int]]]) -> PersonInfo | None:
    """Of ``matches``, the one assigned last to a mention that starts before ``start``."""
    best: tuple[int, PersonInfo] | None = None
    for info in matches:
        for position, begin in reversed(assigned_to.get(id(info), [])):
            if begin < start:
                if best is None or position > best[0]:
                    best = (position, info)
                break
    return best[1] if best is not None else None


def _index_people(index: DocIndex, taken_titles: set[int]) -> None:
    spans = list(_person_spans(index, taken_titles))
    clusters: list[PersonInfo] = []
    singles: list[tuple[Span, tuple[str, ...]]] = []
    assigned: list[tuple[Span, PersonInfo]] = []
    assigned_to: dict[int, list[tuple[int, int]]] = {}  # id(person) -> (position in assigned, start)

    def assign(span: Span, info: PersonInfo) -> None:
        assigned_to.setdefault(id(info), []).append((len(assigned), span.start))
        assigned.append((span, info))

    # The people by the first part of their core name, which two names of one person share
    # (see _same_person) and which a longer name that joins a person keeps: comparing each
    # name with every person named before is quadratic in a long text.
    by_first: dict[str, list[PersonInfo]] = {}
    by_last: dict[str, list[PersonInfo]] = {}  # (for a surname of two words, see _family_name_of)
    for span in spans:
        parts = _name_parts(span)
        core = _core(parts)
        if len(core) >= 2:
            for info in by_first.get(core[0], ()):
                if _same_person(parts, info.tokens):
                    if len(parts) > len(info.tokens):
                        info.tokens = parts
                    info.aliases.add(_display_name(parts))
                    assign(span, info)
                    break
            else:
                if (named := _family_name_of(core, by_last)) is not None:
                    named.aliases.add(_display_name(parts))
                    assign(span, named)
                    continue
                info = PersonInfo(key="", name=None, label="", tokens=parts, aliases={_display_name(parts)})
                clusters.append(info)
                by_first.setdefault(core[0], []).append(info)
                by_last.setdefault(core[-1], []).append(info)
                assign(span, info)
        else:
            singles.append((span, parts))
    # Each core part's people in the order they were first named: those with it after their
    # first part, and those with it anywhere (one-part names join the second as they come).
    later_part: dict[str, list[PersonInfo]] = {}
    any_part: dict[str, list[PersonInfo]] = {}
    for info in clusters:
        cluster_core = _core(info.tokens)
        for part in dict.fromkeys(cluster_core[1:]):
            later_part.setdefault(part, []).append(info)
        for part in dict.fromkeys(cluster_core):
            any_part.setdefault(part, []).append(info)
    for span, parts in singles:
        core = _core(parts)
        if not core:
            continue
        matches = later_part.get(core[0], []) or any_part.get(core[0], [])
        if not matches:
            info = PersonInfo(key="", name=None, label="", tokens=parts, aliases={_display_name(parts)})
            clusters.append(info)
            for part in dict.fromkeys(core):
                any_part.setdefault(part, []).append(info)
            assign(span, info)
            continue
        # Two people who share a surname: the latest one named before this mention.
        chosen = _latest_before(span.start, matches, assigned_to) or matches[0]
        chosen.aliases.add(_display_name(parts))
        assign(span, chosen)
    used: set[str] = set()
    for info in clusters:
        name = _display_name(info.tokens)
        key = _slug_key(name)
        while key in used:
            key += "-2"
        used.add(key)
        info.key, info.name, info.label = key, name, name
        info.aliases.discard(name)
        index.persons[key] = info
    for span, info in assigned:
        index.add(Mention(span.start, span.end, EntityRef("person", info.key), "name"))


def doc_titles(doc: Doc) -> list[Span]:
    return list(doc.spans.get(TITLES_KEY, []))


def _reconcile_names(index: DocIndex) -> None:
    """A name the model labels PERSON in one place and ORG or GPE in another is a person.

    "Elchin Mammadov" (PERSON) and later "Mammadov" (ORG); "Nino Beridze" (GPE).
    """
    full = {fold(_display_name(info.tokens)): info for info in index.persons.values()}
    # Where each person is named, in the order the mentions were added (found once, then kept
    # up to date: re-reading every mention for each shared surname is quadratic in a long text).
    named_at: dict[str, list[int]] | None = None
    # Who holds each word as a later name part ("Mammadov" in "Elchin Mammadov"), in the order
    # of index.persons, made once when first needed (the persons do not change here).
    later_parts: dict[str, list[PersonInfo]] | None = None
    first_parts: dict[str, list[PersonInfo]] | None = None  # the same for first name parts
    last_parts: dict[str, list[PersonInfo]] | None = None  # and for last ones
    for ent in index.ents:
        if ent.label_ not in {"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"}:
            continue
        if any(i in index.by_token for i in range(ent.start, ent.end)):
            continue
        span = _strip_determiner(ent)
        if not span.text:
            continue
        parts = _name_parts(span)
        info = full.get(fold(_display_name(parts)))
        if info is None and len(core := _core(parts)) >= 2:
            if last_parts is None:
                last_parts = {}
                for person in index.persons.values():
                    if person_core := _core(person.tokens):
                        last_parts.setdefault(person_core[-1], []).append(person)
            info = _family_name_of(core, last_parts)  # "Aboul Gheitan" (ORG) after "Samir Aboul Gheitan"
        if info is None and len(parts) == 1:
            core = _core(parts)
            if later_parts is None:
                later_parts = {}
                for person in index.persons.values():
                    for part in dict.fromkeys(_core(person.tokens)[1:]):
                        later_parts.setdefault(part, []).append(person)
            owners = list(later_parts.get(core[0], ())) if core else []
            if len(owners) > 1:
                # Two people share the surname: the one named last before this mention.
                if named_at is None:
                    named_at = {}
                    for m in index.mentions:
                        if m.ref.kind == "person":
                            named_at.setdefault(m.ref.key, []).append(m.start)
                named = {p.key: start for p in owners
                         if (start := _last_before(named_at.get(p.key, ()), span.start)) is not None}
                owners = sorted((p for p in owners if p.key in named), key=lambda p: named[p.key])[-1:]
            info = owners[0] if owners else None
            if info is None and core:
                # "President Idriss Mahamat ... talks with Idriss": a given name used alone, as
                # some naming customs do, when one person of the text has it.
                if first_parts is None:
                    first_parts = {}
                    for person in index.persons.values():
                        if person.name is not None and len(person_core := _core(person.tokens)) >= 2:
                            first_parts.setdefault(person_core[0], []).append(person)
                given = first_parts.get(core[0], [])
                info = given[0] if len(given) == 1 else None
        if info is not None:
            added = len(index.mentions)
            index.add(Mention(span.start, span.end, EntityRef("person", info.key), "name"))
            if named_at is not None and len(index.mentions) > added:
                named_at.setdefault(info.key, []).append(span.start)


def _surnames_over_tables(index: DocIndex) -> None:
    """'Lukas Wagner ... Wagner said': a one-word table name ("Wagner") that is the surname of
    the one person named by it before is that person, not the organisation."""
    table_words = [m for m in index.mentions if m.via == "table" and m.end - m.start == 1]
    if not table_words:
        return
    first_named: dict[str, tuple[int, list[PersonInfo]]] = {}  # surname key -> (first start, holders)
    for m in index.mentions:
        info = index.persons.get(m.ref.key) if m.ref.kind == "person" and m.via == "name" else None
        if info is None or not info.name or len(_core(info.tokens)) < 2:
            continue
        start, holders = first_named.setdefault(_core(info.tokens)[-1], (m.start, []))
        if info not in holders:
            holders.append(info)
    for mention in table_words:
        found = first_named.get(variant_key(index.doc[mention.start].text))
        if found is not None and found[0] < mention.start and len(found[1]) == 1 \
                and index.doc[mention.start].text in found[1][0].tokens:
            index.replace(Mention(mention.start, mention.end, EntityRef("person", found[1][0].key), "name"))


def _last_before(starts: Sequence[int], start: int) -> int | None:
    """The last of ``starts`` (in their order, not the largest) that is before ``start``."""
    return next((s for s in reversed(starts) if s < start), None)


def _bare_name_parts(index: DocIndex) -> None:
    """A name part the model leaves untagged, after the full name: "Abiy flew into Assab"
    after "Prime Minister Abiy Ahmed" (news names Ethiopian and Eritrean leaders by their
    first name).  Only a part that one person of the document holds, written as in the name."""
    from kg.reference import gazetteer

    doc = index.doc
    owners: dict[str, list[PersonInfo]] = {}
    for info in index.persons.values():
        if info.name and len(_core(info.tokens)) >= 2:
            for part in set(_core(info.tokens)):
                owners.setdefault(part, []).append(info)
    if not owners:
        return
    first_named: dict[str, int] = {}
    for mention in index.mentions:
        if mention.ref.kind == "person":
            first_named.setdefault(mention.ref.key, mention.start)
    # (a part is one of its holder's name tokens: only tokens written as one are read)
    parts = {part.lower() for infos in owners.values() for info in infos for part in info.tokens}
    for token in index.tokens_in(parts):
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in index.by_token or not token.is_title \
                or (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            continue
        # ("Mr Hollis": a title of address before the part is no other name's word)
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and not gazetteer.is_honorific(doc[token.i - 1].text):
            continue
        found = owners.get(variant_key(token.text), [])
        if len(found) == 1 and first_named.get(found[0].key, len(doc)) < token.i \
                and token.text in found[0].tokens:
            index.add(Mention(token.i, token.i + 1, EntityRef("person", found[0].key), "name"))


def _start(mention: Mention) -> int:
    return mention.start


def iter_refs(mentions: Iterable[Mention], kind: str) -> Iterator[Mention]:
    return (m for m in mentions if m.ref.kind == kind)
