"""Members joining a programme (이번 사업에는 A와 B도 참여한다; a consortium's members)
or the day's event (기업 9곳이 참여했다. NDS, … 등이 …)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("이번 공공 AX 사업에는 네이버와 카카오도 참여한다.",
     {("네이버", "participatesIn", "공공 AX 사업"), ("카카오", "participatesIn", "공공 AX 사업")}),
    ("데이터 인사이트 포럼이 열렸다. 네이버, 카카오, 삼성전자 등이 참여했다.",
     {("네이버", "participatesIn", "데이터 인사이트 포럼"),
      ("카카오", "participatesIn", "데이터 인사이트 포럼"),
      ("삼성전자", "participatesIn", "데이터 인사이트 포럼")}),
    ("협회는 새 회장을 뽑았다.", set()),
]


@relation_rule("participation", priority=7, examples=EXAMPLES)
def participation(ctx: Context) -> Iterator[Found]:
    state, orgs = ctx.state, ctx.orgs
    if ctx.says("verb_join"):
        for x in ctx.things:
            if x.mention.type in ("Program", "Initiative") and x.role.startswith(("dat", "loc")):
                for o in orgs:
                    if o.role.startswith("subj") and not o.quoted:
                        yield Found(o.index, "participatesIn", x.index, "participation.program")
        # 컨소시엄에는 A, B, C 등이 참여한다: the consortium of the programme at hand
        if ctx.says("consortium") and not any(x.mention.type == "Program" for x in ctx.things) \
                and state.programs_seen:
            for o in orgs:
                if o.role.startswith(("subj", "conj")) and not o.quoted:
                    yield Found(o.index, "participatesIn", state.programs_seen[-1],
                                "participation.consortium")
    if len(orgs) >= 3 and state.events_seen and ctx.cues.pattern("verb_participate").search(
            ctx.text + state.previous_text):
        listed = [o for o in orgs if o.role.startswith(("conj", "subj"))]
        if len(listed) >= 3:
            for o in listed:
                yield Found(o.index, "participatesIn", state.events_seen[0], "participation.event")
