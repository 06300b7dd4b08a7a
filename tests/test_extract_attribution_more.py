"""Attribution as PolNeAR annotates it, beyond speech and belief verbs (issue 13): stances taken on something,
pronoun speakers that agree with their antecedent. Short texts written for these tests."""

from __future__ import annotations

import pytest


def _sources(record, trigger: str, nth: int = 0) -> list[str]:
    names = {e.id: e.name for e in record.entities}
    found = [e for e in record.events if e.trigger.text == trigger]
    assert len(found) > nth, f"no event {trigger!r} (#{nth}) in {[e.trigger.text for e in record.events]}"
    return [names[s] for s in found[nth].sources]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Angela Merkel rejected the offer of Donald Trump to withdraw troops.", "withdraw", "Angela Merkel"),
        ("Scott Walker endorsed the plan to sanction Iran.", "sanction", "Scott Walker"),
        ("Vladimir Putin praised the efforts of John Kerry to negotiate a ceasefire.", "negotiate", "Vladimir Putin"),
        ("Paul Manafort lobbied for the Americans to support Ukraine.", "support", "Paul Manafort"),
        ("Bernie Sanders railed against the invasion of Iraq.", "invasion", "Bernie Sanders"),
    ],
)
def test_a_stance_taken_on_something_makes_its_holder_the_source(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_where_a_stance_was_taken_stays_in_the_article_s_voice(extract_text):
    record = extract_text("Donald Trump criticized the judge at a meeting with Mexico.")
    assert _sources(record, "meeting") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Mary Smith spoke at the meeting of John Kerry in Miami. “Russia will attack Ukraine,” she said.",
            "Mary Smith",
        ),
        ("Mrs. Smith spoke at the meeting of Mr. Jones in Miami. “Russia will attack Ukraine,” she said.", "Smith"),
        ("Mr. Jones spoke at the meeting of Mrs. Smith in Miami. “Russia will attack Ukraine,” he said.", "Jones"),
    ],
)
def test_a_pronoun_speaker_agrees_with_the_person_it_stands_for(extract_text, text, source):
    assert _sources(extract_text(text), "attack") == [source]


def test_a_name_of_unknown_gender_agrees_with_either_pronoun(extract_text):
    record = extract_text("Robin Taylor spoke in Miami. “Russia will attack Ukraine,” she said.")
    assert _sources(record, "attack") == ["Robin Taylor"]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("The council condemned Donald Trump's call for sanctions against Iran.", "sanctions", "Donald Trump"),
        ("Hillary Clinton mocked his proposal to deport immigrants, Bernie Sanders said.", "deport", "Hillary Clinton"),
    ],
)
def test_the_owner_of_a_noun_of_stance_is_the_source_of_its_complement(extract_text, text, trigger, source):
    assert source in _sources(extract_text(text), trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Mary Smith cited the attack on Kyiv as evidence.", "attack", "Mary Smith"),
        ("A new poll showed support for the sanctions against Russia.", "sanctions", "new poll"),
        ("John Kerry denied the attack by Russia on the convoy.", "attack", "John Kerry"),
    ],
)
def test_what_a_speaker_cites_or_denies_is_theirs(extract_text, text, trigger, source):
    assert _sources(extract_text(text), trigger) == [source]


def test_an_announced_act_of_one_s_own_and_a_relative_clause_stay_the_article_s(extract_text):
    record = extract_text(
        "The United States announced $200 million in aid to Ukraine. Joe Biden cited something Russia has "
        "repeatedly denied."
    )
    assert _sources(record, "aid") == []
    assert _sources(record, "denied") == []


def test_a_colon_at_a_paragraph_s_end_hands_the_next_quotation_to_its_speaker(extract_text):
    record = extract_text(
        'Mary Smith went on to say:\n\n"Russia will attack Ukraine in the spring, and Iran will help."'
    )
    assert _sources(record, "attack") == ["Mary Smith"]


def test_a_paragraph_of_quotation_alone_shares_the_speaker_of_the_quotation_beside_it(extract_text):
    record = extract_text(
        "Mary Smith spoke in Texas.\n\n“Russia will attack Ukraine in the spring of next year.”\n\n"
        "“Iran will also send drones to Russia,” Mary Smith said.\n\n“Then Russia will withdraw from Belarus.”"
        "\n\nJoe Biden met Olaf Scholz in Berlin."
    )
    assert _sources(record, "attack") == ["Mary Smith"]  # the next paragraph names her
    assert _sources(record, "withdraw") == ["Mary Smith"]  # the paragraph before named her
    assert _sources(record, "met") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Several candidates said Russia should attack Ukraine.", "Several candidates"),
        ("As many as 40 percent of the voters said Russia would attack Ukraine.", "percent"),
    ],
)
def test_people_named_by_what_they_are_or_by_their_share_are_sources(extract_text, text, source):
    assert _sources(extract_text(text), "attack") == [source]


def test_they_as_a_speaker_continues_the_last_group_that_spoke(extract_text):
    record = extract_text(
        "Six newspapers said on Monday that Chris Christie is an opportunist. They urged him to resign."
    )
    assert _sources(record, "resign") == ["newspapers"]


def test_whom_a_speaker_addresses_is_no_content(extract_text):
    record = extract_text("Donald Trump told a meeting with Mexico that the wall would be built.")
    assert _sources(record, "meeting") == []
