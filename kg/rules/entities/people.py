"""People: a name with a title (배일권 행정안전부 국장), the head of an organisation in
parentheses (행정안전부(장관 윤호중)), foreign names (젠슨 황 엔비디아 CEO,
크라츠(Jeff Kratz)), lawmakers by their office; and the organisation named between a
person and their title (정지은 코딧 대표)."""
from __future__ import annotations

import re

from kg.morphology import split_alias, strip_name, token_at
from kg.rules import PEOPLE, REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

# compiled once: the rules below try them on every word
_AGE = re.compile(r"\(\d{2}\)$")  # 배성욱(58)
_HANGUL3 = re.compile(r"[가-힣]{3}")
_HANGUL2_4 = re.compile(r"[가-힣]{2,4}")
_TWO_WORDS = re.compile(r"[가-힣]{1,4} [가-힣]{1,4}")
_ONE_OR_TWO_WORDS = re.compile(r"[가-힣]{1,4}( [가-힣]{1,4})?")
_HEAD_IN_PARENTHESES = re.compile(r"\(([가-힣]{1,8}) ([가-힣]{2,4})\)")

PRIORITY = 3  # a person's name is never part of another name


EXAMPLES = [
    ("고진 디지털플랫폼정부위원장은 말했다.", {("Person", "고진")}),
    ("이탁 과기정통부 국장이 발표했다.", {("Person", "이탁")}),
    ("패널은 조윤 KAIST AI 대학원장과 임솔 GIST AI 연구소장이다.",
     {("Person", "조윤"), ("Person", "임솔")}),
    ("이번 행사 AI 분야 대표는 말했다.", set()),
    ("이날 국장은 말했다.", set()),
    ("미국 상무부 장관이 방한했다.", set()),  # (a country's ministry, not a name)
    ("기조연설은 라세영 연세대학교 교수가 맡았다.", {("Person", "라세영")}),
    ("윤서현 한국데이터진흥협회 사무총장은 간담회를 주재했다.", {("Person", "윤서현")}),
    ("박지훈 과장은 설명을 덧붙였다.", {("Person", "박지훈")}),
    ("원장에 배성욱(58) 전 행정안전부 실장이 임명됐다.", {("Person", "배성욱")}),
    ("이 서비스는 무료로 제공된다.", set()),
    ("백승훈 조달청장은 말했다.", {("Person", "백승훈")}),
    ("김인태 기업은행 혁신금융그룹 부행장은 말했다.", {("Person", "김인태")}),
    ("왼쪽부터 윤창배 한국산업단지공단 상무이사, 이주영 신용보증기금 전무이사.",
     {("Person", "윤창배"), ("Person", "이주영")}),
    ("과기정통부 장관과 부산시장이 참석했다.", set()),
    ("행정안전부가 사업을 총괄하고 개발원이 구축을 맡는다.", set()),
    ("장세현 구미시장은 출범식에서 말했다.", {("Person", "장세현")}),
    ("정은비 인천시 민원정책과 주무관은 말했다.", {("Person", "정은비")}),
    ("박정민 한국IDC 수석연구원은 말했다.", {("Person", "박정민")}),
    ("사업단 단장은 말했다.", set()),
    ("남궁미란 한국사회보장정보원장은 말했다.", {("Person", "남궁미란")}),
    ("송기철 한국지능정보사회진흥원장(가운데)이 협약서에 서명했다.", {("Person", "송기철")}),
    ("■ 인터뷰 | 윤채원 한국지방행정연구원 디지털행정연구실장", {("Person", "윤채원")}),
    ("이정도 한국수자원공사 차장은 사례를 소개했다.", {("Person", "이정도")}),
    ("이번 한국수자원공사 차장 인사가 났다.", set()),
    ("남궁윤 국장이 왔다. 서울시 출신인 남궁 실장은 말했다.", {("Person", "남궁윤")}),
    ("박서연 삼성증권 애널리스트는 전망했다.", {("Person", "박서연")}),
    ("그는 “최규하 대통령이 길을 닦았다”고 말했다.", {("Person", "최규하")}),
    # (이상/NNG 중/NNB, 고학/NNG 수/NNG: names Kiwi reads as common nouns, before a known
    # body and a title)
    ("이상중 한국인터넷진흥원 원장이 서명했다.", {("Person", "이상중")}),
    ("고학수 개인정보보호위원회 위원장은 말했다.", {("Person", "고학수")}),
    ("사업단 한국인터넷진흥원 단장이 말했다.", set()),
]


@entity_rule("person", PEOPLE, priority=1, examples=EXAMPLES)
def titled(s: Sentence) -> list[Candidate]:
    """NAME [(English)] [ORG …] TITLE; the organisation words become the role."""
    words, cues, lex, known = s.words, s.cues, s.lex, s.ruler
    out = []
    for k, w in enumerate(words):
        # 배성욱(58): an age (looked for only where a parenthesis closes)
        base, alias = split_alias(_AGE.sub("", w.stem) if ")" in w.stem else w.stem)
        lead = len(base) - len(base.lstrip("“\""))  # “박정희 대통령이 …: speech opens
        base = base[lead:]
        tags = w.tags[1:] if lead and len(w.tags) > 1 else w.tags
        # (백승훈 조달청장: Kiwi may read a name as a number and nouns, 백/NR 승/NNB …; a
        # surname and two syllables right before a title are a name)
        # (… or 장세/NNG 현/MM, 박정/XR 민/NNG, 이/MM 정도/NNG before a body and a title:
        # 장세현 구미시장, 박정민 한국IDC 수석연구원; not a dictionary word such as 사업단)
        misread = _HANGUL3.fullmatch(w.text.strip()) is not None \
            and w.text.strip()[0] in cues.surname and k + 1 < len(words) \
            and cues.ends_with(strip_name(w.stem), "title") is None \
            and not (w.common and len(w.tags) == 1) and (
                w.noun_only and cues.ends_with(strip_name(split_alias(words[k + 1].stem)[0]),
                                               "title") is not None
                or w.noun_only and _known_body_titled(words, k, known, cues)
                or not w.common and not w.noun_only and _titled_after(words, k, cues)
                or not w.common and w.tags[0] in ("XR", "MM") and _titled_after(words, k, cues))
        if misread:
            base, alias = w.text.strip(), None
        latin = alias if alias and re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+){1,2}", alias) \
            else None  # 크라츠(Jeff Kratz): a foreign name; the word before is part of it
        foreign = latin is not None and re.fullmatch(r"[가-힣]{1,5} [가-힣]{1,4}", base)
        if not (_HANGUL2_4.fullmatch(base) or foreign) or base in lex.names \
                or base in cues.generic or base in cues.trim or base in cues.title \
                or base in cues.compound_surname:  # (남궁 실장: a surname, for one named before)
            continue  # (데이비드 림(David Lim): Kiwi keeps a foreign name as one word)
        start = w.start + lead
        if latin:
            if cues.ends_with(base, "org_suffix") or base in cues.org_suffix_not or \
                    latin.split()[-1] in cues.company_word_latin or \
                    cues.ends_with(base, "company_suffix"):
                continue  # 라이언게이트 캐피털(Liongate Capital): a firm, not a person
            if not foreign and k > 0 and re.fullmatch(r"[가-힣]{1,4}", words[k - 1].stem) \
                    and words[k - 1].noun_only:
                start = words[k - 1].start
        elif not misread and not (len(base) == 4 and base[:2] in cues.compound_surname) and (
                base[0] not in cues.surname or len(base) not in (2, 3) or not w.noun_only
                or not (tags[0].startswith("NNP") or w.oov or len(base) == 2)):
            continue
        if any(c.start <= w.start < c.end for c in known):
            continue
        if k > 0 and base[-1] in "부처청" and \
                lex.type_of(strip_name(words[k - 1].stem)) == "Place":
            continue  # 미국 상무부 장관: a country's ministry, not a name
        title_k = title_word = None
        for j in range(k + 1, min(k + 9, len(words))):
            tstem = strip_name(split_alias(words[j].stem)[0])
            # (한지훈 의원·민주당 이서윤 의원: a middle dot after the title ends the role)
            # (… 이주영 신용보증기금 전무이사.: a caption's list ends on the last title)
            dotted = re.split(r"[·ㆍ]", tstem)[0]
            head = dotted.rstrip(".")
            title = cues.ends_with(head, "title")
            if title and not head.endswith(tuple(cues.office)):
                title_k, title_word = j, words[j].stem if head == tstem else head
                break
            if dotted != tstem and _next_named(tstem, cues, lex):
                break  # (정동영 더불어민주당·최형두 국민의힘 의원: each their own; person-paired)
            if not words[j].noun_only and not latin and \
                    words[j].text not in cues.title_prefix and not _section(words, j, cues):
                break  # (배성욱(58) 전 행정안전부 실장: 전, 현 stand before a role)
            if not re.search(r"[0-9A-Za-z가-힣]", words[j].text):
                break  # (■ 인터뷰 | 윤채원 … 실장: a separator ends the name's words)
        if title_k is None and not latin:
            continue
        body_next = k + 1 < len(words) and any(
            c.start == words[k + 1].start and c.type == "Organization" for c in known)
        if len(base) == 2 and not latin and (w.common or title_k > k + 3 or
                                             title_k > k + 1 and not body_next):
            continue  # 고진 디지털플랫폼정부위원장, 고진 위원장: a two-syllable name only right
            # before a title, or before a known body and a title at most two words on
            # (정송 KAIST AI 대학원장)
        c = Candidate(start, w.start + lead + len(base), "Person", "person", priority=PRIORITY)
        c.canonical = " ".join([x.stem for x in words if start <= x.start < w.start] + [base])
        if latin:
            c.aliases += [latin, base]
        if title_k is not None:
            c.role = " ".join([x.stem for x in words[k + 1:title_k]] + [title_word])
        out.append(c)
    return out


def _next_named(stem: str, cues, lex) -> bool:
    """더불어민주당·최형두: a known body, a middle dot and the next person's name."""
    body, _, after = re.split(r"([·ㆍ])", stem, maxsplit=1)
    return lex.type_of(body) == "Organization" and re.fullmatch(r"[가-힣]{3,4}", after) \
        is not None and after[0] in cues.surname and after not in lex.names


def _known_body_titled(words: list, k: int, known, cues) -> bool:
    """이상중 KISA 원장: a body the lexicon knows, then a title, right after the word (Kiwi
    reads some names as common nouns, 이상/NNG 중/NNB)."""
    return k + 2 < len(words) and words[k + 1].noun_only and any(
        c.type == "Organization" and c.start == words[k + 1].start
        and c.end == words[k + 1].stem_end for c in known) and cues.ends_with(
        strip_name(split_alias(words[k + 2].stem)[0]), "title") is not None


def _titled_after(words: list, k: int, cues) -> bool:
    return _title_after(words, k, cues) is not None


def _title_after(words: list, k: int, cues) -> int | None:
    """The word of a title within the next three words, the words before it nouns (a
    body, a unit)."""
    for j in range(k + 1, min(k + 4, len(words))):
        if cues.ends_with(strip_name(split_alias(words[j].stem)[0]), "title"):
            return j
        if not words[j].noun_only and not _section(words, j, cues):
            return None
    return None


def _section(words: list, j: int, cues) -> bool:
    """민원정책과 주무관: a section's name read by Kiwi as a noun and 과 (and), before a
    title."""
    return words[j].tail.strip() == "과" and j + 1 < len(words) and \
        cues.ends_with(strip_name(words[j + 1].stem), "title") is not None


EXAMPLES_FOREIGN = [
    ("마크 베니오프 세일즈포스 최고경영자가 방한했다.", {("Person", "마크 베니오프")}),
    ("리사 수 AMD 최고경영자는 새 칩을 소개했다.", {("Person", "리사 수")}),
    ("구글 순다르 피차이 CEO는 한국을 찾았다.", {("Person", "순다르 피차이")}),
    ("마이클 랜던 마이크로소프트 아시아태평양 총괄 부사장은 말했다.", {("Person", "마이클 랜던")}),
    ("서울 시민 다수가 찬성했다.", set()),
    ("제니퍼 오닐(Jennifer O'Neill) 구글 클라우드 아시아태평양 공공부문 총괄은 발표했다.",
     {("Person", "제니퍼 오닐")}),
    ("아난야 라오(Ananya Rao) IBM 아시아태평양 공공부문 최고기술책임자(CTO)는 사례를 소개했다.",
     {("Person", "아난야 라오")}),
    ("그는 대통령 직속 국가인공지능전략위원회 위원도 맡고 있다.", set()),
    ("국회 정무위원회 소속 한정민 더불어민주당 의원이 물었다.", set()),
    ("도널드 트럼프 미국 대통령은 행정명령에 서명했다.", {("Person", "도널드 트럼프")}),
    ("이시바 시게루 일본 총리는 방한했다.", {("Person", "이시바 시게루")}),
    ("회의에는 서울 시민 대표가 참석했다.", set()),
    ("배경훈 부총리 겸 과학기술정보통신부 장관이 참석했다.", set()),  # (배경훈 is the person rule's)
    ("기조연설은 제임스 랜디 물릭(James Randy Moulic) 미국 뉴욕주립대 학장이 맡는다.",
     {("Person", "제임스 랜디 물릭")}),
    ("기조연설은 제임스 물릭(James Randy Moulic) 미국 뉴욕주립대 학장이 맡는다.", set()),
]


@entity_rule("person-foreign", PEOPLE, priority=2, examples=EXAMPLES_FOREIGN)
def foreign_names(s: Sentence) -> list[Candidate]:
    """젠슨 황 엔비디아 최고경영자: two Hangul words, a known organisation, a title."""
    words, cues, lex, known = s.words, s.cues, s.lex, s.ruler
    out = []
    orgs = {c.start: c for c in known if c.type == "Organization"}
    # (도널드 트럼프 미국 대통령: a head of state or government is named with their country)
    bodies = orgs.keys() | {c.start for c in known if c.type == "Place"
                            and lex.group_of(s.text[c.start:c.end]) == "world"}
    for k in range(len(words) - 1):
        # Kiwi may keep a foreign name as one token with its space (젠슨 황)
        if _TWO_WORDS.fullmatch(words[k].text):
            a, b, org, n = words[k], words[k], words[k + 1], 1
        elif k + 2 < len(words) and words[k].noun_only and words[k + 1].noun_only:
            a, b, org, n = words[k], words[k + 1], words[k + 2], 2
        else:
            continue
        # 구글 순다르 피차이 CEO: the organisation may come first, the title right after
        org_before = k > 0 and any(c.end == words[k - 1].stem_end for c in orgs.values()) \
            and cues.ends_with(strip_name(org.stem), "title") is not None
        if (org.start not in bodies and not org_before) or not all(
                _ONE_OR_TWO_WORDS.fullmatch(x.text) for x in (a, b)):
            continue  # (Kiwi tags foreign names oddly: read the words as written)
        # (대통령 직속 위원회 위원: a title is no given name)
        # (국회 행정안전위원회 소속 윤서하 의원: 소속 says whose the person is)
        # (부총리 겸 과기정통부 장관: a title and 겸, no name)
        if any(x in lex.names or x in cues.generic or x in cues.trim or x in cues.title
               or cues.ends_with(x, "title") or x in cues.name_attachment
               for x in (a.text, b.text)) or \
                any(c.start <= a.start < c.end for c in known):
            continue
        after = [strip_name(split_alias(x.stem)[0]) for x in words[k + n:k + n + 3]]
        title = next((t for t in after if cues.ends_with(t, "title")), None)
        if title is None:
            continue
        role = " ".join(x.stem for x in words[k + n:k + n + after.index(title) + 1])
        name = a.text if n == 1 else f"{a.text} {b.text}"
        out.append(Candidate(a.start, b.end, "Person", "person-foreign", priority=PRIORITY,
                             canonical=name, aliases=[name.split()[-1]], role=role))
    return out + _glossed(s, orgs | {c.start: c for c in known if c.type == "Place" and
                                     lex.group_of(s.text[c.start:c.end]) == "world"})


def _glossed(s: Sentence, orgs: dict) -> list[Candidate]:
    """제니퍼 오닐(Jennifer O'Neill) 구글 클라우드 아시아태평양 공공부문 총괄: a foreign name
    with its Latin spelling, then a known organisation (or a country: 미국 뉴욕주립대 학장)
    and, a few words on, a title. The name has as many words as its spelling (three:
    제임스 랜디 물릭(James Randy Moulic))."""
    cues, lex, out = s.cues, s.lex, []
    base = s.sent.start_char
    for m in _GLOSSED.finditer(s.sent.text):
        org = orgs.get(base + m.end())
        n = len(m.group(2).split())  # (연사 제임스 물릭(James Moulic): the last two words)
        parts = m.group(1).split()[-n:]
        if org is None or len(parts) != n or any(
                x in lex.names or x in cues.generic or x in cues.title for x in parts):
            continue
        after = [w for w in s.words if w.start >= org.start][:7]
        # (… 최고기술책임자(CTO)는: the title with its gloss)
        title = next((w for w in after if cues.ends_with(
            strip_name(split_alias(strip_name(w.stem))[0]), "title")), None)
        if title is None:
            continue
        name = " ".join(parts)
        role = s.text[org.start:title.stem_end]
        start = base + m.end(1) - len(name)
        out.append(Candidate(start, start + len(name), "Person",
                             "person-foreign", priority=PRIORITY, canonical=name,
                             aliases=[parts[-1], m.group(2).strip()], role=role))
    return out


_GLOSSED = re.compile(r"(?<![가-힣])([가-힣]{1,4}(?: [가-힣]{1,4}){1,3})\(([A-Z][A-Za-z.'’\-]*"
                      r"(?: [A-Z][A-Za-z.'’\-]*){1,2})\)\s")


EXAMPLES_PARENTHESIS = [
    ("행정안전부(장관 김도현)는 새 계획을 내놨다.", {("Person", "김도현")}),
    ("조달청(청장 이정민)이 지침을 바꿨다.", {("Person", "이정민")}),
    ("조달청(대전 소재)이 지침을 바꿨다.", set()),
]


@entity_rule("person-parenthesis", PEOPLE, priority=1, examples=EXAMPLES_PARENTHESIS)
def officials_in_parentheses(s: Sentence) -> list[Candidate]:
    """행정안전부(장관 윤호중): the head of an organisation named in parentheses."""
    cues = s.cues
    out = []
    for w in s.words:
        m = _HEAD_IN_PARENTHESES.search(w.stem)
        if not m or not cues.ends_with(m.group(1), "title") or m.group(2)[0] not in cues.surname:
            continue
        start = w.start + m.start(2)
        org = strip_name(w.stem[:m.start()])
        out.append(Candidate(start, start + len(m.group(2)), "Person", "person-parenthesis",
                             priority=PRIORITY, canonical=m.group(2), role=f"{org} {m.group(1)}"))
    return out


EXAMPLES_MEMBERS = [
    ("‘새벽별’팀(윤지현, 박성민)이 대상을, ‘한울’팀(심수아, 이정우, 김현서)이 우수상을 받았다.",
     {("Person", "윤지현"), ("Person", "박성민"), ("Person", "심수아"), ("Person", "이정우"),
      ("Person", "김현서")}),
    ("우수상은 누리랩(김도윤, 최서연)에 돌아갔다.", {("Person", "김도윤"), ("Person", "최서연")}),
    ("행사는 세 도시(서울, 부산, 대구)에서 열렸다.", set()),
    ("참가 기업(한빛소프트, 다온랩)이 발표했다.", set()),
]

_MEMBERS = re.compile(r"(?<=[가-힣’'”\"])\(([가-힣]{3}(?:,\s?[가-힣]{3})+)\)")


@entity_rule("person-members", PEOPLE, priority=1, examples=EXAMPLES_MEMBERS)
def members_in_parentheses(s: Sentence) -> list[Candidate]:
    """‘놀슈’팀(심수민, 이정민): a team's or a group's members, named in parentheses after it
    (every item a three-letter name that starts with a surname and no known word)."""
    cues, lex = s.cues, s.lex
    out = []
    for m in _MEMBERS.finditer(s.sent.text):
        names = [n.strip() for n in m.group(1).split(",")]
        if not all(n[0] in cues.surname and lex.names.get(n) is None and n not in cues.generic
                   and not cues.ends_with(n, "org_suffix") for n in names):
            continue
        at = s.sent.start_char + m.start(1)
        for part in re.finditer(r"[가-힣]{3}", m.group(1)):
            start = at + part.start()
            out.append(Candidate(start, start + 3, "Person", "person-members",
                                 priority=PRIORITY, canonical=part.group(0)))
    return out


EXAMPLES_POSTED = [
    ("◇보건복지부\n△AI정책국장 김하늘 △디지털헬스과장 이서준",
     {("Person", "김하늘"), ("Person", "이서준")}),
    ("▲인공지능정책관 김하늘(현 정보화담당관)", {("Person", "김하늘")}),
    ("△국장 회의 개최", set()),
    ("과장 김하늘 씨가 말했다.", set()),
]


@entity_rule("person-posted", PEOPLE, priority=1, examples=EXAMPLES_POSTED)
def posted(s: Sentence) -> list[Candidate]:
    """△AI정책국장 김하늘: a personnel list's item, the post before the name."""
    words, cues, lex = s.words, s.cues, s.lex
    text, start = s.sent.text, s.sent.start_char
    out = []
    for k, w in enumerate(words[:-1]):
        title = strip_name(w.stem)
        line = text[:w.start - start].rsplit("\n", 1)[-1]
        if not cues.ends_with(title, "title") or not w.noun_only or w.tail.strip() or \
                not re.search(rf"[{re.escape(''.join(cues.item_mark))}]\s*$", line):
            continue
        name = words[k + 1]
        base = re.sub(r"\(.*$", "", name.stem)
        after = text[name.start - start + len(base):][:1]
        if re.fullmatch(r"[가-힣]{2,3}", base) and base[0] in cues.surname and \
                base not in lex.names and base not in cues.generic and \
                (after in ("", "(", ",", " ", "\n") or after in cues.item_mark) and \
                (k + 2 >= len(words) or words[k + 2].text[:1] in cues.item_mark
                 or "\n" in text[name.end - start - 1:words[k + 2].start - start]):
            out.append(Candidate(name.start, name.start + len(base), "Person", "person-posted",
                                 priority=PRIORITY, canonical=base, role=title))
    return out


EXAMPLES_ROLE = [
    ("정지은 코딧 대표는 이렇게 말했다.", {("Organization", "코딧")}),
    ("최민수 누리랩스 이사가 발표했다.", {("Organization", "누리랩스")}),
    ("정지은 대표는 이렇게 말했다.", set()),
    # (a word before the body the person works for qualifies it)
    ("임문영 대통령직속 국가인공지능전략위원회 부위원장은 전략을 제시했다.", set()),
    ("김도윤 국무총리직속 국가데이터정책위원회 위원장은 말했다.", set()),
    # 코딧 정지은 대표: the company may come first, when its head is titled (a new name)
    ("협약식에는 누리랩 김민수 대표와 다온젠 이정훈 대표이사가 참석했다.",
     {("Organization", "누리랩"), ("Organization", "다온젠")}),
    ("다온헬스케어의 유민호 대표가 발표했다.", {("Organization", "다온헬스케어")}),
    ("스타트업 김민수 대표는 말했다.", set()),
    ("이날 김민수 대표는 말했다.", set()),
    ("대학원 김민수 교수는 말했다.", set()),
]


@entity_rule("role", REFINE, priority=2, names=("role", "role-before"),
             examples=EXAMPLES_ROLE)
def role_organisations(s: Sentence) -> list[Candidate]:
    """정지은 코딧 대표: the word between a name and a title names an organisation; so
    does a new name right before a person titled as a company's head (코딧 정지은 대표)."""
    words, cues, known = s.words, s.cues, s.merged
    out = []
    for p in [c for c in known if c.type == "Person"]:
        before = _company_before(s, p)
        if before is not None:
            out.append(before)
        if not p.role:
            continue
        nxt = [w for w in words if w.start >= p.end]
        if not nxt or any(c.start <= nxt[0].start < c.end for c in known):
            continue
        if len(nxt) > 1 and any(c.type == "Organization" and c.start <= nxt[1].start < c.end
                                for c in known):
            continue  # (임문영 대통령직속 국가인공지능전략위원회 부위원장: a body is named next)
        stem = strip_name(split_alias(nxt[0].stem)[0])
        if len(p.role.split()) < 2 or stem in cues.generic or stem in cues.trim:
            continue
        if re.fullmatch(r"[가-힣A-Za-z0-9]{2,12}", stem) and not cues.ends_with(stem, "title") \
                and stem in p.role.split() and not re.search(r"\d", stem):
            at = nxt[0].name_start
            out.append(Candidate(at, at + len(stem), "Organization", "role"))
    return out


def _company_before(s: Sentence, p: Candidate) -> Candidate | None:
    """누리랩 김민수 대표, 로킷헬스케어의 유석환 회장: the word before a Korean name titled
    only as a company's head, when it is a new name (no dictionary word, no known name)."""
    words, cues = s.words, s.cues
    if p.rule != "person" or p.role not in cues.company_head:
        return None
    k = next((j for j, w in enumerate(words) if w.start == p.start), 0)
    if k == 0:
        return None
    w = words[k - 1]
    if not (w.noun_only or w.tail == "의") or w.common or \
            any(c.start < w.stem_end and w.start < c.end for c in s.merged):
        return None
    stem = strip_name(w.stem)
    if not re.fullmatch(r"[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}", stem) or \
            stem in cues.generic or stem in cues.trim or stem in cues.title_prefix or \
            cues.ends_with(stem, "title") or s.lex.type_of(stem) is not None or \
            not (w.oov or re.search("[A-Za-z]", stem) or any(t.startswith("NNP") for t in w.tags)):
        return None
    return Candidate(w.name_start, w.name_start + len(stem), "Organization", "role-before")


EXAMPLES_LAWMAKER = [
    ("김철수 더불어민주당 의원실이 자료를 공개했다.", {("Person", "김철수")}),
    ("박영희 국민의힘 의원실은 반박했다.", {("Person", "박영희")}),
    ("더불어민주당 한정민 의원실은 세미나를 열었다.", {("Person", "한정민")}),
    ("송희경 의원실(자유한국당)이 확보한 예산안에 따르면 예산이 늘었다.", {("Person", "송희경")}),
    ("의원실은 답하지 않았다.", set()),
]


@entity_rule("person-lawmaker", REFINE, priority=4, examples=EXAMPLES_LAWMAKER)
def lawmakers(s: Sentence) -> list[Candidate]:
    """권칠승 더불어민주당 의원실: the lawmaker whose office it is is a person."""
    words, cues, lex = s.words, s.cues, s.lex
    out = []
    title = min(cues.lawmaker_title)
    for k, w in enumerate(words[:-1]):
        if not _HANGUL3.fullmatch(w.stem):
            continue
        # 권칠승 더불어민주당 의원실, or 더불어민주당 한정민 의원실
        after = (strip_name(words[k + 1].stem), strip_name(words[k + 2].stem)) \
            if k + 2 < len(words) else ("", "")
        before = strip_name(words[k - 1].stem) if k else ""
        office = strip_name(words[k + 1].stem)
        glossed = re.fullmatch(r"(\S+?)\(([^()]+)\)", office)  # 송희경 의원실(자유한국당)
        if after[1] in cues.lawmaker_office and lex.type_of(after[0]) == "Organization":
            party = after[0]
        elif office in cues.lawmaker_office and lex.type_of(before) == "Organization":
            party = before
        elif glossed and glossed.group(1) in cues.lawmaker_office and \
                lex.type_of(glossed.group(2).strip()) == "Organization":
            party = glossed.group(2).strip()
        else:
            continue
        out.append(Candidate(w.start, w.stem_end, "Person", "person-lawmaker",
                             priority=PRIORITY, canonical=w.stem, role=f"{party} {title}"))
    return out


EXAMPLES_LISTED = [
    ("정회원으로는 강민국, 김기웅, 조승환 의원이 가입했다.",
     {("Person", "강민국"), ("Person", "김기웅")}),  # (조승환 의원: the titled rule's)
    ("토론회는 김영배·이인선 의원이 공동 주최했다.",
     {("Person", "김영배"), ("Person", "이인선")}),
    ("간담회에는 민주당 한서윤ㆍ오태민 의원이 참석했다.",
     {("Person", "한서윤"), ("Person", "오태민")}),
    ("고동진, 조인철 의원은 관련법을 각각 발의했다.", {("Person", "고동진")}),
    ("심사는 박서진·김도윤 한국과학기술원 교수가 맡았다.",
     {("Person", "박서진"), ("Person", "김도윤")}),
    ("서울, 부산, 대구 시장이 모였다.", set()),
    ("정부·여당 관계자가 말했다.", set()),
    ("이사장, 원장 등 기관장이 모였다.", set()),
]

# names run together before one title: 강민국, 김기웅, 조승환 의원 / 김영배·이인선 의원
_LISTED = re.compile(r"(?<![가-힣A-Za-z0-9·ㆍ,])((?:[가-힣]{3,4} ?[,·ㆍ] ?)+)([가-힣]{3,4})(?=[\s(])")


@entity_rule("person-listed", REFINE, priority=4, examples=EXAMPLES_LISTED)
def listed(s: Sentence) -> list[Candidate]:
    """강민국, 김기웅, 조승환 의원 / 김영배·이인선 의원: names listed before one title share
    it (every item a name by its shape: a surname, three letters, no word Kiwi knows)."""
    words, cues, lex = s.words, s.cues, s.lex
    base = s.sent.start_char
    tags = token_at(s.doc)
    people = {c.start: c for c in s.merged if c.type == "Person"}
    out = []
    for m in _LISTED.finditer(s.sent.text):
        names = [(base + m.start() + n.start(), n.group(0))
                 for n in re.finditer(r"[가-힣]{3,4}", m.group(0))]
        if not all(_name_shaped(n, tags.get(at), cues, lex) for at, n in names):
            continue
        last_at = names[-1][0]
        known = [c for c in s.merged if c.start < base + m.end() and c.end > base + m.start()]
        if any(c.type != "Person" or c.start != last_at for c in known):
            continue
        last = people.get(last_at)
        if last is not None:
            role = last.role
        else:
            k = next((i for i, w in enumerate(words) if w.start <= last_at < w.end), None)
            title_k = None if k is None else _title_after(words, k, cues)
            if title_k is None:
                continue
            role = " ".join(x.stem for x in words[k + 1:title_k + 1])
        for at, n in names:
            if at not in people:
                out.append(Candidate(at, at + len(n), "Person", "person-listed",
                                     priority=PRIORITY, canonical=n, role=role))
    return out


EXAMPLES_PAIRED = [
    ("토론회는 박지훈 더불어민주당·윤서진 국민의힘 의원이 공동 주최했다.",
     {("Person", "박지훈"), ("Person", "윤서진")}),
    ("이날 김도윤 부산시당위원장·한승우 울산시당위원장이 참석했다.",
     {("Person", "한승우")}),  # (김도윤 부산시당위원장: the titled rule's)
    ("발제는 정하린 서울대 교수ㆍ남궁현 카이스트 교수가 맡았다.", {("Person", "남궁현")}),
    ("개정안은 더불어민주당·국민의힘 합의로 통과됐다.", set()),
    ("행사에는 과기정통부 장관·차관이 참석했다.", set()),
]

# each name with its own body or title, joined by a middle dot, the title written once or
# for each: 정동영 더불어민주당·최형두 국민의힘 의원 / 임미애 경북도당위원장·강민구 대구시당위원장
_PAIRED = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{3,4}) ([가-힣A-Za-z]+)[·ㆍ]([가-힣]{3,4}) ")


@entity_rule("person-paired", REFINE, priority=4, examples=EXAMPLES_PAIRED)
def paired(s: Sentence) -> list[Candidate]:
    """정동영 더불어민주당·최형두 국민의힘 의원, 임미애 경북도당위원장·강민구 대구시당위원장:
    two people, each named with a body or a title of their own and joined by a middle
    dot; the second name is glued to the first one's word, where no other rule looks."""
    words, cues, lex = s.words, s.cues, s.lex
    base = s.sent.start_char
    tags = token_at(s.doc)
    people = {c.start for c in s.merged if c.type == "Person"}
    out = []
    for m in _PAIRED.finditer(s.sent.text):
        first, word, second = m.group(1), m.group(2), m.group(3)
        at2 = base + m.start(3)
        k = next((i for i, w in enumerate(words) if w.start <= at2 < w.end), None)
        if k is None or not _name_shaped(second, tags.get(at2), cues, lex):
            continue
        title_k = _title_after(words, k, cues)
        if title_k is None or any(c.start < at2 + len(second) and c.end > at2 and
                                  c.type != "Person" for c in s.merged):
            continue
        tail = " ".join(x.stem for x in words[k + 1:title_k + 1])
        if lex.type_of(word) == "Organization":
            # (both bodies before one title: each person is the one body's)
            title = strip_name(words[title_k].stem)
            roles = [(base + m.start(1), first, f"{word} {title}")]
        elif cues.ends_with(word, "title"):
            roles = []  # (the first name and its title: the titled rule's)
        else:
            continue
        roles.append((at2, second, tail))
        for at, name, role in roles:
            if at not in people and _name_shaped(name, tags.get(at), cues, lex):
                out.append(Candidate(at, at + len(name), "Person", "person-paired",
                                     priority=PRIORITY, canonical=name, role=role))
    return out


def _name_shaped(name: str, tok, cues, lex) -> bool:
    """A Korean name by its shape: a surname and two letters (or a two-letter surname and
    two), no known name or cue word, and Kiwi reads it as a proper noun or a new word."""
    compound = len(name) == 4 and name[:2] in cues.compound_surname
    if not compound and (len(name) != 3 or name[0] not in cues.surname):
        return False
    if name in lex.names or name in cues.generic or name in cues.title or name in cues.trim \
            or cues.ends_with(name, "title") or cues.ends_with(name, "org_suffix"):
        return False
    return tok is not None and (tok.tag.startswith("NNP") or tok.oov)
