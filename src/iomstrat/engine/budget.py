"""The budget table as the strategy prints it, computed in any unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iomstrat.engine.plan import decision, funded_years
from iomstrat.model.strategy import UNIT_FACTORS, Strategy
from iomstrat.results.budget import (
    ApprovedLine,
    BudgetRow,
    BudgetTable,
    CoverFigures,
    YearHeading,
)
from iomstrat.results.versions import History


def scale(amount: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """An amount in `from_unit` expressed in `to_unit`, exactly."""
    if from_unit == to_unit:
        return amount
    return (amount * UNIT_FACTORS[from_unit] / UNIT_FACTORS[to_unit]).normalize() + 0


_STATUS = {"undecided": "planned"}
"""A year without a decision in force is headed as planned, as the strategy prints it."""


def budget_table(
    strategy: Strategy,
    unit: str | None = None,
    as_of: dt.date = dt.date.max,
    history: History | None = None,
) -> BudgetTable:
    """Rows in the document's order: subtotals placed above their lines where it prints them so,
    every total computed from the lines (the checks compare them with the stated ones). Years
    are headed by parliament's decision in force on `as_of` (every recorded one by default).
    The cover's rows come too, as the version shown prints them (`history`: the document's
    versions, if recorded)."""
    info = strategy.strategy
    unit = unit or info.unit
    years = list(info.period.years)

    def row(
        id_: str, label: str, name: str, kind: str, code: str, amounts: dict[int, Decimal]
    ) -> BudgetRow:
        scaled = {y: scale(amounts.get(y, Decimal(0)), info.unit, unit) for y in years}
        return BudgetRow(id_, label, name, kind, code, scaled, sum(scaled.values(), Decimal(0)))

    line_rows = {
        line.id: row(
            line.id, line.label or "", line.name, "line", line.finance_act_code, line.amounts
        )
        for line in strategy.budget.lines
    }
    rows: list[BudgetRow] = []
    placed: set[str] = set()
    for total in strategy.budget.totals:
        members = [line_rows[i] for i in total.lines if i in line_rows]
        sums = {y: sum((m.amounts[y] for m in members), Decimal(0)) for y in years}
        is_grand = set(total.lines) >= set(line_rows)
        total_row = BudgetRow(
            total.id,
            "",
            total.name,
            "total" if is_grand else "subtotal",
            "",
            sums,
            sum(sums.values(), Decimal(0)),
        )
        new_members = [m for m in members if m.id not in placed]
        placed.update(m.id for m in new_members)
        if total.placement == "above":
            rows += [total_row, *new_members]
        else:
            rows += [*new_members, total_row]
    # Lines no total names, then a grand total if the file states none.
    for line_id, line_row in line_rows.items():
        if line_id not in placed:
            index = next((i for i, r in enumerate(rows) if r.kind == "total"), len(rows))
            rows.insert(index, line_row)
    if not any(r.kind == "total" for r in rows):
        sums = {y: sum((r.amounts[y] for r in line_rows.values()), Decimal(0)) for y in years}
        rows.append(
            # No name: the renderer writes "Total" in the reader's language.
            BudgetRow("total", "", "", "total", "", sums, sum(sums.values(), Decimal(0)))
        )
    rows += _code_rows(list(line_rows.values()), years)
    headings = []
    decided = {year: decision(strategy, year, as_of) for year in years}
    funded = set(funded_years(strategy))
    for year in years:
        found = decided[year]
        # What parliament decided for the year, in whole currency units, then in `unit`.
        amount = None if found.total is None else scale(found.total, "kroner", unit)
        status = _STATUS.get(found.status, found.status) if year in funded else "unfunded"
        headings.append(YearHeading(year, status, amount))
    approved_lines: list[ApprovedLine] = []
    if any(d.status in ("reduced", "withheld") for d in decided.values()):
        for line in strategy.budget.lines:
            amounts = {
                year: None if d.lines is None else scale(d.lines[line.id], "kroner", unit)
                for year, d in decided.items()
            }
            name = f"{line.label or ''} {line.name}".strip()
            apportioned = any(d.apportioned for d in decided.values())
            approved_lines.append(ApprovedLine(line.id, name, amounts, apportioned))
    return BudgetTable(
        title=strategy.budget.title,
        currency=info.currency,
        unit=unit,
        years=tuple(headings),
        rows=tuple(rows),
        # Empty without the file's own note: the renderer gives the default in its language.
        footnote="*" + info.approval_note if info.approval_note else "",
        funding_basis=info.funding_basis or "",
        approved_lines=tuple(approved_lines),
        cover=_cover(strategy, unit),
        history=history,
    )


def _code_rows(lines: list[BudgetRow], years: list[int]) -> list[BudgetRow]:
    """With lines on several Finance Act codes, a total per code, in the order codes first
    appear (no name: the renderer writes "Total §06.32.10.14" in the reader's language)."""
    codes = list(dict.fromkeys(line.finance_act_code for line in lines))
    if len(codes) < 2:
        return []
    found = []
    for code in codes:
        members = [line for line in lines if line.finance_act_code == code]
        sums = {y: sum((m.amounts[y] for m in members), Decimal(0)) for y in years}
        found.append(
            BudgetRow(f"code:{code}", "", "", "code", code, sums, sum(sums.values(), Decimal(0)))
        )
    return found


def _cover(strategy: Strategy, unit: str) -> tuple[CoverFigures, ...]:
    info, found = strategy.strategy, []
    for name in ("commitment", "projected_disbursement"):
        row = getattr(strategy.cover, name) if strategy.cover else None
        if row is not None:
            by_year = {y: scale(v, info.unit, unit) for y, v in sorted(row.by_year.items())}
            total = None if row.total is None else scale(row.total, info.unit, unit)
            found.append(CoverFigures(name, by_year, total, dict(row.markers)))
    return tuple(found)
