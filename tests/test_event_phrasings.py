"""Events told by phrasings kg did not know: phrasal verbs (also where the parser takes the particle after the
object for a preposition), idioms of taking a side, light verbs with an event noun, and nouns that name a
military act or a diplomatic drawdown only with their modifier. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_pulling_diplomats_out_or_drawing_down_embassy_staff_reduces_relations(extract_text):
    r = extract_text("Canada is pulling its diplomats out of Kyiv.")
    (drawdown,) = _of_type(r, "SANCTION")
    assert _names(r, drawdown.actors) == ["Canada"] and not _of_type(r, "RETREAT")
    r = extract_text("Britain is drawing down its embassy staff in Minsk.")
    (drawdown,) = _of_type(r, "SANCTION")
    assert _names(r, drawdown.actors) == ["United Kingdom"]


def test_pulling_troops_out_stays_a_withdrawal(extract_text):
    r = extract_text("Canada pulled its troops out of Mali.")
    assert _of_type(r, "RETREAT") and not _of_type(r, "SANCTION")


def test_standing_up_for_or_on_the_side_of_someone_supports_them(extract_text):
    r = extract_text("Germany will stand up for Moldova.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.actors) == ["Germany"] and _names(r, support.recipients) == ["Moldova"]
    r = extract_text("Chile stood on the side of Ukraine.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.actors) == ["Chile"] and _names(r, support.recipients) == ["Ukraine"]


def test_missiles_slamming_into_a_building_is_an_attack_by_their_owner_not_criticism(extract_text):
    r = extract_text("Russian missiles slammed into a hospital in Dnipro.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"] and not _of_type(r, "ACCUSE")


def test_focusing_forces_on_a_front_mobilizes_them(extract_text):
    r = extract_text("Poland has focused its forces on the eastern border.")
    (move,) = _of_type(r, "MOBILIZE")
    assert _names(r, move.actors) == ["Poland"]


def test_joining_the_call_is_taking_part_in_the_talks_but_a_call_for_something_is_a_request(extract_text):
    r = extract_text("Chancellor Scholz joined the call.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Olaf Scholz"]
    r = extract_text("Scholz repeated his call for a ceasefire.")
    assert _of_type(r, "REQUEST") and not _of_type(r, "CONSULT")


def test_a_cessation_of_hostilities_is_a_ceasefire(extract_text):
    r = extract_text("Sudan and Chad announced a cessation of hostilities.")
    (ceasefire,) = _of_type(r, "RETREAT")
    assert _names(r, ceasefire.actors) == ["Chad", "Sudan"]


def test_imposing_costs_on_a_state_sanctions_it(extract_text):
    r = extract_text("Canada will continue imposing heavy costs on Iran.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["Canada"] and _names(r, sanction.recipients) == ["Iran"]


def test_military_action_is_an_attack_and_bare_action_is_none(extract_text):
    r = extract_text("Latvia warned that military action by Russia could follow.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]
    r = extract_text("Latvia warned that action by Russia could follow.")
    assert not _of_type(r, "ASSAULT")


def test_weaponry_is_what_arms_deliveries_deliver(extract_text):
    r = extract_text("Sweden delivered more weaponry to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Sweden"]


def test_an_event_adjective_under_a_light_verb_is_the_light_verbs_subjects_act(extract_text):
    r = extract_text("Azerbaijan launched a series of counteroffensive actions near the border.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Azerbaijan"]


def test_who_works_to_secure_a_release_is_its_actor(extract_text):
    r = extract_text("Qatar works to secure the release of the hostages.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Qatar"]
    r = extract_text("Qatar's efforts to secure the release of the hostages continued.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Qatar"]


def test_fighting_told_to_happen_is_an_event_with_no_actor_in_the_modality_of_its_verb(extract_text):
    r = extract_text("Officials warned that war could break out within days.")
    (war,) = _of_type(r, "ASSAULT")
    assert war.actors == () and war.modality == "possible"
    r = extract_text("There is fierce fighting near the dam.")
    (fighting,) = _of_type(r, "ASSAULT")
    assert fighting.actors == () and fighting.modality == "asserted"
    r = extract_text("Protests erupted across the country.")
    assert _of_type(r, "PROTEST")


def test_a_war_named_as_a_time_or_a_condition_is_no_news_of_it(extract_text):
    assert not _of_type(extract_text("Aid has flowed to Sudan since the war started."), "ASSAULT")
    assert not _of_type(extract_text("Should fighting resume, the talks will end."), "ASSAULT")


def test_an_act_on_the_part_of_someone_is_theirs(extract_text):
    r = extract_text("Estonia fears aggression on the part of Russia.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]


def test_telling_someone_to_act_is_a_directive_and_telling_them_something_is_speech(extract_text):
    r = extract_text("The Kenyan authorities told civilians to leave the border areas.")
    assert _of_type(r, "REQUEST")
    assert not _of_type(extract_text("The minister told reporters that talks would resume."), "REQUEST")


def test_refusing_by_negation_is_a_rejection_told_as_fact(extract_text):
    r = extract_text("Lithuania will not tolerate Russian provocations.")
    (refusal,) = _of_type(r, "REJECT")
    assert _names(r, refusal.actors) == ["Lithuania"] and refusal.modality == "asserted"
    r = extract_text("Moscow does not recognize the court in The Hague.")
    (refusal,) = _of_type(r, "REJECT")
    assert _names(r, refusal.actors) == ["Russia"]
    assert not _of_type(extract_text("Hungary tolerates the new rules."), "REJECT")


def test_preparing_for_war_readies_forces_and_preparing_for_an_election_does_not(extract_text):
    r = extract_text("NATO prepares for a potential conflict with Russia.")
    (move,) = _of_type(r, "MOBILIZE")
    assert _names(r, move.actors) == ["NATO"]
    assert not _of_type(extract_text("Kenya prepares for the election."), "MOBILIZE")


def test_a_hostage_release_is_a_release(extract_text):
    r = extract_text("Qatar brokered the hostage release.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Qatar"]


def test_expressing_doubt_or_skepticism_disapproves(extract_text):
    r = extract_text("Chancellor Scholz expressed doubt about the plan.")
    (doubt,) = _of_type(r, "ACCUSE")
    assert _names(r, doubt.actors) == ["Olaf Scholz"]


def test_backing_restrictions_on_someone_backs_an_act(extract_text):
    r = extract_text("Norway also backed restrictions on Russian tourists.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Norway"] and _of_type(r, "SANCTION")


def test_drills_held_by_two_states_are_joint_and_by_one_a_mobilization(extract_text):
    r = extract_text("Russia and Belarus held military drills near the border.")
    (drills,) = _of_type(r, "COOPERATE")
    assert _names(r, drills.actors) == ["Belarus", "Russia"] and not _of_type(r, "MOBILIZE")
    r = extract_text("NATO began military exercises in Norway.")
    assert _of_type(r, "MOBILIZE") and not _of_type(r, "COOPERATE")


def test_collecting_signatures_is_a_petition_drive(extract_text):
    r = extract_text("Greenpeace began collecting signatures against the pipeline.")
    assert _of_type(r, "PROTEST")


def test_a_legislature_passing_a_measure_is_its_author(extract_text):
    r = extract_text("Congress passed new sanctions on Iran.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["United States Congress"]


def test_coming_under_fire_is_being_attacked_by_whoever_fires(extract_text):
    r = extract_text("The Ukrainian convoy came under fire from Russian forces near Izium.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russian Armed Forces"] and _names(r, attack.recipients) == ["Ukraine"]
    r = extract_text("The plan came under criticism from Poland.")
    assert not _of_type(r, "ASSAULT")


def test_a_weapon_that_fell_or_landed_was_fired(extract_text):
    r = extract_text("A Russian missile landed near a school in Kharkiv.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Russia"]
    assert _of_type(extract_text("Rockets fell on the town on Monday."), "ASSAULT")
    assert not _of_type(extract_text("The plane landed in Warsaw."), "ASSAULT")
