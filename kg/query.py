"""SPARQL 1.1 over a built graph (pyoxigraph), and the named queries of ontology/queries/.

Parameters reach a query only as RDF literals serialised (and escaped) by
pyoxigraph in a `VALUES` block, never as raw text spliced into the query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.resources import queries_dir

QUERY_DIR = queries_dir()
FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


@dataclass(frozen=True)
class Results:
    """A SELECT's variables and rows (terms as pyoxigraph objects), or an ASK's answer."""

    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    boolean: bool | None = None


def load_store(graph: Path) -> ox.Store:
    """The graph file (or output folder) in an in-memory store; queries see the union of
    its graphs (kg.rdfload)."""
    from kg.rdfload import load_store as load

    return load(graph)


def list_queries(folder: Path = QUERY_DIR) -> list[NamedQuery]:
    """The saved queries; the leading `#` comment lines of each are its description."""
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        lines = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        out.append(NamedQuery(path.stem, " ".join(lines[:2]) if lines else "", text))
    return out


def named_query(name: str) -> NamedQuery:
    for q in list_queries():
        if q.name == name:
            return q
    known = ", ".join(q.name for q in list_queries())
    raise UsageError(f"no saved query named {name!r} (known: {known})")


def parse_params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
            raise UsageError(f"--param {pair!r}: expected NAME=VALUE")
        out[key] = value
    return out


def bind(sparql: str, params: dict[str, str] | None) -> str:
    """The query with `VALUES ?k { "v" }` at the start of its WHERE clause."""
    if not params:
        return sparql
    m = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if m is None:
        raise UsageError("parameters need a query with a WHERE clause")
    values = " ".join(f"VALUES ?{ox.Variable(k).value} {{ {ox.Literal(v)} }}"
                      for k, v in sorted(params.items()))
    return sparql[:m.end()] + " " + values + " " + sparql[m.end():]


def _execute(store: ox.Store, sparql: str, params: dict[str, str] | None):
    try:
        # the union of the graphs: N-Quads keep each document in its own graph
        return store.query(bind(sparql, params), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UsageError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None


def run(store: ox.Store, sparql: str, params: dict[str, str] | None = None) -> Results:
    """Run a read-only query; `params` bind variables to plain string literals."""
    result = _execute(store, sparql, params)
    if isinstance(result, ox.QueryBoolean):
        return Results((), (), bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(sol[v] for v in variables) for sol in result)
        return Results(variables, rows)
    raise UsageError("only SELECT and ASK queries print as results; use `kg serve` for CONSTRUCT")


def query_text(store: ox.Store, sparql: str, params: dict[str, str] | None = None,
               fmt: str = "table") -> str:
    """The results as a text table, or in the SPARQL 1.1 JSON, CSV or TSV results format."""
    if fmt in FORMATS:
        result = _execute(store, sparql, params)
        if not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            raise UsageError("only SELECT and ASK queries have a results format")
        return result.serialize(format=FORMATS[fmt]).decode("utf-8")
    return format_table(run(store, sparql, params))


def format_table(res: Results) -> str:
    if res.boolean is not None:
        return "true" if res.boolean else "false"
    cells = [["" if t is None else t.value for t in row] for row in res.rows]
    widths = [max([len(v)] + [min(len(r[i]), 60) for r in cells])
              for i, v in enumerate(res.variables)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(res.variables, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in cells:
        lines.append(" | ".join((c if len(c) <= 60 else c[:57] + "...").ljust(w)
                                for c, w in zip(row, widths)))
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines)
