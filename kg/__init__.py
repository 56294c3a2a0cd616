"""kg: knowledge graphs of Korean public-sector AI news."""
from __future__ import annotations

__version__ = "0.1.0"


def build(*args, **kwargs):
    """Build a graph from documents; see kg.pipeline.build."""
    from kg.pipeline import build as _build

    return _build(*args, **kwargs)
