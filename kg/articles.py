"""Read articles: plain text or Markdown (optional front matter), JSON Lines corpora, folders of these.

The reader never invents metadata: an article without a date has ``date=None``.
Bad input is reported and skipped, never fatal for a batch: each problem becomes an
:class:`InputProblem` passed to ``on_problem`` (by default a warning).

>>> a = parse_text_article("---\\ntitle: Talks\\ndate: 2022-02-16\\n---\\nBiden met Scholz.", article_id="x")
>>> a.title, a.date, a.text
('Talks', '2022-02-16', 'Biden met Scholz.')
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from urllib.parse import quote

from kg.errors import InputError
from kg.records import Article

__all__ = ["InputError", "InputProblem", "iter_articles", "parse_text_article", "read_articles"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class InputProblem:
    """One skipped input: where, and why."""

    where: str  # file or file:line
    reason: str  # short category: unreadable, bad-json, missing-text, empty, duplicate-id, ...
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _warn(problem: InputProblem) -> None:
    warnings.warn(str(problem), stacklevel=3)


def read_articles(
    paths: Iterable[str | Path], *, on_problem: Callable[[InputProblem], None] | None = None
) -> list[Article]:
    """All articles under ``paths`` (files or folders, read recursively), in input order."""
    return list(iter_articles(paths, on_problem=on_problem))


def iter_articles(
    paths: Iterable[str | Path], *, on_problem: Callable[[InputProblem], None] | None = None
) -> Iterator[Article]:
    """Stream articles one at a time; a later duplicate id is reported and skipped."""
    report = on_problem or _warn
    seen: dict[str, str] = {}
    for path in paths:
        for article in _articles_at(Path(path), report):
            if article.id in seen:
                same = seen[article.id] == article.content_hash
                reason = "duplicate" if same else "duplicate-id"
                detail = "same article again" if same else "a different text with the same id"
                report(InputProblem(article.path or article.id, reason,
                                    f"article id {article.id!r} seen before ({detail}); skipped. "
                                    "Give each article a unique id."))  # fmt: skip
                continue
            seen[article.id] = article.content_hash
            yield article


def _articles_at(path: Path, report: Callable[[InputProblem], None]) -> Iterator[Article]:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path (kg reads .txt, .md and .jsonl)")
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
            if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                yield from _articles_at(child, report)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(path, report)
    elif suffix in TEXT_SUFFIXES or not suffix:
        article = _text_file_article(path, report)
        if article is not None:
            yield article
    else:
        raise InputError(f"{path}: kg cannot read {suffix!r} files; give .txt, .md or .jsonl files")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _text_file_article(path: Path, report: Callable[[InputProblem], None]) -> Article | None:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        report(InputProblem(str(path), "unreadable", f"cannot read as UTF-8 text ({err}); skipped. "
                            "Save the file as UTF-8."))  # fmt: skip
        return None
    article = parse_text_article(raw, article_id=path.stem, path=str(path))
    if not article.text.strip():
        report(InputProblem(str(path), "empty", "the article has no text; skipped."))
        return None
    return article


def parse_text_article(raw: str, *, article_id: str, path: str | None = None) -> Article:
    """An article from a text/Markdown file's content; front matter gives title, date, source, url, id."""
    meta: dict[str, str] = {}
    body = raw
    match = _FRONT_MATTER.match(raw)
    if match:
        meta = _parse_front_matter(match.group(1))
        body = raw[match.end() :]
    title = meta.get("title") or _headline(body)
    return Article(
        id=meta.get("id") or article_id,
        text=body,
        title=title,
        date=_clean_date(meta.get("date"), where=path or article_id),
        source=meta.get("source") or None,
        url=meta.get("url") or meta.get("source_url") or None,
        path=path,
    )


def _parse_front_matter(block: str) -> dict[str, str]:
    meta = {}
    for line in block.splitlines():
        m = _KEY_VALUE.match(line.strip())
        if m:
            meta[m.group(1).lower()] = m.group(2).strip().strip("'\"")
    return meta


def _headline(body: str) -> str | None:
    """The first line as a title when it reads as a headline: short, alone, no closing full stop."""
    first, sep, _ = body.lstrip("\ufeff").partition("\n")
    first = first.strip().lstrip("#").strip()
    if sep and first and len(first) <= 200 and not first.endswith((".", ":", '"', "”")):
        return first
    return None


def _clean_date(value: object, *, where: str) -> str | None:
    if value in (None, "", "null"):
        return None
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        warnings.warn(f"{where}: date {text!r} is not YYYY-MM-DD; the article is kept undated", stacklevel=4)
        return None
    try:
        return _date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        warnings.warn(f"{where}: date {text!r} is not a real date; the article is kept undated", stacklevel=4)
        return None


def _jsonl_articles(path: Path, report: Callable[[InputProblem], None]) -> Iterator[Article]:
    try:
        handle = path.open(encoding="utf-8-sig", errors="strict")
    except OSError as err:
        report(InputProblem(str(path), "unreadable", f"cannot open ({err}); skipped."))
        return
    with handle:
        for lineno, line in enumerate(_lines(handle, path, report), start=1):
            if line.strip():
                article = _jsonl_record(line, f"{path}:{lineno}", report)
                if article is not None:
                    yield article


def _lines(handle, path: Path, report: Callable[[InputProblem], None]) -> Iterator[str]:
    try:
        yield from handle
    except UnicodeDecodeError as err:
        report(InputProblem(str(path), "unreadable", f"not UTF-8 from byte {err.start}; the rest is skipped. "
                            "Re-encode the file as UTF-8."))  # fmt: skip


def _jsonl_record(line: str, where: str, report: Callable[[InputProblem], None]) -> Article | None:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        report(InputProblem(where, "bad-json", f"not valid JSON ({err.msg}); line skipped."))
        return None
    if not isinstance(rec, dict):
        report(InputProblem(where, "bad-json", "a line must be a JSON object; line skipped."))
        return None
    text, article_id = rec.get("text"), rec.get("id")
    if not isinstance(text, str) or not text.strip():
        report(InputProblem(where, "missing-text", "the record has no 'text'; line skipped."))
        return None
    if article_id in (None, ""):
        article_id = Article("", text).content_hash[:12]
    return Article(
        id=str(article_id),
        text=text,
        title=_str_or_none(rec.get("title")),
        date=_clean_date(rec.get("date"), where=where),
        source=_str_or_none(rec.get("source")) or _outlet_candidates(rec),
        url=_str_or_none(rec.get("url")) or _origin_url(rec),
        path=where,
    )


def _outlet_candidates(rec: dict) -> str | None:
    """'one of bbc.co.uk, theguardian.com' when a record names only the outlets it may come from
    (``source_candidates``, as the shared corpus's news records do)."""
    candidates = rec.get("source_candidates")
    if not isinstance(candidates, list) or not all(isinstance(c, str) and c for c in candidates) or not candidates:
        return None
    return candidates[0] if len(candidates) == 1 else "one of " + ", ".join(candidates)


_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_COMMIT = re.compile(r"[0-9a-f]{40}")


def _origin_url(rec: dict) -> str | None:
    """Where a record's text was taken from, when it names a GitHub repository, commit and path
    (``collection``, ``origin_commit``, ``origin_path``) and no URL of its own."""
    repo, commit, path = rec.get("collection"), rec.get("origin_commit"), rec.get("origin_path")
    if not (isinstance(repo, str) and isinstance(commit, str) and isinstance(path, str)):
        return None
    if not (_REPO.fullmatch(repo) and _COMMIT.fullmatch(commit)) or path.startswith("/") or ".." in path.split("/"):
        return None
    return f"https://github.com/{repo}/blob/{commit}/{quote(path)}"


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
