"""``kg serve`` under hostile or heavy use: each failure of issue 16's endpoint list, on loopback.

Clients are told apart by address; 127.0.0.2, 127.0.0.3... are loopback addresses too, so a test can
play several clients on one machine.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
import pytest

from kg.interfaces.serve import make_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def doubled(times: int) -> str:
    """A query whose one value is 10 * 2**times characters long, built by CONCAT in the engine."""
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(times))
    return f'SELECT (STRLEN(?x{times}) AS ?n) WHERE {{ BIND("aaaaaaaaaa" AS ?x0) {binds} }}'


@pytest.fixture(scope="module")
def store_path(seed_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("served-limits") / "store"
    copy = ox.Store(str(path))
    copy.extend(seed_store.quads())
    copy.flush()
    del copy
    return path


@pytest.fixture
def serve_with(store_path):
    servers = []

    def start(**options):
        srv = make_server(store_path, port=0, quiet=options.pop("quiet", True), **options)
        srv.start()
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.close()


def ask(
    srv,
    query: str,
    *,
    client: str = "127.0.0.1",
    accept: str = "text/csv",
    host: str | None = None,
    timeout_s: float = 60,
) -> tuple[int, dict, bytes]:
    """(status, headers, body) of one POSTed query sent from the loopback address ``client``."""
    port = srv.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout_s, source_address=(client, 0))
    try:
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        if host:
            headers["Host"] = host
        conn.request("POST", "/sparql", body=query.encode(), headers=headers)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def in_background(fn, *args, **kwargs) -> dict:
    out: dict = {}

    def run():
        out["result"] = fn(*args, **kwargs)

    out["thread"] = threading.Thread(target=run, daemon=True)
    out["thread"].start()
    return out


def count_of(body: bytes) -> int:
    return int(body.decode().split()[1])


# -- the queue ---------------------------------------------------------------------------------------


def test_a_busy_server_queues_requests_instead_of_refusing_them(serve_with, seed_store):
    srv = serve_with(workers=1, timeout_s=2.0)
    runaways = [in_background(ask, srv, HEAVY, client=c) for c in ("127.0.0.2", "127.0.0.3")]
    time.sleep(0.3)
    status, _, body = ask(srv, COUNT, client="127.0.0.4")  # waits longer than the timeout for its turn, then runs
    assert status == 200 and count_of(body) == len(seed_store)
    for runaway in runaways:
        runaway["thread"].join()
        assert runaway["result"][0] == 503 and b"did not finish within 2 s" in runaway["result"][2]


def test_a_full_queue_is_503_with_retry_after(serve_with):
    srv = serve_with(workers=1, timeout_s=2.0, queue=1)
    first = in_background(ask, srv, HEAVY, client="127.0.0.2")
    time.sleep(0.3)
    second = in_background(ask, srv, COUNT, client="127.0.0.3")  # the one place in the queue
    time.sleep(0.3)
    started = time.monotonic()
    status, headers, body = ask(srv, COUNT, client="127.0.0.4")
    assert status == 503 and headers["Retry-After"] == "5" and b"busy" in body
    assert time.monotonic() - started < 1.5  # refused at once, not after waiting
    second["thread"].join()
    first["thread"].join()
    assert second["result"][0] == 200


def test_one_client_cannot_take_every_worker(serve_with):
    srv = serve_with(workers=2, timeout_s=3.0)
    runaways = [in_background(ask, srv, HEAVY, client="127.0.0.2") for _ in range(2)]
    time.sleep(0.5)  # one runaway holds a worker, the other waits: half the workers per client
    started = time.monotonic()
    status, _, _ = ask(srv, COUNT, client="127.0.0.3")
    assert status == 200 and time.monotonic() - started < 2.5
    for r in runaways:
        r["thread"].join()
    assert sorted(r["result"][0] for r in runaways) == [503, 503]


def test_a_client_whose_query_was_cut_does_not_get_the_last_free_worker(serve_with):
    srv = serve_with(workers=2, timeout_s=1.5, client_share=2)
    assert ask(srv, HEAVY, client="127.0.0.2")[0] == 503  # now known as a client with runaway queries
    runaway = in_background(ask, srv, HEAVY, client="127.0.0.2")
    time.sleep(0.3)
    again = in_background(ask, srv, HEAVY, client="127.0.0.2")  # may not take the last worker: it waits
    time.sleep(0.3)
    started = time.monotonic()
    assert ask(srv, COUNT, client="127.0.0.3")[0] == 200
    assert time.monotonic() - started < 1.0
    for r in (runaway, again):
        r["thread"].join()


# -- what a query may do -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }",
        "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o"] * 20000) + ") }",
    ],
)
def test_deep_nesting_is_refused_before_parsing(serve_with, query, seed_store):
    srv = serve_with(workers=1)
    pids = srv.pool.pids()
    status, _, body = ask(srv, query)
    assert status == 400 and (b"deep" in body or b"chains" in body)
    assert srv.pool.pids() == pids  # no worker crashed
    assert count_of(ask(srv, COUNT)[2]) == len(seed_store)


def test_kg_sparql_refuses_deep_nesting_in_one_line(store_path):
    query = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "sparql", "--store", str(store_path), query],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "5000 deep" in proc.stderr


def test_an_unknown_function_is_400(serve_with):
    srv = serve_with(workers=1)
    status, _, body = ask(srv, "SELECT * WHERE { ?s ?p ?o FILTER(<http://example.org/nofn>(?o)) } LIMIT 1")
    assert status == 400 and b"unknown function <http://example.org/nofn>" in body


def test_results_are_capped_in_bytes_whatever_the_row_count(serve_with):
    srv = serve_with(workers=1, max_mb=1)
    long_text = doubled(16)[: -len("}")]  # 655,360 characters per row
    query = long_text.replace("SELECT (STRLEN(?x16) AS ?n)", "SELECT ?s ?x16") + " ?s ?p ?o } LIMIT 50"
    status, headers, body = ask(srv, query)
    assert status == 200 and headers["X-KG-Truncated"] == "true" and headers["X-KG-Truncated-By"] == "bytes"
    assert 0 < len(body) <= (1 << 20) + 200
    status, headers, body = ask(srv, query, accept="application/sparql-results+json")
    assert headers["X-KG-Truncated-By"] == "bytes" and len(body) <= (1 << 20) + 200
    import json

    assert len(json.loads(body)["results"]["bindings"]) == 1


def test_a_query_past_the_worker_memory_cap_is_answered_and_the_worker_replaced(serve_with):
    srv = serve_with(workers=1, memory_mb=512, timeout_s=30.0)
    status, _, body = ask(srv, doubled(26))  # 671 MB of text
    assert status == 500 and b"512 MB memory cap" in body and b"was replaced" in body
    status, _, body = ask(srv, doubled(10))
    assert status == 200 and count_of(body) == 10 * 2**10


def test_a_worker_that_crashes_is_replaced(serve_with, seed_store):
    srv = serve_with(workers=1, timeout_s=20.0)
    runaway = in_background(ask, srv, HEAVY)
    time.sleep(1.0)
    (pid,) = srv.pool.pids()
    os.kill(pid, signal.SIGSEGV)
    runaway["thread"].join()
    status, _, body = runaway["result"]
    assert status == 500 and b"SIGSEGV" in body
    assert count_of(ask(srv, COUNT)[2]) == len(seed_store)
    assert srv.pool.pids() != [pid]


# -- connections ---------------------------------------------------------------------------------------


def test_slow_and_idle_connections_are_closed_and_others_served(serve_with, seed_store):
    srv = serve_with(workers=1, read_timeout_s=1.0)
    port = srv.server_address[1]
    slow = []
    for i in range(200):  # slowloris: many connections that send their headers a byte at a time
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\n" if i % 2 else b"")  # half say nothing at all
        slow.append(s)
    started = time.monotonic()
    status, _, body = ask(srv, COUNT)
    assert status == 200 and count_of(body) == len(seed_store) and time.monotonic() - started < 2
    for _ in range(4):
        time.sleep(0.5)
        for s in slow:
            try:
                s.send(b"X")
            except OSError:
                pass
    closed = 0
    for s in slow:
        s.settimeout(2)
        try:
            closed += s.recv(100) == b""
        except (ConnectionResetError, TimeoutError):
            closed += 1
        s.close()
    assert closed == len(slow)


def test_a_larger_listen_backlog(serve_with):
    srv = serve_with(workers=1)
    assert srv.request_queue_size >= 128


def test_a_client_that_goes_away_is_one_quiet_log_line(serve_with, capfd):
    srv = serve_with(workers=1, quiet=False)
    query = doubled(16).replace("SELECT (STRLEN(?x16) AS ?n)", "SELECT ?s ?x16")[:-1] + " ?s ?p ?o } LIMIT 40"
    for _ in range(3):
        s = socket.create_connection(("127.0.0.1", srv.server_address[1]))
        body = query.encode()
        s.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        )
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset on close
        s.close()
    time.sleep(3)
    assert ask(srv, COUNT)[0] == 200
    err = capfd.readouterr().err
    assert "Traceback" not in err and "went away" in err


# -- Host header ---------------------------------------------------------------------------------------


def test_the_host_header_must_name_this_server(serve_with):
    srv = serve_with(workers=1, allowed_hosts=("kg.internal",))
    port = srv.server_address[1]
    status, _, body = ask(srv, COUNT, host=f"attacker.example:{port}")  # DNS rebinding: a name we do not know
    assert status == 403 and b"--allowed-host" in body
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "kg.internal", f"[::1]:{port}"):
        assert ask(srv, COUNT, host=host)[0] == 200, host


# -- defaults shown --------------------------------------------------------------------------------------


def test_defaults_are_shown_in_help_and_on_the_page(serve_with):
    from kg.interfaces.serve import Limits

    proc = subprocess.run([sys.executable, "-m", "kg", "serve", "--help"], capture_output=True, text=True, timeout=60)
    text = " ".join(proc.stdout.split())
    d = Limits()
    for option, value in (
        ("--timeout", d.timeout_s),
        ("--max-rows", d.max_rows),
        ("--workers", d.workers),
        ("--max-mb", d.max_mb),
        ("--worker-memory", d.memory_mb),
        ("--queue", d.queue),
    ):
        assert option in text and f"(default: {value:g})" in text, option
    srv = serve_with(workers=1)
    conn = http.client.HTTPConnection("127.0.0.1", srv.server_address[1], timeout=30)
    conn.request("GET", "/")
    page = conn.getresponse().read().decode()
    assert srv.limits.describe() in page


def test_a_query_text_that_was_cut_does_not_get_the_last_free_worker_from_anyone(serve_with):
    srv = serve_with(workers=2, timeout_s=1.5)
    assert ask(srv, HEAVY, client="127.0.0.2")[0] == 503  # the text is now known to run away
    others = [in_background(ask, srv, HEAVY, client=c) for c in ("127.0.0.3", "127.0.0.4")]  # new clients
    time.sleep(0.3)  # one runs, the other waits: it may not take the last worker
    started = time.monotonic()
    assert ask(srv, COUNT, client="127.0.0.5")[0] == 200
    assert time.monotonic() - started < 1.0
    for r in others:
        r["thread"].join()
        assert r["result"][0] == 503


def test_other_queries_of_a_client_with_a_runaway_record_wait_only_a_little(serve_with):
    srv = serve_with(workers=2, timeout_s=3.0, client_share=2)
    assert ask(srv, HEAVY, client="127.0.0.2")[0] == 503  # 127.0.0.2 now has a record
    other = HEAVY.replace("?l", "?m")  # another runaway, from another client, not known yet
    runaway = in_background(ask, srv, other, client="127.0.0.3")
    time.sleep(0.3)
    status, _, _ = ask(srv, COUNT, client="127.0.0.2")  # waits half the timeout for the last worker, not more
    assert status == 200 and runaway["thread"].is_alive()
    runaway["thread"].join()
