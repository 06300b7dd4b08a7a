"""Membership stated in the text (units in larger units, parts of a whole, a collective's states), on short texts
written for these tests."""

from __future__ import annotations

import pytest


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


@pytest.mark.parametrize(
    "text",
    [
        "The 82nd Airborne Division of the U.S. Army arrived in Poland.",
        "The Army's 82nd Airborne Division arrived in Poland.",
    ],
)
def test_a_unit_of_a_larger_body_is_its_member(extract_text, text):
    found = relations(extract_text(text))
    assert any(t == "member_of" and s == "82nd Airborne Division" and "Army" in o for t, s, o in found)


def test_a_chain_of_designations_runs_from_the_smallest_unit(extract_text):
    found = relations(extract_text("Soldiers from Bravo Company, 2nd Battalion, 7th Marine Regiment trained in Oman."))
    assert {
        ("member_of", "Bravo Company", "2nd Battalion"),
        ("member_of", "2nd Battalion", "7th Marine Regiment"),
    } <= found
    assert ("member_of", "7th Marine Regiment", "2nd Battalion") not in found


@pytest.mark.parametrize(
    "text, member, body",
    [
        ("Denmark, as part of the Global Coalition, flew missions over Iraq.", "Denmark", "Global Coalition"),
        ("Hamas is part of the Axis of Resistance.", "Hamas", "Axis of Resistance"),
        ("Poland, a member of NATO, sent jets to Lithuania.", "Poland", "NATO"),
        ("Norway, a NATO member, sent jets to Lithuania.", "Norway", "NATO"),
        ("Greece, an EU member state, sent jets to Cyprus.", "Greece", "European Union"),
    ],
)
def test_a_part_or_member_of_a_body_belongs_to_it(extract_text, text, member, body):
    found = relations(extract_text(text))
    assert any(t == "member_of" and s == member and o.startswith(body) for t, s, o in found)


def test_officials_named_by_a_demonym_state_no_tie(extract_text):
    record = extract_text("Senior Hungarian and Romanian officials met in Vienna on Monday.")
    assert not any(t == "affiliated_with" and "officials" in s for t, s, _o in relations(record))
    assert "Senior Hungarian and Romanian officials" in {e.name for e in record.entities}  # listed all the same


def test_doctors_or_soldiers_named_by_a_demonym_hold_no_office(extract_text):
    found = relations(extract_text("Swiss doctors and Ukrainian soldiers reached the town on Monday."))
    assert not any(t == "affiliated_with" for t, _s, _o in found)


def test_a_person_said_to_be_a_member_is_one(extract_text):
    found = relations(extract_text("Ivan Petrov is a member of the State Duma."))
    assert ("member_of", "Ivan Petrov", "State Duma") in found


def test_business_or_opposition_leaders_hold_no_office_of_the_state(extract_text):
    found = relations(extract_text("Senior Hungarian business leaders met Romanian opposition officials in Vienna."))
    assert not any(t == "affiliated_with" for t, _s, _o in found)


def test_members_named_after_the_body_and_member(extract_text):
    found = relations(extract_text("NATO members Denmark and Norway sent jets to Lithuania."))
    assert {("member_of", "Denmark", "NATO"), ("member_of", "Norway", "NATO")} <= found


def test_a_bodys_possessive_before_member_names_the_body(extract_text):
    assert ("member_of", "Norway", "NATO") in relations(extract_text("Norway became NATO's newest member in May."))


@pytest.mark.parametrize(
    "text, person, party",
    [
        ("Senator Tom Reed, a Republican, backed the bill.", "Tom Reed", "Republican Party"),
        ("Tom Reed is a Democrat from Ohio.", "Tom Reed", "Democratic Party"),
    ],
)
def test_a_partys_member_word_affiliates_the_person(extract_text, text, person, party):
    assert ("affiliated_with", person, party) in relations(extract_text(text))


@pytest.mark.parametrize(
    "text, members",
    [
        ("France and some other EU states want sanctions.", {"France"}),
        ("Germany, Italy and other EU countries agreed.", {"Germany", "Italy"}),
        ("EU member states such as Hungary objected.", {"Hungary"}),
        ("NATO countries like Poland and Estonia objected.", {"Poland", "Estonia"}),
    ],
)
def test_states_named_with_a_bodys_states_are_its_members(extract_text, text, members):
    found = {s for t, s, _o in relations(extract_text(text)) if t == "member_of"}
    assert found == members


def test_a_bodys_states_alone_name_no_member(extract_text):
    assert not relations(extract_text("Some EU states want sanctions."))
