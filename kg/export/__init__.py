"""Exporters: each renders the built graph into the bytes of one output file."""
from __future__ import annotations

import networkx as nx
from rdflib import Graph

from kg.graph import GraphData


def render_all(data: GraphData, rdf: Graph, view: nx.MultiDiGraph) -> dict[str, bytes]:
    """File name -> content, for every output of a build."""
    from kg.export.html import render_html
    from kg.export.turtle import render_turtle

    return {
        "graph.ttl": render_turtle(rdf),
        "graph.html": render_html(view).encode("utf-8"),
    }
