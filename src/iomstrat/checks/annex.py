"""Checks of a table file: row, column and grand totals against the printed ones, growth
percentages, footnote markers and refunds; small pure functions in a tuple."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from iomstrat.checks.errata import TABLE_FIGURES, check_errata, errata_reasons
from iomstrat.engine.annex import aligned, growth_percent
from iomstrat.engine.sums import (
    ACKNOWLEDGED_ERRATUM,
    SumCheck,
    Term,
    acknowledged,
    check_sums,
    rounding_tolerance,
)
from iomstrat.findings import DataPath, Diagnostic, Phrase, phrase
from iomstrat.loader.documents import Document
from iomstrat.model.table import Figure, Table

CELL_COUNT = "IOM601"
UNKNOWN_MARKER = "IOM602"
UNUSED_MARKER = "IOM603"
REFUND_SIGN = "IOM604"
GROWTH_MISMATCH = "IOM605"
GROWTH_ROUNDING = "IOM606"

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class TableContext:
    table: Table
    document: Document


TableCheck = Callable[[TableContext], list[Diagnostic]]


def _amount(cell: Figure | None) -> Decimal | None:
    return cell.amount if cell is not None else None


def _label(name: str, limit: int = 24) -> str:
    """A row name short enough to list among many terms."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _tidy(value: Decimal) -> Decimal:
    """0.030 -> 0.03, 10.0 -> 10: a tolerance as a reader writes it."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _tolerance(table: Table, rounded_terms: int) -> Decimal:
    return _tidy(rounding_tolerance(table.table.printed_step, rounded_terms))


def check_cell_counts(ctx: TableContext) -> list[Diagnostic]:
    table = ctx.table
    width = len(table.table.columns)
    places: list[tuple[DataPath, Phrase, int]] = [
        (("rows", i, "cells"), phrase("cells.row", row=row.name), len(row.cells))
        for i, row in enumerate(table.rows)
    ]
    if table.column_totals is not None:
        places.append(
            (
                ("column_totals", "cells"),
                phrase("cells.column_totals"),
                len(table.column_totals.cells),
            )
        )
    if table.growth is not None:
        places.append((("growth", "percent"), phrase("cells.growth"), len(table.growth.percent)))
    if table.table.column_names is not None:
        names = table.table.column_names
        places.append((("table", "column_names"), phrase("cells.column_names"), len(names)))
    return [
        ctx.document.finding(CELL_COUNT, path, what=what, count=count, columns=width)
        for path, what, count in places
        if count != width
    ]


def _marked_places(table: Table) -> list[tuple[DataPath, str]]:
    places: list[tuple[DataPath, str]] = []
    for j, heading in enumerate(table.table.columns):
        text = str(heading) if heading is not None else ""
        marker = text[len(text.rstrip("*")) :]
        if marker:
            places.append((("table", "columns", j), marker))
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            if cell is not None and cell.marker:
                places.append((("rows", i, "cells", j), cell.marker))
        if row.total is not None and row.total.marker:
            places.append((("rows", i, "total"), row.total.marker))
    return places


def check_markers(ctx: TableContext) -> list[Diagnostic]:
    """A marker with no footnote is an error; a footnote no figure refers to is worth a note."""
    known = ctx.table.table.markers
    places = _marked_places(ctx.table)
    found = [
        ctx.document.finding(UNKNOWN_MARKER, path, marker=marker, known=tuple(sorted(known)))
        if known
        else ctx.document.finding(UNKNOWN_MARKER, path, kind="none_known", marker=marker)
        for path, marker in places
        if marker not in known
    ]
    used = {marker for _, marker in places}
    found += [
        ctx.document.finding(UNUSED_MARKER, ("table", "markers", marker), key=True, marker=marker)
        for marker in known
        if marker not in used
    ]
    return found


def check_refunds(ctx: TableContext) -> list[Diagnostic]:
    """Refunds (printed in parentheses) are negative; every other figure is not."""
    found = []
    for i, row in enumerate(ctx.table.rows):
        for j, cell in enumerate(row.cells):
            amount = _amount(cell)
            if amount is None or amount == 0:
                continue
            if row.refund and amount > 0:
                kind = "positive_refund"
            elif not row.refund and amount < 0:
                kind = "negative"
            else:
                continue
            found.append(
                ctx.document.finding(
                    REFUND_SIGN, ("rows", i, "cells", j), kind=kind, row=row.name, amount=amount
                )
            )
    return found


def _row_checks(table: Table) -> list[SumCheck]:
    heading = table.table.total_heading
    checks = []
    for i, row in enumerate(table.rows):
        if row.total is None or row.total.amount is None or not aligned(table, row.cells):
            continue
        terms = tuple(
            Term(table.column_name(j), cell.amount)
            for j, cell in enumerate(row.cells)
            if cell is not None and cell.amount is not None
        )
        checks.append(
            SumCheck(
                phrase("sum.row", row=row.name, heading=heading)
                if heading
                else phrase("sum.row_total", row=row.name),
                ("rows", i, "total"),
                row.total.amount,
                terms,
                _tolerance(table, len(terms)),
                tuple(("rows", i, "cells", j) for j in range(len(row.cells))),
            )
        )
    return checks


def _column_checks(table: Table) -> list[SumCheck]:
    totals = table.column_totals
    rows = [totals.cells, *(row.cells for row in table.rows)] if totals is not None else []
    if totals is None or not all(aligned(table, cells) for cells in rows):
        return []  # a misaligned row (IOM601) leaves the columns unknown
    checks = []
    for j, stated in enumerate(totals.cells):
        if stated is None or stated.amount is None:
            continue
        terms = tuple(
            Term(_label(row.name), cell.amount)
            for row in table.rows
            if aligned(table, row.cells)
            for cell in [row.cells[j]]
            if cell is not None and cell.amount is not None
        )
        checks.append(
            SumCheck(
                phrase("sum.column", column=table.column_name(j)),
                ("column_totals", "cells", j),
                stated.amount,
                _summarised(terms),
                _tolerance(table, len(terms)),
                tuple(("rows", i, "cells", j) for i in range(len(table.rows))),
            )
        )
    return checks


MAX_TERMS_LISTED = 15


def _summarised(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """Many terms as two: the positive figures and the negative ones (refunds), same sum."""
    if len(terms) <= MAX_TERMS_LISTED:
        return terms
    positive = [t.value for t in terms if t.value >= 0]
    negative = [t.value for t in terms if t.value < 0]
    grouped = [
        Term(phrase(f"sum.{what}", count=len(values)), sum(values, Decimal(0)))
        for what, values in (("figures", positive), ("negative_figures", negative))
        if values
    ]
    return tuple(grouped)


def _grand_checks(table: Table) -> list[SumCheck]:
    totals = table.column_totals
    if totals is None or totals.total is None or totals.total.amount is None:
        return []
    stated = totals.total.amount
    path: DataPath = ("column_totals", "total")
    row_terms = tuple(
        Term(_label(row.name), row.total.amount)
        for row in table.rows
        if row.total is not None and row.total.amount is not None
    )
    column_terms = tuple(
        Term(table.column_name(j), cell.amount)
        for j, cell in enumerate(totals.cells)
        if cell is not None and cell.amount is not None
    )
    checks = []
    if row_terms:
        checks.append(
            SumCheck(
                phrase("sum.grand_rows"),
                path,
                stated,
                row_terms,
                _tolerance(table, len(row_terms)),
                tuple(("rows", i, "total") for i in range(len(table.rows))),
            )
        )
    if column_terms and aligned(table, totals.cells):
        checks.append(
            SumCheck(
                phrase("sum.grand_columns"),
                path,
                stated,
                column_terms,
                _tolerance(table, len(column_terms)),
                tuple(("column_totals", "cells", j) for j in range(len(totals.cells))),
            )
        )
    return checks


def check_totals(ctx: TableContext) -> list[Diagnostic]:
    """Every stated total against the sum of the figures it stands for (IOM101, IOM102)."""
    checks = _row_checks(ctx.table) + _column_checks(ctx.table) + _grand_checks(ctx.table)
    return check_sums(ctx.document, checks, errata=errata_reasons(ctx.table.errata))


def check_table_errata(ctx: TableContext) -> list[Diagnostic]:
    return check_errata(ctx.document, ctx.table, ctx.table.errata, TABLE_FIGURES)


def _whole(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), ROUND_HALF_UP)


def check_growth(ctx: TableContext) -> list[Diagnostic]:
    """Each printed growth percentage against the column totals it compares, rounded to a whole
    percent. A mismatch the rounding of the two printed totals could cause is a warning."""
    table, growth, totals = ctx.table, ctx.table.growth, ctx.table.column_totals
    if growth is None or totals is None:
        return []
    if not (aligned(table, growth.percent) and aligned(table, totals.cells)):
        return []
    half = table.table.printed_step / 2
    errata = errata_reasons(table.errata)
    found = []
    for j, printed in enumerate(growth.percent):
        if printed is None:
            continue
        path: DataPath = ("growth", "percent", j)
        before = _amount(totals.cells[j - 1]) if j > 0 else None
        now = _amount(totals.cells[j])
        if before is None or now is None or before <= half:
            found.append(
                ctx.document.finding(
                    GROWTH_MISMATCH,
                    path,
                    kind="no_previous",
                    printed=printed,
                    column=table.column_name(j),
                )
            )
            continue
        exact = growth_percent(before, now)
        if _whole(exact) == printed:
            continue
        low = growth_percent(before + half, now - half)
        high = growth_percent(before - half, now + half)
        growth_of: dict[str, Any] = {
            "column": table.column_name(j),
            "printed": printed,
            "computed": exact,
            "before": before,
            "now": now,
            "rounded": _whole(exact),
        }
        reason = acknowledged(
            errata, path, ("column_totals", "cells", j), ("column_totals", "cells", j - 1)
        )
        if reason is not None:
            found.append(
                ctx.document.finding(
                    ACKNOWLEDGED_ERRATUM, path, kind="growth", **growth_of, reason=reason
                )
            )
        elif _whole(low) <= printed <= _whole(high):
            found.append(
                ctx.document.finding(
                    GROWTH_ROUNDING, path, **growth_of, low=_whole(low), high=_whole(high)
                )
            )
        else:
            found.append(
                ctx.document.finding(
                    GROWTH_MISMATCH, path, **growth_of, low=_whole(low), high=_whole(high)
                )
            )
    return found


def table_checks() -> tuple[TableCheck, ...]:
    """The registry, built fresh per call."""
    return (
        check_cell_counts,
        check_markers,
        check_refunds,
        check_totals,
        check_growth,
        check_table_errata,
    )


def run_table_checks(ctx: TableContext) -> list[Diagnostic]:
    return [finding for check in table_checks() for finding in check(ctx)]
