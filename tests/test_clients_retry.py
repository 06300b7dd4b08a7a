"""kg's HTTP clients (``kg push``, ``--endpoint`` queries) when the connection drops or the process is killed.

A small TCP proxy in front of a real Oxigraph server drops the connections we choose (closed or
reset before any answer) and can slow every request down, so that a push can be killed mid-way.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pyoxigraph as ox
import pytest
from servers import start_oxigraph

from kg.interfaces.push import CONTENT_HASH, PushError, graph_content, push
from kg.interfaces.remote import RemoteError, remote_sparql

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MARKERS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g <https://w3id.org/kgct/ontology#contentHash> ?h } }"


class DroppingProxy:
    """Forwards loopback TCP to ``target_port``; drops the first ``drop`` connections (all when -1) and
    waits ``delay_s`` before forwarding each new connection."""

    def __init__(self, target_port: int, *, drop: int = 0, reset: bool = False, delay_s: float = 0.0):
        self.target_port, self.drop, self.reset, self.delay_s = target_port, drop, reset, delay_s
        self.accepted = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            if self.drop < 0 or self.accepted <= self.drop:
                if self.reset:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                else:
                    conn.recv(65536)  # read the request, then hang up without an answer
                conn.close()
                continue
            threading.Thread(target=self._forward, args=(conn,), daemon=True).start()

    def _forward(self, conn: socket.socket) -> None:
        time.sleep(self.delay_s)
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        threading.Thread(target=self._pipe, args=(upstream, conn), daemon=True).start()
        self._pipe(conn, upstream)

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.sock.close()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-retry"))
    yield server
    server.stop()


@pytest.fixture
def clean_oxigraph(oxigraph):
    oxigraph.update("DROP ALL")
    return oxigraph


@pytest.fixture(scope="module")
def store_path(seed_store, tmp_path_factory):
    """A closed copy of the seed store, for `kg push` in another process."""
    path = tmp_path_factory.mktemp("pushed") / "store"
    copy = ox.Store(str(path))
    copy.extend(seed_store.quads())
    copy.flush()
    del copy
    return path


@pytest.mark.parametrize("reset", [False, True])
def test_an_endpoint_query_survives_dropped_connections(clean_oxigraph, reset):
    clean_oxigraph.update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1, 2, 3 } }")
    proxy = DroppingProxy(clean_oxigraph.port, drop=2, reset=reset)
    result = remote_sparql(proxy.url("query"), COUNT)
    assert int(result.rows[0][0]) == 3 and proxy.accepted == 3
    proxy.close()


def test_an_endpoint_that_always_drops_is_one_line_without_traceback(clean_oxigraph):
    proxy = DroppingProxy(clean_oxigraph.port, drop=-1)
    with pytest.raises(RemoteError, match="closed the connection without an answer"):
        remote_sparql(proxy.url("query"), COUNT)
    assert proxy.accepted == 5  # tried five times, waiting longer each time
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "sparql", COUNT, "--endpoint", proxy.url("query")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proxy.url("query") in proc.stderr
    proxy.close()


def test_push_survives_dropped_connections(clean_oxigraph, seed_store):
    proxy = DroppingProxy(clean_oxigraph.port, drop=3)
    report = push(seed_store, endpoint=proxy.url("update"), query_endpoint=proxy.url("query"), batch_size=500)
    assert report.triples_pushed == len(seed_store) and proxy.accepted > 3
    assert markers(clean_oxigraph) == len(report.pushed) == len(list(seed_store._ox.named_graphs()))
    proxy.close()


def test_push_that_always_drops_is_one_line(clean_oxigraph, seed_store):
    proxy = DroppingProxy(clean_oxigraph.port, drop=-1, reset=True)
    with pytest.raises(PushError, match="it resumes where it stopped") as info:
        push(seed_store, endpoint=proxy.url("update"), query_endpoint=proxy.url("query"))
    assert "\n" not in str(info.value)
    proxy.close()


def markers(server) -> int:
    return int(server.query(MARKERS)["results"]["bindings"][0]["n"]["value"])


def test_push_killed_mid_way_resumes(clean_oxigraph, store_path, seed_store):
    graphs = len(list(seed_store._ox.named_graphs()))
    proxy = DroppingProxy(clean_oxigraph.port, delay_s=0.05)  # about 20 requests a second
    args = [
        sys.executable,
        "-m",
        "kg",
        "push",
        "--store",
        str(store_path),
        "--endpoint",
        proxy.url("update"),
        "--query-endpoint",
        proxy.url("query"),
        "--batch-size",
        "20",
    ]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while markers(clean_oxigraph) < graphs // 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = markers(clean_oxigraph)
    assert proc.returncode == -signal.SIGKILL and 0 < done < graphs  # really stopped mid-way
    resumed = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    skipped = int(resumed.stdout.split("skipped")[1].split()[0])
    assert skipped >= done - 1  # the graph being loaded when killed has no marker yet: it is loaded again
    assert markers(clean_oxigraph) == graphs
    got = server_lines(clean_oxigraph)
    want = {g.value: set(graph_content(seed_store._ox, g).lines) for g in seed_store._ox.named_graphs()}
    assert got == want
    proxy.close()


def server_lines(server) -> dict[str, set[str]]:
    """Graph IRI -> the server's N-Triples lines, push's markers left out."""
    req = urllib.request.Request(server.graph_store_url, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        quads = ox.parse(resp.read(), format=ox.RdfFormat.N_QUADS)
    lines: dict[str, set[str]] = {}
    for q in quads:
        if not (q.predicate.value == CONTENT_HASH and q.subject == q.graph_name):  # push's own marker
            lines.setdefault(q.graph_name.value, set()).add(f"{q.subject} {q.predicate} {q.object} .")
    return lines
