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
