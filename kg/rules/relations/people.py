"""affiliatedWith: a person and the organisation their role names (kg.discourse finds
them, as it also needs them to know who a speaker stands for)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, in_scope, named_by_surname, surname_pattern
from kg.rules import Found, relation_rule


EXAMPLES = [
    ("정지은 코딧 대표는 이렇게 말했다.", {("정지은", "affiliatedWith", "코딧")}),
    ("토론에는 CJ CGV의 손종수 디지털혁신담당 경영리더와 네이버의 이광용 퓨처AI센터 이사가 나선다.",
     {("손종수", "affiliatedWith", "CJ CGV"), ("손종수", "affiliatedWith", "디지털혁신담당"),
      ("이광용", "affiliatedWith", "네이버"), ("이광용", "affiliatedWith", "퓨처AI센터")}),
    ("김민수 전 행정안전부 차관이 한국지역정보개발원의 제5대 원장으로 취임했다.",
     {("김민수", "affiliatedWith", "행정안전부"), ("김민수", "affiliatedWith", "한국지역정보개발원")}),
    ("김인태 기업은행 혁신금융그룹 부행장은 말했다.",
     {("김인태", "affiliatedWith", "기업은행 혁신금융그룹"), ("김인태", "affiliatedWith", "IBK기업은행")}),
    # (the body before a list of names is every name's; a middle dot after a title ends it)
    ("국민의힘 한도윤·서지후 의원이 법안을 발의했다.",
     {("한도윤", "affiliatedWith", "국민의힘"), ("서지후", "affiliatedWith", "국민의힘")}),
    ("민주당 임서하 경북도당위원장·강도현 대구시당위원장이 나섰다.",
     {("임서하", "affiliatedWith", "더불어민주당"), ("강도현", "affiliatedWith", "더불어민주당")}),
    ("국민의힘 한지훈 의원·민주당 이서윤 의원이 말했다.",
     {("한지훈", "affiliatedWith", "국민의힘"), ("이서윤", "affiliatedWith", "더불어민주당")}),
    ("김민준 과기정통부 차관은 회의를 주재했다.",
     {("김민준", "affiliatedWith", "과학기술정보통신부")}),
    ("행정안전부(장관 김도현)는 새 계획을 내놨다.", {("김도현", "affiliatedWith", "행정안전부")}),
    ("공단은 한국콘텐츠진흥원(원장 배윤정), 한국전력거래소(이사장 최성호)와 협약을 맺었다.",
     {("배윤정", "affiliatedWith", "한국콘텐츠진흥원"), ("최성호", "affiliatedWith", "한국전력거래소")}),
    ("국회 과학기술정보방송통신위원회(과방위) 소속인 한정민 의원은 말했다.",
     {("한정민", "affiliatedWith", "국회 과학기술정보방송통신위원회")}),
    ("서울대 AI연구원 원장인 김민수 교수는 설명했다.", {("김민수", "affiliatedWith", "서울대 AI연구원")}),
    ("한국지능정보사회진흥원(NIA) 제9대 원장에 배성욱(58) 전 행정안전부 실장이 임명됐다.",
     {("배성욱", "affiliatedWith", "한국지능정보사회진흥원"),
      ("배성욱", "affiliatedWith", "행정안전부")}),
    ("유진솔 국장이 임명됐다. 유 국장은 한국지역정보개발원 파견과 광주광역시 과장을 거쳤다.",
     {("유진솔", "affiliatedWith", "한국지역정보개발원"),
      ("유진솔", "affiliatedWith", "광주광역시")}),
    ("이지은 전 삼성전자 상무는 국가인공지능위원회 위원으로 활동하고 있다.",
     {("이지은", "affiliatedWith", "삼성전자"), ("이지은", "affiliatedWith", "국가인공지능전략위원회")}),
    ("김하늘 KT 상무가 발표했다. 그는 한국인공지능협회 이사를 맡고 있다.",
     {("김하늘", "affiliatedWith", "KT"), ("김하늘", "affiliatedWith", "한국인공지능협회")}),
    ("임채윤 원장이 17일 취임했다.\n◆임채윤 원장 약력\n▲1968년 전주 출생 ▲고려대 전산학과 ▲KAIST 박사 "
     "▲과기정통부 정보보호기획과장",
     {("임채윤", "affiliatedWith", "고려대학교"), ("임채윤", "affiliatedWith", "한국과학기술원"),
      ("임채윤", "affiliatedWith", "과학기술정보통신부")}),
    ("오하진 포항공과대학교 교수가 발표했다. 구글 딥마인드 연구원 출신인 오 교수는 책임 문제를 다뤘다.",
     {("오하진", "affiliatedWith", "포항공과대학교"), ("오하진", "affiliatedWith", "구글 딥마인드")}),
    ("김철수 디지털플랫폼정부위원장은 말했다.", {("김철수", "affiliatedWith", "디지털플랫폼정부위원회")}),
    ("본사에서 만난 김하늘 보담AI 대표는 네이버클라우드에서 AI 검색 조직을 이끌다 창업했다.",
     {("김하늘", "affiliatedWith", "보담AI"), ("김하늘", "affiliatedWith", "네이버클라우드")}),
    ("김하늘 원장이 취임했다. 서울대를 나와 KAIST에서 박사 학위를 받은 그는 ETRI에 들어가 모델을 만들었다.",
     {("김하늘", "affiliatedWith", "서울대학교"), ("김하늘", "affiliatedWith", "한국과학기술원"),
      ("김하늘", "affiliatedWith", "한국전자통신연구원")}),
    ("김하늘 원장은 KT와 네이버가 졸업생을 뽑는다고 말했다.", set()),
    ("김하늘 단장은 ETRI에서 20년 가까이 음성 AI를 연구한 엔지니어 출신이다.",
     {("김하늘", "affiliatedWith", "한국전자통신연구원")}),
    ("김하늘 단장은 이후 GIST AI대학원 교수로 일하다 올해 선임됐다.",
     {("김하늘", "affiliatedWith", "광주과학기술원")}),
    ("그는 “데이터가 중요하다”고 말했다.", set()),
    # a bare title: the body of its kind named before
    ("조달청은 AI 서비스 계약을 맺었다. 박서진 기술서비스국장은 “지원하겠다”고 말했다.",
     {("박서진", "affiliatedWith", "조달청")}),
    ("한국지능정보사회진흥원은 포럼을 열었다. 기관 9곳이 참석했다. 이도윤 원장은 “기대한다”고 말했다.",
     {("이도윤", "affiliatedWith", "한국지능정보사회진흥원")}),
    ("카카오는 새 모델을 공개했다. 박지민 원장은 “기대한다”고 말했다.", set()),
    ("한국교육학술정보원은 포럼을 열었다. 포럼에는 신용보증기금, 한국부동산원 등 9곳이 참석했다. 정재민 원장은 "
     "“기대한다”고 말했다.", {("정재민", "affiliatedWith", "한국교육학술정보원")}),
    ("기조연설은 최가은 서울대 교수가 맡았고, 문지현 보건복지부 과장이 성과를 소개했다.",
     {("최가은", "affiliatedWith", "서울대학교"), ("문지현", "affiliatedWith", "보건복지부")}),
    ("◇서정훈 원장은\n△1969년 전북 익산 출생 △고려대 행정학과 졸업 △전라북도 기획조정실장 "
     "△삼성SDS 공공사업본부장",
     {("서정훈", "affiliatedWith", "고려대학교"), ("서정훈", "affiliatedWith", "전북특별자치도"),
      ("서정훈", "affiliatedWith", "삼성SDS")}),
    ("김하늘 원장은 말했다.\n△고려대 졸업 △삼성SDS 본부장", set()),
    ("[인사] 보건복지부\n◇국장급\n△AI정책국장 김하늘\n◇과장급\n△디지털헬스과장 이서준",
     {("김하늘", "affiliatedWith", "보건복지부"), ("이서준", "affiliatedWith", "보건복지부")}),
    ("보건복지부는 새 국을 만든다.\n△AI정책국장 김하늘", set()),
    ("행정안전부 디지털정부혁신실의 정윤서 사무관은 요즘 출근하면 컴퓨터를 켠다.",
     {("정윤서", "affiliatedWith", "행정안전부")}),
    ("정하민 네이버클라우드 헬스케어사업 리더와 윤 대표는 개발 과정을 함께 발표했다.",
     {("정하민", "affiliatedWith", "네이버클라우드")}),
    ("보건복지부는 초대 국장에 장민혁 전 한국보건의료정보원 본부장을 임명했다.",
     {("장민혁", "affiliatedWith", "보건복지부"), ("장민혁", "affiliatedWith", "한국보건의료정보원")}),
    # (past posts in a relative clause before the person)
    ("퓨리오사AI는 백준호 대표가 세웠다. 퓨리오사AI는 AMD와 삼성전자 등을 거친 백 대표가 2017년 설립했다.",
     {("백준호", "affiliatedWith", "AMD"), ("백준호", "affiliatedWith", "삼성전자")}),
    ("행정안전부에서 차관을 지낸 김하늘 서울대 교수는 말했다.",
     {("김하늘", "affiliatedWith", "행정안전부"), ("김하늘", "affiliatedWith", "서울대학교")}),
    ("행정안전부는 10년간 연구를 거친 김하늘 서울대 교수를 위원장에 앉혔다.",
     {("김하늘", "affiliatedWith", "서울대학교")}),
    ("한국지능정보사회진흥원은 새 원장으로 박진우 전 KT 전무를 선임했다.",
     {("박진우", "affiliatedWith", "한국지능정보사회진흥원"), ("박진우", "affiliatedWith", "KT")}),
]


@relation_rule("affiliation", priority=1, examples=EXAMPLES)
def affiliation(ctx: Context) -> Iterator[Found]:
    for person, org in ctx.affiliations:
        yield Found(person, "affiliatedWith", org)
        unit = ctx.mentions[org]
        if not ctx.cues.ends_with(unit.text, "staff_unit"):
            continue
        for x in ctx.orgs:  # 기업은행 혁신금융그룹 부행장: the bank's too, not only its unit's
            if x.index != org and unit.start <= x.mention.start and x.mention.end < unit.end:
                yield Found(person, "affiliatedWith", x.index, "affiliation.parent")
    yield from _genitive(ctx)
    yield from _appointed(ctx)
    yield from _career(ctx)
    yield from _career_before(ctx)
    yield from _career_box(ctx)
    yield from _origin(ctx)
    yield from _worked_at(ctx)
    yield from _passed_through(ctx)
    yield from _roster(ctx)
    yield from _titled(ctx)


def _genitive(ctx: Context) -> Iterator[Found]:
    """CJ CGV의 손종수 디지털혁신담당 경영리더, LG AI연구원의 양시훈 플래닝팀장: the body
    whose person it is stands right before the titled name, with 의."""
    for x in ctx.slots:
        if x.mention.type != "Person" or not x.mention.role:
            continue
        org = next((o for o in ctx.orgs if o.mention.end <= x.mention.start and re.fullmatch(
            r"의\s", ctx.text[o.mention.end - ctx.sent.start_char:
                              x.mention.start - ctx.sent.start_char])), None)
        if org is not None:
            yield Found(x.index, "affiliatedWith", org.index, "affiliation.genitive")


def _titled(ctx: Context) -> Iterator[Found]:
    """강신면 기술서비스국장은 …고 말했다, 정제영 원장은: a person named with a bare title
    after the name works for the body of the title's kind (국장 – …청, 원장 – …원, 부시장 –
    …시): the article's first acting body if it is of that kind, else the last one named."""
    kinds = ctx.cues.mapping("title_body")
    state = ctx.state
    for x in ctx.slots:
        role = (x.mention.role or "").split()
        # (윤 원장은, 남궁 원장은: a surname refers back to someone named before)
        if x.mention.type != "Person" or len(role) != 1 or x.index in state.affiliation or \
                len(x.mention.text) < 3 or " " in x.mention.text or \
                any(p == x.index for p, _ in ctx.affiliations) or not ctx.text[
                    x.mention.end - ctx.sent.start_char:].lstrip().startswith(role[0]):
            continue  # (the title after the name, as a speaker is introduced)
        title = next((t for t in sorted(kinds, key=len, reverse=True) if role[0].endswith(t)),
                     None)
        if title is None:
            continue
        ends = tuple(kinds[title].split("|"))
        # (the body that acted first in the article, if of the kind: 정제영 원장 is KERIS's,
        # whatever 원 was listed since)
        body = next((i for i in state.acted[:1] + list(reversed(state.orgs_seen))
                     if ctx.mentions[i].start < x.mention.start
                     and in_scope(state, ctx.mentions[i].sentence)
                     and (ctx.mentions[i].canonical or ctx.mentions[i].text).endswith(ends)), None)
        if body is not None:
            yield Found(x.index, "affiliatedWith", body, "affiliation.title")


def _worked_at(ctx: Context) -> Iterator[Found]:
    """정 대표는 네이버클라우드에서 AI 검색 조직을 이끌다 창업했다: where the person worked."""
    if not ctx.speaker or ctx.subject is None or not ctx.says("worked_at"):
        return
    titles = ctx.cues.pattern("title").pattern
    for o in ctx.orgs:
        # (GIST AI대학원 교수로 일하다: the post there, and 로)
        posted = re.match(rf"\s?(\S+\s)?\S{{0,4}}({titles})(으로|로)\s",
                          ctx.text[o.mention.end - ctx.sent.start_char:])
        if not o.quoted and (o.role.startswith("loc") or posted) and \
                o.mention.start > ctx.mentions[ctx.subject].end:
            yield Found(ctx.subject, "affiliatedWith", o.index, "affiliation.worked-at")


def _passed_through(ctx: Context) -> Iterator[Found]:
    """서울대 전자공학과를 나와 KAIST에서 박사 학위를 받은 그는 1998년 ETRI에 들어가: the
    schools and employers a person passed through (ANNOTATION.md, "People")."""
    if not ctx.speaker or ctx.subject is None:
        return
    others = {org for person, org in ctx.affiliations if person != ctx.subject}
    for m in ctx.cues.pattern("studied_joined").finditer(ctx.text):
        at = ctx.sent.start_char + m.start()
        before = [o for o in ctx.orgs if not o.quoted and o.mention.end <= at
                  and at - o.mention.end <= 14 and o.index not in others]
        if not before or before[-1].role.startswith(("subj", "relsubj")):
            continue  # (KT와 네이버가 졸업생을 뽑는다: the bodies that act, not the person's)
        gap = ctx.text[before[-1].mention.end - ctx.sent.start_char:m.start()]
        if not re.search(r"[,.]", gap):
            yield Found(ctx.subject, "affiliatedWith", before[-1].index, "affiliation.passed")


def _origin(ctx: Context) -> Iterator[Found]:
    """구글 딥마인드 연구원 출신인 오 교수는, 네이버클라우드에서 … 이끌다 창업한 정 대표: a
    past employer written before the person (ANNOTATION.md, "People")."""
    if not ctx.speaker or ctx.subject is None:
        return
    for m in ctx.cues.pattern("origin").finditer(ctx.text):
        at = ctx.sent.start_char + m.start()
        # (ETRI에서 20년 가까이 음성 AI를 연구한 엔지니어 출신: where they worked, 에서)
        before = [o for o in ctx.orgs if not o.quoted and o.mention.end <= at
                  and (at - o.mention.end <= 12 or o.role.startswith("loc"))]
        if before:
            yield Found(ctx.subject, "affiliatedWith", before[-1].index, "affiliation.origin")


def _career_box(ctx: Context) -> Iterator[Found]:
    """◆임채윤 원장 약력 / ▲고려대 전산학과 ▲KAIST 박사 ▲과기정통부 과장: the bodies of a
    career box are the person's (ANNOTATION.md, "People": a past employer too)."""
    state = ctx.state
    people = ctx.of_type("Person")
    # (◇서정훈 원장은 / △고려대 졸업 △…: a line that is only a name and a title heads one)
    heading = len(people) == 1 and _name_heads(
        people[0].mention.text, ctx.text.split("\n")[0], ctx.cues.pattern("title").pattern)
    if people and (ctx.says("career_box") or heading):
        state.extra["career_box"] = people[0].index
        if not heading or "\n" not in ctx.text.strip():
            return
        ctx.state.extra["career_box_rest"] = ctx.sent.start_char + ctx.text.index("\n")
    person = state.extra.get("career_box")
    if person is None:
        return
    rest = state.extra.pop("career_box_rest", None)
    if rest is None and not ctx.text.lstrip().startswith(tuple(ctx.cues.item_mark)):
        state.extra.pop("career_box")
        return
    start = rest if rest is not None else ctx.sent.start_char
    for o in ctx.orgs:
        if o.mention.start >= start and o.index != person:
            yield Found(person, "affiliatedWith", o.index, "affiliation.career-box")


def _name_heads(name: str, line: str, titles: str) -> bool:
    """re.fullmatch(rf"\\W*{re.escape(name)}<title tail>", line), without compiling a
    regex per name: try each place the name may start after leading non-word chars."""
    tail = re.compile(rf"\s*(\S{{0,6}}({titles}))?\s*(은|는)?\s*")
    i = 0
    while True:
        if line.startswith(name, i) and tail.fullmatch(line, i + len(name)):
            return True
        if i >= len(line) or _WORD.match(line[i]):
            return False
        i += 1


_WORD = re.compile(r"\w")


def _career(ctx: Context) -> Iterator[Found]:
    """유 국장은 KLID 파견과 광주광역시 스마트도시과장을 거쳤다: a person's past posts;
    그는 국가인공지능위원회 위원으로 활동한다: a post held (an organisation with its title)."""
    if not ctx.speaker or ctx.subject is None:
        return
    career = ctx.says("career")
    if not career and not ctx.says("post_held"):
        return
    titles = ctx.cues.pattern("title").pattern
    # (… 맡았고, 문지현 보건복지부 과장이 …: another person's organisation is theirs)
    others = {org for person, org in ctx.affiliations if person != ctx.subject}
    for o in ctx.orgs:
        if o.quoted or o.mention.start <= ctx.mentions[ctx.subject].end or o.index in others:
            continue
        if career or re.match(rf"\s?\S{{0,4}}({titles})", ctx.text[o.mention.end - ctx.sent.start_char:]):
            yield Found(ctx.subject, "affiliatedWith", o.index, "affiliation.career")


def _career_before(ctx: Context) -> Iterator[Found]:
    """AMD와 삼성전자 등을 거친 백 대표가, 디플정위에서 위원을 지낸 문명재 교수는: past
    posts in a relative clause right before the person (named, or by surname and title)."""
    m = ctx.cues.pattern("career_relative").search(ctx.text)
    if m is None:
        return
    at = ctx.sent.start_char + m.end()
    person = next((x.index for x in ctx.of_type("Person")
                   if x.mention.start == at + 1 and ctx.text[m.end():m.end() + 1] == " "), None)
    short = re.match(rf" ({surname_pattern(ctx.cues)}) ({ctx.cues.pattern('title').pattern})",
                     ctx.text[m.end():])
    if person is None and short is not None:  # (백 대표: the person named before)
        person = named_by_surname(ctx.state, short.group(1), ctx.sent.start_char)
    if person is None:
        return
    others = {org for p, org in ctx.affiliations if p != person}
    start = ctx.sent.start_char + m.start()
    for o in ctx.orgs:
        between = ctx.text[o.mention.end - ctx.sent.start_char:m.start()]
        if o.mention.end <= start and not o.quoted and o.index not in others and \
                not o.role.startswith(("subj", "relsubj")) and not re.search(r"[,.]|다\s", between):
            yield Found(person, "affiliatedWith", o.index, "affiliation.career-before")


def _appointed(ctx: Context) -> Iterator[Found]:
    """NIA 제9대 원장에 배성욱 … 임명됐다, NIPA 부원장에는 김하람 본부장이: the post is the
    organisation's (personnel news)."""
    if not ctx.says("appoint"):
        return
    titles = ctx.cues.pattern("title").pattern
    for p in ctx.of_type("Person"):
        before = ctx.text[:p.mention.start - ctx.sent.start_char]
        m = re.search(rf"({titles})(에는|에|으로)\s*$", before)
        if m is None:
            continue
        # the organisation a few words before the post: NIA(…) 제9대 원장에
        at = ctx.sent.start_char + m.start()
        org = next((o for o in reversed(ctx.orgs) if o.mention.end <= at
                    and at - o.mention.end <= 14 and not re.search(
                        r"[은는이가을를,]\s", ctx.text[o.mention.end - ctx.sent.start_char:
                                                     at - ctx.sent.start_char])), None)
        if org is None and ctx.subject is not None and not ctx.says("passive_ending") and \
                ctx.mentions[ctx.subject].start < at and \
                ctx.mentions[ctx.subject].type == "Organization":
            # (복지부는 초대 국장에 장민혁 … 을 임명했다: the body that appoints)
            org = next((o for o in ctx.orgs if o.index == ctx.subject), None)
        if org is not None:
            yield Found(p.index, "affiliatedWith", org.index, "affiliation.appointed")
    # 박윤규 전 과기정통부 2차관이 정보통신산업진흥원(이하 NIPA)의 제6대 원장으로 취임했다:
    # the post named after the person, with its body before it
    post = re.compile(rf"\s*(\([^()]*\))?(의)?\s(제\s?\d+\s?대\s?)?\S*?({titles})(으로|로)\s")
    for p in ctx.of_type("Person"):
        if not p.role.startswith("subj"):
            continue
        for o in ctx.orgs:
            if o.mention.start > p.mention.end and post.match(
                    ctx.text, o.mention.end - ctx.sent.start_char):
                yield Found(p.index, "affiliatedWith", o.index, "affiliation.appointed")


def _roster(ctx: Context) -> Iterator[Found]:
    """◇보건복지부 / △AI정책국장 김하늘 △디지털헬스과장 이서준: the people of a personnel
    list work for the body its heading names (◇국장급 sub-headings go on with it)."""
    state, start = ctx.state, ctx.sent.start_char
    marks = re.escape("".join(ctx.cues.item_mark))
    pos = start
    for line in ctx.text.split("\n"):
        end = pos + len(line)
        if not line.strip():
            pos = end + 1
            continue
        here = [x for x in ctx.slots if pos <= x.mention.start < end]
        orgs = [x for x in here if x.mention.type == "Organization"]
        bare = re.sub(r"\[[^\]]*\]|[◇◆■□○#]", "", line).strip()
        if len(orgs) == 1 and bare == orgs[0].mention.text.strip():
            state.extra["roster"] = orgs[0].index  # the heading: a body alone on its line
        elif re.match(rf"\s*[{marks}]", line) and state.extra.get("roster") is not None:
            for p in here:
                if p.mention.type == "Person":
                    yield Found(p.index, "affiliatedWith", state.extra["roster"],
                                "affiliation.roster")
        elif not re.fullmatch(r"\s*[◇◆■□○]?\s*\S{1,6}\s*", line):
            state.extra.pop("roster", None)  # not an item, not a sub-heading: prose again
        pos = end + 1
