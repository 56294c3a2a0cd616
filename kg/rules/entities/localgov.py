"""부산시는 … 추진한다: a city acting (a subject, or its 시장/시청) is its government, an
organisation; the same city elsewhere stays a place."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


EXAMPLES = [
    ("대구시는 오는 9월 AI 박람회를 연다.", {("Organization", "대구시")}),
    ("창원시장은 투자 협약을 체결했다.", {("Organization", "창원시")}),
    ("서울에서 열린 행사에 대구시 관계자가 왔다.", set()),
]


@entity_rule("localgov", REFINE, priority=1, examples=EXAMPLES)
def local_governments(s: Sentence) -> list[Candidate]:
    """Retypes the lexicon's places in `s.merged` that act; adds nothing."""
    text, words, cues = s.text, s.words, s.cues
    local = re.compile(f"({'|'.join(sorted(cues.local_suffix, key=len, reverse=True))})$")
    heads = cues.mapping("local_head")
    for c in s.merged:
        if c.type != "Place" or c.rule != "lexicon":
            continue
        w = next((x for x in words if x.start <= c.start < x.end), None)
        if w is None:
            continue
        surface = text[c.start:c.end]
        rest = strip_name(w.stem)[c.end - w.start:]
        if rest in heads:  # 부산시장, 부산시청; 부산 + 시장 too
            name = surface if local.search(surface) else surface + heads[rest]
            end = c.end if local.search(surface) else c.end + len(heads[rest])
        elif not rest and local.search(surface) and w.tail_tag in ("JKS", "JX"):
            name, end = surface, c.end
        else:
            continue
        c.type, c.canonical, c.end, c.rule = "Organization", name, end, "localgov"
    return []
