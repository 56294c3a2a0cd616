"""What an entity rule reads: one sentence, its words, and what was found so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.lexicon import Cues, Lexicon
from kg.morphology import Eojeol, SentenceText
from kg.rules import Candidate


@dataclass
class Sentence:
    doc: Doc
    text: str                      # the whole document's text
    sent: SentenceText
    words: list[Eojeol]
    lex: Lexicon
    ruler: list[Candidate]         # lexicon names in this sentence
    merged: list[Candidate] = field(default_factory=list)  # after overlaps are resolved

    @property
    def cues(self) -> Cues:
        return self.lex.cues


@dataclass
class Document:
    """The document stage: every candidate of the document so far."""

    doc: Doc
    text: str
    lex: Lexicon
    found: list[Candidate]

    @property
    def cues(self) -> Cues:
        return self.lex.cues
