"""Enumerations: members of a list with one known member share its type (A, B, C 등 /
A와 B), and names listed before 등 and an organisation noun (뤼튼, 에이아이스 메디컬 등
스타트업들)."""
from __future__ import annotations

import re

from kg.morphology import Eojeol, split_alias, strip_name
from kg.rules import LISTS, Candidate, entity_rule
from kg.rules.entities.base import Sentence

_CONJ_TAILS = ("와", "과", "및", ",", "와,", "과,")
_PAIR_DASHES = ("–", "—", "-", "↔")
# a count or a measure is no name (2곳, 4만 명, 40여 개, 대기 14분, 30%)
_QUANTITY = re.compile(r"[\d.,~]+(만|천|백|억)?여?(년|월|일|년도|곳|개|개사|명|분|초|시간|건|배|회|%)?"
                       r"|(만|천)?(명|곳|개|개사|건|분)")


EXAMPLES = [
    ("업스테이지와 Corvix는 협력한다.", {("Organization", "Corvix")}),
    ("네이버, 카카오, Zentra 등이 참여했다.", {("Organization", "Zentra")}),
    ("오늘, 내일 등 이틀간 열린다.", set()),
    ("조달청과 협의하고 있다.", set()),
    ("1) 부산항만공사 – 오션메트릭스 (물류 예측)", {("Organization", "오션메트릭스")}),
    ("2025 – 2027년 계획", set()),
    ("네이버클라우드와 이용계약을 맺었다.", set()),
    ("LG유플러스는 카카오와 전략적 파트너십을 맺었다.", set()),
    ("네이버클라우드와 이용계약…경기도 공모 선정", set()),
    ("카카오는 한국과학기술원과 AI 공동연구를 진행한다.", set()),
    ("행정안전부, 2027년 AI 예산안 편성", set()),
    ("광주시, AI 기업 3곳과 각각 투자협약", set()),
    ("이번 주에는 정보통신산업진흥원 원장 교체와 민관 얼라이언스 출범 등이 이어졌다.", set()),
    ("중앙정부와 울산시, 기업, 대학 관계자가 참석했다.", set()),
    ("지역구 국회의원 보좌진과 대전테크노파크 관계자가 참석했다.", set()),
    ("▶한수원, 원전 설비 점검에 AI 드론=한국수력원자력은 협약을 맺었다.", set()),
    ("빛고을에이아이, Corvix, 누리웍스 등 지역 기업 7곳과 서울의 다온랩스가 뽑혔다.",
     {("Organization", "Corvix")}),
    # (counts and measures listed beside a name are none: 이용자 4만 명, 대기 14분)
    ("네이버클라우드와 이용자 4만 명이 몰렸다.", set()),
    ("상담 대기 14분, 카카오 등 여러 요인이 있다.", set()),
    # (an agreement in dictionary words is none: 대학교와 협력 협약도 맺었다)
    ("시는 한국과학기술원과 교육 협약도 맺었다.", set()),
    ("구는 카카오와 상생 협력 협약도 체결했다.", set()),
    # (common words of a hope or a talk between bodies name none)
    ("AI 모태펀드 운용사 선정…새 정부와 시너지 기대", set()),
    ("교육부와 발행사 간 협상이 끝나지 않았다.", set()),
    # (a body's qualities or works listed with another body's: 대학의 연구 역량과 KT의 기술력)
    ("시는 대학의 연구 역량과 KT의 기술력을 잇는다.", set()),
    ("울산대학교 등 지역 대학과 한국전력공사가 참여한다.", set()),
    ("시는 울산항만공사, 한국석유공사와 공동 기획한 사업을 시작한다.", set()),
]


@entity_rule("list", LISTS, priority=1, examples=EXAMPLES)
def enumerations(s: Sentence) -> list[Candidate]:
    words, cues, cands = s.words, s.cues, s.merged
    out = []
    items: list[list[Eojeol]] = []
    cur: list[Eojeol] = []

    def flush_list():
        if len(items) < 2:  # (most words: no list, nothing to build)
            items.clear()
            return
        members = [(i[0].start, i[-1].stem_end, strip_name(
            " ".join(x.stem for x in i).rstrip(",·"))) for i in items]
        member_words = list(items)
        items.clear()
        if len(members) < 2:
            return
        known = [c for c in cands for st, e, _ in members if c.start == st and c.end >= e - 1]
        types = {c.type for c in known}
        if len(types) != 1 or not types & {"Organization", "Product"}:
            return
        etype = types.pop()
        known_tails = {next(w for w in words if w.start == c.start).tail for c in known
                       if any(w.start == c.start for w in words)}
        for (st, e, name), ws in zip(members, member_words):
            if all(x.common or strip_name(x.stem) in cues.topic_acronym for x in ws) and (
                    len(ws) == 1 or strip_name(ws[0].stem).endswith("적")
                    or ws[-1].tail in ("을", "를") or _kind_of_body(ws[-1], cues)
                    or _possessed(words, ws, known_tails)):
                continue  # 조달청과 협의하고, 카카오와 전략적 파트너십을, 울산대 등 지역
                # 대학과: dictionary words name nothing new (액세스 파트너십이 공동 수행한:
                # a firm's name may be)
            if any(t.startswith(("E", "XSV", "XSA", "VCP"))
                   for t in [p for tag in ws[-1].tags for p in tag.split("+")][1:]):
                continue  # 광주시, NIPA와 공동 기획한: the verb after a list, no member
            name = split_alias(name)[0]
            words_ = name.split()
            if any(c.start <= st < c.end for c in cands) or not words_ \
                    or words_[-1] in cues.generic or words_[0] in cues.trim \
                    or any(x in cues.list_end for x in words_) \
                    or any(_QUANTITY.fullmatch(x) for x in words_) \
                    or words_[-1] in cues.org_follow \
                    or any(x in cues.run_break for x in words_[1:]) \
                    or len(words_) > 1 and (words_[-1] in cues.action
                                            or words_[-1] in cues.program_action) \
                    or all(x.common for x in ws) and any(
                        cues.ends_with(x, "title") for x in words_) \
                    or len(words_) > 1 and all(x.common for x in ws) and \
                    words_[-1] in cues.agreement_noun \
                    or len(name) < 2 or len(words_) > 3 or name.isdigit() \
                    or not re.fullmatch(r"[A-Za-z0-9가-힣 &.\-]+", name):
                continue
            out.append(Candidate(st, st + len(name), etype, "list"))

    for w in words:
        stem = w.stem.rstrip(",")
        if w.text in _PAIR_DASHES:
            if cur:  # 부산항만공사 – 오션메트릭스: a pair, as in a matching table
                items.append(cur)
                cur = []
            continue
        # (… 그린셀AI 등 지역 기업 7곳과 서울의 노바큐브: 등 closes the list before it)
        if w.noun_only and not w.stem.endswith(",") and strip_name(stem) not in cues.list_end:
            cur.append(w)  # a multi-word member continues
            continue
        if not strip_name(stem) or strip_name(stem) in cues.list_end:
            if cur:
                items.append(cur)
                cur = []
            flush_list()
            continue
        cur.append(w)
        items.append(cur)
        cur = []
        if not (w.stem.endswith(",") or w.tail in _CONJ_TAILS or w.tail_tag == "JC"):
            flush_list()
    if cur:
        items.append(cur)
    flush_list()
    return out


def _kind_of_body(w: Eojeol, cues) -> bool:
    """지역 대학, 이동통신 3사, 유망 기업: a phrase that ends in a kind of body."""
    stem = strip_name(w.stem)
    return stem in cues.list_head or cues.ends_with(stem, "org_descriptor") is not None \
        or cues.ends_with(stem, "list_head") is not None


def _possessed(words: list[Eojeol], ws: list[Eojeol], known_tails: set[str]) -> bool:
    """장학재단의 도메인 전문성과 NIA의 역량: each member is what a body has (a body's 의
    before the first, a known member's 의 after)."""
    k = next((i for i, w in enumerate(words) if w.start == ws[0].start), 0)
    return k > 0 and words[k - 1].tail == "의" and "의" in known_tails


EXAMPLES_GENERIC = [
    ("Qubitly, Varda 등 스타트업들이 모였다.",
     {("Organization", "Qubitly"), ("Organization", "Varda")}),
    ("하늘누리, 새솔 등 기업 5곳이 선정됐다.",
     {("Organization", "하늘누리"), ("Organization", "새솔")}),
    ("사과, 배 등 과일이 팔렸다.", set()),
    ("구는 교통 안내, 세무 상담 등 2개 분야에서 기업 6곳을 뽑는다.", set()),
    ("시는 올해 AI 돌봄 로봇, 스마트 주차 안내, 민원 챗봇 등 3개 사업을 추진한다.", set()),
    ("구는 하늘누리, 새솔 등 7개 기업을 뽑았다.",
     {("Organization", "하늘누리"), ("Organization", "새솔")}),
    ("전시장에는 누리비전, 한결AI랩 등 40여 개 기업이 부스를 차렸다.",
     {("Organization", "누리비전")}),
]


@entity_rule("list-generic", LISTS, priority=2, examples=EXAMPLES_GENERIC)
def before_generic(s: Sentence) -> list[Candidate]:
    """뤼튼, 에이아이스 메디컬 등 스타트업들: items listed before 등 + an organisation noun."""
    words, cues = s.words, s.cues
    out = []
    for k, w in enumerate(words):
        if not (strip_name(w.stem) in cues.etc or w.stem.endswith(cues.words("etc"))):
            continue
        nxt = words[k + 1:k + 4]
        # (a head word ends the stem: 3개사, 기업들; 사업 is no 사)
        head = next((i for i, x in enumerate(nxt) if strip_name(x.stem).removesuffix(
            "들").endswith(tuple(cues.list_head))), None)
        if head is None or any(x.tail == "의" or not _QUANTITY.fullmatch(x.text.strip())
                               for x in nxt[:head]):
            continue  # (only a count stands between: 등 40여 개 기업; 등 3개 분야에서
            # 기업 24곳을 is a list of fields)
        j = k - 1
        members: list[tuple[int, int]] = []
        span_words: list[Eojeol] = []
        while j >= 0:
            x = words[j]
            if not (x.noun_only or x.tail == ",") and j != k - 1:
                break
            span_words.insert(0, x)  # a name may have two words: 에이아이스 메디컬
            j -= 1
            if len(span_words) > 8:
                break
        # split the words before 등 at commas
        name_words: list[Eojeol] = []
        for x in span_words:
            name_words.append(x)
            if x.tail == "," or x is span_words[-1]:
                first = name_words[0]
                stem = strip_name(" ".join(y.stem for y in name_words).rstrip(","))
                if 2 <= len(stem) <= 15 and not any(p in cues.trim or p in cues.generic
                                                    for p in stem.split()):
                    members.append((first.name_start, first.name_start + len(stem)))
                name_words = []
        if len(members) >= 2:
            for st, e in members[-4:]:
                # 누리비전, 한결AI랩 등 40여 개 기업: a name the cue words took for a policy
                # (…비전) is one of the companies
                cue = next((c for c in s.merged if c.start == st and c.end == e
                            and c.rule == "cue" and " " not in s.text[st:e]), None)
                if cue is not None:
                    cue.type, cue.rule = "Organization", "list-generic"
                else:
                    out.append(Candidate(st, e, "Organization", "list-generic"))
    return out
