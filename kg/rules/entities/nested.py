"""Names inside longer names: 권칠승 더불어민주당 의원실 also mentions 더불어민주당;
대만 재정부 and 서울 AI 안전성 정상회의 mention a place."""
from __future__ import annotations

from kg.rules import REFINE, Candidate, entity_rule
from kg.rules.entities.base import Sentence


@entity_rule("nested-organization", REFINE, priority=3)
def nested_organizations(s: Sentence) -> list[Candidate]:
    """A known organisation inside a longer name (not at its end) is a mention of its own."""
    kept = s.merged
    return [r for r in s.ruler if r.type == "Organization" and r not in kept
            and any(k.start <= r.start and r.end < k.end and k.rule != "lexicon"
                    and k.type == "Organization" for k in kept)]


@entity_rule("nested-place", REFINE, priority=3)
def nested_places(s: Sentence) -> list[Candidate]:
    """A place written inside a name, as a word of its own, is mentioned too (it locates
    the thing)."""
    kept, text = s.merged, s.text
    return [r for r in s.ruler if r.type == "Place" and r not in kept
            and r.end < len(text) and text[r.end] == " "
            and any(k.start <= r.start and r.end < k.end and k.type in ("Organization", "Event")
                    and k.rule != "lexicon" for k in kept)]
