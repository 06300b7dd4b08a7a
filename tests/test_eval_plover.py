"""kg eval --plover: type and actor accuracy on PLOVER-style one-sentence gold records, every miss listed."""

from __future__ import annotations

import json

import pytest

from kg.quality.eval_plover import evaluate_plover, match_key, read_plover
from kg.quality.gold import EvalError


def _write(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


RECORDS = [
    {
        "id": "a1",
        "text": "Russia invaded Ukraine.",
        "event": "FIGHT",
        "source": [{"actorText": "Russia", "code": "RUS"}],
        "target": [{"actorText": "Ukraine"}],
    },
    {"id": "a2", "text": "The weather was mild all week.", "event": "PROTEST", "source": [{"actorText": "students"}]},
    {"id": "a3", "text": "Moscow's envoy met the Turkish foreign minister.", "event": "CONSULT", "source": None},
]


def test_old_labels_map_to_the_2021_types(tmp_path):
    golds = read_plover(_write(tmp_path, RECORDS))
    assert [g.type for g in golds] == ["ASSAULT", "PROTEST", "CONSULT"]
    assert golds[2].actor_texts == ()


def test_type_and_actor_accuracy_and_misses(tmp_path, extractor):
    report = evaluate_plover(_write(tmp_path, RECORDS), extractor.extract_many)
    assert report.type_counts == (2, 3)
    assert report.actor_counts == (1, 2)  # a3 has no source actor: not judged
    text = report.to_text()
    assert "Missed type: a2 gold PROTEST actor [students] -- found: no event" in text
    assert "a1" not in text.split("\n\n", 3)[-1]  # a hit is not listed as a miss
    assert [m["id"] for m in report.to_dict()["misses"]] == ["a2"]


def test_actor_match_normalises_possessives_and_punctuation():
    assert match_key("the U.N.'s  envoy") == "the u n envoy"


def test_a_broken_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "t", "event": "AID"}\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad.jsonl:2: not a PLOVER gold record"):
        read_plover(path)


def test_a_gold_file_that_is_not_utf8_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"id": "x", "text": "café", "event": "AID"}\n'.encode("latin-1"))
    with pytest.raises(EvalError, match=r"latin1.jsonl: is not UTF-8 .*; save it as UTF-8"):
        read_plover(path)


def test_cli_eval_needs_a_gold_dir_or_plover(capsys):
    from kg.interfaces.cli import main

    assert main(["eval"]) == 2
    assert "--plover" in capsys.readouterr().err
