"""부산시는 … 추진한다: a city acting (a subject, or its 시장/시청) is its government, an
organisation; the same city elsewhere stays a place."""
from __future__ import annotations

import re

from kg.morphology import split_alias, strip_name
from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

LOCAL_GOVERNMENTS = "local-governments"


EXAMPLES = [
    ("대구시장은 기자회견을 열었다.", {("Organization", "대구광역시")}),
    ("창원시장은 투자 협약을 체결했다.", {("Organization", "창원특례시")}),
    ("홍준표 대구시장은 말했다.", {("Organization", "대구광역시")}),
    ("김동연 경기도지사는 협약식에 참석했다.", {("Organization", "경기도")}),
    ("서울에서 열린 행사에 대구시 관계자가 왔다.", set()),
    ("성남 분당구는 판교를 품고 있다.", set()),
]


ADDRESS_EXAMPLES = [
    ("행사는 서울시 중구 대한상공회의소에서 열린다.", {("Place", "서울")}),
    ("부산 해운대구 벡스코에서 박람회가 열렸다.", {("Place", "해운대")}),
    ("행사는 충청북도 청주시 오송에서 열린다.", {("Place", "충북"), ("Place", "청주")}),
    ("부산시 AI 정책이 발표됐다.", set()),
    ("서울 강남구 역삼동 본사에서 만났다.", {("Place", "강남")}),
    ("대전 유성구의 중소기업 한누리네트웍스가 맡는다.", {("Place", "유성구")}),
    ("서울 서대문구 경찰청 어울림마당에서 보고회가 열렸다.", {("Place", "서대문구")}),
    ("강남구는 AI 민원 서비스를 도입했다.", set()),
    ("선정 지역은 충남 보령시, 전북 남원시다.", set()),
]


@entity_rule("address", REFINE, priority=1, examples=ADDRESS_EXAMPLES)
def addresses(s: Sentence) -> list[Candidate]:
    """서울시 중구 대한상공회의소에서, 서울 강남구 코엑스: a local government written in an
    address is a place. Retypes in `s.merged`; adds nothing."""
    words = s.words
    for c in s.merged:
        if c.type != "Organization" or not c.rule.startswith("lexicon") or \
                s.lex.group_of(s.text[c.start:c.end]) != LOCAL_GOVERNMENTS:
            continue
        k = next((i for i, w in enumerate(words) if w.start <= c.start < w.end), None)
        if k is None or words[k].stem_end != c.end:
            continue
        w = words[k]
        at = w.tail.startswith(tuple(s.cues.locative_particle) + ("에",))  # 강남구에서
        # 대전 유성구의 중소기업 X: where a company is
        of_company = w.tail == "의" and k + 1 < len(words) and \
            strip_name(words[k + 1].stem) in s.cues.org_descriptor
        before = k > 0 and words[k - 1].noun_only and _located(s, words[k - 1])
        after = w.noun_only and k + 1 < len(words) and (
            _located(s, words[k + 1]) or words[k + 1].tail.startswith(
                tuple(s.cues.locative_particle))  # 서울 용산구 본사에서
            or not words[k + 1].common and re.fullmatch(  # 강남구 역삼동: a neighbourhood
                r"[가-힣]{1,4}\d*(동|읍|면|리|가)", words[k + 1].stem) is not None)
        # 서울 서대문구 경찰청 어울림마당에서: after its city, before a venue of two words
        venue = before and w.noun_only and k + 2 < len(words) and words[k + 1].noun_only and \
            words[k + 2].tail.startswith(tuple(s.cues.locative_particle))
        if after or venue or (before and (at or of_company)):
            c.type, c.rule = "Place", "address"
            c.canonical = _place_name(s, s.text[c.start:c.end])
    return []


def _place_name(s: Sentence, surface: str) -> str | None:
    """The place a local government's name stands for: 서울시 -> 서울, 해운대구 -> 해운대,
    충청북도 (by its short form 충북도) -> 충북."""
    known = s.lex.names.get(surface)
    forms = [surface] + (list(s.lex.aliases_of(known.canonical)) if known else [])
    for form in forms:
        for suffix in sorted(s.cues.local_suffix, key=len, reverse=True):
            stem = form.removesuffix(suffix)
            name = s.lex.names.get(stem)
            if stem != form and name is not None and name.type == "Place":
                return name.canonical
    return None


def _located(s: Sentence, w) -> bool:
    """A word that names a place, a local government or a venue (as a whole word)."""
    return any(m.start == w.start and m.end == w.stem_end and (
        m.type == "Place" or s.lex.group_of(s.text[m.start:m.end]) == LOCAL_GOVERNMENTS
        or m.type == "Organization" and w.tail.startswith(tuple(s.cues.locative_particle)))
        for m in s.merged)


def _local_suffix(cues) -> re.Pattern[str]:
    return re.compile(f"({'|'.join(sorted(cues.local_suffix, key=len, reverse=True))})$")


@entity_rule("localgov", REFINE, priority=1, examples=EXAMPLES)
def local_governments(s: Sentence) -> list[Candidate]:
    """Retypes the lexicon's places in `s.merged` that act; adds the government in a
    word Kiwi read whole (홍준표 대구시장은: 대구시장 one noun, no place found in it)."""
    text, words, cues = s.text, s.words, s.cues
    local = cues.built(_local_suffix)
    heads = cues.mapping("local_head")
    added = _offices(s, heads)
    for c in s.merged:
        if c.type != "Place" or c.rule != "lexicon":
            continue
        w = next((x for x in words if x.start <= c.start < x.end), None)
        if w is None:
            continue
        surface = text[c.start:c.end]
        rest = strip_name(w.stem)[c.end - w.start:]
        if rest in heads:  # 부산시장, 부산시청; 부산 + 시장 too (but 대구 + 시장: 대구시)
            longer = next((f for f in (surface + heads[rest], surface + "도", surface + "시")
                           if s.lex.type_of(f) == "Organization"), surface + heads[rest])
            if s.lex.type_of(longer) != "Organization" and local.search(surface):
                longer = surface
            name = longer
            end = c.end + (len(heads[rest]) if longer == surface + heads[rest] else 0)
        elif not rest and local.search(surface) and w.tail_tag in ("JKS", "JX"):
            name, end = surface, c.end
        else:
            continue
        known = s.lex.names.get(name)
        if rest and (known is None or known.type != "Organization") and rest in ("구", "군"):
            # 성남 분당구: a district with no government of its own stays a place
            c.end, c.canonical = end, name
            continue
        canonical = known.canonical if known and known.type == "Organization" else name
        c.type, c.canonical, c.end, c.rule = "Organization", canonical, end, "localgov"
    return added


def _offices(s: Sentence, heads: dict[str, str]) -> list[Candidate]:
    """대구시장, 경기도지사, 해남군수 as one word with nothing found in it: the local
    government whose office it is."""
    out = []
    offices = sorted((h for h in heads if len(h) >= 2), key=len, reverse=True)
    any_office = tuple(offices)  # (most words end in none: one test in C first)
    for w in s.words:
        stem = strip_name(w.stem)
        if not stem.endswith(any_office):
            continue
        if any(m.start < w.stem_end and w.start < m.end for m in s.merged):
            continue
        head = next((h for h in offices if stem.endswith(h) and len(stem) > len(h)), None)
        if head is None:
            continue
        name = stem[:-len(head)] + heads[head]
        known = s.lex.names.get(name)
        if known is None or known.type != "Organization" or \
                s.lex.group_of(name) != LOCAL_GOVERNMENTS:
            continue
        out.append(Candidate(w.name_start, w.name_start + len(name), "Organization", "localgov",
                             canonical=known.canonical))
    return out


COMMITTEE_EXAMPLES = [
    ("고진 디지털플랫폼정부위원장이 참석했다.", {("Organization", "디지털플랫폼정부위원회")}),
    ("국가인공지능위원장은 말했다.", {("Organization", "국가인공지능전략위원회")}),
    ("위원장은 말했다.", set()),
    ("송기철 한국지능정보사회진흥원장(가운데)이 서명했다.", {("Organization", "한국지능정보사회진흥원")}),
    ("백승훈 조달청장은 말했다.", {("Organization", "조달청")}),
    ("원장은 말했다.", set()),
]


@entity_rule("lexicon.office", REFINE, priority=2, examples=COMMITTEE_EXAMPLES)
def committee_chairs(s: Sentence) -> list[Candidate]:
    """디지털플랫폼정부위원장, 조달청장: the head of a body the lexicon knows (…위원회,
    …청), written as one word; what the lexicon found inside it (디지털플랫폼정부) is part
    of the office."""
    out = []
    chairs = s.cues.mapping("chair_head")
    longest_first = sorted(chairs, key=len, reverse=True)
    any_head = tuple(longest_first)  # (most words end in none: one test in C first)
    for w in s.words:
        stem = strip_name(split_alias(strip_name(w.stem))[0])  # (…진흥원장(가운데): a caption)
        if not stem.endswith(any_head):
            continue
        head = next((h for h in longest_first
                     if stem.endswith(h) and len(stem) > len(h)), None)
        if head is None:
            continue
        written = stem[:-len(head)] + chairs[head]
        known = s.lex.names.get(written)
        if known is None or known.type != "Organization":
            continue
        end = w.name_start + len(stem) - len(head)  # (위원장 stays the person's title)
        s.merged[:] = [c for c in s.merged if not (w.start <= c.start and c.end <= w.stem_end)]
        # (the body's name as written is one of its names: 한국인공지능소프트웨어산업협회장)
        out.append(Candidate(w.name_start, end, "Organization", "lexicon.office",
                             canonical=known.canonical,
                             aliases=[written] if written != known.canonical else []))
    return out


SHARED_EXAMPLES = [
    ("교육청은 대구·인천·광주교육청 등 13곳이다.",
     {("Organization", "대구광역시교육청"), ("Organization", "인천광역시교육청")}),
    ("대전·부산교육청은 아직 결정하지 못했다.", {("Organization", "대전광역시교육청")}),
    ("대구·인천 지역이 선정됐다.", set()),
]


@entity_rule("shared-suffix", REFINE, priority=2, examples=SHARED_EXAMPLES)
def shared_suffix(s: Sentence) -> list[Candidate]:
    """대구·인천·광주교육청: the last member's ending (교육청, 시, 도) is every member's, so
    대구 and 인천 are their offices of education, not places. (The last member is the
    lexicon's.) Retypes places in `s.merged`; adds what it finds nowhere else."""
    lex, out = s.lex, []
    for w in s.words:
        parts = strip_name(w.stem).split("·")
        if len(parts) < 2 or lex.type_of(parts[-1]) != "Organization":
            continue
        ending = next((parts[-1][n:] for n in range(2, len(parts[-1]) - 1)
                       if lex.type_of(parts[-1][:n]) == "Place"), None)
        if ending is None:
            continue
        pos = w.start + len(w.text) - len(w.text.lstrip())
        for part in parts[:-1]:
            at = w.text.find(part, pos - w.start) + w.start
            name = lex.names.get(part + ending)
            pos = at + len(part) + 1
            if name is None or name.type != "Organization" or lex.type_of(part) != "Place":
                continue
            for c in [c for c in s.merged if c.start == at and c.end == at + len(part)]:
                s.merged.remove(c)  # (대구 was read as the place)
            out.append(Candidate(at, at + len(part), "Organization", "shared-suffix",
                                 canonical=name.canonical))
    return out
