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
