"""Sorted runs on disk and their merge (kg.spool): the external sort behind every
output of a streamed build."""
from __future__ import annotations

import random

import pytest

from kg.spool import OrderError, RunWriter, merge, read_run, unique, write_run


def test_runs_merge_into_one_sorted_stream(tmp_path):
    rng = random.Random(3)
    records = sorted({(rng.randbytes(6), rng.choice([b"", b"<g>"])) for _ in range(20_000)})
    shuffled = records[:]
    rng.shuffle(shuffled)
    paths = []
    for i in range(7):  # runs of very different sizes, one empty
        part = sorted(shuffled[i * 4000:(i + 1) * 4000] if i < 6 else [])
        paths.append(tmp_path / f"{i}.run")
        assert write_run(paths[-1], part) == len(part)
    assert list(read_run(paths[0])) == sorted(shuffled[:4000])
    assert list(merge(paths)) == records[:20_000]


def test_a_record_out_of_order_is_refused(tmp_path):
    with pytest.raises(OrderError, match=r"\(b'a',\) after \(b'b',\)"):
        write_run(tmp_path / "x.run", [(b"a",), (b"b",), (b"a",)])
    writer = RunWriter(tmp_path / "y.run")
    writer.extend([(1, "x"), (2, "y")])
    with pytest.raises(OrderError):  # across calls too
        writer.extend([(1, "z")])
    writer.add((2, "y"))  # equal records are kept
    writer.close()
    assert list(read_run(tmp_path / "y.run")) == [(1, "x"), (2, "y"), (2, "y")]
    assert list(unique(read_run(tmp_path / "y.run"))) == [(1, "x"), (2, "y")]
