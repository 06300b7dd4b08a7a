"""Arguments in reported speech, double-object 'send', and passives with 'by'."""

from __future__ import annotations


def _args(record, etype):
    names = {e.id: e.name for e in record.entities}
    event = next(e for e in record.events if e.type == etype)
    return [names[a] for a in event.actors], [names[r] for r in event.recipients]


def test_the_subject_of_a_reported_clause_is_the_teller(extract_text):
    r = extract_text("The premier told the Danish envoy she would send Norway three more air defence systems.")
    assert _args(r, "AID") == (["premier"], ["Norway"])


def test_a_pronoun_of_the_other_gender_is_not_the_teller(extract_text):
    r = extract_text("Anna Berg met Lars Olsen on Monday. She said he would attack the town.")
    actors, _ = _args(r, "ASSAULT")
    assert actors != ["Anna Berg"]


def test_send_y_x_and_send_x_to_y_give_the_same_recipient(extract_text):
    a = extract_text("Spain will send Portugal four tanks.")
    b = extract_text("Spain will send four tanks to Portugal.")
    assert _args(a, "AID") == _args(b, "AID") == (["Spain"], ["Portugal"])


def test_the_by_phrase_of_a_passive_is_the_actor(extract_text):
    r = extract_text("The convoy was attacked by Chadian rebels near the border.")
    actors, _ = _args(r, "ASSAULT")
    assert actors == ["Chadian rebels"]
