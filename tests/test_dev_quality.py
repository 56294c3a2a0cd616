"""Extraction quality on the development set (tests/data/dev, 32 synthetic texts in four
genres) and on the texts written for the project (tests/data/written, 244). Rules were
written on the dev set's tune half (numbers 01, 02, 03, 05, 06 of each genre) and on
written/h1–h6, h10, h11, h13, h15, h17–h20, h35, h38, h39, h42, h43 and h45; the relation model learned from those and
from written/h23–h30; the dev check half (07, 09, 10) and written/h7–h9, h12, h14, h16, h21,
h22, h31–h34, h36, h37, h40, h41 and h44 were only measured. The floors sit a little under what the build reaches (README,
"Extraction quality"), so a change that loses ground fails."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TUNE = ("01", "02", "03", "05", "06")
RULES_WRITTEN_ON = {"h1", "h2", "h3", "h4", "h5", "h6", "h10", "h11", "h13", "h15", "h17", "h18", "h19",
                    "h20", "h35", "h38", "h39", "h42", "h43", "h45"}
# the relation model (kg.learned) also learned from these, which no rule was written on
USED = RULES_WRITTEN_ON | {"h23", "h24", "h25", "h26", "h27", "h28", "h29", "h30"}

# set -> (folder, which gold files, how many, floors)
SETS = {
    "dev tune": ("dev", lambda stem: stem.rsplit("-", 1)[1] in TUNE, 20,
                 {"core/lenient": 0.95, "relations/unlabelled": 0.89, "money/accuracy": 0.97}),
    "dev check": ("dev", lambda stem: stem.rsplit("-", 1)[1] not in TUNE, 12,
                  {"core/lenient": 0.90, "relations/unlabelled": 0.75, "money/accuracy": 0.97}),
    "written, used": ("written", lambda stem: stem.split("-")[0] in USED, 153,
                      {"core/lenient": 0.93, "relations/unlabelled": 0.82, "money/accuracy": 0.97}),
    "written, unseen": ("written", lambda stem: stem.split("-")[0] not in USED, 91,
                        {"core/lenient": 0.91, "relations/unlabelled": 0.75,
                         "money/accuracy": 0.97}),
}


@pytest.fixture(scope="module")
def graphs(tmp_path_factory, pipeline) -> dict[str, Path]:
    """Each data folder built once."""
    from kg.pipeline import build

    out = {}
    for folder in sorted({spec[0] for spec in SETS.values()}):
        target = tmp_path_factory.mktemp(f"{folder}-build")
        build(sorted((DATA / folder).glob("*.txt")), target, pipeline=pipeline)
        out[folder] = target / "graph.ttl"
    return out


@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_hold(graphs, tmp_path, name):
    from kg.evaluate import evaluate

    folder, chosen, count, floors = SETS[name]
    for gold in sorted((DATA / folder).glob("*.json")):
        if chosen(gold.stem):
            shutil.copy(gold, tmp_path / gold.name)
    assert len(list(tmp_path.glob("*.json"))) == count
    scores = evaluate(graphs[folder], tmp_path).as_dict()
    for measure, floor in floors.items():
        value = scores[measure] if measure == "money/accuracy" else scores[measure]["f1"]
        assert value >= floor, (name, measure, value)
