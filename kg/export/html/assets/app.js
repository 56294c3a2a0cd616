// app.js: the page's state, kept in the URL's fragment (so Back and Forward, the browser's
// and the toolbar's, walk through what was looked at), the toolbar and the filter bar, the
// language switch, the drawer on narrow screens, and window.kg for tests and power users.

var state = {view: "overview", focus: -1, sel: -1, edge: -1, hops: 1, x: [], all: false, miss: ""};
var histPos = 0, histTop = 0, filtersVersion = 0, lastGraphKey = null, lastBaseKey = null;
var api = {data: RAW, nodes: NODES, edges: EDGES, ready: false, loadMs: null, network: null};
window.kg = api;
window.kgReady = false;

function keyOf(i) { return NODES[i].key; }
function indexOf(key) { return key && NODE_BY_KEY.has(key) ? NODE_BY_KEY.get(key) : -1; }
function encode(s) {
  var p = new URLSearchParams();
  if (s.view === "graph") p.set("v", "graph");
  if (s.focus >= 0) p.set("f", keyOf(s.focus));
  if (s.sel >= 0) p.set("s", keyOf(s.sel));
  if (s.edge >= 0) p.set("e", String(s.edge));
  if (s.hops !== 1) p.set("h", String(s.hops));
  if (s.x.length) p.set("x", s.x.map(keyOf).join(","));
  if (s.all) p.set("all", "1");
  if (s.miss) p.set("q", s.miss);
  var h = p.toString();
  return h ? "#" + h : "#overview";
}
function decode(hash) {
  var p = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  var e = parseInt(p.get("e"), 10);
  return {view: p.get("v") === "graph" ? "graph" : "overview", focus: indexOf(p.get("f")), sel: indexOf(p.get("s")),
          edge: e >= 0 && e < EDGES.length ? e : -1, hops: p.get("h") === "2" ? 2 : 1,
          x: (p.get("x") || "").split(",").map(indexOf).filter(function (i) { return i >= 0; }),
          all: p.get("all") === "1", miss: p.get("q") || ""};
}
function go(patch, replace) {
  var s = Object.assign({}, state, patch);
  if (patch.focus !== undefined && patch.focus !== state.focus && patch.x === undefined) s.x = [];
  if (patch.miss === undefined) s.miss = "";
  var h = encode(s);
  if (replace) history.replaceState({pos: histPos}, "", h);
  else { histPos += 1; histTop = histPos; history.pushState({pos: histPos}, "", h); }
  apply(s, true);
}
window.addEventListener("popstate", function (ev) {
  histPos = ev.state && typeof ev.state.pos === "number" ? ev.state.pos : 0;
  apply(decode(location.hash), false);
});

// ---- navigation used by every part of the page ------------------------------------------
function focusEntity(i) { go({view: "graph", focus: i, sel: -1, edge: -1, all: false}); }
function openEntity(i) { focusEntity(i); }
function selectEntity(i) {
  if (state.view === "graph" && net.shownSet && net.shownSet.has(i)) {
    go({sel: i === state.focus && !state.all ? -1 : i, edge: -1});
  } else focusEntity(i);
}
function openEdge(ei) {
  var e = EDGES[ei];
  if (state.view === "graph" && net.shownEdges.indexOf(ei) >= 0) go({edge: ei});
  else go({view: "graph", focus: e.s, sel: -1, edge: ei, all: false});
}
function toggleExpand(i) {
  if (state.all || i === state.focus) return;
  var x = state.x.indexOf(i) >= 0 ? state.x.filter(function (j) { return j !== i; }) : state.x.concat([i]);
  go({x: x, sel: i, edge: -1});
}
function setDrawer(open) { document.body.classList.toggle("kg-drawer-open", !!open); }
function narrow() { return window.matchMedia("(max-width: 760px)").matches; }

// ---- rendering --------------------------------------------------------------------------
function apply(s, byUser) {
  var prev = state;
  state = s;
  var graph = s.view === "graph";
  byId("kg-overview").hidden = graph;
  byId("kg-explore").hidden = !graph;
  byId("kg-tab-overview").setAttribute("aria-selected", graph ? "false" : "true");
  byId("kg-tab-graph").setAttribute("aria-selected", graph ? "true" : "false");
  if (graph) renderGraph(s);
  renderPanel(s);
  renderToolbar(s);
  if (graph && byUser && narrow() && (s.sel !== prev.sel || s.edge !== prev.edge || s.focus !== prev.focus || s.miss)) setDrawer(true);
  if (!graph) setDrawer(false);
}

function renderGraph(s) {
  var mode = s.all || (s.focus < 0 && META.wholeFirst && META.wholeNodes > 0) ? "whole" : s.focus >= 0 ? "focus" : "none";
  // the view is rebuilt when what it shows changes, and refitted unless only the
  // selection (which fades the rest of the whole graph) changed
  var base = [mode, s.focus, s.hops, s.x.join(","), filtersVersion, net.isolated].join("|");
  var key = base + "|" + (mode === "whole" ? s.sel : "");
  ensureNetwork();
  net.network.setSize("100%", "100%");
  if (key !== lastGraphKey) {
    if (mode === "whole") showWhole(s);
    else if (mode === "focus") showNeighbourhood(s);
    else { net.mode = "none"; net.shown = []; net.shownEdges = []; net.priority = []; setNetworkData([], []); }
    if (base !== lastBaseKey) fitView();
    lastGraphKey = key;
    lastBaseKey = base;
  }
  selectInNetwork(s);
  net.network.redraw();
  renderFilters(s, mode);
  var note = byId("kg-note");
  if (mode === "whole") note.textContent = t("wholeNote", fmt(META.related), fmt(META.wholeNodes), fmt(RAW.communities.length));
  else if (mode === "focus") {
    note.textContent = t("focusNote", NODES[s.focus].label, s.hops, fmt(net.shown.length), fmt(net.shownEdges.length)) +
      (net.truncated ? " \u2014 " + t("truncatedNote", fmt(net.shown.length)) : "");
  } else note.textContent = "";
}

function toolButton(id, label, text, onClick) {
  return button(text, onClick, {id: id, title: label, attrs: {"aria-label": label}});
}
function renderToolbar(s) {
  // built once per language (so that a button keeps the keyboard focus), then updated
  var bar = byId("kg-toolbar");
  if (bar.dataset.lang !== LANG) {
    bar.dataset.lang = LANG;
    bar.replaceChildren(
      toolButton("kg-back", t("back"), "\u2190", function () { history.back(); }),
      toolButton("kg-forward", t("forward"), "\u2192", function () { history.forward(); }),
      el("span", {cls: "kg-sep"}),
      toolButton("kg-hops-1", t("hops1"), t("hops1"), function () { go({hops: 1}); }),
      toolButton("kg-hops-2", t("hops2"), t("hops2"), function () { go({hops: 2}); }),
      toolButton("kg-whole", t("whole"), t("whole"), function () {
        go({all: !state.all, sel: state.all ? -1 : state.focus, edge: -1});
      }),
      el("span", {cls: "kg-sep"}),
      toolButton("kg-fit", t("fit"), "\u2922 " + t("fit"), fitView),
      toolButton("kg-zoom-in", t("zoomIn"), "+", function () { zoomBy(1.3); }),
      toolButton("kg-zoom-out", t("zoomOut"), "\u2212", function () { zoomBy(1 / 1.3); }),
      toolButton("kg-reset", t("reset"), t("reset"), resetView),
      toolButton("kg-isolated", t("isolated", fmt(META.isolated)), t("isolated", fmt(META.isolated)), function () {
        net.isolated = !net.isolated; apply(state, false);
      }),
      toolButton("kg-filters-toggle", t("filters"), t("filters"), function () {
        document.body.classList.toggle("kg-filters-open");
      }),
      toolButton("kg-drawer", t("details"), t("details"), function () {
        setDrawer(!document.body.classList.contains("kg-drawer-open"));
      }));
  }
  var whole = s.all || (s.focus < 0 && META.wholeFirst);
  byId("kg-back").disabled = histPos <= 0;
  byId("kg-forward").disabled = histPos >= histTop;
  [["kg-hops-1", s.hops === 1], ["kg-hops-2", s.hops === 2], ["kg-whole", whole],
   ["kg-isolated", net.isolated]].forEach(function (b) {
    byId(b[0]).setAttribute("aria-pressed", b[1] ? "true" : "false");
  });
  byId("kg-hops-1").disabled = byId("kg-hops-2").disabled = whole || s.focus < 0;
  byId("kg-isolated").hidden = !(whole && META.isolated > 0);
}

function resetView() {
  filters.preds.clear(); filters.types.clear(); filters.doc = -1; filters.from = ""; filters.to = "";
  filtersVersion += 1; net.isolated = false; lastGraphKey = null;
  go({hops: 1, x: [], sel: -1, edge: -1});
}
function filtersChanged() { filtersVersion += 1; apply(state, false); }

function chip(label, pressed, data, count, color, onClick) {
  var b = button("", onClick, {cls: "kg-chip", data: data, attrs: {"aria-pressed": pressed ? "true" : "false"}});
  if (color) b.appendChild(el("span", {cls: "kg-pred-dot", attrs: {style: "background:" + color}}));
  b.append(label, el("span", {cls: "kg-count", text: fmt(count)}));
  return b;
}
function renderFilters(s, mode) {
  var box = byId("kg-filters");
  var edges, nodes;
  if (mode === "focus") {
    var hood = neighbourhood(s.focus, s.hops, s.x, false);
    edges = hood.edges; nodes = hood.nodes;
  } else if (mode === "whole") {
    edges = EDGES.filter(function (e) { return NODES[e.s].whole && NODES[e.o].whole && edgeDocPasses(e); }).map(function (e) { return e.i; });
    nodes = NODES.filter(function (n) { return n.whole; }).map(function (n) { return n.i; });
  } else { box.replaceChildren(); return; }
  var predCount = PREDS.map(function () { return 0; }), typeCount = {}, docSet = new Set();
  edges.forEach(function (ei) { predCount[EDGES[ei].p] += 1; EDGES[ei].docs.forEach(function (d) { docSet.add(d); }); });
  nodes.forEach(function (i) { typeCount[NODES[i].type] = (typeCount[NODES[i].type] || 0) + 1; });
  var preds = el("div", {cls: "kg-chips", id: "kg-pred-filter", attrs: {role: "group", "aria-label": t("relTypes")}},
    el("span", {cls: "kg-chips-label", text: t("relTypes")}),
    PREDS.filter(function (p) { return predCount[p.index] > 0 || filters.preds.has(p.index); }).map(function (p) {
      return chip(p[LANG], !filters.preds.has(p.index), {pred: p.name}, predCount[p.index], p.color, function () {
        if (filters.preds.has(p.index)) filters.preds.delete(p.index); else filters.preds.add(p.index);
        filtersChanged();
      });
    }));
  var types = el("div", {cls: "kg-chips", id: "kg-type-filter", attrs: {role: "group", "aria-label": t("entTypes")}},
    el("span", {cls: "kg-chips-label", text: t("entTypes")}),
    RAW.types.filter(function (ty) { return typeCount[ty.name] || filters.types.has(ty.name); }).map(function (ty) {
      var b = chip(ty[LANG], !filters.types.has(ty.name), {type: ty.name}, typeCount[ty.name] || 0, null, function () {
        if (filters.types.has(ty.name)) filters.types.delete(ty.name); else filters.types.add(ty.name);
        filtersChanged();
      });
      b.insertBefore(swatch(ty.name), b.firstChild);
      return b;
    }));
  var docs = Array.from(docSet).sort(function (a, b) { return b - a; });
  if (filters.doc >= 0 && !docSet.has(filters.doc)) docs.unshift(filters.doc);
  var sel = el("select", {id: "kg-doc-filter", attrs: {"aria-label": t("docFilter")}},
    el("option", {value: "-1", text: t("allDocs") + " (" + fmt(docSet.size) + ")"}),
    docs.map(function (d) { return el("option", {value: String(d), text: (DOCS[d].date ? DOCS[d].date + " \u00b7 " : "") + shortText(docTitle(DOCS[d]), 60)}); }));
  sel.value = String(filters.doc);
  sel.addEventListener("change", function () { filters.doc = parseInt(sel.value, 10); filtersChanged(); });
  var extra = el("div", {cls: "kg-doc-filters"}, el("label", null, t("docFilter") + " ", sel));
  if (DOCS.some(function (d) { return d.date; })) {
    ["from", "to"].forEach(function (which) {
      var inp = el("input", {type: "date", id: "kg-date-" + which, value: filters[which]});
      inp.addEventListener("change", function () { filters[which] = inp.value; filtersChanged(); });
      extra.appendChild(el("label", null, t(which === "from" ? "dateFrom" : "dateTo") + " ", inp));
    });
  }
  var active = document.activeElement, again = null;
  if (active && box.contains(active)) {
    again = active.id ? "#" + active.id : active.dataset.pred ? '[data-pred="' + CSS.escape(active.dataset.pred) + '"]'
      : active.dataset.type ? '[data-type="' + CSS.escape(active.dataset.type) + '"]' : null;
  }
  box.replaceChildren(preds, types, extra);
  if (again && box.querySelector(again)) box.querySelector(again).focus();
}

function renderStatic() {
  document.documentElement.lang = LANG;
  document.title = t("title");
  byId("kg-title").textContent = t("title");
  byId("kg-tab-overview").textContent = t("overview");
  byId("kg-tab-graph").textContent = t("graph");
  byId("kg-lang").textContent = t("langSwitch");
  byId("kg-search").placeholder = t("searchPlaceholder");
  byId("kg-search").setAttribute("aria-label", t("searchLabel"));
}
function setLang(lang) {
  LANG = lang === "en" ? "en" : "ko";
  renderStatic();
  renderOverview();
  lastGraphKey = null;
  apply(state, false);
}

function markReady() {
  if (api.ready) return;
  api.ready = true;
  window.kgReady = true;
  api.loadMs = Math.round(performance.now());
  document.body.dataset.ready = "1";
}

function start() {
  renderStatic();
  renderOverview();
  initSearch();
  byId("kg-tab-overview").addEventListener("click", function () { go({view: "overview"}); });
  byId("kg-tab-graph").addEventListener("click", function () { go({view: "graph"}); });
  byId("kg-lang").addEventListener("click", function () { setLang(LANG === "ko" ? "en" : "ko"); });
  var first = decode(location.hash);
  history.replaceState({pos: 0}, "", location.hash || "#overview");
  apply(first, false);
  Object.assign(api, {
    state: function () { return state; }, go: go, search: search, labels: function () { return drawnLabels.slice(); },
    filters: filters, setLang: setLang, csv: investmentsCsv, fit: fitView, view: function () { return net; },
    focusNode: function (id) { var i = NODE_BY_ID.get(id); if (i === undefined) return false; focusEntity(i); return true; },
    openEdge: openEdge,
    find: function (q) { var h = search(q); if (h.length) focusEntity(h[0].i); return h.length ? NODES[h[0].i].id : null; }
  });
  requestAnimationFrame(function () { requestAnimationFrame(markReady); });
}
start();
