"""Budget lines: list items that give a sum, △국가 AI컴퓨팅센터 구축(4150억원) or
△AI 영향평가 컨설팅 지원 38억 5천만 원, name a program (an initiative when the name
ends in an initiative cue). Items that give no sum (tracks, topics) name nothing;
an item that is a known name or holds a quoted name is left to those rules."""
from __future__ import annotations

import re

from kg.money import find_money
from kg.morphology import strip_name, token_at
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence
from kg.rules.entities.quotes import PRIORITY as QUOTE_PRIORITY

_MARKERS = "△▲▶◆■●○◇•"
_ITEM = re.compile(rf"[{_MARKERS}]\s*([^{_MARKERS}]+)")
_TAIL = re.compile(r"(\s*(등|등이|등을|등에|이|가|을|를|은|는|과|와|에|으로|로)?\s*[,.:]?\s*)$")

# ▲대한정밀–비전스퀘어: 설비 점검 에이전트(5억 원), 1) 부산항만공사 – 오션메트릭스: …
# ▲수요기업–공급기업: 과제 (▲A–B ‘솔루션’: 과제: the supplier's product may be named)
PAIR = re.compile(r"\s*([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})\s?[–—]\s?"
                  r"([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})\s?(?:[‘'“\"]([^’'”\"]{1,30})[’'”\"]\s?)?:")
PAIR_LINE = re.compile(rf"^\s*(?:[{_MARKERS}]|\d{{1,2}}[).]|\(\d{{1,2}}\))", re.M)

EXAMPLES = [
    ("사업별로는 △돌봄 로봇 실증(35억원) △AI 민원 비서 구축(12억원) 등이다.",
     {("Program", "돌봄 로봇 실증"), ("Program", "AI 민원 비서 구축")}),
    ("주요 사업은 △AI 교육 확산 20억 원 △지역 데이터 허브 조성 15억 원이다.",
     {("Program", "AI 교육 확산"), ("Program", "지역 데이터 허브 조성")}),
    # (a line that sets its sum after a colon: the colon is no part of the name)
    ("△ 생성형 AI 행정혁신 사업 : 18억 원 / 스마트정보과", {("Program", "생성형 AI 행정혁신 사업")}),
    ("세션은 △AI 윤리 △데이터 거버넌스 순으로 열린다.", set()),
    ("투자는 △부산(27억 달러) △서울(15억 달러)에 집중된다.", set()),
    ("정부는 △법률 △의료 등 3대 분야에 100억원을 투입한다.", set()),
    ("○ 행정안전부는 올해 1단계 구축에 318억 원을 투입했다.", set()),
    ("■ 과기정통부, 선도 프로젝트에 내년 480억원", set()),
    ("○ 과제당 최대 15억 원 이내에서 지원한다.", set()),
    ("○ 당초 행안부는 3,580억 원을 요구했다.", set()),
    ("○ 이는 2026년도 본예산(4,580억 원)보다 늘어난 규모다.", set()),
    ("○ 행안부 예산 62억 원과 별도로 과기정통부가 18억 원을 투입한다.", set()),
    ("투자사는 ▲한빛벤처스(15억원) ▲누리인베스트먼트(10억원) 등이다.", set()),
]


@entity_rule("item", SENTENCE, examples=EXAMPLES)
def budget_lines(s: Sentence) -> list[Candidate]:
    text, cues, lex = s.sent.text, s.cues, s.lex
    out = []
    for m in _ITEM.finditer(text):
        body = m.group(1)
        if PAIR.match(body):
            continue  # ▲A–B: 과제(5억 원): two bodies and their task (pairs below)
        sums = find_money(body)
        if not sums:
            continue
        a = sums[0][0]
        name = body[:a]
        name = name[:name.rfind("(")] if "(" in name else name
        if name.rstrip().endswith(","):
            continue  # ◆리브랩스, 350억원 시리즈B 유치: a headline's subject, not a line
        tail = _TAIL.search(name)
        if m.group(0)[0] in "○●■◆◇▶" and tail and re.search(r"[은는이가을를]\s*$", tail.group(0)) \
                and not re.search(r"등[은는이가을를]\s*$", tail.group(0)):
            continue  # ○ 당초 행안부는 3,580억 원을: a paragraph's subject, not a budget line
        name = _TAIL.sub("", name).strip()
        if not name or any(q in name for q in "'‘’\"“”") or name.startswith("("):
            continue
        words = name.split()
        if words and strip_name(words[-1]) in cues.budget_word:
            continue  # ○ 행안부 예산 62억 원과 별도로: a body's budget, no programme
        suffix = cues.ends_with(name, "company_suffix") if len(words) == 1 else None
        if suffix and len(name) - len(suffix) >= 2:
            continue  # ▲퀀텀벤처스(15억원): a firm and its share, no programme
        if lex.names.get(name) is not None or len(name) < 4 or len(words) > 8 or \
                any(w in cues.list_end for w in words) or all(w in cues.trim for w in words) \
                or any(w in cues.cap_before or w in cues.per_recipient for w in words):
            continue  # 학술 등 5대 분야에 383억원: a list ended before the sum
        start = m.start(1) + body.index(name)
        at, end = s.sent.start_char + start, s.sent.start_char + start + len(name)
        if any(at <= w.start and w.end < end and (w.tail_tag.startswith("J") or not w.stem
                                                   or w.text.endswith(",")) for w in s.words):
            continue  # ○ 행정안전부는 올해 318억 원을: a clause of a paragraph, not a name
        etype = "Initiative" if cues.ends_with(strip_name(words[-1]), "initiative_cue") \
            else "Program"
        out.append(Candidate(s.sent.start_char + start, s.sent.start_char + start + len(name),
                             etype, "item"))
    return out


PAIR_EXAMPLES = [
    ("▲대한정밀–비전스퀘어: 설비 점검일지 자동 작성 에이전트(5억 8천만 원)",
     {("Organization", "대한정밀"), ("Organization", "비전스퀘어")}),
    ("1) 부산항만공사 – 오션메트릭스: 물류 예측", {("Organization", "오션메트릭스")}),
    ("▲2026–2027: 1단계 구축", set()),
    ("▲하남정밀–코어비전랩 ‘결함알리미’: 금형 결함 검출, 1억 원", {("Organization", "하남정밀"),
                                                  ("Organization", "코어비전랩"), ("Product", "결함알리미")}),
    ("서울–부산: 고속철도로 2시간", set()),
]


@entity_rule("item-pair", SENTENCE, priority=2, examples=PAIR_EXAMPLES)
def pairs(s: Sentence) -> list[Candidate]:
    """A list's item that names two bodies and their task (수요기업–공급기업: 과제): both
    are organisations (a name the lexicon knows is left to it); a name quoted before the
    task is the supplier's product."""
    text, lex, start = s.sent.text, s.lex, s.sent.start_char
    out = []
    for line in PAIR_LINE.finditer(text):
        m = PAIR.match(text, line.end())
        if m is None:
            continue
        for g in (1, 2):
            if lex.names.get(m.group(g)) is None:  # (a known name is the lexicon's)
                out.append(Candidate(start + m.start(g), start + m.end(g), "Organization"))
        if m.group(3):  # (the supplier's solution: over the quote rule's guess of a type)
            out.append(Candidate(start + m.start(3), start + m.end(3), "Product",
                                 priority=QUOTE_PRIORITY + 1))
    return out


LABEL_EXAMPLES = [
    ("ㅇ (민원) 가온브레인 컨소시엄 : 주관기관 가온브레인, 참여기관 고려대학교·마루데이터",
     {("Organization", "가온브레인"), ("Organization", "마루데이터")}),
    ("참여기업: 솔트룩스, 다온랩스와 누리웍스", {("Organization", "다온랩스"), ("Organization", "누리웍스")}),
    ("주관기관 선정 결과를 발표했다.", set()),
]


_NAME = r"[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}(?:\([^()]*\))?"
_NAMES = re.compile(rf"\s*[:：]?\s*({_NAME}(?:\s*[·ㆍ,]\s*{_NAME}|(?:와|과)\s+{_NAME})*)\s*,?\s*$")


@entity_rule("item-label", SENTENCE, priority=2, examples=LABEL_EXAMPLES)
def labelled(s: Sentence) -> list[Candidate]:
    """주관기관 A, 참여기관 B·C: the names a release's role label introduces (a list of
    bare names and nothing else, up to the next label or the line's end) are
    organisations; a dictionary word names nothing, a known name is the lexicon's."""
    text, lex, start, cues = s.sent.text, s.lex, s.sent.start_char, s.cues
    labels = list(re.finditer(rf"(?:^|(?<=[\s,(]))(?:{cues.pattern('role_label').pattern})",
                              text))
    out = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        end = min(end, text.find("\n", m.end()) % (len(text) + 1))
        names = _NAMES.match(text[m.end():end])
        if names is None:
            continue
        at = m.end() + names.start(1)
        for n in re.finditer(rf"{_NAME}", names.group(1)):
            name = re.sub(r"\([^()]*\)$", "", n.group())
            name = re.sub(r"(와|과)$", "", name) if not lex.names.get(name) else name  # B와 C
            a = at + n.start()
            word = next((w for w in s.words if w.start <= start + a < w.end), None)
            if lex.names.get(name) is not None or word is None or word.common:
                continue
            out.append(Candidate(start + a, start + a + len(name), "Organization"))
    return out


# ①…⑳: the numbered items of a list of tasks (a count of them said before: 8개 과제)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TASK_COUNT = re.compile(r"\d+\s?개\s?(?:세부\s?)?(?:과제|사업)")
_ITEM_WORD = re.compile(r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9・·\-&]*")

NUMBERED_EXAMPLES = [
    ("구는 5개 과제를 뽑았다. 과제는 ①항만 물류 최적화 ②산불 조기 감지 ③노인 돌봄 로봇 실증 등이다.",
     {("Program", "항만 물류 최적화"), ("Program", "산불 조기 감지"), ("Program", "노인 돌봄 로봇 실증")}),
    ("시는 총 6개 과제를 선정했다. 행정 분야에는 ①AI 기반의 민원 상담 지원 서비스, ②회의록 요약 서비스가 "
     "포함됐다.", {("Program", "AI 기반의 민원 상담 지원 서비스"), ("Program", "회의록 요약 서비스")}),
    ("올해 3개 사업은 ⑤(신규) 재난 안전 분석 ⑥해양 쓰레기 탐지, 드론 방제 지원 등이다.",
     {("Program", "재난 안전 분석"), ("Program", "해양 쓰레기 탐지"), ("Program", "드론 방제 지원")}),
    ("4개 과제는 ①차량・보행자 식별 등 교통 안전 지원 ②하천 수위 예측・경보이다.",
     {("Program", "차량・보행자 식별 등 교통 안전 지원"), ("Program", "하천 수위 예측・경보")}),
    # (no count of tasks: steps of a process, or a series' number)
    ("처리 순서는 ①데이터 수집 ②가공 ③학습이다.", set()),
    ("[공공 AI 현장을 가다①] 3개 과제 모두 초안은 AI가 쓴다.", set()),
    # (bodies and sums are other rules')
    ("2개 과제 수행기관은 ①네이버 ②카카오다.", set()),
    ("2개 과제는 ①항만 물류(20억 원) ②산불 감지(10억 원)다.", set()),
]


@entity_rule("item-numbered", SENTENCE, examples=NUMBERED_EXAMPLES)
def numbered_tasks(s: Sentence) -> list[Candidate]:
    """①화학물질 화재사고 대응 ②선박・차량 식별 등 해안경계 지원 …: the items a press
    release numbers with circled figures, where the text has counted its tasks or projects
    before (33개 사업을 보면, 총 8개 과제를), are those tasks: programmes. An item runs to
    its first word with a particle or ending (a genitive inside it goes on: AI 기반의 통합
    … 서비스), a comma starts another, and 등 closing it is no part of it."""
    text, start = s.sent.text, s.sent.start_char
    marks = [m.start() for m in re.finditer(f"[{_CIRCLED}]", text)]
    if len(marks) < 2 or not _TASK_COUNT.search(s.text, 0, s.sent.end_char):
        return []
    lex, cues = s.lex, s.cues
    out = []
    for k, at in enumerate(marks):
        end = marks[k + 1] if k + 1 < len(marks) else len(text)
        body = text[at + 1:end]
        skip = re.match(r"\s*(\([^()]{1,6}\)\s*)?", body).end()  # ⑤(신규) …
        part_at = at + 1 + skip
        for part in re.split(r"(?<=,)\s", text[part_at:end]):
            name = _task_name(s, start + part_at, start + part_at + len(part))
            part_at += len(part) + 1
            if name is None:
                continue
            a, b = name
            surface = s.text[a:b]
            if len(surface) < 4 or lex.names.get(surface) is not None or find_money(part) \
                    or any(q in surface for q in "'‘’\"“”"):
                continue
            out.append(Candidate(a, b, "Program", "item-numbered"))
    return out


def _task_name(s: Sentence, a: int, b: int) -> tuple[int, int] | None:
    """The span of the task named in text[a:b] (a numbered item, or a part of it after a
    comma): its words up to the first that carries a particle or an ending."""
    words = [w for w in s.words if w.stem_end > a and w.start < b]
    end = None
    for i, w in enumerate(words):
        stem = strip_name(w.stem).lstrip(_CIRCLED).rstrip(",")
        last = i == len(words) - 1
        if stem in s.cues.list_end and (last or w.tail.strip(", ")):
            break  # … 보안검색 등이다: the list closes
        if not _ITEM_WORD.fullmatch(stem):
            break  # a dash, a bracket: no part of a task's name
        if w.tail[:1] in ("・", "·"):
            end = _nouns_end(s, w)  # 개발・실증, 미아・치매노인: one word of the name
            if end < w.end:
                break  # (… 예측・경보이다: the item ends in the word)
            continue
        end = w.stem_end
        tail = w.tail.strip(", ")
        if tail and not (tail == "의" and not last):
            break
    if end is None or end <= a:
        return None
    return a, end


def _nouns_end(s: Sentence, w) -> int:
    """Where the nouns and dots at the start of a word end (예측・경보이다 -> after 경보)."""
    at, tokens, end = w.start, token_at(s.doc), w.start
    while at < w.end:
        t = tokens.get(at)
        if t is None:
            at += 1
            continue
        if not (t.tag.startswith(("NN", "SL", "SN", "SH", "XSN", "XPN")) or t.text in ("・", "·")):
            break
        end = at = t.idx + len(t.text)
    return end
