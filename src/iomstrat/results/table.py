"""A table file (an annex) as computed for renderers: cells, lines, the table. No behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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
    headings: tuple[str | int, ...]  # an int: a column printed without a heading, by number
    total_heading: str
    lines: tuple[TableLine, ...]
    footnotes: tuple[str, ...]
