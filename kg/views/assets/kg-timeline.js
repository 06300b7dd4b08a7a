(function () {
  "use strict";
  var kg = window.kg, D = kg.data, V = window.kgVis.timeline, el = kg.el;
  var container = document.getElementById("kg-timeline");
  var items = new V.DataSet(), groups = new V.DataSet();
  var mode = D.timeline.lanes;
  var visibleEv = D.events.map(function () { return true; });
  var laneEntity = new Map(), itemsByEvent = new Map(), noDate = [];

  function build() {
    var laneIds = new Map(), lanes = [], its = [];
    laneEntity = new Map(); itemsByEvent = new Map(); noDate = [];
    function lane(key, label, ent) {
      if (!laneIds.has(key)) {
        var gid = "g" + laneIds.size;
        laneIds.set(key, gid);
        lanes.push({ id: gid, kgLabel: label, kgKey: key, kgCount: 0 });
        if (ent !== null) laneEntity.set(gid, ent);
      }
      return laneIds.get(key);
    }
    D.events.forEach(function (ev, i) {
      if (!ev.t) { noDate.push(i); return; }
      var keys;
      if (!ev.dated) keys = [["u", "undated (at publication date)", null]];
      else if (mode === "actor") {
        keys = ev.actors.length ? ev.actors.map(function (a) { return ["a" + a, D.entities[a].label, a]; })
          : [["-", "(no actor)", null]];
      } else {
        keys = ev.laneSources.length ? ev.laneSources.map(function (s) { return ["s:" + s, s, null]; })
          : [["-", "(unknown source)", null]];
      }
      var ids = [];
      keys.forEach(function (k, j) {
        var gid = lane(k[0], k[1], k[2]);
        var it = { id: "i" + i + "_" + j, group: gid, start: ev.t.start, kgEvent: i, className: ev.cls, content: "" };
        if (ev.t.end) { it.end = ev.t.end; it.type = "range"; } else { it.type = "box"; }
        its.push(it);
        ids.push(it.id);
      });
      itemsByEvent.set(i, ids);
    });
    var counts = new Map();
    its.forEach(function (it) { counts.set(it.group, (counts.get(it.group) || 0) + 1); });
    lanes.sort(function (a, b) {
      var ua = a.kgKey === "u" ? 1 : 0, ub = b.kgKey === "u" ? 1 : 0;
      if (ua !== ub) return ua - ub;
      var d = counts.get(b.id) - counts.get(a.id);
      if (d) return d;
      return a.kgLabel < b.kgLabel ? -1 : a.kgLabel > b.kgLabel ? 1 : 0;
    });
    lanes.forEach(function (g, k) { g.kgOrder = k; g.kgCount = counts.get(g.id); g.content = ""; });
    items.clear(); groups.clear();
    groups.add(lanes);
    items.add(its);
  }

  function itemTemplate(item) {
    var ev = D.events[item.kgEvent];
    var span = el("span");
    var text = (ev.modality === "negated" ? "\u2715 " : "") + ev.type + (ev.label ? ": " + ev.label : "");
    span.textContent = text.length > 60 ? text.slice(0, 59) + "\u2026" : text;
    if (ev.modality !== "asserted" && ev.modality !== "negated") span.appendChild(el("small", null, " (" + ev.modality + ")"));
    if (ev.disputed) span.appendChild(el("small", "kg-disputed-mark", " [disputed]"));
    return span;
  }
  function groupTemplate(group) {
    if (!group) return el("span");
    var s = el("span", null, group.kgLabel);
    s.title = group.kgLabel;
    return s;
  }
  build();
  var view = new V.DataView(items, {
    filter: function (it) {
      if (!visibleEv[it.kgEvent]) return false;
      var ent = laneEntity.get(it.group);
      return ent === undefined || kg.entityTypeOK(ent);
    }
  });
  var timeline = new V.Timeline(container, view, groups, {
    template: itemTemplate, groupTemplate: groupTemplate, groupOrder: "kgOrder",
    xss: { disabled: false }, showTooltips: false, selectable: true, multiselect: true,
    stack: true, verticalScroll: true, maxHeight: 520, zoomKey: "ctrlKey",
    orientation: { axis: "top", item: "top" }, margin: { item: { horizontal: 4, vertical: 4 } }
  });
  timeline.on("select", function (p) {
    if (p.items && p.items.length) {
      var it = items.get(p.items[0]);
      if (it) kg.select("event", it.kgEvent, "timeline");
    }
  });

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
      var b = el("button", "kg-link", (ev.modality === "negated" ? "\u2715 " : "") + ev.type + (ev.label ? ": " + ev.label : ""));
      b.type = "button";
      b.setAttribute("data-event", String(i));
      b.addEventListener("click", function () { kg.select("event", i, "timeline"); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(" (" + ev.modality + (ev.disputed ? ", disputed" : "") + ")"));
      ul.appendChild(li);
    });
    nodate.appendChild(ul);
  }

  function apply() {
    D.events.forEach(function (ev, i) { visibleEv[i] = kg.eventPasses(ev); });
    view.refresh();
    var perGroup = new Map();
    view.get().forEach(function (it) { perGroup.set(it.group, (perGroup.get(it.group) || 0) + 1); });
    var gu = [];
    groups.forEach(function (g) {
      var vis = perGroup.has(g.id);
      if (g.visible !== vis) gu.push({ id: g.id, visible: vis });
    });
    if (gu.length) groups.update(gu);
    renderNoDate();
    return "timeline: " + view.length + "/" + items.length + " items";
  }
  function highlight(kind, ref) {
    var ids = [];
    var evs = kind === "event" ? [ref] : kind === "entity" ? kg.entityEvents(ref) : [];
    evs.forEach(function (i) {
      (itemsByEvent.get(i) || []).forEach(function (id) { if (view.get(id)) ids.push(id); });
    });
    timeline.setSelection(ids, { focus: kind === "event" && ids.length > 0, animation: false });
  }
  if (kg.lanesSelect) {
    kg.lanesSelect.addEventListener("change", function () {
      mode = kg.lanesSelect.value === "source" ? "source" : "actor";
      build();
      kg.apply();
      timeline.fit({ animation: false });
    });
  }
  kg.views.push({ name: "timeline", apply: apply, highlight: highlight });
  window.kgTimeline = {
    timeline: timeline, items: items, groups: groups, view: view,
    visibleItems: function () { return view.length; }, lanes: function () { return mode; }
  };
  setTimeout(function () { timeline.fit({ animation: false }); }, 0);
})();
