"""The command line, through click's CliRunner."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import GOLD, SEEDS
from kg.cli import main


@pytest.mark.parametrize("command", [[], ["build"], ["eval"], ["validate"], ["query"], ["serve"]])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    doc = result.output.split("Options:")[0]
    assert len(doc.split()) > 8  # says what it does


def test_build_reports_and_writes(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "documents read: 5" in result.output
    assert "Organization=" in result.output and "invests=" in result.output
    assert (tmp_path / "graph.ttl").is_file() and (tmp_path / "graph.html").is_file()


def test_eval_prints_the_summary_line(seeds_graph):
    result = CliRunner().invoke(main, ["eval", str(seeds_graph), "--gold", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "summary: core_f1_lenient=" in result.output


def test_missing_graph_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "nope.ttl"), "--gold", str(GOLD)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_readable_input_keeps_the_previous_output(tmp_path):
    (tmp_path / "graph.ttl").write_text("previous", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt"), "-o",
                                       str(tmp_path)])
    assert result.exit_code == 2
    assert "no readable documents" in result.output and "missing.txt" in result.output
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == "previous"


def test_validate_says_the_seeds_build_conforms(seeds_graph):
    result = CliRunner().invoke(main, ["validate", str(seeds_graph)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output
