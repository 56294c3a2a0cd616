"""Property tests: any text gives a build whose outputs parse and whose page is safe."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import signal
import subprocess
import sys
import time

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from conftest import SEEDS, store_quads
from kg.export.html import render_html
from kg.export.turtle import render_turtle
from kg.graph import to_networkx, to_rdf
from kg.pipeline import assemble, extract_all
from kg.types import Document

# Hangul, Latin, digits, quotes, brackets, markup and control characters
ALPHABET = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.sampled_from(list("abcXYZ019 ,.()‘’“”'\"<>&/\\;:|·△-\n\t\r\x00\x07\x1b\u2028\ufeff")),
    st.sampled_from(["</script>", "<img src=x onerror=alert(1)>", "억원", "달러", "부", "협회",
                     "사업", "는 ", "가 ", "를 ", "에서 ", "과학기술정보통신부", "AWS", "정부는 "]),
)
TEXT = st.lists(ALPHABET, min_size=1, max_size=120).map("".join)


def build_text(pipeline, text: str):
    from kg.documents import clean_text

    cleaned = clean_text(text)
    doc = Document(id="p.txt", path="p.txt", title=cleaned[:50] or "x", text=cleaned,
                   sha256=hashlib.sha256(cleaned.encode()).hexdigest())
    data, _ = assemble(extract_all([doc], pipeline), pipeline.lexicon)
    return data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_parseable_turtle_and_a_safe_page(pipeline, text):
    data = build_text(pipeline, text)
    turtle = render_turtle(to_rdf(data))
    g = Graph().parse(data=turtle.decode("utf-8"), format="turtle")
    store = pyoxigraph.Store()
    store.load(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    page = render_html(to_networkx(data))
    payload = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                        re.S).group(1)
    assert "<" not in payload and ">" not in payload
    json.loads(payload)
    # no script element beyond those of the page itself
    assert page.count("<script") == render_html(nx.MultiDiGraph()).count("<script")


# Words of Korean news the rules look for, in any order: every rule's code path, not
# only the tokenizer's, meets text it was not written for
NEWS_WORDS = st.sampled_from([
    "‘", "’", "“", "”", "'", "(", ")", "·", ",", ".", "\n", "\n\n", "▲", "△", "|", "- ", "Q. ",
    "A. ", "■ ", "과학기술정보통신부", "행안부", "NIA", "KT", "네이버클라우드", "충남도", "부산시",
    "순천향대", "김민수", "대표", "장관", "는 ", "은 ", "이 ", "가 ", "를 ", "을 ", "에 ", "에서 ",
    "와 ", "과 ", "의 ", "함께 ", "만든다", "컨소시엄", "주관", "참여했다", "선정됐다", "수주했다",
    "협약을 맺었다", "각각 ", "AI 민원비서", "사업", "실증사업", "포럼", "12억원", "3억 원씩",
    "국비 ", "시비 ", "올해 ", "지난 ", "2026년 ", "맡는다", "지원한다", "쓰고 있다", "라고 말했다",
    "기술 자문을 ", "성능 검증을 ", "총괄을 ", "하도급사인 ", "이름을 올렸다", "사업은 ", "배정했다",
])
NEWS = st.lists(NEWS_WORDS, min_size=1, max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWS)
def test_news_like_text_never_breaks_extraction(pipeline, text):
    doc = Document(id="n.txt", path="n.txt", title="n", text=text,
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    ex = pipeline.extract(doc)
    for s in ex.statements:  # every statement joins two mentions the document has
        assert 0 <= s.subject < len(ex.mentions) and 0 <= s.object < len(ex.mentions)


def _kg_build(inputs, out):
    return [sys.executable, "-m", "kg.cli", "build", str(inputs), "-o", str(out)]


def _files(folder, hidden=True):
    """Every file, by relative path, but the store's (compared by content: store_quads)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).parts[0] != "graph.oxigraph"
            and (hidden or not any(part.startswith(".") for part in p.relative_to(folder).parts))}


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    from pathlib import Path

    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:  # a zombie has exited: only its parent has not read its status yet
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_killed_build_leaves_whole_files(tmp_path):
    """Killed while extracting, nothing changes; killed while writing, each file is
    the old or the new one, whole (the store too: the old or the new, opening), and the
    next build clears the leftovers (its hidden staging folder)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (SEEDS / "002_430102f8735eb5df.txt").read_text(encoding="utf-8")
    for i in range(150):  # several seconds of work
        (corpus / f"{i:03}.txt").write_text(text + f"\n{i}번째 ‘시범 사업 {i}’을 추진한다.",
                                            encoding="utf-8")
    old, new = tmp_path / "old", tmp_path / "new"
    subprocess.run(_kg_build(SEEDS, old), check=True, capture_output=True)
    subprocess.run(_kg_build(corpus, new), check=True, capture_output=True)
    before, after = _files(old), _files(new)
    stores = {"old": store_quads(old), "new": store_quads(new)}
    assert stores["old"] != stores["new"]
    shared = {k for k in before if not k.startswith("text/")}  # texts are per document
    assert shared == {k for k in after if not k.startswith("text/")}

    out = tmp_path / "out"
    shutil.copytree(old, out)
    proc = subprocess.Popen(_kg_build(corpus, out), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(2.0)  # loading Kiwi and extracting: nothing written yet
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _files(out, hidden=False) == before  # the build's staging folder is hidden
    assert store_quads(out) == stores["old"]

    graphml = (out / "graph.graphml").stat().st_ino  # the first file moved into place

    def writing() -> bool:  # the outputs are being written in the staging folder
        return any(p.name == "graph.nt" for p in out.glob(".kg-build-*/out/*"))

    def moving() -> bool:  # the outputs are being moved into the output folder
        return (out / "graph.graphml").stat().st_ino != graphml

    for killed_when in (writing, moving):
        proc = subprocess.Popen([*_kg_build(corpus, out), "--jobs", "2"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while proc.poll() is None and time.monotonic() < deadline:
            workers |= _children(proc.pid)
            if killed_when():
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.001)
        proc.wait()
        assert workers  # its worker processes die with it
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
        for name, data in _files(out, hidden=False).items():
            assert data in (before.get(name), after.get(name)), name
        assert store_quads(out) in (stores["old"], stores["new"])
    subprocess.run(_kg_build(corpus, out), check=True, capture_output=True)
    assert _files(out) == after  # no temporary file is left behind, nor an old text
    assert store_quads(out) == stores["new"]
