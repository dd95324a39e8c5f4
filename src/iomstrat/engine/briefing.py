"""Assembles a briefing from a checked strategy and its payments: header facts, budget table,
money by year, cumulative disbursement against the schedule by quarter, and soft-earmarked
allocations by country or region. Pure: payments and exchange rates come in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from iomstrat.engine.book import Book, Rates
from iomstrat.engine.budget import budget_table
from iomstrat.engine.disbursement import disbursement_report
from iomstrat.engine.plan import allocated_lines, dialogue_lines, factor
from iomstrat.engine.statements import hold_statements
from iomstrat.engine.targets import Tables
from iomstrat.findings import Diagnostic
from iomstrat.model.strategy import Strategy
from iomstrat.places import Places
from iomstrat.results.briefing import (
    Allocation,
    Briefing,
    Facts,
    SchedulePoint,
    SourceFile,
    YearFigures,
)
from iomstrat.results.disbursement import DialoguePeriodRow, DisbursementReport
from iomstrat.results.statements import Assumed
from iomstrat.results.versions import History

ZERO = Decimal(0)


def facts(strategy: Strategy) -> Facts:
    info = strategy.strategy
    units = [info.responsible_unit] + [line.responsible_unit for line in strategy.budget.lines]
    return Facts(
        title=info.title,
        organisation=info.organisation.name,
        acronym=info.organisation.acronym or "",
        file_no=info.file_no or "",
        start=info.period.start,
        end=info.period.end,
        finance_act_code=info.finance_act_code,
        responsible_units=tuple(dict.fromkeys(u for u in units if u)),
        desk_officer=info.desk_officer or "",
        financial_officer=info.financial_officer or "",
        currency=info.currency,
        unit=info.unit,
    )


def year_figures(strategy: Strategy, by_year: DisbursementReport) -> tuple[YearFigures, ...]:
    """The disbursement engine's figures per year (its `--by year` rows)."""
    rows = []
    for row in by_year.rows:
        if row.year is None:
            continue  # the period total
        approval = strategy.approval(row.year)
        money = row.figures
        rows.append(
            YearFigures(
                year=row.year,
                status=approval.status if approval else "planned",
                planned=money.planned,
                approved=money.approved,
                allocated=money.allocated,
                disbursed=money.disbursed,
                remaining=money.remaining,
                unallocated=money.unallocated,
                unallocated_basis=money.unallocated_basis,
            )
        )
    return tuple(rows)


def dialogue_line_years(by_line: DisbursementReport) -> tuple[DialoguePeriodRow, ...]:
    """Per line the dialogue allocates and year, where the dialogue meets once a year and
    allocates more than one line: the year's basis, what was allocated of it and what is still
    unallocated, from the disbursement engine's `--by line` rows (the same figures to the øre),
    as rows of the dialogue's periods (an annual dialogue's period is the year). One line's
    figures are the years table's; a dialogue meeting more often has its periods' rows."""
    if by_line.dialogue_periods:
        return ()
    rows: dict[str, list[DialoguePeriodRow]] = {}  # by line, in the file's order
    for row in by_line.rows:
        money = row.figures
        if row.kind != "line" or row.year is None or money.unallocated is None:
            continue
        decided = money.approved is not None
        rows.setdefault(row.key, []).append(
            DialoguePeriodRow(
                line=row.key,
                label=row.label,
                year=row.year,
                period=str(row.year),
                basis=money.approved if money.approved is not None else money.planned,
                basis_kind="approved" if decided else "planned",
                allocated=money.allocated or ZERO,
                unallocated=money.unallocated,
            )
        )
    if len(rows) < 2:
        return ()
    return tuple(r for line in rows.values() for r in line)  # line by line, as the periods


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def schedule(by_quarter: DisbursementReport, as_of: dt.date) -> tuple[SchedulePoint, ...]:
    """Cumulative schedule and disbursement by quarter (the engine's `--by quarter` rows: due
    and paid in each quarter of each appropriation year); nothing is known after `as_of`."""
    points = []
    total_scheduled = total_disbursed = ZERO
    for row in by_quarter.rows:
        if row.kind != "line" or row.year is None:
            continue  # the years' subtotals
        quarter = int(row.key.rsplit("Q", 1)[1])
        due = row.figures.tranche if row.figures.tranche is not None else row.figures.planned
        total_scheduled += due
        known = quarter_start(row.year, quarter) <= as_of
        total_disbursed += row.figures.disbursed
        points.append(
            SchedulePoint(
                year=row.year,
                quarter=quarter,
                scheduled=due,
                disbursed=row.figures.disbursed if known else None,
                cumulative_scheduled=total_scheduled,
                cumulative_disbursed=total_disbursed if known else None,
            )
        )
    return tuple(points)


def allocations(strategy: Strategy, as_of: dt.date, places: Places) -> tuple[Allocation, ...]:
    """Dialogue allocations decided by `as_of`, summed per country or region over the period;
    a known country is named in English whatever the file calls it ("ETH", "Etiopien"), with
    its code, so that a renderer names it in its reader's language."""
    sums: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for allocation in strategy.allocations:
        if allocation.date > as_of:
            continue
        for item in allocation.items:
            if item.country is not None:
                place = places.country(item.country)
                code = place.code if place else ""
                key = ((places.name(code) if code else None) or item.country, "country", code)
            else:
                region = " ".join((item.region or "").split())
                place = places.region(region)
                key = (region, "region", place.code if place else "")
            sums[key] += item.amount * factor(strategy)
    ordered = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(Allocation(name, kind, amount, code) for (name, kind, code), amount in ordered)


def briefing(
    strategy: Strategy,
    book: Book,
    *,
    source: SourceFile,
    diagnostics: tuple[Diagnostic, ...],
    as_of: dt.date,
    rates: Rates,
    ledgers: tuple[SourceFile, ...] = (),
    tables: Tables | None = None,
    history: History | None = None,
    written: Strategy | None = None,
) -> Briefing:
    def report(by: str) -> DisbursementReport:
        return disbursement_report(
            strategy, book, file=source.path, as_of=as_of, by=by, rates=rates
        )

    by_year = report("year")
    several = len(allocated_lines(strategy)) > 1  # lines whose unallocated the report splits
    return Briefing(
        source=source,
        diagnostics=diagnostics,
        facts=facts(strategy),
        table=budget_table(strategy, as_of=as_of, history=history),
        years=year_figures(strategy, by_year),
        schedule=schedule(report("quarter"), as_of),
        allocations=allocations(strategy, as_of, Places()) if strategy.allocations else (),
        payments=by_year.payments,
        ledgers=ledgers,
        cover=strategy.cover,
        statements=hold_statements(written or strategy, tables or {}),
        assumptions=tuple(Assumed(a.at, a.reason) for a in strategy.assumptions),
        allocates=bool(dialogue_lines(strategy) or strategy.allocations),
        dialogue_periods=by_year.dialogue_periods
        or (dialogue_line_years(report("line")) if several else ()),
    )
