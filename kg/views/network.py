"""Interactive network view (vis-network, inlined) of a kg view model.

Nodes are entities (shape by type, size by number of events; an event with no
counterpart is counted on its node); one edge per (actor, recipient or else
location, type, modality) stands for every such event, and relations likewise
(another colour).  The vis-network node/edge JSON is generated directly — pyvis
is not used: it is quadratic in the number of nodes, writes a ``lib/`` folder,
loads from CDNs and inserts text as HTML.

Positions are computed here (networkx, seeded, spaced to node size); the
page re-lays out and fits whatever subset the filters leave visible.
Colour is the node's community (Louvain, networkx), shape its type.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import Any

from .page import view_page
from .payload import prepare, select_top

__all__ = ["network_html", "network_payload", "ENTITY_STYLES"]

#: above this many nodes, only the best-connected CORE_LIMIT get a spring layout
CORE_LIMIT = 1500
LAYOUT_SEED = 7
#: the page first shows at most this many entities, the best-connected (a reader can raise it)
MAX_NODES = 40

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
#: community colours (Tableau 10, then lighter tones); communities beyond these are grey
COMMUNITY_PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#a0cbe8",
    "#ffbe7d",
    "#8cd17d",
    "#f1ce63",
    "#d4a6c8",
    "#fabfd2",
)


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _width(count: int) -> float:
    """Line width for a link standing for ``count`` events (the page's ``width`` does the same)."""
    return round(min(1.5 + 1.5 * max(count - 1, 0), 10.0), 2)


def _edge_style(mod: str, count: int, colour: str) -> dict[str, Any]:
    style: dict[str, Any] = {"width": _width(count)}
    if mod == "negated":
        colour = NEGATED_COLOUR
    style["color"] = {"color": colour, "highlight": "#b8860b", "hover": colour, "inherit": False}
    if mod in DASHES:
        style["dashes"] = DASHES[mod]
    return style


def _layout(
    node_ids: list[int], pairs: list[tuple[int, int]], sizes: dict[int, float], seed: int = LAYOUT_SEED
) -> dict[int, tuple[float, float]]:
    """Deterministic positions in pixels for the linked nodes: a networkx spring layout (the best-connected
    CORE_LIMIT nodes; the rest beside a placed neighbour), scaled to the nodes' sizes, then pushed apart
    until no two nodes overlap.  The page refines it on whatever subset is visible."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(node_ids)
    g.add_edges_from((a, b) for a, b in pairs if a != b and a in sizes and b in sizes and a in g and b in g)
    if not g.number_of_nodes():
        return {}
    order = sorted(g.nodes, key=lambda v: (-g.degree(v), v))
    core = order[:CORE_LIMIT]
    pos = _spring(g.subgraph(core), seed, iterations=60 if len(core) <= 600 else 30)
    _place_periphery(g, order, pos, seed)
    # room for each node and its label: spacing grows with the mean node size
    spacing = 4.0 * (sum(sizes[v] for v in pos) / len(pos)) + 20.0
    scale = spacing * math.sqrt(len(pos)) / 2.0
    return _separate({v: (x * scale, y * scale) for v, (x, y) in pos.items()}, sizes)


def _spring(g, seed: int, iterations: int) -> dict[int, tuple[float, float]]:
    """Fruchterman-Reingold on a dense adjacency (numpy): for the few hundred to CORE_LIMIT nodes a page
    shows it is several times faster than networkx's sparse solver, which it switches to above 500 nodes."""
    import networkx as nx
    import numpy as np

    nodes = sorted(g.nodes)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    adj = nx.to_numpy_array(g, nodelist=nodes, weight=None, dtype=np.float32)
    xy = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    t = np.float32(0.1)
    eye = np.eye(n, dtype=np.float32)
    for _ in range(iterations):
        dx, dy = xy[:, 0:1] - xy[:, 0], xy[:, 1:2] - xy[:, 1]
        dist = np.maximum(np.hypot(dx, dy), 0.01) + eye
        force = (k * k / dist**2 - adj * dist / k) * (1 - eye)
        disp = np.stack([(dx * force).sum(1), (dy * force).sum(1)], axis=1)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 0.01)
        xy += disp * (t / length)[:, None]
        t -= np.float32(0.1 / (iterations + 1))
    xy -= xy.mean(0)
    xy /= max(float(np.abs(xy).max()), 1e-9)
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, xy, strict=True)}


def _place_periphery(g, order: list[int], placed: dict[int, tuple[float, float]], seed: int) -> None:
    import random

    rng = random.Random(seed)
    step = 1.0 / math.sqrt(max(len(placed), 1))
    queue = deque(v for v in order if v in placed)
    while queue:
        v = queue.popleft()
        vx, vy = placed[v]
        for w in sorted(g.neighbors(v)):
            if w not in placed:
                angle, r = rng.uniform(0.0, 2 * math.pi), step * (0.6 + rng.random())
                placed[w] = (vx + r * math.cos(angle), vy + r * math.sin(angle))
                queue.append(w)
    placed.update(_ring([v for v in order if v not in placed], placed))


def _separate(
    pos: dict[int, tuple[float, float]], sizes: dict[int, float], rounds: int = 80
) -> dict[int, tuple[float, float]]:
    """Push overlapping nodes apart (numpy, all pairs per round) and round to 0.1 px."""
    import numpy as np

    ids = list(pos)
    xy = np.array([pos[v] for v in ids], dtype=np.float32)
    r = np.array([sizes[v] for v in ids], dtype=np.float32) + 12.0
    need = r[:, None] + r[None, :]
    eye = np.eye(len(ids), dtype=np.float32)
    for _ in range(rounds if len(ids) <= 2500 else 0):
        dx, dy = xy[:, 0:1] - xy[:, 0], xy[:, 1:2] - xy[:, 1]
        dist = np.hypot(dx, dy) + eye
        push = np.clip(need - dist, 0, None) * (1 - eye) / dist / 2
        if not push.any():
            break
        xy[:, 0] += (dx * push).sum(1)
        xy[:, 1] += (dy * push).sum(1)
    return {v: (round(float(x), 1), round(float(y), 1)) for v, (x, y) in zip(ids, xy, strict=True)}


def _ring(ids: list[int], around: dict[int, tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """A sunflower disc for nodes with no link, outside what ``around`` occupies."""
    if not ids:
        return {}
    inner = max((math.hypot(x, y) for x, y in around.values()), default=0.0)
    step = 60.0 if inner > 10 else 1.0
    golden = math.pi * (3 - math.sqrt(5))
    out = {}
    for j, v in enumerate(ids):
        r = inner * 1.1 + step * math.sqrt(j + 0.5) * (3 if inner > 10 else 1)
        out[v] = (round(r * math.cos(j * golden), 1), round(r * math.sin(j * golden), 1))
    return out


def _links(
    events: list[dict[str, Any]], relations: list[dict[str, Any]], in_view: set[int]
) -> tuple[list[dict[str, Any]], dict[int, list[int]]]:
    """One link per (from, to, kind, type, modality), listing every event or relation it stands for; and,
    per entity, the events that draw no link (one participant, or a counterpart out of view)."""
    links: dict[tuple, dict[str, Any]] = {}
    unlinked: dict[int, list[int]] = {}
    for i, ev in enumerate(events):
        drawn = False
        for a in ev["actors"]:
            for t in ev["recipients"] or ev["locations"]:
                if a in in_view and t in in_view:
                    key = (a, t, "event", ev["type"], ev["modality"])
                    link = links.setdefault(
                        key,
                        {
                            "from": a,
                            "to": t,
                            "kind": "event",
                            "type": ev["type"],
                            "modality": ev["modality"],
                            "refs": [],
                        },
                    )
                    if i not in link["refs"]:
                        link["refs"].append(i)
                    drawn = True
        if not drawn:
            for p in dict.fromkeys(ev["actors"] or ev["recipients"] or ev["locations"]):
                if p in in_view:
                    unlinked.setdefault(p, []).append(i)
    for i, rel in enumerate(relations):
        s, o = rel["subject"], rel["object"]
        if s in in_view and o in in_view:
            key = (s, o, "relation", rel["type"], rel["modality"])
            links.setdefault(
                key,
                {"from": s, "to": o, "kind": "relation", "type": rel["type"], "modality": rel["modality"], "refs": []},
            )["refs"].append(i)
    return list(links.values()), unlinked


def _communities(node_ids: list[int], links: list[dict[str, Any]]) -> dict[int, int]:
    """Community number per linked node (Louvain, seeded; 0 is the largest), from networkx."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(node_ids)
    for link in links:
        if link["from"] != link["to"]:
            w = g.get_edge_data(link["from"], link["to"], {"weight": 0})["weight"]
            g.add_edge(link["from"], link["to"], weight=w + len(link["refs"]))
    linked = [v for v in g if g.degree(v)]
    if not linked:
        return {}
    groups = nx.community.louvain_communities(g.subgraph(linked), weight="weight", seed=LAYOUT_SEED)
    groups = sorted(groups, key=lambda c: (-len(c), min(c)))
    return {v: k for k, group in enumerate(groups) for v in group}


def _node(i: int, e: dict[str, Any], degree: int, hub_degree: int) -> dict[str, Any]:
    shape, colour, _glyph = ENTITY_STYLES.get(e["type"], OTHER_STYLE)
    n_ev = e["events"]
    # hubs get big labels so that they stay readable when the whole graph is fitted on screen
    font = round(14 + 40 * math.sqrt(degree / hub_degree), 1) if hub_degree else 14
    return {
        "id": i,
        "label": _short(e["label"]),
        "shape": shape,
        "color": colour,
        "degree": degree,
        "title": f"{e['label']}\n{e['type']} \u00b7 {n_ev} event{'s' if n_ev != 1 else ''}",
        "size": round(min(10 + 4 * math.sqrt(n_ev), 60), 1),
        "font": {"size": font},
    }


def _edge(k: int, link: dict[str, Any], items: list[dict[str, Any]], entities: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(link["refs"])
    articles = len({c["article"] for r in link["refs"] for c in items[r]["claims"]})
    disputed = any(items[r]["disputed"] for r in link["refs"])
    label = ("\u2715 " if link["modality"] == "negated" else "") + link["type"] + (f" \u00d7{n}" if n > 1 else "")
    title = "\n".join(
        [
            ("relation: " if link["kind"] == "relation" else "") + link["type"] + f" ({link['modality']})",
            f"{entities[link['from']]['label']} \u2192 {entities[link['to']]['label']}",
            f"{n} {link['kind']}{'s' if n != 1 else ''} in {articles} article{'s' if articles != 1 else ''}"
            + (" (some disputed)" if disputed else ""),
            "click for every report",
        ]
    )
    colour = RELATION_COLOUR if link["kind"] == "relation" else EVENT_COLOUR
    edge = {
        "id": k,
        "from": link["from"],
        "to": link["to"],
        "kind": link["kind"],
        "type": link["type"],
        "modality": link["modality"],
        "refs": link["refs"],
        "label": _short(label, 48),
        "title": title,
        **_edge_style(link["modality"], n, colour),
    }
    return edge


def network_payload(model: Mapping[str, Any], *, top: int | None = None) -> dict[str, Any]:
    """The page payload: :func:`kg.views.payload.prepare` plus ``network``: vis nodes (entities, with the
    events that draw no link counted on them) and one vis edge per (from, to, kind, type, modality)."""
    keep = select_top(model, top) if top is not None else None
    data = prepare(model, keep=keep)
    entities, events, relations = data["entities"], data["events"], data["relations"]
    in_view = {i for i, e in enumerate(entities) if e["inView"]}
    links, unlinked = _links(events, relations, in_view)
    degree = dict.fromkeys(in_view, 0)
    for link in links:
        degree[link["from"]] += len(link["refs"])
        degree[link["to"]] += len(link["refs"])
    hub = max(degree.values(), default=0)
    nodes = [_node(i, entities[i], degree[i], hub) for i in sorted(in_view)]
    community = _communities(sorted(in_view), links)
    for n in nodes:
        n["community"] = community.get(n["id"], -1)
        n["unlinked"] = unlinked.get(n["id"], [])
    edges = [_edge(k, link, events if link["kind"] == "event" else relations, entities) for k, link in enumerate(links)]
    _spread_parallel(edges)
    pos = _layout(
        [n["id"] for n in nodes if degree[n["id"]]],
        [(e["from"], e["to"]) for e in edges],
        {n["id"]: n["size"] for n in nodes},
    )
    pos.update(_ring([n["id"] for n in nodes if not degree[n["id"]]], pos))
    for n in nodes:
        n["x"], n["y"] = pos[n["id"]]
    legend: dict[str, list[Any]] = {}
    for n in nodes:
        e = entities[n["id"]]
        shape, colour, glyph = ENTITY_STYLES.get(e["type"], OTHER_STYLE)
        legend.setdefault(e["type"], [e["type"], colour, glyph, shape, 0])[4] += 1
    data["views"] = ["network"]
    data["network"] = {
        "nodes": nodes,
        "edges": edges,
        "top": top,
        "maxNodes": MAX_NODES,
        "legend": [legend[k] for k in sorted(legend)],
        "communities": _community_names(community, entities, degree),
        "palette": list(COMMUNITY_PALETTE),
        "colours": {"event": EVENT_COLOUR, "negated": NEGATED_COLOUR, "relation": RELATION_COLOUR},
    }
    return data


def _community_names(
    community: dict[int, int], entities: list[dict[str, Any]], degree: dict[int, int]
) -> list[list[Any]]:
    """[name, size] per community: named after its best-connected member."""
    members: dict[int, list[int]] = {}
    for v, c in community.items():
        members.setdefault(c, []).append(v)
    return [[entities[max(vs, key=lambda v: (degree[v], -v))]["label"], len(vs)] for _c, vs in sorted(members.items())]


def _spread_parallel(edges: list[dict[str, Any]]) -> None:
    """Curves apart the links between the same two nodes (one per type and modality)."""
    by_pair: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for e in edges:
        by_pair.setdefault((min(e["from"], e["to"]), max(e["from"], e["to"])), []).append(e)
    for group in by_pair.values():
        if len(group) < 2 or group[0]["from"] == group[0]["to"]:
            continue
        for j, e in enumerate(group):
            ccw = (j % 2 == 1) != (e["from"] > e["to"])
            e["smooth"] = {
                "enabled": True,
                "type": "curvedCCW" if ccw else "curvedCW",
                "roundness": round(0.12 + 0.14 * (j // 2), 2),
            }


def network_html(model: Mapping[str, Any], *, top: int | None = None, title: str | None = None) -> str:
    """A complete, self-contained HTML page with the network view of ``model``.

    ``top=N`` keeps the N entities with most events (and the events and
    relations among them).  ``title`` overrides the model's title.  The model
    is not modified; the same model gives the same HTML.
    """
    payload = network_payload(model, top=top)
    return view_page(payload, title=title if title is not None else (payload["title"] or "kg network"))
