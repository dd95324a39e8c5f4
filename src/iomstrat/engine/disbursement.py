"""The disbursement calculator: plan, approvals, allocations and payments per line and year,
as of a date, in Decimal; and the portfolio across strategy files. Pure: rates come in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from iomstrat.engine.book import ZERO, Book, Rates, cents
from iomstrat.engine.plan import (
    Tranches,
    allocated,
    allocation_line,
    approved_line,
    approved_year,
    factor,
    planned,
    quarter_end,
    quarter_of,
    schedule,
    soft_earmarked_line,
)
from iomstrat.model.strategy import Strategy
from iomstrat.rates import Quote

if TYPE_CHECKING:  # built where reports are made: `validate` books payments, makes no report
    from iomstrat.results.disbursement import (
        DisbursementReport,
        DisbursementRow,
        Figures,
        Portfolio,
        PriorityRow,
    )


VIEWS = ("line", "year", "quarter", "priority")


@dataclass
class _Sums:
    planned: Decimal = ZERO
    approved: Decimal | None = None
    allocated: Decimal | None = None
    disbursed: Decimal = ZERO
    scheduled: Decimal = ZERO
    scheduled_year: Decimal = ZERO
    summed_basis: Decimal | None = None  # sum of each year's basis, for totals of years

    @property
    def basis(self) -> Decimal:
        """What the balance is measured against: approved where decided, else planned."""
        if self.summed_basis is not None:
            return self.summed_basis
        return self.approved if self.approved is not None else self.planned

    def add(self, other: _Sums) -> None:
        self.summed_basis = (self.summed_basis if self.summed_basis is not None else ZERO) + (
            other.basis
        )
        self.planned += other.planned
        if other.approved is not None:
            self.approved = (self.approved or ZERO) + other.approved
        if other.allocated is not None:
            self.allocated = (self.allocated or ZERO) + other.allocated
        self.disbursed += other.disbursed
        self.scheduled += other.scheduled
        self.scheduled_year += other.scheduled_year

    def figures(self) -> Figures:
        from iomstrat.results.disbursement import Figures

        basis = self.basis
        already = max(self.disbursed, self.scheduled)
        return Figures(
            planned=self.planned,
            approved=self.approved,
            allocated=self.allocated,
            disbursed=self.disbursed,
            remaining=basis - self.disbursed,
            rate=(self.disbursed / basis).quantize(Decimal("0.0001")) if basis else None,
            scheduled=self.scheduled,
            variance=self.disbursed - self.scheduled,
            forecast=self.disbursed + max(ZERO, self.scheduled_year - already),
        )


class _Converter:
    """Strategy currency to the report's: plans at the as-of rate, payments at their date's."""

    def __init__(self, source: str, target: str, as_of: dt.date, rates: Rates) -> None:
        self.source, self.target, self.rates = source, target, rates
        self.quotes: dict[tuple[str, dt.date], Quote | None] = {}
        self.notes: list[str] = []
        self.plan_rate = Decimal(1)
        if source != target:
            quote = self.quote(source, as_of)
            if quote is None:
                raise ValueError(f"no ECB reference rate from {source} to {target}")
            self.plan_rate = quote.rate
            self.notes.append(
                f"Plans, approvals and allocations converted at the ECB reference rate of "
                f"{quote.on.isoformat()}: 1 {source} = {quote.rate:.6f} {target}; payments at "
                "the rate of their date (payments made in "
                f"{target} at their own amount)."
            )

    def quote(self, currency: str, day: dt.date) -> Quote | None:
        key = (currency, day)
        if key not in self.quotes:
            self.quotes[key] = self.rates.quote(currency, self.target, day)
        return self.quotes[key]

    def plan(self, amount: Decimal) -> Decimal:
        return amount if self.source == self.target else cents(amount * self.plan_rate)


def disbursement_report(
    strategy: Strategy,
    book: Book,
    *,
    file: str,
    as_of: dt.date,
    by: str = "line",
    currency: str | None = None,
    rates: Rates,
) -> DisbursementReport:
    """Per line and year (and the period) as of `as_of`, grouped as `by` asks.

    Raises ValueError when the report currency has no ECB rate (the caller reports it)."""
    from iomstrat.results.disbursement import DisbursementReport, DisbursementRow

    info = strategy.strategy
    target = currency or info.currency
    convert = _Converter(info.currency, target, as_of, rates)
    years = list(info.period.years)
    lines = [line.id for line in strategy.budget.lines]
    soft = {allocation_line(strategy, a) for a in strategy.allocations}
    soft.add(soft_earmarked_line(strategy))
    tranches = schedule(strategy)

    # One pass over the payments.
    by_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    by_quarter: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    by_allocation: dict[str, Decimal] = defaultdict(Decimal)
    for payment, amount in zip(book.payments.records, book.amounts, strict=True):
        if amount is None or payment.date > as_of:
            continue
        if target != info.currency:
            if payment.currency == target:
                amount = payment.amount
            else:
                quote = convert.quote(info.currency, payment.date)
                amount = cents(amount * quote.rate) if quote else convert.plan(amount)
        by_line[(payment.line, payment.year)] += amount
        if payment.date.year < payment.year:
            quarter = 1
        elif payment.date.year > payment.year:
            quarter = 4
        else:
            quarter = quarter_of(payment.date)
        by_quarter[(payment.year, quarter)] += amount
        if payment.allocation is not None:
            by_allocation[payment.allocation] += amount

    cells: dict[tuple[str, int], _Sums] = {}
    for year in years:
        for line_id in lines:
            due = tranches.get((line_id, year), [])
            approved = approved_line(strategy, line_id, year, as_of)
            cells[(line_id, year)] = _Sums(
                planned=convert.plan(planned(strategy, line_id, year)),
                approved=None if approved is None else convert.plan(approved),
                allocated=convert.plan(allocated(strategy, line_id, year, as_of))
                if line_id in soft
                else None,
                disbursed=by_line.get((line_id, year), ZERO),
                scheduled=convert.plan(sum((a for d, a in due if d <= as_of), ZERO)),
                scheduled_year=convert.plan(sum((a for _, a in due), ZERO)),
            )

    def year_sums(year: int) -> _Sums:
        total = _Sums()
        for line_id in lines:
            total.add(cells[(line_id, year)])
        approved = approved_year(strategy, year, as_of)
        if approved is not None:
            total.approved = convert.plan(approved)
            total.summed_basis = None  # the year's decision, whatever its split over lines
        return total

    rows: list[DisbursementRow] = []
    names = {line.id: f"{line.label or ''} {line.name}".strip() for line in strategy.budget.lines}
    period = f"{years[0]}-{years[-1]}" if years else "no period"
    if by == "line":
        for year in years:
            for line_id in lines:
                rows.append(
                    DisbursementRow(
                        line_id, names[line_id], "line", year, cells[(line_id, year)].figures()
                    )
                )
            rows.append(
                DisbursementRow(
                    str(year), f"Total {year}", "subtotal", year, year_sums(year).figures()
                )
            )
        grand = _Sums()
        for line_id in lines:
            line_total = _Sums()
            for year in years:
                line_total.add(cells[(line_id, year)])
            rows.append(
                DisbursementRow(line_id, f"{names[line_id]}", "line", None, line_total.figures())
            )
        for year in years:
            grand.add(year_sums(year))
        rows.append(DisbursementRow(period, f"Total {period}", "total", None, grand.figures()))
    elif by == "year":
        grand = _Sums()
        for year in years:
            sums = year_sums(year)
            grand.add(sums)
            rows.append(DisbursementRow(str(year), str(year), "line", year, sums.figures()))
        rows.append(DisbursementRow(period, f"Total {period}", "total", None, grand.figures()))
    elif by == "quarter":
        rows += _quarter_rows(strategy, years, lines, tranches, by_quarter, convert, as_of)
    priority_rows = (
        _priority_rows(strategy, by_allocation, convert, as_of) if by == "priority" else ()
    )
    return DisbursementReport(
        file=file,
        title=info.title,
        currency=target,
        as_of=as_of,
        by=by,
        rows=tuple(rows),
        priority_rows=tuple(priority_rows),
        payments=len(book.payments.records),
        allocations=len(strategy.allocations),
        notes=tuple(convert.notes),
    )


def _quarter_rows(
    strategy: Strategy,
    years: list[int],
    lines: list[str],
    tranches: Tranches,
    by_quarter: dict[tuple[int, int], Decimal],
    convert: _Converter,
    as_of: dt.date,
) -> list[DisbursementRow]:
    """Per year and quarter, all lines: due in the quarter, paid in it, and cumulatively."""
    from iomstrat.results.disbursement import DisbursementRow

    rows = []
    for year in years:
        cumulative = _Sums()
        for quarter in range(1, 5):
            end = quarter_end(year, quarter)
            due = [
                a
                for ln in lines
                for d, a in tranches.get((ln, year), [])
                if quarter_of(d) == quarter or (d.year != year and quarter == 4)
            ]
            sums = _Sums(
                planned=convert.plan(sum(due, ZERO)),
                disbursed=by_quarter.get((year, quarter), ZERO),
                scheduled=convert.plan(sum(due, ZERO)) if end <= as_of else ZERO,
                scheduled_year=convert.plan(sum(due, ZERO)),
            )
            cumulative.add(sums)
            rows.append(
                DisbursementRow(
                    f"{year}-Q{quarter}", f"{year} Q{quarter}", "line", year, sums.figures()
                )
            )
        cumulative.approved = approved_year(strategy, year, as_of)
        if cumulative.approved is not None:
            cumulative.approved = convert.plan(cumulative.approved)
        rows.append(
            DisbursementRow(str(year), f"Total {year}", "subtotal", year, cumulative.figures())
        )
    return rows


def _priority_rows(
    strategy: Strategy,
    by_allocation: dict[str, Decimal],
    convert: _Converter,
    as_of: dt.date,
) -> list[PriorityRow]:
    from iomstrat.results.disbursement import PriorityRow

    unit = factor(strategy)
    allocated_to: dict[int | None, Decimal] = defaultdict(Decimal)
    paid_to: dict[int | None, Decimal] = defaultdict(Decimal)
    items: dict[int | None, int] = defaultdict(int)
    known_items: dict[str, int | None] = {}
    for allocation in strategy.allocations:
        for item in allocation.items:
            if item.id is not None:
                known_items[item.id] = item.priority_area
            if allocation.date <= as_of:
                allocated_to[item.priority_area] += convert.plan(item.amount * unit)
                items[item.priority_area] += 1
    for item_id, amount in by_allocation.items():
        paid_to[known_items.get(item_id)] += amount
    rows = []
    for area in strategy.priority_areas:
        rows.append(
            PriorityRow(
                str(area.id),
                f"{area.id}. {area.name}",
                "line",
                allocated_to[area.id],
                paid_to[area.id],
                items[area.id],
            )
        )
    if allocated_to.get(None) or paid_to.get(None):
        rows.append(
            PriorityRow(
                "-",
                "No priority area tagged",
                "line",
                allocated_to[None],
                paid_to[None],
                items[None],
            )
        )
    rows.append(
        PriorityRow(
            "total",
            "Total",
            "total",
            sum(allocated_to.values(), ZERO),
            sum(paid_to.values(), ZERO),
            sum(items.values()),
        )
    )
    return rows


def portfolio(
    reports: Iterable[tuple[Strategy, Book]],
    *,
    as_of: dt.date,
    currency: str,
    files: tuple[str, ...],
    rates: Rates,
) -> Portfolio:
    """Totals per Finance Act code and year across strategy files, in one currency."""
    from iomstrat.results.disbursement import Portfolio, PortfolioRow

    totals: dict[tuple[str, int | None], _Sums] = {}
    seen: dict[tuple[str, int | None], set[int]] = defaultdict(set)
    for index, (strategy, book) in enumerate(reports):
        convert = _Converter(strategy.strategy.currency, currency, as_of, rates)
        paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
        for payment, amount in zip(book.payments.records, book.amounts, strict=True):
            if amount is not None and payment.date <= as_of:
                paid[(payment.line, payment.year)] += amount
        for line in strategy.budget.lines:
            for year in strategy.strategy.period.years:
                approved = approved_line(strategy, line.id, year, as_of)
                cell = _Sums(
                    planned=convert.plan(planned(strategy, line.id, year)),
                    approved=None if approved is None else convert.plan(approved),
                    disbursed=convert.plan(paid.get((line.id, year), ZERO)),
                )
                keys: tuple[tuple[str, int | None], ...] = (
                    (line.finance_act_code, year),
                    (line.finance_act_code, None),
                )
                for key in keys:
                    seen[key].add(index)
                    totals.setdefault(key, _Sums()).add(cell)
    rows = []
    for (code, row_year), sums in sorted(
        totals.items(), key=lambda kv: (kv[0][0], kv[0][1] is None, kv[0][1] or 0)
    ):
        rows.append(
            PortfolioRow(
                code,
                row_year,
                sums.planned,
                sums.approved,
                sums.disbursed,
                sums.basis - sums.disbursed,
                len(seen[(code, row_year)]),
            )
        )
    return Portfolio(currency, as_of, files, tuple(rows))
