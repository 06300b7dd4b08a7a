"""Who did it to whom where the parse needs reading: a clause subject the parser hangs on the clause before,
a light verb's indirect object, the owner of the weapon in a 'by' phrase, the object a verb blames or thanks
for an act, the object warned against an act, and people named after their states ('the leaders of A and B').
Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_a_clause_subject_hung_on_the_object_before_it_does_its_own_act(extract_text):
    r = extract_text("Bolivia moved troops to the border and Paraguay withdrew its forces.")
    (retreat,) = _of_type(r, "RETREAT")
    assert _names(r, retreat.actors) == ["Paraguay"]
    (moved,) = [e for e in r.events if e.trigger.text == "moved"] or [None]
    assert moved is None or "Paraguay" not in _names(r, moved.recipients)


def test_a_coordinated_clause_with_its_own_unknown_subject_does_not_inherit_the_first(extract_text):
    r = extract_text("Armenia shelled the village of Tegh and the gunmen withdrew from the hills.")
    (retreat,) = _of_type(r, "RETREAT")
    assert "Armenia" not in _names(r, retreat.actors)


def test_the_indirect_object_of_a_light_verb_receives_the_aid(extract_text):
    r = extract_text("Norway offered Moldova a loan of 40 million euros.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Norway"] and _names(r, aid.recipients) == ["Moldova"]


def test_the_state_that_owns_the_weapons_of_a_by_phrase_attacked(extract_text):
    r = extract_text("The bombardment of Mariupol by Russian artillery went on for weeks.")
    (bombardment,) = _of_type(r, "ASSAULT")
    assert _names(r, bombardment.actors) == ["Russia"]


def test_the_state_that_owns_the_weapons_of_a_passive_agent_attacked(extract_text):
    r = extract_text("The convoy was shelled by Turkish missiles near the border.")
    (bombed,) = _of_type(r, "ASSAULT")
    assert _names(r, bombed.actors) == ["Turkey"]


def test_who_is_asked_for_something_is_the_recipient_of_a_demand(extract_text):
    r = extract_text("Chile demanded an explanation from Argentina.")
    (demand,) = _of_type(r, "REQUEST")
    assert _names(r, demand.actors) == ["Chile"] and _names(r, demand.recipients) == ["Argentina"]


def test_the_object_warned_against_an_act_would_do_it(extract_text):
    r = extract_text("Beijing warned Japan against sending warships to the strait.")
    (send,) = _of_type(r, "MOBILIZE")
    assert _names(r, send.actors) == ["Japan"]


def test_the_object_blamed_for_an_attack_carried_it_out(extract_text):
    r = extract_text("Azerbaijan blamed Armenia for the rocket attack on Ganja.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Armenia"]


def test_the_leaders_of_two_states_act_for_each_state(extract_text):
    r = extract_text("The presidents of Kenya and Tanzania met in Arusha on Monday.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Kenya", "Tanzania"]


def test_an_appeal_to_someone_to_act_makes_them_the_actor(extract_text):
    r = extract_text("The envoy repeated his appeal to Sudan to halt the offensive.")
    (halt,) = _of_type(r, "RETREAT")
    assert _names(r, halt.actors) == ["Sudan"]
    r = extract_text("The UN renewed its call on the Taliban to free the detained aid workers.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Taliban"]


def test_who_scales_up_an_act_does_it(extract_text):
    r = extract_text("Canada tightened sanctions on Belarus on Monday.")
    (sanctions,) = _of_type(r, "SANCTION")
    assert _names(r, sanctions.actors) == ["Canada"] and _names(r, sanctions.recipients) == ["Belarus"]


def test_on_whose_orders_an_act_is_done_is_not_its_target(extract_text):
    r = extract_text(
        '"On my orders, the Finnish navy conducted an operation against the pirates," President Stubb said.'
    )
    (operation,) = _of_type(r, "ASSAULT")
    assert "Alexander Stubb" not in _names(r, operation.recipients)


def test_the_two_sides_of_talks_named_before_take_up_their_parties(extract_text):
    r = extract_text("The talks between Sudan and Chad collapsed on Monday. The two sides blamed each other.")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Chad", "Sudan"]


def test_the_allies_take_up_the_pair_of_states_just_named(extract_text):
    r = extract_text("Iran and Syria signed a defence pact in May. The allies held joint drills in the Gulf.")
    drills = [e for e in r.events if e.trigger.text == "drills"]
    assert drills and _names(r, drills[0].actors) == ["Iran", "Syria"]


def test_ministers_from_two_states_act_for_each_state(extract_text):
    r = extract_text("Ministers from Peru and Ecuador met in Quito on Tuesday.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Ecuador", "Peru"]


def test_who_responds_to_an_attack_is_not_its_attacker(extract_text):
    r = extract_text("Qatar will respond to any attack.")
    attacks = _of_type(r, "ASSAULT")
    assert attacks and all("Qatar" not in _names(r, e.actors) for e in attacks)


def test_the_state_whose_things_an_attack_targets_undergoes_it(extract_text):
    r = extract_text("The rebels fired rockets at a Turkish warship.")
    (fired,) = _of_type(r, "ASSAULT")
    assert _names(r, fired.recipients) == ["Turkey"]


def test_the_group_as_a_subject_is_the_body_just_named(extract_text):
    r = extract_text("A spokesman for Hezbollah said the group had fired rockets at Israel.")
    (fired,) = _of_type(r, "ASSAULT")
    assert _names(r, fired.actors) == ["Hezbollah"]


def test_an_attack_blamed_on_someone_is_theirs(extract_text):
    r = extract_text("Baku blamed the attack on Armenia.")
    (blame,) = _of_type(r, "ACCUSE")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, blame.recipients) == ["Armenia"]
    assert _names(r, attack.actors) == ["Armenia"] and "Armenia" not in _names(r, attack.recipients)


def test_who_withdraws_is_the_of_phrase_and_the_place_left_is_no_actor(extract_text):
    r = extract_text("Hanoi demanded the withdrawal of Chinese troops from Vietnam.")
    (withdrawal,) = _of_type(r, "RETREAT")
    assert "Vietnam" not in _names(r, withdrawal.actors) and withdrawal.actors
    (demand,) = _of_type(r, "REQUEST")
    assert _names(r, demand.recipients) == _names(r, withdrawal.actors)


def test_a_clause_the_parser_hangs_on_a_transitive_verb_has_its_own_subject(extract_text):
    r = extract_text("Eritrea shelled Zalambessa and Ethiopia bombed Asmara.")
    shelled, bombed = _of_type(r, "ASSAULT")
    assert _names(r, shelled.actors) == ["Eritrea"] and "Ethiopia" not in _names(r, shelled.recipients)
    assert _names(r, bombed.actors) == ["Ethiopia"]


def test_a_reported_clause_keeps_its_coordinated_subject(extract_text):
    r = extract_text("Officials said Chad and Niger held joint patrols.")
    assert all(_names(r, e.actors) == ["Chad", "Niger"] for e in r.events if e.actors)


def test_the_attack_takes_up_the_attack_told_just_before(extract_text):
    r = extract_text("Sudanese troops attacked El Fasher on Monday. The attack killed nine people.")
    killed = [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "killed"]
    attacked = [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "attacked"]
    assert killed and attacked and killed[0].actors == attacked[0].actors != ()


def test_a_restated_act_with_a_demonstrative_makes_no_new_actor(extract_text):
    r = extract_text("Sudanese troops attacked El Fasher on Monday. Chad condemned those attacks.")
    assert not [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "attacks"]


def test_the_two_leaders_take_up_a_pair_named_many_sentences_before(extract_text):
    r = extract_text(
        "President Boric met President Petro in Santiago on Monday. The visit was the first in years. "
        "Petro arrived with a large delegation. The talks lasted four hours. Officials called them warm. "
        "Trade was high on the agenda. Both economies have slowed. Later, the two leaders signed a border deal."
    )
    (deal,) = [e for e in r.events if e.trigger.text in ("signed", "deal")]
    assert _names(r, deal.actors) == ["Boric", "Petro"]


def test_a_condemned_act_told_before_names_whom_the_condemnation_targets(extract_text):
    r = extract_text("Malian troops raided the village on Sunday. Senegal condemned the raid.")
    (condemn,) = _of_type(r, "ACCUSE")
    raided = [e for e in _of_type(r, "ASSAULT") if e.trigger.text == "raided"]
    assert raided and raided[0].actors and condemn.recipients == raided[0].actors


def test_an_objects_its_is_the_clause_subject_not_the_nearest_state(extract_text):
    r = extract_text("Norway told Russia it would expand its patrols in the Arctic.")
    patrols = [e for e in r.events if e.trigger.text == "patrols"]
    assert patrols and _names(r, patrols[0].actors) == ["Norway"]
