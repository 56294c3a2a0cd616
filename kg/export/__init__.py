"""Exporters: each renders the built graph into the bytes of one output file."""
from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

from kg.graph import GraphData


def render_all(data: GraphData, rdf: Sequence[tuple], view: nx.MultiDiGraph
               ) -> dict[str, bytes]:
    """File name -> content, for every output of a build. `rdf` is the graph's triples
    (kg.graph.to_triples; an rdflib Graph works too, more slowly)."""
    from kg.export.html import render_html
    from kg.export.propertygraph import render_graphml, render_neo4j
    from kg.export.rdf import ox_triples, render_jsonld, render_nquads, render_ntriples
    from kg.export.turtle import render_turtle

    rdf = list(rdf)
    converted = ox_triples(rdf)
    return {
        "graph.ttl": render_turtle(rdf, converted),
        "graph.nt": render_ntriples(rdf, converted),
        "graph.nq": render_nquads(data, rdf, converted),
        "graph.jsonld": render_jsonld(rdf),
        "graph.graphml": render_graphml(view),
        "graph.html": render_html(view, data).encode("utf-8"),
        **render_neo4j(data),
    }
