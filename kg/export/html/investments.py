"""The rows of the page's investments table: one per Investment node, with its investors
(``invests`` edges into it), its targets (``fundsTarget`` edges out of it), its year and
the documents that state it."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

INVESTS, FUNDS_TARGET = "invests", "fundsTarget"


@dataclass(frozen=True)
class EdgeRef:
    source: int           # node index
    target: int
    predicate: str
    docs: tuple[int, ...]  # document indices of its evidence


def investment_rows(nodes: Sequence[dict], edges: Sequence[EdgeRef],
                    doc_dates: Sequence[str | None]) -> list[dict]:
    """One row per Investment node, in node order.

    ``docs`` are the documents of its invests/fundsTarget evidence (the node's own
    documents when it has none), earliest first; ``year`` is the year the text gives,
    else the year of its earliest dated document (``yearFrom`` says which).
    """
    investors: dict[int, list[int]] = {}
    targets: dict[int, list[int]] = {}
    stated: dict[int, set[int]] = {}
    for e in edges:
        if e.predicate == INVESTS:
            investors.setdefault(e.target, []).append(e.source)
            stated.setdefault(e.target, set()).update(e.docs)
        elif e.predicate == FUNDS_TARGET:
            targets.setdefault(e.source, []).append(e.target)
            stated.setdefault(e.source, set()).update(e.docs)

    def by_date(d: int) -> tuple:
        date = doc_dates[d]
        return (date is None, date or "", d)

    rows = []
    for i, n in enumerate(nodes):
        if n.get("type") != "Investment":
            continue
        docs = sorted(stated.get(i) or set(n.get("docs", ())), key=by_date)
        year, year_from = n.get("year"), "text" if n.get("year") is not None else None
        if year is None:
            dated = [doc_dates[d] for d in docs if doc_dates[d]]
            if dated:
                year, year_from = int(min(dated)[:4]), "date"
        rows.append({
            "node": i,
            "by": sorted(set(investors.get(i, ()))),
            "to": sorted(set(targets.get(i, ()))),
            "year": year,
            "yearFrom": year_from,
            "docs": docs,
        })
    return rows
