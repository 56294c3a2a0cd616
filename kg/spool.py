"""Sorted runs of records on disk, and their merge: how a build writes outputs bigger than
its memory in a fixed order (an external sort).

A run is a file of records (tuples of bytes, str and int) in ascending order, stored as
pickled blocks; writing one checks the order, so a piece rendered out of order fails
loudly instead of producing a file that depends on how the work was split. Merging
runs (heapq.merge) gives one ascending stream whatever the number of runs and however
the records were divided among them.
"""
from __future__ import annotations

import heapq
import operator
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

BLOCK = 4096  # records per pickled block


class OrderError(RuntimeError):
    """Records reached a run out of order (a bug: the output would not be stable)."""


class RunWriter:
    """Writes one run; records must come in ascending order (equal ones are kept)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = open(self.path, "wb")  # noqa: SIM115 (closed by close())
        self._block: list = []
        self._last = None
        self.count = 0

    def add(self, record) -> None:
        if self._last is not None and record < self._last:
            raise OrderError(f"{self.path.name}: {record!r:.200} after {self._last!r:.200}")
        self._last = record
        self._block.append(record)
        self.count += 1
        if len(self._block) >= BLOCK:
            self._flush()

    def extend(self, records: Iterable) -> None:
        records = list(records)
        if not records:
            return
        # the order checked in C: each record against the one before it
        if (self._last is not None and records[0] < self._last) or \
                not all(map(operator.le, records, islice(records, 1, None))):
            bad = next((i for i in range(1, len(records)) if records[i] < records[i - 1]), 0)
            raise OrderError(f"{self.path.name}: {records[bad]!r:.200} after "
                             f"{(records[bad - 1] if bad else self._last)!r:.200}")
        self._last = records[-1]
        self.count += len(records)
        self._block.extend(records)
        if len(self._block) >= BLOCK:
            self._flush()

    def _flush(self) -> None:
        if self._block:
            pickle.dump(self._block, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._block = []

    def close(self) -> None:
        self._flush()
        self._file.close()

    def __enter__(self) -> RunWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_run(path: Path, records: Iterable) -> int:
    """A run of `records` (ascending); returns how many."""
    with RunWriter(path) as w:
        for block in batched(records, BLOCK):
            w.extend(block)
        return w.count


def batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while block := list(islice(it, n)):
        yield block


def read_run(path: Path) -> Iterator:
    """The records of a run, in order."""
    with open(path, "rb") as fh:
        while True:
            try:
                block = pickle.load(fh)
            except EOFError:
                return
            yield from block


def merge(paths: Iterable[Path]) -> Iterator:
    """The records of every run, in ascending order."""
    return heapq.merge(*(read_run(p) for p in paths))


def unique(records: Iterable) -> Iterator:
    """Records with consecutive duplicates dropped (a merged stream: all duplicates)."""
    last = object()
    for r in records:
        if r != last:
            yield r
            last = r
