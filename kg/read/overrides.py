"""The override file: an analyst's corrections to entity resolution, applied as articles are extracted.

A CSV file (UTF-8; blank lines and lines starting with ``#`` are ignored; the first other line is
the header, ``action,surface,entity`` followed by any of ``type,article,note`` in that order)::

    action,surface,entity,type,article,note
    split,Kremlin,Russia,Organization,,"the presidential administration here, not the state"
    split,Petrenko,Olena Petrenko,,kyiv-0412,another Petrenko in this article
    merge,Olena Petrenco,Olena Petrenko,Person,,transliteration
    merge,Wagner mercenaries,Wagner Group,,,a gazetteer name

* ``action``: ``split`` (the surface form must not be resolved to that entity: it becomes its own node)
  or ``merge`` (the surface form is that entity).
* ``surface``: a mention's text, compared ignoring case, punctuation, a leading "the"/"a"/"an" and a
  trailing possessive ("the Kremlin's" is ``Kremlin``).
* ``entity``: for a split, the entity the surface form must not join (its name, a gazetteer name or
  alias, or a Wikidata id); empty splits it from whatever it would join. For a merge, the entity it is:
  a Wikidata id (``Q123``), a gazetteer name or alias, or the name of another node.
* ``type``: optional, the type of the resulting node (Person, Organization, NewsOutlet, Country,
  Place, Group); by default the type the mention had.
* ``article``: optional, the id of the one article the entry is for; empty means every article.
* ``note``: free text, kept for the reader.

Each article's extraction key covers the entries that concern it (its id, or a surface form found
in its text), so editing the file re-extracts exactly those articles on the next ``kg build``.

>>> o = parse_overrides("action,surface,entity\\nsplit,the Kremlin's,Russia\\n", "o.csv")
>>> o.find("Kremlin", "any-article").action, surface_key("The Kremlin’s")
('split', 'kremlin')
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.graph.records import ENTITY_TYPES, Article, content_id

__all__ = [
    "ENV_VAR",
    "HEADER",
    "Override",
    "OverrideError",
    "Overrides",
    "load_overrides",
    "parse_overrides",
    "surface_key",
]

ENV_VAR = "KG_OVERRIDES"
HEADER = ("action", "surface", "entity", "type", "article", "note")
ACTIONS = ("split", "merge")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_POSSESSIVE = re.compile(r"[’']s?$")
_DETERMINERS = ("the", "a", "an")


class OverrideError(KgError, ValueError):
    """The override file cannot be used; the message is ``FILE:LINE: what is wrong; the fix``."""

    def __init__(self, path: str, line: int, problem: str, fix: str):
        self.path, self.line = path, line
        super().__init__(f"{path}:{line}: {problem}; {fix}" if line else f"{path}: {problem}; {fix}")


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def surface_key(text: str) -> str:
    """How surface forms are compared: lower case, no punctuation, no leading determiner or possessive.

    >>> surface_key("the U.S."), surface_key("Zelenskyy's")
    ('u s', 'zelenskyy')
    """
    words = _norm(_POSSESSIVE.sub("", text.strip())).split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Override:
    """One line of the override file."""

    action: str
    surface: str
    entity: str = ""
    type: str = ""
    article: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        return surface_key(self.surface)

    @property
    def qid(self) -> str | None:
        return self.entity if _QID.match(self.entity) else None

    def names(self, target_names) -> bool:
        """Whether this entry's entity is among ``target_names`` (names, aliases, a Wikidata id); an empty
        entity names anything."""
        return not self.entity or surface_key(self.entity) in {surface_key(n) for n in target_names if n}

    def identity(self) -> tuple[str, ...]:
        """What the entry means, without its line number: moving a line re-extracts nothing."""
        return self.action, self.key, surface_key(self.entity) if not self.qid else self.qid, self.type, self.article


@dataclass(frozen=True)
class Overrides:
    """The entries of an override file, looked up by surface form (an article's own entry first)."""

    entries: tuple[Override, ...] = ()
    path: str | None = None
    _by_key: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self):
        for o in self.entries:
            self._by_key.setdefault(o.key, []).append(o)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, surface: str, article_id: str) -> Override | None:
        found = self._by_key.get(surface_key(surface), ())
        return next((o for o in found if o.article == article_id), None) or next(
            (o for o in found if not o.article), None
        )

    def concerning(self, article: Article) -> tuple[Override, ...]:
        """The entries that may change this article's extraction: its own, and those whose surface form
        occurs in its text (or title)."""
        if not self.entries:
            return ()
        text = f" {_norm(article.text)} {_norm(article.title or '')} "
        return tuple(o for o in self.entries if o.article == article.id or (not o.article and f" {o.key} " in text))

    def digest(self, article: Article) -> str:
        """A digest of the entries that concern ``article``; '' when none does."""
        entries = sorted(o.identity() for o in self.concerning(article))
        return content_id(*("\x1e".join(e) for e in entries), length=16) if entries else ""


def load_overrides(path: str | os.PathLike | None = None) -> Overrides:
    """The override file at ``path``, else at ``$KG_OVERRIDES``, else none."""
    path = path if path is not None else os.environ.get(ENV_VAR) or None
    if path is None:
        return Overrides()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise OverrideError(str(path), 0, "the file is not UTF-8 text", "save it as UTF-8") from err
    except OSError as err:
        raise OverrideError(
            str(path),
            0,
            f"cannot read the override file ({err.strerror})",
            f"check the path given to --overrides or ${ENV_VAR}",
        ) from err
    return parse_overrides(text, str(path))


def parse_overrides(text: str, path: str = "<overrides>") -> Overrides:
    """Parse the override file's text, checking every line (see the module docstring for the format)."""
    header: tuple[str, ...] | None = None
    entries: list[Override] = []
    seen: dict[tuple[str, str], int] = {}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line, path, lineno)
        if header is None:
            header = _header(fields, path, lineno)
            continue
        if len(fields) > len(header):
            raise OverrideError(
                path,
                lineno,
                f"{len(fields)} fields but the header has {len(header)}",
                'quote fields that contain commas with "..."',
            )
        entry = _entry(dict(zip(header, fields, strict=False)), path, lineno)
        where = (entry.key, entry.article)
        if where in seen:
            raise OverrideError(
                path,
                lineno,
                f"{entry.surface!r} is already overridden on line {seen[where]}",
                "keep one entry per surface form (and article)",
            )
        seen[where] = lineno
        entries.append(entry)
    if header is None:
        raise OverrideError(path, 1, "no header row", f"start the file with {','.join(HEADER)}")
    return Overrides(tuple(entries), path)


def _fields(line: str, path: str, lineno: int) -> list[str]:
    try:
        return [f.strip() for f in next(csv.reader([line], strict=True))]
    except csv.Error as err:
        raise OverrideError(
            path, lineno, f"not a valid CSV row ({err})", 'quote fields that contain commas with "..."'
        ) from err


def _header(fields: list[str], path: str, lineno: int) -> tuple[str, ...]:
    names = tuple(f.lower() for f in fields)
    if len(names) < 3 or names != HEADER[: len(names)]:
        raise OverrideError(
            path,
            lineno,
            f"the header is {','.join(fields)!r}",
            f"write {','.join(HEADER[:3])} and, if needed, {','.join(HEADER[3:])} in that order",
        )
    return names


def _entry(row: dict[str, str], path: str, lineno: int) -> Override:
    action, surface, entity = row.get("action", "").lower(), row.get("surface", ""), row.get("entity", "")
    etype, article = row.get("type", ""), row.get("article", "")
    if action not in ACTIONS:
        raise OverrideError(path, lineno, f"unknown action {action!r}", "use split or merge")
    if not surface_key(surface):
        raise OverrideError(path, lineno, "no surface form", "write the mention's text in the surface column")
    if action == "merge" and not entity:
        raise OverrideError(
            path,
            lineno,
            f"merge {surface!r} with what?",
            "write a Wikidata id (Q123), a gazetteer name or the name of the node to join",
        )
    if action == "merge" and surface_key(entity) == surface_key(surface):
        raise OverrideError(
            path, lineno, f"merges {surface!r} with itself", "write the other entity in the entity column"
        )
    if etype and etype not in ENTITY_TYPES:
        raise OverrideError(path, lineno, f"unknown type {etype!r}", f"use one of {', '.join(ENTITY_TYPES)}")
    return Override(action, surface, entity, etype, article, lineno)
