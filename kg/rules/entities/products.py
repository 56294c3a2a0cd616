"""아마존 세이지메이커, Azure OpenAI: products named after a brand."""
from __future__ import annotations

import re

from kg.morphology import split_alias, strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


EXAMPLES = [
    ("구글 제미나이 프로를 도입한 기관이 늘었다.", {("Product", "구글 제미나이 프로")}),
    ("네이버 파파고 번역을 쓰는 기관이 늘었다.", {("Product", "네이버 파파고 번역")}),
    ("아마존은 새 물류 거점을 열었다.", set()),
    ("구글 순다르 피차이 CEO는 한국을 찾았다.", set()),
    ("라오 IBM 아시아태평양 공공부문 최고기술책임자는 사례를 발표했다.", set()),
    ("시는 엔비디아 측과 만났다.", set()),
    ("메타 인수 제안은 결렬됐다.", set()),
    ("마이크로소프트 쪽은 답하지 않았다.", set()),
    ("공급사로는 KT, 네이버 2곳이 뽑혔다.", set()),
    ("엔비디아 그래픽처리장치(GPU) H100 등급 이상을 1만 개 확보한다.", set()),
]


@entity_rule("brand", SENTENCE, examples=EXAMPLES)
def brand_products(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    out = []
    for k, w in enumerate(words):
        if strip_name(w.stem) not in cues.brand or not w.noun_only or k + 1 >= len(words):
            continue
        j = k + 1
        while j < len(words) and j < k + 4:
            stem = strip_name(split_alias(words[j].stem)[0])
            if not stem or stem in cues.trim or stem in cues.generic or stem in cues.action \
                    or cues.ends_with(stem, "title") or not re.match(r"^[A-Za-z0-9가-힣]", stem) \
                    or stem in cues.org_follow or re.match(r"\d+[가-힣]", stem):
                break  # (엔비디아 측, 구글 관계자: people of the company, no product; 네이버 2곳: a count)
            if not words[j].noun_only:
                j += 1
                break
            j += 1
        # (… or a few words on: IBM 아시아태평양 공공부문 최고기술책임자, a person's post)
        titled = any(cues.ends_with(strip_name(split_alias(x.stem)[0]), "title")
                     for x in words[j:j + 3])
        # (메타 인수 제안, 마이크로소프트 쪽: dictionary words after the brand, no product's
        # name among them)
        named = not all(x.common for x in words[k + 1:j])
        # (엔비디아 그래픽처리장치(GPU) H100 등급: a product the lexicon knows, named after
        # words that describe it, is the name; 구글 제미나이 프로 is the brand's product)
        known = any(s.lex.type_of(strip_name(split_alias(x.stem)[0])) == "Product"
                    for x in words[k + 2:j])
        # (구글 순다르 피차이 CEO: a person at the brand)
        if j > k + 1 and not titled and named and not known:
            out.append(Candidate(w.start, words[j - 1].stem_end, "Product", "brand"))
    return out


REGION_EXAMPLES = [
    ("회사는 2021년 서울 리전을 열었고 부산에 두 번째 리전을 세운다.", {("Product", "서울 리전")}),
    ("부산 리전은 2027년 가동을 목표로 한다.", {("Product", "부산 리전")}),
    ("리전을 늘린다.", set()),
]


@entity_rule("cloud-region", SENTENCE, examples=REGION_EXAMPLES)
def cloud_regions(s: Sentence) -> list[Candidate]:
    """서울 리전, 부산 리전: a cloud region is a product (ANNOTATION.md, "Typing"), named
    by its place (and its brand) before the region word (AWS 아시아태평양(서울) 리전 is
    the brand rule's)."""
    words, cues, known = s.words, s.cues, s.ruler
    out = []
    for k, w in enumerate(words):
        if k == 0 or strip_name(w.stem) not in cues.cloud_region:
            continue
        i = k - 1
        place = any(c.type == "Place" and c.start <= words[i].start < c.end for c in known) \
            or re.search(r"\([가-힣A-Za-z ]+\)$", words[i].stem) is not None
        if not place or not words[i].noun_only:
            continue
        while i > 0 and words[i - 1].noun_only and k - i < 3 and (
                strip_name(words[i - 1].stem) in cues.brand
                or any(c.start <= words[i - 1].start < c.end and c.type == "Place"
                       for c in known)):
            i -= 1
        out.append(Candidate(words[i].start, w.stem_end, "Product", "cloud-region"))
    return out
