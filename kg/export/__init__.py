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
    from kg.export.kuzu import render_kuzu
    from kg.export.neo4j import render_neo4j
    from kg.export.jsonld import render_jsonld
    from kg.export.propertygraph import render_graphml
    from kg.export.rdf import ox_triples, render_nquads, render_ntriples
    from kg.export.turtle import render_turtle
    from kg.graph import doc_iris, text_path

    rdf = list(rdf)
    iris = doc_iris(data.documents)
    converted = ox_triples(rdf)
    return {
        "graph.ttl": render_turtle(rdf, converted),
        "graph.nt": render_ntriples(rdf, converted),
        "graph.nq": render_nquads(data, rdf, converted),
        "graph.jsonld": render_jsonld(rdf),
        "graph.graphml": render_graphml(data),
        "graph.html": render_html(view, data).encode("utf-8"),
        **render_neo4j(data),
        **render_kuzu(data),
        # the texts that evidence offsets (oa:TextPositionSelector) count characters in
        **{text_path(iris[d.id]): d.text.encode("utf-8")
           for d in sorted(data.documents, key=lambda d: d.id)},
    }
