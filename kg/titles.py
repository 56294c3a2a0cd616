"""A title for a document without a headline: its first line, shortened readably."""
from __future__ import annotations

import re

MAX_TITLE = 120
_SENTENCE_END = re.compile(r"[.!?。！？…](?=\s|$)")


def headline(text: str, limit: int = MAX_TITLE) -> str:
    """The first line when it is at most `limit` characters; else its first sentence when
    that is; else the line cut at the last space before the limit, with an ellipsis
    (never in the middle of a word, unless the first word alone is too long)."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) <= limit:
        return line
    end = _SENTENCE_END.search(line)
    if end is not None and end.end() <= limit:
        return line[:end.end()]
    cut = line[:limit - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:·") + "…"
