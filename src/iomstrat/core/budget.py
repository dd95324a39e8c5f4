"""The core of `iomstrat budget show`: the strategy through the one pipeline (the plan and the
decisions only: no payments are booked), then its budget table."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.core.pipeline import Run, check_file, shown_status, table_given
from iomstrat.engine.budget import budget_table
from iomstrat.findings import Diagnostic, Usage
from iomstrat.results.budget import BudgetTable


@dataclass(frozen=True)
class BudgetShown:
    table: BudgetTable | None  # None where the file is no valid strategy
    errors: tuple[Diagnostic, ...]
    problem: Usage | None = None  # a usage error: e.g. the file is a table file

    @property
    def exit_status(self) -> int:
        return shown_status(self.errors, shown=self.table is not None, problem=self.problem)


def show_budget(path: str, run: Run, unit: str | None) -> BudgetShown:
    checked = check_file(path, run)
    if checked.strategy is None:
        if checked.table is not None and not checked.errors:
            return BudgetShown(None, (), table_given(checked, "budget show"))
        return BudgetShown(None, checked.errors)
    table = budget_table(checked.strategy, unit, run.as_of, checked.history)
    return BudgetShown(table, checked.errors)
