"""``kg push``: load every named graph of a kg store into an external SPARQL 1.1 server.

Two ways in:

- **Graph Store HTTP Protocol** (``graph_store=URL``): each graph is sent as N-Triples, the first
  batch with ``PUT URL?graph=IRI`` (which replaces the graph), the others with ``POST``.
- **SPARQL 1.1 Update** (default): the graph is dropped, then its triples are added by ``insert data``
  updates (kg/store's ``drop-graph.ru`` and ``insert-data.ru``) POSTed to ``endpoint`` as ``application/sparql-update``, ``batch_size`` triples per request.

A batch the server rejects as too large (HTTP 400, 413 or 500) is halved and sent again, and the
rest of the run keeps the smaller size (Virtuoso 7 takes about 1,000 triples per ``insert data``; its
Graph Store endpoint takes far more, and is some ten times faster).

Every term is written by pyoxigraph (``str(term)`` is N-Triples syntax, escaped); no term is
formatted by hand.

**Blank nodes** are skolemised, so that triples sent in different batches (and runs) still share
their nodes: each graph is first canonicalised with RDFC-1.0 (blank node labels then depend on the
graph's content only, not on the random labels of the store), and a blank node with canonical
label ``L`` in graph ``G`` becomes ``res:.well-known/genid/`` (:data:`kg.graph.namespace.GENID`) followed by
the first 32 hex digits of SHA-256(``G`` newline ``L``). A graph rebuilt with the same content
therefore gets the same IRIs and the same content hash. Blank nodes shared between two graphs
become two IRIs (kg never shares them).

**Resuming.** The last request for a graph adds the marker triple
``<G> kg:contentHash "<sha256 of the graph's sorted N-Triples lines>"`` to the graph. Before
loading, the server's markers are read with one query (``query_endpoint``, by default
``endpoint``); with ``resume=True`` a graph whose marker matches is skipped, any other graph
(absent, half-loaded, changed) is dropped and loaded again. Graphs on the server that are not in
the store are left alone. The store's default graph is not pushed (kg keeps nothing there).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, OptionError
from kg.graph import namespace
from kg.graph.store import drop_graph, insert_data
from kg.interfaces.retry import DROPPED, fetch
from kg.queries.files import sparql_file

__all__ = ["CONTENT_HASH", "GENID", "PushError", "PushReport", "credentials", "graph_content", "push"]

GENID = str(namespace.GENID)
CONTENT_HASH = str(namespace.KG.contentHash)
_HASH_VERSION = "kg-push-1\n"  # change when the content hash or the skolem IRIs change


class PushError(KgError, RuntimeError):
    """The server refused or could not be reached; the message names the URL and what to do."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status  # the HTTP status, when the server answered


@dataclass
class PushReport:
    endpoint: str
    protocol: str  # "graph-store" | "update"
    pushed: list[str] = field(default_factory=list)  # graph IRIs loaded by this run
    skipped: list[str] = field(default_factory=list)  # graph IRIs already complete on the server
    triples_pushed: int = 0
    triples_skipped: int = 0
    requests: int = 0
    seconds: float = 0.0
    batch_size: int = 0  # at the end: lower than asked when the server rejected larger batches

    def to_dict(self) -> dict:
        return {
            "endpoint": self.endpoint,
            "protocol": self.protocol,
            "graphs_pushed": len(self.pushed),
            "graphs_skipped": len(self.skipped),
            "triples_pushed": self.triples_pushed,
            "triples_skipped": self.triples_skipped,
            "requests": self.requests,
            "batch_size": self.batch_size,
            "seconds": round(self.seconds, 3),
        }

    def to_text(self) -> str:
        return (
            f"pushed   {len(self.pushed)} graphs, {self.triples_pushed} triples ({self.requests} requests of up to "
            f"{self.batch_size} triples, {self.seconds:.1f} s, {self.protocol} to {self.endpoint})\n"
            f"skipped  {len(self.skipped)} graphs, {self.triples_skipped} triples (already on the server)"
        )


@dataclass(frozen=True)
class GraphContent:
    """One graph, ready to send: skolemised N-Triples lines (sorted) and their content hash."""

    iri: ox.NamedNode
    lines: tuple[str, ...]
    digest: str

    @property
    def marker(self) -> str:
        return f"{self.iri} {ox.NamedNode(CONTENT_HASH)} {ox.Literal(self.digest)} ."


def push(
    store,
    *,
    endpoint: str,
    graph_store: str | None = None,
    query_endpoint: str | None = None,
    batch_size: int = 5000,
    resume: bool = True,
    auth: tuple[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    timeout_s: float = 300.0,
) -> PushReport:
    """Load every named graph of ``store`` (a :class:`~kg.graph.store.Store` or a folder) into a SPARQL server.

    ``endpoint`` takes SPARQL Update (and queries, unless ``query_endpoint`` is given); with
    ``graph_store`` the graphs go by the Graph Store Protocol and ``endpoint`` is only queried.
    Oxigraph server: ``endpoint=.../update, query_endpoint=.../query`` or ``graph_store=.../store,
    endpoint=.../query``; Virtuoso: ``endpoint=.../sparql`` (after granting SPARQL_UPDATE).
    ``auth=(user, password)`` answers HTTP Basic or Digest challenges. ``progress(n)`` is called
    with the number of triples of each batch sent or graph skipped.
    """
    if batch_size < 1:
        raise OptionError("--batch-size must be at least 1")
    started = time.monotonic()
    http = _Http(auth, timeout_s, [endpoint, query_endpoint, graph_store])
    report = PushReport(graph_store or endpoint, "graph-store" if graph_store else "update")
    batching = _Batching(batch_size)
    with _opened(store) as ox_store:
        _warn_default_graph(ox_store)
        markers = _server_markers(http, query_endpoint or endpoint) if resume else {}
        report.requests += 1 if resume else 0
        for graph in _named_graphs(ox_store):
            content = graph_content(ox_store, graph)
            if resume and markers.get(graph.value) == content.digest:
                report.skipped.append(graph.value)
                report.triples_skipped += len(content.lines)
                if progress:
                    progress(len(content.lines))
                continue
            if graph_store:
                report.requests += _load_by_graph_store(http, graph_store, content, batching, progress)
            else:
                report.requests += _load_by_update(http, endpoint, content, batching, progress)
            report.pushed.append(graph.value)
            report.triples_pushed += len(content.lines)
    report.batch_size = batching.size
    report.seconds = time.monotonic() - started
    return report


def credentials(
    user: str | None, password: str | None = None, *, env: str = "KG_PUSH_PASSWORD", interactive: bool = True
) -> tuple[str, str] | None:
    """``auth`` for :func:`push` from CLI options: the password from the option, else ``$KG_PUSH_PASSWORD``,
    else asked on the terminal (a password given on the command line is visible to other users in ``ps``).

    >>> credentials(None) is None
    True
    >>> credentials("dba", "secret")
    ('dba', 'secret')
    """
    if not user:
        if password:
            raise OptionError("--password needs --user")
        return None
    if password is None:
        password = os.environ.get(env)
    if password is None and interactive:
        if sys.stdin.isatty():
            password = getpass.getpass(f"password for {user}: ")
    if password is None:
        raise OptionError(f"--user {user} needs a password: set ${env} (or give --password)")
    return user, password


# -- reading the store -------------------------------------------------------------------------


@contextmanager
def _opened(store) -> Iterator[ox.Store]:
    """The pyoxigraph store behind a kg Store, a pyoxigraph Store, or a folder (opened read-only)."""
    if isinstance(store, ox.Store):
        yield store
    elif isinstance(store, (str, Path)):
        from kg.graph.store import Store

        owned = Store(store, read_only=True)
        try:
            yield owned._ox
        finally:
            owned.close()
    else:
        yield store._ox


def _named_graphs(store: ox.Store) -> list[ox.NamedNode]:
    graphs = []
    for g in store.named_graphs():
        if not isinstance(g, ox.NamedNode):
            raise PushError(f"the store has a graph named by a blank node ({g}); give it an IRI before pushing")
        graphs.append(g)
    return sorted(graphs, key=lambda g: g.value)


def _warn_default_graph(store: ox.Store) -> None:
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        warnings.warn("the store's default graph has triples; kg push sends named graphs only", stacklevel=3)


def graph_content(store: ox.Store, graph: ox.NamedNode) -> GraphContent:
    """The graph's triples with blank nodes skolemised (see the module doc), as sorted N-Triples lines."""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)]
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        triples = [ox.Triple(_skolem(q.subject, graph), q.predicate, _skolem(q.object, graph)) for q in dataset]
    for t in triples:
        if isinstance(t.subject, ox.Triple) or isinstance(t.object, ox.Triple):
            raise PushError(f"graph {graph} has RDF 1.2 triple terms, which SPARQL 1.1 servers cannot take")
    lines = tuple(sorted({f"{t.subject} {t.predicate} {t.object} ." for t in triples}))
    digest = hashlib.sha256(("\n".join((_HASH_VERSION, *lines))).encode()).hexdigest()
    return GraphContent(graph, lines, digest)


def _skolem(term, graph: ox.NamedNode):
    if not isinstance(term, ox.BlankNode):
        return term
    key = hashlib.sha256(f"{graph.value}\n{term.value}".encode()).hexdigest()[:32]
    return ox.NamedNode(GENID + key)


# -- talking to the server ---------------------------------------------------------------------


def _server_markers(http: _Http, query_endpoint: str) -> dict[str, str]:
    """Graph IRI -> content hash of every graph with a kg push marker on the server."""
    query = sparql_file(__package__, "push-markers.rq")
    body = http.send(
        "POST",
        query_endpoint,
        urllib.parse.urlencode({"query": query}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
        action="read the graphs already loaded",
        hint=_QUERY_HINT,
    )
    try:
        bindings = json.loads(body)["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as err:
        raise PushError(
            f"{query_endpoint}: the answer to a select query is not SPARQL JSON results; " + _QUERY_HINT
        ) from err
    return {b["g"]["value"]: b["hash"]["value"] for b in bindings if "g" in b and "hash" in b}


def _load_by_update(http: _Http, endpoint: str, content: GraphContent, batching: _Batching, progress) -> int:
    headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
    http.send("POST", endpoint, drop_graph(content.iri).encode(), headers, action="drop a graph")

    def send(lines: list[str], first: bool) -> None:
        text = insert_data(content.iri, "\n".join(lines))
        http.send("POST", endpoint, text.encode(), headers, action="insert triples")

    return 1 + _send_graph(content, batching, send, progress)


def _load_by_graph_store(http: _Http, graph_store: str, content: GraphContent, batching: _Batching, progress) -> int:
    sep = "&" if "?" in graph_store else "?"
    url = f"{graph_store}{sep}{urllib.parse.urlencode({'graph': content.iri.value})}"
    headers = {"Content-Type": "application/n-triples; charset=utf-8"}

    def send(lines: list[str], first: bool) -> None:  # PUT replaces whatever the server had
        http.send("PUT" if first else "POST", url, ("\n".join(lines) + "\n").encode(), headers, action="load a graph")

    return _send_graph(content, batching, send, progress)


@dataclass
class _Batching:
    size: int


_TOO_LARGE = (400, 413, 500)  # what servers answer to a request over their limits (Virtuoso: 400)


def _send_graph(content: GraphContent, batching: _Batching, send: Callable[[list[str], bool], None], progress) -> int:
    """Send the graph's lines in batches, the marker with the last one (so an empty graph is one request).

    A batch the server rejects with 400, 413 or 500 is halved and sent again, and later batches keep
    the smaller size: Virtuoso 7's SPARQL compiler, for one, takes only about 1,000 triples per ``insert data``.
    """
    lines, start, requests = content.lines, 0, 0
    while True:
        batch = list(lines[start : start + batching.size])
        last = start + len(batch) >= len(lines)
        requests += 1
        try:
            send(batch + [content.marker] if last else batch, start == 0)
        except PushError as err:
            if err.status not in _TOO_LARGE or len(batch) <= 1:
                raise
            batching.size = max(1, len(batch) // 2)
            continue
        start += len(batch)
        if progress:
            progress(len(batch))
        if last:
            return requests


_QUERY_HINT = (
    "this must be a SPARQL query endpoint: give it with --query-endpoint (Oxigraph: /query; "
    "Virtuoso: /sparql), or use --no-resume"
)
_HINTS = {
    400: "the server could not take the request: check that this URL is its SPARQL Update endpoint "
    "(or use --graph-store), or lower --batch-size",
    401: "the server wants credentials: give (or check) --user and --password",
    403: "the server refused to write: give --user and --password, or allow SPARQL Update "
    "(Virtuoso: isql-vt PORT dba PASSWORD exec='grant SPARQL_UPDATE to \"SPARQL\";')",
    404: "no such endpoint: check the URL (Oxigraph: /query, /update, /store; Virtuoso: /sparql)",
    405: "this URL does not take this request: SPARQL Update goes to the update endpoint, --graph-store to the "
    "Graph Store Protocol endpoint",
    413: "the request is too large for the server: lower --batch-size",
    415: "this URL does not take this content type: check that it is the server's update endpoint (Oxigraph: "
    "/update) or, with --graph-store, its Graph Store endpoint (Oxigraph: /store)",
}


class _Http:
    """urllib with optional Basic/Digest credentials and retries (:mod:`kg.interfaces.retry`); errors become one-line PushErrors."""

    def __init__(self, auth: tuple[str, str] | None, timeout_s: float, urls: list[str | None]):
        self.timeout_s = timeout_s
        handlers = []
        if auth:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, [u for u in urls if u], auth[0], auth[1])
            handlers = [urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, method: str, url: str, data: bytes, headers: dict, *, action: str, hint: str | None = None) -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            return fetch(req, timeout_s=self.timeout_s, opener=self._opener)
        except urllib.error.HTTPError as err:
            excerpt = " ".join(err.read(400).decode("utf-8", "replace").split())[:200]
            if hint is None or err.code in (401, 403):
                hint = _HINTS.get(err.code, "the server failed: see its log; a smaller --batch-size may help")
            raise PushError(
                f"{method} {url} ({action}): HTTP {err.code} {err.reason}: {excerpt or '(no body)'}; {hint}", err.code
            ) from None
        except urllib.error.URLError as err:
            raise PushError(
                f"{method} {url} ({action}): cannot connect ({err.reason}); is the server running "
                "there? check --endpoint / --graph-store"
            ) from None
        except DROPPED as err:
            raise PushError(
                f"{method} {url} ({action}): the server closed the connection without an answer "
                f"({str(err) or type(err).__name__}), also when tried again; check its log, then run "
                "kg push again: it resumes where it stopped"
            ) from None
        except TimeoutError:
            raise PushError(
                f"{method} {url} ({action}): no answer within {self.timeout_s:g} s; "
                "lower --batch-size or check the server"
            ) from None
