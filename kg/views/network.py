"""Interactive network view (vis-network, inlined) of a kg view model.

Nodes are entities (shape and colour by type, size by number of events);
edges are events (actor → recipient, or actor → location when there is no
recipient), styled by modality, and relations (another colour).  The
vis-network node/edge JSON is generated directly — pyvis is not used: it is
quadratic in the number of nodes, writes a ``lib/`` folder, loads from CDNs
and inserts text as HTML (see shared/PITFALLS.md).

Above :data:`PHYSICS_LIMIT` nodes, positions are computed here with
networkx (seeded) and physics is off in the page.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import Any

from .page import view_page
from .payload import prepare, select_top

__all__ = ["network_html", "network_payload", "ENTITY_STYLES", "PHYSICS_LIMIT"]

#: above this many nodes, positions are computed in Python and physics is off
PHYSICS_LIMIT = 300
#: above this many nodes, only the best-connected CORE_LIMIT get a spring layout
CORE_LIMIT = 1500
LAYOUT_SEED = 7

#: type -> (vis shape, colour, legend glyph)
ENTITY_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("dot", "#e15759", "\u25cf"),
    "Organization": ("square", "#4e79a7", "\u25a0"),
    "NewsOutlet": ("triangleDown", "#b07aa1", "\u25bc"),
    "Country": ("hexagon", "#59a14f", "\u2b22"),
    "Place": ("triangle", "#d4a72c", "\u25b2"),
    "Group": ("diamond", "#f28e2b", "\u25c6"),
}
OTHER_STYLE = ("star", "#9c9c9c", "\u2605")

EVENT_COLOUR = "#34495e"
NEGATED_COLOUR = "#aaaaaa"
RELATION_COLOUR = "#d35400"
DASHES = {"planned": [8, 6], "possible": [2, 5]}


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _width(articles: int) -> float:
    return round(min(1.5 + 1.5 * max(articles - 1, 0), 10.0), 2)


def _modality_note(item: dict[str, Any]) -> str:
    note = f"modality: {item['modality']}"
    if item["disputed"]:
        note += " (disputed: claims say " + " / ".join(item["claimModalities"]) + ")"
    return note


def _edge_style(item: dict[str, Any], colour: str) -> dict[str, Any]:
    mod = item["modality"]
    style: dict[str, Any] = {"width": _width(item["articles"])}
    if mod == "negated":
        colour = NEGATED_COLOUR
    style["color"] = {"color": colour, "highlight": "#b8860b", "hover": colour, "inherit": False}
    if mod in DASHES:
        style["dashes"] = DASHES[mod]
    return style


def _layout(node_ids: list[int], pairs: list[tuple[int, int]], seed: int = LAYOUT_SEED
            ) -> dict[int, tuple[float, float]]:
    """Deterministic positions in pixels (networkx spring layout; a core/periphery
    scheme keeps it fast for many nodes).  The caller's data is not touched."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(node_ids)
    g.add_edges_from((a, b) for a, b in pairs if a != b)
    n = g.number_of_nodes()
    if n == 0:
        return {}
    order = sorted(g.nodes, key=lambda v: (-g.degree(v), v))
    core = order[:CORE_LIMIT]
    try:
        iterations = 50 if len(core) <= 600 else 20
        pos = {v: (float(p[0]), float(p[1])) for v, p in
               nx.spring_layout(g.subgraph(core), seed=seed, iterations=iterations).items()}
    except ImportError:  # scipy missing (networkx needs it above 500 nodes)
        pos = {}
    placed = dict(pos)
    rest = [v for v in order if v not in placed]
    if rest and placed:
        # periphery: breadth-first from the core, each node near a placed neighbour
        import random

        rng = random.Random(seed)
        step = 1.0 / math.sqrt(len(placed))
        queue = deque(v for v in order if v in placed)
        while queue:
            v = queue.popleft()
            vx, vy = placed[v]
            for w in sorted(g.neighbors(v)):
                if w not in placed:
                    angle = rng.uniform(0.0, 2 * math.pi)
                    r = step * (0.6 + rng.random())
                    placed[w] = (vx + r * math.cos(angle), vy + r * math.sin(angle))
                    queue.append(w)
        rest = [v for v in order if v not in placed]
    if rest:
        # unconnected to anything placed: a sunflower disc (around the core if any)
        golden = math.pi * (3 - math.sqrt(5))
        inner = 1.15 if placed else 0.0
        for j, v in enumerate(rest):
            r = inner + (1.0 if placed else 1.0) * math.sqrt((j + 0.5) / len(rest))
            placed[v] = (r * math.cos(j * golden), r * math.sin(j * golden))
    scale = 30.0 * math.sqrt(n) + 100.0
    return {v: (round(x * scale, 1), round(y * scale, 1)) for v, (x, y) in placed.items()}


def network_payload(model: Mapping[str, Any], *, top: int | None = None) -> dict[str, Any]:
    """The page payload: :func:`kg.views.page.prepare` plus ``network`` (vis nodes/edges)."""
    keep = select_top(model, top) if top is not None else None
    data = prepare(model, keep=keep)
    entities, events, relations = data["entities"], data["events"], data["relations"]

    nodes: list[dict[str, Any]] = []
    legend: dict[str, list[Any]] = {}
    for i, e in enumerate(entities):
        if not e["inView"]:
            continue
        shape, colour, glyph = ENTITY_STYLES.get(e["type"], OTHER_STYLE)
        n_ev = e["events"]
        nodes.append({
            "id": i,
            "label": _short(e["label"]),
            "title": f"{e['label']}\n{e['type']} \u00b7 {n_ev} event{'s' if n_ev != 1 else ''}",
            "shape": shape,
            "color": colour,
            "size": round(10 + 4 * math.sqrt(n_ev), 1) if n_ev < 100 else 50,
        })
        legend.setdefault(e["type"], [e["type"], colour, glyph, shape, 0])[4] += 1
    in_view = {n["id"] for n in nodes}

    edges: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        targets = ev["recipients"] or ev["locations"]
        k = 0
        for a in ev["actors"]:
            for t in targets:
                if a not in in_view or t not in in_view:
                    continue
                label = ("\u2715 " if ev["modality"] == "negated" else "") + ev["type"]
                if ev["disputed"]:
                    label += " [disputed]"
                title = "\n".join(filter(None, [
                    ev["type"] + (f" \u2014 {ev['label']}" if ev["label"] else ""),
                    f"{entities[a]['label']} \u2192 {entities[t]['label']}",
                    _modality_note(ev),
                    f"{ev['articles']} article{'s' if ev['articles'] != 1 else ''}",
                    "click for evidence",
                ]))
                edges.append({"id": f"e{i}.{k}", "from": a, "to": t, "kind": "event", "ref": i,
                              "label": _short(label, 48), "title": title,
                              **_edge_style(ev, EVENT_COLOUR)})
                k += 1
    for i, rel in enumerate(relations):
        s, o = rel["subject"], rel["object"]
        if s not in in_view or o not in in_view:
            continue
        label = ("\u2715 " if rel["modality"] == "negated" else "") + rel["type"]
        if rel["disputed"]:
            label += " [disputed]"
        title = "\n".join([
            f"relation: {rel['type']}",
            f"{entities[s]['label']} \u2192 {entities[o]['label']}",
            _modality_note(rel),
            f"{rel['articles']} article{'s' if rel['articles'] != 1 else ''}",
        ])
        edges.append({"id": f"r{i}", "from": s, "to": o, "kind": "relation", "ref": i,
                      "label": _short(label, 48), "title": title,
                      **_edge_style(rel, RELATION_COLOUR)})

    # spread parallel edges between the same two nodes
    by_pair: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for e in edges:
        by_pair.setdefault((min(e["from"], e["to"]), max(e["from"], e["to"])), []).append(e)
    for group in by_pair.values():
        if len(group) < 2 or group[0]["from"] == group[0]["to"]:
            continue
        for j, e in enumerate(group):
            roundness = round(0.12 + 0.14 * (j // 2), 2)
            ccw = (j % 2 == 1) != (e["from"] > e["to"])
            e["smooth"] = {"enabled": True, "type": "curvedCCW" if ccw else "curvedCW",
                           "roundness": roundness}

    physics = len(nodes) <= PHYSICS_LIMIT
    if not physics:
        pos = _layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in edges])
        for n in nodes:
            n["x"], n["y"] = pos[n["id"]]

    data["views"] = ["network"]
    data["network"] = {
        "nodes": nodes,
        "edges": edges,
        "physics": physics,
        "top": top,
        "legend": [legend[k][:4] + [legend[k][4]] for k in sorted(legend)],
        "colours": {"event": EVENT_COLOUR, "negated": NEGATED_COLOUR, "relation": RELATION_COLOUR},
    }
    return data


def network_html(model: Mapping[str, Any], *, top: int | None = None, title: str | None = None) -> str:
    """A complete, self-contained HTML page with the network view of ``model``.

    ``top=N`` keeps the N entities with most events (and the events and
    relations among them).  ``title`` overrides the model's title.  The model
    is not modified; the same model gives the same HTML.
    """
    payload = network_payload(model, top=top)
    return view_page(payload, title=title if title is not None else (payload["title"] or "kg network"))
