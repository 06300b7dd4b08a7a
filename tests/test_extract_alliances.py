"""Alliances a compound states ('the US-Japan alliance') and states called a body's ally ('NATO ally Turkey'), on
short texts written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


@pytest.mark.parametrize(
    "text, one, other",
    [
        ("The US-Japan alliance is firm, the United States said on Monday.", "United States", "Japan"),
        (
            "The U.S.-ROK Alliance is strong, the Republic of Korea and the United States said.",
            "United States",
            "South Korea",
        ),
    ],
)
def test_two_states_joined_by_a_dash_before_alliance_are_allied(extract_text, text, one, other):
    found = relations(extract_text(text))
    assert ("allied_with", one, other) in found or ("allied_with", other, one) in found


@pytest.mark.parametrize(
    "text, state",
    [
        ("Macron's remarks drew criticism from fellow NATO ally and EU member state Italy.", "Italy"),
        ("Diplomats then met NATO ally Turkey in Ankara on Monday.", "Turkey"),
        ("Turkey, a NATO ally, objected to the plan on Monday.", "Turkey"),
    ],
)
def test_a_state_called_a_bodys_ally_is_its_member(extract_text, text, state):
    assert ("member_of", state, "NATO") in relations(extract_text(text))


def test_a_non_member_ally_is_no_member(extract_text):
    found = relations(extract_text("Israel, a major non-NATO ally, objected to the plan on Monday."))
    assert ("member_of", "Israel", "NATO") not in found


@pytest.mark.parametrize(
    "text, one, other",
    [
        ("Chad may be looking to foreign allies like Niger for more troops.", "Chad", "Niger"),
        ("France urged allies such as Germany to send more tanks.", "France", "Germany"),
    ],
)
def test_bare_allies_named_by_example_are_the_clause_subjects(extract_text, text, one, other):
    found = relations(extract_text(text))
    assert ("allied_with", one, other) in found or ("allied_with", other, one) in found


@pytest.mark.parametrize(
    "text", ["Chad urged the allies such as Niger to act.", "Chad threatened allies like Niger on Monday."]
)
def test_allies_with_an_article_or_threatened_are_not_the_clause_subjects(extract_text, text):
    assert not any(t == "allied_with" for t, _s, _o in relations(extract_text(text)))
