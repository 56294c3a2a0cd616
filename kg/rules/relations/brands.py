"""AWS 액티베이트, AWS DC 서밋: a programme or event named after its organisation."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("AWS는 AWS 클라우드 아카데미를 운영한다.", {("아마존웹서비스", "operates", "AWS 클라우드 아카데미")}),
    ("네이버는 내년 ‘네이버 AI 해커톤’을 연다.", {("네이버", "organizes", "네이버 AI 해커톤")}),
    ("과기정통부는 AI 바우처 사업을 시행한다.", set()),
    ("정부는 올해 ‘AI 정부 실현 사업’을 시작한다.", set()),
]


@relation_rule("brand", priority=3, examples=EXAMPLES)
def named_after(ctx: Context) -> Iterator[Found]:
    ms = ctx.mentions
    for x in ctx.of_type("Program", "Event"):
        for o in ctx.state.orgs_seen:
            if ms[o].text in ctx.cues.government:
                continue  # ‘AI 정부’, 정부 AI 공동활용 플랫폼: the word, not the body's brand
            names = [ms[o].text, *ms[o].aliases]
            first = re.split(r"[\s|]", x.mention.text)
            if any(n and n in first[:3] for n in names) and not any(
                    x.mention.text.startswith(ms[o].text + suffix)
                    for suffix in ctx.cues.brand_not_after):
                yield Found(o, "operates" if x.mention.type == "Program" else "organizes",
                            x.index)
