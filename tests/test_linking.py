"""Linking: one node per real thing, across documents."""
from __future__ import annotations

import hashlib

from kg.linking import norm
from kg.pipeline import assemble, extract_all
from kg.types import Document


def docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}.txt", path=f"d{i}.txt", title="", text=t,
                     sha256=hashlib.sha256(t.encode()).hexdigest())
            for i, t in enumerate(texts)]


def test_aws_names_are_one_entity_across_documents(pipeline):
    ds = docs("아마존웹서비스(AWS)는 서울에서 행사를 열었다.",
              "AWS는 한국에 투자를 늘린다.",
              "Amazon Web Services는 새 리전을 열었다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    aws = [e for e in data.entities if e.label == "아마존웹서비스"]
    assert len(aws) == 1
    assert set(aws[0].docs) == {"d0.txt", "d1.txt", "d2.txt"}
    assert "AWS" in aws[0].aliases and "Amazon Web Services" in aws[0].aliases


def test_a_name_written_without_its_middle_dot_stays_a_name(pipeline):
    # (linking merges 경제인문사회연구회 with the lexicon's 경제·인문사회연구회; a reader
    # searching for the form the article used, and the scorer, still find it)
    ds = docs("경제인문사회연구회는 계획을 밝혔다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert [(e.label, e.aliases) for e in data.entities] == [
        ("경제·인문사회연구회", ("경제인문사회연구회",))]


def test_shortened_names_join_the_full_name(pipeline):
    ds = docs("AWS는 ‘AWS 퍼블릭 섹터 데이 서울 2026’을 열었다.",
              "‘퍼블릭 섹터 데이 서울 2026’에는 많은 기관이 참석했다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    events = [e for e in data.entities if e.type == "Event"]
    assert len(events) == 1
    assert set(events[0].docs) == {"d0.txt", "d1.txt"}


def test_a_person_keeps_role_and_is_linked_by_surname_mention(pipeline):
    ds = docs("배일권 행정안전부 공공지능데이터국장은 6일 세미나에 참석했다. "
              "배일권 국장은 계획을 공유했다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    people = [e for e in data.entities if e.type == "Person"]
    assert [p.label for p in people] == ["배일권"]
    assert "행정안전부" in people[0].role
    org = next(e for e in data.entities if e.label == "행정안전부")
    assert any(r.subject == people[0].key and r.predicate == "affiliatedWith"
               and r.object == org.key for r in data.relations)


def test_keys_do_not_depend_on_document_order(pipeline):
    ds = docs("과기정통부는 383억원을 투입한다.", "과학기술정보통신부(MSIT)는 계획을 밝혔다.")
    a, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    b, _ = assemble(extract_all(list(reversed(ds)), pipeline), pipeline.lexicon)
    assert a == b


def test_norm_ignores_space_quotes_and_case():
    assert norm("‘AWS 액티베이트’") == norm("aws액티베이트")


def test_a_shortened_name_does_not_join_different_things_across_documents(pipeline):
    ds = docs("영국은 ‘블레츨리 AI 안전성 정상회의’를 열었다.",
              "프랑스는 ‘파리 AI 안전성 정상회의’를 열었다.",
              "‘AI 안전성 정상회의’는 해마다 열린다.",
              "시는 스마트공장 선도 모델 사업을 편다. 구는 스마트시티 선도 모델 사업을 편다.",
              "정부는 선도 모델 사업 예산을 늘렸다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted(e.label for e in data.entities if e.type == "Event") == [
        "AI 안전성 정상회의", "블레츨리 AI 안전성 정상회의", "파리 AI 안전성 정상회의"]
    assert sorted(e.label for e in data.entities if e.type == "Program") == [
        "스마트공장 선도 모델 사업", "스마트시티 선도 모델 사업"]


def test_an_iri_does_not_change_when_another_document_names_the_thing_longer(pipeline):
    text = "가람소프트는 ‘AI 돌봄 플러스’를 시작했다."
    first, _ = assemble(extract_all(docs(text), pipeline), pipeline.lexicon)
    key = next(e.key for e in first.entities if e.label == "AI 돌봄 플러스")
    more = docs(text, "시는 ‘AI 돌봄 플러스 확산 사업’을 편다. 시의 ‘AI 돌봄 플러스’는 노인이 대상이다.")
    second, _ = assemble(extract_all(more, pipeline), pipeline.lexicon)
    entity = next(e for e in second.entities if e.key == key)
    assert entity.label == "AI 돌봄 플러스 확산 사업" and entity.docs == ("d0.txt", "d1.txt")


def test_the_demonstrative_i_is_not_a_surname(pipeline):
    ds = docs("김도현 과기정통부 장관은 말했다. 이 서비스는 무료다. 이 장관은 답했다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted(e.label for e in data.entities if e.type == "Person") == ["김도현"]


def test_a_consortium_is_not_its_lead(pipeline):
    ds = docs("LG CNS 컨소시엄이 사업을 수주했다. LG CNS는 설계를 맡는다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    orgs = sorted((e.label, e.aliases) for e in data.entities if e.type == "Organization")
    assert orgs == [("LG CNS", ()), ("LG CNS 컨소시엄", ())]


def test_a_gloss_inside_a_name_does_not_split_it(pipeline):
    ds = docs("국회 인공지능(AI) 포럼이 창립총회를 열었다. 국회 인공지능 포럼에는 의원 30명이 참여했다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted((e.type, e.label) for e in data.entities if e.type == "Event") == \
        [("Event", "국회 인공지능(AI) 포럼")]


def test_a_name_glossed_inside_is_its_short_form_later(pipeline):
    # 인공지능(AI) X, later AI X: the article goes on with the short form
    ds = docs("교육부는 ‘인공지능(AI) 학습데이터 활용체계 구축’ 사업을 발주했다. ‘AI 학습데이터 활용체계 구축’ "
              "사업의 우선협상대상자로 한빛정보가 선정됐다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted((e.type, e.label) for e in data.entities if e.type == "Program") == \
        [("Program", "인공지능(AI) 학습데이터 활용체계 구축 사업")]


def test_a_year_in_front_with_or_without_nyeon_is_one_edition(pipeline):
    # (and the short form later is that one programme, not a third)
    ds = docs("행안부는 ‘2027년 공공 AX 선도 프로젝트’를 시작했다. 행안부는 이날 "
              "‘2027 공공 AX 선도 프로젝트 착수보고회’를 열었다. 공공 AX 선도 프로젝트에는 "
              "12개 기관이 참여한다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted((e.type, e.label) for e in data.entities if e.type == "Program") == \
        [("Program", "2027년 공공 AX 선도 프로젝트")]


def test_a_body_written_inside_its_heads_title_keeps_that_name(pipeline):
    # 한국인공지능소프트웨어산업협회장: the lexicon's name for the body is another, but the
    # name as written is one of its names
    ds = docs("조준희 한국인공지능소프트웨어산업협회장은 운영방향을 제언한다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert [(e.label, e.aliases) for e in data.entities if e.type == "Organization"] == \
        [("한국소프트웨어산업협회", ("한국인공지능소프트웨어산업협회",))]


def test_a_programme_built_on_a_known_initiative_is_not_that_initiative(pipeline):
    ds = docs("교육청은 AI 디지털교과서를 도입한다. ‘AI 디지털교과서 구독 지원’ 사업 예산 89억 원이 추가됐다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    assert sorted((e.type, e.label) for e in data.entities
                  if e.type in ("Program", "Initiative")) == \
        [("Initiative", "AI 디지털교과서"), ("Program", "AI 디지털교과서 구독 지원 사업")]


def test_a_programme_named_without_its_work_and_its_place_is_that_programme(pipeline):
    # (구미 첨단 AI 데이터센터 클러스터 조성 … AI 데이터센터 클러스터: one programme)
    ds = docs("구미시가 ‘AI 데이터센터 클러스터’를 품는다. 시는 ‘구미 첨단 AI 데이터센터 클러스터 조성’을 "
              "위한 협약을 맺었다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    programs = [e for e in data.entities if e.type in ("Program", "Initiative")]
    assert [(e.type, e.label) for e in programs] == \
        [("Program", "구미 첨단 AI 데이터센터 클러스터 조성")]
    assert "AI 데이터센터 클러스터" in programs[0].aliases


def test_a_headline_names_a_programme_without_its_year_and_glued_saeop(pipeline):
    # (‘AI 실증 지원’ in the headline, ‘2027년 강원도 AI 실증 지원사업’ in the body: one)
    ds = docs("강원도 ‘AI 실증 지원’ 과제 선정\n\n강원도는 ‘2027년 강원도 AI 실증 지원사업’으로 과제 "
              "4개를 선정했다고 밝혔다.")
    data, _ = assemble(extract_all(ds, pipeline), pipeline.lexicon)
    programs = [e for e in data.entities if e.type in ("Program", "Initiative")]
    assert [(e.type, e.label, e.aliases) for e in programs] == \
        [("Program", "2027년 강원도 AI 실증 지원사업", ("AI 실증 지원",))]
