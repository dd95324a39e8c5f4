"""The document's statements held against its own figures: each statement's target found in
the strategy or its tables, the bounds its wording allows, and whether the figure lies within;
statements of the same quantity held against each other. Figures only, no words."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal

from iomstrat.model.errors import parse_path
from iomstrat.model.statements import STATED_UNIT_FACTORS, Statement, Target
from iomstrat.model.strategy import UNIT_FACTORS, Strategy
from iomstrat.model.table import Table
from iomstrat.results.statements import Bounds, Found, Problem, StatementResult, Verdict

APPROXIMATE = Decimal("0.10")
"""How far 'about', 'around', 'almost' and 'nearly' reach: a tenth of the figure stated."""
HUNDRED = Decimal(100)
ZERO = Decimal(0)

Tables = Mapping[str, Table | None]
"""The strategy's tables by name; None where the file could not be read as a table."""


class Unresolved(Exception):
    """A target the data lacks (caught in this module only)."""

    def __init__(self, problem: Problem, missing: str | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.missing = missing


# --- bounds --------------------------------------------------------------------------------


def printed_step(stated: Decimal) -> Decimal:
    """The step a figure is printed to: 21.5 -> 0.1, 85 -> 1, 18000 -> 1."""
    exponent = stated.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0)) if isinstance(exponent, int) else Decimal(1)


def bounds(
    stated: Decimal, wording: str, factor: Decimal = Decimal(1), *, whole: bool = False
) -> Bounds:
    """The values `wording` allows for `stated` (times `factor`, the currency units one figure
    stands for): exactly means as rounded in print (a `whole` number - a count, a rank, a
    year - exactly itself); the approximate words reach a tenth."""
    value = stated * factor
    half = ZERO if whole else printed_step(stated) * factor / 2
    reach = max(half, abs(value) * APPROXIMATE)
    if wording in ("about", "around", "approximately", "some"):
        return Bounds(value - reach, value + reach)
    if wording in ("almost", "nearly"):
        return Bounds(value - reach, value)
    if wording == "more_than":
        return Bounds(value, None, open_low=True)
    if wording == "at_least":
        return Bounds(value, None)
    if wording == "less_than":
        return Bounds(None, value, open_high=True)
    if wording == "up_to":
        return Bounds(None, value)
    return Bounds(value - half, value + half)


def holds(allowed: Bounds, value: Decimal) -> bool:
    low, high = allowed.low, allowed.high
    if low is not None and (value < low or (allowed.open_low and value == low)):
        return False
    return not (high is not None and (value > high or (allowed.open_high and value == high)))


def meet(a: Bounds, b: Bounds) -> bool:
    """Whether some value satisfies both bounds."""
    low, open_low = _tighter(a.low, a.open_low, b.low, b.open_low, max)
    high, open_high = _tighter(a.high, a.open_high, b.high, b.open_high, min)
    if low is None or high is None:
        return True
    return low < high or (low == high and not (open_low or open_high))


def _tighter(
    a: Decimal | None,
    open_a: bool,
    b: Decimal | None,
    open_b: bool,
    pick: Callable[[Decimal, Decimal], Decimal],
) -> tuple[Decimal | None, bool]:
    if a is None:
        return b, open_b
    if b is None:
        return a, open_a
    if a == b:
        return a, open_a or open_b
    chosen = pick(a, b)
    return chosen, open_a if chosen == a else open_b


# --- finding a statement's target ------------------------------------------------------------


def _table(target: Target, strategy: Strategy, tables: Tables) -> tuple[str, Table]:
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
        if table.column_name(index) == wanted or str(heading).rstrip("*") == wanted:
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


def _table_found(name: str, table: Table, **where: object) -> dict[str, object]:
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
    name, table = _table(target, strategy, tables)
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
    where = _table_found(
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
        name, table = _table(target, strategy, tables)
        if target.column is not None:
            column = _column(table, target.column)
            number = sum(1 for _, value in _column_cells(table, column) if value > 0)
            where = _table_found(name, table, column=table.column_name(column))
        else:
            number, where = len(table.rows), _table_found(name, table)
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
    name, table = _table(target, strategy, tables)
    if target.column is None:
        raise Unresolved(Problem.UNKNOWN_COLUMN, "")
    column = _column(table, target.column)
    ranked = _ranked(table, column)
    found = []
    for row_name in names:
        row = _row(table, row_name)
        if row not in ranked:
            raise Unresolved(Problem.EMPTY_CELL, f"{row_name}, {target.column}")
        where = _table_found(name, table, row=row_name, column=table.column_name(column))
        where["printed"] = _cell(table, row, column)  # the row's figure, quoted beside its rank
        where["printed_step"] = None
        found.append(Found(Decimal(ranked[row]), **where))  # type: ignore[arg-type]
    return tuple(found)


def share(target: Target, strategy: Strategy, tables: Tables) -> Found:
    """Per cent of a column's total (or of the grand total, for a row): a cell's, a row's, or
    that of the column's `top` largest rows."""
    name, table = _table(target, strategy, tables)
    column = _column(table, target.column) if target.column is not None else None
    if target.top is not None:
        if column is None:
            raise Unresolved(Problem.UNKNOWN_COLUMN, "")
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
    where = _table_found(
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


# --- holding statements --------------------------------------------------------------------


def _stated_factor(statement: Statement) -> Decimal:
    return STATED_UNIT_FACTORS[statement.unit] if statement.unit else Decimal(1)


def _verdict(
    index: int, statement: Statement, found: tuple[Found, ...], allowed: Bounds
) -> StatementResult:
    failing = tuple(f for f in found if f.amount is None or not holds(allowed, f.amount))
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(index, statement, verdict, found, failing, allowed)


def hold(index: int, statement: Statement, strategy: Strategy, tables: Tables) -> StatementResult:
    """One statement against its target; UNCHECKED where it has none."""
    target = statement.of
    try:
        if target is None:
            return StatementResult(index, statement, Verdict.UNCHECKED)
        if statement.kind == "amount":
            assert statement.stated is not None
            found = amounts(target, strategy, tables)
            if any(f.currency != statement.currency for f in found):
                raise Unresolved(Problem.NOT_COMPARABLE, found[0].currency)
            allowed = _allowed(statement)
            return _verdict(index, statement, found, allowed)
        if statement.kind in ("count", "year", "share"):
            assert statement.stated is not None
            figure = (
                share(target, strategy, tables)
                if statement.kind == "share"
                else count(target, strategy, tables)
            )
            return _verdict(index, statement, (figure,), _allowed(statement))
        if statement.kind == "rank":
            assert statement.stated is not None and target.row is not None
            found = ranks(target, [target.row], strategy, tables)
            return _verdict(index, statement, found, _allowed(statement))
        if statement.kind == "ranking":
            return _ranking(index, statement, target, strategy, tables)
        if statement.kind == "reference":
            return _reference(index, statement, target, strategy, tables)
        assert statement.same_as is not None
        return _same(index, statement, target, statement.same_as, strategy, tables)
    except Unresolved as unresolved:
        if unresolved.problem is Problem.UNREADABLE_TABLE:  # IOM807 says so, once
            return StatementResult(index, statement, Verdict.UNCHECKED, problem=unresolved.problem)
        return StatementResult(
            index,
            statement,
            Verdict.UNRESOLVED,
            problem=unresolved.problem,
            missing=unresolved.missing,
        )


def _ranking(
    index: int, statement: Statement, target: Target, strategy: Strategy, tables: Tables
) -> StatementResult:
    found = ranks(target, statement.order, strategy, tables)
    stated = range(statement.first, statement.first + len(found))
    failing = tuple(f for f, rank in zip(found, stated, strict=True) if f.amount != rank)
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(
        index,
        statement,
        verdict,
        found,
        failing,
        ranks=tuple(int(f.amount or 0) for f in found),
    )


def _reference(
    index: int, statement: Statement, target: Target, strategy: Strategy, tables: Tables
) -> StatementResult:
    name, table = _table(target, strategy, tables)
    section = table.table.section or ""
    found = Found(None, **_table_found(name, table))  # type: ignore[arg-type]
    assert statement.refers_to is not None
    same = section_key(section) == section_key(statement.refers_to)
    verdict = Verdict.HOLDS if same else Verdict.DIFFERS
    return StatementResult(index, statement, verdict, (found,), () if same else (found,))


def _same(
    index: int,
    statement: Statement,
    first: Target,
    second: Target,
    strategy: Strategy,
    tables: Tables,
) -> StatementResult:
    """One figure printed in two places: equal, but for the rounding of each print."""
    one, other = amounts(first, strategy, tables), amounts(second, strategy, tables)
    if len(one) != 1 or len(other) != 1 or one[0].currency != other[0].currency:
        raise Unresolved(Problem.NOT_COMPARABLE, other[0].currency if other else None)
    a, b = one[0], other[0]
    assert a.amount is not None and b.amount is not None
    tolerance = ((a.printed_step or ZERO) + (b.printed_step or ZERO)) / 2
    allowed = Bounds(a.amount - tolerance, a.amount + tolerance)
    failing = () if holds(allowed, b.amount) else (b,)
    verdict = Verdict.DIFFERS if failing else Verdict.HOLDS
    return StatementResult(index, statement, verdict, (a, b), failing, allowed)


def stated_bounds(statement: Statement) -> Bounds | None:
    """What a statement's own words allow, in currency units for an amount."""
    if statement.stated is None:
        return None
    return _allowed(statement)


WHOLE_KINDS = ("count", "rank", "year")
"""Kinds whose figure, stated exactly, means itself: 174 countries are not 174.4."""


def _allowed(statement: Statement) -> Bounds:
    assert statement.stated is not None
    whole = statement.kind in WHOLE_KINDS
    return bounds(statement.stated, statement.wording, _stated_factor(statement), whole=whole)


def same_quantity(results: list[StatementResult]) -> list[StatementResult]:
    """Statements naming the same `quantity` are held against each other: one that no value
    can satisfy together with an earlier one disagrees with it (DIFFERS, the later one naming
    the earlier); one not otherwise checked that meets all the others holds."""
    out = list(results)
    groups: dict[str, list[int]] = {}
    for position, result in enumerate(results):
        if result.statement.quantity is not None and stated_bounds(result.statement):
            groups.setdefault(result.statement.quantity, []).append(position)
    for members in groups.values():
        if len(members) < 2:
            continue
        clashes: dict[int, list[int]] = {}
        for later_at, later in enumerate(members):
            for earlier in members[:later_at]:
                one, other = results[earlier].statement, results[later].statement
                mine, theirs = stated_bounds(other), stated_bounds(one)
                if one.currency != other.currency or mine is None or theirs is None:
                    continue
                if not meet(mine, theirs):
                    clashes.setdefault(later, []).append(results[earlier].index)
                    clashes.setdefault(earlier, [])
        for position in members:
            result = out[position]
            if position in clashes:
                verdict = (
                    result.verdict if result.verdict is Verdict.UNRESOLVED else Verdict.DIFFERS
                )
                out[position] = _replace(
                    result, verdict=verdict, disagrees_with=tuple(clashes[position])
                )
            elif result.verdict is Verdict.UNCHECKED:
                out[position] = _replace(result, verdict=Verdict.HOLDS)
    return out


def _replace(result: StatementResult, **changes: object) -> StatementResult:
    return replace(result, **changes)  # type: ignore[arg-type]


def acknowledged(strategy: Strategy) -> dict[int, str]:
    """Statement index -> the reason of the erratum naming it (`at: statements[3]`)."""
    found: dict[int, str] = {}
    for erratum in strategy.errata:
        path = parse_path(erratum.at)
        if path and path[0] == "statements" and len(path) == 2 and isinstance(path[1], int):
            found.setdefault(path[1], erratum.reason)
    return found


def hold_statements(strategy: Strategy, tables: Tables) -> tuple[StatementResult, ...]:
    """Every statement of the strategy, held against its data and the others; a differing one
    the file's `errata:` names is acknowledged, with its reason."""
    results = same_quantity(
        [hold(i, s, strategy, tables) for i, s in enumerate(strategy.statements)]
    )
    reasons = acknowledged(strategy)
    return tuple(
        _replace(r, verdict=Verdict.ACKNOWLEDGED, reason=reasons[r.index])
        if r.verdict is Verdict.DIFFERS and r.index in reasons
        else r
        for r in results
    )
