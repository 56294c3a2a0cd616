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
     {("과학기술정보통신부", "invests", "450억원"), ("450억원", "fundsTarget", "AI 바우처 사업")}),
    ("시는 스마트 돌봄 확산 사업에 12억원을 배정했다.",
     {("12억원", "fundsTarget", "스마트 돌봄 확산 사업")}),
    ("이 회사의 매출은 300억원을 기록했다.", set()),
]


@relation_rule("investment", priority=4, examples=EXAMPLES)
def investments(ctx: Context) -> Iterator[Found]:
    for mny in ctx.of_type("Investment"):
        before = [o for o in ctx.orgs if o.role.startswith("subj")
                  and o.mention.end <= mny.mention.start]
        investor = before[0].index if before else ctx.actor
        if investor is not None:
            yield Found(investor, "invests", mny.index,
                        "investment.subject" if before else "investment.actor")
        target = _target(ctx, mny)
        if target is not None:
            yield Found(mny.index, "fundsTarget", target, "investment.target")


def _target(ctx: Context, money: Slot) -> int | None:
    slots, text, sent, cues = ctx.slots, ctx.text, ctx.sent, ctx.cues
    after = [x for x in slots if x.mention.start >= money.mention.end
             and x.mention.type in _TARGETS]
    gap = text[money.mention.end - sent.start_char:]
    scale = cues.pattern("scale").pattern
    if re.match(rf"\s*({scale})의?\s*", gap) and after:
        return after[0].index
    before = [x for x in slots if x.mention.end <= money.mention.start
              and x.role.startswith("dat") and x.mention.type in _TARGETS]
    if before:
        return before[-1].index
    programs = [x for x in after if x.mention.type in ("Program", "Initiative")]
    objects, verbs = cues.pattern("object_particle").pattern, cues.pattern("verb_spend").pattern
    if programs and re.match(rf"\s*({objects})\s*({verbs})", gap):
        return programs[0].index
    return None
