"""Normalise an (untrusted) view model into the JSON payload the page scripts read.

:func:`prepare` gives entities, events and relations with their derived fields (distinct
articles, disputed flag, day numbers for the time filter, CSS classes), plus the facets the
filter bar offers.  Entity references become indices into ``entities``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["KNOWN_MODALITIES", "parse_period", "prepare", "select_top"]

KNOWN_MODALITIES = ("asserted", "planned", "possible", "negated")


def _text(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return str(value)


def _opt_text(value: Any) -> str | None:
    if value is None:
        return None
    s = _text(value)
    return s if s != "" else None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)):
        return [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def _confidence(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    return round(f, 4)


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")
_EPOCH = _dt.date(1970, 1, 1).toordinal()


def parse_period(value: Any) -> tuple[_dt.date, _dt.date] | None:
    """``"2022"``, ``"2022-12"``, ``"2022-12-05"`` (or an ISO datetime) → (first day, day after last).

    Anything else (free text, out-of-range dates) → ``None``.
    """
    if value is None:
        return None
    m = _DATE_RE.match(_text(value))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        year = int(y)
        if mo is None:
            first = _dt.date(year, 1, 1)
            after = _dt.date(year + 1, 1, 1) if year < 9999 else _dt.date(9999, 12, 31)
        elif d is None:
            first = _dt.date(year, int(mo), 1)
            nxt = (year + 1, 1) if int(mo) == 12 else (year, int(mo) + 1)
            after = _dt.date(nxt[0], nxt[1], 1) if nxt[0] <= 9999 else _dt.date(9999, 12, 31)
        else:
            first = _dt.date(year, int(mo), int(d))
            after = first + _dt.timedelta(days=1) if first < _dt.date(9999, 12, 31) else first
    except ValueError:
        return None
    if year < 1:
        return None
    return first, after


def _day(d: _dt.date) -> int:
    return d.toordinal() - _EPOCH


def _norm_modality(value: Any) -> str:
    s = _text(value).strip().lower()
    return s or "unspecified"


def _norm_claim(c: Any) -> dict[str, Any]:
    if not isinstance(c, Mapping):
        c = {"evidence": _text(c)}
    return {
        "article": _opt_text(c.get("article")),
        "article_title": _opt_text(c.get("article_title")),
        "outlet": _opt_text(c.get("outlet")),
        "url": _opt_text(c.get("url")),
        "date": _opt_text(c.get("date")),
        "sources": [_text(s) for s in _list(c.get("sources")) if _text(s) != ""],
        "modality": _opt_text(c.get("modality")),
        "confidence": _confidence(c.get("confidence")),
        "evidence": _opt_text(c.get("evidence")),
    }


def _claims_summary(claims: list[dict[str, Any]], modality: str) -> dict[str, Any]:
    articles = {c["article"] if c["article"] is not None else f"#claim{i}" for i, c in enumerate(claims)}
    claim_mods = sorted({_norm_modality(c["modality"]) for c in claims if c["modality"] is not None})
    disputed = len(claim_mods) > 1 or (len(claim_mods) == 1 and claim_mods[0] != modality)
    outlets = sorted({c["outlet"] for c in claims if c["outlet"] is not None})
    sources = sorted({s for c in claims for s in c["sources"]})
    lane_sources: list[str] = []
    for c in claims:
        key = c["sources"][0] if c["sources"] else (c["outlet"] or "(unknown source)")
        if key not in lane_sources:
            lane_sources.append(key)
    return {
        "articles": len(articles),
        "claimModalities": claim_mods,
        "disputed": disputed,
        "outlets": outlets,
        "sources": sources,
        "srcKeys": ["o:" + o for o in outlets] + ["s:" + s for s in sources],
        "laneSources": lane_sources,
    }


def _mod_class(modality: str) -> str:
    return "kg-mod-" + (modality if modality in KNOWN_MODALITIES else "other")


def _facet(counter: dict[str, int], order: Iterable[str] | None = None) -> list[list[Any]]:
    keys = sorted(counter)
    if order is not None:
        order = list(order)
        keys = [k for k in order if k in counter] + [k for k in keys if k not in order]
    return [[k, counter[k]] for k in keys]


def _dense_range(days: list[int]) -> dict[str, int | None]:
    """Where the reports are: the 2nd to 98th percentile of publication days, a week wider on each side
    (historical mentions, 1813 and the like, must not set the view)."""
    if not days:
        return {"denseFrom": None, "denseTo": None}
    days = sorted(days)
    lo, hi = days[int(0.02 * (len(days) - 1))], days[math.ceil(0.98 * (len(days) - 1))]
    return {"denseFrom": lo - 7, "denseTo": hi + 7}


def select_top(model: Mapping[str, Any], top: int) -> set[str]:
    """IRIs of the ``top`` entities with most events (ties: label, then IRI)."""
    if top < 0:
        raise ValueError("top must be >= 0")
    rows = []
    seen: set[str] = set()
    for e in _list(model.get("entities")):
        if not isinstance(e, Mapping):
            continue
        iri = _text(e.get("id"))
        if not iri or iri in seen:
            continue
        seen.add(iri)
        n = e.get("events")
        n = n if isinstance(n, int) and not isinstance(n, bool) and n >= 0 else 0
        rows.append((-n, _text(e.get("label"), iri), iri))
    rows.sort()
    return {r[2] for r in rows[:top]}


def prepare(model: Mapping[str, Any], *, keep: set[str] | None = None) -> dict[str, Any]:
    """Normalise a view model into the page payload (a new dict; ``model`` is not modified).

    Entity references become indices into ``entities``; a reference to an
    IRI the model does not describe becomes a placeholder entity of type
    ``Unknown``.  With ``keep`` (a set of entity IRIs) only events touching a
    kept entity and relations between kept entities are included, and only
    kept entities are marked ``inView`` (nodes of the network).
    """
    if not isinstance(model, Mapping):
        raise TypeError("model must be a mapping")

    raw_entities: list[dict[str, Any]] = []
    ent_index: dict[str, int] = {}
    for e in _list(model.get("entities")):
        if not isinstance(e, Mapping):
            continue
        iri = _text(e.get("id"))
        if not iri or iri in ent_index:
            continue
        n = e.get("events")
        ent_index[iri] = len(raw_entities)
        raw_entities.append(
            {
                "id": iri,
                "label": _text(e.get("label")) or iri,
                "type": _text(e.get("type")) or "Unknown",
                "wikidata": _opt_text(e.get("wikidata")),
                "events": n if isinstance(n, int) and not isinstance(n, bool) and n >= 0 else None,
                "placeholder": False,
            }
        )

    def participants(value: Any) -> list[str]:
        out: list[str] = []
        for x in _list(value):
            s = _text(x)
            if s and s not in out:
                out.append(s)
        return out

    raw_events: list[dict[str, Any]] = []
    for iri, ev in _unique(model.get("events"), "event"):
        actors = participants(ev.get("actors"))
        recipients = participants(ev.get("recipients"))
        locations = participants(ev.get("locations"))
        if keep is not None and not any(p in keep for p in actors + recipients + locations):
            continue
        raw_events.append({"src": ev, "id": iri, "actors": actors, "recipients": recipients, "locations": locations})

    raw_relations: list[dict[str, Any]] = []
    for iri, rel in _unique(model.get("relations"), "relation"):
        subj, obj = _text(rel.get("subject")), _text(rel.get("object"))
        if keep is not None and not (subj in keep and obj in keep):
            continue
        raw_relations.append({"src": rel, "id": iri, "subject": subj, "object": obj})

    # which entities the payload needs, in model order, then placeholders
    referenced: list[str] = []
    ref_set: set[str] = set()

    def ref(iri: str) -> None:
        if iri and iri not in ref_set:
            ref_set.add(iri)
            referenced.append(iri)

    for ev in raw_events:
        for p in ev["actors"] + ev["recipients"] + ev["locations"]:
            ref(p)
    for rel in raw_relations:
        ref(rel["subject"])
        ref(rel["object"])

    entities: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for e in raw_entities:
        if keep is None or e["id"] in keep or e["id"] in ref_set:
            index[e["id"]] = len(entities)
            entities.append(dict(e))
    for iri in referenced:
        if iri not in index:
            index[iri] = len(entities)
            entities.append(
                {"id": iri, "label": iri, "type": "Unknown", "wikidata": None, "events": None, "placeholder": True}
            )
    for e in entities:
        e["inView"] = keep is None or e["id"] in keep

    computed_counts = [0] * len(entities)
    events: list[dict[str, Any]] = []
    day_values: list[int] = []
    published_days: list[int] = []
    for raw in raw_events:
        ev = raw["src"]
        modality = _norm_modality(ev.get("modality"))
        claims = [_norm_claim(c) for c in _list(ev.get("claims"))]
        summary = _claims_summary(claims, modality)
        time = ev.get("time")
        time_n = None
        if isinstance(time, Mapping):
            time_n = {
                "text": _opt_text(time.get("text")),
                "start": _opt_text(time.get("start")),
                "end": _opt_text(time.get("end")),
            }
        elif time is not None:
            time_n = {"text": _text(time), "start": None, "end": None}
        published = _opt_text(ev.get("published"))

        start_text = time_n["start"] if time_n else None
        end_text = time_n["end"] if time_n else None
        start_p, end_p, pub_p = parse_period(start_text), parse_period(end_text), parse_period(published)
        if pub_p:
            published_days.append(_day(pub_p[0]))
        t: dict[str, str | None] | None = None  # the timeline's item time
        dated = False
        days: tuple[int, int] | None = None  # first and last day shown (d0, d1)
        span = start_p or end_p
        if span:
            dated = True
            first = span[0]
            if start_p and end_p and start_text != end_text and end_p[1] > start_p[0]:
                after = end_p[1]
                t = {"start": first.isoformat(), "end": after.isoformat()}
            else:
                after = span[1]
                t = {"start": first.isoformat(), "end": None}
            days = (_day(first), max(_day(first), _day(after) - 1))
        elif pub_p:
            t = {"start": pub_p[0].isoformat(), "end": None}
            days = (_day(pub_p[0]), _day(pub_p[0]))
        if days:
            day_values.extend(days)

        # the event's entities as positions in the payload's entity list
        actor_ix = [index[p] for p in raw["actors"]]
        recipient_ix = [index[p] for p in raw["recipients"]]
        location_ix = [index[p] for p in raw["locations"]]
        for i in set(actor_ix + recipient_ix + location_ix):
            computed_counts[i] += 1
        classes = [_mod_class(modality)]
        if summary["disputed"] or ev.get("actor_dispute"):
            classes.append("kg-disputed")
        if not dated:
            classes.append("kg-undated")
        events.append(
            {
                "id": raw["id"],
                "type": _text(ev.get("type")) or "EVENT",
                "mode": _opt_text(ev.get("mode")),
                "modality": modality,
                "label": _text(ev.get("label")),
                "actors": actor_ix,
                "recipients": recipient_ix,
                "locations": location_ix,
                "time": time_n,
                "published": published,
                "quantity": _opt_text(ev.get("quantity")),
                "plan": _opt_text(ev.get("plan")),
                "actorDispute": _opt_text(ev.get("actor_dispute")),
                "claims": claims,
                **summary,
                "dated": dated,
                "t": t,
                "d0": days[0] if days else None,
                "d1": days[1] if days else None,
                "cls": " ".join(classes),
            }
        )

    relations: list[dict[str, Any]] = []
    for raw in raw_relations:
        rel = raw["src"]
        modality = _norm_modality(rel.get("modality"))
        claims = [_norm_claim(c) for c in _list(rel.get("claims"))]
        summary = _claims_summary(claims, modality)
        relations.append(
            {
                "id": raw["id"],
                "type": _text(rel.get("type")) or "related_to",
                "subject": index[raw["subject"]] if raw["subject"] else None,
                "object": index[raw["object"]] if raw["object"] else None,
                "modality": modality,
                "claims": claims,
                **summary,
            }
        )

    for i, e in enumerate(entities):
        if e["events"] is None:
            e["events"] = computed_counts[i]

    ev_types: dict[str, int] = {}
    rel_types: dict[str, int] = {}
    modalities: dict[str, int] = {}
    outlets: dict[str, int] = {}
    sources: dict[str, int] = {}
    for bucket, items in ((ev_types, events), (rel_types, relations)):
        for item in items:
            bucket[item["type"]] = bucket.get(item["type"], 0) + 1
    for item in events + relations:
        modalities[item["modality"]] = modalities.get(item["modality"], 0) + 1
        for o in item["outlets"]:
            outlets[o] = outlets.get(o, 0) + 1
        for s in item["sources"]:
            sources[s] = sources.get(s, 0) + 1
    ent_types: dict[str, int] = {}
    for e in entities:
        ent_types[e["type"]] = ent_types.get(e["type"], 0) + 1

    facets = {
        "eventTypes": _facet(ev_types),
        "relationTypes": _facet(rel_types),
        "modalities": _facet(modalities, KNOWN_MODALITIES),
        "entityTypes": _facet(ent_types),
        "outlets": _facet(outlets),
        "sources": _facet(sources),
        "dayMin": min(day_values) if day_values else None,
        "dayMax": max(day_values) if day_values else None,
        **_dense_range(published_days or day_values),
        "undated": sum(1 for e in events if not e["dated"]),
    }
    return {
        "title": _text(model.get("title")),
        "entities": entities,
        "events": events,
        "relations": relations,
        "facets": facets,
    }


def _unique(items: Any, kind: str):
    """(id, item) for each mapping in ``items``, the first of each id only; an item without an id is named by
    its position ("(event 3)")."""
    seen: set[str] = set()
    for i, x in enumerate(_list(items)):
        if isinstance(x, Mapping):
            iri = _text(x.get("id")) or f"({kind} {i})"
            if iri not in seen:
                seen.add(iri)
                yield iri, x
