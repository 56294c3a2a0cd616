"""Relations between the mentions of a document, each with the sentence stating it.

For each sentence, kg.discourse gives the context (each mention's role, the acting
subject and the actor, carried across sentences), and the registered relation
rules (kg/rules/relations/) read it. Every relation records the rule that made
it; the ontology's domains and ranges are checked here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

import kg.rules.relations  # noqa: F401  (registers the rules)
from kg.discourse import Slot, State, context, question, section_break, slots_of
from kg.learned import Candidate, Model, candidates, load_model
from kg.lexicon import Lexicon
from kg.morphology import SentenceText, doc_text, sentence_words
from kg.rules import RELATION_RULES, rules_of
from kg.names import link_key
from kg.rules.relations.consortia import lost_parties
from kg.rules.relations.investments import shares_of_the_chosen
from kg.schema import load_schema
from kg.types import Evidence, Mention

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


@dataclass(frozen=True)
class Statement:
    """A relation between two mentions of one document (indices into its mention list)."""

    subject: int
    predicate: str
    object: int
    evidence: Evidence
    rules: tuple[str, ...] = ()    # every rule that stated it in this sentence


def _same(a: Mention, b: Mention) -> bool:
    """Two mentions of one entity (한국인터넷진흥원(KISA)과: the name and its acronym)."""
    return a is b or a.type == b.type and (a.canonical or a.text) == (b.canonical or b.text)


def find_statements(sdoc: Doc, mentions: list[Mention], lex: Lexicon, *,
                    model: Model | None | bool = True, collect: list | None = None
                    ) -> tuple[list[Statement], int]:
    """Statements of one document, from its spaCy doc and its mentions, and how many
    candidate statements the ontology's domains and ranges rejected. They are also
    left on the doc as `doc._.kg_relations`.

    After the rules, `model` (the shipped one by default; None for the rules alone) may
    add what they left unsaid (kg.learned). `collect`, for training, receives every
    pair the ontology allows (those the rules stated marked so), and no model adds."""
    if model is True:
        model = load_model() if collect is None else None
    state = State(mentions)
    out: list[Statement] = []
    known: set[tuple] = set()      # the rules' relations so far, by linking keys
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(i)
    rules = rules_of(RELATION_RULES, "sentence")
    text = doc_text(sdoc)
    previous: list[Slot] = []          # the slots of the sentence before
    sentences: list[SentenceText] = []
    for s_index, (sent, words) in enumerate(sentence_words(sdoc)):
        sentences.append(sent)
        slots = slots_of(sent, words, by_sentence.get(s_index, []), mentions, lex.cues)
        ctx = context(state, sent, words, slots, lex, section_break(text, sent),
                      question(text, sent))
        said = set()
        for rule in rules:
            for f in rule.func(ctx):
                if not _same(mentions[f.subject], mentions[f.object]) and \
                        not _own_consortium(f, mentions, lex):
                    out.append(Statement(f.subject, f.predicate, f.object,
                                         _evidence(sent, mentions, f.subject, f.object),
                                         (f.rule or rule.name,)))
                    said.add((f.subject, f.predicate, f.object))
        known |= {(_key(mentions[s]), p, _key(mentions[o])) for s, p, o in said}
        if model is not None or collect is not None:
            unsaid = candidates(ctx, said, known, _key, with_said=collect is not None,
                                previous=previous)
            if collect is not None:
                collect += unsaid
            else:
                out += [Statement(c.subject, c.predicate, c.object,
                                  _evidence(sent, mentions, c.subject, c.object),
                                  (f"learned.{c.predicate}",))
                        for c in unsaid if not c.said and model.adds(c)
                        and (c.predicate, c.object) not in state.denied
                        and _unsettled(c, said)]
        state.previous_text = sent.text
        previous = slots
    # a consortium that lost, as a later sentence says, takes part in nothing
    losers = lost_parties(state)
    out = _dedupe([s for s in out if not (
        s.predicate == "participatesIn" and link_key(mentions[s.subject].text) in losers
        and all(r.startswith("consortium") for r in s.rules))])
    # 선정된 두 컨소시엄에 20억 원씩: the sum goes to each body selected, not the programme
    shares, chosen = shares_of_the_chosen(state, out, lex)
    if shares:
        out = [s for s in out if not (s.predicate == "fundsTarget" and s.subject in shares)]
        out = _dedupe(out + [Statement(money, "fundsTarget", body, _evidence(
            sentences[mentions[money].sentence], mentions, money, body), ("investment.chosen",))
            for money, body in chosen])
    # 국회가 AI 교과서의 지위를 격하했다, 국회 교육위원회 소속 의원실에 따르면 …: the
    # national assembly passes budgets and laws, and a party (송희경 의원실(자유한국당))
    # speaks of them; neither runs nor pays for a programme
    out = [s for s in out if not (s.predicate in ("operates", "invests") and _assembly(
        mentions[s.subject], lex))]
    # 시도교육청이 AI 디지털교과서를 도입한다: a local government or education office takes
    # part in a national initiative or programme; the ministry that runs it operates it
    out = _dedupe([replace(s, predicate="participatesIn") if s.predicate == "operates" and
                   _national(mentions[s.object], lex) and _local(mentions[s.subject], lex)
                   else s for s in out])
    schema = load_schema()
    kept = [s for s in out if schema.allows(s.predicate, mentions[s.subject].type,
                                            mentions[s.object].type)]
    sdoc._.kg_relations = kept
    return kept, len(out) - len(kept)


def _national(m: Mention, lex: Lexicon) -> bool:
    """A national programme or initiative the lexicon knows (AI 바우처, AI 디지털교과서)."""
    return lex.group_of(m.canonical or m.text) in ("national-programs", "laws-and-plans")


def _local(m: Mention, lex: Lexicon) -> bool:
    """A local government or office of education (경기도교육청, 강진군)."""
    return lex.group_of(m.canonical or m.text) == "local-governments"


def _assembly(m: Mention, lex: Lexicon) -> bool:
    """The national assembly or one of its committees (국회 교육위원회), or a party."""
    name = m.canonical or m.text
    return name.split()[0] in lex.cues.national_assembly or name in lex.cues.political_party


# Which end of a predicate's statement a rule settles for its sentence: the sum whose
# target it read (fundsTarget's subject), the sum whose payer it read (invests' object),
# the programme whose operator it read (operates' object).
_SETTLED = {"fundsTarget": 0, "invests": 2, "operates": 2}


def _unsettled(c: Candidate, said: set[tuple[int, str, int]]) -> bool:
    """The model adds no second target or payer to a sum, nor a second operator to a
    programme, that a rule related in the same sentence: the rules read that sentence's
    grammar, and the model's extra ends there were mostly wrong on real news (chosen on
    the check half and the real news read for rules)."""
    organizers = {t[0] for t in said if t[1] == "organizes"}
    if c.subject in organizers or c.predicate == "partnersWith" and c.object in organizers:
        return False  # A, B, C가 공동 주관했다: a rule read what the organisers did
    k = _SETTLED.get(c.predicate)
    if k is None:
        return True
    end = (c.subject, c.predicate, c.object)[k]
    return not any(t[1] == c.predicate and t[k] == end for t in said)


def _key(m: Mention) -> tuple[str, str]:
    return m.type, link_key(m.canonical or m.text)


def _own_consortium(f, mentions: list[Mention], lex: Lexicon) -> bool:
    """A와 A 컨소시엄 (A-B 컨소시엄): a consortium is its members, no partner of its lead."""
    if f.predicate != "partnersWith":
        return False
    a, b = sorted((mentions[f.subject].text, mentions[f.object].text), key=len)
    return b.startswith(a) and b[len(a):].strip().split(" ")[-1] in lex.cues.consortium


def _evidence(sent: SentenceText, mentions: list[Mention], *idx: int) -> Evidence:
    text = sent.text.rstrip()
    # the stating words: the mentions this sentence holds (a carried-over subject is not here)
    rel = [(mentions[i].start - sent.start_char, mentions[i].end - sent.start_char) for i in idx
           if sent.start_char <= mentions[i].start and mentions[i].end <= sent.end_char]
    cue = (min(a for a, _ in rel), max(b for _, b in rel)) if rel else None
    return Evidence(doc_id=mentions[idx[0]].doc_id if idx else "", start=sent.start_char,
                    end=sent.start_char + len(text), text=text, cue=cue)


def _dedupe(out: list[Statement]) -> list[Statement]:
    """One statement per relation and sentence, with the rules of all that stated it."""
    kept: dict[tuple, Statement] = {}
    for s in out:
        key = (s.subject, s.predicate, s.object, s.evidence.start)
        first = kept.get(key)
        kept[key] = s if first is None else replace(
            first, rules=tuple(sorted(set(first.rules) | set(s.rules))))
    return list(kept.values())
