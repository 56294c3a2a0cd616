"""Relations from sentence structure, on sentences written for these tests."""
from __future__ import annotations

import hashlib

import pytest

from kg.pipeline import assemble, extract_all
from kg.types import Document


def relations_of(pipeline, text: str) -> set[tuple[str, str, str]]:
    doc = Document(id="t.txt", path="t.txt", title="", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    data, _ = assemble(extract_all([doc], pipeline), pipeline.lexicon)
    label = {e.key: e.label for e in data.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in data.relations}


@pytest.mark.parametrize("text,expected", [
    # invests + fundsTarget: subject, sum, and what it is for
    ("중기부는 올해 스마트공장 선도 모델 사업에 500억원을 투입한다.",
     {("중소벤처기업부", "invests", "500억원"), ("500억원", "fundsTarget", "스마트공장 선도 모델 사업")}),
    ("카카오는 1000억원 규모의 ‘AI 상생 펀드’를 조성한다.",
     {("카카오", "invests", "1000억원"), ("1000억원", "fundsTarget", "AI 상생 펀드")}),
    # a subject stated once and elided in the next sentence
    ("행정안전부는 새 계획을 발표했다. 올해 120억원을 투입해 ‘공공 AI 도우미’ 서비스를 구축한다.",
     {("행정안전부", "invests", "120억원")}),
    # a speaker stands for their organisation
    ("이영희 한국지능정보사회진흥원 본부장은 “올해 ‘AI 배움터 사업’을 추진하겠다”고 말했다.",
     {("이영희", "affiliatedWith", "한국지능정보사회진흥원"),
      ("한국지능정보사회진흥원", "operates", "AI 배움터 사업")}),
    # organizes, locatedIn: who holds an event where
    ("한국인공지능협회는 14일 서울 코엑스에서 ‘AI 미래 포럼 2026’을 개최했다.",
     {("한국인공지능협회", "organizes", "AI 미래 포럼 2026"),
      ("AI 미래 포럼 2026", "locatedIn", "코엑스")}),
    # participatesIn: a consortium's member list
    ("과기정통부는 ‘K-클라우드 실증 사업’을 시작했다. 이 사업 컨소시엄에는 네이버, 카카오, "
     "코난테크놀로지가 참여한다.",
     {("코난테크놀로지", "participatesIn", "K-클라우드 실증 사업")}),
    ("정부는 ‘AI 반도체 실증 사업’을 추진한다. 이 사업에는 삼성전자와 SK하이닉스가 참여한다.",
     {("삼성전자", "participatesIn", "AI 반도체 실증 사업"),
      ("SK하이닉스", "participatesIn", "AI 반도체 실증 사업")}),
    ("정부는 ‘AI 데이터센터 사업’을 시작했다. 컨소시엄에는 삼성SDS, KT, 카카오 등이 참여한다.",
     {("카카오", "participatesIn", "AI 데이터센터 사업")}),
    # a person's organisation is not the subject of what the person does
    ("팀 쿡 애플 최고경영자는 서울에서 열린 ‘AI 서밋 2026’에서 발표했다.",
     {("팀 쿡", "affiliatedWith", "애플")}),
    # partnersWith: 와 함께, 업무협약
    ("부산시는 네이버클라우드, KT 등과 업무협약을 맺었다.",
     {("KT", "partnersWith", "부산광역시")}),
    ("마이크로소프트는 LG CNS와 함께 공공 클라우드 사업을 추진한다.",
     {("LG CNS", "partnersWith", "마이크로소프트")}),
    # uses: products adopted
    ("서울교통공사는 아마존 세이지메이커를 도입해 안전 관리를 고도화했다.",
     {("서울교통공사", "uses", "아마존 세이지메이커")}),
    # affiliatedWith from 기관(장관 이름)
    ("행정안전부(장관 김철수)는 지침을 발표했다.", {("김철수", "affiliatedWith", "행정안전부")}),
])
def test_relation_found(pipeline, text, expected):
    got = relations_of(pipeline, text)
    for rel in expected:
        s, p, o = rel
        assert rel in got or (p == "partnersWith" and (o, p, s) in got), (rel, got)


def test_a_speaker_org_does_not_organize_the_event_spoken_at(pipeline):
    got = relations_of(pipeline, "팀 쿡 애플 최고경영자는 서울에서 열린 ‘AI 서밋 2026’에서 발표했다.")
    assert ("애플", "organizes", "AI 서밋 2026") not in got


def test_a_funds_size_has_no_investor_not_even_from_the_model(pipeline):
    # (the relation model had learned to give the fund's total to the contributor)
    got = relations_of(pipeline, "울산시는 올해 시비 150억 원을 출자해 총 500억원 규모의 "
                                 "'울산 AI 혁신펀드'를 조성한다.")
    assert sorted(r for r in got if r[1] == "invests") == [("울산광역시", "invests", "150억 원")]


def test_counts_and_revenues_are_not_investments(pipeline):
    got = relations_of(pipeline, "카카오의 2분기 매출은 2조원을 기록했다. 회원 수는 5000만명이다.")
    assert not any(p in ("invests", "fundsTarget") for _, p, _ in got)


def test_every_relation_respects_the_ontology(pipeline):
    from kg.schema import load_schema

    text = ("과기정통부는 383억원을 투입해 초거대 AI 플래그십 사업을 추진한다. "
            "이 사업에는 네이버와 카카오가 참여한다. 손종걸 과기정통부 과장은 설명했다.")
    doc = Document(id="t.txt", path="t.txt", title="", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    data, _ = assemble(extract_all([doc], pipeline), pipeline.lexicon)
    types = {e.key: e.type for e in data.entities}
    assert data.relations
    for r in data.relations:
        assert load_schema().allows(r.predicate, types[r.subject], types[r.object])
        assert r.evidence and all(ev.text in text for ev in r.evidence)


def test_the_national_assembly_runs_and_pays_for_nothing(pipeline):
    text = ("국회가 AI 디지털교과서의 법적 지위를 격하한 가운데 교육청들이 예산을 편성했다. "
            "국회 교육위원회 소속 강경숙 의원실에 따르면 시도교육청은 1602억 원을 편성했다.")
    # (before: 국회 operated the textbook and 국회 and its committee paid the sum)
    assert relations_of(pipeline, text) == set()


def test_a_party_runs_and_pays_for_nothing(pipeline):
    text = "송희경 의원실(자유한국당)이 과학기술정보통신부에 요청해 확보한 예산안에 따르면 AI 예산은 2453억원으로 늘었다."
    assert {(s, p, o) for s, p, o in relations_of(pipeline, text)
            if p in ("operates", "invests")} == set()


def test_a_local_body_takes_part_in_a_national_initiative(pipeline):
    # (the ministry runs AI 디지털교과서; an education office that brings it in takes part)
    text = "교육부는 AI 디지털교과서를 추진한다. 경기도교육청은 내년부터 AI 디지털교과서를 도입한다."
    assert {(s, p, o) for s, p, o in relations_of(pipeline, text) if o == "AI 디지털교과서"} == {
        ("교육부", "operates", "AI 디지털교과서"),
        ("경기도교육청", "participatesIn", "AI 디지털교과서")}
