"""``kg serve``: a real SPARQL client (SPARQLWrapper) and plain HTTP against the endpoint on a free port."""

from __future__ import annotations

import io
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from servers import seed_params, with_values
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.api import run_query
from kg.interfaces.serve import ServeError, has_dataset_clause, make_server, serve, uses_service
from kg.queries import named_queries

ONTOLOGY_GRAPH = "https://w3id.org/kgct/resource/graph/ontology"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_path(seed_store, tmp_path_factory):
    """A closed copy of the seed store (a store another handle is writing cannot always be opened read-only)."""
    path = tmp_path_factory.mktemp("served") / "store"
    copy = ox.Store(str(path))
    copy.extend(seed_store.quads())
    copy.flush()
    del copy
    return path


@pytest.fixture(scope="module")
def server(store_path):
    with make_server(store_path, port=0, quiet=True) as srv:
        srv.start()
        yield srv


def client(srv, query: str, fmt=JSON, method: str = "GET") -> SPARQLWrapper:
    w = SPARQLWrapper(srv.endpoint)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    return w


def http(
    srv,
    query: str | None = None,
    *,
    accept: str | None = None,
    data: bytes | None = None,
    ctype: str | None = None,
    method: str | None = None,
    path: str = "sparql",
    **params,
):
    """(status, headers, body) of one request; params are URL parameters."""
    if query is not None:
        params["query"] = query
    url = srv.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", ctype)) if v}
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def from_json(term: dict | None):
    """A SPARQL JSON results term as the rdflib term run_query gives."""
    if term is None:
        return None
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))


# -- SPARQLWrapper, a client nobody here wrote ---------------------------------------------------


def test_select_as_json_and_xml(server, seed_store):
    expected = len(seed_store)
    result = client(server, COUNT).query()
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+json")
    assert int(result.convert()["results"]["bindings"][0]["n"]["value"]) == expected
    doc = client(server, COUNT, XML, method="POST").query().convert()
    assert int(doc.getElementsByTagName("literal")[0].firstChild.data) == expected


def test_ask(server):
    assert client(server, "ASK { ?s a <https://w3id.org/kgct/ontology#Event> }").query().convert()["boolean"] is True
    assert (
        client(server, "ASK { ?s a <urn:x:nothing> }", XML)
        .query()
        .convert()
        .getElementsByTagName("boolean")[0]
        .firstChild.data
        == "false"
    )


def test_construct_as_turtle_ntriples_and_rdfxml(server, seed_store):
    query = "CONSTRUCT { ?e a ?t } WHERE { ?e a ?t . FILTER(?t = <https://w3id.org/kgct/ontology#Event>) }"
    expected = seed_store.query(query)
    turtle = rdflib.Graph().parse(data=client(server, query, TURTLE).query().convert(), format="turtle")
    response = client(server, query, XML).query().response  # SPARQLWrapper asks for RDF/XML
    rdfxml = rdflib.Graph().parse(data=response.read(), format="xml")
    status, headers, body = http(server, query, accept="application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    ntriples = rdflib.Graph().parse(data=body.decode(), format="nt")
    assert len(expected) > 0
    for graph in (turtle, rdfxml, ntriples):
        assert rdflib.compare.isomorphic(graph, expected)


def test_csv_and_tsv_read_back_by_rdflib(server):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 200"
    rows = [
        tuple(from_json(b.get(v)) for v in ("s", "p", "o"))
        for b in client(server, query).query().convert()["results"]["bindings"]
    ]
    tsv = Result.parse(io.BytesIO(client(server, query, TSV).query().convert()), format="tsv")
    assert [tuple(r) for r in tsv] == rows
    csv_rows = [
        tuple(str(v) for v in r)
        for r in Result.parse(io.BytesIO(client(server, query, CSV).query().convert()), format="csv")
    ]
    assert csv_rows == [tuple(f"_:{v}" if isinstance(v, BNode) else str(v) for v in r) for r in rows]


def test_sparql_query_body_post(server, seed_store):
    status, headers, body = http(server, data=COUNT.encode(), ctype="application/sparql-query", accept="text/csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().split() == ["n", str(len(seed_store))]


@pytest.mark.parametrize("name", [q.name for q in named_queries()])
def test_named_query_gives_the_same_rows_over_http(name, server, seed_store):
    params = seed_params(name, seed_store)
    local = run_query(name, params, store=seed_store)
    query = next(q for q in named_queries() if q.name == name).sparql
    result = client(server, with_values(query, params), method="POST").query().convert()
    assert result["head"]["vars"] == list(local.columns)
    rows = [tuple(from_json(b.get(v)) for v in local.columns) for b in result["results"]["bindings"]]
    assert rows == list(local.rows)


# -- the page, errors and limits ------------------------------------------------------------------


def test_front_page(server, seed_store, store_path):
    status, headers, body = http(server, path="")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert (
        "default-src 'none'" in csp
        and "connect-src 'self'" in csp
        and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    )
    assert str(store_path.resolve()) in page and server.endpoint in page
    assert f"{len(seed_store)} triples" in page and f"{len(seed_store.articles())} articles" in page
    for q in named_queries():
        assert f'"name": "{q.name}"' in page  # in the page's data, one button each (see test_serve_page_browser)
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", page, flags=re.S)  # everything is inline:
    assert markup.count("<script") == 0 and "src=" not in markup and "<link" not in markup


def test_malformed_query_is_400_plain_text(server):
    with pytest.raises(QueryBadFormed):
        client(server, "SELECT ?x WHERE { ?x ").query()
    status, headers, body = http(server, "SELECT <b>?x</b> WHERE { ")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith("SPARQL syntax error: ") and "<b>" not in body.decode()


@pytest.mark.parametrize("request_kind", ["form", "sparql-update", "put"])
def test_updates_are_refused(server, request_kind, seed_store):
    update = "DELETE WHERE { ?s ?p ?o }"
    if request_kind == "form":
        status, _, body = http(
            server, data=urllib.parse.urlencode({"update": update}).encode(), ctype="application/x-www-form-urlencoded"
        )
    elif request_kind == "sparql-update":
        status, _, body = http(server, data=update.encode(), ctype="application/sparql-update")
    else:
        status, _, body = http(server, data=b"<a> <b> <c> .", ctype="application/n-triples", method="PUT")
    assert status == 403 and b"read-only" in body
    assert http(server, COUNT)[0] == 200 and len(seed_store) > 0


def test_dataset_from_the_request_or_the_query(server, seed_store):
    ontology = len(seed_store.query(f"SELECT * WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"))

    def count(query: str, **params) -> int:
        status, _, body = http(server, query, accept="text/csv", **params)
        assert status == 200, body
        return int(body.decode().split()[1])

    assert count(COUNT) == len(seed_store)
    assert count(COUNT, **{"default-graph-uri": ONTOLOGY_GRAPH}) == ontology
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH}> WHERE {{ ?s ?p ?o }}") == ontology
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(graphs, **{"named-graph-uri": ONTOLOGY_GRAPH}) == 1
    assert http(server, COUNT, **{"default-graph-uri": "not an iri"})[0] == 400


def test_other_errors_are_plain_text_too(server):
    for status, headers, body in (
        http(server, path="nowhere"),
        http(server, "x" * 70000),
        http(server, path="", method="OPTIONS"),
    ):
        assert status in (404, 414, 501) and headers["Content-Type"].startswith("text/plain")
        assert server.endpoint.encode() in body and b"<" not in body
    status, headers, body = http(server, path="", method="HEAD")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and body == b""


def test_service_is_refused(server):
    status, _, body = http(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE" in body


def test_unacceptable_format_is_406(server):
    status, _, body = http(server, "ASK { ?s ?p ?o }", accept="text/csv")
    assert status == 406 and b"application/sparql-results+json" in body


def test_row_limit_truncates_and_says_so(store_path):
    with make_server(store_path, port=0, max_rows=5, workers=1, quiet=True) as srv:
        srv.start()
        result = client(srv, "SELECT * WHERE { ?s ?p ?o }").query()
        assert result.response.headers["X-KG-Truncated"] == "true"
        assert len(result.convert()["results"]["bindings"]) == 5
        status, headers, body = http(srv, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
        assert headers["X-KG-Truncated"] == "true" and len(body.decode().strip().splitlines()) == 5
        status, headers, _ = http(srv, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
        assert status == 200 and headers["X-KG-Truncated"] == "false"


def test_timeout_stops_the_query_and_the_server_goes_on(store_path, seed_store):
    with make_server(store_path, port=0, timeout_s=1.0, workers=1, quiet=True) as srv:
        srv.start()
        started = time.monotonic()
        status, _, body = http(srv, HEAVY)
        assert status == 503 and b"did not finish within 1 s" in body
        assert time.monotonic() - started < 5
        status, _, body = http(srv, COUNT, accept="text/csv")  # served by a fresh worker
        assert status == 200 and body.decode().split()[1] == str(len(seed_store))


def test_a_new_worker_is_not_charged_for_its_start_up(store_path, seed_store, monkeypatch):
    # on a loaded machine a worker may take longer to start than a query may run; the timeout counts
    # from when it is ready (here every worker sleeps 2 s before it opens the store)
    from kg.interfaces.serve import pool as serve_module

    monkeypatch.setattr(serve_module, "_BOOT", "import time\ntime.sleep(2)\n" + serve_module._BOOT)
    with make_server(store_path, port=0, timeout_s=1.0, workers=1, quiet=True) as srv:
        srv.start()
        status, _, body = http(srv, COUNT, accept="text/csv")
        assert status == 200 and body.decode().split()[1] == str(len(seed_store))


def test_refuses_a_non_loopback_address_unless_allowed(store_path):
    with pytest.raises(ServeError, match="allow-remote"):
        make_server(store_path, host="0.0.0.0", port=0)
    with pytest.raises(ServeError, match="read-only"):
        serve(store_path, read_only=False)
    with pytest.warns(UserWarning, match="without authentication"):
        srv = make_server(store_path, host="0.0.0.0", port=0, allow_remote=True, workers=1, quiet=True)
    srv.close()


def test_missing_store_is_a_user_error(tmp_path):
    from kg.graph.store import StoreError

    with pytest.raises(StoreError, match="kg build"):
        make_server(tmp_path / "nothing", port=0)


@pytest.mark.parametrize(
    ("query", "service"),
    [
        ("SELECT * WHERE { ?s ?p ?o . SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * where { service ?x { ?s ?p ?o } }", True),
        ("SELECT * WHERE { ?s ?p ?o.SERVICE <http://x/> { } }", True),
        ("SELECT * WHERE { ?s ?p true" + "SERVICE <http://x/> { } }", True),
        ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\\' ?o . SERVICE <http://x/> { } } # '", True),
        ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:a\\# ?o . SERVICE <http://x/> { } }", True),
        ('SELECT * WHERE { ?s ?p """\n""" . SERVICE <http://x/> { } }', True),
        ('SELECT ?service WHERE { ?service ?p "SERVICE", <http://x/SERVICE> } # SERVICE', False),
        ('SELECT * WHERE { ?s ?p ?o } # a comment with """ quotes\nLIMIT 1', False),
    ],
)
def test_service_detection(query, service):
    assert uses_service(query) is service


def test_dataset_clause_detection():
    assert has_dataset_clause("CONSTRUCT { ?s ?p ?o } FROM NAMED <http://x/g> WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert not has_dataset_clause('SELECT * WHERE { ?s <http://x/from> "from <x>" } # FROM <y>')
    assert not has_dataset_clause("SELECT ?from WHERE { ?from ?p ?o }")


def test_serialisers_agree_with_pyoxigraph():
    """Our JSON/XML writers against pyoxigraph's own on tricky terms (language, datatypes, escapes)."""
    from kg.interfaces.serve.results import JSON as JSON_FMT
    from kg.interfaces.serve.results import XML as XML_FMT
    from kg.interfaces.serve.results import solutions_body

    store = ox.Store()
    g = ox.NamedNode("http://x/g")
    for o in (
        ox.Literal('a "q" \\ <b>&amp;</b>\n\té 😀'),
        ox.Literal("x", language="en-GB"),
        ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ox.BlankNode("b1"),
        ox.NamedNode("http://x/o?a=1&b=%3C2%3E"),
    ):
        store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), o, g))
    query = "SELECT ?s ?o ?none WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o"
    rows = [[sol[v] for v in ("s", "o", "none")] for sol in store.query(query)]
    for fmt, ox_fmt in ((JSON_FMT, ox.QueryResultsFormat.JSON), (XML_FMT, ox.QueryResultsFormat.XML)):
        ours = ox.parse_query_results(solutions_body(["s", "o", "none"], rows, fmt), format=ox_fmt)
        theirs = ox.parse_query_results(store.query(query).serialize(format=ox_fmt), format=ox_fmt)
        assert [[s[v] for v in ("s", "o", "none")] for s in ours] == [
            [s[v] for v in ("s", "o", "none")] for s in theirs
        ]


def test_no_warnings_on_loopback(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        make_server(store_path, host="localhost", port=0, workers=1, quiet=True).close()
