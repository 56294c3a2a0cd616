"""A programme that is part of a wider plan supports it: X는 Y의 후속 조치다, X는 Y 실현의
일환으로 추진된다 (ANNOTATION.md: supports, Program -> Initiative)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule

EXAMPLES = [
    ("‘AI 실증 사업’은 지난해 발표한 ‘제조 AI 전환 전략’의 후속 조치다.",
     {("AI 실증 사업", "supports", "제조 AI 전환 전략")}),
    ("시는 ‘AI 돌봄 사업’을 시작했다. 이 사업은 ‘스마트도시 계획’ 실현의 일환이다.",
     {("AI 돌봄 사업", "supports", "스마트도시 계획")}),
    ("‘AI 실증 사업’은 ‘제조 AI 전환 전략’과 별개로 추진된다.", set()),
]


@relation_rule("part-of", priority=13, examples=EXAMPLES)
def part_of(ctx: Context) -> Iterator[Found]:
    cue = ctx.says("part_of")
    if cue is None:
        return
    at = ctx.sent.start_char + cue.start()
    # the plan: an initiative whose genitive leads to the cue (Y의 일환, Y 실현의 일환)
    plans = [x for x in ctx.things if x.mention.type == "Initiative"
             and x.mention.end <= at and re.fullmatch(
                 r"[’'」』]?\s*(\S{1,6}\s)?\S{0,6}의\s*",
                 ctx.text[x.mention.end - ctx.sent.start_char:cue.start()])]
    if not plans:
        return
    plan = plans[-1]
    # the part: the programme the sentence is about, written here or just before
    topic = next((x.index for x in ctx.things if x.mention.type == "Program"
                  and x.role.startswith("subj") and x.mention.start < plan.mention.start),
                 None)
    if topic is None and not any(x.mention.type == "Program" for x in ctx.things):
        topic = ctx.previous_topic
    if topic is not None and topic != plan.index:
        yield Found(topic, "supports", plan.index, "part-of")
