"""The core of `iomstrat validate`: read each file, run every check, return findings as data."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from iomstrat import loader
from iomstrat.engine.checks import Context, run_checks
from iomstrat.engine.tables import TableContext, run_table_checks
from iomstrat.model import Strategy
from iomstrat.model_table import Table, is_table_data
from iomstrat.reading import Reading, validate_as
from iomstrat.report import Diagnostic, Severity

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileResult:
    reading: Reading
    diagnostics: tuple[Diagnostic, ...]
    table: Table | None = None

    @property
    def worst(self) -> Severity | None:
        return max((d.severity for d in self.diagnostics), default=None)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a directory stands for the YAML files directly inside it, sorted."""
    expanded: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.endswith(YAML_SUFFIXES))
            expanded += [os.path.join(path, n) for n in names]
        else:
            expanded.append(path)
    return expanded


def validate_file(path: str, as_of: dt.date, *, display_name: str | None = None) -> FileResult:
    """Check one file as what its top-level key says it is: a table file or a strategy."""
    document = loader.load(path, display_name=display_name)
    if is_table_data(document.data):
        table = validate_as(document, Table)
        found = list(document.diagnostics)
        if table is not None:
            found += run_table_checks(TableContext(table, document))
        return FileResult(Reading(document, None), tuple(sorted(found)), table)
    reading = Reading(document, validate_as(document, Strategy))
    found = list(reading.diagnostics)
    if reading.strategy is not None:
        found += run_checks(Context(reading.strategy, reading.document, as_of))
    return FileResult(reading, tuple(sorted(found)))


def exit_code(results: list[FileResult], *, strict: bool) -> int:
    """0 clean, 1 findings (errors; warnings too under --strict), 2 an input could not be read."""
    worst = max((r.worst for r in results if r.worst is not None), default=None)
    if worst is None:
        return 0
    if worst is Severity.FATAL:
        return 2
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return 1
    return 0
