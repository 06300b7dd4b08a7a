# name: prune
# description: Forget, in the shared entity graph, what no article supports any more (after a re-extraction or an override): entity nodes no article mentions, and alternative labels no article resolves to the node.
# param: none
PREFIX kg: <https://w3id.org/kgct/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?entity ?p ?o } }
WHERE {
  GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?entity ?p ?o }
  FILTER NOT EXISTS { GRAPH ?g { ?entity kg:mentionedIn ?article } }
} ;
DELETE { GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?entity skos:altLabel ?label } }
WHERE {
  GRAPH <https://w3id.org/kgct/resource/graph/entities> { ?entity skos:altLabel ?label }
  FILTER NOT EXISTS { GRAPH ?g { ?resolution kg:resolvedTo ?entity ; kg:surfaceForm ?label } }
}
