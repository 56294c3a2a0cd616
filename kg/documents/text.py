"""Plain text and Markdown: bytes -> text for the encodings Korean text comes in."""
from __future__ import annotations

import codecs
import re

from kg.documents.furniture import CONTROL
from kg.documents.metadata import Extracted
from kg.documents.sources import SIGNATURES
from kg.errors import InputError

_HTML_START = re.compile(r"(?i)\s*<(!--|(!doctype\s+html|html|head|body)\b)")
# a page fragment saved as text: it starts with a block element (<div …>, <p>, <article>)
_HTML_FRAGMENT = re.compile(r"(?i)\s*<(div|p|article|section|h[1-6]|table|ul)\b[^>]*>")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Syllables of common particles, endings and words: about half of those in Korean prose.
_FREQUENT = frozenset("이가은는을를의에서도로으와과고다하한했해할함된되있없것수등지기게며면적들"
                      "라리사자대정일시전인원보부국장상제주여어나만까")

# Brackets are excluded inside [] and () so that a line of "[[[[" is scanned once.
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_MD_BLOCK = re.compile(r"^\s{0,3}(#{1,6}\s+|(>\s?)+|[-*+]\s+)")
_MD_EMPHASIS = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)")
_MD_DROP = re.compile(r"^\s{0,3}(```|~~~|\[[^\]]+\]:\s)")  # code fences, link definitions
# Markdown saved as text: a heading, a table rule, a horizontal rule, bold words
_MD_SIGNS = (re.compile(r"(?m)^#{1,6}\s+\S"), re.compile(r"(?m)^\|?\s*:?-{3,}:?\s*\|"),
             re.compile(r"(?m)^\s{0,3}(-{3,}|\*{3,})\s*$"), re.compile(r"\*\*[^*\n]+\*\*"))


def decode(data: bytes, name: str) -> str:
    """Bytes -> text for UTF-8 (with or without BOM), UTF-16 with BOM, CP949/EUC-KR.

    Anything else is refused rather than guessed: a wrong guess turns an article
    into plausible-looking garbage that would end up in the graph."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise InputError(name, f"not valid {codec.upper()} after its byte-order mark"
                                 ) from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    kind = next((k for magic, k in SIGNATURES.items() if data.startswith(magic)), None)
    # UTF-8 and CP949 never use bytes below 0x20 inside a character, so counting
    # them is safe; text has a few at most, random or compressed bytes ~12%
    if kind or len(data) - len(data.translate(None, _CONTROL_BYTES)) > len(data) * 0.05:
        raise InputError(name, f"binary data ({kind or 'control bytes'}), not text")
    try:  # final=False: a character cut off at the very end (a truncated file) is dropped
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp949")  # legacy Korean pages; a superset of EUC-KR
        if _plausible_korean(text, data):
            return text
    except UnicodeDecodeError:
        pass
    raise InputError(name, "cannot tell the text encoding (not UTF-8, UTF-16 with BOM or "
                           "Korean CP949/EUC-KR); save it as UTF-8")


def _plausible_korean(text: str, data: bytes) -> bool:
    """Whether a CP949 decoding is Korean: CP949 also "decodes" Chinese GBK and much
    byte soup, into rare Hanja and syllables in an order no Korean text has."""
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    hangul = [c for c in wide if "가" <= c <= "힣"]
    if len(hangul) < len(wide) / 2:
        return False
    if sum(c in _FREQUENT for c in hangul) >= 0.2 * len(hangul):
        return True
    # too short to judge by syllable counts: a second opinion
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best is not None and best.encoding in ("cp949", "euc_kr")


def markdown_to_text(raw: str) -> str:
    """Markdown -> plain text: headings, quotes, bullets, emphasis and link targets removed."""
    lines = []
    for line in raw.split("\n"):
        if _MD_DROP.match(line):
            continue
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        lines.append(_MD_EMPHASIS.sub("", _MD_BLOCK.sub("", line)))
    return "\n".join(lines)


def decode_text(data: bytes, name: str) -> str:
    """Decoded text without control characters (a NUL can cut a page short); refuses
    a file with nothing but white space."""
    raw = CONTROL.sub("", decode(data, name))
    if not raw.strip():
        raise InputError(name, "empty file")
    return raw


def read_text(data: bytes, name: str) -> Extracted:
    """A text file; one that starts like an HTML page is read as one, and one with two
    kinds of Markdown marks as Markdown."""
    raw = decode_text(data, name)
    if _HTML_START.match(raw) or (_HTML_FRAGMENT.match(raw) and raw.count("</") >= 2):
        from kg.documents.html import html_document

        return html_document(raw)
    if sum(bool(sign.search(raw)) for sign in _MD_SIGNS) >= 2:
        return Extracted(markdown_to_text(raw))  # **산업부**는: marks would split words
    return Extracted(raw)


def read_markdown(data: bytes, name: str) -> Extracted:
    return Extracted(markdown_to_text(decode_text(data, name)))
