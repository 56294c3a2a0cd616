"""Property tests: any text gives a build whose outputs parse and whose page is safe."""
from __future__ import annotations

import hashlib
import json
import re
import signal
import subprocess
import sys
import time

import networkx as nx
import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from conftest import ROOT, SEEDS
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


def test_a_killed_build_leaves_the_previous_output(tmp_path):
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o", str(out)],
                   check=True, capture_output=True)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    corpus = tmp_path / "more"
    corpus.mkdir()
    for i in range(40):  # enough work that the build is killed mid-way
        (corpus / f"{i:03}.txt").write_text((SEEDS / "002_430102f8735eb5df.txt").read_text(
            encoding="utf-8") + f"\n추가 문단 {i}번째 사업을 추진한다.", encoding="utf-8")
    for delay in (0.5, 3.0, 6.0):
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o",
                                 str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
                 if p.is_file() and not p.name.endswith(".tmp")}
        assert after == before, f"output changed after a kill at {delay} s"
    assert (ROOT / "output").is_dir()
