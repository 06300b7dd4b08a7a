"""Sources that frame a whole sentence from its edge: an 'according to' set off by a comma at the start or end,
and a saying after the content that closes a paragraph (issue 13). Short texts written for these tests."""

from __future__ import annotations

import pytest


def _sources(record, trigger: str) -> list[str]:
    names = {e.id: e.name for e in record.entities}
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.trigger.text for e in record.events]}"
    return [names[s] for s in found[0].sources]


@pytest.mark.parametrize(
    "text",
    [
        "Democrats met in Paris, and Russia attacked Poland as Joe Biden watched, according to a senior aide.",
        "According to a senior aide, Russia attacked Poland while Joe Biden was meeting Olaf Scholz in Berlin.",
    ],
)
def test_an_according_to_at_the_sentence_edge_frames_every_clause(extract_text, text):
    # spaCy may hang the phrase from a clause the event is not in; set off at the edge, it covers the sentence
    assert _sources(extract_text(text), "attacked") == ["senior aide"]


def test_the_phrase_of_an_according_to_is_not_its_own_content(extract_text):
    record = extract_text("Joe Biden spoke in Warsaw, according to a report on the attack by Russia.")
    assert _sources(record, "attack") == []


def test_a_source_after_the_content_closing_a_paragraph(extract_text):
    # spaCy keeps the paragraph break as a token of the sentence: it is no part of the source phrase
    record = extract_text(
        "A retired banker is behind large donations to a committee supporting Joe Biden, a Reuters review shows."
        "\n\nRussia attacked Ukraine."
    )
    assert _sources(record, "supporting") == ["Reuters review"]
    assert _sources(record, "attacked") == []
