// panel.js: the side panel (a drawer on narrow screens): an entity with its relations grouped
// by predicate and its documents, the evidence of a relation grouped by document, the start
// card, and the no-match card.

var GROUP_SHOWN = 10, DOCS_SHOWN = 10;
var openGroups = new Set();

function renderPanel(s) {
  var panel = byId("kg-panel"), parts, kind = "", id = "";
  if (s.miss) { parts = noMatchPanel(s.miss); kind = "miss"; }
  else if (s.edge >= 0 && EDGES[s.edge]) { parts = edgePanel(EDGES[s.edge]); kind = "edge"; id = String(s.edge); }
  else if (s.sel >= 0 || s.focus >= 0) {
    var i = s.sel >= 0 ? s.sel : s.focus;
    parts = entityPanel(NODES[i], s); kind = "node"; id = NODES[i].id;
  } else { parts = startPanel(); }
  var close = button("\u00d7", function () { setDrawer(false); }, {cls: "kg-drawer-close", title: t("close"),
                                                                    attrs: {"aria-label": t("close")}});
  panel.replaceChildren.apply(panel, [close].concat(parts));
  panel.dataset.kind = kind;
  panel.dataset.id = id;
  panel.scrollTop = 0;
}

function swatch(type) {
  var ty = TYPES[type] || {glyph: "\u25cb", color: "#8c8c8c"};
  return el("span", {cls: "kg-glyph", text: ty.glyph, attrs: {style: "color:" + ty.color, "aria-hidden": "true"}});
}
function entityLink(i) {
  return button(NODES[i].label, function () { selectEntity(i); }, {cls: "kg-link", data: {node: NODES[i].id}});
}
function docHeading(d, tag) {
  var title = d.url ? el("a", {href: d.url, target: "_blank", rel: "noopener noreferrer", text: docTitle(d)})
                    : el("span", {text: docTitle(d)});
  return el(tag || "div", {cls: "kg-doc-title"}, title);
}
function docMeta(d) {
  return el("div", {cls: "kg-doc-meta kg-muted"}, docLine(d) ? docLine(d) + " \u00b7 " : "",
            el("span", {cls: "kg-doc-id", text: d.id}));
}

function entityPanel(n, s) {
  var parts = [el("h2", {text: n.label})];
  var dl = el("dl", null, el("dt", {text: t("type")}), el("dd", {cls: "kg-type"}, swatch(n.type), " " + typeName(n.type)));
  if (n.role) dl.append(el("dt", {text: t("role")}), el("dd", {cls: "kg-role", text: n.role}));
  if (n.amount) {
    dl.append(el("dt", {text: t("amount")}), el("dd", {cls: "kg-amount"},
      el("span", {cls: "kg-written", text: n.amount.text || n.label}),
      n.amount.norm ? el("span", {cls: "kg-norm", text: " = " + n.amount.norm}) : null));
  }
  if (n.year) dl.append(el("dt", {text: t("colYear")}), el("dd", {text: String(n.year)}));
  parts.push(dl);
  var actions = el("div", {cls: "kg-actions"});
  if (n.i !== s.focus || s.all) actions.appendChild(button(t("focusHere"), function () { focusEntity(n.i); }, {id: "kg-focus-here"}));
  if (n.i !== s.focus && !s.all && net.shownSet && net.shownSet.has(n.i)) {
    var open = s.x.indexOf(n.i) >= 0;
    actions.appendChild(button(open ? t("collapse") : t("expand"), function () { toggleExpand(n.i); }, {id: "kg-expand"}));
  }
  if (actions.childNodes.length) parts.push(actions);
  if (n.aliases.length) {
    parts.push(el("h3", {text: t("names") + " (" + n.aliases.length + ")"}));
    parts.push(el("ul", {cls: "kg-aliases kg-inline"}, n.aliases.map(function (a) { return el("li", {text: a}); })));
  }
  if (n.known.length) {
    parts.push(el("h3", {text: t("lexiconNames") + " (" + n.known.length + ")"}));
    parts.push(el("ul", {cls: "kg-known kg-inline"}, n.known.map(function (a) { return el("li", {text: a}); })));
  }
  parts = parts.concat(relationGroups(n));
  parts = parts.concat(documentList(n));
  return parts;
}

function relationGroups(n) {
  var groups = new Map(), shown = 0;
  n.edges.forEach(function (ei) {
    var e = EDGES[ei];
    if (!edgePasses(e)) return;
    shown += 1;
    var dir = PREDS[e.p].symmetric ? "both" : e.s === n.i ? "out" : "in";
    var k = e.p + "|" + dir;
    var g = groups.get(k) || groups.set(k, {p: e.p, dir: dir, edges: []}).get(k);
    g.edges.push(e);
  });
  var head = el("h3", {text: t("relations") + " (" + fmt(shown) + (shown < n.edges.length ? " / " + fmt(n.edges.length) : "") + ")"});
  if (filtersActive()) head.appendChild(el("span", {cls: "kg-badge", text: t("filtered")}));
  var out = [head];
  if (!shown) { out.push(el("p", {cls: "kg-muted", text: t("noRelations")})); return out; }
  var list = Array.from(groups.values()).sort(function (a, b) {
    return b.edges.length - a.edges.length || a.p - b.p || cmpStr(a.dir, b.dir);
  });
  var box = el("div", {cls: "kg-groups"});
  list.forEach(function (g, k) {
    var arrow = g.dir === "out" ? predName(g.p) + " \u2192" : g.dir === "in" ? "\u2190 " + predName(g.p) : "\u2194 " + predName(g.p);
    g.edges.sort(function (a, b) {
      var na = NODES[other(a, n.i)], nb = NODES[other(b, n.i)];
      return b.total - a.total || amountOrder(na, nb) || cmpStr(na.label, nb.label) || a.i - b.i;
    });
    var key = n.i + "|" + g.p + "|" + g.dir, all = openGroups.has(key);
    var ul = el("ul", {cls: "kg-rel-list"}, g.edges.slice(0, all ? g.edges.length : GROUP_SHOWN).map(function (e) {
      var j = other(e, n.i);
      var ctx = NODES[j].type === "Investment" ? investmentContext(NODES[j], n.i) : "";
      return el("li", {data: {edge: String(e.i)}}, swatch(NODES[j].type), " ", entityLink(j), " ",
        ctx ? el("span", {cls: "kg-muted kg-small", text: ctx + " "}) : null,
        button(t("evidenceN", e.total), function () { openEdge(e.i); }, {cls: "kg-ev-link"}));
    }));
    // the four biggest groups open, the others one click away
    var det = el("details", {cls: "kg-group", open: k < 4 || all, data: {pred: PREDS[g.p].name, dir: g.dir}},
      el("summary", null, el("span", {cls: "kg-pred-dot", attrs: {style: "background:" + PREDS[g.p].color}}),
         el("span", {cls: "kg-group-name", text: arrow}), " ", el("span", {cls: "kg-count", text: fmt(g.edges.length)})),
      ul);
    if (g.edges.length > GROUP_SHOWN && !all) {
      det.appendChild(button(t("showAll", fmt(g.edges.length)), function () {
        openGroups.add(key); renderPanel(state);
      }, {cls: "kg-more"}));
    }
    box.appendChild(det);
  });
  out.push(box);
  return out;
}

function amountOrder(a, b) {
  // investments: by currency, then the largest first
  var va = a.amount ? big(a.amount.value) : null, vb = b.amount ? big(b.amount.value) : null;
  if (va === null || vb === null) return 0;
  return cmpStr(a.amount.currency, b.amount.currency) || cmpBig(vb, va);
}
function investmentContext(n, seenFrom) {
  // what tells one investment from another with the same amount: investor, target, date
  var by = [], to = [];
  n.edges.forEach(function (ei) {
    var e = EDGES[ei], name = PREDS[e.p].name;
    if (name === "invests" && e.o === n.i && e.s !== seenFrom) by.push(NODES[e.s].label);
    if (name === "fundsTarget" && e.s === n.i && e.o !== seenFrom) to.push(NODES[e.o].label);
  });
  var d = n.docs.length ? DOCS[n.docs[0]] : null;
  return [by.length ? by.slice(0, 2).join(", ") + " \u2192" : "", to.slice(0, 2).join(", "),
          d && d.date ? d.date : ""].filter(Boolean).join(" ");
}

function documentList(n) {
  var out = [el("h3", {text: t("mentionedIn") + " (" + fmt(n.docs.length) + ")"})];
  var docs = n.docs.slice().reverse();  // newest first
  var key = "docs|" + n.i, all = openGroups.has(key);
  out.push(el("ul", {cls: "kg-docs"}, docs.slice(0, all ? docs.length : DOCS_SHOWN).map(function (d) {
    return el("li", {data: {doc: DOCS[d].id}}, docHeading(DOCS[d]), docMeta(DOCS[d]));
  })));
  if (docs.length > DOCS_SHOWN && !all) {
    out.push(button(t("showAll", fmt(docs.length)), function () { openGroups.add(key); renderPanel(state); }, {cls: "kg-more"}));
  }
  return out;
}

function marked(text, marks) {
  var out = [], at = 0;
  for (var k = 0; k + 2 < marks.length; k += 3) {
    var a = marks[k], b = marks[k + 1], f = marks[k + 2];
    if (a > at) out.push(text.slice(at, a));
    var cls = [f & 1 ? "kg-subj" : "", f & 2 ? "kg-obj" : "", f & 4 ? "kg-cue" : ""].filter(Boolean).join(" ");
    var title = [f & 1 ? t("subject") : "", f & 2 ? t("object") : ""].filter(Boolean).join(", ");
    out.push(el("mark", {cls: cls, text: text.slice(a, b), title: title || undefined}));
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function edgePanel(e) {
  var parts = [el("h2", null, el("span", {cls: "kg-pred-dot", attrs: {style: "background:" + PREDS[e.p].color}}), predName(e.p)),
    el("dl", null,
      el("dt", {text: t("from")}), el("dd", {cls: "kg-from"}, swatch(NODES[e.s].type), " ", entityLink(e.s)),
      el("dt", {text: t("relations")}), el("dd", {cls: "kg-pred", text: predName(e.p)}),
      el("dt", {text: t("to")}), el("dd", {cls: "kg-to"}, swatch(NODES[e.o].type), " ", entityLink(e.o)))];
  var docs = [];
  e.ev.forEach(function (q) { if (docs.indexOf(q.doc) < 0) docs.push(q.doc); });
  parts.push(el("h3", {text: t("evidence")}, el("span", {cls: "kg-muted kg-ev-summary", text: " " + t("evidenceSummary", fmt(e.total), fmt(e.docs.length))})));
  if (e.ev.length < e.total) parts.push(el("p", {cls: "kg-muted kg-capped", text: t("evidenceCapped", fmt(e.ev.length), fmt(e.total))}));
  if (!e.ev.length) parts.push(el("p", {cls: "kg-muted", text: t("noEvidence")}));
  docs.forEach(function (di) {
    var d = di >= 0 ? DOCS[di] : {id: "?"};
    var art = el("article", {cls: "kg-evdoc", data: {doc: d.id}}, docHeading(d, "h4"), docMeta(d));
    e.ev.forEach(function (q) {
      if (q.doc !== di) return;
      if (q.prev >= 0) {
        art.appendChild(el("blockquote", {cls: "kg-prev"}, el("span", {cls: "kg-prev-label", text: t("previous")}),
                           el("span", {cls: "kg-prev-text"}, marked(SENTENCES[q.prev], q.prevMarks))));
      }
      art.appendChild(el("blockquote", {cls: "kg-sentence"}, marked(SENTENCES[q.s], q.marks)));
    });
    parts.push(art);
  });
  return parts;
}

function startPanel() {
  var top = NODES.slice().sort(function (a, b) { return b.deg - a.deg || a.i - b.i; }).slice(0, 12);
  return [el("h2", {text: t("start")}), el("p", {cls: "kg-muted", text: t("startHint")}),
    el("ol", {cls: "kg-start-list"}, top.map(function (n) {
      return el("li", null, swatch(n.type), " ", button(n.label, function () { focusEntity(n.i); }, {cls: "kg-link"}),
                el("span", {cls: "kg-muted", text: " " + fmt(n.deg)}));
    })),
    NODES.some(function (n) { return n.whole; }) ? button(t("whole"), function () { go({view: "graph", all: true, focus: -1, sel: -1, edge: -1}); }, {cls: "kg-primary"}) : null];
}

function noMatchPanel(q) {
  return [el("h2", {cls: "kg-nomatch", text: t("noMatch", q)}), el("p", {cls: "kg-muted", text: t("noMatchHint")})];
}
