"""Place time expressions on the calendar, against the article's publication date.

spaCy marks DATE and TIME entities ("on Wednesday", "next winter", "since April"); :func:`normalise_time`
turns their text into a :class:`~kg.graph.records.TimeValue` whose ``start`` and ``end`` are written ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD``, as finely as the text is precise. Relative expressions are placed against the
anchor; without one they stay unplaced (granularity "unknown"), because a guessed date is worse than none.

The rules are our own, on the standard library: dateparser returns nothing for seasons, "early/late X",
"since April" and weekends, and resolves "in March" to a day rather than the month.

>>> normalise_time("next winter", "2022-10-05")
TimeValue(text='next winter', start='2022-12', end='2023-02', granularity='season')
>>> normalise_time("next winter", None)
TimeValue(text='next winter', start=None, end=None, granularity='unknown')
>>> normalise_time("two", "2022-10-05") is None
True
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.quantities import parse_number
from kg.graph.records import TimeValue

__all__ = ["normalise_time", "shift_time"]

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
# The first month of each season, northern hemisphere.
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_UNIT = r"(?P<unit>hour|day|week|month|year|decade)s?"
_CALENDAR_UNIT = r"(?P<unit>week|month|year|decade)"
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(_WEEKDAYS) + ")"
_DAY_PART = r"(?: (?:morning|afternoon|evening|night))?"  # "Wednesday night" is still Wednesday
_YEAR = r"(?P<year>[12]\d{3})"
_REL = r"(?:(?P<rel>this|last|next|past|coming|previous|current) )?"
# How far "recent days", "the coming weeks" or "a few months ago" reach, in the unit named.
_RECENT = {"hour": 24, "day": 7, "week": 3, "month": 3, "year": 3, "decade": 1}
_DIRECTION = {"last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next"}

# Leading words that do not change the time meant: "on Wednesday", "over the weekend", "ever since".
_PREPOSITIONS = re.compile(
    r"^(?:on|in|at|during|by|over|throughout|for|within|from|until|till|through|around|about|circa|as of"
    r"|ever|so far|the|of)\s+"
)
# Words that blur a count without moving it: "nearly 4 months ago", "for more than two years now".
_HEDGE = re.compile(
    r"^(?:nearly|almost|about|around|some|roughly|approximately|more than|over|less than|under|just|only"
    r"|at least) "
)
# Trailing words that stress a time without changing it: "over the past year alone".
_STRESS = re.compile(r" (?:alone|so far|or so)$")
# "this Friday", "this weekend": told in the past tense, the last one begun by the anchor (a Monday's "shocked
# the world this weekend" is the weekend just gone), as a bare "Friday" is.
_THIS_IN_WEEK = re.compile(r"\b(?:this|current) (?=weekend|" + "|".join(_WEEKDAYS) + ")")
_THIS_BEFORE_DIRECTION = re.compile(r"^this (?=past |coming )")
_RANGE_SEPARATOR = re.compile(r" (?:to|until|till|through|and) | ?- ?")
_TEMPORAL = re.compile(
    r"\b(?:day|week|weekend|fortnight|month|year|decade|century|season|quarter|hour|minute|morning|afternoon"
    r"|evening|night|tonight|overnight|today|yesterday|tomorrow|now|currently|present|recent|recently|lately"
    r"|soon|shortly|later|earlier|future|past|period|time|date|era|ago|since|anniversary|"
    + "|".join([*_MONTHS, *_WEEKDAYS, *_SEASONS])
    + r")s?\b|\b[12]\d{3}s?\b|\b\d{1,2}(?::\d{2}| ?[ap]m)\b"
)
# NER dates are a few words; a longer "expression" is a parse gone astray, not worth the work.
_MAX_LENGTH = 100


@dataclass(frozen=True)
class _Period:
    """The days a time expression covers, and how finely its ends are written (day, month or year)."""

    first: date
    last: date
    granularity: str  # day | week | month | season | year | decade | interval
    precision: str = "day"

    @property
    def start(self) -> str:
        return _write(self.first, self.precision)

    @property
    def end(self) -> str:
        return _write(self.last, self.precision)

    @property
    def kind(self) -> str:
        """The granularity as TimeValue names it: a decade is an interval of years."""
        return "interval" if self.granularity == "decade" else self.granularity


def _write(day: date, precision: str) -> str:
    """A date written as finely as the precision says.

    >>> _write(date(2022, 2, 4), "month")
    '2022-02'
    """
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]]


def _end_of(day: date, precision: str) -> date:
    """The last day of the day, month or year that ``day`` falls in."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept inside the shorter month it lands in.

    >>> _add_months(date(2023, 1, 31), 1)
    datetime.date(2023, 2, 28)
    """
    year, month = divmod(day.month - 1 + months, 12)
    first = date(day.year + year, month + 1, 1)
    return first.replace(day=min(day.day, _end_of(first, "month").day))


def _day(day: date) -> _Period:
    return _Period(day, day, "day")


def _month(year: int, month: int) -> _Period:
    first = date(year, month, 1)
    return _Period(first, _end_of(first, "month"), "month", "month")


def _season(name: str, year: int) -> _Period:
    """A season by the year its first month falls in: winter 2022 is December 2022 to February 2023."""
    first = date(year, _SEASONS[name], 1)
    return _Period(first, _end_of(_add_months(first, 2), "month"), "season", "month")


def _containing(unit: str, day: date) -> _Period:
    """The calendar week (Monday to Sunday), month, year or decade that ``day`` falls in."""
    if unit == "week":
        monday = day - timedelta(days=day.weekday())
        return _Period(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        return _month(day.year, day.month)
    if unit == "decade":
        first = date(day.year // 10 * 10, 1, 1)
        return _Period(first, date(first.year + 9, 12, 31), "decade", "year")
    if unit == "year":
        return _Period(date(day.year, 1, 1), date(day.year, 12, 31), "year", "year")
    return _day(day)


def _shift(day: date, count: int, unit: str) -> date:
    """``day`` moved by ``count`` units (negative: back).

    >>> _shift(date(2023, 3, 31), -1, "month"), _shift(date(2023, 3, 31), -36, "hour")
    (datetime.date(2023, 2, 28), datetime.date(2023, 3, 29))
    """
    if unit in ("month", "year", "decade"):
        return _add_months(day, count * {"month": 1, "year": 12, "decade": 120}[unit])
    return day + timedelta(**{unit + "s": count})  # a date drops the hours left over


def _pick(candidates: list[_Period], anchor: date, how: str) -> _Period | None:
    """Choose among the instances of a recurring time (a weekday, a month, a season) the one meant.

    past: the latest begun by the anchor; future: the earliest not yet over; last: the latest over before the
    anchor; next: the earliest beginning after it; nearest: the one containing the anchor, else the closest;
    week: the one in the anchor's week (Monday to Sunday).
    """
    week = _containing("week", anchor)

    def distance(p: _Period) -> int:
        return max((p.first - anchor).days, (anchor - p.last).days, 0)

    fits = {
        "past": lambda p: p.first <= anchor,
        "future": lambda p: p.last >= anchor,
        "last": lambda p: p.last < anchor,
        "next": lambda p: p.first > anchor,
        "nearest": lambda p: True,
        "week": lambda p: week.first <= p.first <= week.last,
    }[how]
    found = sorted((p for p in candidates if fits(p)), key=lambda p: p.first)
    if how == "nearest":
        return min(found, key=distance, default=None)
    return (found[-1] if how in ("past", "last") else found[0]) if found else None


def _how(rel: str | None, future: bool) -> str:
    """How to pick an instance: "last June" backward, "next June" forward, a bare "June" by the tense."""
    if rel in _DIRECTION:
        return _DIRECTION[rel]
    if rel in ("this", "current"):
        return "future" if future else "nearest"
    return "future" if future else "past"


def _how_in_week(rel: str | None, future: bool) -> str:
    """Like :func:`_how`, but "this Friday" and "this weekend" are the ones in the anchor's week."""
    return "week" if rel in ("this", "current") else _how(rel, future)


def _count(word: str | None, default: int) -> int | None:
    """How many units a phrase like "the past two weeks" counts; vague words take the default, and a hedge
    ("nearly four", "more than two") counts as its number."""
    word = _HEDGE.sub("", word) if word else word
    if word is None or word in ("few", "a few", "several", "many"):
        return default
    if word in ("couple of", "a couple of"):
        return 2
    value = 1.0 if word in ("a", "an") else parse_number(word)
    return int(value) if value is not None and value >= 1 and value.is_integer() else None


# Each rule reads one shape of expression; a rule returns None when the shape fits but the anchor is missing
# or the date is impossible, and the next rule gets its turn.
_Rule = Callable[[re.Match, date | None, bool], _Period | None]


def _relative_day(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    offsets = {"yesterday": -1, "last night": -1, "tomorrow": 1}
    if anchor and m["word"] == "overnight":  # the night before the report
        return _Period(anchor - timedelta(days=1), anchor, "interval")
    return _day(anchor + timedelta(days=offsets.get(m["word"], 0))) if anchor else None


def _weekday(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    if anchor is None:
        return None
    days = (anchor + timedelta(days=k) for k in range(-14, 15))
    candidates = [_day(d) for d in days if d.weekday() == _WEEKDAYS[m["weekday"]]]
    return _pick(candidates, anchor, _how_in_week(m["rel"], future))


def _weekend(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    if anchor is None:
        return None
    saturdays = (_containing("week", anchor).first + timedelta(days=7 * k + 5) for k in range(-2, 3))
    candidates = [_Period(sat, sat + timedelta(days=1), "interval") for sat in saturdays]
    return _pick(candidates, anchor, _how_in_week(m["rel"], future))


def _calendar(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """Calendar units, not rolling ones: "this week", "last month", "next year"."""
    if anchor is None:
        return None
    this = _containing(m["unit"], anchor)
    if m["rel"] in ("last", "previous"):
        return _containing(m["unit"], this.first - timedelta(days=1))
    return _containing(m["unit"], this.last + timedelta(days=1)) if m["rel"] == "next" else this


def _rolling(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """A stretch ending or starting at the anchor: "in recent days", "the past two weeks", "coming months"."""
    unit = m["unit"]
    count = _count(m["n"], _RECENT[unit] if m[0].endswith("s") else 1)
    if anchor is None or count is None:
        return None
    forward = m["dir"] in ("next", "coming", "upcoming")
    other = _shift(anchor, count if forward else -count, unit)
    return _Period(min(anchor, other), max(anchor, other), "interval")


def _ago(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """The unit that far back ("two weeks ago"); a vague count ("a few days ago") is a recent stretch."""
    count = _count(m["n"], 0)
    if anchor is None or count is None:
        return None
    if count == 0:
        return _Period(_shift(anchor, -_RECENT[m["unit"]], m["unit"]), anchor, "interval")
    return _containing(m["unit"], _shift(anchor, -count, m["unit"]))


def _up_to_now(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """A stretch reaching the anchor: "for more than two years now"."""
    count = _count(m["n"], 1)
    if anchor is None or count is None:
        return None
    return _Period(_shift(anchor, -count, m["unit"]), anchor, "interval")


def _part_of_period(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """From the period's start to the anchor ("earlier this month"), or on to its end ("later this year")."""
    if anchor is None:
        return None
    period = _containing(m["unit"] or "day", anchor)
    if period.granularity == "day":
        return period
    first, last = (period.first, anchor) if m["side"] == "earlier" else (anchor, period.last)
    return _Period(first, last, "interval")


def _date(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """A day or month: "24 February 2022", "Feb. 24", "February 2022", "in June", "2022-02-24"."""
    g = m.groupdict()
    month = _MONTHS[g["month"]] if g.get("month") else int(g["month_number"])
    day, year = g.get("day"), g.get("year")

    def at(y: int) -> _Period:
        return _day(date(y, month, int(day))) if day else _month(y, month)

    if year:
        return at(int(year))
    if anchor is None:
        return None
    years = [y for y in range(anchor.year - 1, anchor.year + 2) if not day or _is_date(y, month, int(day))]
    return _pick([at(y) for y in years], anchor, _how(g.get("rel"), future))


def _is_date(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _year(m: re.Match, anchor: date | None, future: bool) -> _Period:
    return _containing("year", date(int(m["year"]), 1, 1))


def _decade(m: re.Match, anchor: date | None, future: bool) -> _Period:
    return _containing("decade", date(int(m["decade"]), 1, 1))


def _season_rule(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    if m["year"]:
        return _season(m["season"], int(m["year"]))
    if anchor is None:
        return None
    candidates = [_season(m["season"], y) for y in range(anchor.year - 2, anchor.year + 2)]
    # "the past winter" is the latest begun, though not yet over; "last winter" the latest over
    return _pick(candidates, anchor, "past" if m["rel"] == "past" else _how(m["rel"], future))


def _sub_range(m: re.Match, anchor: date | None, future: bool) -> _Period | None:
    """A third of a week, month, season, year or decade: "early March", "mid-2023", "end of next month"."""
    period = _resolve(m["rest"], anchor, future)
    if period is None or period.granularity in ("day", "interval"):
        return period  # "late on Tuesday" is Tuesday; a stretch like "the past week" has no thirds
    third = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1}.get(m["part"], 2)
    units, precision = _units(period)
    n = len(units)
    first, last = units[n * third // 3], _end_of(units[n * (third + 1) // 3 - 1], precision)
    return _Period(first, last, "interval", precision)


def _units(period: _Period) -> tuple[list[date], str]:
    """The first days of the units a period is made of, and their precision: a year's months, a week's days.

    >>> _units(_season("summer", 2023))
    ([datetime.date(2023, 6, 1), datetime.date(2023, 7, 1), datetime.date(2023, 8, 1)], 'month')
    """
    precision = period.precision
    if precision != "day" and _end_of(period.first, precision) == period.last:
        precision = {"year": "month", "month": "day"}[precision]  # one month or year: split it a step finer
    units = [period.first]
    while (following := _end_of(units[-1], precision) + timedelta(days=1)) <= period.last:
        units.append(following)
    return units, precision


_RULES: list[tuple[re.Pattern, _Rule]] = [
    (re.compile(p), rule)
    for p, rule in [
        (
            r"(?P<word>today|tonight|overnight|now|this (?:morning|afternoon|evening)|yesterday|tomorrow|last night)"
            + _DAY_PART,
            _relative_day,
        ),
        (rf"(?P<side>earlier|later) (?:(?:in )?(?:this|the) )?(?:{_CALENDAR_UNIT}|today|tonight)", _part_of_period),
        (_REL + _WEEKDAY + _DAY_PART, _weekday),
        (_REL + "weekend", _weekend),
        (r"(?:(?P<rel>this|last|next|previous|current) )?" + _CALENDAR_UNIT, _calendar),
        (r"(?P<dir>recent|past|last|previous|next|coming|upcoming)(?: (?P<n>.+?))? " + _UNIT, _rolling),
        (r"(?P<n>.+?) " + _UNIT + " ago", _ago),
        (r"(?P<n>.+?) " + _UNIT + " now", _up_to_now),
        (r"(?P<part>early|mid|middle of|late|end of|beginning of|start of)[ -](?P<rest>.+)", _sub_range),
        (_YEAR + r"-(?P<month_number>\d{1,2})(?:-(?P<day>\d{1,2}))?", _date),
        (rf"(?:{_WEEKDAY} )?{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: {_YEAR})?", _date),
        (rf"(?:{_WEEKDAY} )?(?:the )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH}(?: {_YEAR})?", _date),
        (rf"{_REL}{_MONTH}(?:(?: of)? {_YEAR})?", _date),
        (r"(?:year )?" + _YEAR, _year),
        (r"(?P<decade>[12]\d{2}0)s", _decade),
        # "winter 2022", "the winter of 2022-23": the year the season begins in
        (rf"{_REL}(?P<season>{'|'.join(_SEASONS)})(?:(?: of)? {_YEAR}(?:[-/]\d{{2}}(?:\d{{2}})?)?)?", _season_rule),
    ]
]


def _canonical(text: str) -> str:
    """Lower case, no full stops, commas or apostrophes, one space between words.

    >>> _canonical("Feb. 24,  2022")
    'feb 24 2022'
    """
    text = re.sub(r"[–—]", "-", re.sub(r"[.'’]", "", text.lower()))
    return " ".join(re.sub(r"[,;]", " ", text).split())


def _resolve(text: str, anchor: date | None, future: bool) -> _Period | None:
    """The period one expression (no "since", no range) names, or None."""
    while (bare := _STRESS.sub("", _PREPOSITIONS.sub("", text))) != text:
        text = bare
    for pattern, rule in _RULES:
        if (m := pattern.fullmatch(text)) and (period := rule(m, anchor, future)):
            return period
    return None


def _since(text: str, anchor: date | None, future: bool) -> tuple[str, str | None, str] | None:
    """From then to the anchor, "since April" (open-ended when there is no anchor)."""
    if not text.startswith(("since ", "ever since ")):
        return None
    start = _resolve(text.split("since ", 1)[1], anchor, False)  # since looks back whatever the tense
    if start is None or anchor is not None and start.first > anchor:
        return None
    return start.start, _write(anchor, "day") if anchor else None, "interval"


def _range(text: str, anchor: date | None, future: bool) -> tuple[str, str, str] | None:
    """From the first part's start to the second part's end: "from March to May", "between 2014 and 2022"."""
    text = text.removeprefix("between ")
    for sep in _RANGE_SEPARATOR.finditer(text):
        first = _resolve(text[: sep.start()], anchor, future)
        second = text[sep.end() :]
        if first and first.granularity == "day" and re.fullmatch(r"\d{1,2}", second):  # "March 19 and 20"
            second = f"{first.first.year}-{first.first.month}-{second}"
        last = first and _resolve(second, anchor, future)
        if first and last and last.last < first.first:  # "from October to March": March after October
            last = _resolve(text[sep.end() :], first.first, True)
        if first and last and first.first <= last.last:
            return first.start, last.end, "interval"
    return None


def _parse_anchor(anchor: str | None) -> date | None:
    """The publication date, or None when it is missing or not a YYYY-MM-DD date."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", anchor or "")
    try:
        return date(*map(int, m.groups())) if m else None
    except ValueError:  # "2023-02-30", year 0
        return None


def _place(text: str, anchor: date | None, future: bool) -> tuple[str | None, str | None, str] | None:
    """Start, end and granularity for a canonical expression, or None if no rule places it."""
    if len(text) > _MAX_LENGTH:
        return None
    try:
        if found := _since(text, anchor, future) or _range(text, anchor, future):
            return found
        period = _resolve(text, anchor, future)
    except (ValueError, OverflowError):  # impossible dates ("30 February") and years past the calendar's ends
        return None
    return (period.start, period.end, period.kind) if period else None


_GAP = re.compile(r"(?:(?P<n>.+?) )?" + _UNIT)
_ORDER = ["hour", "day", "week", "month", "year", "decade"]


def shift_time(time: TimeValue, gap: str, *, back: bool, text: str) -> TimeValue | None:
    """``time`` moved back (or forward) by a gap such as "two years" or "just one day", as finely as it was
    written; a vague gap ("weeks", "a few days") stretches it back (or on) by a few units. None when the gap is
    no count of units or ``time`` is not placed.

    >>> shift_time(TimeValue("in 2016", "2016", "2016", "year"), "two years", back=True, text="two years after")
    TimeValue(text='two years after', start='2014', end='2014', granularity='interval')
    >>> shift_time(TimeValue("in March 2022", "2022-03", "2022-03", "month"), "weeks", back=True, text="weeks after")
    TimeValue(text='weeks after', start='2022-02', end='2022-03', granularity='interval')
    """
    m = _GAP.fullmatch(_canonical(gap))
    if time.start is None or m is None:
        return None
    first, precision = _read_date(time.start)
    last = _end_of(_read_date(time.end or time.start)[0], precision)
    unit, sign = m["unit"], -1 if back else 1
    count = _count(m["n"], 0) if m["n"] else (0 if _canonical(gap).endswith("s") else 1)
    if count is None:
        return None
    if count == 0:  # "weeks after": some weeks before, up to the time itself
        reach = _shift(first if back else last, sign * _RECENT[unit], unit)
        first, last = (reach, last) if back else (first, reach)
    elif _ORDER.index(unit) >= _ORDER.index(precision):  # "one day after" a month stays that month
        first, last = _shift(first, sign * count, unit), _shift(last, sign * count, unit)
    return TimeValue(text, _write(first, precision), _write(last, precision), "interval")


def _read_date(text: str) -> tuple[date, str]:
    """The first day of a date written YYYY, YYYY-MM or YYYY-MM-DD, and how finely it is written."""
    parts = [int(p) for p in text.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return date(*parts, *[1] * (3 - len(parts))), precision


def normalise_time(text: str, anchor: str | None, *, future: bool = False, past: bool = False) -> TimeValue | None:
    """Normalise a DATE/TIME expression against the article date ``anchor`` ("YYYY-MM-DD" or None).

    ``future`` says the clause is planned or future tense, so "on Friday" and "in June" look forward; ``past``
    says it is in the past tense, so "this weekend" is the last one, not the one of the anchor's week.
    Returns None for text that is not a time at all, and granularity "unknown" (no start, no end) for a time
    that cannot be placed: a relative one with no anchor, or one no rule reads.

    >>> normalise_time("on Wednesday", "2022-02-16")
    TimeValue(text='on Wednesday', start='2022-02-16', end='2022-02-16', granularity='day')
    >>> normalise_time("in June", "2023-05-26", future=True)
    TimeValue(text='in June', start='2023-06', end='2023-06', granularity='month')
    >>> normalise_time("since February 2022", "2023-06-17")
    TimeValue(text='since February 2022', start='2022-02', end='2023-06-17', granularity='interval')
    >>> normalise_time("the coming period", "2023-06-17")
    TimeValue(text='the coming period', start=None, end=None, granularity='unknown')
    """
    clean = text.strip()
    key = _THIS_BEFORE_DIRECTION.sub("", _canonical(clean))  # "this past week" is "past week"
    if past and not future:
        key = _THIS_IN_WEEK.sub("", key)
    placed = _place(key, _parse_anchor(anchor), future)
    if placed:
        return TimeValue(clean, *placed)
    return TimeValue(clean, None, None, "unknown") if _TEMPORAL.search(key) else None
