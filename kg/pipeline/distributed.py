"""Extraction on a Dask cluster: the same build as :func:`kg.pipeline.build`, spread over machines.

The client reads the articles (streaming) and skips unchanged ones exactly as ``build`` does; the
rest go out in batches, one independent task per batch. A worker process builds its
:class:`~kg.extract.Extractor` once and keeps it; a task extracts its articles, puts the records
into an in-memory :class:`~kg.graph.store.Store` (the one code path that writes kg's RDF) and writes
that as one N-Quads shard. The client loads each shard into its store
(:meth:`~kg.graph.store.Store.load_shard`); kept shards (``shard_dir``) can be bulk-loaded elsewhere or
sent to a SPARQL server. Workers on other machines need ``shard_dir`` on a file system they share
with the client. Needs the extra: ``pip install 'kg[distributed]'``.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from kg.errors import KgError
from kg.graph.records import Article, content_id
from kg.graph.store import DEFAULT_STORE, Store, opened_store
from kg.pipeline import BuildSummary, RecordTally, changed_articles, finish
from kg.read.articles import InputProblem

__all__ = ["DistributedError", "ShardResult", "build_distributed"]

_INSTALL = "pip install 'kg[distributed]'"
_WAIT_FOR_WORKERS_S = 60


class DistributedError(KgError, ValueError):
    """Dask is missing, or the cluster cannot do the work; the message says what to do."""


@dataclass(frozen=True)
class ShardResult:
    """What a task sends back: where its shard is, and what the summary counts of each record."""

    path: str
    tallies: tuple[RecordTally, ...]


def build_distributed(
    paths: Iterable[str | Path],
    *,
    store: Store | str | Path | None = DEFAULT_STORE,
    scheduler: str,
    shard_dir: str | Path | None = None,
    batch: int = 16,
    out: Iterable[str | Path] = (),
    progress: Callable[[int], None] | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> BuildSummary:
    """Ingest articles into ``store`` with extraction on the Dask cluster at ``scheduler`` (an address
    like ``tcp://host:8786``, or ``local:N`` for N worker processes on this machine). Shards go to
    ``shard_dir`` and stay there; without it, to a temporary folder deleted afterwards."""
    if batch < 1:
        raise DistributedError(f"batch={batch}: give at least 1 article per task")
    summary = BuildSummary()
    with opened_store(store) as st, _connected(scheduler) as client, _shard_folder(shard_dir) as folder:
        known = st.hashes()
        articles = changed_articles(
            paths, summary, known, _cluster_fingerprint(client), progress=progress, on_problem=on_problem
        )
        st.ensure_ontology()
        for shard in _run_tasks(client, _batches(articles, batch), folder):
            st.load_shard(_visible(shard.path))
            _count(summary, shard, known)
            if shard_dir is None:
                os.remove(shard.path)
        finish(summary, st, out)
    return summary


# -- the client side -------------------------------------------------------------------------------


@contextmanager
def _connected(scheduler: str):
    """A ``dask.distributed.Client`` for ``scheduler``; ``local:N`` starts (and then stops) a local cluster."""
    distributed = _import_distributed()
    n = _local_workers(scheduler)
    local = (
        distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        if n
        else nullcontext()
    )
    with local as cluster, _client(distributed, cluster or scheduler, scheduler) as client:
        yield client


def _client(distributed, target, scheduler: str):
    try:
        return distributed.Client(target)
    except ValueError as err:
        raise DistributedError(f"--scheduler {scheduler}: {err}; give tcp://HOST:PORT or local:N") from err
    except (OSError, TimeoutError) as err:
        raise DistributedError(
            f"cannot reach the Dask scheduler {scheduler} ({err}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`, "
            "or use --scheduler local:2"
        ) from err


def _import_distributed():
    try:
        import distributed
    except ImportError as err:
        raise DistributedError(f"--scheduler needs Dask, which is not installed: {_INSTALL}") from err
    return distributed


def _local_workers(scheduler: str) -> int | None:
    """N for ``local:N``, None for an address."""
    if not scheduler.startswith("local:"):
        return None
    n = scheduler.removeprefix("local:")
    if not n.isdigit() or int(n) < 1:
        raise DistributedError(f"--scheduler {scheduler}: write local:N with N worker processes, e.g. local:2")
    return int(n)


def _cluster_fingerprint(client) -> str:
    """The fingerprint of the extractor the workers run (which is what decides "unchanged"): every worker
    loads its extractor now, in parallel, and they must agree."""
    try:
        client.wait_for_workers(1, timeout=_WAIT_FOR_WORKERS_S)
    except TimeoutError as err:
        raise DistributedError(
            f"the Dask scheduler has no workers after {_WAIT_FOR_WORKERS_S} s; start some "
            "with `dask worker ADDRESS --nthreads 1`"
        ) from err
    futures = [
        client.submit(_worker_fingerprint, workers=[w], allow_other_workers=False, pure=False)
        for w in client.nthreads()
    ]
    found = set(client.gather(futures))
    if len(found) > 1:
        raise DistributedError(
            f"the workers run different extractors (fingerprints {', '.join(sorted(found))}); "
            "install the same kg, lexicons and spaCy model on every worker"
        )
    return found.pop()


@contextmanager
def _shard_folder(shard_dir: str | Path | None) -> Iterator[Path]:
    if shard_dir is not None:
        Path(shard_dir).mkdir(parents=True, exist_ok=True)
        yield Path(shard_dir).resolve()
        return
    with tempfile.TemporaryDirectory(prefix="kg-shards-") as tmp:
        yield Path(tmp)


def _batches(articles: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    it = iter(articles)
    while chunk := tuple(islice(it, size)):
        yield chunk


def _run_tasks(client, batches: Iterable[tuple[Article, ...]], folder: Path) -> Iterator[ShardResult]:
    """Submit one task per batch and yield the results as they finish; at most two tasks per worker
    thread wait, so reading stays ahead of the cluster without holding the whole corpus in memory."""
    from distributed import as_completed

    window = 2 * max(1, sum(client.nthreads().values()))
    running = as_completed()
    for articles in batches:
        running.add(client.submit(_extract_shard, articles, str(folder / _shard_name(articles)), pure=False))
        if running.count() >= window:
            yield next(running).result()
    for future in running:
        yield future.result()


def _shard_name(articles: tuple[Article, ...]) -> str:
    """Named by content: the same batch gives the same file, different batches never collide."""
    return f"shard-{content_id(*(a.content_hash for a in articles), length=16)}.nq"


def _visible(path: str) -> str:
    if not Path(path).is_file():
        raise DistributedError(
            f"{path}: a worker wrote this shard but it is not on this machine; give "
            "--shard-dir a folder that this machine and the workers share (e.g. on NFS)"
        )
    return path


def _count(summary: BuildSummary, shard: ShardResult, known: dict[str, str]) -> None:
    for tally in shard.tallies:
        summary.add(tally)
        if tally.article_id in known:
            summary.updated += 1
        else:
            summary.added += 1


# -- the worker side (runs in the worker processes) ------------------------------------------------

_extractor = None
_extractor_lock = threading.Lock()  # a worker may run tasks in several threads; spaCy is not thread-safe
_extractor_loads = 0


def _worker_extractor():
    """This process's extractor, built on first use: spaCy objects never leave the worker."""
    global _extractor, _extractor_loads
    if _extractor is None:
        from kg.extract import Extractor

        _extractor = Extractor()
        _extractor_loads += 1
    return _extractor


def _worker_fingerprint() -> str:
    with _extractor_lock:
        return _worker_extractor().fingerprint


def _extract_shard(articles: tuple[Article, ...], path: str) -> ShardResult:
    """Extract ``articles`` and write what :meth:`Store.put` would store of them to the N-Quads file ``path``."""
    with _extractor_lock:
        records = list(_worker_extractor().extract_many(articles))
    with Store(None) as shard:
        for record in records:
            shard.put(record)  # put, not ingest: the shard holds no ontology graph
        partial = Path(path).with_suffix(".partial.nq")
        shard.dump(partial)
    os.replace(partial, path)  # a shard is complete or absent
    return ShardResult(path, tuple(RecordTally.of(r) for r in records))
