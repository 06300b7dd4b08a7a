"""Questioning a thing doubts it, so the questioner is the source of what the thing tells; questioning a person asks
them (issue 13). Short texts written for these tests."""

from __future__ import annotations

from record_lookup import sources_at as _sources


def test_questioning_a_thing_makes_the_questioner_its_source(extract_text):
    record = extract_text("Donald Trump questioned Israel's commitment to peace.")
    assert _sources(record, "commitment") == ["Donald Trump"]
    record = extract_text(
        "Bernie Sanders is pushing back, questioning Hillary Clinton's judgment in supporting the war."
    )
    assert _sources(record, "supporting") == ["Bernie Sanders"]


def test_questioning_people_does_not_make_the_questioner_the_source_of_their_acts(extract_text):
    record = extract_text("Donald Trump questioned the protesters who attacked the police.")
    assert _sources(record, "attacked") == []
