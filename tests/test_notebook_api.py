"""The Python API a notebook uses: entities by name, IRI or NamedNode; typed DataFrames; networkx edges with
their evidence; QueryResult shown as an HTML table. One test per trap issue 14 lists."""

from __future__ import annotations

import json

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import kg
from kg.errors import KgError
from kg.graph.store import QueryResult

RUSSIA = "https://w3id.org/kgct/resource/entity/Q159"
ARTICLES = [
    {
        "id": "a1",
        "title": "Shelling",
        "date": "2022-03-07",
        "source": "Test Wire",
        "text": "Russia shelled Kharkiv and Mariupol on Monday, Ukrainian officials said. Germany plans to send tanks "
        "to Ukraine in April 2022. Russia and Belarus agreed to hold joint exercises, the Kremlin said.",
    },
    {
        "id": "a2",
        "title": "Tanks",
        "date": "2022-05-02",
        "source": "Other Wire",
        "text": "Germany sent tanks to Ukraine on Sunday. Russia did not shell Kharkiv in 2022, the Kremlin said.",
    },
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory, extractor):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    g = kg.KnowledgeGraph(store=None)
    g.summary = kg.build([folder], store=g.store, extractor=extractor)
    return g


@pytest.fixture(scope="module")
def timeline(graph):
    return graph.query("timeline").to_dataframe()


@pytest.mark.parametrize(
    "entity",
    ["Russia", "russia", RUSSIA, URIRef(RUSSIA), ox.NamedNode(RUSSIA)],
    ids=["label", "label-any-case", "iri-text", "uriref", "namednode"],
)
def test_query_takes_an_entity_by_label_iri_or_namednode(graph, entity):
    rows = graph.query("ego", entity=entity)
    assert len(rows) > 0
    assert {str(r[0]) for r in rows} == {RUSSIA}


def test_named_query_by_label_from_the_function_the_cli_calls(graph):
    by_label = kg.run_query("between", {"a": "Germany", "b": "Ukraine"}, store=graph.store)
    by_iri = kg.run_query(
        "between",
        {"a": "https://w3id.org/kgct/resource/entity/Q183", "b": "https://w3id.org/kgct/resource/entity/Q212"},
        store=graph.store,
    )
    assert len(by_label) > 0 and by_label.rows == by_iri.rows


@pytest.mark.parametrize("entity", ["Atlantis", "https://w3id.org/kgct/resource/entity/nowhere", Literal("Kremlin x")])
def test_unknown_entity_is_a_clear_error_not_zero_rows(graph, entity):
    with pytest.raises(KgError, match="no entity") as err:
        graph.query("ego", entity=entity)
    assert err.value.exit_code == 1
    assert "kg entities" in str(err.value)


def test_unknown_name_suggests_close_ones(graph):
    with pytest.raises(KgError, match="did you mean 'Germany'"):
        graph.query("ego", entity="Germ")
    with pytest.raises(KgError, match="did you mean 'Germany'"):  # misspelt: no part in common
        graph.query("ego", entity="Gremany")


def test_sparql_binds_rdflib_and_pyoxigraph_iris_as_iris(graph):
    text = "PREFIX kg: <https://w3id.org/kgct/ontology#> SELECT ?e (COUNT(*) AS ?n) WHERE { ?e kg:mentionedIn ?a } GROUP BY ?e"
    for value in (URIRef(RUSSIA), ox.NamedNode(RUSSIA), RUSSIA):
        assert graph.sparql(text, e=value).to_python() == [{"e": RUSSIA, "n": 2}]


def test_dataframe_lists_are_lists_not_joined_strings(timeline):
    shelled = timeline[(timeline["type"] == "ASSAULT") & (timeline["modality"] == "asserted")].iloc[0]
    assert sorted(shelled["recipients"]) == ["Kharkiv", "Mariupol"]
    assert shelled["sources"] == ["Ukrainian officials"]
    assert all(isinstance(v, list) for col in ("actors", "recipients", "places", "sources") for v in timeline[col])
    assert timeline["places"].map(len).eq(0).all()  # empty is [], not "" or NaN


def test_dataframe_dates_parsed_by_granularity(timeline):
    starts = {(r.type, r.modality): r.start for r in timeline.itertuples()}
    assert starts[("AID", "planned")] == pd.Period("2022-04", freq="M")
    assert starts[("ASSAULT", "negated")] == pd.Period("2022", freq="Y")
    assert starts[("ASSAULT", "asserted")] == pd.Timestamp("2022-03-07")
    assert pd.api.types.is_datetime64_any_dtype(timeline["published"])


def test_dataframe_missing_is_na_never_empty_string(graph, timeline):
    for frame in (timeline, graph.query("coordination").to_dataframe(), graph.query("plan-status").to_dataframe()):
        for col in frame.columns:
            assert not any(isinstance(v, str) and not v for v in frame[col]), col
    assert timeline["quantity"].isna().all() and timeline["quantity"].dtype == "string"
    assert str(timeline["mode"].dtype) == "string"


def test_dataframe_short_names_for_kg_terms_and_numbers_as_numbers(graph, timeline):
    assert set(timeline["modality"]) == {"asserted", "planned", "negated"}
    assert "AID" in set(timeline["type"])
    plans = graph.query("plan-status").to_dataframe()
    assert list(plans["status"]) == ["carried out"]
    coordination = graph.query("coordination").to_dataframe()
    assert str(coordination["support"].dtype) == "Int64" and set(coordination["how"]) == {"AGREE", "COOPERATE"}


def test_entities_is_a_dataframe_with_list_columns(graph):
    entities = graph.entities()
    assert isinstance(entities, pd.DataFrame)
    russia = entities.set_index("label").loc["Russia"]
    assert russia["wikidata"] == "Q159" and russia["articles"] == 2
    assert set(russia["surface_forms"]) == {"Russia", "the Kremlin"}
    assert entities.set_index("label").loc["Kharkiv", "wikidata"] is pd.NA


def test_networkx_edges_carry_type_modality_date_articles_and_claims(graph, timeline):
    g = graph.networkx()
    germany, ukraine = "https://w3id.org/kgct/resource/entity/Q183", "https://w3id.org/kgct/resource/entity/Q212"
    edges = sorted(g.get_edge_data(germany, ukraine).values(), key=lambda e: e["date"])
    assert [(e["type"], e["modality"], e["date"], e["articles"]) for e in edges] == [
        ("AID", "planned", "2022-04", 1),
        ("AID", "asserted", "2022-05-01", 1),
    ]
    claims = set(
        graph.sparql("PREFIX kg: <https://w3id.org/kgct/ontology#> SELECT ?c WHERE { ?c kg:about ?e }").to_python()[i][
            "c"
        ]
        for i in range(len(timeline))
    )
    assert all(c in claims for e in edges for c in e["claims"])
    # events with no recipient or place (Russia and Belarus agreed, and will hold exercises) still count on
    # their participants' nodes
    assert g.nodes["https://w3id.org/kgct/resource/entity/Q184"]["events"] == 2
    assert g.nodes[RUSSIA]["label"] == "Russia" and g.nodes[RUSSIA]["events"] == 4


def test_networkx_relations_on_request(graph):
    g = graph.networkx(relations=True)
    assert all(d["kind"] in ("event", "relation") for _, _, d in g.edges(data=True))


def test_query_result_html_is_a_short_escaped_table_with_a_count():
    hostile = Literal('<script>alert(1)</script> & "quotes"')
    result = QueryResult(
        ("event", "evidence"), tuple((URIRef(f"https://kg.example/e/{i}"), hostile) for i in range(45))
    )
    html = result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "45 rows, the first 20 shown" in html
    assert html.count("<tr>") == 21  # the header and 20 rows


def test_query_result_to_dataframe_keeps_every_row(graph, timeline):
    assert len(timeline) == len(graph.query("timeline")) == 6


def test_graph_displays_counts_without_embedding_a_page(graph):
    html = graph._repr_html_()
    assert "<iframe" not in html and len(html) < 2000


def test_inline_network_is_small(graph):
    shown = graph.show_network().data
    assert len(shown) < 400_000
    assert shown.startswith("<div")  # IPython warns about HTML starting with <iframe


@pytest.fixture(scope="module")
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "kg")
    return ip


COUNT_EVENTS = (
    "PREFIX kg: <https://w3id.org/kgct/ontology#>\nSELECT (COUNT(?e) AS ?events) WHERE { ?e kg:eventType ?t }"
)


def test_sparql_magic_runs_on_the_store_kg_store_names(shell, graph, tmp_path, monkeypatch, extractor):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "news.jsonl").write_text(json.dumps(ARTICLES[0]), encoding="utf-8")
    kg.build([folder], store=tmp_path / "store", extractor=extractor)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "store"))
    frame = shell.run_cell_magic("sparql", "", COUNT_EVENTS)
    assert isinstance(frame, pd.DataFrame) and frame.loc[0, "events"] == 4
    shell.user_ns["g"] = graph  # a KnowledgeGraph variable of the notebook, here the two-article graph
    assert shell.run_cell_magic("sparql", "--store g --out rows", COUNT_EVENTS).loc[0, "events"] == 6
    assert shell.user_ns["rows"].loc[0, "events"] == 6


def test_sparql_magic_errors_say_what_to_do(shell, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "none"))
    with pytest.raises(KgError, match="no store here"):
        shell.run_cell_magic("sparql", "", COUNT_EVENTS)
    with pytest.raises(KgError, match="--store DIR"):
        shell.run_cell_magic("sparql", "--bogus", COUNT_EVENTS)


@pytest.mark.browser
def test_inline_network_unpacks_and_renders_in_chromium(graph, tmp_path):
    import os
    import time

    import browser

    reason = browser.missing_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
        pytest.skip(reason)
    page_file = tmp_path / "notebook-output.html"
    page_file.write_text(f"<!doctype html><html><body>{graph.show_network().data}</body></html>", encoding="utf-8")
    with browser.launch(tmp_path / "chromium") as context:
        page = context.new_page()
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on(
            "request", lambda r: errors.append(r.url) if not r.url.startswith(("file:", "about:", "data:")) else None
        )
        page.goto(page_file.as_uri())
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            ready = [f for f in page.frames[1:] if f.evaluate("() => Boolean(window.kg && window.kg.ready)")]
            if ready:
                break
            time.sleep(0.1)
        assert ready, "the inline view never became ready"
        assert ready[0].evaluate("() => document.querySelectorAll('canvas').length") >= 1
        assert not errors


@pytest.mark.parametrize("spelt", ["{}", "kg:{}", "https://w3id.org/kgct/ontology#{}"])
def test_relation_type_by_name_prefixed_or_iri(seed_store, spelt):
    rows = kg.run_query("relations", store=seed_store).rows
    kind = str(rows[0][2]).rsplit("#", 1)[1]  # the type of the first relation the seed states
    same = [r for r in rows if str(r[2]).endswith("#" + kind)]
    assert sorted(kg.run_query("relations", {"type": spelt.format(kind)}, store=seed_store).rows) == sorted(same)


def test_unknown_relation_type_is_an_error_naming_the_types(graph):
    with pytest.raises(KgError, match="not a relation type; use one of allied_with, member_of"):
        graph.query("relations", type="friends_with")


def test_a_listed_parameter_value_in_any_case_and_no_other(graph):
    statuses = {str(r[2]) for r in graph.query("plan-status").rows}
    assert statuses  # "Germany plans to send tanks", then "Germany sent tanks"
    status = sorted(statuses)[0]
    rows = graph.query("plan-status", status=status.upper()).rows
    assert rows and rows == graph.query("plan-status", status=status).rows
    with pytest.raises(KgError, match="--param status=dropped: use one of 'planned', 'carried out', 'abandoned'"):
        graph.query("plan-status", status="dropped")


def test_a_column_of_months_is_a_period_column_and_mixed_ones_stay_objects(graph):
    text = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?month ?when WHERE { VALUES (?month ?when) { ("2022-02"^^xsd:gYearMonth "2022-02-24"^^xsd:date)
  ("2022-03"^^xsd:gYearMonth "2022"^^xsd:gYear) (UNDEF UNDEF) } }"""
    frame = graph.sparql(text).to_dataframe()
    assert str(frame["month"].dtype) == "period[M]" and frame["month"].dt.month.tolist()[:2] == [2, 3]
    assert pd.isna(frame["month"][2])
    assert frame["when"].dtype == object and isinstance(frame["when"][1], pd.Period)
