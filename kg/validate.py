"""Check a built graph against the project's SHACL shapes (ontology/shapes.ttl).

    result = validate(Path("output/graph.ttl"))
    if not result.conforms:
        report = format_violations(result)   # one line per result

How it validates:

* SHACL Core constraints run in pyshacl with inference "none" and without mixing
  the ontology (ontology/kg.ttl) into the data graph. That is deliberate: the
  contract promises that every node carries its kg: class explicitly, and the
  shapes check the ontology's domains and ranges themselves. RDFS inference over
  kg.ttl would do the opposite of checking: a Person used as the subject of
  kg:invests would be inferred to be an Organization (the domain of kg:invests)
  and the error would disappear. Without inference the kg classes have no
  subclasses to consider, so the ontology would add nothing to sh:class checks.
* SPARQL-based constraints (sh:sparql with sh:select) on node shapes are taken out
  of the shapes given to pyshacl and evaluated here, each once over the whole
  graph in pyoxigraph, keeping the solutions whose $this is a focus node of the
  shape. pyshacl would re-parse and run each query once per focus node, which
  takes minutes on graphs with a few thousand relations. This equals SHACL's
  pre-bound evaluation for queries without sub-selects, aggregates, MINUS or
  VALUES (SHACL forbids the last two anyway); shapes.ttl keeps to that.

Results of severity sh:Warning or sh:Info are reported but do not make a graph
non-conforming; only sh:Violation does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax import SAXException

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node
from rdflib.util import guess_format

from kg.errors import UsageError
from kg.graph import DOC, ENT, SCHEMA
from kg.resources import ontology_path, shapes_path
from kg.schema import KG

ONTOLOGY_PATH = ontology_path()
SHAPES_PATH = shapes_path()


_PREFIXES = {
    "kg": KG._NS,
    "ent": ENT,
    "doc": DOC,
    "schema": SCHEMA,
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "oa": Namespace("http://www.w3.org/ns/oa#"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "org": Namespace("http://www.w3.org/ns/org#"),
    "kgsh": Namespace("https://w3id.org/kg-ko/shapes#"),
}

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_MAX_VALUE_CHARS = 80
_PLACEHOLDER = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")
# What rdflib's parsers raise on bad input (Turtle/TriG/N3 raise BadSyntax, a
# SyntaxError; N-Triples ParserError; RDF/XML SAXException; JSON-LD and bad
# UTF-8 ValueError), plus unreadable files.
_PARSE_ERRORS = (SyntaxError, ValueError, ParserError, SAXException, OSError)


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result, rendered as text (prefixed names where possible).

    focus_node: the node that fails (a blank node is described by how it is reached,
        e.g. "[evidence ent:a kg:invests ent:b]" or "[schema:amount of ent:x]").
    path: the property path checked, or None for a constraint on the node itself.
    severity: "Violation", "Warning" or "Info".
    value: the offending value, when SHACL reports one.
    constraint: the SHACL constraint component's local name, e.g. "MinCountConstraintComponent".
    shape: the shape that produced the result (a prefixed name, or None for an anonymous shape).
    """

    focus_node: str
    path: str | None
    message: str
    severity: str
    value: str | None = None
    constraint: str | None = None
    shape: str | None = None


@dataclass(frozen=True)
class ValidationResult:
    """conforms is True when there is no result of severity Violation."""

    conforms: bool
    violations: tuple[Violation, ...]

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity == "Violation")

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity != "Violation")


def validate(graph_path: Path, shapes_path: Path | None = None) -> ValidationResult:
    """Validate the RDF file at graph_path against shapes_path (default ontology/shapes.ttl).

    Raises UsageError when either file is missing or cannot be parsed, or when the
    shapes are not usable SHACL.
    """
    shapes_path = Path(shapes_path) if shapes_path is not None else SHAPES_PATH
    data = _load_data(Path(graph_path))
    shapes = _load(shapes_path, "shapes")
    core, sparql = _split_shapes(shapes)

    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=core,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        inplace=True,  # no inference and no ontology mixed in: the data graph is not changed
    )
    if not isinstance(report, Graph):  # pyshacl's ValidationFailure: the shapes are unusable
        raise UsageError(f"{shapes_path}: invalid shapes: {_first_line(report)}")
    found = [_from_report(report, result, data)
             for result in report.subjects(RDF.type, SH.ValidationResult)]
    if sparql:
        found.extend(_run_sparql_constraints(sparql, shapes, data, shapes_path))

    ordered = sorted(
        set(found),
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus_node, v.path or "", v.message,
                       v.value or "", v.constraint or ""),
    )
    return ValidationResult(
        conforms=not any(v.severity == "Violation" for v in ordered), violations=tuple(ordered)
    )


def format_violation(violation: Violation) -> str:
    """One line: severity, focus node, path, message and (if not already in it) the value."""
    where = violation.focus_node if violation.path is None else f"{violation.focus_node} {violation.path}"
    line = f"{violation.severity}: {where}: {violation.message}"
    if violation.value not in (None, violation.focus_node) and violation.value not in violation.message:
        value = violation.value
        if len(value) > _MAX_VALUE_CHARS:
            value = value[: _MAX_VALUE_CHARS - 1] + "…"
        line += f" (value: {value})"
    return " ".join(line.split())  # one physical line whatever the literals contain


def format_violations(result: ValidationResult) -> str:
    """One line per result, violations first; the empty string when there are none."""
    return "\n".join(format_violation(v) for v in result.violations)


# --------------------------------------------------------------------------- loading


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0].strip() if lines else type(error).__name__


def _load_data(path: Path) -> Graph:
    """The graph to check: the union of the graphs of any file kg writes (kg.rdfload)."""
    from kg.rdfload import load_graph

    graph = load_graph(path)
    for prefix, ns in _PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def _load(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise UsageError(f"{path}: {what} file not found")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except _PARSE_ERRORS as exc:
        raise UsageError(f"{path}: cannot parse {what} as {fmt}: {_first_line(exc)}") from None
    for prefix, ns in _PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


# --------------------------------------------------------------------------- SPARQL constraints


@dataclass(frozen=True)
class _SparqlConstraint:
    shape: Node
    query: str
    message: str | None
    severity: Node


def _split_shapes(shapes: Graph) -> tuple[Graph, list[_SparqlConstraint]]:
    """A copy of shapes without the SELECT-based sh:sparql of node shapes, and those constraints."""
    core = Graph()
    core += shapes
    for prefix, ns in shapes.namespaces():
        core.bind(prefix, ns)
    constraints = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql), key=lambda so: (str(so[0]), str(so[1]))):
        select = shapes.value(node, SH.select)
        if select is None or shapes.value(shape, SH.path) is not None:
            continue  # ASK/CONSTRUCT or a property shape ($PATH): left to pyshacl
        core.remove((shape, SH.sparql, node))
        if _true(shapes.value(shape, SH.deactivated)) or _true(shapes.value(node, SH.deactivated)):
            continue
        prologue = "".join(
            f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>\n"
            for source in shapes.objects(node, SH.prefixes)
            for decl in shapes.objects(source, SH.declare)
        )
        message = shapes.value(node, SH.message) or shapes.value(shape, SH.message)
        constraints.append(_SparqlConstraint(
            shape=shape,
            query=prologue + str(select),
            message=str(message) if message is not None else None,
            severity=shapes.value(shape, SH.severity) or SH.Violation,
        ))
    return core, constraints


def _true(value) -> bool:
    return isinstance(value, Literal) and value.toPython() is True


def _focus_nodes(shapes: Graph, shape: Node, data: Graph) -> set[Node]:
    nodes: set[Node] = set(shapes.objects(shape, SH.targetNode))
    classes = set(shapes.objects(shape, SH.targetClass))
    if any((shape, RDF.type, cls) in shapes for cls in (RDFS.Class, OWL.Class)):
        classes.add(shape)  # implicit class target
    for cls in classes:
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(data.subjects(RDF.type, sub))
    for predicate in shapes.objects(shape, SH.targetSubjectsOf):
        nodes.update(data.subjects(predicate, None))
    for predicate in shapes.objects(shape, SH.targetObjectsOf):
        nodes.update(data.objects(None, predicate))
    return nodes


def _to_oxigraph(data: Graph) -> ox.Store:
    """The same triples, blank-node labels kept, so results map back to rdflib nodes."""
    store = ox.Store()
    store.extend(ox.parse(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    return store


def _from_oxigraph(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _run_sparql_constraints(constraints: list[_SparqlConstraint], shapes: Graph, data: Graph,
                            shapes_path: Path) -> list[Violation]:
    store = _to_oxigraph(data)
    found = []
    for constraint in constraints:
        focus_nodes = _focus_nodes(shapes, constraint.shape, data)
        if not focus_nodes:
            continue
        try:
            solutions = store.query(constraint.query)
        except (SyntaxError, ValueError, OSError) as exc:
            raise UsageError(f"{shapes_path}: bad SPARQL in {_render(constraint.shape, shapes)}: "
                             f"{_first_line(exc)}") from None
        names = {v.value for v in solutions.variables}
        if "this" not in names:
            raise UsageError(f"{shapes_path}: SPARQL constraint of {_render(constraint.shape, shapes)} "
                             "must select $this")
        for solution in solutions:
            row = {name: _from_oxigraph(solution[name]) for name in names if solution[name] is not None}
            focus = row.get("this")
            if focus is None or focus not in focus_nodes:
                continue
            message = _substitute(constraint.message or "SPARQL constraint not met", row, data)
            path = row.get("path")
            value = row.get("value", focus)
            found.append(Violation(
                focus_node=_describe(focus, data),
                path=_render(path, data) if path is not None else None,
                message=" ".join(message.split()),
                severity=_SEVERITIES.get(constraint.severity, _local(constraint.severity) or "Violation"),
                value=_describe(value, data),
                constraint="SPARQLConstraintComponent",
                shape=_render(constraint.shape, data) if isinstance(constraint.shape, URIRef) else None,
            ))
    return found


def _substitute(message: str, row: dict[str, Node], data: Graph) -> str:
    """SHACL message templates: {?var} and {$var} become the solution's values."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        return _render(row[name], data) if name in row else match.group(0)

    return _PLACEHOLDER.sub(value, message)


# --------------------------------------------------------------------------- rendering


def _from_report(report: Graph, result: Node, data: Graph) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    severity = report.value(result, SH.resultSeverity)
    component = report.value(result, SH.sourceConstraintComponent)
    shape = report.value(result, SH.sourceShape)
    messages = sorted(report.objects(result, SH.resultMessage), key=_message_rank)
    message = str(messages[0]) if messages else (_local(component) or "constraint not met")
    return Violation(
        focus_node=_describe(focus, data) if focus is not None else "?",
        path=_render(path, data) if path is not None else None,
        message=" ".join(message.split()),
        severity=_SEVERITIES.get(severity, _local(severity) or "Violation"),
        value=_describe(value, data) if value is not None else None,
        constraint=_local(component),
        shape=_render(shape, data) if isinstance(shape, URIRef) else None,
    )


def _message_rank(message) -> tuple[int, str]:
    lang = getattr(message, "language", None)
    return (0 if lang in (None, "en") else 1, str(message))


def _local(node) -> str | None:
    if not isinstance(node, URIRef):
        return None
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _render(node, graph: Graph) -> str:
    if isinstance(node, (URIRef, Literal)):
        return node.n3(graph.namespace_manager)
    return f"_:{node}"


def _describe(node, graph: Graph, depth: int = 0) -> str:
    """Render a node; a blank node is described by its role so that a report line is useful."""
    if not isinstance(node, BNode) or depth > 2:
        return _render(node, graph)
    if (node, RDF.type, RDF.Statement) in graph:
        parts = [graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        shown = " ".join(_render(p, graph) if p is not None else "?" for p in parts)
        return f"[evidence {shown}]"
    referrers = sorted(graph.subject_predicates(node), key=lambda sp: (str(sp[1]), str(sp[0])))
    if referrers:
        subject, predicate = referrers[0]
        return f"[{_render(predicate, graph)} of {_describe(subject, graph, depth + 1)}]"
    return _render(node, graph)
