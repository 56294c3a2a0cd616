"""kg.schema: the one reading of ontology/kg.ttl that everyone uses."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph

from kg.resources import ontology_path
from kg.schema import KG, load_schema


def test_types_and_predicates_as_the_ontology_declares_them():
    s = load_schema()
    assert s.core == ("Organization", "Program", "Initiative", "Investment")
    assert s.extended == ("Person", "Place", "Product", "Event")
    assert list(s.predicates) == ["invests", "fundsTarget", "operates", "partnersWith",
                                  "participatesIn", "supports", "affiliatedWith", "organizes",
                                  "uses", "locatedIn"]
    assert s.symmetric == {"partnersWith"}
    p = s.predicates["fundsTarget"]
    assert (p.domain, p.range) == ({"Investment"},
                                   {"Program", "Initiative", "Organization", "Place"})
    assert (p.label_ko, p.label_en) == ("투자 대상", "funds target")
    t = s.types["Event"]
    assert (t.label_ko, t.colour, t.shape, t.glyph, t.dashed) == ("행사", "#edc948", "dot",
                                                                  "\u25cf", True)
    assert s.allows("uses", "Organization", "Product")
    assert not s.allows("uses", "Person", "Product")


def test_the_namespace_holds_exactly_the_ontology_terms():
    g = Graph().parse(ontology_path())
    declared = {str(t) for t in g.subjects(RDF.type, None)
                if str(t).startswith(str(KG._NS))}
    assert declared == {str(KG._NS) + name for name in KG.__annotations__}


def test_a_misspelt_term_fails():
    with pytest.raises(AttributeError):
        KG.invest  # noqa: B018
    assert KG["invests"] == KG.invests
