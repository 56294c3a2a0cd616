"""Page furniture: the lines of a web page that are not the article (related-article
lists, rankings, bylines, credits, rules), and normalisation of any document's text."""
from __future__ import annotations

import re
import unicodedata

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_IMAGE = re.compile(r"^(!\[[^\]]*\]\([^)]*\)[\s|]*)+$")  # no nested quantifiers: no backtracking
_RANKING = re.compile(r"^\s*\d{1,2}\s*\|")
_BYLINE = re.compile(r"([가-힣]{2,4}\s*(기자|특파원|에디터)|사진\s*=|ⓒ|©|무단\s*전재"
                     r"|재배포\s*금지)")
# "...현황. /AWS", "...있다.(광주시 제공) 2026.4.14/뉴스1", "...있다. /사진=NIA",
# "...있다.(사진=NIA 제공)": a photo credit after its caption
_CAPTION = re.compile(r"\s/\s?[\w가-힣 ]{1,20}$"
                      r"|\s*(\([^()]{1,20}제공\)\s*)?\d{4}\.\d{1,2}\.\d{1,2}\.?\s*/\s*[\w가-힣 ]{1,20}$"
                      r"|(?<=[.!?])\s*(/\s?|[(\[]\s?)?사진\s?=\s?[^()\[\]/]{1,30}[)\]]?$")
# "△ X 사업 : 18억 원 / 스마트정보과", "◇ 한국도로공사 / 'X' / 비전에이드": a list item whose
# cells are split by slashes, no caption (a caption's sentence ends before its credit:
# "▲ 인천시청 전경. /인천시 제공")
# "…체험하고 있다. 2024.12.13/뉴스1 ⓒ News1 권현진 기자", "…하고 있다.ⓒ안산시 제공": a
# copyright credit closing a caption's line
_CREDIT = re.compile(r"\s*[ⓒ©][^.!?ⓒ©]{1,40}$")
_LIST_CELLS = re.compile(r"^\s*[△▲○□◇◆·\-ㅇ].*[^.!?。]\s/\s?[\w가-힣 ]{1,20}$")
_RELATED = re.compile(r"^[\s\[【<▶▷■◆●]*(관련\s*기사|관련\s*뉴스|많이\s*본\s*(뉴스|기사)"
                      r"|인기\s*기사|추천\s*기사|이\s*시각\s*주요뉴스)")
# dashes, box drawing (─━) and geometric shapes (■◆) alone on a line
_RULE = re.compile(r"^[-=_|·*~#+<>\u2010-\u2015\u2500-\u257f\u25a0-\u25ff\s]*$")
# a dateline before the lead sentence: 【서울=한빛 박서연 기자】, (서울=연합뉴스) 홍길동 기자 =
_DATELINE = re.compile(r"^(【[^】]{1,40}】|[\[(][가-힣]{1,10}\s*=\s*[^\[\]()]{1,30}[\])]"
                       r"|\[[^\]]{1,40}기자\])"
                       r"(\s*[가-힣]{2,4}\s*(기자|특파원)\s*=)?\s*")
# publication stamps and page widgets: 입력 2025.06.12 14:31 수정 …, 좋아요 0 / 구독
_STAMP = re.compile(r"^\s*(기사\s*)?(입력|수정|승인|등록|발행|업데이트|송고)\s*:?\s*\d{2,4}[.\-/년]")
# an outlet's tip line, subscription call and rights notice below the article: 제보는 카톡
# okjebo, ▶ 뉴스 제보하기, 네이버에서 한빛일보를 구독하세요, All rights reserved
_FOOTER = re.compile(r"^[\s\[【<(▶▷■◆●※]*(뉴스\s*)?제보|okjebo|all\s+rights\s+reserved",
                     re.IGNORECASE)
_SUBSCRIBE = re.compile(r"구독(하세요|해\s*주세요)[.!]*$")  # (a short line: it reads like a sentence)
_WIDGET = re.compile(r"^[\s\d/|·]*(좋아요|구독|공유|글자\s*크기|인쇄|스크랩|댓글)([\s\d/|·]|"
                     r"좋아요|구독|공유|글자\s*크기|인쇄|스크랩|댓글|하기)*$")
_SENTENCE = re.compile(r"(다|요|죠|까)[.!?]+[\"'”’」』)\]]*$")  # ends like a Korean sentence
_LONG = 80  # characters: a line this long is text, whatever it looks like
# C0/C1 controls, zero-width and bidi marks, BOMs: invisible, and they split words
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                     r"\u2060-\u2064\ufeff]")


def normalise(text: str) -> str:
    """NFC, Unix line ends, no control or invisible characters, no tabs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROL.sub("", text).replace("\t", " ")


def clean_text(text: str, furniture: bool = True) -> str:
    """Normalised text, one stripped line per line, blank lines and (unless `furniture`
    is false: documents whose structure is explicit) page furniture removed."""
    lines = [line.strip() for line in normalise(text).split("\n")]
    if furniture:
        return strip_furniture(lines)
    return "\n".join(line for line in lines if line) + "\n"


def strip_furniture(lines: list[str]) -> str:
    """The lines without page furniture, one at a time.

    A line that carries content is never removed: a long line, a line that ends
    like a sentence, or the only line of the document. Furniture inside such a
    line (a ranking number, a photo credit, a dateline) is cut off and the rest kept."""
    if sum(1 for line in lines if line) <= 1:  # the whole document: nothing to tell it from
        # (but a dateline before its lead sentence is still a dateline)
        return "\n".join(_DATELINE.sub("", line, count=1) for line in lines if line) + "\n"
    kept: list[str] = []
    in_related = False
    for line in lines:
        content = _carries_content(line)
        if _RELATED.match(line) and not content:
            in_related = True  # the list below a "관련기사" header is not the article
            continue
        if in_related and not content and (not line or line[0] in "-·•▶▷◆■[" or len(line) < 80):
            continue
        in_related = False
        if _RULE.match(line) or _IMAGE.match(line):
            continue  # no words: nothing to keep
        if not content and (_STAMP.match(line) or _WIDGET.match(line) or _FOOTER.search(line)) \
                or len(line) < 40 and _SUBSCRIBE.search(line):
            continue
        # (a numbered row of a table, under a header with as many cells, is data:
        # 1 | 국민연금공단 | … | 62억 원)
        table_row = bool(kept) and line.count("|") >= 2 and \
            kept[-1].count("|") == line.count("|")
        if _RANKING.match(line) and not table_row:
            if not content:
                continue
            line = _RANKING.sub("", line, count=1).strip()
        uncredited = _CREDIT.sub("", line)
        if uncredited != line and (_carries_content(uncredited) or
                                   _carries_content(_CAPTION.sub("", uncredited).strip())):
            line = uncredited
        if _CAPTION.search(line) and len(line) < 200 and not _LIST_CELLS.match(line):
            body = _CAPTION.sub("", line).strip()
            if not _carries_content(body):
                continue
            line = body
        elif not content and (_EMAIL.search(line) or _BYLINE.search(line)):
            continue
        line = _DATELINE.sub("", line, count=1) if content else line
        kept.append(line)
    return "\n".join(kept).strip() + "\n"


def _carries_content(line: str) -> bool:
    """Whether a line is article text: long, or a sentence (ends in 다. 요. 까? …)."""
    return any(ch.isalpha() for ch in line) and (len(line) >= _LONG or bool(_SENTENCE.search(line)))
