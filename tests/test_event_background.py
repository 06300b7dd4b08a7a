"""Event words that tell no new act: a class described by its habit, the war as a topic, a denied war, the same
attack named twice. Short texts written for these tests."""

from __future__ import annotations


def _events(record, etype=None):
    return [e for e in record.events if etype is None or e.type == etype]


def test_a_habit_of_a_class_tells_no_attack(extract_text):
    assert _events(extract_text("Latvia will punish those who attack Estonia."), "ASSAULT") == []
    assert _events(extract_text("Latvia will shelter anyone who fights against Russia."), "ASSAULT") == []
    r = extract_text("Latvia will prosecute those who murdered the Estonian envoy Jaan Tamm.")
    assert len(_events(r, "ASSAULT")) == 1


def test_a_war_to_be_ended_won_or_lost_is_no_new_attack(extract_text):
    text = "Russia has waged a war against Ukraine since 2022. "
    r = extract_text(text + "Jaan Tamm of Latvia does not want to lose the war.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["waged"]
    r = extract_text(text + "Jaan Tamm of Latvia said he would end the war within a day.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["waged"]
    r = extract_text(text + "Latvia demanded that Russia end its war on Ukraine.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["waged", "war"]
    r = extract_text("The Latvian guard said he had to end the brutal attack from Jaan Tamm.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["attack"]


def test_one_attack_named_twice_in_one_phrase_is_one_event(extract_text):
    r = extract_text("Latvia condemned Russia's invasion and continuing war against Estonia.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["invasion"]
    by_id = {e.id: e.name for e in r.entities}
    assert [by_id[i] for i in _events(r, "ASSAULT")[0].recipients] == ["Estonia"]


def test_ending_someone_elses_war_is_no_ceasefire(extract_text):
    r = extract_text(
        "Jaan Tamm said he would stop Russia's war on Estonia. Latvia worked to end the conflict in Estonia."
    )
    assert _events(r, "RETREAT") == []
    r = extract_text("Russia must end its war on Estonia. Latvia and Estonia agreed to end the fighting.")
    assert len(_events(r, "RETREAT")) == 2
    assert len(_events(extract_text("Latvia urged Russia to end the war."), "RETREAT")) == 1


def test_the_harms_of_one_attack_are_one_event(extract_text):
    r = extract_text("Latvian forces killed and wounded dozens of Estonian soldiers in Narva.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["killed"]
    r = extract_text("Latvian forces shelled Riga and bombed Narva.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["shelled", "bombed"]


def test_a_war_whose_existence_is_denied_is_no_attack(extract_text):
    text = "Russia has waged a war against Ukraine since 2022. There was no full-scale war in Estonia at that time."
    assert [e.trigger.text for e in _events(extract_text(text), "ASSAULT")] == ["waged"]
    r = extract_text("There was heavy fighting in Narva.")
    assert [e.trigger.text for e in _events(r, "ASSAULT")] == ["fighting"]


def test_a_party_called_on_or_appealed_to_to_stop_fighting_retreats(extract_text):
    for text in (
        "Estonia called on Latvia to stop the shelling of its villages.",
        "Estonia appealed to Latvia to halt the offensive.",
    ):
        assert [e.trigger.text for e in _events(extract_text(text), "RETREAT")] in (["stop"], ["halt"])
