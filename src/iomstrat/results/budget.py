"""The budget table as computed for renderers: rows, year headings. No behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class BudgetRow:
    """One printed row of the budget table: a line, a subtotal or the total."""

    id: str
    label: str
    name: str
    kind: str  # "line", "subtotal" or "total"
    finance_act_code: str
    amounts: dict[int, Decimal]
    total: Decimal


@dataclass(frozen=True)
class YearHeading:
    year: int
    status: str  # planned, approved, reduced, withheld
    approved_amount: Decimal | None


@dataclass(frozen=True)
class BudgetTable:
    """The strategy's budget table, scaled to one unit, in the document's row order."""

    title: str
    currency: str
    unit: str
    years: tuple[YearHeading, ...]
    rows: tuple[BudgetRow, ...]
    footnote: str
    funding_basis: str
