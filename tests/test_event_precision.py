"""Event precision on plain news: one event per stated act, and no actor kg cannot find in the text.
Short texts written for these tests."""

from __future__ import annotations


def _names(record, ids):
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in ids]


def _events(record, etype=None):
    return [e for e in record.events if etype is None or e.type == etype]


def test_a_restated_commitment_is_one_stance_the_verbs(extract_text):
    r = extract_text("The Estonian minister Jaan Tamm affirmed the Estonian commitment to Latvia's security.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "affirmed")]
    assert set(_names(r, r.events[0].actors)) == {"Jaan Tamm", "Estonia"}


def test_a_reiterated_support_is_one_stance(extract_text):
    r = extract_text("Norway reiterated its support for Estonia.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "reiterated")]
    assert _names(r, r.events[0].recipients) == ["Estonia"]


def test_a_welcomed_commitment_is_a_stance_on_someone_elses_commitment(extract_text):
    r = extract_text("The Latvian envoy welcomed Ukraine's commitment to reform.")
    assert {e.type for e in r.events} == {"SUPPORT", "AGREE"}


def test_an_unresolved_pronoun_in_a_quote_is_not_the_speaker(extract_text):
    r = extract_text('"Then, of course, they will exchange views," the Kremlin spokesman Peskov said.')
    assert _events(r, "AGREE") == []
    assert all(not e.actors for e in _events(r, "CONSULT"))
