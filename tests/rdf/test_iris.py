"""IRI minting: slugs, hashes, and one IRI function per node kind."""

from __future__ import annotations

import doctest
import re

import pytest
from rdflib import URIRef

from kg.rdf import iris
from kg.settings import DEFAULT_BASE_IRI

BASE = "https://example.org/kg/"
IRI_SAFE = re.compile(r"^[A-Za-z0-9:/._~%#?=&+-]+$")


def test_iris_doctests_pass():
    result = doctest.testmod(iris)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Łukasz Żółć", "lukasz-zolc"),
        ("Ahmet Davutoğlu", "ahmet-davutoglu"),
        ("Kılıçdaroğlu", "kilicdaroglu"),
        ("Straße", "strasse"),
        ("Søren Ærø", "soren-aero"),
        ("  Foreign   Minister  ", "foreign-minister"),
        ("Al-Thani", "al-thani"),
        ("O'Brien & Co.", "o-brien-co"),
        ("Secretary-General", "secretary-general"),
        ("G7", "g7"),
        ("Børge Brende", "borge-brende"),
        # Other scripts are romanised by the same transliteration (anyascii), not hashed.
        ("Владимир Путин", "vladimir-putin"),
        ("北京", "beijing"),
    ],
)
def test_iris_slug_folds_to_lower_ascii(text, expected):
    assert iris.slug(text) == expected


@pytest.mark.parametrize("text", ["", "!!!", "   ", "…", "\u200b"])
def test_iris_slug_is_never_empty(text):
    result = iris.slug(text)
    assert result == iris.h8(text)
    assert re.fullmatch(r"[0-9a-f]{8}", result)


def test_iris_slug_bounded_and_distinct_for_long_keys():
    stem = "united nations office for the coordination of humanitarian affairs in "
    a, b = iris.slug(stem + "geneva"), iris.slug(stem + "new york")
    assert len(a) <= iris.SLUG_MAX_LENGTH and len(b) <= iris.SLUG_MAX_LENGTH
    assert a != b
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a)


@pytest.mark.parametrize("text", ["Ana Castillo", "Erdoğan", "x" * 200, "Путин"])
def test_iris_slug_is_stable_under_reslugging(text):
    once = iris.slug(text)
    assert iris.slug(once) == once


def test_iris_h8_is_sha256_prefix():
    assert iris.h8("") == "e3b0c442"
    assert len(iris.h8("Erdoğan")) == 8


def _all_iris(base: str) -> list[URIRef]:
    return [
        iris.document_iri("bbc/2024 001", base),
        iris.source_iri("bbc/2024 001", base),
        iris.extraction_iri("bbc/2024 001", base),
        iris.agent_iri("en_core_web_sm 3.8.0", base),
        iris.person_iri("bbc/2024 001", "Ana Castillo", base),
        iris.country_iri("nor", base),
        iris.org_iri("bbc/2024 001", "United Nations", True, base),
        iris.org_iri("bbc/2024 001", "Southern Front", False, base),
        iris.place_iri("São Paulo", base),
        iris.role_iri("Foreign Minister", base),
        iris.role_holding_iri("bbc/2024 001", "ana castillo", "Envoy", "country:NOR", "current", base),
        iris.event_iri("bbc/2024 001", "talks 1", base),
        iris.mention_iri("bbc/2024 001", 3, 17, base),
    ]


@pytest.mark.parametrize("base", [BASE, BASE.rstrip("/"), DEFAULT_BASE_IRI])
def test_iris_live_under_the_base_and_are_plain_ascii(base):
    prefix = base if base.endswith("/") else base + "/"
    for iri in _all_iris(base):
        assert isinstance(iri, URIRef)
        assert iri.startswith(prefix)
        assert IRI_SAFE.match(iri), iri


def test_iris_follow_the_architecture_table():
    d = iris.h8("doc-9")
    assert iris.document_iri("doc-9", BASE) == URIRef(f"{BASE}doc/doc-9-{d}")
    assert iris.source_iri("doc-9", BASE) == URIRef(f"{BASE}source/doc-9-{d}")
    assert iris.extraction_iri("doc-9", BASE) == URIRef(f"{BASE}extraction/{d}")
    assert iris.agent_iri("kg 0.1.0", BASE) == URIRef(f"{BASE}agent/kg-0-1-0")
    assert iris.person_iri("doc-9", "Tomás Ibarra", BASE) == URIRef(f"{BASE}person/{d}/tomas-ibarra")
    assert iris.country_iri("col", BASE) == URIRef(f"{BASE}country/COL")
    assert iris.org_iri("doc-9", "UN", True, BASE) == URIRef(f"{BASE}org/un")
    assert iris.org_iri("doc-9", "Front", False, BASE) == URIRef(f"{BASE}org/{d}/front")
    assert iris.place_iri("Oslo", BASE) == URIRef(f"{BASE}place/oslo")
    assert iris.role_iri("Foreign Minister", BASE) == URIRef(f"{BASE}role/foreign-minister")
    assert iris.event_iri("doc-9", "talks oslo", BASE) == URIRef(f"{BASE}event/{d}/talks-oslo")
    assert iris.mention_iri("doc-9", 0, 12, BASE) == URIRef(f"{BASE}mention/{d}/0-12")
    holding = iris.role_holding_iri("doc-9", "p", "t", "country:NOR", "current", BASE)
    assert re.fullmatch(rf"{re.escape(BASE)}roleholding/{d}/[0-9a-f]{{8}}", holding)


def test_iris_people_and_events_are_local_to_their_document():
    assert iris.person_iri("doc-1", "Ana Castillo") != iris.person_iri("doc-2", "Ana Castillo")
    assert iris.event_iri("doc-1", "talks") != iris.event_iri("doc-2", "talks")
    assert iris.country_iri("NOR") == iris.country_iri("nor")
    assert iris.org_iri("doc-1", "UN", True) == iris.org_iri("doc-2", "UN", True)
    assert iris.org_iri("doc-1", "Front", False) != iris.org_iri("doc-2", "Front", False)


def test_iris_role_holdings_differ_by_every_part():
    parts = ("doc-1", "ana", "Envoy", "country:NOR", "current")
    base = iris.role_holding_iri(*parts)
    for index, other in [(1, "luis"), (2, "Minister"), (3, "country:COL"), (3, None), (4, "former")]:
        changed = list(parts)
        changed[index] = other
        assert iris.role_holding_iri(*changed) != base
    assert iris.role_holding_iri(*parts) == base


@pytest.mark.parametrize("code", ["NO", "NORW", "N0R", "", "Norway"])
def test_iris_country_rejects_non_alpha3(code):
    with pytest.raises(ValueError):
        iris.country_iri(code)


def test_iris_mention_rejects_bad_spans():
    with pytest.raises(ValueError):
        iris.mention_iri("doc", 5, 2)
    with pytest.raises(ValueError):
        iris.mention_iri("doc", -1, 2)


def test_iris_wikidata_and_url():
    assert iris.wikidata_iri("Q1065") == URIRef("http://www.wikidata.org/entity/Q1065")
    with pytest.raises(ValueError):
        iris.wikidata_iri("1065")
    assert iris.url_iri("https://example.org/a b") == URIRef("https://example.org/a%20b")
    assert iris.url_iri("https://example.org/ü") == URIRef("https://example.org/%C3%BC")
    assert iris.url_iri("/relative/path") is None


def test_iris_empty_base_is_refused():
    with pytest.raises(ValueError):
        iris.place_iri("Oslo", "")
