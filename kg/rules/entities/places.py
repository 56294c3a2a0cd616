"""Places no lexicon knows, by shape: a neighbourhood or town written after a known place
(부산 영도구 동삼동, 평택시 포승읍), an industrial complex, innovation city or
special zone (성서산업단지, 빛가람혁신도시), and the short name of a province written
before a city (경기 안산시)."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

# compiled once: the rules below try them on every word
_PLACE_SHAPE = re.compile(r"[가-힣0-9]{2,12}")

EXAMPLES = [
    ("사업은 부산 영도구 동삼동 일대에서 시작한다.", {("Place", "동삼동")}),
    ("공장은 대구 성서산업단지에 들어선다.", {("Place", "성서산업단지")}),
    ("선정 지역은 경기 안산시와 충남 보령시다.", {("Place", "경기")}),
    ("산업단지 조성이 늦어지고 있다.", set()),
    ("음성군은 내년에는 감곡면과 맹동면으로 넓힌다.", {("Place", "감곡면"), ("Place", "맹동면")}),
    ("음성군은 전면 개편과 대면 상담을 늘린다.", set()),
    ("이시바 시게루 일본 총리는 방한했다.", set()),
]


@entity_rule("place-shape", REFINE, priority=7, examples=EXAMPLES)
def place_shapes(s: Sentence) -> list[Candidate]:
    words, cues, lex = s.words, s.cues, s.lex
    out: list[Candidate] = []
    taken = [(c.start, c.end) for c in s.merged]  # and those of `out`, added with them

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def place_at(k: int) -> bool:
        w = words[k]
        return any(c.start == w.start and c.end == w.stem_end and (
            c.type == "Place" or lex.group_of(s.text[c.start:c.end]) == "local-governments")
            for c in s.merged)

    # (음성군은 … 감곡면과 맹동면으로: towns of the county the sentence names)
    county = any(c.type == "Organization" and lex.group_of(c.canonical or s.text[c.start:c.end])
                 == "local-governments" for c in s.merged)
    for k, w in enumerate(words):
        stem = strip_name(w.stem)
        if not _PLACE_SHAPE.fullmatch(stem):
            continue
        unit = cues.ends_with(stem, "place_unit")
        zone = cues.ends_with(stem, "place_zone")
        # (most words are none of the shapes below: no need to look for overlaps)
        if not (unit or zone or stem in cues.region_short) or \
                not free(w.name_start, w.name_start + len(stem)) or stem in cues.title:
            continue  # (일본 총리: a title, though it ends as a village does)
        end = w.name_start + len(stem)
        if (unit and len(stem) > len(unit) and k > 0 and words[k - 1].noun_only
                and place_at(k - 1)) \
                or (unit in cues.town_unit and county and len(stem) > len(unit) + 1
                    and not w.common) \
                or (zone and len(stem) > len(zone) + 1 and stem not in cues.generic) \
                or (stem in cues.region_short and w.noun_only and k + 1 < len(words)
                    and place_at(k + 1)):
            out.append(Candidate(w.name_start, end, "Place", "place-shape"))
            taken.append((w.name_start, end))
    return out
