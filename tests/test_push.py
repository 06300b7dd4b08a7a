"""``kg push`` against real servers: Oxigraph server (both protocols) and Virtuoso 7 (SPARQL Update).

After a push, every named query run on the server (by SPARQLWrapper, a client nobody here wrote, and
by ``kg query --endpoint``; parameters written into the text by kg.queries.inline_values) must give
the rows kg gives locally, whole and page by page.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from servers import GENID, local_rows, remote_rows, seed_params, start_oxigraph, start_virtuoso, with_values
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.api import run_query
from kg.interfaces.push import CONTENT_HASH, PushError, credentials, graph_content, push
from kg.queries import named_queries

QUERIES = [q.name for q in named_queries()]

# Parameterised queries without LIMIT can also be compared unbound (every row, for every value).
UNBOUND = [q.name for q in named_queries() if q.params and "LIMIT" not in q.sparql.upper()]


def n_graphs(store) -> int:
    return len(list(store._ox.named_graphs()))


def remote_query(url: str, sparql: str) -> dict:
    """A query by SPARQLWrapper (a client nobody here wrote), JSON results."""
    client = SPARQLWrapper(url)
    client.setQuery(sparql)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    return client.query().convert()


def assert_same_rows(url: str, name: str, store) -> None:
    params = seed_params(name, store)
    local = run_query(name, params, store=store)
    result = remote_query(url, with_values(next(q for q in named_queries() if q.name == name).sparql, params))
    assert result["head"]["vars"] == list(local.columns)
    assert remote_rows(result, local.columns) == local_rows(local)
    # kg's own client, page by page: a page is cut after the parameters apply, in every subquery
    assert local_rows(run_query(name, params, endpoint=url)) == local_rows(local)
    for offset in (0, 2):
        page = run_query(name, params, store=store, limit=2, offset=offset)
        assert local_rows(run_query(name, params, endpoint=url, limit=2, offset=offset)) == local_rows(page)


def server_graphs(server) -> dict[str, int]:
    rows = server.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {
        b["g"]["value"]: int(b["n"]["value"])
        for b in rows["results"]["bindings"]
        if b["g"]["value"].startswith("https://w3id.org/kgct/")
    }


def store_graphs(store) -> dict[str, int]:
    """Graph IRI -> triples, counting the marker push adds."""
    return {g.value: len(graph_content(store._ox, g).lines) + 1 for g in store._ox.named_graphs()}


def oxigraph_push(server, store, protocol: str, **kwargs):
    if protocol == "graph-store":
        return push(store, endpoint=server.query_url, graph_store=server.graph_store_url, **kwargs)
    return push(store, endpoint=server.update_url, query_endpoint=server.query_url, **kwargs)


# -- Oxigraph server ------------------------------------------------------------------------------


@pytest.fixture
def oxigraph(tmp_path):
    server = start_oxigraph(tmp_path / "oxigraph")
    yield server
    server.stop()


@pytest.fixture(scope="module", params=["update", "graph-store"])
def oxigraph_loaded(request, seed_store, tmp_path_factory):
    """An Oxigraph server (union default graph) holding the seed store, pushed by one protocol."""
    server = start_oxigraph(tmp_path_factory.mktemp(f"oxigraph-{request.param}"))
    report = oxigraph_push(server, seed_store, request.param, batch_size=200)
    yield server, report
    server.stop()


def test_push_loads_every_graph(oxigraph_loaded, seed_store):
    server, report = oxigraph_loaded
    assert sorted(report.pushed) == sorted(g.value for g in seed_store._ox.named_graphs())
    assert report.skipped == [] and report.triples_pushed == len(seed_store)
    assert server_graphs(server) == store_graphs(seed_store)


@pytest.mark.parametrize("name", QUERIES)
def test_named_queries_give_the_same_rows_on_oxigraph_server(name, oxigraph_loaded, seed_store):
    server, _ = oxigraph_loaded
    assert_same_rows(server.query_url, name, seed_store)


def test_kg_query_endpoint_runs_a_named_query_on_the_server(oxigraph_loaded, seed_store, capsys):
    from kg.interfaces.cli import main

    server, _ = oxigraph_loaded
    entity = "https://w3id.org/kgct/resource/entity/Q159"
    assert (
        main(["query", "ego", "--param", f"entity={entity}", "--endpoint", server.query_url, "--format", "json"]) == 0
    )
    remote = json.loads(capsys.readouterr().out)
    assert remote and remote == run_query("ego", {"entity": entity}, store=seed_store).to_python()


def test_a_remote_query_fails_in_one_line_naming_the_url_and_what_to_check(oxigraph_loaded, capsys):
    from kg.interfaces.cli import main

    server, _ = oxigraph_loaded
    assert main(["query", "actors", "--endpoint", "http://127.0.0.1:9/query"]) == 1
    assert "http://127.0.0.1:9/query: cannot connect" in capsys.readouterr().err
    store_url = server.query_url.replace("/query", "/store")  # answers, but not with SPARQL results
    assert main(["sparql", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "--endpoint", store_url]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and store_url in err and ("SPARQL query URL" in err)


@pytest.mark.parametrize("protocol", ["update", "graph-store"])
def test_resume_skips_complete_graphs_and_reloads_a_dropped_one(oxigraph, seed_store, protocol):
    first = oxigraph_push(oxigraph, seed_store, protocol)
    assert len(first.pushed) == n_graphs(seed_store)
    again = oxigraph_push(oxigraph, seed_store, protocol)
    assert again.pushed == [] and sorted(again.skipped) == sorted(first.pushed)
    assert again.triples_pushed == 0 and again.triples_skipped == len(seed_store) and again.requests == 1
    dropped = first.pushed[-1]
    oxigraph.update(f"DROP GRAPH {ox.NamedNode(dropped)}")
    third = oxigraph_push(oxigraph, seed_store, protocol)
    assert third.pushed == [dropped] and sorted(third.skipped) == sorted(first.pushed[:-1])
    assert server_graphs(oxigraph) == store_graphs(seed_store)


def test_a_half_loaded_or_changed_graph_is_dropped_and_reloaded(oxigraph, seed_store):
    push(seed_store, endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url)
    half, changed = sorted(g.value for g in seed_store._ox.named_graphs())[:2]
    hash_iri = ox.NamedNode(CONTENT_HASH)
    stray, old = "<urn:x:stray> <urn:x:p> <urn:x:o> .", ox.Literal("old")
    oxigraph.update(
        f"DELETE WHERE {{ GRAPH {ox.NamedNode(half)} {{ ?g {hash_iri} ?h }} }} ;\n"
        f"INSERT DATA {{ GRAPH {ox.NamedNode(half)} {{ {stray} }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {ox.NamedNode(changed)} {{ ?g {hash_iri} ?h }} }} ;\n"
        f"INSERT DATA {{ GRAPH {ox.NamedNode(changed)} {{ {ox.NamedNode(changed)} {hash_iri} {old} . }} }}"
    )
    report = push(seed_store, endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url)
    assert sorted(report.pushed) == [half, changed]
    assert server_graphs(oxigraph) == store_graphs(seed_store)  # the stray triple and old marker are gone


def test_resume_off_reloads_everything(oxigraph, seed_store):
    push(seed_store, endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url)
    report = push(seed_store, endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url, resume=False)
    assert len(report.pushed) == n_graphs(seed_store) and report.skipped == []
    assert server_graphs(oxigraph) == store_graphs(seed_store)


def bnode_store() -> ox.Store:
    """Two graphs of blank-node chains, and literals that need escaping."""
    store = ox.Store()
    p, q = ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:q")
    for name in ("urn:x:g1", "urn:x:g2"):
        g = ox.NamedNode(name)
        a, b = ox.BlankNode(), ox.BlankNode()
        store.add(ox.Quad(ox.NamedNode("urn:x:root"), p, a, g))
        store.add(ox.Quad(a, p, b, g))
        store.add(ox.Quad(b, q, ox.Literal('end "quoted" \\ back\nnew line\ttab } { é 😀 \u2028'), g))
        store.add(ox.Quad(b, q, ox.Literal("chat", language="fr"), g))
        store.add(
            ox.Quad(
                b, q, ox.Literal("2024-03", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYearMonth")), g
            )
        )
    return store


CHAIN = "SELECT ?g ?o WHERE { GRAPH ?g { <urn:x:root> <urn:x:p>/<urn:x:p>/<urn:x:q> ?o } } ORDER BY ?g ?o"


def chain_rows(url: str) -> list[tuple]:
    return [
        (b["g"]["value"], b["o"]["value"], b["o"].get("xml:lang"), b["o"].get("datatype"))
        for b in remote_query(url, CHAIN)["results"]["bindings"]
    ]


def test_blank_nodes_are_skolemised_the_same_way_across_batches_and_runs(oxigraph):
    store = bnode_store()
    push(store, endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url, batch_size=1)
    local = [
        (s["g"].value, s["o"].value, s["o"].language, None if s["o"].language else s["o"].datatype.value)
        for s in store.query(CHAIN)
    ]
    expected = [
        (g, v, lang, None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt) for g, v, lang, dt in local
    ]
    assert chain_rows(oxigraph.query_url) == expected  # the chains join across one-triple batches
    nodes = "SELECT DISTINCT ?n WHERE { GRAPH ?g { ?n ?p ?o } FILTER(STRSTARTS(STR(?n), STR(<" + GENID + ">))) }"
    first = remote_rows(oxigraph.query(nodes), ["n"])
    push(store, endpoint=oxigraph.query_url, graph_store=oxigraph.graph_store_url, resume=False)
    assert remote_rows(oxigraph.query(nodes), ["n"]) == first and len(first) == 4  # same IRIs, not new ones
    assert sum(server_graphs_any(oxigraph).values()) == len(store) + 2


def server_graphs_any(server) -> dict[str, int]:
    rows = server.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {b["g"]["value"]: int(b["n"]["value"]) for b in rows["results"]["bindings"]}


def test_content_hash_ignores_blank_node_labels():
    one, two = bnode_store(), bnode_store()  # same content, fresh random blank node labels
    g = ox.NamedNode("urn:x:g1")
    assert graph_content(one, g) == graph_content(two, g)
    assert graph_content(one, g).digest != graph_content(one, ox.NamedNode("urn:x:g2")).digest


def test_progress_and_report(oxigraph, seed_store):
    seen: list[int] = []
    report = push(
        seed_store,
        endpoint=oxigraph.update_url,
        query_endpoint=oxigraph.query_url,
        batch_size=100,
        progress=seen.append,
    )
    assert sum(seen) == len(seed_store) and max(seen) <= 100
    n = n_graphs(seed_store)
    assert report.to_dict()["graphs_pushed"] == n and f"pushed   {n} graphs" in report.to_text()


def test_push_from_a_store_folder(oxigraph, seed_store, tmp_path):
    copy = ox.Store(str(tmp_path / "store"))
    copy.extend(seed_store.quads())
    copy.flush()
    del copy
    report = push(tmp_path / "store", endpoint=oxigraph.update_url, query_endpoint=oxigraph.query_url)
    assert report.triples_pushed == len(seed_store)


def test_errors_name_the_url_and_the_fix(oxigraph, seed_store):
    with pytest.raises(PushError, match=r"cannot connect .*is the server running"):
        push(seed_store, endpoint="http://127.0.0.1:9/update")
    with pytest.raises(PushError, match=r"/query \(drop a graph\): HTTP 415 .*update endpoint"):
        push(seed_store, endpoint=oxigraph.query_url, resume=False)  # the query endpoint takes no updates
    with pytest.raises(PushError, match=r"HTTP 404 .*check the URL"):
        push(seed_store, endpoint=oxigraph.update_url.replace("/update", "/nothing"), resume=False)
    with pytest.raises(PushError, match=r"/update \(read the graphs already loaded\): HTTP 400 .*--query-endpoint"):
        push(seed_store, endpoint=oxigraph.update_url)  # Oxigraph's update endpoint takes no queries
    with pytest.raises(ValueError, match="batch-size"):
        push(seed_store, endpoint=oxigraph.update_url, batch_size=0)


def test_credentials_for_the_cli(monkeypatch):
    monkeypatch.setenv("KG_PUSH_PASSWORD", "from-env")
    assert credentials("dba") == ("dba", "from-env")
    assert credentials("dba", "given") == ("dba", "given")
    monkeypatch.delenv("KG_PUSH_PASSWORD")
    with pytest.raises(ValueError, match="KG_PUSH_PASSWORD"):
        credentials("dba", interactive=False)
    with pytest.raises(ValueError, match="needs --user"):
        credentials(None, "secret")


# -- Virtuoso 7 ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def virtuoso_loaded(virtuoso, seed_store):
    return virtuoso, push(seed_store, endpoint=virtuoso.update_url)


def test_virtuoso_push_loads_every_graph(virtuoso_loaded, seed_store):
    server, report = virtuoso_loaded
    assert len(report.pushed) == n_graphs(seed_store) and report.triples_pushed == len(seed_store)
    assert server_graphs(server) == store_graphs(seed_store)


@pytest.mark.parametrize("name", QUERIES)
def test_named_queries_give_the_same_rows_on_virtuoso(name, virtuoso_loaded, seed_store):
    server, _ = virtuoso_loaded
    assert_same_rows(server.query_url, name, seed_store)


@pytest.mark.parametrize("name", UNBOUND)
def test_parameterised_queries_unbound_give_the_same_rows_on_virtuoso(name, virtuoso_loaded, seed_store):
    server, _ = virtuoso_loaded
    query = next(q for q in named_queries() if q.name == name).sparql
    local = seed_store.query(query)
    result = remote_query(server.query_url, query)
    assert remote_rows(result, local.columns) == local_rows(local)


def test_virtuoso_resume(virtuoso_loaded, seed_store):
    server, first = virtuoso_loaded
    again = push(seed_store, endpoint=server.update_url)
    assert again.pushed == [] and sorted(again.skipped) == sorted(first.pushed)
    dropped = sorted(first.pushed)[0]
    server.update(f"DROP SILENT GRAPH {ox.NamedNode(dropped)}")  # Virtuoso: DROP GRAPH fails on graphs not CREATEd
    third = push(seed_store, endpoint=server.update_url)
    assert third.pushed == [dropped] and len(third.skipped) == n_graphs(seed_store) - 1
    assert server_graphs(server) == store_graphs(seed_store)


def test_virtuoso_batches_are_halved_until_it_takes_them(virtuoso):
    store = ox.Store()
    g = ox.NamedNode("urn:x:big")
    for i in range(3000):
        store.add(ox.Quad(ox.NamedNode(f"urn:x:s{i}"), ox.NamedNode("urn:x:p"), ox.Literal(f"value {i}"), g))
    report = push(store, endpoint=virtuoso.update_url, batch_size=5000)  # its SPARQL compiler takes ~1,000
    assert report.triples_pushed == 3000 and report.batch_size < 3000
    rows = virtuoso.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:x:big> { ?s ?p ?o } }")
    assert int(rows["results"]["bindings"][0]["n"]["value"]) == 3001


def test_virtuoso_graph_store_with_digest_auth_and_escaping(virtuoso):
    store = bnode_store()
    user, password = virtuoso.extra["auth"]
    with pytest.raises(PushError, match="HTTP 401"):
        push(store, endpoint=virtuoso.query_url, graph_store=virtuoso.graph_store_url)
    push(store, endpoint=virtuoso.query_url, graph_store=virtuoso.graph_store_url, auth=(user, password), batch_size=2)
    by_gsp = chain_rows(virtuoso.query_url)
    push(store, endpoint=virtuoso.update_url, resume=False, batch_size=1)
    assert chain_rows(virtuoso.query_url) == by_gsp
    local = sorted((s["g"].value, s["o"].value) for s in store.query(CHAIN))
    assert sorted((g, v) for g, v, _, _ in by_gsp) == local  # quotes, backslashes, newlines, emoji intact
