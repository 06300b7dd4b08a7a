"""Amounts read out of noun phrases: kg.extract.quantities.parse_quantity and parse_number."""

from __future__ import annotations

import doctest
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract import quantities
from kg.extract.quantities import parse_number, parse_quantity
from kg.graph.records import Quantity


def amount(text: str, *, head: str | None = None) -> tuple:
    q = parse_quantity(text, head=head)
    assert q is not None, text
    return q.value, q.unit, q.approximate, q.qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$30 million", 30e6, "USD"),
        ("US$4bn", 4e9, "USD"),
        ("75 million dollars", 75e6, "USD"),
        ("USD 12 million", 12e6, "USD"),
        ("€80m", 80e6, "EUR"),
        ("2.5 billion euros", 2.5e9, "EUR"),
        ("£3.2bn", 3.2e9, "GBP"),
        ("40 million pounds", 40e6, "GBP"),
        ("600 million hryvnias", 600e6, "UAH"),
        ("₴1.2bn", 1.2e9, "UAH"),
        ("90 billion roubles", 90e9, "RUB"),
        ("15 billion rubles", 15e9, "RUB"),
        ("$1 trillion", 1e12, "USD"),
        ("$250k", 250e3, "USD"),
    ],
)
def test_money_units_become_currency_codes(text, value, unit):
    assert amount(text)[:2] == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("4,500 troops", 4500, "troops"),
        ("800 soldiers", 800, "troops"),
        ("one soldier", 1, "troops"),
        ("2,000 military personnel", 2000, "troops"),
        ("300 servicemen", 300, "troops"),
        ("5,000 US service members", 5000, "troops"),
        ("a 25,000-strong force", 25000, "troops"),
        ("20,000-troop", 20000, "troops"),
        ("1,200 people", 1200, "people"),
        ("eight civilians", 8, "civilians"),
        ("3 million refugees", 3e6, "refugees"),
        ("400 casualties", 400, "casualties"),
        ("90 prisoners of war", 90, "prisoners"),
        ("31 Abrams tanks", 31, "tanks"),
        ("one tank", 1, "tanks"),
        ("50 cruise missiles", 50, "missiles"),
        ("a dozen drones", 12, "drones"),
        ("six aircraft", 6, "aircraft"),
        ("24 artillery pieces", 24, "artillery"),
        ("150 armoured vehicles", 150, "vehicles"),
        ("a million 155mm shells", 1e6, "shells"),
        ("10,000 rounds of ammunition", 10000, "rounds"),
        ("40 armoured personnel carriers", 40, "carriers"),  # an unknown head noun stays as written
        ("12 Patriot batteries", 12, "batteries"),
    ],
)
def test_people_and_materiel_units(text, value, unit):
    assert amount(text)[:2] == (value, unit)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("over 3,000 troops", "over"),
        ("more than 3,000 troops", "more than"),
        ("well over 3,000 troops", "well over"),
        ("nearly 3,000 troops", "nearly"),
        ("almost 3,000 troops", "almost"),
        ("about 3,000 troops", "about"),
        ("around 3,000 troops", "around"),
        ("approximately 3,000 troops", "approximately"),
        ("roughly 3,000 troops", "roughly"),
        ("some 3,000 troops", "some"),
        ("up to 3,000 troops", "up to"),
        ("at least 3,000 troops", "at least"),
        ("at most 3,000 troops", "at most"),
        ("fewer than 3,000 troops", "fewer than"),
        ("less than 3,000 troops", "less than"),
        ("an estimated 3,000 troops", "an estimated"),
        ("3,000 or more troops", "or more"),
    ],
)
def test_approximate_cues_keep_their_qualifier(text, qualifier):
    assert amount(text) == (3000, "troops", True, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("thousands more troops", 1000, "troops", "thousands"),
        ("hundreds of civilians", 100, "civilians", "hundreds"),
        ("dozens of drones", 12, "drones", "dozens"),
        ("tens of thousands of soldiers", 10000, "troops", "tens of thousands"),
        ("hundreds of thousands of people", 100000, "people", "hundreds of thousands"),
        ("millions of dollars", 1e6, "USD", "millions"),
        ("several thousand refugees", 1000, "refugees", "several"),
        ("a few hundred soldiers", 100, "troops", "a few"),
    ],
)
def test_vague_amounts_take_their_round_value(text, value, unit, qualifier):
    assert amount(text) == (value, unit, True, qualifier)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seven", 7),
        ("twenty", 20),
        ("thirty-five", 35),
        ("ninety nine", 99),
        ("a hundred", 100),
        ("three hundred", 300),
        ("two hundred and fifty thousand", 250000),
        ("four thousand", 4000),
        ("six million", 6e6),
        ("two billion", 2e9),
        ("half a million", 500000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("12,500", 12500),
        ("1,000,000", 1e6),
        ("2.75", 2.75),
        ("1.5 million", 1.5e6),
        ("3bn", 3e9),
        ("40m", 40e6),
        ("15k", 15000),
    ],
)
def test_numbers_in_words_digits_and_multipliers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["troops", "", "a", "half", "two three", "million", "first", "12 troops"])
def test_parse_number_needs_exactly_one_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "head", "unit"),
    [
        ("10,000", "troops", "troops"),
        ("5,000", "soldiers", "troops"),
        ("7,000 more", "servicemen", "troops"),
        ("10,000 Russian", "troops", "troops"),  # a known head beats a stray adjective
        ("300", "Howitzers", "howitzers"),
        ("$5 million", "troops", "USD"),  # the currency symbol is the unit
        ("40 tanks", "vehicles", "tanks"),  # a known unit in the text beats the head
    ],
)
def test_head_noun_supplies_a_missing_unit(text, head, unit):
    assert parse_quantity(text, head=head).unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a further $205 million", (205e6, "USD", False, None)),
        ("another 2,000 troops", (2000, "troops", False, None)),
        ("an additional €1bn", (1e9, "EUR", False, None)),
        ("Russia's 60,000 troops", (60000, "troops", False, None)),
    ],
)
def test_further_and_another_are_not_approximate(text, expected):
    assert amount(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15%", (15, "percent", False, None)),
        ("about 40 percent", (40, "percent", True, "about")),
        ("2.5 per cent", (2.5, "percent", False, None)),
    ],
)
def test_percentages(text, expected):
    assert amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "troops",
        "",
        "  ",
        "2022",
        "in 2023",
        "the 1990s",
        "third",
        "the 4th brigade",
        "a soldier",
        "several tanks",
        "many people",
        "155mm shells",
    ],
)
def test_no_number_or_not_an_amount_is_none(text):
    assert parse_quantity(text) is None


def test_a_year_is_not_an_amount_even_with_a_head():
    assert parse_quantity("2022", head="troops") is None


def test_a_bare_number_without_a_unit_keeps_its_value():
    assert parse_quantity("12,000") == Quantity(12000, "", False, None, "12,000")


def test_text_is_the_input_stripped():
    assert parse_quantity("  about 300 tanks ").text == "about 300 tanks"


def test_docstring_examples_run():
    assert doctest.testmod(quantities).failed == 0


@given(st.text(), st.one_of(st.none(), st.text()))
def test_any_text_never_raises(text, head):
    q = parse_quantity(text, head=head)
    assert q is None or (math.isfinite(q.value) and q.value >= 0 and isinstance(q.unit, str))


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["troops", "drones", "people"]))
def test_any_count_written_with_separators_reads_back(n, unit):
    assert parse_quantity(f"{n:,} {unit}") == Quantity(n, unit, False, None, f"{n:,} {unit}")


def _quantity_of(record, trigger: str):
    found = [e for e in record.events if e.trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.trigger.text for e in record.events]}"
    return found[0].quantity


def test_an_event_counts_what_its_own_phrases_state(extract_text):
    record = extract_text("Russian forces killed 12 civilians who were sheltering in a school.")
    assert _quantity_of(record, "killed").value == 12


def test_a_number_inside_a_clause_on_a_participant_is_not_the_events_count(extract_text):
    text = "The Zembian weightlifter Jaan Tamm, who finished fourth in the 85kg category, was killed by Russian forces."
    assert _quantity_of(extract_text(text), "killed") is None
