"""Assembles a briefing from a checked strategy: header facts, budget table, money by year,
cumulative disbursement against the schedule, and soft-earmarked allocations. Pure."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.briefing import (
    Allocation,
    Briefing,
    Facts,
    SchedulePoint,
    SourceFile,
    YearFigures,
)
from iomstrat.engine.budget import budget_table
from iomstrat.model import Strategy
from iomstrat.report import Diagnostic

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


def planned(strategy: Strategy, year: int) -> Decimal:
    return sum((line.amounts.get(year, ZERO) for line in strategy.budget.lines), ZERO)


def approved(strategy: Strategy, year: int) -> Decimal | None:
    """The year's amount as Parliament decided it; None while the year is only planned."""
    approval = strategy.approval(year)
    if approval is None or approval.status == "planned":
        return None
    if approval.status == "withheld":
        return ZERO
    if approval.amount is not None:
        return approval.amount
    if approval.lines:
        return sum(approval.lines.values(), ZERO)
    return planned(strategy, year)


def disbursed(strategy: Strategy, year: int) -> Decimal:
    """Disbursed in the year. Strategy files record no disbursements yet, so nothing is."""
    return ZERO


def year_figures(strategy: Strategy) -> tuple[YearFigures, ...]:
    rows = []
    for year in strategy.strategy.period.years:
        approval = strategy.approval(year)
        plan = planned(strategy, year)
        decided = approved(strategy, year)
        paid = disbursed(strategy, year)
        basis = plan if decided is None else decided
        rows.append(
            YearFigures(
                year=year,
                status=approval.status if approval else "planned",
                planned=plan,
                approved=decided,
                disbursed=paid,
                remaining=basis - paid,
            )
        )
    return tuple(rows)


def scheduled(strategy: Strategy, year: int) -> Decimal:
    """The cover table's projected annual disbursement, else the planned budget."""
    cover = strategy.cover.projected_disbursement if strategy.cover else None
    if cover is not None and year in cover.by_year:
        return cover.by_year[year]
    return planned(strategy, year)


def schedule(strategy: Strategy, years: tuple[YearFigures, ...]) -> tuple[SchedulePoint, ...]:
    points = []
    total_scheduled = total_disbursed = ZERO
    for figures in years:
        due = scheduled(strategy, figures.year)
        total_scheduled += due
        total_disbursed += figures.disbursed
        points.append(
            SchedulePoint(figures.year, due, figures.disbursed, total_scheduled, total_disbursed)
        )
    return tuple(points)


def allocations(strategy: Strategy) -> tuple[Allocation, ...]:
    """Soft-earmarked allocations by country or region. Strategy files record none yet."""
    return ()


def briefing(
    strategy: Strategy, source: SourceFile, diagnostics: tuple[Diagnostic, ...]
) -> Briefing:
    years = year_figures(strategy)
    return Briefing(
        source=source,
        diagnostics=diagnostics,
        facts=facts(strategy),
        table=budget_table(strategy),
        years=years,
        schedule=schedule(strategy, years),
        allocations=allocations(strategy),
        disbursement_recorded=False,
    )
