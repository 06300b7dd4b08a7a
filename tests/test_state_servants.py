"""Who leads or works in a state's own body serves that state (affiliated_with the state), on short texts
written for these tests."""

from __future__ import annotations


def relations(record):
    names = {e.id: e.name for e in record.entities}
    return {(r.type, names[r.subject], names[r.object]) for r in record.relations}


def test_head_of_a_gazetteer_state_body_serves_its_state(extract_text):
    record = extract_text("CIA Director Jane Roe said the United States would share more intelligence with Kenya.")
    found = relations(record)
    assert ("leader_of", "Jane Roe", "Central Intelligence Agency") in found
    assert ("affiliated_with", "Jane Roe", "United States") in found


def test_adviser_of_a_body_its_name_places_serves_that_state(extract_text):
    record = extract_text("German Chancellery adviser Tomas Berger met officials in Vienna on Monday.")
    found = relations(record)
    assert ("affiliated_with", "Tomas Berger", "German Chancellery") in found
    assert ("affiliated_with", "Tomas Berger", "Germany") in found


def test_state_the_article_never_names_is_not_added(extract_text):
    record = extract_text("MI6 chief Tom Hale said Russia had failed in its goals.")
    assert ("leader_of", "Tom Hale", "Secret Intelligence Service") in relations(record)
    assert "United Kingdom" not in {e.name for e in record.entities}


def test_official_of_an_international_body_serves_no_state(extract_text):
    record = extract_text("NATO spokesman Piet Vos said Poland would host the drills.")
    assert not any(s == "Piet Vos" and o == "Poland" for _, s, o in relations(record))


def test_collective_of_officials_named_by_its_states_possessive(extract_text):
    record = extract_text("Kenya's ability to hold the border depends on supplies, and its officials say so.")
    assert ("affiliated_with", "officials", "Kenya") in relations(record)


def test_representatives_named_by_a_demonym_serve_that_state(extract_text):
    record = extract_text("Some Russian representatives were not invited to the ceremony in Normandy.")
    assert ("affiliated_with", "Russian representatives", "Russia") in relations(record)


def test_ally_said_of_someone_through_a_verb_of_regarding(extract_text):
    record = extract_text(
        "Mr Lukashenko is seen as Russia's key ally. Serbia did not impose sanctions on Russia, considered a "
        "traditional Serbian ally. Hungary, regarded as a close ally of Moscow, objected."
    )
    found = relations(record)
    assert ("allied_with", "Russia", "Alexander Lukashenko") in found
    assert ("allied_with", "Serbia", "Russia") in found
    assert ("allied_with", "Russia", "Hungary") in found


def test_regarding_verb_with_its_own_subject_says_nothing_of_the_object(extract_text):
    record = extract_text("Analysts have long seen Kenya as a partner, the minister said.")
    assert not any(t == "allied_with" for t, _s, _o in relations(record))
