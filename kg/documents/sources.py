"""Finding input files, and telling their format by extension or, without one, by content."""
from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

log = logging.getLogger(__name__)

# extension -> format; each format has one reader in kg/documents/
FORMATS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".pdf": "pdf", ".docx": "docx", ".hwpx": "hwpx", ".hwp": "hwp",
           ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv"}
RECORDS = frozenset({"jsonl", "json", "csv", "tsv"})  # many documents in one file

# Binary content recognised by its first bytes, for a clearer message.
SIGNATURES = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
              b"%PDF": "a PDF file", b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "gzip data",
              b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an OLE compound file (old Office or HWP)"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Source:
    """A file found among the inputs, before it is read."""

    path: Path
    id: str


def shown(path: str | Path) -> str:
    """A path as printable text: file names that are not UTF-8 would crash the output."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def extension(path: Path) -> str:
    """The file's extension in lower case, or "" when its name has none ("v1.2" has none)."""
    suffix = path.suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z][a-z0-9]{0,9}", suffix) else ""


def find_sources(inputs: Iterable[str | Path]) -> tuple[list[Source], list[InputError]]:
    """Files under the inputs (folders recursed, symlink loops skipped), sorted by id.

    Inside folders, hidden files are skipped silently, a file without an extension
    is kept (its content decides), and a file whose extension `kg` does not read is
    reported ("unsupported format: .xlsx"); a file named explicitly is read whatever
    its extension."""
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
            elif child.is_file():
                suffix = extension(child)
                if not suffix or suffix in FORMATS:
                    yield child
                else:
                    errors.append(InputError(shown(child), f"unsupported format: {suffix}"))

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


def format_of(path: Path, data: bytes) -> str:
    """The reader for a file: by its extension, else by its content (text by default)."""
    by_name = FORMATS.get(extension(path))
    if by_name:
        return by_name
    return sniff(data) or "text"


def sniff(data: bytes) -> str | None:
    """The document format whose signature the data has, or None."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(_OLE) and b"HWP Document File" in data:
        return "hwp"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "Contents/content.hpf" in names or (
                        "mimetype" in names and z.read("mimetype").startswith(b"application/hwp")):
                    return "hwpx"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
    return None


def looks_like(data: bytes) -> str:
    """What the content seems to be, for messages: "a ZIP archive", "text"."""
    if not data:
        return "it is empty"
    kind = {"pdf": "a PDF file", "hwp": "an HWP document", "docx": "a Word document",
            "hwpx": "an HWPX document"}.get(sniff(data) or "")
    kind = kind or next((k for magic, k in SIGNATURES.items() if data.startswith(magic)), None)
    if kind:
        return f"it is {kind}"
    return "it looks like text" if _texty(data[:4096]) else "unknown binary data"


def _texty(head: bytes) -> bool:
    controls = sum(b < 0x09 or 0x0E <= b < 0x20 for b in head)
    return controls <= len(head) * 0.05
