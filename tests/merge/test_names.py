"""Name keys of the merge: titles off, transliterations folded, surnames blocked by skeleton."""

from __future__ import annotations

import pytest

from kg.merge.names import (
    acronym,
    as_acronym,
    match_names,
    norm,
    parse_person_name,
    skeleton,
    surnames_match,
    table_org_key,
)


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskiy", "Zelenskyy", "ZELENSKY", "Zelenskyy's"])
def test_names_transliterations_share_a_norm(spelling):
    assert norm(spelling) == norm("Zelensky") == "zelenski"


@pytest.mark.parametrize(
    ("label", "given", "surname", "titles"),
    [
        ("President Zelensky", (), "zelenski", ("President",)),
        ("Volodymyr Zelensky", ("volodimir",), "zelenski", ()),
        ("Foreign Minister Sergey Lavrov", ("sergei",), "lavrov", ("Foreign Minister",)),
        ("Abdel Fattah el-Sisi", ("abdel", "fatah"), "sisi", ()),
        ("Recep Tayyip Erdoğan", ("recep", "taip"), "erdogan", ()),
        ("Mr. Smith", (), "smith", ()),
    ],
)
def test_names_parse_person_name(label, given, surname, titles):
    name = parse_person_name(label)
    assert name is not None
    assert (name.given, name.surname, name.titles) == (given, surname, titles)


@pytest.mark.parametrize(
    "label", ["the Prime Minister", "Prime Minister of the United Kingdom", "a senior official", "UN", "Hamas",
              "President", ""],
)
def test_names_descriptions_are_not_names(label):
    assert parse_person_name(label) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "same"),
        ("Volodymyr Zelensky", "Zelenskiy", "surname"),
        ("V. Zelensky", "Volodymyr Zelensky", "initial"),
        ("Recep Tayyip Erdogan", "Tayyip Erdoğan", "variant"),
        ("Sergey Lavrov", "Sergei Lavrov", "same"),
        ("Imran Khan", "Shahid Khan", None),
        ("Zelensky", "Olena Zelenska", None),  # a surname alone must be spelt alike
        ("Volodymyr Zelensky", "Emmanuel Macron", None),
    ],
)
def test_names_match(a, b, expected):
    assert match_names(parse_person_name(a), parse_person_name(b)) == expected


def test_names_surname_blocks_meet_through_the_skeleton():
    assert skeleton(norm("Muhammad")) == skeleton(norm("Mohammed"))
    assert parse_person_name("Zelenskyy").key == parse_person_name("President Zelensky").key == "person:zlnsk"
    assert surnames_match("zelenski", "zelenski")
    assert not surnames_match("putin", "paton")


def test_names_organisation_abbreviations():
    assert acronym("the African Union") == "AU"
    assert acronym("Southern Front") == "SF"
    assert acronym("Hamas") is None
    assert as_acronym("AU") == "AU" and as_acronym("U.N.") == "UN" and as_acronym("the SDF") == "SDF"
    assert as_acronym("Hamas") is None
    assert table_org_key(("AU",)) == table_org_key(("the African Union",)) == "african-union"
    assert table_org_key(("Southern Front",)) is None
