"""Extraction on a Dask cluster (two worker processes on this machine) builds the same graph as the
single-process build: same named graphs, isomorphic graph by graph; rebuilding skips what is unchanged,
an updated article replaces its old graph, kept shards are N-Quads that load anywhere, bad input is
counted and skipped."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict

import pytest
from conftest import SEED

distributed = pytest.importorskip("distributed")

from rdflib import Graph  # noqa: E402
from rdflib.compare import to_isomorphic  # noqa: E402

from kg.derive import derive  # noqa: E402
from kg.graph.store import ONTOLOGY_GRAPH, Store, to_ox, to_rdflib  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.pipeline.distributed import DistributedError, build_distributed  # noqa: E402

NEWS = [
    {
        "id": "n1",
        "date": "2024-03-04",
        "source": "Wire",
        "text": "Russian forces shelled Kharkiv on Monday, the regional governor said.",
    },
    {
        "id": "n2",
        "date": "2024-03-04",
        "source": "Daily",
        "text": "Russian forces shelled Kharkiv on Monday, Ukrainian officials said.",
    },
    {"id": "n3", "date": "2024-03-05", "text": "Poland deployed 2,000 troops to Lithuania on Tuesday, officials said."},
    {
        "id": "n4",
        "date": "2024-03-06",
        "text": "Germany pledged new air defence systems to Ukraine, Chancellor Olaf Scholz said on Wednesday.",
    },
    {"id": "n5", "date": "2024-03-07", "text": "NATO ministers met in Brussels on Thursday to discuss aid to Ukraine."},
]


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The news above with a broken line among them, and the seed article."""
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    lines = [json.dumps(a) for a in NEWS]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path, SEED]


@pytest.fixture(scope="module")
def distributed_build(tmp_path_factory, scheduler, corpus):
    where = tmp_path_factory.mktemp("distributed")
    problems = []
    summary = build_distributed(
        corpus,
        store=where / "store",
        scheduler=scheduler,
        shard_dir=where / "shards",
        batch=2,
        on_problem=problems.append,
    )
    return summary, where / "store", where / "shards", problems


@pytest.fixture(scope="module")
def single_build(tmp_path_factory, extractor, corpus):
    store = tmp_path_factory.mktemp("single") / "store"
    return build(corpus, store=store, extractor=extractor, on_problem=lambda p: None), store


def canonical(store: Store) -> dict[str, Graph]:
    """Each named graph of the store with its blank nodes canonicalised, by graph name."""
    graphs: dict[str, Graph] = defaultdict(Graph)
    for q in store.quads():
        graphs[str(q.graph_name)].add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return {name: to_isomorphic(g) for name, g in graphs.items()}


def assert_same_graphs(a: Store, b: Store) -> None:
    ga, gb = canonical(a), canonical(b)
    assert sorted(ga) == sorted(gb)
    assert [name for name in ga if ga[name] != gb[name]] == []
    assert len(a) == len(b)


def test_distributed_build_equals_single_process_build(distributed_build, single_build):
    summary, path, _, _ = distributed_build
    single, single_path = single_build
    assert summary.to_dict() == single.to_dict()
    assert summary.added == len(NEWS) + 1 and summary.events > 0
    with Store(path, read_only=True) as a, Store(single_path, read_only=True) as b:
        assert_same_graphs(a, b)


def test_broken_line_is_counted_and_skipped(distributed_build):
    summary, _, _, problems = distributed_build
    assert dict(summary.skipped) == {"bad-json": 1}
    assert len(problems) == 1 and problems[0].where.endswith("news.jsonl:3")
    assert summary.articles == len(NEWS) + 1


def test_rebuild_with_same_input_reports_all_unchanged(tmp_path, scheduler, corpus, distributed_build):
    _, path, _, _ = distributed_build
    copy = tmp_path / "store"
    shutil.copytree(path, copy)
    summary = build_distributed(corpus, store=copy, scheduler=scheduler, batch=2)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, len(NEWS) + 1)
    with Store(path, read_only=True) as before, Store(copy, read_only=True) as after:
        assert_same_graphs(before, after)


def test_updated_article_replaces_its_old_graph(tmp_path, scheduler, extractor):
    old = {"id": "u1", "date": "2024-05-10", "text": "Russia threatened Finland with retaliation on Friday."}
    new = {"id": "u1", "date": "2024-05-14", "text": "Finland joined NATO on Tuesday, the alliance said."}
    other = {"id": "u2", "date": "2024-05-10", "text": "Russia threatened Norway with retaliation on Friday."}
    v1, v2 = tmp_path / "v1" / "a.jsonl", tmp_path / "v2" / "a.jsonl"
    for path, articles in ((v1, [old, other]), (v2, [new, other])):
        path.parent.mkdir()
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")

    build_distributed([v1], store=tmp_path / "dist", scheduler=scheduler, batch=1)
    summary = build_distributed([v2], store=tmp_path / "dist", scheduler=scheduler, batch=1)
    build([v1], store=tmp_path / "single", extractor=extractor)
    build([v2], store=tmp_path / "single", extractor=extractor)

    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 1)
    with Store(tmp_path / "dist", read_only=True) as dist, Store(tmp_path / "single", read_only=True) as single:
        assert_same_graphs(dist, single)
        texts = dist.query("SELECT ?t WHERE { ?a <https://w3id.org/kgct/ontology#text> ?t }").to_python()
        assert sorted(r["t"] for r in texts) == sorted([new["text"], other["text"]])


def test_shard_dir_keeps_nquads_shards_that_load_anywhere(distributed_build):
    import pyoxigraph as ox

    _, path, shards, _ = distributed_build
    files = sorted(shards.iterdir())
    assert len(files) == 3 and all(f.name.startswith("shard-") and f.suffix == ".nq" for f in files)
    for f in files:
        graphs = {q.graph_name for q in ox.parse(path=str(f), format=ox.RdfFormat.N_QUADS)}
        assert to_ox(ONTOLOGY_GRAPH) not in graphs and graphs
    with Store(None) as elsewhere, Store(path, read_only=True) as built:
        elsewhere.ensure_ontology()
        loaded = [article for f in files for article in elsewhere.load_shard(f)]
        assert sorted(loaded) == sorted(built.articles())
        derive(elsewhere)  # what depends on many articles, as a build does once they are in
        assert_same_graphs(elsewhere, built)


def test_each_worker_loads_spacy_once(scheduler, distributed_build):
    def loads() -> int:
        from kg.pipeline import distributed as kd

        return kd._extractor_loads

    with distributed.Client(scheduler) as client:
        assert list(client.run(loads).values()) == [1, 1]


def test_cli_build_with_scheduler(tmp_path, scheduler, capsys):
    from kg.interfaces.cli import main

    assert main(["build", str(SEED), "--store", str(tmp_path / "store"), "--scheduler", scheduler]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["build", str(SEED), "--store", str(tmp_path / "other"), "--shard-dir", str(tmp_path)]) == 1
    assert "--scheduler" in capsys.readouterr().err


def test_scheduler_errors_say_what_to_do(monkeypatch):
    with pytest.raises(DistributedError, match="local:N"):
        build_distributed([SEED], store=None, scheduler="local:two")
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)
    with pytest.raises(DistributedError, match=r"pip install 'kg\[distributed\]'"):
        build_distributed([SEED], store=None, scheduler="local:2")
