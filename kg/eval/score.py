"""Score kg's answers against hand-annotated gold passages: the numbers behind ``kg eval``.

The figures follow the evaluation README (``/work/shared/eval/README.md``), computed per
passage and micro-averaged (true and false positives and negatives summed over passages):

- **mediator**: gold mediators stated in the text (``explicit`` true or absent) against
  the distinct mediators kg reports.  Implied gold mediators (``explicit: false``) count
  neither for nor against: a prediction matching only an implied one is ignored.
- **pair**: (mediator, named party) pairs, with the same rule.
- Both also in a "with implied" variant, in which implied gold entries count as stated.
- **person**: gold persons with a name against the distinct ``personLabel`` of the roles
  query.  Unnamed office-holders ("the Prime Minister") are on neither side: a gold
  person without a name is not required, and a predicted label that is an office
  description ("Prime Minister of the United Kingdom", "the Sultan of Oman") is ignored.
- **role**: (named person, title) pairs; roles marked ``inferred`` are ignored like
  implied mediators (not required, not penalised).  Titles match leniently (see
  :func:`canonical_title`); the role's "of" and its qualifier are not scored.
- **participant**: the union of all gold meeting participants of a passage (every kind,
  every status) against the union of predicted meeting participants.
- **false alarms**: passages whose gold has no mediation at all (not even an implied
  one) in which kg reports any mediator.
- A predicted person who holds an office of a country or organisation (the roles rows'
  ``ofLabel``, or an unnamed office-holder's label: "Sultan of Oman") counts for it as
  mediator or party: "Qatar's emir" for Qatar.

Names are matched leniently, both sides mapped to comparable keys (:class:`EntityIndex`):
case, diacritics and punctuation are ignored; titles and honorifics are dropped from
person names ("President Kovač" = "Kovac"); a surname or a shorter/longer form of a
full name matches ("Lindqvist", "Jonas K. Lindqvist"); countries match through
``country_of`` by name, alias or demonym, and "Government of X" / "the X Government"
is the country X; organisations match by name, alias, acronym ("RSF") or a plural.
Several predicted forms of one gold entity count once.  A predicted name that could be
several gold persons ("Al Saadi") is given to one not yet matched, preferably one the
metric needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.errors import InputError
from kg.records import Article
from kg.text.fold import fold

Row = Mapping[str, Any]
CountryLookup = Callable[[str], Any]
Key = tuple[Any, ...]  # ("person", "jonas lindqvist"); a pair is (Key, Key)

METRICS: tuple[str, ...] = (
    "mediator",
    "mediator_with_implied",
    "pair",
    "pair_with_implied",
    "person",
    "role",
    "participant",
)
METRIC_TITLES: dict[str, str] = {
    "mediator": "mediator (stated)",
    "mediator_with_implied": "mediator (with implied)",
    "pair": "mediator-party pair (stated)",
    "pair_with_implied": "pair (with implied)",
    "person": "person (named)",
    "role": "role (stated title)",
    "participant": "meeting participant",
}
TABLE_HEADER: tuple[str, ...] = ("figure", "precision", "recall", "F1", "tp", "fp", "fn")


# --- gold records ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldRole:
    title: str
    of: str | None = None
    inferred: bool = False  # the "of" comes from context: not required


@dataclass(frozen=True, slots=True)
class GoldPerson:
    name: str | None  # None for an unnamed office-holder, described by ``mention``
    mention: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[GoldRole, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldOrganization:
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    kind: str
    participants: tuple[str, ...]
    location: str | None = None
    date: str | None = None
    date_iso: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMediation:
    mediator: str
    parties: tuple[str, ...] = ()
    explicit: bool = True
    role: str | None = None
    mediator_type: str | None = None
    parties_unnamed: str | None = None
    status: str | None = None
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated passage of the gold file."""

    id: str
    text: str = ""
    published: date | None = None
    persons: tuple[GoldPerson, ...] = ()
    countries: tuple[str, ...] = ()
    organizations: tuple[GoldOrganization, ...] = ()
    meetings: tuple[GoldMeeting, ...] = ()
    mediations: tuple[GoldMediation, ...] = ()

    def to_article(self) -> Article:
        """The passage as kg's input, to extract the predictions from."""
        return Article(id=self.id, text=self.text, published=self.published)


def load_gold(path: str) -> list[GoldDoc]:
    """Parse a gold JSON Lines file; a bad record raises InputError naming its line."""
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    try:
        stream = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    with stream:
        try:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    doc = parse_gold(json.loads(line))
                except json.JSONDecodeError as error:
                    raise InputError(path, f"malformed JSON: {error.msg}", number) from None
                except (TypeError, ValueError, KeyError) as error:
                    raise InputError(path, f"bad gold record: {error}", number) from None
                if doc.id in seen:
                    raise InputError(path, f'duplicate id "{doc.id}"', number)
                seen.add(doc.id)
                docs.append(doc)
        except UnicodeDecodeError as error:
            raise InputError(path, f"not UTF-8 text: {error.reason}") from None
    return docs


def parse_gold(record: object) -> GoldDoc:
    """One gold record (a parsed JSON object) as a GoldDoc; raise ValueError if malformed."""
    if not isinstance(record, dict):
        raise ValueError("a gold record must be a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError('a gold record needs a string "id"')
    published = record.get("published")
    return GoldDoc(
        id=doc_id,
        text=record.get("text") or "",
        published=date.fromisoformat(published) if published else None,
        persons=tuple(_gold_person(p) for p in record.get("persons") or ()),
        countries=tuple(record.get("countries") or ()),
        organizations=tuple(
            GoldOrganization(
                name=o["name"], aliases=tuple(o.get("aliases") or ()), country=o.get("country")
            )
            for o in record.get("organizations") or ()
        ),
        meetings=tuple(
            GoldMeeting(
                kind=m.get("kind") or "meeting",
                participants=tuple(m.get("participants") or ()),
                location=m.get("location"),
                date=m.get("date"),
                date_iso=m.get("date_iso"),
                status=m.get("status"),
            )
            for m in record.get("meetings") or ()
        ),
        mediations=tuple(
            GoldMediation(
                mediator=m["mediator"],
                parties=tuple(m.get("parties") or ()),
                explicit=m.get("explicit", True) is not False,
                role=m.get("role"),
                mediator_type=m.get("mediator_type"),
                parties_unnamed=m.get("parties_unnamed"),
                status=m.get("status"),
                evidence=m.get("evidence"),
            )
            for m in record.get("mediations") or ()
        ),
    )


def _gold_person(record: dict[str, Any]) -> GoldPerson:
    return GoldPerson(
        name=record.get("name") or None,
        mention=record.get("mention"),
        aliases=tuple(record.get("aliases") or ()),
        roles=tuple(
            GoldRole(title=r["title"], of=r.get("of"), inferred=bool(r.get("inferred")))
            for r in record.get("roles") or ()
        ),
        country=record.get("country"),
    )


# --- predictions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredictedRows:
    """The rows of the three shipped queries for one document (dicts keyed by column)."""

    mediations: Sequence[Row] = ()
    roles: Sequence[Row] = ()
    meetings: Sequence[Row] = ()


def group_rows(
    *, mediations: Iterable[Row] = (), roles: Iterable[Row] = (), meetings: Iterable[Row] = ()
) -> dict[str, PredictedRows]:
    """Split the rows of the three queries by their ``documentId`` column."""
    grouped: dict[str, dict[str, list[Row]]] = {}
    for name, rows in (("mediations", mediations), ("roles", roles), ("meetings", meetings)):
        for row in rows:
            doc_id = _text(row.get("documentId"))
            if doc_id:
                grouped.setdefault(doc_id, {}).setdefault(name, []).append(row)
    return {
        doc_id: PredictedRows(
            mediations=parts.get("mediations", []),
            roles=parts.get("roles", []),
            meetings=parts.get("meetings", []),
        )
        for doc_id, parts in grouped.items()
    }


# --- scores ---------------------------------------------------------------------------


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


@dataclass(slots=True)
class MetricDetail:
    """What one metric found in one passage, as readable strings."""

    matched: list[str] = field(default_factory=list)  # gold (and the predicted form if other)
    missed: list[str] = field(default_factory=list)  # gold not predicted: false negatives
    spurious: list[str] = field(default_factory=list)  # predicted, not in gold: false positives
    ignored: list[str] = field(default_factory=list)  # predicted, matching implied/inferred gold

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "matched": self.matched,
            "missed": self.missed,
            "spurious": self.spurious,
            "ignored": self.ignored,
        }


@dataclass(slots=True)
class DocDetails:
    metrics: dict[str, MetricDetail] = field(default_factory=dict)
    scores: dict[str, Score] = field(default_factory=dict)
    has_gold_mediation: bool = False
    false_alarm: bool = False  # no gold mediation, yet kg reported a mediator

    def __str__(self) -> str:
        """One line a metric with something missed, spurious or ignored, for a terminal."""
        lines = (
            ["false alarm: kg reported a mediator, the gold has none"] if self.false_alarm else []
        )
        for name, detail in self.metrics.items():
            parts = [
                f"{label} {', '.join(items)}"
                for label, items in (
                    ("missed", detail.missed),
                    ("spurious", detail.spurious),
                    ("ignored", detail.ignored),
                )
                if items
            ]
            if parts:
                lines.append(f"{name}: " + "; ".join(parts))
        return "\n".join(lines) or "all matched"

    def to_dict(self) -> dict[str, Any]:
        return {
            "has_gold_mediation": self.has_gold_mediation,
            "false_alarm": self.false_alarm,
            "metrics": {
                name: {**self.scores[name].to_dict(), **detail.to_dict()}
                for name, detail in self.metrics.items()
            },
        }


@dataclass(slots=True)
class FalseAlarms:
    passages: int = 0  # passages whose gold has no mediation
    alarms: int = 0  # of those, how many kg reported a mediator in
    documents: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.alarms / self.passages if self.passages else None


@dataclass(slots=True)
class EvalReport:
    documents: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    false_alarms: FalseAlarms = field(default_factory=FalseAlarms)
    details: dict[str, DocDetails] = field(default_factory=dict)
    missing_predictions: list[str] = field(default_factory=list)  # gold ids kg gave no rows for
    unscored: list[str] = field(default_factory=list)  # predicted ids absent from the gold

    def to_table_rows(self) -> list[tuple[str, ...]]:
        """Rows of strings under :data:`TABLE_HEADER`, one per metric, then false alarms.

        A ratio with nothing to divide by (no prediction, nothing to find) shows "n/a".
        """
        rows: list[tuple[str, ...]] = [
            (
                METRIC_TITLES[name],
                _formatted(score.precision),
                _formatted(score.recall),
                _formatted(score.f1),
                str(score.tp),
                str(score.fp),
                str(score.fn),
            )
            for name, score in self.scores.items()
        ]
        alarms = self.false_alarms
        rows.append(
            (
                f"false alarms ({alarms.alarms} of {alarms.passages} passages without mediation)",
                "",
                "",
                "",
                "",
                str(alarms.alarms),
                "",
            )
        )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "scores": {name: score.to_dict() for name, score in self.scores.items()},
            "false_alarms": {
                "passages": self.false_alarms.passages,
                "alarms": self.false_alarms.alarms,
                "rate": _rounded(self.false_alarms.rate),
                "documents": self.false_alarms.documents,
            },
            "missing_predictions": self.missing_predictions,
            "unscored": self.unscored,
            "details": {doc_id: d.to_dict() for doc_id, d in self.details.items()},
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def score(
    gold_docs: Iterable[GoldDoc],
    predictions: Mapping[str, PredictedRows],
    *,
    country_of: CountryLookup | None = None,
) -> EvalReport:
    """Score the predicted rows of each gold passage; documents kg skipped score empty.

    ``country_of(text)`` maps a country name, alias or demonym to a canonical value (a
    name, a code, or a gazetteer match); None uses :func:`default_country_of`.
    """
    countries = CountryIndex(country_of or default_country_of())
    report = EvalReport()
    gold_ids: set[str] = set()
    for gold in gold_docs:
        gold_ids.add(gold.id)
        report.documents += 1
        rows = predictions.get(gold.id)
        if rows is None:
            report.missing_predictions.append(gold.id)
            rows = PredictedRows()
        details = score_document(gold, rows, countries)
        report.details[gold.id] = details
        for name in METRICS:
            report.scores[name].add(details.scores[name])
        if not details.has_gold_mediation:
            report.false_alarms.passages += 1
            if details.false_alarm:
                report.false_alarms.alarms += 1
                report.false_alarms.documents.append(gold.id)
    report.unscored = sorted(set(predictions) - gold_ids)
    return report


def score_document(gold: GoldDoc, rows: PredictedRows, countries: CountryIndex) -> DocDetails:
    """All metrics of one passage."""
    index = EntityIndex(gold, countries)
    details = DocDetails(has_gold_mediation=bool(gold.mediations))

    def record(name: str, comparison: tuple[Score, MetricDetail]) -> None:
        details.scores[name], details.metrics[name] = comparison

    # mediators and pairs
    stated: dict[Key, str] = {}
    implied: dict[Key, str] = {}
    stated_pairs: dict[Key, str] = {}
    implied_pairs: dict[Key, str] = {}
    for mediation in gold.mediations:
        mediator = index.gold_key(mediation.mediator)
        (stated if mediation.explicit else implied)[mediator] = index.display(mediator)
        for party in mediation.parties:
            pair: tuple[Key, Any] = (mediator, index.gold_key(party))
            target = stated_pairs if mediation.explicit else implied_pairs
            target[pair] = f"{index.display(mediator)} -> {index.display(index.gold_key(party))}"
    mediator_labels = _labels(rows.mediations, "mediatorLabel", "mediator")
    party_labels = _labels(rows.mediations, "partyLabel", "party")
    mediator_prefer = set(stated) | set(implied)
    party_prefer = {pair[1] for pair in (*stated_pairs, *implied_pairs)}
    acts_for = _acts_for(rows.roles)
    mediator_of = index.acting_for(
        index.resolve_all(mediator_labels, prefer=mediator_prefer), acts_for, mediator_prefer
    )
    party_of = index.acting_for(
        index.resolve_all(party_labels, prefer=party_prefer), acts_for, party_prefer
    )
    predicted_mediators: dict[Key, list[str]] = {}
    wanted_mediators = {(key,) for key in mediator_prefer}
    for label in mediator_labels:
        _add_form(predicted_mediators, [(k,) for k in mediator_of[label]], wanted_mediators, label)
    predicted_pairs: dict[Key, list[str]] = {}
    pair_prefer = set(stated_pairs) | set(implied_pairs)
    for row in rows.mediations:
        mediator_label = _label(row, "mediatorLabel", "mediator")
        party_label = _label(row, "partyLabel", "party")
        if mediator_label and party_label:
            combos = [(m, p) for m in mediator_of[mediator_label] for p in party_of[party_label]]
            _add_form(predicted_pairs, combos, pair_prefer, f"{mediator_label} -> {party_label}")
    predicted_mediators = {key[0]: forms for key, forms in predicted_mediators.items()}
    record("mediator", _compare(stated, _without(implied, stated), predicted_mediators))
    record("mediator_with_implied", _compare({**implied, **stated}, {}, predicted_mediators))
    record("pair", _compare(stated_pairs, _without(implied_pairs, stated_pairs), predicted_pairs))
    record("pair_with_implied", _compare({**implied_pairs, **stated_pairs}, {}, predicted_pairs))
    details.false_alarm = not gold.mediations and bool(mediator_labels)

    # persons and roles
    named = {key: index.display(key) for key in index.named_person_keys()}
    person_labels = _labels(rows.roles, "personLabel", "person")
    person_of = index.resolve_all(person_labels, prefer=set(named))
    persons = _group({label: key for label, key in person_of.items() if key[0] != "office"})
    offices = sorted(label for label, key in person_of.items() if key[0] == "office")
    score_, detail = _compare(named, {}, persons)
    detail.ignored = sorted(set(detail.ignored) | set(offices))
    record("person", (score_, detail))

    stated_roles: dict[Key, str] = {}
    inferred_roles: dict[Key, str] = {}
    for key, person in index.named_persons():
        for role in person.roles:
            pair = (key, countries.title_key(role.title))
            target = inferred_roles if role.inferred else stated_roles
            target[pair] = f"{person.name}: {role.title}"
    predicted_roles: dict[Key, list[str]] = {}
    for row in rows.roles:
        holder = _label(row, "personLabel", "person")
        role_title = _text(row.get("roleLabel"))
        if not holder or not role_title or person_of[holder][0] == "office":
            continue
        pair = (person_of[holder], countries.title_key(role_title))
        form = f"{holder}: {role_title}"
        if form not in predicted_roles.setdefault(pair, []):
            predicted_roles[pair].append(form)
    record("role", _compare(stated_roles, _without(inferred_roles, stated_roles), predicted_roles))

    # meeting participants
    gold_participants = {
        key: index.display(key)
        for meeting in gold.meetings
        for key in (index.gold_key(p) for p in meeting.participants)
    }
    participant_labels = _labels(rows.meetings, "participantLabel", "participant")
    participant_of = index.resolve_all(participant_labels, prefer=set(gold_participants))
    record("participant", _compare(gold_participants, {}, _group(participant_of)))
    return details


def _add_form(
    predicted: dict[Key, list[str]], keys: list[Key], wanted: set[Key], form: str
) -> None:
    """File a predicted form under each of its possible keys the gold has, else under its
    own key (the first)."""
    for key in [k for k in keys if k in wanted] or keys[:1]:
        if form not in predicted.setdefault(key, []):
            predicted[key].append(form)


def _acts_for(role_rows: Iterable[Row]) -> dict[str, list[str]]:
    """What each predicted person holds an office of, by label: the roles rows' ``ofLabel``
    ("Qatar" for the emir of Qatar)."""
    acts_for: dict[str, list[str]] = {}
    for row in role_rows:
        person = _label(row, "personLabel", "person")
        of = _text(row.get("ofLabel"))
        if person and of and of not in acts_for.setdefault(person, []):
            acts_for[person].append(of)
    return acts_for


def _compare(
    gold: Mapping[Key, str], ignored: Mapping[Key, str], predicted: Mapping[Key, list[str]]
) -> tuple[Score, MetricDetail]:
    """Set comparison of keys: gold ∩ predicted are hits, predicted keys that are only in
    ``ignored`` count neither way."""
    detail = MetricDetail()
    result = Score()
    for key, display in gold.items():
        if key in predicted:
            result.tp += 1
            forms = [f for f in predicted[key] if f != display]
            detail.matched.append(display + (f" (as {', '.join(forms)})" if forms else ""))
        else:
            result.fn += 1
            detail.missed.append(display)
    for key, forms in predicted.items():
        if key in gold:
            continue
        if key in ignored:
            detail.ignored.append(", ".join(forms))
        else:
            result.fp += 1
            detail.spurious.append(", ".join(forms))
    for names in (detail.matched, detail.missed, detail.spurious, detail.ignored):
        names.sort()
    return result, detail


def _without(items: Mapping[Key, str], drop: Mapping[Key, str]) -> dict[Key, str]:
    return {key: value for key, value in items.items() if key not in drop}


def _group(resolved: Mapping[str, Key]) -> dict[Key, list[str]]:
    grouped: dict[Key, list[str]] = {}
    for label, key in resolved.items():
        grouped.setdefault(key, []).append(label)
    return grouped


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _label(row: Row, label_column: str, iri_column: str) -> str | None:
    """The row's label, else the last segment of its IRI ("…/person/ab12cd34/maria-kovac")."""
    label = _text(row.get(label_column))
    if label:
        return label
    iri = _text(row.get(iri_column))
    if not iri:
        return None
    return re.split(r"[/#]", iri.rstrip("/>"))[-1] or None


def _labels(rows: Iterable[Row], label_column: str, iri_column: str) -> list[str]:
    labels: list[str] = []
    for row in rows:
        label = _label(row, label_column, iri_column)
        if label and label not in labels:
            labels.append(label)
    return labels


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _formatted(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# --- names ----------------------------------------------------------------------------

TITLE_WORDS: frozenset[str] = frozenset(
    """
    mr mrs ms miss dr sir dame lord lady hon honourable honorable he hrh his her majesty
    excellency highness royal sheikh shaikh sheikha sheik emir amir king queen prince
    princess crown sultan president premier chancellor prime minister ministers secretary
    general gen lt col colonel maj major brig brigadier admiral adm marshal field commander
    senator sen rep representative governor gov mayor ambassador envoy special chief
    negotiator mediator spokesman spokesperson spokeswoman former acting interim then
    current outgoing incoming ex pope cardinal archbishop bishop rev reverend imam
    ayatollah grand mufti rabbi professor prof judge justice speaker chairman chairwoman
    chair chairperson director deputy vice assistant under foreign defence defense interior
    finance information trade economy health home intelligence security national head
    leader counterpart official officer delegate delegation top senior high commissioner
    undersecretary permanent
    """.split()
)
# Multi-word titles holding "of" or "for", recognised whole so that "of" ends nothing.
TITLE_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in """
            secretary of state | minister of state | minister of foreign affairs
            | minister for foreign affairs | minister of defence | minister of defense
            | minister for defence | minister of the interior | minister of interior
            | minister of information | head of state | head of government | chief of staff
            | chief of the general staff | his majesty | her majesty | his excellency
            | her excellency | his highness | her highness | his royal highness
            | her royal highness | crown prince
            | secretary of state for foreign and commonwealth affairs
            | secretary of state for foreign commonwealth and development affairs
            """.split("|")
        ),
        key=len,
        reverse=True,
    )
)
# Leading organisation acronyms that may stand before a title: "UN Special Envoy X".
_ORG_PREFIXES = frozenset("un eu au nato igad gcc osce asean ecowas".split())
_NAME_PARTICLES = frozenset(
    """al el bin ibn bint binti abu abd de da do dos del della di du la le van von der den
    ben y ould wad""".split()
)
_PRONOUNS = frozenset("he she him her his hers they them their".split())
_QUALIFIERS = frozenset(
    "former acting interim then current outgoing ex incoming designate elect caretaker".split()
)
_TITLE_SYNONYMS: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokes person": "spokesperson",
    "amir": "emir",
    "premier": "prime minister",
    "pm": "prime minister",
    "foreign affairs minister": "foreign minister",
    "foreign and commonwealth secretary": "foreign secretary",
    "secretary of state for foreign and commonwealth affairs": "foreign secretary",
    "secretary of state for foreign commonwealth and development affairs": "foreign secretary",
    "interior affairs minister": "interior minister",
    "internal affairs minister": "interior minister",
    "secretarygeneral": "secretary general",
    "un secretary general": "secretary general",
}


def fold_name(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form of a name.

    >>> fold_name("Maria Kovač"), fold_name("U.S."), fold_name("al-Saadi's")
    ('maria kovac', 'us', 'al saadi')
    """
    text = fold(text).replace("`", "'")  # kg's one transliteration (kg.text.fold)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"['.]", "", text)
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def normalize_name(text: str, *, country_of: CountryLookup | None = None) -> str:
    """A person's name without case, diacritics, punctuation, leading titles and honorifics.

    A label that is only a title, or a title followed by "of …" (an office description
    such as "Prime Minister of the United Kingdom"), is returned folded but whole.
    With ``country_of``, a leading country or demonym before a title is dropped too
    ("Norwegian Foreign Minister Jonas Lindqvist" → "jonas lindqvist").

    >>> normalize_name("President Maria Kovač")
    'maria kovac'
    >>> normalize_name("Secretary of State Jonas K. Lindqvist")
    'jonas k lindqvist'
    >>> normalize_name("The Prime Minister of the United Kingdom")
    'prime minister of the united kingdom'
    """
    folded = fold_name(text)
    tokens = folded.split()
    if tokens[:1] == ["the"]:
        tokens = tokens[1:]
    whole = " ".join(tokens)
    rest = _strip_titles(tokens, country_of)
    if not rest or rest[0] in ("of", "for"):
        return whole
    return " ".join(rest)


def _strip_titles(tokens: list[str], country_of: CountryLookup | None) -> list[str]:
    position = 0
    while position < len(tokens):
        phrase = next(
            (p for p in TITLE_PHRASES if tuple(tokens[position : position + len(p)]) == p), None
        )
        if phrase is not None:
            position += len(phrase)
            continue
        token = tokens[position]
        if token in TITLE_WORDS or token == "the":
            position += 1
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if following in TITLE_WORDS and (
            token in _ORG_PREFIXES or (country_of is not None and country_of(token))
        ):
            position += 1
            continue
        break
    return tokens[position:]


def builtin_country_of(text: str) -> str | None:
    """A small built-in table of country names, aliases and demonyms (the fallback when
    ``kg.reference.gazetteer`` is not available, and the lookup the tests use).

    >>> builtin_country_of("Emiratis"), builtin_country_of("Türkiye"), builtin_country_of("x")
    ('United Arab Emirates', 'Turkey', None)
    """
    folded = fold_name(text)
    if folded.startswith("the "):
        folded = folded[4:]
    found = _BUILTIN_COUNTRIES.get(folded)
    if found is None and folded.endswith("s"):
        found = _BUILTIN_COUNTRIES.get(folded[:-1])  # plural demonyms: "Israelis"
    return found


_BUILTIN_COUNTRY_TABLE = """
Afghanistan: Afghan
Armenia: Armenian
Azerbaijan: Azerbaijani, Azeri
Bahrain: Bahraini
Belarus: Belarusian
Brazil: Brazilian
Canada: Canadian
China: Chinese, PRC, People's Republic of China
Colombia: Colombian
Cuba: Cuban
Egypt: Egyptian, Arab Republic of Egypt
Eritrea: Eritrean
Ethiopia: Ethiopian
Finland: Finnish
France: French
Germany: German
India: Indian
Indonesia: Indonesian
Iran: Iranian, Islamic Republic of Iran
Iraq: Iraqi
Israel: Israeli
Italy: Italian
Japan: Japanese
Jordan: Jordanian
Kenya: Kenyan
Kosovo: Kosovar
Kuwait: Kuwaiti
Lebanon: Lebanese
Libya: Libyan
Norway: Norwegian
Oman: Omani, Sultanate of Oman
Pakistan: Pakistani
Palestine: Palestinian, State of Palestine
Philippines: Philippine, Filipino
Poland: Polish
Qatar: Qatari, State of Qatar
Russia: Russian, Russian Federation
Saudi Arabia: Saudi, Saudi Arabian, KSA, Kingdom of Saudi Arabia
Serbia: Serbian
Somalia: Somali
South Africa: South African
South Korea: Republic of Korea, ROK, South Korean
North Korea: DPRK, North Korean, Democratic People's Republic of Korea
South Sudan: South Sudanese
Spain: Spanish
Sri Lanka: Sri Lankan
Sudan: Sudanese
Sweden: Swedish
Switzerland: Swiss
Syria: Syrian
Turkey: Türkiye, Turkiye, Turkish, Republic of Türkiye
Ukraine: Ukrainian
United Arab Emirates: UAE, Emirati
United Kingdom: UK, U.K., Britain, Great Britain, British
United States: US, U.S., USA, U.S.A., America, American, United States of America
Venezuela: Venezuelan
Yemen: Yemeni, Republic of Yemen
"""
_BUILTIN_COUNTRIES: dict[str, str] = {
    fold_name(alias): canonical
    for line in _BUILTIN_COUNTRY_TABLE.strip().splitlines()
    for canonical, aliases in [line.split(":", 1)]
    for alias in [canonical, *aliases.split(",")]
}


def default_country_of() -> CountryLookup:
    """``kg.reference.gazetteer.lookup_country`` when it is installed, else :func:`builtin_country_of`."""
    try:
        from kg.reference.gazetteer import lookup_country
    except ImportError:
        return builtin_country_of
    return lookup_country


_GOVERNMENT_PATTERNS = (
    re.compile(r"^(?:the\s+)?government\s+of\s+(?:the\s+)?(?P<x>.+?)$", re.IGNORECASE),
    re.compile(r"^(?:the\s+)?(?P<x>.+?)(?:['\u2019]s)?\s+government$", re.IGNORECASE),
)


class CountryIndex:
    """Canonical country keys through an injected lookup, with "Government of X" → X,
    and canonical role titles (which strip country words)."""

    def __init__(self, country_of: CountryLookup) -> None:
        self._lookup = country_of
        self._cache: dict[str, str | None] = {}

    def canonical(self, text: str) -> str | None:
        """The canonical key of the country ``text`` names, or None."""
        text = " ".join(text.split())
        if text in self._cache:
            return self._cache[text]
        found = self._country_key(text)
        if found is None:
            for pattern in _GOVERNMENT_PATTERNS:
                match = pattern.match(text)
                if match:
                    found = self._country_key(match.group("x"))
                    if found is not None:
                        break
        self._cache[text] = found
        return found

    def _country_key(self, text: str) -> str | None:
        candidates = [text]
        if text.lower().startswith("the "):
            candidates.append(text[4:])
        for candidate in candidates:
            result = self._lookup(candidate) if candidate.strip() else None
            if result is None:
                continue
            if isinstance(result, str):
                return result
            entry = getattr(result, "entry", result)  # a gazetteer match holds its entry
            for attribute in ("alpha3", "code", "name"):
                value = getattr(entry, attribute, None)
                if isinstance(value, str) and value:
                    return value
            return str(result)
        return None

    def is_country_token(self, token: str) -> bool:
        return self.canonical(token) is not None

    def title_key(self, title: str) -> str:
        return canonical_title(title, country_of=self.canonical)


def canonical_title(title: str, *, country_of: CountryLookup | None = None) -> str:
    """A comparable form of a role title.

    Qualifiers ("former", "acting") and "the" are dropped, "Minister of/for X" becomes
    "X minister" ("Minister for Foreign Affairs" = "Foreign Minister"), spokesman /
    spokeswoman / spokesperson are one, and with ``country_of`` a leading country or
    demonym or a trailing "of <country>" is dropped ("Qatari Foreign Minister").

    >>> canonical_title("Minister of Foreign Affairs"), canonical_title("former Spokeswoman")
    ('foreign minister', 'spokesperson')
    """
    tokens = [t for t in fold_name(title).split() if t != "the"]
    while tokens and tokens[0] in _QUALIFIERS:
        tokens = tokens[1:]
    # "UN Special Envoy" is the Special Envoy of the UN, as "Qatari Foreign Minister" is Qatar's.
    if len(tokens) > 1 and tokens[0] in _ORG_PREFIXES:
        tokens = tokens[1:]
    if country_of is not None and len(tokens) > 1:
        for size in (3, 2, 1):
            if len(tokens) > size and country_of(" ".join(tokens[:size])):
                tokens = tokens[size:]
                break
        for at in range(len(tokens) - 1, 0, -1):
            if tokens[at] == "of" and country_of(" ".join(tokens[at + 1 :])):
                tokens = tokens[:at]
                break
    text = " ".join(tokens)
    text = _TITLE_SYNONYMS.get(text, text)
    match = re.fullmatch(
        r"(?P<prefix>(?:deputy |vice |assistant |junior )*)minister (?:of|for) "
        r"(?P<portfolio>.+)",
        text,
    )
    if match:
        portfolio = match.group("portfolio")
        portfolio = {
            "foreign affairs": "foreign",
            "defense": "defence",
            "internal affairs": "interior",
            "home affairs": "home",
        }.get(portfolio, portfolio)
        text = f"{match.group('prefix')}{portfolio} minister"
    text = re.sub(r"\bspokes(?:man|woman|person)\b", "spokesperson", text)
    text = re.sub(r"\bdefense\b", "defence", text)
    text = re.sub(r"\bamir\b", "emir", text)
    return _TITLE_SYNONYMS.get(text, text)


# --- entity matching ------------------------------------------------------------------


@dataclass(slots=True)
class _Entity:
    key: Key
    display: str
    forms: set[str] = field(default_factory=set)  # folded exact forms
    # normalised name tokens: the canonical name first, then the aliases
    person_names: list[tuple[str, ...]] = field(default_factory=list)
    offices: set[tuple[str, str | None]] = field(default_factory=set)  # (title, country)
    person: GoldPerson | None = None


class EntityIndex:
    """The gold entities of one passage and how any name, gold or predicted, maps to them.

    Keys: ``("person", name)``, ``("office", n)`` for an unnamed office-holder,
    ``("country", canonical)``, ``("org", name)``, ``("name", name)`` for anything else.
    """

    def __init__(self, gold: GoldDoc, countries: CountryIndex) -> None:
        self.countries = countries
        self.entities: dict[Key, _Entity] = {}
        for name in gold.countries:
            self._add_country(name)
        for organization in gold.organizations:
            self._add_organization(organization)
        for number, person in enumerate(gold.persons):
            self._add_person(person, number)
        mentioned = [
            *(p for meeting in gold.meetings for p in meeting.participants),
            *(m.mediator for m in gold.mediations),
            *(p for m in gold.mediations for p in m.parties),
        ]
        for text in mentioned:
            self.gold_key(text)

    # building

    def _entity(self, key: Key, display: str) -> _Entity:
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = _Entity(key, display)
        return entity

    def _add_country(self, name: str) -> _Entity:
        canonical = self.countries.canonical(name)
        entity = self._entity(("country", canonical or fold_name(name)), name)
        entity.forms.add(fold_name(name))
        return entity

    def _add_organization(self, organization: GoldOrganization) -> None:
        canonical = self.countries.canonical(organization.name)
        if canonical is not None:  # "Government of Yemen", "the Colombian Government"
            entity = self._entity(("country", canonical), organization.name)
        else:
            entity = self._entity(("org", fold_name(organization.name)), organization.name)
        for name in (organization.name, *organization.aliases):
            entity.forms.update(_org_forms(name))

    def _add_person(self, person: GoldPerson, number: int) -> None:
        if person.name:
            key: Key = ("person", normalize_name(person.name))
            entity = self._entity(key, person.name)
            entity.person = person
            for name in (person.name, *person.aliases):
                if fold_name(name) in _PRONOUNS:
                    continue
                entity.forms.add(fold_name(name))
                normalized = normalize_name(name, country_of=self.countries.canonical)
                if _office(name, self.countries) is None:
                    entity.person_names.append(tuple(normalized.split()))
            return
        entity = self._entity(("office", str(number)), _office_display(person))
        entity.person = person
        for role in person.roles:
            country = self.countries.canonical(role.of) if role.of else None
            entity.offices.add((self.countries.title_key(role.title), country))
        # "the Prime Minister" says no country; the roles may: then they alone decide,
        # so that "Prime Minister of Norway" is not the United Kingdom's.
        has_country = any(country for _, country in entity.offices)
        for text in (person.mention, *person.aliases):
            if text:
                entity.forms.add(fold_name(text))
                office = _office(text, self.countries)
                if office is not None and (office[1] is not None or not has_country):
                    entity.offices.add(office)

    # queries

    def display(self, key: Key) -> str:
        entity = self.entities.get(key)
        return entity.display if entity is not None else " ".join(key[1:])

    def named_person_keys(self) -> list[Key]:
        return [key for key, _ in self.named_persons()]

    def named_persons(self) -> list[tuple[Key, GoldPerson]]:
        return [
            (key, entity.person)
            for key, entity in self.entities.items()
            if key[0] == "person" and entity.person is not None
        ]

    def gold_key(self, text: str) -> Key:
        """The key of a name the gold uses (a participant, mediator or party); a name
        matching no listed entity becomes an entity of its own."""
        candidates = self.candidates(text)
        if candidates:
            key = candidates[0]
        else:
            key = self.fallback_key(text)
        if key not in self.entities:
            entity = self._entity(key, text)
            entity.forms.add(fold_name(text))
            office = _office(text, self.countries)
            if key[0] == "office" and office is not None:
                entity.offices.add(office)
        return key

    def fallback_key(self, text: str) -> Key:
        country = self.countries.canonical(text)
        if country is not None:
            return ("country", country)
        office = _office(text, self.countries)
        if office is not None:
            return ("office", office[0], office[1] or "")
        return ("name", normalize_name(text, country_of=self.countries.canonical))

    def candidates(self, text: str) -> list[Key]:
        """Keys of the gold entities ``text`` may name, best first (may be several)."""
        folded = fold_name(text)
        if folded.startswith("the "):
            folded = folded[4:]
        exact = [k for k, e in self.entities.items() if folded in e.forms]
        if exact:
            return exact
        office = _office(text, self.countries)
        if office is not None:
            return [k for k, e in self.entities.items() if _office_matches(office, e.offices)]
        country = self.countries.canonical(text)
        name = tuple(normalize_name(text, country_of=self.countries.canonical).split())
        persons = [
            k
            for k, e in self.entities.items()
            if any(
                _person_name_matches(name, gold, canonical=number == 0)
                for number, gold in enumerate(e.person_names)
            )
        ]
        if country is not None:
            # "Yemeni" is a demonym and may also be a gold surname: the metric decides
            return [("country", country), *persons]
        if persons:
            return persons
        forms = _org_forms(text)
        return [k for k, e in self.entities.items() if k[0] in ("org", "name") and forms & e.forms]

    def resolve_all(self, labels: Iterable[str], *, prefer: set[Key]) -> dict[str, Key]:
        """Map predicted labels to keys.  A label matching several gold entities takes one
        that no other label has taken, preferring those in ``prefer``."""
        resolved: dict[str, Key] = {}
        ambiguous: list[tuple[str, list[Key]]] = []
        for label in labels:
            if label in resolved:
                continue
            found = self.candidates(label)
            if len(found) > 1:
                ambiguous.append((label, found))
            else:
                resolved[label] = found[0] if found else self.fallback_key(label)
        for label, found in ambiguous:
            taken = set(resolved.values())
            resolved[label] = min(
                found, key=lambda k: (k in taken, k not in prefer, found.index(k))
            )
        return resolved


    def acting_for(
        self, resolved: Mapping[str, Key], acts_for: Mapping[str, list[str]], wanted: set[Key]
    ) -> dict[str, list[Key]]:
        """The keys each label of ``resolved`` may count for: its own, then those of the
        countries and organisations it holds an office of that are ``wanted`` (the README's
        rule: "Qatar's emir" counts for Qatar as mediator or party)."""
        result: dict[str, list[Key]] = {}
        for label, key in resolved.items():
            keys = result[label] = [key]
            for of in acts_for.get(label, ()):
                for found in self.candidates(of):
                    if found[0] != "person" and found in wanted and found not in keys:
                        keys.append(found)
            # an unnamed office-holder, whom the roles rows leave out: "Sultan of Oman"
            office = _office(label, self.countries)
            if office is not None and office[1] is not None:
                found = ("country", office[1])
                if found in wanted and found not in keys:
                    keys.append(found)
        return result


def _person_name_matches(
    predicted: tuple[str, ...], gold: tuple[str, ...], *, canonical: bool = True
) -> bool:
    """Lenient person-name match on normalised tokens.

    Equal; a surname or other final part ("kovac", "al saadi"); a longer form holding
    all tokens of the canonical gold name in order ("jonas k lindqvist"; not of an alias,
    since a surname alias would then match every relative); or a shorter form of two or
    more tokens in order, keeping the first or last name ("ahmed al saadi").
    """
    if not predicted or not gold or all(t in _NAME_PARTICLES for t in predicted):
        return False
    if predicted == gold or gold[-len(predicted) :] == predicted:
        return True
    if canonical and len(gold) >= 2 and _is_subsequence(gold, predicted):
        return True
    return (
        len(predicted) >= 2
        and _is_subsequence(predicted, gold, initials=True)
        and (predicted[-1] == gold[-1] or _same_token(predicted[0], gold[0], initials=True))
    )


def _is_subsequence(
    short: tuple[str, ...], long: tuple[str, ...], *, initials: bool = False
) -> bool:
    """Whether ``short``'s tokens occur in ``long`` in order; with ``initials`` a
    one-letter token of ``short`` stands for a token it begins ("a silva" in "ana silva")."""
    position = 0
    for token in short:
        while position < len(long) and not _same_token(token, long[position], initials):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _same_token(token: str, other: str, initials: bool) -> bool:
    return token == other or (initials and len(token) == 1 and other.startswith(token))


def _org_forms(text: str) -> set[str]:
    """Folded forms of an organisation name: as written, without "the", singular, and its
    acronym ("Rapid Support Forces" → "rsf")."""
    folded = fold_name(text)
    if folded.startswith("the "):
        folded = folded[4:]
    forms = {folded}
    if folded.endswith("s") and len(folded) > 3:
        forms.add(folded[:-1])
    words = [w for w in folded.split() if w not in {"of", "for", "and", "the", "de"}]
    if len(words) >= 2:
        forms.add("".join(w[0] for w in words))
    forms.update(_known_org_forms(text))
    return forms


def _known_org_forms(text: str) -> set[str]:
    """Every name kg's organisation table gives the organisation ``text`` names, so that
    "FARC" and "FARC-EP" are one organisation (empty without the table)."""
    try:
        from kg.reference.gazetteer import lookup_org
    except ImportError:  # pragma: no cover - the table ships with kg
        return set()
    entry = lookup_org(text)
    if entry is None:
        return set()
    return {fold_name(name) for name in (entry.name, *entry.aliases)}


def _office(text: str, countries: CountryIndex) -> tuple[str, str | None] | None:
    """(canonical title, country) when ``text`` describes an office rather than naming
    someone: "Prime Minister of the United Kingdom", "British Prime Minister", "the
    Sultan of Oman", "Prime Minister (unnamed)"."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    tokens = [t for t in fold_name(text).split() if t != "the"]
    country: str | None = None
    for at in range(len(tokens) - 1, 0, -1):
        if tokens[at] in ("of", "for"):
            found = countries.canonical(" ".join(tokens[at + 1 :]))
            if found is not None:
                country, tokens = found, tokens[:at]
                break
    if country is None:
        for size in (3, 2, 1):
            if len(tokens) > size:
                found = countries.canonical(" ".join(tokens[:size]))
                if found is not None:
                    country, tokens = found, tokens[size:]
                    break
    if not tokens or not all(t in TITLE_WORDS or t in ("of", "for", "state") for t in tokens):
        return None
    return countries.title_key(" ".join(tokens)), country


def _office_matches(office: tuple[str, str | None], forms: set[tuple[str, str | None]]) -> bool:
    title, country = office
    return any(
        title == other_title and (country is None or other is None or country == other)
        for other_title, other in forms
    )


def _office_display(person: GoldPerson) -> str:
    if person.roles:
        role = person.roles[0]
        return f"{role.title} of {role.of}" if role.of else role.title
    return person.mention or "unnamed office-holder"
