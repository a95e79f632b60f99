"""The added SPARQL questions: rankings, timelines, speakers, statuses, pairs, evidence, roles.

The fixture dataset is the golden documents plus one hand-written follow-up report in
which the Oslo envoy mediates twice more, a Colombian minister known only by her role
speaks, and a signing ceremony is postponed.
"""

from __future__ import annotations

import re
from datetime import date

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.errors import KgError
from kg.rdf import iris
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import to_quads
from kg.records import (
    Article,
    Country,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Organization,
    Participant,
    Person,
    Place,
    RoleHolding,
)
from kg.settings import Settings
from kg.store.queries import list_queries, load_query, run_query
from tests.query_rows import rows as _rows
from tests.query_rows import short_iri as _short

NEW = [
    "most-active-mediators", "timeline-between", "speakers-for-country", "events-by-status",
    "co-participation", "supporting-documents", "role-holders",
]
OSLO, DOHA, FOLLOW = "meridiano-2024-0312", "wire 0007/b", "follow-up-1"

TEXT = (
    "Ana Castillo hosted new talks in Havana on 2 May between the Colombian government "
    "and the Southern Andean Front. "
    "Castillo also relayed a message from the Front to Colombia's Interior Minister "
    "Elena Ruiz. "
    '"The ceasefire will hold," Ruiz said. '
    '"We are close," Castillo added. '
    "A signing ceremony was postponed."
)


def _ev(phrase: str, occurrence: int = 1) -> Evidence:
    begin = -1
    for _ in range(occurrence):
        begin = TEXT.index(phrase, begin + 1)
    starts = [0] + [m.end() for m in re.finditer(r"(?<=[.!?])\s+", TEXT)]
    sentence_begin = max(s for s in starts if s <= begin)
    sentence_end = min([s for s in starts if s > begin] + [len(TEXT)])
    sentence = TEXT[sentence_begin:sentence_end].rstrip()
    return Evidence(begin, begin + len(phrase), phrase, sentence, sentence_begin)


GOV = EntityRef("organization", "colombian government")
SAF = EntityRef("organization", "southern andean front")
ANA = EntityRef("person", "ana castillo")
RUIZ = EntityRef("person", "elena ruiz")

FOLLOW_UP = DocumentRecords(
    article=Article(id=FOLLOW, text=TEXT, published=date(2024, 5, 3)),
    persons=(
        Person("ana castillo", "Ana Castillo", "Ana Castillo", aliases=("Castillo",),
               country="NOR", mentions=(_ev("Ana Castillo"), _ev("Castillo", 2))),
        # No country of her own: she speaks for Colombia only through her role.
        Person("elena ruiz", "Elena Ruiz", "Elena Ruiz", aliases=("Ruiz",),
               mentions=(_ev("Elena Ruiz"), _ev("Ruiz", 2))),
    ),
    countries=(
        Country("COL", "CO", "Colombia", "Q739", (_ev("Colombia"),)),
        Country("CUB", "CU", "Cuba", "Q241", ()),
    ),
    organizations=(
        Organization("colombian government", "Government of Colombia", "government", "COL",
                     aliases=("the Colombian government",),
                     mentions=(_ev("the Colombian government"),)),
        Organization("southern andean front", "Southern Andean Front", "armed_group", "COL",
                     aliases=("the Front",),
                     mentions=(_ev("the Southern Andean Front"), _ev("the Front"))),
    ),
    places=(Place("havana", "Havana", "CUB", (_ev("Havana"),)),),
    roles=(
        RoleHolding("elena ruiz", "Interior Minister", _ev("Colombia's Interior Minister"),
                    of_country="COL", confidence=0.9),
    ),
    events=(
        Event("talks havana", "talks", (Participant(GOV), Participant(SAF)),
              (_ev("hosted new talks in Havana on 2 May"),), 0.9, status="held",
              location=EntityRef("place", "havana"), date=date(2024, 5, 2)),
        Event("mediation havana", "mediation",
              (Participant(ANA, "mediator"), Participant(GOV, "party"),
               Participant(SAF, "party")),
              (_ev("hosted new talks in Havana on 2 May"),), 0.85, status="held",
              location=EntityRef("place", "havana"), date=date(2024, 5, 2),
              mediation_kind="host", stated=True, concerns=("talks havana",)),
        Event("mediation relay", "mediation",
              (Participant(ANA, "mediator"), Participant(SAF, "party"),
               Participant(RUIZ, "party")),
              (_ev("relayed a message"),), 0.7, status="held", mediation_kind="intermediary",
              stated=True),
        Event("statement ruiz", "statement", (Participant(RUIZ, "speaker"),),
              (_ev("The ceasefire will hold"),), 0.8, content="The ceasefire will hold"),
        Event("statement castillo", "statement", (Participant(ANA, "speaker"),),
              (_ev("We are close"),), 0.8, content="We are close"),
        Event("signing", "meeting", (Participant(GOV), Participant(SAF)),
              (_ev("A signing ceremony was postponed"),), 0.6, status="postponed"),
    ),
)


@pytest.fixture(scope="module")
def store(golden_records) -> ox.Store:
    store = ox.Store()
    for records in [*golden_records.values(), FOLLOW_UP]:
        store.extend(to_quads(records_to_graph(records, Settings())))
    return store




# -- the files themselves --------------------------------------------------------------------


def test_queries_more_are_shipped():
    shipped = {info.name for info in list_queries()}
    assert shipped >= set(NEW)
    assert len(shipped) >= 12


@pytest.mark.parametrize("name", NEW)
def test_queries_more_parse_and_declare_their_columns(name, store):
    info = load_query(name)
    prepareQuery(info.text)
    assert info.question.endswith("?")
    assert "ORDER BY" in info.text
    assert "GRAPH" not in re.sub(r"#.*", "", info.text).upper().split()
    values = {"string": "x", "name": "x", "iri": "https://example.org/x"}
    bindings = {p.name: values.get(p.type, "0") for p in info.parameters if not p.optional}
    assert run_query(info, store, bindings).columns == list(info.columns)


def test_queries_more_headers():
    assert load_query("most-active-mediators").columns == (
        "mediator", "mediatorLabel", "mediations", "documents")
    assert load_query("timeline-between").columns == (
        "event", "eventType", "date", "status", "sentence", "documentId")
    assert load_query("speakers-for-country").columns == (
        "person", "personLabel", "roleLabel", "statements", "documentId")
    assert load_query("events-by-status").columns == (
        "event", "eventType", "status", "date", "participantLabels", "documentId")
    assert load_query("co-participation").columns == (
        "a", "aLabel", "b", "bLabel", "events", "documents")
    assert load_query("supporting-documents").columns == (
        "document", "documentId", "sentence", "begin", "end")
    assert load_query("role-holders").columns == (
        "person", "personLabel", "roleLabel", "ofLabel", "qualifier", "documentId")
    parameters = {name: [(p.name, p.type, p.optional) for p in load_query(name).parameters]
                  for name in NEW}
    assert parameters == {
        "most-active-mediators": [],
        "timeline-between": [("a", "name", False), ("b", "name", False)],
        "speakers-for-country": [("country", "name", False)],
        "events-by-status": [("withStatus", "string", True)],
        "co-participation": [],
        "supporting-documents": [("fact", "iri", False)],
        "role-holders": [("role", "name", False)],
    }


# -- answers ---------------------------------------------------------------------------------


def test_queries_more_most_active_mediators(store):
    # People are per document until `kg merge`: the envoy is one node per report.
    assert _rows(store, "most-active-mediators") == [
        ("ana-castillo", "Ana Castillo", "2", "1"),
        ("ana-castillo", "Ana Castillo", "1", "1"),
        ("office-prime-minister-of-qatar", "Prime Minister of Qatar", "1", "1"),
    ]
    result = run_query(load_query("most-active-mediators"), store)
    assert result.rows[0]["mediator"] == str(
        iris.person_iri(FOLLOW, "ana castillo", Settings().base_iri))


@pytest.mark.parametrize(("a", "b"), [("colombia", "NO"), ("NORWAY", "co"), ("col", "nor"), ("Colomb", "Nor")])
def test_queries_more_timeline_between_countries(store, a, b):
    rows = _rows(store, "timeline-between", {"a": a, "b": b},
                 columns=["event", "eventType", "date", "status", "documentId"])
    if a == "Colomb":  # neither a name nor an ISO code
        assert rows == []
        return
    assert rows == [
        ("mediation-oslo", "mediation", "2024-03-12", "held", OSLO),
        ("mediation-havana", "mediation", "2024-05-02", "held", FOLLOW),
        # Undated events come last.
        ("mediation-relay", "mediation", None, "held", FOLLOW),
        ("visit-ibarra-oslo", "visit", None, "planned", OSLO),
    ]


def test_queries_more_timeline_between_people_and_organisations(store):
    rows = _rows(store, "timeline-between", {"a": "IBARRA", "b": "un"})
    assert rows == [
        ("call-ibarra-okafor", "phone_call", None, "held",
         "Colombia's Foreign Minister Tomás Ibarra later spoke by phone with UN "
         "Secretary-General Miriam Okafor.", OSLO),
    ]
    rows = _rows(store, "timeline-between",
                 {"a": "the Colombian government", "b": "Southern Andean Front"},
                 columns=["event", "date", "status", "documentId"])
    assert rows == [
        ("mediation-oslo", "2024-03-12", "held", OSLO),
        ("talks-oslo", "2024-03-12", "held", OSLO),
        ("mediation-havana", "2024-05-02", "held", FOLLOW),
        ("talks-havana", "2024-05-02", "held", FOLLOW),
        ("signing", None, "postponed", FOLLOW),
    ]
    assert _rows(store, "timeline-between", {"a": "Ana Castillo", "b": "Qatar"}) == []


def test_queries_more_speakers_for_country(store):
    assert _rows(store, "speakers-for-country", {"country": "COL"}) == [
        # Through her role alone: she has no country of her own.
        ("elena-ruiz", "Elena Ruiz", "Interior Minister", "1", FOLLOW),
    ]
    assert _rows(store, "speakers-for-country", {"country": "norway"}) == [
        # Acts for Norway, but holds no role of it in that report.
        ("ana-castillo", "Ana Castillo", None, "1", FOLLOW),
        ("ana-castillo", "Ana Castillo", "Special Envoy", "1", OSLO),
    ]
    assert _rows(store, "speakers-for-country", {"country": "Qatar"}) == []


def test_queries_more_events_by_status_default(store):
    assert _rows(store, "events-by-status") == [
        ("signing", "meeting", "postponed", None,
         "Government of Colombia; Southern Andean Front", FOLLOW),
        ("visit-ibarra-oslo", "visit", "planned", None, "Norway; Tomás Ibarra", OSLO),
    ]


@pytest.mark.parametrize("status", ["ongoing", "ONGOING"])
def test_queries_more_events_by_status_given(store, status):
    rows = _rows(store, "events-by-status", {"withStatus": status})
    assert rows == [
        # The Doha talks name no participants.
        ("talks-doha", "talks", "ongoing", None, "", DOHA),
        ("mediation-doha", "mediation", "ongoing", None, "Prime Minister of Qatar", DOHA),
    ] or rows == [
        ("mediation-doha", "mediation", "ongoing", None, "Prime Minister of Qatar", DOHA),
        ("talks-doha", "talks", "ongoing", None, "", DOHA),
    ]
    held = _rows(store, "events-by-status", {"withStatus": "held"}, columns=["event"])
    assert ("mediation-relay",) in held and ("signing",) not in held
    assert _rows(store, "events-by-status", {"withStatus": "denied"}) == []


def test_queries_more_co_participation(store):
    full = run_query(load_query("co-participation"), store).rows
    # Each unordered pair once: a before b.
    assert len({frozenset((r["a"], r["b"])) for r in full}) == len(full)
    assert all(r["a"] < r["b"] for r in full)
    # People and organisations without a Wikidata id are per document until `kg merge`.
    assert _rows(store, "co-participation", columns=["aLabel", "bLabel", "events",
                                                     "documents"]) == [
        # Follow-up: talks, mediation and the postponed signing; Oslo: talks and mediation.
        ("Government of Colombia", "Southern Andean Front", "3", "1"),
        ("Government of Colombia", "Southern Andean Front", "2", "1"),
        # Follow-up: two mediations by Castillo with the Front as a party.
        ("Southern Andean Front", "Ana Castillo", "2", "1"),
        ("Ana Castillo", "Elena Ruiz", "1", "1"),
        ("Government of Colombia", "Ana Castillo", "1", "1"),
        ("Government of Colombia", "Ana Castillo", "1", "1"),
        ("Miriam Okafor", "Tomás Ibarra", "1", "1"),
        ("Norway", "Tomás Ibarra", "1", "1"),
        ("Southern Andean Front", "Ana Castillo", "1", "1"),
        ("Southern Andean Front", "Elena Ruiz", "1", "1"),
    ]


def test_queries_more_supporting_documents(store):
    mediation = iris.event_iri(FOLLOW, "mediation havana", Settings().base_iri)
    rows = _rows(store, "supporting-documents", {"fact": str(mediation)},
                 columns=["documentId", "sentence", "begin", "end"])
    begin = TEXT.index("hosted new talks")
    assert rows == [(FOLLOW, TEXT[: TEXT.index(" Castillo also")], str(begin),
                     str(begin + len("hosted new talks in Havana on 2 May")))]
    holding = run_query(
        "PREFIX kg: <https://w3id.org/kg-news/ontology/kg#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?h WHERE { ?h a kg:RoleHolding ; kg:qualifier/skos:notation 'former' }", store,
    ).rows[0]["h"]
    assert [r[:2] for r in _rows(store, "supporting-documents", {"fact": holding},
                                 columns=["documentId", "sentence"])] == [
        (OSLO, "Ibarra, a former ambassador to Spain, will visit Oslo next month."),
    ]
    person = iris.person_iri(FOLLOW, "elena ruiz", Settings().base_iri)
    result = run_query(load_query("supporting-documents"), store, {"fact": str(person)})
    assert [r["sentence"] for r in result.rows] == [
        "Castillo also relayed a message from the Front to Colombia's Interior Minister "
        "Elena Ruiz.",
        '"The ceasefire will hold," Ruiz said.',
    ]
    assert _short(result.rows[0]["document"]) == f"{FOLLOW}-{iris.h8(FOLLOW)}"
    assert _rows(store, "supporting-documents", {"fact": f" <{person}> "},
                 columns=["sentence"]) == [(r["sentence"],) for r in result.rows]
    assert _rows(store, "supporting-documents", {"fact": "https://example.org/none"}) == []


@pytest.mark.parametrize("role", ["Interior Minister", "interior minister", "INTERIOR MINISTER"])
def test_queries_more_role_holders(store, role):
    assert _rows(store, "role-holders", {"role": role}) == [
        ("elena-ruiz", "Elena Ruiz", "Interior Minister", "Colombia", "current", FOLLOW),
    ]


def test_queries_more_role_holders_of_organisations_and_without_label(store):
    assert _rows(store, "role-holders", {"role": "secretary-general"}) == [
        ("miriam-okafor", "Miriam Okafor", "Secretary-General", "United Nations", "current",
         OSLO),
    ]
    assert _rows(store, "role-holders", {"role": "ambassador"},
                 columns=["person", "ofLabel", "qualifier"]) == [
        ("tomas-ibarra", "Spain", "former"),
    ]
    # Qatar is known only by its code in that document, so it has no label.
    assert _rows(store, "role-holders", {"role": "Prime Minister"},
                 columns=["person", "ofLabel", "qualifier", "documentId"]) == [
        ("office-prime-minister-of-qatar", None, "acting", DOHA),
    ]
    assert _rows(store, "role-holders", {"role": "Minister"}) == []


# -- safe binding ----------------------------------------------------------------------------

HOSTILE = [
    '"Lucho" {the Fixer}',
    'x" ) } } UNION { ?person ?p ?name } #',
    "x' } ; DROP ALL ; SELECT * { '",
    '}}}} ?event ?p ?o . FILTER(true) {{{{',
    "\\u0022 ) || true || ( \\u0022",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_queries_more_bind_quotes_and_braces_as_plain_values(store, hostile):
    before = len(store)
    assert _rows(store, "role-holders", {"role": hostile}) == []
    assert _rows(store, "timeline-between", {"a": hostile, "b": "Colombia"}) == []
    assert _rows(store, "speakers-for-country", {"country": hostile}) == []
    assert _rows(store, "events-by-status", {"withStatus": hostile}) == []
    for fact in (hostile, f"<{hostile}>"):
        with pytest.raises(KgError, match="parameter fact: .* is not an IRI"):
            _rows(store, "supporting-documents", {"fact": fact})
    assert len(store) == before


def test_queries_more_match_a_value_with_quotes_and_braces(store):
    quoted = ox.Store()
    records = DocumentRecords(
        article=Article(id="quoted", text='Envoy "X" {Y} said hi.'),
        persons=(Person("x", "Envoy X", "Envoy X", country="NOR"),),
        roles=(RoleHolding("x", '"Envoy" {of} X', Evidence(0, 5, "Envoy", 'Envoy "X" {Y} said hi.', 0),
                           of_country="NOR"),),
    )
    quoted.extend(to_quads(records_to_graph(records, Settings())))
    assert _rows(quoted, "role-holders", {"role": '"ENVOY" {OF} x'},
                 columns=["person", "roleLabel"]) == [("x", '"Envoy" {of} X')]


def test_queries_more_require_their_parameters(store):
    with pytest.raises(KgError, match="needs a value for a, b"):
        run_query(load_query("timeline-between"), store)
    with pytest.raises(KgError, match="no parameter status"):
        run_query(load_query("events-by-status"), store, {"status": "held"})


# -- after `kg merge` --------------------------------------------------------------------------


def test_queries_more_after_merge(golden_records):
    from kg.merge import merge_datasets

    merged = merge_datasets(
        [records_to_graph(r, Settings()) for r in [*golden_records.values(), FOLLOW_UP]]
    )
    # The envoy of both reports is one canonical person.
    assert _rows(merged, "most-active-mediators", columns=["mediatorLabel", "mediations",
                                                           "documents"]) == [
        ("Ana Castillo", "3", "2"), ("Prime Minister of Qatar", "1", "1"),
    ]
    pairs = _rows(merged, "co-participation", columns=["aLabel", "bLabel", "events",
                                                       "documents"])
    assert pairs[0] == ("Government of Colombia", "Southern Andean Front", "5", "2")
    assert len(pairs) == len({frozenset(p[:2]) for p in pairs})
    assert _rows(merged, "speakers-for-country", {"country": "NOR"},
                 columns=["personLabel", "roleLabel", "documentId"]) == [
        ("Ana Castillo", None, FOLLOW), ("Ana Castillo", "Special Envoy", OSLO),
    ]
    assert _rows(merged, "timeline-between", {"a": "castillo", "b": "southern andean front"},
                 columns=["event", "documentId"]) == [
        ("mediation-oslo", OSLO), ("mediation-havana", FOLLOW), ("mediation-relay", FOLLOW),
    ]
    # A reported person finds the evidence of every document merged with them.
    castillo = iris.person_iri(FOLLOW, "ana castillo", Settings().base_iri)
    documents = {r[0] for r in _rows(merged, "supporting-documents", {"fact": str(castillo)},
                                     columns=["documentId"])}
    assert documents == {OSLO, FOLLOW}


def test_queries_are_parsed_safely_from_many_threads_at_once():
    """kg serve parses in several threads (its warm-up and each visitor's page); rdflib's
    grammar is one pyparsing object per process, which two parses at once corrupt."""
    from concurrent.futures import ThreadPoolExecutor

    from kg.store.queries import is_update, query_shape

    def parse(n: int) -> tuple[str, bool, bool]:
        # A distinct text each time: query_shape caches its answers by text.
        text = f"SELECT ?s WHERE {{ ?s ?p {n} . OPTIONAL {{ ?s ?q ?o }} FILTER(?s != <urn:x:{n}>) }}"
        update = f"INSERT DATA {{ <urn:s:{n}> <urn:p> {n} }}"
        return query_shape(text).form, is_update(update), is_update(text)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(parse, range(400)))
    assert answers == [("SELECT", True, False)] * 400


def test_queries_more_role_holders_by_the_tables_name_of_a_title_worded_otherwise():
    """A role worded as the text says it ("Home Minister") is found by the reference table's
    name for it too ("Interior Minister"); its label stays the text's words."""
    from dataclasses import replace

    worded = replace(FOLLOW_UP, roles=(
        RoleHolding("elena ruiz", "Home Minister", _ev("Colombia's Interior Minister"), of_country="COL",
                    confidence=0.9, canonical="Interior Minister"),
    ))
    store = ox.Store()
    store.extend(to_quads(records_to_graph(worded, Settings())))
    expected = [("elena-ruiz", "Elena Ruiz", "Home Minister", "Colombia", "current", FOLLOW)]
    assert _rows(store, "role-holders", {"role": "home minister"}) == expected
    assert _rows(store, "role-holders", {"role": "Interior Minister"}) == expected
    assert _rows(store, "role-holders", {"role": "Trade Minister"}) == []


def test_queries_more_timeline_between_finds_a_name_through_the_merged_nodes(golden_records):
    """A name that only one report gives a person matches, after `kg merge`, the person as every
    report gives them: the events of the other report are found through kg:canonical, whichever
    of a and b names them."""
    from dataclasses import replace

    from kg.merge import merge_datasets

    castillo, ruiz = FOLLOW_UP.persons
    aliased = replace(FOLLOW_UP, persons=(replace(castillo, aliases=("Castillo", "Envoy Castillo")), ruiz))
    merged = merge_datasets([records_to_graph(r, Settings()) for r in [*golden_records.values(), aliased]])
    expected = [("mediation-oslo", OSLO), ("mediation-havana", FOLLOW), ("mediation-relay", FOLLOW)]
    for a, b in (("envoy castillo", "southern andean front"), ("Southern Andean Front", "ENVOY CASTILLO")):
        assert _rows(merged, "timeline-between", {"a": a, "b": b}, columns=["event", "documentId"]) == expected
