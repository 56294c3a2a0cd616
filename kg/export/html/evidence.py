"""The evidence behind each edge, as the page shows it.

Every stating sentence is given with both ends of the relation marked (the names of the
subject and of the object found in it), and with the sentence before it when the subject
is carried over from there (the extractor's ``cue`` span covers only the mentions the
sentence itself holds, so a subject outside it was carried). The previous sentence is cut
from the document's text at render time: it ends where the stating sentence starts and
begins after the last sentence-final mark or line break before that.

Very large builds keep at most ``k`` sentences per edge (the largest ``k`` that fits the
page's budget), spread over as many documents as possible; the page says how many of how
many it shows.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from kg.export.html.values import as_text, int_or_none, utf16_offsets

#: Flags of a marked run of characters (combined with |).
SUBJECT, OBJECT, CUE = 1, 2, 4
#: The previous sentence is cut to this many characters (its end kept).
PREVIOUS_MAX_CHARS = 300

_FINAL = ".!?。？！"
_CLOSERS = "\"'”’」』)]"
_IGNORED = set("\"'‘’“”「」『』`")


@dataclass(frozen=True)
class Quote:
    """One stating sentence of one edge, ready for the page."""

    doc: str
    start: int                       # of the sentence in the document (ordering only)
    sentence: str
    marks: tuple[int, ...]           # flat (start, end, flags) triples, UTF-16 units
    previous: str | None = None      # the sentence before, when the subject is carried
    previous_marks: tuple[int, ...] = ()


@lru_cache(maxsize=65536)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without spaces and quote marks, case-folded, and the index in ``text`` of
    each character kept: names match whatever the spacing and quoting of the sentence
    (‘K-행정의 디지털 대전환’ 세미나 holds K-행정의 디지털 대전환 세미나)."""
    index = tuple(i for i, c in enumerate(text) if not (c.isspace() or c in _IGNORED))
    kept = "".join(text[i] for i in index)
    folded = kept.casefold()
    if len(folded) != len(kept):  # a character folding to two (ß -> ss): keep it as is
        folded = "".join(c.casefold() if len(c.casefold()) == 1 else c for c in kept)
    return folded, index


def matching_names(names: Iterable[str]) -> list[str]:
    """The folded forms of ``names`` worth looking for: two characters or more, longest
    first."""
    out = {fold(n)[0] for n in names}
    return sorted((n for n in out if len(n) >= 2), key=lambda n: (-len(n), n))


def find_name(text: str, names: Sequence[str], within: tuple[int, int] | None = None,
              last: bool = False) -> tuple[int, int] | None:
    """The span in ``text`` of the longest of the (folded) ``names``: inside ``within``
    when one is there, else anywhere; the first occurrence (the last with ``last``)."""
    folded, index = fold(text)
    fallback = None
    for name in names:  # longest first
        spans, p = [], folded.find(name)
        while p >= 0:
            spans.append((index[p], index[p + len(name) - 1] + 1))
            p = folded.find(name, p + 1)
        if not spans:
            continue
        if last:
            spans.reverse()
        inside = [s for s in spans if within and within[0] <= s[0] and s[1] <= within[1]]
        if inside:
            return inside[0]
        if fallback is None:
            fallback = spans[0]
            if within is None:
                return fallback
    return fallback


def previous_sentence(text: str, start: int) -> str | None:
    """The sentence that ends where the one at ``start`` begins, or None at the start."""
    if not 0 < start <= len(text):
        return None
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return None
    begin = 0
    for p in range(end - 2, -1, -1):
        c = text[p]
        if c == "\n":
            begin = p + 1
            break
        if text[p + 1].isspace() and (c in _FINAL or c in _CLOSERS and p > 0
                                      and text[p - 1] in _FINAL):
            begin = p + 1
            break
    prev = text[begin:end].strip()
    if not prev:
        return None
    if len(prev) > PREVIOUS_MAX_CHARS:
        prev = "\u2026" + prev[-(PREVIOUS_MAX_CHARS - 1):]
    return prev


def _marks(text: str, spans: Sequence[tuple[tuple[int, int] | None, int]]) -> tuple[int, ...]:
    """Flat (start, end, flags) runs where the flags of the given spans are constant."""
    spans = [((max(0, a), min(len(text), b)), f) for (ab, f) in spans if ab is not None
             for a, b in [ab] if min(len(text), b) > max(0, a)]
    cuts = sorted({p for (a, b), _ in spans for p in (a, b)})
    units = utf16_offsets(text)
    out: list[int] = []
    for a, b in pairwise(cuts):
        flags = 0
        for (s, e), f in spans:
            if s <= a and b <= e:
                flags |= f
        if not flags:
            continue
        if out and out[-1] == flags and out[-2] == (units[a] if units else a):
            out[-2] = units[b] if units else b  # one run with the one before
        else:
            out += [units[a], units[b], flags] if units else [a, b, flags]
    return tuple(out)


def _cue(ev: dict, length: int) -> tuple[int, int] | None:
    c = ev.get("cue")
    if isinstance(c, (list, tuple)) and len(c) == 2:
        s, e = int_or_none(c[0]), int_or_none(c[1])
        if s is not None and e is not None and 0 <= s < e <= length:
            return s, e
    return None


def quote(ev: dict, subject_names: Sequence[str], object_names: Sequence[str],
          doc_text: str | None) -> Quote:
    """One evidence record (``{"doc", "start", "end", "text", "cue"}``) as a Quote."""
    sentence = as_text(ev.get("text"))
    start = int_or_none(ev.get("start"))
    cue = _cue(ev, len(sentence))
    subj = find_name(sentence, subject_names, within=cue)
    obj = find_name(sentence, object_names, within=cue)
    if cue is None:
        carried = subj is None
    elif subj is not None and cue[0] <= subj[0] and subj[1] <= cue[1]:
        carried = False
    else:
        # The cue spans the mentions the sentence holds: only the object's when the
        # subject was carried over, more when the subject is here under a name not matched.
        carried = obj is not None and cue[0] >= obj[0] - 2 and cue[1] <= obj[1] + 2
        subj = None  # a name outside the stating words is not the one stated
    prev, prev_marks = None, ()
    if carried and doc_text and start is not None \
            and doc_text[start:start + len(sentence)] == sentence:
        prev = previous_sentence(doc_text, start)
        if prev is not None:
            prev_marks = _marks(prev, [(find_name(prev, subject_names, last=True), SUBJECT)])
    marks = _marks(sentence, [(subj, SUBJECT), (obj, OBJECT), (cue, CUE)])
    return Quote(as_text(ev.get("doc")), start if start is not None else -1, sentence, marks,
                 prev, prev_marks)


def quotes(items: Any, subject_names: Sequence[str], object_names: Sequence[str],
           doc_texts: dict[str, str], doc_rank: dict[str, int]) -> list[Quote]:
    """Every evidence record of an edge, ordered by document then position."""
    out = [quote(ev, subject_names, object_names, doc_texts.get(as_text(ev.get("doc"))))
           for ev in items or [] if isinstance(ev, dict)]
    return in_order(out, doc_rank)


def in_order(qs: list[Quote], doc_rank: dict[str, int]) -> list[Quote]:
    """An edge's quotes ordered by document (its rank) then position, each once."""
    qs.sort(key=lambda q: (doc_rank.get(q.doc, len(doc_rank)), q.doc, q.start, q.sentence,
                           q.marks))
    return list(dict.fromkeys(qs))


def spread(qs: list[Quote]) -> list[Quote]:
    """Quotes reordered so that the first k cover as many documents as possible."""
    by_doc: dict[str, list[Quote]] = {}
    for q in qs:
        by_doc.setdefault(q.doc, []).append(q)
    out: list[Quote] = []
    depth = 0
    while len(out) < len(qs):
        out += [d[depth] for d in by_doc.values() if depth < len(d)]
        depth += 1
    return out


def _size(kept: Iterable[Quote]) -> int:
    """Bytes of the page's JSON for these quotes (strings counted once, as the page does)."""
    strings: set[str] = set()
    total = 0
    for q in kept:
        strings.add(q.sentence)
        if q.previous is not None:
            strings.add(q.previous)
        total += 12 + 4 * (len(q.marks) + len(q.previous_marks))
    return total + sum(len(s.encode("utf-8")) + 3 for s in strings)


def per_edge_limit_of(edges: Iterable[list[Quote]], budget: int) -> int | None:
    """per_edge_limit in one pass over the edges, holding no quote: for each quote, its
    place in its edge's spread order and its cost; for each string, the first place that
    holds it (strings are counted once, as the page stores them)."""
    import hashlib

    cost: list[int] = []           # by place: the quotes' cost
    first: dict[bytes, int] = {}   # string digest -> the first place holding it
    size: dict[bytes, int] = {}
    longest = 0
    for qs in edges:
        longest = max(longest, len(qs))
        for place, q in enumerate(spread(qs)):
            if place == len(cost):
                cost.append(0)
            cost[place] += 12 + 4 * (len(q.marks) + len(q.previous_marks))
            for text in (q.sentence, q.previous):
                if text is None:
                    continue
                data = text.encode("utf-8")
                key = hashlib.blake2b(data, digest_size=16).digest()
                if key not in first or place < first[key]:
                    first[key] = place
                size[key] = len(data) + 3
    strings = [0] * (longest + 1)
    for key, place in first.items():
        strings[place] += size[key]
    below = [0]  # below[k]: the size of the first k places of every edge
    for k in range(longest):
        below.append(below[-1] + cost[k] + strings[k])
    if below[longest] <= budget:
        return None
    lo, hi = 1, max(1, longest - 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if below[min(mid, longest)] <= budget:
            lo = mid
        else:
            hi = mid - 1
    return lo


def per_edge_limit(edges: Sequence[list[Quote]], budget: int) -> int | None:
    """None when every quote fits ``budget`` bytes, else the largest per-edge count that
    does (at least 1)."""
    longest = max((len(q) for q in edges), default=0)
    if _size(q for qs in edges for q in qs) <= budget:
        return None
    ordered = [spread(qs) for qs in edges]
    lo, hi = 1, max(1, longest - 1)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _size(q for qs in ordered for q in qs[:mid]) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return lo
