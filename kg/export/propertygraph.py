"""Property graphs: GraphML (networkx) and Neo4j import CSVs with a LOAD CSV script.

Every function returns bytes that depend only on the graph (rows, nodes, edges
and attributes sorted), so two builds of the same input are byte-identical.

Neo4j
-----
``neo4j/nodes.csv``: one row per entity::

    id:ID,label,aliases:string[],docs:string[],amount:long,currency,role,:LABEL

``id`` is the entity key, the local name of its IRI (``ent:`` + id), ``:LABEL``
its type (Organization, Investment, ...), ``docs`` the file names of the
documents that mention it; ``amount`` (base units) and ``currency`` (ISO 4217)
are set on Investments, ``role`` on Persons.

``neo4j/relationships.csv``: one row per relation::

    :START_ID,:END_ID,:TYPE,evidence,docs:string[]

``:TYPE`` is the predicate in UPPER_SNAKE (invests -> INVESTS, fundsTarget ->
FUNDS_TARGET), ``evidence`` the first sentence stating it, ``docs`` the file
names of every document that states it. partnersWith is symmetric: it is one
relationship, from the smaller id to the larger; match it undirected.

Arrays use ``;``, neo4j-admin's default array delimiter, which cannot be
escaped: a ``;`` inside an element is written as the full-width ``；``.
The CSVs are RFC 4180 (csv module: quotes doubled, fields with commas, quotes
or line breaks quoted, UTF-8, no BOM). Offline import::

    neo4j-admin database import full --nodes=nodes.csv \\
        --relationships=relationships.csv --multiline-fields=true neo4j

``neo4j/load.cypher`` loads the same two files (in the server's import
directory) into a running Neo4j 5 without APOC: a uniqueness constraint per
label, one ``LOAD CSV`` per label (MERGE by id), one per relationship type and
endpoint labels (MERGE, so running it again changes nothing).
"""
from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx

from kg.graph import GraphData

NODE_HEADER = ("id:ID", "label", "aliases:string[]", "docs:string[]", "amount:long",
               "currency", "role", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "evidence", "docs:string[]")
ARRAY_DELIMITER = ";"


def _graphml_value(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _graphml_attrs(attrs: dict) -> dict:
    return {k: _graphml_value(attrs[k]) for k in sorted(attrs) if attrs[k] is not None}


def render_graphml(view: nx.MultiDiGraph) -> bytes:
    """GraphML of the networkx view; list and dict attributes as JSON strings."""
    g = nx.MultiDiGraph()
    g.graph.update(_graphml_attrs(view.graph))
    for node in sorted(view.nodes):
        g.add_node(node, **_graphml_attrs(view.nodes[node]))
    for u, v, key, attrs in sorted(view.edges(keys=True, data=True),
                                   key=lambda e: (e[0], e[1], str(e[2]))):
        g.add_edge(u, v, key=key, **_graphml_attrs(attrs))
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def relationship_type(predicate: str) -> str:
    """fundsTarget -> FUNDS_TARGET."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def _array(values) -> str:
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\uff1b") for v in values)


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def neo4j_rows(data: GraphData) -> tuple[list[tuple], list[tuple]]:
    """The rows of nodes.csv and relationships.csv (without headers), sorted."""
    nodes = []
    for e in sorted(data.entities, key=lambda e: e.key):
        money = e.money
        nodes.append((e.key, e.label, _array(e.aliases), _array(sorted(e.docs)),
                      "" if money is None else str(money.amount),
                      "" if money is None else money.currency,
                      e.role or "", e.type))
    relationships = []
    for r in data.relations:
        evidence = sorted(r.evidence, key=lambda ev: (ev.doc_id, ev.start, ev.end))
        relationships.append((r.subject, r.object, relationship_type(r.predicate),
                              evidence[0].text if evidence else "",
                              _array(sorted({ev.doc_id for ev in evidence}))))
    relationships.sort(key=lambda row: (row[0], row[2], row[1]))
    return nodes, relationships


def _cypher_name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _cypher_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _load_cypher(data: GraphData, nodes_file: str, relationships_file: str) -> str:
    types = {e.key: e.type for e in data.entities}
    labels = sorted(set(types.values()))
    rel_kinds = sorted({(relationship_type(r.predicate), types[r.subject], types[r.object])
                        for r in data.relations})
    col = {name: "row." + _cypher_name(name) for name in NODE_HEADER + RELATIONSHIP_HEADER}
    nodes_url = _cypher_string("file:///" + nodes_file)
    rels_url = _cypher_string("file:///" + relationships_file)
    parts = [
        "// Loads nodes.csv and relationships.csv, copied into the import directory of a",
        "// running Neo4j 5, without APOC:  cypher-shell -f load.cypher",
        "// Running it again changes nothing (MERGE). For an empty database, the offline",
        "// import is faster:",
        "//   neo4j-admin database import full --nodes=nodes.csv \\",
        "//     --relationships=relationships.csv --multiline-fields=true neo4j",
        "",
    ]
    for label in labels:
        name = _cypher_name(label)
        parts.append(f"CREATE CONSTRAINT {_cypher_name(label.lower() + '_id')} IF NOT EXISTS "
                     f"FOR (n:{name}) REQUIRE n.id IS UNIQUE;")
    parts.append("")
    for label in labels:
        name = _cypher_name(label)
        parts += [
            f"LOAD CSV WITH HEADERS FROM {nodes_url} AS row",
            f"WITH row WHERE {col[':LABEL']} = {_cypher_string(label)}",
            f"MERGE (n:{name} {{id: {col['id:ID']}}})",
            f"SET n.label = {col['label']},",
            f"    n.aliases = split({col['aliases:string[]']}, '{ARRAY_DELIMITER}'),",
            f"    n.docs = split({col['docs:string[]']}, '{ARRAY_DELIMITER}'),",
            f"    n.amount = toInteger({col['amount:long']}),",
            f"    n.currency = {col['currency']},",
            f"    n.role = {col['role']};",
            "",
        ]
    for rel_type, start, end in rel_kinds:
        parts += [
            f"LOAD CSV WITH HEADERS FROM {rels_url} AS row",
            f"WITH row WHERE {col[':TYPE']} = {_cypher_string(rel_type)}",
            f"MATCH (s:{_cypher_name(start)} {{id: {col[':START_ID']}}})",
            f"MATCH (o:{_cypher_name(end)} {{id: {col[':END_ID']}}})",
            f"MERGE (s)-[r:{_cypher_name(rel_type)}]->(o)",
            f"SET r.evidence = {col['evidence']},",
            f"    r.docs = split({col['docs:string[]']}, '{ARRAY_DELIMITER}');",
            "",
        ]
    return "\n".join(parts)


def render_neo4j(data: GraphData) -> dict[str, bytes]:
    """{"neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/load.cypher"} -> bytes."""
    nodes, relationships = neo4j_rows(data)
    return {
        "neo4j/nodes.csv": _csv(NODE_HEADER, nodes),
        "neo4j/relationships.csv": _csv(RELATIONSHIP_HEADER, relationships),
        "neo4j/load.cypher": _load_cypher(data, "nodes.csv", "relationships.csv")
        .encode("utf-8"),
    }
