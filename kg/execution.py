"""Running a build's work: in this process, in worker processes, on a Dask cluster, and
from a cache of earlier builds.

Extraction is a pure function of a document's cleaned text and the pipeline (code and
lexicons), so results are cached under a hash of both, and identical texts are
extracted once. Rendering a document's share of the outputs is a pure function of its
extraction, what linking made of its mentions and the exporters' code, and is cached
the same way. Every way of running gives the same results, so the same output, byte for
byte.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import re
import traceback
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path

from kg.errors import InputError, UsageError
from kg.io import atomic_write_bytes
from kg.types import Document

log = logging.getLogger(__name__)
PACKAGE = Path(__file__).resolve().parent


#: Below this many bytes of input, one process: starting workers (each loads Kiwi, ~3 s)
#: costs more than they save (about 250 news articles).
SMALL_INPUT = 2_000_000


def processors() -> int:
    """The processors this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def default_jobs(input_bytes: int | None = None) -> int:
    """Worker processes when none are asked for: one per processor this process may use
    (extraction and writing are CPU-bound; each worker holds its own Kiwi, ~0.5 GB), and
    none for a small input (`input_bytes` under SMALL_INPUT)."""
    if input_bytes is not None and input_bytes < SMALL_INPUT:
        return 1
    return processors()


def _code_hash(paths: Iterable[Path]) -> hashlib._Hash:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(path.parents[1]).as_posix().encode())
        h.update(path.read_bytes())
    return h


@functools.lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of the code, knowledge and analysers that extraction depends on: every
    module of the package but the exporters (a new module is covered without being
    listed), the lexicons, cues, ontology and the relation model's weights."""
    from importlib.metadata import version

    from kg.resources import ontology_dir

    code = [p for p in sorted(PACKAGE.rglob("*.py")) if "export" not in p.relative_to(PACKAGE).parts]
    data = sorted(p for p in ontology_dir().rglob("*") if p.is_file() and p.suffix in (".tsv", ".ttl")
                  or p.parent.name == "models" and p.suffix == ".json")
    h = _code_hash(code + data)
    for package in ("kiwipiepy", "kiwipiepy_model", "spacy"):
        h.update(f"{package}={version(package)}".encode())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def render_fingerprint() -> str:
    """A hash of what a document's rendered pieces depend on beyond their inputs: the
    pipeline's fingerprint (which covers kg/graph.py and the ontology), the exporters'
    code, and the versions of the libraries that write the bytes."""
    from importlib.metadata import version

    h = _code_hash(sorted((PACKAGE / "export").rglob("*.py")))
    h.update(pipeline_fingerprint().encode())
    for package in ("pyoxigraph", "rdflib"):
        h.update(f"{package}={version(package)}".encode())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def worker_pipeline():
    """The pipeline of this process, loaded on first use (workers load it once)."""
    from kg.pipeline import Pipeline

    return Pipeline.load()


def release_pipeline() -> None:
    """Let go of this process's pipeline (Kiwi and spaCy, ~0.5 GB) when extraction is
    over and the build goes on here."""
    if worker_pipeline.cache_info().currsize:
        import gc

        worker_pipeline.cache_clear()
        gc.unfreeze()  # (Pipeline.load froze it out of the collector's reach)
        trim_memory()


def trim_memory(collect: bool = True) -> None:
    """Collect garbage and give freed memory back to the system (glibc keeps it for
    later otherwise): between the big steps of a build in one process."""
    import ctypes
    import gc

    if collect:
        gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def extract_text(doc: Document):
    """The Extraction of one document, by this process's pipeline (a worker's task)."""
    return worker_pipeline().extract(doc)


def as_document(ex, document: Document):
    """An extraction of identical text, relabelled for another file."""
    from kg.pipeline import Extraction

    if ex.document == document:
        return ex
    mentions = tuple(replace(m, doc_id=document.id) for m in ex.mentions)
    statements = tuple(replace(s, evidence=replace(s.evidence, doc_id=document.id))
                       for s in ex.statements)
    return Extraction(document, mentions, statements, ex.rejected)


class Cache:
    """Extractions and rendered pieces on disk, keyed by the fingerprint of the code
    that made them and a hash of their input."""

    def __init__(self, folder: Path):
        self.root = Path(folder)
        self.folder = self.root / pipeline_fingerprint()

    def _path(self, doc: Document) -> Path:
        return self.folder / doc.sha256[:2] / f"{doc.sha256}.pickle"

    def get(self, doc: Document):
        path = self._path(doc)
        try:
            ex = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return as_document(ex, doc)

    def put(self, ex, blob: bytes | None = None) -> None:
        """Keep an extraction (`blob`: it pickled already)."""
        atomic_write_bytes(self._path(ex.document), blob or pickle.dumps(ex, protocol=5))

    # a document's pieces of the outputs (kg.export.pieces), under a hash of their input
    def piece_path(self, key: str) -> Path:
        return self.root / "pieces" / render_fingerprint() / key[:2] / f"{key}.pickle.z"

    def get_piece(self, key: str):
        try:
            return pickle.loads(zlib.decompress(self.piece_path(key).read_bytes()))
        except (OSError, zlib.error, pickle.UnpicklingError, EOFError, AttributeError,
                ImportError):
            return None

    def put_piece(self, key: str, piece) -> None:
        atomic_write_bytes(self.piece_path(key),
                           zlib.compress(pickle.dumps(piece, protocol=5), 1))


def _import(modules: tuple[str, ...]) -> None:
    import importlib

    for name in modules:
        importlib.import_module(name)


def _run_here(fn: Callable, *args) -> Future:
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except BaseException as exc:  # delivered through result(), as a pool would
        future.set_exception(exc)
    return future


def _worker_start(parent: int) -> None:
    """In each worker: die with the build, even when it is killed (a worker waiting for
    work would otherwise live on, holding its Kiwi); and one BLAS thread (the page's
    layout is small, and the build's processes already keep every processor busy)."""
    import signal
    import threading
    import time

    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # it died before we asked
        os._exit(1)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy is imported


class Workers:
    """Runs tasks here (jobs=1) or in `jobs` worker processes, each of which loads what
    it needs once (Kiwi only when it extracts) and dies with this process."""

    def __init__(self, jobs: int = 1):
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None
        if jobs > 1:
            # spawned (not forked from a server): the workers are this process's children
            self._pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                                             initializer=_worker_start,
                                             initargs=(os.getpid(),))

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def submit(self, fn: Callable, *args) -> Future:
        """Run fn(*args): in a worker, or here at once."""
        if self._pool is not None:
            return self._pool.submit(fn, *args)
        return _run_here(fn, *args)

    def warm_up(self, *modules: str) -> None:
        """Start the workers now, each importing `modules`, so that they are ready when
        the work comes."""
        if self._pool is not None:
            for _ in range(self.jobs):
                self._pool.submit(_import, modules)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def extract_stream(documents: Iterable[Document], workers: Workers, *, pipeline=None,
                   cache: Cache | None = None, dask_address: str | None = None,
                   recall: Callable[[str], object] | None = None) -> Iterator[tuple[object, bool]]:
    """(Extraction, extracted now) for each document, in the order they finish: from the
    cache, else extracted here (by `pipeline`), by the workers or on the Dask cluster.
    A text seen before is extracted once: its other documents get a relabelled copy,
    from `recall(sha256)` when the first one is done already."""
    if dask_address:
        submit, wait_some, close = _dask(dask_address)
    elif workers.parallel:
        def submit(doc):
            return workers.submit(extract_text, doc)

        def wait_some(pending):
            return wait(pending, return_when=FIRST_COMPLETED)

        close = _nothing
    else:
        def submit(doc):  # the pipeline is loaded when a document needs it, not before
            return _run_here((pipeline or worker_pipeline()).extract, doc)

        def wait_some(pending):
            return wait(pending, return_when=FIRST_COMPLETED)

        close = _nothing
    window = 8 * max(1, workers.jobs)
    running: dict = {}                          # future -> its document
    waiting: dict[str, list[Document]] = {}     # text hash -> documents with that text
    done: set[str] = set()
    try:
        def finished(futures):
            for f in futures:
                doc = running.pop(f)
                try:
                    ex = f.result()
                except Exception as exc:  # a fault in one rule must not lose the others
                    log.debug("extracting %s failed", doc.path, exc_info=True)
                    for failed in [doc, *waiting.pop(doc.sha256)]:
                        yield InputError(failed.path, f"extraction failed ({failure(exc)})"
                                         ), False
                    continue
                done.add(doc.sha256)
                yield ex, True
                for other in waiting.pop(doc.sha256):
                    yield as_document(ex, other), False

        for doc in documents:
            if doc.sha256 in waiting:
                waiting[doc.sha256].append(doc)
                continue
            if doc.sha256 in done and recall is not None:
                yield as_document(recall(doc.sha256), doc), False
                continue
            hit = cache.get(doc) if cache else None
            if hit is not None:
                done.add(doc.sha256)
                yield hit, False
                continue
            waiting[doc.sha256] = []
            running[submit(doc)] = doc
            if len(running) >= window:
                ready, _ = wait_some(set(running))
                yield from finished(ready)
        while running:
            ready, _ = wait_some(set(running))
            yield from finished(ready)
    finally:
        close()


def failure(exc: BaseException) -> str:
    """An exception as one line: its type and where in kg it was raised."""
    where = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        if "/kg/" in frame.filename.replace("\\", "/"):
            where = f" at {Path(frame.filename).name}:{frame.lineno}"
    # from a worker process the traceback arrives as text in the cause
    for file, line in re.findall(r'File "[^"]*[/\\]kg[/\\][^"]*?([^"/\\]+)", line (\d+)',
                                 str(exc.__cause__ or "")):
        where = f" at {file}:{line}"
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}{': ' + text if text else ''}{where}"


def _nothing() -> None:
    pass


def _dask(address: str):
    try:
        from distributed import Client
        from distributed import wait as dask_wait
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'dask[distributed]'") \
            from None
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None

    def submit(doc):
        return client.submit(extract_text, doc, pure=False)

    def wait_some(pending):
        found = dask_wait(list(pending), return_when="FIRST_COMPLETED")
        return set(found.done), set(found.not_done)

    return submit, wait_some, client.close
