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
