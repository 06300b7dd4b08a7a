"""An act named as part of another's ('Iran's support to Russia, including the transfer of drones'): its doer is
whom that other noun's possessive names. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_an_act_included_in_a_states_support_is_that_states(extract_text):
    r = extract_text("The ministers condemned Iran's support to Serbia, including the transfer of drones to Serbia.")
    (transfer,) = [e for e in _of_type(r, "AID") if e.trigger.text == "transfer"]
    assert _names(r, transfer.actors) == ["Iran"] and _names(r, transfer.recipients) == ["Serbia"]


def test_an_act_included_in_a_noun_without_an_owner_has_no_doer_from_it(extract_text):
    r = extract_text("The ministers condemned the support to Serbia, including the transfer of drones to Serbia.")
    assert all(e.actors == () for e in _of_type(r, "AID") if e.trigger.text == "transfer")


def test_each_of_the_acts_included_is_the_owners_but_one_with_an_owner_of_its_own(extract_text):
    r = extract_text(
        "The ministers condemned Iran's support to Serbia, including the training of pilots as well as the "
        "transfer of drones to Serbia and Serbia's use of these drones against Albania."
    )
    (transfer,) = [e for e in _of_type(r, "AID") if e.trigger.text == "transfer"]
    assert _names(r, transfer.actors) == ["Iran"]
    assert all("Iran" not in _names(r, e.actors) for e in r.events if e.trigger.text == "use")
