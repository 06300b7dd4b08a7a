"""Time expressions placed against the article date: kg.extract.timex.normalise_time."""

from __future__ import annotations

import calendar
import doctest
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract import timex
from kg.extract.timex import normalise_time
from kg.graph.records import TimeValue

WEDNESDAY = "2024-03-13"  # a Wednesday in March of a leap year
AUTUMN = "2022-10-05"
MIDWINTER = "2024-01-20"


def placed(text: str, anchor: str | None = WEDNESDAY, *, future: bool = False) -> tuple:
    value = normalise_time(text, anchor, future=future)
    assert value is not None, text
    return value.start, value.end, value.granularity


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("today", "2024-03-13"),
        ("Today", "2024-03-13"),
        ("this morning", "2024-03-13"),
        ("yesterday", "2024-03-12"),
        ("yesterday afternoon", "2024-03-12"),
        ("last night", "2024-03-12"),
        ("tomorrow", "2024-03-14"),
    ],
)
def test_today_yesterday_tomorrow(text, start):
    assert placed(text) == (start, start, "day")


@pytest.mark.parametrize(
    ("text", "future", "start"),
    [
        ("on Wednesday", False, "2024-03-13"),  # the anchor's own weekday is the anchor
        ("on Wednesday", True, "2024-03-13"),
        ("on Monday", False, "2024-03-11"),
        ("On Friday", False, "2024-03-08"),
        ("on Friday", True, "2024-03-15"),
        ("on Monday", True, "2024-03-18"),
        ("Tuesday night", False, "2024-03-12"),
        ("last Friday", False, "2024-03-08"),
        ("next Monday", False, "2024-03-18"),
        ("this Friday", False, "2024-03-15"),  # the Friday of the anchor's week
        ("late on Tuesday", False, "2024-03-12"),
        ("Wednesday, February 28", False, "2024-02-28"),
    ],
)
def test_weekdays_look_back_unless_the_clause_is_future(text, future, start):
    assert placed(text, future=future) == (start, start, "day")


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("this week", "2024-03-11", "2024-03-17", "week"),
        ("last week", "2024-03-04", "2024-03-10", "week"),
        ("next week", "2024-03-18", "2024-03-24", "week"),
        ("this month", "2024-03", "2024-03", "month"),
        ("last month", "2024-02", "2024-02", "month"),
        ("next month", "2024-04", "2024-04", "month"),
        ("this year", "2024", "2024", "year"),
        ("last year", "2023", "2023", "year"),
        ("next year", "2025", "2025", "year"),
    ],
)
def test_this_last_next_calendar_units(text, start, end, granularity):
    assert placed(text) == (start, end, granularity)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in recent days", "2024-03-06", "2024-03-13"),
        ("in the past few days", "2024-03-06", "2024-03-13"),
        ("recent weeks", "2024-02-21", "2024-03-13"),
        ("in recent months", "2023-12-13", "2024-03-13"),
        ("the past two weeks", "2024-02-28", "2024-03-13"),
        ("over the last 24 hours", "2024-03-12", "2024-03-13"),
        ("in the coming days", "2024-03-13", "2024-03-20"),
        ("in the coming weeks", "2024-03-13", "2024-04-03"),
        ("the coming months", "2024-03-13", "2024-06-13"),
        ("within the next 10 days", "2024-03-13", "2024-03-23"),
        ("this past week", "2024-03-06", "2024-03-13"),
        ("this coming week", "2024-03-13", "2024-03-20"),
    ],
)
def test_recent_and_coming_stretches_end_or_start_at_the_anchor(text, start, end):
    assert placed(text) == (start, end, "interval")


@pytest.mark.parametrize(
    ("text", "future", "start"),
    [
        ("since April", False, "2023-04"),
        ("since April", True, "2023-04"),  # "since" looks back whatever the tense
        ("since January", False, "2024-01"),
        ("since February 2022", False, "2022-02"),
        ("since 2014", False, "2014"),
        ("ever since last summer", False, "2023-06"),
    ],
)
def test_since_runs_to_the_anchor(text, future, start):
    assert placed(text, future=future) == (start, WEDNESDAY, "interval")


def test_since_an_absolute_time_without_an_anchor_is_open_ended():
    assert placed("since 2014", None) == ("2014", None, "interval")


@pytest.mark.parametrize(
    ("text", "future", "start"),
    [
        ("in June", False, "2023-06"),  # after the anchor's month, told in the past: last year's
        ("in June", True, "2024-06"),
        ("in February", False, "2024-02"),
        ("in February", True, "2025-02"),  # already past, planned: next year's
        ("in March", False, "2024-03"),
        ("in March", True, "2024-03"),
        ("last June", False, "2023-06"),
        ("next June", False, "2024-06"),
        ("February 2022", False, "2022-02"),
        ("in May of 2021", False, "2021-05"),
    ],
)
def test_month_names(text, future, start):
    assert placed(text, future=future) == (start, start, "month")


@pytest.mark.parametrize(
    ("text", "future", "start"),
    [
        ("24 February 2022", False, "2022-02-24"),
        ("February 24, 2022", False, "2022-02-24"),
        ("Feb. 24, 2022", False, "2022-02-24"),
        ("the 3rd of May 2021", False, "2021-05-03"),
        ("2022-02-24", False, "2022-02-24"),
        ("Feb. 24", False, "2024-02-24"),
        ("Feb. 29", False, "2024-02-29"),
        ("Sept. 5", False, "2023-09-05"),
        ("Sept. 5", True, "2024-09-05"),
        ("Feb. 24", True, "2025-02-24"),
    ],
)
def test_full_dates(text, future, start):
    assert placed(text, future=future) == (start, start, "day")


@pytest.mark.parametrize(("text", "year"), [("2023", "2023"), ("in 2025", "2025"), ("the year 1999", "1999")])
def test_bare_years(text, year):
    assert placed(text) == (year, year, "year")


@pytest.mark.parametrize(
    ("text", "anchor", "future", "start", "end"),
    [
        ("next winter", AUTUMN, False, "2022-12", "2023-02"),
        ("this winter", AUTUMN, False, "2022-12", "2023-02"),
        ("last winter", AUTUMN, False, "2021-12", "2022-02"),
        ("winter", AUTUMN, False, "2021-12", "2022-02"),
        ("winter", AUTUMN, True, "2022-12", "2023-02"),
        ("this summer", AUTUMN, False, "2022-06", "2022-08"),
        ("next spring", AUTUMN, False, "2023-03", "2023-05"),
        ("in the autumn", AUTUMN, False, "2022-09", "2022-11"),
        ("last fall", AUTUMN, False, "2021-09", "2021-11"),
        ("this winter", MIDWINTER, False, "2023-12", "2024-02"),
        ("winter", MIDWINTER, False, "2023-12", "2024-02"),
        ("next winter", MIDWINTER, False, "2024-12", "2025-02"),
        ("last winter", MIDWINTER, False, "2022-12", "2023-02"),
        ("this past winter", MIDWINTER, False, "2023-12", "2024-02"),  # the latest begun, not the latest over
        ("the past summer", AUTUMN, False, "2022-06", "2022-08"),
        ("summer 2023", None, False, "2023-06", "2023-08"),
        ("the winter of 2022-23", None, False, "2022-12", "2023-02"),
    ],
)
def test_seasons(text, anchor, future, start, end):
    assert placed(text, anchor, future=future) == (start, end, "season")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("early March", "2024-03-01", "2024-03-10"),
        ("mid-March", "2024-03-11", "2024-03-20"),
        ("late March", "2024-03-21", "2024-03-31"),
        ("the end of March", "2024-03-21", "2024-03-31"),
        ("the beginning of 2023", "2023-01", "2023-04"),
        ("mid-2023", "2023-05", "2023-08"),
        ("late 2022", "2022-09", "2022-12"),
        ("by the end of the year", "2024-09", "2024-12"),
        ("early next month", "2024-04-01", "2024-04-10"),
        ("late this week", "2024-03-15", "2024-03-17"),
        ("early next winter", "2024-12", "2024-12"),
        ("the early 1990s", "1990", "1992"),
    ],
)
def test_early_mid_late_take_a_third(text, start, end):
    assert placed(text) == (start, end, "interval")


@pytest.mark.parametrize(
    ("text", "future", "start", "end"),
    [
        ("this weekend", False, "2024-03-16", "2024-03-17"),
        ("over the weekend", False, "2024-03-09", "2024-03-10"),
        ("at the weekend", True, "2024-03-16", "2024-03-17"),
        ("last weekend", False, "2024-03-09", "2024-03-10"),
        ("next weekend", False, "2024-03-16", "2024-03-17"),
    ],
)
def test_weekends(text, future, start, end):
    assert placed(text, future=future) == (start, end, "interval")


@pytest.mark.parametrize(("text", "start", "end"), [("the 1990s", "1990", "1999"), ("in the 2010s", "2010", "2019")])
def test_decades(text, start, end):
    assert placed(text, None) == (start, end, "interval")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three days ago", ("2024-03-10", "2024-03-10", "day")),
        ("two weeks ago", ("2024-02-26", "2024-03-03", "week")),
        ("a month ago", ("2024-02", "2024-02", "month")),
        ("a year ago", ("2023", "2023", "year")),
        ("a few days ago", ("2024-03-06", "2024-03-13", "interval")),
        ("earlier this month", ("2024-03-01", "2024-03-13", "interval")),
        ("later this year", ("2024-03-13", "2024-12-31", "interval")),
    ],
)
def test_ago_and_earlier_later(text, expected):
    assert placed(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("from March to May", "2024-03", "2024-05"),
        ("between 2014 and 2022", "2014", "2022"),
        ("2014-2022", "2014", "2022"),
        ("from mid-2022 to early 2023", "2022-05", "2023-04"),
        ("from October to February", "2023-10", "2024-02"),  # the second part follows the first
    ],
)
def test_ranges(text, start, end):
    assert placed(text) == (start, end, "interval")


@pytest.mark.parametrize(
    "text",
    [
        "on Friday",
        "next winter",
        "last week",
        "winter",
        "Feb. 24",
        "in June",
        "in recent days",
        "today",
        "two weeks ago",
        "over the weekend",
        "since April",
        "early March",
    ],
)
def test_relative_times_without_an_anchor_stay_unplaced(text):
    assert normalise_time(text, None) == TimeValue(text, None, None, "unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 2022", ("2022-02", "2022-02", "month")),
        ("24 February 2022", ("2022-02-24", "2022-02-24", "day")),
        ("2023", ("2023", "2023", "year")),
        ("late 2022", ("2022-09", "2022-12", "interval")),
    ],
)
def test_absolute_times_resolve_without_an_anchor(text, expected):
    assert placed(text, None) == expected


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("the coming period", WEDNESDAY),
        ("since the war began", WEDNESDAY),
        ("for two years", WEDNESDAY),
        ("10 a.m.", WEDNESDAY),
        ("Feb. 30", WEDNESDAY),  # no such day
        ("2024 to 2014", WEDNESDAY),  # a range that runs backwards
        ("yesterday", "not a date"),
        ("yesterday", "2023-02-30"),
        ("last year", "0001-06-01"),  # a year the calendar cannot hold
    ],
)
def test_temporal_text_that_cannot_be_placed_is_unknown(text, anchor):
    assert normalise_time(text, anchor) == TimeValue(text, None, None, "unknown")


@pytest.mark.parametrize("text", ["two", "at any moment", "troops", "", "   ", "next", "the army"])
def test_non_temporal_text_is_none(text):
    assert normalise_time(text, WEDNESDAY) is None


def test_text_is_the_input_stripped():
    assert normalise_time("  on Friday \n", WEDNESDAY).text == "on Friday"


def test_docstring_examples_run():
    assert doctest.testmod(timex).failed == 0


WELL_FORMED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
GRANULARITIES = {"day", "week", "month", "season", "year", "interval", "unknown"}
TIME_WORDS = [
    "on",
    "in",
    "since",
    "the",
    "last",
    "next",
    "this",
    "early",
    "mid",
    "late",
    "end",
    "of",
    "to",
    "-",
    "and",
    "between",
    "from",
    "past",
    "coming",
    "recent",
    "few",
    "two",
    "24",
    "ago",
    "days",
    "week",
    "month",
    "year",
    "weekend",
    "winter",
    "spring",
    "friday",
    "june",
    "feb.",
    "29",
    "2022",
    "1990s",
    "today",
    "yesterday",
]


def first_day(value: str) -> str:
    return value if len(value) == 10 else f"{value}-01-01"[:10]


def last_day(value: str) -> str:
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def check_well_formed(value: TimeValue | None) -> None:
    if value is None:
        return
    assert value.granularity in GRANULARITIES
    for end in (value.start, value.end):
        assert end is None or WELL_FORMED.fullmatch(end), value
    if value.start and value.end:
        assert first_day(value.start) <= last_day(value.end), value


anchors = st.one_of(st.none(), st.dates().map(str), st.text(max_size=12))


@given(st.text(), anchors, st.booleans())
def test_any_text_and_anchor_never_raises_and_ends_are_ordered(text, anchor, future):
    check_well_formed(normalise_time(text, anchor, future=future))


@given(st.lists(st.sampled_from(TIME_WORDS), min_size=1, max_size=6).map(" ".join), anchors, st.booleans())
def test_phrases_of_time_words_never_raise_and_ends_are_ordered(text, anchor, future):
    check_well_formed(normalise_time(text, anchor, future=future))


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("nearly 4 months ago", "2022-02", "2022-02"),
        ("more than a week ago", "2022-06-13", "2022-06-19"),
        ("for more than two years now", "2020-06-23", "2022-06-23"),
        ("over the past year alone", "2021-06-23", "2022-06-23"),
    ],
)
def test_hedged_counts_and_stressed_stretches(text, start, end):
    time = normalise_time(text, "2022-06-23")
    assert (time.start, time.end) == (start, end)


def test_a_range_of_days_in_one_month():
    time = normalise_time("on March 19 and 20", "2022-03-25")
    assert (time.start, time.end) == ("2022-03-19", "2022-03-20")


def test_this_weekend_in_the_past_tense_is_the_last_one():
    assert normalise_time("this weekend", "2023-06-26", past=True).start == "2023-06-24"
    assert normalise_time("this weekend", "2023-06-26").start == "2023-07-01"


def test_overnight_is_the_night_before_the_report():
    assert placed("overnight") == ("2024-03-12", "2024-03-13", "interval")
    assert normalise_time("overnight", None) == TimeValue("overnight", None, None, "unknown")
