"""Collections of articles in one file: JSON Lines, a JSON array, CSV or TSV, one
document per record. Each record's text, title, date, URL, outlet and author come
from fields found by their usual names (or the names given with --field); a record
that cannot be read is reported with its number and the others are read."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping

from kg.documents.metadata import Extracted, Metadata
from kg.errors import InputError, UsageError

# field -> names tried in order (case and spacing ignored); Korean names as BIGKinds and
# spreadsheet exports write them
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "본문", "내용"),
    "title": ("title", "headline", "제목"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "datetime",
             "일자", "날짜", "작성일", "발행일"),
    "url": ("url", "link", "href", "링크", "주소"),
    "publisher": ("source", "outlet", "publisher", "press", "media", "site", "언론사", "출처",
                  "매체"),
    "author": ("author", "authors", "byline", "reporter", "기자", "기고자", "작성자"),
}
_HTML_BODY = re.compile(r"</(p|div|span|a|li|td)>|<br\s*/?>", re.I)


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """--field FIELD=NAME options -> {field: name}; unknown fields are usage errors."""
    out = {}
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--field {pair!r}: expected FIELD=NAME, e.g. text=body")
        out[key.strip()] = name.strip()
    field_names(out)
    return out


def field_names(overrides: Mapping[str, str] | None) -> dict[str, tuple[str, ...]]:
    """The names tried for each field: the defaults, or the one name given for it."""
    names = dict(FIELD_NAMES)
    for key, name in (overrides or {}).items():
        if key not in FIELD_NAMES:
            raise UsageError(f"--field {key}={name}: unknown field {key!r} "
                             f"(known: {', '.join(FIELD_NAMES)})")
        names[key] = (name,)
    return names


def read_records(data: bytes, name: str, kind: str, fields: Mapping[str, str] | None = None,
                 max_bytes: int | None = None) -> Iterator[Extracted | InputError]:
    """One Extracted per readable record, one InputError per other record (or one for the
    whole file when it cannot be parsed at all)."""
    from kg.documents.text import decode_text

    names = field_names(fields)
    raw = decode_text(data, name)
    if kind == "jsonl":
        rows = _jsonl(raw, name)
    elif kind == "json":
        rows = _json(raw, name, names["text"])
    else:
        rows = _csv(raw, name, "\t" if kind == "tsv" else ",", max_bytes)
    for number, row in rows:
        if isinstance(row, InputError):
            yield row
            continue
        try:
            yield _record(row, number, names, max_bytes)
        except InputError as exc:
            yield InputError(f"{name}#{number}", exc.reason)


def _jsonl(raw: str, name: str) -> Iterator[tuple[int, dict | InputError]]:
    """(line number, record) for each non-blank line."""
    for number, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            row = InputError(f"{name}#{number}",
                             f"not valid JSON ({exc.msg} at column {exc.colno})")
        yield number, row


def _json(raw: str, name: str, text_names: tuple[str, ...]
          ) -> Iterator[tuple[int, dict | InputError]]:
    """(position from 1, record) for each element of the top-level array; an object
    with a text field is one record (other JSON, such as annotations, is refused)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON ({exc.msg} at line {exc.lineno} column "
                               f"{exc.colno})") from None
    if isinstance(data, dict):
        keys = {_key(k) for k in data if isinstance(k, str)}
        if not any(_key(n) in keys for n in text_names):
            raise InputError(name, "expected a JSON array of records, or one record: this object "
                                   f"has no text field ({', '.join(text_names)})")
        data = [data]  # one article
    if not isinstance(data, list):
        raise InputError(name, "expected a JSON array of records (objects)")
    yield from enumerate(data, 1)


def _csv(raw: str, name: str, delimiter: str, max_bytes: int | None
         ) -> Iterator[tuple[int, dict | InputError]]:
    """(row number after the header, from 1, record) for each row."""
    if max_bytes and csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # an article is longer than csv's 128 KiB default
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        for number, row in enumerate(reader, 1):
            if None in row:  # more cells than the header has names
                row.pop(None)
            yield number, row
    except csv.Error as exc:
        yield number + 1, InputError(f"{name}#{number + 1}", f"not valid CSV ({exc}); "
                                                             "the rest of the file is skipped")


def _record(row, number: int, names: dict[str, tuple[str, ...]],
            max_bytes: int | None) -> Extracted:
    if not isinstance(row, dict):
        raise InputError("", f"expected a record (an object), got {type(row).__name__}")
    by_key = {_key(k): v for k, v in row.items() if isinstance(k, str)}

    def get(field: str):
        for candidate in names[field]:
            value = _value(by_key.get(_key(candidate)))
            if value:
                return value
        return None

    text = get("text")
    if not text:
        tried = ", ".join(names["text"])
        raise InputError("", f"no text (no non-empty field named {tried}; "
                             "choose one with --field text=NAME)")
    if max_bytes and len(text.encode("utf-8")) > max_bytes:
        raise InputError("", f"text of {len(text.encode('utf-8')):,} bytes is over the limit "
                             f"of {max_bytes:,} (raise it with --max-bytes)")
    if _HTML_BODY.search(text):
        from kg.documents.html import html_document

        page = html_document(f"<html><body><article>{text}</article></body></html>")
        text = page.text
    meta = Metadata.of(title=get("title"), date=get("date"), url=get("url"),
                       publisher=get("publisher"), author=get("author"))
    return Extracted(text, meta, part=number)


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.lstrip("\ufeff")).casefold()


def _value(value) -> str | None:
    """A field's value as text: strings and numbers as they are, {"name": …} objects
    (NewsAPI's source) by their name, lists joined."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        value = ", ".join(str(_value(v)) for v in value if _value(v))
    text = str(value).strip() if value is not None else ""
    return text or None
