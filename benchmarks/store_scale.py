"""Load and query a graph of about a million triples: the on-disk Oxigraph store beside rdflib's
in-memory store, on the same data, in the same run.

    python benchmarks/store_scale.py --source STORE_DIR [--copies 2] [--runs 5] [--rdflib-query-limit 120]

STORE_DIR is a kg store built from the shared corpus (`kg build ../shared/corpus/ukraine_news.jsonl
../shared/corpus/ukraine_official_statements.jsonl --store STORE_DIR`). For size, its article graphs are
copied ``--copies`` times with new article, event and claim IRIs (entities stay shared, as they would be
across a real corpus). Each engine runs in its own process, so peak memory is per engine. Reports load
time, store size on disk, peak memory (max RSS) and p50/p95 latency of each named query.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REWRITE = (
    "/resource/article/",
    "/resource/event/",
    "/resource/claim/",
    "/resource/relation/",
    "/resource/resolution/",
    "/resource/graph/",
)
PAGE = 100  # rows in a page, as `kg query NAME --limit 100` asks
PARAMS = {
    "ego": {"entity": "https://w3id.org/kgct/resource/entity/Q159"},
    "between": {"a": "https://w3id.org/kgct/resource/entity/Q159", "b": "https://w3id.org/kgct/resource/entity/Q212"},
}


DERIVED = ("/resource/graph/plans>", "/resource/graph/tallies>")  # recomputed over the copies, as a build would


def scaled_nquads(source: Path, copies: int, out: Path) -> int:
    """Write the source store's quads ``copies`` times, IRIs of article-level nodes suffixed per copy, then
    the derived graphs (plan status, tallies) computed over all copies."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(source))
    with out.open("w", encoding="utf-8") as fh:
        for quad in store:
            line = (
                f"{quad.subject} {quad.predicate} {quad.object} {quad.graph_name} .\n"
                if not isinstance(quad.graph_name, ox.DefaultGraph)
                else f"{quad.subject} {quad.predicate} {quad.object} .\n"
            )
            graph = str(quad.graph_name)
            if graph.endswith(DERIVED):
                continue
            # the shared graphs (entities, ontology) stay single; only what articles say is copied
            shared = graph.endswith(("/graph/entities>", "/graph/ontology>")) or not any(p in line for p in REWRITE)
            for copy in range(1 if shared else copies):
                text = line
                if copy:
                    for part in REWRITE:
                        text = text.replace(part, f"{part}c{copy}-")
                    # the copies' events are new nodes in the one shared event graph, as new articles' are
                    text = text.replace(f"/resource/graph/c{copy}-events>", "/resource/graph/events>")
                    text = text.replace("_:", f"_:c{copy}")
                    text = _as_new_article(quad, text, copy)
                fh.write(text)
    return _with_derived(out)


def _with_derived(nquads: Path) -> int:
    """Compute plan status and tallies over ``nquads`` (in a scratch store) and write them into it."""
    from kg.derive import derive
    from kg.graph.store import Store

    scratch = Path(tempfile.mkdtemp(prefix="kg-derive-"))
    try:
        store = Store(scratch / "store")
        store.load_file(nquads)
        t0 = time.perf_counter()
        derive(store)
        print(f"derived graphs (plan status, tallies) computed in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        store.dump(nquads)  # the copies and their derived graphs
        n = len(store)
        store.close()
        return n
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _as_new_article(quad, text: str, copy: int) -> str:
    """What differs in a copy besides IRIs, as it would in a new article: its id, and the article hash in
    each claim's kg:timelineKey (day, hash of the article id, offset), so copies do not tie on the key."""
    predicate = quad.predicate.value
    if predicate == "http://purl.org/dc/terms/identifier":
        return text.replace(f'"{quad.object.value}"', f'"c{copy}-{quad.object.value}"', 1)
    if predicate == "https://w3id.org/kgct/ontology#timelineKey":
        key = quad.object.value
        day, article = key[:8], int(hashlib.sha1(f"{key[8:20]}-c{copy}".encode()).hexdigest()[:12], 16) % 10**12
        return text.replace(f'"{key}"', f'"{day}{article:012d}{key[20:]}"', 1)
    return text


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


def _time_queries(run_query, runs: int, limit_s: float | None = None) -> dict:
    """p50/p95 of each named query, whole result and first page (``--limit 100``), alternating the two.
    With ``limit_s``, a run that takes longer is stopped (SIGALRM) and reported as such, not repeated."""
    import signal

    from kg.queries import named_queries

    out = {}
    for q in named_queries():
        params = PARAMS.get(q.name, {})
        if any(p.required for p in q.params) and not params:
            first = run_query("timeline", {}, PAGE).rows[0][0]
            params = {"event": str(first)}
        times: dict[str, list[float]] = {"all": [], "page": []}
        rows, slow = {}, set()
        for _ in range(runs):
            for kind, limit in (("all", None), ("page", PAGE)):
                if kind in slow:
                    continue
                if limit_s:
                    signal.signal(signal.SIGALRM, _alarm)
                    signal.setitimer(signal.ITIMER_REAL, limit_s)
                t0 = time.perf_counter()
                try:
                    rows[kind] = len(run_query(q.name, params, limit))
                    times[kind].append((time.perf_counter() - t0) * 1000)
                except _TooSlow:
                    slow.add(kind)
                finally:
                    if limit_s:
                        signal.setitimer(signal.ITIMER_REAL, 0)
        out[q.name] = {
            kind: (
                {"p50_ms": round(statistics.median(ts), 1), "p95_ms": round(_p95(ts), 1), "rows": rows[kind]}
                if ts
                else {"error": f"stopped after {limit_s:.0f} s"}
            )
            for kind, ts in times.items()
        }
    return out


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(0.95 * len(values)))]


def oxigraph_run(nquads: Path, workdir: Path, runs: int, queue) -> None:
    import pyoxigraph as ox

    from kg.api import run_query
    from kg.graph.store import Store

    path = workdir / "oxigraph"
    t0 = time.perf_counter()
    raw = ox.Store(str(path))
    raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    load = time.perf_counter() - t0
    store = Store(path, read_only=True)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    queries = _time_queries(lambda name, params, limit: run_query(name, params, store=store, limit=limit), runs)
    queue.put(
        {
            "engine": "oxigraph (on disk)",
            "triples": len(store),
            "load_s": round(load, 1),
            "disk_mb": round(size / 2**20, 1),
            "peak_mb": round(_peak_mb()),
            "queries": queries,
        }
    )


def rdflib_run(nquads: Path, runs: int, query_limit_s: float, queue) -> None:
    from rdflib import Dataset

    from kg.api import parse_param
    from kg.queries import get_query

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(str(nquads), format="nquads")
    load = time.perf_counter() - t0

    class Rows:
        def __init__(self, result):
            self.rows = [tuple(r) for r in result]

        def __len__(self):
            return len(self.rows)

    def run(name, params, limit):
        bindings = {k: parse_param(v) for k, v in params.items()}
        return Rows(ds.query(get_query(name).page(limit), initBindings=bindings))

    queue.put(
        {
            "engine": "rdflib (in memory)",
            "triples": len(ds),
            "load_s": round(load, 1),
            "peak_mb": round(_peak_mb()),
            "queries": _time_queries(run, runs, limit_s=query_limit_s),
        }
    )


def _in_process(target, args, timeout: float) -> dict:
    ctx = mp.get_context("spawn")  # a fresh interpreter: no RocksDB threads inherited by fork, its own peak memory
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    try:
        return queue.get(timeout=timeout)
    except Exception:
        return {
            "engine": target.__name__,
            "error": f"did not finish within {timeout:.0f} s (exit code {proc.exitcode})",
        }
    finally:
        proc.join(5)
        if proc.is_alive():
            proc.terminate()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, required=True, help="a kg store built from the corpus")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=3600, help="seconds for the whole rdflib run")
    parser.add_argument("--rdflib-query-limit", type=float, default=120, help="seconds for one rdflib query run")
    parser.add_argument("--skip-rdflib", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        nq = work / "scaled.nq"
        triples = scaled_nquads(args.source, args.copies, nq)
        print(f"wrote {triples} quads", file=sys.stderr)
        results = [_in_process(oxigraph_run, (nq, work, args.runs), 3600)]
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)  # each engine's figures as soon as they are in
        if not args.skip_rdflib:
            results.append(_in_process(rdflib_run, (nq, args.runs, args.rdflib_query_limit), args.rdflib_timeout))
        print(json.dumps({"quads": triples, "results": results}, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
