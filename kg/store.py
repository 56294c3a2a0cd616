"""The query-ready store of a build: `OUTDIR/graph.oxigraph`, an Oxigraph (RocksDB)
database holding graph.nq's quads, so that `kg query OUTDIR` and `kg serve OUTDIR`
open it instead of parsing the graph again.

The store's content is the build's (the quads of graph.nq, each document in its named
graph); its bytes are not reproducible (RocksDB names its files and logs by the order
of its own work), so it is compared by content, never byte for byte, and kept out of
version control. A build makes it in its staging folder and swaps it into place whole
(kg.staging): a killed build leaves the previous store.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError

STORE = "graph.oxigraph"
#: Quads per bulk load: Oxigraph's bulk loader holds what it is given (a whole 1.3 M-quad
#: file took 1.3 GB), in batches it stays near 200 MB and is about as fast.
BATCH = 100_000


def create_store(nquads: Path, location: Path) -> None:
    """Bulk-load the N-Quads file into a new store at `location` (a missing folder), a
    batch of lines at a time."""
    store = ox.Store(str(location))
    with open(nquads, "rb") as fh:
        batch: list[bytes] = []
        for line in fh:
            batch.append(line)
            if len(batch) >= BATCH:
                store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
                batch.clear()
        if batch:
            store.bulk_load(b"".join(batch), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store


def store_path(out_dir: Path) -> Path | None:
    """The store of an output folder, when the build made one."""
    path = Path(out_dir) / STORE
    return path if (path / "CURRENT").is_file() else None


def open_store(location: Path) -> ox.Store:
    """The store at `location`, read-only (any number of readers at once)."""
    try:
        return ox.Store.read_only(str(location))
    except OSError as exc:
        raise UsageError(f"{location}: cannot open the store: {exc}") from None
