"""What a comment is on is what the commenter speaks about, as 'said about' (issue 13). Short texts written for
these tests."""

from __future__ import annotations

import pytest
from record_lookup import sources_at as _sources


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            "Commenting on the recent shootings in Ohio, Governor Jane Roe said Donald Trump should speak.",
            "shootings",
            "Jane Roe",
        ),
        ("John Doe was commenting on how the fighting between Russia and Turkey could hurt Syria.", "hurt", "John Doe"),
    ],
)
def test_what_a_comment_is_on_is_the_commenters(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_a_saying_on_a_day_or_a_stage_tells_nothing_of_it(extract_text):
    record = extract_text("Jane Roe spoke on the stage where the protesters attacked the police.")
    assert _sources(record, "attacked") == []
