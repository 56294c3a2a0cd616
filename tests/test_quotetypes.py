"""The quote type model (kg.quotetypes): a second opinion on a quoted name's type that
overrules the quote rule's decisions only where it is more likely than not, and never
makes a name of what the decisions passed over. Retraining it gives the shipped bytes
(tests/test_learned.py)."""
from __future__ import annotations

import pytest

from kg import quotetypes
from kg.quotetypes import QuoteClue, TypeModel
from kg.types import Document


def _clue(name="AI 통역창구", rule_type="Program", **kw) -> QuoteClue:
    fields = dict(following="", preceding="민원", single=True, proper=False, latin=False,
                  plain=True, apposed=True)
    fields.update(kw)
    return QuoteClue(name, rule_type=rule_type, **fields)


def test_features_are_the_clue_and_the_decisions():
    assert _clue().features() == (
        "apposed", "bias", "fol:", "has:latin", "last:통역창구", "n:2", "plain", "pre2:민원", "pre:민원",
        "rule:Program", "single", "suf1:구", "suf2:창구", "suf3:역창구")


def test_the_decisions_stand_where_the_model_is_unsure():
    model = TypeModel({"Product|last:통역창구": 1.0, "Program|rule:Program": 1.0,
                       "Event|bias": -5.0}, 0.5)
    probs = model.probabilities(_clue().features())
    assert round(sum(probs.values()), 6) == 1.0
    assert {t: round(p, 3) for t, p in probs.items()} == {
        "Event": 0.005, "Product": 0.498, "Program": 0.498}
    assert model.type_of(_clue()) == "Program"
    sure = TypeModel({"Product|last:통역창구": 4.0, "Program|rule:Program": -1.0}, 0.5)
    assert sure.type_of(_clue()) == "Product"


def _types(pipeline, text: str) -> set[tuple[str, str]]:
    doc = Document(id="t.txt", path="t.txt", title="", text=text, sha256="x")
    return {(m.text, m.type) for m in pipeline.extract(doc).mentions if m.rule == "quote"}


@pytest.mark.parametrize("text, decisions, learned", [
    # (a cloud region is a product: ANNOTATION.md, typing)
    ("아마존웹서비스는 클라우드 ‘AWS 부산 리전’을 새로 열었다.",
     {("AWS 부산 리전", "Program")}, {("AWS 부산 리전", "Product")}),
    # (a named centre to be built is a programme, a facility: ANNOTATION.md, typing)
    ("중기부는 ‘한빛 AI 실증센터’ 구축 지역으로 나주시를 선정했다.",
     {("한빛 AI 실증센터", "Initiative")}, {("한빛 AI 실증센터", "Program")}),
    # (where the model is less sure than the threshold, the decisions stand: a new
    # bureau, p 0.61 an organisation)
    ("보건복지부는 ‘디지털헬스정책국’을 신설했다.",
     {("디지털헬스정책국", "Product")}, {("디지털헬스정책국", "Product")}),
    # (where the decisions and the model agree, nothing changes)
    ("행정안전부는 ‘AI 민원 실증사업’을 추진한다.",
     {("AI 민원 실증사업", "Program")}, {("AI 민원 실증사업", "Program")}),
])
def test_the_shipped_model_retypes_quoted_names(pipeline, text, decisions, learned):
    with quotetypes.using(None):
        assert _types(pipeline, text) == decisions
    assert _types(pipeline, text) == learned


def test_no_model_file_is_no_model(tmp_path):
    assert quotetypes.load_model(tmp_path / "none.json") is None
