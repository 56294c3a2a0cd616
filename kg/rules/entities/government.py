"""The bare 정부 of Korean news, as a subject or possessor, is the national government."""
from __future__ import annotations

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
]


@entity_rule("government", SENTENCE, examples=EXAMPLES)
def bare_government(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    out = []
    for k, w in enumerate(words):
        if w.stem not in cues.government or w.tail_tag not in _ROLES:
            continue
        prev = strip_name(words[k - 1].text) if k else ""
        if k and (prev in cues.government_not_after
                  or (words[k - 1].noun_only and prev not in cues.trim)):
            continue
        out.append(Candidate(w.start, w.stem_end, "Organization", "government",
                             canonical=NATIONAL_GOVERNMENT))
    return out
