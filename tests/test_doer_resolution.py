"""Who did it, where the text tells the doer by a pronoun or a description that takes up someone named before:
'the alliance', 'the bloc', 'the group' (the last body of that kind), 'we' in a quotation (the speaker and the
state her title names, also a title in apposition; the body an unnamed spokesman speaks for), the armed forces of
the state a pronoun owning troops or war machines stands for ('its troops', 'our forces'), 'they' after a body named by its members in the plural, 'it' in what a claim tells (the claim's owner), a name in
apposition whose mention stops short of its head.
Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_alliance_takes_up_the_alliance_named_before(extract_text):
    r = extract_text(
        "NATO held talks with Russia in Brussels on Monday. The alliance then imposed sanctions on Moscow."
    )
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["NATO"] and _names(r, sanction.recipients) == ["Russia"]


def test_the_bloc_takes_up_an_intergovernmental_body_not_a_state_named_nearer(extract_text):
    r = extract_text("The European Union met Serbia in Brussels. The bloc later imposed sanctions on Belgrade.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["European Union"]


def test_the_group_is_no_alliance(extract_text):
    r = extract_text("Hamas fighters crossed the border on Saturday. The group later attacked an army base in Israel.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Hamas"]
    r = extract_text("NATO ministers met in Brussels on Monday. The group later attacked the new plan.")
    assert all("NATO" not in _names(r, e.actors) for e in r.events)


def test_we_in_a_quotation_is_the_state_of_a_speaker_whose_title_is_in_apposition(extract_text):
    r = extract_text(
        'The Dutch defence minister, Kajsa Ollongren, arrived in Kyiv on Monday. "We have supplied howitzers to '
        'Ukraine," Ollongren said.'
    )
    (aid,) = _of_type(r, "AID")
    assert "Netherlands" in _names(r, aid.actors)


def test_we_in_a_quotation_by_an_unnamed_spokesman_is_the_body_he_speaks_for(extract_text):
    r = extract_text(
        '"We reject these accusations against our government as baseless," a spokesman for the Indian foreign '
        "ministry said on Friday."
    )
    (reject,) = _of_type(r, "REJECT")
    assert "Indian foreign ministry" in _names(r, reject.actors)
    r = extract_text('"We will strike back at the enemy for this massacre," a Hezbollah spokesman said on Monday.')
    assert all("Hezbollah" in _names(r, e.actors) for e in _of_type(r, "ASSAULT"))


def test_we_in_a_quotation_by_an_unnamed_official_is_no_place_he_lives_in(extract_text):
    r = extract_text('"We condemn the shelling of the market in the strongest terms," a resident of Kharkiv said.')
    assert all("Kharkiv" not in _names(r, e.actors) for e in r.events)


def test_forces_a_pronoun_owns_are_the_armed_forces_of_the_state_it_stands_for(extract_text):
    r = extract_text("Israel said on Tuesday that its troops had killed two gunmen near Nablus.")
    (kill,) = _of_type(r, "ASSAULT")
    assert _names(r, kill.actors) == ["Israel Defense Forces"]
    r = extract_text('"Our forces have destroyed four enemy tanks near Bakhmut," the Ukrainian defence ministry said.')
    (destroy,) = _of_type(r, "ASSAULT")
    assert _names(r, destroy.actors) == ["Armed Forces of Ukraine"]


def test_war_machines_a_pronoun_owns_are_their_owners_forces(extract_text):
    r = extract_text("The Russian defence ministry said its aircraft had struck a fuel depot near Odesa.")
    (strike,) = _of_type(r, "ASSAULT")
    assert _names(r, strike.actors) == ["Russian Armed Forces"]


def test_forces_a_description_owns_are_the_forces_of_the_state_it_describes(extract_text):
    r = extract_text("Georgia said on Monday that the country's forces had repelled an attack near the border.")
    (repel,) = _of_type(r, "ASSAULT")
    assert _names(r, repel.actors) == ["Georgia"]


def test_fighters_an_armed_group_owns_are_the_group_not_its_country(extract_text):
    r = extract_text("Sudanese rebels said their fighters had shot down an army helicopter near Kassala.")
    (shoot,) = _of_type(r, "ASSAULT")
    assert _names(r, shoot.actors) == ["Sudanese rebels"]


def test_soldiers_a_states_officials_own_are_that_states_forces(extract_text):
    r = extract_text("Israeli officials said their soldiers had killed two gunmen near Jenin.")
    (kill,) = _of_type(r, "ASSAULT")
    assert _names(r, kill.actors) == ["Israel Defense Forces"]


def test_forces_of_a_body_no_state_owns_are_the_body(extract_text):
    r = extract_text("NATO said its troops in Kosovo had detained three armed men near the border.")
    (detain,) = _of_type(r, "COERCE")
    assert _names(r, detain.actors) == ["NATO"]


def test_it_in_what_a_claim_tells_is_the_claims_owner_not_who_doubts_it(extract_text):
    r = extract_text("The minister dismissed Serbia's claim that it was pulling its troops back from the border.")
    (pull_back,) = _of_type(r, "RETREAT")
    assert _names(r, pull_back.actors) == ["Serbia"]


def test_it_in_what_an_ownerless_claim_tells_is_not_who_doubts_it(extract_text):
    r = extract_text("The minister dismissed the claim that it was pulling its troops back from the border.")
    assert all("minister" not in _names(r, e.actors) for e in _of_type(r, "RETREAT"))


def test_a_title_in_apposition_to_a_name_its_mention_cuts_short_is_that_person(extract_text):
    r = extract_text(
        "Qatar's emir, Sheikh Tamim bin Hamad al-Thani, launched a mediation effort between Egypt and Sudan on "
        "Saturday."
    )
    (mediate,) = _of_type(r, "CONSULT")
    assert _names(r, mediate.actors) == ["Tamim bin Hamad Al Thani"]


def test_we_do_not_accept_stays_one_partys_refusal_though_we_is_the_speaker_and_her_state(extract_text):
    r = extract_text(
        'Germany\'s foreign minister, Annalena Baerbock, spoke in Berlin. "We do not accept a dictated peace," '
        "Baerbock said."
    )
    assert _of_type(r, "REJECT") and not _of_type(r, "AGREE")


def test_they_takes_up_a_body_named_by_its_members_in_the_plural(extract_text):
    r = extract_text("Russian troops shelled Kharkiv on Sunday. They also attacked Kherson and Zaporizhzhia.")
    attacks = _of_type(r, "ASSAULT")
    assert len(attacks) == 2 and all(_names(r, a.actors) == _names(r, attacks[0].actors) != [] for a in attacks)


def test_it_takes_up_the_nearest_state_named_as_a_subject_before_it(extract_text):
    r = extract_text("Hungary blocked the aid package on Monday. Diplomats said it had also vetoed new sanctions.")
    (veto,) = [e for e in _of_type(r, "REJECT") if e.trigger.text == "vetoed"]
    assert _names(r, veto.actors) == ["Hungary"]
    r = extract_text("China held drills on Monday. Western diplomats said it had threatened war against Taiwan.")
    (threat,) = _of_type(r, "THREATEN")
    assert _names(r, threat.actors) == ["China"]


def test_it_takes_up_nothing_past_a_nearer_subject_that_is_no_state(extract_text):
    r = extract_text("Poland criticised the plan on Monday. The proposal failed after it sent troops to Ukraine.")
    assert all("Poland" not in _names(r, e.actors) for e in r.events if e.trigger.text == "sent")


def test_the_empty_it_of_it_is_important_stands_for_no_one(extract_text):
    r = extract_text('Germany sent tanks to Kyiv on Monday. "It is important to support Ukraine," Scholz said.')
    assert all("Germany" not in _names(r, e.actors) for e in _of_type(r, "SUPPORT"))


def test_a_relative_clause_on_a_predicate_noun_tells_what_its_subject_did(extract_text):
    r = extract_text("Hamas is a militant group that attacked Israel on October 7.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Hamas"]
    r = extract_text("Britain described Hamas as a terrorist organisation that had attacked Israel.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Hamas"]


def test_a_relative_clause_that_carries_out_the_act_names_its_doer_and_parties(extract_text):
    r = extract_text("Kyiv welcomed the aid that Germany provided last year.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Germany"]
    r = extract_text("Analysts criticised the sanctions the European Union imposed on Moscow.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["European Union"] and _names(r, sanction.recipients) == ["Russia"]


def test_a_relative_clause_whose_subject_is_the_act_names_no_doer(extract_text):
    r = extract_text("Officials in Kyiv praised the aid that reached Kharkiv from Poland.")
    assert all("Poland" not in _names(r, e.actors) for e in _of_type(r, "AID"))


def test_a_chain_of_he_goes_on_about_one_person_past_a_person_named_in_an_object(extract_text):
    r = extract_text(
        "Belarusian President Alexander Lukashenko said on Friday that he had asked Russian President Vladimir "
        "Putin for the weapons. He claimed that he needed them for protection, a threat he uses to justify his "
        "repression of the opposition."
    )
    (repression,) = _of_type(r, "COERCE")
    assert _names(r, repression.actors) == ["Alexander Lukashenko"]
