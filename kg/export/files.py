"""Each output file of a streamed build, written by merging sorted runs (kg.spool): the
documents' pieces (kg.export.pieces) with the corpus-wide part (kg.export.corpus).

Every function here is one task that writes its files into the staging folder, in a
worker process or in the build's own, holding one record (or one relation's records)
at a time; the tasks are independent of each other, so two processors write two files
at once.
"""
from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator, Mapping, Sequence
from itertools import groupby
from pathlib import Path

from kg.spool import merge, unique

_BUFFER = 1 << 20


def write_rdf(runs: Sequence[Path], staging: Path) -> int:
    """graph.nt and graph.nq; returns the number of triples."""
    from kg.export.rdf import write_ntriples_nquads

    with open(staging / "graph.nt", "wb", buffering=_BUFFER) as nt, \
            open(staging / "graph.nq", "wb", buffering=_BUFFER) as nq:
        return write_ntriples_nquads(unique(merge(runs)), nt, nq)


def write_turtle_file(runs: Sequence[Path], staging: Path) -> None:
    from kg.export.turtle import write_turtle

    with open(staging / "graph.ttl", "wb", buffering=_BUFFER) as out:
        write_turtle((line for line, _ in unique(merge(runs))), out)


def write_jsonld_file(runs: Sequence[Path], staging: Path) -> None:
    from kg.export.jsonld import write_jsonld

    with open(staging / "graph.jsonld", "wb", buffering=_BUFFER) as out:
        write_jsonld((line for _, _, line in merge(runs)), out)


def write_property_graphs(runs: Sequence[Path], staging: Path, types: Mapping[str, str],
                          most: int, graphml_nodes: Path) -> None:
    """graph.graphml (its nodes from `graphml_nodes`), neo4j/relationships.csv and
    kuzu/relationships.csv, from the runs of (subject, predicate, object, document,
    start, end, sentence) records: one relation at a time."""
    from kg.export import kuzu, neo4j
    from kg.export.propertygraph import GRAPHML_TAIL, graphml_edge, graphml_head, pg_edge
    from kg.schema import load_schema

    symmetric = load_schema().symmetric
    for folder in ("neo4j", "kuzu"):
        (staging / folder).mkdir(parents=True, exist_ok=True)
    with open(staging / "graph.graphml", "w", encoding="utf-8", newline="",
              buffering=_BUFFER) as gm, \
            open(staging / "neo4j/relationships.csv", "w", encoding="utf-8", newline="") as n4, \
            open(staging / "kuzu/relationships.csv", "w", encoding="utf-8", newline="") as kz:
        gm.write(graphml_head(most))
        with open(graphml_nodes, encoding="utf-8", newline="") as nodes:
            shutil.copyfileobj(nodes, gm)
        w4, wk = neo4j.csv_writer(n4), neo4j.csv_writer(kz)
        w4.writerow(neo4j.RELATIONSHIP_HEADER)
        wk.writerow(name for name, _ in kuzu.REL_COLUMNS)
        for (s, p, o), group in groupby(merge(runs), key=lambda r: r[:3]):
            edge = pg_edge(s, p, o, (r[3:] for r in group), symmetric)
            gm.write(graphml_edge(edge))
            w4.writerow(neo4j.relationship_row(edge))
            wk.writerow(kuzu.relationship_row(edge, types))
        gm.write(GRAPHML_TAIL)


def write_page(runs: Sequence[Path], skeleton: Path, staging: Path) -> None:
    """graph.html: the skeleton's payload, its evidence from the runs of quotes (read
    twice: once to size the page, once to fill it)."""
    from kg.export.html.page import page
    from kg.export.html.payload import assemble_payload

    sk = pickle.loads(skeleton.read_bytes())
    payload = assemble_payload(sk, lambda: _edge_quotes(runs, sk))
    with open(staging / "graph.html", "w", encoding="utf-8", newline="") as out:
        out.write(page(payload))


def _edge_quotes(runs: Sequence[Path], sk) -> Iterator[list]:
    """The quotes of each edge of the skeleton, in its order (see evidence.quotes)."""
    from kg.export.html.evidence import Quote, in_order
    from kg.graph import ENT

    prefix = len(str(ENT))
    rank = sk.doc_index
    records = groupby(merge(runs), key=lambda r: r[:3])
    pending = next(records, None)
    for u, v, p in sk.edges:
        key = (u[prefix:], v[prefix:], p)
        qs: list[Quote] = []
        if pending is not None and pending[0] == key:
            qs = [Quote(*r[3:]) for r in pending[1]]
            pending = next(records, None)
        yield in_order(qs, rank)
    if pending is not None:
        raise ValueError(f"quotes of an edge the page does not have: {pending[0]}")


def write_store(nquads: Path, location: Path) -> None:
    """The query-ready Oxigraph store of graph.nq at `location` (kg.store)."""
    from kg.store import create_store

    create_store(nquads, location)
