"""The core of `iomstrat report`: read each file once, hash it, check it, build its briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from iomstrat import loader
from iomstrat.briefing import Briefing, Report, SourceFile
from iomstrat.engine.briefing import briefing
from iomstrat.engine.checks import Context, run_checks
from iomstrat.model import Strategy
from iomstrat.reading import validate_as
from iomstrat.report import Severity
from iomstrat.validate import expand_paths


def brief_file(path: str, as_of: dt.date) -> Briefing:
    """One file's briefing; the hash is of the very bytes the figures were read from."""
    data, problem = loader.read_bytes(path)
    source = SourceFile(
        path=path,
        absolute_path="(standard input)" if path == "-" else os.path.abspath(path),
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        size=len(data) if data is not None else None,
    )
    if data is None:
        return Briefing(source, tuple([problem] if problem else []))
    document = loader.load_bytes(path, data)
    strategy = validate_as(document, Strategy)
    found = list(document.diagnostics)
    if strategy is None:
        return Briefing(source, tuple(sorted(found)))
    found += run_checks(Context(strategy, document, as_of))
    return briefing(strategy, source, tuple(sorted(found)))


def build_report(paths: list[str], as_of: dt.date) -> Report:
    return Report(as_of, tuple(brief_file(path, as_of) for path in expand_paths(paths)))


def exit_code(report: Report) -> int:
    """As `validate` (without --strict): 2 a file could not be read, 1 errors, else 0."""
    worst = max((d.severity for b in report.briefings for d in b.diagnostics), default=None)
    if worst is Severity.FATAL:
        return 2
    return 1 if worst is Severity.ERROR else 0
