"""SPARQL over the seeds build: saved queries, formats, parameters, the CLI."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import (
    Results,
    display_width,
    format_table,
    list_queries,
    load_store,
    named_query,
    query_text,
    run,
)


@pytest.fixture(scope="module")
def store(seeds_graph):
    return load_store(seeds_graph)


def rows(store, query_name, **params):
    res = run(store, named_query(query_name).text, params or None)
    return [{v: (t.value if t is not None else None) for v, t in zip(res.variables, row)}
            for row in res.rows]


def test_at_least_eight_described_queries():
    qs = list_queries()
    assert len(qs) >= 8
    assert all(q.description for q in qs)


def test_investments(store):
    got = {(r["investor"], int(r["amount"]), r["currency"], r["target"])
           for r in rows(store, "investments")}
    assert ("대한민국 정부", 38300000000, "KRW", "초거대 AI 플래그십 사업") in got
    assert ("아마존웹서비스", 6400000000, "USD", "한국") in got


def test_programs_by_operator(store):
    got = {(r["operator"], r["name"]) for r in rows(store, "programs-by-operator")}
    assert ("아마존웹서비스", "AWS 액티베이트") in got
    assert ("한국제약바이오협회", "연합학습 기반 신약개발 프로젝트") in got


def test_partners_by_any_name(store):
    by_alias = {r["partner"] for r in rows(store, "partners", name="AWS")}
    by_label = {r["partner"] for r in rows(store, "partners", name="아마존웹서비스")}
    assert "한국제약바이오협회" in by_alias
    assert by_alias == by_label


def test_organizations_in_document(store):
    got = {r["organization"] for r in rows(store, "organizations-in-document",
                                           doc="003_1241e423bd96efe1.txt")}
    assert {"행정안전부", "코딧", "한국행정학회"} <= got
    assert "아마존웹서비스" not in got


def test_evidence_of_an_edge(store):
    got = rows(store, "evidence", predicate="invests")
    assert any(r["object"] == "383억원" and "383억원을 투입해" in r["sentence"] for r in got)
    assert all(r["relation"] == "invests" for r in got)


def test_people_and_their_organizations(store):
    got = {(r["person"], r["organization"]) for r in rows(store, "people")}
    assert ("배일권", "행정안전부") in got


def test_entities_in_two_or_more_documents(store):
    got = {r["name"]: int(r["documents"]) for r in rows(store, "multi-document")}
    assert got["아마존웹서비스"] >= 3
    assert all(n >= 2 for n in got.values())


def test_one_hop_around_a_named_entity(store):
    got = {(r["relation"], r["other"]) for r in rows(store, "neighbourhood", name="MSIT")}
    assert ("affiliatedWith", "손종걸") in got


def test_events(store):
    got = {(r["event"], r["organizer"]) for r in rows(store, "events")}
    assert ("AWS DC 서밋 2025", "아마존웹서비스") in got


def test_a_parameter_cannot_change_the_query(store):
    evil = 'x" } } DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    assert rows(store, "partners", name=evil) == []
    assert rows(store, "investments")  # the store is intact


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_results_formats(store, fmt):
    text = query_text(store, named_query("people").text, None, fmt)
    if fmt == "json":
        data = json.loads(text)
        assert data["head"]["vars"] == ["person", "role", "organization"]
        assert data["results"]["bindings"]
    elif fmt == "csv":
        table = list(csv.reader(io.StringIO(text)))
        assert table[0] == ["person", "role", "organization"] and len(table) > 5
    else:
        assert text.splitlines()[0].split("\t") == ["?person", "?role", "?organization"]


def test_cli_query_text_file_and_list(seeds_graph, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["query", str(seeds_graph), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
    assert r.exit_code == 0 and "rows)" in r.output
    rq = tmp_path / "q.rq"
    rq.write_text(named_query("investments").text, encoding="utf-8")
    r = runner.invoke(main, ["query", str(seeds_graph), "--file", str(rq), "--format", "csv"])
    assert r.exit_code == 0 and "38300000000" in r.output
    r = runner.invoke(main, ["query", "--list"])
    assert r.exit_code == 0 and "investments" in r.output
    r = runner.invoke(main, ["query", str(seeds_graph), "SELEKT nonsense"])
    assert r.exit_code == 2 and "Traceback" not in r.output


# A small graph of our own, so that the expected tables do not follow the extractor.
SMALL = """\
@prefix kg: <https://w3id.org/kg-ko/ontology#> .
@prefix ent: <https://w3id.org/kg-ko/id/> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ent:msit a kg:Organization ; rdfs:label "과학기술정보통신부"@ko ; skos:altLabel "MSIT"@en ;
    kg:invests ent:inv1 ; kg:operates ent:voucher .
ent:aws a kg:Organization ; rdfs:label "AWS"@en ; kg:invests ent:inv2 .
ent:voucher a kg:Program ; rdfs:label "AI 바우처 사업"@ko .
ent:inv1 a kg:Investment ; rdfs:label "383억원"@ko ; kg:fundsTarget ent:voucher ;
    schema:amount ent:inv1-amount .
ent:inv1-amount schema:value 38300000000 ; schema:currency "KRW" .
ent:inv2 a kg:Investment ; rdfs:label "1억 달러"@ko ; schema:amount ent:inv2-amount .
ent:inv2-amount schema:value 100000000 ; schema:currency "USD" .
"""


@pytest.fixture()
def small_graph(tmp_path):
    path = tmp_path / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    return str(path)


def test_table_aligns_korean_by_display_width(small_graph):
    r = CliRunner().invoke(main, ["query", small_graph, "--name", "investments"])
    assert r.exit_code == 0, r.output
    assert r.output == (
        "investor           | investment | amount      | currency | target\n"
        "-------------------+------------+-------------+----------+---------------\n"
        "과학기술정보통신부 | 383억원    | 38300000000 | KRW      | AI 바우처 사업\n"
        "AWS                | 1억 달러   | 100000000   | USD      |\n"
        "(2 rows)\n")


def test_required_parameter_given(small_graph):
    r = CliRunner().invoke(main, ["query", small_graph, "--name", "neighbourhood",
                                  "--param", "name=MSIT"])
    assert r.exit_code == 0, r.output
    assert r.output == (
        "entity             | direction | relation | other          | otherType\n"
        "-------------------+-----------+----------+----------------+-----------\n"
        "과학기술정보통신부 | out       | invests  | 383억원        | Investment\n"
        "과학기술정보통신부 | out       | operates | AI 바우처 사업 | Program\n"
        "(2 rows)\n")


@pytest.mark.parametrize("args, message", [
    (["--name", "neighbourhood"],
     "error: query 'neighbourhood' needs --param name=VALUE: any name of the entity, Korean or "
     "English, e.g. --param name=과기정통부\n"),
    (["--name", "neighbourhood", "--param", "nme=MSIT"],
     "error: --param nme: query 'neighbourhood' has no parameter 'nme' (it takes --param "
     "name=VALUE, e.g. --param name=과기정통부)\n"),
    (["--name", "investments", "--param", "name=MSIT"],
     "error: --param name: query 'investments' takes no parameters\n"),
    (["--name", "partners", "--param", "name"], "error: --param 'name': expected NAME=VALUE\n"),
    (["--name", "nosuch"], None),
])
def test_parameter_errors_are_one_line_and_exit_2(small_graph, args, message):
    r = CliRunner().invoke(main, ["query", small_graph, *args])
    assert r.exit_code == 2
    assert len(r.output.splitlines()) == 1 and "Traceback" not in r.output
    if message:
        assert r.output == message


def test_query_file_that_declares_parameters_is_held_to_them(small_graph, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text(named_query("neighbourhood").text, encoding="utf-8")
    r = CliRunner().invoke(main, ["query", small_graph, "--file", str(rq)])
    assert r.exit_code == 2
    assert r.output.startswith("error: query 'mine' needs --param name=VALUE")


def test_list_shows_each_query_and_its_parameters():
    r = CliRunner().invoke(main, ["query", "--list"])
    assert r.exit_code == 0
    assert r.output == LIST


LIST = """\
events                     Events with who organised them and where they took place.
evidence                   The evidence behind every edge: subject, predicate, object, the document and the sentence that states it.
                           --param predicate=VALUE (optional): keep one predicate (its local name), e.g. invests
investments-by-year        Investments by year and investor: how many, and their total in each currency. The year is the one the text gives for the investment, else the publication year of the earliest dated document that mentions it (empty when neither is known).
investments                Who invests how much in what: every investment with its amount in base units, currency, investor and target (when the text states them).
multi-document             Entities mentioned in two or more documents: the threads that tie articles together.
neighbourhood              Everything one hop around a named entity: the relation, its direction and the other end.
                           --param name=VALUE (required): any name of the entity, Korean or English, e.g. 과기정통부
organization-activity      What one organisation did, or what was done with it, in a period: each relation with the date and identifier of the document that states it, and the sentence. The date is the document's publication date; with from or to, undated documents are left out.
                           --param name=VALUE (required): any name of the organisation, Korean or English, e.g. 과기정통부
                           --param from=VALUE (optional): first publication date, YYYY-MM-DD, e.g. 2025-01-01
                           --param to=VALUE (optional): last publication date, YYYY-MM-DD, e.g. 2025-12-31
organizations-in-document  Organisations mentioned in a document, or in every document when none is given.
                           --param doc=VALUE (optional): the document's identifier (its file name), e.g. 002_430102f8735eb5df.txt
partners                   Partners of an organisation, or every partnership when no name is given.
                           --param name=VALUE (optional): any name of the organisation, e.g. 아마존웹서비스
people                     People, their role as written, and the organisations they work for.
programs-by-operator       Programs and initiatives by the organisation that operates them.
"""


@pytest.mark.parametrize("text, width", [
    ("MSIT", 4), ("과기정통부", 10), ("AI 바우처", 9), ("ＡＩ", 4), ("科學", 4),
    ("\u1100\u1161", 2),  # conjoining jamo: leading consonant wide, vowel combining
    ("e\u0301", 1), ("a\u200bb", 2), ("", 0),
])
def test_display_width(text, width):
    assert display_width(text) == width


def test_long_cells_are_cut_by_display_width():
    res = Results(("sentence",), ((pyoxigraph.Literal("가" * 40),), (pyoxigraph.Literal("a" * 70),)))
    assert format_table(res).splitlines() == [
        "sentence", "-" * 60, "가" * 28 + "...", "a" * 57 + "...", "(2 rows)"]


def test_every_saved_query_declares_what_it_binds():
    """A variable a query tests with BOUND() or compares to a literal it never binds
    itself is a parameter, and must be declared."""
    for q in list_queries():
        for p in q.params:
            assert f"?{p.name}" in q.text, (q.name, p.name)
            assert p.example and p.description
