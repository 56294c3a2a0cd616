"""kg.evaluate against the shared reference scorer (tests/data/reference_score.py).

Every case checks both that our numbers equal the reference's and a few numbers
worked out by hand, so the test fails if both scorers were wrong the same way.
"""
from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from kg.errors import UsageError
from kg.report import format_report
from kg.evaluate import (
    CORE,
    EXTENDED,
    PREDICATES,
    SYMMETRIC,
    Miss,
    Score,
    evaluate,
    match_keys,
    normalise,
)

DATA = Path(__file__).parent / "data"
GOLD_DIR = DATA / "gold"

PREFIXES = """\
@prefix kg: <https://example.org/kg/ontology#> .
@prefix ent: <https://example.org/kg/entity/> .
@prefix doc: <https://example.org/kg/doc/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


# ---------------------------------------------------------------- helpers
@pytest.fixture(scope="module")
def reference():
    spec = importlib.util.spec_from_file_location("reference_score", DATA / "reference_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ent(eid: str, etype: str, name: str, *aliases: str, **extra) -> dict:
    return {"id": eid, "type": etype, "name": name, "aliases": list(aliases), **extra}


def rel(s: str, p: str, o: str) -> dict:
    return {"s": s, "p": p, "o": o}


def write_case(root: Path, turtle: str, gold: dict[str, tuple[list, list]]) -> tuple[Path, Path]:
    """graph.ttl from a Turtle body, and a gold dir with one file per document stem."""
    graph = root / "graph.ttl"
    graph.write_text(PREFIXES + turtle, encoding="utf-8")
    gold_dir = root / "gold"
    gold_dir.mkdir()
    for stem, (entities, relations) in gold.items():
        doc = {"doc": f"{stem}.txt", "entities": entities, "relations": relations}
        (gold_dir / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                               encoding="utf-8")
    return graph, gold_dir


def scored(reference, graph: Path, gold_dir: Path) -> dict:
    """Our result, after checking it equals the reference's."""
    ours = evaluate(graph, gold_dir).as_dict()
    assert ours == reference.score(graph, gold_dir)
    return ours


def counts(result: dict, measure: str) -> tuple[int, int, int]:
    return result[measure]["tp"], result[measure]["fp"], result[measure]["fn"]


# ---------------------------------------------------------------- names
@pytest.mark.parametrize("name,expected", [
    ("과학기술정보통신부", "과학기술정보통신부"),
    ("LG CNS", "lgcns"),
    ("‘원 거브’", "원거브"),
    ("「AWS 스킬 빌더」", "aws스킬빌더"),
    ("ＡＷＳ", "aws"),            # NFKC folds full-width letters
    ("  ", ""),
])
def test_normalise(name, expected):
    assert normalise(name) == expected


@pytest.mark.parametrize("name,expected", [
    ("아마존웹서비스(AWS)", {"아마존웹서비스(aws)", "아마존웹서비스", "aws"}),
    ("서비스형 소프트웨어（SaaS） 펀드", {"서비스형소프트웨어(saas)펀드", "서비스형소프트웨어펀드", "saas"}),
    ("영국 국가보건서비스(NHS)", {"영국국가보건서비스(nhs)", "영국국가보건서비스", "nhs"}),
    ("업스테이지", {"업스테이지"}),
    ("(주)", {"(주)", "주"}),
])
def test_match_keys(name, expected):
    assert match_keys(name) == expected


def test_score_arithmetic():
    assert Score(3, 1, 2).precision == 0.75
    assert Score(3, 1, 2).recall == 0.6
    assert Score(3, 1, 2).f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().as_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                 "tp": 0, "fp": 0, "fn": 0}
    assert Score(1, 2, 3) + Score(1, 1, 1) == Score(2, 3, 4)


def test_vocabulary_agrees_with_the_reference_scorer(reference):
    assert list(CORE) == reference.CORE
    assert list(EXTENDED) == reference.EXTENDED
    assert PREDICATES == reference.PREDICATES
    assert SYMMETRIC == reference.SYMMETRIC


# ---------------------------------------------------------------- cases
NAMES = """
ent:aws a kg:Organization ; rdfs:label "아마존웹서비스(AWS)"@ko ; kg:mentionedIn doc:001_names .
ent:msit a kg:Organization ; rdfs:label "과학기술정보통신부"@ko ; skos:altLabel "MSIT"@en ;
    kg:mentionedIn doc:001_names .
ent:onegov a kg:Initiative ; rdfs:label "‘원 거브’"@ko ; kg:mentionedIn doc:001_names .
ent:saas a kg:Program ; rdfs:label "서비스형 소프트웨어（SaaS） 펀드"@ko ;
    kg:mentionedIn doc:001_names .
ent:startup a kg:Organization ; rdfs:label "스타트업"@ko ; kg:mentionedIn doc:001_names .
ent:upstage a kg:Organization ; rdfs:label "업스테이지"@ko ; kg:mentionedIn doc:999_other .
ent:jeff a kg:Person ; rdfs:label "제프 크라츠"@ko ; kg:mentionedIn doc:001_names .
"""
NAMES_GOLD = {"001_names": ([
    ent("e1", "Organization", "AWS"),                       # the parenthetical
    ent("e2", "Organization", "과기정통부", "msit"),          # an alias, case-folded
    ent("e3", "Initiative", "원 거브"),                      # quotes and spaces dropped
    ent("e4", "Program", "서비스형 소프트웨어 펀드", "SaaS 펀드"),  # name without parenthetical
    ent("e5", "Organization", "업스테이지"),                  # only in another document
    ent("e6", "Person", "제프 크라츠", role="AWS 부사장"),
], [])}


def test_names_aliases_and_parentheticals(tmp_path, reference):
    r = scored(reference, *write_case(tmp_path, NAMES, NAMES_GOLD))
    assert counts(r, "core/strict") == (4, 1, 1)
    assert counts(r, "core/lenient") == (4, 1, 1)
    assert counts(r, "type/Organization") == (2, 1, 1)
    assert counts(r, "type/Program") == (1, 0, 0)
    assert counts(r, "extended/strict") == (1, 0, 0)
    assert r["core/strict"]["f1"] == 0.8
    assert r["money/accuracy"] == 0.0      # no investment at all


MONEY = """
doc:second a kg:Document ; dcterms:identifier "002_money.txt" .
ent:gov a kg:Organization ; rdfs:label "대한민국 정부"@ko ; kg:mentionedIn doc:second .
ent:inv1 a kg:Investment ; rdfs:label "383억 원 투입"@ko ;
    schema:amount [ a schema:MonetaryAmount ; schema:value 38300000000 ; schema:currency "krw" ] ;
    kg:mentionedIn doc:second .
ent:inv2 a kg:Investment ; rdfs:label "64억 달러"@ko ; kg:amount 6400000000 ; kg:currency "KRW" ;
    kg:mentionedIn doc:second .
ent:inv3 a kg:Investment ; rdfs:label "1000억원"@ko ; kg:mentionedIn doc:second .
ent:inv4 a kg:Investment ; rdfs:label "투자금"@ko ; kg:amount 1000000000.3 ; kg:currency "KRW" ;
    kg:mentionedIn doc:second .
ent:flagship a kg:Program ; rdfs:label "초거대 AI 플래그십 사업"@ko ; kg:mentionedIn doc:second .
ent:gov kg:invests ent:inv1 .
[] a rdf:Statement ; rdf:subject ent:gov ; rdf:predicate kg:invests ; rdf:object ent:inv1 ;
   prov:wasDerivedFrom doc:second .
ent:inv1 kg:fundsTarget ent:flagship .
"""
MONEY_GOLD = {"002_money": ([
    ent("e1", "Organization", "대한민국 정부", "정부"),
    ent("e2", "Investment", "383억원", amount=38300000000, currency="KRW"),
    ent("e3", "Investment", "64억 달러", amount=6400000000, currency="USD"),
    ent("e4", "Investment", "1000억원", amount=100000000000, currency="KRW"),
    ent("e5", "Investment", "10억 달러", amount=1000000000, currency="USD"),
    ent("e6", "Program", "초거대 AI 플래그십 사업"),
], [rel("e1", "invests", "e2"), rel("e2", "fundsTarget", "e6"), rel("e1", "invests", "e3")])}


def test_investments_match_by_name_or_amount(tmp_path, reference):
    """inv1 matches by amount only (currency upper-cased); inv2 by name with the
    wrong currency; inv3 by name with no amount; inv4 has the right amount (within
    0.5) but the wrong currency, so it matches nothing. The document is found by its
    dcterms:identifier, not its IRI; the fundsTarget edge has no evidence."""
    r = scored(reference, *write_case(tmp_path, MONEY, MONEY_GOLD))
    assert counts(r, "core/strict") == (5, 1, 1)
    assert counts(r, "type/Investment") == (3, 1, 1)
    assert r["money/accuracy"] == 0.333
    assert counts(r, "relations/labelled") == (2, 0, 1)
    assert counts(r, "relations/unlabelled") == (2, 0, 1)


LENIENT = """
ent:vision a kg:Program ; rdfs:label "세계 3대 AI 강국"@ko ; kg:mentionedIn doc:003_lenient .
ent:aws a kg:Organization ; rdfs:label "AWS"@en ; kg:mentionedIn doc:003_lenient .
ent:aws kg:supports ent:vision .
[] a rdf:Statement ; rdf:subject ent:aws ; rdf:predicate kg:supports ; rdf:object ent:vision ;
   prov:wasDerivedFrom doc:003_lenient .
"""
LENIENT_GOLD = {"003_lenient": ([
    ent("e1", "Organization", "아마존웹서비스", "AWS"),
    ent("e2", "Initiative", "세계 3대 AI 강국"),
], [rel("e1", "supports", "e2")])}


def test_program_and_initiative_only_lenient(tmp_path, reference):
    r = scored(reference, *write_case(tmp_path, LENIENT, LENIENT_GOLD))
    assert counts(r, "core/strict") == (1, 1, 1)
    assert counts(r, "core/lenient") == (2, 0, 0)
    assert counts(r, "type/Program") == (0, 1, 0)
    assert counts(r, "type/Initiative") == (0, 0, 1)
    # relation ends go through the lenient matches
    assert counts(r, "relations/labelled") == (1, 0, 0)


SYMMETRIC_CASE = """
ent:kpbma a kg:Organization ; rdfs:label "한국제약바이오협회"@ko ; kg:mentionedIn doc:004_partners .
ent:aws a kg:Organization ; rdfs:label "아마존웹서비스"@ko ; kg:mentionedIn doc:004_partners .
ent:lgcns a kg:Organization ; rdfs:label "LG CNS"@en ; kg:mentionedIn doc:004_partners .
ent:kpbma kg:partnersWith ent:aws .
ent:lgcns kg:partnersWith ent:kpbma .
ent:kpbma kg:partnersWith ent:lgcns .
ent:kpbma kg:uses ent:aws .
[] a rdf:Statement ; rdf:subject ent:kpbma ; rdf:predicate kg:partnersWith ; rdf:object ent:aws ;
   prov:wasDerivedFrom doc:004_partners .
[] a rdf:Statement ; rdf:subject ent:lgcns ; rdf:predicate kg:partnersWith ;
   rdf:object ent:kpbma ; prov:wasDerivedFrom doc:004_partners .
[] a rdf:Statement ; rdf:subject ent:kpbma ; rdf:predicate kg:partnersWith ;
   rdf:object ent:lgcns ; prov:wasDerivedFrom doc:004_partners .
[] a rdf:Statement ; rdf:subject ent:kpbma ; rdf:predicate kg:uses ; rdf:object ent:aws ;
   prov:wasDerivedFrom doc:004_partners .
"""
SYMMETRIC_GOLD = {"004_partners": ([
    ent("e1", "Organization", "아마존웹서비스", "AWS"),
    ent("e2", "Organization", "한국제약바이오협회"),
    ent("e3", "Organization", "LG CNS"),
], [rel("e1", "partnersWith", "e2"), rel("e2", "partnersWith", "e3")])}


def test_partners_with_is_symmetric(tmp_path, reference):
    """Reversed and doubled partnersWith edges are one; a wrong predicate between
    partners is a labelled FP but adds nothing unlabelled."""
    r = scored(reference, *write_case(tmp_path, SYMMETRIC_CASE, SYMMETRIC_GOLD))
    assert counts(r, "relations/labelled") == (2, 1, 0)
    assert counts(r, "relations/unlabelled") == (2, 0, 0)


EVIDENCE = """
ent:mois a kg:Organization ; rdfs:label "행정안전부"@ko ;
    kg:mentionedIn doc:005_first, doc:006_second .
ent:infra a kg:Initiative ; rdfs:label "범정부 AI 공통 인프라"@ko ;
    kg:mentionedIn doc:005_first, doc:006_second .
ent:solar a kg:Product ; rdfs:label "솔라"@ko ; kg:mentionedIn doc:005_first, doc:006_second .
ent:upstage a kg:Organization ; rdfs:label "업스테이지"@ko ;
    kg:mentionedIn doc:005_first, doc:006_second .
ent:mois kg:operates ent:infra .
[] a rdf:Statement ; rdf:subject ent:mois ; rdf:predicate kg:operates ; rdf:object ent:infra ;
   prov:wasDerivedFrom doc:005_first .
ent:mois kg:uses ent:solar .
ent:upstage kg:partnersWith ent:mois .
[] a rdf:Statement ; rdf:subject ent:upstage ; rdf:predicate kg:partnersWith ;
   rdf:object ent:mois ; prov:wasDerivedFrom doc:006_second_appendix .
"""
_EVIDENCE_ENTITIES = [
    ent("e1", "Organization", "행안부", "행정안전부"),
    ent("e2", "Initiative", "범정부 AI 공통 인프라"),
    ent("e3", "Product", "솔라"),
    ent("e4", "Organization", "업스테이지"),
]
_EVIDENCE_RELATIONS = [rel("e1", "operates", "e2"), rel("e1", "uses", "e3"),
                       rel("e4", "partnersWith", "e1")]
EVIDENCE_GOLD = {"005_first": (_EVIDENCE_ENTITIES, _EVIDENCE_RELATIONS),
                 "006_second": (_EVIDENCE_ENTITIES, _EVIDENCE_RELATIONS)}


def test_relation_evidence_decides_the_document(tmp_path, reference):
    """operates counts only where its evidence points (005); uses has no evidence so
    counts in both documents that mention its ends (ends matched via an extended
    entity); partnersWith's evidence names a document node no entity is mentioned
    in, which is never taken for a document, so it counts nowhere."""
    r = scored(reference, *write_case(tmp_path, EVIDENCE, EVIDENCE_GOLD))
    assert counts(r, "relations/labelled") == (3, 0, 3)
    assert counts(r, "core/strict") == (6, 0, 0)
    assert counts(r, "extended/strict") == (2, 0, 0)


TYPED_TWICE = """
ent:seoulmetro a kg:Place , kg:Organization ; rdfs:label "서울교통공사"@ko ;
    kg:mentionedIn doc:007_types .
ent:onegov a kg:Initiative ; rdfs:label "원 거브"@ko ; kg:mentionedIn doc:007_types .
ent:voucher a kg:Program , kg:Initiative ; rdfs:label "AI 바우처"@ko ;
    kg:mentionedIn doc:007_types .
"""
TYPED_TWICE_GOLD = {"007_types": ([
    ent("e1", "Organization", "서울교통공사"),
    ent("e2", "Initiative", "원 거브"),
    ent("e3", "Program", "AI 바우처"),
], [])}


def test_entity_typed_twice(tmp_path, reference):
    """A core type beats an extended one. Between two core types the reference keeps
    the one rdflib's type index yields first (the class first used as a type in the
    file: Initiative here), so the voucher only matches leniently."""
    r = scored(reference, *write_case(tmp_path, TYPED_TWICE, TYPED_TWICE_GOLD))
    assert counts(r, "type/Organization") == (1, 0, 0)
    assert counts(r, "extended/strict") == (0, 0, 0)
    assert counts(r, "core/lenient") == (3, 0, 0)
    assert counts(r, "type/Program") == (0, 0, 1)


COLLAPSE = """
ent:f1 a kg:Organization ; rdfs:label "기업 가"@ko ; kg:mentionedIn doc:008_collapse .
ent:f2 a kg:Organization ; rdfs:label "기업 나"@ko ; kg:mentionedIn doc:008_collapse .
ent:f3 a kg:Organization ; rdfs:label "기업 다"@ko ; kg:mentionedIn doc:008_collapse .
ent:f4 a kg:Organization ; rdfs:label "기업 라"@ko ; kg:mentionedIn doc:008_collapse .
ent:lgcns a kg:Organization ; rdfs:label "LG CNS"@en ; kg:mentionedIn doc:008_collapse .
ent:f1 kg:uses ent:f2 .
ent:f3 kg:uses ent:f4 .
ent:f1 kg:uses ent:lgcns .
ent:f3 kg:uses ent:lgcns .
"""
COLLAPSE_GOLD = {"008_collapse": ([ent("e1", "Organization", "LG CNS")], [])}


def test_unmatched_relation_ends_collapse(tmp_path, reference):
    """Predicted relations are compared after mapping their ends to gold ids, so two
    relations between unmatched entities count as one FP, and so do two relations
    from unmatched entities to the same matched one."""
    r = scored(reference, *write_case(tmp_path, COLLAPSE, COLLAPSE_GOLD))
    assert counts(r, "core/strict") == (1, 4, 0)
    assert counts(r, "relations/labelled") == (0, 2, 0)
    assert counts(r, "relations/unlabelled") == (0, 2, 0)


def test_all_cases_together(tmp_path, reference):
    """Every case in one graph and one gold dir: documents do not leak into each other."""
    body = "".join([NAMES, MONEY, LENIENT, SYMMETRIC_CASE, EVIDENCE, TYPED_TWICE, COLLAPSE])
    gold = {**NAMES_GOLD, **MONEY_GOLD, **LENIENT_GOLD, **SYMMETRIC_GOLD, **EVIDENCE_GOLD,
            **TYPED_TWICE_GOLD, **COLLAPSE_GOLD}
    r = scored(reference, *write_case(tmp_path, body, gold))
    assert r["money/accuracy"] == 0.333


# ---------------------------------------------------------------- output
def test_format_report_matches_reference_output(tmp_path, reference, capsys):
    graph, gold_dir = write_case(tmp_path, NAMES + MONEY, {**NAMES_GOLD, **MONEY_GOLD})
    assert reference.main(["--graph", str(graph), "--gold", str(gold_dir)]) == 0
    expected = capsys.readouterr().out
    text = format_report(evaluate(graph, gold_dir))
    assert text + "\n" == expected
    assert text.splitlines()[-1].startswith("summary: core_f1_lenient=")


def test_verbose_lists_misses(tmp_path):
    graph, gold_dir = write_case(tmp_path, NAMES + COLLAPSE + MONEY,
                                 {**NAMES_GOLD, **COLLAPSE_GOLD, **MONEY_GOLD})
    report = evaluate(graph, gold_dir)
    assert Miss("001_names", "FP", "entity", "Organization", "스타트업") in report.misses
    assert Miss("001_names", "FN", "entity", "Organization", "업스테이지") in report.misses
    assert Miss("002_money", "FN", "relation", "invests",
                "대한민국 정부 -invests-> 64억 달러") in report.misses
    assert Miss("008_collapse", "FP", "relation", "uses", "기업 가 -uses-> LG CNS",
                "an end is unmatched") in report.misses
    text = format_report(report, verbose=True)
    assert "001_names FP     Organization   스타트업" in text.splitlines()
    assert text.endswith(format_report(report))
    assert "스타트업" not in format_report(report)
    assert report.as_dict(include_misses=True)["misses"] == [str(m) for m in report.misses]


# ---------------------------------------------------------------- errors
def test_missing_graph(tmp_path):
    _, gold_dir = write_case(tmp_path, "", NAMES_GOLD)
    with pytest.raises(UsageError, match="no graph at"):
        evaluate(tmp_path / "nowhere.ttl", gold_dir)


def test_unparsable_graph(tmp_path):
    graph, gold_dir = write_case(tmp_path, "ent:x a kg:Organization ; oops", NAMES_GOLD)
    with pytest.raises(UsageError, match="cannot parse") as caught:
        evaluate(graph, gold_dir)
    assert "graph.ttl" in str(caught.value) and "\n" not in str(caught.value)


def test_gold_dir_without_json(tmp_path):
    graph, gold_dir = write_case(tmp_path, NAMES, {})
    with pytest.raises(UsageError, match="no gold annotations"):
        evaluate(graph, gold_dir)
    with pytest.raises(UsageError, match="no gold annotations"):
        evaluate(graph, tmp_path / "missing")


@pytest.mark.parametrize("content,reason", [
    ("{not json", "not valid JSON"),
    ('{"doc": "x.txt"}', '"entities" list'),
    ('{"entities": [{"id": "e1", "type": "Investment", "name": "1억"}]}', "numeric amount"),
    ('{"entities": [{"id": "e1", "type": "Place", "name": "서울"},'
     ' {"id": "e1", "type": "Place", "name": "부산"}]}', "used twice"),
    ('{"entities": [], "relations": [{"s": "e1"}]}', "relations"),
])
def test_bad_gold_file_is_named(tmp_path, content, reason):
    graph, gold_dir = write_case(tmp_path, NAMES, NAMES_GOLD)
    (gold_dir / "broken.json").write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=reason) as caught:
        evaluate(graph, gold_dir)
    assert "broken.json" in str(caught.value) and "\n" not in str(caught.value)


# ---------------------------------------------------------------- random graphs
KG = Namespace("https://example.org/kg/ontology#")
ENT = Namespace("https://example.org/kg/entity/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS_ALT = URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
DCT_ID = URIRef("http://purl.org/dc/terms/identifier")
STEMS = ("101_alpha", "102_beta")
DOC_NODES = (URIRef("https://example.org/kg/doc/101_alpha"),   # found by its IRI
             URIRef("https://example.org/kg/doc/b"),           # found by its identifier
             URIRef("https://example.org/kg/doc/102_beta_x"))  # mentions nothing: ignored
NAME_POOL = ("아마존웹서비스(AWS)", "AWS", "아마존웹서비스", "MSIT", "‘원 거브’", "원 거브",
             "383억원", "서울")
TYPE_POOL = ("Organization", "Program", "Initiative", "Investment", "Place", "Product")
AMOUNTS = (38300000000, 1000000000, 1000000000.4)
CURRENCIES = ("KRW", "usd", "USD")
PREDICATE_POOL = ("invests", "partnersWith", "uses")

predicted_entity = st.fixed_dictionaries({
    "types": st.lists(st.sampled_from(TYPE_POOL), min_size=1, max_size=2),
    "names": st.lists(st.sampled_from(NAME_POOL), max_size=2),
    "docs": st.lists(st.sampled_from((0, 1)), min_size=1, max_size=2),
    "amount": st.none() | st.sampled_from(AMOUNTS),
    "currency": st.none() | st.sampled_from(CURRENCIES),
    "bnode_money": st.booleans(),
})
predicted_relation = st.tuples(st.integers(0, 4), st.sampled_from(PREDICATE_POOL),
                               st.integers(0, 4), st.sampled_from((None, 0, 1, 2)))


@st.composite
def random_case(draw):
    """A prediction, and per document a gold that mostly agrees with it: gold entity
    e<i> is a perturbed copy of predicted node n<i>, so matches are common."""
    entities = draw(st.lists(predicted_entity, min_size=1, max_size=5))
    relations = [(s % len(entities), p, o % len(entities), evidence)
                 for s, p, o, evidence in draw(st.lists(predicted_relation, max_size=8))]

    def often() -> bool:
        return draw(st.integers(0, 3)) > 0

    gold = []
    for _ in STEMS:
        golds = []
        for i, e in enumerate(entities):
            if not often():
                continue
            golds.append({
                "id": f"e{i}",
                "type": e["types"][0] if often() else draw(st.sampled_from(TYPE_POOL)),
                "name": e["names"][0] if e["names"] and often()
                else draw(st.sampled_from(NAME_POOL)),
                "aliases": draw(st.lists(st.sampled_from(NAME_POOL), max_size=1)),
                "amount": e["amount"] or draw(st.sampled_from(AMOUNTS)),
                "currency": draw(st.sampled_from(("KRW", "USD"))),
            })
        golds = draw(st.permutations(golds))
        rels = [rel(f"e{s}", p if often() else draw(st.sampled_from(PREDICATE_POOL)), f"e{o}")
                for s, p, o, _ in relations if often()]
        gold.append((golds, rels))
    return entities, relations, gold


def random_graph(entities: list[dict], relations: list[tuple]) -> Graph:
    g = Graph()
    g.add((DOC_NODES[1], DCT_ID, Literal("102_beta.txt")))
    nodes = [ENT[f"n{i}"] for i in range(len(entities))]
    for node, e in zip(nodes, entities):
        for kind in e["types"]:
            g.add((node, RDF.type, KG[kind]))
        for i, name in enumerate(e["names"]):
            g.add((node, RDFS.label if i == 0 else SKOS_ALT, Literal(name, lang="ko")))
        for d in e["docs"]:
            g.add((node, KG.mentionedIn, DOC_NODES[d]))
        holder = node
        if e["bnode_money"]:
            holder = BNode()
            g.add((node, SCHEMA.amount, holder))
        if e["amount"] is not None:
            g.add((holder, SCHEMA.value, Literal(e["amount"])))
        if e["currency"] is not None:
            g.add((holder, SCHEMA.currency, Literal(e["currency"])))
    for s, p, o, evidence in relations:
        g.add((nodes[s], KG[p], nodes[o]))
        if evidence is not None:
            record = BNode()
            g.add((record, RDF.type, RDF.Statement))
            g.add((record, RDF.subject, nodes[s]))
            g.add((record, RDF.predicate, KG[p]))
            g.add((record, RDF.object, nodes[o]))
            g.add((record, PROV.wasDerivedFrom, DOC_NODES[evidence]))
    return g


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=random_case())
def test_agrees_on_random_graphs(reference, case):
    entities, relations, gold = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        graph = root / "graph.ttl"
        random_graph(entities, relations).serialize(graph, format="turtle")
        gold_dir = root / "gold"
        gold_dir.mkdir()
        for stem, (ents, rels) in zip(STEMS, gold):
            doc = {"doc": f"{stem}.txt", "entities": ents, "relations": rels}
            (gold_dir / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False),
                                                   encoding="utf-8")
        assert evaluate(graph, gold_dir).as_dict() == reference.score(graph, gold_dir)


def gold_as_graph(gold_dir: Path, keep=lambda index: True) -> Graph:
    """The gold annotations written as a graph in CONTRACT.md's shape; ``keep`` picks
    which entities (by running index) make it in."""
    g = Graph()
    index = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        stem = Path(gold["doc"]).stem
        doc = URIRef(f"https://example.org/kg/doc/{stem}")
        nodes = {}
        for e in gold["entities"]:
            index += 1
            if not keep(index):
                continue
            node = nodes[e["id"]] = ENT[f"{stem[:3]}-{e['id']}"]
            g.add((node, RDF.type, KG[e["type"]]))
            g.add((node, RDFS.label, Literal(e["name"], lang="ko")))
            for alias in e["aliases"]:
                g.add((node, SKOS_ALT, Literal(alias, lang="ko")))
            g.add((node, KG.mentionedIn, doc))
            if e["type"] == "Investment":
                money = BNode()
                g.add((node, SCHEMA.amount, money))
                g.add((money, SCHEMA.value, Literal(e["amount"])))
                g.add((money, SCHEMA.currency, Literal(e["currency"])))
        for r in gold["relations"]:
            if r["s"] in nodes and r["o"] in nodes:
                g.add((nodes[r["s"]], KG[r["p"]], nodes[r["o"]]))
    return g


def test_gold_written_as_a_graph_scores_perfectly(tmp_path, reference):
    graph = tmp_path / "graph.ttl"
    gold_as_graph(GOLD_DIR).serialize(graph, format="turtle")
    r = scored(reference, graph, GOLD_DIR)
    assert all(v["f1"] == 1.0 for v in r.values() if isinstance(v, dict))
    assert r["money/accuracy"] == 1.0
    assert counts(r, "relations/labelled") == (119, 0, 0)


def test_gold_with_gaps_agrees(tmp_path, reference):
    graph = tmp_path / "graph.ttl"
    gold_as_graph(GOLD_DIR, keep=lambda index: index % 4 != 0).serialize(graph, format="turtle")
    r = scored(reference, graph, GOLD_DIR)
    assert r["core/strict"]["precision"] == 1.0 and r["core/strict"]["recall"] < 1.0
    report = evaluate(graph, GOLD_DIR)
    assert {m.kind for m in report.misses} == {"FN"}


# ---------------------------------------------------------------- the seeds build
def test_agrees_on_seeds_build(seeds_graph, reference, capsys):
    report = evaluate(seeds_graph, GOLD_DIR)
    assert report.as_dict() == reference.score(seeds_graph, GOLD_DIR)
    assert reference.main(["--graph", str(seeds_graph), "--gold", str(GOLD_DIR)]) == 0
    assert format_report(report) + "\n" == capsys.readouterr().out
