"""What the corpus as a whole contributes to the outputs, rendered by the build's main
process from compact records: the entities (their descriptions and the relation
triples), the dataset's description, the property graphs' nodes and scripts, and the
page's skeleton (everything but the evidence).

Entities are rendered one at a time in key order, so each output's part is written as a
sorted run (kg.spool) without holding the graph: an entity's N-Triples lines (its
amount's and its relations' too) all sort between the previous entity's and the next
one's, because entity keys have one length within a type and none is another's prefix.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pyoxigraph as ox

from kg.export.jsonld import json_nodes
from kg.export.rdf import nt_lines
from kg.graph import ENT, MENTIONED, entity_triples, node_attrs, relation_triple
from kg.lifting import Key
from kg.spool import RunWriter, write_run
from kg.types import Document, Entity


def _records(triples: list[ox.Triple]) -> list[tuple[bytes, bytes]]:
    """(N-Triples line, graph) of each triple: a mention goes into its document's graph,
    everything else into the default graph."""
    out = []
    for t, line in zip(triples, nt_lines(triples), strict=True):
        graph = b"<" + t.object.value.encode() + b">" if t.predicate == MENTIONED else b""
        out.append((line, graph))
    out.sort()
    return out


def write_entities(entities: Sequence[Entity], known: Mapping[str, tuple[str, ...]],
                   relations: Sequence[Key], doc_nodes: Mapping[str, str], spool: Path
                   ) -> tuple[dict[str, Path], int]:
    """The entities' part of the RDF and JSON-LD (runs in `spool`), and how many triples
    it has. `relations` are sorted; each is written with its subject."""
    nodes = {d: ox.NamedNode(iri) for d, iri in doc_nodes.items()}
    runs = {"rdf": spool / "rdf-entities.run", "jsonld": spool / "jsonld-entities.run"}
    count = 0
    r = 0
    with RunWriter(runs["rdf"]) as rdf, RunWriter(runs["jsonld"]) as jsonld:
        for e in sorted(entities, key=lambda e: e.key):
            triples = entity_triples(e, known.get(e.key, ()), nodes)
            if r < len(relations) and relations[r][0] < e.key:
                raise ValueError(f"relation {relations[r]} of an unknown entity")
            while r < len(relations) and relations[r][0] == e.key:
                triples.append(relation_triple(*relations[r]))
                r += 1
            rdf.extend(_records(triples))
            jsonld.extend(sorted(json_nodes(triples)))
            count += len(triples)
    if r != len(relations):
        raise ValueError(f"relation {relations[r]} of an unknown entity")
    return runs, count


def write_dataset(documents: Sequence[Document], doc_nodes: Mapping[str, str], entities: int,
                  triples: int, spool: Path) -> dict[str, Path]:
    """The dataset's description (runs in `spool`); `triples` counts the rest of the graph."""
    from kg.dataset import describe

    described = describe([d.sha256 for d in documents], doc_nodes.values(), entities, triples)
    runs = {"rdf": spool / "rdf-dataset.run", "jsonld": spool / "jsonld-dataset.run"}
    write_run(runs["rdf"], _records(described))
    write_run(runs["jsonld"], sorted(json_nodes(described)))
    return runs


def write_property_nodes(entities: Sequence[Entity], relations: Sequence[Key], staging: Path,
                         spool: Path) -> Path:
    """neo4j/nodes.csv, kuzu/nodes.csv and the scripts of both into `staging`; the
    GraphML nodes into a part file in `spool` (its path returned)."""
    from kg.export import kuzu, neo4j
    from kg.export.propertygraph import graphml_node, pg_node, relationship_type

    for folder in ("neo4j", "kuzu"):
        (staging / folder).mkdir(parents=True, exist_ok=True)
    part = spool / "graphml-nodes.part"
    with open(staging / "neo4j/nodes.csv", "w", encoding="utf-8", newline="") as n4, \
            open(staging / "kuzu/nodes.csv", "w", encoding="utf-8", newline="") as kz, \
            open(part, "w", encoding="utf-8", newline="") as gm:
        w4, wk = neo4j.csv_writer(n4), neo4j.csv_writer(kz)
        w4.writerow(neo4j.NODE_HEADER)
        wk.writerow(name for name, _ in kuzu.NODE_COLUMNS)
        for e in sorted(entities, key=lambda e: e.key):
            n = pg_node(e)
            w4.writerow(neo4j.node_row(n))
            wk.writerow(kuzu.node_row(n))
            gm.write(graphml_node(n))
    types = {e.key: e.type for e in entities}
    labels = sorted(set(types.values()))
    kinds = sorted({(relationship_type(p), types[s], types[o]) for s, p, o in relations})
    for name, payload in neo4j.scripts(labels, kinds).items():
        (staging / name).write_bytes(payload)
    (staging / "kuzu/load.cypher").write_bytes(kuzu.script(labels, kinds).encode("utf-8"))
    return part


def write_skeleton(documents: Sequence[Document], entities: Sequence[Entity],
                   known: Mapping[str, tuple[str, ...]], relations: Iterable[Key],
                   spool: Path) -> tuple[Path, dict[str, tuple[str, ...]]]:
    """The page's skeleton (a pickle in `spool`, its path returned) and each entity's
    names as the page's quotes mark them (by entity key)."""
    from kg.export.html.payload import _document_info, _years, skeleton
    from kg.export.html.values import str_list

    prefix = str(ENT)
    ids = [prefix + e.key for e in sorted(entities, key=lambda e: e.key)]
    attrs = {prefix + e.key: node_attrs(e, known.get(e.key, ())) for e in entities}
    degree = dict.fromkeys(ids, 0)
    edges = []
    for s, p, o in relations:
        degree[prefix + s] += 1
        degree[prefix + o] += 1
        edges.append((prefix + s, prefix + o, p))
    edges.sort()
    data = SimpleNamespace(documents=documents, entities=entities)
    info, _ = _document_info(nx.MultiDiGraph(), data)
    used = {d for a in attrs.values() for d in str_list(a.get("docs"))}
    sk = skeleton(ids, attrs, degree, edges, info, used, _years(nx.MultiDiGraph(), data))
    path = spool / "page.pickle"
    path.write_bytes(pickle.dumps(sk, protocol=pickle.HIGHEST_PROTOCOL))
    names = {i[len(prefix):]: tuple(n) for i, n in zip(sk.ids, sk.names)}
    return path, names
