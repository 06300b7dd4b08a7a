"""Start and stop real SPARQL servers for tests: Oxigraph server (PyPI ``oxigraph``) and Virtuoso 7.

Each server runs as a child process on free loopback ports, in a temporary directory, and is
stopped by its pid. When a server's program is missing the tests skip, except under CI (``$CI``
set), where they fail: CI installs them (``.ci/servers.sh``, ``pip install -e '.[test]'``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# the packaged configuration (postinst copies the second to the first)
VIRTUOSO_INIS = (Path("/etc/virtuoso-opensource-7/virtuoso.ini"), Path("/usr/share/virtuoso-opensource-7/virtuoso.ini"))
VIRTUOSO_DB = "/var/lib/virtuoso-opensource-7/db/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def missing(what: str, how: str):
    """Skip (locally) or fail (under CI) a test whose server program is absent."""
    message = f"{what} is not installed: {how}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must install it: see .ci/servers.sh)")
    pytest.skip(message)


@dataclass
class Server:
    """A running SPARQL server; ``stop()`` ends it by pid."""

    name: str
    proc: subprocess.Popen
    query_url: str
    update_url: str
    graph_store_url: str
    workdir: Path
    port: int
    extra: dict = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self, grace_s: float = 15.0) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(grace_s)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log(self) -> str:
        path = self.workdir / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def query(self, sparql: str) -> dict:
        """SELECT/ASK over plain HTTP, JSON results (for test set-up; tests compare with SPARQLWrapper)."""
        data = urllib.parse.urlencode({"query": sparql}).encode()
        req = urllib.request.Request(self.query_url, data=data, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            return json.loads(resp.read())

    def update(self, sparql: str) -> None:
        req = urllib.request.Request(
            self.update_url, data=sparql.encode(), headers={"Content-Type": "application/sparql-update"}
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            resp.read()


def wait_until_up(url: str, proc: subprocess.Popen, timeout_s: float, log: Path) -> None:
    """Poll ``url`` until it answers 200 (the server is up) or the process exits."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"{proc.args[0]} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"{url} did not answer within {timeout_s} s")


# -- Oxigraph server ---------------------------------------------------------------------------


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` program of the PyPI ``oxigraph`` package (beside this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def start_oxigraph(workdir: Path, *, union_default_graph: bool = True, timeout_s: float = 20.0) -> Server:
    """``oxigraph serve --location workdir/data --bind 127.0.0.1:PORT [--union-default-graph]``."""
    binary = oxigraph_binary()
    if binary is None:
        missing("the Oxigraph server", "pip install oxigraph (same version as pyoxigraph)")
    return _retried(lambda: _start_oxigraph(binary, workdir, union_default_graph, timeout_s))


def _retried(start, attempts: int = 3) -> Server:
    """A server start, tried again when it fails (a free port can be taken between choosing and binding it)."""
    for attempt in range(attempts):
        try:
            return start()
        except RuntimeError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def _start_oxigraph(binary: str, workdir: Path, union_default_graph: bool, timeout_s: float) -> Server:
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    args = [binary, "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        args.append("--union-default-graph")
    log = workdir / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(f"{base}/query?query=ASK%7B%7D", proc, timeout_s, log)
    return Server("oxigraph", proc, f"{base}/query", f"{base}/update", f"{base}/store", workdir, port)


# -- Virtuoso 7 (Debian virtuoso-opensource) ---------------------------------------------------


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def virtuoso_ini(template: str, workdir: Path, sql_port: int, http_port: int) -> str:
    """The packaged virtuoso.ini with its database files in ``workdir`` and the given ports."""
    text = template.replace(VIRTUOSO_DB, f"{workdir}/")
    sections = re.split(r"(?m)^(?=\[)", text)
    out = []
    for section in sections:
        if section.startswith("[Parameters]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = {sql_port}", section)
        elif section.startswith("[HTTPServer]"):
            section = re.sub(r"(?m)^ServerPort\s*=.*$", f"ServerPort = {http_port}", section)
        elif section.startswith("[URIQA]"):
            section = re.sub(r"(?m)^DefaultHost\s*=.*$", f"DefaultHost = localhost:{http_port}", section)
        out.append(section)
    return "".join(out)


def start_virtuoso(workdir: Path, *, timeout_s: float = 90.0) -> Server:
    """``virtuoso-t -c workdir/virtuoso.ini +foreground`` on free ports, SPARQL Update granted to "SPARQL".

    Queries and updates go to ``/sparql``; the Graph Store Protocol is at ``/sparql-graph-crud-auth``
    (digest authentication, dba/dba on a fresh database).
    """
    binary = virtuoso_binary()
    template = next((p for p in VIRTUOSO_INIS if p.exists()), None)
    if binary is None or template is None:
        missing("Virtuoso (virtuoso-t)", "apt-get install -y virtuoso-opensource")
    attempt = iter(range(3))
    return _retried(lambda: _start_virtuoso(binary, template, workdir / f"try{next(attempt)}", timeout_s))


def _start_virtuoso(binary: str, template: Path, workdir: Path, timeout_s: float) -> Server:
    workdir.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(virtuoso_ini(template.read_text(), workdir, sql_port, http_port))
    log = workdir / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [binary, "-c", str(ini), "+foreground"],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(f"{base}/sparql?query=ASK%7B%7D", proc, timeout_s, log)
        isql = shutil.which("isql-vt") or shutil.which("isql")
        if isql is None:
            raise RuntimeError("isql-vt is missing (it comes with virtuoso-opensource)")
        subprocess.run(
            [isql, str(sql_port), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return Server(
        "virtuoso",
        proc,
        f"{base}/sparql",
        f"{base}/sparql",
        f"{base}/sparql-graph-crud-auth",
        workdir,
        http_port,
        {"sql_port": sql_port, "auth": ("dba", "dba")},
    )


# -- comparing named query results across engines ---------------------------------------------

GENID = "https://w3id.org/kgct/resource/.well-known/genid/"


def seed_params(name: str, store) -> dict:
    """Parameter values for the seed graph (the same choice as tests/test_named_queries.py)."""
    from kg.api import run_query

    entities = "https://w3id.org/kgct/resource/entity/"
    if name == "ego":
        return {"entity": entities + "Q159"}
    if name == "between":
        return {"a": entities + "Q7184", "b": entities + "Q30"}
    if name == "sources-of":
        return {"event": str(run_query("timeline", store=store).rows[0][0])}
    return {}


def with_values(sparql: str, params: dict) -> str:
    """Bind parameters the way a SPARQL 1.1 Protocol endpoint takes them: written into the text by
    kg's own :func:`kg.queries.inline_values` (a VALUES block in every WHERE group)."""
    from kg.api import parse_param
    from kg.queries import inline_values

    return inline_values(sparql, {k: parse_param(v) for k, v in params.items()})


def local_rows(result) -> list[tuple]:
    """A kg QueryResult as sorted tuples of strings (blank nodes and skolem IRIs as "_:")."""
    from rdflib import BNode

    def value(v):
        return None if v is None else "_:" if isinstance(v, BNode) or str(v).startswith(GENID) else str(v)

    return sorted((tuple(value(v) for v in row) for row in result.rows), key=repr)


def remote_rows(result: dict, columns) -> list[tuple]:
    """SPARQL JSON results as sorted tuples of strings (skolem IRIs and blank nodes as "_:")."""

    def value(term):
        if term is None:
            return None
        if term["type"] == "bnode" or (term["type"] == "uri" and term["value"].startswith(GENID)):
            return "_:"
        return term["value"]

    return sorted((tuple(value(b.get(c)) for c in columns) for b in result["results"]["bindings"]), key=repr)
