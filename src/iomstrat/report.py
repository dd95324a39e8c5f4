"""Result data the engine hands to renderers: findings and computed tables. No behaviour."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

DataPath = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """Ordered so that `max()` gives the worst; FATAL means the input could not be read."""

    INFO = 0
    WARNING = 1
    ERROR = 2
    FATAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about one input file, pinned to a position in it."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    path: DataPath = field(default=(), compare=False)

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


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


@dataclass(frozen=True)
class TableCell:
    """One cell of a printed table: an amount, its footnote marker, or '-' (none, `dash`)."""

    amount: Decimal | None
    marker: str = ""
    dash: bool = False


@dataclass(frozen=True)
class TableLine:
    """A row of a table file: printed cells and total, and the total computed from the cells."""

    name: str
    kind: str  # "row", "total", "growth" or "computed"
    cells: tuple[TableCell | None, ...]
    total: TableCell | None
    computed_total: Decimal | None
    refund: bool = False


@dataclass(frozen=True)
class FigureTable:
    """A table file as printed, with a computed row of column sums."""

    title: str
    heading: str
    currency: str
    unit: str
    places: int
    row_heading: str
    headings: tuple[str, ...]
    total_heading: str
    lines: tuple[TableLine, ...]
    footnotes: tuple[str, ...]
