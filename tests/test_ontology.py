"""The ontology (ontology/kg.ttl), the SHACL shapes (ontology/shapes.ttl) and kg.validate."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, XSD

from kg.errors import UsageError
from kg.validate import (
    ONTOLOGY_PATH,
    SHAPES_PATH,
    ValidationResult,
    Violation,
    format_violations,
    validate,
)

KG = Namespace("https://w3id.org/kg-ko/ontology#")
KGSH = Namespace("https://w3id.org/kg-ko/shapes#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")

DATA = Path(__file__).parent / "data" / "ontology"
GOOD = DATA / "good.ttl"

CLASSES = ["Organization", "Program", "Initiative", "Investment",
           "Person", "Place", "Product", "Event", "Document"]
ENTITY_CLASSES = CLASSES[:-1]

# ANNOTATION.md's relation table: predicate -> (subject classes, object classes).
RELATIONS = {
    "invests": ({"Organization"}, {"Investment"}),
    "fundsTarget": ({"Investment"}, {"Program", "Initiative", "Organization", "Place"}),
    "operates": ({"Organization"}, {"Program", "Initiative", "Product"}),
    "partnersWith": ({"Organization"}, {"Organization"}),
    "participatesIn": ({"Organization"}, {"Program", "Initiative", "Event"}),
    "supports": ({"Organization", "Program"}, {"Organization", "Program", "Initiative"}),
    "affiliatedWith": ({"Person"}, {"Organization"}),
    "organizes": ({"Organization"}, {"Event"}),
    "uses": ({"Organization"}, {"Product", "Organization"}),
    "locatedIn": ({"Organization", "Event"}, {"Place"}),
}
OTHER_PROPERTIES = {
    "mentionedIn": (set(ENTITY_CLASSES), {"Document"}),
    "year": ({"Investment"}, None),
    "role": ({"Person"}, None),
    "sha256": ({"Document"}, None),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def _classes(graph: Graph, node) -> set[str]:
    """Local names of a class or of the members of an owl:unionOf."""
    if isinstance(node, URIRef):
        return {str(node).rsplit("#", 1)[-1]}
    union = graph.value(node, OWL.unionOf)
    assert union is not None, f"anonymous class without owl:unionOf: {node}"
    return {str(member).rsplit("#", 1)[-1] for member in Collection(graph, union)}


def _shape_classes(graph: Graph, shape) -> set[str]:
    """Classes a shape allows: its sh:class, or the sh:class of each sh:or member."""
    direct = set(graph.objects(shape, SH["class"]))
    for alternatives in graph.objects(shape, SH["or"]):
        direct |= {graph.value(member, SH["class"]) for member in Collection(graph, alternatives)}
    return {str(c).rsplit("#", 1)[-1] for c in direct if c is not None}


def _errors(result: ValidationResult) -> set[tuple[str, str | None, str | None]]:
    return {(v.focus_node, v.path, v.constraint) for v in result.errors}


# ----------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, SHAPES_PATH, GOOD], ids=lambda p: p.name)
def test_parses_in_rdflib_and_pyoxigraph(path: Path):
    graph = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) > 0
    assert len(quads) == len(graph)


def test_ontology_paths_are_relative_to_the_package():
    assert ONTOLOGY_PATH.name == "kg.ttl" and ONTOLOGY_PATH.is_file()
    assert SHAPES_PATH.parent == ONTOLOGY_PATH.parent


# ----------------------------------------------------------------------------- ontology


def test_ontology_header(ontology: Graph):
    (onto,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert onto == URIRef("https://w3id.org/kg-ko/ontology")
    titles = {t.language for t in ontology.objects(onto, DCTERMS.title)}
    assert {"en", "ko"} <= titles
    assert ontology.value(onto, OWL.versionInfo) is not None
    assert ontology.value(onto, OWL.versionIRI) is not None
    assert ontology.value(onto, DCTERMS.description) is not None


def _assert_labelled(ontology: Graph, term: URIRef):
    labels = {lit.language for lit in ontology.objects(term, RDFS.label)}
    assert {"ko", "en"} <= labels, f"{term} needs rdfs:label @ko and @en, has {labels}"
    comments = {lit.language for lit in ontology.objects(term, RDFS.comment)}
    assert "en" in comments, f"{term} needs an English rdfs:comment"


@pytest.mark.parametrize("name", CLASSES)
def test_class_declared(ontology: Graph, name: str):
    term = KG[name]
    assert (term, RDF.type, OWL.Class) in ontology
    _assert_labelled(ontology, term)
    assert list(ontology.objects(term, RDFS.subClassOf)), f"{name} is not aligned with anything"


@pytest.mark.parametrize("name", sorted(RELATIONS) + sorted(OTHER_PROPERTIES))
def test_property_declared_with_domain_and_range(ontology: Graph, name: str):
    term = KG[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} has no OWL property type"
    _assert_labelled(ontology, term)
    domain = ontology.value(term, RDFS.domain)
    range_ = ontology.value(term, RDFS.range)
    assert domain is not None and range_ is not None
    expected_domain, expected_range = {**RELATIONS, **OTHER_PROPERTIES}[name]
    assert _classes(ontology, domain) == expected_domain
    if expected_range is not None:
        assert (OWL.ObjectProperty in kinds) and _classes(ontology, range_) == expected_range


def test_datatype_properties(ontology: Graph):
    assert ontology.value(KG.year, RDFS.range) == XSD.integer
    assert (KG.year, RDF.type, OWL.DatatypeProperty) in ontology
    assert (KG.role, RDF.type, OWL.DatatypeProperty) in ontology


def test_partners_with_is_symmetric(ontology: Graph):
    assert (KG.partnersWith, RDF.type, OWL.SymmetricProperty) in ontology
    symmetric = set(ontology.subjects(RDF.type, OWL.SymmetricProperty))
    assert symmetric == {KG.partnersWith}


@pytest.mark.parametrize(
    "cls, superclass",
    [
        (KG.Organization, ORG.Organization),
        (KG.Organization, SCHEMA.Organization),
        (KG.Person, SCHEMA.Person),
        (KG.Person, PROV.Person),
        (KG.Place, SCHEMA.Place),
        (KG.Event, SCHEMA.Event),
        (KG.Product, SCHEMA.Product),
        (KG.Document, PROV.Entity),
        (KG.Document, SCHEMA.Article),
    ],
)
def test_class_alignments(ontology: Graph, cls, superclass):
    assert (cls, RDFS.subClassOf, superclass) in ontology


def test_property_alignments(ontology: Graph):
    assert (KG.affiliatedWith, RDFS.subPropertyOf, SCHEMA.affiliation) in ontology
    assert (KG.locatedIn, RDFS.subPropertyOf, SCHEMA.location) in ontology
    assert (KG.role, RDFS.subPropertyOf, SCHEMA.jobTitle) in ontology
    # "implies the inverse of": a subproperty of an anonymous inverse, never owl:inverseOf
    for prop, standard in [(KG.mentionedIn, SCHEMA.mentions), (KG.organizes, SCHEMA.organizer)]:
        inverses = [ontology.value(sup, OWL.inverseOf)
                    for sup in ontology.objects(prop, RDFS.subPropertyOf) if isinstance(sup, BNode)]
        assert inverses == [standard]
    assert not list(ontology.subject_objects(OWL.inverseOf)) or all(
        isinstance(s, BNode) for s, _ in ontology.subject_objects(OWL.inverseOf)
    )
    # mentionedIn is about mention, not derivation
    assert (KG.mentionedIn, RDFS.subPropertyOf, PROV.wasDerivedFrom) not in ontology


def test_entity_classes_disjoint(ontology: Graph):
    (axiom,) = ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    members = {str(m).rsplit("#", 1)[-1] for m in Collection(ontology, ontology.value(axiom, OWL.members))}
    assert members == set(CLASSES)


def test_every_kg_term_used_is_declared(ontology: Graph, shapes: Graph):
    declared = {s for s in ontology.subjects(RDFS.label, None) if str(s).startswith(str(KG))}
    used = set()
    for graph in (shapes, Graph().parse(GOOD)):
        for triple in graph:
            used |= {t for t in triple if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert used <= declared, f"undeclared: {sorted(used - declared)}"


# ----------------------------------------------------------------------------- shapes vs table


@pytest.mark.parametrize("name", sorted(RELATIONS))
def test_relation_shapes_follow_the_table(shapes: Graph, name: str):
    expected_subjects, expected_objects = RELATIONS[name]
    (shape,) = [s for s in shapes.subjects(SH.targetSubjectsOf, KG[name])
                if _shape_classes(shapes, s)]
    assert _shape_classes(shapes, shape) == expected_subjects
    (prop,) = [p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == KG[name]]
    assert _shape_classes(shapes, prop) == expected_objects


def test_shapes_target_every_entity_class(shapes: Graph):
    targets = {str(c).rsplit("#", 1)[-1] for c in shapes.objects(KGSH.EntityShape, SH.targetClass)}
    assert targets == set(ENTITY_CLASSES)


# ----------------------------------------------------------------------------- validation


def test_good_graph_conforms():
    result = validate(GOOD)
    assert result.conforms, format_violations(result)
    assert result.violations == ()
    assert format_violations(result) == ""


def test_default_shapes_equal_explicit_shapes():
    assert validate(GOOD) == validate(GOOD, SHAPES_PATH)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("bad_two_labels.ttl",
         {("ent:organization-msit", "rdfs:label", "MaxCountConstraintComponent")}),
        ("bad_investment_without_currency.ttl",
         {("[schema:amount of ent:investment-383]", "schema:currency", "MinCountConstraintComponent")}),
        ("bad_invests_from_person.ttl",
         {("ent:person-kim", None, "ClassConstraintComponent")}),
        ("bad_statement_without_source.ttl",
         {("[evidence ent:organization-kpbma kg:partnersWith ent:organization-aws]",
           "prov:wasDerivedFrom", "MinCountConstraintComponent")}),
        ("bad_currency_won.ttl",
         {("[schema:amount of ent:investment-383]", "schema:currency", "PatternConstraintComponent")}),
    ],
)
def test_broken_graph_gives_expected_violation(name: str, expected):
    result = validate(DATA / name)
    assert not result.conforms
    assert _errors(result) == expected, format_violations(result)


def test_violation_messages_are_specific():
    result = validate(DATA / "bad_invests_from_person.ttl")
    (violation,) = result.violations
    assert isinstance(violation, Violation)
    assert violation.severity == "Violation"
    assert violation.message == "the subject of kg:invests must be a kg:Organization"
    assert violation.shape == "kgsh:InvestsShape"
    currency = validate(DATA / "bad_currency_won.ttl").violations[0]
    assert currency.value == '"won"'
    assert "ISO 4217" in currency.message


PREFIXES = """
PREFIX kg: <https://w3id.org/kg-ko/ontology#>
PREFIX ent: <https://w3id.org/kg-ko/id/>
PREFIX doc: <https://w3id.org/kg-ko/doc/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# SPARQL updates that break good.ttl in one way each, and the one error each must give.
MUTATIONS = {
    "relation without evidence": (
        "INSERT DATA { ent:organization-gov kg:operates ent:product-sagemaker }",
        {("ent:organization-gov", "kg:operates", "SPARQLConstraintComponent")},
    ),
    "evidence for an unasserted triple": (
        "DELETE DATA { ent:organization-aws kg:supports ent:initiative-top3 }",
        {("[evidence ent:organization-aws kg:supports ent:initiative-top3]", None,
          "SPARQLConstraintComponent")},
    ),
    "object of the wrong class": (
        ("DELETE { ?st rdf:object ent:program-flagship } INSERT { ?st rdf:object ent:person-kratz } "
        "WHERE { ?st rdf:subject ent:investment-383 ; rdf:predicate kg:fundsTarget ; "
        "rdf:object ent:program-flagship } ;"
        "DELETE DATA { ent:investment-383 kg:fundsTarget ent:program-flagship } ;"
        "INSERT DATA { ent:investment-383 kg:fundsTarget ent:person-kratz }"),
        {("ent:investment-383", "kg:fundsTarget", "OrConstraintComponent")},
    ),
    "entity not mentioned anywhere": (
        "DELETE WHERE { ent:place-seoul kg:mentionedIn ?d }",
        {("ent:place-seoul", "kg:mentionedIn", "MinCountConstraintComponent")},
    ),
    "label without language tag": (
        ('DELETE DATA { ent:place-seoul rdfs:label "서울"@ko } ; '
        'INSERT DATA { ent:place-seoul rdfs:label "서울" }'),
        {("ent:place-seoul", "rdfs:label", "DatatypeConstraintComponent")},
    ),
    "amount as a string": (
        ('DELETE { ?a schema:value ?v } INSERT { ?a schema:value "383억" } '
        "WHERE { ent:investment-383 schema:amount ?a . ?a schema:value ?v }"),
        {("[schema:amount of ent:investment-383]", "schema:value", "OrConstraintComponent"),
         ("[schema:amount of ent:investment-383]", "schema:value", "MinExclusiveConstraintComponent")},
    ),
    "two amounts": (
        ("INSERT DATA { ent:investment-383 schema:amount [ a schema:MonetaryAmount ; "
        'schema:value 1 ; schema:currency "KRW" ] }'),
        {("ent:investment-383", "schema:amount", "MaxCountConstraintComponent")},
    ),
    "year out of range": (
        ('DELETE DATA { ent:investment-383 kg:year 2024 } ; '
        'INSERT DATA { ent:investment-383 kg:year 24 }'),
        {("ent:investment-383", "kg:year", "MinInclusiveConstraintComponent")},
    ),
    "year as a string": (
        ('DELETE DATA { ent:investment-383 kg:year 2024 } ; '
        'INSERT DATA { ent:investment-383 kg:year "2024" }'),
        {("ent:investment-383", "kg:year", "DatatypeConstraintComponent"),
         # a string is not comparable with 1900 or 2100 either
         ("ent:investment-383", "kg:year", "MinInclusiveConstraintComponent"),
         ("ent:investment-383", "kg:year", "MaxInclusiveConstraintComponent")},
    ),
    "document without identifier": (
        "DELETE WHERE { doc:002_430102f8735eb5df dcterms:identifier ?i }",
        {("doc:002_430102f8735eb5df", "dcterms:identifier", "MinCountConstraintComponent")},
    ),
    "evidence without quote": (
        ("DELETE { ?st oa:hasSelector ?q . ?q ?p ?o } WHERE { ?st rdf:predicate kg:uses ; "
        "oa:hasSelector ?q . ?q a oa:TextQuoteSelector ; ?p ?o }"),
        {("[evidence ent:organization-kpbma kg:uses ent:product-sagemaker]", "oa:hasSelector",
          "QualifiedMinCountConstraintComponent")},
    ),
    "positions reversed": (
        ("DELETE { ?sel oa:start 300 ; oa:end 325 } INSERT { ?sel oa:start 325 ; oa:end 300 } "
        "WHERE { ?sel oa:start 300 ; oa:end 325 }"),
        {("[oa:hasSelector of [evidence ent:organization-aws kg:partnersWith ent:organization-kpbma]]",
          "oa:start", "LessThanConstraintComponent")},
    ),
    "untyped subject of mentionedIn": (
        "INSERT DATA { ent:thing-x kg:mentionedIn doc:002_430102f8735eb5df }",
        {("ent:thing-x", "rdf:type", "QualifiedMinCountConstraintComponent")},
    ),
    "mentioned in an undeclared document": (
        "INSERT DATA { ent:place-seoul kg:mentionedIn doc:999_missing }",
        {("ent:place-seoul", "kg:mentionedIn", "ClassConstraintComponent")},
    ),
    "bad checksum": (
        ('DELETE WHERE { doc:002_430102f8735eb5df kg:sha256 ?h } ; '
        'INSERT DATA { doc:002_430102f8735eb5df kg:sha256 "ABC" }'),
        {("doc:002_430102f8735eb5df", "kg:sha256", "PatternConstraintComponent")},
    ),
    "blank-node entity": (
        '''INSERT DATA { [] a kg:Place ; rdfs:label "부산"@ko ;
                          kg:mentionedIn doc:002_430102f8735eb5df }''',
        None,  # the focus is an anonymous node; only the constraint is checked
    ),
}


@pytest.mark.parametrize("case", sorted(MUTATIONS))
def test_mutated_good_graph_gives_expected_violation(tmp_path: Path, case: str):
    update, expected = MUTATIONS[case]
    graph = Graph().parse(GOOD)
    graph.update(PREFIXES + update)
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = validate(path)
    assert not result.conforms
    if expected is None:
        assert {v.constraint for v in result.errors} == {
            "NodeKindConstraintComponent", "PatternConstraintComponent"}
    else:
        assert _errors(result) == expected, format_violations(result)


def _pyshacl_reference(path: Path) -> set[tuple[str, str | None, str | None]]:
    """What plain pyshacl (SPARQL constraints evaluated per focus node) reports."""
    from kg.validate import _from_report, _load  # the same rendering as validate()

    data = _load(path, "graph")
    _, report, _ = pyshacl.validate(data, shacl_graph=Graph().parse(SHAPES_PATH),
                                    inference="none", allow_warnings=True)
    results = [_from_report(report, r, data) for r in report.subjects(RDF.type, SH.ValidationResult)]
    return {(v.focus_node, v.path, v.constraint) for v in results if v.severity == "Violation"}


@pytest.mark.parametrize("case", ["good", "relation without evidence",
                                  "evidence for an unasserted triple", "object of the wrong class"])
def test_bulk_sparql_evaluation_matches_pyshacl(tmp_path: Path, case: str):
    """validate() runs sh:sparql once per graph in pyoxigraph; pyshacl runs it per focus node."""
    graph = Graph().parse(GOOD)
    if case != "good":
        graph.update(PREFIXES + MUTATIONS[case][0])
    # both directions of a symmetric relation without evidence, and a reversed record
    graph.update(PREFIXES + """INSERT DATA {
        ent:organization-aws kg:partnersWith ent:organization-gov .
        ent:organization-gov kg:partnersWith ent:organization-aws .
        ent:organization-aws kg:partnersWith ent:organization-kpbma . }""")
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    ours = _errors(validate(path))
    assert ours == _pyshacl_reference(path)
    assert ("ent:organization-gov", "kg:partnersWith", "SPARQLConstraintComponent") in ours
    assert ("ent:organization-aws", "kg:partnersWith", "SPARQLConstraintComponent") in ours


def test_non_ascii_entity_iri_is_a_violation(tmp_path: Path):
    graph = Graph().parse(GOOD)
    graph.update(PREFIXES + """INSERT DATA { <https://w3id.org/kg-ko/id/장소-부산> a kg:Place ;
        rdfs:label "부산"@ko ; kg:mentionedIn doc:002_430102f8735eb5df }""")
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = validate(path)
    assert [v.constraint for v in result.violations] == ["PatternConstraintComponent"]
    assert "부산" in result.violations[0].focus_node


def test_warning_does_not_break_conformance(tmp_path: Path):
    graph = Graph().parse(GOOD)
    label = URIRef("https://w3id.org/kg-ko/id/place-seoul")
    graph.remove((label, RDFS.label, None))
    graph.add((label, RDFS.label, Literal("Seúl", lang="es")))
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    result = validate(path)
    assert result.conforms
    assert [v.severity for v in result.violations] == ["Warning"]
    assert result.errors == () and len(result.warnings) == 1


def test_format_violations_one_line_each():
    result = validate(DATA / "bad_statement_without_source.ttl")
    text = format_violations(result)
    assert len(text.splitlines()) == len(result.violations) == 1
    assert text.startswith("Violation: [evidence ent:organization-kpbma kg:partnersWith")
    assert "prov:wasDerivedFrom" in text


def test_result_is_frozen():
    result = validate(GOOD)
    with pytest.raises(AttributeError):
        result.conforms = False  # type: ignore[misc]


# ----------------------------------------------------------------------------- usage errors


def test_missing_graph_is_a_usage_error(tmp_path: Path):
    missing = tmp_path / "nope.ttl"
    with pytest.raises(UsageError) as info:
        validate(missing)
    message = str(info.value)
    assert str(missing) in message and "\n" not in message


def test_unparsable_graph_is_a_usage_error(tmp_path: Path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("ent:x a kg:Organization ;;; <<<\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        validate(broken)
    message = str(info.value)
    assert str(broken) in message and "\n" not in message


def test_missing_shapes_is_a_usage_error(tmp_path: Path):
    with pytest.raises(UsageError):
        validate(GOOD, tmp_path / "shapes.ttl")


def test_ntriples_graph_is_accepted(tmp_path: Path):
    path = tmp_path / "graph.nt"
    Graph().parse(GOOD).serialize(path, format="nt", encoding="utf-8")
    assert validate(path).conforms


# ----------------------------------------------------------------------------- the seeds build


def test_seeds_build_conforms(seeds_graph: Path):
    result = validate(seeds_graph)
    assert result.conforms, format_violations(result)


def test_seeds_build_uses_only_declared_kg_terms(seeds_graph: Path, ontology: Graph):
    declared = {s for s in ontology.subjects(RDFS.label, None) if str(s).startswith(str(KG))}
    used = {t for triple in Graph().parse(seeds_graph) for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(KG))}
    assert used <= declared, f"undeclared: {sorted(used - declared)}"


def test_lexicons_pass_their_checker():
    import subprocess
    import sys

    root = Path(__file__).parents[1]
    done = subprocess.run([sys.executable, str(root / "scripts" / "check_lexicons.py")],
                          capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("total")
