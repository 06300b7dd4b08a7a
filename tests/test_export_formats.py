"""`kg export`: GraphML, GEXF, CSV, Parquet and JSON Lines from a store, read back by networkx and pandas with
the counts, columns and dtypes the column dictionary (docs/export.md) promises."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pandas as pd
import pytest

from kg.export import COLUMNS, Filters, export, read_export
from kg.export.table import LIST_COLUMNS
from kg.export.writers import CSV_DTYPES
from kg.interfaces.cli import main

FORMATS = ("graphml", "gexf", "csv", "parquet", "jsonl")
NMTOKEN = re.compile(r"[\w.:-]+")
GRAPHML_TYPES = ("boolean", "int", "long", "float", "double", "string")
ARTICLES = {
    "kharkiv.md": (
        "2024-03-04",
        "Reuters",
        "Russia attacked Kharkiv on Monday, the Ukrainian army said. "
        "Germany plans to send 500 troops to Lithuania next month.",
    ),
    "talks.md": (
        "2024-05-10",
        "BBC",
        "Poland and Lithuania agreed to cooperate on border security on Friday. Lithuania joined NATO in 2004.",
    ),
}


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build

    root = tmp_path_factory.mktemp("export")
    for name, (day, outlet, text) in ARTICLES.items():
        (root / name).write_text(f"---\ndate: {day}\nsource: {outlet}\n---\n{text}\n", encoding="utf-8")
    store = Store(root / "store")
    build([root], store=store, extractor=extractor)
    return store


def _read_table(path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype=CSV_DTYPES)
    return pd.read_parquet(path) if fmt == "parquet" else pd.read_json(path, lines=True)


def _graph_counts(data) -> tuple[int, int]:
    return len(data.entities), len(data.rows) + len(data.relations)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_written_from_the_seed_and_read_back_whole(seed_store, tmp_path, fmt):
    data = read_export(seed_store)
    assert len(data.rows) >= 10 and data.relations
    summary = export(seed_store, tmp_path / f"seed.{fmt}")
    assert (summary.reports, summary.relations) == (len(data.rows), len(data.relations))
    path = summary.path
    if fmt in ("graphml", "gexf"):
        g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        assert (g.number_of_nodes(), g.number_of_edges()) == _graph_counts(data)
        kinds = [d["kind"] for _, _, d in g.edges(data=True)]
        assert kinds.count("event") == len(data.rows) and kinds.count("relation") == len(data.relations)
    else:
        frame = _read_table(path, fmt)
        assert list(frame.columns) == list(COLUMNS)
        assert len(frame) == len(data.rows)
        assert set(frame["claim_id"]) == {r["claim_id"] for r in data.rows}


def test_graph_nodes_and_edges_carry_what_the_issue_lists(seed_store, tmp_path):
    g = nx.read_graphml(export(seed_store, tmp_path / "g.graphml").path)
    node = next(d for _, d in g.nodes(data=True) if d.get("wikidata") == "Q159")
    assert node["iri"] == "https://w3id.org/kgct/resource/entity/Q159" and g.has_node("entity:Q159")
    assert node["label"] == "Russia" and node["type"] == "Country" and node["article_count"] >= 1
    assert "sector" in node
    edge = next(d for _, _, d in g.edges(data=True) if d.get("quantity_value") == 10000.0)
    assert edge["quantity"] == "over 10000 troops" and edge["quantity_unit"] == "troops"
    for key in ("event_type", "modality", "article_id", "evidence", "confidence", "claim_id", "event_id"):
        assert key in edge
    assert any(" > " in d.get("sources", "") or d.get("sources") for _, _, d in g.edges(data=True))


def test_gexf_is_dynamic_with_each_edge_at_its_time_and_granularity_kept(small_store, tmp_path):
    data = read_export(small_store)
    path = export(small_store, tmp_path / "g.gexf").path
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    g = nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == _graph_counts(data)
    for _, _, d in g.edges(data=True):
        if d["kind"] == "relation":
            assert d["start"] == d["end"] == d["published"]
        elif d.get("time_start"):
            # a stated month spans its days; the text and granularity stay as the report gives them
            assert d["start"] <= d["end"] and d["start"].startswith(d["time_start"][:7])
        else:
            assert d["start"] == d["published"]
    monthly = [d for _, _, d in g.edges(data=True) if d.get("time_granularity") == "month"]
    assert monthly and all(d["start"].endswith("-01") and d["end"] > d["start"] for d in monthly)


def test_graphml_and_gexf_are_valid_documents_of_their_format(small_store, tmp_path):
    # the constraints of graphml-structure.xsd and GEXF 1.2draft a writer can break (no schema is at hand offline)
    graphml = ET.parse(export(small_store, tmp_path / "g.graphml").path).getroot()
    ns = {"m": "http://graphml.graphdrawing.org/xmlns"}
    assert graphml.tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    keys = {k.get("id"): k for k in graphml.findall("m:key", ns)}
    assert len(keys) == len(graphml.findall("m:key", ns))  # key ids are unique
    assert all(k.get("for") in ("node", "edge") and k.get("attr.type") in GRAPHML_TYPES for k in keys.values())
    nodes = [n.get("id") for n in graphml.iterfind(".//m:node", ns)]
    edges = list(graphml.iterfind(".//m:edge", ns))
    assert len(set(nodes)) == len(nodes) and len({e.get("id") for e in edges}) == len(edges)
    for token in [*keys, *nodes, *(e.get(a) for e in edges for a in ("id", "source", "target"))]:
        assert NMTOKEN.fullmatch(token), token
    assert all({e.get("source"), e.get("target")} <= set(nodes) for e in edges)
    for data in graphml.iterfind(".//m:data", ns):
        kind = keys[data.get("key")].get("attr.type")
        if kind in ("double", "float"):
            float(data.text)
        elif kind == "boolean":
            assert data.text in ("true", "false")
    gexf = ET.parse(export(small_store, tmp_path / "g.gexf").path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert gexf.get("version") == "1.2"
    declared = {
        (a.get("id"), c.get("class")): a.get("type")
        for c in gexf.iterfind(".//g:attributes", ns)
        for a in c.findall("g:attribute", ns)
    }
    nodes = {n.get("id") for n in gexf.iterfind(".//g:node", ns)}
    edge_ids = [e.get("id") for e in gexf.iterfind(".//g:edge", ns)]
    assert len(edge_ids) == len(set(edge_ids))
    for edge in gexf.iterfind(".//g:edge", ns):
        assert {edge.get("source"), edge.get("target")} <= nodes
        if edge.get("start"):
            assert date.fromisoformat(edge.get("start")) <= date.fromisoformat(edge.get("end"))
        for value in edge.iterfind(".//g:attvalue", ns):
            assert (value.get("for"), "edge") in declared


def test_parquet_keeps_lists_and_types(small_store, tmp_path):
    frame = pd.read_parquet(export(small_store, tmp_path / "e.parquet").path)
    assert frame["confidence"].dtype == "float64" and frame["quantity_value"].dtype == "float64"
    assert frame["disputed"].dtype == "bool"
    assert all(isinstance(v, str) for v in frame["event_id"])
    for column in ("actors", "actor_ids", "recipients", "places", "sources"):
        assert all(len(v) >= 0 and all(isinstance(x, str) for x in v) for v in frame[column])
    row = frame[frame["event_type"] == "ASSAULT"].iloc[0]
    assert list(row["actors"]) == ["Russia"] and list(row["recipients"]) == ["Kharkiv"]
    assert list(row["sources"]) and row["published"] == "2024-03-04" and row["outlet"] == "Reuters"


def test_csv_reads_back_with_the_documented_dtypes(small_store, tmp_path):
    frame = pd.read_csv(export(small_store, tmp_path / "e.csv").path, dtype=CSV_DTYPES)
    assert {c: str(frame[c].dtype) for c in ("confidence", "quantity_value", "disputed")} == {
        "confidence": "float64",
        "quantity_value": "float64",
        "disputed": "boolean",
    }
    assert all(str(frame[c].dtype).startswith(("string", "str")) for c in COLUMNS if CSV_DTYPES[c] == "string")
    deploy = frame[frame["event_type"] == "MOBILIZE"].iloc[0]
    assert deploy["quantity_value"] == 500.0 and deploy["modality"] == "planned"
    assert deploy["time_granularity"] == "month" and deploy["time_start"] == "2024-04"


def test_jsonl_rows_are_the_table(small_store, tmp_path):
    path = export(small_store, tmp_path / "e.jsonl").path
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [{c: r[c] for c in COLUMNS} for r in read_export(small_store).rows]


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (Filters(type="ASSAULT"), lambda r: r["event_type"] == "ASSAULT"),
        (Filters(modality="planned"), lambda r: r["modality"] == "planned"),
        (Filters(entity="lithuania"), lambda r: "Lithuania" in r["actors"] + r["recipients"] + r["places"]),
        (Filters(since="2024-04"), lambda r: (r["time_start"] or r["published"]) >= "2024-04"),
        (Filters(until="2024-03"), lambda r: (r["time_start"] or r["published"]) <= "2024-03-31"),
    ],
)
def test_filters_keep_only_matching_reports(small_store, filters, check):
    everything = read_export(small_store)
    kept = read_export(small_store, filters)
    assert 0 < len(kept.rows) < len(everything.rows)
    assert all(check(r) for r in kept.rows)
    assert [r for r in everything.rows if check(r)] == list(kept.rows)


def test_entity_filter_takes_an_iri_and_applies_to_relations(small_store):
    by_label = read_export(small_store, Filters(entity="Lithuania"))
    iri = next(iri for iri, e in by_label.entities.items() if e["label"] == "Lithuania")
    assert read_export(small_store, Filters(entity=iri)) == by_label
    assert by_label.relations and all(iri in (r["subject"], r["object"]) for r in by_label.relations)


def test_relation_type_filter_keeps_relations_only(small_store):
    kept = read_export(small_store, Filters(type="member_of"))
    assert kept.rows == () and [r["relation_type"] for r in kept.relations] == ["member_of"]


def test_cli_export_writes_the_file_and_reports_bad_requests_in_one_line(small_store, tmp_path, capsys):
    store = str(small_store.path)
    if True:
        assert main(["export", "--store", store, "--out", str(tmp_path / "e.parquet"), "--type", "ASSAULT"]) == 0
        assert "1 rows, one per report" in capsys.readouterr().out
        assert len(pd.read_parquet(tmp_path / "e.parquet")) == 1
        assert main(["export", "--store", store, "--out", str(tmp_path / "e.txt")]) == 2
        assert "--format" in capsys.readouterr().err
        assert main(["export", "--store", store, "--out", str(tmp_path / "e.csv"), "--type", "ATTACK"]) == 2
        assert "ASSAULT" in capsys.readouterr().err
        assert main(["export", "--store", store, "--out", str(tmp_path / "e.csv"), "--entity", "Atlantis"]) == 1
        assert main(["export", "--store", store, "--out", str(tmp_path / "e.csv"), "--since", "May"]) == 2
        assert not (tmp_path / "e.csv").exists()


def test_entity_filter_is_the_lookup_named_queries_use(small_store, tmp_path, capsys):
    import pyoxigraph as ox

    from kg.derive.entities import UnknownEntity, find_in_store

    iri = str(find_in_store(small_store, "lithuania"))
    by_name = read_export(small_store, Filters(entity="LITHUANIA"))
    assert read_export(small_store, Filters(entity=ox.NamedNode(iri))) == by_name
    with pytest.raises(
        UnknownEntity,
        match=r"^--entity: no entity named 'Lithuana' in the store; did you mean "
        r"'Lithuania'\?",
    ):
        read_export(small_store, Filters(entity="Lithuana"))
    out = tmp_path / "e.csv"
    assert main(["export", "--store", str(small_store.path), "--out", str(out), "--entity", "Lithuana"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "did you mean 'Lithuania'" in err and not out.exists()


def test_entity_filter_keeps_the_reports_a_source_is_cited_for(seed_store):
    everything = read_export(seed_store)
    cited = [r for r in everything.rows if "The Wall Street Journal" in r["sources"]]
    kept = read_export(seed_store, Filters(entity="the wall street journal"))
    assert cited and list(kept.rows) == cited


@pytest.mark.parametrize("day", ["2022-2", "20220224", "2022-02-24x", "2022-02-30", "May"])
def test_a_date_filter_is_read_whole_or_refused(day):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="write it as YYYY, YYYY-MM or YYYY-MM-DD"):
        Filters(since=day)


def test_an_inverted_window_is_refused_not_half_applied():
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="--since 2024 is after --until 2023-06; swap them"):
        Filters(since="2024", until="2023-06")
    assert Filters(since="2024-03", until="2024-03").window() == (date(2024, 3, 1), date(2024, 3, 31))


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_a_relation_type_asks_for_a_graph_format_not_an_empty_table(small_store, tmp_path, fmt):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="relation type: relations are edges of .graphml and .gexf"):
        export(small_store, tmp_path / f"e.{fmt}", filters=Filters(type="member_of"))
    assert export(small_store, tmp_path / "g.graphml", filters=Filters(type="member_of")).relations == 1


def test_an_event_type_may_be_written_in_any_case():
    assert Filters(type="assault").type == "ASSAULT" and Filters(type="allied_with").type == "allied_with"
    assert Filters(modality="Planned").modality == "planned"


CLAIMS = """PREFIX kg: <https://w3id.org/kgct/ontology#>
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim kg:about ?event . ?event kg:eventType ?type }"""
# reports whose event names someone: a report with no participant (an attack by an unstated agent) has no edge
PLACED = """PREFIX kg: <https://w3id.org/kgct/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  ?claim kg:about ?event . ?event kg:eventType ?type ; sem:hasActor|kg:hasRecipient|sem:hasPlace ?someone
}"""
RELATIONS = """PREFIX kg: <https://w3id.org/kgct/ontology#>
SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:Relation }"""
NAMED = """PREFIX kg: <https://w3id.org/kgct/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT (COUNT(DISTINCT ?entity) AS ?n) WHERE {
  { ?claim kg:about ?event . ?event sem:hasActor|kg:hasRecipient|sem:hasPlace ?entity }
  UNION { ?r a kg:Relation ; kg:subject|kg:object ?entity }
}"""


@pytest.mark.corpus
def test_sixty_corpus_articles_export_whole_in_every_format(shared, tmp_path, extractor):
    from itertools import islice

    from kg.graph.store import Store
    from kg.pipeline import build

    corpus = shared / "corpus" / "ukraine_news.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not present")
    sample = tmp_path / "sample.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        sample.write_text("".join(islice(lines, 60)), encoding="utf-8")
    store = Store(tmp_path / "store")
    build([sample], store=store, extractor=extractor)
    claims, placed, relations, named = (int(store.query(q).rows[0][0]) for q in (CLAIMS, PLACED, RELATIONS, NAMED))
    assert claims > 300 and relations > 50
    for fmt in FORMATS:
        path = export(store, tmp_path / f"corpus.{fmt}").path
        if fmt in ("graphml", "gexf"):
            g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
            assert (g.number_of_nodes(), g.number_of_edges()) == (named, placed + relations)
        else:
            frame = _read_table(path, fmt)
            assert list(frame.columns) == list(COLUMNS) and len(frame) == claims
            assert frame["claim_id"].is_unique


def test_the_column_dictionary_lists_every_column_in_order():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "export.md").read_text(encoding="utf-8")
    table = text.split("## The events table", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert documented == list(COLUMNS)
    types = dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", table, flags=re.M))
    assert {c for c, t in types.items() if t.startswith("list")} == set(LIST_COLUMNS)


def test_reports_that_disagree_are_marked_disputed(tmp_path, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build

    for name, day, count in (("a.md", "2024-03-04", 500), ("b.md", "2024-03-05", 800)):
        (tmp_path / name).write_text(
            f"---\ndate: {day}\n---\nGermany sent {count} troops to Lithuania on Monday.\n", encoding="utf-8"
        )
    (tmp_path / "c.md").write_text("---\ndate: 2024-03-06\n---\nPoland sent 100 troops to Latvia.\n", encoding="utf-8")
    store = Store(tmp_path / "store")
    build([tmp_path], store=store, extractor=extractor)
    frame = pd.read_parquet(export(store, tmp_path / "e.parquet").path)
    by_count = dict(zip(frame["quantity_value"], frame["disputed"], strict=True))
    assert by_count == {500.0: True, 800.0: True, 100.0: False}
    assert frame[frame["disputed"]]["event_id"].nunique() == 1
