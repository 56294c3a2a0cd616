"""The ontology's entity types and predicates, read from ontology/kg.ttl.

One source for the extractor (domains and ranges), the evaluation (core and
extended types, symmetric predicates), the exporters (terms) and the HTML view
(labels and display styles): a new relation type is one entry in kg.ttl, its
term below, and its rules.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DefinedNamespace

from kg.errors import UsageError
from kg.resources import ontology_path

BASE = "https://w3id.org/kg-ko/"


class KG(DefinedNamespace):
    """The kg ontology's terms: a misspelt one raises AttributeError
    (tests/test_schema.py checks that this list equals kg.ttl's)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Organization: URIRef
    Program: URIRef
    Initiative: URIRef
    Investment: URIRef
    Person: URIRef
    Place: URIRef
    Product: URIRef
    Event: URIRef
    Document: URIRef
    # relations
    invests: URIRef
    fundsTarget: URIRef
    operates: URIRef
    partnersWith: URIRef
    participatesIn: URIRef
    supports: URIRef
    affiliatedWith: URIRef
    organizes: URIRef
    uses: URIRef
    locatedIn: URIRef
    # other properties and annotations
    mentionedIn: URIRef
    year: URIRef
    role: URIRef
    sha256: URIRef
    tier: URIRef
    displayStyle: URIRef
    extractedBy: URIRef


@dataclass(frozen=True)
class EntityType:
    name: str            # local name: Organization
    tier: str            # core | extended
    label_ko: str
    label_en: str
    colour: str          # the HTML view's drawing
    shape: str
    glyph: str
    dashed: bool
    standard: tuple[str, ...] = ()  # IRIs of the standard classes it is a subclass of


@dataclass(frozen=True)
class Predicate:
    name: str            # local name: invests
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool
    label_ko: str
    label_en: str


@dataclass(frozen=True)
class Schema:
    types: Mapping[str, EntityType]        # in kg.ttl's order
    predicates: Mapping[str, Predicate]
    document_standard: tuple[str, ...] = ()  # standard classes of kg:Document
    _between: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def core(self) -> tuple[str, ...]:
        return tuple(t for t, v in self.types.items() if v.tier == "core")

    @property
    def extended(self) -> tuple[str, ...]:
        return tuple(t for t, v in self.types.items() if v.tier == "extended")

    @property
    def symmetric(self) -> frozenset[str]:
        return frozenset(p for p, v in self.predicates.items() if v.symmetric)

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        p = self.predicates[predicate]
        return subject_type in p.domain and object_type in p.range

    def between(self, subject_type: str, object_type: str) -> tuple[str, ...]:
        """The predicates allowed from one type to the other, in the ontology's order
        (worked out once a pair of types: the learned model asks for every pair)."""
        key = (subject_type, object_type)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = tuple(
                p for p in self.predicates if self.allows(p, subject_type, object_type))
        return found


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def _label(g: Graph, term: URIRef, lang: str) -> str:
    return next((str(o) for o in g.objects(term, RDFS.label)
                 if isinstance(o, Literal) and o.language == lang), _local(term))


def _classes(g: Graph, node) -> frozenset[str]:
    """A class, or an owl:unionOf of classes, as local names."""
    union = g.value(node, OWL.unionOf)
    members = Collection(g, union) if union is not None else [node]
    return frozenset(_local(m) for m in members)


def _standard(g: Graph, cls: URIRef) -> tuple[str, ...]:
    """The classes of other vocabularies that kg.ttl makes `cls` a subclass of (directly):
    builds state them too, so that stores without inference find the nodes by them."""
    ns = str(KG._NS)
    return tuple(sorted(str(o) for o in g.objects(cls, RDFS.subClassOf)
                        if isinstance(o, URIRef) and not str(o).startswith(ns)))


def _order(g: Graph, term: URIRef, text: str) -> int:
    """Position of a term's declaration in kg.ttl, so that tables follow the file."""
    return text.find(f"\n{term.n3(g.namespace_manager)}\n")


@functools.cache
def load_schema(path: Path | None = None) -> Schema:
    path = Path(path) if path is not None else ontology_path()
    try:
        text = path.read_text(encoding="utf-8")
        g = Graph().parse(data=text, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the ontology: {exc}") from None
    ns = str(KG._NS)
    types, predicates = {}, {}
    for cls in sorted(g.subjects(KG.tier, None), key=lambda c: _order(g, c, text)):
        colour, shape, glyph, *rest = str(g.value(cls, KG.displayStyle) or "#8c8c8c dot ○").split()
        types[_local(cls)] = EntityType(_local(cls), str(g.value(cls, KG.tier)),
                                        _label(g, cls, "ko"), _label(g, cls, "en"),
                                        colour, shape, glyph, "dashed" in rest,
                                        _standard(g, cls))
    for prop in sorted(g.subjects(RDF.type, OWL.ObjectProperty), key=lambda p: _order(g, p, text)):
        if not str(prop).startswith(ns) or prop == KG.mentionedIn:
            continue
        domain, rng = g.value(prop, RDFS.domain), g.value(prop, RDFS.range)
        if domain is None or rng is None:
            raise UsageError(f"{path}: {_local(prop)} has no rdfs:domain or rdfs:range")
        predicates[_local(prop)] = Predicate(
            _local(prop), _classes(g, domain), _classes(g, rng),
            (prop, RDF.type, OWL.SymmetricProperty) in g,
            _label(g, prop, "ko"), _label(g, prop, "en"))
    return Schema(MappingProxyType(types), MappingProxyType(predicates),
                  _standard(g, KG.Document))
