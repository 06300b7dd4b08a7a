"""The view model: what the network and timeline pages show, read from the graph by SPARQL.

Plain dicts (JSON-ready), typed by the ``TypedDict`` classes below: the views (and
``to_pyvis``) read these keys and no others.  Every string in them is untrusted article
text and the pages treat it as text only.

Changes to the shape (keep this list when you change it):
- issue 14: a claim has ``url`` (the article's URL as the input gave it, unchecked: a page
  links it only when it is http(s)).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal, TypedDict

from kg.graph.namespace import wikidata_id
from kg.queries.files import sparql_file

__all__ = ["Claim", "Entity", "Event", "EventTime", "Relation", "ViewModel", "view_model"]


class Claim(TypedDict):
    """One report of an event or relation: the article it is in and its evidence sentence."""

    article: str  # IRI
    article_title: str | None
    outlet: str | None
    url: str | None
    date: str | None  # the article's publication date, ISO
    sources: list[str]  # cited sources, outermost first
    modality: str  # asserted, planned, possible, negated
    confidence: float | None
    evidence: str


class Entity(TypedDict):
    id: str  # IRI
    label: str
    type: str  # Person, Organization, Country, Place, Group, NewsOutlet...
    wikidata: str | None  # Q-id
    events: int  # events it takes part in


class EventTime(TypedDict):
    text: str | None  # as written ("next winter")
    start: str | None  # ISO date, year-month or year
    end: str | None


class Event(TypedDict):
    id: str
    type: str  # PLOVER type, e.g. ASSAULT
    mode: str | None
    modality: str
    label: str  # trigger word
    actors: list[str]  # entity IRIs
    recipients: list[str]
    locations: list[str]
    time: EventTime | None
    published: str | None
    quantity: str | None
    plan: str | None
    actor_dispute: str | None
    claims: list[Claim]  # earliest report first


# an event's lists of entities, the values view_roles.rq binds to ?role
Role = Literal["actors", "recipients", "locations"]


class Relation(TypedDict):
    id: str
    type: str
    subject: str
    object: str
    modality: str
    claims: list[Claim]


class ViewModel(TypedDict):
    title: str
    entities: list[Entity]  # most events first
    events: list[Event]  # by event time, else publication date
    relations: list[Relation]


def _rows(store, name: str) -> list[dict]:
    return store.query(sparql_file(__package__, f"{name}.rq")).to_python()


def view_model(store, *, title: str | None = None) -> ViewModel:
    """Entities, events (each with its claims) and relations of the store, for the views."""
    entities: dict[str, Entity] = {
        r["entity"]: {
            "id": r["entity"],
            "label": r["label"],
            "type": r["type"],
            "wikidata": wikidata_id(r["wikidata"]),
            "events": 0,
        }
        for r in _rows(store, "view_entities")
    }
    events: dict[str, Event] = {}
    situations: dict[str, str] = {}
    # an event is shown with its first report's details (time, mode, quantity): the earliest published,
    # then by article and claim, whatever order the store returns the rows in
    for r in sorted(_rows(store, "view_claims"), key=_report_order):
        if r["event"] not in events:
            events[r["event"]] = _event(r)
            if r.get("situation"):
                situations[r["event"]] = r["situation"]
        ev = events[r["event"]]
        ev["claims"].append(_claim(r))
    for r in sorted(_rows(store, "view_roles"), key=lambda r: (r["event"], r["role"], r["entity"])):
        found = events.get(r["event"])
        role: Role = r["role"]
        if found is not None and r["entity"] in entities:
            found[role].append(r["entity"])
    _mark_actor_disputes(events, situations, entities)
    relations: dict[str, Relation] = {}
    for r in sorted(_rows(store, "view_relations"), key=_statement_order):
        rel = relations.setdefault(
            r["relation"],
            {
                "id": r["relation"],
                "type": r["type"],
                "subject": r["subject"],
                "object": r["object"],
                "modality": r["modality"],
                "claims": [],
            },
        )
        rel["claims"].append(_claim(r))
    counts: defaultdict[str, int] = defaultdict(int)
    for ev in events.values():
        for eid in {*ev["actors"], *ev["recipients"], *ev["locations"]}:
            counts[eid] += 1
        ev["claims"].sort(key=lambda c: (c["date"] or "", c["article"]))
    for eid, n in counts.items():
        entities[eid]["events"] = n
    n_articles = len({c["article"] for ev in events.values() for c in ev["claims"]})
    return {
        "title": title or f"kg: {n_articles} article(s), {len(events)} events",
        "entities": sorted(entities.values(), key=lambda e: (-e["events"], e["label"], e["id"])),
        "events": sorted(
            events.values(),
            key=lambda e: ((e["time"]["start"] if e["time"] else None) or e["published"] or "~", e["id"]),
        ),
        "relations": sorted(relations.values(), key=lambda r: r["id"]),
    }


def _mark_actor_disputes(events: dict[str, Event], situations: dict[str, str], entities: dict[str, Entity]) -> None:
    """Events of one situation (attack or coercion, recipients, places, day) with different actors are reports that
    disagree on who did it: each gets ``actor_dispute``, naming the actors the other reports give."""
    by_situation = defaultdict(list)
    for iri, situation in situations.items():
        by_situation[situation].append(events[iri])
    for group in by_situation.values():
        for ev in group if len(group) > 1 else ():
            others = sorted(
                {entities[a]["label"] for other in group if other is not ev for a in other["actors"] if a in entities}
                - {entities[a]["label"] for a in ev["actors"] if a in entities}
            )
            if others:
                ev["actor_dispute"] = "other reports name " + ", ".join(others)


def _report_order(r: dict) -> tuple:
    return r["event"], str(r["published"] or "~"), r["article"], r["claim"]


def _statement_order(r: dict) -> tuple:
    return r["relation"], str(r["published"] or "~"), r["article"], r["evidence"]


def _event(r: dict) -> Event:
    time: EventTime | None = None
    if r.get("timeText") or r.get("start"):
        time = {"text": r.get("timeText"), "start": _s(r.get("start")), "end": _s(r.get("end"))}
    return {
        "id": r["event"],
        "type": r["type"],
        "mode": r.get("mode"),
        "modality": r["modality"],
        "label": r["trigger"],
        "actors": [],
        "recipients": [],
        "locations": [],
        "time": time,
        "published": _s(r.get("published")),
        "quantity": r.get("quantity"),
        "plan": _plan(r),
        "actor_dispute": None,
        "claims": [],
    }


def _plan(r: dict) -> str | None:
    """'carried out (reported 2024-03-02)' for a plan whose status later reports decided (see kg.derive.plans)."""
    status = r.get("planStatus")
    if not status:
        return None
    return f"{status} (reported {r['planSince']})" if r.get("planSince") else str(status)


def _claim(r: dict) -> Claim:
    sources = [s for s in (r.get("sources") or "").split(" > ") if s]
    return {
        "article": r["article"],
        "article_title": r.get("articleTitle"),
        "outlet": r.get("outlet"),
        "url": _s(r.get("url")),
        "date": _s(r.get("published")),
        "sources": sources,
        "modality": r["modality"],
        "confidence": float(r["confidence"]) if r.get("confidence") is not None else None,
        "evidence": r["evidence"],
    }


def _s(value) -> str | None:
    return None if value is None else str(value)
