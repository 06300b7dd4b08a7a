// The page of a pyvis network exported by kg (kg/export/pyvis_network.py): nodes, edges and pyvis's options
// come as JSON data; titles stay strings, which vis-network shows as text (never as HTML).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-pyvis");
  container.style.height = data.height;
  container.style.width = data.width;
  container.style.backgroundColor = data.background;
  var options = data.options || {};
  if (data.configure && options.configure) {
    options.configure.container = document.getElementById("kg-pyvis-config");
  }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.kgPyvis = { network: network, nodes: nodes, edges: edges, ready: false };
  network.once("afterDrawing", function () {
    window.kgPyvis.ready = true;
  });
  document.getElementById("kg-stats").textContent =
    nodes.length + " entities, " + edges.length + " links";
})();
