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

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.graph import KG, GraphData, doc_iris, evidence_iri, text_iri


class _Terms:
    """rdflib terms -> pyoxigraph terms, memoised (subjects and predicates repeat)."""

    def __init__(self) -> None:
        self._cache: dict = {}

    def __call__(self, term):
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

    def triple(self, s, p, o) -> ox.Triple:
        return ox.Triple(self(s), self(p), self(o))


def _sorted_lines(payload: bytes) -> bytes:
    lines = payload.splitlines(keepends=True)
    lines.sort()
    return b"".join(lines)


def ox_triples(rdf) -> list[ox.Triple]:
    """The triples as pyoxigraph terms (convert once, render several times)."""
    terms = _Terms()
    return [terms.triple(s, p, o) for s, p, o in rdf]


def render_ntriples(rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """N-Triples, one triple a line, lines sorted bytewise."""
    payload = ox.serialize(triples if triples is not None else ox_triples(rdf),
                           format=ox.RdfFormat.N_TRIPLES)
    return _sorted_lines(payload)


def _graph_assignment(data: GraphData, rdf: Graph):
    """Yields (s, p, o, graph) for every triple of `rdf`: graph is the IRI of the
    document whose named graph holds it, or None for the default graph."""
    docs = doc_iris(data.documents)
    by_subject: dict[URIRef, URIRef] = {}
    for iri in docs.values():
        by_subject[iri] = iri
        by_subject[text_iri(iri)] = iri
    for r in data.relations:
        for ev in r.evidence:
            graph = docs.get(ev.doc_id)
            if graph is None:
                continue
            st = evidence_iri(r.subject, r.predicate, r.object, ev)
            for node in (st, URIRef(st + "-quote"), URIRef(st + "-position")):
                by_subject[node] = graph
    doc_graph = {iri: iri for iri in docs.values()}
    mentioned_in = KG.mentionedIn
    for s, p, o in rdf:
        if p == mentioned_in:
            yield s, p, o, doc_graph.get(o)
        else:
            yield s, p, o, by_subject.get(s)


def document_graphs(data: GraphData, rdf: Graph) -> dict[tuple, URIRef | None]:
    """Each triple of `rdf` -> the named graph (a document IRI) it goes into, or None
    for the default graph. See the module docstring for the design."""
    return {(s, p, o): graph for s, p, o, graph in _graph_assignment(data, rdf)}


def render_nquads(data: GraphData, rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """N-Quads: each triple once, in its document's named graph or the default graph;
    lines sorted bytewise. `triples`, when given, are `rdf`'s triples already converted,
    in the same order."""
    terms = _Terms()
    rdf = list(rdf)
    converted = triples if triples is not None else ox_triples(rdf)

    def quads() -> Iterable[ox.Quad]:
        for t, (_s, _p, _o, graph) in zip(converted, _graph_assignment(data, rdf)):
            if graph is None:
                yield ox.Quad(t.subject, t.predicate, t.object)
            else:
                yield ox.Quad(t.subject, t.predicate, t.object, terms(graph))

    return _sorted_lines(ox.serialize(quads(), format=ox.RdfFormat.N_QUADS))
