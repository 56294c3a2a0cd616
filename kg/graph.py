"""Records -> an rdflib Graph following CONTRACT.md, and a networkx view of the same.

IRIs are minted here only: entities from their key (a hash of type and
normalised name), documents from a safe slug of the file name, evidence from a
hash of what it states. No document text ever reaches an IRI. No blank nodes:
every node has an IRI, so two builds serialise identically.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
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


def _lit(text: str) -> Literal:
    return Literal(text, lang=lang_of(text))


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
    """The graph's triples (rdflib terms), each once, in a fixed order. Exporters read
    this list: an rdflib Graph costs ~30 µs a triple to fill and to read back. The
    dataset's own description (kg.dataset) comes last."""
    from kg.dataset import describe

    triples = list(dict.fromkeys(_triples(data)))
    return triples + describe(data, len(triples))


# Vocabulary terms, looked up once (rdflib namespace attribute access is slow)
TYPE = RDF.type
STATEMENT = RDF.Statement
SUBJECT = RDF.subject
PREDICATE = RDF.predicate
OBJECT = RDF.object
DOCUMENT = KG.Document
IDENTIFIER = DCTERMS.identifier
TITLE = DCTERMS.title
ISSUED = DCTERMS.issued
SOURCE = DCTERMS.source
PUBLISHER = DCTERMS.publisher
CREATOR = DCTERMS.creator
SHA256 = KG.sha256
LABEL = RDFS.label
ALT = SKOS.altLabel
HIDDEN = SKOS.hiddenLabel
MENTIONED = KG.mentionedIn
ROLE = KG.role
AMOUNT = SCHEMA.amount
MONETARY = SCHEMA.MonetaryAmount
VALUE = SCHEMA.value
CURRENCY = SCHEMA.currency
DESCRIPTION = SCHEMA.description
YEAR = KG.year
DERIVED = PROV.wasDerivedFrom
SELECTOR = OA.hasSelector
SPECIFIC = OA.SpecificResource
HAS_SOURCE = OA.hasSource
HAS_FORMAT = DCTERMS.hasFormat
FORMAT = DCTERMS.format
TEXT_TYPE = DCMITYPE.Text
PROV_ENTITY = PROV.Entity
OFFSET = XSD.nonNegativeInteger
QUOTE = OA.TextQuoteSelector
EXACT = OA.exact
POSITION = OA.TextPositionSelector
START = OA.start
END = OA.end
EXTRACTED_BY = KG.extractedBy


def _triples(data: GraphData) -> list[tuple]:
    triples: list[tuple] = []
    add = triples.append
    docs = doc_iris(data.documents)
    texts = {d: text_iri(iri) for d, iri in docs.items()}
    schema = load_schema()
    standard = {t: [URIRef(c) for c in v.standard] for t, v in schema.types.items()}
    ent = str(ENT)  # URIRef(ent + key): rdflib's Namespace lookups cost microseconds each
    for d in data.documents:
        node = docs[d.id]
        add((node, TYPE, DOCUMENT))
        for cls in schema.document_standard:
            add((node, TYPE, URIRef(cls)))
        add((node, IDENTIFIER, Literal(d.id)))
        add((node, TITLE, _lit(d.title)))
        add((node, SHA256, Literal(d.sha256)))
        if d.date:
            add((node, ISSUED, Literal(d.date, datatype=XSD.date)))
        if d.url:
            add((node, SOURCE, URIRef(d.url) if web_iri(d.url) else Literal(d.url)))
        if d.publisher:
            add((node, PUBLISHER, _lit(d.publisher)))
        if d.author:
            add((node, CREATOR, _lit(d.author)))
        # the cleaned text that evidence offsets count in, written beside the graph
        text = texts[d.id]
        add((node, HAS_FORMAT, text))
        add((text, TYPE, TEXT_TYPE))
        add((text, TYPE, PROV_ENTITY))
        add((text, FORMAT, Literal("text/plain; charset=utf-8")))
        add((text, DERIVED, node))
    for e in data.entities:
        node = URIRef(ent + e.key)
        add((node, TYPE, KG[e.type]))
        for cls in standard[e.type]:  # so that stores without inference answer them
            add((node, TYPE, cls))
        add((node, LABEL, _lit(e.label)))
        for alias in e.aliases:
            add((node, ALT, _lit(alias)))
        for alias in data.known_aliases.get(e.key, ()):
            add((node, HIDDEN, _lit(alias)))
        for doc_id in e.docs:
            add((node, MENTIONED, docs[doc_id]))
        if e.role:
            add((node, ROLE, _lit(e.role)))
        if e.money is not None:
            amount = URIRef(node + "-amount")
            add((node, AMOUNT, amount))
            add((amount, TYPE, MONETARY))
            add((amount, VALUE, Literal(e.money.amount, datatype=XSD.integer)))
            add((amount, CURRENCY, Literal(e.money.currency)))
            if e.phrase:
                add((node, DESCRIPTION, _lit(e.phrase)))
        if e.year:
            add((node, YEAR, Literal(e.year, datatype=XSD.integer)))
        for rule in e.rules:
            add((node, EXTRACTED_BY, Literal(rule)))
    for r in data.relations:
        s, p, o = URIRef(ent + r.subject), KG[r.predicate], URIRef(ent + r.object)
        add((s, p, o))
        for ev in r.evidence:
            st = evidence_iri(r.subject, r.predicate, r.object, ev)
            add((st, TYPE, STATEMENT))
            add((st, TYPE, SPECIFIC))  # the sentence: a part of the document's text
            add((st, SUBJECT, s))
            add((st, PREDICATE, p))
            add((st, OBJECT, o))
            add((st, DERIVED, docs[ev.doc_id]))
            add((st, HAS_SOURCE, texts[ev.doc_id]))
            quote, position = URIRef(st + "-quote"), URIRef(st + "-position")
            add((st, SELECTOR, quote))
            add((quote, TYPE, QUOTE))
            add((quote, EXACT, _lit(ev.text)))
            add((st, SELECTOR, position))
            add((position, TYPE, POSITION))
            add((position, START, Literal(ev.start, datatype=OFFSET)))
            add((position, END, Literal(ev.end, datatype=OFFSET)))
            for rule in ev.rules:
                add((st, EXTRACTED_BY, Literal(rule)))
    return triples


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """The same records as a property graph: nodes are entity IRIs, edges keyed by predicate."""
    g = nx.MultiDiGraph()
    for e in sorted(data.entities, key=lambda e: e.key):
        attrs = {"type": e.type, "label": e.label, "aliases": list(e.aliases),
                 "known_aliases": list(data.known_aliases.get(e.key, ())),
                 "docs": list(e.docs)}
        if e.money is not None:
            attrs.update(amount=e.money.amount, currency=e.money.currency, text=e.money.text)
        if e.role:
            attrs["role"] = e.role
        g.add_node(str(ENT[e.key]), **attrs)
    for r in sorted(data.relations, key=lambda r: (r.subject, r.predicate, r.object)):
        evidence = [{"doc": ev.doc_id, "start": ev.start, "end": ev.end, "text": ev.text,
                     "cue": list(ev.cue) if ev.cue else None} for ev in r.evidence]
        g.add_edge(str(ENT[r.subject]), str(ENT[r.object]), key=r.predicate,
                   predicate=r.predicate, symmetric=r.predicate in load_schema().symmetric, evidence=evidence)
    return g
