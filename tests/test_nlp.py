"""The Kiwi-backed spaCy tokenizer: exact offsets, particles split from names."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.mark.parametrize("text,expected", [
    ("업스테이지는 AWS를 활용한다.", ["업스테이지", "는", "AWS", "를"]),
    ("과학기술정보통신부(MSIT)는 383억원을 투입했다.",
     ["과학기술정보통신부", "(", "MSIT", ")", "는", "383", "억", "원", "을"]),
    ("행정안전부와 관세청이 협력한다.", ["행정안전부", "와", "관세청", "이"]),
    ("네이버클라우드가 했다.", ["네이버클라우드", "가"]),
    ("서울교통공사에서 열렸다.", ["에서"]),
])
def test_particles_are_split_from_names(nlp, text, expected):
    doc = nlp(text)
    words = [t.text for t in doc]
    for w in expected:
        assert w in words, (w, words)
    assert doc.text == text


@pytest.mark.parametrize("text", [
    "정부는 올해 5대 분야에 383억원을 투입해  초거대 AI 플래그십 사업을 추진한다.\n\n",
    "  했다. 했었다.\t이것이다 \n AWS코리아 ‘퍼블릭 섹터 데이’ 2025",
    "이다. 였다. 1조 2천억 원 (약 7조원대) — 🙂 漢字 ㄱㄴ",
    "\n\n\n",
    "",
])
def test_doc_text_is_the_input_and_tokens_are_not_empty(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert all(len(t.text) > 0 for t in doc)
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_tokens_carry_kiwi_tags_and_merge_overlapping_morphemes(nlp):
    doc = nlp("업스테이지가 발표했다.")
    tags = {t.text: t.tag_ for t in doc}
    assert tags["업스테이지"] == "NNP"
    assert tags["가"].startswith("JK")
    assert any("+" in t.tag_ for t in doc)  # 했 = 하 + 었, one token


def test_sentences_come_from_kiwi(nlp):
    doc = nlp("AWS가 발표했다. 정부는 383억원을 투입한다.\n새 문단이다.")
    assert [s.text.strip() for s in doc.sents] == ["AWS가 발표했다.", "정부는 383억원을 투입한다.",
                                           "새 문단이다."]


_NAMES = ["과학기술정보통신부", "LG AI연구원", "업스테이지", "AWS 퍼블릭 섹터 데이", "한국지능정보사회진흥원"]


def _tokens(doc):
    return [(t.text, t.tag_, t.norm_, t.whitespace_, t.is_sent_start) for t in doc]


def test_known_spans_give_the_docs_kiwi_gives_and_are_read_back(nlp, tmp_path, monkeypatch):
    from kg.nlp import known_spans

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    tok = nlp.tokenizer
    fresh = [_tokens(tok(t)) for t in _NAMES]
    with known_spans(tok, _NAMES):
        assert [_tokens(tok(t)) for t in _NAMES] == fresh
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 1 and files[0].startswith("spans-") and files[0].endswith(".json")

    def no_kiwi(text):
        raise AssertionError(f"analysed again: {text}")

    monkeypatch.setattr(tok, "spans", no_kiwi)  # the second time, from the file only
    with known_spans(tok, _NAMES):
        assert [_tokens(tok(t)) for t in _NAMES] == fresh
    assert tok.known == {}


def test_known_spans_of_other_texts_replace_the_file(nlp, tmp_path, monkeypatch):
    from kg.nlp import known_spans

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    with known_spans(nlp.tokenizer, _NAMES):
        pass
    first = {p.name for p in tmp_path.iterdir()}
    with known_spans(nlp.tokenizer, _NAMES[:2]):
        pass
    second = {p.name for p in tmp_path.iterdir()}
    assert len(first) == len(second) == 1 and first != second


def test_known_spans_survive_a_broken_file_and_no_folder(nlp, tmp_path, monkeypatch):
    from kg.nlp import known_spans

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    tok = nlp.tokenizer
    fresh = [_tokens(tok(t)) for t in _NAMES]
    with known_spans(tok, _NAMES):
        pass
    (path,) = tmp_path.iterdir()
    path.write_text("[[1, 2", encoding="utf-8")          # cut short
    with known_spans(tok, _NAMES):
        assert [_tokens(tok(t)) for t in _NAMES] == fresh
    assert path.read_text(encoding="utf-8").startswith("[[[")   # written again, whole
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "kg"))   # a folder under a file
    with known_spans(tok, _NAMES):
        assert [_tokens(tok(t)) for t in _NAMES] == fresh
    monkeypatch.setenv("KG_CACHE_DIR", "")                    # kept nowhere
    with known_spans(tok, _NAMES):
        assert [_tokens(tok(t)) for t in _NAMES] == fresh
