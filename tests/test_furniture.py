"""Page furniture: what goes, and content that only looks like furniture and stays."""
from __future__ import annotations

import pytest

from kg.documents import clean_text, load_documents

BODY = "행정안전부는 올해 공공부문 AI 확산에 120억원을 투입한다고 13일 밝혔다."
LONG = ("관련 부처와 지방자치단체, 공공기관이 함께 참여하는 이번 사업은 민원 상담과 문서 요약, "
        "재난 대응 업무에 인공지능을 도입하는 것을 목표로 하며 올해 하반기까지 이어질 예정")
assert len(LONG) >= 80

# input text -> exact cleaned text
KEPT = {
    "caption with a dated agency credit": (
        "행정안전부는 올해 AI 예산을 늘린다고 밝혔다.\n14일 광주시청에서 열린 협약식에서 참석자들이 "
        "기념촬영을 하고 있다.(광주시 제공) 2026.4.14/뉴스1",
        "행정안전부는 올해 AI 예산을 늘린다고 밝혔다.\n14일 광주시청에서 열린 협약식에서 참석자들이 "
        "기념촬영을 하고 있다.\n"),
    "caption before a credit after a slash": (
        f"{BODY}\n협약식에서 한빛시 시장(왼쪽)과 다온랩 대표가 기념 촬영을 하고 있다. /사진=한빛시",
        f"{BODY}\n협약식에서 한빛시 시장(왼쪽)과 다온랩 대표가 기념 촬영을 하고 있다.\n"),
    "caption before a credit in parentheses": (
        f"{BODY}\n참석자들이 협약서에 서명한 뒤 기념 촬영을 하고 있다.(사진=한빛시 제공)",
        f"{BODY}\n참석자들이 협약서에 서명한 뒤 기념 촬영을 하고 있다.\n"),
    "caption before a dated credit and a copyright credit": (
        f"{BODY}\n행사장에서 관람객들이 AI 디지털교과서를 체험하고 있다. 2024.12.13/한빛뉴스 ⓒ 한빛뉴스 "
        "박서연 기자",
        f"{BODY}\n행사장에서 관람객들이 AI 디지털교과서를 체험하고 있다.\n"),
    "caption before a copyright credit": (
        f"{BODY}\n한빛시장(가운데)이 협약을 체결하고 기념촬영을 하고 있다.ⓒ한빛시 제공",
        f"{BODY}\n한빛시장(가운데)이 협약을 체결하고 기념촬영을 하고 있다.\n"),
    "one-line article after its dateline": (
        "[대전=한빛일보 박서연 기자] 조달청은 AI 기반 발주지원시스템을 구축한다고 8일 밝혔다.",
        "조달청은 AI 기반 발주지원시스템을 구축한다고 8일 밝혔다.\n"),
    "one-line article that starts like a ranking row": (
        "06 | 과학기술정보통신부는 초거대 AI 플래그십 사업에 383억원을 투입한다고 밝혔다.",
        "06 | 과학기술정보통신부는 초거대 AI 플래그십 사업에 383억원을 투입한다고 밝혔다.\n"),
    "one-line article that is a caption": (
        "국내 기업의 생성형 AI 도입 현황. /AWS", "국내 기업의 생성형 AI 도입 현황. /AWS\n"),
    "one-line article that looks like a byline": ("박서연 기자 syp@hanbit.kr", "박서연 기자 syp@hanbit.kr\n"),
    "sentence after a ranking number": (
        f"1 | {BODY}\n2 | 다른 기사 제목 요약...", f"{BODY}\n"),
    "long ranking-like line": (f"3 | {LONG}\n{BODY}", f"{LONG}\n{BODY}\n"),
    "numbered rows of a table under its header": (
        f"{BODY}\n연번 | 수요기관 | 주관기관 | 지원액\n1 | 국민연금공단 | LG CNS | 62억 원\n"
        "2 | 산림청 | 포레스트아이 | 54억 원",
        f"{BODY}\n연번 | 수요기관 | 주관기관 | 지원액\n1 | 국민연금공단 | LG CNS | 62억 원\n"
        "2 | 산림청 | 포레스트아이 | 54억 원\n"),
    "sentence before a photo credit": (
        f"{BODY}\n국내 조사 대상 기업의 45%가 생성형 AI를 운영 단계로 확장한 것으로 조사됐다. /AWS",
        f"{BODY}\n국내 조사 대상 기업의 45%가 생성형 AI를 운영 단계로 확장한 것으로 조사됐다.\n"),
    "list items whose cells a slash splits": (
        f"{BODY}\n △ 생성형 AI 행정혁신 사업 : 18억 원 / 스마트정보과\n"
        "◇ 한국도로공사 / 터널 AI '브이가드' / 비전에이드",
        f"{BODY}\n△ 생성형 AI 행정혁신 사업 : 18억 원 / 스마트정보과\n"
        "◇ 한국도로공사 / 터널 AI '브이가드' / 비전에이드\n"),
    "sentence with a reporter in it": (
        f"박서연 기자가 현장을 찾아 확인했다.\n{BODY}", f"박서연 기자가 현장을 찾아 확인했다.\n{BODY}\n"),
    "sentence with an e-mail address": (
        f"{BODY}\n신청은 ai@nia.example.kr로 받는다.", f"{BODY}\n신청은 ai@nia.example.kr로 받는다.\n"),
    "sentence between rules": (f"---\n{BODY}\n━━━━━━\n- 지원 대상은 20개 기관이다.",
                               f"{BODY}\n- 지원 대상은 20개 기관이다.\n"),
    "sentence that starts like a related-articles header": (
        f"관련 기사에 따르면 정부는 지원을 늘린다.\n짧은 소제목\n{BODY}",
        f"관련 기사에 따르면 정부는 지원을 늘린다.\n짧은 소제목\n{BODY}\n"),
    "long line after a related-articles header": (
        f"{BODY}\n관련기사\n- 다른 기사 제목\n{LONG}", f"{BODY}\n{LONG}\n"),
    "lead sentence after a dateline": (
        f"【서울=한빛일보 박서연 기자】 {BODY}\n(세종=연합뉴스) 홍길동 기자 = 예산은 늘어난다.",
        f"{BODY}\n예산은 늘어난다.\n"),
}

FURNITURE = {
    "related-articles list": (f"{BODY}\n관련기사\n- 행안부, AI 예산 발표\n▶ 다른 기사 제목\n",
                              f"{BODY}\n"),
    "bracketed related header": (f"{BODY}\n[관련 뉴스]\n[단독] 다른 기사 제목", f"{BODY}\n"),
    "most-read ranking": (f"{BODY}\n많이 본 뉴스\n01 | SCL사이언스,펜타메딕스 인수..개인 맞춤형 ... |\n"
                          "02 | 제이엘케이, AI 뇌경색 회복 예측 연구 결과... |", f"{BODY}\n"),
    "ranking rows without a header": (f"{BODY}\n01 | 한국, 세계 3대 AI 강국 유력\n10 | 인증 획득..해...",
                                      f"{BODY}\n"),
    "image placeholders": (f"![]() |\n{BODY}\n![사진](https://example.kr/a.jpg)", f"{BODY}\n"),
    "byline with e-mail": (f"{BODY}\n- 김동원 기자 theai@chosun.com", f"{BODY}\n"),
    "dated byline": (f"2025-05-13     김동원 기자\n{BODY}", f"{BODY}\n"),
    "dateline alone on its line": (f"【서울=한빛일보 박서연 기자】\n{BODY}", f"{BODY}\n"),
    "photo credit": (f"{BODY}\n사진=행정안전부 제공", f"{BODY}\n"),
    "copyright": (f"{BODY}\nCopyright ⓒ 한빛일보. 무단전재 및 재배포 금지", f"{BODY}\n"),
    "caption": (f"{BODY}\n국내 기업의 CAIO 임명 현황 및 변화 관리 전략 보유 현황. /AWS", f"{BODY}\n"),
    "caption after a mark": (f"{BODY}\n▲ 인천시청 전경. /인천시 제공", f"{BODY}\n"),
    "rules": (f"---\n{BODY}\n====\n─────────\n* * *\n", f"{BODY}\n"),
    "publication stamp": (f"입력2025.06.12 14:31 수정2025.06.12 15:02\n{BODY}\n기사입력 2025-06-12",
                          f"{BODY}\n"),
    "tip line": (f"{BODY}\n제보는 카톡 okjebo", f"{BODY}\n"),
    "tip line with a mark": (f"{BODY}\n▶ 뉴스 제보: 카카오톡 @한빛일보 / 이메일 tip@hanbit.example.kr",
                             f"{BODY}\n"),
    "subscription call": (f"{BODY}\n네이버에서 한빛일보를 구독하세요!", f"{BODY}\n"),
    "rights notice": (f"{BODY}\nCopyright 2025 Hanbit Daily. All rights reserved.", f"{BODY}\n"),
    "page widgets": (f"{BODY}\n좋아요 0 / 구독\n공유하기 | 글자크기 | 인쇄", f"{BODY}\n"),
}


@pytest.mark.parametrize("text, cleaned", KEPT.values(), ids=KEPT.keys())
def test_content_that_looks_like_furniture_is_kept(text, cleaned):
    assert clean_text(text) == cleaned


@pytest.mark.parametrize("text, cleaned", FURNITURE.values(), ids=FURNITURE.keys())
def test_furniture_is_removed(text, cleaned):
    assert clean_text(text) == cleaned


def test_one_line_article_is_a_document(tmp_path):
    path = tmp_path / "ranking.txt"
    path.write_text(KEPT["one-line article that starts like a ranking row"][0], encoding="utf-8")
    docs, errors = load_documents([path])
    assert errors == []
    assert [d.text for d in docs] == [KEPT["one-line article that starts like a ranking row"][1]]
