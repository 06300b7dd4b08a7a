"""A leader's war is his state's, and blaming what someone proposed takes no side against him: on short texts
written for these tests."""

from __future__ import annotations


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


def test_a_leaders_invasion_sets_no_person_against_the_state(extract_text):
    record = extract_text(
        "The war began with President Vladimir Putin's full-scale invasion of Georgia, Russia's neighbour."
    )
    found = relations(record)
    assert not any(t == "opposes" and s == "Vladimir Putin" for t, s, _o in found)
    assert ("opposes", "Russia", "Georgia") in found


def test_a_states_invasion_still_opposes(extract_text):
    record = extract_text("Russia's invasion of Georgia continued for a fifth day.")
    assert ("opposes", "Russia", "Georgia") in relations(record)


def test_a_person_who_invades_is_no_side(extract_text):
    record = extract_text("Russian President Vladimir Putin spoke to reporters a year after invading Georgia.")
    assert not any(t == "opposes" and s == "Vladimir Putin" for t, s, _o in relations(record))


def test_condemning_a_proposal_is_no_hostility_to_its_author(extract_text):
    record = extract_text("Kremlin spokesman Dmitry Peskov condemned Mr Zelensky's proposal on Monday.")
    assert not any(t == "opposes" and o == "Volodymyr Zelenskyy" for t, _s, o in relations(record))


def test_condemning_an_attack_opposes_its_author(extract_text):
    record = extract_text("Kenya condemned Iran's missile attack on Israel.")
    assert ("opposes", "Kenya", "Iran") in relations(record)
