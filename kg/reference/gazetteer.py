"""Reference tables (countries, organisations, places, titles, honorifics, sector cues) and lookups.

The tables are tab-separated files under ``kg/reference/data``; they are read once, lazily, on
first use.  Every lookup goes through one normal form (:func:`normalize`), so "U.S." and
"US", "Türkiye" and "Turkiye", "Russia's" and "Russia" meet.  Short abbreviations and
table surfaces that are also common English words are *case-sensitive*: "US" and "WHO"
resolve, the pronoun "us" and the question word "who" never do.

Stdlib only: this module is shared by the language layer and plain-Python tools.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from kg.records import OrgKind
from kg.reference import read_table
from kg.text.fold import to_ascii

CountryVia = Literal["name", "alias", "demonym", "capital", "seat", "code"]
TitleCategory = Literal[
    "head_of_state", "head_of_government", "minister", "diplomat", "military", "spokesperson",
    "official", "royal", "legislator", "party", "negotiator", "judiciary", "intelligence",
    "international", "media", "academic", "religious", "civil",
]
HonorificKind = Literal["honorific", "royal", "religious", "royal_or_religious"]
PlaceKind = Literal["city", "region"]

COUNTRY_COLUMNS = (
    "alpha3", "alpha2", "name", "wikidata", "aliases", "demonyms", "capitals", "seats",
)
ORG_COLUMNS = ("key", "name", "kind", "country", "aliases", "wikidata")
TITLE_COLUMNS = ("surface", "canonical", "category")
HONORIFIC_COLUMNS = ("surface", "kind")
SECTOR_COLUMNS = ("cue", "sector", "sector2", "weight")
PLACE_COLUMNS = ("name", "alpha3", "kind", "population", "geonameid", "aliases")

# Table surfaces that are ordinary English words as well: they only match with the
# table's own capitalisation ("Turkey" the country, not "turkey" the bird).
COMMON_WORDS = frozenset({
    "us", "it", "is", "in", "as", "at", "am", "an", "be", "by", "do", "go", "he", "me", "my",
    "no", "of", "on", "or", "so", "to", "up", "we", "and", "are", "can", "who", "let", "man",
    "may", "per", "spa", "map", "tap", "app", "fed", "diet", "quad", "dawn", "amnesty",
    "guardian", "labour", "labor", "polish", "pole", "poles", "turkey", "china", "guinea",
    "chad", "male", "jersey", "mission", "union", "trend", "sputnik", "morena",
})
# Alpha-3 codes that are English words: never read as a country code.
_CODE_STOPWORDS = frozenset({"AND", "ARE", "CAN", "PER", "TON", "DOM", "MAR", "BEN", "COL",
                             "GIN", "MAC", "TUN", "PAN", "SUR"})

TAB = "\t"
_SEPARATORS = re.compile(r"[\s,;:!?()\[\]{}\"/\\|*+=<>#~_-]+")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One row of ``countries.tsv``: an ISO 3166-1 country or territory (plus Kosovo)."""

    alpha3: str
    alpha2: str
    name: str
    wikidata: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One row of ``organizations.tsv``; ``country`` is an alpha-3 code or None."""

    key: str
    name: str
    kind: OrgKind
    country: str | None
    aliases: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One row of ``places.tsv``: a city or first-level region and its country (alpha-3).

    ``population`` is GeoNames' figure for a city and None for a region.
    """

    name: str
    alpha3: str
    kind: PlaceKind
    population: int | None
    geonameid: int | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """A role title: ``surface`` is lower-case, ``canonical`` the display form."""

    surface: str
    canonical: str
    category: TitleCategory


@dataclass(frozen=True, slots=True)
class SectorCue:
    """A word or phrase that signals an actor sector (CAMEO/PLOVER codes such as MIL).

    ``weight`` ranks competing cues (3 specific, 2 modifier, 1 generic); weight 0 marks a
    qualifier ("former", "retired") that turns an office-holder into an elite (ELI).
    """

    cue: str
    sector: str
    sector2: str | None
    weight: int


class CountryMatch(NamedTuple):
    entry: CountryEntry
    via: CountryVia


class _Hit(NamedTuple):
    cased: str  # the table surface in folded, case-preserving form
    strict: bool
    value: object
    via: str


# ---------------------------------------------------------------------- normalisation


def tokenize(text: str) -> list[str]:
    """Split ``text`` into case-preserving tokens in kg's normal form.

    Transliterated to ASCII by :func:`kg.text.fold.to_ascii` (Türkiye → Turkiye, Børge →
    Borge; curly quotes and dashes made plain),
    dots dropped (U.S. → US), hyphens and punctuation made separators, and the
    possessive "'s" (or a plural's bare "'") cut from every token.
    """
    folded = to_ascii(text).replace("`", "'").replace(".", "")
    tokens = []
    for raw in _SEPARATORS.split(folded):
        token = _POSSESSIVE.sub("", raw).replace("'", "") if "'" in raw else raw
        if token:
            tokens.append(token)
    return tokens


# A name of plain ASCII words: tokenize() would only split it on its spaces.
_PLAIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _key_of(text: str) -> str:
    tokens = text.split(" ") if _PLAIN_NAME.fullmatch(text) else tokenize(text)
    if len(tokens) > 1 and tokens[0].casefold() == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=1 << 12)  # the same names are looked up again and again
def _cased_key(text: str) -> str:
    return _key_of(text)


def normalize(text: str) -> str:
    """The lookup key of ``text``: :func:`tokenize`, casefolded, a leading "the" dropped.

    >>> normalize("the U.S.’s")
    'us'
    >>> normalize("Türkiye")
    'turkiye'
    """
    return _cased_key(text).casefold()


def surface_is_case_sensitive(surface: str) -> bool:
    """Whether ``surface`` matches only with its own capitalisation.

    True for one-word abbreviations of at most four letters with two or more capitals
    ("US", "UN", "WHO", "MoD"), and for surfaces that are common English words ("Turkey").
    """
    cased = _cased_key(surface)
    if " " in cased:
        return False
    letters = [c for c in cased if c.isalpha()]
    if len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2:
        return True
    return cased.casefold() in COMMON_WORDS


def _strict_ok(query_cased: str, surface_cased: str) -> bool:
    if query_cased == surface_cased:
        return True
    # An all-capitals headline may spell "TURKEY"; never accept that for short forms.
    letters = sum(c.isalpha() for c in surface_cased)
    return letters >= 5 and query_cased.isupper()


# ------------------------------------------------------------------------ loading


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[list[str]]:
    """The table's rows as lists of cells, in file order (the header checked, empty lines skipped).

    The tables are plain tab-separated values with no quoting, so a line is split on tabs.
    """
    # Comment lines ("#…") may stand anywhere, the header comment of a generated table too.
    numbered = ((n, line) for n, line in enumerate(read_table(name).splitlines(), start=1)
                if not line.startswith("#"))
    header = next(numbered, (0, ""))[1]
    if tuple(header.split(TAB)) != columns:
        raise ValueError(f"{name}: expected columns {columns}, found {tuple(header.split(TAB))}")
    for line_no, line in numbered:
        if not line:
            continue
        row = line.split(TAB)
        if len(row) != len(columns):
            raise ValueError(f"{name}:{line_no}: expected {len(columns)} columns, got {len(row)}")
        yield row


def _read(name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    for row in _rows(name, columns):
        yield dict(zip(columns, row, strict=True))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


@cache
def countries() -> tuple[CountryEntry, ...]:
    """All rows of ``countries.tsv``, in file order."""
    return tuple(
        CountryEntry(
            alpha3=row["alpha3"], alpha2=row["alpha2"], name=row["name"],
            wikidata=row["wikidata"] or None, aliases=_split(row["aliases"]),
            demonyms=_split(row["demonyms"]), capitals=_split(row["capitals"]),
            seats=_split(row["seats"]),
        )
        for row in _read("countries.tsv", COUNTRY_COLUMNS)
    )


@cache
def organizations() -> tuple[OrgEntry, ...]:
    """All rows of ``organizations.tsv``, in file order."""
    return tuple(
        OrgEntry(
            key=row["key"], name=row["name"], kind=row["kind"],  # type: ignore[arg-type]
            country=row["country"] or None, aliases=_split(row["aliases"]),
            wikidata=row["wikidata"] or None,
        )
        for row in _read("organizations.tsv", ORG_COLUMNS)
    )


@cache
def _place_rows() -> tuple[list[str], ...]:
    return tuple(_rows("places.tsv", PLACE_COLUMNS))


@cache
def _place_entry(number: int) -> PlaceEntry:
    """Row ``number`` of ``places.tsv`` (made on first use: most places are never looked up)."""
    name, alpha3, kind, population, geonameid, aliases = _place_rows()[number]
    return PlaceEntry(name=name, alpha3=alpha3, kind=kind,  # type: ignore[arg-type]
                      population=int(population) if population else None,
                      geonameid=int(geonameid) if geonameid else None, aliases=_split(aliases))


def places() -> tuple[PlaceEntry, ...]:
    """All rows of ``places.tsv`` (generated by ``tools/build_places.py``), in file order."""
    return tuple(_place_entry(number) for number in range(len(_place_rows())))


@cache
def titles() -> tuple[TitleEntry, ...]:
    """All rows of ``titles.tsv``."""
    return tuple(
        TitleEntry(row["surface"], row["canonical"], row["category"])  # type: ignore[arg-type]
        for row in _read("titles.tsv", TITLE_COLUMNS)
    )


@cache
def sector_cues() -> tuple[SectorCue, ...]:
    """All rows of ``sectors.tsv``."""
    return tuple(
        SectorCue(row["cue"], row["sector"], row["sector2"] or None, int(row["weight"]))
        for row in _read("sectors.tsv", SECTOR_COLUMNS)
    )


@cache
def honorifics() -> tuple[tuple[str, HonorificKind], ...]:
    """All rows of ``honorifics.tsv`` as (surface, kind)."""
    return tuple(
        (row["surface"], row["kind"])  # type: ignore[misc]
        for row in _read("honorifics.tsv", HONORIFIC_COLUMNS)
    )


def _add(index: dict[str, list[_Hit]], surface: str, value: object, via: str) -> None:
    cased = _cased_key(surface)
    if not cased:
        return
    key = cased.casefold()
    hits = index.setdefault(key, [])
    if any(h.value is value and h.cased == cased for h in hits):
        return  # the same entry under the same spelling: keep the first (best) via
    hits.append(_Hit(cased, surface_is_case_sensitive(surface), value, via))


@cache
def _country_index() -> dict[str, list[_Hit]]:
    index: dict[str, list[_Hit]] = {}
    # Column order is the preference order of ``via`` for a surface listed twice.
    for entry in countries():
        _add(index, entry.name, entry, "name")
    for entry in countries():
        for alias in entry.aliases:
            _add(index, alias, entry, "alias")
    for entry in countries():
        for demonym in entry.demonyms:
            _add(index, demonym, entry, "demonym")
    for entry in countries():
        for capital in entry.capitals:
            _add(index, capital, entry, "capital")
    for entry in countries():
        for seat in entry.seats:
            _add(index, seat, entry, "seat")
    return index


@cache
def _codes() -> dict[str, CountryEntry]:
    table: dict[str, CountryEntry] = {}
    for entry in countries():
        table[entry.alpha3] = entry
        table[entry.alpha2] = entry
    return table


@cache
def _org_index() -> dict[str, list[_Hit]]:
    index: dict[str, list[_Hit]] = {}
    for entry in organizations():
        _add(index, entry.name, entry, "name")
    for entry in organizations():
        for alias in entry.aliases:
            _add(index, alias, entry, "alias")
    # "Tamil Tiger rebels": a plural name as a modifier, singular (where no other name has that form)
    for entry in organizations():
        for surface in (entry.name, *entry.aliases):
            form = modifier_form(surface)
            if form is not None and (_cased_key(form) or "").casefold() not in index:
                _add(index, form, entry, "alias")
    return index


def modifier_form(surface: str) -> str | None:
    """The singular a plural name of two or more words takes before a noun: "Tamil Tiger" (rebels)
    for "Tamil Tigers", "Red Shirt" (protesters) for "Red Shirts"; None for other names."""
    words = surface.split()
    last = words[-1] if len(words) >= 2 else ""
    if len(last) < 4 or not last.isalpha() or not last[:1].isupper() or not last.endswith("s") \
            or last.endswith(("ss", "us", "is", "ys")):
        return None
    return surface[:-1]


@cache
def _place_index() -> dict[str, list[_Hit]]:
    # Every place surface is case-sensitive: "Mobile" the city, never "mobile"; "Split",
    # never "split".  The table gives each normal form to one place.  A hit's value is the
    # place's row number (see _place_entry): 35,000 rows are indexed, few are ever looked up.
    index: dict[str, list[_Hit]] = {}
    for number, row in enumerate(_place_rows()):
        surfaces = [("name", row[0])]
        if row[5]:  # most places have no alias
            surfaces += [("alias", alias) for alias in _split(row[5])]
        for via, surface in surfaces:
            cased = _key_of(surface)
            if cased:
                index.setdefault(cased.casefold(), []).append(_Hit(cased, True, number, via))
    return index


@cache
def _title_index() -> dict[str, TitleEntry]:
    return {normalize(entry.surface): entry for entry in titles()}


@cache
def _sector_index() -> dict[str, SectorCue]:
    return {normalize(cue.cue): cue for cue in sector_cues()}


@cache
def _honorific_index() -> dict[str, list[_Hit]]:
    index: dict[str, list[_Hit]] = {}
    for surface, kind in honorifics():
        _add(index, surface, kind, "honorific")
    return index


def _find(index: dict[str, list[_Hit]], text: str) -> _Hit | None:
    cased = _cased_key(text)
    for hit in index.get(cased.casefold(), ()):
        if not hit.strict or _strict_ok(cased, hit.cased):
            return hit
    return None


# ------------------------------------------------------------------------- lookups


def country_by_code(code: str) -> CountryEntry | None:
    """The country with ISO 3166-1 alpha-2 or alpha-3 ``code`` (any case), else None."""
    return _codes().get(code.strip().upper())


@lru_cache(maxsize=1 << 14)  # pure, over tables fixed once loaded; asked again and again
def lookup_country(text: str, *, allow_codes: bool = True) -> CountryMatch | None:
    """Resolve a whole span to a country by name, alias, demonym, capital or seat of power.

    With ``allow_codes``, an upper-case alpha-3 code that is not an English word ("DEU")
    also resolves (``via="code"``).  Returns None for anything else, including "us".
    """
    hit = _find(_country_index(), text)
    if hit is not None:
        return CountryMatch(hit.value, hit.via)  # type: ignore[arg-type]
    if allow_codes:
        code = _cased_key(text)
        if re.fullmatch(r"[A-Z]{3}", code) and code not in _CODE_STOPWORDS:
            entry = _codes().get(code)
            if entry is not None:
                return CountryMatch(entry, "code")
    return None


@lru_cache(maxsize=1 << 14)  # pure, over tables fixed once loaded; asked again and again
def lookup_org(text: str) -> OrgEntry | None:
    """Resolve a whole span to an organisation by its name or one of its aliases."""
    hit = _find(_org_index(), text)
    return hit.value if hit is not None else None  # type: ignore[return-value]


def org_by_key(key: str) -> OrgEntry | None:
    """The organisation whose ``key`` is ``key``, else None."""
    for entry in organizations():
        if entry.key == key:
            return entry
    return None


def lookup_place(text: str) -> PlaceEntry | None:
    """Resolve a whole span to a city or region of ``places.tsv`` ("Mariupol", "Rakhine").

    Country names, capitals and seats are not places here: :func:`lookup_country` has
    them.  Matching keeps the table's capitalisation (an all-capitals headline aside), so
    a lower-case word never names a place.
    """
    hit = _find(_place_index(), text)
    return _place_entry(hit.value) if hit is not None else None


def canonical_place_name(name: str) -> str:
    """One name per place, whichever spelling a source uses, so documents and other sources
    (GDELT) meet on one place node: a capital by its country's first listed capital ("Kiev"
    -> "Kyiv"), a city or region of ``places.tsv`` by its table name (an alias -> its name);
    other names as given.

    >>> canonical_place_name("Kiev"), canonical_place_name("Kyiv"), canonical_place_name("Springfield")
    ('Kyiv', 'Kyiv', 'Springfield')
    """
    match = lookup_country(name, allow_codes=False)
    if match is not None and match.via == "capital" and match.entry.capitals:
        return match.entry.capitals[0]
    place = lookup_place(name)
    return place.name if place is not None else name


# Words before a title that say when or how it is held, not which title it is.
TITLE_QUALIFIERS = frozenset({
    "former", "ex", "acting", "interim", "outgoing", "incoming", "then", "late", "current",
    "new", "newly", "appointed", "caretaker", "designated", "sitting", "serving",
    "incumbent", "previous", "erstwhile", "onetime", "retired",
})


def _singular(word: str) -> str:
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("people"):
        return word[:-6] + "person"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 14)  # pure, over tables fixed once loaded; asked again and again
def lookup_title(text: str) -> TitleEntry | None:
    """Resolve a role title ("Minister of Foreign Affairs", "former envoy", "spokesmen").

    Leading qualifiers (former, acting, interim, …) are ignored, and a plural head or
    first word is tried in the singular ("foreign ministers", "chiefs of staff").
    """
    index = _title_index()
    tokens = normalize(text).split()
    while len(tokens) > 1 and tokens[0] in TITLE_QUALIFIERS:
        tokens = tokens[1:]
    if not tokens:
        return None
    for candidate in (
        tokens,
        tokens[:-1] + [_singular(tokens[-1])],
        [_singular(tokens[0])] + tokens[1:],
    ):
        entry = index.get(" ".join(candidate))
        if entry is not None:
            return entry
    return None


def lookup_sector_cue(text: str) -> SectorCue | None:
    """The sector cue whose phrase is exactly ``text`` (normalised), else None."""
    return _sector_index().get(normalize(text))


def is_honorific(token_text: str) -> bool:
    """Whether ``token_text`` is an honorific or form of address ("H.E.", "Sheikh", "Mr")."""
    return _find(_honorific_index(), token_text) is not None


def honorific_kind(text: str) -> HonorificKind | None:
    """``"honorific"`` for a pure form of address, or what else it implies, else None."""
    hit = _find(_honorific_index(), text)
    return hit.value if hit is not None else None  # type: ignore[return-value]


def title_surfaces() -> frozenset[str]:
    """Every title surface (lower-case), for building phrase matchers."""
    return frozenset(entry.surface for entry in titles())


def _with_ascii(surfaces: Iterator[str]) -> frozenset[str]:
    out: set[str] = set()
    for surface in surfaces:
        out.add(surface)
        out.add(to_ascii(surface))
    return frozenset(out)


def country_surfaces() -> frozenset[str]:
    """Every country name, alias, demonym, capital and seat, as written in the table and
    without diacritics ("Türkiye" and "Turkiye").

    Use :func:`surface_is_case_sensitive` to decide how each is to be matched.
    """
    return _with_ascii(
        surface
        for entry in countries()
        for surface in (entry.name, *entry.aliases, *entry.demonyms, *entry.capitals,
                        *entry.seats)
    )


def org_surfaces() -> frozenset[str]:
    """Every organisation name and alias, as written and without diacritics."""
    return _with_ascii(
        form for entry in organizations() for surface in (entry.name, *entry.aliases)
        for form in (surface, modifier_form(surface)) if form is not None
    )


@cache
def place_surfaces() -> frozenset[str]:
    """Every place name and alias, as written in the table and without diacritics.

    All are matched case-sensitively (see :func:`lookup_place`).
    """
    return _with_ascii(surface for entry in places() for surface in (entry.name, *entry.aliases))


@cache
def longest_place_tokens() -> int:
    """The largest number of tokens in any place surface (bounds n-gram scans)."""
    return max(len(key.split()) for key in _place_index())


def honorific_surfaces() -> frozenset[str]:
    """Every honorific as written in the table."""
    return frozenset(surface for surface, _ in honorifics())


@cache
def longest_surface_tokens() -> int:
    """The largest number of tokens in any table surface (bounds n-gram scans)."""
    keys = [*_country_index(), *_org_index(), *_title_index(), *_sector_index()]
    return max(len(key.split()) for key in keys)
