"""Tables fit the terminal: at 80 columns no line is wider (framed, then compact, then stacked);
--wide and piped output keep the full layout, one row a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.loader.embedded import default_strategy_path

app = build()

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "illustrative_2023.yaml")
ANNEX = str(ROOT / "data" / "annex3_unearmarked_donors.yaml")
DATE = ["--as-of", "2023-12-31"]
COMMANDS = [
    ["budget", "show"],
    ["budget", "show", "--unit", "kroner"],
    ["disbursement", EXAMPLE, *DATE],
    ["disbursement", EXAMPLE, *DATE, "--by", "year"],
    ["disbursement", EXAMPLE, *DATE, "--by", "quarter"],
    ["disbursement", EXAMPLE, *DATE, "--by", "priority"],
    ["disbursement", EXAMPLE, default_strategy_path(), *DATE],  # with the portfolio
    ["diff", default_strategy_path(), EXAMPLE, *DATE],
    ["table", "show", ANNEX],
]


def _run(args: list[str], columns: str) -> str:
    result = CliRunner().invoke(app, args, env={"COLUMNS": columns}, catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("locale", ["en", "da"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_no_line_wider_than_the_terminal(args: list[str], locale: str) -> None:
    text = _run([*args, "--locale", locale], "80")
    assert text.strip()
    assert max(len(line) for line in text.splitlines()) <= 80


def test_every_figure_stays_whole_at_80_columns() -> None:
    """Narrow, the disbursement table is stacked: each figure after its heading, none cut."""
    text = _run(["disbursement", EXAMPLE, *DATE, "--by", "year"], "80")
    assert "…" not in text
    assert "Total 2023-2026" in text
    assert "Disbursed: 80,663,084" in text  # the year 2023 of the example, whole kroner


def test_wide_and_piped_keep_the_full_layout() -> None:
    args = ["disbursement", EXAMPLE, *DATE]
    wide = _run([*args, "--wide"], "80")
    piped = _run(args, "")  # not a terminal, no COLUMNS: a script reads one row a line
    assert wide == piped
    assert max(len(line) for line in wide.splitlines()) > 100
    assert any(line.startswith("│ 2023  a. Core funding") for line in wide.splitlines())
    budget = _run(["budget", "show"], "")
    assert max(len(line) for line in budget.splitlines()) == 120  # as before: 120 columns
