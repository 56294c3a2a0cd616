"""Mentions of the ontology's types in a document: the entity rules, run in their
stages, with overlaps resolved in one place.

Two spaCy components: spaCy's EntityRuler over the lexicons' names, then
`kg_mentions`, which runs the registered entity rules (kg/rules/entities/) on
each sentence's words and puts the mentions in `doc.spans["kg"]`, each span
carrying its `Candidate` (exact offsets, rule, canonical name, money, role) as
`span._.kg`.

Stages (kg.rules.STAGES): names in a sentence; people; refinements that read
the resolved names (local governments acting, organisations in a person's role,
names nested in names); lists; then the whole document (names repeated,
anaphora).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

import kg.rules.entities  # noqa: F401  (registers the rules)
from kg.lexicon import Lexicon
from kg.morphology import doc_text, sentence_words, split_alias, strip_name
from kg.rules import (DOCUMENT, ENTITY_RULES, LISTS, PEOPLE, REFINE, SENTENCE, Candidate,
                      rules_of)
from kg.rules.entities.base import Document as DocumentInput
from kg.rules.entities.base import Sentence
from kg.types import Document, Mention

SPANS = "kg"
# (a number alone is no name: 쌍용정보통신(010280) gives a stock code)
_PAREN_ALIAS = re.compile(r"^\((?=[^)]*[A-Za-z])([A-Za-z0-9][A-Za-z0-9 .&+\-/|]{0,60})\)")
_ROLE_SENSITIVE = ("brand", "cue", "marker")  # rules whose names stop at a person's role

if not Span.has_extension("kg"):
    Span.set_extension("kg", default=None)


def _run(rules: list, arg) -> list[Candidate]:
    out = []
    for rule in rules:
        for c in rule.func(arg):
            c.rule = c.rule or rule.name
            out.append(c)
    return out


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: the higher priority first (money, people,
    quotes), then the longer span.

    A longer rule span (서울 상공회의소) beats a lexicon name inside it (서울), except
    where the lexicon name ends it (서울시 중구 대한상공회의소 is 대한상공회의소)."""
    lexicon_ends = {c.end for c in cands if c.rule == "lexicon" and c.type == "Organization"}
    cands = [c for c in cands if c.rule == "lexicon" or c.type != "Organization"
             or c.end not in lexicon_ends]
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.rule != "lexicon",
                                          c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def find_candidates(doc: Doc, lex: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    text = doc_text(doc)
    ents = [Candidate(e.start_char, e.end_char, e.label_, "lexicon", canonical=e.ent_id_ or None)
            for e in doc.ents]  # doc.ents walks the whole doc: read it once
    ents = _cut_otherwise(doc, text, ents, lex)
    stages = {stage: rules_of(ENTITY_RULES, stage) for stage in (SENTENCE, PEOPLE, REFINE, LISTS)}
    for sent, words in sentence_words(doc):
        if not words:
            continue
        ruler = [replace(c) for c in ents if sent.start_char <= c.start < sent.end_char
                 and whole_word(c, words, lex) and not _counted(c, text)]
        s = Sentence(doc, text, sent, words, lex, ruler)
        found = [_known(c, text, lex) for c in _run(stages[SENTENCE], s)]
        people = _run(stages[PEOPLE], s)
        # what stands between a person's name and title is their role, not a product
        roles = [(p.end, next((w.stem_end for w in words if w.start >= p.end
                               and p.role and w.stem.startswith(p.role.split()[-1])), p.end))
                 for p in people]
        # (정하민 네이버클라우드 헬스케어사업 리더: a run from the name into the role too)
        found = [c for c in found if c.rule not in _ROLE_SENSITIVE
                 or not any(a <= c.start < b or c.start < a < c.end <= b for a, b in roles)]
        # … nor a place after the employer (MS 아시아태평양 공공부문 총괄 부사장: a region
        # of the job; 충북지사 keeps its province, the employer)
        ruler = [c for c in ruler if c.type != "Place" or not any(
            a <= c.start < b and any(o.type == "Organization" and a <= o.start < c.start
                                     for o in ruler) for a, b in roles)]
        # (‘AI 산업의 글로벌 트렌드와 한국의 AI 퍼스트무버’라는 주제로: a country inside a
        # quoted theme or title that names nothing is no place mentioned)
        ruler = [c for c in ruler if not _in_idle_quote(c, found, sent, lex)]
        for c in found:  # a run does not swallow the name of the person before it
            for p in people:
                if c.start <= p.start < c.end and p.end < c.end:
                    c.start = next((w.start for w in words if p.end <= w.start < c.end), c.end)
        # (판교미래포럼(회장 곽덕훈): nothing of the run is left after the person)
        found = [c for c in found if c.start < c.end]
        s.merged = resolve(ruler + found + people)
        for rule in stages[REFINE]:  # each sees what the previous added
            for c in rule.func(s):
                c.rule = c.rule or rule.name
                s.merged.append(c)
        s.merged += resolve([c for c in _run(stages[LISTS], s)
                             if all(c.end <= m.start or c.start >= m.end for m in s.merged)])
        out += _drop_inside_aliases(text, sorted(s.merged, key=lambda c: c.start))
    d = DocumentInput(doc, text, lex, out)
    for rule in rules_of(ENTITY_RULES, DOCUMENT):  # each sees what the previous added
        for c in rule.func(d):
            c.rule = c.rule or rule.name
            d.found.append(c)
    return sorted(d.found, key=lambda c: c.start)


_WORD_START = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{2}")


def _cut_otherwise(doc: Doc, text: str, ents: list[Candidate], lex: Lexicon
                   ) -> list[Candidate]:
    """The lexicon's matches with known organisations written whole that Kiwi cut
    otherwise than their pattern, so the EntityRuler missed them or found a shorter name
    inside (부총리 겸 과학기술정보통신부 장관: after 겸, Kiwi reads 과학/기술/정보/통신부;
    SK C&C는 자산운용: C&C one token, where the pattern has C/&/C), found by their
    letters where a word starts and a token ends."""
    index = lex.organisations_by_start
    ends = {t.idx + len(t.text) for t in doc}
    kept = sorted(ents, key=lambda c: c.start)
    for m in _WORD_START.finditer(text):
        at = m.start()
        for surface in index.get(m.group(), ()):
            end = at + len(surface)
            if end in ends and text.startswith(surface, at):
                inside = [c for c in kept if c.start < end and at < c.end]
                if all(at <= c.start and c.end <= end and (c.start, c.end) != (at, end)
                       for c in inside):
                    name = lex.names[surface]
                    kept = [c for c in kept if c not in inside] + [
                        Candidate(at, end, name.type, "lexicon", canonical=name.canonical)]
                    kept.sort(key=lambda c: c.start)
                break
    return kept


def _known(c: Candidate, text: str, lex: Lexicon) -> Candidate:
    """A name a rule found that the lexicon knows when its spaces go (한국 지능정보사회진흥원)
    is the lexicon's name."""
    name = lex.names.get("".join(split_alias(text[c.start:c.end])[0].split()))
    if name is None or c.type not in ("Organization", "Program", "Initiative", "Product", "Event"):
        return c
    return replace(c, type=name.type, rule="lexicon", canonical=name.canonical)


_QUOTE_SPAN = re.compile(r"[‘'][^‘’'\n]{2,100}[’']")


def _in_idle_quote(c: Candidate, found: list[Candidate], sent, lex: Lexicon) -> bool:
    """A country the lexicon found inside single quotes that no rule took for a name."""
    if c.type != "Place" or lex.group_of(c.canonical or "") != "world":
        return False
    for m in _QUOTE_SPAN.finditer(sent.text):
        a, b = sent.start_char + m.start(), sent.start_char + m.end()
        if a < c.start and c.end < b:
            return not any(f.start <= a + 1 and f.end >= b - 1 for f in found)
    return False


_COUNT = re.compile(r"\d+\s?(?:여\s?)?(?:개|곳)(?:의)?\s$")


def _counted(c: Candidate, text: str) -> bool:
    """과기정통부가 선정한 44개 SW중심대학: a programme's word after a count names the
    schools or sites it funds (several of a kind), not the programme."""
    return c.type in ("Program", "Initiative") and _COUNT.search(text, max(0, c.start - 8),
                                                                 c.start) is not None


def whole_word(c: Candidate, words: list, lex: Lexicon) -> bool:
    """A known name is a mention where it is a whole word (or starts a word that goes
    on with a title or an office: 부산시장, 과기정통부장관), not the start of a longer
    unknown name (윈스 in 윈스테크, 카카오 in 카카오뱅크)."""
    w = next((x for x in words if x.start <= c.start < x.end), None)
    if w is None:
        return True
    cues = lex.cues
    if w.start < c.start <= w.stem_end and w.text[c.start - w.start - 1].isalnum():
        if w.text[:c.start - w.start] not in cues.org_prefix:
            return False  # 창원대 in 한국창원대: part of another name
        c.start = w.start  # 국립창원대: the same body with its legal form
    if c.end >= w.stem_end:
        return True
    rest = w.stem[c.end - w.start:]
    if not rest[0].isalnum():
        return True
    return rest in cues.local_head_words or cues.ends_with(rest, "title") == rest \
        or rest in cues.name_attachment


def _drop_inside_aliases(text: str, cands: list[Candidate]) -> list[Candidate]:
    """아마존 VPC(Amazon VPC): a name inside the parenthesis after a name is its alias."""
    claimed = []
    for c in cands:
        m = _PAREN_ALIAS.match(text[c.end:])
        if m:
            claimed.append((c.end, c.end + m.end()))
    return [c for c in cands if not any(s <= c.start < e for s, e in claimed)]


class MentionFinder:
    """The `kg_mentions` component; its lexicon is given by `initialize(lexicon=…)`."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise ValueError("kg_mentions has no lexicon: call nlp.initialize() or "
                             "component.initialize(lexicon=…) first")
        spans = []
        for c in find_candidates(doc, self.lexicon):
            span = doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand")
            span._.kg = c
            spans.append(span)
        doc.spans[SPANS] = spans
        return doc


@Language.factory("kg_mentions")
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder(nlp, name)


def add_entity_components(nlp: Language, lex: Lexicon) -> None:
    """The EntityRuler over the lexicons, then the entity rules."""
    from kg.nlp import known_spans

    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM",
                                                 "overwrite_ents": True})
    names = sorted(lex.names.items())
    with known_spans(nlp.tokenizer, [surface for surface, _ in names]):
        ruler.add_patterns([{"label": n.type, "pattern": surface, "id": n.canonical}
                            for surface, n in names])
    nlp.add_pipe("kg_mentions").initialize(lexicon=lex)


def candidates_of(doc: Doc) -> list[Candidate]:
    return [span._.kg for span in doc.spans.get(SPANS, [])]


def to_mentions(document: Document, doc: Doc, lex: Lexicon) -> list[Mention]:
    """The mentions of a processed doc as records, with parenthesised aliases."""
    sent_starts = [s.start_char for s, _ in sentence_words(doc)]
    text = doc_text(doc)
    out = []
    for c in candidates_of(doc):
        surface = strip_name(text[c.start:c.end])
        aliases = list(c.aliases)
        base, alias = split_alias(surface)
        if alias and c.type != "Person":
            # (… 정보화전략계획(ISP): a field's acronym is a gloss, no name of its own)
            surface = strip_name(base)
            aliases += [alias] if alias not in lex.cues.generic_acronym else []
        m = _PAREN_ALIAS.match(text[c.end:])
        if m and c.type != "Investment" and m.group(1) not in lex.cues.generic_acronym \
                and m.group(1).strip() not in lex.cues.joint_managers:  # (…(Co-GP): a role)
            aliases.append(m.group(1).strip())
        if (c.type == "Person" or c.rule.startswith("anaphor") or c.rule == "lexicon.office") \
                and c.canonical:
            surface = c.canonical  # 이 사업 is no name of the program; …위원(장) no name either
        if not surface:
            continue
        sentence = max(bisect.bisect_right(sent_starts, c.start) - 1, 0)
        out.append(Mention(doc_id=document.id, sentence=sentence, start=c.start, end=c.end,
                           text=surface, type=c.type,
                           aliases=tuple(dict.fromkeys(a for a in aliases if a != surface)),
                           canonical=c.canonical if c.type != "Person"
                           and not c.rule.startswith("anaphor")
                           else None,
                           money=c.money, role=c.role, phrase=c.phrase, rule=c.rule,
                           year=c.year))
    return out
