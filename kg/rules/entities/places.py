"""Places no lexicon knows, by shape: a neighbourhood or town written after a known place
(부산 영도구 동삼동, 평택시 포승읍), an industrial complex, innovation city or
special zone (성서산업단지, 빛가람혁신도시), the short name of a province written
before a city (경기 안산시), and a city or county whose bare name is also a common word
(장성, 강진, 공주, 전주) where the document names its government or its province just
before it."""
from __future__ import annotations

import re

from kg.morphology import strip_name
from kg.rules import DOCUMENT, REFINE, Candidate, entity_rule
from kg.rules.entities.base import Document, Sentence

# compiled once: the rules below try them on every word
_PLACE_SHAPE = re.compile(r"[가-힣0-9]{2,12}")

EXAMPLES = [
    ("사업은 부산 영도구 동삼동 일대에서 시작한다.", {("Place", "동삼동")}),
    ("공장은 대구 성서산업단지에 들어선다.", {("Place", "성서산업단지")}),
    ("선정 지역은 경기 안산시와 충남 보령시다.", {("Place", "경기")}),
    ("산업단지 조성이 늦어지고 있다.", set()),
    ("광주 국가 AI데이터센터가 문을 열었다.", set()),  # (국가: a word, no street 가)
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
                and place_at(k - 1) and stem not in cues.generic) \
                or (unit in cues.town_unit and county and len(stem) > len(unit) + 1
                    and not w.common) \
                or (zone and len(stem) > len(zone) + 1 and stem not in cues.generic) \
                or (stem in cues.region_short and w.noun_only and k + 1 < len(words)
                    and place_at(k + 1)):
            out.append(Candidate(w.name_start, end, "Place", "place-shape"))
            taken.append((w.name_start, end))
    return out


STEM_EXAMPLES = [
    ("전남도는 장성군·강진군과 협약을 맺었다. 데이터센터는 장성과 강진에 들어선다.",
     {("Place", "장성"), ("Place", "강진")}),
    ("도가 정선군과 함께 운영한다. 정선 여량면의 한 농가를 찾았다.", {("Place", "정선")}),
    ("그는 1968년 전북 전주 출생이다.", {("Place", "전주")}),
    ("행안부는 시스템을 공주로 옮긴다. 공주시가 시비를 부담한다.", {("Place", "공주")}),
    # (no government of that name in the document: the common word)
    ("국방부 장성과 간부들이 참석했다.", set()),
    ("주가는 전주 대비 3% 올랐다.", set()),
    ("장성군은 장성한 청년들을 지원한다.", set()),
]


@entity_rule("place-stem", DOCUMENT, priority=1, examples=STEM_EXAMPLES)
def place_stems(d: Document) -> list[Candidate]:
    """A city or county whose bare name is a common word (장성 'general', 강진 'strong
    quake', 공주, 전주 …) is not in the place lexicon; it is the place where the document
    names its government (장성군 … 장성에) or writes it after its province (전북 전주).
    Only as a whole word, alone or before a particle."""
    text, lex, cues = d.text, d.lex, d.cues
    stems = lex.common_word_places
    named = set()
    for c in d.found:
        name = lex.names.get(c.canonical or text[c.start:c.end])
        if name is not None and name.group == "local-governments":
            named.add(name.canonical)
    taken = [(c.start, c.end) for c in d.found]
    out = []
    for m in cues.built(_stem_pattern).finditer(text):
        stem = m.group(2)
        if stem not in stems or not (stems[stem] in named or m.group(1)):
            continue
        s, e = m.start(2), m.end(2)
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Candidate(s, e, "Place", "place-stem", canonical=stem))
        taken.append((s, e))
    return out


def _stem_pattern(cues) -> re.Pattern[str]:
    """A word of two to four letters, after a province's short name or not, standing
    alone or before a particle (장성과, 강진에, 공주로, 전북 전주 출생)."""
    particles = set().union(cues.subject_particle, cues.object_particle, cues.dative_particle,
                            cues.locative_particle, cues.genitive_particle,
                            cues.topic_particle, {"와", "과", "까지"})
    tail = "|".join(sorted(map(re.escape, particles), key=lambda w: (-len(w), w)))
    region = "|".join(map(re.escape, sorted(cues.region_short)))
    return re.compile(rf"(?<![가-힣A-Za-z0-9])(?:({region}) )?([가-힣]{{2,4}}?)"
                      rf"(?=$|[^가-힣]|(?:{tail})(?![가-힣]))")
