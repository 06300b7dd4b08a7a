"""Reading articles: text/Markdown with front matter, JSON Lines corpora, folders, bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.read.articles import InputError, parse_text_article, read_articles


def test_front_matter_gives_metadata_and_offsets_count_from_the_body(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Talks in Geneva\ndate: 2022-01-10\nsource: Example Wire\n"
        "url: https://example.org/a\n---\nRussia and the US met in Geneva.\n",
        encoding="utf-8",
    )
    (article,) = read_articles([path])
    assert (article.id, article.title, article.date, article.source) == (
        "a",
        "Talks in Geneva",
        "2022-01-10",
        "Example Wire",
    )
    assert article.text.startswith("Russia and the US")


def test_undated_text_file_stays_undated_and_headline_becomes_title(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("Leaders Meet In Paris\n\nThe leaders met in Paris.", encoding="utf-8")
    (article,) = read_articles([path])
    assert article.date is None
    assert article.title == "Leaders Meet In Paris"
    assert article.text == "Leaders Meet In Paris\n\nThe leaders met in Paris."


def test_jsonl_keeps_record_ids_and_input_order(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [
        {"id": "zz9", "title": None, "date": "2023-06-17", "source": None, "url": None, "text": "One."},
        {"id": "aa1", "title": "T", "date": None, "source": "S", "url": None, "text": "Two."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert [a.id for a in read_articles([path])] == ["zz9", "aa1"]


def test_jsonl_outlet_candidates_and_origin_stand_in_for_a_missing_outlet_and_url(tmp_path):
    path = tmp_path / "o.jsonl"
    commit = "0123456789abcdef0123456789abcdef01234567"
    rows = [
        {
            "id": "n1",
            "title": None,
            "source": None,
            "url": None,
            "text": "One.",
            "source_candidates": ["bbc.co.uk", "theguardian.com"],
            "collection": "someone/news-set",
            "origin_path": "data/articles/a b.txt",
            "origin_commit": commit,
        },
        {
            "id": "n2",
            "source": "Wire",
            "url": "https://wire.example/2",
            "text": "Two.",
            "source_candidates": ["x.org"],
            "collection": "someone/news-set",
            "origin_path": "b.txt",
            "origin_commit": commit,
        },
        {"id": "n3", "text": "Three.", "collection": "not a repo", "origin_path": "../etc", "origin_commit": commit},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    one, two, three = read_articles([path])
    assert one.source == "one of bbc.co.uk, theguardian.com"
    assert one.url == f"https://github.com/someone/news-set/blob/{commit}/data/articles/a%20b.txt"
    assert (two.source, two.url) == ("Wire", "https://wire.example/2")  # the record's own fields win
    assert (three.source, three.url) == (None, None)


def test_folders_are_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "y.md").write_text("Another text.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    assert sorted(a.id for a in read_articles([tmp_path])) == ["x", "y"]


def test_broken_lines_are_reported_and_skipped_not_fatal(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        '{"id": "ok1", "text": "Fine."}\n{broken\n{"id": "nt"}\n[1,2]\n{"id": "ok2", "text": "Also fine."}\n',
        encoding="utf-8",
    )
    problems = []
    articles = read_articles([path], on_problem=problems.append)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [p.reason for p in problems] == ["bad-json", "missing-text", "bad-json"]
    assert problems[0].where.endswith("d.jsonl:2")


def test_duplicate_ids_with_different_text_are_reported_once_each(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text(
        '{"id": "x", "text": "First."}\n{"id": "x", "text": "Second."}\n{"id": "x", "text": "First."}\n',
        encoding="utf-8",
    )
    problems = []
    assert [a.text for a in read_articles([path], on_problem=problems.append)] == ["First."]
    assert [p.reason for p in problems] == ["duplicate-id", "duplicate"]


def test_bad_date_is_dropped_with_a_warning_not_invented(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("---\ndate: last Tuesday\n---\nText.", encoding="utf-8")
    with pytest.warns(UserWarning, match="not YYYY-MM-DD"):
        (article,) = read_articles([path])
    assert article.date is None


def test_missing_path_is_a_user_error_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_articles([tmp_path / "nope.txt"])


def test_non_utf8_file_is_skipped_with_a_fix(tmp_path):
    path = tmp_path / "g.txt"
    path.write_bytes(b"caf\xe9 \xff\xfe")
    problems = []
    assert read_articles([path], on_problem=problems.append) == []
    assert "UTF-8" in problems[0].message


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_reader_never_crashes_and_keeps_body_text(raw):
    article = parse_text_article(raw, article_id="h")
    assert article.id == "h"
    assert article.text in raw
