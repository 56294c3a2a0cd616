"""invests (the subject before the sum, else the actor) and fundsTarget (what the sum
is for: 383억원을 투입해 X를; X에 383억원을; 1억 달러 규모의 X)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, Slot
from kg.rules import Found, relation_rule

_TARGETS = ("Program", "Initiative", "Organization", "Place")


EXAMPLES = [
    ("과학기술정보통신부는 올해 AI 바우처 사업에 450억원을 투입한다.",
     {("과학기술정보통신부", "invests", "450억원"), ("450억원", "fundsTarget", "AI 바우처 사업"),
      ("과학기술정보통신부", "operates", "AI 바우처 사업")}),
    ("시는 스마트 돌봄 확산 사업에 12억원을 배정했다.",
     {("12억원", "fundsTarget", "스마트 돌봄 확산 사업")}),
    ("시는 ‘스마트 돌봄 플러스’(12억원)와 ‘AI 민원 비서’(8억원)를 새로 편성했다.",
     {("12억원", "fundsTarget", "스마트 돌봄 플러스"), ("8억원", "fundsTarget", "AI 민원 비서")}),
    ("국비 배정액은 ▲안산시 4억 2천만 원 ▲영도구 3억 5천만 원이다.",
     {("4억 2천만 원", "fundsTarget", "안산시"), ("3억 5천만 원", "fundsTarget", "영도구")}),
    ("행정안전부의 올해 AI 관련 예산은 412억 원이다.", {("행정안전부", "invests", "412억 원")}),
    ("공단은 40억원을 들여 ‘데이터 안심 구역’을 구축한다.",
     {("40억원", "fundsTarget", "데이터 안심 구역")}),
    ("이 회사의 매출은 300억원을 기록했다.", set()),
]


@relation_rule("investment", priority=4, examples=EXAMPLES)
def investments(ctx: Context) -> Iterator[Found]:
    for mny in ctx.of_type("Investment"):
        before = [o for o in ctx.orgs if o.role.startswith(("subj", "relsubj"))
                  and o.mention.end <= mny.mention.start]
        # 행안부의 올해 AI 예산은 412억 원: the body whose budget it is
        owner = [o for o in ctx.orgs if o.role == "gen" and o.mention.end <= mny.mention.start
                 and not before and ctx.says("budget_word")]
        investor = before[0].index if before else owner[0].index if owner else ctx.actor
        if investor is not None:
            yield Found(investor, "invests", mny.index,
                        "investment.subject" if before else
                        "investment.owner" if owner else "investment.actor")
        target = _target(ctx, mny)
        if target is not None:
            yield Found(mny.index, "fundsTarget", target, "investment.target")
        # the public body that funds a program runs it (ANNOTATION.md, "Who operates")
        if investor is not None and target is not None and ctx.public_body(investor) and \
                ctx.mentions[target].type in ("Program", "Initiative"):
            yield Found(investor, "operates", target, "investment.operator")


def _target(ctx: Context, money: Slot) -> int | None:
    """What a sum is for, by the first of these that holds:
    X(383억원); 1억 달러 규모의 X; X에 383억원을; 383억원을 투입해 X를 (구축);
    X는 … 383억원 (the sentence's topic); the program the sentence before was about,
    when this one names none."""
    slots, text, sent, cues = ctx.slots, ctx.text, ctx.sent, ctx.cues
    m0, m1 = money.mention.start - sent.start_char, money.mention.end - sent.start_char
    targets = [x for x in slots if x.mention.type in _TARGETS and x.index != money.index]
    before = [x for x in targets if x.mention.end <= money.mention.start]
    after = [x for x in targets if x.mention.start >= money.mention.end]
    things = ("Program", "Initiative")
    opened = text.rfind("(", 0, m0)
    if opened != -1 and ")" not in text[opened:m0]:
        named = [x for x in before if 0 <= opened - (x.mention.end - sent.start_char) <= 2]
        if named:
            return named[-1].index
    # ▲안산시 4억 2천만 원 ▲영도구 3억 5천만 원: an allocation list
    listed = [x for x in before if re.fullmatch(r"\s*", text[x.mention.end - sent.start_char:m0])
              and re.search(r"(^|[,▲△·•]\s*)$", text[:x.mention.start - sent.start_char])]
    if listed:
        return listed[-1].index
    if re.match(rf"\s*({cues.pattern('scale').pattern})의?\s*", text[m1:]) and after:
        return after[0].index
    dative = [x for x in before if x.role.startswith("dat")]
    if dative:
        return dative[-1].index
    objects, verbs = cues.pattern("object_particle").pattern, cues.pattern("verb_invest").pattern
    spent = re.match(rf"\s*({objects})\s*\S*?({verbs}|출연|들여)", text[m1:])
    built = [x for x in after if x.mention.type in things and x.role.startswith("obj")]
    if spent and built:
        return built[0].index
    topics = [x for x in targets if x.mention.type in things and x.role.startswith("subj")
              and not x.quoted]
    if topics:
        return topics[0].index
    if not any(x.mention.type in things for x in slots):
        if ctx.previous_topic is not None:
            return ctx.previous_topic
        # 사업 규모는 62억 원, 투입분은 4억 원: the sum of the program at hand
        if ctx.says("budget_word") and ctx.state.programs_seen and \
                ctx.mentions[ctx.state.programs_seen[-1]].sentence >= ctx.state.index - 2:
            return ctx.state.programs_seen[-1]
    return None
