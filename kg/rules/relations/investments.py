"""invests (the subject before the sum, else the actor) and fundsTarget (what the sum
is for: 383억원을 투입해 X를; X에 383억원을; 1억 달러 규모의 X)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import ACCORDING, Context, Slot, State
from kg.lexicon import Lexicon
from kg.rules import Found, relation_rule
from kg.rules.entities.government import NATIONAL_GOVERNMENT
from kg.rules.entities.items import PAIR, PAIR_LINE

_TARGETS = ("Program", "Initiative", "Organization", "Place")
_ITEM_LINE = re.compile(r"\s*(\d{1,2}[).]|\(\d{1,2}\))\s")


EXAMPLES = [
    # (a fixed sum each to those selected, named in another sentence: each of them)
    ("과기정통부는 ‘AI 안심 돌봄’ 과제로 ‘남해 AI·해양 융합 컨소시엄’과 ‘서해 AI 데이터 컨소시엄’ 등 "
     "2곳을 선정했다. 과기정통부는 선정된 두 컨소시엄에 해마다 20억 원씩 지원한다.",
     {("과학기술정보통신부", "invests", "20억 원"), ("20억 원", "fundsTarget", "남해 AI·해양 융합 컨소시엄"),
      ("20억 원", "fundsTarget", "서해 AI 데이터 컨소시엄")}),
    # (… and with none selected yet, the fund it is for)
    ("산업은행은 ‘AI 혁신펀드’ 운용사를 뽑는다. 산업은행은 선정된 운용사들에 각각 300억원씩 출자한다.",
     {("한국산업은행", "invests", "300억원"), ("300억원", "fundsTarget", "AI 혁신펀드"),
      ("한국산업은행", "operates", "AI 혁신펀드")}),
    # (the terms of a public body's investment deal, in the sentence after it: not its money)
    ("청주시는 누리그리드와 데이터센터 투자협약을 맺었다. 협약에 따르면 오창 산업단지에 사업비 3000억 원을 "
     "투자해 데이터센터를 짓는다.", {("3000억 원", "fundsTarget", "오창")}),
    # (a total shared out, then each line's share: the body's parts)
    ("행정안전부는 선정된 3개 군에 국비 12억 원을 나눠 지원한다. 군별 국비는 양평군 5억 원, "
     "가평군 4억 원, 연천군 3억 원이다.",
     {("행정안전부", "invests", "12억 원"), ("행정안전부", "invests", "5억 원"),
      ("행정안전부", "invests", "4억 원"), ("행정안전부", "invests", "3억 원"),
      ("5억 원", "fundsTarget", "양평군"), ("4억 원", "fundsTarget", "가평군"),
      ("3억 원", "fundsTarget", "연천군")}),
    # (정부출연금 with the ministry the sentence's subject: the ministry's)
    ("과기정통부는 ‘AI 안전 검증’ 과제에 정부출연금 40억 원을 지원한다.",
     {("과학기술정보통신부", "invests", "40억 원"), ("40억 원", "fundsTarget", "AI 안전 검증"),
      ("과학기술정보통신부", "operates", "AI 안전 검증")}),
    # (the body carried over receives what it is given: N원을 지원받았다)
    ("보담AI는 상담 AI를 만든다. 창업 이듬해 ‘AI 스케일업 R&D’ 과제에 선정돼 3년간 15억원을 지원받았다.",
     {("15억원", "fundsTarget", "보담AI")}),
    ("솔트룩스는 새 모델을 만든다. 지난해에는 연구개발비 20억 원을 지원받았다.",
     {("20억 원", "fundsTarget", "솔트룩스")}),
    # (the source named after the sum: N원을 도비로 충당, N원은 전액 시비로)
    ("강원도는 ‘AI 산림 감시’ 사업(30억원)을 추진한다. 도는 이 가운데 12억원을 도비로 충당한다.",
     {("강원특별자치도", "invests", "30억원"), ("30억원", "fundsTarget", "AI 산림 감시"),
      ("강원특별자치도", "operates", "AI 산림 감시"), ("강원특별자치도", "invests", "12억원")}),
    ("청주시는 ‘AI 민원 챗봇’을 열었다. 사업비 5억 원은 전액 시비로 마련했다.",
     {("청주시", "invests", "5억 원")}),
    # (the budget as the subject: the article's one programme, named sentences before)
    ("대구 수성구는 '수성 AI 안전도시 구축사업' 사업자로 가람정보 컨소시엄을 선정했다. 컨소시엄은 "
     "가람정보가 주관한다. 컨소시엄이 구축하는 '수성아이'는 통합관제 플랫폼이다. 구축이 끝나면 "
     "수성아이는 구청이 운영한다. 총사업비 96억원은 국비 50억원과 구비 46억원으로 마련됐다.",
     {("수성구", "operates", "수성 AI 안전도시 구축사업"), ("96억원", "fundsTarget", "수성 AI 안전도시 구축사업"),
      ("50억원", "fundsTarget", "수성 AI 안전도시 구축사업"), ("46억원", "fundsTarget", "수성 AI 안전도시 구축사업"),
      ("대한민국 정부", "invests", "96억원"), ("대한민국 정부", "invests", "50억원"),
      ("수성구", "invests", "96억원"), ("수성구", "invests", "46억원")}),
    # (국비는 X 공모에 선정돼 확보했다: the body whose call was won pays; not its winner, and
    # not a word of a programme's name: 지원사업 is no 지원)
    ("청주시는 'AI 돌봄 실증' 사업에 국비 20억원과 시비 10억원을 투입한다. 국비는 시가 보건복지부 "
     "공모에 선정돼 확보했다.",
     {("10억원", "fundsTarget", "AI 돌봄 실증 사업"), ("20억원", "fundsTarget", "AI 돌봄 실증 사업"),
      ("대한민국 정부", "invests", "20억원"), ("보건복지부", "invests", "20억원"),
      ("청주시", "invests", "10억원"), ("청주시", "operates", "AI 돌봄 실증 사업")}),
    ("청주시는 'AI 돌봄 실증' 사업에 국비 20억원과 시비 10억원을 투입한다. 국비는 시가 '스마트 "
     "복지 지원사업' 공모에 선정돼 확보했다.",
     {("10억원", "fundsTarget", "AI 돌봄 실증 사업"), ("20억원", "fundsTarget", "AI 돌봄 실증 사업"),
      ("대한민국 정부", "invests", "20억원"), ("청주시", "invests", "10억원"),
      ("청주시", "operates", "AI 돌봄 실증 사업")}),
    ("경기도는 'AI 안전 실증' 사업에 국비 30억원을 투입한다. 국비는 과학기술정보통신부와 "
     "행정안전부 공모를 통해 확보했다.",
     {("30억원", "fundsTarget", "AI 안전 실증 사업"), ("대한민국 정부", "invests", "30억원")}),
    # (two programmes: which one the budget is of is not said)
    ("시는 'AI 돌봄 로봇' 사업과 'AI 야간 순찰' 사업을 함께 추진한다. 두 사업 모두 내년 상반기에 "
     "시작된다. 로봇은 노인 가구 200곳에 보급된다. 총사업비 30억원은 국비 15억원과 시비 15억원으로 "
     "마련됐다.",
     {("대한민국 정부", "invests", "15억원"), ("대한민국 정부", "invests", "30억원")}),
    # (a sum named by its source, whose payers the next sentence names)
    ("‘AI 돌봄 실증’에는 국비 40억 원에 민간부담금 20억 원이 더해진다. 민간부담금은 LG AI연구원과 "
     "네이버클라우드가 나눠 낸다.", {("대한민국 정부", "invests", "40억 원"),
                            ("40억 원", "fundsTarget", "AI 돌봄 실증"),
                            ("20억 원", "fundsTarget", "AI 돌봄 실증"),
                            ("LG AI연구원", "invests", "20억 원"),
                            ("네이버클라우드", "invests", "20억 원")}),
    ("시는 ‘AI 행정 실증’을 추진한다. 사업비는 국비 30억원과 시비 20억원으로 마련됐다. 시비는 수원시와 "
     "용인시가 나눠 부담한다.", {("대한민국 정부", "invests", "30억원"),
                          ("30억원", "fundsTarget", "AI 행정 실증"),
                          ("20억원", "fundsTarget", "AI 행정 실증"),
                          ("수원특례시", "invests", "20억원"), ("용인특례시", "invests", "20억원")}),
    ("광주시는 ‘AI 빛고을 펀드’를 만든다. 펀드는 200억 원 규모로, 시가 60억 원을 출자한다.",
     {("광주광역시", "invests", "60억 원"), ("60억 원", "fundsTarget", "AI 빛고을 펀드"),
      ("200억 원", "fundsTarget", "AI 빛고을 펀드"), ("광주광역시", "operates", "AI 빛고을 펀드")}),
    # a round's backers with their shares: each invests the round, each share goes to the
    # company that raised it
    ("누리랩스가 300억 원 규모의 시리즈B 투자를 유치했다. 기업가치는 2000억 원으로 평가됐다. 이번 라운드에서는 "
     "KT와 한국산업은행이 각각 100억 원씩 투자했다.",
     {("300억 원", "fundsTarget", "누리랩스"), ("KT", "invests", "300억 원"),
      ("한국산업은행", "invests", "300억 원"), ("KT", "invests", "100억 원"),
      ("한국산업은행", "invests", "100억 원"), ("100억 원", "fundsTarget", "누리랩스")}),
    ("누리랩스가 120억 원 규모의 시리즈A 투자를 유치했다. 이번 라운드는 한빛벤처스가 50억 원을 넣으며 주도했다. "
     "새솔인베스트먼트도 30억 원을 투자했다.",
     {("120억 원", "fundsTarget", "누리랩스"), ("한빛벤처스", "invests", "120억 원"),
      ("한빛벤처스", "invests", "50억 원"), ("50억 원", "fundsTarget", "누리랩스"),
      ("새솔인베스트먼트", "invests", "120억 원"), ("새솔인베스트먼트", "invests", "30억 원"),
      ("30억 원", "fundsTarget", "누리랩스")}),
    ("누리랩스가 120억 원 규모의 시리즈A 투자를 유치했다. 회사는 연구 인력을 늘린다. 새솔인베스트먼트는 올해 "
     "30억 원을 ‘AI 도약 펀드’에 투자했다.",
     {("120억 원", "fundsTarget", "누리랩스"), ("새솔인베스트먼트", "invests", "30억 원"),
      ("30억 원", "fundsTarget", "AI 도약 펀드")}),
    # parallel clauses: each sum is paid by the subject of its own clause
    ("경기도는 이를 위해 34억원 예산을 편성했고, 광주시는 200억원을 투입한다.",
     {("경기도", "invests", "34억원"), ("광주광역시", "invests", "200억원")}),
    ("부산시는 12억원을 들여 챗봇을 만들고, 울산시는 8억원을 들여 드론을 띄운다.",
     {("부산광역시", "invests", "12억원"), ("울산광역시", "invests", "8억원")}),
    # (N원 규모의 X: X right after it; words that name nothing of ours, then a body, give none)
    ("1770억원 규모의 대구 전산센터 클라우드 사업에 SK주식회사가 참여했다.",
     {("1770억원", "fundsTarget", "대구")}),
    ("84억원 규모 정부통합전산센터 클라우드 설계 사업자로 SK주식회사가 선정됐다.", set()),
    # a sum put into a fund: the fund named in the relative clause, else the fund at hand
    ("산업은행이 1500억원을 출자하는 ‘AI 도약 펀드’에 운용사 12곳이 몰렸다.",
     {("한국산업은행", "invests", "1500억원"), ("1500억원", "fundsTarget", "AI 도약 펀드"),
      ("한국산업은행", "operates", "AI 도약 펀드")}),
    ("세종시는 ‘세종 AI 펀드’를 만든다. 세종시와 KDB산업은행이 각각 50억 원을 출자한다.",
     {("세종특별자치시", "invests", "50억 원"), ("한국산업은행", "invests", "50억 원"),
      ("50억 원", "fundsTarget", "세종 AI 펀드"), ("세종특별자치시", "operates", "세종 AI 펀드")}),
    ("‘AI 빛고을 펀드’ 운용사로 두 곳이 뽑혔다. 운용사는 60억 원을 출자 받아 200억 원 규모의 자펀드를 "
     "결성한다.", {("60억 원", "fundsTarget", "AI 빛고을 펀드"),
                  ("200억 원", "fundsTarget", "AI 빛고을 펀드")}),
    # a public body's budget named as its own (부의 올해 예산은 N원): the lines after it are its
    ("국토교통부의 올해 스마트도시 관련 예산은 1,200억 원이다. 대표 사업으로는 ‘AI 교통신호 고도화’"
     "('26년 90억 원)가 꼽힌다.", {("국토교통부", "invests", "1,200억 원"),
                               ("국토교통부", "invests", "90억 원"),
                               ("90억 원", "fundsTarget", "AI 교통신호 고도화"),
                               ("국토교통부", "operates", "AI 교통신호 고도화")}),
    ("기사에 따르면 교육부의 내년 디지털 교육 예산은 2,100억 원으로 줄었다. 특히 ‘AI 튜터 실증’(45억 원) "
     "사업이 폐지됐다.", {("교육부", "invests", "2,100억 원"), ("교육부", "invests", "45억 원"),
                      ("45억 원", "fundsTarget", "AI 튜터 실증"), ("교육부", "operates", "AI 튜터 실증")}),
    # each body's share in parentheses after it, in a sentence of money given by them
    ("라온에이아이는 ▲한빛벤처스(40억원) ▲누리캐피탈(20억원) 등으로부터 60억원의 투자를 유치했다.",
     {("한빛벤처스", "invests", "40억원"), ("40억원", "fundsTarget", "라온에이아이"),
      ("누리캐피탈", "invests", "20억원"), ("20억원", "fundsTarget", "라온에이아이"),
      ("한빛벤처스", "invests", "60억원"), ("누리캐피탈", "invests", "60억원"),
      ("60억원", "fundsTarget", "라온에이아이")}),
    ("총사업비는 48억 원이다. 경상남도(32억 원)와 창원시(16억 원)가 나눠 부담한다.",
     {("경상남도", "invests", "32억 원"), ("창원특례시", "invests", "16억 원")}),
    ("새 펀드는 ▲가온소프트(10억원) ▲다솔소프트(5억원)에 투자했다.", set()),
    # a fund's size, made of a share contributed before it: the share is the body's
    ("한빛인베스트먼트는 올해 운용사 8곳에 1200억원을 내려 2400억원 규모의 자펀드를 조성한다.",
     {("한빛인베스트먼트", "invests", "1200억원")}),
    ("세종시는 시비 80억 원을 출자해 총 300억원 규모의 ‘세종 AI 펀드’를 결성한다.",
     {("세종특별자치시", "invests", "80억 원"), ("80억 원", "fundsTarget", "세종 AI 펀드"),
      ("세종특별자치시", "operates", "세종 AI 펀드"), ("300억원", "fundsTarget", "세종 AI 펀드")}),
    ("중기부는 올해 1,500억 원 규모의 ‘AI 스케일업 펀드’를 조성했다.",
     {("중소벤처기업부", "invests", "1,500억 원"), ("1,500억 원", "fundsTarget", "AI 스케일업 펀드"),
      ("중소벤처기업부", "operates", "AI 스케일업 펀드")}),
    ("대신정보통신이 ‘AI 민원 플랫폼 구축 사업’을 수주했다. 총사업비는 243억 원이다.",
     {("243억 원", "fundsTarget", "AI 민원 플랫폼 구축 사업")}),
    ("부산시는 ‘부산형 AI 행정’을 시작한다. 시는 데이터를 연다. 대학은 인재를 키운다. 이를 위해 시는 "
     "추경에 12억원을 편성했다.", {("부산광역시", "invests", "12억원"),
                                 ("12억원", "fundsTarget", "부산형 AI 행정"),
                                 ("부산광역시", "operates", "부산형 AI 행정")}),
    ("강원도는 데이터센터 기업들과 협약을 맺었다. 2029년까지 부지에 총 8조 원이 투입된다.", set()),
    ("행안부는 ‘AI 행정 실증’을 추진한다. 이는 올해 본예산(4,580억 원)보다 28% 늘어난 규모다.",
     {("행정안전부", "invests", "4,580억 원")}),
    ("조달청 나라장터에 따르면 근로복지공단은 전날 한 컨소시엄과 58억 원 규모의 계약을 체결했다.",
     {("근로복지공단", "invests", "58억 원")}),
    ("경상북도는 과학기술정보통신부의 ‘지역 AI 확산’ 공모에 선정됐다. 사업비는 국비 48억원과 도비 "
     "28억원이다.", {("과학기술정보통신부", "invests", "48억원"), ("경상북도", "invests", "28억원"),
                   ("48억원", "fundsTarget", "지역 AI 확산"), ("28억원", "fundsTarget", "지역 AI 확산"),
                   ("과학기술정보통신부", "operates", "지역 AI 확산"),
                   ("경상북도", "operates", "지역 AI 확산")}),
    ("진흥원은 올해 누리웍스, 다온랩스 등 12개 기업을 뽑아 기업당 2억 원씩 실증비를 댄다.",
     {("2억 원", "fundsTarget", "누리웍스"), ("2억 원", "fundsTarget", "다온랩스")}),
    ("올해 한국지능정보사회진흥원이 집행하는 예산은 900억 원이다. 이 가운데 ‘AI 바우처’에 40억 원이 "
     "배정됐다.", {("한국지능정보사회진흥원", "invests", "900억 원"),
                 ("한국지능정보사회진흥원", "invests", "40억 원"), ("40억 원", "fundsTarget", "AI 바우처"),
                 ("한국지능정보사회진흥원", "operates", "AI 바우처")}),
    ("마이크로소프트, 韓 AI 인프라에 4조원 투자…데이터센터 2곳 신설",
     {("마이크로소프트", "invests", "4조원"), ("4조원", "fundsTarget", "한국")}),
    ("정부와 경기도는 각각 50억원씩 총 100억원을 ‘AI 행정 사업’에 투입한다.",
     {("대한민국 정부", "invests", "50억원"), ("경기도", "invests", "50억원"),
      ("대한민국 정부", "invests", "100억원"), ("경기도", "invests", "100억원"),
      ("100억원", "fundsTarget", "AI 행정 사업"), ("대한민국 정부", "operates", "AI 행정 사업")}),
    ("‘AI 혁신펀드’는 한국벤처투자가 운용을 맡아 총 2500억원 규모로 조성된다.",
     {("2500억원", "fundsTarget", "AI 혁신펀드")}),
    ("‘AI 신호 사업’은 국토부의 ‘ITS 지원사업’ 공모에 선정돼 추진되며 총 90억 원이 투입된다.",
     {("90억 원", "fundsTarget", "AI 신호 사업")}),
    ("과학기술정보통신부는 올해 AI 바우처 사업에 450억원을 투입한다.",
     {("과학기술정보통신부", "invests", "450억원"), ("450억원", "fundsTarget", "AI 바우처 사업"),
      ("과학기술정보통신부", "operates", "AI 바우처 사업")}),
    ("시는 스마트 돌봄 확산 사업에 12억원을 배정했다.",
     {("12억원", "fundsTarget", "스마트 돌봄 확산 사업")}),
    ("시는 ‘스마트 돌봄 플러스’(12억원)와 ‘AI 민원 비서’(8억원)를 새로 편성했다.",
     {("12억원", "fundsTarget", "스마트 돌봄 플러스"), ("8억원", "fundsTarget", "AI 민원 비서")}),
    ("국비 배정액은 ▲안산시 4억 2천만 원 ▲영도구 3억 5천만 원이다.",
     {("4억 2천만 원", "fundsTarget", "안산시"), ("3억 5천만 원", "fundsTarget", "영도구")}),
    ("행정안전부의 올해 AI 관련 예산은 412억 원이다.", {("행정안전부", "invests", "412억 원")}),
    ("대전시는 과기정통부 국비 40억 원에 시비 12억 원을 보태 센터를 짓는다.",
     {("과학기술정보통신부", "invests", "40억 원"), ("대전광역시", "invests", "12억 원")}),
    ("한국농어촌공사는 한국전력거래소와 업무협약을 맺었다. 두 기관은 총 18억 원을 공동 출연한다.",
     {("한국농어촌공사", "invests", "18억 원"), ("한국전력거래소", "invests", "18억 원")}),
    ("한국농어촌공사는 한국전력거래소와 업무협약을 맺었다. 두 기관은 데이터 공유에 협력한다. "
     "특히 총 18억 원을 공동 출연한다.",
     {("한국농어촌공사", "invests", "18억 원"), ("한국전력거래소", "invests", "18억 원")}),
    ("LG유플러스와 Lumenfield가 각각 5,000만 달러씩 출자한다.",
     {("LG유플러스", "invests", "5,000만 달러"), ("Lumenfield", "invests", "5,000만 달러")}),
    ("펀드의 첫 투자처로는 다음 두 곳이 선정됐다.\n1) 행정 AI 기업 ‘다올랩스’\n"
     "2) 보안 기업 ‘세이프큐브’\n두 곳에는 각 15억 원씩 투입된다.",
     {("15억 원", "fundsTarget", "다올랩스"), ("15억 원", "fundsTarget", "세이프큐브")}),
    ("세 기관은 기관별 6억 원씩 총 18억 원을 공동 출연해 ‘빛가람 AI 학습센터’를 구축한다.",
     {("6억 원", "fundsTarget", "빛가람 AI 학습센터"), ("18억 원", "fundsTarget", "빛가람 AI 학습센터")}),
    ("공단은 40억원을 들여 ‘데이터 안심 구역’을 구축한다.",
     {("40억원", "fundsTarget", "데이터 안심 구역")}),
    ("주요 과제(기관 – 기업: 내용, 지원액)는 다음과 같다.\n1) 부산항만공사 – 오션메트릭스: 물류 예측, "
     "280백만 원", {("280백만 원", "fundsTarget", "부산항만공사")}),
    ("이 회사의 매출은 300억원을 기록했다.", set()),
    ("가온정보는 ‘AI 민원 상담 시스템 구축’(87억 원) 사업을 수주했다.",
     {("87억 원", "fundsTarget", "AI 민원 상담 시스템 구축")}),
    ("대전시가 정부예산으로 1,024억 원을 확보했다. 신규 사업으로는 △AI 반도체 테스트베드 구축(95억 원)이 "
     "이름을 올렸다.",
     {("대한민국 정부", "invests", "1,024억 원"), ("1,024억 원", "fundsTarget", "대전광역시"),
      ("대한민국 정부", "invests", "95억 원"), ("95억 원", "fundsTarget", "AI 반도체 테스트베드 구축"),
      ("대전광역시", "operates", "AI 반도체 테스트베드 구축")}),
    ("대전시는 국비 488억 원에 시비 212억 원을 보탠다.",
     {("대한민국 정부", "invests", "488억 원"), ("대전광역시", "invests", "212억 원")}),
    ("리브랩스가 KDB산업은행과 카카오벤처스로부터 350억원 규모의 투자를 유치했다.",
     {("한국산업은행", "invests", "350억원"), ("카카오벤처스", "invests", "350억원"),
      ("350억원", "fundsTarget", "리브랩스")}),
    ("‘AI 바우처 사업’의 올해 예산은 450억 원으로 전년보다 늘었다.",
     {("450억 원", "fundsTarget", "AI 바우처 사업")}),
    ("삼성SDS는 행안부의 ‘AI 민원 플랫폼’ 사업을 180억 원에 수주했다.",
     {("180억 원", "fundsTarget", "AI 민원 플랫폼 사업")}),
    ("▶박세준 정책관=과기정통부는 올해 ‘AI 자율제조 실증사업’에 1,200억 원을 편성했습니다.",
     {("과학기술정보통신부", "invests", "1,200억 원"), ("1,200억 원", "fundsTarget", "AI 자율제조 실증사업"),
      ("과학기술정보통신부", "operates", "AI 자율제조 실증사업")}),
    ("네이버클라우드는 ‘퍼블릭 AI 팜’을 구축하는 데 2027년까지 2,000억 원을 투자한다.",
     {("네이버클라우드", "invests", "2,000억 원"), ("2,000억 원", "fundsTarget", "퍼블릭 AI 팜")}),
    ("구글 클라우드가 3,000만 달러(약 420억 원)를 들여 ‘퍼블릭 AI 아카데미’를 운영한다.",
     {("구글 클라우드", "invests", "3,000만 달러"), ("3,000만 달러", "fundsTarget", "퍼블릭 AI 아카데미")}),
    ("사업비는 총 120억원이며, 이 가운데 2026년 예산 38억원은 행정안전부가 전액 부담한다.",
     {("행정안전부", "invests", "38억원")}),
    ("보담AI는 120억 원 규모의 시리즈B 투자를 유치했다. 이번 투자에는 KB인베스트먼트와 카카오벤처스가 참여했다.",
     {("120억 원", "fundsTarget", "보담AI"), ("KB인베스트먼트", "invests", "120억 원"),
      ("카카오벤처스", "invests", "120억 원")}),
    ("본원에서 만난 김민수 한국지역정보개발원 원장은 말했다.\n―올해 가장 큰 사업은.\n"
     "지자체 AI 비서 사업입니다. 올해 120억 원을 투입합니다.",
     {("한국지역정보개발원", "invests", "120억 원")}),
    ("정부는 민간 투자 유치를 위해 1조 원을 투입한다.", {("대한민국 정부", "invests", "1조 원")}),
    # (a public body's investment deal: the company it signs with pays, the body does not)
    ("춘천시는 네이버와 2,000억 원 규모의 AI 데이터센터 투자협약을 체결했다.",
     {("네이버", "invests", "2,000억 원")}),
    ("수원시는 이번 협약으로 누적 투자유치 2조 원을 달성했다.", set()),
    ("이번 사업에는 국비 40억 원과 시비 20억 원 등 총 60억 원이 투입된다.",
     {("대한민국 정부", "invests", "40억 원"), ("대한민국 정부", "invests", "60억 원")}),
    ("대전시가 정부예산으로 1,024억 원을 확보했다.",
     {("대한민국 정부", "invests", "1,024억 원"), ("1,024억 원", "fundsTarget", "대전광역시")}),
    ("‘GPU 임대 사업’과 ‘AI 컴퓨팅센터 구축 사업’에 모두 1조 원이 배정됐다.",
     {("1조 원", "fundsTarget", "GPU 임대 사업"), ("1조 원", "fundsTarget", "AI 컴퓨팅센터 구축 사업")}),
    ("누리랩, 다온소프트 등 2개 기업이 선정돼 총 4억 원을 지원받는다. 한빛시스템이 과제로 채택돼 "
     "3억 원을 지원 받는다.",
     {("4억 원", "fundsTarget", "누리랩"), ("4억 원", "fundsTarget", "다온소프트"),
      ("3억 원", "fundsTarget", "한빛시스템")}),
    ("충청남도는 도비를 ▲보령시 6억 원 ▲당진시 5억 원 ▲홍성군 4억 원으로 나눠 지원한다.",
     {("충청남도", "invests", "6억 원"), ("6억 원", "fundsTarget", "보령시"),
      ("충청남도", "invests", "5억 원"), ("5억 원", "fundsTarget", "당진시"),
      ("충청남도", "invests", "4억 원"), ("4억 원", "fundsTarget", "홍성군")}),
    ("중기부가 추경으로 1조 원을 확보했다. 창업진흥원이 운영하는 ‘AI 초격차 창업 패키지’에는 올해 310억 원이 배정됐다.",
     {("중소벤처기업부", "invests", "1조 원"), ("중소벤처기업부", "invests", "310억 원"),
      ("310억 원", "fundsTarget", "AI 초격차 창업 패키지"),
      ("중소벤처기업부", "operates", "AI 초격차 창업 패키지")}),
    ("대전시는 총사업비 48억원이 들어가는 ‘AI 돌봄 플랫폼’을 구축한다.",
     {("48억원", "fundsTarget", "AI 돌봄 플랫폼")}),
    ("‘경남 AI 행정비서 구축사업’의 총사업비는 64억원이다. 이 가운데 국비 32억원은 과기정통부가 "
     "지원하고, 나머지는 도비 19억원으로 채운다.",
     {("64억원", "fundsTarget", "경남 AI 행정비서 구축사업"), ("과학기술정보통신부", "invests", "32억원"),
      ("32억원", "fundsTarget", "경남 AI 행정비서 구축사업"),
      ("19억원", "fundsTarget", "경남 AI 행정비서 구축사업"),
      ("과학기술정보통신부", "operates", "경남 AI 행정비서 구축사업")}),
    ("전라남도는 AI 예산 1,126억 원을 담은 예산안을 제출했다고 밝혔다. 주요 사업은 △‘전남 AI 컴퓨팅 허브’ "
     "조성 480억 원(국비 300억 원 포함) △‘AI 농업 실증단지’ 운영 126억 원 등이다.",
     {("전라남도", "invests", "1,126억 원"),
      ("전라남도", "invests", "480억 원"), ("480억 원", "fundsTarget", "전남 AI 컴퓨팅 허브"),
      ("전라남도", "operates", "전남 AI 컴퓨팅 허브"), ("대한민국 정부", "invests", "300억 원"),
      ("300억 원", "fundsTarget", "전남 AI 컴퓨팅 허브"), ("전라남도", "invests", "126억 원"),
      ("126억 원", "fundsTarget", "AI 농업 실증단지"), ("전라남도", "operates", "AI 농업 실증단지")}),
    ("군은 행정안전부의 ‘지역 디지털 포용 공모사업’에 뽑혀 국비를 확보했다. 이번 사업비 4억 원은 "
     "국비 2억 원에 군비 2억 원을 더해 마련했다.",
     {("행정안전부", "invests", "2억 원"), ("2억 원", "fundsTarget", "지역 디지털 포용 공모사업"),
      ("행정안전부", "invests", "4억 원"),
      ("4억 원", "fundsTarget", "지역 디지털 포용 공모사업"),
      ("행정안전부", "operates", "지역 디지털 포용 공모사업")}),
    ("브릭스비전과 아이언로직은 구미의 스타트업이다. 이들 기업은 ‘AI 스타트업 바우처’에 선정돼 기업당 "
     "1억 원씩을 지원받았다.",
     {("1억 원", "fundsTarget", "브릭스비전"), ("1억 원", "fundsTarget", "아이언로직")}),
    ("시는 ‘AI 판독 실증사업’을 한다. 이번 실증사업에는 총 24억 원이 투입되며, 과학기술정보통신부가 "
     "16억 원, 광주시가 8억 원을 나눠 부담한다.",
     {("24억 원", "fundsTarget", "AI 판독 실증사업"), ("과학기술정보통신부", "invests", "16억 원"),
      ("16억 원", "fundsTarget", "AI 판독 실증사업"), ("광주광역시", "invests", "8억 원"),
      ("8억 원", "fundsTarget", "AI 판독 실증사업"), ("과학기술정보통신부", "invests", "24억 원"),
      ("광주광역시", "invests", "24억 원"), ("과학기술정보통신부", "operates", "AI 판독 실증사업"),
      ("광주광역시", "operates", "AI 판독 실증사업")}),
    ("총 30억 원 가운데 국비 10억 원이 투입된다.", {("대한민국 정부", "invests", "10억 원")}),
    ("국회는 내년 예산 4,600억 원을 의결했다.", set()),
    ("노바랩은 한국투자파트너스 등으로부터 85억 원 규모의 시리즈A 투자를 유치했다.",
     {("한국투자파트너스", "invests", "85억 원"), ("85억 원", "fundsTarget", "노바랩")}),
    ("누리소프트는 이번 사업으로 12억원을 지원받는다.", {("12억원", "fundsTarget", "누리소프트")}),
    ("중기부가 AI 예산을 확정했다. 국회는 전날 예산안을 의결했다. "
     "주요 사업별로는 △AI 창업 패키지 구축 310억 원 등이 반영됐다.",
     {("중소벤처기업부", "invests", "310억 원"), ("310억 원", "fundsTarget", "AI 창업 패키지 구축"),
      ("중소벤처기업부", "operates", "AI 창업 패키지 구축")}),
    ("김민수 한국지역정보개발원장을 만났다.\n―가장 큰 사업은.\n"
     "“저희는 올해 AI 비서에 120억 원을 투입합니다.”",
     {("한국지역정보개발원", "invests", "120억 원")}),
    ("스타트업 셀리아랩스는 최근 160억 원 규모의 시리즈B 투자를 유치했다. 이번 라운드는 그레이트리파트너스가 70억 "
     "원을 넣으며 주도했고, 한국산업은행과 KDB인베스트먼트가 나머지를 채웠다.",
     {("160억 원", "fundsTarget", "셀리아랩스"), ("그레이트리파트너스", "invests", "160억 원"),
      ("한국산업은행", "invests", "160억 원"), ("KDB인베스트먼트", "invests", "160억 원"),
      ("그레이트리파트너스", "invests", "70억 원"), ("70억 원", "fundsTarget", "셀리아랩스")}),
    ("청주시는 자체 사업으로 ‘청주 AI 창업 바우처’를 운영한다. 올해 시비 12억 원을 들였고, 기업당 최대 5천만 원까지 "
     "비용을 지원한다.", {("12억 원", "fundsTarget", "청주 AI 창업 바우처"), ("청주시", "invests", "12억 원"),
                      ("청주시", "operates", "청주 AI 창업 바우처")}),
    ("강원특별자치도와 춘천시는 캠퍼스 진입도로 조성에 도비·시비 120억 원을 투입한다.",
     {("강원특별자치도", "invests", "120억 원"), ("춘천시", "invests", "120억 원")}),
    ("관세청은 ‘AI 세무상담 고도화 사업’ 우선협상대상자를 정했다. 네이버클라우드가 84억 원에 수주했다.",
     {("84억 원", "fundsTarget", "AI 세무상담 고도화 사업")}),
    ("도는 ‘AI 도시침수 예측 실증사업’을 추진한다. 총사업비는 96억 원이다. 국비 72억 원은 행안부가, 나머지 24억 "
     "원은 충청남도가 도비로 부담한다.",
     {("96억 원", "fundsTarget", "AI 도시침수 예측 실증사업"), ("72억 원", "fundsTarget", "AI 도시침수 예측 실증사업"),
      ("24억 원", "fundsTarget", "AI 도시침수 예측 실증사업"), ("행정안전부", "invests", "72억 원"),
      ("충청남도", "invests", "24억 원"), ("행정안전부", "operates", "AI 도시침수 예측 실증사업"),
      ("충청남도", "operates", "AI 도시침수 예측 실증사업")}),
    ("도는 ‘AI 응급의료 안심망 사업’을 추진한다. 이 사업의 총사업비는 100억 원으로, 과기정통부가 국비 50억 원을 "
     "대고 순천시와 여수시가 시비 50억 원을 나눠 낸다.",
     {("100억 원", "fundsTarget", "AI 응급의료 안심망 사업"), ("50억 원", "fundsTarget", "AI 응급의료 안심망 사업"),
      ("과학기술정보통신부", "invests", "50억 원"), ("순천시", "invests", "50억 원"), ("여수시", "invests", "50억 원"),
      ("과학기술정보통신부", "invests", "100억 원"), ("순천시", "invests", "100억 원"),
      ("여수시", "invests", "100억 원"), ("과학기술정보통신부", "operates", "AI 응급의료 안심망 사업"),
      ("순천시", "operates", "AI 응급의료 안심망 사업"), ("여수시", "operates", "AI 응급의료 안심망 사업")}),
    ("부산광역시는 국비 18억 원과 시비 12억 원 등 30억 원을 들여 ‘부산 AI 민원콜센터’를 연다.",
     {("대한민국 정부", "invests", "18억 원"), ("부산광역시", "invests", "12억 원"), ("부산광역시", "invests", "30억 원"),
      ("대한민국 정부", "invests", "30억 원"),
      ("18억 원", "fundsTarget", "부산 AI 민원콜센터"), ("12억 원", "fundsTarget", "부산 AI 민원콜센터"),
      ("30억 원", "fundsTarget", "부산 AI 민원콜센터"), ("부산광역시", "operates", "부산 AI 민원콜센터")}),
    ("허브 구축에는 국비 30억 원·시비 20억 원 등 모두 50억 원이 투입되며, 운영은 인하대학교가 맡는다.",
     {("대한민국 정부", "invests", "30억 원"), ("대한민국 정부", "invests", "50억 원")}),
    ("부산시는 ‘AI 민원 콜센터’를 연다. 사업비 30억원 가운데 16억원은 국비, 14억원은 시비다.",
     {("30억원", "fundsTarget", "AI 민원 콜센터"), ("16억원", "fundsTarget", "AI 민원 콜센터"),
      ("14억원", "fundsTarget", "AI 민원 콜센터"), ("대한민국 정부", "invests", "16억원"),
      ("부산광역시", "invests", "14억원"), ("부산광역시", "invests", "30억원"), ("대한민국 정부", "invests", "30억원"),
      ("부산광역시", "operates", "AI 민원 콜센터")}),
    ("국민연금공단이 발주한 ‘AI 연금상담 플랫폼 구축’ 사업을 솔트룩스 컨소시엄이 따냈다. 국민연금공단은 지난 19일 "
     "솔트룩스 컨소시엄과 62억원 규모의 구축 계약을 체결했다.",
     {("국민연금공단", "invests", "62억원"), ("62억원", "fundsTarget", "AI 연금상담 플랫폼 구축 사업"),
      ("국민연금공단", "operates", "AI 연금상담 플랫폼 구축 사업")}),
    ("이로써 다온랩스의 누적 투자 유치액은 320억원으로 늘었다.", {("320억원", "fundsTarget", "다온랩스")}),
    ("누리웍스의 누적 투자액은 총 85억 원에 이른다.", {("85억 원", "fundsTarget", "누리웍스")}),
    ("부산시는 ‘AI 민원 콜센터’를 연다. 사업비 중 시비가 14억원이다.",
     {("14억원", "fundsTarget", "AI 민원 콜센터"), ("부산광역시", "invests", "14억원"),
      ("부산광역시", "operates", "AI 민원 콜센터")}),
    # backers of a round: listed with ▲, or named in a later sentence about it
    ("누리랩은 ▲한빛벤처스 ▲새솔인베스트먼트 등으로부터 시리즈A로 80억원을 투자받았다.",
     {("한빛벤처스", "invests", "80억원"), ("새솔인베스트먼트", "invests", "80억원"),
      ("80억원", "fundsTarget", "누리랩")}),
    ("누리랩이 시리즈B 라운드에서 225억원의 투자를 유치했다. 누적 투자액은 343억원이다. 누리랩 측에 따르면 "
     "이번 투자에는 한빛벤처스, 새솔인베스트먼트 등 기존 투자사와 함께 한울인베스트먼트가 참여했다.",
     {("225억원", "fundsTarget", "누리랩"), ("한빛벤처스", "invests", "225억원"),
      ("343억원", "fundsTarget", "누리랩"),
      ("새솔인베스트먼트", "invests", "225억원"), ("한울인베스트먼트", "invests", "225억원")}),
    # (public money allocated to a region funds its government, when the article names it)
    ("울산시는 AI 도시를 꿈꾼다. 과기정통부는 지역 AI 예산 가운데 312억 원을 울산에 배정했다.",
     {("과학기술정보통신부", "invests", "312억 원"), ("312억 원", "fundsTarget", "울산광역시")}),
    ("울산시는 AI 도시를 꿈꾼다. 엔비디아는 울산에 5억 달러를 투자한다.",
     {("엔비디아", "invests", "5억 달러"), ("5억 달러", "fundsTarget", "울산")}),
    ("광주시는 AI 도시를 꿈꾼다. 과기정통부의 지역 AI 예산 가운데 광주 몫은 870억 원으로 가장 많다.",
     {("과학기술정보통신부", "invests", "870억 원"), ("870억 원", "fundsTarget", "광주광역시")}),
    ("정부는 지역 AI 예산을 늘렸다. 이 가운데 경기도 몫은 국비 32억 원이다.",
     {("대한민국 정부", "invests", "32억 원"), ("32억 원", "fundsTarget", "경기도")}),
    # (an anaphor's body, selected in a call, receives what the payer gives it)
    ("구미시는 AI 도시를 만든다. 시는 산업통상자원부의 ‘제조 AI 거점 육성사업’ 공모에 선정돼 국비 150억 원을 "
     "확보했다.", {("산업통상부", "invests", "150억 원"), ("150억 원", "fundsTarget", "구미시")}),
    ("수원시는 CCTV를 늘린다. 시는 행정안전부의 ‘CCTV 관제 지원사업’에 선정돼 국비 6억 원을 받았다.",
     {("행정안전부", "invests", "6억 원"), ("6억 원", "fundsTarget", "수원특례시")}),
    ("수원시는 CCTV를 늘린다. 시는 국비 6억 원을 들여 ‘CCTV 관제 고도화’ 사업을 추진한다.",
     {("대한민국 정부", "invests", "6억 원"), ("6억 원", "fundsTarget", "CCTV 관제 고도화 사업")}),
    # (A에 N원, B에 M원: each sum goes to the name in its own item)
    ("광주시는 ‘AI 돌봄 실증’에 150억원, 노인 일자리 확대와 복지관 개보수에 각각 40억원을 지원한다.",
     {("광주광역시", "invests", "150억원"), ("150억원", "fundsTarget", "AI 돌봄 실증"),
      ("광주광역시", "invests", "40억원"), ("광주광역시", "operates", "AI 돌봄 실증")}),
    # (a fund's managers form it of others' money: they invest none of it)
    ("광주시는 ‘AI 도약 펀드’를 만든다. 운용사인 새솔벤처스는 현재 395억원을 결성했다.",
     {("395억원", "fundsTarget", "AI 도약 펀드")}),
    # 각각: the sums in the order of their payers
    ("대구시와 대전시는 데이터센터 구축에 각각 5억원과 15억원을 투자한다.",
     {("대구광역시", "invests", "5억원"), ("대전광역시", "invests", "15억원")}),
    # the subject of the news's source pays nothing
    ("김철수 의원실이 행정안전부에서 받은 내년 예산안에 따르면 AI 예산은 320억원으로 집계됐다.", set()),
    ("김철수 의원실이 행정안전부에 요청해 받은 예산안에 따르면 AI 예산은 320억원이다.", set()),
    ("국회 예산정책처가 분석한 자료에 의하면 교육부는 AI 교육에 150억원을 투입한다.",
     {("교육부", "invests", "150억원")}),
]


UNKNOWN_PAYER = -1


@relation_rule("investment", priority=4, examples=EXAMPLES)
def investments(ctx: Context) -> Iterator[Found]:
    found = list(_sums(ctx))
    total = _total(ctx)
    if total is not None:
        found = [f for f in found if not _overruled(f, total, found)]
    yield from found
    if total is not None:
        yield from _total_payers(ctx, found, *total)


def _total(ctx: Context) -> tuple[Slot, list[Slot]] | None:
    """A sentence's total and its parts: its first or last sum, the others adding up to it
    (총 24억 원이 투입되며, A가 16억 원, B가 8억 원을; 국비 18억 원과 시비 12억 원 등 30억 원)."""
    sums = [x for x in ctx.of_type("Investment") if x.mention.money is not None]
    if len(sums) < 3:
        return None
    for total, parts in ((sums[0], sums[1:]), (sums[-1], sums[:-1])):
        if all(p.mention.money.currency == total.mention.money.currency for p in parts) and \
                sum(p.mention.money.amount for p in parts) == total.mention.money.amount:
            return total, parts
    return None


def _overruled(f: Found, total: tuple[Slot, list[Slot]], found: list[Found]) -> bool:
    """What the parts say of a total overrules a guess from the clause around it (국비
    30억 원·시비 20억 원 등 50억 원이 투입되며, 운영은 인하대학교가 맡는다: the parts'
    payers pay it, and it goes where they go, not to the body of the next clause)."""
    whole, parts = total
    ids = {p.index for p in parts}
    if f.subject == whole.index and f.predicate == "fundsTarget":
        goes = [{g.object for g in found if g.predicate == "fundsTarget" and g.subject == p}
                for p in sorted(ids)]
        return all(goes) and all(g == goes[0] for g in goes) and f.object not in goes[0]
    if f.object == whole.index and f.predicate == "invests" and f.rule == "investment.actor":
        return any(g.predicate == "invests" and g.object in ids for g in found)
    return False


def _total_payers(ctx: Context, found: list[Found], total: Slot,
                  parts: list[Slot]) -> Iterator[Found]:
    """총 24억 원이 투입되며, 과기정통부가 16억 원, 광주시가 8억 원을 부담한다 (국비 18억
    원과 시비 12억 원 등 30억 원을 들여): the payers named for the parts of a total pay the
    total too (the government a bare 국비 stands for among them), and the parts go where the
    total goes (or the total where all its parts go)."""
    part_ids = {p.index for p in parts}
    payers = {f.subject for f in found if f.predicate == "invests" and f.object in part_ids}
    for payer in sorted(payers):
        yield Found(payer, "invests", total.index, "investment.total")
    goes = {}
    for f in found:
        if f.predicate == "fundsTarget":
            goes.setdefault(f.subject, set()).add(f.object)
    if total.index in goes:
        for p in parts:
            if p.index not in goes:
                for x in sorted(goes[total.index]):
                    yield Found(p.index, "fundsTarget", x, "investment.total")
                    # (the public body that funds a program runs it)
                    for f in found:
                        if f.predicate == "invests" and f.object == p.index and \
                                f.subject >= 0 and ctx.public_body(f.subject) and \
                                ctx.mentions[f.subject].rule != "anaphor-funds" and \
                                ctx.mentions[x].type in ("Program", "Initiative"):
                            yield Found(f.subject, "operates", x, "investment.total")
    elif all(p.index in goes for p in parts) and len({frozenset(goes[p.index]) for p in parts}) == 1:
        for x in sorted(goes[parts[0].index]):
            yield Found(total.index, "fundsTarget", x, "investment.total")


def _sums(ctx: Context) -> Iterator[Found]:
    yield from _round_backers(ctx)
    yield from _source_payers(ctx)
    sources = "|".join(map(re.escape, sorted(ctx.cues.mapping("fund_source"))))
    for mny in ctx.of_type("Investment"):
        # (A의 누적 투자 유치액은 320억 원으로 늘었다: what A has raised, A's money)
        before = ctx.text[:mny.mention.start - ctx.sent.start_char]
        total = re.search(rf"의\s+(누적\s?)?({ctx.cues.idiom('raised_total').pattern})"
                          rf"\s?(은|는|이|가)\s*(총\s*)?$", before)
        owner = next((o for o in ctx.orgs if total and o.role == "gen"
                      and o.mention.end - ctx.sent.start_char == total.start()), None)
        # (… 투자를 유치했다. 누적 투자액은 343억 원이다: the company that just raised a round)
        last, receiver = ctx.state.extra.get("round"), ctx.state.extra.get("round_receiver")
        if owner is None and receiver is not None and last[1] >= ctx.state.index - 2 and \
                re.fullmatch(rf"\s*(이로써\s+)?누적\s?({ctx.cues.idiom('raised_total').pattern})"
                             rf"\s?(은|는|이|가)\s*(총\s*|약\s*)?", before):
            yield Found(mny.index, "fundsTarget", receiver, "investment.raised-total")
            continue
        if owner is not None:
            yield Found(mny.index, "fundsTarget", owner.index, "investment.raised-total")
            continue
        share = _share(ctx, mny)
        backers = _backers(ctx, mny) if share is None else []  # (a share: its own payer)
        # (N원 규모의 시리즈B 투자를 유치했다: the raising said of this sum, right after it)
        after = ctx.text[mny.mention.end - ctx.sent.start_char:]
        raised = ctx.cues.idiom("raise_money").search(after[:30]) is not None or \
            ctx.cues.idiom("raised_direct").match(after.lstrip()) is not None
        if (backers and ctx.says("receive") or raised) and share is None:
            # A가 B와 C로부터 350억원 투자를 유치했다: B and C pay, A receives (and the
            # backers a later sentence names: 이번 투자에는 B, C가 참여했다)
            for b in backers:
                yield Found(b, "invests", mny.index, "investment.backer")
            receiver = next((o.index for o in ctx.orgs if o.role.startswith("subj")
                             and o.index not in backers), ctx.actor)
            if receiver is not None and receiver not in backers:
                yield Found(mny.index, "fundsTarget", receiver, "investment.backer")
            if raised:
                ctx.state.extra["round"] = (mny.index, ctx.state.index)
                ctx.state.extra["round_receiver"] = receiver if receiver not in backers else None
            continue
        # 정부가 발표한 700억 달러: a relative clause's subject pays, but not the body that
        # runs what the sum is for (창업진흥원이 운영하는 ‘…’는 310억 원)
        # … and not a subject that only runs it (X는 한국벤처투자가 운용을 맡아 … N원 규모로)
        runners = {o.index for o in ctx.orgs if o.mention.end <= mny.mention.start and (
            o.role.startswith("relsubj") or o.role.startswith("subj")
            and ctx.words[o.word].tail.strip() in ("이", "가")) and ctx.cues.pattern(
                "operator_verb").search(ctx.text[o.mention.end - ctx.sent.start_char:
                                                 mny.mention.start - ctx.sent.start_char])}
        # (A 의원실이 … 확보한 예산안에 따르면 … N원: the subject of the source pays nothing)
        before = [o for o in ctx.orgs if o.mention.end <= mny.mention.start and (
            o.role.startswith("subj") or o.role.startswith("relsubj"))
            and o.index not in runners and o.mention.rule != "anaphor-funds"
            and not ACCORDING.search(ctx.text[o.mention.end - ctx.sent.start_char:
                                               mny.mention.start - ctx.sent.start_char])]
        # A가 16억 원, B가 8억 원을 부담한다: each sum is paid by the subject right before it
        previous = [y for y in ctx.of_type("Investment") if y.mention.end <= mny.mention.start]
        own = [o for o in before if previous and o.mention.start > previous[-1].mention.end
               and re.fullmatch(r"[이가은는]\s+(\S+\s+)?", ctx.text[
                   o.mention.end - ctx.sent.start_char:mny.mention.start - ctx.sent.start_char])]
        fellows = []
        if len(before) > 1 and not own:
            # (시가 150억원을 출자했고, 한국벤처투자도 … 200억원을 출자했다: the subject of
            # the sum's own clause, after the clause before it ends)
            inner = [o for o in before if not _CLAUSE_END.search(ctx.text[
                o.mention.end - ctx.sent.start_char:mny.mention.start - ctx.sent.start_char])]
            if inner and before[0] not in inner:
                before = [inner[-1]] + [o for o in before if o is not inner[-1]]
        if own:
            before = own
            # (A와 B가 시비 48억 원을 나눠 낸다: each of the subjects listed pays)
            fellows = [o for o in ctx.orgs if o.role == "subj*" and previous[-1].mention.end
                       < o.mention.start < own[0].mention.start]
        # 행안부의 올해 AI 예산은 412억 원: the body whose budget it is
        owner = [o for o in ctx.orgs if o.role == "gen" and o.mention.end <= mny.mention.start
                 and not before and ctx.says("budget_word")]
        payer = share if share is not None else _payer(ctx, mny)
        if payer is None:
            payer = _bearer(ctx, mny)
        # A는 12억 원을 지원받는다: the subject receives the sum
        received = re.match(rf"\s*(\([^()]*\))?\s*씩?(을|를|씩)\s*(지원\s)?\S*?"
                            rf"({ctx.cues.pattern('received').pattern})",
                            ctx.text[mny.mention.end - ctx.sent.start_char:])
        # (N원 규모로 결성: a fund formed, by its managers, of others' money)
        formed = re.match(rf"\s*(\([^()]*\))?\s*(을|를|\S*로)?\s*(\S+\s)?"
                          rf"({ctx.cues.pattern('fund_formed').pattern})", after)
        if payer is None and not before and not owner and ctx.group and not formed:
            for member in ctx.group:  # 세 기관은 … 18억 원을 공동 출연해
                if received:  # (이들 기업은 … 1억 원씩을 지원받았다: each receives it)
                    yield Found(mny.index, "fundsTarget", member, "investment.group")
                else:
                    yield Found(member, "invests", mny.index, "investment.group")
        release = ctx.state.extra.get("budget_release")
        investor = payer if payer is not None else before[0].index if before else \
            owner[0].index if owner else None if ctx.group else \
            release if release is not None else ctx.actor
        if investor is not None and investor == ctx.actor and payer is None and not before \
                and not owner and investor != release and not _spends(ctx, mny) and not (
                    ctx.public_body(investor) and _line_item(ctx, mny)):
            # a body carried from before pays what it is said to spend, and a public body
            # its budget's lines (사업별로는 △X 38억 원 △Y 22억 원); not a passive sum
            investor = None
        if investor in runners and payer is None or payer == UNKNOWN_PAYER:
            investor = None
        if payer == UNKNOWN_PAYER:
            # (시군비 22억 원 with no city or county named: theirs, so no one else's; nor
            # may the relation model credit the province or the government)
            ctx.state.denied.add(("invests", mny.index))
        if ctx.says("contract_won") and payer is None:
            investor = None  # A가 X(87억 원) 사업을 수주했다: the winner does not pay
        if formed and payer is None:
            investor = None  # 운용사는 395억 원을 결성했다: the manager raised it from others
        if investor is not None and investor == ctx.actor and not before and payer is None \
                and not owner and ctx.company(investor) and ctx.says("budget_word"):
            investor = None  # (A won it.) 총사업비는 243억 원이며: a contractor pays no budget
        if investor is not None and investor == ctx.actor and not before and payer is None \
                and not owner and mny.role.startswith("subj") and investor != release and \
                not re.search(sources, ctx.text + " " + ctx.state.previous_text) and not \
                ctx.cues.pattern("budget_word").search(ctx.text + " " + ctx.state.previous_text):
            # 총 90억 원이 투입된다: a passive sentence records no investor unless it or the
            # one before names the payer (ANNOTATION.md, "Investors"); a budget's lines
            # (예산 … 612억 원이 배정됐다) are its owner's
            investor = None
        item = (_ITEM_LINE.match(ctx.text) is not None or _pair_line(ctx)) and not before \
            and payer is None
        if item:
            investor = None  # 1) 부산항만공사 – 오션메트릭스: …, 280백만 원: the item's own
        if release is None and ctx.state.index - ctx.state.extra.get("section_start", 0) <= 3 \
                and investor is not None and ((before or payer is not None) and
                                              ctx.says("budget_release") or owner) \
                and ctx.public_body(investor):
            # (시가 정부예산으로 1,024억 원을 확보했다: the lines are the government's,
            # the city runs them; 부의 올해 AI 예산은 N원: so are the ministry's)
            ctx.state.extra["budget_release"] = investor
            if before and before[0].index != investor:
                ctx.state.extra["budget_receiver"] = before[0].index
        if payer is None and _fund_size(ctx, mny):
            investor = None  # (A는 N원을 출자해 M원 규모의 펀드를 조성한다: A's share is N)
            ctx.state.denied.add(("invests", mny.index))  # (nor may the relation model)
        respective = _respective(ctx, mny, before) if payer is None and investor is not None \
            else None
        if respective is not None:
            investor = respective  # A와 B는 각각 5억원과 15억원을: in order
        elif investor is not None and payer is None and before and before[0].role == "subj*":
            # LG유플러스와 Lumenfield가 각각 5,000만 달러씩 출자하고: every subject listed pays;
            # A, B, C 등 3개 기업이 선정돼 총 6억 원을 지원받는다: every one receives it
            for o in before[1:]:
                if o.role in ("subj", "subj*"):
                    yield Found(mny.index, "fundsTarget", o.index, "investment.subjects") \
                        if received else Found(o.index, "invests", mny.index,
                                               "investment.subjects")
                if o.role == "subj":
                    break
        if payer is None and before and _spent_on(ctx, mny):
            investor = None  # A는 총사업비 N원이 들어가는 X를: a passive clause, no investor
        if received and payer is None and before and investor == before[0].index:
            investor = None
            ctx.state.denied.add(("invests", mny.index))  # (nor may the relation model)
        carried = None
        if received and payer is None and not before and not owner and investor is not None \
                and investor == ctx.actor:
            investor, carried = None, investor  # (A는 …. N원을 지원받았다: the body carried
            # over receives the sum, it pays none)
        if investor is not None and investor >= 0 and (
                ctx.mentions[investor].canonical or ctx.mentions[investor].text).endswith(
                tuple(ctx.cues.legislature)):
            investor = None  # 국회는 예산 N원을 의결했다: it passes the budget, spends none
        if payer is None and (investor is None or investor >= 0 and ctx.public_body(investor)) \
                and _deal(ctx, mny):
            # 시는 A와 N원 규모의 투자협약을 맺었다, 누적 투자유치 N원: the body signs or
            # attracts the money; the companies it signs with pay it (ANNOTATION.md: a
            # company's investment in a region)
            for o in ctx.orgs if investor is not None else []:
                if o.index != investor and not o.quoted and ctx.company(o.index) and \
                        o.mention.end <= mny.mention.start:
                    yield Found(o.index, "invests", mny.index, "investment.deal")
            investor = None
            ctx.state.denied.add(("invests", mny.index))  # (nor may the relation model)
        last, part, split = ctx.state.extra.get("last_investor"), False, False
        if investor is None and payer is None and not before and last is not None and \
                last[1] >= ctx.state.index - 1 and re.match(
                    rf"\s*({ctx.cues.idiom('part_of_sum').pattern})\s", ctx.text):
            # 예산은 1,120억 원이다. 이 가운데 48억 원이 X에 배정됐다: the adjacent sentence
            # names who pays the whole, and so the part (ANNOTATION.md, "Investors")
            investor, part = last[0], True
        # 복지부는 4개 병원에 국비 22억 원을 나눠 지원한다. 병원별 국비는 A 6억 원, B 5억 원이다
        # (▲… 지원액은 42억 원이다): the lines after a total a body shares out, naming no
        # payer, are its parts, and so the body's (ANNOTATION.md, "Investors"); a list's
        # lines, ▲ each a paragraph of a sentence or three, within eight sentences
        shared, section = ctx.state.extra.get("distributor"), ctx.state.extra.get("section_start", 0)
        if investor is None and payer is None and not before and not owner and \
                shared is not None and shared[1] < ctx.state.index <= shared[1] + 8 and \
                shared[2] == section and ctx.cues.idiom("distributed_part").search(ctx.text):
            investor, split = shared[0], True
        if investor is not None and investor >= 0 and before and before[0].index == investor \
                and ctx.public_body(investor) and ctx.cues.idiom("distribute").search(ctx.text):
            ctx.state.extra["distributor"] = (investor, ctx.state.index, section)
        if payer is not None and payer != UNKNOWN_PAYER:
            co = _co_payer(ctx, mny)  # (도비·시비 120억 원: the province pays with the city)
            if co is not None and co != payer:
                yield Found(co, "invests", mny.index, "investment.payer")
        if investor is not None and fellows and investor == own[0].index:
            for o in fellows:
                yield Found(o.index, "invests", mny.index, "investment.subjects")
        if investor is not None:
            ctx.state.extra["last_investor"] = (investor, ctx.state.index)
            yield Found(investor, "invests", mny.index,
                        "investment.part" if part else "investment.shared" if split else
                        "investment.payer" if payer is not None else
                        "investment.subject" if before else
                        "investment.owner" if owner else
                        "investment.release" if investor == release else "investment.actor")
        target = _target(ctx, mny) if mny.index not in ctx.state.extra.get("round_shares", ()) \
            else ctx.state.extra["round_receiver"]  # (a backer's share of the round)
        if share is not None and mny.index not in ctx.state.extra.get("round_shares", ()):
            # (A는 ▲B(300억원) ▲C(70억원) 등으로부터 …: the shares go to the subject, not to
            # the bodies that give them)
            target = next((o.index for o in ctx.orgs if o.role.startswith("subj") and not
                           ctx.text[o.mention.end - ctx.sent.start_char:].startswith("(")),
                          None)
        if target is None and before and before[0].index != payer and ctx.says("receive") \
                and (payer is not None or re.search(sources, ctx.text[
                    before[0].mention.end - ctx.sent.start_char:
                    mny.mention.start - ctx.sent.start_char])):
            target = before[0].index  # 시가 정부예산으로 100억 원을 확보했다
        if target is None and received and before and before[0].index != payer:
            target = before[0].index
        # (시는 X 공모에 선정돼 국비 150억 원을 확보했다: the body carried over, named by
        # an anaphor, receives what a payer gives it)
        if target is None and not before and payer is not None and ctx.actor is not None \
                and ctx.actor != payer and ctx.mentions[ctx.actor].type == "Organization" \
                and re.match(rf"\s*(\([^()]*\))?\s*(을|를)\s*(\S+\s)?\S*?"
                             rf"({ctx.cues.pattern('receive').pattern})", after):
            target = ctx.actor
        if target is None and carried is not None:
            target = carried
        if target is None and item and ctx.orgs and not any(
                x.mention.type in ("Program", "Initiative") for x in ctx.slots):
            target = ctx.orgs[0].index  # … the first body of the line receives it
        recipients = _each_recipient(ctx, mny)
        kind = None if recipients else _to_the_chosen(ctx, mny)
        if kind is not None:
            # (선정된 두 컨소시엄에 해마다 20억 원씩: those selected, wherever the article
            # names them, receive it; shares_of_the_chosen, once the document is read)
            ctx.state.extra.setdefault("shares", []).append((mny.index, kind))
        if recipients:
            # A, B 등 12개 기업을 뽑아 기업당 2억 원씩: a fixed sum each funds every one named
            # (ANNOTATION.md, "Investments"), not the programme
            target = None
            for x in recipients:
                yield Found(mny.index, "fundsTarget", x, "investment.each")
        listed = ctx.state.extra.get("listed")
        if target is None and listed and not ctx.orgs and re.search(
                r"(^|\s)(각|각각)\s|씩", ctx.text):
            # 다음 세 곳이 선정됐다. 1) A 2) B 3) C. 세 곳에는 각 15억 원씩 총 45억 원이
            for x in listed:
                yield Found(mny.index, "fundsTarget", x, "investment.listed")
        if target is not None and _never_funded(ctx, target):
            target = None  # (국회, 대한민국 정부: they pass or own budgets, not receive them)
        if target is not None and investor is not None and ctx.public_body(investor):
            target = _region_government(ctx, target)
        # (the last sum and where it went, when named with it: 이 가운데 N원은 … goes
        # there too)
        part = re.match(rf"\s*({ctx.cues.idiom('part_of_sum').pattern})\s", ctx.text)
        ctx.state.extra["last_target"] = (
            target if target is not None and (
                part or ctx.mentions[target].sentence == mny.mention.sentence) else None,
            ctx.state.index)
        if target is not None:
            yield Found(mny.index, "fundsTarget", target, "investment.target")
            for x in _listed_with(ctx, target, mny):
                yield Found(mny.index, "fundsTarget", x, "investment.target-list")
        # the public body that funds a program runs it (ANNOTATION.md, "Who operates")
        runner = ctx.state.extra.get("budget_receiver") if investor == release else None
        runner = investor if runner is None else runner
        # (not the government a bare 국비 stands for: it pays, a ministry runs the programme)
        if runner is not None and target is not None and ctx.public_body(runner) and \
                ctx.mentions[runner].rule != "anaphor-funds" and \
                ctx.mentions[target].type in ("Program", "Initiative"):
            yield Found(runner, "operates", target, "investment.operator")


_SOURCE_WORD = re.compile(r"\S*(비|금|예산|부담)")


def _source_payers(ctx: Context) -> Iterator[Found]:
    """국비 40억 원에 민간부담금 20억 원이 더해진다. 민간부담금은 A와 B가 나눠 낸다: the
    bodies that pay a sum the sentences before named by its source (시비, 민간부담금) pay
    that sum."""
    named = ctx.state.extra.setdefault("sum_of", {})
    topic = re.match(r"\s*(\S+)(은|는)\s", ctx.text)
    if topic and topic.group(1) in named and named[topic.group(1)][1] >= ctx.state.index - 2:
        # (the verb, not a word of a name: ‘AI 스마트도시 확산 지원사업’ 공모에 선정돼)
        names = [(x.mention.start - ctx.sent.start_char, x.mention.end - ctx.sent.start_char)
                 for x in ctx.slots]
        verb = next((v for v in ctx.cues.pattern("bear").finditer(ctx.text, topic.end())
                     if not any(s <= v.start() < e for s, e in names)), None)
        for o in ctx.orgs:
            if verb and o.role.startswith("subj") and not o.quoted and \
                    o.mention.end - ctx.sent.start_char < verb.start():
                yield Found(o.index, "invests", named[topic.group(1)][0], "investment.source")
        # 국비는 (시가) 산업통상자원부 공모에 선정돼 확보했다: the public body whose call was
        # won pays the sum (one body; not the winner, the subject)
        call = ctx.cues.idiom("call_won").search(ctx.text, topic.end())
        if call and ctx.cues.pattern("secured").search(ctx.text, call.end()):
            callers = [o for o in ctx.orgs if not o.role.startswith("subj") and not o.quoted
                       and o.mention.end - ctx.sent.start_char <= call.start()
                       and ctx.public_body(o.index)]
            if len(callers) == 1:
                yield Found(callers[0].index, "invests", named[topic.group(1)][0],
                            "investment.source")
    for mny in ctx.of_type("Investment"):
        word = ctx.text[:mny.mention.start - ctx.sent.start_char].split()[-1:]
        if word and _SOURCE_WORD.fullmatch(word[0]):
            named[word[0]] = (mny.index, ctx.state.index)


def _each_recipient(ctx: Context, money: Slot) -> list[int]:
    """The organisations a fixed per-recipient sum (기업당 2억 원씩) goes to: those
    selected or listed as objects before it in its sentence."""
    cues = ctx.cues
    at, end = money.mention.start - ctx.sent.start_char, money.mention.end - ctx.sent.start_char
    if not (re.search(rf"({cues.pattern('per_recipient').pattern})\s*$", ctx.text[:at])
            and ctx.text[end:].lstrip().startswith(tuple(cues.fixed_each))):
        return []
    return [o.index for o in ctx.orgs if o.mention.end <= money.mention.start
            and o.role.startswith(("obj", "conj")) and not o.quoted]


# 선정된 (두) 컨소시엄에(는): the selected bodies, and the kind of body they are
TO_THE_SELECTED = re.compile(r"선정된\s+(?:\S+\s+){0,2}?(\S+?)(?:에게는|에게|에는|에)\s")


def _to_the_chosen(ctx: Context, money: Slot) -> str | None:
    """The kind of body a fixed sum each goes to when the sentence names none of them:
    선정된 두 컨소시엄에 해마다 20억 원씩 / 컨소시엄당 총 100억 원 -> 컨소시엄."""
    cues = ctx.cues
    at, end = money.mention.start - ctx.sent.start_char, money.mention.end - ctx.sent.start_char
    chosen = list(TO_THE_SELECTED.finditer(ctx.text[:at]))
    each = re.search(rf"({cues.pattern('per_recipient').pattern})\s*((총|연|최대)\s*)?$",
                     ctx.text[:at]) or ctx.text[end:].lstrip().startswith(tuple(cues.fixed_each))
    if not chosen or not each or any(chosen[-1].start() < o.mention.start - ctx.sent.start_char
                                     and o.mention.end <= money.mention.start for o in ctx.orgs):
        return None
    return chosen[-1].group(1)


# the rules that say a body was selected for a programme (kg.rules.relations)
_SELECTION = frozenset({"organisation.selected", "participation.selected-as",
                        "consortium.selected", "participation.listed", "participation.at-hand"})


def shares_of_the_chosen(state: State, statements: list, lex: Lexicon
                         ) -> tuple[set[int], list[tuple[int, int]]]:
    """선정된 두 컨소시엄에 해마다 20억 원씩: each sum a sentence gave to those selected
    (state.extra["shares"]) funds every body the article says was selected, of that kind
    (consortia when it says 컨소시엄), not the programme (ANNOTATION.md, "Investments").
    Returns the sums whose other targets go, and the (sum, body) pairs to add; with none
    selected (선정된 운용사들에 각각 300억원씩, before any is chosen) nothing changes."""
    mentions = state.mentions
    consortium = tuple(lex.cues.consortium)
    dropped, added = set(), []
    for money, kind in state.extra.get("shares", ()):
        of_consortia = kind.endswith(consortium)
        chosen = []
        for s in statements:
            m = mentions[s.subject]
            if s.predicate != "participatesIn" or m.type != "Organization" or \
                    any(r.startswith("learned.") for r in s.rules):
                continue
            if of_consortia and m.text.endswith(consortium) or not of_consortia and \
                    not m.text.endswith(consortium) and _SELECTION & set(s.rules):
                if (m.canonical or m.text) not in {mentions[c].canonical or mentions[c].text
                                                   for c in chosen}:
                    chosen.append(s.subject)
        if chosen:
            dropped.add(money)
            added += [(money, c) for c in chosen]
    return dropped, added


def _round_backers(ctx: Context) -> Iterator[Found]:
    """A가 N원 규모의 시리즈B 투자를 유치했다. 이번 투자에는 B와 C가 참여했다 (B가
    리드했고 C가 참여했다): the backers of the round just raised invest in it. Their shares
    (이번 라운드에서는 B와 C가 각각 300억원씩 투자했다; D도 200억원을 투자했다) go to the
    company that raised it."""
    last = ctx.state.extra.get("round")
    # (이번 라운드는 A가 70억 원을 넣으며 주도했고: a share of it may be written too)
    # (… 343억원이다. 14일 A 측에 따르면 이번 투자에는 B, C가: said of this round, some
    # sentences may come between; the sentence after one about it goes on about it)
    about = re.search(r"(^|\s)이번\s?(라운드|투자|펀딩)(는|에는|에서는|에서|에)\s", ctx.text)
    going_on = ctx.state.extra.get("round_said") == ctx.state.index - 1
    if last is None or last[1] < ctx.state.index - (10 if about else 1) and not going_on:
        return
    shares = ctx.of_type("Investment")
    if shares and not (about or going_on):
        return
    if not (ctx.says("verb_join") or ctx.says("round_lead")
            or shares and ctx.says("verb_invest")):
        return
    ctx.state.extra["round_said"] = ctx.state.index
    for o in ctx.orgs:
        # (이번 투자에는 A, B 등 기존 투자사와 함께 C가: every body named after it)
        listed = about is not None and o.mention.start - ctx.sent.start_char >= about.end()
        # (… not a backer's parent: 테마섹의 자회사 파빌리온이)
        if (listed or o.role.startswith(("subj", "conj"))) and not o.quoted and o.role != "gen":
            yield Found(o.index, "invests", last[0], "investment.round")
    receiver = ctx.state.extra.get("round_receiver")
    if receiver is not None:
        ctx.state.extra["round_shares"] = {y.index for y in shares}


def _bearer(ctx: Context, money: Slot) -> int | None:
    """2026년 예산 38억원은 행정안전부가 전액 부담한다: the body after a sum that is the
    topic, with a verb of paying."""
    after = ctx.text[money.mention.end - ctx.sent.start_char:]
    if not re.match(r"\s*(\([^()]*\))?\s*(은|는)\s", after):
        return None
    o = next((o for o in ctx.orgs if o.mention.start >= money.mention.end
              and o.role.startswith("subj") and not o.quoted), None)
    if o is None or not ctx.cues.pattern("bear").search(
            ctx.text[o.mention.end - ctx.sent.start_char:]):
        return None
    return o.index


def _spent_on(ctx: Context, money: Slot) -> re.Match[str] | None:
    """N원이 들어가는, N원이 투입되는: the sum of a clause describing what comes next."""
    rest = re.sub(r"^\s*\([^()]*\)", "", ctx.text[money.mention.end - ctx.sent.start_char:])
    return re.match(rf"\s*(이|가)?\s*(\S+\s)?\S*?({ctx.cues.pattern('spent_on').pattern})\s*",
                    rest)


def _never_funded(ctx: Context, target: int) -> bool:
    m = ctx.mentions[target]
    name = m.canonical or m.text
    return m.type == "Organization" and (name.endswith(tuple(ctx.cues.legislature))
                                         or name == NATIONAL_GOVERNMENT)


def _pair_line(ctx: Context) -> bool:
    """▲대한정밀–비전스퀘어: 설비 점검 에이전트(5억 8천만 원): a grant to the pair's first."""
    line = PAIR_LINE.match(ctx.text)
    return line is not None and PAIR.match(ctx.text, line.end()) is not None


def _line_item(ctx: Context, money: Slot) -> bool:
    """A budget line: the sum in a bulleted item (△X 38억 원) or in parentheses after
    what it is for (‘X’(’25년 96억 원))."""
    before = ctx.text[:money.mention.start - ctx.sent.start_char]
    item = before.rfind("△"), before.rfind("▲"), before.rfind("*"), before.rfind("·")
    return max(item) > before.rfind(",") and max(item) >= 0 or \
        before.rfind("(") > before.rfind(")")


def _spends(ctx: Context, money: Slot) -> bool:
    """The sum is the object of an active verb of spending (N원을 투입한다, 들여), not a
    size or a passive line (N원이 투입된다, 사업비는 N원이다)."""
    after = ctx.text[money.mention.end - ctx.sent.start_char:]
    verbs = ctx.cues.pattern("verb_invest").pattern + "|" + ctx.cues.pattern("verb_allocate").pattern
    return re.match(rf"\s*(\([^()]*\))?\s*(을|를|씩)?\s*(\S+\s)?\S*?({verbs}|들여|들인)\S*",
                    after) is not None and not re.match(
        rf"\s*(\([^()]*\))?\s*(이|가|은|는)\s", after)


def _backers(ctx: Context, money: Slot) -> list[int]:
    """The bodies a sum comes from (B와 C로부터 N원): the one marked 로부터 and the list
    joined to it."""
    start = ctx.sent.start_char
    orgs = sorted((o for o in ctx.orgs if o.mention.end <= money.mention.start),
                  key=lambda o: o.mention.start)
    marked = next((k for k, o in enumerate(orgs) if re.match(
        rf"\s*(\([^()]*\))?\s*(등\s?으?)?({ctx.cues.pattern('from_particle').pattern})",
        ctx.text[o.mention.end - start:])), None)
    if marked is None:
        return []
    out = [orgs[marked].index]
    for k in range(marked - 1, -1, -1):
        gap = ctx.text[orgs[k].mention.end - start:orgs[k + 1].mention.start - start]
        if not re.fullmatch(r"\s*(\([^()]*\))?\s*(와|과|,|·|▲|△)\s*", gap):
            break
        out.append(orgs[k].index)
    return out


def _payer(ctx: Context, money: Slot) -> int | None:
    """Who pays a sum named by its source (ANNOTATION.md, "Investors"): 과기정통부 국비 48억
    원 (the body before it), 시비 24억 원 (the city), 도비 (the province), 자부담 (the
    subject), 국비 alone (the ministry named with it, else the national government)."""
    cues, start = ctx.cues, ctx.sent.start_char
    head = ctx.text[max(0, money.mention.start - start - 14):money.mention.start - start]
    sources = cues.mapping("fund_source")
    names = "|".join(sorted(sources, key=len, reverse=True))
    # (국비 16억원, 국비가 16억원, 16억원은 국비, 14억원은 시비다)
    m = re.search(rf"({names})(으로|로|가|이|는|은)?\s*$", head)
    # (22억원을 도비로 충당하고, 7억 원은 전액 시비로 마련했다: the source after the sum)
    after = None if m else re.match(
        rf"\s*(은|는|을|를)\s*(?:전액\s*)?({names})(이다|다|이며|이고|로|으로)?[\s,.]",
        ctx.text[money.mention.end - start:])
    if m is None and after is None:
        return _source_after(ctx, money)
    source = m.group(1) if m else after.group(2)
    at = money.mention.start - (len(head) - m.start()) if m else \
        money.mention.end + after.start(2)
    # 국비 itself stands for the national government (kg/rules/entities/government.py)
    standing = [o.index for o in ctx.orgs if o.mention.rule == "anaphor-funds"
                and o.mention.start == at]
    # 과기정통부 국비, 정부 출자금, 정부예산: the body named before the source or in it
    # (정부출연금 186억 원: the government inside the word stands for the ministry, below)
    named = [o for o in ctx.orgs if -len(source) <= at - o.mention.end <= 1
             and o.index not in standing
             and not (sources[source] == "national" and o.mention.end > at)]
    if named:
        return named[-1].index
    suffix = sources[source]
    ms = ctx.mentions
    if suffix == "self":
        return ctx.actor
    if suffix == "named":
        return None  # 출자금 with no body before it says nothing of who pays
    if suffix == "national":
        # the ministry named in this sentence, else the government (a ministry in the
        # sentence before runs the programme more often than it pays: 산업부가 추진하는
        # 사업이다. 시는 국비 488억 원에 …)
        # (… 투입…국민연금공단·산림청 등 수요기관 참여: bodies that join it, after it, pay none)
        join = ctx.cues.pattern("verb_join")
        here = [o.index for o in ctx.orgs if not (
            o.mention.start > money.mention.end and join.search(ctx.clause_of(o)))]
        here = [i for i in here if i not in standing and ms[i].rule != "anaphor-funds"
                and ctx.public_body(i) and ms[i].type == "Organization"
                and ctx.lex.group_of(ms[i].canonical or ms[i].text) == "central-government"]
        # … or the ministry that acted in the sentence before, when this one has no
        # subject of its own (과기정통부는 광주시를 선정했다. 국비 2,460억 원이 투입되는 사업으로)
        before = ctx.previous_actor
        if not here and ctx.subject is None and before is not None and \
                ctx.lex.group_of(ms[before].canonical or ms[before].text) == "central-government":
            here = [before]
        # … or the ministry of the sentence before that spoke of the same 국비 (행안부의 X
        # 공모에 뽑혀 국비를 확보했다. 이번 사업비는 국비 2억 원에 …)
        # (… or the one ministry the sentence before names: 도는 과기정통부의 ‘X’ 공모에
        # 선정됐다. 총사업비 96억원은 국비 48억원과 …; ANNOTATION.md, "Investors")
        if not here:
            named = {(m.canonical or m.text): i for i, m in enumerate(ms)
                     if m.sentence == money.mention.sentence - 1 and m.type == "Organization"
                     and m.rule != "anaphor-funds"
                     and ctx.lex.group_of(m.canonical or m.text) == "central-government"}
            here = list(named.values()) if len(named) == 1 else []
        inside = [o.index for o in ctx.orgs if at <= o.mention.start < at + len(source)]
        return here[0] if here else standing[0] if standing else inside[0] if inside else None
    found = _local_government(ctx, suffix)
    # (시비 20억 원 with no city named: not the sentence's actor either)
    return found if found is not None else UNKNOWN_PAYER


# a clause ending before the next one: 출자했고, 맡았으며, 늘었지만,
_CLAUSE_END = re.compile(r"[가-힣](고|며|지만|는데|면서),\s")


def _share(ctx: Context, money: Slot) -> int | None:
    """▲청람인베스트먼트(80억원) ▲IBK기업은행(50억원)이 참여했다, ▲산업은행(300억원) 등으로부터
    투자를 유치했다: the body a sum stands after, in parentheses, gives it, in a sentence of
    money given by bodies (not ▲A(10억원) ▲B(5억원)에 투자했다: they receive it)."""
    start = ctx.sent.start_char
    if not ctx.text[money.mention.end - start:].startswith(")") or \
            not ctx.cues.idiom("share_verb").search(ctx.text) or \
            ctx.cues.idiom("share_not").search(ctx.text):
        return None
    return next((o.index for o in ctx.orgs if re.fullmatch(
        r"\(\s*(약\s*)?", ctx.text[o.mention.end - start:money.mention.start - start])), None)


def _source_after(ctx: Context, money: Slot) -> int | None:
    """18억 원은 교육청 자체 예산으로, 12억 원은 교육부 특별교부금으로 마련됐다: the body
    whose money the sum is, named after it with its fund."""
    rest = ctx.text[money.mention.end - ctx.sent.start_char:]
    m = re.match(r"\s*(은|는|을|를)?\s+", rest)
    if m is None:
        return None
    at = money.mention.end + m.end()
    body = next((o for o in ctx.orgs if o.mention.start == at), None)
    if body is None:
        return None
    fund = re.match(rf"\s*(자체\s?)?({ctx.cues.pattern('fund_word').pattern})(으로|로)\s",
                    ctx.text[body.mention.end - ctx.sent.start_char:])
    return body.index if fund else None


def _region_government(ctx: Context, target: int) -> int:
    """Public money allocated to a region funds its government (ANNOTATION.md,
    "Investments"): 312억 원을 울산에 배정 -> 울산광역시, when the article names it."""
    if ctx.mentions[target].type != "Place":
        return target
    place = ctx.mentions[target].canonical or ctx.mentions[target].text
    return next((i for i, name in _local_governments_seen(ctx) if name.startswith(place)
                 and name[len(place):] in ctx.cues.local_suffix), target)


def _local_government(ctx: Context, suffix: str) -> int | None:
    """The local government named last whose name ends so (시 for 시비, 도 for 도비)."""
    return next((i for i, name in _local_governments_seen(ctx) if name.endswith(suffix)), None)


def _local_governments_seen(ctx: Context) -> Iterator[tuple[int, str]]:
    """The local governments named so far, last first, with their names."""
    for i in reversed(ctx.state.orgs_seen):
        name = ctx.mentions[i].canonical or ctx.mentions[i].text
        if ctx.lex.group_of(name) == "local-governments":
            yield i, name


def _co_payer(ctx: Context, money: Slot) -> int | None:
    """도비·시비 120억 원: the local government of the first of two sources written
    together before one sum (the second is the payer _payer finds)."""
    cues, start = ctx.cues, ctx.sent.start_char
    sources = cues.mapping("fund_source")
    names = "|".join(sorted(sources, key=len, reverse=True))
    m = re.search(rf"({names})\s*[·,]\s*({names})\s*$",
                  ctx.text[max(0, money.mention.start - start - 14):money.mention.start - start])
    suffix = sources.get(m.group(1)) if m else None
    if not suffix or suffix in ("self", "named", "national"):
        return None
    return _local_government(ctx, suffix)


def _listed_with(ctx: Context, target: int, money: Slot) -> list[int]:
    """A와 B 사업에 모두 1조 원이: the sum is for every member of the list its target ends."""
    slot = next((x for x in ctx.slots if x.index == target), None)
    if slot is None or not slot.role.startswith("dat"):  # (a target from the sentence before)
        return []
    sums = [y.mention.start for y in ctx.of_type("Investment") if y.index != money.index]
    # (▲보령시 6억 원 ▲당진시 5억5000만 원: a member with a sum of its own after it has its own)
    return [x.index for x in ctx.slots if x.role == "dat*" and x.index != target
            and x.mention.type == slot.mention.type and x.mention.end <= money.mention.start
            and not any(x.mention.end <= y < money.mention.start for y in sums)]


# 조달청 나라장터에 따르면 …: the source of the news, never what a sum is for
_SOURCE = re.compile(r"[’'”」)]?\s*(\S+\s)?\S*(에\s*따르면|에\s*의하면)")


_FUND_MADE = re.compile(r"\s*(\([^()]*\)\s*)?(규모(의|로)?\s*)?([^\s,.]+\s+){0,3}?['‘\"“]?[^\s,.]*"
                        r"(펀드|조합)[’'\"”]?(을|를|이|가)?\s*(조성|결성)")
_CONTRIBUTED = re.compile(r"출자|내려|내놓")


def _fund_size(ctx: Context, money: Slot) -> bool:
    """A fund's size, made up of what a sum before it in the sentence contributes (N원을
    출자해 M원 규모의 펀드를 조성한다; 출자금 N원을 바탕으로 M원 규모 펀드): the fund's
    total, which no one named here pays (ANNOTATION.md, "Investors")."""
    after = ctx.text[money.mention.end - ctx.sent.start_char:]
    if not _FUND_MADE.match(after):
        return False
    start = money.mention.start - ctx.sent.start_char
    return any(y.mention.end <= money.mention.start and _CONTRIBUTED.search(
        ctx.text[max(0, y.mention.start - ctx.sent.start_char - 4):start])
        for y in ctx.of_type("Investment"))


def _deal(ctx: Context, money: Slot) -> bool:
    """An investment deal a public body signs (투자협약, 투자 양해각서), or the money it
    attracts, said right before the sum (누적 투자유치 3조 원)."""
    lead = ctx.text[:money.mention.start - ctx.sent.start_char]
    # (…와 투자협약을 체결했다. 협약에 따르면 … 4900억 원을 투자해: the deal's terms, next)
    terms = re.match(r"\W*(?:이번\s|이날\s)?(?:협약|MOU|양해각서)에\s?따(?:라|르면)\s", ctx.text) \
        and ctx.cues.idiom("investment_deal").search(ctx.state.previous_text)
    return ctx.cues.idiom("investment_deal").search(ctx.text) is not None or bool(terms) or \
        re.search(rf"({ctx.cues.idiom('raise_money').pattern})\S{{0,2}}\s*$", lead) is not None


def _respective(ctx: Context, money: Slot, before: list[Slot]) -> int | None:
    """A와 B는 … 각각 5억원과 15억원을 투자한다: as many subjects as sums, the sums
    joined after 각각; the subject in the sum's place pays it."""
    sums = ctx.of_type("Investment")
    subjects = [o for o in before if o.role in ("subj", "subj*")]
    each = re.search(r"각각\s", ctx.text)
    if each is None or len(sums) < 2 or len(subjects) != len(sums):
        return None
    at = [(y.mention.start - ctx.sent.start_char, y.mention.end - ctx.sent.start_char)
          for y in sums]
    if at[0][0] < each.end() or not all(re.fullmatch(r"\S{0,3}(과|와|,)\s*", ctx.text[a[1]:b[0]])
                                        for a, b in zip(at, at[1:])):
        return None
    return subjects[sums.index(money)].index


def _target(ctx: Context, money: Slot) -> int | None:
    """What a sum is for, by the first of these that holds:
    X(383억원); 1억 달러 규모의 X; X에 383억원을; 383억원을 투입해 X를 (구축);
    X는 … 383억원 (the sentence's topic); the program the sentence before was about,
    when this one names none."""
    slots, text, sent, cues = ctx.slots, ctx.text, ctx.sent, ctx.cues
    m0, m1 = money.mention.start - sent.start_char, money.mention.end - sent.start_char
    rest = re.sub(r"^\s*\([^()]*\)", "", text[m1:])  # 3,000만 달러(약 420억 원)를 들여
    # (국비 N원: the word that pays is no target)
    targets = [x for x in slots if x.mention.type in _TARGETS and x.index != money.index
               and x.mention.rule != "anaphor-funds"
               and not _SOURCE.match(text[x.mention.end - sent.start_char:])
               and not (x.mention.end <= money.mention.start and ACCORDING.search(
                   text[x.mention.end - sent.start_char:m0]))]  # (in the source's clause)
    before = [x for x in targets if x.mention.end <= money.mention.start]
    after = [x for x in targets if x.mention.start >= money.mention.end]
    things = ("Program", "Initiative")
    opened = text.rfind("(", 0, m0)
    if opened != -1 and ")" not in text[opened:m0]:
        # X(383억원), ‘X’ 사업(총 345억 원): the name, or the name and its cue word
        cue = cues.pattern("program_cue").pattern
        named = [x for x in before if x.mention.end - sent.start_char <= opened and re.fullmatch(
            rf"\s?[’'”\"]?\s*(({cue})\s?)?", text[x.mention.end - sent.start_char:opened])]
        if named:
            return named[-1].index
        # 480억 원(국비 300억 원 포함): a part of the sum before goes where it goes
        whole = [y for y in slots if y.mention.type == "Investment"
                 and y.mention.end - sent.start_char == opened]
        if whole:
            return _target(ctx, whole[0])
    # ‘AI 바우처’ 예산이 450억원에 머문: the budget of the name before it
    budget = cues.pattern("budget_word").pattern
    # (‘AI 바우처 사업’의 올해 예산은 450억 원)
    owned = [x for x in before if x.mention.type in things and re.match(
        rf"[’'”\"]?\s*(의\s*(\S+\s)?)?({budget})", text[x.mention.end - sent.start_char:])
        and not re.search(r"[,.]", text[x.mention.end - sent.start_char:m0])]
    if owned:
        return owned[-1].index
    # (지역 AI 예산 가운데 광주 몫은 870억 원: the share of the region named before it)
    share = [x for x in before if x.mention.type in ("Place", "Organization") and re.fullmatch(
        r"(의)?\s*몫(은|는|이|으로)\s*(\S+\s)?", text[x.mention.end - sent.start_char:m0])]
    if share:
        return share[-1].index
    # ▲안산시 4억 2천만 원 ▲영도구 3억 5천만 원: an allocation list
    # (△‘전남 AI 컴퓨팅 허브’ 조성 480억 원: the work done on it may stand between)
    action = cues.pattern("program_action").pattern + "|" + cues.pattern("verb_run").pattern
    listed = [x for x in before if re.fullmatch(
        rf"[’'”」]?\s*(({action})\s*)?", text[x.mention.end - sent.start_char:m0])
        and re.search(r"(^|[,▲△·•]\s*|^\S+별\s?\S*(은|는)\s+)[‘'“「]?$",
                      text[:x.mention.start - sent.start_char])]  # (병원별 국비는 A N원, B N원)
    if listed:
        return listed[-1].index
    # (N원 규모의 X, N원 규모 X; not 펀드는 N원 규모로, 시가 …: an adverb, the next
    # clause's subject is no target)
    # (1770억원 규모의 대구 전산센터 클라우드 사업에 A가: the words after the sum name what
    # it is for, no name of ours; the body after them is not it, nor a body that only
    # qualifies them: KT 클라우드 리전을)
    scale = re.match(rf"\s*({cues.pattern('scale').pattern})의?\s", text[m1:])
    if scale and after and after[0].mention.type != "Organization":
        return after[0].index
    if scale and after:
        gap = text[m1 + scale.end():after[0].mention.start - sent.start_char]
        named = ctx.words[after[0].word].start <= after[0].mention.start
        return after[0].index if named and re.fullmatch(r"(\S{1,5}\s)?[‘'“\"「]?", gap) \
            else None
    # 총사업비 48억 원이 들어가는 ‘X’: the sum of a clause that describes the next name
    spent_on = _spent_on(ctx, money)
    if spent_on and after and after[0].mention.type in things and \
            after[0].mention.start - sent.start_char <= m1 + spent_on.end() + 1:
        return after[0].index
    # 이번 사업은 X 공모에 선정돼 …, 총 90억 원이 투입된다: a sum that is itself a subject
    # goes to the sentence's topic, not to what the topic was selected in
    topic = [x for x in before if x.mention.type in things and x.role == "subj"
             and ctx.words[x.word].tail.strip() in ("은", "는")]
    total = any(y.mention.type == "Investment" and y.role.startswith("subj")
                and y.mention.start >= money.mention.start for y in slots)
    if total and topic:  # (국비 45억 원과 시비 45억 원 등 총 90억 원이: each of them)
        return topic[0].index
    # ‘X’를 구축하는 데 2,000억 원을 투자한다: what the sum is spent on, named before it
    purpose = [x for x in before if x.mention.type in things and x.role.startswith("obj")
               and re.match(r"[’'”」]?\S{0,3}\s*\S*(하는|할)\s?데\s", text[x.mention.end - sent.start_char:])]
    if purpose:
        return purpose[-1].index
    # (과기정통부 국비 40억 원에: the particle is the sum's own, not the body's)
    # (시는 ‘X’에 선정돼 국비 6억 원을 받았다: X is the call the body won; the sum is
    # the body's, ANNOTATION.md "Investments")
    won = rf"[’'”」]?\s*(\S+\s)?\S*(에|에서)\s*(최종\s*)?({cues.pattern('passive_select').pattern})"
    # (A에 150억원, B 구축에 40억원을: a sum, a comma and another dative close A's item;
    # not A에 국비 30억원, 시비 20억원을)
    dative = [x for x in before if x.role.startswith("dat") and not any(
        y.mention.type == "Investment" and x.mention.end <= y.mention.start
        < ctx.words[x.word].end for y in slots)
        and not any(y.mention.type == "Investment" and x.mention.end <= y.mention.start
                    and re.search(r",\s.*\S에\s", text[y.mention.end - sent.start_char:m0])
                    for y in slots if y.mention.end <= money.mention.start)
        and not re.match(won, text[x.mention.end - sent.start_char:])]
    if dative:
        return dative[-1].index
    objects, verbs = cues.pattern("object_particle").pattern, cues.pattern("verb_invest").pattern
    spent = re.match(rf"\s*({objects}|씩)\s*(\S+\s)?\S*?({verbs}|출연|들여)", rest)
    if not spent and re.match(r"\s*씩", rest):  # 6억 원씩 총 18억 원을 공동 출연해
        spent = re.match(rf".{{0,20}}?({objects})\s*(\S+\s)?\S*?({verbs}|출연|들여)",
                         rest)
    built = [x for x in after if x.mention.type in things and x.role.startswith("obj")]
    if spent and built:
        return built[0].index
    # 1500억원을 출자하는 ‘X 펀드’에: the name the verb's relative clause describes
    if spent and after and after[0].mention.type in things and re.fullmatch(
            r"\S*(하는|한|할|된|되는)\s[‘'“\"]?", text[len(text) - len(rest) + spent.end():
                                                        after[0].mention.start - sent.start_char]):
        return after[0].index
    # A는 X 사업을 180억 원에 수주했다: the contract's value is the programme's
    if ctx.says("contract_won") and re.match(r"\s*에\s", rest):
        won = [x for x in before if x.mention.type in things and x.role.startswith("obj")]
        if won:
            return won[-1].index
    # 총 100억원을 ‘X’에 투입한다: the sum first, then where it goes and the verb
    if re.match(rf"\s*({objects})\s", rest):
        into = [x for x in after if x.role.startswith("dat") and re.match(
            rf"[’'”」]?\S{{0,3}}\s*\S*?({verbs}|{cues.pattern('verb_allocate').pattern})",
            text[x.mention.end - sent.start_char:])]
        if into:
            return into[0].index
    if re.match(r"\s*\)?\s*보다\s", rest):
        return None  # 이는 올해 예산(2,468억 원)보다 늘어난 규모다: a comparison's base
    topics = [x for x in targets if x.mention.type in things and x.role.startswith("subj")
              and not x.quoted]
    if topics:
        return topics[0].index
    if not any(x.mention.type in things for x in slots):
        # 이 가운데 국비 32억 원은 …: a part of the sum before goes where it goes
        last = ctx.state.extra.get("last_target")
        if last is not None and last[0] is not None and ctx.state.index - 1 <= last[1] and re.match(
                rf"\s*({cues.idiom('part_of_sum').pattern})\s", text):
            return last[0]
        # (선정된 운용사는 N원을 출자 받아, A와 B가 각각 N원을 출자한다: a sum put into a
        # fund goes to the fund the article is about)
        fund = ctx.fund_at_hand() if ctx.says("fund_talk") else None
        if fund is not None:
            return fund
        if ctx.previous_topic is not None:
            return ctx.previous_topic
        # 사업 규모는 62억 원, 투입분은 4억 원, 총 8조 원이 투입된다: the sum of the
        # program at hand
        # (… B가 84억 원에 수주했다: the contract for the programme at hand)
        # (… A와 62억원 규모의 구축 계약을 체결했다: the contract for it)
        if (ctx.says("budget_word") or ctx.says("verb_spend") or ctx.says("contract_won")
                or ctx.says("procurement")) \
                and ctx.state.programs_seen and \
                ctx.mentions[ctx.state.programs_seen[-1]].sentence >= ctx.state.index - 2:
            return ctx.state.programs_seen[-1]
        # 총사업비 96억원은 국비 48억원과 시비 48억원으로 마련됐다: the budget, as the
        # sentence's subject, of the article's one programme, however far back it was named
        if re.match(rf"\s*(?:\S+\s){{0,2}}?(?:{cues.idiom('budget_topic').pattern})"
                    rf"(?:는|은|\s*\S*원은)\s", text) and ctx.sole_program() is not None:
            return ctx.sole_program()
        # 이를 위해 시는 추경에 12억원을 편성했다: for the article's one programme
        this, purpose = cues.pattern("for_this").pattern, cues.pattern("purpose").pattern
        if re.match(rf"\s*\S{{0,4}}\s*({this})\s?({purpose})", text) and \
                ctx.sole_program() is not None and not ctx.orgs[1:]:
            return ctx.sole_program()
    return None
