"""Events told by a phrase whose words are no event alone: a light verb and the noun that says what it does ('used
grenades', 'pointed the finger', 'imposed economic pressure'), a noun in a phrase ('remain in close contact', 'the
use of cluster munitions', 'a weapons package'), a verb whose object makes it an act ('shuttered newspapers',
'dismissed the arguments'). Texts written for these tests."""

from __future__ import annotations

from record_lookup import entity_names as _names
from record_lookup import events_of as _of_type


def test_who_remains_in_contact_consults(extract_text):
    r = extract_text("Chile and Peru agreed to remain in close contact.")
    (talks,) = _of_type(r, "CONSULT")
    assert _names(r, talks.actors) == ["Chile", "Peru"]
    r = extract_text("Chile lost contact with the fishing boat.")
    assert not _of_type(r, "CONSULT")


def test_using_gas_grenades_or_a_chemical_agent_is_an_attack(extract_text):
    r = extract_text("Rebels used grenades in the raid on the depot.")
    assert _of_type(r, "ASSAULT")
    r = extract_text("Syrian forces used a nerve agent against the town.")
    assert _of_type(r, "ASSAULT")
    r = extract_text("Syrian forces used the funds to rebuild the town.")
    assert not _of_type(r, "ASSAULT")


def test_the_use_of_a_weapon_by_someone_is_their_attack(extract_text):
    r = extract_text("The use of cluster munitions by Sudan drew criticism.")
    (attack,) = _of_type(r, "ASSAULT")
    assert _names(r, attack.actors) == ["Sudan"]


def test_a_transfer_of_weapons_or_a_weapons_package_is_military_aid(extract_text):
    r = extract_text("The transfer of rockets to Yemen by Iran worried its neighbours.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Iran"] and _names(r, aid.recipients) == ["Yemen"]
    r = extract_text("Japan announced a $2 billion weapons package for the Philippines.")
    (aid,) = _of_type(r, "AID")
    assert _names(r, aid.actors) == ["Japan"] and _names(r, aid.recipients) == ["Philippines"]


def test_drafting_people_into_the_army_mobilizes(extract_text):
    r = extract_text("Eritrea drafted thousands of students into the army.")
    (draft,) = _of_type(r, "MOBILIZE")
    assert _names(r, draft.actors) == ["Eritrea"]


def test_forces_said_to_be_deployed_or_drafted_state_a_mobilisation_without_its_agent(extract_text):
    r = extract_text("Two more battalions were deployed to the border on Monday.")
    (deployment,) = _of_type(r, "MOBILIZE")
    assert deployment.actors == ()  # the agent is not stated: none is guessed
    assert _of_type(extract_text("Thousands of students have been drafted into the army."), "MOBILIZE")
    assert not _of_type(extract_text("Deploying more battalions would take months."), "MOBILIZE")


def test_the_stationing_of_troops_mobilizes(extract_text):
    r = extract_text("Chile announced the stationing of a brigade of 3,000 troops in Peru.")
    (stationing,) = _of_type(r, "MOBILIZE")
    assert _names(r, stationing.actors) == ["Chile"]


def test_pointing_the_finger_accuses(extract_text):
    r = extract_text("Chile pointed the finger at Peru for the spill.")
    (blame,) = _of_type(r, "ACCUSE")
    assert _names(r, blame.actors) == ["Chile"]


def test_imposing_pressure_coerces(extract_text):
    r = extract_text("Brazil imposed economic pressure on Paraguay.")
    (pressure,) = _of_type(r, "COERCE")
    assert _names(r, pressure.actors) == ["Brazil"] and _names(r, pressure.recipients) == ["Paraguay"]
    r = extract_text("Brazil came under pressure from Paraguay.")
    assert not _of_type(r, "COERCE")


def test_keeping_up_or_maintaining_pressure_coerces(extract_text):
    r = extract_text("Chile will keep up the pressure on Bolivia over the border.")
    (pressure,) = _of_type(r, "COERCE")
    assert _names(r, pressure.actors) == ["Chile"] and _names(r, pressure.recipients) == ["Bolivia"]
    r = extract_text("Peru said it would maintain the pressure on Ecuador.")
    assert _of_type(r, "COERCE")
    r = extract_text("The minister said he was feeling the pressure of the job.")
    assert not _of_type(r, "COERCE")


def test_shuttering_newspapers_or_blocking_websites_is_censorship(extract_text):
    r = extract_text("Belarus shuttered three newspapers in Minsk.")
    (censorship,) = _of_type(r, "COERCE")
    assert _names(r, censorship.actors) == ["Belarus"]
    r = extract_text("Belarus blocked access to independent news sites.")
    assert _of_type(r, "COERCE")


def test_dismissing_or_resisting_arguments_rejects_them(extract_text):
    r = extract_text("Peru dismissed these arguments as baseless.")
    (rejection,) = _of_type(r, "REJECT")
    assert _names(r, rejection.actors) == ["Peru"]
    r = extract_text("Chad resisted the arguments of its neighbours.")
    assert _of_type(r, "REJECT")


def test_the_shuttering_of_media_or_blocking_social_media_is_censorship(extract_text):
    r = extract_text("Observers condemned Belarus's shuttering of independent media.")
    (censorship,) = _of_type(r, "COERCE")
    assert _names(r, censorship.actors) == ["Belarus"]
    r = extract_text("Belarus blocked social media during the vote.")
    assert _of_type(r, "COERCE")


def test_strengthening_or_bolstering_forces_somewhere_mobilizes(extract_text):
    r = extract_text("Chad strengthened its forces along the border with Sudan.")
    (build_up,) = _of_type(r, "MOBILIZE")
    assert _names(r, build_up.actors) == ["Chad"]
    r = extract_text("Chad and Niger strengthened their ties.")
    assert not _of_type(r, "MOBILIZE")


def test_championing_someone_supports_them(extract_text):
    r = extract_text("Kenya championed Qatar's mediation.")
    (backing,) = _of_type(r, "SUPPORT")
    assert _names(r, backing.actors) == ["Kenya"] and _names(r, backing.recipients) == ["Qatar"]


def test_calling_someone_out_criticises_them_and_asks_nothing(extract_text):
    r = extract_text("Estonia was called out by Latvia for campaigning against the government.")
    assert [(e.type, e.trigger.text) for e in r.events if e.trigger.text == "called"] == [("ACCUSE", "called")]
    assert [e.type for e in extract_text("Latvia called for talks with Estonia.").events] == ["REQUEST"]


def test_admonishing_or_berating_someone_criticises_them(extract_text):
    for verb in ("admonished", "berated", "castigated"):
        r = extract_text(f"Senior Latvian officials {verb} Estonia over its rhetoric.")
        assert [e.type for e in r.events] == ["ACCUSE"], verb


def test_searching_a_home_coerces_and_searching_for_signs_is_no_event(extract_text):
    r = extract_text("Latvian police searched the home of Jaan Tamm.")
    assert [(e.type, e.trigger.text) for e in r.events] == [("COERCE", "searched")]
    assert not extract_text("The Latvian agency is searching for red flags along the border.").events
