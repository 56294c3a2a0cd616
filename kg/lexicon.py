"""The general lexicons in ontology/lexicons/: known names and cue words.

They hold knowledge a user reuses on any Korean article (ministries, agencies,
companies, places, cue words), never the answers for one article.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from collections.abc import Mapping

from kg.errors import UsageError
from kg.resources import lexicon_dir

LEXICON_DIR = lexicon_dir()
_FILES = {"organizations.tsv": "Organization", "places.tsv": "Place", "products.tsv": "Product"}


@dataclass(frozen=True)
class Name:
    """A known name: its type and the canonical name it stands for."""

    type: str
    canonical: str


@dataclass(frozen=True)
class Lexicon:
    names: Mapping[str, Name]            # surface form (NFC) -> Name
    cues: Mapping[str, frozenset[str]]   # cue kind -> words

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    def aliases_of(self, canonical: str) -> tuple[str, ...]:
        return tuple(sorted(s for s, n in self.names.items()
                            if n.canonical == canonical and s != canonical))


def _rows(path: Path):
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = unicodedata.normalize("NFC", line.rstrip())
        if line and not line.startswith("#"):
            yield lineno, line.split("\t")


def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    """Read every lexicon file of `folder`; a malformed line is a UsageError naming it."""
    names: dict[str, Name] = {}
    for filename, etype in sorted(_FILES.items()):
        path = folder / filename
        if not path.is_file():
            raise UsageError(f"{path}: lexicon file missing")
        for lineno, cols in _rows(path):
            if len(cols) > 2 or not cols[0]:
                raise UsageError(f"{path}:{lineno}: expected 'name<TAB>aliases'")
            canonical = cols[0]
            aliases = cols[1].split("|") if len(cols) > 1 and cols[1] else []
            for surface in [canonical, *aliases]:
                names.setdefault(surface.strip(), Name(etype, canonical))
    cues: dict[str, frozenset[str]] = {}
    cue_path = folder / "cues.tsv"
    for lineno, cols in _rows(cue_path):
        if len(cols) != 2:
            raise UsageError(f"{cue_path}:{lineno}: expected 'kind<TAB>words'")
        cues[cols[0]] = frozenset(cols[1].split())
    return Lexicon(MappingProxyType(names), MappingProxyType(cues))
