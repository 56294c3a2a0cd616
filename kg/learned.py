"""A learned last say on the relations the rules left unsaid.

The rules (kg/rules/relations/) each state what one pattern of Korean news states.
Where none of them related two mentions of a sentence that the ontology allows to be
related, a logistic model over the pair proposes the relation when its probability
reaches the model's threshold. It reads what a reader would: the two types, their roles
and particles, the words between and after them (never the words of a name), the cue
words of the object's clause, whether the subject is carried over from an earlier
sentence or the object is the programme the text is about (or a sum and a body or
programme stand a full stop apart), and what the rules said of the pair's neighbours
(B's list partner is a member of X, so B may be too).

The weights are data (ontology/models/relations.json), written by `kg train`
(kg.training) from gold annotations; its README says which texts it learned from.
"""
from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.discourse import Context, Slot, in_scope, in_section
from kg.lexicon import tsv_rows
from kg.resources import ontology_dir
from kg.schema import load_schema
from kg.weights import by_label, logistic, read_model

# the cue kinds (ontology/cues/relations.tsv) whose presence in a clause is a feature
CUE_KINDS = (
    "agreement", "appoint", "beat", "bid", "build_work", "commission", "consortium",
    "consortium_lead", "contract_won", "each", "failed", "joint_work", "jointly", "lose",
    "means", "member_verb", "negation", "operator_duty", "operator_role", "partner_verb",
    "prize", "procurement", "purpose", "selected_as", "speaker", "sponsor", "subcontract",
    "supply", "support_role", "talk", "together", "verb_allocate", "verb_attend", "verb_back",
    "verb_execute", "verb_held", "verb_invest", "verb_join", "verb_operate", "verb_organize",
    "verb_participate", "verb_publish", "verb_run", "verb_select", "verb_spend",
    "verb_support", "verb_use", "win", "worked_at")


@dataclass(frozen=True)
class Candidate:
    subject: int
    predicate: str
    object: int
    features: tuple[str, ...]      # of the pair, shared by its predicates
    said: bool = False             # a rule stated it (training may learn from it too)

    def named(self) -> tuple[str, ...]:
        """The features as the model knows them: each with the predicate in front."""
        return tuple(f"{self.predicate}|{f}" for f in self.features)


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]      # "predicate|feature" -> weight
    threshold: float
    # where a predicate's additions were often wrong, the model must be surer
    # (ontology/models/thresholds.tsv)
    thresholds: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per", by_label(self.weights))

    def probability(self, predicate: str, features: Iterable[str]) -> float:
        return logistic(self._per.get(predicate, {}), features)

    def adds(self, c: Candidate) -> bool:
        if c.predicate == "organizes" and "a:employer" in c.features:
            return False  # a speaker's organisation does not organise the event spoken at
            # (팀 쿡 애플 최고경영자는 … ‘AI 서밋’에서 발표했다), whatever the weights learned
        return self.probability(c.predicate, c.features) >= \
            self.thresholds.get(c.predicate, self.threshold)


def model_path() -> Path:
    return ontology_dir() / "models" / "relations.json"


@functools.cache
def load_model(path: Path | None = None) -> Model | None:
    """The shipped model, or None where there is none (the rules then speak alone), with
    the thresholds of ontology/models/thresholds.tsv beside it."""
    path = Path(path) if path is not None else model_path()
    data = read_model(path)
    if data is None:
        return None
    return Model(data["weights"], data["threshold"],
                 read_thresholds(path.with_name("thresholds.tsv")))


def read_thresholds(path: Path) -> dict[str, float]:
    """predicate -> threshold, from a TSV file (# comments); none where there is no file."""
    if not path.is_file():
        return {}
    return {predicate: float(value) for _, (predicate, value) in tsv_rows(path)}


def candidates(ctx: Context, said: set[tuple[int, str, int]], known: set[tuple], key,
               with_said: bool = False, previous: Sequence[Slot] = ()) -> list[Candidate]:
    """The pairs of this sentence the ontology allows and no rule related: `said` holds
    the rules' (subject, predicate, object) of this sentence, `known` the relations the
    rules stated anywhere in the document (by `key`, a mention's linking key). With
    `with_said` (training), the pairs the rules stated here too, marked `said`."""
    schema = load_schema()
    symmetric = schema.symmetric
    ms = ctx.mentions
    slots = {x.index: x for x in ctx.slots}
    pairs = [(a, b) for a in slots for b in slots if a != b]
    actor = ctx.actor
    if actor is not None and actor not in slots and ms[actor].type == "Organization":
        pairs += [(actor, b) for b in slots]        # a subject carried over
    # the programme the text is about: the last one a sentence before was about
    topic = next((t for t in reversed(ctx.state.topics) if t not in slots
                  and in_scope(ctx.state, ms[t].sentence)), None)
    if topic is not None:
        pairs += [(a, topic) for a in slots]
    # the last programme and the last event named before this sentence, in this section
    before = [i for i in (*ctx.state.programs_seen[-1:], *ctx.state.events_seen[-1:])
              if i not in slots and i != topic and in_section(ctx.state, ms[i].sentence)]
    pairs += [(a, i) for i in before for a in slots
              if ms[a].type in ("Organization", "Investment")]
    # a sum and the bodies or programme of the sentence before, in either order (투자협약을
    # 맺었다. 투자 규모는 2000만 달러다; 총 96억 원이 투입된다. 국비는 행안부가 부담한다)
    prev = {x.index: x.role for x in previous if x.index not in slots
            and in_scope(ctx.state, ms[x.index].sentence)}
    seen = set(pairs)
    for x in prev:
        for b in slots:
            tx, tb = ms[x].type, ms[b].type
            if tb == "Investment" and tx != "Investment":
                pairs += [q for q in ((x, b), (b, x)) if q not in seen]
            elif tx == "Investment" and tb != "Investment":
                pairs += [q for q in ((b, x), (x, b)) if q not in seen]
    # what the pairs' features share, made for the first pair that needs them: most
    # sentences have none, and making it searches the sentence for every cue kind
    look = None
    out = []
    for a, b in pairs:
        ma, mb = ms[a], ms[b]
        ka, kb = key(ma), key(mb)
        if ka == kb:
            continue
        base = None                      # the pair's features, the same for each predicate
        for p in schema.between(ma.type, mb.type):
            stated = (a, p, b) in said or p in symmetric and (b, p, a) in said
            if stated and with_said:
                look = look or _look(ctx, topic, prev)
                feats = _features(look, a, b, slots.get(a), slots.get(b),
                                  said - {(a, p, b), (b, p, a)})
                out.append(Candidate(a, p, b, tuple(sorted(set(feats))), True))
                continue
            if stated or (ka, p, kb) in known or p in symmetric and (kb, p, ka) in known:
                continue
            if base is None:
                look = look or _look(ctx, topic, prev)
                base = tuple(sorted(set(_features(look, a, b, slots.get(a), slots.get(b), said))))
            out.append(Candidate(a, p, b, base))
    return out


def _look(ctx: Context, topic: int | None, previous: dict[int, str]) -> _Look:
    # (ctx.says: the same search, remembered; the rules have asked about many of the kinds)
    return _Look(ctx, [w.start for w in ctx.words], [k for k in CUE_KINDS if ctx.says(k)],
                 topic, previous)


@dataclass
class _Look:
    """What the features of one sentence's pairs share, worked out once."""

    ctx: Context
    starts: list[int]                    # each word's first character
    kinds: list[str]                     # the cue kinds the sentence says
    topic: int | None
    previous: dict[int, str]             # slot index -> its role, in the sentence before
    clauses: dict = field(default_factory=dict)   # slot index -> its clause
    clause_cues: dict = field(default_factory=dict)   # slot index -> its clause's cue kinds
    org_kinds: dict = field(default_factory=dict)     # mention index -> company, public, other

    def __post_init__(self) -> None:
        ctx = self.ctx
        ms = ctx.mentions
        self.inside = [(ms[x.index].start, ms[x.index].end) for x in ctx.slots]
        end = len(ctx.text.rstrip(" .\n")) + ctx.sent.start_char
        verb = ctx.words[max(0, bisect_right(self.starts, end - 1) - 1)] if ctx.words else None
        self.verb = verb.stem or verb.text.strip() if verb else ""   # the sentence's last verb
        # what every pair's features read the same, worked out here once (a feature list
        # is a set: the order features are added in does not matter)
        self.said_kinds = [f"sk:{k}" for k in self.kinds]
        # each word as a feature reads it where it is outside every name, else None
        self.free_text = [w.stem or w.text.strip() if self.free(w) else None for w in ctx.words]
        first = next((t for t in self.free_text if t is not None), None)
        self.first_word = [] if first is None else [f"fw:{first}"]
        self.own = "own:" + ("yes" if any(x.role.startswith("subj") and
                                          ms[x.index].type == "Organization"
                                          for x in ctx.slots) else "no")
        self.employers = {o for _, o in ctx.affiliations}  # a person's organisation speaks for them

    def org_kind(self, index: int) -> str:
        kind = self.org_kinds.get(index)
        if kind is None:
            ctx = self.ctx
            kind = self.org_kinds[index] = "company" if ctx.company(index) else \
                "public" if ctx.public_body(index) else "other"
        return kind

    def clause(self, slot: Slot) -> str:
        if slot.index not in self.clauses:
            self.clauses[slot.index] = self.ctx.clause_of(slot)
        return self.clauses[slot.index]

    def clause_kinds(self, slot: Slot) -> list[str]:
        if slot.index not in self.clause_cues:
            clause = self.clause(slot)
            self.clause_cues[slot.index] = [k for k in self.kinds
                                            if self.ctx.cues.pattern(k).search(clause)]
        return self.clause_cues[slot.index]

    def free(self, w) -> bool:
        """A word outside every name."""
        return not any(s < w.end and w.start < e for s, e in self.inside)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11+"


def _features(look: _Look, a: int, b: int, sa: Slot | None, sb: Slot | None,
              said: set[tuple[int, str, int]]) -> list[str]:
    ctx, starts, kinds, topic = look.ctx, look.starts, look.kinds, look.topic
    ms, words = ctx.mentions, ctx.words
    ma, mb = ms[a], ms[b]
    prev = look.previous
    ra = sa.role if sa else f"prev:{prev[a]}" if a in prev else (
        "carried" if a == ctx.actor else "topic")
    rb = sb.role if sb else f"prev:{prev[b]}" if b in prev else "topic" if b == topic \
        else "before"
    f = ["bias", f"t:{ma.type}>{mb.type}", f"ra:{ra}", f"rb:{rb}", f"rr:{ra}>{rb}",
         f"tb:{mb.type}:{rb}", f"ea:{ma.rule.split('.')[0]}", f"eb:{mb.rule.split('.')[0]}"]
    # the sentence's cue words, alone and with the pair's roles (a list of partners
    # signing an agreement, a list of exhibitors at a fair)
    f += look.said_kinds + [f"rrk:{ra}>{rb}:{k}" for k in kinds]

    if sa:
        f.append(f"pa:{words[sa.word].tail.strip()}")
        f += ["qa"] * sa.quoted
    if sb:
        f.append(f"pb:{words[sb.word].tail.strip()}")
        f += ["qb"] * sb.quoted
        f += [f"ab:{t}" for t in look.free_text[sb.word + 1:sb.word + 3] if t is not None]
        f += [f"ck:{k}" for k in look.clause_kinds(sb)]
        f.append(f"v:{look.verb}")
    if sa and sb:
        ka = bisect_right(starts, ma.start) - 1
        kb = bisect_right(starts, mb.start) - 1
        f.append("ord:ab" if ma.start < mb.start else "ord:ba")
        f.append(f"d:{_bucket(abs(kb - ka))}")
        lo, hi = sorted((ma.start, mb.start))
        between = [x for x in ctx.slots if lo < ms[x.index].start < hi]
        f.append(f"mid:{_bucket(len(between))}")
        f.append(f"midorg:{_bucket(sum(ms[x.index].type == 'Organization' for x in between))}")
        f.append("clause:same" if look.clause(sa) == look.clause(sb) else "clause:other")
        f += [f"bw:{t}" for t in look.free_text[min(ka, kb) + 1:max(ka, kb)] if t is not None]
    if a in prev or b in prev:
        # (does this sentence name a body of its own, and how does it open)
        f.append(look.own)
        f += look.first_word
    f += ["a:employer"] * (a in look.employers) + ["b:employer"] * (b in look.employers)
    if a == ctx.subject:
        f.append("subject")
    if a == ctx.actor:
        f.append("actor")
    if ma.type == "Organization":
        f.append("a:" + look.org_kind(a))
    if mb.type == "Organization":
        f.append("b:" + look.org_kind(b))
    for s, p, o in said:
        if {s, o} == {a, b}:
            f.append(f"r_ab:{p}:{'fwd' if s == a else 'back'}")
        elif o == b:
            f.append(f"r_b_from:{p}")        # another subject is related to b
        elif s == a:
            f.append(f"r_a_to:{p}")          # a is related to something else
        elif s == b:
            f.append(f"r_b_to:{p}")
        elif o == a:
            f.append(f"r_a_from:{p}")
    return f
