"""The spaCy Language for Korean, with a tokenizer backed by Kiwi.

spaCy's own Korean tokenizer needs MeCab; Kiwi ships its model inside the
kiwipiepy-model wheel, so analysis runs offline. Tokens are built from Kiwi's
character offsets, never from its normalised forms, so `doc.text` is exactly
the input and every token knows its Kiwi tags (`token.tag_`, e.g. "NNP",
"JKS", "XSV+EP").
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy
import spacy
from spacy.attrs import NORM, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.io import atomic_write_text
from kg.morphology import TEXT, TOKENS, tokens_of

log = logging.getLogger(__name__)

OOV = "kg_oov"  # doc.user_data key: indices of the tokens Kiwi did not know

# Kiwi tag -> Universal POS, for the few decisions the rules take on `pos_`.
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NP": "PRON", "NR": "NUM", "SN": "NUM",
    "NNP": "PROPN", "SL": "PROPN", "SH": "PROPN",
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "AUX",
    "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "XPN": "NOUN", "XSN": "NOUN", "XR": "NOUN", "XSV": "VERB", "XSA": "ADJ",
    "SF": "PUNCT", "SP": "PUNCT", "SS": "PUNCT", "SSO": "PUNCT", "SSC": "PUNCT",
    "SE": "PUNCT", "SO": "PUNCT", "SW": "SYM", "W_EMAIL": "X", "W_URL": "X",
}


@functools.lru_cache(maxsize=1 << 12)  # (a few hundred tags, asked for every token)
def _upos(tag: str) -> str:
    first = tag.split("+")[0]
    if first.startswith("J"):
        return "ADP"
    if first.startswith("E"):
        return "PART"
    return _UPOS.get(first, "X")


_CLOSING = ("’", "”", "」", "』", "》", "〉", "'", '"')


class KiwiTokenizer:
    """spaCy tokenizer: one token per Kiwi morpheme span; sentences from Kiwi."""

    def __init__(self, vocab: Vocab):
        from kiwipiepy import Kiwi  # heavy (model load): only when a Language is built

        self.vocab = vocab
        self._tags: dict[str, tuple[int, int]] = {}   # tag -> (UPOS id, tag id)
        self.kiwi = Kiwi()
        # a known name written with a stray space (과학 기술정보통신부) is still one morpheme;
        # its token spans the space and its norm drops it (the EntityRuler matches norms)
        self.kiwi.global_config.space_tolerance = 1
        self.user_words: list[str] = []          # what changes Kiwi's analysis, in order
        self.known: dict[str, list[list]] = {}   # texts analysed before (kg.nlp.known_spans)

    def add_user_words(self, words: Iterable[str], tag: str = "NNP") -> None:
        for word in sorted(set(words)):
            # Context changes Kiwi's segmentation (업스테이지는 -> 업 + 스테이지 + 는);
            # known names as user words keep them whole.
            if word and " " not in word:
                self.kiwi.add_user_word(word, tag, 0.0)
                self.user_words.append(f"{word}\t{tag}")

    def __call__(self, text: str) -> Doc:
        spans = self.known.get(text)
        return self._make_doc(text, self.spans(text) if spans is None else spans)

    def spans(self, text: str) -> list[list]:
        """Kiwi's analysis of `text` as token spans: [start, end, tags, sentence start,
        unknown to Kiwi]."""
        spans: list[list] = []
        line_start = 0
        for line in text.splitlines(keepends=True):
            body = line.rstrip("\r\n")
            if body.strip():
                glued = False
                # (no sub-sentences: unread, and Kiwi walks every token in Python for them)
                for sent in self.kiwi.split_into_sents(body, return_tokens=True,
                                                       return_sub_sents=False):
                    # (nor inside a word: 다국어 is no sentence ending 다)
                    first = not glued and not (sent.start > 0 and body[sent.start - 1].isalnum())
                    # Kiwi ends a sentence at a quoted question or exclamation (‘…
                    # 관리할 것인가’ 세미나를 열었다); a quote closed without . ? ! ends none
                    # (… nor a name Kiwi reads as an ending before its gloss: 아난야
                    # 라오(Ananya Rao) IBM 총괄은)
                    glued = sent.text.rstrip().endswith(_CLOSING + (")",)) and \
                        not sent.text.rstrip()[:-1].rstrip().endswith((".", "?", "!", "…"))
                    for tok in sent.tokens:
                        s = line_start + tok.start
                        e = s + tok.len
                        # Overlapping (했 = 하 + 었) or empty (dropped copula) morphemes
                        # join the previous token: spaCy tokens cannot overlap or be empty.
                        if spans and (s < spans[-1][1] or e <= s):
                            spans[-1][1] = max(spans[-1][1], e)
                            spans[-1][2].append(tok.tag)
                            continue
                        if e <= s:
                            continue
                        spans.append([s, e, [tok.tag], first, tok.oov])
                        first = False
            line_start += len(line)
        return spans

    def _make_doc(self, text: str, spans: list[list]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        starts: list[bool] = []
        oov: list[int] = []

        def gap(start: int, end: int) -> None:
            # Text Kiwi did not cover (white space, odd symbols) becomes tokens too,
            # so that doc.text == text.
            chunk = text[start:end]
            if not chunk:
                return
            if words and not spaces[-1] and chunk[0] == " ":
                spaces[-1] = True
                chunk = chunk[1:]
            if chunk:
                words.append(chunk)
                spaces.append(False)
                tags.append("_SP" if chunk.isspace() else "SW")
                starts.append(False)

        pos = 0
        for s, e, tagl, sent_start, unknown in spans:
            if pos < s:  # (most tokens follow the one before directly: no call)
                gap(pos, s)
            if unknown:
                oov.append(len(words))
            words.append(text[s:e])
            spaces.append(False)
            tags.append("+".join(tagl))
            starts.append(sent_start)
            pos = e
        gap(pos, len(text))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        # tags, UPOS and sentence starts in one array, as Doc(tags=…, pos=…, sent_starts=…)
        # sets them, without its loops in Python over every token and value;
        # Kiwi's splitter decides sentences (1: starts one, -1: does not), spaCy must not
        # guess others
        values = numpy.zeros((len(words), 3), dtype=numpy.uint64)
        if words:
            values[:, 0], values[:, 1] = zip(*map(self._tag_ids, tags))
            values[:, 2] = numpy.array([1 if s or i == 0 else -1 for i, s in enumerate(starts)],
                                       dtype=numpy.int32).astype(numpy.uint64)
        doc.from_array([POS, TAG, SENT_START], values)
        # case kept: the lexicon's names are case-sensitive (set in one array: spaCy's
        # Token objects are slow to make one by one)
        strings = self.vocab.strings
        doc.from_array([NORM], numpy.array(
            [strings.add("".join(w.split()) if " " in w else w) for w in words],
            dtype=numpy.uint64))
        # the tokens Kiwi did not know (out of vocabulary): new names, mostly
        doc.user_data[OOV] = tuple(oov)
        # what the word rules read, known here without walking the doc (kg.morphology)
        doc.user_data[TEXT] = text
        doc.user_data[TOKENS] = tokens_of(words, spaces, tags, oov)
        return doc

    def _tag_ids(self, tag: str) -> tuple[int, int]:
        """A tag's UPOS id and its own id in the vocabulary's strings, found once."""
        found = self._tags.get(tag)
        if found is None:
            upos = "SPACE" if tag == "_SP" else _upos(tag)
            strings = self.vocab.strings
            strings.add(upos)
            strings.add(tag)
            found = self._tags[tag] = (strings[upos], strings[tag])
        return found

    # spaCy calls these when a pipeline is saved; the tokenizer has no state to save.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> KiwiTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> KiwiTokenizer:
        return self


def cache_dir() -> Path | None:
    """Where kg keeps what it can make again (KG_CACHE_DIR; empty: nowhere)."""
    found = os.environ.get("KG_CACHE_DIR")
    if found is not None:
        return Path(found) if found else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@contextmanager
def known_spans(tokenizer: KiwiTokenizer, texts: Sequence[str]) -> Iterator[None]:
    """While inside, `texts` are tokenized from Kiwi's analysis kept on disk (the
    lexicon's names, which the EntityRuler tokenizes on every load: ~2 s of Kiwi per
    process). The file is keyed by everything the analysis depends on (Kiwi's version
    and model, the user words, this module, the texts), so a stale one is never read."""
    from importlib.metadata import version

    key = hashlib.sha256()
    for part in (version("kiwipiepy"), version("kiwipiepy_model"),
                 Path(__file__).read_bytes().decode(), *tokenizer.user_words, "", *texts):
        key.update(part.encode() + b"\0")
    folder = cache_dir()
    path = folder / f"spans-{key.hexdigest()[:24]}.json" if folder else None
    spans = _read_spans(path, len(texts))
    if spans is None:
        spans = [tokenizer.spans(t) for t in texts]
        _write_spans(path, spans)
    tokenizer.known = dict(zip(texts, spans))
    try:
        yield
    finally:
        tokenizer.known = {}


def _read_spans(path: Path | None, count: int) -> list | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    return found if isinstance(found, list) and len(found) == count else None


def _write_spans(path: Path | None, spans: list) -> None:
    """Atomically, replacing the files of other keys; a folder that cannot be written
    only means the next load analyses again."""
    if path is None:
        return
    try:
        atomic_write_text(path, json.dumps(spans, separators=(",", ":")))
        for old in path.parent.glob("spans-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as e:
        log.debug("analysis of the lexicon not kept in %s: %s", path.parent, e)


@spacy.registry.tokenizers("kg.KiwiTokenizer.v1")
def create_kiwi_tokenizer():
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make


def make_nlp(user_words: Iterable[str] = (), cue_words: Iterable[str] = ()) -> Language:
    """spaCy's Korean Language with the Kiwi tokenizer. ~1.5 s: build once per process."""
    # spaCy's own Korean tokenizer would import MeCab; the config swaps in Kiwi.
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.KiwiTokenizer.v1"}}})
    nlp.tokenizer.add_user_words(user_words)
    # cue words kept whole: Kiwi splits 얼라이언스 into 얼라이언 + 스 (a verb) otherwise
    nlp.tokenizer.add_user_words((w for w in cue_words if len(w) > 1), tag="NNG")
    return nlp
