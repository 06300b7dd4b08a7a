"""Who a word that names no one stands for when an event's actor is read from it: 'who' whose clause the parser
hung on the wrong noun, 'they' carrying a pair on over several sentences,
a stance on a stated act whose beneficiary goes unnamed, and one on an attempt at an act ('welcomed efforts by X to
end the war'), toward who attempts it. Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_who_stands_for_the_person_the_phrase_belongs_to(extract_text):
    r = extract_text(
        "It also aligned Mr Smith with former Governor Jane Roe, the leading contender for the nomination, "
        "who has opposed aid to Kyiv and criticised the sanctions against Russia."
    )
    (oppose,) = _of_type(r, "REJECT")
    (criticise,) = _of_type(r, "ACCUSE")
    assert _names(r, oppose.actors) == ["Jane Roe"] and _names(r, criticise.actors) == ["Jane Roe"]


def test_they_carries_a_pair_on_through_a_passive_they(extract_text):
    r = extract_text(
        "Chancellor Merkel hosted President Macron in Berlin. They were joined by their advisers. The talks "
        "centered on trade. Mrs Merkel affirmed her support for the plan. She said the plan was good. They also "
        "discussed developments in Libya."
    )
    discussed = [e for e in _of_type(r, "CONSULT") if e.trigger.text == "discussed"]
    assert [_names(r, e.actors) for e in discussed] == [["Angela Merkel", "Emmanuel Macron"]]


def test_support_for_a_stated_act_is_an_event_without_a_named_beneficiary(extract_text):
    r = extract_text("Kenya backed the ceasefire on Monday.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.actors) == ["Kenya"] and support.recipients == ()


def test_support_for_an_attempt_at_an_act_is_toward_who_attempts_it(extract_text):
    r = extract_text("Kenya championed Peruvian efforts to mediate between the rivals.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.actors) == ["Kenya"] and _names(r, support.recipients) == ["Peru"]
    r = extract_text("Kenya welcomed efforts by Chile to end the war.")
    (support,) = _of_type(r, "SUPPORT")
    assert _names(r, support.actors) == ["Kenya"] and _names(r, support.recipients) == ["Chile"]


def test_support_for_a_claim_is_no_event(extract_text):
    r = extract_text("Many historians support the claim.")
    assert _of_type(r, "SUPPORT") == []


def test_the_author_of_dismissed_comments_is_whom_the_rejection_is_toward(extract_text):
    r = extract_text("Mr Wallace also dismissed comments made by Chancellor Scholz about the troops.")
    (reject,) = _of_type(r, "REJECT")
    assert _names(r, reject.recipients) == ["Olaf Scholz"]


def test_ridiculed_claims_are_rejected(extract_text):
    r = extract_text("Kremlin officials have ridiculed such claims as scaremongering.")
    assert len(_of_type(r, "REJECT")) == 1


def test_money_earmarked_for_a_state_is_aid_to_it(extract_text):
    r = extract_text("Congress earmarked $5 billion for Israel.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.recipients) == ["Israel"]


def test_a_one_sentence_english_brief_is_read(extract_text):
    r = extract_text(
        "Taiwan's Vice Foreign Minister visited Russia today, becoming the island's highest ranking government "
        "official to go there."
    )
    assert not r.warnings and len(_of_type(r, "CONSULT")) == 1


def test_a_states_nation_is_the_state(extract_text):
    r = extract_text("The Ukrainian nation condemned the attack on Kharkiv.")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Ukraine"]
    r = extract_text("The nation of Belarus does not support the Russian invasion of Ukraine.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Belarus"]


def test_standing_firm_in_support_for_someone_supports_them(extract_text):
    r = extract_text(
        "Romania has stood firm in its support for Moldova during the crisis, with Romanians housing thousands of "
        "refugees in their own homes."
    )
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Romania"] and _names(r, backing.recipients) == ["Moldova"]
