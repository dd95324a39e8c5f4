"""What every check may look at (`Context`), and the shape of a check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from iomstrat.engine.book import Book, Rates
from iomstrat.engine.targets import Tables
from iomstrat.findings import Diagnostic
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
    rates: Rates | None = None  # the ECB rates of the run (a stated rate's plausibility)

    @property
    def finding(self) -> Callable[..., Diagnostic]:
        """`ctx.finding(CODE, path, key=False, kind="", **values)`: a finding at `path` (its
        key with `key=True`) carrying the values its message quotes, as `codes.py` names them
        (`Document.finding`); `render.messages` words it."""
        return self.document.finding


Check = Callable[[Context], list[Diagnostic]]
