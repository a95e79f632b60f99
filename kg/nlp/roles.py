"""Roles and titles of named people, from the constructions news uses for them.

- title before the name: "Russian President Vladimir Putin", "Secretary of State Antony
  Blinken", "President of Ghana Kofi Mensah", "Hamas spokesman Ali Omar";
- a title chain: "Deputy Prime Minister and Minister of Foreign Affairs Amina Said";
- apposition after the name: "Lena Ortiz, an aide to President Ruiz and former Trade
  Minister", "Omar Haddad, the Foreign Minister of Jordan";
- apposition before the name: "the Foreign Minister of Chile, Rosa Vidal",
  "Ruiz's spokeswoman, Ana Gil", "Kenyan Foreign Minister, Peter Otieno";
- qualifiers: "former", "acting", "ex-", a past copula ("who was foreign minister");
- a title told in the sentence next to the name: "X arrived ... The foreign minister said",
  "a ministry spokesperson said. X offered ..." (:func:`find_told_roles`).

Each title's "of" comes from an of/to/for phrase, or a country, organisation or
possessive person before the title ("whose" and "the group's" stand for the one named
before); a body the title itself names is whose the post is ("AU Commission Chairperson").
Titles are reported in the text's words ("Home Affairs Minister"), the table's as their key.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.nlp.actors import MILITARY_RANKS
from kg.nlp.entities import DocIndex, Mention, OrgInfo, headline_end
from kg.nlp.gazetteer import GIVEN_NAME_TITLES, TITLES_KEY, is_plural_title
from kg.records import EntityRef, Qualifier
from kg.reference import words_of

QUALIFIERS: dict[str, Qualifier] = {"former": "former", "ex": "former", "then": "former", "formerly": "former",
                                    "late": "former",  # "the late President X": no longer living
                                    "ousted": "former", "deposed": "former", "toppled": "former",
                                    "overthrown": "former", "retired": "former",  # no longer in office
                                    "onetime": "former", "one-time": "former", "erstwhile": "former",
                                    "acting": "acting", "interim": "acting", "caretaker": "acting",
                                    "outgoing": "current"}
# Titles too generic to report as a role ("the Belarusian leader"), still used as references.
GENERIC_TITLES = frozenset({"Leader", "Head", "Official", "Chief", "Counterpart", "Member",
                            "Representative", "Figure"})
LEADER_CATEGORIES = frozenset({"head_of_state", "head_of_government", "royal"})
DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "under", "second", "first"})
FEMALE_WORDS = frozenset({"spokeswoman", "queen", "empress", "princess", "chairwoman", "duchess", "sheikha",
                          "ms", "ms.", "mrs", "mrs.", "madam", "congresswoman", "businesswoman"})
MALE_WORDS = frozenset({"spokesman", "king", "emperor", "prince", "chairman", "duke", "sheikh", "mr", "mr.",
                        "congressman", "businessman"})
# Words allowed between a title and the name it precedes: "H.E. Mr.", "His Majesty".
ARTICLES = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
OF_WORDS = frozenset({"of", "to", "for", "at", "in"})
MAX_OF_TOKENS = 8
MAX_APPOSED_OF_TOKENS = 12
# Words of a part of a country before its name: "for Northern Uganda".
COMPASS_WORDS = words_of("compass_words.tsv", "compass")
# Punctuation inside a body's name: "High-Level", "the African Union (AU) Commission".
IN_NAME_PUNCT = frozenset({"-", "(", ")"})
# Posts sent to a country: "Ambassador to Peru", "Special Envoy for Yemen".  The country is
# where the post is held, part of the title; the post is of the sender ("Chilean Ambassador
# to Peru" acts for Chile).
DESTINATION_HEADS = frozenset({"ambassador", "envoy", "representative", "coordinator", "emissary", "consul",
                               "commissioner", "rapporteur", "attaché", "attache", "delegate", "nuncio"})
DESTINATION_PREPS = frozenset({"to", "for"})
SMALL_WORDS = frozenset({"of", "for", "the", "and", "to", "in", "on", "at"})
# What a post is for follows its title with these: "for Humanitarian Affairs", "of the North".
COMPLEMENT_PREPS = frozenset({"of", "for", "in"})
# Titles of one country's government alone, its name left out as the reader knows it: the
# department of State's secretaries are American ("Assistant Secretary of State X"; Britain's
# secretaries of state are "for" a portfolio, and the Holy See's are named with it).
ONE_COUNTRY_TITLES = {"secretary of state": "USA"}
ONE_COUNTRY_RANKS = frozenset({"assistant", "deputy", "under"})
# A complement naming the state itself is no part of the title: "President of the Republic".
STATE_NOUNS = frozenset({"republic", "country", "government", "nation", "state", "kingdom", "federation",
                         "emirate", "sultanate", "ministry", "administration", "regime", "president",
                         "people", "movement", "party", "group", "army", "union"})
# Plural complements that are fields or processes, not sides: "in the peace talks".
PLURAL_COMPLEMENTS = frozenset({"talks", "negotiations", "affairs", "relations", "rights", "operations",
                                "consultations", "communications", "programmes", "programs"})
# A title's own first words, which news may set before the actor: "the lead French negotiator".
TITLE_PREFIX_WORDS = frozenset({"lead", "chief", "top", "senior", "deputy", "special", "principal", "assistant"})
# Words of a post's field: "Foreign Affairs", "Peace and Security", "Humanitarian Affairs".
PORTFOLIO_WORDS = frozenset({
    "foreign", "affairs", "political", "peace", "security", "and", "international", "cooperation",
    "development", "economic", "trade", "defence", "defense", "home", "internal", "legal", "humanitarian",
    "human", "rights", "public", "information", "communications", "regional", "integration", "african",
    "european", "east", "middle", "the", "of", "diaspora", "finance", "justice", "interior", "energy",
})
# Prepositions that end a title's of/to phrase: "Adviser to the Secretary-General | on Cyprus".
PHRASE_ENDING_PREPS = frozenset({"on", "in", "at", "with", "from", "during", "since", "after", "before"})
APPOSITION_OPENERS = frozenset({",", "(", "—", "–"})
# Generic titles that take their field from the words before them: "human rights chief".
FIELD_TITLES = frozenset({"Chief", "Head", "Member", "Expert", "Analyst"})
# Adjectives that name a field: "the UN's humanitarian chief", "the bloc's political head".
FIELD_ADJECTIVES = frozenset({"humanitarian", "political", "military", "economic", "diplomatic", "electoral",
                              "judicial", "nuclear", "environmental", "financial", "legal", "peacekeeping"})
# Titles of those who speak of a field and for no side: a country's name before them is their field.
NAMED_FIELD_TITLES = frozenset({"Expert", "Analyst"})
NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Passive verbs that give their subject a post: "was appointed defence minister".
APPOINT_VERBS = frozenset({"appoint", "name", "elect", "nominate", "designate", "reappoint", "re-elect",
                           "reelect", "confirm", "install", "sworn", "swear", "choose", "select", "make"})
# Verbs whose subject holds the post after "as": "serves as ambassador", "took office (over) as
# president", "replaced (succeeded) B as foreign minister".
AS_VERBS = frozenset({"serve", "act", "work", "take", "replace", "succeed"})
# Words that describe a title's holder, not the title: "close aide", "career diplomat".
DESCRIPTIVE_WORDS = frozenset({"close", "career", "veteran", "longtime", "long-time", "seasoned", "trusted"})
# Words that keep a copula's subject and its title apart: "Ortiz is also the minister".
COPULA_SKIP = frozenset({"also", "now", "still", "currently", "the", "a", "an"})


@dataclass(frozen=True)
class RoleFinding:
    """A title found for a person mention; ``of`` is the actor the role is of."""

    person: str
    title: str
    category: str
    start: int  # token range of the whole title phrase (evidence)
    end: int
    of: EntityRef | None
    qualifier: Qualifier
    apposed: bool = False  # set off by a comma from the name: the phrase names the person too
    name_start: int = 0  # token range of the name the title is stated for
    name_end: int = 0
    base: str = ""  # the table's title when ``title`` adds a destination ("Ambassador" of "Ambassador to Peru")
    chained: bool = False  # an earlier title of a chain ("Deputy Prime Minister and" Foreign Minister X)


# Ranks worn with an office before a name: military ranks and a royal house's ("Prince").
WORN_RANKS = MILITARY_RANKS | {"Prince", "Princess"}

UN_KEY = "united-nations"  # the organisation a "UN ..." title of the titles table is of


def find_roles(index: DocIndex) -> list[RoleFinding]:
    """Every (person, title) the document states, from the constructions above."""
    doc = index.doc
    titles = sorted(doc.spans.get(TITLES_KEY, []), key=lambda s: s.start)
    title_at_end = {s.end: s for s in titles}
    title_at_start = {s.start: s for s in titles}
    findings: list[RoleFinding] = []
    listed_titles: set[int] = set()  # where the plural titles set off after a list of names start
    for title in titles:
        findings.extend(_plural_set_off(index, title, title_at_start))
        apposed_after = _plural_apposed_after(index, title, title_at_end)
        if apposed_after:
            listed_titles.add(title.start)
            findings.extend(apposed_after)
    for mention in index.mentions:
        if mention.ref.kind != "person" or mention.via != "name":
            continue
        findings.extend(_before_name(index, mention, title_at_end))
        findings.extend(_listed_after_plural(index, mention, title_at_end))
        # (the list's last name is not alone in holding the plural title set off after it)
        findings.extend(f for f in _after_name(index, mention, title_at_start, title_at_end)
                        if not listed_titles or not any(f.start <= t < f.end for t in listed_titles))
        findings.extend(_copular(index, mention, title_at_start))
    # "the UN envoy for Yemen": a title the table names as the UN's is of the UN.
    findings = [replace(f, of=EntityRef("organization", UN_KEY))
                if f.of is None and (f.base or f.title).startswith("UN ") and f.category == "international" else f
                for f in findings]
    if any(f.of is not None and f.of.key == UN_KEY for f in findings):
        _know_un(index)
    # "African Union Commission Chairperson X": the post is of the body its title names.
    findings = [replace(f, of=body) if f.of is None and (body := _body_in(index, f)) is not None else f
                for f in findings]
    findings = _without_given_names(index, findings)
    # "a Sudan analyst", "a Kenyan professor": scholars and experts act for no country.
    findings = [replace(f, of=None) if f.category == "academic" and f.of is not None and f.of.kind == "country"
                else f for f in findings]
    # "A named B as his envoy": "his" read as the person named last is no post of B's own
    findings = [replace(f, of=None) if f.of == EntityRef("person", f.person) else f for f in findings]
    unique: dict[tuple[str, str, EntityRef | None, str], RoleFinding] = {}
    for finding in findings:
        unique.setdefault((finding.person, finding.title, finding.of, finding.qualifier), finding)
    # "The President and King Faisal agreed": a title of the chain that another named person
    # holds outright is that person's, said beside the name, not a second title of the name.
    # (Findings are compared only with the same title's or the same person's, looked up, not
    # with every other finding: that is quadratic in a long text.)
    holders: dict[str, set[str]] = {}
    for f in unique.values():
        if not f.chained:
            holders.setdefault(f.base or f.title, set()).add(f.person)
    unique = {key: f for key, f in unique.items() if not f.chained
              or not holders.get(f.base or f.title, set()) - {f.person}}
    of_person: dict[str, list[RoleFinding]] = {}
    for f in unique.values():
        of_person.setdefault(f.person, []).append(f)
    # A title with a known "of" makes the same title without one redundant.
    result = []
    for finding in unique.values():
        same_person = of_person[finding.person]
        if finding.of is None and any(f.title == finding.title and f.of is not None for f in same_person):
            continue
        # "Secretary Blinken" after "Secretary of State Antony Blinken", "Minister Wang" after
        # "Foreign Minister Wang Yi": the short title is the long one, shortened.
        if any(f.title != finding.title and (_shortens(finding.title, f.title) or finding.title == f.base)
               for f in same_person):
            continue
        result.append(finding)
    return result


# Verbs of speaking whose subject a story names by title in one sentence and by name in the next.
SPEAKING_VERBS = frozenset({"say", "tell", "add", "state", "announce", "stress", "note", "explain", "insist",
                            "warn", "confirm", "reiterate"})
# Verbs of going to meet whose titled subject is told as a speaker's is: "The minister met B. ..."
# (not of hosting: "X arrived. The president received him" is the host)
MEETING_VERBS = frozenset({"meet", "visit", "call", "phone", "travel", "arrive"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def find_told_roles(index: DocIndex, findings: list[RoleFinding]) -> list[RoleFinding]:
    """A title told for a person named in the sentence next to it: "Norway's Ingrid Berg arrived
    on Tuesday. The foreign minister said ..." and "..., a Qatari ministry spokesperson said.
    Omar Haddad offered ...".  The title is the subject of a verb of speaking, with no holder of
    it named in the document and no name beside it; the person is the one subject named in the
    sentence before ("the" title) or first named in the sentence after ("a" title), with no
    title of their own.  Call after :func:`apply_roles` (which gives people their titles)."""
    doc = index.doc
    # (the few titles that speak as a sentence's subject first; what the rest needs only for them)
    speaking = [t for t in doc.spans.get(TITLES_KEY, []) if doc[t.end - 1].dep_ in SUBJECT_DEPS
                and (doc[t.end - 1].head.lemma_ in SPEAKING_VERBS or _meets_another(doc[t.end - 1].head))
                and t.id_ not in GENERIC_TITLES
                and not is_plural_title(t) and t.start not in index.by_token]
    if not speaking:
        return []
    used = {i for f in findings for i in range(min(f.start, f.name_start or f.start), max(f.end, f.name_end))}
    held = {t for p in index.persons.values() if p.name is not None for t, _ in p.titles}
    sents = index.sents
    starts = [s.start for s in sents]
    first: dict[str, int] = {}  # where each person is first named (below a headline: "Ortiz Says ...")
    below = headline_end(doc)
    for m in index.mentions:
        if m.ref.kind == "person" and below <= m.start < first.get(m.ref.key, len(doc)):
            first[m.ref.key] = m.start
    told = []
    for title in speaking:
        if title.id_ in held or any(i in used for i in range(title.start, title.end)) \
                or title.end < len(doc) and index.mention_at(title.end) is not None:
            continue
        mod_of, qualifier, left, _ = _modifiers_before(index, title)
        article = doc[left - 1].lower_ if left > 0 else ""
        k = bisect_right(starts, title.start) - 1
        country = mod_of.key if mod_of is not None and mod_of.kind == "country" else None
        # "Peru's president says ... . Luis Tapia told ...": a country's title opening a sentence
        owned = country is not None and left == sents[k].start and doc[left + 1].tag_ == "POS"
        if article not in {"the", "a", "an"} and not owned or qualifier == "former":
            continue
        text, _ = _titled(index, title)
        if article == "the":  # "the minister": the one named before
            person = _untitled_subject(index, sents[k - 1], country, first, title=text) if k > 0 else None
        else:  # "a ministry spokesperson said ... X": the one named next
            person = _untitled_subject(index, sents[k + 1], country, first, first_here=True, title=text) \
                if k + 1 < len(sents) else None
        if person is None:
            continue
        told.append(RoleFinding(person, text, title.label_, left, title.end, mod_of, qualifier, apposed=True,
                                base=title.id_ if text != title.id_ else ""))
        held.add(title.id_)
    return told


def _meets_another(verb: Token) -> bool:
    """A verb of going to meet whose object is no pronoun: "the minister met B", not "the
    president met him" (the one named before is the other side)."""
    return verb.lemma_ in MEETING_VERBS and not any(
        c.tag_ == "PRP" for c in verb.children if c.dep_ in {"dobj", "dative", "prep"}) and not any(
        g.tag_ == "PRP" for p in verb.children if p.dep_ == "prep" for g in p.children)


def _untitled_subject(index: DocIndex, sent: Span, country: str | None, first: dict[str, int], *,
                      first_here: bool = False, title: str = "") -> str | None:
    """The one person named as a subject in a sentence, who holds no title but a shorter form of
    ``title`` ("Minister Ana Gil" for "the foreign minister") (and acts for no country but
    ``country``), first named there if ``first_here``; none if another such person is named
    there too."""
    found = set()
    for i in range(sent.start, sent.end):
        mention = index.mention_at(i)
        if mention is None or mention.start != i or mention.ref.kind != "person":
            continue
        person = index.persons.get(mention.ref.key)
        if person is None or person.name is None:
            continue
        if any(not _shortens(t, title) for t, _ in person.titles):
            continue  # (a person with another title of their own is not the one meant)
        if mention.via != "name" or index.doc[mention.start:mention.end].root.dep_ not in SUBJECT_DEPS \
                or country is not None and person.country not in {None, country} \
                or first_here and first.get(person.key, i) < sent.start:
            found.add("")  # (another person with no title, who may be meant: not only one)
            continue
        found.add(person.key)
    if len(found) != 1:
        return None
    return found.pop() or None


def _without_given_names(index: DocIndex, findings: list[RoleFinding]) -> list[RoleFinding]:
    """'Amir Saleh, the head of the negotiating team', 'Sultan Al Amri, the industry minister':
    a royal title that is also a given name, alone right before a name that holds another post
    (no ruler does), is the name's first word, not a title."""
    doc = index.doc
    given = {id(f) for f in findings if f.category == "royal" and not f.apposed and f.end == f.name_start
             and f.end - f.start == 1 and doc[f.start].lower_ in GIVEN_NAME_TITLES}
    if not given:
        return findings
    others = {f.person for f in findings if f.category != "royal"}
    return [f for f in findings if id(f) not in given or f.person not in others]


def _know_un(index: DocIndex) -> None:
    """Record the UN as an organisation of the document when a title alone names it: "the Special
    Envoy of the Secretary-General, Ana Ruiz" is the UN's envoy though "UN" is never written."""
    from kg.reference import gazetteer

    entry = gazetteer.org_by_key(UN_KEY)
    if entry is not None and UN_KEY not in index.orgs:
        index.orgs[UN_KEY] = OrgInfo(entry.key, entry.name, entry.kind, entry.country, wikidata=entry.wikidata)


def _body_in(index: DocIndex, finding: RoleFinding) -> EntityRef | None:
    """The organisation named inside a title phrase (not a field the model took for one)."""
    for i in range(finding.start, finding.end):
        mention = index.mention_at(i)
        if mention is not None and mention.ref.kind == "organization" and not _is_portfolio(index, i) \
                and mention.start >= finding.start and mention.end <= finding.end:
            return mention.ref
    return None


def _plural_set_off(index: DocIndex, title: Span, title_at_start: dict[int, Span]) -> list[RoleFinding]:
    """'fellow commission members, former Prime Minister Ana Ruiz of Chile and Luis Tapia': a plural
    title set off by a comma before a list of names (each may have its own title) is each one's."""
    doc = index.doc
    if not is_plural_title(title) or title.end >= len(doc):
        return []
    # "the foreign ministers of Chile and Peru, A and B": the countries listed, in turn
    of_list, i = _of_list(index, title.end)
    if i >= len(doc) or doc[i].text != ",":
        return []
    mod_of, qualifier, left, _ = _modifiers_before(index, title)
    text, _ = _titled(index, title)
    names: list[Mention] = []
    i += 1
    while i < len(doc):
        here = index.mention_at(i)
        if here is not None and here.ref.kind == "person" and here.via == "name":
            names.append(here)
            i = here.end
            place = index.mention_at(i + 1) if i + 1 < len(doc) and doc[i].lower_ == "of" else None
            if place is not None:
                i = place.end  # "Ana Ruiz of Chile"
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ == "and":
                i += 1
            if i < len(doc) and (doc[i].text == "," or names[-1].end == i):
                break
            continue
        if i in title_at_start:
            i = title_at_start[i].end
            continue
        if here is not None or doc[i].lower_ in ARTICLES or doc[i].lower_ in QUALIFIERS or doc[i].lower_ == "of" \
                or _is_honorific(doc[i].text):
            i = here.end if here is not None else i + 1
            continue
        break
    if len(names) < 2:
        return []
    # "the Chilean and Peruvian foreign ministers, A and B": each of the countries listed in turn
    sides = of_list or _plural_sides(index, title)
    owners: list[EntityRef | None] = list(sides) if len(sides) == len(names) else [None] * len(names)
    return [RoleFinding(name.ref.key, text, title.label_, left, title.end,
                        _actor_after(index, name.end, countries=True) or owner or mod_of, qualifier,
                        name_start=name.start, name_end=name.end, base=title.id_ if text != title.id_ else "")
            for name, owner in zip(names, owners, strict=True)]


# Words between a list of names and the plural title set off after it: "A and B, (the) (two)
# foreign ministers".
LIST_TITLE_WORDS = frozenset({"the", "both", "two", "three", "four", "respective", "their"})


def _plural_apposed_after(index: DocIndex, title: Span, title_at_end: dict[int, Span]) -> list[RoleFinding]:
    """'A, B and C, the foreign ministers of X, Y and Z': a plural title set off by a comma after
    a list of names is each one's, of the country listed in the same place (or of the one
    country named, or of each name's demonym before the title: "the Chilean and Peruvian
    foreign ministers")."""
    doc = index.doc
    if not is_plural_title(title):
        return []
    i = title.start
    while i > 0 and (doc[i - 1].lower_ in LIST_TITLE_WORDS or index.ref_at(i - 1) is not None
                     and index.ref_at(i - 1).kind == "country"  # type: ignore[union-attr]
                     or doc[i - 1].lower_ == "and" and i - 2 >= 0 and index.ref_at(i - 2) is not None):
        i -= 1
    if i < 2 or doc[i - 1].text != ",":
        return []
    names: list[Mention] = []
    j = i - 1  # the comma
    while j > 0:
        here = index.mention_at(j - 1)
        if here is None or here.ref.kind != "person" or here.via != "name":
            break
        names.insert(0, here)
        j = here.start
        while j > 0 and (j - 1) in title_at_end:  # "Foreign Minister A and ..."
            j = title_at_end[j - 1].start
        if j > 0 and doc[j - 1].lower_ in {",", "and"}:
            j -= 1
            if j > 0 and doc[j - 1].text == "," and doc[j].lower_ == "and":
                j -= 1
            continue
        break
    if len(names) < 2 or len({n.ref for n in names}) < len(names):
        return []
    text, _ = _titled(index, title)
    _, qualifier, _, _ = _modifiers_before(index, title)
    of_list = _of_list(index, title.end)[0] or _plural_sides(index, title)
    if len(of_list) == len(names):
        owners: list[EntityRef | None] = list(of_list)
    else:
        owners = [of_list[0] if len(of_list) == 1 else None] * len(names)
    return [RoleFinding(name.ref.key, text, title.label_, title.start, title.end, owner, qualifier, apposed=True,
                        name_start=name.start, name_end=name.end, base=title.id_ if text != title.id_ else "")
            for name, owner in zip(names, owners, strict=True)]


def _of_list(index: DocIndex, i: int) -> tuple[list[EntityRef], int]:
    """The countries and bodies an "of" phrase at ``i`` lists ("of Chile, Peru and the AU"), and
    where the list ends (a comma after it is the list's own: ``i`` stays at the comma); none and
    ``i`` itself where no "of" phrase of actors stands there."""
    doc = index.doc
    if i >= len(doc) or doc[i].lower_ != "of":
        return [], i
    refs: list[EntityRef] = []
    k, end = i + 1, i
    while k < len(doc):
        here = index.mention_at(k)
        if here is not None and here.ref.kind in {"country", "organization"}:
            refs.append(here.ref)
            k = end = here.end
        elif doc[k].lower_ in {",", "and", "the"}:
            k += 1
        else:
            break
    return refs, end if refs else i


def is_reported(finding: RoleFinding) -> bool:
    """Whether a title is worth a role of its own.  Generic words ("head", "counterpart") are
    not, nor "the Belarusian leader"; a group's leader, official, representative or member
    is ("Front leader Ana Gil", "a Front official, Luis Tapia", "IAEA chief Rafael Ortiz")."""
    if finding.title not in GENERIC_TITLES:
        return True
    return finding.title in {"Leader", "Official", "Representative", "Member", "Head", "Chief"} \
        and finding.of is not None and finding.of.kind == "organization"


def _shortens(short: str, long_: str) -> bool:
    short_words, long_words = short.lower().split(), long_.lower().split()
    return len(short_words) < len(long_words) and all(w in long_words for w in short_words)


def _is_honorific(text: str) -> bool:
    from kg.reference import gazetteer

    return gazetteer.is_honorific(text)


def _before_name(index: DocIndex, mention: Mention, title_at_end: dict[int, Span]) -> list[RoleFinding]:
    doc, tokens = index.doc, index.tokens
    i = mention.start
    # Skip honorifics and a single comma: "Foreign Minister, Sheikh Sabah al-Sabah".
    while i > 0:
        # "H.E. Mr.", "His Majesty", "His Royal Highness": one to three words.
        width = next((w for w in (3, 2, 1) if i - w >= 0 and not tokens[i - w].is_punct
                      and _is_honorific(index.text_of(i - w, i))), 0)
        # "Mr. Ruiz": the abbreviation's full stop (never a sentence's end: "... minister. Ruiz").
        if width == 0 and (doc[i - 1].text in {"Mr", "Ms", "Mrs", "["} or doc[i - 1].text == "." and i >= 2
                           and _is_honorific(doc[i - 2].text)):
            width = 1
        if width == 0:
            break
        i -= width
    comma = i > 0 and doc[i - 1].text == ","
    if comma:
        i -= 1
    of_ref: EntityRef | None = None
    title = title_at_end.get(i)
    bracket = _bracketed_field(doc, i, title_at_end) if title is None else None
    if bracket is not None:
        title = title_at_end[bracket[0]]
    if title is None:
        # "President of the Republic of Ghana Kofi Mensah": an of-phrase between title and name.
        j = i - 1
        while j > 0 and i - j <= MAX_OF_TOKENS:
            if doc[j].lower_ in OF_WORDS and j in title_at_end:
                break
            if doc[j].is_punct and doc[j].text != "-" or doc[j].pos_ in {"VERB", "AUX"}:
                break
            j -= 1
        if not (j > 0 and i - j <= MAX_OF_TOKENS and doc[j].lower_ in OF_WORDS and j in title_at_end):
            # "The chairman of the Joint High-Level Panel for Peace, Ana Ruiz": a title with a
            # long of-phrase, set off by a comma.
            return _apposed_before(index, mention, title_at_end, i + 1) if comma else []
        # "made him president to Ruiz's prime minister": a name right after the of-word, or
        # one that owns what follows, is the post's counterpart, not its holder.
        if j + 1 == i or (mention.end < len(doc) and doc[mention.end].tag_ == "POS"):
            return []
        # "the UN's top official in Uganda, X": where the post is held is not whose it is
        of_ref = _actor_in(index, j + 1, i) if doc[j].lower_ != "in" else None
        if of_ref is not None and of_ref.kind == "organization" and any(_is_portfolio(index, k)
                                                                        for k in range(j + 1, i)):
            of_ref = None  # "State Minister for the Middle East X": the post's field, no side
        # "Sudanese delegate to the talks Omar Bakri": a phrase naming no actor may still sit
        # between title and name when it says what the post is for (never "of": "Minister of
        # Interior" is the title itself).
        if of_ref is None and not (doc[j].lower_ in {"to", "for", "at"} and all(
                t.pos_ in {"DET", "NOUN", "ADJ"} for t in doc[j + 1:i])) and _complement(index, j) != i:
            # "the U.S. special envoy for the Horn of Africa, X": a title set off by a comma
            # whose "for" phrase names a place, not a side.
            return _apposed_before(index, mention, title_at_end, i + 1) if comma else []
        title = title_at_end[j]
    if comma and (head := _head_title(doc, title, title_at_end)) is not title:
        title, of_ref = head, None
    findings = []
    chain = [title]
    k = title.start
    if title.id_ in WORN_RANKS and k in title_at_end and title_at_end[k].id_ not in WORN_RANKS:
        # "Sudanese army chief General X", "Saudi Foreign Minister Prince X": an office worn with
        # a rank; both are X's, and the office's words are its own (not "Chief General").
        chain.insert(0, title_at_end[k])
        k = title_at_end[k].start
    while k >= 2 and doc[k - 1].lower_ == "and":
        # (the earlier title may say what it is for: "Deputy Coordinator for the Peace Process and")
        earlier = title_at_end.get(k - 1) or _title_with_field_before(index, k - 1, title_at_end)
        if earlier is None:
            break
        chain.insert(0, earlier)
        k = earlier.start
    # "Qatari Deputy Prime Minister and Minister of Foreign Affairs X": the demonym and the
    # qualifier before the chain apply to every title in it.
    mod_of, qualifier, left, prefix = _modifiers_before(index, chain[0], title_at_end)
    if comma and _apposed_to_the_name_before(index, left):
        return []  # "A, foreign minister of Chile, B, ...": A's title, set off after A
    for n, span in enumerate(chain):
        role_title, destination = _titled(index, span)
        if n == 0 and prefix:
            role_title = _prefixed(prefix, role_title)
        if n == len(chain) - 1 and bracket is not None:  # (the editor's words, without the brackets)
            role_title = f"{role_title} {doc[bracket[0] + 1:bracket[1]].text}"
        own_of = of_ref if n == len(chain) - 1 and destination is None else None
        sides = _plural_sides(index, span)  # "Chilean and Peruvian foreign ministers A and B": A's is Chile
        of = own_of or _of_after_title(index, span) or (sides[0] if sides else mod_of)
        if of == mention.ref:  # "delegate to the talks Omar Bakri": no one's post is of themselves
            of = mod_of
        if of is None and n == len(chain) - 1:
            # "The chief mediator, Ali Omar of IGAD", "President Ana Ruiz of Chile"
            of = _actor_after(index, mention.end, countries=not comma)
        end = _end_of_of_phrase(doc, span.end) if comma and n == len(chain) - 1 else span.end
        findings.append(RoleFinding(mention.ref.key, role_title, span.label_, left if n == 0 else span.start,
                                    end, of, qualifier, apposed=comma, name_start=mention.start,
                                    name_end=mention.end, base=span.id_ if role_title != span.id_ else "",
                                    chained=n < len(chain) - 1))
    if not comma:
        findings.extend(_apposed_before(index, mention, title_at_end, left))
    return findings


MAX_BRACKET_TOKENS = 12


def _bracketed_field(doc: Doc, i: int, title_at_end: dict[int, Span]) -> tuple[int, int] | None:
    """'the EU Special Representative [for the Dialogue] Ana Ruiz': an editor's bracket between a
    title and the name adds what the post is for; where it opens and closes."""
    if i < 3 or doc[i - 1].text != "]":
        return None
    for k in range(i - 2, max(0, i - MAX_BRACKET_TOKENS) - 1, -1):
        if doc[k].text == "[":
            return (k, i - 1) if k in title_at_end and doc[k + 1].lower_ in {"of", "for", "to"} else None
    return None


def _title_with_field_before(index: DocIndex, end: int, title_at_end: dict[int, Span]) -> Span | None:
    """The title whose of- or for-phrase of a post's field ends at ``end``: "Deputy Special
    Coordinator | for the Horn of Africa Peace Process"."""
    for m in range(end - 2, max(0, end - MAX_OF_TOKENS) - 1, -1):
        if m in title_at_end and index.doc[m].lower_ in {"of", "for"}:
            return title_at_end[m] if _complement(index, m) == end else None
    return None


def _apposed_to_the_name_before(index: DocIndex, left: int) -> bool:
    """Whether a title phrase starting at ``left`` comes right after a name and a comma: "A, (the)
    foreign minister of Chile, B": then it is A's, whatever name follows it."""
    doc = index.doc
    k = left
    while k > 0 and doc[k - 1].lower_ in ARTICLES:
        k -= 1
    before = index.mention_at(k - 2) if k >= 2 and doc[k - 1].text == "," else None
    return before is not None and before.ref.kind == "person" and before.via == "name" and before.end == k - 1


def _listed_after_plural(index: DocIndex, mention: Mention, title_at_end: dict[int, Span]) -> list[RoleFinding]:
    """'Foreign Ministers Ana Ruiz and Luis Tapia': a plural title before a list of names is
    each name's; "Chilean and Peruvian foreign ministers A and B" gives each its country."""
    doc = index.doc
    names = [mention]
    i = mention.start
    while i >= 2 and doc[i - 1].lower_ in {"and", ","}:
        i -= 1
        if doc[i - 1].text == "," and doc[i].lower_ == "and":
            i -= 1
        before = index.mention_at(i - 1)
        if before is not None and before.ref.kind in {"country", "organization"} and before.start >= 1 \
                and doc[before.start - 1].lower_ == "of":
            before = index.mention_at(before.start - 2)  # "Ana Ruiz of Chile and ..."
        if before is None or before.ref.kind != "person" or before.via != "name":
            return []
        names.insert(0, before)
        i = before.start
    title = title_at_end.get(i)
    if len(names) < 2 or title is None or not is_plural_title(title):
        return []
    mod_of, qualifier, left, _ = _modifiers_before(index, title)
    sides = _plural_sides(index, title)
    of = sides[len(names) - 1] if len(sides) == len(names) else mod_of if not sides else None
    of = of or _actor_after(index, mention.end, countries=True)  # "... and Luis Tapia of Peru"
    text, _ = _titled(index, title)
    return [RoleFinding(mention.ref.key, text, title.label_, left, title.end, of, qualifier,
                        name_start=mention.start, name_end=mention.end,
                        base=title.id_ if text != title.id_ else "")]




def _plural_sides(index: DocIndex, title: Span) -> list[EntityRef]:
    """The countries listed before a plural title, in order: "Chilean and Peruvian (foreign
    ministers)"; none unless two or more."""
    doc = index.doc
    refs: list[EntityRef] = []
    i = title.start
    while i > 0:
        here = index.mention_at(i - 1)
        if here is None or here.ref.kind not in {"country", "organization"}:
            break
        refs.insert(0, here.ref)
        i = here.start
        if i > 1 and doc[i - 1].lower_ in {"and", ","}:
            i -= 1
            continue
        break
    return refs if len(refs) > 1 and is_plural_title(title) else []


def _head_title(doc: Doc, title: Span, title_at_end: dict[int, Span]) -> Span:
    """The title a phrase set off by a comma is headed by: "The Personal Envoy of the
    Secretary-General for X, Y", "the chief of staff of the President, Y" and "the spokesperson
    for the Secretary-General, Y" name the envoy, the chief of staff and the spokesperson, not
    the principal their of-, for- or to-phrase names."""
    k = title.start - 1 if title.start > 0 and doc[title.start - 1].lower_ == "the" else title.start
    if k >= 2 and doc[k - 1].lower_ in {"of", "for", "to"} and (k - 1) in title_at_end:
        return title_at_end[k - 1]
    return title


def _apposed_before(index: DocIndex, mention: Mention, title_at_end: dict[int, Span],
                    left: int) -> list[RoleFinding]:
    """'The Kenyan commander in Somalia, General Joseph Okello': a title phrase set off by a comma
    before the name's own title names the same person."""
    doc = index.doc
    comma = left - 1
    if comma < 1 or doc[comma].text != ",":
        return []
    # An apposition closes with a comma (or the sentence's end); "the foreign minister,
    # President X and ..." is a list of two people.
    if mention.end < len(doc) and doc[mention.end].text not in {",", ".", ";", "–", "—", ":"}:
        return []
    # The title may be followed by a place or "of" phrase: "in Somalia", "for Chad", "of the
    # Joint High-Level Panel for Peace".
    for end in range(comma, max(0, comma - MAX_APPOSED_OF_TOKENS) - 1, -1):
        title = title_at_end.get(end)
        if title is None:
            continue
        between = doc[end:comma]
        if len(between) and (between[0].lower_ not in OF_WORDS or any(
                t.is_punct and t.text not in IN_NAME_PUNCT or t.pos_ in {"VERB", "AUX"} for t in between)):
            return []
        title = _head_title(doc, title, title_at_end)
        mod_of, qualifier, start, prefix = _modifiers_before(index, title, title_at_end)
        text, destination = _titled(index, title)
        text = _prefixed(prefix, text)
        of = mod_of or (_actor_in(index, end + 1, comma) if len(between) and between[0].lower_ in {
            "of", "to", "for"} and destination is None else None)
        findings = [RoleFinding(mention.ref.key, text, title.label_, start, comma, of, qualifier,
                                apposed=True, name_start=mention.start, name_end=mention.end,
                                base=title.id_ if text != title.id_ else "")]
        # "The Deputy Prime Minister and Foreign Minister of C, Senator X": each title of a chain
        while start >= 2 and doc[start - 1].lower_ == "and" and (first := title_at_end.get(start - 1)) is not None:
            first_of, first_qualifier, start, first_prefix = _modifiers_before(index, first, title_at_end)
            text, _ = _titled(index, first)
            text = _prefixed(first_prefix, text)
            findings.append(RoleFinding(mention.ref.key, text, first.label_, start, comma, first_of or of,
                                        first_qualifier, apposed=True, name_start=mention.start,
                                        name_end=mention.end, base=first.id_ if text != first.id_ else ""))
        return findings
    return []


def _after_name(index: DocIndex, mention: Mention, title_at_start: dict[int, Span],
                title_at_end: dict[int, Span] | None = None) -> list[RoleFinding]:
    doc = index.doc
    i = mention.end
    # "Ortiz, 64, the trade minister": the age is an apposition of its own
    if i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 2
    # set off by a comma, a bracket or a dash: "Ortiz (Chile's trade minister)", "Ortiz — the envoy —"
    if i >= len(doc) or doc[i].text not in APPOSITION_OPENERS:
        return []
    i += 1
    # "Ortiz, and Foreign Minister Gil": a list, not an apposition.
    if i < len(doc) and doc[i].lower_ in {"and", "or", "but"}:
        return []
    findings = []
    while i < len(doc):
        start = i
        qualifier: Qualifier = "current"
        while i < len(doc) and (doc[i].lower_ in ARTICLES or doc[i].lower_ in QUALIFIERS):
            qualifier = QUALIFIERS.get(doc[i].lower_, qualifier)
            i += 1
        mod_of = None
        prefix: list[str] = []
        # "Ortiz, Chile's former trade minister": an actor (of any length), its possessive
        # and qualifiers may stand before the title; "the lead French negotiator": the title's
        # own first word before the actor.
        j = i
        while j < len(doc) and j not in title_at_start and j - i < 6:
            mention_here = index.mention_at(j)
            if mention_here is not None and mention_here.ref.kind in {"country", "organization"}:
                mod_of = mention_here.ref
                j = mention_here.end
                continue
            if doc[j].lower_ in TITLE_PREFIX_WORDS and mod_of is None and index.mention_at(j + 1) is not None:
                prefix.append(doc[j].text)
            elif doc[j].lower_ in QUALIFIERS:
                qualifier = QUALIFIERS[doc[j].lower_]
            elif doc[j].tag_ == "POS" or doc[j].lower_ in {"'s", "’s"}:
                if mod_of is None and doc[j - 1].lower_ in GROUP_NOUNS and doc[j - 2].lower_ == "the":
                    mod_of = _described_group(index, j - 1)  # "X, the group's leader"
            elif doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX", "CCONJ", "SCONJ"} or \
                    doc[j].pos_ == "ADP" and doc[j].lower_ != "of":
                break  # "Ruiz, along with fellow envoys": not a title of Ruiz ("one of eight MPs" is)
            elif doc[j].pos_ == "NOUN" and j + 1 < len(doc) and doc[j + 1].lower_ == "of":
                break  # "Ruiz, a critic (the wife) of the president": the title is another's
            j += 1
        title = title_at_start.get(j)
        owner = ""
        if title is not None and _possessive(doc, title.end):
            # "Ortiz (the Secretary-General's envoy)": a title with a possessive is another's; the
            # post after it, named by its owner's office, is the name's.
            k = title.end + 1
            while k < len(doc) and k not in title_at_start and doc[k].lower_ in TITLE_PREFIX_WORDS \
                    and k - title.end <= 3:
                k += 1
            owned = title_at_start.get(k)
            if owned is None or _held_there(index, title) or _possessive(doc, owned.end):
                break
            # (the owner's body, "the UN Secretary-General's envoy", is whose the post is)
            mod_of = mod_of or next((m.ref for i in range(title.start, title.end) if (m := index.mention_at(i))
                                     is not None and m.ref.kind in {"country", "organization"}), None)
            owner, title = _owner_words(title), owned
        if title is None:
            break
        if title.root.tag_ in {"NNS", "NNPS"} and not any(t.lower_ in {"one", "among"} for t in doc[start:j]):
            # "At the invitation of C's president X, the leaders of A and B met": a plural title
            # names no one person (but "X, one of the negotiators" does)
            break
        if j - 1 >= i and doc[j - 1].lower_ in TITLE_PREFIX_WORDS and doc[j - 1].text not in prefix:
            prefix.append(doc[j - 1].text)  # "the UN's top | official"
        # "During a call with Nino Beridze, Armenian Prime Minister Davit Arakelyan agreed" and
        # "Ortiz, and the envoy, Ana Gil": the title belongs to the name after it.
        after = _end_of_of_phrase(doc, title.end)
        # "In a call with Luis Tapia, the Foreign Minister said": the subject of its own verb,
        # with no comma closing it, is no apposition of the name before.
        if after < len(doc) and doc[after].pos_ in {"VERB", "AUX"} and doc[title.end - 1].dep_ in SUBJECT_DEPS:
            break
        # (a comma closing the phrase before the next name: "A, foreign minister of Chile, B, ..." lists
        # names with their titles)
        closed = after < len(doc) and doc[after].text == ","
        after += closed
        while after < len(doc) and _is_honorific(doc[after].text):
            after += 1
        following = index.mention_at(after) if after < len(doc) else None
        if following is not None and following.ref.kind == "person" and following.via == "name" and not closed:
            break
        text, destination = _titled(index, title)
        text = _prefixed(prefix, text) if prefix else text
        text = f"{owner} {text}" if owner else text
        of = _of_after_title(index, title) or mod_of
        findings.append(RoleFinding(mention.ref.key, text, title.label_, start,
                                    _end_of_of_phrase(doc, title.end), of, qualifier, apposed=True,
                                    name_start=mention.start, name_end=mention.end,
                                    base=title.id_ if text != title.id_ else ""))
        i = _end_of_of_phrase(doc, title.end)
        if i < len(doc) and doc[i].lower_ == "and":
            i += 1
            continue
        break
    return findings


def _possessive(doc: Doc, i: int) -> bool:
    return i < len(doc) and (doc[i].tag_ == "POS" or doc[i].lower_ in {"'s", "’s"})


def _held_there(index: DocIndex, title: Span) -> bool:
    """Whether a person is named (or stands) in a title's words: "President Ruiz's", "the
    President's" where kg made the office a holder."""
    return any((m := index.mention_at(i)) is not None and m.ref.kind == "person" for i in range(title.start, title.end))


def _owner_words(owner: Span) -> str:
    """An office that owns a post, as the text words it: "Secretary-General's"."""
    return f"{owner.text}'s"


def _modifiers_before(index: DocIndex, title: Span, title_at_end: dict[int, Span] | None = None,
                      ) -> tuple[EntityRef | None, Qualifier, int, list[str]]:
    """Country, organisation or possessor before a title, a qualifier ("former"), where the
    phrase starts, and the title's own words before the actor ("the lead French negotiator");
    with ``title_at_end``, an office that owns the post and no one holds there ("the UN
    Secretary-General's envoy") joins those words, its own words as the text has them."""
    doc = index.doc
    of: EntityRef | None = None
    qualifier: Qualifier = "current"
    prefix: list[str] = []
    i = _field_start(title)
    while i > 0:
        prev = doc[i - 1]
        if prev.lower_ in TITLE_PREFIX_WORDS and (of is not None or i == title.start):
            prefix.insert(0, prev.text)
            i -= 1
            continue
        ref = index.ref_at(prev)
        mention = index.mention_at(prev)
        if mention is not None and _is_honorific(doc[mention.start:mention.end].text):
            break  # "H.E. Ambassador X": a title of address, not whose the title is
        if ref is not None and ref.kind in {"country", "organization", "person"}:
            assert mention is not None
            if of is None:
                of = ref
            i = mention.start
            continue
        if prev.tag_ == "POS" or prev.lower_ in {"'s", "’s"}:
            if of is None and i >= 3 and doc[i - 2].lower_ in GROUP_NOUNS and doc[i - 3].lower_ == "the":
                of = _described_group(index, i - 2)  # "the group's leader"
            owner = title_at_end.get(i - 1) if title_at_end is not None and of is None and not prefix else None
            if owner is not None and not _held_there(index, owner):
                prefix.insert(0, _owner_words(owner))
                i = owner.start
                continue
            i -= 1
            continue
        if prev.lower_ in QUALIFIERS:
            qualifier = QUALIFIERS[prev.lower_]
            i -= 1
            continue
        if prev.lower_ == "whose" and of is None:
            of = _whose_antecedent(index, prev)
            break
        if prev.lower_ in {"his", "her"} and of is None and title.root.lower_ not in OTHERS_TITLES:
            of = index.owner(prev)  # "A ... his foreign minister, X": A's, as "A's foreign minister"
            break
        # "Intergovernmental Authority on Development (IGAD) Executive Secretary": a body's
        # acronym in brackets between its name and the title
        if prev.text == ")" and of is None and i >= 4 and doc[i - 3].text == "(" \
                and (body := index.mention_at(i - 4)) is not None and body.ref.kind == "organization":
            of = body.ref
            i = body.start
            continue
        if prev.text == "-" and i >= 2 and doc[i - 2].lower_ in {"ex", "then"}:  # "ex-president", "then-minister"
            qualifier = "former"
            i -= 2
            continue
        break
    return of, qualifier, i, prefix


# Titles a possessive person holds no power over: "his counterpart" is of another government.
OTHERS_TITLES = frozenset({"counterpart", "counterparts", "host", "guest", "rival", "predecessor", "successor"})
# Nouns that stand for an armed group or a party named before: "the group's leader".
GROUP_NOUNS = frozenset({"group", "movement", "rebels", "militia", "party", "front", "faction"})
GROUP_KINDS = frozenset({"armed_group", "political"})


def _described_group(index: DocIndex, noun: int) -> EntityRef | None:
    """The organisation "the group" stands for: the latest one named before it, if an armed
    group or a party."""
    mentions = index.mentions  # (in order of start, as index_entities leaves them)
    at = bisect_right(mentions, noun, key=_mention_start)
    for mention in reversed(mentions[:at]):
        if mention.ref.kind == "organization":
            org = index.orgs.get(mention.ref.key)
            return mention.ref if org is not None and org.kind in GROUP_KINDS else None
    return None


def _mention_start(mention: Mention) -> int:
    return mention.start


def _whose_antecedent(index: DocIndex, whose: Token) -> EntityRef | None:
    """The organisation or country 'whose' stands for: "the Front, whose leader X ..."."""
    node = whose.head
    for _ in range(4):  # (up the relative clause to the verb it hangs on the antecedent by)
        if node.dep_ == "relcl":
            ref = index.ref_at(node.head)
            return ref if ref is not None and ref.kind in {"organization", "country"} else None
        if node.head.i == node.i:  # (the root)
            break
        node = node.head
    return None


def _field_start(title: Span) -> int:
    """Where a generic title's field begins: "human rights | chief", "aid | chief", "refugee
    agency | head" (lower-case words modifying the title), "African | expert".  Other titles
    begin where they do."""
    doc = title.doc
    i = title.start
    if title.id_ not in FIELD_TITLES:
        return i
    from kg.reference.gazetteer import TITLE_QUALIFIERS

    while i > 0:
        word = doc[i - 1]
        # a noun of the field, or an adjective of one of its nouns ("human | rights"), never
        # of the title itself ("the powerful chief")
        # (an expert's field may be a proper name or its adjective: "African expert", "Sudan analyst")
        named_field = title.id_ in NAMED_FIELD_TITLES and word.is_title and word.pos_ in {"ADJ", "PROPN"} \
            and i - 1 < word.head.i < title.end
        # (or an adjective of a field that heads it: "humanitarian | chief", not "powerful chief")
        if not (word.is_alpha and word.dep_ in {"compound", "amod"} and (named_field or word.is_lower and (
                word.pos_ == "NOUN" and i - 1 < word.head.i < title.end
                or word.pos_ == "ADJ" and (i - 1 < word.head.i < title.start
                                           or word.lower_ in FIELD_ADJECTIVES and i - 1 < word.head.i < title.end)))):
            break
        if word.lower_ in QUALIFIERS or word.lower_ in TITLE_QUALIFIERS or word.lower_ in DESCRIPTIVE_WORDS \
                or word.lower_ in TITLE_PREFIX_WORDS:
            break
        i -= 1
    return i


def _prefixed(prefix: list[str], title: str) -> str:
    """'Lead' and 'Negotiator': the title's own words set apart from it by an actor."""
    return " ".join([*(w[:1].upper() + w[1:] for w in prefix), title])


def _of_after_title(index: DocIndex, title: Span) -> EntityRef | None:
    doc = index.doc
    i = title.end
    if i < len(doc) and doc[i].lower_ in {"of", "to", "for"} and _destination(index, title) is None:
        if _is_portfolio(index, i + 1):
            return None  # "Cabinet Secretary for Foreign Affairs": the post's field, no side
        return _actor_in(index, i + 1, _end_of_of_phrase(doc, title.end))
    return None


def _is_portfolio(index: DocIndex, i: int) -> bool:
    """A field the model took for an organisation: "(Secretary for) Foreign Affairs", "(Commissioner
    for) Peace and Security" -- a name of its own (not from kg's tables) with no body's noun in it."""
    mention = index.mention_at(i)
    if mention is None or mention.via != "ner" or mention.ref.kind != "organization":
        return False
    words = {t.lower_ for t in index.doc[mention.start:mention.end]}
    return words <= PORTFOLIO_WORDS


def _actor_after(index: DocIndex, i: int, *, countries: bool) -> EntityRef | None:
    """The organisation (or country) of an "of X" right after a name: "Ali Omar of IGAD"."""
    doc = index.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        mention = index.mention_at(j) if j < len(doc) else None
        if mention is None or mention.ref.kind not in ({"organization", "country"} if countries
                                                       else {"organization"}):
            return None
        # The phrase ends with the actor: "of Chile", not "of Chile's northern region" (a
        # date after it is no part of it: "spoke to President X of Chile today (on Monday)").
        end = mention.end
        if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].pos_ in {"NOUN", "PROPN"}) \
                and doc[end].ent_type_ not in {"DATE", "TIME"}:
            return None
        return mention.ref
    return None


def _destination(index: DocIndex, title: Span) -> tuple[str, EntityRef] | None:
    """The country a post is sent to: ("to", Peru) for "Ambassador to Peru"."""
    doc = index.doc
    i = title.end
    if i >= len(doc) or doc[i].lower_ not in DESTINATION_PREPS or title.id_.split()[-1].lower() not in \
            DESTINATION_HEADS:
        return None
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j + 1 < len(doc) and index.mention_at(j) is None and doc[j].lower_ in COMPASS_WORDS:
        j += 1  # "Representative for Northern Uganda": a part of the country
    mention = index.mention_at(j)
    if mention is None:
        return None
    # "Ambassador to the African Union": a post sent to an international body
    org = index.orgs.get(mention.ref.key) if mention.ref.kind == "organization" else None
    to_a_body = org is not None and org.kind == "international" and doc[i].lower_ == "to"
    if mention.ref.kind != "country" and not to_a_body:
        return None
    return doc[i].lower_, mention.ref


def _titled(index: DocIndex, title: Span) -> tuple[str, EntityRef | None]:
    """The title as reported, with its destination ("Special Envoy for Yemen") or what it is
    for ("Assistant Secretary-General for Humanitarian Affairs"), and the destination."""
    destination = _destination(index, title)
    written = as_written(_without_its_body(index, title))
    fields = index.doc[_field_start(title):title.start]
    if len(fields):
        written = " ".join([*(t.text[:1].upper() + t.text[1:] for t in fields), written])
    if destination is None:
        complement = _complement(index, title.end, sides_inside=title.id_ in FIELD_TITLES)
        # "Minister of State for Central Asia, the Caucasus and Eastern Europe": a list of fields
        if complement is not None or any(t.lower_ in {"of", "for"} for t in title[1:]):
            complement = _listed_fields_end(index, complement or title.end) or complement
        if not complement:
            return written, None
        rest = index.doc[title.end:complement].text
        return f"{written}{'' if rest.startswith(',') else ' '}{rest}", None
    prep, ref = destination
    listed = _listed_destinations_end(index, title.end)
    if listed is not None:  # "Special Representative for Chad and Niger", as written
        return f"{written} {index.doc[title.end:listed].text}", ref
    part = title.end + 1 + (index.doc[title.end + 1].lower_ == "the")
    if index.mention_at(part) is None:  # "Representative for Northern Uganda", as written
        place = index.mention_at(part + 1)
        if place is not None:
            return f"{written} {index.doc[title.end:place.end].text}", ref
    if ref.kind == "organization":  # "Ambassador to the African Union", as written
        place = index.mention_at(title.end + 1) or index.mention_at(title.end + 2)
        if place is not None:
            return f"{written} {index.doc[title.end:place.end].text}", ref
    return f"{written} {prep} {index.label(ref)}", ref


MAX_FIELD_WORDS = 4


def _listed_destinations_end(index: DocIndex, i: int) -> int | None:
    """The end of a post's list of the countries (and regions) it is sent to: "(Envoy) for Chad and
    Niger", "for Chad and the Sahel"."""
    doc = index.doc
    first = index.mention_at(i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the"))
    if first is None or first.ref.kind != "country" or first.end + 1 >= len(doc) or doc[first.end].lower_ != "and":
        return None
    second = index.mention_at(first.end + 1 + (doc[first.end + 1].lower_ == "the"))
    return second.end if second is not None and second.ref.kind in {"country", "place"} else None


def _without_its_body(index: DocIndex, title: Span) -> Span:
    """A table's title without the body it names, which is whose the post is (no word of the title):
    "(African Union Commission) Chairperson", "Chairperson (of the African Union Commission)",
    "(WHO) Director-General"."""
    doc = index.doc
    first = index.mention_at(title.start)
    if first is not None and first.ref.kind == "organization" and first.start == title.start < first.end < title.end:
        return Span(doc, first.end, title.end, label=title.label_, span_id=title.id_)
    last = index.mention_at(title.end - 1)
    if last is not None and last.ref.kind == "organization" and title.start < last.start and last.end == title.end:
        k = last.start - (doc[last.start - 1].lower_ == "the")
        if k - 1 > title.start and doc[k - 1].lower_ == "of":
            return Span(doc, title.start, k - 1, label=title.label_, span_id=title.id_)
    return title


def _listed_fields_end(index: DocIndex, i: int) -> int | None:
    """The end of a list of further fields after a post's field: "(Minister of Foreign Affairs)
    | , Cooperation and Nationals Abroad", "(for the Middle East) | , Asia and the Pacific".
    Each field is a few capitalised words (after "the" perhaps), the last after "and"; the list
    ends where no capitalised word follows (a name would: "... and Africa Harriet Dunmore" is no
    list), and holds no person."""
    doc = index.doc
    k, last = i, False
    while k < len(doc) and not last and doc[k].text in {",", "and"}:
        k += 1
        if doc[k - 1].text == "," and k < len(doc) and doc[k].lower_ == "and":
            k += 1
        last = doc[k - 1].lower_ == "and"
        start = k
        while k < len(doc) and k - start < MAX_FIELD_WORDS and (
                doc[k].is_alpha and doc[k].text[:1].isupper() or doc[k].lower_ == "the"
                or k > start and doc[k].lower_ == "of"):
            here = index.mention_at(k)
            if doc[k].ent_type_ == "PERSON" or here is not None and here.ref.kind == "person":
                return None
            k += 1
        if k == start or doc[k - 1].lower_ in {"of", "the"}:
            return None
    if not last or k < len(doc) and (doc[k].text[:1].isupper() or doc[k].ent_type_ == "PERSON"):
        return None
    return k


def _complement(index: DocIndex, i: int, *, sides_inside: bool = False) -> int | None:
    """The end of a phrase after a title that says what the post is for and names no side:
    "for Humanitarian Affairs", "of the North", "in the climate talks", "of the bargaining team".

    Not a side ("for the rebels", "of Chile"), nor the state itself ("of the Republic"), nor a
    destination ("delegate to the talks").
    """
    doc = index.doc
    if i >= len(doc) or doc[i].lower_ not in COMPLEMENT_PREPS:
        return None
    j = i + 1
    while j < len(doc) and j - i <= MAX_OF_TOKENS:
        token = doc[j]
        here = index.mention_at(j)
        if here is not None and _is_portfolio(index, j):
            j = here.end
            continue
        if here is not None and here.ref.kind in {"country", "organization"}:
            # "head of the Kenyan government negotiating team": a side modifying the body
            if sides_inside and (here.via == "delegation" or here.end < len(doc) and doc[here.end].is_lower
                                 and doc[here.end].pos_ in {"NOUN", "ADJ"}):
                j = here.end
                continue
            # "president of the Kenyan senate": a country's adjective before a body of it
            if here.ref.kind == "country" and here.via == "demonym" \
                    and here.end < len(doc) and doc[here.end].is_lower and doc[here.end].pos_ in {"NOUN", "ADJ"}:
                j = here.end
                continue
            # "head of Egypt's intelligence service": the country owning the body
            if here.ref.kind == "country" and here.end + 1 < len(doc) and doc[here.end].tag_ == "POS" \
                    and doc[here.end + 1].is_lower and doc[here.end + 1].pos_ in {"NOUN", "ADJ"}:
                j = here.end + 1
                continue
            return None  # "a spokesman for the Southern | Liberation Front": a side's name
        if here is not None and here.ref.kind != "place" or token.is_punct and token.text != "-" or token.lower_ in {
                "who", "which", "that", "and", "or"} and not _joins_a_name(doc, j):
            break
        if token.lower_ == "and" and j + 1 in index.title_tokens():
            break  # "for the Peace Process | and Humanitarian Coordinator": a second title
        if token.pos_ in {"VERB", "AUX", "PRON", "NUM", "ADV"} and token.dep_ not in {"amod", "compound"}:
            break
        if token.pos_ == "ADP" and token.lower_ != "of":
            break
        j += 1
    phrase = doc[i + 1:j]
    if any(t.ent_type_ in NUMERIC_ENTS for t in phrase) or doc[i].lower_ == "in" and phrase[-1:].text[:1].isupper():
        return None  # "foreign minister in March", "commander in Kivu": when and where, not what for
    nouns = [t for t in phrase if t.pos_ in {"NOUN", "PROPN"}]
    if not nouns or phrase[-1].pos_ not in {"NOUN", "PROPN"} or phrase[-1].lower_ == "of":
        return None
    head = phrase[-1]
    if head.lower_ in STATE_NOUNS or head.tag_ in {"NNS", "NNPS"} and head.lower_ not in PLURAL_COMPLEMENTS:
        return None
    if index.ends_title(head):
        return None  # "spokesperson for the Secretary-General": whose the post is, not what it is for
    return j


def _joins_a_name(doc: Doc, j: int) -> bool:
    """'Peace and Security': "and" between two capitalised words of one name."""
    return doc[j].lower_ == "and" and 0 < j < len(doc) - 1 and doc[j - 1].text[:1].isupper() and \
        doc[j + 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j + 1].is_alpha


def as_written(title: Span) -> str:
    """The title in the words the text uses for it, which a reader would quote: "Spokeswoman"
    (the table's Spokesperson), "Home Affairs Minister" (Interior Minister), "Minister of
    State for Europe", "MP"; the table's words only for the short forms of ranks ("Lt. Gen."
    is Lieutenant General).  The table's form stays the title's key (``RoleFinding.base``)
    for matching references."""
    text = title.text
    if text.isupper() and len(text) <= 4 and text.isalpha():
        return text
    if text.endswith("s") and text[:-1].isupper() and len(text) <= 5 and text[:-1].isalpha():
        return text[:-1]  # a plural abbreviation, "MPs"
    words = text.split()
    if is_plural_title(title):  # "Foreign Ministers A and B": each is a Foreign Minister
        words[-1] = title.id_.split()[-1]
    if any("." in p or p in RANK_ABBREVIATIONS for w in words for p in w.lower().split("-")):
        return title.id_
    if words[-1].lower() in SPEAKER_WORDS and any(w.lower() in SPEAKING_BODIES for w in words[:-1]):
        # "Foreign Ministry spokesperson", "army spokesman": the body whose spokesperson it is
        # says whose the post is, not what it is
        words = [w for w in words[:-1] if w.lower() in DEPUTY_WORDS | TITLE_PREFIX_WORDS] + words[-1:]
    # (qualifiers and descriptive words are no part of the title: "close aide", "acting minister")
    return _capitalised([w for w in words if w.lower() not in QUALIFIERS and w.lower() not in DESCRIPTIVE_WORDS]
                        or words)


SPEAKER_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman"})
# Bodies a spokesperson speaks for, named in the title: "Foreign Ministry spokesperson".
SPEAKING_BODIES = frozenset({"ministry", "department", "kremlin", "pentagon", "army", "military", "government",
                             "police", "un", "office", "embassy", "mission"})
# Short forms of ranks the table spells out: "Lt. Gen.", "Brig", "Col".
RANK_ABBREVIATIONS = frozenset({"lt", "sgt", "cpl", "cdr", "cmdr", "gen", "col", "brig", "adm", "maj", "capt"})


def _capitalised(words: list[str]) -> str:
    """A title's words with capitals, the small words inside it excepted ("Minister of State
    for Europe", "Chargé d'Affaires", "Secretary-General", "Minister-designate"); an acronym
    ("EU") stays as it is, a word in capitals ("SECRETARY") does not."""
    return " ".join(w.lower() if n and w.lower() in SMALL_WORDS
                    else "-".join(_capital(p, k) for k, p in enumerate(w.split("-")))
                    for n, w in enumerate(words))


def _capital(part: str, k: int) -> str:
    """One word (or a hyphenated word's part) of a title, with its capital."""
    if part.isupper() and len(part) > 4:
        part = part.lower()
    if k and part.lower() in QUALIFIER_SUFFIXES or part[:2].lower() == "d'":
        return part
    return part[:1].upper() + part[1:]


# Qualifiers a title takes after a hyphen, in lower case: "Prime Minister-designate", "President-elect".
QUALIFIER_SUFFIXES = frozenset({"designate", "elect"})


def _copular(index: DocIndex, mention: Mention, title_at_start: dict[int, Span]) -> list[RoleFinding]:
    """'Ortiz is the spokesman of the Front', 'Ortiz, who is Chile's trade minister and ...':
    a title stated by "be" for the name that is its subject; 'Chile named Ortiz as its envoy': a
    post given to the name that is the object."""
    doc = index.doc
    root = doc[mention.start:mention.end].root
    verbs = [c for c in root.children if c.dep_ == "relcl" and _states_a_post(c)
             and any(s.dep_ in {"nsubj", "nsubjpass"} and s.tag_ in {"WP", "WDT"} for s in c.children)]
    if root.dep_ in {"nsubj", "nsubjpass"} and _states_a_post(root.head):
        verbs.append(root.head)
    if root.dep_ == "dobj" and root.head.lemma_ in APPOINT_VERBS and not _states_a_post(root.head):
        verbs.append(root.head)  # (only its "as" phrase: "appointed her as envoy")
    findings = []
    for verb in verbs:
        # "is the envoy", "became foreign minister", "was appointed defence minister",
        # "serves as Kenya's ambassador"
        attrs = [c for c in verb.children if c.dep_ in {"attr", "oprd"}]
        attrs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and verb.lemma_ != "be"
                  for g in c.children if g.dep_ == "pobj"]
        attrs += [c for a in attrs for c in a.conjuncts]
        for attr in attrs:
            # The title phrase runs from the attribute's first modifier to the attribute.
            i = min([attr.i] + [c.i for c in attr.children if c.i < attr.i])
            # "who was foreign minister until 2019", "served as ambassador": a post held before
            qualifier: Qualifier = "former" if verb.lemma_ in {"be", "serve"} and verb.tag_ == "VBD" else "current"
            mod_of = None
            while i <= attr.i and i not in title_at_start:
                here = index.mention_at(i)
                if here is not None and here.ref.kind in {"country", "organization"}:
                    mod_of = here.ref
                    i = here.end
                    continue
                if doc[i].lower_ in {"its", "their"} and root.dep_ == "dobj":
                    mod_of = _subject_actor(index, verb)  # "Chile named Ortiz as its envoy"
                qualifier = QUALIFIERS.get(doc[i].lower_, qualifier)
                i += 1
            title = title_at_start.get(i)
            # (the attribute may head a title that runs on past it, "is Chile's minister of trade",
            # unless it is a generic word of belonging: "is one member of its team")
            if title is None or title.end - 1 != attr.i and (
                    not title.start <= attr.i < title.end or attr.lemma_.capitalize() in GENERIC_TITLES):
                continue
            text, destination = _titled(index, title)
            of = _of_after_title(index, title) or mod_of
            findings.append(RoleFinding(mention.ref.key, text, title.label_, title.start,
                                        _end_of_of_phrase(doc, title.end), of, qualifier,
                                        name_start=mention.start, name_end=mention.end,
                                        base=title.id_ if text != title.id_ else ""))
    return findings


def _subject_actor(index: DocIndex, verb: Token) -> EntityRef | None:
    """The country or body a verb's subject names, if any."""
    refs = [r for c in verb.children if c.dep_ == "nsubj" and (r := index.ref_at(c)) is not None
            and r.kind in {"country", "organization"}]
    return refs[0] if refs else None


def _states_a_post(verb: Token) -> bool:
    """'is', 'became', 'was appointed (named, elected)', 'serves as': a verb whose subject holds
    the post it names."""
    if verb.lemma_ in {"be", "become"} or verb.lemma_ in AS_VERBS:
        return True
    return verb.lemma_ in APPOINT_VERBS and any(c.dep_ == "auxpass" for c in verb.children)


def _end_of_of_phrase(doc: Doc, i: int) -> int:
    if i < len(doc) and doc[i].lower_ in {"of", "to", "for"}:
        j = i + 1
        while j < len(doc) and j - i <= MAX_OF_TOKENS and doc[j].text not in {",", ";", "and", ".", "–", "—"} \
                and doc[j].pos_ not in {"VERB", "AUX"} and not (doc[j].lower_ in PHRASE_ENDING_PREPS and j > i + 1) \
                and not (doc[j].lower_ == "to" and doc[i].lower_ == "of"):  # "of Kenya | to the UN"
            j += 1
        return j
    return i


def _actor_in(index: DocIndex, start: int, end: int) -> EntityRef | None:
    """The person, else the organisation, else the country a token range names.

    "an aide to Chilean President Ruiz" is Ruiz's aide, not Chile's.
    """
    refs = [index.ref_at(i) for i in range(start, end)]
    for kind in ("person", "organization", "country"):
        for ref in refs:
            if ref is not None and ref.kind == kind:
                return ref
    return None


def apply_roles(index: DocIndex, findings: list[RoleFinding]) -> None:
    """Give people the country or organisation their roles are of."""
    # (a plural title several hold, "the foreign ministers of A and B, X and Y", stands for them all)
    holders: dict[tuple[int, int], list[str]] = {}
    for finding in findings:
        holders.setdefault((finding.start, finding.end), []).append(finding.person)
    for (start, end), persons in holders.items():
        persons = list(dict.fromkeys(persons))
        for i in range(start, end):
            if index.doc[i].pos_ in {"NOUN", "PROPN"}:
                if len(persons) > 1:
                    index.title_holders.setdefault(i, persons)
                else:
                    index.title_owner.setdefault(i, persons[0])
    for finding in findings:
        person = index.persons.get(finding.person)
        if person is None:
            continue
        of = finding.of
        country = None
        if of is not None and of.kind == "country":
            country = of.key
        elif of is not None and of.kind == "organization":
            org = index.orgs.get(of.key)
            if org is not None and org.kind not in {"international", "media"} and person.organization is None:
                person.organization = of.key
            country = org.country if org is not None and org.kind != "international" else None
        person.titles.append((finding.title, country))
        if finding.base:
            person.titles.append((finding.base, country))
        # "President of the Kenyan senate", "President of the North": a leader of something less
        # than the state (a complement the table's title lacks)
        lesser = bool(finding.base) and bool(set(finding.title.lower().split()) & COMPLEMENT_PREPS) and not (
            set(finding.base.lower().split()) & COMPLEMENT_PREPS)
        if finding.category in LEADER_CATEGORIES and finding.qualifier != "former" and not lesser and not (
                set(finding.title.lower().split()) & DEPUTY_WORDS):
            person.leader = True
        words = {t.lower_ for t in index.doc[finding.start:finding.end]}
        if words & FEMALE_WORDS:
            person.female = True
        elif words & MALE_WORDS:
            person.female = False
        if finding.qualifier == "current" and country is None and of is None:
            country = _country_of_title(finding.title)
        if finding.qualifier == "current" and country and not person.country:
            person.country = country
    for finding in findings:
        person = index.persons.get(finding.person)
        if person is None or person.country or finding.of is None or finding.of.kind != "person":
            continue
        other = index.persons.get(finding.of.key)
        if other is not None and other.country:
            person.country = other.country
    for finding in findings:
        person = index.persons.get(finding.person)
        if person is not None and person.country is None and finding.qualifier == "former":
            country = finding.of.key if finding.of is not None and finding.of.kind == "country" else None
            person.country = country


def _country_of_title(title: str) -> str | None:
    """The country whose government alone has ``title`` ("Secretary of State", "Under
    Secretary of State for Arms Control"), or None."""
    words = title.lower().split()
    if words and words[0] in ONE_COUNTRY_RANKS:
        words = words[1:]
    elif "for" in words:
        return None  # ("Secretary of State for Defence": Britain's)
    head = " ".join(words).split(" for ")[0]
    return ONE_COUNTRY_TITLES.get(head)
