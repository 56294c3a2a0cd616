"""AWS 액티베이트, AWS DC 서밋: a programme or event named after its organisation."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


@relation_rule("brand", priority=3)
def named_after(ctx: Context) -> Iterator[Found]:
    ms = ctx.mentions
    for x in ctx.of_type("Program", "Event"):
        for o in ctx.state.orgs_seen:
            names = [ms[o].text, *ms[o].aliases]
            first = re.split(r"[\s|]", x.mention.text)
            if any(n and n in first[:3] for n in names) and not any(
                    x.mention.text.startswith(ms[o].text + suffix)
                    for suffix in ctx.cues.brand_not_after):
                yield Found(o, "operates" if x.mention.type == "Program" else "organizes",
                            x.index)
