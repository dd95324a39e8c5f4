"""The core of `iomstrat export`: every strategy through the one pipeline with its payments;
an unreadable or invalid file, or a ledger it names that cannot be read, stops the export
(nothing half true is written)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from iomstrat.core.pipeline import (
    Checked,
    Run,
    check_files,
    completeness,
    figures_leave,
    left_out,
    shown_status,
    table_given,
    table_left_out,
)
from iomstrat.engine.book import Book
from iomstrat.findings import Diagnostic, Severity, Usage
from iomstrat.loader.documents import Document
from iomstrat.model.strategy import Strategy
from iomstrat.results.completeness import Completeness


@dataclass(frozen=True)
class Source:
    """Where a strategy comes from: its file's name, its document (positions for findings on
    its data) and when its data (the file or one of its ledgers) last changed."""

    name: str
    document: Document
    changed: dt.datetime


@dataclass(frozen=True)
class ExportInput:
    strategies: tuple[tuple[Strategy, Book], ...]  # empty where a file stopped the export
    errors: tuple[Diagnostic, ...]
    problem: Usage | None = None  # a usage error: e.g. a table file
    sources: tuple[Source, ...] = ()  # sources[i] is where strategies[i] comes from
    left_out: tuple[Diagnostic, ...] = ()  # the errors of a file given that gives no strategy
    skipped: tuple[str, ...] = ()  # other tools' YAML a folder holds, left out (`check_files`)

    @property
    def exit_status(self) -> int:
        return shown_status(self.errors, shown=bool(self.strategies), problem=self.problem)

    @property
    def completeness(self) -> Completeness:
        """Whether the figures are complete (pipeline.completeness)."""
        return completeness(self.errors, left_out=self.left_out)

    def figures_leave(self, *, partial: bool) -> bool:
        """Whether the export may be written: an export always travels."""
        return bool(self.strategies) and figures_leave(
            self.errors, travels=True, partial=partial, left_out=self.left_out
        )


def read_strategies(paths: Sequence[str], run: Run) -> ExportInput:
    """Every strategy of the files, a folder standing for its YAML files of which other tools'
    are skipped as `validate` skips them (`check_files`); a table file is left out with a
    warning as `disbursement` leaves it out, and given alone is a usage error."""
    strategies: list[tuple[Strategy, Book]] = []
    errors: list[Diagnostic] = []
    sources: list[Source] = []
    tables: list[Checked] = []
    skipped: list[str] = []
    for checked in check_files(paths, run):
        path = checked.name
        if checked.skipped:  # another tool's YAML in a folder: said, not exported
            skipped.append(path)
            continue
        if checked.table is not None:  # an annex: nothing of it is exported, said below
            tables.append(checked)
            continue
        errors += checked.errors
        unreadable = any(d.severity is Severity.FATAL for d in checked.errors)
        if checked.strategy is None or checked.book is None or unreadable:
            return ExportInput(
                (), tuple(errors), left_out=left_out(checked), skipped=tuple(skipped)
            )
        strategies.append((checked.strategy, checked.book))
        changed = _changed([path, *checked.book.payments.sources])
        sources.append(Source(path, checked.document, changed))
    if tables and not strategies:
        return ExportInput(
            (), tuple(errors), table_given(tables[0], "export"), skipped=tuple(skipped)
        )
    errors += [table_left_out(table) for table in tables]
    return ExportInput(
        tuple(strategies), tuple(errors), sources=tuple(sources), skipped=tuple(skipped)
    )


def _changed(paths: Sequence[str]) -> dt.datetime:
    """The latest modification time of the files (now for standard input or a vanished file)."""
    times = []
    for path in paths:
        try:
            times.append(os.stat(path).st_mtime)
        except (OSError, ValueError):
            times.append(dt.datetime.now(dt.UTC).timestamp())
    return dt.datetime.fromtimestamp(max(times), dt.UTC)
