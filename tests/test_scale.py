"""A strategy ten times larger costs about ten times more, not a hundred (issue 24: a look-up
by key for every line, total and year). Measured as a ratio of operations, not of time: the
lines of iomstrat's own code a command executes (`sys.settrace`), the same on a loaded machine
as on an idle one. Work linear in the lines, with a fixed cost beside it, gives at most ten
times the steps; a scan of the lines per line and year gives some tens (counting calls would
not see it: a generator that scans a list is one call). Speed itself is
measured in `bench/`."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import iomstrat
from bench.generate import approve_all, base_strategy, dump, many_lines

from .conftest import run_cli

SOURCE = str(Path(iomstrat.__file__).parent)

SMALL, LARGE = 200, 2000
BOUND = 12
"""Ten times the lines within twelve times the steps (measured: validate 9.5, disbursement as
JSON 9.7, its table 9.8); `checks/totals.py` finding each line by a scan of the list, as it
once did, gives 29."""


@pytest.fixture(scope="module")
def strategies(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("lines")
    found = {}
    for count in (SMALL, LARGE):
        path = folder / f"strategy_{count}_lines.yaml"
        path.write_text(dump(approve_all(many_lines(base_strategy(), count))), "utf-8")
        found[count] = path
    return found


def steps(*args: str) -> int:
    """The lines of iomstrat's own code a command executes, each pass of a loop counted
    (`sys.settrace` line events, in frames of `src/iomstrat` only): a count of operations that
    a loaded machine does not change, and that a scan of a list inside a comprehension or
    generator increases as it increases the time."""
    count = 0

    def in_frame(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return in_frame

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        return in_frame if frame.f_code.co_filename.startswith(SOURCE) else None

    sys.settrace(on_call)
    try:
        run = run_cli(*args)
    finally:
        sys.settrace(None)
    assert run.exit_code == 0, run.stdout + run.stderr
    return count


@pytest.mark.parametrize(
    "command", [["validate"], ["disbursement", "-f", "json"], ["disbursement"]]
)
def test_ten_times_the_lines_cost_about_ten_times_as_much(
    strategies: dict[int, Path], command: list[str]
) -> None:
    counts = {
        n: steps(*command, str(path), "--as-of", "2025-12-31") for n, path in strategies.items()
    }
    assert counts[LARGE] / counts[SMALL] < BOUND, counts


def test_the_large_strategy_has_its_lines_and_adds_up(strategies: dict[int, Path]) -> None:
    run = run_cli("budget", "show", str(strategies[LARGE]), "-f", "csv")
    assert run.exit_code == 0, run.stderr
    rows = run.stdout.splitlines()
    # Its own three lines (100 million a year) and 1 997 lines of 1 million.
    assert sum(1 for row in rows if row.startswith("line_")) == LARGE - 3
    [total] = [row for row in rows if ",total,," in row]
    assert total.endswith(",total,,2097,2097,2097,2097,8388,stated,,,true")
    # the cover as printed, after the budget's rows: the same figures
    assert [row.split(",", 1)[0] for row in rows[-2:]] == [
        "cover:commitment",
        "cover:projected_disbursement",
    ]
    assert all(row.endswith(",cover,,2097,2097,2097,2097,8388,stated,,,true") for row in rows[-2:])
