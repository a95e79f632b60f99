"""The mediations of extracted records as rows the mediation tests compare."""

from __future__ import annotations

from kg.records import DocumentRecords, EntityRef


def mediations(records: DocumentRecords) -> list[tuple[EntityRef, frozenset[EntityRef], bool]]:
    """(mediator, parties, stated), one row per mediator of each mediation."""
    rows = []
    for event in records.events:
        if event.kind != "mediation":
            continue
        parties = frozenset(p.entity for p in event.participants if p.role == "party")
        rows += [(p.entity, parties, event.stated) for p in event.participants if p.role == "mediator"]
    return rows


def country(code: str) -> EntityRef:
    return EntityRef("country", code)


def person(key: str) -> EntityRef:
    return EntityRef("person", key)


def org(key: str) -> EntityRef:
    return EntityRef("organization", key)
