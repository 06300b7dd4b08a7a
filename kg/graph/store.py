"""The persistent graph store: pyoxigraph on disk, one named graph per article.

Ingest is per article and atomic (the article's old graph is dropped and the new one
inserted in one SPARQL update, so a crash leaves either version, never half of one),
incremental (an article whose content hash is already stored is skipped) and
idempotent. Query results come back as rdflib terms, so callers keep using rdflib.
"""

from __future__ import annotations

import errno
import functools
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.errors import KgError
from kg.graph.namespace import KG, ONTOLOGY, PREFIXES, RES
from kg.graph.ontology import ontology_text
from kg.graph.rdf import ENTITIES_GRAPH, EVENTS_GRAPH, article_graph, entity_graph, event_graph, graph_iri, new_dataset
from kg.graph.records import Record, content_id
from kg.queries.files import fill, sparql_file

__all__ = [
    "DEFAULT_STORE",
    "DERIVATION_GRAPH",
    "GraphChange",
    "IngestReport",
    "QueryError",
    "QueryResult",
    "Store",
    "StoreError",
    "opened_store",
    "drop_graph",
    "insert_data",
    "to_ox",
    "to_rdflib",
]

DEFAULT_STORE = "kg-store"
ONTOLOGY_GRAPH = RES["graph/ontology"]
# Which rules derived the graphs that depend on many articles (labels, plan status, tallies): written in the
# same update as the last of the derived output, dropped in the same update as any article write. A store
# without it was changed (or interrupted) after its last derivation, and a build derives again.
DERIVATION_GRAPH = RES["graph/derivation"]
_HAS_VERSION = ox.NamedNode(DCTERMS.hasVersion)
# Flush RocksDB's write buffers to disk after this many triples: memory stays ~0.2 GB at 5M triples
# instead of growing to ~2 GB of buffers (benchmarks/corpus_scale.py), at no cost in ingest time.
FLUSH_EVERY = 100_000
_RDF_TYPE = ox.NamedNode(RDF.type)
_ARTICLE = ox.NamedNode(KG.Article)
_IDENTIFIER = ox.NamedNode(DCTERMS.identifier)
SUFFIX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}


class StoreError(KgError, RuntimeError):
    """The store cannot be opened or written; the message says what to do."""


class QueryError(KgError, ValueError):
    """A query the store cannot run as given: its syntax, or a value bound to a variable it does not project."""


def store_error(path, err: OSError, action: str) -> StoreError:
    """What went wrong with the store at ``path``, in one line that says what to do."""
    text = str(err)
    if err.errno == errno.ENOSPC or "No space left on device" in text:
        return StoreError(
            f"{path}: the disk is full (could not {action}); free some space and run the command "
            "again: what was stored is kept whole, and a build resumes where it stopped"
        )
    if "/LOCK" in text:
        return StoreError(
            f"{path}: another kg process is using the store (could not {action}); wait for it to "
            "finish, stop it, or pick another --store"
        )
    return StoreError(f"{path}: could not {action} ({text}); check the disk and the path, or pick another --store")


def _writes(action: str):
    """A Store method whose OSErrors (a full disk, a lost lock) become a one-line StoreError."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OSError as err:
                raise store_error(self.path or "the store", err, action) from err

        return wrapper

    return decorate


@dataclass(frozen=True)
class GraphChange:
    """Triples to delete from and to insert into one named graph (IRIs and literals only)."""

    graph: URIRef
    remove: frozenset = frozenset()
    add: frozenset = frozenset()


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"added": len(self.added), "updated": len(self.updated), "unchanged": len(self.unchanged)}


@dataclass(frozen=True)
class QueryResult:
    """Solution rows as rdflib terms (None for unbound), with their column names; ``lists`` maps a column that
    the query joined into one string to its separator (a named query's ``# list:`` header)."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    lists: Mapping[str, str] = field(default_factory=dict, compare=False)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_python(self) -> list[dict]:
        """Rows as plain Python values (str, int, float, date...)."""
        return [{k: _python(v) for k, v in r.items()} for r in self.records()]

    def to_dataframe(self):
        """A pandas DataFrame with typed columns: lists, dates by granularity, NA for missing (kg.analysis.frames)."""
        from kg.analysis.frames import to_dataframe

        return to_dataframe(self.columns, self.rows, self.lists)

    def _repr_html_(self) -> str:
        from kg.analysis.frames import html_table

        return html_table(self.columns, self.rows)


def _python(term):
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


class Store:
    """An on-disk (or, with ``path=None``, in-memory) pyoxigraph store of kg graphs."""

    def __init__(self, path: str | Path | None = DEFAULT_STORE, *, read_only: bool = False):
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self._last_put = 0  # triples written by the last put (ingest flushes by them)
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(
                        f"{self.path}: no store here; build one first with `kg build PATH --store {self.path}`"
                    )
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self._ox = ox.Store(str(self.path))
        except OSError as err:
            raise store_error(self.path, err, "open the store") from err

    # -- writing -----------------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """Article id -> content hash of what is stored."""
        solutions = self._ox.query(_sparql("hashes.rq"))
        assert isinstance(solutions, ox.QuerySolutions)  # a select query
        return {str(s["id"].value): str(s["hash"].value) for s in solutions}

    def ingest(
        self,
        records: Iterable[Record],
        *,
        on_record: Callable[[Record, str], None] | None = None,
        known: dict[str, str] | None = None,
    ) -> IngestReport:
        """Store records; ``known`` (article id -> stored key, from :meth:`hashes`) saves reading it again."""
        report = IngestReport()
        self.ensure_ontology()
        known = dict(known) if known is not None else self.hashes()
        written = 0
        for record in records:
            status = self.put(record, known.get(record.article.id))
            getattr(report, status).append(record.article.id)
            known[record.article.id] = record.ingest_key
            if on_record:
                on_record(record, status)
            written += self._last_put
            if written >= FLUSH_EVERY:  # RocksDB would otherwise keep ~2 GB of write buffers at 5M triples
                self._flush()
                written = 0
        self._flush()
        return report

    @_writes("write the articles to disk")
    def _flush(self) -> None:
        self._ox.flush()

    @_writes("write the ontology")
    def ensure_ontology(self) -> None:
        """Keep the ontology (labels of types, modalities, relations) in its own named graph."""
        text = ontology_text()
        digest = ox.Literal(content_id(text, length=40))
        graph, ontology, has_hash = to_ox(ONTOLOGY_GRAPH), to_ox(ONTOLOGY), to_ox(KG.contentHash)
        if any(self._ox.quads_for_pattern(ontology, has_hash, digest, graph)):
            return
        self._ox.remove_graph(graph)
        self._ox.load(text, format=ox.RdfFormat.TURTLE, to_graph=graph)
        self._ox.add(ox.Quad(ontology, has_hash, digest, graph))

    @_writes("write an article")
    def put(self, record: Record, stored_hash: str | None = None) -> str:
        """Replace one article's graph atomically; returns added | updated | unchanged."""
        self._last_put = 0
        if stored_hash == record.ingest_key:
            return "unchanged"
        g = to_ox(graph_iri(record.article.id))
        # Terms are written by pyoxigraph's own N-Triples serialiser (escaped), never by formatting text.
        graphs = article_graph(record), entity_graph(record), event_graph(record)
        self._last_put = sum(len(graph) for graph in graphs)
        facts, entities, events = (_ntriples(graph) for graph in graphs)
        forget = [_forget(g)] if stored_hash is not None else []
        writes = [
            insert_data(g, facts),
            insert_data(to_ox(ENTITIES_GRAPH), entities),
            insert_data(to_ox(EVENTS_GRAPH), events),
        ]
        self._ox.update(" ;\n".join([*forget, _underived(), drop_graph(g), *writes]))
        return "added" if stored_hash is None else "updated"

    @_writes("remove an article")
    def remove(self, article_id: str) -> None:
        """Forget an article, and the events only it reported (its entities stay described in the shared
        entity graph)."""
        g = to_ox(graph_iri(article_id))
        self._ox.update(" ;\n".join([_forget(g), _underived(), drop_graph(g)]))

    @_writes("load a shard")
    def load_shard(self, path: str | Path) -> list[str]:
        """Load an N-Quads shard of article graphs (as :mod:`kg.pipeline.distributed` writes them): each article
        in it is first removed as :meth:`remove` does, so an updated article never mixes with its old
        version. Returns the ids of the articles loaded.

        The shard is loaded in one transaction, not with pyoxigraph's ``bulk_load``: a crash part-way
        through a bulk load could leave half an article whose content hash says it is complete, and
        the next build would skip it. Shards are a batch of articles, small enough to hold in memory."""
        path = Path(path)
        if path.suffix.lower() != ".nq":
            raise StoreError(f"{path}: a shard is an N-Quads file (.nq); write one with `kg build --shard-dir`")
        try:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS, rename_blank_nodes=True))
        except (OSError, SyntaxError) as err:
            raise StoreError(f"{path}: cannot read the shard ({err}); build it again") from err
        ids = _article_ids(quads)
        self._ox.update(_underived())  # first: a crash part-way leaves a store that says it needs deriving
        for article_id in ids:
            self.remove(article_id)
        self._ox.extend(quads)
        self._ox.flush()
        return ids

    @_writes("load the file")
    def load_file(self, path: str | Path) -> None:
        """Bulk-load an N-Quads/TriG file (e.g. shards written by distributed extraction)."""
        fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: unknown RDF format; use one of {', '.join(SUFFIX_FORMATS)}")
        self._ox.update(_underived())
        self._ox.bulk_load(path=str(path), format=fmt)

    def replace_graph(self, graph: URIRef, triples: Iterable[tuple]) -> None:
        """Replace one derived graph (plan status, tallies) with ``triples``, in one update that writes
        only what changed (see :meth:`diff`)."""
        self.apply([self.diff(graph, triples)])

    def diff(self, graph: URIRef, triples: Iterable[tuple]) -> GraphChange:
        """What would make ``graph`` hold exactly ``triples``: after a build that added a few articles, most of
        a derived graph stays. IRIs and literals only (DELETE DATA takes no blank nodes)."""
        term = functools.cache(to_ox)  # derived graphs repeat their terms a lot
        new = {ox.Triple(term(s), term(p), term(o)) for s, p, o in triples}
        old = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self._ox.quads_for_pattern(None, None, None, to_ox(graph))
        }
        return GraphChange(graph, frozenset(old - new), frozenset(new - old))

    def change(self, graph: URIRef, *, remove: Iterable[tuple] = (), add: Iterable[tuple] = ()) -> None:
        """Delete the triples ``remove`` from ``graph`` and insert ``add``, in one update (IRIs and
        literals only: DELETE DATA takes no blank nodes)."""
        self.apply([GraphChange(graph, frozenset(remove), frozenset(add))])

    @_writes("write the derived graphs")
    def apply(self, changes: Iterable[GraphChange], *, derivation: str | None = None) -> None:
        """Make all ``changes`` in one update (one transaction); with ``derivation``, the version of the rules
        that made them, the same update records that the store's derived graphs are complete and current."""
        parts = []
        for c in changes:
            g, remove, add = to_ox(c.graph), _ntriples(c.remove), _ntriples(c.add)
            if remove:
                parts.append(fill(_sparql("delete-data.ru"), graph=g, triples=remove))
            if add:
                parts.append(insert_data(g, add))
        if derivation is not None:
            marker = _ntriples([(to_ox(DERIVATION_GRAPH), _HAS_VERSION, ox.Literal(derivation))])
            parts += [_underived(), insert_data(to_ox(DERIVATION_GRAPH), marker)]
        if parts:
            self._ox.update(" ;\n".join(parts))

    def derivation(self) -> str | None:
        """The version of the rules that derived this store's derived graphs, None when an article was written
        since (or they never were)."""
        for q in self._ox.quads_for_pattern(to_ox(DERIVATION_GRAPH), _HAS_VERSION, None, to_ox(DERIVATION_GRAPH)):
            if isinstance(q.object, ox.Literal):
                return q.object.value
        return None

    def match(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[tuple]:
        """The quads that match (None: any; ``graph`` None: every graph), as rdflib terms, streamed."""
        args = [None if t is None else to_ox(t) for t in (subject, predicate, obj, graph)]
        for q in self._ox.quads_for_pattern(*args):
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name)

    def graph_names(self) -> list[URIRef]:
        """The store's named graphs (one per article, the shared and derived graphs)."""
        return sorted(URIRef(g.value) for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def triples(self, graph: URIRef, subject=None, predicate=None) -> list[tuple]:
        """The triples of one named graph that match ``subject`` and ``predicate`` (None: any), as rdflib terms."""
        pattern = self._ox.quads_for_pattern(
            to_ox(subject) if subject is not None else None,
            to_ox(predicate) if predicate is not None else None,
            None,
            to_ox(graph),
        )
        return [(to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)) for q in pattern]

    @_writes("update the store")
    def update(self, sparql: str) -> None:
        """Run one of kg's own SPARQL updates (fixed texts: nothing from an article is formatted into them)."""
        self._ox.update(sparql)

    # -- reading -----------------------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult | bool | rdflib.Graph:
        """Run SPARQL over the union of all article graphs; ``bindings`` are bound as RDF terms."""
        subs = {ox.Variable(k): to_ox(_as_term(v)) for k, v in (bindings or {}).items()}
        try:
            result = self._ox.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from err
        except RuntimeError as err:
            if "projection" in str(err):
                raise QueryError(
                    f"{err}; bind only variables the query projects (add them to its select clause)"
                ) from err
            raise
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            columns = tuple(v.value for v in result.variables)
            # results repeat their terms (types, articles, labels): each is converted once (rdflib's Literal is
            # slow to make: 20,000 rows of 20 columns took 1.4 s to convert, 0.25 s so)
            term = functools.cache(to_rdflib)
            rows = tuple(tuple(term(sol[c]) for c in columns) for sol in result)
            return QueryResult(columns, rows)
        g = rdflib.Graph()
        for t in result:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        return g

    def select(self, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
        """:meth:`query` for a select query: its table (an ask or construct query here is a caller's bug)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, QueryResult):
            raise TypeError("Store.select runs select queries; run ask and construct queries with Store.query")
        return result

    def __len__(self) -> int:
        return len(self._ox)

    def articles(self) -> list[str]:
        return sorted(self.hashes())

    def quads(self) -> Iterator:
        return iter(self._ox)

    def dump(self, path: str | Path) -> Path:
        """Write the store to a file; the format follows the suffix (.ttl .trig .nq .nt .jsonld .rdf)."""
        path = Path(path)
        fmt = SUFFIX_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: unknown output format; use a suffix among {', '.join(SUFFIX_FORMATS)}")
        path.parent.mkdir(parents=True, exist_ok=True)
        prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
        written = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML):
            # triple formats: the union of all article graphs
            quads = (ox.Quad(q.subject, q.predicate, q.object) for q in self._ox)
            ox.serialize(_unique(quads), str(path), fmt, prefixes=written)
        else:
            self._ox.dump(str(path), fmt, prefixes=written)
        return path

    def dataset(self) -> rdflib.Dataset:
        """The whole store as an rdflib Dataset (for small graphs and rdflib-only tools)."""
        buf = io.BytesIO()
        self._ox.dump(buf, ox.RdfFormat.N_QUADS)
        ds = new_dataset()
        ds.parse(data=buf.getvalue().decode("utf-8"), format="nquads")
        return ds

    def graph(self) -> rdflib.Graph:
        """The union of all article graphs as one rdflib Graph."""
        g = rdflib.Graph(bind_namespaces="core")
        for q in self._ox:
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return g

    def close(self) -> None:
        """Flush and release the store (its lock too, even when the flush fails: a full disk)."""
        try:
            if not self.read_only and hasattr(self, "_ox"):
                self._ox.flush()
        except OSError as err:
            raise store_error(self.path, err, "flush the store") from err
        finally:
            self.__dict__.pop("_ox", None)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _sparql(name: str) -> str:
    return sparql_file(__package__, name)


def _underived() -> str:
    """The update that drops the derivation marker: the store's derived graphs are then out of date."""
    return drop_graph(to_ox(DERIVATION_GRAPH))


def drop_graph(graph: ox.NamedNode) -> str:
    """The update that drops ``graph``, if it is there."""
    return fill(_sparql("drop-graph.ru"), graph=graph)


def insert_data(graph: ox.NamedNode, triples: str) -> str:
    """The update that adds ``triples`` (N-Triples lines written by pyoxigraph) to ``graph``."""
    return fill(_sparql("insert-data.ru"), graph=graph, triples=triples)


def _forget(graph: ox.NamedNode) -> str:
    """The update that deletes, from the shared event graph, the events no article but ``graph`` reports."""
    return fill(_sparql("forget-article.ru"), article=graph)


def _article_ids(quads: list[ox.Quad]) -> list[str]:
    """The ids of the articles whose own graphs ``quads`` hold (a graph stating its ``kg:Article``)."""
    articles = {(q.graph_name, q.subject) for q in quads if q.predicate == _RDF_TYPE and q.object == _ARTICLE}
    return sorted(
        {
            q.object.value
            for q in quads
            if q.predicate == _IDENTIFIER and isinstance(q.object, ox.Literal) and (q.graph_name, q.subject) in articles
        }
    )


def _ntriples(triples) -> str:
    """N-Triples text of rdflib or pyoxigraph triples."""
    return "\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples)


def _unique(quads):
    seen = set()
    for q in quads:
        key = str(q)
        if key not in seen:
            seen.add(key)
            yield q


def _as_term(value):
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    return Literal(value)


def to_ox(term):
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


_XSD_STRING = str(XSD.string)


def to_rdflib(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    raise TypeError(f"not a pyoxigraph term: {term!r}")


@contextmanager
def opened_store(store: Store | str | Path | None) -> Iterator[Store]:
    """``store`` itself, or the store at that path, opened for the work and closed after it."""
    if isinstance(store, Store):
        yield store
        return
    st = Store(store)
    try:
        yield st
    finally:
        st.close()
