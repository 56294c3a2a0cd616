"""Exports for graph databases, each loaded for real: N-Triples, N-Quads and JSON-LD into
pyoxigraph (and rdflib, pyld), GraphML into networkx, the Kùzu/Ladybug CSVs into both
embedded Cypher databases by their own script (tests/test_stores.py compares answers
across stores)."""
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

from kg.export.jsonld import render_jsonld
from kg.export.kuzu import render_kuzu
from kg.export.neo4j import NODE_HEADER, RELATIONSHIP_HEADER, render_neo4j
from kg.export.propertygraph import relationship_type, render_graphml
from kg.export.rdf import render_nquads, render_ntriples
from kg.export.turtle import render_turtle
from kg.graph import ENT, GraphData, doc_iris, evidence_iri, to_rdf
from kg.types import Document, Entity, Evidence, Money, Relation

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-ko/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
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


def _count(store: ox.Store, where: str) -> int:
    rows = store.query(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}",
                       use_default_graph_as_union=True)
    return int(next(iter(rows))["n"].value)


def test_nquads_hold_each_triple_once(data, rdf, turtle_store):
    payload = render_nquads(data, rdf)
    assert len(payload.splitlines()) == len(turtle_store)
    store = _store(payload, ox.RdfFormat.N_QUADS)
    assert len(store) == len(turtle_store)
    assert _triples(store) == _triples(turtle_store)
    # as a bag: a union of the graphs counts and sums what the Turtle does
    for where in ("?s ?p ?o", "?i schema:amount/schema:value ?v", "?e kg:mentionedIn ?d",
                  "?st a rdf:Statement"):
        assert _count(store, where) == _count(turtle_store, where), where
    total = PREFIXES + "SELECT (SUM(?v) AS ?t) WHERE { ?i schema:amount/schema:value ?v }"
    assert (next(iter(store.query(total, use_default_graph_as_union=True)))["t"]
            == next(iter(turtle_store.query(total)))["t"])


def test_nquads_layout(data, rdf):
    """A document's graph holds its node, its text, its mentions and its evidence; the
    default graph everything else (entity descriptions, relations, the dataset)."""
    store = _store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)
    docs = doc_iris(data.documents)
    assert {g.value for g in store.named_graphs()} == {str(i) for i in docs.values()}
    for doc_id, iri in docs.items():
        graph = ox.NamedNode(str(iri))
        subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, graph)}
        evidence = {str(evidence_iri(r.subject, r.predicate, r.object, ev)) + tail
                    for r in data.relations for ev in r.evidence if ev.doc_id == doc_id
                    for tail in ("", "-quote", "-position")}
        mentioned = {str(ENT[e.key]) for e in data.entities if doc_id in e.docs}
        assert subjects == {str(iri), f"https://w3id.org/kg-ko/text/{iri.rsplit('/', 1)[1]}.txt"
                            } | evidence | mentioned
        for q in store.quads_for_pattern(None, None, None, graph):
            if q.subject.value in mentioned:
                assert (q.predicate.value, q.object.value) == (
                    "https://w3id.org/kg-ko/ontology#mentionedIn", str(iri))
    default = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert not [q for q in default if q.predicate.value.endswith("#mentionedIn")]
    assert not [q for q in default if q.object.value.endswith("#Statement")]
    assert {q.subject.value for q in default} >= {str(ENT[e.key]) for e in data.entities}


def test_dropping_a_document_graph(data, rdf):
    store = _store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)
    doc_id = data.documents[2].id
    iri = str(doc_iris(data.documents)[doc_id])
    store.update(f"DROP GRAPH <{iri}>")

    def ask(query: str) -> bool:
        return store.query(PREFIXES + "ASK { " + query + " }", use_default_graph_as_union=True)

    assert not ask(f"<{iri}> ?p ?o")
    assert not ask(f"?st prov:wasDerivedFrom <{iri}>") and not ask(f"?e kg:mentionedIn <{iri}>")
    for e in data.entities:  # descriptions are the corpus's: they stay until it is replaced
        assert ask(f"<{ENT[e.key]}> a kg:{e.type} ; rdfs:label ?l"), e
    left = _count(store, "?st a rdf:Statement ; prov:wasDerivedFrom ?d ; "
                         "oa:hasSelector [ oa:exact ?x ], [ oa:start ?s ]")
    assert left == len({evidence_iri(r.subject, r.predicate, r.object, ev)
                        for r in data.relations for ev in r.evidence if ev.doc_id != doc_id})


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_gives_the_turtle_in_pyoxigraph_rdflib_and_pyld(rdf, turtle_store):
    from pyld import jsonld

    payload = render_jsonld(rdf)
    doc = json.loads(payload)
    store = _store(payload, ox.RdfFormat.JSON_LD)
    assert _triples(store) == _triples(turtle_store)
    g = Graph()
    g.parse(data=payload.decode("utf-8"), format="json-ld")
    assert set(g) == set(rdf)
    # pyld: offline (the context is inline; no document loader is called)
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    assert _triples(_store(nquads.encode(), ox.RdfFormat.N_QUADS)) == _triples(turtle_store)


def test_jsonld_is_shaped_for_web_developers(data, rdf):
    doc = json.loads(render_jsonld(rdf))
    ctx = doc["@context"]
    assert ctx["@language"] == "ko" and ctx["id"] == "@id" and ctx["type"] == "@type"
    assert ctx["label"] == "rdfs:label" and ctx["currency"] == {"@id": "schema:currency",
                                                               "@language": None}
    assert ctx["partnersWith"] == {"@id": "kg:partnersWith", "@type": "@id"}
    nodes = doc["@graph"]
    kinds = []
    for n in nodes:
        t = n["type"] if isinstance(n["type"], list) else [n["type"]]
        kinds.append("dataset" if "void:Dataset" in t else "document" if "Document" in t
                     else "evidence" if "Statement" in t else "entity")
    order = {"dataset": 0, "entity": 1, "document": 2, "evidence": 3}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    assert kinds.count("entity") == len(data.entities)
    inv = next(n for n in nodes if n["id"] == "ent:" + next(
        e.key for e in data.entities if e.label == "383억원"))
    assert inv["type"] == ["Investment", "schema:Intangible"]
    assert inv["label"] == "383억원"
    assert inv["amount"] == {"id": inv["id"] + "-amount", "type": "MonetaryAmount",
                             "currency": "KRW", "value": 38300000000}
    assert isinstance(inv["mentionedIn"], str)  # one value: not a list
    ev = next(n for n in nodes if "Statement" in n["type"])
    assert list(ev)[:5] == ["id", "type", "subject", "predicate", "object"]
    position = next(s for s in ev["selector"] if s["type"] == "TextPositionSelector")
    assert isinstance(position["start"], int) and isinstance(position["end"], int)


def test_tricky_text_round_trips_in_rdf():
    data = tricky_data()
    rdf = to_rdf(data)
    want = _triples(_store(render_turtle(rdf), ox.RdfFormat.TURTLE))
    assert _triples(_store(render_ntriples(rdf), ox.RdfFormat.N_TRIPLES)) == want
    assert _triples(_store(render_nquads(data, rdf), ox.RdfFormat.N_QUADS)) == want
    assert _triples(_store(render_jsonld(rdf), ox.RdfFormat.JSON_LD)) == want


# ---------------------------------------------------------------- evidence and description

OA_Q = PREFIXES + """
SELECT ?st ?source ?exact ?start ?end WHERE {
  ?st a rdf:Statement , oa:SpecificResource ; oa:hasSource ?source ;
      oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] ,
                     [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] }"""


def test_every_evidence_offset_addresses_its_quote_in_the_written_text(seeds_out):
    store = _store((seeds_out / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    rows = list(store.query(OA_Q))
    assert len(rows) == _count(store, "?st a rdf:Statement")
    base = "https://w3id.org/kg-ko/"
    for row in rows:
        source = row["source"].value
        assert source.startswith(base + "text/")
        text = (seeds_out / source[len(base):]).read_bytes().decode("utf-8")
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value, row["st"]
    # the datatype as written (Oxigraph's store reports derived integer types as xsd:integer)
    oa = "http://www.w3.org/ns/oa#"
    offsets = {t.object.datatype.value for t in ox.parse(path=str(seeds_out / "graph.ttl"))
               if t.predicate.value in (oa + "start", oa + "end")}
    assert offsets == {"http://www.w3.org/2001/XMLSchema#nonNegativeInteger"}


def test_standard_classes_are_stated(seeds_out):
    store = _store((seeds_out / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    for kg_class, standard in [("Organization", "http://www.w3.org/ns/org#Organization"),
                               ("Organization", "https://schema.org/Organization"),
                               ("Person", "https://schema.org/Person"),
                               ("Place", "https://schema.org/Place"),
                               ("Event", "https://schema.org/Event"),
                               ("Product", "https://schema.org/Product"),
                               ("Document", "http://www.w3.org/ns/prov#Entity")]:
        n = _count(store, f"?x a kg:{kg_class}")
        assert n and n == _count(store, f"?x a kg:{kg_class}, <{standard}>"), standard


def test_dataset_description(data, rdf, seeds_out):
    from kg.dataset import ontology_version

    store = _store((seeds_out / "graph.ttl").read_bytes(), ox.RdfFormat.TURTLE)
    rows = list(store.query("""
        PREFIX void: <http://rdfs.org/ns/void#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?ds ?n ?licence ?onto ?version WHERE {
          ?ds a void:Dataset , dcat:Dataset ; void:triples ?n ; dcterms:license ?licence ;
              dcterms:conformsTo ?onto ;
              prov:wasGeneratedBy/prov:wasAssociatedWith/schema:softwareVersion ?version }"""))
    assert len(rows) == 1
    row = rows[0]
    assert int(row["n"].value) == len(store)
    assert row["licence"].value == "https://www.apache.org/licenses/LICENSE-2.0"
    assert row["onto"].value == str(ontology_version()).rstrip() and "/ontology/" in row["onto"].value
    sources = {r["d"].value for r in store.query(
        f"SELECT ?d WHERE {{ <{row['ds'].value}> <http://purl.org/dc/terms/source> ?d }}")}
    assert sources == {str(i) for i in doc_iris(data.documents).values()}


# ---------------------------------------------------------------- GraphML

def test_graphml_has_typed_attributes_and_unique_edge_ids(data):
    import xml.etree.ElementTree as ET

    payload = render_graphml(data)
    root = ET.fromstring(payload)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == len(data.relations)
    types = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key", ns)
             if k.get("for") == "node"}
    assert types["amount"] == "long" and types["label"] == "string"
    back = nx.read_graphml(io.BytesIO(payload))
    assert back.number_of_nodes() == len(data.entities)
    inv = next(e for e in data.entities if e.label == "383억원")
    assert back.nodes[inv.key]["amount"] == 38300000000
    assert back.nodes[inv.key]["docs"].split("\n") == list(inv.docs)
    rel = next(r for r in data.relations if len(r.evidence) > 1)
    edge = next(a for u, v, a in back.edges(data=True) if (u, v) == (rel.subject, rel.object)
                and a["predicate"] == rel.predicate)
    assert edge["symmetric"] is (rel.predicate == "partnersWith")
    assert edge["sentences"] == len(rel.evidence)
    evidence = sorted(rel.evidence, key=lambda ev: (ev.doc_id, ev.start))
    assert [edge[f"sentence_{i + 1}"] for i in range(len(evidence))] == [
        ev.text for ev in evidence]
    assert [edge[f"start_{i + 1}"] for i in range(len(evidence))] == [ev.start for ev in evidence]
    assert b"True" not in payload and b"False" not in payload


# ---------------------------------------------------------------- Neo4j CSVs

def test_neo4j_headers_are_what_neo4j_admin_expects(data):
    out = render_neo4j(data)
    assert set(out) == {"neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/load.cypher",
                        "neo4j/constraints.cypher"}
    nodes_header = out["neo4j/nodes.csv"].split(b"\n", 1)[0].decode()
    rels_header = out["neo4j/relationships.csv"].split(b"\n", 1)[0].decode()
    assert nodes_header == ("id:ID,label,aliases:string[],docs:string[],amount:long,currency,"
                            "year:int,role,:LABEL")
    assert rels_header == (":START_ID,:END_ID,:TYPE,sentences:string[],sentence_docs:string[],"
                           "sentence_starts:long[],sentence_ends:long[],docs:string[]")
    assert tuple(nodes_header.split(",")) == NODE_HEADER
    assert tuple(rels_header.split(",")) == RELATIONSHIP_HEADER
    nodes, rels = _csv_rows(out["neo4j/nodes.csv"]), _csv_rows(out["neo4j/relationships.csv"])
    assert len(nodes) == len(data.entities) and len(rels) == len(data.relations)
    ids = {r["id:ID"] for r in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    # every sentence is kept, with its document and offsets
    assert sum(len(r["sentences:string[]"].split(";")) for r in rels) == sum(
        len(r.evidence) for r in data.relations)
    for r in rels:
        n = len(r["sentences:string[]"].split(";"))
        assert n == len(r["sentence_docs:string[]"].split(";")) == len(
            r["sentence_starts:long[]"].split(";")) == len(r["sentence_ends:long[]"].split(";"))
    labels = sorted({e.type for e in data.entities})
    constraints = out["neo4j/constraints.cypher"].decode()
    for label in labels:
        assert (f"CREATE CONSTRAINT `{label.lower()}_id` IF NOT EXISTS FOR (n:`{label}`) "
                "REQUIRE n.id IS UNIQUE;") in constraints
    assert relationship_type("fundsTarget") == "FUNDS_TARGET"


def test_load_cypher_reads_only_columns_that_exist(data):
    script = render_neo4j(data)["neo4j/load.cypher"].decode("utf-8")
    assert "apoc." not in script.lower()
    for column in set(re.findall(r"row\.`([^`]+)`", script)) | set(
            re.findall(r"row\.([a-z_]+)", script)):
        assert column in NODE_HEADER + RELATIONSHIP_HEADER, column


def test_tricky_text_in_csvs():
    data = tricky_data()
    files = render_neo4j(data)
    nodes = {r["id:ID"]: r for r in _csv_rows(files["neo4j/nodes.csv"])}
    org = nodes["organization-1"]
    assert org["label"] == '과학기술정보통신부, "과기정통부"'
    assert org["aliases:string[]"].split(";") == ["과기정통부", "MSIT；KR", 'a "b", c\\d']
    assert nodes["person-1"]["role"] == "국장,\n과장"
    kuzu = {r["id"]: r for r in _csv_rows(render_kuzu(data)["kuzu/nodes.csv"])}
    assert kuzu["organization-1"]["aliases"].split("\x1f") == ["과기정통부", "MSIT;KR",
                                                               'a "b", c\\d']


# ---------------------------------------------------------------- determinism

def test_rendering_is_deterministic(data):
    shuffled = GraphData(tuple(reversed(data.documents)), tuple(reversed(data.entities)),
                         tuple(reversed(data.relations)), dict(data.known_aliases))
    outputs = []
    for d in (data, data, shuffled):
        rdf = to_rdf(d)
        outputs.append((render_ntriples(rdf), render_nquads(d, rdf), render_jsonld(rdf),
                        render_graphml(d), render_neo4j(d), render_kuzu(d)))
    assert outputs[0] == outputs[1] == outputs[2]


def test_relation_without_evidence_is_in_the_default_graph_once():
    data = tricky_data()
    bare = replace(data, relations=data.relations + (
        Relation("organization-1", "partnersWith", "organization-1", ()),))
    rdf = to_rdf(bare)
    payload = render_nquads(bare, rdf)
    store = _store(payload, ox.RdfFormat.N_QUADS)
    assert len(payload.splitlines()) == len(rdf)
    assert _triples(store) == _triples(_store(render_ntriples(rdf), ox.RdfFormat.N_TRIPLES))
    partners = list(store.quads_for_pattern(
        None, ox.NamedNode("https://w3id.org/kg-ko/ontology#partnersWith"), None, None))
    assert [q.graph_name for q in partners] == [ox.DefaultGraph()]
