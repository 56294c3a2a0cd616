"""build(inputs) -> BuildResult: the stages composed, and the outputs written."""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from kg.documents import DEFAULT_MAX_BYTES, load_documents
from kg.errors import InputError, UsageError
from kg.graph import GraphData, to_networkx, to_triples
from kg.lexicon import Lexicon, load_lexicon
from kg.linking import known_aliases, link, mention_id
from kg.relations import Statement, find_statements
from kg.schema import load_schema
from kg.types import Document, Evidence, Mention, Relation

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
    data: GraphData
    errors: tuple[InputError, ...]
    rejected: int
    outputs: tuple[Path, ...] = ()
    extracted: int = 0          # documents extracted now (not from the cache)

    @property
    def entity_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(e.type for e in self.data.entities).items()))

    @property
    def relation_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(r.predicate for r in self.data.relations).items()))


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
        return cls(lex, nlp)

    def extract(self, document: Document) -> Extraction:
        from kg.mentions import to_mentions

        sdoc = self.nlp(document.text)
        mentions = to_mentions(document, sdoc, self.lexicon)
        statements, rejected = find_statements(sdoc, mentions, self.lexicon)
        return Extraction(document, tuple(mentions), tuple(statements), rejected)


def extract_all(documents: Sequence[Document], pipeline: Pipeline) -> list[Extraction]:
    """Extract in this process (identical texts once)."""
    from kg.execution import extract_documents

    return extract_documents(documents, pipeline=pipeline)[0]


def assemble(extractions: Sequence[Extraction], lex: Lexicon) -> tuple[GraphData, int]:
    """Link mentions across documents and lift statements to relations between entities."""
    extractions = sorted(extractions, key=lambda x: x.document.id)
    linked = link((m for x in extractions for m in x.mentions), lex)
    by_key = {e.key: e for e in linked.entities}
    schema = load_schema()
    evidence: dict[tuple[str, str, str], set[Evidence]] = {}
    for x in extractions:
        for st in x.statements:
            s = linked.key_of[mention_id(x.mentions[st.subject])]
            o = linked.key_of[mention_id(x.mentions[st.object])]
            if s == o:
                continue
            if st.predicate in schema.symmetric and o < s:
                s, o = o, s
            evidence.setdefault((s, st.predicate, o), set()).add(
                replace(st.evidence, rules=st.rules))
    # linking can change a type (a Program named like an Initiative): check again
    allowed = {k: v for k, v in evidence.items()
               if schema.allows(k[1], by_key[k[0]].type, by_key[k[2]].type)}
    relations = tuple(Relation(s, p, o, _one_per_sentence(ev))
                      for (s, p, o), ev in sorted(allowed.items()))
    known = {e.key: known_aliases(e, lex) for e in linked.entities if e.type != "Investment"}
    data = GraphData(documents=tuple(x.document for x in extractions),
                     entities=linked.entities, relations=relations,
                     known_aliases={k: v for k, v in known.items() if v})
    return data, sum(x.rejected for x in extractions) + len(evidence) - len(allowed)


def _one_per_sentence(evidence: set[Evidence]) -> tuple[Evidence, ...]:
    """One evidence record per stating sentence (the widest cue), in document order,
    with every rule that stated it there."""
    best: dict[tuple[str, int], Evidence] = {}
    rules: dict[tuple[str, int], set[str]] = {}
    for ev in sorted(evidence, key=lambda e: (e.doc_id, e.start, e.end, e.cue or (0, 0),
                                              e.rules)):
        key = (ev.doc_id, ev.start)
        rules.setdefault(key, set()).update(ev.rules)
        cur = best.get(key)
        if cur is None or _width(ev) > _width(cur):
            best[key] = ev
    return tuple(replace(best[k], rules=tuple(sorted(rules[k]))) for k in sorted(best))


def _width(ev: Evidence) -> int:
    return ev.cue[1] - ev.cue[0] if ev.cue else -1


def build(inputs: Iterable[str | Path], out_dir: str | Path | None = None, *,
          max_bytes: int = DEFAULT_MAX_BYTES, pipeline: Pipeline | None = None,
          jobs: int = 1, cache_dir: str | Path | None = None,
          dask_address: str | None = None, fields: dict[str, str] | None = None) -> BuildResult:
    """Read the inputs, extract, link, and (when out_dir is given) write the outputs.

    `jobs` worker processes, or a Dask cluster at `dask_address`, extract in
    parallel; `cache_dir` keeps extractions for the next build; `fields` names the
    fields of record files (text=body, date=published…). Unreadable files are
    reported in BuildResult.errors and do not stop the others."""
    from kg.execution import extract_documents

    inputs = list(inputs)
    if not inputs:
        raise UsageError("no inputs given")
    documents, errors = load_documents(inputs, max_bytes=max_bytes, fields=fields)
    for err in errors:  # the caller reports them; logged for library users' debugging
        log.info("skipped %s", err)
    if not documents:  # nothing to build: keep the previous output rather than empty it
        first = f" ({errors[0]}{'; …' if len(errors) > 1 else ''})" if errors else ""
        raise UsageError(f"no readable documents among the inputs{first}")
    extractions, extracted = extract_documents(documents, pipeline=pipeline, jobs=jobs,
                                    cache_dir=Path(cache_dir) if cache_dir else None,
                                    dask_address=dask_address)
    lexicon = pipeline.lexicon if pipeline else load_lexicon()
    data, rejected = assemble(extractions, lexicon)
    outputs: tuple[Path, ...] = ()
    if out_dir is not None:
        outputs = write_outputs(data, Path(out_dir))
    return BuildResult(data, tuple(errors), rejected, outputs, extracted)


def write_outputs(data: GraphData, out_dir: Path) -> tuple[Path, ...]:
    """Render every output in memory first, then move each into place atomically:
    a failure while rendering leaves the previous build untouched."""
    from kg.export import render_all, stale_texts
    from kg.io import atomic_write_bytes

    rendered = render_all(data, to_triples(data), to_networkx(data))
    for name in rendered:  # temporary files a killed build left behind
        for stale in (out_dir / name).parent.glob(f".{Path(name).name}.*.tmp"):
            stale.unlink(missing_ok=True)
    written = []
    for name, payload in rendered.items():
        path = out_dir / name
        atomic_write_bytes(path, payload)
        written.append(path)
    for path in stale_texts(out_dir, rendered):  # the texts of documents no longer read
        path.unlink(missing_ok=True)
    return tuple(written)
