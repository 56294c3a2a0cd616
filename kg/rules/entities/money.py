"""Sums of money stated as investments: an amount (kg.money) in a clause that
says investing, budgeting or funding, and none that says revenue or prices."""
from __future__ import annotations

import re

from kg.lexicon import Cues
from kg.money import find_money
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

PRIORITY = 4  # a sum is never part of another name


EXAMPLES = [
    ("정부는 데이터 산업 육성에 1200억원을 투입한다.", {("Investment", "1200억원")}),
    ("회사는 미국에 20억 달러를 투자하기로 했다.", {("Investment", "20억 달러")}),
    ("이 회사의 매출은 300억원을 기록했다.", set()),
    ("국내 AI 시장은 2030년 8조원 규모로 성장할 전망이다.", set()),
]


@entity_rule("money", SENTENCE, examples=EXAMPLES)
def investments(s: Sentence) -> list[Candidate]:
    cues, text = s.cues, s.sent.text
    out = []
    for a, b, money in find_money(text):
        clause = _clause(text, a, b)
        if any(cue in clause for cue in cues.not_investment_cue):
            continue
        if not any(cue in clause for cue in cues.investment_cue):
            continue
        out.append(Candidate(s.sent.start_char + a, s.sent.start_char + b, "Investment", "money",
                             priority=PRIORITY, money=money, phrase=_phrase(text, a, b, cues)))
    return out


def _clause(text: str, s: int, e: int) -> str:
    left = max(text.rfind(",", 0, s), text.rfind("며", 0, s), text.rfind("고 ", 0, s))
    right_candidates = [i for i in (text.find(",", e), text.find("며", e)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[max(left, s - 40, 0): min(right, e + 40)]


def _phrase(text: str, s: int, e: int, cues: Cues) -> str:
    """The sum and what it is for, as written: 1억 달러 규모의 생성형 AI 혁신 센터."""
    heads, verbs = cues.pattern("investment_head").pattern, cues.pattern("investment_verb").pattern
    m = re.match(rf"\s*(을|를|이|가|의|은|는|에|도)?\s*(규모의?\s*[^,.]{{0,25}}?({heads})"
                 rf"|[^,.]{{0,20}}?({verbs})[가-힣]*)", text[e:])
    return (text[s:e] + (m.group(0) if m else "")).strip()
