"""Tests of kg.nlp.actors.resolve_actor (phrases written for kg, not copied)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.nlp.actors import ActorResolution, org_sector, resolve_actor
from kg.reference.gazetteer import lookup_org


@pytest.mark.parametrize(
    "text, country, sector, via",
    [
        ("Beijing", "CHN", "GOV", "capital"),
        ("ANKARA", "TUR", "GOV", "capital"),
        ("the Kremlin", "RUS", "GOV", "seat"),
        ("Kremlin spokesman", "RUS", "GOV", "seat"),
        ("a former White House official", "USA", "ELI", "seat"),
        ("Sudanese rebels", "SDN", "REB", "demonym"),
        ("the Ethiopian Government", "ETH", "GOV", "demonym"),
        ("Russian troops", "RUS", "MIL", "demonym"),
        ("Qatar's foreign ministry", "QAT", "GOV", "name"),
        ("Egypt’s interior minister", "EGY", "GOV", "name"),
        ("Norwegian diplomats", "NOR", "GOV", "demonym"),
        ("Emirati warships", "ARE", "MIL", "demonym"),
        ("Yemeni fishermen", "YEM", "AGR", "demonym"),
        ("Kenyan riot police", "KEN", "COP", "demonym"),
        ("Turkish lawmakers", "TUR", "LEG", "demonym"),
        ("Israeli settlers", "ISR", None, "demonym"),
        ("an Iranian judge", "IRN", "JUD", "demonym"),
        ("the U.S. Senate", "USA", "LEG", "org"),
        ("Pakistani intelligence officials", "PAK", "SPY", "demonym"),
        ("displaced Sudanese", "SDN", "REF", "demonym"),
        ("Colombian guerrillas", "COL", "REB", "demonym"),
        ("the Pentagon", "USA", "MIL", "seat"),
        ("Mali's military junta", "MLI", "GOV", "name"),
        ("Libyan militias", "LBY", "PRM", "demonym"),
        ("Turkiye", "TUR", None, "alias"),
        ("Ukraine", "UKR", None, "name"),
        ("Britain’s ambassador to Oman", "GBR", "GOV", "alias"),
        ("an envoy to Kabul", None, "GOV", "none"),
        ("protesters in Tbilisi", "GEO", "CVL", "capital"),
    ],
)
def test_actors_resolve_country_and_sector(text, country, sector, via):
    got = resolve_actor(text)
    assert (got.country, got.sector, got.via) == (country, sector, via), got


@pytest.mark.parametrize(
    "text, country, sector, org",
    [
        ("Hamas", "PSE", "REB", "hamas"),
        ("Houthi fighters", "YEM", "REB", "houthis"),
        ("Hezbollah gunmen", "LBN", "REB", "hezbollah"),
        ("the Tigray People's Liberation Front", "ETH", "REB", "tplf"),
        ("ZANU-PF", "ZWE", "PTY", "zanu-pf"),
        ("Xinhua", "CHN", "JRN", "xinhua"),
        ("the African Union", None, "IGO", "african-union"),
        ("UN peacekeepers", None, "MIL", "united-nations"),
        ("the International Court of Justice", None, "JUD", "icj"),
        ("CIA", "USA", "SPY", "cia"),
        ("the Israel Defense Forces", "ISR", "MIL", "idf"),
        ("Wagner mercenaries", "RUS", "UAF", "wagner"),
    ],
)
def test_actors_resolve_organisations(text, country, sector, org):
    got = resolve_actor(text)
    assert (got.country, got.sector, got.org) == (country, sector, org), got


@pytest.mark.parametrize(
    "text, sector, sector2",
    [
        ("Defence Minister", "GOV", "MIL"),
        ("Deputy Minister of Defence Colonel General Ivanov", "GOV", "MIL"),
        ("General Smith", "MIL", None),
        ("retired general", "ELI", "MIL"),
        ("the ousted prime minister", "ELI", "GOV"),
        ("a former intelligence chief", "ELI", "SPY"),
        ("chairman of the bank's board", "BUS", None),
        ("president of the bar association", "JUD", None),
        ("anti-war protesters", "OPP", "CVL"),
        ("a crowd of villagers", "CVL", None),
        ("aid workers", "NGO", None),
        ("refugees", "REF", None),
        ("Director of National Intelligence", "SPY", None),
    ],
)
def test_actors_resolve_sector_rules(text, sector, sector2):
    got = resolve_actor(text)
    assert (got.sector, got.sector2) == (sector, sector2), got


@pytest.mark.parametrize("text", ["us", "He said", "two men", "", "the", "yesterday"])
def test_actors_unknown_phrases_resolve_to_nothing(text):
    got = resolve_actor(text)
    assert got == ActorResolution(None, None, "none")


def test_actors_us_pronoun_is_not_the_united_states():
    assert resolve_actor("told us").country is None
    assert resolve_actor("US officials").country == "USA"
    assert resolve_actor("U.S. officials").country == "USA"


def test_actors_longest_match_wins():
    assert resolve_actor("South Sudanese soldiers").country == "SSD"
    assert resolve_actor("Sudanese soldiers").country == "SDN"
    assert resolve_actor("North Korean diplomats").country == "PRK"
    assert resolve_actor("a Papua New Guinean official").country == "PNG"


def test_actors_group_standing_changes_with_date():
    assert resolve_actor("Taliban", date(2010, 1, 1)).sector == "REB"
    assert resolve_actor("Taliban", date(2023, 1, 1)).sector == "GOV"
    assert resolve_actor("Taliban").sector == "REB"


def test_actors_org_sector_respects_kind():
    assert org_sector(lookup_org("People's Liberation Army")) == ("MIL", "GOV")
    assert org_sector(lookup_org("Federal Security Service"))[0] == "SPY"
    assert org_sector(lookup_org("World Bank")) == ("IGO", None)
    assert org_sector(lookup_org("Congress Party")) == ("PTY", None)
