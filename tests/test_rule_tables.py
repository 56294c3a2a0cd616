"""Every registered rule's own table of examples (kg/rules/*/*.py, `examples=`): each
sentence yields exactly the listed mentions or relations from that rule, and each
table has sentences where the rule must yield nothing."""
from __future__ import annotations

import hashlib

import pytest

import kg.rules.entities  # noqa: F401  (registers the rules)
import kg.rules.relations  # noqa: F401
from kg.rules import ENTITY_RULES, RELATION_RULES
from kg.types import Document

CASES = [(r.name, text, want) for r in ENTITY_RULES.values() for text, want in r.examples]
RELATION_CASES = [(r.name, text, want) for r in RELATION_RULES.values()
                  for text, want in r.examples]


def _extract(pipeline, text: str):
    doc = Document(id="t.txt", path="t.txt", title="", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    return pipeline.extract(doc)


def _name(m) -> str:
    return m.canonical or m.text


@pytest.mark.parametrize("rule", sorted(ENTITY_RULES) + sorted(RELATION_RULES))
def test_every_rule_has_a_table_with_positive_and_empty_rows(rule):
    r = ENTITY_RULES.get(rule) or RELATION_RULES[rule]
    assert sum(1 for _, want in r.examples if want) >= 2, rule
    assert any(not want for _, want in r.examples), rule


@pytest.mark.parametrize("rule,text,want", CASES, ids=[f"{c[0]}:{c[1][:20]}" for c in CASES])
def test_entity_rule_yields_exactly(pipeline, rule, text, want):
    names = ENTITY_RULES[rule].names
    got = {(m.type, _name(m)) for m in _extract(pipeline, text).mentions if m.rule in names}
    assert got == set(want)


@pytest.mark.parametrize("rule,text,want", RELATION_CASES,
                         ids=[f"{c[0]}:{c[1][:20]}" for c in RELATION_CASES])
def test_relation_rule_yields_exactly(pipeline, rule, text, want):
    ex = _extract(pipeline, text)
    ms = ex.mentions
    got = {(_name(ms[s.subject]), s.predicate, _name(ms[s.object])) for s in ex.statements
           if any(r == rule or r.startswith(rule + ".") for r in s.rules)}
    assert got == set(want)
