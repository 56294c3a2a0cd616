"""Turtle: the graph's public interface (see CONTRACT.md).

Written by pyoxigraph from sorted triples: rdflib's serialiser takes about 70 s
per million triples, pyoxigraph about 1 s, and sorting makes the bytes stable.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from kg.export.rdf import ox_triples
from kg.graph import PREFIXES


def render_turtle(rdf: Graph, triples: list[ox.Triple] | None = None) -> bytes:
    """Turtle of `rdf` (or of its pyoxigraph `triples`, when already converted)."""
    triples = sorted(triples if triples is not None else ox_triples(rdf),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={k: str(v) for k, v in sorted(PREFIXES.items())})
    # the prefix lines in a fixed order, whatever order the writer chose
    lines = body.split(b"\n")
    head = sorted(line for line in lines if line.startswith(b"@prefix"))
    rest = [line for line in lines if not line.startswith(b"@prefix")]
    return b"\n".join(head + rest)
