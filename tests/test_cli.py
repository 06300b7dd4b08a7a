"""The kg command: every command documented with an example, exit codes, output shapes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.interfaces.cli import EPILOG, main

COMMANDS = sorted(EPILOG)


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example: kg " + command in out


def test_every_command_is_in_the_readme():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"kg {command}" in readme, command


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--nope"])
    assert exit_info.value.code == 2


def test_user_error_is_one_line_naming_the_file_and_exits_1(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "missing.txt" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "data/seed-troop-deployment.txt", "--jobs", "0"],
        ["build", "data", "--jobs", "0"],
        ["bench", "data", "--repeat", "0"],
        ["eval", "--polnear", "polnear/dev", "--limit", "0"],
    ],
)
def test_a_count_option_below_one_is_a_one_line_error_naming_the_option(argv, tmp_path, capsys):
    code = main([*argv, "--store", str(tmp_path / "store")] if argv[0] == "build" else argv)
    err = capsys.readouterr().err.strip()
    assert code != 0 and "\n" not in err and f"{argv[-2]} takes a whole number, 1 or more" in err
    assert not (tmp_path / "store").exists()


def test_missing_store_is_a_user_error_with_the_fix(tmp_path, capsys):
    assert main(["query", "timeline", "--store", str(tmp_path / "none")]) == 1
    assert "kg build" in capsys.readouterr().err


def test_derive_recomputes_the_derived_graphs_of_a_store_loaded_by_other_tools(seed_store, tmp_path, capsys):
    from kg.graph.store import Store

    dump = seed_store.dump(tmp_path / "seed.nq")
    with Store(tmp_path / "loaded") as loaded:  # as `oxigraph load` would leave it: quads, no derived graphs
        loaded.load_file(dump)
        loaded.update("DROP GRAPH <https://w3id.org/kgct/resource/graph/tallies>")
    assert main(["derive", "--store", str(tmp_path / "loaded")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("derived: ") and " ties" in out
    with Store(tmp_path / "loaded", read_only=True) as loaded:
        assert len(loaded) == len(seed_store)
    assert main(["derive", "--store", str(tmp_path / "typo")]) == 1
    assert "no store here" in capsys.readouterr().err and not (tmp_path / "typo").exists()


def test_unknown_named_query_lists_the_choices(seed_store, capsys):
    assert main(["query", "nope", "--store", str(seed_store.path)]) == 1
    assert "timeline" in capsys.readouterr().err


def test_extract_prints_one_schema_record_per_article(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "b2", "text": "Russia attacked Kharkiv on Monday.", "date": "2022-03-01"})
        + "\n"
        + json.dumps({"id": "a1", "text": "NATO ministers met in Brussels.", "date": None})
        + "\n",
        encoding="utf-8",
    )
    result = run("extract", str(corpus))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["b2", "a1"]
    assert set(records[0]) >= {"article", "entities", "events", "relations"}
    event = records[0]["events"][0]
    assert set(event) >= {
        "id",
        "type",
        "mode",
        "trigger",
        "actors",
        "recipients",
        "locations",
        "quantity",
        "modality",
        "time",
        "sources",
        "evidence",
        "confidence",
    }
    assert result.stderr == ""  # no progress bar when piped


def test_query_outputs_csv_and_json(seed_store, capsys):
    assert main(["query", "relations", "--store", str(seed_store.path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and "subjectLabel" in rows[0]
    assert main(["query", "actors", "--store", str(seed_store.path), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("entity,label,type")


def test_bench_reports_throughput_against_spacy(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": f"a{i}", "text": "Russia attacked Kharkiv on Monday. " * 20}) for i in range(3)),
        encoding="utf-8",
    )
    assert main(["bench", str(corpus), "--limit", "3", "--repeat", "1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 3 and result["spacy_words_per_s"] > 0 and result["throughput_ratio_kg_to_spacy"] > 0


def test_two_processes_extract_the_same_records_as_one(extractor):
    from kg.graph.records import Article

    articles = [Article(f"p{i}", f"Poland deployed {i + 2},000 troops to Lithuania, officials said.") for i in range(6)]
    one = [r.to_dict() for r in extractor.extract_many(articles, jobs=1)]
    two = [r.to_dict() for r in extractor.extract_many(articles, jobs=2)]
    assert one == two
