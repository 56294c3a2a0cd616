"""graph.html without a browser: the data the page holds (documents, names, amounts,
investments, evidence with both ends marked and the carried-over sentence, the whole-graph
layout), the page's safety (escaped JSON, CSP, no request) and byte-identical output.
The page's behaviour in Chromium is tested in tests/test_html_browser.py."""
from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from html_samples import (
    D1,
    D1_URL,
    D2,
    D3,
    DATA,
    INJECTION_DATA,
    INJECTIONS,
    INVEST_SENTENCE,
    NS,
    PREVIOUS_SENTENCE,
    injection_graph,
    korean_sample_graph,
    random_graph,
)

from kg.export.html import build_payload, format_amount, json_for_script, render_html, write_html
from kg.export.html import evidence as ev
from kg.export.html.layout import whole_layout
from kg.export.html.page import APP_SCRIPTS, APP_STYLES
from kg.export.html.values import iso_date, web_url
from kg.schema import load_schema


def payload_of(html: str) -> str:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert m, "no kg-data script"
    return m.group(1)


@pytest.fixture(scope="module")
def sample():
    return build_payload(korean_sample_graph(), DATA)


def node_index(payload, local):
    return next(i for i, n in enumerate(payload["nodes"]) if n["id"] == NS + local)


def edge_of(payload, s, p, o):
    pi = next(i for i, x in enumerate(payload["predicates"]) if x["name"] == p)
    si, oi = node_index(payload, s), node_index(payload, o)
    return next(e for e in payload["edges"] if e[:3] == [si, oi, pi])


# ----------------------------------------------------------------------------- payload

def test_documents_carry_title_outlet_date_and_url_in_date_order(sample):
    assert sample["docs"] == [
        {"id": D2, "title": "네이버-과기정통부 업무협약", "date": "2023-11-02",
         "publisher": "디지털타임스"},
        {"id": D1, "title": "과기정통부, AI 바우처에 383억원 투입", "date": "2024-03-14",
         "url": D1_URL, "publisher": "전자신문"},
        {"id": D3, "title": "디지털플랫폼정부 실현 계획"},
    ]


def test_documents_without_graph_data_are_ids_only():
    p = build_payload(korean_sample_graph())
    assert p["docs"] == [{"id": D2}, {"id": D1}, {"id": D3}]
    # no document text: no previous sentence, the sentence itself still marked
    e = edge_of(p, "msit", "invests", "inv383")
    assert e[4] == [[1, p["sentences"].index(INVEST_SENTENCE), [16, 21, 6]]]


@pytest.mark.parametrize("documents", [
    {D1: {"title": "제목", "date": "2024-03-14", "url": D1_URL, "publisher": "전자신문"}},
    [{"id": D1, "title": "제목", "date": "2024-03-14", "url": D1_URL, "publisher": "전자신문"}],
])
def test_document_metadata_from_the_graph_attributes(documents):
    g = korean_sample_graph()
    g.graph["documents"] = documents
    docs = build_payload(g)["docs"]
    assert docs[0] == {"id": D1, "title": "제목", "date": "2024-03-14", "url": D1_URL,
                       "publisher": "전자신문"}


def test_nodes_carry_every_name_and_the_amount(sample):
    msit = sample["nodes"][node_index(sample, "msit")]
    assert msit == {"id": NS + "msit", "type": "Organization", "label": "과학기술정보통신부",
                    "deg": 7, "aliases": ["과기정통부", "MSIT", "Ministry of Science and ICT"],
                    "known": ["과기부"], "docs": [0, 1], "x": msit["x"], "y": msit["y"],
                    "c": msit["c"]}
    inv = sample["nodes"][node_index(sample, "inv383")]
    assert inv["amount"] == {"text": "383억원", "value": "38300000000", "currency": "KRW",
                             "norm": "38,300,000,000 KRW"}
    assert sample["nodes"][node_index(sample, "lee")]["role"] == "과학기술정보통신부 장관"
    lonely = sample["nodes"][node_index(sample, "lonely")]
    assert "x" not in lonely and lonely["deg"] == 0


def test_schema_labels_come_from_the_ontology(sample):
    schema = load_schema()
    assert [(t["name"], t["ko"], t["en"]) for t in sample["types"]] == [
        (t.name, t.label_ko, t.label_en) for t in schema.types.values()]
    assert [(p["name"], p["ko"], p["en"], p["symmetric"]) for p in sample["predicates"]] == [
        (p.name, p.label_ko, p.label_en, p.symmetric) for p in schema.predicates.values()]


def test_investment_rows(sample):
    rows = [{**r, "node": sample["nodes"][r["node"]]["id"],
             "by": [sample["nodes"][i]["label"] for i in r["by"]],
             "to": [sample["nodes"][i]["label"] for i in r["to"]]}
            for r in sample["investments"]]
    assert rows == [
        {"node": NS + "inv383", "by": ["과학기술정보통신부"], "to": ["AI 바우처 지원사업"],
         "year": 2024, "yearFrom": "date", "docs": [1]},
        {"node": NS + "inv4a", "by": ["과학기술정보통신부"], "to": ["해외 데이터센터 사업"],
         "year": 2024, "yearFrom": "date", "docs": [1]},
        {"node": NS + "inv4b", "by": ["네이버"], "to": ["클라우드 사업"],
         "year": 2023, "yearFrom": "date", "docs": [0]},
    ]


def test_a_stated_year_wins_over_the_article_date():
    g = korean_sample_graph()
    g.nodes[NS + "inv383"]["year"] = 2025
    row = build_payload(g, DATA)["investments"][0]
    assert (row["year"], row["yearFrom"]) == (2025, "text")


def test_evidence_marks_both_ends_and_brings_the_carried_subject(sample):
    s = sample["sentences"]
    e = edge_of(sample, "msit", "invests", "inv383")
    # one quote in D1 (index 1): the object and the cue marked in the sentence, the
    # subject (carried over) marked in the previous sentence
    assert e[3] == [1] and e[5] == 1
    [(doc, sent, marks, prev, prev_marks)] = e[4]
    assert (doc, s[sent], s[prev]) == (1, INVEST_SENTENCE, PREVIOUS_SENTENCE)
    assert marks == [16, 21, 6] and s[sent][16:21] == "383억원"
    assert prev_marks == [0, 9, 1] and s[prev][0:9] == "과학기술정보통신부"
    # the same sentence for the investment's target: both ends in it, no previous sentence
    [quote] = edge_of(sample, "inv383", "fundsTarget", "voucher")[4]
    assert quote == [1, sent, [3, 14, 6, 14, 16, 4, 16, 21, 5]]
    assert (s[sent][3:14], s[sent][16:21]) == ("AI 바우처 지원사업", "383억원")


def test_quoted_names_are_found():
    sentence = "배일권 국장은 6일 여의도에서 열린 'K-행정의 디지털 대전환' 세미나에 참석했다."
    keys = ev.matching_names(["K-행정의 디지털 대전환 세미나"])
    span = ev.find_name(sentence, keys)
    assert sentence[span[0]:span[1]] == "K-행정의 디지털 대전환' 세미나"


@pytest.mark.parametrize("text,sentence,expected", [
    ("첫 문장이다. 둘째 문장이다.", "둘째", "첫 문장이다."),
    ("제목\n본문 첫 문장. 둘째.", "둘째", "본문 첫 문장."),
    ("“좋은 결과다.” 김 장관은 말했다. 다음.", "다음", "김 장관은 말했다."),
    ("첫 문장이다. “인용이다.” 다음.", "다음", "“인용이다.”"),
    ("AI 예산은 3.5조원이다. 다음.", "다음", "AI 예산은 3.5조원이다."),
    ("처음 문장.", "처음", None),
    ("  \n둘째.", "둘째", None),
])
def test_previous_sentence(text, sentence, expected):
    assert ev.previous_sentence(text, text.index(sentence)) == expected


def test_previous_sentence_is_cut_at_its_start():
    text = "가" * 500 + ". 다음."
    prev = ev.previous_sentence(text, 502)
    assert len(prev) == ev.PREVIOUS_MAX_CHARS and prev == "\u2026" + "가" * 298 + "."


def test_marks_are_in_utf16_units():
    sentence = "😀 네이버는 서울에 있다."
    q = ev.quote({"doc": "d", "start": 0, "text": sentence, "cue": [2, 9]},
                 ev.matching_names(["네이버"]), ev.matching_names(["서울"]), None)
    # 😀 is two UTF-16 units: 네이버 at 2..5 in Python is 3..6 in JavaScript
    assert q.marks == (3, 6, 5, 6, 8, 4, 8, 10, 6)


def test_evidence_budget_keeps_the_most_documents_per_edge():
    g = nx.MultiDiGraph()
    g.add_node("a", type="Organization", label="가나", docs=[])
    g.add_node("b", type="Organization", label="다라", docs=[])
    evidence = [{"doc": f"d{i % 3}.txt", "start": i, "end": i + 50,
                 "text": f"가나와 다라가 {i}번째로 협력한다.", "cue": None} for i in range(9)]
    g.add_edge("a", "b", key="partnersWith", predicate="partnersWith", evidence=evidence)
    full = build_payload(g)
    assert full["meta"]["evidenceLimit"] is None and len(full["edges"][0][4]) == 9
    small = build_payload(g, evidence_budget=400)
    limit = small["meta"]["evidenceLimit"]
    quotes = small["edges"][0][4]
    assert limit == len(quotes) and 3 <= limit < 9 and small["edges"][0][5] == 9
    assert {q[0] for q in quotes} == {0, 1, 2}  # every document still quoted
    assert small["meta"]["evidenceShown"] == limit and small["meta"]["evidence"] == 9


@pytest.mark.parametrize("budget", [0, 60, 150, 400, 1000, 5000, 10**9])
def test_the_streamed_limit_is_the_limit(budget):
    """per_edge_limit_of, which the streamed build uses (one pass, strings by digest),
    gives what per_edge_limit gives on the same quotes: shared sentences counted once,
    previous sentences too, edges of different lengths."""
    from kg.export.html.evidence import Quote, per_edge_limit, per_edge_limit_of

    def q(doc, start, sentence, previous=None):
        return Quote(doc, start, sentence, (0, 2, 1, 3, 5, 2), previous,
                     (0, 1, 1) if previous else ())

    shared = "가나와 다라가 함께 사업을 한다."
    edges = [[q(f"d{i % 4}", i, f"문장 {i}은 가나와 다라의 협력이다.") for i in range(11)],
             [q("d0", 0, shared), q("d1", 5, shared, "앞 문장이다."), q("d1", 9, "셋째 문장.")],
             [q("d2", 3, shared)],
             [q(f"d{i}", i, f"긴 문장 {i} " * 5, f"앞 {i}") for i in range(6)],
             []]
    assert per_edge_limit_of(edges, budget) == per_edge_limit(edges, budget)


@pytest.mark.parametrize("value,expected", [
    ("2024-03-14", "2024-03-14"), ("2024-03-14T09:00:00+09:00", "2024-03-14"),
    ("2024-03", "2024-03"), ("2024", "2024"), ("2024-13-01", None), ("어제", None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value,expected", [
    ("https://www.etnews.com/1?a=b", "https://www.etnews.com/1?a=b"),
    ("http://news.example.kr/x", "http://news.example.kr/x"),
    ("javascript:alert(1)", None), ("data:text/html,x", None), ("//evil.example", None),
    ("https://x.kr/a b", None), ('https://x.kr/"><script>', None), ("", None), (None, None),
])
def test_web_url(value, expected):
    assert web_url(value) == expected


def test_format_amount():
    assert format_amount(38_300_000_000, "KRW", "383억원") == "383억원 = 38,300,000,000 KRW"
    assert format_amount(70_000_000_000, "USD", None) == "70,000,000,000 USD"
    assert format_amount(None, None, "약 1조원") == "약 1조원"


# ----------------------------------------------------------------------------- layout

def test_whole_graph_layout_groups_communities_and_leaves_out_isolated_nodes():
    g = random_graph(400, 900, isolated=25)
    p = build_payload(g, max_nodes=300)
    assert p["meta"]["related"] == 400 and p["meta"]["isolated"] == 25
    assert p["meta"]["wholeNodes"] == 300 and p["meta"]["wholeFirst"] is False
    placed = [n for n in p["nodes"] if "x" in n]
    assert len(placed) == 300 and all(n["deg"] > 0 for n in placed)
    kept_degrees = sorted((n["deg"] for n in placed), reverse=True)
    assert kept_degrees == sorted((d for _, d in g.degree()), reverse=True)[:300]
    assert len(p["communities"]) >= 2
    assert sum(c["size"] for c in p["communities"]) == 300
    # every node lies inside its community's disc
    for n in placed:
        c = p["communities"][n["c"]]
        assert (n["x"] - c["x"]) ** 2 + (n["y"] - c["y"]) ** 2 <= (c["r"] * 1.01 + 1) ** 2


def test_layout_does_not_depend_on_insertion_order():
    ids = [f"n{i}" for i in range(60)]
    rng = random.Random(1)
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(120)]
    a = whole_layout(ids, pairs)
    shuffled = ids[:]
    rng.shuffle(shuffled)
    b = whole_layout(shuffled, list(reversed(pairs)))
    assert a == b


# ----------------------------------------------------------------------------- page

class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_page_is_korean_self_contained_and_locked_down():
    html = render_html(korean_sample_graph(), DATA)
    assert html.startswith('<!DOCTYPE html>\n<html lang="ko">')
    assert "<title>지식그래프 탐색기</title>" in html
    p = _Refs()
    p.feed(html)
    assert [a.get("type") for tag, a in p.tags if tag == "script"] == [
        "application/json", None, None]
    assert not [a for tag, a in p.tags if tag in ("script", "link", "img") and
                re.match(r"(https?:)?//", a.get("src", "") or a.get("href", ""))]
    csp = next(a["content"] for tag, a in p.tags
               if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp)) == 2
    assert "sourceMappingURL" not in html


def test_render_is_deterministic_and_order_independent(tmp_path):
    g = korean_sample_graph()
    h = nx.MultiDiGraph()
    for n, a in reversed(list(g.nodes(data=True))):
        h.add_node(n, **a)
    for u, v, k, a in reversed(list(g.edges(keys=True, data=True))):
        h.add_edge(u, v, key=k, **a)
    write_html(g, tmp_path / "a.html", DATA)
    write_html(h, tmp_path / "b.html", DATA)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert render_html(g, DATA) == render_html(g, DATA)


def test_document_text_is_escaped_json():
    html = render_html(injection_graph(), INJECTION_DATA)
    raw = payload_of(html)
    assert "</script" not in raw.lower()
    assert not set("<>&\u2028\u2029") & set(raw)
    data = json.loads(raw)
    assert set(INJECTIONS) <= {n["label"] for n in data["nodes"]}  # escaped, not dropped
    doc = next(d for d in data["docs"] if d["id"] == INJECTIONS[1])
    assert doc == {"id": INJECTIONS[1], "title": INJECTIONS[0], "date": "2024-01-01",
                   "publisher": INJECTIONS[2]}  # the javascript: URL is dropped
    g2 = nx.MultiDiGraph()
    g2.add_node(NS + "x", type="Place", label="a\u2028b\u2029c & <d>", aliases=[], docs=[])
    raw2 = payload_of(render_html(g2))
    assert "\\u2028" in raw2 and "\\u2029" in raw2 and "\\u0026" in raw2
    assert json.loads(raw2)["nodes"][0]["label"] == "a\u2028b\u2029c & <d>"
    assert json_for_script({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'


def test_assets_ship_in_the_package_and_stay_small():
    root = resources.files("kg.export.html")
    for name in APP_SCRIPTS + APP_STYLES:
        assert root.joinpath("assets", name).is_file(), name
    # no module of the page over ~400 lines, Python or JavaScript
    package = Path(str(root))
    files = list(package.glob("*.py")) + list(package.glob("assets/*"))
    long = {f.name: n for f in files if (n := len(f.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_empty_graph_renders():
    data = json.loads(payload_of(render_html(nx.MultiDiGraph())))
    assert data["nodes"] == [] and data["edges"] == [] and data["investments"] == []
    assert data["meta"]["wholeNodes"] == 0


def test_a_build_gives_the_page_its_articles_metadata(tmp_path, pipeline):
    """kg build -> graph.html: titles, outlets, dates and URLs of a JSON Lines corpus."""
    from kg.pipeline import build

    text = (Path(__file__).resolve().parent.parent / "seeds" / "002_430102f8735eb5df.txt"
            ).read_text(encoding="utf-8")
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"title": "공공 AI 사업 확대", "date": "2025-03-14",
                                  "url": "https://news.example.kr/a/1", "outlet": "전자신문",
                                  "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    build([corpus], tmp_path / "out", pipeline=pipeline)
    data = json.loads(payload_of((tmp_path / "out" / "graph.html").read_text(encoding="utf-8")))
    assert data["docs"] == [{"id": "news.jsonl#1", "title": "공공 AI 사업 확대", "date": "2025-03-14",
                             "url": "https://news.example.kr/a/1", "publisher": "전자신문"}]
    years = {r["year"] for r in data["investments"]}
    assert years == {2025} and data["investments"]
