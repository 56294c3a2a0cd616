"""Graphs for the explorer page's tests, following the builder's contract (kg.graph
to_networkx and GraphData), with Korean names, aliases, lexicon names, documents with
titles, outlets, dates and URLs, and real document texts behind the evidence offsets."""
from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

NS = "https://kg.example.org/id/"
D1, D2, D3 = "002_430102f8735eb5df.txt", "000_d1593b7cbe090fef.txt", "004_59e129e7d97f8391.txt"
D1_URL = "https://www.etnews.com/20240314000123"

# Document texts; evidence below points into them by offset.
D1_SENTENCES = [
    "과학기술정보통신부는 올해 AI 바우처 지원사업을 크게 늘린다.",
    "올해 AI 바우처 지원사업에 383억원을 투입한다.",
    "과기정통부가 주관하는 AI 바우처 지원사업은 올해로 5년째다.",
    "전담기관인 NIA가 사업 공모에 참여한다.",
    "이종호 과학기술정보통신부 장관은 이날 이같이 말했다.",
    "한편 과기정통부는 해외 데이터센터 사업에 4억 달러를 투자한다.",
]
D2_SENTENCES = [
    "네이버는 과기정통부와 업무협약을 맺었다.",
    "네이버는 하이퍼클로바X를 활용해 서비스를 제공한다.",
    "과기정통부가 주최하는 AI 엑스포 코리아 2024가 열렸다.",
    "행사는 서울 코엑스에서 열렸다.",
    "네이버는 클라우드 사업에 4억 달러를 투자한다고 밝혔다.",
]
D3_SENTENCES = ["정부는 디지털플랫폼정부 실현을 지원한다."]
INVEST_SENTENCE = D1_SENTENCES[1]
PREVIOUS_SENTENCE = D1_SENTENCES[0]


def join(sentences: list[str]) -> str:
    return " ".join(sentences[:3]) + "\n" + " ".join(sentences[3:])


TEXTS = {D1: join(D1_SENTENCES), D2: join(D2_SENTENCES), D3: join(D3_SENTENCES)}


@dataclass(frozen=True)
class Doc:
    """The fields of kg.types.Document the page reads (date, url, publisher optional)."""

    id: str
    title: str
    text: str
    date: str | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Data:
    documents: tuple
    entities: tuple = ()


DATA = Data(documents=(
    Doc(D1, "과기정통부, AI 바우처에 383억원 투입", TEXTS[D1], "2024-03-14", D1_URL, "전자신문"),
    Doc(D2, "네이버-과기정통부 업무협약", TEXTS[D2], "2023-11-02", None, "디지털타임스"),
    Doc(D3, "디지털플랫폼정부 실현 계획", TEXTS[D3]),
))


def ev(doc: str, sentence: str, cue: str | None = None, cue_from: str | None = None) -> dict:
    """Evidence for ``sentence`` of ``doc``; the cue spans from ``cue_from`` (default: the
    cue itself) to the end of ``cue``."""
    text = TEXTS[doc]
    start = text.index(sentence)
    span = None
    if cue:
        a = sentence.index(cue_from or cue)
        b = sentence.index(cue) + len(cue)
        span = [a, b]
    return {"doc": doc, "start": start, "end": start + len(sentence), "text": sentence,
            "cue": span}


def korean_sample_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()

    def node(local, type_, label, aliases=(), docs=(D1,), known=(), **extra):
        g.add_node(NS + local, type=type_, label=label, aliases=list(aliases), docs=list(docs),
                   known_aliases=list(known), **extra)
        return NS + local

    msit = node("msit", "Organization", "과학기술정보통신부",
                ["과기정통부", "MSIT", "Ministry of Science and ICT"], [D1, D2], known=["과기부"])
    nia = node("nia", "Organization", "한국지능정보사회진흥원", ["NIA"], [D1])
    naver = node("naver", "Organization", "네이버", ["NAVER", "네이버클라우드"], [D2])
    inv = node("inv383", "Investment", "383억원", [], [D1], amount=38_300_000_000,
               currency="KRW", text="383억원")
    inv4a = node("inv4a", "Investment", "4억 달러", [], [D1], amount=400_000_000,
                 currency="USD", text="4억 달러")
    inv4b = node("inv4b", "Investment", "4억 달러", [], [D2], amount=400_000_000,
                 currency="USD", text="4억 달러")
    prog = node("voucher", "Program", "AI 바우처 지원사업", ["AI 바우처"], [D1])
    dc = node("dc", "Program", "해외 데이터센터 사업", [], [D1])
    cloud = node("cloud", "Program", "클라우드 사업", [], [D2])
    ini = node("dpg", "Initiative", "디지털플랫폼정부", ["DPG"], [D3])
    person = node("lee", "Person", "이종호", [], [D1], role="과학기술정보통신부 장관")
    place = node("seoul", "Place", "서울", ["Seoul"], [D2])
    event = node("expo", "Event", "AI 엑스포 코리아 2024", ["AI EXPO KOREA"], [D2])
    product = node("hcx", "Product", "하이퍼클로바X", ["HyperCLOVA X"], [D2])
    node("lonely", "Organization", "외딴 협회", [], [D3])

    def edge(u, pred, v, *evidence):
        g.add_edge(u, v, key=pred, predicate=pred, evidence=list(evidence))

    s = D1_SENTENCES
    # the subject of s[1] is carried over from s[0]: the cue covers the object only
    edge(msit, "invests", inv, ev(D1, s[1], "383억원"))
    edge(inv, "fundsTarget", prog, ev(D1, s[1], "383억원", "AI 바우처 지원사업"))
    edge(msit, "operates", prog, ev(D1, s[2], "AI 바우처 지원사업", "과기정통부"))
    edge(nia, "participatesIn", prog, ev(D1, s[3], "사업", "NIA"))
    edge(msit, "supports", ini, ev(D3, D3_SENTENCES[0], "디지털플랫폼정부"))
    edge(person, "affiliatedWith", msit, ev(D1, s[4], "과학기술정보통신부", "이종호"))
    edge(msit, "invests", inv4a, ev(D1, s[5], "4억 달러", "과기정통부"))
    edge(inv4a, "fundsTarget", dc, ev(D1, s[5], "4억 달러", "해외 데이터센터 사업"))
    t = D2_SENTENCES
    edge(naver, "partnersWith", msit, ev(D2, t[0], "과기정통부", "네이버"))
    edge(naver, "uses", product, ev(D2, t[1], "하이퍼클로바X", "네이버"))
    edge(msit, "organizes", event, ev(D2, t[2], "AI 엑스포 코리아 2024", "과기정통부"))
    edge(event, "locatedIn", place, ev(D2, t[3], "서울"))
    edge(naver, "invests", inv4b, ev(D2, t[4], "4억 달러", "네이버"))
    edge(inv4b, "fundsTarget", cloud, ev(D2, t[4], "4억 달러", "클라우드 사업"))
    return g


INJECTIONS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
]


def injection_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    ids = []
    for i, name in enumerate(INJECTIONS):
        nid = f"{NS}inj{i}"
        g.add_node(nid, type="Organization", label=name, aliases=[name + " alias", "안전"],
                   docs=[f"{name}.txt"], known_aliases=[name + " 사전"])
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


INJECTION_DATA = Data(documents=(
    Doc(INJECTIONS[1], INJECTIONS[0], "x", "2024-01-01", "javascript:alert(1)", INJECTIONS[2]),
))

TYPES = ["Organization", "Program", "Initiative", "Investment", "Person", "Place", "Product",
         "Event"]
PREDICATES = ["invests", "fundsTarget", "operates", "partnersWith", "participatesIn",
              "supports", "affiliatedWith", "organizes", "uses", "locatedIn"]


def random_graph(n_nodes: int = 1500, n_edges: int = 5000, seed: int = 20240601,
                 isolated: int = 0) -> nx.MultiDiGraph:
    """A big graph: n_nodes related nodes (plus ``isolated`` without relations)."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n_nodes + isolated):
        t = TYPES[i % len(TYPES)]
        attrs = {"type": t, "label": f"기관 {i:04d}", "aliases": [f"Org{i:04d}"],
                 "docs": [f"{i % 50:03d}_{rng.getrandbits(64):016x}.txt"]}
        if t == "Investment":
            attrs.update(amount=i * 100_000_000, currency="KRW", text=f"{i}억원")
        g.add_node(f"{NS}n{i:04d}", **attrs)
    nodes = list(g.nodes)[:n_nodes]
    for k, u in enumerate(nodes):  # every related node has at least one relation
        if g.degree(u) == 0:
            v = nodes[(k + 1) % len(nodes)]
            g.add_edge(u, v, key="partnersWith", predicate="partnersWith", evidence=[])
    while g.number_of_edges() < n_edges:
        u, v = rng.sample(nodes, 2)
        p = rng.choice(PREDICATES)
        if g.has_edge(u, v, key=p):
            continue
        g.add_edge(u, v, key=p, predicate=p,
                   evidence=[{"doc": "001_e4ab305f57cf71dd.txt", "start": 0, "end": 20,
                              "text": f"{g.nodes[u]['label']}와 {g.nodes[v]['label']} 문장.",
                              "cue": None}])
    return g


def hub_graph() -> nx.MultiDiGraph:
    """One organisation with 496 relations in 299 documents (a big ministry's panel)."""
    g = nx.MultiDiGraph()
    docs = [f"{i:03d}_hub.txt" for i in range(299)]
    hub = NS + "hub"
    g.add_node(hub, type="Organization", label="허브 기관", aliases=[], docs=docs)
    for i in range(300):
        n = f"{NS}inv{i:03d}"
        g.add_node(n, type="Investment", label=f"{i + 1}억원", docs=[docs[i % 299]],
                   amount=(i + 1) * 100_000_000, currency="KRW", text=f"{i + 1}억원")
        g.add_edge(hub, n, key="invests", predicate="invests", evidence=[])
    for i in range(100):
        n = f"{NS}org{i:03d}"
        g.add_node(n, type="Organization", label=f"협력 기관 {i:03d}", docs=[docs[i]])
        g.add_edge(n, hub, key="partnersWith", predicate="partnersWith", evidence=[])
    for i in range(96):
        n = f"{NS}p{i:03d}"
        g.add_node(n, type="Person", label=f"직원 {i:03d}", docs=[docs[i]])
        g.add_edge(n, hub, key="affiliatedWith", predicate="affiliatedWith", evidence=[])
    return g
