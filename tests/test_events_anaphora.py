"""Anaphors whose antecedent the sentence itself states: 'it' / 'they' after a clause that names a state or body
as its subject, 'her country' / 'his government' as the state of the person the possessive stands for, and
'their' on an act its verb carries out as that verb's subject ('troops resumed their shelling'). Where both a
subject and an object are in view the pronoun stays unresolved. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_it_after_a_conditional_clause_is_that_clause_subject(extract_text):
    r = extract_text("The senator warned that if Serbia won the war, it could next invade Albania.")
    (invade,) = _of_type(r, "ASSAULT")
    assert _names(r, invade.actors) == ["Serbia"] and _names(r, invade.recipients) == ["Albania"]


def test_they_in_a_relative_clause_is_the_plural_subject_it_leans_on(extract_text):
    r = extract_text("Analysts say that Russian forces must leave the towns they invaded last year.")
    (seized,) = [e for e in r.events if e.trigger.text == "invaded"]
    assert _names(r, seized.actors) == ["Russian Armed Forces"]


def test_it_after_a_clause_with_an_object_stays_unresolved(extract_text):
    r = extract_text("Estonia shot down a Russian drone after it attacked Tallinn.")
    attacked = [e for e in r.events if e.trigger.text == "attacked"]
    assert all(e.actors == () for e in attacked)


def test_her_country_is_the_state_her_title_names(extract_text):
    r = extract_text(
        "French Foreign Minister Marie Dupont said on Monday that her country intends to continue its aid to Ukraine."
    )
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["France"] and _names(r, aid.recipients) == ["Ukraine"]


def test_his_country_without_a_title_naming_a_state_is_nobody(extract_text):
    r = extract_text("John Smith said that his country would send weapons to Ukraine.")
    assert all("France" not in _names(r, e.actors) for e in r.events)
    assert [_names(r, e.actors) for e in _of_type(r, "AID")] in ([], [[]])


def test_it_in_a_message_to_someone_is_not_the_sender(extract_text):
    r = extract_text("Hungary sent a stern reminder to Croatia that it must respect the border.")
    assert all("Hungary" not in _names(r, e.recipients) for e in r.events)
    (demand,) = _of_type(r, "REQUEST")
    assert _names(r, demand.actors) == ["Hungary"] and _names(r, demand.recipients) == ["Croatia"]


def test_it_in_what_a_participle_of_saying_reports_is_the_main_subject(extract_text):
    r = extract_text("Poland condemned the strike, saying it would expel the Russian ambassador.")
    (expel,) = [e for e in r.events if e.trigger.text == "expel"]
    assert _names(r, expel.actors) == ["Poland"]


def test_he_in_what_a_participle_of_saying_reports_is_the_main_subject_not_the_one_met(extract_text):
    r = extract_text("Scholz met Biden on Monday, saying he would send tanks to Ukraine.")
    (send,) = [e for e in r.events if e.trigger.text == "send"]
    assert _names(r, send.actors) == ["Olaf Scholz"]


def test_these_nations_take_up_the_pair_just_named(extract_text):
    r = extract_text("Finland and Sweden signed the accord on Monday. These countries will help Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert sorted(_names(r, aid.actors)) == ["Finland", "Sweden"]


def test_it_in_a_condition_of_a_reported_clause_is_the_teller(extract_text):
    r = extract_text("Latvia said that if it were attacked, it would retaliate against Russia.")
    (attacked,) = [e for e in r.events if e.trigger.text == "attacked"]
    assert _names(r, attacked.recipients) == ["Latvia"]
    (retaliate,) = [e for e in r.events if e.trigger.text == "retaliate"]
    assert _names(r, retaliate.actors) == ["Latvia"]


def test_it_in_a_condition_after_a_named_subject_is_not_the_teller(extract_text):
    r = extract_text("Estonia said Russia would attack Latvia if it were provoked.")
    assert all("Estonia" not in _names(r, e.actors + e.recipients) for e in r.events)


def test_some_of_a_group_named_before_acts_for_the_group(extract_text):
    r = extract_text("Many Serbs sympathise with Russia, with some even going to fight against the Ukrainian army.")
    (fight,) = [e for e in r.events if e.trigger.text == "fight"]
    assert _names(r, fight.actors) == ["Serbs"]


def test_some_with_no_group_named_before_is_nobody(extract_text):
    r = extract_text("Russia massed troops on the border, and some went on to fight in Donetsk.")
    assert all(_names(r, e.actors) != ["Russia"] for e in r.events if e.trigger.text == "fight")


def test_their_on_an_act_a_verb_carries_out_is_that_verbs_subject(extract_text):
    r = extract_text(
        "Leaders of France and Germany met in Rome. As Serbian troops resumed their shelling of Kosovo, they agreed "
        "to impose sanctions."
    )
    (shelling,) = _of_type(r, "ASSAULT")
    assert _names(r, shelling.actors) == ["Serbian forces"]
