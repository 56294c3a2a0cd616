"""Extraction rules as small registered units.

An entity rule reads one sentence (or, at the document stage, the whole document)
and returns `Candidate` mentions; a relation rule reads one sentence's
`Context` (kg.discourse) and returns `Found` relations. Each registers itself
with a name (recorded on everything it makes, for `kg eval --by-rule`), the
stage it runs in and its priority: the order within a stage, and for entity
candidates the precedence when two overlap (kg.mentions resolves overlaps, in
one place).

Rule families live one per module in kg/rules/entities/ and kg/rules/relations/;
importing those packages registers them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.types import Money

# Entity stages, in the order kg.mentions runs them.
SENTENCE, PEOPLE, REFINE, LISTS, DOCUMENT = "sentence", "people", "refine", "lists", "document"
STAGES = (SENTENCE, PEOPLE, REFINE, LISTS, DOCUMENT)


@dataclass
class Candidate:
    """A mention a rule proposes: a character span of the document and its type."""

    start: int
    end: int
    type: str
    rule: str = ""
    priority: int = 1              # who wins an overlap: higher first, then the longer span
    canonical: str | None = None
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    money: Money | None = None
    phrase: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Found:
    """A relation a rule proposes between two mentions (indices into the document's)."""

    subject: int
    predicate: str
    object: int
    rule: str = ""                 # a finer name than the registering rule's, if any


Example = tuple[str, frozenset[tuple[str, ...]]]


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    priority: int
    func: Callable
    # sentence -> everything the rule yields there: (type, name) for entity rules,
    # (subject, predicate, object) names for relation rules; tests/test_rule_tables.py
    examples: tuple[Example, ...] = ()
    names: tuple[str, ...] = ()    # the rule names it records (its own, or finer ones)


ENTITY_RULES: dict[str, Rule] = {}
RELATION_RULES: dict[str, Rule] = {}


def entity_rule(name: str, stage: str = SENTENCE, priority: int = 1, *,
                examples: Iterable[tuple[str, Iterable[tuple[str, str]]]] = (),
                names: Iterable[str] = ()):
    """Register an entity rule: `func(sentence) -> list[Candidate]` (see kg.mentions).
    `examples`: sentence -> the complete set of (type, name) it yields there."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")
    return _register(ENTITY_RULES, name, stage, priority, examples, names)


def relation_rule(name: str, priority: int, *,
                  examples: Iterable[tuple[str, Iterable[tuple[str, str, str]]]] = ()):
    """Register a relation rule: `func(context) -> Iterable[Found]` (see kg.discourse).
    Finer names it records start with its own and a dot (event.organizer).
    `examples`: sentence -> the complete set of (subject, predicate, object) names."""
    return _register(RELATION_RULES, name, "sentence", priority, examples, ())


def _register(table: dict[str, Rule], name: str, stage: str, priority: int,
              examples: Iterable, names: Iterable[str]):
    def wrap(func: Callable) -> Callable:
        if name in table and table[name].func.__qualname__ != func.__qualname__:
            raise ValueError(f"two rules named {name!r}")
        table[name] = Rule(name, stage, priority, func,
                           tuple((text, frozenset(map(tuple, want))) for text, want in examples),
                           tuple(names) or (name,))
        return func
    return wrap


def rules_of(table: dict[str, Rule], stage: str) -> list[Rule]:
    """A stage's rules in the order they run: priority, then name."""
    return sorted((r for r in table.values() if r.stage == stage),
                  key=lambda r: (r.priority, r.name))
