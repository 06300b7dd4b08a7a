"""Tallies: counts over many articles that the aggregate named queries rank by.

``coordination``, ``disputed`` and ``between`` rank what they return by counts over most of the
store (how many events link two entities, how many reports disagree on an event). Counting at query
time costs a few hundred milliseconds at a million triples, before the first row can be returned;
so the counts are derived once per build, as plan status is, into the graph ``res:graph/tallies``,
recomputed after every build that changes the store. The graph holds:

- a ``kg:Tie`` per ordered pair of entities and kind of link, with ``kg:tieFrom``, ``kg:tieTo``,
  ``kg:tieKind`` and ``kg:support`` (how many distinct events or relations), and for the
  coordination kinds ``kg:articleCount``. Kinds: ``"linked"`` (any event or relation in which both
  take a part, in both directions), ``"COOPERATE"``, ``"CONSULT"``, ``"AGREE"`` (an event of that
  type with one as actor and the other as actor or recipient) and ``"allied_with"`` (a stated
  relation, subject to object);
- on each event whose reports disagree, ``kg:disputedOn`` (``"modality"``, ``"quantity"`` or
  ``"actor"``: another event of the same situation names other actors), ``kg:claimCount`` and
  ``kg:articleCount``.

The graph says which version of these rules made it (``dcterms:hasVersion``); a build recomputes
it when that differs, even if no article changed. The counting queries are ``.rq`` files beside
this module.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.graph.namespace import KG, RES
from kg.queries.files import sparql_file

__all__ = [
    "TALLIES_GRAPH",
    "Dispute",
    "Tie",
    "stored_version",
    "tallies_current",
    "tally_changes",
    "update_tallies",
    "version",
]

TALLIES_GRAPH = RES["graph/tallies"]
_QUERIES = ("linked.rq", "coordination.rq", "claims.rq", "quantities.rq", "contested.rq", "version.rq")


def _query(name: str) -> str:
    return sparql_file(__name__, name)


@functools.cache
def version() -> str:
    """A hash of the rules (this module and its queries): stored tallies made by other rules are stale."""
    h = hashlib.sha256(resources.files(__name__).joinpath("__init__.py").read_bytes())
    for name in _QUERIES:
        h.update(_query(name).encode("utf-8"))
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Tie:
    """``support`` distinct events or relations of one kind link ``source`` to ``target``."""

    source: str
    target: str
    kind: str  # linked | COOPERATE | CONSULT | AGREE | allied_with
    support: int
    articles: int | None = None  # for the coordination kinds

    @property
    def iri(self) -> URIRef:
        digest = hashlib.sha1(f"{self.kind}|{self.source}|{self.target}".encode()).hexdigest()[:20]
        return RES[f"tie/{digest}"]


@dataclass(frozen=True)
class Dispute:
    """An event whose reports disagree ``on`` modality, quantity and/or actor."""

    event: str
    on: tuple[str, ...]
    claims: int
    articles: int


def disputes(candidates: list[dict], quantities: set[str], contested: list[dict]) -> list[Dispute]:
    """Which events are disputed, from the rows of the counting queries: more than one modality or
    quantity among two claims or more, or contested (whatever the number of claims).

    >>> disputes([{"event": "e1", "claims": 3, "articles": 2, "modalities": 2},
    ...           {"event": "e2", "claims": 2, "articles": 2, "modalities": 1},
    ...           {"event": "e3", "claims": 2, "articles": 1, "modalities": 1}],
    ...          {"e2"}, [{"event": "e3", "claims": 2, "articles": 1}, {"event": "e4", "claims": 1, "articles": 1}])
    [Dispute(event='e1', on=('modality',), claims=3, articles=2), Dispute(event='e2', on=('quantity',), claims=2, articles=2), Dispute(event='e3', on=('actor',), claims=2, articles=1), Dispute(event='e4', on=('actor',), claims=1, articles=1)]
    """
    counts = {r["event"]: (r["claims"], r["articles"]) for r in contested}
    on: dict[str, list[str]] = {r["event"]: ["actor"] for r in contested}
    for r in candidates:
        counts[r["event"]] = (r["claims"], r["articles"])
        if r["claims"] > 1:
            reasons = (["modality"] if r["modalities"] > 1 else []) + (["quantity"] if r["event"] in quantities else [])
            on[r["event"]] = reasons + on.get(r["event"], [])
    return [Dispute(e, tuple(on[e]), *counts[e]) for e in sorted(on) if on[e]]


def read_ties(store) -> list[Tie]:
    ties = [Tie(r["x"], r["y"], "linked", r["support"]) for r in store.query(_query("linked.rq")).to_python()]
    ties += [
        Tie(r["x"], r["y"], r["kind"], r["support"], r["articles"])
        for r in store.query(_query("coordination.rq")).to_python()
    ]
    return ties


def read_disputes(store) -> list[Dispute]:
    candidates = store.query(_query("claims.rq")).to_python()
    quantities = {r["event"] for r in store.query(_query("quantities.rq")).to_python()}
    return disputes(candidates, quantities, store.query(_query("contested.rq")).to_python())


def update_tallies(store) -> tuple[list[Tie], list[Dispute]]:
    """Recompute the tallies graph of ``store`` (replaced in one update) and return what it holds."""
    ties, disputed, change = tally_changes(store)
    store.apply([change])
    return ties, disputed


def tally_changes(store):
    """The ties and disputes, and what makes the tallies graph hold them (a ``kg.graph.store.GraphChange``), not yet
    written."""
    ties, disputed = read_ties(store), read_disputes(store)
    return ties, disputed, store.diff(TALLIES_GRAPH, _triples(ties, disputed))


def tallies_current(store) -> bool:
    """Whether the store's tallies were made by these rules (False when it has none)."""
    return stored_version(store) == version()


def stored_version(store) -> str | None:
    """The version of the rules that made the store's tallies (None when it has none)."""
    rows = store.query(_query("version.rq")).to_python()
    return rows[0]["version"] if rows else None


def _triples(ties: list[Tie], disputed: list[Dispute]):
    yield TALLIES_GRAPH, DCTERMS.hasVersion, Literal(version())
    for t in ties:
        iri = t.iri
        yield iri, RDF.type, KG.Tie
        yield iri, KG.tieFrom, URIRef(t.source)
        yield iri, KG.tieTo, URIRef(t.target)
        yield iri, KG.tieKind, _string(t.kind)
        yield iri, KG.support, _integer(t.support)
        if t.articles is not None:
            yield iri, KG.articleCount, _integer(t.articles)
    for d in disputed:
        event = URIRef(d.event)
        for on in d.on:
            yield event, KG.disputedOn, _string(on)
        yield event, KG.claimCount, _integer(d.claims)
        yield event, KG.articleCount, _integer(d.articles)


# a few distinct values, each made once (rdflib's Literal() is slow, and there are ~100k of them at 5M triples)
@functools.cache
def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


@functools.cache
def _string(text: str) -> Literal:
    return Literal(text)
