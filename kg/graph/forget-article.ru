# name: forget-article
# description: Delete, from the shared event graph, the events no article but this one reports. Run before the
#   article's graph is dropped, in the same update, so the store never holds half of the change.
# slot: article  the article's named graph
PREFIX kg: <https://w3id.org/kgct/ontology#>
DELETE { GRAPH <https://w3id.org/kgct/resource/graph/events> { ?event ?p ?o } }
WHERE {
  { SELECT DISTINCT ?event WHERE { GRAPH <urn:kg:slot:article> { ?claim kg:about ?event } } }
  FILTER NOT EXISTS { GRAPH ?other { ?c kg:about ?event } FILTER (?other != <urn:kg:slot:article>) }
  GRAPH <https://w3id.org/kgct/resource/graph/events> { ?event ?p ?o }
}
