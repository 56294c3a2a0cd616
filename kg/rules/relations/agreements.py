"""Partnerships (ANNOTATION.md, "Agreements"): an agreement, 협력 or a joint plan.

"A는 B, C와 각각 협약을 맺었다" gives A–B and A–C; the parties to one joint agreement
(no 각각: "A는 B, C와 협약을", "A와 B는 협약을") partner pairwise. A subcontractor
partners with the main contractor (A는 B에 하도급, B가 하도급사로 참여). A meeting,
visit or talk is no partnership, nor is a plan under review.
"""
from __future__ import annotations

from collections.abc import Iterator
import re
from itertools import combinations

from kg.discourse import Context, Slot
from kg.rules import Found, relation_rule

EXAMPLES = [
    # (the guests of the signing ceremony are not its parties)
    ("청주시는 지역 기업 10곳과 ‘청주형 AI 동맹’ 업무협약을 체결했다. 협약식에는 김하늘 충북대학교 "
     "부총장, 이도윤 한국폴리텍대학 학장, 박서준 충북테크노파크 원장 등이 참석했다.", set()),
    # (두 회사는, 양사는: the company the article is about and the last one named)
    ("솔트룩스는 공공 AI 챗봇을 출시했다. 국립공원공단은 이 챗봇을 쓴다. 유통은 KT가 맡는다. 두 회사는 "
     "지난달 총판 계약을 맺었다.", {("솔트룩스", "partnersWith", "KT")}),
    ("네이버클라우드는 새 모델을 공개했다. 모델 학습에는 퓨리오사AI의 칩이 쓰였다. 판매는 KT가 맡는다. "
     "양사는 지난달 협약을 맺었다.", {("네이버클라우드", "partnersWith", "KT")}),
    ("양사는 지난달 협약을 맺었다.", set()),
    ("네이버클라우드와 KT는 공공 AI 사업에서 손을 잡았다.", {("네이버클라우드", "partnersWith", "KT")}),
    ("한국도로공사와 카카오모빌리티가 교통 데이터 공유에 합의했다.",
     {("한국도로공사", "partnersWith", "카카오모빌리티")}),
    ("SK텔레콤은 울산시와 데이터센터 구축을 위한 협약식을 가졌다.", {("SK텔레콤", "partnersWith", "울산광역시")}),
    ("네이버와 카카오는 두 손을 들었다.", set()),
    ("대구시는 누리소프트, 다온시스템과 각각 업무협약을 맺었다.",
     {("대구광역시", "partnersWith", "누리소프트"), ("대구광역시", "partnersWith", "다온시스템")}),
    ("한국농어촌공사는 한국콘텐츠진흥원, 한국전력거래소와 업무협약을 체결했다.",
     {("한국농어촌공사", "partnersWith", "한국콘텐츠진흥원"),
      ("한국농어촌공사", "partnersWith", "한국전력거래소"),
      ("한국콘텐츠진흥원", "partnersWith", "한국전력거래소")}),
    ("네이버와 카카오는 AI 윤리 연구에 협력하기로 했다.", {("네이버", "partnersWith", "카카오")}),
    ("강원도는 삼척시, 동해시와 ‘동해안 AI 클러스터’ 조성을 위한 업무협약을 체결했다.",
     {("강원특별자치도", "partnersWith", "삼척시"), ("강원특별자치도", "partnersWith", "동해시"),
      ("삼척시", "partnersWith", "동해시"),
      ("강원특별자치도", "participatesIn", "동해안 AI 클러스터"),
      ("삼척시", "participatesIn", "동해안 AI 클러스터"),
      ("동해시", "participatesIn", "동해안 AI 클러스터")}),
    ("SK텔레콤과 카카오가 공동 개발한 AI 비서가 공개됐다.", {("SK텔레콤", "partnersWith", "카카오")}),
    ("카카오는 한국과학기술원과 AI 공동연구를 진행한다.", {("카카오", "partnersWith", "한국과학기술원")}),
    ("충남교육청은 대신정보통신과 구축 계약을 체결했다.", set()),
    ("수원시는 다온정보와 ‘새빛톡 고도화 사업’ 계약을 체결했다.",
     {("다온정보", "participatesIn", "새빛톡 고도화 사업")}),
    ("MS는 SK텔레콤과 협력해 서비스를 출시하고, 카이스트와는 AI 공동연구를 한다.",
     {("마이크로소프트", "partnersWith", "SK텔레콤"), ("마이크로소프트", "partnersWith", "한국과학기술원")}),
    ("KT, 마이크로소프트와 5년간 AI 투자 협력", {("KT", "partnersWith", "마이크로소프트")}),
    ("도지사는 에퀴닉스 관계자들을 만나 투자를 요청했다.", set()),
    ("네이버와 카카오는 각자 실적을 발표했다.", set()),
    ("KT는 충청남도·순천향대학교와 함께 AI 민원 서비스 협약을 체결했다.",
     {("KT", "partnersWith", "충청남도"), ("KT", "partnersWith", "순천향대학교"),
      ("충청남도", "partnersWith", "순천향대학교")}),
    ("충남도·KT·순천향대, AI 민원 업무협약 체결",
     {("충청남도", "partnersWith", "KT"), ("충청남도", "partnersWith", "순천향대학교"),
      ("KT", "partnersWith", "순천향대학교")}),
    ("LG CNS-네이버클라우드, 공공 AI 협력 MOU", {("LG CNS", "partnersWith", "네이버클라우드")}),
    ("KT는 네이버클라우드와 AI 협력 체계를 구축했다.", {("KT", "partnersWith", "네이버클라우드")}),
    ("KT는 네이버클라우드와의 협약을 검토하고 있다.", set()),
    ("업계에서는 KT가 네이버클라우드와 손잡을 것이라는 관측이 나온다.", set()),
    ("정보통신산업진흥원은 과학기술정보통신부와 함께 추진하는 ‘AI 바우처’ 대상을 선정했다.",
     {("과학기술정보통신부", "operates", "AI 바우처")}),
    ("카카오는 한국전력공사(한전)와 함께 ‘AI 윤리 캠페인’을 추진한다.",
     {("카카오", "partnersWith", "한국전력공사"), ("한국전력공사", "participatesIn", "AI 윤리 캠페인")}),
    ("카카오는 네이버와 함께 ‘AI 윤리 캠페인’을 추진한다.",
     {("카카오", "partnersWith", "네이버"), ("네이버", "participatesIn", "AI 윤리 캠페인")}),
    ("NIA는 한국인터넷진흥원(KISA)과 보안 협약을 맺어, KISA가 점검해 준다.",
     {("한국지능정보사회진흥원", "partnersWith", "한국인터넷진흥원")}),
    ("지난해 협약을 맺은 네이버와 카카오는 서비스를 낸다.", {("네이버", "partnersWith", "카카오")}),
    ("올해 계약이 체결된 공공 AI 사업 38건 가운데 21건을 네이버클라우드와 KT가 따냈다.", set()),
    ("누리웍스와 한빛메딕스는 센터에 입주해 의료진과 함께 과제를 진행한다.", set()),
    ("이날 과기정통부 장관과 부산시장이 참석한 가운데 KT와 네이버클라우드가 업무협약을 체결했다.",
     {("KT", "partnersWith", "네이버클라우드")}),
    ("협약식은 한국지능정보사회진흥원이 주관했으며, KT와 네이버클라우드가 협약서에 서명했다.",
     {("KT", "partnersWith", "네이버클라우드")}),
    ("김민수 한국지역정보개발원장을 만났다.\n\n- 협력 기관은 어디인가.\n\n“부산광역시, 대구광역시와 각각 "
     "협약을 맺었습니다.”", {("한국지역정보개발원", "partnersWith", "부산광역시"),
                      ("한국지역정보개발원", "partnersWith", "대구광역시")}),
    ("- 사업 기간: 2년\n- 부산광역시, 대구광역시와 각각 협약을 맺었다.", set()),
    ("김민수 한국지역정보개발원장을 만났다.\n―협력은.\n부산광역시, 대구광역시와 각각 협약을 맺었습니다.",
     {("한국지역정보개발원", "partnersWith", "부산광역시"),
      ("한국지역정보개발원", "partnersWith", "대구광역시")}),
    ("GPU 서버 구축은 KT가 하도급사인 클라우드 관리서비스(MSP) 기업 클라우드포레에 맡긴다.",
     {("KT", "partnersWith", "클라우드포레")}),
    ("GPU 서버 등 인프라는 삼성SDS의 하도급사로 참여하는 구름엣지가 공급한다.",
     {("삼성SDS", "partnersWith", "구름엣지")}),
    ("하도급사로 참여하는 구름엣지가 서버를 공급한다.", set()),
    ("컨소시엄에는 주관사 솔트룩스와 함께 누리웍스, 다온랩스가 이름을 올렸다.", set()),
    # the parties of a relative clause's agreement
    ("이번 계약은 지난 8월 조달청과 한국전력공사가 체결한 ‘AI 도입 협력’ MOU의 후속 조치다.",
     {("조달청", "partnersWith", "한국전력공사")}),
    ("사업은 부산시와 네이버가 맺은 업무협약에 따라 추진된다.", {("부산광역시", "partnersWith", "네이버")}),
    ("시가 KT와 체결한 계약에 따라 사업이 진행된다.", set()),
    ("이번 협약에는 한국전력공사를 비롯해 한국가스공사·한국부동산원 등 3개 기관이 참여했다.",
     {("한국전력공사", "partnersWith", "한국가스공사"), ("한국전력공사", "partnersWith", "한국부동산원"),
      ("한국가스공사", "partnersWith", "한국부동산원")}),
    ("협약식에는 한국전력공사와 한국가스공사 관계자들이 참석했다.", set()),
    ("충청남도는 당진시와 함께 데이터센터 구축 업무협약을 체결했다. MOU에 참여한 KT, 대우건설 등은 "
     "분야별 역할을 맡는다.",
     {("충청남도", "partnersWith", "당진시"), ("충청남도", "partnersWith", "KT"),
      ("충청남도", "partnersWith", "대우건설"), ("당진시", "partnersWith", "KT"),
      ("당진시", "partnersWith", "대우건설"), ("KT", "partnersWith", "대우건설")}),
]


@relation_rule("agreement", priority=10, examples=EXAMPLES)
def agreements(ctx: Context) -> Iterator[Found]:
    cues = ctx.cues
    listed = _AGREEMENT_JOINED.match(ctx.text)
    if listed and (listed.group(1) or cues.pattern("verb_join").search(ctx.text, listed.end())) \
            and not ctx.says("no_agreement"):
        # 이번 협약에는 A를 비롯해 B·C 등 8개 기관이 참여했다; MOU에 참여한 A, B, C 등은 …:
        # the parties of one agreement, with those the sentence before named as signing it
        # (협약식에는 … 참석했다 lists its guests, not its parties)
        parties_before, at = ctx.state.extra.get("signed", ((), -1))
        signed = parties_before if at == ctx.state.index - 1 else ()
        parties = sorted({x.index for x in ctx.orgs if not x.quoted and not _official(ctx, x)}
                         | set(signed if listed.group(1) else ()))
        for a, b in combinations(parties, 2):
            yield Found(a, "partnersWith", b, "agreement.listed")
        return
    if _CEREMONY_GUESTS.match(ctx.text) and ctx.says("verb_attend"):
        # 협약식에는 A 원장, B 부총장 … 등이 참석했다: the ceremony's guests, not its parties;
        # nor may the relation model pair them (each mention is this sentence's own)
        for x in ctx.orgs:
            ctx.state.denied.add(("partnersWith", x.index))
        return
    cue, joint = _agreement(ctx)
    if cue is None or ctx.says("no_agreement"):
        return
    if re.match(rf"\s*(\S+\s)?({cues.pattern('consortium').pattern})(에는|에|은|는)\s", ctx.text):
        return  # 컨소시엄에는 주관사 A와 함께 B, C가: members, partners of the lead only (consortia.py)
    orgs = [x for x in ctx.orgs if not x.quoted and x.role != "role" and not _official(ctx, x)
            and not _witness(ctx, x, cue)]
    # (협약식은 NIA가 주관했으며, A와 B가 서명했다: the subjects of the agreeing clause)
    cue_clause = ctx.clause_at(cue) if cue is not None else None
    subjects = [x for x in orgs if x.role.startswith(("subj", "relsubj"))
                and (cue_clause is None or ctx.clause_of(x) == cue_clause)]
    if not subjects and len(ctx.group) >= 2:  # 두 회사는 … 계약을 맺었다: the pair named before
        subjects = [Slot(i, ctx.mentions[i], "subj", -1, False) for i in ctx.group]
    if not subjects and ctx.actor is not None and ctx.mentions[ctx.actor].type == "Organization":
        subjects = [Slot(ctx.actor, ctx.mentions[ctx.actor], "subj", -1, False)]
    if not subjects:
        return
    cue_at = cue + ctx.sent.start_char
    last_subject = max(x.mention.end for x in subjects if x.word >= 0) if any(
        x.word >= 0 for x in subjects) else ctx.sent.start_char
    partners = [x for x in orgs if x not in subjects and last_subject <= x.mention.start < cue_at
                and x.role.startswith(("conj", "dat", "obj"))]
    hired = _hired(ctx, orgs)
    if hired is not None:
        yield Found(hired[0], "partnersWith", hired[1], "agreement.subcontract")
        return
    if ctx.says("subcontract") and not partners and ctx.previous_actor is not None and \
            all(x.index != ctx.previous_actor for x in subjects):
        yield from (Found(ctx.previous_actor, "partnersWith", x.index, "agreement.subcontract")
                    for x in subjects)
        return
    ctx.state.group = [x.index for x in subjects + partners]  # 세 기관은 … later on
    ctx.state.extra["signed"] = (tuple(ctx.state.group), ctx.state.index)  # (MOU에 참여한 …)
    if joint and ctx.text[cue:cue + 6].lstrip().startswith(tuple(cues.procurement)) and any(
            ctx.public_body(x.index) for x in subjects + partners):
        # 교육청은 A와 계약을 맺었다: a public body buying a service, no partnership; the
        # company takes part in the project contracted (시는 A와 ‘X 사업’ 계약을 맺었다)
        for p in subjects + partners:
            if not ctx.public_body(p.index):
                for x in ctx.things:
                    if x.mention.type == "Program" and x.mention.end <= cue_at:
                        yield Found(p.index, "participatesIn", x.index, "agreement.contract")
        return
    if partners and not joint and not ctx.says("partner_verb") and all(
            ctx.public_body(x.index) for x in subjects + partners):
        # 과기정통부와 함께 추진하는 X: public bodies running a programme together both
        # run it; that is no partnership (ANNOTATION.md, "Agreements")
        things = [x.index for x in ctx.things if x.mention.type in ("Program", "Initiative")]
        for p in partners:
            for x in things or ([ctx.state.topic] if ctx.state.topic is not None else []):
                yield Found(p.index, "operates", x, "agreement.co-run")
        return
    if partners and (ctx.says("each") or not joint):
        for s in subjects:
            for p in partners:
                yield Found(s.index, "partnersWith", p.index, "agreement.each")
        if not joint:  # A는 B와 함께 X를 추진: B takes part in X
            for p in partners:
                for x in ctx.things:
                    if x.mention.type in ("Program", "Initiative") and x.role.startswith("obj"):
                        yield Found(p.index, "participatesIn", x.index, "agreement.joins")
        return
    parties = {x.index: x for x in subjects + partners}
    for a, b in combinations(sorted(parties), 2):
        yield Found(a, "partnersWith", b, "agreement.joint")
    # ‘X’ 조성을 위한 업무협약: the parties take part in what they agreed on
    for x in ctx.things:
        if x.mention.type in ("Program", "Initiative") and x.mention.end <= cue_at and \
                ctx.cues.pattern("purpose").search(
                    ctx.text[x.mention.end - ctx.sent.start_char:cue_at - ctx.sent.start_char]):
            for p in sorted(parties):
                yield Found(p, "participatesIn", x.index, "agreement.purpose")


_CEREMONY_GUESTS = re.compile(r"\W*(?:이날\s|이번\s)?\S*(?:협약식|체결식|서명식|협약\s체결식)(?:에는|에)\s")

_AGREEMENT_JOINED = re.compile(r"\s*(?:(?:이번|이날|이)\s)?(?:업무\s?)?(?:협약|MOU|양해각서)(?:\([A-Z]+\))?"
                               r"(?:에는\s|(에\s참여한\s))")


def _hired(ctx: Context, orgs: list[Slot]) -> tuple[int, int] | None:
    """A가 하도급사인 B에 맡긴다, A의 하도급사로 참여하는 B: the body named just after the
    subcontract word works for the one named before it (its genitive, else the subject)."""
    m = re.search(rf"({ctx.cues.pattern('subcontract').pattern})\S*(인|로\s참여하는|로서)?\s",
                  ctx.text)
    if m is None:
        return None
    at = ctx.sent.start_char + m.start()
    after = [x for x in orgs if x.mention.start >= ctx.sent.start_char + m.end()]
    owner = [x for x in orgs if x.mention.end <= at and (
        re.fullmatch(r"의\s*", ctx.text[x.mention.end - ctx.sent.start_char:m.start()])
        or x.role.startswith("subj"))]
    if not after or not owner or after[0].index == owner[-1].index or not re.fullmatch(
            r"[^,.]{0,30}", ctx.text[m.end():after[0].mention.start - ctx.sent.start_char]):
        return None
    return owner[-1].index, after[0].index


def _agreement(ctx: Context) -> tuple[int | None, bool]:
    """Where the sentence says its parties agreed, and whether they signed one joint
    agreement: an agreement concluded (업무협약을 체결, MOU를 맺고: joint), or the
    subject partnering with the others (손잡고, 협력하기로, B와 함께 X를 추진, a
    subcontract)."""
    cues = ctx.cues
    m = cues.regex(r"({agreement})\S{{0,8}}\s*(\S{{0,6}}\s)?\S{{0,4}}({conclude})").search(ctx.text)
    if m and not _describes_after(ctx, m):
        return m.start(), True
    # A와 B가 체결한 ‘X’ 업무협약에 따라: the parties named before a relative clause's
    # verb concluded the agreement it describes (not a contract: 시가 A와 맺은 계약)
    m = cues.built(_signed).search(ctx.text)
    if m:
        return m.start(), True
    # (A와 B가 공동 개발한 X, A는 B와 AI 공동연구를: joint work is a joint plan; the
    # last such word, so that a partner of a later clause counts: A와 협력해 …, B와는 공동연구)
    found = [*cues.pattern("partner_verb").finditer(ctx.text),
             *cues.idiom("partner_idiom").finditer(ctx.text),
             *cues.pattern("subcontract").finditer(ctx.text),
             *cues.regex(r"(^|\s)공동\s?({joint_work})").finditer(ctx.text)]
    m = max(found, key=lambda f: f.start()) if found else None
    if m is None:  # KT, 마이크로소프트와 AI 투자 협력: a headline ends on the noun
        m = cues.regex(r"({headline_partner})(\s?({headline_partner_after}))?[\s.…!]*$"
                       ).search(ctx.text)
    if m is None and ctx.says("verb_operate"):
        m = cues.regex(r"(와|과)\s?({together})").search(ctx.text)
        # (의료진과 함께 과제를 진행: together with people, not with a body)
        if m and not any(re.fullmatch(r"\s*(\([^()]*\))?", ctx.text[
                x.mention.end - ctx.sent.start_char:m.start()]) for x in ctx.orgs
                if x.mention.end - ctx.sent.start_char <= m.start()):
            m = None  # (한국전력공사(한전)와 함께: a body, with its short name)
    return (m.start(), False) if m else (None, False)


def _signed(cues) -> re.Pattern[str]:
    concluded = cues.pattern("conclude").pattern
    signed = "|".join(sorted(cues.agreement - cues.procurement - {"협력"}, key=len, reverse=True))
    return re.compile(rf"\S(이|가)\s(\S+\s){{0,2}}?({concluded})(한|은)\s(\S+\s){{0,7}}?\S*?"
                      rf"({signed})")


def _describes_after(ctx: Context, m: re.Match[str]) -> bool:
    """계약이 체결된 사업 38건 가운데 21건을 A와 B가 따냈다: an agreement in a relative
    clause before every party describes another noun; it is not the parties' agreement
    (협약을 맺은 A와 B는 …: it describes the parties, and is)."""
    end = ctx.sent.start_char + m.end()
    k = next((k for k, w in enumerate(ctx.words) if w.start < end <= w.end), None)
    if k is None or not any("ETM" in t for t in ctx.words[k].tags) or any(
            x.mention.start < ctx.words[k].start for x in ctx.orgs):
        return False
    after = ctx.words[k + 1].start if k + 1 < len(ctx.words) else None
    return not any(x.mention.start == after for x in ctx.orgs)


def _witness(ctx: Context, x: Slot, cue: int | None) -> bool:
    """과기정통부 장관과 부산시장이 참석한 가운데 A와 B가 협약을 맺었다: guests witness it."""
    if cue is None or x.mention.start - ctx.sent.start_char > cue:
        return False
    between = ctx.text[x.mention.end - ctx.sent.start_char:cue]
    return ctx.cues.idiom("witness").search(between) is not None


def _official(ctx: Context, x: Slot) -> bool:
    """An organisation named inside a person's parenthesis is not a party: 공사(사장 X)."""
    before = ctx.text[:x.mention.start - ctx.sent.start_char]
    return before.count("(") > before.count(")")
