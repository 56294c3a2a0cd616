"""RDF for triple stores: N-Triples, N-Quads (one named graph per document) and JSON-LD.

Every function returns bytes that depend only on the graph: lines (N-Triples,
N-Quads) and nodes, keys and values (JSON-LD) are sorted, so two builds of the
same input are byte-identical. pyoxigraph does the term escaping: on a
194,000-triple graph N-Triples took ~3 s (mostly iterating rdflib's store)
where rdflib's own Turtle serialiser took ~17 s.

N-Quads design: a store can replace or delete one article with
``DROP GRAPH <doc IRI>`` (or a whole-graph PUT) without touching what other
articles state. Each triple of the Turtle goes into the named graph of every
document that states it:

* the document node itself (``a kg:Document``, identifier, title, sha256):
  its own graph;
* ``?entity kg:mentionedIn <doc>``: the graph of that document;
* an entity's description (type, ``rdfs:label``, ``skos:altLabel``,
  ``skos:hiddenLabel``, ``kg:role``, ``kg:year``, ``schema:description``,
  ``schema:amount`` and the MonetaryAmount node's value and currency):
  duplicated into the graph of every document that mentions the entity, so the
  entity survives as long as one of its documents does. Aliases are not
  tracked per document, so an alias seen only in a dropped article stays
  while the entity is mentioned elsewhere, until the next full build;
* a relation triple (``ent:a kg:invests ent:b``): the graph of every document
  that evidences it, so it disappears with its last evidencing article;
* an evidence record (the ``rdf:Statement``, its ``prov:wasDerivedFrom`` and
  both selectors with their triples): the graph of its source document.

Anything else the Turtle may come to hold that belongs to no document goes to
the default graph. The union of all graphs, ignoring graph names, is exactly
the Turtle's set of triples; in a store with a union default graph, SPARQL over
the N-Quads answers as over the Turtle.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD

from kg.graph import DOC, ENT, KG, OA, SCHEMA, GraphData, doc_iris, evidence_iri

# prefixes of the JSON-LD @context; every namespace ends in "/" or "#", so the
# terms act as prefixes of compact IRIs under JSON-LD 1.0 and 1.1 alike
JSONLD_PREFIXES = {
    "kg": str(KG), "ent": str(ENT), "doc": str(DOC), "schema": str(SCHEMA),
    "skos": str(SKOS), "rdfs": str(RDFS), "rdf": str(RDF), "prov": str(PROV),
    "oa": str(OA), "dcterms": str(DCTERMS), "xsd": str(XSD),
}


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
    """Yields (s, p, o, graphs) for every triple of `rdf`; graphs is a sorted tuple of
    document IRIs, () for the default graph. See the module docstring for the design."""
    docs = doc_iris(data.documents)
    by_subject: dict[URIRef, set[URIRef]] = defaultdict(set)
    for iri in docs.values():
        by_subject[iri].add(iri)
    for e in data.entities:
        graphs = {docs[d] for d in e.docs if d in docs}
        node = ENT[e.key]
        by_subject[node] |= graphs
        by_subject[URIRef(node + "-amount")] |= graphs
    by_relation: dict[tuple, set[URIRef]] = {}
    for r in data.relations:
        s, p, o = ENT[r.subject], KG[r.predicate], ENT[r.object]
        # without evidence no document states it: the default graph
        graphs = by_relation.setdefault((s, p, o), set())
        for ev in r.evidence:
            if ev.doc_id not in docs:
                continue
            graph = docs[ev.doc_id]
            graphs.add(graph)
            st = evidence_iri(r.subject, r.predicate, r.object, ev)
            for node in (st, URIRef(st + "-quote"), URIRef(st + "-position")):
                by_subject[node].add(graph)
    subject_graphs = {node: tuple(sorted(g)) for node, g in by_subject.items()}
    relation_graphs = {t: tuple(sorted(g)) for t, g in by_relation.items()}
    doc_graph = {iri: (iri,) for iri in docs.values()}
    mentioned_in = KG.mentionedIn
    for triple in rdf:
        s, p, o = triple
        if p == mentioned_in and o in doc_graph:
            graphs = doc_graph[o]
        else:
            graphs = relation_graphs.get(triple)
            if graphs is None:
                graphs = subject_graphs.get(s, ())
        yield s, p, o, graphs


def document_graphs(data: GraphData, rdf: Graph) -> dict[tuple, tuple[URIRef, ...]]:
    """Each triple of `rdf` -> the named graphs (document IRIs) it goes into;
    () means the default graph. See the module docstring for the design."""
    return {(s, p, o): graphs for s, p, o, graphs in _graph_assignment(data, rdf)}


def render_nquads(data: GraphData, rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """N-Quads with one named graph per document (its IRI); lines sorted bytewise.
    `triples`, when given, are `rdf`'s triples already converted, in the same order."""
    terms = _Terms()
    rdf = list(rdf)
    converted = triples if triples is not None else ox_triples(rdf)

    def quads() -> Iterable[ox.Quad]:
        for t, (_s, _p, _o, graphs) in zip(converted, _graph_assignment(data, rdf)):
            s, p, o = t.subject, t.predicate, t.object
            if not graphs:
                yield ox.Quad(s, p, o)
            for g in graphs:
                yield ox.Quad(s, p, o, terms(g))

    return _sorted_lines(ox.serialize(quads(), format=ox.RdfFormat.N_QUADS))


_NAMESPACES = sorted(((ns, prefix) for prefix, ns in JSONLD_PREFIXES.items()),
                     key=lambda item: -len(item[0]))
_BY_NAMESPACE = dict(_NAMESPACES)


def _compact(iri: str) -> str:
    """The prefixed form of an IRI under JSONLD_PREFIXES (the longest namespace wins)."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    ns = iri[:cut]
    if ns in _BY_NAMESPACE and cut < len(iri) and not iri[cut:].startswith("//"):
        prefix = _BY_NAMESPACE[ns]  # fast path: a namespace ending at the last / or #
    else:
        found = next(((ns, p) for ns, p in _NAMESPACES
                      if iri.startswith(ns) and len(iri) > len(ns)
                      and not iri[len(ns):].startswith("//")), None)
        if found is None:
            return iri
        ns, prefix = found
    return f"{prefix}:{iri[len(ns):]}"


def _jsonld_value(term):
    if isinstance(term, URIRef):
        return {"@id": _compact(str(term))}
    if isinstance(term, BNode):
        return {"@id": f"_:{term}"}
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if term.datatype is not None:
        return {"@value": str(term), "@type": _compact(str(term.datatype))}
    return str(term)


def _node_id(term) -> str:
    return f"_:{term}" if isinstance(term, BNode) else _compact(str(term))


def _value_key(value) -> tuple:
    if isinstance(value, str):
        return (1, value, "")
    if "@id" in value:
        return (0, value["@id"], "")
    return (1, value["@value"], value.get("@language") or value.get("@type") or "")


def render_jsonld(rdf: Graph) -> bytes:
    """JSON-LD: a compact @context of prefixes and one node object per subject.

    Values are explicit ({"@id"}, {"@value", "@language"} or {"@value", "@type"};
    plain strings for xsd:string), so expanding the document gives back exactly
    the graph's triples; nodes, keys and values are sorted."""
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    keys: dict = {}    # predicate -> compact IRI
    values: dict = {}  # object -> its JSON-LD value (types and IRIs repeat)
    rdf_type = RDF.type
    ids: dict = {}     # subject -> its node object's properties
    for s, p, o in rdf:
        node = ids.get(s)
        if node is None:
            node = ids[s] = nodes[_node_id(s)]
        if p == rdf_type and isinstance(o, URIRef):
            node["@type"].append(_compact(str(o)))
            continue
        key = keys.get(p)
        if key is None:
            key = keys[p] = _compact(str(p))
        value = values.get(o)
        if value is None:
            value = values[o] = _jsonld_value(o)
        node[key].append(value)
    graph = []
    for node_id in sorted(nodes):
        props = nodes[node_id]
        obj: dict = {"@id": node_id}
        if "@type" in props:
            obj["@type"] = sorted(props["@type"])
        for key in sorted(k for k in props if k != "@type"):
            vals = props[key]
            obj[key] = sorted(vals, key=_value_key) if len(vals) > 1 else vals
        graph.append(obj)
    # one node object a line: greppable, and json's C encoder (indent= is pure Python)
    context = json.dumps(dict(sorted(JSONLD_PREFIXES.items())), ensure_ascii=False, indent=1)
    lines = ",\n".join(json.dumps(obj, ensure_ascii=False) for obj in graph)
    return f'{{"@context": {context},\n"@graph": [\n{lines}\n]}}\n'.encode()
