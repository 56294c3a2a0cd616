"""㈜세움아이티, 누리모빌리티㈜, (주)도담시스템, 주식회사 한빛: a company by its legal form;
해솔AI(포항), 다온시스템(대전): a body by its seat in parentheses."""
from __future__ import annotations

import re

from kg.morphology import BULLETS
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

_PARTICLE = r"(?:은|는|이|가|을|를|와|과|의|에|에서|에게|도|로|으로|와의|과의|와는|과는|측)?"
_NAME = r"[가-힣A-Za-z][가-힣A-Za-z0-9&.\-]{1,19}?"


def _patterns(cues) -> tuple[re.Pattern[str], ...]:
    """The name after a legal form (ending where a particle and a break follow), the
    name before a short one (㈜, (주); 주식회사 comes first), and a firm named with its
    kind in front (법무법인 지평: the kind is part of the name)."""
    forms = sorted(cues.legal_form, key=len, reverse=True)
    before = "|".join(re.escape(f) for f in forms if len(f) <= 3)
    after = "|".join(re.escape(f) + (r"\s?" if len(f) > 3 else "") for f in forms)
    kinds = "|".join(map(re.escape, sorted(cues.named_legal_form, key=len, reverse=True)))
    # (㈜모레(Moreh): the English name in parentheses after it is an alias)
    return (re.compile(rf"(?<![가-힣A-Za-z0-9])(?:{after})({_NAME}){_PARTICLE}"
                       rf"(?=[\s,·)\]’'”\"/]|\([A-Za-z]|$)"),
            re.compile(rf"(?<![가-힣A-Za-z0-9])({_NAME})(?:{before})"),
            re.compile(rf"(?<![가-힣A-Za-z0-9])((?:{kinds})(?:\(유한\))?\s(?P<bare>{_NAME}))"
                       rf"{_PARTICLE}(?=[\s,·)\]’'”\"/]|$)"))

EXAMPLES = [
    ("참여기업으로 누리모빌리티㈜와 ㈜세움아이티, 청람데이터 등 3곳을 확정했다.",
     {("Organization", "누리모빌리티"), ("Organization", "세움아이티")}),
    ("평가를 통과한 ㈜도담시스템은 고배를 마셨다.", {("Organization", "도담시스템")}),
    ("(주)한빛정보가 수주했다.", {("Organization", "한빛정보")}),
    ("주식회사 누리랩은 서울에 있다.", {("Organization", "누리랩")}),
    ("주가는 3% 올랐다.", set()),
    ("토론자로 신용우 법무법인 지평 변호사가 나섰다.", {("Organization", "법무법인 지평")}),
    ("자문은 회계법인 한빛이 맡았다.", {("Organization", "회계법인 한빛")}),
    ("협회는 사단법인으로 전환했다.", set()),
    # (유한회사, 재단법인 and 사단법인 written short; an English name after it)
    ("도는 ㈜가람칩스(Garam Chips), (유)한빛설비와 각각 협약을 맺었다. 운영은 (재)누리진흥원이 맡는다.",
     {("Organization", "가람칩스"), ("Organization", "한빛설비"), ("Organization", "누리진흥원")}),
]


@entity_rule("corporate", SENTENCE, priority=3, examples=EXAMPLES)
def legal_forms(s: Sentence) -> list[Candidate]:
    text, start = s.sent.text, s.sent.start_char
    out = []
    for pattern in s.cues.built(_patterns):
        for m in pattern.finditer(text):
            # (사단법인 AI휴먼소사이어티 is also written without its kind)
            bare = [m.group("bare")] if "bare" in pattern.groupindex else []
            out.append(Candidate(start + m.start(1), start + m.end(1), "Organization",
                                 aliases=bare))
    return out


SEATED_EXAMPLES = [
    ("선정 기업과 과제는 ▲해솔AI(포항)-해안 쓰레기 탐지 ▲늘봄데이터(구미)-위기 감지이다.",
     {("Organization", "해솔AI"), ("Organization", "늘봄데이터")}),
    ("참여 기업은 다온시스템(대전)과 가람랩스(광주)다.",
     {("Organization", "다온시스템"), ("Organization", "가람랩스")}),
    ("사업은 △돌봄 실증(포항) △교통 분석(구미)으로 나뉜다.", set()),
    ("김하늘(56) 원장이 취임했다.", set()),
]


@entity_rule("seated", SENTENCE, priority=2, examples=SEATED_EXAMPLES)
def seated(s: Sentence) -> list[Candidate]:
    """A new name followed by a known place in parentheses (its seat): a body. (A
    programme's line, 돌봄 실증(포항), ends in a word of work; a person's parenthesis
    holds an age.)"""
    text, start, cues, lex = s.sent.text, s.sent.start_char, s.cues, s.lex
    out = []
    for m in re.finditer(r"(?:^|(?<=[\s▲△•·,]))([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})"
                         r"\(([가-힣]{1,6})\)", text):
        name, place = m.group(1), m.group(2)
        if lex.type_of(place) != "Place" or lex.names.get(name) is not None or \
                name in cues.generic or any(cues.ends_with(name, kind) for kind in (
                    "program_action", "program_cue", "scheme_word", "event_cue",
                    "initiative_cue", "title")):
            continue
        at = start + m.start(1)
        k = next((k for k, w in enumerate(s.words) if w.start <= at < w.end), None)
        if k is not None and (s.words[k].start < at or k > 0 and s.words[k - 1].noun_only
                              and s.words[k - 1].text not in BULLETS):
            continue  # (교통 분석(구미): the last word of a longer phrase)
        out.append(Candidate(at, start + m.end(1), "Organization", "seated"))
    return out
