"""The events table and the graph's parts as plain rows, read from the store by the queries beside this file.

One row per report of an event (a claim), in the spirit of ACLED/POLECAT exports; the column dictionary is
``docs/export.md``. Filters are one frozen :class:`Filters`: type and modality are bound into the queries;
the entity and the dates are applied to the rows, because a date interval has to be compared with its
granularity (a month overlaps the days in it), which SPARQL cannot do across ``xsd:date`` and ``xsd:gYearMonth``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from rdflib import Literal

from kg.errors import UsageError
from kg.graph.records import EVENT_TYPES, MODALITIES, RELATION_TYPES
from kg.queries.files import sparql_file
from kg.views.payload import parse_period

__all__ = [
    "COLUMNS",
    "LIST_COLUMNS",
    "ExportData",
    "Filters",
    "entity_iri",
    "read_export",
    "report_interval",
    "time_interval",
]

COLUMNS = (
    "event_id",
    "claim_id",
    "event_type",
    "mode",
    "modality",
    "actors",
    "actor_ids",
    "recipients",
    "places",
    "quantity_value",
    "quantity_unit",
    "quantity_qualifier",
    "time_start",
    "time_end",
    "time_granularity",
    "time_text",
    "published",
    "article_id",
    "article_title",
    "outlet",
    "url",
    "sources",
    "evidence",
    "confidence",
    "plan_status",
    "disputed",
)
LIST_COLUMNS = frozenset({"actors", "actor_ids", "recipients", "places", "sources"})
FLOAT_COLUMNS = frozenset({"quantity_value", "confidence"})
BOOL_COLUMNS = frozenset({"disputed"})

# the views name the participants of an event by list; the export table by column
_ROLE = {"actors": "actors", "recipients": "recipients", "locations": "places"}
# what --since/--until take, whole: "2022-2" or "20220224" must not pass for the year 2022
_FILTER_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Filters:
    """What to export: a PLOVER event type or relation type, a modality, the time window (ISO dates of any
    precision, inclusive; a report counts if its time, else its publication date, overlaps the window) and an
    entity taking part (an IRI, ``NamedNode`` or name, looked up by :func:`entity_iri`)."""

    type: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    entity: object = None  # str, rdflib URIRef or pyoxigraph NamedNode

    def __post_init__(self):
        if self.type is not None and self.type.upper() in EVENT_TYPES:
            object.__setattr__(self, "type", self.type.upper())  # PLOVER types are capitals: "assault" is meant
        if self.type is not None and self.type not in EVENT_TYPES + RELATION_TYPES:
            raise UsageError(
                f"--type {self.type!r} is not an event or relation type; use one of "
                f"{', '.join(EVENT_TYPES + RELATION_TYPES)}"
            )
        if self.modality is not None and self.modality.lower() in MODALITIES:
            object.__setattr__(self, "modality", self.modality.lower())
        if self.modality is not None and self.modality not in MODALITIES:
            raise UsageError(f"--modality {self.modality!r}: use one of {', '.join(MODALITIES)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and (not _FILTER_DATE.match(value) or time_interval(value) is None):
                raise UsageError(f"--{name} {value!r} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD")
        if self.since is not None and self.until is not None and self.window()[0] > self.window()[1]:
            # an inverted window would keep the reports whose span crosses it, not nothing
            raise UsageError(f"--since {self.since} is after --until {self.until}; swap them")

    def window(self) -> tuple[date, date]:
        since = time_interval(self.since) if self.since else None  # both checked when the filters were made
        until = time_interval(self.until) if self.until else None
        return (since[0] if since else date.min), (until[1] if until else date.max)


@dataclass(frozen=True)
class ExportData:
    """The rows of one export: the events table (``rows``, columns :data:`COLUMNS`), each event's participants
    by role (IRIs), the relations, and the entities either of them names."""

    rows: tuple[dict, ...]
    roles: dict[str, dict[str, tuple[str, ...]]]
    relations: tuple[dict, ...]
    entities: dict[str, dict]


def read_export(store, filters: Filters | None = None) -> ExportData:
    """Everything an export writes, from ``store``, filtered."""
    filters = filters or Filters()
    entities = {r["entity"]: r for r in _rows(store, "entities")}
    roles = _roles(store, entities)
    sources, cited = _sources(store)
    wanted = _bindings(filters)
    rows = [_report(r, roles.get(r["event"], {}), entities, sources) for r in _rows(store, "reports", wanted)]
    relations = [_relation(r, sources) for r in _rows(store, "relations", wanted)]
    rows, relations = _kept(store, filters, rows, relations, roles, cited)
    rows.sort(key=_row_order)
    relations.sort(key=lambda r: (r["published"] or "~", r["article_id"], r["relation_id"]))
    kept_roles = {r["event_id"]: roles.get(r["event_id"], {}) for r in rows}
    named = {e for by_role in kept_roles.values() for es in by_role.values() for e in es}
    named |= {e for r in relations for e in (r["subject"], r["object"])}
    return ExportData(
        tuple(rows), kept_roles, tuple(relations), {e: entities[e] for e in sorted(named) if e in entities}
    )


def _kept(
    store, filters: Filters, rows: list[dict], relations: list[dict], roles: dict, cited: dict[str, frozenset[str]]
) -> tuple[list, list]:
    """The reports and relations the filters the queries did not apply keep: an entity by taking part (in the
    event, or as subject or object) or by being cited (in the report's source chain: "according to The Wall
    Street Journal" keeps the report for The Wall Street Journal)."""
    if filters.type is not None:
        # a relation type selects relations only, an event type events only
        rows = rows if filters.type in EVENT_TYPES else []
        relations = relations if filters.type in RELATION_TYPES else []
    if filters.entity is not None:
        chosen = entity_iri(store, filters.entity)
        rows = [
            r
            for r in rows
            if any(chosen in es for es in roles.get(r["event_id"], {}).values())
            or chosen in cited.get(r["claim_id"], ())
        ]
        relations = [
            r for r in relations if chosen in (r["subject"], r["object"]) or chosen in cited.get(r["relation_id"], ())
        ]
    if filters.since is not None or filters.until is not None:
        low, high = filters.window()
        rows = [r for r in rows if _overlaps(_row_interval(r), low, high)]
        relations = [r for r in relations if _overlaps(time_interval(r["published"]), low, high)]
    return rows, relations


def time_interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision covers (:func:`kg.views.payload.parse_period`'s
    period, its last day included).

    >>> time_interval("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    >>> time_interval("2023") == (date(2023, 1, 1), date(2023, 12, 31)), time_interval("soon")
    (True, None)
    """
    period = parse_period(value)
    return None if period is None else (period[0], max(period[0], period[1] - timedelta(days=1)))


def report_interval(start: str | None, end: str | None, published: str | None) -> tuple[date, date] | None:
    """A report's time, the days the filters, the GEXF timeline and ``to_pyvis`` use: what it states (start to
    end, each at its own precision; an end before the start is ignored), else its publication day.

    >>> report_interval("2022-02", "2022-03-10", "2024-01-05")
    (datetime.date(2022, 2, 1), datetime.date(2022, 3, 10))
    >>> report_interval(None, None, "2024-01-05") == (date(2024, 1, 5),) * 2, report_interval(None, None, None)
    (True, None)
    """
    first = time_interval(start)
    if first is None:
        return time_interval(published)
    last = time_interval(end)
    return (first[0], last[1]) if last is not None and last[1] >= first[0] else first


def _row_interval(row: dict) -> tuple[date, date] | None:
    return report_interval(row["time_start"], row["time_end"], row["published"])


def _overlaps(interval: tuple[date, date] | None, low: date, high: date) -> bool:
    return interval is not None and interval[1] >= low and interval[0] <= high


def _row_order(row: dict) -> tuple:
    interval = _row_interval(row)
    return (interval is None, interval or (), row["article_id"], row["claim_id"])


def _rows(store, name: str, bindings: dict | None = None, *, package: str = "kg.export") -> list[dict]:
    text = sparql_file(package, f"{name}.rq")
    return [{k: _value(v) for k, v in r.items()} for r in store.query(text, bindings).records()]


def _value(term):
    """A term as the table holds it: dates and times in their lexical form (a gYearMonth stays "2022-12"),
    numbers as int or float, booleans as bool, everything else as text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (bool, int)):
            return value
        if isinstance(value, (float, Decimal)):
            return float(value)
    return str(term)


def _bindings(filters: Filters) -> dict:
    return {"wantType": Literal(filters.type or ""), "wantModality": Literal(filters.modality or "")}


def entity_iri(store, wanted) -> str:
    """The entity ``--entity`` names, looked up as every entity parameter is (:func:`kg.derive.entities.find_in_store`:
    an IRI, or a name without case, the most mentioned node if several share it); an unknown one is an error
    naming close matches."""
    from kg.derive.entities import UnknownEntity, find_in_store

    try:
        return str(find_in_store(store, wanted))
    except UnknownEntity as err:
        raise UnknownEntity(f"--entity: {err}") from err


def _roles(store, entities: dict) -> dict[str, dict[str, tuple[str, ...]]]:
    """Each event's participants by role, in label order (then IRI), so the list columns are stable."""
    found: defaultdict[str, defaultdict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(store, "view_roles", package="kg.views"):  # the views' query: the same participants
        if r["entity"] in entities:
            found[r["event"]][_ROLE[r["role"]]].append(r["entity"])
    order = lambda e: (entities[e]["label"], e)  # noqa: E731
    return {
        ev: {role: tuple(sorted(set(es), key=order)) for role, es in by_role.items()} for ev, by_role in found.items()
    }


def _sources(store) -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """Each attributed statement's source chain as labels, outermost first, and the entities it cites."""
    links, cited = defaultdict(list), defaultdict(set)
    for r in _rows(store, "sources"):
        links[r["statement"]].append((r["position"], r["label"]))
        cited[r["statement"]].add(r["source"])
    chains = {s: tuple(label for _, label in sorted(chain)) for s, chain in links.items()}
    return chains, {s: frozenset(es) for s, es in cited.items()}


def _report(r: dict, roles: dict, entities: dict, sources: dict) -> dict:
    labels = lambda role: [entities[e]["label"] for e in roles.get(role, ())]  # noqa: E731
    return {
        "event_id": r["event"],
        "claim_id": r["claim"],
        "event_type": r["type"],
        "mode": r["mode"],
        "modality": r["modality"],
        "actors": labels("actors"),
        "actor_ids": list(roles.get("actors", ())),
        "recipients": labels("recipients"),
        "places": labels("places"),
        "quantity_value": r["quantityValue"],
        "quantity_unit": r["quantityUnit"],
        "quantity_qualifier": r["quantityQualifier"],
        "time_start": r["start"],
        "time_end": r["end"],
        "time_granularity": r["granularity"],
        "time_text": r["timeText"],
        "published": r["published"],
        "article_id": r["articleId"],
        "article_title": r["articleTitle"],
        "outlet": r["outlet"],
        "url": r["url"],
        "sources": list(sources.get(r["claim"], ())),
        "evidence": r["evidence"],
        "confidence": r["confidence"],
        "plan_status": r["planStatus"],
        "disputed": bool(r["disputed"]),
    }


def _relation(r: dict, sources: dict) -> dict:
    return {
        "relation_id": r["relation"],
        "relation_type": r["type"],
        "subject": r["subject"],
        "object": r["object"],
        "modality": r["modality"],
        "confidence": r["confidence"],
        "article_id": r["articleId"],
        "article_title": r["articleTitle"],
        "outlet": r["outlet"],
        "url": r["url"],
        "published": r["published"],
        "sources": list(sources.get(r["relation"], ())),
        "evidence": r["evidence"],
    }
