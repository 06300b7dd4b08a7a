"""Looking things up in an extraction record, for the extraction tests."""

from __future__ import annotations


def entity_names(record, ids) -> list[str]:
    """The names of the entities with these ids, sorted."""
    by_id = {e.id: e.name for e in record.entities}
    return sorted(by_id[i] for i in ids)


def events_of(record, etype: str) -> list:
    """The record's events of one type, in text order."""
    return [e for e in record.events if e.type == etype]


def sources_at(record, trigger: str) -> list[str]:
    """The source names of the first event whose trigger is ``trigger``, outermost first; fails if there is none."""
    names = {e.id: e.name for e in record.entities}
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.trigger.text for e in record.events]}"
    return [names[s] for s in found[0].sources]
