"""A strategy ten times larger costs about ten times more, not a hundred (issue 24: a look-up
by key for every line, total and year). Measured as a ratio of operations, not of time: the
Python and C functions a command calls (`sys.setprofile`), the same on a loaded machine as on
an idle one. Work linear in the lines, with a fixed cost beside it, gives at most ten times
the calls; a scan of the lines per line and year gives about a hundred. Speed itself is
measured in `bench/`."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bench.generate import approve_all, base_strategy, dump, many_lines

from .conftest import run_cli

SMALL, LARGE = 200, 2000
BOUND = 11
"""Ten times the lines within eleven times the calls (measured: validate 5.7, disbursement as
JSON 9.4, its table 8.7): a scan of the lines per line and year (what `checks/totals.py` did)
took 26 times as long for 4 800 lines as for 480."""


@pytest.fixture(scope="module")
def strategies(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("lines")
    found = {}
    for count in (SMALL, LARGE):
        path = folder / f"strategy_{count}_lines.yaml"
        path.write_text(dump(approve_all(many_lines(base_strategy(), count))), "utf-8")
        found[count] = path
    return found


def calls(*args: str) -> int:
    """The functions (Python and C) the command calls: a count of operations that a loaded
    machine does not change."""
    count = 0

    def counted(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(counted)
    try:
        run = run_cli(*args)
    finally:
        sys.setprofile(None)
    assert run.exit_code == 0, run.stdout + run.stderr
    return count


@pytest.mark.parametrize(
    "command", [["validate"], ["disbursement", "-f", "json"], ["disbursement"]]
)
def test_ten_times_the_lines_cost_about_ten_times_as_much(
    strategies: dict[int, Path], command: list[str]
) -> None:
    counts = {
        n: calls(*command, str(path), "--as-of", "2025-12-31") for n, path in strategies.items()
    }
    assert counts[LARGE] / counts[SMALL] < BOUND, counts


def test_the_large_strategy_has_its_lines_and_adds_up(strategies: dict[int, Path]) -> None:
    run = run_cli("budget", "show", str(strategies[LARGE]), "-f", "csv")
    assert run.exit_code == 0, run.stderr
    rows = run.stdout.splitlines()
    # Its own three lines (100 million a year) and 1 997 lines of 1 million.
    assert sum(1 for row in rows if row.startswith("line_")) == LARGE - 3
    assert rows[-2].endswith(",total,,2097,2097,2097,2097,8388,stated,")
