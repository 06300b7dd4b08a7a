"""The endpoint's limits, their defaults (shown by ``kg serve --help`` and on the front page), and
the error raised when it cannot start as asked."""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError

__all__ = ["DEFAULT_PORT", "Limits", "ServeError"]

DEFAULT_PORT = 7878
MAX_BODY = 1 << 20  # bytes of a POSTed query


class ServeError(KgError, ValueError):
    """The endpoint cannot start as asked; the message says what to do."""


@dataclass(frozen=True)
class Limits:
    """What one query, one client and one connection may take.

    >>> Limits().describe()
    '10 s per query, 10000 rows or 32 MB per result, 2 workers of 2048 MB, 64 requests may wait'
    """

    timeout_s: float = 10.0  # a query still running then is stopped and its worker replaced
    max_rows: int = 10000  # solutions (or triples) per result
    max_mb: int = 32  # megabytes per result, whatever the row count
    workers: int = 2  # query processes
    memory_mb: int = 2048  # address space of one worker
    queue: int = 64  # requests that may wait for a worker; beyond that 503 with Retry-After
    client_share: int = 0  # workers one client (address) may hold at once; 0: half of them (at least 1)
    read_timeout_s: float = 10.0  # to send a request's line, headers and body; idle keep-alive connections too

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.read_timeout_s <= 0:
            raise ServeError("--timeout must be positive")
        if min(self.max_rows, self.max_mb, self.workers, self.queue) < 1:
            raise ServeError("--max-rows, --max-mb, --workers and --queue must be at least 1")
        if self.memory_mb and self.memory_mb < 256:
            raise ServeError("--worker-memory must be at least 256 (MB), or 0 for no cap")

    @property
    def share(self) -> int:
        return self.client_share or max(1, (self.workers + 1) // 2)

    @property
    def max_bytes(self) -> int:
        return self.max_mb << 20

    @property
    def wait_s(self) -> float:
        """How long a request may wait for a worker before 503 (a queue that does not move)."""
        return max(60.0, 6 * self.timeout_s)

    @property
    def heavy_s(self) -> float:
        """How long a client whose query was cut at the timeout is kept off the last free worker."""
        return 3 * self.timeout_s

    def describe(self) -> str:
        memory = f" of {self.memory_mb} MB" if self.memory_mb else ""
        return (
            f"{self.timeout_s:g} s per query, {self.max_rows} rows or {self.max_mb} MB per result, "
            f"{self.workers} workers{memory}, {self.queue} requests may wait"
        )
