"""Organisations named beside the actor: selected, used, joining, partnering; and
co-subjects (전자신문과 한국IT서비스산업협회가 공동으로 …)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("전자신문과 한국IT서비스산업협회가 주최하고 한국인공지능협회가 주관하는 포럼이 열렸다.", set()),
    ("조달청은 AI 민원 상담 사업의 수행기관으로 가람소프트를 선정했다.",
     {("가람소프트", "participatesIn", "AI 민원 상담 사업")}),
    ("시는 스마트 돌봄 사업에 나라소프트를 참여 기관으로 선정했다.",
     {("나라소프트", "participatesIn", "스마트 돌봄 사업")}),
    ("협회는 새 회장을 뽑았다.", set()),
    ("‘AI 잡매칭 고도화 사업’에서는 솔트룩스가 현대오토에버를 제치고 사업자로 선정됐다.", set()),
]


@relation_rule("organisation", priority=6, examples=EXAMPLES)
def organisations(ctx: Context) -> Iterator[Found]:
    actor, things = ctx.actor, ctx.things
    use = ctx.says("verb_use")
    for o in ctx.orgs:
        if o.index == actor or o.quoted:
            continue
        # (A가 B를 제치고 선정됐다: the passive's object is the one beaten, not selected)
        if ctx.says("verb_select") and o.role.startswith(("obj", "conj")) and not (
                ctx.says("passive_select") or ctx.says("passive_ending")):
            # X 사업에 A를 선정 / X 사업의 수행기관으로 A와 B를 선정
            for x in things:
                if x.mention.type in ("Program", "Initiative") and not x.role.startswith("subj"):
                    yield Found(o.index, "participatesIn", x.index, "organisation.selected")
        elif use and o.role.startswith(("subj", "conj")) and actor is not None:
            for x in things:
                if x.mention.type == "Program" and x.role.startswith(("obj", "conj")):
                    yield Found(o.index, "participatesIn", x.index, "organisation.uses-program")
    # co-subjects: 전자신문과 한국IT서비스산업협회가 (공동으로) 주최하는 …: they run what
    # they organise; organising together makes no partnership (ANNOTATION.md, "Agreements")
    subs = [o for o in ctx.orgs if o.role.startswith(("subj", "conj", "relsubj")) and not o.quoted]
    if len(subs) >= 2 and ctx.says("verb_organize"):
        first = subs[0]
        for o in subs[1:3]:
            if o.role in ("subj", "relsubj") and first.role in ("conj", "subj*", "relsubj*"):
                for x in things:
                    if x.role.startswith(("obj", "dat")) or x.role == "":
                        yield Found(o.index, "operates", x.index, "organisation.co-subjects")
                break  # A와 B가 주최하고 C가 주관: C is the subject of another verb
