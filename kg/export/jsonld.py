"""JSON-LD for web developers: short keys, single values unwrapped, numbers as numbers.

The @context maps short keys (label, type, amount, currency, partnersWith ...) to the
graph's IRIs, with Korean as the default language, so a Korean name is a plain string
and only other languages need a value object. Each node is one object; the nodes that
exist only as part of another (an investment's MonetaryAmount, an evidence record's
selectors, a document's text, the dataset's build) sit inside it. Top-level nodes come
in this order: the dataset's description, the entities, the documents, the evidence
records; each group sorted by id, each node's keys in a fixed order, values sorted.

Expanding the document (pyld, pyoxigraph, rdflib) gives exactly the graph's triples
(tests/test_exports.py checks it).
"""
from __future__ import annotations

import json
from collections import defaultdict

from rdflib import RDF, BNode, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, XSD

from kg.graph import DCAT, DCMITYPE, DOC, ENT, OA, ORG, SCHEMA, TEXT, VOID
from kg.schema import KG, load_schema

PREFIXES = {"kg": KG._NS, "ent": ENT, "doc": DOC, "txt": TEXT, "schema": SCHEMA, "org": ORG,
            "prov": PROV, "oa": OA, "skos": SKOS, "dcterms": DCTERMS, "dcmitype": DCMITYPE,
            "void": VOID, "dcat": DCAT, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD}

_ID, _STRING, _VOCAB = "@id", None, "@vocab"   # kinds of value coercion
# short key -> (IRI, coercion): "@id" IRIs as strings, "@vocab" IRIs as terms, an xsd
# datatype, None (a plain string: no language) or "ko" (the default language)
TERMS: dict[str, tuple[str, str | None]] = {
    "label": (str(RDFS.label), "ko"),
    "altLabel": (str(SKOS.altLabel), "ko"),
    "hiddenLabel": (str(SKOS.hiddenLabel), "ko"),
    "mentionedIn": (str(KG.mentionedIn), _ID),
    "role": (str(KG.role), "ko"),
    "year": (str(KG.year), str(XSD.integer)),
    "amount": (str(SCHEMA.amount), _ID),
    "value": (str(SCHEMA.value), str(XSD.integer)),
    "currency": (str(SCHEMA.currency), _STRING),
    "description": (str(SCHEMA.description), "ko"),
    "extractedBy": (str(KG.extractedBy), _STRING),
    "identifier": (str(DCTERMS.identifier), _STRING),
    "title": (str(DCTERMS.title), "ko"),
    "sha256": (str(KG.sha256), _STRING),
    "text": (str(DCTERMS.hasFormat), _ID),
    "format": (str(DCTERMS.format), _STRING),
    "derivedFrom": (str(PROV.wasDerivedFrom), _ID),
    "subject": (str(RDF.subject), _ID),
    "predicate": (str(RDF.predicate), _VOCAB),
    "object": (str(RDF.object), _ID),
    "hasSource": (str(OA.hasSource), _ID),
    "selector": (str(OA.hasSelector), _ID),
    "exact": (str(OA.exact), "ko"),
    "start": (str(OA.start), str(XSD.nonNegativeInteger)),
    "end": (str(OA.end), str(XSD.nonNegativeInteger)),
    "sources": (str(DCTERMS.source), _ID),
    "license": (str(DCTERMS.license), _ID),
    "conformsTo": (str(DCTERMS.conformsTo), _ID),
}
CLASSES = {"Document": str(KG.Document), "MonetaryAmount": str(SCHEMA.MonetaryAmount),
           "Statement": str(RDF.Statement), "SpecificResource": str(OA.SpecificResource),
           "TextQuoteSelector": str(OA.TextQuoteSelector),
           "TextPositionSelector": str(OA.TextPositionSelector)}
# a node reached through one of these from exactly one node is written inside it
EMBED = frozenset({str(SCHEMA.amount), str(OA.hasSelector), str(DCTERMS.hasFormat),
                   str(PROV.wasGeneratedBy), str(PROV.wasAssociatedWith)})
_MAX_SAFE = 2 ** 53  # larger integers lose digits in JavaScript: written as strings
_NUMERIC = frozenset({str(XSD.integer), str(XSD.nonNegativeInteger)})


def _terms() -> dict[str, tuple[str, str | None]]:
    """Every short key: the fixed ones above and one per relation of the ontology."""
    terms = dict(TERMS)
    for name in load_schema().predicates:
        terms[name] = (str(KG[name]), _ID)
    return terms


def _classes() -> dict[str, str]:
    classes = {name: str(KG[name]) for name in load_schema().types}
    return {**classes, **CLASSES}


def context() -> dict:
    """The @context: prefixes, then class names, then keys."""
    ctx: dict = {"@language": "ko", "id": "@id", "type": "@type"}
    ctx.update({p: str(ns) for p, ns in PREFIXES.items()})
    ctx.update({name: _compact(iri) for name, iri in _classes().items()})
    for key, (iri, kind) in _terms().items():
        definition: dict = {"@id": _compact(iri)}
        if kind == "ko":
            ctx[key] = _compact(iri)
            continue
        if kind is None:
            definition["@language"] = None
        else:
            definition["@type"] = kind if kind in (_ID, _VOCAB) else _compact(kind)
        ctx[key] = definition
    return ctx


_BY_NAMESPACE = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def _compact(iri: str) -> str:
    for ns, prefix in _BY_NAMESPACE:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


class _Writer:
    def __init__(self) -> None:
        terms = _terms()
        self.key_of = {iri: key for key, (iri, _) in terms.items()}
        self.kind_of = {iri: kind for iri, kind in terms.values()}
        self.class_of = {iri: name for name, iri in _classes().items()}
        self.term_of = {iri: key for key, (iri, kind) in terms.items()}
        self.compact = {}

    def iri(self, term) -> str:
        out = self.compact.get(term)
        if out is None:
            out = self.compact[term] = _compact(str(term))
        return out

    def value(self, predicate: str, term):
        """A value under its key's coercion: a bare string or number where the context
        says what it is, a value object otherwise."""
        kind = self.kind_of.get(predicate, "generic")
        if isinstance(term, (URIRef, BNode)):
            node = str(term) if isinstance(term, URIRef) else f"_:{term}"
            if kind == _ID:
                return self.iri(node)
            if kind == _VOCAB:
                return self.term_of.get(node) or self.iri(node)
            return {"@id": self.iri(node)}
        datatype = str(term.datatype) if term.datatype is not None else None
        if term.language:
            if term.language == "ko" and kind in ("ko", "generic"):
                return str(term)
            return {"@value": str(term), "@language": term.language}
        if datatype in (None, str(XSD.string)):
            return str(term) if kind is None else {"@value": str(term)}
        if datatype in _NUMERIC and datatype in (kind, str(XSD.integer)):
            number = int(str(term))
            if abs(number) < _MAX_SAFE and (kind == datatype or kind == "generic"):
                return number
        if kind == datatype:
            return str(term)
        return {"@value": str(term), "@type": self.iri(datatype)}


def _sort_key(value) -> tuple:
    if isinstance(value, dict):
        return (2, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return (0, f"{value:020d}") if isinstance(value, int) else (1, value)


_FIRST = ("id", "type", "label", "altLabel", "hiddenLabel", "subject", "predicate", "object")


def render_jsonld(rdf) -> bytes:
    """The graph's triples as one JSON-LD document (see the module docstring)."""
    w = _Writer()
    props: dict = defaultdict(lambda: defaultdict(list))  # subject -> predicate -> objects
    types: dict = defaultdict(list)
    referrers: dict = defaultdict(list)
    for s, p, o in rdf:
        if p == RDF.type and isinstance(o, URIRef):
            types[s].append(str(o))
            continue
        props[s][str(p)].append(o)
        if str(p) in EMBED and isinstance(o, (URIRef, BNode)):
            referrers[o].append(s)
    subjects = set(props) | set(types)
    embedded = {o for o, refs in referrers.items() if len(refs) == 1 and o in subjects
                and referrers[o][0] != o}
    entity_classes = {str(KG[t]) for t in load_schema().types}

    def node(subject) -> dict:
        out: dict = {"id": w.iri(str(subject)) if isinstance(subject, URIRef)
                     else f"_:{subject}"}
        names = sorted(types.get(subject, ()),
                       key=lambda c: (c not in w.class_of, w.class_of.get(c) or w.iri(c)))
        if names:
            shown = [w.class_of.get(c) or w.iri(c) for c in names]
            out["type"] = shown[0] if len(shown) == 1 else shown
        fields = {}
        for predicate, objects in props.get(subject, {}).items():
            key = w.key_of.get(predicate) or w.iri(predicate)
            values = [node(o) if o in embedded and predicate in EMBED else w.value(predicate, o)
                      for o in objects]
            values.sort(key=_sort_key)
            fields[key] = values[0] if len(values) == 1 else values
        for key in _FIRST[2:]:
            if key in fields:
                out[key] = fields.pop(key)
        out.update(sorted(fields.items()))
        return out

    def group(subject) -> int:
        classes = set(types.get(subject, ()))
        if str(VOID.Dataset) in classes:
            return 0
        if classes & entity_classes:
            return 1
        if str(KG.Document) in classes:
            return 2
        if str(RDF.Statement) in classes:
            return 3
        return 4

    top = sorted((s for s in subjects if s not in embedded),
                 key=lambda s: (group(s), w.iri(str(s))))
    ctx = json.dumps(context(), ensure_ascii=False, indent=1)
    # one node a line: greppable, and json's C encoder (indent= is pure Python)
    lines = ",\n".join(json.dumps(node(s), ensure_ascii=False) for s in top)
    return f'{{"@context": {ctx},\n"@graph": [\n{lines}\n]}}\n'.encode()
