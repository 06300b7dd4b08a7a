"""A fight whose 'against' hangs on the verb that wages it, on short texts written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


@pytest.mark.parametrize(
    "text",
    [
        "The war that Chad unleashed against Niger has killed thousands.",
        "The campaign that Chad waged against Niger failed.",
        "Chad waged a brutal war against Niger.",
    ],
)
def test_a_fight_waged_against_a_party_opposes_it(extract_text, text):
    assert ("opposes", "Chad", "Niger") in relations(extract_text(text))


def test_a_fight_waged_against_an_idea_opposes_no_one(extract_text):
    found = relations(extract_text("The campaign that Chad waged against corruption failed."))
    assert not any(t == "opposes" for t, _s, _o in found)
