"""Money amounts written in Korean or English news text.

    383억원 -> Money(38300000000, "KRW", "383억원")
    1조 2천억 원, 12억3400만원, 3천5백만원, 700억 달러, 1.5억 달러
    $1.5 billion, USD 200 million, €50 million, 2.3 trillion won

An amount is a number followed by a currency word (원, 달러, won, USD, ...) or
preceded by a currency sign or code ($, €, USD, ...). Without a currency it is
not money: "1억 명", "45%", "2025년" and "63TB" never match.

`Money.text` is the amount exactly as written: number, units and currency,
nothing else. Hedges around it are not part of it: in "약 7조원대" the text is
"7조원". Amounts are whole units of the currency (won, dollars, ...); a
fraction left over ("$2.50") is rounded half up. Ranges ("2~3조원") are not
matched at all, because either end alone would be the wrong amount.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from types import MappingProxyType

from kg.types import Money

__all__ = ["find_money", "parse_money"]

# A numeral in digits: 1,000 or 1000 or 1.5 (commas only in groups of three).
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Korean numerals: 천/백/십 inside a group of four digits, 만/억/조 between
# groups, optionally one space between groups ("1조 2천억"), never inside one.
# The repeats are bounded (at most 3 of each kind of unit) so that a long run
# such as "1억 1억 1억 ..." costs linear, not quadratic, time.
_SMALL = rf"(?:(?:{_NUM})?[천백십]){{1,3}}(?:{_NUM})?|{_NUM}"
_KOREAN = rf"(?:{_SMALL})(?:[조억만](?:\s?(?:{_SMALL})[조억만]){{0,2}}(?:\s?(?:{_SMALL}))?)?"
# English scale words; the short forms only when attached ("$5m", "$1.5bn").
_ENGLISH = rf"{_NUM}(?:\s?(?i:thousand|million|billion|trillion)|(?i:bn|mn|tn|k|m|b))(?![A-Za-z])"
# Every amount starts with a digit, so "수천억원" (several hundred billion) is not
# read as "천억원".
_AMOUNT = rf"(?=\d)(?:{_ENGLISH}|{_KOREAN})"

_SUFFIX = (r"원화|원|달러화|달러|불|유로화|유로|엔화|엔|위안화|위안|파운드화|파운드"
           r"|(?i:won|dollars?|euros?|yen|yuan|renminbi|pounds?(?:\s+sterling)?)"
           r"|USD|KRW|EUR|JPY|CNY|RMB|GBP")
_PREFIX = r"US\$|\$|＄|€|£|¥|￥|₩|￦|(?:USD|KRW|EUR|JPY|CNY|RMB|GBP)(?![A-Za-z])"

# Hangul may follow the currency only when it starts a particle or a suffix
# (383억원을, 7조원대, 100만 달러를, 1억원씩, 500억원가량). This is what keeps
# "3원칙", "1 원장" and the like from being read as money.
_FOLLOW = "을를이가은는의에과와도만씩대까부으로어선정쯤인입임짜상보밖내안미초다꼴규"
_END = rf"(?=$|[^가-힣A-Za-z0-9]|[{_FOLLOW}])"

# Not glued to a number, a Latin word (HK$, A$) or a range ("2~3조원").
_MONEY = re.compile(
    rf"(?<![0-9A-Za-z.,~∼〜])"
    rf"(?:(?P<prefix>{_PREFIX})\s?(?P<pnum>{_AMOUNT})"
    rf"|(?P<snum>{_AMOUNT})\s?(?P<suffix>{_SUFFIX})){_END}"
)

_CURRENCY = MappingProxyType({
    "원": "KRW", "원화": "KRW", "won": "KRW", "krw": "KRW", "₩": "KRW", "￦": "KRW",
    "달러": "USD", "달러화": "USD", "불": "USD", "dollar": "USD", "dollars": "USD",
    "usd": "USD", "$": "USD", "＄": "USD", "us$": "USD",
    "유로": "EUR", "유로화": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR",
    "엔": "JPY", "엔화": "JPY", "yen": "JPY", "jpy": "JPY", "¥": "JPY", "￥": "JPY",
    "위안": "CNY", "위안화": "CNY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
    "rmb": "CNY",
    "파운드": "GBP", "파운드화": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
    "£": "GBP",
})

_UNITS = MappingProxyType({
    "십": 10, "백": 100, "천": 1000,
    "만": 10**4, "억": 10**8, "조": 10**12,
    "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
    "b": 10**9, "bn": 10**9, "billion": 10**9, "tn": 10**12, "trillion": 10**12,
})
_SMALL_UNITS = frozenset("십백천")
_TOKEN = re.compile(rf"{_NUM}|[십백천만억조]|(?i:thousand|million|billion|trillion|bn|mn|tn|k|m|b)")
_MAX_DIGITS = 40  # longer numerals are noise, and this bound keeps Decimal exact

# What parse_money tolerates around the amount ("약 7조원대", "총 383억원 규모").
_HEAD = re.compile(r"\s*(?:(?:약|총|대략|최대|최소|무려|about|around|approximately|"
                   r"nearly|over|some)\s*)?", re.IGNORECASE)
_TAIL = re.compile(r"(?:대|가량|정도|\s*규모|상당|안팎|내외|이상|이하|미만|초과|씩)?\s*")


def _value(number: str) -> Decimal | None:
    """Evaluate a numeral such as "1조 2천억", "3천5백만" or "1.5 billion".

    Returns None when units are out of order ("1만2억") or repeated, so that
    a malformed run of digits and units is not turned into a wrong amount.
    """
    if sum(c.isdigit() for c in number) > _MAX_DIGITS:
        return None
    total = group = Decimal(0)
    pending: Decimal | None = None        # digits not yet multiplied by a unit
    last_big = last_small = None          # units must strictly decrease
    with localcontext() as ctx:
        ctx.prec = 100                    # > _MAX_DIGITS + 12 + 4: every step exact
        for tok in _TOKEN.findall(number):
            unit = _UNITS.get(tok.lower())
            if unit is None:
                if pending is not None:
                    return None
                pending = Decimal(tok.replace(",", ""))
            elif tok in _SMALL_UNITS:
                if last_small is not None and unit >= last_small:
                    return None
                group += (1 if pending is None else pending) * unit
                last_small, pending = unit, None
            else:
                if (last_big is not None and unit >= last_big) or (
                        pending is None and last_small is None):
                    return None
                total += (group + (pending or 0)) * unit
                group, pending, last_small, last_big = Decimal(0), None, None, unit
        return total + group + (pending or 0)


def _money(m: re.Match[str]) -> Money | None:
    """The Money for one match of _MONEY, or None if its numeral is malformed."""
    number = m.group("pnum") or m.group("snum")
    sign = m.group("prefix") or m.group("suffix")
    # 불 is also "not" (사드 "3불"); accept it only after 만/억/조: 100만불, 1억불.
    if sign == "불" and number[-1] not in "만억조":
        return None
    value = _value(number)
    if value is None:
        return None
    currency = _CURRENCY[re.sub(r"\s+sterling$", "", sign.strip().lower())]
    amount = int(value.to_integral_value(rounding=ROUND_HALF_UP))
    return Money(amount=amount, currency=currency, text=m.group(0))


_BARE = re.compile(rf"(?<![0-9A-Za-z.,~∼〜])(?=\d)(?:{_KOREAN})(?<=[조억])")


def find_money(text: str, bare_before: Iterable[str] = (), bare_after: Iterable[str] = ()
               ) -> list[tuple[int, int, Money]]:
    """Every money amount in `text`, in order, as (start, end, Money).

    `text[start:end] == money.text`; the spans do not overlap. An amount in 억 or 조
    written without 원, as headlines do ("300억 투입"), counts as won when one of the
    words `bare_before` follows it, or one of `bare_after` comes right before it
    (출자금 450억을).
    """
    found = []
    for m in _MONEY.finditer(text):
        money = _money(m)
        if money is not None:
            found.append((m.start(), m.end(), money))
    followed = _followed_by(frozenset(bare_before))
    preceded = _preceded_by(frozenset(bare_after))
    if followed is not None or preceded is not None:
        for m in _BARE.finditer(text):
            value = _value(m.group(0))
            if value is None or any(a < m.end() and m.start() < b for a, b, _ in found):
                continue
            if not (followed is not None and followed.match(text[m.end():]) or
                    preceded is not None and preceded.search(text, 0, m.start())):
                continue
            amount = int(value.to_integral_value(rounding=ROUND_HALF_UP))
            found.append((m.start(), m.end(), Money(amount, "KRW", m.group(0))))
        found.sort(key=lambda f: f[0])
    return found


def _alternation(words: frozenset[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # (longest first)


@functools.lru_cache(maxsize=64)  # (the same words for every sentence)
def _followed_by(words: frozenset[str]) -> re.Pattern[str] | None:
    """What follows an amount written without 원 that is money (find_money)."""
    return re.compile(rf"\s?(?:규모의?\s?)?(?:{_alternation(words)})") if words else None


@functools.lru_cache(maxsize=64)
def _preceded_by(words: frozenset[str]) -> re.Pattern[str] | None:
    """What comes right before an amount written without 원 that is money (find_money)."""
    return re.compile(rf"(?<![가-힣])(?:{_alternation(words)})\s?$") if words else None


def parse_money(text: str) -> Money | None:
    """Parse a string that is one amount, e.g. "383억원", "$1.5 billion".

    Surrounding whitespace and a hedge such as "약 ... 대" or "총 ... 규모" are
    allowed; they are left out of `Money.text`. Anything else gives None.
    """
    found = find_money(text)
    if len(found) != 1:
        return None
    start, end, money = found[0]
    if _HEAD.fullmatch(text[:start]) and _TAIL.fullmatch(text[end:]):
        return money
    return None
