"""Training the relation model (kg.learned) and the quote type model (kg.quotetypes,
below) on gold annotations (ANNOTATION.md).

Every text with a gold file of the same stem is extracted as a build would; each pair of
mentions the ontology allows to be related is an example, positive when the gold relates
the entities its two mentions name. The pairs the rules stated are examples too: they
teach the model the general shape of each relation, which the rules' leftovers in texts
the rules were written on are too few to show. A logistic regression (scikit-learn,
liblinear: deterministic) learns the weights. The threshold is the model's own boundary
(0.5: more likely than not). Five-fold cross-validation over documents is recorded
beside it, per threshold and per predicate; it understates what the model adds to new
texts, since in the texts the rules were written on the rules have already said nearly
everything. The model is written as sorted JSON, so the same texts give the same bytes.
"""
from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg import quotetypes
from kg.gold import GoldDocument, keys_of
from kg.learned import Candidate
from kg.quotetypes import QuoteClue
from kg.schema import load_schema
from kg.types import Document, Mention

MIN_TEXTS = 3  # a relation feature counts when this many training texts show it
THRESHOLDS = tuple(round(0.30 + 0.1 * i, 1) for i in range(7))  # 0.3 … 0.9


@dataclass(frozen=True)
class Examples:
    features: list[tuple[str, ...]]
    labels: list[int]
    groups: list[str]             # the document each came from
    said: list[bool]              # a rule stated it


def gold_ids(mentions: list[Mention], gold: GoldDocument, lex) -> list[set[str]]:
    """The gold entities each mention names, as the scorer sees it: by any name of the
    entity it is linked to in its document (도로공사 is 한국도로공사 there), or a sum's
    amount."""
    from kg.linking import link, mention_id, names_of

    linked = link(mentions, lex)
    names: dict[str, set[str]] = {}
    for m in mentions:
        names.setdefault(linked.key_of[mention_id(m)], set()).update(names_of(m))
    keys = {k: keys_of(sorted(v)) for k, v in names.items()}
    out = []
    for m in mentions:
        ids = {g.id for g in gold.entities if g.keys & keys[linked.key_of[mention_id(m)]]}
        if m.money is not None:
            ids |= {g.id for g in gold.entities if g.type == "Investment"
                    and g.amount is not None and abs(g.amount - m.money.amount) < 0.5
                    and g.currency == m.money.currency}
        out.append(ids)
    return out


def examples(pairs: Iterable[tuple[Document, GoldDocument]], pipeline) -> Examples:
    """Each document's pairs of mentions the ontology allows to be related (those the
    rules stated marked `said`), labelled by its gold."""
    from kg.mentions import to_mentions
    from kg.relations import find_statements

    symmetric = load_schema().symmetric
    out = Examples([], [], [], [])
    for document, gold in pairs:
        sdoc = pipeline.nlp(document.text)
        mentions = to_mentions(document, sdoc, pipeline.lexicon)
        found: list[Candidate] = []
        find_statements(sdoc, mentions, pipeline.lexicon, collect=found)
        ids = gold_ids(mentions, gold, pipeline.lexicon)
        for c in found:
            yes = any((s, c.predicate, o) in gold.relations
                      or c.predicate in symmetric and (o, c.predicate, s) in gold.relations
                      for s in ids[c.subject] for o in ids[c.object])
            out.features.append(c.named())
            out.labels.append(int(yes))
            out.groups.append(gold.stem)
            out.said.append(c.said)
    return out


def fit(features: Sequence[tuple[str, ...]], labels: Sequence[int], c: float
        ) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in features]).tocsr()
    # (liblinear takes 32-bit indices only, which some scipy builds do not give)
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    lr = LogisticRegression(C=c, solver="liblinear", fit_intercept=False, random_state=0,
                            max_iter=1000)
    lr.fit(x, list(labels))
    return {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0])
            if abs(w) >= 1e-4}


def cross_validate(ex: Examples, c: float, threshold: float
                   ) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Five folds over documents: of the pairs the rules left unsaid in held-out
    documents, how many the model would add rightly and wrongly, at each threshold and,
    at `threshold`, per predicate."""
    from kg.learned import Model

    docs = sorted(set(ex.groups))
    tally = {str(t): [0, 0] for t in THRESHOLDS}   # threshold -> [right, wrong]
    per: dict[str, list[int]] = {}                  # predicate -> [right, wrong]
    for held in (set(docs[i::5]) for i in range(5)):
        train = [i for i, g in enumerate(ex.groups) if g not in held]
        model = Model(fit([ex.features[i] for i in train], [ex.labels[i] for i in train], c), 0)
        for i, g in enumerate(ex.groups):
            if g in held and not ex.said[i]:
                predicate = ex.features[i][0].split("|", 1)[0]
                p = model.probability(predicate, (f.split("|", 1)[1] for f in ex.features[i]))
                wrong = 1 - ex.labels[i]
                for t in THRESHOLDS:
                    if p >= t:
                        tally[str(t)][wrong] += 1
                if p >= threshold:
                    per.setdefault(predicate, [0, 0])[wrong] += 1
    return tally, dict(sorted(per.items()))


QUOTE_C = 3.0          # (five-fold cross-validation on the training texts: 0.3, 1, 3, 10)
QUOTE_MIN_TEXTS = 3    # a feature counts when this many training texts show it
# the decisions follow the annotation guide, so the model overrules them only when it is
# clearly surer (at 0.5 it retypes a few of the rule tables' own examples)
QUOTE_THRESHOLD = 0.7
QUOTE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


def quote_examples(pairs: Iterable[tuple[Document, GoldDocument]], pipeline
                   ) -> tuple[list[QuoteClue], list[str], list[str]]:
    """Every quoted name the quote rule typed by its decisions in the training texts, with
    the gold type of the entity of that name (names no gold entity has are left out), and
    the text each came from. The decisions alone type them here."""
    clues: list[QuoteClue] = []
    labels: list[str] = []
    groups: list[str] = []
    squash = functools.partial(re.sub, r"\s", "")
    for document, gold in pairs:
        log: list[QuoteClue] = []
        with quotetypes.using(None, log):
            pipeline.nlp(document.text)
        types = {squash(n): e.type for e in gold.entities for n in (e.name, *e.aliases)}
        for clue in log:
            if squash(clue.name) in types:
                clues.append(clue)
                labels.append(types[squash(clue.name)])
                groups.append(gold.stem)
    return clues, labels, groups


def common(features: Sequence[Iterable[str]], groups: Sequence[str], min_texts: int
           ) -> list[tuple[str, ...]]:
    """Each example's features that at least `min_texts` training texts show: what one
    text alone shows is that text, not a pattern (nor is any name it invents learned)."""
    features = [tuple(f) for f in features]
    seen: dict[str, set[str]] = {}
    for fs, g in zip(features, groups):
        for f in fs:
            seen.setdefault(f, set()).add(g)
    return [tuple(f for f in fs if len(seen[f]) >= min_texts) for fs in features]


def fit_types(clues: Sequence[QuoteClue], labels: Sequence[str], groups: Sequence[str],
              c: float = QUOTE_C) -> dict[str, float]:
    """One logistic model per type against the rest, over the features that at least
    QUOTE_MIN_TEXTS training texts show (no text's invented name is learned)."""
    features = common([clue.features() for clue in clues], groups, QUOTE_MIN_TEXTS)
    weights: dict[str, float] = {}
    for t in sorted(set(labels)):
        fitted = fit(features, [int(x == t) for x in labels], c)
        weights.update({f"{t}|{f}": w for f, w in fitted.items()})
    return dict(sorted(weights.items()))


def cross_validate_types(clues: Sequence[QuoteClue], labels: Sequence[str],
                         groups: Sequence[str]) -> dict[str, dict[str, int]]:
    """Five folds over documents: per threshold, how many held-out quotes the model typed
    otherwise than the decisions, rightly (fixed), undoing a right type (broke), or
    neither (other)."""
    docs = sorted(set(groups))
    out = {str(t): {"fixed": 0, "broke": 0, "other": 0} for t in QUOTE_THRESHOLDS}
    for held in (set(docs[i::5]) for i in range(5)):
        train = [i for i, g in enumerate(groups) if g not in held]
        weights = fit_types([clues[i] for i in train], [labels[i] for i in train],
                            [groups[i] for i in train])
        for threshold in QUOTE_THRESHOLDS:
            model = quotetypes.TypeModel(weights, threshold)
            for i, g in enumerate(groups):
                t = model.type_of(clues[i]) if g in held else clues[i].rule_type
                if t != clues[i].rule_type:
                    out[str(threshold)]["fixed" if t == labels[i] else "broke"
                                        if clues[i].rule_type == labels[i] else "other"] += 1
    return out


def train_quotes(pairs: Sequence[tuple[Document, GoldDocument]], pipeline, *,
                 threshold: float = QUOTE_THRESHOLD) -> dict:
    """The quote type model's JSON (kg.quotetypes)."""
    clues, labels, groups = quote_examples(pairs, pipeline)
    return {
        "about": "kg.quotetypes: the quote type model's weights, written by kg train "
                 "--quotes-out (see README.md here)",
        "documents": sorted(g.stem for _, g in pairs),
        "examples": len(labels), "c": QUOTE_C, "min_texts": QUOTE_MIN_TEXTS,
        "threshold": threshold,
        "cross_validated": cross_validate_types(clues, labels, groups),
        "weights": fit_types(clues, labels, groups),
    }


def train(pairs: Sequence[tuple[Document, GoldDocument]], pipeline, *, c: float = 0.5,
          threshold: float = 0.5, quotes: dict | None = None) -> dict:
    """The model's JSON: its weights, and how its additions fared in cross-validation.
    Quoted names are typed as a build types them: by `quotes` (a quote type model's JSON)
    when given, else by the shipped quote type model."""
    with quotetypes.using(quotetypes.TypeModel(quotes["weights"], quotes["threshold"])) \
            if quotes else contextlib.nullcontext():
        ex = examples(pairs, pipeline)
    ex = Examples(common(ex.features, ex.groups, MIN_TEXTS), ex.labels, ex.groups, ex.said)
    tally, per = cross_validate(ex, c, threshold)
    return {
        "about": "kg.learned: the relation model's weights, written by kg train "
                 "(see README.md here)",
        "documents": sorted(g.stem for _, g in pairs),
        "examples": len(ex.labels), "positives": sum(ex.labels),
        "c": c, "threshold": threshold, "min_texts": MIN_TEXTS,
        "cross_validated": tally, "cross_validated_per_predicate": per,
        "weights": fit(ex.features, ex.labels, c),
    }


def train_files(inputs: Sequence[Path], gold_dirs: Sequence[Path], exclude: Sequence[str],
                with_quotes: bool = False, **options) -> tuple[dict, dict | None]:
    """Train on every input text that has a gold file of its stem in `gold_dirs`, except
    those whose stem matches an `exclude` pattern (fnmatch: 'h7-*', '*-07'): the relation
    model, and first (`with_quotes`) the quote type model it is then trained under."""
    from fnmatch import fnmatch

    from kg.documents import load_documents
    from kg.errors import UsageError
    from kg.gold import load_gold
    from kg.pipeline import Pipeline

    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UsageError("kg train needs scikit-learn: pip install 'kg[train]'") from None
    golds = {g.stem: g for d in gold_dirs for g in load_gold(d)}
    # (a folder's texts: its .json files are gold, not articles)
    texts = [p for x in inputs for p in (sorted(x.glob("*.txt")) if x.is_dir() else [x])]
    documents, errors = load_documents(texts)
    if errors:
        raise UsageError(str(errors[0]))
    pairs = sorted(((d, golds[Path(d.id).stem]) for d in documents
                    if Path(d.id).stem in golds
                    and not any(fnmatch(Path(d.id).stem, x) for x in exclude)),
                   key=lambda pair: pair[1].stem)
    if not pairs:
        raise UsageError("no input text has a gold file of its name")
    pipeline = Pipeline.load()
    quotes = train_quotes(pairs, pipeline) if with_quotes else None
    return train(pairs, pipeline, quotes=quotes, **options), quotes


def write_model(model: dict, path: Path) -> None:
    from kg.io import atomic_write_text

    atomic_write_text(path, json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
