"""Neo4j: CSVs for `neo4j-admin database import full`, the constraints to create after
it, and a LOAD CSV script for a running server.

``neo4j/nodes.csv``, one row per entity::

    id:ID,label,aliases:string[],docs:string[],amount:long,currency,year:int,role,:LABEL

``id`` is the local name of the entity's IRI (``ent:`` + id), ``:LABEL`` its type
(Organization, Investment, ...), ``docs`` the file names of the documents that mention
it; ``amount`` (base units), ``currency`` (ISO 4217) and ``year`` are set on
Investments, ``role`` on Persons.

``neo4j/relationships.csv``, one row per relation::

    :START_ID,:END_ID,:TYPE,sentences:string[],sentence_docs:string[],
    sentence_starts:long[],sentence_ends:long[],docs:string[]

``:TYPE`` is the predicate in UPPER_SNAKE (invests -> INVESTS); ``sentences`` every
sentence that states it, in document order, with the document of each
(``sentence_docs``) and its character offsets in that document's text
(``sentence_starts``, ``sentence_ends``, into OUTDIR/text/); ``docs`` the distinct documents.
partnersWith is one relationship, from the smaller id to the larger; match it
undirected.

Arrays use ``;``, neo4j-admin's default array delimiter, which cannot be escaped: a
``;`` inside an element is written as the full-width ``；`` (the Kùzu CSVs and the RDF
keep the text exactly). The CSVs are RFC 4180 (quotes doubled, UTF-8, no BOM); a
sentence or role may hold a line break, hence ``--multiline-fields=true``::

    neo4j-admin database import full --nodes=nodes.csv \\
        --relationships=relationships.csv --multiline-fields=true neo4j
    cypher-shell -f constraints.cypher

neo4j-admin creates no constraints; ``neo4j/constraints.cypher`` makes ``id`` unique per
label. ``neo4j/load.cypher`` loads the same CSVs into a running Neo4j 5 without APOC
(the constraints, then MERGE by id, so running it again changes nothing).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO

from kg.export.propertygraph import PGEdge, PGNode, pg_edges, pg_nodes, relationship_type
from kg.graph import GraphData

NODE_HEADER = ("id:ID", "label", "aliases:string[]", "docs:string[]", "amount:long",
               "currency", "year:int", "role", ":LABEL")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "sentences:string[]",
                       "sentence_docs:string[]", "sentence_starts:long[]",
                       "sentence_ends:long[]", "docs:string[]")
ARRAY_DELIMITER = ";"


def _array(values) -> str:
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "\uff1b") for v in values)


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _optional(value) -> str:
    return "" if value is None else str(value)


def node_row(n: PGNode) -> tuple:
    return (n.id, n.label, _array(n.aliases), _array(n.docs), _optional(n.amount),
            _optional(n.currency), _optional(n.year), _optional(n.role), n.type)


def relationship_row(e: PGEdge) -> tuple:
    return (e.source, e.target, relationship_type(e.predicate), _array(e.sentences),
            _array(e.sentence_docs), _array(e.starts), _array(e.ends), _array(e.docs))


def neo4j_rows(data: GraphData) -> tuple[list[tuple], list[tuple]]:
    """The rows of nodes.csv and relationships.csv (without headers), sorted."""
    return list(map(node_row, pg_nodes(data))), list(map(relationship_row, pg_edges(data)))


def csv_writer(out: IO[str]):
    """The CSV dialect of every file here (RFC 4180, \\n line ends)."""
    return csv.writer(out, lineterminator="\n")


def _name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _constraints(labels) -> list[str]:
    return [f"CREATE CONSTRAINT {_name(label.lower() + '_id')} IF NOT EXISTS "
            f"FOR (n:{_name(label)}) REQUIRE n.id IS UNIQUE;" for label in labels]


def _split(column: str, to_integer: bool = False) -> str:
    split = f"split(row.{_name(column)}, '{ARRAY_DELIMITER}')"
    if to_integer:
        return f"[x IN {split} | toInteger(x)]"
    return split


def _load_cypher(labels: list[str], kinds: list[tuple[str, str, str]]) -> str:
    nodes_url, rels_url = _string("file:///nodes.csv"), _string("file:///relationships.csv")
    parts = [
        "// Loads nodes.csv and relationships.csv, copied into the import directory of a",
        "// running Neo4j 5, without APOC:  cypher-shell -f load.cypher",
        "// Running it again changes nothing (MERGE). For an empty database the offline",
        "// import is faster (then run constraints.cypher):",
        "//   neo4j-admin database import full --nodes=nodes.csv \\",
        "//     --relationships=relationships.csv --multiline-fields=true neo4j",
        "",
        *_constraints(labels),
        "",
    ]
    for label in labels:
        parts += [
            f"LOAD CSV WITH HEADERS FROM {nodes_url} AS row",
            f"WITH row WHERE row.`:LABEL` = {_string(label)}",
            f"MERGE (n:{_name(label)} {{id: row.`id:ID`}})",
            "SET n.label = row.label,",
            f"    n.aliases = {_split('aliases:string[]')},",
            f"    n.docs = {_split('docs:string[]')},",
            "    n.amount = toInteger(row.`amount:long`),",
            "    n.currency = row.currency,",
            "    n.year = toInteger(row.`year:int`),",
            "    n.role = row.role;",
            "",
        ]
    for rel_type, start, end in kinds:
        parts += [
            f"LOAD CSV WITH HEADERS FROM {rels_url} AS row",
            f"WITH row WHERE row.`:TYPE` = {_string(rel_type)}",
            f"MATCH (s:{_name(start)} {{id: row.`:START_ID`}})",
            f"MATCH (o:{_name(end)} {{id: row.`:END_ID`}})",
            f"MERGE (s)-[r:{_name(rel_type)}]->(o)",
            f"SET r.sentences = {_split('sentences:string[]')},",
            f"    r.sentence_docs = {_split('sentence_docs:string[]')},",
            f"    r.sentence_starts = {_split('sentence_starts:long[]', True)},",
            f"    r.sentence_ends = {_split('sentence_ends:long[]', True)},",
            f"    r.docs = {_split('docs:string[]')};",
            "",
        ]
    return "\n".join(parts)


def scripts(labels: Iterable[str], kinds: Iterable[tuple[str, str, str]]) -> dict[str, bytes]:
    """constraints.cypher and load.cypher for these node labels and (relationship type,
    start label, end label) kinds."""
    labels, kinds = sorted(set(labels)), sorted(set(kinds))
    constraints = ["// After `neo4j-admin database import full`, which creates no constraints:",
                   "//   cypher-shell -f constraints.cypher", *_constraints(labels), ""]
    return {"neo4j/constraints.cypher": "\n".join(constraints).encode("utf-8"),
            "neo4j/load.cypher": _load_cypher(labels, kinds).encode("utf-8")}


def kinds_of(data: GraphData) -> tuple[list[str], list[tuple[str, str, str]]]:
    types = {e.key: e.type for e in data.entities}
    return (sorted(set(types.values())),
            sorted({(relationship_type(r.predicate), types[r.subject], types[r.object])
                    for r in data.relations}))


def render_neo4j(data: GraphData) -> dict[str, bytes]:
    """neo4j/nodes.csv, relationships.csv, constraints.cypher and load.cypher -> bytes."""
    nodes, rels = neo4j_rows(data)
    return {
        "neo4j/nodes.csv": _csv(NODE_HEADER, nodes),
        "neo4j/relationships.csv": _csv(RELATIONSHIP_HEADER, rels),
        **scripts(*kinds_of(data)),
    }
