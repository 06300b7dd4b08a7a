"""A definite title that names an office the article gave one named person joins that person (texts written for
these tests)."""

from __future__ import annotations


def _mentions(record) -> dict[str, set[str]]:
    return {e.name: {m.text for m in e.mentions} for e in record.entities}


def test_the_minister_joins_the_one_person_named_with_a_minister_title(extract_text):
    record = extract_text(
        "Belarusian Minister of Foreign Affairs Ivan Petrov opened the meeting on Monday. "
        "The minister accused Lithuania of provocations."
    )
    found = _mentions(record)
    assert "The minister" in found["Ivan Petrov"]
    assert not any(e.type == "Person" and e.name.lower() == "minister" for e in record.entities)


def test_a_lesser_office_is_not_the_office(extract_text):
    record = extract_text("Deputy Minister Karl Berg spoke in Vilnius. The minister accused Russia of lying.")
    assert "The minister" not in _mentions(record).get("Karl Berg", set())


def test_the_head_of_state_is_the_president_not_the_prime_minister_named_after_him(extract_text):
    record = extract_text(
        "Georgian President Ana Rusu met Armenian Prime Minister Levon Ter in Tbilisi on Monday. "
        "The head of state condemned the attack."
    )
    found = _mentions(record)
    assert "The head of state" in found["Ana Rusu"]
    assert "The head of state" not in found["Levon Ter"]


def test_a_title_written_in_an_apposition_is_the_persons_office(extract_text):
    record = extract_text(
        "Olaf Berg, the Chancellor of Austria, arrived in Kyiv on Monday. "
        "The head of the Austrian government promised more aid to Ukraine."
    )
    assert "The head of the Austrian government" in _mentions(record)["Olaf Berg"]


def test_a_capitalised_title_the_speaker_joins_the_holder_named_in_an_apposition(extract_text):
    record = extract_text(
        "Olaf Berg, the Chancellor of Austria, arrived in Kyiv on Monday. "
        '"We will not leave Ukraine alone," the Austrian Chancellor said.'
    )
    assert "Austrian Chancellor" in _mentions(record)["Olaf Berg"]
    assert not any(e.type == "Person" and "chancellor" in e.name.lower() for e in record.entities)


def test_a_state_leader_title_joins_the_one_untitled_person_of_that_state(extract_text):
    record = extract_text(
        "Emmanuel Macron arrived in Warsaw on Tuesday for talks on energy. "
        "The French President said Europe must stay united."
    )
    assert "French President" in _mentions(record)["Emmanuel Macron"]
    assert not any(e.type == "Person" and "president" in e.name.lower() for e in record.entities)


def test_a_state_leader_title_joins_nobody_when_two_untitled_persons_of_that_state_are_named(extract_text):
    record = extract_text(
        "Emmanuel Macron and Jean-Yves Le Drian arrived in Warsaw on Tuesday for talks on energy. "
        "The French President said Europe must stay united."
    )
    found = _mentions(record)
    assert "French President" not in found["Emmanuel Macron"] | found["Jean-Yves Le Drian"]


def test_a_lesser_state_office_does_not_join_the_untitled_leader(extract_text):
    record = extract_text(
        "Emmanuel Macron arrived in Warsaw on Tuesday for talks on energy. "
        "The French Foreign Minister said Europe must stay united."
    )
    assert _mentions(record)["Emmanuel Macron"] == {"Emmanuel Macron"}


def test_the_minister_tagged_as_a_proper_noun_after_a_quote_joins_the_holder(extract_text):
    # spaCy tags a lower-case 'minister' after a quotation as a proper noun
    record = extract_text(
        'Foreign Minister Ivan Petrov opened the briefing. "We will talk about it now," the minister joked.'
    )
    assert "the minister" in _mentions(record)["Ivan Petrov"]
    assert not any(e.type == "Person" and e.name.lower() == "minister" for e in record.entities)


def test_a_former_state_office_joins_the_person_named_before_it(extract_text):
    record = extract_text(
        "Vladimir Putin met officials in Moscow. In an interview, Jan Kowalczyk said Putin had long wanted Ukraine. "
        "The former Polish leader said Kowalczyk had warned allies in 2004."
    )
    found = _mentions(record)
    assert "The former Polish leader" in found["Jan Kowalczyk"]
    assert "The former Polish leader" not in found["Vladimir Putin"]


def test_a_former_office_without_a_state_stays_apart(extract_text):
    record = extract_text("Jan Kowalczyk met Anna Nowak on Monday. The former president said talks had failed.")
    found = _mentions(record)
    assert "The former president" not in found.get("Jan Kowalczyk", set())
    assert "The former president" not in found.get("Anna Nowak", set())


def test_a_former_office_of_a_body_does_not_join_the_states_leader(extract_text):
    record = extract_text(
        "Rishi Sunak visited troops. The former head of Britain's Joint Forces Command warned of a serious risk."
    )
    assert "The former head of Britain's Joint Forces Command" not in _mentions(record)["Rishi Sunak"]
