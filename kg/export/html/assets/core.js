// core.js: DOM helpers (text only, never innerHTML), the decoded data, number formatting.
// The page's scripts share one closure; this file comes first.

var FONT = "NanumGothic, 'Noto Sans CJK KR', sans-serif";
var SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, props) {
  var node = document.createElement(tag);
  setProps(node, props);
  appendAll(node, arguments, 2);
  return node;
}
function svg(tag, attrs) {
  var node = document.createElementNS(SVG_NS, tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === "text") node.textContent = attrs[k];
    else node.setAttribute(k, attrs[k]);
  });
  appendAll(node, arguments, 2);
  return node;
}
function setProps(node, props) {
  Object.keys(props || {}).forEach(function (k) {
    var v = props[k];
    if (v === undefined || v === null) return;
    if (k === "text") node.textContent = v;
    else if (k === "cls") node.className = v;
    else if (k === "data") Object.keys(v).forEach(function (d) { node.dataset[d] = v[d]; });
    else if (k === "attrs") Object.keys(v).forEach(function (a) { node.setAttribute(a, v[a]); });
    else if (k === "on") Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
    else node[k] = v;
  });
}
function appendAll(node, args, from) {
  for (var i = from; i < args.length; i++) {
    var c = args[i];
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) { appendAll(node, c, 0); continue; }
    node.appendChild(typeof c === "string" || typeof c === "number"
      ? document.createTextNode(String(c)) : c);
  }
}
function button(text, onClick, props) {
  var b = el("button", Object.assign({type: "button", text: text}, props || {}));
  if (onClick) b.addEventListener("click", onClick);
  return b;
}
function byId(id) { return document.getElementById(id); }

// ---- data ------------------------------------------------------------------------
var RAW = JSON.parse(byId("kg-data").textContent);
var META = RAW.meta;
var DOCS = RAW.docs;
var SENTENCES = RAW.sentences;
var TYPES = {};
RAW.types.forEach(function (t, i) { t.order = i; TYPES[t.name] = t; });
var PREDS = RAW.predicates;
var PRED_COLORS = ["#c0392b", "#8e44ad", "#2471a3", "#16a085", "#d68910", "#5d6d7e",
                   "#a04000", "#1e8449", "#7d3c98", "#2e4053", "#b03a2e", "#117864"];
PREDS.forEach(function (p, i) { p.index = i; p.color = PRED_COLORS[i % PRED_COLORS.length]; });

function decodeQuote(q) {
  return {doc: q[0], s: q[1], marks: q[2], prev: q.length > 3 ? q[3] : -1,
          prevMarks: q.length > 4 ? q[4] : []};
}
var NODES = RAW.nodes;
var EDGES = RAW.edges.map(function (e, i) {
  return {i: i, s: e[0], o: e[1], p: e[2], docs: e[3], ev: e[4].map(decodeQuote), total: e[5]};
});
var NODE_BY_ID = new Map();
var NODE_BY_KEY = new Map();
NODES.forEach(function (n, i) {
  n.i = i;
  n.aliases = n.aliases || [];
  n.known = n.known || [];
  n.docs = n.docs || [];
  n.edges = [];
  n.whole = typeof n.x === "number";
  NODE_BY_ID.set(n.id, i);
  var key = n.id.replace(/[\/#]+$/, "").split(/[\/#]/).pop() || n.id;
  n.key = NODE_BY_KEY.has(key) ? n.id : key;
  NODE_BY_KEY.set(n.key, i);
});
EDGES.forEach(function (e) {
  NODES[e.s].edges.push(e.i);
  if (e.o !== e.s) NODES[e.o].edges.push(e.i);
});
function typeOf(n) {
  return TYPES[n.type] || {name: n.type, ko: n.type, en: n.type, color: "#8c8c8c",
                           shape: "dot", glyph: "\u25cb", dashed: false, order: 99};
}
function other(e, i) { return e.s === i ? e.o : e.s; }

// ---- numbers ---------------------------------------------------------------------
function fmt(n) { return Number(n).toLocaleString("en-US"); }
function fmtBig(b) { return b.toLocaleString("en-US"); }
function big(s) { try { return s === "" || s === undefined ? null : BigInt(s); } catch (e) { return null; } }
// A Korean reading of a won amount: 1,234,500,000,000 -> "1조 2,345억"
function koreanUnits(b) {
  if (b === null) return "";
  var neg = b < 0n; if (neg) b = -b;
  var units = [[10n ** 16n, "경"], [10n ** 12n, "조"], [10n ** 8n, "억"], [10n ** 4n, "만"]];
  var parts = [];
  units.forEach(function (u) {
    var q = b / u[0];
    if (q > 0n) { parts.push(fmtBig(q) + u[1]); b = b % u[0]; }
  });
  if (b > 0n) parts.push(fmtBig(b));
  return (neg ? "-" : "") + (parts.length ? parts.slice(0, 2).join(" ") : "0");
}
var CURRENCY_KO = {KRW: "\uc6d0", USD: " \ub2ec\ub7ec", EUR: " \uc720\ub85c", JPY: " \uc5d4",
                   CNY: " \uc704\uc548", GBP: " \ud30c\uc6b4\ub4dc"};
// A sum as people read it: "1,493억원", "765억 달러"; in English "149.3B KRW"
function moneyText(b, currency) {
  if (b === null) return "";
  if (typeof LANG !== "undefined" && LANG === "en") {
    return new Intl.NumberFormat("en-US", {notation: "compact", maximumFractionDigits: 2}).format(b) + " " + currency;
  }
  return koreanUnits(b) + (CURRENCY_KO[currency] || " " + currency);
}
function docDate(d) { return d && d.date ? d.date : ""; }
function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }
function shortText(s, n) {
  s = String(s).replace(/\s+/g, " ");
  return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
}
