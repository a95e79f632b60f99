"""index_entities: countries, organisations, places and people merged within a document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.entities import DocIndex, fold, headline_end, index_entities, variant_key
from kg.pipeline import extract_article
from kg.records import Article, EntityRef


def token_at(doc: Doc, text: str, nth: int = 0) -> int:
    """Index of the ``nth`` token whose text is ``text``."""
    return [t.i for t in doc if t.text == text][nth]


def ref_of(index: DocIndex, text: str, nth: int = 0) -> EntityRef | None:
    return index.ref_at(token_at(index.doc, text, nth))


def person(key: str) -> EntityRef:
    return EntityRef("person", key)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Erdoğan", "erdogan"), ("Kovalenskiy", "kovalenskiy"), ("O’Neill", "o'neill"), ("ÅSTRÖM", "astrom")],
)
def test_entities_fold_is_ascii_lower_case(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    "variants",
    [
        ("Kovalensky", "Kovalenskiy", "Kovalenskyy", "Kovalenskyi"),
        ("Kharchenko", "Harchenko", "KHARCHENKO"),
        ("al-Rashid", "Rashid", "Al-Rashid"),
        ("Khalid", "Halid"),
    ],
)
def test_entities_variant_key_unifies_transliterations(variants: tuple[str, ...]) -> None:
    assert len({variant_key(v) for v in variants}) == 1


def test_entities_variant_key_keeps_different_names_apart() -> None:
    assert variant_key("Kovalensky") != variant_key("Kovalenko")


def test_entities_transliteration_variants_are_one_person(parsed: Callable[[str], Doc]) -> None:
    # "Oleksandr Kovalenskiy" ... "President Oleksandr Kovalensky said"
    index = index_entities(parsed("transliteration"))
    ukrainians = [p for p in index.persons.values() if p.name and "Kovalensk" in p.name]
    assert len(ukrainians) == 1
    assert ukrainians[0].name == "Oleksandr Kovalenskiy"
    assert "Oleksandr Kovalensky" in ukrainians[0].aliases
    assert ref_of(index, "Kovalenskiy") == ref_of(index, "Kovalensky") == person(ukrainians[0].key)


@pytest.mark.parametrize(
    ("name", "surname", "key"),
    [
        ("surname", "Kovalensky", "oleksandr-kovalenskiy"),  # a variant spelling of the surname alone
        ("relay", "Costa", "paulo-costa"),  # the model labels the lone surname ORG
    ],
)
def test_entities_surname_refers_to_the_named_person(
    parsed: Callable[[str], Doc], name: str, surname: str, key: str
) -> None:
    index = index_entities(parsed(name))
    doc = index.doc
    mention = index.mention_at(token_at(doc, surname, -1))
    assert mention is not None and mention.ref == person(key) and mention.via == "name"
    # No second person named by the surname alone.
    assert surname not in {p.name for p in index.persons.values()}


def test_entities_middle_initial_is_the_same_person(parsed: Callable[[str], Doc]) -> None:
    # "Maria T. Lindqvist, the Swedish Foreign Minister, ... Maria Lindqvist said"
    index = index_entities(parsed("initials"))
    assert [p.name for p in index.persons.values()] == ["Maria T. Lindqvist", "Mikko Virtanen"]
    assert index.persons["maria-t-lindqvist"].aliases == {"Maria Lindqvist"}


def test_entities_shared_surname_goes_to_the_latest_named(parsed: Callable[[str], Doc]) -> None:
    # "Kenyan President Amani Odhiambo met Kenyan Foreign Minister Grace Odhiambo on Monday.
    #  Odhiambo told reporters ..." (the last "Odhiambo" labelled PERSON by hand)
    index = index_entities(parsed("shared_surname_person"))
    assert {"amani-odhiambo", "grace-odhiambo"} <= set(index.persons)
    assert ref_of(index, "Odhiambo", 0) == person("amani-odhiambo")
    assert ref_of(index, "Odhiambo", 1) == person("grace-odhiambo")
    assert ref_of(index, "Odhiambo", 2) == person("grace-odhiambo")


@pytest.mark.issue(2)
def test_entities_shared_surname_labelled_org_is_still_a_person(parsed: Callable[[str], Doc]) -> None:
    # Same sentence with the model's own labels: the last "Odhiambo" is ORG.
    index = index_entities(parsed("shared_surname"))
    assert ref_of(index, "Odhiambo", 2) == person("grace-odhiambo")


def test_entities_honorific_is_not_part_of_the_name(parsed: Callable[[str], Doc]) -> None:
    # "met Sheikh Salem Al-Rashid, the Kuwaiti Foreign Minister" with "Sheikh" inside the entity
    index = index_entities(parsed("honorific_in_name"))
    names = [p for p in index.persons.values() if "Rashid" in (p.name or "")]
    assert len(names) == 1
    assert names[0].name is not None and names[0].name.startswith("Salem")
    assert not any("Sheikh" in alias for alias in names[0].aliases)
    assert index.ref_at(token_at(index.doc, "Sheikh")) is None


def test_entities_hyphenated_name_part_is_kept_as_written(parsed: Callable[[str], Doc]) -> None:
    index = index_entities(parsed("honorific"))
    assert "Salem Al-Rashid" in [p.name for p in index.persons.values()]


def test_entities_name_the_model_calls_org_beside_a_title_is_a_person(parsed: Callable[[str], Doc]) -> None:
    # "Ukrainian President Oleksandr Kovalenskiy": the model labels the name ORG.
    doc = parsed("transliteration")
    assert any(e.label_ == "ORG" and e.text == "Oleksandr Kovalenskiy" for e in doc.ents)
    index = index_entities(doc)
    assert ref_of(index, "Kovalenskiy") == person("oleksandr-kovalenskiy")
    assert "oleksandr-kovalenskiy" not in index.orgs


@pytest.mark.parametrize(
    ("name", "word", "expected", "via"),
    [
        # "The Ukrainian delegation held talks with the Russian delegation."
        ("delegations", "delegation", EntityRef("organization", "delegation-ukr"), "delegation"),
        # "The Ethiopian government held talks with Eritrea": the government is the country.
        ("held_talks", "government", EntityRef("country", "ETH"), "government"),
        # "met Saudi officials in Jeddah"
        ("place_comma", "officials", EntityRef("country", "SAU"), "officials"),
    ],
)
def test_entities_groups_named_by_their_country(
    parsed: Callable[[str], Doc], name: str, word: str, expected: EntityRef, via: str
) -> None:
    index = index_entities(parsed(name))
    mention = index.mention_at(token_at(index.doc, word))
    assert mention is not None and (mention.ref, mention.via) == (expected, via)


def test_entities_delegation_is_an_organisation_of_its_country(parsed: Callable[[str], Doc]) -> None:
    index = index_entities(parsed("delegations"))
    ukrainian, russian = index.orgs["delegation-ukr"], index.orgs["delegation-rus"]
    assert (ukrainian.kind, ukrainian.country, russian.country) == ("delegation", "UKR", "RUS")
    assert "The Ukrainian delegation" in ukrainian.aliases


def test_entities_capital_is_a_government_or_a_place(parsed: Callable[[str], Doc]) -> None:
    # "Minsk denied the report. ... met ... in Minsk."
    index = index_entities(parsed("capital_government"))
    assert ref_of(index, "Minsk", 0) == EntityRef("country", "BLR")
    assert ref_of(index, "Minsk", 1) == EntityRef("place", "minsk")
    assert index.places["minsk"].country == "BLR"


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("arrived", "homyel", "BLR"),  # "in the Belarusian city of Gomel": keyed by the table name
        ("place_comma", "jeddah", "SAU"),  # "in Jeddah, Saudi Arabia"
        ("capital_government", "minsk", "BLR"),  # a capital, from the tables
    ],
)
def test_entities_places_learn_their_country(
    parsed: Callable[[str], Doc], name: str, place: str, country: str
) -> None:
    assert index_entities(parsed(name)).places[place].country == country


def test_entities_actors_of_np(parsed: Callable[[str], Doc]) -> None:
    index = index_entities(parsed("met_demonym"))
    doc = index.doc
    # "Kenyan President Amani Odhiambo" is the person, not Kenya.
    assert index.actors_of_np(doc[token_at(doc, "Odhiambo")]) == [person("amani-odhiambo")]
    index = index_entities(parsed("talks_between"))
    doc = index.doc
    # "Serbia and Kosovo": conjuncts included.
    assert index.actors_of_np(doc[token_at(doc, "Serbia")]) == [EntityRef("country", "SRB"),
                                                                 EntityRef("country", "XKX")]


def test_entities_mentions_are_sorted_and_disjoint(parses: dict, parsed: Callable[[str], Doc]) -> None:
    for name in parses:
        index = index_entities(parsed(name))
        starts = [m.start for m in index.mentions]
        assert starts == sorted(starts), name
        assert all(a.end <= b.start for a, b in zip(index.mentions, index.mentions[1:], strict=False)), name


# --- the trained model, end to end --------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "key", "label", "alias"),
    [
        ("transliteration", "oleksandr-kovalenskiy", "Oleksandr Kovalenskiy", "Oleksandr Kovalensky"),
        ("surname", "oleksandr-kovalenskiy", "Oleksandr Kovalenskiy", "Kovalensky"),
        ("initials", "maria-t-lindqvist", "Maria T. Lindqvist", "Maria Lindqvist"),
        ("honorific", "salem-al-rashid", "Salem Al-Rashid", None),
    ],
)
def test_entities_model_people_merge(nlp: Language, parses: dict, name: str, key: str, label: str,
                                     alias: str | None) -> None:
    records = extract_article(Article(name, parses[name]["text"], date(2024, 3, 16)), nlp)
    people = {p.key: p for p in records.persons}
    assert people[key].label == label
    if alias is not None:
        assert alias in people[key].aliases
    # One person, however often named.
    assert len([p for p in people.values() if p.label.split()[-1][:6] == label.split()[-1][:6]]) == 1


@pytest.mark.model
@pytest.mark.parametrize(("text", "people"), [
    ("Bolivia's trade minister met with Peruvian President Rosa Vidal Tuesday to discuss the border.",
     {"rosa-vidal": "Rosa Vidal"}),
    ("Foreign Minister Ana Castillo Friday said the talks would resume.", {"ana-castillo": "Ana Castillo"}),
    # A month that is a name stays one: the model tags it as part of the person.
    ("Prime Minister Theresa May met President Emmanuel Macron in May.",
     {"theresa-may": "Theresa May", "emmanuel-macron": "Emmanuel Macron"}),
    # A title that opens the name of a place or a firm names no one, nor is a reference to anyone.
    ("Delegates gathered at the President Hotel in Nairobi on Monday.", {}),
    ("The talks took place at the King Fahd Cultural Center in Riyadh.", {}),
    ("The meeting was held at the Sultan Qaboos Grand Mosque.", {}),
    ("General Motors and Major League Baseball sponsored the dinner.", {}),
    # A body's word after a title's of-phrase is no name ("Head of the EU | Delegation").
    # A name after two of- or to-phrases of its title ("Ambassador of Chad to the State of Qatar X").
    ("HE Minister of State met HE Ambassador of Chad to the State of Qatar Ahmed Yusuf.",
     {"ahmed-yusuf": "Ahmed Yusuf", "office-minister-of-state": "Minister of State"}),
    # The words of a post's field after its place are no name ("for the Horn of Africa | Peace Process").
    ("UN Special Coordinator for the Horn of Africa Peace Process Tor Wenn briefed the Council.",
     {"tor-wenn": "Tor Wenn"}),
    ("Lotte Brandsma, Head of the EU Delegation to Ghana, opened the fair.", {"lotte-brandsma": "Lotte Brandsma"}),
    # A region the model left untagged in the title's for-phrase, then a comma before the name.
    ("The African Union's special envoy for the Sahel, Ibrahim Toure, met on Monday with leaders of the ruling "
     "council in Niamey.", {"ibrahim-toure": "Ibrahim Toure"}),
    # ... and the region itself, which the model may call a person, names no one
    ("The Union's mediator for the Sahel, Moussa Sangare, held talks on Monday with the junta.",
     {"moussa-sangare": "Moussa Sangare"}),
    # A qualifier before a title set off by a comma ("Chad's new envoy to Niger, X").
    ("Lusaka's new ambassador to Botswana, Mwila Chanda, presented her credentials on Tuesday.",
     {"mwila-chanda": "Mwila Chanda"}),
    # A headline's verb after "to" opens no name ("Ruiz to Meet Tapia").
    ("Ruiz to Meet Tapia in Lima\n\nPresident Carlos Ruiz will meet President Luis Tapia on Friday.",
     {"carlos-ruiz": "Carlos Ruiz", "luis-tapia": "Luis Tapia"}),
])
def test_entities_model_name_after_title_stops_at_a_date(nlp: Language, text: str, people: dict[str, str]) -> None:
    records = extract_article(Article("dates", text, date(2024, 3, 16)), nlp)
    assert {p.key: p.label for p in records.persons} == people


@pytest.mark.model
@pytest.mark.parametrize(("text", "key"), [
    # after a dateline, a name the model cut and took for a place, set off before a title phrase
    ("SOFIA -- Ivanka Petrova, the country's foreign minister, said the border would reopen.", "ivanka-petrova"),
    # names the model took for a place or an organisation, given a post by a verb
    ("Alain Mbeki was named special envoy to the Great Lakes region on Monday.", "alain-mbeki"),
    ("Marta Quispe is the foreign minister of Bolivia.", "marta-quispe"),
    # a name the model took for an organisation, set off before a title with its owner
    ("The offer came from Marek Halloway, Slovakia's deputy foreign minister, on Monday.", "marek-halloway"),
])
def test_entities_model_name_set_off_before_an_owned_title(nlp: Language, text: str, key: str) -> None:
    records = extract_article(Article("owned", text, date(2024, 3, 16)), nlp)
    assert key in {r.person for r in records.roles}


@pytest.mark.model
@pytest.mark.parametrize(("text", "key"), [
    # a name the model took for an organisation, before "who" (said of people, never of bodies)
    ("Amara Diallo, who heads the African Union's mediation team, arrived in Bamako on Monday.", "amara-diallo"),
    # ... or set off after a title whose of-phrase stands between
    ("The head of the regional bloc's panel, Idrissa Toure, said talks would resume.", "idrissa-toure"),
])
def test_entities_model_name_the_model_calls_org_is_a_person_by_its_phrase(nlp: Language, text: str,
                                                                           key: str) -> None:
    records = extract_article(Article("who", text, date(2024, 3, 16)), nlp)
    assert key in {p.key for p in records.persons}


@pytest.mark.model
def test_entities_model_a_body_told_short_by_its_last_word(nlp: Language) -> None:
    # "the Eastern Liberation Front ... Front spokesman X": one body, not a second called "Front"
    text = ("Negotiators for the Mozambican government and the Eastern Liberation Front resumed talks on Tuesday. "
            "Front spokesman Tomas Vidor said the group wanted guarantees.")
    records = extract_article(Article("short", text, date(2024, 3, 16)), nlp)
    assert [o.name for o in records.organizations] == ["Eastern Liberation Front"]
    assert {(r.person, r.of_organization) for r in records.roles} == {("tomas-vidor", "eastern-liberation-front")}


@pytest.mark.model
def test_entities_model_demonym_after_al_is_a_family_name(nlp: Language) -> None:
    text = "Jordanian Foreign Minister Hassan Al Iraqi met the Sudanese foreign minister in Amman."
    records = extract_article(Article("al-iraqi", text, date(2024, 3, 16)), nlp)
    people = {p.key: (p.label, p.country) for p in records.persons}
    assert people["hassan-al-iraqi"] == ("Hassan Al Iraqi", "JOR")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Colombia resumed talks with the Ejército del Sur in Havana on Monday.",
    "The government met the Frente Andino in Quito.",
])
def test_entities_model_an_organisation_name_in_spanish_is_no_person(nlp: Language, text: str) -> None:
    records = extract_article(Article("org-names", text, date(2024, 3, 16)), nlp)
    assert records.persons == ()


@pytest.mark.model
def test_entities_model_place_spellings_share_one_key(nlp: Language) -> None:
    """"Kiev" and "Kyiv" are one node (the key is the table's name, the label as written)."""
    keys = set()
    for spelling in ("Kiev", "Kyiv"):
        text = f"Foreign Minister Ana Ruiz met President Omar Bakri in {spelling} on Monday."
        records = extract_article(Article(spelling, text, date(2024, 3, 16)), nlp)
        (place,) = records.places
        assert (place.name, place.country) == (spelling, "UKR")
        keys.add(place.key)
    assert keys == {"kyiv"}


@pytest.mark.model
def test_entities_model_table_org_in_another_spelling_is_one_org(nlp: Language) -> None:
    """A table's organisation written with a curly apostrophe is the table's, not a second one."""
    text = "Envoys met the Lord’s Resistance Army in Juba. The LRA later walked out."
    records = extract_article(Article("curly", text, date(2024, 3, 16)), nlp)
    assert [o.key for o in records.organizations] == ["lra"]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("Prime Minister Sheikh Faisal bin Abdulaziz Al Hamadi held talks with the Egyptian delegation.",
     "Faisal bin Abdulaziz Al Hamadi"),
    ("Foreign Minister Sheikh Omar bin Abdulrahman Al Hamadi met the envoy in Doha.",
     "Omar bin Abdulrahman Al Hamadi"),
])
def test_entities_name_runs_on_through_family_particles(nlp: Language, text: str, name: str) -> None:
    """The model cuts an Arabic name before its family particle ("... bin Abdulrahman | Al
    Hamadi"): the name runs on through "Al", "bin", "ibn" and the capitalised word after them."""
    records = extract_article(Article("particles", text, date(2024, 3, 16)), nlp)
    assert [p.name for p in records.persons] == [name]


@pytest.mark.model
def test_entities_untagged_first_name_after_the_full_name_is_the_person(nlp: Language) -> None:
    """News names some leaders by their first name alone; a name part the
    model leaves untagged, after the full name, is that person when no one else holds it."""
    text = ("Ethiopian Prime Minister Getachew Alemu flew to Kenya on Tuesday. Getachew met President "
            "Wanjiru Kamau in Nairobi.")
    records = extract_article(Article("first-name", text, date(2024, 3, 16)), nlp)
    (meeting,) = [e for e in records.events if e.kind == "meeting"]
    assert {p.entity.key for p in meeting.participants} == {"getachew-alemu", "wanjiru-kamau"}
    assert [p.key for p in records.persons if p.key.startswith("getachew")] == ["getachew-alemu"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a new paragraph, where the model labels the surname PERSON, and within one, where it labels it ORG
    "Arab League chief Samir Aboul Gheitan arrived in Beirut on Monday.\n\nAboul Gheitan met Speaker Fadi "
    "Karam.",
    "Arab League chief Samir Aboul Gheitan arrived in Beirut on Monday. Aboul Gheitan met Speaker Fadi Karam.",
])
def test_entities_model_a_surname_of_two_words_is_the_person_named_before(nlp: Language, text: str) -> None:
    """"Aboul Gheitan" after "Samir Aboul Gheitan": a surname of two words, the given name left
    out, names the one person whose name ends with it."""
    records = extract_article(Article("two-word-surname", text, date(2024, 3, 16)), nlp)
    assert [p.key for p in records.persons] == ["samir-aboul-gheitan", "fadi-karam"]
    assert "aboul-gheitan" not in {o.key for o in records.organizations}


@pytest.mark.model
def test_entities_model_a_surname_two_people_end_with_names_neither(nlp: Language) -> None:
    """Near miss: two people whose names end alike leave the surname to no one of them."""
    text = ("Samir Aboul Gheitan met Salma Aboul Gheitan in Cairo.\n\nAboul Gheitan said the talks went well.")
    records = extract_article(Article("two-word-surname", text, date(2024, 3, 16)), nlp)
    assert "aboul-gheitan" in {p.key for p in records.persons}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Convoys used both the Sorek and Tamir roads.",
    "Trucks waited for hours at the Kerem crossing.",
    # a transcript's speaker label, a statement's defined term, two countries joined by a hyphen
    "QUESTION: Can you tell us when the talks resume?",
    "Chile and Peru (the Sides) agree as follows. The Sides will meet again in May.",
    "The ministers pledged to deepen the Chile-Peru strategic partnership.",
    # the name of a group before its noun
    "Officials met the leaders of the Karen rebels in Bangkok on Monday.",
    "Officials say the militia was founded by Hutu extremists in the 1990s.",
])
def test_entities_model_names_of_no_person(nlp: Language, text: str) -> None:
    """The model may tag as a person a name before "road" or "crossing" (a place), before
    "rebels" (a group), a speaker label, a defined term or a pair of countries."""
    records = extract_article(Article("roads", text, date(2024, 3, 16)), nlp)
    assert records.persons == ()


@pytest.mark.model
@pytest.mark.parametrize(("text", "persons"), [
    ("President Ana Morales of Bolivia arrived on Monday.\n\nQUESTION: Mr. President, will you meet the rebels?",
     ["Ana Morales"]),
    ("QUESTION: Minister, did you speak with President Ana Morales?", ["Ana Morales"]),
    ("Prime Minister, you have said the talks will resume.", []),
    # near miss: a title with its determiner, then a relative clause, is the office-holder
    ("The Minister, who spoke with reporters, said you cannot trust the rebels.", ["Minister"]),
])
def test_entities_model_a_title_addressing_someone_is_no_person(nlp: Language, text: str,
                                                                 persons: list[str]) -> None:
    """"Minister, did you ...", "Mr. President, will you ...": a title that opens a question or
    remark to someone addresses them; it names neither another holder nor an unnamed one."""
    records = extract_article(Article("vocative", text, date(2025, 6, 9)), nlp)
    assert sorted(p.label for p in records.persons) == persons


@pytest.mark.model
@pytest.mark.parametrize(("text", "org"), [
    ("Libya's House of Representatives met the High Council of State in Tunis.",
     ("house-of-representatives", "House of Representatives", "LBY")),
    ("The Indian Congress party won the vote in Delhi.", ("congress", "Congress", "IND")),
    # near misses: the country itself named, or naming the body
    ("The House of Representatives passed the bill, US officials said.",
     ("us-house", "US House of Representatives", "USA")),
    ("The U.S. House of Representatives passed the bill.", ("us-house", "US House of Representatives", "USA")),
])
def test_entities_model_another_countrys_body_of_the_same_name(nlp: Language, text: str,
                                                                org: tuple[str, str, str]) -> None:
    """A one-country body's alias that names no country ("House of Representatives",
    "Congress"), in a document that never names that country, is another country's body."""
    records = extract_article(Article("same-name", text, date(2025, 3, 20)), nlp)
    assert org in {(o.key, o.name, o.country) for o in records.organizations}


@pytest.mark.model
@pytest.mark.parametrize("dateline", ["KARACHI, June 9 (Reuters) -", "KARACHI, June 9 —", "KARACHI (AP) --"])
def test_entities_model_a_datelines_city_is_where_the_story_was_filed(nlp: Language, dateline: str) -> None:
    """"KARACHI, June 9 (Reuters) -": the city is a place, not an actor, and its label is the
    name as written in the text rather than the dateline's capitals."""
    text = f"{dateline} Officials of Chile and Peru met in Karachi on Monday."
    records = extract_article(Article("dateline", text, date(2025, 6, 10)), nlp)
    assert [(p.key, p.name) for p in records.places] == [("karachi", "Karachi")]
    (meeting,) = [e for e in records.events if e.kind == "meeting"]
    assert {p.entity.key for p in meeting.participants} == {"CHL", "PER"}


def test_each_person_listed_brings_the_one_the_parse_hangs_on_its_country(make_doc: Callable[..., Doc]) -> None:
    """"attended by A of Peru, B of Chile and C of Bolivia": the small parser may make C a
    conjunct of Chile, the second person's country; the noun phrase names all three."""
    words = ["attended", "by", "Luis", "Tapia", "of", "Peru", ",", "Rosa", "Campos", "of", "Chile", "and", "Ana",
             "Gil", "of", "Bolivia", "."]
    heads = [0, 0, 3, 1, 3, 4, 3, 8, 3, 8, 9, 10, 13, 10, 13, 14, 0]
    deps = ["ROOT", "agent", "compound", "pobj", "prep", "pobj", "punct", "compound", "conj", "prep", "pobj", "cc",
            "compound", "conj", "prep", "pobj", "punct"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ",
           "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O",
            "B-PERSON", "I-PERSON", "O", "B-GPE", "O"]
    doc = make_doc(words, heads=heads, deps=deps, pos=pos, ents=ents)
    index = index_entities(doc)
    people = {r.key for r in index.actors_of_np(doc[3]) if r.kind == "person"}
    assert people == {"luis-tapia", "rosa-campos", "ana-gil"}


@pytest.mark.model
def test_entities_actors_of_a_phrase_follow_the_mentions_added(nlp: Language) -> None:
    """actors_of_np keeps its answers for the phrases it was asked about, until a mention is
    added: a pronoun resolved later names its person from then on."""
    from kg.nlp.entities import Mention

    doc = nlp("Ines Moller arrived in Lima. She met the minister.")
    index = index_entities(doc)
    she = next(t for t in doc if t.text == "She")
    assert index.actors_of_np(she) == index.actors_of_np(she) == []
    index.add(Mention(she.i, she.i + 1, EntityRef("person", "ines-moller"), "pronoun"))
    assert index.actors_of_np(she) == [EntityRef("person", "ines-moller")]


@pytest.mark.model
def test_entities_model_a_surname_after_a_title_of_address_is_the_person_named_before(nlp: Language) -> None:
    """"Mr Hollis", untagged by the model, after "Graham Hollis": the one person of that name."""
    text = ("Defence Secretary Graham Hollis met his Polish counterpart in Warsaw on Monday. Mr Hollis and Defence "
            "Minister Jan Kowalczyk discussed air defence.")
    records = extract_article(Article("mr-surname", text, date(2024, 3, 16)), nlp)
    assert any({p.entity.key for p in e.participants} == {"graham-hollis", "jan-kowalczyk"}
               for e in records.events if e.kind == "meeting")


@pytest.mark.parametrize(("text", "headline"), [
    ("Ortiz Says Talks Will Resume\n\nThe minister said talks would resume.", True),
    # a first paragraph ends with a full stop; a text may open with no line break at all
    ("Ortiz arrived in Lima.\n\nThe minister said talks would resume.", False),
    ("The minister said talks would resume.", False),
])
def test_entities_headline_end(blank_nlp: Language, text: str, headline: bool) -> None:
    doc = blank_nlp(text)
    end = headline_end(doc)
    assert (end > 0) == headline
    assert not headline or doc[end].is_space and doc[end - 1].text == "Resume"
