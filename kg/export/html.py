"""The interactive graph page (``graph.html``) for analysts.

One self-contained, deterministic HTML file:

* vis-network's JS and CSS (shipped inside the ``pyvis`` package) are inlined, so the page
  makes no request at all; a Content-Security-Policy built from the hashes of the two inline
  scripts forbids every other script, inline event handler and outgoing request.
* The graph is embedded as JSON in ``<script type="application/json" id="kg-data">`` with
  ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page's own script renders every
  piece of document text with ``textContent``/``createElement`` only.
* Same graph -> byte-identical page: nodes and edges are sorted, the layout seeds are fixed
  and nothing depends on the clock or on random ids.

Public API: :func:`render_html` and :func:`write_html`.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.io import atomic_write_text
from kg.schema import load_schema

__all__ = ["render_html", "write_html", "TYPE_STYLES", "PHYSICS_MAX_NODES", "LAYOUT_SEED"]

#: Graphs with more shown nodes than this get a precomputed (networkx) layout, physics off.
PHYSICS_MAX_NODES = 300
#: Seed of both the networkx spring layout and vis-network's own layout.
LAYOUT_SEED = 42

#: type -> (fill colour, vis-network shape, legend glyph, dashed border)
TYPE_STYLES: dict[str, tuple[str, str, str, bool]] = {
    t.name: (t.colour, t.shape, t.glyph, t.dashed) for t in load_schema().types.values()}
_OTHER_STYLE = ("#8c8c8c", "dot", "\u25cb", False)

_FONT_STACK_CSS = '"NanumGothic", "Noto Sans CJK KR", sans-serif'
_FONT_STACK_CANVAS = "NanumGothic, 'Noto Sans CJK KR', sans-serif"


# --------------------------------------------------------------------------- assets


def _version_key(p: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", p.name))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """(js, css) of the newest vis-network bundled with pyvis, made safe to inline."""
    import pyvis

    root = Path(pyvis.__file__).resolve().parent
    dirs = [d for base in (root / "templates" / "lib", root / "lib") if base.is_dir()
            for d in base.glob("vis-*") if (d / "vis-network.min.js").is_file()]
    if not dirs:
        raise RuntimeError(f"vis-network not found in the pyvis package at {root}")
    d = max(dirs, key=lambda p: (_version_key(p), str(p)))
    js = (d / "vis-network.min.js").read_text(encoding="utf-8")
    css_path = d / "vis-network.css"
    css = css_path.read_text(encoding="utf-8") if css_path.is_file() else ""
    # A source-map comment would make dev tools fetch a file next to the page.
    js = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", js)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    # Anything that could end (or change the parsing state of) the inline element.
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        raise RuntimeError(f"{d}/vis-network.min.js cannot be inlined safely")
    if re.search(r"</style", css, re.IGNORECASE):
        raise RuntimeError(f"{d}/vis-network.css cannot be inlined safely")
    if re.search(r"url\(\s*(?!['\"]?\s*data:)", css, re.IGNORECASE):
        raise RuntimeError(f"{d}/vis-network.css refers to external resources")
    return js, css


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# --------------------------------------------------------------------------- data


def _text(value: Any) -> str:
    """Any attribute value as a str that survives UTF-8 (lone surrogates replaced)."""
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    return s.encode("utf-8", "replace").decode("utf-8")


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    try:
        items = list(value)
    except TypeError:
        items = [value]
    out: list[str] = []
    for item in items:
        s = _text(item).strip()
        if s and s not in out:
            out.append(s)
    return out


def _int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


def format_amount(amount: Any, currency: Any, text: Any) -> str:
    """'383억원 = 38,300,000,000 KRW'; whatever is known if parts are missing."""
    n = _int_or_none(amount)
    cur = _text(currency).strip()
    written = _text(text).strip()
    exact = f"{n:,} {cur}".strip() if n is not None else ""
    if written and exact:
        return f"{written} = {exact}"
    return written or exact


def _evidence(items: Any) -> list[dict[str, Any]]:
    out = []
    for ev in items or []:
        if not isinstance(ev, dict):
            continue
        sent = _text(ev.get("text"))
        pre, cue, post = sent, "", ""
        c = ev.get("cue")
        if isinstance(c, (list, tuple)) and len(c) == 2:
            s, e = _int_or_none(c[0]), _int_or_none(c[1])
            if s is not None and e is not None and 0 <= s < e <= len(sent):
                # Split here, in code points: JS strings count UTF-16 units.
                pre, cue, post = sent[:s], sent[s:e], sent[e:]
        out.append({
            "doc": _text(ev.get("doc")),
            "start": _int_or_none(ev.get("start")),
            "end": _int_or_none(ev.get("end")),
            "pre": pre, "cue": cue, "post": post,
        })
    out.sort(key=lambda d: (d["doc"], d["start"] if d["start"] is not None else -1,
                            d["end"] if d["end"] is not None else -1,
                            d["pre"] + d["cue"] + d["post"], d["cue"]))
    return out


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _node_size(degree: int) -> float:
    return round(min(10.0 + 4.0 * math.sqrt(degree), 48.0), 1)


def _select_nodes(g: nx.MultiDiGraph, max_nodes: int) -> tuple[list[str], dict[str, int]]:
    degree = {str(n): int(d) for n, d in g.degree()}
    ids = sorted(degree)
    if len(ids) > max_nodes:
        ids = sorted(sorted(ids, key=lambda n: (-degree[n], n))[:max(0, max_nodes)])
    return ids, degree


def _layout(ids: list[str], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    h = nx.Graph()
    h.add_nodes_from(ids)
    h.add_edges_from(sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b}))
    # Fruchterman-Reingold ("force"); fewer iterations for big graphs keep the export to a
    # few seconds (networkx's big-graph version loops in Python).
    iterations = 50 if len(ids) <= 500 else 15
    try:
        pos = nx.spring_layout(h, seed=LAYOUT_SEED, iterations=iterations, method="force")
    except TypeError:  # networkx < 3.4 has no method= (and always uses "force")
        pos = nx.spring_layout(h, seed=LAYOUT_SEED, iterations=iterations)
    scale = max(400.0, 45.0 * math.sqrt(len(ids)))
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1))
            for n, (x, y) in pos.items()}


def build_payload(g: nx.MultiDiGraph, *, max_nodes: int = 1500) -> dict[str, Any]:
    """The JSON-ready data the page renders (sorted, deterministic)."""
    ids, degree = _select_nodes(g, max_nodes)
    keep = set(ids)
    node_attr = {str(n): a for n, a in g.nodes(data=True)}

    raw_edges = []
    for u, v, k, a in g.edges(keys=True, data=True):
        su, sv = str(u), str(v)
        if su in keep and sv in keep:
            pred = _text(a.get("predicate") or k)
            raw_edges.append((su, sv, _text(k), pred, a))
    raw_edges.sort(key=lambda e: (e[0], e[1], e[2], e[3]))

    precomputed = len(ids) > PHYSICS_MAX_NODES or len(ids) < g.number_of_nodes()
    pos = _layout(ids, [(e[0], e[1]) for e in raw_edges]) if precomputed and ids else {}

    nodes = []
    for n in ids:
        a = node_attr.get(n, {})
        ntype = _text(a.get("type")) or "Other"
        node: dict[str, Any] = {
            "id": n,
            "type": ntype,
            "label": _text(a.get("label")).strip() or _local_name(n),
            "aliases": _str_list(a.get("aliases")),
            "docs": sorted(_str_list(a.get("docs"))),
            "degree": degree[n],
            "size": _node_size(degree[n]),
        }
        if ntype == "Investment" or "amount" in a:
            node["amount"] = format_amount(a.get("amount"), a.get("currency"), a.get("text"))
            written = _text(a.get("text")).strip()
            if written and written != node["label"] and written not in node["aliases"]:
                node["aliases"].append(written)
        if ntype == "Person" or a.get("role") is not None:
            role = _text(a.get("role")).strip()
            if role:
                node["role"] = role
        if n in pos:
            node["x"], node["y"] = pos[n]
        nodes.append(node)

    # Parallel edges between the same two nodes get increasingly curved arcs.
    pair_count: dict[tuple[str, str], int] = {}
    edges = []
    for i, (u, v, key, pred, a) in enumerate(raw_edges):
        pair = (min(u, v), max(u, v))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        edges.append({
            "id": f"e{i}",
            "from": u,
            "to": v,
            "predicate": pred,
            "key": key,
            "nth": nth,
            "evidence": _evidence(a.get("evidence")),
        })

    types_present = sorted({n["type"] for n in nodes})
    # Every ontology type is listed (a zero count says "none here"), then any unknown type.
    order = list(TYPE_STYLES) + [t for t in types_present if t not in TYPE_STYLES]
    styles = {}
    for t in order:
        color, shape, glyph, dashed = TYPE_STYLES.get(t, _OTHER_STYLE)
        styles[t] = {"color": color, "shape": shape, "glyph": glyph, "dashed": dashed,
                     "count": sum(1 for n in nodes if n["type"] == t)}
    return {
        "meta": {
            "shownNodes": len(nodes),
            "totalNodes": g.number_of_nodes(),
            "shownEdges": len(edges),
            "totalEdges": g.number_of_edges(),
            "truncated": len(nodes) < g.number_of_nodes(),
            "layout": "precomputed" if precomputed else "physics",
            "seed": LAYOUT_SEED,
            "symmetric": sorted(load_schema().symmetric),
        },
        "typeOrder": order,
        "types": styles,
        "nodes": nodes,
        "edges": edges,
    }


_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def json_for_script(payload: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>', '&', U+2028/9 left raw.

    These characters can occur only inside JSON strings, where the \\uXXXX form means the same.
    """
    s = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                   allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], s)


# --------------------------------------------------------------------------- page

_PAGE_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:%FONT%;font-size:14px;color:#222;background:#fafafa;display:flex;flex-direction:column}
header{display:flex;align-items:center;gap:16px;padding:8px 14px;background:#263238;color:#fff;flex-wrap:wrap}
header h1{font-size:17px;margin:0;font-weight:700}
#kg-stats{font-size:13px;color:#cfd8dc}
#kg-stats.truncated{color:#ffe082;font-weight:700}
#kg-searchbox{position:relative;margin-left:auto}
#kg-search{font:inherit;width:320px;padding:5px 8px;border-radius:4px;border:1px solid #90a4ae}
#kg-results{position:absolute;right:0;top:100%;z-index:20;width:320px;max-height:340px;overflow:auto;background:#fff;color:#222;border:1px solid #b0bec5;box-shadow:0 4px 12px rgba(0,0,0,.2);list-style:none;margin:2px 0 0;padding:0}
#kg-results:empty{display:none}
#kg-results li button{display:block;width:100%;text-align:left;font:inherit;border:0;background:none;padding:5px 8px;cursor:pointer}
#kg-results li button:hover,#kg-results li button:focus{background:#e3f2fd}
#kg-results .kg-type{color:#607d8b;font-size:12px;margin-left:6px}
#kg-results .kg-none{padding:5px 8px;color:#777}
main{flex:1;display:flex;min-height:0}
#kg-graph-wrap{flex:1;position:relative;min-width:0}
#kg-graph{position:absolute;inset:0;background:#fff}
#kg-legend{position:absolute;left:10px;top:10px;z-index:10;background:rgba(255,255,255,.93);border:1px solid #cfd8dc;border-radius:6px;padding:6px 8px;font-size:13px}
#kg-legend h2{font-size:12px;margin:0 0 4px;color:#546e7a;font-weight:700}
#kg-legend button{display:flex;align-items:center;gap:6px;width:100%;font:inherit;background:none;border:0;padding:2px 4px;cursor:pointer;text-align:left;border-radius:3px}
#kg-legend button:hover{background:#eceff1}
#kg-legend button[aria-pressed="false"]{opacity:.4;text-decoration:line-through}
#kg-legend .kg-glyph{font-size:16px;width:18px;text-align:center}
#kg-legend .kg-count{color:#78909c;margin-left:auto;padding-left:8px}
#kg-panel{width:380px;overflow:auto;border-left:1px solid #cfd8dc;background:#fff;padding:12px 14px}
#kg-panel h2{font-size:18px;margin:0 0 6px;word-break:break-word}
#kg-panel h3{font-size:13px;margin:14px 0 4px;color:#546e7a;text-transform:uppercase;letter-spacing:.03em}
#kg-panel .kg-hint{color:#78909c}
#kg-panel dl{display:grid;grid-template-columns:auto 1fr;gap:3px 10px;margin:6px 0}
#kg-panel dt{color:#607d8b}
#kg-panel dd{margin:0;word-break:break-word}
#kg-panel ul{margin:0;padding-left:18px}
#kg-panel li{margin:2px 0;word-break:break-word}
#kg-panel .kg-id,#kg-panel .kg-doc{font-family:monospace;font-size:12px;color:#455a64}
#kg-panel .kg-link{font:inherit;color:#1565c0;background:none;border:0;padding:0;cursor:pointer;text-align:left;text-decoration:underline}
#kg-panel .kg-pred{font-weight:700;color:#37474f}
#kg-panel .kg-amount{font-size:16px;font-weight:700;color:#b71c1c}
#kg-panel blockquote{margin:4px 0 10px;padding:6px 10px;background:#f5f7f8;border-left:3px solid #90a4ae;line-height:1.55}
#kg-panel mark{background:#fff176;padding:0 1px}
#kg-panel .kg-swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
""".replace("%FONT%", _FONT_STACK_CSS)

_APP_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var META = DATA.meta, TYPES = DATA.types;
  var FONT = %FONT%;
  var SYMMETRIC = new Set(META.symmetric);
  var big = META.layout === "precomputed";

  // ---- DOM helpers: text only, never innerHTML ------------------------------------
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === "text") node.textContent = props[k];
        else if (k === "cls") node.className = props[k];
        else if (k === "data") Object.keys(props[k]).forEach(function (d) { node.dataset[d] = props[k][d]; });
        else node[k] = props[k];
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }
  function fmt(n) { return String(n); }

  // ---- data -----------------------------------------------------------------------
  var byId = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  var edgeById = new Map();
  var adjacency = new Map();
  DATA.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    (e.from === e.to ? [e.from] : [e.from, e.to]).forEach(function (id) {
      if (!adjacency.has(id)) adjacency.set(id, []);
      adjacency.get(id).push(e);
    });
  });
  function typeStyle(t) { return TYPES[t] || {color: "#8c8c8c", shape: "dot", glyph: "\u25cb", dashed: false}; }
  function shortLabel(s) {
    s = String(s).replace(/\s+/g, " ");
    return s.length > 32 ? s.slice(0, 31) + "\u2026" : s;
  }

  var hiddenTypes = new Set();
  function visNode(n) {
    var st = typeStyle(n.type);
    var item = {
      id: n.id, label: shortLabel(n.label), shape: st.shape, size: n.size,
      color: {background: st.color, border: "#37474f",
              highlight: {background: st.color, border: "#d50000"},
              hover: {background: st.color, border: "#d50000"}},
      borderWidth: 1, borderWidthSelected: 3,
      font: {face: FONT, size: 14, color: "#212121", strokeWidth: 3, strokeColor: "#ffffff"},
      shapeProperties: {borderDashes: st.dashed ? [4, 3] : false},
      hidden: hiddenTypes.has(n.type)
    };
    if (st.dashed) item.borderWidth = 2;
    if (typeof n.x === "number") { item.x = n.x; item.y = n.y; }
    return item;
  }
  function edgeHidden(e) {
    return hiddenTypes.has(byId.get(e.from).type) || hiddenTypes.has(byId.get(e.to).type);
  }
  function visEdge(e) {
    var item = {
      id: e.id, from: e.from, to: e.to, label: e.predicate,
      arrows: SYMMETRIC.has(e.predicate) ? {to: false} : {to: {enabled: true, scaleFactor: 0.6}},
      color: {color: "#90a4ae", highlight: "#d50000", hover: "#546e7a"},
      width: 1.2, selectionWidth: 2,
      font: {face: FONT, size: 11, color: "#455a64", strokeWidth: 3, strokeColor: "#ffffff", align: "middle"},
      hidden: edgeHidden(e)
    };
    if (e.nth > 0 || e.from === e.to) {
      item.smooth = {enabled: true, type: e.nth % 2 ? "curvedCW" : "curvedCCW",
                     roundness: 0.2 + 0.15 * Math.floor((e.nth + 1) / 2)};
    }
    return item;
  }

  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(DATA.edges.map(visEdge));
  var container = document.getElementById("kg-graph");
  var options = {
    autoResize: true,
    layout: {randomSeed: META.seed, improvedLayout: !big && DATA.nodes.length <= 150},
    interaction: {hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  multiselect: false, navigationButtons: false, keyboard: false},
    nodes: {font: {face: FONT}},
    edges: {smooth: false},
    physics: big ? {enabled: false} : {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: {gravitationalConstant: -60, springLength: 120, springConstant: 0.06, avoidOverlap: 0.4},
      stabilization: {enabled: true, iterations: 600, updateInterval: 50, fit: true}
    }
  };
  var network = new vis.Network(container, {nodes: new vis.DataSet(), edges: new vis.DataSet()}, options);

  var api = {network: network, nodes: nodes, edges: edges, data: DATA, ready: false, loadMs: null};
  window.kg = api;
  window.kgNetwork = network;
  window.kgReady = false;

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    window.kgReady = true;
    api.loadMs = Math.round(performance.now());
    document.body.dataset.ready = "1";
    document.dispatchEvent(new Event("kg-ready"));
  }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});
    markReady();
  });
  network.setData({nodes: nodes, edges: edges});
  if (big || DATA.nodes.length === 0) {
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});
    network.once("afterDrawing", markReady);
    network.redraw();
    if (DATA.nodes.length === 0) markReady();
  }

  // ---- header ---------------------------------------------------------------------
  var stats = document.getElementById("kg-stats");
  stats.textContent = "showing " + fmt(META.shownNodes) + " of " + fmt(META.totalNodes) + " nodes, " +
    fmt(META.shownEdges) + " of " + fmt(META.totalEdges) + " edges" +
    (META.truncated ? " \u2014 the " + fmt(META.shownNodes) + " most connected nodes; layout precomputed" : "");
  if (META.truncated) stats.className = "truncated";

  // ---- legend: one toggle per type ------------------------------------------------
  var legend = document.getElementById("kg-legend");
  legend.appendChild(el("h2", {text: "Types (click to hide/show)"}));
  DATA.typeOrder.forEach(function (t) {
    var st = typeStyle(t);
    var glyph = el("span", {cls: "kg-glyph", text: st.glyph});
    glyph.style.color = st.color;
    var b = el("button", {type: "button", data: {type: t}}, glyph, el("span", {text: t}),
               el("span", {cls: "kg-count", text: fmt(st.count)}));
    b.setAttribute("aria-pressed", "true");
    b.addEventListener("click", function () { setTypeVisible(t, hiddenTypes.has(t)); });
    legend.appendChild(b);
  });
  function setTypeVisible(t, visible) {
    if (visible) hiddenTypes.delete(t); else hiddenTypes.add(t);
    var btn = legend.querySelector('button[data-type="' + CSS.escape(t) + '"]');
    if (btn) btn.setAttribute("aria-pressed", visible ? "true" : "false");
    nodes.update(DATA.nodes.filter(function (n) { return n.type === t; })
      .map(function (n) { return {id: n.id, hidden: !visible}; }));
    edges.update(DATA.edges.filter(function (e) {
      return byId.get(e.from).type === t || byId.get(e.to).type === t;
    }).map(function (e) { return {id: e.id, hidden: edgeHidden(e)}; }));
  }
  api.setTypeVisible = setTypeVisible;

  // ---- side panel -----------------------------------------------------------------
  var panel = document.getElementById("kg-panel");
  function nodeLink(id) {
    var n = byId.get(id);
    var b = el("button", {type: "button", cls: "kg-link", text: n ? n.label : id});
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function edgeLink(e, text) {
    var b = el("button", {type: "button", cls: "kg-link kg-pred", text: text});
    b.addEventListener("click", function () { focusEdge(e.id); });
    return b;
  }
  function swatch(t) {
    var s = el("span", {cls: "kg-swatch"});
    s.style.background = typeStyle(t).color;
    return s;
  }
  function showEmpty() {
    panel.replaceChildren(el("h2", {text: "Details"}),
      el("p", {cls: "kg-hint", text: "Click a node to see its names, documents and relations; click an edge to see the sentences that state it. Use the search box to find a name in Korean or English."}));
    panel.dataset.kind = "";
    panel.dataset.id = "";
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return showEmpty();
    var dl = el("dl", null,
      el("dt", {text: "Type"}), el("dd", null, swatch(n.type), n.type),
      el("dt", {text: "Name"}), el("dd", {cls: "kg-name", text: n.label}));
    if (n.role) { dl.appendChild(el("dt", {text: "Role"})); dl.appendChild(el("dd", {text: n.role})); }
    if (n.amount) {
      dl.appendChild(el("dt", {text: "Amount"}));
      dl.appendChild(el("dd", {cls: "kg-amount", text: n.amount}));
    }
    dl.appendChild(el("dt", {text: "ID"}));
    dl.appendChild(el("dd", {cls: "kg-id", text: n.id}));
    var parts = [el("h2", {text: n.label}), dl];
    parts.push(el("h3", {text: "Aliases (" + n.aliases.length + ")"}));
    parts.push(n.aliases.length
      ? el.apply(null, ["ul", {cls: "kg-aliases"}].concat(n.aliases.map(function (a) { return el("li", {text: a}); })))
      : el("p", {cls: "kg-hint", text: "none"}));
    parts.push(el("h3", {text: "Documents (" + n.docs.length + ")"}));
    parts.push(n.docs.length
      ? el.apply(null, ["ul", {cls: "kg-docs"}].concat(n.docs.map(function (d) { return el("li", {cls: "kg-doc", text: d}); })))
      : el("p", {cls: "kg-hint", text: "none"}));
    var rel = adjacency.get(id) || [];
    parts.push(el("h3", {text: "Relations (" + rel.length + (rel.length < n.degree ? " shown of " + n.degree : "") + ")"}));
    if (rel.length) {
      var ul = el("ul", {cls: "kg-relations"});
      rel.forEach(function (e) {
        var out = e.from === id;
        ul.appendChild(el("li", null,
          out ? "\u2192 " : "\u2190 ", edgeLink(e, e.predicate), out ? " \u2192 " : " \u2190 ",
          nodeLink(out ? e.to : e.from),
          " (" + e.evidence.length + " evidence)"));
      });
      parts.push(ul);
    } else {
      parts.push(el("p", {cls: "kg-hint", text: "none shown"}));
    }
    panel.replaceChildren.apply(panel, parts);
    panel.dataset.kind = "node";
    panel.dataset.id = id;
  }
  function showEdge(eid) {
    var e = edgeById.get(eid);
    if (!e) return showEmpty();
    var parts = [
      el("h2", {text: e.predicate}),
      el("dl", null,
        el("dt", {text: "From"}), el("dd", null, swatch(byId.get(e.from).type), nodeLink(e.from)),
        el("dt", {text: "Relation"}), el("dd", {cls: "kg-pred", text: e.predicate}),
        el("dt", {text: "To"}), el("dd", null, swatch(byId.get(e.to).type), nodeLink(e.to))),
      el("h3", {text: "Evidence (" + e.evidence.length + ")"})
    ];
    if (!e.evidence.length) parts.push(el("p", {cls: "kg-hint", text: "no evidence sentence recorded"}));
    e.evidence.forEach(function (ev) {
      var where = ev.doc + (ev.start !== null && ev.end !== null ? " \u00b7 chars " + ev.start + "\u2013" + ev.end : "");
      var q = el("blockquote", {cls: "kg-sentence"}, ev.pre);
      if (ev.cue) q.appendChild(el("mark", {text: ev.cue}));
      if (ev.post) q.appendChild(document.createTextNode(ev.post));
      parts.push(el("div", {cls: "kg-evidence"}, el("div", {cls: "kg-doc", text: where}), q));
    });
    panel.replaceChildren.apply(panel, parts);
    panel.dataset.kind = "edge";
    panel.dataset.id = eid;
  }
  api.showNode = showNode;
  api.showEdge = showEdge;

  function focusNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    if (hiddenTypes.has(n.type)) setTypeVisible(n.type, true);
    network.selectNodes([id], false);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showNode(id);
    return true;
  }
  function focusEdge(eid) {
    var e = edgeById.get(eid);
    if (!e) return false;
    [e.from, e.to].forEach(function (id) {
      var t = byId.get(id).type;
      if (hiddenTypes.has(t)) setTypeVisible(t, true);
    });
    network.setSelection({nodes: [], edges: [eid]}, {unselectAll: true, highlightEdges: false});
    showEdge(eid);
    return true;
  }
  api.focusNode = focusNode;
  api.focusEdge = focusEdge;

  network.on("click", function (p) {
    if (p.nodes && p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges && p.edges.length) showEdge(p.edges[0]);
    else showEmpty();
  });
  showEmpty();

  // ---- search: any name, Korean or English, NFKC + case-insensitive ---------------
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(); }
  var index = DATA.nodes.map(function (n) {
    var names = [n.label].concat(n.aliases);
    var keys = names.map(norm);
    return {id: n.id, keys: keys, compact: keys.map(function (k) { return k.replace(/ /g, ""); }),
            idKey: n.id.toLowerCase()};
  });
  function search(q) {
    var k = norm(q), c = k.replace(/ /g, "");
    if (!c) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = 9;
      for (var i = 0; i < it.keys.length; i++) {
        var key = it.keys[i], ck = it.compact[i];
        var r = (key === k || ck === c) ? 0 : (key.startsWith(k) || ck.startsWith(c)) ? 1 :
                (key.indexOf(k) >= 0 || ck.indexOf(c) >= 0) ? 2 : 9;
        if (r < best) best = r;
      }
      if (best === 9 && it.idKey === k) best = 0;
      if (best < 9) hits.push([best, it.id]);
    });
    hits.sort(function (a, b) {
      if (a[0] !== b[0]) return a[0] - b[0];
      var na = byId.get(a[1]), nb = byId.get(b[1]);
      if (na.degree !== nb.degree) return nb.degree - na.degree;
      return na.label < nb.label ? -1 : na.label > nb.label ? 1 : (a[1] < b[1] ? -1 : 1);
    });
    return hits.map(function (h) { return h[1]; });
  }
  api.search = search;

  var box = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  function listResults(ids, q) {
    results.replaceChildren();
    if (!norm(q)) return;
    if (!ids.length) { results.appendChild(el("li", {cls: "kg-none", text: "no name matches"})); return; }
    ids.slice(0, 12).forEach(function (id) {
      var n = byId.get(id);
      var b = el("button", {type: "button"}, n.label, el("span", {cls: "kg-type", text: n.type}));
      b.addEventListener("click", function () { focusNode(id); results.replaceChildren(); });
      results.appendChild(el("li", null, b));
    });
  }
  box.addEventListener("input", function () { listResults(search(box.value), box.value); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      ev.preventDefault();
      var ids = search(box.value);
      if (ids.length) { focusNode(ids[0]); results.replaceChildren(); }
      else listResults(ids, box.value);
    } else if (ev.key === "Escape") {
      box.value = ""; results.replaceChildren();
    }
  });
  api.find = function (q) {
    var ids = search(q);
    if (ids.length) focusNode(ids[0]);
    return ids.length ? ids[0] : null;
  };
})();
""".replace("%FONT%", json.dumps(_FONT_STACK_CANVAS))


def render_html(g: nx.MultiDiGraph, *, max_nodes: int = 1500) -> str:
    """The complete, self-contained page for ``g`` as a string."""
    vis_js, vis_css = _vis_assets()
    data = json_for_script(build_payload(g, max_nodes=max_nodes))
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(_APP_JS)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "font-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return "".join([
        "<!DOCTYPE html>\n",
        '<html lang="en">\n<head>\n',
        '<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        '<link rel="icon" href="data:,">\n',
        "<title>Knowledge graph</title>\n",
        "<style>\n", vis_css, "\n</style>\n",
        "<style>", _PAGE_CSS, "</style>\n",
        "</head>\n<body>\n",
        "<header>\n<h1>Knowledge graph</h1>\n",
        '<span id="kg-stats" role="status"></span>\n',
        '<div id="kg-searchbox" role="search">',
        '<input id="kg-search" type="search" autocomplete="off" spellcheck="false" '
        'placeholder="Find a name (Korean or English)" aria-label="Find a node by name">',
        '<ul id="kg-results"></ul></div>\n',
        "</header>\n<main>\n",
        '<div id="kg-graph-wrap"><div id="kg-graph"></div><nav id="kg-legend" '
        'aria-label="Node types"></nav></div>\n',
        '<aside id="kg-panel" aria-live="polite"></aside>\n',
        "</main>\n",
        '<noscript><p>This page needs JavaScript to draw the graph.</p></noscript>\n',
        '<script type="application/json" id="kg-data">', data, "</script>\n",
        "<script>", vis_js, "</script>\n",
        "<script>", _APP_JS, "</script>\n",
        "</body>\n</html>\n",
    ])


def write_html(g: nx.MultiDiGraph, path: Path, *, max_nodes: int = 1500) -> None:
    """Write the page for ``g`` to ``path`` atomically (UTF-8)."""
    atomic_write_text(Path(path), render_html(g, max_nodes=max_nodes))
