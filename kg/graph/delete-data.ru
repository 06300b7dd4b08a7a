# name: delete-data
# description: Delete triples from one named graph (IRIs and literals only: DELETE DATA takes no blank nodes).
# slot: graph  the graph
# slot: triples  N-Triples lines written by pyoxigraph
DELETE DATA { GRAPH <urn:kg:slot:graph> {
#slot triples
} }
