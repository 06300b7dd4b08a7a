"""Article text is untrusted: in every export format it comes back as the same text (commas, quotes, newlines,
markup), XML stays well-formed, and a CSV cell a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.export import COLUMNS, ExportData, read_export
from kg.export.graph import node_id
from kg.export.table import LIST_COLUMNS
from kg.export.writers import CSV_DTYPES, neutralise, write_export

HOSTILE = "He said, \"we'll strike\";\nthen <left> & 'came back'\r\n, ]]> -- done\u2028\x85 end"
FORMULAS = ["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]
E = "https://kg.example/entity/"


def _row(i: int, text: str, formula: str) -> dict:
    return {
        "event_id": f"https://kg.example/event/{i}",
        "claim_id": f"https://kg.example/claim/{i}",
        "event_type": "ASSAULT",
        "mode": formula,
        "modality": "asserted",
        "actors": [text, formula],
        "actor_ids": [E + "a", E + "b"],
        "recipients": [formula],
        "places": [text],
        "quantity_value": -5.0,
        "quantity_unit": text,
        "quantity_qualifier": formula,
        "time_start": "2024-03",
        "time_end": None,
        "time_granularity": "month",
        "time_text": text,
        "published": "2024-03-04",
        "article_id": formula,
        "article_title": text,
        "outlet": formula,
        "url": "javascript:alert(1)",
        "sources": [formula, text],
        "evidence": text,
        "confidence": 0.5,
        "plan_status": None,
        "disputed": i % 2 == 0,
    }


@pytest.fixture
def hostile():
    rows = tuple(_row(i, HOSTILE + f" {i}", formula) for i, formula in enumerate(FORMULAS))
    entities = {
        E + k: {"label": label, "type": "Country", "wikidata": None, "sector": formula, "articles": 1}
        for k, label, formula in (("a", HOSTILE, FORMULAS[0]), ("b", "=B", FORMULAS[1]))
    }
    roles = {r["event_id"]: {"actors": (E + "a", E + "b")} for r in rows}
    relation = {
        "relation_id": "https://kg.example/rel/1",
        "relation_type": "allied_with",
        "subject": E + "a",
        "object": E + "b",
        "modality": "asserted",
        "confidence": 0.9,
        "article_id": "x",
        "article_title": HOSTILE,
        "outlet": FORMULAS[0],
        "url": None,
        "published": "2024-03-04",
        "sources": [],
        "evidence": HOSTILE,
    }
    return ExportData(rows, roles, (relation,), entities)


def _expected_csv_cell(column: str, value) -> str | None:
    if value is None:
        return None
    text = ";".join(value) if column in LIST_COLUMNS else value
    return "'" + text if text[0] in "=+-@\t\r" else text


def test_csv_round_trips_hostile_text_and_neutralises_formulas(hostile, tmp_path):
    path = write_export(hostile, tmp_path / "e.csv").path
    frame = pd.read_csv(path, dtype=CSV_DTYPES)
    assert list(frame.columns) == list(COLUMNS)
    for i, row in enumerate(hostile.rows):
        for column in COLUMNS:
            got = frame[column][i]
            if CSV_DTYPES[column] != "string":
                assert got == row[column]
            else:
                assert (None if pd.isna(got) else got) == _expected_csv_cell(column, row[column]), column
    with open(path, encoding="utf-8", newline="") as f:
        cells = [cell for line in csv.reader(f) for cell in line]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or c.startswith("-") and c != "-5.0"]


def test_parquet_and_jsonl_keep_hostile_text_exactly(hostile, tmp_path):
    expected = [{c: r[c] for c in COLUMNS} for r in hostile.rows]
    frame = pd.read_parquet(write_export(hostile, tmp_path / "e.parquet").path)
    got = [
        {c: list(v) if c in LIST_COLUMNS else (None if v is None or v != v else v) for c, v in r.items()}
        for r in frame.to_dict("records")
    ]
    assert got == expected
    path = write_export(hostile, tmp_path / "e.jsonl").path
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == expected


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_formats_carry_hostile_text_as_text(hostile, tmp_path, fmt):
    broken = hostile.rows[0] | {"evidence": "bad\x0bchar\x00s"}  # not even escaped, XML cannot hold these
    data = ExportData((broken, *hostile.rows[1:]), hostile.roles, hostile.relations, hostile.entities)
    path = write_export(data, tmp_path / f"g.{fmt}").path
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (2, len(FORMULAS) + 1)
    assert (
        g.nodes[node_id(E + "a")]["label"] == HOSTILE.replace("\r\n", "\n")
        or g.nodes[node_id(E + "a")]["label"] == HOSTILE
    )
    evidence = {d.get("claim_id"): d["evidence"] for _, _, d in g.edges(data=True)}
    assert evidence["https://kg.example/claim/0"] == "bad\ufffdchar\ufffds"
    assert _same_text(evidence["https://kg.example/claim/1"], HOSTILE + " 1")
    disputed = {d.get("claim_id"): d["disputed"] for _, _, d in g.edges(data=True) if "claim_id" in d}
    assert disputed == {r["claim_id"]: r["disputed"] for r in data.rows}


def _same_text(got: str, want: str) -> bool:
    # an XML parser reads a CR LF in an attribute value as LF unless it was written as a character reference
    return got in (want, want.replace("\r\n", "\n"), want.replace("\r", "\n"))


def test_hostile_article_metadata_is_neutralised_end_to_end(tmp_path, extractor):
    from kg.graph.store import Store
    from kg.pipeline import build

    article = tmp_path / "hostile.md"
    article.write_text(
        '---\ntitle: "=HYPERLINK(""http://evil.example"",""click""), said \\"he\\""\ndate: 2024-03-04\n'
        "source: '@SUM(1+1)'\n---\n"
        "Russia attacked Kharkiv on Monday, \"the army\" said, =cmd|' /C calc'!A0.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "store")
    build([article], store=store, extractor=extractor)
    data = read_export(store)
    assert data.rows
    frame = pd.read_csv(write_export(data, tmp_path / "e.csv").path, dtype=CSV_DTYPES)
    assert frame["outlet"][0] == "'" + data.rows[0]["outlet"] and data.rows[0]["outlet"].startswith("@")
    assert frame["evidence"][0] == data.rows[0]["evidence"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_text_survives_a_csv_cell_or_is_neutralised(text):
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerow([neutralise(text), "end"])
    buffer.seek(0)
    [cell, end] = next(csv.reader(buffer))
    assert end == "end"
    assert cell == (("'" + text) if text[0] in "=+-@\t\r" else text)
