"""Looking into SPARQL text without parsing it: checks made before a query reaches pyoxigraph.

pyoxigraph's parser and optimiser recurse once per nesting level and per chained operator: a few
thousand nested braces or parentheses, or some 20,000 ``||``/``UNION``/``!`` in a row, overflow the
stack and end the process with a segmentation fault (nothing Python can catch). So ``kg sparql``
and ``kg serve`` refuse such queries first, with a one-line message (:func:`check_shape`).
"""

from __future__ import annotations

import re

from kg.errors import KgError

__all__ = ["MAX_CHAIN", "MAX_DEPTH", "QueryShapeError", "check_shape", "has_dataset_clause", "uses_service"]

MAX_DEPTH = 100  # nested { ( [ : pyoxigraph crashes near 2,500 (8 MB stack)
MAX_CHAIN = 2000  # chained operators: pyoxigraph crashes between 4,000 and 20,000


class QueryShapeError(KgError, ValueError):
    """A query nested or chained too deeply to run safely; the message says by how much."""


# Strings, IRIs and comments are blanked out before looking for keywords. An opening quote or
# '#' right after a backslash is part of a prefixed name (PN_LOCAL_ESC), not a string/comment.
_OPAQUE = re.compile(
    r'(?<!\\)(?:"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'|#[^\n\r]*)'
    r'|<[^<>"{}|^`\\\x00-\x20]*>',
    re.S,
)
_VARNAME_CHAR = (
    "A-Za-z0-9_\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d\u037f-\u1fff\u200c\u200d\u203f\u2040"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_SERVICE = re.compile(r"service", re.I)
_FROM = re.compile(rf"(?<![{_VARNAME_CHAR}?$:.\\-])from(?=[\s<])", re.I)
_IS_VARNAME_CHAR = re.compile(rf"[{_VARNAME_CHAR}]")
_OPENERS, _CLOSERS = "{([", "})]"
# what the parser and optimiser recurse on: boolean and path operators, negation, UNION/MINUS/OPTIONAL
_CHAINED = re.compile(r"\|\||&&|[|/^!]|\b(?:union|minus|optional)\b", re.I)


def _blank_opaque(query: str) -> str:
    return _OPAQUE.sub(lambda m: " " * len(m.group(0)), query)


def nesting_depth(query: str) -> int:
    """The deepest nesting of braces, parentheses and brackets outside strings, IRIs and comments.

    >>> nesting_depth('select * { ?s ?p ?o filter((?o > 1)) } # {{{{')
    3
    """
    depth = deepest = 0
    for char in _blank_opaque(query):
        if char in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSERS:
            depth -= 1
    return deepest


def check_shape(query: str, *, max_depth: int = MAX_DEPTH, max_chain: int = MAX_CHAIN) -> None:
    """Raise :class:`QueryShapeError` for a query nested or chained deeper than pyoxigraph can take.

    >>> check_shape('select * where { ?s ?p ?o }')
    >>> check_shape('select * where ' + '{' * 500 + '}' * 500)
    Traceback (most recent call last):
    ...
    kg.queries.querytext.QueryShapeError: the query nests braces/parentheses 500 deep (at most 100 here); flatten it
    """
    depth = nesting_depth(query)
    if depth > max_depth:
        raise QueryShapeError(f"the query nests braces/parentheses {depth} deep (at most {max_depth} here); flatten it")
    chain = len(_CHAINED.findall(_blank_opaque(query)))
    if chain > max_chain:
        raise QueryShapeError(
            f"the query chains {chain} operators (||, &&, |, /, !, UNION, MINUS, OPTIONAL; at most "
            f"{max_chain} here); split it into smaller queries or use VALUES"
        )


def uses_service(query: str) -> bool:
    """True when the query may contain a SERVICE clause (conservative: variables excepted,
    any other token containing "service" counts, so write such IRIs in full ``<...>``).

    >>> uses_service('select * { ?s ?p ?o . service <http://example.org/sparql> { ?s ?p ?o } }')
    True
    >>> uses_service('select ?service { ?service ?p "SERVICE" } # SERVICE')
    False
    >>> uses_service('select * { ?s ?p true' + 'SERVICE <http://x/> {} }')
    True
    """
    text = _blank_opaque(query)
    for m in _SERVICE.finditer(text):
        start = m.start()
        while start > 0 and _IS_VARNAME_CHAR.match(text[start - 1]):
            start -= 1
        if start == 0 or text[start - 1] not in "?$":
            return True
    return False


def has_dataset_clause(query: str) -> bool:
    """True when the query names its own dataset with FROM / FROM NAMED (outside any braces).

    >>> has_dataset_clause('select * from <http://x/g> where { ?s ?p ?o }')
    True
    >>> has_dataset_clause('prefix from: <http://x/> select * where { ?s from:p "FROM <x>" }')
    False
    """
    text = _blank_opaque(query)
    depth, last = 0, 0
    for m in _FROM.finditer(text):
        depth += text.count("{", last, m.start()) - text.count("}", last, m.start())
        last = m.start()
        if depth <= 0:
            return True
    return False
