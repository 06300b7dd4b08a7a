"""Looking things up in an extraction record, for the extraction tests."""

from __future__ import annotations


def entity_names(record, ids) -> list[str]:
    """The names of the entities with these ids, sorted."""
    by_id = {e.id: e.name for e in record.entities}
    return sorted(by_id[i] for i in ids)


def events_of(record, etype: str) -> list:
    """The record's events of one type, in text order."""
    return [e for e in record.events if e.type == etype]
