// The timeline view: one item per event (a range when it has a start and an end), in lanes per actor or per
// source; an event without a stated time sits at its publication date, hatched and marked "undated", in its
// actor's lane. The data swaps in one batch (new DataSets) when lanes switch; filters refresh one DataView.
(function () {
  "use strict";
  var kg = window.kg, D = kg.data, F = D.facets, V = window.kgVis.timeline, el = kg.el;
  var MAX_LANES = 40;
  var container = document.getElementById("kg-timeline");
  var mode = D.timeline.lanes;
  var visibleEv = D.events.map(function () { return true; });
  var laneEntity = new Map(), itemsByEvent = new Map(), noDate = [];
  var items = new V.DataSet(), groups = new V.DataSet(), view = null;

  function laneKeys(ev) {
    if (mode === "actor") {
      return ev.actors.length ? ev.actors.map(function (a) { return ["a" + a, D.entities[a].label, a]; })
        : [["-", "(no actor)", null]];
    }
    return ev.laneSources.length ? ev.laneSources.map(function (s) { return ["s:" + s, s, null]; })
      : [["-", "(unknown source)", null]];
  }
  // lanes for the MAX_LANES keys with most events; the rest share one lane
  function build() {
    var perKey = new Map(), labels = new Map();
    D.events.forEach(function (ev) {
      if (!ev.t) return;
      laneKeys(ev).forEach(function (k) { perKey.set(k[0], (perKey.get(k[0]) || 0) + 1); labels.set(k[0], k); });
    });
    // named lanes by size; "(no actor)" / "(unknown source)" after them, before "other ..."
    var ranked = Array.from(perKey.keys()).filter(function (key) { return key !== "-"; }).sort(function (a, b) {
      return perKey.get(b) - perKey.get(a) || (labels.get(a)[1] < labels.get(b)[1] ? -1 : 1);
    });
    var own = new Map(), lanes = [];
    laneEntity = new Map(); itemsByEvent = new Map(); noDate = [];
    ranked.forEach(function (key, k) {
      var gid = k < MAX_LANES ? "g" + k : "rest";
      own.set(key, gid);
      if (k < MAX_LANES) {
        lanes.push({ id: gid, kgLabel: labels.get(key)[1], kgOrder: k, kgCount: perKey.get(key), content: "" });
        if (labels.get(key)[2] !== null) laneEntity.set(gid, labels.get(key)[2]);
      }
    });
    if (perKey.has("-")) {
      own.set("-", "none");
      lanes.push({ id: "none", kgLabel: labels.get("-")[1], kgOrder: MAX_LANES, kgCount: perKey.get("-"), content: "" });
    }
    if (ranked.length > MAX_LANES) {
      lanes.push({ id: "rest", kgLabel: "other " + (mode === "actor" ? "actors" : "sources") + " (" + (ranked.length - MAX_LANES) + ")",
                   kgOrder: MAX_LANES + 1, content: "" });
    }
    var its = [];
    D.events.forEach(function (ev, i) {
      if (!ev.t) { noDate.push(i); return; }
      var ids = [], seen = new Set();
      laneKeys(ev).forEach(function (k) {
        var gid = own.get(k[0]);
        if (seen.has(gid)) return;
        seen.add(gid);
        // times as numbers: vis-timeline parses a date string with moment.js each time an item is shown again
        var it = { id: "i" + i + "_" + ids.length, group: gid, start: ms(ev.t.start), kgEvent: i, className: ev.cls, content: "" };
        if (ev.t.end) { it.end = ms(ev.t.end); it.type = "range"; } else { it.type = "box"; }
        its.push(it);
        ids.push(it.id);
      });
      itemsByEvent.set(i, ids);
    });
    items = new V.DataSet(its);
    groups = new V.DataSet(lanes);
    view = new V.DataView(items, {
      filter: function (it) {
        if (!visibleEv[it.kgEvent]) return false;
        var ent = laneEntity.get(it.group);
        return ent === undefined || kg.entityTypeOK(ent);
      }
    });
  }

  var msCache = new Map();
  function ms(iso) {
    if (!msCache.has(iso)) msCache.set(iso, Date.parse(iso + "T00:00:00Z"));
    return msCache.get(iso);
  }
  function itemText(ev) {
    return (ev.dated ? "" : "undated \u00b7 ") + kg.eventText(ev);
  }
  function itemTemplate(item) {
    if (!item) return el("span");
    if (item.isCluster) return el("span", "kg-cluster", (item.items ? item.items.length : "") + " events");
    var ev = D.events[item.kgEvent];
    if (!ev) return el("span");
    var text = itemText(ev);
    var span = el("span", null, text.length > 70 ? text.slice(0, 69) + "\u2026" : text);
    span.title = text + (ev.label ? " \u2014 " + ev.label : "");
    if (ev.disputed) span.appendChild(el("small", "kg-disputed-mark", " [disputed]"));
    return span;
  }
  function groupTemplate(group) {
    if (!group) return el("span");
    var s = el("span", null, group.kgLabel);
    s.title = group.kgLabel;
    return s;
  }
  function height() {
    return Math.max(260, Math.round(window.innerHeight - container.getBoundingClientRect().top - 60));
  }
  build();
  var dense = F.denseFrom !== null && F.denseFrom !== undefined;
  var OPTIONS = {
    template: itemTemplate, groupTemplate: groupTemplate, groupOrder: "kgOrder",
    xss: { disabled: false }, showTooltips: false, selectable: true, multiselect: true,
    stack: true, verticalScroll: true, maxHeight: height(), zoomKey: "ctrlKey",
    orientation: { axis: "top", item: "top" }, margin: { item: { horizontal: 2, vertical: 3 } },
    cluster: { maxItems: 3, titleTemplate: "{count} events: zoom in (or double-click) to see them", showStipes: false,
               fitOnDoubleClick: true }
  };
  var timeline = null;
  // a new Timeline for new lanes: vis-timeline's setGroups on a drawn timeline moves the old items one by one
  // into the new lanes (minutes for 3,000 items); building afresh takes a fraction of a second
  function makeTimeline(start, end) {
    if (timeline) timeline.destroy();
    OPTIONS.start = start; OPTIONS.end = end; OPTIONS.maxHeight = height();
    timeline = new V.Timeline(container, view, groups, OPTIONS);
    timeline.on("select", function (p) {
      if (p.items && p.items.length) {
        var it = items.get(p.items[0]);
        if (it) kg.select("event", it.kgEvent, "timeline");
      }
    });
    if (window.kgTimeline) window.kgTimeline.timeline = timeline;
  }
  makeTimeline(dense ? kg.fmtDay(F.denseFrom) : undefined, dense ? kg.fmtDay(F.denseTo + 1) : undefined);
  window.addEventListener("resize", function () { timeline.setOptions({ maxHeight: height() }); });

  var nodate = document.getElementById("kg-nodate");
  function renderNoDate() {
    kg.clear(nodate);
    var shown = noDate.filter(function (i) { return visibleEv[i]; });
    if (!noDate.length) return;
    nodate.appendChild(el("h3", null, "Events with no date at all (" + shown.length + "/" + noDate.length + ")"));
    var ul = el("ul");
    shown.forEach(function (i) {
      var ev = D.events[i];
      var li = el("li");
      var b = el("button", "kg-link", kg.eventText(ev));
      b.type = "button";
      b.setAttribute("data-event", String(i));
      b.addEventListener("click", function () { kg.select("event", i, "timeline"); });
      li.appendChild(b);
      if (ev.disputed) li.appendChild(document.createTextNode(" (disputed)"));
      ul.appendChild(li);
    });
    nodate.appendChild(ul);
  }

  function apply() {
    D.events.forEach(function (ev, i) { visibleEv[i] = kg.eventPasses(ev); });
    view.refresh();
    var perGroup = new Map();
    view.getIds().forEach(function (id) { var g = items.get(id).group; perGroup.set(g, (perGroup.get(g) || 0) + 1); });
    var gu = [];
    groups.forEach(function (g) {
      var vis = perGroup.has(g.id);
      if ((g.visible !== false) !== vis) gu.push({ id: g.id, visible: vis });  // a new lane has no flag: it is visible
    });
    if (gu.length) groups.update(gu);
    // vis-timeline keeps the clusters of a lane it hid and throws "Cannot redraw item: no parent attached" when the
    // lane is shown again: setting the cluster option again has them made afresh (only when a lane comes back)
    if (OPTIONS.cluster && gu.some(function (g) { return g.visible; })) timeline.setOptions({ cluster: OPTIONS.cluster });
    renderNoDate();
    return "timeline: " + view.length + "/" + items.length + " items";
  }
  function highlight(kind, ref) {
    var ids = [];
    var evs = kind === "event" ? [ref] : kind === "entity" ? kg.entityEvents(ref) :
      kind === "link" && D.network.edges[ref].kind === "event" ? D.network.edges[ref].refs : [];
    evs.forEach(function (i) {
      (itemsByEvent.get(i) || []).forEach(function (id) { if (view.get(id)) ids.push(id); });
    });
    timeline.setSelection(ids, { focus: kind === "event" && ids.length > 0, animation: false });
  }
  if (kg.lanesSelect) {
    kg.lanesSelect.addEventListener("change", function () {
      mode = kg.lanesSelect.value === "source" ? "source" : "actor";
      var win = timeline.getWindow();
      build();
      D.events.forEach(function (ev, i) { visibleEv[i] = kg.eventPasses(ev); });
      view.refresh();
      makeTimeline(win.start, win.end);
      kg.apply();
    });
  }
  function openDense() {
    if (!dense) { timeline.fit({ animation: false }); return; }
    timeline.setWindow(kg.fmtDay(F.denseFrom), kg.fmtDay(F.denseTo + 1), { animation: false });
  }
  kg.views.push({ name: "timeline", apply: apply, highlight: highlight });
  window.kgTimeline = {
    timeline: timeline, items: function () { return items; }, groups: function () { return groups; },
    view: function () { return view; }, openDense: openDense,
    visibleItems: function () { return view.length; }, lanes: function () { return mode; }
  };
  openDense();
})();
