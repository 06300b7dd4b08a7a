"""The network view's model as a ``pyvis.network.Network``, for users who style it with pyvis and save it.

pyvis 0.3.2's own page cannot be used with untrusted text or offline: every
``cdn_resources`` mode loads something from a CDN, the heading and menus are inserted unescaped, and one title
holding "href" turns every tooltip into HTML. So the network this returns renders its page with kg's page
shell instead (:class:`OfflineNetwork` overrides ``generate_html``, which ``write_html`` calls): vis-network
inlined from ``kg/views/assets``, the nodes, edges and options as JSON data, a Content-Security-Policy, and
titles handed to vis-network as strings, which it shows as text. Everything else is pyvis's: ``show_buttons``,
``set_options``, ``toggle_physics``, ``add_node``..., then ``net.write_html("graph.html")``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources
from typing import Any

from pyvis.network import Network

from kg.export.table import Filters, entity_iri, report_interval, time_interval

__all__ = ["OfflineNetwork", "filter_model", "to_pyvis"]

# the vis-network fields of a node or edge of the view's payload that a pyvis item carries over
_NODE_FIELDS = ("title", "shape", "color", "size", "font", "x", "y")
# above this many nodes pyvis's default physics takes minutes to settle: the view's
# layout positions are kept still
PHYSICS_LIMIT = 300
_EDGE_FIELDS = ("id", "label", "title", "width", "color", "dashes", "smooth")


class OfflineNetwork(Network):
    """A pyvis ``Network`` whose HTML is one self-contained file: no CDN, no ``lib/`` folder, text as text."""

    def __init__(self, **kwargs):
        kwargs.setdefault("cdn_resources", "in_line")  # pyvis's write_html then copies no lib/ folder
        super().__init__(**kwargs)

    def generate_html(self, name="index.html", local=True, notebook=False) -> str:
        from kg.views.page import VIS_NETWORK_CSS, VIS_NETWORK_JS, load_asset, render_document

        _, _, heading, height, width, options = self.get_network_data()
        payload = {
            "nodes": [_plain(n) for n in self.nodes],
            "edges": [_plain(e) for e in self.edges],
            "options": json.loads(options),
            "configure": bool(self.conf),
            "height": str(height),
            "width": str(width),
            "background": str(self.bgcolor),
        }
        own = resources.files("kg.export")
        self.html = render_document(
            title=str(heading or "kg network"),
            payload=payload,
            body='<div id="kg-pyvis"></div><div id="kg-pyvis-config"></div>',
            styles=[load_asset(VIS_NETWORK_CSS), own.joinpath("pyvis.css").read_text(encoding="utf-8")],
            scripts=[load_asset(VIS_NETWORK_JS), own.joinpath("pyvis.js").read_text(encoding="utf-8")],
        )
        return self.html


def _plain(item: dict) -> dict:
    """A node or edge with its title as a string: vis-network shows a string as text, whatever it holds."""
    out = dict(item)
    if out.get("title") is not None:
        out["title"] = str(out["title"])
    return out


def to_pyvis(store, *, top: int | None = None, isolates: bool | None = None, **filters) -> OfflineNetwork:
    """The entities, events and relations of ``store`` as the network view draws them (same model, same
    shapes, colours and dashes), filtered as ``kg export`` filters, ``top`` keeping the most connected entities.
    As in the view, entities with no link (their events have one participant) are left out when some are linked
    (on a corpus they are thousands, a ring around the linked ones), unless ``isolates`` is true; when none is
    linked they are drawn, unless ``isolates`` is false (never an empty drawing by default)."""
    from kg.views.model import view_model
    from kg.views.network import network_payload

    chosen = Filters(**filters)
    if chosen.entity is not None:  # the one lookup every --entity and entity parameter uses
        chosen = replace(chosen, entity=entity_iri(store, chosen.entity))
    model = filter_model(view_model(store), chosen)
    network = network_payload(model, top=top)["network"]
    net = OfflineNetwork(directed=True, height="800px", width="100%", heading=model["title"])
    linked = any(n["degree"] for n in network["nodes"])
    nodes = [n for n in network["nodes"] if n["degree"] or (not linked if isolates is None else isolates)]
    for node in nodes:
        net.add_node(node["id"], label=node["label"], **{k: node[k] for k in _NODE_FIELDS if k in node})
    for edge in network["edges"]:
        net.add_edge(edge["from"], edge["to"], **{k: edge[k] for k in _EDGE_FIELDS if k in edge})
    if len(nodes) > PHYSICS_LIMIT:
        net.toggle_physics(False)
    return net


def filter_model(model: Mapping[str, Any], filters: Filters) -> Mapping[str, Any]:
    """The view model keeping the events and relations ``filters`` select (as ``kg export`` does: an event by
    its type, a claim by its modality, the event's time else its publication date, an entity by its IRI taking
    part or cited in a claim's source chain: :func:`to_pyvis` looks a name up first, with
    :func:`kg.export.table.entity_iri`) and the entities they name."""
    if filters == Filters():
        return model
    wanted = None if filters.entity is None else {str(filters.entity)}
    cited = next((e["label"] for e in model["entities"] if {e["id"]} == wanted), None)  # chains hold labels
    low, high = filters.window()
    events = []
    for ev in model["events"]:
        claims = [c for c in ev["claims"] if filters.modality in (None, c["modality"])]
        if wanted is not None and not wanted & {*ev["actors"], *ev["recipients"], *ev["locations"]}:
            claims = [c for c in claims if cited in c["sources"]]  # kept as ``kg export`` keeps a cited report
        if claims and filters.type in (None, ev["type"]) and _meets(_event_interval(ev), filters, low, high):
            events.append({**ev, "claims": claims})
    relations = []
    for rel in model["relations"]:
        claims = [
            c
            for c in rel["claims"]
            if filters.modality in (None, c["modality"]) and _meets(time_interval(c["date"]), filters, low, high)
        ]
        if wanted is not None and not wanted & {rel["subject"], rel["object"]}:
            claims = [c for c in claims if cited in c.get("sources", ())]
        if claims and filters.type in (None, rel["type"]):
            relations.append({**rel, "claims": claims})
    named = {e for ev in events for e in (*ev["actors"], *ev["recipients"], *ev["locations"])}
    named |= {e for rel in relations for e in (rel["subject"], rel["object"])}
    return {
        **model,
        "entities": [e for e in model["entities"] if e["id"] in named],
        "events": events,
        "relations": relations,
    }


def _event_interval(ev: dict):
    time = ev.get("time") or {}
    return report_interval(time.get("start"), time.get("end"), ev.get("published"))


def _meets(interval, filters: Filters, low, high) -> bool:
    if filters.since is None and filters.until is None:
        return True
    return interval is not None and interval[1] >= low and interval[0] <= high
