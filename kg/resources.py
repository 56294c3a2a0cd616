"""Where the project's knowledge lives: the top-level `ontology/` folder.

It is shipped inside the package as `kg.ontology` (pyproject maps the folder onto
that name), so a wheel, an sdist and an editable install all find it through
importlib.resources; a copy of the code finds the folder that travels with it first.
"""
from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path


@functools.cache
def ontology_dir() -> Path:
    package = Path(__file__).resolve().parent
    # the folder that travels with this copy of the code first: a wheel holds it in
    # the package, a checkout beside it (an editable install's import hook would
    # otherwise lead a copy of kg/ run with PYTHONPATH back to the installed checkout)
    for path in (package / "ontology", package.parent / "ontology"):
        if (path / "kg.ttl").is_file():
            return path
    return Path(str(files("kg.ontology")))


def lexicon_dir() -> Path:
    return ontology_dir() / "lexicons"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def ontology_path() -> Path:
    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"
