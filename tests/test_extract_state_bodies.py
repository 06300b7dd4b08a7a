"""A state's own body named with its state: a possessive before the noun the name follows, a demonym before a
legislature's own word; an unnamed official whose title writes a state's name of several words; on short texts
written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


def test_a_state_possessive_before_the_noun_ahead_of_a_name_owns_the_body(extract_text):
    record = extract_text("Lithuania's state news agency BNS reported the attack on Monday.")
    assert ("affiliated_with", "BNS", "Lithuania") in relations(record)


@pytest.mark.parametrize(
    "text, state",
    [
        ("Russia said the Russian Duma passed the law on Monday.", "Russia"),
        ("Israel said the Israeli Knesset passed the law on Monday.", "Israel"),
    ],
)
def test_a_demonym_before_a_legislatures_own_word_names_its_state(extract_text, text, state):
    found = relations(extract_text(text))
    assert any(t == "affiliated_with" and o == state for t, _s, o in found)


def test_an_unnamed_officials_title_written_with_a_states_name_of_several_words(extract_text):
    record = extract_text(
        "The United Kingdom said the United Kingdom Permanent Representative to the United Nations would meet Chad."
    )
    found = relations(record)
    assert any(t == "affiliated_with" and o == "United Kingdom" and "Representative" in s for t, s, o in found)
