"""Named SPARQL queries, one ``.rq`` file each, with a comment header.

Header lines: ``# name:``, ``# description:``, ``# param: NAME (optional|required) what``, and
``# list: COLUMN "SEPARATOR"`` for a column that joins several values into one string (a DataFrame
gives it as a list; :mod:`kg.analysis.frames`).
Parameters are bound as RDF terms when the query runs (never formatted into its text).

>>> sorted(q.name for q in named_queries())[:3]
['actors', 'between', 'claims-by-source']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from kg.errors import KgError
from kg.queries.files import sparql_file

__all__ = ["NamedQuery", "ParameterError", "QueryNotFound", "get_query", "inline_values", "named_queries"]

_HEADER = re.compile(r"^#\s*(name|description|param|list):\s*(.*)$")
_LIST = re.compile(r'^(\w+)\s+"([^"]+)"$')
_PAGE_HERE = re.compile(r"^[ \t]*#page[ \t]*$", re.MULTILINE)
_COVER_HERE = re.compile(r"^[ \t]*#cover[ \t]*$", re.MULTILINE)
_OWN_LIMIT = re.compile(r"\n\s*LIMIT\s+(\d+)\s*$", re.IGNORECASE)
_PARAM = re.compile(r"^(\w+)\s*\((optional|required)\)\s*(.*)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_QUERY_FORM = re.compile(r"\bselect\b", re.IGNORECASE)
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"<[^\s<>\"{}|^`\\]*>")
_QUOTED = re.compile(r'"([^"]+)"')


class QueryNotFound(KgError, KeyError):
    def __str__(self) -> str:
        return self.args[0]


class ParameterError(KgError, ValueError):
    """A named query asked for with a parameter it does not take, without one it needs, or with a page that is
    not a whole number (a ``ValueError`` too, as it was before it joined the user errors)."""


@dataclass(frozen=True)
class Param:
    name: str
    required: bool
    description: str

    @property
    def choices(self) -> tuple[str, ...]:
        """The values the description lists in double quotes, if it lists several: the only ones that match.

        >>> [p.choices for p in get_query("plan-status").params]
        [('planned', 'carried out', 'abandoned')]
        """
        quoted = tuple(_QUOTED.findall(self.description))
        return quoted if len(quoted) > 1 else ()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    lists: tuple[tuple[str, str], ...] = ()  # (column, separator) of the columns that join several values

    def page(self, limit: int | None = None, offset: int = 0) -> str:
        """The query text with a page of results asked for (numbers only, checked; never other text).

        >>> get_query("sources-of").page(10, 20).splitlines()[-1]
        'LIMIT 10 OFFSET 20'
        >>> "LIMIT 10 OFFSET 20" in get_query("actors").page(10, 20).splitlines()  # where the query says: #page
        True
        """
        if limit is None and not offset:
            return self.sparql
        for what, n in (("limit", limit), ("offset", offset)):
            if n is not None and (not isinstance(n, int) or isinstance(n, bool) or n < 0):
                raise ParameterError(f"--{what} {n!r}: give a whole number, 0 or more")
        page = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
        if limit is not None and _COVER_HERE.search(self.sparql):
            # the query says where enough rows to cover a page are chosen (each gives one row or more):
            # the first offset + limit of them; the page itself is cut at the end
            return f"{_COVER_HERE.sub(f'LIMIT {offset + limit}', self.sparql, count=1).rstrip()}\n{page.strip()}"
        if _PAGE_HERE.search(self.sparql):  # the query says where a page is cut (e.g. inside a subquery)
            return _PAGE_HERE.sub(page.strip(), self.sparql, count=1)
        text, own = self.sparql.rstrip(), _OWN_LIMIT.search(self.sparql.rstrip())
        if own:  # the query caps its rows itself: a page stays within the cap
            text, cap = text[: own.start()], int(own.group(1))
            limit = max(cap - offset, 0) if limit is None else min(limit, max(cap - offset, 0))
        page = (f"LIMIT {limit}" if limit is not None else "") + (f" OFFSET {offset}" if offset else "")
        return f"{text}\n{page.strip()}"

    def check(self, bindings: dict) -> None:
        """Raise :class:`ParameterError` naming the parameters ``self`` takes if ``bindings`` has another, or lacks
        a required one.

        >>> get_query("ego").check({"entiy": "Russia"})
        Traceback (most recent call last):
        kg.queries.ParameterError: query 'ego' has no parameter 'entiy'; its parameters: entity (required)
        """
        unknown = sorted(set(bindings) - {p.name for p in self.params})
        if unknown:
            raise ParameterError(
                f"query {self.name!r} has no parameter {unknown[0]!r}; its parameters: {self._parameters()}"
            )
        missing = [p.name for p in self.params if p.required and p.name not in bindings]
        if missing:
            raise ParameterError(
                f"query {self.name!r} needs --param {missing[0]}=VALUE; its parameters: {self._parameters()}"
            )

    def _parameters(self) -> str:
        return ", ".join(f"{p.name} ({'required' if p.required else 'optional'})" for p in self.params) or "none"


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Param] = []
    lists: list[tuple[str, str]] = []
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            p = _PARAM.match(value.strip())
            if p:
                params.append(Param(p.group(1), p.group(2) == "required", p.group(3)))
        elif key == "list":
            listed = _LIST.match(value.strip())
            if listed:
                lists.append((listed[1], listed[2]))
        else:
            meta[key] = value.strip()
    return NamedQuery(meta.get("name", name), meta.get("description", ""), tuple(params), text, tuple(lists))


@functools.lru_cache(maxsize=1)
def named_queries() -> tuple[NamedQuery, ...]:
    names = sorted(f.name for f in resources.files(__name__).iterdir() if f.name.endswith(".rq"))
    return tuple(_parse(name[:-3], sparql_file(__name__, name)) for name in names)


def get_query(name: str) -> NamedQuery:
    for q in named_queries():
        if q.name == name:
            return q
    choices = ", ".join(q.name for q in named_queries())
    raise QueryNotFound(f"no named query {name!r}; choose one of: {choices}")


def inline_values(sparql: str, bindings: Mapping[str, object]) -> str:
    """The query with ``bindings`` written into it as a one-row ``VALUES`` block at the start of every
    ``WHERE`` group (the outer query's and each subquery's), for a server that takes no bindings
    beside the text (a SPARQL 1.1 Protocol endpoint). Each group sees the values as the local store's
    bindings do, so a subquery that pages or ranks is cut after the values apply; a trailing VALUES
    block would join only the outer query's results (and Virtuoso 7 mis-joins it with a subquery's
    variables). Terms are written by pyoxigraph's serialiser, escaped; names must be SPARQL variable
    names; blank nodes cannot be bound (VALUES takes none).

    >>> from rdflib import Literal, URIRef
    >>> print(inline_values("select ?x where { ?x ?p ?o }", {"o": Literal('say "hi"')}))
    select ?x where {
      VALUES (?o) { ("say \\"hi\\"") } ?x ?p ?o }
    """
    from rdflib import BNode

    from kg.graph.store import to_ox

    if not bindings:
        return sparql
    for name, value in bindings.items():
        if not _VARIABLE.match(name):
            raise ParameterError(f"{name!r} is not a SPARQL variable name (letters, digits, _)")
        if isinstance(value, BNode):
            raise ParameterError(f"?{name}: a blank node cannot be bound; give an IRI or a literal")
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(to_ox(v)) for v in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}"
    out, selects, wheres = [], 0, 0
    for line in sparql.split("\n"):
        for is_code, text in _segments(line):
            if is_code:
                selects += len(_QUERY_FORM.findall(text))
                wheres += len(_WHERE.findall(text))
                text = _WHERE.sub(lambda m: m.group(0) + block, text)
            out.append(text)
        out.append("\n")
    if selects != wheres or not wheres:
        raise ParameterError(
            "cannot bind values into this query: write WHERE before each group pattern of a select query"
        )
    return "".join(out[:-1])


def _segments(line: str) -> list[tuple[bool, str]]:
    """One line of SPARQL cut into (is_code, text): strings, IRIs and the comment are not code.

    >>> _segments('?s <http://x/#a> "WHERE {" # c')
    [(True, '?s '), (False, '<http://x/#a>'), (True, ' '), (False, '"WHERE {"'), (True, ' '), (False, '# c')]
    """
    out, start, i = [], 0, 0

    def cut(end: int, is_code: bool) -> None:
        nonlocal start
        if end > start:
            out.append((is_code, line[start:end]))
        start = end

    while i < len(line):
        c = line[i]
        if c in "\"'":
            cut(i, True)
            i += 1
            while i < len(line) and line[i] != c:
                i += 2 if line[i] == "\\" else 1
            cut(min(i + 1, len(line)), False)
        elif c == "<" and (iri := _IRI.match(line, i)):
            cut(i, True)
            i = iri.end() - 1
            cut(i + 1, False)
        elif c == "#":
            cut(i, True)
            cut(len(line), False)
            break
        i += 1
    cut(len(line), True)
    return out
