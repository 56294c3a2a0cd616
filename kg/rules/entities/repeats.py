"""Names a rule found once are found again elsewhere in the document (코딧 … 코딧이),
and people again by their full name or foreign surname (크라츠 부사장)."""
from __future__ import annotations

import re

from kg.morphology import sentence_words, split_alias, strip_name
from kg.rules import DOCUMENT, Candidate, entity_rule
from kg.rules.entities.base import Document
from kg.rules.entities.suffixes import run_start

# compiled once: the rules below try them on every word
_WORD_BREAKS = re.compile(r"[\s·]+")

_NOT_REPEATED = ("lexicon", "money", "government")  # found wherever they are anyway


YEARISH = re.compile(r"(\d{2,4}년도?|'\d{2}년?|(19|20)\d{2}|\d+차|제\d+차)")

EXAMPLES = [
    ("시는 '스마트 돌봄 플러스'를 시작했다. 스마트 돌봄 플러스는 노인이 대상이다.",
     {("Program", "스마트 돌봄 플러스")}),
    ("김도현 과기정통부 장관은 말했다. 김도현은 이어 설명했다.", {("Person", "김도현")}),
    ("스타트업 누리웍스가 서비스 ‘미리내 거브’를 출시했다. 미리내 거브는 온프레미스 방식이다.",
     {("Product", "미리내 거브")}),
    ("과기정통부는 발표했다. 과기정통부는 이어 설명했다.", set()),
    ("로드비전랩은 영상분석 솔루션 '아이온로드(EyeOnRoad)'를 공급한다. 도로공사는 아이온로드를 적용한다.",
     {("Product", "아이온로드")}),
]


@entity_rule("repeat", DOCUMENT, priority=1, examples=EXAMPLES)
def repeated_names(d: Document) -> list[Candidate]:
    text, cands = d.text, d.found
    # (공공 민원 AI ‘라온브리지’, 시리즈B 유치 … AI 스타트업 라온브리지가 …, 함도윤 라온브리지
    # 대표: a quoted name the text calls a company, or a person's employer, is that company)
    firms = {text[c.start:c.end] for c in cands if c.type == "Organization" and (
        c.rule == "role" or c.rule == "unknown-org"
        and (text[max(0, c.start - 12):c.start].split() or [""])[-1] in d.cues.org_descriptor)}
    for c in cands:
        if c.rule == "quote" and c.type in ("Product", "Program") and \
                strip_name(split_alias(strip_name(text[c.start:c.end]))[0]) in firms:
            c.type = "Organization"
    names: dict[str, Candidate] = {}
    for c in cands:
        if c.rule.split(".")[0] in _NOT_REPEATED or c.rule.startswith("anaphor"):
            continue
        # (‘아이온로드(EyeOnRoad)’ is named again as 아이온로드)
        surface = strip_name(split_alias(strip_name(text[c.start:c.end]))[0])
        if c.type == "Person":
            for a in [c.canonical or surface] + [x for x in c.aliases if re.fullmatch(
                    r"[가-힣]{2,}", x)]:
                names.setdefault(a, c)
        elif len(surface) >= 2:
            names.setdefault(surface, c)
    taken = [(c.start, c.end) for c in cands]
    out, guessed = [], []
    for name in sorted(names, key=len, reverse=True):
        src = names[name]
        for s, e in _occurrences(name, text):
            inside = [c for c in cands if c.start < e and s < c.end]
            if inside and all(c.rule == "unknown-org" and s <= c.start and c.end <= e
                              and c.end - c.start < e - s for c in inside) and \
                    not any(a < e and s < b for a, b in taken[len(cands):]):
                # (미리내 거브는: a name found before, not the guess that 거브 is a company)
                guessed += inside
            elif any(a < e and s < b for a, b in taken):
                continue
            if s > 0 and re.match(r"[가-힣A-Za-z0-9]", text[s - 1]):
                continue  # inside a longer word
            if e < len(text) and re.match(r"[A-Za-z0-9]", text[e]):
                continue
            out.append(Candidate(s, e, src.type, "repeat", canonical=src.canonical))
            taken.append((s, e))
    d.found[:] = [c for c in d.found if all(c is not g for g in guessed)]
    return out


EXAMPLES_SHORT = [
    ("‘첨단 GPU 확보·임대’ 사업에 1조 원이 배정됐다. GPU 임대는 진흥원이 맡는다.",
     {("Program", "첨단 GPU 확보·임대 사업")}),
    ("‘독자 AI 파운데이션 모델 개발 사업’에 1460억원이 들어간다. 파운데이션 모델 개발은 IITP가 맡는다.",
     {("Program", "독자 AI 파운데이션 모델 개발 사업")}),
    ("‘독자 AI 파운데이션 모델 개발 사업’을 시작했다. AI 개발은 어렵다.", set()),
    ("GPU 임대는 진흥원이 맡는다. ‘첨단 GPU 확보·임대’ 사업에 1조 원이 배정됐다.", set()),
    ("△대덕특구 피지컬 AI 실증단지 조성(62억 원)이 반영됐다. 대덕특구 피지컬 AI 실증단지에는 "
     "7개 기업이 참여한다.", {("Program", "대덕특구 피지컬 AI 실증단지 조성")}),
    ("시는 ‘부산형 AI 행정’을 시작했다. 대표는 지역 AI 행정의 모범이 되겠다고 말했다.", set()),
    ("부처는 ‘공공 AI 에이전트 선도 프로젝트’를 신설했다. 세 기업은 선도 프로젝트에 GPU를 지원한다.",
     {("Program", "공공 AI 에이전트 선도 프로젝트")}),
    ("도는 ‘경북 스마트 돌봄 확산 사업’을 시작했다. 돌봄 확산 사업에는 20억 원이 든다.",
     {("Program", "경북 스마트 돌봄 확산 사업")}),
    ("도는 ‘경북 AI 인재 양성 지원 사업’을 시작했다. 지원 사업에는 20억 원이 든다.", set()),
]


@entity_rule("short-form", DOCUMENT, priority=2, examples=EXAMPLES_SHORT)
def short_forms(d: Document) -> list[Candidate]:
    """A programme named again by the last words of its name (독자 AI 파운데이션 모델 개발 …
    파운데이션 모델 개발은; 첨단 GPU 확보·임대 … GPU 임대는): a noun phrase whose words
    all come, in order, from one programme named before, ending with its last word."""
    cues, text = d.cues, d.text
    programs: list[tuple[list[str], Candidate]] = []
    headed: list[tuple[list[str], Candidate]] = []
    for c in d.found:
        if c.type in ("Program", "Initiative"):
            name = c.canonical or strip_name(split_alias(text[c.start:c.end])[0])
            parts = _parts(name)
            if len(parts) >= 3 and parts[-1] in cues.weak_program_cue:
                headed.append((parts, c))
            while parts and parts[-1] in cues.weak_program_cue:
                parts = parts[:-1]  # 첨단 GPU 확보·임대 사업 is short for itself without 사업
            if len(parts) >= 3:
                programs.append((parts, c))
            if len(parts) >= 3 and parts[-1] in cues.program_action:
                # 대덕특구 피지컬 AI 실증단지 조성 … 실증단지에는: the thing built, named
                # without the work
                programs.append((parts[:-1] + [""], c))
    if not programs:
        return []
    taken = [(c.start, c.end) for c in d.found]
    places = {(c.start, c.end) for c in d.found if c.type == "Place"}
    out = []
    for sent, words in sentence_words(d.doc):
        # only the spans that reach into this sentence can overlap a span of its words
        # (scanning every span of the document for each word pair was most of the rule)
        near = None  # (made when first needed: most sentences have no run to look at)
        for k, w in enumerate(words):
            if not w.tail or w.tail_tag.startswith("E"):
                continue
            if k == 0 or not words[k - 1].noun_only:
                continue  # no noun before it: the run is this word alone (run_start is k)
            first = run_start(words, k, cues)
            if near is None:
                near = [(a, b) for a, b in taken if a < sent.end_char and sent.start_char < b]
            for j in range(max(first, k - 5), k):  # two or three words (or a whole prefix)
                s, e = words[j].start, w.stem_end
                # (a place may open the name: 대덕특구 피지컬 AI 실증단지)
                if any(a < e and s < b and not (s <= a and b <= e and (a, b) in places)
                       for a, b in near):
                    continue
                short = _parts(strip_name(text[s:e]))
                if len(short) < 2 or short[-1] in cues.topic_acronym or (
                        len(short) == 2 and short[0] in cues.topic_acronym) or all(
                            p in cues.generic or p in cues.topic_acronym or
                            p in cues.weak_program_cue or p in cues.program_action
                            for p in short):
                    continue
                if short[-1] in cues.weak_program_cue:
                    # (공공 AI 에이전트 선도 프로젝트 … 선도 프로젝트에: the last words
                    # of the name with its head, one programme's only)
                    fits = {tuple(parts): c for parts, c in reversed(headed) if c.end <= s
                            and len(parts) > len(short) and parts[-len(short):] == short}
                else:
                    # (첨단 GPU 확보·임대 and 첨단 GPU 확보·임대 사업 are one programme)
                    # (the thing built only by its whole name: 실증단지, not 예측 모델)
                    fits = {tuple(parts): c for parts, c in reversed(programs) if c.end <= s
                            and len(parts) > len(short) and (
                                parts[-1] == short[-1] and _subsequence(short, parts)
                                and len(short) <= 3 if parts[-1] else parts[:-1] == short)}
                if len(fits) == 1:
                    c = fits.popitem()[1]
                    name = c.canonical or strip_name(split_alias(text[c.start:c.end])[0])
                    out.append(Candidate(s, e, c.type, "short-form", canonical=name))
                    taken.append((s, e))
                    near.append((s, e))
                    break
    return out


def _occurrences(name: str, text: str):
    """Where `name` stands in `text`, as re.finditer(re.escape(name)) finds it, without
    compiling a regex per name (each evicted others from re's cache)."""
    if not name:
        yield from ((m.start(), m.end()) for m in re.finditer("", text))
        return
    s = text.find(name)
    while s >= 0:
        yield s, s + len(name)
        s = text.find(name, s + len(name))


def _parts(name: str) -> list[str]:
    return [p for p in _WORD_BREAKS.split(name) if p]


def _subsequence(short: list[str], parts: list[str]) -> bool:
    it = iter(parts)
    return all(p in it for p in short)


EXAMPLES_WHOLE = [
    ("‘정부 AI 공동활용 플랫폼’ 2단계에 착수한다. 분야별로는 △정부 AI 공동활용 플랫폼 구축(1,240억 원) 등이다.",
     {("Program", "정부 AI 공동활용 플랫폼 구축")}),
    ("‘지역 AI 행정 플랫폼’ 2단계에 착수한다. 분야별로는 △지역 AI 행정 플랫폼 구축(500억 원) 등이다.",
     {("Program", "지역 AI 행정 플랫폼 구축")}),
    ("‘생성형 AI 민원비서’ 지자체 4곳 선정. 행안부는 ‘2026년 지자체 생성형 AI 민원비서 시범사업’ 대상을 뽑았다.",
     {("Program", "2026년 지자체 생성형 AI 민원비서 시범사업")}),
    ("‘AI 도입 바우처’ 12개 과제 선정. 시는 ‘2025 부산 AI 도입 바우처 지원사업’ 과제를 뽑았다.",
     {("Program", "2025 부산 AI 도입 바우처 지원사업")}),
    ("‘AI 허브 구축’ 사업을 시작했다. 이번 AI 허브 플랫폼은 새롭다.", set()),
    ("‘지역 AI 확산 전략’을 냈다. 지역 AI 확산 지원 사업에 50억 원을 쓴다.", set()),
]


@entity_rule("short-form.whole", DOCUMENT, priority=9, examples=EXAMPLES_WHOLE)
def whole_names(d: Document) -> list[Candidate]:
    """A programme named by the core of its full name, without its year or qualifiers
    before and its work or scheme words after (‘생성형 AI 민원비서’ … ‘2026년 지자체 생성형
    AI 민원비서 시범사업’; 정부 AI 공동활용 플랫폼 … 정부 AI 공동활용 플랫폼 구축), found as
    a name of its own, is the same programme: it takes the full name and its type.
    Retypes in `d.found`; adds nothing."""
    cues, text = d.cues, d.text

    def name_of(c: Candidate) -> str:
        return c.canonical or strip_name(split_alias(text[c.start:c.end])[0])

    def qualifier(p: str) -> bool:
        return bool(YEARISH.fullmatch(p)) or p in cues.generic or p in cues.trim or \
            d.lex.type_of(p) == "Place"

    def scheme(p: str) -> bool:
        return p in cues.program_action or p in cues.weak_program_cue or p in cues.scheme_word

    cores: dict[str, set[str]] = {}
    qualified: set[str] = set()  # cores found behind qualifiers
    wholes: dict[str, Candidate] = {}
    for c in d.found:
        if c.type not in ("Program", "Initiative"):
            continue
        parts = _parts(name_of(c))
        wholes.setdefault(" ".join(parts), c)
        for a in range(len(parts)):
            if a and not qualifier(parts[a - 1]):
                break
            for b in range(len(parts), a + 1, -1):
                if b < len(parts) and not scheme(parts[b]):
                    break
                if (a, b) != (0, len(parts)) and b - a >= 2:
                    cores.setdefault(" ".join(parts[a:b]), set()).add(" ".join(parts))
                    if a:
                        qualified.add(" ".join(parts[a:b]))
    for c in d.found:
        # (a product's name may be a programme's core only behind qualifiers: ‘경남 AI
        # 행정비서’ is what ‘경남 AI 행정비서 구축사업’ builds, ‘생성형 AI 민원비서’ is
        # short for ‘2026년 지자체 생성형 AI 민원비서 시범사업’)
        if c.type not in ("Program", "Initiative", "Product") or c.canonical or \
                c.type == "Product" and (c.rule != "quote" or name_of(c) not in qualified):
            continue
        parts = _parts(name_of(c))
        while len(parts) > 2 and scheme(parts[-1]):
            parts = parts[:-1]  # ‘생성형 AI 민원비서’ 사업
        full = cores.get(" ".join(parts), set()) - {" ".join(_parts(name_of(c)))}
        if len(full) == 1:
            whole = wholes[full.pop()]
            c.type, c.rule, c.canonical = whole.type, "short-form.whole", name_of(whole)
    return []


EXAMPLES_HEADLINE = [
    ("공단 ‘AI 부당청구 탐지’ 사업 따냈다\n\n공단은 ‘AI 기반 요양급여 부당청구 탐지 시스템 구축 사업’ "
     "우선협상대상자로 A사를 선정했다.",
     {("Program", "AI 기반 요양급여 부당청구 탐지 시스템 구축 사업")}),
    ("공단 ‘생성형 AI 산재심사 플랫폼’ KT 품으로\n\n공단의 ‘생성형 AI 기반 산재보상 심사지원 플랫폼 "
     "구축 사업’을 KT가 맡는다.", {("Program", "생성형 AI 기반 산재보상 심사지원 플랫폼 구축 사업")}),
    ("포스텍, ‘공공안전 멀티모달 AI’ 과제 따내\n\n포스텍은 ‘멀티모달 모델 개발’ 과제를 맡는다.",
     {("Program", "멀티모달 모델 개발")}),
    ("포스텍, ‘공공안전 멀티모달 AI’ 과제 따내\n\n포스텍은 ‘AI 공공안전 기술개발’ 사업의 ‘멀티모달 모델 "
     "개발’ 과제를 맡는다.", set()),
    ("도로공사, 네이버클라우드와 ‘AI 고속도로 관제’ 맞손\n\n도로공사는 ‘고속도로 AI 관제 고도화’ 사업을 "
     "추진한다.", {("Program", "고속도로 AI 관제 고도화 사업")}),
    ("성남시의료원, ‘AI 병동’이 되기까지\n\n성남시의료원은 ‘공공병원 AI 진료지원 실증사업’에 참여했다.", set()),
    # (no headline: the text opens with its lead, whose quoted programme stays)
    ("도는 ‘스마트 경로당’(총 30억 원)을 편성했다.\n사업은 내년에 시작한다.", set()),
]


_SENTENCE_END = re.compile(r"(다|요|죠)[.!?][\"'”’)]*$")


@entity_rule("short-form.headline", DOCUMENT, priority=9, examples=EXAMPLES_HEADLINE)
def headline_names(d: Document) -> list[Candidate]:
    """A headline shortens the body's name of a programme, dropping words (‘AI 부당청구
    탐지’ for ‘AI 기반 요양급여 부당청구 탐지 시스템 구축 사업’, 산재심사 for 산재보상
    심사지원): a name of the headline the body never repeats, whose words come in order
    from one programme named in the body, is that programme. Retypes in `d.found`."""
    text = d.text
    end = text.find("\n\n")
    head_end = end if 0 < end <= 300 else text.find("\n") if "\n" in text else 0
    if _SENTENCE_END.search(text[:head_end].rstrip()):
        return []  # the text opens with its lead, not a headline (a body without its title)

    def name_of(c: Candidate) -> str:
        return c.canonical or strip_name(split_alias(text[c.start:c.end])[0])

    body = [c for c in d.found if c.type in ("Program", "Initiative") and c.start > head_end]
    dropped: list[Candidate] = []
    for c in d.found:
        if c.type not in ("Program", "Initiative", "Product") or c.canonical or \
                c.end > head_end or name_of(c) in text[head_end:]:
            continue
        short = _parts(name_of(c))
        fits = {name_of(b): b for b in body
                if len(_parts(name_of(b))) > len(short) and _abridges(short, _parts(name_of(b)))}
        if len(short) >= 2 and len(fits) == 1:
            whole = fits.popitem()[1]
            c.type, c.rule, c.canonical = whole.type, "short-form.headline", name_of(whole)
        elif c.rule == "quote" and c.type in ("Program", "Initiative") and not any(
                d.cues.ends_with(short[-1], kind) for kind in (
                    "program_cue", "initiative_cue", "event_cue")):
            # (‘국산 3강’, ‘AI 병동’: a headline's catchphrase in quotes; ‘공공안전 멀티모달
            # AI’ for a task the body names otherwise) the body's programme that shares
            # most of its words, else nothing; a name with its kind (‘X 전략’) stays
            own = {w for w in short if w not in d.cues.generic and w not in d.cues.topic_acronym}
            shared = sorted(((len(own & set(_parts(name_of(b)))), name_of(b), b) for b in body),
                            key=lambda t: -t[0])
            if own and shared and shared[0][0] and (len(shared) == 1 or shared[1][0] < shared[0][0]):
                whole = shared[0][2]
                c.type, c.rule, c.canonical = whole.type, "short-form.headline", name_of(whole)
            elif own and c.type == "Program":
                dropped.append(c)  # (an initiative's name may stand alone: ‘AI 기본사회’)
    d.found[:] = [c for c in d.found if all(c is not x for x in dropped)]
    return []


def _abridges(short: list[str], parts: list[str]) -> bool:
    """Each short word, in order, is a word of the full name, or glues the starts of two
    words in a row (산재심사: 산재보상 심사지원)."""
    k = 0
    for w in short:
        while k < len(parts):
            if w == parts[k]:
                k += 1
                break
            if k + 1 < len(parts) and any(
                    parts[k].startswith(w[:n]) and parts[k + 1].startswith(w[n:])
                    for n in range(2, len(w) - 1)):
                k += 2
                break
            k += 1
        else:
            return False
    return True
