// The network view: entities as nodes (shape = type, colour = community), one link per
// (from, to, type, modality) whose width counts the events passing the filters, and, on each node, a
// count of its events that draw no link (one participant). Model text is only ever text.
(function () {
  "use strict";
  var kg = window.kg, D = kg.data, N = D.network, V = window.kgVis.network, el = kg.el;
  var container = document.getElementById("kg-network");
  var OTHER_COMMUNITY = "#c7c7c7", UNLINKED = "#e3e3e3";
  function communityColour(c) { return c < 0 ? UNLINKED : c < N.palette.length ? N.palette[c] : OTHER_COMMUNITY; }
  var home = new Map();  // node id -> [x, y] computed in Python for the whole linked graph
  var nodeById = new Map();
  N.nodes.forEach(function (n) {
    home.set(n.id, [n.x, n.y]);
    nodeById.set(n.id, n);
    var c = communityColour(n.community);
    n.color = { background: c, border: "#555", highlight: { background: "#ffe58a", border: "#b8860b" },
                hover: { background: c, border: "#222" } };
    n.physics = false;
  });
  function visNode(n) {
    return { id: n.id, label: n.label, title: n.title, shape: n.shape, color: n.color, size: n.size, font: n.font,
             x: n.x, y: n.y, physics: false, hidden: false, community: n.community };
  }
  // entities with no link at all join the drawing only when asked for (thousands on a corpus: they would
  // cost the page's start for nothing)
  var inSet = new Set();
  var nodes = new V.DataSet(N.nodes.filter(function (n) { return n.degree > 0; }).map(function (n) {
    inSet.add(n.id);
    return visNode(n);
  }));
  var edges = new V.DataSet(N.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, label: e.label, title: e.title, width: e.width, color: e.color,
             dashes: e.dashes || false, smooth: e.smooth || false, hidden: false };
  }));
  var options = {
    autoResize: true,
    nodes: { font: { size: 14, face: "sans-serif", color: "#222", strokeWidth: 4, strokeColor: "#fff" }, borderWidth: 1 },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      font: { size: 18, face: "sans-serif", align: "horizontal", strokeWidth: 4, strokeColor: "#fff", color: "#222" },
      selectionWidth: 2, hoverWidth: 0.5
    },
    physics: false,
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: N.nodes.length > 400, keyboard: false },
    layout: { randomSeed: 7, improvedLayout: false }
  };
  var network = new V.Network(container, { nodes: nodes, edges: edges }, options);

  var byEvent = new Map(), byRel = new Map();
  N.edges.forEach(function (e) {
    var m = e.kind === "event" ? byEvent : byRel;
    e.refs.forEach(function (r) { if (!m.has(r)) m.set(r, []); m.get(r).push(e.id); });
  });

  // ---------------- the evidence panel of a link: every report it stands for ----------------
  var shownRefs = new Map();  // edge id -> refs passing the filters
  kg.kinds.link = {
    table: N.edges,
    show: function (panel, i) {
      var e = N.edges[i], ui = kg.ui;
      var refs = shownRefs.get(e.id) || e.refs;
      panel.appendChild(el("p", "kg-kind", e.kind === "event" ? "Events" : "Relations"));
      var h = el("h2");
      h.appendChild(document.createTextNode(D.entities[e.from].label + " \u2192 " + D.entities[e.to].label +
        ": " + e.type + " (" + e.modality + ")"));
      panel.appendChild(h);
      panel.appendChild(el("p", "kg-muted", refs.length + " of " + e.refs.length + " " + e.kind +
        (e.refs.length === 1 ? "" : "s") + " pass the filters; each with every report of it"));
      refs.forEach(function (r) {
        var item = e.kind === "event" ? D.events[r] : D.relations[r];
        var box = el("section", "kg-report-group");
        var head = el("h3");
        if (e.kind === "event") {
          head.appendChild(document.createTextNode((item.t ? item.t.start : "no date") + (item.dated ? "" : " (published; undated)") + " \u00b7 "));
          head.appendChild(ui.eventLink(r));
        } else {
          head.textContent = item.type;
        }
        box.appendChild(head);
        box.appendChild(ui.claimsNode(item, true));
        panel.appendChild(box);
      });
    }
  };

  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (network.isCluster(id)) { network.openCluster(id); return; }
      kg.select("entity", id, "network");
    } else if (p.edges.length) {
      var e = edges.get(p.edges[0]);
      if (e) kg.select("link", e.id, "network");
    }
  });

  // ---------------- counts of unlinked events, drawn on their node ----------------
  var badge = new Map();  // node id -> events passing the filters that draw no link
  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    var r = Math.max(7, 9 / Math.sqrt(scale));
    ctx.save();
    ctx.font = "bold " + Math.round(r * 1.2) + "px sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "middle";
    badge.forEach(function (n, id) {
      var b = network.body.nodes[id];
      if (!b || b.options.hidden || !n) return;
      var x = b.x + b.options.size * 0.75, y = b.y - b.options.size * 0.75;
      var text = String(n), w = Math.max(2 * r, ctx.measureText(text).width + r);
      ctx.fillStyle = "#fff"; ctx.strokeStyle = "#7a2e1c"; ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.ellipse(x, y, w / 2, r, 0, 0, 2 * Math.PI);
      ctx.fill(); ctx.stroke();
      ctx.fillStyle = "#7a2e1c";
      ctx.fillText(text, x, y + 0.5);
    });
    ctx.restore();
  });

  // ---------------- legend (DOM only) ----------------
  var lg = document.getElementById("kg-legend");
  var hiddenNote = el("li", "kg-muted");
  function legendList(rows) {
    var ul = el("ul");
    rows.forEach(function (li) { ul.appendChild(li); });
    lg.appendChild(ul);
  }
  function item(glyph, colour, text, cls) {
    var li = el("li");
    var g = el("span", cls || "kg-glyph", glyph);
    if (colour) g.style.color = colour;
    li.appendChild(g);
    li.appendChild(document.createTextNode(text));
    return li;
  }
  legendList([el("li", "kg-legend-head", "Shape = type:")].concat(N.legend.map(function (t) {
    return item(t[2], "#555", t[0] + " (" + t[4] + ")");
  })));
  legendList([el("li", "kg-legend-head", "Colour = community:")].concat(N.communities.slice(0, 10).map(function (c, k) {
    return item("\u25cf", communityColour(k), c[0] + " (" + c[1] + ")");
  }), N.communities.length > 10 ? [item("\u25cf", OTHER_COMMUNITY, (N.communities.length - 10) + " smaller")] : []));
  var lines = [["", "asserted"], ["kg-planned", "planned"], ["kg-possible", "possible"], ["kg-negated", "\u2715 negated"],
               ["kg-relation", "relation"]].map(function (s) {
    var li = el("li");
    li.appendChild(el("span", "kg-line " + s[0]));
    li.appendChild(document.createTextNode(s[1]));
    return li;
  });
  lines.push(el("li", "kg-muted", "one link per pair, type and modality; width and \u00d7n = events (the 40 largest labelled)"));
  var b = el("li");
  b.appendChild(el("span", "kg-badge-sample", "12"));
  b.appendChild(document.createTextNode(" = events with no counterpart in view (one participant): click the entity to list them"));
  lines.push(b);
  legendList(lines);
  var tools = el("div", "kg-tools");
  function tool(text, id, fn) {
    var t = el("button", null, text);
    t.type = "button"; t.id = id;
    t.addEventListener("click", fn);
    tools.appendChild(t);
    return t;
  }
  tool("collapse communities", "kg-collapse", function () { collapsed = true; collapse(); });
  tool("expand all", "kg-expand", function () { collapsed = false; expand(); });
  tool("re-lay out", "kg-relayout", function () { relayout(true); });
  tool("fit", "kg-fit", function () { fit(); });
  tool("PNG", "kg-png", function () { exportPng(); });
  tools.appendChild(hiddenNote);
  lg.appendChild(tools);

  // ---------------- collapse / expand communities (vis clustering) ----------------
  var collapsed = false;
  function collapse() {
    expand();
    N.communities.forEach(function (c, k) {
      var members = N.nodes.filter(function (n) { return n.community === k && !hiddenN.get(n.id); });
      if (members.length < 3) return;
      network.cluster({
        joinCondition: function (o) { return o.community === k && !hiddenN.get(o.id); },
        clusterNodeProperties: {
          id: "community:" + k, label: c[0] + " +" + (members.length - 1), shape: "dot",
          size: 25 + 3 * Math.sqrt(members.length), color: communityColour(k), font: { size: 30 },
          title: members.length + " entities (click to expand)"
        }
      });
    });
    // cluster() options need the node's community: nodes carry it in the DataSet
  }
  function expand() {
    Object.keys(network.body.nodes).forEach(function (id) {
      if (network.isCluster(id)) network.openCluster(id);
    });
  }

  // ---------------- layout of the visible subset ----------------
  function layout(ids) {
    // ForceAtlas2-like, on the visible nodes only, from their current places: repulsion grows with both
    // degrees (hubs push each other apart), attraction along each linked pair, weak gravity, and no overlap
    // of nodes and their labels
    var n = ids.length;
    if (n < 2) return null;
    var index = new Map(), x = new Float64Array(n), y = new Float64Array(n), r = new Float64Array(n), deg = new Float64Array(n);
    var pos = network.getPositions(ids), cx = 0, cy = 0;
    ids.forEach(function (id) { cx += pos[id].x / n; cy += pos[id].y / n; });
    ids.forEach(function (id, k) {
      var nd = nodeById.get(id), f = (nd.font && nd.font.size) || 14;
      index.set(id, k); x[k] = pos[id].x - cx; y[k] = pos[id].y - cy;
      r[k] = nd.size + Math.min(nd.label.length * f * 0.3, 110) + 6;
    });
    var pairs = new Map();
    N.edges.forEach(function (e) {
      if (hiddenE.get(e.id) || !index.has(e.from) || !index.has(e.to) || e.from === e.to) return;
      var a = index.get(e.from), c = index.get(e.to), key = a < c ? a + ":" + c : c + ":" + a;
      if (!pairs.has(key)) { pairs.set(key, [a, c]); deg[a]++; deg[c]++; }
    });
    var springs = Array.from(pairs.values());
    var sq = deg.map(function (v) { return Math.sqrt(v) + 1; });
    var meanR = 0;
    for (var k = 0; k < n; k++) meanR += r[k] / n;
    var L = meanR + 20, rounds = Math.max(20, Math.min(200, Math.floor(3e7 / (n * n))));
    var dx = new Float64Array(n), dy = new Float64Array(n);
    for (var it = 0; it < rounds; it++) {
      var temp = 2 * L * (1 - it / rounds) + 1;
      dx.fill(0); dy.fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var ddx = x[i] - x[j], ddy = y[i] - y[j], d = Math.sqrt(ddx * ddx + ddy * ddy) + 0.01;
          var f = L * sq[i] * sq[j] / (d * d), need = r[i] + r[j];
          if (d < need) f += 4 * (need - d) / d;
          dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
        }
      }
      springs.forEach(function (s) {
        var a = s[0], c = s[1], ddx = x[a] - x[c], ddy = y[a] - y[c];
        dx[a] -= ddx / L * 8; dy[a] -= ddy / L * 8; dx[c] += ddx / L * 8; dy[c] += ddy / L * 8;
      });
      for (var m = 0; m < n; m++) {
        dx[m] -= x[m] * sq[m] / L; dy[m] -= y[m] * sq[m] / L;  // gravity
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) + 0.01, step = Math.min(len, temp);
        x[m] += dx[m] / len * step; y[m] += dy[m] / len * step;
      }
    }
    return ids.map(function (id, k) { return { id: id, x: Math.round(x[k] * 10) / 10, y: Math.round(y[k] * 10) / 10 }; });
  }
  var laidOut = "", layouts = new Map();
  function visibleIds() { return N.nodes.filter(function (n) { return !hiddenN.get(n.id); }).map(function (n) { return n.id; }); }
  function fit() {
    var ids = visibleIds();
    if (ids.length) network.fit({ nodes: ids, minZoomLevel: 0.02, maxZoomLevel: 2.5, animation: false });
  }
  function relayout(force) {
    var t0 = performance.now();
    var ids = visibleIds(), key = ids.join(",");
    if (!force && key === laidOut) return;
    laidOut = key;
    var update = layouts.get(key);
    if (!update) {
      // start from the whole graph's layout, so that a subset keeps its places
      nodes.update(ids.map(function (id) { return { id: id, x: home.get(id)[0], y: home.get(id)[1] }; }));
      update = ids.length <= 1500 ? layout(ids) : null;
      if (update) layouts.set(key, update);
    }
    if (update) nodes.update(update);
    fit();
    kg.layoutMs = performance.now() - t0;
  }

  // ---------------- filters ----------------
  var hiddenN = new Map(), hiddenE = new Map(), widthOf = new Map(), labelOf = new Map();
  var EDGE_LABELS = 40;
  N.nodes.forEach(function (n) { hiddenN.set(n.id, !inSet.has(n.id)); });
  N.edges.forEach(function (e) { hiddenE.set(e.id, false); widthOf.set(e.id, e.width); labelOf.set(e.id, e.label); });
  function width(n) { return Math.round(Math.min(1.5 + 1.5 * Math.max(n - 1, 0), 10) * 100) / 100; }

  function apply() {
    var S = kg.state, hits = kg.hits;
    var sel = (S.neighbourhood && kg.selected && kg.selected.kind === "entity") ? kg.selected.ref : null;
    var passEv = D.events.map(kg.eventPasses), passRel = D.relations.map(kg.relationPasses);
    // 1. links with at least one event passing; 2. nodes: filters, then the best-connected S.maxNodes;
    // 3. links between shown nodes
    var refsOf = new Map(), weight = new Map();
    N.edges.forEach(function (e) {
      var pass = e.kind === "event" ? passEv : passRel;
      var refs = e.refs.filter(function (r) { return pass[r]; });
      var ok = refs.length > 0 && kg.entityTypeOK(e.from) && kg.entityTypeOK(e.to);
      if (ok && sel !== null) ok = e.from === sel || e.to === sel;
      shownRefs.set(e.id, refs);
      if (ok) {
        refsOf.set(e.id, refs);
        weight.set(e.from, (weight.get(e.from) || 0) + refs.length);
        weight.set(e.to, (weight.get(e.to) || 0) + refs.length);
      }
    });
    var solo = new Map(), candidates = [], hiddenUnlinked = 0, hiddenEvents = 0;
    N.nodes.forEach(function (n) {
      var k = 0;
      n.unlinked.forEach(function (r) { if (passEv[r]) k++; });
      solo.set(n.id, k);
      if (!kg.entityTypeOK(n.id)) return;
      var linked = weight.has(n.id), ok;
      if (sel !== null) ok = n.id === sel || linked;
      else if (hits) ok = hits.has(n.id) || linked;
      else ok = linked || S.showUnlinked;
      if (ok) candidates.push(n.id); else if (!linked) { hiddenUnlinked++; hiddenEvents += k; }
    });
    var limited = 0;
    if (S.maxNodes > 0 && candidates.length > S.maxNodes) {
      candidates.sort(function (a, b) {
        return (weight.get(b) || 0) - (weight.get(a) || 0) || solo.get(b) - solo.get(a) || a - b;
      });
      if (sel !== null) candidates.sort(function (a, b) { return (b === sel) - (a === sel); });
      var before = candidates.length, kept = new Set(candidates.slice(0, S.maxNodes));
      // a kept node whose links all lead to dropped nodes would float alone: drop it too
      var anchored = new Set();
      refsOf.forEach(function (refs, id) {
        var e = N.edges[id];
        if (kept.has(e.from) && kept.has(e.to) && e.from !== e.to) { anchored.add(e.from); anchored.add(e.to); }
      });
      candidates = candidates.slice(0, S.maxNodes).filter(function (id) {
        return anchored.has(id) || !weight.has(id) || id === sel || (hits && hits.has(id));
      });
      limited = before - candidates.length;
    }
    var shown = new Set(candidates);
    var nE = 0, nN = 0, eu = [], nu = [], events = 0, visible = [];
    N.edges.forEach(function (e) {
      var refs = refsOf.get(e.id) || [];
      if (refs.length > 0 && shown.has(e.from) && shown.has(e.to)) visible.push(e.id);
    });
    // only the links with most events carry a label: forty labels can be read at once, hundreds cannot
    var labelled = new Set(visible.slice().sort(function (a, b) {
      return refsOf.get(b).length - refsOf.get(a).length || a - b;
    }).slice(0, EDGE_LABELS));
    N.edges.forEach(function (e) {
      var refs = refsOf.get(e.id) || [];
      var ok = refs.length > 0 && shown.has(e.from) && shown.has(e.to);
      if (ok) { nE++; if (e.kind === "event") events += refs.length; }
      // (vis-network ignores an empty label in an update: a zero-width space clears it)
      var w = width(refs.length), label = !labelled.has(e.id) ? "\u200b" :
        (e.modality === "negated" ? "\u2715 " : "") + e.type + (refs.length > 1 ? " \u00d7" + refs.length : "");
      if (hiddenE.get(e.id) !== !ok || (ok && (widthOf.get(e.id) !== w || labelOf.get(e.id) !== label))) {
        hiddenE.set(e.id, !ok); widthOf.set(e.id, w); labelOf.set(e.id, label);
        eu.push({ id: e.id, hidden: !ok, width: w, label: label });
      }
    });
    badge = new Map();
    var added = [];
    N.nodes.forEach(function (n) {
      var ok = shown.has(n.id);
      if (ok) { nN++; events += solo.get(n.id); if (solo.get(n.id)) badge.set(n.id, solo.get(n.id)); }
      if (ok && !inSet.has(n.id)) { inSet.add(n.id); added.push(visNode(n)); hiddenN.set(n.id, false); return; }
      if (hiddenN.get(n.id) !== !ok) { hiddenN.set(n.id, !ok); nu.push({ id: n.id, hidden: !ok }); }
    });
    if (collapsed) expand();
    if (added.length) nodes.add(added);
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    if (nu.length || added.length || laidOut === "") relayout(false);
    if (collapsed) collapse();
    var notes = [];
    if (limited) notes.push(limited + " less connected entities not shown (raise \u201cshow at most\u201d)");
    if (hiddenUnlinked) notes.push(hiddenUnlinked + " entities without a visible link hidden (" + hiddenEvents +
      " events; tick \u201cshow entities without links\u201d)");
    hiddenNote.textContent = notes.join("; ");
    network.redraw();
    return "network: " + nN + "/" + N.nodes.length + " entities, " + nE + "/" + N.edges.length + " links, " +
      events + " events shown";
  }
  function highlight(kind, ref) {
    if (kind === "entity") {
      if (nodes.get(ref) && !hiddenN.get(ref)) network.selectNodes([ref]); else network.unselectAll();
    } else if (kind === "link") {
      network.setSelection({ nodes: [], edges: [ref] }, { unselectAll: true, highlightEdges: false });
    } else {
      var ids = (kind === "event" ? byEvent : byRel).get(ref) || [];
      network.setSelection({ nodes: [], edges: ids }, { unselectAll: true, highlightEdges: false });
    }
  }

  // ---------------- PNG of the current view ----------------
  function exportPng() {
    var canvas = container.querySelector("canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width; out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    kg.download("kg-network.png", out.toDataURL("image/png"));
  }

  kg.views.push({ name: "network", apply: apply, highlight: highlight });
  window.kgNetwork = {
    network: network, nodes: nodes, edges: edges, fit: fit, relayout: relayout, exportPng: exportPng,
    edgesForEvent: function (i) { return byEvent.get(i) || []; },
    badges: function () { var o = {}; badge.forEach(function (v, k) { o[k] = v; }); return o; },
    collapse: function () { collapsed = true; collapse(); }, expand: function () { collapsed = false; expand(); },
    visibleNodes: function () { return visibleIds().length; },
    visibleEdges: function () { return N.edges.filter(function (e) { return !hiddenE.get(e.id); }).length; }
  };
})();
