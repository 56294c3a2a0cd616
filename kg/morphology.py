"""Eojeols: the space-separated words of Korean, each a noun stem and its particles.

Korean attaches particles and endings to nouns (업스테이지는 = 업스테이지 + 는); the
rules for names (kg.rules.entities) and for relations (kg.relations) read a sentence
word by word, looking at each word's noun stem and at the particle after it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from kg.names import QUOTES

NOUNISH = {"NNG", "NNP", "NR", "SN", "SL", "SH", "XPN", "XSN", "XR", "NNB"}
JOINERS = set("·-|&/.+_’‘'\"“”")


@dataclass
class Eojeol:
    """A space-separated word: its noun stem and what follows it (particles, endings)."""

    start: int
    end: int
    stem_end: int          # the stem is text[start:stem_end]
    tags: list[str]        # Kiwi tags of the whole word
    tail: str              # text after the stem: 는, 에서, 를 ...
    tail_tag: str          # first tag after the stem: JKS, JX, JKO, ...
    text: str
    stem: str
    oov: bool = False      # the stem holds a word Kiwi did not know (a new name, mostly)

    @property
    def name_start(self) -> int:
        """Where the stem's name starts: past an opening quote ('KT클라우드 컨소시엄'), which
        the stem keeps and strip_name drops."""
        return self.start + len(self.stem) - len(self.stem.lstrip(QUOTES))

    @property
    def noun_only(self) -> bool:
        return not self.tail and bool(self.stem)

    @property
    def common(self) -> bool:
        """Every morpheme is a common noun Kiwi knows, or a verb made of one (협의하고,
        이용계약): a dictionary word, which new names (oov, NNP, Latin letters) are not."""
        parts = [p for t in self.tags for p in t.split("+")]
        content = [p for p in parts if not p.startswith(("J", "E", "S", "VCP"))]
        return not self.oov and bool(content) and all(
            p in _COMMON for p in content)


BULLETS = frozenset("▲△▶▷►◆◇■□●○•※☞")
# what opens a press release's line: its bullets, ㅇ (written for ○) and dashes
LINE_BULLET = "[" + "".join(sorted(BULLETS)) + "ㅇ\\-–·]"
ELLIPSES = frozenset(("…", "⋯", "..."))
_COMMON = {"NNG", "NNB", "XSN", "XPN", "XSV", "XSA", "VV", "VA"}


class _Tok(NamedTuple):
    """What the word rules read of a token, copied once out of spaCy (whose Token
    objects are rebuilt on every access); a tuple, being quick to make."""

    text: str
    tag: str
    idx: int
    space: bool
    oov: bool = False


TEXT, TOKENS = "kg_text", "kg_tokens"  # doc.user_data keys the tokenizer fills


def tokens_of(words: list[str], spaces: list[bool], tags: list[str],
              oov: list[int]) -> list[_Tok]:
    """The tokens of a Doc made from these lists (kg.nlp), without reading it back."""
    unknown = set(oov)
    out, idx = [], 0
    for i, (word, space, tag) in enumerate(zip(words, spaces, tags)):
        out.append(_Tok(word, tag, idx, space, i in unknown))
        idx += len(word) + space
    return out


def _tokens(doc: Doc) -> list[_Tok]:
    cached = doc.user_data.get(TOKENS)
    if cached is not None:
        return cached
    unknown = set(doc.user_data.get("kg_oov", ()))
    return [_Tok(t.text, t.tag_, t.idx, bool(t.whitespace_), t.i in unknown) for t in doc]


def token_at(doc: Doc) -> dict[int, _Tok]:
    """The tokenizer's tokens by their character offset, made once per doc (rules ask for
    them sentence by sentence)."""
    found = doc.user_data.get("kg_token_at")
    if found is None:
        found = doc.user_data["kg_token_at"] = {t.idx: t for t in doc.user_data.get(TOKENS, ())}
    return found


def eojeols(doc: Doc, sent: Span, text: str | None = None,
            tokens: list[_Tok] | None = None) -> list[Eojeol]:
    """Words of a sentence; a parenthesis keeps its spaces inside one word."""
    toks_all = tokens if tokens is not None else _tokens(doc)
    words: list[list[_Tok]] = []
    depth = 0
    current: list[_Tok] = []
    for tok in toks_all[sent.start:sent.end]:
        if tok.tag == "_SP":
            if depth == 0 and current:
                words.append(current)
                current = []
            continue
        if depth == 0 and not current and tok.text in BULLETS and not tok.space:
            words.append([tok])  # ▲김나래 충남대 교수: the bullet is a word of its own
            continue
        current.append(tok)
        if "(" in tok.text or ")" in tok.text:  # (most tokens have neither: depth stays)
            depth = max(depth + tok.text.count("(") - tok.text.count(")"), 0)
        # 이용계약…경기도 공모: a headline's ellipsis ends a word as a space does, and so
        # does the = after a round table's speaker (▶박세준 정책관=과기정통부는 …)
        if (tok.space or tok.text in ELLIPSES or tok.text == "=") and depth == 0:
            words.append(current)
            current = []
    if current:
        words.append(current)
    out = []
    text = doc.text if text is None else text  # (doc.text is rebuilt on each access)
    for toks in words:
        stem_end = toks[0].idx
        tail_tag = ""
        depth = 0
        for n, tok in enumerate(toks):
            if depth > 0 or tok.text == "(":
                depth += tok.text.count("(") - tok.text.count(")")
                stem_end = tok.idx + len(tok.text)
                continue
            tag = tok.tag.split("+")[0]
            # 아키비전 -> 아/IC 키/NNG 비전/NNG, 새솔 -> 새/MM 솔/NNG: Kiwi cutting a new
            # name into pieces; a piece glued to a noun is part of the noun
            glued = tag in ("IC", "MM") and n + 1 < len(toks) and \
                toks[n + 1].idx == tok.idx + len(tok.text) and \
                toks[n + 1].tag.split("+")[0] in ("NNG", "NNP")
            if tag in NOUNISH or glued or tok.text in JOINERS or tok.text in QUOTES:
                stem_end = tok.idx + len(tok.text)
                continue
            tail_tag = tag
            break
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        oov = any(t.oov and t.idx < stem_end for t in toks)
        if oov and stem_end == end and toks[-1].oov and end - start >= 4 and \
                text[end - 1] in GLUED_PARTICLES:
            # 딥플로우가: Kiwi may read a new name and its particle as one unknown noun
            stem_end, tail_tag = end - 1, GLUED_PARTICLES[text[end - 1]]
        out.append(Eojeol(start, end, stem_end, [t.tag for t in toks],
                          text[stem_end:end], tail_tag, text[start:end], text[start:stem_end],
                          oov))
    return out


# particles Kiwi may glue to a name it does not know (a name rarely ends in them)
GLUED_PARTICLES = {"가": "JKS", "를": "JKO", "와": "JKB", "과": "JKB", "는": "JX"}
_NO_QUOTES = str.maketrans("", "", QUOTES)


# (the two below are asked about the same few words by every rule: cached)
@functools.lru_cache(maxsize=1 << 16)
def strip_name(text: str) -> str:
    """A name without quotes and surrounding spaces: ‘원 거브’ -> 원 거브."""
    return text.translate(_NO_QUOTES).strip()


@functools.lru_cache(maxsize=1 << 16)
def split_alias(stem: str) -> tuple[str, str | None]:
    """'한국제약바이오협회(KPBMA)' -> ('한국제약바이오협회', 'KPBMA')."""
    m = re.match(r"^(.*?)\(([^()]+)\)$", stem)
    if m and m.group(1):
        alias = m.group(2).strip()
        # Only a Latin name in parentheses is another name; Korean is a gloss (관세청(AI 통관…))
        return m.group(1), alias if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&+\-/|]*", alias) else None
    return stem, None


@dataclass(frozen=True)
class SentenceText:
    """A sentence's text and offsets (spaCy's Span.text is rebuilt on every access)."""

    text: str
    start_char: int
    end_char: int


def doc_text(doc: Doc) -> str:
    """doc.text, built once per doc."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def sentence_words(doc: Doc) -> list[tuple[SentenceText, list[Eojeol]]]:
    """Each sentence with its words, computed once per doc (entities and relations
    both read them)."""
    cached = doc.user_data.get("kg_words")
    if cached is None:
        text, tokens = doc_text(doc), _tokens(doc)
        cached = [(SentenceText(text[s.start_char:s.end_char], s.start_char, s.end_char),
                   eojeols(doc, s, text, tokens)) for s in doc.sents]
        doc.user_data["kg_words"] = cached
    return cached
