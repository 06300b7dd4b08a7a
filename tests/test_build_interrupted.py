"""Derived graphs that cannot go stale: a build killed (SIGKILL) or interrupted (SIGINT) anywhere, during
ingest, during the derive step or during an update, and then run again, leaves the store a clean build of
the same articles would make, and it passes `kg validate`. Updates forget everything an article's old
version said, in the shared graphs too; an event merged by month and reported on two days validates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_distributed_build import assert_same_graphs

from kg.derive import derivation_current, derive
from kg.graph.store import Store
from kg.pipeline import build
from kg.quality.validate import validate

ARTICLES = [
    {
        "id": "plan",
        "date": "2024-01-10",
        "text": "Germany plans to send tanks to Ukraine, the German government said on Wednesday.",
    },
    {
        "id": "done",
        "date": "2024-03-02",
        "text": "Germany sent tanks to Ukraine, officials in Berlin said on Saturday.",
    },
    {
        "id": "fri10",
        "date": "2024-05-11",
        "text": "Russian forces attacked Kharkiv on Friday, 10 May 2024, the regional governor said. Several buildings were damaged.",
    },
    {
        "id": "fri17",
        "date": "2024-05-18",
        "text": "Russian forces attacked Kharkiv on Friday, 17 May 2024, local officials said. Firefighters worked through the night.",
    },
    {
        "id": "blame",
        "date": "2024-05-11",
        "text": "Ukrainian forces attacked Kharkiv on Friday, 10 May 2024, a Russian official claimed without evidence.",
    },
    {
        "id": "talks",
        "date": "2024-05-12",
        "text": "Poland and Lithuania agreed to cooperate on border security, their foreign ministers said in Vilnius.",
    },
]
# the update: one article loses its stated day (its old kg:situation and the dispute it made must go),
# another changes what it reports
UPDATED = {
    "fri10": {
        "id": "fri10",
        "date": "2024-05-11",
        "text": "Russian forces attacked Kharkiv, the regional governor said. Several buildings were damaged.",
    },
    "talks": {
        "id": "talks",
        "date": "2024-05-12",
        "text": "Poland and Lithuania signed an agreement on border security in Vilnius on Sunday.",
    },
}


def write(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpora")
    old = write(root / "old.jsonl", ARTICLES)
    new = write(root / "new.jsonl", [UPDATED.get(a["id"], a) for a in ARTICLES])
    return old, new


@pytest.fixture(scope="module")
def clean(tmp_path_factory, extractor, corpora):
    """Clean builds of the old and of the updated articles."""
    root = tmp_path_factory.mktemp("clean")
    stores = {}
    for name, corpus in zip(("old", "new"), corpora, strict=True):
        build([corpus], store=root / name, extractor=extractor)
        stores[name] = root / name
    return stores


def run_stopped(point: str, how: str, corpus: Path, store: Path) -> int:
    """Build in a child process stopped at ``point`` by the signal ``how``; its exit status."""
    script = Path(__file__).with_name("stopped_build.py")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, str(script), point, how, str(corpus), str(store)], env=env, capture_output=True, timeout=600
    ).returncode


def assert_converged(store_path: Path, clean_path: Path) -> None:
    with Store(store_path) as store, Store(clean_path) as reference:
        assert derivation_current(store)
        assert_same_graphs(store, reference)
        report = validate(store)
        assert report.conforms, report.to_text()


@pytest.mark.parametrize(
    ("point", "how"),
    [
        ("ingest", "SIGKILL"),
        ("ingest", "SIGINT"),
        ("derive-after-prune", "SIGKILL"),
        ("derive-write", "SIGKILL"),
        ("derive-write", "SIGINT"),
        ("after-derive", "SIGKILL"),
    ],
)
def test_a_build_stopped_anywhere_converges_on_the_next_build(tmp_path, extractor, corpora, clean, point, how):
    store = tmp_path / "store"
    assert run_stopped(point, how, corpora[0], store) != 0  # stopped by the signal (or exit 130 on Ctrl-C)
    summary = build([corpora[0]], store=store, extractor=extractor)
    assert summary.derived == (point != "after-derive")  # even when every article was stored before the stop
    assert_converged(store, clean["old"])


@pytest.mark.parametrize(("point", "how"), [("ingest", "SIGINT"), ("derive-write", "SIGKILL")])
def test_an_update_stopped_anywhere_converges_on_the_next_build(tmp_path, extractor, corpora, clean, point, how):
    store = tmp_path / "store"
    build([corpora[0]], store=store, extractor=extractor)
    assert run_stopped(point, how, corpora[1], store) != 0
    build([corpora[1]], store=store, extractor=extractor)
    assert_converged(store, clean["new"])


def test_a_build_killed_at_random_moments_converges(tmp_path, extractor, corpora, clean):
    """Kills that land wherever they land (inside a store update too), then one more build."""
    store = tmp_path / "store"
    for delay in ("2", "4", "6"):  # the child spends its first seconds loading spaCy
        run_stopped("timer", delay, corpora[0], store)
    build([corpora[0]], store=store, extractor=extractor)
    assert_converged(store, clean["old"])


def test_an_update_forgets_what_the_old_version_said(tmp_path, extractor, corpora, clean):
    """No stale kg:situation, no phantom disputed event: the updated store is the clean build of the new
    articles."""
    store = tmp_path / "store"
    build([corpora[0]], store=store, extractor=extractor)
    with Store(store) as st:
        assert _disputed(st)  # the two reports of 10 May disagree on who attacked
    summary = build([corpora[1]], store=store, extractor=extractor)
    assert summary.updated == 2
    with Store(store) as st:
        assert not _disputed(st)
    assert_converged(store, clean["new"])


def test_an_event_reported_on_two_days_of_its_month_validates(tmp_path, extractor, clean):
    with Store(clean["old"]) as st:
        situations = st.query("""PREFIX kg: <https://w3id.org/kgct/ontology#>
            SELECT ?event (COUNT(DISTINCT ?s) AS ?n) WHERE { ?claim kg:about ?event ; kg:situation ?s } GROUP BY ?event""").to_python()
        assert max(r["n"] for r in situations) == 2  # the attacks of Friday 10 and Friday 17 May, one event
        assert validate(st).conforms


def test_validate_says_when_the_derived_graphs_are_stale(tmp_path, extractor, corpora):
    store = tmp_path / "store"
    build([corpora[0]], store=store, extractor=extractor)
    with Store(store) as st:
        st.remove("talks")  # an article write after the last derivation
        report = validate(st)
        assert not report.conforms
        assert "kg derive" in report.to_text() and "interrupted" in report.to_text()
        derive(st)
        assert validate(st).conforms


def _disputed(store: Store) -> list:
    return store.query("""PREFIX kg: <https://w3id.org/kgct/ontology#>
        SELECT ?event WHERE { ?event kg:disputedOn "actor" }""").rows


def test_validate_by_graph_finds_what_validating_the_union_finds(tmp_path, clean):
    """A batch of article graphs at a time, each with the shared nodes it refers to, then the shared nodes
    no article refers to: the same violations as the whole store in memory, in small batches."""
    import shutil

    from kg.quality.validate import _check, _union, validate_store

    shutil.copytree(clean["old"], tmp_path / "store")
    with Store(tmp_path / "store") as st:
        st.update("""PREFIX kg: <https://w3id.org/kgct/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            DELETE { GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?e rdfs:label ?l } }
            WHERE { GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?e rdfs:label ?l FILTER(CONTAINS(?l, "Kharkiv")) } } ;
            DELETE { GRAPH ?g { ?s oa:start ?v } } INSERT { GRAPH ?g { ?s oa:start 99999 } }
            WHERE { GRAPH ?g { ?s oa:start ?v } FILTER(?g = <https://w3id.org/kgct/resource/graph/talks>) } ;
            INSERT DATA { GRAPH <https://w3id.org/kgct/resource/graph/entities> {
              <https://w3id.org/kgct/resource/entity/person-nobody> a kg:Person ; rdfs:label "Nobody" } }""")
        done = []
        by_graph = validate_store(st, batch_triples=200, progress=done.append)
        whole = sorted(set(_check(_union(st), None)))
    assert sum(done) == len(ARTICLES) and len(done) > 1
    found = [v for v in by_graph.violations if v.constraint != "derivation"]  # the update above was a write
    assert found == whole
    assert {v.constraint for v in found} >= {"lessThanOrEquals", "minCount"}
    assert any("person-nobody" in v.focus for v in found) and any("kharkiv" in v.focus for v in found)
