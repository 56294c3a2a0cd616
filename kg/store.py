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


def create_store(nquads: Path, location: Path) -> None:
    """Bulk-load the N-Quads file into a new store at `location` (a missing folder)."""
    store = ox.Store(str(location))
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
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
