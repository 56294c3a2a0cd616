"""SPARQL 1.1 over a built graph (pyoxigraph), and the named queries of ontology/queries/.

Parameters reach a query only as RDF literals serialised (and escaped) by
pyoxigraph in a `VALUES` block, never as raw text spliced into the query.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.resources import queries_dir

QUERY_DIR = queries_dir()
FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}


# "# param: name (required) — any name of the entity, e.g. 과기정통부"
_PARAM = re.compile(r"#\s*param:\s*([A-Za-z_][A-Za-z0-9_]*)\s*\((required|optional)\)\s*[—–-]+\s*"
                    r"(.*?),?\s+e\.g\.\s+(\S.*?)\s*$")
_MAX_CELL = 60  # columns: longer cells are cut with "..."


@dataclass(frozen=True)
class Param:
    """A parameter a saved query declares in its header."""

    name: str
    required: bool
    description: str
    example: str

    def usage(self) -> str:
        return f"--param {self.name}=VALUE ({'required' if self.required else 'optional'})"


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()


@dataclass(frozen=True)
class Results:
    """A SELECT's variables and rows (terms as pyoxigraph objects), or an ASK's answer."""

    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    boolean: bool | None = None


def load_store(graph: Path) -> ox.Store:
    """An output folder's store (kg.store), opened read-only, not parsed; else the graph
    file (or the folder's graph.nq) in an in-memory store (kg.rdfload). Queries see the
    union of its graphs."""
    from kg.rdfload import load_store as load
    from kg.store import open_store, store_path

    found = store_path(graph) if Path(graph).is_dir() else None
    return open_store(found) if found else load(graph)


def list_queries(folder: Path = QUERY_DIR) -> list[NamedQuery]:
    """The saved queries, each described by the `#` comment lines at its top."""
    return [parse_query(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.rq"))]


def parse_query(name: str, text: str) -> NamedQuery:
    """A query and its header: description lines, then `# param:` lines."""
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if re.match(r"#\s*param\b", line):
            m = _PARAM.match(line)
            if m is None:
                raise UsageError(f"query {name!r}: cannot read {line!r} (expected "
                                 "'# param: NAME (required|optional) — WHAT, e.g. EXAMPLE')")
            params.append(Param(m[1], m[2] == "required", m[3], m[4]))
        else:
            description.append(line[1:].strip())
    return NamedQuery(name, " ".join(x for x in description if x), text, tuple(params))


def read_query_file(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the query: {getattr(exc, 'strerror', None) or exc}"
                         ) from None


def named_query(name: str) -> NamedQuery:
    for q in list_queries():
        if q.name == name:
            return q
    known = ", ".join(q.name for q in list_queries())
    raise UsageError(f"no saved query named {name!r} (known: {known})")


def check_params(query: NamedQuery, params: dict[str, str]) -> None:
    """Refuse a parameter the query does not declare, and a missing required one."""
    declared = {p.name: p for p in query.params}
    for key in sorted(params):
        if key not in declared:
            if not declared:
                raise UsageError(f"--param {key}: query {query.name!r} takes no parameters")
            takes = "; ".join(f"--param {p.name}=VALUE, e.g. --param {p.name}={p.example}"
                              for p in query.params)
            raise UsageError(f"--param {key}: query {query.name!r} has no parameter {key!r} "
                             f"(it takes {takes})")
    for p in query.params:
        if p.required and p.name not in params:
            raise UsageError(f"query {query.name!r} needs --param {p.name}=VALUE: {p.description}, "
                             f"e.g. --param {p.name}={p.example}")


def format_list(queries: list[NamedQuery]) -> str:
    """The saved queries for `kg query --list`: name, description, then each parameter."""
    width = max((len(q.name) for q in queries), default=0) + 2
    lines = []
    for q in queries:
        lines.append(f"{q.name.ljust(width)}{q.description}".rstrip())
        for p in q.params:
            lines.append(f"{' ' * width}{p.usage()}: {p.description}, e.g. {p.example}")
    return "\n".join(lines)


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


def display_width(text: str) -> int:
    """Columns a terminal gives the text: East Asian wide and fullwidth characters take
    two (Hangul syllables, Hanja), combining and format characters and the vowels and
    final consonants of conjoining Hangul jamo none."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if (unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")
            or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _fit(text: str, width: int) -> str:
    """The text cut to at most `width` columns (ending in "..." when cut)."""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = _char_width(ch)
        if used + w > width - 3:
            break
        out.append(ch)
        used += w
    return "".join(out) + "..."


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(res: Results) -> str:
    """Rows under a header, columns aligned by display width (Korean counts two)."""
    if res.boolean is not None:
        return "true" if res.boolean else "false"
    cells = [[_fit(" ".join(("" if t is None else t.value).split()), _MAX_CELL) for t in row]
             for row in res.rows]
    widths = [max([display_width(v)] + [display_width(r[i]) for r in cells])
              for i, v in enumerate(res.variables)]
    lines = [" | ".join(_pad(v, w) for v, w in zip(res.variables, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in cells:
        lines.append(" | ".join(_pad(c, w) for c, w in zip(row, widths)))
    lines = [line.rstrip() for line in lines]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines)
