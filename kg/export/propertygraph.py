"""The property-graph view shared by the GraphML, Neo4j and Kùzu exports, and GraphML.

A node per entity (id = the local name of its IRI, its type, names, documents, and an
investment's amount), an edge per relation with every sentence that states it: the
sentences in document order, and parallel lists of their documents and character
offsets into the document's text (OUTDIR/text/<slug>.txt, as in the RDF evidence).
partnersWith is symmetric: one edge, from the smaller id to the larger.

GraphML (graph.graphml) is written here rather than by networkx, so that every edge has
a unique id (predicate:subject:object) and every attribute a declared type (string,
int, long, boolean written true/false). GraphML has no lists: names and document ids
(which never hold a line break) are one a line; an edge's sentences, which may, are
separate attributes sentence_1 ... sentence_N, each with its doc_N, start_N and end_N.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from kg.graph import GraphData, doc_iris
from kg.schema import load_schema
from kg.types import Entity


@dataclass(frozen=True)
class PGNode:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    docs: tuple[str, ...]                # file names of the documents that mention it
    amount: int | None = None
    currency: str | None = None
    year: int | None = None
    role: str | None = None


@dataclass(frozen=True)
class PGEdge:
    source: str
    target: str
    predicate: str                       # invests, fundsTarget, ...
    symmetric: bool
    sentences: tuple[str, ...]           # every stating sentence, in document order
    sentence_docs: tuple[str, ...]       # the document of each sentence
    starts: tuple[int, ...]              # its offsets in that document's text
    ends: tuple[int, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.sentence_docs)))

    @property
    def id(self) -> str:
        return f"{self.predicate}:{self.source}:{self.target}"


def relationship_type(predicate: str) -> str:
    """fundsTarget -> FUNDS_TARGET."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def pg_node(e: Entity) -> PGNode:
    money = e.money
    return PGNode(e.key, e.type, e.label, tuple(e.aliases), tuple(sorted(e.docs)),
                  money.amount if money else None, money.currency if money else None,
                  e.year, e.role)


def pg_nodes(data: GraphData) -> list[PGNode]:
    return [pg_node(e) for e in sorted(data.entities, key=lambda e: e.key)]


def pg_edge(s: str, p: str, o: str, sentences: Iterable[tuple[str, int, int, str]],
            symmetric: frozenset[str]) -> PGEdge:
    """The edge of a relation, from its sentences as (document, start, end, text) in
    document order."""
    sentences = list(sentences)
    return PGEdge(s, o, p, p in symmetric, tuple(x[3] for x in sentences),
                  tuple(x[0] for x in sentences), tuple(x[1] for x in sentences),
                  tuple(x[2] for x in sentences))


def pg_edges(data: GraphData) -> list[PGEdge]:
    symmetric = load_schema().symmetric
    out = []
    for r in data.relations:
        evidence = sorted(r.evidence, key=lambda ev: (ev.doc_id, ev.start, ev.end))
        out.append(pg_edge(r.subject, r.predicate, r.object,
                           ((ev.doc_id, ev.start, ev.end, ev.text) for ev in evidence), symmetric))
    out.sort(key=lambda e: (e.source, e.predicate, e.target))
    return out


def text_files(data: GraphData) -> dict[str, str]:
    """Document file name -> the path of its text in the output folder."""
    from kg.graph import text_path

    return {d: text_path(iri) for d, iri in doc_iris(data.documents).items()}


# ---------------------------------------------------------------- GraphML

_NODE_KEYS = (("type", "string"), ("label", "string"), ("aliases", "string"),
              ("docs", "string"), ("amount", "long"), ("currency", "string"),
              ("year", "int"), ("role", "string"))
_EDGE_KEYS = (("predicate", "string"), ("symmetric", "boolean"), ("docs", "string"),
              ("sentences", "int"))


def _data(key: str, value) -> str:
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    return f'<data key={quoteattr(key)}>{escape(text)}</data>'


def graphml_head(most: int) -> str:
    """The document's start and its keys, for edges stated by at most `most` sentences."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
             'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for name, kind in _NODE_KEYS:
        lines.append(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>')
    keys = list(_EDGE_KEYS)
    for i in range(1, most + 1):
        keys += [(f"sentence_{i}", "string"), (f"doc_{i}", "string"),
                 (f"start_{i}", "long"), (f"end_{i}", "long")]
    for name, kind in keys:
        lines.append(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="kg" edgedefault="directed">')
    return "\n".join(lines) + "\n"


GRAPHML_TAIL = "  </graph>\n</graphml>\n"


def graphml_node(n: PGNode) -> str:
    values = {"type": n.type, "label": n.label, "aliases": "\n".join(n.aliases),
              "docs": "\n".join(n.docs), "amount": n.amount, "currency": n.currency,
              "year": n.year, "role": n.role}
    body = "".join(_data(f"n_{k}", v) for k, v in values.items() if v not in (None, ""))
    return f"    <node id={quoteattr(n.id)}>{body}</node>\n"


def graphml_edge(e: PGEdge) -> str:
    values = {"predicate": e.predicate, "symmetric": e.symmetric, "docs": "\n".join(e.docs),
              "sentences": len(e.sentences)}
    for i, (text, doc, start, end) in enumerate(zip(e.sentences, e.sentence_docs, e.starts,
                                                     e.ends), start=1):
        values.update({f"sentence_{i}": text, f"doc_{i}": doc, f"start_{i}": start,
                       f"end_{i}": end})
    body = "".join(_data(f"e_{k}", v) for k, v in values.items() if v not in (None, ""))
    return (f"    <edge id={quoteattr(e.id)} source={quoteattr(e.source)} "
            f"target={quoteattr(e.target)}>{body}</edge>\n")


def render_graphml(data: GraphData) -> bytes:
    """GraphML 1.0: typed keys, unique node and edge ids, one item a line in lists
    (aliases, docs); an edge's sentences as sentence_1 ... sentence_N with their
    document (doc_N) and offsets (start_N, end_N)."""
    nodes, edges = pg_nodes(data), pg_edges(data)
    most = max((len(e.sentences) for e in edges), default=0)
    parts = [graphml_head(most), *map(graphml_node, nodes), *map(graphml_edge, edges),
             GRAPHML_TAIL]
    return "".join(parts).encode("utf-8")
