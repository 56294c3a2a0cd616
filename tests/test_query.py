"""SPARQL over the seeds build: saved queries, formats, parameters, the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import list_queries, load_store, named_query, query_text, run


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
