"""Mentions of the ontology's types in a document.

Two spaCy components find them: an EntityRuler over the general lexicons
(`ontology/lexicons/`), then `kg_mentions`, morphology rules over eojeols
(space-separated words, split by Kiwi into a noun stem and its particles):

- noun runs ending in an organisation suffix (…위원회, …협회, …통신부),
  a program cue (…사업, …프로젝트, …펀드), an initiative cue (…전략, …얼라이언스)
  or an event cue (…세미나, …서밋, …정상회의);
- quoted names ‘…’, typed by the words around them;
- people: a name followed by an organisation and a title (배일권 행정안전부 국장);
- products named after a brand (아마존 세이지메이커);
- sums of money stated as investments (see kg.money);
- the bare 정부 of Korean news, which means the national government;
- enumerations (A, B, C 등) of which one member is known take its type;
- an alias in parentheses after a name: 아마존웹서비스(AWS).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc

from kg.lexicon import Lexicon
from kg.money import find_money
from kg.morphology import (QUOTES, Eojeol, SentenceText, doc_text, sentence_words,
                           split_alias, strip_name)
from kg.types import Document, Mention, Money

_QUOTED = re.compile("|".join(
    f"{re.escape(a)}([^{re.escape(QUOTES)}\\n]{{2,40}}?){re.escape(b)}"
    for a, b in ("‘’", "''", "“”", '""', "「」", "『』", "《》", "〈〉")))
_SINGLE = "‘'「『《〈"  # single quotes mark names in Korean news; double quotes mostly speech
_PAREN_ALIAS = re.compile(r"^\(([A-Za-z0-9][A-Za-z0-9 .&+\-/|]{0,60})\)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈시단견당화창옹순빙종요")
GENERIC_ACRONYMS = {"AI", "LLM", "SaaS", "DX", "AX", "UI", "NPO", "CAIO", "BPR", "ISP", "IT",
                    "ICT", "API", "GPU", "CEO", "CTO", "ESG", "R&D", "B2B", "B2G", "SW", "HW"}


@dataclass
class Candidate:
    start: int
    end: int
    type: str
    rule: str
    priority: int = 1
    canonical: str | None = None
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    money: Money | None = None
    phrase: str | None = None


class Rules:
    """The morphology rules of one document."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        c = lex.cue
        self.org_suffix = c("org_suffix")
        self.org_not = c("org_suffix_not")
        self.program = c("program_cue")
        self.initiative = c("initiative_cue")
        self.event = c("event_cue")
        self.generic = c("generic")
        self.trim = c("trim")
        self.titles = sorted(c("title"), key=len, reverse=True)
        self.brands = c("brand")
        self.inv_cue = c("investment_cue")
        self.not_inv = c("not_investment_cue")
        self.action = c("action")

    # ------------------------------------------------------------ helpers
    @staticmethod
    def ends_with(word: str, cues: frozenset[str]) -> str | None:
        """The longest cue that `word` ends with."""
        for n in range(min(len(word), 12), 0, -1):
            if word[-n:] in cues:
                return word[-n:]
        return None

    def run_start(self, words: list[Eojeol], k: int) -> int:
        """First word of the noun run that ends with word k."""
        i = k
        while i > 0:
            prev = words[i - 1]
            if not prev.noun_only or prev.stem.strip(QUOTES) in self.trim:
                break
            if any(ch in prev.stem for ch in ",.;:!?…△◇") and not prev.stem.strip(QUOTES):
                break
            if prev.stem.endswith((",", "，")) or re.search(r"\d+일$|\d+월$|\d+년$", prev.stem):
                break
            i -= 1
        while i < k and words[i].stem.strip(QUOTES) in self.trim:
            i += 1
        return i

    def distinctive(self, words: list[Eojeol], i: int, k: int, cue: str, etype: str) -> bool:
        """A run names one thing when it has more than generic words before its cue."""
        head = strip_name(split_alias(strip_name(words[k].stem))[0])
        body = " ".join(w.stem for w in words[i:k]) + " " + head[: len(head) - len(cue)]
        if re.search(f"[{re.escape(_SINGLE)}“\"].+[’'”\"」』》〉]", body):
            return True
        parts = [p for p in re.split(r"[\s·\-/]+", strip_name(body)) if p]
        if etype != "Program":  # AWS 머신러닝 인프라 is AWS's infrastructure, not an initiative
            parts = [p for p in parts if self.lex.names.get(p, None) is None
                     or self.lex.names[p].type != "Organization"]
        if not parts:
            return False
        if etype == "Event" and not any(t.split("+")[0] in ("NNP", "SL", "SN")
                                        for w in words[i:k + 1] for t in w.tags):
            return False  # 국내 최대 규모 … 컨퍼런스 describes an event; it does not name one
        if re.search(r"[A-Z]{2,}|\d", " ".join(p for p in parts if p != "AI")):
            return True
        content = [p for p in parts if p not in self.generic and p not in self.trim]
        return bool(content) and sum(len(p) for p in parts) + len(cue) >= 4

    # ------------------------------------------------------------ rules
    def runs(self, words: list[Eojeol]) -> list[Candidate]:
        out = []
        for k, w in enumerate(words):
            stem = strip_name(split_alias(strip_name(w.stem))[0])
            if not stem:
                continue
            last = re.split(r"[\s·]", stem)[-1]
            i = self.run_start(words, k)
            start = words[i].start
            org = self.ends_with(last, self.org_suffix)
            body = strip_name(" ".join(x.stem for x in words[i:k + 1]))
            if org and len(org) == 1 and len(last) != 3 and not (
                    i < k and self.lex.names.get(strip_name(words[i].stem), None) is not None):
                org = None  # 명실상부, 사업부: one-letter suffixes name ministries (통신부, 재정부)
            if org and last in self.org_not and not (
                    last in self.org_suffix and i < k and not any(
                        strip_name(x.stem) in self.generic for x in words[i:k])):
                org = None  # a bare 그룹 or 부처 is no name; 뵈르제 슈투트가르트 그룹 is
            if org and not stem.endswith("장"):
                end = w.stem_end
                if "(" in w.stem and split_alias(w.stem)[1] is None:
                    end = w.start + w.stem.index("(")  # 관세청(AI 통관 영상관리): a gloss
                if body not in self.org_not and len(re.sub(r"\s", "", body)) > len(org) + 1:
                    # an organisation is named even inside a longer run (행정안전부 국장)
                    out.append(Candidate(start, end, "Organization", "suffix"))
                    continue
            head = (k + 1 == len(words) or w.tail or not words[k + 1].noun_only
                    or strip_name(words[k + 1].stem) in self.action
                    or _YEAR.match(strip_name(words[k + 1].stem)))
            if not head:
                continue
            for cues, etype in ((self.event, "Event"), (self.program, "Program"),
                                (self.initiative, "Initiative")):
                cue = self.ends_with(last, cues)
                if cue and self.distinctive(words, i, k, cue, etype):
                    out.append(Candidate(start, w.stem_end, etype, "cue"))
                    break
            else:
                # an event named with its year: AWS DC 서밋 2025
                if _YEAR.match(stem) and k > 0:
                    j = k - 1
                    while j >= k - 3 and j >= 0 and words[j].noun_only:
                        if self.ends_with(strip_name(words[j].stem), self.event):
                            i = self.run_start(words, j)
                            out.append(Candidate(words[i].start, w.stem_end, "Event", "cue"))
                            break
                        j -= 1
        return out

    def world_rank(self, words: list[Eojeol]) -> list[Candidate]:
        """세계 3대 AI 강국, 세계 1위 AI 정부: national ambitions are initiatives."""
        out = []
        for k, w in enumerate(words[:-1]):
            if strip_name(w.stem) == "세계" and re.fullmatch(r"\d+(대|위)", words[k + 1].stem):
                j = k + 1
                while j + 1 < len(words) and words[j].noun_only and j < k + 5:
                    j += 1
                while j > k + 1 and strip_name(words[j].stem) in self.action:
                    j -= 1  # 세계 1위 AI 정부 실현: 실현 is what is done to it
                if j > k + 1:
                    out.append(Candidate(w.start, words[j].stem_end, "Initiative", "rank"))
        return out

    def quotes(self, doc: Doc, sent: SentenceText, words: list[Eojeol]) -> list[Candidate]:
        out = []
        for m in _QUOTED.finditer(sent.text):
            qs, qe = sent.start_char + m.start(), sent.start_char + m.end()
            inner = next(g for g in m.groups() if g is not None).strip()
            span = doc.char_span(qs, qe, alignment_mode="expand")
            tags = "+".join(t.tag_ for t in span) if span is not None else ""
            single = m.group(0)[0] in _SINGLE
            # single quotes mark names (a stray verb tag inside is Kiwi's guess);
            # double quotes mostly mark speech
            speech = r"(^|\+)EF" if single else r"(^|\+)(E[CF]|ETM)"
            if re.search(speech, tags) or len(inner.split()) > 7:
                continue  # speech, not a name
            name, alias = split_alias(inner)
            if not name.strip() or name.strip() in GENERIC_ACRONYMS:
                continue
            after = [w for w in words if w.start >= qe - 1 and w.end > qe]
            before = [w for w in words if w.end <= qs + 1 and w.start < qs]
            wq = next((w for w in words if w.start <= qe - 1 < w.end), None)
            tail = wq.tail if wq else ""
            end, etype = qe, None
            # 'K-행정의 디지털 대전환' 세미나, '원-윈도' 플랫폼 구축 사업: the cue is part of the name
            if not tail and after:
                k = words.index(after[0])
                for j in range(k, min(k + 4, len(words))):
                    stem = strip_name(words[j].stem)
                    hit = [t for c, t in ((self.event, "Event"), (self.program, "Program"))
                           if self.ends_with(stem, c)]
                    if hit:
                        etype, end = hit[0], words[j].stem_end
                        break
                    if not words[j].noun_only:
                        break
            if etype is None:
                following = " ".join(strip_name(w.stem) for w in after[:2]) if not tail else ""
                preceding = strip_name(before[-1].stem) if before else ""
                etype = self.quote_type(name, following, preceding, single)
            if etype is None:
                continue
            c = Candidate(qs, end, etype, "quote", priority=2)
            if alias and alias not in GENERIC_ACRONYMS:
                c.aliases.append(alias)
            out.append(c)
        return out

    def quote_type(self, name: str, following: str, preceding: str, single: bool) -> str | None:
        """The type of a quoted name, from the words after it, before it, then its own."""
        last = name.split()[-1]
        first_after = following.split()[0] if following else ""
        if first_after in ("설립", "구현", "추진", "실현", "전략", "계획", "비전", "구축"):
            return "Initiative"
        if re.search(r"(^|\s)(서비스|솔루션|모델|앱)$", following) or preceding.endswith(
                ("모델", "솔루션", "서비스", "챗봇", "LLM)")):
            return "Product"
        if preceding.endswith(("프로그램", "사업", "프로젝트")):
            return "Program"
        if preceding.endswith(("행사", "컨퍼런스", "세미나", "포럼")):
            return "Event"
        if preceding.endswith(("이벤트", "부스", "캠페인", "키워드", "슬로건")):
            return None
        if self.ends_with(last, self.event) or (_YEAR.match(last) and len(name.split()) > 1):
            return "Event"
        if self.ends_with(last, self.program):
            return "Program"
        if self.ends_with(last, self.initiative):
            return "Initiative"
        if self.ends_with(last, self.org_suffix) and last not in self.org_not and len(last) > 2:
            return "Organization"
        if re.fullmatch(r"[A-Za-z0-9 .\-]+", name):
            return "Product" if name.split()[0] in self.brands or len(name.split()) <= 2 else None
        return "Initiative" if single and len(name.split()) <= 4 else None

    def people(self, words: list[Eojeol], known: list[Candidate]) -> list[Candidate]:
        """NAME [(English)] [ORG …] TITLE; the organisation words become the role."""
        out = []
        for k, w in enumerate(words):
            base, alias = split_alias(w.stem)
            latin = alias if alias and re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+){1,2}", alias) \
                else None  # 크라츠(Jeff Kratz): a foreign name; the word before is part of it
            if not re.fullmatch(r"[가-힣]{2,4}", base) or base in self.lex.names \
                    or base in self.generic or base in self.trim:
                continue
            start = w.start
            if latin:
                if self.ends_with(base, self.org_suffix) or base in self.org_not:
                    continue
                if k > 0 and re.fullmatch(r"[가-힣]{1,4}", words[k - 1].stem) \
                        and words[k - 1].noun_only:
                    start = words[k - 1].start
            elif (base[0] not in _SURNAMES or len(base) != 3 or not w.noun_only
                  or not w.tags[0].startswith("NNP")):
                continue
            if any(c.start <= w.start < c.end for c in known):
                continue
            title_k = None
            for j in range(k + 1, min(k + 9, len(words))):
                tstem = strip_name(split_alias(words[j].stem)[0])
                title = self.ends_with(tstem, self.titles)
                if title and not tstem.endswith("실"):
                    title_k = j
                    break
                if not words[j].noun_only and not latin:
                    break
            if title_k is None and not latin:
                continue
            c = Candidate(start, w.start + len(base), "Person", "person", priority=3)
            c.canonical = " ".join([x.stem for x in words if start <= x.start < w.start] + [base])
            if latin:
                c.aliases += [latin, base]
            if title_k is not None:
                c.role = " ".join(x.stem for x in words[k + 1:title_k + 1])
            out.append(c)
        return out

    def foreign_names(self, words: list[Eojeol], known: list[Candidate]) -> list[Candidate]:
        """젠슨 황 엔비디아 최고경영자: two Hangul words, a known organisation, a title."""
        out = []
        orgs = {c.start: c for c in known if c.type == "Organization"}
        for k in range(len(words) - 1):
            # Kiwi may keep a foreign name as one token with its space (젠슨 황)
            if re.fullmatch(r"[가-힣]{1,4} [가-힣]{1,4}", words[k].text):
                a, b, org, n = words[k], words[k], words[k + 1], 1
            elif k + 2 < len(words) and words[k].noun_only and words[k + 1].noun_only:
                a, b, org, n = words[k], words[k + 1], words[k + 2], 2
            else:
                continue
            if org.start not in orgs or not all(re.fullmatch(r"[가-힣]{1,4}( [가-힣]{1,4})?",
                                                             x.text) for x in (a, b)):
                continue  # (Kiwi tags foreign names oddly: read the words as written)
            if any(x in self.lex.names or x in self.generic or x in self.trim
                   for x in (a.text, b.text)) or any(c.start <= a.start < c.end for c in known):
                continue
            after = [strip_name(split_alias(x.stem)[0]) for x in words[k + n:k + n + 3]]
            title = next((t for t in after if self.ends_with(t, self.titles)), None)
            if title is None:
                continue
            role = " ".join(x.stem for x in words[k + n:k + n + after.index(title) + 1])
            name = a.text if n == 1 else f"{a.text} {b.text}"
            out.append(Candidate(a.start, b.end, "Person", "person", priority=3,
                                 canonical=name, aliases=[name.split()[-1]], role=role))
        return out

    def officials_in_parentheses(self, words: list[Eojeol]) -> list[Candidate]:
        """행정안전부(장관 윤호중): the head of an organisation named in parentheses."""
        out = []
        for w in words:
            m = re.search(r"\(([가-힣]{1,8}) ([가-힣]{2,4})\)", w.stem)
            if not m or not self.ends_with(m.group(1), self.titles) or m.group(2)[0] not in \
                    _SURNAMES:
                continue
            start = w.start + m.start(2)
            org = strip_name(w.stem[:m.start()])
            out.append(Candidate(start, start + len(m.group(2)), "Person", "person", priority=3,
                                 canonical=m.group(2), role=f"{org} {m.group(1)}"))
        return out

    def role_orgs(self, people: list[Candidate], words: list[Eojeol],
                  known: list[Candidate]) -> list[Candidate]:
        """정지은 코딧 대표: the word between a name and a title names an organisation."""
        out = []
        for p in people:
            if not p.role:
                continue
            nxt = [w for w in words if w.start >= p.end]
            if not nxt or any(c.start <= nxt[0].start < c.end for c in known):
                continue
            stem = strip_name(split_alias(nxt[0].stem)[0])
            if len(p.role.split()) < 2 or stem in self.generic or stem in self.trim:
                continue
            if re.fullmatch(r"[가-힣A-Za-z0-9]{2,12}", stem) and not self.ends_with(
                    stem, self.titles):
                out.append(Candidate(nxt[0].start, nxt[0].start + len(stem), "Organization",
                                     "role"))
        return out

    def brand_products(self, words: list[Eojeol]) -> list[Candidate]:
        out = []
        for k, w in enumerate(words):
            if strip_name(w.stem) not in self.brands or not w.noun_only or k + 1 >= len(words):
                continue
            j = k + 1
            while j < len(words) and j < k + 4:
                stem = strip_name(split_alias(words[j].stem)[0])
                if not stem or stem in self.trim or stem in self.generic or stem in self.action \
                        or self.ends_with(stem, self.titles) or not re.match(r"^[A-Za-z0-9가-힣]",
                                                                             stem):
                    break
                if not words[j].noun_only:
                    j += 1
                    break
                j += 1
            if j > k + 1:
                last = words[j - 1]
                out.append(Candidate(w.start, last.stem_end, "Product", "brand"))
        return out

    def government(self, words: list[Eojeol]) -> list[Candidate]:
        """Bare 정부 as a subject or possessor means the national government."""
        out = []
        for k, w in enumerate(words):
            if w.stem != "정부" or w.tail_tag not in ("JKS", "JX", "JKG", "JKB", "JC"):
                continue
            prev = strip_name(words[k - 1].text) if k else ""
            if k and (prev in ("모든", "각국", "각", "글로벌", "다른", "여러", "전", "세계")
                      or (words[k - 1].noun_only and prev not in self.trim)):
                continue
            c = Candidate(w.start, w.stem_end, "Organization", "government",
                          canonical="대한민국 정부")
            out.append(c)
        return out

    def investments(self, doc: Doc, sent: SentenceText) -> list[Candidate]:
        out = []
        text = sent.text
        for s, e, money in find_money(text):
            clause = self._clause(text, s, e)
            if any(cue in clause for cue in self.not_inv):
                continue
            if not any(cue in clause for cue in self.inv_cue):
                continue
            a, b = sent.start_char + s, sent.start_char + e
            phrase = self._phrase(text, s, e)
            out.append(Candidate(a, b, "Investment", "money", priority=4, money=money,
                                 phrase=phrase))
        return out

    @staticmethod
    def _clause(text: str, s: int, e: int) -> str:
        left = max(text.rfind(",", 0, s), text.rfind("며", 0, s), text.rfind("고 ", 0, s))
        right_candidates = [i for i in (text.find(",", e), text.find("며", e)) if i != -1]
        right = min(right_candidates) if right_candidates else len(text)
        return text[max(left, s - 40, 0): min(right, e + 40)]

    @staticmethod
    def _phrase(text: str, s: int, e: int) -> str:
        m = re.match(r"\s*(을|를|이|가|의|은|는|에|도)?\s*(규모의?\s*[^,.]{0,25}?(계획|센터|사업|펀드|단지|프로젝트)|[^,.]{0,20}?(투입|투자|지원|출자|편성)[가-힣]*)",
                     text[e:])
        tail = m.group(0) if m else ""
        return (text[s:e] + tail).strip()

    def markers(self, words: list[Eojeol]) -> list[Candidate]:
        """한국형 초거대 AI 모델, 범정부 AI 공통 인프라: national programmes by their prefix."""
        out = []
        for k, w in enumerate(words):
            if not w.noun_only or not strip_name(w.stem).startswith(("한국형", "범정부", "K-")):
                continue
            j = k
            while j + 1 < len(words) and words[j].noun_only and j < k + 6:
                j += 1
            while j > k and strip_name(words[j].stem) in self.action:
                j -= 1  # 한국형 … AI 구축을: 구축 is what is done to it
            if j > k:
                out.append(Candidate(w.start, words[j].stem_end, "Initiative", "marker"))
        return out

    def enumerations(self, words: list[Eojeol], cands: list[Candidate]) -> list[Candidate]:
        """A, B, C 등 / A와 B: members of a list with one known member share its type."""
        out = []
        items: list[list[Eojeol]] = []
        cur: list[Eojeol] = []

        def flush_list():
            members = [(i[0].start, i[-1].stem_end, strip_name(
                " ".join(x.stem for x in i).rstrip(",·"))) for i in items]
            items.clear()
            if len(members) < 2:
                return
            known = [c for c in cands for s, e, _ in members if c.start == s and c.end >= e - 1]
            types = {c.type for c in known}
            if len(types) != 1 or not types & {"Organization", "Product"}:
                return
            etype = types.pop()
            for s, e, name in members:
                name = split_alias(name)[0]
                words_ = name.split()
                if any(c.start <= s < c.end for c in cands) or not words_ \
                        or words_[-1] in self.generic or words_[0] in self.trim \
                        or len(name) < 2 or len(words_) > 3 or name.isdigit() \
                        or not re.fullmatch(r"[A-Za-z0-9가-힣 &.\-]+", name):
                    continue
                out.append(Candidate(s, s + len(name), etype, "list"))

        for w in words:
            stem = w.stem.rstrip(",")
            if w.noun_only and not w.stem.endswith(","):
                cur.append(w)  # a multi-word member continues
                continue
            if not strip_name(stem) or strip_name(stem) in ("등", "및"):
                if cur:
                    items.append(cur)
                    cur = []
                flush_list()
                continue
            cur.append(w)
            items.append(cur)
            cur = []
            if not (w.stem.endswith(",") or w.tail in ("와", "과", "및", ",", "와,", "과,")
                    or w.tail_tag == "JC"):
                flush_list()
        if cur:
            items.append(cur)
        flush_list()
        return out

    def list_before_generic(self, words: list[Eojeol]) -> list[Candidate]:
        """뤼튼, 에이아이스 메디컬 등 스타트업들: items listed before 등 + an organisation noun."""
        out = []
        heads = ("기업", "스타트업", "업체", "회사", "기관", "사", "은행", "대학")
        for k, w in enumerate(words):
            if strip_name(w.stem) != "등" and not w.stem.endswith("등"):
                continue
            nxt = words[k + 1:k + 4]
            head = next((i for i, x in enumerate(nxt) if any(h in x.stem for h in heads)), None)
            if head is None or any(x.tail == "의" for x in nxt[:head]):
                continue
            j = k - 1
            members: list[tuple[int, int]] = []
            span_words: list[Eojeol] = []
            while j >= 0:
                x = words[j]
                if not (x.noun_only or x.tail == ",") and j != k - 1:
                    break
                span_words.insert(0, x)  # a name may have two words: 에이아이스 메디컬
                j -= 1
                if len(span_words) > 8:
                    break
            # split the words before 등 at commas
            name_words: list[Eojeol] = []
            for x in span_words:
                name_words.append(x)
                if x.tail == "," or x is span_words[-1]:
                    first = name_words[0]
                    stem = strip_name(" ".join(y.stem for y in name_words).rstrip(","))
                    if 2 <= len(stem) <= 15 and not any(p in self.trim or p in self.generic
                                                        for p in stem.split()):
                        members.append((first.start, first.start + len(stem)))
                    name_words = []
            if len(members) >= 2:
                out += [Candidate(s, e, "Organization", "list") for s, e in members[-4:]]
        return out


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: people and money first, then the longer span.

    A longer rule span (서울 상공회의소) beats a lexicon name inside it (서울), except
    where the lexicon name ends it (서울시 중구 대한상공회의소 is 대한상공회의소)."""
    lexicon_ends = {c.end for c in cands if c.rule == "lexicon" and c.type == "Organization"}
    cands = [c for c in cands if c.rule == "lexicon" or c.type != "Organization"
             or c.end not in lexicon_ends]
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.rule != "lexicon",
                                          c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _nested_organizations(ruler: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """권칠승 더불어민주당 의원실 also mentions 더불어민주당: a known organisation inside a
    longer name (not at its end) is a mention of its own."""
    return [r for r in ruler if r.type == "Organization" and r not in kept
            and any(k.start <= r.start and r.end < k.end and k.rule != "lexicon"
                    and k.type == "Organization" for k in kept)]


def _nested_places(ruler: list[Candidate], kept: list[Candidate], text: str
                   ) -> list[Candidate]:
    """대만 재정부, 서울 AI 안전성 정상회의: a place written inside a name, as a word of its
    own, is mentioned too (it locates the thing)."""
    return [r for r in ruler if r.type == "Place" and r not in kept
            and r.end < len(text) and text[r.end] == " "
            and any(k.start <= r.start and r.end < k.end and k.type in ("Organization", "Event")
                    and k.rule != "lexicon" for k in kept)]


_LOCAL = re.compile(r"(특별자치시|특별자치도|특별시|광역시|시|도|군|구)$")
_HEADS = {"시장": "시", "도지사": "도", "군수": "군", "구청장": "구", "시청": "시", "도청": "도",
          "군청": "군", "구청": "구", "장": "", "청": "", "지사": "", "청장": ""}


def _local_governments(text: str, cands: list[Candidate], words: list[Eojeol]) -> None:
    """부산시는 … 추진한다: a city acting (a subject, or its 시장/시청) is its government,
    an organisation; the same city elsewhere stays a place."""
    for c in cands:
        if c.type != "Place" or c.rule != "lexicon":
            continue
        w = next((x for x in words if x.start <= c.start < x.end), None)
        if w is None:
            continue
        surface = text[c.start:c.end]
        rest = strip_name(w.stem)[c.end - w.start:]
        if rest in _HEADS:  # 부산시장, 부산시청; 부산 + 시장 too
            name = surface if _LOCAL.search(surface) else surface + _HEADS[rest]
            end = c.end if _LOCAL.search(surface) else c.end + len(_HEADS[rest])
        elif not rest and _LOCAL.search(surface) and w.tail_tag in ("JKS", "JX"):
            name, end = surface, c.end
        else:
            continue
        c.type, c.canonical, c.end, c.rule = "Organization", name, end, "localgov"


def _program_anaphora(text: str, cands: list[Candidate]) -> list[Candidate]:
    """이 사업, 이번 사업, 해당 프로그램: the program named last before."""
    out = []
    programs = sorted((c for c in cands if c.type == "Program"), key=lambda c: c.start)
    for m in re.finditer(r"(?<![가-힣])(이|이번|해당|동|본)\s?(사업|프로그램|프로젝트)(?=[^가-힣]|에|을|를|은|는|의|이|과|와)",
                         text):
        before = [c for c in programs if c.end <= m.start()]
        if not before or any(c.start <= m.start() < c.end for c in cands):
            continue
        src = before[-1]
        name = strip_name(split_alias(strip_name(text[src.start:src.end]))[0])
        out.append(Candidate(m.start(), m.end(), "Program", "anaphor", canonical=name))
    return out


def _lawmakers(words: list[Eojeol], kept: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """권칠승 더불어민주당 의원실: the lawmaker whose office it is is a person."""
    out = []
    for k, w in enumerate(words[:-2]):
        party = strip_name(words[k + 1].stem)
        office = strip_name(words[k + 2].stem)
        if office == "의원실" and re.fullmatch(r"[가-힣]{3}", w.stem) and \
                lex.names.get(party) is not None and lex.names[party].type == "Organization":
            out.append(Candidate(w.start, w.stem_end, "Person", "person", priority=3,
                                 canonical=w.stem, role=f"{party} 의원"))
    return out


def find_candidates(doc: Doc, rules: Rules) -> list[Candidate]:
    lex = rules.lex
    out: list[Candidate] = []
    text = doc_text(doc)
    ents = [Candidate(e.start_char, e.end_char, e.label_, "lexicon", canonical=e.ent_id_ or None)
            for e in doc.ents]  # doc.ents walks the whole doc: read it once
    for sent, words in sentence_words(doc):
        if not words:
            continue
        ruler = [replace(c) for c in ents if sent.start_char <= c.start < sent.end_char]
        found = (rules.runs(words) + rules.world_rank(words) + rules.quotes(doc, sent, words)
                 + rules.brand_products(words) + rules.government(words)
                 + rules.markers(words) + rules.investments(doc, sent))
        people = (rules.people(words, ruler) + rules.officials_in_parentheses(words)
                  + rules.foreign_names(words, ruler))
        # what stands between a person's name and title is their role, not a product
        roles = [(p.end, next((w.stem_end for w in words if w.start >= p.end
                               and p.role and w.stem.startswith(p.role.split()[-1])), p.end))
                 for p in people]
        found = [c for c in found if c.rule not in ("brand", "cue", "marker")
                 or not any(a <= c.start < b for a, b in roles)]
        for c in found:  # a run does not swallow the name of the person before it
            for p in people:
                if c.start <= p.start < c.end and p.end < c.end:
                    c.start = next(w.start for w in words if w.start >= p.end)
        merged = _resolve(ruler + found + people)
        _local_governments(text, merged, words)
        merged += rules.role_orgs([c for c in merged if c.type == "Person"], words, merged)
        merged += _nested_organizations(ruler, merged) + _nested_places(ruler, merged, text)
        merged += _lawmakers(words, merged, lex)
        merged += _resolve([c for c in rules.enumerations(words, merged)
                            + rules.list_before_generic(words)
                            if all(c.end <= m.start or c.start >= m.end for m in merged)])
        out += _drop_inside_aliases(text, sorted(merged, key=lambda c: c.start))
    out += _repeated_names(doc, out)
    out += _program_anaphora(text, out)
    return sorted(out, key=lambda c: c.start)


def _drop_inside_aliases(text: str, cands: list[Candidate]) -> list[Candidate]:
    """아마존 VPC(Amazon VPC): a name inside the parenthesis after a name is its alias."""
    claimed = []
    for c in cands:
        m = _PAREN_ALIAS.match(text[c.end:])
        if m:
            claimed.append((c.end, c.end + m.end()))
    return [c for c in cands if not any(s <= c.start < e for s, e in claimed)]


def _repeated_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names a rule found once are found again elsewhere in the document (코딧 … 코딧이),
    and people again by their full name or foreign surname (크라츠 부사장)."""
    text = doc_text(doc)
    names: dict[str, Candidate] = {}
    for c in cands:
        if c.rule in ("lexicon", "money", "government"):
            continue
        surface = strip_name(split_alias(text[c.start:c.end])[0])
        if c.type == "Person":
            for a in [c.canonical or surface] + [x for x in c.aliases if re.fullmatch(
                    r"[가-힣]{2,}", x)]:
                names.setdefault(a, c)
        elif len(surface) >= 2:
            names.setdefault(surface, c)
    taken = [(c.start, c.end) for c in cands]
    out = []
    for name in sorted(names, key=len, reverse=True):
        src = names[name]
        for m in re.finditer(re.escape(name), text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            if s > 0 and re.match(r"[가-힣A-Za-z0-9]", text[s - 1]):
                continue  # inside a longer word
            if e < len(text) and re.match(r"[A-Za-z0-9]", text[e]):
                continue
            c = Candidate(s, e, src.type, "repeat", canonical=src.canonical, role=None)
            out.append(c)
            taken.append((s, e))
    return out


@Language.factory("kg_mentions", default_config={})
def make_mentions_component(nlp: Language, name: str):
    from kg.lexicon import load_lexicon

    rules = Rules(load_lexicon())  # once per pipeline, not once per document

    def component(doc: Doc) -> Doc:
        doc.user_data["kg_candidates"] = find_candidates(doc, rules)
        return doc

    return component


def add_entity_components(nlp: Language, lex: Lexicon) -> None:
    """The EntityRuler over the lexicons, then the morphology rules."""
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH",
                                                 "overwrite_ents": True})
    ruler.add_patterns([{"label": n.type, "pattern": surface, "id": n.canonical}
                        for surface, n in sorted(lex.names.items())])
    nlp.add_pipe("kg_mentions")


def to_mentions(document: Document, doc: Doc) -> list[Mention]:
    """Candidates of a processed doc -> Mention records, with parenthesised aliases."""
    sent_starts = [s.start_char for s, _ in sentence_words(doc)]
    text = doc_text(doc)
    out = []
    for c in doc.user_data.get("kg_candidates", []):
        surface = strip_name(text[c.start:c.end])
        aliases = list(c.aliases)
        base, alias = split_alias(surface)
        if alias and c.type != "Person":
            surface, aliases = strip_name(base), aliases + [alias]
        m = _PAREN_ALIAS.match(text[c.end:])
        if m and c.type != "Investment" and m.group(1) not in GENERIC_ACRONYMS:
            aliases.append(m.group(1).strip())
        if (c.type == "Person" or c.rule == "anaphor") and c.canonical:
            surface = c.canonical  # 이 사업 is no name of the program
        if not surface:
            continue
        sentence = max(bisect.bisect_right(sent_starts, c.start) - 1, 0)
        out.append(Mention(doc_id=document.id, sentence=sentence, start=c.start, end=c.end,
                           text=surface, type=c.type,
                           aliases=tuple(dict.fromkeys(a for a in aliases if a != surface)),
                           canonical=c.canonical if c.type != "Person" and c.rule != "anaphor"
                           else None,
                           money=c.money, role=c.role, phrase=c.phrase))
    return out


