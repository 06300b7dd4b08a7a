"""Matching predicted records to gold, one article at a time: greedy one-to-one alignment, attribute checks,
and the counts and findings of :func:`score_article` (the rules: :mod:`kg.quality.evaluate`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from kg.quality.gold import (
    Arg,
    Doc,
    Ent,
    Evt,
    Rel,
    Span,
    as_tuple,
    day_range,
    gold_where,
    name_keys,
    occurrences,
    parse_gold,
    text_of,
    wikidata_id,
)
from kg.quality.report import ArticleScore, Counts, Finding

__all__ = ["parse_predicted", "score_article"]

_COARSE = {
    "Person": "person",
    "Organization": "org",
    "NewsOutlet": "org",
    "Group": "org",
    "Country": "place",
    "Place": "place",
}


def _same_entity(p: Ent, g: Ent) -> bool:
    """The entity rule: a shared normalised name/alias/mention, or the same Wikidata id."""
    return bool(p.names & g.names) or (p.wikidata is not None and p.wikidata == g.wikidata)


# --------------------------------------------------------------------------- predicted parsing


def _pred_span(value: object, text: str) -> tuple[str, tuple[Span, ...]]:
    """A predicted span: its offsets when given, else every place its text occurs."""
    if isinstance(value, Mapping):
        start, end = value.get("start"), value.get("end")
        if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
            return str(value.get("text") or text[start:end]), ((start, end),)
    quoted = text_of(value)
    return quoted, occurrences(text, quoted)


def _pred_entity(e: Mapping[str, Any], text: str) -> Ent:
    mentions = [m for m in e.get("mentions") or () if isinstance(m, Mapping)]
    spans = [s for m in mentions for s in _pred_span(m, text)[1][:1] if s[0] < s[1]]
    name = str(e.get("name") or "")
    surface = [name, *(text_of(m) for m in mentions)]
    names = name_keys(surface)
    spans = spans or [s for s in [_find_name(text, surface)] if s]
    return Ent(
        str(e.get("id")),
        name,
        str(e.get("type") or ""),
        names,
        wikidata_id(e.get("wikidata")),
        span=spans[0] if spans else None,
    )


class _PredRefs:
    """Looks predicted entity ids up; an unknown id becomes an entity that matches nothing."""

    def __init__(self, entities: Sequence[Ent]) -> None:
        self.by_id = {e.key: e for e in entities}

    def one(self, ref: object) -> Ent:
        key = str(ref)
        return self.by_id.get(key) or Ent(key, f"{key} (unknown id)", "", frozenset())

    def many(self, refs: object) -> tuple[Ent, ...]:
        return tuple(dict.fromkeys(self.one(r) for r in as_tuple(refs)))


def _pred_event(e: Mapping[str, Any], i: int, text: str, refs: _PredRefs) -> Evt:
    evidence, spans = _pred_span(e.get("evidence"), text)
    modality = e.get("modality")
    return Evt(
        index=i,
        types=(str(e.get("type")),),
        modalities=(modality,) if isinstance(modality, str) else (),
        trigger=text_of(e.get("trigger")),
        actors=refs.many(e.get("actors")),
        recipients=refs.many(e.get("recipients")),
        sources=refs.many(e.get("sources")),
        quantity=e.get("quantity") if isinstance(e.get("quantity"), Mapping) else None,
        time=e.get("time") if isinstance(e.get("time"), Mapping) else None,
        evidence=evidence,
        spans=spans,
    )


def _pred_relation(r: Mapping[str, Any], i: int, text: str, refs: _PredRefs) -> Rel:
    evidence, spans = _pred_span(r.get("evidence"), text)
    return Rel(i, str(r.get("type")), refs.one(r.get("subject")), refs.one(r.get("object")), evidence, spans)


def parse_predicted(predicted: Mapping[str, Any], text: str) -> Doc:
    """Read a predicted record leniently: what cannot be read simply matches nothing."""

    def items(key: str) -> list[Mapping[str, Any]]:
        return [x for x in predicted.get(key) or () if isinstance(x, Mapping)]

    entities = tuple(_pred_entity(e, text) for e in items("entities"))
    refs = _PredRefs(entities)
    events = tuple(_pred_event(e, i, text, refs) for i, e in enumerate(items("events")))
    relations = tuple(_pred_relation(r, i, text, refs) for i, r in enumerate(items("relations")))
    return Doc(entities, events, relations)


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
    pairs: list[tuple[int, int]] = []
    optional_pairs: list[tuple[int, int]] = []
    missed: list[int] = []
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


def _event_matches(p: Evt, g: Evt) -> bool:
    if p.types[0] not in g.types or not _overlaps(p.spans, g.spans):
        return False
    return not g.actors or any(_same_entity(pa, ga) for pa in p.actors for ga in g.actors)


def _relation_matches(p: Rel, g: Rel) -> bool:
    if p.type != g.type:
        return False
    if _same_entity(p.subject, g.subject) and _same_entity(p.object, g.object):
        return True
    return g.type == "allied_with" and _same_entity(p.subject, g.object) and _same_entity(p.object, g.subject)


# --------------------------------------------------------------------------- attribute checks


def _interval(time: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """The days a time value covers (a missing end means the start), or None when it has no start."""
    if not time or not time.get("start"):
        return None
    first, last = day_range(time["start"]), day_range(time.get("end") or time["start"])
    if first is None or last is None:
        return None
    return min(first[0], last[0]), max(first[1], last[1])


def _time_ok(p: Evt, g: Evt) -> bool:
    pi, gi = _interval(p.time), _interval(g.time)
    return pi is not None and gi is not None and pi[0] <= gi[1] and gi[0] <= pi[1]


def _quantity_value(q: Mapping[str, Any] | None) -> float | None:
    try:
        return float(q["value"]) if q else None
    except (KeyError, TypeError, ValueError):
        return None


def _quantity_ok(p: Evt, g: Evt) -> bool:
    value = _quantity_value(p.quantity)
    return value is not None and value == _quantity_value(g.quantity)


def _attribution_ok(p: Evt, g: Evt) -> bool:
    if not p.sources and not g.sources:
        return True
    return any(_same_entity(ps, gs) for ps in p.sources for gs in g.sources)


def _arguments(e: Evt) -> tuple[Arg, ...]:
    return tuple(Arg("actor", a) for a in e.actors) + tuple(Arg("recipient", r) for r in e.recipients)


def _argument_matches(p: Arg, g: Arg) -> bool:
    return p.role == g.role and _same_entity(p.entity, g.entity)


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


def _label(e: Ent) -> str:
    return f"{e.type} {e.name!r}" if e.type else repr(e.name)


def _names(entities: Iterable[Ent]) -> str:
    return "[" + ", ".join(e.name for e in entities) + "]"


def _event_label(e: Evt) -> str:
    parts = ["|".join(e.types), f"({'|'.join(e.modalities) or 'no modality'})", repr(e.trigger)]
    if e.actors:
        parts.append(f"actors {_names(e.actors)}")
    if e.recipients:
        parts.append(f"recipients {_names(e.recipients)}")
    return " ".join(parts)


def _relation_label(r: Rel) -> str:
    return f"{r.type}({r.subject.name}, {r.object.name})"


@dataclass(frozen=True)
class _Part:
    counts: Counts
    misses: tuple[Finding, ...] = ()
    false: tuple[Finding, ...] = ()
    wrong: tuple[Finding, ...] = ()


def _score_entities(p: Doc, g: Doc, gold_raw: Sequence[Mapping[str, Any]], text: str, art: str) -> _Part:
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


def _score_pair(p: Evt, g: Evt, art: str) -> tuple[Counts, list[Finding]]:
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


def _score_events(p: Doc, g: Doc, art: str) -> _Part:
    gold = sorted(g.events, key=lambda e: e.position)
    pred = sorted(p.events, key=lambda e: e.position)
    a = _align(gold, pred, _event_matches)
    counts = Counts(event_tp=a.tp, event_predicted=a.predicted, event_gold=a.gold)
    wrong: list[Finding] = []
    for gi, pi in a.pairs:
        pair_counts, pair_wrong = _score_pair(pred[pi], gold[gi], art)
        counts, wrong = counts + pair_counts, wrong + pair_wrong
    misses = [Finding(art, "event", _event_label(gold[i]), gold[i].evidence, gold[i].spans[0]) for i in a.missed]
    false = [
        Finding(art, "event", _event_label(e), e.evidence, e.spans[0] if e.spans else None)
        for e in (pred[i] for i in a.false)
    ]
    return _Part(counts, tuple(misses), tuple(false), tuple(wrong))


def _score_relations(p: Doc, g: Doc, art: str) -> _Part:
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
    where = where or gold_where(gold)
    g = parse_gold(gold, text, where)
    if not isinstance(predicted, Mapping):
        raise TypeError(f"the predicted record must be a dict, not {type(predicted).__name__}")
    p = parse_predicted(predicted, text)
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
