"""A learned second opinion on the type of a quoted name.

The quote rule (kg/rules/entities/quotes.py) types a quoted name it does not know by a
list of decisions: the words after it, before it, then its own last word. Where those
point two ways (a ‘… 시스템’ annotators call a programme, a ‘… 플랫폼’ they call a
product), a one-against-the-rest logistic model over the same evidence, and over what
the decisions said, picks another type when it is clearly surer (its threshold, 0.7);
otherwise the decisions stand. It never makes a name of a quote the decisions passed
over.

Its features are the clue's words that recur: `kg train` keeps only features seen in
several training texts, so no name a text invents is learned. The weights are data
(ontology/models/quotes.json), written by `kg train --quotes-out`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from kg.resources import ontology_dir
from kg.weights import by_label, logistic, read_model


@dataclass(frozen=True)
class QuoteClue:
    """What the quote rule read of one quoted name, and the type its decisions gave."""

    name: str
    following: str      # the stems of the (up to two) words after the quote
    preceding: str      # the stem of the word before it
    single: bool        # single quotes (names), not double (speech)
    proper: bool        # a proper noun, a foreign or an unknown word inside
    latin: bool         # a Latin alias in parentheses
    plain: bool         # dictionary words only
    apposed: bool       # the word before stands beside the name (플랫폼 ‘X’)
    rule_type: str      # the decisions' type
    kinds: tuple[str, ...] = ()   # the cue lists its last word is in (program_cue, …)

    def features(self) -> tuple[str, ...]:
        words = self.name.split()
        last = words[-1] if words else ""
        f = ["bias", f"rule:{self.rule_type}", f"n:{min(len(words), 5)}", f"last:{last}",
             f"fol:{(self.following.split() or [''])[0]}", f"pre:{self.preceding}",
             f"pre2:{self.preceding[-2:]}"]
        f += [f"suf{k}:{last[-k:]}" for k in (1, 2, 3)]
        f += [k for k in ("single", "proper", "latin", "plain", "apposed") if getattr(self, k)]
        f += [f"kind:{k}" for k in self.kinds]
        f += ["has:latin"] * bool(re.search("[A-Za-z]", self.name))
        f += ["has:digit"] * bool(re.search(r"\d", self.name))
        return tuple(sorted(set(f)))


@dataclass(frozen=True)
class TypeModel:
    weights: dict[str, float]       # "Type|feature" -> weight
    threshold: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per", by_label(self.weights))

    def probabilities(self, features: tuple[str, ...]) -> dict[str, float]:
        """Each type's probability: one against the rest, normalised to sum to one."""
        raw = {t: logistic(weights, features) for t, weights in sorted(self._per.items())}
        total = sum(raw.values()) or 1.0
        return {t: p / total for t, p in raw.items()}

    def type_of(self, clue: QuoteClue) -> str:
        probs = self.probabilities(clue.features())
        best = max(sorted(probs), key=lambda t: probs[t], default=None)
        return best if best is not None and probs[best] >= self.threshold else clue.rule_type


def model_path() -> Path:
    return ontology_dir() / "models" / "quotes.json"


@functools.cache
def load_model(path: Path | None = None) -> TypeModel | None:
    """The shipped model, or None where there is none (the decisions then stand alone)."""
    data = read_model(Path(path) if path is not None else model_path())
    return None if data is None else TypeModel(data["weights"], data["threshold"])


_SHIPPED = object()
_model: ContextVar = ContextVar("quote_model", default=_SHIPPED)
_log: ContextVar = ContextVar("quote_log", default=None)


def retype(clue: QuoteClue) -> str:
    """The type of a quoted name: the model's where it is sure, else the decisions'."""
    log = _log.get()
    if log is not None:
        log.append(clue)
    model = _model.get()
    if model is _SHIPPED:
        model = load_model()
    return clue.rule_type if model is None else model.type_of(clue)


@contextmanager
def using(model: TypeModel | None, log: list | None = None) -> Iterator[None]:
    """Type quotes with `model` (None: the decisions alone) and append every clue to
    `log`, within the block (training)."""
    tokens = _model.set(model), _log.set(log)
    try:
        yield
    finally:
        _model.reset(tokens[0])
        _log.reset(tokens[1])
