"""RDF for triple stores: N-Triples and N-Quads (one named graph per document).

Every function returns bytes that depend only on the graph (lines sorted), so two
builds of the same input are byte-identical. pyoxigraph does the term escaping: on a
194,000-triple graph N-Triples took ~3 s where rdflib's Turtle serialiser took ~17 s.

N-Quads design: every triple of the Turtle is in exactly one graph, so the union of
the graphs is the Turtle, as a set and as a bag (a store that unions its graphs with
duplicates, or that drops graph names, counts and sums what the Turtle gives):

* the named graph of a document (its IRI, ``doc:STEM``) holds what that document
  alone says: its own node (type, identifier, title, checksum, its text), every
  ``?entity kg:mentionedIn doc:STEM``, and every evidence record whose sentence is in
  it (the rdf:Statement, its selectors);
* the default graph holds what the corpus as a whole says: the entities'
  descriptions (types, names, amounts, roles, years, rules), the relation triples,
  and the dataset's description. Linking merges names across documents, so these are
  the build's, not one document's.

Replacing one article in a store (README, "Replacing one article"): drop its graph
and the default graph, then load the new build's graph of that article and its
default graph. Queries over the whole graph need the union of the graphs (Oxigraph
``--union-default-graph``, Jena ``tdb2:unionDefaultGraph``, rdflib ``Dataset
(default_union=True)``); `kg query`, `kg serve`, `kg eval` and `kg validate` use it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.graph import GraphData, doc_iris, evidence_iri, text_iri
from kg.schema import KG

_OX = (ox.NamedNode, ox.BlankNode, ox.Literal)


class _Terms:
    """rdflib terms -> pyoxigraph terms, memoised (subjects and predicates repeat);
    pyoxigraph terms pass through."""

    def __init__(self) -> None:
        self._cache: dict = {}

    def __call__(self, term):
        if isinstance(term, _OX):
            return term
        try:
            return self._cache[term]
        except KeyError:
            pass
        if isinstance(term, URIRef):
            out = ox.NamedNode(str(term))
        elif isinstance(term, BNode):
            out = ox.BlankNode(str(term))
        elif isinstance(term, Literal):
            if term.language:
                out = ox.Literal(str(term), language=term.language)
            elif term.datatype is not None:
                out = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            else:
                out = ox.Literal(str(term))
        else:
            raise TypeError(f"not an RDF term: {term!r}")
        self._cache[term] = out
        return out

    def triple(self, t) -> ox.Triple:
        if isinstance(t, ox.Triple):
            return t
        s, p, o = t
        return ox.Triple(self(s), self(p), self(o))


def _sorted_lines(payload: bytes) -> bytes:
    lines = payload.splitlines(keepends=True)
    lines.sort()
    return b"".join(lines)


def ox_triples(rdf) -> list[ox.Triple]:
    """The triples (rdflib or pyoxigraph terms, or an rdflib Graph) as pyoxigraph terms
    (convert once, render several times)."""
    terms = _Terms()
    return [terms.triple(t) for t in rdf]


def nt_lines(triples: Iterable[ox.Triple]) -> list[bytes]:
    """Each triple as its N-Triples line (escaped by pyoxigraph), in the order given."""
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)


def render_ntriples(rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """N-Triples, one triple a line, lines sorted bytewise."""
    payload = ox.serialize(triples if triples is not None else ox_triples(rdf),
                           format=ox.RdfFormat.N_TRIPLES)
    return _sorted_lines(payload)


def quad_line(nt_line: bytes, graph: bytes) -> bytes:
    """The N-Quads line of a triple's N-Triples line in `graph` (an IRI in angle brackets,
    or b"" for the default graph)."""
    return nt_line[:-2] + graph + b" .\n" if graph else nt_line


def write_ntriples_nquads(records: Iterable[tuple[bytes, bytes]], nt: IO[bytes],
                          nq: IO[bytes], digest=None) -> int:
    """graph.nt and graph.nq from (N-Triples line, graph) records sorted by line (each
    triple once): sorting N-Triples lines also sorts their N-Quads lines, since the graph
    name comes after the triple (and no term's text goes on after a space). Returns the
    number of triples; `digest` (a hashlib object), when given, hashes graph.nq."""
    n = 0
    buf_nt: list[bytes] = []
    buf_nq: list[bytes] = []

    def flush() -> None:
        nt.write(b"".join(buf_nt))
        quads = b"".join(buf_nq)
        nq.write(quads)
        if digest is not None:
            digest.update(quads)
        buf_nt.clear()
        buf_nq.clear()

    for line, graph in records:
        buf_nt.append(line)
        buf_nq.append(quad_line(line, graph))
        n += 1
        if len(buf_nt) >= 8192:
            flush()
    flush()
    return n



def parsed(lines: Iterable[bytes], batch: int = 16384) -> Iterator[ox.Triple]:
    """N-Triples lines back to pyoxigraph triples, in their order (parsed in batches)."""
    buf: list[bytes] = []
    for line in lines:
        buf.append(line)
        if len(buf) >= batch:
            yield from (q.triple for q in ox.parse(b"".join(buf), format=ox.RdfFormat.N_TRIPLES))
            buf.clear()
    if buf:
        yield from (q.triple for q in ox.parse(b"".join(buf), format=ox.RdfFormat.N_TRIPLES))


_MENTIONED = str(KG.mentionedIn)


def _graph_assignment(data: GraphData, triples: list[ox.Triple]) -> Iterator[str | None]:
    """For each triple, the IRI of the document whose named graph holds it, or None for
    the default graph."""
    docs = {d: str(iri) for d, iri in doc_iris(data.documents).items()}
    by_subject: dict[str, str] = {}
    for iri in docs.values():
        by_subject[iri] = iri
        by_subject[str(text_iri(iri))] = iri
    for r in data.relations:
        for ev in r.evidence:
            graph = docs.get(ev.doc_id)
            if graph is None:
                continue
            st = str(evidence_iri(r.subject, r.predicate, r.object, ev))
            for node in (st, st + "-quote", st + "-position"):
                by_subject[node] = graph
    doc_graph = set(docs.values())
    for t in triples:
        if t.predicate.value == _MENTIONED:
            o = t.object.value
            yield o if o in doc_graph else None
        else:
            yield by_subject.get(t.subject.value)


def render_nquads(data: GraphData, rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """N-Quads: each triple once, in its document's named graph or the default graph;
    lines sorted bytewise. `triples`, when given, are `rdf`'s triples already converted,
    in the same order."""
    converted = triples if triples is not None else ox_triples(rdf)
    quads = [ox.Quad(t.subject, t.predicate, t.object) if g is None else
             ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
             for t, g in zip(converted, _graph_assignment(data, converted))]
    return _sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
