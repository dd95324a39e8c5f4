"""The terminal table of a long disbursement report (issue 24): Rich lays out the header and
the rows that set each column's width, every other row is written in those widths. The text
is Rich's own for the whole table, character for character, wherever Rich shows every figure
whole; where its columns are too few for a figure, the table is as wide as its figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from bench.generate import approve_all, base_strategy, dump, many_lines
from iomstrat.core.disbursement import calculate
from iomstrat.render import disbursement as shown
from iomstrat.render.tabular import LONG_TABLE, WIDE, progress_text, to_text
from iomstrat.results.disbursement import DisbursementReport

from .conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"


def report(path: Path, by: str, as_of: dt.date) -> DisbursementReport:
    result = calculate([str(path)], as_of=as_of, by=by)
    assert result.reports, result.problem
    return result.reports[0]


def by_rich(report: DisbursementReport, locale: str, width: int = shown.FULL_WIDTH) -> str:
    grid = shown._report_grid(report, locale, compact=False)  # every row laid out by Rich
    return to_text(grid, width=width, color=False)


@pytest.mark.parametrize("locale", ["en", "da"])
@pytest.mark.parametrize("by", ["line", "year", "quarter"])
@pytest.mark.parametrize("as_of", [dt.date(2023, 6, 30), dt.date(2024, 12, 31)])
def test_rows_written_in_richs_widths_are_richs_table(by: str, locale: str, as_of: dt.date) -> None:
    # The example's payments: progress bars part done (half bars among them), totals ending
    # sections, a line name cut with an ellipsis, dashes for figures not known.
    long = report(EXAMPLE, by, as_of)
    assert shown._long_report(long, locale) == by_rich(long, locale)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "strategy_220_lines.yaml"
    path.write_text(dump(approve_all(many_lines(base_strategy(), 220))), "utf-8")
    return path


def test_a_table_too_wide_for_its_columns_shows_every_figure_whole() -> None:
    # At 110 columns Rich cuts the example's figures ("2,000,0…"); the table of a long report
    # is laid out as Rich lays it out with room enough (a strategy of 4 800 lines needs more
    # than 160 columns for its totals of billions).
    long = report(EXAMPLE, "line", dt.date(2024, 12, 31))
    text = shown._long_report(long, "en", width=110)
    assert "0…" in by_rich(long, "en", 110) and "0…" not in by_rich(long, "en", WIDE)
    assert text == by_rich(long, "en", WIDE)
    assert max(map(len, text.splitlines())) > 110


def test_the_command_prints_the_long_table_as_rich_would(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = report(many, "line", dt.date(2025, 12, 31))
    assert len(long.rows) >= LONG_TABLE
    laid_out: list[int] = []  # the rows Rich lays out
    grid = shown._report_grid

    def counted(*args: Any, only: Sequence[int] | None = None, **options: Any) -> Any:
        laid_out.append(len(args[0].rows) if only is None else len(only))
        return grid(*args, only=only, **options)

    monkeypatch.setattr(shown, "_report_grid", counted)
    run = run_cli("disbursement", str(many), "--as-of", "2025-12-31")
    assert run.exit_code == 0, run.stderr
    assert laid_out and max(laid_out) <= len(shown.TABLE_COLUMNS) + 2
    monkeypatch.undo()
    assert by_rich(long, "en") in run.stdout


@pytest.mark.parametrize("percent", [0, 2.0, 4.16, 4.17, 50.0, 95.9, 99.99, 100, 120, -5])
def test_a_progress_bar_is_richs(percent: float) -> None:
    from rich.progress_bar import ProgressBar

    bar = ProgressBar(total=100, completed=percent, width=12)
    assert to_text(bar, width=12, color=False).rstrip("\n") == progress_text(percent, 12)
