#!/usr/bin/env python3
"""Check the name lexicons in ontology/lexicons/ and print how many entries each holds.

Every *.tsv under ontology/lexicons/ except cues.tsv is a name lexicon:
comment lines start with '#', every other line is `canonical<TAB>alias|alias|...`.
This reports, with file and line:

- a line that is not that format (more than one tab, empty canonical, empty alias,
  spaces around a field or at the end of the line, a blank line, a CR or a BOM);
- text that is not NFC;
- a surface form (canonical or alias) given twice, within a file or across files,
  and an alias equal to its own canonical;
- a one-character surface form, except a Han character in places/world.tsv (美, 中);
- a surface form that ontology/cues/names.tsv lists as a generic word (AI, 데이터 …);
- a file whose header lacks a '# Source:' or '# Checked:' line.

Exit status 1 when anything is reported. Standard library only:
    python3 scripts/check_lexicons.py [LEXICON_DIR]
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "ontology" / "lexicons"


def is_han(ch: str) -> bool:
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, "")


def generic_words(folder: Path) -> set[str]:
    # (the cue words live beside the lexicons, in ontology/cues/names.tsv)
    cues = folder.parent / "cues" / "names.tsv"
    if not cues.is_file():
        return set()
    for line in cues.read_text(encoding="utf-8").splitlines():
        if line.startswith("generic\t"):
            return set(line.split("\t", 1)[1].split())
    return set()


def check(folder: Path) -> int:
    problems: list[str] = []
    seen: dict[str, str] = {}          # surface -> "file:line"
    counts: dict[str, int] = {}
    generic = generic_words(folder)
    files = sorted(p for p in folder.rglob("*.tsv") if p.name != "cues.tsv")
    if not files:
        print(f"{folder}: no lexicon files", file=sys.stderr)
        return 1
    for path in files:
        rel = path.relative_to(folder).as_posix()
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{rel}: starts with a BOM")
        if b"\r" in raw:
            problems.append(f"{rel}: has CR characters")
        text = raw.decode("utf-8")
        if not text.endswith("\n"):
            problems.append(f"{rel}: no newline at the end")
        header = [l for l in text.splitlines() if l.startswith("#")]
        if not any(l.startswith("# Source:") for l in header):
            problems.append(f"{rel}: no '# Source:' line")
        if not any(l.startswith("# Checked:") for l in header):
            problems.append(f"{rel}: no '# Checked:' line")
        n = 0
        for lineno, line in enumerate(text.splitlines(), 1):
            where = f"{rel}:{lineno}"
            if unicodedata.normalize("NFC", line) != line:
                problems.append(f"{where}: not NFC")
            if line != line.rstrip():
                problems.append(f"{where}: trailing whitespace")
            if not line.strip():
                problems.append(f"{where}: blank line")
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if rel.startswith("products/") and len(cols) == 3:
                # a product's third column names its makers; its aliases may be none
                cols = cols[:2] if cols[1] else cols[:1]
            if len(cols) > 2:
                problems.append(f"{where}: more than two columns")
                continue
            canonical = cols[0]
            aliases = cols[1].split("|") if len(cols) == 2 else []
            if not canonical:
                problems.append(f"{where}: empty canonical")
                continue
            if len(cols) == 2 and not cols[1]:
                problems.append(f"{where}: tab with no aliases")
            n += 1
            for surface in [canonical, *aliases]:
                if not surface:
                    problems.append(f"{where}: empty alias")
                    continue
                if surface != surface.strip() or "  " in surface:
                    problems.append(f"{where}: stray spaces in {surface!r}")
                if len(surface) == 1 and not (rel == "places/world.tsv" and is_han(surface)):
                    problems.append(f"{where}: one-character surface form {surface!r}")
                if surface in generic:
                    problems.append(f"{where}: {surface!r} is a generic word in "
                                    "ontology/cues/names.tsv")
            for alias in aliases:
                if alias == canonical:
                    problems.append(f"{where}: alias {alias!r} repeats its canonical")
            for surface in dict.fromkeys(s for s in [canonical, *aliases] if s):
                if surface in seen:
                    problems.append(f"{where}: {surface!r} already at {seen[surface]}")
                else:
                    seen[surface] = where
        counts[rel] = n
    width = max(len(r) for r in counts)
    for rel, n in counts.items():
        print(f"{rel:<{width}}  {n:>5}")
    print(f"{'total':<{width}}  {sum(counts.values()):>5}  ({len(seen)} surface forms)")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR))
