// i18n.js: the page's words in Korean (default) and English; type and relation names come
// from the ontology (kg.ttl labels, in the data).

var LANG = "ko";
var STR = {
  ko: {
    title: "지식그래프 탐색기", overview: "개요", graph: "탐색", langSwitch: "English",
    searchPlaceholder: "이름 검색 (한국어·영어·약칭)", searchLabel: "이름으로 항목 찾기",
    noMatch: "‘{0}’와(과) 일치하는 이름이 없습니다", noMatchHint: "다른 표기나 약칭으로 찾아 보세요. 검색은 본문에 나온 이름, 별칭, 사전의 약칭을 모두 봅니다.",
    moreResults: "외 {0}개", docsN: "문서 {0}", matchedAs: "= {0}", lexiconName: "사전",
    documents: "문서", entities: "항목", relations: "관계", investments: "투자",
    invTitle: "투자 내역", invNone: "이 그래프에는 투자가 없습니다.",
    colInvestor: "투자자", colAmount: "금액(원문)", colValue: "금액(정규화)", colCurrency: "통화",
    colTarget: "대상", colYear: "연도", colSource: "출처", unknownInvestor: "(투자자 미상)",
    filterText: "표 안에서 찾기", allCurrencies: "모든 통화", allYears: "모든 연도",
    csv: "CSV 내려받기", showMore: "더 보기 ({0}개 남음)", rowsShown: "{0}건 중 {1}건",
    totalsTitle: "투자자·통화별 합계", currencyTotals: "통화별 합계", count: "건수", total: "합계",
    coInvestNote: "공동 투자는 각 투자자의 합계에 모두 들어갑니다.",
    chartInvestor: "투자자별 합계 ({0})", chartYear: "연도별 합계 ({0})",
    yearFromDate: "기사 날짜 기준", topEntities: "연결이 많은 항목", byType: "유형별 항목 수",
    back: "뒤로", forward: "앞으로", hops1: "1단계", hops2: "2단계", whole: "전체 그래프",
    fit: "화면 맞춤", zoomIn: "확대", zoomOut: "축소", reset: "초기화",
    isolated: "관계 없는 항목 {0}개 보기", details: "상세", filters: "필터", close: "닫기",
    relTypes: "관계 유형", entTypes: "항목 유형", docFilter: "문서", allDocs: "모든 문서",
    dateFrom: "시작일", dateTo: "종료일",
    start: "항목을 고르세요", startHint: "검색하거나 아래에서 고르면 그 항목의 이웃(1~2단계)을 봅니다. 관계를 누르면 근거 문장이 나옵니다.",
    wholeNote: "전체 그래프: 관계가 있는 항목 {0}개 중 연결이 많은 {1}개, 공동체 {2}개로 묶어 배치",
    focusNote: "{0}의 이웃 {1}단계: 항목 {2}개, 관계 {3}개",
    truncatedNote: "이웃이 많아 {0}개만 표시합니다 (필터로 좁히세요)",
    type: "유형", role: "직함", amount: "금액", names: "이름", lexiconNames: "사전의 다른 이름",
    focusHere: "이 항목 중심으로", expand: "이웃 펼치기", collapse: "이웃 접기",
    evidenceN: "근거 {0}", noRelations: "관계 없음", filtered: "필터 적용 중",
    showAll: "모두 보기 ({0})", evidence: "근거 문장", evidenceSummary: "문장 {0}개 · 문서 {1}개",
    evidenceCapped: "이 페이지에는 {1}개 중 {0}개만 담았습니다 (전체는 graph.ttl).",
    previous: "앞 문장 (주어가 이어짐)", openArticle: "기사 원문", subject: "주어", object: "목적어",
    noEvidence: "근거 문장이 기록되지 않았습니다", from: "주체", to: "대상",
    noneShown: "없음", mentionedIn: "언급된 문서",
    statsLine: "문서 {0} · 항목 {1} · 관계 {2}"
  },
  en: {
    title: "Knowledge graph explorer", overview: "Overview", graph: "Explore", langSwitch: "한국어",
    searchPlaceholder: "Find a name (Korean, English, short forms)", searchLabel: "Find an entity by name",
    noMatch: "No name matches ‘{0}’", noMatchHint: "Try another spelling or a short form. Search covers names in the text, aliases and the lexicon's short forms.",
    moreResults: "{0} more", docsN: "{0} docs", matchedAs: "= {0}", lexiconName: "lexicon",
    documents: "Documents", entities: "Entities", relations: "Relations", investments: "Investments",
    invTitle: "Investments", invNone: "This graph holds no investments.",
    colInvestor: "Investor", colAmount: "Amount (as written)", colValue: "Amount (normalised)",
    colCurrency: "Currency", colTarget: "Target", colYear: "Year", colSource: "Source",
    unknownInvestor: "(investor unknown)", filterText: "Filter the table",
    allCurrencies: "All currencies", allYears: "All years", csv: "Download CSV",
    showMore: "Show more ({0} left)", rowsShown: "{1} of {0} rows",
    totalsTitle: "Totals by investor and currency", currencyTotals: "Totals by currency",
    count: "Count", total: "Total", coInvestNote: "A joint investment counts in each investor's total.",
    chartInvestor: "Totals by investor ({0})", chartYear: "Totals by year ({0})",
    yearFromDate: "from the article's date", topEntities: "Most connected", byType: "Entities by type",
    back: "Back", forward: "Forward", hops1: "1 hop", hops2: "2 hops", whole: "Whole graph",
    fit: "Fit", zoomIn: "Zoom in", zoomOut: "Zoom out", reset: "Reset",
    isolated: "Show {0} unrelated entities", details: "Details", filters: "Filters", close: "Close",
    relTypes: "Relation types", entTypes: "Entity types", docFilter: "Document", allDocs: "All documents",
    dateFrom: "From", dateTo: "To",
    start: "Pick an entity", startHint: "Search or pick one below to see its neighbourhood (1-2 hops). Click a relation to read the sentences that state it.",
    wholeNote: "Whole graph: the {1} best connected of {0} related entities, in {2} communities",
    focusNote: "{1}-hop neighbourhood of {0}: {2} entities, {3} relations",
    truncatedNote: "Too many neighbours: showing {0} (narrow with the filters)",
    type: "Type", role: "Role", amount: "Amount", names: "Names", lexiconNames: "Other names (lexicon)",
    focusHere: "Centre on this", expand: "Expand neighbours", collapse: "Collapse neighbours",
    evidenceN: "{0} evidence", noRelations: "No relations", filtered: "filtered",
    showAll: "Show all ({0})", evidence: "Evidence", evidenceSummary: "{0} sentences in {1} documents",
    evidenceCapped: "This page holds {0} of {1} (all of them are in graph.ttl).",
    previous: "Previous sentence (subject carried over)", openArticle: "Article",
    subject: "subject", object: "object", noEvidence: "No evidence sentence recorded",
    from: "From", to: "To", noneShown: "none", mentionedIn: "Mentioned in",
    statsLine: "{0} documents · {1} entities · {2} relations"
  }
};

function t(key) {
  var s = (STR[LANG] && STR[LANG][key]) || STR.ko[key] || key;
  for (var i = 1; i < arguments.length; i++) s = s.split("{" + (i - 1) + "}").join(String(arguments[i]));
  return s;
}
function typeName(name) { var ty = TYPES[name]; return ty ? ty[LANG] : name; }
function predName(p) { return PREDS[p][LANG]; }
function docTitle(d) { return d.title || d.id; }
function docLine(d) {
  return [d.publisher, d.date].filter(Boolean).join(" \u00b7 ");
}
