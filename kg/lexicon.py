"""Language knowledge as data: known names (ontology/lexicons/) and cue words
(ontology/cues/), loaded into typed objects that fail loudly.

Names are general knowledge a user reuses on any Korean article (ministries,
agencies, local governments, companies, places, products), never the answers
for one article. Cues are the words the rules read: organisation suffixes,
titles, particles, verbs. Every cue kind the rules use is a field of `Cues`; a
cue file naming an unknown kind, or missing a kind, is an error, so a misspelt
kind cannot silently switch a rule off.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from kg.errors import UsageError
from kg.resources import ontology_dir

# A lexicon file's type: from its folder (lexicons/organizations/*.tsv) or its name.
_TYPES = {"organizations": "Organization", "places": "Place", "products": "Product",
          "programs": "Program", "initiatives": "Initiative"}


@dataclass(frozen=True)
class Name:
    """A known name: its type and the canonical name it stands for."""

    type: str
    canonical: str
    group: str = ""        # the file it comes from: local-governments, companies-kr ...
    makers: tuple[str, ...] = ()  # products: the organisations that make and run them


Words = frozenset[str]
T = TypeVar("T")
_UNSEEN = object()
_MEMO_SIZE = 1 << 16   # words remembered per cue kind (Cues.ends_with)


@dataclass(frozen=True)
class Cues:
    """Every kind of cue word the rules read (ontology/cues/*.tsv)."""

    # names: what a noun run ends in, and what keeps it from being a name
    org_suffix: Words
    org_suffix_not: Words
    org_suffix_false: Words         # 제공사: ends like 공사, names a role
    program_cue: Words
    weak_program_cue: Words
    program_role: Words
    activity_cue: Words             # 육성 프로그램: after a word of activity, no name
    activity_word: Words
    event_program_cue: Words        # X 출자사업 설명회: the programme an event is about
    programme_unit: Words           # ‘X’ 사업단 출범식: the unit that runs X
    centre_topic: Words             # 주민센터 is no programme; AI 데이터센터 is
    scheme_word: Words              # 시범사업: a scheme's kind after its core
    initiative_cue: Words
    glued_company_cue: Words        # 마루비전: a company, not a plan
    event_cue: Words
    ceremony_cue: Words             # 출범식, 개소식: launching the name before them
    contest_cue: Words              # 챌린지, 공모전: with a year, an edition held
    generic: Words
    topic_prefix: Words             # 제조AI: a field before an acronym
    generic_acronym: Words
    sector_acronym: Words           # LLM, SW: before 사업 they name nothing
    name_word: Words
    topic_acronym: Words
    trim: Words
    run_break: Words
    descriptive_qualifier: Words    # 유사 사업, 예외 사업: qualifies, names nothing
    fund_kind: Words                # 투자펀드, 국부펀드: a kind of fund, no name
    action: Words
    agreement_noun: Words           # 협력 협약: dictionary words ending so name no body
    national_prefix: Words
    world: Words
    rank: Words
    # people
    title_prefix: Words             # 전, 현: before a role
    dept_suffix: Words              # …실의, …팀의: a unit between a body and its staff
    staff_unit: Words               # 혁신금융그룹 부행장: the unit's staff are its body's
    headed_unit: Words              # 산학협력단장: the unit, then its head
    glued_headed_unit: Words        # 한국데이터정책학회장: a full name, then its head
    role_label: Words               # 주관기관 A, 참여기관 B·C
    glued_org_suffix: Words         # 청라해솔중학교
    title: Words
    company_head: Words             # 대표, CEO: the new name before 김민수 대표
    office: Words
    surname: Words
    compound_surname: Words         # 남궁, 황보
    lawmaker_office: Words
    lawmaker_title: Words
    # organisations
    government: Words
    government_president: Words     # 이재명 정부: an administration
    government_not_after: Words
    government_money: Words
    national_funds: Words
    law_suffix: Words
    law_not: Words
    law_context: Words
    local_suffix: Words
    local_head: Words
    chair_head: Words               # 위원장=위원회: a chair's title glued to its body
    place_unit: Words
    town_unit: Words                # 감곡면 (in a sentence about 음성군)
    place_zone: Words
    region_short: Words
    list_head: Words
    org_descriptor: Words
    non_company_suffix: Words       # 대학교, 재단, 협회: bodies that are no business
    company_word_latin: Words       # Capital, Labs: an English company word
    company_suffix: Words
    legal_form: Words
    named_legal_form: Words         # 법무법인 지평: a kind of firm kept in its name
    org_verb: Words
    thing_action: Words             # AI솔루션 개발: the work done on a thing, no organisation
    org_follow: Words
    list_end: Words
    etc: Words
    like_word: Words                # A 같은 N이: N's role is A's
    brand: Words
    cloud_region: Words             # 서울 리전: a cloud region is a product
    brand_not_after: Words
    name_attachment: Words
    org_prefix: Words
    # quoted names: the words around a quote that type it
    program_cue_latin: Words        # Accelerator, Campus: an English programme word
    program_action: Words           # 구축, 조성: a quoted project named by its work
    quote_initiative_last: Words    # ‘AI 사업자 등록제’, ‘K-저수지 안전관리 체계’: policy, not a scheme
    quote_program_last: Words       # ‘… 실태조사’: a named survey is a Program
    quote_initiative_after: Words
    quote_product_after: Words
    product_head: Words
    quote_product_before: Words
    quote_phrase_before: Words      # 이른바 ‘X’: a coined phrase
    quote_program_before: Words
    event_verb: Words               # ‘…’를 열고: held, so an event
    quote_event_before: Words
    quote_nothing_before: Words
    quote_nothing_after: Words
    quote_agreement_after: Words    # ‘X’ 업무협약: an agreement's title
    quote_nothing_last: Words
    quote_concept_word: Words
    # anaphora
    determiner: Words
    product_anaphor: Words
    initiative_anaphor: Words       # 이번 방안, 이 전략: the plan named last
    program_anaphor: Words
    call_word: Words
    anaphor_work: Words
    head_anaphor: Words
    fund_talk: Words                # 출자, 결성: a sentence about a fund
    fund_name: Words                # what a fund's name ends in
    fund_manager: Words
    fund_applied: Words
    title_body: Words               # 원장=원: a bare title and its body's kind
    org_anaphor: Words
    company_anaphor: Words
    event_anaphor: Words
    pronoun: Words
    first_person: Words
    group_anaphor: Words
    group_noun: Words
    alliance_cue: Words             # 얼라이언스: joined as a programme is
    opener: Words
    # money
    investment_cue: Words
    not_investment_cue: Words
    investment_head: Words
    investment_verb: Words
    scale: Words
    per_recipient: Words            # 기업당: a rate per recipient follows
    fixed_each: Words               # 씩: … unless it is a fixed sum for each
    valuation: Words
    cap_before: Words
    cap_after: Words
    recipient_noun: Words           # 과제에는 최대 N원: a ceiling for each
    bare_won_before: Words          # 300억 투입: a sum without 원 before these
    bare_won_after: Words           # 출자금 450억: a sum without 원 after these
    difference_before: Words        # 보다: a difference between sums follows
    difference_after: Words         # 늘어난, 감소: the sum was a difference
    for_this: Words                 # 이를 (위해): for the programme at hand
    budget_word: Words
    budget_release: Words
    receive: Words
    received: Words
    call_won: Words                 # 공모에 선정돼: won a body's call (+: a word gap)
    secured: Words                  # 확보: a sum secured
    spent_on: Words
    part_of_sum: Words
    distribute: Words               # 나눠 지원한다: a total shared out
    distributed_part: Words         # 지원액은, 병원별 국비는: a share of it
    budget_topic: Words             # 총사업비 N원은: the budget of the programme at hand
    fund_formed: Words              # 결성: a fund formed by its managers
    raise_money: Words              # 투자를+유치: a company raising money (+: a word gap)
    investment_deal: Words          # 투자+협약: a public body's deal; the others pay
    raised_direct: Words            # 320억 원을 유치했다
    raised_total: Words             # A의 누적 투자 유치액은 320억 원
    fund_word: Words                # 교육부 특별교부금으로
    round_lead: Words               # 리드했다: leading a funding round
    round_word: Words               # 이번 투자에는: a funding round joined
    bear: Words                     # N원은 A가 부담한다: A pays
    share_verb: Words               # ▲A(80억원)이 참여했다: money given by the bodies listed
    share_not: Words                # ▲A(10억원)에 투자했다: … or received by them
    from_particle: Words            # 로부터: where a sum comes from
    operator_verb: Words
    fund_source: Words
    # relations: particles
    subject_particle: Words
    subject_marker: Words
    subject_case: Words
    duty: Words
    post_head: Words                # 분과장은 A가 맡는다: a post, not the running
    operator_duty: Words            # 총괄, 관리: a duty that runs the programme
    time_adnominal: Words           # 지난, 오는: verb forms that only date a noun
    decided: Words                  # 도입을 확정: a decision taken
    support_role: Words             # 기술 자문, 검증: a supporting role (supports)
    object_particle: Words
    dative_particle: Words
    locative_particle: Words
    conj_particle: Words
    including: Words
    conj_word: Words
    count_word: Words
    participant_topic: Words        # 첫 참여 병원은 A, B다
    participant_as: Words           # 수요+기관으로: a participant's role (+: a word gap)
    genitive_particle: Words
    copula: Words
    topic_particle: Words
    # relations: verbs and cue words
    verb_invest: Words
    verb_allocate: Words            # 배정, 편성: a sum sent to what follows
    verb_spend: Words
    verb_organize: Words
    verb_hold_object: Words         # ‘X’ 콘퍼런스를 진행한다: holds the event, its object
    verb_held: Words                # 개막했다: where an event is held
    sponsor: Words
    speaker: Words
    talk: Words
    talk_next: Words                # 이어 … 소개했고: the next talk
    prize: Words                    # 최우수상은 A가 받았다
    prize_won: Words
    verb_participate: Words
    verb_join: Words
    form_together: Words
    composed_of: Words              # A, B로 구성됐다: a body's members
    verb_attend: Words
    verb_execute: Words             # 수행, 구축: doing a programme's work
    verb_run: Words                 # 운영, 추진: running it
    commission: Words               # 위탁: commissioned to another body
    verb_publish: Words             # 발표한 「X 계획」: a plan's issuer
    verb_operate: Words
    verb_use: Words
    supply: Words
    passive_use: Words
    verb_support: Words
    verb_back: Words
    part_of: Words
    phase: Words
    build_work: Words
    agreement: Words
    procurement: Words              # 계약 with a public body: buying, not partnering
    conclude: Words
    headline_partner: Words         # A, B와 협력: a headline ending on the noun
    headline_partner_after: Words   # 협력 강화: what may follow the headline noun
    partner_verb: Words
    partner_idiom: Words            # 손을+잡: an idiom of agreeing, + a word gap
    joint_work: Words               # 공동 개발, 공동연구: the work partners do together
    together: Words
    jointly: Words                  # 공동 개발한다: work done jointly
    purpose: Words
    witness: Words
    no_agreement: Words
    under_review: Words
    goal_plan: Words                # 전략, 정책: a plan made toward a goal (X를 위한 전략)
    plan_made: Words                # 제시, 발표: making or announcing a plan
    career: Words                   # 거쳤다, 역임: a person's past posts
    career_relative: Words          # 거친, 지낸: past posts in a clause before the person
    origin: Words                   # X 출신인 A: a past employer before the person
    studied_joined: Words           # 서울대를 나와, ETRI에 들어가: schools and employers
    worked_at: Words                # X에서 … 근무했다: where the person worked
    career_box: Words               # 약력: a career box's header
    item_mark: Words                # ▲: an item of a box or list
    post_held: Words                # 위원으로 활동: a post held now
    appoint: Words                  # 임명, 취임: personnel news
    each: Words
    subcontract: Words
    list_intro: Words
    operator_role: Words            # 전담기관, 주관기관: who runs a programme
    operator_column: Words          # 수행(전담)기관: a table's column of them
    selected_as: Words              # 참여기업으로 선정: a role in a programme
    verb_select: Words
    contract_won: Words
    own: Words
    own_topic: Words                # 주력 제품은 X다: the company's own
    passive_select: Words
    negation: Words
    means: Words
    consortium: Words
    joint_managers: Words           # (Co-GP), (공동운용): a fund's joint managers
    separate: Words                 # 각자 컨소시엄: each bidder's own (rivals)
    consortium_not: Words           # 경쟁 컨소시엄: a word that names no consortium
    located: Words
    partner_word: Words
    seat: Words
    premises: Words                 # 경주 본사에서
    passive_ending: Words
    bid: Words
    consortium_lead: Words
    member_verb: Words
    win: Words
    lose: Words
    failed: Words                   # 수주에 실패: a bid that failed
    bid_race: Words                 # 수주전, 수주 경쟁: a race, not an award
    beat: Words
    government_suffix: Words
    legislature: Words
    national_assembly: Words        # 국회 (교육위원회): runs and pays for no programme
    political_party: Words          # 자유한국당: runs and pays for no programme either

    _patterns: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)
    _lengths: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)
    _ends: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)
    _built: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    def pattern(self, kind: str) -> re.Pattern[str]:
        """A regex matching any word of a kind (longest first)."""
        pat = self._patterns.get(kind)
        if pat is None:
            words = sorted(getattr(self, kind), key=lambda w: (-len(w), w))
            pat = self._patterns[kind] = re.compile("|".join(map(re.escape, words)) or r"(?!)")
        return pat

    def idiom(self, kind: str) -> re.Pattern[str]:
        """A regex for a kind written as words joined by + where a space may fall
        (손을+잡: 손을 잡았다, 손을잡고)."""
        key = kind + "+"
        pat = self._patterns.get(key)
        if pat is None:
            words = sorted(getattr(self, kind), key=lambda w: (-len(w), w))
            pat = self._patterns[key] = re.compile(
                "|".join(r"\s?".join(map(re.escape, w.split("+"))) for w in words) or r"(?!)")
        return pat

    def words(self, kind: str) -> tuple[str, ...]:
        """A kind's words as a tuple, for str.startswith and str.endswith; made once."""
        key = "()" + kind
        found = self._built.get(key)
        if found is None:
            found = self._built[key] = tuple(getattr(self, kind))
        return found

    def regex(self, template: str) -> re.Pattern[str]:
        """`template` compiled, each {kind} in it replaced by `pattern(kind)`'s words
        ({{ and }} are braces), once per template: a pattern written as an f-string is
        formatted and looked up in re's cache on every call."""
        found = self._built.get(template)
        if found is None:
            found = self._built[template] = re.compile(template.format_map(_Kinds(self)))
        return found

    def built(self, make: Callable[[Cues], T]) -> T:
        """What `make` builds from these cues (a pattern of several kinds), built once."""
        found = self._built.get(make)
        if found is None:
            found = self._built[make] = make(self)
        return found

    def ends_with(self, word: str, kind: str) -> str | None:
        """The longest cue of `kind` (up to 12 letters) that `word` ends with."""
        # remembered: the rules ask about the same words over a million times in 300
        # documents; the memory is bounded, emptied when full
        seen = self._ends.get(kind)
        if seen is None:
            seen = self._ends[kind] = {}
        found = seen.get(word, _UNSEEN)
        if found is not _UNSEEN:
            return found
        if len(seen) >= _MEMO_SIZE:
            seen.clear()
        found = seen[word] = self._ends_with(word, kind)
        return found

    def _ends_with(self, word: str, kind: str) -> str | None:
        lengths = self._lengths.get(kind)
        if lengths is None:  # only the lengths a cue of the kind has are worth trying
            lengths = self._lengths[kind] = sorted(
                {len(w) for w in getattr(self, kind) if 0 < len(w) <= 12}, reverse=True)
        cues = getattr(self, kind)
        for n in lengths:
            if n <= len(word) and word[-n:] in cues:
                return word[-n:]
        return None

    @property
    def local_head_words(self) -> frozenset[str]:
        return frozenset(self.mapping("local_head"))

    def mapping(self, kind: str) -> Mapping[str, str]:
        """A kind written as key=value words (시장=시); read-only, made once."""
        key = "=" + kind
        found = self._patterns.get(key)
        if found is None:
            found = self._patterns[key] = MappingProxyType(dict(
                w.split("=", 1) if "=" in w else (w, "") for w in getattr(self, kind)))
        return found


class _Kinds(dict):
    """The words of each cue kind as a regex alternation, for str.format_map."""

    def __init__(self, cues: Cues):
        super().__init__()
        self.cues = cues

    def __missing__(self, kind: str) -> str:
        return self.cues.pattern(kind).pattern


@dataclass(frozen=True)
class Lexicon:
    names: Mapping[str, Name]            # surface form (NFC) -> Name
    cues: Cues

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        return self._aliases.get(canonical, ())

    @functools.cached_property
    def _aliases(self) -> dict[str, tuple[str, ...]]:
        # canonical -> its other names, indexed once: linking asks for every entity,
        # and a scan of all names per entity took seconds at 3,000 documents
        found: dict[str, list[str]] = {}
        for s, n in self.names.items():
            if s != n.canonical:
                found.setdefault(n.canonical, []).append(s)
        return {c: tuple(sorted(v)) for c, v in found.items()}

    @functools.cached_property
    def common_word_places(self) -> dict[str, str]:
        """Cities and counties whose bare name is a common word and so not in the place
        lexicon (places/korea.tsv): the bare name -> its government (장성 -> 장성군)."""
        found = {}
        for surface, name in self.names.items():
            if name.group == "local-governments" and surface == name.canonical and \
                    surface.endswith(("시", "군")) and len(surface) >= 3 and \
                    surface[:-1] not in self.names:
                found[surface[:-1]] = surface
        return dict(sorted(found.items()))

    @functools.cached_property
    def organisations_by_start(self) -> dict[str, tuple[str, ...]]:
        """Known organisations' names of four letters or more that start with two letters
        or digits, by those two, longest first (kg.mentions finds them by their letters
        where Kiwi cut them otherwise than their pattern)."""
        found: dict[str, list[str]] = {}
        for surface, name in self.names.items():
            if name.type == "Organization" and len(surface) >= 4 and \
                    re.match(r"[가-힣A-Za-z0-9]{2}", surface):
                found.setdefault(surface[:2], []).append(surface)
        return {k: tuple(sorted(v, key=lambda x: (-len(x), x))) for k, v in sorted(found.items())}

    def type_of(self, surface: str) -> str | None:
        name = self.names.get(surface)
        return name.type if name else None

    def group_of(self, surface: str) -> str | None:
        name = self.names.get(surface)
        return name.group if name else None


def tsv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a TSV data file (ontology/): line number and columns, # comments skipped."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = unicodedata.normalize("NFC", line.rstrip())
        if line and not line.startswith("#"):
            yield lineno, line.split("\t")


def _name_files(folder: Path) -> list[tuple[Path, str]]:
    files = []
    for path in sorted(folder.glob("*.tsv")) + sorted(folder.glob("*/*.tsv")):
        key = path.parent.name if path.parent != folder else path.stem
        if key not in _TYPES:
            raise UsageError(f"{path}: a lexicon file must be in one of the folders "
                             f"{', '.join(sorted(_TYPES))}")
        files.append((path, _TYPES[key]))
    return files


def _forms(surface: str) -> list[str]:
    """A name as written, and brands in capitals also as news writes them in English
    text: NAVER Cloud -> Naver Cloud."""
    words = surface.split()
    if len(words) > 1 and any(len(w) >= 4 and w.isupper() and w.isascii() for w in words):
        return [surface, " ".join(w.capitalize() if w.isupper() and len(w) >= 4 else w
                                  for w in words)]
    return [surface]


def _office(surface: str, group: str) -> list[str]:
    """A local government is also named by its office: 달서구청, 수원시청, 홍천군청."""
    if group == "local-governments" and surface.endswith(("시", "군", "구")):
        return [surface + "청"]
    return []


def load_names(folder: Path) -> Mapping[str, Name]:
    if not folder.is_dir():
        raise UsageError(f"{folder}: lexicon folder missing")
    names: dict[str, Name] = {}
    offices: list[tuple[str, Name]] = []    # after every name written out: 서울시청 the venue
    for path, etype in _name_files(folder):
        for lineno, cols in tsv_rows(path):
            if len(cols) > (3 if etype == "Product" else 2) or not cols[0]:
                raise UsageError(f"{path}:{lineno}: expected 'name<TAB>aliases'"
                                 + ("<TAB>makers" if etype == "Product" else ""))
            canonical = cols[0]
            aliases = cols[1].split("|") if len(cols) > 1 and cols[1] else []
            makers = tuple(cols[2].split("|")) if len(cols) > 2 and cols[2] else ()
            for surface in [canonical, *aliases]:
                name = Name(etype, canonical, path.stem, makers)
                for form in _forms(surface.strip()):
                    names.setdefault(form, name)
                offices += [(form, name) for form in _office(surface.strip(), path.stem)]
    for form, name in offices:
        names.setdefault(form, name)
    return MappingProxyType(names)


def load_cues(folder: Path) -> Cues:
    kinds = {f.name for f in dataclasses.fields(Cues) if not f.name.startswith("_")}
    found: dict[str, frozenset[str]] = {}
    for path in sorted(folder.glob("*.tsv")):
        for lineno, cols in tsv_rows(path):
            if len(cols) != 2:
                raise UsageError(f"{path}:{lineno}: expected 'kind<TAB>words'")
            if cols[0] not in kinds:
                raise UsageError(f"{path}:{lineno}: unknown cue kind {cols[0]!r}")
            if cols[0] in found:
                raise UsageError(f"{path}:{lineno}: cue kind {cols[0]!r} given twice")
            found[cols[0]] = frozenset(cols[1].split())
    missing = sorted(kinds - found.keys())
    if missing:
        raise UsageError(f"{folder}: cue kinds missing: {', '.join(missing)}")
    return Cues(**found)


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The names and cues under an ontology folder (default: the installed one);
    a malformed line is a UsageError naming it."""
    folder = Path(folder) if folder is not None else ontology_dir()
    return Lexicon(load_names(folder / "lexicons"), load_cues(folder / "cues"))
