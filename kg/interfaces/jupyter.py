"""kg in Jupyter: ``%load_ext kg`` gives the ``%%sparql`` cell magic (views inline: :mod:`kg.views.notebook`).

A cell::

    %%sparql
    PREFIX kg: <https://w3id.org/kgct/ontology#>
    select ?event ?type where { ?event kg:eventType ?type } limit 5

runs on the store named by ``--store`` (a folder, or the name of a ``KnowledgeGraph`` or ``Store`` variable in
the notebook), else ``$KG_STORE``, else ``./kg-store``, and returns the rows as a DataFrame (``kg.analysis.frames``).
``--endpoint URL`` runs it on a SPARQL server instead; ``--out NAME`` also keeps the DataFrame in ``NAME``.
"""

from __future__ import annotations

import argparse
import os
import shlex

from kg.errors import UsageError

__all__ = ["load_ipython_extension", "sparql_magic"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="%%sparql", add_help=False, exit_on_error=False)
    p.add_argument("--store", "-s", default=None)
    p.add_argument("--endpoint", default=None)
    p.add_argument("--out", "-o", default=None)
    return p


def _store(name: str | None, namespace: dict):
    """The store a cell runs on: a notebook variable holding a KnowledgeGraph or Store, or a folder."""
    from kg.api import KnowledgeGraph
    from kg.graph.store import DEFAULT_STORE, Store

    value = namespace.get(name) if name else None
    if isinstance(value, KnowledgeGraph):
        return value.store
    if isinstance(value, Store):
        return value
    return name or os.environ.get("KG_STORE") or DEFAULT_STORE


def sparql_magic(line: str, cell: str, namespace: dict):
    """Run the cell's query (see the module docstring) and return its rows as a DataFrame."""
    from kg.api import sparql

    try:
        args, extra = _parser().parse_known_args(shlex.split(line))
    except (argparse.ArgumentError, ValueError, SystemExit) as err:
        extra = [str(err)]
    if extra:
        raise UsageError(
            f"%%sparql {line}: cannot read {extra[0]!r}; options: --store DIR|VARIABLE, --endpoint URL, --out NAME"
        )
    result = sparql(cell, store=_store(args.store, namespace), endpoint=args.endpoint)
    frame = result.to_dataframe() if hasattr(result, "to_dataframe") else result
    if args.out:
        namespace[args.out] = frame
    return frame


def load_ipython_extension(ipython) -> None:
    """Register ``%%sparql`` (``%load_ext kg``)."""

    def sparql(line: str, cell: str):
        return sparql_magic(line, cell, ipython.user_ns)

    sparql.__doc__ = __doc__
    ipython.register_magic_function(sparql, magic_kind="cell", magic_name="sparql")
