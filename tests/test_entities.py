"""Entity rules on sentences written for these tests (not from the seed articles)."""
from __future__ import annotations

import pytest

from kg.mentions import to_mentions
from kg.types import Document


def mentions_of(pipeline, text: str) -> set[tuple[str, str]]:
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    out = set()
    for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon):
        out.add((m.type, m.canonical or m.text))
        out.update((m.type, a) for a in m.aliases)
    return out


@pytest.mark.parametrize("text,expected", [
    # organisation suffixes on names no lexicon holds
    ("한국인공지능진흥재단은 새 지원 방안을 발표했다.", ("Organization", "한국인공지능진흥재단")),
    ("부산정보산업진흥원이 지역 기업을 돕는다.", ("Organization", "부산정보산업진흥원")),
    ("미국 국무부가 성명을 냈다.", ("Organization", "미국 국무부")),
    ("이 행사는 한국데이터정책학회가 주관했다.", ("Organization", "한국데이터정책학회")),
    # lexicon short forms resolve to the canonical name
    ("과기정통부와 행안부가 협력한다.", ("Organization", "과학기술정보통신부")),
    ("과기정통부와 행안부가 협력한다.", ("Organization", "행정안전부")),
    # an alias in parentheses
    ("마이크로소프트(MS)는 클라우드를 제공한다.", ("Organization", "MS")),
    ("한국디지털헬스협회(KDHA)는 회원사를 모집했다.", ("Organization", "KDHA")),
    # program and initiative cues
    ("정부는 스마트공장 선도 모델 사업에 50억원을 투입한다.", ("Program", "스마트공장 선도 모델 사업")),
    ("중기부는 ‘AI 일상화 실행계획’을 발표했다.", ("Initiative", "전 국민 AI 일상화 실행계획")),
    ("정부는 세계 3대 AI 강국을 목표로 한다.", ("Initiative", "AI 3대 강국")),
    ("행안부는 범정부 초거대 AI 공동 플랫폼을 구축한다.", ("Initiative", "범정부 초거대 AI 공동 플랫폼")),
    ("업계는 '디지털 포용 얼라이언스'를 출범했다.", ("Initiative", "디지털 포용 얼라이언스")),
    # events
    ("네이버는 ‘단 2026’을 열었다.", ("Organization", "네이버")),
    ("협회는 'AI 윤리 포럼' 세미나를 열었다.", ("Event", "AI 윤리 포럼 세미나")),
    ("참가자들은 부산 AI 기술 박람회에 모였다.", ("Event", "부산 AI 기술 박람회")),
    ("참가자들은 구글 클라우드 서밋 2026에 참석했다.", ("Event", "구글 클라우드 서밋 2026")),
    # people: name, organisation, title
    ("이영희 한국지능정보사회진흥원 본부장은 말했다.", ("Person", "이영희")),
    ("최민수 카카오 부사장은 설명했다.", ("Person", "최민수")),
    ("존 스미스(John Smith) 오라클 부사장이 발표했다.", ("Person", "존 스미스")),
    ("팀 쿡 애플 최고경영자는 서울을 방문했다.", ("Person", "팀 쿡")),
    ("행정안전부(장관 김철수)는 지침을 냈다.", ("Person", "김철수")),
    # a city acting is its government; elsewhere it is a place
    ("대구시는 AI 특구를 신청했다.", ("Organization", "대구광역시")),
    ("행사는 대구에서 열렸다.", ("Place", "대구")),
    ("홍길동 대구시장은 말했다.", ("Organization", "대구광역시")),
    # products named after a brand
    ("기관은 아마존 다이나모DB를 도입했다.", ("Product", "아마존 다이나모DB")),
    # money stated as an investment
    ("정부는 이 사업에 1조 2천억 원을 투자한다.", ("Investment", "1조 2천억 원")),
    # enumerations take the type of a known member
    ("행사에는 네이버, 카카오, 코난테크놀로지, 마음에이아이 등이 참여했다.",
     ("Organization", "코난테크놀로지")),
    ("스캐터랩, 포티투마루 등 국내 스타트업들이 참가했다.", ("Organization", "포티투마루")),
    # the bare 정부 of Korean news
    ("정부는 내년 예산을 늘린다.", ("Organization", "대한민국 정부")),
    ("한국 정부가 계획을 발표했다.", ("Organization", "대한민국 정부")),
])
def test_rule_finds(pipeline, text, expected):
    assert expected in mentions_of(pipeline, text)


@pytest.mark.parametrize("text,unexpected_type", [
    ("회사의 매출은 2500억원을 기록했다.", "Investment"),
    ("국내 기업의 45%가 생성형 AI를 도입했다.", "Investment"),
    ("행사에는 관계자 1000여명이 참석했다.", "Investment"),
    ("다양한 사업을 추진한다.", "Program"),
    ("주요 분야에 대규모 AI 프로젝트를 진행할 것이다.", "Program"),
    ("명실상부 국내 최대 행사다.", "Organization"),
    ("모든 정부가 데이터 주권을 이야기한다.", "Organization"),
    ("김동원 기자가 썼다.", "Person"),
    ("마이클 랜던 마이크로소프트 아시아태평양 총괄 부사장은 말했다.", "Place"),  # the job's region
])
def test_rule_does_not_find(pipeline, text, unexpected_type):
    assert not any(t == unexpected_type for t, _ in mentions_of(pipeline, text)), \
        mentions_of(pipeline, text)


@pytest.mark.parametrize("text,expected", [
    # a known name with a stray space is the known name, with nothing nested in it
    ("과학 기술정보통신부는 정보통신 산업진흥원과 협력한다.",
     {("Organization", "과학기술정보통신부"), ("Organization", "정보통신산업진흥원")}),
    ("한국 지능정보사회진흥원(NIA)이 발표했다.",
     {("Organization", "한국지능정보사회진흥원"), ("Organization", "NIA")}),
])
def test_known_names_tolerate_a_space(pipeline, text, expected):
    assert mentions_of(pipeline, text) == expected


@pytest.mark.parametrize("text,expected", [
    # after 겸, Kiwi cuts the ministries into common nouns (과학/기술/정보/통신부)
    ("최상목 부총리 겸 기획재정부 장관은 말했다.",
     {("Person", "최상목"), ("Organization", "기획재정부")}),
    ("배경훈 부총리 겸 과학기술정보통신부 장관, 김정관 산업통상부 장관이 참석했다.",
     {("Person", "배경훈"), ("Organization", "과학기술정보통신부"), ("Person", "김정관"),
      ("Organization", "산업통상부")}),
])
def test_known_names_kiwi_cuts_otherwise_are_found_by_their_letters(pipeline, text, expected):
    assert mentions_of(pipeline, text) == expected


def test_a_known_law_glued_to_sang_is_the_known_law(pipeline):
    # (소프트웨어진흥법상: 'under the law'; the lexicon's ruler matches whole words only)
    assert mentions_of(pipeline, "2013년 소프트웨어진흥법상 참여제한 제도가 도입됐다.") == \
        {("Initiative", "소프트웨어 진흥법")}


def test_a_headline_catchphrase_in_quotes_names_no_programme(pipeline):
    # (‘AI 병동’: the headline's phrase, which no programme of the body shares a word with)
    text = "성남시의료원, ‘AI 병동’이 되기까지\n\n성남시의료원은 ‘공공병원 AI 진료지원 실증사업’에 참여했다."
    assert mentions_of(pipeline, text) == {("Organization", "성남시의료원"),
                                           ("Program", "공공병원 AI 진료지원 실증사업")}


@pytest.mark.parametrize("text, expected", [
    # a local government named by its office (구청, 시청, 군청) is that government
    ("대구 달서구청은 불법 주정차 단속 AI를 도입했다.",
     {("Place", "대구"), ("Organization", "달서구")}),
    ("수원시청 민원여권과가 운영을 맡는다.", {("Organization", "수원특례시")}),
    ("홍천군청이 AI 돌봄 사업을 시작했다.", {("Organization", "홍천군")}),
])
def test_a_local_government_by_its_office(pipeline, text, expected):
    assert mentions_of(pipeline, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a listed company's stock code in parentheses is no name of it
    ("한빛소프트(047080)는 공공 클라우드 사업을 수주했다.", {("Organization", "한빛소프트")}),
    ("네이버(035420)와 카카오(035720)가 참여한다.",
     {("Organization", "네이버"), ("Organization", "카카오")}),
])
def test_a_stock_code_is_no_alias(pipeline, text, expected):
    assert mentions_of(pipeline, text) == expected


def test_an_event_is_also_written_without_its_kind_or_its_subtitle(pipeline):
    text = ("과기정통부는 ‘AICON 광주 2021’ 콘퍼런스를 연다. "
            "협회는 'AI 월드(World) 2022 : 테크 & 퓨쳐'를 개최한다.")
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    events = {(m.canonical or m.text, tuple(m.aliases))
              for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon) if m.type == "Event"}
    assert events == {("AICON 광주 2021 콘퍼런스", ("AICON 광주 2021",)),
                      ("AI 월드(World) 2022 : 테크 & 퓨쳐", ("AI 월드 2022",))}


@pytest.mark.parametrize("text, expected", [
    ("과기정통부가 선정한 44개 SW중심대학이 모두 참여했다.", set()),
    ("과기정통부는 SW중심대학을 늘린다.", {"SW중심대학"}),
    ("서지훈 GIST AI대학원 교수가 말했다.", set()),
])
def test_a_programme_word_after_a_count_names_the_sites_not_the_programme(pipeline, text,
                                                                          expected):
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    found = {m.canonical or m.text for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon)
             if m.type == "Program"}
    assert found == expected


def test_a_run_that_ends_in_a_persons_name_in_parentheses_leaves_nothing_behind(pipeline):
    # the run 판교미래포럼(회장 곽덕훈 ended after the person it must not swallow: once
    # cut after the name nothing was left of it, and the document failed
    text = "판교미래포럼(회장 곽덕훈)과 지능정보산업협회(회장 허일규)는 오는 20일 포럼을 개최한다."
    people = {name for kind, name in mentions_of(pipeline, text) if kind == "Person"}
    assert people == {"곽덕훈", "허일규"}


@pytest.mark.parametrize("text, name, aliases", [
    ("사단법인 AI휴먼소사이어티는 창립 포럼을 열었다.", "사단법인 AI휴먼소사이어티", ("AI휴먼소사이어티",)),
    ("자문은 법무법인 지평이 맡았다.", "법무법인 지평", ("지평",)),
])
def test_a_body_named_with_its_kind_is_also_written_without_it(pipeline, text, name, aliases):
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    found = {(m.canonical or m.text, tuple(m.aliases))
             for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon)
             if m.type == "Organization"}
    assert found == {(name, aliases)}


def test_a_tenders_long_title_is_a_programme_with_its_gloss_kept_and_no_generic_alias(pipeline):
    title = "지능형 행정 공통기반 구현 및 AI기반 디지털 행정혁신 체계 수립을 위한 업무프로세스(BPR)/정보화전략계획"
    text = f"개발원은 ‘{title}(ISP)’을 발주했다."
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    found = {(m.type, m.canonical or m.text, tuple(m.aliases))
             for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon)}
    assert ("Program", title, (f"{title}(ISP)",)) in found
    assert not any("ISP" in aliases for _, _, aliases in found)


def test_a_joint_managers_mark_is_no_alias(pipeline):
    text = "운용사로 ▲새솔증권-한빛인베스트먼트(Co-GP) 등이 지원했다."
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    found = {(m.canonical or m.text, tuple(m.aliases))
             for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon)}
    assert found == {("새솔증권", ()), ("한빛인베스트먼트", ())}


def test_a_name_before_a_sentences_last_noun_is_read_without_failing(pipeline):
    # (a title's search stripped the full stop and then split the word at a middle dot that
    # was not there: budget-05 failed whole)
    people = {name for kind, name in mentions_of(pipeline, "발표자는 김민수 누리소프트. 김민수 누리소프트 대표.")
              if kind == "Person"}
    assert people == {"김민수"}


def test_a_country_inside_a_quoted_theme_is_no_place(pipeline):
    text = ("협회는 ‘AI 산업의 글로벌 트렌드와 한국의 AI 퍼스트무버’라는 주제로 포럼을 연다. "
            "한국 정부는 미국과 협력한다.")
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="")
    places = {m.canonical or m.text for m in to_mentions(doc, pipeline.nlp(text), pipeline.lexicon)
              if m.type == "Place"}
    assert places == {"미국"}


def test_cities_whose_bare_name_is_a_common_word(pipeline):
    """The bare names the place lexicon leaves out (장성 'general'), each with its
    government; a bare name the lexicon knows (부산, 구미) is not among them."""
    places = pipeline.lexicon.common_word_places
    assert {k: places.get(k) for k in ("장성", "강진", "공주", "전주", "정선", "부산", "구미")} == {
        "장성": "장성군", "강진": "강진군", "공주": "공주시", "전주": "전주시", "정선": "정선군",
        "부산": None, "구미": None}
