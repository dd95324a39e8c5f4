"""What every check may look at (`Context`), and the shape of a check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from iomstrat.engine.book import Book
from iomstrat.engine.targets import Tables
from iomstrat.findings import DataPath, Diagnostic, Severity
from iomstrat.loader.documents import Document
from iomstrat.model.strategy import Strategy

FOREVER = dt.date.max
"""As of this date every recorded decision is in force: limits judged for the whole period."""


class Context(NamedTuple):
    """What every check may look at: the strategy, where its values stand, and the date."""

    strategy: Strategy
    document: Document
    as_of: dt.date
    book: Book | None = None  # the payments, for the IOM4xx checks
    tables: Tables | None = None  # the strategy's `tables:`, read, for the IOM8xx checks

    def finding(
        self,
        code: str,
        path: DataPath,
        /,
        *,
        key: bool = False,
        kind: str = "",
        severity: Severity | None = None,
        **values: Any,
    ) -> Diagnostic:
        """A finding of `code` at `path` (its key with `key=True`) carrying the values its
        message quotes, as `codes.py` names them; `render.messages` words it."""
        return self.document.finding(code, path, key=key, kind=kind, severity=severity, **values)


Check = Callable[[Context], list[Diagnostic]]
