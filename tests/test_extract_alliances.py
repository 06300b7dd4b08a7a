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
