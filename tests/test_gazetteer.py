"""Tests of kg.reference.gazetteer: table integrity and lookups (cases written for kg, not copied)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from kg.records import OrgKind
from kg.reference import gazetteer as g

# ------------------------------------------------------------------- table integrity


def test_gazetteer_countries_cover_iso_and_kosovo():
    codes = {c.alpha3 for c in g.countries()}
    assert len(codes) >= 249
    assert {"XKX", "PSE", "TWN", "SSD", "USA", "GBR"} <= codes


def test_gazetteer_country_codes_are_unique_and_well_formed():
    alpha3 = [c.alpha3 for c in g.countries()]
    alpha2 = [c.alpha2 for c in g.countries()]
    assert len(alpha3) == len(set(alpha3))
    assert len(alpha2) == len(set(alpha2))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in alpha3)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in alpha2)


@pytest.mark.parametrize(
    "name, columns",
    [
        ("countries.tsv", g.COUNTRY_COLUMNS),
        ("organizations.tsv", g.ORG_COLUMNS),
        ("titles.tsv", g.TITLE_COLUMNS),
        ("honorifics.tsv", g.HONORIFIC_COLUMNS),
        ("sectors.tsv", g.SECTOR_COLUMNS),
    ],
)
def test_gazetteer_every_row_has_every_column(name, columns):
    from kg.reference import read_table

    lines = read_table(name).splitlines()
    assert tuple(lines[0].split("\t")) == columns
    for number, line in enumerate(lines[1:], start=2):
        assert len(line.split("\t")) == len(columns), f"{name}:{number}"


def test_gazetteer_wikidata_ids_are_q_ids():
    ids = [c.wikidata for c in g.countries()] + [o.wikidata for o in g.organizations()]
    assert all(re.fullmatch(r"Q\d+", qid) for qid in ids if qid)
    country_ids = [c.wikidata for c in g.countries() if c.wikidata]
    assert len(country_ids) == len(set(country_ids))


def _owners(entries):
    owners: dict[str, set[str]] = defaultdict(set)
    for key, surface in entries:
        owners[g.normalize(surface)].add(key)
    return {s: keys for s, keys in owners.items() if len(keys) > 1}


def test_gazetteer_no_country_surface_names_two_countries():
    entries = [
        (c.alpha3, s)
        for c in g.countries()
        for s in (c.name, *c.aliases, *c.demonyms, *c.capitals, *c.seats)
    ]
    assert _owners(entries) == {}


def test_gazetteer_no_org_surface_names_two_organisations():
    entries = [(o.key, s) for o in g.organizations() for s in (o.name, *o.aliases)]
    assert _owners(entries) == {}


def test_gazetteer_org_rows_are_valid():
    kinds = set(OrgKind.__args__)  # type: ignore[attr-defined]
    keys = [o.key for o in g.organizations()]
    assert len(keys) == len(set(keys))
    for org in g.organizations():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", org.key), org.key
        assert org.kind in kinds, org
        assert org.country is None or g.country_by_code(org.country) is not None, org


def test_gazetteer_titles_and_sectors_are_valid():
    categories = set(g.TitleCategory.__args__)  # type: ignore[attr-defined]
    for title in g.titles():
        assert title.surface == title.surface.lower()
        assert title.category in categories, title
    for cue in g.sector_cues():
        assert re.fullmatch(r"[A-Z]{3}", cue.sector), cue
        assert cue.sector2 is None or re.fullmatch(r"[A-Z]{3}", cue.sector2), cue
        assert 0 <= cue.weight <= 3


# ------------------------------------------------------------------------ countries


@pytest.mark.parametrize(
    "text, alpha3, via",
    [
        ("Turkey", "TUR", "name"),
        ("Türkiye", "TUR", "alias"),
        ("Turkiye", "TUR", "alias"),
        ("the United States", "USA", "name"),
        ("U.S.", "USA", "alias"),
        ("US", "USA", "alias"),
        ("U.S.A.", "USA", "alias"),
        ("America", "USA", "alias"),
        ("Britain", "GBR", "alias"),
        ("U.K.", "GBR", "alias"),
        ("PRC", "CHN", "alias"),
        ("People’s Republic of China", "CHN", "alias"),
        ("Republic of China", "TWN", "alias"),
        ("ROK", "KOR", "alias"),
        ("DPRK", "PRK", "alias"),
        ("Russian Federation", "RUS", "alias"),
        ("State of Qatar", "QAT", "alias"),
        ("Kingdom of Saudi Arabia", "SAU", "alias"),
        ("Islamic Republic of Iran", "IRN", "alias"),
        ("DRC", "COD", "alias"),
        ("DR Congo", "COD", "alias"),
        ("Congo-Brazzaville", "COG", "alias"),
        ("UAE", "ARE", "alias"),
        ("the Emirates", "ARE", "alias"),
        ("Côte d’Ivoire", "CIV", "name"),
        ("Cote d'Ivoire", "CIV", "name"),
        ("Ivory Coast", "CIV", "alias"),
        ("Kosovo", "XKX", "name"),
        ("Emiratis", "ARE", "demonym"),
        ("Ukrainian", "UKR", "demonym"),
        ("Britons", "GBR", "demonym"),
        ("Belarussian", "BLR", "demonym"),
        ("Saudi", "SAU", "demonym"),
        ("Sudanese", "SDN", "demonym"),
        ("South Sudanese", "SSD", "demonym"),
        ("Yemenis", "YEM", "demonym"),
        ("Palestinians", "PSE", "demonym"),
        ("Kiev", "UKR", "capital"),
        ("Kyiv", "UKR", "capital"),
        ("Washington, D.C.", "USA", "capital"),
        ("Peking", "CHN", "capital"),
        ("Teheran", "IRN", "capital"),
        ("Ramallah", "PSE", "capital"),
        ("Jerusalem", "ISR", "capital"),
        ("Sana'a", "YEM", "capital"),
        ("Sanaa", "YEM", "capital"),
        ("N’Djamena", "TCD", "capital"),
        ("the Kremlin", "RUS", "seat"),
        ("White House", "USA", "seat"),
        ("Foggy Bottom", "USA", "seat"),
        ("Downing Street", "GBR", "seat"),
        ("No. 10", "GBR", "seat"),
        ("Élysée", "FRA", "seat"),
        ("Elysee", "FRA", "seat"),
        ("Quai d'Orsay", "FRA", "seat"),
        ("Zhongnanhai", "CHN", "seat"),
        ("Blue House", "KOR", "seat"),
        ("DEU", "DEU", "code"),
        ("TUR", "TUR", "code"),
    ],
)
def test_gazetteer_lookup_country(text, alpha3, via):
    match = g.lookup_country(text)
    assert match is not None, text
    assert (match.entry.alpha3, match.via) == (alpha3, via)


@pytest.mark.parametrize(
    "text",
    ["us", "Us", "the us", "us's", "AND", "CAN", "Houthi", "Kurdish", "turkey", "china", "", "   "],
)
def test_gazetteer_lookup_country_rejects(text):
    assert g.lookup_country(text) is None


@pytest.mark.parametrize(
    "text, alpha3",
    [
        ("Russia's", "RUS"),
        ("Russia’s", "RUS"),
        ("Americans'", "USA"),
        ("TEHRAN", "IRN"),
        ("TURKEY", "TUR"),
        ("  South   Korea ", "KOR"),
        ("South Korea’s", "KOR"),
        ("Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Georgia", "GEO"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Papua New Guinea", "PNG"),
        ("Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Sudan", "SDN"),
        ("South Sudan", "SSD"),
        ("Niger", "NER"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Dominican", "DOM"),
        ("Macedonia", "MKD"),
        ("Burma", "MMR"),
        ("Swaziland", "SWZ"),
    ],
)
def test_gazetteer_lookup_country_normalises_and_resolves_ambiguities(text, alpha3):
    match = g.lookup_country(text)
    assert match is not None and match.entry.alpha3 == alpha3


def test_gazetteer_lookup_country_codes_can_be_disabled():
    assert g.lookup_country("FRA", allow_codes=False) is None
    assert g.lookup_country("FRA").entry.alpha3 == "FRA"


@pytest.mark.parametrize("code, alpha3", [("GB", "GBR"), ("gbr", "GBR"), ("XK", "XKX"), ("ps", "PSE")])
def test_gazetteer_country_by_code(code, alpha3):
    assert g.country_by_code(code).alpha3 == alpha3


def test_gazetteer_country_by_code_unknown():
    assert g.country_by_code("ZZZ") is None


def test_gazetteer_country_entry_fields():
    usa = g.country_by_code("USA")
    assert usa.name == "United States" and usa.wikidata == "Q30"
    assert "Pentagon" in usa.seats and "Washington" in usa.capitals
    # the ISO 3166 English short name, as analysts write it; "Ivory Coast" is an alias
    assert g.country_by_code("CIV").name == "Côte d'Ivoire"
    assert g.lookup_country("Ivory Coast").entry.alpha3 == "CIV"


# --------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    "text, key",
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("the U.S.", "us"),
        ("The Kremlin’s", "kremlin"),
        ("Türkiye", "turkiye"),
        ("  Saudi    Arabia ", "saudi arabia"),
        ("“Quai d’Orsay”", "quai dorsay"),
        ("ZANU–PF", "zanu pf"),
        ("Washington, D.C.", "washington dc"),
        ("the", "the"),
    ],
)
def test_gazetteer_normalize(text, key):
    assert g.normalize(text) == key


@pytest.mark.parametrize(
    "surface, sensitive",
    [("US", True), ("U.S.", True), ("UN", True), ("AU", True), ("WHO", True), ("MoD", True),
     ("Nato", False), ("NATO", True), ("ASEAN", False), ("Turkey", True), ("Russia", False),
     ("South Korea", False)],
)
def test_gazetteer_surface_is_case_sensitive(surface, sensitive):
    assert g.surface_is_case_sensitive(surface) is sensitive


# ------------------------------------------------------------------------ organisations


@pytest.mark.parametrize(
    "text, key, kind, country",
    [
        ("UN", "united-nations", "international", None),
        ("U.N.", "united-nations", "international", None),
        ("the United Nations", "united-nations", "international", None),
        ("UN Security Council", "un-security-council", "international", None),
        ("AU", "african-union", "international", None),
        ("EU", "european-union", "international", None),
        ("Nato", "nato", "international", None),
        ("League of Arab States", "arab-league", "international", None),
        ("Gulf Cooperation Council", "gcc", "international", None),
        ("IGAD", "igad", "international", None),
        ("WHO", "who", "international", None),
        ("Red Cross", "icrc", "international", None),
        ("Hamas", "hamas", "armed_group", "PSE"),
        ("Ansar Allah", "houthis", "armed_group", "YEM"),
        ("Houthis", "houthis", "armed_group", "YEM"),
        ("RSF", "rsf", "armed_group", "SDN"),
        ("Sudanese Armed Forces", "saf", "armed_group", "SDN"),
        ("FARC-EP", "farc", "armed_group", "COL"),
        ("FARC", "farc", "armed_group", "COL"),
        ("al-Shabab", "al-shabaab", "armed_group", "SOM"),
        ("Daesh", "isis", "armed_group", None),
        ("Zanu-PF", "zanu-pf", "political", "ZWE"),
        # Venezuela's opposition coalition since 2021 and the one it succeeded are two rows
        ("Unitary Platform", "unitary-platform", "political", "VEN"),
        ("Plataforma Unitaria", "unitary-platform", "political", "VEN"),
        ("MUD", "mud", "political", "VEN"),
        ("ODM", "odm", "political", "KEN"),
        ("Palestinian Authority", "palestinian-authority", "government", "PSE"),
        ("RIA Novosti", "ria-novosti", "media", "RUS"),
        ("Agence France-Presse", "afp", "media", "FRA"),
        ("Anadolu", "anadolu", "media", "TUR"),
        ("Voice of America", "voa", "media", "USA"),
        ("the Kremlin", "kremlin", "government", "RUS"),
        ("Foreign Office", "uk-foreign-office", "ministry", "GBR"),
    ],
)
def test_gazetteer_lookup_org(text, key, kind, country):
    org = g.lookup_org(text)
    assert org is not None, text
    assert (org.key, org.kind, org.country) == (key, kind, country)


@pytest.mark.parametrize("text", ["un", "us", "who", "Who", "au", "is", "the", "national", "spa"])
def test_gazetteer_lookup_org_rejects_common_words(text):
    assert g.lookup_org(text) is None


def test_gazetteer_org_by_key():
    assert g.org_by_key("nato").wikidata == "Q7184"
    assert g.org_by_key("no-such-org") is None
    # an armed group goes by its own acronym: the FARC's is FARC-EP
    assert g.org_by_key("farc").name == "FARC-EP"


# ------------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    "text, canonical, category",
    [
        ("Foreign Minister", "Foreign Minister", "minister"),
        ("minister of foreign affairs", "Foreign Minister", "minister"),
        ("Minister for Foreign Affairs", "Foreign Minister", "minister"),
        ("foreign ministers", "Foreign Minister", "minister"),
        ("former foreign minister", "Foreign Minister", "minister"),
        ("Defense Minister", "Defence Minister", "minister"),
        ("defence minister", "Defence Minister", "minister"),
        ("Secretary of State", "Secretary of State", "minister"),
        ("Foreign Secretary", "Foreign Secretary", "minister"),
        ("Minister of State for Foreign Affairs", "Minister of State for Foreign Affairs", "minister"),
        ("minister of information", "Information Minister", "minister"),
        ("Prime Minister", "Prime Minister", "head_of_government"),
        ("premier", "Prime Minister", "head_of_government"),
        ("vice-president", "Vice President", "head_of_state"),
        ("Emir", "Emir", "royal"),
        ("Amir", "Emir", "royal"),
        ("Crown Prince", "Crown Prince", "royal"),
        ("special envoy", "Special Envoy", "diplomat"),
        ("Ambassador", "Ambassador", "diplomat"),
        ("chief negotiator", "Chief Negotiator", "negotiator"),
        ("mediator", "Mediator", "negotiator"),
        ("spokeswoman", "Spokesperson", "spokesperson"),
        ("spokesmen", "Spokesperson", "spokesperson"),
        ("press secretary", "Press Secretary", "spokesperson"),
        ("national security advisor", "National Security Adviser", "official"),
        ("chief of staff", "Chief of Staff", "official"),
        ("army chief", "Army Chief", "military"),
        ("intelligence chief", "Intelligence Chief", "intelligence"),
        ("Secretary-General", "Secretary-General", "international"),
        ("chairperson of the commission", "Chairperson of the Commission", "international"),
        ("High Representative", "High Representative", "international"),
        ("head of delegation", "Head of Delegation", "negotiator"),
        ("opposition leader", "Opposition Leader", "party"),
        ("speaker of parliament", "Speaker of Parliament", "legislator"),
        ("senator", "Senator", "legislator"),
        ("Lt. Gen.", "Lieutenant General", "military"),
    ],
)
def test_gazetteer_lookup_title(text, canonical, category):
    entry = g.lookup_title(text)
    assert entry is not None, text
    assert (entry.canonical, entry.category) == (canonical, category)


@pytest.mark.parametrize("text", ["Kremlin", "former", "minister of silly walks", "the"])
def test_gazetteer_lookup_title_rejects(text):
    assert g.lookup_title(text) is None


def test_gazetteer_surfaces_for_matchers():
    assert "foreign minister" in g.title_surfaces()
    countries = g.country_surfaces()
    assert {"Türkiye", "Turkiye", "U.S.", "Kremlin", "Emiratis"} <= countries
    assert {"Élysée", "Elysee"} <= countries
    assert {"Hamas", "UN", "Nato"} <= g.org_surfaces()
    assert g.longest_surface_tokens() >= 5


# ---------------------------------------------------------------------------- honorifics


@pytest.mark.parametrize(
    "text, kind",
    [("H.E.", "honorific"), ("HE", "honorific"), ("His Excellency", "honorific"), ("Mr", "honorific"),
     ("Mr.", "honorific"), ("Dr.", "honorific"), ("Ms", "honorific"), ("His Majesty", "royal"),
     ("His Royal Highness", "royal"), ("HRH", "royal"), ("Sheikh", "royal_or_religious"),
     ("Sheikha", "royal_or_religious"), ("Ayatollah", "religious")],
)
def test_gazetteer_honorifics(text, kind):
    assert g.is_honorific(text)
    assert g.honorific_kind(text) == kind


@pytest.mark.parametrize("text", ["He", "he", "Emir", "President", "Minister", "Kremlin"])
def test_gazetteer_not_honorifics(text):
    assert not g.is_honorific(text)


def test_gazetteer_sector_cue_lookup():
    assert g.lookup_sector_cue("Troops").sector == "MIL"
    assert g.lookup_sector_cue("former").weight == 0
    assert g.lookup_sector_cue("Self-Defense Forces").sector == "PRM"
    assert g.lookup_sector_cue("Russia") is None


@pytest.mark.parametrize(("name", "canonical"), [
    ("Kiev", "Kyiv"),          # a capital: the country's first listed capital
    ("Kyiv", "Kyiv"),
    ("Gomel", "Homyel'"),      # a city by an alias: the table's name
    ("Homyel'", "Homyel'"),
    ("Springfield", "Springfield"),  # unknown: as given
])
def test_gazetteer_canonical_place_name(name: str, canonical: str) -> None:
    assert g.canonical_place_name(name) == canonical


@pytest.mark.parametrize(("surface", "form"), [
    ("Tamil Tigers", "Tamil Tiger"),
    ("Revolutionary Guards", "Revolutionary Guard"),
    ("Hamas", None),  # one word
    ("Movement for Democratic Change", None),  # no plural
    ("Sudanese Armed Forces", "Sudanese Armed Force"),
    ("Doctors Without Borders", "Doctors Without Border"),  # mechanical: a form no text uses is harmless
])
def test_gazetteer_modifier_form_of_a_plural_name(surface: str, form: str | None) -> None:
    assert g.modifier_form(surface) == form


def test_gazetteer_a_plural_name_as_a_modifier_is_the_organisation():
    """'Tamil Tiger rebels': the singular of a plural alias names the same body, and never takes
    another body's own surface."""
    entry = g.lookup_org("Tamil Tiger")
    assert entry is not None and entry.key == "ltte"
    for entry in g.organizations():
        for surface in (entry.name, *entry.aliases):
            form = g.modifier_form(surface)
            if form is not None:
                found = g.lookup_org(form)
                assert found is not None
