"""What one document contributes to each output, rendered apart from the others.

A document's share of the outputs depends only on the document, its extraction and
what linking made of its mentions, so worker processes render it in parallel (and a
rebuild takes it from the cache when none of these changed):

* ``rdf``: the N-Triples lines of its named graph (its node, its text's node, the
  evidence records of its sentences), sorted;
* ``jsonld``: its JSON-LD nodes (the document, its evidence records) as
  (group, id, line);
* ``pg``: one record per stating sentence for the property graphs:
  (subject, predicate, object, document, start, end, sentence);
* ``html``: the page's quotes of those sentences, both ends marked:
  (subject, object, predicate, document, start, sentence, marks, previous, marks);
* ``counts``: how many sentences state each relation, and ``triples``.

A chunk of documents is rendered by one task into one sorted run per output kind
(kg.spool); kg.export.files merges the runs of every chunk with the corpus-wide part
(kg.export.corpus) into each file.
"""
from __future__ import annotations

import hashlib
import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.export.html.evidence import quote
from kg.export.jsonld import json_nodes
from kg.export.rdf import nt_lines
from kg.graph import document_triples, evidence_triples, text_path
from kg.lifting import Key, evidence_of
from kg.spool import write_run

KINDS = ("rdf", "jsonld", "pg", "html")


@dataclass(frozen=True)
class DocumentWork:
    """What a worker needs to render one document."""

    doc_id: str
    node: str                                 # the document's IRI
    extraction: tuple[str, int, int]          # where its Extraction is: file, offset, length
    lifted: tuple[tuple[int, Key], ...]       # (statement index, relation key), allowed ones
    names: Mapping[str, tuple[str, ...]]      # entity key -> names the page marks (folded)
    key: str                                  # a hash of all of the above and the document

    @staticmethod
    def make(document, node: str, extraction: tuple[str, int, int], lifted, names,
             pipeline: str) -> DocumentWork:
        """The work for `document`; `pipeline` is the fingerprint of the code that
        extracted it (its extraction is then a function of its text)."""
        lifted = tuple(lifted)
        names = {k: tuple(names[k]) for k in sorted({k for _, (s, _, o) in lifted
                                                     for k in (s, o)})}
        meta = (document.id, document.sha256, document.title, document.date, document.url,
                document.publisher, document.author)
        digest = hashlib.sha256(repr((pipeline, meta, node, lifted, sorted(names.items())))
                                .encode("utf-8")).hexdigest()
        return DocumentWork(document.id, node, extraction, lifted, names, digest)


@dataclass
class Piece:
    rdf: list[bytes]
    jsonld: list[tuple[int, str, str]]
    pg: list[tuple]
    html: list[tuple]
    counts: dict[Key, int] = field(default_factory=dict)
    triples: int = 0
    text: str = ""                            # the document's cleaned text (text/STEM.txt)


def load_extraction(where: tuple[str, int, int]):
    import pickle

    path, offset, length = where
    with open(path, "rb") as fh:
        fh.seek(offset)
        return pickle.loads(fh.read(length))


def render_piece(work: DocumentWork, extraction) -> Piece:
    """One document's share of every output (see the module docstring)."""
    doc = extraction.document
    node = ox.NamedNode(work.node)
    evidence = evidence_of(extraction.statements, work.lifted)
    triples = document_triples(doc, node)
    pg, html = [], []
    for (s, p, o), found in evidence.items():
        for ev in found:
            triples += evidence_triples(s, p, o, ev, node)
            pg.append((s, p, o, ev.doc_id, ev.start, ev.end, ev.text))
            q = quote({"doc": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text,
                       "cue": list(ev.cue) if ev.cue else None},
                      work.names[s], work.names[o], doc.text)
            html.append((s, o, p, q.doc, q.start, q.sentence, q.marks, q.previous,
                         q.previous_marks))
    lines = nt_lines(triples)
    lines.sort()
    return Piece(lines, sorted(json_nodes(triples)), sorted(pg), sorted(html),
                 {k: len(v) for k, v in evidence.items()}, len(triples), doc.text)


@dataclass(frozen=True)
class ChunkResult:
    index: int
    runs: dict[str, Path]
    counts: dict[Key, int]
    triples: int
    documents: int
    rendered: int                             # documents rendered now (not cached)


def render_chunk(index: int, works: Sequence[DocumentWork], spool: Path, texts: Path,
                 cache_dir: Path | None) -> ChunkResult:
    """Render (or take from the cache) each document of a chunk, write each document's
    text under `texts`, and one sorted run per output kind under `spool`."""
    from kg.execution import Cache

    cache = Cache(cache_dir) if cache_dir else None
    pieces: list[tuple[str, Piece]] = []
    rendered = 0
    for work in works:
        piece = cache.get_piece(work.key) if cache else None
        if piece is None:
            piece = render_piece(work, load_extraction(work.extraction))
            rendered += 1
            if cache:
                cache.put_piece(work.key, piece)
        pieces.append((b"<" + work.node.encode() + b">", piece))
        (texts / text_path(work.node).split("/", 1)[1]).write_bytes(piece.text.encode("utf-8"))
    runs = {kind: spool / f"{kind}-{index:06d}.run" for kind in KINDS}
    write_run(runs["rdf"], heapq.merge(*([(line, g) for line in p.rdf] for g, p in pieces)))
    write_run(runs["jsonld"], heapq.merge(*(p.jsonld for _, p in pieces)))
    write_run(runs["pg"], heapq.merge(*(p.pg for _, p in pieces)))
    write_run(runs["html"], heapq.merge(*(p.html for _, p in pieces)))
    counts: dict[Key, int] = {}
    for _, p in pieces:
        for k, n in p.counts.items():
            counts[k] = counts.get(k, 0) + n
    return ChunkResult(index, runs, counts, sum(p.triples for _, p in pieces), len(works),
                       rendered)
