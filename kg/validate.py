"""Check a kg graph against the SHACL shapes in ``kg/ontology/shapes.ttl``.

The shapes say what a consumer of the graph may rely on: one PLOVER type per event, valid
time literals, a modality among the four, evidence offsets that point at the quoted text,
an ordered, consistent source chain. rdflib accepts ill-typed literals silently (PITFALLS 10),
so this is where they are caught.

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.ontology import ontology_text

__all__ = ["ValidationReport", "Violation", "shapes_graph", "validate"]

_PREFIXES = {
    "kg": "https://w3id.org/kgct/ontology#",
    "res": "https://w3id.org/kgct/resource/",
    "plover": "https://w3id.org/kgct/plover/",
    "prov": "http://www.w3.org/ns/prov#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_IRI_IN_TEXT = re.compile("(" + "|".join(re.escape(ns) for ns in _PREFIXES.values()) + r")([^\s<>\"{}|^`]*)")
_PREFIX_OF = {ns: prefix for prefix, ns in _PREFIXES.items()}


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint: the node, the property, what is expected, and how serious."""

    focus: str  # the node, compact (res:claim/...); a blank node is shown as its owner's path
    path: str  # the property (kg:timeStart), "" for node-level constraints
    message: str
    severity: str = "Violation"  # Violation | Warning | Info
    value: str = ""  # the offending value, when there is one

    def to_text(self) -> str:
        where = f"{self.focus} {self.path}".rstrip()
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
    return resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph(bind_namespaces="core").parse(data=shapes_text(), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph(bind_namespaces="core").parse(data=ontology_text(), format="turtle")


def shapes_graph() -> Graph:
    """A fresh copy of the shapes graph (the cached one is never handed out)."""
    g = Graph(bind_namespaces="core")
    for triple in _shapes():
        g.add(triple)
    return g


def validate(data, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (an rdflib Graph or Dataset, or a :class:`kg.store.Store`) against the shapes.

    A Store or Dataset is validated as the union of its graphs. That copies the store into an
    in-memory rdflib graph (about 1 KB a triple, PITFALLS 16), and pyshacl runs each SPARQL
    constraint once per claim: fine for thousands of articles, slow for millions.
    """
    graph = _union(data)
    _, results, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes if shapes is not None else _shapes(),
        ont_graph=_ontology(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = sorted(_violation(results, r, graph) for r in results.subjects(RDF.type, SH.ValidationResult))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations)


def _union(data) -> Graph:
    """One rdflib Graph with every triple of ``data``."""
    if isinstance(data, Dataset):
        g = Graph(bind_namespaces="core")
        for s, p, o, _ in data.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    if isinstance(data, Graph):
        return data
    if hasattr(data, "graph") and callable(data.graph):
        return data.graph()  # a kg Store: the union of its article graphs and the ontology
    raise TypeError(f"validate() takes an rdflib Graph or Dataset or a kg Store, not {type(data).__name__}")


def _violation(results: Graph, result, data: Graph) -> Violation:
    def one(prop):
        return results.value(result, prop)

    message = " ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage)))
    value = one(SH.value)
    return Violation(
        focus=describe(one(SH.focusNode), data),
        path=_path_text(one(SH.resultPath), results),
        message=_compact_text(message) or str(one(SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
        severity=str(one(SH.resultSeverity)).rsplit("#", 1)[-1],
        value="" if value is None or isinstance(value, BNode) else compact(value),
    )


def compact(term) -> str:
    """A short, readable form of an RDF term: ``res:claim/ab12``, ``"2022-13-45"^^xsd:date``."""
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
    """A node for humans: IRIs compacted, a blank node as the path from the IRI that owns it.

    >>> from rdflib import BNode, Graph, URIRef
    >>> from kg.namespace import KG, OA
    >>> g, ev, sel = Graph(), BNode(), BNode()
    >>> claim = URIRef("https://w3id.org/kgct/resource/claim/c1")
    >>> g += [(claim, KG.evidence, ev), (ev, OA.hasSelector, sel)]
    >>> describe(sel, g)
    'res:claim/c1/kg:evidence/oa:hasSelector'
    """
    if not isinstance(node, BNode):
        return compact(node)
    owner = next(iter(sorted(data.subject_predicates(node), key=str)), None) if depth > 0 else None
    if owner is None:
        return "[blank node]"
    subject, predicate = owner
    return f"{describe(subject, data, depth - 1)}/{compact(predicate)}"


def _path_text(path, results: Graph) -> str:
    """A result path: a property, or a sequence path (a list) shown as p1/p2."""
    if path is None:
        return ""
    if isinstance(path, BNode):
        items = list(results.items(path))
        return "/".join(compact(p) for p in items) if items else "[complex path]"
    return compact(path)
