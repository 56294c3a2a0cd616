"""Organisations named beside the actor: selected, used, joining, partnering; and
co-subjects (전자신문과 한국IT서비스산업협회가 공동으로 …)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("부산시는 네이버클라우드와 협력해 AI 민원 서비스를 만든다.",
     {("부산광역시", "partnersWith", "네이버클라우드")}),
    ("업스테이지와 리벨리온은 손잡고 공동 개발에 나선다.",
     {("업스테이지", "partnersWith", "리벨리온")}),
    ("협회는 새 회장을 뽑았다.", set()),
]


@relation_rule("organisation", priority=6, examples=EXAMPLES)
def organisations(ctx: Context) -> Iterator[Found]:
    actor, ms, text, things = ctx.actor, ctx.mentions, ctx.text, ctx.things
    use, partner = ctx.says("verb_use"), ctx.says("verb_partner")
    partner_words = ctx.cues.pattern("verb_partner").pattern
    for o in ctx.orgs:
        if o.index == actor or o.quoted:
            continue
        if ctx.says("verb_select") and o.role.startswith(("obj", "conj")):
            # X 사업에 A를 선정 / X 사업의 수행기관으로 A와 B를 선정
            for x in things:
                if x.mention.type in ("Program", "Initiative") and not x.role.startswith("subj"):
                    yield Found(o.index, "participatesIn", x.index, "organisation.selected")
            if actor is not None:
                yield Found(actor, "uses", o.index, "organisation.selected")
        elif use and o.role.startswith(("subj", "conj")) and actor is not None:
            for x in things:
                if x.mention.type == "Program" and x.role.startswith(("obj", "conj")):
                    yield Found(o.index, "participatesIn", x.index, "organisation.uses-program")
        elif use and o.role in ("obj", "obj~") and actor is not None and \
                ms[actor].type == "Organization" and not things:
            yield Found(actor, "uses", o.index, "organisation.uses")
        if partner and actor is not None and not o.role.startswith("subj") and (
                o.role.startswith("conj") or re.search(
                re.escape(o.mention.text) + rf"\S{{0,3}}\s*(등)?(와|과)\s*({partner_words})?",
                text)):
            yield Found(actor, "partnersWith", o.index, "organisation.partner")
            for x in things:
                if x.mention.type in ("Program", "Initiative") and x.role.startswith("obj"):
                    yield Found(o.index, "participatesIn", x.index, "organisation.partner-joins")
    # co-subjects: 전자신문과 한국IT서비스산업협회가 (공동으로) …
    subs = [o for o in ctx.orgs if o.role.startswith(("subj", "conj", "relsubj")) and not o.quoted]
    if len(subs) >= 2 and (partner or ctx.says("verb_organize")):
        first = subs[0]
        for o in subs[1:3]:
            if o.role in ("subj", "relsubj") and first.role in ("conj", "subj*", "relsubj*"):
                yield Found(first.index, "partnersWith", o.index, "organisation.co-subjects")
                for x in things:
                    if x.role.startswith(("obj", "dat")) or x.role == "":
                        yield Found(o.index, "operates", x.index, "organisation.co-subjects")
