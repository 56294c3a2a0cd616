"""Names inside longer names: 권칠승 더불어민주당 의원실 also mentions 더불어민주당;
대만 재정부 and 서울 AI 안전성 정상회의 mention a place."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.morphology import strip_name
from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence
from kg.rules.entities.government import NATIONAL_GOVERNMENT
from kg.rules.entities.suffixes import distinctive

NATIONAL = (NATIONAL_GOVERNMENT,)


EXAMPLES_ORGANIZATION = [
    ("김철수 더불어민주당 의원실이 자료를 공개했다.", {("Organization", "더불어민주당")}),
    ("박영희 국민의힘 의원실은 반박했다.", {("Organization", "국민의힘")}),
    ("전남대 산학협력단은 데이터를 가공한다.", set()),
    ("더불어민주당은 논평을 냈다.", set()),
    ("얼라이언스에는 삼성SDS·LG CNS·한국지능정보사회진흥원(NIA) 등 20여 개 기관이 참여한다.",
     {("Organization", "삼성SDS"), ("Organization", "LG CNS"),
      ("Organization", "한국지능정보사회진흥원")}),
]


@entity_rule("lexicon.nested-organization", REFINE, priority=3, examples=EXAMPLES_ORGANIZATION)
def nested_organizations(s: Sentence) -> list[Candidate]:
    """A known organisation inside a longer name (not at its end) is a mention of its own.
    A 'name' that is a list of known ones (삼성SDS·LG CNS·한국지능정보사회진흥원) is no
    name: its members are the mentions."""
    kept = s.merged
    lists = [k for k in kept if k.type == "Organization" and not k.rule.startswith("lexicon")
             and "·" in s.text[k.start:k.end]
             and sum(r.type == "Organization" and k.start <= r.start and r.end <= k.end
                     for r in s.ruler) >= 2]
    for k in lists:
        kept.remove(k)
    # (not the university of 전남대 산학협력단: the unit stands for its own work)
    return [replace(r, rule="lexicon.nested-organization") for r in s.ruler
            if r.type == "Organization" and r not in kept
            and (any(k.start <= r.start and r.end < k.end and not k.rule.startswith("lexicon")
                     and k.type == "Organization" and not s.cues.ends_with(
                         s.text[k.start:k.end], "headed_unit") for k in kept)
                 or any(k.start <= r.start and r.end <= k.end for k in lists))]


EXAMPLES_PLACE = [
    ("부산 AI 기술 박람회가 열린다.", {("Place", "부산")}),
    ("대만 디지털발전부가 발표했다.", {("Place", "대만")}),
    ("부산에서 박람회가 열린다.", set()),
    ("한국 지능정보사회진흥원이 발표했다.", set()),
    ("제1회 대한민국 AI 클러스터 포럼이 열린다.", set()),
]


@entity_rule("lexicon.nested-place", REFINE, priority=3, examples=EXAMPLES_PLACE)
def nested_places(s: Sentence) -> list[Candidate]:
    """A place written inside a name, as a word of its own before the name's last word,
    is mentioned too (it locates the thing): 영국 국가보건서비스, 서울 AI 안전성 정상회의."""
    out = []
    for k in s.merged:
        if k.type not in ("Organization", "Event") or k.canonical in NATIONAL:
            continue
        if k.canonical and " " not in k.canonical:
            continue  # 한국 지능정보사회진흥원: a stray space inside one known name
        for m in re.finditer(r"[^\s'‘’\"“”]+", s.text[k.start:k.end]):
            a, b = k.start + m.start(), k.start + m.end()
            name = s.lex.names.get(m.group())
            if b < k.end and s.text[b] == " " and name is not None and name.type == "Place" \
                    and not (k.type == "Event" and name.group == "world"):
                # (2025 대한민국 공공 AI 엑스포: a country in an event's name says whose it is)
                out.append(Candidate(a, b, "Place", "lexicon.nested-place",
                                     canonical=name.canonical))
    return out


EXAMPLES_PROGRAM = [
    ("한국통신사업자연합회는 ‘2025년 KIF투자조합 출자사업 설명회’를 개최했다.",
     {("Program", "2025년 KIF투자조합 출자사업")}),
    ("과기정통부는 '의료AI 혁신 생태계 조성(닥터앤서3.0)' 사업단 출범식을 열었다.",
     {("Program", "의료AI 혁신 생태계 조성")}),
    ("행안부는 ‘2026 스마트 행정 전환 프로젝트 착수보고회’를 열었다.",
     {("Program", "2026 스마트 행정 전환 프로젝트")}),
    ("조달청은 2027 공공 AI 사업 합동설명회를 연다.", set()),  # (a kind of work, no name)
    ("시는 ‘AI 혁신 포럼’을 열었다.", set()),
    ("협회는 '공공 AI 사업 설명회'를 열었다.", set()),
]


@entity_rule("program-in-event", REFINE, priority=3, examples=EXAMPLES_PROGRAM)
def programs_in_events(s: Sentence) -> list[Candidate]:
    """An event named after the programme it is about names the programme too: ‘2025년
    KIF투자조합 출자사업 설명회’ (the programme up to its cue word), ‘의료AI 혁신 생태계
    조성(닥터앤서3.0)’ 사업단 출범식 (the quoted name before 사업단)."""
    cues, words, out = s.cues, s.words, []
    for e in s.merged:
        if e.type != "Event":
            continue
        inside = [k for k, w in enumerate(words) if e.start <= w.start and w.stem_end <= e.end]
        if len(inside) < 2:
            continue
        i, last = inside[0], inside[-1]
        head = last - 1  # the word before the event's own word
        stem = strip_name(words[head].stem)
        start = words[i].start + (1 if words[i].stem[:1] in "‘'「『" else 0)
        if stem in cues.programme_unit and head > i and re.search(r"[’'」』]$",
                                                                  words[head - 1].stem):
            end = words[head - 1].stem_end - 1  # (before the closing quote)
        else:
            cue = cues.ends_with(stem, "program_cue")
            if cue not in cues.event_program_cue or \
                    not distinctive(words, i, head, cue, "Program", s.lex):
                continue
            end = words[head].stem_end
        if end - start >= 4 and not any(c.start == start and c.end == end for c in s.merged):
            # (the name without its gloss or edition in parentheses, as it is written
            # elsewhere: 의료AI 혁신 생태계 조성(닥터앤서3.0) is 의료AI 혁신 생태계 조성)
            bare = re.sub(r"\s*\([^()]*\)$", "", s.text[start:end])
            out.append(Candidate(start, end, "Program", "program-in-event",
                                 canonical=bare if bare != s.text[start:end] else None))
    return out
