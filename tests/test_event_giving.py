"""Aid told by a light verb of giving ('provided Ukraine with spare parts', 'is surging generators to Ukraine'):
a concrete thing handed to a named party is aid whatever the thing, while words, chances and people sent are not.
An attack told from its victim's side ('the convoy came under fire') keeps its type with no actor. Texts written
for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_a_thing_no_list_names_handed_to_a_party_is_aid(extract_text):
    r = extract_text("Germany provided Ukraine with spare parts for its tanks.")
    (aid,) = _of_type(r, "AID")
    assert (_names(r, aid.actors), _names(r, aid.recipients)) == (["Germany"], ["Ukraine"])
    r = extract_text("Japan delivered 20 ambulances to Ukraine.")
    assert [e.trigger.text for e in _of_type(r, "AID")] == ["delivered"]
    r = extract_text("The United States is surging generators to Ukraine.")
    assert [e.trigger.text for e in _of_type(r, "AID")] == ["surging"]


def test_words_and_chances_handed_over_are_not_aid(extract_text):
    assert _of_type(extract_text("Estonia sent a message to Russia."), "AID") == []
    assert _of_type(extract_text("The drone strikes gave Moscow a pretext."), "AID") == []
    assert _of_type(extract_text("Sweden provided reporters with details."), "AID") == []
    assert _of_type(extract_text("The victory gave the Democrats a lock on the Senate."), "AID") == []


def test_people_sent_to_a_place_are_not_aid(extract_text):
    assert _of_type(extract_text("Poland sent an envoy to Kyiv."), "AID") == []
    assert _of_type(extract_text("Ruritania sent a delegation to Freedonia."), "AID") == []


def test_goods_with_no_receiver_or_a_person_receiving_are_no_aid_of_giving(extract_text):
    assert _of_type(extract_text("The factory shipped the parts on Monday."), "AID") == []
    assert _of_type(extract_text("The senator gave Jaan Tamm ten boxes of files."), "AID") == []


def test_an_attack_undergone_by_the_subject_keeps_its_type_with_no_actor(extract_text):
    (attack,) = _of_type(extract_text("The convoy came under fire."), "ASSAULT")
    assert attack.actors == ()
    (attack,) = _of_type(extract_text("The town came under attack."), "ASSAULT")
    assert attack.actors == ()


def test_coming_under_what_is_no_attack_is_no_assault(extract_text):
    assert _of_type(extract_text("The minister came under pressure."), "ASSAULT") == []
    assert _of_type(extract_text("The town fell under Russian control."), "ASSAULT") == []


def test_support_given_or_provided_is_aid_and_support_expressed_is_a_stance(extract_text):
    r = extract_text("Norway will give the necessary support to Moldova this winter.")
    assert [e.type for e in r.events] == ["AID"]
    (aid,) = r.events
    assert (_names(r, aid.actors), _names(r, aid.recipients)) == (["Norway"], ["Moldova"])
    r = extract_text("Chile provided support to Peru after the floods.")
    assert [e.type for e in r.events] == ["AID"]
    r = extract_text("Chile expressed its support for Peru.")
    assert [e.type for e in r.events] == ["SUPPORT"]
