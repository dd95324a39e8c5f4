"""Result data of `iomstrat diff`: what an edit changes in money, approval flags and findings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iomstrat.findings import Diagnostic


@dataclass(frozen=True)
class AmountChange:
    """One figure of one budget row that differs; `year` None is the row's period total.
    `old` or `new` is None where the row or year exists on one side only."""

    row_id: str
    name: str
    kind: str  # "line", "subtotal" or "total", as in BudgetRow
    year: int | None
    old: Decimal | None
    new: Decimal | None

    @property
    def change(self) -> Decimal:
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@dataclass(frozen=True)
class ApprovalChange:
    """A year whose approval flag or approved amount differs."""

    year: int
    old_status: str | None
    new_status: str | None
    old_amount: Decimal | None
    new_amount: Decimal | None


@dataclass(frozen=True)
class StrategyDiff:
    old_name: str
    new_name: str
    currency: str
    unit: str
    lines: tuple[AmountChange, ...]
    totals: tuple[AmountChange, ...]
    approvals: tuple[ApprovalChange, ...]
    appeared: tuple[Diagnostic, ...]
    """Findings of the new version that the old one did not have (positions in the new file)."""
    disappeared: tuple[Diagnostic, ...]
    """Findings of the old version that the new one no longer has (positions in the old file)."""

    @property
    def changed(self) -> bool:
        return bool(
            self.lines or self.totals or self.approvals or self.appeared or self.disappeared
        )
