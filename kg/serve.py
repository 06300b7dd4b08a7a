"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a kg store.

``GET /sparql?query=...``, ``POST /sparql`` (``application/x-www-form-urlencoded`` or
``application/sparql-query``) and a small HTML page at ``/``. Queries see the union of all
graphs of the store (as ``kg sparql`` does) unless the request names its own dataset
(``default-graph-uri`` / ``named-graph-uri``) or the query has ``FROM`` clauses.

Results: ``application/sparql-results+json`` (default), ``application/sparql-results+xml``,
``text/csv`` and ``text/tab-separated-values`` for SELECT; JSON or XML for ASK; Turtle (default),
N-Triples or RDF/XML for CONSTRUCT and DESCRIBE.

Limits, each reported in the response rather than silently applied:

- **Read-only.** There is no update support at all: SPARQL Update requests get 403.
- **Timeout.** Queries run in worker processes (pyoxigraph cannot be cancelled from Python);
  a worker that has not answered after ``timeout_s`` is killed and replaced, and the client
  gets 503 with a message.
- **Result size.** At most ``max_rows`` solutions (or triples); a cut result carries the
  header ``X-KG-Truncated: true`` (``false`` otherwise).
- **No federation.** Queries using ``SERVICE`` are refused (400): pyoxigraph would fetch any
  URL they name, from the server's network.
- **Loopback only** unless ``allow_remote=True``: there is no authentication.
- The store is read as it was when the server (or a worker) started: restart after ``kg build``.

This module imports nothing from kg at module level, so the query workers (which load this
file by path) start in milliseconds without importing spaCy.
"""

from __future__ import annotations

import csv
import html
import io
import ipaddress
import json
import os
import pickle
import queue
import re
import socket
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from kg.errors import KgError

__all__ = ["ServeError", "SparqlServer", "is_loopback", "make_server", "negotiate", "serve"]

DEFAULT_PORT = 7878
MAX_BODY = 1 << 20  # bytes of a POSTed query
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


class ServeError(KgError, ValueError):
    """The endpoint cannot start as asked; the message says what to do."""


# -- content negotiation -----------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str  # what the response says it is
    aliases: tuple[str, ...] = ()  # other media types that select it

    @property
    def content_type(self) -> str:
        return self.media_type + ("" if "xml" in self.media_type else "; charset=utf-8")


JSON = Format("json", "application/sparql-results+json", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"))
NTRIPLES = Format("ntriples", "application/n-triples", ("text/plain",))
RDFXML = Format("rdfxml", "application/rdf+xml")
FORMATS = {  # per result kind, the server's preference first
    "solutions": (JSON, XML, CSV, TSV),
    "boolean": (JSON, XML),
    "graph": (TURTLE, NTRIPLES, RDFXML),
}
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}


def negotiate(accept: str | None, kind: str) -> Format | None:
    """The best format for an ``Accept`` header and a result kind; None when nothing acceptable.

    >>> negotiate(None, "solutions").name
    'json'
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions").name
    'xml'
    >>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", "graph").name
    'turtle'
    >>> negotiate("text/csv", "boolean") is None
    True
    """
    offered = FORMATS[kind]
    if not accept or not accept.strip():
        return offered[0]
    best, best_key = None, (0.0, 0, 0)
    for rank, fmt in enumerate(offered):
        for quality, specificity in _matches(accept, (fmt.media_type, *fmt.aliases)):
            key = (quality, specificity, -rank)
            if quality > 0 and key > best_key:
                best, best_key = fmt, key
    return best


def _matches(accept: str, media_types: tuple[str, ...]):
    for item in accept.split(","):
        media, *params = (p.strip() for p in item.split(";"))
        media = media.lower()
        quality = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        for mt in media_types:
            if media == mt:
                yield quality, 2
            elif media == mt.split("/")[0] + "/*":
                yield quality, 1
            elif media == "*/*":
                yield quality, 0


# -- looking into query text without parsing it ------------------------------------------------

# Strings, IRIs and comments are blanked out before looking for keywords. An opening quote or
# '#' right after a backslash is part of a prefixed name (PN_LOCAL_ESC), not a string/comment.
_OPAQUE = re.compile(
    r'(?<!\\)(?:"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'|#[^\n\r]*)'
    r'|<[^<>"{}|^`\\\x00-\x20]*>',
    re.S,
)
_VARNAME_CHAR = (
    "A-Za-z0-9_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d\u203f\u2040"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_SERVICE = re.compile(r"service", re.I)
_FROM = re.compile(rf"(?<![{_VARNAME_CHAR}?$:.\\-])from(?=[\s<])", re.I)
_IS_VARNAME_CHAR = re.compile(rf"[{_VARNAME_CHAR}]")


def _blank_opaque(query: str) -> str:
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), query)


def uses_service(query: str) -> bool:
    """True when the query may contain a SERVICE clause (conservative: variables excepted,
    any other token containing "service" counts, so write such IRIs in full ``<...>``).

    >>> uses_service('SELECT * { ?s ?p ?o . SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('SELECT ?service { ?service ?p "SERVICE" } # SERVICE')
    False
    >>> uses_service('SELECT * { ?s ?p true' + 'SERVICE <http://x/> {} }')
    True
    """
    text = _blank_opaque(query)
    for m in _SERVICE.finditer(text):
        start = m.start()
        while start > 0 and _IS_VARNAME_CHAR.match(text[start - 1]):
            start -= 1
        if start == 0 or text[start - 1] not in "?$":
            return True
    return False


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset with FROM / FROM NAMED (outside any braces).

    >>> has_dataset_clause('SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }')
    True
    >>> has_dataset_clause('PREFIX from: <http://x/> SELECT * WHERE { ?s from:p "FROM <x>" }')
    False
    """
    text = _blank_opaque(query)
    depth, last = 0, 0
    for m in _FROM.finditer(text):
        depth += text.count("{", last, m.start()) - text.count("}", last, m.start())
        last = m.start()
        if depth <= 0:
            return True
    return False


# -- result serialisers (SPARQL 1.1 Query Results JSON, XML, CSV, TSV) ------------------------


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    raise TypeError(f"not an RDF term: {term!r}")


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class NotRepresentable(ValueError):
    """A value the chosen result format cannot carry."""


def _xml_text(text: str) -> str:
    if _XML_ILLEGAL.search(text):
        raise NotRepresentable("a value contains control characters that XML 1.0 cannot carry; "
                               "ask for application/sparql-results+json instead")  # fmt: skip
    return xml_escape(text)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(_xml_text(term.datatype.value))}"
        else:
            attr = ""
        return f"<literal{attr}>{_xml_text(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def solutions_body(variables: list[str], rows: list[list], fmt: Format) -> bytes:
    """SELECT results in a SPARQL 1.1 results format; ``rows`` hold pyoxigraph terms or None."""
    if fmt is JSON:
        bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt is XML:
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        results = "".join(
            "<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                 for v, t in zip(variables, row, strict=True) if t is not None) + "</result>"
            for row in rows
        )  # fmt: skip
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{RESULTS_NS}"><head>{head}</head>'
                f"<results>{results}</results></sparql>\n").encode()  # fmt: skip
    if fmt is CSV:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(t) for t in row] for row in rows)
        return buf.getvalue().encode()
    if fmt is TSV:  # terms in N-Triples syntax, which escapes tabs and newlines
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"not a solutions format: {fmt.name}")


def boolean_body(value: bool, fmt: Format) -> bytes:
    if fmt is JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
            f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()  # fmt: skip


# -- the query worker (runs in its own process) -------------------------------------------------


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "text/plain; charset=utf-8"
    truncated: bool = False


def _text(status: int, message: str) -> Reply:
    return Reply(status, (message.rstrip() + "\n").encode())


def answer(store: ox.Store, job: dict) -> Reply:
    """Run one query job against a pyoxigraph store and serialise the result."""
    try:
        result = store.query(job["query"], **_dataset_options(job))
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(job.get("accept"), "boolean")
            return _not_acceptable("boolean") if fmt is None else Reply(200, boolean_body(bool(result), fmt), fmt.content_type)
        limit = job["max_rows"]
        if isinstance(result, ox.QuerySolutions):
            fmt = negotiate(job.get("accept"), "solutions")
            if fmt is None:
                return _not_acceptable("solutions")
            variables = [v.value for v in result.variables]
            rows, truncated = _take(([sol[v] for v in variables] for sol in result), limit)
            return Reply(200, solutions_body(variables, rows, fmt), fmt.content_type, truncated)
        fmt = negotiate(job.get("accept"), "graph")
        if fmt is None:
            return _not_acceptable("graph")
        triples, truncated = _take(iter(result), limit)
        return Reply(200, ox.serialize(triples, format=_RDF_FORMATS[fmt.name]), fmt.content_type, truncated)
    except SyntaxError as err:
        return _text(400, f"SPARQL syntax error: {err}")
    except NotRepresentable as err:
        return _text(406, str(err))
    except ValueError as err:
        return _text(400, f"bad request: {err}")
    except OSError as err:
        return _text(500, f"the query failed: {err}")


def _dataset_options(job: dict) -> dict:
    defaults, named = job.get("default_graphs"), job.get("named_graphs")
    if defaults is None and named is None:
        return {"use_default_graph_as_union": True} if job.get("union", True) else {}
    return {"default_graph": [ox.NamedNode(g) for g in defaults or ()],
            "named_graphs": [ox.NamedNode(g) for g in named or ()]}  # fmt: skip


def _take(items, limit: int) -> tuple[list, bool]:
    taken = []
    for item in items:
        if len(taken) >= limit:
            return taken, True
        taken.append(item)
    return taken, False


def _not_acceptable(kind: str) -> Reply:
    types = ", ".join(f.media_type for f in FORMATS[kind])
    return _text(406, f"no acceptable format for this result; send Accept with one of: {types}")


def _worker_loop(store_path: str) -> None:
    """Answer pickled jobs from stdin on stdout until stdin closes."""
    store = ox.Store.read_only(store_path)
    jobs = sys.stdin.buffer
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to stderr, not into the reply stream
    pickle.dump(_READY, replies)  # the parent times a query from here, not from the process start
    replies.flush()
    while True:
        try:
            job = pickle.load(jobs)
        except EOFError:
            return
        try:
            reply = answer(store, job)
        except Exception as err:  # a bug here must not kill the worker
            reply = _text(500, f"the query failed: {type(err).__name__}: {err}")
        # plain values only: the parent knows this module under another name
        pickle.dump((reply.status, reply.body, reply.content_type, reply.truncated), replies)
        replies.flush()


_READY = ("ready",)
_STARTUP_S = 120.0  # how long a new worker may take to start (import, open the store) on a loaded machine

# The worker loads this file by path, so it does not import the kg package (nor spaCy).
_BOOT = (
    "import importlib.util, sys\n"
    "spec = importlib.util.spec_from_file_location('_kg_serve_worker', sys.argv[1])\n"
    "mod = importlib.util.module_from_spec(spec)\n"
    "sys.modules[spec.name] = mod\n"
    "spec.loader.exec_module(mod)\n"
    "mod._worker_loop(sys.argv[2])\n"
)


class QueryTimeout(Exception):
    pass


class WorkerDied(Exception):
    pass


class ServerBusy(Exception):
    pass


class _Worker:
    """One query process, used by one request at a time."""

    def __init__(self, store_path: str):
        self.proc = subprocess.Popen([sys.executable, "-c", _BOOT, os.path.abspath(__file__), store_path],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)  # fmt: skip
        self._replies: queue.Queue = queue.Queue()
        self._ready = threading.Event()
        threading.Thread(target=self._read, name=f"kg-serve-reader-{self.proc.pid}", daemon=True).start()

    def _read(self) -> None:
        try:
            if pickle.load(self.proc.stdout) != _READY:
                raise ValueError("the worker did not say it was ready")
            self._ready.set()
            while True:
                self._replies.put(pickle.load(self.proc.stdout))
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            self._replies.put(None)
            self._ready.set()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def ask(self, job: dict, timeout_s: float) -> Reply:
        """The worker's answer to ``job``; ``timeout_s`` counts from when the worker is ready, so a worker
        that replaced a killed one is not charged for its start-up."""
        if not self._ready.wait(_STARTUP_S):
            raise WorkerDied(f"did not start within {_STARTUP_S:g} s")
        try:
            pickle.dump(job, self.proc.stdin)
            self.proc.stdin.flush()
            reply = self._replies.get(timeout=timeout_s)
        except (BrokenPipeError, OSError) as err:
            raise WorkerDied(str(err)) from err
        except queue.Empty as err:
            raise QueryTimeout from err
        if reply is None:
            raise WorkerDied(f"exit code {self.proc.poll()}")
        return Reply(*reply)

    def stop(self, grace_s: float = 2.0) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(grace_s)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        self._close_pipes()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class _Pool:
    """A fixed number of query processes; a timed-out one is killed and replaced."""

    def __init__(self, store_path: str, size: int):
        self.store_path = store_path
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
        if not closed:
            self._idle.put(self._spawn())

    def run(self, job: dict, timeout_s: float) -> Reply:
        try:
            worker = self._idle.get(timeout=timeout_s)
        except queue.Empty as err:
            raise ServerBusy from err
        if not worker.alive():
            self._retire(worker)
            worker = self._idle.get(timeout=timeout_s)
        try:
            reply = worker.ask(job, timeout_s)
        except (QueryTimeout, WorkerDied):
            self._retire(worker)
            raise
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


# -- HTTP --------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """True when every address ``host`` stands for is a loopback address.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("0.0.0.0"), is_loopback("")
    (True, True, False, False)
    """
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


@dataclass(frozen=True)
class StoreInfo:
    path: str
    triples: int
    graphs: int
    articles: int


class SparqlServer(ThreadingHTTPServer):
    """The endpoint; ``serve_forever()`` (or ``start()`` for a background thread), then ``close()``."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], info: StoreInfo, pool: _Pool, *, timeout_s: float,
                 max_rows: int, quiet: bool = False):  # fmt: skip
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self.info, self.pool, self.timeout_s, self.max_rows, self.quiet = info, pool, timeout_s, max_rows, quiet
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"

    def start(self) -> threading.Thread:
        """Serve from a background thread (for tests and notebooks)."""
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self._thread

    def close(self) -> None:
        """Stop serving (when started with ``start()``), close the socket and end the workers."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()
        self.pool.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-serve"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(200, _page(self.server).encode(), "text/html; charset=utf-8")
        elif url.path == "/sparql":
            params = parse_qs(url.query, keep_blank_values=True)
            if not params:
                self._error(400, f"give a query: GET {self.server.endpoint}?query=... (see {self.server.url})")
            else:
                self._sparql(params)
        else:
            self._error(404, f"nothing at {url.path}; the SPARQL endpoint is {self.server.endpoint}")

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, f"nothing at {url.path}; the SPARQL endpoint is {self.server.endpoint}")
            return
        body = self._body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                self._error(400, "the form is not UTF-8")
                return
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
            if "update" in params:
                self._read_only()
                return
        elif ctype == "application/sparql-query":
            try:
                params["query"] = [*params.get("query", []), body.decode("utf-8")]
            except UnicodeDecodeError:
                self._error(400, "the query is not UTF-8")
                return
        elif ctype == "application/sparql-update":
            self._read_only()
            return
        else:
            self._error(415, "POST a query as application/x-www-form-urlencoded (query=...) "
                             "or as application/sparql-query")  # fmt: skip
            return
        self._sparql(params)

    def do_PUT(self) -> None:
        self._read_only()

    do_DELETE = do_PATCH = do_PUT

    def do_HEAD(self) -> None:
        self.do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by http.server itself (bad request line, URL too long...), as plain text too."""
        self.close_connection = True
        text = message or self.responses.get(code, ("error",))[0]
        if code == 414:
            text += ": POST the query instead (application/sparql-query)"
        self._error(code, f"{text}; the SPARQL endpoint is {self.server.endpoint}")

    def _read_only(self) -> None:
        self._error(403, "this endpoint is read-only: kg serve has no update support; "
                         "change the store with `kg build` and restart `kg serve`")  # fmt: skip

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._error(411, "send a Content-Length header with the request body")
            return None
        if int(length) > MAX_BODY:
            self._error(413, f"the request body is larger than {MAX_BODY} bytes")
            return None
        return self.rfile.read(int(length))

    def _sparql(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(400, "give exactly one query parameter (query=...)")
            return
        query = queries[0]
        if uses_service(query):
            self._error(400, "SERVICE (federated query) is disabled on this endpoint; "
                             "if you meant an IRI or name containing 'service', write the IRI in full as <...>")  # fmt: skip
            return
        job = {
            "query": query,
            "default_graphs": params.get("default-graph-uri"),
            "named_graphs": params.get("named-graph-uri"),
            "union": not has_dataset_clause(query),
            "accept": self.headers.get("Accept"),
            "max_rows": self.server.max_rows,
        }
        timeout_s = self.server.timeout_s
        try:
            reply = self.server.pool.run(job, timeout_s)
        except QueryTimeout:
            self._error(503, f"the query did not finish within {timeout_s:g} s and was stopped; "
                             "make it more selective or add LIMIT, or restart kg serve with a longer --timeout")  # fmt: skip
            return
        except ServerBusy:
            self._error(503, f"all query workers stayed busy for {timeout_s:g} s; retry later", {"Retry-After": "5"})
            return
        except WorkerDied as err:
            self._error(500, f"the query process stopped unexpectedly ({err}); see the server log")
            return
        headers = {"X-KG-Truncated": "true" if reply.truncated else "false", "Vary": "Accept"}
        self._send(reply.status, reply.body, reply.content_type, headers)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8", headers)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.server.quiet:
            super().log_message(format, *args)


def _page(server: SparqlServer) -> str:
    """The front page: what is served and how to query it (no scripts, no external resources)."""
    from kg.queries import named_queries

    e = html.escape
    info, endpoint = server.info, server.endpoint
    queries = "".join(
        f"<dt><code>{e(q.name)}</code></dt><dd>{e(q.description)}"
        + (f" Parameters: {e(', '.join(p.name for p in q.params))}." if q.params else "")
        + f"<details><summary>SPARQL</summary><pre>{e(q.sparql)}</pre></details></dd>"
        for q in named_queries()
    )
    example = f"curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10' {endpoint}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}pre,code{{background:#f4f4f4}}
pre{{padding:.5em;overflow:auto}}dd{{margin-bottom:1em}}textarea{{width:100%}}</style></head>
<body><h1>kg SPARQL endpoint</h1>
<p>Store <code>{e(info.path)}</code>: {info.triples} triples in {info.graphs} named graphs, {info.articles} articles.</p>
<p>SPARQL 1.1 Protocol endpoint: <code>{e(endpoint)}</code> (GET or POST; read-only). Queries see the union of all
graphs unless they give <code>FROM</code> or <code>default-graph-uri</code>/<code>named-graph-uri</code>.
Results: JSON (default), XML, CSV or TSV for SELECT; Turtle, N-Triples or RDF/XML for CONSTRUCT and DESCRIBE.
At most {server.max_rows} rows (<code>X-KG-Truncated: true</code> when cut); queries stop after
{server.timeout_s:g} s; <code>SERVICE</code> is disabled.</p>
<pre>{e(example)}</pre>
<form method="get" action="/sparql"><textarea name="query" rows="6">SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10</textarea>
<button type="submit">Run</button></form>
<h2>Named queries</h2><dl>{queries}</dl>
</body></html>
"""


# -- entry points ------------------------------------------------------------------------------


def _open_read_only(store_path, attempts: int = 3):
    """The kg Store, read-only; retried briefly, as opening can fail while another process compacts it."""
    from kg.store import Store, StoreError

    for attempt in range(attempts):
        try:
            return Store(store_path, read_only=True)
        except RuntimeError as err:  # RocksDB: a file listed in the manifest was just compacted away
            if isinstance(err, StoreError):
                raise
            if attempt == attempts - 1:
                raise ServeError(f"{store_path}: cannot open the store read-only ({err}); if `kg build` is "
                                 "writing it, start kg serve when it has finished") from err  # fmt: skip
            time.sleep(0.2)


def make_server(store_path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, timeout_s: float = 10.0,
                max_rows: int = 10000, workers: int = 2, allow_remote: bool = False,
                quiet: bool = False) -> SparqlServer:  # fmt: skip
    """A ready endpoint over the store at ``store_path`` (port 0: any free port; see ``.url``).

    Refuses a non-loopback ``host`` unless ``allow_remote=True`` (there is no authentication).
    """
    if timeout_s <= 0 or max_rows < 1 or workers < 1:
        raise ServeError("--timeout must be positive, --max-rows and workers at least 1")
    if not is_loopback(host):
        if not allow_remote:
            raise ServeError(f"refusing to listen on {host!r}: kg serve has no authentication; use 127.0.0.1, "
                             "or pass --allow-remote (allow_remote=True) behind a proxy that authenticates")  # fmt: skip
        warnings.warn(f"kg serve is listening on {host!r} without authentication: anyone who can reach this port "
                      "can read the whole store", stacklevel=2)  # fmt: skip
    store = _open_read_only(store_path)
    try:
        info = StoreInfo(str(store.path.resolve()), len(store), sum(1 for _ in store._ox.named_graphs()),
                         len(store.articles()))  # fmt: skip
    finally:
        store.close()
    pool = _Pool(info.path, workers)
    try:
        return SparqlServer((host, port), info, pool, timeout_s=timeout_s, max_rows=max_rows, quiet=quiet)
    except OSError as err:
        pool.close()
        raise ServeError(f"cannot listen on {host}:{port} ({err.strerror or err}); pick another --port") from err


def serve(store_path, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, timeout_s: float = 10.0,
          max_rows: int = 10000, read_only: bool = True, allow_remote: bool = False, workers: int = 2) -> None:  # fmt: skip
    """Serve the store until interrupted (what ``kg serve`` runs)."""
    if not read_only:
        raise ServeError("kg serve is read-only (no SPARQL Update); change the store with `kg build`")
    server = make_server(store_path, host=host, port=port, timeout_s=timeout_s, max_rows=max_rows,
                         workers=workers, allow_remote=allow_remote)  # fmt: skip
    info = server.info
    print(f"kg serve: {server.endpoint} over {info.path} ({info.triples} triples, {info.articles} articles); "
          f"read-only, {timeout_s:g} s timeout, {max_rows} rows max; Ctrl-C to stop", file=sys.stderr, flush=True)  # fmt: skip
    started = time.monotonic()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"kg serve: stopped after {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        server.close()
