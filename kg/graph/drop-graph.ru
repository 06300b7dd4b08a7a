# name: drop-graph
# description: Drop one named graph, if it is there.
# slot: graph  the graph
DROP SILENT GRAPH <urn:kg:slot:graph>
