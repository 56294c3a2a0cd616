"""The bare 정부 of Korean news, as a subject or possessor, is the national government."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

NATIONAL_GOVERNMENT = "대한민국 정부"
_ROLES = ("JKS", "JX", "JKG", "JKB", "JC")  # subject, topic, possessor, adverbial, conjunction


EXAMPLES = [
    ("정부는 데이터 산업 육성에 나선다.", {("Organization", "대한민국 정부")}),
    ("정부의 AI 예산이 늘었다.", {("Organization", "대한민국 정부")}),
    ("모든 정부가 데이터를 원한다.", set()),
    ("지방 정부는 예산이 부족하다.", set()),
    ("정부 출자금 1000억원에 민간 자금을 더한다.", {("Organization", "대한민국 정부")}),
    ("시는 정부예산으로 100억 원을 확보했다.", {("Organization", "대한민국 정부")}),
    ("시는 AI 분야 정부예산으로 100억 원을 확보했다.", {("Organization", "대한민국 정부")}),
    ("미국 정부 예산이 줄었다.", set()),
    ("정부청사에서 열렸다.", set()),
    ("윤석열 정부는 디지털플랫폼정부를 내세웠다.", {("Organization", "대한민국 정부")}),
    ("이재명 정부의 AI 예산은 10조 원이다.", {("Organization", "대한민국 정부")}),
]


@entity_rule("government", SENTENCE, examples=EXAMPLES)
def bare_government(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    out = []
    for k, w in enumerate(words):
        if not w.stem.startswith(cues.words("government")):
            continue  # (most words: the search below, in Python, finds nothing)
        gov = next((g for g in cues.government if w.stem.startswith(g)), None)
        if gov is None:
            continue
        nxt = strip_name(words[k + 1].stem) if k + 1 < len(words) and w.noun_only else ""
        money = w.stem[len(gov):] in cues.government_money or any(
            nxt.startswith(m) for m in cues.government_money)
        if not (w.stem == gov and w.tail_tag in _ROLES or money):
            continue
        prev = strip_name(words[k - 1].text) if k else ""
        if prev in cues.government_president and w.stem == gov:
            # 이재명 정부는: the administration, named with its president
            out.append(Candidate(words[k - 1].start, w.start + len(gov), "Organization",
                                 "government", canonical=NATIONAL_GOVERNMENT))
            continue
        # 각국 정부, 미국 정부, 지방 정부: not Korea's; a noun before a bare 정부 mostly
        # makes another body (AI 분야 정부예산 is still the government's money)
        if k and (prev in cues.government_not_after or s.lex.type_of(prev) == "Place"
                  or (words[k - 1].noun_only and prev not in cues.trim and not money)):
            continue
        out.append(Candidate(w.start, w.start + len(gov), "Organization", "government",
                             canonical=NATIONAL_GOVERNMENT))
    return out


EXAMPLES_FUNDS = [
    ("시는 국비 488억 원에 시비 212억 원을 보탠다.", {("Organization", "대한민국 정부")}),
    ("국비로 30억 원을 확보했다.", {("Organization", "대한민국 정부")}),
    ("국비 지원을 받아 추진한다.", set()),
    ("복지부는 국비 18억 원을 지원한다.", set()),
    ("사업에는 총 300억원(국비 200억원, 시비 100억원)이 투입된다.",
     {("Organization", "대한민국 정부")}),
    ("사업비 30억원 가운데 16억원은 국비, 14억원은 시비다.", {("Organization", "대한민국 정부")}),
    ("사업비 30억원 중 국비가 16억원이다.", {("Organization", "대한민국 정부")}),
    ("국비는 지원 대상이 아니다.", set()),
]


@entity_rule("anaphor-funds", SENTENCE, examples=EXAMPLES_FUNDS)
def national_funds(s: Sentence) -> list[Candidate]:
    """국비 488억 원: national funds are the national government's money, and it is their
    payer unless a ministry is named with them (ANNOTATION.md, "Investors"). The word
    stands for the government; it is no name of it (kg.mentions keeps the canonical)."""
    words, cues = s.words, s.cues
    out = []
    # 300억원(국비 200억원, 시비 100억원): a breakdown in brackets, one word with the total
    ministry = any(s.lex.group_of(c.canonical or s.text[c.start:c.end])
                   == "central-government" for c in s.ruler)
    for m in cues.regex(r"[(（]\s*({national_funds})\s*(?=\d)").finditer(s.sent.text):
        if not ministry:
            at = s.sent.start_char + m.start(1)
            out.append(Candidate(at, at + len(m.group(1)), "Organization", "anaphor-funds",
                                 canonical=NATIONAL_GOVERNMENT))
    for k, w in enumerate(words):
        if w.stem not in cues.national_funds:
            continue
        # (국비 16억원, 국비가 16억원; 16억원은 국비, 16억원은 국비다: the sum it names)
        before = w.tail in ("", "로", "으로", "가", "는") and k + 1 < len(words) and \
            re.match(r"\d", words[k + 1].stem)
        after = k > 0 and re.match(r"\d", words[k - 1].stem) and words[k - 1].tail in ("은", "는") \
            and w.tail.rstrip(",.") in ("", "다", "이다", "이며", "이고", "로", "으로")
        # 과기정통부 국비, 복지부는 국비 …: a ministry named with them pays
        if (before or after) and not ministry and not any(
                0 <= w.start - c.end <= 1 for c in s.ruler):
            out.append(Candidate(w.start, w.stem_end, "Organization", "anaphor-funds",
                                 canonical=NATIONAL_GOVERNMENT))
    return out
