"""Kùzu and LadybugDB (its successor): CSVs and one script that creates the tables and
loads them, run as it is, from the output folder::

    import ladybug                          # or kuzu
    conn = ladybug.Connection(ladybug.Database("graph.lbug"))
    conn.execute(open("kuzu/load.cypher", encoding="utf-8").read())

``kuzu/nodes.csv``: ``id,kind,label,aliases,docs,amount,currency,year,role`` (kind is the
node table: Organization, Investment ...); ``kuzu/relationships.csv``:
``source,target,type,source_kind,target_kind,sentences,sentence_docs,sentence_starts,
sentence_ends,docs``.
Plain headers, RFC 4180 quoting, and lists joined by U+001F (the unit separator, which
the input reader removes from every text, so that no name or sentence can hold it);
the script splits them into typed lists (STRING[], INT64[]). Nothing is lost: text is
written as it is, line breaks included (hence PARALLEL=FALSE, which Kùzu needs for
quoted line breaks).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

from kg.export.propertygraph import PGEdge, PGNode, pg_edges, pg_nodes, relationship_type
from kg.graph import GraphData

SEPARATOR = "\x1f"
NODE_COLUMNS = (("id", "STRING"), ("kind", "STRING"), ("label", "STRING"),
                ("aliases", "STRING"), ("docs", "STRING"), ("amount", "INT64"),
                ("currency", "STRING"), ("year", "INT64"), ("role", "STRING"))
REL_COLUMNS = (("source", "STRING"), ("target", "STRING"), ("type", "STRING"),
               ("source_kind", "STRING"), ("target_kind", "STRING"),
               ("sentences", "STRING"), ("sentence_docs", "STRING"),
               ("sentence_starts", "STRING"), ("sentence_ends", "STRING"), ("docs", "STRING"))
OPTIONS = "(HEADER=true, PARALLEL=FALSE)"


def _join(values) -> str:
    return SEPARATOR.join(str(v) for v in values)


def _optional(value) -> str:
    return "" if value is None else str(value)


def _csv(columns, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(name for name, _ in columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _list(column: str, integers: bool = False) -> str:
    split = f"string_split({column}, '{SEPARATOR}')"
    if integers:
        split = f"list_transform({split}, x -> CAST(x AS INT64))"
    empty = "CAST([], 'INT64[]')" if integers else "CAST([], 'STRING[]')"
    return f"CASE WHEN {column} IS NULL THEN {empty} ELSE {split} END"


def _load(path: str, columns) -> str:
    header = ", ".join(f"{name} {kind}" for name, kind in columns)
    return f"LOAD WITH HEADERS ({header}) FROM '{path}' {OPTIONS}"


def script(labels: Iterable[str], triples: Iterable[tuple[str, str, str]],
           nodes_path: str = "kuzu/nodes.csv", rels_path: str = "kuzu/relationships.csv") -> str:
    """load.cypher for these node labels and (relationship type, source label, target
    label) kinds."""
    labels = sorted(set(labels))
    kinds: dict[str, set] = {}
    for rel_type, a, b in triples:
        kinds.setdefault(rel_type, set()).add((a, b))
    lines = ["// Creates the node and relationship tables and loads kuzu/nodes.csv and",
             "// kuzu/relationships.csv; run from the output folder (paths are relative).", ""]
    for label in labels:
        lines.append(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, label STRING, "
                     "aliases STRING[], docs STRING[], amount INT64, currency STRING, "
                     "year INT64, role STRING);")
    for rel_type, pairs in sorted(kinds.items()):
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in sorted(pairs))
        lines.append(f"CREATE REL TABLE {rel_type}({ends}, sentences STRING[], "
                     "sentence_docs STRING[], sentence_starts INT64[], sentence_ends INT64[], "
                     "docs STRING[]);")
    lines.append("")
    for label in labels:
        lines.append(f"{_load(nodes_path, NODE_COLUMNS)} WITH * WHERE kind = '{label}' "
                     f"CREATE (:{label} {{id: id, label: label, aliases: {_list('aliases')}, "
                     f"docs: {_list('docs')}, amount: amount, currency: currency, year: year, "
                     "role: role});")
    for rel_type, pairs in sorted(kinds.items()):
        for a, b in sorted(pairs):
            lines.append(
                f"{_load(rels_path, REL_COLUMNS)} WITH * WHERE type = '{rel_type}' AND "
                f"source_kind = '{a}' AND target_kind = '{b}' "
                f"MATCH (s:{a} {{id: source}}), (o:{b} {{id: target}}) "
                f"CREATE (s)-[:{rel_type} {{sentences: {_list('sentences')}, "
                f"sentence_docs: {_list('sentence_docs')}, "
                f"sentence_starts: {_list('sentence_starts', True)}, "
                f"sentence_ends: {_list('sentence_ends', True)}, docs: {_list('docs')}}}]->(o);")
    lines.append("")
    return "\n".join(lines)


def node_row(n: PGNode) -> tuple:
    return (n.id, n.type, n.label, _join(n.aliases), _join(n.docs), _optional(n.amount),
            _optional(n.currency), _optional(n.year), _optional(n.role))


def relationship_row(e: PGEdge, types: Mapping[str, str]) -> tuple:
    return (e.source, e.target, relationship_type(e.predicate), types[e.source],
            types[e.target], _join(e.sentences), _join(e.sentence_docs), _join(e.starts),
            _join(e.ends), _join(e.docs))


def render_kuzu(data: GraphData) -> dict[str, bytes]:
    """kuzu/nodes.csv, kuzu/relationships.csv and kuzu/load.cypher -> bytes."""
    from kg.export.neo4j import kinds_of

    types = {e.key: e.type for e in data.entities}
    return {
        "kuzu/nodes.csv": _csv(NODE_COLUMNS, map(node_row, pg_nodes(data))),
        "kuzu/relationships.csv": _csv(REL_COLUMNS, (relationship_row(e, types)
                                                     for e in pg_edges(data))),
        "kuzu/load.cypher": script(*kinds_of(data)).encode("utf-8"),
    }
