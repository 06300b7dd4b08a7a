"""The export as a networkx graph for GraphML and GEXF: entities as nodes, one edge per report and per relation.

Both writers take only text, numbers and booleans (``write_gexf`` rejects None, reads a list as dynamic data
and rejects datetime objects), so lists become text, absent values are left out, and times are ISO days.
"""

from __future__ import annotations

import re

import networkx as nx

from kg.export.table import ExportData, report_interval
from kg.graph.namespace import RES, wikidata_id

__all__ = ["node_id", "to_networkx"]

RESOURCE = str(RES)

# characters XML 1.0 cannot carry at all, even escaped: a document holding one is not well-formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_networkx(data: ExportData, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A directed multigraph of the export. An edge goes from an event's first actor to its first recipient,
    else its first place (a report naming one participant only is a loop on it), and carries the full lists as
    text; with ``dynamic``, each edge has ``start`` and ``end`` (ISO days) for GEXF's timeline."""
    g = nx.MultiDiGraph(mode="dynamic") if dynamic else nx.MultiDiGraph()
    for iri, e in data.entities.items():
        g.add_node(
            node_id(iri),
            **_clean(
                {
                    "iri": iri,
                    "label": e["label"],
                    "type": e["type"],
                    "wikidata": wikidata_id(e["wikidata"]),
                    "sector": e["sector"],
                    "article_count": e["articles"],
                }
            ),
        )
    for row in data.rows:
        ends = _ends(data.roles.get(row["event_id"], {}))
        if ends is not None:
            source, target = ends
            g.add_edge(node_id(source), node_id(target), key=node_id(row["claim_id"]), **_report_edge(row, dynamic))
    for rel in data.relations:
        g.add_edge(
            node_id(rel["subject"]),
            node_id(rel["object"]),
            key=node_id(rel["relation_id"]),
            **_relation_edge(rel, dynamic),
        )
    return g


def node_id(iri: str) -> str:
    """An IRI as a GraphML id (an XML NMTOKEN: no "/", "%", "#"...), short for kg's own resources, one to one.

    >>> node_id("https://w3id.org/kgct/resource/entity/Q159"), node_id("https://x.example/a_b#c")
    ('entity:Q159', 'https_3A_::x.example:a_5F_b_23_c')
    """
    local = iri[len(RESOURCE) :] if iri.startswith(RESOURCE) else iri
    return "".join(
        c if c.isascii() and (c.isalnum() or c in ".-") else ":" if c == "/" else f"_{ord(c):X}_" for c in local
    )


def _ends(roles: dict) -> tuple[str, str] | None:
    actors, others = list(roles.get("actors", ())), [*roles.get("recipients", ()), *roles.get("places", ())]
    people = actors + [e for e in others if e not in actors]
    if not people:
        return None
    source = people[0]
    target = next((e for e in others if e != source), source)
    return source, target


def _report_edge(row: dict, dynamic: bool) -> dict:
    quantity = " ".join(
        str(v)
        for v in (row["quantity_qualifier"], _number(row["quantity_value"]), row["quantity_unit"])
        if v is not None
    )
    attrs = {
        "kind": "event",
        "label": row["event_type"],
        "event_type": row["event_type"],
        "event_id": row["event_id"],
        "claim_id": row["claim_id"],
        "mode": row["mode"],
        "modality": row["modality"],
        "actors": _joined(row["actors"]),
        "recipients": _joined(row["recipients"]),
        "places": _joined(row["places"]),
        "quantity": quantity or None,
        "quantity_value": row["quantity_value"],
        "quantity_unit": row["quantity_unit"],
        "time_start": row["time_start"],
        "time_end": row["time_end"],
        "time_granularity": row["time_granularity"],
        "time_text": row["time_text"],
        "published": row["published"],
        "article_id": row["article_id"],
        "article_title": row["article_title"],
        "outlet": row["outlet"],
        "url": row["url"],
        "sources": " > ".join(row["sources"]) or None,
        "evidence": row["evidence"],
        "confidence": row["confidence"],
        "plan_status": row["plan_status"],
        "disputed": row["disputed"],
    }
    if dynamic:
        attrs.update(_span(row["time_start"], row["time_end"], row["published"]))
    return _clean(attrs)


def _relation_edge(rel: dict, dynamic: bool) -> dict:
    attrs = {
        "kind": "relation",
        "label": rel["relation_type"],
        "relation_type": rel["relation_type"],
        "relation_id": rel["relation_id"],
        "modality": rel["modality"],
        "published": rel["published"],
        "article_id": rel["article_id"],
        "article_title": rel["article_title"],
        "outlet": rel["outlet"],
        "url": rel["url"],
        "sources": " > ".join(rel["sources"]) or None,
        "evidence": rel["evidence"],
        "confidence": rel["confidence"],
    }
    if dynamic:
        attrs.update(_span(None, None, rel["published"]))
    return _clean(attrs)


def _span(start: str | None, end: str | None, published: str | None) -> dict:
    """GEXF ``start``/``end``: the report's days (:func:`~kg.export.table.report_interval`); nothing for an
    undated report (GEXF keeps such an edge at all times)."""
    days = report_interval(start, end, published)
    return {} if days is None else {"start": days[0].isoformat(), "end": days[1].isoformat()}


def _clean(attrs: dict) -> dict:
    return {k: _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in attrs.items() if v is not None}


def _joined(values: list[str]) -> str | None:
    return "; ".join(values) or None


def _number(value: float | None):
    return None if value is None else int(value) if float(value).is_integer() else value
