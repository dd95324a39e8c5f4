"""The core of `iomstrat diff`: read two versions of a strategy (files, or a file at a git
revision), check both, and hand both to the diff engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iomstrat.checks import run_checks
from iomstrat.checks.context import Context
from iomstrat.core.pipeline import FileResult, validate_file
from iomstrat.engine.diff import diff_strategies
from iomstrat.findings import Diagnostic
from iomstrat.loader import documents as loader
from iomstrat.loader.git import file_at
from iomstrat.model.errors import STRATEGY_LIMITS, Reading, validate_as
from iomstrat.model.strategy import Strategy
from iomstrat.results.diff import StrategyDiff


@dataclass(frozen=True)
class Comparison:
    """The diff, or the findings that kept a version from being read (then `diff` is None)."""

    diff: StrategyDiff | None
    problems: tuple[Diagnostic, ...]
    error: str | None = None  # could not run at all, e.g. an unknown git revision


def _validate_bytes(name: str, data: bytes, as_of: dt.date) -> FileResult:
    document = loader.load_bytes(name, data, STRATEGY_LIMITS)
    reading = Reading(document, validate_as(document, Strategy))
    found = list(reading.diagnostics)
    if reading.strategy is not None:
        found += run_checks(Context(reading.strategy, reading.document, as_of))
    return FileResult(reading, tuple(sorted(found)))


def _compare(old: FileResult, new: FileResult) -> Comparison:
    if old.reading.strategy is None or new.reading.strategy is None:
        problems = [
            d
            for result in (old, new)
            if result.reading.strategy is None
            for d in result.diagnostics
            if d.severity >= d.severity.ERROR
        ]
        return Comparison(None, tuple(problems))
    diff = diff_strategies(
        old.reading.strategy,
        new.reading.strategy,
        old_name=old.reading.document.name,
        new_name=new.reading.document.name,
        old_findings=old.diagnostics,
        new_findings=new.diagnostics,
    )
    return Comparison(diff, ())


def compare_files(old_path: str, new_path: str, as_of: dt.date) -> Comparison:
    return _compare(validate_file(old_path, as_of), validate_file(new_path, as_of))


def compare_revision(rev: str, path: str, as_of: dt.date) -> Comparison:
    """The file at git revision `rev` (old) against the working copy (new)."""
    old = file_at(rev, path)
    if old.data is None:
        return Comparison(None, (), f"{old.name}: {old.error}")
    return _compare(_validate_bytes(old.name, old.data, as_of), validate_file(path, as_of))
