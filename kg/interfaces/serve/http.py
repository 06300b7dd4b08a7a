"""The HTTP side of ``kg serve``: the SPARQL 1.1 Protocol handler and the server around it.

Connections are guarded as well as queries: a request must arrive whole (line, headers, body) within
``read_timeout_s`` of the connection being ready for it, and an idle keep-alive connection is closed
after as long (so slow or idle connections cannot hold the server's threads, as in slowloris); the
``Host`` header must name the bound address, a loopback name, an IP address or an ``--allowed-host``
(so a page on another site cannot reach the endpoint by DNS rebinding); a client that goes away
costs one log line, not a traceback.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.interfaces.serve.limits import MAX_BODY, Limits
from kg.interfaces.serve.pool import Pool, QueryTimeout, QueueFull, WaitedTooLong, WorkerDied
from kg.queries.querytext import QueryShapeError, check_shape, has_dataset_clause, uses_service

__all__ = ["SparqlServer", "StoreInfo"]

_WRITE_TIMEOUT_S = 120.0  # to send one response: a slow reader of a large result may take this long
_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


@dataclass(frozen=True)
class StoreInfo:
    path: str
    triples: int
    graphs: int
    articles: int


class _Watchdog:
    """Shuts down connections whose request has not fully arrived by its deadline (one thread for all)."""

    def __init__(self, period_s: float = 0.25):
        self._deadlines: dict[socket.socket, float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.cut = 0  # connections closed for being slow or idle
        threading.Thread(target=self._run, args=(period_s,), name="kg-serve-watchdog", daemon=True).start()

    def arm(self, conn: socket.socket, seconds: float) -> None:
        with self._lock:
            self._deadlines[conn] = time.monotonic() + seconds

    def disarm(self, conn: socket.socket) -> None:
        with self._lock:
            self._deadlines.pop(conn, None)

    def _run(self, period_s: float) -> None:
        while not self._stop.wait(period_s):
            now = time.monotonic()
            with self._lock:  # under the lock: once disarm() returns, the connection is safe
                late = [c for c, t in self._deadlines.items() if t <= now]
                for conn in late:
                    del self._deadlines[conn]
                    self.cut += 1
                    try:
                        conn.shutdown(socket.SHUT_RDWR)  # the handler's blocked read returns; it then ends
                    except OSError:
                        pass

    def close(self) -> None:
        self._stop.set()


class SparqlServer(ThreadingHTTPServer):
    """The endpoint; ``serve_forever()`` (or ``start()`` for a background thread), then ``close()``."""

    daemon_threads = True
    request_queue_size = 256  # the listen backlog (http.server's default is 5)

    def __init__(
        self,
        address: tuple[str, int],
        info: StoreInfo,
        pool: Pool,
        limits: Limits,
        *,
        allowed_hosts: tuple[str, ...] = (),
        quiet: bool = False,
    ):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.info, self.pool, self.limits, self.quiet = info, pool, limits, quiet
        self.allowed_hosts = frozenset(h.lower().strip("[]") for h in (*allowed_hosts, address[0], "localhost"))
        self.watchdog = _Watchdog()
        self._thread: threading.Thread | None = None

    # the limits as attributes, as before the split
    timeout_s = property(lambda self: self.limits.timeout_s)
    max_rows = property(lambda self: self.limits.max_rows)

    @property
    def url(self) -> str:
        name, port = self.server_address[:2]
        host = name if isinstance(name, str) else bytes(name).decode()  # a bound socket reports str anyway
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"

    def host_allowed(self, header: str | None) -> bool:
        """True for a Host header naming this server: an allowed name or any IP address (a page can reach
        an IP only from its own origin, so rebinding needs a name). No header (HTTP/1.0): allowed.

        >>> class S: allowed_hosts = frozenset({"127.0.0.1", "localhost"})
        >>> [SparqlServer.host_allowed(S, h) for h in ("localhost:7878", "[::1]:80", "evil.example:7878", None)]
        [True, True, False, True]
        """
        if header is None:
            return True
        host = header.strip().lower()
        host = (
            host[1 : host.find("]")]
            if host.startswith("[")
            else host.rsplit(":", 1)[0]
            if host.count(":") == 1
            else host
        )
        try:
            ipaddress.ip_address(host)
            return True
        except ValueError:
            return host in self.allowed_hosts

    def start(self) -> threading.Thread:
        """Serve from a background thread (for tests and notebooks)."""
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self._thread

    def handle_error(self, request, client_address) -> None:
        """A client that went away is one quiet line; anything else keeps its traceback."""
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError)):
            self.log(f"{client_address[0]} went away ({type(err).__name__})")
        else:
            super().handle_error(request, client_address)

    def log(self, message: str) -> None:
        if not self.quiet:
            print(f"kg serve: {message}", file=sys.stderr, flush=True)

    def close(self) -> None:
        """Stop serving (when started with ``start()``), close the socket and end the workers."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()
        self.watchdog.close()
        self.pool.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"  # keep-alive; idle connections are closed by the watchdog

    def setup(self) -> None:
        super().setup()
        # each blocking read, besides the whole-request deadline (what a `timeout` class attribute would do, per
        # server here)
        self.connection.settimeout(self.server.limits.read_timeout_s)

    def handle_one_request(self) -> None:
        self.server.watchdog.arm(self.connection, self.server.limits.read_timeout_s)
        self.connection.settimeout(self.server.limits.read_timeout_s)
        try:
            super().handle_one_request()
        finally:
            self.server.watchdog.disarm(self.connection)

    def _request_read(self) -> None:
        """The whole request is in: from here on the query may take its time."""
        self.server.watchdog.disarm(self.connection)
        self.connection.settimeout(_WRITE_TIMEOUT_S)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not self.server.host_allowed(self.headers.get("Host")):
            self.close_connection = True
            self._error(
                403,
                f"Host {self.headers.get('Host')!r} is not this server's address; to serve under "
                "that name, restart kg serve with --allowed-host NAME",
            )
            return False
        return True

    def do_GET(self) -> None:
        self._request_read()
        url = urlsplit(self.path)
        if url.path == "/":
            from kg.interfaces.serve.page import front_page

            page = front_page(self.server)
            self._send(200, page.html.encode(), "text/html; charset=utf-8", {"Content-Security-Policy": page.csp})
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
            self.close_connection = True  # the body was not read
            self._error(404, f"nothing at {url.path}; the SPARQL endpoint is {self.server.endpoint}")
            return
        body = self._body()
        if body is None:
            return
        self._request_read()
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
            self._error(
                415, "POST a query as application/x-www-form-urlencoded (query=...) or as application/sparql-query"
            )
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
        self.close_connection = True  # the body, if any, was not read
        self._error(
            403,
            "this endpoint is read-only: kg serve has no update support; "
            "change the store with `kg build` and restart `kg serve`",
        )

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self._error(411, "send a Content-Length header with the request body")
            return None
        if int(length) > MAX_BODY:
            self.close_connection = True
            self._error(413, f"the request body is larger than {MAX_BODY} bytes")
            return None
        body = self.rfile.read(int(length))
        if len(body) < int(length):  # cut by the watchdog, or the client stopped sending
            self.close_connection = True
            self.server.log(
                f"{self.client_address[0]}: request body not sent within "
                f"{self.server.limits.read_timeout_s:g} s; connection closed"
            )
            return None
        return body

    def _sparql(self, params: dict[str, list[str]]) -> None:
        queries = params.get("query", [])
        if len(queries) != 1:
            self._error(400, "give exactly one query parameter (query=...)")
            return
        query = queries[0]
        if uses_service(query):
            self._error(
                400,
                "SERVICE (federated query) is disabled on this endpoint; "
                "if you meant an IRI or name containing 'service', write the IRI in full as <...>",
            )
            return
        try:
            check_shape(query)  # before any parser sees it: deep nesting crashes pyoxigraph
        except QueryShapeError as err:
            self._error(400, str(err))
            return
        limits = self.server.limits
        job = {
            "query": query,
            "default_graphs": params.get("default-graph-uri"),
            "named_graphs": params.get("named-graph-uri"),
            "union": not has_dataset_clause(query),
            "accept": self.headers.get("Accept"),
            "max_rows": limits.max_rows,
            "max_bytes": limits.max_bytes,
            "memory_mb": limits.memory_mb,
        }
        try:
            status, body, content_type, cut = self.server.pool.run(job, self.client_address[0])
        except QueryTimeout:
            self._error(
                503,
                f"the query did not finish within {limits.timeout_s:g} s and was stopped; make it more "
                "selective or add LIMIT, or restart kg serve with a longer --timeout",
            )
        except (QueueFull, WaitedTooLong):
            self._error(
                503,
                f"the server is busy ({self.server.pool.waiting} requests waiting for "
                f"{limits.workers} query workers); retry later",
                {"Retry-After": "5"},
            )
        except WorkerDied as err:
            self._error(
                500,
                f"the query stopped its worker process ({err}): it may need more than the "
                f"{limits.memory_mb} MB memory cap, or hit a bug in the query engine; the worker "
                "was replaced, make the query more selective",
            )
        else:
            headers = {"X-KG-Truncated": "true" if cut else "false", "Vary": "Accept"}
            if cut:
                headers["X-KG-Truncated-By"] = cut
            self._send(status, body, content_type, headers)

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8", headers)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        headers = {"Content-Security-Policy": _CSP, **(headers or {})}
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.close_connection:
            self.send_header("Connection", "close")
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        if not self.server.quiet:
            super().log_message(format, *args)
