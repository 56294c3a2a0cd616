"""Turtle: the graph's public interface (see CONTRACT.md).

Written by pyoxigraph from sorted triples: rdflib's serialiser takes about 70 s
per million triples, pyoxigraph about 1 s, and sorting makes the bytes stable.
"""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from kg.export.rdf import _Terms
from kg.graph import PREFIXES


def render_turtle(rdf: Graph) -> bytes:
    term = _Terms()
    triples = sorted((ox.Triple(term(s), term(p), term(o)) for s, p, o in rdf),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={k: str(v) for k, v in sorted(PREFIXES.items())})
    # the prefix lines in a fixed order, whatever order the writer chose
    lines = body.split(b"\n")
    head = sorted(line for line in lines if line.startswith(b"@prefix"))
    rest = [line for line in lines if not line.startswith(b"@prefix")]
    return b"\n".join(head + rest)
