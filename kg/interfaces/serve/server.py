"""The server of ``kg serve`` (:mod:`kg.interfaces.serve`): checks the address, opens the store, runs the HTTP server."""

from __future__ import annotations

import ipaddress
import socket
import sys
import time
import warnings

from kg.interfaces.serve.http import SparqlServer, StoreInfo
from kg.interfaces.serve.limits import DEFAULT_PORT, Limits, ServeError
from kg.interfaces.serve.pool import Pool

__all__ = ["is_loopback", "make_server", "serve"]


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
