"""Progress of `kg build`: bars on a terminal, nothing off one or with --quiet."""
from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys

from conftest import SEEDS
from kg.progress import Bars, Progress, bars


def test_bars_only_on_a_terminal_and_not_when_quiet():
    assert type(bars(io.StringIO())) is Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert type(bars(Terminal(), quiet=True)) is Progress
    shown = bars(Terminal())
    assert isinstance(shown, Bars)
    shown.close()


def _run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """`kg ARGS` with its standard error on a pseudo-terminal: (exit code, what it showed)."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=child, env={**os.environ, "COLUMNS": "120"})
    os.close(child)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 1.0)
        if ready:
            try:
                data = os.read(main, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            shown += data
        elif proc.poll() is not None:
            break
    os.close(main)
    return proc.wait(), re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))


def test_a_build_on_a_terminal_shows_each_stage(tmp_path):
    code, shown = _run_on_a_terminal(["build", str(SEEDS), "-o", str(tmp_path / "out")])
    assert code == 0, shown
    for stage in ("reading", "extracting", "linking", "rendering", "writing"):
        assert stage in shown
    assert "5/5" in shown and "docs" in shown and "/s" in shown and "left" in shown


def test_quiet_or_off_a_terminal_no_bar(tmp_path):
    code, shown = _run_on_a_terminal(["build", str(SEEDS), "-o", str(tmp_path / "a"), "--quiet"])
    assert code == 0 and shown.strip() == ""
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEEDS), "-o",
                           str(tmp_path / "b")], capture_output=True, text=True, check=True)
    assert proc.stderr == ""
