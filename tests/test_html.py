"""graph.html: self-contained, deterministic, safe, and usable in a real browser.

The browser tests drive the system Chromium (/usr/bin/chromium, or $KG_CHROMIUM) through
Playwright for Python; nothing is downloaded and every non-file request is aborted.
"""
from __future__ import annotations

import json
import random
import re
import time
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.export.html import format_amount, render_html, write_html

try:
    from browser import chromium_missing, launch_chromium, open_offline
except ImportError:  # run from another rootdir
    from tests.browser import chromium_missing, launch_chromium, open_offline

NS = "https://kg.example.org/id/"

# Measured on the development machine (2 shared cores): the 2,000-node / 5,000-edge page
# (1,500 nodes / 3,904 edges shown) was ready 1.8-2.4 s after navigation started
# (window.kg.loadMs ~1.05 s); writing it took 6-12 s, mostly networkx's spring_layout.
# The bound leaves room for slow CI machines.
LARGE_READY_BOUND_S = 20.0

INJECTIONS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
]

INVEST_SENTENCE = "과학기술정보통신부는 올해 AI 바우처 지원사업에 383억원을 투입한다고 밝혔다."
INVEST_CUE = "투입한다"


def _ev(doc: str, text: str, cue: str | None, start: int = 0) -> dict:
    span = None
    if cue:
        s = text.index(cue)
        span = [s, s + len(cue)]
    return {"doc": doc, "start": start, "end": start + len(text), "text": text, "cue": span}


def korean_sample_graph() -> nx.MultiDiGraph:
    """A small graph following the builder's contract, with Korean names and aliases."""
    g = nx.MultiDiGraph()
    d1, d2, d3 = "002_430102f8735eb5df.txt", "000_d1593b7cbe090fef.txt", "004_59e129e7d97f8391.txt"

    def node(local, type_, label, aliases=(), docs=(d1,), **extra):
        g.add_node(NS + local, type=type_, label=label, aliases=list(aliases), docs=list(docs),
                   **extra)
        return NS + local

    msit = node("msit", "Organization", "과학기술정보통신부",
                ["과기정통부", "MSIT", "Ministry of Science and ICT"], [d1, d2])
    nia = node("nia", "Organization", "한국지능정보사회진흥원", ["NIA"], [d1])
    naver = node("naver", "Organization", "네이버", ["NAVER", "네이버클라우드"], [d2])
    inv = node("inv383", "Investment", "383억원", [], [d1], amount=38_300_000_000,
               currency="KRW", text="383억원")
    prog = node("voucher", "Program", "AI 바우처 지원사업", ["AI 바우처"], [d1])
    ini = node("dpg", "Initiative", "디지털플랫폼정부", ["DPG"], [d3])
    person = node("lee", "Person", "이종호", [], [d1], role="과학기술정보통신부 장관")
    place = node("seoul", "Place", "서울", ["Seoul"], [d2])
    event = node("expo", "Event", "AI 엑스포 코리아 2024", ["AI EXPO KOREA"], [d2])
    product = node("hcx", "Product", "하이퍼클로바X", ["HyperCLOVA X"], [d2])

    def edge(u, pred, v, evidence):
        g.add_edge(u, v, key=pred, predicate=pred, evidence=evidence)

    edge(msit, "invests", inv, [_ev(d1, INVEST_SENTENCE, INVEST_CUE, 120)])
    edge(inv, "fundsTarget", prog, [_ev(d1, INVEST_SENTENCE, "지원사업에", 120)])
    edge(msit, "operates", prog, [_ev(d1, "과기정통부가 주관하는 AI 바우처 지원사업은 올해로 5년째다.", "주관하는", 300)])
    edge(nia, "participatesIn", prog, [_ev(d1, "전담기관인 NIA가 사업 공모에 참여한다.", "참여한다", 420)])
    edge(msit, "supports", ini, [_ev(d3, "정부는 디지털플랫폼정부 실현을 지원한다.", "지원한다", 50)])
    edge(person, "affiliatedWith", msit, [_ev(d1, "이종호 과학기술정보통신부 장관은 이날 이같이 말했다.", None, 500)])
    edge(naver, "partnersWith", msit, [_ev(d2, "네이버는 과기정통부와 업무협약을 맺었다.", "업무협약을 맺었다", 10)])
    edge(naver, "uses", product, [_ev(d2, "네이버는 하이퍼클로바X를 활용해 서비스를 제공한다.", "활용해", 80)])
    edge(msit, "organizes", event, [_ev(d2, "과기정통부가 주최하는 AI 엑스포 코리아 2024가 열렸다.", "주최하는", 150)])
    edge(event, "locatedIn", place, [_ev(d2, "행사는 서울 코엑스에서 열렸다.", "서울", 200)])
    return g


def injection_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ids = []
    for i, name in enumerate(INJECTIONS):
        nid = f"{NS}inj{i}"
        g.add_node(nid, type="Organization", label=name, aliases=[name + " alias", "안전"],
                   docs=[f"{name}.txt"])
        ids.append(nid)
    g.add_node(NS + "person", type="Person", label="홍길동", aliases=[], docs=["d.txt"],
               role=INJECTIONS[0])
    g.add_node(NS + "inv", type="Investment", label=INJECTIONS[2], aliases=[], docs=["d.txt"],
               amount=1000, currency="KRW", text=INJECTIONS[1])
    evidence = [{"doc": INJECTIONS[1], "start": 0, "end": 10,
                 "text": f"앞 {INJECTIONS[0]} 뒤 {INJECTIONS[1]}",
                 "cue": [2, 2 + len(INJECTIONS[0])]}]
    g.add_edge(ids[0], ids[1], key="partnersWith", predicate="partnersWith", evidence=evidence)
    g.add_edge(ids[1], NS + "inv", key="invests", predicate="invests", evidence=evidence)
    g.add_edge(NS + "person", ids[2], key="affiliatedWith", predicate="affiliatedWith",
               evidence=evidence)
    return g


def random_graph(n_nodes: int = 2000, n_edges: int = 5000, seed: int = 20240601) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    types = ["Organization", "Program", "Initiative", "Investment", "Person", "Place",
             "Product", "Event"]
    preds = ["invests", "fundsTarget", "operates", "partnersWith", "participatesIn", "supports",
             "affiliatedWith", "organizes", "uses", "locatedIn"]
    g = nx.MultiDiGraph()
    for i in range(n_nodes):
        t = types[i % len(types)]
        attrs = dict(type=t, label=f"기관 {i:04d}", aliases=[f"Org{i:04d}"],
                     docs=[f"{i % 50:03d}_{rng.getrandbits(64):016x}.txt"])
        if t == "Investment":
            attrs.update(amount=i * 100_000_000, currency="KRW", text=f"{i}억원")
        if t == "Person":
            attrs["role"] = None
        g.add_node(f"{NS}n{i:04d}", **attrs)
    nodes = list(g.nodes)
    while g.number_of_edges() < n_edges:
        u, v = rng.sample(nodes, 2)
        p = rng.choice(preds)
        if g.has_edge(u, v, key=p):
            continue
        g.add_edge(u, v, key=p, predicate=p,
                   evidence=[{"doc": "001_e4ab305f57cf71dd.txt", "start": 0, "end": 20,
                              "text": f"{u} {p} {v} 문장.", "cue": None}])
    return g


def payload_of(html: str) -> str:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no kg-data script"
    return m.group(1)


class _Refs(HTMLParser):
    """Every src/href/srcset/action/data/poster attribute and every <link>/<script> tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for k in ("src", "href", "srcset", "action", "data", "poster", "formaction"):
            if a.get(k) is not None:
                self.refs.append((tag, k, a[k]))


# ----------------------------------------------------------------------------- no browser


def test_no_external_references_and_charset():
    html = render_html(korean_sample_graph())
    p = _Refs()
    p.feed(html)
    external = [r for r in p.refs if re.match(r"\s*(https?:)?//", r[2], re.I)]
    assert external == []
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html, re.I)
    assert "@import" not in html
    assert all(tag != "link" or a.get("href", "").startswith("data:") for tag, a in p.tags)
    assert all(tag != "script" or "src" not in a for tag, a in p.tags)
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html[:200]
    assert '"NanumGothic", "Noto Sans CJK KR", sans-serif' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis.Network" in html  # vis-network is inlined


def test_byte_identical_renders():
    g = korean_sample_graph()
    a, b = render_html(g), render_html(g)
    assert a == b
    # Insertion order does not matter either.
    h = nx.MultiDiGraph()
    h.add_nodes_from(reversed(list(g.nodes(data=True))))
    h.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    assert render_html(h) == a
    # Nor for the precomputed (networkx) layout of a larger, truncated graph.
    big = random_graph(420, 900, seed=3)
    assert render_html(big, max_nodes=350) == render_html(big, max_nodes=350)


def test_payload_is_escaped_json():
    g = injection_graph()
    html = render_html(g)
    raw = payload_of(html)
    assert "</script" not in raw.lower()
    assert not set("<>&\u2028\u2029") & set(raw)
    data = json.loads(raw)
    labels = {n["label"] for n in data["nodes"]}
    assert set(INJECTIONS) <= labels  # escaped, not dropped
    ev = data["edges"][0]["evidence"][0]
    assert ev["cue"] == INJECTIONS[0] and ev["doc"] == INJECTIONS[1]
    # The only <script> elements are the data, vis-network and the page's own code.
    p = _Refs()
    p.feed(html)
    assert [a.get("type") for tag, a in p.tags if tag == "script"] == [
        "application/json", None, None]
    # Line separators in names are escaped too.
    g2 = nx.MultiDiGraph()
    g2.add_node(NS + "x", type="Place", label="a\u2028b\u2029c & <d>", aliases=[], docs=[])
    raw2 = payload_of(render_html(g2))
    assert "\\u2028" in raw2 and "\\u2029" in raw2 and "\\u0026" in raw2
    assert json.loads(raw2)["nodes"][0]["label"] == "a\u2028b\u2029c & <d>"


def test_payload_contents_and_truncation(tmp_path):
    g = korean_sample_graph()
    out = tmp_path / "graph.html"
    write_html(g, out)
    data = json.loads(payload_of(out.read_text(encoding="utf-8")))
    assert data["meta"]["shownNodes"] == data["meta"]["totalNodes"] == g.number_of_nodes()
    assert data["meta"]["layout"] == "physics" and not data["meta"]["truncated"]
    inv = next(n for n in data["nodes"] if n["type"] == "Investment")
    assert inv["amount"] == "383억원 = 38,300,000,000 KRW"
    edge = next(e for e in data["edges"] if e["predicate"] == "invests")
    ev = edge["evidence"][0]
    assert ev["pre"] + ev["cue"] + ev["post"] == INVEST_SENTENCE and ev["cue"] == INVEST_CUE

    small = json.loads(payload_of(render_html(g, max_nodes=4)))
    assert small["meta"]["shownNodes"] == 4 and small["meta"]["totalNodes"] == 10
    assert small["meta"]["truncated"] and small["meta"]["layout"] == "precomputed"
    assert all("x" in n and "y" in n for n in small["nodes"])
    # The kept nodes are the best connected; MSIT (degree 6) is first among them.
    assert NS + "msit" in {n["id"] for n in small["nodes"]}
    kept = {n["id"] for n in small["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in small["edges"])


def test_format_amount():
    assert format_amount(38_300_000_000, "KRW", "383억원") == "383억원 = 38,300,000,000 KRW"
    assert format_amount(70_000_000_000, "USD", None) == "70,000,000,000 USD"
    assert format_amount(None, None, "약 1조원") == "약 1조원"


# ----------------------------------------------------------------------------- browser

# Browser tests are marked (deselect with -m "not browser"); without Chromium they fail
# (scripts/test.sh installs it), so that a missing browser can never look green.
browser_test = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium():
    reason = chromium_missing()
    if reason:
        pytest.fail(reason)
    with launch_chromium() as b:
        yield b


@pytest.fixture(scope="module")
def sample_page_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "graph.html"
    write_html(korean_sample_graph(), path)
    return path


def _assert_clean(loaded):
    assert loaded.blocked == []
    assert loaded.console_errors == []
    assert loaded.page_errors == []
    assert loaded.dialogs == []


@browser_test
def test_harness_catches_outgoing_requests(chromium, tmp_path):
    """The offline harness really sees (and aborts) a request that tries to leave the page."""
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><meta charset="utf-8"><img src="http://example.invalid/x.png">'
                    '<script>window.kgReady = true; console.error("boom")</script>',
                    encoding="utf-8")
    loaded = open_offline(chromium, path)
    try:
        assert loaded.blocked == ["http://example.invalid/x.png"]
        assert any("boom" in e for e in loaded.console_errors)
    finally:
        loaded.close()


@browser_test
def test_loads_offline_with_all_nodes(chromium, sample_page_path):
    loaded = open_offline(chromium, sample_page_path)
    try:
        page = loaded.page
        g = korean_sample_graph()
        counts = page.evaluate("""() => ({
            positions: Object.keys(window.kgNetwork.getPositions()).length,
            nodes: window.kgNetwork.body.data.nodes.length,
            edges: window.kgNetwork.body.data.edges.length,
            physics: window.kgNetwork.physics.physicsEnabled,
            charset: document.characterSet,
        })""")
        assert counts["positions"] == counts["nodes"] == g.number_of_nodes()
        assert counts["edges"] == g.number_of_edges()
        assert counts["physics"] is False  # frozen after stabilisation
        assert counts["charset"] == "UTF-8"
        assert "showing 10 of 10 nodes" in page.inner_text("#kg-stats")
        legend = page.inner_text("#kg-legend")
        for t in ("Organization", "Investment", "Person", "Place", "Event"):
            assert t in legend
        _assert_clean(loaded)
    finally:
        loaded.close()


@browser_test
@pytest.mark.parametrize("query", ["MSIT", "msit", "과기정통부", "과학기술정보통신부", "ＭＳＩＴ"])
def test_search_finds_by_any_name(chromium, sample_page_path, query):
    loaded = open_offline(chromium, sample_page_path)
    try:
        page = loaded.page
        page.fill("#kg-search", query)
        assert "과학기술정보통신부" in page.inner_text("#kg-results")
        page.press("#kg-search", "Enter")
        assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [NS + "msit"]
        panel = page.inner_text("#kg-panel")
        assert "과학기술정보통신부" in panel
        assert "Organization" in panel
        for alias in ("과기정통부", "MSIT", "Ministry of Science and ICT"):
            assert alias in panel
        assert "002_430102f8735eb5df.txt" in panel  # documents that mention it
        assert "invests" in panel and "383억원" in panel  # its relations
        _assert_clean(loaded)
    finally:
        loaded.close()


@browser_test
def test_click_investment_edge_shows_evidence(chromium, sample_page_path):
    loaded = open_offline(chromium, sample_page_path)
    try:
        page = loaded.page
        # Click the canvas at the midpoint of the invests edge.
        target = page.evaluate("""() => {
            const e = window.kg.data.edges.find(e => e.predicate === "invests");
            const p = window.kgNetwork.getPositions([e.from, e.to]);
            const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
            const d = window.kgNetwork.canvasToDOM(mid);
            const r = document.querySelector("#kg-graph canvas").getBoundingClientRect();
            return {id: e.id, x: r.left + d.x, y: r.top + d.y};
        }""")
        page.mouse.click(target["x"], target["y"])
        page.wait_for_function("document.getElementById('kg-panel').dataset.kind === 'edge'",
                               timeout=5000)
        assert page.evaluate("window.kgNetwork.getSelectedEdges()") == [target["id"]]
        assert page.get_attribute("#kg-panel", "data-id") == target["id"]
        assert page.inner_text("#kg-panel .kg-sentence") == INVEST_SENTENCE
        assert page.inner_text("#kg-panel mark") == INVEST_CUE
        panel = page.inner_text("#kg-panel")
        assert "002_430102f8735eb5df.txt" in panel and "invests" in panel

        # From the edge panel to the investment node: the amount for people.
        page.click("#kg-panel .kg-link >> text=383억원")
        assert page.inner_text("#kg-panel .kg-amount") == "383억원 = 38,300,000,000 KRW"
        _assert_clean(loaded)
    finally:
        loaded.close()


@browser_test
def test_legend_toggles_types(chromium, sample_page_path):
    loaded = open_offline(chromium, sample_page_path)
    try:
        page = loaded.page
        hidden = "id => window.kg.nodes.get(id).hidden"
        page.click('#kg-legend button[data-type="Investment"]')
        assert page.evaluate(hidden, NS + "inv383") is True
        assert page.get_attribute('#kg-legend button[data-type="Investment"]',
                                  "aria-pressed") == "false"
        inv_edges = page.evaluate("""() => window.kg.data.edges
            .filter(e => e.predicate === "invests" || e.predicate === "fundsTarget")
            .map(e => window.kg.edges.get(e.id).hidden)""")
        assert inv_edges and all(inv_edges)
        assert page.evaluate(hidden, NS + "msit") is False
        page.click('#kg-legend button[data-type="Investment"]')
        assert page.evaluate(hidden, NS + "inv383") is False
        _assert_clean(loaded)
    finally:
        loaded.close()


@browser_test
def test_injection_names_are_text(chromium, tmp_path):
    path = tmp_path / "inject.html"
    write_html(injection_graph(), path)
    loaded = open_offline(chromium, path)
    try:
        page = loaded.page
        page.evaluate("window.__pwned = false")
        assert page.evaluate("window.kg.nodes.length") == 5
        for i, name in enumerate(INJECTIONS):
            page.evaluate("id => window.kg.focusNode(id)", f"{NS}inj{i}")
            assert page.inner_text("#kg-panel h2") == name
            assert name + " alias" in page.inner_text("#kg-panel .kg-aliases")
            assert page.inner_text("#kg-panel .kg-docs") == f"{name}.txt"
        page.evaluate("id => window.kg.focusNode(id)", NS + "person")
        assert INJECTIONS[0] in page.inner_text("#kg-panel")
        page.evaluate("id => window.kg.focusNode(id)", NS + "inv")
        assert page.inner_text("#kg-panel .kg-amount") == f"{INJECTIONS[1]} = 1,000 KRW"

        eid = page.evaluate("window.kg.data.edges[0].id")
        page.evaluate("id => window.kg.focusEdge(id)", eid)
        assert page.inner_text("#kg-panel mark") == INJECTIONS[0]
        assert page.inner_text("#kg-panel .kg-sentence") == f"앞 {INJECTIONS[0]} 뒤 {INJECTIONS[1]}"

        page.fill("#kg-search", "<img")
        assert INJECTIONS[0] in page.inner_text("#kg-results")
        page.fill("#kg-search", "</script>")
        page.press("#kg-search", "Enter")
        assert page.inner_text("#kg-panel h2") == INJECTIONS[1]

        page.wait_for_timeout(300)  # give any injected handler a chance to fire
        injected = page.evaluate("""() => document.querySelectorAll(
            '#kg-panel img, #kg-panel svg, #kg-results img, #kg-results svg, '
            + 'img[src="x"], svg[onload]').length""")
        assert injected == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3
        assert page.evaluate("window.__pwned") is False
        _assert_clean(loaded)
    finally:
        loaded.close()


@browser_test
def test_large_graph_truncated_and_fast(chromium, tmp_path, record_property):
    g = random_graph(2000, 5000)
    path = tmp_path / "large.html"
    t0 = time.perf_counter()
    write_html(g, path)
    render_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    loaded = open_offline(chromium, path, timeout_ms=int(LARGE_READY_BOUND_S * 1000) + 5000)
    ready_s = time.perf_counter() - t1
    try:
        page = loaded.page
        timing = (f"render {render_s:.2f} s, browser ready {ready_s:.2f} s, "
                  f"page loadMs {page.evaluate('window.kg.loadMs')}")
        record_property("large_graph_timing", timing)
        assert ready_s < LARGE_READY_BOUND_S, timing
        stats = page.inner_text("#kg-stats")
        assert "showing 1500 of 2000 nodes" in stats
        info = page.evaluate("""() => ({
            n: Object.keys(window.kgNetwork.getPositions()).length,
            physics: window.kgNetwork.physics.physicsEnabled,
            layout: window.kg.data.meta.layout,
        })""")
        assert info == {"n": 1500, "physics": False, "layout": "precomputed"}
        kept = page.evaluate("window.kg.data.nodes[0]")
        assert page.evaluate("q => window.kg.find(q)", kept["aliases"][0]) == kept["id"]
        _assert_clean(loaded)
    finally:
        loaded.close()
