"""Readouts and joint statements: calls, joint briefings, hostage-taking and crowds named by their people.
Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_leaders_who_spoke_by_phone_consulted(extract_text):
    r = extract_text("Prime Minister Kishida and President Yoon spoke by phone on Tuesday.")
    (call,) = _of_type(r, "CONSULT")
    assert call.mode == "phone" and len(call.actors) == 2
    # speaking alone is speech, not a meeting
    assert _of_type(extract_text("President Yoon spoke on Tuesday about the economy."), "CONSULT") == []


def test_a_joint_briefing_with_a_counterpart_is_a_meeting_of_both(extract_text):
    r = extract_text("Minister Anna Kovacs spoke at a joint briefing with her counterpart Jan Novak in Prague.")
    (meeting,) = _of_type(r, "CONSULT")
    assert _names(r, meeting.actors) == ["Anna Kovacs", "Jan Novak"]
    assert _of_type(extract_text("The spokesman gave a briefing in Prague."), "CONSULT") == []


def test_taking_people_hostage_is_an_abduction(extract_text):
    r = extract_text("Boko Haram took 30 villagers hostage on Friday.")
    (taking,) = _of_type(r, "ASSAULT")
    assert taking.mode == "abduct" and _names(r, taking.actors) == ["Boko Haram"]


def test_thousands_of_a_people_are_a_stated_agent(extract_text):
    r = extract_text("Thousands of Georgians protested outside the parliament.")
    assert [e.type for e in r.events] == ["PROTEST"]


def test_speaking_to_a_leader_is_a_call_and_to_the_press_is_speech(extract_text):
    r = extract_text("Chancellor Karl Nehammer spoke to President Maia Sandu of Moldova on Friday.")
    (call,) = _of_type(r, "CONSULT")
    assert _names(r, call.actors) == ["Karl Nehammer", "Maia Sandu"]  # talks: both sides act
    assert call.sources == ()  # speaking to her is the talks, not his claim about them
    assert _of_type(extract_text("Karl Nehammer spoke to reporters in Vienna."), "CONSULT") == []
    assert _of_type(extract_text("Karl Nehammer spoke to the BBC on Friday."), "CONSULT") == []


def test_talking_to_a_leader_is_talks_and_to_the_press_is_speech(extract_text):
    r = extract_text("President Gitanas Nauseda talked to Chancellor Karl Nehammer on Friday.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Gitanas Nauseda", "Karl Nehammer"]
    assert _of_type(extract_text("Gitanas Nauseda talked to reporters in Vilnius."), "CONSULT") == []


def test_working_with_partners_is_cooperation(extract_text):
    r = extract_text("Norway will work closely with Kenya to keep the port open.")
    (work,) = _of_type(r, "COOPERATE")
    assert _names(r, work.actors) == ["Norway"] and _names(r, work.recipients) == ["Kenya"]


def test_a_press_conference_is_where_someone_speaks_unless_it_is_joint(extract_text):
    alone = extract_text("Minister Vladas Kurtis said at a press conference in Vilnius that talks would resume.")
    assert all(e.trigger.text != "conference" for e in alone.events)
    joint = extract_text("Minister Vladas Kurtis said at a joint press conference with Jan Novak that prices rose.")
    assert [e.trigger.text for e in _of_type(joint, "CONSULT")] == ["conference"]


def test_briefing_a_leader_is_a_meeting_and_briefing_journalists_is_not(extract_text):
    r = extract_text("President Gitanas Nauseda briefed Chancellor Olaf Scholz on the border.")
    (meeting,) = _of_type(r, "CONSULT")
    assert _names(r, meeting.actors) == ["Gitanas Nauseda"] and _names(r, meeting.recipients) == ["Olaf Scholz"]
    assert _of_type(extract_text("The spokesman briefed reporters on the border."), "CONSULT") == []
    r = extract_text("Ivan Petrov said during a regular call with journalists that prices rose.")
    assert _of_type(r, "CONSULT") == []


def test_working_with_someone_without_a_common_aim_is_no_cooperation(extract_text):
    assert _of_type(extract_text("He worked with Ivan Petrov in the ministry for years."), "COOPERATE") == []


def test_stressing_the_need_for_someone_to_act_asks_them(extract_text):
    r = extract_text("Chancellor Olaf Scholz spoke. He stressed the need for Serbia to recognise the vote.")
    (ask,) = _of_type(r, "REQUEST")
    assert _names(r, ask.actors) == ["Olaf Scholz"] and _names(r, ask.recipients) == ["Serbia"]
    assert _of_type(extract_text("The need for food in Gaza is great."), "REQUEST") == []
    r = extract_text("Olaf Scholz spoke. He stressed the need for a framework that goes beyond aid.")
    assert _of_type(r, "REQUEST") == []  # a need named, no one asked to act


def test_support_for_a_states_struggle_supports_the_state(extract_text):
    r = extract_text("The visit showed Canadian support for Ukraine's fight for freedom.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Canada"] and _names(r, backing.recipients) == ["Ukraine"]


def test_who_is_expected_or_forced_to_act_is_its_actor(extract_text):
    r = extract_text("President Aliyev is expected to arrive for talks in Ankara on Monday.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Ilham Aliyev"]
    r = extract_text("Serbia was forced to withdraw its police from the town.")
    (retreat,) = _of_type(r, "RETREAT")
    assert _names(r, retreat.actors) == ["Serbia"]


def test_who_chairs_a_meeting_of_a_body_together_with_someone_meets_with_them_and_the_body(extract_text):
    r = extract_text(
        "Minister Anna Kovacs, together with Minister Jan Novak, chaired a meeting of the Visegrad Group in Prague."
    )
    (meeting,) = _of_type(r, "CONSULT")
    assert _names(r, meeting.actors) == ["Anna Kovacs", "Jan Novak", "Visegrad Group"]


def test_two_who_spoke_held_talks_and_one_who_spoke_made_a_speech(extract_text):
    r = extract_text("President Gitanas Nauseda and Chancellor Olaf Scholz spoke on Friday about the border.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Gitanas Nauseda", "Olaf Scholz"]
    assert _of_type(extract_text("Chancellor Olaf Scholz spoke on Friday about the border."), "CONSULT") == []


def test_a_call_the_leaders_are_in_is_their_talks(extract_text):
    r = extract_text("In a call on Thursday, Chancellor Weber told President Lindqvist that the loan was ready.")
    (call,) = _of_type(r, "CONSULT")
    assert call.mode == "phone" and _names(r, call.actors) == ["Weber"]
    # a call for something stays a demand
    r = extract_text("Chancellor Weber joined in a call for calm in the region.")
    assert _of_type(r, "CONSULT") == []


def test_calling_a_person_is_a_phone_call_and_calling_him_names_is_not(extract_text):
    r = extract_text("Chancellor Weber called his counterpart on Friday.")
    (call,) = _of_type(r, "CONSULT")
    assert call.mode == "phone" and _names(r, call.actors) == ["Weber"]
    assert not _of_type(r, "REQUEST")
    r = extract_text("Chancellor Weber called him a liar.")
    assert _of_type(r, "ACCUSE") and not _of_type(r, "CONSULT")
    assert not _of_type(extract_text("The crowd called him a hero."), "CONSULT")
