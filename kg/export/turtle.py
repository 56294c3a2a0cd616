"""Turtle: the graph's public interface (see CONTRACT.md).

Written by pyoxigraph from triples sorted by their N-Triples form (subject, then
predicate, then object): rdflib's serialiser takes about 70 s per million triples,
pyoxigraph about 1 s, and sorting makes the bytes stable. The streamed build hands the
writer its sorted N-Triples lines, so the Turtle is written without holding the graph.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO

import pyoxigraph as ox

from kg.export.rdf import nt_lines, ox_triples, parsed
from kg.graph import PREFIXES


def render_turtle(rdf, triples: list[ox.Triple] | None = None) -> bytes:
    """Turtle of `rdf` (or of its pyoxigraph `triples`, when already converted)."""
    import io

    lines = sorted(nt_lines(triples if triples is not None else ox_triples(rdf)))
    out = io.BytesIO()
    write_turtle(lines, out)
    return out.getvalue()


def write_turtle(lines: Iterable[bytes], out: IO[bytes]) -> None:
    """Turtle of the triples given as N-Triples lines, sorted, to a binary file."""
    writer = _PrefixesSorted(out)
    ox.serialize(parsed(lines), writer, format=ox.RdfFormat.TURTLE,
                 prefixes={k: str(v) for k, v in sorted(PREFIXES.items())})
    writer.close()


class _PrefixesSorted:
    """Passes the writer's bytes through, with its @prefix lines (which come first)
    in a fixed order whatever order the writer chose."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.head: bytearray | None = bytearray()

    def write(self, data) -> int:
        if self.head is None:
            return self.out.write(data)
        self.head += data
        lines = self.head.split(b"\n")
        if len(lines) > 1 and any(not line.startswith(b"@prefix") for line in lines[:-1]):
            self._flush()
        return len(data)

    def _flush(self) -> None:
        lines = bytes(self.head).split(b"\n")
        # complete lines only: the last element is the start of a line still being written
        done, rest = lines[:-1], lines[-1]
        head = sorted(line for line in done if line.startswith(b"@prefix"))
        body = [line for line in done if not line.startswith(b"@prefix")]
        self.head = None
        self.out.write(b"\n".join(head + body) + b"\n" + rest)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.head is not None:
            lines = bytes(self.head).split(b"\n")
            head = sorted(line for line in lines if line.startswith(b"@prefix"))
            rest = [line for line in lines if not line.startswith(b"@prefix")]
            self.head = None
            self.out.write(b"\n".join(head + rest))
