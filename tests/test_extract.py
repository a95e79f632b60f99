"""extract_records: the pure Doc -> records function, its records and their evidence."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.extraction import extract_records
from kg.pipeline import extract_article
from kg.records import Article, DocumentRecords, EntityRef, Evidence

PUBLISHED = date(2024, 3, 16)


@pytest.fixture
def records_of(parses: dict[str, dict[str, Any]], parsed: Callable[[str], Doc]) -> Callable[[str], DocumentRecords]:
    """Records of a parse-bank sentence (hand-built Doc, no trained model)."""

    def extract(name: str) -> DocumentRecords:
        return extract_records(parsed(name), Article(name, parses[name]["text"], PUBLISHED))

    return extract


def evidence_in(records: DocumentRecords) -> Iterator[Evidence]:
    for entity in (*records.persons, *records.countries, *records.organizations, *records.places):
        yield from entity.mentions
    for role in records.roles:
        yield role.evidence
    for event in records.events:
        yield from event.evidence


def assert_evidence_matches_text(records: DocumentRecords) -> None:
    text = records.article.text
    for evidence in evidence_in(records):
        assert evidence.text == text[evidence.begin:evidence.end]
        end_of_sentence = evidence.sentence_begin + len(evidence.sentence)
        assert evidence.sentence == text[evidence.sentence_begin:end_of_sentence]
        assert evidence.sentence_begin <= evidence.begin <= evidence.end <= end_of_sentence, evidence


def referenced(records: DocumentRecords) -> set[EntityRef]:
    refs = {p.entity for e in records.events for p in e.participants}
    refs |= {e.location for e in records.events if e.location} | {e.reported_by for e in records.events
                                                                   if e.reported_by}
    for role in records.roles:
        refs.add(EntityRef("person", role.person))
        refs |= {EntityRef("country", role.of_country)} if role.of_country else set()
        refs |= {EntityRef("organization", role.of_organization)} if role.of_organization else set()
        refs |= {EntityRef("person", role.of_person)} if role.of_person else set()
    refs |= {EntityRef("country", p.country) for p in records.persons if p.country}
    refs |= {EntityRef("organization", p.organization) for p in records.persons if p.organization}
    refs |= {EntityRef("country", o.country) for o in (*records.organizations, *records.places) if o.country}
    return refs


def known(records: DocumentRecords) -> set[EntityRef]:
    return ({EntityRef("person", p.key) for p in records.persons}
            | {EntityRef("country", c.code) for c in records.countries}
            | {EntityRef("organization", o.key) for o in records.organizations}
            | {EntityRef("place", p.key) for p in records.places})


def plain_values(value: object) -> Iterator[object]:
    """Every leaf value of a records tree."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from plain_values(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from plain_values(item)
    else:
        yield value


# --- rule tests on hand-built Docs ----------------------------------------------------------


def test_extract_role_holding(records_of: Callable[[str], DocumentRecords]) -> None:
    records = records_of("met_demonym")
    (role,) = [r for r in records.roles if r.person == "amani-odhiambo"]
    assert (role.title, role.of_country, role.qualifier, role.confidence) == ("President", "KEN", "current", 0.9)
    assert role.evidence.text == "Kenyan President Amani Odhiambo"


def test_extract_role_of_person_and_former(records_of: Callable[[str], DocumentRecords]) -> None:
    records = records_of("aide_apposition")
    roles = {(r.title, r.of_person, r.qualifier) for r in records.roles if r.person == "lena-ortiz"}
    assert roles == {("Aide", "tomas-ruiz", "current"), ("Trade Minister", None, "former")}


def test_extract_national_title_takes_the_persons_country(records_of: Callable[[str], DocumentRecords]) -> None:
    # "Rosa Vidal, the Foreign Minister of Chile, ... Deputy Prime Minister Rosa Vidal said ..."
    records = records_of("inferred_country")
    (deputy,) = [r for r in records.roles if r.title == "Deputy Prime Minister"]
    assert (deputy.person, deputy.of_country, deputy.confidence) == ("rosa-vidal", "CHL", 0.7)


def test_extract_generic_titles_are_not_roles(records_of: Callable[[str], DocumentRecords]) -> None:
    # "The Kenyan leader said ...": a reference, not a role.
    records = records_of("leader_reference")
    assert "Leader" not in {r.title for r in records.roles}


def test_extract_unnamed_office_holder(records_of: Callable[[str], DocumentRecords]) -> None:
    records = records_of("unnamed_office_country")
    (holder,) = [p for p in records.persons if p.name is None]
    assert (holder.label, holder.country) == ("Prime Minister of United Kingdom", "GBR")
    (role,) = [r for r in records.roles if r.person == holder.key]
    assert (role.title, role.of_country, role.confidence) == ("Prime Minister", "GBR", 0.7)
    assert role.evidence.text == "The British Prime Minister"


def test_extract_countries_from_the_tables(records_of: Callable[[str], DocumentRecords]) -> None:
    records = records_of("met_demonym")
    assert [c.code for c in records.countries] == ["KEN", "TZA"]
    kenya = records.countries[0]
    assert (kenya.alpha2, kenya.name, kenya.wikidata) == ("KE", "Kenya", "Q114")
    assert [m.text for m in kenya.mentions] == ["Kenyan"]
    (nairobi,) = records.places
    assert (nairobi.key, nairobi.name, nairobi.country) == ("nairobi", "Nairobi", "KEN")


@pytest.mark.parametrize(
    ("name", "kind", "cameo"),
    [("met_demonym", "meeting", "040"), ("title_of_phone", "phone_call", "041"), ("arrived", "visit", "042"),
     ("talks_between", "talks", "046"), ("org_spokesman", "statement", "010"), ("mediated", "mediation", "045")],
)
def test_extract_event_cameo_codes(records_of: Callable[[str], DocumentRecords], name: str, kind: str,
                                   cameo: str) -> None:
    assert cameo in {e.cameo for e in records_of(name).events if e.kind == kind}


def test_extract_mediation_record(records_of: Callable[[str], DocumentRecords]) -> None:
    # "Norway mediated talks between Colombia and Venezuela."
    records = records_of("mediated")
    (mediation,) = [e for e in records.events if e.kind == "mediation"]
    assert [(p.entity.key, p.role) for p in mediation.participants] == [
        ("NOR", "mediator"), ("COL", "party"), ("VEN", "party")]
    assert (mediation.mediation_kind, mediation.stated, mediation.confidence, mediation.status) == (
        "mediator", True, 0.9, "held")
    assert mediation.evidence[0].text == records.article.text


def test_extract_inferred_mediation_record(records_of: Callable[[str], DocumentRecords]) -> None:
    records = records_of("relay")
    (relay,) = [e for e in records.events if e.kind == "mediation"]
    assert (relay.mediation_kind, relay.stated) == ("intermediary", False)
    assert relay.reason is not None and relay.reason.startswith("relay: ")
    calls = {e.key for e in records.events if e.kind == "phone_call"}
    assert set(relay.concerns) == calls


def test_extract_model_name_and_article_pass_through(parsed: Callable[[str], Doc]) -> None:
    article = Article("a-1", parsed("deal").text, PUBLISHED, url="https://example.org/a-1", title="Deal")
    records = extract_records(parsed("deal"), article, model="test-model 1.0")
    assert (records.article, records.model) == (article, "test-model 1.0")


def test_extract_evidence_matches_the_text(parses: dict[str, dict[str, Any]],
                                           records_of: Callable[[str], DocumentRecords]) -> None:
    for name in parses:
        assert_evidence_matches_text(records_of(name))


def test_extract_evidence_stays_inside_its_sentence_at_a_paragraph_break(make_doc: Callable[..., Doc]) -> None:
    # "Kenya met Uganda.\n\nTalks ended."
    doc = make_doc(
        ["Kenya", "met", "Uganda", ".", "\n\n", "Talks", "ended", "."],
        spaces=[True, True, False, False, False, True, False, False],
        heads=[1, 1, 1, 1, 3, 6, 6, 6],
        deps=["nsubj", "ROOT", "dobj", "punct", "dep", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PUNCT", "SPACE", "NOUN", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "NNP", ".", "_SP", "NNS", "VBD", "."],
        lemmas=["Kenya", "meet", "Uganda", ".", "\n\n", "talk", "end", "."],
        ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O"],
    )
    records = extract_records(doc, Article("p", doc.text, PUBLISHED))
    (meeting,) = [e for e in records.events if e.kind == "meeting"]
    assert (meeting.evidence[0].text, meeting.evidence[0].sentence) == ("Kenya met Uganda.", "Kenya met Uganda.")
    assert_evidence_matches_text(records)


def test_extract_references_point_at_records(parses: dict[str, dict[str, Any]],
                                             records_of: Callable[[str], DocumentRecords]) -> None:
    for name in parses:
        records = records_of(name)
        assert referenced(records) <= known(records), name


def test_extract_records_hold_plain_values(parses: dict[str, dict[str, Any]],
                                           records_of: Callable[[str], DocumentRecords]) -> None:
    for name in parses:
        for value in plain_values(records_of(name)):
            assert value is None or isinstance(value, str | int | float | bool | date), (name, type(value))


def test_extract_is_pure(parses: dict[str, dict[str, Any]], parsed: Callable[[str], Doc]) -> None:
    for name in parses:
        article = Article(name, parses[name]["text"], PUBLISHED)
        doc = parsed(name)
        first = extract_records(doc, article)
        assert extract_records(doc, article) == first, name  # the Doc is not changed by extraction
        assert extract_records(parsed(name), article) == first, name


# --- the trained model ----------------------------------------------------------------------

MODEL_TEXTS = [
    "Kenyan President Amani Odhiambo met Tanzanian Foreign Minister Baraka Mwita in Nairobi. The Kenyan leader "
    "said the talks were useful.",
    "NAIROBI\n\nNorway mediated talks between Colombia and Venezuela.\n\nThe talks will resume in Oslo next week, "
    "Colombian Foreign Minister Camila Restrepo said on Friday.",
    "Peruvian President Lucia Quispe spoke to Brazilian President Paulo Costa, asking him to delay the talks. "
    "Costa then spoke to Chilean President Rosa Vidal. She agreed.",
    "Sudan and Chad met under the auspices of the African Union. “We welcome the talks,” said Chad’s "
    "foreign minister, Idriss Mahamat.",
]


def border_talks() -> str:
    return (resources.files("kg.examples") / "border-talks.txt").read_text(encoding="utf-8")


@pytest.mark.model
def test_extract_model_evidence_matches_the_text(nlp: Language) -> None:
    for n, text in enumerate([*MODEL_TEXTS, border_talks()]):
        records = extract_article(Article(f"t{n}", text, PUBLISHED), nlp)
        assert records.events, text
        assert_evidence_matches_text(records)
        assert referenced(records) <= known(records)


@pytest.mark.model
def test_extract_model_is_deterministic(nlp: Language) -> None:
    articles = [Article(f"t{n}", text, PUBLISHED) for n, text in enumerate([*MODEL_TEXTS, border_talks()])]
    first = [extract_article(a, nlp) for a in articles]
    assert [extract_article(a, nlp) for a in reversed(articles)] == list(reversed(first))


@pytest.fixture(scope="module")
def example(nlp: Language) -> DocumentRecords:
    return extract_article(Article("border-talks", border_talks(), date(2024, 3, 16)), nlp)


def _mediations(records: DocumentRecords) -> list[tuple[set[str], set[str], str | None, bool | None]]:
    return [({p.entity.key for p in e.participants if p.role == "mediator"},
             {p.entity.key for p in e.participants if p.role == "party"}, e.mediation_kind, e.stated)
            for e in records.events if e.kind == "mediation"]


@pytest.mark.model
def test_extract_example_relay_mediation(example: DocumentRecords) -> None:
    # Arakelyan spoke to Beridze asking her to delay the talks; Beridze then spoke to Rzayev.
    assert ({"nino-beridze"}, {"davit-arakelyan", "farid-rzayev"}, "intermediary", False) in _mediations(example)


@pytest.mark.model
def test_extract_example_inferred_host_mediation(example: DocumentRecords) -> None:
    # The talks are planned in Batumi, Georgia, and Georgia's president took part in arranging them.
    assert ({"GEO"}, {"ARM", "AZE"}, "host", False) in _mediations(example)
    (host,) = [e for e in example.events if e.kind == "mediation" and e.mediation_kind == "host"]
    assert host.reason and host.confidence < 0.9


@pytest.mark.model
@pytest.mark.parametrize(
    ("key", "title", "of", "qualifier"),
    [
        ("elchin-mammadov", "Chief Negotiator", ("country", "AZE"), "current"),
        ("elchin-mammadov", "Aide", ("person", "farid-rzayev"), "current"),
        ("elchin-mammadov", "Justice Minister", None, "former"),
        ("nino-beridze", "President", ("country", "GEO"), "current"),
        ("davit-arakelyan", "Prime Minister", ("country", "ARM"), "current"),
        ("farid-rzayev", "President", ("country", "AZE"), "current"),
        ("tamar-kapanadze", "Spokeswoman", ("person", "nino-beridze"), "current"),
    ],
)
def test_extract_example_roles(example: DocumentRecords, key: str, title: str, of: tuple[str, str] | None,
                               qualifier: str) -> None:
    found = {(r.title, ("country", r.of_country) if r.of_country else ("person", r.of_person) if r.of_person
              else None, r.qualifier) for r in example.roles if r.person == key}
    assert (title, of, qualifier) in found


@pytest.mark.model
def test_extract_example_every_person_has_a_role_and_country(example: DocumentRecords) -> None:
    people = {p.key: p for p in example.persons}
    assert set(people) == {"elchin-mammadov", "nino-beridze", "davit-arakelyan", "farid-rzayev", "tamar-kapanadze"}
    assert {r.person for r in example.roles} == set(people)
    assert {k: p.country for k, p in people.items()} == {
        "elchin-mammadov": "AZE", "nino-beridze": "GEO", "davit-arakelyan": "ARM", "farid-rzayev": "AZE",
        "tamar-kapanadze": "GEO"}
