"""Turtle: the graph's public interface (see CONTRACT.md)."""
from __future__ import annotations

from rdflib import Graph


def render_turtle(rdf: Graph) -> bytes:
    # rdflib's Turtle serializer sorts subjects and predicates, so the bytes are stable
    return rdf.serialize(format="turtle", encoding="utf-8")
