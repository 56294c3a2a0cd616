// labels.js: node (and, around an entity, relation) labels drawn over the canvas at a fixed
// screen size whatever the zoom, most important first, each only where it overlaps no label
// already drawn. So labels are always legible (12 px) and never overlap; zooming in shows
// more of them. window.kg.labels() returns what was drawn last, for the tests.

var LABEL_PX = 12, EDGE_LABEL_PX = 11, CELL = 48;
var labelWidths = new Map();
var drawnLabels = [];

function measure(ctx, text, px) {
  var key = px + "|" + text;
  var w = labelWidths.get(key);
  if (w === undefined) { w = ctx.measureText(text).width; labelWidths.set(key, w); }
  return w;
}

function LabelSpace(width, height) {
  this.width = width; this.height = height; this.grid = new Map();
}
LabelSpace.prototype.cells = function (b, fn) {
  for (var cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++) {
    for (var cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) {
      if (fn(cx + "," + cy) === false) return false;
    }
  }
  return true;
};
LabelSpace.prototype.fits = function (b) {
  if (b.x < 0 || b.x + b.w > this.width || b.y < 0 || b.y + b.h > this.height) return false;
  var grid = this.grid;
  return this.cells(b, function (k) {
    var list = grid.get(k);
    if (!list) return true;
    for (var i = 0; i < list.length; i++) {
      var o = list[i];
      if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
    }
    return true;
  });
};
LabelSpace.prototype.add = function (b) {
  var grid = this.grid;
  this.cells(b, function (k) { (grid.get(k) || grid.set(k, []).get(k)).push(b); });
};

function drawLabels(ctx) {
  var network = net.network;
  var canvas = ctx.canvas;
  var W = canvas.clientWidth, H = canvas.clientHeight;
  if (!W || !H) { drawnLabels = []; return; }
  var ratio = canvas.width / W || 1;
  var scale = network.getScale();
  var positions = network.getPositions(net.priority);
  var space = new LabelSpace(W, H);
  var out = [];
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.lineJoin = "round";
  ctx.font = LABEL_PX + "px " + FONT;
  var seen = new Set();
  net.priority.forEach(function (i) {
    if (seen.has(i)) return;
    seen.add(i);
    var p = positions[i];
    if (!p) return;
    var item = net.nodes.get(i);
    if (!item || item.hidden) return;
    var d = network.canvasToDOM(p);
    var text = shortText(NODES[i].label, 20);
    var w = measure(ctx, text, LABEL_PX);
    var r = (item.size || 10) * scale, h = LABEL_PX + 4;
    // below the node, else above, right, left: the first place that overlaps no label
    var b = [{x: d.x - w / 2 - 2, y: d.y + r + 1}, {x: d.x - w / 2 - 2, y: d.y - r - h - 1},
             {x: d.x + r + 3, y: d.y - h / 2}, {x: d.x - r - w - 7, y: d.y - h / 2}]
      .map(function (o) { return {x: o.x, y: o.y, w: w + 4, h: h}; })
      .find(function (o) { return space.fits(o); });
    if (!b) return;
    space.add(b);
    ctx.strokeStyle = "rgba(255,255,255,0.95)";
    ctx.lineWidth = 3;
    ctx.strokeText(text, b.x + 2, b.y + 2);
    ctx.fillStyle = item.opacity !== undefined && item.opacity < 1 ? "#9e9e9e" : "#1f2933";
    ctx.fillText(text, b.x + 2, b.y + 2);
    out.push({id: NODES[i].id, text: text, x: b.x, y: b.y, w: b.w, h: b.h, px: LABEL_PX, kind: "node"});
  });
  if (net.mode === "focus") drawEdgeLabels(ctx, network, positions, space, out);
  ctx.restore();
  drawnLabels = out;
}

function drawEdgeLabels(ctx, network, positions, space, out) {
  var pairs = new Map();
  var around = [state.focus, state.sel];  // relation names only around the entities looked at
  net.shownEdges.forEach(function (ei) {
    var e = EDGES[ei];
    if (e.s === e.o || (around.indexOf(e.s) < 0 && around.indexOf(e.o) < 0)) return;
    var k = Math.min(e.s, e.o) + "|" + Math.max(e.s, e.o);
    var list = pairs.get(k) || pairs.set(k, {a: e.s, b: e.o, preds: []}).get(k);
    if (list.preds.indexOf(e.p) < 0) list.preds.push(e.p);
  });
  ctx.font = EDGE_LABEL_PX + "px " + FONT;
  pairs.forEach(function (pr) {
    var pa = positions[pr.a], pb = positions[pr.b];
    if (!pa || !pb) return;
    var d = network.canvasToDOM({x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2});
    var text = pr.preds.sort(function (x, y) { return x - y; }).map(predName).join(" \u00b7 ");
    var w = measure(ctx, text, EDGE_LABEL_PX);
    var b = {x: d.x - w / 2 - 2, y: d.y - EDGE_LABEL_PX / 2 - 2, w: w + 4, h: EDGE_LABEL_PX + 4};
    if (!space.fits(b)) return;
    space.add(b);
    ctx.strokeStyle = "rgba(255,255,255,0.95)";
    ctx.lineWidth = 3;
    ctx.strokeText(text, b.x + 2, b.y + 2);
    ctx.fillStyle = PREDS[pr.preds[0]].color;
    ctx.fillText(text, b.x + 2, b.y + 2);
    out.push({id: pr.a + "|" + pr.b, text: text, x: b.x, y: b.y, w: b.w, h: b.h, px: EDGE_LABEL_PX, kind: "edge"});
  });
}
