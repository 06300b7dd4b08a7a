"""Plans over time: what became of each planned event as later reports arrived.

A plan is an event some report gives as planned ("Germany plans to send tanks to Ukraine"). Later
reports of an event of the same type with the same named participants (the same
``kg:signature``, whatever the month) published within ``window_days`` of the plan's first report
decide its status:

- ``carried out``: a later report asserts it ("Germany sent tanks to Ukraine");
- ``abandoned``: later reports only negate it ("Germany scrapped plans to send tanks");
- ``planned``: no later report says either, yet.

A report decides only what it can tell of the plan: not a report in an article that itself gives the plan
(what it asserts beside the plan is another act, or the one it already knew: "Russia, which attacked Ukraine in
2014, plans to attack it again"), nor one whose stated time ends before the plan was first reported (an act
done before it was planned is not that plan carried out).

The status is derived, so it is kept apart from what articles say: the graph ``res:graph/plans``
holds it and is recomputed after every build that changes the store. Each plan gets
``kg:planStatus``, ``kg:plannedSince`` (the day of the first report of the plan), ``kg:planReport``
(that report, with its article and evidence) and, when decided, ``kg:planStatusSince`` and
``kg:planOutcome`` (the claim that decided it, with its article and evidence). Plans of undated
articles, or with unnamed participants, get no status: nothing can be said of "later" for them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.graph.namespace import KG, RES
from kg.queries.files import sparql_file

__all__ = ["PLANS_GRAPH", "PlanStatus", "plan_status_changes", "plan_statuses", "update_plan_status"]

PLANS_GRAPH = RES["graph/plans"]
WINDOW_DAYS = 183


@dataclass(frozen=True)
class Report:
    event: str
    claim: str
    modality: str  # asserted | planned | possible | negated
    day: dt.date
    article: str | None = None
    end: str | None = None  # the end of the time the report states: YYYY, YYYY-MM or YYYY-MM-DD


@dataclass(frozen=True)
class PlanStatus:
    event: str
    status: str  # planned | carried out | abandoned
    planned_since: dt.date
    since: dt.date | None = None  # when the status was first reported (None while planned)
    outcome: str | None = None  # the claim that decided it
    report: str | None = None  # the first claim that gives the event as planned


def plan_statuses(reports: list[tuple[str, Report]], *, window_days: int = WINDOW_DAYS) -> list[PlanStatus]:
    """The status of every planned event among ``reports`` (pairs of signature and report). An asserted
    report in the window wins over negated ones: a plan once called off and later carried out was
    carried out.

    >>> d = dt.date.fromisoformat
    >>> rs = [("s", Report("e1", "c1", "planned", d("2024-01-10"))), ("s", Report("e2", "c2", "asserted", d("2024-03-02"))),
    ...       ("t", Report("e3", "c3", "planned", d("2024-01-10"))), ("t", Report("e3", "c4", "negated", d("2024-01-20"))),
    ...       ("u", Report("e4", "c5", "planned", d("2024-01-10"))), ("u", Report("e5", "c6", "asserted", d("2023-12-01")))]
    >>> [(p.event, p.status, str(p.since)) for p in plan_statuses(rs)]
    [('e1', 'carried out', '2024-03-02'), ('e3', 'abandoned', '2024-01-20'), ('e4', 'planned', 'None')]

    Neither an act the plan's own article asserts nor one done before the plan decides it:

    >>> rs = [("s", Report("e1", "c1", "planned", d("2024-01-10"), "a1")), ("s", Report("e2", "c2", "asserted", d("2024-01-10"), "a1")),
    ...       ("s", Report("e2", "c3", "asserted", d("2024-02-01"), "a2", "2023-11")),
    ...       ("s", Report("e2", "c4", "asserted", d("2024-02-05"), "a3", "2024-01"))]
    >>> [(p.status, p.outcome) for p in plan_statuses(rs)]
    [('carried out', 'c4')]
    """
    by_signature: dict[str, list[Report]] = defaultdict(list)
    for signature, report in reports:
        by_signature[signature].append(report)
    window = dt.timedelta(days=window_days)
    out = []
    for _, group in sorted(by_signature.items()):
        first_plan: dict[str, tuple[dt.date, str]] = {}  # the first report of each plan: day and claim
        plan_articles: dict[str, set[str]] = defaultdict(set)
        for r in group:
            if r.modality == "planned":
                first_plan[r.event] = min(first_plan.get(r.event, (r.day, r.claim)), (r.day, r.claim))
                if r.article is not None:
                    plan_articles[r.event].add(r.article)
        for event, (since, first) in sorted(first_plan.items()):
            later = sorted(
                (r.day, r.claim, r.modality)
                for r in group
                if r.modality in ("asserted", "negated")
                and since <= r.day <= since + window
                and r.article not in plan_articles[event]
                and not _ended_before(r.end, since)
            )
            done = [x for x in later if x[2] == "asserted"]
            decided = done[0] if done else (later[0] if later else None)
            if decided is None:
                out.append(PlanStatus(event, "planned", since, report=first))
            else:
                status = "carried out" if decided[2] == "asserted" else "abandoned"
                out.append(PlanStatus(event, status, since, decided[0], decided[1], first))
    return out


def _ended_before(end: str | None, day: dt.date) -> bool:
    """Whether a stated time that ends at ``end`` (YYYY, YYYY-MM or YYYY-MM-DD) is over before ``day``.

    >>> [_ended_before(e, dt.date(2024, 3, 5)) for e in ("2023", "2024-02", "2024-03", "2024-03-04", "2024", None)]
    [True, True, False, True, False, False]
    """
    return end is not None and end < day.isoformat()[: len(end)]


def read_reports(store) -> list[tuple[str, Report]]:
    """Every dated report of an event whose signature some report gives as planned."""
    rows = store.query(sparql_file(__package__, "plan-reports.rq")).to_python()
    return [
        (
            r["signature"],
            Report(r["event"], r["claim"], r["modality"].rsplit("#", 1)[-1], r["day"], r["article"], r.get("end")),
        )
        for r in rows
        if isinstance(r["day"], dt.date)
    ]


def update_plan_status(store, *, window_days: int = WINDOW_DAYS) -> list[PlanStatus]:
    """Recompute the plans graph of ``store`` (replaced in one update) and return the statuses."""
    statuses, change = plan_status_changes(store, window_days=window_days)
    store.apply([change])
    return statuses


def plan_status_changes(store, *, window_days: int = WINDOW_DAYS):
    """The statuses, and what makes the plans graph hold them (a ``kg.graph.store.GraphChange``), not yet written."""
    statuses = plan_statuses(read_reports(store), window_days=window_days)
    return statuses, store.diff(PLANS_GRAPH, _triples(statuses))


def _triples(statuses: list[PlanStatus]):
    for p in statuses:
        event = URIRef(p.event)
        yield event, KG.planStatus, Literal(p.status)
        yield event, KG.plannedSince, Literal(p.planned_since.isoformat(), datatype=XSD.date)
        if p.since is not None:
            yield event, KG.planStatusSince, Literal(p.since.isoformat(), datatype=XSD.date)
        if p.outcome is not None:
            yield event, KG.planOutcome, URIRef(p.outcome)
        if p.report is not None:
            yield event, KG.planReport, URIRef(p.report)
