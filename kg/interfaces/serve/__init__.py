"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a kg store.

``GET /sparql?query=...``, ``POST /sparql`` (``application/x-www-form-urlencoded`` or
``application/sparql-query``) and a query page at ``/``. Queries see the union of all graphs of the
store (as ``kg sparql`` does) unless the request names its own dataset (``default-graph-uri`` /
``named-graph-uri``) or the query has ``FROM`` clauses.

Results: ``application/sparql-results+json`` (default), ``application/sparql-results+xml``,
``text/csv`` and ``text/tab-separated-values`` for solutions (select queries); JSON or XML for booleans (ask);
Turtle (default), N-Triples or RDF/XML for graphs (construct, describe).

Limits (:class:`~kg.interfaces.serve.limits.Limits`), each reported in the response rather than silently applied:

- **Read-only.** There is no update support at all: SPARQL Update requests get 403.
- **Time.** Queries run in worker processes (:mod:`kg.interfaces.serve.pool`); one still running at the timeout
  is killed and replaced, and the client gets 503 with a message. Requests wait for a worker in a
  bounded, fair queue (503 with ``Retry-After`` when it is full).
- **Size.** At most ``max_rows`` solutions (or triples) and ``max_mb`` megabytes; a cut result has
  ``X-KG-Truncated: true`` and ``X-KG-Truncated-By: rows|bytes``. Each worker's memory is capped.
- **Shape.** Queries nested or chained too deeply for pyoxigraph's parser are refused (400).
- **No federation.** ``SERVICE`` is refused (400): pyoxigraph would fetch any URL it names.
- **Loopback only** unless ``allow_remote=True``: there is no authentication; the ``Host`` header
  is checked (DNS rebinding), ``allowed_hosts`` adds names.
- The store is read as it was when the server (or a worker) started: restart after ``kg build``.
"""

import importlib

# The CLI reads the serve options' defaults (kg.interfaces.serve.limits) at every start: the server (its HTTP handler,
# worker pool and result writers) is imported on first use only.
_EXPORTS = {
    "DEFAULT_PORT": "kg.interfaces.serve.limits",
    "Limits": "kg.interfaces.serve.limits",
    "ServeError": "kg.interfaces.serve.limits",
    "SparqlServer": "kg.interfaces.serve.http",
    "negotiate": "kg.interfaces.serve.results",
    "has_dataset_clause": "kg.queries.querytext",
    "uses_service": "kg.queries.querytext",
    "is_loopback": "kg.interfaces.serve.server",
    "make_server": "kg.interfaces.serve.server",
    "serve": "kg.interfaces.serve.server",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
