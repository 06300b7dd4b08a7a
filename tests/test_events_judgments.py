"""Disapproval told as a judgment: calling someone's act unacceptable, false or a lie criticises it (ACCUSE); the
judge is who says or calls it so, the judged the owner of what is judged. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_a_speaker_calling_an_act_unacceptable_criticises_it(extract_text):
    r = extract_text("Macron said the shelling of the grain port was unacceptable.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert accuse.trigger.text == "unacceptable" and _names(r, accuse.actors) == ["Emmanuel Macron"]
    assert accuse.sources == ()  # the criticism is Macron's act, told in the article's voice


def test_calling_a_report_a_lie_judges_its_owner(extract_text):
    r = extract_text("The Kremlin called Finland's report a lie.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.actors) == ["Russia"] and _names(r, accuse.recipients) == ["Finland"]


def test_a_judgment_attributed_by_according_to_is_the_sources(extract_text):
    r = extract_text('Belarus\'s claim that it is pulling back is "false", according to a senior Polish official.')
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.actors) == ["senior Polish official"] and _names(r, accuse.recipients) == ["Belarus"]


def test_a_judgment_nobody_makes_or_of_what_may_be_done_is_no_event(extract_text):
    assert not _of_type(extract_text("The referendum in the occupied district was a sham."), "ACCUSE")
    assert not _of_type(extract_text("It would be a mistake to send troops, Orban said."), "ACCUSE")
    assert not _of_type(extract_text("Orban made an unacceptable offer to Kyiv."), "ACCUSE")


def test_a_judgment_restating_an_accusation_is_the_same_act(extract_text):
    r = extract_text("The minister condemned Hamas, noting that its rhetoric is abhorrent.")
    assert [e.trigger.text for e in _of_type(r, "ACCUSE")] == ["condemned"]


def test_saying_a_state_has_the_right_to_act_backs_it(extract_text):
    r = extract_text("Moldova has the right to defend itself, Chancellor Karl Nehammer said.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Karl Nehammer"] and _names(r, backing.recipients) == ["Moldova"]
    assert _of_type(extract_text("Moldova has the right to defend itself."), "SUPPORT") == []  # nobody says so
    r = extract_text("Moldova has no right to close the border, Chancellor Karl Nehammer said.")
    assert _of_type(r, "SUPPORT") == []


def test_a_statements_own_judgment_is_its_authors(extractor):
    from kg.graph.records import Article

    r = extractor.extract(
        Article(
            "t",
            "I spoke today with the leaders of Moldova. Moldova has the right to defend itself. Let there be no mistake:"
            " Moldova is not alone.",
            title="Statement from President Jane Roe on Moldova",
            source="The White House",
        )
    )
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Jane Roe"] and _names(r, backing.recipients) == ["Moldova"]
    assert _of_type(r, "ACCUSE") == []  # 'let there be no mistake' judges nothing


def test_calling_someone_an_accomplice_or_a_sponsor_of_terrorism_accuses_them(extract_text):
    r = extract_text("Latvia is an accomplice to the crime of aggression, Jaan Tamm said.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.actors) == ["Jaan Tamm"] and _names(r, accuse.recipients) == ["Latvia"]
    r = extract_text("Jaan Tamm said Freedonia has long been the leading sponsor of terrorism in the region.")
    assert [_names(r, a.recipients) for a in _of_type(r, "ACCUSE")] == [["Freedonia"]]
    assert not _of_type(extract_text("Jaan Tamm said Latvia was the main sponsor of the summit."), "ACCUSE")


def test_an_existential_no_mistake_judges_no_one(extract_text):
    assert not _of_type(extract_text("Let there be no mistake: Latvia stands with Estonia, Tamm said."), "ACCUSE")


def test_what_someone_did_judged_as_evil_judges_the_doer(extract_text):
    r = extract_text("What Latvia did that day was pure evil, Jaan Tamm said.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.actors) == ["Jaan Tamm"] and _names(r, accuse.recipients) == ["Latvia"]
