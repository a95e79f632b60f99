"""Coreference by rule: titles used as names, counterparts, and pronouns.

No maintained coreference model for English installs from the registries kg can use,
so the simple, frequent cases of news are resolved here, after roles are known:

- a title used as a reference: "the Belarusian leader", "the Prime Minister",
  "His Majesty the King of Aland", "the Russian chief negotiator": the named person
  of the document holding that title (of that country), or else an unnamed
  office-holder ("Prime Minister of the United Kingdom"); in a government's own release
  a national office named with no country is the publisher's ("the Prime Minister" on GOV.UK);
- "his Kenyan counterpart": the person acting for Kenya;
- "he", "she", "him", "her" as subject or object: the latest person named in the same
  or the previous sentence.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from kg.nlp.entities import HEADLINE_VERBS, DocIndex, Mention, PersonInfo, fold, headline_end
from kg.nlp.gazetteer import TITLES_KEY
from kg.nlp.roles import DEPUTY_WORDS, GENERIC_TITLES, RoleFinding
from kg.records import EntityRef
from kg.reference import read_table

DETERMINERS = frozenset({"the", "his", "her", "their", "its", "our"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# "Armenia confirmed that it would hold talks": "it" stands for a country or organisation.
THING_PRONOUNS = frozenset({"it", "its"})
# "Qatar ... Its officials carried proposals": the people a country's or body's "its" names.
ITS_PEOPLE = frozenset({"official", "diplomat", "envoy", "negotiator", "mediator", "representative", "delegation",
                        "delegate", "minister", "leader"})
# "Qatar has suspended its mediation": what a country's or body's "its" mediates is its own.
ITS_ACTS = frozenset({"mediation", "facilitation"})
# "the Gulf state", "the kingdom", "the bloc": a description standing for the country or
# organisation told just before (see descriptions.tsv).
DESCRIPTIONS_TABLE = "descriptions.tsv"
# "his visit to Cairo": a possessive pronoun names who visits.
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "agent", "poss"})
# Categories of titles whose unnamed holder is worth a node of its own.
OFFICE_CATEGORIES = frozenset({
    "head_of_state", "head_of_government", "minister", "royal", "diplomat", "negotiator",
    "international", "military", "intelligence",
})
# Categories of posts of diplomacy: "the U.S. envoy" may name the U.S. negotiator named before.
DIPLOMACY_CATEGORIES = frozenset({"diplomat", "negotiator"})
# Categories of envoys: "the envoy" may be the "UN Special Envoy" named before.
ENVOY_CATEGORIES = frozenset({"diplomat", "international", "negotiator"})
# Categories of a government's own offices: in its release, "the Prime Minister" (the Foreign
# Secretary) with no country named is the publisher's.  Not a head of state's: "the President" on
# GOV.UK, "the King" on a US site are another country's.
HOME_CATEGORIES = frozenset({"head_of_government", "minister"})
# Categories whose unnamed holder needs a country to stand for anyone.
UNANCHORED_NOBODY = frozenset({"diplomat", "negotiator", "military", "intelligence"})
# Offices of the "official" category that are a country's own, one holder at a time, and
# take part in diplomacy ("Chad's national security adviser met ..."); the category's
# other titles (aides, directors, ministry officials) are too many to stand for one person.
OFFICE_TITLES = frozenset({
    "National Security Adviser", "Deputy National Security Adviser", "Secretary of the National Security Council",
    "Secretary of the Security Council", "Chief of Staff", "Cabinet Secretary", "Chief Cabinet Secretary",
    "Central Bank Governor", "Presidential Adviser", "Foreign Policy Adviser", "Diplomatic Adviser",
})
# Only these possessions name an actor of an event: "his visit", "her call with".
POSSESSED_EVENTS = frozenset({"visit", "trip", "tour", "call", "meeting", "talks", "mediation", "role", "efforts",
                              "effort", "arrival", "statement", "remarks", "counterpart", "spokeswoman",
                              "spokesman", "spokesperson", "office", "government", "administration"})
COUNTERPART_WORDS = frozenset({"counterpart", "counterparts"})
# "the rebels": the one armed group named before; "the government": the one government.
ARMED_DESCRIPTIONS = frozenset({"rebels", "insurgents", "militants", "guerrillas", "guerrilla", "paramilitaries",
                                "militia", "militias", "jihadists", "rebel", "group", "movement"})
GOVERNMENT_DESCRIPTIONS = frozenset({"government", "regime", "junta"})
# "the army": a state's forces, told apart from the armed group they face ("between the army and the Front").
ARMY_DESCRIPTIONS = frozenset({"army", "military"})
# "the federal government": the level of a government that still stands for its one country.
LEVEL_WORDS = frozenset({"federal", "central", "national", "transitional"})
# "I met ...": the speaker a heading names ("Remarks by X").
FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
SPEECH_NOUNS = frozenset({"statement", "remarks", "remark", "speech", "address", "briefing", "op-ed", "interview",
                          "message", "testimony", "readout", "intervention", "article", "keynote", "letter"})
QUOTES = frozenset({'"', "“", "”"})
TURN_LABEL_TOKENS = 5  # "SECRETARY OF STATE GIL:"
# '"We are mediating," X said': the verbs that attribute a quotation, and "we" in it.
REPORTING_VERBS = frozenset({"say", "tell", "add", "state", "declare", "stress", "note", "explain", "insist",
                             "write", "announce", "warn", "emphasise", "emphasize", "affirm", "reiterate"})
WE_PRONOUNS = frozenset({"we", "our"})
THIRD_PARTY_LEMMAS = frozenset({"mediate", "mediation", "facilitate", "facilitation", "broker", "host", "convene",
                                "relay", "convey", "shuttle", "mediator", "facilitator", "guarantor"})


def resolve_references(index: DocIndex, findings: list[RoleFinding], *, home: str | None = None) -> None:
    """Add mentions for title references, counterparts and pronouns to ``index``; ``home`` is the
    country whose government published the document, if one did (kg.reference.publishers)."""
    used = {i for f in findings for i in range(f.start, f.end)}
    _apposed_titles(index, findings)
    _title_references(index, used, home)
    _counterparts(index)
    _pronouns(index)
    _first_person(index)
    _quoted_we(index)
    _it_pronouns(index)
    _descriptions(index)
    _side_descriptions(index)
    index.sort_mentions()


def _apposed_titles(index: DocIndex, findings: list[RoleFinding]) -> None:
    """'spoke to the King of Aland, His Majesty Eric Lund': the title phrase set off
    by a comma names the same person, whichever of the two the parser makes the head."""
    doc = index.doc
    for finding in findings:
        if not finding.apposed:
            continue
        # From the title word on: "Ruiz's spokeswoman" keeps "Ruiz" for Ruiz.
        start = finding.start
        while start < finding.end and (start in index.by_token or doc[start].tag_ == "POS"
                                       or doc[start].lower_ in DETERMINERS):
            start += 1
        if start >= finding.end:
            continue
        index.replace(Mention(start, finding.end, EntityRef("person", finding.person), "apposition"))


def _title_references(index: DocIndex, used: set[int], home: str | None) -> None:
    from kg.reference import gazetteer

    doc = index.doc
    first_named = _first_named(index)  # (the names, before any reference is added)
    below = headline_end(doc)  # (a headline's titles may refer to people named below it)
    for title in doc.spans.get(TITLES_KEY, []):
        if any(i in used for i in range(title.start, title.end)) or title.start in index.by_token:
            continue
        start, country = _reference_start(index, title)
        if start is None or _vocative(index.doc, start, title) or _opens_a_name(index, title):
            continue
        of_country = _of_country(index, title)
        country = of_country or country
        if country is None and home is not None and title.label_ in HOME_CATEGORIES \
                and title.id_ not in GENERIC_TITLES and not _held_abroad(index, title.id_, home):
            country = home  # ("the Prime Minister" in a release of the UK government)
        end = _of_end(index, title) if of_country else title.end
        before = len(doc) if title.end <= below else title.start
        person = _holder(index, title.id_, title.label_, country, before, first_named)
        if person is None and country is None and title.start > 0 and doc[title.start - 1].lower_ == "visiting":
            person = _visiting(index, title.id_, title.label_, title.start)
        if person is None:
            if title.id_ in GENERIC_TITLES or (title.label_ not in OFFICE_CATEGORIES
                                               and title.id_ not in OFFICE_TITLES):
                continue
            # "the chief negotiator", "the commander": with no country, an office that many
            # hold at once names no one.
            if country is None and title.label_ in UNANCHORED_NOBODY:
                continue
            person = _unnamed(index, title.id_, country, gazetteer)
        index.replace(Mention(start, end, EntityRef("person", person.key), "title"))


def _held_abroad(index: DocIndex, title: str, home: str) -> bool:
    """Whether the document names a holder of ``title`` of another country than ``home``: "the
    Secretary met Prime Minister A of India ... the Prime Minister said" on a US site is A (a
    government that has no such office speaks of another's)."""
    return any(t == title and (c or person.country) not in {None, home}
               for person in index.persons.values() if person.name is not None for t, c in person.titles)


def _opens_a_name(index: DocIndex, title: Span) -> bool:
    """'the President Hotel', 'the King Fahd Cultural Center': a title that opens the proper
    name of something else (a word of a name follows it, naming no one), no one's title."""
    doc = index.doc
    after = doc[title.end] if title.end < len(doc) else None
    return after is not None and after.pos_ == "PROPN" and after.is_alpha and after.text[:1].isupper() \
        and after.i not in index.by_token and after.ent_type_ not in {"DATE", "TIME"} \
        and after.lower_ not in HEADLINE_VERBS


SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})


def _vocative(doc: Doc, start: int, title: Span) -> bool:
    """"Minister, did you speak with B?", "Mr. President, will you ...": a title that opens its
    sentence (after a speaker's label at most) and addresses someone, who is no one the
    document names by that title."""
    if title.end >= len(doc) or doc[title.end].text != "," or doc[start].lower_ in DETERMINERS:
        return False
    sent = doc[start].sent
    before = doc[sent.start:start]
    if any(not (t.is_punct or t.is_upper) for t in before):
        return False
    return any(t.lower_ in SECOND_PERSON for t in doc[title.end:sent.end])


def _reference_start(index: DocIndex, title: Span) -> tuple[int | None, str | None]:
    """Where a referring title phrase starts ('the Belarusian leader'), and its country."""
    from kg.reference import gazetteer

    doc = index.doc
    i = title.start
    country = None
    while i > 0:
        prev = doc[i - 1]
        ref = index.ref_at(prev)
        if ref is not None and ref.kind == "country":
            country = ref.key
            i = index.mention_at(prev).start  # type: ignore[union-attr]
            continue
        if prev.lower_ in {"former", "acting", "chief", "visiting"}:
            i -= 1
            continue
        break
    if i > 0 and doc[i - 1].lower_ in DETERMINERS:
        if country is None and doc[i - 1].lower_ in {"its", "his", "her"}:
            # "A sent its foreign minister to Z": A's (see DocIndex.owner)
            owner = index.owner(doc[i - 1])
            country = index.country_of(owner) if owner is not None else None
        return i - 1, country
    if i > 0 and gazetteer.is_honorific(doc[i - 1].text):
        return i - 1, country
    # "Prime Minister" opening a sentence, with no name after it.
    if (i == 0 or doc[i - 1].is_sent_start or doc[i].is_sent_start) and title.end < len(doc) \
            and index.ref_at(title.end) is None:
        return i, country
    # "... Call with Saudi Foreign Minister (of Chile)" ending a headline's line: no name after it either
    end = _of_end(index, title) if _of_country(index, title) else title.end
    if end < len(doc) and doc[end].is_space and "\n" in doc[end].text:
        return i, country
    return None, None


def _of_country(index: DocIndex, title: Span) -> str | None:
    doc = index.doc
    if title.end < len(doc) and doc[title.end].lower_ == "of":
        for i in range(title.end + 1, min(len(doc), title.end + 6)):
            ref = index.ref_at(i)
            if ref is not None and ref.kind == "country":
                return ref.key
            if doc[i].is_punct:
                break
    return None


def _of_end(index: DocIndex, title: Span) -> int:
    for i in range(title.end + 1, min(len(index.doc), title.end + 6)):
        mention = index.mention_at(i)
        if mention is not None and mention.ref.kind == "country":
            return mention.end
    return title.end


def _holder(index: DocIndex, title: str, category: str, country: str | None, before: int,
            first_named: dict[str, int] | None = None) -> PersonInfo | None:
    """The named person of this document who holds ``title`` (of ``country``)."""
    candidates = []
    for person in index.persons.values():
        if person.name is None:
            continue
        if title in GENERIC_TITLES:
            # "the Belarusian leader": the head of state or government of Belarus.
            fits = country is not None and person.country == country and person.leader
        else:
            fits = any(t == title and (country is None or c in {None, country}) for t, c in person.titles)
            fits = fits and (country is None or person.country in {None, country})
        if fits:
            candidates.append(person)
    if not candidates and title not in GENERIC_TITLES:
        # "Foreign Minister A arrived ... The minister met B": a title's head word alone is
        # the named holder of a title of the same kind it heads (not "the minister" for a
        # Prime Minister, nor "the president" for a Vice President); so are its head words
        # ("the UN Special Envoy for Yemen, A ... The Special Envoy met B").
        candidates = [p for p in index.persons.values() if p.name is not None
                      and (country is None or p.country in {None, country})
                      and any(_headed_by(t, title, category) for t, c in p.titles
                              if country is None or c in {None, country})]
        if candidates:  # (only one named before it)
            first = first_named if first_named is not None else _first_named(index)
            candidates = [p for p in candidates if first.get(p.key, before) < before]
    if not candidates and country is not None and category in DIPLOMACY_CATEGORIES:
        # "X, the lead U.S. negotiator, ... The U.S. envoy met ...": a post of diplomacy of a
        # country is the one named person of that country who holds such a post.
        from kg.reference import gazetteer

        candidates = [p for p in index.persons.values() if p.name is not None and p.country == country and any(
            (entry := gazetteer.lookup_title(t)) is not None and entry.category in DIPLOMACY_CATEGORIES
            for t, _ in p.titles)]
        if not candidates and category == "negotiator":
            # "The Ghanaian mediator asked both delegations back ... Ghana's deputy foreign
            # minister, X, has led the talks": one who negotiates for a country is the one person
            # of that country the document names, whatever their office
            candidates = [p for p in index.persons.values() if p.name is not None and p.country == country]
        return candidates[0] if len(candidates) == 1 else None
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        # The one named most recently before the reference.
        last = {m.ref.key: m.start for m in index.mentions if m.ref.kind == "person" and m.start < before}
        named = [p for p in candidates if p.key in last]
        if named:
            return max(named, key=lambda p: last[p.key])
    return None


def _visiting(index: DocIndex, title: str, category: str, before: int) -> PersonInfo | None:
    """'The visiting leader (minister)': the person named last before it who holds such a title
    (any leader for a generic one); the visit makes the country needless."""
    fitting = {p.key: p for p in index.persons.values() if p.name is not None and (
        p.leader if title in GENERIC_TITLES else any(t == title or _headed_by(t, title, category)
                                                     for t, _ in p.titles))}
    named = [m for m in index.mentions if m.ref.key in fitting and m.start < before]
    return fitting[max(named, key=lambda m: m.start).ref.key] if named else None


def _first_named(index: DocIndex) -> dict[str, int]:
    """Where each person is first named by name, found once per document."""
    first: dict[str, int] = {}
    for m in index.mentions:
        if m.ref.kind == "person" and m.start < first.get(m.ref.key, len(index.doc)):
            first[m.ref.key] = m.start
    return first


def _headed_by(held: str, head: str, category: str) -> bool:
    """Whether a held title ("Foreign Minister") is one a bare head word ("Minister") refers to:
    it ends with that word, names no deputy, and is of the same category; or it is that word
    of a portfolio ("Secretary of State", "Minister for Foreign Affairs": "the Secretary", "the
    Minister"), whatever the bare word's category.  A head of several words is read the same
    way ("UN Special Envoy", "Special Envoy for Yemen": "the Special Envoy")."""
    from kg.reference import gazetteer

    words = held.lower().split()
    heads = head.lower().split()
    n = len(heads)
    if len(words) <= n or DEPUTY_WORDS & set(words):
        return False
    of_portfolio = len(words) > n + 1 and words[:n] == heads and words[n] in {"of", "for"}
    if words[-n:] != heads and not of_portfolio:
        return False
    entry = gazetteer.lookup_title(held)
    return entry is not None and (of_portfolio or entry.category == category
                                  or {entry.category, category} <= ENVOY_CATEGORIES)


def _unnamed(index: DocIndex, title: str, country: str | None, gazetteer) -> PersonInfo:  # noqa: ANN001
    name = gazetteer.country_by_code(country).name if country and gazetteer.country_by_code(country) else None
    label = f"{title} of {name}" if name else title
    key = "office-" + "-".join(fold(label).replace("'", "").split())
    person = index.persons.get(key)
    if person is None:
        person = PersonInfo(key=key, name=None, label=label, tokens=(), country=country,
                            titles=[(title, country)])
        index.persons[key] = person
    return person


def _counterparts(index: DocIndex) -> None:
    """'his Belarusian counterpart(, Alexander Lukashenko)': the person acting for Belarus."""
    for token in index.tokens_in(COUNTERPART_WORDS):
        if token.i in index.by_token:
            continue
        country = None
        for child in token.children:
            ref = index.ref_at(child)
            if ref is not None and ref.kind == "country":
                country = ref.key
        after = _country_after(index, token)
        country = country or after
        appos = next((c for c in token.children if c.dep_ == "appos" and index.ref_at(c)), None)
        if appos is None and after is not None:
            # "his counterpart from Togo, X": the parse may hang the name on the country
            place = index.mention_at(index.doc[token.i + 2])
            named = index.doc[place.end - 1] if place is not None else index.doc[token.i + 2]
            # (or as its conjunct, with no "and" between)
            listed = not any(c.dep_ == "cc" for c in named.children)
            appos = next((c for c in named.children if (c.dep_ == "appos" or c.dep_ == "conj" and listed)
                          and (r := index.ref_at(c)) is not None and r.kind == "person"), None)
            if appos is not None:
                index.add(Mention(token.i, token.i + 1, index.ref_at(appos), "counterpart"))  # type: ignore[arg-type]
        if appos is not None:
            ref = index.ref_at(appos)
            if ref is not None and ref.kind == "person" and country and ref.key in index.persons:
                person = index.persons[ref.key]
                person.country = person.country or country
            continue
        if country is None:
            continue
        people = [p for p in index.persons.values() if p.country == country and p.name]
        if len(people) == 1:
            index.add(Mention(token.i, token.i + 1, EntityRef("person", people[0].key), "counterpart"))
        elif after is not None and token.lower_ == "counterpart":
            # "met his counterpart from Togo", whoever that is: the counterpart acts for Togo
            # (as "his Togolese counterpart" does), however the parser hangs "from Togo".
            index.add(Mention(token.i, token.i + 1, EntityRef("country", after), "counterpart"))


def _country_after(index: DocIndex, token: Token) -> str | None:
    """The country named right after "counterpart from" or "counterpart of"."""
    doc = index.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in {"from", "of"}:
        return None
    ref = index.ref_at(doc[token.i + 2])
    return ref.key if ref is not None and ref.kind == "country" else None


def _verb_of_object(pronoun: Token) -> Token | None:
    """The verb a pronoun is the object of: "thanked him"; "met with him", "held talks with him"
    (the object of a preposition on the verb or on the verb's own object)."""
    if pronoun.dep_ in {"dobj", "dative"}:
        return pronoun.head
    if pronoun.dep_ != "pobj":
        return None
    above = pronoun.head.head
    if above.pos_ in {"VERB", "AUX"}:
        return above
    return above.head if above.dep_ == "dobj" else None


def _with_its_verb(named: Token, subject: Token) -> bool:
    """Whether a name is the object of "with" in a phrase of the subject's own verb ("In talks
    with B, he ...", "During a call with B, she ...")."""
    return named.dep_ == "pobj" and named.head.lower_ == "with" and subject.head in named.ancestors


def _pronouns(index: DocIndex) -> None:
    doc = index.doc
    people = sorted((m for m in index.mentions if m.ref.kind == "person"), key=lambda m: m.start)
    starts = [m.start for m in people]  # (looked up by position: a long text names thousands)
    titles: list[Span] | None = None  # the document's titles in order, read once if needed
    for token in index.tokens_in(PRONOUNS):
        if token.dep_ not in PRONOUN_DEPS or token.i in index.by_token:
            continue
        sent = token.sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else None
        window_start = previous.start if previous is not None else sent.start
        female = token.lower_ in {"she", "her"}
        if token.dep_ == "poss" and token.head.lemma_ not in POSSESSED_EVENTS:
            continue
        candidates = [m for m in people[bisect_left(starts, window_start):bisect_left(starts, token.i)]
                      if _gender_fits(index.persons.get(m.ref.key), female)]
        # "During his visit to Cairo, President Odhiambo met ...": in a phrase put before its
        # clause, the pronoun looks ahead to the clause's subject, named after it.
        after = [m for m in people[bisect_left(starts, token.i + 1):bisect_left(starts, sent.end)]
                 if index.doc[m.start:m.end].root.dep_ in {"nsubj", "nsubjpass"}
                 and _gender_fits(index.persons.get(m.ref.key), female)][:1]
        if not candidates or (after and _in_fronted_phrase(token, index.doc[after[0].start:after[0].end].root)):
            candidates = after
        if token.dep_ in {"nsubj", "nsubjpass"}:
            # "In talks with B, he raised ...": whom the subject's own verb is done "with" is not the subject
            candidates = [m for m in candidates if not _with_its_verb(index.doc[m.start:m.end].root, token)]
        if not candidates and token.dep_ in {"nsubj", "nsubjpass"}:
            # "Kenya's foreign minister said he would mediate": the office a country's possessive
            # names stands for the country (see _country_offices), and so does its pronoun
            titles = list(doc.spans.get(TITLES_KEY, [])) if titles is None else titles
            office = _country_office_before(index, titles, window_start, token.i)
            if office is not None:
                index.add(Mention(token.i, token.i + 1, office, "pronoun"))
            continue
        if candidates:
            chosen = candidates[-1]
            if token.dep_ in {"nsubj", "nsubjpass"} and previous is not None and token.head.lemma_ not in \
                    SAYING_VERBS and all(m.start < sent.start for m in candidates) and not any(
                    t.lower_ in PRONOUNS for t in doc[sent.start:token.i]):
                # "A met B on Monday. On Tuesday he flew to C": a subject with no one named
                # before it in its sentence is the previous sentence's subject, not its object
                # (but "A said B could mediate. He says ..." may be either: the last named)
                subjects = [m for m in candidates if (noun := _subject_of(index.doc[m.start:m.end].root)) is not None
                            and noun.head == previous.root]
                chosen = subjects[0] if subjects else chosen
            if token.dep_ == "poss" and token.head.lemma_ in OWN_EFFORTS and not _credited_effort(token.head) \
                    and _on_the_main_clause(token.head):
                # "A flew to B for talks with C, the latest step in his effort to end the row":
                # one's own effort is the clause's doer's, not the last person named
                doers = [m for m in candidates if m.start >= sent.start
                         and index.doc[m.start:m.end].root.dep_ in {"nsubj", "nsubjpass"}
                         and index.doc[m.start:m.end].root.head == sent.root]
                chosen = doers[0] if doers else chosen
            ref = chosen.ref
            verb = _verb_of_object(token)
            if verb is not None:
                # "He thanked him", "She held talks with him": an object pronoun is not its own clause's subject
                subject = next((index.ref_at(c) for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and ref == subject:
                    others = [m for m in candidates if m.ref != subject]
                    if not others:
                        continue
                    # "A was greeted by B and went on to C, where D hosted him": the one told
                    # of as a subject before another named in passing
                    told_of = [m for m in others if index.doc[m.start:m.end].root.dep_ in {"nsubj", "nsubjpass"}]
                    ref = (told_of or others)[-1].ref
            elif token.dep_ == "poss" and _credited_effort(token.head):
                # "thanked him for his efforts": whose efforts are credited is who is thanked
                thanked = _credited_one(index, token.head)
                ref = thanked if thanked is not None and thanked.kind == "person" else ref
            mention = Mention(token.i, token.i + 1, ref, "pronoun")
            index.add(mention)
            if token.dep_ in {"nsubj", "nsubjpass"}:
                # "A met B. She then flew to C. On Monday she ...": a subject pronoun carries its
                # person on as the next sentence's subject
                at = bisect_left(starts, token.i)
                people.insert(at, mention)
                starts.insert(at, token.i)


def _subject_of(root: Token) -> Token | None:
    """The subject a name's root is or stands in: itself, or the subject noun it is apposed to
    ("U.S. envoy X arrived": the parse makes "envoy" the subject and X its apposition)."""
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return root
    if root.dep_ == "appos" and root.head.dep_ in {"nsubj", "nsubjpass"} and root.head.i < root.i:
        return root.head
    return None


def _country_office_before(index: DocIndex, titles: list[Span], start: int, end: int) -> EntityRef | None:
    """The country of the last title named by a country's possessive ("Kenya's foreign
    minister") between ``start`` and ``end``, a subject one first, where no one is named.
    ``titles`` are the document's title spans in order, looked up by position."""
    doc = index.doc
    offices = []
    first = bisect_left(titles, start, key=lambda s: s.start)
    for title in titles[first:bisect_left(titles, end, key=lambda s: s.start)]:
        if title.start < 2 or doc[title.start - 1].tag_ != "POS":
            continue
        ref = index.ref_at(doc[title.start - 2])
        if ref is not None and ref.kind == "country" and title.root.head.i != title.root.i:
            offices.append((title.root.dep_ in {"nsubj", "nsubjpass"}, title.start, ref))
    return max(offices, key=lambda o: o[:2])[2] if offices else None


# Verbs of saying: who "he says" is after a report of another's words is left to the last named.
SAYING_VERBS = frozenset({"say", "tell", "add", "state", "note", "insist", "claim", "warn", "argue", "explain"})
# Efforts one makes oneself ("his effort to end the row"), unless credited by another (the other
# possessed nouns of POSSESSED_EVENTS keep the last person named).
OWN_EFFORTS = frozenset({"effort", "efforts"})
# Verbs by which one credits, or stands behind, another's effort ("praised (backed) his efforts").
CREDITING_VERBS = frozenset({"praise", "thank", "commend", "welcome", "hail", "applaud", "support", "back",
                             "appreciate", "acknowledge", "salute", "laud"})


def _on_the_main_clause(noun: Token) -> bool:
    """Whether a noun phrase hangs on its sentence's main clause by phrases alone ("..., the
    latest step in his effort"), not inside a clause of its own or a quotation."""
    if any(t.text in QUOTES for t in noun.sent):
        return False
    current = noun
    while current.head != current:
        if current.dep_ in {"ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis", "conj", "acl"}:
            return False
        current = current.head
    return True


def _credited_one(index: DocIndex, noun: Token) -> EntityRef | None:
    """Who a verb of crediting credits for ``noun`` ("thanked X for his efforts": X)."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return next((index.ref_at(c) for c in verb.children if c.dep_ == "dobj" and index.ref_at(c) is not None), None)


def _credited_effort(noun: Token) -> bool:
    """Whether an effort noun is what a verb of crediting takes ("praised his efforts")."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    return head.lemma_ in CREDITING_VERBS


def _first_person(index: DocIndex) -> None:
    """"Remarks by Special Envoy Ana Gil" or "Statement by the Foreign Secretary, Tom
    Harris" heading a document: "I", "me" and "my" outside quotation marks are the speaker;
    in a transcript, the speaker of the turn ("SECRETARY GIL: ...") they are in."""
    index.heading_speaker = _speaker(index)
    index.turns = _turns(index)
    if index.heading_speaker is None and not index.turns:
        return
    marks = _quote_marks(index)
    for sent in index.sents:
        quoted: set[int] | None = None
        for token in sent:
            if token.lower_ not in FIRST_PERSON or token.dep_ not in PRONOUN_DEPS or token.i in index.by_token:
                continue
            speaker = index.speaker_at(token.i)
            if speaker is None:
                continue
            if token.dep_ == "poss" and token.head.lemma_ not in POSSESSED_EVENTS:
                continue
            quoted = _quoted(marks, sent) if quoted is None else quoted
            if token.i in quoted:
                continue  # in a quotation: somebody else's words
            index.add(Mention(token.i, token.i + 1, speaker, "pronoun"))


def _speaker(index: DocIndex) -> EntityRef | None:
    """The person a document's heading says is speaking: a speech noun ("statement",
    "remarks") then "by" (or "of") and the person, within the heading's first line."""
    doc = index.doc
    if not len(doc):
        return None
    first = next(iter(doc.sents))
    end = next((t.i for t in first if "\n" in t.text), first.end)
    heading = doc[first.start:end]
    speech = next((t for t in heading if t.lemma_.lower() in SPEECH_NOUNS), None)
    if speech is None:
        return None
    for mention in index.mentions:
        if mention.ref.kind == "person" and speech.i < mention.start < end and mention.via == "name" and any(
                t.lower_ in {"by", "of", "from"} for t in doc[speech.i + 1:mention.start]):
            return mention.ref
    return None


def _quoted_we(index: DocIndex) -> None:
    """'"We are continuing our mediation," Qatari spokesman X said': "we" and "our" inside a
    quotation, doing a third party's work, are the country or body its speaker speaks for (a
    person stated to act for one; "the ministry said" speaks for itself)."""
    doc = index.doc
    marks = _quote_marks(index)
    for sent in index.sents:
        inside = _quoted(marks, sent)
        if not inside:
            continue
        verbs = [t for t in sent if t.lemma_ in REPORTING_VERBS and t.pos_ == "VERB" and t.i not in inside]
        speaker = next((r for v in verbs for s in v.children if s.dep_ == "nsubj" and s.i not in inside
                        for r in index.actors_of_np(s)), None)
        if speaker is not None and speaker.kind == "person" and len(verbs) == 1:
            # '"I have spoken to both leaders," envoy X said': "I" is the one quoted
            for i in sorted(inside):
                token = doc[i]
                if token.lower_ in FIRST_PERSON and token.dep_ in PRONOUN_DEPS and i not in index.by_token and (
                        token.dep_ != "poss" or token.head.lemma_ in POSSESSED_EVENTS):
                    index.add(Mention(i, i + 1, speaker, "pronoun"))
                elif token.lower_ == "we" and token.dep_ == "nsubj" and token.head.lemma_ in MEETING_VERBS \
                        and i not in index.by_token:
                    # '"We met President B this morning," envoy X said': X was there
                    index.add(Mention(i, i + 1, speaker, "pronoun"))
        body = _body_of(index, speaker)
        if body is None:
            continue
        for i in sorted(inside):
            token = doc[i]
            if token.lower_ in WE_PRONOUNS and i not in index.by_token and _in_a_third_partys_work(token):
                index.add(Mention(i, i + 1, body, "pronoun"))
            elif token.lower_ == "our" and token.dep_ == "poss" and token.head.lower_ in OWN_BODY_NOUNS \
                    and token.head.i == i + 1 and i + 1 not in index.by_token and _in_a_third_partys_work(token.head):
                # '"Our country has hosted the talks," said X': the country X speaks for
                index.add(Mention(i, i + 2, body, "pronoun"))


# Verbs of meeting whose quoted "we" includes the one quoted: '"We met B," X said'.
MEETING_VERBS = frozenset({"meet", "confer", "visit"})
# "our country (nation, government)" in a quotation: the body its speaker speaks for.
OWN_BODY_NOUNS = frozenset({"country", "nation", "government", "kingdom", "state"})


def _quote_marks(index: DocIndex) -> list[int]:
    """Where the document's quotation marks are, in order."""
    return [t.i for t in index.tokens_in(QUOTES)]


def _quoted(marks: list[int], sent: Span) -> set[int]:
    """The tokens of a sentence inside quotation marks (an unclosed one runs to its end), given
    where the document's marks are (``_quote_marks``)."""
    marks = marks[bisect_left(marks, sent.start):bisect_left(marks, sent.end)]
    inside: set[int] = set()
    for open_at, close_at in zip(marks[::2], [*marks[1::2], sent.end], strict=False):
        inside.update(range(open_at + 1, close_at))
    return inside


def _in_a_third_partys_work(token: Token) -> bool:
    """Whether "we" is the doer of a third party's work ("we are mediating", "we will keep
    facilitating the talks") or "our" its owner ("our mediation"); "we" as a side is left."""
    if token.dep_ == "poss":
        return token.head.lemma_ in THIRD_PARTY_LEMMAS
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    # "we are ready (willing) to mediate": the work is the adjective's complement
    complements = [g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"]
    return verb.lemma_ in THIRD_PARTY_LEMMAS or any(
        c.dep_ in {"xcomp", "dobj"} and c.lemma_ in THIRD_PARTY_LEMMAS for c in [*verb.children, *complements])


def _body_of(index: DocIndex, speaker: EntityRef | None) -> EntityRef | None:
    """The country or body a speaker speaks for as "we"."""
    if speaker is None or speaker.kind in {"country", "organization"}:
        return speaker
    person = index.persons.get(speaker.key) if speaker.kind == "person" else None
    if person is None:
        return None
    if person.country:
        return EntityRef("country", person.country)
    if person.organization:
        return EntityRef("organization", person.organization)
    return None


def _turns(index: DocIndex) -> list[tuple[int, EntityRef | None]]:
    """A transcript's turns: (first token, speaker) for each label at the start of a line
    ("SECRETARY GIL:", "MR TAPIA:", "QUESTION:"), the speaker the named person of the label
    (None for a label naming no one, such as "QUESTION")."""
    doc = index.doc
    turns: list[tuple[int, EntityRef | None]] = []
    for token in index.tokens_in({":"}):
        if token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < TURN_LABEL_TOKENS and not _ends_a_line(doc[start - 1]) \
                and not doc[start - 1].is_punct:
            start -= 1
        if start > 0 and not _ends_a_line(doc[start - 1]):
            continue  # a label opens its line
        label = doc[start:token.i]
        if not label.text.strip() or not label.text.replace(".", "").replace(" ", "").isupper():
            continue  # labels are written in capitals
        person = next((m.ref for i in range(start, token.i) if (m := index.by_token.get(i)) is not None
                       and m.ref.kind == "person"), None)
        turns.append((token.i + 1, person))
    return turns


def _ends_a_line(token: Token) -> bool:
    """Whether ``token`` is a line break: spaCy makes every line break a whitespace token of its
    own (a token's trailing whitespace is one space at most)."""
    return "\n" in token.text


def _in_fronted_phrase(token, subject) -> bool:  # noqa: ANN001 - spaCy Tokens
    """Whether ``token`` sits in an adverbial phrase of ``subject``'s clause that comes before
    the subject ("Following his visit to Oslo, Ruiz said")."""
    verb = subject.head
    for node in [token, *token.ancestors]:
        if node.head == verb and node.dep_ in {"prep", "advcl", "npadvmod", "advmod"}:
            return node.i < subject.i and all(t.i < subject.i for t in node.subtree)
        if node == verb:
            return False
    return False


def _between_prep(token: Token) -> Token | None:
    """'(mediate) between it and Djibouti': the between-phrase a pronoun is one of the sides
    of, or None."""
    prep = token.head.head if token.dep_ == "conj" else token.head
    return prep if token.dep_ in {"pobj", "conj"} and prep.lower_ in {"between", "among"} else None


def _it_pronouns(index: DocIndex) -> None:
    doc = index.doc
    actors = [m for m in index.mentions if m.ref.kind in {"country", "organization"}]
    # (start, position in actors): the actors in a window by bisection, not by scanning all of them.
    by_start = sorted((m.start, n) for n, m in enumerate(actors))
    for token in index.tokens_in(THING_PRONOUNS):
        people = token.lower_ == "its" and token.dep_ == "poss" and token.head.lemma_ in ITS_PEOPLE | ITS_ACTS
        if token.lower_ == "its" and not people:
            continue
        between = _between_prep(token) if token.dep_ not in {"nsubj", "nsubjpass"} else None
        if token.i in index.by_token or not (
                token.dep_ in {"nsubj", "nsubjpass"} or between is not None or people):
            continue
        sent = token.sent
        window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        window = by_start[bisect_left(by_start, (window_start, -1)):bisect_left(by_start, (token.i, -1))]
        # "C would mediate between it and B": "it" is not the subject of its own clause
        own = {c.i for c in between.head.children if c.dep_ in {"nsubj", "nsubjpass"}} if between is not None else set()
        candidates = sorted(n for _, n in window
                            if doc[actors[n].start:actors[n].end].root.dep_ in {"nsubj", "nsubjpass"}
                            and doc[actors[n].start:actors[n].end].root.i not in own)
        if candidates:
            index.add(Mention(token.i, token.i + 1, actors[candidates[-1]].ref, "pronoun"))


def _description_nouns() -> dict[str, str]:
    nouns: dict[str, str] = {}
    for line in read_table(DESCRIPTIONS_TABLE).splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("word\t"):
            word, kind = line.split("\t")[:2]
            nouns[word] = kind
    return nouns


DESCRIPTION_NOUNS = _description_nouns()


def _descriptions(index: DocIndex) -> None:
    """"Qatar announced the truce. The Gulf state has mediated for weeks": a singular
    description after "the" ("the Gulf state", "the kingdom", "the regional bloc") stands
    for the latest country (or organisation, by the table's kind) told as a subject in its
    sentence or the one before, where it is a subject.  "the State of X" and "the bloc's summit"
    are left alone."""
    doc = index.doc
    for token in index.tokens_in(DESCRIPTION_NOUNS):
        kind = DESCRIPTION_NOUNS[token.lower_]
        if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"} \
                or token.i in index.by_token or token.dep_ not in {"nsubj", "nsubjpass", "appos"}:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue
        modifiers = [c for c in token.children if c.i < token.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in modifiers) or any(
                c.dep_ in {"poss", "nummod"} or (c.dep_ == "det" and c.lower_ != "the")
                or (index.ref_at(c) is not None and index.ref_at(c).kind != "place")  # type: ignore[union-attr]
                for c in modifiers):
            continue
        start = min(c.i for c in modifiers)
        sent = token.sent
        window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        # (a subject, or the country of a subject: "The Saudi foreign minister said the kingdom ...")
        candidates = [m for m in index.mentions if m.ref.kind == kind and window_start <= m.start < start
                      and ((root := doc[m.start:m.end].root).dep_ in {"nsubj", "nsubjpass"}
                           or root.dep_ in {"amod", "compound", "poss", "nmod"}
                           and root.head.dep_ in {"nsubj", "nsubjpass"})]
        if candidates:
            index.replace(Mention(start, token.i + 1, max(candidates, key=lambda m: m.start).ref, "description"))


def _side_descriptions(index: DocIndex) -> None:
    """"The M23 rebels seized the town. C offered to mediate between the Congolese
    government and the rebels": "the rebels" (insurgents, militants, ...) stand for the one
    armed group the document has named before them, and "the government" (regime, junta)
    for the one country whose government it has named before ("Congolese government",
    "Ethiopia's government"); with two or more such named, neither is chosen.  "The army"
    (military) stands for a country only beside an armed group of it ("fighting between the
    army and the Front"): told alone it may be any side's."""
    mentions = sorted(index.mentions, key=lambda m: m.start)
    groups: set[EntityRef] = set()  # named so far, in one pass over the document
    governments: set[EntityRef] = set()
    seen = 0
    for token in index.tokens_in(ARMED_DESCRIPTIONS, GOVERNMENT_DESCRIPTIONS, ARMY_DESCRIPTIONS):
        lower = token.lower_
        if token.i in index.by_token or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        modifiers = [c for c in token.children if c.i < token.i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in modifiers) or any(
                c.dep_ != "det" and not (lower in GOVERNMENT_DESCRIPTIONS and c.lower_ in LEVEL_WORDS)
                for c in modifiers) or any(c.dep_ == "prep" and c.lower_ in {"of", "in"} for c in token.children):
            continue  # "the M23 rebels" is named; "the junta in Niger" names its own country
        while seen < len(mentions) and mentions[seen].start < token.i:
            mention = mentions[seen]
            org = index.orgs.get(mention.ref.key) if mention.ref.kind == "organization" else None
            if org is not None and org.kind == "armed_group":
                groups.add(mention.ref)
            elif mention.ref.kind == "country" and mention.via == "government":
                governments.add(mention.ref)
            seen += 1
        named = groups if lower in ARMED_DESCRIPTIONS else governments
        if lower in ARMY_DESCRIPTIONS:
            named = _government_facing(index, token)
        elif len(named) != 1 and lower in GOVERNMENT_DESCRIPTIONS:
            named = _government_facing(index, token) or named
        if len(named) == 1:
            index.add(Mention(token.i, token.i + 1, next(iter(named)), "description"))


def _government_facing(index: DocIndex, token: Token) -> set[EntityRef]:
    """'(the conflict) between the government and the TPLF': "the government" coordinated with an
    armed group of one country is that country's government."""
    return {EntityRef("country", org.country) for side in token.conjuncts for ref in index.actors_of_np(side)
            if ref.kind == "organization" and (org := index.orgs.get(ref.key)) is not None
            and org.kind == "armed_group" and org.country}


def _gender_fits(person: PersonInfo | None, female: bool) -> bool:
    if person is None:
        return False
    return person.female is None or person.female == female
