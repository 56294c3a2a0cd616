"""What the learned models (kg.learned, kg.quotetypes) share: their weights as data,
"label|feature" -> weight, read from ontology/models/, and a logistic score."""
from __future__ import annotations

import json
import math
from collections.abc import Iterable
from itertools import repeat
from pathlib import Path


def read_model(path: Path) -> dict | None:
    """A model's JSON, or None where there is no file (the rules then stand alone)."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def by_label(weights: dict[str, float]) -> dict[str, dict[str, float]]:
    """The weights of each label (a predicate, a type), by feature."""
    per: dict[str, dict[str, float]] = {}
    for name, w in weights.items():
        label, _, feature = name.partition("|")
        per.setdefault(label, {})[feature] = w
    return per


def logistic(weights: dict[str, float], features: Iterable[str]) -> float:
    z = sum(map(weights.get, features, repeat(0.0)))  # (a generator is slower, same sum)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
