"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a kg store.

``GET /sparql?query=...``, ``POST /sparql`` (``application/x-www-form-urlencoded`` or
``application/sparql-query``) and a query page at ``/``. Queries see the union of all graphs of the
store (as ``kg sparql`` does) unless the request names its own dataset (``default-graph-uri`` /
``named-graph-uri``) or the query has ``FROM`` clauses.

Results: ``application/sparql-results+json`` (default), ``application/sparql-results+xml``,
``text/csv`` and ``text/tab-separated-values`` for SELECT; JSON or XML for ASK; Turtle (default),
N-Triples or RDF/XML for CONSTRUCT and DESCRIBE.

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

from __future__ import annotations

import ipaddress
import socket
import sys
import time
import warnings

from kg.interfaces.serve.http import SparqlServer, StoreInfo
from kg.interfaces.serve.limits import DEFAULT_PORT, Limits, ServeError
from kg.interfaces.serve.pool import Pool
from kg.interfaces.serve.results import negotiate
from kg.queries.querytext import has_dataset_clause, uses_service

__all__ = [
    "DEFAULT_PORT",
    "Limits",
    "ServeError",
    "SparqlServer",
    "has_dataset_clause",
    "is_loopback",
    "make_server",
    "negotiate",
    "serve",
    "uses_service",
]


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


def _open_read_only(store_path, attempts: int = 3):
    """The kg Store, read-only; retried briefly, as opening can fail while another process compacts it."""
    from kg.graph.store import Store, StoreError

    for attempt in range(attempts):
        try:
            return Store(store_path, read_only=True)
        except RuntimeError as err:  # RocksDB: a file listed in the manifest was just compacted away
            if isinstance(err, StoreError):
                raise
            if attempt == attempts - 1:
                raise ServeError(
                    f"{store_path}: cannot open the store read-only ({err}); if `kg build` is "
                    "writing it, start kg serve when it has finished"
                ) from err
            time.sleep(0.2)


def _store_info(store_path) -> StoreInfo:
    store = _open_read_only(store_path)
    try:
        return StoreInfo(
            str(store.path.resolve()), len(store), sum(1 for _ in store._ox.named_graphs()), len(store.articles())
        )
    finally:
        store.close()


def make_server(
    store_path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    limits: Limits | None = None,
    allow_remote: bool = False,
    allowed_hosts: tuple[str, ...] = (),
    quiet: bool = False,
    **limit_options,
) -> SparqlServer:
    """A ready endpoint over the store at ``store_path`` (port 0: any free port; see ``.url``).

    ``limits`` (or its fields as keywords: ``timeout_s``, ``max_rows``, ``workers``...) bound the work.
    Refuses a non-loopback ``host`` unless ``allow_remote=True`` (there is no authentication).
    """
    limits = limits or Limits(**limit_options)
    if not is_loopback(host):
        if not allow_remote:
            raise ServeError(
                f"refusing to listen on {host!r}: kg serve has no authentication; use 127.0.0.1, "
                "or pass --allow-remote (allow_remote=True) behind a proxy that authenticates"
            )
        warnings.warn(
            f"kg serve is listening on {host!r} without authentication: anyone who can reach this port "
            "can read the whole store",
            stacklevel=2,
        )
    info = _store_info(store_path)
    pool = Pool(info.path, limits)
    try:
        return SparqlServer((host, port), info, pool, limits, allowed_hosts=tuple(allowed_hosts), quiet=quiet)
    except OSError as err:
        pool.close()
        raise ServeError(f"cannot listen on {host}:{port} ({err.strerror or err}); pick another --port") from err


def serve(
    store_path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    read_only: bool = True,
    allow_remote: bool = False,
    allowed_hosts: tuple[str, ...] = (),
    **limit_options,
) -> None:
    """Serve the store until interrupted (what ``kg serve`` runs); ``limit_options`` as :class:`Limits`."""
    if not read_only:
        raise ServeError("kg serve is read-only (no SPARQL Update); change the store with `kg build`")
    server = make_server(
        store_path, host=host, port=port, allow_remote=allow_remote, allowed_hosts=allowed_hosts, **limit_options
    )
    info = server.info
    print(
        f"kg serve: {server.url} (endpoint {server.endpoint}) over {info.path} ({info.triples} triples, "
        f"{info.articles} articles); read-only; {server.limits.describe()}; Ctrl-C to stop",
        file=sys.stderr,
        flush=True,
    )
    started = time.monotonic()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(f"kg serve: stopped after {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        server.close()
