"""세계 3대 AI 강국, 세계 1위 AI 정부: a world ranking names a national ambition."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


EXAMPLES = [
    ("정부는 세계 1위 디지털 정부 실현을 내걸었다.", {("Initiative", "세계 1위 디지털 정부")}),
    ("우리는 세계 5대 바이오 강국을 꿈꾼다.", {("Initiative", "세계 5대 바이오 강국")}),
    ("세계 곳곳에서 관심이 높다.", set()),
]


def _ranked(cues) -> re.Pattern[str]:
    ranks = "|".join(map(re.escape, sorted(cues.rank)))
    return re.compile(rf"\d+({ranks})")


@entity_rule("rank", SENTENCE, examples=EXAMPLES)
def world_rank(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    out = []
    for k, w in enumerate(words[:-1]):
        if strip_name(w.stem) in cues.world and cues.built(_ranked).fullmatch(words[k + 1].stem):
            j = k + 1
            while j + 1 < len(words) and words[j].noun_only and j < k + 5:
                j += 1
            while j > k + 1 and strip_name(words[j].stem) in cues.action:
                j -= 1  # 세계 1위 AI 정부 실현: 실현 is what is done to it
            if j > k + 1:
                out.append(Candidate(w.start, words[j].stem_end, "Initiative", "rank"))
    return out
