"""Session fixtures: the language pipeline and the seeds build are made once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "gold"


def pytest_sessionstart(session):
    """scripts/test.sh tests the installed wheel: make sure no source tree shadows it."""
    if os.environ.get("KG_TEST_INSTALLED"):
        import kg

        # the source package is ROOT/kg; scripts/test.sh's default virtualenv is inside
        # ROOT too (.venv-test), so "anywhere under ROOT" would refuse the installed one
        if Path(kg.__file__).resolve().parent == (ROOT / "kg").resolve():
            raise pytest.UsageError(f"testing the source tree ({kg.__file__}), "
                                    "not the installed package")


def read_outputs(folder: Path) -> dict[str, bytes]:
    """Every file of a build's output folder, by relative path, but the store's (a
    database: the same content, not the same bytes; see store_quads)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "graph.oxigraph"}


def store_quads(folder: Path) -> set:
    """The quads of a build's store, as N-Quads lines."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(folder / "graph.oxigraph"))
    return set(ox.serialize(store, format=ox.RdfFormat.N_QUADS).splitlines())


@pytest.fixture(scope="session")
def pipeline():
    from kg.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory, pipeline) -> Path:
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-build")
    build([SEEDS], out, pipeline=pipeline)
    return out


@pytest.fixture(scope="session")
def seeds_result(seeds_out, pipeline):
    from kg.pipeline import build

    return build([SEEDS], None, pipeline=pipeline)


@pytest.fixture(scope="session")
def seeds_graph(seeds_out) -> Path:
    return seeds_out / "graph.ttl"
