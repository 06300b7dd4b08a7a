"""HTTP requests that survive a dropped connection: what ``kg push`` and ``--endpoint`` queries send.

A connection the server closes or resets without an answer, a refused connection (a server that is
restarting) and ``503 Service Unavailable`` are tried again after a pause that doubles each time
(``Retry-After`` when the server gives one, at most ``_MAX_WAIT_S``). Every request kg sends this
way can be repeated safely: queries, dropping a graph, ``insert data`` of the same triples
(a set: inserting twice changes nothing) and Graph Store ``PUT``/``POST`` of the same lines.
Anything else (another HTTP status, a timeout) is raised at once; the caller words the message.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable

__all__ = ["DROPPED", "fetch"]

DROPPED = (
    http.client.RemoteDisconnected,
    http.client.IncompleteRead,
    ConnectionResetError,
    ConnectionRefusedError,
    ConnectionAbortedError,
    BrokenPipeError,
)
_MAX_WAIT_S = 30.0


def fetch(
    request: urllib.request.Request,
    *,
    timeout_s: float,
    opener=None,
    attempts: int = 5,
    first_wait_s: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> bytes:
    """The body of the answer to ``request``, trying up to ``attempts`` times (see the module doc)."""
    open_ = (opener or urllib.request.build_opener()).open
    wait = first_wait_s
    for attempt in range(1, attempts + 1):
        try:
            with open_(request, timeout=timeout_s) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if err.code != 503 or attempt == attempts:
                raise
            pause = _retry_after(err.headers.get("Retry-After"), wait)
            err.close()
        except urllib.error.URLError as err:
            if not isinstance(err.reason, DROPPED):
                raise
            if attempt == attempts:  # a refused connection stays "cannot connect"; a dropped one says so
                if isinstance(err.reason, ConnectionRefusedError):
                    raise
                raise err.reason from None
            pause = wait
        except DROPPED:
            if attempt == attempts:
                raise
            pause = wait
        sleep(pause)
        wait = min(2 * wait, _MAX_WAIT_S)
    raise AssertionError("unreachable")


def _retry_after(header: str | None, default: float) -> float:
    """Seconds to wait from a ``Retry-After`` header (seconds form only), at most ``_MAX_WAIT_S``.

    >>> _retry_after("5", 0.5), _retry_after(None, 0.5), _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1.0)
    (5.0, 0.5, 1.0)
    """
    try:
        return min(max(float(header), 0.0), _MAX_WAIT_S) if header else default
    except ValueError:
        return default
