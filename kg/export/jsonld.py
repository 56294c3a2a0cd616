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

import functools
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox
from rdflib import RDF
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

    def iri(self, term: str) -> str:
        out = self.compact.get(term)
        if out is None:
            out = self.compact[term] = _compact(term)
        return out

    def value(self, predicate: str, term):
        """A value under its key's coercion: a bare string or number where the context
        says what it is, a value object otherwise."""
        kind = self.kind_of.get(predicate, "generic")
        if isinstance(term, (ox.NamedNode, ox.BlankNode)):
            node = term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"
            if kind == _ID:
                return self.iri(node)
            if kind == _VOCAB:
                return self.term_of.get(node) or self.iri(node)
            return {"@id": self.iri(node)}
        if term.language:
            if term.language == "ko" and kind in ("ko", "generic"):
                return term.value
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return term.value if kind is None else {"@value": term.value}
        if datatype in _NUMERIC and datatype in (kind, _XSD_INTEGER):
            number = int(term.value)
            if abs(number) < _MAX_SAFE and (kind == datatype or kind == "generic"):
                return number
        if kind == datatype:
            return term.value
        return {"@value": term.value, "@type": self.iri(datatype)}


def _sort_key(value) -> tuple:
    if isinstance(value, dict):
        return (2, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return (0, f"{value:020d}") if isinstance(value, int) else (1, value)


_FIRST = ("id", "type", "label", "altLabel", "hiddenLabel", "subject", "predicate", "object")
_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)
_XSD_INTEGER = str(XSD.integer)
_DATASET, _DOCUMENT, _STATEMENT = str(VOID.Dataset), str(KG.Document), str(RDF.Statement)


@functools.lru_cache(maxsize=1)
def _writer() -> _Writer:
    return _Writer()


@functools.lru_cache(maxsize=1)
def _entity_classes() -> frozenset[str]:
    return frozenset(str(KG[t]) for t in load_schema().types)


def json_nodes(triples: Iterable[ox.Triple]) -> list[tuple[int, str, str]]:
    """The top-level nodes the triples make, each as (group, compact id, one line of
    JSON): group 0 the dataset's description, 1 entities, 2 documents, 3 evidence
    records, 4 anything else. A node reached through an embedding property (amount,
    selector, a document's text, the build) from exactly one node is written inside it.
    The triples must hold every triple of the nodes they describe: one document and its
    evidence, or one entity, make whole nodes."""
    w = _writer()
    props: dict = defaultdict(lambda: defaultdict(list))  # subject -> predicate -> objects
    types: dict = defaultdict(list)
    referrers: dict = defaultdict(list)
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if p == _TYPE and isinstance(o, ox.NamedNode):
            types[s].append(o.value)
            continue
        props[s][p].append(o)
        if p in EMBED and isinstance(o, (ox.NamedNode, ox.BlankNode)):
            referrers[o].append(s)
    subjects = set(props) | set(types)
    embedded = {o for o, refs in referrers.items() if len(refs) == 1 and o in subjects
                and referrers[o][0] != o}

    def name(subject) -> str:
        return w.iri(subject.value) if isinstance(subject, ox.NamedNode) \
            else f"_:{subject.value}"

    def node(subject) -> dict:
        out: dict = {"id": name(subject)}
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
            if len(values) == 1:  # (sorting one value would still compute its key)
                fields[key] = values[0]
            else:
                values.sort(key=_sort_key)
                fields[key] = values
        for key in _FIRST[2:]:
            if key in fields:
                out[key] = fields.pop(key)
        out.update(sorted(fields.items()))
        return out

    def group(subject) -> int:
        classes = set(types.get(subject, ()))
        if _DATASET in classes:
            return 0
        if classes & _entity_classes():
            return 1
        if _DOCUMENT in classes:
            return 2
        if _STATEMENT in classes:
            return 3
        return 4

    # one node a line: greppable, and json's C encoder (indent= is pure Python)
    return [(group(s), name(s), json.dumps(node(s), ensure_ascii=False))
            for s in subjects if s not in embedded]


def jsonld_head() -> str:
    return f'{{"@context": {json.dumps(context(), ensure_ascii=False, indent=1)},\n"@graph": [\n'


JSONLD_TAIL = "\n]}\n"


def write_jsonld(lines: Iterable[str], out: IO[bytes]) -> None:
    """The JSON-LD document of these node lines (in their order) to a binary file."""
    out.write(jsonld_head().encode())
    first = True
    for line in lines:
        if not first:
            out.write(b",\n")
        out.write(line.encode())
        first = False
    out.write(JSONLD_TAIL.encode())


def render_jsonld(rdf) -> bytes:
    """The graph's triples (rdflib or pyoxigraph terms) as one JSON-LD document (see the
    module docstring)."""
    from kg.export.rdf import ox_triples

    nodes = sorted(json_nodes(ox_triples(rdf)))
    lines = ",\n".join(line for _, _, line in nodes)
    return f"{jsonld_head()}{lines}{JSONLD_TAIL}".encode()
