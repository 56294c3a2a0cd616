"""organizes, participatesIn and locatedIn around events; where organisations are."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, Slot, in_scope
from kg.morphology import LINE_BULLET
from kg.names import link_key
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("서울 강남구 역삼동 보담AI 본사에서 만났다.",
     {("보담AI", "locatedIn", "서울"), ("보담AI", "locatedIn", "강남"), ("보담AI", "locatedIn", "역삼동")}),
    ("‘부산 AI 포럼’이 22일 부산 해운대구 벡스코 제2전시장에서 이틀 일정으로 개막했다.",
     {("부산 AI 포럼", "locatedIn", "부산"), ("부산 AI 포럼", "locatedIn", "해운대"),
      ("부산 AI 포럼", "locatedIn", "벡스코")}),
    ("한국데이터진흥협회는 다음 달 서울 코엑스에서 ‘데이터 인사이트 포럼 2026’을 개최한다.",
     {("한국데이터진흥협회", "organizes", "데이터 인사이트 포럼 2026"),
      ("데이터 인사이트 포럼 2026", "locatedIn", "서울"),
      ("데이터 인사이트 포럼 2026", "locatedIn", "코엑스")}),
    ("네이버는 내년 판교에서 ‘팀 네이버 데이 2026’을 개최한다.",
     {("네이버", "organizes", "팀 네이버 데이 2026"),
      ("팀 네이버 데이 2026", "locatedIn", "판교")}),
    ("더불어민주당 한정민 의원실은 한국인공지능법학회와 함께 ‘AI 법제 세미나’를 공동 주최했다.",
     {("한정민 의원실", "organizes", "AI 법제 세미나"),
      ("한국인공지능법학회", "organizes", "AI 법제 세미나")}),
    ("LG CNS는 ‘공공 AI 서밋 2025’에 부스를 마련했다.",
     {("LG CNS", "participatesIn", "공공 AI 서밋 2025")}),
    ("‘공공 AI 서밋 2025’에는 네이버클라우드와 KT가 참가했다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋 2025"),
      ("KT", "participatesIn", "공공 AI 서밋 2025")}),
    ("‘AI 윤리 포럼’이 17일 국회의원회관에서 열렸다.",
     {("AI 윤리 포럼", "locatedIn", "국회의원회관")}),
    ("‘K-퍼블릭 AI 엑스포 2025’가 18일 개막했다. 과학기술정보통신부와 대구광역시가 주최하고 "
     "정보통신산업진흥원(NIPA)·대구디지털혁신진흥원(DIP)이 주관한다.",
     {("과학기술정보통신부", "organizes", "K-퍼블릭 AI 엑스포 2025"),
      ("대구광역시", "organizes", "K-퍼블릭 AI 엑스포 2025"),
      ("정보통신산업진흥원", "organizes", "K-퍼블릭 AI 엑스포 2025"),
      ("대구디지털혁신진흥원", "organizes", "K-퍼블릭 AI 엑스포 2025")}),
    ("조달청은 ‘2027 혁신조달 AI 페어’를 연다. 네이버와 소리엔랩을 비롯한 기업 120여 곳이 부스를 차린다.",
     {("조달청", "organizes", "2027 혁신조달 AI 페어"),
      ("네이버", "participatesIn", "2027 혁신조달 AI 페어"),
      ("소리엔랩", "participatesIn", "2027 혁신조달 AI 페어")}),
    # (이번 박람회는 …: the event named before, whatever else the sentence names)
    ("‘AI+X 페어’가 열렸다. 이번 박람회는 ‘AI 확산 사업’의 일환으로 부산시와 울산시가 공동 주관했다.",
     {("부산광역시", "organizes", "AI+X 페어"), ("울산광역시", "organizes", "AI+X 페어")}),
    ("행사는 온라인으로 진행된다.", set()),
    ("‘2026 대한민국 공공 AI 엑스포’가 개막했다.", set()),
    ("한국데이터진흥협회와 부산광역시는 다음 달 ‘데이터 인사이트 포럼 2026’을 진행한다.",
     {("한국데이터진흥협회", "organizes", "데이터 인사이트 포럼 2026"),
      ("부산광역시", "organizes", "데이터 인사이트 포럼 2026")}),
    ("LG CNS는 ‘공공 AI 서밋 2025’에서 시연을 진행했다.", set()),
]


def _held(ctx: Context, events: list[Slot]) -> re.Match[str] | None:
    """A는 ‘X’ 콘퍼런스를 진행한다: a verb that holds the event it takes as its object
    (진행 is no organising verb elsewhere: A가 시연을 진행했다)."""
    held = ctx.cues.regex(r"\s?(을|를)\s(?:{verb_hold_object})")  # (built once)
    return next((m for e in events
                 if (m := held.match(ctx.text, e.mention.end - ctx.sent.start_char))), None)


@relation_rule("event", priority=2, examples=EXAMPLES)
def events(ctx: Context) -> Iterator[Found]:
    state, ms, orgs, events = ctx.state, ctx.mentions, ctx.orgs, ctx.events
    organize = ctx.says("verb_organize") or _held(ctx, events)
    event_here = events[0] if events else None
    if event_here is None and state.events_seen and (
            _event_anaphor(ctx) or organize and ms[state.events_seen[-1]].sentence
            == state.index - 1 and not ctx.things):
        # (세미나는 …; ‘X’가 개막했다. A와 B가 주최하고 C가 주관한다: the event just named)
        event_here = Slot(state.events_seen[-1], ms[state.events_seen[-1]], "", 0, False)
    if organize and event_here is not None:
        # (A와 B가 주최하고 C가 주관한다: each subject before an organising verb)
        vpos = max((m.start() for m in ctx.cues.pattern("verb_organize").finditer(ctx.text)),
                   default=organize.start()) \
            + ctx.sent.start_char if event_here not in events else \
            organize.start() + ctx.sent.start_char
        for o in orgs:
            if o.role.startswith("subj") and not o.quoted and o.mention.end <= vpos:
                yield Found(o.index, "organizes", event_here.index, "event.organizer")
            elif o.role.startswith(("dat", "conj")) and not o.quoted and \
                    o.mention.end <= vpos and ctx.says("together"):
                # B와 함께 … 공동 주최했다: B organizes too
                yield Found(o.index, "organizes", event_here.index, "event.co-organizer")
            elif o.role.startswith("subj") and o.mention.start > event_here.mention.end:
                yield Found(o.index, "participatesIn", event_here.index, "event.participant")
        if ctx.speaker and ctx.actor is not None and events and any(e.quoted for e in events):
            yield Found(ctx.actor, "organizes", events[0].index, "event.organizer-speaker")
    for e in events:
        yield from _locations(ctx, e)
    if not events and state.events_seen and ms[state.events_seen[-1]].sentence == \
            state.index - 1 and not organize and not ctx.things and ctx.says("sponsor"):
        # ‘X 페어’를 연다. A와 B를 비롯한 기업 120곳이 부스를 차린다: exhibitors of the
        # event just named
        for o in orgs:
            if o.role.startswith("subj") and not o.quoted:
                yield Found(o.index, "participatesIn", state.events_seen[-1], "event.exhibitor")
    for e in events:
        for o in orgs:
            if o.role.startswith("subj") and e.role.startswith("loc") and \
                    o.mention.start > e.mention.end and not organize:
                yield Found(o.index, "participatesIn", e.index, "event.participant")
        if (ctx.speaker and ctx.actor is not None and ctx.says("verb_attend")
                and e.role.startswith("dat")):
            yield Found(ctx.actor, "participatesIn", e.index, "event.participant-speaker")
        # A는 E에 참가해 / E에 부스를 마련했다 / E에는 A와 B가 참가했다
        if e.role.startswith("dat") and not organize and not ctx.speaker and (
                ctx.says("verb_attend") or ctx.says("sponsor")):
            for o in orgs:
                if o.role.startswith(("subj", "conj")) and not o.quoted and \
                        o.role != "conj" or o.role == "conj" and any(
                            x.role.startswith("subj") for x in orgs
                            if x.mention.start > o.mention.start):
                    yield Found(o.index, "participatesIn", e.index, "event.attendee")
    for o in orgs:
        yield from _org_location(ctx, o)


def _event_anaphor(ctx: Context) -> bool:
    """세미나는, 행사에는: the event named before."""
    for noun in ctx.cues.event_anaphor:
        for p in ctx.cues.topic_particle:
            if noun + p in ctx.text:
                return True
    return False


def _locations(ctx: Context, e: Slot) -> Iterator[Found]:
    """서울시 중구 대한상공회의소에서 열린 X: the event is in each place before 에서."""
    sent, words, slots, text = ctx.sent, ctx.words, ctx.slots, ctx.text
    ev = e.mention
    organize = re.compile(ctx.cues.pattern("verb_organize").pattern + "|"
                          + ctx.cues.pattern("verb_held").pattern)
    for k, w in enumerate(words):
        if not w.tail.startswith(tuple(ctx.cues.locative_particle)):
            continue
        if w.end > ev.start + 1:
            # ‘AI 윤리 포럼’이 17일 국회의원회관에서 열렸다: the event, then where it is held
            # (… 벡스코에서 이틀 일정으로 개막했다: a few words may come between)
            if not (e.role.startswith("subj") and w.start >= ev.end and re.match(
                    rf"(\S+\s+){{0,3}}?({organize.pattern})", text[w.end - sent.start_char:].lstrip())):
                continue
        elif not organize.search(text[w.end - sent.start_char: ev.start - sent.start_char + 1]
                                 + text[ev.end - sent.start_char:]):
            continue
        j = k  # the venue: the nouns right before 에서 (서울시 중구 대한상공회의소에서)
        while j > 0 and k - j < 4 and words[j - 1].noun_only:
            j -= 1
        lo = words[j].start
        phrase = [x for x in slots if lo <= x.mention.start < w.end
                  and x.mention.type in ("Place", "Organization")]
        places = [x for x in phrase if x.mention.type == "Place"]
        for p in places:
            yield Found(e.index, "locatedIn", p.index, "event.venue")
        for o in phrase:
            if o.mention.type == "Organization":
                for p in places:
                    yield Found(o.index, "locatedIn", p.index, "event.venue")
    for p in slots:  # 서울 AI 안전성 정상회의, … 데이 서울 2025
        # (2025 대한민국 공공 AI 엑스포, 아시아 AI 거버넌스 포럼: a country or a continent
        # in a name says whose the event is, not where it is held)
        if p.mention.type == "Place" and ev.start <= p.mention.start < ev.end and \
                ctx.lex.group_of(p.mention.canonical or p.mention.text) != "world":
            yield Found(e.index, "locatedIn", p.index, "event.place-in-name")


def _org_location(ctx: Context, o: Slot) -> Iterator[Found]:
    """서울 상공회의소, 판교 보담AI: a place written before the name (with a space). (A
    place inside a name, 대만 재정부, says no more than the name: where annotators relate
    it, they do so no more often than not, 7 of 21 in the texts measured.)"""
    for p in ctx.slots:
        pm, om = p.mention, o.mention
        if pm.type != "Place":
            continue
        if pm.end + 1 == om.start and _char_after(ctx, pm.end) == " ":
            yield Found(o.index, "locatedIn", p.index, "event.org-place-before")
            # 서울 강남구 역삼동 X: every place of the address written before it
            at = pm.start
            while True:
                q = next((q for q in ctx.slots if q.mention.type == "Place"
                          and q.mention.end + 1 == at and _char_after(ctx, q.mention.end) == " "),
                         None)
                if q is None:
                    break
                yield Found(o.index, "locatedIn", q.index, "event.org-place-before")
                at = q.mention.start


def _char_after(ctx: Context, offset: int) -> str:
    rel = offset - ctx.sent.start_char
    return ctx.text[rel] if 0 <= rel < len(ctx.text) else ""


ROLE_EXAMPLES = [
    # (speakers with their posts after the keynote's sentence, each presenting; a
    # programme's bullet lines, name and title before a talk's title)
    ("경상남도는 ‘경남 AI 포럼’을 열었다. 기조연설은 두 명이 맡았다. 박지훈 네이버클라우드 전무는 사례를 "
     "소개했다. 김은영 서울대학교 교수는 위험 관리 방안을 설명했다.",
     {("네이버클라우드", "participatesIn", "경남 AI 포럼"),
      ("서울대학교", "participatesIn", "경남 AI 포럼")}),
    ("‘공공 AI 포럼’이 열린다. 기조연설 뒤에는 다음과 같은 발표가 이어진다.\n▲민가람 고려대학교 교수: "
     "‘공공 AI 성과 측정’\n▲윤태호 한국수자원공사 처장: ‘물관리 AI의 교훈’",
     {("고려대학교", "participatesIn", "공공 AI 포럼"),
      ("한국수자원공사", "participatesIn", "공공 AI 포럼")}),
    ("경상남도는 창원컨벤션센터에서 ‘경남 AI 행정혁신 포럼’을 열었다. 기조연설은 세 명이 맡았다. 박지훈 "
     "네이버클라우드 전무는 공공 AI 사례를, 김도형 서울대학교 교수는 위험 관리 방안을 각각 발표했다.",
     {("네이버클라우드", "participatesIn", "경남 AI 행정혁신 포럼"),
      ("서울대학교", "participatesIn", "경남 AI 행정혁신 포럼")}),
    ("의료원은 ‘공공병원 AI 포럼’을 주최했다. 한국보건산업진흥원과 네이버클라우드가 후원한 이날 포럼에는 "
     "200여 명이 몰렸다.",
     {("한국보건산업진흥원", "participatesIn", "공공병원 AI 포럼"),
      ("네이버클라우드", "participatesIn", "공공병원 AI 포럼")}),
    ("‘공공 AI 서밋’이 열렸다. 주관은 한국정보통신진흥협회가 맡았다.",
     {("한국정보통신진흥협회", "organizes", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 네이버클라우드와 KT가 후원사로 이름을 올렸다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋"), ("KT", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 기조연설은 정하린 네이버클라우드 전무가 맡았다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. ▲정하린 네이버클라우드 전무가 ‘공공 AI의 미래’를 발표했다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 날씨가 좋았다. 참가자가 많았다. 좌석이 찼다. 점심이 나왔다. "
     "첫 연사인 정하린 네이버클라우드 전무는 사례를 소개했다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 세미나’가 열렸다. 토론에는 정태웅 행정안전부 과장과 국회입법조사처 이수민 "
     "조사관이 참여했다.", {("행정안전부", "participatesIn", "공공 AI 세미나"),
                         ("국회입법조사처", "participatesIn", "공공 AI 세미나")}),
    ("‘공공 AI 서밋’이 열렸다. 주관은 부산테크노파크가 맡았으며, LG CNS가 후원사로 참여했다.",
     {("부산테크노파크", "organizes", "공공 AI 서밋"), ("LG CNS", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 기조연설에 나선 정하린 네이버클라우드 전무는 말했다. 이어 서하린 "
     "LG CNS 상무가 사례를 소개했다.",
     {("네이버클라우드", "participatesIn", "공공 AI 서밋"), ("LG CNS", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 시민들이 몰렸다.", set()),
    # (a part of the conference its schedule names is not the event its speakers speak at)
    ("부산시는 ‘부산 AI 위크 2025’를 연다. 첫날에는 기조 강연과 AI 클러스터 포럼이 이어진다. 박지은 "
     "네이버클라우드 이사 등이 연사로 참여한다.",
     {("네이버클라우드", "participatesIn", "부산 AI 위크 2025")}),
    # (the title names the event without the gloss the body gives it)
    ("부산시 ‘AI 서밋 2025’ 개최\n부산시는 ‘AI 서밋(Summit) 2025 : 미래(Future)’를 열었다. 날씨가 좋았다. "
     "참가자가 많았다. 좌석이 찼다. 점심이 나왔다. 오후 세션에서는 박지은 네이버클라우드 이사가 사례를 소개한다.",
     {("네이버클라우드", "participatesIn", "AI 서밋(Summit) 2025 : 미래")}),
    ("‘부산 AI 해커톤’이 열렸다. 대상(과학기술정보통신부 장관상)은 솔트룩스 개발팀이 받았고, "
     "우수상은 부산대학교 학생팀에 돌아갔다.",
     {("솔트룩스", "participatesIn", "부산 AI 해커톤"), ("부산대학교", "participatesIn", "부산 AI 해커톤")}),
    ("‘부산 AI 경진대회’가 열렸다. 누리웍스가 최우수상을 차지했다.",
     {("누리웍스", "participatesIn", "부산 AI 경진대회")}),
    ("‘부산 AI 경진대회’가 열렸다. 지원 대상은 부산대학교가 정한다.", set()),
    ("‘공공 AI 서밋’이 열렸다. 기조연설에 이어 솔트룩스와 누리웍스가 도입 사례를 발표했다.",
     {("솔트룩스", "participatesIn", "공공 AI 서밋"), ("누리웍스", "participatesIn", "공공 AI 서밋")}),
    ("‘공공 AI 서밋’이 열렸다. 정하린 네이버클라우드 전무는 실적을 발표했다.", set()),
    ("□ 경기도는 수원컨벤션센터에서 ‘경기 AI 엑스포 2025’를 열었다.\n□ 기조연설은 두 명이 맡았다.\n ㅇ 라지브 메논 "
     "엔비디아 아시아태평양 총괄은 싱가포르 사례를 소개했다.\n ㅇ 서지우 아주대학교 교수는 책임성 확보 방안을 발표했다.",
     {("엔비디아", "participatesIn", "경기 AI 엑스포 2025"), ("아주대학교", "participatesIn", "경기 AI 엑스포 2025")}),
    # a session's speakers (세션 1에는 A 교수가 …을, B 연구원이 …을 논한다)
    ("‘AI 창작 포럼’이 열린다. 세션 1에는 KAIST 이수영 교수가 기본 이론을, 이활석 네이버 책임연구원이 그림 "
     "그리는 AI를 논한다.", {("한국과학기술원", "participatesIn", "AI 창작 포럼"),
                        ("네이버", "participatesIn", "AI 창작 포럼")}),
    ("부산시는 ‘부산 AI 서밋’을 연다. 오후 세션에서는 박지은 네이버클라우드 이사와 김도윤 부산대학교 교수가 공공 "
     "AI 사례를 다룬다.", {("네이버클라우드", "participatesIn", "부산 AI 서밋"),
                       ("부산대학교", "participatesIn", "부산 AI 서밋")}),
    ("세션 1에는 KAIST 이수영 교수가 인공지능의 기본 이론을 논한다.", set()),
]


@relation_rule("event-role", priority=12, examples=ROLE_EXAMPLES)
def event_roles(ctx: Context) -> Iterator[Found]:
    """The event at hand, named in the sentences before: its organisers (주관은 A가
    맡았다), sponsors and exhibitors (후원사로, 부스를), and the employers of its speakers
    (기조연설은 정하린 네이버클라우드 전무가) take part (ANNOTATION.md, "Events")."""
    seen = [e for e in ctx.state.events_seen if in_scope(ctx.state, ctx.mentions[e].sentence)]
    if ctx.events or not seen:
        return  # (a digest's next item is about something else)
    event = seen[-1]
    # (a conference's schedule names its parts, 첫날에는 기조 강연, AI 클러스터 포럼: the
    # speakers after it speak at the conference, the event named in quotation marks)
    titled = [e for e in seen if ctx.mentions[e].rule == "quote"]
    if titled and ctx.mentions[event].rule != "quote":
        event = titled[-1]
    # the event named a few sentences before; or, far back, the one event of the article
    # (a report of one conference names its speakers paragraphs after its title)
    # (X and X 개막식 are one event; so are the title's 'AI 월드 2022' and the body's 'AI
    # 월드(World) 2022 : 테크 & 퓨쳐(Tech & Future)', whose gloss-less form it is)
    pool = titled or seen
    names = {e: {link_key(n) for n in (ctx.mentions[e].text, *ctx.mentions[e].aliases)}
             for e in pool}
    main = min((ctx.mentions[e].text for e in pool), key=len)
    only = all(any(n.startswith(link_key(main)) for n in keys) for keys in names.values())
    if ctx.mentions[event].sentence < ctx.state.index - 4:
        if not only:
            return
        event = next(e for e in reversed(pool) if link_key(main) in names[e])
    # (A와 B가 후원한 이날 포럼에는: the subjects of a clause about it too)
    subjects = [o for o in ctx.orgs if o.role.startswith(("subj", "conj", "relsubj"))
                and not o.quoted]
    for o in subjects:
        # 주관은 A와 B가 맡았으며, C와 D가 후원사로 참여했다: each clause its own role
        clause = ctx.clause_of(o)
        if ctx.cues.pattern("verb_organize").search(clause) and \
                ctx.cues.pattern("duty").search(clause):
            yield Found(o.index, "organizes", event, "event-role.organizer")
        elif ctx.cues.pattern("sponsor").search(clause):
            yield Found(o.index, "participatesIn", event, "event-role.sponsor")
    if _prize_won(ctx):
        # 최우수상(시장상)은 A가 받았다, 대상은 B 학생팀에 돌아갔다: a contest's winners
        for o in ctx.orgs:
            if o.role.startswith(("subj", "dat")) and not o.quoted and not re.match(
                    r"\s?\S*상\)", ctx.text[o.mention.end - ctx.sent.start_char:]):
                yield Found(o.index, "participatesIn", event, "event-role.winner")
    talks = ctx.says("speaker") or (ctx.says("talk") and re.search("[‘「『《〈]", ctx.text))
    # 기조연설에 나선 A는 …. 이어 B 상무가 사례를 소개했고, C 교수는 …을 발표했다
    # (… or a release's next bullet: □ 기조연설은 세 명이 맡았다. ㅇ A 총괄은 …을 소개했다)
    # (… or the speakers themselves: 기조연설은 세 명이 맡았다. A 전무는 …을, B 교수는 …을
    # 각각 발표했다)
    # (… and a speaker with a post who presents, 소개했다, or a programme's bullet line:
    # ▲A 처장: ‘물관리 AI 실증의 교훈’)
    bullet = re.match(rf"\s*(({ctx.cues.pattern('opener').pattern})\s|{LINE_BULLET}\s*)",
                      ctx.text)
    following = ctx.state.extra.get("talks") == ctx.state.index - 1 and (
        bullet and ctx.says("talk_next") or ctx.affiliations and (
            ctx.says("talk_next") or bullet and re.search(r":\s*[‘'“\"「]", ctx.text)))
    if talks or following:
        ctx.state.extra["talks"] = ctx.state.index
        for person, org in ctx.affiliations:
            yield Found(org, "participatesIn", event, "event-role.speaker")
        # … 네이버클라우드와 업스테이지가 사례를 발표했다, 경찰청 실무자들은 패널 토론에
        # 나선다: an organisation itself (or its staff, unnamed) speaks
        for o in subjects:
            if o.role != "relsubj" and (ctx.cues.pattern("speaker").search(ctx.clause_of(o))
                                        or ctx.cues.pattern("talk").search(ctx.clause_of(o))):
                yield Found(o.index, "participatesIn", event, "event-role.speaker")


def _prize_won(ctx: Context) -> bool:
    """최우수상(…상)은 … 받았다, A가 대상을 차지했다: a prize went to someone."""
    prize = re.search(rf"(?:^|[\s▲△·ㅇ-])(?:{ctx.cues.pattern('prize').pattern})(?:\([^)]*\))?"
                      r"(?:은|는|을|이)\s", ctx.text)
    return bool(prize and ctx.cues.pattern("prize_won").search(ctx.text, prize.end()))

