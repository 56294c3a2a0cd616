"""Discourse: what a sentence's relations depend on beyond its own words.

Per document it keeps the acting organisation carried across sentences (news
writing elides a repeated subject), who each person works for (a person
speaking stands for their organisation), and the organisations, events and
programs named so far. Per sentence it gives the relation rules a `Context`:
each mention's role in the clause (from the particle after it), the acting
subject, and the actor.

Korean marks a noun's role with the particle after it: 이/가/은/는 the subject,
을/를 the object, 에/에게 the target, 에서 the place, 와/과/및/, a partner or the
next member of a list (ontology/cues/relations.tsv).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.lexicon import Cues, Lexicon
from kg.morphology import BULLETS, LINE_BULLET, Eojeol, SentenceText
from kg.names import QUOTES
from kg.types import Mention


# lexicon files of public bodies (ontology/lexicons/organizations/)
PUBLIC_GROUPS = frozenset({"central-government", "local-governments", "public-institutions",
                           "research-institutes"})


@dataclass
class Slot:
    index: int              # into the document's mentions
    mention: Mention
    role: str               # subj, obj, dat, loc, conj, gen, or "" (a modifier); "*" inherited
    word: int               # the word (eojeol) the mention's noun phrase ends in
    quoted: bool            # inside a quotation (speech)


@dataclass
class State:
    """Per-document state: the discourse subject and who people work for."""

    mentions: list[Mention]
    subject: int | None = None               # last explicit acting organisation
    person: int | None = None                # last person
    affiliation: dict[int, int] = field(default_factory=dict)  # person -> organisation
    orgs_seen: list[int] = field(default_factory=list)
    events_seen: list[int] = field(default_factory=list)
    programs_seen: list[int] = field(default_factory=list)
    previous_text: str = ""                  # the sentence before this one
    topic: int | None = None                 # the program or initiative it was about
    extra: dict = field(default_factory=dict)  # what a rule family keeps for itself
    # (predicate, object) pairs a rule says have no subject: the relation model adds none
    denied: set[tuple[str, int]] = field(default_factory=set)
    group: list[int] = field(default_factory=list)  # the last bodies that acted together
    acted: list[int] = field(default_factory=list)  # the acting organisations, in order
    topics: list[int] = field(default_factory=list)  # the programmes sentences were about
    index: int = -1                          # the sentence being read


def in_scope(state: State, index: int) -> bool:
    """Whether a mention of sentence `index` is still at hand: in this section, or in the
    article's lead before its first section (a feature's subject; a digest's items each
    have their own)."""
    start = state.extra.get("section_start")  # (the sentence before the section's heading)
    return start is None or index > start or index <= state.extra["first_section"]


def in_section(state: State, index: int) -> bool:
    """Whether sentence `index` is in this section: after its heading, or anywhere where
    no heading has come yet (a digest's lead is no item's own)."""
    start = state.extra.get("section_start")
    return start is None or index > start


@dataclass
class Context:
    """What the relation rules read of one sentence."""

    state: State
    sent: SentenceText
    words: list[Eojeol]
    slots: list[Slot]
    lex: Lexicon
    affiliations: list[tuple[int, int]]      # (person, organisation) stated here
    subject: int | None = None               # the acting subject written here
    speaker: bool = False                    # ... a person speaking
    actor: int | None = None                 # the acting organisation, written or carried
    previous_topic: int | None = None        # the program the sentence before was about
    previous_actor: int | None = None        # the acting organisation before this sentence
    group: list[int] = field(default_factory=list)  # 양사는, 세 기관은: the bodies it means
    _said: dict = field(default_factory=dict, repr=False)  # says(), by kind

    @property
    def text(self) -> str:
        return self.sent.text

    @property
    def cues(self) -> Cues:
        return self.lex.cues

    def public_body(self, index: int) -> bool:
        """A ministry, agency, local government or other public institution."""
        m = self.mentions[index]
        group = self.lex.group_of(m.canonical or m.text) or self.lex.group_of(m.text)
        return group in PUBLIC_GROUPS or m.text.endswith(self.cues.words("government_suffix"))

    @property
    def mentions(self) -> list[Mention]:
        return self.state.mentions

    def of_type(self, *types: str) -> list[Slot]:
        return [x for x in self.slots if x.mention.type in types]

    def sole_program(self) -> int | None:
        """The programme of an article that names only one (its last mention)."""
        seen = self.state.programs_seen
        names = {self.mentions[i].canonical or self.mentions[i].text for i in seen}
        whole = max(names, key=len, default="")
        squeezed = whole.replace(" ", "")
        # (a headline's ‘AI 실증 바우처’ is the body's ‘2026 광주 AI 실증 바우처 지원사업’)
        if names and all(n.replace(" ", "") in squeezed for n in names):
            return [i for i in seen if (self.mentions[i].canonical or self.mentions[i].text)
                    == whole][-1]
        return None

    def fund_at_hand(self) -> int | None:
        """The last programme named in this section whose name ends like a fund's (펀드,
        투자조합): the fund an article's sums and managers are of."""
        return next((i for i in reversed(self.state.programs_seen)
                     if in_scope(self.state, self.mentions[i].sentence) and self.cues.ends_with(
                         self.mentions[i].canonical or self.mentions[i].text, "fund_name")), None)

    def company(self, index: int) -> bool:
        """A business: a company of the lexicon, or a body it does not know whose name is
        no public, academic or civic one (대학교, 재단, 협회 …)."""
        m = self.mentions[index]
        group = self.lex.group_of(m.canonical or m.text) or self.lex.group_of(m.text)
        if group is not None:
            return group.startswith("companies")
        return not self.public_body(index) and not self.cues.ends_with(
            m.canonical or m.text, "non_company_suffix")

    @property
    def orgs(self) -> list[Slot]:
        return self.of_type("Organization")

    @property
    def events(self) -> list[Slot]:
        return self.of_type("Event")

    @property
    def things(self) -> list[Slot]:
        return self.of_type("Program", "Initiative", "Product")

    def clause_of(self, slot: Slot) -> str:
        """The clause a thing stands in: between the verbs that end a clause with a comma
        around it (주관은 A와 B가 맡았으며, C, D가 후원사로 참여했다)."""
        return self.clause_at(slot.mention.start - self.sent.start_char)

    def clause_at(self, at: int) -> str:
        """The clause holding offset `at` of the sentence's text (see clause_of)."""
        start, end = self.clause_span(at)
        return self.text[start:end]

    def clause_span(self, at: int) -> tuple[int, int]:
        """Where the clause holding offset `at` starts and ends in the sentence's text."""
        ends = [w.end - self.sent.start_char for w in self.words
                if w.text.rstrip().endswith(",") and any("EC" in t for t in w.tags)]
        return (max((e for e in ends if e <= at), default=0),
                min((e for e in ends if e > at), default=len(self.text)))

    def says(self, kind: str) -> re.Match[str] | None:
        """Where the sentence says a cue word of `kind` (a verb, usually)."""
        # (the rules ask about the same kinds of one sentence again and again)
        if kind not in self._said:
            self._said[kind] = self.cues.pattern(kind).search(self.text)
        return self._said[kind]


# ---------------------------------------------------------------- roles


def role_of(w: Eojeol, words: list[Eojeol], k: int, cues: Cues) -> tuple[str, int]:
    """The role of the noun phrase ending in word k (following nouns extend it)."""
    while w.noun_only and k + 2 < len(words) and words[k + 1].text.strip() in cues.title_prefix \
            and words[k + 2].stem:
        k += 2  # 이지은 전 삼성전자 상무는: 전 (a former post) goes on with the phrase
        w = words[k]
    while w.noun_only and k + 1 < len(words) and words[k + 1].stem and not words[k + 1].stem \
            .startswith(("‘", "'", "“", '"')):
        if words[k + 1].stem.strip() in cues.etc or words[k + 1].stem.strip() in _etc_of(cues):
            break
        k += 1
        w = words[k]
    if w.noun_only and k + 2 < len(words) and words[k + 1].text.strip() in cues.count_word \
            and words[k + 2].stem:
        return role_of(words[k + 2], words, k + 2, cues)  # A, B, C 세 기업을
    tail = w.tail.strip()
    if w.stem.endswith(",") or tail.startswith((",", "·")) or w.text.strip() in cues.conj_word \
            or not tail and k + 1 < len(words) and words[k + 1].text in BULLETS:
        return "conj", k  # (▲A ▲B 사업을: items of a bulleted list)
    if tail in ("와", "과") and k + 1 < len(words) and words[k + 1].text.startswith(
            tuple(cues.together) + tuple(cues.each)):
        return "dat", k  # B와 함께, A, B와 각각: with them, no list of subjects
    if tail in cues.object_particle and k + 2 < len(words) and \
            words[k + 1].text.startswith(cues.words("including")):
        return role_of(words[k + 2], words, k + 2, cues)  # A와 B를 비롯한 기업 120곳이
    role = _particle_role(tail.rstrip(","), cues)  # (‘X’를, B는 ‘Y’를 제공한다)
    if role:
        return role, k
    if tail.startswith(cues.words("copula")):
        return "pred", k  # 선정 지역은 A, B, C다: what the sentence says the subject is
    if w.noun_only and k + 1 < len(words) and (
            words[k + 1].stem.strip() in cues.etc or words[k + 1].stem.strip() in _etc_subject(cues)):
        return role_of(words[k + 1], words, k + 1, cues)[0], k + 1
    if w.noun_only and k + 2 < len(words) and words[k + 1].text.strip() in cues.like_word \
            and words[k + 2].stem:
        return role_of(words[k + 2], words, k + 2, cues)[0], k + 2  # A 같은 공공기관이
    return "", k


def _particle_role(tail: str, cues: Cues) -> str:
    """The role a case particle gives the noun phrase before it ("" for none)."""
    for name, kind in (("loc", "locative_particle"), ("subj", "subject_particle"),
                       ("obj", "object_particle"), ("dat", "dative_particle"),
                       ("conj", "conj_particle")):
        if tail in getattr(cues, kind):
            return name
    return "gen" if tail.startswith(cues.words("genitive_particle")) else ""


def _role_of_tail(tail: str, cues: Cues) -> str:
    """The role a particle written after a company's legal form gives it."""
    for form in cues.legal_form:
        tail = tail.replace(form, "")
    tail = tail.strip()
    return "conj" if tail.startswith((",", "·")) else _particle_role(tail, cues)


def _etc_of(cues: Cues) -> set[str]:
    return {e + g for e in cues.etc for g in cues.genitive_particle}    # 등의


def _etc_subject(cues: Cues) -> set[str]:
    return {e + p for e in cues.etc for p in cues.subject_marker}  # 등이


def _inherit(slots: list[Slot], words: list[Eojeol]) -> None:
    """Members of a list (A, B, C 등이) take the role of its last member; a genitive
    between them describes the next member (A, 판교의 스타트업 B가). Bulleted items
    (▲A(87억 원) ▲B(61억 원) 사업을) may be long."""
    for i in range(len(slots) - 1, -1, -1):
        if slots[i].role == "conj":
            nxt = next((s for s in slots[i + 1:] if s.role not in ("conj", "gen", "")), None)
            bulleted = nxt is not None and any(
                w.text in BULLETS for w in words[slots[i].word:nxt.word])
            if nxt is not None and nxt.word - slots[i].word <= (20 if bulleted else 8):
                slots[i].role = nxt.role.rstrip("*") + "*"  # marks an inherited role


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]


def slots_of(sent: SentenceText, words: list[Eojeol], idx: list[int],
             mentions: list[Mention], cues: Cues) -> list[Slot]:
    quotes = _quote_spans(sent.text)
    slots = []
    for i in idx:
        m = mentions[i]
        k = next((j for j, w in enumerate(words) if w.start <= m.end - 1 < w.end), None)
        if k is None:
            continue
        w = words[k]
        after = sent.text[m.end - sent.start_char:]
        # (다온정보는 read by Kiwi as 다/MAG 오/VV …: the name's own particle says its role)
        rest = sent.text[m.end - sent.start_char:w.end - sent.start_char].rstrip(",.")
        own = _particle_role(rest, cues) if m.end < w.end and m.end != w.stem_end and rest \
            else ""
        listed = re.match(r"(\([^()]*\))?[·ㆍ-]", after)
        if own and own != "gen":
            role, end_k = own, k
        elif m.end < w.stem_end - 1 and listed and any(
                mentions[j].start == m.end + listed.end() and mentions[j].type == m.type
                for j in idx):
            # 충청남도·순천향대학교와, KT-네이버클라우드, 정보통신산업진흥원(NIPA)·DIP가: a
            # list in one word
            role, end_k = "conj", k
        elif m.end < w.stem_end - 1 and not after.lstrip().startswith(("(", *cues.legal_form)):
            role, end_k = "", k  # a modifier inside a longer noun: AWS 머신러닝 인프라
            if w.tail.strip() in cues.object_particle:
                role = "obj~"
        elif any(form in w.text for form in cues.legal_form):
            # Kiwi leaves the legal form in the tail (누리모빌리티㈜와, ㈜세움아이티,)
            role, end_k = _role_of_tail(sent.text[m.end - sent.start_char:
                                                  w.end - sent.start_char], cues), k
        else:
            role, end_k = role_of(w, words, k, cues)
            if role == "subj" and relative_verb(words, end_k, cues) is not None and \
                    words[end_k].tail.strip() not in ("은", "는", "도"):
                # 권익위가 운영하는 국민신문고: the subject of a relative clause (a topic,
                # 이번 사업은 지난해 발표한 전략의 후속이다, is the sentence's own)
                role = "relsubj"
        rel = m.start - sent.start_char
        quoted = any(a < rel < b for a, b in quotes)
        slots.append(Slot(i, m, role, end_k, quoted))
    for a in slots:  # 더불어민주당 한정민 의원실은: the party describes the office that acts
        # (not 한국전력공사(한전)와: a short name in parentheses is the same body; and
        # 서울대학교 산학협력단은: the university inside the name acts no more than it)
        if a.mention.type in ("Organization", "Place") and a.role and any(
                b.word == a.word and b.mention.type == "Organization"
                and (a.role != "conj" and b.mention.start > a.mention.end and sent.text[
                    a.mention.end - sent.start_char:b.mention.start - sent.start_char] != "("
                     or a.mention.rule == "lexicon.nested-organization"
                     and b.mention.start <= a.mention.start and a.mention.end < b.mention.end)
                for b in slots):
            a.role = ""
    _inherit(slots, words)
    # 'NHN클라우드, 광주광역시와 맞손', '마이크로소프트, 韓 AI 인프라에 4조원 투자': a
    # headline (no final ending) names its subject first, with a comma
    ordered = sorted(slots, key=lambda x: x.mention.start)
    first = ordered[0] if ordered else None
    # (read only where there is a first slot)
    headline = first is not None and not any(t.startswith("EF") or "+EF" in t
                                             for w in words for t in w.tags)
    # ('KT-네이버클라우드, …', '충남도·KT·순천향대, …': the subject is a list in one word)
    chain = [first] if first is not None else []
    while len(chain) < len(ordered) and chain[-1].role == "conj" and \
            ordered[len(chain)].mention.start == chain[-1].mention.end + 1 and \
            ordered[len(chain)].mention.type == "Organization":
        chain.append(ordered[len(chain)])
    if len(chain) > 1 and headline and first.mention.type == "Organization" \
            and not sent.text[:first.mention.start - sent.start_char].strip(" \t'\"‘“[(") \
            and sent.text[chain[-1].mention.end - sent.start_char:].startswith(",") \
            and not any(x.role.startswith("subj") for x in slots):
        for x in chain:
            x.role = "subj*"
        chain[-1].role = "subj"
        return slots
    if first is not None and first.mention.type == "Organization" \
            and not sent.text[:first.mention.start - sent.start_char].strip(" \t'\"‘“[(") \
            and sent.text[first.mention.end - sent.start_char:].startswith(",") \
            and not any(x.role.startswith("subj") for x in slots) and (
                first.role == "conj" or headline and first.role.endswith("*")
                and (ordered[1].mention.type != "Organization"
                     or ordered[1].role.startswith("dat"))):  # NIA, A·B·C와 각각 MOU
        first.role = "subj"
    return slots


_VERB_TAGS = ("VV", "XSV")  # not adjectives: 이 같은 계획


def relative_verb(words: list[Eojeol], k: int, cues: Cues) -> int | None:
    """The word after k whose verb ends in an adnominal ending (운영하는, 발주한), when
    it is the first verb after k: the clause ending there describes the next noun.
    Time words that are verbs (지난 24일) do not count."""
    for j in range(k + 1, min(k + 6, len(words))):
        if words[j].text[:1] in QUOTES or words[j].tail.strip() in cues.subject_particle:
            return None  # speech begins, or another subject: the verb is not this one's
        if words[j].text in cues.trim:
            continue
        tags = [t for tag in words[j].tags for t in tag.split("+")]
        if any(t.startswith(_VERB_TAGS) for t in tags):
            passive = cues.pattern("passive_ending").search(words[j].text)
            return j if tags and tags[-1] == "ETM" and not passive else None
    return None


# ---------------------------------------------------------------- who acts


def _affiliations(state: State, slots: list[Slot], sent: SentenceText,
                  cues: Cues) -> list[tuple[int, int]]:
    """Who the people of this sentence work for (from their role); the organisation in
    a person's role does not act itself (젠슨 황 엔비디아 CEO는: the person acts). A
    person in parentheses (한국콘텐츠진흥원(원장 배윤정), 한국전력거래소) ends there."""
    ms, found = state.mentions, []
    people = [x for x in slots if x.mention.type == "Person"]
    orgs = [x for x in slots if x.mention.type == "Organization"]
    ahead: Slot | None = None       # the body named just before the last person
    for n, p in enumerate(people):
        state.person = p.index
        role = p.mention.role or ""
        prev = people[n - 1].mention if n else None
        # (the person before and their title, then a middle dot or a comma: one list)
        listed = prev is not None and re.fullmatch(
            rf"\s*({re.escape(prev.role or '')})?\s*[·ㆍ,]\s*",
            sent.text[prev.end - sent.start_char:p.mention.start - sent.start_char])
        before_list, ahead = (ahead if listed else None), None
        had = len(found)
        for o in orgs:
            om = o.mention
            lead = sent.text[:p.mention.start - sent.start_char]
            gap = sent.text[p.mention.end - sent.start_char:om.start - sent.start_char]
            closed = lead.count("(") > lead.count(")") and ")" in gap
            inside_role = 0 <= om.start - p.mention.end <= len(role) + 2 and not closed and (
                om.text in role or (om.canonical or om.text) in role) or (
                role.startswith(om.text + " ") and om.end <= p.mention.start)  # 부(장관 X)
            around = om.start <= p.mention.start and p.mention.end <= om.end
            # 김철수 디지털플랫폼정부위원장: the committee read out of the chair's title
            inside_role = inside_role or om.rule == "lexicon.office" and \
                0 <= om.start - p.mention.end <= 1
            before = role and 0 <= p.mention.start - om.end <= 1 and not re.match(
                r"[·ㆍ,]", sent.text[om.end - sent.start_char:])  # 특허청 최윤정 정보관리국장
            # (not 정동영 더불어민주당·최형두 국민의힘 의원: the body is the one before's)
            # 과방위 소속인 한정민 의원, 행안부 소속 김 과장, 서울대 AI연구원 원장인 김민수
            # 교수, 과기정통부 장관 김철수
            before = before or om.end <= p.mention.start and re.fullmatch(
                rf"(\([^)]*\))?\s*(소속|{cues.pattern('title').pattern})(인|의|으로|이자)?\s*",
                sent.text[om.end - sent.start_char:p.mention.start - sent.start_char]) is not None
            # 행정안전부 디지털정부혁신실의 정윤서 사무관: a unit of the body, then the person
            before = before or bool(role) and om.end <= p.mention.start and re.fullmatch(
                rf"\s*(\S+\s)?\S*({cues.pattern('dept_suffix').pattern})의\s*",
                sent.text[om.end - sent.start_char:p.mention.start - sent.start_char]) is not None
            # (이경란 전남대 산학협력단장: the unit, not the university inside its name)
            nested = om.rule == "lexicon.nested-organization" and any(
                x.mention.start == om.start and om.end < x.mention.end for x in orgs)
            if ((inside_role and role) or around or before) and not nested:
                if before and not inside_role and om.end <= p.mention.start:
                    ahead = o
                found.append((p.index, o.index))
                state.affiliation.setdefault(p.index, o.index)
                if inside_role and o.mention.start >= p.mention.end:
                    o.role = "role"
        if len(found) == had and before_list is not None:
            # 국민의힘 홍석준·김병욱 의원, 민주당 임미애 경북도당위원장·강민구 대구시당위원장:
            # the body before the list is the next names' too, when they have none
            found.append((p.index, before_list.index))
            state.affiliation.setdefault(p.index, before_list.index)
            ahead = before_list
        if p.index not in state.affiliation:
            # the same person named again (크라츠 부사장): their organisation is known
            for q, org in list(state.affiliation.items()):
                if ms[q].text == p.mention.text:
                    state.affiliation[p.index] = org
    return found


# X에 따르면: the source of the news (its subject acts in no sentence)
ACCORDING = re.compile(r"에\s*(따르면|의하면)")


def surname_pattern(cues: Cues) -> str:
    """A surname written for a person named before (윤 원장은): one letter, or two (남궁
    실장은)."""
    return "|".join(sorted(cues.compound_surname)) + "|[가-힣]"


def named_by_surname(state: State, surname: str, before: int) -> int | None:
    """The last person named before offset `before` whose name starts with `surname`."""
    ms = state.mentions
    return next((i for i in reversed(range(len(ms))) if ms[i].type == "Person"
                 and ms[i].text.startswith(surname) and ms[i].start < before), None)


def _subject_patterns(cues: Cues) -> tuple[re.Pattern[str], ...]:
    """_subject's patterns: a pronoun or surname opening the sentence; a surname and
    title after a description; a pronoun after one; a noun standing for a body."""
    openers = "|".join(sorted(cues.opener, key=len, reverse=True))
    pronouns = "|".join(sorted(cues.pronoun, key=len, reverse=True))
    topic = "|".join(sorted(cues.subject_marker))
    titles = cues.pattern("title").pattern
    nouns = "|".join(sorted(cues.org_anaphor | cues.company_anaphor, key=len, reverse=True))
    surname = surname_pattern(cues)
    return (re.compile(rf"^\s*(?:{openers})?\s*({pronouns}|{surname})\s*(?:[가-힣]{{1,6}})?"
                       rf"({topic})\s"),
            # (… 등을 거친 백 대표가, … 출신인 오 교수는: after a description)
            re.compile(rf"\S\s({surname})\s({titles})({topic})\s"),
            re.compile(rf"\s({pronouns})({topic})\s"),
            # (□ 도는, ㅇ 시는: a release's bullet before the noun)
            re.compile(rf"^\s*(?:{LINE_BULLET}\s*)?(?:(?:{openers})\s+)?({nouns})({topic})\s"))


def _subject(state: State, sent: SentenceText, slots: list[Slot], cues: Cues) -> int | None:
    """The sentence's acting subject: an organisation or person outside quotes, or a
    pronoun, surname or generic noun standing for one named before."""
    text = sent.text
    for x in slots:
        if x.quoted or not x.role.startswith("subj") or x.mention.rule == "anaphor-funds":
            continue  # (국비 40억 원과 …이 투입된다: 국비 pays its sum, it does not act)
        if ACCORDING.search(text, x.mention.end - sent.start_char):
            continue  # (A 의원실이 … 확보한 예산안에 따르면 …: the source's subject, no actor)
        if x.mention.type in ("Organization", "Person"):
            return x.index
    named, titled, pronoun, anaphor = cues.built(_subject_patterns)
    m = named.match(text)
    if m is None:  # 구글 딥마인드 출신인 오 교수는: a surname and title after a description
        m = titled.search(text)
    if m is None:  # 서울대를 나와 박사 학위를 받은 그는: a pronoun after a description
        m = pronoun.search(text)
    if m:
        who = m.group(1)
        if who in cues.pronoun:
            return state.person
        found = named_by_surname(state, who, sent.start_char)
        if found is not None:
            return found
    m = anaphor.match(text)
    if m:
        noun = m.group(1)
        if noun in cues.company_anaphor:
            # 회사는: the company the article is about, the one that acted most (a
            # startup it funds, named last, is not 'the company')
            name = _companies_acted(state, cues)
            counts = Counter(name.values())
            if counts:
                top = max(counts.values())
                return next(i for i in reversed(state.acted)
                            if i in name and counts[name[i]] == top)
        for i in reversed(state.orgs_seen):
            org = state.mentions[i]
            if noun in cues.company_anaphor and not _public(org, cues) or \
                    (org.canonical or org.text).endswith(noun) or org.text.endswith(noun):
                return i  # 시는 -> 대전광역시, 도교육청은 -> 충청남도교육청, 회사는 -> 알타이르
    return None


_COUNTS = {"양": 2, "두": 2, "세": 3, "네": 4, "다섯": 5}


def _recent_group(state: State, said: str, cues: Cues) -> list[int]:
    """두 회사는, 양사는, 세 기관은 with no group acting before: the last bodies of that
    count named in the three sentences before; of two companies, the last one named and
    the company the article is about (the one that acted most)."""
    count = next((n for w, n in _COUNTS.items() if said.startswith(w)), None)
    if count is None:
        return []
    companies = said.startswith("양사") or any(w in said for w in cues.company_anaphor)
    recent: dict[str, int] = {}
    for i in reversed(state.orgs_seen):
        m = state.mentions[i]
        if m.sentence < state.index - 3 or m.sentence >= state.index or companies and (
                _public(m, cues) or (m.canonical or m.text).endswith(
                    tuple(cues.words("non_company_suffix")))):
            continue
        recent.setdefault(m.canonical or m.text, i)
    names = list(recent)
    if companies and count == 2 and names:
        name = _companies_acted(state, cues)
        counts = Counter(name.values())
        first = list(dict.fromkeys(name.values()))  # (a tie: the one that acted first)
        top = max(counts, key=lambda n: (counts[n], -first.index(n)), default=None)
        if top is not None and top != names[0]:
            main = next(i for i in reversed(state.acted) if name.get(i) == top)
            return sorted({recent[names[0]], main})
    return sorted(recent[n] for n in names[:count]) if len(names) >= count else []


def _companies_acted(state: State, cues: Cues) -> dict[int, str]:
    """The acting mentions that are no public body, by name: who the article's company
    (회사는, 양사는) may be."""
    return {i: state.mentions[i].canonical or state.mentions[i].text
            for i in state.acted if not _public(state.mentions[i], cues)}


def _public(m: Mention, cues: Cues) -> bool:
    return (m.canonical or m.text).endswith(cues.words("government_suffix")) or \
        (m.canonical or m.text).endswith(cues.words("local_suffix"))


def _other_subject(words: list[Eojeol], slots: list[Slot], cues: Cues,
                   sent: SentenceText) -> bool:
    """Whether the sentence has a subject that names no entity (업계는, 시민들은): then the
    organisation of the sentences before does not act in it. Time words (올해는), the
    sentence's things (X 사업은) and budget words (배정액은) do not count."""
    quotes = _quote_spans(sent.text)
    for w in words:
        if w.tail.strip() not in cues.subject_particle or not w.stem:
            continue
        if any(a < w.start - sent.start_char < b for a, b in quotes):
            continue
        if w.stem in cues.trim:
            continue
        if any(x.mention.start < w.stem_end and w.start < x.mention.end for x in slots):
            return False
        # 배정액은, 예산은, 사업비는: the sum's own subject, the body's budget goes on
        return w.stem not in cues.pronoun | cues.first_person and not w.stem.endswith(
            tuple(cues.org_anaphor) + tuple(cues.budget_word) + tuple(cues.own_topic))
    return False


_HEADING_MARKS = "■▶▷◆◇●#【"  # not □ ○ ㅇ: paragraphs of a press release
_ANSWER = re.compile(r"^\s*(A\s*[.:)\]]|A\d*\s*[.:]|답변?\s*[:)])")
# Q. …, 질문: …, - …?, and a line opened by ― or — (how interviews print a question)
_QUESTION = re.compile(r"^\s*(Q\s*[.:)\]]|Q\d*\s*[.:]|질문\s*[:)]|-{1,2}\s*\S.*\?$|[―—]\s*\S)")


def section_break(text: str, sent: SentenceText) -> bool:
    """A marked heading or item starts here (■, ▶, ◆, #): what the lines before were
    about ends (weekly digests, long features). A release's labelled parts ([설명])
    and its □/○ paragraphs go on about the same body."""
    starts_line = sent.start_char == 0 or text[sent.start_char - 1] == "\n"
    if not starts_line:
        return False
    line = text[sent.start_char:].split("\n", 1)[0].strip()
    return line[:1] in _HEADING_MARKS


def question(text: str, sent: SentenceText) -> bool:
    """The sentence is part of an interviewer's question: its line opens like one (Q.,
    질문:, ―), or with a dash when it ends in a question mark or the answer after it
    opens with a quotation mark (- 예산은 어느 정도인가. / “올해 예산은 …”)."""
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if _QUESTION.match(line):
        return True
    if not re.match(r"[-–]{1,2}\s*\S", line):
        return False
    following = text[end:].lstrip()
    return following[:1] in "“\"「"


def context(state: State, sent: SentenceText, words: list[Eojeol], slots: list[Slot],
            lex: Lexicon, new_section: bool = False, asked: bool = False) -> Context:
    """The sentence's context; updates the document's state. A new section forgets the
    subject and topic carried so far; an interviewer's question acts for no one."""
    cues = lex.cues
    state.index += 1
    if new_section:
        state.subject = state.topic = None
        state.extra["answering"] = False
        # (■ a digest's next item: its own release and its own first sentences)
        state.extra["section_start"] = state.index - 1
        state.extra.setdefault("first_section", state.index - 1)
        for key in ("budget_release", "budget_receiver"):
            state.extra.pop(key, None)
    if asked or _QUESTION.match(sent.text):
        # the person the interview is with is the one named before its first question;
        # what follows, up to the next heading, is their answer
        state.extra.setdefault("interviewee", state.person)
        state.extra["answering"] = state.extra["interviewee"] is not None
        ctx = Context(state, sent, words, slots, lex,
                      _affiliations(state, slots, sent, lex.cues))
        ctx.previous_topic = state.topic
        # (- 연계 트랙은 어떻게 굴러가나.: what the answer is about)
        asked = {x.index for x in slots if x.mention.type in ("Program", "Initiative")}
        state.extra["asked_topic"] = asked.pop() if len(asked) == 1 else None
        return ctx
    if state.extra.get("answering") and re.fullmatch(r"\s*“[^”]*”\s*", sent.text):
        for x in slots:  # “…”: an answer printed as a quotation is the interviewee's own
            x.quoted = False
    ctx = Context(state, sent, words, slots, lex, _affiliations(state, slots, sent, lex.cues))
    ms = state.mentions
    ctx.previous_actor = state.subject
    ctx.subject = _subject(state, sent, slots, cues)
    if ctx.subject is None and _ANSWER.match(sent.text) and state.person is not None:
        ctx.subject = state.person  # A. …: the interviewee answers
    elif ctx.subject is None and state.extra.get("answering") and not _other_subject(
            words, slots, cues, sent):
        ctx.subject = state.extra["interviewee"]  # ―질문 then the answer, in the first person
    ctx.speaker = ctx.subject is not None and ms[ctx.subject].type == "Person"
    actor = state.affiliation.get(ctx.subject) if ctx.speaker else ctx.subject
    if actor is None and not any(x.role.startswith("subj") and not x.quoted
                                 and x.mention.type in ("Organization", "Person")
                                 and x.mention.rule != "anaphor-funds" for x in slots) \
            and not _other_subject(words, slots, cues, sent) and sent.text.count("|") < 2:
        actor = state.subject  # (a table's row carries no subject: | 병무청 | X | A |)
    elif actor is not None and not (ms[actor].canonical or ms[actor].text).endswith(
            tuple(cues.legislature)):
        state.subject = actor  # (국회는 예산안을 의결했다: the ministry still spends it)
        state.acted.append(actor)
    ctx.actor = actor
    together = [x.index for x in slots if x.mention.type == "Organization" and not x.quoted
                and x.role in ("subj", "subj*")]
    said = cues.regex(r"(?:^|\s)(양사|양측|이들|(?:{group_anaphor})\s?(?:{group_noun})|"
                      r"(?:{group_noun})와\s(?:{group_noun}))(?:은|는|이|가)\s").search(sent.text)
    if said and not state.group:
        state.group = _recent_group(state, said.group(1), cues)
    if state.group and said:
        ctx.group = list(state.group)  # 양사는, 세 기관은, 시와 대학은
        if any(w in said.group(1) for w in cues.company_anaphor):
            # 세 기업은: the companies of the group (NIA는 A, B, C와 각각 …: not NIA)
            ctx.group = [i for i in ctx.group if ctx.company(i)] or ctx.group
    elif len(together) >= 2:
        state.group = together
    elif state.group and state.extra.get("group_acts") and actor == state.subject and \
            not any(x.role.startswith("subj") for x in slots if x.mention.type in
                    ("Organization", "Person")) and not _other_subject(words, slots, cues, sent):
        ctx.group = list(state.group)  # 세 기관은 … 협력한다. 특히 … 공동 출연해: still them
    if ctx.group or ctx.subject is not None:
        state.extra["group_acts"] = bool(ctx.group)
    ctx.previous_topic = state.topic
    if ctx.previous_topic is None and state.extra.get("answering"):
        ctx.previous_topic = state.extra.get("asked_topic")
    state.topic = next((x.index for x in slots if x.mention.type in ("Program", "Initiative")
                        and x.role.startswith("subj") and not x.quoted), None)
    if state.topic is not None:
        state.topics.append(state.topic)
    state.orgs_seen += [o.index for o in ctx.orgs]
    state.events_seen += [e.index for e in ctx.events]
    state.programs_seen += [x.index for x in ctx.of_type("Program")]
    return ctx
