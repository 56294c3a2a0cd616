"""Entity rule families, one per module; importing this package registers them."""
from kg.rules.entities import (  # noqa: F401  (registration)
    anaphora,
    government,
    items,
    lists,
    localgov,
    markers,
    money,
    nested,
    people,
    places,
    products,
    quotes,
    ranks,
    repeats,
    suffixes,
    unknown,
)
