"""What the acting organisation operates, supports, uses or joins."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("한국전자통신연구원은 AI 반도체 개발 사업을 운영한다.",
     {("한국전자통신연구원", "operates", "AI 반도체 개발 사업")}),
    ("행안부는 범정부 AI 공통 기반을 구축한다.", {("행정안전부", "operates", "범정부 AI 공통 기반")}),
    ("정부는 AI 윤리 기준을 발표했다.", set()),
]


@relation_rule("operation", priority=5, examples=EXAMPLES)
def operations(ctx: Context) -> Iterator[Found]:
    actor, ms, text, cues = ctx.actor, ctx.mentions, ctx.text, ctx.cues
    if actor is None or ms[actor].type != "Organization":
        return
    operate, use, support = ctx.says("verb_operate"), ctx.says("verb_use"), ctx.says("verb_support")
    public_body = ms[actor].text.endswith(tuple(cues.government_suffix))
    for x in ctx.things:
        if x.mention.type == "Product":
            if use and (x.role.startswith(("obj", "conj")) or x.role == "obj~"):
                yield Found(actor, "uses", x.index, "operation.uses")
            elif ctx.speaker or operate and x.role.startswith("obj"):
                yield Found(actor, "operates", x.index, "operation.product")
            continue
        if ctx.speaker and not x.quoted:
            continue
        if not (operate or support or use or ctx.says("verb_invest") or ctx.speaker):
            continue
        means = "|".join(map(re.escape, sorted(cues.means)))
        if x.mention.type == "Initiative" and support and not re.search(
                re.escape(x.mention.text) + rf".{{0,4}}({means})", text) and (
                not public_body or ctx.says("verb_back")):
            yield Found(actor, "supports", x.index, "operation.supports")
        elif use and not operate and x.mention.type == "Program" and not ctx.speaker:
            yield Found(actor, "participatesIn", x.index, "operation.uses-program")
        else:
            yield Found(actor, "operates", x.index, "operation")
