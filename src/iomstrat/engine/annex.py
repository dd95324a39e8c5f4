"""A table file as a report: the printed rows, and the sums computed from their figures."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from iomstrat.model.table import Figure, Table
from iomstrat.results.table import FigureTable, TableCell, TableLine

HUNDRED = Decimal(100)


def aligned(table: Table, cells: list[Figure | None] | list[Decimal | None]) -> bool:
    return len(cells) == len(table.table.columns)


def row_sum(row_cells: list[Figure | None]) -> Decimal:
    return sum((c.amount for c in row_cells if c is not None and c.amount is not None), Decimal(0))


def column_sum(table: Table, index: int) -> Decimal:
    return sum(
        (
            c.amount
            for row in table.rows
            if aligned(table, row.cells)
            for c in [row.cells[index]]
            if c is not None and c.amount is not None
        ),
        Decimal(0),
    )


def growth_percent(previous: Decimal, current: Decimal) -> Decimal:
    """Growth from one total to the next, in percent, exact to 4 decimals."""
    return ((current / previous - 1) * HUNDRED).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _cell(cell: Figure | None) -> TableCell | None:
    if cell is None:
        return None
    return TableCell(cell.amount, cell.marker, dash=cell.amount is None)


def _places(step: Decimal) -> int:
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def figure_table(table: Table) -> FigureTable:
    """The table as printed, plus a computed row (column sums) and computed row totals."""
    info = table.table
    lines = [
        TableLine(
            row.name,
            "row",
            tuple(_cell(c) for c in row.cells),
            _cell(row.total),
            row_sum(row.cells),
            refund=row.refund,
        )
        for row in table.rows
    ]
    width = len(info.columns)
    sums = tuple(TableCell(column_sum(table, j)) for j in range(width))
    if table.column_totals is not None:
        totals = table.column_totals
        lines.append(
            TableLine(
                totals.name or "",  # no name: the renderer words it
                "total",
                tuple(_cell(c) for c in totals.cells),
                _cell(totals.total),
                row_sum(totals.cells),
            )
        )
    if table.growth is not None:
        lines.append(
            TableLine(
                table.growth.name or "",
                "growth",
                tuple(TableCell(p) if p is not None else None for p in table.growth.percent),
                None,
                None,
            )
        )
    everything = sum((c.amount for c in sums if c.amount is not None), Decimal(0))
    lines.append(TableLine("", "computed", sums, TableCell(everything), None))
    footnotes = tuple(f"{marker} {text}" for marker, text in info.markers.items())
    return FigureTable(
        title=info.title,
        heading=info.heading or "",
        currency=info.currency,
        unit=info.unit,
        places=_places(info.printed_step),
        row_heading=info.row_heading or "",
        headings=tuple(
            str(h) if h is not None else table.column_name(j) for j, h in enumerate(info.columns)
        ),
        total_heading=info.total_heading or "",
        lines=tuple(lines),
        footnotes=footnotes + tuple(info.legend),
    )
