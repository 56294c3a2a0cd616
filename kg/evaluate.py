"""Score a built graph (Turtle) against gold annotations.

The rules are those of ANNOTATION.md ("How a build is scored"), made exact by the
shared reference scorer (``eval/score.py``); this module gives the same numbers.

The graph is read by local names only (CONTRACT.md), so any namespace works:

* an *entity* is a node typed with one of the eight classes; a node typed twice
  keeps a core type over an extended one (between two types of the same tier, the
  one rdflib's type index yields first, i.e. the class first used as a type in
  the file); its *names* are its rdfs:label, skos:altLabel, schema:name ...
  literals; the *documents* that mention it are the objects of kg:mentionedIn
  (or prov:wasDerivedFrom, dcterms:source ...);
* a *document node* stands for a gold file when its IRI, or one of its literals
  (dcterms:identifier), contains the file's stem; only nodes that some entity is
  mentioned in, and evidence records themselves, are considered;
* an investment's amount and currency sit on the node or one hop away
  (``schema:amount [schema:value ...; schema:currency ...]``);
* a *relation* counts in a document when an rdf:Statement about it points at that
  document; a plain triple with no rdf:Statement at all counts in every document
  that mentions both of its ends.

Per document, predicted entities are matched one-to-one to gold entities of the
same type (leniently, Program and Initiative are interchangeable) when a match key
of one of their names equals a key of the gold name or an alias; an Investment
also matches by amount and currency alone. Pairs are taken greedily in the order
of the predicted node's IRI, then of the gold file. Relation ends are mapped
through the lenient core matches and the extended matches; predicted relations
are compared as sets of (gold subject, predicate, gold object), so predicted
relations whose ends both match nothing collapse into one.
"""
from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional

from rdflib import RDF, Graph, Literal
from rdflib.term import Node

from kg.errors import UsageError
from kg.gold import GoldDocument, GoldEntity, keys_of, load_gold
from kg.names import match_keys, normalise  # noqa: F401  (normalise: part of this API)
from kg.schema import load_schema

# The scoring spec's vocabulary (local names), from the ontology
# (tests/test_evaluate.py checks it agrees with the reference scorer's).
_SCHEMA = load_schema()
CORE = _SCHEMA.core
EXTENDED = _SCHEMA.extended
ENTITY_TYPES = frozenset(CORE + EXTENDED)
GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType({"core": CORE, "extended": EXTENDED})
INTERCHANGEABLE = frozenset({"Program", "Initiative"})  # the same type when lenient
PREDICATES = frozenset(_SCHEMA.predicates)
SYMMETRIC = _SCHEMA.symmetric

NAME_PROPERTIES = frozenset({"label", "prefLabel", "altLabel", "name", "alternateName",
                             "hiddenLabel"})
MENTION_PROPERTIES = frozenset({"mentionedIn", "isMentionedIn", "wasDerivedFrom", "source",
                                "mentioned"})
AMOUNT_PROPERTIES = frozenset({"amount", "value", "amountValue", "monetaryValue"})
CURRENCY_PROPERTIES = frozenset({"currency", "currencyCode", "priceCurrency"})

AMOUNT_TOLERANCE = 0.5  # amounts are in base units: equal when closer than this
_LOCAL_NAME = re.compile(r"[#/:]")

Edge = tuple[Node, str, Node]               # (subject node, predicate local name, object node)
GoldEdge = tuple[Optional[str], str, Optional[str]]  # ends as gold ids; None when unmatched


# ---------------------------------------------------------------- results
@dataclass(frozen=True)
class Score:
    """Counts of one measure, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded to three places, as the reference scorer reports them."""
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True, order=True)
class Miss:
    """One false positive or false negative, for ``--verbose``."""

    doc: str        # the gold file's document stem
    kind: str       # "FP" or "FN"
    item: str       # "entity" or "relation"
    type: str       # the entity's type, or the relation's predicate
    text: str       # the entity's names, or "subject -predicate-> object"
    note: str = ""

    def __str__(self) -> str:
        tag = self.kind if self.item == "entity" else f"{self.kind}-rel"
        note = f"  ({self.note})" if self.note else ""
        return f"{self.doc} {tag:6} {self.type:14} {self.text}{note}"


@dataclass(frozen=True)
class Report:
    """Every measure of one graph against one gold directory."""

    scores: Mapping[str, Score]   # "core/strict", "type/Program", "relations/labelled", ...
    money_correct: int            # matched investments whose amount and currency are right
    money_total: int              # matched investments
    misses: tuple[Miss, ...] = ()
    documents: int = 0            # gold files scored

    @property
    def money_accuracy(self) -> float:
        return self.money_correct / self.money_total if self.money_total else 0.0

    def as_dict(self, include_misses: bool = False) -> dict[str, Any]:
        """The reference scorer's result: measures in name order, then money/accuracy."""
        out: dict[str, Any] = {name: self.scores[name].as_dict() for name in sorted(self.scores)}
        out["money/accuracy"] = round(self.money_accuracy, 3)
        if include_misses:
            out["misses"] = [str(miss) for miss in self.misses]
        return out


# ---------------------------------------------------------------- names
def _local(term: object) -> str:
    return _LOCAL_NAME.split(str(term))[-1]


# ---------------------------------------------------------------- graph side
@dataclass(frozen=True)
class GraphEntities:
    """What a built graph says, read by local names (see the module docstring)."""

    graph: Graph
    types: Mapping[Node, str]                  # entity node -> its one scored type
    names: Mapping[Node, frozenset[str]]
    mentions: Mapping[Node, frozenset[Node]]   # entity node -> document nodes
    evidence: tuple[tuple[Edge, frozenset[Node]], ...]  # edge -> what its statement points at
    bare_edges: frozenset[Edge]                # relation triples with no rdf:Statement

    def label(self, node: Node) -> str:
        """A short display name: the node's first names, else its local name."""
        names = sorted(self.names.get(node, ()))
        return " / ".join(names[:3]) if names else _local(node)


def read_graph(path: Path) -> GraphEntities:
    """Parse the graph (format from the file extension) and index it."""
    from kg.rdfload import load_graph

    path = Path(path)
    if not path.exists():
        raise UsageError(f"no graph at {path}")
    graph = load_graph(path)  # any format kg writes; N-Quads as the union of their graphs

    types: dict[Node, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        kind = _local(cls)
        if kind in ENTITY_TYPES:
            current = types.get(node)
            if current is None or (kind in CORE and current not in CORE):
                types[node] = kind

    names: dict[Node, set[str]] = {}
    mentions: dict[Node, set[Node]] = {}
    statements: set[Edge] = set()
    for s, p, o in graph:
        prop = _local(p)
        if s in types and isinstance(o, Literal) and prop in NAME_PROPERTIES:
            names.setdefault(s, set()).add(str(o))
        if s in types and not isinstance(o, Literal) and prop in MENTION_PROPERTIES:
            mentions.setdefault(s, set()).add(o)
        if prop in PREDICATES and not isinstance(o, Literal):
            statements.add((s, prop, o))

    evidence = []
    for record in graph.subjects(RDF.predicate, None):
        s = graph.value(record, RDF.subject)
        p = graph.value(record, RDF.predicate)
        o = graph.value(record, RDF.object)
        if s is None or p is None or o is None or _local(p) not in PREDICATES:
            continue
        sources = frozenset(x for x in graph.objects(record, None) if not isinstance(x, Literal))
        evidence.append(((s, _local(p), o), sources))
    evidenced = {edge for edge, _ in evidence}

    return GraphEntities(
        graph=graph,
        types=MappingProxyType(types),
        names=MappingProxyType({n: frozenset(v) for n, v in names.items()}),
        mentions=MappingProxyType({n: frozenset(v) for n, v in mentions.items()}),
        evidence=tuple(evidence),
        bare_edges=frozenset(statements - evidenced),
    )


def document_nodes(entities: GraphEntities, stem: str) -> frozenset[Node]:
    """Nodes that stand for the document with this file stem."""
    graph = entities.graph
    candidates = set().union(*entities.mentions.values())
    candidates.update(graph.subjects(RDF.subject, None))
    return frozenset(
        node for node in candidates
        if stem in str(node)
        or any(isinstance(o, Literal) and stem in str(o) for o in graph.objects(node, None)))


def money_of(graph: Graph, node: Node) -> tuple[Optional[float], Optional[str]]:
    """(amount, currency) on the node or one hop away; the first of each found wins."""
    amount: Optional[float] = None
    currency: Optional[str] = None
    holders = [node, *(o for o in graph.objects(node, None) if not isinstance(o, Literal))]
    for holder in holders:
        for prop, value in graph.predicate_objects(holder):
            if not isinstance(value, Literal):
                continue
            if amount is None and _local(prop) in AMOUNT_PROPERTIES:
                try:
                    amount = float(value.toPython())
                except (TypeError, ValueError):
                    pass
            if currency is None and _local(prop) in CURRENCY_PROPERTIES:
                currency = str(value).strip().upper()
    return amount, currency


def _same_money(money: tuple[Optional[float], Optional[str]], gold: GoldEntity) -> bool:
    amount, currency = money
    return (amount is not None and gold.amount is not None
            and abs(amount - gold.amount) < AMOUNT_TOLERANCE and currency == gold.currency)


# ---------------------------------------------------------------- matching
def same_type(predicted: str, gold: str, lenient: bool) -> bool:
    return predicted == gold or (lenient and predicted in INTERCHANGEABLE
                                 and gold in INTERCHANGEABLE)


def match_entities(nodes: Iterable[Node], entities: GraphEntities,
                   gold: Sequence[GoldEntity], lenient: bool) -> dict[Node, str]:
    """One-to-one matches of predicted nodes to gold entities: node -> gold id.

    Candidate pairs share a match key (or, for investments, amount and currency) and
    a type; they are taken greedily, ordered by the node's IRI and then gold order.
    """
    gold_keys = [(entity, entity.keys) for entity in gold]
    pairs: list[tuple[str, Node, str]] = []
    for node in nodes:
        kind = entities.types[node]
        keys = keys_of(entities.names.get(node, ()))
        amount, currency = money_of(entities.graph, node) if kind == "Investment" else (None, None)
        for entity, entity_keys in gold_keys:
            if not same_type(kind, entity.type, lenient):
                continue
            # here (unlike for money accuracy) no currency equals an empty one
            by_money = kind == entity.type == "Investment" and _same_money(
                (amount, currency or ""), entity)
            if keys & entity_keys or by_money:
                pairs.append((str(node), node, entity.id))
    pairs.sort(key=lambda pair: pair[0])  # stable: gold order among one node's pairs
    matched: dict[Node, str] = {}
    taken: set[str] = set()
    for _, node, gold_id in pairs:
        if node not in matched and gold_id not in taken:
            matched[node] = gold_id
            taken.add(gold_id)
    return matched


def relations_in(entities: GraphEntities, docs: frozenset[Node],
                 mentioned: frozenset[Node]) -> set[Edge]:
    """Edges evidenced in one of ``docs``, plus unevidenced edges between ``mentioned``."""
    found = {edge for edge, sources in entities.evidence if sources & docs}
    found.update(edge for edge in entities.bare_edges
                 if edge[0] in mentioned and edge[2] in mentioned)
    return found


def canonical(edge: GoldEdge) -> Hashable:
    """partnersWith's two directions are one relation."""
    s, p, o = edge
    return (p, frozenset((s, o))) if p in SYMMETRIC else edge


# ---------------------------------------------------------------- scoring
@dataclass(frozen=True)
class _DocumentResult:
    scores: dict[str, Score]
    money_correct: int
    money_total: int
    misses: list[Miss]


@dataclass(frozen=True)
class DocumentMatch:
    """How one document's predictions meet its gold."""

    predicted: tuple[Node, ...]                # entity nodes mentioned in the document
    strict: Mapping[Node, str]                 # node -> gold id, same type
    ends: Mapping[Node, str]                   # lenient core and extended: relation ends
    edges: frozenset[Edge]                     # relations evidenced in the document
    docs: frozenset[Node]                      # the nodes that stand for the document


def match_document(entities: GraphEntities, doc: GoldDocument) -> DocumentMatch:
    docs = document_nodes(entities, doc.stem)
    predicted = tuple(n for n, sources in entities.mentions.items() if sources & docs)
    strict: dict[Node, str] = {}
    ends: dict[Node, str] = {}
    for kinds in GROUPS.values():
        nodes = [n for n in predicted if entities.types[n] in kinds]
        gold = [e for e in doc.entities if e.type in kinds]
        strict.update(match_entities(nodes, entities, gold, lenient=False))
        ends.update(match_entities(nodes, entities, gold, lenient=True))
    edges = frozenset(relations_in(entities, docs, frozenset(predicted)))
    return DocumentMatch(predicted, strict, ends, edges, docs)


def _score_document(entities: GraphEntities, doc: GoldDocument) -> _DocumentResult:
    docs = document_nodes(entities, doc.stem)
    predicted = [n for n, sources in entities.mentions.items() if sources & docs]
    scores: dict[str, Score] = {}
    misses: list[Miss] = []
    ends: dict[Node, str] = {}   # relation ends: lenient core and extended matches
    money_correct = money_total = 0

    for group, kinds in GROUPS.items():
        nodes = [n for n in predicted if entities.types[n] in kinds]
        gold = [e for e in doc.entities if e.type in kinds]
        strict = match_entities(nodes, entities, gold, lenient=False)
        lenient = match_entities(nodes, entities, gold, lenient=True)
        for mode, matched in (("strict", strict), ("lenient", lenient)):
            scores[f"{group}/{mode}"] = Score(
                len(matched), len(nodes) - len(matched), len(gold) - len(matched))
        for kind in kinds:
            tp = sum(1 for n in strict if entities.types[n] == kind)
            scores[f"type/{kind}"] = Score(
                tp, sum(1 for n in nodes if entities.types[n] == kind) - tp,
                sum(1 for e in gold if e.type == kind) - tp)
        ends.update(lenient)
        misses.extend(_entity_misses(entities, doc.stem, nodes, gold, lenient))

    for node, gold_id in ends.items():
        if entities.types[node] == "Investment":
            money_total += 1
            target = doc.entity(gold_id)
            if target is not None and _same_money(money_of(entities.graph, node), target):
                money_correct += 1

    edges = relations_in(entities, docs, frozenset(predicted))
    mapped: set[GoldEdge] = {(ends.get(s), p, ends.get(o)) for s, p, o in edges}
    gold_edges = set(doc.relations) | {(o, p, s) for s, p, o in doc.relations if p in SYMMETRIC}
    predicted_canon = {canonical(edge) for edge in mapped}
    gold_canon = {canonical(edge) for edge in gold_edges}
    tp = len(predicted_canon & gold_canon)
    scores["relations/labelled"] = Score(tp, len(predicted_canon) - tp, len(gold_canon) - tp)
    predicted_pairs = {frozenset((s, o)) for s, _, o in mapped}
    gold_pairs = {frozenset((s, o)) for s, _, o in gold_edges}
    tp = len(predicted_pairs & gold_pairs)
    scores["relations/unlabelled"] = Score(tp, len(predicted_pairs) - tp, len(gold_pairs) - tp)
    misses.extend(_relation_misses(entities, doc, edges, ends, predicted_canon, gold_canon))
    return _DocumentResult(scores, money_correct, money_total, misses)


def _entity_misses(entities: GraphEntities, stem: str, nodes: Sequence[Node],
                   gold: Sequence[GoldEntity], matched: Mapping[Node, str]) -> list[Miss]:
    found = set(matched.values())
    fps = sorted(Miss(stem, "FP", "entity", entities.types[n], entities.label(n))
                 for n in nodes if n not in matched)
    fns = [Miss(stem, "FN", "entity", e.type, e.name) for e in gold if e.id not in found]
    return fps + fns


def _relation_misses(entities: GraphEntities, doc: GoldDocument, edges: Iterable[Edge],
                     ends: Mapping[Node, str], predicted_canon: set, gold_canon: set
                     ) -> list[Miss]:
    matched_ids = set(ends.values())

    def gold_name(entity_id: str) -> str:
        entity = doc.entity(entity_id)
        return entity.name if entity else entity_id

    fns = []
    for s, p, o in sorted(doc.relations):
        if canonical((s, p, o)) in predicted_canon:
            continue
        note = "" if s in matched_ids and o in matched_ids else "an end is missing"
        fns.append(Miss(doc.stem, "FN", "relation", p,
                        f"{gold_name(s)} -{p}-> {gold_name(o)}", note))
    fps = set()
    for s, p, o in edges:
        if canonical((ends.get(s), p, ends.get(o))) not in gold_canon:
            note = "" if s in ends and o in ends else "an end is unmatched"
            fps.add(Miss(doc.stem, "FP", "relation", p,
                         f"{entities.label(s)} -{p}-> {entities.label(o)}", note))
    return fns + sorted(fps)


def score(entities: GraphEntities, gold: Iterable[GoldDocument]) -> Report:
    """Score an indexed graph against loaded gold documents."""
    totals: dict[str, Score] = {}
    money_correct = money_total = documents = 0
    misses: list[Miss] = []
    for doc in gold:
        documents += 1
        result = _score_document(entities, doc)
        for name, value in result.scores.items():
            totals[name] = totals.get(name, Score()) + value
        money_correct += result.money_correct
        money_total += result.money_total
        misses.extend(result.misses)
    return Report(MappingProxyType(totals), money_correct, money_total, tuple(misses), documents)


def evaluate(graph_path: Path, gold_dir: Path) -> Report:
    """Score the graph at ``graph_path`` against every gold file in ``gold_dir``.

    Raises UsageError for a missing or unparsable graph and for a gold directory
    without JSON files or with a file that is not valid gold.
    """
    entities = read_graph(graph_path)
    return score(entities, load_gold(gold_dir))
