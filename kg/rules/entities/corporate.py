"""㈜세움아이티, 누리모빌리티㈜, (주)도담시스템, 주식회사 한빛: a company by its legal form."""
from __future__ import annotations

import re

from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

_FORM = r"(?:㈜|\(주\)|주식회사\s?)"
_PARTICLE = r"(?:은|는|이|가|을|를|와|과|의|에|에서|에게|도|로|으로|와의|과의|와는|과는|측)?"
_NAME = r"[가-힣A-Za-z][가-힣A-Za-z0-9&.\-]{1,19}?"
# the name after the form ends where a particle and a break follow
_AFTER = re.compile(rf"(?<![가-힣A-Za-z0-9]){_FORM}({_NAME}){_PARTICLE}(?=[\s,·)\]’'”\"/]|$)")
_BEFORE = re.compile(rf"(?<![가-힣A-Za-z0-9])({_NAME})(?:㈜|\(주\))")

EXAMPLES = [
    ("참여기업으로 누리모빌리티㈜와 ㈜세움아이티, 청람데이터 등 3곳을 확정했다.",
     {("Organization", "누리모빌리티"), ("Organization", "세움아이티")}),
    ("평가를 통과한 ㈜도담시스템은 고배를 마셨다.", {("Organization", "도담시스템")}),
    ("(주)한빛정보가 수주했다.", {("Organization", "한빛정보")}),
    ("주식회사 누리랩은 서울에 있다.", {("Organization", "누리랩")}),
    ("주가는 3% 올랐다.", set()),
]


@entity_rule("corporate", SENTENCE, priority=3, examples=EXAMPLES)
def legal_forms(s: Sentence) -> list[Candidate]:
    text, start = s.sent.text, s.sent.start_char
    out = []
    for m in _AFTER.finditer(text):
        out.append(Candidate(start + m.start(1), start + m.end(1), "Organization"))
    for m in _BEFORE.finditer(text):
        out.append(Candidate(start + m.start(1), start + m.end(1), "Organization"))
    return out
