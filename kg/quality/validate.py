"""Check a kg graph against the SHACL shapes in ``kg/graph/ontology/shapes.ttl``.

The shapes say what a consumer of the graph may rely on: one PLOVER type per event, valid
time literals, a modality among the four, evidence offsets that point at the quoted text,
an ordered, consistent source chain. rdflib accepts ill-typed literals silently,
so this is where they are caught.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, XSD
>>> from kg.graph.namespace import KG
>>> g = Graph()
>>> event = URIRef("https://w3id.org/kgct/resource/event/e1")
>>> g.add((event, RDF.type, KG.Event))  # doctest: +ELLIPSIS
<Graph ...>
>>> report = validate(g)
>>> report.conforms
False
>>> print(report.to_text())  # doctest: +NORMALIZE_WHITESPACE
Violation: res:event/e1 kg:eventType [minCount]: an event has exactly one kg:eventType, one of the 16 PLOVER event
types (plover:AGREE ... plover:ASSAULT)
Violation: res:event/e1 kg:sortKey [minCount]: an event needs a kg:sortKey (an xsd:decimal made from its label)
Violation: res:event/e1 rdfs:label [minCount]: an event needs an rdfs:label, a plain string
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.graph.namespace import PREFIXES
from kg.graph.ontology import ontology_text

__all__ = ["ValidationReport", "Violation", "describe", "shapes_graph", "shapes_text", "validate", "validate_store"]

_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}
_PREFIX_OF = {ns: prefix for prefix, ns in _PREFIXES.items()}
_IRI_IN_TEXT = re.compile("(" + "|".join(re.escape(ns) for ns in _PREFIXES.values()) + r")([^\s<>\"{}|^`]*)")
_SHOWN_VALUES = 5  # values listed for a "too many values" result


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property, what is expected, and how serious."""

    focus: str  # the node, compact (res:claim/...); a blank node as [owner property/property]
    path: str  # the property (kg:timeStart), "" for a node-level constraint
    message: str  # what a valid graph has here
    severity: str = "Violation"  # Violation | Warning | Info
    value: str = ""  # the offending value(s), when known
    constraint: str = ""  # the SHACL constraint that failed: minCount, datatype, in, sparql ...

    def to_text(self) -> str:
        where = " ".join(
            part for part in (self.focus, self.path, f"[{self.constraint}]" if self.constraint else "") if part
        )
        got = f" (got {self.value})" if self.value else ""
        return f"{self.severity}: {where}: {self.message}{got}"


@dataclass(frozen=True)
class ValidationReport:
    """The result of :func:`validate`; ``to_text()`` lists one sorted line per violation."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def to_text(self) -> str:
        if not self.violations:
            return "conforms: no violations"
        return "\n".join(sorted(v.to_text() for v in self.violations))


def shapes_text() -> str:
    """The shapes shipped with kg, as Turtle."""
    return resources.files("kg.graph.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph(bind_namespaces="core").parse(data=shapes_text(), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph(bind_namespaces="core").parse(data=ontology_text(), format="turtle")


def shapes_graph() -> Graph:
    """A fresh copy of the shipped shapes (pyshacl adds a few RDFS axioms to the shapes graph it is given)."""
    return _lexical_copy(_shapes())


def validate(data, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (an rdflib Graph or Dataset, or a :class:`kg.graph.store.Store`) against the shapes.

    A Graph or Dataset is validated as the union of its graphs, copied into an in-memory rdflib
    graph (about 1 KB a triple); ``data`` itself is never modified. A Store is validated
    by graph (:func:`validate_store`), in bounded memory.
    """
    if callable(getattr(data, "graph_names", None)):
        return validate_store(data, shapes=shapes)
    with _quiet_rdflib():
        graph = _union(data)
    violations = sorted(_check(graph, shapes))
    return ValidationReport(not any(v.severity == "Violation" for v in violations), violations)


def _check(graph: Graph, shapes: Graph | None, skip: AbstractSet[Node] = frozenset()) -> list[Violation]:
    """The violations in ``graph`` (our own copy: the ontology is mixed into it), but for those of the
    nodes in ``skip`` (pyshacl's focus_nodes would take IRIs only, and leave out evidence's blank nodes)."""
    _, results, _ = pyshacl.validate(
        graph,
        shacl_graph=_lexical_copy(shapes) if shapes is not None else shapes_graph(),  # pyshacl adds to it
        ont_graph=_ontology(),  # for sh:class through rdfs:subClassOf (a kg:Country is a kg:Entity)
        inference="none",
        advanced=True,  # SPARQL targets and constraints
        inplace=True,
        allow_warnings=True,
    )
    return [
        _violation(results, r, graph)
        for r in results.subjects(RDF.type, SH.ValidationResult)
        if results.value(r, SH.focusNode) not in skip
    ]


BATCH_TRIPLES = 50_000  # triples validated at a time: memory stays about 0.1 GB whatever the store's size


def validate_store(
    store,
    *,
    shapes: Graph | None = None,
    batch_triples: int = BATCH_TRIPLES,
    progress: Callable[[int], None] | None = None,
) -> ValidationReport:
    """Validate a :class:`kg.graph.store.Store` by graph: article graphs a batch at a time (about ``batch_triples``),
    each with what the shared graphs say of the nodes it refers to (entities, events, their plan status
    and tallies) and the types of the nodes those refer to; then the shared nodes no article refers to
    (ties, and entities or events left behind, which the shapes then flag). Each node is checked once;
    memory is bounded by the batch, not the store. ``progress`` is called with the number of graphs done.
    Also checks that the derived graphs are current (:func:`kg.derive.derivation_current`)."""
    from kg.graph.store import DERIVATION_GRAPH, ONTOLOGY_GRAPH

    shared = _shared_graphs()
    units = [g for g in store.graph_names() if g not in shared and g not in (ONTOLOGY_GRAPH, DERIVATION_GRAPH)]
    checked: set = set()  # shared nodes already validated
    violations = _derivation_violations(store)
    with _quiet_rdflib():
        ties = _ties(store, batch_triples)  # no article refers to them: a group goes with each batch
        for batch in _batches(store, units, batch_triples):
            graph, skip = _neighbourhood(store, batch, shared, checked, next(ties, ()))
            violations += _check(graph, shapes, skip)
            if progress:
                progress(len(batch))
        for rest in _left_behind(store, shared, checked, batch_triples):
            graph, skip = _neighbourhood(store, [], shared, checked, rest)
            violations += _check(graph, shapes, skip)
    violations = sorted(set(violations))
    return ValidationReport(not any(v.severity == "Violation" for v in violations), violations)


def _shared_graphs() -> tuple[URIRef, ...]:
    from kg.derive.plans import PLANS_GRAPH
    from kg.derive.tallies import TALLIES_GRAPH
    from kg.graph.rdf import ENTITIES_GRAPH, EVENTS_GRAPH

    return ENTITIES_GRAPH, EVENTS_GRAPH, PLANS_GRAPH, TALLIES_GRAPH


def _batches(store, units: list[URIRef], budget: int) -> Iterator[list[tuple[URIRef, list]]]:
    batch, size = [], 0
    for g in units:
        triples = [(s, p, o) for s, p, o, _ in store.match(graph=g)]
        batch.append((g, triples))
        size += len(triples)
        if size >= budget:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _neighbourhood(store, batch, shared, checked: set, extra: Iterable = ()) -> tuple[Graph, set]:
    """The batch's graphs, the shared triples about the nodes they name (and about ``extra`` nodes), and the
    types of the nodes those name (for sh:class); and the nodes not to report on here: those typed only,
    and shared nodes checked in an earlier batch."""
    graph = Graph(bind_namespaces="core")
    named = {n for n in extra if isinstance(n, URIRef)}
    for _, triples in batch:
        for s, p, o in triples:
            graph.add((s, p, _reread(o)))
            named.update(n for n in (s, o) if isinstance(n, URIRef))
    described = set()
    for node in named:
        for g in shared:
            for s, p, o, _ in store.match(node, None, None, g):
                graph.add((s, p, _reread(o)))
                described.add(s)
    skip = described & checked
    checked |= described
    typed_only = {o for o in graph.objects() if isinstance(o, URIRef)} - named - described
    for node in typed_only:
        for s, p, o, _ in store.match(node, RDF.type, None):
            graph.add((s, p, o))
    return graph, skip | typed_only


def _ties(store, budget: int) -> Iterator[list[URIRef]]:
    from kg.derive.tallies import TALLIES_GRAPH
    from kg.graph.namespace import KG

    yield from _groups_of((s for s, _, _, _ in store.match(None, RDF.type, KG.Tie, TALLIES_GRAPH)), budget // 10)


def _left_behind(store, shared, checked: set, budget: int) -> Iterator[list[URIRef]]:
    """Shared nodes no article graph led to (ties; entities or events no article refers to any more), in
    groups of at most ``budget``."""
    nodes = (
        s
        for g in shared
        for s, _, _, _ in store.match(None, RDF.type, None, g)
        if s not in checked and isinstance(s, URIRef)
    )
    yield from _groups_of(nodes, budget // 10)


def _groups_of(nodes: Iterable[URIRef], size: int) -> Iterator[list[URIRef]]:
    """``nodes`` in lists of at most ``size`` (at least one)."""
    group: list[URIRef] = []
    for node in nodes:
        group.append(node)
        if len(group) >= max(size, 1):
            yield group
            group = []
    if group:
        yield group


def _derivation_violations(data) -> list[Violation]:
    """A kg Store must say that its derived graphs (entity labels, plan status, tallies) were made by these
    rules after its last article write: else they may be missing or stale (an interrupted build)."""
    if not callable(getattr(data, "derivation", None)):
        return []
    from kg.derive import derivation_current, derivation_version

    stored = data.derivation()
    if derivation_current(data):
        return []
    why = (
        "a build was interrupted, or articles were written, after the last derivation"
        if stored is None
        else f"they were derived by other rules (version {stored}; these rules are {derivation_version()})"
    )
    return [
        Violation(
            "res:graph/derivation",
            "dcterms:hasVersion",
            f"the derived graphs (entity labels, plan status, "
            f"tallies) may be missing or stale: {why}; run `kg derive --store STORE` or `kg build` again",
            constraint="derivation",
        )
    ]


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for each ill-typed literal it reads; the report says it better."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _union(data) -> Graph:
    """A fresh rdflib Graph with every triple of ``data``, literals rebuilt from their lexical form.

    Rebuilding makes the check about the RDF, not rdflib's Python objects: ``Literal(0.8,
    datatype=XSD.decimal)`` holds a float until it is re-read, and pyshacl would reject it.
    """
    if isinstance(data, Dataset):
        return _lexical_copy(data.quads((None, None, None, None)))
    if isinstance(data, Graph):
        return _lexical_copy(data)
    if callable(getattr(data, "graph", None)):
        return data.graph()  # a kg Store: a new graph of its union, already read back from lexical forms
    raise TypeError(f"validate() takes an rdflib Graph or Dataset or a kg Store, not {type(data).__name__}")


def _lexical_copy(triples: Iterable) -> Graph:
    g = Graph(bind_namespaces="core")
    for s, p, o, *_ in triples:
        g.add((s, p, _reread(o)))
    return g


def _reread(term):
    if isinstance(term, Literal) and term.datatype is not None:
        return Literal(str(term), datatype=term.datatype)
    return term


def _violation(results: Graph, result, data: Graph) -> Violation:
    """One sh:ValidationResult as a Violation, with compact names."""
    focus, path = results.value(result, SH.focusNode), results.value(result, SH.resultPath)
    constraint = _local_name(results.value(result, SH.sourceConstraintComponent)).removesuffix("ConstraintComponent")
    constraint = "sparql" if constraint == "SPARQL" else constraint[:1].lower() + constraint[1:]
    value = results.value(result, SH.value)
    if value is None and constraint == "maxCount" and isinstance(path, URIRef):
        shown = sorted(compact(v) for v in data.objects(focus, path))
        value = ", ".join(shown[:_SHOWN_VALUES]) + (", ..." if len(shown) > _SHOWN_VALUES else "")
    elif value is not None:
        value = "" if isinstance(value, BNode) else compact(value)
    return Violation(
        focus=describe(focus, data),
        path=_path_text(path, results),
        message=_compact_text(" ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage)))),
        severity=_local_name(results.value(result, SH.resultSeverity)),
        value=value or "",
        constraint=constraint,
    )


def _local_name(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def compact(term) -> str:
    """A short, readable form of an RDF term.

    >>> from rdflib import Literal
    >>> from rdflib.namespace import XSD
    >>> compact(Literal("2022-13-45", datatype=XSD.date))
    '"2022-13-45"^^xsd:date'
    """
    if isinstance(term, URIRef):
        return _compact_text(str(term))
    if isinstance(term, Literal):
        text = '"' + str(term).replace('"', '\\"') + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{compact(term.datatype)}" if term.datatype else text
    return str(term)


def _compact_text(text: str) -> str:
    return _IRI_IN_TEXT.sub(lambda m: f"{_PREFIX_OF[m.group(1)]}:{m.group(2)}", text)


def describe(node, data: Graph, depth: int = 3) -> str:
    """A node for humans: an IRI compacted, a blank node as [the IRI that owns it + the property path].

    >>> from rdflib import BNode, Graph, URIRef
    >>> from kg.graph.namespace import KG, OA
    >>> g, evidence, selector = Graph(), BNode(), BNode()
    >>> claim = URIRef("https://w3id.org/kgct/resource/claim/c1")
    >>> g += [(claim, KG.evidence, evidence), (evidence, OA.hasSelector, selector)]
    >>> describe(selector, g)
    '[res:claim/c1 kg:evidence/oa:hasSelector]'
    """
    if not isinstance(node, BNode):
        return compact(node)
    owner: Node = node
    steps: list[str] = []
    while isinstance(owner, BNode) and len(steps) < depth:
        link = min(data.subject_predicates(owner), key=str, default=None)
        if link is None:
            break
        owner, predicate = link
        steps.insert(0, compact(predicate))
    if isinstance(owner, BNode):
        return "[blank node]"
    return f"[{compact(owner)} {'/'.join(steps)}]"


def _path_text(path, results: Graph) -> str:
    """A result path: a property, or a sequence path (an RDF list) shown as p1/p2."""
    if path is None:
        return ""
    if isinstance(path, BNode):
        items = list(results.items(path))
        return "/".join(compact(p) for p in items) if items else "[complex path]"
    return compact(path)
