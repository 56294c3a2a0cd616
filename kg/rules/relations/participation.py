"""Members joining a programme (이번 사업에는 A와 B도 참여한다; a consortium's members)
or the day's event (기업 9곳이 참여했다. NDS, … 등이 …)."""
from __future__ import annotations

from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


@relation_rule("participation", priority=7)
def participation(ctx: Context) -> Iterator[Found]:
    state, orgs = ctx.state, ctx.orgs
    if ctx.says("verb_join"):
        for x in ctx.things:
            if x.mention.type in ("Program", "Initiative") and x.role.startswith(("dat", "loc")):
                for o in orgs:
                    if o.role.startswith("subj") and not o.quoted:
                        yield Found(o.index, "participatesIn", x.index, "joins-program")
        # 컨소시엄에는 A, B, C 등이 참여한다: the consortium of the programme at hand
        if ctx.says("consortium") and not any(x.mention.type == "Program" for x in ctx.things) \
                and state.programs_seen:
            for o in orgs:
                if o.role.startswith(("subj", "conj")) and not o.quoted:
                    yield Found(o.index, "participatesIn", state.programs_seen[-1],
                                "consortium-member")
    if len(orgs) >= 3 and state.events_seen and ctx.cues.pattern("verb_participate").search(
            ctx.text + state.previous_text):
        listed = [o for o in orgs if o.role.startswith(("conj", "subj"))]
        if len(listed) >= 3:
            for o in listed:
                yield Found(o.index, "participatesIn", state.events_seen[0], "joins-event")
