"""Read amounts out of article phrases: "over 10,000 troops", "£1.5bn", "dozens of drones".

The parser hands over a noun phrase (and its head noun when the unit word lies outside the phrase);
:func:`parse_quantity` returns a :class:`~kg.graph.records.Quantity` with the value, a normalised unit (a currency
code, "troops", "percent", or the head noun as written) and whether the amount is approximate. Pure string
functions on the standard library: nothing here imports spaCy.

>>> parse_quantity("over 10,000 troops")
Quantity(value=10000.0, unit='troops', approximate=True, qualifier='over', text='over 10,000 troops')
>>> parse_quantity("£1.5bn").value
1500000000.0
>>> parse_quantity("troops") is None
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from kg.graph.records import Quantity

__all__ = ["event_quantity", "parse_number", "parse_quantity"]

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scales multiply the group before them; "hundred" and "dozen" can themselves be followed by "thousand".
_GROUP_SCALES = {"hundred": 100, "dozen": 12}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Headline shorthand: "$5bn", "€50m", "10k".
_SCALES |= {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
# "thousands of", "tens of thousands": a vague order of magnitude, read as its round value.
_VAGUE = {"tens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9, "dozens": 12}
_VAGUE |= {"scores": 20}
# "several thousand": the scale word carries the value.
_FEW = (("a", "few"), ("several",), ("few",), ("many",))
_HALF = Decimal("0.5")

_CUES = tuple(
    tuple(cue.split())
    for cue in sorted(
        (
            "well over",
            "well above",
            "just over",
            "just under",
            "more than",
            "over",
            "above",
            "nearly",
            "almost",
            "about",
            "around",
            "approximately",
            "approx",
            "roughly",
            "some",
            "up to",
            "at least",
            "at most",
            "fewer than",
            "less than",
            "under",
            "below",
            "an estimated",
            "estimated",
            "as many as",
            "close to",
            "upwards of",
            "in excess of",
            "no fewer than",
            "no more than",
            "not more than",
            "not less than",
            "circa",
            "~",
        ),
        key=lambda cue: -len(cue.split()),  # longest first, so "well over" wins over "over"
    )
)
_TRAILING_CUES = {("or", "more"): "or more", ("or", "so"): "or so", ("plus",): "plus", ("+",): "plus"}
_FILLERS: tuple[tuple[str, ...], ...] = (
    ("a", "further"),
    ("a", "total", "of"),
    ("an", "additional"),
    ("another",),
    ("additional",),
)
_FILLERS += (("further",), ("the",), ("only",), ("exactly",), ("precisely",))

_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"}
_CURRENCIES |= {code.lower(): code for code in ("USD", "EUR", "GBP", "UAH", "RUB")}
_UNITS = {
    "USD": "dollar dollars",
    "EUR": "euro euros",
    "GBP": "pound pounds sterling",
    "UAH": "hryvnia hryvnias hryvnya hryvnyas",
    "RUB": "rouble roubles ruble rubles",
    "troops": "troop troops soldier soldiers personnel serviceman servicemen servicemember servicemembers "
    "service_member service_members force forces",
    "people": "people person persons",
    "civilians": "civilian civilians",
    "refugees": "refugee refugees",
    "casualties": "casualty casualties",
    "prisoners": "prisoner prisoners pow pows",
    "tanks": "tank tanks",
    "missiles": "missile missiles",
    "drones": "drone drones",
    "aircraft": "aircraft",
    "artillery": "artillery",
    "vehicles": "vehicle vehicles",
    "shells": "shell shells",
    "rounds": "round rounds",
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words.split()} | _CURRENCIES
# "artillery pieces", "air defence systems": the counted thing is the word before these.
_GENERIC_HEADS = {"pieces", "systems", "units"}
# Words between the number and its noun that are not the noun ("7,000 extra troops", "a 10,000-strong force").
_NOT_HEADS = {"more", "extra", "additional", "new", "further", "fresh", "other", "strong", "the", "some"}
_PHRASE_ENDS = {
    "of",
    "in",
    "to",
    "from",
    "for",
    "on",
    "at",
    "by",
    "with",
    "and",
    "or",
    "who",
    "that",
    "which",
    "was",
    "were",
    "is",
    "are",
    "have",
    "has",
    "had",
    "will",
    "would",
    "as",
    "than",
    "per",
    "into",
    "across",
    "near",
}
_NUMBER_START = tuple("0123456789$€£₴₽")
_MAX_NUMBER_WORDS = 8  # "two hundred and fifty thousand" is the longest a number phrase gets in news

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[a-z_]+|[$€£₴₽%+~]")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


@dataclass(frozen=True)
class _Amount:
    """A number read from the words, before the unit is settled."""

    value: Decimal
    qualifier: str | None
    currency: str | None
    rest: list[str]  # the words after the number, where the unit is
    year_like: bool = False


def _tokens(text: str) -> list[str]:
    """Lower-case words, numbers and symbols; calibres and ordinals are dropped, not read as amounts.

    >>> _tokens("US$1.5bn for 155mm shells, the 3rd tranche")
    ['$', '1.5', 'bn', 'for', 'shells', 'the', 'tranche']
    """
    s = text.lower().replace("us$", "$")
    s = re.sub(r"\b\d+(?:\.\d+)?\s?mm\b|\b\d+(?:st|nd|rd|th)\b", " ", s)
    s = re.sub(r"(?<=\d)(?=[a-z])", " ", s)  # "1.5bn", "10k" split into number and scale
    s = s.replace("service member", "service_member")  # one head noun written as two words
    return _TOKEN.findall(s.replace("-", " "))


def _number(words: list[str]) -> Decimal | None:
    """The value of a whole number phrase, or None when any word is not part of one.

    >>> [_number(w.split()) for w in ("1.5 million", "two hundred and fifty", "half a million", "two three")]
    [Decimal('1500000.0'), Decimal('250'), Decimal('500000.0'), None]
    """
    total, group, needs_scale = Decimal(0), None, False
    for word in words:
        if word == "and" and (group is not None or total):
            continue  # "two hundred and fifty"
        if word == "a" and group == _HALF and needs_scale:
            continue  # "half a million"
        if word[0].isdigit() and group is None:
            group = Decimal(word.replace(",", ""))
        elif word in ("a", "an", "half") and group is None:
            group, needs_scale = (_HALF if word == "half" else Decimal(1)), True  # only with a scale after
        elif word in _SMALL and not needs_scale and _joins(group, _SMALL[word]):
            group = (group or Decimal(0)) + _SMALL[word]
        elif word in _GROUP_SCALES and group is not None:
            group, needs_scale = group * _GROUP_SCALES[word], False
        elif word in _SCALES and group is not None:
            total, group, needs_scale = total + group * _SCALES[word], None, False
        else:
            return None
    return None if needs_scale or (group is None and total == 0) else total + (group or 0)


def _joins(group: Decimal | None, small: int) -> bool:
    """Whether a number word continues the group before: "twenty five", "hundred twenty", not "two three"."""
    if group is None:
        return True
    return group % 100 == 0 or (small < 10 and group % 100 >= 20 and group % 10 == 0)


def parse_number(text: str) -> float | None:
    """The value of a number phrase in digits or words, or None if the text is not exactly one.

    >>> parse_number("10,000"), parse_number("twenty-five"), parse_number("1.5bn"), parse_number("a dozen")
    (10000.0, 25.0, 1500000000.0, 12.0)
    >>> parse_number("troops") is None
    True
    """
    return _finite(_number(_tokens(text)))


def _finite(value: Decimal | None) -> float | None:
    """The value as a float, or None when it is too large for one (a run of digits is not an amount)."""
    return float(value) if value is not None and math.isfinite(float(value)) else None


def _starts_with(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def _cue_at(words: list[str], i: int) -> tuple[str | None, int]:
    """Skip fillers ("a further", "the") and read a qualifier cue ("well over") starting at ``i``.

    >>> _cue_at("a further nearly 40".split(), 0)
    ('nearly', 3)
    """
    qualifier = None
    while True:
        if words[i : i + 1] in (["a"], ["an"]) and words[i + 1 : i + 2] and words[i + 1][0] in _NUMBER_START:
            i += 1  # "a 10,000-strong force"; "a dozen" and "a million" stay for the number
            continue
        cue = next((c for c in _CUES if _starts_with(words, i, c)), None)
        filler = next((f for f in _FILLERS if _starts_with(words, i, f)), None)
        step = cue or filler
        if not step:
            return qualifier, i
        qualifier = qualifier or (" ".join(cue) if cue else None)
        i += len(step)


def _vague_at(words: list[str], i: int) -> tuple[Decimal, str, int] | None:
    """Read "tens of thousands", "dozens" or "several hundred" as a round value and its cue.

    >>> _vague_at("tens of thousands of people".split(), 0)
    (Decimal('10000'), 'tens of thousands', 3)
    """
    few = next((f for f in _FEW if _starts_with(words, i, f)), ())
    scale = words[i + len(few)] if few and i + len(few) < len(words) else None
    if scale in _SCALES or scale in _GROUP_SCALES:
        return Decimal(_SCALES.get(scale) or _GROUP_SCALES[scale]), " ".join(few), i + len(few) + 1
    if i >= len(words) or words[i] not in _VAGUE:
        return None
    value, j = Decimal(_VAGUE[words[i]]), i + 1
    while j + 1 < len(words) and words[j] == "of" and words[j + 1] in _VAGUE:
        value, j = value * _VAGUE[words[j + 1]], j + 2
    return value, " ".join(words[i:j]), j


def _number_at(words: list[str], i: int) -> tuple[Decimal, int] | None:
    """The longest number phrase starting at ``i`` and where it ends."""
    for j in range(min(len(words), i + _MAX_NUMBER_WORDS), i, -1):
        value = _number(words[i:j])
        if value is not None:
            return value, j
    return None


def _amount_at(words: list[str], i: int) -> _Amount | None:
    """Read cue, currency symbol and number starting at ``i``, or None if no amount starts there."""
    qualifier, i = _cue_at(words, i)
    currency = _CURRENCIES.get(words[i]) if i < len(words) else None
    i += currency is not None
    if vague := _vague_at(words, i):
        value, cue, end = vague
        return _Amount(value, qualifier or cue, currency, words[end:])
    if number := _number_at(words, i):
        value, end = number
        year_like = end == i + 1 and _YEAR.fullmatch(words[i]) is not None
        return _Amount(value, qualifier, currency, words[end:], year_like)
    return None


def _trailing_cue(words: list[str]) -> tuple[str | None, list[str]]:
    """A cue after the number ("10,000 or more", "5,000-plus") and the words after it."""
    for phrase, cue in _TRAILING_CUES.items():
        if _starts_with(words, 0, phrase):
            return cue, words[len(phrase) :]
    return None, words


def _is_percent(words: list[str]) -> bool:
    return words[:1] in (["%"], ["percent"]) or words[:2] == ["per", "cent"]


def _head_unit(words: list[str]) -> tuple[str | None, bool]:
    """The unit a noun phrase counts, and whether it is one of the known units.

    >>> _head_unit("more russian soldiers".split()), _head_unit("artillery pieces".split())
    (('troops', True), ('artillery', True))
    >>> _head_unit("armoured personnel carriers".split())
    ('carriers', False)
    """
    words = words[1:] if words[:1] == ["of"] else words
    chunk = []
    for word in words:
        if word in _PHRASE_ENDS or not word.isalpha() and "_" not in word:
            break
        if word not in _NOT_HEADS:
            chunk.append(word)
    if not chunk:
        return None, False
    last = chunk[-1]
    if last in _GENERIC_HEADS and len(chunk) > 1 and chunk[-2] in _UNIT_OF:
        last = chunk[-2]
    return _UNIT_OF.get(last, last.replace("_", " ")), last in _UNIT_OF


def _unit(amount: _Amount, rest: list[str], head: str | None) -> str | None:
    """The unit: a currency symbol, a known unit in the text, the parser's head, or else the text's noun.

    None means the number is a year ("2022"), not an amount.
    """
    if amount.currency:
        return amount.currency
    unit, known = _head_unit(rest)
    if amount.year_like and not known:
        return None
    if not known and head:
        unit = _head_unit(_tokens(head))[0] or unit
    return unit or ""


def parse_quantity(text: str, *, head: str | None = None) -> Quantity | None:
    """The amount a phrase states, or None when it states none.

    ``head`` is the phrase's head noun when the parser found it outside the text ("10,000" with "troops").
    Vague amounts ("thousands", "dozens") take their round value and are approximate.

    >>> q = parse_quantity("more than $2 billion")
    >>> q.value, q.unit, q.approximate, q.qualifier
    (2000000000.0, 'USD', True, 'more than')
    >>> parse_quantity("10,000", head="soldiers").unit
    'troops'
    >>> q = parse_quantity("thousands more troops")
    >>> q.value, q.unit, q.approximate, q.qualifier
    (1000.0, 'troops', True, 'thousands')
    >>> parse_quantity("2022") is None, parse_quantity("third") is None
    (True, True)
    """
    clean = text.strip()
    words = _tokens(clean)
    amount = next((a for i in range(len(words)) if (a := _amount_at(words, i))), None)
    value = _finite(amount.value) if amount else None
    if amount is None or value is None:
        return None
    trailing, rest = _trailing_cue(amount.rest)
    qualifier = amount.qualifier or trailing
    if _is_percent(rest):
        return Quantity(value, "percent", qualifier is not None, qualifier, clean)
    unit = _unit(amount, rest, head)
    return None if unit is None else Quantity(value, unit, qualifier is not None, qualifier, clean)


# -- the quantity an event word states --------------------------------------------------------

_COUNT_WORDS = frozenset({"thousands", "hundreds", "dozens", "millions", "billions", "tens"})


def event_quantity(doc, tok) -> Quantity | None:
    """The amount stated with an event word: its own phrase, a verb's object or subject ('sent 10,000 troops'),
    or the noun an 'in' phrase hangs on ('$205 million in humanitarian aid')."""
    scope = [tok]
    if tok.pos_ == "VERB":
        scope += [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")]
    elif tok.head.dep_ == "prep" and tok.dep_ == "pobj":  # "$205 million in humanitarian aid"
        scope.append(tok.head.head)
    for node in scope:
        for t in _own_words(node):
            if _is_amount(t):
                head = _amount_head(t)
                if head.i > tok.i and tok.pos_ != "VERB" and head is not tok:
                    continue
                if head.like_num and head.ent_type_ != "MONEY" and head.dep_ not in ("dobj", "nsubj", "pobj"):
                    continue  # "one focused on training": a pronoun, not an amount
                phrase = doc[head.left_edge.i : head.i + 1].text
                q = parse_quantity(phrase, head=head.lemma_.lower())
                if q is not None:
                    return q
    return None


def _own_words(node):
    """The words of a phrase but not of a clause inside it: 'the weightlifter, who competed at 85kg, was killed'
    counts no 85."""
    phrase = list(node.subtree)
    # a word is a clause's when it is in the subtree of a clause below the phrase's head
    inside = {t.i for c in phrase if c.i != node.i and c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    return [t for t in phrase if t.i not in inside]


def _is_amount(t) -> bool:
    if t.ent_type_ in ("DATE", "TIME", "PERCENT", "ORDINAL"):
        return False
    return t.like_num or t.lower_ in _COUNT_WORDS or t.ent_type_ in ("MONEY", "QUANTITY")


def _amount_head(t):
    node = t
    while node.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod") and node.head.i != node.i:
        node = node.head
    return node
