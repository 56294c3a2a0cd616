"""Names a rule found once are found again elsewhere in the document (코딧 … 코딧이),
and people again by their full name or foreign surname (크라츠 부사장)."""
from __future__ import annotations

import re

from kg.morphology import split_alias, strip_name
from kg.rules import DOCUMENT, Candidate, entity_rule
from kg.rules.entities.base import Document

_NOT_REPEATED = ("lexicon", "money", "government")  # found wherever they are anyway


EXAMPLES = [
    ("시는 '스마트 돌봄 플러스'를 시작했다. 스마트 돌봄 플러스는 노인이 대상이다.",
     {("Initiative", "스마트 돌봄 플러스")}),
    ("김도현 과기정통부 장관은 말했다. 김도현은 이어 설명했다.", {("Person", "김도현")}),
    ("과기정통부는 발표했다. 과기정통부는 이어 설명했다.", set()),
]


@entity_rule("repeat", DOCUMENT, priority=1, examples=EXAMPLES)
def repeated_names(d: Document) -> list[Candidate]:
    text, cands = d.text, d.found
    names: dict[str, Candidate] = {}
    for c in cands:
        if c.rule.split(".")[0] in _NOT_REPEATED:
            continue
        surface = strip_name(split_alias(text[c.start:c.end])[0])
        if c.type == "Person":
            for a in [c.canonical or surface] + [x for x in c.aliases if re.fullmatch(
                    r"[가-힣]{2,}", x)]:
                names.setdefault(a, c)
        elif len(surface) >= 2:
            names.setdefault(surface, c)
    taken = [(c.start, c.end) for c in cands]
    out = []
    for name in sorted(names, key=len, reverse=True):
        src = names[name]
        for m in re.finditer(re.escape(name), text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if s > 0 and re.match(r"[가-힣A-Za-z0-9]", text[s - 1]):
                continue  # inside a longer word
            if e < len(text) and re.match(r"[A-Za-z0-9]", text[e]):
                continue
            out.append(Candidate(s, e, src.type, "repeat", canonical=src.canonical))
            taken.append((s, e))
    return out
