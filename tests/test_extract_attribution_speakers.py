"""Who a pronoun speaker stands for when the tagger typed the named speaker before it as an organisation (issue 13).
Short texts written for these tests."""

from __future__ import annotations

import pytest
from record_lookup import sources_at as _sources

from kg.extract.speakers import may_be_person
from kg.graph.records import Entity


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            'Donald Trump met Joe Hammond at the rally. Reynolds says that is what new media is. "He protests every '
            'day and attacks the police," she says.',
            "attacks",
            "Reynolds",
        ),
        (
            'Donald Trump spoke in Ohio. Carly Fiorina told Fox on Monday that the rally was good. "But you will not '
            'beat Hillary Clinton by attacking Bill Clinton," she said.',
            "attacking",
            "Carly Fiorina",
        ),
    ],
)
def test_a_pronoun_speaker_stands_for_a_named_speaker_the_tagger_typed_an_organisation(
    extract_text, text, trigger, source
):
    assert _sources(extract_text(text), trigger) == [source]


@pytest.mark.parametrize(
    ("name", "known", "person"),
    [
        ("Reynolds", False, True),
        ("Carly Fiorina", False, True),
        ("Reuters", True, False),  # a gazetteer's organisation
        ("NATO", False, False),  # an acronym
        ("Clinton Foundation", False, False),  # a word of a body's name
    ],
)
def test_only_a_name_written_as_a_persons_may_be_a_mistyped_person(name, known, person):
    assert may_be_person(Entity("e1", name, "Organization"), known) is person
