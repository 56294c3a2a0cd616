"""kg.money: Korean and English money amounts, and their exact offsets."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.money import find_money, parse_money
from kg.types import Money

POSITIVE = [
    # (expression, amount, currency, Money.text)
    ("383억원", 38_300_000_000, "KRW", "383억원"),
    ("1,000억원", 100_000_000_000, "KRW", "1,000억원"),
    ("1000억원", 100_000_000_000, "KRW", "1000억원"),
    ("110억원", 11_000_000_000, "KRW", "110억원"),
    ("700억 달러", 70_000_000_000, "USD", "700억 달러"),
    ("64억 달러", 6_400_000_000, "USD", "64억 달러"),
    ("1억 달러", 100_000_000, "USD", "1억 달러"),
    ("1조 2천억 원", 1_200_000_000_000, "KRW", "1조 2천억 원"),
    ("1조2000억원", 1_200_000_000_000, "KRW", "1조2000억원"),
    ("약 7조원대", 7_000_000_000_000, "KRW", "7조원"),
    ("12억3400만원", 1_234_000_000, "KRW", "12억3400만원"),
    ("2500억원", 250_000_000_000, "KRW", "2500억원"),
    ("1억6000만원", 160_000_000, "KRW", "1억6000만원"),
    ("1억 6000만원", 160_000_000, "KRW", "1억 6000만원"),
    ("5천만 원", 50_000_000, "KRW", "5천만 원"),
    ("3만 원", 30_000, "KRW", "3만 원"),
    ("100만 달러", 1_000_000, "USD", "100만 달러"),
    ("1.5억 달러", 150_000_000, "USD", "1.5억 달러"),
    ("$1.5 billion", 1_500_000_000, "USD", "$1.5 billion"),
    ("US$3 billion", 3_000_000_000, "USD", "US$3 billion"),
    ("USD 200 million", 200_000_000, "USD", "USD 200 million"),
    ("2.3 trillion won", 2_300_000_000_000, "KRW", "2.3 trillion won"),
    ("€50 million", 50_000_000, "EUR", "€50 million"),
    ("500만 유로", 5_000_000, "EUR", "500만 유로"),
    ("10억 엔", 1_000_000_000, "JPY", "10억 엔"),
    ("1000억달러", 100_000_000_000, "USD", "1000억달러"),
    ("10 billion dollars", 10_000_000_000, "USD", "10 billion dollars"),
    ("1,200원", 1_200, "KRW", "1,200원"),
    ("3천5백만원", 35_000_000, "KRW", "3천5백만원"),
    ("1원", 1, "KRW", "1원"),
    ("100만불", 1_000_000, "USD", "100만불"),
    ("5000억 원화", 500_000_000_000, "KRW", "5000억 원화"),
    ("20억 위안", 2_000_000_000, "CNY", "20억 위안"),
    ("3억 파운드", 300_000_000, "GBP", "3억 파운드"),
    ("£2bn", 2_000_000_000, "GBP", "£2bn"),
    ("$5m", 5_000_000, "USD", "$5m"),
    ("¥1,000", 1_000, "JPY", "¥1,000"),
    ("₩5,000", 5_000, "KRW", "₩5,000"),
    ("EUR 1.2 billion", 1_200_000_000, "EUR", "EUR 1.2 billion"),
    ("KRW 1.2 trillion", 1_200_000_000_000, "KRW", "KRW 1.2 trillion"),
    ("5 million pounds", 5_000_000, "GBP", "5 million pounds"),
    ("30 billion yen", 30_000_000_000, "JPY", "30 billion yen"),
    ("총 383억원 규모", 38_300_000_000, "KRW", "383억원"),
    ("  1조원  ", 1_000_000_000_000, "KRW", "1조원"),
]

NEGATIVE = [
    "45%",
    "1000여명",
    "25개 세션",
    "9곳",
    "424명",
    "63TB",
    "2025년",
    "2025년 3월 1일",
    "2025.03.01",
    "1억 명",
    "1000억",
    "12345",
    "3개 연구원",
    "1명 위원",
    "위원회 지원 회원 병원 원장",
    "1원칙",
    "3 원장",
    "사드 3불 정책",
    "2~3조원",
    "수천억원",
    "HK$5",
    "",
]


@pytest.mark.parametrize("text,amount,currency,written", POSITIVE)
def test_parse_money(text, amount, currency, written):
    assert parse_money(text) == Money(amount=amount, currency=currency, text=written)


@pytest.mark.parametrize("text,amount,currency,written", POSITIVE)
def test_find_money_in_a_sentence(text, amount, currency, written):
    sentence = f"회사는 {text} 투자를 발표했다."
    [(start, end, money)] = find_money(sentence)
    assert sentence[start:end] == money.text == written
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_money(text):
    assert parse_money(text) is None
    assert find_money(text) == []
    assert find_money(f"올해 {text}에 그쳤다.") == []


def test_amounts_are_exact_integers():
    assert parse_money("1.5억 달러").amount == 150_000_000
    assert parse_money("0.1조원").amount == 100_000_000_000
    assert parse_money("123456789012345678901234567890조원").amount == (
        123456789012345678901234567890 * 10**12)


def test_particles_and_hedges_stay_outside_the_text():
    for text in ("383억원을", "383억원이", "383억원의", "383억원씩", "383억원가량"):
        [(start, end, money)] = find_money(text)
        assert (start, end, money.text) == (0, 5, "383억원")
    assert find_money("100만 달러를")[0][2].text == "100만 달러"


def test_malformed_numerals_are_rejected():
    assert parse_money("1만2억원") is None       # units out of order
    assert parse_money("1억2억원") is None       # unit repeated
    assert parse_money("383억원 투입") is None   # more than one amount expression


def test_offsets_in_korean_sentence():
    text = "정부는 올해 5대 분야에 383억원을 투입해 초거대 AI 플래그십 사업을 추진한다."
    [(start, end, money)] = find_money(text)
    assert text[start:end] == "383억원" == money.text
    assert (start, end) == (text.index("383"), text.index("383") + 5)
    assert (money.amount, money.currency) == (38_300_000_000, "KRW")


def test_a_sum_without_won_counts_after_a_word_for_public_money():
    text = "부 출자금 450억을 바탕으로 지방 450억과 합쳐 900억을 모은다."
    found = find_money(text, bare_after=("출자금", "예산"))
    assert [(text[a:b], m.amount, m.currency) for a, b, m in found] == \
        [("450억", 45_000_000_000, "KRW")]
    assert find_money(text) == []
    assert find_money("보조출자금 450억을", bare_after=("출자금",)) == []  # (part of a word)


def test_no_money_in_counts_and_percentages():
    text = ("국내 조사 대상 기업의 45%가 AI를 도입했고, 25개 세션이 열린 행사에는 "
            "9곳의 기관과 1000여명이 참석했다. 3개 연구원과 1명 위원이 424명을 심사했다.")
    assert find_money(text) == []


def test_several_amounts_in_order():
    text = ("A사는 1조 2천억 원을, B사는 약 7조원대를 투자하고 미국 정부는 "
            "$1.5 billion(약 2조원)과 700억 달러를 배정했다.")
    found = find_money(text)
    assert [m.text for _, _, m in found] == ["1조 2천억 원", "7조원", "$1.5 billion", "2조원",
                                            "700억 달러"]
    assert [m.currency for _, _, m in found] == ["KRW", "KRW", "USD", "KRW", "USD"]
    for start, end, money in found:
        assert text[start:end] == money.text
    ends = [0] + [end for _, end, _ in found]
    starts = [start for start, _, _ in found] + [len(text)]
    assert all(e <= s for e, s in zip(ends, starts))


_MONEYISH = st.text(
    alphabet="0123456789,. ~%$€£¥₩조억만천백십원화달러불유로엔위안파운드약대을칙장명여개"
             "billonthusadmkwyeUSDKRW\n",
    max_size=60,
)


@given(st.one_of(st.text(max_size=200), _MONEYISH))
def test_find_money_spans_slice_back(text):
    found = find_money(text)
    previous_end = 0
    for start, end, money in found:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == money.text
        assert isinstance(money.amount, int) and money.amount >= 0
        assert parse_money(money.text) == money
        previous_end = end
