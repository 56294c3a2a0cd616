"""Statements between mentions -> relations between entities.

After linking, each statement of a document (subject and object are mentions) becomes
a relation between the entities those mentions are: symmetric predicates ordered, a
thing related to itself dropped, domains and ranges checked again (linking can change a
type: a Program named like an Initiative). A relation keeps one evidence record per
stating sentence, the widest cue, with every rule that stated it there.

Everything here works one document at a time (evidence is grouped by document and
sentence), so the streamed build lifts each document apart and gets what lifting the
whole corpus at once gives.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from kg.relations import Statement
from kg.schema import load_schema
from kg.types import Evidence

Key = tuple[str, str, str]  # (subject entity key, predicate, object entity key)


def lift(statements: Iterable[Statement], keys: Sequence[str]) -> list[tuple[int, Key]]:
    """(statement index, relation key) for each statement of one document whose two
    mentions (`keys`: the entity key of each mention, by index) are two entities."""
    symmetric = load_schema().symmetric
    out = []
    for i, st in enumerate(statements):
        s, o = keys[st.subject], keys[st.object]
        if s == o:
            continue
        if st.predicate in symmetric and o < s:
            s, o = o, s
        out.append((i, (s, st.predicate, o)))
    return out


def allowed(types: Mapping[str, str] | Callable[[str], str]) -> Callable[[Key], bool]:
    """Whether a relation key passes the ontology's domain and range, given the linked
    entities' types (by entity key)."""
    schema = load_schema()
    type_of = types if callable(types) else types.__getitem__
    return lambda k: schema.allows(k[1], type_of(k[0]), type_of(k[2]))


def evidence_of(statements: Sequence[Statement], lifted: Iterable[tuple[int, Key]]
                ) -> dict[Key, tuple[Evidence, ...]]:
    """Relation key -> its evidence in one document: one record per stating sentence."""
    found: dict[Key, set[Evidence]] = {}
    for i, key in lifted:
        st = statements[i]
        found.setdefault(key, set()).add(replace(st.evidence, rules=st.rules))
    return {key: one_per_sentence(found[key]) for key in sorted(found)}


def one_per_sentence(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """One evidence record per stating sentence (the widest cue), in document order,
    with every rule that stated it there."""
    best: dict[tuple[str, int], Evidence] = {}
    rules: dict[tuple[str, int], set[str]] = {}
    for ev in sorted(evidence, key=lambda e: (e.doc_id, e.start, e.end, e.cue or (0, 0),
                                              e.rules)):
        key = (ev.doc_id, ev.start)
        rules.setdefault(key, set()).update(ev.rules)
        cur = best.get(key)
        if cur is None or _width(ev) > _width(cur):
            best[key] = ev
    return tuple(replace(best[k], rules=tuple(sorted(rules[k]))) for k in sorted(best))


def _width(ev: Evidence) -> int:
    return ev.cue[1] - ev.cue[0] if ev.cue else -1
