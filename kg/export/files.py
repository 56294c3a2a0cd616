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


def timed(fn, *args):
    """(fn(*args), seconds it took): a task's result and its time, for the build's log.
    The memory the task freed goes back to the system, for the next task."""
    import time

    from kg.execution import trim_memory

    start = time.perf_counter()
    result = fn(*args)
    trim_memory(collect=False)
    return result if result is not None else fn.__name__, time.perf_counter() - start


def write_rdf(runs: Sequence[Path], staging: Path, previous: Path | None = None,
              diff: Path | None = None) -> dict:
    """graph.nt and graph.nq. With the `previous` build's graph.nq, also the quads to
    delete from its store and to insert (diff.delete.nq and diff.insert.nq at `diff`),
    found by walking both sorted files at once. Returns the number of triples, the
    SHA-256 of graph.nq and of the previous one, and the sizes of the difference."""
    import hashlib

    from kg.export.rdf import write_ntriples_nquads

    records = unique(merge(runs))
    found: dict = {}
    if previous is not None and previous.is_file() and diff is not None:
        records = _differing(records, previous, diff, found)
    digest = hashlib.sha256()
    with open(staging / "graph.nt", "wb", buffering=_BUFFER) as nt, \
            open(staging / "graph.nq", "wb", buffering=_BUFFER) as nq:
        found["triples"] = write_ntriples_nquads(records, nt, nq, digest)
    found["sha256"] = digest.hexdigest()
    return found


def write_rdf_and_store(runs: Sequence[Path], staging: Path, previous: Path | None,
                        diff: Path | None, location: Path, previous_store: Path | None
                        ) -> tuple[tuple, tuple]:
    """write_rdf, then write_store from the graph.nq it wrote, as one task: the store
    is the longest task and needs graph.nq, so it starts as soon as that is written
    rather than queued behind the other files' tasks. Each one's (result, seconds)."""
    rdf = timed(write_rdf, runs, staging, previous, diff)
    return rdf, timed(write_store, staging / "graph.nq", location, rdf[0], previous_store,
                      diff)


def _differing(records, previous: Path, diff: Path, found: dict):
    """The records, passed through, while the quads that differ from the `previous`
    graph.nq (sorted the same way) are written to `diff`.delete.nq and .insert.nq."""
    import hashlib

    from kg.export.rdf import quad_line

    digest = hashlib.sha256()
    deleted = inserted = 0
    with open(previous, "rb", buffering=_BUFFER) as old, \
            open(diff.with_suffix(".delete.nq"), "wb", buffering=_BUFFER) as delete, \
            open(diff.with_suffix(".insert.nq"), "wb", buffering=_BUFFER) as insert:
        ordered = True

        def advance(line: bytes) -> bytes:
            nonlocal ordered
            after = old.readline()
            digest.update(after)
            ordered = ordered and (not after or after > line)
            return after

        before = advance(b"")
        for record in records:
            line = quad_line(*record)
            while before and before < line:
                delete.write(before)
                deleted += 1
                before = advance(before)
            if before == line:
                before = advance(before)
            else:
                insert.write(line)
                inserted += 1
            yield record
        while before:
            delete.write(before)
            deleted += 1
            before = advance(before)
    if ordered:  # a file kg did not write (unsorted) gives no usable difference
        found.update(previous_sha256=digest.hexdigest(), deleted=deleted, inserted=inserted)


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


def write_store(nquads: Path, location: Path, rdf: dict, previous: Path | None = None,
                diff: Path | None = None) -> str:
    """The query-ready Oxigraph store of graph.nq at `location` (kg.store): the
    `previous` store changed by the difference write_rdf found (`rdf`, its result) when
    that store is of the graph.nq the difference was taken from and the difference is
    small; else loaded whole. Returns how it was made."""
    from kg.store import create_store, source_of, update_store

    small = rdf.get("deleted", 0) + rdf.get("inserted", 0) <= rdf["triples"] // 4
    if previous is not None and diff is not None and small and "previous_sha256" in rdf \
            and source_of(previous) == rdf["previous_sha256"]:
        update_store(previous, location, diff.with_suffix(".delete.nq"),
                     diff.with_suffix(".insert.nq"), rdf["sha256"])
        return "graph.oxigraph (changed)"
    create_store(nquads, location, rdf["sha256"])
    return "graph.oxigraph (loaded)"
