"""The core of `iomstrat report`: read each file once, hash it, check it as `validate` does,
and build its briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from iomstrat.core.pipeline import Run, check_file, exit_status, expand_paths
from iomstrat.engine.briefing import briefing
from iomstrat.loader import documents as loader
from iomstrat.results.briefing import Briefing, Report, SourceFile


def source_file(path: str, data: bytes | None) -> SourceFile:
    return SourceFile(
        path=path,
        absolute_path="(standard input)" if path == "-" else os.path.abspath(path),
        sha256=hashlib.sha256(data).hexdigest() if data is not None else None,
        size=len(data) if data is not None else None,
    )


def brief_file(path: str, run: Run) -> Briefing:
    """One file's briefing, through the one pipeline. The file is read once, so its hash is
    that of the very bytes the figures come from."""
    checked = check_file(path, run)
    source = source_file(path, checked.data)
    strategy, book = checked.strategy, checked.book
    if strategy is None or book is None:
        return Briefing(source, checked.diagnostics, is_table=checked.table is not None)
    ledgers = tuple(source_file(p, _read(p)) for p in book.payments.sources[1:])
    return briefing(
        strategy,
        book,
        source=source,
        diagnostics=checked.diagnostics,
        as_of=run.as_of,
        rates=run.rates,
        ledgers=ledgers,
    )


def _read(path: str) -> bytes | None:
    data, _ = loader.read_bytes(path)
    return data


def build_report(paths: list[str], as_of: dt.date) -> Report:
    run = Run(as_of)
    return Report(as_of, tuple(brief_file(path, run) for path in expand_paths(paths)))


def exit_code(report: Report) -> int:
    """As `validate` (without --strict): 2 a file could not be read, 1 errors, else 0."""
    return exit_status(d for b in report.briefings for d in b.diagnostics)
