"""The core of `iomstrat table show`: a table file through the one pipeline, then its printed
rows with computed sums."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.core.pipeline import Run, check_file, shown_status
from iomstrat.engine.annex import figure_table
from iomstrat.findings import Diagnostic, Usage, usage
from iomstrat.results.table import FigureTable


@dataclass(frozen=True)
class TableShown:
    table: FigureTable | None  # None where the file is no valid table
    errors: tuple[Diagnostic, ...]
    problem: Usage | None = None  # a usage error: e.g. the file is a strategy

    @property
    def exit_status(self) -> int:
        return shown_status(self.errors, shown=self.table is not None, problem=self.problem)


def show_table(path: str, run: Run) -> TableShown:
    checked = check_file(path, run)
    if checked.table is None:
        if not checked.errors:
            return TableShown(None, (), usage("strategy_given", file=path))
        return TableShown(None, checked.errors)
    return TableShown(figure_table(checked.table), checked.errors)
