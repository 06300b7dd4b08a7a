"""Events named by nouns and passives on fresh news: who takes part when the noun's own modifiers do not say
it ('the accord between A and B', 'raids on X by Y'), who did what a passive reports ('were killed in Russian
strikes'), the victims of an attack whose agent is not stated, and the parties of an act someone welcomes or
condemns. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_parties_between_whom_an_agreement_is_made_are_its_actors(extract_text):
    r = extract_text("The envoy praised the accord between Armenia and Azerbaijan on border crossings.")
    (agree,) = _of_type(r, "AGREE")
    assert _names(r, agree.actors) == ["Armenia", "Azerbaijan"]


def test_talks_between_two_states_are_a_consultation_of_both(extract_text):
    r = extract_text("Diplomats reported progress in the talks between Serbia and Kosovo.")
    assert any(_names(r, e.actors) == ["Kosovo", "Serbia"] for e in _of_type(r, "CONSULT"))


def test_by_after_an_attack_noun_names_its_attacker_even_where_the_parser_hangs_it_on_the_verb(extract_text):
    r = extract_text("The ministry denounced the raids on Georgia by Russia.")
    (raid,) = _of_type(r, "ASSAULT")
    assert _names(r, raid.actors) == ["Russia"] and _names(r, raid.recipients) == ["Georgia"]


def test_the_owner_of_the_strikes_a_passive_reports_did_the_killing(extract_text):
    r = extract_text("At least four people were killed and nine wounded in Russian missile strikes on Odesa.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]
    r = extract_text("Officials said the fuel depot had been destroyed by Russian drone strikes.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]


def test_stated_victims_keep_an_attack_whose_agent_is_not_stated(extract_text):
    r = extract_text("Three fuel depots near the border were shelled overnight.")
    (attack,) = _of_type(r, "ASSAULT")
    assert attack.actors == ()


def test_a_stance_on_an_act_is_a_stance_toward_its_parties(extract_text):
    r = extract_text("The minister welcomed the accord between Armenia and Azerbaijan.")
    (welcome,) = _of_type(r, "SUPPORT")
    assert _names(r, welcome.recipients) == ["Armenia", "Azerbaijan"]
    r = extract_text("Poland condemned the Russian air strikes on Kharkiv.")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Poland"] and _names(r, blame.recipients) == ["Russia"]


def test_a_by_phrase_of_means_after_an_object_is_not_an_agent(extract_text):
    r = extract_text("Britain condemned the attack by telephone on Monday.")
    assert all(not e.actors or _names(r, e.actors) == ["United Kingdom"] for e in r.events)


def test_an_attack_at_a_named_place_is_an_event_with_its_attacker_unknown(extract_text):
    r = extract_text("The mayor spoke about the bombing in Mombasa on Sunday.")
    (attack,) = _of_type(r, "ASSAULT")
    assert attack.actors == () and _names(r, attack.locations) == ["Mombasa"]
    # a war names a conflict whose parties the story gives elsewhere, not one stated attack
    assert _of_type(extract_text("The mayor spoke about the war in Sudan."), "ASSAULT") == []


def test_a_when_clause_with_its_own_subject_does_not_borrow_the_main_clauses_object(extract_text):
    r = extract_text("When the bridge was blown up in a suspected Serbian attack, he blamed Croatia.")
    (attack,) = [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "blown"]
    assert _names(r, attack.actors) == ["Serbia"]


def test_a_participle_of_occupation_has_its_occupier_before_it_and_the_occupied_after(extract_text):
    r = extract_text("Aid reached the Armenian-occupied district of Kelbajar.")
    (occupation,) = _of_type(r, "COERCE")
    assert _names(r, occupation.actors) == ["Armenia"]


def test_a_count_of_weapons_is_the_object_a_trigger_row_asks_for(extract_text):
    r = extract_text("Iran fired hundreds of drones and missiles towards Israel.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Iran"] and _names(r, attack.recipients) == ["Israel"]


def test_demanding_that_someone_act_asks_them(extract_text):
    r = extract_text("Latvia demanded that Belarus close the camps.")
    (ask,) = _of_type(r, "REQUEST")
    assert _names(r, ask.actors) == ["Latvia"] and _names(r, ask.recipients) == ["Belarus"]


def test_the_aggression_of_a_state_is_its_own_attack(extract_text):
    r = extract_text("Moldova must defend itself against the brutal aggression of Transnistria.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Transnistria"] and attack.recipients == ()
    r = extract_text("The bombing of Kharkiv lasted two days.")
    (attack,) = _of_type(r, "ASSAULT")
    assert attack.actors == () and _names(r, attack.recipients) == ["Kharkiv"]


def test_the_aggression_of_a_state_is_its_attack(extract_text):
    r = extract_text("Latvia will help Estonia defend itself against the brutal aggression of Russia.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]
    assert attack.recipients == ()


def test_an_attack_foreseen_to_happen_is_the_one_its_doers_prepare(extract_text):
    r = extract_text("Russia denies planning to invade Estonia. Latvia said an invasion could start at any moment.")
    invasion = [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "invasion"]
    assert [_names(r, e.actors) for e in invasion] == [["Russia"]]
    r = extract_text("Latvia said an invasion could start at any moment.")
    assert all(not e.actors for e in _of_type(r, "ASSAULT"))
