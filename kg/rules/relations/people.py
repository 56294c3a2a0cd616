"""affiliatedWith: a person and the organisation their role names (kg.discourse finds
them, as it also needs them to know who a speaker stands for)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


@relation_rule("affiliation", priority=1)
def affiliation(ctx: Context) -> Iterator[Found]:
    for person, org in ctx.affiliations:
        yield Found(person, "affiliatedWith", org)
