"""Read articles: plain text or Markdown (optional front matter), JSON Lines corpora, folders of these.

The reader never invents metadata: an article without a date has ``date=None``.
Bad input is reported and skipped, never fatal for a batch: each problem becomes an
:class:`InputProblem` passed to ``on_problem`` (by default a warning), naming the file and line
(and, for bytes that are not UTF-8, the byte offset); the other lines of the file are read.
JSON is nested at most :data:`MAX_NESTING` levels; lone surrogates in strings ("\\ud800") become U+FFFD.

>>> a = parse_text_article("---\\ntitle: Talks\\ndate: 2022-02-16\\n---\\nBiden met Scholz.", article_id="x")
>>> a.title, a.date, a.text
('Talks', '2022-02-16', 'Biden met Scholz.')
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from datetime import datetime as _datetime
from pathlib import Path
from urllib.parse import quote

from kg.errors import InputError
from kg.graph.records import Article

__all__ = ["InputError", "InputProblem", "iter_articles", "parse_text_article", "read_articles"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# a date, or a date and time (the time is checked, then dropped: articles are dated by the day)
_ISO_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")
MAX_NESTING = 32  # JSON arrays and objects in one line (an article record needs 2)
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class InputProblem:
    """One skipped input: where, and why."""

    where: str  # file or file:line
    reason: str  # short category: unreadable, bad-json, missing-text, empty, duplicate-id, ...
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of_article(cls, article: Article, reason: str, message: str) -> InputProblem:
        """A problem with one article of a file: ``message`` follows its id ("article 'x' took more than ...")."""
        return cls(article.path or article.id, reason, f"article {article.id!r} {message}")


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
                report(
                    InputProblem(
                        article.path or article.id,
                        reason,
                        f"article id {article.id!r} seen before ({detail}); skipped. Give each article a unique id.",
                    )
                )
                continue
            seen[article.id] = article.content_hash
            yield article


def _articles_at(path: Path, report: Callable[[InputProblem], None]) -> Iterator[Article]:
    if not _utf8_name(path):
        report(
            InputProblem(
                shown_path(path),
                "bad-file-name",
                "the file name is not valid UTF-8; skipped. Rename the file (its name is shown with \\x escapes).",
            )
        )
        return
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


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of the name come back as lone surrogates
        return False
    return True


def shown_path(path: Path | str) -> str:
    """A path as text that can be printed, whatever bytes its name holds.

    >>> shown_path(Path(b"caf\\xe9.txt".decode("utf-8", "surrogateescape")))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _text_file_article(path: Path, report: Callable[[InputProblem], None]) -> Article | None:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        report(
            InputProblem(
                str(path), "unreadable", f"cannot read as UTF-8 text ({err}); skipped. Save the file as UTF-8."
            )
        )
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
    if not isinstance(value, str) or not _ISO_DATE_TIME.fullmatch(text):
        warnings.warn(
            f"{where}: date {text[:40]!r} is not YYYY-MM-DD (or an ISO date and time); the article is kept undated",
            stacklevel=4,
        )
        return None
    try:
        _datetime.fromisoformat(text.replace(",", ".") if len(text) > 10 else text)
        return _date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        warnings.warn(f"{where}: date {text!r} is not a real date or time; the article is kept undated", stacklevel=4)
        return None


def _jsonl_articles(path: Path, report: Callable[[InputProblem], None]) -> Iterator[Article]:
    """Each line of a JSON Lines file read on its own: a line that is not UTF-8, not JSON or not an
    article is reported with its number and skipped, and the next line is read."""
    try:
        handle = path.open("rb")
    except OSError as err:
        report(InputProblem(str(path), "unreadable", f"cannot open ({err.strerror or err}); skipped."))
        return
    found = 0
    with handle:
        offset = 0
        try:
            for lineno, raw in enumerate(handle, start=1):
                line = _decoded(raw, lineno, offset, f"{path}:{lineno}", report)
                offset += len(raw)
                if line is not None and line.strip():
                    found += 1
                    article = _jsonl_record(line, f"{path}:{lineno}", report)
                    if article is not None:
                        yield article
        except OSError as err:
            report(
                InputProblem(
                    f"{path}:{lineno}",
                    "unreadable",
                    f"cannot read on ({err.strerror or err}); the rest of the file is skipped.",
                )
            )
    if not found:
        report(InputProblem(str(path), "empty", "no records in the file; skipped."))


def _decoded(raw: bytes, lineno: int, offset: int, where: str, report: Callable[[InputProblem], None]) -> str | None:
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as err:
        report(
            InputProblem(
                where,
                "not-utf8",
                f"not UTF-8 at byte {offset + err.start} of the file (byte "
                f"{err.start + 1} of the line); line skipped. Re-encode the file as UTF-8.",
            )
        )
        return None


def _nesting(line: str) -> int:
    """How deep arrays and objects nest in a JSON line (brackets inside strings do not count)."""
    depth = deepest = 0
    for m in _BRACKET.finditer(_JSON_STRING.sub("", line)):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _jsonl_record(line: str, where: str, report: Callable[[InputProblem], None]) -> Article | None:
    if _nesting(line) > MAX_NESTING:
        report(
            InputProblem(
                where,
                "bad-json",
                f"JSON nested more than {MAX_NESTING} levels deep; line skipped. An article is one object of strings.",
            )
        )
        return None
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        report(
            InputProblem(
                where, "bad-json", f"not valid JSON ({getattr(err, 'msg', 'nested too deeply')}); line skipped."
            )
        )
        return None
    if not isinstance(rec, dict):
        report(InputProblem(where, "bad-json", "a line must be a JSON object; line skipped."))
        return None
    rec = {k: _clean(v) if isinstance(v, str) else v for k, v in rec.items()}
    text, article_id = rec.get("text"), rec.get("id")
    if not isinstance(text, str) or not text.strip():
        report(InputProblem(where, "missing-text", "the record has no 'text'; line skipped."))
        return None
    if isinstance(article_id, bool) or not isinstance(article_id, (str, int, type(None))):
        report(
            InputProblem(
                where, "bad-id", f"'id' is a JSON {_json_type(article_id)}, not a string or an integer; line skipped."
            )
        )
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
    (``source_candidates``, as some news corpora's records do)."""
    candidates = rec.get("source_candidates")
    if not isinstance(candidates, list) or not all(isinstance(c, str) and c for c in candidates) or not candidates:
        return None
    candidates = [_clean(c) for c in candidates]
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


def _clean(text: str) -> str:
    """``text`` with lone surrogates (which JSON allows as escapes, and UTF-8 cannot hold) as U+FFFD.

    >>> _clean("a\\ud800b") == "a\\ufffdb"
    True
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _json_type(value: object) -> str:
    return {bool: "boolean", float: "number", list: "array", dict: "object"}.get(type(value), type(value).__name__)


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") and not isinstance(value, (dict, list)) else None
