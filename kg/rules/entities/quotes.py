"""Quoted names ‘…’, typed by the words around them or by their own last word."""
from __future__ import annotations

import re

from kg.lexicon import Cues
from kg.morphology import QUOTES, doc_text, split_alias, strip_name
from kg.money import parse_money
from kg.quotetypes import QuoteClue, retype
from kg.rules import SENTENCE, Candidate, entity_rule
from kg.rules.entities.base import Sentence
from kg.rules.entities.suffixes import YEAR

# (a pair of distinct marks may hold a tender's long title; one mark used for both ends
# stops sooner: a stray apostrophe must not open a quotation)
_QUOTED = re.compile("|".join(
    f"{re.escape(a)}([^{re.escape(QUOTES)}\\n]{{2,{60 if a == b else 100}}}?){re.escape(b)}"
    for a, b in ("‘’", "''", "“”", '""', "「」", "『』", "《》", "〈〉")))
_SINGLE = "‘'「『《〈"
def _english_speech(inner: str) -> bool:
    """"K-water taps Claude on AWS for …": an English sentence, not a name."""
    words = inner.split()
    return len(words) > 3 and sum(w.islower() for w in words) >= 2


_YEAR_MARK = re.compile(r"['‘’]\d\d(?=\s?(년|~|∼|-))")  # single quotes mark names in Korean news; double quotes mostly speech
PRIORITY = 2
# (a year or a status may come first: ‘X’('26년 신규, 총 12.5억 원), ‘X’('24년 80억 원))
_BUDGET_LINE = re.compile(r"\(\s*(['‘’]?\d\d(\d\d)?년도?\s+)?([^()]{0,16}?[,·]\s*)?(총\s*)?"
                          r"[\d,.]+\s*(조|억|천만|백만|만|천)?[\d,.\s조억천백만]*\s*(원|달러)")
# ‘서책형 교과용 도서 구입비’는 321억 3,200만 원으로: a line whose sum is said of it, even in
# common words
_BUDGET_TOPIC = re.compile(r"(은|는)\s(올해\s|총\s|약\s)?[\d,.]+\s*(조|억)")


EXAMPLES = [
    ("기관들은 ‘공공 공략’에 나섰다.", set()),
    # (an R&D task named by a long phrase whose last word ends in its work: 기술개발)
    ("ETRI는 ‘재난 현장 영상 판독을 위한 멀티모달 분석 기술개발’ 과제에 선정됐다.",
     {("Program", "재난 현장 영상 판독을 위한 멀티모달 분석 기술개발")}),
    # (a headline quotes the company the text then calls a startup: kg.rules.entities.repeats)
    ("공공 AI ‘누리온’, 50억 투자 유치\n데이터 스타트업 누리온(Nurion)이 50억 원 규모의 투자를 "
     "유치했다.", {("Organization", "누리온")}),
    # a budget line: the sum in parentheses after it, its year first or not
    ("폐지된 사업은 ‘AI공공문서요약’('24년 30억 원), ‘AI민원안내확산’('24년 12억 원) 등이다.",
     {("Program", "AI공공문서요약"), ("Program", "AI민원안내확산")}),
    ("올해 ‘AI복지급여관리’(2025년 20억원)가 새로 편성됐다.", {("Program", "AI복지급여관리")}),
    ("예산은 ‘대폭 감소’('25년 698억 원)했다.", set()),
    ("업계는 이 회사의 기업가치가 ‘9000억원’이라고 본다.", set()),
    # a team, a coined phrase, a session's title
    ("대회에서는 ‘새벽별’팀과 ‘한울코드’팀이 우수상을 받았다.", set()),
    ("시장은 이른바 ‘K-클라우드 사태’를 주목한다.", set()),
    ("두 번째 세션 ‘지역 AI 플랫폼’에서는 발표가 이어졌다.", set()),
    ("목표는 ‘1조 5000억 원’으로 알려졌다.", set()),
    ("박 원장은 ‘공공 AI가 나아갈 길’을, 이 협회장은 운영방향을 제언한다.", set()),
    ("시는 ‘AI가 돌보는 마을’ 사업을 시작한다.", {("Program", "AI가 돌보는 마을 사업")}),
    ("‘움직이는 AI 시대’의 시작을 알렸다.", set()),
    ("두 기관은 ‘지역 AI 인재 양성을 위한 업무협약(MOU)’을 맺었다.", set()),
    ("시는 ‘AI 돌봄 협력 양해각서(MOU)’를 체결했다.", set()),
    # the field itself, quoted as a topic (but a name made with it stays one)
    ("이번 예산은 ‘생성형 AI’ 확산에 쓰인다.", set()),
    ("시는 행정 전반의 ‘AI 대전환’을 본격화한다.", set()),
    ("회의에서는 ‘AI혁신’ 방향이 논의됐다.", set()),
    ("정부는 ‘피지컬 AI 얼라이언스’를 출범했다.", {("Initiative", "피지컬 AI 얼라이언스")}),
    # a quote called a vision (…이라는 비전) is a policy goal
    ("시는 ‘AI 행복도시 부산’이라는 비전을 내놨다.", {("Initiative", "AI 행복도시 부산")}),
    ("군은 ‘스마트 농촌 2030’이라는 비전을 내걸었다.", {("Initiative", "스마트 농촌 2030")}),
    ("행사는 ‘함께 여는 AI’라는 주제로 열렸다.", set()),
    ("시는 ‘행복콜’을 시작했다.", {("Product", "행복콜")}),
    ("행안부는 '디지털 포용 얼라이언스'를 출범했다.", {("Initiative", "디지털 포용 얼라이언스")}),
    ("충남도·순천향대·KT, ‘충남형 AI 민원비서’ 함께 만든다", {("Product", "충남형 AI 민원비서")}),
    ("핵심은 송도에 들어서는 '인천 바이오 AI 데이터 허브'다.", {("Program", "인천 바이오 AI 데이터 허브")}),
    ("대구시가 주최한 ‘2025 대구 공공 AI 챌린지’가 막을 내렸다.", {("Event", "2025 대구 공공 AI 챌린지")}),
    ("TTA는 ‘공공 에이전트 AI 얼라이언스(Public Agentic AI Alliance)’ 출범식을 열었다.",
     {("Initiative", "공공 에이전트 AI 얼라이언스")}),
    ("시는 ‘AI와 행정의 미래’ 세미나를 열었다.", {("Event", "AI와 행정의 미래 세미나")}),
    # (a signing or a groundbreaking held on a day is an event too)
    ("위원회는 ‘공공 AI 서비스 통합 협약식’을 15일 개최했다.", {("Event", "공공 AI 서비스 통합 협약식")}),
    ("시는 ‘AI 행정 전환’ 업무협약식을 열었다.", set()),
    # (a forum named only by its theme is called by it; a talk's theme names nothing)
    ("협회는 ‘AI 시대의 공공 데이터’라는 주제로 창립 포럼을 연다.", {("Event", "AI 시대의 공공 데이터")}),
    ("교수는 ‘공공 AI의 다음 10년’을 주제로 발표했다.", set()),
    ("AWS는 ‘전략적 디지털 주권(strategic digital sovereignty)’을 키워드로 제시했다.", set()),
    ("도는 ‘AI 챌린지’ 사업에 5억 원을 쓴다.", {("Program", "AI 챌린지 사업")}),
    ("공단은 ‘믿:음 2.0’을 내부 서버에 설치해 쓰기로 했다.", {("Product", "믿:음 2.0")}),
    ("한빛소프트는 생성형 AI 플랫폼 ‘누리 퍼블릭’을 출시했다.", {("Product", "누리 퍼블릭")}),
    ("공사는 이 플랫폼을 ‘K-댐 안전관리 체계’와 연동한다.", {("Initiative", "K-댐 안전관리 체계")}),
    ("NIA는 KT와 ‘공공 AI 실증’ 업무협약을 맺었다.", set()),
    ("시는 KT와 ‘AI 바우처 사업’ 협약을 맺었다.", {("Program", "AI 바우처 사업")}),
    ("포럼의 주제는 ‘일하는 AI, 응답하는 정부’다.", set()),
    ("‘공공부문 인공지능 활용 촉진에 관한 법률’ 제정안이 국회를 통과했다.",
     {("Initiative", "공공부문 인공지능 활용 촉진에 관한 법률")}),
    ("NIA가 공개한 ‘2025 공공부문 AI 활용 실태조사’에 따르면 비율이 늘었다.",
     {("Program", "2025 공공부문 AI 활용 실태조사")}),
    ("시는 '스마트 돌봄 플러스' 사업을 시작했다.", {("Program", "스마트 돌봄 플러스 사업")}),
    ("업계는 ‘AI 바우처’를 반겼다.", {("Program", "AI 바우처")}),
    ("공단은 KT의 ‘믿음’ 모델을 활용한다.", {("Product", "믿음")}),
    ("부처는 ‘AI 사업자 등록제’를 도입한다.", {("Initiative", "AI 사업자 등록제")}),
    ("부처는 ‘제3차 AI 반도체 최고위 전략대화’를 열고 ‘K-클라우드 추진 전략 2.0’을 발표했다.",
     {("Event", "제3차 AI 반도체 최고위 전략대화"), ("Initiative", "K-클라우드 추진 전략 2.0")}),
    ("「인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령」이 의결됐다.",
     {("Initiative", "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법 시행령")}),
    ("그는 “데이터가 중요하다”고 말했다.", set()),
    ("행사는 ‘시범에서 확산으로’를 주제로 열렸다.", set()),
    ("학회는 ‘공공 AI, 어떻게 쓸 것인가’ 세미나를 열었다.",
     {("Event", "공공 AI, 어떻게 쓸 것인가 세미나")}),
    ("그는 ‘이제 시작이다’라고 말했다.", set()),
    ("이 사업은 ‘공공의료 디지털 혁신 방안’의 일환이다.", {("Initiative", "공공의료 디지털 혁신 방안")}),
    ("기관 절반이 ‘시범 사업’ 단계에 머문다.", set()),
    ("국은 ‘지능형 업무관리 플랫폼 고도화’ 등 5개 사업을 맡는다.",
     {("Program", "지능형 업무관리 플랫폼 고도화")}),
    ("부처는 ‘2027년 예산안’을 발표했다.", set()),
    ("구글은 ‘Google for Startups Campus’를 연다.", {("Program", "Google for Startups Campus")}),
    ("‘AI 융합 국가산업단지 기반 조성’은 산업부가 추진한다.",
     {("Program", "AI 융합 국가산업단지 기반 조성")}),
    ("걸림돌로는 ‘클라우드 보안 인증’(58.9%)이 꼽혔다.", set()),
    ("업계는 ‘내부 전문인력 부족’을 호소했다.", set()),
    ("펀드는 ‘AI 밸류체인’을 아우르는 기업에 투자된다.", set()),
    ("올해 ‘서책형 교과용 도서 구입비’는 321억 3,200만 원으로 늘었다.",
     {("Program", "서책형 교과용 도서 구입비")}),
    ("▲국토교통부 ‘건축행정 AI 민원 사전검토 서비스 구축’(61억 5천만 원) 사업을 따냈다.",
     {("Program", "건축행정 AI 민원 사전검토 서비스 구축")}),
    ("개발원은 ‘지능형 행정 공통기반 구현 및 AI기반 디지털 행정혁신 체계 수립을 위한 "
     "업무프로세스 재설계 정보화전략계획’을 발주했다.",
     {("Program", "지능형 행정 공통기반 구현 및 AI기반 디지털 행정혁신 체계 수립을 위한 "
                  "업무프로세스 재설계 정보화전략계획")}),
]


_TENDERED = re.compile(r"\s?(을|를)\s(\S+\s)?(발주|공고|입찰\S*\s?공고)")
_FIGURE = re.compile(r"[약총]?\s*[\d.,]+\s*(%|명|개|곳|배)?")  # (a sum: kg.money.parse_money)


@entity_rule("quote", SENTENCE, examples=EXAMPLES)
def quoted_names(s: Sentence) -> list[Candidate]:
    doc, sent, words, cues = s.doc, s.sent, s.words, s.cues
    out = []
    # '26년, ’25년: an apostrophe that shortens a year opens no quotation
    masked = _YEAR_MARK.sub(lambda y: "#" + y.group(0)[1:], sent.text)
    unknown = set(doc.user_data.get("kg_oov", ()))
    text = doc_text(doc)
    for m in _QUOTED.finditer(masked):
        qs, qe = sent.start_char + m.start(), sent.start_char + m.end()
        inner = next(g for g in m.groups() if g is not None).strip()
        span = doc.char_span(qs, qe, alignment_mode="expand")
        tags = "+".join(t.tag_ for t in span) if span is not None else ""
        single = m.group(0)[0] in _SINGLE
        # single quotes mark names (a stray verb tag inside is Kiwi's guess);
        # double quotes mostly mark speech
        speech = r"(^|\+)EF" if single else r"(^|\+)(E[CF]|ETM)"
        # 「…」 and 『…』 mark titles (of laws, plans, reports), however long
        title = m.group(0)[0] in "「『"
        # (R&D tasks are named by long phrases ending in their work: ‘재난 현장 대응을 위한
        # 멀티모달 파운데이션 모델 개발’)
        work = single and _named_by_work(inner.split(), cues)
        # (‘… 체계 수립을 위한 업무프로세스(BPR)/정보화전략계획(ISP)’을 발주했다: a tender's
        # title, as long as a plan's)
        tendered = single and _TENDERED.match(text, qe) is not None
        title = title or tendered
        name, alias = split_alias(inner)
        # (a gloss in parentheses, ‘X 얼라이언스(Public Agentic AI Alliance)’, is no speech)
        speechy = bool(re.search(speech, tags)) and not title \
            or len(name.split()) > (15 if title else 12 if work else 7) \
            or _english_speech(name)
        if not name.strip() or name.strip() in cues.generic_acronym or name.strip() in cues.generic \
                or _FIGURE.fullmatch(name.strip()) or parse_money(name) is not None \
                or _concept(name, cues):
            continue  # (‘도입’이 아니라 ‘운영’의 문제: one common word, quoted for emphasis;
            # 기업가치가 ‘9000억원’이라고: a figure; ‘피지컬 AI’: a field, a topic)
        known = s.lex.names.get(name.strip())
        if known is not None and not speechy:  # ‘솔라’, ‘HyperCLOVA X’: the lexicon knows what it is
            c = Candidate(qs, qe, known.type, "quote", priority=PRIORITY,
                          canonical=known.canonical)
            if alias and alias not in cues.generic_acronym:
                c.aliases.append(alias)
            out.append(c)
            continue
        proper = re.search(r"(^|\+)(NNP|SL|SN)", tags) is not None or (
            span is not None and any(t.i in unknown for t in span)) or any(
            w in cues.generic or w in cues.name_word for w in re.split(r"[\s·]+", name))
        after = [w for w in words if w.start >= qe - 1 and w.end > qe]
        before = [w for w in words if w.end <= qs + 1 and w.start < qs]
        wq = next((w for w in words if w.start <= qe - 1 < w.end), None)
        tail = "" if wq is None else wq.tail if wq.stem_end >= qe else text[qe:wq.end]
        # (a quote ending in a verb, 것인가’, leaves its stem inside: the tail is after it)
        end, etype = qe, None
        # 'K-행정의 디지털 대전환' 세미나, '원-윈도' 플랫폼 구축 사업: the cue is part of the name
        if not tail and after and not text[qe:after[0].start].strip():
            k = words.index(after[0])
            for j in range(k, min(k + 4, len(words))):
                stem = strip_name(words[j].stem)
                if stem.startswith(tuple(cues.quote_agreement_after)):
                    break  # (‘AI 전환’ 업무협약식: the agreement's title, below)
                hit = [t for kind, t in (("event_cue", "Event"), ("program_cue", "Program"))
                       if cues.ends_with(stem, kind)]
                if hit and hit[0] == "Event" and cues.ends_with(stem, "ceremony_cue") and any(
                        cues.ends_with(name.split()[-1], kind) for kind in (
                            "program_cue", "initiative_cue", "quote_initiative_last",
                            "quote_program_last")):
                    break  # ‘X 얼라이언스’ 출범식, ‘X 센터’ 개소식: X is what is launched
                if hit:
                    etype, end = hit[0], words[j].stem_end
                    break
                if not words[j].noun_only or stem in cues.etc or re.match(r"\d", stem):
                    break  # ‘X’ 등 5개 사업: the cue belongs to the count, not to X
        if speechy and not (single and etype == "Event"):
            continue  # speech, not a name; but ‘…, 어떻게 관리할 것인가’ 세미나 is a title
        if etype is None and re.search(r"(^|\+)JKS\+.*\b(VV|VA)", tags):
            continue  # ‘피지컬 AI가 나아갈 방향’: a clause, a talk's title (‘AI가 돌보는 마을’
            # 사업 is a programme's name)
        if re.match(r"\s*\(\s*[\d.,]+\s*%", text[qe:qe + 12]) or \
                name.split()[-1] in cues.quote_nothing_last:
            continue  # ‘보안 우려’(58.9%): an answer in a survey; ‘인력 부족’: a problem
        themed = _themed_event(text[qe:qe + 40], cues) if single and etype is None else None
        if themed:
            etype = "Event"  # ‘X’를 주제로 포럼을 연다: a forum with no other name is called X
        elif after and strip_name(after[0].stem).startswith(tuple(cues.quote_nothing_after)) \
                or text[qe:qe + 4].lstrip().startswith(tuple(cues.quote_nothing_after)):
            continue  # ‘시범에서 확산으로’를 주제로: a theme, a slogan; ‘놀슈’팀: a team
        if before and (strip_name(before[-1].stem) or before[-1].text.strip()) in \
                cues.quote_phrase_before:
            continue  # 이른바 ‘파두 사태’: a coined phrase; 세션 ‘공공AX 미래’: a session
        if not tail and after and strip_name(after[0].stem).startswith(
                tuple(cues.quote_agreement_after)) and etype is None and not any(
                cues.ends_with(name.split()[-1], kind) for kind in ("program_cue", "initiative_cue")):
            continue  # ‘공공 AI 에이전트 실증’ 업무협약: an agreement's title
        if etype is None and (proper and _BUDGET_LINE.match(text[qe:qe + 24])
                              or _BUDGET_TOPIC.match(text[qe:qe + 16])):
            etype = "Program"  # ‘AI 저수지 수위 예측 플랫폼 고도화’(40억 원): a budget line
            # (‘대폭 감소’('25년 698억 원): common words, no name)
        last = name.split()[-1]
        if etype is None and tail.strip() in cues.object_particle and after and \
                re.search("[가-힣]", last) and \
                after[0].text.startswith(tuple(cues.event_verb)) and not any(
                    cues.ends_with(last, kind) for kind in (
                        "program_cue", "initiative_cue", "org_suffix", "product_head",
                        "quote_program_last")):
            # ‘제3차 AI 반도체 최고위 전략대화’를 열고: what is held (a centre, a hub is
            # opened)
            etype = "Event"
        if etype is None:
            # (“X”라는 비전: the noun a quote is called by is the word after it too)
            following = " ".join(strip_name(w.stem) for w in after[:2]) \
                if not tail or tail.strip() in ("이라는", "라는") else ""
            # (a verb has no stem here: 열린 ‘X’ keeps its text)
            preceding = (strip_name(before[-1].stem) or before[-1].text.strip()) if before else ""
            preceding = re.sub(r"\([^()]*\)$", "", preceding)  # 거대언어모델(LLM) ‘X’
            plain = not re.search(r"(^|\+)(NNP|SL|SN)", tags) and not (
                span is not None and any(t.i in unknown for t in span))
            latin = bool(alias and re.search("[A-Z0-9]", alias))
            apposed = bool(before) and before[-1].tail.strip() in ("", "인", "이라는", "라는")
            etype = quote_type(name, following, preceding, single, cues, proper,
                               latin=latin, plain=plain, apposed=apposed)
            if etype is not None:  # (a learned second opinion where the decisions are split)
                etype = retype(QuoteClue(name, following, preceding, single, proper, latin,
                                         plain, apposed, etype, _kinds(name, cues)))
        if tendered and etype in (None, "Initiative"):
            etype = "Program"  # (what is put out to tender is a programme, even a plan)
        if etype is None:
            continue
        c = Candidate(qs, end, etype, "quote", priority=PRIORITY)
        if alias and alias not in cues.generic_acronym:
            c.aliases.append(alias)
        elif alias:  # (… 정보화전략계획(ISP): a gloss that is part of the title as written)
            c.aliases.append(inner)
        if end > qe and etype in ("Program", "Event"):
            c.aliases.append(name)  # ‘X’ 사업 is also written X (the quoted name alone)
        heading = _SUBTITLE.split(re.sub(r"\s*\([^()]*\)", "", name), 1)[0].strip()
        if etype == "Event" and heading != name.strip() and len(heading.split()) > 1:
            c.aliases.append(heading)  # ‘AI 월드(World) 2022 : 테크 & 퓨쳐’ is ‘AI 월드 2022’
        out.append(c)
    return out


def _themed_event(after: str, cues: Cues) -> bool:
    """‘X’라는 주제로 창립 포럼을 연다 / ‘X’를 주제로 포럼을 개최한다: the theme is the only
    name a forum is given (not ‘X’를 주제로 발표했다, a talk; nor 행사, an event's part)."""
    m = re.match(r"(이?라는|을|를)\s*주제로\s+(?:\S+\s+)?(\S+?)(을|를)\s+", after)
    return m is not None and any(m.group(2).endswith(c) for c in cues.event_cue) and \
        after[m.end():].startswith(tuple(cues.event_verb))


# an event's title before its subtitle (‘AI 월드 2022 : 테크 & 퓨쳐’, ‘AI 서밋 - 공공의 미래’)
_SUBTITLE = re.compile(r"\s+[:\-–—]\s+|:\s+")


def _concept(name: str, cues: Cues) -> bool:
    """‘생성형 AI’, ‘AI 대전환’, ‘AI혁신’: only the field's words (an acronym glued to one
    counts as two), a topic quoted for emphasis."""
    words = []
    for w in re.split(r"[\s·]+", re.sub(r"\([^()]*\)", " ", name).strip()):
        field = next((f for f in ("AI", "인공지능") if w != f and w.startswith(f)), None)
        words += [field, w[len(field):]] if field else [w] if w else []
    return bool(words) and all(w in cues.quote_concept_word for w in words)


# the word lists a quoted name's last word may end in (or be), which the decisions read
_ENDINGS = ("event_cue", "program_cue", "initiative_cue", "quote_initiative_last",
            "quote_program_last", "product_head", "org_suffix", "contest_cue")
_WORDS = ("program_action", "weak_program_cue", "program_cue_latin")


def _named_by_work(words: list[str], cues: Cues) -> bool:
    """A name ending in the work done (조성, 개발), or in a compound of it (‘… 판단 지원
    기술개발’)."""
    return bool(words) and (words[-1] in cues.program_action or len(words) >= 2
                            and bool(cues.ends_with(words[-1], "program_action")))


def _kinds(name: str, cues: Cues) -> tuple[str, ...]:
    words = name.split()
    last = words[-1] if words else ""
    return tuple([k for k in _ENDINGS if cues.ends_with(last, k)]
                 + [k for k in _WORDS if last in getattr(cues, k)]
                 + ["brand"] * bool(words and words[0] in cues.brand))


def quote_type(name: str, following: str, preceding: str, single: bool,
               cues: Cues, proper: bool = True, latin: bool = False,
               plain: bool = False, apposed: bool = True) -> str | None:
    """The type of a quoted name, from the words after it, before it, then its own."""
    words = name.split()
    if not words:
        return None  # (‘ ’: quotes around nothing name nothing)
    versioned = False
    while len(words) > 1 and re.fullmatch(r"\d+\.\d+|[vV]\d+(\.\d+)*", words[-1]):
        words.pop()  # ‘K-클라우드 추진 전략 2.0’: a version says nothing of the kind …
        versioned = True
    last = words[-1]
    if last in cues.consortium:
        return None  # ‘중견 SI 컨소시엄’: a kind of bidder (a named one is the consortium rule's)
    first_after = next(iter(following.split()), "")
    if first_after in cues.quote_initiative_after:
        return "Initiative"
    # 생성형 AI 플랫폼 ‘X’: a product's kind set before its name (not 플랫폼을 ‘X 체계’와)
    kind_before = apposed and preceding.endswith(tuple(cues.quote_product_before)) and not any(
        cues.ends_with(last, kind) for kind in ("program_cue", "initiative_cue", "event_cue",
                                                "quote_initiative_last"))
    if any(w in cues.quote_product_after for w in following.split()[:2]) or kind_before:
        return "Product"
    if apposed and preceding.endswith(tuple(cues.quote_program_before)):
        return "Program"  # (사업 ‘X’, 지원사업인 ‘X’; not 이 사업은 ‘Y’의 일환이다)
    if preceding.endswith(tuple(cues.quote_event_before)) and not following:
        return "Event"
    if preceding.endswith(tuple(cues.quote_nothing_before)):
        return None
    if cues.ends_with(last, "event_cue") or (YEAR.match(last) and len(name.split()) > 1) or (
            YEAR.match(words[0]) and cues.ends_with(last, "contest_cue")):
        # (‘2025 대구 공공 AI 챌린지’: a year's contest is held, an Event)
        return "Event"
    if _named_by_work(words, cues) and len(words) <= 12 and proper:
        return "Program"  # ‘AI 융합 국가산업단지 기반 조성’: a project, named by its work
    if cues.ends_with(last, "program_cue"):
        if plain and len(words) <= 2 and last in cues.weak_program_cue:
            return None  # ‘시범 사업’ 단계: a kind of work, in quotes for emphasis
        return "Program"
    if cues.ends_with(last, "initiative_cue") or cues.ends_with(last, "quote_initiative_last"):
        return "Initiative"
    if cues.ends_with(last, "quote_program_last"):
        return "Program"
    if cues.ends_with(last, "org_suffix") and last not in cues.org_suffix_not and len(last) > 2:
        return "Organization"
    if last in cues.program_cue_latin:
        return "Program"  # ‘Google for Startups Campus’, ‘AWS Generative AI Accelerator’
    if re.fullmatch(r"[A-Za-z0-9 .\-]+", name):
        return "Product" if name.split()[0] in cues.brand or len(name.split()) <= 2 else None
    if preceding in cues.org_descriptor or preceding.endswith(tuple(cues.org_descriptor)):
        return "Organization"  # 스타트업 ‘코스모쿨’
    # ‘여객 AI 안내 서비스’, ‘남동 AI 설비도우미’, ‘리프스캔(LeafScan)’, ‘효심이’: what a
    # service is called, a brand with a Latin name, one new word
    # (… but a versioned name no cue types is software: ‘믿:음 2.0’)
    if cues.ends_with(last, "product_head") or latin or (proper and " " not in name) or versioned:
        return "Product"
    # a quoted phrase of common words (‘올인’, ‘예산 부족’) is emphasis, not a name
    # (… unless a word of it is one names are made of: ‘스마트 돌봄 플러스’, ‘데이터 안심 구역’)
    named = not plain or any(w in cues.name_word for w in words)
    return "Program" if single and proper and named and len(name.split()) <= 4 else None
