"""Check a built graph against the project's SHACL shapes (ontology/shapes.ttl).

    result = validate(Path("output/graph.ttl"))
    if not result.conforms:
        report = format_violations(result)   # one line per result

Validation runs pyshacl with inference "none" and without mixing the ontology
(ontology/kg.ttl) into the data graph. That is deliberate: the contract promises
that every node carries its kg: class explicitly, and the shapes check the
ontology's domains and ranges themselves. RDFS inference over kg.ttl would do
the opposite of checking: a Person used as the subject of kg:invests would be
inferred to be an Organization (the domain of kg:invests) and the error would
disappear. Without inference the kg classes have no subclasses to consider, so
the ontology adds nothing to sh:class checks either.

Results of severity sh:Warning or sh:Info are reported but do not make a graph
non-conforming; only sh:Violation does.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from rdflib.util import guess_format

from kg.errors import UsageError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

KG = Namespace("https://w3id.org/kg-ko/ontology#")
ENT = Namespace("https://w3id.org/kg-ko/id/")
DOC = Namespace("https://w3id.org/kg-ko/doc/")
SCHEMA = Namespace("https://schema.org/")

_PREFIXES = {
    "kg": KG,
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

    Raises UsageError when either file is missing or cannot be parsed.
    """
    data = _load(Path(graph_path), "graph")
    shapes = _load(Path(shapes_path) if shapes_path is not None else SHAPES_PATH, "shapes")
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
        inplace=True,  # no inference and no ontology mixed in: the data graph is not changed
    )
    if not isinstance(report, Graph):  # pyshacl's ValidationFailure: the shapes are unusable
        reason = (str(report).strip().splitlines() or ["validation failed"])[0]
        raise UsageError(f"{shapes_path or SHAPES_PATH}: invalid shapes: {reason}")
    violations = sorted(
        (_violation(report, result, data) for result in report.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus_node, v.path or "", v.message,
                       v.value or ""),
    )
    unique = tuple(dict.fromkeys(violations))
    return ValidationResult(
        conforms=not any(v.severity == "Violation" for v in unique), violations=unique
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


# --------------------------------------------------------------------------- helpers


def _load(path: Path, what: str) -> Graph:
    if not path.is_file():
        raise UsageError(f"{path}: {what} file not found")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many unrelated types for bad input
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise UsageError(f"{path}: cannot parse {what} as {fmt}: {reason}") from None
    for prefix, ns in _PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


def _violation(report: Graph, result, data: Graph) -> Violation:
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
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


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
