"""The data the page renders, built from the networkx view of a build (and, when given,
the build's GraphData for document titles, dates, outlets, URLs and texts).

Compact and deterministic: nodes are sorted by id and edges by (source, target, key);
edges and their evidence refer to nodes, documents, predicates and sentences by index;
each sentence is stored once however many edges quote it.

``edges``: ``[source, target, predicate, docs, evidence, total]`` where ``docs`` are the
documents of all its evidence and ``evidence`` the quotes the page holds (all of them
unless the build is too big: ``total`` says how many there are), each
``[doc, sentence, marks, previous, previous_marks]`` (the last two only when the subject
is carried over from the previous sentence; marks are flat ``start, end, flags`` triples
in UTF-16 units, flags ``1`` subject, ``2`` object, ``4`` the stating span).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.export.html import evidence as ev
from kg.export.html.investments import EdgeRef, investment_rows
from kg.export.html.layout import whole_layout
from kg.export.html.values import as_text, format_value, int_or_none, iso_date, str_list, web_url
from kg.graph import ENT
from kg.schema import load_schema

log = logging.getLogger(__name__)

#: The whole-graph view shows at most this many nodes (the best connected).
WHOLE_MAX_NODES = 1500
#: Up to this many related nodes, the explore tab opens on the whole graph.
WHOLE_FIRST_MAX = 300
#: Bytes of evidence (sentences and their marks) a page may hold; beyond, fewer per edge.
EVIDENCE_BUDGET = 7_000_000
PAYLOAD_VERSION = 2


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _schema_lists(types_seen: set[str], preds_seen: set[str]) -> tuple[list, list]:
    schema = load_schema()
    types = [{"name": t.name, "ko": t.label_ko, "en": t.label_en, "color": t.colour,
              "shape": t.shape, "glyph": t.glyph, "dashed": t.dashed}
             for t in schema.types.values()]
    types += [{"name": t, "ko": t, "en": t, "color": "#8c8c8c", "shape": "dot",
               "glyph": "\u25cb", "dashed": False}
              for t in sorted(types_seen - set(schema.types))]
    preds = [{"name": p.name, "ko": p.label_ko, "en": p.label_en, "symmetric": p.symmetric}
             for p in schema.predicates.values()]
    preds += [{"name": p, "ko": p, "en": p, "symmetric": False}
              for p in sorted(preds_seen - set(schema.predicates))]
    return types, preds


def _document_info(g: nx.MultiDiGraph, data: Any) -> tuple[dict[str, dict], dict[str, str]]:
    """(metadata by document id, text by document id), from GraphData when given, else
    from a ``documents`` mapping in the graph's attributes when there is one."""
    info: dict[str, dict] = {}
    texts: dict[str, str] = {}
    extra = g.graph.get("documents")
    if isinstance(extra, dict):  # id -> attributes
        extra = [{**a, "id": k} for k, a in extra.items() if isinstance(a, dict)]
    for attrs in extra if isinstance(extra, (list, tuple)) else ():
        if isinstance(attrs, dict) and attrs.get("id") is not None:
            info[as_text(attrs["id"])] = dict(attrs)
    for d in getattr(data, "documents", None) or ():
        doc_id = as_text(getattr(d, "id", ""))
        info[doc_id] = {k: getattr(d, k, None) for k in ("title", "date", "url", "publisher")}
        if info[doc_id]["publisher"] is None:
            info[doc_id]["publisher"] = getattr(d, "outlet", None)
        text = getattr(d, "text", None)
        if isinstance(text, str):
            texts[doc_id] = text
    return info, texts


def _documents(info: dict[str, dict], used: set[str]) -> list[dict]:
    docs = []
    for doc_id in set(info) | used:
        a = info.get(doc_id, {})
        rec: dict[str, Any] = {"id": doc_id}
        title = " ".join(as_text(a.get("title")).split())
        if title:
            rec["title"] = title
        for key, value in (("date", iso_date(a.get("date"))), ("url", web_url(a.get("url"))),
                           ("publisher", " ".join(as_text(a.get("publisher")).split()))):
            if value:
                rec[key] = value
        docs.append(rec)
    # chronological (undated last), so that a document's index is its rank
    docs.sort(key=lambda d: ("date" not in d, d.get("date", ""), d["id"]))
    return docs


def _node(n: str, a: dict, degree: int, doc_index: dict[str, int], year: int | None) -> dict:
    label = as_text(a.get("label")).strip() or _local_name(n)
    node: dict[str, Any] = {"id": n, "type": as_text(a.get("type")) or "Other",
                            "label": label, "deg": degree}
    aliases = [x for x in str_list(a.get("aliases")) if x != label]
    written = as_text(a.get("text")).strip()
    if written and written != label and written not in aliases:
        aliases.append(written)
    known = [x for x in str_list(a.get("known_aliases")) if x != label and x not in aliases]
    if aliases:
        node["aliases"] = aliases
    if known:
        node["known"] = known
    docs = sorted({doc_index[d] for d in str_list(a.get("docs")) if d in doc_index})
    if docs:
        node["docs"] = docs
    value = int_or_none(a.get("amount"))
    if value is not None or written:
        node["amount"] = {"text": written, "value": str(value) if value is not None else "",
                          "currency": as_text(a.get("currency")).strip(),
                          "norm": format_value(value, a.get("currency"))}
    role = as_text(a.get("role")).strip()
    if role:
        node["role"] = role
    if year is not None:
        node["year"] = year
    return node


def _years(g: nx.MultiDiGraph, data: Any) -> dict[str, int]:
    years = {}
    prefix = str(ENT)
    for e in getattr(data, "entities", None) or ():
        y = int_or_none(getattr(e, "year", None))
        if y is not None:
            years[prefix + as_text(getattr(e, "key", ""))] = y
    for n, a in g.nodes(data=True):
        y = int_or_none(a.get("year"))
        if y is not None:
            years[str(n)] = y
    return years


def _kept(qs: list[ev.Quote], limit: int | None) -> list[ev.Quote]:
    """The quotes of an edge the page holds, in their order: at most ``limit``, spread over
    as many documents as possible."""
    if limit is None or len(qs) <= limit:
        return qs
    chosen = set(ev.spread(qs)[:limit])
    return [q for q in qs if q in chosen]


def _quote_item(q: ev.Quote, doc_index: dict[str, int], sentences: dict[str, int]) -> list:
    """``[doc, sentence, marks(, previous, previous_marks)]``; sentences stored once."""
    item: list[Any] = [doc_index.get(q.doc, -1), sentences.setdefault(q.sentence, len(sentences)),
                       list(q.marks)]
    if q.previous is not None:
        item += [sentences.setdefault(q.previous, len(sentences)), list(q.previous_marks)]
    return item


@dataclass
class Skeleton:
    """Everything the page shows but the evidence: nodes (sorted by id), documents
    (chronological), and edges (sorted by source, target, predicate)."""

    ids: list[str]
    nodes: list[dict]
    names: list[list[str]]            # each node's names, folded, as quotes mark them
    docs: list[dict]
    edges: list[tuple[str, str, str]]  # (source id, target id, predicate)
    types: list[dict]
    preds: list[dict]

    @property
    def doc_index(self) -> dict[str, int]:
        return {d["id"]: i for i, d in enumerate(self.docs)}


def skeleton(ids: list[str], attrs: dict[str, dict], degree: dict[str, int],
             edges: list[tuple[str, str, str]], info: dict[str, dict], used_docs: set[str],
             years: dict[str, int]) -> Skeleton:
    """The Skeleton of nodes `ids` (their networkx attributes and degree), `edges` and the
    documents' metadata `info` (and any other document id in `used_docs`)."""
    docs = _documents(info, used_docs)
    doc_index = {d["id"]: i for i, d in enumerate(docs)}
    nodes = [_node(n, attrs[n], degree[n], doc_index, years.get(n)) for n in ids]
    names = [node_names(n) for n in nodes]
    types, preds = _schema_lists({n["type"] for n in nodes}, {p for _, _, p in edges})
    return Skeleton(ids, nodes, names, docs, edges, types, preds)


def node_names(node: dict) -> list[str]:
    """The names of a page node that its quotes mark, folded, longest first."""
    return ev.matching_names([node["label"], *node.get("aliases", ()), *node.get("known", ())])


def build_payload(g: nx.MultiDiGraph, data: Any = None, *, max_nodes: int = WHOLE_MAX_NODES,
                  evidence_budget: int = EVIDENCE_BUDGET) -> dict[str, Any]:
    """The JSON-ready data of the page (sorted, deterministic)."""
    ids = sorted(str(n) for n in g.nodes)
    attrs = {str(n): a for n, a in g.nodes(data=True)}
    degree = {str(n): int(d) for n, d in g.degree()}
    raw_edges = sorted(((str(u), str(v), as_text(k), a) for u, v, k, a in
                        g.edges(keys=True, data=True)), key=lambda e: e[:3])
    used_docs = {d for a in attrs.values() for d in str_list(a.get("docs"))}
    used_docs |= {as_text(x.get("doc")) for *_, a in raw_edges for x in a.get("evidence") or ()
                  if isinstance(x, dict)}
    info, texts = _document_info(g, data)
    sk = skeleton(ids, attrs, degree, [(u, v, as_text(a.get("predicate") or k))
                                       for u, v, k, a in raw_edges],
                  info, used_docs, _years(g, data))
    node_index = {n: i for i, n in enumerate(ids)}
    doc_index = sk.doc_index
    quotes = [ev.quotes(a.get("evidence"), sk.names[node_index[u]], sk.names[node_index[v]],
                        texts, doc_index) for u, v, _, a in raw_edges]
    return assemble_payload(sk, lambda: iter(quotes), max_nodes=max_nodes,
                            evidence_budget=evidence_budget)


def assemble_payload(sk: Skeleton, edge_quotes: Callable[[], Iterable[list[ev.Quote]]], *,
                     max_nodes: int = WHOLE_MAX_NODES, evidence_budget: int = EVIDENCE_BUDGET
                     ) -> dict[str, Any]:
    """The payload of a Skeleton whose edges' quotes (each edge's in order, see
    kg.export.html.evidence.quotes) `edge_quotes()` yields, once to size the page and
    once to fill it."""
    ids, nodes, docs = sk.ids, sk.nodes, sk.docs
    node_index = {n: i for i, n in enumerate(ids)}
    doc_index = sk.doc_index
    pred_index = {p["name"]: i for i, p in enumerate(sk.preds)}

    # Evidence: every quote of every edge, then as many per edge as the budget allows.
    limit = ev.per_edge_limit_of(edge_quotes(), evidence_budget)
    if limit is not None:
        log.info("graph.html: at most %d evidence sentences per edge (page budget %d bytes)",
                 limit, evidence_budget)
    sentences: dict[str, int] = {}
    edges, refs = [], []
    total_quotes = 0
    for (u, v, pred), qs in zip(sk.edges, edge_quotes(), strict=True):
        items = [_quote_item(q, doc_index, sentences) for q in _kept(qs, limit)]
        edge_docs = sorted({doc_index[q.doc] for q in qs if q.doc in doc_index})
        edges.append([node_index[u], node_index[v], pred_index[pred], edge_docs, items, len(qs)])
        refs.append(EdgeRef(node_index[u], node_index[v], pred, tuple(edge_docs)))
        total_quotes += len(qs)

    # The whole-graph view: the best connected related nodes, laid out by community.
    degree = {n: node["deg"] for n, node in zip(ids, nodes)}
    related = sorted((n for n in ids if degree[n] > 0), key=lambda n: (-degree[n], n))
    whole = sorted(related[:max(0, max_nodes)])
    keep = set(whole)
    pos, community, groups = whole_layout(whole, [(u, v) for u, v, _ in sk.edges
                                                  if u in keep and v in keep])
    for n in whole:
        node = nodes[node_index[n]]
        node["x"], node["y"] = pos[n]
        node["c"] = community[n]

    return {
        "meta": {
            "version": PAYLOAD_VERSION,
            "nodes": len(nodes), "edges": len(edges), "documents": len(docs),
            "related": len(related), "isolated": len(nodes) - len(related),
            "wholeNodes": len(whole), "wholeFirst": len(related) <= WHOLE_FIRST_MAX,
            "evidence": total_quotes, "evidenceShown": sum(len(e[4]) for e in edges),
            "evidenceLimit": limit,
        },
        "types": sk.types,
        "predicates": sk.preds,
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
        "sentences": list(sentences),
        "communities": [{"x": c.x, "y": c.y, "r": c.radius, "size": len(c.members),
                         "top": [node_index[m] for m in c.members[:3]]} for c in groups],
        "investments": investment_rows(nodes, refs, [d.get("date") for d in docs]),
    }
