"""The core of `iomstrat export`: every strategy through the one pipeline with its payments;
an unreadable or invalid file stops the export (nothing half true is written)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.core.pipeline import Run, check_file, exit_status
from iomstrat.engine.book import Book
from iomstrat.findings import EXIT_CANNOT_RUN, EXIT_FINDINGS, Diagnostic
from iomstrat.model.strategy import Strategy


@dataclass(frozen=True)
class ExportInput:
    strategies: tuple[tuple[Strategy, Book], ...]  # empty where a file stopped the export
    errors: tuple[Diagnostic, ...]
    problem: str | None = None  # a usage error: e.g. a table file

    @property
    def exit_status(self) -> int:
        if self.problem is not None:
            return EXIT_CANNOT_RUN
        if not self.strategies:
            return max(exit_status(self.errors), EXIT_FINDINGS)
        return exit_status(self.errors)


def read_strategies(paths: Sequence[str], run: Run) -> ExportInput:
    strategies: list[tuple[Strategy, Book]] = []
    errors: list[Diagnostic] = []
    for path in paths:
        checked = check_file(path, run)
        errors += checked.errors
        if checked.strategy is None or checked.book is None:
            if checked.table is not None:
                return ExportInput((), tuple(errors), f"{path}: is a table file, not a strategy")
            return ExportInput((), tuple(errors))
        strategies.append((checked.strategy, checked.book))
    return ExportInput(tuple(strategies), tuple(errors))
