"""Plural anaphors in readouts: 'they', 'the two leaders', 'both sides', 'their' take up the pair or more of
parties just named (a coordinated subject, or someone and whom they met), so the events they tell have actors,
also where the parser made 'the two officials' the sentence's root and its verb a clause on it. Texts written for
these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_leaders_after_a_meeting_are_the_two_who_met(extract_text):
    r = extract_text(
        "Chancellor Olaf Scholz met with President Andrzej Duda in Warsaw on Monday. "
        "The two leaders discussed energy security."
    )
    (talks,) = [e for e in _of_type(r, "CONSULT") if e.trigger.text == "discussed"]
    assert _names(r, talks.actors) == ["Andrzej Duda", "Olaf Scholz"]


def test_they_and_their_after_a_coordinated_subject_are_its_members(extract_text):
    r = extract_text(
        "Finland and Estonia held talks on border security. "
        "They reaffirmed their support for Moldova and called for calm in the region."
    )
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Estonia", "Finland"] and _names(r, backing.recipients) == ["Moldova"]
    (appeal,) = _of_type(r, "REQUEST")
    assert _names(r, appeal.actors) == ["Estonia", "Finland"]


def test_a_list_of_leaders_with_their_countries_is_one_group(extract_text):
    r = extract_text(
        "President Emmanuel Macron of France, Prime Minister Mark Rutte of the Netherlands, and "
        "Chancellor Karl Nehammer of Austria met in Brussels. The leaders condemned the shelling of Kharkiv."
    )
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Emmanuel Macron", "Karl Nehammer", "Mark Rutte"]


def test_a_plural_with_its_own_qualifier_or_no_named_pair_takes_up_nobody(extract_text):
    r = extract_text("Iran met Iraq in Baghdad. Western leaders condemned the shelling of Kharkiv.")
    assert all(_names(r, e.actors) != ["Iran", "Iraq"] for e in _of_type(r, "ACCUSE"))
    r = extract_text("Ukraine shelled the depot. They condemned the shelling of Kharkiv.")
    assert all(not e.actors for e in _of_type(r, "ACCUSE"))


def test_the_leaders_are_people_and_do_not_take_up_a_pair_of_states(extract_text):
    r = extract_text("Chile and Peru rejected the plan. The two leaders will discuss trade on Friday.")
    assert all(_names(r, e.actors) != ["Chile", "Peru"] for e in _of_type(r, "CONSULT"))
    r = extract_text("Chile and Peru rejected the plan. Both sides will discuss trade on Friday.")
    assert any(_names(r, e.actors) == ["Chile", "Peru"] for e in _of_type(r, "CONSULT"))


def test_both_sides_after_talks_held_by_a_team_are_the_team_and_whom_it_met(extract_text):
    r = extract_text(
        "Foreign Minister Anna Berg and Trade Minister Olav Lind held talks with President Maia Sandu in Oslo. "
        "The talks were open and friendly. Both sides welcomed the progress made and agreed to meet again in May."
    )
    (backing,) = [e for e in _of_type(r, "SUPPORT") if e.trigger.text == "welcomed"]
    assert _names(r, backing.actors) == ["Anna Berg", "Maia Sandu", "Olav Lind"]
    (deal,) = [e for e in _of_type(r, "AGREE") if e.trigger.text == "agreed"]
    assert _names(r, deal.actors) == ["Anna Berg", "Maia Sandu", "Olav Lind"]


def test_they_after_talks_held_with_someone_are_both_parties(extract_text):
    r = extract_text("Anna Berg held talks with Maia Sandu in Oslo on Monday. They agreed to meet again in May.")
    (deal,) = [e for e in _of_type(r, "AGREE") if e.trigger.text == "agreed"]
    assert _names(r, deal.actors) == ["Anna Berg", "Maia Sandu"]


def test_one_speakers_they_are_others_than_the_speaker(extract_text):
    r = extract_text('"They will exchange views on trade," spokesman Ivan Petrov said on Monday.')
    (talks,) = _of_type(r, "CONSULT")
    assert "Ivan Petrov" not in _names(r, talks.actors)


def test_we_in_a_statement_that_names_its_authors_is_the_body_they_speak_for(extract_text):
    r = extract_text(
        "We, the Leaders of the G7, condemn the attack on Haifa. "
        "We will strengthen our cooperation and deliver aid to Lebanon."
    )
    assert [_names(r, e.actors) for e in _of_type(r, "ACCUSE")] == [["Group of Seven"]]
    assert [_names(r, e.actors) for e in _of_type(r, "AID")] == [["Group of Seven"]]


def test_we_in_a_joint_statement_are_the_parties_its_first_sentence_names(extract_text):
    r = extract_text(
        "Today, the foreign ministers of Latvia, Lithuania and Estonia met in Riga. "
        "We condemn the shelling of Kharkiv by Russia."
    )
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Estonia", "Latvia", "Lithuania"]


def test_an_explosion_at_a_place_is_not_by_itself_an_attack(extract_text):
    r = extract_text("The ministers discussed the explosion in Przewodow.")
    assert _of_type(r, "ASSAULT") == []


def test_the_two_officials_the_parser_made_the_root_still_take_up_the_pair(extract_text):
    r = extract_text(
        "Foreign Minister Ana Lopez met Foreign Minister Jorge Ruiz in Lima. The two ministers condemned in the "
        "strongest possible terms Serbia's ongoing support to the brutal war against Kosovo."
    )
    (condemned,) = _of_type(r, "ACCUSE")
    assert _names(r, condemned.actors) == ["Ana Lopez", "Jorge Ruiz"]


def test_they_after_a_delegation_as_subject_is_that_delegation_not_the_pair_before(extract_text):
    r = extract_text(
        "John Smith and Paul Jones held a long meeting with the Ukrainian delegation. The Ukrainian delegation "
        "affirmed that all of their concerns were addressed. They condemned Russia for the attacks."
    )
    (condemned,) = _of_type(r, "ACCUSE")
    assert _names(r, condemned.actors) == ["Ukrainian delegation"] and _names(r, condemned.recipients) == ["Russia"]


def test_a_state_delegation_is_a_group(extract_text):
    r = extract_text("The Georgian delegation condemned Russia for the attacks.")
    assert ("Georgian delegation", "Group") in {(e.name, e.type) for e in r.entities}
    (condemned,) = _of_type(r, "ACCUSE")
    assert _names(r, condemned.actors) == ["Georgian delegation"]


def test_they_after_a_pair_as_last_subject_is_still_the_pair(extract_text):
    r = extract_text(
        "The Georgian delegation arrived in Paris. John Smith and Paul Jones met the Georgian delegation. "
        "They condemned Russia for the attacks."
    )
    (condemned,) = _of_type(r, "ACCUSE")
    assert _names(r, condemned.actors) == ["John Smith", "Paul Jones"]


def test_a_title_whose_of_phrase_ends_in_the_holders_name_is_that_holder(extract_text):
    r = extract_text(
        "Chancellor Olaf Scholz met with Director of National Security Lee Jaehoon of the Republic of Korea on "
        "May 2, 2024, in Berlin. The two officials condemned North Korea."
    )
    (met,) = _of_type(r, "CONSULT")
    assert _names(r, met.actors) == ["Lee Jaehoon", "Olaf Scholz"]
    (condemned,) = _of_type(r, "ACCUSE")
    assert _names(r, condemned.actors) == ["Lee Jaehoon", "Olaf Scholz"]
