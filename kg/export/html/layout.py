"""Positions of the whole-graph view, computed once at build time (no physics in the page).

Nodes are grouped into communities (Louvain, fixed seed), each community is laid out on
its own (Kamada-Kawai when small, Fruchterman-Reingold when big) at a density that leaves
room for labels, and the communities are packed in rows, biggest first. Nodes without any
relation are not laid out: the page lists them apart.

Deterministic: nodes are relabelled to integers in sorted order before anything iterates
over sets, and every random choice takes ``LAYOUT_SEED``.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

LAYOUT_SEED = 42
#: Canvas units between neighbouring nodes inside a community.
SPACING = 110.0
#: Communities up to this size get Kamada-Kawai (nicer, quadratic), bigger ones FR.
KAMADA_KAWAI_MAX = 80


@dataclass(frozen=True)
class Community:
    members: tuple[str, ...]   # node ids, highest degree first
    x: float                   # centre
    y: float
    radius: float


def _unit_layout(h: nx.Graph) -> dict[int, tuple[float, float]]:
    """Positions in about [-1, 1]² for one community."""
    n = h.number_of_nodes()
    nodes = list(h.nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
    if n <= KAMADA_KAWAI_MAX and nx.is_connected(h):
        pos = nx.kamada_kawai_layout(h)
    else:
        iterations = 50 if n <= 500 else 30
        pos = _even_out(nx.spring_layout(h, seed=LAYOUT_SEED, iterations=iterations))
    # centred, the farthest node at distance 1: the community fits its disc
    cx = sum(float(v[0]) for v in pos.values()) / n
    cy = sum(float(v[1]) for v in pos.values()) / n
    far = max(math.hypot(v[0] - cx, v[1] - cy) for v in pos.values()) or 1.0
    return {k: ((float(v[0]) - cx) / far, (float(v[1]) - cy) / far) for k, v in pos.items()}


def _even_out(pos: dict) -> dict:
    """Spring layouts of big communities crowd the middle (a hub among its leaves): keep
    each node's direction from the centre and its rank in distance, but spread the
    distances so that the disc is evenly filled."""
    nodes = list(pos)
    cx = sum(float(pos[k][0]) for k in nodes) / len(nodes)
    cy = sum(float(pos[k][1]) for k in nodes) / len(nodes)
    polar = {k: (math.hypot(pos[k][0] - cx, pos[k][1] - cy),
                 math.atan2(pos[k][1] - cy, pos[k][0] - cx)) for k in nodes}
    ranked = sorted(nodes, key=lambda k: (polar[k][0], k))
    out = {}
    for rank, k in enumerate(ranked):
        r = math.sqrt((rank + 0.5) / len(nodes))
        out[k] = (r * math.cos(polar[k][1]), r * math.sin(polar[k][1]))
    return out


def _communities(h: nx.Graph) -> list[list[int]]:
    try:
        found = nx.community.louvain_communities(h, seed=LAYOUT_SEED)
    except (AttributeError, ZeroDivisionError):  # no edges at all
        found = [{n} for n in h.nodes]
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def whole_layout(ids: Sequence[str], pairs: Sequence[tuple[str, str]]
                 ) -> tuple[dict[str, tuple[float, float]], dict[str, int], list[Community]]:
    """(position by id, community number by id, communities) for the given nodes."""
    index = {n: i for i, n in enumerate(sorted(ids))}
    h = nx.Graph()
    h.add_nodes_from(range(len(index)))
    h.add_edges_from(sorted({(min(index[a], index[b]), max(index[a], index[b]))
                             for a, b in pairs if a != b and a in index and b in index}))
    degree = dict(h.degree())
    groups = _communities(h) if len(index) else []

    # Lay out each community, then pack the squares that hold them in rows.
    laid = []
    for members in groups:
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from(sorted(e for e in h.subgraph(members).edges))
        unit = _unit_layout(sub)
        radius = SPACING * max(0.5, math.sqrt(len(members)) * 0.62)
        laid.append((members, unit, radius))
    gap = SPACING * 1.2
    row_width = math.sqrt(sum((2 * r + gap) ** 2 for _, _, r in laid)) * 1.35
    pos: dict[str, tuple[float, float]] = {}
    community: dict[str, int] = {}
    out: list[Community] = []
    names = sorted(index)
    x = y = row_height = 0.0
    for number, (members, unit, radius) in enumerate(laid):
        side = 2 * radius + gap
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + side / 2, y + side / 2
        x += side
        row_height = max(row_height, side)
        for m in members:
            ux, uy = unit[m]
            pos[names[m]] = (round(cx + ux * radius, 1), round(cy + uy * radius, 1))
            community[names[m]] = number
        ranked = tuple(names[m] for m in sorted(members, key=lambda m: (-degree[m], names[m])))
        out.append(Community(ranked, round(cx, 1), round(cy, 1), round(radius, 1)))
    return pos, community, out
