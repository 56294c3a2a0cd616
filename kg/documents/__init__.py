"""Input files -> Documents: find them, read each with the reader of its format,
normalise the text, strip page furniture, and keep what the document says about
itself (title, date, URL, publisher, author).

One module per format: text (.txt, .md), html, pdf, docx, hwpx (.hwpx and .hwp),
records (.jsonl, .json, .csv, .tsv: one document per record); furniture holds the
line rules for web text, sources the finding of files and telling their format.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kg.documents.furniture import clean_text
from kg.documents.html import html_to_text
from kg.documents.metadata import Extracted, Metadata
from kg.documents.sources import FORMATS, RECORDS, Source, find_sources, format_of, shown
from kg.documents.text import decode, markdown_to_text
from kg.errors import InputError
from kg.titles import headline
from kg.types import Document

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "SUFFIXES", "Metadata", "Source", "clean_text", "decode",
           "find_sources", "html_to_text", "load_documents", "markdown_to_text", "read_source",
           "read_sources"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
SUFFIXES = tuple(FORMATS)


def _readers() -> dict[str, Callable[[bytes, str], Extracted]]:
    from kg.documents.docx import read_docx
    from kg.documents.html import read_html
    from kg.documents.hwpx import read_hwp, read_hwpx
    from kg.documents.pdf import read_pdf
    from kg.documents.text import read_markdown, read_text

    return {"text": read_text, "markdown": read_markdown, "html": read_html, "pdf": read_pdf,
            "docx": read_docx, "hwpx": read_hwpx, "hwp": read_hwp}


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES,
                fields: Mapping[str, str] | None = None) -> Iterator[Document | InputError]:
    """The documents of one file (one, or one per record), or why each could not be read.

    `max_bytes` bounds a file, or each record's text in a file of records (which is
    read whole, whatever its size). `fields` names record fields (text=body, …)."""
    name = shown(source.path)
    try:
        size = source.path.stat().st_size
        with source.path.open("rb") as fh:
            head = fh.read(8)
            kind = format_of(source.path, head)
            if kind not in RECORDS and size > max_bytes:
                raise InputError(name, f"{size:,} bytes is over the limit of {max_bytes:,} "
                                       "(raise it with --max-bytes)")
            data = head + fh.read()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if not data:
        raise InputError(name, "empty file")
    kind = format_of(source.path, data)  # sniffing a zip needs all of it
    if kind in RECORDS:
        from kg.documents.records import read_records

        for item in read_records(data, name, kind, fields, max_bytes):
            yield item if isinstance(item, InputError) else _document(source, name, item)
    else:
        yield _document(source, name, _readers()[kind](data, name))


def _document(source: Source, name: str, found: Extracted) -> Document | InputError:
    """The Document of what a reader found, or why it is not one."""
    if found.part is not None:
        name, doc_id = f"{name}#{found.part}", f"{source.id}#{found.part}"
    else:
        doc_id = source.id
    text = clean_text(found.text, furniture=found.furniture)
    if not text.strip():
        return InputError(name, "no text left after removing page furniture" if found.furniture
                          else "no text in it")
    if sum(ch.isalpha() for ch in text) < len(text) * 0.3:
        return InputError(name, "does not look like text (too few letters)")
    meta = found.meta
    return Document(id=doc_id, path=name, title=meta.title or headline(text),
                    text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    date=meta.date, url=meta.url, publisher=meta.publisher, author=meta.author)


def load_documents(inputs: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
                   fields: Mapping[str, str] | None = None
                   ) -> tuple[list[Document], list[InputError]]:
    """All readable documents under the inputs, and one error per file (or record) that
    was not."""
    from kg.documents.records import field_names

    field_names(fields)  # an unknown field is a usage error, before anything is read
    sources, errors = find_sources(inputs)
    docs: list[Document] = []
    for item in read_sources(sources, max_bytes, fields):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def read_sources(sources: Iterable[Source], max_bytes: int = DEFAULT_MAX_BYTES,
                 fields: Mapping[str, str] | None = None) -> Iterator[Document | InputError]:
    """The documents of each source in turn, or why one could not be read (one odd file
    does not stop the others): for a build that reads as it extracts."""
    for source in sources:
        try:
            yield from read_source(source, max_bytes, fields)
        except InputError as exc:
            yield exc
        except Exception as exc:  # one odd file must not stop the others
            log.debug("reading %s failed", shown(source.path), exc_info=True)
            reason = (str(exc).splitlines() or [""])[0]
            yield InputError(shown(source.path), f"unreadable ({type(exc).__name__}: {reason})")
