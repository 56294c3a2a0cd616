"""kg eval --by-rule and --by-genre on a small graph written for them."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.report import RuleCounts, evaluate_breakdown
from kg.cli import main

GRAPH = """\
@prefix kg: <https://w3id.org/kg-ko/ontology#> .
@prefix ent: <https://w3id.org/kg-ko/id/> .
@prefix doc: <https://w3id.org/kg-ko/doc/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .

ent:a a kg:Organization ; rdfs:label "과학기술정보통신부"@ko ; kg:extractedBy "lexicon" ;
    kg:mentionedIn doc:budget-01 .
ent:b a kg:Program ; rdfs:label "AI 바우처 사업"@ko ; kg:extractedBy "cue", "quote" ;
    kg:mentionedIn doc:budget-01 .
ent:c a kg:Organization ; rdfs:label "협회"@ko ; kg:extractedBy "suffix" ;
    kg:mentionedIn doc:event-01 .
ent:d a kg:Organization ; rdfs:label "행정안전부"@ko ; kg:extractedBy "lexicon" ;
    kg:mentionedIn doc:event-01 .
ent:a kg:operates ent:b .
ent:a kg:supports ent:b .
ent:c kg:partnersWith ent:d .
ent:s1 a rdf:Statement ; rdf:subject ent:a ; rdf:predicate kg:operates ; rdf:object ent:b ;
    prov:wasDerivedFrom doc:budget-01 ; kg:extractedBy "operation" .
ent:s2 a rdf:Statement ; rdf:subject ent:a ; rdf:predicate kg:supports ; rdf:object ent:b ;
    prov:wasDerivedFrom doc:budget-01 ; kg:extractedBy "operation-supports" .
ent:s3 a rdf:Statement ; rdf:subject ent:c ; rdf:predicate kg:partnersWith ; rdf:object ent:d ;
    prov:wasDerivedFrom doc:event-01 ; kg:extractedBy "partner" .
"""

GOLD = {
    "budget-01": {"entities": [
        {"id": "e1", "type": "Organization", "name": "과학기술정보통신부", "aliases": []},
        {"id": "e2", "type": "Program", "name": "AI 바우처 사업", "aliases": []},
        {"id": "e3", "type": "Investment", "name": "450억원", "amount": 45000000000,
         "currency": "KRW"}],
        "relations": [{"s": "e1", "p": "operates", "o": "e2"}]},
    "event-01": {"entities": [
        {"id": "e1", "type": "Organization", "name": "행정안전부", "aliases": []}],
        "relations": []},
}


def _write(tmp_path: Path) -> tuple[Path, Path]:
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    for stem, body in GOLD.items():
        (gold / f"{stem}.json").write_text(json.dumps({"doc": f"{stem}.txt", **body},
                                                      ensure_ascii=False), encoding="utf-8")
    return graph, gold


def test_each_rule_is_credited_with_what_it_made(tmp_path):
    rules, genres = evaluate_breakdown(*_write(tmp_path))
    assert rules.entities == {"cue": RuleCounts(1, 0), "lexicon": RuleCounts(2, 0),
                              "quote": RuleCounts(1, 0), "suffix": RuleCounts(0, 1)}
    assert rules.relations == {"operation": RuleCounts(1, 0, 0),
                               "operation-supports": RuleCounts(0, 0, 1),
                               "partner": RuleCounts(0, 1, 0)}
    assert rules.missed == {"Investment": 1}
    assert list(genres) == ["budget", "event"]
    assert genres["budget"].documents == 1
    assert genres["budget"].as_dict()["core/lenient"]["f1"] == 0.8   # 2 of 2 found, 3 gold
    assert genres["event"].as_dict()["core/lenient"]["f1"] == round(2 / 3, 3)


def test_the_command_prints_both_tables(tmp_path):
    graph, gold = _write(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(graph), "--gold", str(gold), "--by-rule",
                                       "--by-genre"])
    assert result.exit_code == 0, result.output
    tail = result.output.split("\n\n", 1)[1].splitlines()
    assert tail == [
        "genre        docs  core F1   rel F1  money",
        "budget          1    0.800    1.000  0.000",
        "event           1    0.667    0.000  0.000",
        "",
        "entity rules                    tp    fp  pair      P",
        "  suffix                         0     1     0  0.000",
        "  cue                            1     0     0  1.000",
        "  lexicon                        2     0     0  1.000",
        "  quote                          1     0     0  1.000",
        "relation rules                  tp    fp  pair      P",
        "  operation-supports             0     0     1  0.000",
        "  partner                        0     1     0  0.000",
        "  operation                      1     0     0  1.000",
        "gold entities missed, by type: Investment 1",
    ]
