"""Reading a built graph for querying, scoring and validation, in any format `kg` writes.

One rule for every command: a graph is the union of all the graphs in the file (the
default graph and every named graph), so an N-Quads or TriG file of the same triples
answers as its Turtle does. Each file is read by pyoxigraph, chosen by its extension;
an output folder stands for its graph.nq. Anything else is refused with one line
naming the file and the reason.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import UsageError
from kg.graph import rdflib_term

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
           ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
           ".jsonld": ox.RdfFormat.JSON_LD}
FOLDER_GRAPH = "graph.nq"


def graph_file(path: Path) -> Path:
    """The RDF file `path` names: itself, or an output folder's graph.nq."""
    path = Path(path)
    if path.is_dir():
        found = path / FOLDER_GRAPH
        if not found.is_file():
            raise UsageError(f"{path}: a folder without {FOLDER_GRAPH} (not a kg output folder)")
        return found
    if not path.is_file():
        raise UsageError(f"{path}: no such graph file")
    rdf_format(path)
    return path


def rdf_format(path: Path) -> ox.RdfFormat:
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: not a graph kg reads (the name must end in "
                         f"{', '.join(FORMATS)})")
    return fmt


def load_store(path: Path) -> ox.Store:
    """An in-memory Oxigraph store of the file; query it with use_default_graph_as_union."""
    path = graph_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise UsageError(f"{path}: cannot be parsed: {_first_line(exc)}") from None
    return store


def load_graph(path: Path) -> Graph:
    """An rdflib Graph of the union of the file's graphs (each triple once)."""
    path = graph_file(path)
    cache: dict = {}
    graph = Graph()
    try:
        with open(path, "rb") as fh:
            for quad in ox.parse(fh, format=rdf_format(path)):
                graph.add((rdflib_term(quad.subject, cache), rdflib_term(quad.predicate, cache),
                           rdflib_term(quad.object, cache)))
    except (SyntaxError, ValueError) as exc:
        raise UsageError(f"{path}: cannot parse the graph: {_first_line(exc)}") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return graph


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
