// overview.js: the first view. Counts, the investments table (sortable, filterable, CSV),
// totals by investor and currency, charts, and the most connected entities.

var INV = RAW.investments.map(function (r) {
  var n = NODES[r.node];
  var a = n.amount || {text: "", value: "", currency: "", norm: ""};
  var names = r.by.concat(r.to).map(function (i) { return NODES[i].label; });
  var titles = r.docs.map(function (d) { return docTitle(DOCS[d]); });
  return {node: n, by: r.by, to: r.to, text: a.text || n.label, value: big(a.value),
          currency: a.currency || "", norm: a.norm || "", year: r.year, yearFrom: r.yearFrom,
          docs: r.docs, key: norm([a.text, n.label].concat(names, titles).join(" "))};
});
var invState = {q: "", currency: "", year: "", sort: "value", dir: -1, limit: 50};
var INV_COLUMNS = [
  {key: "investor", label: "colInvestor"}, {key: "text", label: "colAmount"},
  {key: "value", label: "colValue"}, {key: "currency", label: "colCurrency"},
  {key: "target", label: "colTarget"}, {key: "year", label: "colYear"},
  {key: "source", label: "colSource"}
];

function firstLabel(list) { return list.length ? NODES[list[0]].label : null; }
function cmpStr(a, b) { return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1; }
function cmpBig(a, b) { return a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1; }
function invCompare(key) {
  return function (a, b) {
    var c = 0;
    if (key === "investor") c = cmpStr(firstLabel(a.by), firstLabel(b.by));
    else if (key === "target") c = cmpStr(firstLabel(a.to), firstLabel(b.to));
    else if (key === "year") c = cmpStr(a.year, b.year);
    else if (key === "source") c = cmpStr(a.docs.length ? a.docs[0] : null, b.docs.length ? b.docs[0] : null);
    else if (key === "currency") c = cmpStr(a.currency, b.currency) || cmpBig(a.value, b.value);
    else c = cmpStr(a.currency, b.currency) || cmpBig(a.value, b.value);  // text, value
    return c;
  };
}
function invRows() {
  var q = norm(invState.q);
  var rows = INV.filter(function (r) {
    return (!q || r.key.indexOf(q) >= 0) && (!invState.currency || r.currency === invState.currency) &&
           (!invState.year || String(r.year) === invState.year);
  });
  var cmp = invCompare(invState.sort);
  rows.sort(function (a, b) { return invState.dir * cmp(a, b) || a.node.i - b.node.i; });
  return rows;
}
function investorTotals(rows) {
  var acc = new Map();
  rows.forEach(function (r) {
    (r.by.length ? r.by : [-1]).forEach(function (i) {
      var k = i + "|" + r.currency;
      var cur = acc.get(k) || {investor: i, currency: r.currency, count: 0, total: 0n};
      cur.count += 1;
      if (r.value !== null) cur.total += r.value;
      acc.set(k, cur);
    });
  });
  return Array.from(acc.values()).sort(function (a, b) {
    return cmpStr(a.currency, b.currency) || cmpBig(b.total, a.total) || a.investor - b.investor;
  });
}
function currencyTotals(rows) {
  var acc = new Map();
  rows.forEach(function (r) {
    var cur = acc.get(r.currency) || {currency: r.currency, count: 0, total: 0n};
    cur.count += 1;
    if (r.value !== null) cur.total += r.value;
    acc.set(r.currency, cur);
  });
  return Array.from(acc.values()).sort(function (a, b) {
    return b.count - a.count || cmpStr(a.currency, b.currency);
  });
}
function investorName(i) { return i < 0 ? t("unknownInvestor") : NODES[i].label; }
function entityLinks(list) {
  return list.map(function (i, k) {
    return [k ? ", " : "", button(NODES[i].label, function () { openEntity(i); }, {cls: "kg-link"})];
  });
}
function docCell(docs) {
  if (!docs.length) return "";
  var d = DOCS[docs[0]];
  var text = shortText(docTitle(d), 48);
  var title = d.url ? el("a", {href: d.url, target: "_blank", rel: "noopener noreferrer", text: text, title: docTitle(d)})
                    : el("span", {text: text, title: docTitle(d)});
  return [title, docLine(d) ? el("span", {cls: "kg-muted", text: " " + docLine(d)}) : null,
          docs.length > 1 ? el("span", {cls: "kg-muted", text: " +" + (docs.length - 1)}) : null];
}

function renderOverview() {
  var root = byId("kg-overview");
  var stats = el("p", {id: "kg-stats", text: t("statsLine", fmt(META.documents), fmt(META.nodes), fmt(META.edges))});
  root.replaceChildren(el("h2", {cls: "kg-visually-hidden", text: t("overview")}), stats,
                       renderInvestments(), renderTopEntities());
  updateInvestments();
}

function renderInvestments() {
  var sec = el("section", {id: "kg-inv"}, el("h2", {text: t("invTitle") + " (" + fmt(INV.length) + ")"}));
  if (!INV.length) { sec.appendChild(el("p", {cls: "kg-muted", text: t("invNone")})); return sec; }
  var currencies = Array.from(new Set(INV.map(function (r) { return r.currency; }))).sort();
  var years = Array.from(new Set(INV.filter(function (r) { return r.year !== null; })
    .map(function (r) { return String(r.year); }))).sort();
  function select(id, allLabel, values, key) {
    var s = el("select", {id: id, attrs: {"aria-label": allLabel}},
      el("option", {value: "", text: allLabel}),
      values.map(function (v) { return el("option", {value: v, text: v}); }));
    s.value = invState[key];
    s.addEventListener("change", function () { invState[key] = s.value; invState.limit = 50; updateInvestments(); });
    return s;
  }
  var filter = el("input", {id: "kg-inv-filter", type: "search", placeholder: t("filterText"),
                            value: invState.q, attrs: {"aria-label": t("filterText")}});
  filter.addEventListener("input", function () { invState.q = filter.value; invState.limit = 50; updateInvestments(); });
  var controls = el("div", {cls: "kg-controls"}, filter,
    select("kg-inv-currency", t("allCurrencies"), currencies, "currency"),
    years.length ? select("kg-inv-year", t("allYears"), years, "year") : null,
    button(t("csv"), downloadCsv, {id: "kg-inv-csv"}));
  var head = el("tr", null, INV_COLUMNS.map(function (c) {
    var th = el("th", {scope: "col", data: {key: c.key}},
      button(t(c.label), function () {
        if (invState.sort === c.key) invState.dir = -invState.dir;
        else { invState.sort = c.key; invState.dir = c.key === "value" || c.key === "year" ? -1 : 1; }
        updateInvestments();
      }, {cls: "kg-sort"}));
    return th;
  }));
  sec.appendChild(controls);
  sec.appendChild(el("div", {id: "kg-inv-currency-totals", cls: "kg-cards"}));
  sec.appendChild(el("div", {id: "kg-charts", cls: "kg-charts"}));
  sec.appendChild(el("div", {cls: "kg-table-wrap"},
    el("table", {id: "kg-inv-table", cls: "kg-table"}, el("thead", null, head), el("tbody"))));
  sec.appendChild(el("p", {id: "kg-inv-count", cls: "kg-muted"}));
  sec.appendChild(el("h3", {text: t("totalsTitle")}));
  sec.appendChild(el("div", {cls: "kg-table-wrap"}, el("table", {id: "kg-inv-totals", cls: "kg-table"})));
  sec.appendChild(el("p", {cls: "kg-muted kg-small", text: t("coInvestNote")}));
  return sec;
}

function updateInvestments() {
  var table = byId("kg-inv-table");
  if (!table) return;
  var rows = invRows();
  table.querySelectorAll("th").forEach(function (th) {
    th.setAttribute("aria-sort", th.dataset.key === invState.sort
      ? (invState.dir > 0 ? "ascending" : "descending") : "none");
  });
  var body = table.tBodies[0];
  body.replaceChildren.apply(body, rows.slice(0, invState.limit).map(function (r) {
    return el("tr", {data: {node: r.node.id}},
      el("td", {cls: "kg-c-investor"}, r.by.length ? entityLinks(r.by) : el("span", {cls: "kg-muted", text: t("unknownInvestor")})),
      el("td", {cls: "kg-c-text"}, button(r.text, function () { openEntity(r.node.i); }, {cls: "kg-link"})),
      el("td", {cls: "kg-c-value kg-num", text: r.norm}),
      el("td", {cls: "kg-c-currency", text: r.currency}),
      el("td", {cls: "kg-c-target"}, entityLinks(r.to)),
      el("td", {cls: "kg-c-year kg-num"}, r.year === null ? "" : String(r.year),
         r.yearFrom === "date" ? el("span", {cls: "kg-muted", text: "*", title: t("yearFromDate")}) : null),
      el("td", {cls: "kg-c-source"}, docCell(r.docs)));
  }));
  var count = byId("kg-inv-count");
  count.replaceChildren(t("rowsShown", fmt(rows.length), fmt(Math.min(rows.length, invState.limit))));
  if (rows.length > invState.limit) {
    count.appendChild(document.createTextNode(" "));
    count.appendChild(button(t("showMore", fmt(rows.length - invState.limit)), function () {
      invState.limit += 50; updateInvestments();
    }, {id: "kg-inv-more"}));
  }
  var cards = byId("kg-inv-currency-totals");
  cards.replaceChildren.apply(cards, currencyTotals(rows).map(function (c) {
    return el("div", {cls: "kg-card", data: {currency: c.currency}},
      el("span", {cls: "kg-card-label", text: c.currency + " \u00b7 " + t("count") + " " + fmt(c.count)}),
      el("strong", {text: moneyText(c.total, c.currency)}),
      el("span", {cls: "kg-muted kg-small", text: fmtBig(c.total) + " " + c.currency}));
  }));
  var totals = investorTotals(rows);
  var tt = byId("kg-inv-totals");
  tt.replaceChildren(el("thead", null, el("tr", null,
      el("th", {text: t("colInvestor")}), el("th", {text: t("colCurrency")}),
      el("th", {text: t("count")}), el("th", {text: t("total")}))),
    el("tbody", null, totals.slice(0, 100).map(function (x) {
      return el("tr", null,
        el("td", null, x.investor < 0 ? el("span", {cls: "kg-muted", text: t("unknownInvestor")})
                                      : entityLinks([x.investor])),
        el("td", {text: x.currency}), el("td", {cls: "kg-num", text: fmt(x.count)}),
        el("td", {cls: "kg-num", text: fmtBig(x.total) + " " + x.currency + " (" + moneyText(x.total, x.currency) + ")"}));
    })));
  renderCharts(rows, totals);
}

function renderCharts(rows, totals) {
  // one chart of totals by investor per currency (the three most frequent, or the one
  // chosen), and by year when years are known
  var box = byId("kg-charts");
  var currencies = invState.currency ? [invState.currency]
    : currencyTotals(rows).slice(0, 3).map(function (c) { return c.currency; });
  var charts = [];
  currencies.forEach(function (cur) {
    var byInvestor = totals.filter(function (x) { return x.currency === cur && x.investor >= 0; })
      .sort(function (a, b) { return cmpBig(b.total, a.total) || a.investor - b.investor; })
      .map(function (x) { return {label: investorName(x.investor), value: x.total, text: moneyText(x.total, cur)}; });
    if (byInvestor.length) {
      charts.push(barChart({id: "kg-chart-investor-" + cur, title: t("chartInvestor", cur), rows: byInvestor, max: 12}));
    }
    var byYear = new Map();
    rows.forEach(function (r) {
      if (r.currency !== cur || r.year === null || r.value === null) return;
      byYear.set(r.year, (byYear.get(r.year) || 0n) + r.value);
    });
    if (byYear.size) {
      var yr = Array.from(byYear.keys()).sort().map(function (y) {
        return {label: String(y), value: byYear.get(y), text: moneyText(byYear.get(y), cur)};
      });
      charts.push(barChart({id: "kg-chart-year-" + cur, title: t("chartYear", cur), rows: yr, max: 30}));
    }
  });
  box.replaceChildren.apply(box, charts);
}

function csvCell(v) {
  var s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // never a formula in a spreadsheet
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function investmentsCsv() {
  var lines = [["investor", "amount_as_written", "amount", "currency", "target", "year", "year_from",
                "document_title", "document_date", "document_publisher", "document_url", "document_id",
                "investment_iri"].join(",")];
  invRows().forEach(function (r) {
    var d = r.docs.length ? DOCS[r.docs[0]] : {};
    var names = function (l) { return l.map(function (i) { return NODES[i].label; }).join("; "); };
    lines.push([names(r.by), r.text, r.value === null ? "" : r.value.toString(), r.currency,
                names(r.to), r.year, r.yearFrom, d.title, d.date, d.publisher, d.url, d.id,
                r.node.id].map(csvCell).join(","));
  });
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}
function downloadCsv() {
  var url = URL.createObjectURL(new Blob([investmentsCsv()], {type: "text/csv;charset=utf-8"}));
  var a = el("a", {href: url, download: "investments.csv"});
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

function renderTopEntities() {
  var sec = el("section", {id: "kg-top-entities"}, el("h2", {text: t("topEntities")}));
  var grid = el("div", {cls: "kg-top-grid"});
  RAW.types.forEach(function (ty) {
    var members = NODES.filter(function (n) { return n.type === ty.name; });
    if (!members.length) return;
    members.sort(function (a, b) { return b.deg - a.deg || cmpStr(a.label, b.label) || a.i - b.i; });
    var head = el("h3", null, el("span", {cls: "kg-glyph", text: ty.glyph, attrs: {style: "color:" + ty.color}}),
                  " " + typeName(ty.name) + " ", el("span", {cls: "kg-muted", text: fmt(members.length)}));
    grid.appendChild(el("div", {cls: "kg-top-type", data: {type: ty.name}}, head,
      el("ol", null, members.slice(0, 6).map(function (n) {
        return el("li", null, button(n.label, function () { openEntity(n.i); }, {cls: "kg-link"}),
                  el("span", {cls: "kg-muted", text: " " + fmt(n.deg)}));
      }))));
  });
  sec.appendChild(grid);
  return sec;
}
