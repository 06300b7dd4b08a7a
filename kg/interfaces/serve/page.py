"""The query page of ``kg serve`` at ``/``: Yasgui, vendored from npm and inlined, over this endpoint.

Offline and self-contained: Yasgui's JS and CSS (``assets/``, with their licence) and kg's glue
(``assets/page.js``) are inlined; the Content-Security-Policy allows exactly those scripts (by
sha256 hash), inline styles, ``data:`` images and fonts, and requests to this origin only. The
page carries kg's prefixes (the editor starts with them), the named queries (one button each) and
the limits; ``/?query=...`` opens that query in the editor, ready to run. Updates typed there are
sent to the endpoint, which refuses them (403: read-only).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.queries.files import sparql_file

__all__ = ["Page", "front_page"]

_ASSETS = Path(__file__).with_name("assets")


@dataclass(frozen=True)
class Page:
    html: str
    csp: str  # the Content-Security-Policy header that goes with it


@cache
def _asset(name: str) -> str:
    text = (_ASSETS / name).read_text(encoding="utf-8")
    if name.endswith(".js") and not _inline_safe(text):
        raise ValueError(f"{name} cannot be inlined in a <script> element safely")
    if name.endswith(".css") and "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined in a <style> element safely")
    return text


def _inline_safe(script: str) -> bool:
    """True when ``script`` cannot end its ``<script>`` element early nor enter the "double escaped"
    parser state (``<!--`` then ``<script`` before any ``-->``).

    >>> _inline_safe("a = `<!-->`; b = /<script/"), _inline_safe("a = '<!--'; b = '<script>'")
    (True, False)
    >>> _inline_safe("x = '</script>'")
    False
    """
    lower = script.lower()
    if "</script" in lower:
        return False
    for m in re.finditer("<!--", lower):
        end, tag = lower.find("-->", m.start() + 2), lower.find("<script", m.end())
        if tag != -1 and (end == -1 or tag < end):
            return False
    return True


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _json_for_script(obj) -> str:
    """JSON that no string can break out of inside ``<script type="application/json">``.

    >>> _json_for_script({"q": "</script><!--"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(obj, ensure_ascii=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _payload(server) -> dict:
    from kg.graph.rdf import PREFIXES
    from kg.queries import named_queries

    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    head = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items())
    queries = [
        {"name": q.name, "description": q.description, "params": [p.name for p in q.params], "sparql": q.sparql}
        for q in named_queries()
    ]
    return {
        "endpoint": server.endpoint,
        "prefixes": prefixes,
        "start": head + "\n" + sparql_file(__package__, "start.rq").rstrip("\n"),
        "queries": queries,
    }


def front_page(server) -> Page:
    """The page for a :class:`~kg.interfaces.serve.http.SparqlServer`."""
    e = html.escape
    info, endpoint, limits = server.info, server.endpoint, server.limits
    scripts = [_asset("yasgui.min.js"), _asset("page.js")]
    example = f"curl -H 'Accept: text/csv' --data-urlencode 'query=select * where {{ ?s ?p ?o }} limit 10' {endpoint}"
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<meta name="referrer" content="no-referrer">
<style>{_asset("yasgui.min.css")}</style>
<style>{_asset("page.css")}</style></head>
<body><header id="kg-head"><h1>kg SPARQL endpoint</h1>
<p>Store <code>{e(info.path)}</code>: {info.triples} triples in {info.graphs} named graphs, {info.articles} articles.
Endpoint <code>{e(endpoint)}</code> (SPARQL 1.1 Protocol, GET or POST, read-only; <code>SERVICE</code> disabled).</p>
<p>Limits: {e(limits.describe())}; a result cut by a limit has <code>X-KG-Truncated: true</code>.
From a shell: <code>{e(example)}</code></p>
<div id="kg-named" aria-label="named queries"></div></header>
<div id="kg-yasgui"></div>
<script type="application/json" id="kg-data">{_json_for_script(_payload(server))}</script>
{"".join(f"<script>{s}</script>" for s in scripts)}
</body></html>
"""
    hashes = " ".join(_script_hash(s) for s in scripts)
    csp = (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return Page(body, csp)
