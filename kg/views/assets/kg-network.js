(function () {
  "use strict";
  var kg = window.kg, D = kg.data, N = D.network, V = window.kgVis.network, el = kg.el;
  var container = document.getElementById("kg-network");
  var nodes = new V.DataSet(N.nodes);
  var edges = new V.DataSet(N.edges);
  var large = !N.physics;
  var options = {
    autoResize: true,
    nodes: { font: { size: 13, face: "sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#fff" }, borderWidth: 1 },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      font: { size: 10, face: "sans-serif", align: "middle", strokeWidth: 3, strokeColor: "#fff", color: "#333" },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.3 },
      selectionWidth: 2, hoverWidth: 0.5
    },
    physics: N.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, springLength: 130, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50 }
    } : false,
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: large, hideEdgesOnZoom: large, keyboard: false },
    layout: { randomSeed: 7, improvedLayout: N.nodes.length <= 100 }
  };
  var network = new V.Network(container, { nodes: nodes, edges: edges }, options);
  if (N.physics) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); });
  }
  var byEvent = new Map(), byRel = new Map();
  N.edges.forEach(function (e) {
    var m = e.kind === "event" ? byEvent : byRel;
    if (!m.has(e.ref)) m.set(e.ref, []);
    m.get(e.ref).push(e.id);
  });
  network.on("click", function (p) {
    if (p.nodes.length) kg.select("entity", p.nodes[0], "network");
    else if (p.edges.length) { var e = edges.get(p.edges[0]); if (e) kg.select(e.kind, e.ref, "network"); }
  });

  // legend (DOM only)
  var lg = document.getElementById("kg-legend");
  var ul = el("ul");
  N.legend.forEach(function (t) {
    var li = el("li");
    var g = el("span", "kg-glyph", t[2]);
    g.style.color = t[1];
    li.appendChild(g);
    li.appendChild(document.createTextNode(t[0] + " (" + t[4] + ")"));
    ul.appendChild(li);
  });
  lg.appendChild(ul);
  var ul2 = el("ul");
  [["", "asserted"], ["kg-planned", "planned"], ["kg-possible", "possible"], ["kg-negated", "\u2715 negated"],
   ["kg-relation", "relation"]].forEach(function (s) {
    var li = el("li");
    li.appendChild(el("span", "kg-line " + s[0]));
    li.appendChild(document.createTextNode(s[1]));
    ul2.appendChild(li);
  });
  ul2.appendChild(el("li", "kg-muted", "width = articles"));
  lg.appendChild(ul2);

  var hiddenN = new Map(), hiddenE = new Map();
  N.nodes.forEach(function (n) { hiddenN.set(n.id, false); });
  N.edges.forEach(function (e) { hiddenE.set(e.id, false); });

  function apply() {
    var S = kg.state, hits = kg.hits;
    var sel = (S.neighbourhood && kg.selected && kg.selected.kind === "entity") ? kg.selected.ref : null;
    var ends = new Set(), nE = 0, nN = 0, eu = [], nu = [];
    N.edges.forEach(function (e) {
      var item = e.kind === "event" ? D.events[e.ref] : D.relations[e.ref];
      var ok = (e.kind === "event" ? kg.eventPasses(item) : kg.relationPasses(item)) &&
        kg.entityTypeOK(e.from) && kg.entityTypeOK(e.to);
      if (ok && sel !== null) ok = e.from === sel || e.to === sel;
      if (ok) { ends.add(e.from); ends.add(e.to); nE++; }
      if (hiddenE.get(e.id) !== !ok) { hiddenE.set(e.id, !ok); eu.push({ id: e.id, hidden: !ok }); }
    });
    N.nodes.forEach(function (n) {
      var ok = kg.entityTypeOK(n.id);
      if (ok) {
        if (sel !== null) ok = n.id === sel || ends.has(n.id);
        else if (hits) ok = hits.has(n.id) || ends.has(n.id);
        else if (S.linkedOnly) ok = ends.has(n.id);
      }
      if (ok) nN++;
      if (hiddenN.get(n.id) !== !ok) { hiddenN.set(n.id, !ok); nu.push({ id: n.id, hidden: !ok }); }
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    return "network: " + nN + "/" + N.nodes.length + " nodes, " + nE + "/" + N.edges.length + " links";
  }
  function highlight(kind, ref) {
    if (kind === "entity") {
      if (nodes.get(ref)) network.selectNodes([ref]); else network.unselectAll();
    } else {
      var ids = (kind === "event" ? byEvent : byRel).get(ref) || [];
      network.setSelection({ nodes: [], edges: ids }, { unselectAll: true, highlightEdges: false });
    }
  }
  kg.views.push({ name: "network", apply: apply, highlight: highlight });
  window.kgNetwork = {
    network: network, nodes: nodes, edges: edges, edgesForEvent: function (i) { return byEvent.get(i) || []; },
    visibleNodes: function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; },
    visibleEdges: function () { return edges.get({ filter: function (e) { return !e.hidden; } }).length; }
  };
})();
