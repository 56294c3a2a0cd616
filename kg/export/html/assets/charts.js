// charts.js: horizontal bar charts drawn as inline SVG (no chart library, nothing fetched).
// Every bar is a <g class="kg-bar"> with data-label / data-value and a <title>, so that
// screen readers and tests read the exact values.

function barChart(opts) {
  // opts: {id, title, rows: [{label, value: BigInt, text}], max: 12, onPick(label)}
  var rows = opts.rows.slice(0, opts.max || 12);
  var rowH = 24, labelW = 150, barW = 260, valueW = 150, top = 4;
  var width = labelW + barW + valueW, height = top + rows.length * rowH + 4;
  var max = rows.reduce(function (m, r) { return r.value > m ? r.value : m; }, 0n);
  // drawn at its own size (12 px text), scrolled sideways in a narrow window, never shrunk
  var chart = svg("svg", {viewBox: "0 0 " + width + " " + height, width: width, height: height,
                          role: "img", "aria-label": opts.title, class: "kg-chart-svg"});
  rows.forEach(function (r, i) {
    var y = top + i * rowH;
    // bar length in per mille of the largest value (BigInt division, then Number)
    var w = max > 0n ? Number((r.value * 1000n) / max) / 1000 * barW : 0;
    var g = svg("g", {class: "kg-bar", "data-label": r.label, "data-value": r.value.toString()},
      svg("title", {text: r.label + ": " + r.text}),
      svg("text", {x: labelW - 6, y: y + 16, "text-anchor": "end", class: "kg-bar-label",
                   text: shortText(r.label, 14)}),
      svg("rect", {x: labelW, y: y + 4, width: Math.max(1, w).toFixed(1), height: rowH - 8,
                   rx: 2, class: "kg-bar-rect"}),
      svg("text", {x: labelW + Math.max(1, w) + 6, y: y + 16, class: "kg-bar-value",
                   text: r.text}));
    if (opts.onPick) {
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.addEventListener("click", function () { opts.onPick(r.label); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") opts.onPick(r.label); });
    }
    chart.appendChild(g);
  });
  return el("figure", {cls: "kg-chart", id: opts.id}, el("figcaption", {text: opts.title}), chart);
}
