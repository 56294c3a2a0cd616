"""Robust on any input: a bad file is skipped with one line naming it and the
reason, never a traceback, and never stops the other documents."""
from __future__ import annotations

import gzip
import os
import random
import re
import struct
import time

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS
from test_documents import ARTICLE

from kg.documents import load_documents

PNG = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
       + struct.pack(">IIBBBBB", 640, 480, 8, 2, 0, 0, 0) + b"\x90wS\xde" + bytes(64))
CHINESE = "国务院办公厅关于印发新一代人工智能发展规划的通知，现将规划印发给你们，请认真贯彻执行。"
FRENCH = "Le ministère a présenté hier un plan d'investissement de 12 millions d'euros. " * 4
ENGLISH = "The ministry’s “AI first” plan was presented on Tuesday. " * 4

# (file name, content, what the message must say)
BAD_INPUTS = {
    "empty": ("empty.txt", b"", "empty file"),
    "whitespace only": ("blank.txt", " \n\t \r\n\u3000\n".encode(), "empty file"),
    "BOM and spaces": ("bom.txt", b"\xef\xbb\xbf   \n", "empty file"),
    "UTF-16 BOM only": ("bom16.txt", b"\xff\xfe", "empty file"),
    "random bytes": ("random.txt", random.Random(0).randbytes(4096), "binary data"),
    "PNG image": ("image.txt", PNG, "binary data (a PNG image)"),
    "gzip file": ("article.txt", gzip.compress(ARTICLE.encode(), mtime=0), "binary data (gzip"),
    "Chinese GBK (CP949 would decode it)": ("gbk.txt", CHINESE.encode("gbk"), "text encoding"),
    "Latin-1": ("latin1.txt", FRENCH.encode("latin-1"), "text encoding"),
    "Windows-1252 quotes": ("cp1252.txt", ENGLISH.encode("cp1252"), "text encoding"),
    "half UTF-8, half CP949": ("mixed.txt", ARTICLE[:60].encode() + ARTICLE[60:].encode("cp949"),
                               "text encoding"),
    "EUC-KR byte soup": ("soup.txt", bytes(0xA1 + b % 94 for b in random.Random(1).randbytes(2000)),
                         "text encoding"),
    "UTF-16 cut mid-character": ("odd16.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")[:-1],
                                 "not valid UTF-16"),
    "only furniture": ("furniture.txt", "김동원 기자 theai@chosun.com\n관련기사\n- 다른 기사 제목\n".encode(),
                       "no text left"),
    "no letters": ("numbers.txt", b"2025 05 13 10:21 | 1,234 5,678\n" * 20, "too few letters"),
}


@pytest.fixture()
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_one_line_naming(errors, path, reason):
    assert len(errors) == 1, [str(e) for e in errors]
    message = str(errors[0])
    assert message.startswith(f"{path}: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize("name, data, reason", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_file_is_skipped_with_a_reason(tmp_path, good, name, data, reason):
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(data)
    docs, errors = load_documents([bad, good])
    assert_one_line_naming(errors, bad, reason)
    assert [d.id for d in docs] == ["good.txt"]


def test_missing_path(tmp_path, good):
    missing = tmp_path / "no" / "such.txt"
    docs, errors = load_documents([missing, good])
    assert_one_line_naming(errors, missing, "no such file or folder")
    assert [d.id for d in docs] == ["good.txt"]


def test_not_a_regular_file(tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    docs, errors = load_documents([fifo, good])
    assert_one_line_naming(errors, fifo, "not a regular file")
    assert len(docs) == 1


def test_over_the_size_limit_names_the_option(tmp_path, good):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10, encoding="utf-8")
    docs, errors = load_documents([big, good], max_bytes=good.stat().st_size)
    assert_one_line_naming(errors, big, "--max-bytes")
    assert f"{big.stat().st_size:,} bytes" in str(errors[0])
    assert [d.id for d in docs] == ["good.txt"]


LONG_LINES = {
    "Korean sentences": ("line.txt", ARTICLE.replace("\n", " ") * 3000),
    "opening brackets in Markdown": ("brackets.md", "[](" * 350_000),
    "spaces then a letter": ("spaces.txt", " " * 1_000_000 + "가"),
    "image placeholders": ("images.txt", "![]()   " * 125_000 + "끝"),  # was exponential
    "unclosed tags in HTML": ("tags.html", "<nav" * 250_000),
    "attributes without end": ("attrs.html", "<p a='" * 170_000),
}


@pytest.mark.parametrize("name, line", LONG_LINES.values(), ids=LONG_LINES.keys())
def test_a_megabyte_on_one_line_finishes_quickly(tmp_path, name, line):
    path = tmp_path / name
    path.write_text(line, encoding="utf-8")
    assert path.stat().st_size >= 1_000_000
    start = time.monotonic()
    docs, errors = load_documents([path])
    assert time.monotonic() - start < 5
    assert len(docs) + len(errors) == 1
    if name == "line.txt":
        assert docs and len(docs[0].text) > 300_000


def test_file_without_extension_is_read_when_named(tmp_path):
    (tmp_path / "folder").mkdir()
    path = tmp_path / "folder" / "ARTICLE"
    path.write_text(ARTICLE, encoding="utf-8")
    docs, errors = load_documents([path])
    assert not errors and [d.id for d in docs] == ["ARTICLE"]


def test_file_without_extension_in_a_folder_is_sniffed(tmp_path):
    (tmp_path / "ARTICLE").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page").write_text("<!DOCTYPE html><html><body><article><p>" + ARTICLE
                                   + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "v1.2").write_text(ARTICLE, encoding="utf-8")  # ".2" is not an extension
    (tmp_path / "picture").write_bytes(PNG)
    (tmp_path / "archive").write_bytes(gzip.compress(ARTICLE.encode(), mtime=0))
    docs, errors = load_documents([tmp_path])
    assert [d.id for d in docs] == ["ARTICLE", "page", "v1.2"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'archive'}: binary data (gzip data), not text",
        f"{tmp_path / 'picture'}: binary data (a PNG image), not text"]


def test_same_article_under_two_names_gives_two_documents(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    docs, errors = load_documents([tmp_path])
    assert not errors
    assert [d.id for d in docs] == ["a.txt", "b.txt"]
    assert docs[0].sha256 == docs[1].sha256


def test_same_file_given_twice_is_one_document(good):
    docs, errors = load_documents([good, good.parent, str(good)])
    assert not errors and [d.id for d in docs] == ["good.txt"]


def test_nested_folders_are_recursed(tmp_path):
    deep = tmp_path / "2025" / "05" / "13"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2025" / "top.md").write_text("# 제목\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "other" / "deep.txt").parent.mkdir()
    (tmp_path / "other" / "deep.txt").write_text("다른 기사의 본문이다.\n", encoding="utf-8")
    docs, errors = load_documents([tmp_path])
    assert not errors
    ids = sorted(d.id for d in docs)
    assert len(ids) == 3 and "top.md" in ids
    assert sum(i.startswith("deep.txt") for i in ids) == 2  # one name, two files: both kept


def test_symlink_loop_is_not_followed_forever(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(folder, folder / "loop")
    os.symlink(folder / "self", folder / "self")  # a link to itself: ELOOP
    docs, errors = load_documents([folder])
    assert [d.id for d in docs] == ["article.txt"]
    assert all("\n" not in str(e) for e in errors)


def test_hidden_files_are_skipped_silently(tmp_path, good):
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(bytes(64))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = load_documents([tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["good.txt"]


def test_unsupported_formats_in_folders_are_listed(tmp_path, good):
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "sheet.XLSX").write_bytes(b"PK\x03\x04" + bytes(100))
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04" + bytes(100))
    docs, errors = load_documents([tmp_path])
    assert [d.id for d in docs] == ["good.txt"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'notes.odt'}: unsupported format: .odt",
        f"{tmp_path / 'photo.png'}: unsupported format: .png",
        f"{tmp_path / 'sheet.XLSX'}: unsupported format: .xlsx"]


def test_file_name_that_is_not_utf8(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"\xbf\xad\xbb\xe7.txt")  # "기사" in CP949
    with open(path, "wb") as f:
        f.write(ARTICLE.encode())
    docs, errors = load_documents([tmp_path])
    assert not errors and len(docs) == 1
    docs[0].id.encode("utf-8")  # printable and writable into the outputs


@pytest.fixture()
def mixed_inputs(tmp_path, good):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(random.Random(0).randbytes(2048))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return good, tmp_path / "missing.txt", binary, empty


def test_build_skips_bad_inputs_and_writes_the_good_one(tmp_path, pipeline, mixed_inputs):
    from kg.pipeline import build

    good, *bad = mixed_inputs
    result = build(mixed_inputs, tmp_path / "out", pipeline=pipeline)
    assert sorted(e.path for e in result.errors) == sorted(str(p) for p in bad)
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert set(graph.objects(None, DCTERMS.identifier)) == {Literal("good.txt")}
    assert result.entities


def test_cli_lists_each_skipped_file_and_exits_1(tmp_path, pipeline, mixed_inputs, monkeypatch):
    from kg.cli import main
    from kg.pipeline import Pipeline

    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls: pipeline))
    args = ["build", *map(str, mixed_inputs), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "documents read: 1" in result.output
    lines = result.output.splitlines()
    for bad in mixed_inputs[1:]:
        assert len([line for line in lines if str(bad) in line]) == 1, result.output
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_a_document_that_crashes_a_rule_is_skipped_and_the_others_built(
        tmp_path, pipeline, good, monkeypatch):
    """A fault in the extractor on one text (here injected into the relation stage) costs
    that document only: it is reported in one line with the file, the exception and where
    in kg it was raised, and the other documents are built."""
    from kg import pipeline as pl
    from kg.cli import main

    real = pl.find_statements

    def faulty(sdoc, mentions, lexicon):
        if "고장" in sdoc.text:
            raise IndexError("list index out of range")
        return real(sdoc, mentions, lexicon)

    monkeypatch.setattr(pl, "find_statements", faulty)
    bad = tmp_path / "bad.txt"
    bad.write_text("과학기술정보통신부는 고장 난 시스템을 고친다고 밝혔다.\n", encoding="utf-8")
    twin = tmp_path / "twin.txt"          # the same text: extracted once, failed twice
    twin.write_bytes(bad.read_bytes())
    result = pl.build([good, bad, twin], tmp_path / "out", pipeline=pipeline)
    # the innermost frame in kg: the call of the faulty stage
    reason = r"extraction failed \(IndexError: list index out of range at pipeline\.py:\d+\)"
    assert [e.path for e in result.errors] == [str(bad), str(twin)]
    assert all(re.fullmatch(reason, e.reason) for e in result.errors), result.errors
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert set(graph.objects(None, DCTERMS.identifier)) == {Literal("good.txt")}

    monkeypatch.setattr(pl.Pipeline, "load", classmethod(lambda cls: pipeline))
    cli = CliRunner().invoke(main, ["build", str(good), str(bad), "-o", str(tmp_path / "o2")])
    assert cli.exit_code == 1
    assert "Traceback" not in cli.output
    lines = [line for line in cli.output.splitlines() if "bad.txt" in line]
    assert len(lines) == 1 and re.fullmatch(f"skipped {re.escape(str(bad))}: {reason}",
                                            lines[0]), cli.output
