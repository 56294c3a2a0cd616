"""How names are compared: one normalisation for linking and for evaluation.

The evaluation's is the reference scorer's (ANNOTATION.md, "How a build is
scored"): NFKC, case folding, no white space, no quote marks. Linking also ignores
the middle dot and the bar that join words (AI·데이터 / AI데이터).
"""
from __future__ import annotations

import functools
import re
import unicodedata

#: Quote marks: they wrap names in Korean news, and names are compared without them.
QUOTES = "'\"‘’“”`´«»「」『』<>《》〈〉"
_PARENTHETICAL = re.compile(r"^(.*?)\s*[(（]([^()（）]+)[)）]\s*(.*)$")
_JOINERS = "·|"


def normalise(name: str) -> str:
    """NFKC, case folding, no spaces and no quotes: the form names are compared in."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in QUOTES)


@functools.lru_cache(maxsize=1 << 16)  # linking asks for the same names again and again
def link_key(name: str) -> str:
    """The key under which linking merges names: normalise() without joiners either."""
    return "".join(ch for ch in normalise(name) if ch not in _JOINERS)


def match_keys(name: str) -> frozenset[str]:
    """A name's match keys: the whole, without its parenthetical, and the parenthetical.

    "아마존웹서비스(AWS)" matches "아마존웹서비스", "AWS" and itself.
    """
    keys = {normalise(name)}
    found = _PARENTHETICAL.match(name)
    if found:
        keys.add(normalise(found.group(1) + found.group(3)))
        keys.add(normalise(found.group(2)))
    return frozenset(key for key in keys if key)
