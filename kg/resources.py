"""Where the project's knowledge lives: the top-level `ontology/` folder.

It is shipped inside the package as `kg.ontology` (pyproject maps the folder onto
that name), so a wheel, an sdist and an editable install all find it through
importlib.resources. A source tree that was never installed falls back to the
folder beside the package.
"""
from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path


@functools.cache
def ontology_dir() -> Path:
    try:
        path = Path(str(files("kg.ontology")))
    except ModuleNotFoundError:  # a checkout used without installing it
        path = Path(__file__).resolve().parent.parent / "ontology"
    return path


def lexicon_dir() -> Path:
    return ontology_dir() / "lexicons"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"
