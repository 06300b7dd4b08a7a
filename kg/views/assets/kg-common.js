(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var kg = { data: D, views: [], selected: null, hits: null, q: "", kinds: {} };
  window.kg = kg;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  function txt(s) { return document.createTextNode(String(s)); }
  function fmtDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }
  function parseDay(v) { var t = Date.parse(v + "T00:00:00Z"); return isNaN(t) ? null : Math.round(t / 86400000); }
  kg.el = el; kg.clear = clear; kg.fmtDay = fmtDay; kg.parseDay = parseDay;

  // entity -> events / relations it takes part in
  var entEvents = D.entities.map(function () { return []; });
  var entRels = D.entities.map(function () { return []; });
  D.events.forEach(function (ev, i) {
    var seen = new Set();
    ev.actors.concat(ev.recipients, ev.locations).forEach(function (p) {
      if (!seen.has(p)) { seen.add(p); entEvents[p].push(i); }
    });
  });
  D.relations.forEach(function (r, i) {
    if (r.subject !== null) entRels[r.subject].push(i);
    if (r.object !== null && r.object !== r.subject) entRels[r.object].push(i);
  });
  kg.entityEvents = function (i) { return entEvents[i] || []; };

  // ---------------- filter state ----------------
  function keys(f) { return new Set(f.map(function (p) { return p[0]; })); }
  var F = D.facets;
  var S = {
    types: keys(F.eventTypes), rtypes: keys(F.relationTypes), modalities: keys(F.modalities),
    etypes: keys(F.entityTypes), source: "", from: F.dayMin, to: F.dayMax,
    hideUndated: false, q: "", neighbourhood: false, showUnlinked: false,
    maxNodes: D.network ? D.network.maxNodes : 0
  };
  kg.state = S;

  function anyHit(list) {
    for (var i = 0; i < list.length; i++) if (kg.hits.has(list[i])) return true;
    return false;
  }
  function contains(s, q) { return String(s).toLowerCase().indexOf(q) >= 0; }
  kg.eventPasses = function (ev) {
    if (!S.types.has(ev.type) || !S.modalities.has(ev.modality)) return false;
    if (S.source && ev.srcKeys.indexOf(S.source) < 0) return false;
    if (S.hideUndated && !ev.dated) return false;
    if (ev.d0 !== null && S.from !== null && (ev.d1 < S.from || ev.d0 > S.to)) return false;
    if (kg.hits) {
      if (!contains(ev.label, kg.q) && !contains(ev.type, kg.q) && !anyHit(ev.actors) &&
          !anyHit(ev.recipients) && !anyHit(ev.locations)) return false;
    }
    return true;
  };
  kg.relationPasses = function (r) {
    if (!S.rtypes.has(r.type) || !S.modalities.has(r.modality)) return false;
    if (S.source && r.srcKeys.indexOf(S.source) < 0) return false;
    if (kg.hits) {
      if (!contains(r.type, kg.q) && !kg.hits.has(r.subject) && !kg.hits.has(r.object)) return false;
    }
    return true;
  };
  kg.entityTypeOK = function (i) { var e = D.entities[i]; return !!e && S.etypes.has(e.type); };

  kg.apply = function () {
    var q = S.q.trim().toLowerCase();
    kg.q = q;
    if (q) {
      var hits = new Set();
      D.entities.forEach(function (e, i) { if (contains(e.label, q)) hits.add(i); });
      kg.hits = hits;
    } else {
      kg.hits = null;
    }
    var stats = [];
    kg.views.forEach(function (v) { var s = v.apply(); if (s) stats.push(s); });
    document.getElementById("kg-stats").textContent = stats.join(" \u00b7 ");
    if (kg.ready) saveState();
  };
  kg.setFilter = function (changes) {
    Object.keys(changes).forEach(function (k) {
      var v = changes[k];
      if (S[k] instanceof Set) v = new Set(v);
      S[k] = v;
    });
    syncControls();
    kg.apply();
  };

  // ---------------- filter bar ----------------
  var bar = document.getElementById("kg-filters");
  var controls = [];
  function fieldset(title) {
    var fs = el("fieldset", "kg-fs");
    fs.appendChild(el("legend", null, title));
    bar.appendChild(fs);
    return fs;
  }
  function checkboxGroup(title, key, facet) {
    if (!facet.length) return;
    var fs = fieldset(title);
    var boxes = [];
    if (facet.length) {
      var btns = el("div", "kg-fs-buttons");
      [["all", true], ["none", false]].forEach(function (b) {
        var btn = el("button", null, b[0]);
        btn.type = "button";
        btn.addEventListener("click", function () {
          boxes.forEach(function (cb) { cb.checked = b[1]; if (b[1]) S[key].add(cb.value); else S[key].delete(cb.value); });
          kg.apply();
        });
        btns.appendChild(btn);
      });
      fs.appendChild(btns);
    }
    facet.forEach(function (pair) {
      var lab = el("label", "kg-check");
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.value = pair[0];
      cb.setAttribute("data-filter", key);
      cb.addEventListener("change", function () {
        if (cb.checked) S[key].add(pair[0]); else S[key].delete(pair[0]);
        kg.apply();
      });
      boxes.push(cb);
      lab.appendChild(cb);
      lab.appendChild(txt(" " + pair[0] + " (" + pair[1] + ")"));
      lab.title = pair[0];
      fs.appendChild(lab);
    });
    controls.push(function () { boxes.forEach(function (cb) { cb.checked = S[key].has(cb.value); }); });
  }
  function toggle(fs, id, text, key) {
    var lab = el("label", "kg-check");
    var cb = el("input");
    cb.type = "checkbox"; cb.id = id; cb.checked = !!S[key];
    cb.addEventListener("change", function () { S[key] = cb.checked; kg.apply(); });
    lab.appendChild(cb); lab.appendChild(txt(" " + text));
    fs.appendChild(lab);
    controls.push(function () { cb.checked = !!S[key]; });
  }

  var fsq = fieldset("Search");
  var search = el("input");
  search.type = "search"; search.id = "kg-q"; search.placeholder = "label contains\u2026";
  search.setAttribute("aria-label", "Search labels");
  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { S.q = search.value; kg.apply(); }, 150);
  });
  fsq.appendChild(search);
  controls.push(function () { search.value = S.q; });
  if (D.views.indexOf("network") >= 0) {
    toggle(fsq, "kg-neigh", "neighbourhood of selected node", "neighbourhood");
    toggle(fsq, "kg-unlinked", "show entities without links", "showUnlinked");
    var lim = el("label", "kg-check", "show at most ");
    var max = el("input");
    max.type = "number"; max.min = 0; max.step = 10; max.id = "kg-maxnodes"; max.className = "kg-num";
    max.title = "the best-connected entities (0: all)";
    max.addEventListener("change", function () { S.maxNodes = Math.max(0, Math.floor(+max.value || 0)); kg.apply(); });
    lim.appendChild(max);
    lim.appendChild(txt(" entities"));
    fsq.appendChild(lim);
    controls.push(function () { max.value = S.maxNodes; });
  }
  if (D.views.indexOf("timeline") >= 0) {
    var fsl = fieldset("Timeline lanes");
    var lanes = el("select");
    lanes.id = "kg-lanes";
    [["actor", "per actor"], ["source", "per source"]].forEach(function (o) {
      var opt = el("option", null, o[1]); opt.value = o[0]; lanes.appendChild(opt);
    });
    lanes.value = D.timeline.lanes;
    fsl.appendChild(lanes);
    kg.lanesSelect = lanes;
  }

  if (F.dayMin !== null) {
    var fst = fieldset("Time (event time, else published)");
    var from = el("input"), to = el("input");
    [from, to].forEach(function (r, k) {
      var lab = el("label", "kg-date", k ? "to " : "from ");
      r.type = "date"; r.min = fmtDay(F.dayMin); r.max = fmtDay(F.dayMax); r.id = k ? "kg-to" : "kg-from";
      r.required = true;
      lab.appendChild(r);
      fst.appendChild(lab);
    });
    var onDate = function (ev) {
      var a = parseDay(from.value), b = parseDay(to.value);
      if (a === null || b === null) return;
      if (a > b) { if (ev && ev.target === from) b = a; else a = b; }
      kg.setFilter({ from: a, to: b });
    };
    from.addEventListener("change", onDate); to.addEventListener("change", onDate);
    var quick = el("div", "kg-fs-buttons");
    [["dense range", function () { kg.setFilter({ from: F.denseFrom, to: F.denseTo }); }],
     ["all dates", function () { kg.setFilter({ from: F.dayMin, to: F.dayMax }); }]].forEach(function (q) {
      var btn = el("button", null, q[0]);
      btn.type = "button";
      btn.addEventListener("click", q[1]);
      quick.appendChild(btn);
    });
    fst.appendChild(quick);
    toggle(fst, "kg-hide-undated", "hide events without event time (" + F.undated + ")", "hideUndated");
    controls.push(function () { from.value = fmtDay(S.from); to.value = fmtDay(S.to); });
    brush();
  } else if (F.undated) {
    toggle(fieldset("Time"), "kg-hide-undated", "hide events without event time (" + F.undated + ")", "hideUndated");
  }

  checkboxGroup("Modality", "modalities", F.modalities);
  checkboxGroup("Event type", "types", F.eventTypes);
  checkboxGroup("Relation type", "rtypes", F.relationTypes);
  checkboxGroup("Entity type", "etypes", F.entityTypes);

  if (F.outlets.length || F.sources.length) {
    var fss = fieldset("Source / outlet");
    var sel = el("select");
    sel.id = "kg-source";
    var all = el("option", null, "(all)"); all.value = ""; sel.appendChild(all);
    [["Outlets", "o:", F.outlets], ["Cited sources", "s:", F.sources]].forEach(function (g) {
      if (!g[2].length) return;
      var og = el("optgroup"); og.label = g[0];
      g[2].forEach(function (p) { var o = el("option", null, p[0] + " (" + p[1] + ")"); o.value = g[1] + p[0]; og.appendChild(o); });
      sel.appendChild(og);
    });
    sel.addEventListener("change", function () { S.source = sel.value; kg.apply(); });
    fss.appendChild(sel);
    controls.push(function () { sel.value = S.source; });
  }
  function syncControls() { controls.forEach(function (f) { f(); }); }

  // ---------------- evidence panel ----------------
  var panel = document.getElementById("kg-panel");
  function row(dl, k, v) {
    if (v === null || v === undefined || v === "") return;
    dl.appendChild(el("dt", null, k));
    var dd = el("dd");
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v);
    dl.appendChild(dd);
  }
  function iriNode(iri) { var c = el("code", "kg-iri", iri); c.tabIndex = 0; return c; }
  // the one place a page makes a link: http(s) URLs of articles, and the page's own downloads
  var SAFE_URL = /^(https?:\/\/|blob:|data:image\/png;base64,|data:text\/csv;)/i;
  function setLink(a, url) {
    if (!SAFE_URL.test(url)) return false;
    a.href = url;
    return true;
  }
  function urlNode(url) {
    if (!url) return null;
    var s = String(url).trim();
    if (!/^https?:\/\//i.test(s)) return el("span", "kg-muted", s + " (not an http(s) link)");
    var a = el("a", "kg-url", s);
    a.target = "_blank"; a.rel = "noopener noreferrer";
    setLink(a, s);
    return a;
  }
  kg.download = function (name, url) {
    var a = el("a");
    a.download = name;
    if (!setLink(a, url)) return;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  function entityLinks(list) {
    if (!list || !list.length) return null;
    var span = el("span", "kg-links");
    list.forEach(function (i, k) {
      if (k) span.appendChild(txt(", "));
      var e = D.entities[i];
      var b = el("button", "kg-link", e ? e.label : String(i));
      b.type = "button";
      b.addEventListener("click", function () { kg.select("entity", i, "panel"); });
      span.appendChild(b);
    });
    return span;
  }
  function names(list) { return list.map(function (i) { return D.entities[i] ? D.entities[i].label : "?"; }).join(", "); }
  // "Russia -> Ukraine: ASSAULT (possible)": who did what to whom, as text
  function eventText(ev) {
    var to = ev.recipients.length ? ev.recipients : ev.locations;
    return (ev.actors.length ? names(ev.actors) : "?") + (to.length ? " \u2192 " + names(to) : "") + ": " +
      (ev.modality === "negated" ? "\u2715 " : "") + ev.type + (ev.modality !== "asserted" ? " (" + ev.modality + ")" : "");
  }
  kg.eventText = eventText;
  function eventLink(i, text) {
    var ev = D.events[i];
    var b = el("button", "kg-link", text || eventText(ev));
    b.type = "button";
    b.addEventListener("click", function () { kg.select("event", i, "panel"); });
    return b;
  }
  function badges(item) {
    var p = el("p");
    p.appendChild(el("span", "kg-badge" + (item.modality === "negated" ? " kg-b-negated" : ""), item.modality));
    if (item.disputed) {
      p.appendChild(el("span", "kg-badge kg-b-disputed",
        "disputed: " + item.claimModalities.join(" / ")));
    }
    p.appendChild(el("span", "kg-badge", item.articles + (item.articles === 1 ? " article" : " articles")));
    return p;
  }
  function articleTitle(c) {
    return c.article_title || "(untitled article " + (c.article ? c.article.split("/").pop() : "?") + ")";
  }
  function claimsNode(item, compact) {
    var wrap = el("div", "kg-claims");
    var n = item.claims.length;
    if (!compact) wrap.appendChild(el("h3", null, "Evidence (" + n + (n === 1 ? " claim)" : " claims)")));
    if (!n) wrap.appendChild(el("p", "kg-muted", "No claims recorded."));
    item.claims.forEach(function (c) {
      var differs = c.modality !== null && c.modality.toLowerCase() !== item.modality;
      var box = el("div", "kg-claim" + (differs ? " kg-claim-differs" : ""));
      if (c.evidence) box.appendChild(el("blockquote", "kg-evidence", c.evidence));
      else box.appendChild(el("p", "kg-muted", "(no evidence sentence)"));
      var dl = el("dl");
      row(dl, "Article", articleTitle(c));
      row(dl, "Outlet", c.outlet || "\u2014");
      row(dl, "Date", c.date || "\u2014");
      row(dl, "URL", urlNode(c.url));
      row(dl, "Source chain", c.sources.length ? c.sources.join(" \u2192 ") : "(the article's own voice)");
      row(dl, "Modality", c.modality || "\u2014");
      row(dl, "Confidence", c.confidence === null ? "\u2014" : c.confidence.toFixed(2));
      if (!compact) row(dl, "Article IRI", c.article ? iriNode(c.article) : "\u2014");
      box.appendChild(dl);
      wrap.appendChild(box);
    });
    return wrap;
  }
  kg.ui = { row: row, claimsNode: claimsNode, eventLink: eventLink, entityLinks: entityLinks, badges: badges };
  function showEvent(i) {
    var ev = D.events[i];
    panel.appendChild(el("p", "kg-kind", "Event"));
    panel.appendChild(el("h2", null, eventText(ev) + (ev.label ? " \u2014 " + ev.label : "")));
    panel.appendChild(badges(ev));
    var dl = el("dl");
    row(dl, "IRI", iriNode(ev.id));
    row(dl, "Type", ev.type);
    row(dl, "Mode", ev.mode);
    row(dl, "Actors", entityLinks(ev.actors));
    row(dl, "Recipients", entityLinks(ev.recipients));
    row(dl, "Locations", entityLinks(ev.locations));
    var tm = "(none: undated)";
    if (ev.time) {
      var parts = [];
      if (ev.time.text) parts.push("\u201c" + ev.time.text + "\u201d");
      if (ev.time.start || ev.time.end) {
        parts.push(ev.time.start === ev.time.end || !ev.time.end ? (ev.time.start || "") :
          (ev.time.start || "?") + " \u2013 " + ev.time.end);
      }
      if (parts.length) tm = parts.join(" ");
    }
    row(dl, "Event time", tm);
    row(dl, "Published", ev.published || "(unknown)");
    row(dl, "Quantity", ev.quantity);
    row(dl, "Plan", ev.plan);
    row(dl, "Actor disputed", ev.actorDispute);
    panel.appendChild(dl);
    panel.appendChild(claimsNode(ev));
  }
  function showRelation(i) {
    var r = D.relations[i];
    panel.appendChild(el("p", "kg-kind", "Relation"));
    panel.appendChild(el("h2", null, r.type));
    panel.appendChild(badges(r));
    var dl = el("dl");
    row(dl, "IRI", iriNode(r.id));
    row(dl, "Subject", entityLinks(r.subject === null ? [] : [r.subject]));
    row(dl, "Object", entityLinks(r.object === null ? [] : [r.object]));
    panel.appendChild(dl);
    panel.appendChild(claimsNode(r));
  }
  function roleOf(ev, i) {
    return ev.actors.indexOf(i) >= 0 ? "actor" : ev.recipients.indexOf(i) >= 0 ? "recipient" : "location";
  }
  function counterpart(ev, i, role) {
    var others = role === "actor" ? (ev.recipients.length ? ev.recipients : ev.locations) : ev.actors;
    others = others.filter(function (p) { return p !== i; });
    return others.length ? names(others) : "\u2014";
  }
  var ENTITY_ROWS = 400;
  function eventTable(i, evs) {
    var table = el("table", "kg-events");
    var head = el("tr");
    ["date", "role", "counterpart", "event"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    table.appendChild(head);
    var sorted = evs.slice().sort(function (a, b) {
      var da = D.events[a].d0, db = D.events[b].d0;
      return (da === null ? 1e9 : da) - (db === null ? 1e9 : db) || a - b;
    });
    function add(list) {
      list.forEach(function (k) {
        var ev = D.events[k], role = roleOf(ev, i), tr = el("tr");
        tr.appendChild(el("td", ev.dated ? null : "kg-muted", ev.t ? ev.t.start + (ev.dated ? "" : " (pub.)") : "\u2014"));
        tr.appendChild(el("td", null, role));
        tr.appendChild(el("td", null, counterpart(ev, i, role)));
        var td = el("td");
        td.appendChild(eventLink(k, (ev.modality === "negated" ? "\u2715 " : "") + ev.type +
          (ev.modality !== "asserted" ? " (" + ev.modality + ")" : "") + (ev.disputed ? " [disputed]" : "")));
        tr.appendChild(td);
        table.appendChild(tr);
      });
    }
    add(sorted.slice(0, ENTITY_ROWS));
    var wrap = el("div");
    wrap.appendChild(table);
    if (sorted.length > ENTITY_ROWS) {
      var more = el("button", null, "show " + (sorted.length - ENTITY_ROWS) + " more");
      more.type = "button";
      more.addEventListener("click", function () { add(sorted.slice(ENTITY_ROWS)); more.remove(); });
      wrap.appendChild(more);
    }
    return wrap;
  }
  function showEntity(i) {
    var e = D.entities[i];
    panel.appendChild(el("p", "kg-kind", "Entity"));
    panel.appendChild(el("h2", null, e.label));
    var dl = el("dl");
    row(dl, "IRI", iriNode(e.id));
    row(dl, "Type", e.type + (e.placeholder ? " (not described in the model)" : ""));
    row(dl, "Wikidata", e.wikidata);
    row(dl, "Events", String(e.events));
    panel.appendChild(dl);
    var evs = entEvents[i].filter(function (k) { return kg.eventPasses(D.events[k]); });
    panel.appendChild(el("h3", null, "Events (" + evs.length + " of " + entEvents[i].length + " pass the filters)"));
    if (evs.length) panel.appendChild(eventTable(i, evs));
    var rels = entRels[i];
    if (rels.length) {
      panel.appendChild(el("h3", null, "Relations (" + rels.length + ")"));
      var ul2 = el("ul", "kg-list");
      rels.forEach(function (k) {
        var r = D.relations[k];
        var li = el("li");
        var b = el("button", "kg-link", r.type);
        b.type = "button";
        b.addEventListener("click", function () { kg.select("relation", k, "panel"); });
        var s = D.entities[r.subject], o = D.entities[r.object];
        li.appendChild(txt((s ? s.label : "?") + " "));
        li.appendChild(b);
        li.appendChild(txt(" " + (o ? o.label : "?")));
        ul2.appendChild(li);
      });
      panel.appendChild(ul2);
    }
  }
  kg.kinds.event = { table: D.events, show: function (p, i) { showEvent(i); } };
  kg.kinds.relation = { table: D.relations, show: function (p, i) { showRelation(i); } };
  kg.kinds.entity = { table: D.entities, show: function (p, i) { showEntity(i); } };
  kg.select = function (kind, ref, origin) {
    var k = kg.kinds[kind];
    if (!k || typeof ref !== "number" || !k.table[ref]) return;
    kg.selected = { kind: kind, ref: ref };
    clear(panel);
    k.show(panel, ref);
    panel.scrollTop = 0;
    kg.views.forEach(function (v) { if (v.name !== origin && v.highlight) v.highlight(kind, ref); });
    if (S.neighbourhood) kg.apply(); else saveState();
  };
  kg.findEvent = function (iri) { for (var i = 0; i < D.events.length; i++) if (D.events[i].id === iri) return i; return -1; };
  kg.findEntity = function (iri) { for (var i = 0; i < D.entities.length; i++) if (D.entities[i].id === iri) return i; return -1; };

  // ---------------- histogram of events over time, with a brush ----------------
  function brush() {
    var host = document.getElementById("kg-range");
    if (!host) return;
    var lo = F.denseFrom, hi = F.denseTo + 1, before = 0, after = 0, perDay = new Map();
    D.events.forEach(function (ev) {
      if (ev.d0 === null) return;
      if (ev.d0 < lo) before++; else if (ev.d0 >= hi) after++; else perDay.set(ev.d0, (perDay.get(ev.d0) || 0) + 1);
    });
    var canvas = el("canvas");
    canvas.id = "kg-brush"; canvas.height = 54;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Events per day; drag to choose a date range");
    var info = el("div", "kg-brush-info");
    host.appendChild(canvas); host.appendChild(info);
    var drag = null;
    // x in CSS pixels of the (stretched) canvas
    function x2day(x) {
      var w = canvas.getBoundingClientRect().width || canvas.width;
      return Math.max(lo, Math.min(hi - 1, Math.floor(lo + x / w * (hi - lo))));
    }
    function day2x(d) { return (d - lo) / (hi - lo) * canvas.width; }
    function draw() {
      var w = Math.max(200, host.clientWidth - 4);
      if (canvas.width !== w) canvas.width = w;
      var ctx = canvas.getContext("2d"), h = canvas.height - 14;
      var bin = Math.max(1, Math.ceil((hi - lo) / (w / 3))), bins = [], max = 1;
      for (var d = lo; d < hi; d += bin) {
        var n = 0;
        for (var k = d; k < d + bin && k < hi; k++) n += perDay.get(k) || 0;
        bins.push([d, n]);
        if (n > max) max = n;
      }
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      var a = drag ? Math.min(drag.a, drag.b) : S.from, b = drag ? Math.max(drag.a, drag.b) : S.to;
      bins.forEach(function (p) {
        var inside = p[0] + bin - 1 >= a && p[0] <= b;
        ctx.fillStyle = inside ? "#4e79a7" : "#c9d3de";
        var bh = Math.max(1, Math.round(Math.sqrt(p[1] / max) * h)), x = day2x(p[0]);
        if (p[1]) ctx.fillRect(x, h - bh, Math.max(1, day2x(p[0] + bin) - x - 1), bh);
      });
      ctx.fillStyle = "rgba(255,200,0,.18)";
      var xa = day2x(Math.max(a, lo)), xb = day2x(Math.min(b, hi - 1) + 1);
      if (xb > xa) ctx.fillRect(xa, 0, xb - xa, h);
      ctx.fillStyle = "#555"; ctx.font = "10px sans-serif"; ctx.textBaseline = "bottom";
      ctx.textAlign = "left"; ctx.fillText(fmtDay(lo), 2, canvas.height);
      ctx.textAlign = "right"; ctx.fillText(fmtDay(hi - 1), canvas.width - 2, canvas.height);
      info.textContent = "Shown: " + fmtDay(S.from) + " \u2013 " + fmtDay(S.to) + " (" + (S.to - S.from + 1) + " days). " +
        "Drag on the bars to choose dates." + (before ? " " + before + " events before " + fmtDay(lo) + "." : "") +
        (after ? " " + after + " after " + fmtDay(hi - 1) + "." : "");
    }
    function xOf(ev) { return ev.clientX - canvas.getBoundingClientRect().left; }
    canvas.addEventListener("mousedown", function (ev) { drag = { a: x2day(xOf(ev)), b: x2day(xOf(ev)) }; draw(); });
    canvas.addEventListener("mousemove", function (ev) { if (drag) { drag.b = x2day(xOf(ev)); draw(); } });
    window.addEventListener("mouseup", function () {
      if (!drag) return;
      var a = Math.min(drag.a, drag.b), b = Math.max(drag.a, drag.b);
      drag = null;
      kg.setFilter({ from: a, to: b });
    });
    window.addEventListener("resize", draw);
    controls.push(draw);
    kg.drawBrush = draw;
  }

  // ---------------- CSV of the events passing the filters, with their evidence ----------------
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run article text as a formula
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  kg.csv = function () {
    var head = ["event", "date", "dated", "type", "modality", "actors", "recipients", "locations", "article",
                "article_title", "outlet", "published", "url", "sources", "claim_modality", "evidence"];
    var lines = [head.join(",")];
    D.events.forEach(function (ev) {
      if (!kg.eventPasses(ev)) return;
      ev.claims.forEach(function (c) {
        lines.push([ev.id, ev.t ? ev.t.start : "", ev.dated, ev.type, ev.modality, names(ev.actors), names(ev.recipients),
          names(ev.locations), c.article, c.article_title, c.outlet, c.date, c.url, c.sources.join(" > "), c.modality,
          c.evidence].map(csvCell).join(","));
      });
    });
    return lines.join("\r\n") + "\r\n";
  };
  function exportCsv() {
    kg.download("kg-events.csv", URL.createObjectURL(new Blob([kg.csv()], { type: "text/csv" })));
  }
  var fse = fieldset("Export and share");
  var csvButton = el("button", null, "CSV of filtered events");
  csvButton.type = "button"; csvButton.id = "kg-csv";
  csvButton.addEventListener("click", exportCsv);
  fse.appendChild(csvButton);
  fse.appendChild(el("p", "kg-muted kg-small", "The address (after #) keeps the filters, range and selection: copy it to share this view."));

  // ---------------- the view state in the URL fragment ----------------
  var SET_KEYS = [["types", F.eventTypes], ["rtypes", F.relationTypes], ["modalities", F.modalities], ["etypes", F.entityTypes]];
  function stateString() {
    var p = new URLSearchParams();
    SET_KEYS.forEach(function (k) {
      var off = k[1].filter(function (f) { return !S[k[0]].has(f[0]); }).map(function (f) { return f[0]; });
      if (off.length) p.set("no-" + k[0], JSON.stringify(off));
    });
    if (S.from !== F.dayMin || S.to !== F.dayMax) p.set("range", fmtDay(S.from) + "/" + fmtDay(S.to));
    ["q", "source"].forEach(function (k) { if (S[k]) p.set(k, S[k]); });
    ["hideUndated", "neighbourhood", "showUnlinked"].forEach(function (k) { if (S[k]) p.set(k, "1"); });
    if (D.network && S.maxNodes !== D.network.maxNodes) p.set("max", String(S.maxNodes));
    if (kg.lanesSelect && kg.lanesSelect.value !== D.timeline.lanes) p.set("lanes", kg.lanesSelect.value);
    if (kg.selected) {
      var t = kg.kinds[kg.selected.kind].table[kg.selected.ref];
      p.set("sel", kg.selected.kind + ":" + (t.id !== undefined && kg.selected.kind !== "link" ? t.id : kg.selected.ref));
    }
    return p.toString();
  }
  function saveState() {
    var s = stateString();
    if (s === (location.hash || "#").slice(1)) return;
    try { history.replaceState(null, "", s ? "#" + s : location.pathname + location.search); } catch (e) { /* sandboxed frame */ }
  }
  function loadState() {
    var p = new URLSearchParams((location.hash || "#").slice(1));
    SET_KEYS.forEach(function (k) {
      if (!p.has("no-" + k[0])) return;
      try { JSON.parse(p.get("no-" + k[0])).forEach(function (v) { S[k[0]].delete(String(v)); }); } catch (e) { /* ignore a bad fragment */ }
    });
    var r = (p.get("range") || "").split("/");
    if (r.length === 2 && parseDay(r[0]) !== null && parseDay(r[1]) !== null) { S.from = parseDay(r[0]); S.to = parseDay(r[1]); }
    ["q", "source"].forEach(function (k) { if (p.has(k)) S[k] = p.get(k); });
    ["hideUndated", "neighbourhood", "showUnlinked"].forEach(function (k) { if (p.get(k) === "1") S[k] = true; });
    if (p.has("max") && /^[0-9]+$/.test(p.get("max"))) S.maxNodes = +p.get("max");
    if (kg.lanesSelect && (p.get("lanes") === "actor" || p.get("lanes") === "source")) kg.lanesSelect.value = p.get("lanes");
    return p.get("sel");
  }
  function restoreSelection(sel) {
    if (!sel) return;
    var at = sel.indexOf(":"), kind = sel.slice(0, at), ref = sel.slice(at + 1);
    var k = kg.kinds[kind];
    if (!k) return;
    var i = kind === "link" ? Number(ref) : k.table.findIndex(function (t) { return t.id === ref; });
    if (i >= 0 && k.table[i]) kg.select(kind, i, "url");
  }

  kg.start = function () {
    var sel = loadState();
    syncControls();
    if (kg.lanesSelect && kg.lanesSelect.value !== D.timeline.lanes) kg.lanesSelect.dispatchEvent(new Event("change"));
    kg.apply();
    restoreSelection(sel);
    kg.readyAt = performance.now();
    kg.ready = true;
  };
})();
