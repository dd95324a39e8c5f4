"""Finding what a statement speaks of: a table's cell, row or column total or grand total (the
printed one where printed, else the sum), a budget line's or stated total's amounts, a count of
rows or of a part of the strategy, a row's rank, a share of a column; in currency units, with
where each figure stands. Figures only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from iomstrat.model.base import Unnamed
from iomstrat.model.statements import STATED_UNIT_FACTORS, Target
from iomstrat.model.strategy import UNIT_FACTORS, Strategy
from iomstrat.results.statements import Found, Problem

if TYPE_CHECKING:  # a strategy without tables builds no table models (start-up)
    from iomstrat.model.table import Table

HUNDRED = Decimal(100)
ZERO = Decimal(0)

Tables = Mapping[str, "Table | None"]
"""The strategy's tables by name; None where the file could not be read as a table."""


class Unresolved(Exception):
    """A target the data lacks (caught by `engine.statements`)."""

    def __init__(self, problem: Problem, missing: str | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.missing = missing


def table_of(target: Target, tables: Tables) -> tuple[str, Table]:
    name = target.table or ""
    if name not in tables:
        raise Unresolved(Problem.UNKNOWN_TABLE, name)
    table = tables[name]
    if table is None:
        raise Unresolved(Problem.UNREADABLE_TABLE, name)
    return name, table


def _column(table: Table, column: str | int) -> int:
    wanted = str(column).rstrip("*")
    for index, heading in enumerate(table.table.columns):
        name = table.column_name(index)
        named = name.reference if isinstance(name, Unnamed) else name
        if named == wanted or str(heading).rstrip("*") == wanted:
            return index
    raise Unresolved(Problem.UNKNOWN_COLUMN, str(column))


def _row(table: Table, name: str) -> int:
    found = [i for i, row in enumerate(table.rows) if row.name == name]
    if not found:
        raise Unresolved(Problem.UNKNOWN_ROW, name)
    if len(found) > 1:
        raise Unresolved(Problem.AMBIGUOUS_ROW, name)
    return found[0]


def _cell(table: Table, row: int, column: int) -> Decimal | None:
    """A cell's figure: '-' is zero, an empty cell None."""
    cells = table.rows[row].cells
    cell = cells[column] if column < len(cells) else None
    if cell is None:
        return None
    return cell.amount if cell.amount is not None else ZERO


def _column_cells(table: Table, column: int) -> list[tuple[int, Decimal]]:
    return [
        (i, value) for i in range(len(table.rows)) if (value := _cell(table, i, column)) is not None
    ]


def _row_total(table: Table, row: int) -> Decimal:
    printed = table.rows[row].total
    if printed is not None and printed.amount is not None:
        return printed.amount
    return sum((c.amount for c in table.rows[row].cells if c and c.amount), ZERO)


def _column_total(table: Table, column: int) -> Decimal:
    totals = table.column_totals
    if totals is not None and column < len(totals.cells):
        cell = totals.cells[column]
        if cell is not None and cell.amount is not None:
            return cell.amount
    return sum((value for _, value in _column_cells(table, column)), ZERO)


def _grand_total(table: Table) -> Decimal:
    totals = table.column_totals
    if totals is not None and totals.total is not None and totals.total.amount is not None:
        return totals.total.amount
    return sum((_column_total(table, c) for c in range(len(table.table.columns))), ZERO)


def table_found(name: str, table: Table, **where: object) -> dict[str, object]:
    factor = STATED_UNIT_FACTORS[table.table.unit]
    return {
        "table": name,
        "section": table.table.section,
        "title": table.table.title,
        "currency": table.table.currency,
        "printed_step": table.table.printed_step * factor,
        "unit": table.table.unit,
        **where,
    }


def table_figure(target: Target, strategy: Strategy, tables: Tables) -> Found:
    """An amount in a table, in currency units: a cell, a row's or column's total, the
    grand total (printed where the table prints it, else the sum)."""
    name, table = table_of(target, tables)
    factor = STATED_UNIT_FACTORS[table.table.unit]
    column = _column(table, target.column) if target.column is not None else None
    row = _row(table, target.row) if target.row is not None else None
    if row is not None and column is not None:
        value = _cell(table, row, column)
        if value is None:
            raise Unresolved(Problem.EMPTY_CELL, f"{target.row}, {target.column}")
    elif row is not None:
        value = _row_total(table, row)
    elif column is not None:
        value = _column_total(table, column)
    else:
        value = _grand_total(table)
    where = table_found(
        name,
        table,
        row=target.row,
        column=table.column_name(column) if column is not None else None,
        printed=value,
    )
    return Found(value * factor, **where)  # type: ignore[arg-type]


def budget_figures(target: Target, strategy: Strategy) -> tuple[Found, ...]:
    """A budget line's or stated total's amounts, in currency units: one year, or every year."""
    factor = UNIT_FACTORS[strategy.strategy.unit]
    if target.line is not None:
        line = strategy.line(target.line)
        if line is None:
            raise Unresolved(Problem.UNKNOWN_LINE, target.line)
        amounts, name = line.amounts, line.id
    else:
        total = next((t for t in strategy.budget.totals if t.id == target.total), None)
        if total is None:
            raise Unresolved(Problem.UNKNOWN_TOTAL, target.total)
        amounts, name = total.stated, total.id
    years = [target.year] if target.year is not None else sorted(amounts)
    if any(year not in amounts for year in years):
        raise Unresolved(Problem.UNKNOWN_LINE, f"{name} {target.year}")
    step = strategy.budget.printed_step * factor
    currency = strategy.strategy.currency
    return tuple(
        Found(
            amounts[y] * factor,
            line=name,
            year=y,
            currency=currency,
            printed_step=step,
            printed=amounts[y],
            unit=strategy.strategy.unit,
        )
        for y in years
    )


def amounts(target: Target, strategy: Strategy, tables: Tables) -> tuple[Found, ...]:
    if target.table is not None:
        return (table_figure(target, strategy, tables),)
    if target.line is not None or target.total is not None:
        return budget_figures(target, strategy)
    raise Unresolved(Problem.NOT_COMPARABLE, target.part)


def count(target: Target, strategy: Strategy, tables: Tables) -> Found:
    """A count: a table's rows with a figure above zero in the column (all its rows without
    one), or a part of the strategy."""
    if target.table is not None:
        name, table = table_of(target, tables)
        if target.column is not None:
            column = _column(table, target.column)
            number = sum(1 for _, value in _column_cells(table, column) if value > 0)
            where = table_found(name, table, column=table.column_name(column))
        else:
            number, where = len(table.rows), table_found(name, table)
        where["printed_step"] = None
        return Found(Decimal(number), **where)  # type: ignore[arg-type]
    if target.part == "priority_areas":
        return Found(Decimal(len(strategy.priority_areas)), line="priority_areas")
    if target.part == "budget_lines":
        return Found(Decimal(len(strategy.budget.lines)), line="budget_lines")
    if target.part == "dialogue_every_months":
        every = strategy.dialogue.every_months if strategy.dialogue else None
        if every is None:
            raise Unresolved(Problem.NOT_COMPARABLE, "dialogue.every_months")
        return Found(Decimal(every), line="dialogue.every_months")
    if target.part == "period_years":
        period = strategy.strategy.period
        return Found(Decimal(period.end - period.start + 1), line="period_years")
    raise Unresolved(Problem.NOT_COMPARABLE, target.line or target.total)


def _ranked(table: Table, column: int) -> dict[int, int]:
    """Row -> rank in the column, largest first; equal figures share a rank."""
    cells = _column_cells(table, column)
    return {i: 1 + sum(1 for _, other in cells if other > value) for i, value in cells}


def ranks(
    target: Target, names: list[str], strategy: Strategy, tables: Tables
) -> tuple[Found, ...]:
    """Each named row's figure in the column and (as `amount`) its rank."""
    name, table = table_of(target, tables)
    if target.column is None:
        raise Unresolved(Problem.NO_COLUMN)
    column = _column(table, target.column)
    ranked = _ranked(table, column)
    found = []
    for row_name in names:
        row = _row(table, row_name)
        if row not in ranked:
            raise Unresolved(Problem.EMPTY_CELL, f"{row_name}, {target.column}")
        where = table_found(name, table, row=row_name, column=table.column_name(column))
        where["printed"] = _cell(table, row, column)  # the row's figure, quoted beside its rank
        where["printed_step"] = None
        found.append(Found(Decimal(ranked[row]), **where))  # type: ignore[arg-type]
    return tuple(found)


def share(target: Target, strategy: Strategy, tables: Tables) -> Found:
    """Per cent of a column's total (or of the grand total, for a row): a cell's, a row's, or
    that of the column's `top` largest rows."""
    name, table = table_of(target, tables)
    column = _column(table, target.column) if target.column is not None else None
    if target.top is not None:
        if column is None:
            raise Unresolved(Problem.NO_COLUMN)
        largest = sorted((v for _, v in _column_cells(table, column)), reverse=True)
        part, whole = sum(largest[: target.top], ZERO), _column_total(table, column)
    elif target.row is not None:
        row = _row(table, target.row)
        if column is not None:
            cell = _cell(table, row, column)
            if cell is None:
                raise Unresolved(Problem.EMPTY_CELL, f"{target.row}, {target.column}")
            part, whole = cell, _column_total(table, column)
        else:
            part, whole = _row_total(table, row), _grand_total(table)
    else:
        raise Unresolved(Problem.UNKNOWN_ROW, "")
    if whole == 0:
        raise Unresolved(Problem.NO_TOTAL, str(target.column))
    where = table_found(
        name,
        table,
        row=target.row,
        column=table.column_name(column) if column is not None else None,
    )
    where["printed_step"] = None
    return Found(part / whole * HUNDRED, **where)  # type: ignore[arg-type]


_SECTION = re.compile(r"\b(annex|appendix|section|chapter)\s+([0-9]+|[ivx]+)\b", re.I)


def section_key(text: str) -> str:
    """'ANNEX 3 - Donor overview' and 'Annex 3' -> 'annex 3'; else the text, lower-case."""
    match = _SECTION.search(text)
    return f"{match[1].lower()} {match[2].lower()}" if match else text.strip().lower()
