"""Consortia and their members (ANNOTATION.md, "Bids and consortia").

A named consortium (대신정보통신 컨소시엄) is led by the organisation it is named
after, or by the one called its 주관사/주관기관; its members partnersWith the lead
only. When it is selected for a program (선정, 우선협상대상자, 수주), it, its lead
and its members participatesIn the program, also when the members are listed a
few sentences away; a consortium that lost (고배, 탈락, 2순위) takes part in
nothing. Members come from "이 컨소시엄에는 A, B가 참여", from a parenthesis after
the name (X 컨소시엄(A·B·C)), or from a table whose columns are the lead and the
members (| 업종 | 주관기관 | 참여기관 |).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.discourse import Context, Slot
from kg.names import link_key
from kg.rules import Found, relation_rule
from kg.rules.entities.unknown import MEMBER


@dataclass
class Consortium:
    mention: int                   # a mention of the consortium (the first)
    lead: int | None = None
    members: set[int] = field(default_factory=set)
    program: int | None = None
    lost: bool = False


EXAMPLES = [
    # (a member in a relative clause before the name; rivals with consortia of their own)
    ("‘AI 민원 비서 구축’ 사업의 우선협상대상자로 KT가 참여한 한빛 컨소시엄이 선정됐다. 이 컨소시엄 "
     "외엔 누리랩, 다온소프트 등이 각자 컨소시엄을 구성해 참가했다.",
     {("KT", "participatesIn", "AI 민원 비서 구축 사업"), ("한빛", "participatesIn", "AI 민원 비서 구축 사업"),
      ("한빛 컨소시엄", "participatesIn", "AI 민원 비서 구축 사업"), ("한빛", "partnersWith", "KT")}),
    ("시는 ‘AI 돌봄 플랫폼’ 사업자로 가람 컨소시엄을 선정했다. "
     "이 컨소시엄에는 가람과 누리소프트, 다온시스템이 참여했다.",
     {("가람 컨소시엄", "participatesIn", "AI 돌봄 플랫폼"),
      ("가람", "participatesIn", "AI 돌봄 플랫폼"),
      ("누리소프트", "participatesIn", "AI 돌봄 플랫폼"),
      ("다온시스템", "participatesIn", "AI 돌봄 플랫폼"),
      ("가람", "partnersWith", "누리소프트"), ("가람", "partnersWith", "다온시스템")}),
    ("경쟁한 보라 컨소시엄(보라·미르웍스·새솔)은 2순위에 그쳤다.",
     {("보라", "partnersWith", "미르웍스"), ("보라", "partnersWith", "새솔")}),
    ("| 분야 | 주관기관 | 참여기관 |\n| 의료 | 가온데이터 | 누리소프트, 한국전자기술연구원 |",
     {("가온데이터", "partnersWith", "누리소프트"),
      ("가온데이터", "partnersWith", "한국전자기술연구원")}),
    ("‘건축 AI 서비스 구축’ 사업은 도면을 검토하는 서비스다. "
     "LG CNS는 전문기업 아키랩, 공간정보 기업 지오플랜과 컨소시엄을 꾸려 참여했다.",
     {("LG CNS", "partnersWith", "아키랩"), ("LG CNS", "partnersWith", "지오플랜"),
      ("LG CNS", "participatesIn", "건축 AI 서비스 구축 사업"),
      ("아키랩", "participatesIn", "건축 AI 서비스 구축 사업"),
      ("지오플랜", "participatesIn", "건축 AI 서비스 구축 사업")}),
    ("해솔정보통신 컨소시엄은 LG CNS 컨소시엄(LG CNS·한서데이터)을 제치고 1순위에 올랐다. "
     "컨소시엄은 주관사인 해솔정보통신과 업스테이지, 온결데이터로 구성됐다.",
     {("LG CNS", "partnersWith", "한서데이터"), ("해솔정보통신", "partnersWith", "업스테이지"),
      ("해솔정보통신", "partnersWith", "온결데이터")}),
    ("‘AI 민원 플랫폼’ 사업은 한빛 컨소시엄이 따냈다. 한빛 컨소시엄은 가온 컨소시엄을 제치고 "
     "우선협상대상자로 선정됐고, 컨소시엄에는 누리소프트가 참여했다.",
     {("한빛", "partnersWith", "누리소프트"), ("한빛 컨소시엄", "participatesIn", "AI 민원 플랫폼 사업"),
      ("한빛", "participatesIn", "AI 민원 플랫폼 사업"),
      ("누리소프트", "participatesIn", "AI 민원 플랫폼 사업")}),
    ("입찰에는 3개 컨소시엄이 참여했다.", set()),
    ("가온 컨소시엄(가온·누리랩)이 ‘AI 민원 플랫폼’ 사업 최종 후보에 선정됐다. 그러나 가온 컨소시엄은 "
     "결국 고배를 마셨다.", {("가온", "partnersWith", "누리랩")}),
    ("‘AI 민원 플랫폼’ 사업자로 한빛 컨소시엄이 선정됐다. 한빛 컨소시엄은 2순위인 누리랩을 앞섰다.",
     {("한빛 컨소시엄", "participatesIn", "AI 민원 플랫폼"), ("한빛", "participatesIn", "AI 민원 플랫폼")}),
    ("‘AI 민원 플랫폼’ 사업에서 한빛 컨소시엄이 가온 컨소시엄(가온·누리랩)을 누르고 선정됐다.",
     {("한빛 컨소시엄", "participatesIn", "AI 민원 플랫폼 사업"), ("한빛", "participatesIn", "AI 민원 플랫폼 사업"),
      ("가온", "partnersWith", "누리랩")}),
    ("관세청의 ‘AI 통관심사 지원시스템 구축’(62억 원)은 LG CNS 컨소시엄이 가져갔다. 컨소시엄은 "
     "LG CNS(주관)·와이즈넛·스캔메이트AI로 꾸려졌다.",
     {("LG CNS 컨소시엄", "participatesIn", "AI 통관심사 지원시스템 구축"),
      ("LG CNS", "participatesIn", "AI 통관심사 지원시스템 구축"),
      ("와이즈넛", "participatesIn", "AI 통관심사 지원시스템 구축"),
      ("스캔메이트AI", "participatesIn", "AI 통관심사 지원시스템 구축"),
      ("LG CNS", "partnersWith", "와이즈넛"), ("LG CNS", "partnersWith", "스캔메이트AI")}),
    # (a joint bidder written with a hyphen, or a fund's joint managers: the first leads)
    ("LG유플러스-솔트룩스 컨소시엄이 ‘AI 교수학습 플랫폼’ 사업의 우선협상대상자로 선정됐다.",
     {("LG유플러스", "partnersWith", "솔트룩스"), ("LG유플러스", "participatesIn", "AI 교수학습 플랫폼 사업"),
      ("솔트룩스", "participatesIn", "AI 교수학습 플랫폼 사업"),
      ("LG유플러스-솔트룩스 컨소시엄", "participatesIn", "AI 교수학습 플랫폼 사업")}),
    ("운용사 공모에는 ▲미래에셋벤처투자 ▲신영증권-KB인베스트먼트(Co-GP) 등이 지원했다.",
     {("신영증권", "partnersWith", "KB인베스트먼트")}),
    ("서울-부산 구간 자율주행 실증에 KT가 참여한다.", set()),
    ("행안부의 ‘AI 침수 예측 실증사업’ 수행기관이 정해졌다. NIA는 아라데이터(주관)·LG CNS·비욘드웨더 "
     "컨소시엄을 1순위로 확정했다고 밝혔다.",
     {("아라데이터", "partnersWith", "LG CNS"), ("아라데이터", "partnersWith", "비욘드웨더"),
      ("아라데이터", "participatesIn", "AI 침수 예측 실증사업"),
      ("LG CNS", "participatesIn", "AI 침수 예측 실증사업"),
      ("비욘드웨더", "participatesIn", "AI 침수 예측 실증사업")}),
    ("행안부는 ‘AI 민원 플랫폼 사업’에 50억원을 투입한다. 1구역은 가람 컨소시엄이 가져갔다. 가람은 "
     "누리소프트, 다온시스템과 손을 잡았다.",
     {("가람 컨소시엄", "participatesIn", "AI 민원 플랫폼 사업"), ("가람", "participatesIn", "AI 민원 플랫폼 사업"),
      ("누리소프트", "participatesIn", "AI 민원 플랫폼 사업"),
      ("다온시스템", "participatesIn", "AI 민원 플랫폼 사업")}),
    ("행안부는 ‘AI 민원 플랫폼 사업’에 50억원을 투입한다. 사업은 두 구역으로 나뉘어 발주됐다. 1구역은 가람 "
     "컨소시엄이 가져갔다. 컨소시엄에는 가람과 누리소프트가 참여했다.\n\n2구역은 한빛 컨소시엄이 따냈다.",
     {("가람 컨소시엄", "participatesIn", "AI 민원 플랫폼 사업"), ("가람", "participatesIn", "AI 민원 플랫폼 사업"),
      ("누리소프트", "participatesIn", "AI 민원 플랫폼 사업"), ("가람", "partnersWith", "누리소프트"),
      ("한빛 컨소시엄", "participatesIn", "AI 민원 플랫폼 사업"), ("한빛", "participatesIn", "AI 민원 플랫폼 사업")}),
    ("행안부는 ‘AI 민원 플랫폼 사업’에 50억원을 투입한다. 가람 컨소시엄은 고배를 마셨다. 가람은 누리소프트와 "
     "손을 잡았다.", set()),
    ("과기정통부는 ‘AI 공공안전 원천기술개발사업’의 올해 신규 과제인 ‘재난 대응 멀티모달 모델 개발’ "
     "수행기관으로 포스텍 컨소시엄을 선정했다. 컨소시엄에는 포스텍과 연세대가 참여했다.",
     {("포스텍 컨소시엄", "participatesIn", "재난 대응 멀티모달 모델 개발"),
      ("포항공과대학교", "participatesIn", "재난 대응 멀티모달 모델 개발"),
      ("연세대학교", "participatesIn", "재난 대응 멀티모달 모델 개발"),
      ("포항공과대학교", "partnersWith", "연세대학교")}),
    ("경쟁에 나선 LG CNS 컨소시엄에는 코난테크놀로지와 솔트룩스가 이름을 올렸다.",
     {("LG CNS", "partnersWith", "코난테크놀로지"), ("LG CNS", "partnersWith", "솔트룩스")}),
    ("도로공사는 ‘AI 도로위험 예측 사업’ 우선협상대상자로 씽크로드 컨소시엄을 선정했다. 컨소시엄은 주관사 "
     "씽크로드를 중심으로 솔트룩스와 충남대가 꾸렸다.",
     {("씽크로드 컨소시엄", "participatesIn", "AI 도로위험 예측 사업"),
      ("씽크로드", "participatesIn", "AI 도로위험 예측 사업"),
      ("솔트룩스", "participatesIn", "AI 도로위험 예측 사업"),
      ("충남대학교", "participatesIn", "AI 도로위험 예측 사업"),
      ("씽크로드", "partnersWith", "솔트룩스"), ("씽크로드", "partnersWith", "충남대학교")}),
    ("행안부는 ‘AI 공동활용 플랫폼 구축’ 사업을 추진한다. 1단계 사업은 솔트룩스 컨소시엄이 수행하고 있다. "
     "컨소시엄에는 주관사인 솔트룩스와 네이버클라우드, 다온랩스가 참여했다.",
     {("솔트룩스 컨소시엄", "participatesIn", "AI 공동활용 플랫폼 구축 사업"),
      ("솔트룩스", "participatesIn", "AI 공동활용 플랫폼 구축 사업"),
      ("네이버클라우드", "participatesIn", "AI 공동활용 플랫폼 구축 사업"),
      ("다온랩스", "participatesIn", "AI 공동활용 플랫폼 구축 사업"),
      ("솔트룩스", "partnersWith", "네이버클라우드"), ("솔트룩스", "partnersWith", "다온랩스")}),
    ("과기정통부는 ‘AI 에이전트 기술개발’ 사업의 3개 컨소시엄을 선정했다. 선정 결과는 다음과 같다.\n"
     " ㅇ (민원) 솔트룩스 컨소시엄 : 주관기관 솔트룩스, 참여기관 고려대학교·누리웍스",
     {("솔트룩스", "partnersWith", "고려대학교"), ("솔트룩스", "partnersWith", "누리웍스")}),
    ("‘AI 민원 플랫폼 사업’ 수주전에 가람 컨소시엄이 뛰어들었다.", set()),
    ("가람 컨소시엄은 ‘AI 민원 플랫폼 사업’ 수주에 실패했다.", set()),
    ("KT는 KT클라우드, 대진정보통신과 컨소시엄을 꾸렸지만 기술평가에서 0.9점 차로 밀렸다.",
     {("KT", "partnersWith", "KT클라우드"), ("KT", "partnersWith", "대진정보통신")}),
]


def own_consortia(cues) -> re.Pattern[str]:
    """각자 컨소시엄을 구성해: each bidder with a consortium of its own (rivals)."""
    return cues.regex(r"({separate})\s?(의\s)?({consortium})")


@relation_rule("consortium", priority=8, examples=EXAMPLES)
def consortia(ctx: Context) -> Iterator[Found]:
    state = ctx.state
    known: dict[str, Consortium] = state.extra.setdefault("consortia", {})
    if ctx.cues.built(own_consortia).search(ctx.text):
        return  # 이 컨소시엄 외엔 A, B, C 등이 각자 컨소시엄을 구성해 참가했다: rivals, each
        # with a consortium of its own; none is a member, and none was picked
    yield from _table_row(ctx)
    yield from _formed(ctx)
    yield from _member_run(ctx)
    yield from _lead_partners(ctx, state.extra.get("last_consortium"))
    here = [x for x in ctx.orgs if x.mention.text.endswith(tuple(ctx.cues.consortium))
            and x.mention.text not in ctx.cues.consortium]
    refs = [(_consortium(ctx, known, x), x) for x in here]
    if not refs and known and re.search(r"(이|해당|동|같은)\s?컨소시엄|^컨소시엄", ctx.text):
        refs = [(state.extra["last_consortium"], None)]
    elif not refs and known and _lead_named(ctx, state.extra.get("last_consortium")):
        # 주관기관인 포스텍 외에 A, B가 참여기관으로 이름을 올렸다: the members of the
        # consortium just named, introduced by its lead
        refs = [(state.extra["last_consortium"], None)]
    # 이 컨소시엄, 컨소시엄은 … later: the consortium the sentence was about (its subject),
    # not the rival it beat
    topic = next((c for c, named in refs if named is not None and named.role.startswith("subj")),
                 next((c for c, named in refs if not _beaten(ctx, named)),
                      refs[-1][0] if refs else None))
    for c, named in refs:
        state.extra["last_consortium"] = topic
        mine = {x.index for x in here}
        lead = _lead(ctx, c)
        if lead is not None:
            c.lead = lead
        if ctx.says("failed") or ctx.says("lose") and (not _wins(ctx) and not _loser_named(ctx, mine)
                                 or _beaten(ctx, named)):
            c.lost = True  # (A 컨소시엄이 B 컨소시엄을 제치고 선정됐다: B lost)
        lead_name = link_key(ctx.mentions[c.lead].text) if c.lead is not None else None
        for m in _members(ctx, c, mine, named, c is topic):
            if link_key(ctx.mentions[m].text) != lead_name and not any(
                    link_key(ctx.mentions[o].text) == link_key(ctx.mentions[m].text)
                    for o in c.members):
                c.members.add(m)
        # (1단계 사업은 A 컨소시엄이 수행하고 있다: it carries the programme out)
        performs = named is not None and named.role.startswith("subj") and ctx.says("duty")
        if (_wins(ctx) or performs) and not c.lost and c.program is None:
            # (‘X사업’의 신규 과제인 ‘Y’ 수행기관으로 A 컨소시엄을: the one written last
            # before the consortium, else the first after it)
            at = ctx.mentions[named.index].start if named is not None else ctx.sent.end_char
            won = [x.index for x in ctx.things if x.mention.type in ("Program", "Initiative")]
            before = [i for i in won if ctx.mentions[i].end <= at]
            program = before[-1] if before else (won[0] if won else None)
            # else the programme of the last sentences: a feature or a digest moves on, and
            # a programme named paragraphs before is no longer the one at hand
            recent = [i for i in state.programs_seen
                      if ctx.mentions[i].sentence >= state.index - 2]
            award = state.extra.get("last_award")
            c.program = program if program is not None else (
                state.topic if state.topic is not None else (recent[-1] if recent else (
                    # (1구역은 A 컨소시엄이 가져갔다. … 2구역은 B 컨소시엄이 따냈다: the
                    # contest the awards before were of)
                    award[0] if award and award[1] >= max(state.index - 4, state.extra.get(
                        "section_start", 0)) else None)))
        if _wins(ctx) and c.program is not None and not c.lost:
            state.extra["last_award"] = (c.program, state.index)
        if c.lead is not None:
            for m in sorted(c.members):
                yield Found(c.lead, "partnersWith", m, "consortium.member")
        if c.program is not None and not c.lost:
            for m in [c.mention, c.lead, *sorted(c.members)]:
                if m is not None:
                    yield Found(m, "participatesIn", c.program, "consortium.selected")


def _wins(ctx: Context) -> bool:
    """The sentence says a bid was won (선정, 수주, 따냈다), not that a race for it is on
    (수주전에 뛰어들었다, 수주 경쟁) nor that it failed (수주에 실패했다)."""
    text = ctx.cues.idiom("bid_race").sub(" ", ctx.text)
    return ctx.cues.pattern("win").search(text) is not None and not ctx.says("failed")


def _lead_partners(ctx: Context, c: Consortium | None) -> Iterator[Found]:
    """A 컨소시엄이 X를 따냈다. A는 B, C와 손을 잡았다: the winner's lead, next sentence,
    names its partners: they are its members and take part in X."""
    if c is None or c.lead is None or c.program is None or c.lost or _FORMED.search(ctx.text) \
            or not ctx.cues.idiom("partner_idiom").search(ctx.text) \
            or ctx.mentions[c.mention].sentence < ctx.state.index - 1 \
            or any(x.mention.type in ("Program", "Initiative", "Event") for x in ctx.things):
        return
    lead = link_key(ctx.mentions[c.lead].text)
    subject = next((o for o in ctx.orgs if o.role.startswith("subj") and not o.quoted), None)
    if subject is None or link_key(subject.mention.text) != lead:
        return
    for o in ctx.orgs:
        if o.role.startswith(("conj", "dat")) and not o.quoted and o.mention.end > \
                subject.mention.end and link_key(o.mention.text) != lead:
            c.members.add(o.index)
            yield Found(o.index, "participatesIn", c.program, "consortium.lead-partners")


_FORMED = re.compile(r"컨소시엄[을를]?\s*(꾸려|꾸리|꾸린|꾸렸|구성해|구성하|구성한|구성했|이뤄|이룬)")


def _formed(ctx: Context) -> Iterator[Found]:
    """A는 B, C와 컨소시엄을 꾸려 참여했다: B and C partner the lead A, and all three take
    part in the programme of the sentence or the one at hand, unless they lost."""
    m = _FORMED.search(ctx.text)
    if m is None:
        return
    at = ctx.sent.start_char + m.start()
    leads = [o for o in ctx.orgs if o.role.startswith("subj") and not o.quoted
             and o.mention.end <= at]
    if not leads and ctx.actor is not None and ctx.mentions[ctx.actor].type == "Organization":
        lead = ctx.actor
    elif leads:
        lead = leads[0].index
    else:
        return
    members = [o.index for o in ctx.orgs if o.role.startswith(("conj", "dat"))
               and not o.quoted and o.index != lead and o.mention.end <= at]
    for x in members:
        yield Found(lead, "partnersWith", x, "consortium.formed")
    if not members or ctx.says("lose"):
        return
    named = [x.index for x in ctx.things if x.mention.type in ("Program", "Initiative")
             and x.mention.start >= at]
    program = named[0] if named else ctx.previous_topic if ctx.previous_topic is not None \
        else ctx.state.topic
    if program is not None:
        for x in [lead, *members]:
            yield Found(x, "participatesIn", program, "consortium.formed")


def _member_run_pattern(cues) -> re.Pattern[str]:
    # (A·B 컨소시엄, A-B 컨소시엄, A-B(Co-GP): a joint bidder written as its members)
    return re.compile(rf"((?:{MEMBER}[·\-])+{MEMBER})(?:\s(?:{cues.pattern('consortium').pattern})"
                      rf"|\((?:{cues.pattern('joint_managers').pattern})\))")


def _member_run(ctx: Context) -> Iterator[Found]:
    """아라데이터(주관)·LG CNS·충남대학교 컨소시엄을 1순위로 확정: a consortium written as
    its members; the one marked 주관 (else the first) leads, and all take part in the
    programme at hand if it won."""
    start, state = ctx.sent.start_char, ctx.state
    if "·" not in ctx.text and "-" not in ctx.text:
        return  # (the pattern needs one: not run on most sentences)
    for m in ctx.cues.built(_member_run_pattern).finditer(ctx.text):
        inside = [o for o in ctx.orgs if m.start(1) <= o.mention.start - start < m.end(1)]
        if len(inside) < 2:
            continue
        marked = [o for o in inside if re.match(
            rf"\s*\(\s*({ctx.cues.pattern('consortium_lead').pattern})",
            ctx.text[o.mention.end - start:])]
        lead = (marked or inside)[0]
        for o in inside:
            if o is not lead:
                yield Found(lead.index, "partnersWith", o.index, "consortium.run")
        if not _wins(ctx) or ctx.says("negation") or re.match(
                rf"[을를]?\s*(?:\S+\s)?(?:{ctx.cues.pattern('beat').pattern})", ctx.text[m.end():]):
            continue  # (A·B 컨소시엄을 제치고: the one beaten)
        named = [x.index for x in ctx.things if x.mention.type in ("Program", "Initiative")]
        recent = [i for i in state.programs_seen if ctx.mentions[i].sentence >= state.index - 3]
        program = named[0] if named else state.topic if state.topic is not None else (
            recent[-1] if recent else None)
        if program is not None:
            for o in inside:
                yield Found(o.index, "participatesIn", program, "consortium.run")


def lost_parties(state) -> set[str]:
    """The names (link keys) of the consortia that turned out, by the end of the
    document, to have lost, and of their leads and members: they take part in nothing."""
    out: set[str] = set()
    for c in state.extra.get("consortia", {}).values():
        if c.lost:
            parties = {c.mention, *c.members} | ({c.lead} if c.lead is not None else set())
            out |= {link_key(state.mentions[i].text) for i in parties}
    return out


def _loser_named(ctx: Context, mine: set[int]) -> bool:
    """A 컨소시엄은 2순위인 B를 앞섰다: the losing word is about another body, named
    right after it."""
    for m in ctx.cues.pattern("lose").finditer(ctx.text):
        at = ctx.sent.start_char + m.end()
        if re.match(r"인\s", ctx.text[m.end():]) or any(
                0 <= o.mention.start - at <= 3 and o.index not in mine for o in ctx.orgs):
            return True  # (2순위인 다산ITS: it describes the noun after it)
    return False


def _beaten(ctx: Context, named: Slot | None) -> bool:
    """B 컨소시엄(B·C)을 제치고: the one a winner beat."""
    if named is None:
        return False
    rest = ctx.text[named.mention.end - ctx.sent.start_char:]
    return re.match(rf"(\([^)]*\))?[을를]\s*(?:{ctx.cues.pattern('beat').pattern})", rest) \
        is not None


def _consortium(ctx: Context, known: dict, x: Slot) -> Consortium:
    key = link_key(x.mention.text)
    if key not in known:
        known[key] = Consortium(x.index)
    return known[key]


def _lead_named(ctx: Context, c: Consortium | None) -> bool:
    """The consortium's lead is named here as its lead (주관기관인 A, A(주관))."""
    if c is None or c.lead is None:
        return False
    lead = link_key(ctx.mentions[c.lead].text)
    return any(link_key(x.mention.text) == lead and _lead(ctx, c, only_marked=True) == x.index
               for x in ctx.orgs)


def _lead(ctx: Context, c: Consortium, only_marked: bool = False) -> int | None:
    """The organisation the consortium is named after, or its 주관사."""
    name = ctx.mentions[c.mention].text
    head = name[: name.rfind(" ")] if " " in name and not only_marked else None
    for x in ctx.orgs:
        if head and link_key(x.mention.text) == link_key(head):
            return x.index
    marker = ctx.cues.pattern("consortium_lead")
    for x in ctx.orgs:
        around = ctx.text[max(0, x.mention.start - ctx.sent.start_char - 8):
                          x.mention.end - ctx.sent.start_char + 6]
        if marker.search(around):
            return x.index
    return None


_JOINED_BEFORE = re.compile(r"(이|가)\s(참여|합류|참가)(한|하는|했던)\s$")


def _joined_before(ctx: Context, named: Slot) -> list[int]:
    """A와 B가 참여한 X 컨소시엄: the members, in a relative clause before its name."""
    start = ctx.sent.start_char
    before = ctx.text[:named.mention.start - start]
    m = _JOINED_BEFORE.search(before)
    if m is None:
        return []
    out, at = [], m.start() + start
    for x in sorted((o for o in ctx.orgs if o.mention.end <= at), key=lambda o: -o.mention.end):
        gap = ctx.text[x.mention.end - start:at - start]
        if not re.fullmatch(r"\s*([,·]|와|과|및|등)?\s*", gap):
            break
        out.append(x.index)
        at = x.mention.start
    return out


def _members(ctx: Context, c: Consortium, mine: set[int], named: Slot | None,
             topic: bool) -> list[int]:
    """Organisations listed as members in this sentence: in parentheses after the
    consortium's name (A 컨소시엄(A·B)), else, for the consortium the sentence is about,
    with a verb of membership."""
    text, start = ctx.text, ctx.sent.start_char
    name_end = named.mention.end if named is not None else None
    joined = _joined_before(ctx, named) if named is not None else []
    if joined:
        return joined  # LG CNS가 참여한 투이컨설팅 컨소시엄
    if name_end is not None and text[name_end - start:name_end - start + 1] == "(":
        close = text.find(")", name_end - start)
        return [x.index for x in ctx.orgs
                if name_end < x.mention.start and x.mention.end - start <= close]
    if any(text[x.mention.end - start:x.mention.end - start + 1] == "(" for x in ctx.orgs
           if x.index in mine):
        return []  # another consortium's members, in its parentheses
    # ㅇ (민원) A 컨소시엄 : 주관기관 A, 참여기관 B·C: the bodies after a members' label
    labels = "|".join(sorted((w for w in ctx.cues.role_label if not w.startswith("주관")),
                             key=len, reverse=True))
    listed = re.match(rf"\s*[:：][^\n]*?(?:{labels})\s*[:：]?\s", text[name_end - start:]) \
        if name_end is not None else None
    if listed:
        return [x.index for x in ctx.orgs if x.index not in mine and not x.quoted
                and x.mention.start >= name_end + listed.end()]
    if not topic or not ctx.says("member_verb") or ctx.says("bid"):
        return []  # (입찰에는 A 컨소시엄과 B 컨소시엄이 참여했다: rivals, not members)
    member = ctx.cues.pattern("member_verb")
    roles = ("subj", "conj", "obj", "gen")
    if re.search(r"(으로|로)\s*(구성|꾸려|이뤄|짜여)", text):
        roles += ("dat",)  # 컨소시엄은 A와 B, C로 구성됐다
    # (the members of the clause that says so: …참여했고, 발주처인 국세청은 …: not 국세청)
    return [x.index for x in ctx.orgs if member.search(ctx.clause_of(x)) and (
            x.index not in mine and not x.quoted
            and x.role.startswith(roles)) or
            x.index not in mine and x.role == "" and x.mention.type == "Organization"
            and not x.quoted and _listed(x, ctx)]


def _listed(x: Slot, ctx: Context) -> bool:
    rest = ctx.text[x.mention.end - ctx.sent.start_char:]
    return bool(re.match(r"\s*[,·]", rest))


def _table_row(ctx: Context) -> Iterator[Found]:
    """| 분야 | 주관기관 | 참여기관 |: a header names the columns; each row gives a lead
    and its members, who take part in the program at hand."""
    line = ctx.text.strip()
    if line.count("|") < 2:  # (| a | b | c |, or 1 | a | b: a row with its number first)
        return
    cells = [c.strip() for c in line.strip("|").split("|")]
    state, cues = ctx.state, ctx.cues
    if any(cues.pattern("consortium_lead").search(c) for c in cells):
        state.extra["table"] = ["lead" if cues.pattern("consortium_lead").search(c) else
                                "members" if cues.pattern("member_verb").search(c) else ""
                                for c in cells]
        return
    roles = state.extra.get("table")
    if not roles or len(cells) != len(roles) or set(cells) <= set("-: "):
        return
    offsets, pos = [], ctx.text.find(line) + (1 if line.startswith("|") else 0)
    for cell in line.strip("|").split("|"):
        offsets.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    def orgs_in(role: str) -> list[int]:
        spans = [o for o, r in zip(offsets, roles) if r == role]
        return [x.index for x in ctx.orgs for a, b in spans
                if a <= x.mention.start - ctx.sent.start_char < b]
    leads, members = orgs_in("lead"), orgs_in("members")
    program = state.programs_seen[-1] if state.programs_seen else None
    for lead in leads[:1]:
        for m in members:
            yield Found(lead, "partnersWith", m, "consortium.table")
    if program is not None:
        for m in leads[:1] + members:
            yield Found(m, "participatesIn", program, "consortium.table")
