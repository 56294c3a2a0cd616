// network.js: the graph canvas (vis-network, no physics). Two views:
//  - an entity's neighbourhood (1 or 2 hops, plus expanded neighbours), laid out radially
//    around it here, deterministically;
//  - the whole graph: the best connected entities at the positions computed at build time
//    (communities), unrelated entities hidden unless asked for.
// Filters (relation types, entity types, a document, a date range) apply to both.

var VIEW_MAX_NODES = 200;
var filters = {preds: new Set(), types: new Set(), doc: -1, from: "", to: ""};
var net = {network: null, nodes: null, edges: null, mode: "", shown: [], shownEdges: [],
           depth: new Map(), priority: [], truncated: 0, isolated: false};

function filtersActive() {
  return filters.preds.size > 0 || filters.types.size > 0 || filters.doc >= 0 || !!filters.from || !!filters.to;
}
function edgeDocPasses(e) {
  if (filters.doc < 0 && !filters.from && !filters.to) return true;
  return e.docs.some(function (d) {
    if (filters.doc >= 0 && d !== filters.doc) return false;
    var date = DOCS[d].date || "";
    if (filters.from && (!date || date < filters.from)) return false;
    if (filters.to && (!date || date.slice(0, filters.to.length) > filters.to)) return false;
    return true;
  });
}
function edgePasses(e) {
  return !filters.preds.has(e.p) && !filters.types.has(NODES[e.s].type) &&
         !filters.types.has(NODES[e.o].type) && edgeDocPasses(e);
}
function nodePasses(n) { return !filters.types.has(n.type); }

// ---- the neighbourhood -----------------------------------------------------------
function neighbourhood(focus, hops, expanded, predFilter) {
  // predFilter false: count what the relation filters would hide (for their counts)
  var pass = predFilter === false ? function (e) {
    return !filters.types.has(NODES[e.s].type) && !filters.types.has(NODES[e.o].type) && edgeDocPasses(e);
  } : edgePasses;
  var depth = new Map([[focus, 0]]), parent = new Map(), fromExpanded = new Set();
  var frontier = [focus];
  for (var h = 1; h <= hops; h++) {
    var next = [];
    frontier.forEach(function (i) {
      NODES[i].edges.forEach(function (ei) {
        var e = EDGES[ei], j = other(e, i);
        if (!pass(e) || depth.has(j)) return;
        depth.set(j, h); parent.set(j, i); next.push(j);
      });
    });
    frontier = next;
  }
  expanded.forEach(function (x) {
    if (!depth.has(x)) return;
    NODES[x].edges.forEach(function (ei) {
      var e = EDGES[ei], j = other(e, x);
      if (!pass(e) || depth.has(j)) return;
      depth.set(j, depth.get(x) + 1); parent.set(j, x); fromExpanded.add(j);
    });
  });
  var all = Array.from(depth.keys());
  all.sort(function (a, b) {
    return depth.get(a) - depth.get(b) || (fromExpanded.has(a) ? 0 : 1) - (fromExpanded.has(b) ? 0 : 1) ||
           NODES[b].deg - NODES[a].deg || a - b;
  });
  var kept = all.slice(0, VIEW_MAX_NODES), keep = new Set(kept);
  var edgeSet = new Set();
  kept.forEach(function (i) {
    NODES[i].edges.forEach(function (ei) {
      var e = EDGES[ei];
      if (keep.has(e.s) && keep.has(e.o) && pass(e)) edgeSet.add(ei);
    });
  });
  var edges = Array.from(edgeSet).sort(function (a, b) { return a - b; });
  return {nodes: kept, edges: edges, depth: depth, parent: parent, total: all.length};
}

function radialLayout(hood, focus) {
  var pos = new Map([[focus, {x: 0, y: 0}]]);
  var byDepth = [];
  hood.nodes.forEach(function (i) {
    var d = hood.depth.get(i);
    if (d === 0) return;
    (byDepth[d] = byDepth[d] || []).push(i);
  });
  var angle = new Map([[focus, -Math.PI / 2]]), radius = 0;
  for (var d = 1; d < byDepth.length; d++) {
    var ring = byDepth[d] || [];
    if (!ring.length) continue;
    var firstPred = function (i) {
      var p = hood.parent.get(i), best = 99;
      NODES[i].edges.forEach(function (ei) { var e = EDGES[ei]; if (other(e, i) === p && e.p < best) best = e.p; });
      return best;
    };
    ring.sort(function (a, b) {
      var pa = angle.get(hood.parent.get(a)), pb = angle.get(hood.parent.get(b));
      return (d > 1 ? pa - pb : 0) || firstPred(a) - firstPred(b) || cmpStr(NODES[a].label, NODES[b].label) || a - b;
    });
    var stagger = ring.length > 16;
    radius = Math.max(radius + 230, (ring.length * (stagger ? 42 : 64)) / (2 * Math.PI));
    var start = d > 1 ? angle.get(hood.parent.get(ring[0])) : -Math.PI / 2;
    ring.forEach(function (i, k) {
      var a = start + (2 * Math.PI * k) / ring.length;
      var r = stagger && k % 2 ? radius + 110 : radius;
      angle.set(i, a);
      pos.set(i, {x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a))});
    });
  }
  return pos;
}

// ---- vis items -------------------------------------------------------------------
function nodeSize(n) { return Math.round(Math.min(8 + 3 * Math.sqrt(n.deg), 30)); }
function visNode(n, p, extra) {
  var ty = typeOf(n);
  var item = {id: n.i, x: p.x, y: p.y, shape: ty.shape, size: nodeSize(n),
    color: {background: ty.color, border: "#37474f", highlight: {background: ty.color, border: "#d50000"},
            hover: {background: ty.color, border: "#d50000"}},
    borderWidth: ty.dashed ? 2 : 1, borderWidthSelected: 3,
    shapeProperties: {borderDashes: ty.dashed ? [4, 3] : false}};
  return Object.assign(item, extra || {});
}
function visEdges(list) {
  var seen = new Map();
  return list.map(function (ei) {
    var e = EDGES[ei], pair = Math.min(e.s, e.o) + "|" + Math.max(e.s, e.o);
    var nth = seen.get(pair) || 0;
    seen.set(pair, nth + 1);
    var item = {id: ei, from: e.s, to: e.o, color: {color: PREDS[e.p].color, highlight: "#d50000", opacity: 0.75},
      width: 1 + Math.min(3, Math.log2(1 + e.total) / 2), selectionWidth: 2,
      arrows: PREDS[e.p].symmetric ? {to: false} : {to: {enabled: true, scaleFactor: 0.55}}};
    if (nth > 0 || e.s === e.o) {
      item.smooth = {enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW",
                     roundness: 0.2 + 0.15 * Math.floor((nth + 1) / 2)};
    }
    return item;
  });
}

function ensureNetwork() {
  if (net.network) return net.network;
  net.nodes = new vis.DataSet();
  net.edges = new vis.DataSet();
  net.network = new vis.Network(byId("kg-graph"), {nodes: net.nodes, edges: net.edges}, {
    autoResize: true,
    layout: {improvedLayout: false},
    physics: {enabled: false},
    interaction: {hover: false, hideEdgesOnDrag: false, multiselect: false, tooltipDelay: 300,
                  navigationButtons: false, keyboard: false, zoomSpeed: 0.6},
    nodes: {font: {size: 0}, label: undefined},
    edges: {smooth: false, font: {size: 0}}
  });
  net.network.on("afterDrawing", drawLabels);
  net.network.on("click", onCanvasClick);
  net.network.on("doubleClick", function (p) { if (p.nodes.length) toggleExpand(p.nodes[0]); });
  api.network = net.network;
  window.kgNetwork = net.network;
  return net.network;
}

function showNeighbourhood(s) {
  var hood = neighbourhood(s.focus, s.hops, s.x);
  var pos = radialLayout(hood, s.focus);
  net.mode = "focus";
  net.depth = hood.depth;
  net.truncated = hood.total > hood.nodes.length ? hood.total : 0;
  net.shown = hood.nodes;
  net.shownEdges = hood.edges;
  var items = hood.nodes.map(function (i) {
    return visNode(NODES[i], pos.get(i), i === s.focus ? {size: nodeSize(NODES[i]) + 8, borderWidth: 3} : null);
  });
  var centres = new Set([s.focus].concat(s.x));
  var visE = visEdges(hood.edges);
  visE.forEach(function (it) {  // relations among the neighbours stay in the background
    var e = EDGES[it.id];
    if (!centres.has(e.s) && !centres.has(e.o)) it.color = Object.assign({}, it.color, {opacity: 0.25});
  });
  setNetworkData(items, visE);
  net.priority = hood.nodes.slice();
}

function showWhole(s) {
  var shown = NODES.filter(function (n) { return n.whole && nodePasses(n); }).map(function (n) { return n.i; });
  var pos = new Map(shown.map(function (i) { return [i, {x: NODES[i].x, y: NODES[i].y}]; }));
  if (net.isolated) {
    var maxY = -Infinity, minX = Infinity;
    shown.forEach(function (i) { maxY = Math.max(maxY, NODES[i].y); minX = Math.min(minX, NODES[i].x); });
    if (!shown.length) { maxY = 0; minX = 0; }
    var lonely = NODES.filter(function (n) { return n.deg === 0 && nodePasses(n); });
    lonely.sort(function (a, b) { return typeOf(a).order - typeOf(b).order || cmpStr(a.label, b.label) || a.i - b.i; });
    var cols = Math.max(8, Math.ceil(Math.sqrt(lonely.length * 2)));
    lonely.forEach(function (n, k) {
      shown.push(n.i);
      pos.set(n.i, {x: minX + (k % cols) * 150, y: maxY + 260 + Math.floor(k / cols) * 70});
    });
  }
  var keep = new Set(shown);
  var edges = EDGES.filter(function (e) { return keep.has(e.s) && keep.has(e.o) && edgePasses(e); })
    .map(function (e) { return e.i; });
  net.mode = "whole";
  net.shown = shown;
  net.shownEdges = edges;
  net.truncated = 0;
  var hl = s.sel >= 0 ? s.sel : s.focus;
  var near = new Set();
  if (hl >= 0 && keep.has(hl)) {
    near.add(hl);
    NODES[hl].edges.forEach(function (ei) {
      var j = other(EDGES[ei], hl);
      if (keep.has(j) && edgePasses(EDGES[ei])) near.add(j);
    });
  }
  var items = shown.map(function (i) {
    return visNode(NODES[i], pos.get(i), near.size && !near.has(i) ? {opacity: 0.18} : null);
  });
  var visE = visEdges(edges);
  visE.forEach(function (it) {
    var e = EDGES[it.id];
    // relations across communities, and all but the selected entity's, stay in the background
    var faint = near.size ? e.s !== hl && e.o !== hl : NODES[e.s].c !== NODES[e.o].c;
    if (faint) it.color = Object.assign({}, it.color, {opacity: near.size ? 0.08 : 0.22});
  });
  setNetworkData(items, visE);
  net.priority = shown.slice().sort(function (a, b) {
    return (near.has(b) ? 1 : 0) - (near.has(a) ? 1 : 0) || NODES[b].deg - NODES[a].deg || a - b;
  });
  if (hl >= 0) net.priority.unshift(hl);
}

function setNetworkData(nodes, edges) {
  ensureNetwork();
  var same = net.shownSet && net.shownSet.size === nodes.length && net.edges.length === edges.length &&
             nodes.every(function (n) { return net.shownSet.has(n.id); }) &&
             edges.every(function (e) { return net.edges.get(e.id) !== null; });
  if (same) {  // the same entities, restyled (a selection in the whole graph)
    net.nodes.update(nodes.map(function (n) { return Object.assign({opacity: 1}, n); }));
    net.edges.update(edges);
  } else {
    net.nodes.clear(); net.edges.clear();
    net.nodes.add(nodes); net.edges.add(edges);
  }
  net.shownSet = new Set(net.shown);
}
function fitView() {
  if (!net.network) return;
  net.network.fit({animation: false, maxZoomLevel: 1.6});
  // room for the labels of the outermost nodes
  net.network.moveTo({scale: net.network.getScale() * 0.88, animation: false});
}
function zoomBy(f) {
  if (!net.network) return;
  net.network.moveTo({scale: net.network.getScale() * f, animation: false});
}
function selectInNetwork(s) {
  if (!net.network) return;
  if (s.edge >= 0 && net.shownEdges.indexOf(s.edge) >= 0) {
    net.network.setSelection({nodes: [], edges: [s.edge]}, {unselectAll: true, highlightEdges: false});
  } else {
    var sel = s.sel >= 0 ? s.sel : s.focus;
    net.network.setSelection({nodes: sel >= 0 && net.shownSet.has(sel) ? [sel] : [], edges: []},
                             {unselectAll: true, highlightEdges: false});
  }
}
function onCanvasClick(p) {
  if (p.nodes && p.nodes.length) selectEntity(p.nodes[0]);
  else if (p.edges && p.edges.length) openEdge(p.edges[0]);
}
