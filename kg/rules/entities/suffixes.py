"""Noun runs named by their last word: an organisation suffix (…위원회, …협회,
…통신부), a program cue (…사업, …프로젝트, …펀드), an initiative cue (…전략,
…얼라이언스) or an event cue (…세미나, …서밋, …정상회의)."""
from __future__ import annotations

import re

from kg.lexicon import Cues, Lexicon
from kg.morphology import QUOTES, Eojeol, split_alias, strip_name
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

# compiled once: the rules below try them on every word
_WORD_BREAK = re.compile(r"[\s·]")

_SINGLE = "‘'「『《〈"  # single quotes mark names in Korean news; double quotes mostly speech
YEAR = re.compile(r"^(19|20)\d\d$")
COUNT = re.compile(r"\d+(개|곳|건|개사|개국|개소|명|종|차|자|사|구역|권역)?"
                   r"|[\d.,]+\s?(MW|GW|kW|TB|PB|메가와트)급?"
                   r"|[\d.,]+(조|억|만|천)+\s?원?(대|규모|짜리)?"
                   r"|\S+(계|급)")  # 2개 사업, 2구역 사업, 200억원대 사업 count, do not name


_STOPS = frozenset(",.;:!?…△◇")
_MARKER = re.compile(r"[A-Za-z0-9]{1,2}[.):]|[-–—·•*|]+")
# (8개월 동안: a duration too; 26일 오전 11시 개발원 10층에서: a time before a venue;
# 9월 중 개소식, 9월중 개소식: a part of a month)
_DATE = re.compile(r"\d+일자?$|\d+월(중|초|말)?$|\d+년대?$|\d+개월$|\d+시$|\d+분$|^(오전|오후)$")
_PART_OF = frozenset(("중", "초", "말", "께"))


def run_start(words: list[Eojeol], k: int, cues: Cues) -> int:
    """First word of the noun run that ends with word k."""
    i = k
    while i > 0:
        if words[i].text[:1] in "“‘「『\"":
            break  # (실장 “시범사업 …: a quotation opens a new run)
        prev = words[i - 1]
        if not prev.noun_only or prev.stem.strip(QUOTES) in cues.trim or \
                prev.stem.strip(QUOTES) in cues.role_label:
            break  # (주관기관 한국전자통신연구원: a label before the name)
        if not _STOPS.isdisjoint(prev.stem) and not prev.stem.strip(QUOTES):
            break
        if i > 1 and prev.stem in cues.run_break:
            break  # 동대구벤처밸리 내 AI 혁신 센터: the centre is named after 내
        if _MARKER.fullmatch(prev.stem):
            break  # A. …, 1) …, - …: a marker, not a word of the name (| ends a table cell)
        if prev.stem.endswith((",", "，")) or _DATE.search(prev.stem) or \
                prev.stem in _PART_OF and i > 1 and _DATE.search(words[i - 2].stem):
            break
        i -= 1
    while i < k and (words[i].stem.strip(QUOTES) in cues.trim
                     or words[i].stem.strip(QUOTES) in cues.org_descriptor):
        i += 1  # 벤처캐피털 한울벤처스: the descriptor is not part of the name
    return i


def distinctive(words: list[Eojeol], i: int, k: int, cue: str, etype: str,
                lex: Lexicon, role_named: bool = False) -> bool:
    """A run names one thing when it has more than generic words before its cue (or
    one word of its own, when the role of the body chosen to carry it out follows:
    `role_named`)."""
    cues = lex.cues
    head = strip_name(split_alias(strip_name(words[k].stem))[0])
    longer = cues.ends_with(head, "weak_program_cue")
    if longer and len(longer) > len(cue):
        cue = longer  # (KT 데이터센터: the cue is 데이터센터, not 센터)
    before_cue = ([w.stem for w in words[i:k]] + [head[: len(head) - len(cue)]])
    before_cue = [w for w in before_cue if w.strip()]
    if cue in cues.weak_program_cue and before_cue and \
            strip_name(before_cue[-1]) in cues.descriptive_qualifier:
        return False  # 성과 점검 결과 유사 사업: a kind of work, not a name
    body = " ".join(w.stem for w in words[i:k]) + " " + head[: len(head) - len(cue)]
    if re.search(f"[{re.escape(_SINGLE)}“\"].+[’'”\"」』》〉]", body):
        return True
    if i < k and _SCHEMES.fullmatch(strip_name(words[i].stem)):
        return False  # 24가지 AI 활용 사업, 3개 공동 사업: several schemes counted, no name
    # 인공지능(AI): a gloss that is only a topic acronym says nothing of the name
    body = re.sub(r"\(([^()]*)\)", lambda m: "" if m.group(1).strip() in cues.topic_acronym
                  else m.group(0), body)
    parts = [p for p in re.split(r"[\s·\-/]+", strip_name(body)) if p]
    if cues.ends_with(cue, "fund_name") and all(
            p in cues.fund_kind or lex.type_of(p) == "Place" for p in parts):
        return False  # 투자펀드, 싱가포르 국부펀드: a kind of fund (in a place), no name
    # 국토부 사업, AWS 머신러닝 인프라: an organisation's work, not a name of its own
    # an organisation's or a place's bare project is no name (국토부 사업, 미국 데이터센터);
    # a brand's programme with a cue of its own is (AWS 클라우드 아카데미), and so is a
    # city's declaration or event (서울 선언, 부산 AI 박람회)
    weak = cue in cues.weak_program_cue
    others = {"Organization"} if weak or etype == "Initiative" else set()
    if weak and etype == "Program":
        others.add("Place")
    # (a known initiative in front names a programme done under it too: 디지털플랫폼정부
    # 인프라 사업; not its 핵심전략, a part of it)
    brand = int(bool(parts) and len(parts) > 1 and lex.type_of(parts[0]) in (
        ("Organization", "Initiative") if etype == "Program" else ("Organization",)))
    # (a year or a count says when or how many, not which: 2026년도 핵심 전략, 4대 분야별 사업)
    parts = [p for p in parts if lex.type_of(p) not in others and not COUNT.fullmatch(p)
             and not _YEAR_OR_RANK.fullmatch(p)]
    if not parts:
        return False
    if etype == "Event" and not any(t.split("+")[0] in ("NNP", "SL", "SN")
                                    for w in words[i:k + 1] for t in w.tags):
        return False  # 국내 최대 규모 … 컨퍼런스 describes an event; it does not name one
    if re.search(r"[A-Z]{2,}|\d", " ".join(p for p in parts if p not in cues.topic_acronym
                                          and p not in cues.sector_acronym)):
        return True  # (not LLM 사업, 공공 SW사업: a sector's acronym names nothing)
    content = [p for p in parts if p not in cues.generic and p not in cues.trim]
    strong_inside = any((cues.ends_with(p, "program_cue") or "") not in
                        ("", *cues.weak_program_cue) for p in parts)
    if weak and not strong_inside:
        # 사업, 전략, 센터 say little: 초거대 AI 플래그십 사업 names one thing, AI 에이전트
        # 사업 and 고객 네트워크 describe work; a brand in front counts (AWS 파트너
        # 네트워크), and so does a strong cue inside (바우처 사업)
        if brand:  # (but 복지부 실증사업: a body's pilot, its work word names nothing)
            content = [p for p in parts if p not in cues.topic_acronym and p not in cues.trim
                       and p not in cues.program_action and p not in cues.anaphor_work]
        # (… but four words or more before the cue name one scheme: 생성형 AI 행정 플랫폼
        # 구축 사업, unless a count among them makes it a share: 15개 사업 가운데 12개 사업)
        counted = any(_SCHEMES.fullmatch(strip_name(w.stem)) for w in words[i:k + 1])
        return len(content) + brand >= 2 or (len(parts) >= 4 or role_named) and \
            bool(content) and not counted
    return bool(content) and sum(len(p) for p in parts) + len(cue) >= 4


_CUE_KINDS = {"event_cue": "Event", "program_cue": "Program", "initiative_cue": "Initiative"}
# AI 연구거점 프로젝트 수행기관으로, X 사업을 수행할 기관으로: the role a body is chosen for
_ROLE_AFTER = r"^(을|를)?\s*(수행할\s*(기관|기업|사업자)|(의\s*)?({program_role}))\s?(으로|로)(\s|$)"
_SCHEMES = re.compile(r"\d+\s?(가지|개)")
_EVENT_YEAR = re.compile(r"(19|20)\d\d년\s*")
_YEAR_OR_RANK = re.compile(r"(19|20)\d\d년도?|\d+대")
# 신영증권-티인베스트먼트, 이크럭스벤처파트너스·코어자산운용: a fund's two managers
_JOINT = re.compile(r"([가-힣A-Za-z][가-힣A-Za-z0-9&]+)[-·]([가-힣A-Za-z][가-힣A-Za-z0-9&]+)")


def _activity(words: list[Eojeol], i: int, k: int, last: str, cue: str, cues: Cues) -> bool:
    """The word before the cue (glued to it or not) is a word of activity: 기술창업지원
    프로그램, 사내벤처 육성 프로그램."""
    before = strip_name(last[: len(last) - len(cue)] or (words[k - 1].stem if k > i else ""))
    return bool(before) and any(cues.ends_with(before, kind) for kind in
                                ("program_action", "activity_word"))


def _org_like(name: str, cues: Cues, lex: Lexicon) -> bool:
    """A name that is an organisation's on its own: known, or ending like one."""
    return lex.type_of(name) == "Organization" or any(
        cues.ends_with(name, kind) for kind in ("org_suffix", "company_suffix"))


def is_head(words: list[Eojeol], k: int, cues: Cues) -> bool:
    """Whether word k ends its noun phrase (what follows is no noun, or a verbal noun)."""
    w = words[k]
    return bool(k + 1 == len(words) or w.tail or not words[k + 1].noun_only
                or strip_name(words[k + 1].stem) in cues.action
                or YEAR.match(strip_name(words[k + 1].stem)))


EXAMPLES = [
    # (a programme done under a known initiative is named by it; the initiative's 전략 is not)
    ("올해 디지털플랫폼정부 인프라 사업에는 총 80억원이 들어간다.",
     {("Program", "디지털플랫폼정부 인프라 사업")}),
    ("두 나라는 디지털플랫폼정부 핵심전략을 논의했다.", set()),
    # (a signing named by its words outside quotation marks is no event's name)
    ("두 기관은 스마트 행정 전환 업무협약식을 열었다.", set()),
    # (a kind of programme or fund described by generic words is no name)
    ("도는 국비 지원 공모사업에 도전한다.", set()),
    ("두 기관은 민관 합동 펀드를 만든다.", set()),
    # (a time or a part of a month before the name is not in it)
    ("두 기관은 12일 오후 2시 한빛진흥원 대회의실에서 협약을 맺었다.",
     {("Organization", "한빛진흥원")}),
    ("진흥원은 10월 중 AI 실증센터 개소식을 연다.", {("Event", "AI 실증센터 개소식")}),
    ("이번 시범사업에는 청라해솔중학교와 송도별빛중학교 등이 참여한다.",
     {("Organization", "청라해솔중학교"), ("Organization", "송도별빛중학교")}),
    ("교육청은 관내 중학교 30곳에서 시범사업을 운영한다.", set()),
    ("한국인공지능진흥재단은 새 지원 방안을 발표했다.",
     {("Organization", "한국인공지능진흥재단")}),
    ("한빛정보산업진흥원이 지역 기업을 돕는다.", {("Organization", "한빛정보산업진흥원")}),
    ("중소기업들은 스마트공장 구축 선도 사업에 지원했다.", {("Program", "스마트공장 구축 선도 사업")}),
    # (a sum or a lot's number says how much or which part, not which programme)
    ("A사는 200억원대 사업을 따냈고, 2구역 사업은 B사가 맡았다.", set()),
    ("회사는 AI 에이전트 사업을 키운다.", set()),
    # a fund's two managers joined by a middle dot; a manager named with 자산운용 apart
    ("운용사로 누리파트너스·다온자산운용이 함께 뽑혔다.",
     {("Organization", "누리파트너스"), ("Organization", "다온자산운용")}),
    ("자금 조달은 한빛인베스트먼트 자산운용이 맡는다.",
     {("Organization", "한빛인베스트먼트 자산운용")}),
    ("AI·데이터진흥원이 사업을 맡는다.", {("Organization", "AI·데이터진흥원")}),
    ("부는 AI 물류거점 사업을 수행할 기관으로 한빛대학교를 뽑았다.",
     {("Program", "AI 물류거점 사업"), ("Organization", "한빛대학교")}),
    ("청은 AI 관제거점 프로젝트 주관기관으로 누리소프트를 선정했다.",
     {("Program", "AI 관제거점 프로젝트"), ("Organization", "누리소프트")}),
    ("AI 관제 사업을 위해 다음 기관과 손잡았다.", set()),
    ("시민들은 부산 AI 기술 박람회에 모였다.", {("Event", "부산 AI 기술 박람회")}),
    # an event's year before it is part of its name, as written
    ("한국벤처투자는 2025년 모태펀드 출자사업 설명회를 열었다.",
     {("Event", "2025년 모태펀드 출자사업 설명회")}),
    ("도는 2026년 경남 AI 산업 포럼을 열었다.", {("Event", "2026년 경남 AI 산업 포럼")}),
    ("시는 2026년 설명회를 열었다.", set()),
    ("협회는 올해 전략을 공개했다.", set()),
    ("기업과 정부가 함께 사업을 추진한다.", set()),
    ("부지 조성 공사가 시작됐다.", set()),
    ("국민의힘 박영희 의원실이 주최했다.", {("Organization", "박영희 의원실")}),
    ("뵈르제 슈투트가르트 그룹이 참여했다.", {("Organization", "뵈르제 슈투트가르트 그룹")}),
    ("한국IDC 수석연구원은 말했다.", {("Organization", "한국IDC")}),
    ("클라우드서비스제공사(CSP)와 모델 개발사가 손잡았다.", set()),
    ("세 회사는 3자 공동사업 협약을 맺었다.", set()),
    ("KT 데이터센터는 구미에 들어선다. 복지부 실증사업이 끝난다.", set()),
    ("도는 29~30일 이틀간 수원컨벤션센터에서 엑스포를 열었다.", set()),
    ("행안부는 부처마다 따로 발주하는 LLM 사업을 통합한다. 공공 SW사업은 대기업 참여가 제한된다.", set()),
    ("이 공모전은 성과 점검 결과 유사 사업과 겹친다. 2000년대 후반 공공기관 콜센터와 다르다.", set()),
    ("도는 경북 스마트 돌봄 확산 사업을 시작했다.", {("Program", "경북 스마트 돌봄 확산 사업")}),
    ("공장은 마루비전의 영상 검사 솔루션을 도입했다.", set()),
    ("윤채원 한국지방행정연구원 실장 “시범사업 졸업할 평가 기준 필요”", set()),
    ("민원은 전국 읍면동 주민센터와 CCTV 통합관제센터에서 받는다.", set()),
    ("도는 제조 AI 공동연구센터를 연다.", {("Program", "제조 AI 공동연구센터")}),
    ("공단은 구직 플랫폼과 임상데이터 플랫폼을 연결한다.", set()),
    ("정부는 디지털정부플랫폼(DPG)을 만든다.", {("Initiative", "디지털정부플랫폼")}),
    ("시는 AI 돌봄 플랫폼을 구축하고 생성형 AI 상담 플랫폼도 연다.", set()),
    ("정부는 AI 강국 비전을 발표했다.", {("Initiative", "AI 강국 비전")}),
    ("미국 하늘대 인간중심AI연구소가 참여한다.", {("Organization", "하늘대 인간중심AI연구소")}),
    ("행사는 서울 상공회의소에서 열린다.", {("Organization", "서울 상공회의소")}),
    ("과기정통부 산하 한빛정보재단이 참여한다.", {("Organization", "한빛정보재단")}),
    # a body's full name with its head's title glued on
    ("김민수 한국데이터정책학회장은 발표했다.", {("Organization", "한국데이터정책학회")}),
    ("이수진 한국공공AI산업협회장이 축사를 했다.", {("Organization", "한국공공AI산업협회")}),
    ("이영수 농협회장이 참석했다.", set()),
    ("박철수 협회장은 말했다.", set()),
    ("투자사와 함께 한울인베스트먼트가 참여했다.", {("Organization", "한울인베스트먼트")}),
    ("전문위원회가 열렸다.", set()),
    ("시는 24가지 인공지능 활용 사업을 추진한다.", set()),
    ("업체를 뽑고 그 후 8개월 동안 컨설팅 프로젝트를 진행한다. 펀드의 두 번째 연도 출자사업이다.", set()),
    ("구는 5개 디지털 돌봄 사업을 편다.", set()),
    # (four words or more before 사업 name one scheme, but not a count of them)
    ("시는 생성형 AI 교통 플랫폼 고도화 사업에 착수했다.",
     {("Program", "생성형 AI 교통 플랫폼 고도화 사업")}),
    ("정부는 AI 분야 15개 사업 가운데 12개 사업의 예산을 늘렸다.", set()),
    ("지자체는 그동안 정부 매칭 사업을 추진했다.", set()),
    ("새솔증권-한빛인베스트먼트가 공동 운용사로 지원했다.",
     {("Organization", "새솔증권"), ("Organization", "한빛인베스트먼트")}),
    ("운용사로 ▲가온벤처스 ▲새솔증권-한빛인베스트먼트(Co-GP)가 지원했다.",
     {("Organization", "가온벤처스"), ("Organization", "새솔증권"),
      ("Organization", "한빛인베스트먼트")}),
    ("과기정통부는 올 초 디지털 인재 양성 심의위원회를 열었다.",
     {("Organization", "디지털 인재 양성 심의위원회")}),
    # a place, the parties or the audience before a name (X 내, X 간, X 대상) is not of it
    ("도는 청년 대상 데이터 바우처 사업을 연다.", {("Program", "데이터 바우처 사업")}),
    ("기관 간 협력 네트워크를 강화한다.", set()),
    # a year or a count says when or how many, not which
    ("시는 올해 4대 분야별 공동 사업을 추진한다.", set()),
    ("2026년도 핵심 전략으로 행정 신뢰성 강화를 제시했다.", set()),
    # a fund named only by its kind (투자펀드, 국부펀드) is no name
    ("두 운용사는 투자펀드를 공격적으로 투자할 예정이다.", set()),
    ("싱가포르 국부펀드 테마섹의 자회사가 투자했다.", set()),
    ("광주시는 1000억원 규모의 광주 AI 투자펀드를 만든다.", {("Program", "광주 AI 투자펀드")}),
    # (an investment partnership is a fund: a programme, not a body)
    ("한빛 혁신산업 투자조합은 176억 원 규모로 결성됐다.", {("Program", "한빛 혁신산업 투자조합")}),
    ("개인투자조합 결성이 늘었다.", set()),
    ("협회는 AI 역량 강화 교육 프로그램을 운영한다.", set()),  # (a kind of activity)
    ("진흥원은 사내벤처 육성 프로그램을 연다.", set()),
    ("싱가포르는 신뢰여행자 프로그램을 도입했다.", {("Program", "신뢰여행자 프로그램")}),
    ("시는 민관 얼라이언스를 꾸렸다.", set()),  # (민관, 산학연: who, not which)
    ("마크 헤일리 싱가포르 정부기술청 수석 아키텍트가 맡았다.",
     {("Organization", "싱가포르 정부기술청")}),  # (a foreign agency starts at its country)
]


@entity_rule("runs", SENTENCE, names=("suffix", "cue", "unknown-org"), examples=EXAMPLES)
def runs(s: Sentence) -> list[Candidate]:
    """A noun run ending in an organisation suffix ("suffix"), or in a program,
    initiative or event cue ("cue"); an event named with its year: AWS DC 서밋 2025."""
    words, cues, lex = s.words, s.cues, s.lex
    out = []
    for k, w in enumerate(words):
        stem = strip_name(split_alias(strip_name(w.stem))[0])
        if not stem:
            continue
        last = _WORD_BREAK.split(stem)[-1]
        org = cues.ends_with(last, "org_suffix")
        fund = cues.ends_with(last, "program_cue")
        if org and fund and len(fund) > len(org):
            org = None  # 스마트뉴딜 혁신산업 투자조합, KIF투자조합: a fund (a programme)
        school = cues.ends_with(stem, "glued_org_suffix")
        if school and len(stem) - len(school) >= 2 and " " not in stem and (
                w.oov or any(t.startswith("NNP") for t in w.tags) or len(stem) - len(school) >= 3):
            out.append(Candidate(w.start, w.stem_end, "Organization", "suffix"))
            continue  # 청라해솔중학교 (not 관내 중학교: the school is the one word)
        headed = glued = None
        if last.endswith("장"):
            headed = cues.ends_with(last[:-1], "headed_unit")
            glued = cues.ends_with(last[:-1], "glued_headed_unit")
        if not headed and glued and len(last) - len(glued) > 2:
            headed = glued  # 한국데이터정책학회장 (but 농협회장 is 농협's 회장; 협회장, no body)
        if headed:  # 이경란 전남대 산학협력단장: the unit (its head is the person)
            org, last, stem = headed, last[:-1], stem[:-1]
        if not org and (not is_head(words, k, cues) or not YEAR.match(stem) and not any(
                cues.ends_with(last, kind) for kind in _CUE_KINDS)):
            continue  # (as below, where nothing is found: the run's start, a walk back,
            # is not needed)
        i = run_start(words, k, cues)
        if org and len(org) == 1:
            # (지나 러몬도 미국 상무부 장관: a foreign ministry starts at its country, not
            # at the person's name before it)
            i = next((j for j in range(k - 1, i - 1, -1)
                      if lex.type_of(strip_name(words[j].stem)) == "Place"), i)
        start = words[i].start
        body = strip_name(" ".join(x.stem for x in words[i:k + 1]))
        if org and len(org) == 1 and not (
                i < k and lex.type_of(strip_name(words[i].stem)) == "Place"):
            org = None  # 발주처, 사업부: the lexicon knows the ministries (…부, …처, …청); an
            # unknown one is a foreign ministry after its country (대만 디지털발전부)
        if org and i == k and len(last) - len(org) <= 2 and not w.oov and not any(
                t.startswith("NNP") for t in w.tags) and not (
                len(org) >= 3 and org in cues.company_suffix):
            org = None  # 교육청, 전문위원회, 회신문: a common word, no name (but 한울인베스트먼트
            # and 다온파트너스 are firms, whatever Kiwi makes of 한울)
        if org and last in cues.org_suffix_not and not (
                last in cues.org_suffix and i < k and not any(
                    strip_name(x.stem) in cues.generic for x in words[i:k])
                and not all(x.common for x in words[i:k])):
            org = None  # a bare 그룹 or 부처 is no name; 뵈르제 슈투트가르트 그룹 is, and
            # 부지 조성 공사 (dictionary words before it) is building work
        if org and (last in cues.title or last.endswith(tuple(cues.org_suffix_false))):
            org = None  # 한국IDC 수석연구원: a post; 클라우드서비스제공사: a provider, no 공사
        if org and org in cues.lawmaker_office and i < k and \
                lex.type_of(strip_name(words[i].stem)) == "Organization":
            i += 1  # 더불어민주당 한정민 의원실: the office is the lawmaker's, not the party's
            start = words[i].start
        if org and not stem.endswith("장"):
            while len(org) > 1 and i + 1 < k and lex.type_of(strip_name(words[i].stem)) == "Place":
                i += 1  # 미국 스탠퍼드대 인간중심AI연구소: the country is a Place of its own (but
                # 서울 상공회의소, a place and a bare kind of body, is one name)
                start = words[i].start
            end = w.stem_end - (1 if headed else 0)
            if "(" in w.stem and split_alias(w.stem)[1] is None:
                end = w.start + w.stem.index("(")  # 관세청(AI 통관 영상관리): a gloss
            if body not in cues.org_suffix_not and len(re.sub(r"\s", "", body)) > len(org) + 1:
                # an organisation is named even inside a longer run (행정안전부 국장)
                # (전남대 산학협력단 is 전남대학교 산학협력단: a known body's full name)
                known = lex.names.get(strip_name(words[i].stem)) if i < k and \
                    cues.ends_with(last, "headed_unit") else None
                canonical = known.canonical + s.text[words[i].stem_end:end] if known and \
                    known.type == "Organization" and known.canonical != words[i].stem else None
                # (a gloss after the pair says what they are: 신영증권-티인베스트먼트(Co-GP);
                # a middle dot joins them too: 이크럭스벤처파트너스·코어자산운용)
                core = re.sub(r"\s*\([^()]*\)$", "", s.text[start:end])
                pair = _JOINT.fullmatch(core)
                if pair and _org_like(pair.group(1), cues, lex):
                    # 신영증권-티인베스트먼트: two managers of one fund (a Co-GP), each a body
                    out.append(Candidate(start, start + len(pair.group(1)), "Organization",
                                         "suffix"))
                    start, end = start + pair.start(2), start + len(core)
                out.append(Candidate(start, end, "Organization", "suffix", canonical=canonical))
                continue
        if not is_head(words, k, cues):
            continue
        if i < k and lex.type_of(last) == "Place":
            continue  # (이틀간 수원컨벤션센터에서: a venue the lexicon knows, not a programme)
        # 과기정통부 디지털 공공서비스 혁신 프로젝트: the ministry runs it and makes the run a
        # name, which is the rest (a company's own programme keeps it: AWS 파트너 네트워크)
        ministry = strip_name(words[i].stem)
        named_from = words[i + 1].start if i < k and ministry.endswith(("부", "처", "청")) \
            and lex.group_of(ministry) == "central-government" else start
        for kind, etype in _CUE_KINDS.items():
            cue = cues.ends_with(last, kind)
            if cue and k > i and len(last) > len(cue) and \
                    strip_name(words[k - 1].stem) in cues.org_descriptor:
                break  # 전문기업 아키비전: a company's name that happens to end in a cue
            if cue and etype == "Initiative" and i == k and len(last) > len(cue) and (
                    w.oov or any(t.startswith("NNP") for t in w.tags)
                    or cue in cues.glued_company_cue):
                break  # 라온비전, 마루비전: a new name that ends in 비전 is a company's
            if cue == "센터" and not any(t in x.stem for x in words[i:k + 1]
                                        for t in cues.centre_topic):
                break  # 행정복지센터, 통합관제센터: a facility (a department), no programme
            if cue in cues.activity_cue and _activity(words, i, k, last, cue, cues):
                break  # AI 역량 강화 교육 프로그램: a kind of activity, no name
            if cue in cues.quote_agreement_after:
                break  # ‘AI 전환’ 업무협약식: a signing, named only inside quotation marks
            if cue == "플랫폼" and split_alias(w.stem)[1] is None:
                break  # 구직 플랫폼, AI 돌봄 플랫폼: a kind of system, no initiative (but
                # 디지털정부플랫폼(DPG), named with its acronym, is one)
            role_named = bool(cue) and etype == "Program" and cues.regex(_ROLE_AFTER).match(
                s.text[w.stem_end:w.stem_end + 24]) is not None
            if cue and distinctive(words, i, k, cue, etype, lex, role_named):
                if words[i].oov and i < k and last in cues.company_suffix:
                    # 노스게이트 디지털 인프라: a new name and company words is a company
                    out.append(Candidate(start, w.stem_end, "Organization", "unknown-org"))
                else:
                    if etype == "Event" and i > 0 and _EVENT_YEAR.fullmatch(words[i - 1].text):
                        start = words[i - 1].start  # 2025년 KIF 출자사업 설명회: its year
                        # is part of the event's name, as written (not of a programme's)
                    out.append(Candidate(start if etype == "Event" else named_from,
                                         w.stem_end, etype, "cue"))
                break
        else:
            if YEAR.match(stem) and k > 0:
                j = k - 1
                while j >= k - 3 and j >= 0 and words[j].noun_only:
                    if cues.ends_with(strip_name(words[j].stem), "event_cue"):
                        i = run_start(words, j, cues)
                        out.append(Candidate(words[i].start, w.stem_end, "Event", "cue"))
                        break
                    j -= 1
    return out
