"""kg's front door: the functions the CLI and notebooks call.

Each takes the store (a :class:`~kg.graph.store.Store` or a folder path) as an argument.
:class:`KnowledgeGraph` bundles them for notebook use and displays itself richly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from kg.errors import OptionError
from kg.graph.namespace import PREFIXES
from kg.graph.store import DEFAULT_STORE, QueryResult, Store
from kg.interfaces.serve.limits import DEFAULT_PORT as SERVE_PORT
from kg.interfaces.serve.limits import Limits as ServeLimits
from kg.pipeline import MAX_CHARS
from kg.pipeline.parallel import ARTICLE_TIMEOUT
from kg.queries import named_queries

if TYPE_CHECKING:
    from kg.pipeline import BuildSummary
    from kg.views.model import ViewModel

__all__ = [
    "ARTICLE_TIMEOUT",
    "DEFAULT_STORE",
    "MAX_CHARS",
    "SERVE_PORT",
    "KnowledgeGraph",
    "QueryResult",
    "ServeLimits",
    "bench",
    "build",
    "demo",
    "derive",
    "entity_rows",
    "evaluate_attribution",
    "evaluate_extractor",
    "evaluate_plover",
    "evaluate_re3d",
    "export",
    "extract_articles",
    "list_entities",
    "named_queries",
    "pending_overrides",
    "push",
    "record_turtle",
    "run_query",
    "serve",
    "sparql",
    "to_pyvis",
    "validate",
    "write_network",
    "write_timeline",
]


@contextmanager
def _opened(store: Store | str | Path | None, *, read_only: bool = True):
    if isinstance(store, Store):
        yield store
        return
    st = Store(store if store is not None else DEFAULT_STORE, read_only=read_only)
    try:
        yield st
    finally:
        st.close()


def parse_param(value: str):
    """A parameter value as an RDF term: full IRI, prefixed name (plover:AID), or literal.

    >>> parse_param("plover:AID")
    rdflib.term.URIRef('https://w3id.org/kgct/plover/AID')
    >>> parse_param("Russia")
    rdflib.term.Literal('Russia')
    """
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and " " not in local:
        return URIRef(str(PREFIXES[prefix]) + local)
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


def as_term(value):
    """A binding's value as an RDF term: rdflib terms as they are (an rdflib ``URIRef`` is a ``str`` too, but
    its ``startswith`` ignores a tuple of prefixes: it must never go through :func:`parse_param`), pyoxigraph
    terms converted, text read by :func:`parse_param`, other values (numbers, dates) left to the store."""
    if isinstance(value, Identifier):
        return value
    if type(value).__module__ == "pyoxigraph":
        from kg.graph.store import to_rdflib

        return to_rdflib(value)
    return parse_param(value) if isinstance(value, str) else value


def sparql(
    text: str,
    *,
    store: Store | str | Path | None = DEFAULT_STORE,
    bindings: Mapping | None = None,
    endpoint: str | None = None,
):
    """Run a SPARQL query; ``bindings`` map variable names to values (bound as RDF terms). With
    ``endpoint`` (a SPARQL 1.1 query URL, e.g. the server ``kg push`` loaded) it runs there instead of
    on ``store``, and returns the same rows."""
    from kg.queries.querytext import check_shape

    check_shape(text)  # a query nested thousands deep would crash pyoxigraph (and this process)
    terms = {k: as_term(v) for k, v in (bindings or {}).items()}
    if endpoint is not None:
        from kg.interfaces.remote import remote_sparql

        return remote_sparql(endpoint, text, terms)
    with _opened(store) as st:
        return st.query(text, terms)


def run_query(
    name: str,
    params: Mapping[str, object] | None = None,
    *,
    store=DEFAULT_STORE,
    limit: int | None = None,
    offset: int = 0,
    endpoint: str | None = None,
) -> QueryResult:
    """Run a named query (``kg query --help`` lists them) with its parameters bound; ``limit`` and
    ``offset`` page through the rows in the query's own order; ``endpoint`` runs it on a SPARQL server."""
    from kg.queries import get_query

    q = get_query(name)
    params = dict(params or {})
    q.check(params)
    with _opened(store) if endpoint is None else nullcontext() as st:
        bindings = _bound_params(q, params, store=st, endpoint=endpoint)
        result = sparql(q.page(limit, offset), store=st, bindings=bindings, endpoint=endpoint)
    return replace(result, lists=dict(q.lists)) if q.lists else result


def _bound_params(query, params: Mapping[str, object], *, store, endpoint) -> dict:
    """``params`` as RDF terms: an entity parameter (its description says "entity IRI") takes the entity's IRI,
    ``NamedNode`` or name (:func:`kg.derive.entities.find_entity`, which raises a clear error for an unknown one);
    pyoxigraph terms become rdflib terms."""
    from kg.derive.entities import find_entity

    def run(text, bindings):
        return sparql(text, store=store, bindings=bindings, endpoint=endpoint)

    def suggest(name):
        from kg.derive.entities import close_names

        return [] if endpoint is not None else close_names(store, name)

    takes_entity = {p.name for p in query.params if "entity IRI" in p.description}
    takes_relation_type = {p.name for p in query.params if "relation type IRI" in p.description}
    choices = {p.name: p.choices for p in query.params if p.choices}
    bound = {}
    for key, value in params.items():
        value = as_term(value)
        if key in takes_entity:
            value = find_entity(run, value, suggest=suggest)
        elif key in takes_relation_type:
            value = _relation_type(key, value)
        elif key in choices and isinstance(value, Literal):
            value = _choice(key, value, choices[key])
        bound[key] = value
    return bound


def _choice(key: str, value: Literal, allowed: tuple[str, ...]) -> Literal:
    """One of the values a parameter lists (any case): another would match nothing, silently."""
    from kg.queries import ParameterError

    found = next((a for a in allowed if a.lower() == str(value).strip().lower()), None)
    if found is None:
        raise ParameterError(f"--param {key}={value}: use one of {', '.join(repr(a) for a in allowed)}")
    return Literal(found)


def _relation_type(key: str, value) -> URIRef:
    """A relation type by its IRI, prefixed name (kg:allied_with) or bare name (allied_with): a bare name bound
    as text would match nothing, silently.

    >>> _relation_type("type", Literal("Allied_With"))
    rdflib.term.URIRef('https://w3id.org/kgct/ontology#allied_with')
    """
    from kg.graph.namespace import KG
    from kg.graph.records import RELATION_TYPES
    from kg.queries import ParameterError

    name = str(value).removeprefix(str(KG._NS)) if isinstance(value, URIRef) else str(value).strip().lower()
    if name not in RELATION_TYPES:
        raise ParameterError(f"--param {key}={value}: not a relation type; use one of {', '.join(RELATION_TYPES)}")
    return URIRef(str(KG._NS) + name)


def extract_articles(paths: Iterable[str | Path], *, jobs: int = 1, overrides: str | Path | None = None) -> Iterator:
    """One extraction record per article under ``paths`` (files or folders), in input order (``kg extract``);
    ``overrides`` is an override file for entity resolution (default ``$KG_OVERRIDES``)."""
    from kg.extract import Extractor, extract_many
    from kg.read.articles import iter_articles

    _at_least_one(jobs=jobs)
    extractor = Extractor(overrides=overrides) if overrides else None
    return extract_many(iter_articles(paths), jobs=jobs, extractor=extractor)


def record_turtle(record) -> str:
    """One extraction record as Turtle: the triples ``kg build`` would store for it."""
    from kg.graph.rdf import record_graph

    return record_graph(record).serialize(format="turtle")


def build(
    paths: Iterable[str | Path],
    *,
    store: Store | str | Path | None = DEFAULT_STORE,
    out: Iterable[str | Path] = (),
    jobs: int = 1,
    overrides: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    on_problem: Callable | None = None,
    max_chars: int = MAX_CHARS,
    article_timeout: float = ARTICLE_TIMEOUT,
    scheduler: str | None = None,
    shard_dir: str | Path | None = None,
):
    """Ingest the articles under ``paths`` into ``store`` and write each of ``out`` (format by suffix), as
    ``kg build`` does; with ``scheduler`` (``tcp://HOST:PORT`` or ``local:N``) the extraction runs on a Dask
    cluster, keeping its shards in ``shard_dir``. Returns the build summary."""
    _at_least_one(jobs=jobs)
    if not scheduler and shard_dir:
        raise OptionError("--shard-dir keeps the shards of a distributed build; give --scheduler ADDRESS too")
    if scheduler and overrides:
        raise OptionError("--overrides does not reach the Dask workers; set $KG_OVERRIDES in their environment")
    if scheduler and jobs != 1:
        raise OptionError("--jobs is for one machine; with --scheduler the Dask workers are the processes")
    if scheduler:
        from kg.pipeline.distributed import build_distributed

        return build_distributed(
            paths,
            store=store,
            out=out,
            scheduler=scheduler,
            shard_dir=shard_dir,
            progress=progress,
            on_problem=on_problem,
        )
    from kg.pipeline import build as build_here

    return build_here(
        paths,
        store=store,
        out=out,
        jobs=jobs,
        overrides=overrides,
        progress=progress,
        on_problem=on_problem,
        max_chars=max_chars,
        article_timeout=article_timeout,
    )


def derive(*, store: Store | str | Path = DEFAULT_STORE):
    """Recompute what depends on many articles (entity labels, plan status, tallies) over the whole store."""
    from kg.derive import derive as derive_all

    return derive_all(store)


def validate(*, store=DEFAULT_STORE, progress: Callable[[int], None] | None = None):
    """Check the store against the SHACL shapes, a batch of article graphs at a time, and that its derived graphs
    are current; returns the report (``.conforms``, ``.to_text()``)."""
    from kg.quality.validate import validate_store

    with _opened(store) as st:
        return validate_store(st, progress=progress)


def serve(store: str | Path = DEFAULT_STORE, **options) -> None:
    """Serve the store read-only as a SPARQL 1.1 Protocol endpoint (``kg serve``; options as
    :func:`kg.interfaces.serve.serve` takes them: host, port, allow_remote, timeout_s, max_rows, workers...)."""
    from kg.interfaces.serve import serve as run

    run(store, **options)


def push(
    *,
    store=DEFAULT_STORE,
    endpoint: str,
    graph_store: str | None = None,
    query_endpoint: str | None = None,
    batch_size: int = 5000,
    resume: bool = True,
    user: str | None = None,
    password: str | None = None,
    timeout_s: float = 300.0,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
):
    """Load the store into an external SPARQL 1.1 server, resumably, in batches (``kg push``). The password
    is ``password``, else ``$KG_PUSH_PASSWORD``, else asked on the terminal; ``on_total(n)`` hears the number of
    triples before the first batch, ``progress(n)`` each batch's."""
    from kg.interfaces.push import credentials
    from kg.interfaces.push import push as push_graphs

    auth = credentials(user, password)
    with _opened(store) as st:
        if on_total is not None:
            on_total(len(st))
        return push_graphs(
            st,
            endpoint=endpoint,
            graph_store=graph_store,
            query_endpoint=query_endpoint,
            batch_size=batch_size,
            resume=resume,
            auth=auth,
            progress=progress,
            timeout_s=timeout_s,
        )


def bench(paths: Iterable[str | Path], *, limit: int = 100, jobs: int = 1, repeat: int = 3) -> dict:
    """Extraction throughput against spaCy's own parse of the same articles, in the same run (medians)."""
    from kg.quality.bench import extraction_throughput

    _at_least_one(limit=limit, repeat=repeat, jobs=jobs)
    return extraction_throughput(paths, limit=limit, jobs=jobs, repeat=repeat)


def entity_rows(listings, *, merged: bool = False) -> tuple[tuple[str, ...], list[dict]]:
    """:func:`list_entities`' answer as the columns and flat rows of a table (one per node, or with ``merged``
    one per surface form and rule)."""
    from kg.derive.entities import table_rows

    return table_rows(listings, merged=merged)


def list_entities(*, store=DEFAULT_STORE, merged: bool = False, entity: str | None = None):
    """The entity nodes with their surface forms and the rules that resolved them (``kg entities``); ``merged``
    keeps the nodes that joined different surface forms or names, ``entity`` those matching a name, id or IRI."""
    from kg.derive.entities import list_entities as listed

    with _opened(store) as st:
        return listed(st, merged=merged, entity=entity)


def pending_overrides(overrides: str | Path, *, store=DEFAULT_STORE):
    """The entries of the override file the store does not reflect yet, with the number of articles each
    would change (rebuild with ``kg build ... --overrides FILE`` to apply them). Checks the file first."""
    from kg.derive.entities import pending_overrides as pending
    from kg.read.overrides import load_overrides

    entries = load_overrides(overrides)
    with _opened(store) as st:
        return pending(st, entries)


def _model(store, title=None) -> ViewModel:
    from kg.views.model import view_model

    with _opened(store) as st:
        return view_model(st, title=title)


def write_network(
    out: str | Path = "out/network.html", *, store=DEFAULT_STORE, top: int | None = None, combined: bool = False
) -> Path:
    """The network view (or, with ``combined``, network and timeline with linked selection) as one HTML file."""
    from kg.views.combined import combined_html
    from kg.views.network import network_html
    from kg.views.page import write_html

    if top is not None and top < 0:
        raise OptionError("top must be >= 0")
    model = _model(store)
    html = combined_html(model, top=top) if combined else network_html(model, top=top)
    return _written(write_html(out, html), out)


def write_timeline(out: str | Path = "out/timeline.html", *, store=DEFAULT_STORE, lanes: str = "actor") -> Path:
    from kg.views.page import write_html
    from kg.views.timeline import LANES, timeline_html

    if lanes not in LANES:
        raise OptionError(f"lanes must be one of {LANES}, not {lanes!r}")
    return _written(write_html(out, timeline_html(_model(store), lanes=lanes)), out)


def _written(result, out) -> Path:
    return Path(result) if result is not None else Path(out)


def export(
    out: str | Path,
    *,
    store=DEFAULT_STORE,
    format: str | None = None,
    type: str | None = None,
    modality: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
):
    """Write the graph for other tools (``kg export``), the format from the suffix unless ``format`` names it:
    ``.graphml``/``.gexf`` (entities as nodes, one edge per report and per relation; GEXF with each edge's time),
    ``.csv``/``.parquet``/``.jsonl`` (the events table: one row per report, columns in docs/export.md).
    ``type``, ``modality``, ``since``/``until`` (ISO dates, inclusive) and ``entity`` (IRI or label) filter it.
    Returns a summary (path, format, counts)."""
    from kg.export import Filters
    from kg.export import export as write

    filters = Filters(type=type, modality=modality, since=since, until=until, entity=entity)
    with _opened(store) as st:
        return write(st, out, fmt=format, filters=filters)


def to_pyvis(*, store=DEFAULT_STORE, top: int | None = None, isolates: bool | None = None, **filters):
    """The network view's model as a ``pyvis.network.Network`` (style it, then ``net.write_html(path)``): its
    resources are inline (no CDN) and every title is plain text. ``top`` keeps the most connected entities;
    ``isolates`` draws the entities with no link (default: only when none is linked; the view leaves them out);
    ``filters`` are those of
    :func:`export` (type, modality, since, until, entity)."""
    from kg.export.pyvis_network import to_pyvis as build

    with _opened(store) as st:
        return build(st, top=top, isolates=isolates, **filters)


def evaluate_extractor(gold_dir: str | Path):
    """Run the extractor on the gold articles and score it (rules in :mod:`kg.quality.evaluate`)."""
    from kg.extract import Extractor
    from kg.quality.evaluate import evaluate

    extractor = Extractor()
    return evaluate(gold_dir, lambda article: extractor.extract(article).to_dict())


def evaluate_plover(gold_file: str | Path):
    """Run the extractor on PLOVER's gold sentences (one JSON record a line) and score event types and actors."""
    from kg.extract import Extractor
    from kg.quality.eval_plover import evaluate_plover as score

    extractor = Extractor()
    return score(gold_file, extractor.extract_many)


def evaluate_re3d(gold_file: str | Path, *, split: str = "all"):
    """Run the extractor on re3d's Syria/Iraq gold documents and score entities and relations
    (rules and the fixed tune/check split in :mod:`kg.quality.eval_re3d`)."""
    from kg.extract import Extractor
    from kg.quality.eval_re3d import evaluate_re3d as score

    return score(gold_file, Extractor().extract_many, split=split)


def evaluate_attribution(polnear_dir: str | Path, *, limit: int | None = None, split: str = "all", jobs: int = 1):
    """Run the extractor on a PolNeAR split and score its source chains (rules in :mod:`kg.quality.eval_polnear`);
    ``split`` keeps one fixed half of its articles (tune or check, by a hash of each name: tune rules on one half,
    see whether they carry over on the other), ``limit`` takes that many articles spread evenly over it."""
    from kg.quality.eval_polnear import evaluate_polnear

    _at_least_one(jobs=jobs, **({} if limit is None else {"limit": limit}))
    return evaluate_polnear(polnear_dir, limit=limit, half=split, jobs=jobs)


def demo(*, data: str | Path = "data", out_dir: str | Path = "out", store=DEFAULT_STORE):
    """Build the graph from ``data/`` and write graph.ttl, graph.trig, network.html, timeline.html."""
    from kg.pipeline import build

    out_dir = Path(out_dir)
    summary = build([data], store=store, out=[out_dir / "graph.ttl", out_dir / "graph.trig"])
    summary.outputs.append(str(write_network(out_dir / "network.html", store=store)))
    summary.outputs.append(str(write_timeline(out_dir / "timeline.html", store=store)))
    return summary


class KnowledgeGraph:
    """A store with kg's operations, for notebooks: ``KnowledgeGraph.build(["data/"])``."""

    summary: BuildSummary  # what :meth:`build` did (set by it only)

    def __init__(self, store: Store | str | Path | None = DEFAULT_STORE):
        self.store = store if isinstance(store, Store) else Store(store)

    @classmethod
    def build(cls, paths: Iterable[str | Path], *, store: Store | str | Path | None = None) -> KnowledgeGraph:
        """Build from articles; ``store=None`` keeps the graph in memory."""
        from kg.pipeline import build

        kg = cls(Store(store) if not isinstance(store, Store) else store)
        kg.summary = build(paths, store=kg.store)
        return kg

    def query(self, name: str, **params) -> QueryResult:
        """A named query (``kg query``); an entity parameter takes an IRI, ``NamedNode`` or name
        (``graph.query("ego", entity="Russia")``). The result shows as a table; ``.to_dataframe()``."""
        return run_query(name, params, store=self.store)

    def sparql(self, text: str, **bindings):
        return sparql(text, store=self.store, bindings=bindings)

    def entities(self, *, merged: bool = False, entity: str | None = None):
        """The entity nodes as a DataFrame (``kg entities``): label, type, Wikidata id, articles, and the names
        and surface forms as lists; :func:`list_entities` gives the records themselves."""
        from kg.analysis.frames import entities_frame

        return entities_frame(list_entities(store=self.store, merged=merged, entity=entity))

    def graph(self):
        return self.store.graph()

    def networkx(self, *, relations: bool = False):
        """A networkx ``MultiDiGraph``: entities as nodes, one edge per event actor -> recipient or place with
        its type, modality, date, number of articles and claim IRIs (:func:`kg.analysis.to_networkx`)."""
        from kg.analysis import to_networkx

        return to_networkx(self.store, relations=relations)

    def network_html(self, *, top: int | None = None) -> str:
        from kg.views.network import network_html

        return network_html(_model(self.store), top=top)

    def timeline_html(self, *, lanes: str = "actor") -> str:
        from kg.views.timeline import timeline_html

        return timeline_html(_model(self.store), lanes=lanes)

    def export(self, out: str | Path, *, format: str | None = None, **filters):
        """Write the graph as GraphML, GEXF, CSV, Parquet or JSON Lines (see :func:`kg.api.export`)."""
        return export(out, store=self.store, format=format, **filters)

    def to_pyvis(self, *, top: int | None = None, isolates: bool | None = None, **filters):
        """The network as a ``pyvis.network.Network``, offline and with plain-text titles (:func:`kg.api.to_pyvis`)."""
        return to_pyvis(store=self.store, top=top, isolates=isolates, **filters)

    def summary_rows(self) -> list[tuple[str, int]]:
        from kg.queries.files import sparql_file

        counts = self.store.select(sparql_file(__package__, "counts.rq")).to_python()[0]
        return [(k, int(v or 0)) for k, v in counts.items()]

    def __repr__(self) -> str:
        return "KnowledgeGraph(" + ", ".join(f"{k}={v}" for k, v in self.summary_rows()) + ")"

    def _repr_html_(self) -> str:
        # counts only: a drawing embeds its scripts (hundreds of KB) in the notebook, so it is asked for
        from html import escape

        rows = "".join(f"<tr><td>{escape(k)}</td><td>{v}</td></tr>" for k, v in self.summary_rows())
        return (
            f"<table><tbody>{rows}</tbody></table>"
            "<p><code>.show_network(top=50)</code> draws it, <code>.query(name)</code> asks it</p>"
        )

    def show_network(self, *, top: int = 50, height: int = 560):
        """The network view of the ``top`` entities, inline in a notebook (an isolated ``srcdoc`` iframe: works
        offline, in Jupyter, VS Code and Colab). Each display embeds the view's scripts: keep one per notebook."""
        from kg.views.notebook import inline_page

        return inline_page(self.network_html(top=top), height=height)


def _at_least_one(**counts: int) -> None:
    """A count option below 1 (``--jobs 0``) is the user's to fix, not a failure deep in a worker pool."""
    for name, value in counts.items():
        if value < 1:
            raise OptionError(f"--{name} takes a whole number, 1 or more, not {value}")
