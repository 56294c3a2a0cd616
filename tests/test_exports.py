"""Exports for graph databases, each loaded for real: N-Triples, N-Quads and JSON-LD into
pyoxigraph (and rdflib), GraphML into networkx, the Neo4j CSVs into an embedded Cypher
database (LadybugDB, the successor of Kùzu; Kùzu itself as a fallback)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg.export.propertygraph import (NODE_HEADER, RELATIONSHIP_HEADER, relationship_type,
                                     render_graphml, render_neo4j)
from kg.export.rdf import render_jsonld, render_nquads, render_ntriples
from kg.export.turtle import render_turtle
from kg.graph import ENT, GraphData, doc_iris, evidence_iri, to_networkx, to_rdf
from kg.types import Document, Entity, Evidence, Money, Relation

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-ko/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
INVESTMENTS = PREFIXES + """
# DISTINCT: over a union of named graphs a triple stated by two documents is seen twice
SELECT DISTINCT ?o ?i ?investor ?investment ?value ?currency WHERE {
  ?o kg:invests ?i .
  ?o rdfs:label ?investor .
  ?i rdfs:label ?investment .
  OPTIONAL { ?i schema:amount ?a . ?a schema:value ?value ; schema:currency ?currency }
}"""
CYPHER_INVESTMENTS = "MATCH (o)-[:INVESTS]->(i) RETURN o.label, i.label, i.amount"


# ---------------------------------------------------------------- fixtures and helpers

@pytest.fixture(scope="module")
def data(seeds_result) -> GraphData:
    return seeds_result.data


@pytest.fixture(scope="module")
def rdf(data) -> Graph:
    return to_rdf(data)


@pytest.fixture(scope="module")
def turtle_store(rdf) -> ox.Store:
    store = ox.Store()
    store.load(render_turtle(rdf), format=ox.RdfFormat.TURTLE)
    return store


def _store(payload: bytes, fmt: ox.RdfFormat) -> ox.Store:
    store = ox.Store()
    store.load(payload, format=fmt)
    return store


def _triples(store: ox.Store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store}


def _investments(store: ox.Store, union: bool = False) -> list[tuple]:
    rows = store.query(INVESTMENTS, use_default_graph_as_union=union)
    return sorted((r["investor"].value, r["investment"].value,
                   int(r["value"].value) if r["value"] else None,
                   r["currency"].value if r["currency"] else None) for r in rows)


def _csv_rows(payload: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8"), newline="")))


def tricky_data() -> GraphData:
    """Korean text with commas, quotes, semicolons, line breaks and backslashes."""
    d1 = Document("a.txt", "a.txt", '제목, "따옴표"', "본문", "0" * 64)
    d2 = Document("b;c.txt", "b;c.txt", "둘째\n기사", "본문", "1" * 64)
    org = Entity("organization-1", "Organization", '과학기술정보통신부, "과기정통부"',
                 ("과기정통부", "MSIT;KR", 'a "b", c\\d'), ("a.txt", "b;c.txt"))
    inv = Entity("investment-1", "Investment", "383억원", (), ("a.txt",),
                 money=Money(38300000000, "KRW", "383억원"), phrase="383억원을 투입해")
    person = Entity("person-1", "Person", "홍길동", (), ("b;c.txt",), role="국장,\n과장")
    rel = Relation("organization-1", "invests", "investment-1",
                   (Evidence("a.txt", 0, 40, '정부는 "AI", 데이터에\n383억원을 투입한다.'),))
    aff = Relation("person-1", "affiliatedWith", "organization-1",
                   (Evidence("b;c.txt", 5, 9, "홍길동 국장은; 말했다"),
                    Evidence("a.txt", 1, 2, "둘째 근거")))
    return GraphData((d1, d2), (org, inv, person), (rel, aff), {})


# ---------------------------------------------------------------- RDF

def test_ntriples_load_like_the_turtle(rdf, turtle_store):
    nt = render_ntriples(rdf)
    store = _store(nt, ox.RdfFormat.N_TRIPLES)
    assert len(store) == len(turtle_store) == len(rdf)
    assert _triples(store) == _triples(turtle_store)
    assert _investments(store) == _investments(turtle_store)
    assert _investments(turtle_store), "the seeds state investments"
    g = Graph()
    g.parse(data=nt.decode("utf-8"), format="nt")
    assert len(g) == len(rdf)
    assert set(g) == set(rdf)


def test_ntriples_lines_sorted(rdf):
    lines = render_ntriples(rdf).splitlines()
    assert lines == sorted(lines) and len(lines) == len(rdf)


def test_nquads_union_is_the_turtle(data, rdf, turtle_store):
    store = _store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)
    assert len(_triples(store)) == len(turtle_store)
    assert _triples(store) == _triples(turtle_store)
    assert _investments(store, union=True) == _investments(turtle_store)


def test_nquads_one_named_graph_per_document(data, rdf):
    store = _store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {str(iri) for iri in doc_iris(data.documents).values()}
    assert len(graphs) == len(data.documents)
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    # each document's graph holds its own node and evidence, and nothing of another's
    for iri in doc_iris(data.documents).values():
        documents = store.query(PREFIXES + f"SELECT ?d WHERE {{ GRAPH <{iri}> "
                                "{ ?d a kg:Document } }")
        assert {row["d"].value for row in documents} == {str(iri)}
        derived = list(store.query(PREFIXES + f"SELECT ?d WHERE {{ GRAPH <{iri}> "
                                   "{ ?st prov:wasDerivedFrom ?d } }"))
        assert {row["d"].value for row in derived} == {str(iri)}
        mentioned = store.query(PREFIXES + f"SELECT ?d WHERE {{ GRAPH <{iri}> "
                                "{ ?e kg:mentionedIn ?d } }")
        assert {row["d"].value for row in mentioned} == {str(iri)}


def test_dropping_a_document_graph(data, rdf):
    store = _store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)
    docs = doc_iris(data.documents)
    mentions = {}
    for e in data.entities:
        for d in e.docs:
            mentions.setdefault(d, []).append(e)
    # the document with entities of its own and shared ones
    doc_id = max(mentions, key=lambda d: (sum(len(e.docs) > 1 for e in mentions[d]), d))
    iri = str(docs[doc_id])
    own = [e for e in mentions[doc_id] if e.docs == (doc_id,)]
    shared = [e for e in mentions[doc_id] if len(e.docs) > 1]
    assert own and shared
    evidenced_here = [r for r in data.relations if {ev.doc_id for ev in r.evidence} == {doc_id}]
    evidenced_elsewhere = [r for r in data.relations
                           if any(ev.doc_id != doc_id for ev in r.evidence)]
    assert evidenced_here and evidenced_elsewhere

    store.update(f"DROP GRAPH <{iri}>")

    def ask(query: str) -> bool:
        return store.query(PREFIXES + "ASK { " + query + " }", use_default_graph_as_union=True)

    doc = f"<{iri}>"
    assert not ask(f"{doc} ?p ?o") and not ask(f"?s ?p {doc}")
    assert not ask(f"?st prov:wasDerivedFrom {doc}")
    for e in own:
        assert not ask(f"<{ENT[e.key]}> ?p ?o"), e
    for e in shared:
        assert ask(f"<{ENT[e.key]}> a kg:{e.type} ; rdfs:label ?l ; kg:mentionedIn ?d"), e
        assert not ask(f"<{ENT[e.key]}> kg:mentionedIn {doc}")
    for r in evidenced_here:
        assert not ask(f"<{ENT[r.subject]}> kg:{r.predicate} <{ENT[r.object]}>"), r
    for r in evidenced_elsewhere:
        assert ask(f"<{ENT[r.subject]}> kg:{r.predicate} <{ENT[r.object]}>"), r
    # every evidence record left is whole: its selectors stayed with it
    left = store.query(PREFIXES + """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st prov:wasDerivedFrom ?d ;
          oa:hasSelector [ oa:exact ?x ], [ oa:start ?s ] }""", use_default_graph_as_union=True)
    # one record per (relation, document, sentence span): evidence differing only in its
    # cue is one record in RDF
    expected = len({evidence_iri(r.subject, r.predicate, r.object, ev)
                    for r in data.relations for ev in r.evidence if ev.doc_id != doc_id})
    assert int(next(iter(left))["n"].value) == expected


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_loads_like_the_turtle(rdf, turtle_store):
    payload = render_jsonld(rdf)
    doc = json.loads(payload)
    assert set(doc["@context"]) >= {"kg", "ent", "doc", "schema", "skos", "rdfs", "prov", "oa",
                                    "dcterms", "xsd"}
    assert all(isinstance(v, str) for v in doc["@context"].values())
    assert doc["@graph"][0]["@id"].startswith(("doc:", "ent:"))
    store = _store(payload, ox.RdfFormat.JSON_LD)
    assert len(store) == len(turtle_store)
    assert _triples(store) == _triples(turtle_store)
    assert _investments(store) == _investments(turtle_store)
    g = Graph()
    g.parse(data=payload.decode("utf-8"), format="json-ld")
    assert len(g) == len(rdf)
    assert set(g) == set(rdf)


def test_tricky_text_round_trips_in_rdf():
    data = tricky_data()
    rdf = to_rdf(data)
    want = _triples(_store(render_turtle(rdf), ox.RdfFormat.TURTLE))
    assert _triples(_store(render_ntriples(rdf), ox.RdfFormat.N_TRIPLES)) == want
    assert _triples(_store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)) == want
    assert _triples(_store(render_jsonld(rdf), ox.RdfFormat.JSON_LD)) == want


# ---------------------------------------------------------------- GraphML

def test_graphml_reads_back(data):
    view = to_networkx(data)
    payload = render_graphml(view)
    back = nx.read_graphml(io.BytesIO(payload))
    assert back.number_of_nodes() == view.number_of_nodes()
    assert back.number_of_edges() == view.number_of_edges()
    assert set(back.nodes) == set(view.nodes)
    node = next(n for n, a in view.nodes(data=True) if a.get("amount"))
    assert back.nodes[node]["amount"] == view.nodes[node]["amount"]
    assert json.loads(back.nodes[node]["docs"]) == view.nodes[node]["docs"]
    u, v, k = next(iter(view.edges(keys=True)))
    assert json.loads(back.edges[u, v, k]["evidence"]) == json.loads(
        json.dumps(view.edges[u, v, k]["evidence"]))


# ---------------------------------------------------------------- Neo4j CSVs

def test_neo4j_headers_are_what_neo4j_admin_expects(data):
    out = render_neo4j(data)
    assert set(out) == {"neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/load.cypher"}
    nodes_header = out["neo4j/nodes.csv"].split(b"\n", 1)[0].decode()
    rels_header = out["neo4j/relationships.csv"].split(b"\n", 1)[0].decode()
    assert nodes_header == ("id:ID,label,aliases:string[],docs:string[],amount:long,currency,"
                            "role,:LABEL")
    assert rels_header == ":START_ID,:END_ID,:TYPE,evidence,docs:string[]"
    assert tuple(nodes_header.split(",")) == NODE_HEADER
    assert tuple(rels_header.split(",")) == RELATIONSHIP_HEADER
    # neo4j-admin's header grammar: name:type, :ID, :LABEL, :START_ID, :END_ID, :TYPE
    for field in NODE_HEADER + RELATIONSHIP_HEADER:
        assert re.fullmatch(r"[a-z]*(:(ID|LABEL|START_ID|END_ID|TYPE|string\[\]|long))?", field)
    nodes, rels = _csv_rows(out["neo4j/nodes.csv"]), _csv_rows(out["neo4j/relationships.csv"])
    assert len(nodes) == len(data.entities) and len(rels) == len(data.relations)
    assert {r[":LABEL"] for r in nodes} == {e.type for e in data.entities}
    ids = {r["id:ID"] for r in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert {"INVESTS", "FUNDS_TARGET", "PARTNERS_WITH"} <= {r[":TYPE"] for r in rels}
    assert relationship_type("fundsTarget") == "FUNDS_TARGET"
    assert relationship_type("affiliatedWith") == "AFFILIATED_WITH"


def test_load_cypher_covers_every_label_and_type(data):
    out = render_neo4j(data)
    script = out["neo4j/load.cypher"].decode("utf-8")
    nodes, rels = _csv_rows(out["neo4j/nodes.csv"]), _csv_rows(out["neo4j/relationships.csv"])
    types = {r["id:ID"]: r[":LABEL"] for r in nodes}
    assert "apoc." not in script.lower()
    statements = [s.strip() for s in re.sub(r"^//.*$", "", script, flags=re.M).split(";")
                  if s.strip()]
    loads = [s for s in statements if s.startswith("LOAD CSV WITH HEADERS FROM")]
    for label in {r[":LABEL"] for r in nodes}:
        assert any("'file:///nodes.csv'" in s and f"= '{label}'" in s
                   and f"MERGE (n:`{label}` {{id: row.`id:ID`}})" in s for s in loads), label
        assert f"FOR (n:`{label}`) REQUIRE n.id IS UNIQUE" in script
    for r in rels:
        start, end = types[r[":START_ID"]], types[r[":END_ID"]]
        assert any(f"= '{r[':TYPE']}'" in s and f"(s:`{start}` " in s and f"(o:`{end}` " in s
                   and f"MERGE (s)-[r:`{r[':TYPE']}`]->(o)" in s for s in loads), r
    # every column the script reads exists in the CSVs
    for column in set(re.findall(r"row\.`([^`]+)`", script)):
        assert column in NODE_HEADER + RELATIONSHIP_HEADER, column


def _cypher_db(tmp_path):
    import ladybug as engine  # the test extra installs it; a missing engine fails the test

    db = engine.Database(str(tmp_path / "graph.db"))
    return engine, engine.Connection(db)


def _rows(result) -> list[list]:
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def load_into_cypher_db(conn, files: dict[str, bytes]) -> None:
    """The Neo4j CSVs into Kùzu-style tables: one node table per :LABEL and one rel table
    per :TYPE, rows read with the csv module and created with parameters."""
    nodes = _csv_rows(files["neo4j/nodes.csv"])
    rels = _csv_rows(files["neo4j/relationships.csv"])
    label_of = {r["id:ID"]: r[":LABEL"] for r in nodes}

    def array(text: str) -> list[str]:
        return text.split(";") if text else []

    for label in sorted({r[":LABEL"] for r in nodes}):
        conn.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, label STRING, "
                     "aliases STRING[], docs STRING[], amount INT64, currency STRING, "
                     "role STRING)")
    for r in nodes:
        conn.execute(f"CREATE (:{r[':LABEL']} {{id: $id, label: $label, aliases: $aliases, "
                     "docs: $docs, amount: $amount, currency: $currency, role: $role})",
                     {"id": r["id:ID"], "label": r["label"],
                      "aliases": array(r["aliases:string[]"]),
                      "docs": array(r["docs:string[]"]),
                      "amount": int(r["amount:long"]) if r["amount:long"] else None,
                      "currency": r["currency"] or None, "role": r["role"] or None})
    pairs: dict[str, set] = {}
    for r in rels:
        pairs.setdefault(r[":TYPE"], set()).add((label_of[r[":START_ID"]],
                                                 label_of[r[":END_ID"]]))
    for rel_type, ends in sorted(pairs.items()):
        froms = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(ends))
        conn.execute(f"CREATE REL TABLE {rel_type}({froms}, evidence STRING, docs STRING[])")
    for r in rels:
        start, end = label_of[r[":START_ID"]], label_of[r[":END_ID"]]
        conn.execute(f"MATCH (s:{start} {{id: $s}}), (o:{end} {{id: $o}}) "
                     f"CREATE (s)-[:{r[':TYPE']} {{evidence: $ev, docs: $docs}}]->(o)",
                     {"s": r[":START_ID"], "o": r[":END_ID"], "ev": r["evidence"],
                      "docs": array(r["docs:string[]"])})


def test_neo4j_csvs_load_into_cypher_db(tmp_path, data, turtle_store):
    engine, conn = _cypher_db(tmp_path)
    files = render_neo4j(data)
    load_into_cypher_db(conn, files)
    count = _rows(conn.execute("MATCH (n) RETURN count(n)"))[0][0]
    assert count == len(data.entities)
    assert _rows(conn.execute("MATCH ()-[r]->() RETURN count(r)"))[0][0] == len(data.relations)
    got = sorted(tuple(row) for row in _rows(conn.execute(CYPHER_INVESTMENTS)))
    want = sorted((o, i, v) for o, i, v, _ in _investments(turtle_store))
    assert got and got == want
    currencies = sorted(tuple(r) for r in _rows(conn.execute(
        "MATCH (o)-[:INVESTS]->(i) RETURN o.label, i.label, i.amount, i.currency")))
    assert currencies == _investments(turtle_store)
    # docs arrays and the evidence sentence survive
    rel = data.relations[0]
    rows = _rows(conn.execute(
        f"MATCH (s {{id: $s}})-[r:{relationship_type(rel.predicate)}]->(o {{id: $o}}) "
        "RETURN r.evidence, r.docs", {"s": rel.subject, "o": rel.object}))
    assert rows == [[rel.evidence[0].text, sorted({ev.doc_id for ev in rel.evidence})]]


def test_tricky_text_round_trips_in_csv(tmp_path):
    data = tricky_data()
    files = render_neo4j(data)
    nodes = {r["id:ID"]: r for r in _csv_rows(files["neo4j/nodes.csv"])}
    org = nodes["organization-1"]
    assert org["label"] == '과학기술정보통신부, "과기정통부"'
    assert org["aliases:string[]"].split(";") == ["과기정통부", "MSIT；KR", 'a "b", c\\d']
    assert org["docs:string[]"].split(";") == ["a.txt", "b；c.txt"]
    assert nodes["person-1"]["role"] == "국장,\n과장"
    assert nodes["investment-1"]["amount:long"] == "38300000000"
    rels = _csv_rows(files["neo4j/relationships.csv"])
    aff = next(r for r in rels if r[":TYPE"] == "AFFILIATED_WITH")
    assert aff["evidence"] == "둘째 근거"  # the first evidence: sorted by document
    assert aff["docs:string[]"] == "a.txt;b；c.txt"
    engine, conn = _cypher_db(tmp_path)
    load_into_cypher_db(conn, files)
    got = _rows(conn.execute(CYPHER_INVESTMENTS))
    assert got == [['과학기술정보통신부, "과기정통부"', "383억원", 38300000000]]
    ev = _rows(conn.execute("MATCH ()-[r:INVESTS]->() RETURN r.evidence"))
    assert ev == [['정부는 "AI", 데이터에\n383억원을 투입한다.']]


# ---------------------------------------------------------------- determinism

def test_rendering_is_deterministic(data):
    shuffled = GraphData(tuple(reversed(data.documents)), tuple(reversed(data.entities)),
                         tuple(reversed(data.relations)), dict(data.known_aliases))
    outputs = []
    for d in (data, data, shuffled):
        rdf = to_rdf(d)
        outputs.append((render_ntriples(rdf), render_nquads(d, rdf), render_jsonld(rdf),
                        render_graphml(to_networkx(d)), render_neo4j(d)))
    assert outputs[0] == outputs[1] == outputs[2]


def test_relation_without_evidence_goes_to_the_default_graph():
    data = tricky_data()
    bare = replace(data, relations=data.relations + (
        Relation("organization-1", "partnersWith", "organization-1", ()),))
    rdf = to_rdf(bare)
    store = _store(render_nquads(bare, rdf), ox.RdfFormat.N_QUADS)
    assert _triples(store) == _triples(_store(render_ntriples(rdf), ox.RdfFormat.N_TRIPLES))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert [str(q.predicate.value) for q in default] == [
        "https://w3id.org/kg-ko/ontology#partnersWith"]
    assert {g.value for g in store.named_graphs()} == {
        str(iri) for iri in doc_iris(bare.documents).values()}
