"""Graph analytics with networkx over the kg graph.

:func:`to_networkx` gives a ``MultiDiGraph``: every entity that takes part in an event (or, with
``relations=True``, a stated relation) is a node, even when no edge reaches it (an event with one
participant, "Russia - ASSAULT", still counts in its node's ``events``); each event is one edge per
actor -> recipient or place, keyed by the event's IRI. The queries are the ``.rq`` files beside this module and
the views' entity and role queries (:mod:`kg.views`), which show the same nodes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from kg.queries.files import sparql_file

__all__ = ["centrality", "to_networkx"]

# when an event's reports disagree, the edge's modality is the one most reports give; ties go to the surer one
_MODALITY_ORDER = ("asserted", "planned", "possible", "negated")
# the views' participant lists, as one edge's end is named: an actor -> its recipient or place
_ROLE = {"actors": "actor", "recipients": "recipient", "locations": "place"}


def _query(name: str) -> str:
    return sparql_file(__name__, name)


@dataclass
class _Event:
    type: str
    claims: list[str] = field(default_factory=list)
    modalities: Counter = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    stated: set[str] = field(default_factory=set)  # times the reports give (ISO, their granularity kept)
    published: set[str] = field(default_factory=set)

    def attributes(self) -> dict:
        """Edge attributes (plain values, so the graph writes to GraphML or GEXF as it is after joining lists)."""
        ranked = sorted(self.modalities.items(), key=lambda kv: (-kv[1], _rank(kv[0])))
        return _present(
            {
                "kind": "event",
                "type": self.type,
                "modality": ranked[0][0],
                "modalities": sorted(self.modalities, key=_rank),
                "date": min(self.stated or self.published, default=None),
                "date_stated": bool(self.stated),
                "articles": len(self.articles),
                "claims": sorted(self.claims),
            }
        )


def _present(attributes: dict) -> dict:
    """Without the missing values (networkx's GEXF writer refuses None)."""
    return {k: v for k, v in attributes.items() if v is not None}


def _rank(modality: str) -> int:
    return _MODALITY_ORDER.index(modality) if modality in _MODALITY_ORDER else len(_MODALITY_ORDER)


def _events(store) -> dict[str, _Event]:
    events: dict[str, _Event] = {}
    for r in store.query(_query("claims.rq")).to_python():
        e = events.setdefault(r["event"], _Event(r["type"]))
        e.claims.append(r["claim"])
        e.modalities[r["modality"]] += 1
        e.articles.add(r["article"])
        if r["start"] is not None:
            e.stated.add(str(r["start"]))
        if r["published"] is not None:
            e.published.add(str(r["published"]))
    return events


def _roles(store) -> dict[str, dict[str, list[str]]]:
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.query(sparql_file("kg.views", "view_roles.rq")).to_python():
        roles[r["event"]][_ROLE[r["role"]]].append(r["entity"])
    return roles


def to_networkx(store, *, relations: bool = False) -> nx.MultiDiGraph:
    """Entities as nodes (``label``, ``type``, ``wikidata``, ``events``: how many events they take part in),
    events as edges actor -> recipient or place (key: the event IRI; ``type``, ``modality``, ``modalities``,
    ``date``: the earliest time a report states, else the earliest publication date, ISO text at its
    granularity; ``date_stated``, ``articles``: how many report it, ``claims``: the reports' IRIs, ``role``
    of the target). With ``relations``, stated relations too (``kind="relation"``, keyed by their IRI)."""
    g = nx.MultiDiGraph()
    entities = {r["entity"]: r for r in store.query(sparql_file("kg.views", "view_entities.rq")).to_python()}
    events, roles = _events(store), _roles(store)
    taking_part: Counter = Counter()
    for iri, parts in roles.items():
        if iri not in events:
            continue
        for entity in {e for es in parts.values() for e in es}:
            taking_part[entity] += 1
        for actor in parts.get("actor", ()):
            for role in ("recipient", "place"):
                for other in parts.get(role, ()):
                    if other != actor:
                        g.add_edge(actor, other, key=iri, role=role, **events[iri].attributes())
        g.add_nodes_from(e for es in parts.values() for e in es)
    if relations:
        _add_relations(g, store)
    for node in g.nodes:
        r = entities.get(node, {})
        g.nodes[node].update(
            _present(
                {
                    "label": r.get("label") or node,
                    "type": r.get("type"),
                    "wikidata": r.get("wikidata"),
                    "events": taking_part[node],
                }
            )
        )
    return g


def _add_relations(g: nx.MultiDiGraph, store) -> None:
    for r in store.query(_query("relations.rq")).to_python():
        published = None if r["published"] is None else str(r["published"])
        g.add_edge(
            r["subject"],
            r["object"],
            key=r["relation"],
            **_present(
                {
                    "kind": "relation",
                    "type": r["type"],
                    "modality": r["modality"],
                    "modalities": [r["modality"]],
                    "date": published,
                    "date_stated": False,
                    "articles": 1,
                    "claims": [r["relation"]],
                    "role": "object",
                }
            ),
        )


def centrality(store, *, top: int = 10) -> list[tuple[str, float]]:
    """Entities by degree centrality on the event graph: (label, score), highest first."""
    g = to_networkx(store)
    if not g:
        return []
    scores = nx.degree_centrality(nx.Graph(g))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))
    return [(g.nodes[n]["label"], round(s, 4)) for n, s in ranked[:top]]
