"""kg: conflict news -> a knowledge graph an analyst can trust.

The pipeline reads left to right: :func:`read_articles` -> :func:`extract` (spaCy + kg's
rules, giving :class:`Record` objects) -> :func:`record_dataset` (RDF) -> :class:`Store`
(pyoxigraph on disk) -> :func:`run_query` / :func:`sparql` -> views. :func:`build` runs
it all; :class:`KnowledgeGraph` wraps a store for notebooks.
"""

from kg.api import KnowledgeGraph, run_query, sparql, write_network, write_timeline
from kg.articles import read_articles
from kg.extract import extract, extract_many
from kg.pipeline import build
from kg.rdf import record_dataset
from kg.records import Article, Record
from kg.store import Store

__version__ = "0.1.0"

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
