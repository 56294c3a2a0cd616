"""Relation rule families, one per module; importing this package registers them.
Priorities keep the order the families were written in (people first)."""
from kg.rules.relations import (  # noqa: F401  (registration)
    agreements,
    brands,
    clauses,
    consortia,
    events,
    investments,
    operations,
    organisations,
    participation,
    people,
    programs,
    stewards,
)
