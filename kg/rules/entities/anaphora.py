"""이 사업, 이번 사업, 해당 프로그램: the program named last before."""
from __future__ import annotations

import re

from kg.morphology import LINE_BULLET, split_alias, strip_name
from kg.rules import DOCUMENT, Candidate, entity_rule
from kg.rules.entities.base import Document


EXAMPLES = [
    ("시는 스마트 돌봄 확산 사업을 시작한다. 이 사업에는 20억원이 든다.",
     {("Program", "스마트 돌봄 확산 사업")}),
    ("공단은 AI 바우처 사업을 연다. 해당 사업은 중소기업이 대상이다.",
     {("Program", "AI 바우처 사업")}),
    ("부처는 ‘AI 인프라 확충 방안’을 발표했다. 이번 방안은 지난해 전략의 후속이다.",
     {("Initiative", "AI 인프라 확충 방안")}),
    ("이 사업에는 20억원이 든다.", set()),
    ("루멘로직은 회의록 서비스 ‘기록이 2.0’을 내놨다. 유성구가 이달부터 이 서비스를 쓴다.",
     {("Product", "기록이 2.0")}),
    ("도가 ‘AI 돌봄 실증사업’에 착수한다. 도는 과기정통부의 ‘지역 AI 확산’ 공모에 선정돼 이 사업을 추진한다.",
     {("Program", "AI 돌봄 실증사업")}),
    ("시는 ‘AI 판독 실증사업’을 추진한다. 이번 실증사업에는 24억 원이 투입된다.",
     {("Program", "AI 판독 실증사업")}),
    ("링크보이스가 ‘AI 민원창구 구축사업’ 사업자로 선정됐다. 군은 ‘디지털 포용 공모사업’에 뽑혔다. "
     "이번 구축사업에 드는 4억 원은 국비로 마련했다.", {("Program", "AI 민원창구 구축사업")}),
    ("행안부는 ‘AI 민원 플랫폼 구축 사업’에 50억원을 투입한다. NIA가 전담기관을 맡는다.\n\n사업은 두 "
     "구역으로 나뉘어 발주됐다.", {("Program", "AI 민원 플랫폼 구축 사업")}),
    ("시는 ‘AI 돌봄 실증사업’을 시작했다. 사업에는 20억 원이 든다.", {("Program", "AI 돌봄 실증사업")}),
    ("가장 큰 ‘범정부 AI 공통기반 고도화 사업’은 국가정보자원관리원이 맡는다. 관리원은 ‘범정부 AI 공통기반’의 "
     "GPU 자원을 늘린다. 두 회사는 이 사업에 GPU 자원을 공급한다.",
     {("Program", "범정부 AI 공통기반 고도화 사업")}),
    ("시는 ‘AI 돌봄 실증사업’을 시작했다. 시는 인구가 줄고 있다. 돌봄 수요는 늘었다. 복지 예산도 "
     "늘었다. 사업은 원칙적으로 공모로 뽑는다.", set()),
]


@entity_rule("anaphor", DOCUMENT, priority=2, examples=EXAMPLES)
def program_anaphora(d: Document) -> list[Candidate]:
    text, cands, cues = d.text, d.found, d.cues
    det = "|".join(sorted(cues.determiner, key=len, reverse=True))
    head = "|".join(sorted(cues.program_anaphor | cues.initiative_anaphor
                           | cues.product_anaphor, key=len, reverse=True))
    work = "|".join(sorted(cues.anaphor_work, key=len, reverse=True))
    out = []
    programs = sorted((c for c in cands if c.type in ("Program", "Initiative", "Product")),
                      key=lambda c: c.start)
    # (이번 실증사업, 이 시범사업: a kind of work may stand before the head)
    # (… ‘X 사업’에 1184억원을 투입한다. … 사업은 두 구역으로 나뉘어 발주됐다: a sentence
    # that opens with the bare head speaks of the programme just named)
    for m in re.finditer(rf"(?<![가-힣])({det})\s?({work})?({head})(?=[^가-힣]|에|을|를|은|는|의|이|과|와)"
                         rf"|(?:^|(?<=[.?!]\s))()()({'|'.join(cues.program_anaphor)})(?=은\s|는\s|에는\s)",
                         text, flags=re.M):
        bare = m.group(4) is not None
        # 이번 사업: the programme named last; 이번 방안, 이 전략: the plan named last
        # (이 서비스, 이 솔루션: the product named last)
        _, work_, head_ = m.group(4, 5, 6) if bare else m.group(1, 2, 3)
        policy = head_ in cues.initiative_anaphor
        kind = {"Product"} if head_ in cues.product_anaphor else \
            {"Initiative"} if policy else {"Program", "Initiative"}
        before = [c for c in programs if c.end <= m.start() and c.type in kind]
        if not before or any(c.start <= m.start() < c.end for c in cands):
            continue
        if bare and (before[-1].type != "Program"
                     or len(re.findall(r"[.?!](?:\s|$)", text[before[-1].end:m.start()])) > 2):
            continue  # only the programme of the last two sentences
        # (X 공모에 선정돼 이 사업을 추진: a call the body won funds its programme, which
        # is the one "this programme" means)
        own = [c for c in before if not re.match(
            rf"[’'”]?\s*({'|'.join(cues.call_word)})(에|에서)", text[c.end:])]
        before = own or before
        # (이번 구축사업: the last programme whose name ends so, else the last one)
        kind = [c for c in before if work_ and re.sub(r"\s", "", strip_name(
            text[c.start:c.end])).endswith(work_ + head_)]
        # (이 사업: the last thing named a 사업 in the last sentences, before a plan named
        # since: ‘X 고도화 사업’ … ‘X’의 자원을 늘린다 … 이 사업에)
        headed = [c for c in before if strip_name(split_alias(strip_name(
            text[c.start:c.end]))[0]).endswith(head_) and len(re.findall(
                r"[.?!](?:\s|$)", text[c.end:m.start()])) <= 3]
        src = (kind or headed or before)[-1]
        name = strip_name(split_alias(strip_name(text[src.start:src.end]))[0])
        out.append(Candidate(m.start(), m.end(), src.type, "anaphor", canonical=name))
    return out


HEAD_EXAMPLES = [
    ("시는 ‘창원 제조AI 혁신센터’를 열었다. 센터에는 80억 원이 들어간다.",
     {("Program", "창원 제조AI 혁신센터")}),
    ("양사는 ‘미래 AI 펀드’를 만든다. 펀드는 초기 스타트업에 투자한다.",
     {("Program", "미래 AI 펀드")}),
    ("센터는 내년에 문을 연다.", set()),
    ("지난 9월 문을 연 ‘충북 AI 바이오 실증허브’다. 실증허브는 충청북도와 청주시가 세운 시설이다.",
     {("Program", "충북 AI 바이오 실증허브")}),
    ("알타이르는 ‘알타이르 론치패드’를 시작한다. 론치패드 1기에는 12개 팀이 뽑혔다.",
     {("Program", "알타이르 론치패드")}),
]


@entity_rule("anaphor-head", DOCUMENT, priority=3, examples=HEAD_EXAMPLES)
def head_anaphora(d: Document) -> list[Candidate]:
    """센터는, 펀드에는, 플랫폼은: a bare head noun stands for the one program named before
    that ends with it (창원 제조AI 혁신센터 … 센터에는)."""
    text, cands, cues = d.text, d.found, d.cues
    heads = "|".join(sorted(cues.head_anaphor, key=len, reverse=True))
    things = sorted((c for c in cands if c.type in ("Program", "Initiative")),
                    key=lambda c: c.start)
    # … and the last word of a programme's name when it is a word of its own making
    # (알타이르 론치패드 … 론치패드 1기에는): no dictionary head, no name the lexicon knows
    own = {w for c in things for w in strip_name(split_alias(strip_name(
        text[c.start:c.end]))[0]).split()[-1:]
        if len(c.canonical or text[c.start:c.end]) > len(w) and re.fullmatch(r"[가-힣]{3,}", w)
        and w not in cues.generic and w not in d.lex.names and not cues.ends_with(w, "program_cue")
        and not cues.ends_with(w, "initiative_cue") and not cues.ends_with(w, "event_cue")}
    heads = "|".join(sorted(set(heads.split("|")) | own, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?:^|(?<=[\s“\"(]))({heads})(?=은|는|이|가|에는|에서|에|을|를|의|도|"
                         rf"\s\d+기)", text, flags=re.M):
        # (실증허브는: a guess that the bare word is an unknown company gives way)
        guess = next((c for c in cands if c.start == m.start() and c.end == m.end()
                      and c.rule == "unknown-org"), None)
        if guess is None and any(c.start <= m.start() < c.end for c in cands):
            continue
        names = {strip_name(split_alias(strip_name(text[c.start:c.end]))[0]): c
                 for c in things if c.end <= m.start()
                 and strip_name(text[c.start:c.end]).endswith(m.group(1))}
        if len(names) != 1:
            continue  # none, or two centres: which one is not said
        name, src = next(iter(names.items()))
        if guess is not None:
            guess.type, guess.rule, guess.canonical = src.type, "anaphor-head", name
            continue
        out.append(Candidate(m.start(), m.end(), src.type, "anaphor-head", canonical=name))
    return out


ORDERER_EXAMPLES = [
    ("가온정보는 ▲국토교통부 ‘건축 AI 민원 서비스 구축’(61억 원) ▲특허청 ‘AI 심사 지원’(20억 원) "
     "사업을 땄다. 국토부 사업은 도면을 검토한다.", {("Program", "건축 AI 민원 서비스 구축")}),
    ("시는 ▲특허청 ‘AI 심사 지원’(20억 원) 사업을 맡는다. 특허청 사업에는 3곳이 참여한다.",
     {("Program", "AI 심사 지원")}),
    ("가온정보는 국토교통부 ‘건축 AI 민원 서비스 구축’ 사업을 땄다. 특허청 사업은 다른 회사가 땄다.",
     set()),
    ("국토부 사업은 도면을 검토한다.", set()),
]


@entity_rule("anaphor-orderer", DOCUMENT, priority=3, examples=ORDERER_EXAMPLES)
def orderer_anaphora(d: Document) -> list[Candidate]:
    """국토부 사업은: the one programme written right after that body's name before
    (▲국토교통부 ‘건축행정 AI 민원 사전검토 서비스 구축’)."""
    text, cues = d.text, d.cues
    cands = sorted(d.found, key=lambda c: c.start)
    heads = "|".join(sorted(cues.program_anaphor, key=len, reverse=True))

    def key(c: Candidate) -> str:
        return c.canonical or strip_name(text[c.start:c.end])

    ordered: dict[str, dict[str, Candidate]] = {}
    for a, b in zip(cands, cands[1:]):
        if a.type == "Organization" and b.type == "Program" and a.end <= b.start \
                and not text[a.end:b.start].strip():
            name = strip_name(split_alias(strip_name(text[b.start:b.end]))[0])
            ordered.setdefault(key(a), {})[name] = b
    out = []
    for c in cands:
        programs = ordered.get(key(c), {}) if c.type == "Organization" else {}
        m = re.match(rf"\s({heads})(?=은|는|이|가|에는|에서는|에서|에|을|를|의|도)", text[c.end:])
        if m is None or len(programs) != 1:
            continue
        name, src = next(iter(programs.items()))
        if src.end <= c.start:
            s = c.end + m.start(1)
            out.append(Candidate(s, s + len(m.group(1)), src.type, "anaphor-orderer",
                                 canonical=name))
    return out


ORG_EXAMPLES = [
    ("새올행정시스템은 한국지역정보개발원이 운영한다. 개발원은 올해 AI를 붙인다.",
     {("Organization", "한국지역정보개발원")}),
    ("한국지능정보사회진흥원은 공모를 연다. 진흥원이 과제를 고른다.",
     {("Organization", "한국지능정보사회진흥원")}),
    ("한국전자통신연구원은 모델을 만든다. 연구원은 실험을 했다.", set()),
    ("개발원은 올해 AI를 붙인다.", set()),
    ("인공지능산업융합사업단은 광주에 있다. 올해 사업단이 집행하는 예산은 1,120억 원이다.",
     {("Organization", "인공지능산업융합사업단")}),
    ("한국지역정보개발원과 한국교육개발원이 협약을 맺었다. 개발원은 올해 AI를 붙인다.", set()),
]


@entity_rule("anaphor-org", DOCUMENT, priority=2, examples=ORG_EXAMPLES)
def org_head_anaphora(d: Document) -> list[Candidate]:
    """개발원은, 진흥원이: a body named again by the last word of its long name
    (한국지역정보개발원 … 개발원은), when one body named before ends with it. A title
    (연구원: a researcher) is never read so."""
    text, cands, cues = d.text, d.found, d.cues
    orgs = sorted((c for c in cands if c.type == "Organization"), key=lambda c: c.start)
    out = []
    for m in re.finditer(r"(?<![가-힣A-Za-z])([가-힣]{3,5})(?=은|는|이|가|에서|에|을|를|의|과|와|도)",
                         text):
        word = m.group(1)
        # (사업단, 센터: heads that also end programmes' names, when none is named so)
        if word in cues.title or word in d.lex.names or not (
                word.endswith(tuple(cues.org_suffix)) or word in cues.head_anaphor and not any(
                    c.type in ("Program", "Initiative") and c.end <= m.start()
                    and strip_name(text[c.start:c.end]).endswith(word) for c in cands)) \
                or any(c.start <= m.start() < c.end for c in cands):
            continue
        names = {c.canonical or strip_name(text[c.start:c.end]) for c in orgs
                 if c.end <= m.start()}
        # (서울 중구 개발원 is the bare word with an address before it, not a long name)
        fits = {n for n in names if n.split()[-1].endswith(word)
                and len(n.split()[-1]) > len(word) + 1}
        if len(fits) == 1:
            out.append(Candidate(m.start(), m.start() + len(word), "Organization",
                                 "anaphor-org", canonical=fits.pop()))
    return out


LOCAL_EXAMPLES = [
    ("구미시는 ‘AI 제조 허브’를 연다. 시와 KT는 지난 8월 투자협약을 맺었다.",
     {("Organization", "구미시")}),
    ("전라남도와 해남군은 데이터센터 유치에 나섰다. 도와 군은 인허가 전담팀을 꾸렸다.",
     {("Organization", "전라남도"), ("Organization", "해남군")}),
    ("광주시는 ‘AI 빛고을 펀드’를 만든다. 펀드는 200억 원 규모로, 시가 60억 원을 출자한다.",
     {("Organization", "광주광역시")}),
    ("시와 KT는 지난 8월 투자협약을 맺었다.", set()),
    ("오후 3시에 열린다. 구미시는 회의를 연다.", set()),
    ("구미시는 ‘AI 제조 허브’를 연다. 시는 올해 예산을 늘렸다.", set()),
]


@entity_rule("anaphor-local", DOCUMENT, priority=2, examples=LOCAL_EXAMPLES)
def local_government_anaphora(d: Document) -> list[Candidate]:
    """시가, 도와 군은, 시의: a local government named again by its kind (시, 도, 군, 구),
    a word of its own, when one of that kind was named before."""
    text, cands = d.text, sorted(d.found, key=lambda c: c.start)
    out = []
    for m in re.finditer(r"(?<![^\s\[(“‘\"'□ㅇ○▶·-])(시|도|군|구)"
                         r"(?=(이|가|은|는|와|과|도|의|에|에서|로|으로)[\s,])", text):
        if any(c.start <= m.start() < c.end for c in cands):
            continue
        if m.group(2) in ("은", "는") and re.fullmatch(
                rf"[\s\S]*(^|[.!?]\s|\n)[ \t]*({LINE_BULLET}\s*)?",
                text[max(0, m.start() - 8):m.start()]):
            continue  # (시는 …: a sentence's topic is its actor already, kg/discourse.py)
        named = [c for c in cands if c.type == "Organization" and c.end <= m.start()
                 and d.lex.group_of(c.canonical or strip_name(text[c.start:c.end]))
                 == "local-governments"
                 and (c.canonical or strip_name(text[c.start:c.end])).endswith(m.group(1))]
        if named:
            c = named[-1]
            out.append(Candidate(m.start(), m.end(), "Organization", "anaphor-local",
                                 canonical=c.canonical or strip_name(text[c.start:c.end])))
    return out
