"""Typed records passed between the pipeline's stages.

documents -> Document/Sentence -> Mention -> Entity -> Relation(+Evidence) -> graph

Entity types and predicates (their domains, ranges and symmetry) are the
ontology's: see kg.schema.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One input document after decoding and furniture stripping."""

    id: str          # the file name, e.g. "002_430102f8735eb5df.txt"; "news.jsonl#12" for
                     # the record on line 12 of a JSON Lines file (row 12 of a CSV file)
    path: str        # as given by the user (for messages only; never in outputs)
    title: str
    text: str        # cleaned, NFC-normalised content
    sha256: str      # of the cleaned text: identical articles are one document
    # what the document says about itself (never the file's dates); None when unknown
    date: str | None = None       # publication date, ISO 8601 (YYYY-MM-DD)
    url: str | None = None
    publisher: str | None = None  # outlet or issuing body
    author: str | None = None


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int       # character offsets into Document.text
    end: int
    text: str


@dataclass(frozen=True)
class Money:
    amount: int      # in base units of the currency (383억원 -> 38300000000)
    currency: str    # ISO 4217
    text: str        # as written, e.g. "383억원"


@dataclass(frozen=True)
class Mention:
    """A name of an ontology type at one place in one document."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str                      # surface form, particles and quotes stripped
    type: str                      # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()  # other names stated right here: 아마존웹서비스(AWS)
    canonical: str | None = None   # a lexicon's canonical name, when it knows one
    money: Money | None = None     # Investments only
    year: int | None = None
    role: str | None = None        # Persons: "행정안전부 공공지능데이터국장"
    phrase: str | None = None      # Investments: the phrase as written
    rule: str = ""                 # the rule that found it (kg.rules)


@dataclass(frozen=True)
class Entity:
    """One real-world thing, merged across documents."""

    key: str                       # stable: type + normalised canonical name
    type: str
    label: str                     # canonical name
    aliases: tuple[str, ...]
    docs: tuple[str, ...]          # ids of the documents that mention it
    money: Money | None = None
    year: int | None = None
    role: str | None = None
    phrase: str | None = None
    rules: tuple[str, ...] = ()    # the rules that found its mentions


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    start: int                     # the stating sentence's span in the document
    end: int
    text: str
    cue: tuple[int, int] | None = None  # the stating words, relative to `text`
    rules: tuple[str, ...] = ()    # the rules that found the relation in this sentence


@dataclass(frozen=True)
class Relation:
    subject: str                   # Entity.key
    predicate: str                 # a key of PREDICATES
    object: str                    # Entity.key
    evidence: tuple[Evidence, ...] = field(default=())
