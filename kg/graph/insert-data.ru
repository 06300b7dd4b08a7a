# name: insert-data
# description: Add triples to one named graph.
# slot: graph  the graph
# slot: triples  N-Triples lines written by pyoxigraph
INSERT DATA { GRAPH <urn:kg:slot:graph> {
#slot triples
} }
