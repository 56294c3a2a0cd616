"""Reading what analysts have: PDF, DOCX, HWPX and HWP, and collections of articles in
JSON Lines, JSON and CSV. Every fixture is made here by the real tool (reportlab with
Debian's NanumGothic, python-docx, hwpforge), in tmp_path."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from kg.documents import load_documents

NANUM = Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
PDF_DATE = "D:20250513090000+09'00'"

P1 = "과학기술정보통신부는 초거대 AI 플래그십 사업에 올해 383억원을 투입한다고 13일 밝혔다."
P2 = ("행정안전부는 상반기 중 공모를 거쳐 20개 기관을 선정하고, 기관별로 최대 5억원의 컨설팅과 "
      "클라우드 이용료를 지원할 계획이다.")
P3 = "선정된 기관은 한국지능정보사회진흥원(NIA)의 기술 자문도 받는다."
P4 = ("디지털플랫폼정부위원회는 110억원 규모의 데이터 개방 사업을 함께 추진한다. 위원회 관계자는 "
      "“현장에서 바로 쓸 수 있는 서비스를 중심으로 지원하겠다”고 말했다.")


def read(path, **kwargs):
    docs, errors = load_documents([path], **kwargs)
    assert errors == [], [str(e) for e in errors]
    return docs


def message(path, **kwargs) -> str:
    docs, errors = load_documents([path], **kwargs)
    assert docs == [] and len(errors) == 1
    return str(errors[0])


# ---------------------------------------------------------------------------
# PDF (reportlab, NanumGothic)
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def font():
    if not NANUM.is_file():
        pytest.fail(f"{NANUM} missing: apt-get install fonts-nanum (scripts/test.sh does)")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("NanumGothic", str(NANUM)))
    return "NanumGothic"


def _page_furniture(canvas, doc):
    canvas.setDateFormatter(lambda *_: PDF_DATE)
    canvas.setFont("NanumGothic", 9)
    canvas.drawCentredString(297, 30, f"- {doc.page} -")  # a page number: not text


def make_pdf(path, font, columns: list[list[str]], **info):
    """Paragraphs in one or more columns (a frame each), wrapped by reportlab at spaces."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    style = ParagraphStyle("ko", fontName=font, fontSize=11, leading=16, spaceAfter=14)
    width, height = A4
    gap, margin = 20, 50
    col = (width - 2 * margin - gap * (len(columns) - 1)) / len(columns)
    frames = [Frame(margin + i * (col + gap), 60, col, height - 120, id=f"c{i}")
              for i in range(len(columns))]
    doc = BaseDocTemplate(str(path), pagesize=A4, **info)
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=_page_furniture)])
    story = []
    for i, paragraphs in enumerate(columns):
        if i:
            story.append(FrameBreak())
        story.extend(Paragraph(p, style) for p in paragraphs)
    doc.build(story)
    return path


def test_pdf_text_and_properties(tmp_path, font):
    path = make_pdf(tmp_path / "release.pdf", font, [[P1, P2, P3]],
                    title="초거대 AI 플래그십 사업 보도자료", author="과학기술정보통신부")
    [doc] = read(path)
    assert doc.text == f"{P1}\n{P2}\n{P3}\n"  # lines broken inside sentences are joined
    assert (doc.title, doc.author, doc.date, doc.url, doc.publisher) == (
        "초거대 AI 플래그십 사업 보도자료", "과학기술정보통신부", "2025-05-13", None, None)


def test_two_column_pdf_is_read_column_by_column(tmp_path, font):
    path = make_pdf(tmp_path / "columns.pdf", font, [[P1, P2], [P3, P4]])
    [doc] = read(path)
    assert doc.text == f"{P1}\n{P2}\n{P3}\n{P4}\n"
    assert doc.title == P1  # reportlab's "untitled" is no title


def test_two_columns_drawn_line_by_line_across_the_page(tmp_path, font):
    """Some tools write a two-column page row by row: left line, right line, ... The
    layout analysis still reads the left column first. One line breaks inside a word
    (사|업), as Korean text wraps anywhere."""
    from reportlab.pdfgen import canvas

    left = ["과학기술정보통신부는 초거대 AI", "플래그십 사업에 올해 383억원을 투입하는 이번 사",
            "업을 13일 발표했다."]
    right = ["행정안전부는 상반기 중 공모를", "거쳐 20개 기관을 선정하고 컨설팅을",
             "지원할 계획이다."]
    c = canvas.Canvas(str(tmp_path / "rows.pdf"))
    c.setDateFormatter(lambda *_: PDF_DATE)
    c.setFont(font, 11)
    for i, (a, b) in enumerate(zip(left, right)):
        c.drawString(50, 780 - 16 * i, a)
        c.drawString(320, 780 - 16 * i, b)
    c.save()
    [doc] = read(tmp_path / "rows.pdf")
    assert doc.text == ("과학기술정보통신부는 초거대 AI 플래그십 사업에 올해 383억원을 투입하는 이번 "
                        "사업을 13일 발표했다.\n"
                        "행정안전부는 상반기 중 공모를 거쳐 20개 기관을 선정하고 컨설팅을 지원할 "
                        "계획이다.\n")


def test_pdf_without_a_text_layer_is_skipped(tmp_path, font):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(50, 50, 400, 600, fill=1)  # a scanned page: only shapes and images
    c.save()
    assert message(tmp_path / "scan.pdf") == f"{tmp_path / 'scan.pdf'}: no text layer: run OCR first"


def test_truncated_pdf_is_skipped(tmp_path, font):
    data = make_pdf(tmp_path / "whole.pdf", font, [[P1]]).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[:len(data) // 2])
    assert message(tmp_path / "cut.pdf") == (
        f"{tmp_path / 'cut.pdf'}: truncated PDF (no %%EOF at its end): the file was cut short")


# ---------------------------------------------------------------------------
# DOCX (python-docx)
# ---------------------------------------------------------------------------

def make_docx(path):
    import docx

    d = docx.Document()
    props = d.core_properties
    props.title, props.author = "AI 바우처 사업 계획", "정보통신산업진흥원"
    props.created = datetime(2025, 3, 4, 10, 30)
    d.add_heading("AI 바우처 사업 계획", level=1)
    d.add_paragraph(P1)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("사업", "예산", "기관"), ("AI 바우처", "120억원", "정보통신산업진흥원"),
                             ("합계", "503억원", "")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 1).merge(table.cell(2, 2))  # one cell over two columns
    d.add_paragraph(P3)
    d.sections[0].footer.paragraphs[0].text = "- 1 -"  # page furniture: not read
    d.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path):
    [doc] = read(make_docx(tmp_path / "plan.docx"))
    assert doc.text == ("AI 바우처 사업 계획\n"
                        f"{P1}\n"
                        "사업 | 예산 | 기관\n"
                        "AI 바우처 | 120억원 | 정보통신산업진흥원\n"
                        "합계 | 503억원\n"
                        f"{P3}\n")
    assert (doc.title, doc.author, doc.date) == ("AI 바우처 사업 계획", "정보통신산업진흥원",
                                                 "2025-03-04")


# ---------------------------------------------------------------------------
# HWPX (written by hwpforge) and HWP
# ---------------------------------------------------------------------------

HWPX_MARKDOWN = f"""# AI 예산 보도자료

{P1}

| 사업 | 예산 | 기관 |
|---|---|---|
| AI 바우처 | 120억원 | 정보통신산업진흥원 |
| 플래그십 | 383억원 | 과기정통부 |

{P3}
"""


def make_hwpx(path, **metadata):
    import hwpforge

    document = hwpforge.convert_md(HWPX_MARKDOWN).document
    tree = json.loads(document.to_json().text)
    tree["document"]["metadata"].update(metadata)
    hwpforge.from_json(json.dumps(tree, ensure_ascii=False)).document.save(str(path))
    return path


def test_hwpx_paragraphs_tables_and_properties(tmp_path):
    path = make_hwpx(tmp_path / "release.hwpx", title="초거대 AI 예산 보도자료",
                     author="과학기술정보통신부", created="2025-05-13T09:00:00Z")
    [doc] = read(path)
    assert doc.text == ("AI 예산 보도자료\n"
                        f"{P1}\n"
                        "사업 | 예산 | 기관\n"
                        "AI 바우처 | 120억원 | 정보통신산업진흥원\n"
                        "플래그십 | 383억원 | 과기정통부\n"
                        f"{P3}\n")
    assert (doc.title, doc.author, doc.date) == ("초거대 AI 예산 보도자료", "과학기술정보통신부",
                                                 "2025-05-13")


def test_files_without_extension_are_read_by_their_content(tmp_path, font):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(folder / "press-release", font, [[P1]])
    make_docx(folder / "plan")
    make_hwpx(folder / "notice")
    docs = read(folder)
    assert [(d.id, d.text.split("\n")[0]) for d in docs] == [
        ("notice", "AI 예산 보도자료"), ("plan", "AI 바우처 사업 계획"), ("press-release", P1)]


# (file name, content, the message after the file name)
BROKEN = {
    "text named .pdf": ("report.pdf", P1.encode(),
                        "not a PDF file (it looks like text): is the extension wrong?"),
    "zip named .pdf": ("report.pdf", b"PK\x03\x04" + bytes(60),
                       "not a PDF file (it is a ZIP archive): is the extension wrong?"),
    "PDF named .docx": ("plan.docx", b"%PDF-1.4\n" + bytes(60),
                        "not a Word (.docx) file (it is a PDF file): is the extension wrong?"),
    "corrupt docx": ("plan.docx", b"PK\x03\x04" + bytes(200), "cannot read this Word document"),
    "corrupt hwpx": ("notice.hwpx", b"PK\x03\x04" + bytes(200), "cannot read this HWPX document"),
    "text named .hwp": ("notice.hwp", P1.encode(),
                        "not an HWP file (it looks like text): is the extension wrong?"),
    "corrupt hwp": ("notice.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
                    "cannot read this HWP document"),
    "empty pdf": ("empty.pdf", b"", "empty file"),
    "broken JSON": ("news.json", b'[{"text": "a"', "not valid JSON"),
    "JSON that is not a list": ("news.json", b'"text"', "expected a JSON array of records"),
    "JSON object that is no article": (
        "gold.json", b'{"doc": "a.txt", "entities": []}',
        "expected a JSON array of records, or one record: this object has no text field (text, "
        "content, body, article, 본문, 내용)"),
}


@pytest.mark.parametrize("name, data, reason", BROKEN.values(), ids=BROKEN.keys())
def test_broken_file_is_one_line_and_the_others_are_read(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(P1, encoding="utf-8")
    docs, errors = load_documents([tmp_path])
    assert [d.id for d in docs] == ["good.txt"]
    assert len(errors) == 1 and "\n" not in str(errors[0])
    assert str(errors[0]).startswith(f"{tmp_path / name}: {reason}")


def test_corrupt_zip_from_a_real_document(tmp_path):
    """A .docx and a .hwpx cut short (a download that stopped) are refused, one line each."""
    data = make_docx(tmp_path / "whole.docx").read_bytes()
    (tmp_path / "whole.docx").unlink()
    (tmp_path / "cut.docx").write_bytes(data[:len(data) // 2])
    data = make_hwpx(tmp_path / "whole.hwpx").read_bytes()
    (tmp_path / "whole.hwpx").unlink()
    (tmp_path / "cut.hwpx").write_bytes(data[:len(data) // 2])
    docs, errors = load_documents([tmp_path])
    assert docs == []
    assert [(e.path, e.reason.split(" (")[0]) for e in errors] == [
        (str(tmp_path / "cut.docx"), "cannot read this Word document"),
        (str(tmp_path / "cut.hwpx"), "cannot read this HWPX document")]


# ---------------------------------------------------------------------------
# Collections of articles: JSON Lines, JSON, CSV
# ---------------------------------------------------------------------------

ORGS = ["과학기술정보통신부", "행정안전부", "한국지능정보사회진흥원", "정보통신산업진흥원"]


def record(i: int) -> dict:
    return {"title": f"AI 예산 기사 {i}",
            "content": f"{ORGS[i % 4]}는 올해 AI 사업에 {i + 1}억원을 투입한다고 밝혔다.",
            "published": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}T09:00:00+09:00",
            "link": f"https://news.example.kr/articles/{i}",
            "outlet": "한빛일보", "author": "박서연 기자"}


def test_a_thousand_json_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(record(i), ensure_ascii=False) + "\n" for i in range(1000)),
                    encoding="utf-8")
    docs = read(path)
    assert len(docs) == 1000
    assert [d.id for d in docs[:2]] == ["news.jsonl#1", "news.jsonl#2"]
    last = docs[-1]
    assert (last.id, last.path, last.title, last.text, last.date, last.url, last.publisher,
            last.author) == (
        "news.jsonl#1000", f"{path}#1000", "AI 예산 기사 999",
        "정보통신산업진흥원는 올해 AI 사업에 1000억원을 투입한다고 밝혔다.\n", "2025-04-20",
        "https://news.example.kr/articles/999", "한빛일보", "박서연 기자")


def test_bad_records_are_reported_by_number(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(record(0), ensure_ascii=False), '{"content": "따옴표가 닫히지 않았다',
             "", json.dumps({"title": "본문 없음"}, ensure_ascii=False), "[1, 2]",
             json.dumps(record(5), ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = load_documents([path])
    assert [d.id for d in docs] == ["news.jsonl#1", "news.jsonl#6"]
    assert [str(e) for e in errors] == [
        f"{path}#2: not valid JSON (Unterminated string starting at at column 13)",
        f"{path}#4: no text (no non-empty field named text, content, body, article, 본문, 내용; "
        "choose one with --field text=NAME)",
        f"{path}#5: expected a record (an object), got list"]


def test_json_array_with_fields_named_by_the_user(tmp_path):
    path = tmp_path / "export.json"
    rows = [{"headline": "AI 바우처 확대", "story": P1, "when": "2025.05.13",
             "source": {"id": "hb", "name": "한빛일보"}, "page": "www.example.kr/a b"}]
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    [doc] = read(path, fields={"text": "story", "title": "headline", "date": "when",
                               "url": "page"})
    assert (doc.id, doc.title, doc.text, doc.date, doc.publisher, doc.url) == (
        "export.json#1", "AI 바우처 확대", P1 + "\n", "2025-05-13", "한빛일보", "www.example.kr/a b")


def test_csv_with_korean_headers_from_a_spreadsheet(tmp_path):
    """Korean spreadsheet exports: CP949, Korean column names, bodies with line breaks."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["일자", "언론사", "기고자", "제목", "본문", "URL"])
    writer.writerow(["20250513", "한빛일보", "박서연", "행안부 AI 확산", f"{P2}\n{P3}",
                     "https://news.example.kr/1"])
    writer.writerow(["2025년 5월 14일", "세종경제", "", "과기정통부 예산", P1, ""])
    path = tmp_path / "bigkinds.csv"
    path.write_bytes(out.getvalue().encode("cp949"))
    docs = read(path)
    assert [(d.id, d.title, d.text, d.date, d.publisher, d.author, d.url) for d in docs] == [
        ("bigkinds.csv#1", "행안부 AI 확산", f"{P2}\n{P3}\n", "2025-05-13", "한빛일보", "박서연",
         "https://news.example.kr/1"),
        ("bigkinds.csv#2", "과기정통부 예산", f"{P1}\n", "2025-05-14", "세종경제", None, None)]


def test_unknown_field_is_a_usage_error(tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match=r"^--field txt=body: unknown field 'txt' \(known: text, "):
        load_documents([tmp_path], fields={"txt": "body"})


def test_record_limit_applies_to_each_record(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}, ensure_ascii=False)
                              for t in (P1, P2 * 20)), encoding="utf-8")
    docs, errors = load_documents([path], max_bytes=2_000)
    assert [d.id for d in docs] == ["news.jsonl#1"]
    assert [str(e) for e in errors] == [f"{path}#2: text of 3,460 bytes is over the limit of "
                                        "2,000 (raise it with --max-bytes)"]


@pytest.mark.parametrize("value, iso", [
    ("2025-05-13", "2025-05-13"), ("2025-05-13T09:00:00+09:00", "2025-05-13"),
    ("2025.05.13", "2025-05-13"), ("2025. 5. 13.", "2025-05-13"), ("2025/5/13 10:21", "2025-05-13"),
    ("2025년 5월 13일", "2025-05-13"), ("20250513", "2025-05-13"), ("D:20250513090000+09'00'",
                                                                   "2025-05-13"),
    ("Tue, 13 May 2025 10:21:00 +0900", "2025-05-13"), ("입력 2025.05.13 10:21", "2025-05-13"),
    ("2025-02-30", None), ("13 May", None), ("", None), ("어제", None), (None, None),
    (datetime(2025, 5, 13, 23, 59), "2025-05-13"),
])
def test_dates(value, iso):
    from kg.documents.metadata import parse_date

    assert parse_date(value) == iso


def test_one_json_object_is_one_article(tmp_path):
    path = tmp_path / "article.json"
    path.write_text(json.dumps({"body": P1, "date": "2025-05-13"}, ensure_ascii=False),
                    encoding="utf-8")
    [doc] = read(path)
    assert (doc.id, doc.text, doc.date) == ("article.json#1", P1 + "\n", "2025-05-13")
