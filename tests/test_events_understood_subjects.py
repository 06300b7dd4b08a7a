"""The understood subject of a clause with none of its own: a present participle after a main clause is the main
subject's act ('X shelled Y, killing five': X kills, not Y), also for the event noun it governs ('..., continuing
the aggression'); a gerund in a phrase of time on a verb of saying is the speaker's act ('announced ... since
attacking Y'), also on the object of a verb of saying; a gerund of means is the subject's act, also for its event
noun ('erred by starting a war'); the act an unnamed accused is accused of is not the accuser's. Texts written for
these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names


def _by_trigger(record, word):
    return [e for e in record.events if e.trigger.text == word]


def test_a_participle_clause_is_the_main_subjects_act_not_the_objects(extract_text):
    r = extract_text("Serbia shelled Kosovo on Monday, killing five civilians.")
    (killing,) = _by_trigger(r, "killing")
    assert _names(r, killing.actors) == ["Serbia"]


def test_the_event_noun_of_a_participle_clause_takes_the_main_subject(extract_text):
    r = extract_text("In 2022 Russia launched an invasion of Ukraine, continuing the aggression that began in 2014.")
    (aggression,) = _by_trigger(r, "aggression")
    assert _names(r, aggression.actors) == ["Russia"]


def test_an_infinitive_of_an_urging_verb_still_takes_its_object(extract_text):
    r = extract_text("The leaders urged Russia to withdraw its troops from Moldova.")
    (withdraw,) = _by_trigger(r, "withdraw")
    assert _names(r, withdraw.actors) == ["Russia"]


def test_a_gerund_in_a_phrase_of_time_is_the_speakers_act(extract_text):
    r = extract_text("Serbia announced on Friday, weeks after attacking Kosovo, that it would hold talks.")
    (attacking,) = _by_trigger(r, "attacking")
    assert _names(r, attacking.actors) == ["Serbia"]


def test_a_gerund_in_a_phrase_of_time_on_the_object_of_a_speech_verb_is_the_speakers_act(extract_text):
    r = extract_text("Vucic declared the sharpest escalation since invading Kosovo in 1999.")  # 'since' on the noun
    (invading,) = _by_trigger(r, "invading")
    assert _names(r, invading.actors) == ["Aleksandar Vucic"]


def test_the_act_an_unnamed_accused_is_accused_of_is_not_the_accusers(extract_text):
    r = extract_text("Lithuania expelled two Russian diplomats on Monday, accusing them of spying.")
    assert all("Lithuania" not in _names(r, e.actors) for e in _by_trigger(r, "spying"))
    (expelled,) = _by_trigger(r, "expelled")
    assert _names(r, expelled.actors) == ["Lithuania"]


def test_the_by_phrase_of_a_framing_noun_names_the_doer_of_the_act_it_frames(extract_text):
    r = extract_text(
        "Israel pledged restraint, even in the face of ongoing and reckless rocket attacks against Haifa by Hezbollah."
    )
    (attacks,) = _by_trigger(r, "attacks")
    assert _names(r, attacks.actors) == ["Hezbollah"] and _names(r, attacks.recipients) == ["Haifa"]


def test_an_infinitive_hung_on_the_verb_after_an_effort_is_the_efforts_owners_act(extract_text):
    for text in (
        "The ministers praised Poland's efforts in Brussels on Monday to coordinate support for Ukraine.",
        "The ministers discussed Poland’s efforts in Brussels today to coordinate support for Ukraine.",
    ):
        r = extract_text(text)
        (coordinate,) = _by_trigger(r, "coordinate")
        assert _names(r, coordinate.actors) == ["Poland"], text


def test_the_act_a_charge_names_is_the_charged_ones(extract_text):
    r = extract_text("Serbia indicted Hashim Thaci on charges of killing civilians.")
    (killing,) = _by_trigger(r, "killing")
    assert _names(r, killing.actors) == ["Hashim Thaci"]
    r = extract_text(
        "Last year, the tribunal issued an arrest warrant for the Serbian president, on charges of deporting Kosovar children."
    )
    (deporting,) = _by_trigger(r, "deporting")
    assert _names(r, deporting.actors) == ["Serbian president"]


def test_what_a_states_stated_aim_is_is_its_own_act(extract_text):
    for text in ("Serbia's aim is to invade Kosovo.", "The goal of Serbia is to invade Kosovo."):
        r = extract_text(text)
        (invade,) = _by_trigger(r, "invade")
        assert _names(r, invade.actors) == ["Serbia"], text
    r = extract_text("He said Britain's goal was to use the crisis as a pretext to impose new tariffs on China.")
    (impose,) = _by_trigger(r, "impose")
    assert _names(r, impose.actors) == ["United Kingdom"]


def test_an_attack_that_harms_as_a_subject_names_its_doer(extract_text):
    for text in (
        "Serbian strikes killed ten people in Pristina.",
        "A strike by Serbia killed ten people.",
        "The strike, launched by Serbia on Monday, killed ten people.",
    ):
        r = extract_text(text)
        (killed,) = _by_trigger(r, "killed")
        assert _names(r, killed.actors) == ["Serbia"], text
    r = extract_text("The strike killed ten people.")
    assert [e.actors for e in _by_trigger(r, "killed")] == [()]


def test_a_gerund_after_an_intent_noun_hung_on_the_verb_is_the_intent_owners_act(extract_text):
    r = extract_text("The minister faulted Chancellor Olaf Scholz for his hesitation in sending tanks to Ukraine.")
    (sending,) = _by_trigger(r, "sending")
    assert _names(r, sending.actors) == ["Olaf Scholz"]


def test_the_event_noun_of_a_means_gerund_takes_the_main_subject(extract_text):
    r = extract_text("Serbia made a grave error by starting a long war against Kosovo.")
    (war,) = _by_trigger(r, "war")
    assert _names(r, war.actors) == ["Serbia"]
