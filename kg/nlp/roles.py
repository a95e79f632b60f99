"""Roles and titles of named people, from the constructions news uses for them.

- title before the name: "Russian President Vladimir Putin", "Secretary of State Antony
  Blinken", "President of Ghana Kofi Mensah", "Hamas spokesman Ali Omar";
- a title chain: "Deputy Prime Minister and Minister of Foreign Affairs Amina Said";
- apposition after the name: "Lena Ortiz, an aide to President Ruiz and former Trade
  Minister", "Omar Haddad, the Foreign Minister of Jordan";
- apposition before the name: "the Foreign Minister of Chile, Rosa Vidal",
  "Ruiz's spokeswoman, Ana Gil", "Kenyan Foreign Minister, Peter Otieno";
- qualifiers: "former", "acting", "ex-".

Each title's "of" comes from an of/to/for phrase, or a country, organisation or
possessive person before the title.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from kg.nlp.entities import DocIndex, Mention
from kg.nlp.gazetteer import TITLES_KEY
from kg.records import EntityRef, Qualifier

QUALIFIERS: dict[str, Qualifier] = {"former": "former", "ex": "former", "then": "former",
                                    "acting": "acting", "interim": "acting", "outgoing": "current"}
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
# Posts sent to a country: "Ambassador to Peru", "Special Envoy for Yemen".  The country is
# where the post is held, part of the title; the post is of the sender ("Chilean Ambassador
# to Peru" acts for Chile).
DESTINATION_HEADS = frozenset({"ambassador", "envoy", "representative", "coordinator", "emissary", "consul",
                               "commissioner", "rapporteur", "attaché", "attache", "delegate", "nuncio"})
DESTINATION_PREPS = frozenset({"to", "for"})
SMALL_WORDS = frozenset({"of", "for", "the", "and", "to", "in", "on", "at"})
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


UN_KEY = "united-nations"  # the organisation a "UN ..." title of the titles table is of


def find_roles(index: DocIndex) -> list[RoleFinding]:
    """Every (person, title) the document states, from the constructions above."""
    doc = index.doc
    titles = sorted(doc.spans.get(TITLES_KEY, []), key=lambda s: s.start)
    title_at_end = {s.end: s for s in titles}
    title_at_start = {s.start: s for s in titles}
    findings: list[RoleFinding] = []
    for mention in index.mentions:
        if mention.ref.kind != "person" or mention.via != "name":
            continue
        findings.extend(_before_name(index, mention, title_at_end))
        findings.extend(_after_name(index, mention, title_at_start))
        findings.extend(_copular(index, mention, title_at_start))
    # "the UN envoy for Yemen": a title the table names as the UN's is of the UN.
    findings = [replace(f, of=EntityRef("organization", UN_KEY))
                if f.of is None and f.title.startswith("UN ") and f.category == "international" else f
                for f in findings]
    unique: dict[tuple[str, str, EntityRef | None, str], RoleFinding] = {}
    for finding in findings:
        unique.setdefault((finding.person, finding.title, finding.of, finding.qualifier), finding)
    # "The President and King Faisal agreed": a title of the chain that another named person
    # holds outright is that person's, said beside the name, not a second title of the name.
    held = {(f.person, f.base or f.title) for f in unique.values() if not f.chained}
    unique = {key: f for key, f in unique.items() if not f.chained or not any(
        p != f.person and t == (f.base or f.title) for p, t in held)}
    # A title with a known "of" makes the same title without one redundant.
    result = []
    for finding in unique.values():
        if finding.of is None and any(
            f.person == finding.person and f.title == finding.title and f.of is not None
            for f in unique.values()
        ):
            continue
        # "Secretary Blinken" after "Secretary of State Antony Blinken", "Minister Wang" after
        # "Foreign Minister Wang Yi": the short title is the long one, shortened.
        if any(f.person == finding.person and f.title != finding.title and
               (_shortens(finding.title, f.title) or finding.title == f.base)
               for f in unique.values()):
            continue
        result.append(finding)
    return result


def is_reported(finding: RoleFinding) -> bool:
    """Whether a title is worth a role of its own.  Generic words ("head", "counterpart") are
    not, nor "the Belarusian leader"; a group's leader, official, representative or member
    is ("Front leader Ana Gil", "a Front official, Luis Tapia")."""
    if finding.title not in GENERIC_TITLES:
        return True
    return finding.title in {"Leader", "Official", "Representative", "Member"} and finding.of is not None \
        and finding.of.kind == "organization"


def _shortens(short: str, long_: str) -> bool:
    short_words, long_words = short.lower().split(), long_.lower().split()
    return len(short_words) < len(long_words) and all(w in long_words for w in short_words)


def _is_honorific(text: str) -> bool:
    from kg.reference import gazetteer

    return gazetteer.is_honorific(text)


def _before_name(index: DocIndex, mention: Mention, title_at_end: dict[int, Span]) -> list[RoleFinding]:
    doc = index.doc
    i = mention.start
    # Skip honorifics and a single comma: "Foreign Minister, Sheikh Sabah al-Sabah".
    while i > 0:
        # "H.E. Mr.", "His Majesty", "His Royal Highness": one to three words.
        width = next((w for w in (3, 2, 1) if i - w >= 0 and not doc[i - w].is_punct
                      and _is_honorific(doc[i - w:i].text)), 0)
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
    if title is None:
        # "President of the Republic of Ghana Kofi Mensah": an of-phrase between title and name.
        j = i - 1
        while j > 0 and i - j <= MAX_OF_TOKENS:
            if doc[j].lower_ in OF_WORDS and j in title_at_end:
                break
            if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"}:
                return []
            j -= 1
        else:
            return []
        # "made him president to Ruiz's prime minister": a name right after the of-word, or
        # one that owns what follows, is the post's counterpart, not its holder.
        if j + 1 == i or (mention.end < len(doc) and doc[mention.end].tag_ == "POS"):
            return []
        of_ref = _actor_in(index, j + 1, i)
        # "Sudanese delegate to the talks Omar Bakri": a phrase naming no actor may still sit
        # between title and name when it says what the post is for (never "of": "Minister of
        # Interior" is the title itself).
        if of_ref is None and not (doc[j].lower_ in {"to", "for", "at"} and all(
                t.pos_ in {"DET", "NOUN", "ADJ"} for t in doc[j + 1:i])):
            # "the U.S. special envoy for the Horn of Africa, X": a title set off by a comma
            # whose "for" phrase names a place, not a side.
            return _apposed_before(index, mention, title_at_end, i + 1) if comma else []
        title = title_at_end[j]
    findings = []
    chain = [title]
    k = title.start
    while k >= 2 and doc[k - 1].lower_ == "and" and (k - 1) in title_at_end:
        chain.insert(0, title_at_end[k - 1])
        k = title_at_end[k - 1].start
    # "Qatari Deputy Prime Minister and Minister of Foreign Affairs X": the demonym and the
    # qualifier before the chain apply to every title in it.
    mod_of, qualifier, left = _modifiers_before(index, chain[0])
    for n, span in enumerate(chain):
        role_title, destination = _titled(index, span)
        own_of = of_ref if n == len(chain) - 1 and destination is None else None
        of = own_of or _of_after_title(index, span) or mod_of
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
    # The title may be followed by a short place or "of" phrase: "in Somalia", "for Chad".
    for end in range(comma, max(0, comma - MAX_OF_TOKENS) - 1, -1):
        title = title_at_end.get(end)
        if title is None:
            continue
        between = doc[end:comma]
        if len(between) and (between[0].lower_ not in OF_WORDS or any(
                t.is_punct or t.pos_ in {"VERB", "AUX"} for t in between)):
            return []
        mod_of, qualifier, start = _modifiers_before(index, title)
        text, destination = _titled(index, title)
        of = mod_of or (_actor_in(index, end + 1, comma) if len(between) and between[0].lower_ in {
            "of", "to", "for"} and destination is None else None)
        return [RoleFinding(mention.ref.key, text, title.label_, start, comma, of, qualifier,
                            apposed=True, name_start=mention.start, name_end=mention.end,
                            base=title.id_ if text != title.id_ else "")]
    return []


def _after_name(index: DocIndex, mention: Mention, title_at_start: dict[int, Span]) -> list[RoleFinding]:
    doc = index.doc
    i = mention.end
    if i >= len(doc) or doc[i].text != ",":
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
        # "Ortiz, Chile's former trade minister": an actor (of any length), its possessive
        # and qualifiers may stand before the title.
        j = i
        while j < len(doc) and j not in title_at_start and j - i < 6:
            mention_here = index.mention_at(j)
            if mention_here is not None and mention_here.ref.kind in {"country", "organization"}:
                mod_of = mention_here.ref
                j = mention_here.end
                continue
            if doc[j].lower_ in QUALIFIERS:
                qualifier = QUALIFIERS[doc[j].lower_]
            elif doc[j].tag_ == "POS" or doc[j].lower_ in {"'s", "’s"}:
                pass
            elif doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX", "CCONJ"}:
                break
            j += 1
        title = title_at_start.get(j)
        if title is None:
            break
        # "During a call with Nino Beridze, Armenian Prime Minister Aram Sargsyan agreed" and
        # "Ortiz, and the envoy, Ana Gil": the title belongs to the name after it.
        after = _end_of_of_phrase(doc, title.end)
        if after < len(doc) and doc[after].text == ",":
            after += 1
        while after < len(doc) and _is_honorific(doc[after].text):
            after += 1
        following = index.mention_at(after) if after < len(doc) else None
        if following is not None and following.ref.kind == "person" and following.via == "name":
            break
        text, destination = _titled(index, title)
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


def _modifiers_before(index: DocIndex, title: Span) -> tuple[EntityRef | None, Qualifier, int]:
    """Country, organisation or possessor before a title, and a qualifier ("former")."""
    doc = index.doc
    of: EntityRef | None = None
    qualifier: Qualifier = "current"
    i = title.start
    while i > 0:
        prev = doc[i - 1]
        ref = index.ref_at(prev)
        if ref is not None and ref.kind in {"country", "organization", "person"}:
            mention = index.mention_at(prev)
            assert mention is not None
            if of is None:
                of = ref
            i = mention.start
            continue
        if prev.tag_ == "POS" or prev.lower_ in {"'s", "’s"}:
            i -= 1
            continue
        if prev.lower_ in QUALIFIERS:
            qualifier = QUALIFIERS[prev.lower_]
            i -= 1
            continue
        if prev.text == "-" and i >= 2 and doc[i - 2].lower_ == "ex":
            qualifier = "former"
            i -= 2
            continue
        break
    return of, qualifier, i


def _of_after_title(index: DocIndex, title: Span) -> EntityRef | None:
    doc = index.doc
    i = title.end
    if i < len(doc) and doc[i].lower_ in {"of", "to", "for"} and _destination(index, title) is None:
        return _actor_in(index, i + 1, _end_of_of_phrase(doc, title.end))
    return None


def _actor_after(index: DocIndex, i: int, *, countries: bool) -> EntityRef | None:
    """The organisation (or country) of an "of X" right after a name: "Ali Omar of IGAD"."""
    doc = index.doc
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        mention = index.mention_at(j) if j < len(doc) else None
        if mention is None or mention.ref.kind not in ({"organization", "country"} if countries
                                                       else {"organization"}):
            return None
        # The phrase ends with the actor: "of Chile", not "of Chile's northern region".
        end = mention.end
        if end < len(doc) and (doc[end].tag_ == "POS" or doc[end].pos_ in {"NOUN", "PROPN"}):
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
    mention = index.mention_at(j)
    if mention is None or mention.ref.kind != "country":
        return None
    return doc[i].lower_, mention.ref


def _titled(index: DocIndex, title: Span) -> tuple[str, EntityRef | None]:
    """The title as reported, with its destination ("Special Envoy for Yemen"), and that destination."""
    destination = _destination(index, title)
    written = as_written(title)
    if destination is None:
        return written, None
    prep, ref = destination
    return f"{written} {prep} {index.label(ref)}", ref


def as_written(title: Span) -> str:
    """The table's title in the words the text uses for it: "Spokesman" or "Spokeswoman"
    for Spokesperson, "Advisor" for Adviser, "MP" for Member of Parliament.  The table's
    form stays the title's key (``RoleFinding.base``) for matching references."""
    text = title.text
    if text.isupper() and len(text) <= 4 and text.isalpha():
        return text
    if text.endswith("s") and text[:-1].isupper() and len(text) <= 5 and text[:-1].isalpha():
        return text[:-1]  # a plural abbreviation, "MPs"
    written = [w.lower() for w in text.split()]
    # "Minister of Foreign Affairs", "Deputy Minister for Trade": the text's order, not the
    # table's "Foreign Minister" (the comparable key stays the table's, ``RoleFinding.base``).
    if "minister" in written[:3] and len(written) > written.index("minister") + 2 and \
            written[written.index("minister") + 1] in {"of", "for"} and title.id_.endswith("Minister"):
        return " ".join(w if w in SMALL_WORDS else w[:1].upper() + w[1:] for w in written)
    words = title.id_.split()
    for n, word in enumerate(words):
        key = word.lower()
        if key in written:
            continue
        variant = next((w for w in written if w[:5] == key[:5] and w != key and w != key + "s"
                        and len(key) >= 5), None)
        if variant is not None:
            words[n] = variant[:1].upper() + variant[1:]
        elif len(written) == len(words) and written[n] not in SMALL_WORDS and written[n].isalpha() \
                and len(written[n]) >= 4 and written[n] not in (w.lower() for w in words):
            # word for word: "Vice Foreign Minister" (the table's Deputy Foreign Minister),
            # "Lead Mediator", "Commerce Minister" as the text says them
            words[n] = written[n][:1].upper() + written[n][1:]
    return " ".join(words)


def _copular(index: DocIndex, mention: Mention, title_at_start: dict[int, Span]) -> list[RoleFinding]:
    """'Ortiz is the spokesman of the Front', 'Ortiz, who is Chile's trade minister and ...':
    a title stated by "be" for the name that is its subject."""
    doc = index.doc
    root = doc[mention.start:mention.end].root
    verbs = [c for c in root.children if c.dep_ == "relcl" and c.lemma_ == "be"
             and any(s.dep_ == "nsubj" and s.tag_ in {"WP", "WDT"} for s in c.children)]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        verbs.append(root.head)
    findings = []
    for verb in verbs:
        attrs = [c for c in verb.children if c.dep_ == "attr"]
        attrs += [c for a in attrs for c in a.conjuncts]
        for attr in attrs:
            # The title phrase runs from the attribute's first modifier to the attribute.
            i = min([attr.i] + [c.i for c in attr.children if c.i < attr.i])
            qualifier: Qualifier = "current"
            mod_of = None
            while i <= attr.i and i not in title_at_start:
                here = index.mention_at(i)
                if here is not None and here.ref.kind in {"country", "organization"}:
                    mod_of = here.ref
                    i = here.end
                    continue
                qualifier = QUALIFIERS.get(doc[i].lower_, qualifier)
                i += 1
            title = title_at_start.get(i)
            if title is None or title.end - 1 != attr.i:
                continue
            text, destination = _titled(index, title)
            of = _of_after_title(index, title) or mod_of
            findings.append(RoleFinding(mention.ref.key, text, title.label_, title.start,
                                        _end_of_of_phrase(doc, title.end), of, qualifier,
                                        name_start=mention.start, name_end=mention.end,
                                        base=title.id_ if text != title.id_ else ""))
    return findings


def _end_of_of_phrase(doc: Doc, i: int) -> int:
    if i < len(doc) and doc[i].lower_ in {"of", "to", "for"}:
        j = i + 1
        while j < len(doc) and j - i <= MAX_OF_TOKENS and doc[j].text not in {",", ";", "and", ".", "–", "—"} \
                and doc[j].pos_ not in {"VERB", "AUX"}:
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
    for finding in findings:
        for i in range(finding.start, finding.end):
            if index.doc[i].pos_ in {"NOUN", "PROPN"}:
                index.title_owner.setdefault(i, finding.person)
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
        if finding.category in LEADER_CATEGORIES and finding.qualifier != "former" and not (
                set(finding.title.lower().split()) & DEPUTY_WORDS):
            person.leader = True
        words = {t.lower_ for t in index.doc[finding.start:finding.end]}
        if words & FEMALE_WORDS:
            person.female = True
        elif words & MALE_WORDS:
            person.female = False
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
