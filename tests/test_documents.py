"""Reading one document: encodings, normalisation, markup and page furniture."""
from __future__ import annotations

import os
import re
import unicodedata

import pytest

from conftest import SEEDS
from kg.documents import load_documents

# A short article of our own; every character is in KS X 1001, so EUC-KR can hold it.
ARTICLE = (
    "행정안전부는 올해 공공부문 인공지능(AI) 확산을 위해 모두 120억원을 투입한다고 13일 밝혔다.\n"
    "지방자치단체와 공공기관이 민원 상담과 문서 요약, 재난 대응 업무에 AI를 도입하도록 돕는 것이 "
    "목표다.\n"
    "행안부 관계자는 “현장에서 바로 쓸 수 있는 서비스를 중심으로 지원하겠다”고 말했다.\n"
)


def read_one(path):
    """The one document read from path; fails on any error."""
    docs, errors = load_documents([path])
    assert not errors, [str(e) for e in errors]
    assert len(docs) == 1
    return docs[0]


def test_article_is_euc_kr_text():
    assert ARTICLE.encode("euc-kr").decode("euc-kr") == ARTICLE
    assert unicodedata.is_normalized("NFC", ARTICLE)


@pytest.mark.parametrize("data", [
    pytest.param(ARTICLE.encode("utf-8"), id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), id="utf-8 with BOM"),
    pytest.param(b"\xff\xfe" + ARTICLE.encode("utf-16-le"), id="utf-16-le with BOM"),
    pytest.param(b"\xfe\xff" + ARTICLE.encode("utf-16-be"), id="utf-16-be with BOM"),
    pytest.param(ARTICLE.encode("cp949"), id="cp949"),
    pytest.param(ARTICLE.encode("euc-kr"), id="euc-kr"),
    pytest.param(ARTICLE.replace("\n", "\r\n").encode("utf-8"), id="CRLF line ends"),
    pytest.param(unicodedata.normalize("NFD", ARTICLE).encode("utf-8"), id="NFD Hangul"),
    pytest.param(ARTICLE.replace("AI", "A\x00I").replace("밝혔다", "밝\x07혔\x1b다")
                 .replace("목표", "목\u200b표").replace("\n", "\x0c\n", 1).encode("utf-8"),
                 id="NUL and control characters"),
])
def test_encodings_and_forms_give_the_same_text(tmp_path, data):
    (tmp_path / "reference.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "variant.txt").write_bytes(data)
    reference = read_one(tmp_path / "reference.txt")
    doc = read_one(tmp_path / "variant.txt")
    assert doc.text == reference.text
    assert doc.title == reference.title
    assert doc.sha256 == reference.sha256


@pytest.mark.parametrize("text", ["정부 AI 예산 발표", "코딧 뤼튼 협약"])  # 2nd: no common syllable
def test_short_cp949_text_is_still_korean(tmp_path, text):
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("cp949"))
    assert read_one(path).text == text + "\n"


def test_utf8_cut_mid_character_loses_only_that_character(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(ARTICLE.rstrip().encode("utf-8")[:-1])  # "다" lost its last byte
    assert read_one(path).text == ARTICLE.rstrip()[:-1] + "\n"


NEWS_PAGE = """<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>행안부, 공공부문 AI 확산에 120억원 투입 - 한빛일보</title>
<meta property="og:title" content="행안부, 공공부문 AI 확산에 120억원 투입">
<style>
  body { font-family: "Noto Sans KR", sans-serif; }
  .ad-banner::after { content: "광고 문의 환영"; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  var 추적코드 = "방문자 분석 스크립트 실행 중";
</script>
</head>
<body>
<header class="site-header"><a href="/">한빛일보 홈</a></header>
<nav class="gnb">
  <ul><li><a href="/politics">정치</a></li><li><a href="/economy">경제</a></li>
  <li><a href="/it">IT·과학</a></li><li><a href="/login">로그인 회원가입 구독신청</a></li></ul>
</nav>
<main>
<article id="article-view">
  <h1 class="headline">행안부, 공공부문 AI 확산에 120억원 투입</h1>
  <div class="byline">박서연 기자 syp@hanbit.example.kr | 입력 2025.05.13 10:21</div>
  <div id="article-body">
    <p>행정안전부는 올해 공공부문 인공지능(AI) 확산을 위해 모두 120억원을 투입한다고 13일
    밝혔다. 지방자치단체와 공공기관이 민원 상담과 문서 요약, 재난 대응 업무에 AI를 도입하도록
    돕는 것이 목표다.</p>
    <p>행안부는 상반기 중 공모를 거쳐 20개 기관을 선정하고, 기관별로 최대 5억원의 컨설팅과
    클라우드 이용료를 지원할 계획이다. 선정된 기관은 한국지능정보사회진흥원(NIA)의 기술 자문도
    받는다.</p>
    <p>행안부 관계자는 “현장에서 바로 쓸 수 있는 서비스를 중심으로 지원하겠다”며 “성과가
    확인된 사례는 다른 기관으로 빠르게 확산하겠다”고 말했다.</p>
  </div>
</article>
<aside class="sidebar">
  <h3>많이 본 뉴스</h3>
  <ol><li><a href="/1">연예인 결혼 소식에 팬들 축하 물결</a></li>
  <li><a href="/2">주말 날씨 전국 흐리고 비</a></li></ol>
  <div class="ad">광고 아파트 분양 정보 지금 확인하세요</div>
</aside>
</main>
<footer>
  <p>한빛일보 | 서울특별시 중구 세종대로 1 | 대표전화 02-000-0000</p>
  <p>Copyright ⓒ 한빛일보. 무단전재 및 재배포 금지. 문의 webmaster@hanbit.example.kr</p>
</footer>
<script>document.write("하단 스크립트 광고 영역");</script>
</body>
</html>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page"])
def test_html_keeps_the_article_and_drops_the_rest(tmp_path, name):
    (tmp_path / name).write_text(NEWS_PAGE, encoding="utf-8")
    doc = read_one(tmp_path / name)
    flat = " ".join(doc.text.split())
    for kept in ("모두 120억원을 투입한다고 13일 밝혔다", "한국지능정보사회진흥원(NIA)의 기술 자문도",
                 "빠르게 확산하겠다”고 말했다"):
        assert kept in flat
    for dropped in ("추적코드", "dataLayer", "font-family", "광고", "로그인", "정치", "많이 본 뉴스",
                    "연예인", "세종대로", "Copyright", "무단전재", "@", "박서연 기자", "<", ">"):
        assert dropped not in doc.text, dropped
    assert doc.title.startswith("행안부, 공공부문 AI 확산에 120억원 투입")


def test_markdown_is_read_as_plain_text(tmp_path):
    path = tmp_path / "article.md"
    path.write_text(
        "# 행안부, 공공부문 AI 확산에 120억원 투입\n\n"
        "![현장 사진](https://example.kr/photo.jpg)\n\n"
        "**행정안전부**는 올해 [공공부문 인공지능(AI)](https://example.kr/ai \"AI\") 확산을 위해 "
        "모두 *120억원*을 투입한다.\n\n"
        "## 지원 내용\n\n"
        "- 민원 상담과 `문서 요약` 서비스\n"
        "> 현장에서 바로 쓸 수 있는 서비스를 지원하겠다.\n\n"
        "---\n"
        "[ai]: https://example.kr/ai\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.text == (
        "행안부, 공공부문 AI 확산에 120억원 투입\n"
        "행정안전부는 올해 공공부문 인공지능(AI) 확산을 위해 모두 120억원을 투입한다.\n"
        "지원 내용\n"
        "민원 상담과 문서 요약 서비스\n"
        "현장에서 바로 쓸 수 있는 서비스를 지원하겠다.\n")
    assert doc.title == "행안부, 공공부문 AI 확산에 120억원 투입"


def test_markdown_saved_as_text_is_read_as_markdown(tmp_path):
    body = ("# 산업부, 제조 AI 실증 착수\n\n---\n\n"
            "**산업통상자원부**(이하 산업부)는 올해 320억 원을 투입한다.\n")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    assert read_one(tmp_path / "a.txt").text == (
        "산업부, 제조 AI 실증 착수\n산업통상자원부(이하 산업부)는 올해 320억 원을 투입한다.\n")
    # one sign alone (a rule of dashes under a dateline, a **note**) is not Markdown
    plain = "산업부는 **올해** 320억 원을 투입한다.\n"
    (tmp_path / "b.txt").write_text(plain, encoding="utf-8")
    assert read_one(tmp_path / "b.txt").text == plain


# Furniture of the seed articles: what must go, and article text that must stay.
_BYLINE = re.compile(r"(^|\s)[가-힣]{2,4} 기자(\s|$)", re.M)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture(scope="module")
def seed_docs():
    docs, errors = load_documents([SEEDS])
    assert not errors
    assert len(docs) == 5
    return {d.id: d for d in docs}


@pytest.mark.parametrize("doc_id", [f.name for f in sorted(SEEDS.iterdir())])
def test_seed_furniture_is_stripped(seed_docs, doc_id):
    text = seed_docs[doc_id].text
    assert "관련기사" not in text
    assert not re.search(r"^\s*\d{1,2}\s*\|", text, re.M), "ranking list"
    assert "![]()" not in text
    assert not _EMAIL.search(text)
    assert not _BYLINE.search(text), _BYLINE.search(text)
    assert len(text) > 1000


@pytest.mark.parametrize("doc_id, sentence", [
    ("000_d1593b7cbe090fef.txt", "한국제약바이오협회(KPBMA)"),
    ("001_e4ab305f57cf71dd.txt", "당시 기자와 인터뷰에서도"),  # "기자" in a sentence is not a byline
    ("002_430102f8735eb5df.txt", "383억원을 투입해"),
    ("003_1241e423bd96efe1.txt", "원 거브"),
    ("004_59e129e7d97f8391.txt", "1억 달러 규모의"),
])
def test_seed_article_body_is_kept(seed_docs, doc_id, sentence):
    assert sentence in seed_docs[doc_id].text


def test_html_metadata_from_meta_tags(tmp_path):
    page = NEWS_PAGE.replace('<meta property="og:title"', """\
<meta property="article:published_time" content="2025-05-13T10:21:00+09:00">
<meta property="og:url" content="https://www.hanbit.example.kr/news/articleView.html?idxno=1234">
<meta property="og:site_name" content="한빛일보">
<meta name="author" content="박서연 기자">
<meta property="og:title\"""")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    doc = read_one(tmp_path / "page.html")
    assert (doc.title, doc.date, doc.url, doc.publisher, doc.author) == (
        "행안부, 공공부문 AI 확산에 120억원 투입", "2025-05-13",
        "https://www.hanbit.example.kr/news/articleView.html?idxno=1234", "한빛일보", "박서연 기자")


def test_html_without_metadata_tags(tmp_path):
    """The byline's date is in the markup; no author or site is guessed from the text."""
    (tmp_path / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    doc = read_one(tmp_path / "page.html")
    assert (doc.date, doc.url, doc.publisher, doc.author) == ("2025-05-13", None, None, None)


def test_text_files_have_no_metadata(tmp_path):
    """Never the file's modification time: a text file has no date."""
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    doc = read_one(path)
    assert (doc.title, doc.date, doc.url, doc.publisher, doc.author) == (
        ARTICLE.split("\n")[0], None, None, None, None)
