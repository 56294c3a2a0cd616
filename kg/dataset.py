"""The dataset's description (VoID and DCAT), stated in the graph itself: what it is,
which documents it was built from, which vocabulary it uses, its licence, the version of
`kg` that built it and, when SOURCE_DATE_EPOCH is set, when.

Everything here is derived from the records, so two builds of the same input give the
same description; the build time is left out unless SOURCE_DATE_EPOCH (the
reproducible-builds convention) says it.
"""
from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from datetime import datetime, timezone

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph import DCAT, ENT, OA, ORG, SCHEMA, VOID
from kg.schema import BASE

LICENSE = URIRef("https://www.apache.org/licenses/LICENSE-2.0")
VOCABULARIES = (BASE + "ontology", str(SCHEMA), str(ORG), str(PROV), str(OA), str(SKOS),
                str(DCTERMS), str(RDFS))
TITLE = {"en": "Knowledge graph of Korean public-sector AI news",
         "ko": "한국 공공부문 AI 뉴스 지식그래프"}
DESCRIPTION = {
    "en": "Organisations, programs, initiatives, investments, people, places, products and "
          "events found in the source documents by kg's extraction rules, the relations "
          "between them, and for each relation the sentences that state it.",
    "ko": "원문 문서에서 kg의 추출 규칙이 찾은 조직, 사업, 정책 구상, 투자, 인물, 장소, 제품, "
          "행사와 그 사이의 관계, 그리고 관계마다 그것을 진술한 문장."}
RIGHTS = {
    "en": "The graph is released under the Apache License 2.0; the quoted sentences and the "
          "texts under text/ remain the property of their publishers.",
    "ko": "그래프는 Apache License 2.0으로 배포되며, 인용된 문장과 text/ 아래의 본문은 원 "
          "발행처의 저작물이다."}


@functools.cache
def software_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:  # a checkout used without installing it
        return "0.0.0+unknown"


@functools.cache
def ontology_version() -> URIRef:
    """The ontology's owl:versionIRI, read from kg.ttl."""
    from rdflib import Graph

    from kg.resources import ontology_path

    g = Graph().parse(ontology_path(), format="turtle")
    found = next(iter(g.objects(None, OWL.versionIRI)), None)
    return URIRef(found) if found is not None else URIRef(BASE + "ontology")


def dataset_iri(doc_shas: Iterable[str]) -> ox.NamedNode:
    """Named by what it was built from: the same documents give the same IRI."""
    digest = hashlib.sha256("\n".join(sorted(doc_shas)).encode()).hexdigest()[:16]
    return ox.NamedNode(BASE + "dataset/" + digest)


def build_time() -> ox.Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    when = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    # 2025-01-01T00:00:00+00:00: the canonical form rdflib wrote when it made these terms
    return ox.Literal(when.isoformat(timespec="seconds"), datatype=_ox(XSD.dateTime))


def _ox(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def describe(doc_shas: Iterable[str], doc_nodes: Iterable, entities: int, triples: int
             ) -> list[ox.Triple]:
    """The description's triples (pyoxigraph terms), for a build of the documents with
    these text checksums and nodes (IRIs) and that many entities; `triples` counts the
    rest of the graph (void:triples counts the description too)."""
    doc_shas = list(doc_shas)
    doc_nodes = sorted(str(getattr(n, "value", n)) for n in doc_nodes)
    ds = dataset_iri(doc_shas)
    build = ox.NamedNode(ds.value + "-build")
    software = ox.NamedNode(BASE + "software/kg/" + software_version())
    integer = _ox(XSD.integer)
    out: list[ox.Triple] = []

    def add(s, p, o) -> None:
        out.append(ox.Triple(s, _ox(p), o))

    for cls in (VOID.Dataset, DCAT.Dataset, PROV.Entity):
        add(ds, RDF.type, _ox(cls))
    for lang in ("en", "ko"):
        add(ds, DCTERMS.title, ox.Literal(TITLE[lang], language=lang))
        add(ds, DCTERMS.description, ox.Literal(DESCRIPTION[lang], language=lang))
        add(ds, DCTERMS.rights, ox.Literal(RIGHTS[lang], language=lang))
    add(ds, DCTERMS.license, _ox(LICENSE))
    add(ds, DCTERMS.conformsTo, _ox(ontology_version()))
    for ns in VOCABULARIES:  # the kg vocabulary by its ontology IRI, the others by namespace
        add(ds, VOID.vocabulary, ox.NamedNode(ns))
    add(ds, VOID.uriSpace, ox.Literal(str(ENT)))
    add(ds, VOID.entities, ox.Literal(str(entities), datatype=integer))
    add(ds, VOID.documents, ox.Literal(str(len(doc_shas)), datatype=integer))
    for iri in doc_nodes:
        add(ds, DCTERMS.source, ox.NamedNode(iri))
    add(ds, PROV.wasGeneratedBy, build)
    add(build, RDF.type, _ox(PROV.Activity))
    add(build, PROV.wasAssociatedWith, software)
    add(software, RDF.type, _ox(PROV.SoftwareAgent))
    add(software, RDF.type, _ox(SCHEMA.SoftwareApplication))
    add(software, SCHEMA.name, ox.Literal("kg"))
    add(software, SCHEMA.softwareVersion, ox.Literal(software_version()))
    when = build_time()
    if when is not None:
        add(ds, DCTERMS.modified, when)
        add(build, PROV.endedAtTime, when)
    add(ds, VOID.triples, ox.Literal(str(triples + len(out) + 1), datatype=integer))
    return out
