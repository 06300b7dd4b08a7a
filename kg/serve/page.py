"""The front page of ``kg serve``: what is served, its limits, and how to query it."""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["Page", "front_page"]


@dataclass(frozen=True)
class Page:
    html: str
    csp: str  # the Content-Security-Policy header that goes with it


def front_page(server) -> Page:
    """The page for a :class:`~kg.serve.http.SparqlServer` (no scripts, no external resources)."""
    from kg.queries import named_queries

    e = html.escape
    info, endpoint, limits = server.info, server.endpoint, server.limits
    queries = "".join(
        f"<dt><code>{e(q.name)}</code></dt><dd>{e(q.description)}"
        + (f" Parameters: {e(', '.join(p.name for p in q.params))}." if q.params else "")
        + f"<details><summary>SPARQL</summary><pre>{e(q.sparql)}</pre></details></dd>"
        for q in named_queries()
    )
    example = f"curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10' {endpoint}"
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}pre,code{{background:#f4f4f4}}
pre{{padding:.5em;overflow:auto}}dd{{margin-bottom:1em}}textarea{{width:100%}}</style></head>
<body><h1>kg SPARQL endpoint</h1>
<p>Store <code>{e(info.path)}</code>: {info.triples} triples in {info.graphs} named graphs, {info.articles} articles.</p>
<p>SPARQL 1.1 Protocol endpoint: <code>{e(endpoint)}</code> (GET or POST; read-only). Queries see the union of all
graphs unless they give <code>FROM</code> or <code>default-graph-uri</code>/<code>named-graph-uri</code>.
Results: JSON (default), XML, CSV or TSV for SELECT; Turtle, N-Triples or RDF/XML for CONSTRUCT and DESCRIBE.
<code>SERVICE</code> is disabled.</p>
<p>Limits: {e(limits.describe())}; a result cut by a limit has <code>X-KG-Truncated: true</code>.</p>
<pre>{e(example)}</pre>
<form method="get" action="/sparql"><textarea name="query" rows="6">SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10</textarea>
<button type="submit">Run</button></form>
<h2>Named queries</h2><dl>{queries}</dl>
</body></html>
"""
    return Page(body, "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
