"""Name keys for merging: people's names with titles off and transliteration folded, and
organisations' names, abbreviations and table entries.

Stdlib and kg's tables only.  A *norm* is a lower-case ASCII spelling with the letters that
transliterations disagree on folded together (y/i, w/v, kh/h, doubled letters), so "Zelensky",
"Zelenskiy" and "Zelenskyy" share one; a *skeleton* keeps a norm's first letter and its
consonants ("zlnsk"), and is the blocking key: names that may be the same meet in one block,
where they are compared more strictly.

>>> parse_person_name("President Zelenskyy").surname, parse_person_name("Zelenskiy").surname
('zelenski', 'zelenski')
>>> parse_person_name("Volodymyr Zelensky").key
'person:zlnsk'
>>> parse_person_name("Prime Minister of the United Kingdom") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from kg.reference import gazetteer

# Words inside names that are not the name's own (Arabic, Dutch, German, Romance particles).
PARTICLES = frozenset({
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "de", "da",
    "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das", "ul", "ud",
})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words that make a capitalised phrase a description, not a person's name.
NON_NAME_WORDS = frozenset({"of", "to", "for", "and", "the", "from", "in", "on", "at"})
_FOLDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("y", "i"), ("ou", "u"))
_NON_LETTER = re.compile(r"[^a-z]")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]")
SURNAME_SIMILARITY = 0.8
"""How alike (difflib ratio of norms) two surnames with one skeleton must be to count as one."""

NameMatch = Literal["same", "variant", "initial", "surname"]


def norm(token: str) -> str:
    """A token's spelling with transliteration differences folded.

    >>> [norm(t) for t in ("Zelenskyy", "Zelenskiy", "Zelensky", "Khodorkovsky")]
    ['zelenski', 'zelenski', 'zelenski', 'hodorkovski']
    """
    text = _NON_LETTER.sub("", " ".join(gazetteer.tokenize(token)).lower())
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


def skeleton(normed: str) -> str:
    """The first letter and the consonants of a norm: the blocking key of a surname.

    >>> skeleton(norm("Muhammad")), skeleton(norm("Mohammed"))
    ('mhmd', 'mhmd')
    """
    if not normed:
        return ""
    return _DOUBLE.sub(r"\1", normed[0] + _VOWELS.sub("", normed[1:]))


def surnames_match(a: str, b: str) -> bool:
    """Two surname norms are one name: equal, or one skeleton and nearly the same letters."""
    if a == b:
        return True
    return skeleton(a) == skeleton(b) and SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name split for comparison: given-name norms, surname norm, titles taken off.

    ``display`` is the name as written without its titles ("Volodymyr Zelensky").
    """

    given: tuple[str, ...]
    surname: str
    titles: tuple[str, ...]
    display: str

    @property
    def key(self) -> str:
        return "person:" + skeleton(self.surname)


def _strip_titles(tokens: list[str]) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for size in range(min(5, len(tokens) - 1), 0, -1):
            entry = gazetteer.lookup_title(" ".join(tokens[:size]))
            if entry is not None:
                titles.append(entry.canonical)
                tokens = tokens[size:]
                changed = True
                break
        if not changed and gazetteer.is_honorific(tokens[0]):
            tokens = tokens[1:]
            changed = True
    return tokens, titles


@lru_cache(maxsize=200_000)
def parse_person_name(label: str) -> PersonName | None:
    """The parts of a person's label, or None when it is no name ("the Prime Minister of X").

    Leading titles and honorifics are taken off (and kept as ``titles``); particles ("al",
    "van") and suffixes ("Jr") are not compared; the surname is the last name word.
    """
    tokens = [t for t in gazetteer.tokenize(label) if t]
    if not tokens:
        return None
    tokens, titles = _strip_titles(tokens)
    while tokens and tokens[-1].lower().rstrip(".") in SUFFIXES and len(tokens) > 1:
        tokens = tokens[:-1]
    words = [t for t in tokens if t.lower() not in PARTICLES]
    if not words or any(t.lower() in NON_NAME_WORDS for t in tokens):
        return None
    if not all(t[0].isupper() for t in words if t[0].isalpha()):
        return None  # "a senior official": a description, not a name
    if gazetteer.lookup_title(" ".join(tokens)) is not None:
        return None
    if len(words) == 1 and (gazetteer.lookup_country(words[0]) or gazetteer.lookup_org(words[0])):
        return None
    surname = norm(words[-1])
    if not surname:
        return None
    given = tuple(n for n in (norm(w) for w in words[:-1]) if n)
    return PersonName(given, surname, tuple(titles), " ".join(tokens))


def match_names(a: PersonName, b: PersonName) -> NameMatch | None:
    """How two names agree, or None when they cannot be one person's.

    - ``same``: the same given names and surname;
    - ``variant``: a surname variant, or one name has a middle name the other leaves out;
    - ``initial``: one gives an initial where the other gives the name ("V. Zelensky");
    - ``surname``: one of them is a surname alone (then the surnames must share one norm).

    >>> p = parse_person_name
    >>> match_names(p("Volodymyr Zelensky"), p("Volodymyr Zelenskyy"))
    'same'
    >>> match_names(p("V. Zelensky"), p("Volodymyr Zelensky")), match_names(p("Zelensky"), p("Olena Zelenska"))
    ('initial', None)
    >>> match_names(p("Imran Khan"), p("Shahid Khan")) is None
    True
    """
    if not surnames_match(a.surname, b.surname):
        return None
    exact_surname = a.surname == b.surname
    if not a.given or not b.given:
        # A surname alone must be spelt alike: "Zelensky" is not "Zelenska".
        return "surname" if exact_surname else None
    if a.given == b.given:
        return "same" if exact_surname else "variant"
    first_a, first_b = a.given[0], b.given[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return "initial" if first_a[0] == first_b[0] else None
    if first_a == first_b or surnames_match(first_a, first_b):
        return "variant"
    shorter, longer = sorted((set(a.given), set(b.given)), key=len)
    if shorter <= longer:
        return "variant"
    return None


# --------------------------------------------------------------------------- organisations

_ACRONYM_SKIP = frozenset({"the", "of", "for", "and", "on", "in", "de", "la", "du", "des", "et", "to"})


def org_norm(name: str) -> str:
    """An organisation name's lookup form (gazetteer's normal form: "the U.N." -> "un")."""
    return gazetteer.normalize(name)


def acronym(name: str) -> str | None:
    """The initials of a multi-word name ("African Union" -> "AU"), else None."""
    words = [t for t in gazetteer.tokenize(name) if t.lower() not in _ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).upper()


def as_acronym(name: str) -> str | None:
    """The name itself when it is written as an abbreviation ("AU", "U.N.", "SDF"), else None."""
    tokens = gazetteer.tokenize(name)
    if len(tokens) > 1 and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if len(tokens) != 1:
        return None
    token = tokens[0]
    letters = [c for c in token if c.isalpha()]
    if 2 <= len(letters) <= 6 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1):
        return token.upper()
    return None


def table_org_key(names: tuple[str, ...]) -> str | None:
    """The key of the organisations table entry that one of ``names`` resolves to, else None."""
    keys = sorted({entry.key for entry in map(gazetteer.lookup_org, names) if entry is not None})
    return keys[0] if keys else None
