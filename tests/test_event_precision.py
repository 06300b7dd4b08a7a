"""Event precision on plain news: one event per stated act, and no actor kg cannot find in the text.
Short texts written for these tests."""

from __future__ import annotations


def _names(record, ids):
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in ids]


def _events(record, etype=None):
    return [e for e in record.events if etype is None or e.type == etype]


def test_a_restated_commitment_is_one_stance_the_verbs(extract_text):
    r = extract_text("The Estonian minister Jaan Tamm affirmed the Estonian commitment to Latvia's security.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "affirmed")]
    assert set(_names(r, r.events[0].actors)) == {"Jaan Tamm", "Estonia"}


def test_a_reiterated_support_is_one_stance(extract_text):
    r = extract_text("Norway reiterated its support for Estonia.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "reiterated")]
    assert _names(r, r.events[0].recipients) == ["Estonia"]


def test_a_welcomed_commitment_is_a_stance_on_someone_elses_commitment(extract_text):
    r = extract_text("The Latvian envoy welcomed Ukraine's commitment to reform.")
    assert {e.type for e in r.events} == {"SUPPORT", "AGREE"}


def test_an_unresolved_pronoun_in_a_quote_is_not_the_speaker(extract_text):
    r = extract_text('"Then, of course, they will exchange views," the Kremlin spokesman Peskov said.')
    assert _events(r, "AGREE") == []
    assert all(not e.actors for e in _events(r, "CONSULT"))


def test_speaking_with_journalists_is_speech_not_talks(extract_text):
    r = extract_text("General Jaan Tamm, who spoke with journalists in Riga, praised Estonia.")
    assert _events(r, "CONSULT") == []


def test_meeting_a_need_is_no_meeting(extract_text):
    assert _events(extract_text("Meeting Ukraine's urgent needs is a priority for Latvia."), "CONSULT") == []
    assert len(_events(extract_text("Estonia met Latvia in Riga."), "CONSULT")) == 1


def test_concern_for_someone_is_sympathy_not_disapproval(extract_text):
    r = extract_text("The Estonian minister expressed his deep concern for the hostages held by the rebels.")
    assert _events(r, "ACCUSE") == []
    assert len(_events(extract_text("Latvia expressed concern over the Russian buildup."), "ACCUSE")) == 1


def test_an_alleged_thing_is_a_hedge_not_an_accusation(extract_text):
    assert _events(extract_text("Estonia's alleged plan would involve saboteurs, Latvia said."), "ACCUSE") == []


def test_a_warning_of_what_happened_is_no_threat(extract_text):
    assert (
        _events(extract_text("Ukraine warned last Thursday that it had intercepted a Russian plan."), "THREATEN") == []
    )
    assert len(_events(extract_text("Ukraine warned that it would strike Russian bases."), "THREATEN")) == 1


def test_a_promised_stance_is_that_stance_once(extract_text):
    r = extract_text("The Vardosi leaders announced that they are willing to forgive President Jaan Tamm.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "willing")]
    assert _names(r, r.events[0].recipients) == ["Jaan Tamm"]


def test_it_in_a_reported_clause_is_not_the_person_who_tells(extract_text):
    r = extract_text("President Jaan Tamm said that if Estonia lost the war, it could next invade Latvia.")
    assert all("Jaan Tamm" not in _names(r, e.actors) for e in _events(r, "ASSAULT"))


def test_an_attack_and_the_relative_clause_telling_its_toll_are_one_act(extract_text):
    r = extract_text("It was the anniversary of the Vardosi attacks that killed over 1,000 Estonians.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("ASSAULT", "attacks")]
    assert _names(r, r.events[0].recipients) == ["Estonians"]


def test_the_same_act_continued_on_the_same_people_is_one_event(extract_text):
    r = extract_text("Estonian police arrested, convicted them in secret trials, and sentenced them to prison.")
    assert [e.trigger.text for e in _events(r, "SANCTION")] == ["convicted"]


def test_conjoined_acts_on_other_objects_or_places_stay_apart(extract_text):
    r = extract_text("Latvia praised Estonia and thanked Lithuania.")
    assert len(_events(r, "SUPPORT")) == 2
    r = extract_text("Russia shelled Kharkiv and bombed Kyiv.")
    assert len(_events(r, "ASSAULT")) == 2


def test_what_an_invitation_offers_is_the_invitation(extract_text):
    r = extract_text("Latvia has invited Governor Jaan Tamm to visit.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("AGREE", "invited")]


def test_a_vote_on_a_bill_is_no_agreement_a_vote_for_someone_is(extract_text):
    assert _events(extract_text("The Estonian parliament is set to vote on the package this Saturday.")) == []
    assert len(_events(extract_text("The Estonian parliament voted in favor of Jaan Tamm."), "AGREE")) == 1


def test_joining_a_fight_is_no_cooperation(extract_text):
    assert _events(extract_text("Russia is calling up more soldiers to join the fight."), "COOPERATE") == []


def test_contributing_to_a_thing_is_no_aid(extract_text):
    assert _events(extract_text("Estonian exports are contributing to Latvia's tax base."), "AID") == []
    assert len(_events(extract_text("Estonia contributed troops to the UN mission."), "AID")) == 1


def test_ordering_an_act_is_the_act(extract_text):
    r = extract_text("The Russian leader ordered a partial mobilisation of 300,000 reservists.")
    assert [e.type for e in r.events] == ["MOBILIZE"]


def test_a_told_violation_is_the_tellers_accusation_of_the_doer(extract_text):
    r = extract_text("Jaan Tamm responded that the Latvian leader had violated the UN Charter.")
    accusation = _events(r, "ACCUSE")[0]
    assert _names(r, accusation.actors) == ["Jaan Tamm"]
    assert _names(r, accusation.recipients) == ["Latvian leader"]
    assert _events(extract_text("The Latvian leader violated the UN Charter."), "ACCUSE") == []


def test_a_light_verb_and_the_act_its_object_names_are_one_event(extract_text):
    r = extract_text("Last year, the International Criminal Court issued an arrest warrant for the Latvian President.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("THREATEN", "warrant")]
    assert _names(r, r.events[0].actors) == ["International Criminal Court"]
    r = extract_text("President Jaan Tamm announced a new package of security assistance for Latvia.")
    assert [e.type for e in r.events] == ["AID"]


def test_an_act_on_another_act_stays_its_own_event(extract_text):
    r = extract_text("The Mozambique government accepted demands from the Vardosi rebels.")
    assert {e.type for e in r.events} == {"CONCEDE", "REQUEST"}
    assert [e.type for e in extract_text("Latvian police prevented the demonstration.").events] == ["COERCE"]


def test_striking_a_balance_is_no_blow(extract_text):
    text = (
        "This mission shows the delicate balance Estonian leaders are attempting to strike between caution and resolve."
    )
    assert _events(extract_text(text), "ASSAULT") == []
    assert len(_events(extract_text("The deal collapsed and Russian drones struck Odesa."), "ASSAULT")) == 1


def test_a_generic_you_names_nobody(extract_text):
    assert _events(extract_text('"You cannot incrementally help Latvia," Jaan Tamm said.'), "AID") == []


def test_the_cooperation_a_commitment_states_is_that_commitment(extract_text):
    r = extract_text("Jaan Tamm reaffirmed his commitment that Estonia will stand by Latvia as it defends itself.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "reaffirmed")]
    assert set(_names(r, r.events[0].actors)) == {"Jaan Tamm", "Estonia"}
    r = extract_text("They conveyed the Estonian commitment to continue imposing costs on Russia and support Latvia.")
    assert len(_events(r, "SUPPORT")) == 1  # a second act joined to the commitment's own stays


def test_demonstrating_a_capacity_is_showing_it(extract_text):
    assert _events(extract_text("Estonia has demonstrated its remarkable capacity."), "PROTEST") == []
    assert len(_events(extract_text("Thousands of Estonians demonstrated in Tallinn."), "PROTEST")) == 1


def test_mobilizing_money_or_backers_is_no_mobilization(extract_text):
    assert (
        _events(extract_text("Estonia mobilized an international coalition to fund the operation."), "MOBILIZE") == []
    )
    assert len(_events(extract_text("Russia mobilized 300,000 reservists."), "MOBILIZE")) == 1


def test_an_appeal_that_asks_nothing_is_attractiveness(extract_text):
    assert (
        _events(extract_text("Latvia could be marginalised if the Vardosi camp broadens its appeal."), "REQUEST") == []
    )
    assert len(_events(extract_text("Estonia made an appeal to Latvia for calm."), "REQUEST")) == 1


def test_a_call_in_which_reporters_were_told_is_no_talks(extract_text):
    r = extract_text("The Estonian official told reporters during a phone call that Russia could attack.")
    assert _events(r, "CONSULT") == []


def test_an_invited_person_does_not_invite(extract_text):
    r = extract_text("Jaan Tamm was not invited to the ceremony in Riga.")
    assert all("Jaan Tamm" not in _names(r, e.actors) for e in r.events)
    r = extract_text("Norway was committed to supporting the talks.")
    assert _names(r, _events(r, "AGREE")[0].actors) == ["Norway"]


def test_a_threatened_act_is_the_threats_content(extract_text):
    r = extract_text("Latvia threatened to invade Estonia.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("THREATEN", "threatened")]
    assert _names(r, r.events[0].recipients) == ["Estonia"]
    r = extract_text("Latvia is making reckless threats to use nuclear weapons against Estonia.")
    assert [e.type for e in r.events] == ["THREATEN"]


def test_wrecking_an_abstract_thing_is_no_assault(extract_text):
    assert _events(extract_text("The global system of security will be destroyed."), "ASSAULT") == []
    assert _events(extract_text("Their lives have been ripped apart by the war in Latvia."), "ASSAULT") == []
    assert len(_events(extract_text("Latvian drones destroyed the bridge near Tallinn."), "ASSAULT")) == 1


def test_cutting_aid_is_a_sanction(extract_text):
    r = extract_text("Estonia will scale back aid to Latvia.")
    assert [e.type for e in r.events] == ["SANCTION"]
    assert "SANCTION" in {e.type for e in extract_text("Norway decided to reduce its assistance to Latvia.").events}
    assert [e.type for e in extract_text("Latvia will scale back operations near Tallinn.").events] == ["RETREAT"]


def test_offered_condolences_are_the_condolences(extract_text):
    r = extract_text("Estonia offered condolences to Latvia after the crash.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("SUPPORT", "condolences")]
    assert [e.type for e in extract_text("Estonia offered talks to Latvia.").events] == ["AGREE"]


def test_a_vote_in_a_body_backs_nobody(extract_text):
    assert _events(extract_text("That is how Latvia voted in international bodies."), "AGREE") == []
    assert len(_events(extract_text("Latvia voted in favour of Jaan Tamm."), "AGREE")) == 1


def test_forces_marching_mobilize(extract_text):
    r = extract_text("Latvian troops marched toward Tallinn.")
    assert [e.type for e in r.events] == ["MOBILIZE"]
    assert _events(extract_text("Students marched toward the Latvian parliament."), "MOBILIZE") == []


def test_the_act_told_again_by_a_noun_keeps_its_doers(extract_text):
    r = extract_text("Russia invaded Latvia in 2022. Estonia has helped Latvia since the invasion of Latvia.")
    invasions = _events(r, "ASSAULT")
    assert [_names(r, e.actors) for e in invasions] == [["Russia"], ["Russia"]]
    r = extract_text("Russia invaded Latvia in 2022. Estonia said an invasion of Lithuania would follow.")
    assert [_names(r, e.actors) for e in _events(r, "ASSAULT")] == [["Russia"], []]  # a new one: no doer guessed


def test_forces_on_alert_and_war_games_mobilize(extract_text):
    assert [e.type for e in extract_text("Latvian troops remained on alert in the border region.").events] == [
        "MOBILIZE"
    ]
    assert [e.type for e in extract_text("Latvia held war games near the border.").events] == ["MOBILIZE"]


def test_a_welcome_given_is_hosting(extract_text):
    r = extract_text("President Jaan Tamm gave a warm welcome to the Latvian leader.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("CONSULT", "welcome")]


def test_support_for_armed_forces_is_aid(extract_text):
    r = extract_text("Estonia will coordinate additional international support for the Latvian armed forces.")
    assert [e.type for e in r.events if e.trigger.text == "support"] == ["AID"]
    assert [e.type for e in extract_text("Estonia reaffirmed its support for Latvia.").events] == ["SUPPORT"]


def test_the_dead_undergo_the_attack_they_died_in(extract_text):
    r = extract_text("Three Latvian soldiers died in the Russian shelling of Riga.")
    deaths = [e for e in r.events if e.trigger.text == "died"]
    assert [(_names(r, e.actors), _names(r, e.recipients)) for e in deaths] == [(["Russia"], ["Latvian soldiers"])]
    assert _events(extract_text("The Latvian opposition leader Jaan Tamm died in an Arctic penal colony.")) == []


def test_helping_an_outcome_is_no_aid(extract_text):
    assert _events(extract_text("Estonia sent engineers to help rebuild the bridge in Riga."), "AID") == []
    assert len(_events(extract_text("Estonia helped Latvia."), "AID")) == 1


def test_undermining_an_aim_is_no_event_a_government_is_coerced(extract_text):
    r = extract_text("Russia tried to undermine European support for Latvia.")
    assert {e.type for e in r.events} <= {"SUPPORT"}  # the support is told; undermining it is no act
    assert [e.type for e in extract_text("Russia tried to undermine Latvia's government.").events] == ["COERCE"]


def test_things_that_arrive_visit_no_one(extract_text):
    assert _events(extract_text("A planeload of Estonian military hardware arrived in Riga."), "CONSULT") == []
    assert [e.type for e in extract_text("More Russian helicopters had arrived in Belgorod.").events] == ["MOBILIZE"]
    assert len(_events(extract_text("The Estonian envoy arrived in Riga."), "CONSULT")) == 1


def test_senses_of_determine_hold_and_whip_up_that_name_no_event(extract_text):
    assert _events(extract_text("The US has determined that China is providing imagery to Russia."), "AGREE") == []
    assert _events(extract_text("Latvia held parliamentary elections."), "AGREE") == []
    r = extract_text("The minister rejected the fears whipped up around Latvia.")
    assert _events(r, "ASSAULT") == []


def test_offering_words_or_accepting_a_fact_is_no_agreement(extract_text):
    assert _events(extract_text("Jaan Tamm offered a few curt assessments of the Latvian letter."), "AGREE") == []
    assert _events(extract_text("We have to accept that Latvia needs more time, Jaan Tamm said."), "AGREE") == []
    assert len(_events(extract_text("Latvia accepted the Estonian proposal."), "AGREE")) == 1


def test_force_used_to_coerce_is_one_act(extract_text):
    r = extract_text("Latvian police fired tear gas to disperse the crowd in Riga.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("ASSAULT", "fired")]


def test_a_told_violation_is_accused_by_the_telling_word(extract_text):
    r = extract_text("The Latvian leader had violated the UN Charter, Jaan Tamm said on Monday.")
    (accusation,) = _events(r, "ACCUSE")
    assert accusation.trigger.text == "said" and accusation.sources == ()
    assert _names(r, accusation.actors) == ["Jaan Tamm"]
    r = extract_text("Jaan Tamm accused the Latvian leader of violating the UN Charter.")
    assert [e.trigger.text for e in _events(r, "ACCUSE")] == ["accused"]


def test_fighting_an_ill_or_for_someone_to_act_attacks_no_one(extract_text):
    assert _events(extract_text("Latvia made reforms to fight corruption."), "ASSAULT") == []
    r = extract_text("Jaan Tamm will always fight for the Latvian people to be able to vote.")
    assert _events(r, "ASSAULT") == []
    assert _events(extract_text("Latvian troops fight Estonian forces near Narva."), "ASSAULT")


def test_a_topic_left_to_talk_about_is_no_talks(extract_text):
    assert _events(extract_text("Estonia and Latvia have a lot to talk about."), "CONSULT") == []
    assert _events(extract_text("Estonia has much to discuss with Latvia."), "CONSULT") == []
    assert len(_events(extract_text("Latvia will discuss the border with Estonia."), "CONSULT")) == 1
    r = extract_text("Estonia and Latvia will do much to discuss and settle the border.")
    assert len(_events(r, "CONSULT")) == 1  # what is done for it: a purpose, not a topic left


def test_not_ruling_a_thing_out_refuses_nothing(extract_text):
    r = extract_text("The Latvian premier Arturs Berzins did not rule out a freeze of the conflict.")
    assert _events(r, "REJECT") == []
    assert len(_events(extract_text("Estonia ruled out talks with Latvia."), "REJECT")) == 1


def test_a_promise_kept_is_no_new_promise(extract_text):
    assert _events(extract_text("Latvia made good on its promise to Estonia."), "AGREE") == []
    assert _events(extract_text("Estonia delivered on its commitments to Latvia."), "AGREE") == []
    assert len(_events(extract_text("Latvia made a promise to Estonia."), "AGREE")) == 1


def test_a_restated_commitment_to_a_party_is_a_stance_on_it(extract_text):
    r = extract_text("The Estonian minister Jaan Tamm reiterated the ironclad Estonian commitment to Latvia.")
    assert [e.type for e in r.events] == ["SUPPORT"]
    assert _names(r, r.events[0].recipients) == ["Latvia"]


def test_restating_what_one_will_do_is_a_commitment(extract_text):
    r = extract_text("Estonia and Latvia reaffirmed that they will maintain a combined defense posture.")
    assert [e.type for e in r.events] == ["AGREE"]
    assert [e.type for e in extract_text("Estonia reaffirmed its support for Latvia.").events] == ["SUPPORT"]


def test_aid_stopped_is_no_aid_given(extract_text):
    r = extract_text("Estonia suspended military aid to Latvia.")
    assert [e.type for e in r.events] == ["SANCTION"]
    assert _events(extract_text("Lithuania cut funding for Latvia."), "AID") == []
    assert len(_events(extract_text("Estonia sent military aid to Latvia."), "AID")) == 1


def test_an_order_to_ones_own_forces_asks_no_one(extract_text):
    assert _events(extract_text("Estonia ordered its army to hold drills near Narva."), "REQUEST") == []
    assert _events(extract_text("Latvia was ordering most of its embassy staff to leave."), "REQUEST") == []
    assert len(_events(extract_text("Estonia ordered Latvia to withdraw its troops."), "REQUEST")) == 1


def test_a_meeting_taken_up_as_a_time_is_no_new_meeting(extract_text):
    r = extract_text("Estonia and Latvia held a summit in Riga. During the summit, Estonia praised Latvia.")
    assert [e.trigger.text for e in _events(r, "CONSULT")] == ["held"]
    r = extract_text("Estonia accused Latvia of lying during a call with Latvia.")
    assert [e.trigger.text for e in _events(r, "CONSULT")] == ["call"]


def test_an_offer_of_an_act_told_by_its_own_word_is_that_act(extract_text):
    r = extract_text("Estonia offered to hold talks with Latvia.")
    assert [(e.type, e.modality) for e in r.events] == [("CONSULT", "planned")]
    assert [e.type for e in extract_text("Lithuania has offered military support to Latvia.").events] == ["AID"]
    assert [e.type for e in extract_text("Estonia offered its troops to Latvia.").events] == ["AGREE"]


def test_a_thing_that_helps_gives_no_aid(extract_text):
    r = extract_text("Estonia praised the new Latvian port, which could assist Lithuania in its trade.")
    assert _events(r, "AID") == []
    assert len(_events(extract_text("Estonia, which helped Latvia with money, is a member."), "AID")) == 1


def test_a_ruling_left_to_an_official_is_no_commitment(extract_text):
    r = extract_text(
        "The Estonian decree bans imports of any goods as may be determined by the Estonian minister Jaan Tamm."
    )
    assert _events(r, "AGREE") == []


def test_one_flown_somewhere_is_carried_there(extract_text):
    assert _events(extract_text("The Estonian president Alar Karis was flown to Riga in a plane."), "AGREE") == []


def test_a_decree_enacted_asks_no_one_and_backs_no_one(extract_text):
    r = extract_text("The Estonian president Alar Karis signed a decree to declare the day a holiday.")
    assert _events(r, "REQUEST") == [] and _events(r, "SUPPORT") == []
    r = extract_text("Estonia and Latvia signed a memorandum on defence cooperation.")
    assert [e.trigger.text for e in _events(r, "SUPPORT")] == ["signed"]
