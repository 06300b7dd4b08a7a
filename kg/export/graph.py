"""The export as a networkx graph for GraphML and GEXF: entities as nodes, one edge per report and per relation.

Both writers take only text, numbers and booleans (``write_gexf`` rejects None, reads a list as dynamic data
and rejects datetime objects), so lists become text, absent values are left out, and times are ISO days.
"""

from __future__ import annotations

import re

import networkx as nx

from kg.export.table import ExportData, time_interval

__all__ = ["to_networkx"]

# characters XML 1.0 cannot carry at all, even escaped: a document holding one is not well-formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_networkx(data: ExportData, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A directed multigraph of the export. An edge goes from an event's first actor to its first recipient,
    else its first place (a report naming one participant only is a loop on it), and carries the full lists as
    text; with ``dynamic``, each edge has ``start`` and ``end`` (ISO days) for GEXF's timeline."""
    g = nx.MultiDiGraph(mode="dynamic") if dynamic else nx.MultiDiGraph()
    for iri, e in data.entities.items():
        g.add_node(iri, **_clean({"label": e["label"], "type": e["type"], "wikidata": _qid(e["wikidata"]),
                                  "sector": e["sector"], "article_count": e["articles"]}))  # fmt: skip
    for row in data.rows:
        roles = data.roles.get(row["event_id"], {})
        source, target = _ends(roles)
        if source is not None:
            g.add_edge(source, target, key=row["claim_id"], **_report_edge(row, dynamic))
    for rel in data.relations:
        g.add_edge(rel["subject"], rel["object"], key=rel["relation_id"], **_relation_edge(rel, dynamic))
    return g


def _ends(roles: dict) -> tuple[str | None, str | None]:
    actors, others = list(roles.get("actors", ())), [*roles.get("recipients", ()), *roles.get("places", ())]
    people = actors + [e for e in others if e not in actors]
    if not people:
        return None, None
    source = people[0]
    target = next((e for e in others if e != source), source)
    return source, target


def _report_edge(row: dict, dynamic: bool) -> dict:
    quantity = " ".join(str(v) for v in (row["quantity_qualifier"], _number(row["quantity_value"]),
                                         row["quantity_unit"]) if v is not None)  # fmt: skip
    attrs = {"kind": "event", "label": row["event_type"], "event_type": row["event_type"],
             "event_id": row["event_id"], "claim_id": row["claim_id"], "mode": row["mode"],
             "modality": row["modality"], "actors": _joined(row["actors"]), "recipients": _joined(row["recipients"]),
             "places": _joined(row["places"]), "quantity": quantity or None, "quantity_value": row["quantity_value"],
             "quantity_unit": row["quantity_unit"], "time_start": row["time_start"], "time_end": row["time_end"],
             "time_granularity": row["time_granularity"], "time_text": row["time_text"], "published": row["published"],
             "article_id": row["article_id"], "article_title": row["article_title"], "outlet": row["outlet"],
             "url": row["url"], "sources": " > ".join(row["sources"]) or None, "evidence": row["evidence"],
             "confidence": row["confidence"], "plan_status": row["plan_status"], "disputed": row["disputed"]}  # fmt: skip
    if dynamic:
        attrs.update(_span(row["time_start"], row["time_end"], row["published"]))
    return _clean(attrs)


def _relation_edge(rel: dict, dynamic: bool) -> dict:
    attrs = {"kind": "relation", "label": rel["relation_type"], "relation_type": rel["relation_type"],
             "relation_id": rel["relation_id"], "modality": rel["modality"], "published": rel["published"],
             "article_id": rel["article_id"], "article_title": rel["article_title"], "outlet": rel["outlet"],
             "url": rel["url"], "sources": " > ".join(rel["sources"]) or None, "evidence": rel["evidence"],
             "confidence": rel["confidence"]}  # fmt: skip
    if dynamic:
        attrs.update(_span(None, None, rel["published"]))
    return _clean(attrs)


def _span(start: str | None, end: str | None, published: str | None) -> dict:
    """GEXF ``start``/``end``: the time the report states, each end at its own precision (a month spans its
    days), else the publication day; nothing for an undated report (GEXF keeps such an edge at all times)."""
    first = time_interval(start)
    if first is None:
        first = time_interval(published)
        last = first
    else:
        last = time_interval(end) or first
    if first is None:
        return {}
    return {"start": first[0].isoformat(), "end": max(first[1], last[1]).isoformat()}


def _clean(attrs: dict) -> dict:
    return {k: _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in attrs.items() if v is not None}


def _joined(values: list[str]) -> str | None:
    return "; ".join(values) or None


def _number(value: float | None):
    return None if value is None else int(value) if float(value).is_integer() else value


def _qid(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else None
