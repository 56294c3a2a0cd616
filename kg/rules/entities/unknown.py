"""Organisations no lexicon knows: a word Kiwi did not know (out of vocabulary: new
names, mostly) is an organisation when the sentence shows it is one:

- a descriptor stands before it: 팹리스 스타트업 세미브레인, 소프트웨어 기업인 온새미로;
- it ends like a company name: 한울정밀, 바름데이터, 큐빅스랩, 퓨리오사AI;
- a consortium or a spokesperson follows it: 에듀포레 컨소시엄, 코스모쿨 측;
- it is the subject of what organisations do: 코스모쿨은 … 공장을 짓는다.

Its name goes on over the company words after it: 노스게이트 디지털 인프라."""
from __future__ import annotations

import re

from kg.morphology import Eojeol, split_alias, strip_name
from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence

EXAMPLES = [
    # (the word of a consortium written with its members is no company)
    ("광주시는 솔빛데이터 컨소시엄(솔빛데이터·전남대학교·한빛랩)이 사업을 맡아 내년 가동한다고 밝혔다.",
     set()),
    ("팹리스 스타트업 세미누리가 시제품을 내놨다.", {("Organization", "세미누리")}),
    ("이번 사업은 가람정밀과 보라로보틱스가 맡는다.",
     {("Organization", "가람정밀"), ("Organization", "보라로보틱스")}),
    ("소담웍스 측은 답하지 않았다.", {("Organization", "소담웍스")}),
    ("노바스텔라 디지털 인프라는 데이터센터를 짓는다.", {("Organization", "노바스텔라 디지털 인프라")}),
    ("크레스톤 캐피털은 투자를 늘렸다.", {("Organization", "크레스톤 캐피털")}),
    ("모아AI와 한국IDC가 사업을 따냈다.", {("Organization", "모아AI"), ("Organization", "한국IDC")}),
    ("도면 인식 전문기업 아키비전, 공간정보 기업 지오플랜이 참여한다.",
     {("Organization", "아키비전"), ("Organization", "지오플랜")}),
    ("스타트업 에이아이웨이브와 루트원이 참여했다.",
     {("Organization", "에이아이웨이브")}),
    ("시민들은 새 제도를 반겼다.", set()),
    ("스타트업 3곳과 기업 관계자들이 모였다.", set()),
    ("바이브코딩은 개발 방식을 바꾸고 있다.", set()),
    ("생성형AI가 확산되면서 관심이 커졌다.", set()),
    ("울산 제조AI, 실증 넘어 확산으로", set()),
    ("남궁윤 행정안전부 디지털정부혁신실장은 발표했다.", set()),
    ("광주시청에서 열린 AI 기업 투자협약식에서 참석자들이 기념촬영을 했다.", set()),
    ("IT서비스 기업과 클라우드서비스제공사(CSP)가 손잡았다.", set()),
    ("팹리스 업계는 반도체 설계에 집중한다.", set()),
    ("AI 스타트업 루멘로직(대표 서지안)은 회의록 서비스 ‘기록이 2.0’을 내놨다.",
     {("Organization", "루멘로직")}),
    ("NIPA와 한국사회보장정보원은 누리엣지, 솔바인에이아이(SolvineAI), 다온코드와 ‘복지 AI 공동 개발’ 업무협약을 "
     "체결했다.", {("Organization", "누리엣지"), ("Organization", "솔바인에이아이"), ("Organization", "다온코드")}),
    ("시는 누리엣지, 다온코드와 함께 축제를 열었다.", set()),
    # a field's acronym before a common word; a thing worked on; a descriptor with a particle
    ("AI펀드는 운용사 두 곳을 선정한다.", set()),
    ("시는 AI솔루션 개발과 AI컴퓨팅인프라 확충을 돕는다.", set()),
    ("병원들은 클라우드 병원정보시스템 도입을 검토한다.", set()),
    ("시는 공공클라우드 전환 사업을 확보했다.", set()),
    ("지자체는 중소기업의 자부담을 포함해 사업비를 맞춘다.", set()),
    ("참여 기업들은 창업기업의 투자실적이 늘었다고 밝혔다.", set()),
    ("보안 기업인 누리가드가 사업을 수주했다.", {("Organization", "누리가드")}),
]


@entity_rule("unknown-org", REFINE, priority=5, examples=EXAMPLES)
def unknown_organisations(s: Sentence) -> list[Candidate]:
    words, cues = s.words, s.cues
    verb = cues.pattern("org_verb").search(s.sent.text)
    out: list[Candidate] = []
    for k, w in enumerate(words):
        stem = strip_name(split_alias(w.stem.rstrip(","))[0])  # 아키비전, 지오플랜
        before = strip_name(words[k - 1].stem) if k else ""
        # (a descriptor with a particle is no apposition: 중소기업의 자부담, SK주식회사가 첫발을)
        described = bool(before) and (before in cues.org_descriptor
                                      or before.endswith(cues.words("org_descriptor"))) \
            and words[k - 1].tail.strip() in ("", "인")
        # a word Kiwi does not know; or a name mixing Hangul and Latin (모아AI, 한국IDC);
        # or, after a descriptor, a proper noun (스타트업 비전메이트)
        mixed = MIXED.fullmatch(stem) is not None and not _generic_head(stem, cues)
        # (a word Kiwi can only cut into odd pieces, 아키비전 -> 아/IC 키 비전, is new too)
        # (or two known nouns glued into one new word: 스타트업 에이아이웨이브 = 에이아이+웨이브)
        odd = described and (not w.common or _glued(w, stem, cues)) and not re.match(r"\d", stem)
        # (a proper noun looked for last: the tags of most words need not be read)
        unknown = w.oov or mixed or odd or (any(t.startswith("NNP") for t in w.tags) and (
            described or _company_like(stem, cues)))
        if not unknown or not _name_like(stem, s) or _taken(s, w, len(stem)) or \
                any(c.start <= w.start < c.end for c in out):
            continue
        if any(cues.ends_with(stem, kind) for kind in ("event_cue", "title", "quote_agreement_after")) \
                or stem.endswith(cues.words("org_descriptor") + cues.words("org_suffix_false")):
            continue  # 투자협약식, 디지털정부혁신실장, 클라우드서비스제공사: an occasion, a post, a role
        if stem in cues.consortium:
            continue  # (A 컨소시엄(A·B·C)이: the word, not a company of that name)
        end_k = _extent(words, k, s)
        last = words[end_k]
        follows = strip_name(words[end_k + 1].stem) if end_k + 1 < len(words) else ""
        if not last.tail.strip() and follows.startswith(cues.words("thing_action")):
            continue  # 발주지원시스템 구축, 공공클라우드 전환: a thing worked on
        evidence = (
            described
            or _company_like(strip_name(last.stem), cues)
            or w.oov and _agreement_party(words, end_k, cues)
            or (last.noun_only and follows in cues.org_follow)
            or (last.tail.strip() in cues.subject_particle and verb is not None
                and _acts(words, end_k, cues) and not _person_like(stem, cues)))
        if evidence:
            end = last.stem_end if end_k > k else w.name_start + len(stem)
            out.append(Candidate(w.name_start, end, "Organization", "unknown-org"))
    return out


def _agreement_party(words: list, k: int, cues) -> bool:
    """A, B(…), C와 업무협약을 체결했다: an item of the list of parties an agreement is
    made with (the list's last item takes 와/과, an agreement word follows)."""
    j = k
    while j < len(words) and (words[j].tail.strip() in (",", "·") or
                              words[j].stem.endswith((",", "·"))):
        j += 1
    if j >= len(words) or words[j].tail.strip() not in ("와", "과"):
        return False
    # (… 다온코드와 ‘복지 AI 공동 개발’ 업무협약을: the agreement's title may come between)
    after = re.sub(r"^\s*[‘'“\"][^’'”\"]{1,60}[’'”\"]\s*", "",
                   " ".join(w.text for w in words[j + 1:j + 12]))
    return cues.pattern("agreement").search(after[:15]) is not None


def _glued(w, stem: str, cues) -> bool:
    nouns = [p for t in w.tags for p in t.split("+") if p in ("NNG", "NNP")]
    return len(nouns) >= 2 and len(stem) >= 4 and not stem.endswith(
        tuple(cues.org_descriptor | cues.generic | cues.title))  # (not 공급기업, 공공시장)


MIXED = re.compile(r"[가-힣]{2,}[A-Z][A-Za-z]*|[A-Z]{2,}[가-힣]{2,}|[가-힣]+[A-Z]{2,}[가-힣]+")


def _generic_head(stem: str, cues) -> bool:
    """생성형AI, 초거대AI, 제조AI: a common word written together with an acronym; and
    AI펀드, AI솔루션, ICT인프라: a field's acronym before a common word."""
    latin = re.match(r"[A-Z]+(?=[가-힣])", stem)
    if latin and latin.group(0) in cues.generic_acronym:
        return True
    hangul = re.match(r"[가-힣]+", stem)
    return hangul is not None and (hangul.group(0) in cues.generic or
                                   hangul.group(0) in cues.topic_prefix or
                                   hangul.group(0).endswith("형"))


def _name_like(stem: str, s: Sentence) -> bool:
    cues = s.cues
    return (len(stem) >= 2 and " " not in stem and re.fullmatch(r"[가-힣A-Za-z0-9&.\-]+", stem)
            is not None and re.search(r"[가-힣]", stem) is not None
            and stem not in cues.generic and stem not in cues.trim
            and stem not in cues.org_descriptor and s.lex.names.get(stem) is None)


def _taken(s: Sentence, w: Eojeol, length: int | None = None) -> bool:
    """Another candidate holds the word (or its first `length` characters: 루멘로직(대표
    서지안)은 holds a person in its parenthesis, not in its name)."""
    end = w.stem_end if length is None else w.start + length
    return any(c.start < end and w.start < c.end for c in s.merged)


def _extent(words: list[Eojeol], k: int, s: Sentence) -> int:
    """The last word of the name: 노스게이트 디지털 인프라 ends in a company word."""
    for j in range(min(k + 2, len(words) - 1), k, -1):
        if all(words[i].noun_only for i in range(k, j)) and \
                _company_like(strip_name(split_alias(words[j].stem)[0]), s.cues, whole=True):
            return j
    return k


def _company_like(stem: str, cues, whole: bool = False) -> bool:
    if whole:
        return stem in cues.company_suffix
    suffix = cues.ends_with(stem, "company_suffix")
    return (suffix is not None and len(stem) > len(suffix)) or (bool(
        re.fullmatch(r"[가-힣]{2,}[A-Z]{2,}", stem)) and not _generic_head(stem, cues))


def _acts(words: list[Eojeol], k: int, cues) -> bool:
    """The predicate of the subject at k (its first verb) is something organisations do:
    코스모쿨은 … 공장을 짓는다, not 바이브코딩은 개발 방식을 바꾸고."""
    for w in words[k + 1:k + 12]:
        if any(p.startswith(("VV", "XSV")) for t in w.tags for p in t.split("+")):
            return cues.pattern("org_verb").search(w.text) is not None
    return False


def _person_like(stem: str, cues) -> bool:
    """A three-syllable word starting with a surname is a person's name as likely."""
    return len(stem) == 3 and stem[0] in cues.surname


CONSORTIUM_EXAMPLES = [
    ("시는 가람 컨소시엄을 사업자로 선정했다.",
     {("Organization", "가람 컨소시엄"), ("Organization", "가람")}),
    ("경쟁한 보라 컨소시엄(보라·미르웍스·새솔)은 2순위에 그쳤다.",
     {("Organization", "보라 컨소시엄"), ("Organization", "보라"),
      ("Organization", "미르웍스"), ("Organization", "새솔")}),
    ("LG CNS 컨소시엄이 사업을 수주했다.", {("Organization", "LG CNS 컨소시엄")}),
    ("NC AI 컨소시엄과 업스테이지 컨소시엄이 2차 평가에 올랐다.",
     {("Organization", "NC AI 컨소시엄"), ("Organization", "업스테이지 컨소시엄")}),
    ("LG CNS 컨소시엄(LG CNS·한서데이터)을 제쳤다.",
     {("Organization", "LG CNS 컨소시엄"), ("Organization", "한서데이터")}),
    ("아라데이터(주관)·LG CNS·충남대학교·비욘드웨더 컨소시엄을 1순위로 확정했다.",
     {("Organization", "아라데이터"), ("Organization", "비욘드웨더")}),
    ("LG CNS 컨소시엄이 따냈다. 컨소시엄은 LG CNS(주관)·와이즈넛·스캔메이트AI로 꾸려졌다.",
     {("Organization", "LG CNS 컨소시엄"), ("Organization", "스캔메이트AI")}),
    ("수행기관으로 KDX·누리소프트 컨소시엄을 선정했다.",
     {("Organization", "KDX"), ("Organization", "누리소프트")}),
    ("대기업 계열 컨소시엄 두 곳과 맞붙었다.", set()),
    ("입찰에는 3개 컨소시엄이 참여했다.", set()),
    ("경쟁 컨소시엄은 고배를 마셨다.", set()),
    ("신규과제 수행 컨소시엄은 평가를 거쳐 선정된다.", set()),
    ("주요 대학이 단일 컨소시엄을 꾸려 그랜드 컨소시엄으로 단독 응모했다.", set()),
    ("KT는 공모사업 컨소시엄 구성을 맡는다.", set()),
    ("두 기관은 실증사업 컨소시엄을 꾸린다.", set()),
    # (a name in quotes: the lead's name is the whole word inside them)
    ("남부권에 '새빛그리드 컨소시엄', 중부권에 '다온클라우드 컨소시엄'을 선정했다.",
     {("Organization", "새빛그리드 컨소시엄"), ("Organization", "새빛그리드"),
      ("Organization", "다온클라우드 컨소시엄"), ("Organization", "다온클라우드")}),
    ("KT 컨소시엄은 92.4점을 받아 LG CNS 컨소시엄(90.8점)을 앞섰다.",
     {("Organization", "KT 컨소시엄"), ("Organization", "LG CNS 컨소시엄")}),
    # (a name of several words in quotes is the whole of it, its last word no lead)
    ("부산대가 주관하는 ‘남해 AI·해양 융합 컨소시엄’이 뽑혔다.",
     {("Organization", "남해 AI·해양 융합 컨소시엄")}),
    ("‘중견 SI 기업 컨소시엄’은 고배를 마셨다.", set()),
]


# 아라데이터(주관)·LG CNS·충남대학교·비욘드웨더: members joined by ·, before 컨소시엄
# (the name of the consortium) or before 로 꾸려졌다 (what it is made of); only a Latin
# name goes on past a space (LG CNS; not 수행기관으로 KAIST·고려대 컨소시엄)
MEMBER = (r"(?:[A-Za-z][가-힣A-Za-z0-9&]*(?: [A-Z][A-Za-z0-9&]*)?|[가-힣][가-힣A-Za-z0-9&]*)"
          r"(?:\([가-힣]{1,4}\))?")
# ‘X Y 컨소시엄’: a consortium named in quotation marks, three words or more (a one-word
# lead, ‘새빛그리드 컨소시엄’, is named after its lead, below)
_QUOTED_CONSORTIUM = re.compile(r"[‘'“\"]([^‘’'“”\"\s]+(?: [^‘’'“”\"\s]+){2,5})[’'”\"]$")
_MEMBER_RUN = re.compile(rf"(?:{MEMBER}·)+{MEMBER}\s*$")
_MEMBERS_FORMED = re.compile(rf"((?:{MEMBER}·)+{MEMBER})(?:으로|로)\s*(?:꾸려|꾸린|구성|이뤄|이루어)")


@entity_rule("consortium", REFINE, priority=6, examples=CONSORTIUM_EXAMPLES)
def named_consortia(s: Sentence) -> list[Candidate]:
    """가람 컨소시엄: a consortium named after its lead is an organisation, and so is the
    lead; so are the members named in parentheses after it: 보라 컨소시엄(보라·새솔)."""
    words, cues = s.words, s.cues
    out: list[Candidate] = []
    for k in range(1, len(words)):
        w, prev = words[k], words[k - 1]
        base = strip_name(split_alias(w.stem)[0].split("(")[0])
        head = strip_name(prev.stem)
        # LG CNS 컨소시엄, NC AI 컨소시엄: the lead is the known organisation that ends
        # before it (whose last word alone may say nothing: AI)
        lead = next((c for c in s.merged if c.type == "Organization" and c.start < prev.start
                     and c.end == prev.stem_end), None)
        end = w.start + w.stem.find(base) + len(base)
        quoted = _QUOTED_CONSORTIUM.search(s.text[:end + 1]) if base in cues.consortium else None
        if quoted is not None and quoted.group(1).split()[0] not in cues.consortium_not:
            # ‘부울경 AI·에너지 융합 컨소시엄’: the name in quotation marks is the whole name
            out.append(Candidate(quoted.start(1), end, "Organization", "consortium"))
            continue
        if base not in cues.consortium or not prev.noun_only or not head or lead is None and (
                re.search(r"\d", head) or head in cues.generic or head in cues.trim
                or head in cues.consortium_not or head in cues.sector_acronym
                or cues.ends_with(head, "program_cue")):
            continue  # (경쟁 컨소시엄, 해당 컨소시엄, 공모사업 컨소시엄: no name)
        run = _MEMBER_RUN.search(s.text[:prev.stem_end])
        if run is not None:
            # 아라데이터(주관)·LG CNS·충남대학교 컨소시엄: the members are its name
            out += _run_members(s, run.start(), run.group(0))
            continue
        if lead is not None:
            out.append(Candidate(lead.start, end, "Organization", "consortium"))
        else:
            out.append(Candidate(prev.start, end, "Organization", "consortium"))
            if not any(c.start == prev.start and c.type == "Organization" for c in s.merged):
                at = prev.name_start
                out.append(Candidate(at, at + len(head), "Organization", "consortium"))
        inside = re.match(r"\(([^()]+)\)", s.text[end:w.stem_end])
        if inside:
            pos = end + 1
            for part in re.split(r"([·,、]\s*)", inside.group(1)):
                name = part.strip()
                # (LG CNS 컨소시엄(90.8점): a score, not a member)
                if name and not re.fullmatch(r"[·,、]\s*", part) and len(name) >= 2 and \
                        not re.match(r"[\d.]", name) and \
                        not any(c.start == pos for c in s.merged):
                    out.append(Candidate(pos, pos + len(name), "Organization", "consortium"))
                pos += len(part)
    # 컨소시엄은 LG CNS(주관)·와이즈넛·스캔메이트AI로 꾸려졌다: the members after it
    if any(w.stem.startswith(tuple(cues.consortium)) for w in words):
        for m in _MEMBERS_FORMED.finditer(s.text, s.sent.start_char, s.sent.end_char):
            out += _run_members(s, m.start(1), m.group(1))
    return out


def _run_members(s: Sentence, start: int, run: str) -> list[Candidate]:
    """Each member of A(주관)·B·C is an organisation (a name the lexicon knows is left
    to it)."""
    out, pos = [], start
    for part in re.split(r"(·)", run):
        name = re.sub(r"\([^()]*\)$", "", part).strip()
        if part != "·" and len(name) >= 2 and not any(c.start <= pos < c.end for c in s.merged):
            at = pos + part.index(name)
            out.append(Candidate(at, at + len(name), "Organization", "consortium"))
        pos += len(part)
    return out
