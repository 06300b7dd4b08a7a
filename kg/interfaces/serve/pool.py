"""Query worker processes and the queue in front of them.

pyoxigraph cannot be cancelled from Python, so each query runs in a worker process; one that has not
answered by the timeout is killed and replaced, as is one that dies (a crash, or the memory cap).

Requests wait for a free worker in a bounded queue (full: :class:`QueueFull`, which the handler turns
into 503 with ``Retry-After``). A free worker goes to the waiting request whose client (its address)
has used the least worker time lately (decayed, half-life ``_HALF_LIFE_S``) less the time the
request has waited; a client holds at most
``share`` workers at once; and a client that had a query cut at the timeout in the last
``heavy_s`` seconds does not get the last free worker before it has waited half the timeout; a
query whose very text was cut then (runaway queries tend to be sent again, by their author or by
others) does not get it at all. So known runaways hold at most all but one worker, ordinary queries
keep moving, and nobody waits for ever.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.interfaces.serve.limits import Limits

__all__ = ["Pool", "QueryTimeout", "QueueFull", "WaitedTooLong", "WorkerDied"]

_RESULTS = str(Path(__file__).with_name("results.py"))
_READY = ("ready",)
_STARTUP_S = 120.0  # how long a new worker may take to start (import, open the store) on a loaded machine
_HALF_LIFE_S = 10.0
_RECHECK_S = 0.25  # waiting requests look again this often (eligibility changes with time)
# a worker past its memory cap aborts: one line in the log, not a Rust backtrace
_WORKER_ENV = {**os.environ, "RUST_BACKTRACE": "0"}

# The worker loads results.py by path, so it does not import the kg package (nor spaCy).
_BOOT = (
    "import importlib.util, sys\n"
    "spec = importlib.util.spec_from_file_location('_kg_serve_worker', sys.argv[1])\n"
    "mod = importlib.util.module_from_spec(spec)\n"
    "sys.modules[spec.name] = mod\n"
    "spec.loader.exec_module(mod)\n"
    "mod.worker_loop(sys.argv[2], int(sys.argv[3]))\n"
)


class QueryTimeout(Exception):
    pass


class WorkerDied(Exception):
    pass


class QueueFull(Exception):
    pass


class WaitedTooLong(Exception):
    pass


class Worker:
    """One query process, used by one request at a time."""

    def __init__(self, store_path: str, memory_mb: int):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _BOOT, _RESULTS, store_path, str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_WORKER_ENV,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None  # both asked for as pipes
        self._to_worker: IO[bytes] = self.proc.stdin
        self._from_worker: IO[bytes] = self.proc.stdout
        self._replies: queue.Queue = queue.Queue()
        self._ready = threading.Event()
        threading.Thread(target=self._read, name=f"kg-serve-reader-{self.proc.pid}", daemon=True).start()

    def _read(self) -> None:
        try:
            if pickle.load(self._from_worker) != _READY:
                raise ValueError("the worker did not say it was ready")
            self._ready.set()
            while True:
                self._replies.put(pickle.load(self._from_worker))
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):
            self._replies.put(None)
            self._ready.set()

    def ask(self, job: dict, timeout_s: float) -> tuple:
        """The worker's answer to ``job`` (status, body, content type, truncated); ``timeout_s`` counts
        from when the worker is ready, so a replacement is not charged for its start-up."""
        if not self._ready.wait(_STARTUP_S):
            raise WorkerDied(f"did not start within {_STARTUP_S:g} s")
        try:
            pickle.dump(job, self._to_worker)
            self._to_worker.flush()
            reply = self._replies.get(timeout=timeout_s)
        except (BrokenPipeError, OSError) as err:
            raise WorkerDied(self._how_it_ended(str(err))) from err
        except queue.Empty as err:
            raise QueryTimeout from err
        if reply is None:
            raise WorkerDied(self._how_it_ended("closed its pipe"))
        return reply

    def _how_it_ended(self, default: str) -> str:
        try:
            code = self.proc.wait(2)
        except subprocess.TimeoutExpired:
            return default
        if code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exit code {code}"

    def stop(self, grace_s: float = 2.0) -> None:
        try:
            self._to_worker.close()
            self.proc.wait(grace_s)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        self._close_pipes()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self._to_worker, self._from_worker):
            try:
                stream.close()
            except OSError:
                pass


@dataclass
class _Ticket:
    client: str
    query: str  # a digest of the query text
    seq: int
    since: float = field(default_factory=time.monotonic)
    worker: Worker | None = None
    done: threading.Event = field(default_factory=threading.Event)


class Pool:
    """``limits.workers`` query processes behind a fair, bounded wait queue (see the module doc)."""

    def __init__(self, store_path: str, limits: Limits):
        self.store_path, self.limits = store_path, limits
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._all: set[Worker] = set()
        self._waiting: list[_Ticket] = []
        self._running: Counter[str] = Counter()
        self._usage: dict[str, tuple[float, float]] = {}  # client -> (worker seconds, when)
        self._cut_at: dict[str, float] = {}  # client or query digest -> when last cut at the timeout
        self._seq = itertools.count()
        self._closed = False
        for _ in range(limits.workers):
            self._idle.append(self._spawn())

    def _spawn(self) -> Worker:
        worker = Worker(self.store_path, self.limits.memory_mb)
        self._all.add(worker)
        return worker

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def run(self, job: dict, client: str = "") -> tuple:
        """The reply to ``job`` from the next worker ``client`` may have; see the module doc."""
        query = hashlib.sha256(job["query"].encode()).hexdigest()
        worker = self._acquire(client, query)
        started, replace = time.monotonic(), True
        try:
            reply = worker.ask(job, self.limits.timeout_s)
            replace = False
            return reply
        except QueryTimeout:
            with self._cond:
                self._cut_at[client] = self._cut_at[query] = time.monotonic()
            raise
        finally:
            self._release(client, worker, time.monotonic() - started, replace)

    def _acquire(self, client: str, query: str) -> Worker:
        with self._cond:
            if self._closed:
                raise WorkerDied("the server is stopping")
            if len(self._waiting) >= self.limits.queue:
                raise QueueFull
            ticket = _Ticket(client, query, next(self._seq))
            self._waiting.append(ticket)
            self._dispatch()
            deadline = ticket.since + self.limits.wait_s
            while ticket.worker is None and not self._closed:
                if time.monotonic() >= deadline:
                    self._waiting.remove(ticket)
                    raise WaitedTooLong
                self._cond.wait(_RECHECK_S)
                self._dispatch()  # a ticket may have become eligible by waiting
            if ticket.worker is None:
                raise WorkerDied("the server is stopping")
            return ticket.worker

    def _release(self, client: str, worker: Worker, seconds: float, replace: bool) -> None:
        if replace:
            worker.kill()
        with self._cond:
            self._running[client] -= 1
            if not self._running[client]:
                del self._running[client]  # a long-lived server meets many addresses
            used, when = self._usage.get(client, (0.0, time.monotonic()))
            self._usage[client] = (self._decayed(used, when) + seconds, time.monotonic())
            back: Worker | None = worker
            if replace:
                self._all.discard(worker)
                back = None if self._closed else self._spawn()
            if back is not None:
                self._idle.append(back)
            self._forget_old_clients()
            self._dispatch()

    def _forget_old_clients(self) -> None:
        if len(self._usage) > 1000:
            self._usage = {c: (u, w) for c, (u, w) in self._usage.items() if self._decayed(u, w) > 1e-3}
        if len(self._cut_at) > 1000:
            now = time.monotonic()
            self._cut_at = {c: t for c, t in self._cut_at.items() if now - t < self.limits.heavy_s}

    def _dispatch(self) -> None:
        """Give idle workers to eligible waiting tickets, least recent usage first (holding the lock)."""
        while self._idle:
            eligible = [t for t in self._waiting if self._may_take(t)]
            if not eligible:
                return
            now = time.monotonic()  # worker time used lately, less time waited: nobody starves
            ticket = min(eligible, key=lambda t: (self._usage_of(t.client) - (now - t.since), t.seq))
            self._waiting.remove(ticket)
            ticket.worker = self._live(self._idle.pop())
            self._running[ticket.client] += 1
            self._cond.notify_all()

    def _live(self, worker: Worker) -> Worker:
        """The worker, or a new one in its place if it died while idle (not the next query's fault)."""
        if worker.proc.poll() is None:
            return worker
        worker.kill()
        self._all.discard(worker)
        return self._spawn()

    def _may_take(self, ticket: _Ticket) -> bool:
        if self._running[ticket.client] >= self.limits.share:
            return False
        if len(self._idle) > 1 or self.limits.workers == 1:
            return True
        now = time.monotonic()
        if now - self._cut_at.get(ticket.query, -math.inf) < self.limits.heavy_s:
            return False  # this very text ran away lately
        # the client's other queries wait a little, not until the client's record clears
        return (
            now - self._cut_at.get(ticket.client, -math.inf) >= self.limits.heavy_s
            or now - ticket.since >= self.limits.timeout_s / 2
        )

    def _usage_of(self, client: str) -> float:
        used, when = self._usage.get(client, (0.0, 0.0))
        return self._decayed(used, when)

    @staticmethod
    def _decayed(used: float, when: float) -> float:
        return used * 0.5 ** ((time.monotonic() - when) / _HALF_LIFE_S)

    def pids(self) -> list[int]:
        with self._cond:
            return [w.proc.pid for w in self._all]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._cond.notify_all()
        for worker in workers:
            worker.stop()
