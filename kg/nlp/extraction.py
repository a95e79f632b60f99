"""Doc -> records: the pure function at the seam between the language and RDF layers.

``extract_records(doc, article)`` reads a Doc that went through ``kg.pipeline.load_nlp``'s
pipeline and returns :class:`kg.records.DocumentRecords`.  It depends on nothing but
the Doc and the article, so a corpus can be split anywhere (processes, Dask workers).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.nlp.coref import person_index
from kg.nlp.entities import DocIndex
from kg.nlp.events import MEETING_KINDS, EventExtractor, EventFinding, sides_from_frames
from kg.nlp.frames import HEADLINE_LIST, FrameFinding, find_frames
from kg.nlp.mediation import RELEASE_REASON, MediationExtractor, MediationFinding
from kg.nlp.roles import RoleFinding, is_reported
from kg.nlp.triggers import TRIGGERS_KEY
from kg.records import (
    Article,
    Country,
    DocumentRecords,
    EntityRef,
    Event,
    Evidence,
    Frame,
    Organization,
    Participant,
    ParticipantRole,
    Person,
    Place,
    RoleHolding,
)
from kg.reference.cameo import CAMEO_BY_KIND, cameo_code, third_location
from kg.reference.publishers import publisher_country

EVENT_CONFIDENCE = {"meeting": 0.8, "talks": 0.8, "phone_call": 0.85, "visit": 0.75, "statement": 0.8}
ROLE_CONFIDENCE = 0.9
# A national title stated without its country ("President Ortiz") takes the person's
# country from elsewhere in the document, with less confidence.
INFERRED_OF_CONFIDENCE = 0.7
NATIONAL_CATEGORIES = frozenset({"head_of_state", "head_of_government", "minister", "royal", "legislator",
                                 "military", "intelligence"})


def _trimmed(span: Span) -> Span:
    """``span`` without leading or trailing whitespace tokens (a paragraph break is one)."""
    return span.doc[slice(*_trimmed_range(span.doc, span.start, span.end))]


def _trimmed_range(tokens: Doc | Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """The tokens ``start:end`` without leading or trailing whitespace tokens (one kept at least)."""
    while end > start + 1 and tokens[end - 1].is_space:
        end -= 1
    while start < end - 1 and tokens[start].is_space:
        start += 1
    return start, end


def evidence_of(span: Span, sentences: SentenceIndex | None = None) -> Evidence:
    """The character span of ``span`` and the sentence around it."""
    if sentences is None:
        span = _trimmed(span)
        begin, end = span.start_char, span.end_char
        sentence = _trimmed(span.sent)
        return Evidence(begin=begin, end=end, text=span.text, sentence=sentence.text,
                        sentence_begin=sentence.start_char)
    return evidence_at(span.doc, span.start, span.end, sentences)


def evidence_at(tokens: Doc | Sequence[Token], start: int, end: int, sentences: SentenceIndex) -> Evidence:
    """:func:`evidence_of` the tokens ``start:end`` of a document (its Doc, or the list of its
    tokens, which is quicker to index), without making a Span for them."""
    if end <= start:  # no tokens: where they would start, as spaCy places an empty span
        begin = end_char = tokens[start].idx if start < len(tokens) else len(sentences.text)
    else:
        start, end = _trimmed_range(tokens, start, end)
        first, last = tokens[start], tokens[end - 1]
        begin, end_char = first.idx, last.idx + len(last)
    # The document's text, sliced: a Span's .text joins its tokens' texts anew on every call.
    sentence_text, sentence_begin = sentences.texts[bisect_right(sentences.starts, start) - 1]
    return Evidence(begin=begin, end=end_char, text=sentences.text[begin:end_char], sentence=sentence_text,
                    sentence_begin=sentence_begin)


def _length(doc: Doc) -> int:
    """The number of characters of ``doc``'s text."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


class SentenceIndex:
    """Each token's sentence, found once per document (``Span.sent`` scans every time), and the
    sentences' texts, made once."""

    def __init__(self, doc: Doc, sents: list[Span] | None = None, text: str | None = None):
        # ``text``: the text ``doc`` was parsed from, if known (Doc.text joins every token anew).
        self.text = text if text is not None and len(text) == _length(doc) else doc.text
        sents = list(doc.sents) if sents is None else sents
        self.sentences = [_trimmed(sent) for sent in sents]
        self.starts = [sent.start for sent in sents]
        self.texts = [(self.text[sent.start_char:sent.end_char], sent.start_char) for sent in self.sentences]

    def sentence_of(self, span: Span) -> Span:
        return self.sentences[bisect_right(self.starts, span.start) - 1]


def extract_records(doc: Doc, article: Article, *, model: str = "") -> DocumentRecords:
    """Everything kg finds in one parsed article, as typed records."""
    index, role_findings = person_index(doc, home=publisher_country(article.url))
    extractor = EventExtractor(index, article.published)
    event_findings = extractor.run()
    frame_findings = find_frames(index, extractor, [f for f in event_findings if f.kind == "talks"])
    offices: dict[str, set[EntityRef]] = {}
    for role in role_findings:
        if role.of is not None:
            offices.setdefault(role.person, set()).add(role.of)
    mediations = MediationExtractor(index, extractor, event_findings, frame_findings, offices).run()
    # (a headline's list read from word shapes gives a mediation its sides, not talks their participants)
    event_findings = sides_from_frames(event_findings, [f for f in frame_findings if f.via != HEADLINE_LIST],
                                       index, extractor.unresolved)
    sentences = SentenceIndex(doc, index.sents, article.text)
    events = [_event(f, index, sentences) for f in event_findings]
    told_in = _told_in(events)
    events += [_when_and_where(event, events, told_in) for m in mediations for event in _mediations(m, sentences)]
    events = _mediators_take_part(events)
    attempted = {event.key for m in mediations if m.attempted for event in _mediations(m, sentences)}
    events += _talks_of_mediations(events, _talks_sentences(doc, sentences), attempted)
    frames = [_frame(f, sentences) for f in frame_findings]
    roles = _roles(index, role_findings, sentences)
    return _assemble(index, article, roles, events, frames, model, sentences)


def _frame(finding: FrameFinding, sentences: SentenceIndex) -> Frame:
    return Frame(key=finding.key, kind=finding.kind, sides=tuple(finding.sides),  # type: ignore[arg-type]
                 salience=finding.salience, via=finding.via,
                 evidence=tuple(evidence_of(span, sentences) for span in finding.evidence))


def _mediators_take_part(events: list[Event]) -> list[Event]:
    """A mediator or host of talks is a participant of those talks (the events a mediation
    concerns), in the role it has there."""
    by_key = {e.key: n for n, e in enumerate(events)}
    told_in = _told_in(events)
    for mediation in events:
        if mediation.kind != "mediation" or not mediation.stated:
            continue  # a venue inferred as host is no participant
        role: ParticipantRole = "host" if mediation.mediation_kind == "host" else "mediator"
        parties = {p.entity for p in mediation.participants if p.role == "party"}
        sentences = {e.sentence_begin for e in mediation.evidence}
        # The talks it concerns: those named, and talks of two of its parties in its sentence.
        concerned = [by_key[k] for k in mediation.concerns if k in by_key]
        nearby = sorted({n for begin in sentences for n in told_in.get(begin, ())})
        concerned += [n for n in nearby if n not in concerned
                      and len(parties & {p.entity for p in events[n].participants}) >= 2]
        for n in concerned:
            if events[n].kind not in {"talks", "meeting"}:
                continue
            event = events[n]
            present = {p.entity for p in event.participants}
            added = tuple(Participant(p.entity, role) for p in mediation.participants
                          if p.role == "mediator" and p.entity not in present)
            if added:
                events[n] = replace(event, participants=event.participants + added)
    return events


def _told_in(events: list[Event]) -> dict[int, list[int]]:
    """Talks and meetings by the sentences they are told in (where each sentence begins): their
    positions in ``events``, in order.  Found once, not once a mediation."""
    told_in: dict[int, list[int]] = {}
    for n, e in enumerate(events):
        if e.kind in MEDIATED_KINDS:
            for begin in {x.sentence_begin for x in e.evidence}:
                told_in.setdefault(begin, []).append(n)
    return told_in


def _talks_sentences(doc: Doc, sentences: SentenceIndex) -> set[int]:
    """Where the sentences that name talks begin (by the trigger lexicon)."""
    return {sentences.sentence_of(span).start_char for span in doc.spans.get(TRIGGERS_KEY, [])
            if span.label_ == "talks"}


# A mediation done, going on or to come tells of talks of its time; one offered or asked for does not.
TOLD_TALKS_STATUSES = frozenset({"held", "ongoing", "planned"})


def _talks_of_mediations(events: list[Event], talks_sentences: set[int], attempted: set[str]) -> list[Event]:
    """Talks told only through their mediation ("years of C-mediated negotiations between A
    and B led to a deal", "C will mediate between A and B"): a stated mediation of two or
    more named parties, held, going on or planned, whose sentence names talks, and which no
    talks or meeting of those parties tells, gives the talks (of the mediation's status), with
    the parties and the mediator taking part.  A mediation only offered or asked for tells
    of no talks, nor one only attempted (``attempted``: the keys of those, "C has tried to
    mediate between A and B")."""
    made: list[Event] = []
    # Who takes part in each talks or meeting, by each of them (to look up, not scan, the
    # talks that hold a mediation's parties).
    told: dict[EntityRef, list[set[EntityRef]]] = {}

    def tell(present: set[EntityRef]) -> None:
        for entity in present:
            told.setdefault(entity, []).append(present)

    for e in events:
        if e.kind in MEDIATED_KINDS:
            tell({p.entity for p in e.participants})
    for mediation in events:
        if mediation.kind != "mediation" or mediation.status not in TOLD_TALKS_STATUSES \
                or mediation.key in attempted:
            continue
        if not mediation.stated and mediation.mediation_kind != "host":
            continue  # (an implied host's hospitality tells of the sides' talks; a relay of none)
        if mediation.reason == RELEASE_REASON:
            continue  # a release mediated between its holders and the released people's country
        if mediation.concerns:
            continue  # (the talks it concerns are told: "talks in C's capital with A's envoy" hold no B)
        parties = [p.entity for p in mediation.participants if p.role == "party"]
        if len(parties) < 2 or any(set(parties) <= present for present in told.get(parties[0], ())):
            continue
        # mediating, facilitating or hosting is talking with the sides; brokering a deal tells of
        # the deal, and of talks only where its sentence names them
        if mediation.mediation_kind == "broker" and \
                not any(e.sentence_begin in talks_sentences for e in mediation.evidence):
            continue
        role: ParticipantRole = "host" if mediation.mediation_kind == "host" else "mediator"
        # (a host only implied, "thanks to the hospitality of C", is no participant)
        mediators = [Participant(p.entity, role) for p in mediation.participants
                     if p.role == "mediator" and mediation.stated]
        made.append(Event(key=f"talks-of-{mediation.key}", kind="talks",
                          participants=(*(Participant(p, "participant") for p in parties), *mediators),
                          evidence=mediation.evidence, confidence=mediation.confidence, status=mediation.status,
                          date=mediation.date, date_text=mediation.date_text, location=mediation.location,
                          cameo=CAMEO_BY_KIND["talks"]))
        tell({*parties, *(m.entity for m in mediators)})
    return made


def _turn_label(tokens: Sequence[Token], finding: RoleFinding) -> bool:
    """Whether a title is a transcript's speaker label, "SECRETARY ORTIZ:", which addresses the
    speaker by a short title and states no role (the label's person stays known)."""
    if not finding.name_end or finding.name_end >= len(tokens) or tokens[finding.name_end].text != ":":
        return False
    words = tokens[min(finding.start, finding.name_start):finding.name_end]
    return all(t.is_upper or not t.is_alpha for t in words)


def _roles(index: DocIndex, findings: list[RoleFinding], sentences: SentenceIndex) -> list[RoleHolding]:
    tokens = index.tokens
    holdings: list[RoleHolding] = []
    for finding in findings:
        if not is_reported(finding) or _turn_label(tokens, finding):
            continue
        of = finding.of
        of_country = of.key if of is not None and of.kind == "country" else None
        of_org = of.key if of is not None and of.kind == "organization" else None
        of_person = of.key if of is not None and of.kind == "person" else None
        confidence = ROLE_CONFIDENCE
        person = index.persons.get(finding.person)
        if of is None and finding.category in NATIONAL_CATEGORIES and person is not None and person.country \
                and finding.qualifier == "current":
            of_country, confidence = person.country, INFERRED_OF_CONFIDENCE
        # The evidence covers the title phrase and the name it is stated for.
        start = min(finding.start, finding.name_start) if finding.name_end else finding.start
        end = max(finding.end, finding.name_end)
        holdings.append(RoleHolding(person=finding.person, title=finding.title,
                                    evidence=evidence_at(tokens, start, end, sentences),
                                    of_country=of_country, of_organization=of_org, of_person=of_person,
                                    qualifier=finding.qualifier, confidence=confidence,
                                    canonical=finding.base if finding.base and finding.base != finding.title
                                    else None))
    for person in index.persons.values():
        if person.name is not None:
            continue
        mention = next((m for m in index.mentions if m.ref.key == person.key), None)
        if mention is None:
            continue
        for title, country in person.titles:
            holdings.append(RoleHolding(person=person.key, title=title,
                                        evidence=evidence_at(tokens, mention.start, mention.end, sentences),
                                        of_country=country, confidence=INFERRED_OF_CONFIDENCE))
    return holdings


def _event(finding: EventFinding, index: DocIndex, sentences: SentenceIndex) -> Event:
    event = _without_represented_countries(_plain_event(finding, sentences), index)
    # A meeting in a country none of its participants stands for is CAMEO 044.
    cameo = cameo_code(event.kind, third_location=third_location(event, index.country_of))
    return event if cameo == event.cameo else replace(event, cameo=cameo)


def _without_represented_countries(event: Event, index: DocIndex) -> Event:
    """A meeting, talks, call or visit without the countries one of its people acts for: "talks
    between Chile and Peru ... President A of Chile met President B" are A's and B's, each
    for their country (a country with no person of its own there stays)."""
    if event.kind not in MEETING_KINDS:
        return event
    theirs = {index.country_of(p.entity) for p in event.participants if p.entity.kind == "person"}
    if not theirs - {None}:
        return event
    return replace(event, participants=tuple(p for p in event.participants
                                             if p.entity.kind != "country" or p.entity.key not in theirs))


def _plain_event(finding: EventFinding, sentences: SentenceIndex) -> Event:
    cameo = CAMEO_BY_KIND.get(finding.kind)
    return Event(
        key=finding.key, kind=finding.kind,
        participants=tuple(Participant(ref, role) for ref, role in finding.all_participants()),
        evidence=tuple(evidence_of(span, sentences) for span in finding.evidence),
        confidence=EVENT_CONFIDENCE.get(finding.kind, 0.8), status=finding.status,
        location=finding.location, date=finding.date, date_text=finding.date_text, cameo=cameo,
        content=finding.content, reported_by=finding.reported_by)


def _mediations(finding: MediationFinding, sentences: SentenceIndex) -> list[Event]:
    """One mediation per mediator, each with all the parties ("brokered by C, D and E" is
    three mediations between the same sides)."""
    evidence = tuple(evidence_of(span, sentences) for span in finding.evidence)
    parties = [Participant(ref, "party") for ref in finding.parties]
    events = []
    for mediator in finding.mediators:
        key = finding.key if len(finding.mediators) == 1 else f"{finding.key}-{mediator.key.lower()}"
        events.append(Event(
            key=key, kind="mediation", participants=(Participant(mediator, "mediator"), *parties),
            evidence=evidence, confidence=finding.confidence,
            status=finding.status, cameo=CAMEO_BY_KIND["mediation"], mediation_kind=finding.kind,
            stated=finding.stated, reason=finding.reason, parties_unnamed=finding.parties_unnamed,
            concerns=tuple(finding.concerns), frame=finding.frame))
    return events


MEDIATED_KINDS = frozenset({"talks", "meeting"})


def _when_and_where(mediation: Event, events: list[Event], told_in: dict[int, list[int]]) -> Event:
    """A mediation takes the date and place of the talks it mediates, stated in its sentence
    ("C mediated talks between A and B in Doha on Monday"): the same talks told by two reports
    is then one mediation on one day in one place, which the merge can join.  ``told_in``:
    ``_told_in(events)``."""
    if mediation.date is not None or mediation.location is not None:
        return mediation
    sentences = {e.sentence_begin for e in mediation.evidence}
    parties = {p.entity for p in mediation.participants if p.role == "party"}
    for n in sorted({n for begin in sentences for n in told_in.get(begin, ())}):
        event = events[n]
        if parties and not parties <= {p.entity for p in event.participants}:
            continue
        if event.date is None and event.location is None:
            continue
        return replace(mediation, date=event.date, date_text=event.date_text, location=event.location)
    return mediation


def _assemble(index: DocIndex, article: Article, roles: list[RoleHolding], events: list[Event],
              frames: list[Frame], model: str, sentences: SentenceIndex) -> DocumentRecords:
    from kg.reference import gazetteer

    tokens = index.tokens
    mentions_of: dict[EntityRef, list[Evidence]] = {}
    for mention in index.mentions:
        mentions_of.setdefault(mention.ref, []).append(evidence_at(tokens, mention.start, mention.end, sentences))
    referenced: set[EntityRef] = set(mentions_of)
    for event in events:
        referenced.update(p.entity for p in event.participants)
        if event.location is not None:
            referenced.add(event.location)
        if event.reported_by is not None:
            referenced.add(event.reported_by)
    for frame in frames:
        referenced.update(frame.sides)
    for role in roles:
        referenced.add(EntityRef("person", role.person))
        if role.of_country:
            referenced.add(EntityRef("country", role.of_country))
        if role.of_organization:
            referenced.add(EntityRef("organization", role.of_organization))
        if role.of_person:
            referenced.add(EntityRef("person", role.of_person))
    persons = []
    for key, info in index.persons.items():
        ref = EntityRef("person", key)
        if ref not in referenced:
            continue
        if info.country:
            referenced.add(EntityRef("country", info.country))
        if info.organization:
            referenced.add(EntityRef("organization", info.organization))
        persons.append(Person(key=key, label=info.label, name=info.name,
                              aliases=tuple(sorted(info.aliases)), country=info.country,
                              organization=info.organization, mentions=tuple(mentions_of.get(ref, ()))))
    orgs = []
    for key, org in index.orgs.items():
        ref = EntityRef("organization", key)
        if ref not in referenced:
            continue
        if org.country:
            referenced.add(EntityRef("country", org.country))
        orgs.append(Organization(key=key, name=org.name, kind=org.kind, country=org.country,  # type: ignore[arg-type]
                                 aliases=tuple(sorted(org.aliases)), wikidata=org.wikidata,
                                 mentions=tuple(mentions_of.get(ref, ()))))
    places = []
    for key, place in index.places.items():
        ref = EntityRef("place", key)
        if ref not in referenced:
            continue
        if place.country:
            referenced.add(EntityRef("country", place.country))
        places.append(Place(key=key, name=place.name, country=place.country,
                            mentions=tuple(mentions_of.get(ref, ()))))
    countries = []
    for ref in sorted((r for r in referenced if r.kind == "country"), key=lambda r: r.key):
        entry = gazetteer.country_by_code(ref.key)
        if entry is None:
            continue
        countries.append(Country(code=entry.alpha3, alpha2=entry.alpha2, name=entry.name,
                                 wikidata=entry.wikidata or None, mentions=tuple(mentions_of.get(ref, ()))))
    known = {("person", p.key) for p in persons} | {("organization", o.key) for o in orgs} | \
        {("place", p.key) for p in places} | {("country", c.code) for c in countries}
    roles = [r for r in roles if ("person", r.person) in known]
    frames = [f for f in frames if all((s.kind, s.key) in known for s in f.sides)]
    frame_keys = {f.key for f in frames}
    kept = [e if e.frame is None or e.frame in frame_keys else replace(e, frame=None)
            for e in (_keep_known(e, known) for e in events) if e is not None]
    return DocumentRecords(article=article, persons=tuple(persons), countries=tuple(countries),
                           organizations=tuple(orgs), places=tuple(places), roles=tuple(roles),
                           events=tuple(kept), model=model, frames=tuple(frames))


def _keep_known(event: Event, known: set[tuple[str, str]]) -> Event | None:
    participants = tuple(p for p in event.participants if (p.entity.kind, p.entity.key) in known)
    if not participants:
        return None
    location = event.location if event.location and (event.location.kind, event.location.key) in known else None
    reported = event.reported_by if event.reported_by and \
        (event.reported_by.kind, event.reported_by.key) in known else None
    if len(participants) == len(event.participants) and location == event.location and reported == event.reported_by:
        return event  # all known: the event as it is (records are frozen)
    return replace(event, participants=participants, location=location, reported_by=reported)
