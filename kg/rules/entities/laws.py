"""Laws by name (ANNOTATION.md, "Typing": laws and ordinances are Initiatives): one
word ending in 법 or 조례 after a noun of its own (건축법, 공공기관운영법, 전자정부법),
not a common word that ends the same way (방법, 기법, 불법) or a kind of law (특별법);
a short one (건축법) only where a law is spoken of (기준, 개정, 에 따라), not a method
(접근법)."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

EXAMPLES = [
    ("설계도서가 건축법 기준을 충족하는지 검토한다.", {("Initiative", "건축법")}),
    ("기관장 선임은 공공기관운영법에 따른다.", {("Initiative", "공공기관운영법")}),
    ("새로운 방법과 기법을 찾았다.", set()),
    ("단계적 접근법이 필요하다.", set()),
    ("국회는 특별법 제정을 논의했다.", set()),
    ("2015년 소프트웨어산업진흥법상 의무가 생겼다.", {("Initiative", "소프트웨어산업진흥법")}),
    ("이는 데이터산업진흥법상 허용된다.", {("Initiative", "데이터산업진흥법")}),
    ("세법상 공제 방법이 바뀌었다.", set()),
]


@entity_rule("law", SENTENCE, examples=EXAMPLES)
def laws(s: Sentence) -> list[Candidate]:
    cues, out, text = s.cues, [], s.sent.text
    for w in s.words:
        stem = strip_name(w.stem)
        glued = stem.endswith("법상")
        if glued:
            stem = stem[:-1]  # 데이터산업진흥법상: under the law (Kiwi may keep 상 in the noun)
        if not stem.endswith(cues.words("law_suffix")):
            continue  # (most words: the search below, in Python, finds nothing)
        suffix = next((x for x in cues.law_suffix if stem.endswith(x)), None)
        if suffix is None:
            continue
        after = text[w.name_start + len(stem) - s.sent.start_char:][:12]
        if len(stem) <= 3 and not re.match(rf"\s*({cues.pattern('law_context').pattern})", after):
            continue  # 건축법 기준 is a law; 접근법 is a way of doing things
        if not re.fullmatch(r"[가-힣]{2,}", stem[: -len(suffix)]) \
                or any(stem.endswith(x) for x in cues.law_not) \
                or s.lex.type_of(stem) not in (None, "Initiative" if glued else None):
            continue  # (a law the lexicon knows, glued to 상, is one its ruler, which
            # matches whole words, does not see: 소프트웨어진흥법상)
        out.append(Candidate(w.name_start, w.name_start + len(stem), "Initiative", "law"))
    return out
