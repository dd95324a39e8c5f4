"""The core of `iomstrat diff`: two versions of a strategy (two files, or a file at a git
revision against the work tree) through the one pipeline, with the same ledgers and rates on
both sides, handed to the diff engine."""

from __future__ import annotations

from dataclasses import dataclass

from iomstrat.core.pipeline import Checked, Run, check_bytes, check_file, table_given
from iomstrat.engine.diff import diff_strategies
from iomstrat.findings import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    Diagnostic,
    Severity,
    Usage,
    usage,
)
from iomstrat.loader.git import file_at
from iomstrat.results.diff import StrategyDiff


@dataclass(frozen=True)
class Comparison:
    """The diff, or the findings that kept a version from being read (then `diff` is None)."""

    diff: StrategyDiff | None
    problems: tuple[Diagnostic, ...]
    error: Usage | None = None  # could not run at all, e.g. an unknown git revision

    @property
    def exit_status(self) -> int:
        """0 the diff is shown; 1 the new version has error findings the old one had not; 2 a
        version could not be read or validated, or the comparison could not run."""
        if self.diff is None:
            return EXIT_CANNOT_RUN
        new_errors = any(d.severity >= Severity.ERROR for d in self.diff.appeared)
        return EXIT_FINDINGS if new_errors else EXIT_OK


def _compare(old: Checked, new: Checked) -> Comparison:
    for version in (old, new):
        if version.table is not None:
            return Comparison(None, (), table_given(version, "diff"))
    if old.strategy is None or new.strategy is None:
        problems = [d for result in (old, new) if result.strategy is None for d in result.errors]
        return Comparison(None, tuple(problems))
    currencies = (old.strategy.strategy.currency, new.strategy.strategy.currency)
    if currencies[0] != currencies[1]:
        # DKK 48 million and EUR 48 million are not the same figure: compared digit for digit
        # the budget showed no change, and payments a "change" of DKK less EUR.
        return Comparison(None, (), usage("diff_currency", old=currencies[0], new=currencies[1]))
    diff = diff_strategies(
        old.strategy,
        new.strategy,
        old_name=old.name,
        new_name=new.name,
        old_findings=old.diagnostics,
        new_findings=new.diagnostics,
        old_book=old.book,
        new_book=new.book,
    )
    return Comparison(diff, ())


def compare_files(old_path: str, new_path: str, run: Run) -> Comparison:
    return _compare(check_file(old_path, run), check_file(new_path, run))


def compare_revision(rev: str, path: str, run: Run) -> Comparison:
    """The file at git revision `rev` (old) against the working copy (new). The old version's
    ledgers are read from the same place as the new one's, so an edit that leaves the payments
    alone changes none of their findings."""
    old = file_at(rev, path)
    if old.data is None:
        return Comparison(None, (), old.error)
    return _compare(check_bytes(old.name, old.data, run, path=path), check_file(path, run))
