"""build(inputs) -> BuildResult: the stages composed, and the outputs written.

documents are read and extracted as they are found (in worker processes with --jobs);
the build keeps of each only compact records (its mentions until linking, then the keys
of its relations); linking and lifting run here; each document's share of every output
is rendered by the workers into sorted runs (kg.export.pieces), the corpus-wide part
here (kg.export.corpus), and each output file is written by merging them
(kg.export.files), files in parallel, then moved into place (kg.staging).
"""
from __future__ import annotations


import gc
import logging
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language

from kg.documents import DEFAULT_MAX_BYTES
from kg.errors import InputError, UsageError
from kg.graph import GraphData
from kg.lexicon import Lexicon, load_lexicon
from kg.lifting import allowed, evidence_of, lift
from kg.linking import known_aliases, link, mention_id
from kg.progress import Progress
from kg.relations import Statement, find_statements
from kg.types import Document, Entity, Evidence, Mention, Relation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extraction:
    """What one document yields before linking."""

    document: Document
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    rejected: int


@dataclass(frozen=True)
class BuildResult:
    documents: int
    entities: tuple[Entity, ...]
    relation_counts: dict[str, int]
    errors: tuple[InputError, ...]
    rejected: int
    outputs: tuple[Path, ...] = ()
    extracted: int = 0          # documents extracted now (not from the cache)
    data: GraphData | None = None   # the whole graph in memory: built without out_dir only
    rendered: int = 0           # documents whose share of the outputs was rendered now

    @property
    def entity_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(e.type for e in self.entities).items()))


@dataclass
class Pipeline:
    """The loaded language resources; build once per process (Kiwi takes ~1.5 s)."""

    lexicon: Lexicon
    nlp: Language = field(repr=False)

    @classmethod
    def load(cls, lexicon: Lexicon | None = None) -> Pipeline:
        """The language resources; `lexicon` defaults to the installed ontology's."""
        from kg.mentions import add_entity_components
        from kg.nlp import make_nlp

        lex = lexicon if lexicon is not None else load_lexicon()
        c = lex.cues
        cue_words = c.program_cue | c.initiative_cue | c.event_cue | c.org_suffix | c.action
        nlp = make_nlp(lex.names.keys(), cue_words)
        add_entity_components(nlp, lex)
        # what is loaded lives as long as extraction: keep the cyclic garbage collector
        # from scanning it again on every collection while documents are extracted
        # (kg.execution.release_pipeline unfreezes it, so that it can be freed)
        gc.collect()
        gc.freeze()
        return cls(lex, nlp)

    def extract(self, document: Document) -> Extraction:
        from kg.mentions import to_mentions

        sdoc = self.nlp(document.text)
        mentions = to_mentions(document, sdoc, self.lexicon)
        statements, rejected = find_statements(sdoc, mentions, self.lexicon)
        mentions, statements = _without_idle_payers(mentions, statements)
        return Extraction(document, tuple(mentions), tuple(statements), rejected)


def _without_idle_payers(mentions: list, statements: list) -> tuple[list, list]:
    """국비 stands for the national government only as the payer of its sum: where the
    sum has another payer (the ministry named beside it), the word names no one."""
    used = {i for s in statements for i in (s.subject, s.object)}
    keep = [i for i, m in enumerate(mentions) if m.rule != "anaphor-funds" or i in used]
    if len(keep) == len(mentions):
        return mentions, statements
    new = {old: n for n, old in enumerate(keep)}
    return [mentions[i] for i in keep], [
        replace(s, subject=new[s.subject], object=new[s.object]) for s in statements]


def extract_all(documents: Sequence[Document], pipeline: Pipeline) -> list[Extraction]:
    """Extract in this process (identical texts once), in the order given."""
    from kg.execution import Workers, extract_stream

    found = {}
    for ex, _ in extract_stream(documents, Workers(1), pipeline=pipeline):
        if isinstance(ex, InputError):
            raise ex
        found[ex.document.id] = ex
    return [found[d.id] for d in documents]


def assemble(extractions: Sequence[Extraction], lex: Lexicon) -> tuple[GraphData, int]:
    """Link mentions across documents and lift statements to relations between entities,
    all in memory (the streamed build does the same a document at a time)."""
    extractions = sorted(extractions, key=lambda x: x.document.id)
    linked = link((m for x in extractions for m in x.mentions), lex)
    ok = allowed({e.key: e.type for e in linked.entities})
    evidence: dict[tuple[str, str, str], list[Evidence]] = {}
    rejected: set[tuple[str, str, str]] = set()
    for x in extractions:
        lifted = lift(x.statements, [linked.key_of[mention_id(m)] for m in x.mentions])
        rejected.update(key for _, key in lifted if not ok(key))
        for key, found in evidence_of(x.statements, [(i, k) for i, k in lifted if ok(k)]
                                      ).items():
            evidence.setdefault(key, []).extend(found)
    relations = tuple(Relation(s, p, o, tuple(evidence[(s, p, o)]))
                      for s, p, o in sorted(evidence))
    known = {e.key: known_aliases(e, lex) for e in linked.entities if e.type != "Investment"}
    data = GraphData(documents=tuple(x.document for x in extractions),
                     entities=linked.entities, relations=relations,
                     known_aliases={k: v for k, v in known.items() if v})
    return data, sum(x.rejected for x in extractions) + len(rejected)


def build(inputs: Iterable[str | Path], out_dir: str | Path | None = None, *,
          max_bytes: int = DEFAULT_MAX_BYTES, pipeline: Pipeline | None = None,
          jobs: int | None = 1, cache_dir: str | Path | None = None,
          dask_address: str | None = None, fields: dict[str, str] | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Read the inputs, extract, link, and (when out_dir is given) write the outputs.

    `jobs` worker processes (None: kg.execution.default_jobs), or a Dask cluster at
    `dask_address`, extract in parallel, and the workers render and write the outputs;
    `cache_dir` keeps extractions and rendered pieces for the next build; `fields` names
    the fields of record files (text=body, date=published…); `progress` hears of each
    stage. Unreadable files are reported in BuildResult.errors and do not stop the
    others. Without out_dir the graph is returned in memory (BuildResult.data)."""
    from kg.documents import find_sources
    from kg.documents.records import field_names
    from kg.execution import Cache, Workers, default_jobs

    inputs = list(inputs)
    if not inputs:
        raise UsageError("no inputs given")
    field_names(fields)  # an unknown field is a usage error, before anything is read
    progress = progress or Progress()
    sources, found_errors = find_sources(inputs)
    if jobs is None:
        jobs = default_jobs(sum(_size(s.path) for s in sources))
        log.info("jobs: %s", "this process alone" if jobs == 1 else f"{jobs} worker processes")
    run = _Run(list(found_errors), progress)
    run.expected = len(sources)
    documents = run.read(sources, max_bytes, fields)
    cache = Cache(Path(cache_dir)) if cache_dir else None
    lexicon = pipeline.lexicon if pipeline else load_lexicon()
    if out_dir is None:
        with Workers(jobs) as workers:
            return _in_memory(run, documents, workers, pipeline, cache, dask_address, lexicon)
    from kg.staging import Staging

    staging = Staging(Path(out_dir))
    try:
        return _streamed(run, documents, jobs, pipeline, cache, dask_address, lexicon, staging)
    finally:
        staging.discard()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Run:
    """The state of one build that every stage shares: errors and progress."""

    def __init__(self, errors: list[InputError], progress: Progress):
        self.errors = errors
        self.progress = progress
        self.extracted = 0
        self.rendered = 0
        self.expected = 0   # documents to extract: a file each until reading is over

    def read(self, sources, max_bytes: int, fields) -> Iterator[Document]:
        """The documents of the sources, read as they are asked for (the reading stage
        shows from now on)."""
        return self._read(sources, max_bytes, fields,
                          self.progress.stage("reading", len(sources), "files"))

    def _read(self, sources, max_bytes: int, fields, reading) -> Iterator[Document]:
        from kg.documents import read_sources

        self.expected = len(sources)
        found = 0
        with reading as stage:
            for n, source in enumerate(sources, start=1):
                for item in read_sources([source], max_bytes, fields):
                    if isinstance(item, InputError):
                        log.info("skipped %s", item)  # the caller reports them
                        self.errors.append(item)
                    else:
                        found += 1
                        self.expected = max(self.expected, found + len(sources) - n)
                        yield item
                stage.advance()
        self.expected = found

    def failed(self, extraction) -> bool:
        """Whether a document's extraction failed; if so it is reported and left out."""
        if isinstance(extraction, InputError):
            log.info("skipped %s", extraction)
            self.errors.append(extraction)
            return True
        return False

    def no_documents(self) -> UsageError:
        """Nothing to build: the previous output is kept rather than emptied."""
        errors = self.errors
        first = f" ({errors[0]}{'; …' if len(errors) > 1 else ''})" if errors else ""
        return UsageError(f"no readable documents among the inputs{first}")

    def result(self, documents: int, entities, relations, rejected: int, outputs=(),
               data: GraphData | None = None) -> BuildResult:
        counts = dict(sorted(Counter(p for _, p, _ in relations).items()))
        # (sorted: workers finish in any order, and output must not depend on it)
        errors = tuple(sorted(self.errors, key=lambda e: (e.path, e.reason)))
        return BuildResult(documents, tuple(entities), counts, errors, rejected,
                           tuple(outputs), self.extracted, data, self.rendered)


def _in_memory(run: _Run, documents, workers, pipeline, cache, dask_address, lexicon
               ) -> BuildResult:
    from kg.execution import extract_stream

    extractions = []
    with run.progress.stage("extracting", run.expected) as stage:
        for ex, now in extract_stream(documents, workers, pipeline=pipeline, cache=cache,
                                      dask_address=dask_address):
            stage.advance()
            if run.failed(ex):
                continue
            if now:
                run.extracted += 1
                if cache:
                    cache.put(ex)
            extractions.append(ex)
    if not extractions:
        raise run.no_documents()
    with run.progress.stage("linking", len(extractions)) as stage:
        data, rejected = assemble(extractions, lexicon)
        stage.advance(len(extractions))
    return run.result(len(data.documents), data.entities,
                      [(r.subject, r.predicate, r.object) for r in data.relations], rejected,
                      data=data)


class _Link(NamedTuple):
    """A statement as lifting sees it: its mentions' indices and its predicate."""

    subject: int
    predicate: str
    object: int


@dataclass
class _Doc:
    """What the build keeps of a document between extraction and rendering."""

    document: Document                      # without its text
    extraction: tuple[str, int, int]        # where its Extraction is in the spool
    mentions: tuple[Mention, ...] | None    # until linking
    links: tuple[_Link, ...]
    lifted: tuple = ()                      # (statement index, relation key), allowed ones


def _streamed(run: _Run, documents, jobs: int, pipeline, cache, dask_address, lexicon,
              staging) -> BuildResult:
    from kg.execution import Workers, release_pipeline
    from kg.graph import doc_iris

    # the workers that extract hold Kiwi (~0.5 GB each): they end with extraction, and
    # new ones, without it, render and write
    with Workers(1 if dask_address else jobs) as workers:
        docs, rejected = _extract(run, documents, workers, pipeline, cache, dask_address,
                                  staging.spool)
    release_pipeline()  # the rest needs no Kiwi
    if not docs:
        raise run.no_documents()
    with Workers(jobs) as workers:
        workers.warm_up("kg.export.pieces", "kg.export.files")  # while this process links
        with run.progress.stage("linking", len(docs)) as stage:
            entities, relations, disallowed = _link(docs, lexicon)
            stage.advance(len(docs))
            known = {e.key: a for e in entities if e.type != "Investment"
                     for a in [known_aliases(e, lexicon)] if a}
        documents = sorted((d.document for d in docs.values()), key=lambda d: d.id)
        nodes = {d: str(iri) for d, iri in doc_iris(documents).items()}
        outputs = _write(run, docs, documents, nodes, entities, known, relations, workers,
                         cache, staging)
    return run.result(len(docs), entities, relations, rejected + len(disallowed), outputs)


def _extract(run: _Run, documents, workers, pipeline, cache, dask_address, spool: Path
             ) -> tuple[dict[str, _Doc], int]:
    """Extract every document (or take it from the cache); keep compact records and
    the extractions themselves in the spool."""
    from kg.execution import extract_stream

    path = spool / "extractions.bin"
    at_sha: dict[str, tuple[int, int]] = {}
    docs: dict[str, _Doc] = {}
    rejected = 0
    with open(path, "w+b") as fh:
        def recall(sha: str):
            offset, length = at_sha[sha]
            fh.flush()
            with open(path, "rb") as again:
                again.seek(offset)
                return pickle.loads(again.read(length))

        with run.progress.stage("extracting", run.expected) as stage:
            for ex, now in extract_stream(documents, workers, pipeline=pipeline, cache=cache,
                                          dask_address=dask_address, recall=recall):
                if run.failed(ex):
                    stage.advance()
                    continue
                blob = pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL)
                offset = fh.tell()
                fh.write(blob)
                at_sha.setdefault(ex.document.sha256, (offset, len(blob)))
                if now:
                    run.extracted += 1
                    if cache:
                        cache.put(ex, blob)
                links = tuple(_Link(s.subject, s.predicate, s.object) for s in ex.statements)
                docs[ex.document.id] = _Doc(replace(ex.document, text=""),
                                            (str(path), offset, len(blob)), ex.mentions, links)
                rejected += ex.rejected
                if stage.total != run.expected:
                    stage.set_total(run.expected)
                stage.advance()
    return docs, rejected


def _link(docs: dict[str, _Doc], lexicon: Lexicon):
    """Link every mention; lift each document's statements to relation keys. Returns
    the entities, the relation keys (sorted) and the keys the ontology refused."""
    linked = link((m for d in docs.values() for m in d.mentions), lexicon)
    ok = allowed({e.key: e.type for e in linked.entities})
    relations: set = set()
    disallowed: set = set()
    for d in docs.values():
        lifted = lift(d.links, [linked.key_of[mention_id(m)] for m in d.mentions])
        d.mentions = None
        disallowed.update(k for _, k in lifted if not ok(k))
        d.lifted = tuple((i, k) for i, k in lifted if ok(k))
        relations.update(k for _, k in d.lifted)
    return linked.entities, sorted(relations), disallowed


def _chunks(items: list, jobs: int) -> list[list]:
    size = max(16, min(256, len(items) // (8 * jobs) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _write(run: _Run, docs: dict[str, _Doc], documents: list[Document], nodes: dict[str, str],
           entities, known, relations, workers, cache, staging) -> list[Path]:
    """Render every output into the staging folder, then move it into place."""
    from kg.execution import pipeline_fingerprint, trim_memory
    from kg.export import corpus, files
    from kg.export.pieces import DocumentWork, render_chunk
    from kg.store import STORE, store_path

    spool, out = staging.spool, staging.files
    with run.progress.stage("rendering", len(documents)) as stage:
        skeleton, names = corpus.write_skeleton(documents, entities, known, relations, spool)
        fingerprint = pipeline_fingerprint()
        works = [DocumentWork.make(d, nodes[d.id], docs[d.id].extraction, docs[d.id].lifted,
                                   names, fingerprint) for d in documents]
        del names
        chunks = _chunks(works, workers.jobs)
        del works
        cache_root = cache.root if cache else None
        if workers.parallel:  # the workers render while this process does the rest
            futures = [workers.submit(render_chunk, i, chunk, spool, out / "text", cache_root)
                       for i, chunk in enumerate(chunks)]
        entity_runs, entity_triples = corpus.write_entities(entities, known, relations, nodes,
                                                            spool)
        graphml_nodes = corpus.write_property_nodes(entities, relations, out, spool)
        if not workers.parallel:
            futures = (workers.submit(render_chunk, i, chunk, spool, out / "text", cache_root)
                       for i, chunk in enumerate(chunks))
        counts: Counter = Counter()
        triples = entity_triples
        chunk_runs: dict[str, list[Path]] = {}
        rendered = 0
        for f in futures:
            chunk = f.result()
            counts.update(chunk.counts)
            triples += chunk.triples
            rendered += chunk.rendered
            for kind, path in chunk.runs.items():
                chunk_runs.setdefault(kind, []).append(path)
            stage.advance(chunk.documents)
        log.info("rendered %d documents, %d from the cache", rendered, len(documents) - rendered)
        run.rendered = rendered
        dataset_runs = corpus.write_dataset(documents, nodes, len(entities), triples, spool)
    trim_memory()
    rdf = [entity_runs["rdf"], dataset_runs["rdf"], *chunk_runs["rdf"]]
    jsonld = [entity_runs["jsonld"], dataset_runs["jsonld"], *chunk_runs["jsonld"]]
    types = {e.key: e.type for e in entities}
    most = max(counts.values(), default=0)
    previous = staging.out_dir / "graph.nq"
    diff = spool / "diff"
    with run.progress.stage("writing", 7, "files") as stage:
        timed = files.timed
        rdf_done = workers.submit(files.write_rdf_and_store, rdf, out, previous, diff,
                                  out / STORE, store_path(staging.out_dir))
        tasks = [workers.submit(timed, files.write_turtle_file, rdf, out),
                 workers.submit(timed, files.write_jsonld_file, jsonld, out),
                 workers.submit(timed, files.write_property_graphs, chunk_runs["pg"], out, types,
                                most, graphml_nodes),
                 workers.submit(timed, files.write_page, chunk_runs["html"], skeleton, out)]
        for task in tasks:
            result, seconds = task.result()
            log.info("%s: %.1f s", result, seconds)
            stage.advance()
        (_, seconds), (result, store_seconds) = rdf_done.result()
        log.info("graph.nt, graph.nq: %.1f s", seconds)
        log.info("%s: %.1f s", result, store_seconds)
        stage.advance(2)
        moved = staging.commit(store=STORE)
        stage.advance()
    return moved
