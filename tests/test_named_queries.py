"""Every named query answers on the seed graph, matches its golden result, gives the same rows on
rdflib's in-memory engine as on Oxigraph, and takes its parameters as bound terms.

Golden files live in tests/golden/; after a deliberate change to the extractor or a query,
regenerate them with ``KG_UPDATE_GOLDEN=1 make test`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from kg.api import parse_param, run_query
from kg.queries import get_query, inline_values, named_queries

GOLDEN = Path(__file__).parent / "golden"
RUSSIA = "https://w3id.org/kgct/resource/entity/Q159"
NATO, USA = "https://w3id.org/kgct/resource/entity/Q7184", "https://w3id.org/kgct/resource/entity/Q30"


def seed_params(name: str, store) -> dict:
    if name == "ego":
        return {"entity": RUSSIA}
    if name == "between":
        return {"a": NATO, "b": USA}
    if name == "sources-of":
        first = run_query("timeline", store=store).to_python()[0]["event"]
        return {"event": first}
    return {}


def normalise(rows: list[dict]) -> list[dict]:
    return [{k: (None if v is None else str(v)) for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("name", [q.name for q in named_queries()])
def test_named_query_matches_its_golden_result(name, seed_store):
    rows = normalise(run_query(name, seed_params(name, seed_store), store=seed_store).to_python())
    path = GOLDEN / f"{name}.json"
    if os.environ.get("KG_UPDATE_GOLDEN") or not path.exists():
        path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert rows == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [q.name for q in named_queries()])
def test_named_query_gives_the_same_rows_on_rdflib(name, seed_store):
    ds = seed_store.dataset()
    params = {k: parse_param(v) for k, v in seed_params(name, seed_store).items()}
    expected = {
        tuple(sorted((k, str(v)) for k, v in r.items() if v is not None))
        for r in run_query(name, seed_params(name, seed_store), store=seed_store).records()
    }
    result = ds.query(get_query(name).sparql, initBindings=params)
    got = {tuple(sorted((str(k), str(v)) for k, v in r.asdict().items() if v is not None)) for r in result}
    assert got == expected


def test_every_query_has_a_header():
    for q in named_queries():
        assert q.description, q.name


def test_required_parameter_is_asked_for(seed_store):
    with pytest.raises(ValueError, match="needs --param entity"):
        run_query("ego", store=seed_store)


def test_unknown_parameter_is_refused(seed_store):
    with pytest.raises(ValueError, match="has no parameter"):
        run_query("timeline", {"nope": "x"}, store=seed_store)


def test_a_wrong_parameter_is_a_user_error_naming_the_valid_ones(seed_store):
    from kg.errors import KgError

    with pytest.raises(
        KgError,
        match=r"query 'between' has no parameter 'c'; its parameters: a \(required\), "
        r"b \(required\)$",
    ):
        run_query("between", {"a": "x", "c": "y"}, store=seed_store)
    with pytest.raises(KgError, match="has no parameter 'entity'; its parameters: none$"):
        run_query("actors", {"entity": "Russia"}, store=seed_store)
    with pytest.raises(KgError, match="needs --param b=VALUE; its parameters: a"):
        run_query("between", {"a": "x"}, store=seed_store)
    with pytest.raises(KgError, match="--limit -1: give a whole number"):
        run_query("actors", store=seed_store, limit=-1)


def test_parameters_are_terms_not_text():
    assert parse_param("plover:AID") == URIRef("https://w3id.org/kgct/plover/AID")
    hostile = '"} ; DROP ALL ; {"'
    assert parse_param(hostile) == Literal(hostile)


@pytest.mark.parametrize("name", [q.name for q in named_queries()])
def test_pages_of_a_named_query_are_slices_of_its_rows(name, seed_store):
    params = seed_params(name, seed_store)
    rows = run_query(name, params, store=seed_store).rows
    pages = [run_query(name, params, store=seed_store, limit=3, offset=o).rows for o in range(0, len(rows) + 3, 3)]
    assert [r for page in pages for r in page] == list(rows)
    assert run_query(name, params, store=seed_store, limit=0).rows == ()


@pytest.mark.parametrize("name", ["claims-by-source", "relations", "ego"])
def test_a_page_of_a_query_with_a_parameter_is_a_page_of_its_bound_rows(name, seed_store):
    # the parameter must bind inside the query's paged part: else a page would be cut from every row first
    if name == "ego":  # the entity in most events
        params = {"entity": run_query("actors", store=seed_store).to_python()[0]["entity"]}
    else:  # the last row's source or type: a part of the rows
        column = {"claims-by-source": "source", "relations": "type"}[name]
        everything = run_query(name, store=seed_store).to_python()
        params = {column: everything[-1][column]}
        assert len(run_query(name, params, store=seed_store)) < len(everything)
    rows = run_query(name, params, store=seed_store).rows
    assert rows
    pages = [run_query(name, params, store=seed_store, limit=1, offset=o).rows for o in range(0, len(rows) + 1)]
    assert [r for page in pages for r in page] == list(rows)


@pytest.mark.parametrize("name", ["claims-by-source", "relations", "ego"])
def test_values_written_into_the_text_give_the_rows_of_bound_parameters(name, seed_store):
    # what a SPARQL server gets from `kg query --endpoint`: the same rows, whole and paged
    column = {"claims-by-source": "source", "relations": "type", "ego": "entity"}[name]
    value = run_query("actors" if name == "ego" else name, store=seed_store).to_python()[-1][column]
    q = get_query(name)
    for limit, offset in ((None, 0), (1, 0), (2, 1)):
        bound = run_query(name, {column: value}, store=seed_store, limit=limit, offset=offset)
        assert seed_store.query(inline_values(q.page(limit, offset), {column: parse_param(value)})) == bound
        assert bound or limit


@settings(max_examples=50)
@given(st.text(max_size=40))
def test_any_literal_written_as_values_stays_one_term(seed_store, text):
    # article text is untrusted: as a bound value it must never become query syntax
    query = inline_values("SELECT ?x WHERE { BIND(STRLEN(?x) AS ?n) }", {"x": Literal(text)})
    assert seed_store.query(query).rows == ((Literal(text),),)


def test_values_take_variable_names_and_iris_or_literals_only():
    with pytest.raises(ValueError, match="not a SPARQL variable name"):
        inline_values("SELECT ?x WHERE { }", {"x) {} DROP": Literal("a")})
    with pytest.raises(ValueError, match="blank node cannot be bound"):
        inline_values("SELECT ?x WHERE { }", {"x": BNode()})
    with pytest.raises(ValueError, match="write WHERE before each group"):
        inline_values("SELECT ?x { ?x ?p ?o }", {"x": Literal("a")})


def test_a_page_size_must_be_a_whole_number(seed_store):
    with pytest.raises(ValueError, match="--limit -1: give a whole number"):
        run_query("timeline", store=seed_store, limit=-1)
    with pytest.raises(ValueError, match="--offset"):
        run_query("timeline", store=seed_store, offset="1; DROP ALL")
