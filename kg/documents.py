"""Input files -> Documents: find, decode, normalise and strip page furniture."""
from __future__ import annotations

import hashlib
import html
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.types import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 5_000_000

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IMAGE = re.compile(r"^\s*(!\[[^\]]*\]\([^)]*\)\s*\|?\s*)+$")
_RANKING = re.compile(r"^\s*\d{1,2}\s*\|")
_BYLINE = re.compile(r"([가-힣]{2,4}\s*(기자|특파원|에디터)|사진\s*=|ⓒ|©|무단\s*전재|재배포\s*금지)")
_CAPTION = re.compile(r"\s/\s?[\w가-힣 ]{1,20}$")  # "...현황. /AWS": photo credit
_RELATED = re.compile(r"^\s*(관련\s*기사|관련\s*뉴스|많이\s*본\s*(뉴스|기사)|인기\s*기사|추천\s*기사|이\s*시각\s*주요뉴스)")
_RULE = re.compile(r"^\s*[-=_|·*]*\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)|(\*\*|__)")


@dataclass(frozen=True)
class Source:
    """A file found among the inputs, before it is read."""

    path: Path
    id: str


def find_sources(inputs: Iterable[str | Path]) -> tuple[list[Source], list[InputError]]:
    """Files under the inputs (folders recursed, symlink loops skipped), sorted by id."""
    found: dict[str, Source] = {}
    errors: list[InputError] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: Path) -> None:
        name = path.name
        key = name
        if key in found and found[key].path.resolve() != path.resolve():
            # two files with one name in different folders: keep both, distinctly
            key = f"{name}~{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]}"
        found.setdefault(key, Source(path, key))

    def walk(folder: Path) -> Iterator[Path]:
        st = folder.stat()
        if (st.st_dev, st.st_ino) in seen_dirs:
            log.warning("%s: folder already visited (symlink loop?), skipped", folder)
            return
        seen_dirs.add((st.st_dev, st.st_ino))
        for child in sorted(folder.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir():
                yield from walk(child)
            elif child.is_file() and child.suffix.lower() in SUFFIXES:
                yield child

    for given in inputs:
        path = Path(given)
        if not path.exists():
            errors.append(InputError(str(given), "no such file or folder"))
        elif path.is_dir():
            for child in walk(path):
                add(child)
        elif path.is_file():
            add(path)  # named explicitly: read whatever its extension
        else:
            errors.append(InputError(str(given), "not a regular file or folder"))
    return [found[k] for k in sorted(found)], errors


def decode(data: bytes, name: str) -> str:
    """Bytes -> text for UTF-8 (with or without BOM), UTF-16 with BOM, CP949/EUC-KR."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 100:
        raise InputError(name, "binary data, not text")
    try:
        return data.decode("cp949")  # legacy Korean pages; a superset of EUC-KR
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2 or best.coherence < 0.2:
        raise InputError(name, "cannot tell the text encoding (not UTF-8, UTF-16 or CP949)")
    return str(best)


def html_to_text(raw: str) -> tuple[str, str]:
    """(title, article text) of an HTML page: scripts, navigation and footers dropped."""
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    meta = trafilatura.extract_metadata(raw)
    title = (meta.title if meta and meta.title else "") or ""
    if not text:  # a page too small for trafilatura's heuristics: strip tags by hand
        body = re.sub(r"(?is)<(script|style|nav|header|footer|aside|noscript)\b.*?</\1>", " ", raw)
        body = re.sub(r"(?s)<[^>]+>", "\n", body)
        text = html.unescape(body)
    return title, text


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
        if (_IMAGE.match(line) or _RANKING.match(line) or _RULE.match(line)
                or (len(stripped) < 80 and (_EMAIL.search(stripped) or _BYLINE.search(stripped)))
                or (len(stripped) < 200 and _CAPTION.search(stripped))):
            continue
        kept.append(stripped)
    return "\n".join(kept).strip() + "\n"


def read_document(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file; raises InputError with a one-line reason when it cannot."""
    name = str(source.path)
    try:
        size = source.path.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"{size:,} bytes is over the limit of {max_bytes:,} "
                                   "(raise it with --max-bytes)")
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(name, "empty file")
    raw = decode(data, name)
    title = ""
    suffix = source.path.suffix.lower()
    if suffix in (".html", ".htm") or (not suffix and re.search(r"(?i)<(html|body|p)\b", raw[:2000])):
        title, raw = html_to_text(raw)
    elif suffix in (".md", ".markdown"):
        raw = "\n".join(_MD_MARK.sub("", _MD_LINK.sub(r"\1", line)) for line in raw.split("\n"))
    text = clean_text(raw)
    if not text.strip():
        raise InputError(name, "no text left after removing page furniture")
    if sum(ch.isalpha() for ch in text) < len(text) * 0.3:
        raise InputError(name, "does not look like text (too few letters)")
    title = unicodedata.normalize("NFC", title.strip()) or text.strip().split("\n", 1)[0][:120]
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
    return docs, errors
