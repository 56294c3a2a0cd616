"""PDF with a text layer, through pdfminer.six: its layout analysis groups characters
into lines and text boxes and orders the boxes column by column, so a two-column page
is read one column after the other even when the file draws it line by line across
both. Lines of a box are joined into one paragraph (a line break inside a sentence
would split it in two for the sentence splitter); a PDF without a text layer is
refused, and so is one cut short."""
from __future__ import annotations

import functools
import io
import logging
import re

from kg.documents.metadata import Extracted, Metadata, not_a
from kg.errors import InputError

log = logging.getLogger(__name__)

_PAGE_NUMBER = re.compile(r"^[-–—(\s]*(\d{1,4}|[ivx]{1,4})(\s*/\s*\d{1,4})?[-–—)\s]*$", re.I)


def _hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def read_pdf(data: bytes, name: str) -> Extracted:
    if not data.startswith(b"%PDF"):
        raise not_a("a PDF", name, data)
    if b"%%EOF" not in data[-2048:]:
        raise InputError(name, "truncated PDF (no %%EOF at its end): the file was cut short")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    paragraphs: list[str] = []
    pages = 0
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            pages += 1
            for box in page:
                if isinstance(box, LTTextBox):
                    text = join_lines([line.get_text() for line in box])
                    if text and not _PAGE_NUMBER.match(text):
                        paragraphs.append(text)
    except PDFPasswordIncorrect:
        raise InputError(name, "encrypted PDF: it needs a password") from None
    except Exception as exc:  # pdfminer raises many kinds (PSSyntaxError, PDFSyntaxError…)
        log.debug("pdfminer failed on %s", name, exc_info=True)
        reason = (str(exc).splitlines() or [""])[0] or type(exc).__name__
        raise InputError(name, f"cannot read this PDF ({reason})") from None
    if pages == 0:
        raise InputError(name, "PDF without pages")
    if not any(ch.isalnum() for p in paragraphs for ch in p):
        raise InputError(name, "no text layer: run OCR first")
    return Extracted("\n".join(paragraphs), _metadata(data))


def join_lines(lines: list[str]) -> str:
    """The lines of one text box as one paragraph. A break between two Hangul syllables
    may fall inside a word (Korean wraps anywhere) or between words: Kiwi's spacing
    model decides from the two words around it. A hyphen ending a Latin word is removed."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if not out:
            out = line
        elif re.search(r"[A-Za-z]-$", out) and line[0].islower():
            out = out[:-1] + line  # hyphen-\nated
        elif _hangul(out[-1]) and _hangul(line[0]):
            apart = _space_between(out.rsplit(" ", 1)[-1], line.split(" ", 1)[0])
            out += (" " if apart else "") + line
        else:
            out += " " + line
    return out


def _space_between(left: str, right: str) -> bool:
    """Whether Kiwi puts a space between two pieces of Hangul written together."""
    spaced = _kiwi().space(left + right, reset_whitespace=False)
    seen = 0
    for i, ch in enumerate(spaced):
        if ch != " ":
            seen += 1
            if seen == len(left):
                return spaced[i + 1:i + 2] == " "
    return False


@functools.cache
def _kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()


def _metadata(data: bytes) -> Metadata:
    """Title, author and creation date from the PDF's document information."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    try:
        info = PDFDocument(PDFParser(io.BytesIO(data))).info
    except Exception:  # metadata are optional: the text was read
        log.debug("no PDF document information", exc_info=True)
        return Metadata()
    values: dict[str, str] = {}
    for entry in info:
        for key, value in entry.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str):
                values.setdefault(key, value)
    return Metadata.of(title=values.get("Title"), author=values.get("Author"),
                       date=values.get("CreationDate"))
