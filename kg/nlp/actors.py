"""Actor resolution: which country and which sector a short actor phrase stands for.

"Beijing" is China's government (CHN, GOV); "a former White House official" is an
American elite (USA, ELI); "Sudanese rebels" are (SDN, REB).  The phrase is scanned for
table entries (countries by name, alias, demonym, capital or seat; organisations; titles;
sector cues), longest match first, and the pieces are combined by a few general rules.
A phrase with no country of its own may still name a city or region of the place table
("Shanghai police", "rebels in Rakhine"): its country is the actor's, as a last resort.
Sector codes are those of CAMEO/PLOVER actor coding (GOV, MIL, REB, OPP, ELI, JUD, LEG,
BUS, JRN, CVL, COP, SPY, IGO, NGO, REF, PTY, UAF, PRM, …).

Stdlib only, like :mod:`kg.reference.gazetteer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from kg.reference import gazetteer
from kg.reference.gazetteer import CountryEntry, OrgEntry, PlaceEntry, SectorCue, TitleEntry

ActorVia = Literal["name", "alias", "demonym", "capital", "seat", "code", "org", "place", "none"]

# A country after these words is a destination or counterpart, not the actor's own:
# "Russia's ambassador to Poland" acts for Russia.
NON_AFFILIATION_WORDS = frozenset({"to", "toward", "towards", "against", "with", "versus", "vs"})
# Prepositions that end the head of a noun phrase ("professor of X at Y in Z").
PREPOSITIONS = frozenset({"of", "to", "in", "at", "for", "from", "on", "with", "by", "near",
                          "inside", "outside", "across", "within", "against"})
# A capital or seat after these is a place, not a government ("a park in Kabul").
LOCATIVE_WORDS = frozenset({"in", "at", "near", "inside", "outside", "across", "within", "from",
                            "around", "into"})
# Sectors of office-holders that "former", "retired" … turn into elites (ELI).
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "SPY", "JUD", "COP"})
# Sectors an armed group's own name outranks ("Boko Haram gunmen" are the group's).
ARMED_SECTORS = frozenset({"UAF", "REB", "MIL", "PRM"})
# Institutions whose sector a generic leader title takes over ("president of the court").
INSTITUTION_SECTORS = frozenset({"LEG", "JUD", "BUS", "SOC", "NGO", "EDU", "REL", "PTY", "LAB",
                                 "MED", "JRN", "HLH", "SPY", "MIL", "COP", "REB", "PRM"})
# Sectors a state organ never has, whatever words its name holds ("Liberation Army").
NON_STATE_SECTORS = frozenset({"REB", "PRM", "UAF", "OPP", "CVL", "CRM"})

SECTOR_BY_TITLE_CATEGORY = {
    "head_of_state": "GOV", "head_of_government": "GOV", "minister": "GOV", "diplomat": "GOV",
    "spokesperson": "GOV", "official": "GOV", "royal": "GOV", "negotiator": "GOV",
    "military": "MIL", "legislator": "LEG", "party": "PTY", "judiciary": "JUD",
    "intelligence": "SPY", "international": "IGO", "media": "JRN", "academic": "EDU", "religious": "REL",
    "civil": "CVL",
}
SECTOR_BY_ORG_KIND = {
    "armed_group": "REB", "political": "PTY", "media": "JRN", "international": "IGO",
    "government": "GOV", "ministry": "GOV", "delegation": "GOV",
}
# Titles that name a position, not a domain: they defer to a more specific cue.
GENERIC_TITLES = frozenset({
    "Official", "Senior Official", "Government Official", "Officer", "Head", "Chief", "Leader",
    "Director", "Deputy Director", "Deputy", "Deputy Head", "Representative", "Secretary",
    "Chairman", "Chairwoman", "Chairperson", "Chair", "Vice Chairman", "Deputy Chairman",
    "Coordinator", "Commissioner", "Director-General", "Executive Director", "Managing Director",
    "Aide", "Adviser", "Senior Adviser", "Delegate", "Observer", "Politician", "Candidate",
    "Activist", "Spokesperson", "Deputy Spokesperson", "Chief Spokesperson", "Under Secretary",
    "Assistant Secretary", "Deputy Secretary", "Civil Servant", "President",
})
# Military ranks are worn by ministers and envoys too: they rank below an office.
MILITARY_RANK_WEIGHT = 2
MILITARY_RANKS = frozenset({
    "General", "Lieutenant General", "Major General", "Brigadier General", "Brigadier",
    "Colonel General", "Colonel", "Lieutenant Colonel", "Major", "Captain", "Lieutenant",
    "Sergeant", "Admiral", "Vice Admiral", "Rear Admiral", "Field Marshal", "Marshal",
    "Air Marshal", "Air Chief Marshal", "Senior General", "Vice Senior General",
})
# Groups whose standing changed on a known date: (key, from, sector from then on).
# The Taliban took power in Kabul on 15 August 2021; HTS led the government in Damascus
# from 8 December 2024.
SECTOR_CHANGES: tuple[tuple[str, date, str], ...] = (
    ("taliban", date(2021, 8, 15), "GOV"),
    ("hts", date(2024, 12, 8), "GOV"),
)


@dataclass(frozen=True, slots=True)
class ActorResolution:
    """The country (ISO 3166 alpha-3) and sector an actor phrase stands for.

    ``via`` tells how the country was found ("demonym", "capital", "org", "place" for a
    city or region of the place table, …, or "none");
    ``sector2`` is a secondary sector ("Defence Minister": GOV, then MIL); ``org`` is the
    key of a table organisation the phrase names.
    """

    country: str | None
    sector: str | None
    via: ActorVia
    sector2: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class _Entity:
    start: int
    end: int
    country: CountryEntry | None
    org: OrgEntry | None
    via: str


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    sector: str
    sector2: str | None
    weight: int
    generic: bool = False


def resolve_actor(text: str, when: date | None = None) -> ActorResolution:
    """Resolve an actor phrase ("Kremlin spokesman", "Russian troops") to country and sector.

    ``when`` is the date the phrase was written, for groups whose standing changed.
    """
    tokens = gazetteer.tokenize(text)
    lowered = [t.casefold() for t in tokens]
    entities = _scan_entities(tokens, lowered)
    cues = _scan_cues(tokens, lowered, entities)

    country, via, org = _choose_country(entities, lowered)
    if len(tokens) == 1 and country is None and not entities:
        code = gazetteer.lookup_country(text)
        if code is not None:
            country, via = code.entry.alpha3, code.via

    if country is None and not any(e.org for e in entities):
        place = _find_place(tokens, lowered, entities, cues)
        if place is not None:
            country, via = place.alpha3, "place"

    for entity in entities:
        cues.extend(_entity_cues(entity, lowered, when))
    sector, sector2 = _choose_sector(cues, entities, lowered, when)
    org_key = org.key if org is not None else next((e.org.key for e in entities if e.org), None)
    return ActorResolution(country, sector, via, sector2, org_key)  # type: ignore[arg-type]


# ------------------------------------------------------------------------- scanning


def _scan_entities(tokens: list[str], lowered: list[str]) -> list[_Entity]:
    """Countries and organisations, longest match first, left to right, not overlapping."""
    longest = gazetteer.longest_surface_tokens()
    found: list[_Entity] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + longest), i, -1):
            if j - i == 1 and lowered[i] == "the":
                continue
            phrase = " ".join(tokens[i:j])
            country = gazetteer.lookup_country(phrase, allow_codes=False)
            org = gazetteer.lookup_org(phrase)
            if country is not None or org is not None:
                found.append(_Entity(
                    i, j, country.entry if country else None, org,
                    country.via if country else "org",
                ))
                i = j
                break
        else:
            i += 1
    return found


def _find_place(
    tokens: list[str], lowered: list[str], entities: list[_Entity], cues: list[_Cue]
) -> PlaceEntry | None:
    """The first city or region named outside the table matches, longest first.

    A place inside a longer run of unknown capitalised words is part of another name
    ("Scott Morrison", "Feliciano Valencia"), and one after "to" or "against" is a
    destination ("an envoy to Mariupol"): neither counts.
    """
    known = {k for e in entities for k in range(e.start, e.end)}
    known |= {k for c in cues for k in range(c.start, c.end)}
    longest = gazetteer.longest_place_tokens()

    def name_word(k: int) -> bool:
        return 0 <= k < len(tokens) and k not in known and tokens[k][:1].isupper()

    for i in range(len(tokens)):
        if i in known:
            continue
        for j in range(min(len(tokens), i + longest), i, -1):
            if any(k in known for k in range(i, j)):
                continue
            place = gazetteer.lookup_place(" ".join(tokens[i:j]))
            if place is None:
                continue
            if name_word(i - 1) or name_word(j):
                break
            if i > 0 and lowered[i - 1] in NON_AFFILIATION_WORDS:
                break
            return place
    return None


def _lookup_cue(phrase: str) -> _Cue | None:
    cue = gazetteer.lookup_sector_cue(phrase)
    if cue is not None:
        return _Cue(0, 0, cue.sector, cue.sector2, cue.weight)
    words = phrase.split()
    if len(words) > 1 and words[0].casefold() in gazetteer.TITLE_QUALIFIERS:
        return None  # "former minister": the qualifier is a cue of its own
    title = gazetteer.lookup_title(phrase)
    return _title_cue(title) if title is not None else None


def _title_cue(title: TitleEntry) -> _Cue:
    sector = SECTOR_BY_TITLE_CATEGORY.get(title.category, "GOV")
    generic = title.canonical in GENERIC_TITLES
    if generic and title.canonical != "President":
        weight = 1
    elif title.canonical in MILITARY_RANKS:
        weight = MILITARY_RANK_WEIGHT
    else:
        weight = 3
    return _Cue(0, 0, sector, None, weight, generic)


def _scan_cues(tokens: list[str], lowered: list[str], entities: list[_Entity]) -> list[_Cue]:
    """Sector cues and titles outside the entity spans, longest match first.

    Words inside a matched span also count, as secondary cues ("Defence" in "Defence
    Minister" makes MIL the second sector).
    """
    longest = gazetteer.longest_surface_tokens()
    blocked = {k for e in entities for k in range(e.start, e.end)}
    found: list[_Cue] = []
    i = 0
    while i < len(tokens):
        if i in blocked:
            i += 1
            continue
        for j in range(min(len(tokens), i + longest), i, -1):
            if any(k in blocked for k in range(i, j)):
                continue
            cue = _lookup_cue(" ".join(tokens[i:j]))
            if cue is None:
                continue
            found.append(_Cue(i, j, cue.sector, cue.sector2, cue.weight, cue.generic))
            is_title = gazetteer.lookup_sector_cue(" ".join(tokens[i:j])) is None
            for k in range(i, j):
                if j - i > 1 and is_title:
                    inner = gazetteer.lookup_sector_cue(tokens[k])
                    if inner is not None and inner.weight > 0 and inner.sector != cue.sector:
                        found.append(_Cue(k, k + 1, inner.sector, inner.sector2, -1))
            i = j
            break
        else:
            i += 1
    return found


# ---------------------------------------------------------------------- combination


def _choose_country(
    entities: list[_Entity], lowered: list[str]
) -> tuple[str | None, str, OrgEntry | None]:
    """The first entity that is not a destination decides the country."""
    for entity in entities:
        if entity.start > 0 and lowered[entity.start - 1] in NON_AFFILIATION_WORDS:
            continue
        if entity.country is not None:
            return entity.country.alpha3, entity.via, entity.org
        assert entity.org is not None
        if entity.org.country is None:
            return None, "none", entity.org  # an international body acts for no country
        return entity.org.country, "org", entity.org
    return None, "none", None


def _entity_cues(entity: _Entity, lowered: list[str], when: date | None) -> list[_Cue]:
    """What an entity says about the sector: an organisation its own, a capital GOV."""
    located = entity.start > 0 and lowered[entity.start - 1] in LOCATIVE_WORDS
    if entity.org is not None:
        sector, sector2 = org_sector(entity.org, when)
        if sector is not None:
            return [_Cue(entity.start, entity.end, sector, sector2, 3)]
        return []
    if entity.via in ("capital", "seat") and not located:
        sector = "GOV"
        if entity.via == "seat":
            cue = _best_cue_in(gazetteer.tokenize(" ".join(lowered[entity.start:entity.end])))
            if cue is not None:
                sector = cue.sector
        return [_Cue(entity.start, entity.end, sector, None, 2)]
    return []


def _choose_sector(
    cues: list[_Cue], entities: list[_Entity], lowered: list[str], when: date | None
) -> tuple[str | None, str | None]:
    qualifiers = [c for c in cues if c.weight == 0]
    ranked = [c for c in cues if c.weight > 0]
    if not ranked:
        return None, None
    head_end = next((k for k, w in enumerate(lowered) if w in PREPOSITIONS and k > 0),
                    len(lowered))

    def rank(c: _Cue) -> tuple[int, int, int]:
        return (c.weight, 1 if c.start < head_end else 0, c.start)

    best = max(ranked, key=rank)
    # "President of the Chadian Human Rights League": a generic post takes the sector of
    # the institution it heads.
    if best.generic and best.start < head_end:
        after = [c for c in ranked if c.start >= head_end and c.sector in INSTITUTION_SECTORS
                 and c.weight >= 2]
        if after:
            best = max(after, key=lambda c: (c.weight, -c.start))
    armed = [e.org for e in entities if e.org is not None and e.org.kind == "armed_group"]
    if armed and best.sector in ARMED_SECTORS:
        sector, _ = org_sector(armed[0], when)
        if sector is not None and sector != best.sector:
            best = _Cue(best.start, best.end, sector, best.sector2, best.weight)
    sector, sector2 = best.sector, best.sector2
    if sector2 is None:
        others = [c for c in cues if c.weight != 0 and c.sector != sector and c is not best
                  and not c.generic]
        if others:
            sector2 = max(others, key=lambda c: (abs(c.weight), c.start)).sector
    if qualifiers and sector in OFFICE_SECTORS and any(q.start < best.end for q in qualifiers):
        return "ELI", sector
    return sector, sector2


def _best_cue_in(tokens: list[str]) -> SectorCue | None:
    """The strongest sector cue among all sub-phrases of ``tokens``."""
    best: SectorCue | None = None
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            cue = gazetteer.lookup_sector_cue(" ".join(tokens[i:j]))
            if cue is not None and cue.weight > 0 and (best is None or cue.weight >= best.weight):
                best = cue
    return best


@cache
def org_sector(org: OrgEntry, when: date | None = None) -> tuple[str | None, str | None]:
    """The sector (and secondary sector) of a table organisation.

    Cue words in its name decide where they fit its kind ("Central Intelligence Agency":
    SPY; "People's Liberation Army": MIL, since a state organ is never REB); otherwise
    the kind's default (armed group: REB, party: PTY, media: JRN, international: IGO).
    """
    for key, since, sector in SECTOR_CHANGES:
        if org.key == key and when is not None and when >= since:
            return sector, None
    default = SECTOR_BY_ORG_KIND.get(org.kind)
    if org.kind in ("political", "media", "delegation"):
        return default, None
    names = [org.name] if org.kind == "international" else [org.name, *org.aliases]
    for name in names:
        cue = _allowed_cue(org, gazetteer.tokenize(name))
        if cue is not None:
            second = cue.sector2 or (default if default != cue.sector else None)
            return cue.sector, second
    return default, None


def _allowed_cue(org: OrgEntry, tokens: list[str]) -> SectorCue | None:
    """The strongest cue in an organisation's name that fits its kind (longer wins ties)."""
    best: tuple[int, int, SectorCue] | None = None
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            cue = gazetteer.lookup_sector_cue(" ".join(tokens[i:j]))
            if cue is None or cue.weight == 0:
                continue
            if org.kind == "armed_group" and cue.sector not in ("PRM", "UAF"):
                continue
            if org.kind == "international" and cue.weight < 3:
                continue
            if org.kind != "armed_group" and cue.sector in NON_STATE_SECTORS:
                continue
            if best is None or (cue.weight, j - i) >= best[:2]:
                best = (cue.weight, j - i, cue)
    return best[2] if best is not None else None
