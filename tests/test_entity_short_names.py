"""Short names of bodies the article has named in full, documents named after a body, adjectives the tagger read as
names: on short texts written for these tests."""

from __future__ import annotations


def entities(record):
    return {e.name: {m.text for m in e.mentions} for e in record.entities}


def test_alliance_and_atlantic_alliance_are_nato(extract_text):
    record = extract_text(
        "NATO ministers met in Oslo on Monday. The Alliance said the drills would go ahead. "
        "The largest drills of the Atlantic Alliance began in March."
    )
    found = entities(record)
    assert {"Alliance", "the Atlantic Alliance"} <= found["NATO"]
    assert "Alliance" not in found and "Atlantic Alliance" not in found


def test_alliance_with_two_alliances_named_joins_neither(extract_text):
    record = extract_text(
        "The North Atlantic Alliance and the Pacific Island Alliance met in Oslo. The Alliance said talks went well."
    )
    assert "Alliance" not in entities(record).get("NATO", set())


def test_house_after_the_house_of_representatives(extract_text):
    record = extract_text(
        "The House of Representatives approved the aid bill. The package approved by the House includes loans. "
        "The White House welcomed the vote."
    )
    found = entities(record)
    house = next(names for name, names in found.items() if "House of Representatives" in names)
    assert "House" in house
    assert "House" not in found.get("White House", set())


def test_document_named_after_a_body_is_no_mention_of_it(extract_text):
    record = extract_text("Kenya voted to defend the United Nations Charter and condemned the annexation.")
    assert "United Nations" not in entities(record)


def test_adjectives_read_as_names_are_no_entities(extract_text):
    record = extract_text(
        "Moldova moves forward on the path of Euro-Atlantic integration. Allied soldiers landed in France."
    )
    found = entities(record)
    assert "Euro-Atlantic" not in found and "Allied" not in found


def test_congressional_is_the_congress(extract_text):
    record = extract_text("He stressed the need for immediate Congressional action to fund the aid.")
    assert "Congressional" in entities(record)["United States Congress"]


def test_nazi_germany_is_not_germany(extract_text):
    record = extract_text("The landings drove out the forces of Nazi Germany, the minister said in Berlin.")
    found = entities(record)
    assert "Nazi Germany" in found
    assert "Germany" not in found


def test_signature_in_capitals_names_the_signer(extract_text):
    record = extract_text("The national emergency declared in 2007 must continue in effect.\n\nJOSEPH R. BIDEN JR.")
    assert "Joe Biden" in entities(record)


def test_capitals_line_of_an_unknown_name_is_still_debris(extract_text):
    record = extract_text("The national emergency must continue in effect.\n\nJOHN Q. PUBLIC")
    assert not any(e.type == "Person" for e in record.entities)


def test_body_named_after_its_leader_is_no_mention_of_him(extract_text):
    record = extract_text("The senator criticised the Biden administration's handling of the war.")
    found = entities(record)
    assert "Biden administration" in found
    assert "Joe Biden" not in found


def test_site_named_after_a_person_is_no_mention_of_him(extract_text):
    record = extract_text("The delegation flew from George Bush Intercontinental Airport to Warsaw on Monday.")
    assert "George Bush" not in entities(record)


def test_capital_whose_parts_are_meant_is_the_city(extract_text):
    record = extract_text(
        "Israel struck the densely populated areas of Beirut on Monday. Beirut said it would respond."
    )
    found = {e.name: e.type for e in record.entities}
    assert found.get("Beirut") == "Place"
    assert found.get("Lebanon") == "Country"


def test_bare_head_the_tagger_took_for_a_person_joins_its_body(extract_text):
    record = extract_text(
        "Finance ministers attended the meeting of the Donor Coordination Platform in Brussels on Monday. "
        "The Platform is the main forum for donors to Ukraine, officials said."
    )
    found = entities(record)
    assert "Platform" in found["Donor Coordination Platform"]
    assert "Platform" not in found


def test_first_words_of_a_body_cut_into_two_names_are_the_body(extract_text):
    record = extract_text(
        "Belarusian volunteers of the Kastus Kalinouski Regiment fought near Bakhmut. More than 300 soldiers have "
        "joined the Kastus Kalinouski ranks since March, Prokhorov said."
    )
    found = entities(record)
    assert {"Kastus", "Kalinouski"} <= found["Kastus Kalinouski Regiment"]
    assert "Kastus" not in found and "Kalinouski" not in found
