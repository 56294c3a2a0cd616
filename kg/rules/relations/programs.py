"""A programme that is part of a wider plan supports it: X는 Y의 후속 조치다, X는 Y 실현의
일환으로 추진된다; and a project named for building or upgrading a plan's system supports
it: ‘Y 2단계 고도화 사업’ -> ‘Y’ (ANNOTATION.md: supports, Program -> Initiative)."""
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


PHASE_EXAMPLES = [
    ("특허청은 ‘AI 검색 플랫폼’을 운영한다. ‘AI 검색 플랫폼 2단계 고도화 사업’은 A사가 맡는다.",
     {("AI 검색 플랫폼 2단계 고도화 사업", "supports", "AI 검색 플랫폼")}),
    ("조달청은 ‘AI 조달 플랫폼’을 만든다. 올해 ‘AI 조달 플랫폼 1차 구축 사업’에 100억 원을 쓴다.",
     {("AI 조달 플랫폼 1차 구축 사업", "supports", "AI 조달 플랫폼")}),
    ("‘AI 검색 플랫폼’과 ‘AI 검색 플랫폼 이용자 포럼’이 열렸다.", set()),
]


@relation_rule("phase-of", priority=13, examples=PHASE_EXAMPLES)
def phase_of(ctx: Context) -> Iterator[Found]:
    """A programme named as a phase or the building of another named thing supports it."""
    cues = ctx.cues
    rest = cues.regex(r"\s*(\d+\s*({phase})\s*)?({build_work})?\s*({program_cue}|{scheme_word})?")
    plans = ctx.state.extra.get("plans")
    if plans is None:  # (the document's named things, gathered once)
        plans = ctx.state.extra["plans"] = {}
        for i, m in enumerate(ctx.mentions):
            if m.type in ("Initiative", "Program"):
                plans.setdefault(m.canonical or m.text, i)
    # (types are settled per entity later: either name may be typed either way here)
    for x in ctx.of_type("Program", "Initiative"):
        name = x.mention.canonical or x.mention.text
        for plan, i in plans.items():
            tail = name[len(plan):]
            if name.startswith(plan) and tail.strip() and (m := rest.fullmatch(tail)) \
                    and (m.group(1) or m.group(3)):
                yield Found(x.index, "supports", i, "phase-of")
