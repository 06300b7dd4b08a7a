"""Gold files, and the forms both sides of a comparison are read into (the rules: :mod:`kg.quality.evaluate`).

A gold folder holds ``<id>.gold.json`` files, each naming its text file in ``article.file``.
:func:`load_gold` reads and checks them (:func:`parse_gold`: names, evidence, types); a malformed file
is an :class:`EvalError` whose one line names the file, the place in it and the fix.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph.records import ENTITY_TYPES, EVENT_TYPES, MODALITIES, RELATION_TYPES, Article

__all__ = ["SPLITS", "EvalError", "GoldArticle", "in_split", "load_gold", "normalise", "parse_gold", "split_of"]

Span = tuple[int, int]
_GOLD_SUFFIX = ".gold.json"


class EvalError(KgError, ValueError):
    """A gold file or folder that cannot be scored; the one-line message names the file and the fix."""


# --------------------------------------------------------------------------- fixed halves

SPLITS = ("all", "tune", "check")


def split_of(doc_id: str) -> str:
    """The fixed half a document belongs to: ``tune`` when the SHA-1 of its id starts with an even byte (rules are
    written from the tune half; the check half shows whether they carry over)."""
    return "tune" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def in_split(doc_id: str, split: str) -> bool:
    """Whether a document is in ``split`` (one of :data:`SPLITS`; ``all`` holds every document).

    >>> in_split("any", "all"), in_split("any", split_of("any"))
    (True, True)
    """
    return split == "all" or split_of(doc_id) == split


def check_split(split: str) -> None:
    if split not in SPLITS:
        raise EvalError(f"--split {split}: unknown; give one of {', '.join(SPLITS)}")


# --------------------------------------------------------------------------- names


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")


def normalise(name: str) -> str:
    """The form names are compared in.

    >>> normalise("The head of NATO's Europe Command")
    'head of nato europe command'
    >>> normalise("  U.S.  officials ")
    'us officials'
    """
    s = _POSSESSIVE.sub("", name.lower())
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("P"))
    s = " ".join(s.split())
    return _LEADING_ARTICLE.sub("", s)


def name_keys(names: Iterable[object]) -> frozenset[str]:
    keys = (normalise(n) for n in names if isinstance(n, str))
    return frozenset(k for k in keys if k)


def wikidata_id(value: object) -> str | None:
    return (value.strip().upper() or None) if isinstance(value, str) else None


# --------------------------------------------------------------------------- parsed forms


@dataclass(frozen=True)
class Ent:
    """An entity of either side: ``key`` is the gold name or the predicted id."""

    key: str
    name: str
    type: str
    names: frozenset[str]
    wikidata: str | None = None
    optional: bool = False
    span: Span | None = None  # where it is first mentioned (predicted side)


@dataclass(frozen=True)
class Arg:
    role: str  # actor | recipient
    entity: Ent

    @property
    def optional(self) -> bool:
        return self.entity.optional


@dataclass(frozen=True)
class Evt:
    index: int
    types: tuple[str, ...]
    modalities: tuple[str, ...]
    trigger: str
    actors: tuple[Ent, ...]
    recipients: tuple[Ent, ...]
    sources: tuple[Ent, ...]
    quantity: Mapping[str, Any] | None
    time: Mapping[str, Any] | None
    evidence: str
    spans: tuple[Span, ...]
    optional: bool = False

    @property
    def position(self) -> tuple[float, int]:
        return (self.spans[0][0] if self.spans else float("inf"), self.index)


@dataclass(frozen=True)
class Rel:
    index: int
    type: str
    subject: Ent
    object: Ent
    evidence: str
    spans: tuple[Span, ...]
    optional: bool = False


@dataclass(frozen=True)
class Doc:
    entities: tuple[Ent, ...]
    events: tuple[Evt, ...]
    relations: tuple[Rel, ...]


def occurrences(text: str, needle: str) -> tuple[Span, ...]:
    """Every (possibly overlapping) place ``needle`` occurs in ``text``."""
    spans, at = [], text.find(needle)
    while needle and at >= 0:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return tuple(spans)


def as_tuple(value: object) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def text_of(value: object) -> str:
    if isinstance(value, Mapping):
        return str(value.get("text") or "")
    return value if isinstance(value, str) else ""


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_range(value: object) -> tuple[date, date] | None:
    """The days ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` covers, or None when unreadable."""
    m = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        return None
    year = int(m[1])
    month, day = (int(g) if g else None for g in m.groups()[1:])
    try:
        if month is not None and day is not None:
            return date(year, month, day), date(year, month, day)
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


# --------------------------------------------------------------------------- gold parsing


def _fail(where: str, location: str, problem: str, fix: str) -> EvalError:
    return EvalError(f"{where}: {location} {problem}; {fix}")


def _gold_spans(evidence: object, text: str, where: str, loc: str) -> tuple[str, tuple[Span, ...]]:
    """Gold evidence as (text, spans): a plain string is looked up, a span is checked."""
    if isinstance(evidence, Mapping) and isinstance(evidence.get("start"), int):
        start, end, quoted = evidence["start"], evidence.get("end"), evidence.get("text")
        if not isinstance(end, int) or not 0 <= start < end <= len(text):
            raise _fail(
                where,
                f"{loc}.evidence",
                f"has bad offsets {start}..{end}",
                "give 0 <= start < end <= len(text) or give the evidence as a plain string",
            )
        if quoted is not None and text[start:end] != quoted:
            raise _fail(
                where,
                f"{loc}.evidence",
                f"offsets {start}..{end} give {text[start:end]!r}, not {quoted!r}",
                "fix the offsets or give the evidence as a plain string",
            )
        return text[start:end], ((start, end),)
    quoted = text_of(evidence)
    if not quoted:
        raise _fail(where, f"{loc}.evidence", "is missing or empty", "quote the supporting text exactly")
    spans = occurrences(text, quoted)
    if not spans:
        raise _fail(
            where,
            f"{loc}.evidence",
            f"{quoted[:80]!r} does not occur in the article text",
            "copy it exactly from the text file (same quotes, apostrophes and spacing)",
        )
    return quoted, spans


def _choices(value: object, allowed: Sequence[str], where: str, loc: str) -> tuple[str, ...]:
    """A gold field that may be one value or a list of values, each from ``allowed``."""
    values = as_tuple(value)
    if not values or any(v not in allowed for v in values):
        raise _fail(where, loc, f"is {value!r}", f"use one of {', '.join(allowed)} (or a non-empty list of them)")
    return values


def _gold_entity(e: object, i: int, where: str) -> Ent:
    loc = f"entities[{i}]"
    if not isinstance(e, Mapping) or not isinstance(e.get("name"), str) or not e["name"].strip():
        raise _fail(where, loc, "has no name", 'give each entity a non-empty "name"')
    if e.get("type") not in ENTITY_TYPES:
        raise _fail(where, f"{loc}.type", f"is {e.get('type')!r}", f"use one of {', '.join(ENTITY_TYPES)}")
    aliases = e.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _fail(where, f"{loc}.aliases", "is not a list of strings", "write aliases as a list of strings")
    name = e["name"]
    return Ent(
        name,
        name,
        e["type"],
        name_keys([name, *aliases]),
        wikidata_id(e.get("wikidata")),
        bool(e.get("optional")),
    )


class _GoldRefs:
    """Looks gold entity names up, failing with the place of a dangling reference."""

    def __init__(self, entities: Sequence[Ent], where: str) -> None:
        self.by_name = {e.key: e for e in entities}
        self.where = where

    def one(self, name: object, loc: str) -> Ent:
        if not isinstance(name, str) or name not in self.by_name:
            raise _fail(
                self.where,
                loc,
                f"names {name!r}, which is not the name of any gold entity",
                "use an entity's exact name (not an alias) or add the entity",
            )
        return self.by_name[name]

    def many(self, names: object, loc: str) -> tuple[Ent, ...]:
        if names is not None and not isinstance(names, list):
            raise _fail(self.where, loc, "is not a list", "write it as a list of entity names")
        return tuple(dict.fromkeys(self.one(n, loc) for n in names or ()))


def _check_quantity(q: object, where: str, loc: str) -> Mapping[str, Any] | None:
    if q is None:
        return None
    value = q.get("value") if isinstance(q, Mapping) else None
    if not isinstance(q, Mapping) or isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(where, f"{loc}.quantity", f"is {q!r}", 'give null or {"value": <number>, "unit": ...}')
    return q


def _check_time(t: object, where: str, loc: str) -> Mapping[str, Any] | None:
    if t is None:
        return None
    if not isinstance(t, Mapping):
        raise _fail(where, f"{loc}.time", f"is {t!r}", 'give null or {"text": ..., "start": ..., "end": ...}')
    for key in ("start", "end"):
        value = t.get(key)
        if value is not None and day_range(value) is None:
            raise _fail(where, f"{loc}.time.{key}", f"is {value!r}", "use YYYY, YYYY-MM, YYYY-MM-DD or null")
    return t


def _gold_event(e: object, i: int, text: str, refs: _GoldRefs) -> Evt:
    where, loc = refs.where, f"events[{i}]"
    if not isinstance(e, Mapping):
        raise _fail(where, loc, "is not an object", "write each event as a JSON object")
    evidence, spans = _gold_spans(e.get("evidence"), text, where, loc)
    refs.many(e.get("locations"), f"{loc}.locations")  # checked, not scored
    return Evt(
        index=i,
        types=_choices(e.get("type"), EVENT_TYPES, where, f"{loc}.type"),
        modalities=_choices(e.get("modality"), MODALITIES, where, f"{loc}.modality"),
        trigger=text_of(e.get("trigger")),
        actors=refs.many(e.get("actors"), f"{loc}.actors"),
        recipients=refs.many(e.get("recipients"), f"{loc}.recipients"),
        sources=refs.many(e.get("sources"), f"{loc}.sources"),
        quantity=_check_quantity(e.get("quantity"), where, loc),
        time=_check_time(e.get("time"), where, loc),
        evidence=evidence,
        spans=spans,
        optional=bool(e.get("optional")),
    )


def _gold_relation(r: object, i: int, text: str, refs: _GoldRefs) -> Rel:
    where, loc = refs.where, f"relations[{i}]"
    if not isinstance(r, Mapping):
        raise _fail(where, loc, "is not an object", "write each relation as a JSON object")
    if r.get("type") not in RELATION_TYPES:
        raise _fail(where, f"{loc}.type", f"is {r.get('type')!r}", f"use one of {', '.join(RELATION_TYPES)}")
    evidence, spans = ("", ()) if r.get("evidence") is None else _gold_spans(r["evidence"], text, where, loc)
    refs.many(r.get("sources"), f"{loc}.sources")
    subject, obj = refs.one(r.get("subject"), f"{loc}.subject"), refs.one(r.get("object"), f"{loc}.object")
    return Rel(i, r["type"], subject, obj, evidence, spans, bool(r.get("optional")))


def _gold_list(gold: Mapping[str, Any], key: str, where: str) -> list:
    items = gold.get(key) or []
    if not isinstance(items, list):
        raise _fail(where, key, "is not a list", f'write "{key}" as a JSON list')
    return items


def parse_gold(gold: object, text: str, where: str) -> Doc:
    """Check a gold record and resolve its names and evidence; raises :class:`EvalError`."""
    if not isinstance(gold, Mapping):
        raise _fail(where, "the file", "is not a JSON object", "write the gold record as one JSON object")
    article = gold.get("article")
    if not isinstance(article, Mapping) or not isinstance(article.get("id"), str) or not article["id"]:
        raise _fail(where, "article.id", "is missing", 'give "article": {"id": ..., "file": ...}')
    entities = tuple(_gold_entity(e, i, where) for i, e in enumerate(_gold_list(gold, "entities", where)))
    seen: set[str] = set()
    for i, e in enumerate(entities):
        if e.key in seen:
            raise _fail(where, f"entities[{i}].name", f"{e.key!r} is used twice", "merge the two or rename one")
        seen.add(e.key)
    refs = _GoldRefs(entities, where)
    events = tuple(_gold_event(e, i, text, refs) for i, e in enumerate(_gold_list(gold, "events", where)))
    relations = _gold_list(gold, "relations", where)
    return Doc(entities, events, tuple(_gold_relation(r, i, text, refs) for i, r in enumerate(relations)))


def gold_where(gold: object) -> str:
    article = gold.get("article") if isinstance(gold, Mapping) else None
    if isinstance(article, Mapping):
        return str(article.get("file") or article.get("id") or "gold")
    return "gold"


# --------------------------------------------------------------------------- gold files


@dataclass(frozen=True)
class GoldArticle:
    """One gold record with its article (text read exactly from ``article.file``) and where it came from."""

    gold: dict
    article: Article
    path: Path | None = None

    @classmethod
    def of(
        cls, gold: dict, text: str, path: str | Path | None = None, text_path: str | Path | None = None
    ) -> GoldArticle:
        """Build from a gold record and its text (checks nothing; :func:`score` does)."""
        a = gold.get("article") or {}
        article = Article(
            str(a.get("id")),
            text,
            a.get("title"),
            a.get("date"),
            a.get("source"),
            a.get("url"),
            str(text_path) if text_path is not None else None,
        )
        return cls(gold, article, Path(path) if path is not None else None)


def _read_gold_file(path: Path) -> GoldArticle:
    try:
        gold = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        raise EvalError(f"{path}: is not UTF-8 ({e.reason} at byte {e.start}); save it as UTF-8") from e
    except json.JSONDecodeError as e:
        raise EvalError(
            f"{path}: is not valid JSON ({e.msg} at line {e.lineno} column {e.colno}); fix the syntax"
        ) from e
    article = gold.get("article") if isinstance(gold, dict) else None
    if not isinstance(article, dict) or not isinstance(article.get("file"), str) or not article["file"]:
        raise _fail(str(path), "article.file", "is missing", 'name the text file, e.g. "file": "<id>.txt"')
    stem = path.name[: -len(_GOLD_SUFFIX)]
    if article.get("id") != stem:
        raise _fail(
            str(path),
            "article.id",
            f"is {article.get('id')!r} but the file is named for {stem!r}",
            f"make article.id and the file name ({stem}{_GOLD_SUFFIX}) agree",
        )
    text_path = path.parent / article["file"]
    try:
        text = text_path.read_bytes().decode("utf-8")
    except FileNotFoundError as e:
        raise _fail(
            str(path),
            "article.file",
            f"names {text_path}, which does not exist",
            "put the text file beside the gold file or fix the name",
        ) from e
    except UnicodeDecodeError as e:
        raise _fail(str(path), "article.file", f"{text_path} is not UTF-8", "save the text file as UTF-8") from e
    parse_gold(gold, text, str(path))
    return GoldArticle.of(gold, text, path, text_path)


def load_gold(gold_dir: str | Path) -> list[GoldArticle]:
    """Read and check every ``<id>.gold.json`` in ``gold_dir``, sorted by article id.

    Raises :class:`EvalError` (one line naming the file and the fix) for a malformed gold file,
    a missing text file, gold evidence that is not in the text, or a folder with no gold files.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise EvalError(f"{folder}: is not a folder; pass the folder that holds the <id>{_GOLD_SUFFIX} files")
    files = sorted(folder.glob(f"*{_GOLD_SUFFIX}"))
    if not files:
        raise EvalError(f"{folder}: holds no *{_GOLD_SUFFIX} files; pass the folder that holds the gold files")
    return sorted((_read_gold_file(f) for f in files), key=lambda g: g.article.id)
