"""The budget table as computed for renderers: rows, year headings. No behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iomstrat.results.versions import History


@dataclass(frozen=True)
class BudgetRow:
    """One printed row of the budget table: a line, a subtotal or the total."""

    id: str
    label: str
    name: str
    kind: str  # "line", "subtotal", "total" or "code" (the total of one Finance Act code)
    finance_act_code: str
    amounts: dict[int, Decimal]
    total: Decimal


@dataclass(frozen=True)
class YearHeading:
    year: int
    status: str  # as of the table's date: planned, approved, reduced, withheld, unfunded
    approved_amount: Decimal | None


@dataclass(frozen=True)
class ApprovedLine:
    """What parliament approved for one line, by year; None for a year not decided as of the
    table's date. Shown where a year is reduced or withheld (else it is the plan)."""

    id: str
    name: str
    amounts: dict[int, Decimal | None]
    apportioned: bool  # a reduction naming no lines, split in proportion to the plan


@dataclass(frozen=True)
class CoverFigures:
    """One row of the cover table (commitment, projected_disbursement), in the table's unit,
    with the footnote markers the cover prints after its figures (by year, or `total`)."""

    name: str  # commitment | projected_disbursement
    by_year: dict[int, Decimal]
    total: Decimal | None
    markers: dict[str, str] = field(default_factory=dict)  # {"2027": "¹", "total": "*"}


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
    approved_lines: tuple[ApprovedLine, ...] = ()
    cover: tuple[CoverFigures, ...] = ()  # the cover table's rows, as the version shown prints them
    history: History | None = None  # the document's versions the figures follow, if recorded

    @property
    def apportioned_years(self) -> frozenset[int]:
        """Years whose lines a later version does not give (apportioned over the earlier split)."""
        return frozenset(y for y, _ in self.history.apportioned) if self.history else frozenset()
