"""Input files -> Documents: find, decode, normalise and strip page furniture."""
from __future__ import annotations

import codecs
import functools
import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.titles import headline
from kg.types import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 5_000_000

# Binary files recognised by their first bytes, for a clearer message.
_SIGNATURES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
               b"%PDF": "a PDF file", b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "gzip data"}
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Syllables of common particles, endings and words: about half of those in Korean prose.
_FREQUENT = frozenset("이가은는을를의에서도로으와과고다하한했해할함된되있없것수등지기게며면적들"
                      "라리사자대정일시전인원보부국장상제주여어나만까")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IMAGE = re.compile(r"^(!\[[^\]]*\]\([^)]*\)[\s|]*)+$")  # no nested quantifiers: no backtracking
_RANKING = re.compile(r"^\s*\d{1,2}\s*\|")
_BYLINE = re.compile(r"([가-힣]{2,4}\s*(기자|특파원|에디터)|사진\s*=|ⓒ|©|무단\s*전재|재배포\s*금지)")
_CAPTION = re.compile(r"\s/\s?[\w가-힣 ]{1,20}$")  # "...현황. /AWS": photo credit
_RELATED = re.compile(r"^\s*(관련\s*기사|관련\s*뉴스|많이\s*본\s*(뉴스|기사)|인기\s*기사|추천\s*기사|이\s*시각\s*주요뉴스)")
_RULE = re.compile(r"^[-=_|·*]*$")
# C0/C1 controls, zero-width and bidi marks, BOMs: invisible, and they split words
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                      r"\u2060-\u2064\ufeff]")
# Brackets are excluded inside [] and () so that a line of "[[[[" is scanned once.
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_MD_BLOCK = re.compile(r"^\s{0,3}(#{1,6}\s+|(>\s?)+|[-*+]\s+)")
_MD_EMPHASIS = re.compile(r"\*+|~~|`+|(?<!\w)_+|_+(?!\w)")
_MD_DROP = re.compile(r"^\s{0,3}(```|~~~|\[[^\]]+\]:\s)")  # code fences, link definitions
_HTML_START = re.compile(r"(?i)\s*<(!--|(!doctype\s+html|html|head|body)\b)")


@dataclass(frozen=True)
class Source:
    """A file found among the inputs, before it is read."""

    path: Path
    id: str


def shown(path: str | Path) -> str:
    """A path as printable text: file names that are not UTF-8 would crash the output."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def find_sources(inputs: Iterable[str | Path]) -> tuple[list[Source], list[InputError]]:
    """Files under the inputs (folders recursed, symlink loops skipped), sorted by id.

    Hidden files and unsupported extensions inside folders are skipped silently;
    a file named explicitly is read whatever its extension."""
    found: dict[str, Source] = {}
    errors: list[InputError] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: Path) -> None:
        key = shown(path.name)
        if key in found and found[key].path.resolve() != path.resolve():
            # two files with one name in different folders: keep both, distinctly
            key = f"{key}~{hashlib.sha1(os.fsencode(path.resolve())).hexdigest()[:8]}"
        found.setdefault(key, Source(path, key))

    def walk(folder: Path) -> Iterator[Path]:
        try:
            st = folder.stat()
            children = sorted(folder.iterdir())
        except OSError as exc:
            errors.append(InputError(shown(folder), f"cannot read folder: {exc.strerror or exc}"))
            return
        if (st.st_dev, st.st_ino) in seen_dirs:
            log.info("%s: folder already visited (symlink loop?), skipped", shown(folder))
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        for child in children:
            if child.name.startswith("."):
                continue
            if child.is_dir():
                yield from walk(child)
            elif child.is_file() and child.suffix.lower() in SUFFIXES:
                yield child

    for given in inputs:
        path = Path(given)
        try:
            if path.is_dir():
                for child in walk(path):
                    add(child)
            elif path.is_file():
                add(path)
            elif path.exists():
                errors.append(InputError(shown(given), "not a regular file or folder"))
            else:
                errors.append(InputError(shown(given), "no such file or folder"))
        except OSError as exc:  # e.g. a folder without search permission
            errors.append(InputError(shown(given), f"cannot read: {exc.strerror or exc}"))
    return [found[k] for k in sorted(found)], errors


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
    kind = next((k for magic, k in _SIGNATURES.items() if data.startswith(magic)), None)
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


# Elements that are never the article, and elements that end a line of text.
_NOT_ARTICLE = ("head", "script", "style", "noscript", "template", "iframe", "svg", "nav", "header",
                "footer", "aside", "form")
_BLOCKS = ("p", "div", "br", "li", "tr", "table", "section", "article", "blockquote", "figcaption",
           "h1", "h2", "h3", "h4", "h5", "h6")


def _page_text(raw: str) -> tuple[str, str]:
    """(title, text) of a page without its head, scripts and navigation; only its
    <article> when it has one. For pages trafilatura cannot read. lxml, not the
    standard library's HTMLParser, which is quadratic on unclosed tags."""
    from lxml import etree, html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(raw.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):  # nothing a parser can make a document of
        return "", ""
    title = root.findtext(".//title") or ""
    for el in root.xpath("|".join(f"//{tag}" for tag in _NOT_ARTICLE)):
        el.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.text, el.tail = "\n" + (el.text or ""), "\n" + (el.tail or "")
    articles = root.xpath("//article")
    return title, (articles[0] if articles else root).text_content()


@functools.cache
def _trafilatura():
    """The trafilatura module, or None when it cannot be imported (newer lxml needs
    the separate lxml_html_clean package): then pages are read by _page_text alone."""
    try:
        import trafilatura
    except ImportError as exc:
        log.warning("trafilatura unavailable (%s); HTML read with a simpler extractor",
                    str(exc).splitlines()[0])
        return None
    return trafilatura


def html_to_text(raw: str) -> tuple[str, str]:
    """(title, article text) of an HTML page: scripts, navigation and footers dropped."""
    trafilatura = _trafilatura()
    if trafilatura is not None:
        text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                                   favor_precision=True)
        meta = trafilatura.extract_metadata(raw)
        if text:
            return (meta.title if meta and meta.title else "") or "", text
    return _page_text(raw)  # no trafilatura, or a page too small for its heuristics


def markdown_to_text(raw: str) -> str:
    """Markdown -> plain text: headings, quotes, bullets, emphasis and link targets removed."""
    lines = []
    for line in raw.split("\n"):
        if _MD_DROP.match(line):
            continue
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", line))
        lines.append(_MD_EMPHASIS.sub("", _MD_BLOCK.sub("", line)))
    return "\n".join(lines)


def clean_text(text: str) -> str:
    """NFC, no control characters, and no page furniture (one line at a time)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text).replace("\t", " ")
    kept: list[str] = []
    in_related = False
    for line in text.split("\n"):
        stripped = line.strip()
        if _RELATED.match(stripped):
            in_related = True  # the list below a "관련기사" header is not the article
            continue
        if in_related and (not stripped or stripped[0] in "-·•▶▷◆■[" or len(stripped) < 80):
            continue
        in_related = False
        if (_IMAGE.match(stripped) or _RANKING.match(stripped) or _RULE.match(stripped)
                or (len(stripped) < 80 and (_EMAIL.search(stripped) or _BYLINE.search(stripped)))
                or (len(stripped) < 200 and _CAPTION.search(stripped))):
            continue
        kept.append(stripped)
    return "\n".join(kept).strip() + "\n"


def read_document(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file; raises InputError with a one-line reason when it cannot."""
    name = shown(source.path)
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"{size:,} bytes is over the limit of {max_bytes:,} "
                                   "(raise it with --max-bytes)")
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    raw = _CONTROL.sub("", decode(data, name))  # before parsing: a NUL can cut a page short
    if not raw.strip():
        raise InputError(name, "empty file")
    title = ""
    suffix = source.path.suffix.lower()
    if suffix in (".md", ".markdown"):
        raw = markdown_to_text(raw)
    elif suffix in (".html", ".htm") or _HTML_START.match(raw):
        title, raw = html_to_text(raw)
    text = clean_text(raw)
    if not text.strip():
        raise InputError(name, "no text left after removing page furniture")
    if sum(ch.isalpha() for ch in text) < len(text) * 0.3:
        raise InputError(name, "does not look like text (too few letters)")
    title = " ".join(_CONTROL.sub("", unicodedata.normalize("NFC", title)).split())
    title = title or headline(text)
    return Document(id=source.id, path=name, title=title, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load_documents(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
                   ) -> tuple[list[Document], list[InputError]]:
    """All readable documents under the inputs, and one error per file that was not."""
    sources, errors = find_sources(inputs)
    docs: list[Document] = []
    for source in sources:
        try:
            docs.append(read_document(source, max_bytes))
        except InputError as exc:
            errors.append(exc)
        except Exception as exc:  # one odd file must not stop the others
            log.debug("reading %s failed", shown(source.path), exc_info=True)
            reason = (str(exc).splitlines() or [""])[0]
            errors.append(InputError(shown(source.path),
                                     f"unreadable ({type(exc).__name__}: {reason})"))
    return docs, errors
