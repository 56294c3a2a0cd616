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

from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError

STORE = "graph.oxigraph"
#: Quads per bulk load: Oxigraph's bulk loader holds what it is given (a whole 1.3 M-quad
#: file took 1.3 GB), in batches it stays near 200 MB and is about as fast. Two threads
#: of 50,000-quad batches hold about what one thread of 100,000 did (190 MB).
BATCH = 50_000
#: Threads that load batches at once (at most one per processor; more would hold more
#: batches in memory).
LOAD_THREADS = 2


#: In the store's folder: the SHA-256 of the graph.nq it holds (RocksDB leaves other
#: files alone), so that a rebuild knows which graph.nq a difference applies to.
SOURCE = "kg-graph.nq.sha256"


def create_store(nquads: Path, location: Path, sha256: str | None = None) -> None:
    """Bulk-load the N-Quads file into a new store at `location` (a missing folder), a
    batch of lines at a time; `sha256` is the file's."""
    store = ox.Store(str(location))
    _bulk_load(store, nquads)
    # (compacted once here: without it a saved query on 1,000 documents took 0.47 s
    # instead of 0.38 s, for 0.6 s saved once and a store 15 % smaller)
    store.optimize()
    store.flush()
    del store
    if sha256:
        (Path(location) / SOURCE).write_text(sha256 + "\n", encoding="ascii")


def _bulk_load(store: ox.Store, nquads: Path) -> None:
    """Load the file's batches in a few threads at once: a batch this size is one thread
    of Oxigraph's loader (which releases the GIL), and Oxigraph's own loader runs its
    batches in parallel threads the same way. Two threads took 4.5 s instead of 8.5 s
    for 1.27 M quads on an idle machine."""
    from kg.execution import processors

    threads = min(processors(), LOAD_THREADS)
    with ThreadPoolExecutor(threads) as pool, open(nquads, "rb") as fh:
        pending: set = set()

        def load(batch: list[bytes]) -> None:
            nonlocal pending
            if len(pending) >= threads:  # no more batches in memory than threads
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()
            pending.add(pool.submit(store.bulk_load, b"".join(batch),
                                    format=ox.RdfFormat.N_QUADS))

        batch: list[bytes] = []
        for line in fh:
            batch.append(line)
            if len(batch) >= BATCH:
                load(batch)
                batch = []
        if batch:
            load(batch)
        for future in pending:
            future.result()


def update_store(previous: Path, location: Path, delete: Path, insert: Path,
                 sha256: str) -> None:
    """A copy of the `previous` store at `location` (hard links: RocksDB's files do not
    change) with the quads of `delete` removed and those of `insert` added."""
    ox.Store.read_only(str(previous)).backup(str(location))
    (Path(location) / SOURCE).unlink(missing_ok=True)
    store = ox.Store(str(location))
    with open(delete, "rb") as fh:
        for quad in ox.parse(fh, format=ox.RdfFormat.N_QUADS):
            store.remove(quad)
    _bulk_load(store, insert)
    store.flush()
    del store
    (Path(location) / SOURCE).write_text(sha256 + "\n", encoding="ascii")


def source_of(location: Path) -> str | None:
    """The SHA-256 of the graph.nq the store at `location` holds, when it says."""
    try:
        return (Path(location) / SOURCE).read_text(encoding="ascii").strip()
    except OSError:
        return None


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
