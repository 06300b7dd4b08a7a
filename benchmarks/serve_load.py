"""Load ``kg serve`` as issue 16 asks: 20 concurrent clients for 45 s, one in five sending a runaway
(cartesian) query now and then, the rest ordinary queries (kg's named queries and small SELECTs).

    python benchmarks/serve_load.py --store STORE_DIR [--clients 20] [--seconds 45] [--runaway-every 5]

``kg serve`` runs as its own process with its defaults (2 workers, 10 s timeout); ``--kg-path`` serves
with another checkout of kg (e.g. ``git archive 6fef3b9 kg | tar -x -C old/``, the endpoint before
issue 16) for a baseline in the same session. Each client sends from
its own loopback address (127.0.0.10, .11, ...), as separate machines would, one request at a time.
Reports, for ordinary queries: count, p50/p95/max latency, and failures (5xx, other non-200 statuses,
connection errors); for runaway queries: how many were sent and which statuses came back (each must
be an error status); and the memory (RSS) of the server and its workers, sampled every second.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SMALL = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?e ?label WHERE { ?e a <https://w3id.org/kgct/ontology#Event> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 50",
    "ASK { ?s a <https://w3id.org/kgct/ontology#Claim> }",
]


def ordinary_queries() -> list[str]:
    from kg.queries import named_queries

    named = [q.page(100, 0) for q in named_queries() if not any(p.required for p in q.params)]
    return named + SMALL


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: str, port: int, log, kg_path: str | None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": kg_path or str(Path(__file__).resolve().parents[1])}
    # the log goes to a file: a pipe nobody reads would fill up and stop the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", store, "--port", str(port)], stderr=log, env=env
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/sparql?query=" + urllib.parse.quote("ASK {}"))
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("kg serve did not start within 120 s")


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory (MB) of the server process, and of all its children (the query workers) together."""
    own, children, stack = 0, 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            kb = int(status.split("VmRSS:")[1].split()[0])
            if p == pid:
                own = kb
            else:
                children += kb
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            pass
    return own / 1024, children / 1024


def client(
    port: int, address: str, runaway_share: float, until: float, queries: list[str], rng: random.Random, results: list
) -> None:
    while time.monotonic() < until:
        runaway = rng.random() < runaway_share
        query = RUNAWAY if runaway else rng.choice(queries)
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(address, 0))
            conn.request(
                "POST",
                "/sparql",
                body=query.encode(),
                headers={
                    "Content-Type": "application/sparql-query",
                    "Accept": "text/csv, application/sparql-results+json;q=0.5",
                },
            )
            resp = conn.getresponse()
            resp.read()
            status = resp.status
            conn.close()
        except OSError as err:
            status = f"connection error: {type(err).__name__}"
        results.append(("runaway" if runaway else "ordinary", status, time.monotonic() - started, started))
        time.sleep(rng.uniform(0.0, 0.2))


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else (values[0] if values else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=45.0)
    ap.add_argument("--runaway-every", type=int, default=5, help="one client in N sends runaway queries now and then")
    ap.add_argument(
        "--runaway-share", type=float, default=0.5, help="the part of those clients' requests that are runaway queries"
    )
    ap.add_argument("--kg-path", help="serve with the kg package found here (e.g. an older checkout), for a baseline")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    port = free_port()
    log = tempfile.TemporaryFile("w+")
    server = start_server(args.store, port, log, args.kg_path)
    memory: list[tuple[float, float]] = []
    results: list = []
    try:
        queries = ordinary_queries()
        until = time.monotonic() + args.seconds
        shares = [args.runaway_share if i % args.runaway_every == 0 else 0.0 for i in range(args.clients)]
        threads = [
            threading.Thread(
                target=client, args=(port, f"127.0.0.{10 + i}", shares[i], until, queries, random.Random(i), results)
            )
            for i in range(args.clients)
        ]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            memory.append(rss_mb(server.pid))
            time.sleep(1.0)
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(30)
    log.seek(0)
    print(report(results, memory, log.read(), args), file=sys.stdout)


def _first_last_max(values: list[float]) -> list[int]:
    return [round(values[0]), round(values[-1]), round(max(values))] if values else [0, 0, 0]


def report(results: list, memory: list[float], log: str, args) -> str:
    ordinary = [r for r in results if r[0] == "ordinary"]
    runaway = [r for r in results if r[0] == "runaway"]
    latencies = sorted(r[2] for r in ordinary)
    t0 = min((r[3] for r in results), default=0.0)
    ordinary_statuses = Counter(str(r[1]) for r in ordinary)
    failures = sum(n for s, n in ordinary_statuses.items() if s != "200")
    summary = {
        "clients": args.clients,
        "seconds": args.seconds,
        "ordinary": len(ordinary),
        "ordinary_failures": failures,
        "ordinary_statuses": dict(ordinary_statuses),
        "p50_ms": round(1000 * percentile(latencies, 50)),
        "p95_ms": round(1000 * percentile(latencies, 95)),
        "max_ms": round(1000 * max(latencies, default=0)),
        "slowest_ordinary_at_s_took_s": [
            (round(r[3] - t0, 1), round(r[2], 1)) for r in sorted(ordinary, key=lambda r: -r[2])[:5]
        ],
        "runaway": len(runaway),
        "runaway_statuses": dict(Counter(str(r[1]) for r in runaway)),
        "runaway_at_s_took_s": [(round(r[3] - t0, 1), round(r[2], 1)) for r in sorted(runaway, key=lambda r: r[3])],
        "runaway_not_cut": sum(1 for r in runaway if r[1] == 200 or isinstance(r[1], str)),
        "server_rss_mb_first_last_max": _first_last_max([m[0] for m in memory]),
        "workers_rss_mb_first_last_max": _first_last_max([m[1] for m in memory]),
        "tracebacks_in_log": log.count("Traceback"),
    }
    if args.json:
        return json.dumps(summary, indent=2)
    return "\n".join(f"{k}: {v}" for k, v in summary.items())


if __name__ == "__main__":
    main()
