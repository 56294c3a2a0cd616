"""Training the relation model (kg.learned) on gold annotations (ANNOTATION.md).

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

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.gold import GoldDocument, keys_of
from kg.learned import Candidate
from kg.schema import load_schema
from kg.types import Document, Mention

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


def train(pairs: Sequence[tuple[Document, GoldDocument]], pipeline, *, c: float = 0.5,
          threshold: float = 0.5) -> dict:
    """The model's JSON: its weights, and how its additions fared in cross-validation."""
    ex = examples(pairs, pipeline)
    tally, per = cross_validate(ex, c, threshold)
    return {
        "about": "kg.learned: the relation model's weights, written by kg train "
                 "(see README.md here)",
        "documents": sorted(g.stem for _, g in pairs),
        "examples": len(ex.labels), "positives": sum(ex.labels),
        "c": c, "threshold": threshold,
        "cross_validated": tally, "cross_validated_per_predicate": per,
        "weights": fit(ex.features, ex.labels, c),
    }


def train_files(inputs: Sequence[Path], gold_dirs: Sequence[Path], exclude: Sequence[str],
                **options) -> dict:
    """Train on every input text that has a gold file of its stem in `gold_dirs`, except
    those whose stem matches an `exclude` pattern (fnmatch: 'h7-*', '*-07')."""
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
    return train(pairs, Pipeline.load(), **options)


def write_model(model: dict, path: Path) -> None:
    from kg.io import atomic_write_text

    atomic_write_text(path, json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
