"""Graph analytics with networkx over the kg graph."""

from __future__ import annotations

import networkx as nx

__all__ = ["centrality", "to_networkx"]

_EDGES = """
PREFIX kg: <https://w3id.org/kgct/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?aLabel ?b ?bLabel ?type ?event WHERE {
  ?event kg:eventType ?t ; sem:hasActor ?a .
  { ?event kg:hasRecipient ?b } UNION { ?event sem:hasPlace ?b }
  ?a rdfs:label ?aLabel . ?b rdfs:label ?bLabel .
  BIND(STRAFTER(STR(?t), "plover/") AS ?type)
  FILTER(?a != ?b)
}
"""


def to_networkx(store) -> nx.MultiDiGraph:
    """Entities as nodes (label attribute), events as edges actor -> recipient/place (type attribute)."""
    g = nx.MultiDiGraph()
    for r in store.query(_EDGES).to_python():
        g.add_node(r["a"], label=r["aLabel"])
        g.add_node(r["b"], label=r["bLabel"])
        g.add_edge(r["a"], r["b"], key=r["event"], type=r["type"])
    return g


def centrality(store, *, top: int = 10) -> list[tuple[str, float]]:
    """Entities by degree centrality on the event graph: (label, score), highest first."""
    g = to_networkx(store)
    if not g:
        return []
    scores = nx.degree_centrality(nx.Graph(g))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))
    return [(g.nodes[n]["label"], round(s, 4)) for n, s in ranked[:top]]
