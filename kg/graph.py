"""Records -> an rdflib Graph following CONTRACT.md, and a networkx view of the same.

IRIs are minted here only: entities from their key (a hash of type and
normalised name), documents from a safe slug of the file name, evidence from a
hash of what it states. No document text ever reaches an IRI. No blank nodes:
every node has an IRI, so two builds serialise identically.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.schema import BASE, KG, load_schema
from kg.types import Document, Entity, Evidence, Relation

ENT = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
TEXT = Namespace(BASE + "text/")  # a document's cleaned text: OUTDIR/text/<slug>.txt
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCMITYPE = Namespace("http://purl.org/dc/dcmitype/")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
PREFIXES = {"kg": KG, "ent": ENT, "doc": DOC, "txt": TEXT, "schema": SCHEMA, "oa": OA,
            "prov": PROV, "org": ORG, "skos": SKOS, "dcterms": DCTERMS, "dcmitype": DCMITYPE,
            "void": VOID, "dcat": DCAT, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD}


@dataclass(frozen=True)
class GraphData:
    """Everything a build found: the input of every exporter."""

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    known_aliases: dict  # entity key -> names the lexicon knows but no document used


def doc_slug(doc_id: str) -> str:
    """An ASCII-safe slug of a file name: its stem when already safe, else a hash. The
    record on line 12 of news.jsonl (id "news.jsonl#12") is news-12."""
    name, record = re.fullmatch(r"(.*?)(?:#(\d+))?", doc_id, re.S).groups()
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name) + (f"-{record}" if record else "")
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,80}", stem):
        return stem
    return "d-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:16]


def doc_iris(documents: Iterable[Document]) -> dict[str, URIRef]:
    out: dict[str, URIRef] = {}
    used: set[str] = set()
    for d in sorted(documents, key=lambda d: d.id):
        slug = doc_slug(d.id)
        if slug in used:  # a.txt and a.md
            slug = f"{slug}-{hashlib.sha1(d.id.encode()).hexdigest()[:8]}"
        used.add(slug)
        out[d.id] = DOC[slug]
    return out


def text_path(doc_iri: str) -> str:
    """Where a document's cleaned text is written, relative to the output folder; also the
    path of its IRI under BASE (text/<slug>.txt)."""
    return "text/" + doc_iri.rsplit("/", 1)[-1] + ".txt"


def text_iri(doc_iri: str) -> URIRef:
    return URIRef(BASE + text_path(doc_iri))


def lang_of(text: str) -> str:
    return "ko" if re.search(r"[\u3131-\u318e\uac00-\ud7a3\u4e00-\u9fff]", text) else "en"


# An absolute http(s) IRI (RFC 3987) with a host: no spaces, quotes, angle brackets,
# braces, backslashes, carets, backticks or controls, which would break N-Triples
_WEB_IRI = re.compile(r"https?://[^\s/?#<>\"{}|\\^`\x00-\x20\x7f-\x9f]+"
                      r"[^\s<>\"{}|\\^`\x00-\x20\x7f-\x9f]*", re.I)


def web_iri(url: str) -> bool:
    """Whether a document's URL can be an IRI in the graph (else it stays a literal)."""
    if not _WEB_IRI.fullmatch(url) or re.search(r"%(?![0-9A-Fa-f]{2})", url):
        return False
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(url)
    except ValueError:
        return False
    return True


def evidence_iri(s: str, p: str, o: str, ev: Evidence) -> URIRef:
    h = hashlib.sha1(f"{s}|{p}|{o}|{ev.doc_id}|{ev.start}|{ev.end}".encode()).hexdigest()[:16]
    return ENT["evidence-" + h]


def to_rdf(data: GraphData) -> Graph:
    """The graph as an rdflib Graph (for SPARQL, SHACL and Python users)."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in to_triples(data):
        g.add(triple)
    return g


def to_triples(data: GraphData) -> list[tuple]:
    """The graph's triples as rdflib terms, each once, in a fixed order (the dataset's own
    description, kg.dataset, last). The exporters read pyoxigraph terms (ox_triples)."""
    cache: dict = {}
    return [tuple(rdflib_term(t, cache) for t in (x.subject, x.predicate, x.object))
            for x in ox_triples(data)]


def ox_triples(data: GraphData) -> list[ox.Triple]:
    """The graph's triples as pyoxigraph terms, each once: what a build writes. The
    streamed build (kg.pieces) makes the same triples from the same functions, a document
    or an entity at a time."""
    from kg.dataset import describe

    triples = list(dict.fromkeys(_all_triples(data)))
    return triples + describe([d.sha256 for d in data.documents], doc_iris(data.documents).values(),
                              len(data.entities), len(triples))


def _all_triples(data: GraphData):
    docs = doc_iris(data.documents)
    nodes = {d: ox.NamedNode(str(iri)) for d, iri in docs.items()}
    for d in data.documents:
        yield from document_triples(d, nodes[d.id])
    for e in data.entities:
        yield from entity_triples(e, data.known_aliases.get(e.key, ()), nodes)
    for r in data.relations:
        yield relation_triple(r.subject, r.predicate, r.object)
        for ev in r.evidence:
            yield from evidence_triples(r.subject, r.predicate, r.object, ev, nodes[ev.doc_id])


def rdflib_term(term, cache: dict | None = None):
    """A pyoxigraph term as the rdflib term rdflib's own parsers would make."""
    if cache is not None and term in cache:
        return cache[term]
    if isinstance(term, ox.NamedNode):
        out = URIRef(term.value)
    elif isinstance(term, ox.BlankNode):
        out = BNode(term.value)
    elif term.language:
        out = Literal(term.value, lang=term.language)
    elif term.datatype == XSD_STRING:  # a simple literal
        out = Literal(term.value)
    else:
        out = Literal(term.value, datatype=URIRef(term.datatype.value))
    if cache is not None:
        cache[term] = out
    return out


# Vocabulary terms as pyoxigraph NamedNodes, made once
def _ox(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


TYPE = _ox(RDF.type)
STATEMENT = _ox(RDF.Statement)
SUBJECT = _ox(RDF.subject)
PREDICATE = _ox(RDF.predicate)
OBJECT = _ox(RDF.object)
DOCUMENT = _ox(KG.Document)
IDENTIFIER = _ox(DCTERMS.identifier)
TITLE = _ox(DCTERMS.title)
ISSUED = _ox(DCTERMS.issued)
SOURCE = _ox(DCTERMS.source)
PUBLISHER = _ox(DCTERMS.publisher)
CREATOR = _ox(DCTERMS.creator)
SHA256 = _ox(KG.sha256)
LABEL = _ox(RDFS.label)
ALT = _ox(SKOS.altLabel)
HIDDEN = _ox(SKOS.hiddenLabel)
MENTIONED = _ox(KG.mentionedIn)
ROLE = _ox(KG.role)
AMOUNT = _ox(SCHEMA.amount)
MONETARY = _ox(SCHEMA.MonetaryAmount)
VALUE = _ox(SCHEMA.value)
CURRENCY = _ox(SCHEMA.currency)
DESCRIPTION = _ox(SCHEMA.description)
YEAR = _ox(KG.year)
DERIVED = _ox(PROV.wasDerivedFrom)
SELECTOR = _ox(OA.hasSelector)
SPECIFIC = _ox(OA.SpecificResource)
HAS_SOURCE = _ox(OA.hasSource)
HAS_FORMAT = _ox(DCTERMS.hasFormat)
FORMAT = _ox(DCTERMS.format)
TEXT_TYPE = _ox(DCMITYPE.Text)
PROV_ENTITY = _ox(PROV.Entity)
QUOTE = _ox(OA.TextQuoteSelector)
EXACT = _ox(OA.exact)
POSITION = _ox(OA.TextPositionSelector)
START = _ox(OA.start)
END = _ox(OA.end)
EXTRACTED_BY = _ox(KG.extractedBy)
XSD_STRING = _ox(XSD.string)
XSD_INTEGER = _ox(XSD.integer)
XSD_DATE = _ox(XSD.date)
OFFSET = _ox(XSD.nonNegativeInteger)
PLAIN_TEXT = ox.Literal("text/plain; charset=utf-8")
_ENT = str(ENT)
_KG = str(KG._NS)


def lit(text: str) -> ox.Literal:
    """A name or a sentence: a literal tagged ko, or en when it holds no Hangul or Han."""
    return ox.Literal(text, language=lang_of(text))


def entity_node(key: str) -> ox.NamedNode:
    return ox.NamedNode(_ENT + key)


@functools.lru_cache(maxsize=64)
def kg_node(name: str) -> ox.NamedNode:
    return ox.NamedNode(_KG + name)


@functools.lru_cache(maxsize=1)
def _standard_classes() -> tuple[dict, tuple]:
    schema = load_schema()
    return ({t: tuple(ox.NamedNode(c) for c in v.standard) for t, v in schema.types.items()},
            tuple(ox.NamedNode(c) for c in schema.document_standard))


def document_triples(d: Document, node: ox.NamedNode) -> list[ox.Triple]:
    """A document's node (identifier, title, checksum, what it says about itself) and its
    cleaned text's node."""
    T = ox.Triple
    out = [T(node, TYPE, DOCUMENT)]
    out += [T(node, TYPE, cls) for cls in _standard_classes()[1]]
    out += [T(node, IDENTIFIER, ox.Literal(d.id)), T(node, TITLE, lit(d.title)),
            T(node, SHA256, ox.Literal(d.sha256))]
    if d.date:
        out.append(T(node, ISSUED, ox.Literal(d.date, datatype=XSD_DATE)))
    if d.url:
        out.append(T(node, SOURCE, ox.NamedNode(d.url) if web_iri(d.url) else ox.Literal(d.url)))
    if d.publisher:
        out.append(T(node, PUBLISHER, lit(d.publisher)))
    if d.author:
        out.append(T(node, CREATOR, lit(d.author)))
    # the cleaned text that evidence offsets count in, written beside the graph
    text = text_node(node)
    out += [T(node, HAS_FORMAT, text), T(text, TYPE, TEXT_TYPE), T(text, TYPE, PROV_ENTITY),
            T(text, FORMAT, PLAIN_TEXT), T(text, DERIVED, node)]
    return out


def text_node(doc_node: ox.NamedNode) -> ox.NamedNode:
    return ox.NamedNode(str(text_iri(doc_node.value)))


def entity_triples(e: Entity, known: Iterable[str], docs: Mapping[str, ox.NamedNode]
                   ) -> list[ox.Triple]:
    """An entity's description: types, names, the documents that mention it (`docs`: their
    nodes by id), an investment's amount, a person's role, a year, the rules that found it."""
    T = ox.Triple
    node = entity_node(e.key)
    out = [T(node, TYPE, kg_node(e.type))]
    out += [T(node, TYPE, cls) for cls in _standard_classes()[0][e.type]]
    out.append(T(node, LABEL, lit(e.label)))
    out += [T(node, ALT, lit(alias)) for alias in e.aliases]
    out += [T(node, HIDDEN, lit(alias)) for alias in known]
    out += [T(node, MENTIONED, docs[doc_id]) for doc_id in e.docs]
    if e.role:
        out.append(T(node, ROLE, lit(e.role)))
    if e.money is not None:
        amount = ox.NamedNode(node.value + "-amount")
        out += [T(node, AMOUNT, amount), T(amount, TYPE, MONETARY),
                T(amount, VALUE, ox.Literal(str(e.money.amount), datatype=XSD_INTEGER)),
                T(amount, CURRENCY, ox.Literal(e.money.currency))]
        if e.phrase:
            out.append(T(node, DESCRIPTION, lit(e.phrase)))
    if e.year:
        out.append(T(node, YEAR, ox.Literal(str(e.year), datatype=XSD_INTEGER)))
    out += [T(node, EXTRACTED_BY, ox.Literal(rule)) for rule in e.rules]
    return out


def relation_triple(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(entity_node(s), kg_node(p), entity_node(o))


def evidence_triples(s: str, p: str, o: str, ev: Evidence, doc: ox.NamedNode
                     ) -> list[ox.Triple]:
    """One sentence stating s p o: an rdf:Statement and the place in the document's text
    (`doc`: the document's node) it is quoted from."""
    T = ox.Triple
    st = ox.NamedNode(str(evidence_iri(s, p, o, ev)))
    quote, position = ox.NamedNode(st.value + "-quote"), ox.NamedNode(st.value + "-position")
    out = [T(st, TYPE, STATEMENT),
           T(st, TYPE, SPECIFIC),  # the sentence: a part of the document's text
           T(st, SUBJECT, entity_node(s)), T(st, PREDICATE, kg_node(p)),
           T(st, OBJECT, entity_node(o)), T(st, DERIVED, doc), T(st, HAS_SOURCE, text_node(doc)),
           T(st, SELECTOR, quote), T(quote, TYPE, QUOTE), T(quote, EXACT, lit(ev.text)),
           T(st, SELECTOR, position), T(position, TYPE, POSITION),
           T(position, START, ox.Literal(str(ev.start), datatype=OFFSET)),
           T(position, END, ox.Literal(str(ev.end), datatype=OFFSET))]
    out += [T(st, EXTRACTED_BY, ox.Literal(rule)) for rule in ev.rules]
    return out


def node_attrs(e: Entity, known: Iterable[str]) -> dict:
    """The attributes of an entity's node in the property-graph view."""
    attrs = {"type": e.type, "label": e.label, "aliases": list(e.aliases),
             "known_aliases": list(known), "docs": list(e.docs)}
    if e.money is not None:
        attrs.update(amount=e.money.amount, currency=e.money.currency, text=e.money.text)
    if e.role:
        attrs["role"] = e.role
    return attrs


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """The same records as a property graph: nodes are entity IRIs, edges keyed by predicate."""
    g = nx.MultiDiGraph()
    for e in sorted(data.entities, key=lambda e: e.key):
        g.add_node(str(ENT[e.key]), **node_attrs(e, data.known_aliases.get(e.key, ())))
    for r in sorted(data.relations, key=lambda r: (r.subject, r.predicate, r.object)):
        evidence = [{"doc": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text,
                     "cue": list(ev.cue) if ev.cue else None} for ev in r.evidence]
        g.add_edge(str(ENT[r.subject]), str(ENT[r.object]), key=r.predicate,
                   predicate=r.predicate, symmetric=r.predicate in load_schema().symmetric,
                   evidence=evidence)
    return g
