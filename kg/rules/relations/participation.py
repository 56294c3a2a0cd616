"""Members joining a programme (이번 사업에는 A와 B도 참여한다; a consortium's members)
or the day's event (기업 9곳이 참여했다. NDS, … 등이 …)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.discourse import Context, in_scope
from kg.rules import Found, relation_rule
from kg.rules.entities.items import PAIR, PAIR_LINE
from kg.rules.relations.consortia import own_consortia
from kg.rules.relations.investments import TO_THE_SELECTED


EXAMPLES = [
    # (a list's items, up to the next line of the intro's own rank)
    ("□ ‘AI 돌봄 실증’ 사업의 선정 기업은 다음과 같다.\n ○ 네이버클라우드는 돌봄 로봇을 만든다.\n"
     " ○ KT클라우드는 관제 체계를 만든다.\n□ 한국과학기술정보연구원은 기술지원단을 꾸려 자문한다.",
     {("네이버클라우드", "participatesIn", "AI 돌봄 실증 사업"),
      ("KT클라우드", "participatesIn", "AI 돌봄 실증 사업")}),
    # (선정된 X에 … 지원한다: who gives to those selected takes no part)
    ("과기정통부는 ‘AI 안심 돌봄’ 과제로 ‘남해 AI·해양 융합 컨소시엄’과 ‘서해 AI 데이터 컨소시엄’ 등 "
     "2곳을 선정했다. 과기정통부는 선정된 두 컨소시엄에 해마다 20억 원씩 지원한다.",
     {("남해 AI·해양 융합 컨소시엄", "participatesIn", "AI 안심 돌봄"),
      ("서해 AI 데이터 컨소시엄", "participatesIn", "AI 안심 돌봄"),
      ("과학기술정보통신부", "operates", "AI 안심 돌봄")}),
    # (the bodies that run the task, in the clause before it, do not take part in it)
    ("KAIST는 과기정통부가 추진하고 IITP가 전담하는 ‘해양 재난 대응 AI’ 과제에 선정됐다.",
     {("한국과학기술원", "participatesIn", "해양 재난 대응 AI")}),
    # (the alliance, not its launch, is what a list joins: 얼라이언스에는 A, B, C가)
    ("‘부산 AI 얼라이언스 출범식’이 열렸다. 얼라이언스에는 네이버, 카카오, KT가 참여한다.", set()),
    # (a body named in a role of the programme at hand: 수요기관으로)
    ("행안부는 ‘AI 민원 분석’ 과제를 추진한다. 국세청이 수요기관으로 과제를 제안하고, NIA가 사업을 관리한다.",
     {("국세청", "participatesIn", "AI 민원 분석")}),
    ("행안부는 ‘AI 민원 분석’ 과제를 추진한다. 관세청과 조달청은 수요기관으로 데이터를 낸다.",
     {("관세청", "participatesIn", "AI 민원 분석"), ("조달청", "participatesIn", "AI 민원 분석")}),
    ("행안부는 ‘AI 민원 분석’ 과제를 추진한다. 수요기관으로는 아직 아무 곳도 정해지지 않았다.", set()),
    # (the body carried over, selected with no subject written: 지난해에는 ‘X’에 선정돼)
    ("솔트룩스는 새 모델을 만든다. 지난해에는 과학기술정보통신부의 ‘초거대 AI 실증’ 사업에 선정돼 자금을 "
     "지원받았다.", {("솔트룩스", "participatesIn", "초거대 AI 실증 사업")}),
    ("스타트업 누리웍스와 한빛메딕스는 ‘AI 의료혁신센터’에 입주했다.",
     {("누리웍스", "participatesIn", "AI 의료혁신센터"), ("한빛메딕스", "participatesIn", "AI 의료혁신센터")}),
    ("도가 ‘경북 AI 실증사업’에 착수한다. 사업 기간은 2년이다. 총사업비는 96억원이다. 시비는 포항시가 "
     "낸다. 공모에는 21곳이 몰렸다. 선정 기업과 과제는 ▲해솔AI(포항)-해안 쓰레기 탐지 ▲늘봄데이터(구미)-"
     "다국어 위기 감지이다.", {("해솔AI", "participatesIn", "경북 AI 실증사업"),
                         ("늘봄데이터", "participatesIn", "경북 AI 실증사업")}),
    ("주간 소식을 모았다.\n■ ‘2025 AI 해커톤’ 결선\n‘2025 AI 해커톤’ 결선이 열렸다.\n■ 수자원공사·업스테이지·"
     "충남대, 협약\n한국수자원공사와 업스테이지, 충남대가 공동연구에 참여했다.", set()),
    ("한국수자원공사는 업스테이지, 충남대와 3자 업무협약을 맺었다. 세 기관은 ‘하이드로 LLM 프로젝트’를 꾸려 "
     "모델을 내놓는다.", {("한국수자원공사", "participatesIn", "하이드로 LLM 프로젝트"),
                     ("업스테이지", "participatesIn", "하이드로 LLM 프로젝트"),
                     ("충남대학교", "participatesIn", "하이드로 LLM 프로젝트")}),
    ("세 기관은 모델을 꾸려 간다.", set()),
    ("‘2025 공공 AI 출범식’이 코엑스에서 열렸다. 이날 ‘공공 AI 얼라이언스’가 공식 출범했다. 네이버, 카카오, "
     "KT 등 30곳이 참여했다.", {("네이버", "participatesIn", "공공 AI 얼라이언스"),
                           ("카카오", "participatesIn", "공공 AI 얼라이언스"),
                           ("KT", "participatesIn", "공공 AI 얼라이언스")}),
    ("조달청은 ‘AI 민원 플랫폼 구축 사업’ 우선협상대상자로 한빛 컨소시엄을 뽑았다. 입찰에는 한빛 컨소시엄과 "
     "가온 컨소시엄이 참여했다.", {("조달청", "operates", "AI 민원 플랫폼 구축 사업"),
                            ("한빛 컨소시엄", "participatesIn", "AI 민원 플랫폼 구축 사업"),
                            ("한빛", "participatesIn", "AI 민원 플랫폼 구축 사업")}),
    ("‘AI 돌봄 실증사업’은 한국지능정보사회진흥원이 주관하고 솔트룩스, 마음AI가 참여한다.",
     {("솔트룩스", "participatesIn", "AI 돌봄 실증사업"), ("마음AI", "participatesIn", "AI 돌봄 실증사업")}),
    ("이번 공공 AX 사업에는 네이버와 카카오도 참여한다.",
     {("네이버", "participatesIn", "공공 AX 사업"), ("카카오", "participatesIn", "공공 AX 사업")}),
    ("데이터 인사이트 포럼이 열렸다. 네이버, 카카오, 삼성전자 등이 참여했다.",
     {("네이버", "participatesIn", "데이터 인사이트 포럼"),
      ("카카오", "participatesIn", "데이터 인사이트 포럼"),
      ("삼성전자", "participatesIn", "데이터 인사이트 포럼")}),
    ("가온소프트는 ‘AI 민원 상담 플랫폼 구축’ 사업을 수주했다.",
     {("가온소프트", "participatesIn", "AI 민원 상담 플랫폼 구축 사업")}),
    ("‘AI 실증 사업’이 시작됐다. 올해 시범사업에는 리벨리온과 퓨리오사AI 외에 누리칩스가 참여했다.",
     {("리벨리온", "participatesIn", "AI 실증 사업"), ("퓨리오사AI", "participatesIn", "AI 실증 사업"),
      ("누리칩스", "participatesIn", "AI 실증 사업")}),
    ("‘AI 바우처 사업’ 과제 38개를 선정했다. 주요 선정 과제는 다음과 같다.\n"
     "1) 부산항만공사 – 오션메트릭스: 물류 예측\n2) 국립해양조사원 – 한빛데이터랩: 조석 관측",
     {("부산항만공사", "participatesIn", "AI 바우처 사업"),
      ("오션메트릭스", "participatesIn", "AI 바우처 사업"),
      ("부산항만공사", "partnersWith", "오션메트릭스"), ("국립해양조사원", "partnersWith", "한빛데이터랩"),
      ("국립해양조사원", "participatesIn", "AI 바우처 사업"),
      ("한빛데이터랩", "participatesIn", "AI 바우처 사업")}),
    ("‘AI 바우처 사업’ 과제를 선정했다. 선정 과제는 다음과 같다.\n"
     "▲부산항만공사–오션메트릭스 ‘포트아이’: 물류 예측\n▲국립해양조사원–한빛데이터랩: 조석 관측",
     {("부산항만공사", "participatesIn", "AI 바우처 사업"),
      ("오션메트릭스", "participatesIn", "AI 바우처 사업"),
      ("부산항만공사", "partnersWith", "오션메트릭스"), ("국립해양조사원", "partnersWith", "한빛데이터랩"),
      ("오션메트릭스", "operates", "포트아이"), ("부산항만공사", "uses", "포트아이"),
      ("국립해양조사원", "participatesIn", "AI 바우처 사업"),
      ("한빛데이터랩", "participatesIn", "AI 바우처 사업")}),
    ("과기정통부는 ‘AI 바우처 사업’ 참여기업으로 KT, 카카오를 선정했다.",
     {("KT", "participatesIn", "AI 바우처 사업"), ("카카오", "participatesIn", "AI 바우처 사업"),
      ("과학기술정보통신부", "operates", "AI 바우처 사업")}),
    ("조달청은 ‘AI 계약 검토 시스템’ 구축 사업 우선협상대상자로 KT를 선정했다.",
     {("KT", "participatesIn", "AI 계약 검토 시스템 구축 사업"),
      ("조달청", "operates", "AI 계약 검토 시스템 구축 사업")}),
    ("‘AI 바우처 사업’의 수행기관으로 LG CNS가 선정됐다.",
     {("LG CNS", "participatesIn", "AI 바우처 사업")}),
    ("‘AI 신호 사업’은 국토부의 ‘ITS 지원사업’ 공모에 선정됐다. 시는 ETRI와 협력해 모델을 "
     "개발한다. 시스템 구축은 KT가 맡으며 누리소프트가 참여했다.",
     {("KT", "participatesIn", "AI 신호 사업"), ("누리소프트", "participatesIn", "AI 신호 사업")}),
    ("삼성SDS, 국방부 ‘AI 지휘체계 구축 사업’ 수주", {("삼성SDS", "participatesIn", "AI 지휘체계 구축 사업")}),
    ("‘부산 AI 얼라이언스’ 창립 회원에는 부산대학교와 한국해양대학교 같은 대학이 이름을 올렸다.",
     {("부산대학교", "participatesIn", "부산 AI 얼라이언스"),
      ("국립한국해양대학교", "participatesIn", "부산 AI 얼라이언스")}),
    ("‘부산 AI 얼라이언스’가 출범했다. 기업 중에서는 네이버클라우드와 KT가 합류했다.",
     {("네이버클라우드", "participatesIn", "부산 AI 얼라이언스"), ("KT", "participatesIn", "부산 AI 얼라이언스")}),
    ("본사에서 만난 정유나 보담AI 대표는 공공 시장을 말했다.\n\nQ. 성과는.\n\n"
     "A. LH의 ‘청약 상담 AI 콜봇 구축 사업’을 주관사로 수주한 것입니다.",
     {("보담AI", "participatesIn", "청약 상담 AI 콜봇 구축 사업")}),
    ("‘부산 AI 얼라이언스’ 회원에는 부산대학교가 이름을 올렸다. 기업 중에서는 KT가 참여했다.",
     {("부산대학교", "participatesIn", "부산 AI 얼라이언스"), ("KT", "participatesIn", "부산 AI 얼라이언스")}),
    ("‘AI 바우처 사업’ 공모가 시작됐다. 보담AI는 120억 원 규모의 투자를 유치했다. 이번 투자에는 "
     "KB인베스트먼트와 카카오벤처스가 참여했다.", set()),
    ("협회는 새 회장을 뽑았다.", set()),
    ("창원시는 ‘창원 제조 AI 포럼’을 연다. 두산에너빌리티와 한화에어로스페이스 등 지역 기업 30여 곳이 참가해 "
     "사례를 발표한다.", {("두산에너빌리티", "participatesIn", "창원 제조 AI 포럼"),
                      ("한화에어로스페이스", "participatesIn", "창원 제조 AI 포럼")}),
    ("복지부는 ‘공공병원 AI 의무기록 지원사업’을 시작한다. 국비 24억 원을 투입한다. 첫 참여 병원은 서울의료원과 "
     "대구의료원 등 두 곳이다.", {("서울의료원", "participatesIn", "공공병원 AI 의무기록 지원사업"),
                          ("대구의료원", "participatesIn", "공공병원 AI 의무기록 지원사업")}),
    ("복지부는 ‘공공병원 AI 의무기록 지원사업’을 시작한다. 국비 24억 원을 투입한다. 총괄은 국립중앙의료원이 "
     "맡는다. 기술 파트너로는 솔트룩스와 네이버클라우드가 함께한다.",
     {("솔트룩스", "participatesIn", "공공병원 AI 의무기록 지원사업"),
      ("네이버클라우드", "participatesIn", "공공병원 AI 의무기록 지원사업")}),
    ("첫 참여 병원의 의사들은 모두 내과 전문의다.", set()),
    ("NIPA는 네이버·카카오·KT 세 기업을 ‘AI 현장적용 지원사업’ 과제로 선정했다.",
     {("네이버", "participatesIn", "AI 현장적용 지원사업"), ("카카오", "participatesIn", "AI 현장적용 지원사업"),
      ("KT", "participatesIn", "AI 현장적용 지원사업"), ("정보통신산업진흥원", "operates", "AI 현장적용 지원사업")}),
    ("시는 ‘AI 돌봄 실증사업’을 시작했다. 이 사업의 돌봄 로봇 공급사로는 솔트룩스, 네이버 2곳이 선정됐다.",
     {("솔트룩스", "participatesIn", "AI 돌봄 실증사업"), ("네이버", "participatesIn", "AI 돌봄 실증사업")}),
    ("서울의료원은 대구의료원, 부산의료원과 함께 ‘AI 진료지원 실증사업’의 실증기관으로 선정됐다.",
     {("서울의료원", "participatesIn", "AI 진료지원 실증사업"), ("대구의료원", "participatesIn", "AI 진료지원 실증사업"),
      ("부산의료원", "participatesIn", "AI 진료지원 실증사업")}),
    ("솔트룩스는 네이버와 함께 ‘AI 바우처 사업’에 참여한다.",
     {("솔트룩스", "participatesIn", "AI 바우처 사업"), ("네이버", "participatesIn", "AI 바우처 사업")}),
    ("솔트룩스는 네이버와 함께 ‘AI 바우처 사업’ 공모에서 탈락했다.", set()),
    ("‘AI 서밋’이 열렸다. ‘AI 바우처 사업’에는 네이버, 카카오, KT가 참여한다.",
     {("네이버", "participatesIn", "AI 바우처 사업"), ("카카오", "participatesIn", "AI 바우처 사업"),
      ("KT", "participatesIn", "AI 바우처 사업")}),
    ("경상남도는 과학기술정보통신부의 ‘지역 AI 행정혁신 선도사업’에 선정돼 AI 비서를 만든다.",
     {("경상남도", "participatesIn", "지역 AI 행정혁신 선도사업")}),
    ("청주시는 국토교통부 ‘ITS 실증 지원사업’에 최종 선정됐다고 밝혔다.",
     {("청주시", "participatesIn", "ITS 실증 지원사업")}),
    ("청주시는 ‘ITS 실증 지원사업’ 공모에서 탈락했다.", set()),
    ("청주시는 교통 실증을 준비했다. 시는 국토교통부의 ‘ITS 실증 지원사업’에 선정됐다.",
     {("청주시", "participatesIn", "ITS 실증 지원사업")}),
    ("청주시가 ‘AI 교차로 실증사업’ 참여기업으로 누리모빌리티㈜와 ㈜세움아이티, 청람데이터 등 3곳을 확정했다.",
     {("누리모빌리티", "participatesIn", "AI 교차로 실증사업"),
      ("세움아이티", "participatesIn", "AI 교차로 실증사업"),
      ("청람데이터", "participatesIn", "AI 교차로 실증사업"),
      ("청주시", "operates", "AI 교차로 실증사업")}),
    ("청주시가 ‘AI 교차로 실증사업’ 참여기업으로 누리모빌리티와 청람데이터를 확정했다.",
     {("누리모빌리티", "participatesIn", "AI 교차로 실증사업"),
      ("청람데이터", "participatesIn", "AI 교차로 실증사업"),
      ("청주시", "operates", "AI 교차로 실증사업")}),
    ("누리소프트와 한결로보틱스는 AICA가 운영하는 ‘AI 실증 오픈랩’ 참여 기업으로도 선정돼 GPU를 쓴다.",
     {("누리소프트", "participatesIn", "AI 실증 오픈랩"), ("한결로보틱스", "participatesIn", "AI 실증 오픈랩")}),
    ("솔트룩스는 ‘공공 AI 실증’의 공급기업으로 참여한다.",
     {("솔트룩스", "participatesIn", "공공 AI 실증")}),
    ("행정안전부의 ‘AI 민원 상담 고도화 사업’(42억 원)은 솔트룩스가 단독으로 따냈다.",
     {("솔트룩스", "participatesIn", "AI 민원 상담 고도화 사업")}),
    ("부산시는 ‘AI 민원비서 구축사업’을 발주했고, 누리웍스가 사업을 따냈다.",
     {("누리웍스", "participatesIn", "AI 민원비서 구축사업")}),
    ("가장 큰 사업은 ‘AI 세무 챗봇 구축 사업’이다. 다온랩스가 50억 원에 수주했다.",
     {("다온랩스", "participatesIn", "AI 세무 챗봇 구축 사업")}),
    ("‘AI 세무 챗봇 구축 사업’은 국세청이 발주했다.", set()),
    ("‘AI 응급의료 안심망’의 병원 실증에는 서울의료원과 대구의료원이 참여합니다.",
     {("서울의료원", "participatesIn", "AI 응급의료 안심망"), ("대구의료원", "participatesIn", "AI 응급의료 안심망")}),
    ("‘AI 응급의료 안심망’의 병원들은 서울의료원과 협력한다.", set()),
    ("‘K-공공AI 얼라이언스’가 15일 공식 출범했다. 회원사는 솔트룩스, 누리웍스, 다온랩스 등 45개사다.",
     {("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"), ("누리웍스", "participatesIn", "K-공공AI 얼라이언스"),
      ("다온랩스", "participatesIn", "K-공공AI 얼라이언스")}),
    ("‘K-공공AI 얼라이언스’는 솔트룩스, 누리웍스 등 12개 기업과 서울대학교 등 3개 대학으로 구성됐다.",
     {("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"), ("누리웍스", "participatesIn", "K-공공AI 얼라이언스"),
      ("서울대학교", "participatesIn", "K-공공AI 얼라이언스")}),
    ("‘AI 돌봄 실증사업’이 시작됐다. 컨소시엄은 솔트룩스와 다온랩스로 이뤄졌다.",
     {("솔트룩스", "participatesIn", "AI 돌봄 실증사업"), ("다온랩스", "participatesIn", "AI 돌봄 실증사업")}),
    ("솔트룩스는 누리웍스와 팀을 구성했다.", set()),
    ("‘K-공공AI 얼라이언스’가 출범했다. 출범 회원은 다음과 같다.\n△공공: 한국지능정보사회진흥원\n"
     "△기업: 솔트룩스, 누리웍스", {("한국지능정보사회진흥원", "participatesIn", "K-공공AI 얼라이언스"),
                           ("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"),
                           ("누리웍스", "participatesIn", "K-공공AI 얼라이언스")}),
    ("솔트룩스, 누리웍스 등 20개 기업·기관이 참여하는 ‘K-공공AI 얼라이언스’가 출범했다.",
     {("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"), ("누리웍스", "participatesIn", "K-공공AI 얼라이언스")}),
    ("‘K-공공AI 얼라이언스’에 참여한 기업은 솔트룩스, 누리웍스 등이다.",
     {("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"), ("누리웍스", "participatesIn", "K-공공AI 얼라이언스")}),
    ("솔트룩스가 운영하는 ‘K-공공AI 얼라이언스’가 출범했다.", set()),
    ("한국지능정보사회진흥원은 솔트룩스, 누리웍스 등과 함께 ‘K-공공AI 얼라이언스’를 결성했다.",
     {("한국지능정보사회진흥원", "participatesIn", "K-공공AI 얼라이언스"),
      ("솔트룩스", "participatesIn", "K-공공AI 얼라이언스"), ("누리웍스", "participatesIn", "K-공공AI 얼라이언스")}),
    ("광주시, ‘AI 실증 바우처’ 9개 과제 선정\n광주시는 ‘2026 광주 AI 실증 바우처 지원사업’ 공모 결과를 "
     "밝혔다. 사업비는 18억원이다. 공모에는 41개 과제가 접수됐다. 시는 과제를 골랐다. 공급기업으로는 솔트룩스와 "
     "누리웍스가 이름을 올렸다.", {("솔트룩스", "participatesIn", "2026 광주 AI 실증 바우처 지원사업"),
                           ("누리웍스", "participatesIn", "2026 광주 AI 실증 바우처 지원사업")}),
    ("한국전자통신연구원은 부산대, 누리웍스와 업무협약을 맺었다. 세 기관은 ‘K-메디보이스’ 프로젝트를 통해 AI를 "
     "공동 개발한다.", {("한국전자통신연구원", "participatesIn", "K-메디보이스 프로젝트"),
                    ("부산대학교", "participatesIn", "K-메디보이스 프로젝트"),
                    ("누리웍스", "participatesIn", "K-메디보이스 프로젝트")}),
    ("가람정보는 ‘AI 민원 플랫폼 사업’ 수주에 실패했다. LG CNS는 ‘AI 돌봄 사업’ 수주전에 뛰어들었다.", set()),
    ("차 대표는 ‘민원봇’을 경기도교육청과 김해시가 쓰고 있다며 “중소기업도 ‘공공 AI 선도 프로젝트’에 "
     "참여할 수 있게 해 달라”고 요청했다.", set()),
]


def _program_at_hand(ctx: Context) -> int | None:
    """The program the last two sentences were about: their topic, else the last named."""
    if ctx.previous_topic is not None:
        return ctx.previous_topic
    # 이번 사업은 X 공모에 선정돼 …. 시는 …. 구축은 A가 맡는다: the topic, not X
    # (an alliance is joined as a programme is: 얼라이언스가 출범했다. … A, B가 합류했다)
    topics = [i for i in ctx.state.topics if ctx.mentions[i].sentence >= ctx.state.index - 2
              and (ctx.mentions[i].type == "Program" or ctx.mentions[i].text.endswith(
                  tuple(ctx.cues.alliance_cue)))]
    if topics:
        return topics[-1]
    recent = [i for i in ctx.state.programs_seen
              if ctx.mentions[i].sentence >= ctx.state.index - 2]
    if recent:
        return recent[-1]
    # ‘X 얼라이언스’ 회원에는 …. 기업 중에서는 A, B가 참여했다: the alliance just named
    alliances = [i for i, m in enumerate(ctx.mentions)
                 if ctx.state.index - 2 <= m.sentence < ctx.state.index
                 and m.type == "Initiative" and m.text.endswith(tuple(ctx.cues.alliance_cue))]
    return alliances[-1] if alliances else None


def _winners(ctx: Context) -> Iterator[Found]:
    """X가 Y 사업을 수주했다 / 낙찰받았다: the winner takes part in the program."""
    if not ctx.says("contract_won") or ctx.says("lose") or ctx.says("negation") \
            or ctx.says("failed") or not ctx.cues.pattern("contract_won").search(
                ctx.cues.idiom("bid_race").sub(" ", ctx.text)):
        return  # (수주에 실패했다, 수주전에 뛰어들었다: no contract won)
    # (조달청은 ‘X’ 입찰 결과 A를 우선협상대상자로 선정했다: who selects wins nothing)
    selecting = ctx.says("verb_select") and not (ctx.says("passive_select")
                                                 or ctx.says("passive_ending"))
    won = ctx.cues.pattern("contract_won")
    # (시는 ‘X’를 발주했고, A가 사업을 따냈다: the winner is a subject of the clause that wins)
    winners = [o for o in ctx.orgs if o.role in ("subj", "subj*") and not o.quoted
               and won.search(ctx.clause_of(o)) and not selecting]
    found = False
    for x in ctx.things:
        # (a headline drops the particle: 삼성SDS, 국방부 ‘X’ 사업 수주)
        headline = x.role == "" and re.match(rf"[’'”」]?\s*({won.pattern})",
                                            ctx.text[x.mention.end - ctx.sent.start_char:])
        # (‘X 사업’은 A가 따냈다: the programme is the topic, the winner the later subject)
        topic = x.role == "subj" and re.match(
            r"[’'”」]?\s*(\([^)]*\))?\s*(은|는)\s", ctx.text[x.mention.end - ctx.sent.start_char:])
        if x.mention.type not in ("Program", "Initiative") or not (
                x.role.startswith("obj") or headline or topic):
            continue
        found = True
        subjects = [o.index for o in winners if (o.mention.start >= x.mention.end if topic
                                                 else o.mention.end <= x.mention.start)]
        if not subjects and not topic and not won.search(ctx.clause_of(x)):
            # (시는 ‘X’를 발주했고, A가 사업을 따냈다)
            subjects = [o.index for o in winners if o.mention.start >= x.mention.end]
        # (A. …'X 사업'을 주관사로 수주한 것입니다: the company that speaks or goes on)
        carried = ctx.actor if not subjects and ctx.actor is not None and \
            ctx.mentions[ctx.actor].type == "Organization" and \
            not any(o.role.startswith("subj") for o in ctx.orgs) else None
        for o in subjects or ([carried] if carried is not None else []):
            yield Found(o, "participatesIn", x.index, "participation.won")
    # (가장 큰 사업은 ‘X’다. A가 84억 원에 수주했다: the programme just named is won)
    if found or not winners or any(o.role.startswith("obj") for o in ctx.orgs):
        return
    before = {i for i in ctx.state.programs_seen
              if ctx.mentions[i].sentence == ctx.state.index - 1}
    at_hand = ctx.previous_topic if ctx.previous_topic is not None else (
        before.pop() if len(before) == 1 else None)
    for o in winners if at_hand is not None else []:
        yield Found(o.index, "participatesIn", at_hand, "participation.won")


_SELECTING = re.compile(r"선정(됐|되|돼|했|하|해|된다)")


def _joining(ctx: Context, join: bool = True) -> list:
    """Organisations that join: subjects of 참여 (not 참여하지 않았다), objects of 선정/선발
    (subjects when passive: 선정됐다), never the one who selects."""
    out = []
    # (입찰에는 A와 B가 참여했다: bidders, of whom one may win, take part in nothing yet)
    bidding = ctx.says("bid") and not ctx.says("win")
    # (첫 참여 병원은 A와 B, C 등 세 곳이다: the copula names those who take part)
    topic = re.match(rf"\s*(\S+\s)?({ctx.cues.pattern('participant_topic').pattern})\s?\S{{1,4}}"
                     r"(은|는)\s", ctx.text)
    if topic and any(o.role.startswith("pred") for o in ctx.orgs):
        out += [o for o in ctx.orgs if o.role.startswith(("pred", "conj")) and not o.quoted]
    if join and ctx.says("verb_join") and not ctx.says("negation") and not bidding:
        out += [o for o in ctx.orgs if o.role.startswith(("subj", "conj")) and not o.quoted
                and o.role != "conj" or o.role == "conj" and _listed_with_subject(ctx, o)]
    # (경찰청과 소방청은 수요기관으로 참여해, A가 수요기관으로 과제를 제안하고: the
    # subjects named in a role of the programme)
    role = ctx.cues.idiom("participant_as").search(ctx.text)
    if role and not ctx.says("negation"):
        span = ctx.clause_span(role.start())
        out += [o for o in ctx.orgs if o.role.startswith(("subj", "conj")) and not o.quoted
                and span[0] <= o.mention.start - ctx.sent.start_char < role.start()]
    # (A는 선정된 두 컨소시엄에 20억 원씩 지원한다: A gives to those selected before)
    giving = TO_THE_SELECTED.search(ctx.text) and not _SELECTING.search(ctx.text)
    if ctx.says("verb_select") and not ctx.says("lose") and not giving:
        passive = ctx.says("passive_ending") or ctx.says("passive_select")
        roles = ("subj", "conj", "pred") if passive else ("obj", "conj", "pred")
        out += [o for o in ctx.orgs if o.role.startswith(roles) and not o.quoted
                and (o.index != ctx.actor or passive and o.role.startswith("subj"))]
    if out:
        out += companions(ctx)
    seen, kept = set(), []
    for o in out:
        if o.index not in seen and o.mention.type == "Organization":
            seen.add(o.index)
            kept.append(o)
    return kept


def companions(ctx: Context) -> list:
    """A는 B, C와 함께 선정됐다 / 참여한다: those the subject acts together with."""
    together = ctx.cues.pattern("together").pattern
    return [o for o in ctx.orgs if o.role.startswith("dat") and not o.quoted and re.match(
        rf"(\s*(\([^)]*\))?[,·]\s*[^,·\s]+){{0,4}}?\s*(\([^)]*\))?(\s?등)?(와|과)\s+({together})",
        ctx.text[o.mention.end - ctx.sent.start_char:])]


def _listed_with_subject(ctx: Context, o) -> bool:
    return any(x.role.startswith("subj") for x in ctx.orgs if x.mention.start > o.mention.start)


_COUNTED = re.compile(r"다음\s+(\S{1,3}\s?)?(곳|개사|개 기관|개 기업|개 팀|개 과제|명)")
_ITEM = re.compile(r"\s*(\d{1,2}[).]|\(\d{1,2}\)|[-–·•▲△○●■□◆◇ㅇ]|[가-하][.)])\s*")
_BULLET = re.compile(r"\s*[▲△○●■□◆◇ㅇ]\s")  # (a rank of a press release's outline)


def _listed(ctx: Context) -> Iterator[Found]:
    """주요 선정 과제는 다음과 같다. 1) A – B … 2) C – D …: the organisations of each
    listed line take part in the programme at hand."""
    state = ctx.state
    intro = ctx.says("list_intro") or _COUNTED.search(ctx.text)  # 다음 세 곳이 선정됐다
    # (출범 회원은 다음과 같다: those listed are its members)
    members = ctx.cues.regex(r"\s*(\S+\s)?({participant_topic})\S{{0,4}}\s?\S{{0,4}}(은|는)\s"
                             ).match(ctx.text)
    if intro and (ctx.says("verb_select") or ctx.says("verb_join") or members):
        named = [x.index for x in ctx.things if x.mention.type == "Program"]
        at_hand = named[-1] if named else _program_at_hand(ctx)
        if at_hand is None and state.programs_seen:
            at_hand = state.programs_seen[-1]
        state.extra["listing"] = at_hand
        state.extra["listed"] = []
        # (□ 선정 결과는 다음과 같다. ○ A … ○ B … □ …: the next line of the intro's own
        # rank ends the list)
        state.extra["listing_rank"] = ctx.text.lstrip()[:1] if _BULLET.match(ctx.text) else None
    elif "listing" in state.extra and _BULLET.match(ctx.text) and \
            ctx.text.lstrip()[:1] == state.extra.get("listing_rank"):
        state.extra.pop("listing", None)
    elif "listing" in state.extra and _ITEM.match(ctx.text):
        # (▲수요기업–공급기업: 과제: the pair works together on it)
        line = PAIR_LINE.match(ctx.text)
        pair = PAIR.match(ctx.text, line.end()) if line is not None else None
        if pair and len(ctx.orgs) >= 2:
            yield Found(ctx.orgs[0].index, "partnersWith", ctx.orgs[1].index,
                        "participation.pair")
            # (▲A–B ‘솔루션’: 과제: B's product, which A takes up)
            for x in ctx.things:
                if pair.group(3) and x.mention.type == "Product" and \
                        x.mention.start - ctx.sent.start_char == pair.start(3):
                    yield Found(ctx.orgs[1].index, "operates", x.index, "participation.pair")
                    yield Found(ctx.orgs[0].index, "uses", x.index, "participation.pair")
        for o in ctx.orgs:
            if not o.quoted:
                state.extra.setdefault("listed", []).append(o.index)  # (investments.py)
                if state.extra["listing"] is not None:
                    yield Found(o.index, "participatesIn", state.extra["listing"],
                                "participation.listed")
    else:
        state.extra.pop("listing", None)


def selected_for(ctx: Context) -> list:
    """The programmes the sentence selects bodies for, by the role it names:
    ‘X’ 참여기업으로 A를 선정, X의 수행기관으로 A가 선정됐다, A가 X 공급기업으로 선정됐다."""
    if not (ctx.says("verb_select") or ctx.says("verb_join")) or ctx.says("lose") or \
            ctx.says("negation"):
        return []  # (X의 공급기업으로 참여한다: joining in a named role is the same)
    roles = ctx.cues.pattern("selected_as").pattern
    return [x for x in ctx.things if x.mention.type in ("Program", "Initiative") and re.match(
        rf"[’'”」]?\s*(의\s*)?(\S{{0,6}}\s){{0,2}}\S{{0,4}}({roles})\s?(으로|로)(도|는)?(\s|$)",
        ctx.text[x.mention.end - ctx.sent.start_char:])]


def _selected(ctx: Context) -> Iterator[Found]:
    """Bodies selected in a role of a programme take part in it; who selects runs it."""
    things = selected_for(ctx)
    if not things:
        return
    # (참여기업으로 선정: 참여 names the role, the one selected joins)
    joined = _joining(ctx, join=not ctx.says("verb_select"))
    for x in things:
        for o in joined:
            yield Found(o.index, "participatesIn", x.index, "participation.selected-as")
        actor = ctx.actor
        if actor is not None and all(o.index != actor for o in joined) and \
                ctx.public_body(actor) and not (ctx.says("passive_select") and ctx.subject is None):
            yield Found(actor, "operates", x.index, "participation.selector")


@relation_rule("participation", priority=7, examples=EXAMPLES)
def participation(ctx: Context) -> Iterator[Found]:
    state, orgs = ctx.state, ctx.orgs
    yield from _winners(ctx)
    selected = list(_selected(ctx))
    yield from selected
    yield from _listed(ctx)
    # (A는 B의 ‘X’에 참여한다; A는 ‘X’ 공모에 선정돼: a body chosen for a programme)
    if ctx.says("verb_join") or ctx.says("passive_select") and not ctx.says("lose") \
            and not ctx.says("negation"):
        chosen = {f.object for f in selected if f.predicate == "participatesIn"}
        # (A는 B가 추진하고 C가 전담하는 ‘X’ 과제에 선정됐다: B and C run X, A takes part)
        runs = re.compile(rf"(이|가)\s+(\S+\s)?\S*({ctx.cues.pattern('verb_run').pattern}|전담|발주)")
        subjects = [o.index for o in orgs if o.role.startswith("subj") and not o.quoted
                    and not runs.match(ctx.text, o.mention.end - ctx.sent.start_char)]
        if subjects:
            subjects += [o.index for o in companions(ctx)]  # A는 B와 함께 ‘X’에 참여한다
        if not subjects and ctx.actor is not None and ctx.speaker and \
                ctx.mentions[ctx.actor].type == "Organization":
            subjects = [ctx.actor]  # A. 'X 사업'에 공급기업으로 참여해: the speaker's company
        elif not subjects and ctx.subject is not None and \
                ctx.mentions[ctx.subject].type == "Organization":
            subjects = [ctx.subject]  # 시는 ‘X’에 선정돼: the body the sentence names so
        elif not subjects and ctx.group:
            subjects = list(ctx.group)  # 이들 기업은 ‘X’에 선정돼
        elif not subjects and ctx.actor is not None and ctx.says("passive_select") and \
                ctx.mentions[ctx.actor].type == "Organization" and \
                not any(o.role.startswith(("subj", "relsubj")) for o in orgs):
            subjects = [ctx.actor]  # (A는 …. 지난해에는 ‘X’에 선정돼: the body carried over)
        speaking = [ctx.actor] if ctx.speaker and ctx.actor is not None and \
            ctx.mentions[ctx.actor].type == "Organization" else []
        join_verb = ctx.cues.pattern("verb_join").pattern
        for x in ctx.things:
            # (A, B 등 20곳이 참여하는 ‘X 얼라이언스’가 출범했다: the joiners of a relative clause)
            if x.mention.type in ("Program", "Initiative") and re.search(
                    rf"({join_verb})\S{{0,2}}(하는|한|할)\s*[‘'“「]?$",
                    ctx.text[:x.mention.start - ctx.sent.start_char]):
                for o in orgs:
                    if o.role.startswith("subj") and not o.quoted and \
                            o.mention.end <= x.mention.start and x.index not in chosen:
                        yield Found(o.index, "participatesIn", x.index, "participation.relative")
            # (‘X’의 병원 실증에는 A와 B가 참여한다: a part of the programme is the programme)
            part = x.role == "gen" and re.match(
                r"[’'”」]?\s*의\s+(\S+\s)?\S+(에는|에도)\s",
                ctx.text[x.mention.end - ctx.sent.start_char:])
            if x.mention.type in ("Program", "Initiative") and (
                    x.role.startswith(("dat", "loc")) or part):
                # (A와 B가 쓰고 있다며 “중소기업도 X에 참여하게 해 달라”고 했다: the quoted
                # words have their own subject; only the speaker's body is theirs)
                who = speaking if x.quoted else subjects
                if not who and re.match(rf"[’'”」]?\s*에\s*({join_verb})\S*\s+(\S+\s)?\S+(은|는)\s",
                                        ctx.text[x.mention.end - ctx.sent.start_char:]):
                    # (‘X’에 참여한 기업은 A, B 등이다: the copula names them)
                    who = [o.index for o in orgs if o.role.startswith("pred") and not o.quoted]
                for o in who:
                    if x.index not in chosen:
                        yield Found(o, "participatesIn", x.index, "participation.program")
            elif x.mention.type in ("Program", "Initiative") and x.role == "subj" and \
                    not ctx.says("negation"):
                # ‘X’는 A가 주관하고 B, C가 참여한다: the subjects of the joining clause
                join = ctx.cues.pattern("verb_join")
                other = re.compile(ctx.cues.pattern("verb_run").pattern + "|"
                                   + ctx.cues.pattern("verb_organize").pattern)
                for o in orgs:
                    rest = ctx.text[o.mention.end - ctx.sent.start_char:]
                    verb = join.search(rest)
                    # (not A가 주관하고: the subject of another verb before the joining)
                    if o.role.startswith("subj") and not o.quoted and verb and \
                            o.mention.start > x.mention.end and not other.search(rest[:verb.start()]):
                        yield Found(o.index, "participatesIn", x.index, "participation.topic")
    # (‘X 얼라이언스’는 A, B 등 12개 기업과 C로 구성됐다: its members take part in it)
    composed = ctx.says("composed_of")
    if composed and not ctx.says("negation"):
        named = [x.index for x in ctx.things if x.mention.type in ("Program", "Initiative")
                 and x.role.startswith("subj")]
        if named:
            target = named[0]
        elif any(o.role.startswith("subj") for o in orgs):
            target = None  # (솔트룩스는 누리웍스와 팀을 구성했다: a body composes, not a programme)
        else:
            target = _program_at_hand(ctx)
        at = ctx.sent.start_char + composed.start()
        for o in orgs if target is not None else []:
            if o.role.startswith(("dat", "conj")) and not o.quoted and o.mention.end <= at:
                yield Found(o.index, "participatesIn", target, "participation.composed")
    # 세 기관은 ‘X 프로젝트’를 꾸려: the bodies that agreed together take part in it
    # (A는 B, C 등과 함께 ‘X’를 결성했다: the subject and its companions)
    fellows = companions(ctx)
    founders = list(ctx.group) or ([o.index for o in orgs if o.role.startswith("subj")
                                    and not o.quoted] + [o.index for o in fellows]
                                   if fellows else [])
    for x in ctx.things if founders else []:
        # (네 기관은 ‘X’ 프로젝트를 통해 AI를 공동 개발한다: a group's joint work goes through X)
        through = ctx.group and ctx.says("jointly") and re.match(
            r"[’'”」]?\s*(\S{1,5}\s)?(을|를)\s*통해", ctx.text[x.mention.end - ctx.sent.start_char:])
        if x.mention.type in ("Program", "Initiative") and x.role.startswith("obj") and (
                ctx.says("form_together") or through):
            for o in founders:
                yield Found(o, "participatesIn", x.index, "participation.group")
    # 관세청, 경찰청 등 9개 기관이 참여했다 / A, B를 선정했다 / A, B가 선정됐다: with no
    # program named, the members join the program at hand (named in the sentences before)
    at_hand = _program_at_hand(ctx)
    if at_hand is None and sum(o.role.startswith(("pred", "obj", "conj", "subj"))
                               for o in orgs) >= 2 and ctx.says("verb_select"):
        # 선정 기업과 과제는 ▲A(포항)-… ▲B(구미)-…: a list of those selected, paragraphs
        # after the programme the article leads with
        at_hand = state.programs_seen[0] if state.programs_seen else None
    if at_hand is None and ctx.says("verb_join") and ctx.sole_program() is not None and \
            any(o.role.startswith("subj") for o in orgs):
        at_hand = ctx.sole_program()  # (기술 파트너로는 A와 B가 함께한다: the article's one)
    # (이번 투자에는 A, B가 참여했다: backers of a funding round join no programme)
    # (A, B, C 등이 각자 컨소시엄을 구성해 참가했다: rival bidders, each with its own)
    if at_hand is not None and not any(x.mention.type in ("Program", "Initiative")
                                       for x in ctx.things) \
            and not ctx.says("round_word") and not ctx.says("round_lead") \
            and not ctx.cues.built(own_consortia).search(ctx.text) \
            and not (ctx.says("fund_manager") and at_hand == ctx.fund_at_hand()):
        # (A, B 2개 운용사를 선정했다: the fund's managers run it, kg.rules.relations.stewards)
        joined = _joining(ctx)
        for o in joined:
            yield Found(o.index, "participatesIn", at_hand, "participation.at-hand")
    # 포럼이 열렸다. 네이버, 카카오, 삼성전자 등이 참여했다: a list joins the event named
    # just before (not one named paragraphs back, nor when a programme is named here)
    # (… and in this section: a digest's next item is about something else)
    seen = [e for e in state.events_seen if in_scope(state, ctx.mentions[e].sentence)]
    recent = [e for e in seen if ctx.mentions[e].sentence >= state.index - 3]
    names = {ctx.mentions[e].text for e in seen}
    if not recent and names and all(n.startswith(min(names, key=len)) for n in names):
        recent = seen[:1]  # (a report of one event names it far back)
    # (… and no alliance named since: 출범식이 열렸다. ‘X 얼라이언스’가 닻을 올렸다. 회원은 A,
    # B, C: members join the alliance, ANNOTATION.md "Agreements")
    later = recent and any(m.type in ("Program", "Initiative") and m.text.endswith(
        tuple(ctx.cues.alliance_cue)) and ctx.mentions[recent[-1]].start < m.start
        < ctx.sent.start_char for m in ctx.mentions)
    # (… nor when the alliance is what they join: 출범식을 열었다. 협의체에는 A, B, C가
    # 참여한다; they take part in it, above, not in its launch)
    later = later or re.match(rf"\W*(\S+\s)?\S*({'|'.join(ctx.cues.alliance_cue)})(에는|에도)\s",
                              ctx.text)
    # (… or two and a count: A와 B 등 지역 기업 30여 곳이 참가해)
    counted = re.search(r"등\s+(\S+\s+){0,2}\d+\S*\s?(곳|개사|개 기업|개 기관|개 팀)(이|가)\s", ctx.text)
    if (len(orgs) >= 3 or len(orgs) == 2 and counted) and recent and not later and not any(
            x.mention.type in ("Program", "Initiative") for x in ctx.things) and \
            ctx.cues.pattern("verb_participate").search(ctx.text + state.previous_text):
        listed = [o for o in orgs if o.role.startswith(("conj", "subj"))
                  and not ctx.cues.pattern("verb_organize").search(ctx.clause_of(o))]
        if len(listed) >= 3 or counted and len(listed) == 2:
            for o in listed:
                yield Found(o.index, "participatesIn", recent[-1], "participation.event")
