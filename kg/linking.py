"""Mentions -> Entities: one node per real thing, within and across documents.

Names are compared after NFKC, case folding and removal of spaces, quotes and
particles' leftovers. Within a type, two mentions are one thing when they share
a name or an alias (아마존웹서비스 / AWS / Amazon Web Services, through the lexicon
or a parenthesis), or when one name is the other shortened from either end or in
the middle (퍼블릭 섹터 데이 서울 2025 / AWS 퍼블릭 섹터 데이 서울 2025).
Investments are one per document, amount and currency.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.names import link_key, normalise
from kg.types import Entity, Mention

norm = link_key  # the comparison key of a name


def mention_id(m: Mention) -> tuple[str, int, int]:
    return (m.doc_id, m.start, m.end)


def names_of(m: Mention) -> list[str]:
    return [m.text, *m.aliases, *([m.canonical] if m.canonical else [])]


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller root wins, so the result does not depend on input order
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


_INNER_GLOSS = re.compile(r"\s*[(（][^()（）]+[)）](?=\s*\S)")
# a word glossed by its Latin short form inside a name: 인공지능(AI), 전환(AX)
_GLOSSED_WORD = re.compile(r"(?<![^\s])[^\s(（]+[(（]([A-Za-z][A-Za-z0-9&.\-]*)[)）](?=\s*\S)")
# an edition's year in front of a name, with or without 년: 2027년 X is 2027 X
_YEAR_FIRST = re.compile(r"^((?:19|20)\d\d)년도?(?= )")


def _with_glosses_dropped(names: list[str]) -> list[str]:
    """Names, and each without a gloss inside it: 국회 인공지능(AI) 포럼 is 국회 인공지능
    포럼 (a gloss at the end is an alias already), and is 국회 AI 포럼 (the short form
    the article goes on with); and a year in front written without 년: 2027년 공공 AX 선도
    프로젝트 is 2027 공공 AX 선도 프로젝트."""
    variants = (v for n in names for v in (_INNER_GLOSS.sub("", n), _GLOSSED_WORD.sub(r"\1", n),
                                           _YEAR_FIRST.sub(r"\1", n)))
    return names + [g for g in dict.fromkeys(variants) if g not in names]


def _shortenings(words: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    """The shorter forms of a name that mean the same thing: words dropped at the
    start or the end (AI 강국 비전 / 세계 3대 AI 강국 비전), or inside, keeping both ends
    (범정부 AI 인프라 / 범정부 AI 공통 인프라). At least two words remain."""
    n = len(words)
    for k in range(2, n):
        yield words[:k]
        yield words[n - k:]
    inner = words[1:-1]
    if 1 <= len(inner) <= 8:  # names are short; 2^8 subsets at most
        for mask in range(1, (1 << len(inner)) - 1):
            kept = tuple(w for i, w in enumerate(inner) if mask >> i & 1)
            yield (words[0], *kept, words[-1])


_EDITION = re.compile(r"(19|20)\d\d년도?|제?\d+(회|차|기)|'\d\d년?")


def _core(words: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """A name without the year or edition before it and the program word after it:
    2027년 AI 안부살핌 시범사업 -> AI 안부살핌."""
    start, end = 0, len(words)
    while start < end and _EDITION.fullmatch(words[start]):
        start += 1
    while end > start and (lex.cues.ends_with(words[end - 1], "weak_program_cue")
                           == words[end - 1] or words[end - 1].endswith("사업")):
        end -= 1
    core = words[start:end]
    return core if core and len("".join(core)) >= 4 else ()


def _unglued(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name whose last word has 사업 glued to the work, without the year and without
    사업: 2024년 경기도 AI 실증 지원사업 -> 경기도 AI 실증 지원 (() when not so)."""
    start = 0
    while start < len(words) and _EDITION.fullmatch(words[start]):
        start += 1
    last = words[-1]
    if len(last) <= 2 or not last.endswith("사업") or len(words) - start < 2:
        return ()
    return (*words[start:-1], last[:-2])


def _without_work(words: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """A programme's name without the work named at its end (조성, 구축, 고도화)."""
    end = len(words)
    while end > 0 and words[end - 1] in lex.cues.program_action:
        end -= 1
    return words[:end]


def _built_on(words: tuple[str, ...], short: tuple[str, ...], lex: Lexicon) -> bool:
    """‘AI 디지털교과서 구독 지원’ 사업 is a programme built on AI 디지털교과서 (a known
    initiative), not that initiative: a known name at the start, then a work of its own
    (구독 지원; AI 혁신펀드 출자, the known fund's own work, is the fund)."""
    if words[:len(short)] != short or lex.names.get(" ".join(short)) is None:
        return False
    cues = lex.cues
    work = [w in cues.program_action or w in cues.scheme_word or w.endswith("사업")
            for w in words[len(short):]]
    return any(work) and not all(work)


@dataclass(frozen=True)
class Linked:
    entities: tuple[Entity, ...]
    key_of: dict          # mention_id -> Entity.key


def link(mentions: Iterable[Mention], lex: Lexicon) -> Linked:
    mentions = sorted(mentions, key=lambda m: (m.doc_id, m.start, m.end, m.type))
    uf = _Union()
    by_name: dict[tuple[str, str], tuple] = {}
    groups_by_type: dict[tuple[str, str], list] = defaultdict(list)
    for m in mentions:
        mid = mention_id(m)
        uf.find(mid)
        if m.type == "Investment" and m.money:
            # the same sum twice in one article is one investment
            key = ("Investment", f"{m.doc_id}|{m.money.amount}|{m.money.currency}")
            if key in by_name:
                uf.union(by_name[key], mid)
            else:
                by_name[key] = mid
            continue
        for name in _with_glosses_dropped(names_of(m)):
            key = ("Program" if m.type == "Initiative" else m.type, norm(name))
            if not key[1]:
                continue
            if key in by_name:
                uf.union(by_name[key], mid)
            else:
                by_name[key] = mid
        # a program and the initiative it is part of are often named alike
        groups_by_type[(m.doc_id, "Program" if m.type == "Initiative" else m.type)].append(m)

    # shortened forms, within one document only (across documents a short form can
    # stand for different things: 파리 / 블레츨리 AI 안전성 정상회의), and only when one
    # full name in the document shortens to it
    for (doc, etype), ms in sorted(groups_by_type.items()):
        if etype in ("Person", "Investment"):
            continue
        first_of: dict[tuple[str, ...], tuple] = {}
        for m in ms:
            first_of.setdefault(tuple(m.text.split()), mention_id(m))
        longer: dict[tuple[str, ...], set] = defaultdict(set)
        for words in first_of:
            shorts = list(_shortenings(words)) if len(words) >= 3 else []
            if etype == "Organization" and words[-1] in lex.cues.consortium:
                shorts = [x for x in shorts if x[-1] == words[-1]]  # LG CNS 컨소시엄 ≠ LG CNS
            core = _core(words, lex)
            if core and core != words:
                shorts.append(core)  # 2027년 AI 안부살핌 시범사업 -> AI 안부살핌
            bare = _without_work(core or words, lex)
            if etype == "Program" and len(bare) >= 2 and bare != (core or words):
                # (구미 첨단 AI 데이터센터 클러스터 조성 -> AI 데이터센터 클러스터: the name
                # without the work done on it, and its short forms)
                shorts += [bare, *(_shortenings(bare) if len(bare) >= 3 else ())]
            glued = _unglued(words)
            if etype == "Program" and glued:
                # (2024년 경기도 AI 실증 지원사업 -> AI 실증 지원, as a headline calls it)
                shorts += [glued, *(_shortenings(glued) if len(glued) >= 3 else ())]
            if etype == "Organization" and len(words) >= 2 and len(words[0]) >= 2 and \
                    words[-1] in lex.cues.company_suffix and words[0] not in lex.names:
                shorts.append(words[:1])  # 노스게이트 for 노스게이트 디지털 인프라
            for short in shorts:
                if short in first_of and not _built_on(words, short, lex):
                    longer[short].add(words)
        for short, words in sorted(longer.items()):
            # (one full name; 2027년 X and 2027 X are one)
            if len({_YEAR_FIRST.sub(r"\1", " ".join(w)) for w in words}) == 1:
                uf.union(first_of[min(words)], first_of[short])

    # across documents only a name written with its organisation in front joins the
    # name without it: AWS 퍼블릭 섹터 데이 서울 2026 / 퍼블릭 섹터 데이 서울 2026
    branded: dict[tuple[str, tuple[str, ...]], set] = defaultdict(set)
    named: dict[tuple[str, tuple[str, ...]], tuple] = {}
    for (doc, etype), ms in sorted(groups_by_type.items()):
        for m in ms:
            words = tuple(m.text.split())
            named.setdefault((etype, words), mention_id(m))
            if etype not in ("Person", "Investment", "Organization") and len(words) >= 4 \
                    and lex.type_of(words[0]) == "Organization":
                branded[(etype, words[1:])].add(words)
    for (etype, short), longs in sorted(branded.items()):
        if len(longs) == 1 and (etype, short) in named:
            uf.union(named[(etype, next(iter(longs)))], named[(etype, short)])

    members: dict = defaultdict(list)
    for m in mentions:
        members[uf.find(mention_id(m))].append(m)
    entities, key_of = [], {}
    for group in members.values():
        entity = _entity(group, lex)
        entities.append(entity)
        for m in group:
            key_of[mention_id(m)] = entity.key
    entities.sort(key=lambda e: e.key)
    return Linked(tuple(entities), key_of)


def _type(group: list[Mention]) -> str:
    """The type of the fullest name (the longest), ties to the commonest type."""
    counts = {t: sum(m.type == t for m in group) for t in {m.type for m in group}}
    longest = max(group, key=lambda m: (len(m.text), counts[m.type], m.type))
    return longest.type


def _canonical(group: list[Mention]) -> str:
    lexical = sorted({m.canonical for m in group if m.canonical})
    if lexical:
        return lexical[0]
    forms = sorted({m.text for m in group},
                   key=lambda s: (not re.search(r"[가-힣]", s), -len(s), s))
    return forms[0]


def _identity(group: list[Mention], lex: Lexicon) -> str:
    """The name an entity's IRI is made from: the lexicon's canonical name, else its
    shortest name. Unlike the label (the fullest name), it does not change when another
    document names the thing at greater length (a rule's canonical name, the full name of
    a programme named short, is no lexicon's)."""
    lexical = sorted({m.canonical for m in group if m.canonical and m.canonical in lex.names})
    if lexical:
        return lexical[0]
    return min({m.text for m in group}, key=lambda s: (len(norm(s)), s))


def _entity(group: list[Mention], lex: Lexicon) -> Entity:
    etype = _type(group)
    first = group[0]
    if etype == "Investment":
        label = first.money.text if first.money else first.text
        key = "investment-" + _hash(f"{first.doc_id}|{first.money.amount}|{first.money.currency}"
                                    if first.money else first.text)
    else:
        label = unicodedata.normalize("NFC", _canonical(group))
        key = f"{etype.lower()}-" + _hash(f"{etype}|{norm(_identity(group, lex))}")
    seen = {n for m in group for n in [m.text, *m.aliases]}
    # an alias is kept unless it is the label as a reader compares names: 경제인문사회연구회
    # is a name of 경제·인문사회연구회 for search and the scorer, though linking merges them
    aliases = sorted({unicodedata.normalize("NFC", a) for a in seen
                      if normalise(a) != normalise(label)})
    role = next((m.role for m in group if m.role), None)
    phrase = next((m.phrase for m in group if m.phrase), None)
    return Entity(key=key, type=etype, label=label, aliases=tuple(aliases),
                  docs=tuple(sorted({m.doc_id for m in group})), money=first.money,
                  year=next((m.year for m in group if m.year), None), role=role, phrase=phrase,
                  rules=tuple(sorted({m.rule for m in group if m.rule})))


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def known_aliases(entity: Entity, lex: Lexicon) -> tuple[str, ...]:
    """Names the lexicon knows for this entity that no document used (for search)."""
    have = {normalise(entity.label), *map(normalise, entity.aliases)}
    return tuple(a for a in lex.aliases_of(entity.label) if normalise(a) not in have)
