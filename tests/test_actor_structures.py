"""Who does an act, where the doer is named by a sentence structure and not as the verb's plain subject: the focus of
a cleft ('it was X who blockaded Y'), a list that names a counted subject ('four states sided with X: A, B, C and D'),
the subject of a verb that keeps up an act ('renewed threats against X', 'doubled down on accusations that'), and a
party that acts along with the subject ('X, along with Y, vetoed', 'Joined by Y, X imposed'), and the author of a text
that acts ('the G7 statement condemned', 'a report by X accused', 'the resolution, drafted by X, calls on').
Where the text names no doer, the event keeps no actor. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_the_focus_of_a_cleft_does_the_act_its_clause_tells(extract_text):
    r = extract_text("It was Moldova who declared an economic blockade of Transnistria.")
    (blockade,) = _of_type(r, "COERCE")
    assert _names(r, blockade.actors) == ["Moldova"]
    r = extract_text("It was Serbia, not Albania, that has attacked the border posts of Kosovo.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Serbia"]


def test_a_cleft_focus_also_does_the_act_of_the_clauses_second_verb(extract_text):
    r = extract_text(
        "It was Lithuania who, before any other state, had closed its ports to their ships and declared "
        "an economic blockade of Belarus."
    )
    (blockade,) = _of_type(r, "COERCE")
    assert _names(r, blockade.actors) == ["Lithuania"]


def test_a_relative_clause_that_is_no_cleft_keeps_its_own_antecedent(extract_text):
    r = extract_text("It said that the ships which attacked the port of Odesa were Russian.")
    assert all("Odesa" not in _names(r, e.actors) for e in _of_type(r, "ASSAULT"))


def test_a_list_after_a_colon_names_the_counted_subject(extract_text):
    r = extract_text("Only four states sided with Serbia: Belarus, Cuba, Nicaragua and Syria.")
    (side,) = _of_type(r, "SUPPORT")
    assert _names(r, side.actors) == ["Belarus", "Cuba", "Nicaragua", "Syria"]
    assert _names(r, side.recipients) == ["Serbia"]


def test_a_list_after_a_dash_names_the_counted_subject_however_it_is_chained(extract_text):
    r = extract_text(
        "Only 4 chose to side with Serbia—Belarus, the Democratic People’s Republic of Korea, Cuba, and Syria."
    )
    (side,) = _of_type(r, "SUPPORT")
    assert _names(r, side.actors) == ["Belarus", "Cuba", "North Korea", "Syria"]


def test_a_list_in_apposition_names_every_member_of_a_plural_subject(extract_text):
    r = extract_text("Two countries, Belarus and Cuba, voted against the resolution.")
    (vote,) = _of_type(r, "REJECT")
    assert _names(r, vote.actors) == ["Belarus", "Cuba"]


def test_a_verb_that_keeps_up_an_act_gives_it_its_subject(extract_text):
    r = extract_text("Iran renewed threats against Israel on Sunday.")
    (threat,) = _of_type(r, "THREATEN")
    assert _names(r, threat.actors) == ["Iran"] and _names(r, threat.recipients) == ["Israel"]
    r = extract_text("Hungary has repeated accusations that NATO provoked the war.")
    (accusation,) = _of_type(r, "ACCUSE")
    assert _names(r, accusation.actors) == ["Hungary"] and _names(r, accusation.recipients) == ["NATO"]


def test_a_phrasal_verb_that_keeps_up_an_act_gives_it_its_subject(extract_text):
    r = extract_text("Viktor Orban has doubled down on accusations that Brussels betrayed farmers.")
    (accusation,) = _of_type(r, "ACCUSE")
    assert _names(r, accusation.actors) == ["Viktor Orban"]
    r = extract_text("Viktor Orban stood by demands that Brussels release the frozen funds.")
    (demand,) = _of_type(r, "REQUEST")
    assert _names(r, demand.actors) == ["Viktor Orban"]


def test_a_verb_that_only_mentions_an_act_gives_it_no_actor(extract_text):
    r = extract_text("Viktor Orban has commented on accusations that Brussels betrayed farmers.")
    assert all(not e.actors for e in _of_type(r, "ACCUSE"))


def test_a_participle_on_an_authored_document_is_its_authors_act(extract_text):
    r = extract_text("Israel ignored a Security Council resolution demanding a ceasefire in Gaza.")
    (demand,) = _of_type(r, "REQUEST")
    assert _names(r, demand.actors) == ["United Nations Security Council"]
    r = extract_text("Moscow rejected a resolution by the General Assembly condemning the annexation.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["United Nations General Assembly"]


def test_a_participle_on_an_owned_act_is_the_owners_not_the_clause_subjects(extract_text):
    r = extract_text("Ukraine faced Russian strikes targeting its power grid.")
    assert all(_names(r, e.actors) == ["Russia"] for e in _of_type(r, "ASSAULT"))


def test_a_participle_on_a_document_with_no_author_named_keeps_its_issuer(extract_text):
    r = extract_text("The G7 issued a statement condemning the strikes on Kharkiv.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["Group of Seven"]


def test_a_possessor_the_parser_cut_from_its_quoted_act_still_owns_it(extract_text):
    r = extract_text(
        "The ministers have called Serbia’s “unprovoked and unjustified attack on the state of Kosovo” a serious "
        "violation of law."
    )
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Serbia"] and _names(r, attack.recipients) == ["Kosovo"]


def test_a_party_named_along_with_the_subject_acts_with_it(extract_text):
    r = extract_text("Norway, along with Denmark, condemned the execution of the two activists.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["Denmark", "Norway"]
    r = extract_text("Canada imposed new sanctions on Iranian officials together with Australia on Monday.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["Australia", "Canada"]


def test_a_party_that_joins_the_subject_acts_with_it(extract_text):
    r = extract_text("Joined by Japan, South Korea imposed sanctions on North Korean banks.")
    (sanction,) = _of_type(r, "SANCTION")
    assert _names(r, sanction.actors) == ["Japan", "South Korea"]


def test_a_bare_with_names_no_companion(extract_text):
    r = extract_text("Protesters clashed with police in Tbilisi on Sunday.")
    assert all(len(e.actors) <= 2 for e in r.events)
    r = extract_text("Norway condemned the raid with strong words.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["Norway"]


def test_a_text_that_condemns_or_asks_is_its_authors_act(extract_text):
    r = extract_text("The OSCE statement condemned the shelling of the hospital in Kherson.")
    (condemn,) = _of_type(r, "ACCUSE")
    assert _names(r, condemn.actors) == ["Organization for Security and Co-operation in Europe"]
    r = extract_text("A report by Human Rights Watch accused the militia of torturing prisoners.")
    (accuse,) = _of_type(r, "ACCUSE")
    assert _names(r, accuse.actors) == ["Human Rights Watch"]
    r = extract_text("The resolution, drafted by Mexico, calls on Israel to halt its offensive.")
    (ask,) = _of_type(r, "REQUEST")
    assert _names(r, ask.actors) == ["Mexico"]


def test_a_text_with_no_author_named_gives_no_actor(extract_text):
    r = extract_text("The statement condemned the shelling of the hospital in Kherson.")
    assert all(not e.actors for e in _of_type(r, "ACCUSE"))
