"""Progress of a build: reading, extracting, linking, rendering and writing.

The library reports to a `Progress`; the default one only logs how long each stage
took (at INFO). On a terminal the command line shows `bars()`: one bar per stage (rich),
with the count, the rate (documents per second) and the time left.
"""
from __future__ import annotations

import logging
import time
from typing import IO

log = logging.getLogger(__name__)


class Stage:
    """One stage of the work: `advance` as items are done; `total` may grow."""

    def __init__(self, name: str, total: int | None, unit: str):
        self.name, self.total, self.unit = name, total, unit
        self.done = 0
        self.started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self.done += n

    def set_total(self, total: int) -> None:
        self.total = total

    def finish(self) -> None:
        seconds = time.perf_counter() - self.started
        log.info("%s: %d %s in %.1f s", self.name, self.done, self.unit, seconds)

    def __enter__(self) -> Stage:
        return self

    def __exit__(self, *exc) -> None:
        self.finish()


class Progress:
    """Reports nothing but a log line per stage."""

    def stage(self, name: str, total: int | None = None, unit: str = "docs") -> Stage:
        return Stage(name, total, unit)

    def close(self) -> None:
        pass


class _BarStage(Stage):
    def __init__(self, bars: Bars, name: str, total: int | None, unit: str):
        super().__init__(name, total, unit)
        self.bars = bars
        self.task = bars.rich.add_task(name, total=total, unit=unit)

    def advance(self, n: int = 1) -> None:
        super().advance(n)
        self.bars.rich.update(self.task, advance=n)

    def set_total(self, total: int) -> None:
        super().set_total(total)
        self.bars.rich.update(self.task, total=total)

    def finish(self) -> None:
        super().finish()
        if self.total is None:
            self.total = self.done
        self.bars.rich.update(self.task, total=self.total, completed=self.total)


class Bars(Progress):
    """A bar per stage on a terminal (rich)."""

    def __init__(self, stream: IO[str]):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.rich = Progress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"), _RateColumn(), TimeElapsedColumn(),
            TextColumn("left"), TimeRemainingColumn(),
            console=Console(file=stream), transient=False, refresh_per_second=4)
        self.rich.start()

    def stage(self, name: str, total: int | None = None, unit: str = "docs") -> Stage:
        return _BarStage(self, name, total, unit)

    def close(self) -> None:
        self.rich.stop()


def _RateColumn():
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Items per second over the stage so far."""

        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            if not speed:
                return Text("", style="progress.data.speed")
            return Text(f"{speed:,.1f}/s", style="progress.data.speed")

    return RateColumn()


def bars(stream: IO[str], quiet: bool = False) -> Progress:
    """Bars on `stream` when it is a terminal and not `quiet`; else the silent Progress."""
    if quiet or not getattr(stream, "isatty", lambda: False)():
        return Progress()
    return Bars(stream)
