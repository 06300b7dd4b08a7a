"""Surface forms that name an entity the article already has (texts written for these tests)."""

from __future__ import annotations


def _entities(record) -> dict[str, tuple[str, set[tuple[str, str]]]]:
    return {e.name: (e.type, {(m.text, m.rule) for m in e.mentions}) for e in record.entities}


def test_an_outlets_correspondent_is_the_outlet_reporting(extract_text):
    record = extract_text("Kyiv will receive new air defence systems, an Ukrinform correspondent reported.")
    found = _entities(record)
    assert ("an Ukrinform correspondent", "newsroom") in found["Ukrinform"][1]
    assert not any(t == "Person" for t, _ in found.values())


def test_a_correspondent_of_no_outlet_stays_a_person(extract_text):
    record = extract_text("A war correspondent said Russian troops shelled the town on Monday.")
    assert not any(rule == "newsroom" for _, ms in _entities(record).values() for _, rule in ms)


def test_a_bodys_last_word_written_alone_is_the_body(extract_text):
    record = extract_text(
        "The U.S. Treasury imposed sanctions on Monday. The Treasury said the banks had helped Moscow."
    )
    assert ("Treasury", "definite-description") in _entities(record)["United States Department of the Treasury"][1]
    assert "Treasury" not in _entities(record)


def test_a_last_word_two_bodies_end_in_is_the_one_named_last_before_it(extract_text):
    record = extract_text(
        "The Ukrainian army held the line. The British army sent trainers in May. The Army said more would come."
    )
    assert ("Army", "definite-description") in _entities(record)["British Armed Forces"][1]


def test_a_lower_case_body_that_takes_part_in_nothing_is_no_entity(extract_text):
    record = extract_text("Moldova said on Friday it needed a very capable military to deter any attack.")
    assert not any(e.type == "Organization" and e.name.islower() for e in record.entities)


def test_a_states_own_body_named_by_its_possessive_stays(extract_text):
    record = extract_text("Russia denied the report. Its defence ministry has published images of the convoy.")
    assert "Its defence ministry" in {m.text for e in record.entities for m in e.mentions}


def test_a_name_cut_at_its_possessive_goes_on_through_what_it_qualifies(extract_text):
    record = extract_text("The charity Samaritan's Purse sent a field hospital to Lviv on Monday.")
    assert "Samaritan's Purse" in {e.name for e in record.entities}


def test_a_known_owners_possessive_does_not_make_one_name(extract_text):
    record = extract_text("Russia's Defence Ministry said on Monday that the convoy had turned back.")
    assert "Russia" in {e.name for e in record.entities}
    assert not any(e.name.startswith("Russia's") for e in record.entities)


def test_an_acronym_never_spelled_out_is_the_body_whose_initials_it_is(extract_text):
    record = extract_text(
        "The Ministry of Reintegration Affairs opened an inquiry on Monday. MRA officials said the camp was closed."
    )
    found = _entities(record)
    assert ("MRA", "abbreviation") in found["Ministry of Reintegration Affairs"][1]


def test_an_acronym_two_bodies_could_be_stays_apart(extract_text):
    record = extract_text(
        "The Ministry of Reintegration Affairs and the Ministry of Regional Affairs met. MRA officials spoke."
    )
    assert not any(rule == "abbreviation" for _, ms in _entities(record).values() for _, rule in ms)
