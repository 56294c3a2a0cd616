"""How a score reads: the table of every measure and the summary line (the reference
scorer's format), and where the score comes from, per extraction rule and per genre.


`kg eval --by-rule` credits every entity and relation to the rules that made it
(`kg:extractedBy` in the graph): an entity matched to gold (leniently) is a true
positive of each of its rules, a relation whose both ends and predicate match
gold is one, and a relation with the right ends but another predicate is counted
apart ("pair"). Gold entities nobody found are listed per type. `--by-genre`
scores the gold files of each genre (the part of the file name before its first
"-": budget-01 -> budget) on their own.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Literal

from kg.evaluate import (SYMMETRIC, GraphEntities, Report, Score, _local, canonical,
                         match_document, read_graph, score)
from kg.gold import GoldDocument, load_gold


@dataclass(frozen=True)
class RuleCounts:
    tp: int = 0
    fp: int = 0
    pair: int = 0                  # relations only: right ends, other predicate

    def __add__(self, other: RuleCounts) -> RuleCounts:
        return RuleCounts(self.tp + other.tp, self.fp + other.fp, self.pair + other.pair)

    @property
    def precision(self) -> float:
        total = self.tp + self.fp + self.pair
        return self.tp / total if total else 0.0


@dataclass(frozen=True)
class RuleReport:
    entities: Mapping[str, RuleCounts]       # rule -> counts over entity nodes
    relations: Mapping[str, RuleCounts]      # rule -> counts over relations
    missed: Mapping[str, int]                # entity type -> gold entities not found


def _rules_of(entities: GraphEntities, node) -> tuple[str, ...]:
    found = sorted(str(o) for p, o in entities.graph.predicate_objects(node)
                   if isinstance(o, Literal) and _local(p) == "extractedBy")
    return tuple(found) or ("(unknown)",)


def by_rule(entities: GraphEntities, gold: Iterable[GoldDocument]) -> RuleReport:
    ent: Counter = Counter()
    rel: Counter = Counter()
    missed: Counter = Counter()
    graph = entities.graph
    for doc in gold:
        m = match_document(entities, doc)
        for node in m.predicted:
            hit = node in m.ends
            for rule in _rules_of(entities, node):
                ent[(rule, "tp" if hit else "fp")] += 1
        found = set(m.ends.values())
        missed.update(e.type for e in doc.entities if e.id not in found)
        gold_edges = set(doc.relations) | {(o, p, s) for s, p, o in doc.relations
                                           if p in SYMMETRIC}
        gold_canon = {canonical(e) for e in gold_edges}
        gold_pairs = {frozenset((s, o)) for s, _, o in gold_edges}
        for record in graph.subjects(RDF.predicate, None):
            s, p, o = (graph.value(record, RDF.subject), graph.value(record, RDF.predicate),
                       graph.value(record, RDF.object))
            edge = (s, _local(p), o)
            if edge not in m.edges or not set(graph.objects(record, None)) & m.docs:
                continue
            mapped = (m.ends.get(s), edge[1], m.ends.get(o))
            kind = ("tp" if canonical(mapped) in gold_canon else
                    "pair" if frozenset((mapped[0], mapped[2])) in gold_pairs else "fp")
            for rule in _rules_of(entities, record):
                rel[(rule, kind)] += 1

    def counts(c: Counter) -> dict[str, RuleCounts]:
        rules = sorted({r for r, _ in c})
        return {r: RuleCounts(c[(r, "tp")], c[(r, "fp")], c[(r, "pair")]) for r in rules}
    return RuleReport(counts(ent), counts(rel), dict(sorted(missed.items())))


def genre_of(stem: str) -> str:
    return stem.split("-", 1)[0] if "-" in stem else "other"


def by_genre(entities: GraphEntities, gold: Iterable[GoldDocument]) -> dict[str, Report]:
    groups: dict[str, list[GoldDocument]] = {}
    for doc in gold:
        groups.setdefault(genre_of(doc.stem), []).append(doc)
    return {g: score(entities, docs) for g, docs in sorted(groups.items())}


def evaluate_breakdown(graph_path: Path, gold_dir: Path
                       ) -> tuple[RuleReport, dict[str, Report]]:
    entities = read_graph(graph_path)
    gold = load_gold(gold_dir)
    return by_rule(entities, gold), by_genre(entities, gold)


def format_by_rule(report: RuleReport) -> str:
    lines = []
    for title, table in (("entity rules", report.entities), ("relation rules", report.relations)):
        lines.append(f"{title:28} {'tp':>5} {'fp':>5} {'pair':>5} {'P':>6}")
        for rule, c in sorted(table.items(), key=lambda kv: (-(kv[1].fp + kv[1].pair), kv[0])):
            lines.append(f"  {rule:26} {c.tp:5} {c.fp:5} {c.pair:5} {c.precision:6.3f}")
    lines.append("gold entities missed, by type: " + (", ".join(
        f"{t} {n}" for t, n in report.missed.items()) or "none"))
    return "\n".join(lines)


def format_by_genre(reports: Mapping[str, Report]) -> str:
    lines = [f"{'genre':12} {'docs':>4} {'core F1':>8} {'rel F1':>8} {'money':>6}"]
    for genre, r in reports.items():
        d = r.as_dict()
        docs = r.documents
        lines.append(f"{genre:12} {docs:4} {d['core/lenient']['f1']:8.3f} "
                     f"{d['relations/unlabelled']['f1']:8.3f} {d['money/accuracy']:6.3f}")
    return "\n".join(lines)


__all__ = ["RuleCounts", "RuleReport", "Score", "by_genre", "by_rule", "evaluate_breakdown",
           "format_by_genre", "format_by_rule", "format_report", "genre_of", "summary_line"]


_HEADER = f"{'measure':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


def summary_line(report: Report) -> str:
    """The one line the benchmark reads; the reference scorer's exact format."""
    values = report.as_dict()
    return ("summary: core_f1_lenient={:.3f} core_f1_strict={:.3f} "
            "relations_f1_unlabelled={:.3f} relations_f1_labelled={:.3f} "
            "money_accuracy={:.3f}").format(
        values["core/lenient"]["f1"], values["core/strict"]["f1"],
        values["relations/unlabelled"]["f1"], values["relations/labelled"]["f1"],
        values["money/accuracy"])


def format_report(report: Report, verbose: bool = False) -> str:
    """Misses (when verbose), a table of every measure, money accuracy, the summary."""
    lines = [str(miss) for miss in report.misses] if verbose else []
    lines.append(_HEADER)
    for name, v in report.as_dict().items():
        if isinstance(v, dict):
            lines.append(f"{name:24} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} "
                         f"{v['tp']:5} {v['fp']:5} {v['fn']:5}")
    lines.append(f"money/accuracy {report.as_dict()['money/accuracy']:.3f}")
    lines.append(summary_line(report))
    return "\n".join(lines)
