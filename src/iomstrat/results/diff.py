"""Result data of `iomstrat diff`: what an edit changes in money, approval flags and findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.findings import Diagnostic


class _Changed:
    """What an amount moved by: `new` less `old`, a missing side counting as zero."""

    old: Decimal | None
    new: Decimal | None

    @property
    def change(self) -> Decimal:
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@dataclass(frozen=True)
class AmountChange(_Changed):
    """One figure of one budget row that differs; `year` None is the row's period total.
    `old` or `new` is None where the row or year exists on one side only."""

    row_id: str
    name: str
    kind: str  # "line", "subtotal", "total" or "code", as in BudgetRow
    year: int | None
    old: Decimal | None
    new: Decimal | None


@dataclass(frozen=True)
class Decided:
    """One side of a year's approval: flag, amount and lines in the diff's unit, the Finance
    Act and the date."""

    status: str
    amount: Decimal | None
    finance_act: str | None
    decided_on: dt.date | None
    lines: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class ApprovalChange:
    """A year whose approval differs in any of flag, amount, line amounts, Finance Act, date."""

    year: int
    old: Decided | None
    new: Decided | None

    @property
    def old_status(self) -> str | None:
        return None if self.old is None else self.old.status

    @property
    def new_status(self) -> str | None:
        return None if self.new is None else self.new.status

    @property
    def old_amount(self) -> Decimal | None:
        return None if self.old is None else self.old.amount

    @property
    def new_amount(self) -> Decimal | None:
        return None if self.new is None else self.new.amount


@dataclass(frozen=True)
class AllocationChange(_Changed):
    """A dialogue allocation item added, removed or changed (amounts in the diff's unit)."""

    period: str  # the dialogue period: 2024, 2024-H1 or 2024-Q3
    item: str  # its id, or place and purpose
    old: Decimal | None
    new: Decimal | None


@dataclass(frozen=True)
class PaymentChange:
    """Payments of one line and appropriation year (all recorded, in whole currency units of
    the strategy) whose count or sum differs."""

    line: str
    year: int
    old_count: int
    old_sum: Decimal
    new_count: int
    new_sum: Decimal

    @property
    def change(self) -> Decimal:
        return self.new_sum - self.old_sum


@dataclass(frozen=True)
class StrategyDiff:
    old_name: str
    new_name: str
    currency: str
    unit: str
    lines: tuple[AmountChange, ...]
    totals: tuple[AmountChange, ...]
    approvals: tuple[ApprovalChange, ...]
    allocations: tuple[AllocationChange, ...]
    payments: tuple[PaymentChange, ...]
    appeared: tuple[Diagnostic, ...]
    """Findings of the new version that the old one did not have (positions in the new file)."""
    disappeared: tuple[Diagnostic, ...]
    """Findings of the old version that the new one no longer has (positions in the old file)."""

    @property
    def changed(self) -> bool:
        return bool(
            self.lines
            or self.totals
            or self.approvals
            or self.allocations
            or self.payments
            or self.appeared
            or self.disappeared
        )
