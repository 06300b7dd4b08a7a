"""kg: conflict news -> a knowledge graph an analyst can trust.

The pipeline reads left to right: :func:`read_articles` -> :func:`extract` (spaCy + kg's
rules, giving :class:`Record` objects) -> :func:`record_dataset` (RDF) -> :class:`Store`
(pyoxigraph on disk) -> :func:`run_query` / :func:`sparql` -> views. :func:`build` runs
it all; :class:`KnowledgeGraph` wraps a store for notebooks.
"""

import importlib

# Names are imported on first use, so `kg query` or `kg serve` do not pay for loading spaCy.
_EXPORTS = {
    "Article": "kg.graph.records",
    "Record": "kg.graph.records",
    "KnowledgeGraph": "kg.api",
    "run_query": "kg.api",
    "sparql": "kg.api",
    "write_network": "kg.api",
    "write_timeline": "kg.api",
    "read_articles": "kg.read.articles",
    "extract": "kg.extract",
    "extract_many": "kg.extract",
    "build": "kg.pipeline",
    "record_dataset": "kg.graph.rdf",
    "Store": "kg.graph.store",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def load_ipython_extension(ipython) -> None:
    """``%load_ext kg``: the ``%%sparql`` cell magic (:mod:`kg.interfaces.jupyter`)."""
    from kg.interfaces.jupyter import load_ipython_extension as load

    load(ipython)


__version__ = "0.2.0"

__all__ = [
    "Article",
    "KnowledgeGraph",
    "Record",
    "Store",
    "build",
    "extract",
    "extract_many",
    "read_articles",
    "record_dataset",
    "run_query",
    "sparql",
    "write_network",
    "write_timeline",
]
