"""Extraction in worker processes with a time budget per article (``kg build --jobs N``).

Each worker loads the extractor once and extracts one article at a time. An article that takes longer
than the budget (a pathological text), or whose worker dies (out of memory, a crash in the parser), is
reported and skipped: its worker is stopped and replaced, and the others go on, so one text never
stalls a batch. Records come back in input order.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait

from kg.errors import KgError
from kg.graph.records import Article, Record
from kg.read.articles import InputProblem

__all__ = ["ARTICLE_TIMEOUT", "extract_parallel"]

ARTICLE_TIMEOUT = 600.0  # seconds; a 2,000,000-character article (the default --max-chars) takes a few minutes


def _work(conn, overrides) -> None:  # pragma: no cover - runs in the worker process
    from kg.extract import Extractor

    extractor = Extractor(overrides=overrides)
    conn.send("ready")
    while (task := conn.recv()) is not None:
        index, article = task
        try:
            conn.send((index, extractor.extract(article), None))
        except Exception as err:  # one article's bug must not end the batch; the parent reports it
            conn.send((index, None, f"{type(err).__name__}: {err}"))


class _Worker:
    def __init__(self, ctx, overrides) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_work, args=(child, overrides), daemon=True)
        self.process.start()
        child.close()
        self.ready = self.died = False
        self.task: tuple[int, Article] | None = None
        self.since = 0.0

    def give(self, task: tuple[int, Article]) -> None:
        self.conn.send(task)
        self.task, self.since = task, time.monotonic()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def extract_parallel(
    articles: Iterable[Article],
    *,
    jobs: int,
    overrides=None,
    budget: float = ARTICLE_TIMEOUT,
    report: Callable[[InputProblem], None],
) -> Iterator[Record]:
    """Extract ``articles`` in ``jobs`` worker processes, in input order; an article over ``budget``
    seconds, or that ends its worker, is passed to ``report`` and skipped."""
    ctx = multiprocessing.get_context("spawn")  # a fork would copy the open store's threads and locks
    workers = [_Worker(ctx, overrides) for _ in range(max(1, jobs))]
    tasks = enumerate(articles)
    done: dict[int, Record | None] = {}
    next_out, exhausted = 0, False
    try:
        while True:
            for w in workers:
                if w.ready and w.task is None and not exhausted:
                    task = next(tasks, None)
                    if task is None:
                        exhausted = True
                    else:
                        w.give(task)
            while next_out in done:
                record = done.pop(next_out)
                next_out += 1
                if record is not None:
                    yield record
            if exhausted and all(w.task is None for w in workers):
                return
            _receive(workers, done, budget, report)
            for i, w in enumerate(workers):
                if w.died or (w.task is not None and time.monotonic() - w.since > budget):
                    workers[i] = _replace(ctx, overrides, w, done, report, budget)
    finally:
        for w in workers:
            w.stop()


def _receive(workers: list[_Worker], done: dict, budget: float, report) -> None:
    busy = [budget - (time.monotonic() - w.since) for w in workers if w.task is not None]
    timeout = max(0.0, min(busy)) + 0.05 if busy else None
    for conn in wait([w.conn for w in workers], timeout):
        w = next(w for w in workers if w.conn is conn)
        try:
            message = w.conn.recv()  # conn itself, as the Connection it is (wait() types it loosely)
        except (EOFError, OSError):
            if not w.ready:
                raise KgError(
                    "kg build --jobs: a worker process could not load the extractor; run with --jobs 1 to see why"
                ) from None
            w.died = True
            continue
        if message == "ready":
            w.ready = True
            continue
        index, record, error = message
        assert w.task is not None  # a worker answers the task it was given
        if error:
            report(InputProblem.of_article(w.task[1], "extract-error", f"extraction failed ({error}); skipped."))
        done[index], w.task = record, None


def _replace(ctx, overrides, w: _Worker, done: dict, report, budget: float) -> _Worker:
    """A new worker for ``w``, whose article (over the budget, or the end of its process) is reported."""
    if w.task is not None:
        if w.died:
            reason, message = (
                "worker-died",
                "ended its worker process (out of memory, or a crash in the parser); skipped.",
            )
        else:
            reason, message = (
                "too-slow",
                (
                    f"took more than {budget:g} s to extract; skipped (its worker was stopped). "
                    "Raise --article-timeout, or split the article."
                ),
            )
        report(InputProblem.of_article(w.task[1], reason, message))
        done[w.task[0]] = None
    w.stop()
    return _Worker(ctx, overrides)
