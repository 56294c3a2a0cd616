"""Gold annotations (ANNOTATION.md, "Gold file format"): one JSON file per document
with its entities and relations, read into records that fail loudly on a bad file."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from kg.errors import UsageError
from kg.names import match_keys


def keys_of(names: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(match_keys(name) for name in names))


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    amount: Optional[float] = None     # Investments only
    currency: Optional[str] = None     # Investments only

    @property
    def keys(self) -> frozenset[str]:
        return keys_of((self.name, *self.aliases))


@dataclass(frozen=True)
class GoldDocument:
    """One gold file: the entities and relations annotated in one document."""

    stem: str                                      # "002_430102f8735eb5df"
    entities: tuple[GoldEntity, ...]
    relations: frozenset[tuple[str, str, str]]     # (subject id, predicate, object id)

    def entity(self, entity_id: str) -> Optional[GoldEntity]:
        return next((e for e in self.entities if e.id == entity_id), None)


def load_gold(gold_dir: Path) -> tuple[GoldDocument, ...]:
    """Every ``*.json`` in ``gold_dir``, in file-name order (format: ANNOTATION.md)."""
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*.json")) if gold_dir.is_dir() else []
    if not files:
        raise UsageError(f"no gold annotations (*.json) in {gold_dir}")
    return tuple(_read_gold_file(path) for path in files)


def _read_gold_file(path: Path) -> GoldDocument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None

    def bad(reason: str) -> UsageError:
        return UsageError(f"{path}: {reason}")

    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise bad('expected an object with an "entities" list')
    entities = []
    for raw in data["entities"]:
        if not isinstance(raw, dict) or not all(
                isinstance(raw.get(key), str) for key in ("id", "type", "name")):
            raise bad(f"an entity needs string id, type and name: {raw!r}")
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise bad(f"entity {raw['id']}: aliases must be a list of strings")
        amount = currency = None
        if raw["type"] == "Investment":
            amount, currency = raw.get("amount"), raw.get("currency")
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) \
                    or not isinstance(currency, str):
                raise bad(f"investment {raw['id']} needs a numeric amount and a currency")
            amount = float(amount)
        entities.append(GoldEntity(raw["id"], raw["type"], raw["name"], tuple(aliases),
                                   amount, currency))
    ids = [e.id for e in entities]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise bad(f"entity ids used twice: {', '.join(duplicates)}")
    relations = data.get("relations", [])
    if not isinstance(relations, list) or not all(
            isinstance(r, dict) and all(isinstance(r.get(k), str) for k in "spo")
            for r in relations):
        raise bad('"relations" must be a list of {"s", "p", "o"} strings')
    doc = data.get("doc", path.stem)
    if not isinstance(doc, str):
        raise bad('"doc" must be the document\'s file name')
    return GoldDocument(stem=Path(doc).stem, entities=tuple(entities),
                        relations=frozenset((r["s"], r["p"], r["o"]) for r in relations))


