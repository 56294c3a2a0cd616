"""Relations Korean states inside a noun phrase:

- a relative clause, [A가 운영하는] X, [A가 주최하는] X, [A가 도입한] X: A operates,
  organizes, uses or joins X by the clause's verb;
- a possessive, A의 X: A's product or program (업스테이지의 거대언어모델 '솔라');
- a place before an organisation, 판교의 세미브레인, 대전 소재 다온시스템: where it is.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, Slot, relative_verb
from kg.morphology import strip_name
from kg.rules import Found, relation_rule

_BY_VERB = (("verb_organize", "organizes", ("Event",)),
            ("verb_join", "participatesIn", ("Program", "Initiative", "Event")),
            ("verb_use", "uses", ("Product", "Organization")),
            ("verb_operate", "operates", ("Program", "Initiative", "Product")),
            ("verb_publish", "operates", ("Program", "Initiative")))

EXAMPLES = [
    ("셀리아랩스의 흉부 CT 판독 보조 AI ‘루미스캔’은 허가를 받았다.", {("셀리아랩스", "operates", "루미스캔")}),
    ("이번 사업은 정부가 지난해 발표한 「공공 AI 전환 기본계획」의 핵심 과제다.",
     {("대한민국 정부", "operates", "공공 AI 전환 기본계획")}),
    ("국가정보원이 지난해 배포한 ‘생성형 AI 활용 보안 가이드라인’은 입력을 막는다.",
     {("국가정보원", "operates", "생성형 AI 활용 보안 가이드라인")}),
    ("행안부는 국민권익위원회가 운영하는 ‘국민신문고’에 새 기능을 붙인다.",
     {("국민권익위원회", "operates", "국민신문고")}),
    ("한국데이터진흥협회가 주최하는 ‘데이터 나눔 포럼’이 열렸다.",
     {("한국데이터진흥협회", "organizes", "데이터 나눔 포럼")}),
    ("공단은 업스테이지의 거대언어모델 ‘솔라’를 쓴다.", {("업스테이지", "operates", "솔라")}),
    ("빛고을로보틱스가 개발한 4족 보행 로봇 ‘빛지기’가 공개됐다.", {("빛고을로보틱스", "operates", "빛지기")}),
    ("판교의 팹리스 세미누리와 대전 소재 다온시스템이 참여했다.",
     {("세미누리", "locatedIn", "판교"), ("다온시스템", "locatedIn", "대전")}),
    ("경북 구미에 본사를 둔 다정로보틱스가 기기를 공급한다.",
     {("다정로보틱스", "locatedIn", "경북"), ("다정로보틱스", "locatedIn", "구미")}),
    ("돌봄로봇 ‘효심이’를 만든 다정로보틱스가 참여한다.", {("다정로보틱스", "operates", "효심이")}),
    ("광주 스타트업 에이아이닥이 만든 흉부 엑스레이 판독 AI ‘체스트리드’는 혁신제품으로 지정됐다.",
     {("에이아이닥", "operates", "체스트리드"), ("에이아이닥", "locatedIn", "광주")}),
    ("가온소프트는 업스테이지의 문서 인식 엔진 ‘Document Parse’와 거대언어모델 ‘Solar Pro’를 쓴다.",
     {("업스테이지", "operates", "Document Parse"), ("업스테이지", "operates", "솔라 프로")}),
    ("미국 클라우드 기업 알타이르 클라우드가 한국에 투자한다.",
     {("알타이르 클라우드", "locatedIn", "미국")}),
    ("구축은 네이버클라우드 파트너사인 에이브레인이 맡았다.",
     {("네이버클라우드", "partnersWith", "에이브레인")}),
    ("구축은 네이버클라우드의 협력사인 안산 지역 IT 기업 한결정보기술이 맡았다.",
     {("네이버클라우드", "partnersWith", "한결정보기술"), ("한결정보기술", "locatedIn", "안산")}),
    ("브릭스비전, 아이언로직은 모두 구미에 본사를 둔 스타트업이다.",
     {("브릭스비전", "locatedIn", "구미"), ("아이언로직", "locatedIn", "구미")}),
    ("솔트룩스는 직원 400명 규모의 서울 소프트웨어 기업이다.", {("솔트룩스", "locatedIn", "서울")}),
    ("노바인사이트는 2022년 서울 성동구에서 설립됐다.",
     {("노바인사이트", "locatedIn", "서울"), ("노바인사이트", "locatedIn", "성동구")}),
    ("메디코어AI는 2020년 광주 북구에서 창업한 기업이다.",
     {("메디코어AI", "locatedIn", "광주"), ("메디코어AI", "locatedIn", "북구")}),
    ("구축은 MS의 국내 파트너사인 클라우드브릿지가 맡았다.",
     {("마이크로소프트", "partnersWith", "클라우드브릿지")}),
    ("음성 부문에는 음성인식 전문기업 보이스루프가 KT의 협력사로 참여한다.",
     {("KT", "partnersWith", "보이스루프")}),
    ("KT의 국내 협력사 수는 늘었다.", set()),
    ("솔트룩스는 네이버클라우드의 공공 부문 협력사이기도 하다.", {("네이버클라우드", "partnersWith", "솔트룩스")}),
    ("참여 기업은 다온시스템(대전)과 가람랩스(광주)다.",
     {("다온시스템", "locatedIn", "대전"), ("가람랩스", "locatedIn", "광주")}),
    ("가온정보는 ▲국토교통부 ‘건축 AI 민원 서비스 구축’(61억 원) 사업을 따냈다.",
     {("국토교통부", "operates", "건축 AI 민원 서비스 구축")}),
    ("LG CNS가 국세청이 발주한 650억원 규모의 ‘차세대 국세행정시스템 구축 사업’을 따냈다.",
     {("국세청", "operates", "차세대 국세행정시스템 구축 사업")}),
    ("19일 조달청 나라장터에 따르면 사업이 공고됐다.", {("조달청", "operates", "나라장터")}),
    ("올해 행안부 AI 민원비서 시범사업에 4곳이 참여한다.", {("행정안전부", "operates", "AI 민원비서 시범사업")}),
    ("이 과제는 과기정통부 디지털 공공서비스 혁신 프로젝트로 선정됐다.",
     {("과학기술정보통신부", "operates", "디지털 공공서비스 혁신 프로젝트")}),
    ("정부의 예산이 늘었다.", set()),
    ("한국수력원자력은 경북 경주 본사에서 드론 기업 솔트룩스와 협약을 맺었다.",
     {("한국수력원자력", "locatedIn", "경북"), ("한국수력원자력", "locatedIn", "경주")}),
    ("수원 지역 IT기업 다온정보가 네이버클라우드의 초거대 AI를 바탕으로 개발했다.",
     {("다온정보", "locatedIn", "수원")}),
]


@relation_rule("clause", priority=9, examples=EXAMPLES)
def noun_phrases(ctx: Context) -> Iterator[Found]:
    for x in ctx.slots:
        if x.role.startswith("relsubj") and x.mention.type == "Organization":
            yield from _relative(ctx, x)
        elif x.role == "gen" and x.mention.type == "Organization":
            for y in _possessed(ctx, x):
                yield Found(x.index, "operates", y.index, "clause.possessive")
        elif x.mention.type == "Organization" and x.role != "gen":
            # ▲국토교통부 ‘건축행정 AI 민원 서비스 구축’(61억 원), 행안부 AI 민원비서
            # 시범사업에 (one phrase): the body that orders it;
            # 조달청 나라장터, 네이버 하이퍼클로바X: the maker right before its product
            y = _next(ctx, x, 1)
            if y is not None and not ctx.text[
                    x.mention.end - ctx.sent.start_char:y.mention.start - ctx.sent.start_char
                    ].strip() and (y.mention.type == "Product" or y.mention.type == "Program"
                                   and x.role in ("", y.role) and ctx.public_body(x.index)):
                yield Found(x.index, "operates", y.index, "clause.orderer")
        if x.mention.type == "Organization":
            yield from _made_by(ctx, x)
            yield from _partner_of(ctx, x)
            # 해솔AI(포항), 다온시스템(대전): a body's seat in parentheses after its name
            after = ctx.text[x.mention.end - ctx.sent.start_char:]
            for p in ctx.of_type("Place"):
                if after.startswith("(" + p.mention.text + ")") and \
                        p.mention.start == x.mention.end + 1:
                    yield Found(x.index, "locatedIn", p.index, "clause.seat")
        # (한수원은 경북 경주 본사에서 A와 협약을 맺었다: the subject's own premises)
        premises = x.mention.type == "Place" and re.match(
            rf"\s*({ctx.cues.pattern('premises').pattern})(에서|에)\s",
            ctx.text[x.mention.end - ctx.sent.start_char:])
        if premises:
            host = next((o for o in ctx.orgs if o.role.startswith("subj") and not o.quoted
                         and o.mention.end <= x.mention.start), None)
            if host is not None:
                for place in _chain(ctx, x):
                    yield Found(host.index, "locatedIn", place.index, "clause.premises")
            continue
        # (A는 … 대전 소프트웨어 기업이다: a place in what the subject is said to be)
        said = x.mention.type == "Place" and re.match(
            rf"(\s+[^\s,.]+){{0,3}}?\s+({ctx.cues.pattern('org_descriptor').pattern})"
            rf"(이다|이며|이고|으로)", ctx.text[x.mention.end - ctx.sent.start_char:])
        if x.mention.type == "Place" and (x.role == "gen" or _word_after(ctx, x) in
                                          ctx.cues.located or _seated(ctx, x)
                                          or _described_after(ctx, x) or said):
            nxt = _next(ctx, x, 5)
            if nxt is not None and nxt.mention.type == "Organization":
                for place in _chain(ctx, x):
                    yield Found(nxt.index, "locatedIn", place.index, "clause.place")
            elif nxt is None and (_seated(ctx, x) or said):
                # A, B는 모두 구미에 본사를 둔 스타트업이다: the subjects before are seated there
                for o in ctx.orgs:
                    if o.role.startswith("subj") and not o.quoted and \
                            o.mention.end <= x.mention.start:
                        for place in _chain(ctx, x):
                            yield Found(o.index, "locatedIn", place.index, "clause.seated")


def _relative(ctx: Context, x: Slot) -> Iterator[Found]:
    head = x
    if x.role == "relsubj*":  # 전자신문과 협회가 개최한 X: the list shares its last member's verb
        head = next((y for y in ctx.slots if y.role == "relsubj"
                     and y.mention.start > x.mention.start), x)
    j = relative_verb(ctx.words, head.word, ctx.cues)
    if j is None:
        return
    verb = ctx.words[j]
    thing = next((y for y in ctx.slots if verb.end <= y.mention.start <= verb.end + 3
                  and y.index != x.index), None)
    if thing is None:  # A가 개발한 4족 보행 로봇 ‘빛지기’: over the words that describe it
        thing = next((y for y in sorted(ctx.slots, key=lambda s: s.mention.start)
                      if y.mention.start >= verb.end and y.index != x.index), None)
        gap = "" if thing is None else ctx.text[verb.end - ctx.sent.start_char:
                                                thing.mention.start - ctx.sent.start_char]
        # (the words between describe it: no particle ends one, 엑스레이 is a noun)
        between = [w for w in ctx.words if verb.end <= w.start and thing is not None
                   and w.end <= thing.mention.start]
        if thing is None or thing.mention.type != "Product" or \
                len([g for g in gap.split() if g.strip("‘'“\"")]) > 5 or \
                re.search(r"[,.(]", gap) or any(w.tail_tag.startswith("J") for w in between):
            thing = None
    if thing is not None and thing.mention.type == "Investment":
        # 국세청이 발주한 650억원 규모의 ‘X’: over the sum that sizes it
        scale = ctx.cues.pattern("scale").pattern
        after = thing.mention.end
        thing = next((y for y in ctx.slots if y.mention.start >= after and re.fullmatch(
            rf"\s*({scale})?의?\s*[‘'“\"]?", ctx.text[after - ctx.sent.start_char:
                                                 y.mention.start - ctx.sent.start_char])), None)
    if thing is None:
        return
    for kind, predicate, types in _BY_VERB:
        if ctx.cues.pattern(kind).search(verb.text) and thing.mention.type in types:
            yield Found(x.index, predicate, thing.index, "clause.relative")
            return


def _possessed(ctx: Context, x: Slot) -> list[Slot]:
    """업스테이지의 문서 인식 엔진 ‘Document Parse’와 거대언어모델 ‘Solar Pro’: what an
    organisation's possessive names, over a few descriptive words and a list."""
    first = _next(ctx, x, 7)
    if first is None or first.mention.type not in ("Product", "Program", "Initiative"):
        return []
    between = [w for w in ctx.words if x.mention.end <= w.start and w.end <= first.mention.start]
    if len(between) > 4 and not all(w.noun_only for w in between):
        return []  # (셀리아랩스의 흉부 CT 판독 보조 AI ‘루미스캔’: nouns only, when many)
    out = [first]
    for y in sorted(ctx.slots, key=lambda s: s.mention.start):
        if y.mention.start <= out[-1].mention.end:
            continue
        gap = ctx.text[out[-1].mention.end - ctx.sent.start_char:y.mention.start - ctx.sent.start_char]
        if y.mention.type == first.mention.type and (out[-1].role.startswith("conj")
                                                     or out[-1].role.endswith("*")) \
                and len(gap.split()) <= 3 and not re.search(r"[.의]\s", gap):
            out.append(y)
        else:
            break
    return out


def _partner_of(ctx: Context, x: Slot) -> Iterator[Found]:
    """네이버클라우드 파트너사인 에이브레인, A의 협력사 B: B works with A."""
    rest = ctx.text[x.mention.end - ctx.sent.start_char:]
    # (MS의 국내 파트너사인 B, AWS 프리미어 파트너인 B: a word or two may describe it)
    m = re.match(rf"(의)?\s*([가-힣]{{1,5}}\s){{0,2}}?({ctx.cues.pattern('partner_word').pattern})"
                 rf"(인|이자|로서|로|이기도|이며|이고|이다|다)?(\s+|[.]|$)", rest)
    if m is None:
        return
    if m.group(4) not in (None, "인", "이자", "로서"):
        # B가 A의 협력사로 참여한다, B는 A의 협력사다: the subject before is the partner
        y = next((y for y in ctx.orgs if y.role.startswith("subj") and not y.quoted
                  and y.mention.end <= x.mention.start and y.index != x.index), None)
        if y is not None:
            yield Found(x.index, "partnersWith", y.index, "clause.partner")
        return
    at = x.mention.end + m.end()
    # … 협력사인 안산 지역 IT 기업 한결정보기술: over a few words describing it
    y = next((y for y in sorted(ctx.orgs, key=lambda o: o.mention.start)
              if y.mention.start >= at), None)
    gap = "" if y is None else ctx.text[at - ctx.sent.start_char:
                                        y.mention.start - ctx.sent.start_char]
    if y is not None and len(gap.split()) <= 4 and not re.search(r"[,.(]|[은는이가을를]\s", gap):
        yield Found(x.index, "partnersWith", y.index, "clause.partner")


def _made_by(ctx: Context, org: Slot) -> Iterator[Found]:
    """돌봄로봇 ‘효심이’를 만든 다정로보틱스: [X를 V-ETM] organisation."""
    k = next((i for i, w in enumerate(ctx.words) if w.start <= org.mention.start < w.end), None)
    if k is None:
        return
    for j in range(k - 1, max(k - 4, 0) - 1, -1):
        tags = [t for tag in ctx.words[j].tags for t in tag.split("+")]
        if tags and tags[-1] == "ETM":
            verb = ctx.words[j]
            thing = next((y for y in ctx.slots if y.role.startswith("obj")
                          and 0 <= verb.start - y.mention.end <= 3), None)
            if thing is None:
                return
            for kind, predicate, types in _BY_VERB:
                if ctx.cues.pattern(kind).search(verb.text) and thing.mention.type in types \
                        and predicate in ("operates", "uses"):
                    yield Found(org.index, predicate, thing.index, "clause.made-by")
                    return
            return
        if not ctx.words[j].noun_only:
            return


def _described_after(ctx: Context, x: Slot) -> bool:
    """미국 클라우드 기업 알타이르, 일본 설비 기업 ‘코스모쿨’: a place, a few words and a
    descriptor before an organisation."""
    rest = ctx.text[x.mention.end - ctx.sent.start_char:]
    # (수원 지역 IT기업 다온정보: the descriptor may have a word glued before it)
    m = re.match(rf"(\s+[^\s,.]+){{0,3}}?\s+[A-Za-z가-힣]{{0,4}}?"
                 rf"({ctx.cues.pattern('org_descriptor').pattern})\s+\S", rest)
    return m is not None


def _seated(ctx: Context, x: Slot) -> bool:
    """경북 구미에 본사를 둔 X: a place where an organisation has its seat."""
    rest = ctx.text[x.mention.end - ctx.sent.start_char:]
    return re.match(rf"\S{{0,2}}\s*({ctx.cues.pattern('seat').pattern})", rest) is not None


def _chain(ctx: Context, x: Slot) -> list[Slot]:
    """The place and the places written right before it: 경북 구미 -> 경북, 구미."""
    out = [x]
    while True:
        prev = next((y for y in ctx.slots if y.mention.type == "Place"
                     and y.mention.end + 1 == out[0].mention.start), None)
        if prev is None:
            return out
        out.insert(0, prev)


def _next(ctx: Context, x: Slot, within: int) -> Slot | None:
    """The next mention starting within a few words after x's noun phrase."""
    after = [y for y in ctx.slots if y.mention.start >= x.mention.end]
    if not after:
        return None
    y = min(after, key=lambda s: s.mention.start)
    k = next((i for i, w in enumerate(ctx.words) if w.start <= y.mention.start < w.end), None)
    return y if k is not None and k - x.word <= within else None


def _word_after(ctx: Context, x: Slot) -> str:
    """The word right after the mention's own word."""
    k = next((i for i, w in enumerate(ctx.words) if w.start <= x.mention.end - 1 < w.end), None)
    return strip_name(ctx.words[k + 1].stem) if k is not None and k + 1 < len(ctx.words) else ""
