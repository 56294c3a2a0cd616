"""Running per-document extraction: in this process, in worker processes, on a Dask
cluster, and from a cache of earlier builds.

Extraction is a pure function of a document's cleaned text and the pipeline
(code and lexicons), so results are cached under a hash of both, and identical
texts are extracted once. Every way of running gives the same Extractions, so
the same output, byte for byte.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path

from kg.errors import UsageError
from kg.io import atomic_write_bytes
from kg.types import Document

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of the code, knowledge and analysers that extraction depends on: every
    module of the package but the exporters (a new module is covered without being
    listed), the lexicons, cues and ontology."""
    from importlib.metadata import version

    from kg.resources import ontology_dir

    code = [p for p in sorted(PACKAGE.rglob("*.py")) if "export" not in p.relative_to(PACKAGE).parts]
    data = sorted(p for p in ontology_dir().rglob("*") if p.is_file() and p.suffix in (".tsv", ".ttl"))
    h = hashlib.sha256()
    for path in code + data:
        h.update(path.relative_to(path.parents[1]).as_posix().encode())
        h.update(path.read_bytes())
    for package in ("kiwipiepy", "kiwipiepy_model", "spacy"):
        h.update(f"{package}={version(package)}".encode())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def worker_pipeline():
    """The pipeline of this process, loaded on first use (workers load it once)."""
    from kg.pipeline import Pipeline

    return Pipeline.load()


def _extract_text(doc: Document):
    return worker_pipeline().extract(doc)


def as_document(ex, document: Document):
    """An extraction of identical text, relabelled for another file."""
    from kg.pipeline import Extraction

    mentions = tuple(replace(m, doc_id=document.id) for m in ex.mentions)
    statements = tuple(replace(s, evidence=replace(s.evidence, doc_id=document.id))
                       for s in ex.statements)
    return Extraction(document, mentions, statements, ex.rejected)


class Cache:
    """Extractions on disk, keyed by pipeline fingerprint and text hash."""

    def __init__(self, folder: Path):
        self.folder = Path(folder) / pipeline_fingerprint()

    def _path(self, doc: Document) -> Path:
        return self.folder / doc.sha256[:2] / f"{doc.sha256}.pickle"

    def get(self, doc: Document):
        path = self._path(doc)
        try:
            ex = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return as_document(ex, doc)

    def put(self, ex) -> None:
        atomic_write_bytes(self._path(ex.document), pickle.dumps(ex, protocol=5))


def extract_documents(documents: Sequence[Document], *, pipeline=None, jobs: int = 1,
                      cache_dir: Path | None = None, dask_address: str | None = None):
    """One Extraction per document, in the order given, and how many were extracted
    now (the rest came from the cache or were identical texts)."""
    cache = Cache(cache_dir) if cache_dir else None
    results: dict[str, object] = {}
    todo: dict[str, Document] = {}          # text hash -> first document with that text
    for d in documents:
        hit = cache.get(d) if cache else None
        if hit is not None:
            results[d.sha256] = hit
        else:
            todo.setdefault(d.sha256, d)
    work = list(todo.values())
    log.info("extracting %d documents (%d from cache)", len(work), len(results))
    if work:
        if dask_address:
            done = _on_dask(work, dask_address)
        elif jobs > 1 and len(work) > 1:
            done = _in_processes(work, jobs)
        else:
            p = pipeline or worker_pipeline()
            done = [p.extract(d) for d in work]
        for ex in done:
            results[ex.document.sha256] = ex
            if cache:
                cache.put(ex)
    return [results[d.sha256] if results[d.sha256].document.id == d.id
            else as_document(results[d.sha256], d) for d in documents], len(work)


def _in_processes(work: list[Document], jobs: int):
    # chunks amortise the cost of sending documents; each worker loads Kiwi once
    chunk = max(1, min(64, len(work) // (jobs * 4) or 1))
    ctx = get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        return list(pool.map(_extract_text, work, chunksize=chunk))


def _on_dask(work: list[Document], address: str):
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'dask[distributed]'") \
            from None
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        futures = client.map(_extract_text, work, pure=False)
        return client.gather(futures)
