"""kg's own SPARQL, one file per query (``.rq``) or update (``.ru``) beside the module that runs it: one loader.

A module reads its query with ``sparql_file(__package__, "name.rq")`` (or ``__name__`` from a package's
``__init__``); values are bound when the query runs, never formatted into its text.

An update that writes data (``insert data``, ``delete data``: they take no bound values) or names the graph it
changes has *slots*: an IRI ``<urn:kg:slot:NAME>`` and a line ``#slot NAME`` (a comment, so the file parses
as it is). :func:`fill` puts a pyoxigraph ``NamedNode`` in an IRI slot and N-Triples lines written by
pyoxigraph's serialiser (escaped) in a line slot; nothing else goes in.

>>> import pyoxigraph as ox
>>> print(fill(sparql_file("kg.graph", "drop-graph.ru"), graph=ox.NamedNode("https://example.org/g")).splitlines()[-1])
DROP SILENT GRAPH <https://example.org/g>
"""

from __future__ import annotations

import functools
import re
from importlib import resources

__all__ = ["fill", "sparql_file"]

_IRI_SLOT = re.compile(r"<urn:kg:slot:([a-z-]+)>")
_LINE_SLOT = re.compile(r"^#slot ([a-z-]+)$", re.MULTILINE)


@functools.cache
def sparql_file(package: str, name: str) -> str:
    """The text of the query or update ``name`` (``.rq`` or ``.ru``) in ``package``, read once."""
    if not name.endswith((".rq", ".ru")):
        raise ValueError(f"{name}: kg's SPARQL files end in .rq (a query) or .ru (an update)")
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def fill(text: str, **values) -> str:
    """``text`` with each slot filled: an IRI slot by a pyoxigraph ``NamedNode``, a line slot by N-Triples text.

    A slot left empty, or a value of another kind, is a bug (``KeyError``, ``TypeError``).
    """
    import pyoxigraph as ox

    def iri(m: re.Match) -> str:
        value = values[m.group(1)]
        if not isinstance(value, ox.NamedNode):
            raise TypeError(f"slot {m.group(1)}: a pyoxigraph NamedNode, not {type(value).__name__}")
        return str(value)

    def lines(m: re.Match) -> str:
        value = values[m.group(1)]
        if not isinstance(value, str):
            raise TypeError(f"slot {m.group(1)}: N-Triples text, not {type(value).__name__}")
        return value

    return _LINE_SLOT.sub(lines, _IRI_SLOT.sub(iri, text))
