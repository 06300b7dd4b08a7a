"""`kg validate` on a large store: time and peak memory of validating by graph, beside validating the
union of the store in memory (the way before issue 16), each in its own process.

    python benchmarks/validate_scale.py --source STORE_DIR [--copies 3] [--union]

STORE_DIR is a kg store built from the shared corpus (`kg build ../shared/corpus/ukraine_news.jsonl
--store STORE_DIR`); its article graphs are copied ``--copies`` times with new IRIs as in
benchmarks/store_scale.py, and derived. ``--union`` also runs the in-memory union (slow, about 1 KB of
memory a triple). Report the load average printed with the figures: the machine may be shared.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from store_scale import scaled_nquads  # noqa: E402


def _by_graph(store_dir: str, queue) -> None:
    from kg.graph.store import Store
    from kg.quality.validate import validate_store

    with Store(store_dir, read_only=True) as store:
        start = time.perf_counter()
        report = validate_store(store)
        queue.put({"seconds": time.perf_counter() - start, "violations": len(report.violations), "peak_mb": _peak_mb()})


def _union(store_dir: str, queue) -> None:
    from kg.graph.store import Store
    from kg.quality.validate import _check, _quiet_rdflib
    from kg.quality.validate import _union as union_of

    with Store(store_dir, read_only=True) as store:
        start = time.perf_counter()
        with _quiet_rdflib():
            violations = _check(union_of(store), None)
        queue.put({"seconds": time.perf_counter() - start, "violations": len(violations), "peak_mb": _peak_mb()})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(target, store_dir: str) -> dict:
    queue = mp.get_context("spawn").Queue()
    process = mp.get_context("spawn").Process(target=target, args=(store_dir, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--union", action="store_true", help="also validate the union in memory")
    args = parser.parse_args(argv)
    from kg.graph.store import Store

    work = Path(tempfile.mkdtemp(prefix="kg-validate-"))
    try:
        nquads = work / "scaled.nq"
        triples = scaled_nquads(args.source, args.copies, nquads)
        with Store(work / "store") as store:
            store.load_file(nquads)
            from kg.derive import derive

            derive(store)
            graphs = len(store.graph_names())
        print(
            f"{triples:,} triples in {graphs:,} graphs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
            "cores",
            flush=True,
        )
        for name, target in [("by graph", _by_graph), *([("union", _union)] if args.union else [])]:
            r = _run(target, str(work / "store"))
            print(
                f"{name:9} {r['seconds']:8.1f} s  peak {r['peak_mb']:7,.0f} MB  {r['violations']} violations",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
