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
from datetime import datetime, timezone

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg.graph import DCAT, ENT, OA, ORG, SCHEMA, VOID, GraphData, doc_iris
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


def dataset_iri(data: GraphData) -> URIRef:
    """Named by what it was built from: the same documents give the same IRI."""
    digest = hashlib.sha256("\n".join(sorted(d.sha256 for d in data.documents))
                            .encode()).hexdigest()[:16]
    return URIRef(BASE + "dataset/" + digest)


def build_time() -> Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    when = datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    return Literal(when.isoformat(timespec="seconds") + "Z", datatype=XSD.dateTime)


def describe(data: GraphData, triples: int) -> list[tuple]:
    """The description's triples; `triples` counts the rest of the graph (void:triples
    counts the description too)."""
    ds = dataset_iri(data)
    build = URIRef(ds + "-build")
    software = URIRef(BASE + "software/kg/" + software_version())
    out: list[tuple] = []
    add = out.append
    for cls in (VOID.Dataset, DCAT.Dataset, PROV.Entity):
        add((ds, RDF.type, cls))
    for lang in ("en", "ko"):
        add((ds, DCTERMS.title, Literal(TITLE[lang], lang=lang)))
        add((ds, DCTERMS.description, Literal(DESCRIPTION[lang], lang=lang)))
        add((ds, DCTERMS.rights, Literal(RIGHTS[lang], lang=lang)))
    add((ds, DCTERMS.license, LICENSE))
    add((ds, DCTERMS.conformsTo, ontology_version()))
    for ns in VOCABULARIES:  # the kg vocabulary by its ontology IRI, the others by namespace
        add((ds, VOID.vocabulary, URIRef(ns)))
    add((ds, VOID.uriSpace, Literal(str(ENT))))
    add((ds, VOID.entities, Literal(len(data.entities), datatype=XSD.integer)))
    add((ds, VOID.documents, Literal(len(data.documents), datatype=XSD.integer)))
    for iri in sorted(doc_iris(data.documents).values()):
        add((ds, DCTERMS.source, iri))
    add((ds, PROV.wasGeneratedBy, build))
    add((build, RDF.type, PROV.Activity))
    add((build, PROV.wasAssociatedWith, software))
    add((software, RDF.type, PROV.SoftwareAgent))
    add((software, RDF.type, SCHEMA.SoftwareApplication))
    add((software, SCHEMA.name, Literal("kg")))
    add((software, SCHEMA.softwareVersion, Literal(software_version())))
    when = build_time()
    if when is not None:
        add((ds, DCTERMS.modified, when))
        add((build, PROV.endedAtTime, when))
    add((ds, VOID.triples, Literal(triples + len(out) + 1, datatype=XSD.integer)))
    return out
