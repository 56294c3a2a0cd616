"""What the acting organisation operates, supports, uses or joins."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, Slot, in_scope
from kg.rules import Found, relation_rule
from kg.rules.relations.participation import selected_for


EXAMPLES = [
    # (컨소시엄은: the consortium named before acts)
    ("행안부는 가온정보 컨소시엄과 계약을 맺었다. 컨소시엄은 솔트룩스의 ‘루시아’를 기반으로 시스템을 만든다.",
     {("가온정보 컨소시엄", "uses", "루시아")}),
    ("한국전자통신연구원은 AI 반도체 설계 인력 사업을 운영한다.",
     {("한국전자통신연구원", "operates", "AI 반도체 설계 인력 사업")}),
    ("행안부는 범정부 AI 공통 기반을 구축한다.", {("행정안전부", "operates", "범정부 AI 공통기반")}),
    ("행안부는 ‘AI 공통플랫폼’ 도입도 검토하고 있지만 일정은 정하지 못했다.", set()),
    ("서울시는 ‘AI 민원 상담 서비스’ 도입을 검토하고 있다.", set()),
    ("과기정통부와 NIA는 ‘AI 바우처 사업’을 추진한다.",
     {("과학기술정보통신부", "operates", "AI 바우처 사업"),
      ("한국지능정보사회진흥원", "operates", "AI 바우처 사업")}),
    ("대신정보통신은 ‘AI 민원 플랫폼 구축 사업’을 수행한다.",
     {("대신정보통신", "participatesIn", "AI 민원 플랫폼 구축 사업")}),
    ("네이버는 ‘AI 3대 강국’ 실현에 힘을 보태겠다고 말했다.",
     {("네이버", "supports", "AI 3대 강국")}),
    ("NIA는 네이버클라우드, KT와 각각 업무협약을 맺었다. 두 기업은 협약에 따라 ‘AI 선도 프로젝트’에 GPU "
     "자원을 지원한다.", {("네이버클라우드", "supports", "AI 선도 프로젝트"), ("KT", "supports", "AI 선도 프로젝트")}),
    ("솔트룩스는 생성형 AI 플랫폼 ‘루시아’를 국민연금공단에 공급한다.",
     {("솔트룩스", "operates", "루시아"), ("국민연금공단", "uses", "루시아")}),
    ("김하늘 한국지역정보개발원장을 만났다.\n\n- 인재 양성은 따로 하나.\n\n“‘AI 챌린지 아카데미’를 올해 "
     "새로 운영합니다. 교육생은 240명입니다.”",
     {("한국지역정보개발원", "operates", "AI 챌린지 아카데미")}),
    ("김하늘 보담AI 대표를 만났다.\nQ. 실패도 있었나.\nA. 국방부의 ‘AI 문서 분석 사업’에 도전했다가 2순위로 "
     "고배를 마셨습니다.", set()),
    ("정부는 AI 윤리 기준을 발표했다.", set()),
    # a plan made toward a goal: the body making it pursues the goal, a company backs it
    ("행안부는 ‘디지털 행정 강국’ 도약을 위한 중장기 전략을 발표했다.",
     {("행정안전부", "operates", "디지털 행정 강국")}),
    ("과기정통부는 세계 ‘AI 3강’을 향한 구체적인 정책 수립에 돌입했다.",
     {("과학기술정보통신부", "operates", "AI 3대 강국")}),
    ("네이버는 ‘AI 3대 강국’ 실현을 위한 사업 계획을 내놨다.", {("네이버", "supports", "AI 3대 강국")}),
    ("행안부는 ‘디지털 행정 강국’ 도약을 위한 전략을 논의할 계획이다.", set()),
    ("서울시는 직원용 업무 도우미 ‘서울 AI 비서’를 지난 7월부터 운영하고 있다.",
     {("서울특별시", "operates", "서울 AI 비서")}),
    ("업무용 AI 비서 ‘모아’는 올해 인사혁신처와 통계청 등 12개 부처에 시범 도입됐다.",
     {("인사혁신처", "uses", "모아"), ("국가데이터처", "uses", "모아")}),
    ("KT는 공공 사업을 잇달아 따냈다.\n| 병무청 | ‘AI 상담 서비스 구축’ | 다온정보 |", set()),
    ("네이버클라우드는 초거대 AI ‘하이퍼클로바X’와 공공 전용 클라우드를 공급한다.",
     {("네이버클라우드", "operates", "하이퍼클로바X")}),
    ("KT는 업스테이지의 ‘솔라 프로’를 도입했다.",
     {("KT", "uses", "솔라 프로"), ("업스테이지", "operates", "솔라 프로")}),
    ("경기도는 마이크로소프트의 ‘애저 오픈AI 서비스’를 골랐다.", {("경기도", "uses", "애저 오픈AI"),
                                                            ("마이크로소프트", "operates", "애저 오픈AI")}),
    ("메디코어AI는 자사 흉부 엑스레이 판독 보조 솔루션 ‘루미스캔’의 고도화를 맡는다.",
     {("메디코어AI", "operates", "루미스캔")}),
    ("솔트룩스는 NIA가 주관하는 ‘공공 AI 실증’ 사업에 참여한다.", set()),
    ("솔트룩스는 ‘공공 AI 실증’ 사업을 맡아 모델을 만든다.",
     {("솔트룩스", "participatesIn", "공공 AI 실증 사업")}),
    ("NIA는 ‘공공 AI 실증’ 사업을 맡아 과제를 관리한다.",
     {("한국지능정보사회진흥원", "operates", "공공 AI 실증 사업")}),
    ("보담AI는 공공 문서를 다루는 회사다. 주력 제품은 문서 이해 솔루션 ‘거브렌즈’와 음성 상담 솔루션 "
     "‘콜메이트’입니다.", {("보담AI", "operates", "거브렌즈"), ("보담AI", "operates", "콜메이트")}),
    ("코다브릿지는 문서 작성 서비스 ‘공문AI 2.0’을 출시했다. ‘공문AI 2.0’의 첫 도입 기관은 한국조폐공사다.",
     {("코다브릿지", "operates", "공문AI 2.0"), ("한국조폐공사", "uses", "공문AI 2.0")}),
    ("‘공문AI 2.0’을 도입한 기관은 아직 없다.", set()),
    ("도담에이아이는 행사 첫날 공공 민원 에이전트 ‘도담 민원비서 2.0’을 처음 공개했다. 민원 접수부터 처리 결과 "
     "안내까지 처리하는 서비스로, 용인시와 안산시가 내년 도입을 확정했다.",
     {("도담에이아이", "operates", "도담 민원비서 2.0"), ("용인특례시", "uses", "도담 민원비서 2.0"),
      ("안산시", "uses", "도담 민원비서 2.0")}),
    ("도담에이아이는 ‘도담 민원비서 2.0’을 공개했다. 용인시는 내년 도입을 검토하고 있다.",
     {("도담에이아이", "operates", "도담 민원비서 2.0")}),
    ("가장 큰 ‘범정부 AI 공통기반 고도화 사업’은 국가정보자원관리원이 맡는다. 관리원은 네이버클라우드, "
     "KT클라우드와 각각 업무협약을 맺었으며, 두 회사는 내년부터 이 사업에 민간 GPU 자원을 공급한다.",
     {("네이버클라우드", "participatesIn", "범정부 AI 공통기반 고도화 사업"),
      ("KT클라우드", "participatesIn", "범정부 AI 공통기반 고도화 사업")}),
    ("강원특별자치도와 춘천시는 네이버클라우드의 인허가와 전력 인입을 지원한다.",
     {("강원특별자치도", "supports", "네이버클라우드"), ("춘천시", "supports", "네이버클라우드")}),
    ("경상북도는 별도로 KT에 전력 인입 공사비 명목의 도비 50억 원을 지원한다.",
     {("경상북도", "supports", "KT")}),
    ("네이버클라우드는 KT의 데이터센터 구축을 지원한다.", set()),
    ("‘리브독스’는 현재 국세청과 국민연금공단 등 공공기관 14곳이 쓰고 있다.",
     {("국세청", "uses", "리브독스"), ("국민연금공단", "uses", "리브독스")}),
    ("국립공원공단은 민원 답변에, 한국산업인력공단은 시험 문의 응대에 ‘리브독스’를 쓰고 있다.",
     {("국립공원공단", "uses", "리브독스"), ("한국산업인력공단", "uses", "리브독스")}),
    ("솔트룩스는 음성 AI ‘보이스차트’를, 네이버클라우드는 거대언어모델 ‘하이퍼클로바X’를 제공한다.",
     {("솔트룩스", "operates", "보이스차트"), ("네이버클라우드", "operates", "하이퍼클로바X")}),
    ("국세청은 민원에 대응하고, 한국산업인력공단은 ‘리브독스’를 쓰고 있다.",
     {("한국산업인력공단", "uses", "리브독스")}),
    ("회사는 상담 에이전트 ‘민원봇 M’을 경기도교육청과 김해시 등 9개 기관이 쓰고 있다고 말했다.",
     {("경기도교육청", "uses", "민원봇 M"), ("김해시", "uses", "민원봇 M")}),
    ("공단은 SK텔레콤의 ‘에이닷엑스’를 기반 모델로 쓰고, 솔트룩스는 검색 엔진을, 누리웍스는 보조 화면을 각각 "
     "개발한다.", {("SK텔레콤", "operates", "에이닷엑스")}),
    ("윤채원 한국지방행정연구원 실장을 만났다.\n\n― 도입이 빨라졌다.\n“행안부의 ‘지방정부 AI 확산 지원사업’이 "
     "마중물 역할을 했습니다. 한국지역정보개발원이 운영하는 ‘지방정부 AI 공통 플랫폼’ 같은 인프라가 중요합니다.”",
     set()),
    ("행안부는 내년 예산을 늘린다. 대표적인 사업으로는 NIA가 추진하는 ‘AI 민원 플랫폼 구축 사업’과 부산시 "
     "‘AI 항만 단지 조성 사업’을 꼽을 수 있다.", set()),
    ("과기정통부는 내년 예산을 늘린다. 대표적인 사업으로는 ‘AI 바우처 구축 사업’과 부산시 ‘AI 항만 단지 조성 "
     "사업’을 꼽을 수 있다.", {("과학기술정보통신부", "operates", "AI 바우처 구축 사업")}),
    ("행안부는 내년 예산을 늘린다. 대표적인 사업으로는 ‘공공 AI 구축 사업’과 경기도의 ‘AI 돌봄 마을 조성 사업’을 "
     "꼽을 수 있다.", {("행정안전부", "operates", "공공 AI 구축 사업")}),
]


@relation_rule("operation", priority=5, examples=EXAMPLES)
def operations(ctx: Context) -> Iterator[Found]:
    """Each thing belongs to the subject nearest before it (a sentence may have several
    clauses: A는 X를 만들고, B는 Y를 제공한다), or to the group or actor of the sentence;
    the verb of its own clause says how."""
    if ctx.says("contract_won"):
        return  # A가 X 사업을 수주했다: the winner takes part (participation.py), runs nothing
    if selected_for(ctx):
        return  # A가 X 공급기업으로 선정됐다: the one selected takes part (participation.py)
    yield from _users(ctx)
    yield from _makers(ctx)
    yield from _public_backing(ctx)
    for x in ctx.things:
        for actor in _actors_of(ctx, x):
            if ctx.mentions[actor].type == "Organization":
                yield from _operation(ctx, x, actor)


def _operation(ctx: Context, x: Slot, actor: int) -> Iterator[Found]:
    text, cues = ctx.text, ctx.cues
    clause = _clause_after(ctx, x)
    if clause is not None and ctx.cues.pattern("under_review").search(clause):
        return  # (행안부는 X 도입도 검토하고 있지만: under review, run by no one yet)
    operate, use = _says(ctx, "verb_operate", clause), _says(ctx, "verb_use", clause)
    # ([NIA가 주관하는] X 사업에 참여한다: the relative clause's subject runs X, not the actor)
    operate = operate or (x.mention.type != "Product" and _run_before(ctx, x) and not any(
        o.role == "relsubj" and o.mention.end <= x.mention.start for o in ctx.orgs))
    if x.role.startswith("dat") and (_says(ctx, "verb_join", clause)
                                     or _says(ctx, "passive_select", clause)):
        return  # X 사업에 참여한다, X에 선정돼: joining (participation.py), not running
    support = _says(ctx, "verb_support", clause)
    if x.mention.type == "Product":
        own = ctx.text[max(0, x.mention.start - ctx.sent.start_char - 40):
                       x.mention.start - ctx.sent.start_char]
        # 자체 거대언어모델 하이퍼클로바X, 자체 개발한 생성형 AI 플랫폼 ‘패브릭스’: own, a
        # few words back
        if re.search(rf"(^|\s)({cues.pattern('own').pattern})\S*(\s+[^\s,.]+){{0,6}}\s*$", own):
            yield Found(actor, "operates", x.index, "operation.own-product")
        elif use and (x.role.startswith(("obj", "conj")) or x.role in ("obj~", "")):
            yield Found(actor, "uses", x.index, "operation.uses")
        elif ctx.speaker or operate and x.role.startswith("obj") or x.role.startswith("pred") \
                and re.match(rf"\s*(\S+\s)?({cues.pattern('own_topic').pattern})(은|는)\s", text):
            # (주력 제품은 ‘거브렌즈’와 ‘콜메이트’입니다: the acting company's)
            yield Found(actor, "operates", x.index, "operation.product")
        return
    if x.mention.type == "Initiative" and _plan_toward(ctx, x):
        # (a company backs the goal a plan of its own serves: ANNOTATION.md, supports)
        yield Found(actor, "supports" if ctx.company(actor) else "operates", x.index,
                    "operation.goal")
        return
    if ctx.speaker and not x.quoted and not ctx.state.extra.get("answering"):
        return  # (an interview's answer is the interviewee's own account)
    # (only a verb of x's own clause: 고도화, 구축 are also words of names)
    execute = clause is not None and _says(ctx, "verb_execute", clause)
    if not (operate or support or use or execute or ctx.says("verb_invest") or ctx.speaker) \
            or ctx.speaker and ctx.says("lose"):
        return  # (A. X 사업에 도전했다가 고배를 마셨다: a bid lost runs nothing)
    # (“B가 운영하는 ‘X’ 같은 인프라가 중요합니다”: B runs X (clauses.py), not the speaker)
    owned = _run_before(ctx, x) and any(o.role == "relsubj" and o.index != actor
                                        and o.mention.end <= x.mention.start for o in ctx.orgs)
    if not any(o.index == actor for o in ctx.orgs) and (owned or _owner_before(ctx, x)):
        return  # (경기도가 추진하는 ‘X 사업’, 광주시 ‘Y 사업’: the body the sentence before
        # was about does not run what this one gives to another)
    if ctx.speaker and not (operate or support or use or execute) and any(
            o.index != actor and not o.quoted for o in ctx.orgs):
        return  # (“행안부의 X 사업이 마중물 역할을 했고요”: another body's, not the speaker's)
    public_body = ctx.mentions[actor].text.endswith(tuple(cues.government_suffix))
    if support and not operate and x.role.startswith("dat") and ctx.company(actor) and \
            ctx.says("verb_back"):
        # 세 기업은 ‘X’에 GPU 자원과 기술 컨설팅을 지원한다: companies back a programme
        yield Found(actor, "supports", x.index, "operation.supports")
        return
    means = "|".join(map(re.escape, sorted(cues.means)))
    if x.mention.type == "Initiative" and support and not re.search(
            re.escape(x.mention.text) + rf".{{0,4}}({means})", text) and (
            not public_body or ctx.says("verb_back")):
        yield Found(actor, "supports", x.index, "operation.supports")
    elif use and not operate and x.mention.type == "Program" and not ctx.speaker:
        return  # (시는 X 서비스를 활용해 …: using a programme says neither running nor
        # joining it; as a participation it was right in none of the annotated texts)
    elif ctx.company(actor) and x.mention.type in ("Program", "Initiative") \
            and execute \
            and not _says(ctx, "verb_run", clause):
        # 대신정보통신은 X 구축 사업을 수행한다: a company doing a public project's work
        # takes part in it; the body that commissions it runs it
        yield Found(actor, "participatesIn", x.index, "operation.contractor")
    elif not (owned and ctx.speaker):
        yield Found(actor, "operates", x.index, "operation")


def _plan_toward(ctx: Context, x: Slot) -> bool:
    """글로벌 AI 3대 강국(G3) 도약을 위한 국가 전략을 제시했다, ‘AI 3강’을 향한 정책 수립에
    돌입했다: a plan made toward the goal x."""
    cues = ctx.cues
    after = ctx.text[x.mention.end - ctx.sent.start_char:]
    return re.match(rf"\s*(\([^()]*\))?[’'”\"]?\s*(\S+\s)?(을|를)?\s*(위한|향한)\s+(\S+\s+){{0,2}}"
                    rf"\S*({cues.pattern('goal_plan').pattern})", after) is not None \
        and ctx.says("plan_made")


def _run_before(ctx: Context, x: Slot) -> bool:
    """[추진하려던] ‘AI 튜터 챗봇’ 사업, [운영하는] X: an operating verb in the clause that
    describes x, its subject left out (the actor's)."""
    k = next((i for i, w in enumerate(ctx.words) if w.start <= x.mention.start < w.end), None)
    if not k:
        return False
    w = ctx.words[k - 1]
    tags = [t for tag in w.tags for t in tag.split("+")]
    return bool(tags) and tags[-1] == "ETM" and ctx.cues.pattern("verb_operate").search(w.text) \
        is not None and not ctx.cues.pattern("passive_ending").search(w.text)


def _owner_before(ctx: Context, x: Slot) -> bool:
    """광주시 ‘X 사업’, 경기도의 X 사업: a body written just before x, as its modifier."""
    start = x.mention.start - ctx.sent.start_char
    return any(o.role in ("", "gen") and o.mention.end <= x.mention.start and re.fullmatch(
        r"(의)?\s*['‘\"“]?", ctx.text[o.mention.end - ctx.sent.start_char:start]) is not None
        for o in ctx.orgs)


def _actors_of(ctx: Context, x: Slot) -> list[int]:
    """The subject written nearest before x, else the group the sentence names (양사는),
    else the sentence's actor."""
    before = [o for o in ctx.orgs if o.role in ("subj", "subj*") and not o.quoted
              and o.mention.end <= x.mention.start]
    group = _group_here(ctx, x)
    if group:
        return group
    if before:
        # 과기정통부와 NIA는 X를: the list that ends in the nearest subject
        group = [before[-1]]
        for o in reversed(before[:-1]):
            if not (o.role == "subj*" and group[-1].word - o.word <= 8 or _gapped(ctx, o, group[-1])):
                break
            group.append(o)
        return [o.index for o in reversed(group)]
    if ctx.subject is not None and ctx.mentions[ctx.subject].start > x.mention.start:
        return []  # X는 A가 맡는다: the doer comes after (duty, clauses)
    if ctx.group:
        return ctx.group
    if ctx.actor is not None and x.role.startswith("subj") and ctx.company(ctx.actor):
        return []  # (A가 참여한다.) 이번 사업은 …을 도입하는 것이 핵심이다: no company runs it
    return [ctx.actor] if ctx.actor is not None else []


def _gapped(ctx: Context, a: Slot, b: Slot) -> bool:
    """A는 X에, B는 Y에 ‘Z’를 쓰고 있다: two topics that share one verb (a comma and no
    predicate between them)."""
    between = ctx.words[a.word + 1:b.word]
    if any(a.mention.end <= x.mention.start < b.mention.start for x in ctx.things):
        return False  # (A는 ‘X’를, B는 ‘Y’를 제공한다: each its own)
    return a.role == "subj" and ctx.words[a.word].tail.strip() in ("은", "는") and any(
        w.text.rstrip().endswith(",") for w in between) and not any(
        p.startswith(("VV", "VA", "XSV", "XSA", "VCP", "E")) for w in between
        for t in w.tags for p in t.split("+"))


def _public_backing(ctx: Context) -> Iterator[Found]:
    """강원도와 춘천시는 A의 인허가와 전력 인입을 지원한다, 도는 A에 도비 50억 원을
    지원한다: public bodies that help a company support it."""
    m = re.search(r"지원(하고|하며|한다|했다|하기로|할|해)", ctx.text)
    if m is None or ctx.says("negation"):
        return
    at = ctx.sent.start_char + m.start()
    backers = [o for o in ctx.orgs if o.role.startswith("subj") and not o.quoted
               and o.mention.end <= at and ctx.public_body(o.index)]
    if not backers and ctx.actor is not None and ctx.public_body(ctx.actor) and \
            not any(o.role.startswith("subj") for o in ctx.orgs):
        backers = [Slot(ctx.actor, ctx.mentions[ctx.actor], "subj", -1, False)]
    start = max((o.mention.end for o in backers if o.word >= 0), default=ctx.sent.start_char)
    helped = [o for o in ctx.orgs if o.role.startswith(("gen", "dat")) and not o.quoted
              and start <= o.mention.start and o.mention.end <= at and ctx.company(o.index)
              and ctx.clause_at(o.mention.start - ctx.sent.start_char) ==
              ctx.clause_at(m.start())]
    for b in backers:
        for o in helped:
            yield Found(b.index, "supports", o.index, "operation.public-backing")


def _adopters_next(ctx: Context) -> Iterator[Found]:
    """A는 ‘X’를 공개했다. … 서비스로, B와 C가 내년 도입을 확정했다: the bodies that
    adopt the one product of the sentence before, when this one names no thing."""
    if ctx.things or not re.search(rf"({ctx.cues.pattern('verb_use').pattern})(을|를)\s"
                                   rf"({ctx.cues.pattern('decided').pattern})", ctx.text):
        return
    before = {ctx.mentions[i].canonical or ctx.mentions[i].text: i
              for i, m in enumerate(ctx.mentions)
              if m.type == "Product" and m.sentence == ctx.state.index - 1}
    if len(before) != 1:
        return
    product = next(iter(before.values()))
    for o in ctx.orgs:
        if o.role.startswith("subj") and not o.quoted:
            yield Found(o.index, "uses", product, "operation.adopters-next")


def _group_here(ctx: Context, x: Slot) -> list[int]:
    """A는 B, C, D와 각각 협약을 맺었으며, 세 회사는 이 사업에 …: the bodies listed
    earlier in the sentence that a group noun after them, before x, stands for."""
    cues = ctx.cues
    numbers, nouns = cues.pattern("group_anaphor").pattern, cues.pattern("group_noun").pattern
    end = x.mention.start - ctx.sent.start_char
    said = None
    for said in re.finditer(rf"(?:^|\s)(?:{numbers})\s?({nouns})(?:은|는|이|가)\s", ctx.text[:end]):
        pass
    if said is None:
        return []
    listed = [o for o in ctx.orgs if o.mention.end - ctx.sent.start_char <= said.start()
              and o.role.startswith(("conj", "dat", "obj")) and not o.quoted]
    if said.group(1) in cues.company_anaphor:
        listed = [o for o in listed if ctx.company(o.index)]
    return [o.index for o in listed] if len(listed) >= 2 else []


def _clause_after(ctx: Context, x: Slot) -> str | None:
    """The text from x to the end of the first verb after it: its clause's verb."""
    for w in ctx.words:
        if w.start < x.mention.end or w.text.strip() in ctx.cues.time_adnominal:
            continue  # (X를 지난 7월부터 운영한다: 지난 is a date's, not the clause's verb)
        if any(p.startswith(("VV", "XSV")) for t in w.tags for p in t.split("+")):
            return ctx.text[x.mention.end - ctx.sent.start_char:w.end - ctx.sent.start_char]
    return None


def _users(ctx: Context) -> Iterator[Found]:
    """‘리브독스’는 국세청과 국민연금공단 등 14곳이 쓰고 있다, ‘X’를 A 등 9개 기관이 쓰고
    있다: the organisations that are the subject of a verb of use, with the product before
    them, use it."""
    if ctx.says("supply") and not ctx.says("negation"):
        # A는 ‘X’를 B에 공급한다: the body supplied uses it (a public body, or a company
        # that is no reseller: 총판)
        for x in ctx.things:
            if x.mention.type == "Product" and x.role.startswith("obj"):
                for o in ctx.orgs:
                    if o.role.startswith("dat") and not o.quoted and ctx.public_body(o.index):
                        yield Found(o.index, "uses", x.index, "operation.supplied")
    # (‘공문AI 2.0’의 첫 도입 기관은 한국조폐공사다: the adopters the copula names)
    adopters = ctx.cues.regex(r"({verb_use})\s?(기관|기업|고객|고객사|곳)(은|는|으로는|에는)\s"
                              ).search(ctx.text)
    product = next((x for x in ctx.things if x.mention.type == "Product" and adopters
                    and x.mention.end - ctx.sent.start_char <= adopters.start()), None)
    if product is not None and not ctx.says("negation"):
        for o in ctx.orgs:
            if not o.quoted and o.mention.start - ctx.sent.start_char >= adopters.end():
                yield Found(o.index, "uses", product.index, "operation.adopters")
        return
    if not ctx.says("verb_use") or ctx.says("negation"):
        return
    yield from _adopters_next(ctx)
    products = [x for x in ctx.things if x.mention.type == "Product"
                and x.role.startswith(("subj", "obj"))]
    if len(products) != 1:
        return
    product = products[0]
    # (‘모아’는 인사혁신처와 통계청 등 12개 부처에 도입됐다: the bodies it was brought to)
    passive = product.role.startswith("subj") and ctx.says("passive_use")
    use = ctx.cues.pattern("verb_use")
    for o in ctx.orgs:
        # (공단은 ‘X’를 쓰고, A는 엔진을, B는 화면을 개발한다: A and B are another clause's)
        if (o.role.startswith("subj") or passive and o.role.startswith("dat")) and \
                not o.quoted and o.mention.start > product.mention.end and use.search(
                    ctx.clause_of(o)) and use.search(ctx.text[o.mention.end - ctx.sent.start_char:]):
            yield Found(o.index, "uses", product.index, "operation.users")


def _makers(ctx: Context) -> Iterator[Found]:
    """네이버클라우드는 ‘하이퍼클로바X’를 공급한다: a product named with the company that
    makes it (the product lexicon says who) is that company's."""
    for x in ctx.things:
        if x.mention.type != "Product":
            continue
        known = ctx.lex.names.get(x.mention.canonical or x.mention.text)
        for o in ctx.orgs if known is not None and known.makers else ():
            if (o.mention.canonical or o.mention.text) in known.makers:
                yield Found(o.index, "operates", x.index, "operation.maker")


def _says(ctx: Context, kind: str, clause: str | None) -> bool:
    if clause is None:
        return ctx.says(kind) is not None
    return ctx.cues.pattern(kind).search(clause) is not None


DUTY_EXAMPLES = [
    ("과제 관리는 한국산업기술진흥원이 전담기관으로서 맡는다.",
     set()),
    ("시는 스마트 돌봄 확산 사업을 시작한다. 사업 총괄은 한국사회보장정보원이 맡는다.",
     {("한국사회보장정보원", "operates", "스마트 돌봄 확산 사업")}),
    ("‘GPU 임대’는 정보통신산업진흥원이, ‘모델 개발’은 정보통신기획평가원이 각각 맡는다.",
     {("정보통신산업진흥원", "operates", "GPU 임대"),
      ("정보통신기획평가원", "operates", "모델 개발")}),
    ("시는 ‘AI 민원비서 사업’을 시작한다. 시스템 구축은 대신정보통신이 맡았다.",
     {("대신정보통신", "participatesIn", "AI 민원비서 사업")}),
    ("협회는 새 회장을 뽑았다.", set()),
    ("복지부는 ‘의료 AI 실증 지원’ 사업을 시작한다. 이 사업은 보건의료AI정책국이 맡는다.",
     {("보건의료AI정책국", "operates", "의료 AI 실증 지원 사업")}),
    ("서울특별시는 ‘AI 다산이 고도화 사업’에 시비 25억 원을 투입한다. 챗봇을 운영하는 120다산콜재단이 사업을 맡는다.",
     {("120다산콜재단", "operates", "AI 다산이 고도화 사업")}),
    ("교육청은 ‘AI 학습튜터 시범사업’을 운영한다. 한국교육학술정보원(KERIS)은 시범사업 기간 효과성 분석을 맡는다.",
     {("한국교육학술정보원", "participatesIn", "AI 학습튜터 시범사업")}),
    ("세 번째는 한국산업단지공단이 주관하는 ‘AI 물류로봇 실증’이다. 경운대학교가 현장 인력 교육을 맡는다.",
     {("경운대학교", "participatesIn", "AI 물류로봇 실증")}),
    ("시는 스마트 돌봄 확산 사업을 시작한다. 한국사회보장정보원이 사업 총괄을 맡는다.",
     {("한국사회보장정보원", "operates", "스마트 돌봄 확산 사업")}),
    ("‘AI 얼라이언스’는 3개 분과로 꾸려진다. 분과장은 각각 고려대학교, 삼성SDS가 맡는다.", set()),
    ("대전시는 ‘AI 실증단지 조성’ 사업을 시작한다. 사업에는 한국전자통신연구원과 한국기계연구원이 기술 "
     "지원을 맡는다.", {("한국전자통신연구원", "supports", "AI 실증단지 조성 사업"),
                     ("한국기계연구원", "supports", "AI 실증단지 조성 사업")}),
    ("도는 ‘AI 민원 실증사업’을 추진한다. 충남대는 과제별 기술 자문을 맡는다.",
     {("충남대학교", "supports", "AI 민원 실증사업")}),
    ("시는 ‘AI 교차로 실증사업’을 시작한다. 한국교통안전공단은 통행 속도를 비교해 성능 검증을 지원한다.",
     {("한국교통안전공단", "supports", "AI 교차로 실증사업")}),
    ("한국교통안전공단은 통행 속도를 비교해 성능 검증을 지원한다.", set()),
    ("시는 ‘AI 교차로 실증사업’을 시작한다. 솔트룩스가 모델을, 누리웍스가 학습을 맡고, 충남대는 성능 검증을 "
     "담당한다.", {("솔트룩스", "participatesIn", "AI 교차로 실증사업"),
                 ("누리웍스", "participatesIn", "AI 교차로 실증사업"),
                 ("충남대학교", "supports", "AI 교차로 실증사업")}),
    ("도는 ‘AI 응급의료 사업’을 추진한다. 전담기관은 정보통신산업진흥원이 맡았고, 현장 실증 운영은 "
     "순천대학교 산학협력단이 책임진다.", {("정보통신산업진흥원", "operates", "AI 응급의료 사업"),
                                ("국립순천대학교 산학협력단", "operates", "AI 응급의료 사업")}),
    # a share of the work (품질 검증은 A가 맡는다): a public body takes part, as a company does
    ("군은 ‘AI 산불 감시 사업’을 추진한다. 관제 시스템 구축은 KT가, 데이터 품질 검증은 "
     "한국정보통신기술협회가 맡았다.", {("KT", "participatesIn", "AI 산불 감시 사업"),
                             ("한국정보통신기술협회", "participatesIn", "AI 산불 감시 사업")}),
    ("도는 ‘AI 돌봄 실증’을 시작한다. 효과 분석은 한국보건의료연구원이 맡는다.",
     {("한국보건의료연구원", "participatesIn", "AI 돌봄 실증")}),
    # (the programme whose name has the topic's words, not the one named last)
    ("시는 ‘AI 하천 수위 예측 시스템 구축사업’을 시작했다. 국비는 행정안전부의 ‘재난안전 실증사업’ 공모로 "
     "확보했다. 시스템 구축은 지역 기업 누리웍스가 맡았다.",
     {("누리웍스", "participatesIn", "AI 하천 수위 예측 시스템 구축사업")}),
    ("얼라이언스는 ‘공공 AI 펀드’를 조성한다. 삼성SDS와 LG CNS가 각각 100억 원을 출자하고, 펀드 운용은 "
     "벤처캐피털 솔트룩스파트너스가 맡는다.", {("솔트룩스파트너스", "operates", "공공 AI 펀드")}),
    ("도는 ‘충북 AI 바이오 실증허브’를 연다. 허브 운영은 충북테크노파크가 맡는다.",
     {("충북테크노파크", "operates", "충북 AI 바이오 실증허브")}),
    ("행안부는 ‘AI 공동활용 플랫폼 구축’ 사업을 추진한다. 1단계 사업은 솔트룩스 컨소시엄이 수행하고 있다.",
     {("솔트룩스 컨소시엄", "participatesIn", "AI 공동활용 플랫폼 구축 사업"),
      ("솔트룩스", "participatesIn", "AI 공동활용 플랫폼 구축 사업")}),
]


def _headed(ctx: Context, o: Slot, at_hand: int | None) -> int | None:
    """허브 운영은 A가 맡는다, 펀드 운용은 B가 맡는다: the hub, the fund named last; 시스템
    구축은 C가 맡았다: the programme whose name has the topic's words, if the one at hand
    has not (‘포항 AI 침수예측 시스템 구축사업’, before a programme that funds it)."""
    head = re.match(rf"[\s,]*({ctx.cues.pattern('head_anaphor').pattern})\s?\S*(은|는)\s",
                    ctx.clause_of(o))
    named = [i for i, m in enumerate(ctx.mentions) if m.sentence < ctx.state.index
             and m.type in ("Program", "Initiative") and in_scope(ctx.state, m.sentence)]
    if head is not None:
        named = [i for i in named if _name(ctx, i).endswith(head.group(1))]
        return named[-1] if named else at_hand
    at = o.mention.start - ctx.sent.start_char
    phrase = _topic(ctx, ctx.clause_span(at)[0], at)
    words = [w for w in phrase.split() if len(w) >= 2 and not ctx.cues.pattern(
        "program_anaphor").fullmatch(w)] if phrase else []
    if not words or at_hand is None or all(w in _name(ctx, at_hand) for w in words):
        return at_hand
    named = [i for i in named if all(w in _name(ctx, i) for w in words)]
    return named[-1] if named else at_hand


def _name(ctx: Context, index: int) -> str:
    return ctx.mentions[index].canonical or ctx.mentions[index].text


def _topic(ctx: Context, begin: int, at: int) -> str | None:
    """The topic before the subject at `at` (품질 검증은 A가; 시스템 구축은 포항의 AI
    기업 A가), in the clause from `begin`: its words back to a comma or a name, without
    the topic particle."""
    base = ctx.sent.start_char
    words = [w for w in ctx.words if begin <= w.start - base and w.end - base <= at]
    k = next((k for k in range(len(words) - 1, -1, -1) if words[k].tail_tag == "JX"
              and words[k].tail.strip() in ("은", "는")), None)
    if k is None:
        return None
    names = [x.mention for x in ctx.slots if begin <= x.mention.start - base < at]
    if any(words[k].end <= m.start and m.type != "Place" for m in names):
        return None  # (구축은 KT가, 검증은 B가: KT, not B, is the first topic's)
    if any(m.start < words[k].end and m.end > words[k].start for m in names):
        return None  # (‘GPU 임대’는 A가: a name, no share)
    j = k
    while j > 0 and k - j < 5 and not words[j - 1].text.endswith(",") and not any(
            m.start < words[j - 1].end and m.end > words[j - 1].start for m in names):
        j -= 1
    return " ".join([w.text for w in words[j:k]] + [words[k].stem]) or None


def _share(ctx: Context, begin: int, at: int) -> bool:
    """품질 검증은 A가 맡는다 (the topic is a share of the work): A takes part in the
    programme; 전담기관은, 운영은, 사업 수행은 A가 맡는다: A runs it. (‘X’는 A가 맡는다
    names the programme: no share.)"""
    phrase = _topic(ctx, begin, at)
    return phrase is not None and not ctx.cues.pattern("operator_duty").search(phrase) and \
        not re.fullmatch(rf"(이\s)?({ctx.cues.pattern('program_anaphor').pattern}|과제)"
                         rf"(\s?(수행|추진))?", phrase)


@relation_rule("duty", priority=11, examples=DUTY_EXAMPLES)
def duties(ctx: Context) -> Iterator[Found]:
    """X는 A가 맡는다 / 총괄은 A가 담당한다: A runs X, or the program at hand. A supporting
    role (기술 자문을 맡는다, 성능 검증을 지원한다) backs the programme instead."""
    duty = ctx.says("duty")
    if duty and ctx.cues.regex(r"\s*(\S+\s)?\S*({post_head})(은|는)\s").match(ctx.text):
        return  # 분과장은 A, B가 맡는다: posts handed out, not the programme's running
    backs = re.compile(rf"({ctx.cues.idiom('support_role').pattern})(을|를)\s*"
                       rf"({ctx.cues.pattern('duty').pattern}|지원|제공)")
    backing = backs.search(ctx.text)
    if not duty and not backing:
        return
    # the subject of 맡다, before it: not a later clause's (…이 맡고, B가 투자에 참여한다)
    # (전담기관은 A가 맡았고, 현장 운영은 B가 책임진다: the subjects of each such verb)
    at = ctx.sent.start_char + (backing.start() if backing else max(
        m.start() for m in ctx.cues.pattern("duty").finditer(ctx.text)))
    # (… not the subject of another clause: A와 B가 출자하고, 운용은 C가 맡는다)
    subjects = [x for x in ctx.orgs if not x.quoted and x.mention.end <= at and (
        ctx.words[x.word].tail.strip().rstrip(",") in ctx.cues.subject_case
        or backing and x.role.startswith("subj")) and (
            backing or ctx.cues.pattern("duty").search(ctx.clause_of(x)))]
    if not subjects and duty:
        # A는 … 분석을 맡는다: the topic, when no other subject takes the duty on
        subjects = [x for x in ctx.orgs if not x.quoted and x.mention.end <= at and x.role == "subj"
                    and ctx.words[x.word].tail.strip() in ("은", "는")
                    and ctx.cues.pattern("duty").search(ctx.clause_of(x))][:1]
    if backing and subjects:
        # (A와 B가 기술 지원을 맡는다: both of the listed subject)
        subjects = [x for x in ctx.orgs if not x.quoted and x.role == "conj"
                    and x.mention.end <= subjects[0].mention.start] + subjects
    things = [x for x in ctx.things if x.mention.type in ("Program", "Initiative")
              and (x.role.startswith("subj") or backing and x.role.startswith("dat"))]
    at_hand = ctx.previous_topic if ctx.previous_topic is not None else (
        ctx.state.programs_seen[-1] if ctx.state.programs_seen else None)
    sole = ctx.sole_program()
    for o in subjects:
        picked = _headed(ctx, o, at_hand)
        by_name, at_hand = picked != at_hand, picked  # (named: at hand however far back)
        # a company that takes on a public programme's work (구축은 A가 맡았다) takes part
        # (펀드 운용은 A가 맡는다: a company may run it; 구축은 A가 맡았다: a share of it)
        at = o.mention.start - ctx.sent.start_char
        begin = ctx.clause_span(at)[0]
        topic = ctx.text[begin:at]
        # (A가 모델을, B가 학습을 맡고, C는 임상 검증을 담당한다: only C's share backs it)
        predicate = "supports" if backing and backs.search(ctx.clause_of(o)) else \
            "participatesIn" if ctx.company(o.index) and not re.search(
                rf"({ctx.cues.pattern('operator_duty').pattern})(은|는)\s", topic) or \
            _share(ctx, begin, at) else "operates"
        before = [t for t in things if t.mention.end <= o.mention.start]
        if before:
            yield Found(o.index, predicate, before[-1].index, "duty")
        elif not things and at_hand is not None and (
                ctx.mentions[at_hand].sentence >= ctx.state.index - 3 or at_hand == sole
                or by_name):
            # (사업 전담기관은 A가 맡는다, paragraphs after the article's one programme)
            # (B가 예측 모델 개발을 맡는다: a share of the work, not the running of it)
            share = ctx.text[o.mention.end - ctx.sent.start_char:duty.start()] if duty else ""
            # (… but 사업을 맡는다 takes the whole programme on)
            whole = re.search(rf"({ctx.cues.pattern('program_anaphor').pattern})(을|를)[,\s]*$", share)
            if predicate == "operates" and re.search(r"(을|를)[,\s]*$", share) and not whole and \
                    not ctx.cues.pattern("operator_duty").search(share):
                predicate = "participatesIn"
            yield Found(o.index, predicate, at_hand, "duty.at-hand")
