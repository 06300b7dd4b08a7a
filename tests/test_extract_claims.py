"""Modality and attribution, per phenomenon, on short texts written for these tests."""

from __future__ import annotations

import pytest


def names(record, ids):
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in ids]


def event(record, trigger: str):
    found = [e for e in record.events if e.trigger.text.lower().startswith(trigger)]
    assert found, f"no event with trigger {trigger!r} in {[e.trigger.text for e in record.events]}"
    return found[0]


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Poland deployed 2,000 soldiers to its eastern border.", "deployed", "asserted"),
        ("Germany plans to deploy 500 troops to Lithuania.", "deploy", "planned"),
        ("France will send troops to Romania next month.", "send", "planned"),
        ("Officials said Belarus could attack Lithuania.", "attack", "possible"),
        ("Analysts fear a possible invasion of Moldova.", "invasion", "possible"),
        ("Italy did not send troops to Ukraine.", "send", "negated"),
        ("Spain refused to send troops to Ukraine.", "send", "negated"),
        ("Most NATO members remain hesitant to deploy troops to Ukraine.", "deploy", "negated"),
        ("If Russia invades Georgia, NATO will respond.", "invades", "possible"),
        ("The proposed deployment of British troops was discussed.", "deployment", "planned"),
    ],
)
def test_modality(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Germany is resolved to continue imposing costs on Russia.", "imposing", "planned"),
        ("The United States offered to discuss a new arms treaty with Russia.", "discuss", "planned"),
        ("The Senate is poised to approve new sanctions on Iran.", "approve", "planned"),
        ("Turkey is eager to host talks between the two sides.", "host", "planned"),
        ("Poland offered military support and sent tanks to Ukraine.", "sent", "asserted"),
    ],
)
def test_an_offer_a_resolve_or_a_readiness_to_act_is_a_plan(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("The task force will enforce the ban by freezing the assets of oligarchs.", "freezing", "planned"),
        ("Russia could punish Ukraine by cutting off gas supplies.", "cutting", "possible"),
        ("Estonia did not retaliate by expelling the Russian ambassador.", "expelling", "negated"),
        ("The bankers could help Iran evade the sanctions imposed by the EU in May.", "sanctions", "asserted"),
    ],
)
def test_the_means_of_an_act_shares_its_modality(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Sanctions could not stop Russia's invasion of Ukraine.", "invasion", "asserted"),
        ("Kyiv cannot win its war without Western tanks.", "war", "asserted"),
        ("Hamas rejected Israel's offer of a truce.", "offer", "asserted"),
        ("Germany will not stop its arms deliveries to Israel.", "deliveries", "asserted"),
        # the act's own verb, its owner disowning it, the speaker's own act: the negation holds
        ("Russia has not launched its offensive on Kharkiv.", "launched", "negated"),
        ("Russia denied its attack on the shopping mall.", "attack", "negated"),
        ("We will not renew our sanctions on Iran.", "sanctions", "negated"),
        ("The senator did not call for the minister's resignation.", "resignation", "negated"),
    ],
)
def test_a_negation_above_an_owned_act_does_not_reach_it(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Hamas must stop the rocket attacks on Israel.", "attacks", "asserted"),
        ("Russia refused to halt its offensive in Donbas.", "offensive", "asserted"),
        ("We will not end our support for Ukraine.", "support", "asserted"),
        ("If Russia ends its occupation of Crimea, sanctions will be lifted.", "occupation", "asserted"),
        # the ending itself keeps what is said of it
        ("If Russia ends its occupation of Crimea, sanctions will be lifted.", "ends", "possible"),
    ],
)
def test_what_is_to_be_ended_is_going_on(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Washington wants to hold Moscow accountable for its invasion of Ukraine.", "invasion", "asserted"),
        ("The current military aid to Ukraine could be cut next year.", "aid", "asserted"),
        # not an act resumed or prepared ('resume', 'prepare' do it), nor one its owner undergoes
        ("Iran threatened to resume its attacks on shipping.", "attacks", "possible"),
        ("The minister began preparations for his visit to Beijing.", "visit", "planned"),
        ("Police said they would seek their arrest and extradition to France.", "arrest", "planned"),
    ],
)
def test_what_is_said_above_an_owned_or_current_act_does_not_reach_it(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


@pytest.mark.parametrize(
    "text,trigger,modality",
    [
        ("Prosecutors will charge the militants who killed two soldiers.", "killed", "asserted"),
        ("Weeks after Moscow invaded Ukraine, Biden vowed to punish Russia.", "invaded", "asserted"),
        ("Weeks after Moscow invaded Ukraine, Biden vowed to punish Russia.", "punish", "planned"),
        # a plan is called off by what governs it, not by the verb it is joined to
        ("The rebels killed two soldiers and plan to attack the base.", "attack", "planned"),
    ],
)
def test_a_clause_that_tells_its_own_fact_keeps_its_own_modality(extract_text, text, trigger, modality):
    assert event(extract_text(text), trigger).modality == modality


def test_article_voice_has_no_sources(extract_text):
    record = extract_text("Russian forces shelled Kharkiv on Monday.", date="2023-03-08")
    assert event(record, "shelled").sources == ()


def test_according_to_an_outlet(extract_text):
    record = extract_text("According to Reuters, Russia moved 5,000 troops to the border.")
    assert names(record, event(record, "moved").sources) == ["Reuters"]


def test_speaker_of_reported_speech(extract_text):
    record = extract_text("Dmitry Peskov said that Russia would withdraw its troops from Kherson.")
    assert names(record, event(record, "withdraw").sources) == ["Dmitry Peskov"]


def test_chain_outlet_then_speaker_outermost_first(extract_text):
    record = extract_text(
        "According to The Guardian, a senior Ukrainian official said Russia attacked Odesa overnight."
    )
    assert names(record, event(record, "attacked").sources) == ["The Guardian", "senior Ukrainian official"]


def test_speaker_who_accuses_is_the_actor_not_a_source(extract_text):
    record = extract_text("Ukraine accused Russia of shelling the Zaporizhzhia plant.")
    accuse = event(record, "accused")
    assert names(record, accuse.actors) == ["Ukraine"] and accuse.sources == ()
    assert names(record, accuse.recipients) == ["Russia"]
