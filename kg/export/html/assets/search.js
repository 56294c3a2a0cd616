// search.js: every name of every entity (its label, the other names seen in the text and the
// names the lexicon knows: skos:altLabel and skos:hiddenLabel), Korean or English, NFKC and
// case-insensitive, spaces optional. Results say the type, the number of documents, the
// name that matched, and what tells identical names apart (an investment's investor,
// target and article; otherwise a role or the first article).

var SEARCH_MAX = 20;
var SEARCH_INDEX = NODES.map(function (n) {
  var names = [n.label].concat(n.aliases, n.known);
  var keys = names.map(norm);
  return {i: n.i, names: names, keys: keys, compact: keys.map(function (k) { return k.replace(/ /g, ""); })};
});

function search(q) {
  var k = norm(q), c = k.replace(/ /g, "");
  if (!c) return [];
  var hits = [];
  SEARCH_INDEX.forEach(function (it) {
    var best = 9, name = null;
    for (var j = 0; j < it.keys.length; j++) {
      var key = it.keys[j], ck = it.compact[j];
      var r = (key === k || ck === c) ? 0 : (key.startsWith(k) || ck.startsWith(c)) ? 1 :
              (key.indexOf(k) >= 0 || ck.indexOf(c) >= 0) ? 2 : 9;
      if (r < best) { best = r; name = it.names[j]; }
    }
    if (best === 9 && NODES[it.i].id.toLowerCase() === k) { best = 0; name = NODES[it.i].label; }
    if (best < 9) hits.push({i: it.i, rank: best, name: name});
  });
  hits.sort(function (a, b) {
    var na = NODES[a.i], nb = NODES[b.i];
    return a.rank - b.rank || nb.deg - na.deg || nb.docs.length - na.docs.length ||
           cmpStr(na.label, nb.label) || a.i - b.i;
  });
  return hits;
}

function nodeContext(n, always) {
  if (n.type === "Investment") {
    var by = [], to = [], first = -1;
    n.edges.forEach(function (ei) {
      var e = EDGES[ei];
      if (PREDS[e.p].name === "invests" && e.o === n.i) by.push(NODES[e.s].label);
      if (PREDS[e.p].name === "fundsTarget" && e.s === n.i) to.push(NODES[e.o].label);
    });
    if (n.docs.length) first = n.docs[0];
    var parts = [];
    if (by.length) parts.push(by.slice(0, 2).join(", ") + " \u2192");
    if (to.length) parts.push(to.slice(0, 2).join(", "));
    if (first >= 0) parts.push("\u300c" + shortText(docTitle(DOCS[first]), 28) + "\u300d" + (DOCS[first].date ? " " + DOCS[first].date : ""));
    return parts.join(" ");
  }
  if (!always) return "";
  if (n.role) return n.role;
  if (n.docs.length) {
    var d = DOCS[n.docs[0]];
    return "\u300c" + shortText(docTitle(d), 28) + "\u300d" + (d.date ? " " + d.date : "");
  }
  return "";
}

function renderResults(hits, q) {
  var results = byId("kg-results");
  results.replaceChildren();
  searchActive = -1;
  if (!norm(q)) { results.hidden = true; return; }
  results.hidden = false;
  if (!hits.length) {
    results.appendChild(el("li", {cls: "kg-none", attrs: {role: "alert"}, text: t("noMatch", q)}));
    return;
  }
  var labels = new Map();
  hits.slice(0, SEARCH_MAX).forEach(function (h) { var l = NODES[h.i].label; labels.set(l, (labels.get(l) || 0) + 1); });
  hits.slice(0, SEARCH_MAX).forEach(function (h, k) {
    var n = NODES[h.i];
    var ctx = nodeContext(n, labels.get(n.label) > 1);
    var b = el("button", {type: "button", cls: "kg-result", id: "kg-result-" + k, data: {node: n.id},
                          attrs: {role: "option", "aria-selected": "false"}},
      el("span", {cls: "kg-result-name"}, swatch(n.type), " ", el("b", {text: n.label}),
         h.name !== n.label ? el("span", {cls: "kg-matched", text: " " + t("matchedAs", h.name)}) : null),
      el("span", {cls: "kg-result-meta", text: typeName(n.type) + " \u00b7 " + t("docsN", fmt(n.docs.length)) + (ctx ? " \u00b7 " + ctx : "")}));
    b.addEventListener("click", function () { pickResult(h.i); });
    results.appendChild(el("li", null, b));
  });
  if (hits.length > SEARCH_MAX) results.appendChild(el("li", {cls: "kg-none", text: t("moreResults", fmt(hits.length - SEARCH_MAX))}));
}

var searchActive = -1;
function pickResult(i) {
  byId("kg-results").hidden = true;
  focusEntity(i);
}
function moveActive(delta) {
  var buttons = byId("kg-results").querySelectorAll("button.kg-result");
  if (!buttons.length) return;
  searchActive = (searchActive + delta + buttons.length) % buttons.length;
  buttons.forEach(function (b, k) { b.setAttribute("aria-selected", k === searchActive ? "true" : "false"); });
  byId("kg-search").setAttribute("aria-activedescendant", buttons[searchActive].id);
}

function initSearch() {
  var box = byId("kg-search"), results = byId("kg-results");
  results.hidden = true;
  box.addEventListener("input", function () { renderResults(search(box.value), box.value); });
  box.addEventListener("focus", function () { if (box.value) renderResults(search(box.value), box.value); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      moveActive(ev.key === "ArrowDown" ? 1 : -1);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      var hits = search(box.value);
      if (!norm(box.value)) return;
      if (hits.length) pickResult(hits[searchActive >= 0 ? searchActive : 0].i);
      else { renderResults(hits, box.value); go({view: "graph", miss: box.value, focus: -1, sel: -1, edge: -1, x: [], all: false}); }
    } else if (ev.key === "Escape") {
      box.value = ""; renderResults([], "");
    }
  });
  document.addEventListener("click", function (ev) {
    if (!byId("kg-searchbox").contains(ev.target)) results.hidden = true;
  });
}
