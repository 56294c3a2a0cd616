"""affiliatedWith: a person and the organisation their role names (kg.discourse finds
them, as it also needs them to know who a speaker stands for)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("정지은 코딧 대표는 이렇게 말했다.", {("정지은", "affiliatedWith", "코딧")}),
    ("김민준 과기정통부 차관은 회의를 주재했다.",
     {("김민준", "affiliatedWith", "과학기술정보통신부")}),
    ("행정안전부(장관 김도현)는 새 계획을 내놨다.", {("김도현", "affiliatedWith", "행정안전부")}),
    ("공단은 한국콘텐츠진흥원(원장 배윤정), 한국전력거래소(이사장 최성호)와 협약을 맺었다.",
     {("배윤정", "affiliatedWith", "한국콘텐츠진흥원"), ("최성호", "affiliatedWith", "한국전력거래소")}),
    ("국회 과학기술정보방송통신위원회(과방위) 소속인 한정민 의원은 말했다.",
     {("한정민", "affiliatedWith", "과학기술정보방송통신위원회")}),
    ("서울대 AI연구원 원장인 김민수 교수는 설명했다.", {("김민수", "affiliatedWith", "서울대 AI연구원")}),
    ("그는 “데이터가 중요하다”고 말했다.", set()),
]


@relation_rule("affiliation", priority=1, examples=EXAMPLES)
def affiliation(ctx: Context) -> Iterator[Found]:
    for person, org in ctx.affiliations:
        yield Found(person, "affiliatedWith", org)
