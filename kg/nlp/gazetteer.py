"""The ``kg_gazetteer`` component: countries, organisations and titles from kg's tables.

It writes three span groups and corrects the statistical NER where the tables know
better (the small English model calls "Kyiv" a PERSON and "Minsk" an ORG):

- ``doc.spans["kg_countries"]``: label = how the country is named (name, alias, demonym,
  capital, seat, code), ``id_`` = ISO 3166 alpha-3;
- ``doc.spans["kg_orgs"]``: label = organisation kind, ``id_`` = the table key;
- ``doc.spans["kg_titles"]``: label = title category, ``id_`` = the canonical title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.attrs import ORTH, TAG  # type: ignore[import-not-found]  # a compiled module without stubs
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

COUNTRIES_KEY = "kg_countries"
# Lower-case words that may stand inside a proper name ("Republic of the Congo").
NAME_FUNCTION_WORDS = frozenset({"the", "of", "and", "for", "de", "du", "des", "la", "le", "al", "el", "bin",
                                 "on", "in", "d'ivoire"})
ORGS_KEY = "kg_orgs"
TITLES_KEY = "kg_titles"

# NER labels the tables may overrule for a span that is exactly a known country or place.
CORRECTABLE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
# A demonym is a nationality (NORP); a capital or a seat of power stands for a government.
LABEL_BY_VIA = {"demonym": "NORP", "name": "GPE", "alias": "GPE", "capital": "GPE", "code": "GPE",
                "seat": "ORG"}


def _is_case_sensitive(surface: str) -> bool:
    """Abbreviations ("US", "UN", "AU") must match in their own case, never the word "us"."""
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) or "." in surface) and len(surface) <= 8


def _cased_forms(nlp: Language, surface: str) -> list[Doc]:
    """A lower-case surface as the tokenizer splits it, and capitalised where that splits it
    otherwise: an abbreviation is one token capitalised ("Gen.", "Lt. Gen.") and two lower-case."""
    plain = nlp.make_doc(surface)
    capitalised = nlp.make_doc(" ".join(w[:1].upper() + w[1:] for w in surface.split(" ")))
    if [t.lower_ for t in capitalised] == [t.lower_ for t in plain]:
        return [plain]
    return [plain, capitalised]


class Gazetteer:
    """Marks table entries in a Doc; see the module docstring for what it writes."""

    def __init__(self, nlp: Language, name: str = "kg_gazetteer", *, correct_ents: bool = True):
        from kg.reference import gazetteer  # the tables load on first use, not when spaCy scans factories

        self.name = name
        self.correct_ents = correct_ents
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_surfaces(nlp, "C", gazetteer.country_surfaces())
        self._add_surfaces(nlp, "O", gazetteer.org_surfaces())
        titles = sorted(gazetteer.title_surfaces())
        self._titles.add("T", [doc for t in titles for doc in _cased_forms(nlp, t)])

    def _add_surfaces(self, nlp: Language, label: str, surfaces: Iterable[str]) -> None:
        exact, folded = list[str](), list[str]()
        for surface in sorted(surfaces):
            (exact if _is_case_sensitive(surface) else folded).append(surface)
        # Capitalised forms as written in tables; a lower-cased copy catches "the kremlin".
        if exact:
            self._exact.add(label, [nlp.make_doc(s) for s in exact])
        if folded:
            self._folded.add(label, [nlp.make_doc(s) for s in folded])

    def __call__(self, doc: Doc) -> Doc:
        from kg.reference import gazetteer

        countries: list[Span] = []
        orgs: list[Span] = []
        matches = [*self._exact(doc), *self._folded(doc, as_spans=False)]
        for match_id, start, end in matches:
            span = doc[start:end]
            # Names are proper nouns: "chad" or "georgia" in lower case are not countries, and
            # "visited Russia today" is not the outlet Russia Today.
            if not all(t.text[:1].isupper() or t.lower_ in NAME_FUNCTION_WORDS or not t.is_alpha
                       or _after_hyphen(t, span) for t in span):
                continue
            kind = doc.vocab.strings[match_id]
            if kind == "C" and _ends_a_name(span):
                continue
            if kind == "C":
                match = gazetteer.lookup_country(span.text)
                if match is not None:
                    countries.append(Span(doc, start, end, label=match.via, span_id=match.entry.alpha3))
            else:
                entry = gazetteer.lookup_org(span.text)
                if entry is not None:
                    orgs.append(Span(doc, start, end, label=entry.kind, span_id=entry.key))
        countries = filter_spans(countries)
        orgs = [o for o in orgs if not _inside_a_longer_name(o, countries)]
        orgs = _not_inside(filter_spans(orgs), countries)
        countries = _not_inside(countries, orgs)
        titles = []
        for _, start, end in self._titles(doc):
            title = gazetteer.lookup_title(doc[start:end].text)
            if title is not None and not _runs_into_a_longer_name(doc[start:end]):
                titles.append(Span(doc, start, end, label=title.category, span_id=title.canonical))
        titles.extend(_plural_titles_before_names(doc))
        titles = _given_names_after_titles(_with_deputies([_with_portfolio(t) for t in filter_spans(titles)]))
        doc.spans[COUNTRIES_KEY] = sorted(countries)
        doc.spans[ORGS_KEY] = sorted(orgs)
        doc.spans[TITLES_KEY] = sorted(filter_spans(titles))
        if self.correct_ents:
            doc.ents = _corrected_ents(doc, countries, orgs)
        return doc


def _after_hyphen(token: Token, span: Span) -> bool:
    """Whether a word of a name follows a hyphen inside it ("Co-operation" in the OSCE's long
    name): the part after the hyphen is not capitalised."""
    before = token.doc[token.i - 1] if token.i > span.start else None
    return before is not None and before.text in {"-", "‐"} and not before.whitespace_


# Words that make a deputy of the title right after them: "deputy | head of the political bureau".
DEPUTY_TITLE_WORDS = frozenset({"deputy", "vice", "assistant", "under"})


# Capitalised words of a minister's portfolio the table may not list before "Minister":
# "International Relations Minister", "Regional Cooperation Minister".
PORTFOLIO_WORDS = frozenset({
    "international", "relations", "regional", "cooperation", "affairs", "resources", "public", "works",
    "planning", "natural", "social", "local", "land", "lands", "water", "mines", "mining", "petroleum",
    "youth", "sports", "housing", "urban", "rural", "transport", "infrastructure", "industry", "investment",
    "culture", "science", "technology", "labour", "labor", "employment", "fisheries", "forestry",
    "environment", "climate", "energy", "reconstruction", "refugees", "migration", "diaspora", "and",
})
PORTFOLIO_HEADS = frozenset({"minister", "ministers"})


def _with_portfolio(title: Span) -> Span:
    """A minister's title with the capitalised words of its portfolio the table does not list
    before it: "International Relations | Minister" is one title (as the text writes it); and
    a second portfolio after it, "Minister for Development | and Africa", before a comma or a
    name."""
    doc = title.doc
    if title[-1].lower_ not in PORTFOLIO_HEADS:
        end = title.end
        if any(t.lower_ in {"for", "of"} for t in title[1:]) and end + 2 <= len(doc) and doc[end].lower_ == "and" \
                and doc[end + 1].is_title and doc[end + 1].ent_type_ != "PERSON" \
                and (end + 2 == len(doc) or doc[end + 2].is_punct or doc[end + 2].ent_type_ == "PERSON"):
            return Span(doc, title.start, end + 2, label=title.label_, span_id=title.id_)
        return title
    start = title.start
    # ("and" only between two of its words: "Energy and Mining Minister", not "A and Minister X")
    while start > 0 and doc[start - 1].lower_ in PORTFOLIO_WORDS and doc[start - 1].ent_type_ not in {
            "GPE", "NORP", "PERSON"} and (doc[start - 1].text[:1].isupper()
                                          or doc[start - 1].lower_ == "and"
                                          and doc[start].lower_ not in PORTFOLIO_HEADS):
        start -= 1
    while start < title.start and doc[start].lower_ == "and":
        start += 1
    if start == title.start:
        return title
    return Span(doc, start, title.end, label=title.label_, span_id=title.id_)


def _with_deputies(titles: list[Span]) -> list[Span]:
    """'Deputy' right before another title is that title's deputy: "deputy head of the
    political bureau" (the table has no such entry) is one title, not "Deputy" and another."""
    out: list[Span] = []
    for span in titles:
        if out and out[-1].end == span.start and out[-1].text.lower() in DEPUTY_TITLE_WORDS:
            deputy = out.pop()
            span = Span(span.doc, deputy.start, span.end, label=span.label_,
                        span_id=f"{deputy.id_} {span.id_}")
        out.append(span)
    return out


def is_plural_title(title: Span) -> bool:
    """'Foreign Ministers', 'Spokesmen': a title span in the plural of the table's title."""
    word, single = title[-1].lower_, title.id_.split()[-1].lower()
    return word != single and (word == single + "s" or word.endswith("men") and word[:-3] + "man" == single)


def _plural_titles_before_names(doc: Doc) -> list[Span]:
    """'Foreign Ministers Ana Ruiz and Luis Tapia': a plural title before a name is the title
    of the names listed after it.  Elsewhere ("the foreign ministers met") a plural is no title."""
    from kg.reference import gazetteer

    found = []
    # The plural nouns, from the tags all at once (a Token object only for those).
    plural = {doc.vocab.strings[tag] for tag in ("NNS", "NNPS", "NNP")}
    tags = doc.to_array(TAG).tolist()
    comma, proper = doc.vocab.strings[","], doc.vocab.strings["NNP"]
    commas = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == comma]
    for token in (doc[i] for i in range(len(doc) - 1) if tags[i] in plural):
        if not token.is_alpha:
            continue
        word = token.lower_
        if not word.endswith(("s", "men")) or word.endswith("ss"):
            continue
        nxt = doc[token.i + 1]
        # the model's PERSON, not any capitals ("Envoys Meet Over Border Dispute" is a headline);
        # the model may take the title into the name ("Presidents A of X, B of Y")
        named = nxt.ent_type_ == "PERSON" and (nxt.ent_iob_ == "B" or token.ent_type_ == "PERSON"
                                               and token.ent_iob_ == "B")
        # "fellow commission members, former Prime Minister A and B": set off by a comma before the names
        # (or a plural title of their own: "The panel members, former presidents A and B")
        named = named or nxt.text == "," and any(
            t.ent_type_ == "PERSON" or (t.text[:1].isupper() or t.tag_ == "NNS") and t.is_alpha
            and gazetteer.lookup_title(t.text) is not None for t in doc[token.i + 2:token.i + 6])
        # "the foreign ministers of X and Y, A and B": set off by a comma after the countries listed
        named = named or nxt.lower_ == "of" and _of_list_before_names(doc, token.i + 2)
        # "Foreign Ministers A and B": the model may miss the first name of the list, not the next
        named = named or nxt.tag_ == "NNP" and nxt.ent_type_ == "" and any(
            t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and doc[t.i - 1].lower_ in {"and", ","}
            for t in doc[token.i + 2:token.i + 6])
        starts = range(max(0, token.i - 3), token.i + 1)
        # "A and B, the foreign ministers (of X and Y)": set off by a comma after the names, which
        # needs a comma close before, and a plural common noun
        near = bisect_left(commas, token.i - AFTER_NAMES_REACH)
        after = {start for start in starts if _after_names(doc, start)} if not named and tags[token.i] != proper \
            and near < len(commas) and commas[near] < token.i else set()
        if not named and not after:
            continue  # (no title to find)
        for start in starts:
            title = gazetteer.lookup_title(doc[start:token.i + 1].text)
            # (a qualifier before it is no part of it: "former | prime ministers A and B")
            if title is not None and not doc[start].is_punct and doc[start].pos_ not in {"DET", "NUM", "ADP"} \
                    and doc[start].lower_ not in gazetteer.TITLE_QUALIFIERS:
                if named or start in after:
                    found.append(Span(doc, start, token.i + 1, label=title.category, span_id=title.canonical))
                break
    return found


# How many words an "of" phrase listing the sides before a plural title's names may have.
OF_LIST_REACH = 10


def _of_list_before_names(doc: Doc, start: int) -> bool:
    """Whether the words from ``start`` list countries or bodies ("X, Y and the Z") and then, set
    off by a comma, a person's name: the "of" phrase of a plural title before its names."""
    i = start
    while i < min(len(doc), start + OF_LIST_REACH) and (
            doc[i].ent_type_ in {"GPE", "NORP", "ORG"} or doc[i].lower_ in {"and", ",", "the"}):
        i += 1
    return start < i < len(doc) and doc[i - 1].text == "," and doc[i].ent_type_ == "PERSON"


# Words between a list of names and a plural title set off after it: "A and B, the two (Kenyan
# and Ugandan) foreign ministers".
AFTER_NAMES_WORDS = frozenset({"the", "both", "two", "three", "four", "respective", "their", "and"})
# How far before a plural noun a comma set off after names is looked for (the title's words
# before the noun and the words above between them and the comma); _after_names decides.
AFTER_NAMES_REACH = 16


def _after_names(doc: Doc, start: int) -> bool:
    """Whether a phrase at ``start`` is set off by a comma right after a person's name."""
    i = start
    while i > 0 and (doc[i - 1].lower_ in AFTER_NAMES_WORDS or doc[i - 1].ent_type_ in {"NORP", "GPE", "ORG"}):
        i -= 1
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"


# Nouns that name a body, not a person: "the African Union Mediation Committee", "the Joint Commission".
BODY_WORDS = frozenset({
    "panel", "commission", "committee", "council", "union", "mission", "ministry", "secretariat", "agency",
    "office", "assembly", "parliament", "institute", "centre", "center", "bureau", "department",
    "organisation", "organization", "authority", "forum", "tribunal", "directorate", "taskforce", "delegation",
    "embassy", "consulate",
})


def _runs_into_a_longer_name(title: Span) -> bool:
    """A table title ending in a body's name that the text's name runs on past: "chairman of
    the African Union | Mediation Committee", "head of the African Union | (AU) Commission".
    The shorter title ("chairman") is the title; the body is the longer name."""
    doc = title.doc
    if not any(t.lower_ in {"of", "for"} for t in title[1:]) or not title[-1].text[:1].isupper():
        return False
    end = title.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # an acronym in brackets: "the African Union (AU) Commission"
    if end >= len(doc) or not doc[end].text[:1].isupper() or doc[end].ent_type_ == "PERSON":
        return False
    run = end
    while run < len(doc) and run - end < 8 and (doc[run].text[:1].isupper() or doc[run].text == "-"):
        if doc[run].lower_ in BODY_WORDS:
            return True
        run += 1
    # The model's organisation running on past the title, unless what follows is shaped like
    # a person's name ("Deputy Secretary of State | Karen Holt met ...", read as "State Karen Holt").
    return doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ == "I" and not (
        2 <= run - end <= 4 and all(t.pos_ == "PROPN" for t in doc[end:run]))


# Royal titles that are given names too: "Amir Saleh", "Sultan Al Amri".
GIVEN_NAME_TITLES = frozenset({"amir", "emir", "sultan"})


def _given_names_after_titles(titles: list[Span]) -> list[Span]:
    """'Iranian negotiator Amir Saleh': a royal title that is also a given name, right after
    another title and read by the model as the first word of the name after it, is that name's
    first word (no ruler's title comes after another office's)."""
    ends = {t.end for t in titles}
    return [t for t in titles if not (
        len(t) == 1 and t[0].lower_ in GIVEN_NAME_TITLES and t.start in ends and t[0].ent_type_ == "PERSON"
        and t[0].ent_iob_ == "B" and t.end < len(t.doc) and t.doc[t.end].ent_type_ == "PERSON")]


# Particles after which a demonym is a family name: "Hassan Al Iraqi", "Omar El Sudani".
FAMILY_NAME_PARTICLES = frozenset({"al", "el", "al-", "el-"})


def _ends_a_name(span: Span) -> bool:
    """A country word that is the last part of a person's name the model found."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in FAMILY_NAME_PARTICLES:
        return False
    return any(e.label_ == "PERSON" and e.start < span.start - 1 and span.end <= e.end for e in doc.ents)


def _inside_any(span: Span, others: Iterable[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end and (o.start, o.end) != (span.start, span.end)
               for o in others)


def _not_inside(spans: list[Span], others: list[Span]) -> list[Span]:
    """The spans not strictly inside one of ``others`` (sorted and non-overlapping, as from
    ``filter_spans``): only the last of them starting at or before a span can hold it."""
    starts = [o.start for o in others]
    kept = []
    for span in spans:
        n = bisect_right(starts, span.start) - 1
        if n < 0 or not _inside_any(span, others[n:n + 1]):
            kept.append(span)
    return kept


def _inside_a_longer_name(org: Span, countries: list[Span]) -> bool:
    """Whether a table's name is the end of a longer name the model reads as one organisation or person:
    "the Ta'ang National Liberation Army" is not the table's National Liberation Army, nor "the
    Chad National Democratic Alliance Army" its Democratic Alliance.  A country or demonym before
    the table's name only says whose it is ("the Sudanese Rapid Support Forces")."""
    doc = org.doc
    start = org.start
    # (a person's name too: "Lukas Wagner" is no Wagner Group)
    if doc[start].ent_iob_ != "I" or doc[start].ent_type_ not in {"ORG", "PERSON"}:
        return False
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    country_tokens = {i for c in countries if c.end <= org.start and c.start >= start for i in range(c.start, c.end)}
    return any(t.text[:1].isupper() and t.lower_ != "the" and t.i not in country_tokens for t in doc[start:org.start])


def _corrected_ents(doc: Doc, countries: list[Span], orgs: list[Span]) -> list[Span]:
    """Keep the model's entities, but let exact table matches decide the label."""
    known: dict[tuple[int, int], str] = {}
    for span in countries:
        known[(span.start, span.end)] = LABEL_BY_VIA.get(span.label_, "GPE")
    for span in orgs:
        known[(span.start, span.end)] = "ORG"
    country_at_end = {span.end: span for span in countries}
    ents: list[Span] = []
    for ent in doc.ents:
        label = known.get((ent.start, ent.end))
        country = country_at_end.get(ent.end) if ent.label_ == "PERSON" else None
        if label is not None and ent.label_ in CORRECTABLE_LABELS:
            ents.append(Span(doc, ent.start, ent.end, label=label))
        elif country is not None and ent.start < country.start - 1 and doc[country.start - 1].lower_ in {"of", "from"}:
            # "Nikos Petrides of Cyprus" read as one name: the person, then whose country
            ents.append(Span(doc, ent.start, country.start - 1, label="PERSON"))
        else:
            ents.append(ent)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for (start, end), label in known.items():
        if not any(i in taken for i in range(start, end)):
            ents.append(Span(doc, start, end, label=label))
            taken.update(range(start, end))
    for token in doc:
        # "the opposition PAIGC", "the rebel group M23": an acronym the model left unlabelled,
        # right after a word that says what kind of body it is
        if token.i not in taken and token.i > 0 and doc[token.i - 1].lower_ in BODY_KIND_WORDS \
                and _ACRONYM.fullmatch(token.text) and token.text not in PERSON_ACRONYMS \
                and token.tag_ in {"NNP", "NNPS", "NN"}:
            ents.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return filter_spans(ents)


# Words that say what kind of body an acronym right after them names.
BODY_KIND_WORDS = frozenset({"opposition", "rebel", "rebels", "group", "party", "movement", "militia", "front",
                             "separatist", "separatists", "insurgent", "insurgents", "coalition", "alliance"})
# Acronyms of people, not bodies ("an opposition MP").
PERSON_ACRONYMS = frozenset({"MP", "MEP", "PM", "CEO", "VIP", "MLA", "MNA"})
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{1,4})?")


@Language.factory("kg_gazetteer", default_config={"correct_ents": True}, requires=["doc.ents"],
                  assigns=["doc.ents", "doc.spans"])
def make_gazetteer(nlp: Language, name: str, *, correct_ents: bool) -> Gazetteer:
    return Gazetteer(nlp, name, correct_ents=correct_ents)
