"""Mediation: a third party that mediates, brokers, facilitates, convenes, hosts or relays.

Stated mediation, from the ``mediation`` triggers of ``patterns/triggers.jsonl``:

- verbs, active and passive: "Oman mediated talks between A and B", "a truce brokered by
  Egypt", "the panel mediating talks between A and B" (the mediator is the noun the
  participle modifies), "Egypt's role in brokering a ceasefire", "the role Kuwait is
  playing in mediating the row";
- compounds: "AU-mediated negotiations", "UN-led talks", "Qatar-brokered deal";
- nouns: "X acting as facilitator", "X, the mediator", "mediation by X", "X's mediation",
  "under the auspices of X";
- a host with two guests from other countries: "X hosted A and B for talks";
- implied roles, recorded as not stated: "the diplomatic efforts of X", "the hospitality
  of X", a part credited or weighty ("thanked X for its constructive role", "X played a
  pivotal role"), a peace plan's author ("X's peace plan", "an X-proposed truce"), a witness
  or announcer of the sides' settlement, a settlement owed to X ("thanks to X's diplomacy"),
  setting out to end the document's conflict, a joint statement with both sides, telling or
  carrying one side's word to the other, meeting one side about its settlement with the
  other, a host whose officials engage with talks held in its country.

Inferred mediation (not stated, lower confidence, with the reason recorded):

- relay: A speaks to M, then M speaks to B (M acts for a third country);
- hosting: talks between A and B held in M's country while M takes part in arranging them.

Parties come from "between A and B", from "talks with B" completed by the document's
other talks, or from "the two sides" resolved to the parties named nearby.  The mediator
is never one of its own parties.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.nlp.entities import DocIndex
from kg.nlp.events import (
    CREDIT_ADJECTIVES,
    CREDIT_NOUNS,
    CREDIT_VERBS,
    DELEGATION_NOUNS,
    INCLUDE_VERBS,
    MEETING_KINDS,
    TRIGGERS_KEY,
    VENUE_WORDS,
    EventExtractor,
    EventFinding,
    NewEvidence,
    absolute_with,
    agents_of,
    brings_together,
    clause_verb,
    companion_with,
    credited_tokens,
    for_its_country,
    objects_of,
    other_side_names,
    run_on_sides,
    subjects_of,
    verb_tagged_noun,
)
from kg.nlp.frames import HOSTILE_VERBS, JOINT_VERBS, FrameFinding, frame_kind, latest_pair, sides_of
from kg.records import EntityRef, MediationKind, Status
from kg.reference import words_of

# Verbs of coming (sending people) to a place "where" a third party mediates: their subjects
# are its sides ("A and B sent negotiators to Cairo, where C is mediating").
WHERE_SIDES_VERBS = frozenset({"send", "arrive", "travel", "fly", "gather", "meet", "come", "return", "go"})
# Verbs of meeting a host can be beside ("A and B met in Ankara, with C hosting").
MEETING_VERB_LEMMAS = frozenset({"meet", "talk", "negotiate", "gather", "convene", "hold", "sit"})
# Verbs of giving someone a task: "B appointed (sent) X to mediate": X mediates.
APPOINTING_VERBS = frozenset({"appoint", "name", "nominate", "designate", "send", "dispatch", "deploy", "task",
                              "mandate", "choose", "select"})
# Settlements and conflicts whose "in" phrase names the country they are in ("a truce in A"),
# unlike talks or a summit "in" a country, held there.
CONFLICT_PLACE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "peace", "conflict", "crisis", "war",
                                  "fighting", "armistice"})
# Who a side sends to talks: "A's negotiators", "a B delegation".
NEGOTIATOR_NOUNS = frozenset({"negotiator", "delegation"})
# Words for armed groups a sentence tells of without naming them.
UNNAMED_GROUP_WORDS = frozenset({"rebel", "rebels", "insurgent", "militia", "militant", "group", "faction",
                                 "guerrilla", "fighter"})
# Verbs of pressing others to act: "C pressed A and B to agree to a truce".
PRESSING_VERBS = frozenset({"press", "urge", "persuade", "push", "encourage", "convince", "pressure", "nudge"})
AGREEING_VERBS = frozenset({"agree", "accept", "sign", "return", "resume"})
# What one "also offers" after another's offer to mediate: "D has also offered its help".
OFFERED_HELP = frozenset({"help", "assistance", "support", "services", "offices", "mediation"})
# "D has played a similar role": a role like the one told before.
SIMILAR_WORDS = frozenset({"similar", "same", "comparable", "parallel"})
# Nouns for one side of a conflict: "A for the government and B for the opposition".
SIDE_NOUNS = frozenset({"government", "opposition", "rebels", "side", "regime", "authorities", "junta"})
# A side's team, whose leader is of that side: "the U.S. delegation, led by envoy X".
DELEGATION_WORDS = frozenset({"delegation", "team", "side", "negotiator"})
# What a mediator works on: "brokered a ceasefire", "facilitated the peace process".
PEACE_OBJECTS = frozenset({
    "talks", "talk", "negotiation", "negotiations", "dialogue", "process", "deal", "agreement", "ceasefire",
    "cease-fire", "truce", "accord", "reconciliation", "exchange", "release", "row", "dispute", "crisis",
    "conflict", "discussion", "discussions", "meeting", "meetings", "summit", "settlement", "peace",
    "swap", "understanding", "pact", "armistice", "round", "rounds", "rapprochement", "normalization", "normalisation",
    "consultations", "consultation", "contacts", "declaration", "gathering", "breakthrough", "solution",
})
# What a third party's "role in" is about when no mediation word says how: "a key role in
# the negotiations", "her role in ending the war".
SETTLED_OBJECTS = frozenset({
    "talks", "negotiations", "negotiation", "dialogue", "process", "deal", "agreement", "ceasefire", "cease-fire",
    "truce", "accord", "settlement", "release", "exchange", "swap", "reconciliation", "rapprochement",
    "normalization", "normalisation", "mediation", "armistice", "pact",
})
# What a third party negotiates between sides at war besides a settlement: "negotiated a
# corridor for grain ships", "secured the evacuation of civilians".
ARRANGED_OBJECTS = frozenset({
    "corridor", "corridors", "evacuation", "evacuations", "passage", "access", "withdrawal", "handover", "return",
    "pause", "arrangement", "arrangements", "plan", "framework", "roadmap", "protocol", "memorandum", "initiative",
    "terms", "transfer", "repatriation",
})
# What is released, exchanged or moved between sides at war is people.
PEOPLE_MOVED_NOUNS = frozenset({"release", "exchange", "swap", "return", "transfer", "handover", "repatriation",
                                "evacuation"})
PEOPLE_NOUNS = frozenset({
    "hostage", "prisoner", "detainee", "captive", "soldier", "civilian", "child", "citizen", "national",
    "journalist", "body", "remains", "pow", "fighter", "people", "person", "woman", "man", "wounded", "resident",
    "family", "worker", "crew", "sailor", "pilot", "abductee",
})
SETTLING_VERBS = frozenset({"end", "resolve", "secure", "reach", "negotiate", "achieve", "settle", "restore",
                            "bring", "defuse", "de-escalate", "calm", "forge", "seal", "clinch", "arrange",
                            "conclude", "ease", "halt", "stop"})
# Verbs of setting out to do something: "C stepped in to end the war", "C is trying to".
# Verbs of a journey whose purpose may be a third party's try: "visited A and B to ease tensions".
JOURNEY_VERBS = frozenset({"travel", "visit", "fly", "tour", "head", "go", "come", "arrive", "rush", "dash"})
TRYING_VERBS = frozenset({"try", "seek", "work", "step", "intervene", "move", "help", "offer", "hope", "attempt",
                          "strive", "push", "labour", "labor", "endeavour", "endeavor", "scramble", "race"})
# Verbs of bringing sides "to the negotiating table".
TABLE_VERBS = frozenset({"bring", "get", "lure", "coax", "draw", "push", "press", "nudge", "return", "lead"})
# Verbs of bringing sides together: "C brought A and B together".
TOGETHER_VERBS = frozenset({"bring", "get", "draw", "pull"})
# Nouns of "for the first time", "for years": when, not what for.
TIME_NOUNS = frozenset({"time", "year", "month", "week", "day", "decade", "while"})
# Verbs of having a role: "C played a mediating role".
ROLE_VERBS = frozenset({"play", "assume", "take", "have", "fill", "perform"})
# Nouns of trying: "efforts to end the war", "a push for talks".
EFFORT_NOUNS = frozenset({"efforts", "effort", "push", "bid", "drive", "attempt", "attempts", "initiative",
                          "campaign"})
ROLE_NOUNS = frozenset({"role", "efforts", "effort", "part", "work", "support", "help", "leadership",
                        "contribution", "involvement", "assistance", "team", "partnership", "cooperation",
                        "collaboration", "coordination"})
# Nouns of working together whose "with" phrase names a partner in the same role: "C's
# partnership with D in mediating".
PARTNER_NOUNS = frozenset({"partnership", "cooperation", "collaboration", "coordination", "work"})


def _words(use: str) -> frozenset[str]:
    """The words of one use in ``mediation_words.tsv``."""
    return words_of("mediation_words.tsv", use)


OFFER_WORDS = _words("offer")
LEAD_OBJECTS = _words("lead_object")
AS_VERBS = _words("as_verb")
ENABLING_NOUNS = _words("enabling_noun") | ROLE_NOUNS | EFFORT_NOUNS
CREDITED_PARTS = _words("credited_part")
WEIGHTY_WORDS = _words("weighty")
PLAN_NOUNS = _words("plan")
AUTHORING_VERBS = _words("authoring")
# Verbs by which the sides take up a third party's plan ("both sides accepted C's proposal").
# Verbs of the sides' settling, in a clause a third party witnesses or announces ("A and B
# signed the deal in the presence of C", "C announced that A and B had agreed to a truce").
SIGNING_VERBS = frozenset({"sign", "initial", "conclude", "seal", "agree", "reach", "accept", "resume", "ink"})
TAKING_UP_VERBS = frozenset({"accept", "welcome", "endorse", "embrace", "approve", "back", "agree", "adopt"})
# Verbs of an onlooker's stance on a mediation: "C's mediation, backed (welcomed) by D".
STANCE_VERBS = TAKING_UP_VERBS | frozenset({"support", "fund", "finance", "praise", "criticise", "criticize",
                                            "reject", "oppose", "hail"})
# The most issuers of a joint statement, the two sides among them, that tells of third parties.
JOINT_STATEMENT_MOST = 4
# Prepositions after a part ("support to (for, of, on) the process") that tell of a stance as
# often as of a part in it: only a part someone credits counts.
CREDITED_PREPS = frozenset({"to", "for", "of", "on", "towards", "toward"})
# Words one side sends the other besides messages ("conveyed A's position (views) to B").
SAID_NOUNS = frozenset({"position", "positions", "view", "views", "concern", "concerns", "assurance", "assurances",
                        "condition", "conditions", "answer", "request", "readiness", "stance", "word", "point"})
# Settlements a third party may meet one side about (not talks, which the meeting itself is).
SETTLEMENT_TOPICS = SETTLED_OBJECTS - {"process", "talks", "negotiations", "negotiation", "dialogue"}
# Prepositions by which a third party's act prompts the sides' settlement ("following C's
# intervention", "at C's urging", "on C's advice").
PROMPTING_PREPS = frozenset({"after", "following", "at", "on", "under", "upon"})
# Verbs of calling or speaking to each side ("C phoned both leaders").
CALLING_VERBS = frozenset({"call", "phone", "telephone", "contact", "speak", "talk"})
# Help whose giver's part is implied ("with the backing (encouragement) of C").
IMPLIED_HELP = frozenset({"assistance", "backing", "encouragement"})
# "a C-proposed ceasefire": compounds that name the author of what the sides settle.
AUTHORED_COMPOUNDS = frozenset({"proposed", "drafted", "initiated"})
# "under the auspices (aegis, chairmanship) of C"
AUSPICES_WORDS = frozenset({"auspices", "aegis", "chairmanship", "co-chairmanship", "stewardship", "patronage"})
# Gatherings a chair may lead without any dispute in view.
GATHERING_NOUNS = frozenset({"meeting", "meetings", "summit", "summits", "gathering", "conference", "session",
                             "sessions", "forum"})
LEAD_KINDS: dict[str, MediationKind] = {"lead": "mediator", "steer": "mediator", "spearhead": "mediator"}
# Verbs of leading talks that name a third party only with the sides after "between": "the
# envoy opened a round of talks between A and B" (but "A opened talks", "C launched a plan").
OPENING_VERBS = frozenset({"open", "launch"})
# "thanked Qatar for mediating", "praised Egypt for its role in brokering"
# Verbs whose subject is the mediator of the mediation they take as object.
MEDIATION_LIGHT_VERBS = frozenset({"lead", "conduct", "undertake", "launch", "offer", "head", "pursue", "begin",
                                   "resume", "start", "continue", "provide", "propose", "step", "chair",
                                   "co-chair", "oversee", "run", "direct", "coordinate", "steer", "spearhead", "lend",
                                   "extend"})
# "C, one of the mediators": words of a part of a group.
PART_WORDS = frozenset({"one", "two", "three", "some", "part", "member", "members"})
# Guests named by office or group: "hosted the foreign ministers of A and B", "hosted both leaders".
GUEST_GROUPS = frozenset({"leaders", "sides", "parties", "delegations", "ministers", "presidents", "envoys",
                          "negotiators", "representatives", "rivals", "delegates", "counterparts"})
# Terms a third party puts to the sides ("proposed a ceasefire plan to both sides").
PROPOSAL_NOUNS = frozenset({"proposal", "plan", "draft", "initiative", "roadmap", "framework", "offer", "terms",
                            "formula", "compromise", "text", "ceasefire", "truce", "deal", "agreement"})
# Verbs of talking whose talks may pass "through" or "via" a third party.
VIA_TALKS = frozenset({"negotiate", "talk", "communicate", "correspond", "speak", "exchange", "pass", "send",
                       "convey", "relay", "deliver", "hold", "conduct"})
# Verbs of making or keeping a channel between sides: "C opened a back channel between A and B".
OPENING_VERBS = frozenset({"open", "establish", "set", "create", "provide", "maintain", "keep", "run", "offer"})
# Verbs of talking "through" a third party that say so only of a message sent ("sent troops through C").
SENDING_VERBS = frozenset({"send", "pass", "deliver"})
# Verbs of taking part "in" the mediation: "C participated in the mediation".
PARTAKING_VERBS = frozenset({"participate", "involve", "engage"})
# "X is acting as facilitator ... with Y"
ACTING_VERBS = frozenset({"act", "serve", "work", "function", "operate"})
# Group nouns of two sides' leaders or ministers: "between the two leaders (ministers)".
LEADER_GROUPS = frozenset({"leaders", "presidents", "ministers", "premiers"})
# Possessives of one owner of a dispute: "its border row with B", "his dispute with Y".
OWNER_PRONOUNS = frozenset({"its", "his", "her"})
# People a mediation is "between the two" of, named before: rivals within one country, or leaders.
RIVAL_PEOPLE = frozenset({"men", "women", "rivals", "leaders"})
PARTY_GROUPS = frozenset({"sides", "parties", "countries", "nations", "factions", "governments",
                          "neighbours", "neighbors", "rivals", "foes", "adversaries", "belligerents",
                          "camps", "groups"})
# Groups at odds by their name, and words that set any group of PARTY_GROUPS at odds ("the two
# sides", "the rival factions", "the warring parties"; not "the donor countries").
AT_ODDS_GROUPS = frozenset({"sides", "factions", "rivals", "foes", "adversaries", "belligerents", "camps"})
AT_ODDS_WORDS = frozenset({"rival", "warring", "two", "both", "feuding"})
RELAY_CUES = frozenset({"then", "later", "subsequently", "afterwards", "after", "asking", "asked",
                        "request", "message", "messages", "convey", "conveyed", "relay", "relayed",
                        "pass", "passed"})
# Verbs and nouns of carrying a message from one side to the other.
CARRY_VERBS = frozenset({"convey", "relay", "pass", "carry", "deliver", "transmit", "take"})
MESSAGE_NOUNS = frozenset({"message", "proposal", "offer", "response", "reply", "letter", "demand", "demands",
                           "proposals", "messages", "offers", "position", "plan"})
# Verbs whose joint subject is the sides of a mediation told in a phrase of their clause:
# "A and B met under C's mediation", "after mediation by C, A and B exchanged prisoners",
# "A and B asked C to mediate" (besides the frame verbs of frames.tsv).
SIDES_VERBS = JOINT_VERBS.keys() | {"meet", "talk", "exchange", "swap", "release", "free", "ask", "request",
                                    "invite", "sit", "gather", "return", "come", "trade", "accept", "approve"}
# Kinds of frames whose sides are at odds or bound by what they settled (not mere talks).
DISPUTE_FRAME_KINDS = frozenset({"war", "dispute", "truce", "deal"})
# Kinds of frames of sides that merely talk or keep ties (a third party talks with a side).
CONFLICT_FRAME_KINDS = frozenset({"war", "dispute", "truce"})
# Adjectives of a part that helps the sides, not a side's own: "a constructive role in the dispute".
HELPFUL_ROLE_WORDS = frozenset({"constructive", "positive", "helpful", "moderating", "calming", "balanced"})
# Where a clause's verb stands: a participle the tagger makes a noun there, with an auxiliary, is the verb.
CLAUSE_DEPS = frozenset({"relcl", "ROOT", "ccomp", "conj", "advcl"})
TALKING_FRAME_KINDS = frozenset({"talks", "relations"})
# Verbs by which the sides turn down a third party's offer: "A and B rejected C's offer to
# mediate" (the offer, still C's, is a mediation proposed between them).
REJECTING_VERBS = frozenset({"reject", "refuse", "decline", "rebuff", "spurn"})
# Nouns of a third party's offer to act: "accepted C's offer (proposal) to mediate".
OFFER_NOUNS = frozenset({"offer", "proposal", "invitation", "request"})
# Verbs of trading: "a deal to buy wheat" is the buyer's own.
TRADING_VERBS = frozenset({"buy", "sell", "purchase", "import", "export", "supply", "acquire", "lease", "trade"})
# Verbs of handing a proposal to its addressees: "presented a new proposal to A and B".
HANDING_VERBS = frozenset({"present", "submit", "deliver", "hand", "send", "give", "table", "convey", "pass",
                           "forward", "transmit"})
# Words a misparse may make of a mediator named before its verb ("The AU mediated talks":
# the acronym as an adverb of an adjectival "mediated", or as its auxiliary).
LEFT_SUBJECT_DEPS = frozenset({"nsubj", "npadvmod", "advmod", "aux", "nmod", "compound"})
# Verbs of arranging a meeting or talks: "C organised a round of talks"; coordinating one
# ("X, who coordinated the meeting") tells of a convener only by implication.
CONVENING_VERBS = frozenset({"arrange", "organise", "organize", "coordinate"})
IMPLIED_CONVENING = frozenset({"coordinate"})
TRILATERAL_WORDS = frozenset({"trilateral", "three-way", "tripartite", "three-party"})
# Last words of titles that make their holder a go-between when they deal with two sides.
# Why a mediated release has the parties it has (a release is no talks: see kg.nlp.extraction).
RELEASE_REASON = ("parties: who held the people released, and the people's country"
                  " (or, in an exchange, the other holder)")
# Who holds and releases people: "detained by X", "X released the hostages".
RELEASE_VERBS = frozenset({"release", "free"})
RETURNING_VERBS = frozenset({"return", "repatriate"})
CAPTIVE_VERBS = frozenset({"detain", "hold", "kidnap", "abduct", "capture", "seize", "imprison", "jail"})
# How far back a go-between's other side may be named with it ("A and B took steps ... A will convey to C").
PARTNER_SENTENCES = 5
# How near each other the meetings of one who meets each side apart must be told.
MET_EACH_SIDE_SENTENCES = 2
# How far back "the two countries" looks for the two it refers to, named apart.
TWO_TOLD_SENTENCES = 2
CONFLICT_WORDS = frozenset({"peace", "ceasefire", "cease-fire", "truce", "war", "conflict", "hostilities"})
CONFLICT_TOLD_WORDS = CONFLICT_WORDS | {"fighting", "dispute", "crisis", "tensions"}
# Verbs by which a host's officials engage with talks held in its country ("opened the
# talks", "welcomed the delegations"), or tell of them ("said A and B would hold talks").
ENGAGING_VERBS = frozenset({"open", "welcome", "receive", "attend", "chair", "greet", "address", "brief",
                            "inaugurate", "close"})
ANNOUNCING_VERBS = frozenset({"say", "announce", "confirm", "state"})
# What those who only look on a dispute do: "A and B welcomed the talks".
LOOKING_ON_VERBS = ANNOUNCING_VERBS | CREDIT_VERBS | frozenset({
    "welcome", "urge", "call", "condemn", "express", "note", "support", "back", "endorse", "voice", "issue"})
# "C invited A and B to talks": who invites two sides to talks convenes them.
INVITING_VERBS = frozenset({"invite"})
TALKS_WORDS = frozenset({"talks", "negotiations", "dialogue", "consultations"})
TALKING_VERBS = frozenset({"participate", "join", "attend", "take", "hold", "resume", "negotiate", "talk", "meet",
                           "discuss", "return", "come"})
ENVOY_TITLE_WORDS = frozenset({"envoy", "mediator", "facilitator", "representative", "emissary", "coordinator"})
# Titles of who leads a side: "opposition leader X", "rebel commander Y".
SIDE_LEADER_WORDS = frozenset({"leader", "commander", "chief", "chairman", "head"})
STATED_CONFIDENCE = 0.9
IMPLIED_CONFIDENCE = 0.6
RELAY_CONFIDENCE = 0.6
HOST_CONFIDENCE = 0.5
# Parties taken from a document frame rather than the mediation's own clause: the frame
# the clause names (told in the same sentence), else the document's most salient one.
NAMED_FRAME_CONFIDENCE = 0.75
# How a mediation's frame was chosen, as its reason tells it.
FRAME_CHOICES = {"named": "the frame its sentence names", "before": "the frame told just before it",
                 "salient": "the document's most salient frame"}
# Nouns a mediation's sentence refers back to a meeting told before with: "the talks were
# mediated by C", "C will host the meeting".
MEETING_BACK_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "negotiation", "negotiations"})
SIDE_PREPS = frozenset({"between", "among", "with", "of", "on"})  # (words that name the meeting's own sides or matter)
SALIENT_FRAME_CONFIDENCE = 0.6
IMPLIED_FRAME_PENALTY = 0.15
# Parties taken as the two actors a document names most (it names no frame of two sides).
MOST_NAMED_CONFIDENCE = 0.5


@dataclass
class MediationFinding:
    key: str
    kind: MediationKind
    mediators: list[EntityRef]
    parties: list[EntityRef]
    stated: bool
    confidence: float
    status: Status
    evidence: list[Span] = field(default_factory=list)
    reason: str | None = None
    parties_unnamed: str | None = None
    concerns: list[str] = field(default_factory=list)
    sentence_index: int = 0
    frame: str | None = None  # key of the frame the parties were taken from
    # Told as an attempt ("C has tried to mediate between A and B"): an effort that tells of
    # no talks of the sides.
    attempted: bool = False


class MediationExtractor:
    def __init__(self, index: DocIndex, events: EventExtractor, findings: list[EventFinding],
                 frames: list[FrameFinding] | None = None, offices: dict[str, set[EntityRef]] | None = None):
        self.index = index
        # What each person holds an office of, by person key (from the role findings).
        self.offices = offices or {}
        self.doc = index.doc
        self.events = events
        self.meetings = [f for f in findings if f.kind in MEETING_KINDS]
        self.frames = frames or []  # most salient first
        # Whether the document tells of a dispute or talks of two or more sides (asked again and again)
        self._two_sided = any(len(f.sides) >= 2 for f in self.frames)
        self._apposed = self._apposed_names()
        self._extra: list[MediationFinding] = []  # further acts found beside the one returned
        self._engaged: set[str] | None = None  # see _engaged_countries

    def run(self) -> list[MediationFinding]:
        found: list[MediationFinding] = []
        seen: set[int] = set()
        # Longer triggers first; a trigger that finds nothing leaves its first word to the
        # other triggers that start there ("bring the parties together", "help A and B").
        for span in sorted(self.doc.spans.get(TRIGGERS_KEY, []), key=lambda s: (s.start, -len(s))):
            if span.label_ != "mediation" or span.start in seen:
                continue
            finding = self._stated(span)
            seen.update(range(span.start if finding is not None else span.start + 1, span.end))
            if finding is not None and finding.mediators:
                found.append(finding)
            found.extend(self._extra)
            self._extra.clear()
        found.extend(self._envoys_between(found))
        found.extend(self._trilateral_hosts(found))
        found.extend(self._hosts_of_guests(found))
        found.extend(self._inviters(found))
        found.extend(self._relays(found))
        found.extend(self._hosting_inferred(found))
        found.extend(self._officials_of_mediators(found))
        found.extend(self._met_each_side(found))
        found.extend(self._met_one_side_on_settlement(found))
        found.extend(self._similar_roles(found))
        return self._bodies_are_no_sides(self._armed_groups_as_sides(
            self._represented(self._third_parties_are_no_sides(_merge(found, self.index)))))

    def _bodies_are_no_sides(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'The talks brought together A and B; the African Union also attended', 'X met AU
        officials ... the AU panel is mediating': an international body (the UN, the AU, a
        regional bloc) that attends, hosts or hears of others' talks is a third party to them,
        not a side; it is one only where the mediation's own sentence names it between the
        sides ("C mediated between ECOWAS and the junta").  And a person of a country that is
        a side is that side, not another."""
        for finding in found:
            bodies = [p for p in finding.parties if self._international(p)]
            if bodies:
                finding.parties = [p for p in finding.parties if p not in bodies or self._named_between(p, finding)]
            # (each side once: "talks between A and B ... A's premier X and B's president Y
            # attended" are A and B, not A, X, B and Y)
            countries = [p for p in finding.parties if p.kind == "country"]
            finding.parties = [p for p in finding.parties if not (p.kind == "person" and any(
                c.key == self.index.country_of(p) or self._holds_office_of(p, c) for c in countries))]
        return found

    def _org_kind(self, ref: EntityRef) -> str | None:
        """The kind of the organisation ``ref`` names (international, armed_group, ...); None for
        others."""
        org = self.index.orgs.get(ref.key) if ref.kind == "organization" else None
        return None if org is None else org.kind

    def _international(self, ref: EntityRef) -> bool:
        return self._org_kind(ref) == "international"

    def _named_between(self, ref: EntityRef, finding: MediationFinding) -> bool:
        """Whether ``ref`` is named inside a "between" ("among") phrase of the finding's sentences."""
        return any(self.index.ref_at(token) == ref and any(a.lower_ in {"between", "among"} and a.dep_ == "prep"
                                                           for a in token.ancestors)
                   for sent in finding.evidence for token in sent)

    def _similar_roles(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'C has carried proposals between A and B. D has played a similar role': one who plays
        a role like (the same role as) the third party's told in the two sentences before is a
        third party between the same sides (implied)."""
        out = []
        for like in self.index.tokens_in(SIMILAR_WORDS):
            role = like.head
            if like.dep_ != "amod" or role.lemma_ not in {"role", "part"} or role.dep_ != "dobj":
                continue
            holders = self.events.refs([s for s in subjects_of(role.head) if s.dep_ != "nsubjpass"])
            here = self.events.sentence_index(like)
            told = [f for f in found if here - 2 <= f.sentence_index < here and len(f.parties) >= 2]
            if not holders or not told or any(h in told[-1].parties or h in told[-1].mediators for h in holders):
                continue
            out.append(MediationFinding(
                key=f"mediation-{like.idx}-similar", kind=told[-1].kind, mediators=holders,
                parties=list(told[-1].parties), stated=False, confidence=IMPLIED_CONFIDENCE,
                status=told[-1].status, evidence=[self.events.sent(like)], sentence_index=here,
                reason="a role like the third party's told just before"))
        for also in self.index.tokens_in({"also"}):
            # "C offered to mediate between A and B. D has also offered its help": the same offer
            offer = also.head
            if also.dep_ != "advmod" or offer.lemma_ != "offer" or not any(
                    c.dep_ == "dobj" and c.lemma_ in OFFERED_HELP for c in offer.children):
                continue
            holders = self.events.refs(subjects_of(offer))
            here = self.events.sentence_index(also)
            told = [f for f in found if here - 1 <= f.sentence_index < here and len(f.parties) >= 2
                    and f.status == "proposed"]
            if not holders or not told or any(h in told[-1].parties or h in told[-1].mediators for h in holders):
                continue
            out.append(MediationFinding(
                key=f"mediation-{also.idx}-also-offered", kind=told[-1].kind, mediators=holders,
                parties=list(told[-1].parties), stated=False, confidence=IMPLIED_CONFIDENCE, status="proposed",
                evidence=[self.events.sent(also)], sentence_index=here,
                reason="an offer like the one told just before"))
        return out

    def _armed_groups_as_sides(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'The army has fought the Front and the Movement since May ... C mediated between the
        government and the rebels': a mediation whose parties name no armed group counts among
        its sides the armed groups the document names fighting, truce-making or negotiating in
        a sentence that also names one of its parties (a conflict's armed groups are what its
        mediation is between)."""
        if not any(f.parties for f in found) or not any(self._armed(m.ref) for m in self.index.mentions):
            return found
        sentences: dict[EntityRef, set[int]] = {}
        groups: list[EntityRef] = []
        for mention in self.index.mentions:
            here = self.events.sentence_index(mention.start)
            sentences.setdefault(mention.ref, set()).add(here)
            if mention.ref not in groups and self._armed(mention.ref) and any(
                    frame_kind(t) is not None or t.lemma_ in HOSTILE_VERBS for t in self.events.sentences[here]):
                groups.append(mention.ref)
        if not groups:
            return found
        # (a group already a side of another third party's mediation is that one's: "A and the
        # Front resumed talks, which C mediates ... Separately, A and B agreed a truce brokered by D")
        mediated = [(set(f.mediators), set(f.parties)) for f in found]
        for finding in found:
            if not finding.parties or any(self._armed(p) for p in finding.parties):
                continue
            # (with two sides named, only a group of a party's own country: "the army fought the
            # Front" is A's conflict, "D's militia attacked A" another front of A's war)
            sides = {self._side_key(p) for p in finding.parties}
            homes = None if len(sides) < 2 or self._groups_unnamed(finding) else sides
            told_with = set().union(*(sentences.get(p, set()) for p in finding.parties))
            added = [g for g in groups if g not in finding.mediators and sentences[g] & told_with
                     and (homes is None or self.index.orgs[g.key].country in homes)
                     and not any(g in parties and not mediators & set(finding.mediators)
                                 for mediators, parties in mediated)]
            if added:
                finding.parties = [*finding.parties, *added]
                note = "armed groups the document names in its conflict beside these parties added"
                finding.reason = f"{finding.reason}; {note}" if finding.reason else note
        return found

    def _groups_unnamed(self, finding: MediationFinding) -> bool:
        """Whether the mediation's sentence tells of armed groups it does not name: "between the
        government and the rebels", "truces between the military and ethnic armed groups"."""
        return any(t.lemma_ in UNNAMED_GROUP_WORDS and self.index.ref_at(t) is None
                   for sent in finding.evidence for t in sent)

    def _armed(self, ref: EntityRef) -> bool:
        return self._org_kind(ref) == "armed_group"

    def _third_parties_are_no_sides(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'C has tried to mediate between A and its neighbours ... the Secretary met
        officials of A and C': a stated mediator of the document is no side of another
        mediation of it; when that leaves fewer than two sides, the other mediation's own sides
        (the same dispute, with co-mediators) are taken.  A mediation only implied or inferred
        from two sides ("talks in C's capital between A and B") that is left with one is none:
        what it was read from was a stated mediator's own talks."""
        # Each stated mediator counted over the stated findings once, and their mediators as
        # sets once (gathering every other finding's mediators for each was quadratic).
        stated = [g for g in found if g.stated]
        counts = Counter(m for g in stated for m in set(g.mediators))
        mediators_of = [(g, set(g.mediators)) for g in stated]
        parties_of = {id(g): set(g.parties) for g in found}  # kept up to date as the loop changes them
        dropped: set[int] = set()
        for finding in found:
            own = Counter(set(finding.mediators)) if finding.stated else Counter()
            third = {m for m, n in counts.items() if n - own[m] > 0} - set(finding.mediators)
            third_countries = {self.index.country_of(m) for m in third if m.kind == "country"} - {None}
            if not third or not any(p in third or p.kind == "country" and p.key in third_countries
                                    for p in finding.parties):
                continue
            kept = [p for p in finding.parties if p not in third
                    and not (p.kind == "country" and p.key in third_countries)]
            if len(kept) < 2:
                mine = set(finding.mediators)
                wanted = set(kept)
                shared = next((g for g, mediators in mediators_of if g is not finding and len(g.parties) >= 2
                               and wanted <= parties_of[id(g)] and not mine & parties_of[id(g)]
                               and mediators & third), None)
                if shared is not None:
                    kept = list(shared.parties)
                    finding.reason = "parties: the sides of the same dispute's other mediation"
            if len(kept) < 2 <= len(finding.parties) and not finding.stated:
                dropped.add(id(finding))
            finding.parties = kept
            parties_of[id(finding)] = set(kept)
            if len(kept) < 2 and finding.parties_unnamed is None:
                finding.parties_unnamed = "the other parties are not named"
        return [f for f in found if id(f) not in dropped]

    def _represented(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'African Union chief mediator, X, ...': one mediator, X, who holds an office of the
        African Union and so acts for it; the body named only in X's title is not a second
        mediator of the same sentence."""
        # (one only implied to go between, "Former Kenyan President X met A's leader", leaves
        # "Kenya's mediation" told beside it Kenya's)
        people = [(f.sentence_index, m) for f in found if f.stated for m in f.mediators if m.kind == "person"]
        kept = []
        for finding in found:
            finding.mediators = [m for m in finding.mediators if m.kind == "person" or not any(
                here == finding.sentence_index and self._holds_office_of(p, m) for here, p in people)]
            if finding.mediators:
                kept.append(finding)
        return kept

    def _allegiance_known(self, ref: EntityRef) -> bool:
        """Whether a person acts for a known country or body (a country, or an office of a
        country or an organisation: "the EU Special Representative X")."""
        person = self.index.persons.get(ref.key)
        return self.index.country_of(ref) is not None or bool(person and person.organization) or any(
            o.kind in {"country", "organization"} for o in self.offices.get(ref.key, ()))

    def _credible_third(self, ref: EntityRef) -> bool:
        """Whether an actor can be a third party credited with a part: a country, a body, or a
        named person who acts for one or holds a title ("former President X", "envoy X")."""
        if ref.kind in {"country", "organization"}:
            return True
        person = self.index.persons.get(ref.key) if ref.kind == "person" else None
        return person is not None and bool(person.name) and (
            self._allegiance_known(ref) or bool(person.titles) or person.leader)

    def _holds_office_of(self, person_ref: EntityRef, body: EntityRef) -> bool:
        person = self.index.persons.get(person_ref.key)
        if person is None or not person.name:
            return False
        if body in self.offices.get(person_ref.key, ()):
            return True
        if body.kind == "organization":
            return person.organization == body.key
        return any(country == body.key for _, country in person.titles)

    # --- stated ----------------------------------------------------------------------

    def _stated(self, span: Span) -> MediationFinding | None:
        kind_id = span.id_
        if kind_id == "compound":
            return self._compound(span)
        if kind_id in {"implied", "implied_host"}:
            return self._implied(span, kind_id)
        if kind_id == "convey":
            return self._convey(span)
        if kind_id == "lead":
            return self._lead(span)
        if kind_id == "go_between":
            return self._go_between(span)
        if kind_id == "protecting":
            return self._protecting(span)
        if kind_id == "helped":
            return self._helped(span)
        if kind_id == "via":
            return self._via(span)
        if kind_id == "proposed":
            return self._proposed(span)
        if kind_id == "third_party":
            return self._third_party(span)
        if kind_id == "role_in":
            return self._role_in(span)
        if kind_id == "settled":
            return self._settled(span)
        if kind_id == "ending":
            return self._ending(span)
        if kind_id == "to_table":
            return self._to_table(span)
        if kind_id == "together":
            return self._together(span)
        if kind_id == "channel":
            return self._channel(span)
        if kind_id == "helped_sides":
            return self._helped_sides(span)
        if kind_id == "enabled":
            return self._enabled(span)
        if kind_id == "weighty_in":
            return self._weighty_in(span)
        if kind_id == "credited_part":
            return self._credited_part(span)
        if kind_id == "plan":
            return self._plan_author(span)
        if kind_id == "witnessed":
            return self._witnessed(span)
        if kind_id == "announced":
            return self._announced(span)
        if kind_id in {"thanks_to", "diplomacy"}:
            return self._credited_with_settlement(span)
        if kind_id == "joint_statement":
            return self._joint_statement(span)
        if kind_id == "told_for":
            return self._told_for(span)
        if kind_id == "venue":
            return self._venue(span)
        if kind_id == "carried_to":
            return self._carried_to(span)
        if kind_id == "prompted":
            return self._prompted(span)
        if kind_id == "pressed":
            return self._pressed(span)
        if kind_id == "involved":
            return self._involved(span)
        if span[0].lower_ == "go":  # "go-between", split in three by the tokenizer
            return self._noun(span, span[-1], "intermediary")
        if span[0].lower_ in AUSPICES_WORDS:
            return self._auspices(span)
        if kind_id == "invitation":
            return self._invitation(span)
        if kind_id == "guarantor":
            # "Norway and Cuba are guarantors of the talks between A and B": a guarantor of
            # talks or a process (not of a country's security) is a third party to them.
            if not any(_is_peace_object(t) for t in self.events.sent(span.start)) and not (
                    not any(c.dep_ == "prep" and c.lower_ == "of" for c in span.root.children)
                    and self._talks_told_at(self.events.sentence_index(span.start))):
                # ("A and B resumed talks. C and D are guarantors.": the talks just told)
                return None
            noun = span.root
            if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and self.index.ref_at(noun.head) is None:
                noun = noun.head  # "one of the guarantor countries"
            found = self._noun(span, noun, "mediator")
            return None if found is None or self._is_side(found.mediators) else found
        if kind_id == "mediator" and len(span) > 2 and span[1].lower_ in {"for", "to"} \
                and span[0].lower_ in ENVOY_TITLE_WORDS | {"envoys"}:
            # "C's special envoy for the talks, X": a third party's envoy, never a side's own
            # ("A's envoy to the talks" is A's negotiator)
            found = self._noun(span, span[0], "mediator")
            two_sided = [f for f in self.frames if len(f.sides) >= 2]  # ("C's envoy for the talks": no frame of C's)
            if found is None or self._is_side(found.mediators, two_sided) or any(
                    self._is_side([o], two_sided) for m in found.mediators for o in self.offices.get(m.key, ())):
                return None
            return found
        if kind_id == "intermediary" and span[0].lower_ in {"proximity", "indirect", "shuttle"}:
            mediators, sides = self._run_into_by(span[-1])
            if mediators:  # "After months of shuttle diplomacy by C, A and B agreed ..."
                return self._build(span, "intermediary", mediators, span[-1], stated=True, parties=sides)
            mediators = self._through(span)
            if not mediators and span[0].lower_ == "shuttle" and span[-1].lower_ == "diplomacy":
                # "months of Kenyan shuttle diplomacy", "C's shuttle diplomacy": the diplomacy's holder
                mediators = self._role_holder(span[-1]) or self._doer_of(span[-1])
            return self._build(span, "intermediary", mediators, span[-1], stated=True) if mediators else None
        if kind_id == "intermediary" and span[0].lemma_ in CARRY_VERBS:
            return self._carried(span)
        kind: MediationKind = kind_id  # type: ignore[assignment]
        # "co-hosted", "co-facilitators" split in three: the last word is the trigger.
        token = span[-1] if span[0].lower_ == "co" else span.root
        if len(span) == 2 and span[0].lower_.endswith("ing") and span[0].dep_ in {"amod", "compound"} \
                and span[1].lemma_ in ROLE_NOUNS:
            # "X's mediating team", "the facilitating efforts of C": the team's (efforts') holder
            return self._verb(span, span[0], kind)
        if token.lemma_ == "broker" and any(c.lower_ == "power" for c in token.children if c.i < token.i):
            return None  # "power broker Ali Hassan": an influential person, no go-between
        if token.lemma_ in {"reconcile", "conciliate"} and token.pos_ == "VERB" and not any(
                c.dep_ in {"dobj", "agent"} for c in token.children):
            return None  # "A and B reconciled": the sides themselves, no third party
        if token.lemma_ in {"bridge", "messenger", "conduit"} and token.pos_ == "NOUN" and not (
                token.head.lower_ == "as" or token.dep_ == "attr"):
            return None  # "served as a bridge (conduit) between A and B", not "built a bridge between A and B"
        if token.lemma_ == "channel" and token.pos_ == "NOUN" and not (
                (token.head.lower_ == "as" or token.dep_ == "attr")
                and any(t.lower_ == "between" for t in token.subtree)):
            return None  # "has been a channel for messages between A and B", not "through diplomatic channels"
        if token.lemma_ == "architect" and not any(
                p.lower_ == "of" and any(_is_peace_object(c) for c in p.children) for p in token.children):
            return None  # "the architect of the deal (truce)", not of a building
        if token.lemma_ == "host" and token.pos_ == "NOUN" and any(c.dep_ == "poss" and (
                c.lower_ in {"his", "her"} or getattr(self.index.ref_at(c), "kind", None) == "person")
                for c in token.children):
            return None  # "A held talks with his host, B": one visitor's host, no go-between
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_.endswith("ing") and (
                token.dep_ in {"compound", "amod"} and token.head.pos_ in {"NOUN", "PROPN"}
                or token.dep_ in CLAUSE_DEPS and any(c.dep_ == "aux" for c in token.children)):
            # "the three mediating countries, A, B and C", "C, which is mediating between A and
            # B, ...", "C is mediating between A and the opposition": a participle the tagger
            # makes a noun
            return self._verb(span, token, kind)
        # "host" and "broker" tagged PROPN at a sentence start are still the verbs, and so is a
        # "noun" the parse gives an infinitive's "to" or an object ("offered to host talks").
        if (token.pos_ == "NOUN" and not verb_tagged_noun(token)) or (
                token.pos_ == "PROPN" and token.lemma_ not in {"host", "broker"}):
            return self._noun(span, token, kind)
        return self._verb(span, token, kind)

    def _verb(self, span: Span, verb: Token, kind: MediationKind) -> MediationFinding | None:
        # "Ghana's convening role in the talks between Mali and Niger"
        if verb.dep_ in {"amod", "compound"} and verb.head.lemma_ in ROLE_NOUNS:
            mediators = self._role_holder(verb.head)
            return self._build(span, kind, mediators, verb.head, stated=True) if mediators else None
        objects = [_relative_object(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if kind == "broker" and self._own_deal(verb, objects):
            return None
        # "C hopes to broker an end to the war between A and B": the war is what is settled.
        ended = [c for o in objects if o.lower_ == "end" for p in [*o.children, *verb.children]
                 if p.dep_ == "prep" and p.lower_ == "to"  # (the parse may hang "to" on the verb)
                 for c in p.children if c.dep_ == "pobj" and frame_kind(c) is not None]
        objects += ended
        if verb.dep_ in {"acl", "amod", "relcl"}:
            # "talks hosted by Qatar", "talks, which are facilitated by Norway": the talks
            # are what is hosted or facilitated.
            objects.append(verb.head)
            if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of" and verb.head.head.head.lower_ in VENUE_WORDS:
                return None  # "A met B on the sidelines of the summit hosted by C": C hosts the summit, not them
        # ("brokered the restoration of ties between A and B": the sides named in the object)
        between = _between(verb) or next((b for o in objects for n in (o, *_of_objects(o)) if (b := _between(n))), [])
        if verb.lemma_ in {"mediate", "arbitrate"} and verb.pos_ == "VERB" and not between \
                and self._mediates_no_dispute(verb):
            return None  # "C mediated the sale of drones to A": a trade, no sides at odds
        agent = agents_of(verb)
        # "talks between A and B, which are facilitated by X": the parser may hang the clause on B.
        passive_in_talks = bool(agent) and any(_is_peace_object(t) for t in self.events.sent(verb))
        # "C convened (hosted) a meeting of the rival factions": a gathering of the sides is their talks
        sides_gathered = any(o.lower_ in GATHERING_NOUNS and any(_at_odds(g) for g in _of_objects(o)) for o in objects)
        if kind in {"host", "facilitator", "broker", "convener"} or verb.lemma_ in {"sponsor"}:
            if not between and not passive_in_talks and not ended and not sides_gathered \
                    and not any(_is_peace_object(o) for o in objects):
                if kind == "host" and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
                    # "both sides thanked C for hosting (them)": the thankers are the guests
                    hosts = self._credited(verb.head)
                    guests = self._thanked_by_sides(verb, hosts) if hosts and not self._is_side(hosts) else []
                    return self._build(span, kind, hosts, verb, stated=True, parties=guests) if guests else None
                if kind == "host":
                    # (a host of guests is handled by _hosts_of_guests)
                    return self._hosting_beside(span, verb)
                if not (verb.dep_ == "pcomp" and verb.head.head.lemma_ in ROLE_NOUNS):
                    return None
        misparsed = self._left_subject(verb) if not agent else []
        if agent:
            # "mediated by C together with D": D mediates too
            mediators = self.events.refs([*agent, *_along_with(verb)])
        elif misparsed:
            mediators = misparsed
        elif verb.dep_ == "amod" and (doers := subjects_of(verb)):
            mediators = self.events.refs(doers)  # "C has been brokering talks": see subjects_of
        elif verb.dep_ in {"acl", "amod", "compound"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            mediators = self.events.refs([verb.head])
            if not mediators:
                mediators = self._role_holder(verb.head)
            if not mediators and verb.dep_ == "acl":
                mediators = self.events.refs(subjects_of(verb))  # "C flew in in an effort to broker"
            if not mediators and verb.dep_ == "acl":
                # "(our appreciation to C) for its efforts to facilitate": the credited one
                mediators = self._role_holder_from(verb)
        else:
            mediators = self._role_holder_from(verb)
            if not mediators and verb.dep_ in {"advcl", "xcomp"} and verb.head.lemma_ in APPOINTING_VERBS:
                # "B appointed X as its envoy to mediate": the one appointed mediates
                mediators = self.events.refs([c for c in verb.head.children if c.dep_ == "dobj"])
            if not mediators:
                # a misparse hangs the subject on the auxiliary ("X, the envoy, is mediating"), and
                # it is the verb's own, before any inherited from a clause above ("A sent negotiators
                # to Cairo, where Egyptian officials are mediating")
                mediators = self.events.refs([g for a in verb.children if a.dep_ in {"aux", "auxpass"}
                                              for g in a.children if g.dep_ in {"nsubj", "nsubjpass"}])
            if not mediators:
                mediators = self.events.refs(subjects_of(verb))
            if not mediators:
                mediators = self._copula_subject(verb)
            if not mediators:
                mediators = self._pair_referred(subjects_of(verb))
            # "C, which along with D has mediated the talks": D mediates too.
            mediators += [r for r in self.events.refs(_along_with(verb)) if r not in mediators]
        if verb.dep_ == "amod" and verb.head.lemma_ in PEACE_OBJECTS and not misparsed and not subjects_of(verb):
            return None
        if any(s.dep_ == "nsubj" and s.lower_ in {"country", "government", "nation"}
               and any(g.tag_ == "WP$" for g in s.children) for s in verb.children):
            # "the Swiss ambassador, X, whose country has facilitated the process": X's country
            countries = [self.index.country_of(m) for m in mediators if m.kind == "person"]
            mediators = [EntityRef("country", c) for c in countries if c is not None] or mediators
        # "C hosted a meeting of Sudanese civilian groups": a gathering of a group of others than
        # two sides (not "of the rival factions", "of A and B", "of both leaders"), whom the
        # document's frames do not name
        others = kind in {"host", "convener"} and not between and any(
            o.lower_ in GATHERING_NOUNS and (met := _of_objects(o)) and not any(
                _at_odds(g) or self.index.ref_at(g) is not None or len(self.events.refs([g])) >= 2
                or g.lower_ in GUEST_GROUPS | AT_ODDS_GROUPS | {"parties"} for g in met)
            for o in objects)
        found = self._build(span, kind, mediators, verb, stated=True, parties=[] if others else None,
                            document_sides=not others)
        if found is not None and not found.parties and kind in {"host", "convener"} and not between \
                and not sides_gathered and objects and all(o.lower_ in GATHERING_NOUNS for o in objects):
            return None  # "C hosted a meeting of the donors' committee": a gathering, no sides
        return found

    def _mediates_no_dispute(self, verb: Token) -> bool:
        """Whether what "mediate" takes as its object is neither talks, a settlement, a conflict,
        what sides exchange nor the sides themselves ("mediated the sale of drones")."""
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}
                   and self.index.ref_at(c) is None]
        # (the object's own phrase: "the resolution of the crisis", "an end to the war")
        return bool(objects) and not any(
            _is_peace_object(t) or frame_kind(t) is not None or t.lemma_ in ARRANGED_OBJECTS | SETTLED_OBJECTS
            or t.lower_ in {"end", "solution", "resolution", "way"} for o in objects for t in o.subtree)

    def _hosting_beside(self, span: Span, verb: Token) -> MediationFinding | None:
        """'A and B met in Ankara, with C hosting': the doer of an absolute "with" phrase's
        hosting on a verb of meeting hosts the verb's subjects."""
        prep = verb.head
        if verb.dep_ != "pcomp" or absolute_with(prep) != verb or prep.head.lemma_ not in MEETING_VERB_LEMMAS:
            return None
        hosts = self.events.refs([c for c in verb.children if c.dep_ == "nsubj"])
        sides = [r for r in self.events.refs(subjects_of(prep.head)) if r not in hosts]
        if not hosts or len(sides) < 2 or self._is_side(hosts):
            return None
        return self._build(span, "host", hosts, verb, stated=True, parties=sides)

    def _own_deal(self, verb: Token, objects: list[Token]) -> bool:
        """'The EU brokered a trade agreement with Vietnam': a deal "with" one named other and
        between no one is the doer's own, not one it brokers for others; so is a deal to buy or
        sell ("brokered a deal to buy wheat from C")."""
        # (the parse may hang the purpose on the verb: "brokered a deal [to buy ...]")
        purposes = [c for o in objects for c in o.children if c.dep_ in {"acl", "relcl"}]
        purposes += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.i > verb.i]
        if objects and any(c.lemma_ in TRADING_VERBS for c in purposes):
            return not any(_between(t) for t in (verb, *objects, *purposes))
        partners = [c for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "with"
                    for c in p.children if c.dep_ == "pobj"]
        return bool(self.events.refs(partners)) and not _between(verb) and not any(_between(o) for o in objects)

    def _left_subject(self, verb: Token) -> list[EntityRef]:
        """The mediator a misparse hangs before a past-tense mediation verb that it made an
        adjective or left without subject: "The AU mediated talks between A and B" (AU an
        adverb of "mediated", itself an adjective of "talks"), "IGAD mediated the talks" (IGAD
        an auxiliary), "Doha hosted talks ..." (the subject of an adjectival "hosted")."""
        if verb.tag_ not in {"VBD", "VBN"}:
            return []
        subjectless = verb.dep_ == "ROOT" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        if verb.dep_ not in {"amod", "acl"} and not subjectless:
            return []
        tokens = [c for c in verb.children if c.i < verb.i and c.dep_ in LEFT_SUBJECT_DEPS]
        if not tokens and verb.dep_ == "amod" and verb.head.dep_ == "appos" and verb.head.head.i < verb.i \
                and self.index.ref_at(verb.head.head) is not None:
            # "Qatar, backed by the United States, mediated talks ...": the parse makes the talks an
            # apposition of the subject, set off by the participle between
            tokens = [verb.head.head]
        if not tokens and verb.dep_ == "amod" and verb.i > 0 and self.index.ref_at(verb.i - 1) is not None:
            # "Minister X mediated talks between A and B": the name right before the verb, made
            # a modifier of the talks
            name = self.doc[verb.i - 1]
            chain = [name, *name.ancestors]
            upto = chain.index(verb.head) if verb.head in chain else 0
            if upto and all(t.dep_ in {"nmod", "compound", "appos"} for t in chain[:upto]):
                tokens = [name]
        return [r for r in self.events.refs(tokens) if r.kind in {"country", "organization", "person"}]

    def _role_holder_from(self, verb: Token) -> list[EntityRef]:
        """'Egypt's role in brokering', 'the role Kuwait is playing in mediating',
        'discussed Kenya's support in facilitating' (the phrase hangs on the verb),
        'thanked Qatar for mediating'."""
        current = verb
        for _ in range(4):
            head = current.head
            if head == current:
                return []
            if head.lemma_ in ROLE_NOUNS and head.pos_ == "NOUN":
                # "grateful to C for its role in brokering": the credited one holds the role;
                # "C's partnership with D in mediating": D too.
                return self._with_partners(head, self._role_holder(head) or self._credited_above(head))
            if head.pos_ in {"VERB", "AUX"} and current.dep_ in {"prep", "advcl"}:
                objects = [c for c in head.children if c.dep_ == "dobj"]
                # ("paid tribute to C's role in hosting": the role is the tribute's "to" object)
                roles = [c for p in head.children if p.dep_ in {"dative", "prep"} and p.lower_ == "to"
                         for c in p.children if c.dep_ == "pobj" and c.lemma_ in ROLE_NOUNS] \
                    if current.lower_ == "in" else []
                for obj in [*objects, *roles]:
                    if obj.lemma_ in ROLE_NOUNS:
                        return self._with_partners(obj, self._role_holder(obj))
                if head.lemma_ in CREDIT_VERBS:
                    return self.events.refs(objects)
            if current.dep_ == "prep" and current.lower_ == "for":
                credited = self._credited(current)
                if credited:
                    return credited
            if current.dep_ not in {"pcomp", "prep", "pobj", "xcomp", "acl", "advcl", "relcl"}:
                return []
            current = head
        return []

    def _with_partners(self, noun: Token, holders: list[EntityRef]) -> list[EntityRef]:
        """The holders of a role noun and, for a noun of working together, the partner its
        with-phrase names ("C's partnership with D")."""
        if not holders or noun.lemma_ not in PARTNER_NOUNS:
            return holders
        partners = self.events.refs([c for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                                     for c in p.children if c.dep_ == "pobj"])
        return holders + [r for r in partners if r not in holders]

    def _credited(self, prep_for: Token) -> list[EntityRef]:
        """Who a "for" phrase credits (events.credited_tokens), or the bodies named in the
        objects of a verb of crediting."""
        tokens = credited_tokens(prep_for)
        refs = self.events.refs(tokens)
        if not refs and tokens and tokens[0].head.lemma_ in CREDIT_VERBS:
            return self._bodies_in(tokens)
        return refs

    def _bodies_in(self, nouns: list[Token]) -> list[EntityRef]:
        """'the staff in the C structures', 'the team at C': the countries and organisations
        named inside a common noun phrase ("messages between the Alandic and Bordurian
        delegations": a delegation stands for its country, one side with it)."""
        refs: list[EntityRef] = []
        for token in (t for n in nouns for t in n.subtree):
            ref = self.index.ref_at(token)
            if ref is not None and ref.kind in {"country", "organization"}:
                ref = for_its_country(self.index, ref)
                if ref not in refs:
                    refs.append(ref)
        return refs

    def _credited_above(self, token: Token) -> list[EntityRef]:
        """The third party credited for what ``token`` names, a few steps up the tree
        ("we thank the staff of C for their years of patient mediation")."""
        current = token
        for _ in range(6):
            if current.dep_ == "prep" and current.lower_ == "for":
                return self._credited(current)
            if current.head == current or current.dep_ not in {"pobj", "prep", "pcomp", "xcomp", "amod",
                                                                 "compound", "conj"}:
                return []
            current = current.head
        return []

    def _listed_after(self, token: Token) -> list[EntityRef]:
        """Names listed right after ``token``'s mention, by commas and "and", whatever the
        parser made of the list ("of C, the D and the E")."""
        mention = self.index.mention_at(token)
        if mention is None:
            return []
        refs: list[EntityRef] = []
        i = mention.end
        while i < len(self.doc):
            while i < len(self.doc) and self.doc[i].lower_ in {",", "and", "the", "as", "well"}:
                i += 1
            nxt = self.index.mention_at(i)
            if nxt is None or nxt.start != i or nxt.ref.kind not in {"country", "organization"} or i == mention.end:
                break
            if nxt.ref not in refs:
                refs.append(nxt.ref)
            i = nxt.end
        return refs

    def _apposed_names(self) -> dict[EntityRef, EntityRef]:
        """Unnamed office-holders ("the chief mediator") apposed anywhere in the document
        with a named person ("the chief mediator, Ambassador X", "X, the chief mediator"):
        the named person, for mediators found by the bare title."""
        found: dict[EntityRef, EntityRef] = {}
        for mention in self.index.mentions:
            ref = mention.ref
            person = self.index.persons.get(ref.key) if ref.kind == "person" else None
            if person is None or person.name or ref in found:
                continue
            head = self.doc[mention.end - 1]
            # "the U.S. special envoy for the Horn of Africa, X": the apposition may hang on
            # any word of the title's phrase.
            partners = [c for t in self.doc[mention.start:mention.end] for c in t.children
                        if c.dep_ == "appos" and not mention.start <= c.i < mention.end]
            # ... or on the last word of its "for (to) ..." phrase: "envoy for the Horn of Africa, X"
            partners += [c for p in head.children if p.dep_ == "prep" and p.lower_ in {"for", "to"}
                         for t in p.subtree for c in t.children if c.dep_ == "appos"]
            if head.dep_ == "appos":
                partners.append(head.head)
            for partner in partners:
                other = self.index.ref_at(partner)
                named = self.index.persons.get(other.key) if other is not None and other.kind == "person" else None
                if named is not None and named.name:
                    found[ref] = other  # type: ignore[assignment]
                    break
        return found

    def _pair_referred(self, subjects: list[Token]) -> list[EntityRef]:
        """'A and B said ... The two countries, which co-host the talks, said': "the two
        countries (governments, nations)" as the doer are the pair named together just before."""
        for subject in subjects:
            if subject.lower_ in {"countries", "governments", "nations"} and any(
                    c.lower_ in {"two", "both"} for c in subject.children):
                return latest_pair(self.index, self.events, subject)
        return []

    def _copula_subject(self, verb: Token) -> list[EntityRef]:
        """'C is the bloc that has mediated the talks', 'C is one of the countries that
        facilitated them': the subject of the copula the relative clause describes."""
        if verb.dep_ != "relcl":
            return []
        noun = verb.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in {
                "one", "some", "part", "member", "members", "among"}:
            noun = noun.head.head
        if noun.dep_ == "attr":
            return self.events.refs(subjects_of(noun.head))
        return []

    def _named(self, noun: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'the chief mediator, Ambassador X': the named person in apposition, not the
        unnamed office-holder the title alone makes."""
        named = [r for r in self.events.refs([c for c in noun.children if c.dep_ == "appos"])
                 if r.kind == "person" and self.index.persons.get(r.key) is not None
                 and self.index.persons[r.key].name]
        if not named:
            return mediators
        unnamed = [m for m in mediators if m.kind == "person" and m.key in self.index.persons
                   and not self.index.persons[m.key].name]
        if not unnamed:
            return mediators
        return [*named, *(m for m in mediators if m not in unnamed and m not in named)]

    def _is_side(self, refs: list[EntityRef], frames: Sequence[FrameFinding] | None = None) -> bool:
        """Whether any of ``refs`` is a side of one of the document's frames (or of
        ``frames``): a side leading its own talks is no third party.  Of the document's own
        frames, talks (or relations) with a side of a dispute that ``refs`` stand outside do
        not count: "A and B are at war ... C held talks with A" leaves C a third party.  Nor
        does a frame told only in passing ("C, which has its own quarrel with D, ...")."""
        countries = {self.index.country_of(r) for r in refs} - {None}

        def holds(frame: FrameFinding) -> bool:
            return not frame.aside and any(r in frame.sides or (s.kind == "country" and s.key in countries)
                                           for s in frame.sides for r in refs)

        if frames is not None:
            return any(holds(f) for f in frames)
        outside = [set(d.sides) for d in self.frames
                   if len(d.sides) >= 2 and d.kind in DISPUTE_FRAME_KINDS and not holds(d)]
        return any(holds(f) and not (f.kind in TALKING_FRAME_KINDS and any(d & set(f.sides) for d in outside))
                   for f in self.frames)

    def _lead(self, span: Span) -> MediationFinding | None:
        """'C has led the negotiations', 'the talks were chaired by C', 'C presided over the
        session', 'I am chairing the meeting together with C': a third party that leads or
        chairs talks (never one of the talks' own sides)."""
        verb = span.root
        if verb.pos_ != "VERB":
            return None
        passive = any(c.dep_ == "agent" for c in verb.children)
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if passive:
            # "the talks were co-chaired by C": the parser may make the passive's subject
            # active, or hang it on an auxiliary.
            objects += [t for t in verb.subtree if t.dep_ in {"nsubj", "nsubjpass"} and t.i < verb.i
                        and t not in objects]
        objects += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"over", "at"}
                    for c in p.children if c.dep_ == "pobj"]
        if verb.dep_ in {"acl", "relcl"}:
            objects.append(verb.head)
        objects += [c for o in objects if o.lemma_ in TIME_NOUNS for c in _of_objects(o)]  # "led months of talks"
        talks = [o for o in objects if (_is_peace_object(o) or o.lower_ in LEAD_OBJECTS)
                 and not any(c.dep_ == "prep" and c.lower_ == "with" and not companion_with(c) for c in o.children)
                 and not any(c.dep_ == "poss" for c in o.children)]
        # "C is leading efforts to end the war between A and B": what the efforts settle.
        talks += [aim for o in objects if (aim := _effort_aim(o)) is not None and aim not in talks]
        here = self.events.sentence_index(verb)
        met = set() if self.frames else self._sides_met_at(here) or (
            # "A's and B's ministers will meet in C. D will chair the meeting": the meeting told just before
            self._sides_met_at(here - 1) if any(c.lower_ == "the" for c in talks[0].children) else set()
        ) if talks else set()
        if not talks or not self.frames and not met:
            return None  # leading talks is mediation only where the document has sides
        if verb.lemma_ in OPENING_VERBS and not any(_between(t) for t in talks[0].subtree):
            return None
        if all(t.lower_ in GATHERING_NOUNS for t in talks) and not met and not any(
                here - 1 <= s <= here for f in self.frames for s in f.sentences):
            return None  # "C chaired the summit": a gathering of sides told nearby, or none
        agent = agents_of(verb)
        tokens = agent or [s for s in subjects_of(verb) if s not in talks]
        stated = True
        if not agent and verb.lemma_ in LEAD_KINDS and not any(t.lemma_ in {"mediation", "mediate"} for t in talks) \
                and not _between(talks[0]):
            # "C led the negotiations" is as often a side's own negotiator: only "C led the
            # mediation" or "C led the talks between A and B" name a third party; else a
            # country or body that is no side of any of the document's frames of two sides
            # (the document names the sides apart) is implied to.
            leaders = self.events.refs(tokens)
            if not leaders or any(r.kind not in {"country", "organization"} for r in leaders) \
                    or not any(len(f.sides) >= 2 and f.kind in DISPUTE_FRAME_KINDS for f in self.frames) \
                    or self._is_side(leaders):
                return None
            stated = False
        # "chairing the meeting together with C", "chaired by D, along with C": C chairs too
        # (the parse may hang "together with C" on the talks).
        tokens += [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                   and any(a.lower_ == "together" for a in verb.children)
                   for c in p.children if c.dep_ == "pobj"]
        tokens += [t for t in _along_with(verb) if t not in tokens]
        # A person of unknown allegiance leading talks may be a side's own negotiator.
        mediators = [m for m in self.events.refs(tokens) if m.kind in {"country", "organization"}
                     or (m.kind == "person" and self._allegiance_known(m))]
        if not mediators or self._is_side(mediators) or {self._side_key(m) for m in mediators} & met:
            return None  # (nor one of the sides met, with no frame to tell them: "A's premier chaired")
        kind = LEAD_KINDS.get(verb.lemma_, "convener")
        return self._build(span, kind, mediators, talks[0], stated=stated)

    def _sides_met_at(self, sentence: int) -> set[str]:
        """What the sides of a meeting or talks of two or more sides (of two countries or
        bodies) told in this sentence stand for: "A's president and B's premier met for talks
        chaired by C"; else none."""
        for meeting in self.meetings:
            keys = {self._side_key(r) for r in meeting.refs()}
            if meeting.sentence_index == sentence and meeting.kind in {"talks", "meeting"} and len(keys) >= 2:
                return keys
        return set()

    def _talks_told_at(self, sentence: int) -> bool:
        """Whether a frame of talks or a deal is told in this sentence or the one before."""
        return any(f.kind in {"talks", "deal", "truce"} and len(f.sides) >= 2
                   and any(sentence - 1 <= s <= sentence for s in f.sentences) for f in self.frames)

    def _go_between(self, span: Span) -> MediationFinding | None:
        """'the envoy shuttled between the capitals', 'C held separate meetings with each
        delegation', 'C seeks to bring the two sides together': working with both sides."""
        verb = span.root if span.root.pos_ in {"VERB", "AUX"} else clause_verb(span.root)
        if verb is None:
            return None
        agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        if agents:
            # "A and B were brought together by C": the agent brings, the subjects are brought
            brought = self.events.refs([s for s in verb.children if s.dep_ == "nsubjpass"])
            bringers = self._outside(self.events.refs(agents), brought)
            return self._build(span, "intermediary", bringers, verb, stated=True,
                               parties=brought if len(brought) >= 2 else None) if bringers else None
        # "we thank C for its work in bringing the parties together": the credited one.
        mediators = self._role_holder_from(verb) or self.events.refs(subjects_of(verb))
        proposal = _proposal_above(verb) if not mediators else None
        if proposal is not None:
            # "C tabled a proposal to bridge the gaps (between A and B)", "C's proposals for
            # bridging their differences": the proposal's author, implied
            mediators = [m for m in self._role_holder(proposal) if m.kind in {"country", "organization"}
                         or (m.kind == "person" and self._allegiance_known(m))]
            if not mediators or self._is_side(mediators):
                return None
            # Only the sides the clause names, or the pair just told that "the two sides" are:
            # an author of proposals, implied, is not put between the document's other sides.
            gaps = [c for c in verb.children if c.dep_ == "dobj"]
            named = self.events.refs([t for g in gaps for t in _between(g)])
            if len(named) < 2 and any(t.lower_ in PARTY_GROUPS for g in gaps for t in _between(g)):
                named = latest_pair(self.index, self.events, verb, back=2)
            return self._build(span, "mediator", mediators, verb, stated=False, parties=named,
                               document_sides=False)
        if span[0].lemma_ == "bridge" and not any(t.lower_ == "between" for t in span):
            return None  # (a gap bridged with no sides named is only a proposal's)
        if verb.dep_ in {"advcl", "xcomp"}:
            # "C, along with D, has been working to bridge the gaps between the two sides"
            found = [*subjects_of(verb.head), *_along_with(verb.head)] if not mediators else _along_with(verb.head)
            mediators += [r for r in self.events.refs(found) if r not in mediators]
        if not mediators or self._is_side(mediators):
            return None
        # "C met separately with A and B", "C held separate meetings with A and B": the ones C
        # met, each apart, are the sides.
        sides: list[EntityRef] = []
        separate = span[0].lower_ == "separate" and span.root.pos_ == "NOUN"
        if separate or any(c.lower_ == "separately" for c in verb.children):
            objects = [c for p in span.root.children if p.dep_ == "prep" and p.lower_ == "with"
                       for c in p.children if c.dep_ == "pobj"] if separate else objects_of(verb)
            sides = [r for r in self.events.refs(objects) if r not in mediators]
            if len(sides) < 2 and any(o.lower_ in GUEST_GROUPS for o in objects):
                sides = self._bodies_in(objects)  # "the leaders of A and B"
            own = {self.index.country_of(m) for m in mediators}
            if len({self.index.country_of(s) for s in sides} - own - {None}) < 2 and not self._conflict_told() \
                    and not self._two_sided:
                # ("the president held separate meetings with his premier and the speaker": no two
                # other countries, no quarrel or talks of two sides in the document: no one to go between)
                return None
        # ("C phoned both leaders": calls to each side tell of a go-between only by implication,
        # and only between sides the document names)
        calling = verb.lemma_ in CALLING_VERBS and not any(c.lower_ == "separately" for c in verb.children)
        finding = self._build(span, "intermediary", mediators, verb, stated=not calling,
                              parties=sides if len(sides) >= 2 else None)
        return None if finding is None or calling and len(finding.parties) < 2 else finding

    def _invitation(self, span: Span) -> MediationFinding | None:
        """'talks between A and B held in C's capital at the invitation of C': the host; 'at
        the initiative of C, the leaders of A and B met': the convener."""
        of = span[-1]
        if of.lower_ == "of":
            hosts = self.events.refs([c for c in of.children if c.dep_ == "pobj"])
        else:  # "at Qatar's invitation"
            hosts = self.events.refs([c for c in of.children if c.dep_ == "poss"])
        talks = [t for t in self.events.sent(of) if (_is_peace_object(t) or t.lemma_ == "meet")
                 and t.pos_ in {"NOUN", "VERB"}]
        if not hosts or not talks or self._is_side(hosts):
            return None
        if not self.frames and len(self._clause_sides(of, hosts)) < 2:
            return None
        kind: MediationKind = "convener" if "initiative" in {span[-1].lower_, span[-2].lower_} else "host"
        sides = self._clause_sides(of, hosts)
        return self._build(span, kind, hosts, talks[0], stated=True, parties=sides if len(sides) >= 2 else None)

    def _helped(self, span: Span) -> MediationFinding | None:
        """'a deal reached with the help of C', 'C helped negotiate the truce', 'C helped
        secure the release', 'C secured the release', 'C played host to the talks': a third
        party's hand in a settlement between sides the document names."""
        first, last = span[0], span[-1]
        if last.lower_ == "about" and len(span) > 2:  # "C helped bring about the exchange"
            last = span[-2]
            first = last if first.dep_ == "aux" else first  # (the parse may make "helped" an auxiliary)
        stated = True
        released = False  # "C secured the release of ..."
        run_on: list[EntityRef] = []
        if last.lower_ in {"of", "from"}:  # "with the help of C", "with assistance from C"
            # ("With help from C, A and B reached a deal": the parse may run the sides into C's conjuncts)
            mediators, run_on = self._run_on(last)
            mediators = mediators or self.events.refs([c for c in last.children if c.dep_ == "pobj"])
            anchor = clause_verb(last) or last
            objects = [t for t in self.events.sent(last) if _is_peace_object(t)]
            kind: MediationKind = "broker"
            # ("with assistance from C": C's part is implied, and C no participant of the talks)
            stated = not (last.lower_ == "from" or any(t.lower_ in IMPLIED_HELP for t in span))
        elif last.lower_ in {"help", "assistance", "support"} | IMPLIED_HELP:  # "with C's help", "with Kenyan help"
            # ("with U.S. and Qatari backing": the parse may make the first name a nominal modifier)
            mediators = self.events.refs([c for c in last.children if c.dep_ in {"poss", "amod", "compound", "nmod"}])
            anchor = clause_verb(last) or last
            objects = [t for t in self.events.sent(last) if _is_peace_object(t)]
            kind = "broker"
            stated = last.lower_ not in {"backing", "encouragement"}
        elif last.lower_ == "to":  # "C played host to the talks"
            mediators = self.events.refs(subjects_of(first))
            objects = [c for c in last.children if c.dep_ == "pobj" and _is_peace_object(c)]
            anchor, kind = first, "host"
        else:  # "C helped (to) negotiate X", "the truce, which C helped negotiate"
            if last.lower_ == "release" and len(span) > 1:
                # "C secured the release of A's nationals held by B": the verb alone, as
                # after "helped"; the release's two sides must be named (see _release_sides).
                # Only a release told as done ("efforts to secure the release" are no such act).
                if span[0].tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
                    return None
                first = last = span[0]
                released = True
            # ("A credited (thanked) C with (for) helping to seal X": C helped, not A)
            credited = first.dep_ == "advcl" and first.head.lemma_ in CREDIT_VERBS or first.dep_ == "pcomp" \
                and first.head.lower_ in {"with", "for"} and first.head.head.lemma_ in CREDIT_VERBS
            # ("A thanked C for the support it gave to help secure X": the parse may hang the
            # purpose on the verb of thanking, whose subject is no helper)
            mediators = [] if credited else self.events.refs(subjects_of(first))
            if credited:
                verb = first.head if first.dep_ == "advcl" else first.head.head
                mediators = self.events.refs([c for c in verb.children if c.dep_ == "dobj"])
                stated = not mediators
            if not mediators:
                # ("thanks to C for the support it gave to help secure X": C's part, implied)
                mediators = self._credited_role_above(first)
                stated = not mediators
            objects = [_antecedent(c) for c in {*last.children, *first.children} if c.dep_ in {"dobj", "nsubjpass"}]
            objects = [o for o in objects if _is_peace_object(o)]
            anchor, kind = last, "broker"
        if not mediators or not objects or self._is_side(mediators):
            return None
        if run_on:
            return self._build(span, kind, mediators, anchor, stated=stated, parties=run_on)
        target = objects[0] if last.lower_ == "to" else anchor
        frameless = not self.frames and not _with_objects(objects[0])
        release_sides = self._release_sides(target, mediators, {
            c for m in mediators if (c := self.index.country_of(m)) is not None}) if released or frameless else []
        if released and len(release_sides) < 2:
            return None  # (a release of funds, or of people held by no one named)
        if frameless and len(release_sides) < 2:
            # (a release's two sides stand for a frame: "A freed B's nationals ... with C's help";
            # so does a deal with one named: "C helped bring about the agreement with B")
            return None
        partners = self.events.refs(_with_objects(objects[0])) if not self.frames else []
        if partners:
            # "the agreement with B": B is the one side named (the one who thanks may be of the
            # other, or only look on)
            return self._build(span, kind, mediators, target, stated=stated, parties=partners, document_sides=False)
        return self._build(span, kind, mediators, target, stated=stated)

    def _credited_role_above(self, verb: Token) -> list[EntityRef]:
        """'we thank C for the support it gave to help secure the deal': the holder of the
        credited part ("support") whose relative clause the help hangs on."""
        clause = verb.head if verb.dep_ in {"advcl", "xcomp"} else None
        if clause is not None and clause.lemma_ in CREDIT_VERBS:
            # (the parse may hang the purpose clause on "thank" itself)
            part = next((c for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                         for c in p.children if c.dep_ == "pobj" and c.i < verb.i), None)
            clause = next((c for c in part.children if c.dep_ == "relcl"), None) if part is not None else None
        if clause is None or clause.dep_ != "relcl" or not (
                clause.head.lower_ in ENABLING_NOUNS or clause.head.lemma_ in ENABLING_NOUNS):
            return []
        return self._credited_above(clause.head)

    def _via(self, span: Span) -> MediationFinding | None:
        """'A and B negotiated indirectly via C', 'A talks to B through C', 'contacts between
        A and B through C': the country or body the sides' talks pass through (no side of
        them) is their intermediary."""
        prep = span[0]
        talks = prep.head
        if not (talks.lemma_ in VIA_TALKS or (talks.pos_ == "NOUN" and _is_peace_object(talks))):
            return None
        mediators = [m for m in self.events.refs([c for c in prep.children if c.dep_ == "pobj"])
                     if m.kind in {"country", "organization"}]
        if not mediators or talks.lemma_ in SENDING_VERBS and not any(
                c.dep_ == "dobj" and (c.lemma_ in MESSAGE_NOUNS or _is_peace_object(c)) for c in talks.children):
            return None  # ("A sent troops to B through C": no word between sides)
        # "A sent a message to B through C": whom the word goes to, for a message sent
        receivers = [c for p in talks.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                     for c in p.children if c.dep_ == "pobj"] if any(
            c.dep_ == "dobj" and c.lemma_ in MESSAGE_NOUNS for c in talks.children) else []
        sides = self.events.refs([*subjects_of(talks), *_with_objects(talks), *_between(talks), *receivers])
        countries = {self.index.country_of(m) for m in mediators}
        if any(r in mediators or self.index.country_of(r) in countries for r in sides) or self._is_side(mediators):
            return None
        return self._build(span, "intermediary", mediators, talks, stated=True,
                           parties=sides if len(sides) >= 2 else None)

    def _proposed(self, span: Span) -> MediationFinding | None:
        """'C proposed a ceasefire plan to both sides', 'C presented A and B with a draft
        agreement', 'C submitted a proposal to A and B': a third party that puts terms to the
        sides (named, or the two sides of the document's frame)."""
        verb = span.root
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and agents_of(verb):
            return self._proposed_by(span, verb)
        terms = [c for c in verb.children if c.dep_ in {"dobj", "pobj"} and (c.lemma_ in PROPOSAL_NOUNS or any(
            t.lemma_ in PROPOSAL_NOUNS for t in c.subtree))]
        terms += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                  for g in p.children if g.dep_ == "pobj" and g.lemma_ in PROPOSAL_NOUNS]
        if not terms and verb.lemma_ == "propose":
            return self._talks_proposed(span, verb)
        if not terms or not any(_is_peace_object(t) or t.lemma_ in PROPOSAL_NOUNS for t in terms):
            return None
        addressees = [g for p in [*verb.children, *(c for t in terms for c in t.children)]
                      if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
        addressees += [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c not in terms]
        sides = self.events.refs(addressees)
        grouped = any(a.lower_ in PARTY_GROUPS and any(c.lower_ in {"both", "two", "the"} for c in a.children)
                      for a in addressees)
        if len(sides) < 2 and not (grouped and self.frames):
            return None
        mediators = [m for m in self.events.refs(subjects_of(verb)) if m not in sides
                     and (m.kind in {"country", "organization"} or self._allegiance_known(m))]
        if not mediators or self._is_side(mediators):
            return None
        return self._build(span, "mediator", mediators, verb, stated=True,
                           parties=sides if len(sides) >= 2 else None)

    def _talks_proposed(self, span: Span, verb: Token) -> MediationFinding | None:
        """'C has proposed talks between A and B in Nairobi': a third party that proposes the
        talks of two named sides (none of them) offers to convene them (implied, proposed)."""
        talks = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in TALKS_WORDS), None)
        sides = self.events.refs(_between(talks)) if talks is not None else []
        if talks is None or len(sides) < 2:
            return None
        mediators = self._outside(self.events.refs(subjects_of(verb)), sides)
        if not mediators or self._is_side(mediators):
            return None
        return self._build(span, "convener", mediators, talks, stated=False, parties=sides)

    def _proposed_by(self, span: Span, verb: Token) -> MediationFinding | None:
        """'A and B agreed to a ceasefire proposed by C', 'a peace plan submitted by C': the
        author of terms for peace, as in "a C-proposed ceasefire", takes an implied part
        between the document's sides (none of which it is)."""
        terms = verb.head
        if not (_is_peace_object(terms)
                or terms.lemma_ in PROPOSAL_NOUNS and self._for_peace(terms, clause_verb(terms))):
            return None
        authors = [m for m in self.events.refs(agents_of(verb)) if self._credible_third(m)]
        if not authors or self._is_side(authors) or not self._two_sided:
            return None
        return self._build(span, "mediator", authors, terms, stated=False)

    def _third_party(self, span: Span) -> MediationFinding | None:
        """'C takes part in the talks between A and B', 'C attended the talks between the
        government and the rebels': a third party at the sides' talks (never a side)."""
        verb = span[0]
        talks = [c for c in verb.children if c.dep_ == "dobj" and _is_peace_object(c)]
        talks += [c for p in [*verb.children, *(span[-1].children if len(span) > 1 else [])]
                  if p.dep_ == "prep" and p.lower_ in {"in", "at"}
                  for c in p.children if c.dep_ == "pobj" and _is_peace_object(c)]
        sides = [r for t in talks for r in self.events.refs(_between(t))]
        mediators = [m for m in self.events.refs(subjects_of(verb)) if m.kind in {"country", "organization"}]
        if not talks or len(sides) < 2 or not mediators:
            return None
        side_countries = {self.index.country_of(r) for r in sides} - {None}
        if any(m in sides or self.index.country_of(m) in side_countries for m in mediators):
            return None
        return self._build(span, "intermediary", mediators, talks[0], stated=True, parties=sides)

    def _role_in(self, span: Span) -> MediationFinding | None:
        """'C played a key role in the negotiations', 'C's role in ending the war': a third
        party's part in a settlement between sides the document names, implied (not stated)
        unless a mediation word says how ("role in brokering" is found by the verb)."""
        role, prep = span[0], span[1]
        if prep.head != role and role.dep_ == "conj" and prep.head == role.head:
            role = role.head  # "for its patience and help in arranging X": the first one's holder
        if prep.lower_ == "of" and prep.head == role:
            # "the support of C in concluding the deal": the holder's phrase first, the part's
            # after it (the parse may hang it on the verb of crediting: "acknowledged the support
            # of C in concluding the deal")
            after = [*role.children, *(role.head.children if role.dep_ == "dobj" else ())]
            prep = next((c for c in after if c.dep_ == "prep" and c.i > prep.i
                         and c.lower_ in {"in", "to", "for", "towards", "toward"}), prep)
        on_verb = role.dep_ == "dobj" and prep.head == role.head and role.head.lemma_ in ROLE_VERBS | CREDIT_VERBS
        if prep.head != role and not on_verb:
            return None  # ("C played a role in the talks", "D praised C's role in the talks": "in" on the verb)
        targets = [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in SETTLED_OBJECTS]
        if prep.lower_ in CREDITED_PREPS:
            # "thanked C for its support of the peace initiative": a peace plan, credited
            targets += [c for c in prep.children if c.dep_ == "pobj" and c not in targets and _is_peace_object(c)]
        targets += [c for c in prep.children if c.dep_ == "pcomp" and c.lemma_ in SETTLING_VERBS]
        # "C's constructive role in the efforts to resolve the dispute with A": what they settle
        targets += [aim for c in prep.children if c.dep_ == "pobj" and (aim := _effort_aim(c)) is not None]
        if any(c.dep_ == "amod" and c.lower_ in HELPFUL_ROLE_WORDS for c in role.children):
            # "C played a constructive role in the dispute between A and B": a helpful part in a
            # quarrel is a hand in settling it (a "key role in the war" may be a belligerent's)
            targets += [c for c in prep.children if c.dep_ == "pobj" and frame_kind(c) in CONFLICT_FRAME_KINDS]
        # ("C's role in arranging the release of X held by A": the release's sides)
        release = next((t for t in (targets[0], *targets[0].children) if t.lemma_ in PEOPLE_MOVED_NOUNS),
                       None) if targets else None
        if not targets:
            return None
        # "C's constructive role in our efforts to resolve issues with B": what is settled with B
        partners = (_with_objects(targets[0]) or _with_objects(targets[0].head)) \
            if targets and targets[0].lower_ not in SETTLED_OBJECTS and (
                targets[0].dep_ == "dobj" or frame_kind(targets[0]) in CONFLICT_FRAME_KINDS) else []
        if not partners and targets and targets[0].dep_ == "pcomp":
            # "C's role in resolving the dispute with B": what the settling verb settles with B
            partners = [w for o in targets[0].children if o.dep_ == "dobj" for w in _with_objects(o)]
        in_view = bool(self.frames or _between(targets[0]) or _with_objects(targets[0]) or release or partners)
        # (no sides in view: those who credit the part, "A and B acknowledged C's support in ...")
        thankers = [] if in_view else self._thanked_by_sides(role, [])
        if not in_view and not thankers:
            return None
        if prep.lower_ in CREDITED_PREPS:
            # "we commend C for its support to the peace process": only support credited by
            # someone (support for a process is as often a stance)
            holders = self._credited_above(role)
            if not holders and role.dep_ == "pobj" and role.head.lower_ == "for":
                holders = self._role_holder(role)  # "thanked C for its support": the thanked
                holders = holders if role.head.head.lemma_ in CREDIT_VERBS else []
        else:
            # (the one who praises a role is not who holds it)
            holders = self._role_holder(role, subject_fallback=role.head.lemma_ not in CREDIT_VERBS) \
                or self._credited_above(role)
        mediators = [m for m in holders if (m.kind in {"country", "organization"}
                     or (m.kind == "person" and self._allegiance_known(m))) and m not in thankers]
        if not mediators or self._is_side(mediators):
            return None
        countries = {self.index.country_of(m) for m in mediators} - {None}
        if release is not None and any(r in mediators or self.index.country_of(r) in countries
                                       for r in self.events.refs(list(release.subtree))):
            return None  # (one who releases, or whose people are released, is a side of the release)
        sides = [s for s in thankers if self.index.country_of(s) not in countries]
        if partners and not self.frames and len(sides) < 2:
            # (the efforts' owner, "our (its) efforts", is the other side)
            owners = self.events.refs([c for o in prep.children if o.dep_ == "pobj"
                                       for c in o.children if c.dep_ == "poss"])
            if not owners and role.head.pos_ == "VERB":
                owners = self.events.refs(subjects_of(role.head))  # ("A appreciates C's role in its efforts")
            if not owners and frame_kind(targets[0]) in CONFLICT_FRAME_KINDS and role.dep_ == "pobj" \
                    and role.head.lower_ == "for" and role.head.head.lemma_ in CREDIT_VERBS:
                # ("A thanked C for its role in the row with B": the one who thanks, of a known country)
                owners = [r for r in self.events.refs(subjects_of(role.head.head)) if self.index.country_of(r)]
            sides = [r for r in [*owners, *self.events.refs(partners)]
                     if r not in mediators and self.index.country_of(r) not in countries]
            return self._build(span, "mediator", mediators, targets[0], stated=False, parties=sides,
                               document_sides=False)
        return self._build(span, "mediator", mediators, targets[0], stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _settled(self, span: Span) -> MediationFinding | None:
        """'C negotiated a ceasefire between A and B', 'the truce between A and B was secured
        by C', 'C organised talks between A and B': a third party that settles or arranges
        what two named sides agree or talk (never one of the sides)."""
        verb = span.root
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if verb.dep_ in {"acl", "relcl"}:
            objects.append(verb.head)
        objects = [_antecedent(o) for o in objects]
        talks = [o for o in objects if _is_peace_object(o) and len(self.events.refs(_between(o))) >= 2]
        agent = agents_of(verb)
        if verb.dep_ in {"acl"} and not agent:
            return None
        if not talks:
            return self._settled_in_frame(span, verb, objects, agent)
        sides = self.events.refs(_between(talks[0]))
        mediators = self._outside(self._doers(verb, agent, talks), sides)
        if not mediators:
            return None
        kind: MediationKind = "convener" if verb.lemma_ in CONVENING_VERBS else "broker"
        return self._build(span, kind, mediators, talks[0], stated=verb.lemma_ not in IMPLIED_CONVENING,
                           parties=sides)

    def _doers(self, verb: Token, agent: list[Token], done: list[Token]) -> list[EntityRef]:
        """Who settles or arranges: the agent, else the subject (not what is done), else, for
        a gerund, the one credited with it or whose part it is ("thanked C for organising the
        talks", "C's role in negotiating the deal")."""
        if not agent and verb.dep_ == "pcomp" and verb.head.lower_ == "for":
            credited = self._credited(verb.head)  # (the thanker is the subject the parse gives)
            if credited:
                return credited
        doers = self.events.refs(agent or [s for s in subjects_of(verb) if s not in done])
        if not doers and verb.dep_ == "pcomp":
            doers = self._role_holder_from(verb)
        return doers

    def _channel(self, span: Span) -> MediationFinding | None:
        """'the Omani channel between Washington and Tehran', 'Qatar's back channel between
        A and B': a third party's channel between two named sides is an intermediary's; so is
        one it opens (keeps, provides) between them or between "the two sides" of a frame."""
        noun = span.root
        between = _between(noun)
        sides = self.events.refs(between)
        grouped = any(b.lower_ in PARTY_GROUPS and any(c.lower_ in {"two", "both"} for c in b.children)
                      for b in between)
        if len(sides) < 2 and not (grouped and self._two_sided):
            return None
        owners = [r for r in self.events.refs([c for c in noun.children if c.dep_ in {"poss", "compound", "amod",
                                                                                      "nmod"}])
                  if r not in sides and r.kind in {"country", "organization", "person"}]
        if not owners and noun.dep_ == "dobj" and noun.head.lemma_ in OPENING_VERBS:
            owners = [r for r in self.events.refs(subjects_of(noun.head)) if r not in sides]  # "C opened a channel"
        side_countries = {self.index.country_of(r) for r in sides} - {None}
        if not owners or any(self.index.country_of(o) in side_countries for o in owners) \
                or len(sides) < 2 and self._is_side(owners):
            return None
        return self._build(span, "intermediary", owners, noun, stated=True,
                           parties=sides if len(sides) >= 2 else None)

    def _to_table(self, span: Span) -> MediationFinding | None:
        """'C brought A and B to the negotiating table', 'C's role in getting the two sides to
        the table': a third party that brings sides to talks."""
        verb = span[0].head
        if verb.lower_ == "back" and verb.dep_ in {"advmod", "prt"}:
            verb = verb.head  # "brought A and B back to the table"
        if verb.lemma_ not in TABLE_VERBS or verb.pos_ not in {"VERB", "AUX"}:
            return None
        return self._brought(span, verb, "intermediary")

    def _together(self, span: Span) -> MediationFinding | None:
        """'C brought the leaders of A and B together in D', 'C worked to bring A and B closer
        together': a third party that brings two sides together convenes them, implied unless
        talks or a settlement are in view ('C brought A and B together for talks' is stated, as is
        'brought together' next to each other, the rule of helped_sides)."""
        word = span[0]
        verb = word.head
        if verb.lower_ in {"closer", "back"} and verb.dep_ in {"advmod", "prt"} or verb.dep_ == "prep":
            verb = verb.head  # ("together in Doha": the parse may hang it on the place's preposition)
        if word.dep_ not in {"advmod", "prt"} or verb.lemma_ not in TOGETHER_VERBS or verb.pos_ != "VERB":
            return None
        if _settlement_in_view(_after_verb(verb), settling_verbs=True):
            return self._brought(span, verb, "convener")
        return None if _other_purpose(verb) else self._brought(span, verb, "convener", stated=False)

    def _brought(self, span: Span, verb: Token, kind: MediationKind, *,
                 stated: bool = True) -> MediationFinding | None:
        """A third party that brings sides, the objects of ``verb``, to talks or together
        ("the leaders of A and B" are A and B); of its passive, the subjects brought by the
        agent ("A and B were brought to the table by C")."""
        agent = agents_of(verb)
        objects = [c for c in verb.children if c.dep_ == ("nsubjpass" if agent else "dobj")]
        sides = self.events.refs(objects)
        if len(sides) < 2:
            named = self.events.refs([c for o in objects for c in _of_objects(o)])
            sides = named if len(named) >= 2 else sides
        if len(sides) < 2 and not any(o.lower_ in PARTY_GROUPS | GUEST_GROUPS for o in objects):
            return None  # one actor brought back to its own talks
        mediators = [m for m in self.events.refs(agent) or self._role_holder_from(verb)
                     or self.events.refs(subjects_of(verb)) if m not in sides]
        if not mediators or self._is_side(mediators) and len(sides) < 2:
            return None
        side_countries = {self.index.country_of(r) for r in sides} - {None}
        if any(self.index.country_of(m) in side_countries for m in mediators):
            return None
        return self._build(span, kind, mediators, verb, stated=stated,
                           parties=sides if len(sides) >= 2 else None)

    def _outside(self, candidates: list[EntityRef], sides: list[EntityRef]) -> list[EntityRef]:
        """The candidates that can be a third party to ``sides``: no side nor of a side's
        country, and a country, a body or a person known to act for one."""
        side_countries = {self.index.country_of(r) for r in sides} - {None}
        return [m for m in candidates if m not in sides and self.index.country_of(m) not in side_countries
                and (m.kind in {"country", "organization"} or self._allegiance_known(m))]

    def _ending(self, span: Span) -> MediationFinding | None:
        """'Turkey stepped in to resolve the standoff between A and B', 'C is trying to end
        the war between A and B', 'C flew in in a bid to defuse the row between A and B': a
        third party that sets out to settle a conflict between two named sides; 'C's quiet
        diplomacy helped ease the tensions between A and B': a third party's part that does,
        implied."""
        verb = span.root
        trying = verb.head
        # ("C's minister visited A and B to ease tensions": a journey's purpose, as a try's)
        journey = verb.dep_ == "advcl" and trying.lemma_ in JOURNEY_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if verb.dep_ not in {"xcomp", "advcl", "acl", "ccomp"} or not (
                trying.lemma_ in TRYING_VERBS and trying.pos_ in {"VERB", "AUX"} or trying.lower_ in EFFORT_NOUNS
                or journey):
            return None
        conflicts = [c for c in verb.children if c.dep_ == "dobj" and frame_kind(c) is not None]
        between = _between(conflicts[0]) if conflicts else []
        sides = self.events.refs(between)
        if len(sides) < 2 and any(t.lower_ in PARTY_GROUPS for t in between):
            sides = latest_pair(self.index, self.events, verb, back=2)  # "tensions between the two countries"
            if len(sides) < 2:
                sides = self._capitals_visited(verb)  # "travelled to Bamako and Niamey to calm tensions ..."
        if len(sides) < 2:
            return self._ending_in_frame(span, verb, conflicts) if conflicts and not between else None
        doers = subjects_of(verb)
        mediators = self._outside(self.events.refs(doers), sides)
        if mediators:
            return self._build(span, "mediator", mediators, conflicts[0], stated=True, parties=sides)
        parts = [d for d in doers if d.lower_ in ENABLING_NOUNS or d.lemma_ in ENABLING_NOUNS]
        mediators = self._outside(self._parts_holders(parts), sides)
        if not mediators:
            return None
        return self._build(span, "mediator", mediators, conflicts[0], stated=False, parties=sides)

    def _capitals_visited(self, verb: Token) -> list[EntityRef]:
        """'C's minister travelled to Bamako and Niamey (in a bid) to calm tensions between the two
        neighbours': the countries of two places (or capitals) joined by "and" before the
        purpose, in its sentence, each of another country."""
        sent = self.events.sent(verb)
        for token in reversed([t for t in sent if t.i < verb.i and t.dep_ == "conj"]):
            places = [self.index.ref_at(t) for t in (token.head, *token.head.conjuncts)]
            # (a capital after "to" may be read as its government or as a place)
            if len(places) == 2 and all(p is not None and p.kind in {"place", "country"} for p in places):
                countries = {c for p in places if p is not None and (c := self.index.country_of(p)) is not None}
                if len(countries) == 2:
                    return [EntityRef("country", c) for c in sorted(countries)]
        return []

    def _ending_in_frame(self, span: Span, verb: Token, conflicts: list[Token]) -> MediationFinding | None:
        """'A and B have fought for years ... C has worked to end the fighting', 'C helped
        defuse the tensions': a third party that sets out to settle a conflict the clause names
        no sides of, in a document whose dispute (war, truce, deal) has two sides, implied."""
        disputes = [f for f in self.frames if len(f.sides) >= 2 and f.kind in DISPUTE_FRAME_KINDS]
        conflict = conflicts[0]
        if not disputes or frame_kind(conflict) not in DISPUTE_FRAME_KINDS or any(
                c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "NOUN" and self.index.ref_at(c) is None
                for c in conflict.children):
            return None  # ("C is trying to end its own war": a side's; "the housing crisis": no one's)
        mediators = self._outside(self.events.refs(subjects_of(verb)), [])
        if not mediators or self._is_side(mediators, disputes):
            return None
        return self._build(span, "mediator", mediators, conflict, stated=False)

    def _settled_in_frame(self, span: Span, verb: Token, objects: list[Token],
                          agent: list[Token]) -> MediationFinding | None:
        """'C negotiated the release of the hostages', 'the swap was secured by C', 'the deal,
        negotiated by C, ...', 'C organised a round of talks': a settlement or meeting of the
        sides' conflict that the clause does not name the sides of, in a document whose frames
        name them, by a third party who is no side of any of them ("A negotiated a deal with B"
        is A's own talks); and 'C negotiated between A and B'."""
        between = [c for p in verb.children if p.dep_ == "prep" and p.lower_ in {"between", "among"}
                   for c in p.children if c.dep_ == "pobj"]
        sides = self.events.refs([t for b in between for t in (b, *b.conjuncts)])
        if len(sides) >= 2:
            # "C negotiated between A and B"
            mediators = [m for m in self.events.refs(agent or subjects_of(verb)) if m not in sides
                         and (m.kind in {"country", "organization"} or self._allegiance_known(m))]
            if mediators and not any(self.index.country_of(m) in {self.index.country_of(r) for r in sides}
                                     for m in mediators):
                return self._build(span, "broker", mediators, verb, stated=True, parties=sides)
            return None
        convening = verb.lemma_ in CONVENING_VERBS
        words = (SETTLED_OBJECTS | GATHERING_NOUNS | {"round", "rounds"} if convening
                 else SETTLED_OBJECTS | ARRANGED_OBJECTS)
        settled = [o for o in objects if (o.lower_ in words or o.lemma_ in words) and self._of_the_conflict(o)]
        if not settled or not self.frames:
            return None
        if any(p.dep_ == "prep" and p.lower_ in {"with", "between", "among"}
               for p in [*verb.children, *settled[0].children]):
            return None
        mediators = [m for m in self._doers(verb, agent, settled)
                     if m.kind in {"country", "organization"} or self._allegiance_known(m)]
        if not mediators or self._is_side(mediators):
            return None
        return self._build(span, "convener" if convening else "broker", mediators, settled[0],
                           stated=verb.lemma_ not in IMPLIED_CONVENING)

    def _of_the_conflict(self, noun: Token) -> bool:
        """Whether what was negotiated or arranged belongs to the sides' conflict: a release or
        exchange of people ("the release of the hostages", not "of funds"), a meeting of no
        other named actors ("a meeting of NATO ministers" is theirs)."""
        named = [c for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "between", "among", "with"}
                 for c in p.children if c.dep_ == "pobj"]
        if noun.lemma_ in PEOPLE_MOVED_NOUNS:
            return all(c.lemma_ in PEOPLE_NOUNS or self.index.ref_at(c) is not None
                       or any(t.lemma_ in PEOPLE_NOUNS for t in c.subtree) for c in named)
        return not any(self.events.refs([c]) or self._bodies_in([c]) for c in named)

    def _helped_sides(self, span: Span) -> MediationFinding | None:
        """'C helped A and B reach a ceasefire', 'C brought A and B together for talks': a
        third party that brings two named sides to an agreement or to talks."""
        verb = span.root
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        # "helped A and B reach a deal": the parser makes the sides the subject of "reach".
        objects += [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in subjects_of(c)]
        sides = self.events.refs(objects)
        # "C helped the two neighbours reach a deal": the sides referred back to (else the
        # document's frame)
        grouped = len(sides) < 2 and any(_pair_told_as_group(o) for o in objects)
        if grouped:
            sides = latest_pair(self.index, self.events, verb, back=2)
        elif len(sides) < 2:
            return None
        rest = _after_verb(verb)
        if verb.lemma_ == "bring" and not any(t.lower_ == "together" for t in (*verb.children, *span)):
            return None  # (the parse may hang "together" on the phrase after it)
        # "C has been trying to reconcile A and B": reconciling two sides is mediating.
        if verb.lemma_ != "reconcile" and not _settlement_in_view(rest, settling_verbs=verb.lemma_ == "bring"):
            # ("C brought together A and B", nothing else in view: implied, as _together has it)
            if verb.lemma_ != "bring" or _other_purpose(verb):
                return None
            return self._brought(span, verb, "convener", stated=False)
        if grouped and any(_with_objects(t) for t in rest if _is_peace_object(t)):
            return None  # ("helped both countries reach a deal with the lenders": theirs with a third)
        mediators = self._outside(self.events.refs(subjects_of(verb)), sides)
        if not mediators or grouped and self._is_side(mediators):
            return None
        kinds: dict[str, MediationKind] = {"bring": "convener", "reconcile": "mediator"}
        kind: MediationKind = kinds.get(verb.lemma_, "broker")
        return self._build(span, kind, mediators, verb, stated=True, parties=sides if len(sides) >= 2 else None)

    def _enabled(self, span: Span) -> MediationFinding | None:
        """'C's leadership enabled talks between A and B', 'C's support paved the way for the
        deal', 'C made the truce possible', 'the accord would not have been possible without
        C': a third party credited with bringing a settlement about, implied (not stated)."""
        word = span[0]
        causers: list[Token] = []
        targets: list[Token] = []
        if word.lower_ == "possible":
            verb = word.head
            if verb.lemma_ == "make" and word.dep_ in {"ccomp", "xcomp", "oprd", "acomp"}:
                # "C made the talks possible" ("talks" the subject of "possible", or the object);
                # passive "the swap was made possible by C"
                targets = [*subjects_of(word), *(c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"})]
                causers = _who_does(verb)
            elif verb.lemma_ == "be" and word.dep_ == "acomp" and any(c.dep_ == "neg" for c in verb.children):
                # "the deal would not have been possible without C('s support)"
                targets = subjects_of(verb)
                causers = [c for p in [*verb.children, *word.children] if p.dep_ == "prep" and p.lower_ == "without"
                           for c in p.children if c.dep_ == "pobj"]
        elif word.lemma_ == "pave":
            # "C's support paved the way for (to) the agreement"
            ways = [c for c in word.children if c.dep_ == "dobj" and c.lower_ == "way"]
            targets = [c for w in ways for p in w.children if p.dep_ == "prep" and p.lower_ in {"for", "to"}
                       for c in p.children if c.dep_ == "pobj"]
            causers = subjects_of(word)
        else:
            # "C's leadership enabled productive discussions between A and B"; passive "the talks
            # were enabled by C's support"
            targets = [c for c in word.children if c.dep_ in {"dobj", "nsubjpass"}]
            causers = [c for p in word.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"] \
                or [s for s in subjects_of(word) if s.dep_ != "nsubjpass"]
        # ("enabled two days of talks": the measure's talks)
        targets = [next((c for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                         if c.dep_ == "pobj" and _is_peace_object(c)), t) for t in map(_antecedent, targets)]
        targets = [t for t in targets if _is_peace_object(t)]
        if not targets or not causers:
            return None
        holders = self._parts_holders(causers)
        # (a leader credited with others' talks is a third party even where the text does
        # not say of what: "President X's leadership enabled the talks")
        mediators = [m for m in holders if m.kind in {"country", "organization"} or (m.kind == "person" and (
            self._allegiance_known(m) or ((person := self.index.persons.get(m.key)) is not None and person.leader)))]
        sides = self.events.refs(_between(targets[0]))
        if not mediators or self._is_side(mediators) or any(m in sides for m in mediators):
            return None
        return self._build(span, "broker", mediators, targets[0], stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _parts_holders(self, tokens: list[Token]) -> list[EntityRef]:
        """Whose parts (support, leadership, diplomacy) ``tokens`` name, or the actors they name
        themselves: "C's support" is C's, "C" is C."""
        holders: list[EntityRef] = []
        for token in tokens:
            if token.lower_ in ENABLING_NOUNS or token.lemma_ in ENABLING_NOUNS:
                holders += self._role_holder(token, subject_fallback=False)
            elif self.index.ref_at(token) is not None:
                holders += self.events.refs([token])
        return holders

    def _weighty_in(self, span: Span) -> MediationFinding | None:
        """'C's support was instrumental in reaching the deal between A and B', 'Norwegian
        diplomacy proved crucial to securing the truce': a third party's part (or the party
        itself) weighty in bringing a settlement about, implied unless a mediation word says how
        ("instrumental in brokering" is the verb's rule)."""
        weighty, prep = span[0], span[1]
        verb = weighty.head
        if prep.head != weighty or weighty.dep_ not in {"acomp", "oprd"} or verb.pos_ not in {"AUX", "VERB"}:
            return None
        targets = [o for c in prep.children if c.dep_ == "pcomp" and c.lemma_ in SETTLING_VERBS
                   for o in c.children if o.dep_ in {"dobj", "nsubjpass"} and _is_peace_object(o)]
        targets += [c for c in prep.children if c.dep_ == "pobj" and c.lower_ in SETTLED_OBJECTS]
        if not targets:
            return None
        mediators = [m for m in self._parts_holders(subjects_of(verb)) if self._credible_third(m)]
        sides = self.events.refs(_between(targets[0]))
        if not mediators or self._is_side(mediators) or any(m in sides for m in mediators):
            return None
        return self._build(span, "broker", mediators, targets[0], stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _credited_part(self, span: Span) -> MediationFinding | None:
        """'A thanked C for its constructive role', 'A praised C's contribution', 'A voiced
        appreciation for C's role', 'C played a pivotal role', 'C's role was crucial': a third
        party's part, credited or weighty, with a settlement or talks in view, between sides
        the document names (implied).  A part "in" or "as" something is left to the rules of
        those phrases."""
        noun = span[0]
        # ("a contribution to the talks": a part in a settlement, whatever the noun)
        to_settlement = any(c.dep_ == "prep" and c.lower_ in {"to", "towards", "toward"}
                            and any(_is_peace_object(o) for o in c.children if o.dep_ == "pobj")
                            for c in noun.children)
        if not to_settlement and any(c.dep_ == "prep" for c in noun.children):
            return None
        head = noun.head
        holders: list[EntityRef] = []
        weighty = any(c.dep_ in {"amod", "advmod"} and c.lower_ in WEIGHTY_WORDS for c in noun.children)
        # ("we welcome the truce between A and B and thank C for its engagement": a part
        # credited where a settlement is told, in its sentence or the one before)
        # (by no side of it: "A and B held talks. A thanked C for its support" is an ally's help)
        crediting = head.head if noun.dep_ == "pobj" and head.lower_ == "for" else head
        credited_near = ((noun.dep_ == "pobj" and head.lower_ == "for")
                         or (noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in CREDIT_VERBS)) \
            and self._settlement_told_near(noun) and not self._is_side(self.events.refs(subjects_of(crediting)))
        if noun.lower_ not in CREDITED_PARTS and not credited_near:
            return None  # (support, work, leadership: only where credited beside a settlement)
        if noun.lower_ != "role" and not weighty and not to_settlement and not credited_near:
            return None  # ("thanked C for its contribution": as often to a side's defence or budget)
        if noun.dep_ == "pobj" and head.lower_ == "for":
            # "thanked C for its role", "appreciation for C's role", "grateful to C for its role"
            credited = self._credited(head)
            holders = self._role_holder(noun, subject_fallback=False) if any(
                c.dep_ == "poss" and c.tag_ != "PRP$" for c in noun.children) else credited
            if not credited and not (head.head.lower_ in CREDIT_NOUNS or head.head.lemma_ in CREDIT_VERBS):
                return None
        elif noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in CREDIT_VERBS:
            holders = self._role_holder(noun, subject_fallback=False)  # "praised C's contribution"
        elif noun.dep_ == "dobj" and head.lemma_ in ROLE_VERBS and weighty and not any(
                c.dep_ == "prep" and c.lower_ in {"in", "at", "on", "within", "across"} for c in head.children):
            # "C played a pivotal role" (not "... a pivotal role in the region", the parse
            # hanging the phrase on the verb)
            holders = self.events.refs(subjects_of(head))
        elif noun.dep_ == "nsubj" and head.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lower_ in WEIGHTY_WORDS for c in head.children):
            holders = self._role_holder(noun, subject_fallback=False)  # "C's role was crucial"
        here = self.events.sentence_index(noun)
        if not holders or not any(t.lower_ in PEACE_OBJECTS or t.lemma_ in PEACE_OBJECTS
                                  for sent in self.events.sentences[max(0, here - 2):here + 2] for t in sent):
            return None
        mediators = [m for m in holders if self._credible_third(m)]
        if not mediators or self._is_side(mediators, self._disputes()):
            return None  # (a side of the dispute; talks of C with one side make C none)
        if not self._two_sided:
            return self._credited_between_sides(span, "mediator", mediators, noun)
        return self._build(span, "mediator", mediators, noun, stated=False)

    def _settlement_told_near(self, token: Token) -> bool:
        """Whether a settlement (a truce, a deal, talks) is told in ``token``'s sentence or
        the one before."""
        here = self.events.sentence_index(token)
        return any(t.lower_ in SETTLED_OBJECTS or t.lemma_ in SETTLED_OBJECTS
                   for sent in self.events.sentences[max(0, here - 1):here + 1] for t in sent)

    def _plan_author(self, span: Span) -> MediationFinding | None:
        """'C's peace plan', 'a proposal by C for a ceasefire', 'C's initiative to end the
        war', 'the deal is based on a proposal by C', 'both sides accepted C's proposal', 'C
        unveiled a peace plan': the author of terms for peace between the document's sides, who
        is none of them, mediates (implied).  Two that take the plan up ('A and B accepted C's
        plan to end the war') are its sides where the document's frames name none."""
        noun = span[0]
        verb = clause_verb(noun)
        if not self._for_peace(noun, verb):
            return None
        holders = self._role_holder(noun, subject_fallback=False)
        if not holders and noun.dep_ == "dobj" and noun.head.lemma_ in AUTHORING_VERBS:
            holders = self.events.refs(subjects_of(noun.head))  # "C unveiled a peace plan"
        takers = self.events.refs(subjects_of(verb)) if verb is not None and verb.lemma_ in TAKING_UP_VERBS \
            and noun.dep_ in {"dobj", "pobj"} else []
        sides = takers if len(takers) >= 2 else []
        mediators = [m for m in holders if self._credible_third(m) and m not in sides]
        if not mediators or self._is_side(mediators, self._disputes()):
            return None
        if self._two_sided:
            return self._build(span, "mediator", mediators, noun, stated=False)
        if not sides or not _said_for_peace(noun) or any(
                self.index.country_of(m) in {self.index.country_of(r) for r in sides} - {None} for m in mediators):
            return None
        return self._build(span, "mediator", mediators, noun, stated=False, parties=sides)

    def _for_peace(self, noun: Token, verb: Token | None) -> bool:
        """Whether a plan is for peace between sides: a peace (ceasefire) plan, a plan for
        (on) a truce, to end a war, one a settlement is based on or follows, one the sides take
        up; never a plan for one's own deal with another ("a proposal for a deal with A")."""
        said = _said_for_peace(noun)
        if said is not None:
            return said
        if verb is None or noun.dep_ not in {"dobj", "pobj"}:
            return False
        subjects = subjects_of(verb)
        if any(s.lower_ in SETTLED_OBJECTS for s in subjects):
            return True  # "the deal is based on (follows) C's proposal"
        return verb.lemma_ in TAKING_UP_VERBS and (len(self.events.refs(subjects)) >= 2 or any(
            s.lower_ in PARTY_GROUPS and any(c.lower_ in {"both", "two"} for c in s.children) for s in subjects))

    def _third_parties(self, refs: list[EntityRef], sides: list[EntityRef], *,
                       hosting: bool = False) -> list[EntityRef]:
        """Those of ``refs`` that can be a third party between ``sides`` (or, where fewer
        than two are named, between the sides of the document's frames): no side, and a
        country, a body or a person known to act for one.  A side is one of the document's
        disputes (talks with one side make no side), or, for a host, of any of its frames."""
        mediators = self._outside(refs, sides)
        frames = self.frames if hosting else self._disputes()
        if len(sides) < 2 and (self._is_side(mediators, frames) or not self._two_sided):
            return []
        return mediators

    def _settling_clause(self, verb: Token | None) -> bool:
        """Whether a clause tells of the sides settling: a verb of signing or agreeing, or a
        settlement as its subject or object ("the deal was signed", "A and B reached a truce")."""
        if verb is None:
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and (c.lower_ in SETTLED_OBJECTS or c.lower_ == "signing")
               for c in verb.children):
            return True
        # ("A and B agreed to a truce", not "A and B agreed to cooperate on energy")
        if verb.lemma_ not in SIGNING_VERBS:
            return False
        if any(_is_peace_object(t) for t in verb.subtree if t is not verb):
            return True
        # "A and B signed the accord on Monday. It was signed in the presence of C": the
        # settlement the sentence before told of
        here = self.events.sentence_index(verb)
        return here > 0 and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "it" for c in verb.children) \
            and any(t.lower_ in SETTLEMENT_TOPICS for t in self.events.sentences[here - 1])

    def _witnessed(self, span: Span) -> MediationFinding | None:
        """'A and B signed the deal in the presence of C', 'the signing was witnessed by C', 'C
        witnessed the signing of the accord', 'A and B signed the accord, with C looking on (as C
        looked on)': a third party at the sides' settlement (implied)."""
        first = span[0]
        if first.lower_ == "in":  # "in the presence of C"
            witnesses = [c for c in span[-1].children if c.dep_ == "pobj"]
            verb = clause_verb(first)
        elif first.lemma_ == "look":  # "signed the accord, with C looking on", "as C looked on"
            witnesses = [c for c in first.children if c.dep_ == "nsubj"]
            verb = first.head.head if first.dep_ == "pcomp" else first.head if first.dep_ == "advcl" else None
            if not self._settling_clause(verb):
                return None
        else:
            verb = first
            witnesses = agents_of(verb) or [s for s in subjects_of(verb) if s.dep_ == "nsubj"]
            objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not any(o.lower_ in SETTLED_OBJECTS or o.lower_ in {"signing", "ceremony"} for o in objects):
                return None
        if not (self._settling_clause(verb) or first.lower_ != "in"):
            return None
        # (the signers: the subjects, or the passive's agents: "signed by A and B in the presence of C")
        signers = _who_does(verb) if verb is not None and verb is not first else []
        sides = self.events.refs(signers)
        mediators = self._third_parties(self.events.refs(witnesses), sides)
        if not mediators:
            return None
        return self._build(span, "mediator", mediators, verb if verb is not None else first, stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _announced(self, span: Span) -> MediationFinding | None:
        """'C announced that A and B had agreed to a ceasefire', 'C announced a truce between A
        and B': a third party that makes the sides' settlement known (implied)."""
        verb = span[0]
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and self._settling_clause(c)]
        truces = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in SETTLED_OBJECTS]
        if clauses:
            subjects = subjects_of(clauses[0])
            sides = self.events.refs(subjects)
            if len(sides) < 2 and not any(s.lower_ in PARTY_GROUPS for s in subjects):
                return None  # ("C announced that it had signed a deal": its own)
        elif truces:
            sides = self.events.refs(_between(truces[0]))
            if len(sides) < 2:
                return None
        else:
            return None
        mediators = self._third_parties(self.events.refs(subjects_of(verb)), sides)
        if not mediators:
            return None
        return self._build(span, "broker", mediators, clauses[0] if clauses else truces[0], stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _credited_with_settlement(self, span: Span) -> MediationFinding | None:
        """'Thanks to C, A and B agreed to a truce', 'A and B signed a truce thanks to C's
        diplomacy', 'the deal came after months of Ghanaian diplomacy': a settlement owed to a
        third party or its diplomacy (implied)."""
        if span[0].lower_ == "thanks":
            named = [c for c in span[-1].children if c.dep_ == "pobj"]
            if not named:
                return None
            part = named[0]
            holders = self.events.refs([part]) if self.index.ref_at(part) is not None else (
                self._role_holder(part, subject_fallback=False)
                if part.lower_ in ENABLING_NOUNS or part.lemma_ in ENABLING_NOUNS or part.lower_ == "diplomacy"
                else [])
        else:
            part = span[0]
            if any(c.lower_ == "shuttle" for c in part.children):
                return None  # (shuttle diplomacy is the intermediary's rule)
            holders = self._role_holder(part, subject_fallback=False)
        sent = self.events.sent(part)
        if not holders or not any(t.lower_ in PEACE_OBJECTS or t.lemma_ in {"agree", "sign", "meet"} for t in sent):
            return None
        return self._credited_between_sides(span, "broker", holders, part)

    def _credited_between_sides(self, span: Span, kind: MediationKind, holders: list[EntityRef],
                        anchor: Token) -> MediationFinding | None:
        """The finding of holders credited with a part in a settlement: third parties between
        the document's sides, or, where the document names no two sides, between those who
        credit them ("A and B thanked C for its quiet diplomacy")."""
        mediators = self._third_parties(holders, [])
        if mediators:
            return self._build(span, kind, mediators, anchor, stated=False)
        sides = self._thanked_by_sides(anchor, holders)
        mediators = [m for m in self._outside(holders, sides) if self._credible_third(m)]
        if len(sides) < 2 or not mediators or self._is_side(mediators, self._disputes()):
            return None
        return self._build(span, kind, mediators, anchor, stated=False, parties=sides)

    def _joint_statement(self, span: Span) -> MediationFinding | None:
        """'A and B have fought for years ... In a joint statement, A, B and C said ...', 'the
        joint statement of A, B and C': a third party that issues a statement with the two
        sides of the document's dispute stands between them (implied)."""
        noun = span[-1]
        issuers = [c for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "by", "from"}
                   for c in p.children if c.dep_ == "pobj"]
        verb = clause_verb(noun)
        if not issuers and verb is not None:
            issuers = [s for s in subjects_of(verb) if s != noun]  # "In a joint statement, A, B and C said"
        refs = sides_of(self.index, self.events.refs(issuers))
        if not 3 <= len(refs) <= JOINT_STATEMENT_MOST:
            return None  # (a statement of many, a bloc's, is no go-between's)
        frame = next((f for f in self.frames if len(f.sides) == 2 and set(f.sides) <= set(refs)
                      and f.kind in DISPUTE_FRAME_KINDS | {"talks"} and noun.i not in f.anchors), None)
        if frame is None:
            return None
        mediators = [r for r in refs if r not in frame.sides and (
            r.kind in {"country", "organization"} or self._allegiance_known(r))]
        if not mediators or self._is_side(mediators, self._disputes()):
            return None
        return self._build(span, "mediator", mediators, noun, stated=False, parties=list(frame.sides))

    def _told_for(self, span: Span) -> MediationFinding | None:
        """'A and B are at war ... C assured A that B would respect the truce', 'C told B that
        A was ready to talk': a third party that tells one side what the other will do speaks
        between them (implied).  Both sides must be sides of the document's dispute."""
        verb = span[0]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses or not any(len(f.sides) == 2 for f in self.frames):
            return None  # (cheap checks first: "told reporters" is frequent)
        told = self.events.refs([c for c in verb.children if c.dep_ in {"dobj", "dative"}])
        other = self.events.refs([s for c in clauses for s in subjects_of(c)])
        if len(told) != 1 or len(other) != 1 or told == other:
            return None
        sides = [told[0], other[0]]
        if not any({self._side_key(s) for s in sides} == {self._side_key(x) for x in f.sides}
                   for f in self.frames if len(f.sides) == 2 and f.kind in DISPUTE_FRAME_KINDS | {"talks"}):
            return None
        mediators = self._outside(self.events.refs(subjects_of(verb)), sides)
        if not mediators or self._is_side(mediators, self._disputes()):
            return None
        return self._build(span, "intermediary", mediators, verb, stated=False, parties=sides)

    def _venue(self, span: Span) -> MediationFinding | None:
        """'C provided the venue for the talks', 'C offered its capital as a venue for peace
        talks': who gives the sides' talks their venue hosts them (an offer stays proposed)."""
        noun = span[0]
        talks = [c for p in noun.children if p.dep_ == "prep" and p.lower_ in {"for", "of"}
                 for c in p.children if c.dep_ == "pobj" and _is_peace_object(c)]
        if not talks:
            return None
        givers: list[EntityRef] = []
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":
            # "C offered its capital as a venue": the country of the place offered, else the giver
            verb = noun.head.head
            offered = [c for c in verb.children if c.dep_ == "dobj"]
            givers = [EntityRef("country", c) for r in self.events.refs(offered)
                      for c in [self.index.country_of(r)] if c is not None]
            givers = givers or self.events.refs(subjects_of(verb))
        elif noun.dep_ in {"dobj", "attr"}:
            givers = self.events.refs(subjects_of(noun.head))  # "C provided (offered to provide) the venue"
        givers = givers or self._role_holder(noun, subject_fallback=False)  # "C's offer of a venue"
        mediators = self._third_parties(givers, self.events.refs(_between(talks[0])), hosting=True)
        if not mediators:
            return None
        return self._build(span, "host", mediators, talks[0], stated=True)

    def _prompted(self, span: Span) -> MediationFinding | None:
        """'Following C's intervention (at C's urging, on C's advice, after a push by C), A and B
        agreed to a truce', 'after C intervened, A and B agreed ...', 'C's intervention led to a
        truce between A and B': a settlement of the sides that a third party's act brought about
        (implied)."""
        word = span[0]
        sides: list[EntityRef] = []
        if word.lemma_ in {"lead", "result"}:
            # "C's intervention (efforts) led to a truce between A and B"
            targets = [c for c in span[-1].children if c.dep_ == "pobj" and _is_peace_object(c)]
            causes = subjects_of(word)
            if not targets or not causes:
                return None
            holders = [r for c in causes for r in (self._role_holder(c, subject_fallback=False)
                                                   if c.lower_ in ENABLING_NOUNS or c.lemma_ in ENABLING_NOUNS
                                                   else self.events.refs([c]))]
            anchor = targets[0]
            sides = self.events.refs(_between(anchor))
        elif (run_on := self._prompted_run_on(span, word)) is not None:
            return run_on
        else:
            if word.pos_ == "VERB":
                # "after C intervened, A and B agreed": the clause the intervening comes before
                if word.dep_ != "advcl":
                    return None
                verb: Token | None = word.head
                holders = self.events.refs(subjects_of(word))
            else:
                # "following (after, at, on, under) C's intervention (urging, advice)"
                if word.dep_ != "pobj" or word.head.lower_ not in PROMPTING_PREPS:
                    return None
                verb = word.head.head
                if verb.dep_ in {"prep", "advcl"} and verb.tag_ == "VBG":  # ("following" as a verb)
                    verb = verb.head
                elif verb.pos_ not in {"VERB", "AUX"}:
                    verb = clause_verb(verb)  # ("agreed to a truce at C's urging": the phrase on the truce)
                holders = self._role_holder(word, subject_fallback=False)
            if verb is None or not self._settling_clause(verb):
                return None
            anchor = verb
            sides = [r for r in self.events.refs(subjects_of(verb)) if r not in holders]
            if len(sides) < 2 and not any(s.lower_ in PARTY_GROUPS for s in subjects_of(verb)):
                return None  # (one side's own act: "A agreed at C's request")
        mediators = [m for m in self._outside(holders, sides) if self._credible_third(m)]
        if not mediators or self._is_side(mediators, self._disputes()):
            return None
        return self._build(span, "broker", mediators, anchor, stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _pressed(self, span: Span) -> MediationFinding | None:
        """'C persuaded A and B to return to talks', 'C pressed both sides to accept a truce':
        a third party that presses two sides at once to talk or settle has a hand in their
        settlement (implied: it presses, no mediation is told).  One side pressed, or two pressed
        to do something else ("pressed A and B to respect rights"), is none; so are appeals
        ("urged the two sides back to talks"), which bystanders make as often (no trigger)."""
        verb = span.root
        if verb.pos_ != "VERB" or not any(c.dep_ in {"xcomp", "ccomp", "advcl"} and _toward_talks(c)
                                          for c in verb.children):
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        sides = self.events.refs(objects)
        if len(sides) < 2:  # "the leaders of A and B"
            sides = self.events.refs([c for o in objects for c in _of_objects(o)]) or sides
        if len(sides) < 2 and not any(o.lower_ in PARTY_GROUPS | GUEST_GROUPS for o in objects):
            return None
        mediators = [m for m in self._outside(self.events.refs(subjects_of(verb)), sides) if self._credible_third(m)]
        if not mediators or self._is_side(mediators, self._disputes()):
            return None
        return self._build(span, "mediator", mediators, verb, stated=False,
                           parties=sides if len(sides) >= 2 else None)

    def _prompted_run_on(self, span: Span, word: Token) -> MediationFinding | None:
        """'After a push by C, A and B agreed to a truce', 'At the urging of C, A and B ...': the
        parser runs the sides into C's conjuncts (see _run_on)."""
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in {"of", "by", "from"}):
            first, sides = self._run_on(prep)
            verb = clause_verb(prep)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if not first and verb is not None and pobj is not None and len(pobj.conjuncts) >= 2 \
                    and pobj.i + 1 < len(self.doc) and self.doc[pobj.i + 1].text == "," \
                    and set(subjects_of(verb)) <= set(pobj.conjuncts):
                # ("At the urging of C, A and B agreed": no subject left to the verb but the run-on)
                first = self.index.actors_of_np(pobj, expand_conj=False)
                sides = [g for g in self.events.refs(list(pobj.conjuncts)) if g not in first]
                first = first if len(sides) >= 2 else []
            if first and verb is not None and self._settling_clause(verb):
                mediators = [m for m in first if self._credible_third(m)]
                return self._build(span, "broker", mediators, verb, stated=False, parties=sides) if mediators else None
        return None

    def _involved(self, span: Span) -> MediationFinding | None:
        """'C's officials have been involved in the negotiations', 'C is engaged in efforts to
        secure the release': a third party taking part in the talks (or settling efforts) of the
        sides of the document's conflict (implied).  A side's own officials, or talks where no
        war, truce or dispute is told (a trade negotiation), are none."""
        verb, prep = span[0], span[-1]
        # (not one's own "talks with B")
        work = [c for c in prep.children if c.dep_ == "pobj" and not _with_objects(c) and (
            c.lower_ in TALKS_WORDS | {"negotiation", "process"} or _effort_aim(c) is not None)]
        conflicts = [f for f in self.frames if len(f.sides) >= 2 and f.kind in CONFLICT_FRAME_KINDS]
        if not work or not conflicts:
            return None
        doers = subjects_of(verb) or ([verb.head] if verb.dep_ == "acl" else [])
        # ("Qatari and Egyptian officials": each adjective names a country)
        doers += [c for d in doers for c in d.children if c.dep_ == "amod"]
        mediators = [m for m in self._outside(self.events.refs(doers), list(conflicts[0].sides))
                     if self._credible_third(m)]
        if not mediators or self._is_side(mediators, conflicts):
            return None
        return self._build(span, "mediator", mediators, work[0], stated=False)

    def _disputes(self) -> list[FrameFinding]:
        """The document's frames of two sides at odds or bound by what they settled."""
        return [f for f in self.frames if len(f.sides) >= 2 and f.kind in DISPUTE_FRAME_KINDS]

    def _carried_to(self, span: Span) -> MediationFinding | None:
        """'A and C held talks ... C will convey A's position to B', 'C will pass this on to B',
        'C will relay these views to B': a third party that carries one side's word to the
        other side of the document's dispute goes between them (implied).  What is carried must
        be words (a position, views, "this"), not aid or arms."""
        verb = span[0]
        said = [c for c in verb.children if c.dep_ == "dobj" and (
            c.lemma_ in MESSAGE_NOUNS | SAID_NOUNS or c.lower_ in {"this", "that", "it", "these", "those"})]
        # ("pass on A's proposal to B": the parse may make the proposal the object of "on")
        said += [c for p in verb.children if p.dep_ in {"prep", "prt"} and p.lower_ == "on"
                 for c in p.children if c.dep_ == "pobj" and c.lemma_ in MESSAGE_NOUNS | SAID_NOUNS]
        # ("convey A's concerns to B": the parse may hang "to B" on what is carried)
        objects = [c for p in (*verb.children, *(c for o in said for c in o.children))
                   if p.dep_ in {"prep", "dative"} and p.lower_ == "to" for c in p.children if c.dep_ == "pobj"]
        # ("to Niamey": a capital stands for its country)
        receivers = self.events.refs(objects) or [
            EntityRef("country", c) for t in objects for r in [self.index.ref_at(t)]
            if r is not None and r.kind == "place" for c in [self.index.country_of(r)] if c is not None]
        mediators = self.events.refs(subjects_of(verb))
        if not said or len(receivers) != 1 or not mediators:
            return None
        senders = [r for r in self.events.refs([c for o in said for c in o.children if c.dep_ == "poss"])
                   if r not in receivers]
        partner = senders[0] if senders else self._partner_of(mediators, before=self.events.sentence_index(verb),
                                                              verb=verb)
        if partner is None or partner in receivers:
            return None
        sides = [partner, receivers[0]]
        if not senders and not any({self._side_key(s) for s in sides} == {self._side_key(x) for x in f.sides}
                                   for f in self.frames if len(f.sides) == 2 and f.kind in DISPUTE_FRAME_KINDS):
            # (a side taken from the talks just told: only between the sides of the document's
            # dispute; one named as the word's owner, "A's concerns to B", needs none)
            return None
        mediators = self._outside(mediators, sides)
        if not mediators or self._is_side(mediators, self._disputes()):
            return None  # (talks of C with one side make C no side of the dispute)
        return self._build(span, "intermediary", mediators, verb, stated=False, parties=sides)

    def _protecting(self, span: Span) -> MediationFinding | None:
        """'C represents A's interests in B': a protecting power between A and B."""
        verb, interests = span[0], span[-1]
        mediators = self.events.refs(subjects_of(verb))
        owners = self.events.refs([c for c in interests.children if c.dep_ in {"poss", "amod", "compound"}])
        hosts = self.events.refs([c for p in [*interests.children, *verb.children]
                                  if p.dep_ == "prep" and p.lower_ in {"in", "with"}
                                  for c in p.children if c.dep_ == "pobj"])
        parties = [*owners, *(h for h in hosts if h not in owners)]
        if not mediators or len(parties) < 2:
            return None
        return self._build(span, "intermediary", mediators, verb, stated=True, parties=parties)

    def _role_holder(self, noun: Token, *, subject_fallback: bool = True) -> list[EntityRef]:
        refs: list[EntityRef] = []
        # "thanked Qatar for their efforts": the possessive pronoun is the thanked actor.
        if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "on"} and noun.head.head.lemma_ in CREDIT_VERBS and any(
            c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children
        ):
            return self.events.refs([c for c in noun.head.head.children if c.dep_ == "dobj"])
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod"} or child.dep_ == "nmod" and child.i < noun.i:
                # ("C's vice president X's team": the parse may make the title a modifier)
                refs += self.events.refs([child])
                # "the Qatari-Egyptian mediation": the names joined to it by hyphens.
                i = child.i
                while i >= 2 and self.doc[i - 1].text in {"-", "‐"} and self.index.ref_at(i - 2) is not None:
                    refs.append(self.index.ref_at(i - 2))  # type: ignore[arg-type]
                    i -= 2
            elif child.dep_ == "relcl" and not any(c.dep_ in {"poss", "nmod"} for c in noun.children):
                # "the role Kuwait is playing"; but "C's team, which the rebels criticised" is C's
                refs += self.events.refs([s for s in child.children if s.dep_ in {"nsubj"}])
            elif child.dep_ == "acl" and child.lemma_ not in STANCE_VERBS:
                # "the role played by C" (not "C's mediation, backed by D": D backs it)
                refs += self.events.refs([c for p in child.children if p.dep_ == "agent"
                                          for c in p.children if c.dep_ == "pobj"])
            elif child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
                # "the hosts of the negotiations" are not the negotiations' sides
                refs += self.events.refs([c for c in child.children if c.dep_ == "pobj" and not _is_peace_object(c)])
        if not refs and (offer := _offer_of(noun)) is not None:
            # "A and B accepted C's offer of mediation (an offer of mediation from C)": the offer's
            refs = self._role_holder(offer, subject_fallback=False)
        if not refs and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            # "years of mediation by C": the agent hangs on the measure word.
            refs = self.events.refs([c for p in noun.head.head.children if p.dep_ == "prep" and p.lower_ == "by"
                                     for c in p.children if c.dep_ == "pobj"])
        if not refs and noun.i + 1 < len(self.doc) and self.doc[noun.i + 1].lower_ == "by" \
                and self.doc[noun.i + 1].dep_ in {"agent", "prep"} and self.doc[noun.i + 1].head != noun:
            # "after mediation by C": the parser hangs "by C" on the clause's verb.
            refs = self.events.refs([c for c in self.doc[noun.i + 1].children if c.dep_ == "pobj"])
        if not refs and subject_fallback and noun.dep_ in {"dobj", "attr"}:
            # "Kuwait played a leading role in mediating": the subject holds the role.
            refs = self.events.refs(subjects_of(noun.head))
        return refs

    def _noun(self, span: Span, noun: Token, kind: MediationKind) -> MediationFinding | None:
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "by"}):
            first, sides = self._run_on(prep)
            if first:  # "Thanks to the good offices of C, A and B agreed ...": C's, between A and B
                return self._build(span, kind, first, noun, stated=True, parties=sides)
        first, sides = self._run_into_by(noun)
        if first:  # "After months of mediation by C, A and B signed ...": C's, between A and B
            return self._build(span, kind, first, noun, stated=True, parties=sides)
        mediators: list[EntityRef] = []
        titled = self.index.ref_at(noun.head) if noun.dep_ == "compound" else None
        # ("the co-chairs, A for the government and B for the opposition": each chairs for a side)
        apposed = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i and not _speaks_for_a_side(c)
                   and getattr(self.index.ref_at(c), "kind", None) == "person"]
        if apposed:
            # "the Norwegian mediator, Dag Lund, said": the one named holds the title; "the
            # co-chairs, A of C and B of D": a plural title names them all.
            mediators = [self.index.ref_at(apposed[0])]  # type: ignore[list-item]
            if noun.tag_ in {"NNS", "NNPS"}:
                listed = [c for c in apposed[0].conjuncts if not _speaks_for_a_side(c)]
                mediators += [r for r in self.events.refs(listed) if r.kind == "person" and r not in mediators]
        elif titled is not None and titled.kind == "person":
            # "Qatari mediator Karim Haddad": the title's holder.
            mediators = [titled]
        elif titled is not None and titled.kind in {"country", "organization"} and noun.i == noun.head.i - 1:
            # "mediators Qatar and Egypt said", "facilitator Norway": the names the noun titles.
            mediators = self.events.refs([noun.head])
        elif noun.dep_ == "pobj" and noun.head.lower_ in {"as", "of"} and noun.head.head.lemma_ in ROLE_NOUNS \
                and noun.head.head.pos_ in {"NOUN", "PROPN"}:
            # "C's role as facilitator", "C has played the role of mediator"
            mediators = self._role_holder(noun.head.head)
        # "X acting as facilitator", "X served as mediator"
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            withs = [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < noun.head.i
                     for c in p.children if c.dep_ == "pobj" and c.right_edge.i == noun.head.i - 1]
            if withs:
                # "the ministers met in Almaty, with Kazakhstan as host" ("with C and D as
                # guarantors": the names and their conjuncts)
                mediators = self.events.refs([t for c in withs for t in (c, *c.conjuncts)])
            elif verb.pos_ in {"VERB", "AUX"} and verb.lemma_ in AS_VERBS and objects:
                # "welcomed C as a co-host", "include C, D and E as new mediators"
                mediators = self.events.refs(objects)
            elif verb.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in verb.children):
                # (the small model tags "act" in "where C and D act as guarantors" a noun)
                mediators = self.events.refs([c for c in verb.children if c.dep_ == "nsubj"]
                                             if verb.pos_ not in {"VERB", "AUX"} else subjects_of(verb))
            elif verb.lemma_ in ACTING_VERBS and any(c.dep_ == "nmod" and c.i < verb.i for c in verb.children):
                # ... or makes the names its modifiers: "C and D act as guarantor countries"
                mediators = self.events.refs([c for c in verb.children if c.dep_ == "nmod" and c.i < verb.i])
            elif verb.dep_ == "appos" and verb.lemma_ in ACTING_VERBS:
                # ... or hangs it on the first of the names before it: "C, D and E act as guarantors"
                mediators = self.events.refs([verb.head])
            else:
                mediators = self.events.refs([verb])
        elif noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.pos_ in {"AUX", "VERB"}:
            # "C is among the mediators"
            mediators = self.events.refs(subjects_of(noun.head.head))
        elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_ == "join":
            # "D will join C in the mediation": both mediate.
            join = noun.head.head
            mediators = self.events.refs([*subjects_of(join), *(c for c in join.children if c.dep_ == "dobj")])
        elif noun.dep_ == "pobj" and noun.head.lower_ == "in" and (partaking := _partaking(noun.head)) is not None:
            # "D also took part in the mediation", "D participated in the mediation" (a side
            # takes part in its own)
            mediators = self.events.refs(subjects_of(partaking))
            if self._is_side(mediators):
                return None
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in PART_WORDS \
                and noun.head.head.dep_ in {"appos", "attr"}:
            # "C, one of the mediators, said", "C is one of the facilitators"
            one = noun.head.head
            mediators = self.events.refs([one.head] if one.dep_ == "appos" else subjects_of(one.head))
        elif noun.dep_ in {"attr"}:
            mediators = self.events.refs(subjects_of(noun.head))
        elif noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.lower_.endswith("ing") and any(
                c.dep_ == "compound" and self.index.ref_at(c) is not None for c in noun.children):
            # "A and B resumed talks, with C mediating": the parse may make "C mediating" one noun
            mediators = self.events.refs([c for c in noun.children if c.dep_ == "compound"])
        elif noun.dep_ == "nsubj" and noun.i >= 2 and self.doc[noun.i - 1].dep_ == "det" \
                and self.doc[noun.i - 2].text == "," and any(
                    c.dep_ == "nsubj" and c.i < noun.i for c in noun.head.children):
            # "C and D, the hosts of the talks, said": the parser makes the apposition a
            # second subject of the verb.
            mediators = self.events.refs([c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i])
        elif noun.dep_ == "oprd":
            # "X was named mediator", "C appointed X mediator"
            mediators = self.events.refs([c for c in noun.head.children if c.dep_ in {"nsubjpass", "dobj"}])
        elif any(c.dep_ == "prep" and c.lower_ == "including" for c in noun.children):
            # "mediators including C and D"
            mediators = self.events.refs([g for c in noun.children if c.dep_ == "prep" and c.lower_ == "including"
                                          for g in c.children if g.dep_ == "pobj"])
        elif noun.dep_ == "appos":
            mediators = self.events.refs([noun.head])
        if not mediators and noun.dep_ == "dobj" and noun.head.lemma_ in MEDIATION_LIGHT_VERBS:
            # "appealed to C to provide mediation": the one asked provides it.
            verb = noun.head
            if verb.dep_ == "xcomp":
                mediators = self.events.refs([c for p in verb.head.children if p.dep_ == "prep"
                                              and p.lower_ in {"to", "on", "upon"}
                                              for c in p.children if c.dep_ == "pobj"])
            # "appointed X as envoy to lead mediation between ...", "Oman offered mediation"
            if not mediators:
                mediators = self.events.refs(subjects_of(verb))
        if not mediators and noun.lemma_ == "role" and noun.dep_ == "dobj" and noun.head.lemma_ in ROLE_VERBS:
            # "C is open to playing a mediating role": who plays it
            mediators = self.events.refs(subjects_of(noun.head))
        if not mediators:
            mediators = self._credited_above(noun)
        if not mediators:
            # An object's holder is only its possessor ("praised Qatar's mediation"): "offered
            # mediation" is the subject's, found above.
            # ("requested Egyptian mediation": the country of the adjective)
            mediators = self._role_holder(noun) if noun.dep_ not in {"dobj"} else self.events.refs(
                [c for c in noun.children
                 if c.dep_ in {"poss", "amod"} and noun.lemma_ in {"mediation", "facilitation"}])
        if not mediators and noun.dep_ == "dobj" and noun.lemma_ in {"mediation", "facilitation"}:
            # "A welcomed the mediation of C (by C, led by C)": its holder as any other noun's,
            # but not the subject's ("A requested mediation" is no mediation of A's)
            mediators = self._role_holder(noun, subject_fallback=False)
        if not mediators and noun.dep_ in {"compound", "amod"} and noun.head.pos_ == "NOUN":
            # "mediation efforts by Qatar", "the mediation team of Egypt"
            mediators = self._role_holder(noun.head)
        if not mediators:
            for child in noun.children:
                if child.dep_ == "appos" and not _speaks_for_a_side(child):
                    mediators = self.events.refs([child])
        if not mediators and noun.tag_ == "NNS" and any(c.lower_ == "the" for c in noun.children):
            mediators = self._announcers(noun)
        if not mediators and noun.tag_ == "NNS":
            mediators = self._named_right_before(noun)
        if not mediators:
            mediators = self._credited_right_before(noun)
        if not mediators:
            return None
        mediators = self._named(noun, mediators)
        groups = self.with_groups(noun)
        if len(groups) > 1:
            # Two processes, two acts: "facilitator in the talks with A and in those with B".
            for group in groups[1:]:
                extra = self._build(span, kind, mediators, noun, stated=True, parties=group)
                if extra is not None:
                    extra.key += f"-{group[0].key.lower()}"
                    self._extra.append(extra)
            return self._build(span, kind, mediators, noun, stated=True, parties=groups[0])
        if noun.dep_ == "dobj" and noun.head.lemma_ in CREDIT_VERBS and not groups \
                and not self._two_sided:
            # "Both A and B acknowledged (praised) C's mediation", with no sides in view: who
            # credit it are its sides (after "A and B agreed to a truce", onlookers)
            thankers = self._thanked_by_sides(noun, mediators)
            if len(thankers) >= 2:
                return self._build(span, kind, mediators, noun, stated=True, parties=thankers)
        return self._build(span, kind, mediators, noun, stated=True)

    def _credited_right_before(self, noun: Token) -> list[EntityRef]:
        """'He commends A for its courage and C for its facilitation of the process': the
        country or body named right before "for its <mediation word>", however the parse
        hangs the phrase (here on "courage")."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.i == 0 or not any(
                c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children):
            return []
        mention = self.index.mention_at(prep.i - 1)
        if mention is None or mention.end != prep.i or mention.ref.kind not in {"country", "organization"}:
            return []
        return [mention.ref]

    def _named_right_before(self, noun: Token) -> list[EntityRef]:
        """'IGAD mediators persuaded ...': the country or body named right before a plural
        mediator noun is theirs, however the parse hangs the name (it may make an acronym the
        sentence's verb)."""
        mention = self.index.mention_at(noun.i - 1) if noun.i > 0 else None
        if mention is None or mention.end != noun.i or mention.ref.kind not in {"country", "organization"}:
            return []
        return [mention.ref]

    def _hosts_own_talks(self, anchor: Token, countries: set[str]) -> bool:
        """Whether the talks or meeting told in ``anchor``'s sentence have a side of one of
        ``countries`` (the host's own people meeting another)."""
        here = self.events.sentence_index(anchor)
        return any(here in f.sentences and any(self.index.country_of(s) in countries for s in f.sides)
                   for f in self.frames if f.kind in TALKING_FRAME_KINDS)

    def _announcers(self, noun: Token) -> list[EntityRef]:
        """'the facilitators': the group of two or more countries or organisations that is the
        subject of an earlier sentence ("A and B announce ..."), never the sides of the
        document's dispute ("A and B remain at war. The two mediators said ...")."""
        here = self.events.sentence_index(noun)
        disputes = self._disputes()
        for sent in reversed(self.events.sentences[:here]):
            for token in sent:
                if token.dep_ != "nsubj" or not token.conjuncts:
                    continue
                refs = [r for r in self.events.refs([token]) if r.kind in {"country", "organization"}]
                if len(refs) >= 2 and not self._is_side(refs, disputes):
                    return refs
        return []

    def _compound(self, span: Span) -> MediationFinding | None:
        """'AU-mediated negotiations', 'UN-led peace talks', 'Qatari-brokered truce'."""
        if span.start == 0:
            return None
        left = self.index.mention_at(span.start - 1)
        if left is None or left.ref.kind == "place":
            return None
        word = span[-1].lower_
        kinds: dict[str, MediationKind] = {"mediated": "mediator", "brokered": "broker", "led": "convener",
                                           "hosted": "host", "sponsored": "host", "facilitated": "facilitator",
                                           "convened": "convener", "backed": "mediator", "organised": "convener",
                                           "organized": "convener", "arranged": "convener"}
        kind = kinds.get(word, "mediator")
        if word == "backed":
            return None
        target = span[-1].head if span[-1].head != span[-1] else span[-1]
        if not _is_peace_object(target):
            return None
        if word == "led" and left.ref.kind == "country" and (self._is_side([left.ref]) or any(
                self.index.country_of(s) == left.ref.key for f in self.frames for s in f.sides)):
            return None  # "a Sudanese-led political process" between Sudan's own sides: their own
        if word in AUTHORED_COMPOUNDS:
            # "a C-proposed ceasefire", "the C-drafted accord": its author's part, implied
            if self._is_side([left.ref]) or not self._two_sided:
                return None
            return self._build(span, "mediator", [left.ref], target, stated=False)
        return self._build(span, kind, [left.ref], target, stated=True)

    def _auspices(self, span: Span) -> MediationFinding | None:
        token = span[0]
        if token.lower_ == "patronage" and token.head.lower_ != "under":
            return None  # "under the patronage of C", not "the patronage networks of C"
        first, sides = self._run_into_by(token)
        if first:  # "After months of mediation by C, A and B signed ...": C's, between A and B
            return self._build(span, "mediator", first, token, stated=True, parties=sides)
        objects = _of_objects(token)
        # "under C's auspices", "under Qatari auspices"
        objects += [c for c in token.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
        mediators = self.events.refs(objects)
        if not mediators:
            return None
        mediators += [r for r in self._listed_after(objects[-1]) if r not in mediators]
        verb = token.head.head if token.head.lower_ == "under" else token.head
        parties = [r for r in self.events.refs(subjects_of(verb)) if r not in mediators] \
            if verb.pos_ in {"VERB", "AUX"} else []
        if verb.dep_ in {"acl", "relcl"} and not parties:
            # "The talks, held under C's auspices, brought together A and B"
            parties = [r for r in self.events.refs(self._participle_sides_of(verb.head)) if r not in mediators]
        # "Talks between A and B were held under the auspices of X": the subject names no side.
        return self._build(span, "mediator", mediators, verb, stated=True, parties=parties or None)

    def _participle_sides_of(self, noun: Token) -> list[Token]:
        """The sides a talks noun's own verb names: "the talks ... brought together A and B",
        "the talks ... included A and B"."""
        verb = noun.head
        if noun.dep_ != "nsubj" or not (verb.lemma_ in INCLUDE_VERBS or brings_together(verb)):
            return []
        return [c for c in verb.children if c.dep_ == "dobj"]

    def _implied(self, span: Span, kind_id: str) -> MediationFinding | None:
        """'the diplomatic efforts of X', 'the gracious hospitality of X': not stated."""
        head = span[-1] if span[-1].lower_ in {"of", "by"} else span.root
        if head.lower_ in {"efforts", "effort", "offices"} and head.i + 1 < len(head.doc) \
                and head.nbor().lower_ in {"of", "by"}:
            head = head.nbor()
        guests: list[EntityRef] | None = None
        if head.lower_ in {"of", "by"}:
            holders = self.events.refs([c for c in head.children if c.dep_ == "pobj"])
            first, sides = self._run_on(head)
            if first:
                holders, guests = first, sides
        else:
            # Only an explicit holder: in "A phoned B to discuss efforts to forge peace" the
            # efforts are nobody's in particular.
            holders = self._role_holder(head, subject_fallback=False)
            if not holders and kind_id == "implied_host" and any(
                    c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children):
                # "we are grateful to C for its hospitality" (checked against where the talks are)
                holders = self._credited_above(head)
        if not holders:
            return None
        here = self.events.sentence_index(span.start)
        # (the two sentences before, and the one after: "C was thanked for its efforts. The
        # leaders discussed the talks between A and B.")
        context = self.events.sentences[max(0, here - 2):here + 2]
        effort = head if head.lower_ not in {"of", "by"} else head.head
        aims = [c for c in effort.children if c.dep_ in {"acl", "relcl"} and c.pos_ in {"VERB", "AUX"}]
        # (or "C's efforts to end the rift between A and B": what they settle; or, a war told
        # nearby, "C's efforts (to calm the fighting)", not "C's efforts to fight malaria")
        if kind_id != "implied_host" and not any(t.lower_ in PEACE_OBJECTS for sent in context for t in sent) \
                and not _between(_effort_aim(effort) or head) and not (
                    self._conflict_in_view(context, holders) and all(map(_settling, aims))):
            return None
        kind: MediationKind = "host" if kind_id == "implied_host" else "broker"
        if kind_id == "implied_host":
            return self._hospitality(span, head)
        disputes = [f for f in self.frames if f.kind in DISPUTE_FRAME_KINDS][:1]
        if disputes and self._is_side(holders, disputes):
            # "Chad's efforts to implement the agreement" that ended its own war: a side of the
            # document's main dispute (war, truce, deal) making efforts is no third party
            return None
        return self._build(span, kind, holders, head, stated=False,
                           parties=guests if guests and len(guests) >= 2 else None)

    def _run_on(self, prep: Token) -> tuple[list[EntityRef], list[EntityRef]]:
        """'Thanks to the efforts (good offices) of C, A and B agreed to a truce': the parser runs
        the clause's subject into C's conjuncts; C, named first, makes the efforts and A and B
        are the sides.  (C, [A, B]) when so, else two empty lists."""
        verb = clause_verb(prep)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        subjects = subjects_of(verb) if verb is not None else []
        if pobj is None or len(pobj.conjuncts) < 2 or not subjects \
                or not all(s in set(pobj.ancestors) for s in subjects) \
                or self.events.refs(subjects) or any(s.lower_ in PARTY_GROUPS for s in subjects):
            return [], []  # ("The two parties, with help from C, D and E, ...": a subject of its own)
        first = self.index.actors_of_np(pobj, expand_conj=False)
        sides = [g for g in self.events.refs(list(pobj.conjuncts)) if g not in first]
        return (first, sides) if first and len(sides) >= 2 else ([], [])

    def _run_into_by(self, noun: Token) -> tuple[list[EntityRef], list[EntityRef]]:
        """'After (months of) mediation by C, A and B signed a deal': the clause's subject runs
        into the conjuncts of the fronted by-phrase (see run_on_sides), which the parse hangs on
        the noun, its measure word or the verb.  Those conjuncts are the (named) sides, C and
        the conjuncts before them the mediators: (mediators, sides) when so, else two empty
        lists."""
        holders = [noun, *([noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [])]
        holders += [v for v in [clause_verb(noun)] if v is not None]
        for by in (c for h in holders for c in h.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                   and c.i > noun.i):
            pobj = next((c for c in by.children if c.dep_ == "pobj"), None)
            ran = run_on_sides(pobj) if pobj is not None else []
            if pobj is None or not ran:
                continue
            mediators = [r for c in (pobj, *pobj.conjuncts) if c.i < ran[0].i
                         for r in self.index.actors_of_np(c, expand_conj=False)]
            sides = [r for c in ran for r in self.index.actors_of_np(c, expand_conj=False) if r not in mediators]
            if mediators and sides:
                return mediators, sides
        return [], []

    def _conflict_in_view(self, context: Sequence[Span], holders: list[EntityRef]) -> bool:
        """'A and B have been at war since May ... the minister praised C's efforts': a
        conflict told nearby, in a document whose dispute (war, truce, deal) has two sides that
        the holders are not."""
        return any(t.lower_ in CONFLICT_TOLD_WORDS for sent in context for t in sent) and any(
            len(f.sides) >= 2 and f.kind in DISPUTE_FRAME_KINDS for f in self.frames) and not self._is_side(
                holders, self._disputes())

    def _hospitality(self, span: Span, head: Token) -> MediationFinding | None:
        """'Thanks to the hospitality of X, A and B took steps': X hosts A and B.

        The parser often runs the guests into the host's conjuncts when the clause has
        no subject of its own; the first actor is the host, the others are the guests.
        """
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if head.lower_ == "of":
            of = head
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return self._thanked_for_hospitality(span, head)
        hosts = self.index.actors_of_np(pobj, expand_conj=False)
        if not hosts:
            return None
        verb = clause_verb(head)
        guests = self.events.refs(subjects_of(verb)) if verb is not None else []
        if not guests:
            guests = self.events.refs(list(pobj.conjuncts))
        guests = [g for g in guests if g not in hosts]
        # "thanked the Emir for his hospitality" after a visit is no mediation: a host between
        # sides needs two guests from different countries.
        if len({self.index.country_of(g) or g.key for g in guests}) < 2:
            return None
        return self._build(span, "host", hosts, head, stated=False, parties=guests)

    def _thanked_for_hospitality(self, span: Span, head: Token) -> MediationFinding | None:
        """'I thank the Government of C for its hospitality', where the document's talks are
        held in C: C hosts the sides of those talks (else of the document's frame).  A host
        thanked after a visit, with no talks held in its country, is none."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        # ("expressed appreciation for C's hospitality": the named possessor hosts)
        hosts = [h for h in (self._credited_above(head) if owner.tag_ == "PRP$" else self.events.refs([owner]))
                 if h.kind in {"country", "organization", "person"}]
        countries = {self.index.country_of(h) for h in hosts} - {None}
        if not countries:
            return None
        talks = next((m for m in (*self.meetings, *self.events.unresolved)
                      if m.kind in {"talks", "meeting"} and m.location is not None
                      and self.index.country_of(m.location) in countries), None)
        if talks is None:
            # "Both sides thanked C for its hospitality": the thankers are the guests
            guests = self._thanked_by_sides(head, hosts) if not self._is_side(hosts) else []
            verb = clause_verb(head)
            talks_during = [c for p in (*head.children, *(verb.children if verb is not None else ()))
                            if p.dep_ == "prep" and p.lower_ in {"during", "at", "throughout"}
                            for c in p.children if c.dep_ == "pobj" and _is_peace_object(c)]
            if not guests and not self._is_side(hosts) and talks_during:
                # "thanked C for its hospitality during the talks": the sides of the talks named
                # ("... during the talks between A and B", the phrase may hang on the verb of
                # thanking) or that the document tells of
                between = [r for r in self.events.refs(_between(talks_during[0])) if r not in hosts]
                found = self._build(span, "host", hosts, head, stated=False,
                                    parties=between if len(between) >= 2 else None)
                # (two sides in view, else a host thanked for a summit or a conference)
                return found if found is not None and len(found.parties) >= 2 else None
            return self._build(span, "host", hosts, head, stated=False, parties=guests) if guests else None
        sides = [r for r in talks.refs() if r not in hosts and self.index.country_of(r) not in countries]
        return self._build(span, "host", hosts, head, stated=False, parties=sides)

    def _thanked_by_sides(self, token: Token, hosts: list[EntityRef]) -> list[EntityRef]:
        """The sides who thank for what ``token`` names: two or more named thankers of other
        countries ("A and B thanked C for ..."), or "both sides" ("the two delegations")
        standing for the pair just named; else none."""
        current = token
        for _ in range(6):
            if current.lemma_ in CREDIT_VERBS or current.head == current:
                break
            current = current.head
        if current.lemma_ not in CREDIT_VERBS and not any(
                c.lower_ in CREDIT_NOUNS | CREDIT_ADJECTIVES for c in current.children):
            return []
        thankers = subjects_of(current)
        host_countries = {self.index.country_of(h) for h in hosts} - {None}
        sides = [r for r in self.events.refs(thankers) if r not in hosts
                 and self.index.country_of(r) not in host_countries]
        if len({self.index.country_of(r) or r.key for r in sides}) >= 2:
            return sides
        if any(t.lower_ in PARTY_GROUPS | GUEST_GROUPS and any(c.lower_ in {"both", "two"} for c in t.children)
               for t in thankers):
            pair = latest_pair(self.index, self.events, current, back=2)
            return [r for r in pair if r not in hosts] if len(pair) >= 2 else []
        return []

    def _convey(self, span: Span) -> MediationFinding | None:
        """'A will convey to B that ...': a go-between, not stated as one.

        The other side is the one the conveyor has just been dealing with."""
        verb = span[0]
        mediators = self.events.refs(subjects_of(verb))
        receivers = self.events.refs([c for c in span[1].children if c.dep_ == "pobj"])
        if not mediators or not receivers:
            return None
        # "A will relay to B that C is ready to talk": the side whose word is carried (the parse
        # may make the that-clause adverbial)
        said = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        senders = [r for r in self.events.refs([s for c in said for s in subjects_of(c)])
                   if r not in mediators and r not in receivers and r.kind in {"country", "organization", "person"}]
        return self._between_two(self._build(span, "intermediary", mediators, verb, stated=False,
                                             parties=[*senders[:1], *receivers]), mediators, verb)

    def _carried(self, span: Span) -> MediationFinding | None:
        """'Egypt relayed a message from Hamas to Israel': a go-between of two named sides
        (or of the side it has just been dealing with and the receiver)."""
        verb = span[0]
        mediators = self.events.refs(subjects_of(verb))
        if not mediators:
            return None
        found = self._build(span, "intermediary", mediators, verb, stated=True)
        receivers = [r for r in self.events.refs([c for p in verb.children if p.dep_ in {"prep", "dative"}
                                                  and p.lower_ == "to" for c in p.children if c.dep_ == "pobj"])
                     if r not in mediators]
        if found is not None and receivers and not set(receivers) & set(found.parties):
            # "X will pass the message to B" (after speaking with A): the receiver, then the
            # one X has just been dealing with (not the sides of another dispute)
            found.parties = receivers[:1]
        return self._between_two(found, mediators, verb)

    def _between_two(self, finding: MediationFinding | None, mediators: list[EntityRef],
                     verb: Token) -> MediationFinding | None:
        """A go-between's finding with its second side (the one the mediators have just been
        dealing with) when one is named; "the minister conveyed (a message) to the
        ambassador" is no go-between: None without two sides, named or told as a pair ("relaying
        messages between the two governments")."""
        if finding is not None and len(finding.parties) == 1:
            partner = self._partner_of(mediators, before=self.events.sentence_index(verb), verb=verb)
            if partner is not None and partner not in finding.parties:
                finding.parties = [partner, *finding.parties]
                finding.parties_unnamed = None
        if finding is None or len(finding.parties) < 2 and not _between_sides_unnamed(verb):
            return None
        return finding

    def _partner_of(self, mediators: list[EntityRef], *, before: int, verb: Token | None = None) -> EntityRef | None:
        """The one other side of the latest talks or meeting the mediator took part in (else
        the one it was named with just before: "A and B took steps toward peace ... A will
        convey to C that ...")."""
        for meeting in sorted(self.meetings, key=lambda m: m.sentence_index, reverse=True):
            if meeting.sentence_index > before or meeting.kind not in {"talks", "meeting", "phone_call"}:
                continue
            refs = meeting.refs()
            if any(m in refs for m in mediators):
                others = [r for r in refs if r not in mediators]
                if len(others) == 1:
                    return others[0]
        here = self.events.sentence_index(verb) if verb is not None else 0
        if verb is not None and any(t.lower_ in CONFLICT_WORDS for s in self.events.sentences[
                max(0, here - PARTNER_SENTENCES):here + 1] for t in s):  # (peace or war in view)
            pair = latest_pair(self.index, self.events, verb, back=PARTNER_SENTENCES, holding=mediators)
            others = [r for r in pair if r not in mediators]
            if len(others) == 1:
                return others[0]
        return None

    def _doer_of(self, noun: Token) -> list[EntityRef]:
        """'C engaged in weeks of shuttle diplomacy', 'C conducted shuttle diplomacy': the active
        subject of the verb whose object the noun is, directly or through "in" and a measure's
        "of"."""
        current = noun
        for _ in range(4):
            if current.dep_ not in {"dobj", "pobj", "prep"} or current.head == current:
                return []
            current = current.head
            if current.pos_ == "VERB":
                return self.events.refs([s for s in subjects_of(current) if s.dep_ != "nsubjpass"])
        return []

    def _through(self, span: Span) -> list[EntityRef]:
        for token in span[-1].subtree:
            if token.lower_ in {"through", "via"}:
                return self.events.refs([c for c in token.children if c.dep_ == "pobj"])
        return []

    def _hosts_of_guests(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'X hosted A and B for talks': a host whose guests act for two other countries."""
        out = []
        for span in self.doc.spans.get(TRIGGERS_KEY, []):
            welcomed = span.label_ == "meeting" and span.id_ == "receive" and span.root.lemma_ in {"welcome", "receive"}
            hosting = span.label_ == "mediation" and span.id_ in {"host", "convener"}
            # "C played host to negotiators from A and B": the guests after "to"
            played_host = span.label_ == "mediation" and span.id_ == "helped" and span[-1].lower_ == "to" \
                and span[0].lemma_ == "play"
            if not (hosting or welcomed or played_host) or span.root.pos_ != "VERB":
                continue
            verb = span.root
            objects = [c for c in (span[-1] if played_host else verb).children
                       if c.dep_ == ("pobj" if played_host else "dobj")]
            if welcomed and not any(t.lemma_ in {"talk", "negotiation", "discussion", "dialogue"}
                                    or t.lower_ in {"talks", "negotiations"} for t in verb.subtree) \
                    and not self._group_sides(verb, [o for o in objects if o.lower_ in GUEST_GROUPS],
                                              kinds=CONFLICT_FRAME_KINDS):
                # "welcomed A and B to Almaty for talks", not a courtesy call; "welcomed both
                # delegations" with the sides of a conflict just told (not of a trade deal) hosts them
                continue
            if not objects and verb.dep_ == "amod" and any(c.dep_ == "nsubj" for c in verb.children):
                objects = [verb.head]  # ("C hosted delegations": the parse may make the verb a modifier)
            hosts = self.events.refs(subjects_of(verb)) or self.events.speaking(verb)
            guests = [g for g in self.events.refs(objects) if g not in hosts]  # "his counterparts" are not his
            framed: list[EntityRef] = []
            if len(guests) < 2 and any(o.lower_ in GUEST_GROUPS for o in objects):
                # "hosted the foreign ministers of A and B": the countries they come for;
                # "hosted both leaders": the sides of the frame told nearby.
                # ("delegations from both countries in Dakar": not the venue's country)
                bodies = self._bodies_in(objects)
                framed = [] if len(bodies) >= 2 else self._group_sides(verb, objects)
                guests = bodies if len(bodies) >= 2 else framed or bodies
            kind: MediationKind = "convener" if span.id_ == "convener" else "host"
            if hosts and len(guests) < 2 and any(o.lower_ in PARTY_GROUPS for o in objects) \
                    and (self._talks_in_view(verb) or self._conflict_told()) and not self._is_side(hosts):
                # "C convened the two sides for talks", "C will convene the rivals" (a war told):
                # sides the clause does not name, taken from the document
                finding = self._build(span, kind, hosts, verb, stated=True, parties=[])
                if finding is not None:
                    out.append(finding)
                continue
            if not hosts or len(guests) < 2:
                continue
            host_countries = {self.index.country_of(h) for h in hosts}
            if framed and framed == self._group_sides(verb, objects, kinds=CONFLICT_FRAME_KINDS) \
                    and not host_countries & {self.index.country_of(g) for g in framed}:
                # "the war between the army and the Front ... C hosted the two sides": a civil war's
                # sides are of one country, and the host of both goes between them all the same
                finding = self._build(span, kind, hosts, verb, stated=True, parties=framed)
                if finding is not None:
                    out.append(finding)
                continue
            known = [g for g in guests if self.index.country_of(g) is not None]
            if len({self.index.country_of(g) for g in known}) >= 2:
                guests = known  # "the ministers of A and B, Minister X and Minister Y": A and B
            guest_countries = {self.index.country_of(g) for g in guests}
            if None in guest_countries or len(guest_countries) < 2 or guest_countries & host_countries:
                continue
            # A dinner for two allies is no mediation: talks, peace or a conflict must be in view.
            # (leaders, sides in person, stand for the countries of a frame's sides)
            # (nor a three-way summit the host holds with them, as _trilateral_hosts reads it)
            guest_sides = {self._side_key(g) for g in guests}
            three_way = any(t.lower_ in TRILATERAL_WORDS for t in verb.subtree)
            here = self.events.sentence_index(verb)  # (a three-way summit's own frame is no dispute)
            if (three_way or not self._talks_in_view(verb)) and not any(
                    len({self._side_key(s) for s in f.sides} & guest_sides) >= 2 for f in self.frames
                    if not three_way or len(f.sides) == 2 and here not in f.sentences):
                continue  # ... unless the guests are the sides of one of the document's frames
            finding = self._build(span, kind, hosts, verb, stated=True, parties=guests)
            if finding is not None:
                out.append(finding)
        return out

    def _inviters(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'C invited A and B to Algiers for talks', 'C has invited A and B to take part in
        ceasefire talks', 'C invited A and B to send delegations to C's capital': who invites two
        sides (of two other countries, or two bodies) to talks convenes them.  An invitation to
        no talks, or of one guest, is none."""
        out = []
        convening = {m for f in found if f.kind in {"host", "convener"} for m in f.mediators}
        for verb in self.index.tokens_in(INVITING_VERBS, lemma=True):
            # ("C invited both governments to send delegations to Z": the sides' teams, sent to talk)
            # (to a place, not "to the trade fair")
            teams = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in {"send", "dispatch"}
                     and any(o.dep_ == "dobj" and o.lower_ in {"delegations", "negotiators"} for o in c.children)
                     and all(g.ent_type_ in {"GPE", "LOC"} for p in c.children if p.dep_ in {"prep", "dative"}
                             and p.lower_ == "to" for g in p.children if g.dep_ == "pobj")]
            if verb.pos_ != "VERB" or not (teams or any(t.lower_ in TALKS_WORDS for t in verb.subtree)) or any(
                    c.dep_ == "xcomp" and c.lemma_ not in TALKING_VERBS and c not in teams for c in verb.children):
                continue  # ("A and B invited C to be a guarantor of the talks": C is invited to a role)
            hosts = self.events.refs(subjects_of(verb))
            here = self.events.sentence_index(verb)
            # (a side of a frame told elsewhere; the talks of this sentence hold the inviter)
            if not hosts or any(h in convening for h in hosts) or self._is_side(
                    hosts, [f for f in self.frames if f.sentences != [here]]):
                continue
            host_countries = {self.index.country_of(h) for h in hosts} - {None}
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            # ("C invited both men (the two sides) to talks": the sides of the frame just told)
            guests = [g for g in self.events.refs(objects) or self._group_sides(verb, objects)
                      if g not in hosts and self.index.country_of(g) not in host_countries]
            if len({g.key if g.kind == "organization" else self.index.country_of(g) for g in guests} - {None}) < 2:
                continue
            finding = self._build(self.doc[verb.i:verb.i + 1], "convener", hosts, verb, stated=True, parties=guests)
            if finding is not None:
                out.append(finding)
        return out

    def _talks_in_view(self, verb: Token) -> bool:
        """Talks, peace, a mediation word or negotiators in the verb's sentence or the next."""
        here = self.events.sentence_index(verb)
        return any(t.lower_ in PEACE_OBJECTS or t.lemma_ in PEACE_OBJECTS
                   or t.lemma_ in {"mediate", "broker", "negotiator"}
                   for sent in self.events.sentences[here:here + 2] for t in sent)

    def _envoys_between(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'The UN envoy X held talks with the government and the rebels', 'the envoy has been
        negotiating with A and B': an envoy or mediator by title, of a third party, in talks or
        a meeting with two or more sides of other countries."""
        if not self._conflict_told():
            return []  # "the U.S. climate envoy met Chinese and Indian officials": no dispute to go between
        out = []
        already = {m for f in found for m in f.mediators}
        # The mediating countries' own officials are no sides ("a three-way meeting with the
        # US envoy and the host country's minister" is no mediation between those two).
        mediating = {c for m in already for c in [self.index.country_of(m)] if c is not None}
        for meeting in self.meetings:
            if meeting.kind not in {"talks", "meeting", "phone_call"}:
                continue
            refs = meeting.refs()
            for ref in refs:
                person = self.index.persons.get(ref.key) if ref.kind == "person" else None
                if person is None or ref in already or not any(
                        t.split()[-1].lower() in ENVOY_TITLE_WORDS for t, _ in person.titles):
                    continue
                if self._leads_a_delegation(ref, meeting):
                    continue  # "the U.S. delegation, led by envoy X, held talks with B": a side's own envoy
                own = {self.index.country_of(ref), person.organization} - {None}
                sides = sides_of(self.index, [r for r in refs if r != ref and not (
                    r.kind == "person" and self.index.country_of(r) in mediating - own)])
                # The document's other frames (not the one these talks make with the envoy in them).
                frames = [f for f in self.frames if meeting.trigger.root.i not in f.anchors]
                if any({self.index.country_of(r), r.key} & own for r in sides) or any(
                        s.key in own or s == ref for f in frames for s in f.sides):
                    continue  # an envoy "for" one of the sides, or a side's own envoy
                # Where the document has frames, only their sides count ("X met the envoy and
                # the delegations of A and B": A and B, not X).
                framed = {s for f in frames if len(f.sides) >= 2 for s in f.sides}
                if framed:
                    sides = [r for r in sides if r in framed]
                # (two sides, or more the frames hold: "X met Israeli, Egyptian and Qatari officials"
                # with no frame is consulting, not going between three)
                standing = {r.key if r.kind == "organization" else self.index.country_of(r) or r.key for r in sides}
                if len(standing) < 2 or len(standing) > 2 and not framed:
                    continue
                if ref not in meeting.subject_refs and all(s in meeting.subject_refs for s in sides):
                    continue  # "the ministers of A, B and C met envoy X": one group came to meet X
                if self._others_than_own_sides(own, sides, found):
                    continue  # "C brokered a truce in A. C's envoy met B's and D's officials": consulting
                finding = self._at_meeting(meeting, "intermediary", ref, sides, stated=True, suffix="-envoy",
                                           reason="an envoy in talks with two or more sides")
                if finding is not None:
                    out.append(finding)
                    already.add(ref)
        return out

    def _others_than_own_sides(self, own: set[str | None], sides: list[EntityRef],
                               found: list[MediationFinding]) -> bool:
        """Whether an envoy of ``own`` (countries or bodies) meets others than the sides its own
        country's (body's) stated mediation names: the envoy of a mediator acts in that mediation."""
        named = [f for f in found if f.stated and f.parties
                 and any(m.key in own or self.index.country_of(m) in own for m in f.mediators)]
        keys = {self._side_key(p) for f in named for p in f.parties}
        return bool(named) and not all(self._side_key(s) in keys for s in sides)

    def _leads_a_delegation(self, ref: EntityRef, meeting: EventFinding) -> bool:
        """Whether the meeting's sentence names ``ref`` as the one who leads (heads) a delegation
        ("the U.S. delegation, led by envoy X"): the leader is of the delegation's side."""
        sent = self.events.sent(meeting.trigger.root)
        for i in range(sent.start, sent.end):  # (the words of one sentence)
            token = self.doc[i]
            if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.lemma_ in {"lead", "head"} \
                    and self.index.ref_at(token) == ref:
                led = token.head.head.head
                # (the parse may hang "led by X" after "the A delegation," on the talks)
                before = self.doc[token.head.head.i - 2] if token.head.head.i >= 2 else led
                if led.lemma_ in DELEGATION_WORDS or before.lemma_ in DELEGATION_WORDS:
                    return True
        return False

    def _at_meeting(self, meeting: EventFinding, kind: MediationKind, ref: EntityRef, parties: list[EntityRef], *,
                    stated: bool, suffix: str, reason: str) -> MediationFinding | None:
        """The mediation of one who takes part in ``meeting`` between ``parties``, saying why."""
        finding = self._build(meeting.trigger, kind, [ref], meeting.trigger.root, stated=stated, parties=parties)
        if finding is not None:
            finding.key += suffix
            finding.reason = reason
        return finding

    def _officials_of_mediators(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'C hosts the talks between A and B ... A's envoy and B's envoy joined a three-way
        meeting with C's vice minister X': an official of a country that mediates between two
        sides, who takes part in a meeting with both of them, takes part in its mediation
        (implied).  Meeting one side alone is no part of it."""
        mediating: dict[str, MediationFinding] = {}
        for finding in found:
            if len(finding.parties) >= 2:
                for m in finding.mediators:
                    if m.kind == "country":
                        mediating.setdefault(m.key, finding)
        if not mediating:
            return []
        out = []
        already = {m for f in found for m in f.mediators}
        for meeting in self.meetings:
            if meeting.kind not in {"talks", "meeting"}:
                continue
            refs = meeting.refs()
            for ref in refs:
                mediated = mediating.get(self.index.country_of(ref) or "") if ref.kind == "person" else None
                if mediated is None or ref in already:
                    continue
                finding = mediated
                sides = {self.index.country_of(p) or p.key for p in finding.parties}
                present = {self.index.country_of(r) or r.key for r in refs if r != ref}
                # ("the sessions were also attended by X, C's envoy": the mediated talks told again,
                # naming only the official)
                if len(sides & present) < 2 and not (meeting.told_again and not present):
                    continue
                official = self._at_meeting(meeting, finding.kind, ref, list(finding.parties), stated=False,
                                            suffix="-official",
                                            reason="an official of the mediating country at a meeting with both sides")
                if official is not None:
                    out.append(official)
                    already.add(ref)
        return out

    def _met_each_side(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'A and B are locked in a dispute ... C's envoy met A's leader in A's capital, then
        flew to B's capital to meet B's leader': one of a third country or body who meets each
        side of the document's dispute apart, in sentences near each other, goes between them
        (implied)."""
        # (talks count where the document tells of a conflict: trade talks are no dispute's)
        conflict = bool(self.index.tokens_in(CONFLICT_TOLD_WORDS))
        frames = [f for f in self.frames if len(f.sides) == 2
                  and (f.kind in DISPUTE_FRAME_KINDS or f.kind == "talks" and conflict)]
        if not frames:
            return []
        # Who met whom one to one: the sentence, the other's country (or body) and the meeting.
        met: dict[EntityRef, list[tuple[int, str, EventFinding]]] = {}
        together: dict[EntityRef, list[tuple[set[str], EventFinding]]] = {}
        for meeting in self.meetings:
            refs = meeting.refs()
            if meeting.kind == "visit" and len(refs) == 1 and meeting.location is not None:
                # "C's envoy travelled to A's capital": the visit of one side's country; "visited
                # A's capital and B's": each place visited
                for country in dict.fromkeys([self.index.country_of(meeting.location),
                                              *self._places_visited(meeting)]):
                    if country is not None:
                        met.setdefault(refs[0], []).append((meeting.sentence_index, country, meeting))
                continue
            if meeting.kind not in {"meeting", "talks", "phone_call"} or len(refs) < 2:
                continue
            # (a person of no known country or body stands for no side: "A's leader and Minister X")
            keys = [self._side_key(r) if r.kind != "person" or self._allegiance_known(r) else None for r in refs]
            for n, one in enumerate(refs):
                others = {k for m, k in enumerate(keys) if m != n and k is not None and k != keys[n]}
                if len(others) == 1:  # (one side's leader and minister are that side)
                    met.setdefault(one, []).append((meeting.sentence_index, others.pop(), meeting))
                elif len(others) >= 2 and keys[n] is not None:  # both sides at once: "C met A and B"
                    together.setdefault(one, []).append((others, meeting))
        out = []
        already = {m for f in found for m in f.mediators}
        for frame in frames:
            first, second = (self._side_key(s) for s in frame.sides)
            for actor, both in together.items():
                if actor in already or self._side_key(actor) in {first, second} or any(
                        set(frame.anchors) <= {m.trigger.root.i} for _, m in both):
                    continue  # (a frame the meeting alone makes is no conflict of others)
                # (only the two sides and the actor, who alone met them: a gathering of many, or a
                # guest of one side meeting both, is no one's mediation)
                gathering = next((m for others, m in both if others == {first, second}
                                  and m.subject_refs == [actor]), None)
                if gathering is None:
                    continue
                hosting = gathering.location is not None and \
                    self.index.country_of(gathering.location) == self.index.country_of(actor)
                finding = self._at_meeting(gathering, "host" if hosting else "intermediary", actor,
                                           list(frame.sides), stated=False, suffix="-both-sides",
                                           reason="met both sides of the dispute together")
                if finding is not None:
                    out.append(finding)
                    already.add(actor)
            for actor, meetings in met.items():
                own = self._side_key(actor) if actor.kind != "person" or self._allegiance_known(actor) else None
                if actor in already or own is None or own in {first, second}:
                    continue
                with_first = [(n, m) for n, key, m in meetings if key == first]
                with_second = [(n, m) for n, key, m in meetings if key == second]
                near = [(a, b) for a in with_first for b in with_second
                        if (a[1] is not b[1] or a[1].kind == "visit") and abs(a[0] - b[0]) <= MET_EACH_SIDE_SENTENCES]
                if not near:
                    continue
                later = max(near[0], key=lambda pair: pair[0])[1]
                finding = self._at_meeting(later, "intermediary", actor, list(frame.sides), stated=False,
                                           suffix="-each-side", reason="met each side of the dispute apart")
                if finding is not None:
                    out.append(finding)
                    already.add(actor)
        return out

    def _met_one_side_on_settlement(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'A and B are at war ... C's foreign minister met A's president to discuss a
        ceasefire', 'A's delegation held talks with C's officials on a truce with B': one of a
        third country or body who meets one side about its settlement with the other goes
        between them (implied).  Only a settlement (a ceasefire, a deal, talks), not the war
        itself: meeting one side about its war is as often taking its side."""
        out: list[MediationFinding] = []
        # The settlements told, by sentence, found once (not by reading each meeting's sentence).
        told: dict[int, list[Token]] = {}
        for t in self.index.tokens_in(SETTLEMENT_TOPICS):
            if t.pos_ == "NOUN" and not any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in PEACE_OBJECTS
                                            and c.lemma_ not in PEOPLE_NOUNS for c in t.children):
                told.setdefault(self.events.sentence_index(t), []).append(t)  # (not "a trade deal")
        if not told:
            return out
        already = {m for f in found for m in f.mediators}
        # (an official of a stated mediator is none of the sides: "C's premier met A's leaders on
        # a truce with B. C is mediating the talks")
        mediating = {self._side_key(m) for f in found if f.stated for m in f.mediators}
        # (a side of a stated mediation is no third party of another: "A and B resumed talks
        # over a release ... C facilitated the negotiations" leaves A a side even where A's
        # neighbour B is at war with D)
        mediated = {self._side_key(p) for f in found if f.stated for p in f.parties}
        disputes = [f for f in self.frames if len(f.sides) == 2 and f.kind in DISPUTE_FRAME_KINDS]
        for meeting in self.meetings:
            if meeting.kind not in {"meeting", "talks", "phone_call"} or meeting.sentence_index not in told:
                continue
            refs = meeting.refs()
            keys = {self._side_key(r) for r in refs}
            if len(refs) < 2 or len(keys) != 2:
                continue
            topics = [t for t in told[meeting.sentence_index] if meeting.trigger.root.i != t.i]
            root = meeting.trigger.root
            if not topics or any(t.head == root and t.dep_ in {"dobj", "nsubjpass"} for t in topics):
                continue  # ("A negotiated a deal with C": the meeting's own settlement)
            # the other side: "a truce with B", else the dispute of the document that holds one of them
            partners = [r for t in topics for r in self.events.refs(_with_objects(t))]
            if any(r in refs for r in partners):
                continue  # "A negotiated a deal with C": their own deal
            named = [r for r in partners if r not in refs]
            others_frames = [f for f in self.frames if meeting.trigger.root.i not in f.anchors]
            for side in refs:
                if self._side_key(side) in mediating:
                    continue
                others = [r for r in refs if self._side_key(r) != self._side_key(side)]
                frame = next((f for f in disputes if self._side_key(side) in {self._side_key(x) for x in f.sides}
                              and not {self._side_key(o) for o in others} & {self._side_key(x) for x in f.sides}),
                             None)
                if named and side in meeting.subject_refs and self._dispute_told(side, named[0], disputes):
                    parties = [side, named[0]]  # "A's delegation held talks with C on a truce with B"
                elif frame is not None:
                    parties = list(frame.sides)
                else:
                    continue
                thirds = [o for o in others if o not in already and self._side_key(o) not in mediated and (
                    o.kind in {"country", "organization"} or self._allegiance_known(o))]
                if not thirds or self._is_side(thirds, [f for f in others_frames if f.kind in DISPUTE_FRAME_KINDS]) \
                        or any(o in parties for o in thirds):
                    continue
                finding = self._at_meeting(meeting, "intermediary", thirds[0], parties, stated=False,
                                           suffix="-one-side", reason="met one side about its settlement with "
                                                                      "the other")
                if finding is not None:
                    out.append(finding)
                    already.add(thirds[0])
                break
        return out

    def _dispute_told(self, side: EntityRef, other: EntityRef, disputes: list[FrameFinding]) -> bool:
        """Whether ``side`` and ``other`` may be the sides of a settlement: the document tells of
        no dispute, or of theirs ("A and B are at war ... A's envoy met C on a truce with B"); a
        settlement "with B" in a story of other disputes may be the one met's ("A's envoy met C's
        crown prince about normalisation with B": C's, with A as the go-between)."""
        pair = {self._side_key(side), self._side_key(other)}
        return not disputes or any({self._side_key(s) for s in f.sides} == pair for f in disputes)

    def _places_visited(self, visit: EventFinding) -> list[str | None]:
        """The countries of the places a visit's verb takes as objects, joined ones too
        ("visited A's capital and B's capital", "travelled to A's capital and then to B's",
        "travelled to A's capital on Monday and to B's on Tuesday": the parse joins the second
        "to" to the day)."""
        verb = visit.trigger.root
        places = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
        places += [t for p in (c for c in verb.subtree if c.dep_ in {"prep", "dative", "conj"} and c.lower_ == "to")
                   for g in p.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]
        refs = [self.index.ref_at(t) for t in places]
        return [self.index.country_of(r) for r in refs if r is not None and r.kind in {"place", "country"}]

    def _side_key(self, ref: EntityRef) -> str:
        """What a side stands for: its country, else its own key (a body, a group)."""
        if ref.kind == "person":
            person = self.index.persons.get(ref.key)
            return self.index.country_of(ref) or (person.organization if person and person.organization else ref.key)
        return self.index.country_of(ref) or ref.key

    def _trilateral_hosts(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """'X held a trilateral meeting with A and B': the one who holds a three-way meeting
        with two sides from two other countries hosts them."""
        out = []
        for meeting in self.meetings:
            if meeting.kind not in {"talks", "meeting"}:
                continue
            root = meeting.trigger.root
            nouns = [root, *(c for c in root.children if c.dep_ == "dobj")]
            if not any(c.lower_ in TRILATERAL_WORDS for n in nouns for c in n.children):
                continue
            verb = root if root.pos_ in {"VERB", "AUX"} else clause_verb(root)
            hosts = self.events.refs(subjects_of(verb)) if verb is not None else []
            refs = meeting.refs()
            if len(hosts) != 1 or hosts[0] not in refs:
                continue
            host_country = self.index.country_of(hosts[0])
            guests = [r for r in refs if r != hosts[0]]
            countries = {self.index.country_of(g) for g in guests}
            if len(guests) != 2 or None in countries or len(countries) != 2 or host_country in countries:
                continue
            # Allies meeting three ways is no mediation: the guests must be the sides of one of
            # the document's other frames (a dispute, war, truce or talks of their own).
            if not any(set(guests) <= set(f.sides) or countries <= {self.index.country_of(s) for s in f.sides}
                       for f in self.frames if root.i not in f.anchors and len(f.sides) == 2):
                continue
            finding = self._build(meeting.trigger, "host", hosts, root, stated=True, parties=guests)
            if finding is not None:
                finding.key += "-trilateral"
                out.append(finding)
        return out

    def _group_sides(self, verb: Token, objects: list[Token],
                     kinds: frozenset[str] | None = None) -> list[EntityRef]:
        """'both leaders', 'the (two) delegations', 'delegations from both countries': the sides
        of a two-sided frame (of one of ``kinds``, if given) told in this sentence or the one
        before (nothing further away)."""
        groups = [*objects, *(c for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in {"from", "of"}
                              for c in p.children if c.dep_ == "pobj" and c.lower_ in PARTY_GROUPS)]
        if not any(c.lower_ in {"both", "two"} or c.lower_ == "the" and o.lower_ in {"delegations", "negotiators"}
                   for o in groups for c in o.children):
            return []  # ("the delegations": the teams of the sides just told, as "the two delegations")
        here = self.events.sentence_index(verb)
        for frame in self.frames:
            if len(frame.sides) >= 2 and any(here - 1 <= s <= here for s in frame.sentences) \
                    and (kinds is None or frame.kind in kinds):
                return list(frame.sides)
        return []

    # --- assembling ------------------------------------------------------------------

    def _build(self, span: Span, kind: MediationKind, mediators: list[EntityRef], anchor: Token, *,
               stated: bool, parties: list[EntityRef] | None = None,
               document_sides: bool = True) -> MediationFinding | None:
        """The finding, its parties from the words around ``anchor`` unless given; where fewer
        than two are found, from the document (its frames, the mediator's meetings, the actors
        it names most) unless ``document_sides`` is false."""
        mediators = [self._apposed.get(m, m) for m in mediators if m.kind in {"person", "country", "organization"}]
        mediators = [m for n, m in enumerate(mediators) if m not in mediators[:n]]
        # A bare title ("the chief mediator") of no known country or body names nobody.
        mediators = [m for m in mediators if not self._bare_title(m)]
        if not mediators or _denied(anchor):
            return None
        mediator_countries = {c for m in mediators for c in [self.index.country_of(m)] if c is not None}
        if parties is None:
            parties = self.parties(anchor, span, mediators)
            if len(parties) < 2:
                parties = self._sides_where_third(anchor, mediators, mediator_countries) or parties
        parties = [p for p in parties if p not in mediators and not (
            p.kind == "country" and p.key in mediator_countries)]
        parties = self._without_delegation_leaders(anchor, parties)
        if len(parties) < 2:
            parties = self._own_quarrel(anchor, mediators) or parties
        parties = self._complete(sides_of(self.index, parties), mediators)
        release_reason = None
        if len(parties) < 2:
            sides = self._clause_sides(anchor, mediators)
            if len(sides) >= 2:
                parties = sides
        if len(parties) < 2:
            sides = self._proposal_recipients(anchor, mediators, mediator_countries)
            if len(sides) >= 2:
                parties = sides
        if len(parties) < 2:
            sides = self._pressed_to_settle(anchor, mediators, mediator_countries)
            if len(sides) >= 2:
                parties = sides
        if len(parties) < 2:
            senders = self._senders_to(anchor, mediators, mediator_countries)
            parties = [*senders, *(p for p in parties if p not in senders)]
        if len(parties) < 2:
            sides = self._release_sides(anchor, mediators, mediator_countries)
            if len(sides) >= 2:
                parties = sides
                release_reason = RELEASE_REASON
            elif sides and not parties:
                parties = sides  # (the frame it is about holds this side)
        status = self.events.status(anchor)
        if status == "held":
            # "a convening role in the coming talks": the talks' own status.
            for token in anchor.subtree:
                if token != anchor and token.lemma_ in PEACE_OBJECTS and token.pos_ == "NOUN":
                    status = self.events.status(token)
                    break
        if status == "held" and any(t.lower_ in {"ongoing", "continuing"} for t in self.events.sent(anchor)):
            status = "ongoing"
        if _offered(anchor) or _turned_down(anchor) or _asked_for(anchor):
            status = "proposed"
        confidence = STATED_CONFIDENCE if stated else IMPLIED_CONFIDENCE
        reason, frame_key = release_reason, None
        if len(parties) < 2 and document_sides:
            frame, how = self._frame_for(anchor, mediators, parties)
            named = how == "named"
            if frame is None and kind == "host" and self._hosts_own_talks(anchor, mediator_countries):
                return None  # "C's envoys talked with B over dinner, C's ambassador their host": a side hosts
            met = [] if named else self._meeting_told_back(anchor, mediator_countries, parties, frame)
            if met:
                frame, parties = None, met
                reason = "parties: the sides of the meeting its sentence refers back to"
                confidence = SALIENT_FRAME_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
            if frame is not None:
                parties = self._frame_parties(frame)
                frame_key = frame.key
                where = FRAME_CHOICES[how]
                reason = f"parties from {where}: {frame.describe(self.index)}"
                rivals = self._rivals_within(frame, mediators)
                if rivals:
                    parties = rivals
                    reason = f"parties: the two who lead its sides, of {where}: {frame.describe(self.index)}"
                confidence = NAMED_FRAME_CONFIDENCE if named else SALIENT_FRAME_CONFIDENCE
                if not stated:
                    confidence -= IMPLIED_FRAME_PENALTY
        if len(parties) < 2 and document_sides:
            met = self._met_by(mediators, self.events.sentence_index(anchor), parties)
            if len(met) >= 2:
                parties = met
                reason = "parties: the others at the meeting or call the mediator took part in, just before or after"
                confidence = SALIENT_FRAME_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
        if len(parties) < 2 and document_sides and not self._two_sided:
            met = self._others_met(mediators, self.events.sentence_index(anchor), parties)
            if met:
                parties = met
                reason = "parties: those of two other countries who met just before or after, in a document of no frame"
                confidence = SALIENT_FRAME_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
        if not parties and document_sides and not self._two_sided:
            negotiators = self._negotiators_of(mediators)
            most = negotiators or self._most_named(mediators)
            pair = [] if len(most) == 2 else self._pair_just_before(anchor, mediators)
            if len(most) == 2:
                parties = most
                reason = "parties: the two whose negotiators the document names" if negotiators else \
                    "parties: the two actors the document names most, besides the mediator"
                confidence = MOST_NAMED_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
            elif pair:
                parties = pair
                reason = "parties: the two named together just before, in a document of no frame"
                confidence = MOST_NAMED_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
            elif not self.frames:
                only = self._headline_country(mediators)
                if only is not None:
                    parties = [only]  # an internal conflict: its country
                    reason = "parties: the one country the document's headline and text are about"
                    confidence = MOST_NAMED_CONFIDENCE - (0 if stated else IMPLIED_FRAME_PENALTY)
        # ("The Arab League has been trying to broker a compromise ...": its own chief is no side)
        parties = [p for p in parties if not (p.kind == "person" and any(
            self._holds_office_of(p, m) for m in mediators if m.kind != "person"))]
        unnamed = None
        if len(parties) < 2:
            unnamed = _object_text(anchor) or "the parties are not named"
        return MediationFinding(
            key=f"mediation-{span.start_char}", kind=kind, mediators=mediators, parties=parties,
            stated=stated, confidence=confidence,
            status=status if status in {"planned", "held", "ongoing", "proposed"} else "held",
            evidence=[self.events.sent(span.start)], parties_unnamed=unnamed, reason=reason,
            sentence_index=self.events.sentence_index(anchor), frame=frame_key, attempted=_attempted(anchor))

    def _without_delegation_leaders(self, anchor: Token, parties: list[EntityRef]) -> list[EntityRef]:
        """'talks between B and an A delegation led by envoy X': X, named inside the phrase of
        a delegation whose side is a party, is of that side, no side apart."""
        if not any(p.kind == "person" for p in parties):
            return parties
        leaders: set[EntityRef] = set()
        for token in self.events.sent(anchor):
            ref = self.index.ref_at(token)
            if ref is None or ref.kind != "person" or ref not in parties:
                continue
            team = next((a for a in token.ancestors if a.lemma_ in DELEGATION_NOUNS and a.pos_ == "NOUN"), None)
            if team is not None and any(r != ref and r.kind != "person" and r in parties
                                        for r in self.events.refs([team])):
                leaders.add(ref)
        return [p for p in parties if p not in leaders]

    def _meeting_told_back(self, anchor: Token, countries: set[str], named: list[EntityRef],
                           salient: FrameFinding | None) -> list[EntityRef]:
        """'Ethiopian and Eritrean officials met in Oslo ... The talks were mediated by Norway':
        where the mediation's verb refers back to a meeting with a bare "the talks" (the
        meeting, the summit), the sides of the latest meeting of exactly two other countries
        told before it (holding any party the clause names), rather than the document's most
        salient frame when that is first told only after the meeting (another dispute the
        story mentions later) or holds neither of the meeting's sides (a frame told before
        the meeting that holds one of them is what the meeting is about).  With none told
        before, a meeting of the next sentence's ("The talks, mediated by C, ended. A and B
        agreed to meet again")."""
        here = self.events.sentence_index(anchor)
        if not any(t.lower_ in MEETING_BACK_NOUNS and t.pos_ == "NOUN"
                   and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                   and not any(c.dep_ in {"poss", "compound", "amod"} or c.dep_ == "prep" and c.lower_ in SIDE_PREPS
                               for c in t.children)
                   for t in _near_clause_nouns(anchor)):
            return []
        told = sorted(self.meetings, key=lambda m: (m.sentence_index > here, -m.sentence_index))
        for meeting in told:
            if meeting.kind not in {"talks", "meeting"} or not -1 <= here - meeting.sentence_index <= 3 \
                    or meeting.sentence_index == here:
                continue
            sides = sides_of(self.index, meeting.refs())
            met = {self._standing_for(r) for r in sides}
            if None in met or len(met) != 2 or met & countries:
                continue
            if not all(p in sides or self._standing_for(p) in met for p in named):
                continue
            if salient is not None and salient.first_sentence <= meeting.sentence_index \
                    and {self._standing_for(s) for s in salient.sides} & met:
                return []
            # (leaders who met for their countries: the frame of those two countries, as it names them)
            same = next((f for f in self.frames if len(f.sides) == 2
                         and {self._standing_for(s) for s in f.sides} == met), None)
            return list(same.sides) if same is not None else sides
        return []

    def _standing_for(self, ref: EntityRef) -> str | None:
        """A side's country, or a body's own key (an armed group of a country is a side apart
        from that country's government)."""
        return ref.key if ref.kind == "organization" else self.index.country_of(ref)

    def _pair_just_before(self, anchor: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A and B remain far apart ... Talks resumed, with C and D acting as mediators': the
        two countries or bodies named together just before, never two who only look on ("A
        and B welcomed (said, praised) ...")."""
        pair = [r for r in latest_pair(self.index, self.events, anchor, back=2) if r not in mediators]
        if len(pair) != 2:
            return []
        here = self.events.sentence_index(anchor)
        for sent in self.events.sentences[max(0, here - 2):here + 1]:
            for token in sent:
                if token.dep_ in {"nsubj", "nsubjpass"} and self.index.ref_at(token) in pair \
                        and token.head.lemma_ in LOOKING_ON_VERBS:
                    return []
        return pair

    def _sides_where_third(self, anchor: Token, mediators: list[EntityRef],
                           countries: set[str]) -> list[EntityRef]:
        """'A and B will meet for talks hosted by C', 'a dinner hosted by C which included X of
        A and Y of B': the sides of the meeting told in the mediation's sentence that has the
        mediator as its host or mediator."""
        here = self.events.sentence_index(anchor)
        for meeting in self.meetings:
            if meeting.kind not in {"talks", "meeting"} or meeting.sentence_index != here or not any(
                    r in mediators and role in {"host", "mediator"} for r, role in meeting.all_participants()):
                continue
            sides = [r for r in meeting.refs() if r not in mediators and self.index.country_of(r) not in countries]
            if len({self.index.country_of(r) or r.key for r in sides}) >= 2:
                return sides
        return []

    def _proposal_recipients(self, anchor: Token, mediators: list[EntityRef], countries: set[str]) -> list[EntityRef]:
        """'Mediators C and D presented a new proposal to A and B': those a mediator hands a
        proposal (plan, draft, offer) to in the mediation's sentence are its sides."""
        for verb in self.events.sent(anchor):
            if verb.lemma_ not in HANDING_VERBS or verb.pos_ != "VERB" or not any(
                    c.dep_ == "dobj" and c.lemma_ in PROPOSAL_NOUNS for c in verb.children):
                continue
            if not set(self.events.refs(subjects_of(verb))) & set(mediators):
                continue
            given = [c for p in verb.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                     for c in p.children if c.dep_ == "pobj"]
            sides = [r for r in self.events.refs(given)
                     if r not in mediators and self.index.country_of(r) not in countries]
            if len(sides) >= 2:
                return sides
        return []

    def _pressed_to_settle(self, anchor: Token, mediators: list[EntityRef], countries: set[str]) -> list[EntityRef]:
        """'C is co-hosting the talks to press both A and B to agree to a truce': those the
        mediation's sentence presses (urges, persuades) to agree or settle are its sides."""
        for verb in self.events.sent(anchor):
            if verb.lemma_ not in PRESSING_VERBS or verb.pos_ != "VERB" or not any(
                    c.dep_ in {"xcomp", "ccomp", "advcl"} and (c.lemma_ in AGREEING_VERBS or _settling(c))
                    for c in verb.children):
                continue
            sides = [r for r in self.events.refs([c for c in verb.children if c.dep_ == "dobj"])
                     if r not in mediators and self.index.country_of(r) not in countries]
            if len(sides) >= 2:
                return sides
        return []

    def _senders_to(self, anchor: Token, mediators: list[EntityRef], countries: set[str]) -> list[EntityRef]:
        """'A handed its response to the mediators', 'A sent a reply on the plan to Egyptian
        mediators': one who hands a message or proposal to the mediators is a side (the parse
        may hang "to the mediators" on the message's own phrase)."""
        if anchor.dep_ != "pobj" or anchor.head.lower_ != "to":
            return []
        verb = anchor.head.head
        for _ in range(4):
            if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep", "dobj"}:
                break
            verb = verb.head
        if verb.lemma_ not in HANDING_VERBS or not any(
                c.dep_ == "dobj" and (c.lemma_ in MESSAGE_NOUNS or c.lemma_ in PROPOSAL_NOUNS) for c in verb.children):
            return []
        return [r for r in self.events.refs(subjects_of(verb))
                if r not in mediators and self.index.country_of(r) not in countries]

    def _release_sides(self, anchor: Token, mediators: list[EntityRef], countries: set[str]) -> list[EntityRef]:
        """'C helped to free our nationals ... three Danish engineers held in Mali walked free ...
        we note the gesture by the rebels in freeing them': a mediation of a release
        (told in its sentence) is between the country of the people released (named as their
        modifier) and the group or country that held and released them; where two held people
        (an exchange), those two; with no country of the people, the one that holds them if the
        mediation's sentence names it, alone."""
        here = self.events.sentence_index(anchor)
        # (told in its sentence or just before: "A welcomes the release of ... We thank C for its efforts")
        if not any(t.lemma_ in PEOPLE_MOVED_NOUNS or t.lemma_ in RELEASE_VERBS
                   for sent in self.events.sentences[max(0, here - 1):here + 1] for t in sent):
            return []
        released: list[EntityRef] = []
        captors: list[EntityRef] = []
        captors_here: list[EntityRef] = []  # (named in the mediation's own sentence)
        held_in: list[EntityRef] = []  # "a citizen detained in Iran": the country that holds them
        for verb in self.index.tokens_in(RELEASE_VERBS | CAPTIVE_VERBS | RETURNING_VERBS, lemma=True):
            if verb.pos_ != "VERB":
                continue
            moved = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            if verb.lemma_ in RETURNING_VERBS:
                # "children returned from B", "the deal allowed four children to return home from B":
                # who returns (the parse's subject, or the object that controls the clause)
                moved += [s for s in subjects_of(verb) if s.dep_ != "nsubjpass"]
            people = [c for c in moved if c.lemma_ in PEOPLE_NOUNS]
            # ("freed ten Americans": people named by their nationality alone)
            nationals = [m.ref for c in moved if c.tag_ in {"NNS", "NNPS"}
                         and (m := self.index.mention_at(c)) is not None and m.via == "demonym"]
            if verb.dep_ in {"relcl", "acl"} and verb.head.lemma_ in PEOPLE_NOUNS:
                people.append(verb.head)
            elif verb.dep_ in {"relcl", "acl"} and verb.head.tag_ in {"NNS", "NNPS"} and (
                    m := self.index.mention_at(verb.head)) is not None and m.via == "demonym":
                nationals.append(m.ref)  # "five Americans held in Iran"
            elif verb.dep_ == "acl" and verb.head.lemma_ in PEOPLE_MOVED_NOUNS:
                # ("the release of ten children returned from C": the parse may hang the
                # participle on the release)
                people += [o for o in _of_objects(verb.head) if o.lemma_ in PEOPLE_NOUNS]
            if not people and not nationals:
                continue
            released += nationals
            released += [r for p in people for r in self.events.refs(
                [c for c in p.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]) if r.kind == "country"]
            holders = agents_of(verb)
            if verb.lemma_ in RELEASE_VERBS and verb.dep_ == "pcomp":
                # "the gesture by X in releasing them": the by-phrase beside the in-phrase
                above = verb.head.head
                holders += [c for n in (above, *(o for o in above.children if o.dep_ == "dobj"))
                            for p in n.children if p.dep_ in {"prep", "agent"} and p.lower_ == "by"
                            for c in p.children if c.dep_ == "pobj"]
            elif verb.lemma_ in RELEASE_VERBS:
                holders += [s for s in subjects_of(verb) if s.dep_ == "nsubj"]
            held_by = [r for r in self.events.refs(holders) if r.kind in {"country", "organization"}]
            captors += held_by
            if self.events.sentence_index(verb) == here:
                captors_here += held_by
            # ("children returned from C": the country they come back from held them)
            where = "in" if verb.lemma_ in CAPTIVE_VERBS else "from" if verb.lemma_ in RETURNING_VERBS else None
            if where is not None and not holders:
                held_in += [r for p in verb.children if p.dep_ == "prep" and p.lower_ == where
                            for c in p.children if c.dep_ == "pobj" and (r := self.index.ref_at(c)) is not None
                            and r.kind == "country"]
        released = [r for r in released if r not in mediators and r.key not in countries]
        # (a group named as the one that held them comes before the country they were held in)
        captors = [r for r in captors or held_in if r not in mediators and r not in released
                   and self.index.country_of(r) not in countries]
        # "hostages held by A in exchange for prisoners held by B": an exchange of captives is
        # between those who held them, whatever the people freed are called
        holding = list(dict.fromkeys(captors))
        if len(holding) >= 2:
            return holding[:2]
        if released and captors:
            return [released[0], captors[0]]
        # "C's efforts to free the hostages held by B": B, one side, which the other must be told with
        return [r for r in captors_here if r in captors][:1] if not released else []

    def _clause_sides(self, anchor: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A and B met under C's mediation', 'Following C's mediation, A and B exchanged
        prisoners', 'A and B asked C to mediate': the joint subject of the clause that the
        mediation phrase belongs to, when its verb is one of meeting, agreeing or asking and
        the subject names two or more others than the mediator."""
        offered = _offer_of(anchor) is not None  # "A accepted C's offer to mediate"
        if anchor.pos_ in {"VERB", "AUX"} and anchor.dep_ in {"advcl", "relcl"} and any(
                c.lower_ == "where" for a in (anchor, *(x for x in anchor.children if x.dep_ == "aux"))
                for c in a.children):  # (the parse may hang "where" on the auxiliary)
            return self._sent_where(anchor, mediators)
        if anchor.pos_ in {"VERB", "AUX"} and anchor.dep_ != "xcomp" and not offered:
            return []  # the verb's own subject is the mediator
        current = anchor
        for _ in range(5):
            if current.head == current or current.dep_ not in {"pobj", "prep", "pcomp", "xcomp", "advcl", "npadvmod",
                                                                "compound", "amod", "agent", "dobj", "attr"} and not (
                    current is anchor and offered):
                return []
            current = current.head
            # "Following C's mediation, A and B ...": the participle leads on to the clause.
            if current.pos_ in {"VERB", "AUX"} and current.dep_ != "amod" and not (
                    current.tag_ == "VBG" and current.dep_ in {"prep", "advcl"}):
                break
        else:
            return []
        if current.dep_ == "xcomp" and current.lemma_ not in SIDES_VERBS and current.head.lemma_ in SIDES_VERBS:
            current = current.head  # "A and B invited C to be guarantors": who invites
        if current.lemma_ not in SIDES_VERBS and not (offered and current.lemma_ in REJECTING_VERBS):
            return []
        countries = {self.index.country_of(m) for m in mediators} - {None}
        sides = [r for r in self.events.refs(subjects_of(current))
                 if r not in mediators and not (r.kind == "country" and r.key in countries)]
        # An armed group or movement is a side of its own beside its country's government.
        if len({r.key if r.kind == "organization" else self.index.country_of(r) or r.key for r in sides}) < 2:
            return []
        return sides

    def _sent_where(self, verb: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A and B sent negotiators to Cairo, where C is mediating': who sends people (goes,
        meets) to the place where the third party mediates are its sides."""
        current = verb
        for _ in range(3):
            current = current.head
            if current.pos_ in {"VERB", "AUX"}:
                break
        if current.lemma_ not in WHERE_SIDES_VERBS:
            return []
        sides = [r for r in self.events.refs(subjects_of(current)) if r not in mediators]
        return sides if len(sides) >= 2 else []

    def _negotiators_of(self, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A's negotiators arrived in Doha ... a B delegation met C's officials': the two (and
        only two) whose negotiators or delegations the document names, leaving out the mediators
        and their countries: in a document of no frame, those who send negotiators are the sides
        (the host the talks are held with, however often named, is not)."""
        countries = {self.index.country_of(m) for m in mediators} - {None}
        sides: list[EntityRef] = []
        for noun in self.index.tokens_in(NEGOTIATOR_NOUNS, lemma=True):
            for ref in self.events.refs([noun]):
                if ref.kind == "person" or ref in mediators or self.index.country_of(ref) in countries:
                    continue
                if ref not in sides:
                    sides.append(ref)
        return sides if len(sides) == 2 else []

    def _most_named(self, mediators: list[EntityRef]) -> list[EntityRef]:
        """The two countries or bodies the document names most often (at least twice each,
        and more often than any third), leaving out the mediators and their countries: in a
        document that tells of no talks, truce or war between named sides, what a mediation
        is about is what the document is about."""
        ranked = self._ranked_besides(mediators)
        if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] == ranked[1][1]):
            return []
        return [ranked[0][0], ranked[1][0]]

    def _ranked_besides(self, mediators: list[EntityRef]) -> list[tuple[EntityRef, int]]:
        """The countries and bodies the document names, most often named first, with how
        often, leaving out the mediators and their countries."""
        countries = {self.index.country_of(m) for m in mediators} - {None}
        counts: dict[EntityRef, int] = {}
        for mention in self.index.mentions:
            ref = mention.ref
            if ref.kind not in {"country", "organization"} or ref in mediators \
                    or (ref.kind == "country" and ref.key in countries):
                continue
            counts[ref] = counts.get(ref, 0) + 1
        return sorted(counts.items(), key=lambda item: -item[1])

    def _headline_country(self, mediators: list[EntityRef]) -> EntityRef | None:
        """The country a document tells of no sides for, but is about: named in its first
        sentence and at least twice, more often than any other country or body (the
        mediators and their countries left out)."""
        ranked = self._ranked_besides(mediators)
        if not ranked or ranked[0][0].kind != "country" or ranked[0][1] < 2 or (
                len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        first = self.events.sentences[0] if self.events.sentences else None
        top = ranked[0][0]
        if first is None or not any(m.ref == top and first.start <= m.start < first.end for m in self.index.mentions):
            return None
        return top

    def _met_by(self, mediators: list[EntityRef], here: int, named: list[EntityRef]) -> list[EntityRef]:
        """'C met A and B in Nairobi. C has been trying to broker peace': the others at a
        meeting, talks or call of the mediator (or an official of its country) in this sentence,
        the two before or the next ('C is mediating. C's emir phoned A and B'), when they act
        for exactly two other countries (C's envoy meeting the officials of three or more is
        consulting neighbours and backers, not going between two sides), holding any party the
        clause names ("C brokered a truce in A. C's envoy met B's and D's officials": not B and D)."""
        countries = {self.index.country_of(m) for m in mediators} - {None}
        for meeting in sorted(self.meetings, key=lambda m: _nearest_first(m.sentence_index, here)):
            if meeting.kind not in {"talks", "meeting", "phone_call"} \
                    or not here - 2 <= meeting.sentence_index <= here + 1:
                continue
            refs = meeting.refs()
            if not any(r in mediators or self.index.country_of(r) in countries for r in refs):
                continue
            others = [r for r in refs if r not in mediators and self.index.country_of(r) not in countries]
            if None not in {self.index.country_of(r) for r in others} \
                    and len({self.index.country_of(r) for r in others}) == 2 and all(p in others for p in named):
                return others
        return []

    def _others_met(self, mediators: list[EntityRef], here: int, named: list[EntityRef]) -> list[EntityRef]:
        """'Malian and Nigerien negotiators met in Accra ... C's president met both
        delegations': the sides of the nearest meeting or talks of exactly two other countries told in
        this sentence, the two before or the next ('C's mediators are at work. A and B's
        negotiators will meet on Monday'), holding any party the clause names, where the
        document has no frame of two sides."""
        countries = {self.index.country_of(m) for m in mediators} - {None}
        for meeting in sorted(self.meetings, key=lambda m: _nearest_first(m.sentence_index, here)):
            if meeting.kind not in {"talks", "meeting"} or not here - 2 <= meeting.sentence_index <= here + 1:
                continue
            refs = meeting.refs()
            if any(r in mediators or self.index.country_of(r) in countries for r in refs):
                continue
            sides = sides_of(self.index, refs)
            countries_met = {self.index.country_of(r) for r in sides}
            # (exactly two: a gathering of many is no two sides' meeting)
            if None not in countries_met and len(countries_met) == 2 and all(p in sides for p in named):
                return sides
            # "President X and opposition leader Y met for talks": two people (or bodies) of no
            # two countries, at talks, are the sides of an internal dispute in person
            if meeting.kind == "talks" or any(t.lower_ in TALKS_WORDS for t in meeting.trigger.sent):
                if len(sides) == 2 and len({self._side_key(r) for r in sides}) == 2 and all(
                        p in sides for p in named):
                    return sides
        return []

    def _bare_title(self, ref: EntityRef) -> bool:
        person = self.index.persons.get(ref.key) if ref.kind == "person" else None
        return person is not None and not person.name and self.index.country_of(ref) is None \
            and not person.organization

    def _rivals_within(self, frame: FrameFinding, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A's power-sharing talks have stalled, opposition leader X said ... President Y': the
        talks (crisis) within one country are between the two the document names leading its
        sides, a head of state or government or a side's leader, one of that country at
        least and neither of another (none else so named), rather than the country itself."""
        if frame.via != "internal" or len(frame.sides) != 1 or frame.sides[0].kind != "country":
            return []
        country = frame.sides[0].key
        rivals = [EntityRef("person", key) for key, person in self.index.persons.items()
                  if person.name and (person.leader or any(t.split()[-1].lower() in SIDE_LEADER_WORDS
                                                           for t, _ in person.titles))]
        rivals = [r for r in rivals if r not in mediators and self.index.country_of(r) in {None, country}]
        if len(rivals) != 2 or country not in {self.index.country_of(r) for r in rivals}:
            return []
        return rivals

    def _frame_parties(self, frame: FrameFinding) -> list[EntityRef]:
        """A frame's sides as a mediation's parties: an official of unknown allegiance is no
        side of their own ("the envoy"), but a bare name with no title or body, left out, would
        leave one side alone ("President X and Y began talks": Y is the other side)."""
        known = [s for s in frame.sides if s.kind != "person" or self._known_side(s)]
        if len(known) >= 2 or len(frame.sides) < 2:
            return known or list(frame.sides)
        return [s for s in frame.sides if s.kind != "person" or self._known_side(s) or self._bare_name(s)]

    def _bare_name(self, ref: EntityRef) -> bool:
        """A named person the document gives no title, body or country."""
        person = self.index.persons.get(ref.key)
        return person is not None and bool(person.name) and not person.titles and not person.organization \
            and self.index.country_of(ref) is None

    def _known_side(self, ref: EntityRef) -> bool:
        """Whether a person of a frame is one of its sides: a leader, one of a known country, or
        one who leads a side ("opposition leader X", "rebel commander Y"), not a go-between."""
        person = self.index.persons.get(ref.key)
        return person is not None and (person.leader or self.index.country_of(ref) is not None or any(
            t.split()[-1].lower() in SIDE_LEADER_WORDS for t, _ in person.titles) and not any(
            t.split()[-1].lower() in ENVOY_TITLE_WORDS for t, _ in person.titles))

    def _frame_for(self, anchor: Token, mediators: list[EntityRef],
                   parties: list[EntityRef]) -> tuple[FrameFinding | None, str]:
        """The frame a mediation without both parties in its clause is about, and how it was
        chosen (a key of FRAME_CHOICES): a frame told in the same sentence (the nearest), else
        one told in the sentence just before in its paragraph, else the document's most
        salient frame that does not hold the mediator, of those of two sides told before it
        where there are any.  A party the clause does name must be one of the frame's sides."""
        mediator_countries = {self.index.country_of(m) for m in mediators} - {None}
        usable = [f for f in self.frames
                  if not any(s in mediators or (s.kind == "country" and s.key in mediator_countries)
                             for s in f.sides)
                  and all(p in f.sides for p in parties)]
        if not usable:
            return None, "salient"
        here = self.events.sentence_index(anchor)
        named = [f for f in usable if here in f.sentences]
        if named:
            def distance(frame: FrameFinding) -> int:
                return min(abs(a - anchor.i) for a in frame.anchors
                           if self.events.sentence_index(a) == here)
            frame = min(named, key=lambda f: (len(f.sides) < 2, distance(f)))
            if frame.via in {"talks", "joint_subject"}:
                # (talks read from the document's events count whoever attends them: "U.S.
                # envoy X attended the talks" leaves the two sides of the dispute inside)
                frame = self._two_inside(frame, usable)
            return self._with_both_sides(frame, usable), "named"
        before = self._told_just_before(here, usable)
        if before is not None:
            return self._two_inside(before, usable), "before"
        # (a frame first told after the mediation is another matter the story turns to, unless
        # none is told before it: "A's crisis ... C is mediating ... A accuses B of arming rebels"
        # is A's crisis, of one side, not A's quarrel with B told later; but "the two men's
        # dispute", of no known countries, may be the crisis told in person)
        earlier = [f for f in usable if f.first_sentence <= here]
        told = [f for f in earlier if len(f.sides) >= 2] or [
            f for f in earlier if not any(None in {self._standing_for(s) for s in g.sides}
                                          for g in usable if len(g.sides) >= 2)] or usable
        if self._rival_matter(told[0], [f for f in self.frames if f.first_sentence <= here]):
            return None, "salient"
        return self._two_inside(told[0], usable), "salient"

    def _rival_matter(self, frame: FrameFinding, frames: list[FrameFinding]) -> bool:
        """Whether the story tells of another matter as much as of ``frame``, with none of its
        sides ("they discussed the conflict between A and B and the war in D"): which of the two a
        mediation with no sides of its own is about, the story does not say.  (Sides of no known
        country may be within the other matter: "the crisis in A ... the two men's dispute".)"""
        keys = {self._standing_for(s) for s in frame.sides}
        return None not in keys and any(f is not frame and f.salience >= frame.salience and not f.aside
                   and not keys & {self._standing_for(s) or s.key for s in f.sides} for f in frames)

    def _told_just_before(self, here: int, usable: list[FrameFinding]) -> FrameFinding | None:
        """'Separately, A and B remain at odds over a port. C has offered to mediate': the
        dispute of two sides told in the sentence just before, in the same paragraph (the last
        told there), over the document's most salient frame, which may be another dispute."""
        if here == 0:
            return None
        before, sentence = self.events.sentences[here - 1], self.events.sentences[here]
        words_before = [t for t in before if not t.is_space]
        words = [t for t in sentence if not t.is_space]
        if not words_before or not words or "\n" in self.doc.text[words_before[-1].idx:words[0].idx]:
            return None  # (another paragraph)
        # (a dispute, not talks: "A and B held talks on trade. C has tried to mediate" is about
        # the document's dispute; two sides of known allegiance: "the meeting between President
        # X and Premier Y" may be the salient frame's own sides, named as people)
        told = [f for f in usable if len(f.sides) >= 2 and not f.aside and here - 1 in f.sentences
                and f.kind in DISPUTE_FRAME_KINDS and None not in {self._standing_for(s) for s in f.sides}]
        if not told or self._rival_matter(told[-1], [f for f in self.frames if here - 1 in f.sentences]):
            return None  # (nor one of two matters told there)
        return max(told, key=lambda f: max(a for a in f.anchors if self.events.sentence_index(a) == here - 1))

    @staticmethod
    def _two_inside(frame: FrameFinding, usable: list[FrameFinding]) -> FrameFinding:
        """A meeting of many (the sides and other third parties) holds the dispute of two
        of them: the frame of those two, when the document has one."""
        if len(frame.sides) <= 2:
            return frame
        inside = [f for f in usable if len(f.sides) == 2 and set(f.sides) <= set(frame.sides)]
        return inside[0] if inside else frame

    def _with_both_sides(self, frame: FrameFinding, usable: list[FrameFinding]) -> FrameFinding:
        """'the Harare talks' name one country's talks: the frame of two sides in which that
        country (or a leader of it) is a side, when the document has one."""
        if len(frame.sides) != 1 or frame.sides[0].kind != "country":
            return frame
        country = frame.sides[0].key
        fuller = [f for f in usable if len(f.sides) > 1
                  and any(s == frame.sides[0] or self.index.country_of(s) == country for s in f.sides)]
        if not fuller:
            # "to mediate in A's crisis ... President X and opposition leader Y traded
            # accusations": the rivals within it, people of no other country
            fuller = [f for f in usable if len(f.sides) > 1 and all(
                s.kind == "person" and self.index.country_of(s) in {None, country} for s in f.sides)]
        return fuller[0] if fuller else frame

    def parties(self, anchor: Token, span: Span, mediators: list[EntityRef]) -> list[EntityRef]:
        """The parties a mediation (of ``mediators``) is between, from the words around it."""
        carried = self._from_to(anchor)
        if len(carried) >= 2:
            return carried
        governed = self._governed(anchor)
        if len(governed) >= 2:
            return governed
        for node in [anchor, *anchor.children, *anchor.ancestors]:
            between = _between(node)
            if between:
                return self.events.refs(between) or self._two_told_before(between[0])
            if self.events.sentence_index(node) != self.events.sentence_index(anchor):
                break
        for token in [*anchor.subtree, *self.events.sent(anchor)]:
            between = _between(token)
            if between:
                return self.events.refs(between) or self._two_told_before(between[0])
        groups = self.with_groups(anchor)
        if groups:
            return [ref for group in groups for ref in group]
        owners = self._their_pair(anchor)
        if owners:
            return owners
        told = self._told_by_the_other_side(anchor)
        if told:
            return told
        internal = self._mediation_for(anchor)
        if internal:
            return internal
        if any(t.lower_ in PARTY_GROUPS for t in self.events.sent(anchor)) or any(
            t.lower_ in PEACE_OBJECTS for t in anchor.subtree
        ):
            return [] if self.frames else self._nearby_parties(anchor, mediators)
        # "Under the truce, ... we salute the efforts of Norway": efforts with no
        # sides of their own, right after the agreement is mentioned, are towards the
        # agreement the document opened with ("a ceasefire between A and B").
        here = self.events.sentence_index(anchor)
        if any(t.lower_ in PEACE_OBJECTS for sent in self.events.sentences[max(0, here - 2):here + 1]
               for t in sent):
            return [] if self.frames else self._lede_parties(here)
        return []

    def _own_quarrel(self, anchor: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'A asked C to mediate its border row with B', 'A welcomed C's offer to mediate in its
        quarrel with B', 'X said C would mediate his dispute with Y': the owner of the dispute
        and the one it is with.  The owner is whom "its" ("his", "her") stands for, but never
        the mediator (no third party mediates its own quarrel): then the one who asks, welcomes
        or tells of the mediation, the subject of the verb above it."""
        nouns = [c for c in anchor.children if c.dep_ == "dobj"] + [
            g for c in anchor.children if c.dep_ == "prep" and c.lower_ in {"in", "over", "on"}
            for g in c.children if g.dep_ == "pobj"]
        for noun in nouns:
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
            # (the parse may hang "with B" on the verb: "mediate its row with B")
            others = [r for r in self.events.refs([g for p in [*noun.children, *anchor.children] if p.dep_ == "prep"
                                                   and p.lower_ in {"with", "against"}
                                                   for g in p.children if g.dep_ == "pobj"]) if r not in mediators]
            if owner is None or frame_kind(noun) is None or not others:
                continue
            # (and never one who speaks for the mediator: "C's president said C would mediate
            # in its row with B" is C's own quarrel)
            countries = {self.index.country_of(m) for m in mediators} - {None}
            owners = [r for r in self.events.refs([owner]) if r not in mediators and r not in others]
            if not owners:
                owners = [r for r in self.events.refs(subjects_of(self._verb_above(anchor)))
                          if r not in mediators and r not in others and self.index.country_of(r) not in countries]
            return [owners[0], others[0]] if owners else []
        return []

    @staticmethod
    def _verb_above(anchor: Token) -> Token:
        """The verb the mediation word's clause hangs on: "asked" of "asked C to mediate",
        "welcomed" of "welcomed C's offer to mediate", "said" of "said C would mediate"."""
        token = anchor
        for _ in range(4):
            if token.dep_ not in {"xcomp", "ccomp", "acl", "dobj", "advcl"} or token.head == token:
                break
            token = token.head
            if token.pos_ in {"VERB", "AUX"} and token is not anchor:
                return token
        return anchor

    def _their_pair(self, anchor: Token) -> list[EntityRef]:
        """'A and B are in talks with D over trade, while C has offered to mediate their border
        row': "their" dispute (talks, truce) is that of the two joined by "and" before it in
        its sentence, not of the counterpart the two talk with; never the mediation's doers
        ("C and D will mediate in their region")."""
        nouns = [anchor] if anchor.pos_ == "NOUN" else [c for c in anchor.children if c.dep_ == "dobj"] + [
            g for c in anchor.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        their = next((c for n in nouns if frame_kind(n) is not None for c in n.children
                      if c.dep_ == "poss" and c.lower_ == "their"), None)
        verb = anchor if anchor.pos_ == "VERB" else clause_verb(anchor)
        if their is None or verb is None:
            return []
        doers = set(self.events.refs(subjects_of(verb)))
        sentence = self.events.sent(anchor)
        for token in reversed(sentence[:their.i - sentence.start]):
            if token.dep_ != "conj" or token.head.i >= token.i:
                continue
            group = [token.head, *token.head.conjuncts]
            refs = self.events.refs(group)
            if len(group) == 2 and len(refs) == 2 and not doers & set(refs) \
                    and all(r.kind in {"country", "organization"} for r in refs):
                return refs
        return []

    def _two_told_before(self, group: Token) -> list[EntityRef]:
        """'A rejected B's proposal ... C has tried to mediate between the two countries': the two
        actors named in the sentences just before, when they name exactly two (countries alone
        for "countries", "nations" or "governments"), the nearest sentence first; the pair
        joined by "and" is read by the frames, this is the pair named apart, in a document that
        tells of no frame of two sides (one it does tell of is the better guide)."""
        if group.lower_ not in PARTY_GROUPS | LEADER_GROUPS | RIVAL_PEOPLE or not any(c.lower_ in {"two", "both"}
                                                                     for c in group.children) \
                or any(len(f.sides) >= 2 and min(f.anchors) < group.i for f in self.frames):
            return []  # (a frame told only after the words is none they refer back to)
        kinds = {"country"} if group.lower_ in {"countries", "nations", "governments"} else \
            {"country", "organization"}
        here = self.events.sentence_index(group)
        # (never the third party the sentence tells of: "X offered to host talks between the two leaders")
        named: list[EntityRef] = []
        people: list[EntityRef] = []
        thirds = {self._side_key(r) for r in self.events.refs(subjects_of(self.events.sent(group).root))}
        for sent in reversed(self.events.sentences[max(0, here - TWO_TOLD_SENTENCES):here]):
            for token in sent:
                ref = self.index.ref_at(token)
                if ref is not None and ref.kind == "person" and ref not in people and self._side_key(ref) not in thirds:
                    people.append(ref)
                if ref is not None and ref.kind == "person" and group.lower_ in LEADER_GROUPS:
                    # "spoke with A's president X and B's president Y ... talks between the two
                    # leaders": the countries they lead
                    country = self.index.country_of(ref)
                    ref = EntityRef("country", country) if country else None
                side = sides_of(self.index, [ref])[0] if ref is not None else None
                if side is not None and side.kind in kinds and side not in named and self._side_key(side) not in thirds:
                    named.append(side)
            if len(named) >= 2 or len(people) >= 2:
                break
        if len(named) == 2:
            return named
        return self._two_people(people) if group.lower_ in RIVAL_PEOPLE and len(people) == 2 else []

    def _two_people(self, people: list[EntityRef]) -> list[EntityRef]:
        """'President X refused to share power with Y ... C offered to mediate between the two
        men': the countries of two people of two countries, else the two people themselves,
        rivals within one country."""
        countries = [self.index.country_of(p) for p in people]
        if None not in countries and countries[0] != countries[1]:
            return [EntityRef("country", c) for c in countries if c is not None]
        return people

    def _told_by_the_other_side(self, anchor: Token) -> list[EntityRef]:
        """'A's army chief said C had acted as a go-between with B': a go-between "with" one
        side, told by one who speaks for the other, is between the two."""
        if anchor.pos_ not in {"NOUN", "PROPN"}:
            return []
        others = self.events.refs([c for p in anchor.children if p.dep_ == "prep" and p.lower_ == "with"
                                   for c in p.children if c.dep_ == "pobj"])
        verb = clause_verb(anchor)
        if len(others) != 1 or verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in ANNOUNCING_VERBS:
            return []
        other_country = self.index.country_of(others[0])
        speakers = [r for r in sides_of(self.index, self.events.refs(subjects_of(verb.head)))
                    if self.index.country_of(r) not in {None, other_country}]
        return [*speakers[:1], *others] if speakers else []

    def _mediation_for(self, anchor: Token) -> list[EntityRef]:
        """'a mediation attempt for A', 'mediation efforts in A': the one country
        whose internal conflict the mediation is for (its sides are not named)."""
        nouns = [anchor]
        if anchor.dep_ in {"compound", "amod"} and anchor.head.pos_ == "NOUN":
            nouns.append(anchor.head)  # "mediation attempt", "mediation efforts"
        places = [c for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in {"for", "in"}
                  for c in p.children if c.dep_ == "pobj"]
        # "brokered a ceasefire in A", "to mediate in the conflict in A": the country a
        # settlement or conflict is in (talks "in" a country are held there: a venue)
        held = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}] + [
            c for p in anchor.children if p.dep_ == "prep" and p.lower_ == "in" for c in p.children if c.dep_ == "pobj"]
        places += [c for n in held if n.lemma_ in CONFLICT_PLACE_NOUNS for p in n.children
                   if p.dep_ == "prep" and p.lower_ == "in" for c in p.children if c.dep_ == "pobj"]
        refs = [self.index.ref_at(t) for t in places]
        countries = [r for r in refs if r is not None and r.kind == "country"]
        if len(countries) != 1:
            return []
        # "UN-led negotiations in Switzerland" after "the agreement between A and B": a venue,
        # where the story tells of sides that do not include it
        if self._two_sided and not any(countries[0] in f.sides for f in self.frames):
            return []
        return countries

    def _governed(self, anchor: Token) -> list[EntityRef]:
        """Two or more sides the mediation word governs or is governed by: 'a go-between
        for A and B', 'C's mediation brought A and B back to the table', 'met the
        delegations of A and B to mediate'."""
        tokens = [c for p in anchor.children if p.dep_ == "prep" and p.lower_ == "for"
                  for c in p.children if c.dep_ == "pobj"]
        if anchor.dep_ in {"nsubj", "advcl", "xcomp"} and anchor.head.pos_ == "VERB":
            tokens += [c for c in anchor.head.children if c.dep_ == "dobj"]
        if anchor.lemma_ in RECONCILE_VERBS and anchor.pos_ == "VERB":
            # "C reconciled A and B", "reconcile A with B", "C interceded with A and B"
            tokens += [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]  # ("were reconciled by C")
            tokens += [c for p in anchor.children if p.dep_ == "prep" and p.lower_ == "with"
                       for c in p.children if c.dep_ == "pobj"]
        if anchor.dep_ == "dobj" and (anchor.head.lemma_ in OFFER_WORDS or anchor.head.lower_ in OFFER_WORDS):
            # "offered its mediation (good offices) to A and B": those it is offered to
            tokens += [c for p in [*anchor.head.children, *anchor.children] if p.dep_ in {"prep", "dative"}
                       and p.lower_ == "to" for c in p.children if c.dep_ == "pobj"]
        refs = self.events.refs(tokens)
        if len(refs) < 2:
            # "delegations from A and B": the names inside the phrase
            refs = self._bodies_in(tokens)
        return refs if len(refs) >= 2 else []

    def _from_to(self, verb: Token) -> list[EntityRef]:
        """'conveyed a message from Colombia to the ELN', 'will carry Israel's proposal to
        Hamas', 'relayed the Israeli offer to Hamas': whose message goes to whom."""
        if verb.lemma_ not in CARRY_VERBS:
            return []
        messages = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in MESSAGE_NOUNS]
        senders: list[Token] = []
        receivers: list[Token] = []
        for node in [verb, *messages]:
            for prep in (c for c in node.children if c.dep_ in {"prep", "dative"}):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ == "from":
                    senders += objects
                    # ("from A to B": the parse may hang "to B" on "from")
                    receivers += [c for p in prep.children if p.dep_ == "prep" and p.lower_ == "to"
                                  for c in p.children if c.dep_ == "pobj"]
                elif prep.lower_ == "to":
                    receivers += objects
        for message in messages:
            senders += [c for c in message.children if c.dep_ in {"poss", "amod", "compound"}]
        sender_refs = self.events.refs(senders)
        receiver_refs = self.events.refs(receivers)
        if not sender_refs or not receiver_refs:
            return []
        return [*sender_refs, *(r for r in receiver_refs if r not in sender_refs)]

    def with_groups(self, anchor: Token) -> list[list[EntityRef]]:
        """'in the peace process with A and in the discussions with B': one group
        of parties per process, searched in the clause around the mediation word."""
        verb = clause_verb(anchor) or anchor
        groups: list[list[EntityRef]] = []
        for token in verb.subtree:
            # The parser hangs "with X" on the process or on the clause's verb ("acting ... with X").
            if token.dep_ == "prep" and token.lower_ == "with" and (
                _is_peace_object(token.head) or token.head == verb and verb.lemma_ in ACTING_VERBS
            ):
                refs = self.events.refs([c for c in token.children if c.dep_ == "pobj"])
                # "(A accepted C's mediation) in its dispute with B": the process's owner is a side
                # too; "its" or "their" is the clause's subject.
                owners = [c for c in token.head.children if c.dep_ == "poss"]
                if any(o.lower_ in {"its", "their"} for o in owners) or not owners and len(refs) == 1 \
                        and verb.lemma_ in ASKING_VERBS:
                    owners = subjects_of(verb)  # ("Sudan requested C's mediation in the row with Chad")
                    if verb.dep_ == "xcomp" and verb.head.lemma_ in ASKING_VERBS:
                        owners = subjects_of(verb.head)  # ("A asked C to mediate its row with B": A's)
                    elif verb.dep_ == "acl" and verb.head.lemma_ in OFFER_NOUNS and verb.head.head.pos_ == "VERB":
                        owners = subjects_of(verb.head.head)  # ("A rejected C's offer to mediate its row")
                refs = [r for r in self.events.refs(owners) if r not in refs] + refs if refs else refs
                if refs:
                    groups.append(refs)
        return groups

    def _nearby_parties(self, anchor: Token, mediators: list[EntityRef]) -> list[EntityRef]:
        """'the two sides': the parties of the latest 'between A and B' or talks nearby, not of
        talks the mediator (or an official of its country) takes part in: "C brokered a truce in
        A. C's envoy met B's and D's officials" is C consulting others, not their talks."""
        countries = {self.index.country_of(m) for m in mediators} - {None}
        here = self.events.sentence_index(anchor)
        best: list[EntityRef] = []
        best_distance = 99
        sentences = self.events.sentences
        # (only sentences within the distance below can count: five before, four after)
        for sent_no in range(max(0, here - 5), min(len(sentences), here + 5)):
            sent = sentences[sent_no]
            distance = abs(here - sent_no) + (0 if sent_no <= here else 1)
            if distance > 5 or distance >= best_distance:
                continue
            for token in sent:
                between = _between(token)
                if between:
                    refs = self.events.refs(between)
                    if len(refs) >= 2:
                        best, best_distance = refs, distance
        for meeting in self.meetings:
            distance = abs(here - meeting.sentence_index) + (0 if meeting.sentence_index <= here else 1)
            # The sides of talks or a meeting nearby: its countries and organisations.
            refs = meeting.refs()
            sides = [r for r in refs if r.kind in {"country", "organization"}]
            if any(r in mediators or r.kind == "person" and self.index.country_of(r) in countries for r in refs):
                continue
            if meeting.kind in {"talks", "meeting"} and len(sides) >= 2 and distance < best_distance and distance <= 4:
                best, best_distance = sides, distance
        return best or self._lede_parties(here)

    def _lede_parties(self, here: int) -> list[EntityRef]:
        """The sides of the first "agreement (talks, ceasefire) between A and B" before
        sentence ``here``: further away, the lede sets who the sides are."""
        for sent in self.events.sentences[:here]:
            for token in sent:
                between = _between(token)
                if between and token.lemma_ in PEACE_OBJECTS:
                    refs = self.events.refs(between)
                    if len(refs) >= 2:
                        return refs
        return []

    def _complete(self, parties: list[EntityRef], mediators: list[EntityRef]) -> list[EntityRef]:
        """'facilitator in the process with FARC-EP': the other side from the document's talks."""
        if len(parties) != 1:
            return parties
        party = parties[0]
        for meeting in self.meetings:
            refs = meeting.refs()
            if party in refs and meeting.kind in {"talks", "meeting"}:
                others = [r for r in refs if r != party and r not in mediators]
                if len(others) == 1:
                    return [others[0], party]
        # "talks with the ELN" in a story about a government's talks with rebel groups: the
        # government that takes part in the document's other talks is the other side.
        counts: dict[EntityRef, int] = {}
        for meeting in self.meetings:
            if meeting.kind in {"talks", "meeting"}:
                for ref in meeting.refs():
                    if ref.kind == "country" and ref != party and ref not in mediators:
                        counts[ref] = counts.get(ref, 0) + 1
        if counts and party.kind == "organization":
            best = max(counts.values())
            leaders = [r for r, n in counts.items() if n == best]
            if len(leaders) == 1 and best >= 2:
                return [leaders[0], party]
        return parties

    # --- inferred --------------------------------------------------------------------

    def _relays(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """A speaks to M, then M speaks to B: M relays between A and B."""
        out = []
        calls = [m for m in self.meetings if m.kind in {"phone_call", "meeting", "talks"} and len(m.refs()) == 2]
        for first in calls:
            for second in calls:
                if second is first:
                    continue
                shared = [r for r in first.refs() if r in second.refs() and r.kind == "person"]
                if len(shared) != 1:
                    continue
                mediator = shared[0]
                # A told as asking M, and M then as acting, within two sentences.
                pairs = [(s1, s2) for s1, subj1 in first.tellings for s2, subj2 in second.tellings
                         if 0 < s2 - s1 <= 2 and subj1 and mediator not in subj1 and mediator in subj2]
                if not pairs:
                    continue
                s1, s2 = pairs[0]
                sentences = [self.events.sentences[s1], self.events.sentences[s2]]
                a = next(r for r in first.refs() if r != mediator)
                b = next(r for r in second.refs() if r != mediator)
                countries = [self.index.country_of(x) for x in (a, mediator, b)]
                if None in countries or len(set(countries)) != 3:
                    continue
                words = {t.lower_ for sent in sentences for t in sent}
                if not words & RELAY_CUES:
                    continue
                out.append(MediationFinding(
                    key=f"mediation-{first.trigger.start_char}-relay", kind="intermediary",
                    mediators=[mediator], parties=[a, b], stated=False, confidence=RELAY_CONFIDENCE,
                    status="held", evidence=sentences,
                    reason=(f"relay: {self.index.label(a)} spoke to {self.index.label(mediator)}, who then "
                            f"spoke to {self.index.label(b)}"),
                    concerns=[first.key, second.key], sentence_index=first.sentence_index))
        return out

    def _conflict_told(self) -> bool:
        """Whether the document tells of a conflict or of peace (a war, a truce, a dispute)."""
        return bool(self.index.tokens_in(CONFLICT_TOLD_WORDS))

    def _engaged_countries(self) -> set[str]:
        """The countries whose government or officials engage with talks, found once per
        document: the subject of a verb of opening, attending or welcoming whose object is
        talks or the sides ("C's foreign minister opened the talks", "C welcomed the
        delegations"), or of a verb of saying whose clause tells of talks ("C's foreign
        ministry said A and B would hold talks in C's capital")."""
        if self._engaged is not None:
            return self._engaged
        self._engaged = set()
        for verb in self.index.tokens_in(ENGAGING_VERBS | ANNOUNCING_VERBS, lemma=True):
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            if verb.lemma_ in ANNOUNCING_VERBS:
                told = [t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree]
            else:
                told = [c for c in verb.children if c.dep_ == "dobj"] + [
                    g for p in verb.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            # ("C's foreign ministry said A and B could reach a truce": the settlement the talks seek)
            settlement = verb.lemma_ in ANNOUNCING_VERBS and any(t.lower_ in SETTLEMENT_TOPICS for t in told)
            if not settlement and not any(t.lower_ in TALKS_WORDS or t.lower_ in PARTY_GROUPS | GUEST_GROUPS
                                          or t.lemma_ in {"talk", "meeting", "negotiation"} for t in told):
                continue
            for ref in self.events.refs([s for s in subjects_of(verb) if s.dep_ == "nsubj"]):
                country = self.index.country_of(ref)
                if country is not None:
                    self._engaged.add(country)
        return self._engaged

    def _hosting_inferred(self, found: list[MediationFinding]) -> list[MediationFinding]:
        """Talks between A and B in C's territory, while C's people take part in arranging them."""
        out = []
        # (talks of no named sides wait among the unresolved events: "the next round of talks")
        for talks in (*self.meetings, *self.events.unresolved):
            if talks.kind not in {"talks", "meeting"} or talks.location is None:
                continue
            host = self.index.country_of(talks.location)
            # (the host's own officials at the talks are no sides: "A and B held talks in C's
            # capital; C's foreign minister opened them")
            present = any(self.index.country_of(p) == host for p in talks.refs())
            parties = [p for p in talks.refs() if self.index.country_of(p) != host]
            framed = False
            if len(parties) == 1 and host is not None:
                # "talks in C's capital attended by A's intelligence chief": one side's people at talks in
                # C's capital, the other side of the document's dispute away (indirect talks)
                one = self.index.country_of(parties[0]) or parties[0].key
                frame = next((f for f in self.frames if len(f.sides) == 2 and f.kind in DISPUTE_FRAME_KINDS
                              and one in {self.index.country_of(s) or s.key for s in f.sides}
                              and host not in {self.index.country_of(s) for s in f.sides}), None)
                parties, framed = (list(frame.sides), True) if frame is not None else (parties, False)
            if not parties and host is not None:
                # "the next round of talks will be held in C's capital": the talks of the
                # document's dispute, whose sides the talks do not name
                frame = next((f for f in self.frames if len(f.sides) == 2 and f.kind in DISPUTE_FRAME_KINDS
                              and host not in {self.index.country_of(s) for s in f.sides}), None)
                parties, framed = (list(frame.sides), True) if frame is not None else ([], False)
            party_countries = {self.index.country_of(p) for p in parties}
            if host is None or None in party_countries or len(party_countries) < 2 or (
                    present and self._is_side([EntityRef("country", host)])):
                continue  # (a side at talks in its own capital hosts nothing)
            # Already stated as host ("X hosted the talks") or inferred for these talks.
            if any(f.kind == "host" and host in {self.index.country_of(m) for m in f.mediators} for f in found):
                continue
            involved = not framed and any(
                other is not talks and other.kind in MEETING_KINDS
                and host in {self.index.country_of(r) for r in other.refs()}
                and party_countries & {self.index.country_of(r) for r in other.refs()}
                for other in self.meetings
            )
            # (the host among a gathering of many is no go-between of two)
            engaged = not involved and (present and len(party_countries) == 2 or host in self._engaged_countries())
            if not involved and not (engaged and self._conflict_told()
                                     and not self._is_side([EntityRef("country", host)])):
                continue  # (trade talks a host opens are no mediation: a conflict must be told)
            host_ref = EntityRef("country", host)
            out.append(MediationFinding(
                key=f"mediation-{talks.trigger.start_char}-host", kind="host", mediators=[host_ref],
                parties=self._as_parties(parties) if not framed else parties,
                stated=False, confidence=HOST_CONFIDENCE, status=talks.status
                if talks.status in {"planned", "held", "ongoing", "proposed"} else "planned",
                evidence=list(talks.evidence),
                reason=(f"talks between the parties are held in {self.index.label(talks.location)}, and "
                        f"{self.index.label(host_ref)}'s representatives " + (
                            "took part in arranging them" if involved else "take part in or tell of them")),
                concerns=[talks.key], sentence_index=talks.sentence_index))
            found = found + out[-1:]
        return out


    def _as_parties(self, refs: list[EntityRef]) -> list[EntityRef]:
        """The sides of talks as parties: a country for its people and its government's bodies,
        but an armed group or a party for itself ("a Hamas delegation" is Hamas, not Palestine)."""
        out: list[EntityRef] = []
        for ref in refs:
            own = ref.kind == "country" or self._org_kind(ref) in {"armed_group", "political"}
            country = self.index.country_of(ref)
            party = ref if own or country is None else EntityRef("country", country)
            if party not in out:
                out.append(party)
        return out


# Verbs of a side asking for, taking or refusing a third party's help.
ASKING_VERBS = frozenset({"request", "seek", "accept", "welcome", "reject", "refuse", "want", "ask", "invite",
                          "need", "solicit", "agree"})
# Verbs of a third party whose objects (or with-phrase) are the sides: "C reconciled A and B".
RECONCILE_VERBS = frozenset({"reconcile", "intercede", "conciliate"})
# Verbs that deny what their clause says: "denied that it was mediating", "refused to mediate".
DENYING_VERBS = frozenset({"deny", "refuse", "decline"})
# Verbs a negation before them does not carry to the mediation: "never stopped mediating".
STOPPING_VERBS = frozenset({"stop", "cease", "quit", "end", "halt", "suspend"})


def _pair_told_as_group(group: Token) -> bool:
    """'the two neighbours', 'the warring parties': a group of PARTY_GROUPS set at odds by its word."""
    return group.lower_ in PARTY_GROUPS and any(c.lower_ in AT_ODDS_WORDS for c in group.children)


def _at_odds(group: Token) -> bool:
    """'the rival factions', 'the two sides', 'the warring parties': a group of sides at odds."""
    return group.lower_ in AT_ODDS_GROUPS or _pair_told_as_group(group)


def _between_sides_unnamed(verb: Token) -> bool:
    """'relaying messages between the two governments': a "between" phrase, on the verb or its
    object, whose object is a pair of sides told as a group."""
    return any(_at_odds(o) for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for o in _between(h))


def _nearest_first(sentence: int, here: int) -> tuple[int, bool]:
    """Sort key of sentences by their distance from ``here``, one before before one after."""
    return abs(sentence - here), sentence > here


def _denied(anchor: Token) -> bool:
    """Whether the mediation word is negated or denied, in its clause or in the verbs it is
    the complement of: "would not mediate", "has not been asked to mediate", "is not a
    mediator", "could never be a mediator", "denied that it was mediating", "refused to host"."""
    current = anchor
    for _ in range(4):
        if current.lemma_ in STOPPING_VERBS:
            return False
        if any(c.dep_ == "neg" for c in current.children):
            return True
        if current is not anchor and current.lemma_ in DENYING_VERBS:
            return True
        if current.dep_ not in {"xcomp", "ccomp", "attr"} or current.head == current:
            return False
        current = current.head
    return False


def _offer_of(anchor: Token) -> Token | None:
    """The offer noun a mediation word is the infinitive (or the "of") of ("C's offer to
    mediate", "C's offer of mediation"), or None."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        anchor = anchor.head
    return anchor.head if anchor.dep_ in {"acl", "prep"} and anchor.head.lemma_ in OFFER_NOUNS else None


def _turned_down(anchor: Token) -> bool:
    """'A rejected C's offer to mediate': an offer the sides turn down stays a proposal."""
    offer = _offer_of(anchor)
    return offer is not None and offer.dep_ in {"dobj", "nsubjpass"} and offer.head.lemma_ in REJECTING_VERBS


def _offered(anchor: Token) -> bool:
    """'C stands ready to mediate', 'C offered to mediate', 'C is willing to host the talks'."""
    current = anchor
    for _ in range(3):
        if current.dep_ not in {"xcomp", "dobj", "acomp", "prep", "pcomp", "pobj"} or current.head == current:
            return False
        current = current.head
        if current.lemma_ in OFFER_WORDS or current.lower_ in OFFER_WORDS:
            return True
    return False


def _asked_for(anchor: Token) -> bool:
    """'A asked C to mediate', 'A appealed to C to provide mediation', 'A urged C to host the
    talks': a mediation one side asks for, which is only proposed (and tells of no talks)."""
    return _under(anchor, {"xcomp", "dobj"}, ASKING_FOR_VERBS)


# Verbs of a side asking a third party to act: "asked (urged, appealed to) C to mediate".
ASKING_FOR_VERBS = frozenset({"ask", "appeal", "urge", "request", "plead", "implore"})


def _attempted(anchor: Token) -> bool:
    """'C has tried to mediate', 'C sought to help broker a deal', 'an attempt by C to
    mediate': the mediation word under a verb or noun of attempting."""
    return _under(anchor, {"xcomp", "acl"}, ATTEMPT_WORDS)


def _under(anchor: Token, deps: set[str], words: frozenset[str]) -> bool:
    """Whether one of ``words`` governs ``anchor`` within three steps up through ``deps``."""
    current = anchor
    for _ in range(3):
        if current.dep_ not in deps or current.head == current:
            return False
        current = current.head
        if current.lemma_ in words:
            return True
    return False


# Verbs and nouns of attempting: a mediation attempted tells of no talks.
ATTEMPT_WORDS = frozenset({"try", "attempt", "seek", "strive", "endeavour", "endeavor", "bid"})
# Verbs whose efforts settle or calm a conflict, beside SETTLING_VERBS.
CALMING_VERBS = frozenset({"de-escalate", "calm", "free", "release", "promote", "revive", "restart", "mediate",
                           "facilitate", "broker", "pursue", "find", "reduce", "prevent", "avert", "save", "bridge",
                           "reconcile", "implement", "preserve", "support", "advance", "help", "bring", "return"})


def _settling(verb: Token) -> bool:
    """Whether an aim of efforts settles or calms a conflict: a verb of settling or calming,
    or one whose phrase names talks, peace or a conflict ("efforts to promote dialogue")."""
    return verb.lemma_ in SETTLING_VERBS or verb.lemma_ in CALMING_VERBS or any(
        t.lower_ in PEACE_OBJECTS or t.lower_ in CONFLICT_TOLD_WORDS or t.lower_ in PARTY_GROUPS
        for t in verb.subtree)


def _toward_talks(verb: Token) -> bool:
    """Whether what sides are pressed to do is to talk or settle: agree, sign or accept, a verb
    of settling, or talks or a truce in its phrase ("to return to the table", "to resume
    negotiations")."""
    return verb.lemma_ in {"agree", "accept", "sign"} or verb.lemma_ in SETTLING_VERBS or any(
        t.lower_ in PEACE_OBJECTS or t.lower_ == "table" for t in verb.subtree)


def _who_does(verb: Token) -> list[Token]:
    """Who does what a verb says: its active subjects, or its passive's agents ("signed by A and
    B", "made possible by C")."""
    return [s for s in subjects_of(verb) if s.dep_ != "nsubjpass"] + agents_of(verb)


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for ('the truce, which C helped negotiate': the truce)."""
    if token.tag_ not in {"WDT", "WP"}:
        return token
    current = token
    for _ in range(4):
        if current.dep_ == "relcl":
            return current.head
        if current.head == current:
            break
        current = current.head
    return token


def _relative_object(token: Token) -> Token:
    """What a relative pronoun as a verb's object stands for: "the talks between A and B, which
    C is hosting" (the talks, though the parse may hang the clause on B, the last side)."""
    if token.tag_ not in {"WDT", "WP"} or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    for _ in range(3):
        if noun.dep_ == "conj":
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in {"between", "among"}:
            return noun.head.head
        else:
            break
    return noun


def _speaks_for_a_side(name: Token) -> bool:
    """'A for the government', 'B for the opposition': a name said to act for a side (the parse
    may hang "for" on the noun the name is apposed to: the word right after the name is read)."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    return after is not None and after.lower_ == "for" and any(
        c.dep_ == "pobj" and (c.lemma_ in SIDE_NOUNS or c.ent_type_ in {"GPE", "NORP", "ORG"}) for c in after.children)


def _effort_aim(noun: Token) -> Token | None:
    """What efforts (a push, a bid) set out to settle: the war of "efforts to end the war
    between A and B", the talks of "a drive to revive the talks"."""
    if noun.lower_ not in EFFORT_NOUNS:
        return None
    for verb in noun.children:
        if verb.dep_ in {"acl", "relcl"} and verb.lemma_ in SETTLING_VERBS | {"revive", "restart", "mediate"}:
            for obj in verb.children:
                if obj.dep_ == "dobj" and (_is_peace_object(obj) or frame_kind(obj) is not None):
                    return obj
                if obj.dep_ == "dobj" and verb.lemma_ in {"resolve", "settle"} and (
                        _with_objects(obj) or _with_objects(verb)):
                    return obj  # "efforts to resolve issues with B" ("with B" may hang on the verb)
    return None


def _proposal_above(verb: Token) -> Token | None:
    """The proposal a verb of bridging is the aim of: "a proposal to bridge the gaps" (an
    infinitive on the noun), "proposals for bridging the gaps" (a gerund after "for")."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in {"for", "of"}:
        head = head.head
    elif verb.dep_ not in {"acl", "relcl"}:
        return None
    return head if head.lemma_ in PROPOSAL_NOUNS and head.pos_ == "NOUN" else None


def _partaking(prep: Token) -> Token | None:
    """The verb of taking part an "in" phrase belongs to ("took part in", "participated in",
    "was involved in"), or None."""
    head = prep.head
    if head.lower_ == "part" and head.dep_ == "dobj":
        head = head.head  # ("took part in": the parse may hang "in" on "part")
    if head.lemma_ in PARTAKING_VERBS or head.lemma_ == "take" and any(c.lower_ == "part" for c in head.children):
        return head
    return None


def _between(token: Token) -> list[Token]:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "among"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if len(objects) == 1 and not objects[0].conjuncts:
                # "talks between A in Tripoli and forces loyal to B": one side alone, so the
                # parse has joined the second to the word the phrase hangs on
                # (or to the verb whose object that word is)
                holders = [token, token.head] if token.dep_ == "dobj" else [token]
                objects += [c for h in holders for c in h.children
                            if c.dep_ == "conj" and c.i > child.i and c.pos_ in {"NOUN", "PROPN"}]
            return objects + [c for c in other_side_names(child) if c not in objects]
    return []


def _of_objects(noun: Token) -> list[Token]:
    """The objects of ``noun``'s "of" phrases ("the restoration of ties")."""
    return [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]


def _along_with(verb: Token) -> list[Token]:
    """The names after "along with", "together with" or "alongside" on ``verb`` or its object
    ("C, which along with D has mediated the talks", "the talks C is hosting alongside D and E",
    "mediated by C together with D", "C is mediating the talks along with D": the parse hangs
    "together" on "with", or "along with" on the object)."""
    objects: list[Token] = []
    for head in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for a in head.children:
            if a.lower_ in {"along", "together"}:
                objects += [c for w in a.children if w.lower_ == "with" for c in w.children if c.dep_ == "pobj"]
            elif a.dep_ == "prep" and (a.lower_ == "alongside" or a.lower_ == "with" and any(
                    g.dep_ == "advmod" and g.lower_ in {"along", "together"} for g in a.children)):
                objects += [c for c in a.children if c.dep_ == "pobj"]
    return [t for c in objects for t in (c, *c.conjuncts)]


def _after_verb(verb: Token) -> list[Token]:
    """The words of the phrases and clauses after a verb of bringing or helping sides (what it
    is for, where, how): "(brought A and B together) for talks in Doha"."""
    return [t for c in verb.children if c.dep_ in {"xcomp", "ccomp", "prep", "advcl", "advmod"} for t in c.subtree]


def _settlement_in_view(rest: list[Token], *, settling_verbs: bool) -> bool:
    """Whether those words name a settlement or talks, agreeing or settling ("for talks", "to
    reach a deal"), or with ``settling_verbs`` any verb of settling ("to end the war")."""
    return any(_is_peace_object(t) or t.lemma_ in {"agree", "settle", "reconcile"}
               or settling_verbs and t.pos_ == "VERB" and _settling(t) for t in rest)


def _other_purpose(verb: Token) -> bool:
    """Whether sides are brought together for something other than peace, which the caller has
    found none of: "for a conference on energy", "to launch a railway" (not "for the first time")."""
    aims = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in {"for", "to"}
            for g in p.children if g.dep_ == "pobj" and g.lemma_ not in TIME_NOUNS]
    return bool(aims) or any(c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB" for c in verb.children)


def _said_for_peace(noun: Token) -> bool | None:
    """Whether a plan's own words make it one for peace: a peace (ceasefire) plan, a plan for
    (on) a truce or to end a war (True); a plan for one's own deal with another ("a proposal for
    a deal with A": False); None where its words do not say."""
    if any(c.dep_ in {"compound", "amod"} and (c.lower_ in PEACE_OBJECTS or c.lower_ in CONFLICT_WORDS)
           for c in noun.children):
        return True
    aims = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in {"for", "on", "to"}
            for g in p.children if g.dep_ == "pobj"]
    ends = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.lemma_ in SETTLING_VERBS]
    # ("a plan put forward by C to end the war": the aim hangs on the plan's participle)
    ends += [x for c in noun.children if c.dep_ == "acl" for x in c.children
             if x.dep_ in {"advcl", "xcomp"} and x.lemma_ in SETTLING_VERBS]
    aims += [o for c in ends for o in c.children if o.dep_ == "dobj"]
    if any(_with_objects(a) for a in aims):
        return False
    if any(a.lower_ in SETTLED_OBJECTS or a.lower_ in CONFLICT_WORDS or frame_kind(a) in DISPUTE_FRAME_KINDS
           for a in aims):
        return True
    return None


def _with_objects(token: Token) -> list[Token]:
    """The names after "with" under ``token`` ("negotiated with A and B")."""
    return [t for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
            for c in p.children if c.dep_ == "pobj" for t in (c, *c.conjuncts)]


def _is_peace_object(token: Token) -> bool:
    if token.lower_ in PEACE_OBJECTS or token.lemma_ in PEACE_OBJECTS:
        return True
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in PEACE_OBJECTS for c in token.children)


def _object_text(anchor: Token) -> str | None:
    obj = next((c for c in anchor.children if c.dep_ in {"dobj", "pobj"}), None)
    if obj is None and anchor.dep_ in {"pcomp", "xcomp"}:
        obj = next((c for c in anchor.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    tokens = list(obj.subtree)
    return anchor.doc[tokens[0].i:tokens[-1].i + 1].text


def _merge(found: list[MediationFinding], index: DocIndex) -> list[MediationFinding]:
    """One act of mediation, one finding: repeats join, co-mediators of one act stay together."""
    merged: list[MediationFinding] = []
    # The merged findings (their positions, in order) by their set of mediators and by their
    # set of parties: a finding is compared only with those that can be the same act
    # (comparing with every earlier one is quadratic in a long text).
    by_mediators: dict[frozenset[EntityRef], list[int]] = {}
    by_parties: dict[frozenset[EntityRef], list[int]] = {}

    def keys(m: MediationFinding) -> tuple[list[int], list[int]]:
        return (by_mediators.setdefault(frozenset(m.mediators), []),
                by_parties.setdefault(frozenset(m.parties), []))

    evidence = NewEvidence()
    for finding in found:
        mediators, parties = set(finding.mediators), set(finding.parties)
        hit = next((n for n in by_mediators.get(frozenset(mediators), ())
                    if (set(merged[n].parties) == parties or not parties or not merged[n].parties)
                    and merged[n].kind == finding.kind), None)
        if hit is None:
            hit = next((n for n in by_parties.get(frozenset(parties), ())
                        if mediators & set(merged[n].mediators) and merged[n].parties), None)
        if hit is not None:
            same = merged[hit]
            for positions in keys(same):
                positions.remove(hit)
            if len(finding.parties) > len(same.parties):
                same.parties, same.parties_unnamed = finding.parties, finding.parties_unnamed
            evidence.extend(same, finding.evidence)
            # "C has mediated ... C, along with D, worked to bridge the gaps": D joins the act.
            same.mediators += [m for m in finding.mediators if m not in same.mediators]
            same.stated = same.stated or finding.stated
            same.confidence = max(same.confidence, finding.confidence)
            for positions in keys(same):
                insort(positions, hit)
            continue
        for positions in keys(finding):
            positions.append(len(merged))
        merged.append(finding)
    return merged


def _near_clause_nouns(anchor: Token) -> list[Token]:
    """The subjects and objects of the mediation's verb (the anchor, or the verb it hangs
    on, and a verb joined to that by "and"): "the talks were mediated by C", "C will host the
    meeting and act as mediator"; and the noun a participle describes ("the talks, mediated by
    C, ended")."""
    verbs = [t for t in [anchor, anchor.head, anchor.head.head] if t.pos_ in {"VERB", "AUX"}][:1]
    verbs += [c for v in verbs for c in [*v.conjuncts]]
    described = [anchor.head] if anchor.dep_ == "acl" and anchor.head.pos_ == "NOUN" else []
    return described + [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]

