"""Score extraction records against hand-made gold, as ``shared/eval/SCHEMA.md`` ("Scoring") describes.

A gold folder holds ``<id>.gold.json`` files, each naming its text file in ``article.file``.
:func:`load_gold` reads and checks them, :func:`evaluate` runs an extractor over every gold
article and scores it, :func:`score` and :func:`score_article` score records you already have.
The :class:`Report` gives every figure per article and micro-averaged (from summed counts), and
lists every miss, false finding and wrong attribute with its evidence.

The rules, including the choices SCHEMA.md leaves open:

* **Names** are compared after :func:`normalise`: lower case, possessive ``'s`` (or with U+2019) removed,
  punctuation (Unicode category P*) deleted, white space collapsed, one leading "the/a/an" removed.
* **Entities.** A predicted entity matches a gold one when its name or a mention text equals the
  gold name or an alias (normalised, never on an empty string), or both have the same Wikidata id.
* **Greedy one-to-one alignment** (entities, events, relations, event arguments): required gold
  items first, then optional ones; within each, gold in file order (events: in text order, i.e.
  by where their evidence first occurs, ties in file order); each gold item takes the first
  still-unmatched predicted item (in the record's order; events: in text order) that matches.
* **Optional gold items** (``optional: true``) are not misses when unfound; the predicted item a
  gold optional item takes is neither a true positive nor a false positive, and such pairs are left
  out of every accuracy. An event argument naming an optional gold entity is optional in the same way.
* **Events** match on type (predicted type among the gold types), overlapping evidence spans, and,
  when the gold event has actors, at least one predicted actor matching a gold actor under the
  entity rule. Gold evidence given as a string is looked up in the text; if it occurs more than
  once, *every* occurrence counts (a predicted span overlapping any of them overlaps, i.e. the
  occurrence nearest the prediction is used) and the first occurrence places it in text order.
  Gold evidence that does not occur in the text is an :class:`EvalError`.
* **Over matched (required) events:** modality accuracy (predicted modality among the gold ones);
  attribution accuracy (both source lists empty, or a predicted source matches a gold source);
  argument P/R/F1, role-sensitive (a predicted actor can only match a gold actor, a recipient only
  a gold recipient; locations are not arguments); quantity accuracy where the gold has a quantity
  (values equal as floats; a missing predicted quantity is wrong); time accuracy where the gold has
  a time with a start (``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` cover their whole days, a missing end
  means the start, and the intervals must overlap; a missing or unreadable predicted time is wrong).
* **Relations** match on type, subject and object (either order for ``allied_with``).
* **Figures.** Precision is ``tp / predicted``, recall ``tp / gold``, F1 ``2 tp / (predicted + gold)``;
  a figure whose denominator is 0 is ``None`` (never 1.0). Entity type accuracy compares coarse
  classes {Person}, {Organization, NewsOutlet, Group}, {Country, Place}.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph.records import ENTITY_TYPES, EVENT_TYPES, MODALITIES, RELATION_TYPES, Article

__all__ = [
    "FIGURES",
    "ArticleScore",
    "Counts",
    "EvalError",
    "Finding",
    "GoldArticle",
    "Report",
    "evaluate",
    "load_gold",
    "normalise",
    "score",
    "score_article",
]

Span = tuple[int, int]
_GOLD_SUFFIX = ".gold.json"
_COARSE = {
    "Person": "person",
    "Organization": "org",
    "NewsOutlet": "org",
    "Group": "org",
    "Country": "place",
    "Place": "place",
}


class EvalError(KgError, ValueError):
    """A gold file or folder that cannot be scored; the one-line message names the file and the fix."""


# --------------------------------------------------------------------------- names


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def normalise(name: str) -> str:
    """The form names are compared in.

    >>> normalise("The head of NATO's Europe Command")
    'head of nato europe command'
    >>> normalise("  U.S.  officials ")
    'us officials'
    """
    s = _POSSESSIVE.sub("", name.lower())
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("P"))
    s = " ".join(s.split())
    return _LEADING_ARTICLE.sub("", s)


def _name_keys(names: Iterable[object]) -> frozenset[str]:
    keys = (normalise(n) for n in names if isinstance(n, str))
    return frozenset(k for k in keys if k)


def _wikidata(value: object) -> str | None:
    return (value.strip().upper() or None) if isinstance(value, str) else None


# --------------------------------------------------------------------------- parsed forms


@dataclass(frozen=True)
class _Ent:
    """An entity of either side: ``key`` is the gold name or the predicted id."""

    key: str
    name: str
    type: str
    names: frozenset[str]
    wikidata: str | None = None
    optional: bool = False
    span: Span | None = None  # where it is first mentioned (predicted side)


def _same_entity(p: _Ent, g: _Ent) -> bool:
    """The entity rule: a shared normalised name/alias/mention, or the same Wikidata id."""
    return bool(p.names & g.names) or (p.wikidata is not None and p.wikidata == g.wikidata)


@dataclass(frozen=True)
class _Arg:
    role: str  # actor | recipient
    entity: _Ent

    @property
    def optional(self) -> bool:
        return self.entity.optional


@dataclass(frozen=True)
class _Evt:
    index: int
    types: tuple[str, ...]
    modalities: tuple[str, ...]
    trigger: str
    actors: tuple[_Ent, ...]
    recipients: tuple[_Ent, ...]
    sources: tuple[_Ent, ...]
    quantity: Mapping[str, Any] | None
    time: Mapping[str, Any] | None
    evidence: str
    spans: tuple[Span, ...]
    optional: bool = False

    @property
    def position(self) -> tuple[float, int]:
        return (self.spans[0][0] if self.spans else float("inf"), self.index)


@dataclass(frozen=True)
class _Rel:
    index: int
    type: str
    subject: _Ent
    object: _Ent
    evidence: str
    spans: tuple[Span, ...]
    optional: bool = False


@dataclass(frozen=True)
class _Doc:
    entities: tuple[_Ent, ...]
    events: tuple[_Evt, ...]
    relations: tuple[_Rel, ...]


def _occurrences(text: str, needle: str) -> tuple[Span, ...]:
    """Every (possibly overlapping) place ``needle`` occurs in ``text``."""
    spans, at = [], text.find(needle)
    while needle and at >= 0:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return tuple(spans)


def _as_tuple(value: object) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _text_of(value: object) -> str:
    if isinstance(value, Mapping):
        return str(value.get("text") or "")
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------- gold parsing


def _fail(where: str, location: str, problem: str, fix: str) -> EvalError:
    return EvalError(f"{where}: {location} {problem}; {fix}")


def _gold_spans(evidence: object, text: str, where: str, loc: str) -> tuple[str, tuple[Span, ...]]:
    """Gold evidence as (text, spans): a plain string is looked up, a span is checked."""
    if isinstance(evidence, Mapping) and isinstance(evidence.get("start"), int):
        start, end, quoted = evidence["start"], evidence.get("end"), evidence.get("text")
        if not isinstance(end, int) or not 0 <= start < end <= len(text):
            raise _fail(
                where,
                f"{loc}.evidence",
                f"has bad offsets {start}..{end}",
                "give 0 <= start < end <= len(text) or give the evidence as a plain string",
            )
        if quoted is not None and text[start:end] != quoted:
            raise _fail(
                where,
                f"{loc}.evidence",
                f"offsets {start}..{end} give {text[start:end]!r}, not {quoted!r}",
                "fix the offsets or give the evidence as a plain string",
            )
        return text[start:end], ((start, end),)
    quoted = _text_of(evidence)
    if not quoted:
        raise _fail(where, f"{loc}.evidence", "is missing or empty", "quote the supporting text exactly")
    spans = _occurrences(text, quoted)
    if not spans:
        raise _fail(
            where,
            f"{loc}.evidence",
            f"{quoted[:80]!r} does not occur in the article text",
            "copy it exactly from the text file (same quotes, apostrophes and spacing)",
        )
    return quoted, spans


def _choices(value: object, allowed: Sequence[str], where: str, loc: str) -> tuple[str, ...]:
    """A gold field that may be one value or a list of values, each from ``allowed``."""
    values = _as_tuple(value)
    if not values or any(v not in allowed for v in values):
        raise _fail(where, loc, f"is {value!r}", f"use one of {', '.join(allowed)} (or a non-empty list of them)")
    return values


def _gold_entity(e: object, i: int, where: str) -> _Ent:
    loc = f"entities[{i}]"
    if not isinstance(e, Mapping) or not isinstance(e.get("name"), str) or not e["name"].strip():
        raise _fail(where, loc, "has no name", 'give each entity a non-empty "name"')
    if e.get("type") not in ENTITY_TYPES:
        raise _fail(where, f"{loc}.type", f"is {e.get('type')!r}", f"use one of {', '.join(ENTITY_TYPES)}")
    aliases = e.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(where, f"{loc}.aliases", "is not a list of strings", "write aliases as a list of strings")
    name = e["name"]
    return _Ent(
        name,
        name,
        e["type"],
        _name_keys([name, *aliases]),
        _wikidata(e.get("wikidata")),
        bool(e.get("optional")),
    )


class _GoldRefs:
    """Looks gold entity names up, failing with the place of a dangling reference."""

    def __init__(self, entities: Sequence[_Ent], where: str) -> None:
        self.by_name = {e.key: e for e in entities}
        self.where = where

    def one(self, name: object, loc: str) -> _Ent:
        if not isinstance(name, str) or name not in self.by_name:
            raise _fail(
                self.where,
                loc,
                f"names {name!r}, which is not the name of any gold entity",
                "use an entity's exact name (not an alias) or add the entity",
            )
        return self.by_name[name]

    def many(self, names: object, loc: str) -> tuple[_Ent, ...]:
        if names is not None and not isinstance(names, list):
            raise _fail(self.where, loc, "is not a list", "write it as a list of entity names")
        return tuple(dict.fromkeys(self.one(n, loc) for n in names or ()))


def _check_quantity(q: object, where: str, loc: str) -> Mapping[str, Any] | None:
    if q is None:
        return None
    value = q.get("value") if isinstance(q, Mapping) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, f"{loc}.quantity", f"is {q!r}", 'give null or {"value": <number>, "unit": ...}')
    return q


def _check_time(t: object, where: str, loc: str) -> Mapping[str, Any] | None:
    if t is None:
        return None
    if not isinstance(t, Mapping):
        raise _fail(where, f"{loc}.time", f"is {t!r}", 'give null or {"text": ..., "start": ..., "end": ...}')
    for key in ("start", "end"):
        value = t.get(key)
        if value is not None and _day_range(value) is None:
            raise _fail(where, f"{loc}.time.{key}", f"is {value!r}", "use YYYY, YYYY-MM, YYYY-MM-DD or null")
    return t


def _gold_event(e: object, i: int, text: str, refs: _GoldRefs) -> _Evt:
    where, loc = refs.where, f"events[{i}]"
    if not isinstance(e, Mapping):
        raise _fail(where, loc, "is not an object", "write each event as a JSON object")
    evidence, spans = _gold_spans(e.get("evidence"), text, where, loc)
    refs.many(e.get("locations"), f"{loc}.locations")  # checked, not scored
    return _Evt(
        index=i,
        types=_choices(e.get("type"), EVENT_TYPES, where, f"{loc}.type"),
        modalities=_choices(e.get("modality"), MODALITIES, where, f"{loc}.modality"),
        trigger=_text_of(e.get("trigger")),
        actors=refs.many(e.get("actors"), f"{loc}.actors"),
        recipients=refs.many(e.get("recipients"), f"{loc}.recipients"),
        sources=refs.many(e.get("sources"), f"{loc}.sources"),
        quantity=_check_quantity(e.get("quantity"), where, loc),
        time=_check_time(e.get("time"), where, loc),
        evidence=evidence,
        spans=spans,
        optional=bool(e.get("optional")),
    )


def _gold_relation(r: object, i: int, text: str, refs: _GoldRefs) -> _Rel:
    where, loc = refs.where, f"relations[{i}]"
    if not isinstance(r, Mapping):
        raise _fail(where, loc, "is not an object", "write each relation as a JSON object")
    if r.get("type") not in RELATION_TYPES:
        raise _fail(where, f"{loc}.type", f"is {r.get('type')!r}", f"use one of {', '.join(RELATION_TYPES)}")
    evidence, spans = ("", ()) if r.get("evidence") is None else _gold_spans(r["evidence"], text, where, loc)
    refs.many(r.get("sources"), f"{loc}.sources")
    subject, obj = refs.one(r.get("subject"), f"{loc}.subject"), refs.one(r.get("object"), f"{loc}.object")
    return _Rel(i, r["type"], subject, obj, evidence, spans, bool(r.get("optional")))


def _gold_list(gold: Mapping[str, Any], key: str, where: str) -> list:
    items = gold.get(key) or []
    if not isinstance(items, list):
        raise _fail(where, key, "is not a list", f'write "{key}" as a JSON list')
    return items


def _parse_gold(gold: object, text: str, where: str) -> _Doc:
    """Check a gold record and resolve its names and evidence; raises :class:`EvalError`."""
    if not isinstance(gold, Mapping):
        raise _fail(where, "the file", "is not a JSON object", "write the gold record as one JSON object")
    article = gold.get("article")
    if not isinstance(article, Mapping) or not isinstance(article.get("id"), str) or not article["id"]:
        raise _fail(where, "article.id", "is missing", 'give "article": {"id": ..., "file": ...}')
    entities = tuple(_gold_entity(e, i, where) for i, e in enumerate(_gold_list(gold, "entities", where)))
    seen: set[str] = set()
    for i, e in enumerate(entities):
        if e.key in seen:
            raise _fail(where, f"entities[{i}].name", f"{e.key!r} is used twice", "merge the two or rename one")
        seen.add(e.key)
    refs = _GoldRefs(entities, where)
    events = tuple(_gold_event(e, i, text, refs) for i, e in enumerate(_gold_list(gold, "events", where)))
    relations = _gold_list(gold, "relations", where)
    return _Doc(entities, events, tuple(_gold_relation(r, i, text, refs) for i, r in enumerate(relations)))


def _gold_where(gold: object) -> str:
    article = gold.get("article") if isinstance(gold, Mapping) else None
    if isinstance(article, Mapping):
        return str(article.get("file") or article.get("id") or "gold")
    return "gold"


# --------------------------------------------------------------------------- predicted parsing


def _pred_span(value: object, text: str) -> tuple[str, tuple[Span, ...]]:
    """A predicted span: its offsets when given, else every place its text occurs."""
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
            return str(value.get("text") or text[start:end]), ((start, end),)
    quoted = _text_of(value)
    return quoted, _occurrences(text, quoted)


def _pred_entity(e: Mapping[str, Any], text: str) -> _Ent:
    mentions = [m for m in e.get("mentions") or () if isinstance(m, Mapping)]
    spans = [s for m in mentions for s in _pred_span(m, text)[1][:1] if s[0] < s[1]]
    name = str(e.get("name") or "")
    surface = [name, *(_text_of(m) for m in mentions)]
    names = _name_keys(surface)
    spans = spans or [s for s in [_find_name(text, surface)] if s]
    return _Ent(
        str(e.get("id")),
        name,
        str(e.get("type") or ""),
        names,
        _wikidata(e.get("wikidata")),
        span=spans[0] if spans else None,
    )


class _PredRefs:
    """Looks predicted entity ids up; an unknown id becomes an entity that matches nothing."""

    def __init__(self, entities: Sequence[_Ent]) -> None:
        self.by_id = {e.key: e for e in entities}

    def one(self, ref: object) -> _Ent:
        key = str(ref)
        return self.by_id.get(key) or _Ent(key, f"{key} (unknown id)", "", frozenset())

    def many(self, refs: object) -> tuple[_Ent, ...]:
        return tuple(dict.fromkeys(self.one(r) for r in _as_tuple(refs)))


def _pred_event(e: Mapping[str, Any], i: int, text: str, refs: _PredRefs) -> _Evt:
    evidence, spans = _pred_span(e.get("evidence"), text)
    modality = e.get("modality")
    return _Evt(
        index=i,
        types=(str(e.get("type")),),
        modalities=(modality,) if isinstance(modality, str) else (),
        trigger=_text_of(e.get("trigger")),
        actors=refs.many(e.get("actors")),
        recipients=refs.many(e.get("recipients")),
        sources=refs.many(e.get("sources")),
        quantity=e.get("quantity") if isinstance(e.get("quantity"), Mapping) else None,
        time=e.get("time") if isinstance(e.get("time"), Mapping) else None,
        evidence=evidence,
        spans=spans,
    )


def _pred_relation(r: Mapping[str, Any], i: int, text: str, refs: _PredRefs) -> _Rel:
    evidence, spans = _pred_span(r.get("evidence"), text)
    return _Rel(i, str(r.get("type")), refs.one(r.get("subject")), refs.one(r.get("object")), evidence, spans)


def _parse_predicted(predicted: Mapping[str, Any], text: str) -> _Doc:
    """Read a predicted record leniently: what cannot be read simply matches nothing."""

    def items(key: str) -> list[Mapping[str, Any]]:
        return [x for x in predicted.get(key) or () if isinstance(x, Mapping)]

    entities = tuple(_pred_entity(e, text) for e in items("entities"))
    refs = _PredRefs(entities)
    events = tuple(_pred_event(e, i, text, refs) for i, e in enumerate(items("events")))
    relations = tuple(_pred_relation(r, i, text, refs) for i, r in enumerate(items("relations")))
    return _Doc(entities, events, relations)


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class _Alignment:
    """The result of greedy one-to-one matching (indices into the sequences given to :func:`_align`)."""

    pairs: tuple[tuple[int, int], ...]  # (required gold, predicted)
    optional_pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]  # required gold left unmatched
    false: tuple[int, ...]  # predicted left unmatched
    n_predicted: int

    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def predicted(self) -> int:
        return self.n_predicted - len(self.optional_pairs)

    @property
    def gold(self) -> int:
        return len(self.pairs) + len(self.missed)


def _align(gold: Sequence[Any], predicted: Sequence[Any], matches: Callable[[Any, Any], bool]) -> _Alignment:
    """Greedy one-to-one: required gold first, then optional, each in the order given; each gold item
    takes the first unmatched predicted item (in the order given) that ``matches(predicted, gold)``."""
    taken: set[int] = set()
    pairs, optional_pairs, missed = [], [], []
    for gi in sorted(range(len(gold)), key=lambda i: bool(gold[i].optional)):
        pi = next((j for j, p in enumerate(predicted) if j not in taken and matches(p, gold[gi])), None)
        if pi is None:
            if not gold[gi].optional:
                missed.append(gi)
            continue
        taken.add(pi)
        (optional_pairs if gold[gi].optional else pairs).append((gi, pi))
    false = tuple(j for j in range(len(predicted)) if j not in taken)
    return _Alignment(tuple(pairs), tuple(optional_pairs), tuple(missed), false, len(predicted))


def _overlaps(a: Iterable[Span], b: Iterable[Span]) -> bool:
    b = tuple(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _event_matches(p: _Evt, g: _Evt) -> bool:
    if p.types[0] not in g.types or not _overlaps(p.spans, g.spans):
        return False
    return not g.actors or any(_same_entity(pa, ga) for pa in p.actors for ga in g.actors)


def _relation_matches(p: _Rel, g: _Rel) -> bool:
    if p.type != g.type:
        return False
    if _same_entity(p.subject, g.subject) and _same_entity(p.object, g.object):
        return True
    return g.type == "allied_with" and _same_entity(p.subject, g.object) and _same_entity(p.object, g.subject)


# --------------------------------------------------------------------------- attribute checks


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _day_range(value: object) -> tuple[date, date] | None:
    """The days ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` covers, or None when unreadable."""
    m = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    try:
        year, month, day = (int(g) if g else None for g in m.groups())
        if day is not None:
            return date(year, month, day), date(year, month, day)
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _interval(time: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """The days a time value covers (a missing end means the start), or None when it has no start."""
    if not time or not time.get("start"):
        return None
    first, last = _day_range(time["start"]), _day_range(time.get("end") or time["start"])
    if first is None or last is None:
        return None
    return min(first[0], last[0]), max(first[1], last[1])


def _time_ok(p: _Evt, g: _Evt) -> bool:
    pi, gi = _interval(p.time), _interval(g.time)
    return pi is not None and gi is not None and pi[0] <= gi[1] and gi[0] <= pi[1]


def _quantity_value(q: Mapping[str, Any] | None) -> float | None:
    try:
        return float(q["value"]) if q else None
    except (KeyError, TypeError, ValueError):
        return None


def _quantity_ok(p: _Evt, g: _Evt) -> bool:
    value = _quantity_value(p.quantity)
    return value is not None and value == _quantity_value(g.quantity)


def _attribution_ok(p: _Evt, g: _Evt) -> bool:
    if not p.sources and not g.sources:
        return True
    return any(_same_entity(ps, gs) for ps in p.sources for gs in g.sources)


def _arguments(e: _Evt) -> tuple[_Arg, ...]:
    return tuple(_Arg("actor", a) for a in e.actors) + tuple(_Arg("recipient", r) for r in e.recipients)


def _argument_matches(p: _Arg, g: _Arg) -> bool:
    return p.role == g.role and _same_entity(p.entity, g.entity)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Counts:
    """The counts behind every figure; summing them and recomputing gives exact micro-averages."""

    entity_tp: int = 0
    entity_predicted: int = 0
    entity_gold: int = 0
    type_correct: int = 0
    type_total: int = 0
    event_tp: int = 0
    event_predicted: int = 0
    event_gold: int = 0
    modality_correct: int = 0
    modality_total: int = 0
    attribution_correct: int = 0
    attribution_total: int = 0
    argument_tp: int = 0
    argument_predicted: int = 0
    argument_gold: int = 0
    quantity_correct: int = 0
    quantity_total: int = 0
    time_correct: int = 0
    time_total: int = 0
    relation_tp: int = 0
    relation_predicted: int = 0
    relation_gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


_ACCURACIES = {
    "entity_type_accuracy": ("type_correct", "type_total"),
    "modality_accuracy": ("modality_correct", "modality_total"),
    "attribution_accuracy": ("attribution_correct", "attribution_total"),
    "quantity_accuracy": ("quantity_correct", "quantity_total"),
    "time_accuracy": ("time_correct", "time_total"),
}
_REPORT_ORDER = (
    "entity",
    "entity_type_accuracy",
    "event",
    "modality_accuracy",
    "attribution_accuracy",
    "argument",
    "quantity_accuracy",
    "time_accuracy",
    "relation",
)


def _prf_counts(c: Counts, kind: str) -> dict[str, tuple[int, int]]:
    tp, pred, gold = (getattr(c, f"{kind}_{part}") for part in ("tp", "predicted", "gold"))
    return {
        f"{kind}_precision": (tp, pred),
        f"{kind}_recall": (tp, gold),
        f"{kind}_f1": (2 * tp, pred + gold),
    }


def _figure_counts(c: Counts) -> dict[str, tuple[int, int]]:
    """Each figure as (numerator, denominator), in report order."""
    out: dict[str, tuple[int, int]] = {}
    for item in _REPORT_ORDER:
        if item in _ACCURACIES:
            num, den = _ACCURACIES[item]
            out[item] = (getattr(c, num), getattr(c, den))
        else:
            out.update(_prf_counts(c, item))
    return out


def _figures(c: Counts) -> dict[str, float | None]:
    return {name: _ratio(num, den) for name, (num, den) in _figure_counts(c).items()}


FIGURES: tuple[str, ...] = tuple(_figure_counts(Counts()))
"""The names :meth:`Report.meets` accepts, e.g. ``entity_f1``, ``modality_accuracy``."""


@dataclass(frozen=True)
class Finding:
    """One thing a person should look at: a miss, a false finding, or a wrong attribute.

    ``what`` is entity | event | relation (misses and false findings) or type | modality |
    attribution | quantity | time (wrong attributes of matched items).
    """

    article: str
    what: str
    summary: str
    evidence: str
    span: Span | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d

    def to_text(self) -> str:
        where = f" [{self.span[0]}:{self.span[1]}]" if self.span else ""
        detail = f" -- {self.detail}" if self.detail else ""
        return f"{self.what}: {self.summary}{detail}\n    evidence{where}: {self.evidence!r}"


@dataclass(frozen=True)
class ArticleScore:
    """The counts and findings of one article."""

    article: str
    counts: Counts
    misses: tuple[Finding, ...] = ()
    false_findings: tuple[Finding, ...] = ()
    wrong: tuple[Finding, ...] = ()

    @property
    def figures(self) -> dict[str, float | None]:
        return _figures(self.counts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "figures": self.figures,
            "counts": self.counts.to_dict(),
            "misses": [f.to_dict() for f in self.misses],
            "false_findings": [f.to_dict() for f in self.false_findings],
            "wrong": [f.to_dict() for f in self.wrong],
        }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = str(cells[0]).ljust(widths[0])
        return "  ".join([first, *(str(c).rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


_ARTICLE_COLUMNS = (
    "entity_f1",
    "entity_type_accuracy",
    "event_f1",
    "modality_accuracy",
    "attribution_accuracy",
    "argument_f1",
    "quantity_accuracy",
    "time_accuracy",
    "relation_f1",
)
_SHORT = {
    "entity_type_accuracy": "type",
    "modality_accuracy": "modality",
    "attribution_accuracy": "attribution",
    "quantity_accuracy": "quantity",
    "time_accuracy": "time",
}


@dataclass(frozen=True)
class Report:
    """Scores of a set of articles: per article and micro-averaged over all of them."""

    articles: tuple[ArticleScore, ...]

    @property
    def counts(self) -> Counts:
        return sum((a.counts for a in self.articles), Counts())

    @property
    def figures(self) -> dict[str, float | None]:
        """The micro-averaged figures (computed from the summed counts)."""
        return _figures(self.counts)

    @property
    def misses(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.misses)

    @property
    def false_findings(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.false_findings)

    @property
    def wrong(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.wrong)

    def meets(self, bars: Mapping[str, float]) -> list[str]:
        """The bars the overall figures fail, as readable lines; [] when all are met.

        A figure with no cases (None) fails its bar. An unknown figure name is an :class:`EvalError`.
        """
        figures, failed = self.figures, []
        for name, bar in bars.items():
            if name not in figures:
                raise EvalError(f"unknown figure {name!r} in bars; use one of {', '.join(FIGURES)}")
            value = figures[name]
            if value is None:
                failed.append(f"{name}: not measured (no cases), bar {bar:.3f}")
            elif value < bar - 1e-12:
                failed.append(f"{name}: {value:.3f} < {bar:.3f}")
        return failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": {"figures": self.figures, "counts": self.counts.to_dict()},
            "articles": [a.to_dict() for a in self.articles],
        }

    def to_text(self) -> str:
        """An overall table, a per-article table, then the findings grouped by article."""
        overall = [
            [name, _fmt(_ratio(num, den)), f"{num}/{den}"] for name, (num, den) in _figure_counts(self.counts).items()
        ]
        lines = [
            f"Overall ({len(self.articles)} articles, micro-averaged)",
            "",
            *_table(["figure", "value", "num/den"], overall),
            "",
        ]
        header = ["article", *(_SHORT.get(c, c) for c in _ARTICLE_COLUMNS)]
        rows = [[a.article, *(_fmt(a.figures[c]) for c in _ARTICLE_COLUMNS)] for a in self.articles]
        lines += ["Per article", "", *_table(header, rows)]
        for a in self.articles:
            groups = (("Missed", a.misses), ("False", a.false_findings), ("Wrong", a.wrong))
            if any(items for _, items in groups):
                lines += ["", f"== {a.article} =="]
            for label, items in groups:
                lines += [f"{label} {f.to_text()}" for f in items]
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- scoring


def _context(text: str, span: Span | None, width: int = 80) -> str:
    """The paragraph around ``span``, cut to about ``width`` characters either side ("..." marks a cut)."""
    if span is None:
        return ""
    start, end = span
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left, right = max(para_start, start - width), min(para_end, end + width)
    cut_left, cut_right = ("..." if left > para_start else ""), ("..." if right < para_end else "")
    return cut_left + text[left:right].strip() + cut_right


def _find_name(text: str, names: Iterable[str]) -> Span | None:
    for name in names:
        m = re.search(re.escape(name), text, re.IGNORECASE) if name else None
        if m:
            return m.span()
    return None


def _label(e: _Ent) -> str:
    return f"{e.type} {e.name!r}" if e.type else repr(e.name)


def _names(entities: Iterable[_Ent]) -> str:
    return "[" + ", ".join(e.name for e in entities) + "]"


def _event_label(e: _Evt) -> str:
    parts = ["|".join(e.types), f"({'|'.join(e.modalities) or 'no modality'})", repr(e.trigger)]
    if e.actors:
        parts.append(f"actors {_names(e.actors)}")
    if e.recipients:
        parts.append(f"recipients {_names(e.recipients)}")
    return " ".join(parts)


def _relation_label(r: _Rel) -> str:
    return f"{r.type}({r.subject.name}, {r.object.name})"


@dataclass(frozen=True)
class _Part:
    counts: Counts
    misses: tuple[Finding, ...] = ()
    false: tuple[Finding, ...] = ()
    wrong: tuple[Finding, ...] = ()


def _score_entities(p: _Doc, g: _Doc, gold_raw: Sequence[Mapping[str, Any]], text: str, art: str) -> _Part:
    a = _align(g.entities, p.entities, _same_entity)
    wrong = []
    for gi, pi in a.pairs:
        ge, pe = g.entities[gi], p.entities[pi]
        if _COARSE.get(pe.type, pe.type) != _COARSE[ge.type]:
            wrong.append(
                Finding(
                    art,
                    "type",
                    _label(ge),
                    _context(text, pe.span),
                    pe.span,
                    f"predicted {pe.type or 'no type'}, gold {ge.type}",
                )
            )

    def gold_span(i: int) -> Span | None:
        return _find_name(text, [gold_raw[i]["name"], *(gold_raw[i].get("aliases") or [])])

    misses = [
        Finding(art, "entity", _label(g.entities[i]), _context(text, gold_span(i)), gold_span(i)) for i in a.missed
    ]
    false = [
        Finding(art, "entity", f"{_label(e)} (id {e.key})", _context(text, e.span), e.span)
        for e in (p.entities[i] for i in a.false)
    ]
    counts = Counts(
        entity_tp=a.tp,
        entity_predicted=a.predicted,
        entity_gold=a.gold,
        type_correct=a.tp - len(wrong),
        type_total=a.tp,
    )
    return _Part(counts, tuple(misses), tuple(false), tuple(wrong))


def _score_pair(p: _Evt, g: _Evt, art: str) -> tuple[Counts, list[Finding]]:
    """Attribute accuracies and argument counts of one matched (required) event pair."""
    wrong: list[Finding] = []

    def check(what: str, ok: bool, detail: str) -> int:
        if not ok:
            wrong.append(Finding(art, what, _event_label(g), g.evidence, g.spans[0], detail))
        return int(ok)

    modality = check(
        "modality",
        bool(p.modalities) and p.modalities[0] in g.modalities,
        f"predicted {p.modalities[0] if p.modalities else None}, gold {'|'.join(g.modalities)}",
    )
    attribution = check(
        "attribution",
        _attribution_ok(p, g),
        f"predicted sources {_names(p.sources)}, gold {_names(g.sources)}",
    )
    has_quantity, has_time = g.quantity is not None, _interval(g.time) is not None
    quantity = has_quantity and check(
        "quantity",
        _quantity_ok(p, g),
        f"predicted {_quantity_value(p.quantity)}, gold {_quantity_value(g.quantity)}",
    )
    time = has_time and check("time", _time_ok(p, g), f"predicted {_time_text(p.time)}, gold {_time_text(g.time)}")
    args = _align(_arguments(g), _arguments(p), _argument_matches)
    counts = Counts(
        modality_correct=modality,
        modality_total=1,
        attribution_correct=attribution,
        attribution_total=1,
        argument_tp=args.tp,
        argument_predicted=args.predicted,
        argument_gold=args.gold,
        quantity_correct=int(quantity),
        quantity_total=int(has_quantity),
        time_correct=int(time),
        time_total=int(has_time),
    )
    return counts, wrong


def _time_text(time: Mapping[str, Any] | None) -> str:
    if not time:
        return "none"
    return f"{time.get('start')}..{time.get('end')} ({time.get('text')!r})"


def _score_events(p: _Doc, g: _Doc, art: str) -> _Part:
    gold = sorted(g.events, key=lambda e: e.position)
    pred = sorted(p.events, key=lambda e: e.position)
    a = _align(gold, pred, _event_matches)
    counts, wrong = Counts(event_tp=a.tp, event_predicted=a.predicted, event_gold=a.gold), []
    for gi, pi in a.pairs:
        pair_counts, pair_wrong = _score_pair(pred[pi], gold[gi], art)
        counts, wrong = counts + pair_counts, wrong + pair_wrong
    misses = [Finding(art, "event", _event_label(gold[i]), gold[i].evidence, gold[i].spans[0]) for i in a.missed]
    false = [
        Finding(art, "event", _event_label(e), e.evidence, e.spans[0] if e.spans else None)
        for e in (pred[i] for i in a.false)
    ]
    return _Part(counts, tuple(misses), tuple(false), tuple(wrong))


def _score_relations(p: _Doc, g: _Doc, art: str) -> _Part:
    a = _align(g.relations, p.relations, _relation_matches)
    misses = [
        Finding(art, "relation", _relation_label(r), r.evidence, r.spans[0] if r.spans else None)
        for r in (g.relations[i] for i in a.missed)
    ]
    false = [
        Finding(art, "relation", _relation_label(r), r.evidence, r.spans[0] if r.spans else None)
        for r in (p.relations[i] for i in a.false)
    ]
    return _Part(
        Counts(relation_tp=a.tp, relation_predicted=a.predicted, relation_gold=a.gold),
        tuple(misses),
        tuple(false),
    )


def score_article(
    predicted: Mapping[str, Any], gold: Mapping[str, Any], text: str, *, where: str | None = None
) -> ArticleScore:
    """Score one predicted record against its gold record over the article ``text``.

    ``predicted`` references entities by id, ``gold`` by name. ``where`` names the gold for error
    messages (default: the gold's ``article.file`` or id). Raises :class:`EvalError` for a malformed gold.
    """
    where = where or _gold_where(gold)
    g = _parse_gold(gold, text, where)
    if not isinstance(predicted, Mapping):
        raise TypeError(f"the predicted record must be a dict, not {type(predicted).__name__}")
    p = _parse_predicted(predicted, text)
    art = str(gold["article"]["id"])
    parts = (
        _score_entities(p, g, gold.get("entities") or [], text, art),
        _score_events(p, g, art),
        _score_relations(p, g, art),
    )
    return ArticleScore(
        art,
        sum((x.counts for x in parts), Counts()),
        tuple(f for x in parts for f in x.misses),
        tuple(f for x in parts for f in x.false),
        tuple(f for x in parts for f in x.wrong),
    )


# --------------------------------------------------------------------------- gold files


@dataclass(frozen=True)
class GoldArticle:
    """One gold record with its article (text read exactly from ``article.file``) and where it came from."""

    gold: dict
    article: Article
    path: Path | None = None

    @classmethod
    def of(
        cls, gold: dict, text: str, path: str | Path | None = None, text_path: str | Path | None = None
    ) -> GoldArticle:
        """Build from a gold record and its text (checks nothing; :func:`score` does)."""
        a = gold.get("article") or {}
        article = Article(
            str(a.get("id")),
            text,
            a.get("title"),
            a.get("date"),
            a.get("source"),
            a.get("url"),
            str(text_path) if text_path is not None else None,
        )
        return cls(gold, article, Path(path) if path is not None else None)


def _read_gold_file(path: Path) -> GoldArticle:
    try:
        gold = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        raise EvalError(f"{path}: is not UTF-8 ({e.reason} at byte {e.start}); save it as UTF-8") from e
    except json.JSONDecodeError as e:
        raise EvalError(
            f"{path}: is not valid JSON ({e.msg} at line {e.lineno} column {e.colno}); fix the syntax"
        ) from e
    article = gold.get("article") if isinstance(gold, dict) else None
    if not isinstance(article, dict) or not isinstance(article.get("file"), str) or not article["file"]:
        raise _fail(str(path), "article.file", "is missing", 'name the text file, e.g. "file": "<id>.txt"')
    stem = path.name[: -len(_GOLD_SUFFIX)]
    if article.get("id") != stem:
        raise _fail(
            str(path),
            "article.id",
            f"is {article.get('id')!r} but the file is named for {stem!r}",
            f"make article.id and the file name ({stem}{_GOLD_SUFFIX}) agree",
        )
    text_path = path.parent / article["file"]
    try:
        text = text_path.read_bytes().decode("utf-8")
    except FileNotFoundError as e:
        raise _fail(
            str(path),
            "article.file",
            f"names {text_path}, which does not exist",
            "put the text file beside the gold file or fix the name",
        ) from e
    except UnicodeDecodeError as e:
        raise _fail(str(path), "article.file", f"{text_path} is not UTF-8", "save the text file as UTF-8") from e
    _parse_gold(gold, text, str(path))
    return GoldArticle.of(gold, text, path, text_path)


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """Read and check every ``<id>.gold.json`` in ``gold_dir``, sorted by article id.

    Raises :class:`EvalError` (one line naming the file and the fix) for a malformed gold file,
    a missing text file, gold evidence that is not in the text, or a folder with no gold files.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise EvalError(f"{folder}: is not a folder; pass the folder that holds the <id>{_GOLD_SUFFIX} files")
    files = sorted(folder.glob(f"*{_GOLD_SUFFIX}"))
    if not files:
        raise EvalError(f"{folder}: holds no *{_GOLD_SUFFIX} files; pass the folder that holds the gold files")
    return sorted((_read_gold_file(f) for f in files), key=lambda g: g.article.id)


def score(pairs: Iterable[tuple[Mapping[str, Any], GoldArticle]]) -> Report:
    """Score ``(predicted record, gold article)`` pairs into one :class:`Report`."""
    return Report(
        tuple(
            score_article(pred, ga.gold, ga.article.text, where=str(ga.path) if ga.path else None) for pred, ga in pairs
        )
    )


def evaluate(gold_dir: str | Path, extract: Callable[[Article], Mapping[str, Any]]) -> Report:
    """Run ``extract`` on every gold article in ``gold_dir`` and score what it returns.

    ``extract`` returns an extraction record dict (an object with ``to_dict()``, such as
    :class:`kg.graph.records.Record`, is converted).
    """
    pairs = []
    for ga in load_gold(gold_dir):
        predicted = extract(ga.article)
        pairs.append((predicted.to_dict() if hasattr(predicted, "to_dict") else predicted, ga))
    return score(pairs)
