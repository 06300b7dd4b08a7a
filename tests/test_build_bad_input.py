"""A corpus with broken lines, duplicate ids, empty, huge and non-English articles goes through: each
problem is reported once with its line, the rest is ingested, the summary counts what was skipped."""

from __future__ import annotations

import json
import subprocess
import sys


def test_bad_corpus_is_ingested_around_its_problems(tmp_path):
    good = "Poland deployed 2,000 troops to Lithuania on Monday, officials said."
    huge = ("Russian forces shelled Kharkiv overnight, the regional governor said. " * 40 + "\n\n") * 20
    german = ("Die Bundesregierung hat am Montag neue Waffenlieferungen an die Ukraine beschlossen, teilte ein "
              "Sprecher in Berlin mit. Die Lieferung umfasst Panzer und Munition fuer die Streitkraefte.")
    lines = [
        json.dumps({"id": "g1", "date": "2024-03-04", "text": good}),
        "{not json",
        json.dumps({"id": "g1", "date": "2024-03-04", "text": good + " Again."}),
        json.dumps({"id": "e1", "text": "   "}),
        json.dumps({"id": "h1", "date": "2024-03-05", "text": huge}),
        json.dumps({"id": "de", "date": "2024-03-05", "text": german}),
        json.dumps({"id": "g2", "date": "2024-03-06", "text": "NATO ministers met in Brussels on Tuesday."}),
    ]
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4
    assert any("bad.jsonl:2" in w and "JSON" in w for w in warnings)
    assert any("bad.jsonl:3" in w and "g1" in w for w in warnings)
    assert any("bad.jsonl:4" in w and "text" in w for w in warnings)
    assert any("English" in w for w in warnings)
    assert "4 added" in result.stdout
    assert "bad-json 1" in result.stdout and "duplicate-id 1" in result.stdout and "not-english 1" in result.stdout
    query = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--store", str(store), "--format", "json"],
                           capture_output=True, text=True, timeout=300)
    articles = {row["article"] for row in json.loads(query.stdout)}
    assert {"g1", "h1", "g2"} <= articles
