"""Participants an event word's own subject, objects and modifiers do not name, read from the phrases around it:
the owner of the things given or moved, the captor who releases, who faces or receives an act, and the agent
of a participle that belongs to the event noun's phrase. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_owner_of_the_things_supplied_gives_them(extract_text):
    r = extract_text("Moscow has criticised supplies of German weapons and equipment to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Germany"]
    r = extract_text("The Kremlin warned against supplies of British missiles to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["United Kingdom"] and _names(r, aid.recipients) == ["Ukraine"]


def test_the_forces_deployed_are_the_deployers_not_the_deployment_s_target(extract_text):
    r = extract_text("Lithuania protested against the deployment of Russian troops to Belarus.")
    (deploy,) = _of_type(r, "MOBILIZE")
    assert deploy.actors and not set(deploy.recipients) & set(deploy.actors)
    assert all("Lithuania" not in n for n in _names(r, deploy.actors))


def test_a_captor_named_by_a_participle_releases_the_captives(extract_text):
    r = extract_text("The two leaders discussed the need to release the sailors held by the Houthis.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Houthis"]
    r = extract_text("Qatar welcomed the release of the soldiers captured by Hamas.")
    (release,) = _of_type(r, "RETREAT")
    assert _names(r, release.actors) == ["Hamas"]


def test_who_receives_aid_is_its_recipient_and_the_from_phrase_its_giver(extract_text):
    r = extract_text("Armenia has received the weapons from France.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["France"] and _names(r, aid.recipients) == ["Armenia"]


def test_getting_aid_to_someone_is_giving_it(extract_text):
    r = extract_text("Jordan wants to get more aid to Gaza.")
    assert all("Gaza" not in _names(r, e.actors) for e in _of_type(r, "AID"))


def test_who_faces_sanctions_undergoes_them(extract_text):
    r = extract_text("Iran faces new sanctions from the European Union.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["European Union"] and _names(r, sanction.recipients) == ["Iran"]


def test_facing_the_threat_of_an_act_is_not_being_threatened(extract_text):
    r = extract_text("Moldova is now facing the threat of an invasion by Russia.")
    assert all("Moldova" not in _names(r, e.recipients) for e in _of_type(r, "THREATEN"))


def test_the_agent_of_a_participle_on_the_phrase_a_compound_event_noun_heads_gives(extract_text):
    r = extract_text("The aid package approved by the Senate includes money for Taiwan.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Senate"] or "United States Senate" in _names(r, aid.actors)


def test_a_participle_hung_on_the_clause_verb_still_tells_the_noun_s_agent(extract_text):
    r = extract_text(
        "Macron and Scholz spoke by phone to exchange views on the war of aggression waged by Russia against Georgia."
    )
    (war,) = _of_type(r, "ASSAULT")
    assert _names(r, war.actors) == ["Russia"] and _names(r, war.recipients) == ["Georgia"]


def test_a_to_phrase_after_the_things_given_names_their_recipient_where_spacy_hangs_it_on_the_verb(extract_text):
    r = extract_text("The Kremlin condemned the supplies of British missiles to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["United Kingdom"] and _names(r, aid.recipients) == ["Ukraine"]
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.recipients) == ["United Kingdom"]  # whose missiles, not where they go


def test_a_verb_s_own_to_phrase_does_not_make_its_object_an_act_of_giving(extract_text):
    r = extract_text("Estonia will scale back aid to Latvia.")
    assert [e.type for e in r.events] == ["SANCTION"]


def test_who_speeds_up_supplies_gives_them(extract_text):
    r = extract_text("Poland and Estonia understand the need to speed up arms supplies to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Estonia", "Poland"] and _names(r, aid.recipients) == ["Ukraine"]


def test_who_is_given_the_chance_to_act_acts(extract_text):
    r = extract_text("The new rockets will give Ukraine the chance to strike back at Russia.")
    (strike,) = _of_type(r, "ASSAULT")
    assert _names(r, strike.actors) == ["Ukraine"] and _names(r, strike.recipients) == ["Russia"]


def test_the_owner_of_a_role_in_an_act_does_it(extract_text):
    r = extract_text("Iran's role in arming the Houthis worries Saudi Arabia.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Iran"] and _names(r, aid.recipients) == ["Houthis"]


def test_the_subject_of_an_accusation_s_that_clause_is_accused(extract_text):
    r = extract_text("The senator repeated accusations that Serbia had provoked the clashes.")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.recipients) == ["Serbia"]


def test_who_makes_or_gives_what_a_relative_clause_names_does_it(extract_text):
    r = extract_text("Ukraine welcomed the commitment that Chancellor Scholz has made to the ceasefire.")
    (commitment,) = _of_type(r, "AGREE")
    assert _names(r, commitment.actors) == ["Olaf Scholz"]
    r = extract_text("Japan praised the aid that Germany provided.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Germany"]


def test_a_phrase_after_an_act_that_a_stance_verb_took_is_the_act_s(extract_text):
    r = extract_text("Egypt condemned the Israeli raids on Rafah.")
    (raid,) = _of_type(r, "ASSAULT")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, raid.actors) == ["Israel"] and _names(r, raid.recipients) == ["Rafah"]
    assert _names(r, blame.recipients) == ["Israel"]  # the raiders, not the place raided


def test_an_act_renamed_is_done_by_the_owner_of_what_it_renames(extract_text):
    r = extract_text("Moscow terms its action in Georgia a special operation.")
    (operation,) = _of_type(r, "ASSAULT")
    assert _names(r, operation.actors) == ["Russia"]
    r = extract_text("Russia described its invasion as a special military operation.")
    assert [_names(r, e.actors) for e in _of_type(r, "ASSAULT")] == [["Russia"]]  # one act, named twice


def test_whom_something_is_captured_from_undergoes_the_capture(extract_text):
    r = extract_text("An exhibition of equipment captured from Ukrainian forces opened in Moscow.")
    (capture,) = _of_type(r, "ASSAULT")
    assert capture.actors == () and _names(r, capture.recipients) == ["Armed Forces of Ukraine"]


def test_the_by_phrase_of_a_past_participle_names_its_agent_where_spacy_calls_it_a_plain_phrase(extract_text):
    r = extract_text("The minister met with families of Israelis taken hostage by Hamas in October.")
    (taking,) = _of_type(r, "ASSAULT")
    assert _names(r, taking.actors) == ["Hamas"]


def test_the_of_phrase_of_a_protest_or_a_demand_names_who_protests_or_demands(extract_text):
    r = extract_text("The government ignored the protests of Georgians in Tbilisi.")
    (protest,) = _of_type(r, "PROTEST")
    assert _names(r, protest.actors) == ["Georgians"]


def test_a_stance_verb_keeps_the_phrase_after_an_object_of_its_own_act(extract_text):
    r = extract_text("The minister expressed his support to Moldova.")
    assert any(_names(r, e.recipients) == ["Moldova"] for e in _of_type(r, "SUPPORT"))


def test_criticism_drawn_or_received_from_someone_is_theirs(extract_text):
    r = extract_text("Tamm's comments have drawn criticism from Latvia.")
    (accuse,) = [e for e in r.events if e.type == "ACCUSE"]
    assert _names(r, accuse.actors) == ["Latvia"] and _names(r, accuse.recipients) == ["Tamm"]
    r = extract_text("Estonia received a sharp rebuke from Latvia.")
    (accuse,) = [e for e in r.events if e.type == "ACCUSE"]
    assert _names(r, accuse.actors) == ["Latvia"] and _names(r, accuse.recipients) == ["Estonia"]


def test_an_act_that_comes_from_someone_is_theirs(extract_text):
    r = extract_text("The harshest rebuke came from Latvian Prime Minister Jaan Tamm.")
    (accuse,) = [e for e in r.events if e.type == "ACCUSE"]
    assert _names(r, accuse.actors) == ["Jaan Tamm"]
