"""Shared page shell for kg's offline HTML views.

Everything a view page needs besides its own view code lives here:

* :func:`prepare` normalises an (untrusted) view model into the JSON payload
  the page scripts read: entities, events and relations with their derived
  fields (distinct articles, disputed flag, day numbers for the time filter,
  CSS classes), plus the facets the filter bar offers.
* :func:`json_for_script` embeds that payload in a
  ``<script type="application/json">`` element so that no string can end the
  element (``<``, ``>``, ``&``, U+2028/2029 and lone surrogates are escaped).
* :func:`render_document` assembles a complete single-file HTML document with
  a Content-Security-Policy that allows exactly the inline scripts it
  contains (by sha256 hash), inline styles and ``data:`` images, and nothing
  from any network.
* ``COMMON_JS`` / ``COMMON_CSS``: the filter bar, the evidence panel and the
  linked selection shared by the network and the timeline.  All text from
  the model is inserted with DOM APIs (``textContent``, ``createElement``),
  never as HTML.

Vendored libraries are read from ``kg/views/assets`` (see the README there).
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "ASSETS_DIR",
    "KNOWN_MODALITIES",
    "combined_html",
    "json_for_script",
    "load_asset",
    "prepare",
    "render_document",
    "script_hash",
    "write_html",
]

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
VIS_NETWORK_JS = "vis-network-10.1.5.min.js"
VIS_NETWORK_CSS = "vis-network-10.1.5.min.css"
VIS_TIMELINE_JS = "vis-timeline-graph2d-8.5.4.min.js"
VIS_TIMELINE_CSS = "vis-timeline-graph2d-8.5.4.min.css"

KNOWN_MODALITIES = ("asserted", "planned", "possible", "negated")
UNDATED_NOTE = "undated"

# ---------------------------------------------------------------------------
# assets and embedding


_SOURCEMAP_RE = re.compile(r"^[ \t]*(?://|/\*)# sourceMappingURL=[^\n]*$", re.M)


@cache
def load_asset(name: str) -> str:
    """Return a vendored asset's text, ready to be inlined.

    Line endings are normalised to ``\\n`` (the HTML parser does the same, so
    the CSP hash of an inline script matches) and source-map comments are
    removed (they would make developer tools request a file).  Raises
    ``ValueError`` if the asset could end its ``<script>``/``<style>`` element.
    """
    path = ASSETS_DIR / name
    if path.parent != ASSETS_DIR:
        raise ValueError(f"not an asset name: {name!r}")
    text = path.read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SOURCEMAP_RE.sub("", text)
    lowered = text.lower()
    if "</script" in lowered or "</style" in lowered or "<!--" in text:
        raise ValueError(f"asset {name} cannot be inlined safely")
    return text


_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def json_for_script(obj: Any) -> str:
    """Serialise ``obj`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&``, U+2028, U+2029 (and lone surrogates, which cannot be
    encoded as UTF-8) are written as ``\\uXXXX`` escapes, so neither
    ``</script>`` nor ``<!--`` can appear in the element's text.  The result
    is read in the page with ``JSON.parse(el.textContent)``.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def script_hash(source: str) -> str:
    """CSP source expression (``'sha256-...'``) for an inline script's text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp(scripts: Iterable[str]) -> str:
    hashes = " ".join(dict.fromkeys(script_hash(s) for s in scripts))
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "font-src 'none'; "
        "connect-src 'none'; "
        "media-src 'none'; "
        "object-src 'none'; "
        "frame-src 'none'; "
        "worker-src 'none'; "
        "manifest-src 'none'; "
        "base-uri 'none'; "
        "form-action 'none'"
    )


def render_document(
    *,
    title: str,
    payload: Mapping[str, Any],
    body: str,
    scripts: list[str],
    styles: list[str],
) -> str:
    """Assemble a complete self-contained HTML document.

    ``body`` is trusted static markup (it must contain no model text);
    ``title`` is escaped here; ``payload`` is embedded with
    :func:`json_for_script` in ``<script id="kg-data" type="application/json">``;
    ``scripts`` and ``styles`` are inlined in order and every script is
    allowed by its sha256 hash in the page's Content-Security-Policy.
    """
    scripts = [s.replace("\r\n", "\n").replace("\r", "\n") for s in scripts]
    for s in scripts:
        if "</script" in s.lower() or "<!--" in s:
            raise ValueError("inline script cannot be embedded safely")
    for s in styles:
        if "</style" in s.lower():
            raise ValueError("inline style cannot be embedded safely")
    safe_title = html.escape(title, quote=True)
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_csp(scripts)}\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"kg.views\">\n",
        f"<title>{safe_title}</title>\n",
    ]
    for s in styles:
        out.append(f"<style>\n{s}\n</style>\n")
    out.append("</head>\n<body>\n")
    out.append(f"<header id=\"kg-header\"><h1 id=\"kg-title\">{safe_title}</h1>"
               "<span id=\"kg-stats\" aria-live=\"polite\"></span></header>\n")
    out.append(body)
    out.append("\n<script type=\"application/json\" id=\"kg-data\">")
    out.append(json_for_script(payload))
    out.append("</script>\n")
    for s in scripts:
        out.append(f"<script>{s}</script>\n")
    out.append("</body>\n</html>\n")
    return "".join(out)


def write_html(path: str | os.PathLike[str], html_text: str) -> Path:
    """Write a page (UTF-8, ``\\n`` line endings), creating parent folders."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(html_text)
    return p


# ---------------------------------------------------------------------------
# model normalisation


def _text(value: Any, default: str = "") -> str:
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return str(value)


def _opt_text(value: Any) -> str | None:
    if value is None:
        return None
    s = _text(value)
    return s if s != "" else None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)):
        return [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def _confidence(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    return round(f, 4)


_DATE_RE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")
_EPOCH = _dt.date(1970, 1, 1).toordinal()


def parse_period(value: Any) -> tuple[_dt.date, _dt.date] | None:
    """``"2022"``, ``"2022-12"``, ``"2022-12-05"`` (or an ISO datetime) → (first day, day after last).

    Anything else (free text, out-of-range dates) → ``None``.
    """
    if value is None:
        return None
    m = _DATE_RE.match(_text(value))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        year = int(y)
        if mo is None:
            first = _dt.date(year, 1, 1)
            after = _dt.date(year + 1, 1, 1) if year < 9999 else _dt.date(9999, 12, 31)
        elif d is None:
            first = _dt.date(year, int(mo), 1)
            nxt = (year + 1, 1) if int(mo) == 12 else (year, int(mo) + 1)
            after = _dt.date(nxt[0], nxt[1], 1) if nxt[0] <= 9999 else _dt.date(9999, 12, 31)
        else:
            first = _dt.date(year, int(mo), int(d))
            after = first + _dt.timedelta(days=1) if first < _dt.date(9999, 12, 31) else first
    except ValueError:
        return None
    if year < 1:
        return None
    return first, after


def _day(d: _dt.date) -> int:
    return d.toordinal() - _EPOCH


def _norm_modality(value: Any) -> str:
    s = _text(value).strip().lower()
    return s or "unspecified"


def _norm_claim(c: Any) -> dict[str, Any]:
    if not isinstance(c, Mapping):
        c = {"evidence": _text(c)}
    return {
        "article": _opt_text(c.get("article")),
        "article_title": _opt_text(c.get("article_title")),
        "outlet": _opt_text(c.get("outlet")),
        "date": _opt_text(c.get("date")),
        "sources": [_text(s) for s in _list(c.get("sources")) if _text(s) != ""],
        "modality": _opt_text(c.get("modality")),
        "confidence": _confidence(c.get("confidence")),
        "evidence": _opt_text(c.get("evidence")),
    }


def _claims_summary(claims: list[dict[str, Any]], modality: str) -> dict[str, Any]:
    articles = {c["article"] if c["article"] is not None else f"#claim{i}" for i, c in enumerate(claims)}
    claim_mods = sorted({_norm_modality(c["modality"]) for c in claims if c["modality"] is not None})
    disputed = len(claim_mods) > 1 or (len(claim_mods) == 1 and claim_mods[0] != modality)
    outlets = sorted({c["outlet"] for c in claims if c["outlet"] is not None})
    sources = sorted({s for c in claims for s in c["sources"]})
    lane_sources: list[str] = []
    for c in claims:
        key = c["sources"][0] if c["sources"] else (c["outlet"] or "(unknown source)")
        if key not in lane_sources:
            lane_sources.append(key)
    return {
        "articles": len(articles),
        "claimModalities": claim_mods,
        "disputed": disputed,
        "outlets": outlets,
        "sources": sources,
        "srcKeys": ["o:" + o for o in outlets] + ["s:" + s for s in sources],
        "laneSources": lane_sources,
    }


def _mod_class(modality: str) -> str:
    return "kg-mod-" + (modality if modality in KNOWN_MODALITIES else "other")


def _facet(counter: dict[str, int], order: Iterable[str] | None = None) -> list[list[Any]]:
    keys = sorted(counter)
    if order is not None:
        order = list(order)
        keys = [k for k in order if k in counter] + [k for k in keys if k not in order]
    return [[k, counter[k]] for k in keys]


def select_top(model: Mapping[str, Any], top: int) -> set[str]:
    """IRIs of the ``top`` entities with most events (ties: label, then IRI)."""
    if top < 0:
        raise ValueError("top must be >= 0")
    rows = []
    seen: set[str] = set()
    for e in _list(model.get("entities")):
        if not isinstance(e, Mapping):
            continue
        iri = _text(e.get("id"))
        if not iri or iri in seen:
            continue
        seen.add(iri)
        n = e.get("events")
        n = n if isinstance(n, int) and not isinstance(n, bool) and n >= 0 else 0
        rows.append((-n, _text(e.get("label"), iri), iri))
    rows.sort()
    return {r[2] for r in rows[:top]}


def prepare(model: Mapping[str, Any], *, keep: set[str] | None = None) -> dict[str, Any]:
    """Normalise a view model into the page payload (a new dict; ``model`` is not modified).

    Entity references become indices into ``entities``; a reference to an
    IRI the model does not describe becomes a placeholder entity of type
    ``Unknown``.  With ``keep`` (a set of entity IRIs) only events touching a
    kept entity and relations between kept entities are included, and only
    kept entities are marked ``inView`` (nodes of the network).
    """
    if not isinstance(model, Mapping):
        raise TypeError("model must be a mapping")

    raw_entities: list[dict[str, Any]] = []
    ent_index: dict[str, int] = {}
    for e in _list(model.get("entities")):
        if not isinstance(e, Mapping):
            continue
        iri = _text(e.get("id"))
        if not iri or iri in ent_index:
            continue
        n = e.get("events")
        ent_index[iri] = len(raw_entities)
        raw_entities.append({
            "id": iri,
            "label": _text(e.get("label")) or iri,
            "type": _text(e.get("type")) or "Unknown",
            "wikidata": _opt_text(e.get("wikidata")),
            "events": n if isinstance(n, int) and not isinstance(n, bool) and n >= 0 else None,
            "placeholder": False,
        })

    def participants(value: Any) -> list[str]:
        out: list[str] = []
        for x in _list(value):
            s = _text(x)
            if s and s not in out:
                out.append(s)
        return out

    raw_events: list[dict[str, Any]] = []
    seen_ev: set[str] = set()
    for i, ev in enumerate(_list(model.get("events"))):
        if not isinstance(ev, Mapping):
            continue
        iri = _text(ev.get("id")) or f"(event {i})"
        if iri in seen_ev:
            continue
        seen_ev.add(iri)
        actors = participants(ev.get("actors"))
        recipients = participants(ev.get("recipients"))
        locations = participants(ev.get("locations"))
        if keep is not None and not any(p in keep for p in actors + recipients + locations):
            continue
        raw_events.append({"src": ev, "id": iri, "actors": actors, "recipients": recipients,
                           "locations": locations})

    raw_relations: list[dict[str, Any]] = []
    seen_rel: set[str] = set()
    for i, rel in enumerate(_list(model.get("relations"))):
        if not isinstance(rel, Mapping):
            continue
        iri = _text(rel.get("id")) or f"(relation {i})"
        if iri in seen_rel:
            continue
        seen_rel.add(iri)
        subj, obj = _text(rel.get("subject")), _text(rel.get("object"))
        if keep is not None and not (subj in keep and obj in keep):
            continue
        raw_relations.append({"src": rel, "id": iri, "subject": subj, "object": obj})

    # which entities the payload needs, in model order, then placeholders
    referenced: list[str] = []
    ref_set: set[str] = set()

    def ref(iri: str) -> None:
        if iri and iri not in ref_set:
            ref_set.add(iri)
            referenced.append(iri)

    for ev in raw_events:
        for p in ev["actors"] + ev["recipients"] + ev["locations"]:
            ref(p)
    for rel in raw_relations:
        ref(rel["subject"])
        ref(rel["object"])

    entities: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for e in raw_entities:
        if keep is None or e["id"] in keep or e["id"] in ref_set:
            index[e["id"]] = len(entities)
            entities.append(dict(e))
    for iri in referenced:
        if iri not in index:
            index[iri] = len(entities)
            entities.append({"id": iri, "label": iri, "type": "Unknown", "wikidata": None,
                             "events": None, "placeholder": True})
    for e in entities:
        e["inView"] = keep is None or e["id"] in keep

    computed_counts = [0] * len(entities)
    events: list[dict[str, Any]] = []
    day_values: list[int] = []
    for raw in raw_events:
        ev = raw["src"]
        modality = _norm_modality(ev.get("modality"))
        claims = [_norm_claim(c) for c in _list(ev.get("claims"))]
        summary = _claims_summary(claims, modality)
        time = ev.get("time")
        time_n = None
        if isinstance(time, Mapping):
            time_n = {"text": _opt_text(time.get("text")), "start": _opt_text(time.get("start")),
                      "end": _opt_text(time.get("end"))}
        elif time is not None:
            time_n = {"text": _text(time), "start": None, "end": None}
        published = _opt_text(ev.get("published"))

        start_p = parse_period(time_n["start"]) if time_n else None
        end_p = parse_period(time_n["end"]) if time_n else None
        pub_p = parse_period(published)
        t = None
        dated = False
        d0 = d1 = None
        if start_p or end_p:
            dated = True
            first = (start_p or end_p)[0]
            if start_p and end_p and time_n["start"] != time_n["end"] and end_p[1] > start_p[0]:
                after = end_p[1]
                t = {"start": first.isoformat(), "end": after.isoformat()}
            else:
                after = (start_p or end_p)[1]
                t = {"start": first.isoformat(), "end": None}
            d0, d1 = _day(first), max(_day(first), _day(after) - 1)
        elif pub_p:
            t = {"start": pub_p[0].isoformat(), "end": None}
            d0 = d1 = _day(pub_p[0])
        if d0 is not None:
            day_values.extend((d0, d1))

        actors = [index[p] for p in raw["actors"]]
        recipients = [index[p] for p in raw["recipients"]]
        locations = [index[p] for p in raw["locations"]]
        for p in set(actors + recipients + locations):
            computed_counts[p] += 1
        classes = [_mod_class(modality)]
        if summary["disputed"] or ev.get("actor_dispute"):
            classes.append("kg-disputed")
        if not dated:
            classes.append("kg-undated")
        events.append({
            "id": raw["id"],
            "type": _text(ev.get("type")) or "EVENT",
            "mode": _opt_text(ev.get("mode")),
            "modality": modality,
            "label": _text(ev.get("label")),
            "actors": actors,
            "recipients": recipients,
            "locations": locations,
            "time": time_n,
            "published": published,
            "quantity": _opt_text(ev.get("quantity")),
            "plan": _opt_text(ev.get("plan")),
            "actorDispute": _opt_text(ev.get("actor_dispute")),
            "claims": claims,
            **summary,
            "dated": dated,
            "t": t,
            "d0": d0,
            "d1": d1,
            "cls": " ".join(classes),
        })

    relations: list[dict[str, Any]] = []
    for raw in raw_relations:
        rel = raw["src"]
        modality = _norm_modality(rel.get("modality"))
        claims = [_norm_claim(c) for c in _list(rel.get("claims"))]
        summary = _claims_summary(claims, modality)
        relations.append({
            "id": raw["id"],
            "type": _text(rel.get("type")) or "related_to",
            "subject": index[raw["subject"]] if raw["subject"] else None,
            "object": index[raw["object"]] if raw["object"] else None,
            "modality": modality,
            "claims": claims,
            **summary,
        })

    for i, e in enumerate(entities):
        if e["events"] is None:
            e["events"] = computed_counts[i]

    ev_types: dict[str, int] = {}
    rel_types: dict[str, int] = {}
    modalities: dict[str, int] = {}
    outlets: dict[str, int] = {}
    sources: dict[str, int] = {}
    for bucket, items in ((ev_types, events), (rel_types, relations)):
        for item in items:
            bucket[item["type"]] = bucket.get(item["type"], 0) + 1
    for item in events + relations:
        modalities[item["modality"]] = modalities.get(item["modality"], 0) + 1
        for o in item["outlets"]:
            outlets[o] = outlets.get(o, 0) + 1
        for s in item["sources"]:
            sources[s] = sources.get(s, 0) + 1
    ent_types: dict[str, int] = {}
    for e in entities:
        ent_types[e["type"]] = ent_types.get(e["type"], 0) + 1

    facets = {
        "eventTypes": _facet(ev_types),
        "relationTypes": _facet(rel_types),
        "modalities": _facet(modalities, KNOWN_MODALITIES),
        "entityTypes": _facet(ent_types),
        "outlets": _facet(outlets),
        "sources": _facet(sources),
        "dayMin": min(day_values) if day_values else None,
        "dayMax": max(day_values) if day_values else None,
        "undated": sum(1 for e in events if not e["dated"]),
    }
    return {
        "title": _text(model.get("title")),
        "entities": entities,
        "events": events,
        "relations": relations,
        "facets": facets,
    }


# ---------------------------------------------------------------------------
# page body and shared client code


def page_body(views: list[str]) -> str:
    """Static skeleton markup (no model text) for the given views."""
    parts = ['<div id="kg-layout">',
             '<aside id="kg-filters" aria-label="Filters"></aside>',
             '<main id="kg-views">']
    if "network" in views:
        parts.append('<section id="kg-network-section" aria-label="Network">'
                     '<div id="kg-network"></div><div id="kg-legend"></div></section>')
    if "timeline" in views:
        parts.append('<section id="kg-timeline-section" aria-label="Timeline">'
                     '<div id="kg-timeline"></div><div id="kg-nodate"></div></section>')
    parts.append('</main>')
    parts.append('<aside id="kg-panel" aria-label="Evidence" aria-live="polite">'
                 '<p class="kg-muted">Click a node, link or item to see its evidence.</p></aside>')
    parts.append('</div>')
    return "".join(parts)


# Captures each vis bundle's exports right after it ran: both UMD bundles
# assign to the same global `vis` object, and the timeline's DataSet must not
# replace the network's.
CAPTURE_NETWORK_JS = "window.kgVis=window.kgVis||{};window.kgVis.network={Network:vis.Network,DataSet:vis.DataSet};"
CAPTURE_TIMELINE_JS = ("window.kgVis=window.kgVis||{};window.kgVis.timeline="
                       "{Timeline:vis.Timeline,DataSet:vis.DataSet,DataView:vis.DataView};")


COMMON_CSS = r"""
*{box-sizing:border-box}
html,body{margin:0;padding:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;background:#fafafa}
#kg-header{display:flex;align-items:baseline;gap:1em;padding:.4em .8em;border-bottom:1px solid #ddd;background:#fff}
#kg-title{font-size:1.15em;margin:0;overflow-wrap:anywhere}
#kg-stats{color:#666;font-size:.9em}
#kg-layout{display:grid;grid-template-columns:240px minmax(0,1fr) 380px;height:calc(100vh - 2.6em)}
#kg-filters{overflow:auto;padding:.5em;border-right:1px solid #ddd;background:#fff;font-size:.92em}
#kg-views{overflow:auto;display:flex;flex-direction:column;min-width:0}
#kg-panel{overflow:auto;padding:.6em .8em;border-left:1px solid #ddd;background:#fff;overflow-wrap:anywhere}
#kg-network-section{display:flex;flex-direction:column;flex:1 1 60%;min-height:340px}
#kg-network{position:relative;flex:1 1 auto;min-height:280px;background:#fff}
#kg-timeline-section{flex:1 1 40%;min-height:240px;padding:.3em}
#kg-network-section+#kg-timeline-section{border-top:2px solid #ddd}
#kg-legend{flex:0 0 auto;background:#fff;border-top:1px solid #eee;padding:.2em .5em;font-size:.82em}
#kg-legend ul+ul{margin-top:.1em}
#kg-legend ul{list-style:none;margin:0;padding:0}
#kg-legend li{display:inline-block;margin-right:.8em;white-space:nowrap}
.kg-glyph{display:inline-block;width:1.2em;text-align:center}
.kg-line{display:inline-block;width:2.2em;height:0;border-top:2px solid #34495e;vertical-align:middle;margin-right:.3em}
.kg-line.kg-planned{border-top-style:dashed}.kg-line.kg-possible{border-top-style:dotted}
.kg-line.kg-negated{border-top-color:#aaa}.kg-line.kg-relation{border-top-color:#d35400}
fieldset.kg-fs{border:1px solid #e3e3e3;border-radius:4px;margin:0 0 .5em;padding:.2em .5em .4em;min-width:0}
fieldset.kg-fs legend{font-weight:600;padding:0 .2em}
label.kg-check{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.kg-fs-buttons{font-size:.85em;margin-bottom:.2em}
.kg-fs-buttons button{font-size:.9em;margin-right:.3em}
#kg-filters input[type=search],#kg-filters select{width:100%}
#kg-filters input[type=range]{width:100%}
.kg-range-out{display:block;font-size:.85em;color:#555}
.kg-muted{color:#777}
.kg-kind{text-transform:uppercase;font-size:.75em;letter-spacing:.06em;color:#777;margin:0}
#kg-panel h2{font-size:1.1em;margin:.1em 0 .4em}
#kg-panel h3{font-size:1em;margin:.8em 0 .3em}
#kg-panel dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15em .6em;margin:.3em 0}
#kg-panel dt{color:#666}
#kg-panel dd{margin:0;overflow-wrap:anywhere}
code.kg-iri{user-select:all;-webkit-user-select:all;background:#f3f3f3;padding:0 .2em;font-size:.85em;word-break:break-all;cursor:text}
.kg-badge{display:inline-block;border-radius:3px;padding:0 .4em;margin-right:.3em;font-size:.8em;background:#e8eef5}
.kg-badge.kg-b-disputed{background:#fde2e1;color:#a40000}
.kg-badge.kg-b-negated{background:#eee;color:#666;text-decoration:line-through}
.kg-claim{border:1px solid #e3e3e3;border-radius:4px;padding:.4em .5em;margin:.4em 0}
.kg-claim.kg-claim-differs{border-color:#e8a09a}
blockquote.kg-evidence{margin:0 0 .3em;padding:.2em .5em;border-left:3px solid #9bb;background:#f7fafa;white-space:pre-wrap}
button.kg-link{background:none;border:none;padding:0;color:#1a5fb4;text-decoration:underline;cursor:pointer;font:inherit;text-align:left}
ul.kg-list{margin:.2em 0;padding-left:1.1em}
#kg-nodate h3{font-size:.95em;margin:.5em 0 .2em}
/* timeline item styles */
.vis-item.kg-mod-asserted{background:#dbe9f6;border-color:#34495e}
.vis-item.kg-mod-planned{background:rgba(219,233,246,.55);border-style:dashed;border-color:#34495e}
.vis-item.kg-mod-possible{background:rgba(219,233,246,.35);border-style:dotted;border-color:#34495e}
.vis-item.kg-mod-negated{background:#f0f0f0;border-color:#aaa;color:#777}
.vis-item.kg-mod-negated .vis-item-content{text-decoration:line-through}
.vis-item.kg-mod-other{background:#eee;border-color:#999}
.vis-item.kg-disputed{box-shadow:inset 3px 0 0 #c0392b}
.vis-item.kg-undated{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px);font-style:italic}
.vis-item.vis-selected{background:#ffe58a;border-color:#b8860b}
.vis-item .vis-item-content{padding:1px 4px}
.vis-labelset .vis-label .vis-inner{max-width:220px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
"""


COMMON_JS = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var kg = { data: D, views: [], selected: null, hits: null, q: "" };
  window.kg = kg;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  function txt(s) { return document.createTextNode(String(s)); }
  function fmtDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  kg.el = el; kg.clear = clear; kg.fmtDay = fmtDay;

  // entity -> events / relations it takes part in
  var entEvents = D.entities.map(function () { return []; });
  var entRels = D.entities.map(function () { return []; });
  D.events.forEach(function (ev, i) {
    var seen = new Set();
    ev.actors.concat(ev.recipients, ev.locations).forEach(function (p) {
      if (!seen.has(p)) { seen.add(p); entEvents[p].push(i); }
    });
  });
  D.relations.forEach(function (r, i) {
    if (r.subject !== null) entRels[r.subject].push(i);
    if (r.object !== null && r.object !== r.subject) entRels[r.object].push(i);
  });
  kg.entityEvents = function (i) { return entEvents[i] || []; };

  // ---------------- filter state ----------------
  function keys(f) { return new Set(f.map(function (p) { return p[0]; })); }
  var F = D.facets;
  var S = {
    types: keys(F.eventTypes), rtypes: keys(F.relationTypes), modalities: keys(F.modalities),
    etypes: keys(F.entityTypes), source: "", from: F.dayMin, to: F.dayMax,
    hideUndated: false, q: "", neighbourhood: false, linkedOnly: false
  };
  kg.state = S;

  function anyHit(list) {
    for (var i = 0; i < list.length; i++) if (kg.hits.has(list[i])) return true;
    return false;
  }
  function contains(s, q) { return String(s).toLowerCase().indexOf(q) >= 0; }
  kg.eventPasses = function (ev) {
    if (!S.types.has(ev.type) || !S.modalities.has(ev.modality)) return false;
    if (S.source && ev.srcKeys.indexOf(S.source) < 0) return false;
    if (S.hideUndated && !ev.dated) return false;
    if (ev.d0 !== null && S.from !== null && (ev.d1 < S.from || ev.d0 > S.to)) return false;
    if (kg.hits) {
      if (!contains(ev.label, kg.q) && !contains(ev.type, kg.q) && !anyHit(ev.actors) &&
          !anyHit(ev.recipients) && !anyHit(ev.locations)) return false;
    }
    return true;
  };
  kg.relationPasses = function (r) {
    if (!S.rtypes.has(r.type) || !S.modalities.has(r.modality)) return false;
    if (S.source && r.srcKeys.indexOf(S.source) < 0) return false;
    if (kg.hits) {
      if (!contains(r.type, kg.q) && !kg.hits.has(r.subject) && !kg.hits.has(r.object)) return false;
    }
    return true;
  };
  kg.entityTypeOK = function (i) { var e = D.entities[i]; return !!e && S.etypes.has(e.type); };

  kg.apply = function () {
    var q = S.q.trim().toLowerCase();
    kg.q = q;
    if (q) {
      var hits = new Set();
      D.entities.forEach(function (e, i) { if (contains(e.label, q)) hits.add(i); });
      kg.hits = hits;
    } else {
      kg.hits = null;
    }
    var stats = [];
    kg.views.forEach(function (v) { var s = v.apply(); if (s) stats.push(s); });
    document.getElementById("kg-stats").textContent = stats.join(" \u00b7 ");
  };
  kg.setFilter = function (changes) {
    Object.keys(changes).forEach(function (k) {
      var v = changes[k];
      if (S[k] instanceof Set) v = new Set(v);
      S[k] = v;
    });
    syncControls();
    kg.apply();
  };

  // ---------------- filter bar ----------------
  var bar = document.getElementById("kg-filters");
  var controls = [];
  function fieldset(title) {
    var fs = el("fieldset", "kg-fs");
    fs.appendChild(el("legend", null, title));
    bar.appendChild(fs);
    return fs;
  }
  function checkboxGroup(title, key, facet) {
    if (!facet.length) return;
    var fs = fieldset(title);
    var boxes = [];
    if (facet.length > 2) {
      var btns = el("div", "kg-fs-buttons");
      [["all", true], ["none", false]].forEach(function (b) {
        var btn = el("button", null, b[0]);
        btn.type = "button";
        btn.addEventListener("click", function () {
          boxes.forEach(function (cb) { cb.checked = b[1]; if (b[1]) S[key].add(cb.value); else S[key].delete(cb.value); });
          kg.apply();
        });
        btns.appendChild(btn);
      });
      fs.appendChild(btns);
    }
    facet.forEach(function (pair) {
      var lab = el("label", "kg-check");
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.value = pair[0];
      cb.setAttribute("data-filter", key);
      cb.addEventListener("change", function () {
        if (cb.checked) S[key].add(pair[0]); else S[key].delete(pair[0]);
        kg.apply();
      });
      boxes.push(cb);
      lab.appendChild(cb);
      lab.appendChild(txt(" " + pair[0] + " (" + pair[1] + ")"));
      lab.title = pair[0];
      fs.appendChild(lab);
    });
    controls.push(function () { boxes.forEach(function (cb) { cb.checked = S[key].has(cb.value); }); });
  }
  function toggle(fs, id, text, key) {
    var lab = el("label", "kg-check");
    var cb = el("input");
    cb.type = "checkbox"; cb.id = id; cb.checked = !!S[key];
    cb.addEventListener("change", function () { S[key] = cb.checked; kg.apply(); });
    lab.appendChild(cb); lab.appendChild(txt(" " + text));
    fs.appendChild(lab);
    controls.push(function () { cb.checked = !!S[key]; });
  }

  var fsq = fieldset("Search");
  var search = el("input");
  search.type = "search"; search.id = "kg-q"; search.placeholder = "label contains\u2026";
  search.setAttribute("aria-label", "Search labels");
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { S.q = search.value; kg.apply(); }, 150);
  });
  fsq.appendChild(search);
  controls.push(function () { search.value = S.q; });
  if (D.views.indexOf("network") >= 0) {
    toggle(fsq, "kg-neigh", "neighbourhood of selected node", "neighbourhood");
    toggle(fsq, "kg-linked", "only nodes with visible links", "linkedOnly");
  }
  if (D.views.indexOf("timeline") >= 0) {
    var fsl = fieldset("Timeline lanes");
    var lanes = el("select");
    lanes.id = "kg-lanes";
    [["actor", "per actor"], ["source", "per source"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; lanes.appendChild(opt);
    });
    lanes.value = D.timeline.lanes;
    fsl.appendChild(lanes);
    kg.lanesSelect = lanes;
  }

  if (F.dayMin !== null) {
    var fst = fieldset("Time (event time, else published)");
    var from = el("input"), to = el("input"), out = el("output", "kg-range-out");
    [from, to].forEach(function (r, k) {
      r.type = "range"; r.min = F.dayMin; r.max = F.dayMax; r.step = 1;
      r.value = k ? F.dayMax : F.dayMin; r.id = k ? "kg-to" : "kg-from";
      r.setAttribute("aria-label", k ? "to" : "from");
      fst.appendChild(r);
    });
    var showRange = function () { out.textContent = fmtDay(S.from) + " \u2013 " + fmtDay(S.to); };
    var onRange = function (ev) {
      var a = +from.value, b = +to.value;
      if (a > b) { if (ev && ev.target === from) to.value = a; else from.value = b; }
      S.from = +from.value; S.to = +to.value; showRange(); kg.apply();
    };
    from.addEventListener("input", onRange); to.addEventListener("input", onRange);
    fst.appendChild(out);
    showRange();
    toggle(fst, "kg-hide-undated", "hide events without event time (" + F.undated + ")", "hideUndated");
    controls.push(function () { from.value = S.from; to.value = S.to; showRange(); });
  } else if (F.undated) {
    toggle(fieldset("Time"), "kg-hide-undated", "hide events without event time (" + F.undated + ")", "hideUndated");
  }

  checkboxGroup("Modality", "modalities", F.modalities);
  checkboxGroup("Event type", "types", F.eventTypes);
  checkboxGroup("Relation type", "rtypes", F.relationTypes);
  checkboxGroup("Entity type", "etypes", F.entityTypes);

  if (F.outlets.length || F.sources.length) {
    var fss = fieldset("Source / outlet");
    var sel = el("select");
    sel.id = "kg-source";
    var all = el("option", null, "(all)"); all.value = ""; sel.appendChild(all);
    [["Outlets", "o:", F.outlets], ["Cited sources", "s:", F.sources]].forEach(function (g) {
      if (!g[2].length) return;
      var og = el("optgroup"); og.label = g[0];
      g[2].forEach(function (p) { var o = el("option", null, p[0] + " (" + p[1] + ")"); o.value = g[1] + p[0]; og.appendChild(o); });
      sel.appendChild(og);
    });
    sel.addEventListener("change", function () { S.source = sel.value; kg.apply(); });
    fss.appendChild(sel);
    controls.push(function () { sel.value = S.source; });
  }
  function syncControls() { controls.forEach(function (f) { f(); }); }

  // ---------------- evidence panel ----------------
  var panel = document.getElementById("kg-panel");
  function row(dl, k, v) {
    if (v === null || v === undefined || v === "") return;
    dl.appendChild(el("dt", null, k));
    var dd = el("dd");
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v);
    dl.appendChild(dd);
  }
  function iriNode(iri) { var c = el("code", "kg-iri", iri); c.tabIndex = 0; return c; }
  function entityLinks(list) {
    if (!list || !list.length) return null;
    var span = el("span", "kg-links");
    list.forEach(function (i, k) {
      if (k) span.appendChild(txt(", "));
      var e = D.entities[i];
      var b = el("button", "kg-link", e ? e.label : String(i));
      b.type = "button";
      b.addEventListener("click", function () { kg.select("entity", i, "panel"); });
      span.appendChild(b);
    });
    return span;
  }
  function eventLink(i) {
    var ev = D.events[i];
    var b = el("button", "kg-link", ev.type + (ev.label ? ": " + ev.label : ""));
    b.type = "button";
    b.addEventListener("click", function () { kg.select("event", i, "panel"); });
    return b;
  }
  function badges(item) {
    var p = el("p");
    p.appendChild(el("span", "kg-badge" + (item.modality === "negated" ? " kg-b-negated" : ""), item.modality));
    if (item.disputed) {
      p.appendChild(el("span", "kg-badge kg-b-disputed",
        "disputed: " + item.claimModalities.join(" / ")));
    }
    p.appendChild(el("span", "kg-badge", item.articles + (item.articles === 1 ? " article" : " articles")));
    return p;
  }
  function claimsNode(item) {
    var wrap = el("div", "kg-claims");
    var n = item.claims.length;
    wrap.appendChild(el("h3", null, "Evidence (" + n + (n === 1 ? " claim)" : " claims)")));
    if (!n) wrap.appendChild(el("p", "kg-muted", "No claims recorded."));
    item.claims.forEach(function (c) {
      var differs = c.modality !== null && c.modality.toLowerCase() !== item.modality;
      var box = el("div", "kg-claim" + (differs ? " kg-claim-differs" : ""));
      if (c.evidence) box.appendChild(el("blockquote", "kg-evidence", c.evidence));
      else box.appendChild(el("p", "kg-muted", "(no evidence sentence)"));
      var dl = el("dl");
      row(dl, "Article", c.article_title || "(untitled)");
      row(dl, "Outlet", c.outlet || "\u2014");
      row(dl, "Date", c.date || "\u2014");
      row(dl, "Source chain", c.sources.length ? c.sources.join(" \u2192 ") : "(the article's own voice)");
      row(dl, "Modality", c.modality || "\u2014");
      row(dl, "Confidence", c.confidence === null ? "\u2014" : c.confidence.toFixed(2));
      row(dl, "Article IRI", c.article ? iriNode(c.article) : "\u2014");
      box.appendChild(dl);
      wrap.appendChild(box);
    });
    return wrap;
  }
  function showEvent(i) {
    var ev = D.events[i];
    panel.appendChild(el("p", "kg-kind", "Event"));
    panel.appendChild(el("h2", null, (ev.modality === "negated" ? "\u2715 " : "") + ev.type + (ev.label ? " \u2014 " + ev.label : "")));
    panel.appendChild(badges(ev));
    var dl = el("dl");
    row(dl, "IRI", iriNode(ev.id));
    row(dl, "Type", ev.type);
    row(dl, "Mode", ev.mode);
    row(dl, "Actors", entityLinks(ev.actors));
    row(dl, "Recipients", entityLinks(ev.recipients));
    row(dl, "Locations", entityLinks(ev.locations));
    var tm = "(none)";
    if (ev.time) {
      var parts = [];
      if (ev.time.text) parts.push("\u201c" + ev.time.text + "\u201d");
      if (ev.time.start || ev.time.end) {
        parts.push(ev.time.start === ev.time.end || !ev.time.end ? (ev.time.start || "") :
          (ev.time.start || "?") + " \u2013 " + ev.time.end);
      }
      if (parts.length) tm = parts.join(" ");
    }
    row(dl, "Event time", tm);
    row(dl, "Published", ev.published || "(unknown)");
    row(dl, "Quantity", ev.quantity);
    row(dl, "Plan", ev.plan);
    row(dl, "Actor disputed", ev.actorDispute);
    panel.appendChild(dl);
    panel.appendChild(claimsNode(ev));
  }
  function showRelation(i) {
    var r = D.relations[i];
    panel.appendChild(el("p", "kg-kind", "Relation"));
    panel.appendChild(el("h2", null, r.type));
    panel.appendChild(badges(r));
    var dl = el("dl");
    row(dl, "IRI", iriNode(r.id));
    row(dl, "Subject", entityLinks(r.subject === null ? [] : [r.subject]));
    row(dl, "Object", entityLinks(r.object === null ? [] : [r.object]));
    panel.appendChild(dl);
    panel.appendChild(claimsNode(r));
  }
  function showEntity(i) {
    var e = D.entities[i];
    panel.appendChild(el("p", "kg-kind", "Entity"));
    panel.appendChild(el("h2", null, e.label));
    var dl = el("dl");
    row(dl, "IRI", iriNode(e.id));
    row(dl, "Type", e.type + (e.placeholder ? " (not described in the model)" : ""));
    row(dl, "Wikidata", e.wikidata);
    row(dl, "Events", String(e.events));
    panel.appendChild(dl);
    var evs = entEvents[i];
    panel.appendChild(el("h3", null, "Events here (" + evs.length + ")"));
    if (evs.length) {
      var ul = el("ul", "kg-list");
      evs.forEach(function (k) {
        var li = el("li");
        li.appendChild(eventLink(k));
        var ev = D.events[k];
        var role = ev.actors.indexOf(i) >= 0 ? "actor" : ev.recipients.indexOf(i) >= 0 ? "recipient" : "location";
        li.appendChild(txt(" (" + role + ", " + ev.modality + (ev.disputed ? ", disputed" : "") + ")"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var rels = entRels[i];
    if (rels.length) {
      panel.appendChild(el("h3", null, "Relations (" + rels.length + ")"));
      var ul2 = el("ul", "kg-list");
      rels.forEach(function (k) {
        var r = D.relations[k];
        var li = el("li");
        var b = el("button", "kg-link", r.type);
        b.type = "button";
        b.addEventListener("click", function () { kg.select("relation", k, "panel"); });
        var s = D.entities[r.subject], o = D.entities[r.object];
        li.appendChild(txt((s ? s.label : "?") + " "));
        li.appendChild(b);
        li.appendChild(txt(" " + (o ? o.label : "?")));
        ul2.appendChild(li);
      });
      panel.appendChild(ul2);
    }
  }
  kg.select = function (kind, ref, origin) {
    var table = kind === "event" ? D.events : kind === "relation" ? D.relations : kind === "entity" ? D.entities : null;
    if (!table || typeof ref !== "number" || !table[ref]) return;
    kg.selected = { kind: kind, ref: ref };
    clear(panel);
    if (kind === "event") showEvent(ref); else if (kind === "relation") showRelation(ref); else showEntity(ref);
    panel.scrollTop = 0;
    kg.views.forEach(function (v) { if (v.name !== origin && v.highlight) v.highlight(kind, ref); });
    if (S.neighbourhood) kg.apply();
  };
  kg.findEvent = function (iri) { for (var i = 0; i < D.events.length; i++) if (D.events[i].id === iri) return i; return -1; };
  kg.findEntity = function (iri) { for (var i = 0; i < D.entities.length; i++) if (D.entities[i].id === iri) return i; return -1; };
  kg.start = function () { kg.apply(); kg.ready = true; };
})();
"""

START_JS = "window.kg.start();"


def combined_html(model: Mapping[str, Any], *, top: int | None = None, lanes: str = "actor",
                  title: str | None = None) -> str:
    """Network and timeline in one page, with one filter bar, one evidence panel and
    linked selection (selecting an event or entity in one view highlights it in the other)."""
    from .network import NETWORK_CSS, NETWORK_JS, network_payload
    from .timeline import TIMELINE_CSS, TIMELINE_JS, check_lanes

    check_lanes(lanes)
    payload = network_payload(model, top=top)
    payload["views"] = ["network", "timeline"]
    payload["timeline"] = {"lanes": lanes}
    page_title = title if title is not None else (payload["title"] or "kg")
    return render_document(
        title=page_title,
        payload=payload,
        body=page_body(payload["views"]),
        styles=[load_asset(VIS_NETWORK_CSS), load_asset(VIS_TIMELINE_CSS), COMMON_CSS,
                NETWORK_CSS, TIMELINE_CSS],
        scripts=[load_asset(VIS_NETWORK_JS), CAPTURE_NETWORK_JS, load_asset(VIS_TIMELINE_JS),
                 CAPTURE_TIMELINE_JS, COMMON_JS, NETWORK_JS, TIMELINE_JS, START_JS],
    )
