"""'X became the first leader to visit Y', 'X is the only country to send Z': a predicate noun that ranks its subject
among those who did the act of its infinitive makes the subject that act's doer. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_first_leader_to_visit_is_the_subject_that_became_it(extract_text):
    r = extract_text("Emmanuel Macron has become the first Western leader to visit Kyiv since the invasion.")
    (visit,) = _of_type(r, "CONSULT")
    assert _names(r, visit.actors) == ["Emmanuel Macron"]


def test_the_only_leader_to_condemn_is_the_subject_of_is(extract_text):
    r = extract_text("Emmanuel Macron was the only leader to condemn Serbia for the raid.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["Emmanuel Macron"] and _names(r, condemn.recipients) == ["Serbia"]


def test_a_predicate_noun_without_a_rank_gives_no_doer(extract_text):
    r = extract_text("Emmanuel Macron is a leader known to condemn such raids on Serbia.")
    assert all("Emmanuel Macron" not in _names(r, e.actors) for e in _of_type(r, "ACCUSE"))
