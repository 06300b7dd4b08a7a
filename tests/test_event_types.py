"""Event types as PLOVER codes them, per phenomenon, on short texts written for these tests."""

from __future__ import annotations

import pytest


def _names(record, ids):
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in ids]


def _types(record):
    return sorted({e.type for e in record.events})


def test_an_event_whose_named_agent_kg_does_not_know_keeps_its_type(extract_text):
    r = extract_text("The radical Vardosi Freedom movement rejected the offer on Friday.")
    event = next(e for e in r.events if e.type == "REJECT")
    assert event.trigger.text == "rejected"


def test_an_event_whose_subject_names_nobody_is_not_an_event(extract_text):
    r = extract_text("The outcome of the vote will determine the course of the dispute.")
    assert r.events == ()


def test_a_passive_of_stance_holds_its_subjects_stance(extract_text):
    r = extract_text("Norway was committed to supporting the negotiations.")
    event = next(e for e in r.events if e.type == "AGREE")
    assert _names(r, event.actors) == ["Norway"]


def _only(record, etype):
    found = [e for e in record.events if e.type == etype]
    assert len(found) == 1, f"{etype}: {[(e.type, e.trigger.text) for e in record.events]}"
    return found[0]


def test_a_promise_and_the_act_it_promises_are_one_agree(extract_text):
    r = extract_text("Lithuania promised to send food aid to Latvia.")
    promise = _only(r, "AGREE")
    assert (promise.trigger.text, promise.modality) == ("promised", "asserted")
    assert _names(r, promise.actors) == ["Lithuania"] and _names(r, promise.recipients) == ["Latvia"]
    assert "AID" not in _types(r)


def test_resources_or_a_joint_course_committed_are_the_act_planned(extract_text):
    r = extract_text("Estonia committed on Monday to deliver drones to Latvia.")
    aid = _only(r, "AID")
    assert (aid.trigger.text, aid.modality) == ("deliver", "planned")
    assert _names(r, aid.actors) == ["Estonia"] and _names(r, aid.recipients) == ["Latvia"]
    assert "AGREE" not in _types(r)
    r = extract_text("Estonia and Latvia committed to coordinate closely.")
    assert _only(r, "COOPERATE").modality == "planned" and "AGREE" not in _types(r)
    r = extract_text("Estonia has committed to sending drones to Latvia.")
    assert (_only(r, "AID").trigger.text, _only(r, "AID").modality, _types(r)) == ("sending", "planned", ["AID"])
    r = extract_text("Estonia will commit 300 more troops to Latvia.")
    assert (_only(r, "MOBILIZE").trigger.text, _types(r)) == ("commit", ["MOBILIZE"])


def test_an_act_its_speaker_says_they_will_do_stays_beside_the_agree(extract_text):
    r = extract_text("Lithuania said it would send food aid to Latvia.")
    assert _only(r, "AGREE").trigger.text == "said"
    assert _only(r, "AID").modality == "planned"


def test_saying_one_will_act_against_someone_is_a_threat_with_its_content_as_mode(extract_text):
    r = extract_text("Estonia said it would boycott the summit in Minsk.")
    threat = _only(r, "THREATEN")
    assert (threat.trigger.text, threat.mode) == ("said", "restrict")
    assert _names(r, threat.actors) == ["Estonia"] and threat.sources == ()
    assert _only(r, "PROTEST").modality == "planned"


def test_a_declared_willingness_to_withdraw_is_one_agree(extract_text):
    r = extract_text("Portugal is willing to withdraw its troops from Mali.")
    assert _names(r, _only(r, "AGREE").actors) == ["Portugal"]
    assert _types(r) == ["AGREE"]


def test_a_vow_to_attack_is_a_threat_not_an_agreement(extract_text):
    r = extract_text("Iran vowed to attack the convoy near Basra.")
    assert _only(r, "THREATEN").mode == "violence"
    assert "AGREE" not in _types(r)


def test_a_plain_future_or_someone_elses_act_is_no_commitment(extract_text):
    assert "AGREE" not in _types(extract_text("Austria and Hungary will meet in Vienna next month."))
    assert "THREATEN" not in _types(extract_text("Chile said Peru would attack the border post."))
    assert "THREATEN" not in _types(extract_text("Chile said it would not attack the border post."))


def test_saying_someone_must_act_is_a_request_to_them(extract_text):
    r = extract_text(
        '"Serbia must withdraw its police," the Croatian president and the Slovenian prime minister agreed.'
    )
    demand = _only(r, "REQUEST")
    assert demand.trigger.text == "must" and _names(r, demand.recipients) == ["Serbia"]
    r = extract_text("Austria sent a stern reminder to Slovakia that it must respect the treaty.")
    demand = _only(r, "REQUEST")
    assert _names(r, demand.actors) == ["Austria"] and _names(r, demand.recipients) == ["Slovakia"]


def test_a_demand_of_ones_own_side_or_a_must_ready_is_no_willingness(extract_text):
    r = extract_text("Egypt said the United States must be ready to mediate.")
    assert "AGREE" not in _types(r) and "REQUEST" in _types(r)
    assert "REQUEST" not in _types(extract_text("Poland said it must defend its border."))


def test_a_word_the_act_again_takes_its_stems_rows_when_its_own_fail(extract_text):
    r = extract_text("Morocco reimposed the blockade on the port.")
    assert _only(r, "COERCE").trigger.text == "reimposed"


def test_a_named_but_unknown_agent_of_a_light_verb_keeps_the_nouns_event(extract_text):
    r = extract_text("Five Zembian opposition parties have organized a general strike in the capital.")
    assert _only(r, "PROTEST").mode == "strike"


def test_a_possible_act_on_a_weekday_looks_forward(extract_text):
    r = extract_text("Zembia could attack Osterland on Monday.", date="2024-03-08")
    assert _only(r, "ASSAULT").time.start == "2024-03-11"


def test_a_speech_act_has_the_time_it_was_made(extract_text):
    r = extract_text("On Monday, Estonia said it would boycott the summit in Minsk.", date="2024-03-06")
    assert _only(r, "THREATEN").time.start == "2024-03-04"


def test_an_event_noun_naming_a_kind_of_actor_or_thing_is_no_event(extract_text):
    assert "AID" not in _types(extract_text("Three Danish aid groups opened offices in Tirana."))
    assert "ASSAULT" not in _types(extract_text("Greek and Italian warships held war games near Crete."))
    r = extract_text("Norway announced a new aid package for Moldova.")
    assert "AID" in _types(r)


def test_an_active_conjunct_shares_the_passive_subject(extract_text):
    r = extract_text("The Ruritanian prime minister was charged by prosecutors and will resign.")
    assert "RETREAT" in _types(r)


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Bulgaria eased the security measures at its ports.", "CONCEDE"),
        ("The Latvian government accepted the demands of the striking miners.", "CONCEDE"),
        ("Moldova met the demands of the farmers' union.", "CONCEDE"),
        ("Thousands of Kosovars sought refuge in Macedonia.", "REQUEST"),
        ("Armenia and Greece upgraded their diplomatic ties.", "SUPPORT"),
        ("Romanian police prevented the rally outside the ministry.", "COERCE"),
        ("Striking farmers in Spain blocked transport into Madrid.", "PROTEST"),
    ],
)
def test_concessions_refuge_ties_and_obstruction(extract_text, text, etype):
    assert etype in _types(extract_text(text))


def test_a_reported_future_cooperation_is_the_actors_announced_intention(extract_text):
    r = extract_text(
        "The United Nations will provide 2,000 tons of food aid to Liberia, the World Food Programme said."
    )
    intent = _only(r, "AGREE")
    assert intent.trigger.text == "will" and _names(r, intent.actors) == ["United Nations"]
    assert _only(r, "AID").modality == "planned"


@pytest.mark.parametrize(
    "text,etype",
    [
        ("The junta imposed a curfew in the capital.", "COERCE"),  # a definite actor noun
        ("The rebels vowed to continue fighting.", "THREATEN"),  # the controller's subject
        ("A car bomb exploded outside the station, killing three.", "ASSAULT"),  # the weapon, its user unstated
        ("Egypt closed the Rafah crossing on Monday.", "COERCE"),
        ("The prisoners went on a hunger strike in the jail.", "PROTEST"),  # 'go on' a strike
        ("The two sides declared a truce on Sunday.", "RETREAT"),
    ],
)
def test_an_unnamed_but_stated_agent_keeps_the_event(extract_text, text, etype):
    r = extract_text(text)
    assert etype in _types(r)


@pytest.mark.parametrize(
    "text,etype,doer",
    [
        ("Militants attacked the checkpoint.", "ASSAULT", "militants"),
        ("The checkpoint was attacked by gunmen.", "ASSAULT", "gunmen"),
        ("Protesters blocked roads near the border.", "PROTEST", "protesters"),
        ("Police confiscated weapons at the market.", "COERCE", "police"),
    ],
)
def test_a_bare_plural_doer_of_violence_or_protest_is_a_collective_actor(extract_text, text, etype, doer):
    r = extract_text(text)
    event = next(e for e in r.events if e.type == etype)
    # the stated doer is an unnamed collective, as annotators list it (a Group), not a guess at whose
    assert [e.name.lower() for e in r.entities if e.id in event.actors] == [doer]


def test_a_bare_plural_names_nobody_in_particular(extract_text):
    assert extract_text("7,000 extra troops arrived at the base.").events == ()
    assert extract_text("Historians generally agree that the treaty was a forgery.").events == ()


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Hamas turned down the offer of talks.", "REJECT"),
        ("Iran spurned the offer from Norway.", "REJECT"),
        ("The Greek government caved in to the demands of the strikers.", "CONCEDE"),
        ("Serbia gave in to the demands of NATO.", "CONCEDE"),
        ("Israel removed the curfew on Hebron.", "CONCEDE"),
        ("Japan waived the debt of Kenya.", "CONCEDE"),
        ("Solidarity suspended its strike after the talks.", "CONCEDE"),
        ("Germany relented on Friday.", "CONCEDE"),
        ("Russia menaced Georgia with troops.", "THREATEN"),
    ],
)
def test_refusals_concessions_and_menaces_by_phrasal_verbs(extract_text, text, etype):
    assert etype in _types(extract_text(text))


def test_removing_or_suspending_something_else_is_no_concession(extract_text):
    r = extract_text("Poland removed the statue and suspended the mayor.")
    assert "CONCEDE" not in _types(r)


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Japan provided $5 million to the Red Cross.", "AID"),
        ("Canada shipped food to Haiti.", "AID"),
        ("Kenya sent doctors to Somalia.", "AID"),
        ("Israel lifted the closure of the West Bank.", "CONCEDE"),
        ("Turkey reopened its border with Armenia.", "CONCEDE"),
    ],
)
def test_money_relief_shipments_and_reopenings(extract_text, text, etype):
    assert etype in _types(extract_text(text))


def test_providing_for_a_number_of_people_is_no_aid(extract_text):
    r = extract_text("The Kenyan census provided 2 million people with identity cards.")
    assert "AID" not in _types(r)


@pytest.mark.parametrize(
    "text,etype",
    [
        ("Iran declared that it would close the Strait of Hormuz.", "THREATEN"),
        ("Lebanon allowed the return of refugees.", "RETREAT"),
        ("Cyprus received UN peacekeepers in 1964.", "RETREAT"),
    ],
)
def test_closing_a_strait_allowing_returns_and_receiving_peacekeepers(extract_text, text, etype):
    assert etype in _types(extract_text(text))


# -- issue 13, PLOVER types on sentences kg never saw: what an act is done to, refusals, threats, concessions --


@pytest.mark.parametrize(
    "text",
    [
        "Swedish medics handed over 300 kg of medicine to the clinic in Gao.",
        "Sweden delivered 12 tonnes of blankets and tents to Mali.",
        "Malta sent a team of surgeons to Misrata.",
    ],
)
def test_what_a_measure_or_a_list_holds_is_what_is_given(extract_text, text):
    assert "AID" in _types(extract_text(text))


def test_treating_the_wounded_is_aid(extract_text):
    assert "AID" in _types(extract_text("Volunteer surgeons from Malta treated the wounded in Misrata."))


def test_not_hesitating_to_use_force_is_a_threat_of_it(extract_text):
    r = extract_text("The Zambian president said his country would not hesitate to use force against the smugglers.")
    assert _only(r, "THREATEN").mode == "violence"
    assert _only(r, "ASSAULT").modality == "planned"


def test_a_reported_attack_by_the_speakers_own_forces_is_a_threat(extract_text):
    r = extract_text("The Chadian commander said his fighters would attack the garrison if the siege continued.")
    assert _only(r, "THREATEN").trigger.text == "said"


def test_an_announced_withdrawal_is_one_agreement_not_also_a_concession(extract_text):
    r = extract_text("Portugal announced it would withdraw its troops from Mali.")
    assert _names(r, _only(r, "AGREE").actors) == ["Portugal"]
    assert "CONCEDE" not in _types(r)
    assert _only(r, "RETREAT").modality == "planned"


def test_withdrawing_inspectors_or_aid_workers_is_a_sanction(extract_text):
    r = extract_text("Norway withdrew its inspectors and aid workers from Belarus.")
    assert _only(r, "SANCTION").mode == "withdraw"


@pytest.mark.parametrize(
    "text", ["Latvia said it would not attend the summit in Minsk.", "Estonia will not sign the accord with Belarus."]
)
def test_saying_one_will_not_cooperate_is_a_refusal(extract_text, text):
    r = extract_text(text)
    assert _names(r, _only(r, "REJECT").actors) in (["Latvia"], ["Estonia"])


def test_someone_elses_refusal_reported_is_not_the_speakers(extract_text):
    r = extract_text("Lithuania said Latvia would not attend the summit in Minsk.")
    assert "REJECT" not in _types(r)


@pytest.mark.parametrize(
    "text",
    [
        "The Vardosi party boycotted the vote and rejected the results.",  # a coordinated verb shares its subject
        "The junta's rejection of the plan surprised the envoys.",  # an event noun's owner
        "He rejected the demand for early elections.",  # a pronoun names someone in view
    ],
)
def test_a_refusal_whose_agent_kg_does_not_know_keeps_its_type(extract_text, text):
    assert "REJECT" in _types(extract_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "The guerrillas' threat to shell the port alarmed the traders.",
        "A threat by the rebels to shell the port alarmed the traders.",
    ],
)
def test_a_threat_owned_by_an_unknown_group_keeps_its_type(extract_text, text):
    assert "THREATEN" in _types(extract_text(text))


@pytest.mark.parametrize(
    "text", ["The Latvian parliament voted down the treaty.", "The minister brushed aside calls for her resignation."]
)
def test_voting_down_and_brushing_aside_are_rejections(extract_text, text):
    assert "REJECT" in _types(extract_text(text))


def test_lifting_a_state_of_emergency_is_a_concession(extract_text):
    assert "CONCEDE" in _types(extract_text("Peru lifted the state of emergency in Lima."))


def test_going_on_strike_is_a_protest_not_an_attack(extract_text):
    types = _types(extract_text("Dock workers in Durban went on strike over pay."))
    assert "PROTEST" in types and "ASSAULT" not in types


def test_joint_patrols_are_cooperation(extract_text):
    assert "COOPERATE" in _types(extract_text("Peru and Chile launched joint patrols along their border."))


def test_a_vow_with_a_time_between_it_and_its_act_is_still_a_threat(extract_text):
    r = extract_text("Chad's rebel leader Idriss Bamba vowed on Sunday to fight the intervention force.")
    assert _only(r, "THREATEN").trigger.text == "vowed"


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Chad released dissident Idriss Bamba on Monday.", "RETREAT"),  # a title before a name says who
        ("Norway agreed to forgive Malawi's debts.", "AID"),  # debt forgiveness is aid
        ("Belarus cut off internet access in Minsk.", "COERCE"),
        ("The Malian army said it was ready to crush the rebellion.", "THREATEN"),
        ("Turkey lifted emergency rule in two provinces.", "CONCEDE"),
        ("Protesters in Lima defaced the statue of the former president.", "PROTEST"),
        ("The Latvian parliament balked at ratifying the treaty.", "REJECT"),
        ("The Latvian parliament voted against the treaty.", "REJECT"),
        ("The Netherlands pledged $15 million to the fund.", "AGREE"),  # a promise of aid
        ("France extended a credit line of 500 million francs to Algeria.", "AID"),
        ("The dockers' union called off the strike.", "CONCEDE"),
        ("The junta softened its stance on the return of exiles.", "CONCEDE"),
        ("The Malian authorities suspended the death sentences of three activists.", "CONCEDE"),
        ("The Zambian government resisted calls for electoral reform.", "REJECT"),
        ("The Chadian rebels defied the ultimatum to withdraw.", "REJECT"),
        ("The Malian government rescinded the ban on foreign newspapers.", "CONCEDE"),
        ("Serbia restored the autonomy of the province.", "CONCEDE"),
        ("The French air force airdropped food to the stranded villagers.", "AID"),
        ("Norway dispatched relief supplies to the cyclone victims.", "AID"),
        ("The Malian government bowed to pressure from the unions.", "CONCEDE"),
    ],
)
def test_rows_for_acts_the_derived_dictionary_misses(extract_text, text, etype):
    assert etype in _types(extract_text(text))


def test_refusing_an_act_whose_other_party_kg_does_not_know_is_still_a_refusal(extract_text):
    r = extract_text("Guatemala said it would not recognise the new government.")
    assert _names(r, _only(r, "REJECT").actors) == ["Guatemala"]


def test_allowing_people_to_act_is_a_concession(extract_text):
    r = extract_text("Thailand allowed 2,000 refugees to return to their camps.")
    assert _names(r, _only(r, "CONCEDE").actors) == ["Thailand"]


def test_expressed_regret_is_the_speakers_concession_not_their_act(extract_text):
    r = extract_text("France expressed regret for the killing of the two fishermen.")
    assert _names(r, _only(r, "CONCEDE").actors) == ["France"]
    assert all("France" not in _names(r, e.actors) for e in r.events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The government of Sri Lanka imposed a curfew in Jaffna.", "Sri Lanka"),  # a state named in two words
        ("The Sri Lankan government imposed a curfew in Jaffna.", "Sri Lanka"),
        ("The Myanmar junta lifted the curfew in Yangon.", "Myanmar"),  # a junta is the state's government
    ],
)
def test_the_government_of_a_state_acts_as_the_state(extract_text, text, state):
    r = extract_text(text)
    assert [_names(r, e.actors) for e in r.events] == [[state]]


def test_a_states_navy_acts_as_its_forces(extract_text):
    r = extract_text("The Philippine navy sent warships to the disputed shoal.")
    assert _names(r, _only(r, "MOBILIZE").actors) == ["Philippine forces"]


@pytest.mark.parametrize(
    "text",
    ["The Chadian rebels vowed never to lay down their arms.", "Chad pledged not to recognise the new republic."],
)
def test_a_vow_not_to_cooperate_is_a_refusal(extract_text, text):
    assert "REJECT" in _types(extract_text(text))


def test_a_speaker_named_by_a_state_commits_that_state(extract_text):
    r = extract_text("The Iranian foreign minister said Iran would retaliate against any attack.")
    assert _names(r, _only(r, "THREATEN").actors) == ["Iran"]
    r = extract_text("Serbian officials said Serbia would never accept the plan.")
    assert _names(r, _only(r, "REJECT").actors) == ["Serbia"]


def test_a_speaker_of_another_state_commits_nobody(extract_text):
    r = extract_text("The Iranian foreign minister said Iraq would retaliate against any attack.")
    assert "THREATEN" not in _types(r)


def test_the_country_in_its_own_media_is_the_speakers_state(extract_text):
    r = extract_text("North Korean state media said the country would launch a merciless strike.")
    assert "THREATEN" in _types(r)


def test_an_object_requirement_looks_through_a_part_and_a_programs_kind(extract_text):
    # 'part of X', 'some of X': what is acted on is X; 'the aid program': the program's kind names it
    r = extract_text("Canada suspended part of its military aid program for Haiti.")
    assert [(e.type, _names(r, e.actors)) for e in r.events] == [("SANCTION", ["Canada"])]
    r = extract_text("Norway finally agreed to send some of its howitzers to Kenya.")
    assert ("AID", ["Norway"]) in [(e.type, _names(r, e.actors)) for e in r.events]


def test_a_party_travelling_to_a_state_visits_it_a_crowd_does_not(extract_text):
    r = extract_text("Chancellor Olaf Scholz travelled to Latvia on Monday.")
    assert [(e.type, e.mode, _names(r, e.actors), _names(r, e.recipients)) for e in r.events] == [
        ("CONSULT", "visit", ["Olaf Scholz"], ["Latvia"])
    ]
    assert not [e for e in extract_text("Thousands of refugees travelled to Latvia.").events if e.type == "CONSULT"]


def test_blocking_a_state_from_acting_and_questioning_its_legitimacy(extract_text):
    r = extract_text("Serbia tried to block Kosovo from joining the Council of Europe.")
    assert ("COERCE", ["Serbia"], ["Kosovo"]) in [
        (e.type, _names(r, e.actors), _names(r, e.recipients)) for e in r.events
    ]
    r = extract_text("The Kremlin questioned the legitimacy of the vote. Police questioned the driver.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("ACCUSE", "questioned")]


def test_working_or_acting_together_is_cooperation(extract_text):
    r = extract_text("Estonia and Latvia have been working together on energy.")
    assert _names(r, _only(r, "COOPERATE").actors) == ["Estonia", "Latvia"]
    r = extract_text("Estonia and Latvia acted together.")
    assert _only(r, "COOPERATE").trigger.text == "acted"
    r = extract_text("The Estonian envoy will work with key allies on the sanctions.")
    assert _only(r, "COOPERATE").modality == "planned"
    r = extract_text("Jaan Tamm worked with him for years.")  # a colleague, not a policy
    assert "COOPERATE" not in _types(r)


def test_calling_for_someone_to_act_or_pressing_them_to_is_a_request(extract_text):
    r = extract_text("Jaan Tamm spoke on Sunday, calling for the monitors to be allowed into Narva.")
    assert _only(r, "REQUEST").trigger.text == "calling"
    r = extract_text("Estonia pressed Latvia to open its border.")
    request = _only(r, "REQUEST")
    assert _names(r, request.actors) == ["Estonia"] and _names(r, request.recipients) == ["Latvia"]
    r = extract_text("Estonian troops pressed ahead to reach the river.")
    assert "REQUEST" not in _types(r)


def test_misinformation_someone_tells_of_is_their_accusation(extract_text):
    r = extract_text('Jaan Tamm said that "the Latvian propaganda is about being at war with Estonia."')
    accusation = _only(r, "ACCUSE")
    assert (accusation.mode, accusation.modality) == ("allege", "asserted")
    assert _names(r, accusation.actors) == ["Jaan Tamm"] and _names(r, accusation.recipients) == ["Latvia"]
    assert "COERCE" not in _types(r)
    r = extract_text("Latvia ran a disinformation campaign against Estonia.")
    assert "ACCUSE" not in _types(r)


def test_a_stance_or_a_demand_told_of_no_one_is_no_event(extract_text):
    r = extract_text("The support for Latvia is being maintained and strengthened.")
    assert "SUPPORT" not in _types(r)
    r = extract_text("Estonia's support for Latvia is being maintained.")
    assert _names(r, _only(r, "SUPPORT").actors) == ["Estonia"]


def test_every_verb_of_handing_over_knows_the_same_weapons(extract_text):
    for text in (
        "Estonia delivered military hardware to Latvia.",
        "Estonia gave javelins to Latvia.",
        "Estonia transported weapons to Latvia.",
    ):
        r = extract_text(text)
        aid = _only(r, "AID")
        assert (aid.mode, _names(r, aid.actors), _names(r, aid.recipients)) == ("military", ["Estonia"], ["Latvia"])


def test_dismissing_an_appeal_rejects_it(extract_text):
    r = extract_text("Estonian rebels dismissed an appeal from Latvia to lay down their arms.")
    assert _names(r, _only(r, "REJECT").recipients) == ["Latvia"]
