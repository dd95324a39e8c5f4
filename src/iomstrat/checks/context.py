"""What every check may look at (`Context`), and the shape of a check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from iomstrat.engine.book import Book
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


Check = Callable[[Context], list[Diagnostic]]


def money(ctx: Context, amount: Decimal) -> str:
    return f"{ctx.strategy.strategy.currency} {amount:,.2f}"
