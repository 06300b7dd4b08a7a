"""A corpus with broken lines, duplicate ids, empty, huge and non-English articles goes through: each
problem is reported once with its line, the rest is ingested, the summary counts what was skipped."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import warnings

import pytest


def test_bad_corpus_is_ingested_around_its_problems(tmp_path):
    good = "Poland deployed 2,000 troops to Lithuania on Monday, officials said."
    huge = ("Russian forces shelled Kharkiv overnight, the regional governor said. " * 40 + "\n\n") * 20
    german = (
        "Die Bundesregierung hat am Montag neue Waffenlieferungen an die Ukraine beschlossen, teilte ein "
        "Sprecher in Berlin mit. Die Lieferung umfasst Panzer und Munition fuer die Streitkraefte."
    )
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
    result = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4
    assert any("bad.jsonl:2" in w and "JSON" in w for w in warnings)
    assert any("bad.jsonl:3" in w and "g1" in w for w in warnings)
    assert any("bad.jsonl:4" in w and "text" in w for w in warnings)
    assert any("English" in w for w in warnings)
    assert "4 added" in result.stdout
    assert "bad-json 1" in result.stdout and "duplicate-id 1" in result.stdout and "not-english 1" in result.stdout
    query = subprocess.run(
        [sys.executable, "-m", "kg", "query", "timeline", "--store", str(store), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    articles = {row["article"] for row in json.loads(query.stdout)}
    assert {"g1", "h1", "g2"} <= articles


# -- hostile and broken input: each problem one line with file and line, the rest of the file ingested ----

GOOD = "Poland deployed 2,000 troops to Lithuania on Monday, officials said."


def _build_collecting(paths, store, extractor):
    from kg.pipeline import build

    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = build(paths, store=store, extractor=extractor, on_problem=problems.append)
    return summary, [str(p) for p in problems], [str(w.message) for w in caught]


def test_each_bad_line_is_reported_with_its_line_and_the_rest_is_ingested(tmp_path, extractor):
    corpus = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "date": "2024-03-04", "text": GOOD}).encode(),
        b"[" * 100_000 + b"]" * 100_000,  # RecursionError in json before
        json.dumps({"id": "latin", "text": "Caf\u00e9 owners in Kyiv reopened."}, ensure_ascii=False).encode("latin-1"),
        json.dumps({"id": {"nested": 1}, "text": GOOD}).encode(),
        json.dumps({"id": True, "text": GOOD}).encode(),
        b'{"id": "surrogate", "date": "2024-03-05", "text": "Ukraine\\ud800 received aid from Poland on Tuesday."}',
        json.dumps({"id": "late-date", "date": "2024-05-10T25:99", "text": "NATO ministers met in Brussels."}).encode(),
        json.dumps({"id": "ok2", "date": "2024-03-06", "text": "NATO ministers met in Brussels on Tuesday."}).encode(),
    ]
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    latin_offset = sum(len(line) + 1 for line in lines[:2]) + lines[2].index(b"\xe9")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    summary, problems, warned = _build_collecting([tmp_path], tmp_path / "store", extractor)
    assert all("\n" not in p for p in problems + warned)
    assert any(p.startswith(f"{corpus}:2: ") and "nested more than" in p for p in problems)
    assert any(p.startswith(f"{corpus}:3: ") and f"byte {latin_offset} " in p for p in problems)
    assert any(p.startswith(f"{corpus}:4: ") and "JSON object" in p and "'id'" in p for p in problems)
    assert any(p.startswith(f"{corpus}:5: ") and "JSON boolean" in p for p in problems)
    assert any("empty.jsonl" in p and "no records" in p for p in problems)
    assert any("empty.txt" in p and "no text" in p for p in problems)
    assert any(w.startswith(f"{corpus}:7: ") and "2024-05-10T25:99" in w and "undated" in w for w in warned)
    assert summary.added == 4  # ok1, surrogate, late-date, ok2: everything after the bad lines too
    from kg.graph.store import Store

    with Store(tmp_path / "store") as st:
        assert set(st.articles()) == {"ok1", "surrogate", "late-date", "ok2"}
        text = st.query("""PREFIX kg: <https://w3id.org/kgct/ontology#>
            SELECT ?t WHERE { ?a kg:text ?t FILTER(CONTAINS(?t, "received aid")) }""").rows[0][0]
        assert "\ufffd" in str(text)
        undated = st.query("""PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?d WHERE { ?a dcterms:identifier "late-date" OPTIONAL { ?a dcterms:issued ?d } }""").rows
        assert undated == ((None,),)


def test_a_file_name_that_is_not_utf8_is_named_and_skipped(tmp_path, extractor):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(bad, "wb") as f:
        f.write(GOOD.encode())
    (folder / "good.txt").write_text("NATO ministers met in Brussels on Tuesday.", encoding="utf-8")
    summary, problems, _ = _build_collecting([folder], tmp_path / "store", extractor)
    assert summary.added == 1
    assert any("caf\\xe9.txt" in p and "not valid UTF-8" in p for p in problems)


def test_query_tables_do_not_pass_escape_sequences_to_the_terminal(tmp_path):
    corpus = tmp_path / "ansi.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "ansi\u001b[2J",
                "date": "2024-03-04",
                "text": "Poland deployed troops to Lithuania on Monday.\u001b[31m Officials said.",
            }
        )
        + "\n"
    )
    store = tmp_path / "store"
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = subprocess.run(
        [sys.executable, "-m", "kg", "query", "timeline", "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "ansi" in out.stdout and "Lithuania" in out.stdout
    assert not any(c in out.stdout for c in "\u001b\u009b")


class _FullDisk:
    """A pyoxigraph store whose writes fail as a full disk does, after ``room`` updates."""

    def __init__(self, store, room: int):
        self._store, self._room = store, room

    def update(self, *args, **kwargs):
        self._room -= 1
        if self._room < 0:
            raise OSError("IO error: No space left on device: While appending to file: 000042.log")
        return self._store.update(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_a_full_disk_is_one_line_and_the_store_is_released(tmp_path, extractor):
    from kg.graph.store import Store, StoreError
    from kg.pipeline import build

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"a{i}", "date": "2024-03-04", "text": GOOD + f" Note {i}."}) + "\n" for i in range(4)
        )
    )
    st = Store(tmp_path / "store")
    st._ox = _FullDisk(st._ox, room=3)
    try:
        build([corpus], store=st, extractor=extractor)
        message = ""
    except StoreError as err:
        message = str(err)
    st.close()
    gc.collect()  # the traceback held this test's fake store (a real one is released by close())
    assert "disk is full" in message and "\n" not in message
    with Store(tmp_path / "store") as again:  # not locked: "another kg process" would be a lie
        assert 0 < len(again.articles()) < 4
    summary = build([corpus], store=tmp_path / "store", extractor=extractor)
    assert summary.unchanged + summary.added == 4


def test_a_full_disk_on_a_real_file_system(tmp_path):
    """On a small tmpfs (root only): one line, the next run names the disk again, then resumes."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        corpus = tmp_path / "c.jsonl"
        corpus.write_text(
            "".join(
                json.dumps(
                    {
                        "id": f"a{i}",
                        "date": "2024-03-04",
                        "text": GOOD + f" Note {i}. " + "Officials said nothing more. " * 60,
                    }
                )
                + "\n"
                for i in range(60)
            )
        )
        store = disk / "store"
        cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(store)]
        first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert first.returncode != 0
        assert first.stderr.strip().count("\n") == 0 and "disk is full" in first.stderr, first.stderr
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert "another kg process" not in second.stderr
        subprocess.run(["mount", "-o", "remount,size=256m", str(disk)], check=True)
        third = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        assert third.returncode == 0, third.stderr
        valid = subprocess.run(
            [sys.executable, "-m", "kg", "validate", "--store", str(store)], capture_output=True, text=True, timeout=600
        )
        assert valid.returncode == 0, valid.stdout
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_an_article_beyond_max_chars_is_skipped_with_one_line(tmp_path, extractor):
    corpus = tmp_path / "long.jsonl"
    corpus.write_text(
        json.dumps({"id": "long", "text": GOOD * 40}) + "\n" + json.dumps({"id": "short", "text": GOOD}) + "\n"
    )
    from kg.pipeline import build

    problems = []
    summary = build([corpus], store=tmp_path / "store", extractor=extractor, max_chars=1000, on_problem=problems.append)
    assert summary.added == 1 and summary.skipped == {"too-long": 1}
    assert [str(p) for p in problems] == [
        f"{corpus}:1: article 'long' has {len(GOOD) * 40:,} characters, more than "
        "--max-chars 1,000; skipped. Split it, or raise --max-chars."
    ]


def test_a_pathological_article_does_not_stall_a_parallel_build(tmp_path, extractor):
    """Over its time budget, an article's worker is stopped and replaced; the others are ingested."""
    from kg.pipeline import build

    slow = " ".join(f"Officials in city number {i} said forces attacked the depot on Monday." for i in range(3000))
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": f"a{i}", "date": "2024-03-04", "text": GOOD + f" Note {i}."} for i in range(4)]
    lines.insert(1, {"id": "slow", "date": "2024-03-04", "text": slow})
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    problems = []
    summary = build(
        [corpus], store=tmp_path / "store", extractor=extractor, jobs=2, article_timeout=3, on_problem=problems.append
    )
    assert summary.added == 4 and summary.skipped == {"too-slow": 1}
    assert [p.where for p in problems] == [f"{corpus}:2"]
    assert "took more than 3 s" in str(problems[0]) and "--article-timeout" in str(problems[0])
    serial = tmp_path / "serial.jsonl"
    serial.write_text("".join(json.dumps(line) + "\n" for line in lines if line["id"] != "slow"))
    build([serial], store=tmp_path / "serial", extractor=extractor)
    from test_distributed_build import assert_same_graphs

    from kg.graph.store import Store

    with Store(tmp_path / "store") as parallel, Store(tmp_path / "serial") as one:
        assert_same_graphs(parallel, one)  # the same graph as one process makes


def test_an_article_the_extractor_fails_on_is_skipped_with_one_line_and_the_rest_ingested(
    tmp_path, extractor, monkeypatch
):
    """A bug kg has on one text (here: made to raise) ends neither a one-process build nor the others' ingest."""
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": i, "date": "2024-03-04", "text": GOOD + f" Note {i}."} for i in ("a", "bad", "b")]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    real = extractor.from_doc

    def from_doc(article, doc):
        if article.id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        return real(article, doc)

    monkeypatch.setattr(extractor, "from_doc", from_doc)
    summary, problems, _ = _build_collecting([corpus], tmp_path / "store", extractor)
    assert summary.added == 2 and summary.skipped == {"extract-error": 1}
    assert problems == [
        f"{corpus}:2: article 'bad' extraction failed (RecursionError: maximum recursion depth exceeded); skipped."
    ]
