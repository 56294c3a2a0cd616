"""What a reader knows about a document besides its text, and what every reader yields.

Metadata come from the document itself (HTML meta tags, record fields, PDF, DOCX
and HWPX properties), never from the file system: a file's modification time says
when it was copied, not when it was published.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from kg.documents.furniture import CONTROL
from kg.errors import InputError

# Values tools write when nobody gave one (reportlab, Word, Hancom templates).
_PLACEHOLDERS = frozenset({"untitled", "anonymous", "(anonymous)", "unspecified", "(unspecified)",
                           "unknown", "none", "null", "n/a", "-", "제목 없음", "text",
                           "python-docx"})
# 2025-05-13, 2025.05.13, 2025/5/13, 2025. 5. 13., 20250513, 2025년 5월 13일, with anything after
_YMD = re.compile(r"(\d{4})\s*(?:[-./]\s*|년\s*)(\d{1,2})\s*(?:[-./]\s*|월\s*)(\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d|$|[TZ+\-'])")  # 20250513, PDF D:2025…


@dataclass(frozen=True)
class Metadata:
    """Optional facts about a document; None when the document does not say."""

    title: str | None = None
    date: str | None = None        # ISO 8601 date, YYYY-MM-DD
    url: str | None = None
    publisher: str | None = None   # outlet or issuing body
    author: str | None = None

    @classmethod
    def of(cls, **values) -> Metadata:
        """Metadata from raw values: text tidied, placeholders dropped, the date parsed."""
        tidy = {k: clean_value(v) for k, v in values.items() if k != "date"}
        return cls(**tidy, date=parse_date(values.get("date")))


@dataclass(frozen=True)
class Extracted:
    """One document's text as a reader found it, before cleaning."""

    text: str
    meta: Metadata = field(default_factory=Metadata)
    part: int | None = None    # the record's number (from 1) in a file of many documents
    furniture: bool = True     # web-like text whose page furniture should be stripped


def clean_value(value) -> str | None:
    """A metadata value as one line of NFC text, or None when empty or a placeholder."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(CONTROL.sub("", unicodedata.normalize("NFC", str(value))).split())
    if not text or text.lower() in _PLACEHOLDERS:
        return None
    return text[:500]


def parse_date(value) -> str | None:
    """An ISO date (YYYY-MM-DD) from the forms news exports and document properties use,
    or None when there is no valid date in it."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _YMD.search(text) or _COMPACT.match(text)
    if m is None:
        try:  # RFC 2822, as RSS feeds write it: "Tue, 13 May 2025 10:21:00 +0900"
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:  # 2025-02-30
        return None


def not_a(kind: str, name: str, data: bytes) -> InputError:
    """The error for a file whose content is not the format its extension says; `kind`
    with its article: "a PDF", "an HWPX"."""
    from kg.documents.sources import looks_like

    return InputError(name, f"not {kind} file ({looks_like(data)}): is the extension wrong?")
