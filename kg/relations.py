"""Relations between the mentions of a document, each with the sentence stating it.

Korean marks a noun's role with the particle after it: 이/가/은/는 the subject,
을/를 the object, 에/에게 the target, 에서 the place, 와/과/및/, a partner or the
next member of a list. The rules read those roles and the verbs of the sentence
(투자, 투입, 운영, 추진, 주최, 주관, 개최, 참여, 협력, 도입, 활용, 선정, 지원 ...),
and keep the subject of earlier sentences when a sentence elides it, as news
writing does. A person speaking stands for their organisation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.morphology import Eojeol, SentenceText, sentence_words
from kg.schema import load_schema
from kg.types import Evidence, Mention

SUBJ = ("이", "가", "은", "는", "도", "께서", "이가")
OBJ = ("을", "를")
DAT = ("에", "에게", "에는", "에도", "으로", "로")
LOC = ("에서", "에서는", "에서도")
CONJ = ("와", "과", "및", ",", "와,", "과,", "·")

V_INVEST = re.compile(r"투자|투입|출자|편성|조성|들여|책정|지원")
V_ORGANIZE = re.compile(r"주최|주관|개최|열(고|린|었|어|며|리는)|마련한")
V_PARTICIPATE = re.compile(r"참여|참가|참석|부스|선보")
V_OPERATE = re.compile(r"운영|추진|구축|마련|출시|선보|시행|개발|설립|착수|신설|제정|수행|구현|"
                       r"확장|진행|제공|도입|실현|만들")
V_USE = re.compile(r"활용|도입|사용|이용|기반으로|채택")
V_SUPPORT = re.compile(r"지원|뒷받침|돕|제시|채택|키워드")
V_PARTNER = re.compile(r"함께|공동|협력|협업|제휴|파트너십|손잡|MOU|업무협약")
V_SELECT = re.compile(r"선정")
GOVERNMENT = re.compile(r"(부|처|청|위원회|정부|국회|공사|공단|원)$")
ANAPHORA = ("협회", "위원회", "회사", "기업", "재단", "학회", "공사", "공단", "그룹", "부처")


@dataclass(frozen=True)
class Statement:
    """A relation between two mentions of one document (indices into its mention list)."""

    subject: int
    predicate: str
    object: int
    evidence: Evidence


@dataclass
class Slot:
    index: int              # into the document's mentions
    mention: Mention
    role: str               # subj, obj, dat, loc, conj, gen, or "" (a modifier)
    word: int               # the word (eojeol) the mention's noun phrase ends in
    quoted: bool            # inside a quotation (speech)


class _Doc:
    """Per-document state: the discourse subject and who people work for."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.subject: int | None = None          # last explicit subject (Organization)
        self.person: int | None = None           # last person
        self.affiliation: dict[int, int] = {}    # person mention -> org mention
        self.orgs_seen: list[int] = []
        self.events_seen: list[int] = []
        self.programs_seen: list[int] = []
        self.previous_text = ""                  # the sentence before this one


def _roles(words: list[Eojeol], slots: list[Slot]) -> None:
    """Members of a list (A, B, C 등이) take the role of its last member."""
    for i in range(len(slots) - 1, -1, -1):
        if slots[i].role == "conj":
            nxt = next((s for s in slots[i + 1:] if s.role != "conj"), None)
            if nxt is not None and nxt.word - slots[i].word <= 6:
                slots[i].role = nxt.role + "*"  # marks an inherited role


def _role(w: Eojeol, words: list[Eojeol], k: int) -> tuple[str, int]:
    """The role of the noun phrase ending in word k (following nouns extend it)."""
    while w.noun_only and k + 1 < len(words) and words[k + 1].stem and not words[k + 1].stem \
            .startswith(("‘", "'", "“", '"')):
        if words[k + 1].stem.strip() in ("등", "등의"):
            break
        k += 1
        w = words[k]
    tail = w.tail.strip()
    if w.stem.endswith(",") or tail.startswith((",", "·")):
        return "conj", k
    for name, parts in (("loc", LOC), ("subj", SUBJ), ("obj", OBJ), ("dat", DAT),
                        ("conj", CONJ)):
        if tail in parts:
            return name, k
    if tail.startswith("의"):
        return "gen", k
    if w.noun_only and k + 1 < len(words) and words[k + 1].stem.strip() in ("등", "등이"):
        return _role(words[k + 1], words, k + 1)[0], k + 1
    return "", k


def _quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]


def find_statements(sdoc: Doc, mentions: list[Mention]) -> tuple[list[Statement], int]:
    """Statements of one document, from its spaCy doc and its mentions, and how many
    candidate statements the ontology's domains and ranges rejected."""
    state = _Doc(mentions)
    out: list[Statement] = []
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        by_sentence.setdefault(m.sentence, []).append(i)
    for s_index, (sent, words) in enumerate(sentence_words(sdoc)):
        idx = by_sentence.get(s_index, [])
        slots = _slots(sent, words, idx, mentions)
        out += _Sentence(state, sent, words, slots).run()
        state.previous_text = sent.text
    out = _dedupe(out)
    kept = [s for s in out if _allowed(mentions, s)]
    return kept, len(out) - len(kept)


def _slots(sent: SentenceText, words: list[Eojeol], idx: list[int], mentions: list[Mention]) -> list[Slot]:
    quotes = _quote_spans(sent.text)
    slots = []
    for i in idx:
        m = mentions[i]
        k = next((j for j, w in enumerate(words) if w.start <= m.end - 1 < w.end), None)
        if k is None:
            continue
        w = words[k]
        if m.end < w.stem_end - 1 and not re.match(r"^\s*\(", sent.text[m.end - sent.start_char:]):
            role, end_k = "", k  # a modifier inside a longer noun: AWS 머신러닝 인프라
            if w.tail.strip() in OBJ:
                role = "obj~"
        else:
            role, end_k = _role(w, words, k)
        rel = m.start - sent.start_char
        quoted = any(a < rel < b for a, b in quotes)
        slots.append(Slot(i, m, role, end_k, quoted))
    _roles(words, slots)
    return slots


def _evidence(sent: SentenceText, mentions: list[Mention], *idx: int) -> Evidence:
    text = sent.text.rstrip()
    # the stating words: the mentions this sentence holds (a carried-over subject is not here)
    rel = [(mentions[i].start - sent.start_char, mentions[i].end - sent.start_char) for i in idx
           if sent.start_char <= mentions[i].start and mentions[i].end <= sent.end_char]
    cue = (min(a for a, _ in rel), max(b for _, b in rel)) if rel else None
    return Evidence(doc_id=mentions[idx[0]].doc_id if idx else "", start=sent.start_char,
                    end=sent.start_char + len(text), text=text, cue=cue)


class _Sentence:
    """The rules applied to one sentence; each method is one family of relations."""

    def __init__(self, state: _Doc, sent: SentenceText, words: list[Eojeol], slots: list[Slot]):
        self.state, self.sent, self.words, self.slots = state, sent, words, slots
        self.text = sent.text
        self.ms = state.mentions
        self.out: list[Statement] = []

    def add(self, s: int | None, p: str, o: int | None) -> None:
        if s is None or o is None or s == o:
            return
        self.out.append(Statement(s, p, o, _evidence(self.sent, self.ms, s, o)))

    def of_type(self, *types: str) -> list[Slot]:
        return [x for x in self.slots if x.mention.type in types]

    def run(self) -> list[Statement]:
        self.people()
        self.find_actor()
        self.events()
        self.brands()
        self.investments()
        self.operations()
        self.organisations()
        self.participation()
        return self.out

    def people(self) -> None:
        """affiliatedWith from a person's role; the organisation then does not act."""
        state, ms = self.state, self.ms
        for p in self.of_type("Person"):
            state.person = p.index
            role = p.mention.role or ""
            for o in self.of_type("Organization"):
                om = o.mention
                inside_role = 0 <= om.start - p.mention.end <= len(role) + 2 or (
                    role.startswith(om.text + " ") and om.end <= p.mention.start)  # 부(장관 X)
                around = om.start <= p.mention.start and p.mention.end <= om.end
                if (inside_role and role) or around:
                    self.add(p.index, "affiliatedWith", o.index)
                    state.affiliation.setdefault(p.index, o.index)
                    if inside_role and o.mention.start >= p.mention.end:
                        o.role = "role"  # 젠슨 황 엔비디아 CEO는: the person acts, not 엔비디아
            if p.index not in state.affiliation:
                # the same person named again (크라츠 부사장): their organisation is known
                for q, org in list(state.affiliation.items()):
                    if ms[q].text == p.mention.text:
                        state.affiliation[p.index] = org

    def find_actor(self) -> None:
        """The acting organisation: the subject, a speaker's organisation, or the
        previous sentence's when this one elides its subject."""
        state, ms = self.state, self.ms
        self.subject = _subject(state, self.sent, self.slots, self.text)
        self.speaker = self.subject is not None and ms[self.subject].type == "Person"
        actor = state.affiliation.get(self.subject) if self.speaker else self.subject
        if actor is None and not any(x.role.startswith("subj") and not x.quoted
                                     for x in self.slots):
            actor = state.subject
        elif actor is not None:
            state.subject = actor
        self.actor = actor
        self.orgs = self.of_type("Organization")
        self.events_here = self.of_type("Event")
        self.things = self.of_type("Program", "Initiative", "Product")
        state.orgs_seen += [o.index for o in self.orgs]
        state.events_seen += [e.index for e in self.events_here]
        state.programs_seen += [x.index for x in self.of_type("Program")]

    def events(self) -> None:
        """organizes, participatesIn and locatedIn around events."""
        state, ms, text, orgs, events = self.state, self.ms, self.text, self.orgs, self.events_here
        organize = V_ORGANIZE.search(text)
        self.organize = organize
        event_here = events[0] if events else None
        if event_here is None and state.events_seen and re.search(
                r"(세미나|행사|회의|포럼)(는|은|에는)", text):
            event_here = Slot(state.events_seen[-1], ms[state.events_seen[-1]], "", 0, False)
        if organize and event_here is not None:
            vpos = organize.start() + self.sent.start_char
            for o in orgs:
                if o.role.startswith("subj") and not o.quoted and o.mention.end <= vpos:
                    self.add(o.index, "organizes", event_here.index)
                elif o.role.startswith("subj") and o.mention.start > event_here.mention.end:
                    self.add(o.index, "participatesIn", event_here.index)
            if self.speaker and self.actor is not None and events and any(
                    e.quoted for e in events):
                self.add(self.actor, "organizes", events[0].index)
        for e in events:
            _locations(self.add, e, self.slots, self.words, self.sent)
        for e in events:
            for o in orgs:
                if o.role.startswith("subj") and e.role.startswith("loc") and \
                        o.mention.start > e.mention.end and not organize:
                    self.add(o.index, "participatesIn", e.index)
            if (self.speaker and self.actor is not None
                    and re.search(r"참석|참가|참여", text) and e.role.startswith("dat")):
                self.add(self.actor, "participatesIn", e.index)
        for o in orgs:
            _org_location(self.add, o, self.slots, self.sent)

    def brands(self) -> None:
        """AWS 액티베이트, AWS DC 서밋: a programme or event named after its organisation."""
        ms = self.ms
        for x in self.of_type("Program", "Event"):
            for o in self.state.orgs_seen:
                names = [ms[o].text, *ms[o].aliases]
                first = re.split(r"[\s|]", x.mention.text)
                if any(n and n in first[:3] for n in names) and not x.mention.text.startswith(
                        ms[o].text + "코리아"):
                    self.add(o, "operates" if x.mention.type == "Program" else "organizes",
                             x.index)

    def investments(self) -> None:
        """invests (the subject before the sum, else the actor) and fundsTarget."""
        for mny in self.of_type("Investment"):
            before = [o for o in self.orgs if o.role.startswith("subj")
                      and o.mention.end <= mny.mention.start]
            self.add(before[0].index if before else self.actor, "invests", mny.index)
            self.add(mny.index, "fundsTarget", _target(self.slots, mny, self.text, self.sent))

    def operations(self) -> None:
        """What the actor operates, supports, uses or joins."""
        actor, ms, text = self.actor, self.ms, self.text
        if actor is None or ms[actor].type != "Organization":
            return
        operate, use, support = V_OPERATE.search(text), V_USE.search(text), V_SUPPORT.search(text)
        for x in self.things:
            if x.mention.type == "Product":
                if use and (x.role.startswith(("obj", "conj")) or x.role == "obj~"):
                    self.add(actor, "uses", x.index)
                elif self.speaker or operate and x.role.startswith("obj"):
                    self.add(actor, "operates", x.index)
                continue
            if self.speaker and not x.quoted:
                continue
            if not (operate or support or use or V_INVEST.search(text) or self.speaker):
                continue
            if x.mention.type == "Initiative" and support and not re.search(
                    re.escape(x.mention.text) + r".{0,4}통해", text) and (
                    not GOVERNMENT.search(ms[actor].text) or re.search(r"지원|뒷받침", text)):
                self.add(actor, "supports", x.index)
            elif use and not operate and x.mention.type == "Program" and not self.speaker:
                self.add(actor, "participatesIn", x.index)
            else:
                self.add(actor, "operates", x.index)

    def organisations(self) -> None:
        """Organisations named beside the actor: selected, using, joining, partnering."""
        actor, ms, text, things = self.actor, self.ms, self.text, self.things
        use, partner = V_USE.search(text), V_PARTNER.search(text)
        for o in self.orgs:
            if o.index == actor or o.quoted:
                continue
            if V_SELECT.search(text) and o.role.startswith(("obj", "conj")):
                # X 사업에 A를 선정 / X 사업의 수행기관으로 A와 B를 선정
                for x in things:
                    if x.mention.type in ("Program", "Initiative") and not x.role.startswith(
                            "subj"):
                        self.add(o.index, "participatesIn", x.index)
                self.add(actor, "uses", o.index)
            elif use and o.role.startswith(("subj", "conj")) and actor is not None:
                for x in things:
                    if x.mention.type == "Program" and x.role.startswith(("obj", "conj")):
                        self.add(o.index, "participatesIn", x.index)
            elif use and o.role in ("obj", "obj~") and actor is not None and \
                    ms[actor].type == "Organization" and not things:
                self.add(actor, "uses", o.index)
            if partner and actor is not None and not o.role.startswith("subj") and (
                    o.role.startswith("conj") or re.search(
                    re.escape(o.mention.text) + r"\S{0,3}\s*(등)?(와|과)\s*(함께|공동|협력|협업|"
                    r"손잡|업무협약|MOU|파트너십|제휴)?", text)):
                self.add(actor, "partnersWith", o.index)
                for x in things:
                    if x.mention.type in ("Program", "Initiative") and x.role.startswith("obj"):
                        self.add(o.index, "participatesIn", x.index)
        # co-subjects: 전자신문과 한국IT서비스산업협회가 (공동으로) …
        subs = [o for o in self.orgs if o.role.startswith(("subj", "conj")) and not o.quoted]
        if len(subs) >= 2 and (partner or self.organize):
            first = subs[0]
            for o in subs[1:3]:
                if o.role == "subj" and first.role in ("conj", "subj*"):
                    self.add(first.index, "partnersWith", o.index)
                    for x in things:
                        if x.role.startswith(("obj", "dat")) or x.role == "":
                            self.add(o.index, "operates", x.index)

    def participation(self) -> None:
        """Members joining a programme or the day's event."""
        state, text, orgs = self.state, self.text, self.orgs
        if re.search(r"참여|참가", text):
            # 이번 사업에는 A와 B도 참여한다
            for x in self.things:
                if x.mention.type in ("Program", "Initiative") and x.role.startswith(
                        ("dat", "loc")):
                    for o in orgs:
                        if o.role.startswith("subj") and not o.quoted:
                            self.add(o.index, "participatesIn", x.index)
            # 컨소시엄에는 A, B, C 등이 참여한다: the consortium of the programme at hand
            if "컨소시엄" in text and not any(x.mention.type == "Program" for x in self.things) \
                    and state.programs_seen:
                for o in orgs:
                    if o.role.startswith(("subj", "conj")) and not o.quoted:
                        self.add(o.index, "participatesIn", state.programs_seen[-1])
        # 기업 9곳이 참여했다. NDS, … 등이 …: a member list joining the day's event
        if len(orgs) >= 3 and state.events_seen and V_PARTICIPATE.search(
                text + state.previous_text):
            listed = [o for o in orgs if o.role.startswith(("conj", "subj"))]
            if len(listed) >= 3:
                for o in listed:
                    self.add(o.index, "participatesIn", state.events_seen[0])


def _subject(state: _Doc, sent: SentenceText, slots: list[Slot], text: str) -> int | None:
    """The sentence's acting subject: an organisation or person outside quotes."""
    for x in slots:
        if x.quoted or not x.role.startswith("subj"):
            continue
        if x.mention.type in ("Organization", "Person"):
            return x.index
    m = re.match(r"^\s*(?:이어|또|한편|특히|이날)?\s*(그|그녀|[가-힣])\s*(?:[가-힣]{1,6})?(은|는|이|가)\s",
                 text)
    if m:
        who = m.group(1)
        if who in ("그", "그녀"):
            return state.person
        for i in reversed(range(len(state.mentions))):
            p = state.mentions[i]
            if p.type == "Person" and p.text.startswith(who) and p.start < sent.start_char:
                return i
    m = re.match(r"^\s*(" + "|".join(ANAPHORA) + r")(는|은|가|이)\s", text)
    if m:
        for i in reversed(state.orgs_seen):
            if state.mentions[i].text.endswith(m.group(1)):
                return i
    return None


def _target(slots: list[Slot], money: Slot, text: str, sent: SentenceText) -> int | None:
    """What a sum is for: 383억원을 투입해 X를; X에 383억원을; 1억 달러 규모의 X."""
    kinds = ("Program", "Initiative", "Organization", "Place")
    after = [x for x in slots if x.mention.start >= money.mention.end and x.mention.type in kinds]
    gap = text[money.mention.end - sent.start_char:]
    if re.match(r"\s*(규모|상당)의?\s*", gap) and after:
        return after[0].index
    before = [x for x in slots if x.mention.end <= money.mention.start and x.role.startswith("dat")
              and x.mention.type in kinds]
    if before:
        return before[-1].index
    programs = [x for x in after if x.mention.type in ("Program", "Initiative")]
    if programs and re.match(r"\s*(을|를)\s*(투입|투자)", gap):
        return programs[0].index
    return None


def _locations(add, e: Slot, slots: list[Slot], words: list[Eojeol], sent: SentenceText) -> None:
    """서울시 중구 대한상공회의소에서 열린 X: the event is in each place before 에서."""
    text = sent.text
    ev = e.mention
    for k, w in enumerate(words):
        if not w.tail.startswith("에서") or w.end > ev.start + 1:
            continue
        if not V_ORGANIZE.search(text[w.end - sent.start_char: ev.start - sent.start_char + 1]
                                 + text[ev.end - sent.start_char:]):
            continue
        j = k  # the venue: the nouns right before 에서 (서울시 중구 대한상공회의소에서)
        while j > 0 and k - j < 3 and words[j - 1].noun_only:
            j -= 1
        lo = words[j].start
        phrase = [x for x in slots if lo <= x.mention.start < w.end
                  and x.mention.type in ("Place", "Organization")]
        places = [x for x in phrase if x.mention.type == "Place"]
        for p in places:
            add(e.index, "locatedIn", p.index)
        for o in phrase:
            if o.mention.type == "Organization":
                for p in places:
                    add(o.index, "locatedIn", p.index)
    for p in slots:  # 서울 AI 안전성 정상회의, … 데이 서울 2025
        if p.mention.type == "Place" and ev.start <= p.mention.start < ev.end:
            add(e.index, "locatedIn", p.index)


def _org_location(add, o: Slot, slots: list[Slot], sent: SentenceText) -> None:
    """대만 재정부, 서울 상공회의소: a place written before the name (with a space)."""
    for p in slots:
        pm, om = p.mention, o.mention
        if pm.type != "Place":
            continue
        if om.start <= pm.start and pm.end < om.end and _char_after(sent, pm.end) == " ":
            add(o.index, "locatedIn", p.index)
        elif pm.end + 1 == om.start and _char_after(sent, pm.end) == " ":
            add(o.index, "locatedIn", p.index)


def _char_after(sent: SentenceText, offset: int) -> str:
    rel = offset - sent.start_char
    text = sent.text
    return text[rel] if 0 <= rel < len(text) else ""


def _allowed(ms: list[Mention], s: Statement) -> bool:
    return load_schema().allows(s.predicate, ms[s.subject].type, ms[s.object].type)


def _dedupe(out: list[Statement]) -> list[Statement]:
    seen, kept = set(), []
    for s in out:
        key = (s.subject, s.predicate, s.object, s.evidence.start)
        if key not in seen:
            seen.add(key)
            kept.append(s)
    return kept
