"""Document metadata in the graph (dcterms), the saved queries that use them, and
`kg build --field` on a collection of articles."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.cli import main
from kg.graph import DOC, KG, GraphData, doc_slug, to_triples, web_iri
from kg.types import Document


def document(doc_id: str, **meta) -> Document:
    return Document(id=doc_id, path=doc_id, title="제목", text="본문이다.\n", sha256="0" * 64,
                    **meta)


def test_document_metadata_triples():
    docs = (document("news.jsonl#1", date="2025-05-13", url="https://news.example.kr/a?id=1",
                     publisher="한빛일보", author="박서연 기자"),
            document("news.jsonl#2", url="www.example.kr/a b"),  # not an IRI: a literal
            document("plain.txt"))
    triples = set(to_triples(GraphData(docs, (), (), {})))
    first, second, third = DOC["news-1"], DOC["news-2"], DOC["plain"]
    described = (DCTERMS.identifier, DCTERMS.title, KG.sha256, DCTERMS.issued,
                 DCTERMS.source, DCTERMS.publisher, DCTERMS.creator)
    assert (first, RDF.type, KG.Document) in triples
    assert {t for t in triples if t[0] == first and t[1] in described} == {
        (first, DCTERMS.identifier, Literal("news.jsonl#1")),
        (first, DCTERMS.title, Literal("제목", lang="ko")),
        (first, KG.sha256, Literal("0" * 64)),
        (first, DCTERMS.issued, Literal("2025-05-13", datatype=XSD.date)),
        (first, DCTERMS.source, URIRef("https://news.example.kr/a?id=1")),
        (first, DCTERMS.publisher, Literal("한빛일보", lang="ko")),
        (first, DCTERMS.creator, Literal("박서연 기자", lang="ko"))}
    assert (second, DCTERMS.source, Literal("www.example.kr/a b")) in triples
    assert not {t for t in triples if t[0] == third and t[1] in (
        DCTERMS.issued, DCTERMS.source, DCTERMS.publisher, DCTERMS.creator)}


@pytest.mark.parametrize("url, iri", [
    ("https://www.etnews.com/20250513000123", True), ("http://news.example.kr/기사?id=1", True),
    ("https://news.example.kr/a b", False), ('https://x.kr/"><script>', False),
    ("https://x.kr/%zz", False), ("javascript:alert(1)", False), ("ftp://x.kr/a", False),
    ("https://", False), ("www.example.kr", False),
])
def test_only_valid_http_urls_become_iris(url, iri):
    assert web_iri(url) is iri


@pytest.mark.parametrize("doc_id, slug", [
    ("news.jsonl#12", "news-12"), ("bigkinds.csv#3", "bigkinds-3"),
    ("002_430102f8735eb5df.txt", "002_430102f8735eb5df"),
])
def test_record_documents_have_readable_iris(doc_id, slug):
    assert doc_slug(doc_id) == slug


def test_build_a_csv_export_with_named_columns(tmp_path, pipeline, monkeypatch):
    from kg.pipeline import Pipeline
    from kg.validate import validate

    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls: pipeline))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["when", "headline", "story", "press", "link"])
    writer.writerow(["2025-05-13", "과기정통부 예산", "과학기술정보통신부는 AI 바우처 사업에 120억원을 "
                     "투입한다고 밝혔다.", "한빛일보", "https://news.example.kr/1"])
    writer.writerow(["2025-06-02", "행안부 협약", "행정안전부는 네이버와 업무협약을 맺었다고 밝혔다.",
                     "세종경제", "not a url"])
    (tmp_path / "export.csv").write_text(out.getvalue(), encoding="utf-8")
    result = CliRunner().invoke(main, [
        "build", str(tmp_path / "export.csv"), "-o", str(tmp_path / "out"),
        "--field", "text=story", "--field", "title=headline", "--field", "date=when"])
    assert result.exit_code == 0, result.output
    assert "documents read: 2" in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert {(s, o) for s, o in g.subject_objects(DCTERMS.issued)} == {
        (DOC["export-1"], Literal("2025-05-13", datatype=XSD.date)),
        (DOC["export-2"], Literal("2025-06-02", datatype=XSD.date))}
    assert {(d, u) for d, u in g.subject_objects(DCTERMS.source) if str(d).startswith(str(DOC))} == {
        (DOC["export-1"], URIRef("https://news.example.kr/1")),
        (DOC["export-2"], Literal("not a url"))}
    assert {(d, t) for d, t in g.subject_objects(DCTERMS.title) if str(d).startswith(str(DOC))} == {
        (DOC["export-1"], Literal("과기정통부 예산", lang="ko")),
        (DOC["export-2"], Literal("행안부 협약", lang="ko"))}
    report = validate(tmp_path / "out" / "graph.ttl")
    assert report.conforms, report


def test_build_refuses_an_unknown_field(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--field", "txt=story"])
    assert result.exit_code == 2
    assert result.output == ("error: --field txt=story: unknown field 'txt' (known: text, title, "
                             "date, url, publisher, author)\n")


# Two dated documents and one undated, with evidence, for the saved queries.
DATED = """\
@prefix kg: <https://w3id.org/kg-ko/ontology#> .
@prefix ent: <https://w3id.org/kg-ko/id/> .
@prefix doc: <https://w3id.org/kg-ko/doc/> .
@prefix schema: <https://schema.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
doc:a a kg:Document ; dcterms:identifier "a.txt" ; dcterms:issued "2024-11-02"^^xsd:date .
doc:b a kg:Document ; dcterms:identifier "b.txt" ; dcterms:issued "2025-05-13"^^xsd:date .
doc:c a kg:Document ; dcterms:identifier "c.txt" .
ent:msit a kg:Organization ; rdfs:label "과학기술정보통신부"@ko ; skos:altLabel "과기정통부"@ko ;
    kg:invests ent:inv1 , ent:inv2 ; kg:operates ent:voucher .
ent:mois a kg:Organization ; rdfs:label "행정안전부"@ko ; kg:invests ent:inv3 .
ent:voucher a kg:Program ; rdfs:label "AI 바우처 사업"@ko .
ent:inv1 a kg:Investment ; rdfs:label "383억원"@ko ; kg:mentionedIn doc:a , doc:b ;
    schema:amount ent:inv1-amount .
ent:inv1-amount schema:value 38300000000 ; schema:currency "KRW" .
ent:inv2 a kg:Investment ; rdfs:label "120억원"@ko ; kg:year 2026 ; kg:mentionedIn doc:b ;
    schema:amount ent:inv2-amount .
ent:inv2-amount schema:value 12000000000 ; schema:currency "KRW" .
ent:inv3 a kg:Investment ; rdfs:label "5억원"@ko ; kg:mentionedIn doc:c ;
    schema:amount ent:inv3-amount .
ent:inv3-amount schema:value 500000000 ; schema:currency "KRW" .
ent:st1 a rdf:Statement ; rdf:subject ent:msit ; rdf:predicate kg:invests ; rdf:object ent:inv1 ;
    prov:wasDerivedFrom doc:a ; oa:hasSelector ent:st1-quote .
ent:st1-quote a oa:TextQuoteSelector ; oa:exact "과기정통부는 383억원을 투입한다."@ko .
ent:st2 a rdf:Statement ; rdf:subject ent:msit ; rdf:predicate kg:operates ;
    rdf:object ent:voucher ; prov:wasDerivedFrom doc:b ; oa:hasSelector ent:st2-quote .
ent:st2-quote a oa:TextQuoteSelector ; oa:exact "과기정통부는 AI 바우처 사업을 운영한다."@ko .
ent:st3 a rdf:Statement ; rdf:subject ent:msit ; rdf:predicate kg:invests ; rdf:object ent:inv2 ;
    prov:wasDerivedFrom doc:c ; oa:hasSelector ent:st3-quote .
ent:st3-quote a oa:TextQuoteSelector ; oa:exact "과기정통부는 120억원을 더 쓴다."@ko .
"""


@pytest.fixture()
def dated_graph(tmp_path):
    path = tmp_path / "dated.ttl"
    path.write_text(DATED, encoding="utf-8")
    return str(path)


def test_investments_by_year(dated_graph):
    r = CliRunner().invoke(main, ["query", dated_graph, "--name", "investments-by-year"])
    assert r.exit_code == 0, r.output
    assert r.output == (
        "year | investor           | currency | investments | total\n"
        "-----+--------------------+----------+-------------+------------\n"
        "     | 행정안전부         | KRW      | 1           | 500000000\n"
        "2024 | 과학기술정보통신부 | KRW      | 1           | 38300000000\n"
        "2026 | 과학기술정보통신부 | KRW      | 1           | 12000000000\n"
        "(3 rows)\n")


def test_what_an_organization_did_in_a_period(dated_graph):
    r = CliRunner().invoke(main, ["query", dated_graph, "--name", "organization-activity",
                                  "--param", "name=과기정통부", "--param", "from=2025-01-01",
                                  "--param", "to=2025-12-31"])
    assert r.exit_code == 0, r.output
    assert r.output == (
        "date       | organization       | direction | relation | other          | document | "
        "sentence\n"
        "-----------+--------------------+-----------+----------+----------------+----------+"
        "----------------------------------------\n"
        "2025-05-13 | 과학기술정보통신부 | out       | operates | AI 바우처 사업 | b.txt    | "
        "과기정통부는 AI 바우처 사업을 운영한다.\n"
        "(1 rows)\n")


def test_organization_activity_without_a_period_lists_undated_documents(dated_graph):
    r = CliRunner().invoke(main, ["query", dated_graph, "--name", "organization-activity",
                                  "--param", "name=과학기술정보통신부", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.replace("\r\n", "\n") == (
        "date,organization,direction,relation,other,document,sentence\n"
        ",과학기술정보통신부,out,invests,120억원,c.txt,과기정통부는 120억원을 더 쓴다.\n"
        "2024-11-02,과학기술정보통신부,out,invests,383억원,a.txt,과기정통부는 383억원을 투입한다.\n"
        "2025-05-13,과학기술정보통신부,out,operates,AI 바우처 사업,b.txt,"
        "과기정통부는 AI 바우처 사업을 운영한다.\n")
