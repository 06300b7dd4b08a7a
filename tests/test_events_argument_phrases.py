"""Who takes part in an event, read from phrases beside its word: a stance someone restates ('reiterated the
Canadian government's concerns') is its owner's and is toward whom it is for; a past participle on an event
noun ('the war waged by X against Y', 'aid provided by X to Y') states the noun's parties. Texts written for
these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_a_restated_stance_is_held_by_its_owner_and_is_toward_whom_it_is_for(extract_text):
    r = extract_text("The envoy reaffirmed Norway's steadfast commitment to the security of Estonia.")
    (support,) = _of_type(r, "SUPPORT")
    assert "Norway" in _names(r, support.actors)
    assert _names(r, support.recipients) == ["Estonia"]


def test_a_restated_stance_owned_by_a_state_named_as_a_modifier(extract_text):
    r = extract_text("Mr. Lindqvist expressed the Swedish government's solidarity with Georgia.")
    (support,) = _of_type(r, "SUPPORT")
    assert "Sweden" in _names(r, support.actors)
    assert _names(r, support.recipients) == ["Georgia"]


def test_a_welcomed_commitment_stays_a_stance_toward_its_owner(extract_text):
    r = extract_text("The President welcomed Ukraine's commitment to reform.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.recipients) == ["Ukraine"]


def test_a_participle_on_a_war_noun_states_who_wages_it_and_against_whom(extract_text):
    r = extract_text("The report described the war waged by Eritrea against Ethiopia.")
    (war,) = _of_type(r, "ASSAULT")
    assert _names(r, war.actors) == ["Eritrea"] and _names(r, war.recipients) == ["Ethiopia"]


def test_a_participle_on_an_aid_noun_states_giver_and_receiver(extract_text):
    r = extract_text("She praised the aid provided by Japan to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Japan"] and _names(r, aid.recipients) == ["Ukraine"]


def test_a_participle_on_an_attack_noun_states_its_target(extract_text):
    r = extract_text("The ministry condemned the strikes launched against Moldova's power grid.")
    (strikes,) = _of_type(r, "ASSAULT")
    assert _names(r, strikes.recipients) == ["Moldova"] and strikes.actors == ()


def test_a_participle_that_is_no_carrying_verb_adds_no_party(extract_text):
    r = extract_text("The ministry described the attacks reported by Poland near the border.")
    assert all("Poland" not in _names(r, e.actors) for e in _of_type(r, "ASSAULT"))


def test_a_states_side_is_the_state(extract_text):
    r = extract_text("The Serbian side rejected the proposal.")
    (reject,) = _of_type(r, "REJECT")
    assert _names(r, reject.actors) == ["Serbia"]


def test_the_owner_of_a_weapon_list_owns_the_attacks(extract_text):
    r = extract_text("They condemned Russia's ongoing missile and drone attacks against Ukraine.")
    (attacks,) = _of_type(r, "ASSAULT")
    assert _names(r, attacks.actors) == ["Russia"] and _names(r, attacks.recipients) == ["Ukraine"]


def test_its_binds_to_the_state_that_wages_the_war(extract_text):
    r = extract_text("Russia should not win its war of aggression against Georgia.")
    (war,) = _of_type(r, "ASSAULT")  # one act: the war of aggression
    assert _names(r, war.actors) == ["Russia"] and _names(r, war.recipients) == ["Georgia"]


def test_the_owner_of_an_effort_does_the_act_it_is_about(extract_text):
    r = extract_text("The minister welcomed Poland's efforts to coordinate humanitarian aid for Ukraine.")
    (coordinate,) = _of_type(r, "COOPERATE")
    assert _names(r, coordinate.actors) == ["Poland"]
    r = extract_text("He welcomed the decision of Italy to send aid to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Italy"] and _names(r, aid.recipients) == ["Ukraine"]


def test_a_need_to_act_is_no_intent_of_its_owner(extract_text):
    r = extract_text("Poland welcomed Germany's need to buy tanks from Korea.")
    assert all("Germany" not in _names(r, e.actors) for e in r.events if e.trigger.text == "buy")


def test_whom_one_hosts_or_meets_is_a_party_of_the_talks(extract_text):
    r = extract_text("Secretary Blinken hosted Foreign Minister Kuleba in Washington.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Antony Blinken", "Dmytro Kuleba"] and talks.recipients == ()


def test_a_visited_state_stays_the_host(extract_text):
    r = extract_text("Chancellor Scholz visited Kenya on Monday.")
    (visit,) = _of_type(r, "CONSULT")
    assert _names(r, visit.recipients) == ["Kenya"]


def test_whom_one_joins_in_an_act_does_it_too(extract_text):
    r = extract_text("Germany will join the United States in supplying an additional air defence battery to Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Germany", "United States"] and _names(r, aid.recipients) == ["Ukraine"]


def test_alongside_names_partners_of_a_joint_act(extract_text):
    r = extract_text("Poland, alongside Canada and Japan, agreed to build the plant.")
    (agree,) = _of_type(r, "AGREE")
    assert _names(r, agree.actors) == ["Canada", "Japan", "Poland"]


def test_provide_a_recipient_with_a_thing_is_aid_to_the_recipient(extract_text):
    r = extract_text("Denmark intends to provide Ukraine with tanks.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Denmark"] and _names(r, aid.recipients) == ["Ukraine"]


def test_both_countries_take_up_the_subjects_of_coordinated_clauses(extract_text):
    r = extract_text(
        "Norway intends to supply Ukraine with armoured vehicles, and Denmark intends to provide Ukraine with "
        "tanks. Both countries plan to train Ukrainian crews."
    )
    train = [e for e in _of_type(r, "AID") if e.trigger.text == "train"]
    assert [_names(r, e.actors) for e in train] == [["Denmark", "Norway"]]


def test_the_doer_in_an_allegation_is_the_accused(extract_text):
    r = extract_text("Mr Tamm alleged that Russia planned a coup.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.recipients) == ["Russia"]
    r = extract_text("Ms Sandu alleged that the plan was backed by Ilan Shor.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.recipients) == ["Ilan Shor"]


def test_an_amount_in_assistance_for_a_state_is_aid_to_it(extract_text):
    r = extract_text("The United States is providing another $1 billion in security assistance for Ukraine.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.recipients) == ["Ukraine"]


def test_an_offensive_into_a_states_region_is_aimed_at_the_state(extract_text):
    r = extract_text("Russian forces launched a ground offensive into Ukraine's northeastern Kharkiv region.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.recipients) == ["Ukraine"]


def test_a_stance_toward_several_things_is_toward_each_owner(extract_text):
    r = extract_text("The envoy reaffirmed Norway's commitment to the security of Estonia and Latvia.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.recipients) == ["Estonia", "Latvia"]


def test_a_gerund_after_since_or_after_is_done_by_the_clauses_subject(extract_text):
    # the parser hangs 'since ...' on the noun; the adjunct is still said of the announcer
    r = extract_text("Lukashenko announced his sharpest turn since annexing the Zarva region in 2019.")
    (seize,) = _of_type(r, "COERCE")
    assert _names(r, seize.actors) == ["Alexander Lukashenko"]
    r = extract_text("After meeting Macron in Paris, Scholz announced new loans.")
    (talks,) = _of_type(r, "CONSULT")
    assert set(_names(r, talks.actors)) == {"Olaf Scholz", "Emmanuel Macron"}


def test_a_participle_tagged_as_past_tense_on_a_war_of_aggression_states_its_parties(extract_text):
    # the tagger calls 'waged' a past tense here; a subjectless clause on a noun is still a reduced passive
    r = extract_text("Macron condemned the ongoing war of aggression waged by Eritrea against Ethiopia.")
    (war,) = _of_type(r, "ASSAULT")
    assert _names(r, war.actors) == ["Eritrea"] and _names(r, war.recipients) == ["Ethiopia"]


def test_a_welcomed_decision_is_toward_whom_its_of_phrase_names(extract_text):
    r = extract_text("Macron welcomed the decision of Finland to join the alliance.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.recipients) == ["Finland"]
