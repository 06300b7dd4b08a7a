"""Verbs of comparing, reproaching, urging, recommending, discovering, positing and swearing make their subject
the source of what they govern (issue 13). Short texts written for these tests."""

from __future__ import annotations

import pytest
from record_lookup import sources_at as _sources


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Jane Roe likened the deal to the proposal that Mexico attack Texas.", "attack", "Jane Roe"),
        ("Jane Roe chastised John Doe for refusing to attack Iran.", "attack", "Jane Roe"),
        (
            "Bernie Sanders rebuffed pressure to stop his supporters after they disrupted a rally.",
            "disrupted",
            "Bernie Sanders",
        ),
    ],
)
def test_comparing_and_reproaching_take_a_position_on_what_they_govern(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Jane Roe encouraged the protesters to attack the police.", "attack", "Jane Roe"),
        ("The director recommended that no charges be filed against Jane Roe.", "filed", "director"),
        ("USA Today discovered the trips were funded by Turkey.", "funded", "USA Today"),
        ("Republicans are positing that Donald Trump could help them.", "help", "Republicans"),
        ("The senators swore that they would attack Iran.", "attack", "senators"),
    ],
)
def test_urging_recommending_discovering_positing_and_swearing_attribute_their_clause(
    extract_text, text, trigger, source
):
    assert _sources(extract_text(text), trigger) == [source]
