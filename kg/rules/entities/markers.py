"""한국형 초거대 AI 모델, 범정부 AI 공통 인프라: national programmes by their prefix."""
from __future__ import annotations

from kg.morphology import strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


@entity_rule("marker", SENTENCE)
def national_prefix(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    prefixes = tuple(sorted(cues.national_prefix))
    out = []
    for k, w in enumerate(words):
        if not w.noun_only or not strip_name(w.stem).startswith(prefixes):
            continue
        j = k
        while j + 1 < len(words) and words[j].noun_only and j < k + 6:
            j += 1
        while j > k and strip_name(words[j].stem) in cues.action:
            j -= 1  # 한국형 … AI 구축을: 구축 is what is done to it
        if j > k:
            out.append(Candidate(w.start, words[j].stem_end, "Initiative", "marker"))
    return out
