"""A strategy ten times larger costs about ten times more, not a hundred (issue 24: a look-up
by key for every line, total and year). Measured as a ratio of CPU time in this process, the
smaller of two interleaved samples each, with a bound far from both linear growth (the fixed
costs make it a few times) and quadratic growth (some tens): a loaded machine moves both sides
alike. Speed itself is measured in `bench/`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.generate import approve_all, base_strategy, dump, many_lines

from .conftest import run_cli

SMALL, LARGE = 300, 3000
BOUND = 12
"""Ten times the lines within twelve times the CPU time: a scan of the lines per line and year
(what `checks/totals.py` did) took 26 times as long for 4 800 lines as for 480."""


@pytest.fixture(scope="module")
def strategies(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("lines")
    found = {}
    for count in (SMALL, LARGE):
        path = folder / f"strategy_{count}_lines.yaml"
        path.write_text(dump(approve_all(many_lines(base_strategy(), count))), "utf-8")
        found[count] = path
    return found


def cpu_seconds(*args: str) -> float:
    start = time.process_time()
    run = run_cli(*args)
    assert run.exit_code == 0, run.stdout + run.stderr
    return time.process_time() - start


@pytest.mark.parametrize("command", [["validate"], ["disbursement", "-f", "json"]])
def test_ten_times_the_lines_cost_about_ten_times_as_much(
    strategies: dict[int, Path], command: list[str]
) -> None:
    samples: dict[int, list[float]] = {SMALL: [], LARGE: []}
    for _ in range(2):  # interleaved: a change in the machine's load hits both sizes
        for count, path in strategies.items():
            samples[count].append(cpu_seconds(*command, str(path), "--as-of", "2025-12-31"))
    ratio = min(samples[LARGE]) / min(samples[SMALL])
    assert ratio < BOUND, samples


def test_the_large_strategy_has_its_lines_and_adds_up(strategies: dict[int, Path]) -> None:
    run = run_cli("budget", "show", str(strategies[LARGE]), "-f", "csv")
    assert run.exit_code == 0, run.stderr
    rows = run.stdout.splitlines()
    # Its own three lines (100 million a year) and 2 997 lines of 1 million.
    assert sum(1 for row in rows if row.startswith("line_")) == LARGE - 3
    assert rows[-2].endswith(",total,,3097,3097,3097,3097,12388,stated,")
