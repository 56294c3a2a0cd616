"""A reproducible synthetic Korean news corpus built from the seed articles.

Every document recombines paragraphs of the five seed articles (whole, or a run
of their sentences), then swaps the names of people and non-government
organisations for names drawn from a generated pool, and varies amounts,
percentages, counts, days and years. Sentence structure is kept, so the
pipeline sees the same kinds of sentences as in the seeds, but entities do not
all collapse into the seeds' few dozen.

Names are drawn with Zipf-like weights from fixed pools, so a few names recur
in many documents (linking across documents is exercised) while the number of
distinct entities keeps growing with the corpus. Document i depends only on the
seed and i: the first 100 documents of a 1000-document corpus are the
100-document corpus.

    python bench/corpus.py OUT_DIR --docs 1000
"""
from __future__ import annotations

import argparse
import itertools
import random
import re
from dataclasses import dataclass
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"
DEFAULT_SEED = 20250611

# --- names in the seeds that are swapped -------------------------------------------------

# People: full name in the seeds, the short forms used later in an article ("장 과장"),
# and an English gloss dropped when the name is swapped.
@dataclass(frozen=True)
class SeedPerson:
    full: str
    short: tuple[str, ...] = ()     # "<surname> <title>" forms, e.g. "장 과장"
    gloss: str = ""                 # "(Jeff Kratz)"


SEED_PEOPLE = (
    SeedPerson("제프 크라츠", ("크라츠 부사장",), "(Jeff Kratz)"),
    SeedPerson("샤운 난디", (), "(Shaown Nandi)"),
    SeedPerson("윤정원"), SeedPerson("장은영", ("장 과장",)), SeedPerson("손종걸", ("손 과장",)),
    SeedPerson("최현택"), SeedPerson("배일권", ("배 국장",)), SeedPerson("정지은"),
    SeedPerson("권칠승"), SeedPerson("김성훈"), SeedPerson("김태훈"),
)

# Public bodies and associations, and companies; government ministries, AWS and
# the global companies stay (they are the real recurring anchors of such news).
SEED_PUBLIC_BODIES = ("한국IT서비스산업협회", "한국제약바이오협회", "서울교통공사", "한국행정학회",
                      "디지털플랫폼정부위원회")
SEED_COMPANIES = ("에이아이스 메디컬", "메가존클라우드", "이테크시스템", "액세스 파트너십",
                  "업스테이지", "솔트웨어", "와탭랩스", "윈스테크", "디딤365", "LG CNS", "코딧",
                  "뤼튼", "웅진", "NDS")

# --- the generated pools ----------------------------------------------------------------

SURNAMES = "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 노 남".split()
GIVEN_NAMES = ("민준 서연 지훈 하은 도윤 수빈 현우 지민 예준 서윤 준호 은지 성민 지현 동현 혜진 영호 "
               "미경 상훈 정아 재원 유진 태현 소영 승우 다은 민석 가영 영수 은정 진우 수정 경민 나연 "
               "우진 보람 석진 희정 주원 채원 형준 세영 기현 윤아 종훈 미란 대현 선희 건우 지원").split()
PUBLIC_PREFIXES = "한국 국립 대한 서울 부산 경기 미래 국가 글로벌 한국지능형".split()
PUBLIC_STEMS = ("데이터 인공지능 디지털 지능정보 소프트웨어 클라우드 바이오 에너지 우주항공 로봇 "
                "정보보호 스마트시티 의료정보 교통안전 행정정보 전자정부 반도체 콘텐츠 핀테크 "
                "공간정보 환경기술 해양과학 농업기술 문화기술 사이버안보").split()
PUBLIC_SUFFIXES = "진흥원 협회 연구원 재단 공사 공단 위원회 학회 평가원 정보원 연합회".split()
COMPANY_STEMS = ("누리 한빛 다온 새롬 하늘 미르 가온 나래 바른 이음 솔빛 아름 큰별 온새 그린 "
                 "라온 한결 빛나 도담 마루 세움 푸른 여름 별하 해솔 다솜 은하 우리 참빛 노을").split()
COMPANY_SUFFIXES = ("테크 소프트 랩스 시스템즈 AI 데이터 클라우드 네트웍스 로보틱스 헬스케어 "
                    "인포텍 파트너스 홀딩스 바이오").split()
EMAIL_DOMAINS = ("etnews.com", "chosun.com", "techm.kr", "aitimes.kr", "zdnet.co.kr", "dt.co.kr")

ZIPF_EXPONENT = 0.9


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(n)]


@dataclass(frozen=True)
class NamePool:
    people: list[tuple[str, str]]     # (surname, given name)
    public_bodies: list[str]
    companies: list[str]

    @classmethod
    def generate(cls, seed: int) -> NamePool:
        rng = random.Random(f"{seed}:pool")
        people = list(itertools.product(SURNAMES, GIVEN_NAMES))
        public = [p + s + x for p, s, x in itertools.product(PUBLIC_PREFIXES, PUBLIC_STEMS,
                                                             PUBLIC_SUFFIXES)]
        companies = [a + x for a, x in itertools.product(COMPANY_STEMS, COMPANY_SUFFIXES)]
        companies += [a + b + x for a, b, x in itertools.product(COMPANY_STEMS, COMPANY_STEMS,
                                                                 ("테크", "소프트", "AI"))
                      if a != b]
        for names in (people, public, companies):
            rng.shuffle(names)     # the shuffled order is the popularity rank
        return cls(people[:1500], public[:1000], companies[:1500])


def _draw(rng: random.Random, names: list, count: int) -> list:
    """`count` distinct names, popular ones more often."""
    weights = _zipf_weights(len(names))
    chosen: list = []
    while len(chosen) < count:
        name = rng.choices(names, weights=weights)[0]
        if name not in chosen:
            chosen.append(name)
    return chosen


# --- the seed material -----------------------------------------------------------------

_FURNITURE = re.compile(r"^(!\[|\d{1,2}\s*\||-\s|◇|관련기사|.*기자\s+\S+@|.*/AWS$|\d{4}-\d{2}-\d{2})")
_SENTENCE_END = re.compile(r"(?<=[다요]\.)\s+|(?<=[다요]\.[”\"])\s+")   # keeps the period


@dataclass(frozen=True)
class Seeds:
    paragraphs: list[list[str]]     # body paragraphs, as lists of sentences
    headlines: list[str]

    @classmethod
    def load(cls, folder: Path = SEED_DIR) -> Seeds:
        paragraphs, headlines = [], []
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if not line or _FURNITURE.match(line) or line.startswith("관련"):
                    continue
                if line.endswith(("다.", "다.”", "다”", "다.\"")) and len(line) >= 30:
                    paragraphs.append([s.strip() for s in _SENTENCE_END.split(line) if s.strip()])
                elif 8 <= len(line) <= 60 and re.search("[가-힣]", line):
                    headlines.append(line)
        if not paragraphs:
            raise SystemExit(f"no seed paragraphs found in {folder}")
        return cls(paragraphs, headlines)


# --- variation -------------------------------------------------------------------------

def _same_digits(rng: random.Random, number: str) -> str:
    """A random number with as many digits as `number` (commas kept out)."""
    digits = len(number.replace(",", "").split(".")[0])
    if digits <= 1:
        return str(rng.randint(1, 9))
    return str(rng.randint(10 ** (digits - 1), 10 ** digits - 1))


_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?(?=\s?(?:조|억|만|천)?\s?(?:원|달러))")
_PERCENT = re.compile(r"\d+(?:\.\d+)?(?=%)")
_COUNT = re.compile(r"(?<![\dA-Za-z])\d+(?=\s?(?:개|명|곳|건|여명|여 명|만 명))")
_DAY = re.compile(r"(?<![\d])\d{1,2}(?=일\s)")
_YEAR = re.compile(r"(?<![\d])20(?:1\d|2\d)(?![\d])")


def vary_numbers(rng: random.Random, text: str) -> str:
    text = _AMOUNT.sub(lambda m: _same_digits(rng, m.group()), text)
    text = _PERCENT.sub(lambda m: str(rng.randint(1, 99)), text)
    text = _COUNT.sub(lambda m: _same_digits(rng, m.group()), text)
    text = _DAY.sub(lambda m: str(rng.randint(1, 28)), text)
    return _YEAR.sub(lambda m: str(rng.randint(2019, 2026)), text)


def swap_names(text: str, mapping: dict[str, str]) -> str:
    """Replace every key of `mapping` by its value, longest keys first, in one pass
    (a replacement is never replaced again)."""
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys))
    return pattern.sub(lambda m: mapping[m.group()], text)


def name_mapping(rng: random.Random, pool: NamePool) -> dict[str, str]:
    """Seed name -> generated name, for one document."""
    mapping: dict[str, str] = {}
    people = _draw(rng, pool.people, len(SEED_PEOPLE))
    for person, (surname, given) in zip(SEED_PEOPLE, people):
        mapping[person.full] = surname + given
        for short in person.short:
            mapping[short] = surname + short[short.index(" "):]
        if person.gloss:
            mapping[" " + person.gloss] = ""
            mapping[person.gloss] = ""
    mapping.update(zip(SEED_PUBLIC_BODIES, _draw(rng, pool.public_bodies,
                                                 len(SEED_PUBLIC_BODIES))))
    mapping.update(zip(SEED_COMPANIES, _draw(rng, pool.companies, len(SEED_COMPANIES))))
    return mapping


def make_document(index: int, seeds: Seeds, pool: NamePool, seed: int = DEFAULT_SEED) -> str:
    """The text of document `index`: a headline, paragraphs, a byline."""
    rng = random.Random(f"{seed}:doc:{index}")
    mapping = name_mapping(rng, pool)
    target = rng.randint(1500, 3500)        # characters, like the seeds (~2,500)
    lines = [rng.choice(seeds.headlines), ""]
    order = rng.sample(seeds.paragraphs, len(seeds.paragraphs))   # no paragraph twice
    size = 0
    while size < target and order:
        sentences = order.pop()
        if len(sentences) > 2 and rng.random() < 0.5:      # a run of the paragraph
            start = rng.randrange(len(sentences) - 1)
            sentences = sentences[start:start + rng.randint(2, len(sentences) - start)]
        paragraph = " ".join(sentences)
        lines.append(paragraph)
        size += len(paragraph)
    surname, given = rng.choice(pool.people)
    lines += ["", f"{surname}{given} 기자 reporter{index}@{rng.choice(EMAIL_DOMAINS)}"]
    text = "\n".join(lines) + "\n"
    return vary_numbers(rng, swap_names(text, mapping))


def edited(text: str, variant: int = 0) -> str:
    """The same document with one sentence added: the edit of the incremental benchmark
    (each variant adds a different amount)."""
    amount = 120 + 10 * variant
    sentence = (f"한편 한국데이터진흥원은 올해 {amount}억원을 투입해 "
                "공공 AI 플랫폼 구축 사업을 추진한다고 밝혔다.")
    return text.rstrip("\n") + "\n" + sentence + "\n"


def file_name(index: int) -> str:
    return f"doc_{index:05d}.txt"


def write_corpus(out_dir: Path, docs: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write documents 0..docs-1 to out_dir (created) and return their paths."""
    seeds, pool = Seeds.load(), NamePool.generate(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(docs):
        path = out_dir / file_name(i)
        path.write_text(make_document(i, seeds, pool, seed), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    paths = write_corpus(args.out_dir, args.docs, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents, {size / 1e6:.1f} MB, to {args.out_dir}")  # noqa: T201


if __name__ == "__main__":
    main()
