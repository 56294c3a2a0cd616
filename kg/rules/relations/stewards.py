"""Who runs a programme or hosts an event, said with a role noun rather than a verb
(ANNOTATION.md, "Who operates"; "Events"):

- X의 전담기관 / X 전담기관인 A / A는 X의 주관기관이다: A operates X;
- A 주관으로 (추진되는) X, A 주관 X: A operates a programme, organizes an event;
- X는 A가 추진해 온 사업이다: a programme the sentence is about, run by the subject after it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, Slot
from kg.rules import Found, relation_rule

EXAMPLES = [
    ("방문간호사가 쓰는 AI 기록 도구 ‘케어노트’는 창원 기업 다솜헬스AI가 공급합니다.",
     {("다솜헬스AI", "operates", "케어노트")}),
    ("‘케어노트’는 서울의료원과 대구의료원이 쓰고 있다.", set()),
    ("행안부는 NIA에 ‘AI 민원 분석 사업’을 위탁했다.",
     {("행정안전부", "operates", "AI 민원 분석 사업"), ("한국지능정보사회진흥원", "operates", "AI 민원 분석 사업")}),
    ("‘AI 민원 분석 사업’은 가온소프트가 수행한다.", {("가온소프트", "participatesIn", "AI 민원 분석 사업")}),
    ("한국지능정보사회진흥원(NIA)은 ‘AI 바우처 사업’의 전담기관이다.",
     {("한국지능정보사회진흥원", "operates", "AI 바우처 사업")}),
    ("‘AI 민원비서’ 사업의 전담기관은 한국지역정보개발원(KLID)으로, 학습을 지원한다.",
     {("한국지역정보개발원", "operates", "AI 민원비서 사업")}),
    ("‘AI 바우처 사업’ 전담기관인 정보통신산업진흥원이 공모를 진행한다.",
     {("정보통신산업진흥원", "operates", "AI 바우처 사업")}),
    ("‘AI 바우처 사업’은 행안부 주관으로 추진된다.", {("행정안전부", "operates", "AI 바우처 사업")}),
    ("행안부 주관 ‘AI 바우처 사업’이 시작됐다.", {("행정안전부", "operates", "AI 바우처 사업")}),
    ("한국정보통신진흥협회 주관으로 ‘공공 AI 서밋’이 열렸다.",
     {("한국정보통신진흥협회", "organizes", "공공 AI 서밋")}),
    ("‘AI 바우처 사업’은 과기정통부가 2024년부터 추진해 온 사업이다.",
     {("과학기술정보통신부", "operates", "AI 바우처 사업")}),
    ("‘AI 바우처 사업’은 카카오가 참여해 온 사업이다.", set()),
    ("‘충북 AI 바이오 실증허브’는 충청북도와 청주시가 세운 시설이다.",
     {("충청북도", "operates", "충북 AI 바이오 실증허브"), ("청주시", "operates", "충북 AI 바이오 실증허브")}),
    ("‘AI 산단 조성 사업’은 산업통상자원부와 한국산업단지공단이 함께 추진하는 사업이다.",
     {("산업통상부", "operates", "AI 산단 조성 사업"),
      ("한국산업단지공단", "operates", "AI 산단 조성 사업")}),
    ("KT는 행안부 주관 회의에 참석했다.", set()),
    ("광주시는 ‘AI 판독 실증사업’을 시작한다. 협약에 따라 NIPA는 사업 전담기관으로서 과제 관리를 맡는다.",
     {("정보통신산업진흥원", "operates", "AI 판독 실증사업")}),
    ("NIPA는 사업 전담기관으로서 과제 관리를 맡는다.", set()),
    ("‘AI 안전성 검증 체계 구축’ 사업은 과기정통부와 함께 추진하며, 전담기관은 한국인터넷진흥원(KISA)이다.",
     {("한국인터넷진흥원", "operates", "AI 안전성 검증 체계 구축 사업")}),
    # (a role said in the next sentence: the programme just named)
    ("도는 ‘스마트 돌봄 실증’ 사업을 공모했다. 전담 기관은 한국지능정보사회진흥원(NIA)이다.",
     {("한국지능정보사회진흥원", "operates", "스마트 돌봄 실증 사업")}),
    ("사업명 | 수행(전담)기관 | 예산\n‘AI 기록물 자동분류’ | 국가기록원 | 36\n"
     "‘공무원 AI 아카데미’ | 지방자치인재개발원 | 48",
     {("국가기록원", "operates", "AI 기록물 자동분류"),
      ("지방자치인재개발원", "operates", "공무원 AI 아카데미")}),
    # the managers chosen for a fund run it
    ("광주시는 ‘AI 빛고을 펀드’를 만든다. 펀드 운용사로는 가온벤처스와 한빛인베스트먼트 두 곳이 선정됐다.",
     {("가온벤처스", "operates", "AI 빛고을 펀드"), ("한빛인베스트먼트", "operates", "AI 빛고을 펀드")}),
    ("서초구는 ‘서초 AI 펀드’를 결성한다. 구는 지난달 누리벤처스, 다온파트너스 2개 운용사를 선정했다.",
     {("누리벤처스", "operates", "서초 AI 펀드"), ("다온파트너스", "operates", "서초 AI 펀드")}),
    ("‘AI 빛고을 펀드’ 운용사 모집에 가온벤처스와 한빛인베스트먼트가 지원했다.", set()),
    ("‘AI 빛고을 펀드’는 운용사 1곳을 선발한다. 이 분야에는 가온벤처스와 한빛인베스트먼트가 격돌했다.", set()),
]

_PREDICATE = {"Program": "operates", "Initiative": "operates", "Event": "organizes"}


@relation_rule("steward", priority=14, examples=EXAMPLES)
def stewards(ctx: Context) -> Iterator[Found]:
    yield from _role_nouns(ctx)
    yield from _role_at_hand(ctx)
    yield from _table_operators(ctx)
    yield from _role_is(ctx)
    yield from _hosted(ctx)
    yield from _topic_run_by(ctx)
    yield from _commissioned(ctx)
    yield from _fund_managers(ctx)


def _at(ctx: Context, offset: int) -> str:
    return ctx.text[offset - ctx.sent.start_char:]


def _named(ctx: Context) -> list[Slot]:
    return [x for x in ctx.slots if x.mention.type in _PREDICATE and not x.quoted
            or x.mention.type in _PREDICATE and x.mention.rule == "quote"]


def _role_nouns(ctx: Context) -> Iterator[Found]:
    """X의 전담기관 (A는 … 이다), X 전담기관인 A."""
    roles = ctx.cues.pattern("operator_role").pattern
    for x in _named(ctx):
        if x.mention.type == "Event":
            continue
        m = re.match(rf"[’'”」]?\s*(의\s*)?({roles})(인|이자|으로서|이다|이며|이고|을|를|은|는)?",
                     _at(ctx, x.mention.end))
        if m is None:
            continue
        after = x.mention.end + m.end()
        follower = next((o for o in ctx.orgs if 0 <= o.mention.start - after <= 1), None)
        # X 전담기관인 A; X의 전담기관은 A(으로|이다)
        if follower is not None and m.group(3) in ("인", "이자", "으로서", "은", "는"):
            yield Found(follower.index, "operates", x.index, "steward.role")
            continue
        subject = next((o for o in ctx.orgs if o.role.startswith("subj") and not o.quoted
                        and o.mention.end <= x.mention.start), None)
        if subject is not None:
            yield Found(subject.index, "operates", x.index, "steward.role")


def _role_at_hand(ctx: Context) -> Iterator[Found]:
    """NIA는 사업 전담기관으로서 …을 맡고: a body in an operating role of the programme at
    hand, when the sentence names none."""
    if any(x.mention.type in ("Program", "Initiative") for x in ctx.things):
        return
    at_hand = ctx.previous_topic if ctx.previous_topic is not None else _at_hand(ctx)
    if at_hand is None:
        return
    roles = ctx.cues.pattern("operator_role").pattern
    for o in ctx.orgs:
        if not o.quoted and o.role.startswith("subj") and re.match(
                rf"\S*\s+(\S+\s)?({roles})(으로서|으로|을|를)(\s|$)", _at(ctx, o.mention.end)):
            yield Found(o.index, "operates", at_hand, "steward.role-at-hand")


def _at_hand(ctx: Context) -> int | None:
    """The programme named within the last three sentences, else the article's one."""
    state = ctx.state
    recent = [i for i in state.programs_seen if ctx.mentions[i].sentence >= state.index - 3]
    return recent[-1] if recent else ctx.sole_program()


def _role_is(ctx: Context) -> Iterator[Found]:
    """X 사업은 …하며, 전담기관은 A이다: the body the role noun is, for the sentence's
    topic (else the programme at hand)."""
    # (전담 기관은: the role noun written in two words)
    roles = ctx.cues.pattern("operator_role").pattern.replace("기관", r"\s?기관")
    for m in re.finditer(rf"(?:^|\s)({roles})(은|는)\s", ctx.text):
        at = ctx.sent.start_char + m.end()
        o = next((o for o in ctx.orgs if 0 <= o.mention.start - at <= 1 and not o.quoted), None)
        if o is None or not re.match(r"(\([^()]*\))?\s*(이다|이며|이고|으로|로|가|이)",
                                     _at(ctx, o.mention.end)):
            continue
        topic = next((x for x in ctx.things if x.mention.type in ("Program", "Initiative")
                      and x.role == "subj" and x.mention.end <= m.start() + ctx.sent.start_char),
                     None)
        target = topic.index if topic is not None else ctx.previous_topic
        if target is None and not any(x.mention.type in ("Program", "Initiative")
                                      for x in ctx.things):
            target = _at_hand(ctx)  # (…사업을 공모했다. 전담기관은 A이다: that programme)
        if target is not None:
            yield Found(o.index, "operates", target, "steward.role-is")


def _table_operators(ctx: Context) -> Iterator[Found]:
    """사업명 | 수행(전담)기관 | 예산: a table whose column names the body that runs each
    row's programme."""
    line = ctx.text.strip()
    if "|" not in line:
        ctx.state.extra.pop("operator_column", None)
        return
    cells = [c.strip() for c in line.strip("|").split("|")]
    # (수행(전담)기관: a role written with another in brackets)
    roles = ctx.cues.pattern("operator_role").pattern
    column = ctx.cues.pattern("operator_column").pattern
    header = [k for k, c in enumerate(cells) if re.search(
        rf"({roles})|({column})\S*기관", c) and not ctx.orgs]
    if header:
        ctx.state.extra["operator_column"] = (header[0], len(cells))
        return
    column = ctx.state.extra.get("operator_column")
    if column is None or len(cells) != column[1]:
        return
    offsets, pos = [], ctx.text.find(line) + (1 if line.startswith("|") else 0)
    for cell in line.strip("|").split("|"):
        offsets.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    a, b = offsets[column[0]]
    runners = [o for o in ctx.orgs if a <= o.mention.start - ctx.sent.start_char < b]
    things = [x for x in ctx.things if x.mention.type in ("Program", "Initiative")
              and not a <= x.mention.start - ctx.sent.start_char < b]
    for o in runners[:1]:
        for x in things[:1]:
            yield Found(o.index, "operates", x.index, "steward.table")


def _hosted(ctx: Context) -> Iterator[Found]:
    """A 주관으로 X, A 주관 X, X는 A 주관으로: the body hosts the thing named next to it."""
    for o in ctx.orgs:
        if o.quoted:
            continue
        m = re.match(r"\s?(주관|주최)(으로|로|하에|하는|한|의)?(\s|$)", _at(ctx, o.mention.end))
        if m is None:
            continue
        after = o.mention.end + m.end()
        nxt = next((x for x in _named(ctx) if 0 <= x.mention.start - after <= 2), None)
        if nxt is None and m.group(2) in ("으로", "로", "하에"):
            # X는 A 주관으로 추진된다: the thing is the topic before
            nxt = next((x for x in _named(ctx) if x.role.startswith("subj")
                        and x.mention.end <= o.mention.start), None)
        if nxt is None and m.group(2) in ("으로", "로", "하에"):
            nxt = next((x for x in _named(ctx) if x.mention.start >= after
                        and x.role.startswith("subj")), None)
        if nxt is not None and (ctx.public_body(o.index) or nxt.mention.type == "Event"):
            yield Found(o.index, _PREDICATE[nxt.mention.type], nxt.index, "steward.host")


def _topic_run_by(ctx: Context) -> Iterator[Found]:
    """X는 A가 (2024년부터) 추진해 온 사업이다: the topic, and the subject after it with an
    operating verb of its own clause."""
    # (‘케어노트’는 다솜헬스AI가 공급한다: a product's maker or supplier runs it too)
    topics = [x for x in ctx.things if x.role == "subj"
              and ctx.words[x.word].tail.strip() in ("은", "는")]
    if not topics:
        return
    topic = topics[0]
    # (X는 A와 B가 함께 추진하는 사업이다: the subjects listed, of a clause or the sentence)
    doers = [o for o in ctx.orgs if not o.quoted and o.mention.start > topic.mention.end
             and o.role.rstrip("*") in ("subj", "relsubj")
             and ctx.words[o.word].tail.strip() in ("이", "가", "와", "과")]
    last = next((o for o in doers if not o.role.endswith("*")), None)
    if last is None:
        return
    # the verb of their clause: the first verb after the last of them
    clause = next((w.text for w in ctx.words[last.word + 1:] if any(
        p.startswith(("VV", "XSV")) for t in w.tags for p in t.split("+"))), "")
    if ctx.cues.pattern("verb_operate").search(clause) and \
            not ctx.cues.pattern("verb_join").search(clause):
        # (X는 가온소프트가 수행한다: a company carrying out the work takes part in it)
        contract = ctx.cues.pattern("verb_execute").search(clause) and \
            not ctx.cues.pattern("verb_run").search(clause) and topic.mention.type != "Product"
        for o in doers[:doers.index(last) + 1]:
            if contract and ctx.company(o.index):
                yield Found(o.index, "participatesIn", topic.index, "steward.topic")
            else:
                yield Found(o.index, "operates", topic.index, "steward.topic")


def _commissioned(ctx: Context) -> Iterator[Found]:
    """행안부는 NIA에 ‘X’를 위탁했다: both run it, the one who commissions and the body
    it is commissioned to."""
    if not ctx.says("commission"):
        return
    things = [x for x in ctx.things if x.mention.type in ("Program", "Initiative")
              and x.role.startswith("obj")]
    if not things:
        return
    for o in ctx.orgs:
        if not o.quoted and (o.role.startswith(("subj", "dat")) or o.index == ctx.actor
                             and not any(p.role.startswith("subj") for p in ctx.orgs)):
            yield Found(o.index, "operates", things[0].index, "steward.commissioned")


def _fund_managers(ctx: Context) -> Iterator[Found]:
    """X 운용사로는 A와 B가 선정됐다, 구는 A, B 2개 운용사를 선정했다: the firms chosen to
    manage a fund run it (the fund named here, else the one at hand); not the body that
    chooses them (its topic, 구는), nor firms that only applied."""
    if not ctx.says("fund_manager") or not (ctx.says("verb_select") or ctx.says("passive_select")) \
            or ctx.says("fund_applied"):
        return  # (운용사 1곳을 선발하는 분야에는 A와 B가 격돌했다: applicants)
    funds = [x for x in ctx.things if x.mention.type == "Program"
             and ctx.cues.ends_with(x.mention.canonical or x.mention.text, "fund_name")]
    fund = funds[0].index if funds else ctx.fund_at_hand()
    if fund is None:
        return
    for o in ctx.orgs:
        if not o.quoted and not ctx.public_body(o.index) and \
                ctx.words[o.word].tail.strip() not in ("은", "는", "의"):
            yield Found(o.index, "operates", fund, "steward.fund-manager")
