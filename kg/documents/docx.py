"""Word documents (.docx), through python-docx: paragraphs and tables in the order they
stand in the body (headers and footers are page furniture and left out); a table row
becomes one line, its cells joined by " | "; title, author and creation date from the
document's core properties."""
from __future__ import annotations

import io
import logging

from kg.documents.metadata import Extracted, Metadata, not_a
from kg.errors import InputError

log = logging.getLogger(__name__)


def read_docx(data: bytes, name: str) -> Extracted:
    if not data.startswith(b"PK\x03\x04"):
        raise not_a("a Word (.docx)", name, data)
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(table_lines(block))
            else:
                lines.append(block.text)
        props = document.core_properties
        meta = Metadata.of(title=props.title, author=props.author, date=props.created)
    except Exception as exc:  # a corrupt package raises KeyError, BadZipFile, XMLSyntaxError…
        log.debug("python-docx failed on %s", name, exc_info=True)
        reason = (str(exc).splitlines() or [""])[0] or type(exc).__name__
        raise InputError(name, f"cannot read this Word document ({reason})") from None
    return Extracted("\n".join(lines), meta, furniture=False)


def table_lines(table) -> list[str]:
    """One line per row: the text of each cell (a merged cell once), joined by " | "."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is returned once per grid column
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            out.append(" | ".join(cells))
    return out
