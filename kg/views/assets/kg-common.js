(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var kg = { data: D, views: [], selected: null, hits: null, q: "" };
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
  kg.el = el; kg.clear = clear; kg.fmtDay = fmtDay;

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
    hideUndated: false, q: "", neighbourhood: false, linkedOnly: false
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
    if (facet.length > 2) {
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
    toggle(fsq, "kg-linked", "only nodes with visible links", "linkedOnly");
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
    var from = el("input"), to = el("input"), out = el("output", "kg-range-out");
    [from, to].forEach(function (r, k) {
      r.type = "range"; r.min = F.dayMin; r.max = F.dayMax; r.step = 1;
      r.value = k ? F.dayMax : F.dayMin; r.id = k ? "kg-to" : "kg-from";
      r.setAttribute("aria-label", k ? "to" : "from");
      fst.appendChild(r);
    });
    var showRange = function () { out.textContent = fmtDay(S.from) + " \u2013 " + fmtDay(S.to); };
    var onRange = function (ev) {
      var a = +from.value, b = +to.value;
      if (a > b) { if (ev && ev.target === from) to.value = a; else from.value = b; }
      S.from = +from.value; S.to = +to.value; showRange(); kg.apply();
    };
    from.addEventListener("input", onRange); to.addEventListener("input", onRange);
    fst.appendChild(out);
    showRange();
    toggle(fst, "kg-hide-undated", "hide events without event time (" + F.undated + ")", "hideUndated");
    controls.push(function () { from.value = S.from; to.value = S.to; showRange(); });
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
  function eventLink(i) {
    var ev = D.events[i];
    var b = el("button", "kg-link", ev.type + (ev.label ? ": " + ev.label : ""));
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
  function claimsNode(item) {
    var wrap = el("div", "kg-claims");
    var n = item.claims.length;
    wrap.appendChild(el("h3", null, "Evidence (" + n + (n === 1 ? " claim)" : " claims)")));
    if (!n) wrap.appendChild(el("p", "kg-muted", "No claims recorded."));
    item.claims.forEach(function (c) {
      var differs = c.modality !== null && c.modality.toLowerCase() !== item.modality;
      var box = el("div", "kg-claim" + (differs ? " kg-claim-differs" : ""));
      if (c.evidence) box.appendChild(el("blockquote", "kg-evidence", c.evidence));
      else box.appendChild(el("p", "kg-muted", "(no evidence sentence)"));
      var dl = el("dl");
      row(dl, "Article", c.article_title || "(untitled)");
      row(dl, "Outlet", c.outlet || "\u2014");
      row(dl, "Date", c.date || "\u2014");
      row(dl, "Source chain", c.sources.length ? c.sources.join(" \u2192 ") : "(the article's own voice)");
      row(dl, "Modality", c.modality || "\u2014");
      row(dl, "Confidence", c.confidence === null ? "\u2014" : c.confidence.toFixed(2));
      row(dl, "Article IRI", c.article ? iriNode(c.article) : "\u2014");
      box.appendChild(dl);
      wrap.appendChild(box);
    });
    return wrap;
  }
  function showEvent(i) {
    var ev = D.events[i];
    panel.appendChild(el("p", "kg-kind", "Event"));
    panel.appendChild(el("h2", null, (ev.modality === "negated" ? "\u2715 " : "") + ev.type + (ev.label ? " \u2014 " + ev.label : "")));
    panel.appendChild(badges(ev));
    var dl = el("dl");
    row(dl, "IRI", iriNode(ev.id));
    row(dl, "Type", ev.type);
    row(dl, "Mode", ev.mode);
    row(dl, "Actors", entityLinks(ev.actors));
    row(dl, "Recipients", entityLinks(ev.recipients));
    row(dl, "Locations", entityLinks(ev.locations));
    var tm = "(none)";
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
    var evs = entEvents[i];
    panel.appendChild(el("h3", null, "Events here (" + evs.length + ")"));
    if (evs.length) {
      var ul = el("ul", "kg-list");
      evs.forEach(function (k) {
        var li = el("li");
        li.appendChild(eventLink(k));
        var ev = D.events[k];
        var role = ev.actors.indexOf(i) >= 0 ? "actor" : ev.recipients.indexOf(i) >= 0 ? "recipient" : "location";
        li.appendChild(txt(" (" + role + ", " + ev.modality + (ev.disputed ? ", disputed" : "") + ")"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
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
  kg.select = function (kind, ref, origin) {
    var table = kind === "event" ? D.events : kind === "relation" ? D.relations : kind === "entity" ? D.entities : null;
    if (!table || typeof ref !== "number" || !table[ref]) return;
    kg.selected = { kind: kind, ref: ref };
    clear(panel);
    if (kind === "event") showEvent(ref); else if (kind === "relation") showRelation(ref); else showEntity(ref);
    panel.scrollTop = 0;
    kg.views.forEach(function (v) { if (v.name !== origin && v.highlight) v.highlight(kind, ref); });
    if (S.neighbourhood) kg.apply();
  };
  kg.findEvent = function (iri) { for (var i = 0; i < D.events.length; i++) if (D.events[i].id === iri) return i; return -1; };
  kg.findEntity = function (iri) { for (var i = 0; i < D.entities.length; i++) if (D.entities[i].id === iri) return i; return -1; };
  kg.start = function () { kg.apply(); kg.ready = true; };
})();
