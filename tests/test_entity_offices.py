"""A capitalised title written with whose office it is ('the Secretary of the Treasury') names the office's holder,
a person, when the article gives no name (kg.extract.phrases)."""

from __future__ import annotations


def _names(record):
    return {e.name: e for e in record.entities}


def test_an_office_with_whose_it_is_names_its_holder(extract_text):
    r = extract_text(
        "The tariffs will be set by the Secretary of the Interior, in consultation with the Secretary of Labor. "
        "She has also spoken with the King of Norway."
    )
    names = _names(r)
    assert {"Secretary of the Interior", "Secretary of Labor", "King of Norway"} <= set(names)
    assert all(names[n].type == "Person" for n in ("Secretary of the Interior", "Secretary of Labor"))


def test_the_portfolio_in_an_office_is_no_body(extract_text):
    r = extract_text("The Secretary of the Interior will review the ban, in consultation with the Secretary of Labor.")
    assert not {"Interior", "Labor"} & set(_names(r))


def test_two_offices_of_one_title_noun_stay_two_persons(extract_text):
    r = extract_text("The Secretary of Labor met farmers. Later the Secretary of the Interior met miners.")
    people = [e.name for e in r.entities if e.type == "Person"]
    assert "Secretary of Labor" in people and "Secretary of the Interior" in people


def test_an_office_written_with_and_without_the_is_one_office(extract_text):
    r = extract_text("The Secretary of the Interior will act. The Secretary of Interior will also report to Congress.")
    assert len([e for e in r.entities if e.type == "Person" and "Interior" in e.name]) == 1


def test_an_office_held_as_a_post_is_no_other_person(extract_text):
    r = extract_text("Jonas Brandt served as the Director of the Office of Rural Affairs until 2019.")
    assert not any(e.type == "Person" and e.name.startswith("Director") for e in r.entities)


def test_a_site_named_after_an_office_is_no_person(extract_text):
    r = extract_text("They planted a tree at the Residence of the Governor of Ohio on Monday.")
    assert not any(e.type == "Person" and "Governor" in e.name for e in r.entities)


def test_an_office_with_a_name_after_it_is_that_persons_title(extract_text):
    r = extract_text("The Secretary of State Antony Blinken met the Secretary of State of Moldova.")
    assert "Antony Blinken" in _names(r)
    assert "Secretary of State Antony Blinken" not in _names(r)


def test_the_last_word_of_an_office_is_no_surname(extract_text):
    r = extract_text(
        "The minister met the Secretary of State and partners on Monday. Later she joined Secretary of State "
        "Antony Blinken in Paris."
    )
    assert "State" not in _names(r)


def test_a_letters_salutation_addresses_the_holders_of_offices(extract_text):
    r = extract_text(
        "Dear Mr. Speaker: (Dear Madam President:)\n\nI hereby report that I have ordered new sanctions against Russia."
    )
    people = {e.name for e in r.entities if e.type == "Person"}
    assert {"Mr. Speaker", "Madam President"} <= people


def test_a_salutation_to_a_named_person_keeps_the_name(extract_text):
    r = extract_text("Dear Mr. Hollis,\n\nRussia has attacked Ukraine again.")
    assert "Mr. Hollis" not in {e.name for e in r.entities}


def test_a_definite_title_joins_the_holder_named_with_the_title_and_its_state(extract_text):
    r = extract_text(
        "First Deputy Minister of Foreign Affairs of Norway Ingrid Halvorsen spoke on Monday. "
        '"The blockade must end," the Deputy Minister of Foreign Affairs said.'
    )
    people = [e for e in r.entities if e.type == "Person"]
    assert [e.name for e in people] == ["Ingrid Halvorsen"]


def test_a_section_number_is_no_name(extract_text):
    record = extract_text("Sec. 2. The prohibition applies to aliens admitted by the Secretary of State. Sec. 3. Done.")
    assert "Sec" not in {e.name for e in record.entities}


def test_a_title_goes_on_through_what_its_office_is_for(extract_text):
    record = extract_text(
        "The UN’s Special Representative on Sexual Violence in Conflict said in 2022 that Russia used rape as a "
        "weapon. The Minister for Foreign Affairs of Ireland condemned the attack. The President on Monday said "
        "talks would resume."
    )
    names = {e.name: e.type for e in record.entities}
    assert names.get("UN’s Special Representative on Sexual Violence in Conflict") == "Person"
    assert names.get("Minister for Foreign Affairs of Ireland") == "Person"
    assert not any("Monday" in name for name in names)


def test_an_office_of_a_body_named_in_two_words_keeps_both(extract_text):
    record = extract_text("The Secretary of Homeland Security shall issue rules for the admission of aliens.")
    names = {e.name: e.type for e in record.entities}
    assert names.get("Secretary of Homeland Security") == "Person"
    assert "Homeland Security" not in names and "Secretary of Homeland" not in names
