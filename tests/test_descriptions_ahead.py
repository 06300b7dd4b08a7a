"""Descriptions written before the name they describe, and titles the tagger split from their name: one person, on
short texts written for these tests."""

from __future__ import annotations


def people(record):
    return {e.name: {m.text for m in e.mentions} for e in record.entities if e.type == "Person"}


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


def test_lead_speaker_named_in_the_next_sentence(extract_text):
    record = extract_text(
        "Kenya may use the loaned drones on its northern border, a UK defence minister has said.\n\n"
        "Tom Hale said patrols there were a lawful part of the mission."
    )
    found = people(record)
    assert "a UK defence minister" in found["Tom Hale"]
    assert len(found) == 1
    assert ("affiliated_with", "Tom Hale", "United Kingdom") in relations(record)


def test_lead_speaker_of_another_state_is_not_joined(extract_text):
    record = extract_text(
        "Talks will resume next week, the Chinese foreign minister has said.\n\n"
        "Antony Blinken said the date was not fixed."
    )
    assert "Antony Blinken" in people(record)
    assert not any("Chinese" in t for t in people(record)["Antony Blinken"])


def test_description_in_the_middle_of_a_story_is_not_a_lead(extract_text):
    record = extract_text(
        "Jane Roe arrived in Nairobi on Monday. Talks will resume, a UK defence minister has said.\n\n"
        "Tom Hale said the date was not fixed."
    )
    assert "a UK defence minister" not in people(record)["Tom Hale"]


def test_spokeswoman_described_again_with_her_name(extract_text):
    record = extract_text(
        "The spokeswoman for the Kenyan Foreign Ministry stressed that the drills were routine. "
        "The exercises harm no one, said the spokeswoman for the Kenyan Foreign Ministry, Amina Otieno."
    )
    found = people(record)
    assert len(found) == 1
    assert {"The spokeswoman", "Amina Otieno"} <= found["Amina Otieno"]


def test_title_running_past_the_tagged_body_names_the_state(extract_text):
    record = extract_text("Jane Roe met British National Security Advisor Tom Hale in Paris on Monday.")
    assert "British National Security" not in {e.name for e in record.entities}
    assert ("affiliated_with", "Tom Hale", "United Kingdom") in relations(record)


def test_adjective_before_a_demonym_is_no_person(extract_text):
    record = extract_text("Exiled Moldovan opposition leader Ion Rusu has warned of new arrests.")
    assert "Exiled Moldovan" not in {e.name for e in record.entities}
    assert "Moldova" in {e.name for e in record.entities}


def test_counterpart_heading_a_body_does_not_lead_his_state(extract_text):
    record = extract_text(
        "President Vladimir Putin met Jane Roe. Putin later spoke with his US counterpart CIA Director Tom Hale."
    )
    found = relations(record)
    assert ("leader_of", "Tom Hale", "United States") not in found


def test_capitalised_singular_role_is_a_title_not_a_collective(extract_text):
    record = extract_text("Jake Sullivan met French Diplomatic Counselor to the President Emmanuel Bonne in Paris.")
    names = {e.name for e in record.entities}
    assert "French Diplomatic Counselor" not in names
    assert "France" in names
