"""Attribute values made safe and plain for the page: text, lists, numbers, dates, URLs,
amounts, and JSON that can sit inside a ``<script>`` element."""
from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit


def as_text(value: Any) -> str:
    """Any attribute value as a str that survives UTF-8 (lone surrogates replaced)."""
    if value is None:
        return ""
    s = value if isinstance(value, str) else str(value)
    return s.encode("utf-8", "replace").decode("utf-8")


def str_list(value: Any) -> list[str]:
    """A str, an iterable of values or None as a list of distinct non-empty strings."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    try:
        items = list(value)
    except TypeError:
        items = [value]
    return [s for s in dict.fromkeys(as_text(item).strip() for item in items) if s]


def int_or_none(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(value: Any) -> str | None:
    """'2025-03-14', '2025-03' or '2025' from an ISO 8601 date or date-time; else None."""
    m = _ISO_DATE.match(as_text(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        return None
    return "-".join(p for p in (year, month, day) if p)


def web_url(value: Any) -> str | None:
    """An http(s) URL that is safe as a link target, else None (no javascript:, data:...)."""
    url = as_text(value).strip()
    if not url or len(url) > 2000 or re.search(r"[\s\x00-\x1f\x7f\"'<>\\`]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def format_amount(amount: Any, currency: Any, text: Any) -> str:
    """'383억원 = 38,300,000,000 KRW'; whatever is known if parts are missing."""
    exact = format_value(amount, currency)
    written = as_text(text).strip()
    if written and exact:
        return f"{written} = {exact}"
    return written or exact


def format_value(amount: Any, currency: Any) -> str:
    """'38,300,000,000 KRW' (exact, grouped digits), or '' when the amount is unknown."""
    n = int_or_none(amount)
    return f"{n:,} {as_text(currency).strip()}".strip() if n is not None else ""


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_offsets(text: str) -> list[int] | None:
    """Code point index -> UTF-16 index (the unit of JavaScript strings), or None when the
    two are the same (no character outside the Basic Multilingual Plane)."""
    if not _ASTRAL.search(text):
        return None
    out, n = [], 0
    for c in text:
        out.append(n)
        n += 2 if ord(c) >= 0x10000 else 1
    out.append(n)
    return out


_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def json_for_script(payload: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>', '&', U+2028/9 left raw.

    These characters can occur only inside JSON strings, where the \\uXXXX form means the same.
    """
    s = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                   allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], s)
