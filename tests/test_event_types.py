"""Event types as PLOVER codes them, per phenomenon, on short texts written for these tests."""

from __future__ import annotations


def _names(record, ids):
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in ids]


def _types(record):
    return sorted({e.type for e in record.events})


def test_an_event_whose_named_agent_kg_does_not_know_keeps_its_type(extract_text):
    r = extract_text("The radical Vardosi Freedom movement rejected the offer on Friday.")
    event = next(e for e in r.events if e.type == "REJECT")
    assert event.trigger.text == "rejected"


def test_an_event_whose_subject_names_nobody_is_not_an_event(extract_text):
    r = extract_text("The outcome of the vote will determine the course of the dispute.")
    assert r.events == ()


def test_a_passive_of_stance_holds_its_subjects_stance(extract_text):
    r = extract_text("Norway was committed to supporting the negotiations.")
    event = next(e for e in r.events if e.type == "AGREE")
    assert _names(r, event.actors) == ["Norway"]
