"""한국형 초거대 AI 모델, 범정부 AI 공통 인프라: national programmes by their prefix."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


EXAMPLES = [
    ("범정부 데이터 통합 플랫폼이 가동된다.", {("Initiative", "범정부 데이터 통합 플랫폼")}),
    ("과기정통부는 한국형 AI 반도체 생태계 구축을 추진한다.",
     {("Initiative", "한국형 AI 반도체 생태계")}),
    ("한국형 방식이 눈길을 끈다.", set()),
    ("범정부 AI 공통기반 고도화 | 국가정보자원관리원 | 1,186", {("Initiative", "범정부 AI 공통기반 고도화")}),
    ("K-water taps Anthropic's Claude on AWS for flood response.", set()),
    ("시는 'K-디지털 그랜드 컨소시엄'을 선정했다.", set()),
    # (a region's own model of one, and a programme by its last word)
    ("시는 서울형 AI 혁신 모델 구축을 추진한다.", {("Initiative", "서울형 AI 혁신 모델")}),
    ("도는 전북형 AI 영농비서 시범사업을 시작한다.", {("Program", "전북형 AI 영농비서 시범사업")}),
]


@entity_rule("marker", SENTENCE, examples=EXAMPLES)
def national_prefix(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    prefixes = tuple(sorted(cues.national_prefix))
    out = []
    for k, w in enumerate(words):
        if not w.noun_only or not strip_name(w.stem).startswith(prefixes) or \
                s.lex.type_of(strip_name(w.stem)) is not None:
            continue  # (K-water is a name of its own)
        j = k
        while j + 1 < len(words) and words[j].noun_only and j < k + 6 and \
                "|" not in words[j + 1].text:  # (a table's cell ends the name)
            j += 1
        while j > k and strip_name(words[j].stem) in cues.action:
            j -= 1  # 한국형 … AI 구축을: 구축 is what is done to it
        # 한국형 모델 is a kind of model; a name needs more than one word after its prefix
        name = s.text[w.start:words[j].stem_end]
        if not re.search("[가-힣]", name):
            continue  # K-water taps Anthropic's Claude: English, no Korean programme
        if strip_name(words[j].stem) in cues.consortium:
            continue  # (‘K-허브 그랜드 컨소시엄’: bodies bidding together, kg.rules.entities.unknown)
        if j - k >= 2 or (j > k and strip_name(w.stem) not in cues.national_prefix):
            # (전북형 AI 영농비서 시범사업: a programme by its last word)
            etype = "Program" if cues.ends_with(strip_name(words[j].stem), "program_cue") \
                else "Initiative"
            out.append(Candidate(w.start, words[j].stem_end, etype, "marker"))
    return out
