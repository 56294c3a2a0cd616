"""Sums of money stated as investments (an amount found by kg.money):

- in a clause that says investing, budgeting or funding (투입, 예산, 사업비 …) and
  none that says revenue, prices, caps or plans not yet decided (매출, 단가,
  기업당 최대, 검토 …);
- written in parentheses after a name or as a list item: X(383억원), △X(12억원);
- one of several sums listed with one verb (1단계 4조원, 2단계 3조원 등 총 7조원이 투입된다).

A sum followed by the same sum in another currency, 45억 달러(약 6조 2000억 원), is
one investment: the second is an alias. The year is kept when one year is written
with the sum ('26년 96억 원, 2027년도 예산 3조원), not for 올해, ranges or deadlines.
"""
from __future__ import annotations

import re

from kg.lexicon import Cues
from kg.money import find_money
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

PRIORITY = 4  # a sum is never part of another name
_ITEM = "△▲▶◆■●○◇□ㅇ•·\\-"
_YEAR = re.compile(r"(?:(?<!\d)(20\d\d)\s?년도?|[‘'’](\d\d)\s?년도?)(?!\s?(까지|부터|이후|~|∼|-))")

EXAMPLES = [
    # (the lines of a sum just invested, listed in the next sentence: they are its parts)
    ("구는 올해 AI 예산으로 40억 원을 편성했다. 돌봄 로봇 구입 12억 원, 통합관제 설치 8억원 등이다.",
     {("Investment", "40억 원"), ("Investment", "12억 원"), ("Investment", "8억원")}),
    ("시장은 올해 12조 원 규모다. 서버 6조 원, 소프트웨어 4조 원 등이다.", set()),
    # (a word that says a sum is no investment, 성장, inside a body's name says nothing)
    ("누리랩스는 ▲IBK기업은행(50억원) ▲한국성장금융투자운용(30억원) 등으로부터 투자를 받았다.",
     {("Investment", "50억원"), ("Investment", "30억원")}),
    ("연번 | 기관 | 지원액 | 매출\n1 | 국민연금공단 | 62억 원 | 300억 원",
     {("Investment", "62억 원")}),
    ("정부는 데이터 산업 육성에 1200억원을 투입한다.", {("Investment", "1200억원")}),
    # (a backer's share put into a round: 70억 원을 넣으며)
    ("이번 라운드는 한빛벤처스가 70억 원을 넣으며 주도했다.", {("Investment", "70억 원")}),
    ("회사는 미국에 20억 달러를 투자하기로 했다.", {("Investment", "20억 달러")}),
    ("과기정통부, ‘AI 바우처’ 공모…300억 투입", {("Investment", "300억")}),
    # a sum without 원 after a word for public money, or before 규모로
    ("펀드는 부 출자금 200억을 바탕으로 민간 자금을 모은다.", {("Investment", "200억")}),
    ("내년은 640억 규모로 200개 과제를 뽑는다.", {("Investment", "640억")}),
    ("국비 45억 요청은 빈손으로 끝났다.", set()),
    ("인구 3억 명이 산다.", set()),
    ("사업별로는 △돌봄 로봇 실증(35억원) △AI 민원 비서(12억원) 등이다.",
     {("Investment", "35억원"), ("Investment", "12억원")}),
    ("회사는 한국에 45억 달러(약 6조 2000억 원)를 투자한다.", {("Investment", "45억 달러")}),
    ("1단계 2조원, 2단계 1조 5천억원 등 총 3조 5천억원이 투입된다.",
     {("Investment", "2조원"), ("Investment", "1조 5천억원"), ("Investment", "3조 5천억원")}),
    ("주요 과제(기관 – 기업: 내용, 지원액)는 다음과 같다.\n1) 부산항만공사 – 오션메트릭스: 물류 예측, "
     "280백만 원\n2) 국립해양조사원 – 새솔: 조석 관측, 245백만 원",
     {("Investment", "280백만 원"), ("Investment", "245백만 원")}),
    ("참가 기업은 다음과 같다.\n1) 가람: 연 매출 280억 원", set()),
    ("이 회사의 매출은 300억원을 기록했다.", set()),
    ("시는 이 사업의 경제 편익을 3200억원, 지역 경제 파급 효과를 1800억원으로 추산했다.", set()),
    ("국내 AI 시장은 2030년 8조원 규모로 성장할 전망이다.", set()),
    ("기업당 최대 3억 원까지 지원한다.", set()),
    ("회사는 포스트 기업가치 2100억원을 인정받고 총 350억원을 투자받았다.", {("Investment", "350억원")}),
    ("이 회사는 3000억원에 달하는 몸값을 인정받고 500억원 투자를 유치했다.", {("Investment", "500억원")}),
    ("회사는 이번 라운드에서 120억원을 유치했고, 기업가치는 약 900억원으로 평가됐다.",
     {("Investment", "120억원")}),
    ("내년 AI 예산은 올해(2조4940억원)보다 6240억원(25.0%) 늘어난 3조1180억원으로 편성됐다.",
     {("Investment", "2조4940억원"), ("Investment", "3조1180억원")}),
    ("선정 기업은 최대 3억원까지 지원받는다.", set()),
    ("과제당 지원 규모는 연 5억원 안팎이다.", set()),
    ("투자 규모는 2000만 달러, 우리 돈으로 약 280억 원이다.", {("Investment", "2000만 달러")}),
    ("지자체당 최대 6억 원 범위에서 지원한다.", set()),
    ("선정된 과제에는 최대 3억 원이 지원된다.", set()),
    ("교육생에게는 월 50만 원의 훈련수당이 지급된다.", set()),
    ("내년에는 AI 분야 국비를 500억 원대까지 끌어올리겠다.", set()),
    ("국회 심의 과정에서 240억원이 깎였다.", set()),
    ("시는 기업당 2억 원씩 총 10억 원을 지원한다.",
     {("Investment", "2억 원"), ("Investment", "10억 원")}),
    ("시는 50억 원을 추가로 투입하는 방안을 검토하고 있다.", set()),
    ("조사업체는 AI 지출이 올해 1,850억 원에서 2028년 5,400억 원으로 늘어날 것으로 내다봤다.", set()),
    ("미리내AI는 지난해 시리즈B에서 320억 원을 유치했으며, 지난해 매출은 87억 원이었다.",
     {("Investment", "320억 원")}),
    ("정부는 ‘AI 바우처’에 150억원, 지역 거점 대학의 AI 교육 과정 개설과 실습 장비 확충에 각각 40억원을 "
     "지원한다.", {("Investment", "150억원"), ("Investment", "40억원")}),
    ("운용사인 새솔벤처스는 현재 395억원을 결성했다.", {("Investment", "395억원")}),
    ("회사는 이용료를 지원하는 ‘론치패드’에 USD 20 million을 배정했다.",
     {("Investment", "USD 20 million")}),
]


@entity_rule("money", SENTENCE, examples=EXAMPLES)
def investments(s: Sentence) -> list[Candidate]:
    cues, text = s.cues, s.sent.text
    found = find_money(text, cues.bare_won_before, cues.bare_won_after)
    listed = _listed(text, found, cues) | _breakdown(s, found, cues)
    masked = text
    for c in s.ruler:
        if c.type == "Organization" and s.sent.start_char <= c.start < c.end <= s.sent.end_char:
            at, end = c.start - s.sent.start_char, c.end - s.sent.start_char
            masked = masked[:at] + " " * (end - at) + masked[end:]
    out: list[Candidate] = []
    restated = -1  # the end of the last sum written as another's alias
    for i, (a, b, money) in enumerate(found):
        if out and _same_sum_again(text, found[i - 1], (a, b)) and \
                s.sent.start_char + found[i - 1][1] in (out[-1].end, restated):
            out[-1].aliases.append(money.text)  # 45억 달러(약 6조 2000억 원)
            restated = s.sent.start_char + b
            continue
        clause = _clause(text, a, b)
        # what the sum is not: said near it or after it (매출 300억원, 시장 규모로 성장),
        # not in a clause that describes something before it (이용료를 지원하는 X에 N원을),
        # nor inside a known body's name (한국성장금융투자운용(70억원))
        near = _clause(masked, a, b)
        near = near[max(0, near.find(text[a:b]) - 15):]
        if any(cue in near for cue in cues.not_investment_cue) or _cap(text, a, b, cues) \
                or _valuation(text, a, b, cues) or _difference(text, a, b, cues) \
                or _rate(text, found, i, cues):
            continue
        # (… or raised: 320억 원을 유치했다)
        raised = cues.idiom("raised_direct").match(text[b:b + 12].lstrip()) is not None
        if not (any(cue in clause for cue in cues.investment_cue) or raised or _named(text, a, cues)
                or i in listed or _budget_item(s, cues) or _funding_column(s, a, cues)):
            continue
        if money.currency == "KRW" and money.amount < 1_000_000 or text[b:b + 1] == "대":
            continue  # 건당 4,100원, 월 50만 원: a price or an allowance; 500억 원대: a range
        if money.text[-1] in "억조" and _stated_exactly(s, money):
            continue  # 1024억 확보 (headline) … 1,024억 3천만 원: the body's sum is the one
        c = Candidate(s.sent.start_char + a, s.sent.start_char + b, "Investment", "money",
                      priority=PRIORITY, money=money, phrase=_phrase(text, a, b, cues))
        c.year = _year(text, a, clause)
        out.append(c)
    return out


_ENUMERATED = re.compile(rf"\s*(\d{{1,2}}[).]|\(\d{{1,2}}\)|[{_ITEM}])")


def _budget_item(s: Sentence, cues: Cues) -> bool:
    """주요 과제(…, 지원액)는 다음과 같다. 1) A – B: …, 245백만 원: a sum on a line of a
    list whose introduction speaks of funding is that item's budget."""
    doc, at = s.text, s.sent.start_char
    start = doc.rfind("\n", 0, at) + 1
    if not _ENUMERATED.match(doc[start:max(at, start) + 4]):
        return False
    while start > 0:
        prev = doc.rfind("\n", 0, start - 1) + 1
        line = doc[prev:start]
        if line.strip() and not _ENUMERATED.match(line):
            return any(cue in line for cue in cues.investment_cue)
        start = prev
    return False


def _funding_column(s: Sentence, a: int, cues: Cues) -> bool:
    """연번 | 수요기관 | … | 지원액 / 1 | 국민연금공단 | … | 62억 원: a sum in a table's
    column whose header speaks of funding (the first of the rows with as many cells)."""
    doc, at = s.text, s.sent.start_char + a
    start = doc.rfind("\n", 0, at) + 1
    end = doc.find("\n", at)
    row = doc[start:end if end >= 0 else len(doc)]
    bars = row.count("|")
    if bars < 2:
        return False
    column = doc[start:at].count("|")
    header = row
    while start > 0:
        prev = doc.rfind("\n", 0, start - 1) + 1
        if doc[prev:start].count("|") != bars:
            break
        header, start = doc[prev:start], prev
    if header is row:
        return False
    cells = header.split("|")
    return column < len(cells) and any(cue in cells[column] for cue in cues.investment_cue)


def _stated_exactly(s: Sentence, money) -> bool:
    """Whether the document also writes this sum with its unit, to within 5% (a headline
    rounds what the body states)."""
    sums = s.doc.user_data.get("kg_sums")
    if sums is None:
        sums = s.doc.user_data["kg_sums"] = [m for _, _, m in find_money(s.text)]
    return any(m.currency == "KRW" and abs(m.amount - money.amount) <= 0.05 * money.amount
               for m in sums)


def _difference(text: str, a: int, b: int, cues: Cues) -> bool:
    """예산(2조원)보다 6240억원(25%) 늘어난: a year-on-year difference, no sum committed."""
    before = re.search(rf"({cues.pattern('difference_before').pattern})\s*$", text[:a])
    after = re.match(rf"\s*(\(\s*[\d.,]+\s*%\s*\))?\s*(가량|정도)?\s*"
                     rf"({cues.pattern('difference_after').pattern})", text[b:])
    return bool(before or after)


def _rate(text: str, found: list, i: int, cues: Cues) -> bool:
    """과제당 3억 원: a rate per recipient (the first sum after 과제당), unless a fixed sum
    for each (기업당 1억 원씩)."""
    a, b = found[i][0], found[i][1]
    since = found[i - 1][1] if i else 0
    window = text[max(since, a - 15):a]
    # 기업당, 지자체당, 시·도당, 1건당 (not 정당, 상당, 해당, 담당)
    per = re.search(rf"(\S+)당\s+(({cues.pattern('cap_before').pattern}|평균|연간?|월)\s+)?$", window)
    if not any(cue in window for cue in cues.per_recipient) and (
            per is None or per.group(1)[-1] in "정상해담본"):
        return False
    return not any(text[b:].lstrip().startswith(c) for c in cues.fixed_each)


def _cap(text: str, a: int, b: int, cues: Cues) -> bool:
    """최대 3억원까지, 선정된 과제에는 최대 3억 원이: a ceiling per recipient, not a
    committed sum."""
    if not any(c in text[max(0, a - 6):a] for c in cues.cap_before):
        return False
    return any(c in text[b:b + 6] for c in cues.cap_after) or bool(
        re.search(rf"({cues.pattern('recipient_noun').pattern})(에는|에게는|에게|에)\s", text[:a]))


def _valuation(text: str, a: int, b: int, cues: Cues) -> bool:
    """기업가치 7900억원을 인정받고, 8000억원에 육박하는 몸값: a company's value, said
    just before the sum or as the noun it describes (but 기업가치 1조원을 인정받고
    300억원을 유치했다 still raised 300억원)."""
    words = cues.pattern("valuation").pattern
    return bool(re.search(rf"({words})[은는이가]?\s*(약|대략|무려)?\s*$", text[max(0, a - 12):a])
                or re.match(rf"\S{{0,3}}\s?(\S+는\s)?({words})", text[b:b + 16]))


def _same_sum_again(text: str, first: tuple, second: tuple[int, int]) -> bool:
    """The second sum restates the first in parentheses: 45억 달러(약 6조 2000억 원)."""
    between = text[first[1]:second[0]]
    # 45억 달러(약 6조 2000억 원); 2000만 달러($20M), 우리 돈으로 약 280억 원
    return bool(re.fullmatch(r"\s*\(\s*(약|대략|about|approx\.?)?\s*", between) or re.fullmatch(
        r"\)?\s*,?\s*(우리\s?돈으로|원화로|한화로|한화\s?약|원화\s?약)\s*(약|대략)?\s*", between))


def _named(text: str, a: int, cues: Cues) -> bool:
    """X(383억원), △X(12억원), 'X'('26년 96억 원): a sum in parentheses after a name."""
    opened = text.rfind("(", 0, a)
    if opened <= 0 or ")" in text[opened:a] or len(text[opened + 1:a]) > 12:
        return False
    return text[opened - 1] not in " (" or text[:opened].rstrip()[-1:] in "’'”\""


def _listed(text: str, found: list, cues: Cues) -> set[int]:
    """Indices of sums listed together (joined by commas or 등) when one of them is in
    an investing clause: they share its verb."""
    out: set[int] = set()
    run: list[int] = []
    for i in range(len(found)):
        between = text[found[run[-1]][1]:found[i][0]] if run else ""
        # (A에 150억원, B와 C에 각각 40억원을: after a comma, the next item's target may be long)
        if run and (re.fullmatch(r"[^.,]{0,25}?(,|등|및|와|과)\s*[^.,]{0,25}?", between)
                    or re.fullmatch(r"\s*,\s*[^.,]{0,50}?", between)
                    or re.fullmatch(rf"[^.,]{{0,6}}[{_ITEM}][^.]{{0,40}}", between)):
            run.append(i)
            continue
        if len(run) > 1:
            out.update(run)
        run = [i]
    if len(run) > 1:
        out.update(run)
    if not out:
        return out
    span = text[max(0, found[min(out)][0] - 30):found[max(out)][1] + 40]  # 배정액은 ▲A 1억 ▲B
    return out if any(cue in span for cue in cues.investment_cue) else set()


_BREAKDOWN_END = re.compile(r"등(이다|입니다|이며|으로 구성)")


def _breakdown(s: Sentence, found: list, cues: Cues) -> set[int]:
    """2037억 원을 편성했다. 구독료 256억 원, 스마트기기 구입 1472억 원, 충전함 설치 97억원
    등이다: the lines of the sum the sentence before invests share its verb."""
    if len(found) < 2 or not _BREAKDOWN_END.search(s.sent.text[found[-1][1]:]):
        return set()
    at = s.sent.start_char
    start = max(s.text.rfind(". ", 0, at - 1), s.text.rfind("\n", 0, at - 1)) + 1
    before = s.text[start:at]
    if not find_money(before, cues.bare_won_before) or \
            not any(cue in before for cue in cues.investment_cue):
        return set()
    return set(range(len(found)))


_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # not the comma of 5,400억


def _clause(text: str, s: int, e: int) -> str:
    commas = [m.start() for m in _COMMA.finditer(text)]
    left = max([c for c in commas if c < s] + [text.rfind("며", 0, s), text.rfind("고 ", 0, s)])
    right_candidates = [i for i in ([c for c in commas if c >= e][:1] + [text.find("며", e)])
                        if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[max(left, s - 40, 0): min(right, e + 40)]


def _year(text: str, a: int, clause: str) -> int | None:
    """The one year written just before the sum, in its clause."""
    window = text[max(0, a - 30):a]
    window = window[window.rfind(")") + 1:] if ")" in window else window
    years = {int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
             for m in _YEAR.finditer(window)}
    return years.pop() if len(years) == 1 else None


def _phrase(text: str, s: int, e: int, cues: Cues) -> str:
    """The sum and what it is for, as written: 1억 달러 규모의 생성형 AI 혁신 센터."""
    heads, verbs = cues.pattern("investment_head").pattern, cues.pattern("investment_verb").pattern
    m = re.match(rf"\s*(을|를|이|가|의|은|는|에|도)?\s*(규모의?\s*[^,.]{{0,25}}?({heads})"
                 rf"|[^,.]{{0,20}}?({verbs})[가-힣]*)", text[e:])
    return (text[s:e] + (m.group(0) if m else "")).strip()
