"""Hancom documents, through hwpforge: HWPX (OWPML, a zip of XML) is read directly and
HWP 5.0 (the older binary format) converted to HWPX first. Paragraphs in order, a
table row as one line of cells joined by " | ", text boxes and footnotes after the
paragraph that holds them; headers and footers left out. Title, author and creation
date from the document's properties."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from kg.documents.metadata import Extracted, Metadata, not_a
from kg.errors import InputError

log = logging.getLogger(__name__)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_hwpx(data: bytes, name: str) -> Extracted:
    if not data.startswith(b"PK\x03\x04"):
        raise not_a("an HWPX", name, data)
    import hwpforge

    try:
        document = hwpforge.Document.from_bytes(data)
    except hwpforge.HwpForgeError as exc:
        raise InputError(name, f"cannot read this HWPX document ({_reason(exc)})") from None
    return _extract(document, name, "HWPX")


def read_hwp(data: bytes, name: str) -> Extracted:
    if not data.startswith(_OLE):
        raise not_a("an HWP", name, data)
    import hwpforge

    try:
        document = hwpforge.convert_hwp5(data, carry_layout_cache=False).document
    except hwpforge.HwpForgeError as exc:
        raise InputError(name, f"cannot read this HWP document ({_reason(exc)})") from None
    return _extract(document, name, "HWP")


def _reason(exc) -> str:
    message = (str(getattr(exc, "message", "") or exc).splitlines() or [""])[0]
    return f"{exc.code}: {message}" if message else exc.code


def _extract(document, name: str, kind: str) -> Extracted:
    import hwpforge

    try:  # the package is decoded here, on first use
        tree = json.loads(document.to_json(styles=False).text)
    except hwpforge.HwpForgeError as exc:
        raise InputError(name, f"cannot read this {kind} document ({_reason(exc)})") from None
    body = tree.get("document", {})
    lines = [line for section in body.get("sections", [])
             for line in paragraphs_text(section.get("paragraphs", []))]
    meta = body.get("metadata") or {}
    return Extracted("\n".join(lines), Metadata.of(
        title=meta.get("title"), author=meta.get("author"), date=meta.get("created")),
        furniture=False)


def paragraphs_text(paragraphs: list[dict]) -> Iterator[str]:
    """Lines of text of hwpforge's paragraphs (its JSON document model)."""
    for paragraph in paragraphs:
        text: list[str] = []
        after: list[str] = []   # tables, text boxes, footnotes: lines of their own
        for run in paragraph.get("runs", []):
            content = run.get("content") or {}
            if "Text" in content:
                text.append(content["Text"])
            elif "InlineText" in content:
                text.extend(seg.get("Plain", " ") if isinstance(seg, dict) else ""
                            for seg in content["InlineText"].get("segments", []))
            elif "Table" in content:
                after.extend(table_lines(content["Table"]))
            elif "Control" in content:
                for kind, control in content["Control"].items():
                    if kind == "Hyperlink":
                        text.append(control.get("text", ""))
                    elif isinstance(control, dict) and "paragraphs" in control:
                        after.extend(paragraphs_text(control["paragraphs"]))
        yield from (line for line in "".join(text).split("\n"))
        yield from after


def table_lines(table: dict) -> list[str]:
    """One line per row: each cell's text, joined by " | "."""
    out = []
    for row in table.get("rows", []):
        cells = [" ".join(" ".join(paragraphs_text(cell.get("paragraphs", []))).split())
                 for cell in row.get("cells", [])]
        if any(cells):
            out.append(" | ".join(c for c in cells if c))
    return out
