"""Names inside longer names: 권칠승 더불어민주당 의원실 also mentions 더불어민주당;
대만 재정부 and 서울 AI 안전성 정상회의 mention a place."""
from __future__ import annotations

import re
from dataclasses import replace

from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence
from kg.rules.entities.government import NATIONAL_GOVERNMENT

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
            if b < k.end and s.text[b] == " " and name is not None and name.type == "Place":
                out.append(Candidate(a, b, "Place", "lexicon.nested-place",
                                     canonical=name.canonical))
    return out
